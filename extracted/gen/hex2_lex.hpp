// hex2_lex.hpp: the C++ printed from the Coq module Hexproof.Spec.Hex2Lex.
//
// Generated; do not edit. Made by `extracted/regen.sh OUTDIR`, which runs: hexproof_printer --module Hexproof.Spec.CommandLine --module Hexproof.Spec.Common --module Hexproof.Spec.Hex2Encode --module Hexproof.Spec.Hex2Lex --module Hexproof.Spec.Hex2Spec --module Hexproof.Spec.Hex2Strict --module Hexproof.Spec.M1Eval --module Hexproof.Spec.M1Lex --module Hexproof.Spec.M1Spec --module Hexproof.Spec.M1Strict --module Hexproof.Spec.Quirks --module Hexproof.Spec.Strtoint --module Hexproof.Proofs.ByteMap --module Hexproof.Proofs.FirstUses --module Hexproof.Proofs.Hex2Check --module Hexproof.Proofs.Hex2CheckFirst --module Hexproof.Proofs.Hex2Exec --module Hexproof.Proofs.M1Check --module Hexproof.Proofs.M1CheckFirst --module Hexproof.Proofs.M1Exec --module Hexproof.Proofs.OutBuf --fields Extract.v --out OUTDIR extraction.json
// Coq Hexproof.Spec.Hex2Lex.x is C++ hexproof::hex2_lex::x. See extracted/SUBSET.md for the translation.
#pragma once

#include <cstdint>
#include <utility>

#include "coq_runtime.hpp"
#include "common.hpp"
#include "quirks.hpp"

