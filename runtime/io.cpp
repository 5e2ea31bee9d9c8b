// File input and output: read once, write atomically.
#include "io.hpp"

#include "huge_pages.hpp"

#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hexproof {

namespace {

std::string errno_text() { return std::strerror(errno); }

// Writes all of bytes to fd: at its file position, or at `offset` when one is given (pwrite).
// False with errno set on failure.
bool write_all(int fd, std::string_view bytes, std::optional<std::uint64_t> offset = std::nullopt) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        const char* p = bytes.data() + done;
        const std::size_t left = bytes.size() - done;
        const ssize_t n = offset ? ::pwrite(fd, p, left, static_cast<off_t>(*offset + done)) : ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    return true;
}

std::string directory_of(const std::string& path) {
    const std::size_t slash = path.rfind('/');
    if (slash == std::string::npos) return ".";
    if (slash == 0) return "/";
    return path.substr(0, slash);
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

// Reads the rest of the open file fd (st from fstat) and closes it.
std::optional<std::string> read_open_file(int fd, const struct stat& st, std::string* why) {
    // Read straight into the string: a regular file's size is known, so large inputs need no
    // intermediate buffer and no regrowth; pipes and files that grow take the same loop.
    std::string bytes;
    std::size_t used = 0;
    const bool regular = S_ISREG(st.st_mode) && st.st_size > 0;
    const std::size_t expected = regular ? static_cast<std::size_t>(st.st_size) : 1 << 16;
    bytes.reserve(expected);
    advise_huge_pages(bytes.data(), bytes.capacity());
    bytes.resize(expected);
    char probe[4096];  // when the string is full, look for more before growing it
    for (;;) {
        const bool full = used == bytes.size();
        const ssize_t n = full ? ::read(fd, probe, sizeof probe) : ::read(fd, bytes.data() + used, bytes.size() - used);
        if (n == 0) break;
        if (n < 0) {
            if (errno == EINTR) continue;
            *why = errno_text();
            ::close(fd);
            return std::nullopt;
        }
        if (full) {
            bytes.resize(bytes.size() * 2);
            std::memcpy(bytes.data() + used, probe, static_cast<std::size_t>(n));
        }
        used += static_cast<std::size_t>(n);
    }
    ::close(fd);
    bytes.resize(used);
    return bytes;
}

// ---- Mapped inputs and the guard against files that shrink under the mapping ----------------

// The temporary output file being written, if any, for the SIGBUS handler (which may not
// allocate): a copy of its path, and whether it is set.
char pending_output[4096];
volatile std::sig_atomic_t pending_output_set = 0;
const char* guarded_program = "hexproof";

void note_pending_output(const std::string& path) {
    pending_output_set = 0;
    if (path.size() >= sizeof pending_output) return;
    std::memcpy(pending_output, path.c_str(), path.size() + 1);
    pending_output_set = 1;
}

void write_stderr(const char* text) {
    const std::size_t n = std::strlen(text);
    if (::write(STDERR_FILENO, text, n) < 0) return;
}

// Reading a page of a mapped file beyond its current end raises SIGBUS: the file shrank while
// this process ran. Report it, remove the temporary output, and stop (exit status 1).
extern "C" void on_input_shrank(int) {
    if (pending_output_set) ::unlink(pending_output);
    write_stderr(guarded_program);
    write_stderr(": error: an input file shrank while it was being read (bus error); no output written\n");
    ::_exit(1);
}

void guard_mapped_inputs(const char* program) {
    static bool installed = false;
    guarded_program = program;
    if (installed) return;
    struct sigaction action {};
    action.sa_handler = on_input_shrank;
    sigemptyset(&action.sa_mask);
    if (::sigaction(SIGBUS, &action, nullptr) == 0) installed = true;
}

// Files from this size on are mapped rather than read (a mapping costs a few system calls; a
// read of a large file costs zeroing fresh memory and copying every byte).
constexpr std::size_t map_threshold = std::size_t{64} << 10;

}  // namespace

std::optional<std::string> read_file(const std::string& path, std::string* why) {
    struct stat st {};
    const int fd = open_input(path, &st, why);
    if (fd < 0) return std::nullopt;
    return read_open_file(fd, st, why);
}

