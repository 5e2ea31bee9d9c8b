// One tool invocation of the oracle and the command line that runs it (docs/oracle.md, "Running
// other tools").
//
// An implementation is run through a command template: words made of literal text and
// placeholders that stand for the program, the inputs, the output and the configuration. The
// template is parsed once, without a shell (quotes group, nothing is expanded but the
// placeholders), and every word the implementation gets is one the template made.
#pragma once

#include <cstdint>
#include <optional>
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
    bool big_endian() const { return tool == Tool::hex2 ? hex2.big_endian : m1.big_endian; }
    ByteMode byte_mode() const { return tool == Tool::hex2 ? hex2.byte_mode : m1.byte_mode; }
};

// The reference's answer on an invocation.
inline Result run_reference(const Engine& engine, const Invocation& inv) {
    return inv.tool == Tool::hex2 ? engine.link(inv.hex2, inv.inputs) : engine.assemble(inv.m1, inv.inputs);
}

// The inputs as one file, in order (what the bootstrap's catm makes of them), named after them
// (`a.M1+b.M1`, or `a.M1+5-more`).
std::vector<Input> joined(const std::vector<Input>& inputs);

// Placeholders (docs/oracle.md lists them with examples):
//   {program}      the path given with --hex2 or --m1 (absolute)
//   {input}        the one input file (the inputs are joined into one when there are more)
//   {inputs}       each input file, one word each                      (a whole word)
//   {input-flags}  `-f NAME` for each input                              (a whole word)
//   {output}       the output file the oracle reads back
//   {arch}         the architecture as mescc-tools names it (knight-native, x86, amd64, ...)
//   {endianness}   little or big;  {endian-flag}  --little-endian or --big-endian
//   {byte-mode}    hex, octal or binary
//   {base-address} hex2's base address, 0x hex (hex2 only)
//   {mode-flags}   --architecture A, the endian flag, hex2's --base-address B, and --octal or
//                  --binary when not hex                                  (a whole word)
// `{{` and `}}` stand for a brace.
struct CommandTemplate {
    struct Part {
        bool placeholder = false;
        std::string text;  // the literal text, or the placeholder's name without braces
    };
    std::vector<std::vector<Part>> words;
    std::string source;  // as written (for reports)

    bool uses(std::string_view placeholder) const;
    bool takes_one_input() const { return uses("input"); }
};

// mescc-tools 1.7.0's calling convention: {program} {input-flags} {mode-flags} -o {output}.
CommandTemplate mescc_tools_template();

// Parses a template for `tool`: nullopt with *error (one line) when it is empty, a quote is not
// closed, a placeholder is unknown or not for this tool, a placeholder of several words is part
// of a word, the first word holds a placeholder other than a whole {program}, or the template
// names no output or no input.
std::optional<CommandTemplate> parse_template(std::string_view text, Tool tool, std::string* error);

// The words of `templ` with its placeholders replaced. The first word becomes `executable` (the
// absolute path the oracle resolved it to); {program} elsewhere becomes `program`.
std::vector<std::string> expand(const CommandTemplate& templ, const Invocation& invocation,
                                const std::string& executable, const std::string& program,
                                const std::vector<std::string>& input_names, const std::string& output);

// The names an invocation's inputs get in a scratch folder: their base names, made distinct and
// harmless (letters, digits, `.`, `_`, `-`; never `out`, never starting with `.`).
std::vector<std::string> scratch_names(const Invocation& invocation);

// The output file's name in a scratch folder.
inline const std::string output_name = "out";

}  // namespace hexproof::oracle