namespace hexproof::hex2_lex {

struct token;
struct lex_mode;
struct lex_state;
struct digit_effect;

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

// Coq: Hexproof.Spec.Hex2Lex.lex_mode
struct lex_mode {
  enum class tag_t : std::uint8_t { lm_data, lm_comment, lm_word, lm_word_comment, lm_label, lm_ref, lm_wref, lm_base };
  struct lm_word_t;
  struct lm_word_comment_t;
  struct lm_label_t;
  struct lm_ref_t;
  struct lm_wref_t;
  struct lm_base_t;
  static lex_mode lm_data();
  static lex_mode lm_comment();
  static lex_mode lm_word(rt::N a0, rt::N a1, rt::N a2);
  static lex_mode lm_word_comment(rt::N a0, rt::N a1, rt::N a2);
  static lex_mode lm_label(rt::N a0, common::bytes a1);
  static lex_mode lm_ref(hex2_lex::ref_kind a0, rt::N a1, common::bytes a2);
  static lex_mode lm_wref(hex2_lex::ref_kind a0, rt::N a1, common::bytes a2);
  static lex_mode lm_base(hex2_lex::ref_kind a0, rt::N a1, common::bytes a2, rt::N a3, common::bytes a4);
  tag_t tag() const { return tag_; }
  const lm_word_t& as_lm_word() const;
  const lm_word_comment_t& as_lm_word_comment() const;
  const lm_label_t& as_lm_label() const;
  const lm_ref_t& as_lm_ref() const;
  const lm_wref_t& as_lm_wref() const;
  const lm_base_t& as_lm_base() const;
  tag_t tag_ = tag_t::lm_data;
  rt::box box_;
};

// Coq: Hexproof.Spec.Hex2Lex.lex_state
struct lex_state {
  hex2_lex::lex_mode ls_mode{};
  rt::N ls_count{};
  rt::N ls_hold{};
  static lex_state mk_lex_state(hex2_lex::lex_mode a0, rt::N a1, rt::N a2);
};

// Coq: Hexproof.Spec.Hex2Lex.digit_effect
struct digit_effect {
  enum class tag_t : std::uint8_t { digit_partial, digit_complete };
  struct digit_partial_t;
  struct digit_complete_t;
  static digit_effect digit_partial(rt::N a0, rt::N a1);
  static digit_effect digit_complete(rt::N a0);
  tag_t tag() const { return tag_; }
  const digit_partial_t& as_digit_partial() const;
  const digit_complete_t& as_digit_complete() const;
  tag_t tag_ = tag_t::digit_partial;
  rt::box box_;
};

// Coq: Hexproof.Spec.Hex2Lex.lex_result
using lex_result = common::result<rt::prod<hex2_lex::lex_state, rt::option<hex2_lex::token>>>;

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

struct lex_mode::lm_word_t {
  rt::N f0;
  rt::N f1;
  rt::N f2;
};
struct lex_mode::lm_word_comment_t {
  rt::N f0;
  rt::N f1;
  rt::N f2;
};
struct lex_mode::lm_label_t {
  rt::N f0;
  common::bytes f1;
};
struct lex_mode::lm_ref_t {
  hex2_lex::ref_kind f0;
  rt::N f1;
  common::bytes f2;
};
struct lex_mode::lm_wref_t {
  hex2_lex::ref_kind f0;
  rt::N f1;
  common::bytes f2;
};
struct lex_mode::lm_base_t {
  hex2_lex::ref_kind f0;
  rt::N f1;
  common::bytes f2;
  rt::N f3;
  common::bytes f4;
};
inline lex_mode lex_mode::lm_data() { return lex_mode{tag_t::lm_data, rt::box()}; }
inline lex_mode lex_mode::lm_comment() { return lex_mode{tag_t::lm_comment, rt::box()}; }
inline lex_mode lex_mode::lm_word(rt::N a0, rt::N a1, rt::N a2) { return lex_mode{tag_t::lm_word, rt::box::make<lm_word_t>(lm_word_t{std::move(a0), std::move(a1), std::move(a2)})}; }
inline auto lex_mode::as_lm_word() const -> const lm_word_t& { return box_.get<lm_word_t>(); }
inline lex_mode lex_mode::lm_word_comment(rt::N a0, rt::N a1, rt::N a2) { return lex_mode{tag_t::lm_word_comment, rt::box::make<lm_word_comment_t>(lm_word_comment_t{std::move(a0), std::move(a1), std::move(a2)})}; }
inline auto lex_mode::as_lm_word_comment() const -> const lm_word_comment_t& { return box_.get<lm_word_comment_t>(); }
inline lex_mode lex_mode::lm_label(rt::N a0, common::bytes a1) { return lex_mode{tag_t::lm_label, rt::box::make<lm_label_t>(lm_label_t{std::move(a0), std::move(a1)})}; }
inline auto lex_mode::as_lm_label() const -> const lm_label_t& { return box_.get<lm_label_t>(); }
inline lex_mode lex_mode::lm_ref(hex2_lex::ref_kind a0, rt::N a1, common::bytes a2) { return lex_mode{tag_t::lm_ref, rt::box::make<lm_ref_t>(lm_ref_t{std::move(a0), std::move(a1), std::move(a2)})}; }
inline auto lex_mode::as_lm_ref() const -> const lm_ref_t& { return box_.get<lm_ref_t>(); }
inline lex_mode lex_mode::lm_wref(hex2_lex::ref_kind a0, rt::N a1, common::bytes a2) { return lex_mode{tag_t::lm_wref, rt::box::make<lm_wref_t>(lm_wref_t{std::move(a0), std::move(a1), std::move(a2)})}; }
inline auto lex_mode::as_lm_wref() const -> const lm_wref_t& { return box_.get<lm_wref_t>(); }
inline lex_mode lex_mode::lm_base(hex2_lex::ref_kind a0, rt::N a1, common::bytes a2, rt::N a3, common::bytes a4) { return lex_mode{tag_t::lm_base, rt::box::make<lm_base_t>(lm_base_t{std::move(a0), std::move(a1), std::move(a2), std::move(a3), std::move(a4)})}; }
inline auto lex_mode::as_lm_base() const -> const lm_base_t& { return box_.get<lm_base_t>(); }

inline lex_state lex_state::mk_lex_state(hex2_lex::lex_mode a0, rt::N a1, rt::N a2) { return lex_state{std::move(a0), std::move(a1), std::move(a2)}; }

struct digit_effect::digit_partial_t {
  rt::N f0;
  rt::N f1;
};
struct digit_effect::digit_complete_t {
  rt::N f0;
};
inline digit_effect digit_effect::digit_partial(rt::N a0, rt::N a1) { return digit_effect{tag_t::digit_partial, rt::box::make<digit_partial_t>(digit_partial_t{std::move(a0), std::move(a1)})}; }
inline auto digit_effect::as_digit_partial() const -> const digit_partial_t& { return box_.get<digit_partial_t>(); }
inline digit_effect digit_effect::digit_complete(rt::N a0) { return digit_effect{tag_t::digit_complete, rt::box::make<digit_complete_t>(digit_complete_t{std::move(a0)})}; }
inline auto digit_effect::as_digit_complete() const -> const digit_complete_t& { return box_.get<digit_complete_t>(); }

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
  rt::impossible("no case matched in Hexproof.Spec.Hex2Lex.ref_size");
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
  rt::impossible("no case matched in Hexproof.Spec.Hex2Lex.ref_absolute");
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
  rt::impossible("no case matched in Hexproof.Spec.Hex2Lex.word_arch");
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
  rt::impossible("no case matched in Hexproof.Spec.Hex2Lex.is_word_immediate");
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
  rt::impossible("no case matched in Hexproof.Spec.Hex2Lex.digit_value");
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
  rt::impossible("no case matched in Hexproof.Spec.Hex2Lex.digit_radix");
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
  rt::impossible("no case matched in Hexproof.Spec.Hex2Lex.digits_per_byte");
}

// Coq: Hexproof.Spec.Hex2Lex.lex_init (Definition)
inline hex2_lex::lex_state lex_init() {
  return hex2_lex::lex_state::mk_lex_state(hex2_lex::lex_mode::lm_data(), rt::N{0}, rt::N{0});
}

