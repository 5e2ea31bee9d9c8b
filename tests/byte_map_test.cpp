// Tests of the printed label/macro map (extracted/gen/byte_map.hpp, proofs/ByteMap.v) as the
// reference engine runs it: the latest binding wins (find_add, here against std::map), and keys
// that share a hash, which all fall in one bucket, keep that bucket balanced and lookups cheap.
#include "byte_map.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <deque>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "coq_runtime.hpp"

namespace rt = hexproof::rt;
namespace byte_map = hexproof::byte_map;
using Key = std::vector<std::uint64_t>;
using Map = byte_map::t<rt::N>;

namespace {

// A key as the core may hold it: a slice of `store` (which keeps the bytes alive), or list cells
// (always for an element above 255), or cells in front of a slice.
rt::list<rt::N> as_list(const Key& k, int shape, std::deque<std::string>& store) {
    bool bytes = true;
    for (std::uint64_t b : k) bytes = bytes && b < 256;
    std::size_t cells = !bytes || shape == 1 ? k.size() : shape == 2 ? k.size() / 2 : 0;
    store.emplace_back(k.begin() + static_cast<std::ptrdiff_t>(cells), k.end());
    rt::list<rt::N> l = rt::bytes_of(store.back());
    for (std::size_t i = cells; i > 0; --i) l = rt::list<rt::N>::cons(rt::N{k[i - 1]}, std::move(l));
    return l;
}

// The bucket of key k: the AVL tree at the end of k's hash path.
byte_map::tree<rt::N> bucket(const Map& m, const rt::list<rt::N>& k) {
    return byte_map::trie_get<rt::N>(m.f0, byte_map::key_hash(k), m.f1);
}

std::size_t size(const byte_map::tree<rt::N>& t) {
    if (t.tag() == byte_map::tree<rt::N>::tag_t::Tip) return 0;
    const auto& n = t.as_Node();
    return size(n.f0) + 1 + size(n.f3);
}

std::uint64_t depth(const byte_map::tree<rt::N>& t) {
    if (t.tag() == byte_map::tree<rt::N>::tag_t::Tip) return 0;
    const auto& n = t.as_Node();
    return 1 + std::max(depth(n.f0), depth(n.f3));
}

// Names of `blocks` two-byte blocks "Aa" or "BB": 31 * 'A' + 'a' = 31 * 'B' + 'B', so the map's
// hash, h := 31 * h + b, gives them all the same bucket.
std::string colliding(std::uint64_t i, int blocks) {
    std::string s;
    for (int j = 0; j < blocks; ++j) s += (i >> j) & 1 ? "BB" : "Aa";
    return s;
}

}  // namespace

TEST(ByteMap, LatestBindingWinsLikeAnAssociationList) {
    std::mt19937_64 rng(7);
    for (int round = 0; round < 20; ++round) {
        std::deque<std::string> store;
        Map m = byte_map::empty<rt::N>();
        std::map<Key, std::uint64_t> model;
        std::vector<Key> keys;
        // Short keys over a small alphabet: many prefixes of one another, some with elements above
        // 255, and many sharing a bucket (the alphabet includes a colliding block pair).
        const std::vector<std::uint64_t> alphabet = {'A', 'a', 'B', 0, 255, 256, 1000};
        for (int i = 0; i < 60; ++i) {
            Key k(rng() % 5);
            for (auto& b : k) b = alphabet[rng() % (round < 10 ? 5 : alphabet.size())];
            keys.push_back(k);
        }
        for (int step = 0; step < 400; ++step) {
            const Key& k = keys[rng() % keys.size()];
            if (rng() % 2) {
                std::uint64_t v = rng() % 1000;
                m = byte_map::add<rt::N>(as_list(k, static_cast<int>(rng() % 3), store), rt::N{v}, m);
                model[k] = v;
            }
            for (const Key& q : keys) {
                rt::option<rt::N> got =
                    byte_map::find<rt::N>(as_list(q, static_cast<int>(rng() % 3), store), m);
                auto it = model.find(q);
                ASSERT_EQ(got.tag() == rt::option<rt::N>::tag_t::Some, it != model.end());
                if (it != model.end()) {
                    ASSERT_EQ(got.as_Some().f0.v, it->second);
                }
            }
        }
    }
}

// 2^14 names in one bucket: every one found, and the bucket's tree no deeper than an AVL tree of
// that size can be (1.45 log2(n + 2)), so a lookup costs 21 comparisons at most, not 16384.
TEST(ByteMap, CollidingKeysKeepTheBucketBalanced) {
    const int blocks = 14;
    const std::uint64_t n = std::uint64_t{1} << blocks;
    std::vector<std::string> sorted;
    for (std::uint64_t i = 0; i < n; ++i) sorted.push_back(colliding(i, blocks));
    std::sort(sorted.begin(), sorted.end());  // added in order: the worst case of a tree left unbalanced
    const std::deque<std::string> names(sorted.begin(), sorted.end());
    Map m = byte_map::empty<rt::N>();
    for (std::uint64_t i = 0; i < n; ++i) m = byte_map::add<rt::N>(rt::bytes_of(names[i]), rt::N{i}, m);
    const byte_map::tree<rt::N> b = bucket(m, rt::bytes_of(names.front()));
    EXPECT_EQ(size(b), n);
    EXPECT_LE(static_cast<double>(depth(b)), 1.45 * std::log2(static_cast<double>(n) + 2));
    for (std::uint64_t i = 0; i < n; ++i) {
        rt::option<rt::N> got = byte_map::find<rt::N>(rt::bytes_of(names[i]), m);
        ASSERT_EQ(got.tag(), rt::option<rt::N>::tag_t::Some);
        EXPECT_EQ(got.as_Some().f0.v, i);
    }
}

// A name defined again and again replaces its binding: the bucket it shares with another name
// keeps two keys.
TEST(ByteMap, RedefinitionDoesNotGrowTheBucket) {
    std::string a = colliding(0, 8), b = colliding(255, 8);
    Map m = byte_map::add<rt::N>(rt::bytes_of(b), rt::N{1}, byte_map::empty<rt::N>());
    for (std::uint64_t i = 0; i < 100000; ++i) m = byte_map::add<rt::N>(rt::bytes_of(a), rt::N{i}, m);
    EXPECT_EQ(size(bucket(m, rt::bytes_of(a))), 2u);
    EXPECT_EQ(byte_map::find<rt::N>(rt::bytes_of(a), m).as_Some().f0.v, 99999u);
    EXPECT_EQ(byte_map::find<rt::N>(rt::bytes_of(b), m).as_Some().f0.v, 1u);
}
