// Tests of the reference engine's adapter (runtime/reference/reference_engine.cpp): the output reaches the
// sink after its size, in pieces, a padding run never held whole, and nothing reaches it when
// the input has an error, wherever the error is.
#include "reference_engine.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hexproof {
namespace {

// Records how the output arrives; keeps only its first and last bytes.
class RecordingSink final : public OutputSink {
public:
    void write(std::string_view bytes) override {
        if (!size_first) size_first = expected.has_value();
        ++writes;
        total += bytes.size();
        largest = std::max(largest, bytes.size());
        head.append(bytes.substr(0, head.size() < 64 ? 64 - head.size() : 0));
        tail.append(bytes.substr(bytes.size() > 64 ? bytes.size() - 64 : 0));
        if (tail.size() > 64) tail.erase(0, tail.size() - 64);
    }
    void expect_size(std::uint64_t size) override { expected = size; }
    std::optional<std::uint64_t> expected;
    std::optional<bool> size_first;
    std::uint64_t total = 0;
    std::size_t writes = 0, largest = 0;
    std::string head, tail;
};

std::vector<Input> one_input(std::string text) {
    Input in;
    in.name = "t.M1";
    in.bytes = std::move(text);
    return {in};
}

M1Config amd64() {
    M1Config c;
    c.architecture = Architecture::amd64;
    c.big_endian = false;
    return c;
}

TEST(ReferenceEngine, PaddingIsStreamedAfterTheSize) {
    auto engine = make_reference_engine();
    RecordingSink sink;
    // 2000000000 bytes of padding: 4e9 zero digits (two a byte). The DEFINE line prints as a
    // newline (as upstream's does), then "90 ", the zeros, " 90" and the line's newline.
    std::optional<Error> e =
        engine->assemble_to(amd64(), one_input("DEFINE nop 90\nnop <2000000000 nop\n"), sink);
    ASSERT_FALSE(e.has_value());
    const std::uint64_t want = 1 + 3 + 4000000000u + 3 + 1;
    EXPECT_EQ(sink.expected, want);
    EXPECT_EQ(sink.size_first, true);
    EXPECT_EQ(sink.total, want);
    EXPECT_LE(sink.largest, std::size_t{1} << 16);
    EXPECT_EQ(sink.head, "\n90 " + std::string(60, '0'));
    EXPECT_EQ(sink.tail, std::string(60, '0') + " 90\n");
}

TEST(ReferenceEngine, AnErrorAnywhereWritesNothing) {
    auto engine = make_reference_engine();
    for (std::string text : {"<-4\n<99999999999\n", "<99999999999\n<-4\n", "<2000000000\n<-1\n"}) {
        RecordingSink sink;
        std::optional<Error> e = engine->assemble_to(amd64(), one_input(text), sink);
        ASSERT_TRUE(e.has_value()) << text;
        EXPECT_EQ(e->kind, ErrorKind::negative_padding) << text;
        EXPECT_EQ(sink.writes, 0u) << text;
        EXPECT_FALSE(sink.expected.has_value()) << text;
    }
}

TEST(ReferenceEngine, StreamedOutputIsTheWholeOutput) {
    auto engine = make_reference_engine();
    const std::string text = "DEFINE a 01\n:l a <3 'x' <0\n\"hi\" <1\n%l <70000\n";
    Result whole = engine->assemble(amd64(), one_input(text));
    ASSERT_TRUE(is_ok(whole));
    class Collect final : public OutputSink {
    public:
        void write(std::string_view bytes) override { text.append(bytes); }
        std::string text;
    } sink;
    ASSERT_FALSE(engine->assemble_to(amd64(), one_input(text), sink).has_value());
    EXPECT_EQ(sink.text, std::get<std::string>(whole));
    EXPECT_NE(sink.text.find(std::string(140000, '0')), std::string::npos);
}

}  // namespace
}  // namespace hexproof
