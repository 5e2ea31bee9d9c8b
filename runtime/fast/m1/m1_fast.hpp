// The fast M1 engine: the handwritten counterpart of Coq's Hexproof.Proofs.M1Exec.assemble.
//
// Same function as the reference engine (docs/contract.md), built for volume: no token list.
// Pass 1 lexes the inputs once, interns every distinct token text (a hash table keyed by views
// into the inputs), records DEFINE bindings and keeps the printed tokens as a compact stream of
// ids; every distinct text is then evaluated once, in upstream's stage order; pass 2 replays the
// id stream into one output string sized exactly beforehand (or lexes the inputs again when the
// stream would have outgrown a quarter of the input).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "engine.hpp"
#include "keyed_hash.hpp"
#include "split.hpp"

namespace hexproof::m1_fast {

// With a second thread (`threading`), each pass takes half of the input, or of the texts, or of
// the output. The table of texts hashes with `key`, by default one drawn for this call
// (keyed_hash.hpp); the result does not depend on it.
Result assemble(const M1Config& config, const std::vector<Input>& inputs,
                Threading threading = Threading::automatic,
                const keyed_hash::Key& key = keyed_hash::random_key());

// The same, printing into sink a piece at a time (pass 2 then needs no room for the output).
std::optional<Error> assemble_to(const M1Config& config, const std::vector<Input>& inputs, OutputSink& sink,
                                 Threading threading = Threading::automatic,
                                 const keyed_hash::Key& key = keyed_hash::random_key());

}  // namespace hexproof::m1_fast
