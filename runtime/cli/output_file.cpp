// The `-o` file: a scratch file first, then a new name, an atomic replacement or a copy in place.
// Nothing here writes, cuts or copies file contents; bytes_ (output_bytes.hpp) does.
#include "output_file.hpp"

#include "cleanup.hpp"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/xattr.h>
#include <unistd.h>
#include <vector>

namespace hexproof {

namespace {

std::string errno_text() { return std::strerror(errno); }

std::string directory_of(const std::string& path) {
    const std::size_t slash = path.rfind('/');
    if (slash == std::string::npos) return ".";
    if (slash == 0) return "/";
    return path.substr(0, slash);
}

mode_t current_umask() {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return mask;
}

// A fresh name for a temporary file beside `name` in the directory dir_fd: the name cut short
// enough that it plus ".tmp-" and six random characters fit the directory's NAME_MAX.
std::string temporary_name(int dir_fd, const std::string& name) {
    long limit = ::fpathconf(dir_fd, _PC_NAME_MAX);
    if (limit <= 0 || limit > NAME_MAX) limit = NAME_MAX;
    const std::string suffix = ".tmp-";
    const std::size_t room = static_cast<std::size_t>(limit) - suffix.size() - 6;
    std::string temp = name.substr(0, std::min(name.size(), room)) + suffix;
    unsigned char random[6];
    if (::getrandom(random, sizeof random, GRND_NONBLOCK) != static_cast<ssize_t>(sizeof random)) {
        static unsigned counter = 0;  // no entropy yet: still distinct within this process
        const auto seed = static_cast<unsigned long>(::getpid()) * 2654435761u + ++counter +
                          static_cast<unsigned long>(std::time(nullptr));
        for (std::size_t i = 0; i < sizeof random; ++i)
            random[i] = static_cast<unsigned char>(seed >> (5 * i));
    }
    const char* letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    for (const unsigned char r : random) temp += letters[r % 62];
    return temp;
}

std::string fd_path(int fd) { return "/proc/self/fd/" + std::to_string(fd); }

// Gives the unnamed file fd the name `name` in dir_fd (never replacing one): through /proc, or
// AT_EMPTY_PATH where the process may. False with errno set.
bool link_unnamed(int fd, int dir_fd, const std::string& name) {
    if (::linkat(AT_FDCWD, fd_path(fd).c_str(), dir_fd, name.c_str(), AT_SYMLINK_FOLLOW) == 0) return true;
    if (errno == EEXIST) return false;
    return ::linkat(fd, "", dir_fd, name.c_str(), AT_EMPTY_PATH) == 0;
}

}  // namespace

OutputFile::~OutputFile() { discard(); }

void OutputFile::discard() {
    if (scratch_fd_ >= 0) ::close(scratch_fd_);
    scratch_fd_ = -1;
    if (!scratch_name_.empty()) {
        ::unlinkat(dir_fd_, scratch_name_.c_str(), 0);
        cleanup::forget_temporary();
        scratch_name_.clear();
    }
    if (target_fd_ >= 0) ::close(target_fd_);
    target_fd_ = -1;
    if (dir_fd_ >= 0) ::close(dir_fd_);
    dir_fd_ = -1;
    way_ = Way::none;
}

bool OutputFile::open(const std::string& path, const OutputOptions& options, std::string* why) {
    if (way_ != Way::none || bytes_.size() != 0) {  // bytes_ counts one output from 0
        *why = "an output file is opened once";
        return false;
    }
    discard();
    executable_ = options.executable;
    if (path.empty()) {
        *why = std::strerror(ENOENT);
        return false;
    }
    const std::string dir = directory_of(path);
    name_ = path.substr(path.rfind('/') + 1);  // npos + 1 is 0
    struct stat st {};
    const bool exists = ::lstat(path.c_str(), &st) == 0;
    if (!exists && errno != ENOENT) {
        *why = errno_text();
        return false;
    }
    if (exists && S_ISDIR(st.st_mode)) {
        *why = std::strerror(EISDIR);
        return false;
    }
    if (exists && !S_ISREG(st.st_mode)) return open_through(path, why);
    if (name_.empty()) {  // "dir/" that does not exist
        *why = std::strerror(EISDIR);
        return false;
    }
    dir_fd_ = ::open(dir.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (dir_fd_ < 0) {
        *why = dir + ": " + errno_text();
        return false;
    }
    if (exists && open_existing(dir, why)) return true;
    if (!exists) {
        way_ = Way::create;
        mode_ = executable_ ? 0750 : (0666 & ~current_umask());
        if (open_scratch_beside(why)) return true;
    }
    discard();
    return false;
}

// An existing regular file: replaced where the runner owns it alone, else written in place.
bool OutputFile::open_existing(const std::string& dir, std::string* why) {
    target_fd_ = ::openat(dir_fd_, name_.c_str(), O_WRONLY | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC);
    if (target_fd_ < 0 || ::fstat(target_fd_, &target_st_) != 0) {
        *why = errno_text();
        return false;
    }
    if (!S_ISREG(target_st_.st_mode)) {
        *why = "it stopped being a regular file while it was opened";
        return false;
    }
    mode_ = executable_ ? 0750 : (target_st_.st_mode & 0777);
    const bool has_acl = ::fgetxattr(target_fd_, "system.posix_acl_access", nullptr, 0) >= 0;
    if (target_st_.st_uid == ::geteuid() && target_st_.st_nlink == 1 && !has_acl) {
        std::string ignored;
        if (open_scratch_beside(&ignored)) {
            struct stat scratch {};
            if (::fstat(scratch_fd_, &scratch) == 0 &&
                (scratch.st_gid == target_st_.st_gid ||
                 ::fchown(scratch_fd_, static_cast<uid_t>(-1), target_st_.st_gid) == 0)) {
                way_ = Way::replace;
                return true;
            }
            ::close(scratch_fd_);
            scratch_fd_ = -1;
            if (!scratch_name_.empty()) {
                ::unlinkat(dir_fd_, scratch_name_.c_str(), 0);
                cleanup::forget_temporary();
                scratch_name_.clear();
            }
        }
    }
    way_ = Way::in_place;
    return open_private_scratch(dir, why);
}

// A symbolic link, FIFO, device or socket: opened through its path, never replaced.
bool OutputFile::open_through(const std::string& path, std::string* why) {
    struct stat st {};
    // A symbolic link to nothing: upstream's fopen creates the file it names.
    const bool dangling = ::stat(path.c_str(), &st) != 0 && errno == ENOENT;
    if (!dangling && S_ISDIR(st.st_mode)) {
        *why = std::strerror(EISDIR);
        return false;
    }
    target_fd_ = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC | (dangling ? O_CREAT : 0), 0666);
    if (target_fd_ < 0 || ::fstat(target_fd_, &target_st_) != 0) {
        *why = errno_text();
        discard();
        return false;
    }
    if (!S_ISREG(target_st_.st_mode)) {
        way_ = Way::direct;
        bytes_.attach(target_fd_, false);
        return true;
    }
    way_ = Way::in_place;
    std::string near;
    if (char* real = ::realpath(path.c_str(), nullptr)) {
        near = directory_of(real);
        std::free(real);
    }
    if (open_private_scratch(near, why)) return true;
    discard();
    return false;
}

// The scratch file of a new or replaced file, in the target's directory: unnamed where the file
// system can (O_TMPFILE), else under a temporary name noted for the signal handlers.
bool OutputFile::open_scratch_beside(std::string* why) {
    scratch_fd_ = ::openat(dir_fd_, ".", O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (scratch_fd_ >= 0) {
        bytes_.attach(scratch_fd_, true);
        return true;
    }
    if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL) {
        *why = errno_text();
        return false;
    }
    for (int attempt = 0; attempt < 100; ++attempt) {
        const std::string temp = temporary_name(dir_fd_, name_);
        cleanup::note_temporary(dir_fd_, temp);
        scratch_fd_ =
            ::openat(dir_fd_, temp.c_str(), O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (scratch_fd_ >= 0) {
            scratch_name_ = temp;
            bytes_.attach(scratch_fd_, true);
            return true;
        }
        cleanup::forget_temporary();
        if (errno != EEXIST) break;
    }
    *why = errno_text();
    return false;
}

// The scratch file of a file written in place: unnamed, near the target if possible, else in
// $TMPDIR or /tmp, else in memory.
bool OutputFile::open_private_scratch(const std::string& near, std::string* why) {
    std::vector<std::string> places;
    if (!near.empty()) places.push_back(near);
    if (const char* tmpdir = std::getenv("TMPDIR"); tmpdir != nullptr && tmpdir[0] == '/')
        places.push_back(tmpdir);
    places.push_back("/tmp");
    for (const std::string& place : places) {
        scratch_fd_ = ::open(place.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
        if (scratch_fd_ >= 0) break;
    }
    if (scratch_fd_ < 0) scratch_fd_ = ::memfd_create("hexproof-output", MFD_CLOEXEC);
    if (scratch_fd_ >= 0) {
        bytes_.attach(scratch_fd_, true);
        return true;
    }
    *why = "no scratch file: " + errno_text();
    return false;
}

// Gives the (unnamed) scratch file a temporary name beside the target, noted for the signal
// handlers; where it cannot be linked, its bytes are copied into a new temporary file.
bool OutputFile::name_scratch(std::string* why) {
    for (int attempt = 0; attempt < 100; ++attempt) {
        const std::string temp = temporary_name(dir_fd_, name_);
        cleanup::note_temporary(dir_fd_, temp);
        if (link_unnamed(scratch_fd_, dir_fd_, temp)) {
            scratch_name_ = temp;
            return true;
        }
        if (errno == EEXIST) continue;
        const int copy =
            ::openat(dir_fd_, temp.c_str(), O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (copy < 0 && errno == EEXIST) continue;
        if (copy < 0) break;
        scratch_name_ = temp;
        struct stat st {};
        const bool ok = bytes_.copy_to(copy) && ::fchmod(copy, mode_) == 0 && ::fstat(copy, &st) == 0 &&
                        (way_ != Way::replace || st.st_gid == target_st_.st_gid ||
                         ::fchown(copy, static_cast<uid_t>(-1), target_st_.st_gid) == 0);
        const int error = errno;
        ::close(scratch_fd_);
        scratch_fd_ = copy;
        bytes_.attach(copy, true);
        if (ok) return true;
        *why = std::strerror(error);
        return false;
    }
    cleanup::forget_temporary();
    *why = errno_text();
    return false;
}

// A new file: the scratch file takes the target's name, which nothing else may have taken meanwhile.
bool OutputFile::give_name(std::string* why) {
    if (scratch_name_.empty()) {
        if (link_unnamed(scratch_fd_, dir_fd_, name_)) return true;
        if (errno == EEXIST) {
            *why = "File exists (another process created it during the run)";
            return false;
        }
        if (!name_scratch(why)) return false;
    }
    int moved = ::renameat2(dir_fd_, scratch_name_.c_str(), dir_fd_, name_.c_str(), RENAME_NOREPLACE);
    if (moved != 0 && errno == EINVAL)
        moved = ::renameat(dir_fd_, scratch_name_.c_str(), dir_fd_, name_.c_str());
    if (moved != 0) {
        *why = errno == EEXIST ? "File exists (another process created it during the run)" : errno_text();
        return false;
    }
    cleanup::forget_temporary();
    scratch_name_.clear();
    return true;
}

// Writes the output over the start of the target and cuts it there. Room is taken first, so a
// full file system leaves the file unchanged; a failure after that leaves it written in part.
bool OutputFile::copy_in_place(std::string* why) {
    if (!bytes_.take_room_in(target_fd_)) {
        *why = errno_text() + " (the file is unchanged)";
        return false;
    }
    if (!bytes_.copy_to(target_fd_)) {
        *why = errno_text() + " (the file was written only in part)";
        return false;
    }
    // Never setuid or setgid; executable output gets upstream's mode. The owner may change the
    // mode; for anyone else the kernel has already cleared setuid and setgid on the write.
    struct stat st {};
    const unsigned want = executable_ ? 0750 : (target_st_.st_mode & 0777);
    if (::fstat(target_fd_, &st) == 0 && (st.st_mode & 07777) != want && ::fchmod(target_fd_, want) != 0 &&
        errno != EPERM) {
        *why = errno_text();
        return false;
    }
    return true;
}

bool OutputFile::commit(std::string* why) {
    bool ok = true;
    switch (way_) {
        case Way::none: *why = "not open"; return false;
        case Way::direct: break;
        case Way::in_place: ok = copy_in_place(why); break;
        case Way::create:
        case Way::replace:
            if (!bytes_.finish() || ::fchmod(scratch_fd_, mode_) != 0) {
                *why = errno_text();
                ok = false;
            } else if (way_ == Way::create) {
                ok = give_name(why);
            } else if (scratch_name_.empty() && !name_scratch(why)) {
                ok = false;
            } else if (::renameat(dir_fd_, scratch_name_.c_str(), dir_fd_, name_.c_str()) == 0) {
                cleanup::forget_temporary();
                scratch_name_.clear();
            } else {
                // Not replaceable after all (a mount point, a sticky directory): in place.
                ok = copy_in_place(why);
            }
            break;
    }
    if (target_fd_ >= 0) {
        if (::close(target_fd_) != 0 && ok) {
            *why = errno_text();
            ok = false;
        }
        target_fd_ = -1;
    }
    discard();
    return ok;
}

bool output_writable(const std::string& path, std::string* why) {
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
        *why = std::strerror(EISDIR);
        return false;
    }
    if (::lstat(path.c_str(), &st) == 0) {
        if (S_ISLNK(st.st_mode) && ::stat(path.c_str(), &st) != 0) return true;  // created through the link
        if (::faccessat(AT_FDCWD, path.c_str(), W_OK, AT_EACCESS) == 0) return true;
        *why = errno_text();
        return false;
    }
    if (errno != ENOENT) {
        *why = errno_text();
        return false;
    }
    const std::string dir = directory_of(path);
    if (::faccessat(AT_FDCWD, dir.c_str(), W_OK | X_OK, AT_EACCESS) != 0) {
        *why = dir + ": " + errno_text();
        return false;
    }
    return true;
}

}  // namespace hexproof
