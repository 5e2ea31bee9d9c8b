// quirks.hpp: the C++ printed from the Coq module Hexproof.Spec.Quirks.
//
// Generated; do not edit. Made by `extracted/regen.sh OUTDIR`, which runs: hexproof_printer --module Hexproof.Spec.CommandLine --module Hexproof.Spec.Common --module Hexproof.Spec.Hex2Encode --module Hexproof.Spec.Hex2Lex --module Hexproof.Spec.Hex2Spec --module Hexproof.Spec.M1Eval --module Hexproof.Spec.M1Lex --module Hexproof.Spec.M1Spec --module Hexproof.Spec.Quirks --module Hexproof.Spec.Strtoint --module Hexproof.Proofs.ByteMap --module Hexproof.Proofs.FirstUses --module Hexproof.Proofs.Hex2Check --module Hexproof.Proofs.Hex2CheckFirst --module Hexproof.Proofs.Hex2Exec --module Hexproof.Proofs.M1Check --module Hexproof.Proofs.M1CheckFirst --module Hexproof.Proofs.M1Exec --module Hexproof.Proofs.OutBuf --fields Extract.v --out OUTDIR extraction.json
// Coq Hexproof.Spec.Quirks.x is C++ hexproof::quirks::x. See extracted/SUBSET.md for the translation.
#pragma once

#include <cstdint>
#include <utility>

#include "coq_runtime.hpp"
#include "common.hpp"

namespace hexproof::quirks {

struct quirk_use;

// Coq: Hexproof.Spec.Quirks.quirk
enum class quirk : std::uint8_t { duplicate_label, split_byte, nibble_across_files, misplaced_base, absolute_with_base, align_on_absolute, register_across_files, duplicate_define, use_before_define, off_by_one_range, octal_immediate, text_across_files, cr_in_token, comment_char_in_token, unknown_architecture_kept };

// Coq: Hexproof.Spec.Quirks.quirk_use
struct quirk_use {
  quirks::quirk use_quirk{};
  rt::N use_file{};
  rt::N use_offset{};
  common::bytes use_subject{};
  rt::N use_other_file{};
  rt::N use_other_offset{};
  rt::Z use_value{};
  static quirk_use mk_use(quirks::quirk a0, rt::N a1, rt::N a2, common::bytes a3, rt::N a4, rt::N a5, rt::Z a6);
};

inline quirk_use quirk_use::mk_use(quirks::quirk a0, rt::N a1, rt::N a2, common::bytes a3, rt::N a4, rt::N a5, rt::Z a6) { return quirk_use{std::move(a0), std::move(a1), std::move(a2), std::move(a3), std::move(a4), std::move(a5), std::move(a6)}; }

// Coq: Hexproof.Spec.Quirks.name_duplicate_label (Definition)
inline common::bytes name_duplicate_label() {
  return rt::list<rt::N>::cons(rt::N{100}, rt::list<rt::N>::cons(rt::N{117}, rt::list<rt::N>::cons(rt::N{112}, rt::list<rt::N>::cons(rt::N{108}, rt::list<rt::N>::cons(rt::N{105}, rt::list<rt::N>::cons(rt::N{99}, rt::list<rt::N>::cons(rt::N{97}, rt::list<rt::N>::cons(rt::N{116}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{108}, rt::list<rt::N>::cons(rt::N{97}, rt::list<rt::N>::cons(rt::N{98}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::cons(rt::N{108}, rt::list<rt::N>::nil())))))))))))))));
}

// Coq: Hexproof.Spec.Quirks.name_split_byte (Definition)
inline common::bytes name_split_byte() {
  return rt::list<rt::N>::cons(rt::N{115}, rt::list<rt::N>::cons(rt::N{112}, rt::list<rt::N>::cons(rt::N{108}, rt::list<rt::N>::cons(rt::N{105}, rt::list<rt::N>::cons(rt::N{116}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{98}, rt::list<rt::N>::cons(rt::N{121}, rt::list<rt::N>::cons(rt::N{116}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::nil()))))))))));
}

