// Strict mode: the extracted bounded checkers' uses as diagnostics (strict.hpp).
#include "strict.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdint>
#include <string_view>

#include "coq_runtime.hpp"
#include "diagnostics.hpp"
#include "hex2_check_first.hpp"
#include "m1_check_first.hpp"
#include "quirks.hpp"

namespace hexproof {

namespace {

using quirks::quirk;

std::string place(const std::vector<Input>& inputs, std::uint64_t file, std::uint64_t offset) {
    if (file >= inputs.size()) return "?";
    const std::string_view bytes = inputs[file].view();
    const LineColumn lc = line_column(bytes, std::min<std::uint64_t>(offset, bytes.size()));
    return shown_name(inputs[file].name) + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.column);
}

// What the use means and why it matters, in docs/strict.md's words.
std::string explanation(const quirks::quirk_use& u, const std::vector<Input>& inputs) {
    const std::string s = "`" + shown_subject(rt::string_of(u.use_subject)) + "`";
    const std::string other = place(inputs, u.use_other_file.v, u.use_other_offset.v);
    switch (u.use_quirk) {
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

// The uses the checker kept, the earliest first (by file, then offset: check_first_correct says
// they are the first strict_shown_uses of Hex2Check.check or M1Check.check sorted so), and how
// many it found.
std::string report(const rt::prod<rt::list<quirks::quirk_use>, rt::N>& found,
                   const std::vector<Input>& inputs, bool warn) {
    const rt::list<quirks::quirk_use>& kept = found.f0;
    const rt::N& count = found.f1;
    std::vector<quirks::quirk_use> uses;
    for (const rt::list<quirks::quirk_use>* p = &kept; p->tag() == rt::list<quirks::quirk_use>::tag_t::cons;
         p = &p->as_cons().f1)
        uses.push_back(p->as_cons().f0);
    const std::string kind = warn ? ": warning: strict: " : ": error: strict: ";
    std::string out;
    for (const quirks::quirk_use& u : uses)
        out += place(inputs, u.use_file.v, u.use_offset.v) + kind +
               rt::string_of(quirks::quirk_name(u.use_quirk)) + ": " + explanation(u, inputs) + "\n";
    if (count.v > uses.size()) {
        const std::uint64_t more = count.v - uses.size();
        out += std::string(warn ? "warning" : "error") + ": strict: " + std::to_string(more) + " more use" +
               (more == 1 ? "" : "s") + " of quirks not shown\n";
    }
    return out;
}

rt::list<common::bytes> coq_inputs(const std::vector<Input>& inputs) {
    rt::list<common::bytes> files;
    for (std::size_t i = inputs.size(); i-- > 0;)
        files = rt::list<common::bytes>::cons(rt::bytes_of(inputs[i].view()), std::move(files));
    return files;
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
                    rt::string_of(quirks::quirk_name(quirk::unknown_architecture_kept)) + ": `" +
                    shown_subject(rt::string_of(s.as_step_unknown_architecture().f0)) +
                    "` is not an architecture; 1.7.0 goes on with the previous one\n",
                mode);
}

std::string strict_diagnostics(const common::hex2_config& config, const std::vector<Input>& inputs,
                               bool warn) {
    return report(hex2_check_first::check_first(rt::N{strict_shown_uses}, config, coq_inputs(inputs)), inputs,
                  warn);
}

std::string strict_diagnostics(const common::m1_config& config, const std::vector<Input>& inputs, bool warn) {
    return report(m1_check_first::check_first(rt::N{strict_shown_uses}, config, coq_inputs(inputs)), inputs,
                  warn);
}

bool strict_passes(const common::hex2_config& config, const std::vector<Input>& inputs,
                   command_line::strict_mode mode) {
    return said(strict_diagnostics(config, inputs, mode == command_line::strict_mode::strict_warn), mode);
}

bool strict_passes(const common::m1_config& config, const std::vector<Input>& inputs,
                   command_line::strict_mode mode) {
    return said(strict_diagnostics(config, inputs, mode == command_line::strict_mode::strict_warn), mode);
}

}  // namespace hexproof
