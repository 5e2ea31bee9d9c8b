// strtoint: upstream's number reader, with 32-bit wrap-around (see strtoint.hpp).
#include "strtoint.hpp"

namespace hexproof {

namespace {

// The value of c as a digit of base (2, 8, 10 or 16), or -1 when it is not one.
int digit_value(char c, unsigned base) {
    int d = -1;
    if (c >= '0' && c <= '9')
        d = c - '0';
    else if (c >= 'a' && c <= 'f')
        d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F')
        d = c - 'A' + 10;
    return (d >= 0 && static_cast<unsigned>(d) < base) ? d : -1;
}

// One base's digit reader: an optional `-`, then digits and `_` up to the end of the text.
std::int32_t read_digits(std::string_view digits, unsigned base) {
    std::size_t i = 0;
    bool negative = false;
    if (!digits.empty() && digits[0] == '-') {
        negative = true;
        i = 1;
    }
    std::uint32_t n = 0;
    for (; i < digits.size(); ++i) {
        const char c = digits[i];
        if (c == '_') continue;
        const int d = digit_value(c, base);
        if (d < 0) return 0;
        n = n * base + static_cast<std::uint32_t>(d);
    }
    if (negative) n = 0u - n;
    return static_cast<std::int32_t>(n);
}

}  // namespace

std::int32_t strtoint(std::string_view text) {
    const std::size_t nul = text.find('\0');
    if (nul != std::string_view::npos) text = text.substr(0, nul);
    if (text.empty()) return 0;
    if (text[0] == '0' && text.size() >= 2 && text[1] == 'b') return read_digits(text.substr(2), 2);
    if (text[0] == '0' && text.size() >= 2 && text[1] == 'x') return read_digits(text.substr(2), 16);
    if (text[0] == '0') return read_digits(text.substr(1), 8);
    return read_digits(text, 10);
}

bool is_number(std::string_view text, std::int32_t value) {
    return value != 0 || (!text.empty() && text[0] == '0');
}

}  // namespace hexproof
