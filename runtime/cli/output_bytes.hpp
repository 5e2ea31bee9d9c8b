// The bytes of an output. Every byte an engine writes reaches the user's file or standard output
// through OutputBytes, and nothing else in the CLIs writes, cuts or copies file contents:
// output_file.hpp only chooses the file descriptor and puts the finished file in place
// (docs/trusted-base.md).
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string_view>

#include "engine.hpp"

namespace hexproof {

// A write that failed (no space, file too large, an I/O error, the output limit): thrown through
// the engine writing, to end the run at once.
class OutputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class OutputBytes final : public OutputSink {
public:
    explicit OutputBytes(std::uint64_t limit) : limit_(limit) {}

    // Where the bytes go: a file written at offsets from 0 (`positional`, a scratch file), or a
    // stream written in order (standard output, a FIFO, a device). The descriptor is not owned.
    void attach(int fd, bool positional);

    // OutputSink. Each throws OutputError when the bytes cannot be written or would end past the
    // limit; expect_size also takes the file's room at once.
    void write(std::string_view bytes) override;
    bool can_write_at() const override { return positional_; }
    void write_at(std::uint64_t offset, std::string_view bytes) override;
    void expect_size(std::uint64_t size) override;

    // The end of the furthest write: the size of the output.
    std::uint64_t size() const;
    // Cuts the file at size(), giving back room taken beyond it. False with errno set.
    bool finish();
    // Takes room in fd for size() bytes without changing its size or bytes. False (errno set)
    // only when the file system has no room.
    bool take_room_in(int fd) const;
    // Copies the output to the start of fd and cuts fd at its size. False with errno set.
    bool copy_to(int fd) const;

private:
    void check_end(std::uint64_t end) const;
    void reserve(std::uint64_t size, bool reported);

    std::uint64_t limit_;
    int fd_ = -1;
    bool positional_ = false;
    std::atomic<std::uint64_t> appended_{0};  // where write() goes on
    std::atomic<std::uint64_t> end_{0};       // the end of the furthest write_at()
    std::atomic<std::uint64_t> reserved_{0};  // room taken by fallocate
};

// Writes all of bytes to fd: at its file position, or at `offset`. False with errno set.
bool write_all(int fd, std::string_view bytes, std::optional<std::uint64_t> offset = std::nullopt);

}  // namespace hexproof
