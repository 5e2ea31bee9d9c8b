// Unit tests for the fast M1's caches of recent texts and lines (m1_recent_lines.hpp), and the
// engine on inputs whose short lines come again.
#include "m1_recent_lines.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "m1_fast_support.hpp"

namespace hexproof::m1_fast {
namespace {

using namespace m1_test;

TEST(M1RecentTexts, RemembersWhatTheTableSaid) {
    RecentTexts recent(1 << 20);
    ShortText mov, mox;
    const std::string in = std::string("mov mox") + std::string(32, '\0');
    ASSERT_TRUE(read_short_text(in.data(), 3, in.data() + in.size(), &mov));
    ASSERT_TRUE(read_short_text(in.data() + 4, 3, in.data() + in.size(), &mox));
    EXPECT_EQ(recent.find(mov), no_id);
    recent.remember(mov, 42);
    EXPECT_EQ(recent.find(mov), 42u);
    EXPECT_EQ(recent.find(mox), no_id);
    // A text of the same bytes but another size is another text.
    ShortText mo;
    ASSERT_TRUE(read_short_text(in.data(), 2, in.data() + in.size(), &mo));
    EXPECT_EQ(recent.find(mo), no_id);
}

TEST(M1RecentLines, ShortLineEnd) {
    // The `\n` among the 48 bytes from p, or none.
    std::string in = std::string(47, 'a') + "\n" + std::string(16, 'b');
    EXPECT_EQ(RecentLines::short_line_end(in.data()), in.data() + 47);
    EXPECT_EQ(RecentLines::short_line_end(in.data() + 1), in.data() + 47);
    in[47] = 'a';
    in[48] = '\n';  // the 49th byte: not a short line
    EXPECT_EQ(RecentLines::short_line_end(in.data()), nullptr);
    in[3] = '\n';
    EXPECT_EQ(RecentLines::short_line_end(in.data()), in.data() + 3);
}

TEST(M1RecentLines, HoldsOnlyTheSameBytes) {
    RecentLines lines(1 << 20);
    // Two lines alike in their first 16 and last 8 bytes and their size (the same line of the
    // table), each followed by bytes that can be read.
    const std::string a = ":abcdefghijklmnoX1234567\n" + std::string(48, '#');
    const std::string b = ":abcdefghijklmnoY1234567\n" + std::string(48, '#');
    const RecentLines::ShortLine la = lines.line_at(a.data(), a.data() + 24);
    const RecentLines::ShortLine lb = lines.line_at(b.data(), b.data() + 24);
    EXPECT_EQ(la.size, 25u);
    EXPECT_EQ(la.index, lb.index);
    EXPECT_FALSE(lines.holds(la));
    const unsigned char code[line_code_room + 5] = {0x0A};
    lines.remember(la, code, 1);
    EXPECT_TRUE(lines.holds(la));
    EXPECT_FALSE(lines.holds(lb));
    // The same bytes elsewhere are the same line.
    const std::string again = "x" + a;
    EXPECT_TRUE(lines.holds(lines.line_at(again.data() + 1, again.data() + 25)));
    EXPECT_EQ(lines.line(la.index).code_size, 1u);
    EXPECT_EQ(lines.line(la.index).code[0], 0x0A);
}

TEST(M1RecentLines, CodeOfALine) {
    using m1_lexer::Token;
    using m1_lexer::TokenKind;
    const char* t = "a b\n";
    const Token text_a{t, t + 1, TokenKind::atom}, text_b{t + 2, t + 3, TokenKind::atom},
        nl{t + 3, t + 4, TokenKind::newline};
    unsigned char code[line_code_room + 5];
    // Texts 5 and 70, then the newline: 0A, then 140 = 8C 01 with the newline bit: 8D 01.
    const Token plain[] = {text_a, text_b, nl};
    const std::uint32_t ids[] = {5, 70, no_id};
    ASSERT_EQ(RecentLines::code_of(plain, ids, 3, code), 3u);
    EXPECT_EQ(code[0], 0x0A);
    EXPECT_EQ(code[1], 0x8D);
    EXPECT_EQ(code[2], 0x01);
    // A newline alone: no code. A DEFINE, or a newline inside, or a code past 12 bytes: not kept.
    EXPECT_EQ(RecentLines::code_of(&nl, ids + 2, 1, code), 0u);
    const std::uint32_t define_ids[] = {define_id, 70, no_id};
    EXPECT_EQ(RecentLines::code_of(plain, define_ids, 3, code), RecentLines::no_code);
    const Token two_lines[] = {text_a, nl, nl};
    EXPECT_EQ(RecentLines::code_of(two_lines, ids, 3, code), RecentLines::no_code);
    // Ids of 2^20 take 4 bytes each (2^21 has 22 bits): three fit, four do not.
    const Token three[] = {text_a, text_a, text_a, nl}, four[] = {text_a, text_a, text_a, text_a, nl};
    const std::uint32_t big_ids[] = {1u << 20, 1u << 20, 1u << 20, 1u << 20, no_id};
    EXPECT_EQ(RecentLines::code_of(three, big_ids, 4, code), 12u);
    EXPECT_EQ(RecentLines::code_of(four, big_ids, 5, code), RecentLines::no_code);
}

// The engine on lines met again.

// Short lines met again (RecentLines): the engine keeps the tokens and ids of a short line it
// lexed, and takes them again when the same bytes come at a place the lexer would rest at. A
// batch of tokens is looked up before it is used: a line is remembered when its texts were
// all known before its batch, and found again from the next batch on (`later_batch`, 600
// newline events, starts a new one). Lines are looked up when 48 bytes can be read from their
// start (`tail`, a 64-byte comment line, gives the lines before it that room). Neither prints
// anything: newline runs print one `\n`.
const std::string later_batch = repeated("#\n", 600);
const std::string tail = "#" + std::string(62, '-') + "\n";

// `text` met (its texts new), met again in a later batch (its lines are remembered), and a new
// batch begun: the lines of `text` written next are found again.
std::string remembered(const std::string& text) { return text + later_batch + text + later_batch; }

TEST(M1RecentLines, LinesAlikeInTheirFirstAndLastBytes) {
    // The same first 16 and last 8 bytes and the same size: the same line of the cache, which
    // must still tell them apart by all their bytes.
    const std::string a = ":abcdefghijklmnoX1234567\n", b = ":abcdefghijklmnoY1234567\n";
    EXPECT_EQ(out(config(A::amd64), remembered(a + b) + b + a + tail), a + b + a + b + b + a);
}

TEST(M1RecentLines, KnownLineWhileADefineWaits) {
    // `DEFINE` then its line's newline as the name: the next line's first text is the value,
    // even in a line met before as a printed one. Printed: ":p :q" twice, the DEFINE's
    // newline (one run with the line's), then ":q".
    const std::string known = ":p :q\n";
    EXPECT_EQ(out(config(A::amd64), remembered(known) + "DEFINE\n" + known + tail), ":p :q\n:p :q\n:q\n");
}

TEST(M1RecentLines, CommentEndingAtACarriageReturnInsideALine) {
    // ":p", a comment "#c\r" (a newline), ":q", the newline: ":p" and ":q" on lines of their own.
    const std::string line = ":p #c\r:q\n";
    EXPECT_EQ(out(config(A::amd64), remembered(line) + line + tail), ":p\n:q\n:p\n:q\n:p\n:q\n");
}

TEST(M1RecentLines, DefineLinesMetAgain) {
    // Every x takes the value of the last DEFINE of x (02); each DEFINE is a newline.
    const std::string one = "DEFINE x 01\n", two = "DEFINE x 02\n";
    EXPECT_EQ(out(config(A::amd64), remembered(one + "x\n") + one + "x\n" + two + "x\n" + tail),
              "\n02\n02\n02\n02\n");
}

TEST(M1RecentLines, StringOverLinesLikeAKnownOne) {
    // The string holds the bytes of the known line; they are the string's, not a line's. The
    // string "s\n:p :q\n" is 73 0A 3A 70 20 3A 71 0A and a 0 byte, each followed by a space.
    const std::string known = ":p :q\n";
    EXPECT_EQ(out(config(A::amd64), remembered(known) + "\"s\n:p :q\n\" :r\n" + known + tail),
              ":p :q\n:p :q\n73 0A 3A 70 20 3A 71 0A 00  :r\n:p :q\n");
}

TEST(M1RecentLines, StringEndingWhereALineEnds) {
    // The string 'ab\n' ends at the `\n` of its first line, where its closing quote starts
    // the next: that line's tokens do not end with a newline event, it is not a short line. The
    // raw string prints as it is.
    const std::string line = "'ab\n' :p\n";
    EXPECT_EQ(out(config(A::amd64), remembered(line) + line + tail), "ab\n :p\nab\n :p\nab\n :p\n");
    // " :p\n" is a short line met again after the string; the DEFINE's newline after it runs
    // into the line's own (the string keeps its space).
    EXPECT_EQ(out(config(A::amd64), remembered(line) + line + "DEFINE x 01\n" + tail),
              "ab\n :p\nab\n :p\nab\n :p\n");
}

TEST(M1RecentLines, DefineWaitingAtTheEndInALineMetAgain) {
    // "  DEFINE\n" takes its newline as the name and waits for a value: ":v" in the first file,
    // nothing at the end of the second (the comment's newline runs into the one before). The
    // error is at that DEFINE: file 1, offset 2. (Each file is lexed in batches of its own.)
    const std::string waiting = "  DEFINE\n";
    EXPECT_EQ(err(config(A::amd64), std::vector<std::string>{waiting + ":v\n" + later_batch, waiting + tail}),
              error(ErrorKind::macro_value_missing, 1, 2));
}

TEST(M1RecentLines, TextWithoutValuePrintedOnlyInALineMetAgain) {
    // "DEFINE\n" takes its newline as the name and "zz", the next line's first text, as the
    // value. The line "zz :p\n" met again where no DEFINE waits prints "zz", which has no value:
    // invalid_other there, though no "zz" was printed before. It is a plain line taken from the
    // cache, whose texts a part of pass 1 may mark instead of counting them (Part::counted): the
    // error is found whichever part reads the line, in one part or two, printed in one piece or
    // two.
    const std::string line = "zz :p\n";
    const std::string body = remembered("DEFINE\n" + line) + line + tail;
    const std::string pad = repeated(tail, 100);  // the middle of all the bytes lies in it
    const std::size_t at_last_line = remembered("DEFINE\n" + line).size();
    const std::pair<std::string, std::size_t> cases[] = {
        {body, at_last_line}, {pad + body, pad.size() + at_last_line}, {body + pad, at_last_line}};
    for (const auto& [text, offset] : cases) {
        EXPECT_EQ(err(config(A::amd64), text), error(ErrorKind::invalid_other, 0, offset, 0, "zz"));
        expect_threading_agrees(config(A::amd64), {text});
        CollectingSink sink;
        expect_sink_matches(m1_fast::assemble(config(A::amd64), files({text}), Threading::single),
                            m1_fast::assemble_to(config(A::amd64), files({text}), sink, Threading::single),
                            sink);
    }
}

TEST(M1RecentLines, PrintedInTwoPartsWithManyLinesMetAgain) {
    // With positional writes the output is printed in two halves at once. When pass 1 read two
    // stretches, the second half goes where the first part's size, counted in pass 1, says: the
    // counts of the texts of lines met again must be there, those of lines the cache let go of
    // too (6000 lines of labels, met five times: lines whose places in the cache coincide take
    // turns there). When pass 1
    // read everything (the middle falls in a string), the first half of its stream is swept to
    // find that place, lines met again included.
    const std::string defs = "DEFINE ld 03\nDEFINE rd_a0 .00050000\nDEFINE rs1_sp .00000100\nDEFINE nop 13\n";
    const std::string lines[] = {"rd_a0 rs1_sp !8 ld\n", ":p :q :r\n", "nop\n", "\t!1 !2\n"};
    // (Pass 1 keeps its stream, and pass 2 prints it in two halves, while it takes at most a
    // quarter of the bytes read: the comment lines make room.)
    const std::string same = "rd_a0 rs1_sp ld\n";
    std::string commented;
    for (int i = 0; i < 30000; ++i)
        commented += "rd_a0 :x" + std::to_string(i % 6000) + " ld\n" + lines[i % 4] + tail;
    const std::vector<std::vector<std::string>> cases = {
        {defs + commented},
        middle_at_marker({defs + commented + "\"a long| string\n\" nop\n" + commented}),
        // The stream's middle falls among lines met again: the first half ends with one.
        middle_at_marker({defs + repeated(same + tail, 10000) + "\"a long| string\n\" nop\n" +
                          repeated(same + tail, 30000)}),
    };
    for (const auto& texts : cases)
        for (A a : {A::amd64, A::riscv64}) EXPECT_GT(expect_threading_agrees(config(a, false), texts), 0);
}

TEST(M1RecentLines, LineMetAgainMoreTimesThanItsCounterHolds) {
    // A line counts its readings in 16 bits and hands them to the table when the counter is
    // full: 70000 readings of "nop\n" before the cut must all be in the first part's size, or
    // the second half lands in the wrong place. The comment lines keep the stream within its
    // quarter of the bytes read. Each "nop" prints "13" and a newline; the DEFINE prints the
    // first newline, and the comments' newlines run into the ones before.
    const std::string comment = "#" + std::string(200000, '-') + "\n";
    const std::vector<std::string> texts =
        middle_at_marker({"DEFINE nop 13\n" + repeated("nop\n", 70000) + comment + "|" + comment + "nop\n"});
    EXPECT_EQ(out(config(A::amd64), texts), "\n" + repeated("13\n", 70001));
    EXPECT_GT(expect_threading_agrees(config(A::amd64), texts), 0);
}

}  // namespace
}  // namespace hexproof::m1_fast
