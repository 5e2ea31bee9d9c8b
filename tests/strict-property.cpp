// Properties of strict mode (docs/strict.md) on generated programs.
//
//  - strict-clean means quirk-independent: a program that the extracted checker calls clean (the
//    drop-ins' strict_diagnostics say nothing) gives, under every resolution of the quirks that
//    differs from 1.7.0's in one quirk and under random ones, what the reference engine gives:
//    Hex2Spec.link_with and M1Spec.assemble_with, run by Coq's OCaml extraction of the
//    specification (tests/spec/spec_main.exe agent). This is check_clean and
//    strict_quirk_independent checked on the executables, the printed checker included.
//  - diagnostics at uses: each diagnostic of either engine's checker (picked at random) points at
//    what a use of its quirk is (the byte, the first byte of the token, the end of the file), as
//    tests/strict_places.hpp reads the inputs again from SEMANTICS.md; a duplicate's first place
//    is the first definition of the name.
//  - the checkers agree: the fast engine's handwritten checker (runtime/fast/*/..._strict_check)
//    keeps the uses the extracted Hex2CheckFirst.check_first / M1CheckFirst.check_first keeps,
//    every field, and counts as many, keeping 100, 1 or 3, under every architecture, on programs
//    with up to 15 quirk snippets (reading errors and DEFINEs cut short among them).
//  - through the drop-ins (BIN_DIR/hex2, BIN_DIR/M1), each engine: --strict=warn writes what the
//    run without it writes (exit status, bytes, or no file) and prints the diagnostics of
//    --strict as warnings; --strict with a diagnostic exits 1 and writes nothing, without one it
//    is the plain run; both engines (each with its own checker) print the same diagnostics.
// The programs are the generator's (runtime/oracle/program_gen), with quirk uses put in on purpose
// (duplicate labels and DEFINEs, nibbles and text at file ends, CRLF, `#` in names, `>` after a
// base, `^` before absolute references, RISC-V words at file ends, immediates on the bounds,
// octal immediates), and for the first property mostly without them.
//
// usage: strict-property BIN_DIR [SPEC_AGENT]   (default agent: the dune build of this tree)
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <functional>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <string_view>

#include "command.hpp"
#include "common.hpp"
#include "ocaml_agent.hpp"
#include "property_support.hpp"
#include "strict_report.hpp"
#include "strict_places.hpp"

using namespace hexproof;
using namespace hexproof::property;
namespace pg = hexproof::program_gen;
namespace sp = hexproof::strict_places;

namespace {

// ---------------------------------------------------------------- the checker's diagnostics

// The diagnostics of `engine`'s strict checker (the reference engine's is the extracted one).
std::string diagnostics(const Engine& engine, const pg::Case& c) {
    return c.tool == pg::Tool::hex2 ? strict_diagnostics(engine, c.hex2, c.inputs, false)
                                    : strict_diagnostics(engine, c.m1, c.inputs, false);
}

struct Place {
    std::size_t file = 0, offset = 0;
    friend bool operator<(const Place& a, const Place& b) {
        return a.file != b.file ? a.file < b.file : a.offset < b.offset;
    }
    friend bool operator==(const Place& a, const Place& b) {
        return a.file == b.file && a.offset == b.offset;
    }
};

// "NAME:LINE:COLUMN" as a place in the inputs.
std::optional<Place> parse_place(const std::string& text, const std::vector<Input>& inputs) {
    const auto c2 = text.rfind(':');
    const auto c1 = c2 == std::string::npos || c2 == 0 ? std::string::npos : text.rfind(':', c2 - 1);
    if (c1 == std::string::npos) return std::nullopt;
    const std::string name = text.substr(0, c1);
    const unsigned long line = std::strtoul(text.c_str() + c1 + 1, nullptr, 10);
    const unsigned long column = std::strtoul(text.c_str() + c2 + 1, nullptr, 10);
    for (std::size_t f = 0; f < inputs.size(); ++f) {
        if (inputs[f].name != name) continue;
        const std::string_view bytes = inputs[f].view();
        std::size_t start = 0;
        for (unsigned long l = 1; l < line; ++l) {
            start = bytes.find('\n', start);
            if (start == std::string_view::npos) return std::nullopt;
            ++start;
        }
        const std::size_t offset = start + column - 1;
        if (column == 0 || offset > bytes.size() ||
            bytes.substr(start, column - 1).find('\n') != std::string_view::npos)
            return std::nullopt;
        return Place{f, offset};
    }
    return std::nullopt;
}

struct Diagnostic {
    std::string line;
    std::string quirk;
    Place place;
    std::optional<Place> other;  // "(first at P)", "(at P)"
};

// The lines "P: error: strict: QUIRK: ...", or a reason why one is not such a line. The closing
// "N more uses" line is left out.
std::vector<Diagnostic> parse_diagnostics(const std::string& text, const std::vector<Input>& inputs,
                                          std::string* wrong) {
    std::vector<Diagnostic> out;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("error: strict: ", 0) == 0 && line.find(" more use") != std::string::npos) continue;
        const std::string marker = ": error: strict: ";
        const auto at = line.find(marker);
        const auto quirk_end = at == std::string::npos ? at : line.find(": ", at + marker.size());
        std::optional<Place> place =
            at == std::string::npos ? std::nullopt : parse_place(line.substr(0, at), inputs);
        if (!place || quirk_end == std::string::npos) {
            *wrong = "not a diagnostic with a place: " + line;
            return out;
        }
        Diagnostic d{line, line.substr(at + marker.size(), quirk_end - at - marker.size()), *place,
                     std::nullopt};
        for (const char* opening : {"(first at ", "(at "}) {
            const auto o = line.find(opening, quirk_end);
            if (o == std::string::npos) continue;
            const auto close = line.find(')', o);
            const std::size_t from = o + std::string(opening).size();
            d.other = parse_place(line.substr(from, close - from), inputs);
            if (!d.other) {
                *wrong = "an other place that is not in the inputs: " + line;
                return out;
            }
            break;
        }
        out.push_back(std::move(d));
    }
    return out;
}

