// hex2_strict.hpp: the C++ printed from the Coq module Hexproof.Spec.Hex2Strict.
//
// Generated; do not edit. Made by `extracted/regen.sh OUTDIR`, which runs: hexproof_printer --module Hexproof.Spec.CommandLine --module Hexproof.Spec.Common --module Hexproof.Spec.Hex2Encode --module Hexproof.Spec.Hex2Lex --module Hexproof.Spec.Hex2Spec --module Hexproof.Spec.Hex2Strict --module Hexproof.Spec.M1Eval --module Hexproof.Spec.M1Lex --module Hexproof.Spec.M1Spec --module Hexproof.Spec.Quirks --module Hexproof.Spec.Strtoint --module Hexproof.Proofs.ByteMap --module Hexproof.Proofs.Hex2Check --module Hexproof.Proofs.Hex2Exec --module Hexproof.Proofs.M1Check --module Hexproof.Proofs.M1Exec --module Hexproof.Proofs.OutBuf --fields Extract.v --out OUTDIR extraction.json
// Coq Hexproof.Spec.Hex2Strict.x is C++ hexproof::hex2_strict::x. See extracted/SUBSET.md for the translation.
#pragma once

#include <cstdint>
#include <utility>

#include "coq_runtime.hpp"
#include "common.hpp"
#include "hex2_lex.hpp"

namespace hexproof::hex2_strict {

// Coq: Hexproof.Spec.Hex2Strict.name_so_far (Definition)
inline common::bytes name_so_far(const hex2_lex::lex_state& st) {
  hex2_lex::lex_mode scrut = st.ls_mode;
  switch (scrut.tag()) {
  case hex2_lex::lex_mode::tag_t::lm_data: {
    return rt::list<common::byte>::nil();
  }
  case hex2_lex::lex_mode::tag_t::lm_comment: {
    return rt::list<common::byte>::nil();
  }
  case hex2_lex::lex_mode::tag_t::lm_word: {
    return rt::list<common::byte>::nil();
  }
  case hex2_lex::lex_mode::tag_t::lm_word_comment: {
    return rt::list<common::byte>::nil();
  }
  case hex2_lex::lex_mode::tag_t::lm_label: {
    const auto& lm_label_fields = scrut.as_lm_label();
    const common::bytes& rn = lm_label_fields.f1;
    return hex2_lex::name_of_rev(rn);
  }
  case hex2_lex::lex_mode::tag_t::lm_ref: {
    const auto& lm_ref_fields = scrut.as_lm_ref();
    const common::bytes& rn_1 = lm_ref_fields.f2;
    return hex2_lex::name_of_rev(rn_1);
  }
  case hex2_lex::lex_mode::tag_t::lm_wref: {
    const auto& lm_wref_fields = scrut.as_lm_wref();
    const common::bytes& rn_2 = lm_wref_fields.f2;
    return hex2_lex::name_of_rev(rn_2);
  }
  case hex2_lex::lex_mode::tag_t::lm_base: {
    const auto& lm_base_fields = scrut.as_lm_base();
    const common::bytes& rn_3 = lm_base_fields.f4;
    return hex2_lex::name_of_rev(rn_3);
  }
  }
  rt::impossible("no case matched in Hexproof.Spec.Hex2Strict.name_so_far");
}

}  // namespace hexproof::hex2_strict
