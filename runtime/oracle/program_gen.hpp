// Program generators for differential testing: deterministic hex2 and M1 programs from a seed.
//
// A program is a list of *pieces* (a run of bytes, a label, a reference, an immediate, a DEFINE,
// a string, a comment, a deliberately malformed fragment ...) with what each piece means, and a
// *rendering* that turns the pieces into input files (separators, comments between nibbles, CRLF,
// the split into files). Keeping the meaning beside the text lets the properties
// (tests/*-property.cpp) check invariants from the generator's own bookkeeping instead of from an
// engine, and lets RapidCheck shrink a program piece by piece. Every piece is drawn from its own
// seed, so a list of seeds is a program and removing a seed removes one piece.
//
// Every construct and quirk of ../shared/SEMANTICS.md is reachable: nibbles split by comments,
// `#`/`;` inside names, `>base`, `^`, `<`, RISC-V words and references, out-of-range references,
// undefined labels, DEFINE order, strings with newlines, Knight numbers, immediates at range
// edges, `<N`, CRLF, NUL bytes. Each case says whether it uses only features on which mescc-tools
// 1.4.0 and 1.7.0 agree, and whether it touches behaviour upstream leaves undefined
// (docs/contract.md: NUL in names and tokens, string bytes >= 0x80, EOF inside a `.` word).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine.hpp"
#include "subset.hpp"

namespace hexproof::program_gen {

// splitmix64: small, fast, and the same on every host.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next();
    std::uint64_t below(std::uint64_t n);  // uniform enough in [0, n); n > 0
    bool percent(unsigned p) { return below(100) < p; }
    template <typename T, std::size_t N>
    const T& pick(const T (&items)[N]) {
        return items[below(N)];
    }

private:
    std::uint64_t state_;
};

enum class Tool : std::uint8_t { hex2, m1 };

// What a generated case may contain.
struct GenOptions {
    bool well_formed = false;          // every reference resolves, nothing malformed (may still overflow)
    bool version_stable_only = false;  // only features on which 1.4.0 and 1.7.0 agree
    bool allow_undefined = true;       // may touch upstream-undefined behaviour
    bool allow_big = true;             // may contain fillers of tens of kilobytes (range edges)
    // Only configurations and constructs of this subset (an oracle profile's); null: all. The
    // drawing is the same as without it where the subset allows what was drawn, so a subset of
    // everything changes no program.
    const oracle::Subset* subset = nullptr;
};

// ---------------------------------------------------------------- hex2 pieces

enum class Hex2PieceKind : std::uint8_t {
    bytes,      // data: the bytes in `data`
    label,      // `:name`
    reference,  // `[^]sigil target[>base]`
    align,      // `<`
    word,       // RISC-V `.XXXXXXXX`: `data` holds the four bytes as written
    comment,    // a comment line (no bytes)
    raw,        // text used verbatim (quirks and malformed input); `size` unknown
};

struct Hex2Piece {
    Hex2PieceKind kind = Hex2PieceKind::bytes;
    std::string data;    // bytes / word
    std::string name;    // label name, or reference target
    std::string base;    // reference `>base`, empty when none
    char sigil = 0;      // reference sigil
    bool caret = false;  // `^` before the reference
    std::string text;    // comment text, raw text
    bool version_stable = true;
    bool undefined = false;
};

struct Hex2Program {
    Hex2Config config;
    std::vector<Hex2Piece> pieces;
};

// The label names the generator draws from; `#` and `;` inside a name are part of it (Q).
const std::vector<std::string>& hex2_label_pool();

// One piece from its seed; references use names from hex2_label_pool().
Hex2Piece hex2_piece(std::uint64_t seed, const Hex2Config& config, const GenOptions& options);

// A configuration for an architecture from a seed (endianness, base address, byte mode).
Hex2Config hex2_config(std::uint64_t seed, Architecture architecture, const GenOptions& options);

// Where each piece lands, computed from the pieces' meaning alone (SEMANTICS.md: sizes 1,2,2,3,4,4;
// RISC-V `!@$~` and words take no space; `<` pads to 4 where it aligns). nullopt with raw pieces.
struct Hex2Layout {
    std::vector<std::uint32_t> address;           // per piece: the address where it starts
    std::vector<std::size_t> offset;              // per piece: the output offset where it starts
    std::size_t size = 0;                         // total output length
    std::map<std::string, std::uint32_t> labels;  // the last definition wins
};
std::optional<Hex2Layout> hex2_layout(const Hex2Program& program);

