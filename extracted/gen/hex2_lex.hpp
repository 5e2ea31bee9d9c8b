// hex2_lex.hpp: the C++ printed from the Coq module Hexproof.Spec.Hex2Lex.
//
// Generated; do not edit. Made by `extracted/regen.sh OUTDIR`, which runs: hexproof_printer --module Hexproof.Spec.CommandLine --module Hexproof.Spec.Common --module Hexproof.Spec.Hex2Encode --module Hexproof.Spec.Hex2Lex --module Hexproof.Spec.Hex2Spec --module Hexproof.Spec.M1Eval --module Hexproof.Spec.M1Lex --module Hexproof.Spec.M1Spec --module Hexproof.Spec.Quirks --module Hexproof.Spec.Strtoint --module Hexproof.Proofs.ByteMap --module Hexproof.Proofs.FirstUses --module Hexproof.Proofs.Hex2Check --module Hexproof.Proofs.Hex2CheckFirst --module Hexproof.Proofs.Hex2Exec --module Hexproof.Proofs.M1Check --module Hexproof.Proofs.M1CheckFirst --module Hexproof.Proofs.M1Exec --module Hexproof.Proofs.OutBuf --fields Extract.v --out OUTDIR extraction.json
// Coq Hexproof.Spec.Hex2Lex.x is C++ hexproof::hex2_lex::x. See extracted/SUBSET.md for the translation.
#pragma once

#include <cstdint>
#include <utility>

#include "coq_runtime.hpp"
#include "common.hpp"

