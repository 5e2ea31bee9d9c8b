// The fast M1's table of distinct token texts (upstream's blobs): each text once, numbered by
// its first occurrence, its hash keyed for the run (keyed_hash.hpp), and what pass 1 and
// evaluation learn about it (Entry). Texts are views into the inputs, never copied; a short text
// is compared and hashed as three words.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "keyed_hash.hpp"

namespace hexproof::m1_fast {

constexpr std::uint32_t no_id = UINT32_MAX;
constexpr std::uint32_t newline_id = 0;  // upstream's newline_blob, text "\n"
constexpr std::uint32_t define_id = 1;   // upstream's define_blob, text "DEFINE"
constexpr std::size_t copy_slack = 16;   // readable bytes after every cached value, for short copies
static_assert(copy_slack <= 24, "a wide text (Entry::wide) is a printed form in place");

inline std::uint64_t load64(const char* p) {
    std::uint64_t v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

inline std::uint64_t load32(const char* p) {
    std::uint32_t v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

// A hint that *p will be read soon (large inputs miss the caches on their many labels).
inline void prefetch(const void* p) {
#if defined(__GNUC__)
    __builtin_prefetch(p);
#else
    (void)p;
#endif
}

// Equality of two texts of n bytes, reading only inside them (texts are short: no call).
inline bool same_text(const char* a, const char* b, std::size_t n) {
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

inline constexpr KeepMasks keep_masks = make_keep_masks();

// Equality of two texts of n < 24 bytes, from each of which 24 bytes can be read: three masked
// words (no branch on the bytes).
inline bool same_short_text(const char* a, const char* b, std::size_t n) {
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
[[gnu::noinline]] inline std::uint32_t hash_text_slow(const keyed_hash::Key& key, const char* p,
                                                      std::size_t n, const char* limit) {
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
        : data(text),
          size(text_size),
          state(State::text),
          printed_later(false),
          wide(false),
          as_is(false),
          padding(false) {}

    const char* data;
    std::uint64_t size : 48;  // a size in the address space (47 bits on the machines we run on)
    State state : 8;
    bool printed_later : 1;  // printed in a stretch merged into this one (pass 1)
    bool wide : 1;           // pass 1: 24 bytes can be read from data (texts compare in three words)
    bool as_is : 1;          // pass 1: unless DEFINE binds it, it is printed as it is (kept_as_is)
    bool padding : 1;        // a `<N`: its printed form, `size` zero digits, is never held (N may be 2^31-1)
    std::uint32_t bound = no_id;  // the value text of the last DEFINE that names this text
    std::uint32_t count = 0;      // its printed occurrences in the stream of its part (pass 1)

    std::string_view view() const { return {data, size}; }
    bool printed() const { return count > 0 || printed_later; }  // some occurrence is a printed token
};

static_assert(sizeof(Entry) == 24, "an Entry takes 24 bytes");

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
    std::uint32_t intern(const char* p, std::size_t n, const char* limit) {
        return intern_hashed(p, n, limit, hash_text(key_, p, n, limit));
    }

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
        return e.size == n &&
               (wide && e.wide && n < 24 ? same_short_text(e.data, p, n) : same_text(e.data, p, n));
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

}  // namespace hexproof::m1_fast
