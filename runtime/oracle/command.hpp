// One tool invocation of the oracle and the command line that runs it (docs/oracle.md).
//
// An implementation is run through a command template: words, some of them placeholders that
// stand for the program, the inputs, the mode flags and the output. The mescc-tools template is
// the only one built in; templates for tools with other calling conventions can be added.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine.hpp"

namespace hexproof::oracle {

enum class Tool : std::uint8_t { hex2, m1 };

std::string_view tool_name(Tool t);  // "hex2", "M1"

struct Invocation {
    Tool tool = Tool::hex2;
    Hex2Config hex2;
    M1Config m1;
    std::vector<Input> inputs;  // held in memory (bytes)

    Architecture architecture() const { return tool == Tool::hex2 ? hex2.architecture : m1.architecture; }
};

// The reference's answer on an invocation.
inline Result run_reference(const Engine& engine, const Invocation& inv) {
    return inv.tool == Tool::hex2 ? engine.link(inv.hex2, inv.inputs) : engine.assemble(inv.m1, inv.inputs);
}

// Placeholders, each a whole word of a template:
//   {program}      the implementation's absolute path
//   {input-flags}  `-f NAME` for each input, in order
//   {inputs}       each input's name, in order
//   {mode-flags}   --architecture A, --little-endian or --big-endian, hex2's --base-address B,
//                  --octal or --binary when not hex
//   {output}       the output file's name
struct CommandTemplate {
    std::vector<std::string> words;
};

// mescc-tools 1.7.0's calling convention: {program} {input-flags} {mode-flags} -o {output}.
CommandTemplate mescc_tools_template();

// The words of `templ` with its placeholders replaced.
std::vector<std::string> expand(const CommandTemplate& templ, const Invocation& invocation,
                                const std::string& program, const std::vector<std::string>& input_names,
                                const std::string& output);

// The names an invocation's inputs get in a scratch folder: their base names, made distinct and
// harmless (letters, digits, `.`, `_`, `-`; never `out`, never starting with `.`).
std::vector<std::string> scratch_names(const Invocation& invocation);

// The output file's name in a scratch folder.
inline const std::string output_name = "out";

}  // namespace hexproof::oracle
