// The fast M1's caches of what it met lately: the ids of short texts (RecentTexts), and the
// codes of short lines (RecentLines), so that text met again is neither hashed nor looked up,
// and a line met again is not even lexed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "m1_lexer.hpp"
#include "m1_printed_stream.hpp"
#include "m1_text_table.hpp"

namespace hexproof::m1_fast {

// The index bits of a cache of recent texts or lines for a stretch of `bytes` input bytes: at
// least one line per KiB of it, from 2^lowest to 2^highest lines. A larger table's pages cost
// more to fault in and clear than its extra hits save until the stretch is several MiB
// (measured: 1 to 4 MiB inputs 10% to 15% faster than with the largest table, 10 and 30 MiB
// unchanged).
inline int index_bits_for(std::size_t bytes, int lowest, int highest) {
    int bits = lowest;
    while (bits < highest && (std::size_t{1024} << bits) < bytes) ++bits;
    return bits;
}

// The ids of short texts met lately: a direct-mapped cache from a ShortText to its id, looked at
// before a text is hashed. Most tokens are a few hundred mnemonics and registers met again and
// again; for them this is one load and a compare instead of a hash, a probe and a comparison.
// It only holds ids the table gave to those very texts, so an id found here is the table's. Its
// index needs no key: whatever the input, a lookup reads one line, and a collision only evicts.
class RecentTexts {
public:
    // For a stretch of `bytes` input bytes: a small input gets a small table, whose pages cost
    // less to clear than the lines they would never hold.
    explicit RecentTexts(std::size_t bytes)
        : bits_(index_bits_for(bytes, 8, 12)), lines_(new Line[std::size_t{1} << bits_]()) {}

    std::uint32_t find(const ShortText& t) const {
        const Line& l = lines_[index(t)];
        return ((l.w0 ^ t.w0) | (l.w1 ^ t.w1) | (l.w2 ^ t.w2) | (l.size ^ t.size)) == 0 ? l.id : no_id;
    }
    void remember(const ShortText& t, std::uint32_t id) {
        lines_[index(t)] = {t.w0, t.w1, t.w2, static_cast<std::uint32_t>(t.size), id};
    }

private:
    struct Line {
        std::uint64_t w0, w1, w2;
        std::uint32_t size, id;  // size 0: empty (no token is empty)
    };
    std::size_t index(const ShortText& t) const {
        return static_cast<std::size_t>(((t.w0 + t.w1 * 3 + t.w2 * 5 + t.size) * 0x9E3779B97F4A7C15ull) >>
                                        (64 - bits_));
    }
    int bits_;  // of an index
    std::unique_ptr<Line[]> lines_;
};

// Short lines met lately: a direct-mapped cache from a line's bytes to the ids of its texts,
// looked at before the line is lexed. Generated and compiled programs repeat most of their lines
// (`push_rax`, `rd_a0 rs1_sp !8 ld`); a line met again needs no lexing, hashing or lookup, and
// read where no DEFINE is pending it only appends its code (its values, newline included) to the
// printed stream. Only plain lines are kept (texts, none of them DEFINE, then the newline, with
// a code of at most code_room bytes) and lines that are a newline alone (comments): then a line
// is one cache line, its bytes and its code, and a hit reads nothing else.
// A line here is the bytes from a place the lexer rests at (Lexer::position) to the next `\n`,
// at most line_bytes of them, whose last token is a newline event that ends at that `\n`: the
// tokens from a resting place depend only on the bytes from there, and none of these tokens
// reads past the line, so the same bytes elsewhere are the same tokens. It only holds ids the
// table gave to those very texts. Like RecentTexts, it needs no key.
class RecentLines {
public:
    static constexpr std::size_t line_bytes = 48;
    static constexpr std::size_t code_room = line_code_room;  // PrintedStream::append's copy

    // A short line found in an input: its first byte, its size (its `\n` included) and the
    // line of the table it goes to.
    struct ShortLine {
        const char* at;
        std::uint32_t size;
        std::uint32_t index;
    };

    struct alignas(64) Line {
        std::uint64_t w[6];  // the line's bytes, as words_of gives them
        unsigned char
            code[code_room];     // its texts' values as PrintedStream encodes them, the last with the newline
        std::uint8_t size;       // 0: empty (no line is)
        std::uint8_t code_size;  // 0: a newline alone
        std::uint16_t hits;      // readings printed whose counts the table does not have yet
    };
    static_assert(sizeof(Line) == 64, "a line takes one cache line");
    static_assert(line_bytes < 256, "a line's size fits a byte");
    static constexpr std::uint16_t most_hits = 0xFFFF;  // then the counts go to the table at once

    // For a stretch of `bytes` input bytes (see RecentTexts).
    explicit RecentLines(std::size_t bytes)
        : bits_(index_bits_for(bytes, 6, 14)), lines_(new Line[std::size_t{1} << bits_]()) {}

