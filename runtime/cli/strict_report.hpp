// The words of strict mode (docs/strict.md): the quirk uses an engine's strict checker finds,
// as "file:line:column: error: strict: <quirk name>: <what and why>" lines. Apart from strict.hpp
// so that a caller need not see the command line's types (the property tests read this one).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "engine.hpp"

namespace hexproof {

// At most this many uses are printed; one more line says how many others there are.
inline constexpr std::size_t strict_shown_uses = 100;

// The diagnostics of the quirk uses (empty when there is none), "error" or, with `warn`,
// "warning" lines.
std::string strict_diagnostics(const Engine& engine, const Hex2Config& config,
                               const std::vector<Input>& inputs, bool warn);
std::string strict_diagnostics(const Engine& engine, const M1Config& config, const std::vector<Input>& inputs,
                               bool warn);

}  // namespace hexproof
