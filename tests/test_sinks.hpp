// Output sinks for tests: one that collects what is appended, one that takes positional
// writes like a file. Both remember the size they were told to expect (expect_size) and whether
// it came before the first byte.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "engine.hpp"

namespace hexproof {

// What a sink was told to expect.
struct ExpectedSize {
    std::optional<std::uint64_t> size;  // the last size expect_size gave
    bool after_writing = false;         // some expect_size came after some bytes

    void expect(std::uint64_t n, bool written) {
        size = n;
        after_writing = after_writing || written;
    }
};

// Collects what is appended, and the size of the largest piece.
class CollectingSink final : public OutputSink {
public:
    void write(std::string_view bytes) override {
        text.append(bytes);
        largest_piece = std::max(largest_piece, bytes.size());
    }
    void expect_size(std::uint64_t size) override { expected.expect(size, !text.empty()); }
    std::string text;
    std::size_t largest_piece = 0;
    ExpectedSize expected;
};

// A sink like a file: write() appends, write_at() writes anywhere (from any thread), and the
// text is the bytes written, holes (never filled) shown as '?'.
class PositionalSink final : public OutputSink {
public:
    void write(std::string_view bytes) override {
        const std::lock_guard<std::mutex> lock(mutex_);
        put(end_, bytes);
        end_ += bytes.size();
    }
    bool can_write_at() const override { return true; }
    void write_at(std::uint64_t offset, std::string_view bytes) override {
        const std::lock_guard<std::mutex> lock(mutex_);
        put(static_cast<std::size_t>(offset), bytes);
        ++positional_writes;
    }
    void expect_size(std::uint64_t size) override {
        const std::lock_guard<std::mutex> lock(mutex_);
        expected.expect(size, !text.empty());
    }
    std::string text;
    int positional_writes = 0;
    ExpectedSize expected;

private:
    void put(std::size_t at, std::string_view bytes) {
        if (text.size() < at + bytes.size()) text.resize(at + bytes.size(), '?');
        text.replace(at, bytes.size(), bytes);
    }
    std::mutex mutex_;
    std::size_t end_ = 0;
};

}  // namespace hexproof
