// Unit tests for the encoding facts (runtime/engine/encoding.hpp), each against its Coq
// definition's clauses; the expected values are worked out by hand in the comments.
#include "encoding.hpp"

#include <gtest/gtest.h>

namespace hexproof::encoding {
namespace {

using A = Architecture;

TEST(Encoding, RefSizeAndAbsolute) {
    // Hex2Lex.ref_size: ! 1, @ $ 2, ~ 3, % & 4; ref_absolute: $ and &.
    EXPECT_EQ(ref_size('!'), 1u);
    EXPECT_EQ(ref_size('@'), 2u);
    EXPECT_EQ(ref_size('$'), 2u);
    EXPECT_EQ(ref_size('~'), 3u);
    EXPECT_EQ(ref_size('%'), 4u);
    EXPECT_EQ(ref_size('&'), 4u);
    EXPECT_TRUE(ref_absolute('$') && ref_absolute('&'));
    EXPECT_FALSE(ref_absolute('!') || ref_absolute('@') || ref_absolute('~') || ref_absolute('%'));
    EXPECT_TRUE(is_word_immediate('!') && is_word_immediate('~'));
    EXPECT_FALSE(is_word_immediate('%') || is_word_immediate('&'));
}

TEST(Encoding, RefFitsAtItsEdges) {
    EXPECT_TRUE(ref_fits('!', -128) && ref_fits('!', 127));
    EXPECT_FALSE(ref_fits('!', -129) || ref_fits('!', 128));
    EXPECT_TRUE(ref_fits('@', -32768) && ref_fits('@', 32767));
    EXPECT_FALSE(ref_fits('@', -32769) || ref_fits('@', 32768));
    EXPECT_TRUE(ref_fits('$', 0) && ref_fits('$', 65535));
    EXPECT_FALSE(ref_fits('$', -1) || ref_fits('$', 65536));
    EXPECT_TRUE(ref_fits('~', -8388608) && ref_fits('~', 8388607));
    EXPECT_FALSE(ref_fits('~', -8388609) || ref_fits('~', 8388608));
    EXPECT_TRUE(ref_fits('%', INT32_MIN) && ref_fits('&', INT32_MAX));
}

TEST(Encoding, Padding) {
    // pad_size: 0 at a multiple of 4; ip 1 -> 1 + 2 = 3; ip 2 -> 2; ip 3 -> 1; nothing where
    // `<` does not pad.
    for (A a : {A::armv7l, A::aarch64, A::riscv32, A::riscv64}) {
        EXPECT_TRUE(pads(a));
        EXPECT_EQ(pad_size(a, 0x1000), 0u);
        EXPECT_EQ(pad_size(a, 0x1001), 3u);
        EXPECT_EQ(pad_size(a, 0x1002), 2u);
        EXPECT_EQ(pad_size(a, 0xFFFFFFFF), 1u);
    }
    for (A a : {A::knight, A::x86, A::amd64, A::ppc64le}) {
        EXPECT_FALSE(pads(a));
        EXPECT_EQ(pad_size(a, 1), 0u);
    }
}

TEST(Encoding, ArchDisplacement) {
    // t = 0x40, b = 0x13 (b & 3 = 3, b & ~3 = 0x10).
    EXPECT_EQ(arch_displacement(A::amd64, true, 0x40, 0x13), 0x2Du);  // t - b, the flag unread
    EXPECT_EQ(arch_displacement(A::riscv64, false, 0x10, 0x13), 0xFFFFFFFDu);
    // armv7l: t - b - 8 + (b & 3) = 0x40 - 0x13 - 8 + 3 = 0x28; with ^: ((t - b + 3) >> 2) - 2 =
    // (0x30 >> 2) - 2 = 10; a target not a multiple of 4 with ^ is refused.
    EXPECT_EQ(arch_displacement(A::armv7l, false, 0x40, 0x13), 0x28u);
    EXPECT_EQ(arch_displacement(A::armv7l, true, 0x40, 0x13), 10u);
    EXPECT_EQ(arch_displacement(A::armv7l, true, 0x41, 0x13), std::nullopt);
    // ... backwards: t = 0, b = 0x14: (0 - 0x14 + 0) >> 2 = -5 (arithmetic), - 2 = -7.
    EXPECT_EQ(s32(*arch_displacement(A::armv7l, true, 0, 0x14)), -7);
    // aarch64: with ^: (t - (b & ~3)) >> 2 = 0x30 >> 2 = 12; without: as armv7l, 0x28.
    EXPECT_EQ(arch_displacement(A::aarch64, true, 0x40, 0x13), 12u);
    EXPECT_EQ(arch_displacement(A::aarch64, false, 0x40, 0x13), 0x28u);
    // ppc64le: t - (b & ~3) = 0x30; with ^ it is or-ed with 1.
    EXPECT_EQ(arch_displacement(A::ppc64le, false, 0x40, 0x13), 0x30u);
    EXPECT_EQ(arch_displacement(A::ppc64le, true, 0x40, 0x13), 0x31u);
    EXPECT_TRUE(reads_caret(A::armv7l) && reads_caret(A::aarch64) && reads_caret(A::ppc64le));
    EXPECT_FALSE(reads_caret(A::knight) || reads_caret(A::x86) || reads_caret(A::amd64) ||
                 reads_caret(A::riscv32));
}

TEST(Encoding, RiscvField) {
    // I-type: (8 + 4) << 20 = 0x00C00000, unchecked (also far away).
    EXPECT_EQ(riscv_field('!', 8), 0x00C00000u);
    EXPECT_EQ(riscv_field('!', 0x12345678), ((0x12345678u + 4) & 0xFFFu) << 20);
    // B-type 8: bit 3 goes to bit 10 (imm[4:1] in 11:8) = 0x400; odd or out of range refused.
    EXPECT_EQ(riscv_field('@', 8), 0x400u);
    EXPECT_EQ(riscv_field('@', 0x800), 0x80u);             // imm[11] in bit 7
    EXPECT_EQ(riscv_field('@', 0xFFFFF000), 0x80000000u);  // -4096: imm[12] in bit 31
    EXPECT_EQ(riscv_field('@', 0x1000), std::nullopt);
    EXPECT_EQ(riscv_field('@', 3), std::nullopt);
    // J-type 2: imm[1] in bit 21; -2^20: imm[20] in bit 31.
    EXPECT_EQ(riscv_field('$', 2), 0x00200000u);
    EXPECT_EQ(riscv_field('$', 0xFFF00000), 0x80000000u);
    EXPECT_EQ(riscv_field('$', 0x100000), std::nullopt);
    // U-type: 0x12345800 has bit 11 set: 0x12345000 + 0x1000.
    EXPECT_EQ(riscv_field('~', 0x12345800), 0x12346000u);
    EXPECT_EQ(riscv_field('~', 0x123457FF), 0x12345000u);
    EXPECT_EQ(word_swap(true, 0x11223344), 0x11223344u);
    EXPECT_EQ(word_swap(false, 0x11223344), 0x44332211u);
}

TEST(Encoding, M1Immediates) {
    // express_number's fields: bounds one beyond the range (upstream's quirk).
    EXPECT_EQ(express_number_field('!').width, 1);
    EXPECT_EQ(express_number_field('!').low, -129);
    EXPECT_EQ(express_number_field('!').high, 256);
    EXPECT_EQ(express_number_field('@').high, 32768);
    EXPECT_EQ(express_number_field('$').high, 65536);
    EXPECT_EQ(express_number_field('$').low, -32769);
    EXPECT_EQ(express_number_field('~').width, 3);
    EXPECT_EQ(express_number_field('~').low, -8388609);
    EXPECT_EQ(express_number_field('&').width, 4);
    // Knight's bare numbers: @ up to 32767, $ up to 65536, not an immediate above.
    EXPECT_EQ(knight_bare_sigil(-40000), '@');
    EXPECT_EQ(knight_bare_sigil(32767), '@');
    EXPECT_EQ(knight_bare_sigil(32768), '$');
    EXPECT_EQ(knight_bare_sigil(65536), '$');
    EXPECT_EQ(knight_bare_sigil(65537), 0);
    // riscv_immediate: !1 -> 0x00100000; @31 -> 31 << 7 = 0xF80, @32 -> 1 << 25; ~0x800 rounds up.
    EXPECT_EQ(riscv_immediate('!', 1), 0x00100000u);
    EXPECT_EQ(riscv_immediate('@', 31), 0xF80u);
    EXPECT_EQ(riscv_immediate('@', 32), 0x02000000u);
    EXPECT_EQ(riscv_immediate('~', 0x800), 0x1000u);
    EXPECT_EQ(riscv_immediate('~', 0x7FF), 0u);
    EXPECT_EQ(digits_per_byte(ByteMode::octal), 3);
    EXPECT_EQ(digit_bits(ByteMode::binary), 1);
}

}  // namespace
}  // namespace hexproof::encoding