// Coq: Hexproof.Spec.Hex2Lex.rev_append_bytes (Fixpoint; its self tail calls are the loop)
inline common::bytes rev_append_bytes(common::bytes l, common::bytes acc) {
  for (;;) {
    switch (l.tag()) {
    case common::bytes::tag_t::nil: {
      return acc;
    }
    case common::bytes::tag_t::cons: {
      auto cons_fields = l.as_cons();
      common::byte& x = cons_fields.f0;
      rt::list<common::byte>& l_ = cons_fields.f1;
      common::bytes next_l = std::move(l_);
      common::bytes next_acc = rt::list<common::byte>::cons(x, std::move(acc));
      l = std::move(next_l);
      acc = std::move(next_acc);
      continue;
    }
    }
    rt::impossible("no case matched in Hexproof.Spec.Hex2Lex.rev_append_bytes");
  }
}

// Coq: Hexproof.Spec.Hex2Lex.name_of_rev (Definition)
inline common::bytes name_of_rev(const common::bytes& rev_name) {
  return hex2_lex::rev_append_bytes(rev_name, rt::list<common::byte>::nil());
}

// Coq: Hexproof.Spec.Hex2Lex.eof_name (Definition)
inline common::bytes eof_name(const common::bytes& rev_name) {
  switch (rev_name.tag()) {
  case common::bytes::tag_t::nil: {
    return rt::list<rt::N>::cons(hex2_lex::eof_name_byte(), rt::list<rt::N>::nil());
  }
  case common::bytes::tag_t::cons: {
    return hex2_lex::name_of_rev(rev_name);
  }
  }
  rt::impossible("no case matched in Hexproof.Spec.Hex2Lex.eof_name");
}

// Coq: Hexproof.Spec.Hex2Lex.lex_error (Definition)
inline common::error lex_error(const common::error_kind& k, const rt::N& file, const rt::N& pos) {
  return common::error::mk_error(k, file, pos, rt::Z{0}, rt::list<common::byte>::nil());
}

// Coq: Hexproof.Spec.Hex2Lex.digit_step (Definition)
inline hex2_lex::digit_effect digit_step(const common::byte_mode& m, const rt::N& count, const rt::N& hold, const rt::N& d) {
  bool scrut = rt::n_eqb(rt::n_add(count, rt::N{1}), hex2_lex::digits_per_byte(m));
  if (scrut) {
    return hex2_lex::digit_effect::digit_complete(rt::n_add(rt::n_mul(hold, hex2_lex::digit_radix(m)), d));
  } else {
    return hex2_lex::digit_effect::digit_partial(rt::n_add(count, rt::N{1}), rt::n_add(rt::n_mul(hold, hex2_lex::digit_radix(m)), d));
  }
}

// Coq: Hexproof.Spec.Hex2Lex.word_push (Definition)
inline rt::N word_push(const rt::N& acc, const rt::N& raw) {
  return rt::n_land(rt::n_lxor(rt::n_shiftl(acc, rt::N{8}), raw), rt::N{4294967295});
}

// Coq: Hexproof.Spec.Hex2Lex.lex_continue (Definition)
inline hex2_lex::lex_result lex_continue(const hex2_lex::lex_mode& mode, const hex2_lex::lex_state& st) {
  return common::result<rt::prod<hex2_lex::lex_state, rt::option<hex2_lex::token>>>::Ok(rt::prod<hex2_lex::lex_state, rt::option<hex2_lex::token>>::pair(hex2_lex::lex_state::mk_lex_state(mode, st.ls_count, st.ls_hold), rt::option<hex2_lex::token>::None()));
}

// Coq: Hexproof.Spec.Hex2Lex.lex_emit (Definition)
inline hex2_lex::lex_result lex_emit(const hex2_lex::lex_mode& mode, const hex2_lex::lex_state& st, const hex2_lex::token& t) {
  return common::result<rt::prod<hex2_lex::lex_state, rt::option<hex2_lex::token>>>::Ok(rt::prod<hex2_lex::lex_state, rt::option<hex2_lex::token>>::pair(hex2_lex::lex_state::mk_lex_state(mode, st.ls_count, st.ls_hold), rt::option<hex2_lex::token>::Some(t)));
}

