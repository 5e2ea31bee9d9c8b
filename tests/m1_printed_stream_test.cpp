// Unit tests for the fast M1's printed stream (m1_printed_stream.hpp), and the engine both when
// pass 1 keeps its stream for pass 2 and when the stream outgrows its limit.
#include "m1_printed_stream.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <utility>
#include <vector>

#include "m1_fast_support.hpp"

namespace hexproof::m1_fast {
namespace {

using namespace m1_test;

// The values replayed from a stream, as (id, newline after) pairs.
std::vector<std::pair<std::uint32_t, bool>> values_of(const PrintedStream& stream, std::size_t from = 0,
                                                      std::size_t to = SIZE_MAX) {
    std::vector<std::pair<std::uint32_t, bool>> v;
    stream.replay(
        [&](std::uint32_t id, bool newline_after) {
            v.emplace_back(id, newline_after);
            return true;
        },
        from, to);
    return v;
}

TEST(M1PrintedStream, ValuesAreVarints) {
    // An id's value is 2 * id, 7 bits a byte, lowest first, the high bit on all bytes but the
    // last: 5 -> 0A; 64 -> 128 -> 80 01; 8192 -> 16384 -> 80 80 01; UINT32_MAX -> 2^33 - 2 ->
    // FE FF FF FF 1F. The newline bit is the first byte's lowest.
    const auto encode = [](std::uint32_t id) {
        unsigned char buf[8];
        unsigned char* end = put_value(buf, id);
        return std::vector<unsigned char>(buf, end);
    };
    EXPECT_EQ(encode(5), (std::vector<unsigned char>{0x0A}));
    EXPECT_EQ(encode(64), (std::vector<unsigned char>{0x80, 0x01}));
    EXPECT_EQ(encode(8192), (std::vector<unsigned char>{0x80, 0x80, 0x01}));
    EXPECT_EQ(encode(UINT32_MAX), (std::vector<unsigned char>{0xFE, 0xFF, 0xFF, 0xFF, 0x1F}));
    for (const std::uint32_t id : {0u, 1u, 63u, 64u, 8191u, 8192u, 1u << 21, UINT32_MAX}) {
        for (const bool newline : {false, true}) {
            unsigned char buf[8];
            const unsigned char* end = put_value(buf, id);
            if (newline) buf[0] |= 1;
            const unsigned char* p = buf;
            const Value v = get_value(p);
            EXPECT_EQ(v.id, id);
            EXPECT_EQ(v.newline_after, newline);
            EXPECT_EQ(p, end);
        }
    }
}

TEST(M1PrintedStream, NewlinesFoldIntoTheTextBeforeThem) {
    PrintedStream stream(1000);
    EXPECT_TRUE(stream.empty());
    EXPECT_FALSE(stream.starts_with_newline());
    EXPECT_FALSE(stream.ends_with_newline());
    // NL a b NL NL c: the first newline and the second of the run stand alone (id 0).
    stream.push_newline();
    stream.push_text(7);
    stream.push_text(300);
    stream.push_newline();
    stream.push_newline();
    stream.push_text(9);
    const std::vector<std::pair<std::uint32_t, bool>> expected = {
        {0, false}, {7, false}, {300, true}, {0, false}, {9, false}};
    EXPECT_EQ(values_of(stream), expected);
    // Bytes: 00, 0E, D9 04 (300 -> 600 = 0x258: 58|80, 04; with the newline D9), 00, 12.
    EXPECT_EQ(stream.size(), 6u);
    EXPECT_TRUE(stream.starts_with_newline());
    EXPECT_FALSE(stream.ends_with_newline());
    stream.push_newline();
    EXPECT_TRUE(stream.ends_with_newline());
    // The middle: the first value boundary at or after half the 6 bytes; byte 3 is inside 300's
    // value, so 4.
    EXPECT_EQ(stream.middle(), 4u);
    EXPECT_EQ(values_of(stream, 0, stream.middle()).size(), 3u);
    EXPECT_EQ(values_of(stream, stream.middle()).size(), 2u);
}

TEST(M1PrintedStream, ALineAppendedWhole) {
    // A remembered line's code: its texts' values, the last with its newline.
    PrintedStream stream(1000);
    unsigned char code[line_code_room] = {};
    unsigned char* w = put_value(code, 3);
    w = put_value(w, 200);
    code[1] |= 1;
    stream.append(code, static_cast<std::size_t>(w - code));
    stream.push_text(4);
    const std::vector<std::pair<std::uint32_t, bool>> expected = {{3, false}, {200, true}, {4, false}};
    EXPECT_EQ(values_of(stream), expected);
}

TEST(M1PrintedStream, DroppedPastItsLimit) {
    // A stream of 4 bytes at most: the fifth drops it, and it takes nothing more.
    PrintedStream stream(4);
    for (std::uint32_t id = 1; id <= 4; ++id) stream.push_text(id);
    EXPECT_TRUE(stream.kept());
    stream.push_text(5);
    EXPECT_FALSE(stream.kept());
    stream.push_newline();
    EXPECT_FALSE(stream.kept());
}

// The engine when the stream is too big to keep, and when it is kept.

TEST(M1Engine, SecondLexingWhenTheStreamIsTooBig) {
    // 30000 one-byte tokens: the stream (about 30000 bytes) exceeds 60012 / 4 + 4096.
    const std::string many_a = repeated("a ", 30000);
    const std::string printed = repeated("0A ", 29999) + "0A";
    EXPECT_EQ(out(config(A::amd64), "DEFINE a 0A\n" + many_a), "\n" + printed + "\n");
    // DEFINE, strings and line ends on that path: NL(DEFINE) NL a.. NL NL(DEFINE) NL b NL.
    EXPECT_EQ(out(config(A::amd64), "DEFINE a 0A\n" + many_a + "\nDEFINE b 'x'\nb"),
              "\n" + printed + "\nx\n");
    // invalid_other found while lexing again: "zz" at 12 + 60000.
    EXPECT_EQ(err(config(A::amd64), "DEFINE a 0A\n" + many_a + "zz"),
              error(ErrorKind::invalid_other, 0, 60012, 0, "zz"));
    // Across files.
    EXPECT_EQ(err(config(A::amd64), std::vector<std::string>{"DEFINE a 0A\n" + many_a, "a\n zz"}),
              error(ErrorKind::invalid_other, 1, 3, 0, "zz"));
}

TEST(M1Engine, InvalidOtherLocatedFromTheStream) {
    // Small input, stream kept: printed NL(DEFINE) NL ":b" NL "a" "c"; "c" is at 12 + 3 + 2.
    EXPECT_EQ(err(config(A::amd64), "DEFINE a 0A\n:b\na c"), error(ErrorKind::invalid_other, 0, 17, 0, "c"));
}

}  // namespace
}  // namespace hexproof::m1_fast
