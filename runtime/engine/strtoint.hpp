// strtoint: the number reader shared by M1 (immediates, `<N` padding) and hex2 (--base-address).
//
// It reads exactly what upstream's strtoint (M2libc bootstrappable.c, mescc-tools 1.7.0) reads:
// `0b` binary, `0x` hex (digit letters in either case), a leading `0` octal, anything else
// decimal. The digit reader of the chosen base accepts one leading `-` and skips `_`; any other
// character outside the base's digits makes the whole result 0. So `0x-5` is -5, while `-0x10`
// is read by the decimal reader, fails at `x`, and is 0; `-010` is decimal -10, `0-10` octal -8.
// Arithmetic is 32-bit and wraps (the decision docs/contract.md makes for upstream's overflow).
// The text ends at its end or at its first NUL byte, whichever comes first (upstream reads C
// strings).
#pragma once

#include <cstdint>
#include <string_view>

namespace hexproof {

std::int32_t strtoint(std::string_view text);

// M1's test for "this text is a number": the value is not 0, or the text starts with `0`
// (so `0`, `0x` and `0zz` are the number 0, while `_0` and `-0` are not numbers).
bool is_number(std::string_view text, std::int32_t value);

}  // namespace hexproof
