// Unit tests of the fast hex2 engine's own machinery (the engine interface's clauses, on both
// engines, are in hex2_clauses_test.cpp): results independent of the hash key, and the reading
// of large inputs in two stretches by two threads.
#include "hex2_fast.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <exception>
#include <initializer_list>
#include <iterator>
#include <string>
#include <vector>

#include "encoding.hpp"
#include "hex2_test_support.hpp"
#include "keyed_hash.hpp"
#include "split.hpp"

namespace hexproof {
namespace {

using namespace hex2_test;

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
    const keyed_hash::Key keys[] = {keyed_hash::key_from_seed(1), keyed_hash::key_from_seed(2),
                                    keyed_hash::Key{}};
    for (const auto& texts : cases)
        for (const Architecture a : {Architecture::amd64, Architecture::riscv64}) {
            const Result expected = hex2_fast::link(le(a, 0x1000), files(texts));
            for (const keyed_hash::Key& key : keys)
                for (const Threading threading : {Threading::single, Threading::background})
                    EXPECT_EQ(hex2_fast::link(le(a, 0x1000), files(texts), threading, key), expected);
        }
    // With the zero key too: `:a 11 :b 22 &a &b` -> 11 22 00000000 00000001.
    EXPECT_EQ(
        output(hex2_fast::link(config(), files({":a 11 :b 22 &a &b"}), Threading::single, keyed_hash::Key{})),
        bytes({0x11, 0x22, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01}));
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
    return ":p0\n" + data(mode, {0x00, 0x11, 0x22, 0x33}) + "\n%p1 &q0\n:p1\n" +
           data(mode, {0x44, 0x55, 0x66, 0x77}) + "\n%q1>p0 &p1\n";
}
std::string after_cut(ByteMode mode = ByteMode::hex) {
    return ":q0\n" + data(mode, {0x88, 0x99, 0xAA, 0xBB}) + "\n%p0 &q1\n:q1\n" +
           data(mode, {0xCC, 0xDD, 0xEE, 0xFF}) + "\n%p1>q1 &q0\n";
}

// Each architecture of `architectures` in both byte orders, at base addresses that are and are
// not multiples of 4 (the last one wraps).
std::vector<Hex2Config> split_configs(const std::vector<Architecture>& architectures, ByteMode mode) {
    struct Variant {
        bool big_endian;
        std::uint32_t base;
    };
    constexpr Variant variants[] = {
        {false, 0}, {true, 0x1000}, {false, 0x1001}, {true, 0x2002}, {false, 0xFFFFFFFD}};
    std::vector<Hex2Config> v;
    for (Architecture a : architectures)
        for (const Variant& w : variants) v.push_back(config(a, w.big_endian, w.base, mode));
    return v;
}

// RISC-V `.` words met one after the other with only skipped bytes between them are read as one
// token holding their XOR (hex2_lexer.hpp, `words`). On riscv64, little endian, each word's bytes
// as read go to the next four data bytes in order: `.00000001 .00000002 00000000` puts both on the
// fourth byte, 01 ^ 02 = 03, whatever lies between the words.
TEST(Hex2FastWords, WordsInARowAddUp) {
    const auto link = [](const std::string& text) {
        return output(hex2_fast::link(le(Architecture::riscv64), files({text}), Threading::single));
    };
    for (const char* between : {" ", "  \t", "\n", "\r\n", " # c\n", " ;c\n", ""})
        EXPECT_EQ(link(std::string(".00000001") + between + ".00000002 00000000"), bytes({0, 0, 0, 3}))
            << "between: " << between;
    // Three in a row, upper case: 01 ^ 02 ^ 0F = 0C on the fourth byte, 0A on the first.
    EXPECT_EQ(link(".0A000001 .00000002 .0000000F 00000000"), bytes({0x0A, 0, 0, 0x0C}));
    // A word whose digits are not all in a row is read as before: `.0000002 0` is 00000020.
    EXPECT_EQ(link(".00000001 .0000002 0 00000000"), bytes({0, 0, 0, 0x21}));
    // A digit after a word is data, not the start of another word.
    EXPECT_EQ(link(".00000001 .00000002 1 2 00000000"), bytes({0x12, 0, 0, 3, 0}));
    // A word cut off by the end of the input is still an error at its `.`.
    EXPECT_EQ(
        error(hex2_fast::link(le(Architecture::riscv64), files({".00000001 .0000"}), Threading::single)),
        make_error(ErrorKind::unterminated_word, 0, 10));
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
        {"digit pending before a `.` word (it needs one digit less)",
         {p + "1\n|.0000001 3 44 55 66 77\n" + q},
         every},
        {"digit pending at a text's end, the cut at the next text", {p + "00 1", "|23 " + q}, every},
        {"octal: two digits pending", {p8 + "1 0\n|1 101\n" + q8}, every, ByteMode::octal},
        {"octal: one digit pending", {p8 + "10\n|1 101\n" + q8}, every, ByteMode::octal},
        {"binary: four bits pending", {p2 + "0100\n|0001 01000010\n" + q2}, every, ByteMode::binary},
        // 2. A RISC-V `.` word across the cut (elsewhere `.` is text): read again on one thread.
        {"`.` word across the cut", {p + ".0000\n|0013 11 22 33 44\n" + q}, every},
        {"`.` word and a comment across the cut", {p + ".0000 # more below\n|0013 11 22 33 44\n" + q}, every},
        {"`.` word across the cut, a `:` skipped in it",
         {p + "11 .00\n|00 :x 00 13 22 33 44 55 &x\n" + q},
         every},
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
        {"octal: `.` word bytes wait",
         {p8 + ".000 000 000 023\n|101 102 103 104\n" + q8},
         every,
         ByteMode::octal},
        // 5. RISC-V word references before the cut whose bytes reach data after it (carry_past).
        {"word reference bytes reach past the cut", {p + "!q1\n|11 22 33 44\n" + q}, every},
        {"... past a four-byte field", {p + "!q1\n|&p0 11 22 33 44\n" + q}, every},
        {"... past padding", {p + "!q1\n|11 <\n22 33 44 55\n" + q}, every},
        {"... past a field, padding and another field",
         {p + "!p0 !q0\n|%p1 11 <\n22 &q1 33 44 55\n" + q},
         every},
        {"... past padding at the second stretch's start",
         {p + "AA !q1[\n|<\n", "22 33 44 55\n" + q},
         padding},
        {"word references on both sides", {p + "!q1\n|!q0 11 22 33 44 55\n" + q}, every},
        {"word reference bytes reach the last byte", {p + q + "!q1\n|11\n"}, every},
        {"word reference bytes at the second stretch's end", {p + "11\n|" + q + "!q1 22 33 44 55\n"}, every},
        {"word reference bytes reach past the end", {p + q + "!q1\n|:z\n# the end\n"}, every},
        {"word reference at a text's end, the cut at the next text",
         {p + "!q1", "|11 22 33 44\n" + q},
         every},
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
    const auto expect = [](const Hex2Config& c, const std::vector<std::string>& texts,
                           const std::string& out) {
        EXPECT_EQ(describe(expect_threads_agree(c, at_markers(texts))), describe(out));
    };
    // Labels on both sides: :x at 0, 00, &x at 1..4, :x at 5 (wins), 11, &x at 6..9.
    expect(config(), {":x 00\n&x\n|:x 11\n&x\n"},
           bytes({0x00, 0x00, 0x00, 0x00, 0x05, 0x11, 0x00, 0x00, 0x00, 0x05}));
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
    expect(config(A::riscv64), {"AA !t[\n|<\n", "11 22 33 :t\n"},
           bytes({0xAA, 0x00, 0x00, 0x00, 0x11, 0x22, 0x93}));
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
    EXPECT_EQ(describe(expect_threads_agree(config(), h)),
              describe(make_error(ErrorKind::nul_in_name, 1, 0)));
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
    expect(le(A::aarch64), {"00 00 00 00 ^", "|~a 00\n:a\n"},
           bytes({0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00}));
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
        riscv += ":L" + n + "\n!L" + back + " 13050500 ~L" + ahead + " 17050000 .00000513 00000000 &L" +
                 back + " %L" + ahead + "\n<\n";
        other +=
            ":L" + n + "\n^%L" + back + " 13050500 &L" + ahead + " 170500 %L" + ahead + ">L" + back + "\n<\n";
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
