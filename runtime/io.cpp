// Reading the inputs: once, whole, within the input limit.
#include "io.hpp"

#include "cleanup.hpp"
#include "huge_pages.hpp"

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

std::string errno_text() { return std::strerror(errno); }

std::string over_limit_text(std::uint64_t limit) {
    return "input is larger than the limit of " + std::to_string(limit) + " bytes";
}

// Opens path for reading; a directory is refused. The descriptor, or -1 with *why.
int open_input(const std::string& path, struct stat* st, std::string* why) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        *why = errno_text();
        return -1;
    }
    if (::fstat(fd, st) != 0) {
        *why = errno_text();
        ::close(fd);
        return -1;
    }
    if (S_ISDIR(st->st_mode)) {
        ::close(fd);
        *why = "Is a directory";
        return -1;
    }
    return fd;
}

// Reads the rest of the open file fd (st from fstat), at most `room` bytes, and closes it.
std::optional<std::string> read_open_file(int fd, const struct stat& st, std::uint64_t room, ReadFailure* failure) {
    // Read straight into the string: a regular file's size is known, so large inputs need no
    // intermediate buffer and no regrowth; pipes, devices and files that grow take the same loop,
    // which stops one byte past the room.
    const bool regular = S_ISREG(st.st_mode) && st.st_size > 0;
    if (regular && static_cast<std::uint64_t>(st.st_size) > room) {
        ::close(fd);
        failure->over_limit = true;
        return std::nullopt;
    }
    const std::size_t most = static_cast<std::size_t>(std::min<std::uint64_t>(room, SIZE_MAX - 1)) + 1;
    std::string bytes;
    std::size_t used = 0;
    const std::size_t expected = regular ? static_cast<std::size_t>(st.st_size) : std::min<std::size_t>(1 << 16, most);
    bytes.reserve(expected);
    advise_huge_pages(bytes.data(), bytes.capacity());
    bytes.resize(expected);
    char probe[4096];  // when the string is full, look for more before growing it
    for (;;) {
        if (used > room) {
            ::close(fd);
            failure->over_limit = true;
            return std::nullopt;
        }
        const bool full = used == bytes.size();
        const std::size_t probe_size = std::min(sizeof probe, most - used);
        const ssize_t n = full ? ::read(fd, probe, probe_size) : ::read(fd, bytes.data() + used, bytes.size() - used);
        if (n == 0) break;
        if (n < 0) {
            if (errno == EINTR) continue;
            failure->why = errno_text();
            ::close(fd);
            return std::nullopt;
        }
        if (full) {
            bytes.resize(std::min(std::max(bytes.size() * 2, used + static_cast<std::size_t>(n)), most));
            std::memcpy(bytes.data() + used, probe, static_cast<std::size_t>(n));
        }
        used += static_cast<std::size_t>(n);
    }
    ::close(fd);
    bytes.resize(used);
    return bytes;
}

// Files from this size on are mapped rather than read (a mapping costs a few system calls; a
// read of a large file costs zeroing fresh memory and copying every byte).
constexpr std::size_t map_threshold = std::size_t{64} << 10;

}  // namespace

std::optional<std::string> read_file(const std::string& path, ReadFailure* failure, std::uint64_t room) {
    struct stat st {};
    const int fd = open_input(path, &st, &failure->why);
    if (fd < 0) return std::nullopt;
    return read_open_file(fd, st, room, failure);
}

std::optional<std::string> read_file(const std::string& path, std::string* why) {
    ReadFailure failure;
    auto bytes = read_file(path, &failure);
    if (!bytes) *why = failure.over_limit ? over_limit_text(max_input_bytes) : failure.why;
    return bytes;
}

std::optional<Input> load_input(const std::string& path, const char* program, std::uint64_t room,
                                ReadFailure* failure) {
    struct stat st {};
    const int fd = open_input(path, &st, &failure->why);
    if (fd < 0) return std::nullopt;
    Input input;
    input.name = path;
    if (S_ISREG(st.st_mode) && static_cast<std::size_t>(st.st_size) >= map_threshold &&
        static_cast<std::uint64_t>(st.st_size) <= room) {
        const auto size = static_cast<std::size_t>(st.st_size);
        void* start = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
        if (start != MAP_FAILED) {
            ::close(fd);
            cleanup::install_handlers(program);
            input.mapping = std::shared_ptr<const void>(start, [size](const void* p) { ::munmap(const_cast<void*>(p), size); });
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

bool write_stdout(std::string_view bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(STDOUT_FILENO, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    return true;
}

}  // namespace hexproof
