// The fast M1 engine: the handwritten counterpart of Coq's Hexproof.Proofs.M1Exec.assemble.
//
// Same function as the reference engine (docs/contract.md), built for volume: the inputs are
// scanned twice and never turned into a token list. Pass 1 interns every distinct token text
// once (a hash table keyed by views into the inputs) and records DEFINE bindings; then every
// distinct text is evaluated once, in upstream's stage order, and its printed form cached; pass 2
// scans again and appends the cached forms to one output string reserved at its final size.
#pragma once

#include <vector>

#include "engine.hpp"

namespace hexproof::m1_fast {

Result assemble(const M1Config& config, const std::vector<Input>& inputs);

}  // namespace hexproof::m1_fast
