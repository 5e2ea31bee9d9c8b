// The fast strict checkers' uses (proofs/FirstUses.v): the order of quirk uses (`use_lt`) and an
// accumulator that keeps the `k` earliest of the uses added and counts them all (`earliest`).
//
// A use's subject is a view into the inputs (or a constant text) while the checker runs; only
// the `k` kept are copied out, by earliest_result(). The kept uses are a max-heap by use_lt, so a
// use after the greatest kept (the usual case: the checkers meet the uses roughly in input order)
// costs one comparison.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "engine.hpp"

namespace hexproof::first_uses {

struct Use {
    Quirk quirk{};
    std::size_t file = 0;
    std::size_t offset = 0;
    std::string_view subject{};
    std::size_t other_file = 0;
    std::size_t other_offset = 0;
    std::int64_t value = 0;
};

// A use about `subject` with no other place and no number (Quirks.plain_use).
inline Use plain_use(Quirk q, std::size_t file, std::size_t offset, std::string_view subject = {}) {
    return Use{q, file, offset, subject, file, offset, 0};
}

// ByteMap.cmp_bytes: the shorter text first, then the first byte that differs.
inline int cmp_bytes(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
    return a.empty() ? 0 : std::memcmp(a.data(), b.data(), a.size());
}

// FirstUses.use_lt: by file, offset, quirk, other file, other offset, number, subject.
inline bool use_lt(const Use& a, const Use& b) {
    if (a.file != b.file) return a.file < b.file;
    if (a.offset != b.offset) return a.offset < b.offset;
    if (a.quirk != b.quirk) return a.quirk < b.quirk;
    if (a.other_file != b.other_file) return a.other_file < b.other_file;
    if (a.other_offset != b.other_offset) return a.other_offset < b.other_offset;
    if (a.value != b.value) return a.value < b.value;
    return cmp_bytes(a.subject, b.subject) < 0;
}

// FirstUses.earliest: the `k` earliest uses added (add_use) and how many were added.
class Earliest {
public:
    explicit Earliest(std::size_t k) : k_(k) {}

    void add_use(const Use& u) {
        ++count_;
        if (kept_.size() < k_) {
            kept_.push_back(u);
            std::push_heap(kept_.begin(), kept_.end(), use_lt);
        } else if (!kept_.empty() && use_lt(u, kept_.front())) {
            std::pop_heap(kept_.begin(), kept_.end(), use_lt);
            kept_.back() = u;
            std::push_heap(kept_.begin(), kept_.end(), use_lt);
        }
    }

    // `n` uses that `k` uses added here come before (the checkers know it of a group of uses
    // beyond its first `k`): counted, never kept.
    void add_later_uses(std::uint64_t n) { count_ += n; }

    // FirstUses.merge_earliest.
    void merge(const Earliest& other) {
        for (const Use& u : other.kept_) add_use(u);
        count_ += other.count_ - other.kept_.size();
    }

    void clear() {
        kept_.clear();
        count_ = 0;
    }

    // FirstUses.earliest_result: the kept uses, the earliest first, and the count.
    QuirkUses earliest_result() const {
        std::vector<Use> sorted = kept_;
        std::sort_heap(sorted.begin(), sorted.end(), use_lt);
        QuirkUses out;
        for (const Use& u : sorted)
            out.earliest.push_back(QuirkUse{u.quirk, u.file, u.offset, std::string(u.subject), u.other_file,
                                            u.other_offset, u.value});
        out.count = count_;
        return out;
    }

private:
    std::size_t k_;
    std::vector<Use> kept_;  // a max-heap by use_lt
    std::uint64_t count_ = 0;
};

}  // namespace hexproof::first_uses
