// Keyed hashing: drawing a key, and the long texts' polynomial (keyed_hash.hpp says why).
#include "keyed_hash.hpp"

#include <fcntl.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>

namespace hexproof::keyed_hash {

namespace {

constexpr std::uint64_t prime = (std::uint64_t{1} << 61) - 1;
constexpr std::size_t chunk_bytes = 256;

__extension__ typedef unsigned __int128 u128;  // GCC's and Clang's 128-bit integers

// splitmix64: spreads a seed over a key.
std::uint64_t split_mix(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// Fills [p, p + n) from the kernel's random numbers; false when it cannot.
bool kernel_random(void* p, std::size_t n) {
    auto* bytes = static_cast<unsigned char*>(p);
    std::size_t done = 0;
    while (done < n) {
        const ssize_t got = getrandom(bytes + done, n - done, 0);
        if (got > 0) {
            done += static_cast<std::size_t>(got);
        } else if (got < 0 && errno != EINTR) {
            break;
        }
    }
    if (done == n) return true;
    const int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    done = 0;
    while (done < n) {
        const ssize_t got = read(fd, bytes + done, n - done);
        if (got > 0)
            done += static_cast<std::size_t>(got);
        else if (got == 0 || errno != EINTR)
            break;
    }
    close(fd);
    return done == n;
}

// A key drawn from `draw()`, one 64-bit number per field; the point is reduced below p.
template <typename Draw>
Key key_from(Draw&& draw) {
    Key key{};
    for (std::uint64_t& a : key.factors) a = draw();
    key.add = draw();
    key.point = draw() % prime;
    for (std::uint64_t& k : key.chunk) k = draw();
    return key;
}

// (v * r + x) mod p, for v below 2^61 + 8, r below p and x below 2^61, as a number below
// 2^61 + 8 (not always below p: the same steps on the same text give the same number, which is
// all that is needed until the end). 2^61 = 1 mod p, so a number's bits from 61 up add to the
// rest; twice: the first sum is below 2^63, the second below 2^61 + 4.
std::uint64_t multiply_add(std::uint64_t v, std::uint64_t r, std::uint64_t x) {
    const u128 product = static_cast<u128>(v) * r + x;
    const std::uint64_t once =
        (static_cast<std::uint64_t>(product) & prime) + static_cast<std::uint64_t>(product >> 61);
    return (once & prime) + (once >> 61);
}

// NH of a chunk [p, p + size) of at most chunk_bytes bytes, which lies in a buffer ending at
// `limit`: its 16-byte blocks, the last one zero-padded.
inline u128 chunk_sum(const Key& key, const char* p, std::size_t size, const char* limit) {
    u128 sum = 0;
    const std::uint64_t* k = key.chunk;
    std::size_t i = 0;
    for (; i + 16 <= size; i += 16, k += 2)
        sum += static_cast<u128>(k[0] + load_word(p + i)) * (k[1] + load_word(p + i + 8));
    if (i < size) {
        const std::size_t rest = size - i;
        char copy[16] = {};
        const char* from = p + i;
        if (static_cast<std::size_t>(limit - from) < 16) {
            std::memcpy(copy, from, rest);
            from = copy;
        }
        // The first `rest` bytes of the 16 (the masks of short texts keep them).
        const std::uint64_t* keep = short_masks.w[rest];
        sum +=
            static_cast<u128>(k[0] + (load_word(from) & keep[0])) * (k[1] + (load_word(from + 8) & keep[1]));
    }
    return sum;
}

}  // namespace

Key random_key() {
    std::uint64_t words[sizeof(Key) / 8];
    if (!kernel_random(words, sizeof words)) {
        // No kernel random numbers (a sandbox without getrandom nor /dev): a key nobody can
        // know before the run still comes from the clock, the process and where the loader put
        // the stack and this code.
        timespec now{};
        clock_gettime(CLOCK_REALTIME, &now);
        timespec since_boot{};
        clock_gettime(CLOCK_MONOTONIC, &since_boot);
        std::uint64_t state =
            static_cast<std::uint64_t>(now.tv_sec) * 1000000007u + static_cast<std::uint64_t>(now.tv_nsec);
        state ^=
            (static_cast<std::uint64_t>(since_boot.tv_nsec) << 20) ^ static_cast<std::uint64_t>(getpid());
        state ^=
            reinterpret_cast<std::uintptr_t>(&state) ^ (reinterpret_cast<std::uintptr_t>(&random_key) << 7);
        for (std::uint64_t& w : words) w = split_mix(state);
    }
    std::size_t next = 0;
    return key_from([&] { return words[next++]; });
}

Key key_from_seed(std::uint64_t seed) {
    return key_from([&] { return split_mix(seed); });
}

std::uint32_t hash_long(const Key& key, const char* p, std::size_t n, const char* limit) {
    if (n <= chunk_bytes) {
        const u128 sum = chunk_sum(key, p, n, limit);
        const auto low = static_cast<std::uint64_t>(sum);
        const auto high = static_cast<std::uint64_t>(sum >> 64);
        const std::uint64_t v = key.add + key.factors[6] * (low & 0xFFFFFFFFu) +
                                key.factors[7] * (low >> 32) + key.factors[8] * (high & 0xFFFFFFFFu) +
                                key.factors[9] * (high >> 32) + key.factors[10] * n;
        return static_cast<std::uint32_t>(v >> 32);
    }
    std::uint64_t v = n;  // below 2^48
    for (std::size_t at = 0; at < n; at += chunk_bytes) {
        const u128 sum = chunk_sum(key, p + at, n - at < chunk_bytes ? n - at : chunk_bytes, limit);
        const auto low = static_cast<std::uint64_t>(sum);
        const auto high = static_cast<std::uint64_t>(sum >> 64);
        v = multiply_add(v, key.point, low & prime);
        v = multiply_add(v, key.point, (low >> 61) | ((high << 3) & prime));
        v = multiply_add(v, key.point, high >> 58);
    }
    v %= prime;
    const std::uint64_t mixed = key.add + key.factors[11] * (v & 0xFFFFFFFFu) + key.factors[12] * (v >> 32);
    return static_cast<std::uint32_t>(mixed >> 32);
}

}  // namespace hexproof::keyed_hash
