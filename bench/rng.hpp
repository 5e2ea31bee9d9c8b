// bench/rng.hpp: the benchmark generators' pseudo-random numbers (splitmix64): the same seed
// gives the same input everywhere.
#pragma once

#include <cstddef>
#include <cstdint>

namespace hexproof::bench {

class Rng {
public:
    explicit Rng(uint64_t seed) : state_(seed) {}

    uint64_t next() {
        uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    // Uniform in [0, n); n > 0. The modulo bias is irrelevant here.
    uint64_t below(uint64_t n) { return next() % n; }
    // Uniform in [lo, hi].
    int64_t range(int64_t lo, int64_t hi) {
        return lo + static_cast<int64_t>(below(static_cast<uint64_t>(hi - lo) + 1));
    }
    bool percent(int p) { return below(100) < static_cast<uint64_t>(p); }
    template <typename T, std::size_t N>
    const T& pick(const T (&items)[N]) {
        return items[below(N)];
    }

private:
    uint64_t state_;
};

}  // namespace hexproof::bench
