// m1_lex.hpp: the C++ printed from the Coq module Hexproof.Spec.M1Lex.
//
// Generated; do not edit. Made by `extracted/regen.sh OUTDIR`, which runs: hexproof_printer --module Hexproof.Spec.CommandLine --module Hexproof.Spec.Common --module Hexproof.Spec.Hex2Encode --module Hexproof.Spec.Hex2Lex --module Hexproof.Spec.Hex2Spec --module Hexproof.Spec.M1Eval --module Hexproof.Spec.M1Lex --module Hexproof.Spec.M1Spec --module Hexproof.Spec.Quirks --module Hexproof.Spec.Strtoint --module Hexproof.Proofs.ByteMap --module Hexproof.Proofs.FirstUses --module Hexproof.Proofs.Hex2Check --module Hexproof.Proofs.Hex2CheckFirst --module Hexproof.Proofs.Hex2Exec --module Hexproof.Proofs.M1Check --module Hexproof.Proofs.M1CheckFirst --module Hexproof.Proofs.M1Exec --module Hexproof.Proofs.OutBuf --fields Extract.v --out OUTDIR extraction.json
// Coq Hexproof.Spec.M1Lex.x is C++ hexproof::m1_lex::x. See extracted/SUBSET.md for the translation.
#pragma once

#include <cstdint>
#include <utility>

#include "coq_runtime.hpp"
#include "common.hpp"

namespace hexproof::m1_lex {

struct token;

// Coq: Hexproof.Spec.M1Lex.token
struct token {
  enum class tag_t : std::uint8_t { Newline, Word };
  struct Word_t;
  static token Newline();
  static token Word(common::bytes a0, rt::N a1, rt::N a2);
  tag_t tag() const { return tag_; }
  const Word_t& as_Word() const;
  tag_t tag_ = tag_t::Newline;
  rt::box box_;
};

struct token::Word_t {
  common::bytes f0;
  rt::N f1;
  rt::N f2;
};
inline token token::Newline() { return token{tag_t::Newline, rt::box()}; }
inline token token::Word(common::bytes a0, rt::N a1, rt::N a2) { return token{tag_t::Word, rt::box::make<Word_t>(Word_t{std::move(a0), std::move(a1), std::move(a2)})}; }
inline auto token::as_Word() const -> const Word_t& { return box_.get<Word_t>(); }

// Coq: Hexproof.Spec.M1Lex.ch_tab (Definition)
inline common::byte ch_tab() {
  return rt::N{9};
}

// Coq: Hexproof.Spec.M1Lex.ch_lf (Definition)
inline common::byte ch_lf() {
  return rt::N{10};
}

// Coq: Hexproof.Spec.M1Lex.ch_cr (Definition)
inline common::byte ch_cr() {
  return rt::N{13};
}

// Coq: Hexproof.Spec.M1Lex.ch_space (Definition)
inline common::byte ch_space() {
  return rt::N{32};
}

// Coq: Hexproof.Spec.M1Lex.ch_dquote (Definition)
inline common::byte ch_dquote() {
  return rt::N{34};
}

// Coq: Hexproof.Spec.M1Lex.ch_hash (Definition)
inline common::byte ch_hash() {
  return rt::N{35};
}

// Coq: Hexproof.Spec.M1Lex.ch_squote (Definition)
inline common::byte ch_squote() {
  return rt::N{39};
}

// Coq: Hexproof.Spec.M1Lex.ch_semicolon (Definition)
inline common::byte ch_semicolon() {
  return rt::N{59};
}

// Coq: Hexproof.Spec.M1Lex.is_blank (Definition)
inline bool is_blank(const common::byte& c) {
  return rt::orb(rt::n_eqb(c, m1_lex::ch_space()), rt::n_eqb(c, m1_lex::ch_tab()));
}

// Coq: Hexproof.Spec.M1Lex.is_comment_start (Definition)
inline bool is_comment_start(const common::byte& c) {
  return rt::orb(rt::n_eqb(c, m1_lex::ch_hash()), rt::n_eqb(c, m1_lex::ch_semicolon()));
}

// Coq: Hexproof.Spec.M1Lex.is_comment_end (Definition)
inline bool is_comment_end(const common::byte& c) {
  return rt::orb(rt::n_eqb(c, m1_lex::ch_lf()), rt::n_eqb(c, m1_lex::ch_cr()));
}

// Coq: Hexproof.Spec.M1Lex.is_quote (Definition)
inline bool is_quote(const common::byte& c) {
  return rt::orb(rt::n_eqb(c, m1_lex::ch_dquote()), rt::n_eqb(c, m1_lex::ch_squote()));
}

// Coq: Hexproof.Spec.M1Lex.token_text (Definition)
inline common::bytes token_text(const m1_lex::token& t) {
  switch (t.tag()) {
  case m1_lex::token::tag_t::Newline: {
    return rt::list<common::byte>::cons(m1_lex::ch_lf(), rt::list<common::byte>::nil());
  }
  case m1_lex::token::tag_t::Word: {
    const auto& Word_fields = t.as_Word();
    const common::bytes& s = Word_fields.f0;
    return s;
  }
  }
  rt::fatal("no case matched in Hexproof.Spec.M1Lex.token_text");
}

// Coq: Hexproof.Spec.M1Lex.lex_error (Definition)
inline common::error lex_error(const common::error_kind& k, const rt::N& file, const rt::N& offset) {
  return common::error::mk_error(k, file, offset, rt::Z{0}, rt::list<common::byte>::nil());
}

// Coq: Hexproof.Spec.M1Lex.last_is_word (Fixpoint; its self tail calls are the loop)
inline bool last_is_word(const rt::list<m1_lex::token>& ts_in, bool w) {
  const rt::list<m1_lex::token>* ts = &ts_in;
  for (;;) {
    switch ((*ts).tag()) {
    case rt::list<m1_lex::token>::tag_t::nil: {
      return w;
    }
    case rt::list<m1_lex::token>::tag_t::cons: {
      const auto& cons_fields = (*ts).as_cons();
      const m1_lex::token& t = cons_fields.f0;
      const rt::list<m1_lex::token>& ts_ = cons_fields.f1;
      switch (t.tag()) {
      case m1_lex::token::tag_t::Newline: {
        const rt::list<m1_lex::token>* next_ts = &ts_;
        bool next_w = false;
        ts = std::move(next_ts);
        w = std::move(next_w);
        continue;
      }
      case m1_lex::token::tag_t::Word: {
        const rt::list<m1_lex::token>* next_ts_1 = &ts_;
        bool next_w_1 = true;
        ts = std::move(next_ts_1);
        w = std::move(next_w_1);
        continue;
      }
      }
      rt::fatal("no case matched in Hexproof.Spec.M1Lex.last_is_word");
    }
    }
    rt::fatal("no case matched in Hexproof.Spec.M1Lex.last_is_word");
  }
}

}  // namespace hexproof::m1_lex
