// m1_spec.hpp: the C++ printed from the Coq module Hexproof.Spec.M1Spec.
//
// Generated; do not edit. Made by `extracted/regen.sh OUTDIR`, which runs: hexproof_printer --module Hexproof.Spec.Common --module Hexproof.Spec.Hex2Encode --module Hexproof.Spec.Hex2Lex --module Hexproof.Spec.Hex2Spec --module Hexproof.Spec.M1Eval --module Hexproof.Spec.M1Lex --module Hexproof.Spec.M1Spec --module Hexproof.Spec.Strtoint --module Hexproof.Proofs.ByteMap --module Hexproof.Proofs.Hex2Exec --module Hexproof.Proofs.M1Exec --module Hexproof.Proofs.OutBuf --fields Extract.v --out OUTDIR extraction.json
// Coq Hexproof.Spec.M1Spec.x is C++ hexproof::m1_spec::x. See extracted/SUBSET.md for the translation.
#pragma once

#include <cstdint>
#include <utility>

#include "coq_runtime.hpp"
#include "common.hpp"

namespace hexproof::m1_spec {

// Coq: Hexproof.Spec.M1Spec.empty_input_error (Definition)
inline common::error empty_input_error() {
  return common::error::mk_error(common::error_kind::empty_input, rt::N{0}, rt::N{0}, rt::Z{0}, rt::list<common::byte>::nil());
}

}  // namespace hexproof::m1_spec
