// The bytes of an output: written in order or at offsets, within the limit, cut or copied at the end.
#include "output_bytes.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <string>
#include <unistd.h>

namespace hexproof {

namespace {

bool is_no_room(int error) { return error == ENOSPC || error == EDQUOT || error == EFBIG || error == EIO; }

// Raises *at to end if end is larger.
void raise_to(std::atomic<std::uint64_t>* at, std::uint64_t end) {
    std::uint64_t seen = at->load();
    while (seen < end && !at->compare_exchange_weak(seen, end)) {
    }
}

// Copies the first `size` bytes of `from` to the start of `to`, a MiB at a time.
bool copy_bytes(int from, int to, std::uint64_t size) {
    const std::size_t buffer_size = std::size_t{1} << 20;
    const std::unique_ptr<char[]> buffer(new char[buffer_size]);
    for (std::uint64_t done = 0; done < size;) {
        const auto want = static_cast<std::size_t>(std::min<std::uint64_t>(size - done, buffer_size));
        const ssize_t n = ::pread(from, buffer.get(), want, static_cast<off_t>(done));
        if (n < 0 && errno == EINTR) continue;
        if (n == 0) errno = EIO;  // the file is shorter than what was written to it
        if (n <= 0 || !write_all(to, std::string_view(buffer.get(), static_cast<std::size_t>(n)), done))
            return false;
        done += static_cast<std::uint64_t>(n);
    }
    return true;
}

}  // namespace

bool write_all(int fd, std::string_view bytes, std::optional<std::uint64_t> offset) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        const char* p = bytes.data() + done;
        const std::size_t left = bytes.size() - done;
        const ssize_t n =
            offset ? ::pwrite(fd, p, left, static_cast<off_t>(*offset + done)) : ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    return true;
}

void OutputBytes::attach(int fd, bool positional) {
    fd_ = fd;
    positional_ = positional;
}

void OutputBytes::check_end(std::uint64_t end) const {
    if (end > limit_)
        throw OutputError("the output is larger than the limit of " + std::to_string(limit_) +
                          " bytes (--max-output-bytes=N changes it)");
}

void OutputBytes::write(std::string_view bytes) {
    const std::uint64_t at = appended_.fetch_add(bytes.size());
    check_end(at + bytes.size());
    if (fd_ < 0) throw OutputError("not open");
    if (!write_all(fd_, bytes, positional_ ? std::optional<std::uint64_t>(at) : std::nullopt))
        throw OutputError(std::strerror(errno));
}

void OutputBytes::write_at(std::uint64_t offset, std::string_view bytes) {
    const std::uint64_t end = offset + bytes.size();
    check_end(end);
    if (!positional_) throw OutputError("positional write to a stream");
    // A positional write past the room taken asks for room up to twice its end: the engines
    // print the second half of an output while they print the first, knowing only the first's size.
    if (reserved_ != 0 && end > reserved_) reserve(2 * end, false);
    if (!write_all(fd_, bytes, offset)) throw OutputError(std::strerror(errno));
    raise_to(&end_, end);
}

void OutputBytes::expect_size(std::uint64_t size) {
    check_end(size);
    reserve(size, true);
}

// Takes room for `size` bytes in the file. Where the file system has none, that is an error when
// the output is sure to need it (`reported`), else the writes will tell.
void OutputBytes::reserve(std::uint64_t size, bool reported) {
    if (!positional_ || size <= reserved_ || size > static_cast<std::uint64_t>(INT64_MAX)) return;
    if (::fallocate(fd_, 0, 0, static_cast<off_t>(size)) != 0) {
        if (reported && is_no_room(errno)) throw OutputError(std::strerror(errno));
        return;
    }
    raise_to(&reserved_, size);
}

std::uint64_t OutputBytes::size() const { return std::max(appended_.load(), end_.load()); }

bool OutputBytes::finish() {
    return reserved_ <= size() || ::ftruncate(fd_, static_cast<off_t>(size())) == 0;
}

bool OutputBytes::take_room_in(int fd) const {
    return size() == 0 || ::fallocate(fd, FALLOC_FL_KEEP_SIZE, 0, static_cast<off_t>(size())) == 0 ||
           !is_no_room(errno);
}

bool OutputBytes::copy_to(int fd) const {
    return copy_bytes(fd_, fd, size()) && ::ftruncate(fd, static_cast<off_t>(size())) == 0;
}

}  // namespace hexproof