// Coq: Hexproof.Spec.Hex2Lex.lex_data (Definition)
inline hex2_lex::lex_result lex_data(const common::hex2_config& cfg, [[maybe_unused]] const rt::N& unused, const rt::N& off, const rt::N& c, const hex2_lex::lex_state& st) {
  bool scrut = rt::n_eqb(c, hex2_lex::ch_colon());
  if (scrut) {
    return hex2_lex::lex_continue(hex2_lex::lex_mode::lm_label(off, rt::list<common::byte>::nil()), st);
  } else {
    rt::option<hex2_lex::ref_kind> scrut_1 = hex2_lex::ref_kind_of(c);
    switch (scrut_1.tag()) {
    case rt::option<hex2_lex::ref_kind>::tag_t::Some: {
      const auto& Some_fields = scrut_1.as_Some();
      const hex2_lex::ref_kind& k = Some_fields.f0;
      bool scrut_2 = rt::andb(hex2_lex::word_arch(cfg.h2_arch), hex2_lex::is_word_immediate(k));
      if (scrut_2) {
        return hex2_lex::lex_continue(hex2_lex::lex_mode::lm_wref(k, off, rt::list<common::byte>::nil()), st);
      } else {
        return hex2_lex::lex_continue(hex2_lex::lex_mode::lm_ref(k, off, rt::list<common::byte>::nil()), st);
      }
    }
    case rt::option<hex2_lex::ref_kind>::tag_t::None: {
      bool scrut_3 = rt::n_eqb(c, hex2_lex::ch_lt());
      if (scrut_3) {
        return hex2_lex::lex_emit(hex2_lex::lex_mode::lm_data(), st, hex2_lex::token::tok_pad());
      } else {
        bool scrut_4 = rt::n_eqb(c, hex2_lex::ch_caret());
        if (scrut_4) {
          return hex2_lex::lex_emit(hex2_lex::lex_mode::lm_data(), st, hex2_lex::token::tok_align());
        } else {
          bool scrut_5 = rt::andb(hex2_lex::word_arch(cfg.h2_arch), rt::n_eqb(c, hex2_lex::ch_dot()));
          if (scrut_5) {
            return hex2_lex::lex_continue(hex2_lex::lex_mode::lm_word(off, rt::N{0}, rt::N{0}), st);
          } else {
            rt::option<rt::N> scrut_6 = hex2_lex::digit_value(cfg.h2_byte_mode, c);
            switch (scrut_6.tag()) {
            case rt::option<rt::N>::tag_t::Some: {
              const auto& Some_fields_1 = scrut_6.as_Some();
              const rt::N& d = Some_fields_1.f0;
              hex2_lex::digit_effect scrut_7 = hex2_lex::digit_step(cfg.h2_byte_mode, st.ls_count, st.ls_hold, d);
              switch (scrut_7.tag()) {
              case hex2_lex::digit_effect::tag_t::digit_partial: {
                const auto& digit_partial_fields = scrut_7.as_digit_partial();
                const rt::N& n = digit_partial_fields.f0;
                const rt::N& h = digit_partial_fields.f1;
                return common::result<rt::prod<hex2_lex::lex_state, rt::option<hex2_lex::token>>>::Ok(rt::prod<hex2_lex::lex_state, rt::option<hex2_lex::token>>::pair(hex2_lex::lex_state::mk_lex_state(hex2_lex::lex_mode::lm_data(), n, h), rt::option<hex2_lex::token>::None()));
              }
              case hex2_lex::digit_effect::tag_t::digit_complete: {
                const auto& digit_complete_fields = scrut_7.as_digit_complete();
                const rt::N& raw = digit_complete_fields.f0;
                return common::result<rt::prod<hex2_lex::lex_state, rt::option<hex2_lex::token>>>::Ok(rt::prod<hex2_lex::lex_state, rt::option<hex2_lex::token>>::pair(hex2_lex::lex_state::mk_lex_state(hex2_lex::lex_mode::lm_data(), rt::N{0}, rt::N{0}), rt::option<hex2_lex::token>::Some(hex2_lex::token::tok_byte(rt::n_land(raw, rt::N{255})))));
              }
              }
              rt::impossible("no case matched in Hexproof.Spec.Hex2Lex.lex_data");
            }
            case rt::option<rt::N>::tag_t::None: {
              bool scrut_8 = hex2_lex::starts_comment(c);
              if (scrut_8) {
                return hex2_lex::lex_continue(hex2_lex::lex_mode::lm_comment(), st);
              } else {
                return hex2_lex::lex_continue(hex2_lex::lex_mode::lm_data(), st);
              }
            }
            }
            rt::impossible("no case matched in Hexproof.Spec.Hex2Lex.lex_data");
          }
        }
      }
    }
    }
    rt::impossible("no case matched in Hexproof.Spec.Hex2Lex.lex_data");
  }
}