// Coq: Hexproof.Spec.Quirks.name_nibble_across_files (Definition)
inline common::bytes name_nibble_across_files() {
  return rt::list<rt::N>::cons(rt::N{110}, rt::list<rt::N>::cons(rt::N{105}, rt::list<rt::N>::cons(rt::N{98}, rt::list<rt::N>::cons(rt::N{98}, rt::list<rt::N>::cons(rt::N{108}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{97}, rt::list<rt::N>::cons(rt::N{99}, rt::list<rt::N>::cons(rt::N{114}, rt::list<rt::N>::cons(rt::N{111}, rt::list<rt::N>::cons(rt::N{115}, rt::list<rt::N>::cons(rt::N{115}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{102}, rt::list<rt::N>::cons(rt::N{105}, rt::list<rt::N>::cons(rt::N{108}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::cons(rt::N{115}, rt::list<rt::N>::nil())))))))))))))))))));
}

// Coq: Hexproof.Spec.Quirks.name_misplaced_base (Definition)
inline common::bytes name_misplaced_base() {
  return rt::list<rt::N>::cons(rt::N{109}, rt::list<rt::N>::cons(rt::N{105}, rt::list<rt::N>::cons(rt::N{115}, rt::list<rt::N>::cons(rt::N{112}, rt::list<rt::N>::cons(rt::N{108}, rt::list<rt::N>::cons(rt::N{97}, rt::list<rt::N>::cons(rt::N{99}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::cons(rt::N{100}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{98}, rt::list<rt::N>::cons(rt::N{97}, rt::list<rt::N>::cons(rt::N{115}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::nil()))))))))))))));
}

// Coq: Hexproof.Spec.Quirks.name_absolute_with_base (Definition)
inline common::bytes name_absolute_with_base() {
  return rt::list<rt::N>::cons(rt::N{97}, rt::list<rt::N>::cons(rt::N{98}, rt::list<rt::N>::cons(rt::N{115}, rt::list<rt::N>::cons(rt::N{111}, rt::list<rt::N>::cons(rt::N{108}, rt::list<rt::N>::cons(rt::N{117}, rt::list<rt::N>::cons(rt::N{116}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{119}, rt::list<rt::N>::cons(rt::N{105}, rt::list<rt::N>::cons(rt::N{116}, rt::list<rt::N>::cons(rt::N{104}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{98}, rt::list<rt::N>::cons(rt::N{97}, rt::list<rt::N>::cons(rt::N{115}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::nil()))))))))))))))))));
}

// Coq: Hexproof.Spec.Quirks.name_align_on_absolute (Definition)
inline common::bytes name_align_on_absolute() {
  return rt::list<rt::N>::cons(rt::N{97}, rt::list<rt::N>::cons(rt::N{108}, rt::list<rt::N>::cons(rt::N{105}, rt::list<rt::N>::cons(rt::N{103}, rt::list<rt::N>::cons(rt::N{110}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{111}, rt::list<rt::N>::cons(rt::N{110}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{97}, rt::list<rt::N>::cons(rt::N{98}, rt::list<rt::N>::cons(rt::N{115}, rt::list<rt::N>::cons(rt::N{111}, rt::list<rt::N>::cons(rt::N{108}, rt::list<rt::N>::cons(rt::N{117}, rt::list<rt::N>::cons(rt::N{116}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::nil())))))))))))))))));
}

// Coq: Hexproof.Spec.Quirks.name_register_across_files (Definition)
inline common::bytes name_register_across_files() {
  return rt::list<rt::N>::cons(rt::N{114}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::cons(rt::N{103}, rt::list<rt::N>::cons(rt::N{105}, rt::list<rt::N>::cons(rt::N{115}, rt::list<rt::N>::cons(rt::N{116}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::cons(rt::N{114}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{97}, rt::list<rt::N>::cons(rt::N{99}, rt::list<rt::N>::cons(rt::N{114}, rt::list<rt::N>::cons(rt::N{111}, rt::list<rt::N>::cons(rt::N{115}, rt::list<rt::N>::cons(rt::N{115}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{102}, rt::list<rt::N>::cons(rt::N{105}, rt::list<rt::N>::cons(rt::N{108}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::cons(rt::N{115}, rt::list<rt::N>::nil())))))))))))))))))))));
}

// Coq: Hexproof.Spec.Quirks.name_duplicate_define (Definition)
inline common::bytes name_duplicate_define() {
  return rt::list<rt::N>::cons(rt::N{100}, rt::list<rt::N>::cons(rt::N{117}, rt::list<rt::N>::cons(rt::N{112}, rt::list<rt::N>::cons(rt::N{108}, rt::list<rt::N>::cons(rt::N{105}, rt::list<rt::N>::cons(rt::N{99}, rt::list<rt::N>::cons(rt::N{97}, rt::list<rt::N>::cons(rt::N{116}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{100}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::cons(rt::N{102}, rt::list<rt::N>::cons(rt::N{105}, rt::list<rt::N>::cons(rt::N{110}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::nil()))))))))))))))));
}

