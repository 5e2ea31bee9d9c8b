// Strict mode of the drop-ins (--strict, --strict=warn; docs/strict.md): the engine's strict
// checker on the inputs (the reference engine's is the extracted bounded checker,
// Hex2CheckFirst.check_first or M1CheckFirst.check_first; the fast engine's its own, held to it
// by strict-property), its uses as "file:line:column: error: strict: <quirk name>: <what and
// why>" lines.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "command_line.hpp"
#include "common.hpp"
#include "engine.hpp"
#include "strict_report.hpp"

namespace hexproof {

// The two hooks of cli.cpp, called only under --strict or --strict=warn (`mode` is not
// strict_off); each says its diagnostics on standard error, "error" under --strict and "warning"
// under --strict=warn, and returns false when the run must fail for them (under --strict, when
// there is one).
// A step of the command line: hex2's unknown -A name (the quirk unknown-architecture), said on a
// line after upstream's message, which ends without a newline.
bool strict_step_passes(const command_line::cli_step& s, command_line::strict_mode mode,
                        const std::string& tool);
// The engine's checker on the inputs, before the engine runs.
bool strict_passes(const Engine& engine, const Hex2Config& config, const std::vector<Input>& inputs,
                   command_line::strict_mode mode);
bool strict_passes(const Engine& engine, const M1Config& config, const std::vector<Input>& inputs,
                   command_line::strict_mode mode);

}  // namespace hexproof