// ---------------------------------------------------------------- is each one a use?

const sp::Hex2Token* hex2_token_at(const std::vector<sp::Hex2File>& files, Place p) {
    for (const sp::Hex2Token& t : files[p.file].tokens)
        if (t.offset == p.offset && t.kind != 'b') return &t;
    return nullptr;
}

// Why the hex2 diagnostic `d` is not at a use of its quirk; empty when it is.
std::string hex2_wrong(const Diagnostic& d, const Hex2Config& c, const std::vector<Input>& inputs,
                       const std::vector<sp::Hex2File>& files) {
    const sp::Hex2File& f = files[d.place.file];
    const std::string_view bytes = inputs[d.place.file].view();
    const std::size_t off = d.place.offset;
    const bool in_byte = off < f.mode.size();
    const unsigned char ch = in_byte ? static_cast<unsigned char>(bytes[off]) : 0;
    const sp::Hex2Mode m = in_byte ? f.mode[off] : sp::Hex2Mode::data;
    const bool at_end = off == bytes.size() && !f.error_at;
    bool tokens_read = true;
    for (const sp::Hex2File& each : files) tokens_read = tokens_read && !each.error_at && !each.end_error;
    const sp::Hex2Token* t = tokens_read ? hex2_token_at(files, d.place) : nullptr;
    const bool absolute = t && (t->kind == '$' || t->kind == '&');
    const std::string& q = d.quirk;
    if (q == "split-byte")
        return in_byte && (m == sp::Hex2Mode::data || m == sp::Hex2Mode::word) && f.digits[off] > 0 &&
                       sp::hex2_digit(c.byte_mode, ch) < 0
                   ? ""
                   : "not a non-digit byte while a digit waits";
    if (q == "cr-in-token")
        return in_byte && ch == '\r' && sp::hex2_name_mode(m) ? "" : "not a \\r in a name";
    if (q == "comment-char-in-token")
        return in_byte && (ch == '#' || ch == ';') && sp::hex2_name_mode(m) ? "" : "not a # or ; in a name";
    if (q == "misplaced-base")
        return in_byte && ch == '>' && sp::hex2_name_mode(m) && m != sp::Hex2Mode::ref
                   ? ""
                   : "not a > after a label, base or RISC-V immediate name";
    if (q == "nibble-across-files")
        return at_end && f.end_digits > 0 ? "" : "not the end of a file inside a byte";
    if (q == "text-across-files")
        return at_end && f.end_mode != sp::Hex2Mode::data
                   ? ""
                   : "not the end of a file inside a name, comment or word";
    if (q == "duplicate-label") {
        if (!t || t->kind != ':') return "not a label";
        const sp::Hex2Token* first = d.other ? hex2_token_at(files, *d.other) : nullptr;
        if (!first || first->kind != ':' || first->name != t->name || !(*d.other < d.place))
            return "its first place is not an earlier label of the name";
        for (std::size_t fi = 0; fi <= d.other->file; ++fi)
            for (const sp::Hex2Token& x : files[fi].tokens)
                if (x.kind == ':' && x.name == t->name && Place{fi, x.offset} < *d.other)
                    return "its first place is not the name's first label";
        return "";
    }
    if (q == "absolute-with-base")
        return absolute && t->has_base ? "" : "not an absolute reference with a base";
    if (q == "align-on-absolute") {
        const Architecture a = c.architecture;
        if (!absolute || t->has_base ||
            !(a == Architecture::armv7l || a == Architecture::aarch64 || a == Architecture::ppc64le))
            return "not an absolute reference without a base on an architecture that reads ^";
        bool pending = false;
        for (std::size_t fi = 0; fi <= d.place.file; ++fi)
            for (const sp::Hex2Token& x : files[fi].tokens) {
                if (fi == d.place.file && x.offset >= off) break;
                if (x.kind == '^')
                    pending = true;
                else if (x.word_immediate ||
                         (x.kind != ':' && x.kind != 'b' && x.kind != '<' && x.kind != '.' && !x.has_base))
                    pending = false;
            }
        return pending ? "" : "no ^ is pending there";
    }
    if (q == "register-across-files") {
        if (!t || !(t->kind == '.' || t->word_immediate) || d.place.file + 1 >= files.size())
            return "not a RISC-V word or immediate in a file that another follows";
        std::size_t after = 0;
        for (const sp::Hex2Token& x : f.tokens) after += x.kind == 'b' && x.offset > off;
        return after < 4 ? "" : "four data bytes follow it in its file";
    }
    return "not a hex2 quirk";
}

