// The fast hex2 engine: a handwritten linker for hex2 text, checked against the reference engine.
//
// It computes the same function as Coq `Hexproof.Proofs.Hex2Exec.link` (and the extracted
// `hexproof::hex2_exec::link`): the configuration and the ordered inputs give the linked bytes or
// one located error, with the meaning of ../shared/SEMANTICS.md ("hex2", compat mode) and the
// decisions of docs/contract.md. It is not trusted: properties, fuzzing and the corpus compare it
// with the reference. It is built for volume: one linear scan of the inputs (hex2_lexer) that
// writes the data bytes in place and records each reference as a small fix-up resolved at the end,
// labels in an open-addressing table keyed by views into the inputs (hashed with a key drawn for
// each run), and one output buffer.
#pragma once

#include <vector>

#include "engine.hpp"
#include "keyed_hash.hpp"
#include "split.hpp"

namespace hexproof::hex2_fast {

// Links `inputs` (in order, as `hex2 -f input0 -f input1 ...` would) under `config`. With a
// second thread (`threading`), each thread reads half of the inputs. The labels are hashed with
// `key`, by default one drawn for this call (keyed_hash.hpp); the result does not depend on it.
Result link(const Hex2Config& config, const std::vector<Input>& inputs,
            Threading threading = Threading::automatic,
            const keyed_hash::Key& key = keyed_hash::random_key());

}  // namespace hexproof::hex2_fast
