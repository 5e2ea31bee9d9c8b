// Scratch folders: see scratch.hpp.
#include "scratch.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <vector>

namespace hexproof::oracle {

namespace {

std::string error_text(const std::string& what) { return what + ": " + std::strerror(errno); }

// Removing a tree holds one descriptor per level; folders deeper than this are first moved up
// to the top of the tree (renamed), so a hostile depth costs renames, not descriptors or stack.
constexpr int max_depth = 16;

class Remover {
public:
    explicit Remover(int top) : top_(top) {}

    // Empties the folder `fd` at `depth` below the top; false when something stays.
    bool empty(int fd, int depth) {
        for (;;) {
            const int listing = fcntl(fd, F_DUPFD_CLOEXEC, 0);
            DIR* dir = listing >= 0 ? fdopendir(listing) : nullptr;
            if (!dir) {
                if (listing >= 0) close(listing);
                note(error_text("cannot list a scratch folder"));
                return false;
            }
            rewinddir(dir);  // the copy shares the offset of fd, which the last pass left at the end
            std::size_t seen = 0, progress = 0;
            while (const dirent* entry = readdir(dir)) {
                const char* name = entry->d_name;
                if (std::strcmp(name, ".") == 0 || std::strcmp(name, "..") == 0) continue;
                ++seen;
                if (remove_entry(fd, name, depth)) ++progress;
            }
            closedir(dir);
            if (seen == 0) return true;
            if (progress == 0) return false;
        }
    }

    std::string why;

private:
    void note(const std::string& problem) {
        if (why.empty()) why = problem;
    }

    // Opens a folder for emptying: searchable and writable again whatever mode it was left in.
    static int open_folder(int parent, const char* name) {
        int fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0 && errno == EACCES && fchmodat(parent, name, 0700, 0) == 0)
            fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (fd >= 0) fchmod(fd, 0700);
        return fd;
    }

    bool remove_entry(int fd, const char* name, int depth) {
        if (unlinkat(fd, name, 0) == 0) return true;
        if (errno != EISDIR && errno != EPERM) {
            note(error_text(std::string("cannot remove scratch file ") + name));
            return false;
        }
        if (depth >= max_depth && fd != top_) {
            for (;;) {
                const std::string to = "deep." + std::to_string(moved_++);
                if (renameat2(fd, name, top_, to.c_str(), RENAME_NOREPLACE) == 0) return true;
                if (errno != EEXIST) {
                    note(error_text("cannot move a deep scratch folder up"));
                    return false;
                }
            }
        }
        const int child = open_folder(fd, name);
        if (child < 0) {
            note(error_text(std::string("cannot open scratch folder ") + name));
            return false;
        }
        empty(child, depth + 1);
        close(child);
        if (unlinkat(fd, name, AT_REMOVEDIR) == 0) return true;
        note(error_text(std::string("cannot remove scratch folder ") + name));
        return false;
    }

    int top_;
    std::uint64_t moved_ = 0;
};

std::string kind_of(mode_t mode) {
    if (S_ISDIR(mode)) return "a folder";
    if (S_ISFIFO(mode)) return "a FIFO";
    if (S_ISSOCK(mode)) return "a socket";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
    return "not a regular file";
}

}  // namespace

bool remove_tree(int parent_fd, const std::string& name, std::string* why) {
    if (unlinkat(parent_fd, name.c_str(), AT_REMOVEDIR) == 0 || errno == ENOENT) return true;
    const int fd = openat(parent_fd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        // Not a folder (or one we cannot open): remove it as a file.
        if (unlinkat(parent_fd, name.c_str(), 0) == 0) return true;
        if (errno != EACCES || fchmodat(parent_fd, name.c_str(), 0700, 0) != 0) {
            *why = error_text("cannot remove " + name);
            return false;
        }
        return remove_tree(parent_fd, name, why);
    }
    fchmod(fd, 0700);
    Remover remover(fd);
    remover.empty(fd, 0);
    close(fd);
    if (unlinkat(parent_fd, name.c_str(), AT_REMOVEDIR) == 0) return true;
    *why = remover.why.empty() ? error_text("cannot remove " + name) : remover.why;
    return false;
}

