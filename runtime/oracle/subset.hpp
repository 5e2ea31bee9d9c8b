// A subset of the hex2 and M1 languages: the configurations and constructs a program may use.
//
// The oracle's profiles (profile.hpp) describe an implementation by the subset it claims; the
// program generators (program_gen.hpp) draw programs inside a subset, and the construct scanner
// (constructs.hpp) finds the first construct of a program outside it. The construct names are
// the vocabulary of profile files (docs/oracle.md, "Profiles"), listed here with what each means.
#pragma once

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "engine.hpp"

namespace hexproof::oracle {

// hex2 features beside the references (each a construct a scan can find):
//   caret        `^` directly before a relative reference (`!@~%`) without `>base`
//   caret-other  any other `^` (before `$`/`&`, before a `>base` reference, `^^`, a `^` alone)
//   align        `<`
//   words        RISC-V `.` words
//   lower-hex    a hex digit written a-f
//   digit-quirks a byte's digits not written together (a space, newline or comment between
//                them), a digit left over at the end of a file, or an octal byte above 377
//                (written mod 256)
//   name-quirks  a label or reference name holding `#`, `;` or `\r`, ended by `>` where no
//                `>base` can follow, or empty (a sigil at the end of a file)
//   redefine     a label defined twice
//   other-text   bytes hex2 skips that are not blanks or comments (letters past f, NUL, 0x80+)
inline constexpr std::string_view hex2_feature_names[] = {"caret",       "caret-other", "align",
                                                          "words",       "lower-hex",   "digit-quirks",
                                                          "name-quirks", "redefine",    "other-text"};

// M1 number forms (of immediates, Knight bare numbers and `<N`):
//   decimal  digits;  negative  a leading `-` (decimal) or `0-` (octal);  hex  `0x` and
//   upper-case digits;  lower-hex  `0x` with a digit a-f;  octal  a leading `0`;  binary `0b`;
//   underscore  `_` among the digits
inline constexpr std::string_view m1_number_names[] = {"decimal", "negative", "hex",       "lower-hex",
                                                       "octal",   "binary",   "underscore"};

// M1 features:
//   strings               "..." strings
//   raw-strings           '...' strings
//   quoted-define-values  DEFINE NAME "..." or '...'
//   padding               `<N` zero padding
//   labels                hex2 label syntax passed through (`:a`, `%a`, `^~a`, `%a>b`, `<`)
//   knight-numbers        bare numbers on Knight
//   define-anywhere       a macro used before its DEFINE
//   redefine              a macro DEFINEd twice with different values
//   range-edges           an immediate at mescc-tools' off-by-one range bounds (`!256`, `@32768`, ...)
//   cr                    a carriage return anywhere
//   token-quirks          `#` or `;` inside a token, a token right after a string's closing quote,
//                         DEFINE binding a newline, a string or DEFINE, a number read through an
//                         invalid digit (`0X10`, `09`, `0x-5`), `<0`, `<abc`
inline constexpr std::string_view m1_feature_names[] = {
    "strings",         "raw-strings", "quoted-define-values", "padding", "labels",      "knight-numbers",
    "define-anywhere", "redefine",    "range-edges",          "cr",      "token-quirks"};

// The errors an implementation may be expected to report, by the reference's error kinds (the
// upstream-undefined ones are left out: docs/contract.md).
inline constexpr std::string_view hex2_diagnosis_names[] = {
    "undefined-label", "displacement-out-of-range", "unaligned-branch-target", "riscv-field-out-of-range"};
inline constexpr std::string_view m1_diagnosis_names[] = {"unterminated-string", "empty-input",
                                                          "macro-value-missing", "immediate-out-of-range",
                                                          "negative-padding",    "invalid-other"};

inline constexpr std::string_view all_sigils = "!@$~%&";

struct Subset {
    std::vector<Architecture> architectures;  // empty: all
    bool little_endian = true, big_endian = true;
    std::vector<std::uint32_t> base_addresses;  // hex2; empty: any
    std::vector<ByteMode> byte_modes{ByteMode::hex, ByteMode::octal, ByteMode::binary};
    bool many_inputs = true;    // false: every invocation has one input file
    bool strict_clean = false;  // only programs that use no quirk (the extracted strict checker)
    std::size_t max_token = 0;  // the longest token (name, atom, string) in bytes; 0: no limit

    std::string hex2_references{all_sigils}, hex2_reference_bases{all_sigils};
    std::set<std::string, std::less<>> hex2_features{std::begin(hex2_feature_names),
                                                     std::end(hex2_feature_names)};
    std::set<std::string, std::less<>> hex2_diagnoses{std::begin(hex2_diagnosis_names),
                                                      std::end(hex2_diagnosis_names)};
    std::string m1_immediates{all_sigils};
    std::set<std::string, std::less<>> m1_numbers{std::begin(m1_number_names), std::end(m1_number_names)};
    std::set<std::string, std::less<>> m1_features{std::begin(m1_feature_names), std::end(m1_feature_names)};
    std::set<std::string, std::less<>> m1_diagnoses{std::begin(m1_diagnosis_names),
                                                    std::end(m1_diagnosis_names)};

    bool hex2_has(std::string_view feature) const { return hex2_features.count(feature) > 0; }
    bool m1_has(std::string_view feature) const { return m1_features.count(feature) > 0; }
    bool number_has(std::string_view form) const { return m1_numbers.count(form) > 0; }
    bool reference(char sigil) const { return hex2_references.find(sigil) != std::string::npos; }
    bool reference_base(char sigil) const { return hex2_reference_bases.find(sigil) != std::string::npos; }
    bool immediate(char sigil) const { return m1_immediates.find(sigil) != std::string::npos; }
    // Whether every construct of the tool's language is in (so no program needs scanning).
    bool every_construct(bool hex2) const;
    bool architecture(Architecture a) const;
    bool mode(ByteMode m) const;
    bool base_address(std::uint32_t b) const;
};

// The name of an error kind as a diagnosis ("undefined-label", ...), empty for the
// upstream-undefined kinds.
std::string_view diagnosis_name(ErrorKind kind);

}  // namespace hexproof::oracle
