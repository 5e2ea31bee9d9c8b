// Unit tests for where the fast engines cut their inputs between two threads (runtime/fast/split.hpp).
// The results never depend on the cut (threads-agree-property checks that); these check that the
// cut is a line start, and that the balanced cut follows the cost it is given.
#include "split.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace hexproof {
namespace {

using split::Place;

std::vector<Input> inputs_of(const std::vector<std::string>& texts) {
    std::vector<Input> inputs;
    for (const std::string& t : texts) inputs.push_back(Input{"t", t});
    return inputs;
}

// `n` lines of `line` (its `\n` included).
std::string lines(const std::string& line, std::size_t n) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i) s += line;
    return s;
}

bool same(const std::optional<Place>& a, const std::optional<Place>& b) {
    return a.has_value() == b.has_value() && (!a || (a->file == b->file && a->offset == b->offset));
}

std::size_t bytes_size(std::string_view w) { return w.size(); }

// Every byte costing the same, the balanced cut is the middle one.
TEST(Split, BalancedCutIsTheMiddleWhenBytesCostAlike) {
    const std::vector<Input> inputs = inputs_of({lines("push_rax\n", 60000), lines("pop_rbx # x\n", 40000)});
    const std::size_t total = split::total_size(inputs);
    EXPECT_TRUE(
        same(split::balanced_line_start(inputs, total, bytes_size), split::middle_line_start(inputs, total)));
}

// Where the second half costs ten times as much per byte, half the cost lies about 72.5% of the
// way in (0.5 + 9x = 5.5 (1 - x) ... in bytes: 0.5 + 10 (t - 0.5) = 2.75): the cut is a line
// start within a sampled stretch (1/64 of the bytes) of there.
TEST(Split, BalancedCutFollowsTheCost) {
    const std::string text = lines("aaaaaaa\n", 40000) + lines("bbbbbbb\n", 40000);
    const std::vector<Input> inputs = inputs_of({text});
    const auto cost = [](std::string_view w) {
        std::size_t n = w.size();
        for (const char c : w) n += c == 'b' ? 9 : 0;
        return n;
    };
    const std::optional<Place> cut = split::balanced_line_start(inputs, text.size(), cost);
    ASSERT_TRUE(cut.has_value());
    EXPECT_EQ(cut->file, 0u);
    EXPECT_EQ(text[cut->offset - 1], '\n');
    const double at = static_cast<double>(cut->offset) / static_cast<double>(text.size());
    EXPECT_NEAR(at, 0.725, 1.0 / 64);
}

// The cut may fall in any input, and never at an input's end (it is then the next one's start).
TEST(Split, BalancedCutCrossesInputs) {
    const std::vector<std::string> texts = {lines("aaaaaaa\n", 30000), lines("aaaaaaa\n", 10000),
                                            lines("bbbbbbb\n", 40000)};
    const std::vector<Input> inputs = inputs_of(texts);
    const auto cost = [](std::string_view w) {
        std::size_t n = w.size();
        for (const char c : w) n += c == 'b' ? 9 : 0;
        return n;
    };
    const std::optional<Place> cut = split::balanced_line_start(inputs, split::total_size(inputs), cost);
    ASSERT_TRUE(cut.has_value());
    EXPECT_EQ(cut->file, 2u);
    EXPECT_GT(cut->offset, 0u);
    EXPECT_EQ(texts[2][cut->offset - 1], '\n');
}

// Inputs too short to sample (a stretch shorter than a window) are cut in the middle.
TEST(Split, ShortInputsAreCutInTheMiddle) {
    const std::vector<Input> inputs = inputs_of({lines("aaaaaaa\n", 1000) + lines("bbbbbbb\n", 1000)});
    const std::size_t total = split::total_size(inputs);
    const auto cost = [](std::string_view w) { return 100 * w.size(); };
    EXPECT_TRUE(
        same(split::balanced_line_start(inputs, total, cost), split::middle_line_start(inputs, total)));
}

}  // namespace
}  // namespace hexproof
