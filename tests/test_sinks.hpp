// Output sinks for tests: one that collects what is appended, one that takes positional
// writes like a file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>

#include "engine.hpp"

namespace hexproof {

// Collects what is appended.
class CollectingSink final : public OutputSink {
public:
    void write(std::string_view bytes) override { text.append(bytes); }
    std::string text;
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
    std::string text;
    int positional_writes = 0;

private:
    void put(std::size_t at, std::string_view bytes) {
        if (text.size() < at + bytes.size()) text.resize(at + bytes.size(), '?');
        text.replace(at, bytes.size(), bytes);
    }
    std::mutex mutex_;
    std::size_t end_ = 0;
};

}  // namespace hexproof
