// The fast engine's strict checker for M1: what M1CheckFirst.check_first returns (the `k`
// earliest quirk uses of M1Strict.uses in input order, and how many there are), written from the
// meaning of M1Lex.lex_char, M1Strict.uses and M1Check.check. Not trusted: strict-property holds
// it to the extracted checker.
#pragma once

#include <cstddef>
#include <vector>

#include "engine.hpp"
#include "keyed_hash.hpp"

namespace hexproof::m1_strict {

QuirkUses check_first(const M1Config& config, const std::vector<Input>& inputs, std::size_t k,
                      const keyed_hash::Key& key = keyed_hash::random_key());

}  // namespace hexproof::m1_strict
