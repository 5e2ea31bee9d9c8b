// M1's output as hex2 reads it: see hex2_reading.hpp. The lexical rules are hex2's first pass
// (SEMANTICS.md, "hex2"): a comment runs from `#` or `;` to the end of the line, a name from its
// sigil to a blank, a newline or `>`; on RISC-V `!@$~` take no `>base`.
#include "hex2_reading.hpp"

#include <cstring>

#include "hex2_chars.hpp"

namespace hexproof::oracle {

namespace {

// `c` as a digit of the mode, hex in upper case; 0 when it is none.
char digit(char c, ByteMode mode) {
    if (!oracle_text::is_digit(c, mode)) return 0;
    return (c >= 'a' && c <= 'f') ? static_cast<char>(c - 'a' + 'A') : c;
}

// `positions`: whether to fill out->at (eight bytes per byte of the reading, so only when asked).
void record(Reading* out, std::string_view token, std::size_t at, bool positions) {
    out->text += '\x01';
    out->text += std::to_string(token.size());
    out->text += ':';
    out->text += token;
    if (positions) out->at.resize(out->text.size(), at);
}

void read(std::string_view t, ByteMode mode, Architecture architecture, Reading* out, bool positions) {
    const bool riscv = architecture == Architecture::riscv32 || architecture == Architecture::riscv64;
    std::size_t i = 0;
    auto name = [&]() {
        const std::size_t from = i;
        while (i < t.size() && !oracle_text::name_end(t[i])) ++i;
        return t.substr(from, i - from);
    };
    while (i < t.size()) {
        const std::size_t start = i;
        const char c = t[i++];
        if (c == '#' || c == ';') {
            while (i < t.size() && t[i] != '\n' && t[i] != '\r') ++i;
        } else if (c == ':') {
            std::string token(1, c);
            token += name();
            record(out, token, start, positions);
        } else if (c != 0 && std::strchr("!@$~%&", c)) {
            std::string token(1, c);
            token += name();
            const bool takes_base = !(riscv && c != '%' && c != '&');
            if (takes_base && i < t.size() && t[i] == '>') {
                ++i;
                token += '>';
                token += name();
            }
            record(out, token, start, positions);
        } else if (c == '^' || c == '<' || (riscv && c == '.')) {
            record(out, std::string_view(&c, 1), start, positions);
        } else if (const char d = digit(c, mode)) {
            out->text += d;
            if (positions) out->at.push_back(start);
        }
    }
}

}  // namespace

std::string hex2_reading(std::string_view t, ByteMode mode, Architecture architecture) {
    Reading r;
    read(t, mode, architecture, &r, false);
    return std::move(r.text);
}

Reading hex2_reading_at(std::string_view t, ByteMode mode, Architecture architecture) {
    Reading r;
    read(t, mode, architecture, &r, true);
    return r;
}

}  // namespace hexproof::oracle
