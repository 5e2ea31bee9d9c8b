// Unit tests for strtoint, upstream's number reader. Every expectation is worked out by hand from
// the reading rules (strtoint.hpp); the arithmetic is in the comments.
#include "strtoint.hpp"

#include <gtest/gtest.h>

#include <string>

namespace hexproof {
namespace {

TEST(Strtoint, Decimal) {
    EXPECT_EQ(strtoint("0"), 0);
    EXPECT_EQ(strtoint("7"), 7);
    EXPECT_EQ(strtoint("123"), 123);
    EXPECT_EQ(strtoint("-123"), -123);
    EXPECT_EQ(strtoint("1_000"), 1000);  // `_` is skipped
    EXPECT_EQ(strtoint("_5"), 5);
    EXPECT_EQ(strtoint("5_"), 5);
}

TEST(Strtoint, Hex) {
    EXPECT_EQ(strtoint("0x1F"), 31);     // 1*16 + 15
    EXPECT_EQ(strtoint("0xff"), 255);    // lower-case digits too
    EXPECT_EQ(strtoint("0xAbC"), 2748);  // 10*256 + 11*16 + 12
    EXPECT_EQ(strtoint("0x_F_F"), 255);
    EXPECT_EQ(strtoint("0x-5"), -5);  // the `-` belongs to the digit reader
    EXPECT_EQ(strtoint("0x"), 0);     // no digits: 0
    EXPECT_EQ(strtoint("0xg"), 0);    // invalid digit: the whole result is 0
}

TEST(Strtoint, Binary) {
    EXPECT_EQ(strtoint("0b101"), 5);
    EXPECT_EQ(strtoint("0b1_0000"), 16);
    EXPECT_EQ(strtoint("0b102"), 0);  // 2 is no binary digit
    EXPECT_EQ(strtoint("0b"), 0);
    EXPECT_EQ(strtoint("0b-11"), -3);
}

TEST(Strtoint, Octal) {
    EXPECT_EQ(strtoint("017"), 15);  // 1*8 + 7
    EXPECT_EQ(strtoint("0777"), 511);
    EXPECT_EQ(strtoint("018"), 0);    // 8 is no octal digit
    EXPECT_EQ(strtoint("0-10"), -8);  // octal reader over "-10"
    EXPECT_EQ(strtoint("00"), 0);
}

TEST(Strtoint, SignOnlyInsideTheDigitReader) {
    EXPECT_EQ(strtoint("-0x10"), 0);   // decimal reader over "-0x10" fails at `x`
    EXPECT_EQ(strtoint("-010"), -10);  // decimal, not octal: the text starts with `-`
    EXPECT_EQ(strtoint("-0b1"), 0);
    EXPECT_EQ(strtoint("-"), 0);    // sign, no digits
    EXPECT_EQ(strtoint("--5"), 0);  // a second `-` is no digit
}

TEST(Strtoint, InvalidCharactersGiveZero) {
    EXPECT_EQ(strtoint(""), 0);
    EXPECT_EQ(strtoint("12ab"), 0);
    EXPECT_EQ(strtoint("0X10"), 0);  // upper-case X: octal reader over "X10" fails
    EXPECT_EQ(strtoint("1 2"), 0);
    EXPECT_EQ(strtoint("+5"), 0);
}

TEST(Strtoint, WrapsAt32Bits) {
    EXPECT_EQ(strtoint("2147483647"), 2147483647);
    EXPECT_EQ(strtoint("2147483648"), -2147483647 - 1);  // 2^31 wraps to -2^31
    EXPECT_EQ(strtoint("4294967295"), -1);               // 2^32 - 1
    EXPECT_EQ(strtoint("4294967296"), 0);                // 2^32
    EXPECT_EQ(strtoint("0xFFFFFFFF"), -1);
    EXPECT_EQ(strtoint("0x100000000"), 0);
    EXPECT_EQ(strtoint("0x80000000"), -2147483647 - 1);
    // 99999999999 = 23 * 4294967296 + 1215752191
    EXPECT_EQ(strtoint("99999999999"), 1215752191);
    EXPECT_EQ(strtoint("-2147483648"), -2147483647 - 1);
    EXPECT_EQ(strtoint("-4294967295"), 1);  // -(2^32 - 1) mod 2^32
}

TEST(Strtoint, TextEndsAtNul) {
    EXPECT_EQ(strtoint(std::string("12\0"
                                   "3",
                                   4)),
              12);
    EXPECT_EQ(strtoint(std::string("\0"
                                   "5",
                                   2)),
              0);
}

TEST(IsNumber, NonZeroOrLeadingZero) {
    EXPECT_TRUE(is_number("5", 5));
    EXPECT_TRUE(is_number("0", 0));
    EXPECT_TRUE(is_number("0zz", strtoint("0zz")));  // invalid, but starts with 0: the number 0
    EXPECT_TRUE(is_number("0x", strtoint("0x")));
    EXPECT_FALSE(is_number("_0", strtoint("_0")));
    EXPECT_FALSE(is_number("-0", strtoint("-0")));
    EXPECT_FALSE(is_number("abc", strtoint("abc")));
    EXPECT_FALSE(is_number("", strtoint("")));
    EXPECT_TRUE(is_number("-0x10", 1));  // decided by the value when it is not 0
}

}  // namespace
}  // namespace hexproof
