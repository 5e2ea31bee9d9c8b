// Pass 2 of the fast M1 (upstream's print_hex): the printed stream replayed (or, when pass 1
// dropped it, the inputs lexed again) into the output, every error found before its first byte.
#pragma once

#include <optional>
#include <vector>

#include "engine.hpp"
#include "keyed_hash.hpp"
#include "m1_pass1.hpp"

namespace hexproof::m1_fast {

// The output as one string: a first sweep sizes it and finds invalid_other (the first printed
// token without a value), a second one writes. `parts` are pass 1's, every text evaluated; `key`
// is the one pass 1 hashed with.
Result print_whole(const std::vector<Input>& inputs, bool two_threads, const keyed_hash::Key& key,
                   const Parts& parts);

// The output into a sink, a piece at a time, after its exact size; with `two_threads`, the two
// halves at once when the sink takes positional writes.
std::optional<Error> print_to(const std::vector<Input>& inputs, bool two_threads, const keyed_hash::Key& key,
                              const Parts& parts, OutputSink& sink);

}  // namespace hexproof::m1_fast