// Coq: Hexproof.Spec.Hex2Lex.lex_word (Definition)
inline hex2_lex::lex_result lex_word(const common::hex2_config& cfg, const rt::N& pos, const rt::N& count, const rt::N& acc, const rt::N& c, const hex2_lex::lex_state& st) {
  rt::option<rt::N> scrut = hex2_lex::digit_value(cfg.h2_byte_mode, c);
  switch (scrut.tag()) {
  case rt::option<rt::N>::tag_t::Some: {
    const auto& Some_fields = scrut.as_Some();
    const rt::N& d = Some_fields.f0;
    hex2_lex::digit_effect scrut_1 = hex2_lex::digit_step(cfg.h2_byte_mode, st.ls_count, st.ls_hold, d);
    switch (scrut_1.tag()) {
    case hex2_lex::digit_effect::tag_t::digit_partial: {
      const auto& digit_partial_fields = scrut_1.as_digit_partial();
      const rt::N& n = digit_partial_fields.f0;
      const rt::N& h = digit_partial_fields.f1;
      return common::result<rt::prod<hex2_lex::lex_state, rt::option<hex2_lex::token>>>::Ok(rt::prod<hex2_lex::lex_state, rt::option<hex2_lex::token>>::pair(hex2_lex::lex_state::mk_lex_state(hex2_lex::lex_mode::lm_word(pos, count, acc), n, h), rt::option<hex2_lex::token>::None()));
    }
    case hex2_lex::digit_effect::tag_t::digit_complete: {
      const auto& digit_complete_fields = scrut_1.as_digit_complete();
      const rt::N& raw = digit_complete_fields.f0;
      rt::N acc_ = hex2_lex::word_push(acc, raw);
      bool scrut_2 = rt::n_eqb(rt::n_add(count, rt::N{1}), rt::N{4});
      if (scrut_2) {
        return common::result<rt::prod<hex2_lex::lex_state, rt::option<hex2_lex::token>>>::Ok(rt::prod<hex2_lex::lex_state, rt::option<hex2_lex::token>>::pair(hex2_lex::lex_state::mk_lex_state(hex2_lex::lex_mode::lm_data(), rt::N{0}, rt::N{0}), rt::option<hex2_lex::token>::Some(hex2_lex::token::tok_word(acc_))));
      } else {
        return common::result<rt::prod<hex2_lex::lex_state, rt::option<hex2_lex::token>>>::Ok(rt::prod<hex2_lex::lex_state, rt::option<hex2_lex::token>>::pair(hex2_lex::lex_state::mk_lex_state(hex2_lex::lex_mode::lm_word(pos, rt::n_add(count, rt::N{1}), acc_), rt::N{0}, rt::N{0}), rt::option<hex2_lex::token>::None()));
      }
    }
    }
    rt::impossible("no case matched in Hexproof.Spec.Hex2Lex.lex_word");
  }
  case rt::option<rt::N>::tag_t::None: {
    bool scrut_3 = hex2_lex::starts_comment(c);
    if (scrut_3) {
      return hex2_lex::lex_continue(hex2_lex::lex_mode::lm_word_comment(pos, count, acc), st);
    } else {
      return hex2_lex::lex_continue(hex2_lex::lex_mode::lm_word(pos, count, acc), st);
    }
  }
  }
  rt::impossible("no case matched in Hexproof.Spec.Hex2Lex.lex_word");
}

