// Unit tests for the keyed hash of the fast engines' tables (runtime/fast/keyed_hash.hpp): a text's
// hash depends only on its bytes and the key (not on where the text lies), and sets of names
// built to collide under a fixed hash spread like random ones under a key.
#include "keyed_hash.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace hexproof {
namespace {

using keyed_hash::Key;

std::uint32_t hash_of(const Key& key, const std::string& text) {
    return keyed_hash::hash_bytes(key, text.data(), text.size(), text.data() + text.size());
}

// Every size up to three chunks: the text read in place (in a longer buffer), at the very end of
// its buffer (copied), and as words (short texts), gives one hash.
TEST(KeyedHash, SameTextSameHashWhereverItLies) {
    const Key key = keyed_hash::key_from_seed(7);
    for (std::size_t n = 1; n <= 3 * 256 + 20; ++n) {
        std::string text;
        for (std::size_t i = 0; i < n; ++i) text.push_back(static_cast<char>('a' + (i * 7 + n) % 26));
        const std::string buffer = "xyz" + text + std::string(40, '#');
        const std::uint32_t in_place =
            keyed_hash::hash_bytes(key, buffer.data() + 3, n, buffer.data() + buffer.size());
        EXPECT_EQ(hash_of(key, text), in_place) << n;
        if (n < 24) {
            std::uint64_t w[3] = {0, 0, 0};
            for (std::size_t i = 0; i < n; ++i)
                w[i / 8] |= std::uint64_t{static_cast<unsigned char>(text[i])} << (8 * (i % 8));
            EXPECT_EQ(keyed_hash::hash_short(key, w[0], w[1], w[2], n), in_place) << n;
        }
    }
}

// Texts that differ in one byte, or in size only (a zero byte more), hash differently under a
// key: for texts of every size, collisions in 32 bits are as rare as for random values.
TEST(KeyedHash, NeighboursDiffer) {
    const Key key = keyed_hash::key_from_seed(11);
    int equal = 0;
    for (std::size_t n = 1; n <= 700; ++n) {
        const std::string text(n, 'k');
        std::string changed = text;
        changed[n / 2] = 'j';
        equal += hash_of(key, text) == hash_of(key, changed);
        equal += hash_of(key, text) == hash_of(key, text + std::string(1, '\0'));
    }
    EXPECT_LE(equal, 1);
}

TEST(KeyedHash, KeysDiffer) {
    const Key a = keyed_hash::key_from_seed(1), b = keyed_hash::key_from_seed(2);
    int equal = 0;
    for (int i = 0; i < 1000; ++i) {
        const std::string text =
            "label_" + std::to_string(i) + std::string(static_cast<std::size_t>(i % 300), 'x');
        equal += hash_of(a, text) == hash_of(b, text);
    }
    EXPECT_LE(equal, 1);
    const Key r = keyed_hash::random_key(), s = keyed_hash::random_key();
    EXPECT_FALSE(std::equal(std::begin(r.factors), std::end(r.factors), std::begin(s.factors)));
}

// The fullest of 2^16 slots, and how many texts share their whole 32-bit hash with another one.
struct Spread {
    std::size_t fullest_slot = 0;
    std::size_t shared_hashes = 0;
};

Spread spread(const Key& key, const std::vector<std::string>& texts) {
    std::vector<std::size_t> slots(1 << 16);
    std::unordered_map<std::uint32_t, int> seen;
    Spread s;
    for (const std::string& t : texts) {
        const std::uint32_t h = hash_of(key, t);
        s.fullest_slot = std::max(s.fullest_slot, ++slots[h & 0xFFFF]);
        if (++seen[h] == 2) ++s.shared_hashes;
    }
    return s;
}

// 65536 names of each of these shapes in 65536 slots: a random function puts at most about 9 in
// one slot, and two names share a 32-bit hash about once in two such sets.
//   counted:  L0 .. L65535
//   bytemap:  16 pairs from {Aa, BB} (the same 31*h+b hash, the reference engine's; 32 bytes)
//   chunked:  300 bytes, differing only in their last 2 (the second NH chunk)
//   repeated: one of 64 bytes repeated 1 to 1024 times (short, one chunk, several)
TEST(KeyedHash, StructuredNamesSpreadLikeRandomOnes) {
    std::vector<std::vector<std::string>> sets(4);
    for (std::uint32_t i = 0; i < (1u << 16); ++i) {
        sets[0].push_back("L" + std::to_string(i));
        std::string pairs;
        for (int bit = 0; bit < 16; ++bit) pairs += (i >> bit) & 1 ? "BB" : "Aa";
        sets[1].push_back(pairs);
        sets[2].push_back(std::string(298, 'c') + static_cast<char>(i & 0xFF) + static_cast<char>(i >> 8));
    }
    for (char c = '0'; c < '0' + 64; ++c)
        for (std::size_t n = 1; n <= 1024; ++n) sets[3].push_back(std::string(n, c));
    for (std::uint64_t seed : {1, 2, 3})
        for (const auto& set : sets) {
            const Spread s = spread(keyed_hash::key_from_seed(seed), set);
            EXPECT_LE(s.fullest_slot, 14u) << "seed " << seed << ", set of " << set[1];
            EXPECT_LE(s.shared_hashes, 6u) << "seed " << seed << ", set of " << set[1];
        }
}

}  // namespace
}  // namespace hexproof
