// Unit tests for the fast M1's table of distinct texts (m1_text_table.hpp), and the engine on
// inputs that stress it: many texts, and keys under which every text collides.
#include "m1_text_table.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "keyed_hash.hpp"
#include "m1_fast_support.hpp"

namespace hexproof::m1_fast {
namespace {

using namespace m1_test;

// Bytes that can be read past a text: a table reads 24 bytes from a "wide" text.
std::string padded(const std::string& text) { return text + std::string(32, '\0'); }

TEST(M1TextTable, IdsByFirstOccurrence) {
    const keyed_hash::Key key = keyed_hash::key_from_seed(7);
    TextTable table(key);
    // Ids 0 and 1 are upstream's newline_blob and define_blob.
    ASSERT_EQ(table.entries.size(), 2u);
    EXPECT_EQ(table.entries[newline_id].view(), "\n");
    EXPECT_EQ(table.entries[define_id].view(), "DEFINE");
    // "mov :a mov DEFINE :a": mov 2, :a 3, then the same ids again (DEFINE is 1).
    const std::string in = padded("mov :a mov DEFINE :a");
    const char* p = in.data();
    const char* limit = in.data() + in.size();
    EXPECT_EQ(table.intern(p, 3, limit), 2u);
    EXPECT_EQ(table.intern(p + 4, 2, limit), 3u);
    EXPECT_EQ(table.intern(p + 7, 3, limit), 2u);
    EXPECT_EQ(table.intern(p + 11, 6, limit), define_id);
    EXPECT_EQ(table.intern(p + 18, 2, limit), 3u);
    EXPECT_EQ(table.entries.size(), 4u);
    // An entry starts as the text's first occurrence, read 24 bytes wide here.
    EXPECT_EQ(table.entries[3].view(), ":a");
    EXPECT_EQ(table.entries[3].data, p + 4);
    EXPECT_TRUE(table.entries[3].wide);
}

TEST(M1TextTable, TheSameTextWhereverItLies) {
    // A text near the end of its buffer (fewer than 24 bytes readable) is compared byte by byte,
    // and is the same text as a wide one.
    const keyed_hash::Key key = keyed_hash::key_from_seed(1);
    TextTable table(key);
    const std::string wide = padded("movabs_rax,");
    const std::string narrow = "movabs_rax,";
    const std::uint32_t id = table.intern(wide.data(), narrow.size(), wide.data() + wide.size());
    EXPECT_EQ(table.intern(narrow.data(), narrow.size(), narrow.data() + narrow.size()), id);
    const std::string other = "movabs_rbx,";
    EXPECT_NE(table.intern(other.data(), other.size(), other.data() + other.size()), id);
}

TEST(M1TextTable, IdsSurviveGrowthAndEveryKey) {
    // 5000 texts (the table grows from 1024 slots several times) are found again with their
    // ids under a random key; 1000 under the zero key, with which every text has one hash (one
    // probe chain).
    for (const bool zero : {false, true}) {
        const keyed_hash::Key key = zero ? keyed_hash::Key{} : keyed_hash::key_from_seed(3);
        const int count = zero ? 1000 : 5000;
        TextTable table(key);
        std::vector<std::string> texts;
        for (int i = 0; i < count; ++i) texts.push_back(padded(":label_" + std::to_string(i)));
        const auto id_of = [&](int i) {
            const std::string& t = texts[static_cast<std::size_t>(i)];
            return table.intern(t.data(), t.find('\0'), t.data() + t.size());
        };
        for (int i = 0; i < count; ++i) EXPECT_EQ(id_of(i), static_cast<std::uint32_t>(i + 2));
        for (int i = count - 1; i >= 0; --i) EXPECT_EQ(id_of(i), static_cast<std::uint32_t>(i + 2));
        EXPECT_EQ(table.entries.size(), static_cast<std::size_t>(count + 2));
    }
}

TEST(M1TextTable, FindHashed) {
    const keyed_hash::Key key = keyed_hash::key_from_seed(5);
    TextTable table(key);
    const std::string in = padded("alpha beta");
    table.intern(in.data(), 5, in.data() + in.size());
    table.intern(in.data() + 6, 4, in.data() + in.size());
    const std::string_view beta = "beta";
    const std::uint32_t h = hash_text(key, in.data() + 6, 4, in.data() + in.size());
    EXPECT_EQ(table.find_hashed(h, [&] { return beta; }), 3u);
    EXPECT_EQ(table.find_hashed(h, [&] { return std::string_view("betb"); }), no_id);
}

TEST(M1TextTable, ComparingTexts) {
    // same_text for every size up to 40 and a difference at every place; same_short_text for
    // sizes below 24, reading 24 bytes of each.
    for (std::size_t n = 0; n <= 40; ++n) {
        const std::string a = padded(std::string(n, 'x'));
        EXPECT_TRUE(same_text(a.data(), a.data(), n));
        const bool short_text = n < 24;
        if (short_text) {
            EXPECT_TRUE(same_short_text(a.data(), padded(std::string(n, 'x')).data(), n));
        }
        for (std::size_t k = 0; k < n; ++k) {
            std::string b = a;
            b[k] = 'y';
            EXPECT_FALSE(same_text(a.data(), b.data(), n)) << n << " " << k;
            if (short_text) {
                EXPECT_FALSE(same_short_text(a.data(), b.data(), n)) << n << " " << k;
            }
        }
        // Bytes past the texts do not count.
        std::string c = a;
        c[n] = 'z';
        EXPECT_TRUE(same_text(a.data(), c.data(), n));
        if (short_text) {
            EXPECT_TRUE(same_short_text(a.data(), c.data(), n));
        }
    }
}

// The engine on many texts, and under every key.

TEST(M1Engine, ManyDistinctTexts) {
    // 20000 labels: ids past 16383 (three-byte stream entries) and many table growths.
    std::string input;
    for (int i = 0; i < 20000; ++i) input += ":a_long_label_name_number_" + std::to_string(i) + "\n";
    EXPECT_EQ(out(config(A::amd64), input), input);
}

// Texts are hashed with a key drawn for each run (keyed_hash.hpp); the result must not depend on
// it. Texts of every size around the hash's cases (short, one chunk, several; read in place or,
// at the end of an input, copied), DEFINEs, strings, errors, on one thread and two, under two keys
// and under the zero key, with which every text has the same hash (one probe chain).
TEST(M1Engine, ResultDoesNotDependOnTheKey) {
    std::string program = "DEFINE mov 48\n";
    for (std::size_t size : {1, 7, 8, 15, 16, 23, 24, 25, 31, 32, 255, 256, 257, 300, 512, 513})
        for (char c : {'a', 'b'}) {
            const std::string name = ":" + std::string(size - 1, 'n') + c;
            program += name + " mov \"" + std::string(size, 's') + "\" " + name + "\n";
        }
    for (int i = 0; i < 300; ++i)
        program += "DEFINE k" + std::to_string(i) + " 0" + std::to_string(i % 10) + "\nk" +
                   std::to_string(i) + " %" + std::to_string(i) + "\n";
    const std::string tail = ":" + std::string(40, 'q') + " :z";  // texts near the end of the input
    const std::vector<std::vector<std::string>> cases = {
        {program + tail},
        {program, tail, program},
        {program + "zz\n" + tail},
        {program + "!999 " + tail},
    };
    EXPECT_TRUE(is_ok(m1_fast::assemble(config(A::amd64, false), files(cases[0]))));
    EXPECT_FALSE(is_ok(m1_fast::assemble(config(A::amd64, false), files(cases[3]))));
    const keyed_hash::Key keys[] = {keyed_hash::key_from_seed(1), keyed_hash::key_from_seed(2),
                                    keyed_hash::Key{}};
    for (const auto& texts : cases)
        for (const A a : {A::amd64, A::riscv64}) {
            const Result expected = m1_fast::assemble(config(a, false), files(texts));
            for (const keyed_hash::Key& key : keys)
                for (const Threading threading : {Threading::single, Threading::background})
                    EXPECT_EQ(m1_fast::assemble(config(a, false), files(texts), threading, key), expected);
        }
    // With the zero key too: a and b are different texts.
    EXPECT_EQ(m1_fast::assemble(config(A::amd64), files({"DEFINE a 0A\nDEFINE b 0B\na b"}), Threading::single,
                                keyed_hash::Key{}),
              Result(std::string("\n0A 0B\n")));
}

}  // namespace
}  // namespace hexproof::m1_fast
