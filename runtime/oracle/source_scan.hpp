// Source scanners for the oracle: where tokens are, and which token produced each output byte.
//
// These are not engines: they never compute a value. They only follow upstream's lexical
// structure (hex2's first pass: what takes how many bytes; M1's tokenizer: where each token
// starts and ends) so the oracle can name the source token (file:line:column) behind a
// differing byte, split a program into tokens for shrinking, and recognise inputs on which
// upstream is undefined or limited. Every use checks the scan against an engine's answer (the
// hex2 layout must add up to the reference output's length) and says "unknown" otherwise.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine.hpp"

namespace hexproof::source_scan {

struct Span {
    std::size_t file = 0;
    std::size_t offset = 0;  // first byte of the token
    std::size_t length = 0;
};

// An output range [begin, end) and the source token that produced it.
struct Origin {
    std::size_t begin = 0;
    std::size_t end = 0;
    Span source;
};

// A label, a reference or a `^` of a hex2 program, as upstream's first pass meets them.
struct Hex2Item {
    enum class Kind : std::uint8_t { label, reference, caret };
    Kind kind = Kind::label;
    char sigil = 0;             // references
    std::string_view name;      // the label's or target's name
    std::string_view base;      // `>base`, empty when none
    Span span;                  // the whole token, without the byte that ended it
    std::uint32_t address = 0;  // labels: their address; references: the field's first byte
    std::size_t output = 0;     // references: the field's offset in the output
};

// hex2: the origin of every output byte, from a scan that mirrors upstream's first pass, and
// (when `items` is given) its labels, references and carets in order. nullopt when the scan
// cannot finish (EOF inside a `.` word).
std::optional<std::vector<Origin>> hex2_origins(const Hex2Config& config, const std::vector<Input>& inputs,
                                                std::vector<Hex2Item>* items = nullptr);

enum class M1TokenKind { atom, string, newline };
struct M1Token {
    M1TokenKind kind = M1TokenKind::atom;
    Span span;
    bool terminated = true;  // strings: a closing quote was found
};

// M1: the token stream upstream's tokenizer builds (NEWLINE runs collapsed).
std::vector<M1Token> m1_tokens(const std::vector<Input>& inputs);

// What each token is to upstream's DEFINE processing: a DEFINE takes the next two tokens, its
// name and its value, whatever they are; every other token is a use.
enum class M1Role : std::uint8_t { use, define, name, value };
std::vector<M1Role> m1_roles(const std::vector<Input>& inputs, const std::vector<M1Token>& tokens);

inline std::string_view text_of(const std::vector<Input>& inputs, const Span& s) {
    return std::string_view(inputs[s.file].view()).substr(s.offset, s.length);
}

// Upstream's 4096-byte buffers: a token (M1 atom or string, hex2 label or reference name) at
// least this long is beyond upstream's implementation limit.
inline constexpr std::size_t upstream_token_limit = 4096;

// The first token at or beyond the limit, if any.
std::optional<Span> hex2_long_name(const std::vector<Input>& inputs);
std::optional<Span> m1_long_token(const std::vector<Input>& inputs);

// An M1 string token holding a byte >= 0x80 (upstream-undefined), if any.
std::optional<Span> m1_high_string_byte(const std::vector<Input>& inputs);

}  // namespace hexproof::source_scan