// Coq: Hexproof.Spec.Hex2Lex.lex_step (Definition)
inline hex2_lex::lex_result lex_step(const common::hex2_config& cfg, const rt::N& file, const rt::N& off, const hex2_lex::lex_state& st, const rt::N& c) {
  hex2_lex::lex_mode scrut = st.ls_mode;
  switch (scrut.tag()) {
  case hex2_lex::lex_mode::tag_t::lm_data: {
    return hex2_lex::lex_data(cfg, file, off, c, st);
  }
  case hex2_lex::lex_mode::tag_t::lm_comment: {
    bool scrut_1 = hex2_lex::ends_comment(c);
    if (scrut_1) {
      return hex2_lex::lex_continue(hex2_lex::lex_mode::lm_data(), st);
    } else {
      return hex2_lex::lex_continue(hex2_lex::lex_mode::lm_comment(), st);
    }
  }
  case hex2_lex::lex_mode::tag_t::lm_word: {
    const auto& lm_word_fields = scrut.as_lm_word();
    const rt::N& pos = lm_word_fields.f0;
    const rt::N& count = lm_word_fields.f1;
    const rt::N& acc = lm_word_fields.f2;
    return hex2_lex::lex_word(cfg, pos, count, acc, c, st);
  }
  case hex2_lex::lex_mode::tag_t::lm_word_comment: {
    const auto& lm_word_comment_fields = scrut.as_lm_word_comment();
    const rt::N& pos_1 = lm_word_comment_fields.f0;
    const rt::N& count_1 = lm_word_comment_fields.f1;
    const rt::N& acc_1 = lm_word_comment_fields.f2;
    bool scrut_2 = hex2_lex::ends_comment(c);
    if (scrut_2) {
      return hex2_lex::lex_continue(hex2_lex::lex_mode::lm_word(pos_1, count_1, acc_1), st);
    } else {
      return hex2_lex::lex_continue(hex2_lex::lex_mode::lm_word_comment(pos_1, count_1, acc_1), st);
    }
  }
  case hex2_lex::lex_mode::tag_t::lm_label: {
    const auto& lm_label_fields = scrut.as_lm_label();
    const rt::N& pos_2 = lm_label_fields.f0;
    const common::bytes& rn = lm_label_fields.f1;
    bool scrut_3 = hex2_lex::ends_name(c);
    if (scrut_3) {
      return hex2_lex::lex_emit(hex2_lex::lex_mode::lm_data(), st, hex2_lex::token::tok_label(hex2_lex::name_of_rev(rn)));
    } else {
      bool scrut_4 = rt::n_eqb(c, hex2_lex::ch_nul());
      if (scrut_4) {
        return common::result<rt::prod<hex2_lex::lex_state, rt::option<hex2_lex::token>>>::Err(hex2_lex::lex_error(common::error_kind::nul_in_name, file, pos_2));
      } else {
        return hex2_lex::lex_continue(hex2_lex::lex_mode::lm_label(pos_2, rt::list<rt::N>::cons(c, rn)), st);
      }
    }
  }
  case hex2_lex::lex_mode::tag_t::lm_ref: {
    const auto& lm_ref_fields = scrut.as_lm_ref();
    const hex2_lex::ref_kind& k = lm_ref_fields.f0;
    const rt::N& pos_3 = lm_ref_fields.f1;
    const common::bytes& rn_1 = lm_ref_fields.f2;
    bool scrut_5 = rt::n_eqb(c, hex2_lex::ch_gt());
    if (scrut_5) {
      return hex2_lex::lex_continue(hex2_lex::lex_mode::lm_base(k, pos_3, hex2_lex::name_of_rev(rn_1), rt::n_add(off, rt::N{1}), rt::list<common::byte>::nil()), st);
    } else {
      bool scrut_6 = hex2_lex::ends_name(c);
      if (scrut_6) {
        return hex2_lex::lex_emit(hex2_lex::lex_mode::lm_data(), st, hex2_lex::token::tok_ref(k, file, pos_3, hex2_lex::name_of_rev(rn_1), rt::option<rt::prod<common::bytes, rt::N>>::None()));
      } else {
        bool scrut_7 = rt::n_eqb(c, hex2_lex::ch_nul());
        if (scrut_7) {
          return common::result<rt::prod<hex2_lex::lex_state, rt::option<hex2_lex::token>>>::Err(hex2_lex::lex_error(common::error_kind::nul_in_name, file, pos_3));
        } else {
          return hex2_lex::lex_continue(hex2_lex::lex_mode::lm_ref(k, pos_3, rt::list<rt::N>::cons(c, rn_1)), st);
        }
      }
    }
  }
  case hex2_lex::lex_mode::tag_t::lm_wref: {
    const auto& lm_wref_fields = scrut.as_lm_wref();
    const hex2_lex::ref_kind& k_1 = lm_wref_fields.f0;
    const rt::N& pos_4 = lm_wref_fields.f1;
    const common::bytes& rn_2 = lm_wref_fields.f2;
    bool scrut_8 = hex2_lex::ends_name(c);
    if (scrut_8) {
      return hex2_lex::lex_emit(hex2_lex::lex_mode::lm_data(), st, hex2_lex::token::tok_wref(k_1, file, pos_4, hex2_lex::name_of_rev(rn_2)));
    } else {
      bool scrut_9 = rt::n_eqb(c, hex2_lex::ch_nul());
      if (scrut_9) {
        return common::result<rt::prod<hex2_lex::lex_state, rt::option<hex2_lex::token>>>::Err(hex2_lex::lex_error(common::error_kind::nul_in_name, file, pos_4));
      } else {
        return hex2_lex::lex_continue(hex2_lex::lex_mode::lm_wref(k_1, pos_4, rt::list<rt::N>::cons(c, rn_2)), st);
      }
    }
  }
  case hex2_lex::lex_mode::tag_t::lm_base: {
    const auto& lm_base_fields = scrut.as_lm_base();
    const hex2_lex::ref_kind& k_2 = lm_base_fields.f0;
    const rt::N& pos_5 = lm_base_fields.f1;
    const common::bytes& tn = lm_base_fields.f2;
    const rt::N& bat = lm_base_fields.f3;
    const common::bytes& rn_3 = lm_base_fields.f4;
    bool scrut_10 = hex2_lex::ends_name(c);
    if (scrut_10) {
      return hex2_lex::lex_emit(hex2_lex::lex_mode::lm_data(), st, hex2_lex::token::tok_ref(k_2, file, pos_5, tn, rt::option<rt::prod<common::bytes, rt::N>>::Some(rt::prod<common::bytes, rt::N>::pair(hex2_lex::name_of_rev(rn_3), bat))));
    } else {
      bool scrut_11 = rt::n_eqb(c, hex2_lex::ch_nul());
      if (scrut_11) {
        return common::result<rt::prod<hex2_lex::lex_state, rt::option<hex2_lex::token>>>::Err(hex2_lex::lex_error(common::error_kind::nul_in_name, file, pos_5));
      } else {
        return hex2_lex::lex_continue(hex2_lex::lex_mode::lm_base(k_2, pos_5, tn, bat, rt::list<rt::N>::cons(c, rn_3)), st);
      }
    }
  }
  }
  rt::impossible("no case matched in Hexproof.Spec.Hex2Lex.lex_step");
}

