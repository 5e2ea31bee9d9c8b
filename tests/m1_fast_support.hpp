// Helpers for the fast M1's unit tests (m1_*_test.cpp): configurations, inputs, the engine's
// output or error, texts with a marked middle, and the checks that two threads and the sinks give
// what one thread gives.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "m1_fast.hpp"
#include "test_sinks.hpp"

namespace hexproof::m1_test {

using A = Architecture;
using B = ByteMode;

inline M1Config config(A arch, bool big_endian = true, B mode = B::hex) {
    M1Config c;
    c.architecture = arch;
    c.big_endian = big_endian;
    c.byte_mode = mode;
    return c;
}

inline std::vector<Input> files(const std::vector<std::string>& texts) {
    std::vector<Input> inputs;
    for (std::size_t i = 0; i < texts.size(); ++i)
        inputs.push_back(Input{"f" + std::to_string(i) + ".M1", texts[i]});
    return inputs;
}

inline std::string out(const M1Config& c, const std::vector<std::string>& texts) {
    const Result r = m1_fast::assemble(c, files(texts));
    if (const Error* e = std::get_if<Error>(&r)) {
        ADD_FAILURE() << "unexpected error " << error_kind_name(e->kind) << " at " << e->file << ":"
                      << e->offset << " subject '" << e->subject << "'";
        return {};
    }
    return std::get<std::string>(r);
}

inline std::string out(const M1Config& c, const std::string& text) {
    return out(c, std::vector<std::string>{text});
}

inline Error err(const M1Config& c, const std::vector<std::string>& texts) {
    const Result r = m1_fast::assemble(c, files(texts));
    if (const Error* e = std::get_if<Error>(&r)) return *e;
    ADD_FAILURE() << "expected an error, got output '" << std::get<std::string>(r) << "'";
    return {};
}

inline Error err(const M1Config& c, const std::string& text) {
    return err(c, std::vector<std::string>{text});
}

inline Error error(ErrorKind kind, std::size_t file, std::size_t offset, std::int64_t value = 0,
                   std::string subject = {}) {
    return Error{kind, file, offset, value, std::move(subject)};
}

inline constexpr A non_riscv[] = {A::knight, A::x86, A::amd64, A::armv7l, A::aarch64, A::ppc64le};
inline constexpr A all_arches[] = {A::knight,  A::x86,     A::amd64,   A::armv7l,
                                   A::aarch64, A::ppc64le, A::riscv32, A::riscv64};

inline std::string repeated(const std::string& piece, int times) {
    std::string s;
    for (int i = 0; i < times; ++i) s += piece;
    return s;
}

// The texts with the marker `|` taken out and spaces added (at the start of the first text, or
// at the end of the last) so that the byte middle of all of them, half their size rounded down,
// is where the marker was. Runs of spaces hold no `\n`: the cut is the first `\n` from there.
inline std::vector<std::string> middle_at_marker(std::vector<std::string> texts) {
    std::size_t total = 0, middle = 0;
    int markers = 0;
    for (std::string& t : texts) {
        for (std::size_t at = t.find('|'); at != std::string::npos; at = t.find('|', at)) {
            middle = total + at;
            t.erase(at, 1);
            ++markers;
        }
        total += t.size();
    }
    EXPECT_EQ(markers, 1);
    if (total >= 2 * middle) {
        const std::size_t pad = total - 2 * middle;
        texts.front().insert(0, pad, ' ');
        middle += pad, total += pad;
    } else {
        texts.back().append(2 * middle - total, ' ');
        total = 2 * middle;
    }
    EXPECT_EQ(total / 2, middle);
    return texts;
}

// Counts what is appended, which must be zero digits and the final newline, and the largest
// piece; it is told the size to expect.
class ZerosSink final : public OutputSink {
public:
    void write(std::string_view bytes) override {
        const std::string_view zeros =
            written + bytes.size() == *expected ? bytes.substr(0, bytes.size() - 1) : bytes;
        if (zeros.find_first_not_of('0') != std::string_view::npos) only_zeros = false;
        written += bytes.size();
        largest_piece = std::max<std::uint64_t>(largest_piece, bytes.size());
    }
    void expect_size(std::uint64_t size) override { expected = size; }
    std::optional<std::uint64_t> expected;
    std::uint64_t written = 0;
    std::uint64_t largest_piece = 0;
    bool only_zeros = true;
};

// A sink that was given an output was told its exact size before the first byte; one that was
// given none was told nothing.
template <typename Sink>
inline void expect_size_told(const Sink& sink, bool accepted) {
    if (!accepted) {
        EXPECT_FALSE(sink.expected.size.has_value());
        return;
    }
    ASSERT_TRUE(sink.expected.size.has_value());
    EXPECT_EQ(*sink.expected.size, sink.text.size());
    EXPECT_FALSE(sink.expected.after_writing);
}

// What a sink got (and `error`, what printing into it returned) is `single`, the result of one
// thread printing the whole output: the same output, its size told first, or the same error with
// nothing written. Holds with a second thread (Threading::background) too.
template <typename Sink>
inline void expect_sink_matches(const Result& single, const std::optional<Error>& error, const Sink& sink) {
    if (const Error* e = std::get_if<Error>(&single)) {
        ASSERT_TRUE(error.has_value());
        EXPECT_EQ(*error, *e);
        EXPECT_EQ(sink.text, "");
    } else {
        EXPECT_FALSE(error.has_value());
        EXPECT_TRUE(sink.text == std::get<std::string>(single));
    }
    expect_size_told(sink, is_ok(single));
}

// Returns how many positional writes the two-part printing made (0: it was not used).
inline int expect_threading_agrees(const M1Config& c, const std::vector<std::string>& texts) {
    const Result single = m1_fast::assemble(c, files(texts), Threading::single);
    const Result background = m1_fast::assemble(c, files(texts), Threading::background);
    EXPECT_EQ(background, single);
    CollectingSink in_order;
    expect_sink_matches(single, m1_fast::assemble_to(c, files(texts), in_order, Threading::background),
                        in_order);
    // With positional writes the output is printed in two parts at once.
    PositionalSink positional;
    expect_sink_matches(single, m1_fast::assemble_to(c, files(texts), positional, Threading::background),
                        positional);
    return positional.positional_writes;
}

}  // namespace hexproof::m1_test
