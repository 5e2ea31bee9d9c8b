// The hex2 clauses, on every engine: one or more tests per hex2 clause of ../shared/SEMANTICS.md
// and per row of the hex2 error table of docs/contract.md, each run on the fast and the
// reference engine through the engine interface.
//
// Every expected byte string is computed by hand; the arithmetic is in the comment beside it.
// Notation: `ip` is the address counter, `b` the address after a reference field, `t` the target.
// Fields are written big endian unless the test says LE.
#include <gtest/gtest.h>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include "encoding.hpp"
#include "engine.hpp"
#include "engine_fixture.hpp"
#include "hex2_test_support.hpp"

namespace hexproof {
namespace {

using namespace hex2_test;

// The clauses hold on every engine: each test runs once per engine.
class Hex2Clauses : public OnEveryEngine {
protected:
    Result link(const Hex2Config& c, const std::vector<Input>& inputs) const {
        if (!engine()) return Error{};  // SetUp reports it
        return engine()->link(c, inputs);
    }
    Result link(const Hex2Config& c, std::initializer_list<std::string> texts) const {
        return link(c, files(texts));
    }
};

class Hex2Bytes : public Hex2Clauses {};
class Hex2Labels : public Hex2Clauses {};
class Hex2References : public Hex2Clauses {};
class Hex2Architectures : public Hex2Clauses {};
class Hex2Align : public Hex2Clauses {};
class Hex2Riscv : public Hex2Clauses {};
class Hex2Errors : public Hex2Clauses {};

// ---------------------------------------------------------------------------------------------
// Bytes
// ---------------------------------------------------------------------------------------------

TEST_P(Hex2Bytes, HexPairsMakeBytes) {
    // 48 65 6c 6C 6f = "Hello"; upper and lower case digits alike.
    EXPECT_EQ(output(link(config(), {"48 65 6c 6C 6f"})), "Hello");
    EXPECT_EQ(output(link(config(), {"aB Cd\n"})), bytes({0xAB, 0xCD}));
}

TEST_P(Hex2Bytes, NibbleStateSurvivesSkippedText) {
    // SEMANTICS: `4 8` and `4 # c\n8` are the byte 48; non-digits such as g, x, h are skipped too.
    EXPECT_EQ(output(link(config(), {"4 8"})), "H");
    EXPECT_EQ(output(link(config(), {"4 # c\n8"})), "H");
    EXPECT_EQ(output(link(config(), {"4 ; ff\n8"})), "H");
    EXPECT_EQ(output(link(config(), {"g4h8"})), "H");
    // "0x41": digits 0,4,1 -> byte 0x04, the odd 1 is dropped at end of file.
    EXPECT_EQ(output(link(config(), {"0x41"})), bytes({0x04}));
}

TEST_P(Hex2Bytes, CommentRunsToNewlineOrCarriageReturn) {
    // "# ab\r cd": the comment ends at \r, so cd is a byte; "# ab\n12" likewise 12.
    EXPECT_EQ(output(link(config(), {"# ab\r cd"})), bytes({0xCD}));
    EXPECT_EQ(output(link(config(), {"# ab\n12"})), bytes({0x12}));
    // Sigils inside a comment are comment text: no label, no reference, no error.
    EXPECT_EQ(output(link(config(), {"# :a !b %c <\n00"})), bytes({0x00}));
    // A comment at end of file without a newline.
    EXPECT_EQ(output(link(config(), {"11 # 22"})), bytes({0x11}));
}

TEST_P(Hex2Bytes, OddTrailingNibbleDropped) {
    // "123": 12, then 3 is pending at end of file and dropped.
    EXPECT_EQ(output(link(config(), {"123"})), bytes({0x12}));
}

TEST_P(Hex2Bytes, NibbleStateResetsPerFile) {
    // File 0 "1" leaves a pending nibble that file 1 does not see: file 1 "23" is the byte 23.
    EXPECT_EQ(output(link(config(), {"1", "23"})), bytes({0x23}));
    // The dropped nibble takes no address: `:a` in file 1 is at 0, so $a = 00 00.
    EXPECT_EQ(output(link(config(), {"1", ":a $a"})), bytes({0x00, 0x00}));
}

TEST_P(Hex2Bytes, OctalMode) {
    // 101 = 1*64 + 0*8 + 1 = 65 'A'; 777 = 511, written mod 256 = FF; a trailing 0 is dropped.
    EXPECT_EQ(output(link(config(Architecture::knight, true, 0, ByteMode::octal), {"101 777 0"})),
              bytes({0x41, 0xFF}));
    // 8 and 9 are not octal digits and are skipped: "1 8 0 9 1" is 1,0,1 = 'A'.
    EXPECT_EQ(output(link(config(Architecture::knight, true, 0, ByteMode::octal), {"1 8 0 9 1"})), "A");
    // An octal digit state survives a comment: "1 # 77\n01" = 101 = 'A'.
    EXPECT_EQ(output(link(config(Architecture::knight, true, 0, ByteMode::octal), {"1 # 77\n01"})), "A");
}

TEST_P(Hex2Bytes, BinaryMode) {
    // 01000001 = 0x41; "1111 1111" = 0xFF; 2 is skipped; 3 trailing bits are dropped.
    EXPECT_EQ(
        output(link(config(Architecture::knight, true, 0, ByteMode::binary), {"01000001 1111 2 1111 101"})),
        bytes({0x41, 0xFF}));
}

TEST_P(Hex2Bytes, LongStretchesReadLikeShortOnes) {
    // Stretches longer than 16 bytes are scanned 16 bytes at a time: the digit sets must be the
    // same there. Each repetition is one byte 'A' (0x41 = octal 101 = binary 01000001) followed by
    // non-digits of that mode, including a byte >= 0x80.
    std::string hex, octal, binary;
    for (int i = 0; i != 100; ++i) {
        hex += "4g1 \x80z";
        octal +=
            "10 8 9\x80"
            "1 ";
        binary +=
            "0100 2\x80"
            "0001 ";
    }
    EXPECT_EQ(output(link(config(), {hex})), std::string(100, 'A'));
    EXPECT_EQ(output(link(config(Architecture::knight, true, 0, ByteMode::octal), {octal})),
              std::string(100, 'A'));
    EXPECT_EQ(output(link(config(Architecture::knight, true, 0, ByteMode::binary), {binary})),
              std::string(100, 'A'));
    // A sigil after a long stretch still ends it: 40 bytes, then &a with a = 40 -> 00 00 00 28.
    EXPECT_EQ(output(link(config(), {hex_zeros(40) + "\n:a &a"})),
              zeros(40) + bytes({0x00, 0x00, 0x00, 0x28}));
    // In RISC-V word mode a '.' after a long stretch starts a word: 20 bytes 00, then
    // .00000001 (BE) and 00 -> 01.
    EXPECT_EQ(output(link(config(Architecture::riscv32), {hex_zeros(20) + " .00000001 00"})),
              zeros(20) + bytes({0x01}));
}

TEST_P(Hex2Bytes, EmptyInputs) {
    EXPECT_EQ(output(link(config(), std::vector<Input>{})), "");
    EXPECT_EQ(output(link(config(), {""})), "");
    EXPECT_EQ(output(link(config(), {"", "", "# only a comment"})), "");
}

TEST_P(Hex2Bytes, BinaryGarbageIsSkipped) {
    // Bytes >= 0x80, control bytes and NUL are not digits: "\xff 4 \x80\x01\x00 1" is the byte 41.
    EXPECT_EQ(output(link(config(), {std::string("\xff"
                                                 "4\x80\x01\x00"
                                                 "1\x7f",
                                                 7)})),
              "A");
    // A 0xFF byte must not be mistaken for end of file inside data.
    EXPECT_EQ(output(link(config(), {std::string("12\xff\xff"
                                                 "34",
                                                 6)})),
              bytes({0x12, 0x34}));
}

TEST_P(Hex2Bytes, NulInDataAndCommentsIsSkipped) {
    // contract: NUL in data and comments is skipped like any non-digit.
    // "4 NUL 8" = 48; the comment with a NUL is skipped; "4 NUL 9" = 49. 2 + 8 + 2 + 1 = 13 bytes.
    EXPECT_EQ(output(link(config(), {std::string("4\0"
                                                 "8 # \0 x\n"
                                                 "4\0"
                                                 "9",
                                                 13)})),
              "HI");
}

TEST_P(Hex2Bytes, DotIsOrdinaryTextOutsideRiscv) {
    // Only RISC-V has `.` words; on amd64 ".41" is the byte 41.
    EXPECT_EQ(output(link(le(Architecture::amd64), {".41"})), "A");
}

// ---------------------------------------------------------------------------------------------
// Labels
// ---------------------------------------------------------------------------------------------

TEST_P(Hex2Labels, LabelIsTheCurrentAddress) {
    // :a at 0, 11 -> ip 1, :b at 1, 22 -> ip 2; $a = 00 00, $b = 00 01.
    EXPECT_EQ(output(link(config(), {":a 11 :b 22 $a $b"})), bytes({0x11, 0x22, 0x00, 0x00, 0x00, 0x01}));
}

TEST_P(Hex2Labels, BaseAddressStartsIp) {
    // base 0x1234: :a = 0x1234; $a = 12 34.
    EXPECT_EQ(output(link(config(Architecture::knight, true, 0x1234), {":a $a"})), bytes({0x12, 0x34}));
}

TEST_P(Hex2Labels, LaterDefinitionWins) {
    // :x at 0, 00 -> ip 1, :x at 1, 00 -> ip 2; $x = 00 01 (the second definition).
    EXPECT_EQ(output(link(config(), {":x 00 :x 00 $x"})), bytes({0x00, 0x00, 0x00, 0x01}));
    // Also across files, and a use before both definitions sees the last one: $x at 0..1,
    // :x at 2 (file 0), :x at 3 (file 1, after AA) -> $x = 00 03.
    EXPECT_EQ(output(link(config(), {"$x :x", "AA :x"})), bytes({0x00, 0x03, 0xAA}));
}

TEST_P(Hex2Labels, LabelsAreGlobalAcrossFiles) {
    // $later occupies 0..1 in file 0; :later is at 2 in file 1 -> 00 02 AA.
    EXPECT_EQ(output(link(config(), {"$later", ":later AA"})), bytes({0x00, 0x02, 0xAA}));
}

TEST_P(Hex2Labels, NameRunsToBlankNewlineOrGreaterThan) {
    // '#' and ';' are part of a name: :a#b is at 0, 00 -> ip 1, $a#b = 00 00.
    EXPECT_EQ(output(link(config(), {":a#b 00 $a#b"})), bytes({0x00, 0x00, 0x00}));
    EXPECT_EQ(output(link(config(), {":a;b\t00\t$a;b"})), bytes({0x00, 0x00, 0x00}));
    // So "$a#b" does not find a label "a".
    EXPECT_EQ(error(link(config(), {":a 00 $a#b"})), make_error(ErrorKind::undefined_label, 0, 7, 0, "a#b"));
}

TEST_P(Hex2Labels, CrlfDefinesNamesEndingInCarriageReturn) {
    // ":a\r\n00\r\n$a\r\n": the label is "a\r" at 0; 00; "$a\r" finds it -> 00 00 00.
    EXPECT_EQ(output(link(config(), {":a\r\n00\r\n$a\r\n"})), bytes({0x00, 0x00, 0x00}));
    // "$a " does not find "a\r": undefined_label at offset 9 (after the `$` at 8).
    EXPECT_EQ(error(link(config(), {":a\r\n00\r\n$a \n"})),
              make_error(ErrorKind::undefined_label, 0, 9, 0, "a"));
}

TEST_P(Hex2Labels, GreaterThanEndsALabel) {
    // contract: ":a>b" ends the label at '>'; "b0" is then the byte B0. a = 0, $a = 00 00.
    EXPECT_EQ(output(link(config(), {":a>b0 $a"})), bytes({0xB0, 0x00, 0x00}));
}

TEST_P(Hex2Labels, EmptyNameBeforeBlank) {
    // ": " defines the empty name at 0; 00; "$ " refers to it -> 00 00 00.
    EXPECT_EQ(output(link(config(), {": 00 $ "})), bytes({0x00, 0x00, 0x00}));
}

TEST_P(Hex2Labels, NameCutOffByEndOfFileIsByteFF) {
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

TEST_P(Hex2Labels, OneMegabyteLabel) {
    // No token length limit: a 1 MiB name defined at 0 and used after one byte -> 00 00 00.
    const std::string name(1u << 20, 'L');
    EXPECT_EQ(output(link(config(), {":" + name + " 00 $" + name})), bytes({0x00, 0x00, 0x00}));
    // Two 1 MiB names differing in the last byte are different labels.
    const std::string other = name.substr(0, name.size() - 1) + "M";
    EXPECT_EQ(output(link(config(), {":" + name + " 00 :" + other + " $" + name + " $" + other})),
              bytes({0x00, 0x00, 0x00, 0x00, 0x01}));
}

TEST_P(Hex2Labels, LongNamesAndNul) {
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

TEST_P(Hex2Labels, NamesOfSixteenMegabytes) {
    // Names longer than 2^24 bytes: two that differ in their last byte, and one defined twice.
    const std::string long_name(std::size_t{1} << 24, 'x');
    const std::string a = long_name + "a", b = long_name + "b";
    EXPECT_EQ(output(link(config(), {":" + a + " 11 :" + b + " 22 &" + a + " &" + b})),
              bytes({0x11, 0x22, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01}));
    EXPECT_EQ(output(link(config(), {":" + a + " 11 :" + a + " 22 &" + a})),
              bytes({0x11, 0x22, 0x00, 0x00, 0x00, 0x01}));
}

TEST_P(Hex2Labels, ManyLabels) {
    // 20000 labels, one per byte: label Ln is at n; &L19999 = 00 00 4E 1F (19999 = 0x4E1F).
    std::string text;
    for (int i = 0; i != 20000; ++i) text += ":L" + std::to_string(i) + " 00\n";
    text += "&L19999 &L0";
    const std::string out = output(link(config(), {text}));
    EXPECT_EQ(out.size(), 20008u);
    EXPECT_EQ(out.substr(20000), bytes({0x00, 0x00, 0x4E, 0x1F, 0x00, 0x00, 0x00, 0x00}));
}

// ---------------------------------------------------------------------------------------------
// References
// ---------------------------------------------------------------------------------------------

TEST_P(Hex2References, SixKindsBigEndian) {
    // knight, base 0. Fields 1+2+2+3+4+4 = 16 bytes, so :a = 16.
    //   !a: b = 1,  16-1  = 15 -> 0F
    //   @a: b = 3,  16-3  = 13 -> 00 0D
    //   $a: absolute 16        -> 00 10
    //   ~a: b = 8,  16-8  = 8  -> 00 00 08
    //   %a: b = 12, 16-12 = 4  -> 00 00 00 04
    //   &a: absolute 16        -> 00 00 00 10
    EXPECT_EQ(output(link(config(), {"!a @a $a ~a %a &a :a"})),
              bytes({0x0F, 0x00, 0x0D, 0x00, 0x10, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00,
                     0x10}));
}

TEST_P(Hex2References, SixKindsLittleEndian) {
    // x86 LE, same arithmetic as above, bytes reversed per field.
    EXPECT_EQ(output(link(le(Architecture::x86), {"!a @a $a ~a %a &a :a"})),
              bytes({0x0F, 0x0D, 0x00, 0x10, 0x00, 0x08, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00,
                     0x00}));
}

TEST_P(Hex2References, EndiannessOnlyAffectsFields) {
    // amd64 big endian (a warning upstream, not an error): base 0x1000, &a: a = 0x1004 -> 00 00 10 04;
    // the byte 12 34 is written as read.
    EXPECT_EQ(output(link(config(Architecture::amd64, true, 0x1000), {"&a :a 1234"})),
              bytes({0x00, 0x00, 0x10, 0x04, 0x12, 0x34}));
}

TEST_P(Hex2References, NegativeRelative) {
    // :a at 0. !a: b = 1 -> -1 = FF. @a: b = 2 -> -2 = FF FE. ~a: b = 3 -> -3 = FF FF FD.
    EXPECT_EQ(output(link(config(), {":a !a"})), bytes({0xFF}));
    EXPECT_EQ(output(link(config(), {":a @a"})), bytes({0xFF, 0xFE}));
    EXPECT_EQ(output(link(config(), {":a ~a"})), bytes({0xFF, 0xFF, 0xFD}));
}

TEST_P(Hex2References, OneByteRange) {
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

TEST_P(Hex2References, TwoByteRelativeRange) {
    // `>base` makes the value t - base: :lo at 0, n bytes, :hi at n.
    // @hi>lo = n: 32767 fits (7F FF), 32768 does not. @lo>hi = -n: -32768 fits (80 00).
    const std::string n32767 = ":lo " + hex_zeros(32767) + " :hi ";
    const std::string n32768 = ":lo " + hex_zeros(32768) + " :hi ";
    EXPECT_EQ(output(link(config(), {n32767 + "@hi>lo"})), zeros(32767) + bytes({0x7F, 0xFF}));
    EXPECT_EQ(output(link(config(), {n32768 + "@lo>hi"})), zeros(32768) + bytes({0x80, 0x00}));
    EXPECT_EQ(error(link(config(), {n32768 + "@hi>lo"})),
              make_error(ErrorKind::displacement_out_of_range, 0, n32768.size(), 32768));
}

TEST_P(Hex2References, ThreeByteRelativeRange) {
    // :lo at 0, 8388608 bytes, :hi at 8388608 (0x800000).
    // ~hi>lo = 8388608 does not fit in 3 signed bytes; ~lo>hi = -8388608 fits (80 00 00).
    const std::string text = ":lo " + hex_zeros(8388608) + " :hi ";
    const std::string out = output(link(config(), {text + "~lo>hi"}));
    ASSERT_EQ(out.size(), 8388611u);
    EXPECT_EQ(out.substr(8388608), bytes({0x80, 0x00, 0x00}));
    EXPECT_EQ(error(link(config(), {text + "~hi>lo"})),
              make_error(ErrorKind::displacement_out_of_range, 0, text.size(), 8388608));
}

TEST_P(Hex2References, TwoByteAbsoluteRange) {
    // $a with a = base: 0xFFFF fits (FF FF); 0x10000 does not (value 65536); base 0xFFFFFFFF
    // makes a = -1 as a C int, which does not fit either (value -1).
    EXPECT_EQ(output(link(config(Architecture::knight, true, 0xFFFF), {":a $a"})), bytes({0xFF, 0xFF}));
    EXPECT_EQ(error(link(config(Architecture::knight, true, 0x10000), {":a $a"})),
              make_error(ErrorKind::displacement_out_of_range, 0, 3, 65536));
    EXPECT_EQ(error(link(config(Architecture::knight, true, 0xFFFFFFFF), {":a $a"})),
              make_error(ErrorKind::displacement_out_of_range, 0, 3, -1));
}

TEST_P(Hex2References, FourByteFieldsUncheckedAndTruncated) {
    // base 0xFFFFFFFF: :a = 0xFFFFFFFF, &a = FF FF FF FF.
    EXPECT_EQ(output(link(config(Architecture::knight, true, 0xFFFFFFFF), {":a &a"})),
              bytes({0xFF, 0xFF, 0xFF, 0xFF}));
    // :b is at 0xFFFFFFFF + 1 (00) = 0 after wrapping; %b: b = 4 -> -4.
    EXPECT_EQ(output(link(config(Architecture::knight, true, 0xFFFFFFFF), {"00 :b %b"})),
              bytes({0x00, 0xFF, 0xFF, 0xFF, 0xFC}));
}

TEST_P(Hex2References, BaseForRelativeKinds) {
    // :a at 0, 2 bytes, :b at 2. %b>a = 2 - 0 = 2; !a>b = -2 = FE; the field still takes space:
    // :c after them is at 2 + 4 + 1 = 7, &c = 00 00 00 07.
    EXPECT_EQ(output(link(config(), {":a 00 00 :b %b>a !a>b :c &c"})),
              bytes({0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0xFE, 0x00, 0x00, 0x00, 0x07}));
}

TEST_P(Hex2References, AbsoluteKindsIgnoreBase) {
    // :a at 0, :b at 1. $a>b = 00 00 and &a>b = 00 00 00 00 (the base is not subtracted).
    EXPECT_EQ(output(link(config(), {":a 00 :b $a>b &a>b"})),
              bytes({0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00}));
    // ... but the base must still exist: undefined_label at the 'n' (offset 12: ":a 00 :b $a>" is 12 bytes).
    EXPECT_EQ(error(link(config(), {":a 00 :b $a>nope"})),
              make_error(ErrorKind::undefined_label, 0, 12, 0, "nope"));
}

TEST_P(Hex2References, TextAfterBaseIsOrdinary) {
    // "%a>a>41": the base name ends at the second '>', after which 41 is a byte. %a>a = 0.
    EXPECT_EQ(output(link(config(), {":a %a>a>41"})), bytes({0x00, 0x00, 0x00, 0x00, 0x41}));
}

TEST_P(Hex2References, BaseCutOffByEndOfFile) {
    // "%a>" at the end of a file: the base name is the EOF byte FF (undefined_label at the end).
    EXPECT_EQ(error(link(config(), {":a %a>"})), make_error(ErrorKind::undefined_label, 0, 6, 0, "\xFF"));
    // A `:` at the end of the next file defines that name at 4: a - FF = 0 - 4 -> FF FF FF FC.
    EXPECT_EQ(output(link(config(), {":a %a>", ":"})), bytes({0xFF, 0xFF, 0xFF, 0xFC}));
}

TEST_P(Hex2References, NamesAcrossFilesAndNewlines) {
    // A reference name ends at end of file; the next file starts fresh: "&a" | ":a": a = 4.
    EXPECT_EQ(output(link(config(), {"&a", ":a"})), bytes({0x00, 0x00, 0x00, 0x04}));
}

TEST_P(Hex2References, NamesOf16MiBAndMore) {
    // Two names of 2^24 + 1 bytes (sizes kept aside) that differ only in their last byte,
    // the last reference ending the file: each reference finds its own label.
    // ":A..x 00 :A..y 00 &A..y &A..x" -> x = 0, y = 1; the fields read 1 then 0 (big endian).
    const std::string stem(std::size_t{1} << 24, 'A');
    const std::string x = stem + "x", y = stem + "y";
    const std::vector<Input> inputs = files({":" + x + " 00 :" + y + " 00 &" + y + " &" + x});
    EXPECT_EQ(output(link(config(), inputs)),
              bytes({0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00}));
}

// ---------------------------------------------------------------------------------------------
// Architecture displacements and `^`
// ---------------------------------------------------------------------------------------------

TEST_P(Hex2Architectures, PlainDisplacementOnKnightX86Amd64) {
    // %a :a -> b = 4, t = 4 -> 0; !a after one byte -> b = 2, t = 2 -> 0.
    for (Architecture a : {Architecture::knight, Architecture::x86, Architecture::amd64}) {
        SCOPED_TRACE(std::string(architecture_name(a)));
        EXPECT_EQ(output(link(le(a), {"%a :a"})), zeros(4));
        EXPECT_EQ(output(link(le(a), {":a 00 !a"})), bytes({0x00, 0xFE}));  // t 0, b 2 -> -2
    }
}

TEST_P(Hex2Architectures, CaretIsIgnoredWhereNotRead) {
    // knight/x86/amd64/riscv: `^` changes nothing. ^!a :a -> b = 1, t = 1 -> 00.
    for (Architecture a : {Architecture::knight, Architecture::x86, Architecture::amd64}) {
        SCOPED_TRACE(std::string(architecture_name(a)));
        EXPECT_EQ(output(link(le(a), {"^!a :a"})), bytes({0x00}));
    }
}

TEST_P(Hex2Architectures, Armv7lRelative) {
    // armv7l: t - b - 8 + (b & 3).
    //   "%a :a": b = 4, t = 4: 0 - 8 + 0 = -8 -> F8 FF FF FF (LE).
    //   "00 !a :a": b = 2, t = 2: 0 - 8 + 2 = -6 -> FA.
    EXPECT_EQ(output(link(le(Architecture::armv7l), {"%a :a"})), bytes({0xF8, 0xFF, 0xFF, 0xFF}));
    EXPECT_EQ(output(link(le(Architecture::armv7l), {"00 !a :a"})), bytes({0x00, 0xFA}));
}

TEST_P(Hex2Architectures, Armv7lCaretBranch) {
    // After `^`: ((t - b + (b & 3)) >> 2) - 2.
    //   "^~a EA :a": b = 3, t = 4: ((4 - 3 + 3) >> 2) - 2 = 1 - 2 = -1 -> FF FF FF, then EA.
    EXPECT_EQ(output(link(le(Architecture::armv7l), {"^~a EA :a"})), bytes({0xFF, 0xFF, 0xFF, 0xEA}));
    //   ":a 00 00 00 00 ^~a EA": t = 0, b = 7: (0 - 7 + 3) = -4, >> 2 (arithmetic) = -1, - 2 = -3
    //   -> FD FF FF EA.
    EXPECT_EQ(output(link(le(Architecture::armv7l), {":a 00 00 00 00 ^~a EA"})),
              bytes({0x00, 0x00, 0x00, 0x00, 0xFD, 0xFF, 0xFF, 0xEA}));
}

TEST_P(Hex2Architectures, Armv7lUnalignedBranchTarget) {
    // "^~a EA 00 :a": a = 5, not a multiple of 4 -> unaligned_branch_target at the '~' (offset 1).
    EXPECT_EQ(error(link(le(Architecture::armv7l), {"^~a EA 00 :a"})),
              make_error(ErrorKind::unaligned_branch_target, 0, 1, 0, "a"));
}

TEST_P(Hex2Architectures, CaretConsumedByAbsoluteReference) {
    // "^&a ~b EA :a :b": a = b = 4 + 3 + 1 = 8. &a consumes the flag -> 08 00 00 00; ~b is then
    // a plain reference: b = 7, t = 8: 8 - 7 - 8 + 3 = -4 -> FC FF FF; EA.
    EXPECT_EQ(output(link(le(Architecture::armv7l), {"^&a ~b EA :a :b"})),
              bytes({0x08, 0x00, 0x00, 0x00, 0xFC, 0xFF, 0xFF, 0xEA}));
    // The alignment check applies to absolute references too: "^&a 00 :a", a = 5 -> error at '&'.
    EXPECT_EQ(error(link(le(Architecture::armv7l), {"^&a 00 :a"})),
              make_error(ErrorKind::unaligned_branch_target, 0, 1, 0, "a"));
}

TEST_P(Hex2Architectures, CaretNotConsumedByBaseReference) {
    // "^%a>a ~b EA :a :b": %a>a = 0 and leaves the flag; a = b = 8; ~b: b = 7, aligned:
    // ((8 - 7 + 3) >> 2) - 2 = -1 -> FF FF FF; EA.
    EXPECT_EQ(output(link(le(Architecture::armv7l), {"^%a>a ~b EA :a :b"})),
              bytes({0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xEA}));
}

TEST_P(Hex2Architectures, CaretSurvivesFileBoundary) {
    // File 0 "^", file 1 "~a EA :a": b = 3, t = 4, aligned -> -1 -> FF FF FF EA.
    EXPECT_EQ(output(link(le(Architecture::armv7l), {"^", "~a EA :a"})), bytes({0xFF, 0xFF, 0xFF, 0xEA}));
}

TEST_P(Hex2Architectures, Aarch64) {
    // Plain: t - b - 8 + (b & 3): "%a :a" -> -8 -> F8 FF FF FF.
    EXPECT_EQ(output(link(le(Architecture::aarch64), {"%a :a"})), bytes({0xF8, 0xFF, 0xFF, 0xFF}));
    // After `^`: (t - (b & ~3)) >> 2.
    //   "^~a 14 :a": b = 3, t = 4: (4 - 0) >> 2 = 1 -> 01 00 00 14.
    EXPECT_EQ(output(link(le(Architecture::aarch64), {"^~a 14 :a"})), bytes({0x01, 0x00, 0x00, 0x14}));
    //   ":a 00 00 00 00 ^~a 14": t = 0, b = 7: (0 - 4) >> 2 = -1 -> FF FF FF 14.
    EXPECT_EQ(output(link(le(Architecture::aarch64), {":a 00 00 00 00 ^~a 14"})),
              bytes({0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x14}));
    //   No alignment error on aarch64: "^~a 14 00 :a": t = 5: (5 - 0) >> 2 = 1 -> 01 00 00 14 00.
    EXPECT_EQ(output(link(le(Architecture::aarch64), {"^~a 14 00 :a"})),
              bytes({0x01, 0x00, 0x00, 0x14, 0x00}));
}

TEST_P(Hex2Architectures, Ppc64le) {
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

TEST_P(Hex2Align, PadsToFourOnArmAndRiscv) {
    for (Architecture a :
         {Architecture::armv7l, Architecture::aarch64, Architecture::riscv32, Architecture::riscv64}) {
        SCOPED_TRACE(std::string(architecture_name(a)));
        // ip 1: pad 1 to 2, then 2 to 4 -> 11 00 00 00 22.
        EXPECT_EQ(output(link(le(a), {"11 < 22"})), bytes({0x11, 0x00, 0x00, 0x00, 0x22}));
        // ip 3: pad 1 -> 11 22 33 00 44.
        EXPECT_EQ(output(link(le(a), {"11 22 33 < 44"})), bytes({0x11, 0x22, 0x33, 0x00, 0x44}));
        // ip 2: pad 2. ip 0: nothing.
        EXPECT_EQ(output(link(le(a), {"11 22 <"})), bytes({0x11, 0x22, 0x00, 0x00}));
        EXPECT_EQ(output(link(le(a), {"< 11"})), bytes({0x11}));
        // Labels see the padding: "11 < :a &a" -> a = 4 -> 11 00 00 00 04 00 00 00.
        EXPECT_EQ(output(link(le(a), {"11 < :a &a"})),
                  bytes({0x11, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00}));
        // The base address counts: base 1, "< 11" -> ip 1 -> 3 bytes of padding.
        EXPECT_EQ(output(link(le(a, 1), {"< 11"})), bytes({0x00, 0x00, 0x00, 0x11}));
    }
}

TEST_P(Hex2Align, NothingElsewhere) {
    for (Architecture a :
         {Architecture::knight, Architecture::x86, Architecture::amd64, Architecture::ppc64le}) {
        SCOPED_TRACE(std::string(architecture_name(a)));
        EXPECT_EQ(output(link(le(a), {"11 < 22"})), bytes({0x11, 0x22}));
        EXPECT_EQ(output(link(le(a), {"11 < :a !a>a"})), bytes({0x11, 0x00}));
    }
}

// ---------------------------------------------------------------------------------------------
// RISC-V word mode
// ---------------------------------------------------------------------------------------------

TEST_P(Hex2Riscv, WordXorsFollowingBytes) {
    // LE: ".00000100" reads 00 00 01 00 = 0x00000100, byte-swapped to 0x00010000. The next
    // four written bytes are XORed with 00, 00, 01, 00 (lowest first): 13 00 00 00 -> 13 00 01 00.
    EXPECT_EQ(output(link(le(Architecture::riscv64), {".00000100 13000000"})),
              bytes({0x13, 0x00, 0x01, 0x00}));
    // Big endian: no swap, 0x00000100 -> XOR 00, 01, 00, 00 -> 13 01 00 00.
    EXPECT_EQ(output(link(config(Architecture::riscv32), {".00000100 13000000"})),
              bytes({0x13, 0x01, 0x00, 0x00}));
    // The register is used up after four bytes: a fifth byte is written as read.
    EXPECT_EQ(output(link(config(Architecture::riscv32), {".000000FF 00 00 00 00 00"})),
              bytes({0xFF, 0x00, 0x00, 0x00, 0x00}));
}

TEST_P(Hex2Riscv, WordTakesNoSpaceAndFieldsAreNotXored) {
    // ":a .12345678 :b &a &b 00 00 00 00" riscv32 LE: a = b = 0; the &-fields are written
    // unXORed (00 x 8); the word 0x12345678, swapped to 0x78563412, goes into the next byte
    // digits: 00^12 00^34 00^56 00^78.
    EXPECT_EQ(output(link(le(Architecture::riscv32), {":a .12345678 :b &a &b 00 00 00 00"})),
              zeros(8) + bytes({0x12, 0x34, 0x56, 0x78}));
}

TEST_P(Hex2Riscv, WordsAccumulate) {
    // BE: .00000001 then .00000003: register 1 ^ 3 = 2 -> the byte 00 is written as 02.
    EXPECT_EQ(output(link(config(Architecture::riscv64), {".00000001 .00000003 00"})), bytes({0x02}));
}

TEST_P(Hex2Riscv, ShiftRegisterNotResetBetweenFiles) {
    // LE: file 0 ".000000FF" -> 0xFF000000 after the swap; file 1's fourth byte gets FF.
    EXPECT_EQ(output(link(le(Architecture::riscv64), {".000000FF", "00 00 00 00"})),
              bytes({0x00, 0x00, 0x00, 0xFF}));
}

TEST_P(Hex2Riscv, WordCompletesPendingNibble) {
    // "1.2345678 9 0" BE: the pending 1 and seven more digits make 12 34 56 78 = 0x12345678;
    // then 90 is written XORed with 78 -> E8.
    EXPECT_EQ(output(link(config(Architecture::riscv32), {"1.2345678 9 0"})), bytes({0xE8}));
}

TEST_P(Hex2Riscv, WordSkipsCommentsAndReadsExactlyFourBytes) {
    // ".0000 # 1234\n0001 00" BE: the comment is skipped, the word is 0x00000001 -> 00^01 = 01.
    EXPECT_EQ(output(link(config(Architecture::riscv32), {".0000 # 1234\n0001 00"})), bytes({0x01}));
    // ".000000011 2" BE: the word takes 00000001; "1 2" is 12, XORed with 01 -> 13.
    EXPECT_EQ(output(link(config(Architecture::riscv32), {".000000011 2"})), bytes({0x13}));
    // Inside a word a sigil is just a skipped byte: ".00!00 0001 00" -> the word is 0x00000001
    // (no reference is read) -> 00^01 = 01.
    EXPECT_EQ(output(link(config(Architecture::riscv32), {".00!00 0001 00"})), bytes({0x01}));
}

TEST_P(Hex2Riscv, WordWithSkippedLetterAndComment) {
    // tests/golden/hex2-word-letter-then-comment (found by fuzzing against 1.7.0):
    // ".000000x0 ;\n0 12" riscv32 LE: the word's digits are 0000000 ('x' skipped), the comment
    // runs to the newline, then 0 is the eighth digit: the word is 0, so 12 is written as 12.
    EXPECT_EQ(output(link(le(Architecture::riscv32, 0x1000), {".000000x0 ;\n0 12"})), bytes({0x12}));
    // Same shape with a nonzero word (BE): digits 0000000 and 1 -> 0x00000001 -> 12^01 = 13.
    EXPECT_EQ(output(link(config(Architecture::riscv32), {".000000x0 ;\n1 12"})), bytes({0x13}));
}

TEST_P(Hex2Riscv, OctalWordKeepsNinthBit) {
    // riscv32 BE octal ".000 777 000 000": the word is built as w = (w << 8) ^ byte with the
    // octal byte unreduced: 0 -> 0x1FF -> 0x1FF00 -> 0x1FF0000. The four bytes 000 are XORed
    // with 00, 00, FF, 01 (lowest first).
    EXPECT_EQ(output(link(config(Architecture::riscv32, true, 0, ByteMode::octal),
                          {".000 777 000 000 000 000 000 000"})),
              bytes({0x00, 0x00, 0xFF, 0x01}));
}

TEST_P(Hex2Riscv, ITypeAndUType) {
    // riscv64 LE, an auipc/addi pair ":a ~b 17050000 !b 13050500 :b":
    //   ~b at ip 0, b = 8: value 8; 8 & 0xFFF < 0x800 -> 8 & 0xFFFFF000 = 0: 17 05 00 00.
    //   !b at ip 4: value 4; (4 + 4) & 0xFFF = 8, << 20 = 0x00800000: 13 05 05 00 XOR 00 00 80 00
    //   -> 13 05 85 00.
    EXPECT_EQ(output(link(le(Architecture::riscv64), {":a ~b 17050000 !b 13050500 :b"})),
              bytes({0x17, 0x05, 0x00, 0x00, 0x13, 0x05, 0x85, 0x00}));
}

TEST_P(Hex2Riscv, UTypeRoundsUp) {
    // "~b 17000000" + 2044 bytes + ":b": value = 2048 = 0x800; bit 11 set ->
    // (0x800 & 0xFFFFF000) + 0x1000 = 0x1000 -> 17 00 00 00 XOR 00 10 00 00 = 17 10 00 00.
    const std::string out =
        output(link(le(Architecture::riscv32), {"~b 17000000 " + hex_zeros(2044) + " :b"}));
    ASSERT_EQ(out.size(), 2048u);
    EXPECT_EQ(out.substr(0, 4), bytes({0x17, 0x10, 0x00, 0x00}));
    // ":a 00000000 ~a 17000000": value -4 = 0xFFFFFFFC; 0xFFC >= 0x800 -> 0xFFFFF000 + 0x1000
    // = 0 (32 bits) -> 17 00 00 00 unchanged.
    EXPECT_EQ(output(link(le(Architecture::riscv32), {":a 00000000 ~a 17000000"})),
              bytes({0x00, 0x00, 0x00, 0x00, 0x17, 0x00, 0x00, 0x00}));
}

TEST_P(Hex2Riscv, ITypeIsUnchecked) {
    // "!b 13000000" + 4092 bytes + ":b": value 4096 + 4 = 0x1004, low 12 bits 4 -> 0x00400000
    // -> 13 00 40 00; no range error.
    const std::string out =
        output(link(le(Architecture::riscv32), {"!b 13000000 " + hex_zeros(4092) + " :b"}));
    ASSERT_EQ(out.size(), 4096u);
    EXPECT_EQ(out.substr(0, 4), bytes({0x13, 0x00, 0x40, 0x00}));
}

TEST_P(Hex2Riscv, BType) {
    // "@a 63000000 :a": value 4: (4 & 0x1E) << 7 = 0x200 -> 63 02 00 00.
    EXPECT_EQ(output(link(le(Architecture::riscv64), {"@a 63000000 :a"})), bytes({0x63, 0x02, 0x00, 0x00}));
    // ":a 13000000 @a 63000000": value -4 = 0xFFFFFFFC:
    //   (0x1C << 7) = 0xE00, (0x7E0 << 20) = 0x7E000000, (0x800 >> 4) = 0x80, (0x1000 << 19) =
    //   0x80000000 -> 0xFE000E80; 63 00 00 00 XOR 80 0E 00 FE = E3 0E 00 FE (beq x0, x0, -4).
    EXPECT_EQ(output(link(le(Architecture::riscv64), {":a 13000000 @a 63000000"})),
              bytes({0x13, 0x00, 0x00, 0x00, 0xE3, 0x0E, 0x00, 0xFE}));
}

TEST_P(Hex2Riscv, BTypeRange) {
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

TEST_P(Hex2Riscv, JType) {
    // ":a 13000000 $a 6F000000": value -4:
    //   (0x7FC << 20) = 0x7FC00000, (0x800 << 9) = 0x00100000, 0xFF000, (0x100000 << 11) =
    //   0x80000000 -> 0xFFDFF000; 6F 00 00 00 XOR 00 F0 DF FF = 6F F0 DF FF (jal x0, -4).
    EXPECT_EQ(output(link(le(Architecture::riscv32), {":a 13000000 $a 6F000000"})),
              bytes({0x13, 0x00, 0x00, 0x00, 0x6F, 0xF0, 0xDF, 0xFF}));
    // Forward 8: "$a 6F000000 13000000 :a": (8 & 0x7FE) << 20 = 0x00800000 -> 6F 00 80 00.
    EXPECT_EQ(output(link(le(Architecture::riscv32), {"$a 6F000000 13000000 :a"})),
              bytes({0x6F, 0x00, 0x80, 0x00, 0x13, 0x00, 0x00, 0x00}));
}

TEST_P(Hex2Riscv, JTypeRange) {
    // Odd value 1: "$a 00 :a" -> value 1 -> error at '$'.
    EXPECT_EQ(error(link(le(Architecture::riscv32), {"$a 00 :a"})),
              make_error(ErrorKind::riscv_field_out_of_range, 0, 0, 1));
    // 0x100000 = 1048576 bytes ahead is one past the maximum 0xFFFFF (even values: 1048574 fits).
    EXPECT_TRUE(is_ok(link(le(Architecture::riscv32), {"$a " + hex_zeros(1048574) + " :a"})));
    EXPECT_EQ(error(link(le(Architecture::riscv32), {"$a " + hex_zeros(1048576) + " :a"})),
              make_error(ErrorKind::riscv_field_out_of_range, 0, 0, 1048576));
}

TEST_P(Hex2Riscv, WordReferencesTakeNoSpaceAndNoBase) {
    // ":a !a>b0 00 00 00": !a at ip 0, value 0: (0 + 4) << 20 = 0x00400000. '>' ends the name and
    // "b0" is a byte: B0 00 00 00 XOR 00 00 40 00 = B0 00 40 00.
    EXPECT_EQ(output(link(le(Architecture::riscv64), {":a !a>b0 00 00 00"})),
              bytes({0xB0, 0x00, 0x40, 0x00}));
    // They take no space: ":a ~a !a @a $a :b &b" -> b = 0 -> 00 00 00 00 (the !a immediate,
    // 4 << 20, waits in the register: reference fields are not XORed).
    EXPECT_EQ(output(link(le(Architecture::riscv64), {":a ~a !a @a $a :b &b"})), zeros(4));
}

TEST_P(Hex2Riscv, FourByteFieldsTakeBase) {
    // riscv32 LE ":a 00 00 :b %a>b &b": a - b = -2 -> FE FF FF FF; &b = 02 00 00 00.
    EXPECT_EQ(output(link(le(Architecture::riscv32), {":a 00 00 :b %a>b &b"})),
              bytes({0x00, 0x00, 0xFE, 0xFF, 0xFF, 0xFF, 0x02, 0x00, 0x00, 0x00}));
    // %a without base: t - b with b after the field: ":a %a" -> 0 - 4 = -4 -> FC FF FF FF.
    EXPECT_EQ(output(link(le(Architecture::riscv32), {":a %a"})), bytes({0xFC, 0xFF, 0xFF, 0xFF}));
}

TEST_P(Hex2Riscv, PaddingIsNotXored) {
    // BE ".0000FF00 11 < 22": register 0x0000FF00: 11^00 = 11 (register now 0xFF); `<` writes
    // 00 00 00 unXORed; 22^FF = DD.
    EXPECT_EQ(output(link(config(Architecture::riscv32), {".0000FF00 11 < 22"})),
              bytes({0x11, 0x00, 0x00, 0x00, 0xDD}));
}

TEST_P(Hex2Riscv, ForwardWordReferenceSkipsFieldsAndPaddingAcrossFiles) {
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

TEST_P(Hex2Riscv, WordReferenceErrorBeforeLaterUndefinedLabel) {
    // "@far" at ip 0 in file 0; file 1 "%missing 00" makes far = 5 (odd): the B-type error in
    // file 0 comes before file 1's undefined label.
    EXPECT_EQ(error(link(le(Architecture::riscv32), {"@far", "%missing 00", ":far"})),
              make_error(ErrorKind::riscv_field_out_of_range, 0, 0, 5));
}

TEST_P(Hex2Riscv, CaretHasNoEffect) {
    // "^%a :a": a = 4, b = 4 -> 0.
    EXPECT_EQ(output(link(le(Architecture::riscv64), {"^%a :a"})), zeros(4));
}

TEST_P(Hex2Riscv, UnterminatedWord) {
    // contract: a `.` word cut off by end of file is unterminated_word at the '.'.
    EXPECT_EQ(error(link(le(Architecture::riscv64), {"00 .1234"})),
              make_error(ErrorKind::unterminated_word, 0, 3));
    EXPECT_EQ(error(link(le(Architecture::riscv32), {"."})), make_error(ErrorKind::unterminated_word, 0, 0));
    // The next file does not complete it.
    EXPECT_EQ(error(link(le(Architecture::riscv32), {".000000", "00"})),
              make_error(ErrorKind::unterminated_word, 0, 0));
    // A word ending in a comment at end of file is still cut off.
    EXPECT_EQ(error(link(le(Architecture::riscv32), {"11 .0000000 # 0"})),
              make_error(ErrorKind::unterminated_word, 0, 3));
}

// ---------------------------------------------------------------------------------------------
// Errors on every architecture, and precedence
// ---------------------------------------------------------------------------------------------

TEST_P(Hex2Errors, UndefinedLabelEverywhere) {
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

TEST_P(Hex2Errors, DisplacementOutOfRangeEverywhereButRiscv) {
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
            EXPECT_EQ(error(link(le(a), {text})),
                      make_error(ErrorKind::displacement_out_of_range, 0, 265, 128));
        }
    }
}

TEST_P(Hex2Errors, NulInNameEverywhere) {
    for (Architecture a : all_architectures) {
        SCOPED_TRACE(std::string(architecture_name(a)));
        // In a label: at the ':' (offset 3).
        EXPECT_EQ(error(link(le(a), {std::string("00 :a\0b 11", 10)})),
                  make_error(ErrorKind::nul_in_name, 0, 3));
        // In a reference name: at the sigil (offset 3).
        EXPECT_EQ(error(link(le(a), {std::string("00 &a\0", 6)})), make_error(ErrorKind::nul_in_name, 0, 3));
        // In a base name: at the sigil (offset 0).
        EXPECT_EQ(error(link(le(a), {std::string("%a>b\0c", 6)})), make_error(ErrorKind::nul_in_name, 0, 0));
        // A NUL as the whole name.
        EXPECT_EQ(error(link(le(a), {std::string(":\0", 2)})), make_error(ErrorKind::nul_in_name, 0, 0));
    }
}

TEST_P(Hex2Errors, UnterminatedWordOnlyOnRiscv) {
    for (Architecture a : all_architectures) {
        SCOPED_TRACE(std::string(architecture_name(a)));
        const Result r = link(le(a), {"11 .22"});
        if (encoding::word_arch(a))
            EXPECT_EQ(error(r), make_error(ErrorKind::unterminated_word, 0, 3));
        else
            EXPECT_EQ(output(r), bytes({0x11, 0x22}));
    }
}

TEST_P(Hex2Errors, TokenizingErrorsComeFirst) {
    // File 0 has an undefined label (a pass-2 error), file 1 a NUL in a name (pass 1): the NUL wins.
    EXPECT_EQ(error(link(config(), {"%undefined", std::string("00 :a\0", 6)})),
              make_error(ErrorKind::nul_in_name, 1, 3));
    // riscv: an unterminated word in the last file beats an out-of-range B-type in the first.
    EXPECT_EQ(error(link(le(Architecture::riscv32), {"@a 00 :a", ".00"})),
              make_error(ErrorKind::unterminated_word, 1, 0));
    // Among tokenizing errors, the earliest in input order: NUL name at 0 before the word at 4.
    EXPECT_EQ(error(link(le(Architecture::riscv32), {std::string(":\0 .", 4)})),
              make_error(ErrorKind::nul_in_name, 0, 0));
}

TEST_P(Hex2Errors, FirstResolutionErrorInInputOrder) {
    // "%x %y": x is reported, not y. Across files: file 0's error before file 1's.
    EXPECT_EQ(error(link(config(), {"%x %y"})), make_error(ErrorKind::undefined_label, 0, 1, 0, "x"));
    EXPECT_EQ(error(link(config(), {"00", "%x", "%y"})),
              make_error(ErrorKind::undefined_label, 1, 1, 0, "x"));
    // A range error before an undefined label: ":a " + 200 bytes + "!a %zz" -> '!' first.
    EXPECT_EQ(error(link(config(), {":a " + hex_zeros(200) + " !a %zz"})).kind,
              ErrorKind::displacement_out_of_range);
}

TEST_P(Hex2Errors, AlignmentCheckBeforeRangeCheck) {
    // armv7l "^!a 00 00 :a": target 3 is unaligned -> unaligned_branch_target (not a range error).
    EXPECT_EQ(error(link(le(Architecture::armv7l), {"^!a 00 00 :a"})),
              make_error(ErrorKind::unaligned_branch_target, 0, 1, 0, "a"));
    // Undefined target before alignment: "^!zz" -> undefined_label at 2.
    EXPECT_EQ(error(link(le(Architecture::armv7l), {"^!zz"})),
              make_error(ErrorKind::undefined_label, 0, 2, 0, "zz"));
}

INSTANTIATE_TEST_SUITE_P(Engines, Hex2Bytes, every_engine, engine_name);
INSTANTIATE_TEST_SUITE_P(Engines, Hex2Labels, every_engine, engine_name);
INSTANTIATE_TEST_SUITE_P(Engines, Hex2References, every_engine, engine_name);
INSTANTIATE_TEST_SUITE_P(Engines, Hex2Architectures, every_engine, engine_name);
INSTANTIATE_TEST_SUITE_P(Engines, Hex2Align, every_engine, engine_name);
INSTANTIATE_TEST_SUITE_P(Engines, Hex2Riscv, every_engine, engine_name);
INSTANTIATE_TEST_SUITE_P(Engines, Hex2Errors, every_engine, engine_name);

}  // namespace
}  // namespace hexproof
