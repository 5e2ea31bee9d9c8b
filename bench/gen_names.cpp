// bench/gen_names.cpp: name sets for the adversarial part of `make bench` (hash flooding).
//
// A label or macro table is only as fast as its worst case: names chosen so that their hashes
// collide turn every lookup into a walk through all the names before. This program writes a hex2
// program that defines N labels (`:name`) and then refers to each (`%name`), and an M1 program
// that defines N macros (`DEFINE name 0A`) and then uses each (`name`), with the names drawn from
// one of these sets, all of 24 bytes:
//   random         'r' and 23 random bytes (the ordinary case the others are measured against);
//   bytemap        12 pairs of bytes whose 31*h+b hashes are equal, so that every name has the
//                  same hash as every other under the reference engine's ByteMap
//                  (proofs/ByteMap.v: h = 31*h + b from 5381, in any number of bits);
//   old-fast-hex2  names whose hashes are all equal under the fast hex2's unkeyed hash of before
//                  2026-12 (old_hex2_state below), found by choosing their last 8 bytes;
//   old-fast-m1    the same for the fast M1's unkeyed hash of before 2026-12 (old_m1_state).
// The old hashes are here because an attacker could read them in the sources; the engines now
// hash with a key drawn at random for each run, for which no such set can be computed. Bytes of
// names are 0x21 to 0xFF except `>` (which ends a hex2 name): every set is valid hex2 and M1.
//
// Usage: hexproof_bench_names --names N --set SET [--seed S] --hex2 OUT.hex2 --m1 OUT.M1
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "rng.hpp"

namespace hexproof::bench {
namespace {

constexpr std::size_t name_size = 24;

// Whether a name may hold the byte b, and a random such byte.
bool valid(unsigned char b) { return b >= 0x21 && b != '>'; }

char name_byte(Rng& rng) {
    for (;;) {
        const auto b = static_cast<unsigned char>(rng.next());
        if (valid(b)) return static_cast<char>(b);
    }
}

uint64_t load64(const char* p) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
}

bool valid_word(uint64_t w, int bytes) {
    for (int i = 0; i < bytes; ++i)
        if (!valid(static_cast<unsigned char>(w >> (8 * i)))) return false;
    return true;
}

// The fast hex2's hash of a label of 24 bytes before 2026-12, up to its last multiplication
// by a word (what comes after depends only on the value returned): words at 0 and 8, then the
// one at 16.
uint64_t old_hex2_state(std::string_view s) {
    uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
    for (std::size_t i = 0; i < 16; i += 8) {
        h = (h ^ load64(s.data() + i)) * 0xFF51AFD7ED558CCDull;
        h ^= h >> 29;
    }
    return h ^ load64(s.data() + 16);
}

// The fast M1's hash of a text of 24 bytes or more before 2026-12, up to its last word (the
// steps after it depend only on the value returned).
uint64_t old_m1_state(std::string_view s) {
    uint64_t h = 0xCBF29CE484222325ull ^ s.size();
    std::size_t i = 0;
    for (; i + 8 < s.size(); i += 8) {
        h = (h ^ load64(s.data() + i)) * 0x9E3779B97F4A7C15ull;
        h ^= h >> 32;
    }
    return h ^ load64(s.data() + s.size() - 8);
}

// Pairs of bytes with the same 31*a+b (2112): any names made of them in the same number have
// the same ByteMap hash.
constexpr char pairs[][3] = {"Aa", "BB", "C#", "@\x80", "?\x9F", "=\xDD"};

std::string bytemap_name(uint64_t k) {
    std::string name;
    for (std::size_t i = 0; i < name_size / 2; ++i, k /= 6) name += pairs[k % 6];
    return name;
}

std::string random_name(Rng& rng) {
    std::string name = "r";
    while (name.size() < name_size) name += name_byte(rng);
    return name;
}

// A name of 16 random bytes (the first one `first`), then the 8 bytes that give its text the
// state `target` under `state` (which reads the last 8 bytes last, XORed into the state): the 16
// bytes are drawn again until those 8 are valid.
template <typename State>
std::string colliding_name(Rng& rng, char first, State state, uint64_t target) {
    std::string name(name_size, '\0');
    name[0] = first;
    for (;;) {
        for (std::size_t i = 1; i < 16; ++i) name[i] = name_byte(rng);
        std::memset(&name[16], 0, 8);
        const uint64_t last = state(name) ^ target;
        if (!valid_word(last, 8)) continue;
        std::memcpy(&name[16], &last, 8);
        return name;
    }
}

bool write_file(const std::string& path, const std::string& bytes) {
    FILE* f = std::fopen(path.c_str(), "wb");
    if (f == nullptr) return false;
    const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
    return std::fclose(f) == 0 && ok;
}

int usage() {
    std::fprintf(
        stderr,
        "usage: hexproof_bench_names --names N --set random|bytemap|old-fast-hex2|old-fast-m1 [--seed S] "
        "--hex2 OUT.hex2 --m1 OUT.M1\n");
    return 2;
}

int run(int argc, char** argv) {
    uint64_t count = 0, seed = 1;
    std::string set, hex2_path, m1_path;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string_view flag = argv[i];
        if (flag == "--names")
            count = std::strtoull(argv[i + 1], nullptr, 10);
        else if (flag == "--seed")
            seed = std::strtoull(argv[i + 1], nullptr, 10);
        else if (flag == "--set")
            set = argv[i + 1];
        else if (flag == "--hex2")
            hex2_path = argv[i + 1];
        else if (flag == "--m1")
            m1_path = argv[i + 1];
        else
            return usage();
    }
    if (argc % 2 == 0 || count == 0 || hex2_path.empty() || m1_path.empty()) return usage();
    Rng rng(seed);
    std::vector<std::string> names;
    const uint64_t target = rng.next();
    for (uint64_t k = 0; k < count; ++k) {
        if (set == "random")
            names.push_back(random_name(rng));
        else if (set == "bytemap")
            names.push_back(bytemap_name(k));
        else if (set == "old-fast-hex2")
            names.push_back(colliding_name(rng, 'h', old_hex2_state, target));
        else if (set == "old-fast-m1")
            names.push_back(colliding_name(rng, 'm', old_m1_state, target));
        else
            return usage();
    }
    // hex2: labels, then a 4-byte relative reference to each. M1: macros, then a use of each.
    std::string hex2, m1;
    for (const std::string& name : names) hex2 += ":" + name + "\n";
    for (const std::string& name : names) hex2 += "%" + name + "\n";
    for (const std::string& name : names) m1 += "DEFINE " + name + " 0A\n";
    for (const std::string& name : names) m1 += name + "\n";
    if (!write_file(hex2_path, hex2) || !write_file(m1_path, m1)) {
        std::fprintf(stderr, "hexproof_bench_names: cannot write the output files\n");
        return 1;
    }
    return 0;
}

}  // namespace
}  // namespace hexproof::bench

int main(int argc, char** argv) { return hexproof::bench::run(argc, argv); }
