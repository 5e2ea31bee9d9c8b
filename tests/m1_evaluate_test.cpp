// Unit tests for what the fast M1's tokens mean (m1_evaluate.hpp): each function against the
// clauses of its Coq definition in spec/M1Eval.v and M1Spec.v, worked out by hand.
#include "m1_evaluate.hpp"

#include <gtest/gtest.h>

#include <string>

#include "m1_fast_support.hpp"

namespace hexproof::m1_fast {
namespace {

using namespace m1_test;

std::string number(std::int32_t value, int bytes, const M1Config& c) {
    std::string out;
    number_text(out, value, bytes, c);
    return out;
}

std::string hexified(std::string_view body, const M1Config& c) {
    std::string out;
    hexify(out, body, c);
    return out;
}

// The printed form of an immediate, or a description of what came instead.
std::string immediate_of(std::string_view text, const M1Config& c) {
    std::string out;
    const std::optional<Evaluation> e = immediate(out, text, c);
    if (!e) return "not an immediate";
    if (e->outcome == Outcome::out_of_range) return "out of range " + std::to_string(e->number);
    return out;
}

TEST(M1Evaluate, NumberText) {
    // Hex: 2 digits a byte, little endian reverses the byte groups.
    EXPECT_EQ(number(0x12345678, 4, config(A::amd64)), "12345678");
    EXPECT_EQ(number(0x12345678, 4, config(A::amd64, false)), "78563412");
    EXPECT_EQ(number(-1, 1, config(A::amd64)), "FF");
    // Octal: 3 digits a byte of width, not byte-aligned: 0x41 = 0o101; 0x1234 = 4660 = 0o011064,
    // little endian "064" "011"; -1 shows its sign extension.
    EXPECT_EQ(number(0x41, 1, config(A::amd64, true, B::octal)), "101");
    EXPECT_EQ(number(0x1234, 2, config(A::amd64, true, B::octal)), "011064");
    EXPECT_EQ(number(0x1234, 2, config(A::amd64, false, B::octal)), "064011");
    EXPECT_EQ(number(-1, 1, config(A::amd64, true, B::octal)), "777");
    // Binary: 8 digits a byte.
    EXPECT_EQ(number(5, 1, config(A::amd64, true, B::binary)), "00000101");
}

TEST(M1Evaluate, Hexify) {
    // Each byte and a final 0, each as digits and a space; knight in hex pads the bytes (body and
    // NUL) to a multiple of 4 with zero digits: "AB" is 3 bytes, one more (2 digits).
    EXPECT_EQ(hexified("AB", config(A::knight)), "41 42 00 00");
    EXPECT_EQ(hexified("ABC", config(A::knight)), "41 42 43 00 ");
    EXPECT_EQ(hexified("", config(A::knight)), "00 000000");
    EXPECT_EQ(hexified("A", config(A::amd64)), "41 00 ");
    EXPECT_EQ(hexified("A", config(A::knight, true, B::octal)), "101 000 ");
    // A byte of 0x80 or above is printed unsigned.
    EXPECT_EQ(hexified("\x80", config(A::x86, true, B::binary)), "10000000 00000000 ");
}

TEST(M1Evaluate, ExpressNumber) {
    const M1Config c = config(A::amd64);
    // Bounds one beyond the field (upstream's quirk), values masked to the width.
    std::string out;
    EXPECT_EQ(express_number(out, 256, '!', c).outcome, Outcome::value);
    EXPECT_EQ(out, "00");
    out.clear();
    EXPECT_EQ(express_number(out, -129, '!', c).outcome, Outcome::value);
    EXPECT_EQ(out, "7F");
    const Evaluation too_big = express_number(out, 257, '!', c);
    EXPECT_EQ(too_big.outcome, Outcome::out_of_range);
    EXPECT_EQ(too_big.number, 257);
    EXPECT_EQ(express_number(out, -130, '!', c).outcome, Outcome::out_of_range);
    out.clear();
    express_number(out, 65536, '$', c);
    EXPECT_EQ(out, "0000");
    out.clear();
    express_number(out, 32768, '@', c);
    EXPECT_EQ(out, "8000");
    EXPECT_EQ(express_number(out, 32769, '@', c).outcome, Outcome::out_of_range);
    out.clear();
    express_number(out, -1, '%', c);
    EXPECT_EQ(out, "FFFFFFFF");
}

TEST(M1Evaluate, ExpressWord) {
    // RISC-V: `!1` puts 1 in bits 31:20 (0x00100000), as a `.` word; `$` is 16 bits, `%` 32,
    // neither with a dot.
    std::string out;
    express_word(out, 1, '!', config(A::riscv32));
    EXPECT_EQ(out, ".00100000");
    out.clear();
    express_word(out, 1, '!', config(A::riscv32, false));
    EXPECT_EQ(out, ".00001000");
    out.clear();
    express_word(out, 0x12345, '$', config(A::riscv32));
    EXPECT_EQ(out, "2345");
    out.clear();
    express_word(out, 5, '%', config(A::riscv64));
    EXPECT_EQ(out, "00000005");
}

TEST(M1Evaluate, WhatIsAnImmediate) {
    EXPECT_EQ(immediate_of("%5", config(A::amd64, false)), "05000000");
    EXPECT_EQ(immediate_of("!999", config(A::amd64)), "out of range 999");
    EXPECT_EQ(immediate_of("%x", config(A::amd64)), "not an immediate");
    EXPECT_EQ(immediate_of(":a", config(A::amd64)), "not an immediate");
    EXPECT_EQ(immediate_of("5", config(A::amd64)), "not an immediate");
    // Knight's bare numbers: 2 bytes, `@` up to 32767, `$` up to 65536, text above.
    EXPECT_EQ(immediate_of("5", config(A::knight)), "0005");
    EXPECT_EQ(immediate_of("40000", config(A::knight)), "9C40");
    EXPECT_EQ(immediate_of("65537", config(A::knight)), "not an immediate");
    EXPECT_EQ(immediate_of("<3", config(A::knight)), "not an immediate");
    // RISC-V: `&` is never a number; `~0x800` rounds up to 0x1000.
    EXPECT_EQ(immediate_of("&5", config(A::riscv64)), "not an immediate");
    EXPECT_EQ(immediate_of("~0x800", config(A::riscv64)), ".00001000");
}

TEST(M1Evaluate, OtherTexts) {
    EXPECT_EQ(other(":a").outcome, Outcome::unchanged);
    EXPECT_EQ(other("^b").outcome, Outcome::unchanged);
    EXPECT_EQ(other("<0").outcome, Outcome::unchanged);
    EXPECT_EQ(other("<").outcome, Outcome::unchanged);   // strtoint("") is 0
    EXPECT_EQ(other("<x").outcome, Outcome::unchanged);  // strtoint("x") is 0
    const Evaluation pad = other("<0x10");
    EXPECT_EQ(pad.outcome, Outcome::padding);
    EXPECT_EQ(pad.number, 16);
    const Evaluation negative = other("<-2");
    EXPECT_EQ(negative.outcome, Outcome::negative_padding);
    EXPECT_EQ(negative.number, -2);
    EXPECT_EQ(other("abc").outcome, Outcome::none);
    // Printed as it is unless DEFINE binds it: neither a string, nor changed by evaluation.
    std::string scratch;
    EXPECT_TRUE(kept_as_is(":a", config(A::amd64), scratch));
    EXPECT_FALSE(kept_as_is("%5", config(A::amd64), scratch));
    EXPECT_FALSE(kept_as_is("\"s", config(A::amd64), scratch));
    EXPECT_FALSE(kept_as_is("<4", config(A::amd64), scratch));
    EXPECT_FALSE(kept_as_is("foo", config(A::amd64), scratch));
}

TEST(M1Evaluate, DefineWalk) {
    // No newline before the first text; a run of newlines is one.
    TokenStream stream;
    EXPECT_FALSE(stream.keep_newline());
    stream.keep_text();
    EXPECT_TRUE(stream.keep_newline());
    EXPECT_FALSE(stream.keep_newline());
    // DEFINE takes the next two tokens, whatever they are, as name and value.
    EXPECT_EQ(stream.role(true), Role::define);
    EXPECT_TRUE(stream.wants_name());
    EXPECT_EQ(stream.role(true), Role::name);
    EXPECT_TRUE(stream.wants_value());
    EXPECT_EQ(stream.role(false), Role::value);
    EXPECT_EQ(stream.role(false), Role::print);
    // A value's text loses its quote.
    EXPECT_EQ(value_text("'x"), "x");
    EXPECT_EQ(value_text("\"y"), "y");
    EXPECT_EQ(value_text("z"), "z");
}

}  // namespace
}  // namespace hexproof::m1_fast