// Why the M1 diagnostic `d` is not at a use of its quirk; empty when it is.
std::string m1_wrong(const Diagnostic& d, const M1Config& c, const std::vector<Input>& inputs,
                     const std::vector<sp::M1File>& files) {
    const sp::M1File& f = files[d.place.file];
    const std::string_view bytes = inputs[d.place.file].view();
    const std::size_t off = d.place.offset;
    const bool in_byte = off < f.state.size();
    const char ch = in_byte ? bytes[off] : 0;
    const std::string& q = d.quirk;
    if (q == "cr-in-token")
        return in_byte && ch == '\r' &&
                       (f.state[off] == sp::M1State::between || f.state[off] == sp::M1State::atom)
                   ? ""
                   : "not a \\r starting or inside an atom";
    if (q == "comment-char-in-token")
        return in_byte && (ch == '#' || ch == ';') && f.state[off] == sp::M1State::atom
                   ? ""
                   : "not a # or ; in an atom";
    if (q == "text-across-files")
        return off == bytes.size() && !f.error_at && !f.ends_line ? ""
                                                                  : "not the end of a file that ends no line";
    for (const sp::M1File& each : files)
        if (each.error_at || each.end_error) return "a token quirk, but the inputs cannot be read";
    const std::vector<sp::M1Token> ts = sp::m1_stream(files);
    const auto defines = sp::m1_defines(ts);
    if (!defines) return "a token quirk, but a DEFINE lacks its name or value";
    const auto place_of = [&](std::size_t i) { return Place{ts[i].file, ts[i].offset}; };
    std::optional<std::size_t> word;
    for (std::size_t i = 0; i < ts.size(); ++i)
        if (!ts[i].newline && place_of(i) == d.place) word = i;
    if (!word) return "not the first byte of a word";
    const std::string& s = ts[*word].text;
    std::optional<Place> first_define, last_define;
    bool is_name = false, in_define = false;
    for (const sp::M1Define& def : *defines) {
        is_name = is_name || def.name == *word;
        in_define = in_define || def.define == *word || def.name == *word || def.value == *word;
        if (ts[def.name].newline || ts[def.name].text != s) continue;
        if (!first_define) first_define = place_of(def.define);
        last_define = place_of(def.define);
    }
    if (q == "duplicate-define") {
        const bool is_define = std::any_of(defines->begin(), defines->end(),
                                           [&](const sp::M1Define& def) { return def.define == *word; });
        std::optional<std::size_t> name;
        for (const sp::M1Define& def : *defines)
            if (def.define == *word) name = def.name;
        std::optional<Place> first;
        for (const sp::M1Define& def : *defines)
            if (name && !first && ts[def.name].newline == ts[*name].newline &&
                ts[def.name].text == ts[*name].text)
                first = place_of(def.define);
        return is_define && first && d.other && *first == *d.other && *first < d.place
                   ? ""
                   : "not a DEFINE of a name whose first DEFINE is its first place";
    }
    if (q == "use-before-define")
        return !is_name && last_define && d.other && *last_define == *d.other && d.place < *last_define
                   ? ""
                   : "not a word before the last DEFINE of its text (its other place)";
    const auto imm = sp::m1_immediate(c.architecture, s);
    if (q == "off-by-one-range") {
        const bool on_bound =
            imm && ((imm->sigil == '!' && (imm->value == -129 || imm->value == 256)) ||
                    (imm->sigil == '@' && (imm->value == -32769 || imm->value == 32768)) ||
                    (imm->sigil == '$' && (imm->value == -32769 || imm->value == 65536)) ||
                    (imm->sigil == '~' && (imm->value == -8388609 || imm->value == 8388608)));
        return on_bound && !first_define && !sp::is_riscv(c.architecture) ? ""
                                                                          : "not an immediate on a bound";
    }
    if (q == "octal-immediate")
        return c.byte_mode == ByteMode::octal && imm && !first_define && !in_define &&
                       (sp::is_riscv(c.architecture) || imm->sigil != '!')
                   ? ""
                   : "not an immediate wider than a byte in octal mode";
    return "not an M1 quirk";
}