// Adds a definition, at a seeded position, of every label a reference uses and nobody defines.
void complete_labels(Hex2Program* program, std::uint64_t seed);

// How pieces become files: separators (spaces, tabs, newlines, comments, CRLF where harmless),
// nibbles split by whitespace and comments, upper/lower case digits, the split into files.
struct Style {
    std::uint64_t seed = 0;
    bool plain = false;        // one space between pieces, bytes as contiguous digit pairs
    unsigned files = 1;        // number of input files (pieces split evenly, in order)
    bool lower_hex = true;     // may write hex digits in lower case
    bool digit_quirks = true;  // may split a byte's digits, and write octal bytes mod 256
    bool trim_end = false;     // the last file ends without a blank or newline after its last token
};

std::vector<Input> render_hex2(const Hex2Program& program, const Style& style);

// A whole program: `count` pieces, then (when well formed) a definition of every label referenced.
Hex2Program generate_hex2(std::uint64_t seed, Architecture architecture, std::size_t count,
                          const GenOptions& options);

// ---------------------------------------------------------------- M1 pieces

enum class M1PieceKind : std::uint8_t {
    define,       // DEFINE name value
    word,         // a defined (or undefined) name
    immediate,    // sigil + number text (or a bare Knight number when sigil == 0)
    string,       // "..." (data is the contents)
    raw_string,   // '...'
    passthrough,  // label syntax: `:a`, `%a`, `^~a>b`, `<` ...
    padding,      // `<N`
    comment,
    newline,
    raw,  // verbatim text (malformed or quirky)
};

struct M1Piece {
    M1PieceKind kind = M1PieceKind::word;
    std::string name;   // define name / word
    std::string value;  // define value text (quoted when it is a string)
    std::string text;   // the token text for immediate / passthrough / padding / raw / comment
    std::string data;   // string contents
    char sigil = 0;
    std::int64_t number = 0;  // immediate or padding value as written (before 32-bit wrap)
    bool version_stable = true;
    bool undefined = false;
};

struct M1Program {
    M1Config config;
    std::vector<M1Piece> pieces;
};

M1Config m1_config(std::uint64_t seed, Architecture architecture, const GenOptions& options);
M1Piece m1_piece(std::uint64_t seed, const M1Config& config, const GenOptions& options);
std::vector<Input> render_m1(const M1Program& program, const Style& style);
// Adds a DEFINE (anywhere: DEFINE is order-free) for every used name nobody defines, and a
// value token when the program has none.
void complete_defines(M1Program* program, std::uint64_t seed);
M1Program generate_m1(std::uint64_t seed, Architecture architecture, std::size_t count,
                      const GenOptions& options);

// ---------------------------------------------------------------- cases

// A generated case: configuration + inputs + the two flags.
struct Case {
    Tool tool = Tool::hex2;
    Hex2Config hex2;
    M1Config m1;
    std::vector<Input> inputs;
    bool version_stable = true;  // only features where 1.4.0 = 1.7.0
    bool upstream_undefined = false;
};

Case make_case(const Hex2Program& program, const Style& style);
Case make_case(const M1Program& program, const Style& style);

// The case the oracle and the fuzzers' seed corpora use: tool, architecture and seed decide all.
// Unless options.well_formed is set, about two cases in three are still drawn well formed.
Case generate_case(Tool tool, Architecture architecture, std::uint64_t seed, const GenOptions& options);

inline constexpr Architecture all_architectures[] = {
    Architecture::knight,  Architecture::x86,     Architecture::amd64,   Architecture::armv7l,
    Architecture::aarch64, Architecture::ppc64le, Architecture::riscv32, Architecture::riscv64};

bool is_riscv(Architecture a);
bool aligns(Architecture a);  // `<` pads on this architecture
// hex2 reference field width in bytes (0 for RISC-V `!@$~`, which only modify the next word).
unsigned hex2_field_size(char sigil, Architecture a);

}  // namespace hexproof::program_gen
