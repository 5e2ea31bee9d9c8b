// The fast M1 engine: two scans over the inputs, one table of distinct texts, one output buffer.
//
// Upstream (mescc-tools 1.7.0 M1-macro.c) builds a token list and a list of "blobs", one per
// distinct text, then runs its stages over them: line_macro (DEFINE), process_string,
// eval_immediates, preserve_other, print_hex. Here the token list is never built:
//   pass 1 lexes every input, rebuilds upstream's token stream on the fly (Stream below),
//          interns each text (its id is its rank of first occurrence), records DEFINE bindings
//          and keeps the printed tokens as a compact stream of ids (PrintedStream); a short
//          line met again is not lexed again: its tokens and ids come from RecentLines;
//   evaluation gives each distinct text its printed form, once, in upstream's stage order;
//   pass 2 replays the id stream (or, for inputs whose stream would be too big, lexes the inputs
//          again) to write the output; a sizing sweep first finds invalid_other, and sizes the
//          output when it is one string (a sink needs no sweep unless some printed text has no
//          value: it is told the exact size from pass 1's counts). A `<N` padding's zeros are
//          never held: they are written where they are printed, a piece at a time, so every
//          error is found before the first of them, and the memory they take is one piece.
// On large inputs each step is shared by two threads: pass 1 reads two stretches of the inputs
// into two tables that are merged (Part, merge_second_part), evaluation takes two ranges of ids,
// pass 2 prints the two halves of the stream at once. Ids, results and errors are those of one
// thread (first_pass says how pass 1 makes sure).
// Memory beyond the inputs and the output: 24 bytes per distinct text, 11 to 22 bytes of hash
// slots per distinct text, the computed printed forms, the id stream (at most a quarter of the
// input size) and the recent lines of each thread (up to 1 MiB, less for short inputs); into a
// sink, two output buffers of at most 512 KiB each. Errors are values, chosen by the precedence
// of docs/contract.md.
#include "m1_fast.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "encoding.hpp"
#include "huge_pages.hpp"
#include "keyed_hash.hpp"
#include "m1_lexer.hpp"
#include "pipeline.hpp"
#include "strtoint.hpp"

namespace hexproof::m1_fast {

namespace {

using split::middle_line_start;
using split::Place;
using split::total_size;

using m1_lexer::Lexer;
using m1_lexer::Token;
using m1_lexer::TokenKind;

constexpr std::uint32_t no_id = UINT32_MAX;
constexpr std::uint32_t newline_id = 0;  // upstream's newline_blob, text "\n"
constexpr std::uint32_t define_id = 1;   // upstream's define_blob, text "DEFINE"
constexpr std::size_t batch_size = 512;  // tokens per lexer call
constexpr std::size_t copy_slack = 16;   // readable bytes after every cached value, for short copies
static_assert(copy_slack <= 24, "a wide text (Entry::wide) is a printed form in place");
constexpr std::size_t piece_size = std::size_t{1} << 18;  // pass 2 hands its output on in pieces this big

// ---------------------------------------------------------------------------------------------
// Distinct texts
// ---------------------------------------------------------------------------------------------

std::uint64_t load64(const char* p) {
    std::uint64_t v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

std::uint64_t load32(const char* p) {
    std::uint32_t v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

// A hint that *p will be read soon (large inputs miss the caches on their many labels).
void prefetch(const void* p) {
#if defined(__GNUC__)
    __builtin_prefetch(p);
#else
    (void)p;
#endif
}

// The printed stream's values (PrintedStream): a printed token's id, times two, plus one when a
// newline follows the token (a newline alone is 0: one after a text is that text's bit), as
// LEB128, at most five bytes. put_value writes id's value without the bit at w and returns the
// end; the bit, the first byte's lowest, is set afterwards when the newline comes.
unsigned char* put_value(unsigned char* w, std::uint32_t id) {
    std::uint64_t value = std::uint64_t{id} << 1;
    while (value >= 0x80) {
        *w++ = static_cast<unsigned char>((value & 0x7F) | 0x80);
        value >>= 7;
    }
    *w++ = static_cast<unsigned char>(value);
    return w;
}

// A value of the printed stream as put_value wrote it.
struct Value {
    std::uint32_t id;
    bool newline_after;
};

// The value encoded at p, which moves past it.
[[gnu::always_inline]] inline Value get_value(const unsigned char*& p) {
    std::uint64_t value = *p++;
    if (value >= 0x80) {
        value &= 0x7F;
        int shift = 7;
        for (;;) {
            const std::uint64_t b = *p++;
            value |= (b & 0x7F) << shift;
            if (b < 0x80) break;
            shift += 7;
        }
    }
    return {static_cast<std::uint32_t>(value >> 1), (value & 1) != 0};
}

// Equality of two texts of n bytes, reading only inside them (texts are short: no call).
bool same_text(const char* a, const char* b, std::size_t n) {
    if (n >= 8) {
        for (std::size_t i = 0; i + 8 < n; i += 8)
            if (load64(a + i) != load64(b + i)) return false;
        return load64(a + n - 8) == load64(b + n - 8);
    }
    if (n >= 4) return load32(a) == load32(b) && load32(a + n - 4) == load32(b + n - 4);
    for (std::size_t i = 0; i < n; ++i)
        if (a[i] != b[i]) return false;
    return true;
}

// For a text of n <= 48 bytes, the masks keeping its bytes in each of six little-endian words.
struct alignas(16) KeepMasks {
    std::uint64_t w[49][6];
};

constexpr KeepMasks make_keep_masks() {
    KeepMasks m{};
    for (std::size_t n = 0; n <= 48; ++n)
        for (std::size_t i = 0; i < 6; ++i) {
            const std::size_t bytes = n <= 8 * i ? 0 : n - 8 * i >= 8 ? 8 : n - 8 * i;
            m.w[n][i] = bytes == 8 ? ~0ull : (1ull << (8 * bytes)) - 1;
        }
    return m;
}

constexpr KeepMasks keep_masks = make_keep_masks();

// Equality of two texts of n < 24 bytes, from each of which 24 bytes can be read: three masked
// words (no branch on the bytes).
bool same_short_text(const char* a, const char* b, std::size_t n) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const std::uint64_t* keep = keep_masks.w[n];
    return (((load64(a) ^ load64(b)) & keep[0]) | ((load64(a + 8) ^ load64(b + 8)) & keep[1]) |
            ((load64(a + 16) ^ load64(b + 16)) & keep[2])) == 0;
#else
    return same_text(a, b, n);
#endif
}

// A text shorter than 24 bytes as three zero-padded little-endian words, and its size.
struct ShortText {
    std::uint64_t w0, w1, w2;
    std::size_t size;
};

// [p, p + n), which lies in a buffer ending at `limit`, as a ShortText, when it is shorter than
// 24 bytes and 24 bytes can be read from p (most mnemonics, registers and immediates).
inline bool read_short_text(const char* p, std::size_t n, const char* limit, ShortText* text) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (n < 24 && static_cast<std::size_t>(limit - p) >= 24) {
        const std::uint64_t* keep = keep_masks.w[n];
        *text = {load64(p) & keep[0], load64(p + 8) & keep[1], load64(p + 16) & keep[2], n};
        return true;
    }
#endif
    (void)p, (void)n, (void)limit, (void)text;
    return false;
}

// The texts' hashes are keyed: keyed_hash.hpp says why, and how no input can make them collide
// more than random texts do.
inline std::uint32_t hash_short_text(const keyed_hash::Key& key, const ShortText& t) {
    return keyed_hash::hash_short(key, t.w0, t.w1, t.w2, t.size);
}

// hash_text's cases that are not the common one (kept out of line).
[[gnu::noinline]] std::uint32_t hash_text_slow(const keyed_hash::Key& key, const char* p, std::size_t n, const char* limit) {
    return keyed_hash::hash_bytes(key, p, n, limit);
}

// The hash of [p, p + n), which lies in a buffer ending at `limit`: a short text's three words
// (inline: this is the common case), otherwise keyed_hash's ways.
inline std::uint32_t hash_text(const keyed_hash::Key& key, const char* p, std::size_t n, const char* limit) {
    ShortText text;
    if (read_short_text(p, n, limit, &text)) return hash_short_text(key, text);
    return hash_text_slow(key, p, n, limit);
}

// One distinct token text (upstream's blob). Until evaluation, [data, data + size) is the text's
// first occurrence (in an input, or a static string for ids 0 and 1); evaluation replaces it by
// the text's printed form, if it has one. 24 bytes: a large program has hundreds of thousands.
struct Entry {
    enum class State : std::uint8_t { text, value, no_value };

    Entry(const char* text, std::size_t text_size)
        : data(text), size(text_size), state(State::text), printed_later(false), wide(false), as_is(false), padding(false) {}

    const char* data;
    std::uint64_t size : 48;  // a size in the address space (47 bits on the machines we run on)
    State state : 8;
    bool printed_later : 1;  // printed in a stretch merged into this one (pass 1)
    bool wide : 1;     // pass 1: 24 bytes can be read from data (texts compare in three words)
    bool as_is : 1;    // pass 1: unless DEFINE binds it, it is printed as it is (kept_as_is)
    bool padding : 1;  // a `<N`: its printed form, `size` zero digits, is never held (N may be 2^31-1)
    std::uint32_t bound = no_id;  // the value text of the last DEFINE that names this text
    std::uint32_t count = 0;      // its printed occurrences in the stream of its part (pass 1)

    std::string_view view() const { return {data, size}; }
    bool printed() const { return count > 0 || printed_later; }  // some occurrence is a printed token
};

static_assert(sizeof(Entry) == 24, "an Entry takes 24 bytes");

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
    explicit RecentTexts(std::size_t bytes) : bits_(index_bits_for(bytes, 8, 12)), lines_(new Line[std::size_t{1} << bits_]()) {}

