// The hex2 lexer: one input file's bytes -> the tokens the linker walks.
//
// hex2 reads its input one byte at a time and decides what each byte means from the byte alone
// (SEMANTICS.md, "hex2"): a byte digit of the current byte mode, `#`/`;` (a comment to the end of
// the line), `:` (a label), one of `!@$~%&` (a reference), `<`, `^`, in RISC-V word mode `.`, or
// anything else (skipped). The lexer turns that into tokens: stretches of byte digits (with the
// skipped bytes between them, so that a line of hex is one token), labels,
// references with their optional `>base`, `<`, `^`, and RISC-V words. Comments and skipped bytes
// produce no token. It knows nothing of addresses or output: that is hex2_fast's business.
//
// The grammar is a Boost.Spirit X3 grammar (hex2_lexer_def.hpp). It hands its tokens to a sink in
// batches, so a 30 MB input never becomes a 30 MB token vector. The two errors a tokenizer can
// find (docs/contract.md: `nul_in_name`, `unterminated_word`) come back as values.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "engine.hpp"

namespace hexproof::hex2_lexer {

enum class TokenKind : std::uint8_t {
    data,         // a stretch of byte digits and skipped bytes (no comment) outside a word
    word_digits,  // RISC-V word mode: digits (and skipped bytes) read by a `.` word
    words,        // RISC-V word mode, hex, no digit pending: whole `.` words in a row (see value)
    label,        // `:name`
    reference,    // `sigil name` or `sigil name>base`
    align,        // `<`
    flag,         // `^`
};

struct Token {
    TokenKind kind = TokenKind::data;
    // reference: one of `!@$~%&`.
    char sigil = 0;
    // reference: a RISC-V `!@$~` word reference (occupies no space, never has a base).
    bool word_reference = false;
    // word_digits: this stretch holds the word's last digit (its four bytes are complete).
    bool completes_word = false;
    // words: the XOR of the words' values, each its four bytes as read (first most significant).
    // Only skipped bytes lie between them, and what words XOR into the shift register adds up.
    std::uint32_t value = 0;
    // Offset of the token's first byte in the input: the first digit, `:`, the sigil, `<`, `^`.
    std::size_t at = 0;
    // data/word_digits: the stretch (digits and skipped bytes, no comment);
    // label/reference: the name (see eof_name()).
    std::string_view text;
    // data/word_digits: how many byte digits `text` holds.
    std::size_t digits = 0;
    // reference with `>base`: the base name; data() == nullptr when there is none.
    std::string_view base;
};

// The name read when a file ends right after the sigil (or after `>`): upstream stores the EOF it
// read as the single byte 0xFF (docs/contract.md, "Quirks kept"). Tokens with that name point here,
// not into the input; name_offset() maps it back to the end of the input.
std::string_view eof_name();

// Offset in `input` of the first byte of `name` (a token's text or base): where `undefined_label`
// points. For eof_name() that is the end of the input.
std::size_t name_offset(std::string_view input, std::string_view name);

// The length of the name that starts at offset `at` of `input` (before its end): up to the first
// space, tab, newline or `>`, or the end of the input. The lexer reads names this way.
std::size_t name_length(std::string_view input, std::size_t at);

struct LexError {
    ErrorKind kind = ErrorKind::nul_in_name;  // nul_in_name or unterminated_word
    std::size_t offset = 0;                   // the `:`/sigil, or the `.`
};

struct Options {
    ByteMode byte_mode = ByteMode::hex;
    bool word_mode = false;  // riscv32/riscv64: `.` words, `!@$~` word references
};

// Receives tokens in input order. Returning false stops the lexer (the caller found an error).
class TokenSink {
public:
    virtual ~TokenSink() = default;
    virtual bool consume(const Token* tokens, std::size_t count) = 0;
};

// Tokenizes one whole input. Returns the first lexical error (tokens before it have been handed
// to the sink), or nothing when the input was tokenized to its end or the sink asked to stop.
std::optional<LexError> lex(std::string_view input, const Options& options, TokenSink& sink);

}  // namespace hexproof::hex2_lexer
