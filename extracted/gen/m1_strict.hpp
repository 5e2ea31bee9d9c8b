// m1_strict.hpp: the C++ printed from the Coq module Hexproof.Spec.M1Strict.
//
// Generated; do not edit. Made by `extracted/regen.sh OUTDIR`, which runs: hexproof_printer --module Hexproof.Spec.CommandLine --module Hexproof.Spec.Common --module Hexproof.Spec.Hex2Encode --module Hexproof.Spec.Hex2Lex --module Hexproof.Spec.Hex2Spec --module Hexproof.Spec.Hex2Strict --module Hexproof.Spec.M1Eval --module Hexproof.Spec.M1Lex --module Hexproof.Spec.M1Spec --module Hexproof.Spec.M1Strict --module Hexproof.Spec.Quirks --module Hexproof.Spec.Strtoint --module Hexproof.Proofs.ByteMap --module Hexproof.Proofs.FirstUses --module Hexproof.Proofs.Hex2Check --module Hexproof.Proofs.Hex2CheckFirst --module Hexproof.Proofs.Hex2Exec --module Hexproof.Proofs.M1Check --module Hexproof.Proofs.M1CheckFirst --module Hexproof.Proofs.M1Exec --module Hexproof.Proofs.OutBuf --fields Extract.v --out OUTDIR extraction.json
// Coq Hexproof.Spec.M1Strict.x is C++ hexproof::m1_strict::x. See extracted/SUBSET.md for the translation.
#pragma once

#include <cstdint>
#include <utility>

#include "coq_runtime.hpp"
#include "m1_lex.hpp"
#include "quirks.hpp"

namespace hexproof::m1_strict {

// Coq: Hexproof.Spec.M1Strict.atom_start (Definition)
inline rt::N atom_start(const rt::N& pos, const m1_lex::lex_state& st) {
  switch (st.tag()) {
  case m1_lex::lex_state::tag_t::Between: {
    return pos;
  }
  case m1_lex::lex_state::tag_t::In_comment: {
    return pos;
  }
  case m1_lex::lex_state::tag_t::In_atom: {
    const auto& In_atom_fields = st.as_In_atom();
    const rt::N& start = In_atom_fields.f0;
    return start;
  }
  case m1_lex::lex_state::tag_t::In_string: {
    return pos;
  }
  }
  rt::impossible("no case matched in Hexproof.Spec.M1Strict.atom_start");
}

// Coq: Hexproof.Spec.M1Strict.in_atom_use (Definition)
inline quirks::quirk_use in_atom_use(const quirks::quirk& k, const rt::N& file, const rt::N& pos, const m1_lex::lex_state& st) {
  return quirks::quirk_use::mk_use(k, file, pos, rt::list<common::byte>::nil(), file, m1_strict::atom_start(pos, st), rt::Z{0});
}

}  // namespace hexproof::m1_strict
