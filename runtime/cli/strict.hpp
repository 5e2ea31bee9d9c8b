// Strict mode of the drop-ins (--strict, --strict=warn; docs/strict.md): the extracted bounded
// checkers (Hex2CheckFirst.check_first, M1CheckFirst.check_first) on the inputs, their uses as
// "file:line:column: error: strict: <quirk name>: <what and why>" lines. The same for both
// engines: the checker is the extracted one whatever the engine.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "common.hpp"
#include "engine.hpp"

namespace hexproof {

// At most this many uses are printed; one more line says how many others there are.
inline constexpr std::size_t strict_shown_uses = 100;

// The diagnostics of the quirk uses (empty when there is none), "error" or "warning" per `warn`.
std::string strict_diagnostics(const common::hex2_config& config, const std::vector<Input>& inputs,
                               bool warn);
std::string strict_diagnostics(const common::m1_config& config, const std::vector<Input>& inputs, bool warn);

// hex2's unknown -A name under strict mode (unknown-architecture), on a line after upstream's message.
std::string strict_unknown_architecture(const std::string& tool, const std::string& name, bool warn);

}  // namespace hexproof