    std::uint32_t find(const ShortText& t) const {
        const Line& l = lines_[index(t)];
        return ((l.w0 ^ t.w0) | (l.w1 ^ t.w1) | (l.w2 ^ t.w2) | (l.size ^ t.size)) == 0 ? l.id : no_id;
    }
    void remember(const ShortText& t, std::uint32_t id) { lines_[index(t)] = {t.w0, t.w1, t.w2, static_cast<std::uint32_t>(t.size), id}; }

private:
    struct Line {
        std::uint64_t w0, w1, w2;
        std::uint32_t size, id;  // size 0: empty (no token is empty)
    };
    std::size_t index(const ShortText& t) const {
        return static_cast<std::size_t>(((t.w0 + t.w1 * 3 + t.w2 * 5 + t.size) * 0x9E3779B97F4A7C15ull) >> (64 - bits_));
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
    static constexpr std::size_t code_room = 12;  // PrintedStream::append's copy

    // A short line found in an input: its first byte, its size (its `\n` included) and the
    // line of the table it goes to.
    struct Place {
        const char* at;
        std::uint32_t size;
        std::uint32_t index;
    };

    struct alignas(64) Line {
        std::uint64_t w[6];             // the line's bytes, as words_of gives them
        unsigned char code[code_room];  // its texts' values as PrintedStream encodes them, the last with the newline
        std::uint8_t size;              // 0: empty (no line is)
        std::uint8_t code_size;         // 0: a newline alone
        std::uint16_t hits;             // readings printed whose counts the table does not have yet
    };
    static_assert(sizeof(Line) == 64, "a line takes one cache line");
    static_assert(line_bytes < 256, "a line's size fits a byte");
    static constexpr std::uint16_t most_hits = 0xFFFF;  // then the counts go to the table at once

    // For a stretch of `bytes` input bytes (see RecentTexts).
    explicit RecentLines(std::size_t bytes) : bits_(index_bits_for(bytes, 6, 14)), lines_(new Line[std::size_t{1} << bits_]()) {}

    // The `\n` that ends the line at p if it is among the line_bytes bytes from p (which can all
    // be read), else nullptr.
    static const char* short_line_end(const char* p) {
#if defined(__SSE2__)
        const __m128i newline = _mm_set1_epi8('\n');
        const auto hits = [&](std::size_t at) {
            const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + at));
            return static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(block, newline))));
        };
        const std::uint64_t mask = hits(0) | hits(16) << 16 | hits(32) << 32;
        return mask == 0 ? nullptr : p + __builtin_ctzll(mask);
#else
        return static_cast<const char*>(std::memchr(p, '\n', line_bytes));
#endif
    }

    // The short line at p, which ends with the `\n` at newline (line_bytes bytes can be read
    // from p).
    Place place_of(const char* p, const char* newline) const {
        const auto n = static_cast<std::size_t>(newline + 1 - p);
        // The index depends on the first 16 bytes, the last 8 and the size (holds() compares all).
        const std::uint64_t* keep = keep_masks.w[n];
        const std::uint64_t last = n >= 8 ? load64(newline - 7) : 0;
        std::uint64_t h = ((load64(p) & keep[0]) * 0x9E3779B97F4A7C15ull) ^ (load64(p + 8) & keep[1]);
        h = ((h * 0xC2B2AE3D27D4EB4Full) ^ last ^ n) * 0xBF58476D1CE4E5B9ull;
        return {p, static_cast<std::uint32_t>(n), static_cast<std::uint32_t>(h >> (64 - bits_))};
    }

    // A hint that the line at this place will be looked at soon (a large input's table is larger
    // than the nearest caches).
    void prefetch_line(const Place& place) const { prefetch(&lines_[place.index]); }

    // Whether the line at this place is remembered. The sizes need no comparing: a line's only
    // `\n` is its last byte, so two lines of different sizes differ where the shorter one ends.
    bool holds(const Place& place) const {
        const Line& l = lines_[place.index];
#if defined(__SSE2__)
        const auto* keep = reinterpret_cast<const __m128i*>(keep_masks.w[place.size]);
        const auto* have = reinterpret_cast<const __m128i*>(l.w);
        const auto same = [&](std::size_t i) {
            const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(place.at + 16 * i));
            return _mm_cmpeq_epi8(_mm_and_si128(bytes, _mm_load_si128(keep + i)), _mm_load_si128(have + i));
        };
        return _mm_movemask_epi8(_mm_and_si128(_mm_and_si128(same(0), same(1)), same(2))) == 0xFFFF;
