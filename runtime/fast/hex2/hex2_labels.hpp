// The fast hex2's names: every name a stretch of the inputs defines or refers to, interned, each
// with an id and, once defined, its address (a later definition replacing an earlier one).
//
// Pass 1 interns a reference's name where the lexer has just read it, so its fix-up holds the
// name's id and the resolution reads no name again, only addresses by id (an array small enough
// for the core's caches). Resolving by name instead, after pass 1, read every reference's name
// back from the input and compared it with its definition's, far away in the input: on a real
// program with 94,000 labels that took a third of the engine's time (docs/performance.md).
//
// The table is open-addressing, keyed by views into the inputs (no copies), hashed with a key
// drawn for the run (keyed_hash.hpp: no input can make the names collide more than random ones).
// Two stretches read at once have a table each; resolve_second_part() makes both arrays of
// addresses final (the second stretch's definitions come later, so they win).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "hex2_lexer.hpp"
#include "keyed_hash.hpp"

namespace hexproof::hex2_fast {

// The hash of a name read from `input` (or of eof_name(), which lies elsewhere), keyed.
inline std::uint32_t hash_name(const keyed_hash::Key& key, std::string_view name, std::string_view input) {
    const char* limit = name.data() == hex2_lexer::eof_name().data() ? name.data() + name.size()
                                                                     : input.data() + input.size();
    return keyed_hash::hash_bytes(key, name.data(), name.size(), limit);
}

class LabelMap {
public:
    static constexpr std::uint32_t no_id = 0xFFFFFFFF;
    // A name's value, by id: its address in the low 32 bits, with `defined` once it is defined.
    static constexpr std::uint64_t defined = std::uint64_t{1} << 32;

    // `bytes`: about how many bytes of input the names come from. Room for the names of that
    // many bytes of a real program is reserved at once: growing the arrays by doubling copied
    // them (and faulted in twice their pages: 1,200 more page faults on the real-shaped amd64
    // input); the pages never written are never touched, so reserving costs no memory.
    LabelMap(const keyed_hash::Key& key, std::size_t bytes) : key_(key), slots_(1024) {
        const std::size_t names = bytes / 64 + 64;
        names_.reserve(names);
        values_.reserve(names);
    }

    // The hash the map wants for a name read from `input`.
    std::uint32_t hash(std::string_view name, std::string_view input) const {
        return hash_name(key_, name, input);
    }

    // Starts loading the slot where a probe for hash `h` begins: the table is larger than the
    // caches, and a lookup that waits for memory costs more than the rest of it.
    void prefetch(std::uint32_t h) const { __builtin_prefetch(&slots_[h & (slots_.size() - 1)]); }

    // The id of `name` (h = hash(name, input)), a new one, not defined, when it is new here.
    std::uint32_t intern(std::string_view name, std::uint32_t h) {
        // Up to 3/4 full: linear probing stays short with this hash, and the table stays a small
        // part of peak memory (the benchmark allows 2x the input for everything).
        if (4 * (names_.size() + 1) > 3 * slots_.size()) grow(slots_.size() * 2);
        Slot& s = slots_[probe(name, h)];
        if (s.id != no_id) return s.id;
        if (names_.size() == no_id) throw std::length_error("hex2: more than 2^32 - 1 names");
        s.id = static_cast<std::uint32_t>(names_.size());
        s.tag = tag(name.size(), h);
        const bool long_name = name.size() >= long_size;
        if (long_name) long_sizes_.emplace(s.id, name.size());
        names_.push_back({name.data(), long_name ? long_size : static_cast<std::uint32_t>(name.size()), h});
        values_.push_back(0);
        return s.id;
    }

    // The id of `name` (h its hash), or no_id when it is not here.
    std::uint32_t find(std::string_view name, std::uint32_t h) const { return slots_[probe(name, h)].id; }

    // `name_id` is defined at `address`.
    void define(std::uint32_t name_id, std::uint32_t address) { values_[name_id] = defined | address; }