// ---------------------------------------------------------------- programs

// Text put at a line start (or, `at_end`, at the end) of one input: each makes a quirk use
// where docs/strict.md's table says (or may not, in its context: that is for the checker to say).
struct Snippet {
    std::string_view text;
    bool at_end;
};

const Snippet hex2_snippets[] = {
    {":a ", false},          {":loop\n", false},     {"4 8\n", false},      {"4 # c\n8\n", false},
    {":c\r\n%c\r\n", false}, {":a#b %a#b\n", false}, {":x>11 22\n", false}, {"%a>b>c\n", false},
    {"&a>b $b>a\n", false},  {"^&a\n", false},       {"^$b ~a\n", false},   {"A", true},
    {"# tail", true},        {":tail", true},        {".12345678\n", true}, {"!a>b\n", false},
    {".1234", true},         {"\r\n", false},
};

const Snippet m1_snippets[] = {
    {"DEFINE NOP 90\n", false},
    {"NOP\n", false},
    {"!256\n", false},
    {"@-32769\n", false},
    {"$65536\n", false},
    {"~8388608\n", false},
    {"@300 !-129\n", false},
    {":a\r\n", false},
    {"DEFINE a#b 11\n", false},
    {"a#b ;x\n", false},
    {"\r\n", false},
    {"!1", true},
    {"# c", true},
    {"\"open", true},
    {"RET DEFINE RET C3\n", false},
};

// Snippets for the comparison of the checkers only: reading errors (a NUL in a name or word, a
// [.] word or a string the file cuts short), RISC-V words and immediates that data bytes may or
// may not follow, a DEFINE that the stream ends inside.
using namespace std::string_view_literals;
const Snippet hex2_more_snippets[] = {
    {"%a\0b\n"sv, false},    {".12"sv, true},       {"!x $y ~z @w\n"sv, false}, {".11223344 !a\n"sv, false},
    {"11 22 33\n"sv, false}, {"^@a &b\n"sv, false}, {":a\n:a\n"sv, false},      {"&q>r>s>t\n"sv, false},
};
const Snippet m1_more_snippets[] = {
    {"a\0b\n"sv, false},           {"'x\0'\n"sv, false},           {"DEFINE"sv, true},
    {"DEFINE x"sv, true},          {"DEFINE\nq 1\n"sv, false},     {"q r\n"sv, false},
    {"DEFINE 0x100 1\n"sv, false}, {"!0x100 $-0x8001\n"sv, false},
};

// The snippets for `tool`: the first list, and with `more` the second.
std::vector<Snippet> snippets(pg::Tool tool, bool more) {
    std::vector<Snippet> out;
    if (tool == pg::Tool::hex2) {
        out.insert(out.end(), std::begin(hex2_snippets), std::end(hex2_snippets));
        if (more) out.insert(out.end(), std::begin(hex2_more_snippets), std::end(hex2_more_snippets));
    } else {
        out.insert(out.end(), std::begin(m1_snippets), std::end(m1_snippets));
        if (more) out.insert(out.end(), std::begin(m1_more_snippets), std::end(m1_more_snippets));
    }
    return out;
}

