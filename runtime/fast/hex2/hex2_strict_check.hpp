// The fast engine's strict checker for hex2: what Hex2CheckFirst.check_first returns (the `k`
// earliest quirk uses of Hex2Strict.uses in input order, and how many there are), written from
// the meaning of Hex2Lex.lex_step, Hex2Strict.uses and Hex2Check.check. Not trusted:
// strict-property holds it to the extracted checker.
#pragma once

#include <cstddef>
#include <vector>

#include "engine.hpp"
#include "keyed_hash.hpp"

namespace hexproof::hex2_strict {

QuirkUses check_first(const Hex2Config& config, const std::vector<Input>& inputs, std::size_t k,
                      const keyed_hash::Key& key = keyed_hash::random_key());

}  // namespace hexproof::hex2_strict
