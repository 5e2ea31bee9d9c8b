// The printed token stream of the fast M1's pass 1, which pass 2 replays: each printed token's
// id as a varint, a newline after a text folded into that text's value.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>

#include "m1_text_table.hpp"

namespace hexproof::m1_fast {

// The printed stream's values (PrintedStream): a printed token's id, times two, plus one when a
// newline follows the token (a newline alone is 0: one after a text is that text's bit), as
// LEB128, at most five bytes. put_value writes id's value without the bit at w and returns the
// end; the bit, the first byte's lowest, is set afterwards when the newline comes.
inline unsigned char* put_value(unsigned char* w, std::uint32_t id) {
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

// The most bytes of values appended at once (PrintedStream::append): the code of a line
// RecentLines remembers.
constexpr std::size_t line_code_room = 12;

// The printed token stream of pass 1, kept for pass 2 while it stays small: each printed token's
// id as a LEB128 varint, a newline after a text in that text's value (put_value; the texts of
// DEFINE tables come first and have small ids). Once it outgrows its limit it is dropped and
// pass 2 lexes the inputs again instead, so the memory it takes stays a fraction of the input's
// size.
class PrintedStream {
public:
    // The buffer is allocated at its limit but left untouched, so only the pages written count.
    explicit PrintedStream(std::size_t limit)
        : bytes_(new unsigned char[limit + line_code_room]), w_(bytes_.get()), stop_(bytes_.get() + limit) {}

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
    void append(const unsigned char (&code)[line_code_room], std::size_t n) {
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
        replay(
            [&](std::uint32_t id, bool newline_after) {
                newline = id == newline_id || newline_after;
                return true;
            },
            start);
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
    unsigned char* w_;                    // the end of the stream so far; nullptr once dropped
    unsigned char* last_text_ = nullptr;  // the last value, when it is a text's without newline
    const unsigned char* stop_;           // the stream is dropped once it ends beyond this
};

}  // namespace hexproof::m1_fast
