// Strict mode: the engine's strict checker's uses as diagnostics (strict.hpp).
#include "strict.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdint>
#include <map>
#include <string_view>
#include <utility>

#include "coq_runtime.hpp"
#include "diagnostics.hpp"
#include "quirks.hpp"

namespace hexproof {

namespace {

using Places = std::map<std::pair<std::size_t, std::size_t>, std::string>;

// "name:line:column" of every place the uses name (each use's and its other place), reading each
// file once up to its last place: a line_column from the start for each place read a large file
// again for each of the 100 uses.
Places places(const std::vector<Input>& inputs, const std::vector<QuirkUse>& uses) {
    Places out;
    for (const QuirkUse& u : uses) {
        out[{u.file, u.offset}];
        out[{u.other_file, u.other_offset}];
    }
    std::size_t file = inputs.size(), from = 0;
    LineColumn at;
    for (auto& [where, text] : out) {
        if (where.first >= inputs.size()) {
            text = "?";
            continue;
        }
        const std::string_view bytes = inputs[where.first].view();
        if (where.first != file) {
            file = where.first;
            from = 0;
            at = LineColumn{};
        }
        const std::size_t to = std::min(where.second, bytes.size());
        const LineColumn step = line_column(bytes.substr(from, to - from), to - from);
        at = step.line > 1 ? LineColumn{at.line + step.line - 1, step.column}
                           : LineColumn{at.line, at.column + step.column - 1};
        from = to;
        text =
            shown_name(inputs[file].name) + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
    }
    return out;
}

// What the use means and why it matters, in docs/strict.md's words.
std::string explanation(const QuirkUse& u, const Places& at) {
    const std::string s = "`" + shown_subject(u.subject) + "`";
    const std::string& other = at.at({u.other_file, u.other_offset});
    using quirk = Quirk;
    switch (u.quirk) {
        case quirk::duplicate_label:
            return "label " + s + " is defined again (first at " + other +
                   "); 1.7.0 silently uses the last definition";
        case quirk::split_byte:
            return "the two digits of a byte are on either side of other text; 1.7.0 still makes them one "
                   "byte";
        case quirk::nibble_across_files:
            return "the file ends in the middle of a byte; 1.7.0 drops the digit, the seed hex2-0 "
                   "pairs it with the next file's first digit";
        case quirk::misplaced_base: return "`>` ends the name here and 1.7.0 reads the rest as other text";
        case quirk::absolute_with_base:
            return "the base of the absolute reference to " + s +
                   " is ignored by 1.7.0; riscv64 hex2-0 subtracts it";
        case quirk::align_on_absolute:
            return "the absolute reference to " + s +
                   " consumes the pending `^` in 1.7.0; it does not align the next relative reference";
        case quirk::register_across_files:
            return "the RISC-V word's bits are still pending at the end of the file; 1.7.0 puts them "
                   "into the next file's bytes";
        case quirk::duplicate_define:
            return "DEFINE of " + s + " again (first at " + other +
                   "); the last DEFINE wins in 1.7.0, 0.7.0 and 1.0.0 reject it";
        case quirk::use_before_define:
            return s + " comes before its DEFINE (at " + other +
                   "); 1.7.0 expands it anyway, M0 passes it through as text";
        case quirk::off_by_one_range:
            return "the immediate " + s +
                   " is just outside its range; 1.7.0's bounds are one too wide and it is masked";
        case quirk::octal_immediate:
            return s + " is wider than a byte; in octal mode 1.7.0 prints 3 digits per 9 bits, not per byte";
        case quirk::text_across_files:
            return "the file ends inside a name, word, comment or string; 1.7.0 ends it there, a seed "
                   "tool reading the joined files goes on into the next file";
        case quirk::cr_in_token: return "a carriage return is part of the name " + s + " (a CRLF line end?)";
        case quirk::comment_char_in_token:
            return "`#` or `;` is part of the name " + s + " in 1.7.0; elsewhere it starts a comment";
        case quirk::unknown_architecture_kept: return "unknown architecture";
    }
    rt::fatal("unknown quirk");
}

// The quirk's name in Coq's words (Quirks.quirk_name).
std::string name_of(Quirk q) {
    static_assert(static_cast<int>(Quirk::unknown_architecture_kept) ==
                  static_cast<int>(quirks::quirk::unknown_architecture_kept));
    return rt::string_of(quirks::quirk_name(static_cast<quirks::quirk>(q)));
}

// The uses the engine's checker kept, the earliest first (by file, then offset: what
// check_first_correct says of the extracted checkers), and how many it found.
std::string report(const QuirkUses& found, const std::vector<Input>& inputs, bool warn) {
    const std::string kind = warn ? ": warning: strict: " : ": error: strict: ";
    const Places at = places(inputs, found.earliest);
    std::string out;
    for (const QuirkUse& u : found.earliest)
        out += at.at({u.file, u.offset}) + kind + name_of(u.quirk) + ": " + explanation(u, at) + "\n";
    if (found.count > found.earliest.size()) {
        const std::uint64_t more = found.count - found.earliest.size();
        out += std::string(warn ? "warning" : "error") + ": strict: " + std::to_string(more) + " more use" +
               (more == 1 ? "" : "s") + " of quirks not shown\n";
    }
    return out;
}

// The diagnostics said on standard error; false under --strict when there is one.
bool said(const std::string& diagnostics, command_line::strict_mode mode) {
    std::fputs(diagnostics.c_str(), stderr);
    return mode != command_line::strict_mode::strict_error || diagnostics.empty();
}

}  // namespace

bool strict_step_passes(const command_line::cli_step& s, command_line::strict_mode mode,
                        const std::string& tool) {
    if (s.tag() != command_line::cli_step::tag_t::step_unknown_architecture) return true;
    const bool warn = mode == command_line::strict_mode::strict_warn;
    return said("\n" + tool + (warn ? ": warning: strict: " : ": error: strict: ") +
                    name_of(Quirk::unknown_architecture_kept) + ": `" +
                    shown_subject(rt::string_of(s.as_step_unknown_architecture().f0)) +
                    "` is not an architecture; 1.7.0 goes on with the previous one\n",
                mode);
}

std::string strict_diagnostics(const Engine& engine, const Hex2Config& config,
                               const std::vector<Input>& inputs, bool warn) {
    return report(engine.strict_check(config, inputs, strict_shown_uses), inputs, warn);
}

std::string strict_diagnostics(const Engine& engine, const M1Config& config, const std::vector<Input>& inputs,
                               bool warn) {
    return report(engine.strict_check(config, inputs, strict_shown_uses), inputs, warn);
}

bool strict_passes(const Engine& engine, const Hex2Config& config, const std::vector<Input>& inputs,
                   command_line::strict_mode mode) {
    return said(strict_diagnostics(engine, config, inputs, mode == command_line::strict_mode::strict_warn),
                mode);
}

bool strict_passes(const Engine& engine, const M1Config& config, const std::vector<Input>& inputs,
                   command_line::strict_mode mode) {
    return said(strict_diagnostics(engine, config, inputs, mode == command_line::strict_mode::strict_warn),
                mode);
}

}  // namespace hexproof