namespace hexproof::hex2_lex {

struct token;

// Coq: Hexproof.Spec.Hex2Lex.ref_kind
enum class ref_kind : std::uint8_t { ref_bang, ref_at, ref_dollar, ref_tilde, ref_percent, ref_amp };

// Coq: Hexproof.Spec.Hex2Lex.token
struct token {
  enum class tag_t : std::uint8_t { tok_byte, tok_word, tok_label, tok_ref, tok_wref, tok_pad, tok_align };
  struct tok_byte_t;
  struct tok_word_t;
  struct tok_label_t;
  struct tok_ref_t;
  struct tok_wref_t;
  static token tok_byte(rt::N a0);
  static token tok_word(rt::N a0);
  static token tok_label(common::bytes a0);
  static token tok_ref(hex2_lex::ref_kind a0, rt::N a1, rt::N a2, common::bytes a3, rt::option<rt::prod<common::bytes, rt::N>> a4);
  static token tok_wref(hex2_lex::ref_kind a0, rt::N a1, rt::N a2, common::bytes a3);
  static token tok_pad();
  static token tok_align();
  tag_t tag() const { return tag_; }
  const tok_byte_t& as_tok_byte() const;
  const tok_word_t& as_tok_word() const;
  const tok_label_t& as_tok_label() const;
  const tok_ref_t& as_tok_ref() const;
  const tok_wref_t& as_tok_wref() const;
  tag_t tag_ = tag_t::tok_byte;
  rt::box box_;
};

struct token::tok_byte_t {
  rt::N f0;
};
struct token::tok_word_t {
  rt::N f0;
};
struct token::tok_label_t {
  common::bytes f0;
};
struct token::tok_ref_t {
  hex2_lex::ref_kind f0;
  rt::N f1;
  rt::N f2;
  common::bytes f3;
  rt::option<rt::prod<common::bytes, rt::N>> f4;
};
struct token::tok_wref_t {
  hex2_lex::ref_kind f0;
  rt::N f1;
  rt::N f2;
  common::bytes f3;
};
inline token token::tok_byte(rt::N a0) { return token{tag_t::tok_byte, rt::box::make<tok_byte_t>(tok_byte_t{std::move(a0)})}; }
inline auto token::as_tok_byte() const -> const tok_byte_t& { return box_.get<tok_byte_t>(); }
inline token token::tok_word(rt::N a0) { return token{tag_t::tok_word, rt::box::make<tok_word_t>(tok_word_t{std::move(a0)})}; }
inline auto token::as_tok_word() const -> const tok_word_t& { return box_.get<tok_word_t>(); }
inline token token::tok_label(common::bytes a0) { return token{tag_t::tok_label, rt::box::make<tok_label_t>(tok_label_t{std::move(a0)})}; }
inline auto token::as_tok_label() const -> const tok_label_t& { return box_.get<tok_label_t>(); }
inline token token::tok_ref(hex2_lex::ref_kind a0, rt::N a1, rt::N a2, common::bytes a3, rt::option<rt::prod<common::bytes, rt::N>> a4) { return token{tag_t::tok_ref, rt::box::make<tok_ref_t>(tok_ref_t{std::move(a0), std::move(a1), std::move(a2), std::move(a3), std::move(a4)})}; }
inline auto token::as_tok_ref() const -> const tok_ref_t& { return box_.get<tok_ref_t>(); }
inline token token::tok_wref(hex2_lex::ref_kind a0, rt::N a1, rt::N a2, common::bytes a3) { return token{tag_t::tok_wref, rt::box::make<tok_wref_t>(tok_wref_t{std::move(a0), std::move(a1), std::move(a2), std::move(a3)})}; }
inline auto token::as_tok_wref() const -> const tok_wref_t& { return box_.get<tok_wref_t>(); }
inline token token::tok_pad() { return token{tag_t::tok_pad, rt::box()}; }
inline token token::tok_align() { return token{tag_t::tok_align, rt::box()}; }

// Coq: Hexproof.Spec.Hex2Lex.ch_nul (Definition)
inline rt::N ch_nul() {
  return rt::N{0};
}

// Coq: Hexproof.Spec.Hex2Lex.ch_tab (Definition)
inline rt::N ch_tab() {
  return rt::N{9};
}

// Coq: Hexproof.Spec.Hex2Lex.ch_lf (Definition)
inline rt::N ch_lf() {
  return rt::N{10};
}

// Coq: Hexproof.Spec.Hex2Lex.ch_cr (Definition)
inline rt::N ch_cr() {
  return rt::N{13};
}

// Coq: Hexproof.Spec.Hex2Lex.ch_space (Definition)
inline rt::N ch_space() {
  return rt::N{32};
}

// Coq: Hexproof.Spec.Hex2Lex.ch_bang (Definition)
inline rt::N ch_bang() {
  return rt::N{33};
}

// Coq: Hexproof.Spec.Hex2Lex.ch_hash (Definition)
inline rt::N ch_hash() {
  return rt::N{35};
}

// Coq: Hexproof.Spec.Hex2Lex.ch_dollar (Definition)
inline rt::N ch_dollar() {
  return rt::N{36};
}

// Coq: Hexproof.Spec.Hex2Lex.ch_percent (Definition)
inline rt::N ch_percent() {
  return rt::N{37};
}

// Coq: Hexproof.Spec.Hex2Lex.ch_amp (Definition)
inline rt::N ch_amp() {
  return rt::N{38};
}

// Coq: Hexproof.Spec.Hex2Lex.ch_dot (Definition)
inline rt::N ch_dot() {
  return rt::N{46};
}

// Coq: Hexproof.Spec.Hex2Lex.ch_colon (Definition)
inline rt::N ch_colon() {
  return rt::N{58};
}

// Coq: Hexproof.Spec.Hex2Lex.ch_semi (Definition)
inline rt::N ch_semi() {
  return rt::N{59};
}

// Coq: Hexproof.Spec.Hex2Lex.ch_lt (Definition)
inline rt::N ch_lt() {
  return rt::N{60};
}

// Coq: Hexproof.Spec.Hex2Lex.ch_gt (Definition)
inline rt::N ch_gt() {
  return rt::N{62};
}

// Coq: Hexproof.Spec.Hex2Lex.ch_at (Definition)
inline rt::N ch_at() {
  return rt::N{64};
}

// Coq: Hexproof.Spec.Hex2Lex.ch_caret (Definition)
inline rt::N ch_caret() {
  return rt::N{94};
}

// Coq: Hexproof.Spec.Hex2Lex.ch_tilde (Definition)
inline rt::N ch_tilde() {
  return rt::N{126};
}

// Coq: Hexproof.Spec.Hex2Lex.eof_name_byte (Definition)
inline rt::N eof_name_byte() {
  return rt::N{255};
}

// Coq: Hexproof.Spec.Hex2Lex.ends_name (Definition)
inline bool ends_name(const rt::N& c) {
  return rt::orb(rt::orb(rt::orb(rt::n_eqb(c, hex2_lex::ch_space()), rt::n_eqb(c, hex2_lex::ch_tab())), rt::n_eqb(c, hex2_lex::ch_lf())), rt::n_eqb(c, hex2_lex::ch_gt()));
}

// Coq: Hexproof.Spec.Hex2Lex.starts_comment (Definition)
inline bool starts_comment(const rt::N& c) {
  return rt::orb(rt::n_eqb(c, hex2_lex::ch_hash()), rt::n_eqb(c, hex2_lex::ch_semi()));
}

// Coq: Hexproof.Spec.Hex2Lex.ends_comment (Definition)
inline bool ends_comment(const rt::N& c) {
  return rt::orb(rt::n_eqb(c, hex2_lex::ch_lf()), rt::n_eqb(c, hex2_lex::ch_cr()));
}

// Coq: Hexproof.Spec.Hex2Lex.ref_kind_of (Definition)
inline rt::option<hex2_lex::ref_kind> ref_kind_of(const rt::N& c) {
  bool scrut = rt::n_eqb(c, hex2_lex::ch_bang());
  if (scrut) {
    return rt::option<hex2_lex::ref_kind>::Some(hex2_lex::ref_kind::ref_bang);
  } else {
    bool scrut_1 = rt::n_eqb(c, hex2_lex::ch_at());
    if (scrut_1) {
      return rt::option<hex2_lex::ref_kind>::Some(hex2_lex::ref_kind::ref_at);
    } else {
      bool scrut_2 = rt::n_eqb(c, hex2_lex::ch_dollar());
      if (scrut_2) {
        return rt::option<hex2_lex::ref_kind>::Some(hex2_lex::ref_kind::ref_dollar);
      } else {
        bool scrut_3 = rt::n_eqb(c, hex2_lex::ch_tilde());
        if (scrut_3) {
          return rt::option<hex2_lex::ref_kind>::Some(hex2_lex::ref_kind::ref_tilde);
        } else {
          bool scrut_4 = rt::n_eqb(c, hex2_lex::ch_percent());
          if (scrut_4) {
            return rt::option<hex2_lex::ref_kind>::Some(hex2_lex::ref_kind::ref_percent);
          } else {
            bool scrut_5 = rt::n_eqb(c, hex2_lex::ch_amp());
            if (scrut_5) {
              return rt::option<hex2_lex::ref_kind>::Some(hex2_lex::ref_kind::ref_amp);
            } else {
              return rt::option<hex2_lex::ref_kind>::None();
            }
          }
        }
      }
    }
  }
}

// Coq: Hexproof.Spec.Hex2Lex.ref_size (Definition)
inline rt::N ref_size(const hex2_lex::ref_kind& k) {
  switch (k) {
  case hex2_lex::ref_kind::ref_bang: {
    return rt::N{1};
  }
  case hex2_lex::ref_kind::ref_at: {
    return rt::N{2};
  }
  case hex2_lex::ref_kind::ref_dollar: {
    return rt::N{2};
  }
  case hex2_lex::ref_kind::ref_tilde: {
    return rt::N{3};
  }
  case hex2_lex::ref_kind::ref_percent: {
    return rt::N{4};
  }
  case hex2_lex::ref_kind::ref_amp: {
    return rt::N{4};
  }
  }
  rt::fatal("no case matched in Hexproof.Spec.Hex2Lex.ref_size");
}

// Coq: Hexproof.Spec.Hex2Lex.ref_absolute (Definition)
inline bool ref_absolute(const hex2_lex::ref_kind& k) {
  switch (k) {
  case hex2_lex::ref_kind::ref_bang: {
    return false;
  }
  case hex2_lex::ref_kind::ref_at: {
    return false;
  }
  case hex2_lex::ref_kind::ref_dollar: {
    return true;
  }
  case hex2_lex::ref_kind::ref_tilde: {
    return false;
  }
  case hex2_lex::ref_kind::ref_percent: {
    return false;
  }
  case hex2_lex::ref_kind::ref_amp: {
    return true;
  }
  }
  rt::fatal("no case matched in Hexproof.Spec.Hex2Lex.ref_absolute");
}

// Coq: Hexproof.Spec.Hex2Lex.word_arch (Definition)
inline bool word_arch(const common::architecture& a) {
  switch (a) {
  case common::architecture::knight: {
    return false;
  }
  case common::architecture::x86: {
    return false;
  }
  case common::architecture::amd64: {
    return false;
  }
  case common::architecture::armv7l: {
    return false;
  }
  case common::architecture::aarch64: {
    return false;
  }
  case common::architecture::ppc64le: {
    return false;
  }
  case common::architecture::riscv32: {
    return true;
  }
  case common::architecture::riscv64: {
    return true;
  }
  }
  rt::fatal("no case matched in Hexproof.Spec.Hex2Lex.word_arch");
}

// Coq: Hexproof.Spec.Hex2Lex.is_word_immediate (Definition)
inline bool is_word_immediate(const hex2_lex::ref_kind& k) {
  switch (k) {
  case hex2_lex::ref_kind::ref_bang: {
    return true;
  }
  case hex2_lex::ref_kind::ref_at: {
    return true;
  }
  case hex2_lex::ref_kind::ref_dollar: {
    return true;
  }
  case hex2_lex::ref_kind::ref_tilde: {
    return true;
  }
  case hex2_lex::ref_kind::ref_percent: {
    return false;
  }
  case hex2_lex::ref_kind::ref_amp: {
    return false;
  }
  }
  rt::fatal("no case matched in Hexproof.Spec.Hex2Lex.is_word_immediate");
}

// Coq: Hexproof.Spec.Hex2Lex.digit_value (Definition)
inline rt::option<rt::N> digit_value(const common::byte_mode& m, const rt::N& c) {
  switch (m) {
  case common::byte_mode::hex_mode: {
    bool scrut = rt::andb(rt::n_leb(rt::N{48}, c), rt::n_leb(c, rt::N{57}));
    if (scrut) {
      return rt::option<rt::N>::Some(rt::n_sub(c, rt::N{48}));
    } else {
      bool scrut_1 = rt::andb(rt::n_leb(rt::N{97}, c), rt::n_leb(c, rt::N{102}));
      if (scrut_1) {
        return rt::option<rt::N>::Some(rt::n_sub(c, rt::N{87}));
      } else {
        bool scrut_2 = rt::andb(rt::n_leb(rt::N{65}, c), rt::n_leb(c, rt::N{70}));
        if (scrut_2) {
          return rt::option<rt::N>::Some(rt::n_sub(c, rt::N{55}));
        } else {
          return rt::option<rt::N>::None();
        }
      }
    }
  }
  case common::byte_mode::octal_mode: {
    bool scrut_3 = rt::andb(rt::n_leb(rt::N{48}, c), rt::n_leb(c, rt::N{55}));
    if (scrut_3) {
      return rt::option<rt::N>::Some(rt::n_sub(c, rt::N{48}));
    } else {
      return rt::option<rt::N>::None();
    }
  }
  case common::byte_mode::binary_mode: {
    bool scrut_4 = rt::andb(rt::n_leb(rt::N{48}, c), rt::n_leb(c, rt::N{49}));
    if (scrut_4) {
      return rt::option<rt::N>::Some(rt::n_sub(c, rt::N{48}));
    } else {
      return rt::option<rt::N>::None();
    }
  }
  }
  rt::fatal("no case matched in Hexproof.Spec.Hex2Lex.digit_value");
}

// Coq: Hexproof.Spec.Hex2Lex.digit_radix (Definition)
inline rt::N digit_radix(const common::byte_mode& m) {
  switch (m) {
  case common::byte_mode::hex_mode: {
    return rt::N{16};
  }
  case common::byte_mode::octal_mode: {
    return rt::N{8};
  }
  case common::byte_mode::binary_mode: {
    return rt::N{2};
  }
  }
  rt::fatal("no case matched in Hexproof.Spec.Hex2Lex.digit_radix");
}

// Coq: Hexproof.Spec.Hex2Lex.digits_per_byte (Definition)
inline rt::N digits_per_byte(const common::byte_mode& m) {
  switch (m) {
  case common::byte_mode::hex_mode: {
    return rt::N{2};
  }
  case common::byte_mode::octal_mode: {
    return rt::N{3};
  }
  case common::byte_mode::binary_mode: {
    return rt::N{8};
  }
  }
  rt::fatal("no case matched in Hexproof.Spec.Hex2Lex.digits_per_byte");
}

// Coq: Hexproof.Spec.Hex2Lex.lex_error (Definition)
inline common::error lex_error(const common::error_kind& k, const rt::N& file, const rt::N& pos) {
  return common::error::mk_error(k, file, pos, rt::Z{0}, rt::list<common::byte>::nil());
}

// Coq: Hexproof.Spec.Hex2Lex.word_push (Definition)
inline rt::N word_push(const rt::N& acc, const rt::N& raw) {
  return rt::n_land(rt::n_lxor(rt::n_shiftl(acc, rt::N{8}), raw), rt::N{4294967295});
}

}  // namespace hexproof::hex2_lex