// Coq: Hexproof.Spec.Hex2Lex.lex_finish (Definition)
inline common::result<rt::option<hex2_lex::token>> lex_finish(const rt::N& file, const hex2_lex::lex_state& st) {
  hex2_lex::lex_mode scrut = st.ls_mode;
  switch (scrut.tag()) {
  case hex2_lex::lex_mode::tag_t::lm_data: {
    return common::result<rt::option<hex2_lex::token>>::Ok(rt::option<hex2_lex::token>::None());
  }
  case hex2_lex::lex_mode::tag_t::lm_comment: {
    return common::result<rt::option<hex2_lex::token>>::Ok(rt::option<hex2_lex::token>::None());
  }
  case hex2_lex::lex_mode::tag_t::lm_word: {
    const auto& lm_word_fields = scrut.as_lm_word();
    const rt::N& pos = lm_word_fields.f0;
    return common::result<rt::option<hex2_lex::token>>::Err(hex2_lex::lex_error(common::error_kind::unterminated_word, file, pos));
  }
  case hex2_lex::lex_mode::tag_t::lm_word_comment: {
    const auto& lm_word_comment_fields = scrut.as_lm_word_comment();
    const rt::N& pos_1 = lm_word_comment_fields.f0;
    return common::result<rt::option<hex2_lex::token>>::Err(hex2_lex::lex_error(common::error_kind::unterminated_word, file, pos_1));
  }
  case hex2_lex::lex_mode::tag_t::lm_label: {
    const auto& lm_label_fields = scrut.as_lm_label();
    const common::bytes& rn = lm_label_fields.f1;
    return common::result<rt::option<hex2_lex::token>>::Ok(rt::option<hex2_lex::token>::Some(hex2_lex::token::tok_label(hex2_lex::eof_name(rn))));
  }
  case hex2_lex::lex_mode::tag_t::lm_ref: {
    const auto& lm_ref_fields = scrut.as_lm_ref();
    const hex2_lex::ref_kind& k = lm_ref_fields.f0;
    const rt::N& pos_2 = lm_ref_fields.f1;
    const common::bytes& rn_1 = lm_ref_fields.f2;
    return common::result<rt::option<hex2_lex::token>>::Ok(rt::option<hex2_lex::token>::Some(hex2_lex::token::tok_ref(k, file, pos_2, hex2_lex::eof_name(rn_1), rt::option<rt::prod<common::bytes, rt::N>>::None())));
  }
  case hex2_lex::lex_mode::tag_t::lm_wref: {
    const auto& lm_wref_fields = scrut.as_lm_wref();
    const hex2_lex::ref_kind& k_1 = lm_wref_fields.f0;
    const rt::N& pos_3 = lm_wref_fields.f1;
    const common::bytes& rn_2 = lm_wref_fields.f2;
    return common::result<rt::option<hex2_lex::token>>::Ok(rt::option<hex2_lex::token>::Some(hex2_lex::token::tok_wref(k_1, file, pos_3, hex2_lex::eof_name(rn_2))));
  }
  case hex2_lex::lex_mode::tag_t::lm_base: {
    const auto& lm_base_fields = scrut.as_lm_base();
    const hex2_lex::ref_kind& k_2 = lm_base_fields.f0;
    const rt::N& pos_4 = lm_base_fields.f1;
    const common::bytes& tn = lm_base_fields.f2;
    const rt::N& bat = lm_base_fields.f3;
    const common::bytes& rn_3 = lm_base_fields.f4;
    return common::result<rt::option<hex2_lex::token>>::Ok(rt::option<hex2_lex::token>::Some(hex2_lex::token::tok_ref(k_2, file, pos_4, tn, rt::option<rt::prod<common::bytes, rt::N>>::Some(rt::prod<common::bytes, rt::N>::pair(hex2_lex::eof_name(rn_3), bat)))));
  }
  }
  rt::impossible("no case matched in Hexproof.Spec.Hex2Lex.lex_finish");
}

