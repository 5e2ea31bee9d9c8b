// Unit tests for the fast M1's printing (m1_printer.hpp), and the engine's pass 2 (m1_pass2.hpp):
// into one string or a sink, a piece at a time, in blocks of ids, in two halves at once.
#include "m1_pass2.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "m1_fast_support.hpp"
#include "m1_printer.hpp"
#include "pipeline.hpp"

namespace hexproof::m1_fast {
namespace {

using namespace m1_test;

// An entry whose printed form is `text`, with copy_slack readable bytes after it.
struct Form {
    explicit Form(const std::string& text)
        : bytes(text + std::string(copy_slack, '\0')), entry(bytes.data(), text.size()) {}
    std::string bytes;
    Entry entry;
};

TEST(M1Printer, SpacesAndNewlines) {
    // A word is followed by a space unless a newline follows; a run of newlines prints one `\n`
    // where it ends (before the next word, or at the end).
    const Form a("AB"), b("CDEF"), c(std::string(40, 'x'));
    std::string buffer(200, '?');
    Printer printer(buffer.data());
    printer.newline();
    printer.word(a.entry);
    printer.word(b.entry);
    printer.newline();
    printer.newline();
    printer.word(c.entry);
    printer.newline();
    EXPECT_EQ(printer.finish(), "\nAB CDEF\n" + std::string(40, 'x') + "\n");
    // Without a newline at the end, nothing is owed: the last word's space is never written.
    Printer two(buffer.data());
    two.word(a.entry);
    two.word(a.entry);
    EXPECT_EQ(two.finish(), "AB AB");
}

TEST(M1Printer, PaddingAndLongFormsInPieces) {
    // A padding's form is `size` zero digits, never held; a printer into pieces hands on pieces
    // of piece_size bytes and writes a long form a piece at a time.
    Form zeros("0000000000000000");
    zeros.entry.padding = true;
    zeros.entry.size = 3 * piece_size + 5;
    const std::string long_text(2 * piece_size + 7, 'L');
    const Form long_form(long_text);
    CollectingSink sink;
    {
        pipeline::Writer writer(sink, false);
        Pieces pieces(writer, 2 * piece_size + copy_slack + 2);  // a piece, and one of a long form
        Printer printer(pieces);
        printer.word(zeros.entry);
        printer.hand_on_when_full();
        printer.word(long_form.entry);
        printer.hand_on_when_full();
        printer.newline();
        pieces.hand_on(printer.finish());
        writer.wait_all();
    }
    EXPECT_EQ(sink.text, std::string(3 * piece_size + 5, '0') + " " + long_text + "\n");
    EXPECT_LE(sink.largest_piece, piece_size + 6);  // the space and 5 zeros, then a piece of L
}

// The engine's pass 2: paddings, long forms, sinks, blocks of ids.

TEST(M1Other, PaddingStreamedNotHeld) {
    // <0x4000000: 2^26 zero bytes, 2^27 hex digits (2^29 binary); the output is handed on in
    // pieces of at most a MiB, never held whole, on one thread or with a writer behind.
    for (const auto& [mode, digits] : {std::pair{B::hex, 2}, std::pair{B::binary, 8}})
        for (const Threading threading : {Threading::single, Threading::background}) {
            ZerosSink sink;
            EXPECT_FALSE(
                m1_fast::assemble_to(config(A::amd64, false, mode), files({"<0x4000000\n"}), sink, threading)
                    .has_value());
            const std::uint64_t size = (std::uint64_t{1} << 26) * digits + 1;
            EXPECT_EQ(sink.expected, std::optional<std::uint64_t>(size));
            EXPECT_EQ(sink.written, size);
            EXPECT_TRUE(sink.only_zeros);
            EXPECT_LE(sink.largest_piece, std::uint64_t{1} << 20);
        }
}

TEST(M1Engine, LongPrintedFormsGoInPieces) {
    // A string of 2^20 bytes prints 3 * (2^20 + 1) bytes of hex: handed on in pieces of at most
    // a MiB, the same bytes as the whole output.
    const std::vector<std::string> texts = {":a \"" + std::string(std::size_t{1} << 20, 'x') + "\" :b\n"};
    const Result whole = m1_fast::assemble(config(A::amd64, false), files(texts));
    for (const Threading threading : {Threading::single, Threading::background}) {
        CollectingSink sink;
        EXPECT_FALSE(
            m1_fast::assemble_to(config(A::amd64, false), files(texts), sink, threading).has_value());
        EXPECT_TRUE(Result(sink.text) == whole);
        EXPECT_LE(sink.largest_piece, std::size_t{1} << 20);
    }
}

// The sink path (assemble_to) must give what assemble gives: the same output, or the same error
// with nothing written. It skips the sizing sweep unless a printed text has no value.
void expect_sink_agrees(const M1Config& c, const std::vector<std::string>& texts) {
    const Result whole = m1_fast::assemble(c, files(texts));
    CollectingSink sink;
    expect_sink_matches(whole, m1_fast::assemble_to(c, files(texts), sink), sink);
}

TEST(M1Engine, SinkAgreesWithWholeOutput) {
    const std::string many_a = repeated("a ", 30000);
    const std::string big_string = "\"" + repeated("xyz", 400000) + "\"";
    const std::vector<std::vector<std::string>> cases = {
        {"DEFINE a 0A\n:b\na c"},                          // invalid_other, stream kept
        {"DEFINE a 0A\n" + many_a + "zz"},                 // invalid_other, lexed again
        {"DEFINE a 0A\n" + many_a, "a\n zz"},              // across files
        {"DEFINE a 0A\n" + many_a + "\nDEFINE b 'x'\nb"},  // no error, lexed again
        {"DEFINE zz 01\nzz %1 !2 :l &l \"hi\" <3 <0\n"},   // no error, stream kept
        {"zz\nDEFINE zz 01\n"},                            // bound later: still valued
        {"DEFINE zz 01\nDEFINE DEFINE 02\nzz\n"},          // DEFINE is a name
        {":a " + big_string + " :b\n" + big_string},       // printed forms wider than a piece
        {"DEFINE a 0A\na a\n"},                            // output starts with a DEFINE's newline
        {"\n\n# c\n:x DEFINE y 'z'\ny"},                   // newlines before the first token vanish
        {"", "#c\n", "DEFINE x\n\n"},                      // DEFINE's value is a newline
        {":a <3 <0x40000 :b\n<0x1_0000 <0x20000"},         // paddings wider than a piece
    };
    for (const auto& texts : cases)
        for (A a : {A::amd64, A::riscv64, A::knight}) expect_sink_agrees(config(a, false), texts);
}

// Pass 2 prints the kept stream's ids in blocks of 64 that go through three steps (decoded,
// printed forms prefetched, printed): every number of ids around one, two and three blocks must
// come out whole and in order, on one thread and in two parts. Every third line also has a label
// longer than a short copy. Expected: the DEFINE's newline, then `90` for each nop.
TEST(M1Engine, PrintsEveryIdAcrossBlocks) {
    for (const int lines :
         {0, 1, 2, 31, 32, 33, 63, 64, 65, 127, 128, 129, 191, 192, 193, 255, 256, 257, 1000}) {
        std::string input = "DEFINE nop 90\n";
        std::string expected = "\n";
        for (int i = 0; i < lines; ++i) {
            const std::string label =
                i % 3 == 0 ? " :a_label_longer_than_a_short_copy_" + std::to_string(i) : "";
            input += "nop" + label + "\n";
            expected += "90" + label + "\n";
        }
        SCOPED_TRACE(lines);
        const M1Config c = config(A::amd64, false);
        EXPECT_EQ(out(c, input), expected);
        const Result two_threads = m1_fast::assemble(c, files({input}), Threading::background);
        EXPECT_EQ(two_threads, Result(expected));
        PositionalSink positional;
        EXPECT_FALSE(m1_fast::assemble_to(c, files({input}), positional, Threading::background).has_value());
        EXPECT_EQ(positional.text, expected);
    }
}

}  // namespace
}  // namespace hexproof::m1_fast
