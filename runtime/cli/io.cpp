// Reading the inputs: once, whole, within the input limit.
#include "io.hpp"

#include "cleanup.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hexproof {

namespace {

// Files from this size on are mapped rather than read (a mapping costs a few system calls; a
// read of a large file costs zeroing fresh memory and copying every byte).
constexpr std::size_t map_threshold = std::size_t{64} << 10;

// Opens path for reading, refusing a directory and a regular file of more than `room` bytes. The
// descriptor, or -1 with *failure.
int open_input(const std::string& path, struct stat* st, std::uint64_t room, ReadFailure* failure) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || ::fstat(fd, st) != 0)
        failure->why = std::strerror(errno);
    else if (S_ISDIR(st->st_mode))
        failure->why = "Is a directory";
    else if (S_ISREG(st->st_mode) && static_cast<std::uint64_t>(st->st_size) > room)
        failure->over_limit = true;
    else
        return fd;
    if (fd >= 0) ::close(fd);
    return -1;
}

// Reads the rest of fd, at most `room` bytes, and closes it. A regular file is read into a string
// one byte longer than its size, which its end leaves unused; pipes, devices and files that grow
// take the same loop, growing the string, and are refused once room + 1 bytes are read.
std::optional<std::string> read_open_file(int fd, const struct stat& st, std::uint64_t room,
                                          ReadFailure* failure) {
    const std::size_t most = static_cast<std::size_t>(std::min<std::uint64_t>(room, SIZE_MAX - 1)) + 1;
    const bool sized = S_ISREG(st.st_mode) && st.st_size > 0;
    std::string bytes(sized ? static_cast<std::size_t>(st.st_size) + 1 : std::min<std::size_t>(1 << 16, most),
                      '\0');
    std::size_t used = 0;
    for (;;) {
        if (used == most) {  // room + 1 bytes
            ::close(fd);
            failure->over_limit = true;
            return std::nullopt;
        }
        if (used == bytes.size()) bytes.resize(std::min(bytes.size() * 2, most));
        const ssize_t n = ::read(fd, bytes.data() + used, bytes.size() - used);
        if (n == 0) break;
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            failure->why = std::strerror(errno);
            ::close(fd);
            return std::nullopt;
        }
        used += static_cast<std::size_t>(n);
    }
    ::close(fd);
    bytes.resize(used);
    return bytes;
}

}  // namespace

std::optional<std::string> read_file(const std::string& path, ReadFailure* failure, std::uint64_t room) {
    struct stat st {};
    const int fd = open_input(path, &st, room, failure);
    if (fd < 0) return std::nullopt;
    return read_open_file(fd, st, room, failure);
}

std::optional<Input> load_input(const std::string& path, const char* program, std::uint64_t room,
                                ReadFailure* failure) {
    struct stat st {};
    const int fd = open_input(path, &st, room, failure);
    if (fd < 0) return std::nullopt;
    Input input;
    input.name = path;
    if (S_ISREG(st.st_mode) && static_cast<std::size_t>(st.st_size) >= map_threshold) {
        const auto size = static_cast<std::size_t>(st.st_size);
        void* start = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
        if (start != MAP_FAILED) {
            ::close(fd);
            cleanup::install_handlers(program);
            input.mapping = std::shared_ptr<const void>(
                start, [size](const void* p) { ::munmap(const_cast<void*>(p), size); });
            input.mapped = std::string_view(static_cast<const char*>(start), size);
            return input;
        }
        // Some files cannot be mapped (some file systems, too little address space): read them.
    }
    auto bytes = read_open_file(fd, st, room, failure);
    if (!bytes) return std::nullopt;
    input.bytes = std::move(*bytes);
    return input;
}

}  // namespace hexproof
