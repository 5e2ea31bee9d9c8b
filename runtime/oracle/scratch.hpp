// Scratch folders (docs/oracle.md, "Containment"): one private folder per oracle run, under the
// TMPDIR resolved when the oracle starts, and a fresh folder in it for every invocation. Files are
// written and read relative to folder descriptors, never through a symbolic link, and a folder is
// removed whatever the implementation did to it (modes, links, FIFOs, deep trees).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace hexproof::oracle {

class ScratchRoot {
public:
    // Makes TMPDIR/hexproof-oracle.XXXXXX (tmpdir absolute). Mode 0700, or 0711 when `shared`:
    // the implementation runs as another user and must reach its folder. nullptr with *why.
    static std::unique_ptr<ScratchRoot> create(const std::string& tmpdir, bool shared, std::string* why);
    ~ScratchRoot();  // removes the root and everything in it
    ScratchRoot(const ScratchRoot&) = delete;
    ScratchRoot& operator=(const ScratchRoot&) = delete;

    const std::string& path() const { return path_; }
    int fd() const { return fd_; }
    // Why the last removal failed (empty when it did not): the report says so.
    std::string removal_problem;

private:
    ScratchRoot() = default;
    std::string path_;
    std::string name_;  // in parent_fd_
    int parent_fd_ = -1;
    int fd_ = -1;
};

// A folder for one invocation, open as fd.
struct ScratchFolder {
    std::string name;  // in the root
    std::string path;  // absolute
    int fd = -1;
};

// Makes a fresh folder in the root, owned by `owner` (uid and gid) when owner >= 0.
bool make_folder(const ScratchRoot& root, long owner, ScratchFolder* folder, std::string* why);

// Writes a new file `name` (one path component) in the folder, mode 0644.
bool write_new_file(int folder_fd, const std::string& name, std::string_view bytes, std::string* why);

// The bytes of the file `name` in the folder: only a regular file, not through a symbolic link,
// opened without blocking (a FIFO is refused, not read), at most `limit` bytes of it.
struct ReadBack {
    std::optional<std::string> bytes;
    std::string problem;  // when there are no bytes: "no file named out", "out is a FIFO", ...
};
ReadBack read_regular_file(int folder_fd, const std::string& name, std::uint64_t limit);

// Removes `name` in parent_fd and everything in it, without following a symbolic link, giving
// folders back the modes needed to empty them; false with *why when something stays.
bool remove_tree(int parent_fd, const std::string& name, std::string* why);

}  // namespace hexproof::oracle