// Coq: Hexproof.Spec.Quirks.name_use_before_define (Definition)
inline common::bytes name_use_before_define() {
  return rt::list<rt::N>::cons(rt::N{117}, rt::list<rt::N>::cons(rt::N{115}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{98}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::cons(rt::N{102}, rt::list<rt::N>::cons(rt::N{111}, rt::list<rt::N>::cons(rt::N{114}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{100}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::cons(rt::N{102}, rt::list<rt::N>::cons(rt::N{105}, rt::list<rt::N>::cons(rt::N{110}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::nil())))))))))))))))));
}

// Coq: Hexproof.Spec.Quirks.name_off_by_one_range (Definition)
inline common::bytes name_off_by_one_range() {
  return rt::list<rt::N>::cons(rt::N{111}, rt::list<rt::N>::cons(rt::N{102}, rt::list<rt::N>::cons(rt::N{102}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{98}, rt::list<rt::N>::cons(rt::N{121}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{111}, rt::list<rt::N>::cons(rt::N{110}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{114}, rt::list<rt::N>::cons(rt::N{97}, rt::list<rt::N>::cons(rt::N{110}, rt::list<rt::N>::cons(rt::N{103}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::nil()))))))))))))))));
}

// Coq: Hexproof.Spec.Quirks.name_octal_immediate (Definition)
inline common::bytes name_octal_immediate() {
  return rt::list<rt::N>::cons(rt::N{111}, rt::list<rt::N>::cons(rt::N{99}, rt::list<rt::N>::cons(rt::N{116}, rt::list<rt::N>::cons(rt::N{97}, rt::list<rt::N>::cons(rt::N{108}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{105}, rt::list<rt::N>::cons(rt::N{109}, rt::list<rt::N>::cons(rt::N{109}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::cons(rt::N{100}, rt::list<rt::N>::cons(rt::N{105}, rt::list<rt::N>::cons(rt::N{97}, rt::list<rt::N>::cons(rt::N{116}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::nil())))))))))))))));
}

// Coq: Hexproof.Spec.Quirks.name_text_across_files (Definition)
inline common::bytes name_text_across_files() {
  return rt::list<rt::N>::cons(rt::N{116}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::cons(rt::N{120}, rt::list<rt::N>::cons(rt::N{116}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{97}, rt::list<rt::N>::cons(rt::N{99}, rt::list<rt::N>::cons(rt::N{114}, rt::list<rt::N>::cons(rt::N{111}, rt::list<rt::N>::cons(rt::N{115}, rt::list<rt::N>::cons(rt::N{115}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{102}, rt::list<rt::N>::cons(rt::N{105}, rt::list<rt::N>::cons(rt::N{108}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::cons(rt::N{115}, rt::list<rt::N>::nil())))))))))))))))));
}

// Coq: Hexproof.Spec.Quirks.name_cr_in_token (Definition)
inline common::bytes name_cr_in_token() {
  return rt::list<rt::N>::cons(rt::N{99}, rt::list<rt::N>::cons(rt::N{114}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{105}, rt::list<rt::N>::cons(rt::N{110}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{116}, rt::list<rt::N>::cons(rt::N{111}, rt::list<rt::N>::cons(rt::N{107}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::cons(rt::N{110}, rt::list<rt::N>::nil())))))))))));
}

// Coq: Hexproof.Spec.Quirks.name_comment_char_in_token (Definition)
inline common::bytes name_comment_char_in_token() {
  return rt::list<rt::N>::cons(rt::N{99}, rt::list<rt::N>::cons(rt::N{111}, rt::list<rt::N>::cons(rt::N{109}, rt::list<rt::N>::cons(rt::N{109}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::cons(rt::N{110}, rt::list<rt::N>::cons(rt::N{116}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{99}, rt::list<rt::N>::cons(rt::N{104}, rt::list<rt::N>::cons(rt::N{97}, rt::list<rt::N>::cons(rt::N{114}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{105}, rt::list<rt::N>::cons(rt::N{110}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{116}, rt::list<rt::N>::cons(rt::N{111}, rt::list<rt::N>::cons(rt::N{107}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::cons(rt::N{110}, rt::list<rt::N>::nil())))))))))))))))))))));
}