    // The `\n` that ends the line at p if it is among the line_bytes bytes from p (which can all
    // be read), else nullptr.
    static const char* short_line_end(const char* p) {
#if defined(__SSE2__)
        const __m128i newline = _mm_set1_epi8('\n');
        const auto hits = [&](std::size_t at) {
            const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + at));
            return static_cast<std::uint64_t>(
                static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(block, newline))));
        };
        const std::uint64_t mask = hits(0) | hits(16) << 16 | hits(32) << 32;
        return mask == 0 ? nullptr : p + __builtin_ctzll(mask);
#else
        return static_cast<const char*>(std::memchr(p, '\n', line_bytes));
#endif
    }

    // The short line at p, which ends with the `\n` at newline (line_bytes bytes can be read
    // from p).
    ShortLine line_at(const char* p, const char* newline) const {
        const auto n = static_cast<std::size_t>(newline + 1 - p);
        // The index depends on the first 16 bytes, the last 8 and the size (holds() compares all).
        const std::uint64_t* keep = keep_masks.w[n];
        const std::uint64_t last = n >= 8 ? load64(newline - 7) : 0;
        std::uint64_t h = ((load64(p) & keep[0]) * 0x9E3779B97F4A7C15ull) ^ (load64(p + 8) & keep[1]);
        h = ((h * 0xC2B2AE3D27D4EB4Full) ^ last ^ n) * 0xBF58476D1CE4E5B9ull;
        return {p, static_cast<std::uint32_t>(n), static_cast<std::uint32_t>(h >> (64 - bits_))};
    }

    // A hint that this line will be looked at soon (a large input's table is larger
    // than the nearest caches).
    void prefetch_line(const ShortLine& line) const { prefetch(&lines_[line.index]); }

    // Whether this line is remembered. The sizes need no comparing: a line's only
    // `\n` is its last byte, so two lines of different sizes differ where the shorter one ends.
    bool holds(const ShortLine& line) const {
        const Line& l = lines_[line.index];
#if defined(__SSE2__)
        const auto* keep = reinterpret_cast<const __m128i*>(keep_masks.w[line.size]);
        const auto* have = reinterpret_cast<const __m128i*>(l.w);
        const auto same = [&](std::size_t i) {
            const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(line.at + 16 * i));
            return _mm_cmpeq_epi8(_mm_and_si128(bytes, _mm_load_si128(keep + i)), _mm_load_si128(have + i));
        };
        return _mm_movemask_epi8(_mm_and_si128(_mm_and_si128(same(0), same(1)), same(2))) == 0xFFFF;
#else
        std::uint64_t w[6];
        words_of(line.at, line.size, w);
        std::uint64_t differ = 0;
        for (std::size_t i = 0; i < 6; ++i) differ |= l.w[i] ^ w[i];
        return differ == 0;
#endif
    }

    Line& line(std::size_t index) { return lines_[index]; }

    // The code of a line whose tokens are `events` (the last its newline event, which ends it)
    // and whose texts have these ids, written to `code` (room for code_room + 5 bytes); its size,
    // or no_code when the line is not kept: neither plain with a code that fits, nor a newline
    // alone (size 0).
    static constexpr std::size_t no_code = SIZE_MAX;
    static std::size_t code_of(const m1_lexer::Token* tokens, const std::uint32_t* ids, std::size_t events,
                               unsigned char* code) {
        unsigned char* w = code;
        unsigned char* last_text = nullptr;
        for (std::size_t e = 0; e + 1 < events; ++e) {
            if (tokens[e].kind == m1_lexer::TokenKind::newline || ids[e] == define_id) return no_code;
            last_text = w;
            w = put_value(w, ids[e]);
            if (w > code + code_room) return no_code;
        }
        if (last_text != nullptr) *last_text |= 1;  // the line's newline goes with its last text
        return static_cast<std::size_t>(w - code);
    }

    // Remembers this line, with its code (code_of). The line it replaces must have
    // no hits left.
    void remember(const ShortLine& line, const unsigned char* code, std::size_t code_size) {
        Line& l = lines_[line.index];
        words_of(line.at, line.size, l.w);
        std::memcpy(l.code, code, code_size);
        l.size = static_cast<std::uint8_t>(line.size);
        l.code_size = static_cast<std::uint8_t>(code_size);
        l.hits = 0;
    }

    // Calls visit(line) for every remembered line.
    template <typename Visit>
    void for_each_line(Visit&& visit) {
        for (std::size_t i = 0; i < std::size_t{1} << bits_; ++i)
            if (lines_[i].size != 0) visit(lines_[i]);
    }

private:
    // The n <= line_bytes bytes at p as six zero-padded little-endian words (line_bytes bytes can
    // be read from p).
    static void words_of(const char* p, std::size_t n, std::uint64_t* w) {
        const std::uint64_t* keep = keep_masks.w[n];
        for (std::size_t i = 0; i < 6; ++i) w[i] = load64(p + 8 * i) & keep[i];
    }

    int bits_;  // of an index
    std::unique_ptr<Line[]> lines_;
};

}  // namespace hexproof::m1_fast