// `c` with up to `most` of `snippets` put in, each at a line start or the end of an input, where
// a seed says.
pg::Case put_in(pg::Case c, const std::vector<Snippet>& snippets, std::uint64_t most) {
    pg::Rng rng(*rc::gen::arbitrary<std::uint64_t>());
    for (std::uint64_t k = rng.below(most + 1); k > 0; --k) {
        const Snippet& s = snippets[rng.below(snippets.size())];
        std::string& bytes = c.inputs[rng.below(c.inputs.size())].bytes;
        std::vector<std::size_t> starts{0};
        for (std::size_t i = 0; i < bytes.size(); ++i)
            if (bytes[i] == '\n') starts.push_back(i + 1);
        bytes.insert(s.at_end ? bytes.size() : starts[rng.below(starts.size())], s.text);
    }
    return c;
}

// The generator's case with up to four snippets put in.
rc::Gen<pg::Case> with_quirks(pg::Tool tool) {
    return rc::gen::exec([tool] { return put_in(*any_case(tool), snippets(tool, false), 4); });
}

// The generator's case with up to 15 snippets put in, from both lists.
rc::Gen<pg::Case> many_quirks(pg::Tool tool) {
    return rc::gen::exec([tool] { return put_in(*any_case(tool), snippets(tool, true), 15); });
}

// Mostly strict-clean programs: well formed, no raw fragment, no `#` or `;` in a name, one
// definition per label and DEFINE name, DEFINEs first, absolute references with neither base
// nor `^`, no immediate on a bound; hex2 in the plain style half of the time. What is left (nibbles
// split by the style, RISC-V words near the end of a file, octal immediates, ...) the checker
// finds.
rc::Gen<pg::Case> mostly_clean(pg::Tool tool) {
    return rc::gen::exec([tool] {
        pg::GenOptions options;
        options.well_formed = true;
        options.allow_big = false;
        const auto plain_name = [](const std::string& n) {
            return n.find_first_of("#;") == std::string::npos;
        };
        if (tool == pg::Tool::hex2) {
            Hex2Sample s = *hex2_sample(options, [&](const pg::Hex2Piece& p) {
                return p.kind != pg::Hex2PieceKind::raw && plain_name(p.name) && plain_name(p.base);
            });
            std::set<std::string> defined;
            std::vector<pg::Hex2Piece> kept;
            for (pg::Hex2Piece& p : s.program.pieces) {
                if (p.kind == pg::Hex2PieceKind::label && !defined.insert(p.name).second) continue;
                if (p.kind == pg::Hex2PieceKind::reference && (p.sigil == '$' || p.sigil == '&')) {
                    p.base.clear();
                    p.caret = false;
                }
                kept.push_back(p);
            }
            s.program.pieces = kept;
            s.style.plain = s.style.plain || *rc::gen::arbitrary<bool>();
            return pg::make_case(s.program, s.style);
        }
        M1Sample s = *m1_sample(options, [&](const pg::M1Piece& p, const M1Config&) {
            const std::int64_t v = p.number;
            const bool bound = v == -129 || v == 256 || v == -32769 || v == 32768 || v == 65536 ||
                               v == -8388609 || v == 8388608;
            return p.kind != pg::M1PieceKind::raw && plain_name(p.name) &&
                   !(p.kind == pg::M1PieceKind::immediate && bound);
        });
        std::set<std::string> defined;
        std::vector<pg::M1Piece> defines, others;
        for (const pg::M1Piece& p : s.program.pieces) {
            if (p.kind != pg::M1PieceKind::define)
                others.push_back(p);
            else if (defined.insert(p.name).second)
                defines.push_back(p);
        }
        defines.insert(defines.end(), others.begin(), others.end());
        s.program.pieces = defines;
        if (s.program.config.byte_mode == ByteMode::octal && *rc::gen::arbitrary<bool>())
            s.program.config.byte_mode = ByteMode::hex;
        return pg::make_case(s.program, s.style);
    });
}

// ---------------------------------------------------------------- quirk resolutions

// A resolution of every quirk: one digit per field of Quirks.hex2_quirks or Quirks.m1_quirks
// (spec/Quirks.v, in order), the place of the choice in its type; `choices` how many each has.
constexpr std::array<int, 10> hex2_choices{3, 3, 3, 3, 3, 3, 3, 3, 3, 3};
constexpr std::array<int, 7> m1_choices{3, 3, 3, 3, 3, 2, 2};
// Quirks.hex2_1_7_0 (misplaced-base: end_before_text) and Quirks.m1_1_7_0.
const std::string hex2_1_7_0 = "0000001000";
const std::string m1_1_7_0 = "0000000";