    std::size_t size() const { return names_.size(); }
    std::string_view name(std::uint32_t name_id) const {
        const Name& n = names_[name_id];
        return std::string_view(n.data, n.size != long_size ? n.size : long_sizes_.at(name_id));
    }
    std::uint32_t hash_of(std::uint32_t name_id) const { return names_[name_id].hash; }
    std::vector<std::uint64_t>& values() { return values_; }
    const std::vector<std::uint64_t>& values() const { return values_; }

private:
    // 8 bytes, so that the slots of 10^5 names stay within a core's cache. `tag` is the name's
    // length (up to 2^24 - 1) and eight bits of its hash, so that a probe rarely reads a name.
    struct Slot {
        std::uint32_t tag = 0;
        std::uint32_t id = no_id;  // no_id: free
    };
    // A name, by id: where it was first met (in an input, or eof_name()), its size (long_size:
    // in long_sizes_) and its hash, for growing the table without reading the name again.
    struct Name {
        const char* data;
        std::uint32_t size;
        std::uint32_t hash;
    };

    static constexpr std::uint32_t long_size = 0xFFFFFFFF;

    static std::uint32_t tag(std::size_t size, std::uint32_t h) {
        const std::size_t s = size < 0xFFFFFF ? size : 0xFFFFFF;
        return static_cast<std::uint32_t>(s << 8) | (h >> 24);
    }

    // The slot holding `name`, or the free slot where it would go.
    std::size_t probe(std::string_view name, std::uint32_t h) const {
        const std::size_t mask = slots_.size() - 1;
        const std::uint32_t t = tag(name.size(), h);
        for (std::size_t i = h & mask;; i = (i + 1) & mask) {
            const Slot& s = slots_[i];
            if (s.id == no_id) return i;
            if (s.tag == t) {
                const Name& n = names_[s.id];
                if (n.size != long_size
                        ? n.size == name.size() && std::memcmp(n.data, name.data(), n.size) == 0
                        : this->name(s.id) == name)
                    return i;
            }
        }
    }

    // A table of `size` slots holding every name, placed by the hashes kept beside the names.
    void grow(std::size_t size) {
        std::vector<Slot>(size).swap(slots_);
        const std::size_t mask = size - 1;
        for (std::size_t id = 0; id != names_.size(); ++id) {
            std::size_t i = names_[id].hash & mask;
            while (slots_[i].id != no_id) i = (i + 1) & mask;
            slots_[i] = {tag(names_[id].size != long_size ? names_[id].size
                                                          : long_sizes_.at(static_cast<std::uint32_t>(id)),
                             names_[id].hash),
                         static_cast<std::uint32_t>(id)};
        }
    }

    const keyed_hash::Key& key_;
    std::vector<Slot> slots_;
    std::vector<Name> names_;                                    // by id
    std::vector<std::uint64_t> values_;                          // by id
    std::unordered_map<std::uint32_t, std::size_t> long_sizes_;  // by id, for names of 2^32 - 1 bytes or more
};

// Makes the values of both stretches' names final, the second's read as if its output began at
// address 0 and really beginning at `shift`: a name the second stretch defines has its address
// there (plus `shift`), in both tables; one it only refers to has the first stretch's value
// (which may be undefined). Each name of the second table is looked up in the first once, for
// the names `from` to `to` of the second table (so that two threads can share the work: they
// write different names' values, and read no value another writes).
inline void resolve_second_part(LabelMap& first, LabelMap& second, std::uint32_t shift, std::size_t from,
                                std::size_t to) {
    std::vector<std::uint64_t>& values = second.values();
    std::vector<std::uint64_t>& first_values = first.values();
    constexpr std::size_t ahead = 16;
    for (std::size_t id = from; id < to && id < from + ahead; ++id)
        first.prefetch(second.hash_of(static_cast<std::uint32_t>(id)));
    for (std::size_t id = from; id != to; ++id) {
        if (id + ahead < to) first.prefetch(second.hash_of(static_cast<std::uint32_t>(id + ahead)));
        const auto name_id = static_cast<std::uint32_t>(id);
        const std::uint32_t in_first = first.find(second.name(name_id), second.hash_of(name_id));
        if ((values[id] & LabelMap::defined) != 0) {
            values[id] = LabelMap::defined | static_cast<std::uint32_t>(values[id] + shift);
            if (in_first != LabelMap::no_id) first_values[in_first] = values[id];
        } else if (in_first != LabelMap::no_id) {
            values[id] = first_values[in_first];
        }
    }
}

}  // namespace hexproof::hex2_fast
