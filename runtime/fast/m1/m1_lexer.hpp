// The M1 lexer: one input's bytes -> M1's raw token events, in batches.
//
// What it recognises is upstream's tokenizer (mescc-tools 1.7.0 M1-macro.c, Tokenize_Line):
// spaces and tabs separate tokens; `\n` is a newline event; `#` or `;` where a token could start
// is a comment running to and including the next `\n` or `\r` (or to the end), and counts as a
// newline event; `"` and `'` start a string that runs to the same quote (newlines included) and
// whose text keeps the opening quote but not the closing one, the byte after the closing quote
// starting the next token; anything else is an atom running to a space, tab, newline or the end
// (`#`, `;`, quotes and `\r` inside an atom are part of it).
//
// The lexer does not collapse newline runs, add the newline each file ends with, look for NUL
// bytes or know about DEFINE: those rules span files and belong to the engine (m1_pass1.cpp). The
// grammar itself is in m1_lexer_def.hpp (Boost.Spirit X3).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace hexproof::m1_lexer {

enum class TokenKind : std::uint8_t {
    atom,                 // text = [begin, end)
    string,               // text = [begin, end): the opening quote and the body, no closing quote
    newline,              // a `\n`, or a comment [begin, end)
    unterminated_string,  // begin = the opening quote; the input ends inside the string
};

struct Token {
    const char* begin;
    const char* end;
    TokenKind kind;

    std::string_view text() const { return {begin, static_cast<std::size_t>(end - begin)}; }
};

class Lexer {
public:
    explicit Lexer(std::string_view input) : pos_(input.data()), end_(input.data() + input.size()) {}

    // Writes the next tokens to out[0, n) with 0 < n <= capacity, or returns 0 at the end of the
    // input. An unterminated_string token is always the last one. With `stop`, the tokens end
    // with the first one that ends at or after it (if capacity allows).
    std::size_t next(Token* out, std::size_t capacity, const char* stop = nullptr);

    // Where the next token's separators start: the input start or where a token ended (the end
    // once only separators are left). The
    // tokens from such a place on are those of the bytes from it on, whatever came before.
    const char* position() const { return pos_; }
    // Goes on from p, a place where some token of this input ended (position() after it).
    void skip_to(const char* p) { pos_ = p; }

private:
    const char* pos_;
    const char* end_;
};

}  // namespace hexproof::m1_lexer
