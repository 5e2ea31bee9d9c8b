// hex2_strict.hpp: the C++ printed from the Coq module Hexproof.Spec.Hex2Strict.
//
// Generated; do not edit. Made by `extracted/regen.sh OUTDIR`, which runs: hexproof_printer --module Hexproof.Spec.CommandLine --module Hexproof.Spec.Common --module Hexproof.Spec.Hex2Encode --module Hexproof.Spec.Hex2Lex --module Hexproof.Spec.Hex2Spec --module Hexproof.Spec.Hex2Strict --module Hexproof.Spec.M1Eval --module Hexproof.Spec.M1Lex --module Hexproof.Spec.M1Spec --module Hexproof.Spec.M1Strict --module Hexproof.Spec.Quirks --module Hexproof.Spec.Strtoint --module Hexproof.Proofs.ByteMap --module Hexproof.Proofs.FirstUses --module Hexproof.Proofs.Hex2Check --module Hexproof.Proofs.Hex2CheckFirst --module Hexproof.Proofs.Hex2Exec --module Hexproof.Proofs.M1Check --module Hexproof.Proofs.M1CheckFirst --module Hexproof.Proofs.M1Exec --module Hexproof.Proofs.OutBuf --fields Extract.v --out OUTDIR extraction.json
// Coq Hexproof.Spec.Hex2Strict.x is C++ hexproof::hex2_strict::x. See extracted/SUBSET.md for the translation.
#pragma once

#include <cstdint>
#include <utility>

#include "coq_runtime.hpp"
#include "hex2_lex.hpp"
#include "quirks.hpp"

namespace hexproof::hex2_strict {

// Coq: Hexproof.Spec.Hex2Strict.name_start (Definition)
inline rt::N name_start(const rt::N& off, const hex2_lex::lex_state& st) {
  hex2_lex::lex_mode scrut = st.ls_mode;
  switch (scrut.tag()) {
  case hex2_lex::lex_mode::tag_t::lm_data: {
    return off;
  }
  case hex2_lex::lex_mode::tag_t::lm_comment: {
    return off;
  }
  case hex2_lex::lex_mode::tag_t::lm_word: {
    return off;
  }
  case hex2_lex::lex_mode::tag_t::lm_word_comment: {
    return off;
  }
  case hex2_lex::lex_mode::tag_t::lm_label: {
    const auto& lm_label_fields = scrut.as_lm_label();
    const rt::N& pos = lm_label_fields.f0;
    return pos;
  }
  case hex2_lex::lex_mode::tag_t::lm_ref: {
    const auto& lm_ref_fields = scrut.as_lm_ref();
    const rt::N& pos_1 = lm_ref_fields.f1;
    return pos_1;
  }
  case hex2_lex::lex_mode::tag_t::lm_wref: {
    const auto& lm_wref_fields = scrut.as_lm_wref();
    const rt::N& pos_2 = lm_wref_fields.f1;
    return pos_2;
  }
  case hex2_lex::lex_mode::tag_t::lm_base: {
    const auto& lm_base_fields = scrut.as_lm_base();
    const rt::N& pos_3 = lm_base_fields.f1;
    return pos_3;
  }
  }
  rt::impossible("no case matched in Hexproof.Spec.Hex2Strict.name_start");
}

// Coq: Hexproof.Spec.Hex2Strict.in_name_use (Definition)
inline quirks::quirk_use in_name_use(const quirks::quirk& k, const rt::N& file, const rt::N& off, const hex2_lex::lex_state& st) {
  return quirks::quirk_use::mk_use(k, file, off, rt::list<common::byte>::nil(), file, hex2_strict::name_start(off, st), rt::Z{0});
}

}  // namespace hexproof::hex2_strict
