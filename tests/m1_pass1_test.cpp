// Unit tests for the fast M1's pass 1 (m1_pass1.hpp): the texts, bindings, counts and printed
// stream it makes, its errors, the merge of two stretches; and the engine read in two stretches.
#include "m1_pass1.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "keyed_hash.hpp"
#include "m1_fast_support.hpp"

namespace hexproof::m1_fast {
namespace {

using namespace m1_test;

// Pass 1 for amd64 (the parts' texts are views into `inputs`, which must outlive them).
Parts pass1(const std::vector<Input>& inputs, std::optional<Error>* error, bool two_threads = false) {
    static const keyed_hash::Key key = keyed_hash::key_from_seed(11);
    Parts parts;
    *error = read_texts(config(A::amd64), inputs, two_threads, key, parts);
    return parts;
}

// The texts of a part's table, in id order.
std::vector<std::string> texts_of(const Part& part) {
    std::vector<std::string> texts;
    for (const Entry& e : part.table.entries) texts.emplace_back(e.view());
    return texts;
}

// A part's printed stream as text: a text's id, `/` after it for the newline it carries, `N`
// for a newline alone.
std::string stream_of(const Part& part) {
    std::string s;
    part.printed.replay([&](std::uint32_t id, bool newline_after) {
        s += id == newline_id ? "N" : std::to_string(id);
        s += newline_after ? "/ " : " ";
        return true;
    });
    return s;
}

TEST(M1Pass1, TextsBindingsCountsAndStream) {
    // DEFINE a 0A NL a b a NL: texts by first occurrence after "\n" and DEFINE: a 2, 0A 3, b 4.
    // The DEFINE line leaves two newlines (the DEFINE's and its line's); a is printed twice, b
    // once, 0A never (it is a value).
    std::optional<Error> error;
    const std::vector<Input> in = files({"DEFINE a 0A\na b a\n"});
    const Parts parts = pass1(in, &error);
    ASSERT_FALSE(error.has_value());
    ASSERT_TRUE(parts.first.has_value());
    EXPECT_FALSE(parts.second.has_value());
    const Part& part = *parts.first;
    EXPECT_EQ(texts_of(part), (std::vector<std::string>{"\n", "DEFINE", "a", "0A", "b"}));
    EXPECT_EQ(part.table.entries[2].bound, 3u);
    EXPECT_EQ(part.table.entries[4].bound, no_id);
    EXPECT_EQ(part.table.entries[2].count, 2u);
    EXPECT_EQ(part.table.entries[3].count, 0u);
    EXPECT_EQ(part.table.entries[4].count, 1u);
    EXPECT_EQ(stream_of(part), "N N 2 4 2/ ");
    // Labels and sigils are kept as they are (evaluation need not read them), strings and
    // immediates are not.
    const std::vector<Input> in2 = files({":l %5 \"s\" 'r' &x\n"});
    const Parts more = pass1(in2, &error);
    ASSERT_FALSE(error.has_value());
    const auto& e = more.first->table.entries;
    EXPECT_TRUE(e[2].as_is);   // :l
    EXPECT_FALSE(e[3].as_is);  // %5
    EXPECT_FALSE(e[4].as_is);  // "s
    EXPECT_FALSE(e[5].as_is);  // 'r
    EXPECT_TRUE(e[6].as_is);   // &x
}

TEST(M1Pass1, NewlinesAcrossFiles) {
    // Each file ends a line, and newline runs collapse across files: file 0's newlines (its
    // comment's, its end's) come before any text and vanish; file 1's end ends the line of :a, and
    // file 2's blank lines run into it.
    std::optional<Error> error;
    const std::vector<Input> in = files({"\n\n# c\n", ":a", "\n\n:b\n"});
    const Parts parts = pass1(in, &error);
    ASSERT_FALSE(error.has_value());
    EXPECT_EQ(stream_of(*parts.first), "2/ 3/ ");
}

TEST(M1Pass1, ErrorsInTheirOrder) {
    const auto error_of = [](const std::vector<std::string>& texts) {
        const std::vector<Input> in = files(texts);
        std::optional<Error> error;
        pass1(in, &error);
        return error;
    };
    EXPECT_EQ(error_of({""}), std::optional<Error>(m1_test::error(ErrorKind::empty_input, no_file, 0)));
    // A DEFINE at the end takes the newline its file ends with as its name, and finds no value.
    EXPECT_EQ(error_of({":a\n DEFINE"}),
              std::optional<Error>(m1_test::error(ErrorKind::macro_value_missing, 0, 4)));
    // ... but with a name before that newline, the newline is its value.
    EXPECT_EQ(error_of({":a DEFINE x"}), std::nullopt);
    EXPECT_EQ(error_of({"DEFINE a", "\n"}), std::nullopt);
    // Tokenizing errors come first, in input order.
    EXPECT_EQ(error_of({"DEFINE", ":b \"open"}),
              std::optional<Error>(m1_test::error(ErrorKind::unterminated_string, 1, 3)));
    EXPECT_EQ(error_of({std::string(":a b\0c ", 7) + "\"open"}),
              std::optional<Error>(m1_test::error(ErrorKind::nul_in_token, 0, 3)));
}

TEST(M1Pass1, TwoStretchesMergeAsOneThreadNumbers) {
    // With two threads the second stretch's texts join the first's table with the ids one thread
    // gives them (rank of first occurrence in all inputs), its bindings win, and its stream's ids
    // map to the merged ones.
    std::string text;
    for (int i = 0; i < 200; ++i) text += ":a" + std::to_string(i % 50) + " x" + std::to_string(i) + "\n";
    text += "DEFINE a3 01\n";
    for (int i = 0; i < 200; ++i) text += ":b" + std::to_string(i % 70) + " a3 x" + std::to_string(i) + "\n";
    text += "DEFINE x5 02\n";
    const std::vector<Input> in = files({text});
    std::optional<Error> one_error, two_error;
    const Parts one = pass1(in, &one_error);
    const Parts two = pass1(in, &two_error, true);
    ASSERT_FALSE(one_error.has_value());
    ASSERT_FALSE(two_error.has_value());
    ASSERT_TRUE(two.second.has_value());  // the cut held: no DEFINE or string at the middle
    EXPECT_EQ(texts_of(*two.first), texts_of(*one.first));
    const auto& a = one.first->table.entries;
    const auto& b = two.first->table.entries;
    for (std::size_t id = 0; id < a.size(); ++id) {
        EXPECT_EQ(b[id].bound, a[id].bound) << a[id].view();
        EXPECT_EQ(b[id].printed(), a[id].printed()) << a[id].view();
    }
    // The two streams, the second in merged ids, are the one thread's stream.
    std::string merged = stream_of(*two.first);
    two.second->printed.replay([&](std::uint32_t id, bool newline_after) {
        const std::uint32_t m = two.second->merged_ids[id];
        merged += m == newline_id ? "N" : std::to_string(m);
        merged += newline_after ? "/ " : " ";
        return true;
    });
    EXPECT_EQ(merged, stream_of(*one.first));
}

// The engine on many inputs, and with a second thread.

TEST(M1Engine, ManyInputs) {
    // 3000 inputs of one short label each (printed in place from the input that holds it), then
    // the same with a negative padding first met in input 2500, which is where it is reported.
    std::vector<std::string> texts;
    std::string expected;
    for (int i = 0; i < 3000; ++i) {
        texts.push_back(":l" + std::to_string(i) + "\n");
        expected += texts.back();
    }
    EXPECT_EQ(out(config(A::amd64), texts), expected);
    texts[2500] = ":x <-1";
    texts[2900] = "<-1";
    EXPECT_EQ(err(config(A::amd64), texts), error(ErrorKind::negative_padding, 2500, 3, -1, "<-1"));
}

TEST(M1Engine, SecondThreadAgreesWithOne) {
    // Long comments keep pass 1's id stream within its limit (a quarter of the input); without
    // them it is dropped and pass 2 lexes again: both ways are taken.
    const auto make_body = [](const std::string& comment) {
        std::string body;
        for (int i = 0; i < 40000; ++i) {
            const std::string n = std::to_string(i);
            body += ":L" + n + "\n\tmov_rax, %" + n + " call %L" + std::to_string(i / 2) + " !" +
                    std::to_string(i % 200) + " # " + comment + n + "\n";
            if (i % 1000 == 0)
                body += "\"str " + n + "\" 'AB' <2\nDEFINE k" + n + " 0" + std::to_string(i % 10) + "\nk" +
                        n + "\n";
        }
        return body;
    };
    const std::string body = make_body("note ");
    const std::string commented = make_body(std::string(40, '-') + " a long comment " + std::string(40, '-'));
    const std::string defs = "DEFINE mov_rax, 48C7C0\nDEFINE call E8\n";
    const std::vector<std::vector<std::string>> cases = {
        {defs, commented},                    // no error, id stream kept
        {defs, commented, commented},         // several large files
        {defs, body},                         // no error, id stream dropped
        {defs, body, body},                   // several large files
        {defs + body + "zz\n"},               // invalid_other at the very end
        {defs + "zz\n" + body},               // invalid_other first
        {defs, body + "\"open", body},        // unterminated string, maker still running
        {defs + body + "!999\n"},             // out of range
        {defs, body, "DEFINE"},               // macro name missing at the end
        {std::string(3 * 1024 * 1024, ' ')},  // nothing but blanks: empty input
        {"a b\n", "c\n"},                     // tiny: halves of a few tokens
        {"DEFINE a 01\na\n\n\na a\n"},        // newline runs around the middle
        {defs + commented + "<0x100000 :mid\n" + commented + "<0x1_00000\n"},  // paddings wider than a piece
    };
    int two_part_runs = 0;
    for (const auto& texts : cases)
        for (A a : {A::amd64, A::riscv64})
            two_part_runs += expect_threading_agrees(config(a, false), texts) > 0 ? 1 : 0;
    EXPECT_GE(two_part_runs, 6);  // the kept-stream cases without error, on both architectures
}

// Pass 1 is read in two stretches (the second from the first line start after the byte middle
// of all inputs, below 256 KiB, where the cut does not look for half of the work; read as if the
// first ended with a newline after some text and no DEFINE pending, else thrown away), evaluation
// in runs of ids taken in turn, and pass 2 with positional writes
// prints the stretches at once. The cases below put the middle (marked `|`) on each edge of that
// scheme; Threading::background splits inputs of any size.

// Lines of a plausible program for either side of the cut: labels named `tag`, references to
// the `A` labels (texts shared by both stretches), and long comments so that pass 1 keeps its id
// stream (pass 2 then prints the stretches at once).
std::string program(const std::string& tag, int lines) {
    std::string s;
    for (int i = 0; i < lines; ++i) {
        const std::string n = std::to_string(i);
        s += ":" + tag + n + " %A" + std::to_string(i / 2) + " !" + std::to_string(i % 100) +
             " # a comment long enough to keep the id stream small " + n + "\n";
    }
    return s;
}

Result background(const M1Config& c, const std::vector<std::string>& texts) {
    return m1_fast::assemble(c, files(texts), Threading::background);
}

TEST(M1Engine, TwoStretchesAgreeWithOne) {
    const std::string nul(1, '\0');
    const std::string p = program("A", 400);                                  // before the cut
    const std::string q = program("B", 400);                                  // after it
    const std::string words = repeated(":w ", 1000) + repeated(":v ", 1000);  // one long line
    const std::vector<std::vector<std::string>> cases = {
        // 1. The `\n` at the cut lies in a string: the first thread reads on from the string.
        {p + "\"spans|\nthe cut\" :z\n" + q},
        {p + "'spans|\nthe cut' :z\n" + q},
        {p + "\"l1\nl2|\nl3\" :z\n" + q},        // not the string's first `\n`
        {p + "\"x|\n\" :z\n" + q},               // the second thread sees `"` open a string
        {p + "'abc|\nd" + nul + "e' :z\n" + q},  // ... or a NUL in an atom: its error is dropped
        {p + "#c\r'abc|\ndef' :z\n" + q},        // a string after a comment ended by `\r`
        {"\"|\n\" :z\n" + q},                    // the first stretch is the string's start only
        {p + ":it's # don't|\n:z\n" + q},        // quotes in an atom and a comment: no string
        // 2. The string really is unterminated: the error comes from the first thread reading on.
        {p + "\"open|\nrest\n:z\n" + q},
        {p + "'open|\n" + q},
        {p + ":a|\n:b \"open\n" + q},  // opened in the second stretch
        {p + ":a|\n", ":b 'open"},     // ... in a later file
        // 3. DEFINE at the cut: waiting for its name or value (thrown away), or the `\n` is its
        // value (a name before the cut always takes the `\n` at the cut as its value).
        {p + "DEFINE|\nname :v\n" + q},                // the `\n` is the name, `name` the value
        {p + "DEFINE|\n\n\nx :v\n" + q},               // blank lines vanish: x is the value
        {p + "DEFINE x|\n:a x\n" + q},                 // the `\n` is x's value: the cut holds
        {p + "DEFINE DEFINE|\nDEFINE k :k\nk\n" + q},  // DEFINE named, still a keyword
        {p + "DEFINE x DEFINE|\n:y x\n" + q},
        {p + "|DEFINE", " :x :v\n" + q},    // at a file's end: its line end is the name
        {p + "DEFINE |x", "\n:a x\n" + q},  // ... x's value
        {p + ":a|\n" + q + "DEFINE"},       // value missing in the second stretch
        // 4. The first stretch has no text: thrown away.
        {"# only|\n:a :b\n" + q},
        {"\n\n# one\n; two\n  \t\n# three|\n" + q},
        {"\n\n|\n\n" + q},
        {"# c\r\n|\n" + q},
        {"\n\n|\n\n"},  // nothing anywhere: empty_input
        {"# c|\n", q},
        // 5. Several files.
        {p, "|:b\n:c\n" + q},           // middle at a file's start: cut after its first line
        {p + ":la|st", ":next\n" + q},  // in a last line without `\n`: cut at the next file
        {p + ":last|\n", q},            // at a file's last `\n`: the same
        {p, "\n\n|\n\n", q},            // in a blank file
        {p, "  |  ", q},                // in a blank file without `\n`
        {p + ":a|\n", "", "", q},       // empty files after the cut
        {p + ":|a", "", ""},            // the second stretch is empty files only
        {p + ":|a", ""},                // nowhere to cut
        {p + ":last :line|"},           // no `\n` after the middle: no cut
        // 6. Errors in the first stretch, the second, both (the first wins), and of an earlier
        // stage in the second (it wins). `!999` has no range on RISC-V: `<-1` errs everywhere.
        {p + ":a b" + nul + "c|\n" + q},
        {p + ":a|\n:b c" + nul + "d\n" + q},
        {p + ":a b" + nul + "c|\n:d e" + nul + "f\n" + q},
        {"!999 <-1\n" + p + ":a|\n" + q},  // the lowest ids: the first id range
        {p + ":a|\n" + q + "!998 <-2\n"},  // the highest ids: the second id range
        {"!999 <-1\n" + p + ":a|\n" + q + "!998 <-2\n"},
        {p + "zz|\n" + q},
        {p + ":a|\n" + q + "yy\n"},
        {p + "zz|\n" + q + "yy\n"},
        {p + "zz !999|\n" + q + ":b c" + nul + "d\n"},  // tokenizing before evaluation
        {p + "zz|\n" + q + "!998 <-2\n"},               // evaluation before invalid_other
        {p + "!999 zz|\n" + q + "DEFINE"},              // DEFINE errors before evaluation
        // 7. Texts and bindings in both stretches.
        {"DEFINE a 01\na a|\nDEFINE a 02\na\n"},  // the later DEFINE wins everywhere
        {"DEFINE k 01\n" + p + "k|\n" + q + "DEFINE k 02\nk\n"},
        {p + "u|\n" + q + "DEFINE u 03\n"},                  // used in the first, defined in the second
        {"DEFINE v 04\n" + p + ":a|\n" + q + "v\n"},         // defined in the first, used in the second
        {"DEFINE w :val\n" + p + ":a|\n" + q + ":val w\n"},  // a value in the first, printed in the second
        // 8. Printing: what the first stream starts and ends with. A cut that holds always leaves
        // a newline owed (DEFINE prints one); a separator is owed mid-line only when one stream
        // is printed in two halves (no cut, or one thrown away).
        {":x :y\nDEFINE z 01|\nz\n"},  // ends with a run of newlines
        {p + ":x :y\nDEFINE z 01|\nz\n" + q},
        {"DEFINE a 01|\na a\n"},                                      // starts with a newline (DEFINE)
        {":s a|\nDEFINE a 01\na\n"},                                  // starts with a word
        {"'' :x|\n:y\n"},                                             // starts with an empty word
        {p + ":x|\n# only a comment\n\n"},                            // the second stretch prints nothing
        {":a\n" + words.substr(0, 3000) + "|" + words.substr(3000)},  // no cut: the halves meet mid-line
        {"\"s|\ntr\" " + words + "\n"},                               // cut thrown away: the same
    };
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const std::vector<std::string> texts = middle_at_marker(cases[i]);
        for (const M1Config& c : {config(A::amd64, false), config(A::riscv64, false), config(A::knight)}) {
            SCOPED_TRACE("case " + std::to_string(i) + ", architecture " +
                         std::to_string(static_cast<int>(c.architecture)));
            const int writes = expect_threading_agrees(c, texts);
            // Every case without an error printed its two stretches (or halves) at once.
            if (is_ok(m1_fast::assemble(c, files(texts), Threading::single))) {
                EXPECT_GT(writes, 0);
            }
        }
    }