std::unique_ptr<ScratchRoot> ScratchRoot::create(const std::string& tmpdir, bool shared, std::string* why) {
    std::unique_ptr<ScratchRoot> root(new ScratchRoot());
    root->parent_fd_ = open(tmpdir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (root->parent_fd_ < 0) {
        *why = error_text("cannot open the temporary folder " + tmpdir);
        return nullptr;
    }
    std::string templ = tmpdir + (tmpdir.size() > 1 ? "/" : "") + "hexproof-oracle.XXXXXX";
    std::vector<char> buf(templ.begin(), templ.end());
    buf.push_back('\0');
    if (!mkdtemp(buf.data())) {
        *why = error_text("cannot make a scratch folder in " + tmpdir);
        return nullptr;
    }
    root->path_ = buf.data();
    root->name_ = root->path_.substr(root->path_.rfind('/') + 1);
    root->fd_ =
        openat(root->parent_fd_, root->name_.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (root->fd_ < 0 || (shared && fchmod(root->fd_, 0711) != 0)) {
        *why = error_text("cannot open the scratch folder " + root->path_);
        return nullptr;  // the destructor removes it
    }
    return root;
}

ScratchRoot::~ScratchRoot() {
    if (fd_ >= 0) close(fd_);
    if (parent_fd_ >= 0 && !name_.empty()) {
        std::string why;
        if (!remove_tree(parent_fd_, name_, &why))
            std::fprintf(stderr, "hexproof oracle: scratch folder %s left behind: %s\n", path_.c_str(),
                         why.c_str());
    }
    if (parent_fd_ >= 0) close(parent_fd_);
}

bool make_folder(const ScratchRoot& root, long owner, ScratchFolder* folder, std::string* why) {
    static std::atomic<std::uint64_t> counter{0};
    for (;;) {
        folder->name = "run." + std::to_string(counter++);
        if (mkdirat(root.fd(), folder->name.c_str(), 0700) == 0) break;
        if (errno != EEXIST) {
            *why = error_text("cannot make a scratch folder in " + root.path());
            return false;
        }
    }
    folder->path = root.path() + "/" + folder->name;
    folder->fd = openat(root.fd(), folder->name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (folder->fd < 0 ||
        (owner >= 0 && fchown(folder->fd, static_cast<uid_t>(owner), static_cast<gid_t>(owner)) != 0)) {
        *why = error_text("cannot prepare the scratch folder " + folder->path);
        return false;
    }
    return true;
}

bool write_new_file(int folder_fd, const std::string& name, std::string_view bytes, std::string* why) {
    const int fd =
        openat(folder_fd, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) {
        *why = error_text("cannot write scratch file " + name);
        return false;
    }
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            *why = error_text("cannot write scratch file " + name);
            close(fd);
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    fchmod(fd, 0644);  // whatever the umask
    close(fd);
    return true;
}

ReadBack read_regular_file(int folder_fd, const std::string& name, std::uint64_t limit) {
    ReadBack r;
    fchmod(folder_fd, 0700);  // in case the implementation took its folder's modes away
    const int fd = openat(folder_fd, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT)
            r.problem = "no file named " + name + " was written";
        else if (errno == ELOOP)
            r.problem = name + " is a symbolic link (not followed)";
        else
            r.problem = error_text(name + " cannot be opened");
        return r;
    }
    struct stat st {};
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        r.problem = name + " is " + kind_of(st.st_mode) + " (not read)";
        close(fd);
        return r;
    }
    if (static_cast<std::uint64_t>(st.st_size) > limit) {
        r.problem = name + " holds more than the output limit of " + std::to_string(limit) + " bytes";
        close(fd);
        return r;
    }
    std::string bytes(static_cast<std::size_t>(st.st_size), '\0');
    std::size_t done = 0;
    for (;;) {
        if (done == bytes.size()) {
            if (bytes.size() > limit) break;
            bytes.resize(std::min<std::uint64_t>(limit + 1, bytes.size() + 65536));  // it grew
        }
        const ssize_t n = read(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            r.problem = error_text(name + " cannot be read");
            close(fd);
            return r;
        }
        if (n == 0) break;
        done += static_cast<std::size_t>(n);
    }
    close(fd);
    if (done > limit) {
        r.problem = name + " holds more than the output limit of " + std::to_string(limit) + " bytes";
        return r;
    }
    bytes.resize(done);
    r.bytes = std::move(bytes);
    return r;
}

}  // namespace hexproof::oracle