// Coq: Hexproof.Spec.Hex2Lex.byte_quirk (Definition)
inline rt::option<quirks::quirk> byte_quirk(const common::hex2_config& cfg, const hex2_lex::lex_state& st, const rt::N& c) {
  rt::option<quirks::quirk> in_name{};
  bool scrut = rt::n_eqb(c, hex2_lex::ch_cr());
  if (scrut) {
    in_name = rt::option<quirks::quirk>::Some(quirks::quirk::cr_in_token);
  } else {
    bool scrut_1 = hex2_lex::starts_comment(c);
    if (scrut_1) {
      in_name = rt::option<quirks::quirk>::Some(quirks::quirk::comment_char_in_token);
    } else {
      in_name = rt::option<quirks::quirk>::None();
    }
  }
  hex2_lex::lex_mode scrut_2 = st.ls_mode;
  switch (scrut_2.tag()) {
  case hex2_lex::lex_mode::tag_t::lm_data: {
    bool scrut_3 = rt::n_ltb(rt::N{0}, st.ls_count);
    if (scrut_3) {
      rt::option<rt::N> scrut_4 = hex2_lex::digit_value(cfg.h2_byte_mode, c);
      switch (scrut_4.tag()) {
      case rt::option<rt::N>::tag_t::Some: {
        return rt::option<quirks::quirk>::None();
      }
      case rt::option<rt::N>::tag_t::None: {
        return rt::option<quirks::quirk>::Some(quirks::quirk::split_byte);
      }
      }
      rt::impossible("no case matched in Hexproof.Spec.Hex2Lex.byte_quirk");
    } else {
      return rt::option<quirks::quirk>::None();
    }
  }
  case hex2_lex::lex_mode::tag_t::lm_comment: {
    return rt::option<quirks::quirk>::None();
  }
  case hex2_lex::lex_mode::tag_t::lm_word: {
    bool scrut_5 = rt::n_ltb(rt::N{0}, st.ls_count);
    if (scrut_5) {
      rt::option<rt::N> scrut_6 = hex2_lex::digit_value(cfg.h2_byte_mode, c);
      switch (scrut_6.tag()) {
      case rt::option<rt::N>::tag_t::Some: {
        return rt::option<quirks::quirk>::None();
      }
      case rt::option<rt::N>::tag_t::None: {
        return rt::option<quirks::quirk>::Some(quirks::quirk::split_byte);
      }
      }
      rt::impossible("no case matched in Hexproof.Spec.Hex2Lex.byte_quirk");
    } else {
      return rt::option<quirks::quirk>::None();
    }
  }
  case hex2_lex::lex_mode::tag_t::lm_word_comment: {
    return rt::option<quirks::quirk>::None();
  }
  case hex2_lex::lex_mode::tag_t::lm_label: {
    bool scrut_7 = rt::n_eqb(c, hex2_lex::ch_gt());
    if (scrut_7) {
      return rt::option<quirks::quirk>::Some(quirks::quirk::misplaced_base);
    } else {
      return in_name;
    }
  }
  case hex2_lex::lex_mode::tag_t::lm_ref: {
    return in_name;
  }
  case hex2_lex::lex_mode::tag_t::lm_wref: {
    bool scrut_8 = rt::n_eqb(c, hex2_lex::ch_gt());
    if (scrut_8) {
      return rt::option<quirks::quirk>::Some(quirks::quirk::misplaced_base);
    } else {
      return in_name;
    }
  }
  case hex2_lex::lex_mode::tag_t::lm_base: {
    bool scrut_9 = rt::n_eqb(c, hex2_lex::ch_gt());
    if (scrut_9) {
      return rt::option<quirks::quirk>::Some(quirks::quirk::misplaced_base);
    } else {
      return in_name;
    }
  }
  }
  rt::impossible("no case matched in Hexproof.Spec.Hex2Lex.byte_quirk");
}

// Coq: Hexproof.Spec.Hex2Lex.token_offset (Definition)
inline rt::N token_offset(const hex2_lex::lex_state& st, const rt::N& off) {
  hex2_lex::lex_mode scrut = st.ls_mode;
  switch (scrut.tag()) {
  case hex2_lex::lex_mode::tag_t::lm_data: {
    return off;
  }
  case hex2_lex::lex_mode::tag_t::lm_comment: {
    return off;
  }
  case hex2_lex::lex_mode::tag_t::lm_word: {
    const auto& lm_word_fields = scrut.as_lm_word();
    const rt::N& pos = lm_word_fields.f0;
    return pos;
  }
  case hex2_lex::lex_mode::tag_t::lm_word_comment: {
    const auto& lm_word_comment_fields = scrut.as_lm_word_comment();
    const rt::N& pos_1 = lm_word_comment_fields.f0;
    return pos_1;
  }
  case hex2_lex::lex_mode::tag_t::lm_label: {
    const auto& lm_label_fields = scrut.as_lm_label();
    const rt::N& pos_2 = lm_label_fields.f0;
    return pos_2;
  }
  case hex2_lex::lex_mode::tag_t::lm_ref: {
    const auto& lm_ref_fields = scrut.as_lm_ref();
    const rt::N& pos_3 = lm_ref_fields.f1;
    return pos_3;
  }
  case hex2_lex::lex_mode::tag_t::lm_wref: {
    const auto& lm_wref_fields = scrut.as_lm_wref();
    const rt::N& pos_4 = lm_wref_fields.f1;
    return pos_4;
  }
  case hex2_lex::lex_mode::tag_t::lm_base: {
    const auto& lm_base_fields = scrut.as_lm_base();
    const rt::N& pos_5 = lm_base_fields.f1;
    return pos_5;
  }
  }
  rt::impossible("no case matched in Hexproof.Spec.Hex2Lex.token_offset");
}

// Coq: Hexproof.Spec.Hex2Lex.is_open (Definition)
inline bool is_open(const hex2_lex::lex_state& st) {
  hex2_lex::lex_mode scrut = st.ls_mode;
  switch (scrut.tag()) {
  case hex2_lex::lex_mode::tag_t::lm_data: {
    return false;
  }
  case hex2_lex::lex_mode::tag_t::lm_comment: {
    return true;
  }
  case hex2_lex::lex_mode::tag_t::lm_word: {
    return true;
  }
  case hex2_lex::lex_mode::tag_t::lm_word_comment: {
    return true;
  }
  case hex2_lex::lex_mode::tag_t::lm_label: {
    return true;
  }
  case hex2_lex::lex_mode::tag_t::lm_ref: {
    return true;
  }
  case hex2_lex::lex_mode::tag_t::lm_wref: {
    return true;
  }
  case hex2_lex::lex_mode::tag_t::lm_base: {
    return true;
  }
  }
  rt::impossible("no case matched in Hexproof.Spec.Hex2Lex.is_open");
}

}  // namespace hexproof::hex2_lex