// 1.7.0's resolutions with one quirk resolved otherwise, each way; then three random ones.
template <std::size_t N>
std::vector<std::string> resolutions(const std::array<int, N>& choices, const std::string& upstream) {
    std::vector<std::string> out;
    for (std::size_t field = 0; field < N; ++field)
        for (int v = 0; v < choices[field]; ++v) {
            std::string q = upstream;
            q[field] = static_cast<char>('0' + v);
            if (q != upstream) out.push_back(q);
        }
    for (int k = 0; k < 3; ++k) {
        std::string q;
        for (std::size_t field = 0; field < N; ++field)
            q += static_cast<char>('0' + *rc::gen::inRange(0, choices[field]));
        out.push_back(q);
    }
    return out;
}

// ---------------------------------------------------------------- the drop-ins

struct Outcome {
    int status = -1;
    std::optional<std::string> output;  // the -o file, when one was written
    std::string errors;                 // standard error
};

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// Runs `words` (a program and its arguments) in `dir`, standard error to dir/err.
Outcome run_in(const std::string& dir, const std::vector<std::string>& words) {
    const std::string out = dir + "/" + oracle::output_name, err = dir + "/err";
    unlink(out.c_str());
    Outcome o;
    const pid_t pid = fork();
    if (pid == 0) {
        const int e = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int null = open("/dev/null", O_WRONLY);
        if (e < 0 || null < 0 || chdir(dir.c_str()) != 0 || dup2(e, 2) < 0 || dup2(null, 1) < 0) _exit(127);
        std::vector<char*> argv;
        for (const std::string& w : words) argv.push_back(const_cast<char*>(w.c_str()));
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    int status = 0;
    if (pid < 0 || waitpid(pid, &status, 0) != pid) return o;
    o.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    if (access(out.c_str(), F_OK) == 0) o.output = read_file(out);
    o.errors = read_file(err);
    return o;
}

// The lines of `errors` that say "KIND: strict:", with KIND read as "error".
std::string strict_lines(const std::string& errors, const std::string& kind) {
    std::istringstream lines(errors);
    std::string out;
    const std::string said = kind + ": strict: ";
    for (std::string line; std::getline(lines, line);) {
        const auto at = line.find(said);
        if (at == std::string::npos || (at != 0 && line.compare(at - 2, 2, ": ") != 0)) continue;
        out += line.substr(0, at) + "error: strict: " + line.substr(at + said.size()) + "\n";
    }
    return out;
}

std::string show(const Outcome& o) {
    return "exit " + std::to_string(o.status) +
           (o.output ? ", " + std::to_string(o.output->size()) + " bytes" : ", no output") + ", stderr:\n" +
           o.errors;
}

// Uses as text, for a failing case.
std::string show_uses(const QuirkUses& u) {
    std::string out = std::to_string(u.count) + " uses:";
    for (const QuirkUse& x : u.earliest)
        out += " [" + std::to_string(static_cast<int>(x.quirk)) + " " + std::to_string(x.file) + ":" +
               std::to_string(x.offset) + " `" + x.subject + "` " + std::to_string(x.other_file) + ":" +
               std::to_string(x.other_offset) + " " + std::to_string(x.value) + "]";
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: strict-property BIN_DIR [SPEC_AGENT]\n");
        return 2;
    }
    // The drop-ins run in a scratch directory: BIN_DIR is made absolute first.
    char* bin_dir = realpath(argv[1], nullptr);
    if (bin_dir == nullptr) {
        std::perror(argv[1]);
        return 2;
    }
    const std::string bin = bin_dir;
    std::free(bin_dir);
    const std::string agent_path = argc > 2 ? argv[2] : HEXPROOF_SPEC_AGENT;
    if (access(agent_path.c_str(), X_OK) != 0) {
        std::fprintf(stderr,
                     "strict-property: %s is missing: build it with `dune build ./tests/spec/spec_main.exe` "
                     "(make test does)\n",
                     agent_path.c_str());
        return 1;
    }
    signal(SIGPIPE, SIG_IGN);  // a child that died shows as a failed write
    std::string why;
    const auto reference = make_engine("reference", &why);
    const auto fast = make_engine("fast", &why);
    if (!reference || !fast) {
        std::fprintf(stderr, "strict-property: an engine is not built: %s\n", why.c_str());
        return 1;
    }
    const char* tmp = std::getenv("TMPDIR");
    std::string scratch = std::string(tmp && *tmp ? tmp : "/tmp") + "/strict-property.XXXXXX";
    if (!mkdtemp(scratch.data())) {
        std::perror("strict-property: mkdtemp");
        return 1;
    }
    OcamlAgent spec(agent_path);

    // strict-clean means quirk-independent. The share of clean programs is counted, so that the
    // property cannot hold for want of them.
    const auto independent = [&](const char* name, pg::Tool tool) {
        std::size_t cases = 0, clean = 0;
        const bool held = rc::check(name, [&, tool] {
            const pg::Case c = *mostly_clean(tool);
            const bool hex2 = tool == pg::Tool::hex2;
            ++cases;
            const bool is_clean = diagnostics(*reference, c).empty();
            RC_CLASSIFY(is_clean, "strict-clean");
            if (!is_clean) return;
            ++clean;
            const Result expected =
                hex2 ? reference->link(c.hex2, c.inputs) : reference->assemble(c.m1, c.inputs);
            const std::string header = hex2 ? "hex2 " + config_words(c.hex2) : "M1 " + config_words(c.m1);
            const auto qs = hex2 ? resolutions(hex2_choices, hex2_1_7_0) : resolutions(m1_choices, m1_1_7_0);
            for (const std::string& q : qs) {
                const std::optional<AgentAnswer> answer = spec.ask(header + " " + q, c.inputs);
                const std::optional<Result> got = answer ? to_result(*answer) : std::nullopt;
                RC_LOG() << show_inputs(c.inputs) << header << ", quirks " << q << ": "
                         << (answer ? show_answer(*answer) : "no answer (see the agent's message above)")
                         << "\n"
                         << "reference engine: " << show_result(expected, c.inputs) << "\n";
                RC_ASSERT(got && same_result(*got, expected));
            }
        });
        std::printf("%s: %zu of %zu programs strict-clean\n", name, clean, cases);
        return held && clean * 5 >= cases;
    };

    // Every diagnostic at a use of its quirk. How many of each quirk were met is printed.
    const auto at_uses = [&](const char* name, pg::Tool tool) {
        std::map<std::string, std::size_t> met;
        const bool held = rc::check(name, [&, tool] {
            const pg::Case c = *with_quirks(tool);
            const Engine& engine = **rc::gen::element(reference.get(), fast.get());
            std::string wrong;
            const std::vector<Diagnostic> ds = parse_diagnostics(diagnostics(engine, c), c.inputs, &wrong);
            RC_LOG() << show_inputs(c.inputs) << engine.name() << " engine:\n" << diagnostics(engine, c);
            RC_ASSERT(wrong.empty());
            std::vector<sp::Hex2File> hex2_files;
            std::vector<sp::M1File> m1_files;
            for (std::size_t f = 0; f < c.inputs.size(); ++f) {
                if (tool == pg::Tool::hex2)
                    hex2_files.push_back(sp::read_hex2(c.hex2, c.inputs[f].view()));
                else
                    m1_files.push_back(sp::read_m1(f, c.inputs[f].view()));
            }
            for (const Diagnostic& d : ds) {
                ++met[d.quirk];
                const std::string why = tool == pg::Tool::hex2 ? hex2_wrong(d, c.hex2, c.inputs, hex2_files)
                                                               : m1_wrong(d, c.m1, c.inputs, m1_files);
                if (!why.empty()) RC_FAIL(d.line + ": " + why);
            }
        });
        std::printf("%s: diagnostics met:", name);
        for (const auto& [quirk, n] : met) std::printf(" %s %zu", quirk.c_str(), n);
        std::printf("\n");
        return held;
    };

    // The fast engine's checker against the extracted one (the reference engine's): the same uses
    // kept, every field of each, and the same count, keeping 100, 1 or 3; hex2 and M1 under every
    // architecture.
    const auto checkers_agree = [&](const char* name, pg::Tool tool) {
        return rc::check(name, [&, tool] {
            const pg::Case c = *many_quirks(tool);
            RC_LOG() << show_inputs(c.inputs);
            std::uint64_t most = 0;
            for (const std::size_t k : {std::size_t{100}, std::size_t{1}, std::size_t{3}})
                for (const Architecture a : pg::all_architectures) {
                    Hex2Config h = c.hex2;
                    M1Config m = c.m1;
                    h.architecture = m.architecture = a;
                    const bool hex2 = tool == pg::Tool::hex2;
                    const QuirkUses want = hex2 ? reference->strict_check(h, c.inputs, k)
                                                : reference->strict_check(m, c.inputs, k);
                    const QuirkUses got =
                        hex2 ? fast->strict_check(h, c.inputs, k) : fast->strict_check(m, c.inputs, k);
                    most = std::max(most, want.count);
                    if (got.count == want.count && got.earliest == want.earliest) continue;
                    RC_FAIL("k " + std::to_string(k) + ", " +
                            (hex2 ? "hex2 " + config_words(h) : "M1 " + config_words(m)) +
                            "\nextracted: " + show_uses(want) + "\nfast: " + show_uses(got));
                }
            RC_CLASSIFY(most == 0, "strict-clean");
            RC_CLASSIFY(most > 3, "more than 3 uses");
            RC_CLASSIFY(most > 100, "more than 100 uses");
        });
    };

    // --strict, --strict=warn and the plain run through the drop-ins, both engines.
    const auto through_drop_ins = [&](const char* name, pg::Tool tool) {
        return rc::check(name, [&, tool] {
            const pg::Case c = *with_quirks(tool);
            oracle::Invocation inv;
            inv.tool = tool == pg::Tool::hex2 ? oracle::Tool::hex2 : oracle::Tool::m1;
            inv.hex2 = c.hex2;
            inv.m1 = c.m1;
            inv.inputs = c.inputs;
            std::vector<std::string> names;
            for (const Input& in : c.inputs) {
                names.push_back(in.name);
                std::ofstream(scratch + "/" + in.name, std::ios::binary) << in.bytes;
            }
            const std::string program = bin + "/" + std::string(oracle::tool_name(inv.tool));
            const std::vector<std::string> words = oracle::expand(
                oracle::mescc_tools_template(), inv, program, program, names, oracle::output_name);
            RC_LOG() << show_inputs(c.inputs);
            std::optional<std::string> first_diagnostics;
            for (const char* engine : {"fast", "reference"}) {
                const auto with = [&](std::vector<std::string> extra) {
                    std::vector<std::string> w = words;
                    w.push_back(std::string("--engine=") + engine);
                    w.insert(w.end(), extra.begin(), extra.end());
                    return run_in(scratch, w);
                };
                const Outcome plain = with({}), strict = with({"--strict"}), warn = with({"--strict=warn"});
                RC_LOG() << engine << " engine, plain: " << show(plain) << "--strict: " << show(strict)
                         << "--strict=warn: " << show(warn);
                const std::string said = strict_lines(strict.errors, "error");
                RC_CLASSIFY(!said.empty(), "a quirk used");
                RC_ASSERT(warn.status == plain.status && warn.output == plain.output);
                RC_ASSERT(strict_lines(warn.errors, "warning") == said);
                if (said.empty())
                    RC_ASSERT(strict.status == plain.status && strict.output == plain.output);
                else
                    RC_ASSERT(strict.status == 1 && !strict.output);
                if (first_diagnostics) RC_ASSERT(said == *first_diagnostics);
                first_diagnostics = said;
            }
        });
    };

    const auto property = [](const char* name, pg::Tool tool,
                             const std::function<bool(const char*, pg::Tool)>& check) {
        return Property{name, [=] { return check(name, tool); }};
    };
    const int status = run_all({
        property("hex2: strict-clean programs mean the same under every resolution of the quirks",
                 pg::Tool::hex2, independent),
        property("M1: strict-clean programs mean the same under every resolution of the quirks", pg::Tool::m1,
                 independent),
        property("hex2: every diagnostic is at a use of its quirk", pg::Tool::hex2, at_uses),
        property("M1: every diagnostic is at a use of its quirk", pg::Tool::m1, at_uses),
        property("hex2: the fast checker keeps and counts the uses the extracted one does", pg::Tool::hex2,
                 checkers_agree),
        property("M1: the fast checker keeps and counts the uses the extracted one does", pg::Tool::m1,
                 checkers_agree),
        property("hex2: --strict and --strict=warn through the drop-ins, both engines", pg::Tool::hex2,
                 through_drop_ins),
        property("M1: --strict and --strict=warn through the drop-ins, both engines", pg::Tool::m1,
                 through_drop_ins),
    });
    // The scratch folder holds only what the drop-ins were given and wrote.
    if (DIR* dir = opendir(scratch.c_str())) {
        while (const dirent* entry = readdir(dir))
            if (std::string(entry->d_name) != "." && std::string(entry->d_name) != "..")
                unlink((scratch + "/" + entry->d_name).c_str());
        closedir(dir);
    }
    if (rmdir(scratch.c_str()) != 0)
        std::fprintf(stderr, "strict-property: could not remove %s\n", scratch.c_str());
    return status;
}
