// Unit tests for the fast hex2 engine: one or more per hex2 clause of ../shared/SEMANTICS.md and
// per row of the hex2 error table of docs/contract.md.
//
// Every expected byte string is computed by hand; the arithmetic is in the comment beside it.
// Notation: `ip` is the address counter, `b` the address after a reference field, `t` the target.
// Fields are written big endian unless the test says LE.
#include "hex2_fast.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <exception>
#include <initializer_list>
#include <iterator>
#include <string>
#include <vector>

#include "encoding.hpp"
#include "keyed_hash.hpp"
#include "split.hpp"

namespace hexproof {
namespace {

constexpr Architecture all_architectures[] = {
    Architecture::knight,  Architecture::x86,     Architecture::amd64,   Architecture::armv7l,
    Architecture::aarch64, Architecture::ppc64le, Architecture::riscv32, Architecture::riscv64,
};

Hex2Config config(Architecture arch = Architecture::knight, bool big_endian = true, std::uint32_t base = 0,
                  ByteMode mode = ByteMode::hex) {
    Hex2Config c;
    c.architecture = arch;
    c.big_endian = big_endian;
    c.base_address = base;
    c.byte_mode = mode;
    return c;
}

Hex2Config le(Architecture arch, std::uint32_t base = 0) { return config(arch, false, base); }

std::vector<Input> files(const std::vector<std::string>& texts) {
    std::vector<Input> v;
    int i = 0;
    for (const std::string& t : texts) v.push_back(Input{"f" + std::to_string(i++), t});
    return v;
}

Result link(const Hex2Config& c, std::initializer_list<std::string> texts) {
    return hex2_fast::link(c, files(texts));
}

std::string bytes(std::initializer_list<int> values) {
    std::string s;
    for (int v : values) s.push_back(static_cast<char>(v));
    return s;
}

// The output bytes, or a marker that cannot equal any expected string when linking failed.
std::string output(const Result& r) {
    if (const auto* s = std::get_if<std::string>(&r)) return *s;
    const Error& e = std::get<Error>(r);
    return "<error " + std::string(error_kind_name(e.kind)) + " file " + std::to_string(e.file) + " offset " +
           std::to_string(e.offset) + ">";
}

Error error(const Result& r) {
    if (const auto* e = std::get_if<Error>(&r)) return *e;
    ADD_FAILURE() << "expected an error, got " << std::get<std::string>(r).size() << " bytes";
    return Error{};
}

Error make_error(ErrorKind kind, std::size_t file, std::size_t offset, std::int64_t value = 0,
                 std::string subject = {}) {
    Error e;
    e.kind = kind;
    e.file = file;
    e.offset = offset;
    e.value = value;
    e.subject = std::move(subject);
    return e;
}

std::string zeros(std::size_t n) { return std::string(n, '\0'); }
// `n` bytes of hex text "00".
std::string hex_zeros(std::size_t n) {
    std::string s;
    s.reserve(2 * n);
    for (std::size_t i = 0; i != n; ++i) s += "00";
    return s;
}

// ---------------------------------------------------------------------------------------------
// Bytes
// ---------------------------------------------------------------------------------------------

TEST(Hex2FastBytes, HexPairsMakeBytes) {
    // 48 65 6c 6C 6f = "Hello"; upper and lower case digits alike.
    EXPECT_EQ(output(link(config(), {"48 65 6c 6C 6f"})), "Hello");
    EXPECT_EQ(output(link(config(), {"aB Cd\n"})), bytes({0xAB, 0xCD}));
}

TEST(Hex2FastBytes, NibbleStateSurvivesSkippedText) {
    // SEMANTICS: `4 8` and `4 # c\n8` are the byte 48; non-digits such as g, x, h are skipped too.
    EXPECT_EQ(output(link(config(), {"4 8"})), "H");
    EXPECT_EQ(output(link(config(), {"4 # c\n8"})), "H");
    EXPECT_EQ(output(link(config(), {"4 ; ff\n8"})), "H");
    EXPECT_EQ(output(link(config(), {"g4h8"})), "H");
    // "0x41": digits 0,4,1 -> byte 0x04, the odd 1 is dropped at end of file.
    EXPECT_EQ(output(link(config(), {"0x41"})), bytes({0x04}));
}

TEST(Hex2FastBytes, CommentRunsToNewlineOrCarriageReturn) {
    // "# ab\r cd": the comment ends at \r, so cd is a byte; "# ab\n12" likewise 12.
    EXPECT_EQ(output(link(config(), {"# ab\r cd"})), bytes({0xCD}));
    EXPECT_EQ(output(link(config(), {"# ab\n12"})), bytes({0x12}));
    // Sigils inside a comment are comment text: no label, no reference, no error.
    EXPECT_EQ(output(link(config(), {"# :a !b %c <\n00"})), bytes({0x00}));
    // A comment at end of file without a newline.
    EXPECT_EQ(output(link(config(), {"11 # 22"})), bytes({0x11}));
}

TEST(Hex2FastBytes, OddTrailingNibbleDropped) {
    // "123": 12, then 3 is pending at end of file and dropped.
    EXPECT_EQ(output(link(config(), {"123"})), bytes({0x12}));
}

TEST(Hex2FastBytes, NibbleStateResetsPerFile) {
    // File 0 "1" leaves a pending nibble that file 1 does not see: file 1 "23" is the byte 23.
    EXPECT_EQ(output(link(config(), {"1", "23"})), bytes({0x23}));
    // The dropped nibble takes no address: `:a` in file 1 is at 0, so $a = 00 00.
    EXPECT_EQ(output(link(config(), {"1", ":a $a"})), bytes({0x00, 0x00}));
}

TEST(Hex2FastBytes, OctalMode) {
    // 101 = 1*64 + 0*8 + 1 = 65 'A'; 777 = 511, written mod 256 = FF; a trailing 0 is dropped.
    EXPECT_EQ(output(link(config(Architecture::knight, true, 0, ByteMode::octal), {"101 777 0"})),
              bytes({0x41, 0xFF}));
    // 8 and 9 are not octal digits and are skipped: "1 8 0 9 1" is 1,0,1 = 'A'.
    EXPECT_EQ(output(link(config(Architecture::knight, true, 0, ByteMode::octal), {"1 8 0 9 1"})), "A");
    // An octal digit state survives a comment: "1 # 77\n01" = 101 = 'A'.
    EXPECT_EQ(output(link(config(Architecture::knight, true, 0, ByteMode::octal), {"1 # 77\n01"})), "A");
}

TEST(Hex2FastBytes, BinaryMode) {
    // 01000001 = 0x41; "1111 1111" = 0xFF; 2 is skipped; 3 trailing bits are dropped.
    EXPECT_EQ(output(link(config(Architecture::knight, true, 0, ByteMode::binary), {"01000001 1111 2 1111 101"})),
              bytes({0x41, 0xFF}));
}

TEST(Hex2FastBytes, LongStretchesReadLikeShortOnes) {
    // Stretches longer than 16 bytes are scanned 16 bytes at a time: the digit sets must be the
    // same there. Each repetition is one byte 'A' (0x41 = octal 101 = binary 01000001) followed by
    // non-digits of that mode, including a byte >= 0x80.
    std::string hex, octal, binary;
    for (int i = 0; i != 100; ++i) {
        hex += "4g1 \x80z";
        octal += "10 8 9\x80" "1 ";
        binary += "0100 2\x80" "0001 ";
    }
    EXPECT_EQ(output(link(config(), {hex})), std::string(100, 'A'));
    EXPECT_EQ(output(link(config(Architecture::knight, true, 0, ByteMode::octal), {octal})), std::string(100, 'A'));
    EXPECT_EQ(output(link(config(Architecture::knight, true, 0, ByteMode::binary), {binary})), std::string(100, 'A'));
    // A sigil after a long stretch still ends it: 40 bytes, then &a with a = 40 -> 00 00 00 28.
    EXPECT_EQ(output(link(config(), {hex_zeros(40) + "\n:a &a"})), zeros(40) + bytes({0x00, 0x00, 0x00, 0x28}));
    // In RISC-V word mode a '.' after a long stretch starts a word: 20 bytes 00, then
    // .00000001 (BE) and 00 -> 01.
    EXPECT_EQ(output(link(config(Architecture::riscv32), {hex_zeros(20) + " .00000001 00"})), zeros(20) + bytes({0x01}));
}

TEST(Hex2FastBytes, EmptyInputs) {
    EXPECT_EQ(output(hex2_fast::link(config(), {})), "");
    EXPECT_EQ(output(link(config(), {""})), "");
    EXPECT_EQ(output(link(config(), {"", "", "# only a comment"})), "");
}

TEST(Hex2FastBytes, BinaryGarbageIsSkipped) {
    // Bytes >= 0x80, control bytes and NUL are not digits: "\xff 4 \x80\x01\x00 1" is the byte 41.
    EXPECT_EQ(output(link(config(), {std::string("\xff" "4\x80\x01\x00" "1\x7f", 7)})), "A");
    // A 0xFF byte must not be mistaken for end of file inside data.
    EXPECT_EQ(output(link(config(), {std::string("12\xff\xff" "34", 6)})), bytes({0x12, 0x34}));
}

TEST(Hex2FastBytes, NulInDataAndCommentsIsSkipped) {
    // contract: NUL in data and comments is skipped like any non-digit.
    // "4 NUL 8" = 48; the comment with a NUL is skipped; "4 NUL 9" = 49. 2 + 8 + 2 + 1 = 13 bytes.
    EXPECT_EQ(output(link(config(), {std::string("4\0" "8 # \0 x\n" "4\0" "9", 13)})), "HI");
}

TEST(Hex2FastBytes, DotIsOrdinaryTextOutsideRiscv) {
    // Only RISC-V has `.` words; on amd64 ".41" is the byte 41.
    EXPECT_EQ(output(link(le(Architecture::amd64), {".41"})), "A");
}

// ---------------------------------------------------------------------------------------------
// Labels
// ---------------------------------------------------------------------------------------------

TEST(Hex2FastLabels, LabelIsTheCurrentAddress) {
    // :a at 0, 11 -> ip 1, :b at 1, 22 -> ip 2; $a = 00 00, $b = 00 01.
    EXPECT_EQ(output(link(config(), {":a 11 :b 22 $a $b"})), bytes({0x11, 0x22, 0x00, 0x00, 0x00, 0x01}));
}

TEST(Hex2FastLabels, BaseAddressStartsIp) {
    // base 0x1234: :a = 0x1234; $a = 12 34.
    EXPECT_EQ(output(link(config(Architecture::knight, true, 0x1234), {":a $a"})), bytes({0x12, 0x34}));
}

TEST(Hex2FastLabels, LaterDefinitionWins) {
    // :x at 0, 00 -> ip 1, :x at 1, 00 -> ip 2; $x = 00 01 (the second definition).
    EXPECT_EQ(output(link(config(), {":x 00 :x 00 $x"})), bytes({0x00, 0x00, 0x00, 0x01}));
    // Also across files, and a use before both definitions sees the last one: $x at 0..1,
    // :x at 2 (file 0), :x at 3 (file 1, after AA) -> $x = 00 03.
    EXPECT_EQ(output(link(config(), {"$x :x", "AA :x"})), bytes({0x00, 0x03, 0xAA}));
}

TEST(Hex2FastLabels, LabelsAreGlobalAcrossFiles) {
    // $later occupies 0..1 in file 0; :later is at 2 in file 1 -> 00 02 AA.
    EXPECT_EQ(output(link(config(), {"$later", ":later AA"})), bytes({0x00, 0x02, 0xAA}));
}

TEST(Hex2FastLabels, NameRunsToBlankNewlineOrGreaterThan) {
    // '#' and ';' are part of a name: :a#b is at 0, 00 -> ip 1, $a#b = 00 00.
    EXPECT_EQ(output(link(config(), {":a#b 00 $a#b"})), bytes({0x00, 0x00, 0x00}));
    EXPECT_EQ(output(link(config(), {":a;b\t00\t$a;b"})), bytes({0x00, 0x00, 0x00}));
    // So "$a#b" does not find a label "a".
    EXPECT_EQ(error(link(config(), {":a 00 $a#b"})), make_error(ErrorKind::undefined_label, 0, 7, 0, "a#b"));
}

TEST(Hex2FastLabels, CrlfDefinesNamesEndingInCarriageReturn) {
    // ":a\r\n00\r\n$a\r\n": the label is "a\r" at 0; 00; "$a\r" finds it -> 00 00 00.
    EXPECT_EQ(output(link(config(), {":a\r\n00\r\n$a\r\n"})), bytes({0x00, 0x00, 0x00}));
    // "$a " does not find "a\r": undefined_label at offset 9 (after the `$` at 8).
    EXPECT_EQ(error(link(config(), {":a\r\n00\r\n$a \n"})), make_error(ErrorKind::undefined_label, 0, 9, 0, "a"));
}

TEST(Hex2FastLabels, GreaterThanEndsALabel) {
    // contract: ":a>b" ends the label at '>'; "b0" is then the byte B0. a = 0, $a = 00 00.
    EXPECT_EQ(output(link(config(), {":a>b0 $a"})), bytes({0xB0, 0x00, 0x00}));
}

TEST(Hex2FastLabels, EmptyNameBeforeBlank) {
    // ": " defines the empty name at 0; 00; "$ " refers to it -> 00 00 00.
    EXPECT_EQ(output(link(config(), {": 00 $ "})), bytes({0x00, 0x00, 0x00}));
}

TEST(Hex2FastLabels, NameCutOffByEndOfFileIsByteFF) {
    // contract: `:` at end of file defines "\xFF". File 0 "11 :" defines it at 1; file 1 names
    // it explicitly ("$\xff" then end of file, a one-byte name) -> 11 00 01.
    EXPECT_EQ(output(link(config(), {"11 :", "$\xff"})), bytes({0x11, 0x00, 0x01}));
    // `$` at end of file refers to "\xFF": ":\xff" at 0, 00, `$` -> 00 00 00.
    EXPECT_EQ(output(link(config(), {":\xff 00 $"})), bytes({0x00, 0x00, 0x00}));
    // Undefined: offset is the end of the input (after the `$` at 0), subject "\xFF".
    EXPECT_EQ(error(link(config(), {"$"})), make_error(ErrorKind::undefined_label, 0, 1, 0, "\xff"));
    // A `>base` cut off by end of file is "\xFF" too: offset 6 (after '>' at 5).
    EXPECT_EQ(error(link(config(), {":a %a>"})), make_error(ErrorKind::undefined_label, 0, 6, 0, "\xff"));
}

TEST(Hex2FastLabels, OneMegabyteLabel) {
    // No token length limit: a 1 MiB name defined at 0 and used after one byte -> 00 00 00.
    const std::string name(1u << 20, 'L');
    EXPECT_EQ(output(link(config(), {":" + name + " 00 $" + name})), bytes({0x00, 0x00, 0x00}));
    // Two 1 MiB names differing in the last byte are different labels.
    const std::string other = name.substr(0, name.size() - 1) + "M";
    EXPECT_EQ(output(link(config(), {":" + name + " 00 :" + other + " $" + name + " $" + other})),
              bytes({0x00, 0x00, 0x00, 0x00, 0x01}));
}

TEST(Hex2FastLabels, LongNamesAndNul) {
    // Names longer than 16 bytes end at the first blank, tab, newline or '>' wherever it falls.
    const std::string name = "a_label_name_of_more_than_sixteen_bytes";
    EXPECT_EQ(output(link(config(), {":" + name + "\t00 $" + name + ">" + name + " $" + name + "\n"})),
              bytes({0x00, 0x00, 0x00, 0x00, 0x00}));
    // A NUL 20 bytes into a name: nul_in_name at the ':' (offset 3).
    EXPECT_EQ(error(link(config(), {"00 :" + std::string(20, 'n') + std::string(1, '\0') + "tail 11"})),
              make_error(ErrorKind::nul_in_name, 0, 3));
    // A NUL after the name's end is data, skipped: ":nnn...n \0 41" -> 41.
    EXPECT_EQ(output(link(config(), {":" + std::string(20, 'n') + " " + std::string(1, '\0') + "41"})), "A");
}

TEST(Hex2FastLabels, NamesOfSixteenMegabytes) {
    // Names longer than 2^24 bytes: two that differ in their last byte, and one defined twice.
    const std::string long_name(std::size_t{1} << 24, 'x');
    const std::string a = long_name + "a", b = long_name + "b";
    EXPECT_EQ(output(link(config(), {":" + a + " 11 :" + b + " 22 &" + a + " &" + b})),
              bytes({0x11, 0x22, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01}));
    EXPECT_EQ(output(link(config(), {":" + a + " 11 :" + a + " 22 &" + a})), bytes({0x11, 0x22, 0x00, 0x00, 0x00, 0x01}));
}

TEST(Hex2FastLabels, ManyLabels) {
    // 20000 labels, one per byte: label Ln is at n; &L19999 = 00 00 4E 1F (19999 = 0x4E1F).
    std::string text;
    for (int i = 0; i != 20000; ++i) text += ":L" + std::to_string(i) + " 00\n";
    text += "&L19999 &L0";
    const std::string out = output(link(config(), {text}));
    EXPECT_EQ(out.size(), 20008u);
    EXPECT_EQ(out.substr(20000), bytes({0x00, 0x00, 0x4E, 0x1F, 0x00, 0x00, 0x00, 0x00}));
}

// Labels are hashed with a key drawn for each run (keyed_hash.hpp); the result must not depend
// on it. Names of every size around the hash's cases (short, one chunk, several; read in place
// or, at the end of an input, copied), on one thread and two, under two keys and under the zero
// key, with which every name has the same hash (one probe chain).
TEST(Hex2FastLabels, ResultDoesNotDependOnTheKey) {
    std::string first, second;
    for (std::size_t size : {1, 7, 8, 15, 16, 23, 24, 25, 31, 32, 255, 256, 257, 300, 512, 513})
        for (char c : {'a', 'b'}) {
            const std::string name = std::string(size - 1, 'n') + c;
            first += ":" + name + " 01\n";
            second += "&" + name + " %" + name + ">" + std::string(size - 1, 'n') + "a\n";
        }
    for (int i = 0; i < 300; ++i) first += ":L" + std::to_string(i) + " 03\n";
    first += ":" + std::string(500, 'q') + " 02 :z";  // names near the end of the input
    second += "&z &" + std::string(500, 'q') + "\n";
    for (int i = 299; i >= 0; --i) second += "%L" + std::to_string(i) + "\n";
    const std::vector<std::vector<std::string>> cases = {
        {first, second},
        {first, second + "&undefined_name_of_more_than_twenty_four_bytes\n"},
        {first + second},
    };
    EXPECT_TRUE(is_ok(hex2_fast::link(le(Architecture::amd64, 0x1000), files(cases[0]))));
    EXPECT_FALSE(is_ok(hex2_fast::link(le(Architecture::amd64, 0x1000), files(cases[1]))));
    const keyed_hash::Key keys[] = {keyed_hash::key_from_seed(1), keyed_hash::key_from_seed(2), keyed_hash::Key{}};
    for (const auto& texts : cases)
        for (const Architecture a : {Architecture::amd64, Architecture::riscv64}) {
            const Result expected = hex2_fast::link(le(a, 0x1000), files(texts));
            for (const keyed_hash::Key& key : keys)
                for (const Threading threading : {Threading::single, Threading::background})
                    EXPECT_EQ(hex2_fast::link(le(a, 0x1000), files(texts), threading, key), expected);
        }
    // With the zero key too: `:a 11 :b 22 &a &b` -> 11 22 00000000 00000001.
    EXPECT_EQ(output(hex2_fast::link(config(), files({":a 11 :b 22 &a &b"}), Threading::single, keyed_hash::Key{})),
              bytes({0x11, 0x22, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01}));
}

// ---------------------------------------------------------------------------------------------
// References
// ---------------------------------------------------------------------------------------------

TEST(Hex2FastReferences, SixKindsBigEndian) {
    // knight, base 0. Fields 1+2+2+3+4+4 = 16 bytes, so :a = 16.
    //   !a: b = 1,  16-1  = 15 -> 0F
    //   @a: b = 3,  16-3  = 13 -> 00 0D
    //   $a: absolute 16        -> 00 10
    //   ~a: b = 8,  16-8  = 8  -> 00 00 08
    //   %a: b = 12, 16-12 = 4  -> 00 00 00 04
    //   &a: absolute 16        -> 00 00 00 10
    EXPECT_EQ(output(link(config(), {"!a @a $a ~a %a &a :a"})),
              bytes({0x0F, 0x00, 0x0D, 0x00, 0x10, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x10}));
}

TEST(Hex2FastReferences, SixKindsLittleEndian) {
    // x86 LE, same arithmetic as above, bytes reversed per field.
    EXPECT_EQ(output(link(le(Architecture::x86), {"!a @a $a ~a %a &a :a"})),
              bytes({0x0F, 0x0D, 0x00, 0x10, 0x00, 0x08, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00}));
}

TEST(Hex2FastReferences, EndiannessOnlyAffectsFields) {
    // amd64 big endian (a warning upstream, not an error): base 0x1000, &a: a = 0x1004 -> 00 00 10 04;
    // the byte 12 34 is written as read.
    EXPECT_EQ(output(link(config(Architecture::amd64, true, 0x1000), {"&a :a 1234"})),
              bytes({0x00, 0x00, 0x10, 0x04, 0x12, 0x34}));
}

TEST(Hex2FastReferences, NegativeRelative) {
    // :a at 0. !a: b = 1 -> -1 = FF. @a: b = 2 -> -2 = FF FE. ~a: b = 3 -> -3 = FF FF FD.
    EXPECT_EQ(output(link(config(), {":a !a"})), bytes({0xFF}));
    EXPECT_EQ(output(link(config(), {":a @a"})), bytes({0xFF, 0xFE}));
    EXPECT_EQ(output(link(config(), {":a ~a"})), bytes({0xFF, 0xFF, 0xFD}));
}

TEST(Hex2FastReferences, OneByteRange) {
    // "!f" + n bytes + ":f": b = 1, t = 1 + n, displacement n.
    // n = 127 fits (7F); n = 128 is displacement_out_of_range, value 128, at the '!' (offset 0).
    EXPECT_EQ(output(link(config(), {"!f " + hex_zeros(127) + " :f"})), bytes({0x7F}) + zeros(127));
    EXPECT_EQ(error(link(config(), {"!f " + hex_zeros(128) + " :f"})),
              make_error(ErrorKind::displacement_out_of_range, 0, 0, 128));
    // ":f" + n bytes + "!f": b = n + 1, t = 0, displacement -(n+1).
    // n = 127: -128 fits (80); n = 128: -129 does not (the '!' is at offset 3 + 2*128 + 1 = 260).
    EXPECT_EQ(output(link(config(), {":f " + hex_zeros(127) + " !f"})), zeros(127) + bytes({0x80}));
    EXPECT_EQ(error(link(config(), {":f " + hex_zeros(128) + " !f"})),
              make_error(ErrorKind::displacement_out_of_range, 0, 260, -129));
}

TEST(Hex2FastReferences, TwoByteRelativeRange) {
    // `>base` makes the value t - base: :lo at 0, n bytes, :hi at n.
    // @hi>lo = n: 32767 fits (7F FF), 32768 does not. @lo>hi = -n: -32768 fits (80 00).
    const std::string n32767 = ":lo " + hex_zeros(32767) + " :hi ";
    const std::string n32768 = ":lo " + hex_zeros(32768) + " :hi ";
    EXPECT_EQ(output(link(config(), {n32767 + "@hi>lo"})), zeros(32767) + bytes({0x7F, 0xFF}));
    EXPECT_EQ(output(link(config(), {n32768 + "@lo>hi"})), zeros(32768) + bytes({0x80, 0x00}));
    EXPECT_EQ(error(link(config(), {n32768 + "@hi>lo"})),
              make_error(ErrorKind::displacement_out_of_range, 0, n32768.size(), 32768));
}

TEST(Hex2FastReferences, ThreeByteRelativeRange) {
    // :lo at 0, 8388608 bytes, :hi at 8388608 (0x800000).
    // ~hi>lo = 8388608 does not fit in 3 signed bytes; ~lo>hi = -8388608 fits (80 00 00).
    const std::string text = ":lo " + hex_zeros(8388608) + " :hi ";
    const std::string out = output(link(config(), {text + "~lo>hi"}));
    ASSERT_EQ(out.size(), 8388611u);
    EXPECT_EQ(out.substr(8388608), bytes({0x80, 0x00, 0x00}));
    EXPECT_EQ(error(link(config(), {text + "~hi>lo"})),
              make_error(ErrorKind::displacement_out_of_range, 0, text.size(), 8388608));
}

TEST(Hex2FastReferences, TwoByteAbsoluteRange) {
    // $a with a = base: 0xFFFF fits (FF FF); 0x10000 does not (value 65536); base 0xFFFFFFFF
    // makes a = -1 as a C int, which does not fit either (value -1).
    EXPECT_EQ(output(link(config(Architecture::knight, true, 0xFFFF), {":a $a"})), bytes({0xFF, 0xFF}));
    EXPECT_EQ(error(link(config(Architecture::knight, true, 0x10000), {":a $a"})),
              make_error(ErrorKind::displacement_out_of_range, 0, 3, 65536));
    EXPECT_EQ(error(link(config(Architecture::knight, true, 0xFFFFFFFF), {":a $a"})),
              make_error(ErrorKind::displacement_out_of_range, 0, 3, -1));
}

TEST(Hex2FastReferences, FourByteFieldsUncheckedAndTruncated) {
    // base 0xFFFFFFFF: :a = 0xFFFFFFFF, &a = FF FF FF FF.
    EXPECT_EQ(output(link(config(Architecture::knight, true, 0xFFFFFFFF), {":a &a"})), bytes({0xFF, 0xFF, 0xFF, 0xFF}));
    // :b is at 0xFFFFFFFF + 1 (00) = 0 after wrapping; %b: b = 4 -> -4.
    EXPECT_EQ(output(link(config(Architecture::knight, true, 0xFFFFFFFF), {"00 :b %b"})),
              bytes({0x00, 0xFF, 0xFF, 0xFF, 0xFC}));
}

TEST(Hex2FastReferences, BaseForRelativeKinds) {
    // :a at 0, 2 bytes, :b at 2. %b>a = 2 - 0 = 2; !a>b = -2 = FE; the field still takes space:
    // :c after them is at 2 + 4 + 1 = 7, &c = 00 00 00 07.
    EXPECT_EQ(output(link(config(), {":a 00 00 :b %b>a !a>b :c &c"})),
              bytes({0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0xFE, 0x00, 0x00, 0x00, 0x07}));
}

TEST(Hex2FastReferences, AbsoluteKindsIgnoreBase) {
    // :a at 0, :b at 1. $a>b = 00 00 and &a>b = 00 00 00 00 (the base is not subtracted).
    EXPECT_EQ(output(link(config(), {":a 00 :b $a>b &a>b"})), bytes({0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00}));
    // ... but the base must still exist: undefined_label at the 'n' (offset 12: ":a 00 :b $a>" is 12 bytes).
    EXPECT_EQ(error(link(config(), {":a 00 :b $a>nope"})), make_error(ErrorKind::undefined_label, 0, 12, 0, "nope"));
}

TEST(Hex2FastReferences, TextAfterBaseIsOrdinary) {
    // "%a>a>41": the base name ends at the second '>', after which 41 is a byte. %a>a = 0.
    EXPECT_EQ(output(link(config(), {":a %a>a>41"})), bytes({0x00, 0x00, 0x00, 0x00, 0x41}));
}

TEST(Hex2FastReferences, BaseCutOffByEndOfFile) {
    // "%a>" at the end of a file: the base name is the EOF byte FF (undefined_label at the end).
    EXPECT_EQ(error(link(config(), {":a %a>"})), make_error(ErrorKind::undefined_label, 0, 6, 0, "\xFF"));
    // A `:` at the end of the next file defines that name at 4: a - FF = 0 - 4 -> FF FF FF FC.
    EXPECT_EQ(output(link(config(), {":a %a>", ":"})), bytes({0xFF, 0xFF, 0xFF, 0xFC}));
}

TEST(Hex2FastReferences, NamesAcrossFilesAndNewlines) {
    // A reference name ends at end of file; the next file starts fresh: "&a" | ":a": a = 4.
    EXPECT_EQ(output(link(config(), {"&a", ":a"})), bytes({0x00, 0x00, 0x00, 0x04}));
}

TEST(Hex2FastReferences, NamesOf16MiBAndMore) {
    // Two names of 2^24 + 1 bytes (sizes kept aside) that differ only in their last byte,
    // the last reference ending the file: each reference finds its own label.
    // ":A..x 00 :A..y 00 &A..y &A..x" -> x = 0, y = 1; the fields read 1 then 0 (big endian).
    const std::string stem(std::size_t{1} << 24, 'A');
    const std::string x = stem + "x", y = stem + "y";
    const std::vector<Input> inputs = files({":" + x + " 00 :" + y + " 00 &" + y + " &" + x});
    EXPECT_EQ(output(hex2_fast::link(config(), inputs, Threading::single)),
              bytes({0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00}));
}

// ---------------------------------------------------------------------------------------------
// Architecture displacements and `^`
// ---------------------------------------------------------------------------------------------

TEST(Hex2FastArchitectures, PlainDisplacementOnKnightX86Amd64) {
    // %a :a -> b = 4, t = 4 -> 0; !a after one byte -> b = 2, t = 2 -> 0.
    for (Architecture a : {Architecture::knight, Architecture::x86, Architecture::amd64}) {
        SCOPED_TRACE(std::string(architecture_name(a)));
        EXPECT_EQ(output(link(le(a), {"%a :a"})), zeros(4));
        EXPECT_EQ(output(link(le(a), {":a 00 !a"})), bytes({0x00, 0xFE}));  // t 0, b 2 -> -2
    }
}

TEST(Hex2FastArchitectures, CaretIsIgnoredWhereNotRead) {
    // knight/x86/amd64/riscv: `^` changes nothing. ^!a :a -> b = 1, t = 1 -> 00.
    for (Architecture a : {Architecture::knight, Architecture::x86, Architecture::amd64}) {
        SCOPED_TRACE(std::string(architecture_name(a)));
        EXPECT_EQ(output(link(le(a), {"^!a :a"})), bytes({0x00}));
    }
}

TEST(Hex2FastArchitectures, Armv7lRelative) {
    // armv7l: t - b - 8 + (b & 3).
    //   "%a :a": b = 4, t = 4: 0 - 8 + 0 = -8 -> F8 FF FF FF (LE).
    //   "00 !a :a": b = 2, t = 2: 0 - 8 + 2 = -6 -> FA.
    EXPECT_EQ(output(link(le(Architecture::armv7l), {"%a :a"})), bytes({0xF8, 0xFF, 0xFF, 0xFF}));
    EXPECT_EQ(output(link(le(Architecture::armv7l), {"00 !a :a"})), bytes({0x00, 0xFA}));
}

TEST(Hex2FastArchitectures, Armv7lCaretBranch) {
    // After `^`: ((t - b + (b & 3)) >> 2) - 2.
    //   "^~a EA :a": b = 3, t = 4: ((4 - 3 + 3) >> 2) - 2 = 1 - 2 = -1 -> FF FF FF, then EA.
    EXPECT_EQ(output(link(le(Architecture::armv7l), {"^~a EA :a"})), bytes({0xFF, 0xFF, 0xFF, 0xEA}));
    //   ":a 00 00 00 00 ^~a EA": t = 0, b = 7: (0 - 7 + 3) = -4, >> 2 (arithmetic) = -1, - 2 = -3
    //   -> FD FF FF EA.
    EXPECT_EQ(output(link(le(Architecture::armv7l), {":a 00 00 00 00 ^~a EA"})),
              bytes({0x00, 0x00, 0x00, 0x00, 0xFD, 0xFF, 0xFF, 0xEA}));
}

TEST(Hex2FastArchitectures, Armv7lUnalignedBranchTarget) {
    // "^~a EA 00 :a": a = 5, not a multiple of 4 -> unaligned_branch_target at the '~' (offset 1).
    EXPECT_EQ(error(link(le(Architecture::armv7l), {"^~a EA 00 :a"})),
              make_error(ErrorKind::unaligned_branch_target, 0, 1, 0, "a"));
}

TEST(Hex2FastArchitectures, CaretConsumedByAbsoluteReference) {
    // "^&a ~b EA :a :b": a = b = 4 + 3 + 1 = 8. &a consumes the flag -> 08 00 00 00; ~b is then
    // a plain reference: b = 7, t = 8: 8 - 7 - 8 + 3 = -4 -> FC FF FF; EA.
    EXPECT_EQ(output(link(le(Architecture::armv7l), {"^&a ~b EA :a :b"})),
              bytes({0x08, 0x00, 0x00, 0x00, 0xFC, 0xFF, 0xFF, 0xEA}));
    // The alignment check applies to absolute references too: "^&a 00 :a", a = 5 -> error at '&'.
    EXPECT_EQ(error(link(le(Architecture::armv7l), {"^&a 00 :a"})),
              make_error(ErrorKind::unaligned_branch_target, 0, 1, 0, "a"));
}

TEST(Hex2FastArchitectures, CaretNotConsumedByBaseReference) {
    // "^%a>a ~b EA :a :b": %a>a = 0 and leaves the flag; a = b = 8; ~b: b = 7, aligned:
    // ((8 - 7 + 3) >> 2) - 2 = -1 -> FF FF FF; EA.
    EXPECT_EQ(output(link(le(Architecture::armv7l), {"^%a>a ~b EA :a :b"})),
              bytes({0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xEA}));
}

TEST(Hex2FastArchitectures, CaretSurvivesFileBoundary) {
    // File 0 "^", file 1 "~a EA :a": b = 3, t = 4, aligned -> -1 -> FF FF FF EA.
    EXPECT_EQ(output(link(le(Architecture::armv7l), {"^", "~a EA :a"})), bytes({0xFF, 0xFF, 0xFF, 0xEA}));
}

TEST(Hex2FastArchitectures, Aarch64) {
    // Plain: t - b - 8 + (b & 3): "%a :a" -> -8 -> F8 FF FF FF.
    EXPECT_EQ(output(link(le(Architecture::aarch64), {"%a :a"})), bytes({0xF8, 0xFF, 0xFF, 0xFF}));
    // After `^`: (t - (b & ~3)) >> 2.
    //   "^~a 14 :a": b = 3, t = 4: (4 - 0) >> 2 = 1 -> 01 00 00 14.
    EXPECT_EQ(output(link(le(Architecture::aarch64), {"^~a 14 :a"})), bytes({0x01, 0x00, 0x00, 0x14}));
    //   ":a 00 00 00 00 ^~a 14": t = 0, b = 7: (0 - 4) >> 2 = -1 -> FF FF FF 14.
    EXPECT_EQ(output(link(le(Architecture::aarch64), {":a 00 00 00 00 ^~a 14"})),
              bytes({0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x14}));
    //   No alignment error on aarch64: "^~a 14 00 :a": t = 5: (5 - 0) >> 2 = 1 -> 01 00 00 14 00.
    EXPECT_EQ(output(link(le(Architecture::aarch64), {"^~a 14 00 :a"})), bytes({0x01, 0x00, 0x00, 0x14, 0x00}));
}

TEST(Hex2FastArchitectures, Ppc64le) {
    // Plain: t - (b & ~3). "%a :a": b = 4, t = 4 -> 0. "00 !a :a": b = 2, t = 2: 2 - 0 = 2 -> 02.
    EXPECT_EQ(output(link(le(Architecture::ppc64le), {"%a :a"})), zeros(4));
    EXPECT_EQ(output(link(le(Architecture::ppc64le), {"00 !a :a"})), bytes({0x00, 0x02}));
    // After `^`: (t - (b & ~3)) | 1. "^~a 48 :a": b = 3, t = 4: (4 - 0) | 1 = 5 -> 05 00 00 48.
    EXPECT_EQ(output(link(le(Architecture::ppc64le), {"^~a 48 :a"})), bytes({0x05, 0x00, 0x00, 0x48}));
    // The flag is consumed once: "^%a %a :a": a = 8; first: b = 4: (8 - 4) | 1 = 5; second:
    // b = 8: 8 - 8 = 0.
    EXPECT_EQ(output(link(le(Architecture::ppc64le), {"^%a %a :a"})),
              bytes({0x05, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00}));
}

// ---------------------------------------------------------------------------------------------
// `<` alignment
// ---------------------------------------------------------------------------------------------

TEST(Hex2FastAlign, PadsToFourOnArmAndRiscv) {
    for (Architecture a : {Architecture::armv7l, Architecture::aarch64, Architecture::riscv32, Architecture::riscv64}) {
        SCOPED_TRACE(std::string(architecture_name(a)));
        // ip 1: pad 1 to 2, then 2 to 4 -> 11 00 00 00 22.
        EXPECT_EQ(output(link(le(a), {"11 < 22"})), bytes({0x11, 0x00, 0x00, 0x00, 0x22}));
        // ip 3: pad 1 -> 11 22 33 00 44.
        EXPECT_EQ(output(link(le(a), {"11 22 33 < 44"})), bytes({0x11, 0x22, 0x33, 0x00, 0x44}));
        // ip 2: pad 2. ip 0: nothing.
        EXPECT_EQ(output(link(le(a), {"11 22 <"})), bytes({0x11, 0x22, 0x00, 0x00}));
        EXPECT_EQ(output(link(le(a), {"< 11"})), bytes({0x11}));
        // Labels see the padding: "11 < :a &a" -> a = 4 -> 11 00 00 00 04 00 00 00.
        EXPECT_EQ(output(link(le(a), {"11 < :a &a"})), bytes({0x11, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00}));
        // The base address counts: base 1, "< 11" -> ip 1 -> 3 bytes of padding.
        EXPECT_EQ(output(link(le(a, 1), {"< 11"})), bytes({0x00, 0x00, 0x00, 0x11}));
    }
}

TEST(Hex2FastAlign, NothingElsewhere) {
    for (Architecture a : {Architecture::knight, Architecture::x86, Architecture::amd64, Architecture::ppc64le}) {
        SCOPED_TRACE(std::string(architecture_name(a)));
        EXPECT_EQ(output(link(le(a), {"11 < 22"})), bytes({0x11, 0x22}));
        EXPECT_EQ(output(link(le(a), {"11 < :a !a>a"})), bytes({0x11, 0x00}));
    }
}

// ---------------------------------------------------------------------------------------------
// RISC-V word mode
// ---------------------------------------------------------------------------------------------

TEST(Hex2FastRiscv, WordXorsFollowingBytes) {
    // LE: ".00000100" reads 00 00 01 00 = 0x00000100, byte-swapped to 0x00010000. The next
    // four written bytes are XORed with 00, 00, 01, 00 (lowest first): 13 00 00 00 -> 13 00 01 00.
    EXPECT_EQ(output(link(le(Architecture::riscv64), {".00000100 13000000"})), bytes({0x13, 0x00, 0x01, 0x00}));
    // Big endian: no swap, 0x00000100 -> XOR 00, 01, 00, 00 -> 13 01 00 00.
    EXPECT_EQ(output(link(config(Architecture::riscv32), {".00000100 13000000"})), bytes({0x13, 0x01, 0x00, 0x00}));
    // The register is used up after four bytes: a fifth byte is written as read.
    EXPECT_EQ(output(link(config(Architecture::riscv32), {".000000FF 00 00 00 00 00"})),
              bytes({0xFF, 0x00, 0x00, 0x00, 0x00}));
}

TEST(Hex2FastRiscv, WordTakesNoSpaceAndFieldsAreNotXored) {
    // ":a .12345678 :b &a &b 00 00 00 00" riscv32 LE: a = b = 0; the &-fields are written
    // unXORed (00 x 8); the word 0x12345678, swapped to 0x78563412, goes into the next byte
    // digits: 00^12 00^34 00^56 00^78.
    EXPECT_EQ(output(link(le(Architecture::riscv32), {":a .12345678 :b &a &b 00 00 00 00"})),
              zeros(8) + bytes({0x12, 0x34, 0x56, 0x78}));
}

TEST(Hex2FastRiscv, WordsAccumulate) {
    // BE: .00000001 then .00000003: register 1 ^ 3 = 2 -> the byte 00 is written as 02.
    EXPECT_EQ(output(link(config(Architecture::riscv64), {".00000001 .00000003 00"})), bytes({0x02}));
}

TEST(Hex2FastRiscv, ShiftRegisterNotResetBetweenFiles) {
    // LE: file 0 ".000000FF" -> 0xFF000000 after the swap; file 1's fourth byte gets FF.
    EXPECT_EQ(output(link(le(Architecture::riscv64), {".000000FF", "00 00 00 00"})), bytes({0x00, 0x00, 0x00, 0xFF}));
}

TEST(Hex2FastRiscv, WordCompletesPendingNibble) {
    // "1.2345678 9 0" BE: the pending 1 and seven more digits make 12 34 56 78 = 0x12345678;
    // then 90 is written XORed with 78 -> E8.
    EXPECT_EQ(output(link(config(Architecture::riscv32), {"1.2345678 9 0"})), bytes({0xE8}));
}

TEST(Hex2FastRiscv, WordSkipsCommentsAndReadsExactlyFourBytes) {
    // ".0000 # 1234\n0001 00" BE: the comment is skipped, the word is 0x00000001 -> 00^01 = 01.
    EXPECT_EQ(output(link(config(Architecture::riscv32), {".0000 # 1234\n0001 00"})), bytes({0x01}));
    // ".000000011 2" BE: the word takes 00000001; "1 2" is 12, XORed with 01 -> 13.
    EXPECT_EQ(output(link(config(Architecture::riscv32), {".000000011 2"})), bytes({0x13}));
    // Inside a word a sigil is just a skipped byte: ".00!00 0001 00" -> the word is 0x00000001
    // (no reference is read) -> 00^01 = 01.
    EXPECT_EQ(output(link(config(Architecture::riscv32), {".00!00 0001 00"})), bytes({0x01}));
}

TEST(Hex2FastRiscv, WordWithSkippedLetterAndComment) {
    // tests/golden/hex2-word-letter-then-comment (found by fuzzing against 1.7.0):
    // ".000000x0 ;\n0 12" riscv32 LE: the word's digits are 0000000 ('x' skipped), the comment
    // runs to the newline, then 0 is the eighth digit: the word is 0, so 12 is written as 12.
    EXPECT_EQ(output(link(le(Architecture::riscv32, 0x1000), {".000000x0 ;\n0 12"})), bytes({0x12}));
    // Same shape with a nonzero word (BE): digits 0000000 and 1 -> 0x00000001 -> 12^01 = 13.
    EXPECT_EQ(output(link(config(Architecture::riscv32), {".000000x0 ;\n1 12"})), bytes({0x13}));
}

TEST(Hex2FastRiscv, OctalWordKeepsNinthBit) {
    // riscv32 BE octal ".000 777 000 000": the word is built as w = (w << 8) ^ byte with the
    // octal byte unreduced: 0 -> 0x1FF -> 0x1FF00 -> 0x1FF0000. The four bytes 000 are XORed
    // with 00, 00, FF, 01 (lowest first).
    EXPECT_EQ(output(link(config(Architecture::riscv32, true, 0, ByteMode::octal), {".000 777 000 000 000 000 000 000"})),
              bytes({0x00, 0x00, 0xFF, 0x01}));
}

TEST(Hex2FastRiscv, ITypeAndUType) {
    // riscv64 LE, an auipc/addi pair ":a ~b 17050000 !b 13050500 :b":
    //   ~b at ip 0, b = 8: value 8; 8 & 0xFFF < 0x800 -> 8 & 0xFFFFF000 = 0: 17 05 00 00.
    //   !b at ip 4: value 4; (4 + 4) & 0xFFF = 8, << 20 = 0x00800000: 13 05 05 00 XOR 00 00 80 00
    //   -> 13 05 85 00.
    EXPECT_EQ(output(link(le(Architecture::riscv64), {":a ~b 17050000 !b 13050500 :b"})),
              bytes({0x17, 0x05, 0x00, 0x00, 0x13, 0x05, 0x85, 0x00}));
}

TEST(Hex2FastRiscv, UTypeRoundsUp) {
    // "~b 17000000" + 2044 bytes + ":b": value = 2048 = 0x800; bit 11 set ->
    // (0x800 & 0xFFFFF000) + 0x1000 = 0x1000 -> 17 00 00 00 XOR 00 10 00 00 = 17 10 00 00.
    const std::string out = output(link(le(Architecture::riscv32), {"~b 17000000 " + hex_zeros(2044) + " :b"}));
    ASSERT_EQ(out.size(), 2048u);
    EXPECT_EQ(out.substr(0, 4), bytes({0x17, 0x10, 0x00, 0x00}));
    // ":a 00000000 ~a 17000000": value -4 = 0xFFFFFFFC; 0xFFC >= 0x800 -> 0xFFFFF000 + 0x1000
    // = 0 (32 bits) -> 17 00 00 00 unchanged.
    EXPECT_EQ(output(link(le(Architecture::riscv32), {":a 00000000 ~a 17000000"})),
              bytes({0x00, 0x00, 0x00, 0x00, 0x17, 0x00, 0x00, 0x00}));
}

TEST(Hex2FastRiscv, ITypeIsUnchecked) {
    // "!b 13000000" + 4092 bytes + ":b": value 4096 + 4 = 0x1004, low 12 bits 4 -> 0x00400000
    // -> 13 00 40 00; no range error.
    const std::string out = output(link(le(Architecture::riscv32), {"!b 13000000 " + hex_zeros(4092) + " :b"}));
    ASSERT_EQ(out.size(), 4096u);
    EXPECT_EQ(out.substr(0, 4), bytes({0x13, 0x00, 0x40, 0x00}));
}

TEST(Hex2FastRiscv, BType) {
    // "@a 63000000 :a": value 4: (4 & 0x1E) << 7 = 0x200 -> 63 02 00 00.
    EXPECT_EQ(output(link(le(Architecture::riscv64), {"@a 63000000 :a"})), bytes({0x63, 0x02, 0x00, 0x00}));
    // ":a 13000000 @a 63000000": value -4 = 0xFFFFFFFC:
    //   (0x1C << 7) = 0xE00, (0x7E0 << 20) = 0x7E000000, (0x800 >> 4) = 0x80, (0x1000 << 19) =
    //   0x80000000 -> 0xFE000E80; 63 00 00 00 XOR 80 0E 00 FE = E3 0E 00 FE (beq x0, x0, -4).
    EXPECT_EQ(output(link(le(Architecture::riscv64), {":a 13000000 @a 63000000"})),
              bytes({0x13, 0x00, 0x00, 0x00, 0xE3, 0x0E, 0x00, 0xFE}));
}

TEST(Hex2FastRiscv, BTypeRange) {
    // Odd: "@a 63000000 00 :a": value 5 -> riscv_field_out_of_range, value 5, at '@' (0).
    EXPECT_EQ(error(link(le(Architecture::riscv64), {"@a 63000000 00 :a"})),
              make_error(ErrorKind::riscv_field_out_of_range, 0, 0, 5));
    // "@a" + 4094 bytes + ":a": value 4094 fits; + 4096 bytes: 4096 > 0xFFF does not.
    EXPECT_TRUE(is_ok(link(le(Architecture::riscv64), {"@a " + hex_zeros(4094) + " :a"})));
    EXPECT_EQ(error(link(le(Architecture::riscv64), {"@a " + hex_zeros(4096) + " :a"})),
              make_error(ErrorKind::riscv_field_out_of_range, 0, 0, 4096));
    // ":a" + 4096 bytes + "@a": value -4096 fits; + 4098 bytes: -4098 does not.
    EXPECT_TRUE(is_ok(link(le(Architecture::riscv64), {":a " + hex_zeros(4096) + " @a"})));
    EXPECT_EQ(error(link(le(Architecture::riscv64), {":a " + hex_zeros(4098) + " @a"})),
              make_error(ErrorKind::riscv_field_out_of_range, 0, 3 + 2 * 4098 + 1, -4098));
}

TEST(Hex2FastRiscv, JType) {
    // ":a 13000000 $a 6F000000": value -4:
    //   (0x7FC << 20) = 0x7FC00000, (0x800 << 9) = 0x00100000, 0xFF000, (0x100000 << 11) =
    //   0x80000000 -> 0xFFDFF000; 6F 00 00 00 XOR 00 F0 DF FF = 6F F0 DF FF (jal x0, -4).
    EXPECT_EQ(output(link(le(Architecture::riscv32), {":a 13000000 $a 6F000000"})),
              bytes({0x13, 0x00, 0x00, 0x00, 0x6F, 0xF0, 0xDF, 0xFF}));
    // Forward 8: "$a 6F000000 13000000 :a": (8 & 0x7FE) << 20 = 0x00800000 -> 6F 00 80 00.
    EXPECT_EQ(output(link(le(Architecture::riscv32), {"$a 6F000000 13000000 :a"})),
              bytes({0x6F, 0x00, 0x80, 0x00, 0x13, 0x00, 0x00, 0x00}));
}

TEST(Hex2FastRiscv, JTypeRange) {
    // Odd value 1: "$a 00 :a" -> value 1 -> error at '$'.
    EXPECT_EQ(error(link(le(Architecture::riscv32), {"$a 00 :a"})),
              make_error(ErrorKind::riscv_field_out_of_range, 0, 0, 1));
    // 0x100000 = 1048576 bytes ahead is one past the maximum 0xFFFFF (even values: 1048574 fits).
    EXPECT_TRUE(is_ok(link(le(Architecture::riscv32), {"$a " + hex_zeros(1048574) + " :a"})));
    EXPECT_EQ(error(link(le(Architecture::riscv32), {"$a " + hex_zeros(1048576) + " :a"})),
              make_error(ErrorKind::riscv_field_out_of_range, 0, 0, 1048576));
}

TEST(Hex2FastRiscv, WordReferencesTakeNoSpaceAndNoBase) {
    // ":a !a>b0 00 00 00": !a at ip 0, value 0: (0 + 4) << 20 = 0x00400000. '>' ends the name and
    // "b0" is a byte: B0 00 00 00 XOR 00 00 40 00 = B0 00 40 00.
    EXPECT_EQ(output(link(le(Architecture::riscv64), {":a !a>b0 00 00 00"})), bytes({0xB0, 0x00, 0x40, 0x00}));
    // They take no space: ":a ~a !a @a $a :b &b" -> b = 0 -> 00 00 00 00 (the !a immediate,
    // 4 << 20, waits in the register: reference fields are not XORed).
    EXPECT_EQ(output(link(le(Architecture::riscv64), {":a ~a !a @a $a :b &b"})), zeros(4));
}

TEST(Hex2FastRiscv, FourByteFieldsTakeBase) {
    // riscv32 LE ":a 00 00 :b %a>b &b": a - b = -2 -> FE FF FF FF; &b = 02 00 00 00.
    EXPECT_EQ(output(link(le(Architecture::riscv32), {":a 00 00 :b %a>b &b"})),
              bytes({0x00, 0x00, 0xFE, 0xFF, 0xFF, 0xFF, 0x02, 0x00, 0x00, 0x00}));
    // %a without base: t - b with b after the field: ":a %a" -> 0 - 4 = -4 -> FC FF FF FF.
    EXPECT_EQ(output(link(le(Architecture::riscv32), {":a %a"})), bytes({0xFC, 0xFF, 0xFF, 0xFF}));
}

TEST(Hex2FastRiscv, PaddingIsNotXored) {
    // BE ".0000FF00 11 < 22": register 0x0000FF00: 11^00 = 11 (register now 0xFF); `<` writes
    // 00 00 00 unXORed; 22^FF = DD.
    EXPECT_EQ(output(link(config(Architecture::riscv32), {".0000FF00 11 < 22"})),
              bytes({0x11, 0x00, 0x00, 0x00, 0xDD}));
}

TEST(Hex2FastRiscv, ForwardWordReferenceSkipsFieldsAndPaddingAcrossFiles) {
    // riscv32 BE, t defined in the next file. "!t 11 &z 22 33 44" then ":z 55 :t": 11@0, &z@1..4,
    // 22@5, 33@6, 44@7, z = 8, 55@8, t = 9. !t at ip 0: ((9 + 4) & 0xFFF) << 20 = 0x00D00000, taken
    // lowest byte first by the data bytes only: 11^00, 22^00, 33^D0 = E3, 44^00; &z = 00 00 00 08.
    EXPECT_EQ(output(link(config(Architecture::riscv32), {"!t 11 &z 22 33 44", ":z 55 :t"})),
              bytes({0x11, 0x00, 0x00, 0x00, 0x08, 0x22, 0xE3, 0x44, 0x55}));
    // With `<` at ip 6 (two bytes of padding, not XORed): 33@8, 44@9, z = 10, t = 11:
    // (11 + 4) << 20 = 0x00F00000: 11^00, 22^00, 33^F0 = C3, 44^00.
    EXPECT_EQ(output(link(config(Architecture::riscv32), {"!t 11 &z 22 < 33 44", ":z 55 :t"})),
              bytes({0x11, 0x00, 0x00, 0x00, 0x0A, 0x22, 0x00, 0x00, 0xC3, 0x44, 0x55}));
    // A `.` word and a forward reference XOR the same bytes: LE ".01000000" is 0x00000001; with
    // "!t" (t = 4: (4 + 4) << 20 = 0x00800000): 00^01, 00, 00^80, 00.
    EXPECT_EQ(output(link(le(Architecture::riscv64), {".01000000 !t 00 00 00 00 :t"})),
              bytes({0x01, 0x00, 0x80, 0x00}));
}

TEST(Hex2FastRiscv, WordReferenceErrorBeforeLaterUndefinedLabel) {
    // "@far" at ip 0 in file 0; file 1 "%missing 00" makes far = 5 (odd): the B-type error in
    // file 0 comes before file 1's undefined label.
    EXPECT_EQ(error(link(le(Architecture::riscv32), {"@far", "%missing 00", ":far"})),
              make_error(ErrorKind::riscv_field_out_of_range, 0, 0, 5));
}

TEST(Hex2FastRiscv, CaretHasNoEffect) {
    // "^%a :a": a = 4, b = 4 -> 0.
    EXPECT_EQ(output(link(le(Architecture::riscv64), {"^%a :a"})), zeros(4));
}

TEST(Hex2FastRiscv, UnterminatedWord) {
    // contract: a `.` word cut off by end of file is unterminated_word at the '.'.
    EXPECT_EQ(error(link(le(Architecture::riscv64), {"00 .1234"})), make_error(ErrorKind::unterminated_word, 0, 3));
    EXPECT_EQ(error(link(le(Architecture::riscv32), {"."})), make_error(ErrorKind::unterminated_word, 0, 0));
    // The next file does not complete it.
    EXPECT_EQ(error(link(le(Architecture::riscv32), {".000000", "00"})), make_error(ErrorKind::unterminated_word, 0, 0));
    // A word ending in a comment at end of file is still cut off.
    EXPECT_EQ(error(link(le(Architecture::riscv32), {"11 .0000000 # 0"})),
              make_error(ErrorKind::unterminated_word, 0, 3));
}

// ---------------------------------------------------------------------------------------------
// Errors on every architecture, and precedence
// ---------------------------------------------------------------------------------------------

TEST(Hex2FastErrors, UndefinedLabelEverywhere) {
    for (Architecture a : all_architectures) {
        SCOPED_TRACE(std::string(architecture_name(a)));
        // "00 %nope": undefined_label at the 'n' (offset 4), subject "nope".
        EXPECT_EQ(error(link(le(a), {"00 %nope"})), make_error(ErrorKind::undefined_label, 0, 4, 0, "nope"));
        // `&` too, and in a second file.
        EXPECT_EQ(error(link(le(a), {":x", "&y"})), make_error(ErrorKind::undefined_label, 1, 1, 0, "y"));
        // Target before base: "%x>y" with neither defined -> x at offset 1.
        EXPECT_EQ(error(link(le(a), {"%x>y"})), make_error(ErrorKind::undefined_label, 0, 1, 0, "x"));
        // Base after a defined target: ":x %x>y" -> y at offset 6.
        EXPECT_EQ(error(link(le(a), {":x %x>y"})), make_error(ErrorKind::undefined_label, 0, 6, 0, "y"));
    }
}

TEST(Hex2FastErrors, DisplacementOutOfRangeEverywhereButRiscv) {
    // With `>base` the value is t - base on every architecture: :lo at 0, 128 bytes, :hi, then
    // "!hi>lo" = 128 does not fit one signed byte; the '!' is at offset 4 + 256 + 5 = 265.
    const std::string text = ":lo " + hex_zeros(128) + " :hi !hi>lo";
    for (Architecture a : all_architectures) {
        SCOPED_TRACE(std::string(architecture_name(a)));
        if (encoding::word_arch(a)) {
            // On RISC-V `!` is an I-type word reference: unchecked, and '>' ends its name
            // ("lo" is then text: no digits... 'l','o' are not hex) -> 128 zero bytes, no error.
            EXPECT_EQ(output(link(le(a), {text})), zeros(128));
        } else {
            EXPECT_EQ(error(link(le(a), {text})), make_error(ErrorKind::displacement_out_of_range, 0, 265, 128));
        }
    }
}

TEST(Hex2FastErrors, NulInNameEverywhere) {
    for (Architecture a : all_architectures) {
        SCOPED_TRACE(std::string(architecture_name(a)));
        // In a label: at the ':' (offset 3).
        EXPECT_EQ(error(link(le(a), {std::string("00 :a\0b 11", 10)})), make_error(ErrorKind::nul_in_name, 0, 3));
        // In a reference name: at the sigil (offset 3).
        EXPECT_EQ(error(link(le(a), {std::string("00 &a\0", 6)})), make_error(ErrorKind::nul_in_name, 0, 3));
        // In a base name: at the sigil (offset 0).
        EXPECT_EQ(error(link(le(a), {std::string("%a>b\0c", 6)})), make_error(ErrorKind::nul_in_name, 0, 0));
        // A NUL as the whole name.
        EXPECT_EQ(error(link(le(a), {std::string(":\0", 2)})), make_error(ErrorKind::nul_in_name, 0, 0));
    }
}

TEST(Hex2FastErrors, UnterminatedWordOnlyOnRiscv) {
    for (Architecture a : all_architectures) {
        SCOPED_TRACE(std::string(architecture_name(a)));
        const Result r = link(le(a), {"11 .22"});
        if (encoding::word_arch(a))
            EXPECT_EQ(error(r), make_error(ErrorKind::unterminated_word, 0, 3));
        else
            EXPECT_EQ(output(r), bytes({0x11, 0x22}));
    }
}

TEST(Hex2FastErrors, TokenizingErrorsComeFirst) {
    // File 0 has an undefined label (a pass-2 error), file 1 a NUL in a name (pass 1): the NUL wins.
    EXPECT_EQ(error(link(config(), {"%undefined", std::string("00 :a\0", 6)})), make_error(ErrorKind::nul_in_name, 1, 3));
    // riscv: an unterminated word in the last file beats an out-of-range B-type in the first.
    EXPECT_EQ(error(link(le(Architecture::riscv32), {"@a 00 :a", ".00"})), make_error(ErrorKind::unterminated_word, 1, 0));
    // Among tokenizing errors, the earliest in input order: NUL name at 0 before the word at 4.
    EXPECT_EQ(error(link(le(Architecture::riscv32), {std::string(":\0 .", 4)})), make_error(ErrorKind::nul_in_name, 0, 0));
}

TEST(Hex2FastErrors, FirstResolutionErrorInInputOrder) {
    // "%x %y": x is reported, not y. Across files: file 0's error before file 1's.
    EXPECT_EQ(error(link(config(), {"%x %y"})), make_error(ErrorKind::undefined_label, 0, 1, 0, "x"));
    EXPECT_EQ(error(link(config(), {"00", "%x", "%y"})), make_error(ErrorKind::undefined_label, 1, 1, 0, "x"));
    // A range error before an undefined label: ":a " + 200 bytes + "!a %zz" -> '!' first.
    EXPECT_EQ(error(link(config(), {":a " + hex_zeros(200) + " !a %zz"})).kind, ErrorKind::displacement_out_of_range);
}

TEST(Hex2FastErrors, AlignmentCheckBeforeRangeCheck) {
    // armv7l "^!a 00 00 :a": target 3 is unaligned -> unaligned_branch_target (not a range error).
    EXPECT_EQ(error(link(le(Architecture::armv7l), {"^!a 00 00 :a"})),
              make_error(ErrorKind::unaligned_branch_target, 0, 1, 0, "a"));
    // Undefined target before alignment: "^!zz" -> undefined_label at 2.
    EXPECT_EQ(error(link(le(Architecture::armv7l), {"^!zz"})), make_error(ErrorKind::undefined_label, 0, 2, 0, "zz"));
}

// ---------------------------------------------------------------------------------------------
// Two threads
// ---------------------------------------------------------------------------------------------
//
// With Threading::background (any size; automatic from 2 MiB on) a second thread reads from a
// line start near the byte middle of all inputs as if its output started at an address that is a
// multiple of 4, with no byte digit pending, no `^` waiting and an empty RISC-V shift register;
// the first thread checks those assumptions at the cut, and reads on itself (or everything again)
// when one fails. The cases below put the cut on each edge of that scheme: each must give exactly
// what one thread gives.

using split::Place;

// `p` past empty texts: a place at the end of a text is the start of the next one.
Place normalized(Place p, const std::vector<std::string>& texts) {
    while (p.file < texts.size() && p.offset == texts[p.file].size()) p = Place{p.file + 1, 0};
    return p;
}

// Where the second thread starts on `texts` under `c`, worked out again from hex2_fast.cpp's
// description: after the first `\n` from the byte middle (half the size of all texts, rounded
// down) on, or at the next text's start; where `<` pads, after the next line that starts with `<`
// (within 1 MiB) when another line of the same text follows it. {texts.size(), 0}: nowhere.
Place second_thread_start(const Hex2Config& c, const std::vector<std::string>& texts) {
    std::size_t total = 0;
    for (const std::string& t : texts) total += t.size();
    std::size_t skip = total / 2;
    std::size_t f = 0;
    while (f < texts.size() && skip >= texts[f].size()) skip -= texts[f++].size();
    if (f == texts.size()) return Place{texts.size(), 0};
    const std::size_t newline = texts[f].find('\n', skip);
    Place cut = normalized(newline == std::string::npos ? Place{f + 1, 0} : Place{f, newline + 1}, texts);
    if (cut.file < texts.size() && cut.offset != 0 && encoding::pads(c.architecture)) {
        const std::string& t = texts[cut.file];
        const std::size_t align = t.find("\n<", cut.offset - 1);
        if (align != std::string::npos && align + 2 - (cut.offset - 1) <= (std::size_t{1} << 20)) {
            const std::size_t end_of_line = t.find('\n', align + 2);
            if (end_of_line != std::string::npos && end_of_line + 1 != t.size()) cut.offset = end_of_line + 1;
        }
    }
    return cut;
}

// A two-thread case: the texts, and where the second thread is meant to start.
struct Halves {
    std::vector<std::string> texts;
    Place cut;  // {texts.size(), 0}: nowhere, one thread reads it all
};

// Takes the markers out of `texts`: `|` where the second thread is meant to start (right after a
// `\n`, at a text's start, or at the very end for nowhere), and `[` on the byte meant to be the
// byte middle (by default the byte before `|`). Spaces at the start of the first text, or at the
// end of the last, then put the byte middle there.
Halves at_markers(std::vector<std::string> texts) {
    Halves h;
    std::size_t total = 0, middle = 0, cut_at = 0;
    int cuts = 0, middles = 0;
    for (std::size_t f = 0; f != texts.size(); ++f) {
        std::string t;
        for (const char c : texts[f]) {
            if (c == '|') {
                h.cut = Place{f, t.size()};
                cut_at = total + t.size();
                ++cuts;
            } else if (c == '[') {
                middle = total + t.size();
                ++middles;
            } else {
                t += c;
            }
        }
        texts[f] = t;
        total += t.size();
    }
    EXPECT_EQ(cuts, 1);
    EXPECT_LE(middles, 1);
    EXPECT_GT(cut_at, 0u);
    if (middles == 0) middle = cut_at - 1;
    const bool nowhere = cut_at == total;
    if (total >= 2 * middle) {
        const std::size_t pad = total - 2 * middle;
        texts.front().insert(0, pad, ' ');
        if (h.cut.file == 0) h.cut.offset += pad;
        middle += pad;
        total += pad;
    } else {
        texts.back().append(2 * middle - total, ' ');
        total = 2 * middle;
    }
    EXPECT_EQ(total / 2, middle);
    h.cut = nowhere ? Place{texts.size(), 0} : normalized(h.cut, texts);
    h.texts = std::move(texts);
    return h;
}

// The output bytes in hex, or every field of the error.
std::string describe(const Result& r) {
    static const char digits[] = "0123456789ABCDEF";
    std::string s;
    if (const auto* out = std::get_if<std::string>(&r)) {
        s = "bytes";
        for (const char c : *out) {
            const auto b = static_cast<unsigned char>(c);
            s += ' ';
            s += digits[b >> 4];
            s += digits[b & 15];
        }
        return s;
    }
    const Error& e = std::get<Error>(r);
    s = "error " + std::string(error_kind_name(e.kind)) + " file " + std::to_string(e.file) + " offset " +
        std::to_string(e.offset) + " value " + std::to_string(e.value) + " subject";
    for (const char c : e.subject) {
        const auto b = static_cast<unsigned char>(c);
        s += ' ';
        s += digits[b >> 4];
        s += digits[b & 15];
    }
    return s;
}

std::string describe(const Hex2Config& c) {
    return std::string(architecture_name(c.architecture)) + (c.big_endian ? " BE" : " LE") + " base " +
           std::to_string(c.base_address) + " mode " + std::to_string(static_cast<int>(c.byte_mode));
}

// Checks that the second thread starts where `h` means it to, links `h` with a second thread and
// with one, and expects the same result; returns it.
Result expect_threads_agree(const Hex2Config& c, const Halves& h) {
    SCOPED_TRACE(describe(c));
    const Place start = second_thread_start(c, h.texts);
    EXPECT_TRUE(start.file == h.cut.file && start.offset == h.cut.offset)
        << "the second thread starts at text " << start.file << " offset " << start.offset << ", not at text "
        << h.cut.file << " offset " << h.cut.offset;
    const std::vector<Input> inputs = files(h.texts);
    const Result one = hex2_fast::link(c, inputs, Threading::single);
    const Result two = hex2_fast::link(c, inputs, Threading::background);
    EXPECT_EQ(describe(two), describe(one));
    return one;
}

// The bytes `values` as byte digits of `mode`, separated by blanks.
std::string data(ByteMode mode, std::initializer_list<unsigned> values) {
    const unsigned radix = mode == ByteMode::hex ? 16u : mode == ByteMode::octal ? 8u : 2u;
    const std::size_t width = mode == ByteMode::hex ? 2 : mode == ByteMode::octal ? 3 : 8;
    std::string s;
    for (unsigned v : values) {
        if (!s.empty()) s += ' ';
        std::string d(width, '0');
        for (std::size_t i = width; i-- != 0; v /= radix) d[i] = "0123456789ABCDEF"[v % radix];
        s += d;
    }
    return s;
}

// Lines for each side of the cut, 24 bytes each (a multiple of 4 everywhere): labels p0 p1 / q0
// q1, and four-byte references (never out of range, on RISC-V too) to both sides, with and without
// `>base`.
std::string before_cut(ByteMode mode = ByteMode::hex) {
    return ":p0\n" + data(mode, {0x00, 0x11, 0x22, 0x33}) + "\n%p1 &q0\n:p1\n" + data(mode, {0x44, 0x55, 0x66, 0x77}) +
           "\n%q1>p0 &p1\n";
}
std::string after_cut(ByteMode mode = ByteMode::hex) {
    return ":q0\n" + data(mode, {0x88, 0x99, 0xAA, 0xBB}) + "\n%p0 &q1\n:q1\n" + data(mode, {0xCC, 0xDD, 0xEE, 0xFF}) +
           "\n%p1>q1 &q0\n";
}

// Each architecture of `architectures` in both byte orders, at base addresses that are and are
// not multiples of 4 (the last one wraps).
std::vector<Hex2Config> split_configs(const std::vector<Architecture>& architectures, ByteMode mode) {
    struct Variant {
        bool big_endian;
        std::uint32_t base;
    };
    constexpr Variant variants[] = {{false, 0}, {true, 0x1000}, {false, 0x1001}, {true, 0x2002}, {false, 0xFFFFFFFD}};
    std::vector<Hex2Config> v;
    for (Architecture a : architectures)
        for (const Variant& w : variants) v.push_back(config(a, w.big_endian, w.base, mode));
    return v;
}

TEST(Hex2FastThreads, TwoStretchesAgreeWithOne) {
    using A = Architecture;
    const std::vector<A> every(std::begin(all_architectures), std::end(all_architectures));
    const std::vector<A> padding = {A::armv7l, A::aarch64, A::riscv32, A::riscv64};
    const std::vector<A> no_padding = {A::knight, A::x86, A::amd64, A::ppc64le};
    const std::string p = before_cut(), q = after_cut();
    const std::string p8 = before_cut(ByteMode::octal), q8 = after_cut(ByteMode::octal);
    const std::string p2 = before_cut(ByteMode::binary), q2 = after_cut(ByteMode::binary);
    const std::string nul(1, '\0');
    const auto filler = [](int n) {  // n bytes
        std::string s;
        for (int i = 0; i != n; ++i) s += "AA ";
        return s;
    };
    struct Case {
        std::string what;
        std::vector<std::string> texts;  // `|` the cut, `[` the middle (at_markers)
        std::vector<A> architectures;
        ByteMode mode = ByteMode::hex;
    };
    const std::vector<Case> cases = {
        // 1. A byte digit pending at the cut: everything is read again on one thread.
        {"digit pending", {p + "00 1\n|2 33\n" + q}, every},
        {"digit pending, a label after the cut", {p + "00 1\n|:m 2 &m\n" + q}, every},
        {"digit pending before a `.` word (it needs one digit less)", {p + "1\n|.0000001 3 44 55 66 77\n" + q}, every},
        {"digit pending at a text's end, the cut at the next text", {p + "00 1", "|23 " + q}, every},
        {"octal: two digits pending", {p8 + "1 0\n|1 101\n" + q8}, every, ByteMode::octal},
        {"octal: one digit pending", {p8 + "10\n|1 101\n" + q8}, every, ByteMode::octal},
        {"binary: four bits pending", {p2 + "0100\n|0001 01000010\n" + q2}, every, ByteMode::binary},
        // 2. A RISC-V `.` word across the cut (elsewhere `.` is text): read again on one thread.
        {"`.` word across the cut", {p + ".0000\n|0013 11 22 33 44\n" + q}, every},
        {"`.` word and a comment across the cut", {p + ".0000 # more below\n|0013 11 22 33 44\n" + q}, every},
        {"`.` word across the cut, a `:` skipped in it", {p + "11 .00\n|00 :x 00 13 22 33 44 55 &x\n" + q}, every},
        {"`.` word across the cut, never ended", {p + ".0000\n|00\n"}, every},
        {"`<` line inside a `.` word across the cut", {p + ".00[\n<00\n|0000 11 22 33 44\n" + q}, padding},
        {"octal: `.` word across the cut", {p8 + ".000 000\n|000 023 101\n" + q8}, every, ByteMode::octal},
        // 3. `^` waiting at the cut: the first thread reads on.
        {"`^` waits", {p + "^\n|~t 00\n:t\n" + q}, every},
        {"`^` then a comment line", {p + "^ # flag\n|%t\n:t\n" + q}, every},
        {"`^` used before the cut, another after it", {p + "^~t 00\n|:t 00 ^~t 00\n" + q}, every},
        {"`^` waits past a `>base` reference", {p + "^\n|~t>p0 00\n:t 00 ~t\n" + q}, every},
        // 4. The RISC-V shift register holds `.` word bytes at the cut: the first thread reads on.
        {"`.` word bytes wait", {p + ".13000000\n|11 22 33 44 55\n" + q}, every},
        {"`.` word half used", {p + ".12345678 11 22\n|33 44 55\n" + q}, every},
        {"`.` word bytes wait, a field after the cut", {p + ".12345678 11\n|&p0 22 33 44\n" + q}, every},
        {"a zero `.` word before the cut", {p + ".00000000\n|11\n" + q}, every},
        {"a `.` word used up before the cut", {p + ".12345678 11 22 33 44\n|55\n" + q}, every},
        {"octal: `.` word bytes wait", {p8 + ".000 000 000 023\n|101 102 103 104\n" + q8}, every, ByteMode::octal},
        // 5. RISC-V word references before the cut whose bytes reach data after it (carry_past).
        {"word reference bytes reach past the cut", {p + "!q1\n|11 22 33 44\n" + q}, every},
        {"... past a four-byte field", {p + "!q1\n|&p0 11 22 33 44\n" + q}, every},
        {"... past padding", {p + "!q1\n|11 <\n22 33 44 55\n" + q}, every},
        {"... past a field, padding and another field", {p + "!p0 !q0\n|%p1 11 <\n22 &q1 33 44 55\n" + q}, every},
        {"... past padding at the second stretch's start", {p + "AA !q1[\n|<\n", "22 33 44 55\n" + q}, padding},
        {"word references on both sides", {p + "!q1\n|!q0 11 22 33 44 55\n" + q}, every},
        {"word reference bytes reach the last byte", {p + q + "!q1\n|11\n"}, every},
        {"word reference bytes at the second stretch's end", {p + "11\n|" + q + "!q1 22 33 44 55\n"}, every},
        {"word reference bytes reach past the end", {p + q + "!q1\n|:z\n# the end\n"}, every},
        {"word reference at a text's end, the cut at the next text", {p + "!q1", "|11 22 33 44\n" + q}, every},
        {"binary: word reference bytes reach past the cut",
         {p2 + "!q1\n|" + data(ByteMode::binary, {0x11, 0x22, 0x33, 0x44}) + "\n" + q2},
         every,
         ByteMode::binary},
        // 6. `<` after the cut: the second stretch holds when the first ends at a multiple of 4.
        {"`<` after the cut, first stretch 0 (mod 4)", {p + filler(0) + "\n|11 <\n22\n" + q}, every},
        {"`<` after the cut, first stretch 1 (mod 4)", {p + filler(1) + "\n|11 <\n22\n" + q}, every},
        {"`<` after the cut, first stretch 2 (mod 4)", {p + filler(2) + "\n|11 <\n22\n" + q}, every},
        {"`<` after the cut, first stretch 3 (mod 4)", {p + filler(3) + "\n|11 <\n22\n" + q}, every},
        {"a `<` line after the middle: the cut moves past it", {p + "AA[\n<\n|BB 11 <\n22\n" + q}, padding},
        {"... not where `<` does nothing", {p + "AA\n|<\nBB 11 <\n22\n" + q}, no_padding},
        {"a `<` line with a byte after the `<`", {p + "AA[\n< 11\n|22 <\n33\n" + q}, padding},
        {"a `<` line without a line after it", {p + "AA[\n|< 11"}, padding},
        {"binary: `<` after the cut, first stretch 1 (mod 4)",
         {p2 + "10101010\n|00010001 <\n00100010\n" + q2},
         every,
         ByteMode::binary},
        // 7. Labels: the later definition wins, whichever stretch uses it.
        {"a label on both sides, used on both", {p + ":x 00\n&x %x>p0\n|:x 11 &x %x>p0\n" + q}, every},
        {"a label defined twice after the cut, used before", {p + "&z %z\n|:z 00 :z 11\n" + q}, every},
        {"labels of each side used on the other", {p + "&q1 %q0>p1\n|&p1 %p0>q1\n" + q}, every},
        {"`>base` from one side to the other", {p + ":a 00 00\n%b>a &b>a\n|:b 11\n%a>b &a>b\n" + q}, every},
        {"the end-of-file name defined after the cut", {p + "&\xff\n|11 :", q}, every},
        {"octal: a label on both sides", {p8 + ":x 101 &x\n|:x 102 &x\n" + q8}, every, ByteMode::octal},
        // 8. Texts: the cut at a text's start, inside the second of three, around empty texts.
        {"the cut at a text's start", {p, "|" + q}, every},
        {"the middle in a text's last line, no `\\n` after it", {p + "11 22", "|33\n" + q}, every},
        {"the cut inside the second of three texts", {"11\n" + p, "22\n|33 &m\n" + q, ":m 44\n"}, every},
        {"an empty text before the cut", {p, "", "|" + q}, every},
        {"empty texts at the cut", {p + "|", "", q}, every},
        {"a label in three texts", {p + ":m 00\n", ":m 11\n|&m %m\n" + q, ":m 22\n"}, every},
        {"empty texts after the cut", {p + q + "11\n|22\n", "", ""}, every},
        // 9. Little or nothing after the cut.
        {"the second stretch writes nothing", {p + q + ":end\n|# only a comment\n"}, every},
        {"the second stretch only defines a label", {p + q + "&end\n|:end\n"}, every},
        {"no line start after the middle: one thread", {p + q + "11 :end|"}, every},
        // 10. Lexical errors: the first in input order; before any resolution error.
        {"NUL in a name before the cut", {p + ":a" + nul + "b\n|11\n" + q}, every},
        {"NUL in a name after the cut", {p + "11\n|:a" + nul + "b\n" + q}, every},
        {"NUL in names on both sides", {p + "&a" + nul + "b\n|:c" + nul + "d\n" + q}, every},
        {"`.` word cut off at the end", {p + "11\n|" + q + "22 .00"}, every},
        {"`.` word cut off at a text's end before the cut", {p + ".00", "11\n|22\n" + q}, every},
        {"NUL after the cut, an undefined label before", {p + "%missing\n|:a" + nul + "b\n" + q}, every},
        {"NUL after the cut, `<` after the cut", {p + "AA\n|11 <\n:a" + nul + "b\n" + q}, every},
        {"NUL after the cut, `^` waits", {p + "^\n|:a" + nul + "b\n" + q}, every},
        {"`.` word cut off after the cut, a range error before", {p + "@odd 11\n:odd\n|" + q + ".00"}, every},
        // 11. Resolution errors: the first in input order.
        {"undefined label before the cut", {p + "%nope\n|11\n" + q}, every},
        {"undefined label after the cut", {p + "11\n|%nope\n" + q}, every},
        {"undefined labels on both sides", {p + "%one\n|%two\n" + q}, every},
        {"undefined label after the cut, `.` word bytes wait", {p + ".12345678\n|%nope 11\n" + q}, every},
        {"displacement out of range after the cut", {":far\n" + p + hex_zeros(120) + "\n|!far\n" + q}, every},
        {"displacement out of range before, undefined after",
         {p + "!far\n|%nope\n" + hex_zeros(130) + "\n:far\n" + q},
         every},
        {"RISC-V field out of range after the cut", {p + ":odd 11\n|@odd 22\n" + q}, every},
        {"RISC-V field out of range before the cut", {p + "@odd\n|11\n:odd\n" + q}, every},
        {"RISC-V field out of range after word reference bytes", {p + "!q1\n|11 $odd 22\n:odd\n" + q}, every},
        {"unaligned branch target after the cut", {p + "11\n|^~odd 00\n:odd\n" + q}, every},
        {"unaligned branch target before, undefined after", {p + "^~odd\n|:odd\n%nope\n" + q}, every},
    };
    for (const Case& k : cases) {
        SCOPED_TRACE(k.what);
        const Halves h = at_markers(k.texts);
        for (const Hex2Config& c : split_configs(k.architectures, k.mode)) expect_threads_agree(c, h);
    }
}

// The same edges with their results worked out by hand, so that agreement is not all there is.
TEST(Hex2FastThreads, ResultsByHand) {
    using A = Architecture;
    const auto expect = [](const Hex2Config& c, const std::vector<std::string>& texts, const std::string& out) {
        EXPECT_EQ(describe(expect_threads_agree(c, at_markers(texts))), describe(out));
    };
    // Labels on both sides: :x at 0, 00, &x at 1..4, :x at 5 (wins), 11, &x at 6..9.
    expect(config(), {":x 00\n&x\n|:x 11\n&x\n"}, bytes({0x00, 0x00, 0x00, 0x00, 0x05, 0x11, 0x00, 0x00, 0x00, 0x05}));
    // `>base` across the cut: a = 0, %b>a at 2..5, b = 6, %a>b at 7..10: 6 and -6.
    expect(config(), {":a 00 00\n%b>a\n|:b 11\n%a>b\n"},
           bytes({0x00, 0x00, 0x00, 0x00, 0x00, 0x06, 0x11, 0xFF, 0xFF, 0xFF, 0xFA}));
    // `<` after the cut, the first stretch 1 byte long: 11 at 0, 22 at 1, `<` at 2 pads 2 bytes.
    expect(le(A::armv7l), {"11\n|22 <\n33\n"}, bytes({0x11, 0x22, 0x00, 0x00, 0x33}));
    expect(le(A::riscv64), {"11\n|22 <\n33\n"}, bytes({0x11, 0x22, 0x00, 0x00, 0x33}));
    // ... at base 3: 11 at 3, 22 at 4, `<` at 5 pads 3 bytes; at base 2: `<` at 4 pads none.
    expect(le(A::aarch64, 3), {"11\n|22 <\n33\n"}, bytes({0x11, 0x22, 0x00, 0x00, 0x00, 0x33}));
    expect(le(A::aarch64, 2), {"11\n|22 <\n33\n"}, bytes({0x11, 0x22, 0x33}));
    // ... and nothing where `<` does nothing.
    expect(le(A::amd64), {"11\n|22 <\n33\n"}, bytes({0x11, 0x22, 0x33}));
    // `^` waiting at the cut: ~t at 0..2 (b = 3), 00, t = 4.
    //   aarch64: (4 - (3 & ~3)) >> 2 = 1 -> 01 00 00.
    //   armv7l:  ((4 - 3 + (3 & 3)) >> 2) - 2 = -1 -> FF FF FF.
    //   ppc64le: (4 - (3 & ~3)) | 1 = 5 -> 05 00 00.
    expect(le(A::aarch64), {"^\n|~t 00\n:t\n"}, bytes({0x01, 0x00, 0x00, 0x00}));
    expect(le(A::armv7l), {"^\n|~t 00\n:t\n"}, bytes({0xFF, 0xFF, 0xFF, 0x00}));
    expect(le(A::ppc64le), {"^\n|~t 00\n:t\n"}, bytes({0x05, 0x00, 0x00, 0x00}));
    // `.` word bytes waiting at the cut: BE .13000000 is the register 0x13000000, lowest byte
    // first: 11, 22, 33, 44^13 = 57. LE it is 0x00000013: 11^13 = 02.
    expect(config(A::riscv32), {".13000000\n|11 22 33 44\n"}, bytes({0x11, 0x22, 0x33, 0x57}));
    expect(le(A::riscv32), {".13000000\n|11 22 33 44\n"}, bytes({0x02, 0x22, 0x33, 0x44}));
    // A `.` word across the cut: digits 0000 0013, BE 0x00000013: 11^13 = 02.
    expect(config(A::riscv64), {".0000\n|0013 11 22 33 44\n"}, bytes({0x02, 0x22, 0x33, 0x44}));
    // A word reference's bytes past a field after the cut: AA at 0, !t at 1, &t at 1..4, 11 22 33
    // 44 at 5..8, t = 9. !t: ((9 - 1 + 4) & 0xFFF) << 20 = 0x00C00000, onto the data bytes after
    // 1 (the field skipped): 11, 22, 33^C0 = F3, 44. &t = 9.
    expect(config(A::riscv32), {"AA !t\n|&t 11 22 33 44 :t\n"},
           bytes({0xAA, 0x00, 0x00, 0x00, 0x09, 0x11, 0x22, 0xF3, 0x44}));
    expect(le(A::riscv32), {"AA !t\n|&t 11 22 33 44 :t\n"},
           bytes({0xAA, 0x09, 0x00, 0x00, 0x00, 0x11, 0x22, 0xF3, 0x44}));
    // ... past padding: AA BB CC DD at 0..3, !t at 4, 11 at 4, `<` at 5 pads 3, 22 33 44 at
    // 8..10, t = 11. !t: (7 + 4) << 20 = 0x00B00000: 11, 22, 33^B0 = 83, 44.
    expect(config(A::riscv32), {"AA BB CC DD !t\n|11 <\n22 33 44 :t\n"},
           bytes({0xAA, 0xBB, 0xCC, 0xDD, 0x11, 0x00, 0x00, 0x00, 0x22, 0x83, 0x44}));
    // ... past padding that starts the second stretch (the `<` line is its text's last line, so
    // the cut stays before it; the first stretch ends at 1, so the first thread reads on): AA at
    // 0, !t at 1, `<` at 1 pads 3, 11 22 33 at 4..6 (next text), t = 7. !t: (6 + 4) << 20 =
    // 0x00A00000: 11, 22, 33^A0 = 93.
    expect(config(A::riscv64), {"AA !t[\n|<\n", "11 22 33 :t\n"}, bytes({0xAA, 0x00, 0x00, 0x00, 0x11, 0x22, 0x93}));
    // Octal digits pending at the cut: "1 0" and "1" make 101 = 0x41, then 101 = 0x41.
    expect(config(A::knight, true, 0, ByteMode::octal), {"1 0\n|1 101\n"}, "AA");
}

TEST(Hex2FastThreads, ErrorsByHand) {
    using A = Architecture;
    const std::string nul(1, '\0');
    // A NUL in a name after the cut beats an undefined label before it.
    Halves h = at_markers({"%nope\n|:a" + nul + "b\n"});
    EXPECT_EQ(describe(expect_threads_agree(config(), h)),
              describe(make_error(ErrorKind::nul_in_name, 0, h.texts[0].find(':'))));
    // Of two NULs, the first; of two undefined labels, the first.
    h = at_markers({":a" + nul + "\n|:b" + nul + "\n"});
    EXPECT_EQ(describe(expect_threads_agree(config(), h)),
              describe(make_error(ErrorKind::nul_in_name, 0, h.texts[0].find(':'))));
    h = at_markers({"%one\n|%two\n"});
    EXPECT_EQ(describe(expect_threads_agree(config(), h)),
              describe(make_error(ErrorKind::undefined_label, 0, h.texts[0].find("one"), 0, "one")));
    // The same across texts: file 1's NUL beats file 0's undefined label.
    h = at_markers({"%nope\n", "|:a" + nul + "\n"});
    EXPECT_EQ(describe(expect_threads_agree(config(), h)), describe(make_error(ErrorKind::nul_in_name, 1, 0)));
    // A `.` word cut off after the cut beats an undefined label before it.
    h = at_markers({"%nope\n|11 .00\n"});
    EXPECT_EQ(describe(expect_threads_agree(le(A::riscv64), h)),
              describe(make_error(ErrorKind::unterminated_word, 0, h.texts[0].find('.'))));
    // After the cut: 11 at 0, @t at 1, 22, t = 2: the value 1 is odd.
    h = at_markers({"11\n|@t 22\n:t\n"});
    EXPECT_EQ(describe(expect_threads_agree(le(A::riscv32), h)),
              describe(make_error(ErrorKind::riscv_field_out_of_range, 0, h.texts[0].find('@'), 1)));
    // After the cut: ^~t at 2..4, 00, t = 6 is not a multiple of 4.
    h = at_markers({"00 00\n|^~t 00\n:t\n"});
    EXPECT_EQ(describe(expect_threads_agree(le(A::armv7l), h)),
              describe(make_error(ErrorKind::unaligned_branch_target, 0, h.texts[0].find('~'), 0, "t")));
    // After the cut, to a label after it: !far at 1 (b = 2), 200 bytes, far = 202: 200.
    h = at_markers({"11\n|!far\n" + hex_zeros(200) + "\n:far\n"});
    EXPECT_EQ(describe(expect_threads_agree(config(), h)),
              describe(make_error(ErrorKind::displacement_out_of_range, 0, h.texts[0].find('!'), 200)));
}

// When the cut is a text's start and the first thread reads on itself (a `^` waits, which on
// architectures without `^` it does forever; the RISC-V shift register holds `.` word bytes; or
// the second stretch met a `<` where the first ends at an address that is not a multiple of 4), the
// references of that text are still names in that text.
TEST(Hex2FastThreads, FirstThreadReadsOnFromATextStart) {
    using A = Architecture;
    const auto expect = [](const Hex2Config& c, const std::vector<std::string>& texts, const Result& out) {
        try {
            EXPECT_EQ(describe(expect_threads_agree(c, at_markers(texts))), describe(out));
        } catch (const std::exception& e) {  // so that each case is reported
            ADD_FAILURE() << describe(c) << ": " << e.what();
        }
    };
    // 00 at 0, `<` at 1 pads 3, %a at 4..7 (b = 8), a = 8: 8 - 8 - 8 + 0 = -8.
    expect(le(A::armv7l), {"00", "|<\n%a\n:a\n"}, bytes({0x00, 0x00, 0x00, 0x00, 0xF8, 0xFF, 0xFF, 0xFF}));
    // `^` is never used on amd64: 00, %a at 1..4, a = 5: 0.
    expect(le(A::amd64), {"^ 00", "|%a\n:a\n"}, bytes({0x00, 0x00, 0x00, 0x00, 0x00}));
    // `^~a` at 4..6 (b = 7), 00, a = 8: (8 - 4) >> 2 = 1.
    expect(le(A::aarch64), {"00 00 00 00 ^", "|~a 00\n:a\n"}, bytes({0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00}));
    // LE .00000013 is the register 0x13000000: 00, %a at 1..4 (skipped), 00, 00, 00^13; a = 8: 3.
    expect(le(A::riscv64), {".00000013", "|00 %a 00 00 00\n:a\n"},
           bytes({0x00, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x13}));
    // `$` at the end of the text names "\xFF", undefined: at the end of text 1.
    expect(le(A::amd64), {"^ 00", "|:a $"}, make_error(ErrorKind::undefined_label, 1, 4, 0, "\xFF"));
}

// From 2 MiB on, Threading::automatic reads in two stretches (on two cores or more).
TEST(Hex2FastThreads, AutomaticOnLargeInputs) {
    using A = Architecture;
    std::string riscv, other;
    for (int i = 0; i != 40000; ++i) {
        const std::string n = std::to_string(i), back = std::to_string(i / 2), ahead = std::to_string(i + 7);
        riscv += ":L" + n + "\n!L" + back + " 13050500 ~L" + ahead + " 17050000 .00000513 00000000 &L" + back +
                 " %L" + ahead + "\n<\n";
        other += ":L" + n + "\n^%L" + back + " 13050500 &L" + ahead + " 170500 %L" + ahead + ">L" + back + "\n<\n";
    }
    ASSERT_GE(riscv.size(), split::second_thread_threshold);
    ASSERT_GE(other.size(), split::second_thread_threshold);
    for (const Hex2Config& c : {le(A::riscv64), config(A::riscv32, true, 0x10000)}) {
        SCOPED_TRACE(describe(c));
        EXPECT_EQ(describe(hex2_fast::link(c, files({riscv}), Threading::automatic)),
                  describe(hex2_fast::link(c, files({riscv}), Threading::single)));
    }
    for (const Hex2Config& c : {le(A::armv7l), le(A::aarch64), le(A::amd64), config(A::knight)}) {
        SCOPED_TRACE(describe(c));
        EXPECT_EQ(describe(hex2_fast::link(c, files({other}), Threading::automatic)),
                  describe(hex2_fast::link(c, files({other}), Threading::single)));
    }
}

}  // namespace
}  // namespace hexproof
