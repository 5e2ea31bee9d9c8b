// The bytes hex2's first pass treats specially (SEMANTICS.md, "hex2"), shared by the oracle's
// scanners of hex2 text: the source scan, the construct scan and the reading of M1's output.
#pragma once

#include "engine.hpp"

namespace hexproof::oracle_text {

// A label or reference name runs from its sigil to a blank, a newline or `>`.
inline bool name_end(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '>'; }

// Whether `c` is a digit of the byte mode (either case of hex).
inline bool is_digit(char c, ByteMode mode) {
    switch (mode) {
        case ByteMode::hex: return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        case ByteMode::octal: return c >= '0' && c <= '7';
        case ByteMode::binary: return c == '0' || c == '1';
    }
    return false;
}

}  // namespace hexproof::oracle_text
