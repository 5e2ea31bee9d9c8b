// What the drop-ins print when they write no output: upstream's usage, version, warnings and
// complaints, and our additions, for what spec/CommandLine.v decides. Wording only: every choice
// (which text, which exit status, whether the run goes on) is made by the Coq command line and
// cli.cpp; tests/cli_test.sh compares each text with upstream's (docs/trusted-base.md).
#pragma once

#include <optional>
#include <string>

#include "command_line.hpp"

namespace hexproof::cli_texts {

// The texts that differ between the tools.
struct Tool {
    std::string name;           // "hex2: error: ..."
    const char* usage;          // after "Usage: PROGRAM"
    const char* version;        // -V
    const char* architectures;  // after "Unknown architecture: NAME" (no newline)
};

extern const Tool hex2;
extern const Tool m1;

// What a step prints: hex2's warnings and its complaint about an unknown architecture. Empty for
// the steps that print nothing of their own (opening the output, reading an input).
std::string step(const command_line::cli_step& s, const Tool& tool);

std::string help(const Tool& tool, const char* program);

// The refusals: a file that cannot be opened or written (no path: standard output), inputs past
// the input limit (`before`: with inputs read before them), memory.
std::string cannot_open(const Tool& tool, const std::string& path, const std::string& why);
std::string cannot_write(const Tool& tool, const std::optional<std::string>& path, const std::string& why);
std::string over_input_limit(const std::string& path, bool before);
std::string out_of_memory(const Tool& tool);
std::string usage_error(const command_line::usage_error& e, const Tool& tool);

}  // namespace hexproof::cli_texts
