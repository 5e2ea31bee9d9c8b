// M1's output as hex2 reads it (docs/oracle.md, "Comparing M1 outputs"): the byte digits and the
// label, reference, `^`, `<` and `.` tokens in order, hex case, blanks, comments and the bytes
// hex2 skips left out. Two M1 outputs with the same reading mean the same to every hex2 that
// reads them in that mode, however they are laid out.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine.hpp"

namespace hexproof::oracle {

// A canonical text of the reading: each digit as an upper-case digit, each token as a
// length-prefixed record (so different readings never give the same text).
std::string hex2_reading(std::string_view m1_output, ByteMode mode, Architecture architecture);

// The reading and, for each of its bytes, the offset in the output of the digit or token it
// comes from.
struct Reading {
    std::string text;
    std::vector<std::size_t> at;
};
Reading hex2_reading_at(std::string_view m1_output, ByteMode mode, Architecture architecture);

}  // namespace hexproof::oracle
