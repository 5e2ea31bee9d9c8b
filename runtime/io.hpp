// File input and output for the CLIs: each input read once, whole; output written to a temporary
// file beside the target and renamed into place only on success, so a failed run never leaves a
// truncated or partial output file behind.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "engine.hpp"

namespace hexproof {

// The whole file, or nullopt with a reason (strerror text) in *why.
std::optional<std::string> read_file(const std::string& path, std::string* why);

// The whole file as an engine input named by its path, or nullopt with *why. A regular file of
// 64 KiB or more is mapped read-only instead of read (no copy, no fresh memory to zero). Should
// such a file shrink while the process runs, reading past its new end raises SIGBUS: a handler
// then prints "<program>: error: an input file shrank ...", removes the temporary output file
// of any AtomicOutputFile being written, and exits with status 1.
std::optional<Input> load_input(const std::string& path, const char* program, std::string* why);

struct OutputOptions {
    bool executable = false;  // hex2 without --non-executable: mode 0750, as upstream's chmod
};

// An output file that appears under its name only when committed: the bytes go to a temporary
// file beside it, renamed into place by commit(); destroying it uncommitted removes the
// temporary. A path that names something other than a regular file (/dev/stdout, a FIFO) is
// written in place, since it cannot be replaced. An existing regular file keeps its permission
// bits unless the output is executable (upstream reopens it with fopen "w", keeping the mode).
class AtomicOutputFile {
public:
    AtomicOutputFile() = default;
    AtomicOutputFile(const AtomicOutputFile&) = delete;
    AtomicOutputFile& operator=(const AtomicOutputFile&) = delete;
    ~AtomicOutputFile();

    bool open(const std::string& path, const OutputOptions& options, std::string* why);
    void write(std::string_view bytes);  // a failure is reported by commit()
    // Writes at an offset (a temporary file only); may run on another thread beside write().
    bool can_write_at() const { return fd_ >= 0 && !in_place_; }
    void write_at(std::uint64_t offset, std::string_view bytes);
    // Allocates `size` bytes for a temporary file at once (when the file system can). A file
    // written shorter than that is cut back to what was written when committed.
    void expect_size(std::uint64_t size);
    bool commit(std::string* why);

private:
    void discard();
    std::string path_, temp_;
    int fd_ = -1;
    bool in_place_ = false;
    unsigned mode_ = 0;
    std::atomic<int> write_errno_{0};
    std::atomic<std::uint64_t> written_{0};  // bytes written, by write() and write_at()
    std::atomic<std::uint64_t> allocated_{0};
};

// Checks that path could be written (its directory is writable, or the file itself for
// non-regular files), without creating or truncating anything.
bool output_writable(const std::string& path, std::string* why);

bool write_stdout(std::string_view bytes);

}  // namespace hexproof