// Coq: Hexproof.Spec.Quirks.name_unknown_architecture_kept (Definition)
inline common::bytes name_unknown_architecture_kept() {
  return rt::list<rt::N>::cons(rt::N{117}, rt::list<rt::N>::cons(rt::N{110}, rt::list<rt::N>::cons(rt::N{107}, rt::list<rt::N>::cons(rt::N{110}, rt::list<rt::N>::cons(rt::N{111}, rt::list<rt::N>::cons(rt::N{119}, rt::list<rt::N>::cons(rt::N{110}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{97}, rt::list<rt::N>::cons(rt::N{114}, rt::list<rt::N>::cons(rt::N{99}, rt::list<rt::N>::cons(rt::N{104}, rt::list<rt::N>::cons(rt::N{105}, rt::list<rt::N>::cons(rt::N{116}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::cons(rt::N{99}, rt::list<rt::N>::cons(rt::N{116}, rt::list<rt::N>::cons(rt::N{117}, rt::list<rt::N>::cons(rt::N{114}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::nil()))))))))))))))))))));
}

// Coq: Hexproof.Spec.Quirks.quirk_name (Definition)
inline common::bytes quirk_name(const quirks::quirk& k) {
  switch (k) {
  case quirks::quirk::duplicate_label: {
    return quirks::name_duplicate_label();
  }
  case quirks::quirk::split_byte: {
    return quirks::name_split_byte();
  }
  case quirks::quirk::nibble_across_files: {
    return quirks::name_nibble_across_files();
  }
  case quirks::quirk::misplaced_base: {
    return quirks::name_misplaced_base();
  }
  case quirks::quirk::absolute_with_base: {
    return quirks::name_absolute_with_base();
  }
  case quirks::quirk::align_on_absolute: {
    return quirks::name_align_on_absolute();
  }
  case quirks::quirk::register_across_files: {
    return quirks::name_register_across_files();
  }
  case quirks::quirk::duplicate_define: {
    return quirks::name_duplicate_define();
  }
  case quirks::quirk::use_before_define: {
    return quirks::name_use_before_define();
  }
  case quirks::quirk::off_by_one_range: {
    return quirks::name_off_by_one_range();
  }
  case quirks::quirk::octal_immediate: {
    return quirks::name_octal_immediate();
  }
  case quirks::quirk::text_across_files: {
    return quirks::name_text_across_files();
  }
  case quirks::quirk::cr_in_token: {
    return quirks::name_cr_in_token();
  }
  case quirks::quirk::comment_char_in_token: {
    return quirks::name_comment_char_in_token();
  }
  case quirks::quirk::unknown_architecture_kept: {
    return quirks::name_unknown_architecture_kept();
  }
  }
  rt::fatal("no case matched in Hexproof.Spec.Quirks.quirk_name");
}

// Coq: Hexproof.Spec.Quirks.plain_use (Definition)
inline quirks::quirk_use plain_use(const quirks::quirk& k, const rt::N& file, const rt::N& offset, const common::bytes& subject) {
  return quirks::quirk_use::mk_use(k, file, offset, subject, file, offset, rt::Z{0});
}

// Coq: Hexproof.Spec.Quirks.push_uses (Fixpoint; its self tail calls are the loop)
inline rt::list<quirks::quirk_use> push_uses(const rt::list<quirks::quirk_use>& a_in, rt::list<quirks::quirk_use> acc) {
  const rt::list<quirks::quirk_use>* a = &a_in;
  for (;;) {
    switch ((*a).tag()) {
    case rt::list<quirks::quirk_use>::tag_t::nil: {
      return acc;
    }
    case rt::list<quirks::quirk_use>::tag_t::cons: {
      const auto& cons_fields = (*a).as_cons();
      const quirks::quirk_use& u = cons_fields.f0;
      const rt::list<quirks::quirk_use>& a_ = cons_fields.f1;
      const rt::list<quirks::quirk_use>* next_a = &a_;
      rt::list<quirks::quirk_use> next_acc = rt::list<quirks::quirk_use>::cons(u, std::move(acc));
      a = std::move(next_a);
      acc = std::move(next_acc);
      continue;
    }
    }
    rt::fatal("no case matched in Hexproof.Spec.Quirks.push_uses");
  }
}

}  // namespace hexproof::quirks