    // By hand, so that agreement is not all there is. Stream NL(DEFINE) NL | a a NL: the first
    // stretch prints nothing and owes "\n".
    const M1Config c = config(A::amd64, false);
    EXPECT_EQ(background(c, middle_at_marker({"DEFINE a 01|\na a\n"})), Result("\n01 01\n"));
    // The second stretch's DEFINE wins for the uses before it: NL NL 02 02 NL | NL NL 02 NL.
    EXPECT_EQ(background(c, middle_at_marker({"DEFINE a 01\na a|\nDEFINE a 02\na\n"})),
              Result("\n02 02\n02\n"));
    // x's value is the `\n` at the cut: NL(DEFINE) | ":a" " " "\n"(x) "\n".
    EXPECT_EQ(background(c, middle_at_marker({"DEFINE x|\n:a x\n"})), Result("\n:a \n\n"));
    // The first stream ends with a run of newlines: ":x" ":y" NL NL(DEFINE) NL | "\n01" "\n".
    EXPECT_EQ(background(c, middle_at_marker({":x :y\nDEFINE z 01|\nz\n"})), Result(":x :y\n01\n"));
    // Bound in the second stretch, used in the first: ":s" "01" | "\n01" "\n".
    EXPECT_EQ(background(c, middle_at_marker({":s a|\nDEFINE a 01\na\n"})), Result(":s 01\n01\n"));
    // The string read whole: 'a' = 61, '\n' = 0A, 'b' = 62, then a separating space and ":z".
    EXPECT_EQ(background(c, middle_at_marker({"\"a|\nb\" :z\n"})), Result("61 0A 62 00  :z\n"));
    // Errors: the unterminated string at its quote; of two, the first stretch's.
    const auto unterminated = middle_at_marker({p + "\"open|\nrest\n:z\n" + q});
    EXPECT_EQ(background(c, unterminated),
              Result(error(ErrorKind::unterminated_string, 0, unterminated[0].find('"'))));
    const auto nuls = middle_at_marker({p + ":a b" + nul + "c|\n:d e" + nul + "f\n" + q});
    EXPECT_EQ(background(c, nuls), Result(error(ErrorKind::nul_in_token, 0, nuls[0].find(nul) - 1)));
    const auto ranges = middle_at_marker({"!999 <-1\n" + p + ":a|\n" + q + "!998 <-2\n"});
    EXPECT_EQ(background(c, ranges),
              Result(error(ErrorKind::immediate_out_of_range, 0, ranges[0].find('!'), 999, "!999")));
    EXPECT_EQ(background(config(A::riscv64, false), ranges),
              Result(error(ErrorKind::negative_padding, 0, ranges[0].find('<'), -1, "<-1")));
    const auto others = middle_at_marker({p + "zz|\n" + q + "yy\n"});
    EXPECT_EQ(background(c, others),
              Result(error(ErrorKind::invalid_other, 0, others[0].find("zz"), 0, "zz")));
}

}  // namespace
}  // namespace hexproof::m1_fast