#else
        std::uint64_t w[6];
        words_of(place.at, place.size, w);
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
    static std::size_t code_of(const Token* tokens, const std::uint32_t* ids, std::size_t events, unsigned char* code) {
        unsigned char* w = code;
        unsigned char* last_text = nullptr;
        for (std::size_t e = 0; e + 1 < events; ++e) {
            if (tokens[e].kind == TokenKind::newline || ids[e] == define_id) return no_code;
            last_text = w;
            w = put_value(w, ids[e]);
            if (w > code + code_room) return no_code;
        }
        if (last_text != nullptr) *last_text |= 1;  // the line's newline goes with its last text
        return static_cast<std::size_t>(w - code);
    }

    // Remembers the line at this place, with its code (code_of). The line it replaces must have
    // no hits left.
    void remember(const Place& place, const unsigned char* code, std::size_t code_size) {
        Line& l = lines_[place.index];
        words_of(place.at, place.size, l.w);
        std::memcpy(l.code, code, code_size);
        l.size = static_cast<std::uint8_t>(place.size);
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

// Open addressing with linear probing; a slot holds the text's hash and its id + 1 (0 = empty).
// The load factor stays between 3/8 and 3/4: probes mostly stay in one cache line of 8 slots,
// and the table (which large programs fill with labels) takes 11 to 22 bytes per text.
class TextTable {
public:
    explicit TextTable(const keyed_hash::Key& key) : key_(key), slots_(1024), mask_(1023) {
        static constexpr std::string_view newline_text = "\n";
        static constexpr std::string_view define_text = "DEFINE";
        intern(newline_text.data(), newline_text.size(), newline_text.data() + newline_text.size());
        intern(define_text.data(), define_text.size(), define_text.data() + define_text.size());
    }

    // The id of [p, p + n) (a new one if the text is new); `limit` ends the buffer it lies in.
    std::uint32_t intern(const char* p, std::size_t n, const char* limit) { return intern_hashed(p, n, limit, hash_text(key_, p, n, limit)); }

    // The same, with h = hash_text(p, n, limit).
    std::uint32_t intern_hashed(const char* p, std::size_t n, const char* limit, std::uint32_t h) {
        const bool wide = limit - p >= 24;
        std::size_t slot = h & mask_;
        for (;;) {
            const Slot s = slots_[slot];
            if (s.id1 == 0) break;
            if (s.hash == h && matches(s.id1 - 1, p, n, wide)) return s.id1 - 1;
            slot = (slot + 1) & mask_;
        }
        const auto id = static_cast<std::uint32_t>(entries.size());
        entries.push_back(Entry{p, n});
        entries.back().wide = wide;
        slots_[slot] = Slot{h, id + 1};
        if (entries.size() * 4 > slots_.size() * 3) grow();  // load factor at most 3/4
        return id;
    }

    // Sizes the slots for `texts` distinct texts at once (growth would touch twice the memory).
    void expect(std::size_t texts) {
        std::size_t size = slots_.size();
        while (size * 3 < texts * 4) size *= 2;
        if (size != slots_.size()) rehash(size);
    }

    // Prefetch hints for a lookup of a text with hash h, to be issued well before it, in three
    // rounds: the slot, then the entry the slot names, then that entry's text.
    void prefetch_slot(std::uint32_t h) const { prefetch(&slots_[h & mask_]); }
    void prefetch_entry(std::uint32_t h) const {
        const Slot s = slots_[h & mask_];
        if (s.id1 != 0) prefetch(&entries[s.id1 - 1]);
    }
    void prefetch_text(std::uint32_t h) const {
        const Slot s = slots_[h & mask_];
        if (s.id1 != 0) prefetch(entries[s.id1 - 1].data);
    }

    // The id of the text with hash h that text() returns (called only if some text has that
    // hash), or no_id.
    template <typename Text>
    std::uint32_t find_hashed(std::uint32_t h, Text&& text) const {
        for (std::size_t slot = h & mask_;; slot = (slot + 1) & mask_) {
            const Slot s = slots_[slot];
            if (s.id1 == 0) return no_id;
            if (s.hash == h) {
                const std::string_view t = text();
                if (matches(s.id1 - 1, t.data(), t.size(), false)) return s.id1 - 1;
            }
        }
    }

    // Calls visit(hash, id) for every text in the slots [from, to), in the order of the slots
    // (which is about the order of the hashes).
    template <typename Visit>
    void for_each_slot(std::size_t from, std::size_t to, Visit&& visit) const {
        for (std::size_t slot = from; slot < to; ++slot)
            if (slots_[slot].id1 != 0) visit(slots_[slot].hash, slots_[slot].id1 - 1);
    }
    std::size_t slot_count() const { return slots_.size(); }
    const keyed_hash::Key& key() const { return key_; }

    // Pass 1 is over: the texts are no longer looked up, only their entries used.
    void drop_slots() {
        std::vector<Slot>().swap(slots_);
        mask_ = 0;
    }

    std::vector<Entry> entries;

private:
    struct Slot {
        std::uint32_t hash = 0;
        std::uint32_t id1 = 0;  // id + 1; 0 = empty
    };

    // Whether text id is [p, p + n); `wide`: 24 bytes can be read from p.
    bool matches(std::uint32_t id, const char* p, std::size_t n, bool wide) const {
        const Entry& e = entries[id];
        return e.size == n && (wide && e.wide && n < 24 ? same_short_text(e.data, p, n) : same_text(e.data, p, n));
    }

    void grow() { rehash(slots_.size() * 2); }

    // Moves the slots to a table of `size` slots (a power of two, large enough).
    void rehash(std::size_t size) {
        std::vector<Slot> bigger(size);
        const std::size_t mask = bigger.size() - 1;
        for (const Slot& s : slots_) {
            if (s.id1 == 0) continue;
            std::size_t slot = s.hash & mask;
            while (bigger[slot].id1 != 0) slot = (slot + 1) & mask;
            bigger[slot] = s;
        }
        slots_.swap(bigger);
        mask_ = mask;
    }

    const keyed_hash::Key& key_;
    std::vector<Slot> slots_;
    std::size_t mask_;
};

// ---------------------------------------------------------------------------------------------
// Upstream's token stream, rebuilt on the fly
// ---------------------------------------------------------------------------------------------

// What a token of the (collapsed) stream is to line_macro.
enum class Role : std::uint8_t { print, define, name, value };

// Tokenize_Line's newline rules across all inputs (no newline before the first token of the
// whole stream, runs collapse) and line_macro's walk (a DEFINE token becomes a newline and takes
// the next two tokens, whatever they are, as name and value).
class Stream {
public:
    // False when a newline vanishes (stream start, or the previous token is a newline).
    bool keep_newline() {
        if (!any_ || last_newline_) return false;
        last_newline_ = true;
        return true;
    }
    void keep_text() {
        any_ = true;
        last_newline_ = false;
    }
    Role role(bool is_define) {
        switch (state_) {
            case State::normal:
                if (!is_define) return Role::print;
                state_ = State::want_name;
                return Role::define;
            case State::want_name:
                state_ = State::want_value;
                return Role::name;
            case State::want_value:
                break;
        }
        state_ = State::normal;
        return Role::value;
    }
    bool any() const { return any_; }
    bool after_newline() const { return last_newline_; }
    bool wants_name() const { return state_ == State::want_name; }
    bool wants_value() const { return state_ == State::want_value; }

private:
    enum class State : std::uint8_t { normal, want_name, want_value };
    bool any_ = false;
    bool last_newline_ = false;
    State state_ = State::normal;
};

std::size_t offset_in(const Input& input, const char* p) { return static_cast<std::size_t>(p - input.view().data()); }

Error located_error(ErrorKind kind, std::size_t file, std::size_t offset) {
    Error e;
    e.kind = kind;
    e.file = file;
    e.offset = offset;
    return e;
}

// The input a first occurrence lies in (texts are views into the inputs), by a binary search over
// the inputs in address order: a search through them all for each text made 10^5 small inputs
// take 17 s.
class InputsByAddress {
public:
    explicit InputsByAddress(const std::vector<Input>& inputs) {
        for (std::size_t f = 0; f < inputs.size(); ++f)
            if (!inputs[f].view().empty()) starts_.push_back({inputs[f].view().data(), inputs[f].view().size(), f});
        std::sort(starts_.begin(), starts_.end(), [](const Start& a, const Start& b) { return a.data < b.data; });
    }

    // The input holding p, or no_file (the static texts of ids 0 and 1).
    std::size_t file_of(const char* p) const {
        const auto after = std::upper_bound(starts_.begin(), starts_.end(), p,
                                            [](const char* q, const Start& s) { return std::less<const char*>()(q, s.data); });
        if (after == starts_.begin()) return no_file;
        const Start& s = *(after - 1);
        return std::less<const char*>()(p, s.data + s.size) ? s.file : no_file;
    }

private:
    struct Start {
        const char* data;
        std::size_t size;
        std::size_t file;
    };
    std::vector<Start> starts_;  // the non-empty inputs, by address
};

// ---------------------------------------------------------------------------------------------
// Printed forms (evaluation)
// ---------------------------------------------------------------------------------------------

constexpr char digit_chars[] = "0123456789ABCDEF";

// A padding's printed form when it is short (Printer::word copies copy_slack bytes).
constexpr char zero_digits[copy_slack + 1] = "0000000000000000";
static_assert(sizeof zero_digits - 1 == copy_slack, "copy_slack zero digits");

struct DigitShape {
    int per_byte;  // digits per byte: 2 hex, 3 octal, 8 binary
    int bits;      // bits per digit
};

DigitShape shape_of(ByteMode mode) { return {encoding::digits_per_byte(mode), encoding::digit_bits(mode)}; }

// stringify: `bytes * per_byte` digits of the (sign-extended) value, most significant first;
// octal is not byte-aligned (3 digits per byte of width cover 3 bits more than the byte). Little
// endian then reverses the per_byte-digit groups end to end (LittleEndian).
void put_number(std::string& out, std::int32_t value, int bytes, const M1Config& config) {
    const DigitShape shape = shape_of(config.byte_mode);
    const int digits = bytes * shape.per_byte;
    const std::int64_t v = value;
    const std::int64_t mask = (std::int64_t{1} << shape.bits) - 1;
    const std::size_t start = out.size();
    out.resize(start + static_cast<std::size_t>(digits));
    char* d = out.data() + start;
    for (int k = digits - 1; k >= 0; --k) *d++ = digit_chars[(v >> (shape.bits * k)) & mask];
    if (!config.big_endian) {
        d = out.data() + start;
        for (int lo = 0, hi = bytes - 1; lo < hi; ++lo, --hi)
            std::swap_ranges(d + lo * shape.per_byte, d + (lo + 1) * shape.per_byte, d + hi * shape.per_byte);
    }
}

// hexify_string: each byte of the body then a 0 byte, each as per_byte digits and a space; on
// knight in hex mode, `0` digits (no spaces) pad the bytes to a multiple of 4.
void put_string(std::string& out, std::string_view body, const M1Config& config) {
    const DigitShape shape = shape_of(config.byte_mode);
    const std::size_t start = out.size();
    out.resize(start + (body.size() + 1) * static_cast<std::size_t>(shape.per_byte + 1));
    char* d = out.data() + start;
    const auto put_byte = [&](unsigned char b) {
        for (int k = shape.per_byte - 1; k >= 0; --k) *d++ = digit_chars[(b >> (shape.bits * k)) & ((1 << shape.bits) - 1)];
        *d++ = ' ';
    };
    for (char c : body) put_byte(static_cast<unsigned char>(c));
    put_byte(0);
    if (config.architecture == Architecture::knight && config.byte_mode == ByteMode::hex)
        out.append(6 - 2 * (body.size() % 4), '0');
}

bool in_set(char c, std::string_view set) {
    for (const char s : set)
        if (c == s) return true;
    return false;
}

// What evaluating one text ends in: a printed form appended to the arena, the text itself as its
// printed form (nothing appended), `number` zero bytes of padding (nothing appended: they are
// printed where they go), no value, or an error.
enum class Outcome : std::uint8_t { value, unchanged, padding, none, out_of_range, negative_padding };

struct Evaluation {
    Outcome outcome;
    std::int32_t number = 0;  // the value an error shows, or the bytes of padding
};

// express_number: the sigil's width and range check (inclusive bounds, upstream's), the mask,
// then the digits.
Evaluation express_number(std::string& out, std::int32_t value, char sigil, const M1Config& config) {
    const encoding::CheckedField field = encoding::express_number_field(sigil);
    if (value < field.low || value > field.high) return {Outcome::out_of_range, value};
    const std::uint32_t mask = field.width == 4 ? 0xFFFFFFFFu : (1u << (8 * field.width)) - 1;
    put_number(out, static_cast<std::int32_t>(static_cast<std::uint32_t>(value) & mask), field.width, config);
    return {Outcome::value};
}

// express_word (RISC-V): `!` I-type, `@` S-type, `~` U-type immediates as `.`-prefixed 32-bit
// words (riscv_immediate); `$` a 16-bit and `%` a 32-bit constant without the dot. No range check.
void express_word(std::string& out, std::int32_t value, char sigil, const M1Config& config) {
    const auto u = static_cast<std::uint32_t>(value);
    if (sigil == '$') {
        put_number(out, static_cast<std::int32_t>(u & 0xFFFFu), 2, config);
    } else if (sigil == '%') {
        put_number(out, value, 4, config);
    } else {
        out.push_back('.');
        put_number(out, static_cast<std::int32_t>(encoding::riscv_immediate(sigil, u)), 4, config);
    }
}

// eval_immediates then preserve_other, for a text that is neither a string nor DEFINE-bound.
Evaluation evaluate_other(std::string& out, std::string_view text, const M1Config& config) {
    const char first = text[0];
    if (first != '<') {
        if (!encoding::word_arch(config.architecture)) {
            if (in_set(first, "%~@!&$")) {
                const std::string_view digits = text.substr(1);
                const std::int32_t value = strtoint(digits);
                if (is_number(digits, value)) return express_number(out, value, first, config);
            } else if (config.architecture == Architecture::knight) {
                const std::int32_t value = strtoint(text);
                const char sigil = encoding::knight_bare_sigil(value);
                if (is_number(text, value) && sigil != 0) return express_number(out, value, sigil, config);
            }
        } else if (in_set(first, "%~@!$")) {
            const std::string_view digits = text.substr(1);
            const std::int32_t value = strtoint(digits);
            if (is_number(digits, value)) {
                express_word(out, value, first, config);
                return {Outcome::value};
            }
        }
    }
    if (in_set(first, "!@$~%&:^")) return {Outcome::unchanged};
    if (first == '<') {
        const std::int32_t count = strtoint(text.substr(1));
        if (count < 0) return {Outcome::negative_padding, count};
        if (count == 0) return {Outcome::unchanged};
        return {Outcome::padding, count};
    }
    return {Outcome::none};
}

// Whether a text is printed as it is unless DEFINE binds it: not a string, and left unchanged by
// evaluate_other. Pass 1 asks this of each new text while the text is still in the cache, so that
// evaluation need not read the texts of labels (most of a large program's texts) again.
bool kept_as_is(std::string_view text, const M1Config& config, std::string& scratch) {
    if (text[0] == '"' || text[0] == '\'') return false;
    scratch.clear();
    return evaluate_other(scratch, text, config).outcome == Outcome::unchanged;
}

// ---------------------------------------------------------------------------------------------
// The printed token stream
// ---------------------------------------------------------------------------------------------

// The printed token stream of pass 1, kept for pass 2 while it stays small: each printed token's
// id as a LEB128 varint, a newline after a text in that text's value (put_value; the texts of
// DEFINE tables come first and have small ids). Once it outgrows its limit it is dropped and
// pass 2 lexes the inputs again instead, so the memory it takes stays a fraction of the input's
// size.
class PrintedStream {
public:
    // The buffer is allocated at its limit but left untouched, so only the pages written count.
    explicit PrintedStream(std::size_t limit)
        : bytes_(new unsigned char[limit + RecentLines::code_room]), w_(bytes_.get()), stop_(bytes_.get() + limit) {}

    void push_text(std::uint32_t id) {
        if (w_ == nullptr) return;
        last_text_ = w_;
        w_ = put_value(w_, id);
        if (w_ > stop_) drop();
    }
    void push_newline() {
        if (w_ == nullptr) return;
        if (last_text_ != nullptr) {
            *last_text_ |= 1;
            last_text_ = nullptr;
            return;
        }
        w_ = put_value(w_, newline_id);
        if (w_ > stop_) drop();
    }

    // Appends the first n bytes of code (a plain line's values, encoded: its texts, the last
    // with the newline), copying all of it.
    void append(const unsigned char (&code)[RecentLines::code_room], std::size_t n) {
        if (w_ == nullptr) return;
        std::memcpy(w_, code, sizeof code);
        w_ += n;
        last_text_ = nullptr;
        if (w_ > stop_) drop();
    }

    bool kept() const { return w_ != nullptr; }
    // Whether the kept stream starts with a newline; whether it ends with one. Both false when
    // it is empty.
    bool starts_with_newline() const {
        bool newline = false;
        replay([&](std::uint32_t id, bool) {
            newline = id == newline_id;
            return false;
        });
        return newline;
    }
    bool ends_with_newline() const {
        bool newline = false;
        std::size_t start = size();
        if (start == 0) return newline;
        do --start;  // back to the byte after the previous value's last byte (which is < 0x80)
        while (start > 0 && bytes_[start - 1] >= 0x80);
        replay([&](std::uint32_t id, bool newline_after) {
            newline = id == newline_id || newline_after;
            return true;
        }, start);
        return newline;
    }
    bool empty() const { return size() == 0; }
    std::size_t size() const { return static_cast<std::size_t>(w_ - bytes_.get()); }

    // The first value boundary at or after the middle of the stream.
    std::size_t middle() const {
        std::size_t at = size() / 2;
        while (at > 0 && at < size() && bytes_[at - 1] >= 0x80) ++at;
        return at;
    }

    // Calls visit(id, newline_after) for each value in order until it returns false; only for
    // those whose encoding lies in [from, to) when given a value boundary range.
    template <typename Visit>
    void replay(Visit&& visit, std::size_t from = 0, std::size_t to = SIZE_MAX) const {
        const unsigned char* p = bytes_.get() + from;
        const unsigned char* end = to == SIZE_MAX ? w_ : bytes_.get() + to;
        while (p != end) {
            const Value v = get_value(p);
            if (!visit(v.id, v.newline_after)) return;
        }
    }

private:
    void drop() {
        bytes_.reset();
        w_ = nullptr;
    }

    std::unique_ptr<unsigned char[]> bytes_;
    unsigned char* w_;            // the end of the stream so far; nullptr once dropped
    unsigned char* last_text_ = nullptr;  // the last value, when it is a text's without newline
    const unsigned char* stop_;   // the stream is dropped once it ends beyond this
};

// Printed forms computed by evaluation, and the entries they belong to (remembered as offsets
// until the bytes stop moving).
struct Arena {
    std::string bytes;
    std::vector<std::pair<std::uint32_t, std::size_t>> entries;  // (id, start of its printed form)
};

// ---------------------------------------------------------------------------------------------
// Pass 1
// ---------------------------------------------------------------------------------------------

// A batch of one input's tokens as the lexer gives them, with the hashes of the texts (tokens
// other than newlines) in order.
struct Batch {
    // A short line the lexer read for this batch, to be remembered once its ids are known.
    struct LexedLine {
        RecentLines::Place place;
        std::size_t first;  // its first token
    };
    static constexpr std::size_t lines_ahead = 16;  // short lines found (and prefetched) at a time
    static constexpr std::size_t line_room = 8;     // fill_batch reads on only with room for this many tokens

    std::size_t file = 0;
    std::size_t count = 0;
    std::size_t texts = 0;  // tokens other than newlines that RecentTexts did not know
    std::size_t lexed_lines = 0;
    bool has_nul = false;  // some token may hold a NUL byte (the bytes they span hold one)
    Token tokens[batch_size];
    // By token: a text's id when known (RecentTexts, then use()); for a newline event, no_id, or
    // the index of the RecentLines line it stands for (the tokens from begin to end).
    std::uint32_t ids[batch_size];
    std::uint32_t hashes[batch_size];  // the hashes of the texts no cache knew, in order
    LexedLine lines[batch_size];
    RecentLines::Place ahead[2][lines_ahead];  // the short lines being read, and those after them
};

// What pass 1 makes of a stretch of the inputs: its distinct texts, numbered by first occurrence
// in the stretch, and its printed stream. A stretch after the first is merged into the first's
// table afterwards; `merged_ids` then maps its ids to the merged ones, and `merged_counts` keeps
// the printed count of each of its texts (by its own ids) for the output's size.
struct Part {
    // `bytes`: the size of the stretch; `texts_room`: the bytes whose texts the table will hold
    // (a first part's table takes in the second part's texts too, but only as entries).
    Part(std::size_t bytes, std::size_t texts_room, const keyed_hash::Key& key)
        : stretch_bytes(bytes), table(key), printed(bytes / 4 + 4096) {
        // Room for the distinct texts of a typical program (about one per 64 input bytes or
        // fewer), so the table of texts rarely moves; the pages never written are never touched.
        // The slots, which only the stretch's own texts use, are sized for one text per 128
        // bytes (large generated programs have about that many labels), so that growth copies
        // rarely.
        table.entries.reserve(texts_room / 64 + 1024);
        table.expect(bytes / 128);
    }

    std::size_t stretch_bytes;
    TextTable table;
    PrintedStream printed;
    std::vector<std::uint32_t> merged_ids;
    std::vector<std::uint32_t> merged_counts;
};

// Pass 1 over a stretch of the inputs: tokenizing errors, the stream, the texts, the DEFINE
// bindings, the printed stream.
class Pass1 {
public:
    // A stretch that starts where a line does, after some text, reads the stream from a state
    // that only a newline after some text leaves (checked by the caller, at_line_start()).
    Pass1(const M1Config& config, const std::vector<Input>& inputs, Part& part, bool starts_a_line = false)
        : config_(config), inputs_(inputs), part_(part), recent_(part.stretch_bytes), recent_lines_(part.stretch_bytes) {
        if (starts_a_line) stream_.keep_text(), stream_.keep_newline();
    }

    // The tokens from `from` to `to`, each input's in batches, then the newline the input ends
    // with when the stretch holds its end. Stops at the first error, or when *stop is set. A
    // stretch may end inside an input only after a `\n`: if that `\n` lies in a string, the
    // string's last token is cut there, so it is not used and *cut is set to its start (the
    // stretch really ends there).
    std::optional<Error> lex(Place from, Place to, const std::atomic<bool>* stop = nullptr, const char** cut = nullptr) {
        auto error = lex_batches(from, to, stop, cut);
        recent_lines_.for_each_line([&](RecentLines::Line& line) { give_counts(line); });
        return error;
    }

    // After the last stretch: the errors of the stream as a whole.
    std::optional<Error> finish() const {
        if (!stream_.any()) return located_error(ErrorKind::empty_input, no_file, 0);
        if (stream_.wants_name()) return located_error(ErrorKind::macro_name_missing, define_file_, define_offset_);
        if (stream_.wants_value()) return located_error(ErrorKind::macro_value_missing, define_file_, define_offset_);
        return std::nullopt;
    }

    // Whether the stream is in the state a stretch made with starts_a_line begins in.
    bool at_line_start() const { return stream_.any() && stream_.after_newline() && !stream_.wants_name() && !stream_.wants_value(); }

private:
    // lex() but for the counts RecentLines holds.
    std::optional<Error> lex_batches(Place from, Place to, const std::atomic<bool>* stop, const char** cut) {
        Batch batch;
        for (std::size_t f = from.file; f < inputs_.size() && (f < to.file || (f == to.file && to.offset > 0)); ++f) {
            const std::string_view bytes = inputs_[f].view();
            const std::size_t begin = f == from.file ? from.offset : 0;
            const bool holds_end = f < to.file;
            const std::size_t end = holds_end ? bytes.size() : to.offset;
            Lexer lexer(bytes.substr(begin, end - begin));
            batch.file = f;
            while (fill_batch(lexer, bytes.data() + end, f, batch)) {
                if (stop != nullptr && stop->load(std::memory_order_relaxed)) return std::nullopt;
                const bool cut_here = !holds_end && batch.tokens[batch.count - 1].kind == TokenKind::unterminated_string;
                if (cut_here) *cut = batch.tokens[--batch.count].begin;
                const std::size_t texts_before = part_.table.entries.size();
                if (auto error = use(batch)) return error;
                remember_lines(batch, texts_before);
                if (cut_here) return std::nullopt;
            }
            if (holds_end && stream_.keep_newline()) take(newline_id, f, bytes.data() + bytes.size());
        }
        return std::nullopt;
    }

    // The next batch of input f's tokens up to `end` (where lexer's bytes end): those of the
    // short lines RecentLines knows with their ids, the others from lexer with the hashes of
    // their texts (whose slots are prefetched at once: the first of use()'s rounds); false at
    // the end.
    bool fill_batch(Lexer& lexer, const char* end, std::size_t f, Batch& batch) {
        const char* limit = inputs_[f].view().data() + inputs_[f].view().size();
        const char* at = lexer.position();
        batch.count = 0;
        batch.lexed_lines = 0;
        std::size_t texts = 0;
        const auto has_room = [&] { return batch.count + Batch::line_room <= batch_size; };
        // The short lines from `at` on (guessing that each starts where the one before ends,
        // which holds unless a string runs on), their lines prefetched, a group at a time; a
        // group is read while the guess holds, once the next one is found (and prefetched), so
        // that a line is looked at a group after its prefetch.
        RecentLines::Place* group = batch.ahead[0];
        RecentLines::Place* next_group = batch.ahead[1];
        std::size_t found = 0;
        while (at < end && has_room()) {
            if (found == 0 || group[0].at != at) found = find_short_lines(at, end, limit, group);
            const RecentLines::Place& last = group[Batch::lines_ahead - 1];
            const std::size_t next_found =
                found == Batch::lines_ahead ? find_short_lines(last.at + last.size, end, limit, next_group) : 0;
            std::size_t k = 0;
            for (; k < found && group[k].at == at && has_room(); ++k) {
                const RecentLines::Place& line = group[k];
                if (recent_lines_.holds(line)) {  // one item: a newline event with the line's index
                    batch.tokens[batch.count] = {at, at + line.size, TokenKind::newline};
                    batch.ids[batch.count++] = line.index;
                    at += line.size;
                    continue;
                }
                batch.lines[batch.lexed_lines++] = {line, batch.count};
                at = lex_until(lexer, at, at + line.size, batch, limit, texts);
            }
            // Not a short line: lex on until a token ends line_bytes or more ahead, and look again.
            if (k == 0 && at < end && has_room())
                at = lex_until(lexer, at, static_cast<std::size_t>(end - at) > RecentLines::line_bytes ? at + RecentLines::line_bytes : end, batch, limit, texts);
            std::swap(group, next_group);
            found = k == found ? next_found : 0;
        }
        lexer.skip_to(at);
        batch.texts = texts;
        if (batch.count == 0) return false;
        const char* first = batch.tokens[0].begin;
        batch.has_nul = std::memchr(first, 0, static_cast<std::size_t>(batch.tokens[batch.count - 1].end - first)) != nullptr;
        return true;
    }

    // Up to Batch::lines_ahead short lines one after the other from `at`, ending before `end`,
    // into `ahead`, their lines prefetched; returns their number.
    std::size_t find_short_lines(const char* at, const char* end, const char* limit, RecentLines::Place* ahead) const {
        std::size_t found = 0;
        while (found < Batch::lines_ahead && static_cast<std::size_t>(limit - at) >= RecentLines::line_bytes) {
            const char* newline = RecentLines::short_line_end(at);
            if (newline == nullptr || newline >= end) break;
            ahead[found] = recent_lines_.place_of(at, newline);
            recent_lines_.prefetch_line(ahead[found++]);
            at = newline + 1;
        }
        return found;
    }

    // Lexes from `at` (where the lexer rested) into the batch, until a token ends at or after
    // stop, or the input ends, or the batch is full; returns where the lexer rests then.
    const char* lex_until(Lexer& lexer, const char* at, const char* stop, Batch& batch, const char* limit, std::size_t& texts) const {
        lexer.skip_to(at);
        const std::size_t first = batch.count;
        const std::size_t lexed = lexer.next(batch.tokens + first, batch_size - first, stop);
        batch.count += lexed;
        texts = hash_texts(batch, first, limit, texts);
        return lexer.position();
    }

    // Looks the lexed tokens from `first` on up in RecentTexts, and hashes (and prefetches the
    // slots of) the texts it does not know; returns `texts` plus their number.
    std::size_t hash_texts(Batch& batch, std::size_t first, const char* limit, std::size_t texts) const {
        for (std::size_t i = first; i < batch.count; ++i) {
            const Token& t = batch.tokens[i];
            if (t.kind == TokenKind::newline) {
                batch.ids[i] = no_id;
                continue;
            }
            const auto size = static_cast<std::size_t>(t.end - t.begin);
            ShortText text;
            std::uint32_t hash;
            if (read_short_text(t.begin, size, limit, &text)) {
                batch.ids[i] = recent_.find(text);
                if (batch.ids[i] != no_id) continue;
                hash = hash_short_text(part_.table.key(), text);
            } else {
                batch.ids[i] = no_id;
                hash = hash_text_slow(part_.table.key(), t.begin, size, limit);
            }
            batch.hashes[texts++] = hash;
            part_.table.prefetch_slot(hash);
        }
        return texts;
    }

    // The short lines the batch lexed whose tokens ended with the newline at their end (not cut
    // by the batch's end, no string running on) go to RecentLines, with their ids (use() found
    // no NUL in their texts: nor will it in the same bytes again); but
    // not those with a text new in this batch (texts_before: the texts known before it): such a
    // line (a label, a constant) is seldom met again, and would take the place of one that is.
    void remember_lines(const Batch& batch, std::size_t texts_before) {
        for (std::size_t k = 0; k < batch.lexed_lines; ++k) {
            const Batch::LexedLine& line = batch.lines[k];
            const char* line_end = line.place.at + line.place.size;
            std::size_t last = line.first;
            bool new_text = false;
            for (; last < batch.count && batch.tokens[last].end < line_end; ++last)
                new_text |= batch.tokens[last].kind != TokenKind::newline && batch.ids[last] >= texts_before;
            if (new_text || last == batch.count || batch.tokens[last].end != line_end ||
                batch.tokens[last].kind != TokenKind::newline)
                continue;
            unsigned char code[RecentLines::code_room + 5];
            const std::size_t code_size =
                RecentLines::code_of(batch.tokens + line.first, batch.ids + line.first, last + 1 - line.first, code);
            if (code_size == RecentLines::no_code) continue;
            give_counts(recent_lines_.line(line.place.index));
            recent_lines_.remember(line.place, code, code_size);
        }
    }

    // The batch's tokens in order; the ids of its texts go to batch.ids.
    std::optional<Error> use(Batch& batch) {
        const std::size_t f = batch.file;
        const Input& input = inputs_[f];
        const char* limit = input.view().data() + input.view().size();
        // The lookups of a batch miss the caches on large inputs (many distinct labels):
        // prefetch what each lookup will read, in rounds, before the first lookup.
        // (fill_batch prefetched the slots)
        TextTable& table = part_.table;
        const std::size_t texts = batch.texts;
        for (std::size_t k = 0; k < texts; ++k) table.prefetch_entry(batch.hashes[k]);
        for (std::size_t k = 0; k < texts; ++k) table.prefetch_text(batch.hashes[k]);
        const std::uint32_t* hash = batch.hashes;
        for (std::size_t i = 0; i < batch.count; ++i) {
            const Token& t = batch.tokens[i];
            if (t.kind == TokenKind::newline) {
                if (batch.ids[i] != no_id) take_line(recent_lines_.line(batch.ids[i]), f, t.begin);
                else if (stream_.keep_newline()) take(newline_id, f, t.begin);
                continue;
            }
            if (t.kind == TokenKind::unterminated_string)
                return located_error(ErrorKind::unterminated_string, f, offset_in(input, t.begin));
            const auto size = static_cast<std::size_t>(t.end - t.begin);
            if (batch.has_nul && std::memchr(t.begin, 0, size) != nullptr)
                return located_error(ErrorKind::nul_in_token, f, offset_in(input, t.begin));
            std::uint32_t id = batch.ids[i];
            if (id == no_id) {
                const std::size_t known = table.entries.size();
                id = table.intern_hashed(t.begin, size, limit, *hash++);
                if (id == known) table.entries[id].as_is = kept_as_is({t.begin, size}, config_, scratch_);
                ShortText text;
                if (read_short_text(t.begin, size, limit, &text)) recent_.remember(text, id);
                batch.ids[i] = id;
            }
            stream_.keep_text();
            take(id, f, t.begin);
        }
        return std::nullopt;
    }

    // The tokens of a RecentLines line that starts at `at` in input f. A plain line read where no
    // DEFINE is pending prints its texts and its newline: its code goes to the printed stream
    // at once, and its counts wait in the line (give_counts). (No token of the line is a DEFINE:
    // take() needs no place.)
    void take_line(RecentLines::Line& line, std::size_t f, const char* at) {
        const unsigned char* code = line.code;
        const unsigned char* end = code + line.code_size;
        if (code != end && !stream_.wants_name() && !stream_.wants_value()) {
            part_.printed.append(line.code, line.code_size);
            stream_.keep_text();
            stream_.keep_newline();
            if (++line.hits == RecentLines::most_hits) give_counts(line);
            return;
        }
        while (code != end) {
            stream_.keep_text();
            take(get_value(code).id, f, at);
        }
        if (stream_.keep_newline()) take(newline_id, f, at);
    }

    // The printed occurrences a line's plain readings stand for, given to the table.
    void give_counts(RecentLines::Line& line) {
        if (line.hits == 0) return;
        const unsigned char* code = line.code;
        while (code != line.code + line.code_size) part_.table.entries[get_value(code).id].count += line.hits;
        line.hits = 0;
    }

    void take(std::uint32_t id, std::size_t file, const char* at) {
        switch (stream_.role(id == define_id)) {
            case Role::print:
                if (id == newline_id) part_.printed.push_newline();
                else part_.printed.push_text(id);
                ++part_.table.entries[id].count;
                break;
            case Role::define:
                part_.printed.push_newline();
                define_file_ = file;
                define_offset_ = offset_in(inputs_[file], at);
                break;
            case Role::name: name_ = id; break;
            case Role::value: part_.table.entries[name_].bound = id; break;
        }
    }

    const M1Config& config_;
    const std::vector<Input>& inputs_;
    Part& part_;
    std::string scratch_;  // kept_as_is's
    RecentTexts recent_;
    RecentLines recent_lines_;
    Stream stream_;
    std::uint32_t name_ = no_id;
    std::size_t define_file_ = no_file, define_offset_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Pass 2's output
// ---------------------------------------------------------------------------------------------

// Pieces of output printed in turn into two buffers of `room` bytes and handed to a Writer: one
// is being written while the other is printed into (one buffer when the writer writes in line).
// Positional pieces go at increasing offsets from a start, the others are appended.
class Pieces {
public:
    Pieces(pipeline::Writer& writer, std::size_t room, std::optional<std::uint64_t> at = std::nullopt)
        : writer_(writer), at_(at) {
        // Not cleared: a page of a buffer is touched only once output is printed on it.
        buffers_[0].reset(new char[room]);
        if (writer.in_background()) buffers_[1].reset(new char[room]);
    }

    Pieces(const Pieces&) = delete;
    Pieces& operator=(const Pieces&) = delete;
    ~Pieces() {  // the buffers must outlive the writes of their pieces
        for (const auto& ticket : tickets_)
            if (ticket) writer_.wait(*ticket);
    }

    char* first() { return buffers_[0].get(); }

    // Hands a full piece over; the buffer to print into next.
    char* hand_on(std::string_view full) {
        const pipeline::Writer::Ticket ticket = at_ ? writer_.write_at(*at_, full) : writer_.write(full);
        if (at_) *at_ += full.size();
        if (!writer_.in_background()) return buffers_[0].get();
        tickets_[current_] = ticket;
        current_ = 1 - current_;
        if (tickets_[current_]) writer_.wait(*tickets_[current_]);
        return buffers_[current_].get();
    }

private:
    pipeline::Writer& writer_;
    std::optional<std::uint64_t> at_;
    std::unique_ptr<char[]> buffers_[2];
    std::optional<pipeline::Writer::Ticket> tickets_[2];
    std::size_t current_ = 0;
};

// print_hex's spacing: a value is followed by a space unless a newline follows; a newline run
// prints one `\n` where it ends. It prints into a buffer that holds the whole output (sized by a
// first sweep), or into Pieces whose buffers have room for a piece and one more value of up to a
// piece; either way with copy_slack bytes to spare. Every printed form has copy_slack readable
// bytes after it.
class Printer {
public:
    // Into a buffer that holds the whole output.
    explicit Printer(char* out) : start_(out), w_(out), pending_(0), pieces_(nullptr) {}
    // Into pieces, handed on as they fill. `pending` is the separator owed before the first word:
    // none at the start of the output, else what the tokens printed before left owing.
    explicit Printer(Pieces& pieces, char pending = 0)
        : start_(pieces.first()), w_(start_), pending_(pending), pieces_(&pieces) {}

    void newline() { pending_ = '\n'; }

    // (Always inlined, as print_ids' print_block: GCC otherwise calls them, which costs the
    // benchmark's inputs 2% to 5% more instructions.)
    [[gnu::always_inline]] void word(const Entry& v) {
        if (pending_ != 0) *w_++ = pending_;
        // In fixed steps of copy_slack bytes (no call). A short value is copied with the bytes
        // after it (readable, and the buffer has room); a longer one in steps, the last of
        // which ends exactly at its end (overlapping the one before). A padding, or a value
        // longer than a piece, goes a piece at a time (long_word).
        if (v.size <= copy_slack) {
            std::memcpy(w_, v.data, copy_slack);
        } else if (v.padding || v.size > piece_size) {
            long_word(v);
            pending_ = ' ';
            return;
        } else {
            for (std::size_t i = 0; i + copy_slack < v.size; i += copy_slack) std::memcpy(w_ + i, v.data + i, copy_slack);
            std::memcpy(w_ + v.size - copy_slack, v.data + v.size - copy_slack, copy_slack);
        }
        w_ += v.size;
        pending_ = ' ';
    }

    // Hands the piece printed so far on once it holds piece_size bytes. A printer into pieces is
    // called this after each token, so that a piece holds less than piece_size bytes and one
    // token (or piece_size bytes of a long one) more.
    void hand_on_when_full() {
        if (printed().size() >= piece_size) restart(pieces_->hand_on(printed()));
    }

    // The bytes printed since the start or the last hand-on; finish() adds what the end owes.
    std::string_view printed() const { return {start_, static_cast<std::size_t>(w_ - start_)}; }
    std::string_view finish() {
        if (pending_ == '\n') *w_++ = '\n';
        return printed();
    }

private:
    // A padding's zero digits (there may be gigabytes of them), or a value longer than a
    // piece: a printer into pieces writes them piece_size bytes at a time and hands each piece
    // on, so that its buffers need room for two pieces, not for the longest value.
    [[gnu::noinline]] void long_word(const Entry& v) {
        for (std::uint64_t done = 0;;) {
            const std::uint64_t left = v.size - done;
            const std::size_t k = pieces_ != nullptr && left > piece_size ? piece_size : static_cast<std::size_t>(left);
            if (v.padding) std::memset(w_, '0', k);
            else std::memcpy(w_, v.data + done, k);
            w_ += k;
            done += k;
            if (done == v.size) return;
            restart(pieces_->hand_on(printed()));
        }
    }

    void restart(char* out) { start_ = w_ = out; }

    char* start_;
    char* w_;
    char pending_;
    Pieces* pieces_;  // where full pieces go; nullptr when the buffer holds the whole output
};


// ---------------------------------------------------------------------------------------------
// The engine
// ---------------------------------------------------------------------------------------------

class Assembler {
public:
    Assembler(const M1Config& config, const std::vector<Input>& inputs, Threading threading, const keyed_hash::Key& key)
        : config_(config), inputs_(inputs), threading_(threading), key_(key), by_address_(inputs) {}

    Result run() {
        if (auto error = first_pass()) return std::move(*error);
        if (auto error = evaluate()) return std::move(*error);
        return second_pass();
    }

    std::optional<Error> run_to(OutputSink& sink) {
        if (auto error = first_pass()) return error;
        if (auto error = evaluate()) return error;
        return second_pass_to(sink);
    }

private:
    bool uses_second_thread() const {
        return split::uses_second_thread(threading_, total_size(inputs_));
    }

    Place end_of_inputs() const { return {inputs_.size(), 0}; }

    // Runs first() on this thread and second() on a second one when it can be had (else after
    // first()), and returns when both are done. They must touch disjoint data.
    template <typename First, typename Second>
    static void in_two_parts(First&& first, Second&& second) {
        std::optional<pipeline::Helper> helper;
        try {
            helper.emplace([&](const std::atomic<bool>&) { second(); });
        } catch (const std::system_error&) {
            first();
            second();
            return;
        }
        first();
        helper->wait();
    }

    // Pass 1. Large inputs, when a second thread can be had, are cut in two where a line starts
    // near the middle: the second thread reads the second stretch into a part of its own while
    // this one reads the first, and the second part is merged into the first afterwards. The
    // second stretch is read as if the first ended with a newline after some text and no DEFINE
    // pending; when that does not hold, or the first stretch really ends inside a string, the
    // second thread's work is thrown away and this one reads on from where the first ended.
    std::optional<Error> first_pass() {
        const std::size_t total = total_size(inputs_);
        const std::optional<Place> middle = uses_second_thread() ? middle_line_start(inputs_, total) : std::nullopt;
        if (middle) {
            const std::size_t first_bytes = split::bytes_before(inputs_, *middle);
            std::optional<Pass1> second;
            std::optional<Error> second_error;
            std::optional<pipeline::Helper> helper;
            try {
                helper.emplace([&](const std::atomic<bool>& stop) {
                    second_.emplace(total - first_bytes, total - first_bytes, key_);
                    second.emplace(config_, inputs_, *second_, true);
                    second_error = second->lex(*middle, end_of_inputs(), &stop);
                });
            } catch (const std::system_error&) {
                // no second thread: one pass over everything, below
            }
            if (helper) {
                first_.emplace(first_bytes, total, key_);
                Pass1 first(config_, inputs_, *first_);
                const char* cut = nullptr;
                if (auto error = first.lex({}, *middle, nullptr, &cut)) return error;
                if (cut == nullptr && first.at_line_start()) {
                    helper->wait();
                    if (second_error) return second_error;
                    if (auto error = second->finish()) return error;
                    merge_second_part();
                    return std::nullopt;
                }
                helper.reset();
                second_.reset();
                const Place resume = cut == nullptr ? *middle : Place{middle->file, offset_in(inputs_[middle->file], cut)};
                if (auto error = first.lex(resume, end_of_inputs())) return error;
                return first.finish();
            }
        }
        first_.emplace(total, total, key_);
        Pass1 pass(config_, inputs_, *first_);
        if (auto error = pass.lex({}, end_of_inputs())) return error;
        return pass.finish();
    }

    // The second part's texts into the first part's table: those new to it take the next ids in
    // the order of the second part's ids (so every text's id is its rank of first occurrence in
    // all the inputs, as in a one-thread pass 1), with their printed marks and their DEFINE
    // bindings (which come later, so they win). The second part's texts are looked up in the
    // order of its slots, which is about the order of the first part's slots too: the lookups
    // sweep both tables instead of jumping about, and two threads look up half of the slots
    // each. The new texts only get entries: pass 1 is over, no text is looked up any more.
    void merge_second_part() {
        const TextTable& table = first_->table;
        const auto& theirs = second_->table.entries;
        std::vector<std::uint32_t>& ids = second_->merged_ids;
        ids.assign(theirs.size(), no_id);
        const auto find_slots = [&](std::size_t from, std::size_t to) {
            second_->table.for_each_slot(from, to, [&](std::uint32_t hash, std::uint32_t id) {
                ids[id] = table.find_hashed(hash, [&] { return theirs[id].view(); });
            });
        };
        const std::size_t slots = second_->table.slot_count();
        in_two_parts([&] { find_slots(0, slots / 2); }, [&] { find_slots(slots / 2, slots); });
        second_->table.drop_slots();
        // The texts both parts know, printed in the second, are marked by two threads once the
        // lookups are over (their entries lie all over the table); distinct texts of the second
        // part are distinct texts of the first.
        // Meanwhile the pages the new texts' entries will take are faulted in at once (one by one,
        // as the serial loop below first writes them, they cost it more than its work).
        auto& entries = first_->table.entries;
        const auto mark_printed = [&](std::size_t from, std::size_t to) {
            for (std::size_t k = from; k < to; ++k)
                if (ids[k] != no_id && theirs[k].printed()) entries[ids[k]].printed_later = true;
        };
        const auto fresh = static_cast<std::size_t>(std::count(ids.begin(), ids.end(), no_id));
        entries.reserve(entries.size() + fresh);
        const Entry* const appended = entries.data() + entries.size();
        in_two_parts([&] { mark_printed(0, theirs.size() / 2); },
                     [&] {
                         populate_pages(appended, fresh * sizeof(Entry));
                         mark_printed(theirs.size() / 2, theirs.size());
                     });
        for (std::size_t k = 0; k < theirs.size(); ++k) {
            if (ids[k] != no_id) continue;
            ids[k] = static_cast<std::uint32_t>(entries.size());
            entries.push_back(theirs[k]);
            entries.back().printed_later = theirs[k].printed();
            entries.back().bound = no_id;
            entries.back().count = 0;  // not in the first part's stream
        }
        for (std::size_t k = 0; k < theirs.size(); ++k)
            if (theirs[k].bound != no_id) entries[ids[k]].bound = ids[theirs[k].bound];
        second_->merged_counts.resize(theirs.size());
        for (std::size_t k = 0; k < theirs.size(); ++k) second_->merged_counts[k] = theirs[k].count;
        std::vector<Entry>().swap(second_->table.entries);  // merged: only its stream is left to print
    }

    // A printed form that is a piece of an input: used in place when copy_slack bytes can be
    // read from its start, else copied to the arena (so are the static texts of ids 0 and 1).
    void use_text(Entry& e, std::string_view value, Arena& arena) const {
        const std::size_t f = by_address_.file_of(value.data());
        if (f != no_file &&
            static_cast<std::size_t>(inputs_[f].view().data() + inputs_[f].view().size() - value.data()) >= copy_slack) {
            e.data = value.data();
            e.size = value.size();
            e.state = Entry::State::value;
        } else {
            const std::size_t start = arena.bytes.size();
            arena.bytes.append(value);
            in_arena(e, start, arena);
        }
    }

    // The printed form is arena.bytes[start, end): remembered as an offset until the arena is
    // final.
    void in_arena(Entry& e, std::size_t start, Arena& arena) const {
        e.data = nullptr;
        e.size = arena.bytes.size() - start;
        arena.entries.emplace_back(static_cast<std::uint32_t>(&e - first_->table.entries.data()), start);
        e.state = Entry::State::value;
    }

    // Every distinct text once, in id order (= order of first occurrence, so the first error
    // met is the one the contract reports): strings (overriding DEFINE), DEFINE bindings, then
    // immediates, pass-through and padding. Bound names take their value's text, read before
    // any entry is overwritten by its printed form. Large inputs' texts are evaluated in two
    // ranges of ids at once, by two threads, each into an arena of its own; the first range's
    // error comes first.
    std::optional<Error> evaluate() {
        auto& entries = first_->table.entries;
        std::vector<std::pair<std::uint32_t, std::string_view>> bindings;
        for (std::size_t id = define_id + 1; id < entries.size(); ++id) {
            const Entry& e = entries[id];
            if (e.bound == no_id || e.data[0] == '"' || e.data[0] == '\'') continue;
            std::string_view value = entries[e.bound].view();
            if (value[0] == '"' || value[0] == '\'') value.remove_prefix(1);
            bindings.emplace_back(static_cast<std::uint32_t>(id), value);
        }
        entries[newline_id].state = Entry::State::no_value;
        entries[define_id].state = Entry::State::no_value;
        std::optional<Error> error, second_error;
        if (uses_second_thread()) {
            const std::size_t middle = define_id + 1 + (entries.size() - define_id - 1) / 2;
            in_two_parts([&] { error = evaluate_range(define_id + 1, middle, arenas_[0]); },
                         [&] { second_error = evaluate_range(middle, entries.size(), arenas_[1]); });
        } else {
            error = evaluate_range(define_id + 1, entries.size(), arenas_[0]);
        }
        if (error) return error;
        if (second_error) return second_error;
        for (const auto& [id, value] : bindings) use_text(entries[id], value, arenas_[0]);
        for (Arena& arena : arenas_) {
            arena.bytes.append(copy_slack, '\0');
            for (const auto& [id, start] : arena.entries) entries[id].data = arena.bytes.data() + start;
            std::vector<std::pair<std::uint32_t, std::size_t>>().swap(arena.entries);
        }
        return std::nullopt;
    }

    // evaluate() for the ids in [from, to), into arena; stops at the first error.
    std::optional<Error> evaluate_range(std::size_t from, std::size_t to, Arena& arena) {
        auto& entries = first_->table.entries;
        // Room for the printed forms of a typical program (an eighth of the input), so the arena
        // rarely moves; the pages never written are never touched.
        arena.bytes.reserve(total_size(inputs_) / 8 + 4096);
        // The texts lie in input order but far apart: each is prefetched some entries ahead.
        constexpr std::size_t text_ahead = 16;
        for (std::size_t id = from; id < to; ++id) {
            if (id + text_ahead < to && !entries[id + text_ahead].as_is) prefetch(entries[id + text_ahead].data);
            Entry& e = entries[id];
            if (e.as_is && e.bound == no_id && e.wide) {
                e.state = Entry::State::value;  // in place, readable far enough; its text need not be read
                continue;
            }
            const std::string_view text = e.view();
            const std::size_t start = arena.bytes.size();
            if (text[0] == '"') {
                put_string(arena.bytes, text.substr(1), config_);
                in_arena(e, start, arena);
            } else if (text[0] == '\'') {
                use_text(e, text.substr(1), arena);
            } else if (e.bound != no_id) {
                continue;  // set from evaluate()'s bindings
            } else {
                const Evaluation result = evaluate_other(arena.bytes, text, config_);
                if (result.outcome == Outcome::none) {
                    e.state = Entry::State::no_value;
                } else if (result.outcome == Outcome::padding) {
                    e.state = Entry::State::value;
                    e.padding = true;
                    e.data = zero_digits;  // what Printer::word copies of a short one
                    e.size = static_cast<std::uint64_t>(result.number) * static_cast<std::uint64_t>(shape_of(config_.byte_mode).per_byte);
                } else if (result.outcome == Outcome::unchanged) {
                    if (e.wide) e.state = Entry::State::value;  // already in place, readable far enough
                    else use_text(e, text, arena);
                } else if (result.outcome != Outcome::value) {
                    const std::size_t file = by_address_.file_of(e.data);
                    Error error = located_error(result.outcome == Outcome::out_of_range ? ErrorKind::immediate_out_of_range
                                                                                        : ErrorKind::negative_padding,
                                                file, offset_in(inputs_[file], e.data));
                    error.value = result.number;
                    error.subject = std::string(text);
                    return error;
                } else if (arena.bytes.size() == start + text.size() && arena.bytes.compare(start, text.size(), text) == 0) {
                    arena.bytes.resize(start);  // passed through unchanged: print the input's bytes
                    use_text(e, text, arena);
                } else {
                    in_arena(e, start, arena);
                }
            }
        }
        return std::nullopt;
    }

    // The words a part prints and the bytes of their printed forms, from the counts of its
    // printed texts (which is quicker than reading its stream). Sums that would not fit stop at
    // UINT64_MAX: a padding's printed form can be 2^34 bytes, printed as often as written.
    struct Printed {
        std::uint64_t words = 0;
        std::uint64_t bytes = 0;

        void add(std::uint64_t count, std::uint64_t size) {
            std::uint64_t product;
            if (__builtin_mul_overflow(count, size, &product) || __builtin_add_overflow(bytes, product, &bytes))
                bytes = UINT64_MAX;
            words += count;
        }
    };
    // Pass 2: print_hex. A first sweep sizes the output and finds invalid_other (the first
    // printed token without a value), a second one writes.
    Result second_pass() {
        std::size_t total = 0;
        if (auto error = size_output(&total)) return std::move(*error);
        std::string out;
        if (total > out.max_size()) throw std::bad_alloc();
        out.resize(total);
        Printer printer(out.data());
        print(printer, [] {});
        out.resize(printer.finish().size());
        return out;
    }

    // Pass 2 into a sink, a piece of about piece_size bytes at a time, so that the whole output
    // is never held in memory. Every error is found first (the sizing sweep runs when some
    // printed text has no value, to find the first such token: invalid_other), and the sink is
    // told the output's exact size before the first byte.
    std::optional<Error> second_pass_to(OutputSink& sink) {
        std::size_t widest = 0;  // the longest printed form, counted as a piece at most (Printer::long_word)
        bool all_valued = true;
        const auto& entries = first_->table.entries;
        for (std::size_t id = define_id + 1; id < entries.size(); ++id) {
            const Entry& e = entries[id];
            if (e.state == Entry::State::value) widest = std::max(widest, std::min<std::size_t>(e.size, piece_size));
            else if (e.printed()) all_valued = false;
        }
        if (!all_valued) {
            std::size_t total = 0;
            if (auto error = size_output(&total)) return error;
        }
        const Printed first_part = printed_by_first_part();
        sink.expect_size(output_size(first_part));
        const bool background = uses_second_thread();
        const std::size_t room = piece_size + widest + copy_slack + 2;
        if (background && stream_kept() && sink.can_write_at() && print_in_two_parts(sink, room, first_part))
            return std::nullopt;
        pipeline::Writer writer(sink, background);
        Pieces pieces(writer, room);
        Printer printer(pieces);
        print(printer, [&] { printer.hand_on_when_full(); });
        pieces.hand_on(printer.finish());
        writer.wait_all();
        return std::nullopt;
    }

    // Pass 2 in two parts at once, when the sink takes positional writes: this thread prints the
    // first half of the stream, a second thread finds where the second half starts in the output
    // (a sweep of the first half) and prints it there. Each writes its own pieces (a third thread
    // writing for both measured no faster: the writes take turns on the file anyway). False,
    // with nothing written, when no second thread can be had.
    bool print_in_two_parts(OutputSink& sink, std::size_t room, const Printed& first_part) const {
        const auto [first_half, second_half] = halves();
        pipeline::Writer writer(sink, false);
        std::optional<pipeline::Helper> helper;
        try {
            helper.emplace([&, first_half = first_half, second_half = second_half](const std::atomic<bool>&) {
                const Sweep before = second_ ? sweep_first_part(first_part) : sweep(first_half);
                Pieces pieces(writer, room, before.bytes);
                Printer printer(pieces, before.pending);
                print_ids(printer, second_half, [&] { printer.hand_on_when_full(); });
                pieces.hand_on(printer.finish());
            });
        } catch (const std::system_error&) {
            return false;
        }
        Pieces pieces(writer, room);
        Printer printer(pieces);
        print_ids(printer, first_half, [&] { printer.hand_on_when_full(); });
        // The separator the first half owes belongs to the second half's first word: no finish().
        pieces.hand_on(printer.printed());
        helper->wait();
        writer.wait_all();
        return true;
    }

    // A stretch of the printed stream: the ids in [from, to) (id boundaries) of a part's stream,
    // and the map from them to the merged table's ids (nullptr: they are those already).
    struct Stretch {
        const PrintedStream* stream;
        const std::uint32_t* merged_ids;
        std::size_t from, to;
    };

    bool stream_kept() const { return first_->printed.kept() && (!second_ || second_->printed.kept()); }

    // The whole printed stream (when kept), in order: one stretch per part.
    std::vector<Stretch> whole_stream() const {
        std::vector<Stretch> stretches{{&first_->printed, nullptr, 0, first_->printed.size()}};
        if (second_) stretches.push_back({&second_->printed, second_->merged_ids.data(), 0, second_->printed.size()});
        return stretches;
    }

    // The whole printed stream (when kept) in two stretches of about the same size.
    std::pair<Stretch, Stretch> halves() const {
        if (second_) {
            const std::vector<Stretch> parts = whole_stream();
            return {parts[0], parts[1]};
        }
        const PrintedStream& stream = first_->printed;
        return {{&stream, nullptr, 0, stream.middle()}, {&stream, nullptr, stream.middle(), stream.size()}};
    }

    // Calls visit(id, newline_after) for each value of the stretch, in merged ids, until it
    // returns false.
    template <typename Visit>
    static void replay(const Stretch& stretch, Visit&& visit) {
        if (stretch.merged_ids == nullptr) {
            stretch.stream->replay(visit, stretch.from, stretch.to);
        } else {
            const std::uint32_t* merged = stretch.merged_ids;
            stretch.stream->replay([&](std::uint32_t id, bool newline_after) { return visit(merged[id], newline_after); },
                                   stretch.from, stretch.to);
        }
    }

    // total + n, or SIZE_MAX when that does not fit (paddings can ask for more than there is).
    static void add_saturating(std::size_t& total, std::uint64_t n) {
        if (__builtin_add_overflow(total, n, &total)) total = SIZE_MAX;
    }

    // The sizing sweep: the output size plus slack in *total (SIZE_MAX if it does not fit), or
    // invalid_other.
    std::optional<Error> size_output(std::size_t* total) const {
        const auto& entries = first_->table.entries;
        *total = 1 + copy_slack;
        std::uint64_t printed = 0;
        std::optional<std::uint64_t> invalid;
        if (stream_kept()) {
            for (const Stretch& stretch : whole_stream()) {
                replay(stretch, [&](std::uint32_t id, bool newline_after) {
                    const Entry& e = entries[id];
                    if (id != newline_id && e.state != Entry::State::value) {
                        invalid = printed;
                        return false;
                    }
                    add_saturating(*total, id == newline_id ? 1 : e.size + 1);
                    ++printed;
                    if (newline_after) {
                        add_saturating(*total, 1);
                        ++printed;
                    }
                    return true;
                });
                if (invalid) return invalid_other_at(*invalid);
            }
            return std::nullopt;
        }
        return relex([&](const Entry* e, std::size_t file, const char* at) {
            if (e == nullptr) {
                add_saturating(*total, 1);
                return std::optional<Error>();
            }
            if (e->state != Entry::State::value) return std::optional<Error>(invalid_other(file, at, *e));
            add_saturating(*total, e->size + 1);
            return std::optional<Error>();
        });
    }

    // The printed tokens of a stretch of the kept stream into printer, calling after_each() after
    // each one.
    template <typename AfterEach>
    void print_ids(Printer& printer, const Stretch& stretch, AfterEach&& after_each) const {
        // The entries of successive ids are scattered (labels), and so are their printed forms.
        // Ids go in blocks through three steps, one block per step at a time, so that what a
        // block reads has a whole block's printing to arrive: decoded (their entries
        // prefetched), then their printed forms prefetched, then printed.
        const Entry* const entries = first_->table.entries.data();
        constexpr std::size_t block = 64;
        Value values[3][block];
        std::size_t sizes[3] = {0, 0, 0};
        std::size_t newest = 0, n = 0;
        const auto prefetch_forms = [&](std::size_t b) {
            for (std::size_t k = 0; k < sizes[b]; ++k) prefetch(entries[values[b][k].id].data);
        };
        const auto print_block = [&](std::size_t b) __attribute__((always_inline)) {
            for (std::size_t k = 0; k < sizes[b]; ++k) {
                const Value v = values[b][k];
                if (v.id == newline_id) printer.newline();
                else printer.word(entries[v.id]);
                if (v.newline_after) printer.newline();
                after_each();
            }
        };
        const auto older = [](std::size_t b, std::size_t by) { return (b + 3 - by) % 3; };
        replay(stretch, [&](std::uint32_t id, bool newline_after) {
            prefetch(&entries[id]);
            values[newest][n++] = {id, newline_after};
            if (n == block) {
                sizes[newest] = n;
                prefetch_forms(older(newest, 1));
                print_block(older(newest, 2));
                newest = (newest + 1) % 3;
                n = 0;
            }
            return true;
        });
        sizes[newest] = n;
        prefetch_forms(older(newest, 1));
        print_block(older(newest, 2));
        prefetch_forms(newest);
        print_block(older(newest, 1));
        print_block(newest);
    }

    // What printing a stretch of the kept stream with nothing owed before it writes: the number
    // of bytes, and the separator it leaves owing (the Printer's rules, without the copies).
    struct Sweep {
        std::uint64_t bytes = 0;
        char pending = 0;
    };
    Sweep sweep(const Stretch& stretch) const {
        const auto& entries = first_->table.entries;
        Sweep s;
        replay(stretch, [&](std::uint32_t id, bool newline_after) {
            if (id == newline_id) {
                s.pending = '\n';
            } else {
                s.bytes += (s.pending != 0 ? 1 : 0) + entries[id].size;
                s.pending = newline_after ? '\n' : ' ';
            }
            return true;
        });
        return s;
    }

    Printed printed_by_first_part() const {
        const auto& entries = first_->table.entries;
        Printed p;
        for (std::size_t id = define_id + 1; id < entries.size(); ++id) p.add(entries[id].count, entries[id].size);
        return p;
    }

    // The output's exact size, given what the first part prints: every word but the first
    // follows a separator, the first too when the output starts with the newline a DEFINE leaves,
    // and the output ends with a newline (in every accepted stream the last printed token is a
    // newline: each input ends a line, and a DEFINE's name and value are not printed).
    std::uint64_t output_size(Printed printed) const {
        if (second_) {
            const auto& entries = first_->table.entries;
            const auto& counts = second_->merged_counts;
            for (std::size_t k = define_id + 1; k < counts.size(); ++k)
                if (counts[k] != 0) printed.add(counts[k], entries[second_->merged_ids[k]].size);
        }
        std::uint64_t separators = 1;  // the last newline
        if (printed.words > 0) separators += printed.words - (starts_with_define() ? 0 : 1);
        return printed.bytes > UINT64_MAX - separators ? UINT64_MAX : printed.bytes + separators;
    }

    // Whether the stream's first token is DEFINE, which makes the first printed token a newline
    // (the newlines before the first token vanish, so otherwise it is a word).
    bool starts_with_define() const {
        Token tokens[16];
        for (const Input& input : inputs_) {
            Lexer lexer(input.view());
            while (const std::size_t n = lexer.next(tokens, 16))
                for (std::size_t i = 0; i < n; ++i)
                    if (tokens[i].kind != TokenKind::newline) return tokens[i].text() == "DEFINE";
        }
        return false;
    }

    // sweep() of the first part's whole stream, from what it prints: every word is preceded by
    // a separator but the first one if the stream starts with it, and the stream leaves owed
    // what its last token leaves.
    Sweep sweep_first_part(const Printed& printed) const {
        const PrintedStream& stream = first_->printed;
        Sweep s;
        s.bytes = printed.bytes;
        if (printed.words > 0) s.bytes += printed.words - (stream.starts_with_newline() ? 0 : 1);
        if (!stream.empty()) s.pending = stream.ends_with_newline() ? '\n' : ' ';
        return s;
    }

    // Every printed token into printer, calling after_each() after each one.
    template <typename AfterEach>
    void print(Printer& printer, AfterEach&& after_each) const {
        if (stream_kept()) {
            for (const Stretch& stretch : whole_stream()) print_ids(printer, stretch, after_each);
        } else {
            relex([&](const Entry* e, std::size_t, const char*) {
                if (e == nullptr) printer.newline();
                else printer.word(*e);
                after_each();
                return std::optional<Error>();
            });
        }
    }

    Error invalid_other(std::size_t file, const char* at, const Entry& e) const {
        Error error = located_error(ErrorKind::invalid_other, file, offset_in(inputs_[file], at));
        error.subject = std::string(e.view());
        return error;
    }

    // The printed token number k (0-based, newlines included) is invalid_other: find where it is.
    Error invalid_other_at(std::uint64_t k) const {
        std::uint64_t printed = 0;
        return *relex([&](const Entry* e, std::size_t file, const char* at) {
            if (printed++ == k && e != nullptr) return std::optional<Error>(invalid_other(file, at, *e));
            return std::optional<Error>();
        });
    }

    // Pass 1's walk once more, without its checks (they passed): visit(entry, file, at) for each
    // printed token, entry nullptr for a newline; stops at the first error visit returns. Entries
    // now hold printed forms, not texts, so the ids are found again by interning every text into
    // a fresh table in the same order as pass 1, which gives every text the same id.
    template <typename Visit>
    std::optional<Error> relex(Visit&& visit) const {
        Stream stream;
        TextTable ids(key_);
        Token tokens[batch_size];
        for (std::size_t f = 0; f < inputs_.size(); ++f) {
            const std::string_view bytes = inputs_[f].view();
            const char* limit = bytes.data() + bytes.size();
            Lexer lexer(bytes);
            std::optional<Error> error;
            const auto newline = [&](const char* at) {
                if (stream.keep_newline() && stream.role(false) == Role::print) error = visit(nullptr, f, at);
            };
            while (const std::size_t n = lexer.next(tokens, batch_size)) {
                for (std::size_t i = 0; i < n; ++i) {
                    const Token& t = tokens[i];
                    if (t.kind == TokenKind::newline) {
                        newline(t.begin);
                    } else {
                        const std::uint32_t id = ids.intern(t.begin, static_cast<std::size_t>(t.end - t.begin), limit);
                        stream.keep_text();
                        const Role role = stream.role(id == define_id);
                        if (role == Role::define) error = visit(nullptr, f, t.begin);
                        else if (role == Role::print) error = visit(&first_->table.entries[id], f, t.begin);
                    }
                    if (error) return error;
                }
            }
            newline(limit);
            if (error) return error;
        }
        return std::nullopt;
    }

    const M1Config& config_;
    const std::vector<Input>& inputs_;
    const Threading threading_;
    const keyed_hash::Key key_;  // the texts' hashes (keyed_hash.hpp); the results never depend on it
    const InputsByAddress by_address_;
    std::optional<Part> first_;   // pass 1's texts (merged), and the printed stream of the first stretch
    std::optional<Part> second_;  // when two threads made pass 1: the second stretch's printed stream
    Arena arenas_[2];  // evaluation's printed forms, one arena per thread
};

}  // namespace

Result assemble(const M1Config& config, const std::vector<Input>& inputs, Threading threading, const keyed_hash::Key& key) {
    return Assembler(config, inputs, threading, key).run();
}

std::optional<Error> assemble_to(const M1Config& config, const std::vector<Input>& inputs, OutputSink& sink,
                                 Threading threading, const keyed_hash::Key& key) {
    return Assembler(config, inputs, threading, key).run_to(sink);
}

}  // namespace hexproof::m1_fast
