// The fast hex2's labels: an open-addressing table keyed by views into the inputs (no copies),
// hashed with a key drawn for the run (keyed_hash.hpp), a later definition replacing an earlier
// one; and the labels of two stretches looked up as one.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "hex2_lexer.hpp"
#include "keyed_hash.hpp"

namespace hexproof::hex2_fast {

// The hash of a name read from `input` (or of eof_name(), which lies elsewhere), keyed:
// keyed_hash.hpp says why, and how no input can make the names collide more than random ones.
inline std::uint32_t hash_name(const keyed_hash::Key& key, std::string_view name, std::string_view input) {
    const char* limit = name.data() == hex2_lexer::eof_name().data() ? name.data() + name.size()
                                                                     : input.data() + input.size();
    return keyed_hash::hash_bytes(key, name.data(), name.size(), limit);
}

class LabelMap {
public:
    explicit LabelMap(const keyed_hash::Key& key) : key_(key), slots_(1024), hashes_(1024) {}

    // The hash the map wants for a name read from `input`.
    std::uint32_t hash(std::string_view name, std::string_view input) const {
        return hash_name(key_, name, input);
    }

    // Defines `name` at `address`; a later definition of the same name wins.
    // `h` is hash(name, input).
    void assign(std::string_view name, std::uint32_t h, std::uint32_t address) {
        // Up to 3/4 full: linear probing stays short with this hash, and the table stays a small
        // part of peak memory (the benchmark allows 2x the input for everything).
        if (4 * (count_ + 1) > 3 * slots_.size()) grow(slots_.size() * 2);
        const std::size_t i = probe(name, h);
        Slot& s = slots_[i];
        if (s.data == nullptr) {
            s.data = name.data();
            s.tag = tag(name.size(), h);
            hashes_[i] = h;
            if (name.size() >= long_size) long_sizes_.emplace(name.data(), name.size());
            ++count_;
        }
        s.address = address;
    }

    [[gnu::always_inline]] std::optional<std::uint32_t> find(std::string_view name, std::uint32_t h) const {
        const Slot& s = slots_[probe(name, h)];
        if (s.data == nullptr) return std::nullopt;
        return s.address;
    }

    // Starts loading the slot where a probe for hash `h` begins: the table is larger than the
    // caches, and a lookup that waits for memory costs more than the rest of it.
    void prefetch(std::uint32_t h) const { __builtin_prefetch(&slots_[h & (slots_.size() - 1)]); }

    // Then starts loading the name that find() will compare with `name` (in the input, where it
    // was defined), once prefetch(h) has brought the slots in.
    void prefetch_name(std::string_view name, std::uint32_t h) const {
        const std::size_t mask = slots_.size() - 1;
        const std::uint32_t t = tag(name.size(), h);
        for (std::size_t i = h & mask; slots_[i].data != nullptr; i = (i + 1) & mask) {
            if (slots_[i].tag == t) {
                __builtin_prefetch(slots_[i].data);
                return;
            }
        }
    }

private:
    // Names always point into an input or at the static EOF name, never at nullptr, so a null
    // `data` marks a free slot. 16 bytes: the table is a visible part of peak memory when a
    // program has 10^5 labels. `tag` is the name's length (up to `long_size`) and eight bits of
    // its hash; the size of a name of `long_size` bytes or more is kept aside (long_sizes_).
    struct Slot {
        const char* data = nullptr;
        std::uint32_t tag = 0;
        std::uint32_t address = 0;
    };

    static constexpr std::size_t long_size = 0xFFFFFF;

    static std::uint32_t tag(std::size_t size, std::uint32_t h) {
        const std::size_t s = size < long_size ? size : long_size;
        return static_cast<std::uint32_t>(s << 8) | (h >> 24);
    }

    // The name a slot holds.
    std::string_view name_of(const Slot& s) const {
        const std::size_t n = s.tag >> 8;
        if (n != long_size) return std::string_view(s.data, n);
        return std::string_view(s.data, long_sizes_.at(s.data));
    }

    // The slot holding `name`, or the free slot where it would go.
    std::size_t probe(std::string_view name, std::uint32_t h) const {
        const std::size_t mask = slots_.size() - 1;
        const std::uint32_t t = tag(name.size(), h);
        for (std::size_t i = h & mask;; i = (i + 1) & mask) {
            const Slot& s = slots_[i];
            if (s.data == nullptr) return i;
            if (s.tag == t) {
                if (name.size() < long_size ? std::memcmp(s.data, name.data(), name.size()) == 0
                                            : name_of(s) == name)
                    return i;
            }
        }
    }

    // Moves every label to a table of `size` slots; their hashes are kept beside the slots, so
    // that no name is read again.
    void grow(std::size_t size) {
        std::vector<Slot> old(size);
        std::vector<std::uint32_t> old_hashes(size);
        old.swap(slots_);
        old_hashes.swap(hashes_);
        const std::size_t mask = size - 1;
        for (std::size_t j = 0; j != old.size(); ++j) {
            if (old[j].data == nullptr) continue;
            std::size_t i = old_hashes[j] & mask;
            while (slots_[i].data != nullptr) i = (i + 1) & mask;
            slots_[i] = old[j];
            hashes_[i] = old_hashes[j];
        }
    }

    const keyed_hash::Key& key_;
    std::vector<Slot> slots_;
    std::vector<std::uint32_t> hashes_;                        // by slot: the hash of its name
    std::unordered_map<const char*, std::size_t> long_sizes_;  // by name start, for long names
    std::size_t count_ = 0;
};

// Every label of the inputs, as the resolution looks them up: those of the first stretch, and over
// them those of the second stretch if there is one (they come later, so they win), whose
// addresses are `shift` short. Looking in two maps costs less than merging them.
class Labels {
public:
    Labels(const LabelMap& first, const LabelMap* second, std::uint32_t shift)
        : first_(first), second_(second), shift_(shift) {}

    std::uint32_t hash(std::string_view name, std::string_view input) const {
        return first_.hash(name, input);
    }
    // (Always inlined, as LabelMap::find: the resolution calls them for every reference.)
    [[gnu::always_inline]] std::optional<std::uint32_t> find(std::string_view name, std::uint32_t h) const {
        if (second_ != nullptr)
            if (const std::optional<std::uint32_t> a = second_->find(name, h)) return *a + shift_;
        return first_.find(name, h);
    }
    void prefetch(std::uint32_t h) const {
        first_.prefetch(h);
        if (second_ != nullptr) second_->prefetch(h);
    }
    void prefetch_name(std::string_view name, std::uint32_t h) const {
        first_.prefetch_name(name, h);
        if (second_ != nullptr) second_->prefetch_name(name, h);
    }

private:
    const LabelMap& first_;
    const LabelMap* second_;
    std::uint32_t shift_;
};

}  // namespace hexproof::hex2_fast
