// The `-o` file of the CLIs: what a user expects of it, written down in docs/contract.md
// ("Output files"). This is where the output goes, not what it holds: the bytes are written, cut
// and copied by its OutputBytes (output_bytes.hpp) alone; this file opens the descriptors, sets
// modes and names (docs/trusted-base.md says why that cannot change the bytes).
//
// The output is first written to a scratch file (unnamed where the file system allows), so that a
// failed run leaves the target as it was and no temporary file behind. On success it reaches the
// target in one of three ways, chosen when the file is opened:
//   - a new file: the scratch file is given the target's name (mode 0750 for an executable hex2
//     output, as upstream's chmod; else 0666 minus the umask, as fopen);
//   - an existing regular file that the runner owns, with no other hard link and no ACL, in a
//     directory the runner can write: the scratch file, given the old group and permission bits
//     (never setuid, setgid or sticky), replaces it atomically by rename;
//   - any other existing regular file, and a regular file reached through a symbolic link (such
//     as /dev/stdout or /proc/self/fd/1 when standard output is a file): the bytes are copied
//     into it in place, so it keeps its owner, group, other names and permission bits (without
//     setuid and setgid), as upstream's fopen "w" would.
// Anything else (a FIFO, a device, a pipe behind /dev/stdout) is written as the bytes come.
#pragma once

#include <cstdint>
#include <string>
#include <sys/stat.h>

#include "output_bytes.hpp"

namespace hexproof {

struct OutputOptions {
    bool executable = false;  // hex2 without --non-executable: mode 0750, as upstream's chmod
};

class OutputFile {
public:
    enum class Way { none, create, replace, in_place, direct };

    explicit OutputFile(std::uint64_t limit = UINT64_MAX) : bytes_(limit) {}
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;
    ~OutputFile();  // without commit(): the target is left as it was, the scratch file removed

    // Opens the target and a scratch file; false with *why when the target cannot be written
    // (nothing is created or changed then). A FIFO blocks until it has a reader, as upstream.
    // Once open, an OutputFile is not opened again.
    bool open(const std::string& path, const OutputOptions& options, std::string* why);
    Way way() const { return way_; }

    // Where the engine writes, once open: at offsets into the scratch file, or in order to a
    // FIFO or device. It refuses an output of more than `limit` bytes.
    OutputBytes& bytes() { return bytes_; }

    // Puts the output in place; false with *why (and the target as it was, except for a FIFO or
    // device, or a copy in place that failed half way, which *why says) on failure.
    bool commit(std::string* why);

private:
    bool open_existing(const std::string& dir, std::string* why);
    bool open_through(const std::string& path, std::string* why);
    bool open_scratch_beside(std::string* why);
    bool open_private_scratch(const std::string& near, std::string* why);
    bool name_scratch(std::string* why);
    bool give_name(std::string* why);
    bool copy_in_place(std::string* why);
    void discard();

    OutputBytes bytes_;

    Way way_ = Way::none;
    bool executable_ = false;
    std::string name_;          // the target's name in its directory
    int dir_fd_ = -1;           // the target's directory (new and replaced files)
    int target_fd_ = -1;        // the target itself (existing files, written in place or direct)
    int scratch_fd_ = -1;       // the scratch file
    std::string scratch_name_;  // its name in dir_fd_ when it has one
    struct stat target_st_ {};  // the existing target, as opened
    unsigned mode_ = 0;         // permission bits the result gets
};

// Whether the runner may write path (as the effective user), without creating or changing
// anything: the check upstream's early fopen makes. A directory is refused.
bool output_writable(const std::string& path, std::string* why);

}  // namespace hexproof
