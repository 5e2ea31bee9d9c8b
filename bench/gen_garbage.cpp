// bench/gen_garbage.cpp: syntax-biased garbage for the hostile part of `make bench`.
//
// Random bytes are mostly skipped by hex2 and rejected at once by M1; what finds the slow paths
// of a tool is text that looks like its input: labels and references with every sigil, `>base`,
// `^`, `<`, `.` words, hex digits, `<N` paddings with huge N, numbers at and beyond the 32-bit
// edges, DEFINEs (also of paddings, numbers and strings), strings of both quotes spanning lines,
// comments, carriage returns, and now and then any byte at all. This program writes such text,
// of a requested size, from a seed; the same seed gives the same bytes everywhere. It is fed to
// both tools (each reads what it can of it). With --tame it writes no byte outside printable
// ASCII, tab, `\r` and `\n`, and closes every string, so that M1 gets past its tokenizer to the
// later stages (DEFINE, evaluation, padding, invalid_other).
//
// Usage: hexproof_bench_garbage --size BYTES [--seed S] [--tame] --out FILE
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "rng.hpp"

namespace hexproof::bench {
namespace {

// Numbers of every base, sign and size, the 32-bit edges and past them.
std::string number(Rng& rng) {
    static const char* const edges[] = {"0",           "1",           "-1",          "127",
                                        "128",         "-129",        "256",         "32767",
                                        "32768",       "65536",       "65537",       "8388608",
                                        "2147483647",  "2147483648",  "-2147483648", "4294967295",
                                        "4294967296",  "99999999999", "0x7FFFFFFF",  "0xFFFFFFFF",
                                        "0x100000000", "0b1111",      "0777",        "1_000_000",
                                        "-0x10",       "0X10",        "12ab",        "1234567890123456789"};
    if (rng.percent(60)) return rng.pick(edges);
    std::string n = rng.percent(20) ? "-" : "";
    const int base = static_cast<int>(rng.below(4));
    n += base == 0 ? "0x" : base == 1 ? "0" : base == 2 ? "0b" : "";
    const char* digits = base == 0   ? "0123456789abcdefABCDEF"
                         : base == 1 ? "01234567"
                         : base == 2 ? "01"
                                     : "0123456789";
    const std::size_t count = 1 + rng.below(base == 2 ? 40 : 14);
    const std::size_t radix = std::string_view(digits).size();
    for (std::size_t i = 0; i < count; ++i) n += rng.percent(5) ? '_' : digits[rng.below(radix)];
    return n;
}

std::string name(Rng& rng) {
    static const char* const names[] = {"a", "b",    "loop", "main", "DEFINE", "mov",
                                        "x", "\x7F", "a\r",  "n#x",  "l;1"};
    if (rng.percent(70)) return rng.pick(names);
    std::string s;
    const std::size_t count = 1 + rng.below(rng.percent(5) ? 400 : 12);
    for (std::size_t i = 0; i < count; ++i) s += static_cast<char>('a' + rng.below(26));
    return s;
}

// One token, separators included; `tame`: see the top of the file.
std::string token(Rng& rng, bool tame) {
    static const char sigils[] = {'!', '@', '$', '~', '%', '&'};
    switch (rng.below(16)) {
        case 0: return std::string(1, rng.pick(sigils)) + number(rng);
        case 1:
            return std::string(1, rng.pick(sigils)) + name(rng) + (rng.percent(20) ? ">" + name(rng) : "");
        case 2: return ":" + name(rng);
        case 3: return "<" + (rng.percent(80) ? number(rng) : "");
        case 4:
            return "DEFINE " + name(rng) + " " +
                   (rng.percent(30)   ? "<" + number(rng)
                    : rng.percent(50) ? number(rng)
                                      : name(rng));
        case 5: {
            const char quote = rng.percent(50) ? '"' : '\'';
            std::string s(1, quote);
            const std::size_t count = rng.below(rng.percent(5) ? 300 : 20);
            for (std::size_t i = 0; i < count; ++i)
                s += rng.percent(10) ? '\n' : static_cast<char>(' ' + rng.below(95));
            if (tame || !rng.percent(2)) s += quote;  // now and then a string left open
            return s;
        }
        case 6: return rng.percent(50) ? "# comment" : "; comment\r";
        case 7: return ".";
        case 8: return "^";
        case 9: {
            std::string hex;
            const std::size_t count = 1 + rng.below(16);
            for (std::size_t i = 0; i < count; ++i) hex += "0123456789ABCDEF"[rng.below(16)];
            return hex;
        }
        case 10: return number(rng);
        case 11: return name(rng);
        case 12:
            return std::string(
                1, static_cast<char>(tame ? ' ' + rng.below(95) : rng.below(256)));  // any byte at all
        case 13: return "\n";
        case 14: return "\t";
        default: {
            static const char* const paddings[] = {"99999999999", "2147483647", "0x7FFFFFFF", "-4",
                                                   "1000000"};
            return "<" + std::string(rng.pick(paddings));
        }
    }
}

int run(int argc, char** argv) {
    uint64_t size = 0, seed = 1;
    bool tame = false;
    std::string out;
    for (int i = 1; i < argc; ++i) {
        const std::string_view flag = argv[i];
        if (flag == "--tame")
            tame = true;
        else if (i + 1 == argc)
            size = 0;
        else if (flag == "--size")
            size = std::strtoull(argv[++i], nullptr, 10);
        else if (flag == "--seed")
            seed = std::strtoull(argv[++i], nullptr, 10);
        else if (flag == "--out")
            out = argv[++i];
        else
            size = 0;
    }
    if (size == 0 || out.empty()) {
        std::fprintf(stderr, "usage: hexproof_bench_garbage --size BYTES [--seed S] [--tame] --out FILE\n");
        return 2;
    }
    Rng rng(seed);
    std::string text;
    while (text.size() < size) {
        text += token(rng, tame);
        text += rng.percent(15) ? '\n' : ' ';
    }
    text.resize(size);
    FILE* f = std::fopen(out.c_str(), "wb");
    const bool ok = f != nullptr && std::fwrite(text.data(), 1, text.size(), f) == text.size();
    if (f == nullptr || std::fclose(f) != 0 || !ok) {
        std::fprintf(stderr, "hexproof_bench_garbage: cannot write %s\n", out.c_str());
        return 1;
    }
    return 0;
}

}  // namespace
}  // namespace hexproof::bench

int main(int argc, char** argv) { return hexproof::bench::run(argc, argv); }