std::optional<Input> load_input(const std::string& path, const char* program, std::string* why) {
    struct stat st {};
    const int fd = open_input(path, &st, why);
    if (fd < 0) return std::nullopt;
    Input input;
    input.name = path;
    if (S_ISREG(st.st_mode) && static_cast<std::size_t>(st.st_size) >= map_threshold) {
        const auto size = static_cast<std::size_t>(st.st_size);
        void* start = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
        if (start != MAP_FAILED) {
            ::close(fd);
            guard_mapped_inputs(program);
            input.mapping = std::shared_ptr<const void>(start, [size](const void* p) { ::munmap(const_cast<void*>(p), size); });
            input.mapped = std::string_view(static_cast<const char*>(start), size);
            return input;
        }
        // Some files cannot be mapped (some file systems): read them.
    }
    auto bytes = read_open_file(fd, st, why);
    if (!bytes) return std::nullopt;
    input.bytes = std::move(*bytes);
    return input;
}

bool output_writable(const std::string& path, std::string* why) {
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            *why = "Is a directory";
            return false;
        }
        if (!S_ISREG(st.st_mode)) {
            if (::access(path.c_str(), W_OK) != 0) {
                *why = errno_text();
                return false;
            }
            return true;
        }
    }
    const std::string dir = directory_of(path);
    if (::access(dir.c_str(), W_OK) != 0) {
        *why = dir + ": " + errno_text();
        return false;
    }
    return true;
}

AtomicOutputFile::~AtomicOutputFile() { discard(); }

void AtomicOutputFile::discard() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    pending_output_set = 0;
    if (!in_place_ && !temp_.empty()) ::unlink(temp_.c_str());
    temp_.clear();
}

bool AtomicOutputFile::open(const std::string& path, const OutputOptions& options, std::string* why) {
    discard();
    path_ = path;
    write_errno_ = 0;
    written_ = 0;
    allocated_ = 0;
    struct stat st {};
    const bool exists = ::stat(path.c_str(), &st) == 0;
    if (exists && S_ISDIR(st.st_mode)) {
        *why = "Is a directory";
        return false;
    }
    in_place_ = exists && !S_ISREG(st.st_mode);
    if (in_place_) {
        fd_ = ::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
        if (fd_ < 0) *why = errno_text();
        return fd_ >= 0;
    }
    temp_ = path + ".tmp-XXXXXX";
    fd_ = ::mkstemp(temp_.data());
    if (fd_ < 0) {
        *why = errno_text();
        temp_.clear();
        return false;
    }
    note_pending_output(temp_);
    if (options.executable) {
        mode_ = 0750;
    } else if (exists) {
        mode_ = st.st_mode & 07777;
    } else {
        const mode_t mask = ::umask(0);
        ::umask(mask);
        mode_ = 0666 & ~mask;
    }
    return true;
}

void AtomicOutputFile::write(std::string_view bytes) {
    if (fd_ < 0 || write_errno_ != 0) return;
    if (!write_all(fd_, bytes)) write_errno_ = errno;
    written_ += bytes.size();
}

void AtomicOutputFile::write_at(std::uint64_t offset, std::string_view bytes) {
    if (!can_write_at() || write_errno_ != 0) return;
    if (!write_all(fd_, bytes, offset)) write_errno_ = errno;
    written_ += bytes.size();
}

void AtomicOutputFile::expect_size(std::uint64_t size) {
#ifdef __linux__
    if (!can_write_at() || size == 0 || size > static_cast<std::uint64_t>(INT64_MAX) || allocated_ != 0) return;
    if (::fallocate(fd_, 0, 0, static_cast<off_t>(size)) == 0) allocated_ = size;
#else
    (void)size;
#endif
}

bool AtomicOutputFile::commit(std::string* why) {
    if (fd_ < 0) {
        *why = "not open";
        return false;
    }
    bool ok = write_errno_ == 0;
    if (!ok) *why = std::strerror(write_errno_);
    // The pieces written cover the start of the file without gaps or overlaps; what was
    // allocated beyond them goes.
    if (ok && allocated_ > written_ && ::ftruncate(fd_, static_cast<off_t>(written_)) != 0) {
        ok = false;
        *why = errno_text();
    }
    if (ok && !in_place_ && ::fchmod(fd_, static_cast<mode_t>(mode_)) != 0) {
        ok = false;
        *why = errno_text();
    }
    if (::close(fd_) != 0 && ok) {
        ok = false;
        *why = errno_text();
    }
    fd_ = -1;
    if (ok && !in_place_ && ::rename(temp_.c_str(), path_.c_str()) != 0) {
        ok = false;
        *why = errno_text();
    }
    if (ok) temp_.clear();
    discard();
    return ok;
}

bool write_stdout(std::string_view bytes) { return write_all(STDOUT_FILENO, bytes); }

}  // namespace hexproof
