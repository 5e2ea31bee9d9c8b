// Keyed hashing for the fast engines' tables of labels and texts: a hash function drawn at random
// for each run from a family in which two different texts rarely collide, whatever they are.
//
// With a fixed hash function, anyone who reads the source can compute names that all collide:
// 64,000 of them made the fast hex2 take 15 s instead of 0.03 s, the fast M1 28 s instead of
// 0.05 s (bench/gen_names.cpp builds such sets). Here the function depends on a key drawn from
// the kernel's random numbers for each run, and nothing that leaves the process depends on the
// key (the engines' output and errors are the same for every key; their tests run one input
// under several keys), so whoever wrote an input wrote it without knowing the key. That is the
// setting in which universal hashing bounds the collisions of every set of inputs:
//
// - A text of fewer than 24 bytes is read as six 32-bit pieces x_0..x_5 (its bytes, zero-padded
//   to 24, little-endian; its size in the last byte, which is otherwise zero). Its hash is bits
//   32 to 63 of b + a_0 x_0 + ... + a_5 x_5 (mod 2^64), with a_i and b 64-bit numbers of the key:
//   Dietzfelbinger's vector multiply-shift ("Universal hashing and k-wise independent random
//   variables via integer arithmetic without primes", STACS 1996), which is strongly universal
//   into 32 bits: for any two different texts, the pair of their hashes is uniform over all
//   pairs of 32-bit numbers. So is any part of the hash: two different texts fall into the same
//   slot of a table of 2^l slots with probability 2^-l, as with a truly random function.
// - A text of 24 to 256 bytes is read as 64-bit words m_0, m_1, ... (the last ones zero-padded
//   to a multiple of 16 bytes) and becomes the 128-bit sum S of (k_2i + m_2i) * (k_2i+1 + m_2i+1)
//   (mod 2^64 each factor, mod 2^128 the sum), with k_i 64-bit numbers of the key: UMAC's NH
//   (Black, Halevi, Krawczyk, Krovetz and Rogaway, CRYPTO 1999), for which two different texts
//   of the same size give the same S with probability at most 2^-64. Then S in four 32-bit
//   pieces and the size go through the multiply-shift above, at places 6 to 10.
// - A longer text is cut into chunks of 256 bytes (the last one shorter), each summed so. The
//   text's size, then each chunk's sum in three pieces below 2^61, are the coefficients of a
//   polynomial evaluated at a point r of the key modulo the prime p = 2^61 - 1 (Carter and
//   Wegman): two different lists of at most L coefficients give the same value v with
//   probability at most L / p. So two different texts of at most n bytes get the same v with
//   probability at most 2^-64 + (3n/256 + 4) / p, below 2^-37 even for a gigabyte. Then v, in
//   two 32-bit pieces, goes through the multiply-shift at places 11 and 12.
// Short, middle and long texts fill different places of one vector of 13 pieces (a short or a
// middle one always with a piece that is not zero: its size), so the kinds never meet: it is one
// multiply-shift over them all.
//
// This is not a cryptographic hash and need not be: the key is never shown, and the input cannot
// depend on it. Each table compares the texts themselves, so a collision costs time, never a
// wrong answer. Pairwise independence bounds how many names share each one's slot, as for random
// names; linear probing is proved constant-time on average only under 5-wise independence, so
// `make bench` measures the tables on name sets built to collide (bench/gen_names.cpp). The
// direct-mapped caches of the fast M1 (RecentTexts, RecentLines) hash without a key: a lookup
// there reads one line whatever the input, and a collision only evicts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace hexproof::keyed_hash {

// One member of the family.
struct Key {
    std::uint64_t factors[13];  // a_0..a_12
    std::uint64_t add;          // b
    std::uint64_t point;        // r, below p
    std::uint64_t chunk[32];    // k_0..k_31: NH over a chunk of 256 bytes
};

// A key from the kernel's random numbers (getrandom, else /dev/urandom; where neither can be had,
// from the clock, the process id and the addresses the loader chose).
Key random_key();

// The key a seed gives (tests: the same input under different keys).
Key key_from_seed(std::uint64_t seed);

// The hash of a text of n < 24 bytes given as three zero-padded little-endian words.
inline std::uint32_t hash_short(const Key& key, std::uint64_t w0, std::uint64_t w1, std::uint64_t w2,
                                std::size_t n) {
    const std::uint64_t w2n = w2 | (static_cast<std::uint64_t>(n) << 56);
    const std::uint64_t low = 0xFFFFFFFFu;
    const std::uint64_t v = key.add + key.factors[0] * (w0 & low) + key.factors[1] * (w0 >> 32) +
                            key.factors[2] * (w1 & low) + key.factors[3] * (w1 >> 32) +
                            key.factors[4] * (w2n & low) + key.factors[5] * (w2n >> 32);
    return static_cast<std::uint32_t>(v >> 32);
}

// The hash of a text [p, p + n) of 24 bytes or more, which lies in a buffer ending at `limit`.
std::uint32_t hash_long(const Key& key, const char* p, std::size_t n, const char* limit);

// The 8 bytes at p as a little-endian word.
inline std::uint64_t load_word(const char* p) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    w = __builtin_bswap64(w);
#endif
    return w;
}

// For n < 24, the masks that keep a text's first n bytes in each of its three words.
struct ShortMasks {
    std::uint64_t w[24][3];
};

constexpr ShortMasks make_short_masks() {
    ShortMasks m{};
    for (std::size_t n = 0; n < 24; ++n)
        for (std::size_t i = 0; i < 3; ++i) {
            const std::size_t bytes = n <= 8 * i ? 0 : n - 8 * i >= 8 ? 8 : n - 8 * i;
            m.w[n][i] = bytes == 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * bytes)) - 1;
        }
    return m;
}

inline constexpr ShortMasks short_masks = make_short_masks();

// The hash of [p, p + n) (any n), which lies in a buffer ending at `limit`: a short text is read
// in three words when 24 bytes can be read from p, else copied first.
[[gnu::always_inline]] inline std::uint32_t hash_bytes(const Key& key, const char* p, std::size_t n,
                                                       const char* limit) {
    if (n >= 24) return hash_long(key, p, n, limit);
    char copy[24];
    if (static_cast<std::size_t>(limit - p) < 24) {
        std::memset(copy, 0, sizeof copy);
        std::memcpy(copy, p, n);
        p = copy;
    }
    const std::uint64_t* keep = short_masks.w[n];
    return hash_short(key, load_word(p) & keep[0], load_word(p + 8) & keep[1], load_word(p + 16) & keep[2],
                      n);
}

// A hash for the standard containers of texts (the strict checkers' tables of names).
struct TextHash {
    const Key* key;
    std::size_t operator()(std::string_view s) const {
        return hash_bytes(*key, s.data(), s.size(), s.data() + s.size());
    }
};

}  // namespace hexproof::keyed_hash
