// m1_spec.hpp: the C++ printed from the Coq module Hexproof.Spec.M1Spec.
//
// Generated; do not edit. Made by `extracted/regen.sh OUTDIR`, which runs: hexproof_printer --module Hexproof.Spec.Common --module Hexproof.Spec.Hex2Encode --module Hexproof.Spec.Hex2Lex --module Hexproof.Spec.Hex2Spec --module Hexproof.Spec.M1Eval --module Hexproof.Spec.M1Lex --module Hexproof.Spec.M1Spec --module Hexproof.Spec.Strtoint --module Hexproof.Proofs.ByteMap --module Hexproof.Proofs.Hex2Exec --module Hexproof.Proofs.M1Exec --module Hexproof.Proofs.OutBuf --out OUTDIR extraction.json
// Coq Hexproof.Spec.M1Spec.x is C++ hexproof::m1_spec::x. See extracted/SUBSET.md for the translation.
#pragma once

#include <cstdint>
#include <utility>

#include "coq_runtime.hpp"
#include "common.hpp"
#include "m1_lex.hpp"

namespace hexproof::m1_spec {

// Coq: Hexproof.Spec.M1Spec.text_eqb (Fixpoint; its self tail calls are the loop)
inline bool text_eqb(common::bytes a, common::bytes b) {
  for (;;) {
    switch (a.tag()) {
    case common::bytes::tag_t::nil: {
      switch (b.tag()) {
      case common::bytes::tag_t::nil: {
        return true;
      }
      case common::bytes::tag_t::cons: {
        return false;
      }
      }
      rt::impossible("no case matched in Hexproof.Spec.M1Spec.text_eqb");
    }
    case common::bytes::tag_t::cons: {
      const auto& cons_fields = a.as_cons();
      const common::byte& x = cons_fields.f0;
      const rt::list<common::byte>& a_ = cons_fields.f1;
      switch (b.tag()) {
      case common::bytes::tag_t::nil: {
        return false;
      }
      case common::bytes::tag_t::cons: {
        const auto& cons_fields_1 = b.as_cons();
        const common::byte& y = cons_fields_1.f0;
        const rt::list<common::byte>& b_ = cons_fields_1.f1;
        bool scrut = rt::n_eqb(x, y);
        if (scrut) {
          common::bytes next_a = a_;
          common::bytes next_b = b_;
          a = std::move(next_a);
          b = std::move(next_b);
          continue;
        } else {
          return false;
        }
      }
      }
      rt::impossible("no case matched in Hexproof.Spec.M1Spec.text_eqb");
    }
    }
    rt::impossible("no case matched in Hexproof.Spec.M1Spec.text_eqb");
  }
}

// Coq: Hexproof.Spec.M1Spec.define_text (Definition)
inline common::bytes define_text() {
  return rt::list<rt::N>::cons(rt::N{68}, rt::list<rt::N>::cons(rt::N{69}, rt::list<rt::N>::cons(rt::N{70}, rt::list<rt::N>::cons(rt::N{73}, rt::list<rt::N>::cons(rt::N{78}, rt::list<rt::N>::cons(rt::N{69}, rt::list<rt::N>::nil()))))));
}

// Coq: Hexproof.Spec.M1Spec.is_define (Definition)
inline bool is_define(const m1_lex::token& t) {
  switch (t.tag()) {
  case m1_lex::token::tag_t::Newline: {
    return false;
  }
  case m1_lex::token::tag_t::Word: {
    const auto& Word_fields = t.as_Word();
    const common::bytes& s = Word_fields.f0;
    return m1_spec::text_eqb(s, m1_spec::define_text());
  }
  }
  rt::impossible("no case matched in Hexproof.Spec.M1Spec.is_define");
}

// Coq: Hexproof.Spec.M1Spec.value_text (Definition)
inline common::bytes value_text(const m1_lex::token& t) {
  switch (t.tag()) {
  case m1_lex::token::tag_t::Newline: {
    return rt::list<common::byte>::cons(m1_lex::ch_lf(), rt::list<common::byte>::nil());
  }
  case m1_lex::token::tag_t::Word: {
    const auto& Word_fields = t.as_Word();
    const common::bytes& s = Word_fields.f0;
    switch (s.tag()) {
    case common::bytes::tag_t::nil: {
      return s;
    }
    case common::bytes::tag_t::cons: {
      const auto& cons_fields = s.as_cons();
      const common::byte& c = cons_fields.f0;
      const rt::list<common::byte>& body = cons_fields.f1;
      bool scrut = m1_lex::is_quote(c);
      if (scrut) {
        return body;
      } else {
        return s;
      }
    }
    }
    rt::impossible("no case matched in Hexproof.Spec.M1Spec.value_text");
  }
  }
  rt::impossible("no case matched in Hexproof.Spec.M1Spec.value_text");
}

// Coq: Hexproof.Spec.M1Spec.define_error (Definition)
inline common::error define_error(const common::error_kind& k, const m1_lex::token& t) {
  switch (t.tag()) {
  case m1_lex::token::tag_t::Newline: {
    return common::error::mk_error(k, rt::N{0}, rt::N{0}, rt::Z{0}, rt::list<common::byte>::nil());
  }
  case m1_lex::token::tag_t::Word: {
    const auto& Word_fields = t.as_Word();
    const rt::N& f = Word_fields.f1;
    const rt::N& o = Word_fields.f2;
    return common::error::mk_error(k, f, o, rt::Z{0}, rt::list<common::byte>::nil());
  }
  }
  rt::impossible("no case matched in Hexproof.Spec.M1Spec.define_error");
}

// Coq: Hexproof.Spec.M1Spec.next_is_newline (Definition)
inline bool next_is_newline(const rt::list<m1_lex::token>& ts) {
  switch (ts.tag()) {
  case rt::list<m1_lex::token>::tag_t::nil: {
    return false;
  }
  case rt::list<m1_lex::token>::tag_t::cons: {
    const auto& cons_fields = ts.as_cons();
    const m1_lex::token& t = cons_fields.f0;
    switch (t.tag()) {
    case m1_lex::token::tag_t::Newline: {
      return true;
    }
    case m1_lex::token::tag_t::Word: {
      return false;
    }
    }
    rt::impossible("no case matched in Hexproof.Spec.M1Spec.next_is_newline");
  }
  }
  rt::impossible("no case matched in Hexproof.Spec.M1Spec.next_is_newline");
}

// Coq: Hexproof.Spec.M1Spec.empty_input_error (Definition)
inline common::error empty_input_error() {
  return common::error::mk_error(common::error_kind::empty_input, rt::N{0}, rt::N{0}, rt::Z{0}, rt::list<common::byte>::nil());
}

}  // namespace hexproof::m1_spec
