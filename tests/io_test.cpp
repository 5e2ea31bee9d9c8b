// Unit tests for file I/O: whole-file reads within the input limit, and output files written
// safely (output_file.hpp). tests/edges_test.sh tries the same as an attacker, through the CLIs.
#include "io.hpp"
#include "output_file.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <optional>
#include <fstream>
#include <sstream>

namespace hexproof {
namespace {

// One whole output written through an OutputFile, as the CLIs do.
bool write_output_file(const std::string& path, std::string_view bytes, const OutputOptions& options,
                       std::string* why) {
    OutputFile file;
    if (!file.open(path, options, why)) return false;
    file.bytes().write(bytes);
    return file.commit(why);
}

class TempDir : public ::testing::Test {
protected:
    void SetUp() override {
        char pattern[] = "/tmp/hexproof-io-XXXXXX";
        ASSERT_NE(::mkdtemp(pattern), nullptr);
        dir_ = pattern;
    }
    void TearDown() override { std::system(("rm -rf " + dir_).c_str()); }
    std::string path(const std::string& name) const { return dir_ + "/" + name; }
    static std::string slurp(const std::string& p) {
        std::ifstream f(p, std::ios::binary);
        std::ostringstream s;
        s << f.rdbuf();
        return s.str();
    }
    static unsigned mode_of(const std::string& p) {
        struct stat st {};
        ::stat(p.c_str(), &st);
        return st.st_mode & 07777;
    }
    static struct stat lstat_of(const std::string& p) {
        struct stat st {};
        ::lstat(p.c_str(), &st);
        return st;
    }
    // The names in the directory, sorted, space-separated.
    std::string listing() const {
        std::string names;
        FILE* ls = ::popen(("ls -A " + dir_).c_str(), "r");
        char line[4096];
        while (std::fgets(line, sizeof line, ls) != nullptr) {
            std::string name(line);
            if (!name.empty() && name.back() == '\n') name.pop_back();
            names += (names.empty() ? "" : " ") + name;
        }
        ::pclose(ls);
        return names;
    }
    std::string dir_;
};

TEST_F(TempDir, ReadsBinaryWholeFile) {
    const std::string bytes("a\0b\xff\r\n", 6);
    std::ofstream(path("in"), std::ios::binary) << bytes;
    ReadFailure failure;
    auto got = read_file(path("in"), &failure);
    ASSERT_TRUE(got.has_value());
    EXPECT_EQ(*got, bytes);
}

// A file of more than the room is refused, whether its size is known (a regular file) or not (a
// pipe): at room bytes it is read, at room + 1 it is not.
TEST_F(TempDir, ReadsAtMostTheRoom) {
    std::ofstream(path("in"), std::ios::binary) << std::string(1000, 'a');
    ReadFailure failure;
    EXPECT_TRUE(read_file(path("in"), &failure, 1000).has_value());
    EXPECT_FALSE(read_file(path("in"), &failure, 999).has_value());
    EXPECT_TRUE(failure.over_limit);
    ASSERT_EQ(std::system(("mkfifo " + path("fifo")).c_str()), 0);
    for (const std::uint64_t room : {std::uint64_t{100000}, std::uint64_t{99999}}) {
        ASSERT_EQ(std::system(("(head -c 100000 /dev/zero > " + path("fifo") + " &)").c_str()), 0);
        ReadFailure pipe_failure;
        const auto got = read_file(path("fifo"), &pipe_failure, room);
        EXPECT_EQ(got.has_value(), room == 100000);
        EXPECT_EQ(pipe_failure.over_limit, room != 100000);
    }
    // A device that never ends stops one byte past the room.
    ReadFailure endless;
    EXPECT_FALSE(read_file("/dev/zero", &endless, 5000000).has_value());
    EXPECT_TRUE(endless.over_limit);
}

// load_input applies the room to mapped files too; the input limit is the default room.
TEST_F(TempDir, LoadsAtMostTheRoom) {
    std::ofstream(path("big"), std::ios::binary) << std::string(200000, 'b');
    ReadFailure failure;
    EXPECT_TRUE(load_input(path("big"), "test", 200000, &failure).has_value());
    EXPECT_FALSE(load_input(path("big"), "test", 199999, &failure).has_value());
    EXPECT_TRUE(failure.over_limit);
    ReadFailure endless;
    EXPECT_FALSE(read_file("/dev/zero", &endless).has_value());
    EXPECT_TRUE(endless.over_limit);
}

TEST_F(TempDir, ReadsLargeFileExactly) {
    for (const std::size_t size : {std::size_t{300000}, (std::size_t{3} << 20) + 1}) {
        std::string bytes(size, '\0');
        for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i * 7 % 251);
        std::ofstream(path("big"), std::ios::binary) << bytes;
        ReadFailure failure;
        auto got = read_file(path("big"), &failure);
        ASSERT_TRUE(got.has_value());
        EXPECT_EQ(got->size(), bytes.size());
        EXPECT_TRUE(*got == bytes);
    }
}

TEST_F(TempDir, LoadsLargeFilesMappedAndSmallOnesRead) {
    for (const std::size_t size : {std::size_t{1000}, std::size_t{200000}}) {
        std::string bytes(size, '\0');
        for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i * 13 % 256);
        std::ofstream(path("in"), std::ios::binary) << bytes;
        ReadFailure failure;
        const std::optional<Input> input = load_input(path("in"), "test", max_input_bytes, &failure);
        ASSERT_TRUE(input.has_value()) << failure.why;
        EXPECT_EQ(input->name, path("in"));
        EXPECT_EQ(input->mapping != nullptr, size >= 65536);
        EXPECT_TRUE(input->view() == bytes);
        const Input copy = *input;  // copies share the mapping, which outlives the original
        EXPECT_TRUE(copy.view() == bytes);
    }
    ReadFailure failure;
    EXPECT_FALSE(load_input(path("missing"), "test", max_input_bytes, &failure).has_value());
    EXPECT_FALSE(failure.why.empty());
    ::mkdir(path("dir").c_str(), 0700);
    EXPECT_FALSE(load_input(path("dir"), "test", max_input_bytes, &failure).has_value());
    EXPECT_EQ(failure.why, "Is a directory");
    EXPECT_FALSE(failure.over_limit);
}

// A mapped input that shrinks under the process: reading past its new end stops the process
// with status 1 and a message, and the output being written is removed.
TEST_F(TempDir, InputShrinkingWhileMappedStopsCleanly) {
    std::ofstream(path("in"), std::ios::binary) << std::string(1 << 20, 'x');
    EXPECT_EXIT(
        {
            std::string why;
            ReadFailure failure;
            const std::optional<Input> input = load_input(path("in"), "test", max_input_bytes, &failure);
            if (!input || input->mapping == nullptr) std::exit(3);
            OutputFile out;
            if (!out.open(path("out"), OutputOptions{}, &why)) std::exit(4);
            if (::truncate(path("in").c_str(), 0) != 0) std::exit(5);
            volatile char last = input->view()[input->view().size() - 1];
            (void)last;
            std::exit(6);
        },
        ::testing::ExitedWithCode(1), "test: error: an input file shrank while it was being read");
    // Nothing but the (now empty) input is left in the directory.
    EXPECT_EQ(std::system(("test \"$(ls -A " + path("") + ")\" = in").c_str()), 0);
}

TEST_F(TempDir, ReadsAPipe) {
    ASSERT_EQ(
        std::system(
            ("mkfifo " + path("fifo") + " && (head -c 100000 /dev/zero > " + path("fifo") + " &)").c_str()),
        0);
    ReadFailure failure;
    auto got = read_file(path("fifo"), &failure);
    ASSERT_TRUE(got.has_value()) << failure.why;
    EXPECT_EQ(*got, std::string(100000, '\0'));
}

TEST_F(TempDir, MissingFileHasReason) {
    ReadFailure failure;
    EXPECT_FALSE(read_file(path("nope"), &failure).has_value());
    EXPECT_EQ(failure.why, "No such file or directory");
}

TEST_F(TempDir, NewExecutableOutputIs0750) {
    std::string why;
    ASSERT_TRUE(write_output_file(path("out"), "xyz", OutputOptions{true}, &why)) << why;
    EXPECT_EQ(slurp(path("out")), "xyz");
    EXPECT_EQ(mode_of(path("out")), 0750u);
}

// A new plain output gets 0666 minus the umask, as fopen would create it.
TEST_F(TempDir, NewPlainOutputFollowsTheUmask) {
    const mode_t old = ::umask(027);
    std::string why;
    const bool written = write_output_file(path("out"), "xyz", OutputOptions{false}, &why);
    ::umask(old);
    ASSERT_TRUE(written) << why;
    EXPECT_EQ(mode_of(path("out")), 0640u);
}

// The runner's own file with one name is replaced (a new inode): old permission bits without
// setuid, setgid and sticky; or 0750 when executable.
TEST_F(TempDir, OwnFileIsReplacedWithoutSpecialBits) {
    for (const bool executable : {false, true}) {
        std::ofstream(path("out")) << "old contents that are longer";
        ASSERT_EQ(::chmod(path("out").c_str(), 07755), 0);
        const ino_t before = lstat_of(path("out")).st_ino;
        OutputFile file;
        std::string why;
        ASSERT_TRUE(file.open(path("out"), OutputOptions{executable}, &why)) << why;
        EXPECT_EQ(file.way(), OutputFile::Way::replace);
        file.bytes().write("new");
        ASSERT_TRUE(file.commit(&why)) << why;
        EXPECT_EQ(slurp(path("out")), "new");
        EXPECT_EQ(mode_of(path("out")), executable ? 0750u : 0755u);
        EXPECT_NE(lstat_of(path("out")).st_ino, before);
        EXPECT_EQ(listing(), "out");
    }
}

// A file with another hard link is written in place: every name sees the new bytes.
TEST_F(TempDir, HardLinkedFileIsWrittenInPlace) {
    std::ofstream(path("out")) << "old contents that are longer";
    ASSERT_EQ(::chmod(path("out").c_str(), 04640), 0);
    ASSERT_EQ(::link(path("out").c_str(), path("other").c_str()), 0);
    const ino_t before = lstat_of(path("out")).st_ino;
    OutputFile file;
    std::string why;
    ASSERT_TRUE(file.open(path("out"), OutputOptions{false}, &why)) << why;
    EXPECT_EQ(file.way(), OutputFile::Way::in_place);
    file.bytes().write("new");
    ASSERT_TRUE(file.commit(&why)) << why;
    EXPECT_EQ(slurp(path("other")), "new");
    EXPECT_EQ(lstat_of(path("out")).st_ino, before);
    EXPECT_EQ(lstat_of(path("out")).st_nlink, 2u);
    EXPECT_EQ(mode_of(path("out")), 0640u);
    EXPECT_EQ(listing(), "other out");
}

// A symbolic link is written through, never replaced; a link to nothing creates its target.
TEST_F(TempDir, SymbolicLinkIsWrittenThrough) {
    std::ofstream(path("target")) << "old contents that are longer";
    ASSERT_EQ(::symlink("target", path("link").c_str()), 0);
    ASSERT_EQ(::symlink("created", path("dangling").c_str()), 0);
    for (const char* name : {"link", "dangling"}) {
        OutputFile file;
        std::string why;
        ASSERT_TRUE(file.open(path(name), OutputOptions{true}, &why)) << why;
        EXPECT_EQ(file.way(), OutputFile::Way::in_place);
        file.bytes().write("new");
        ASSERT_TRUE(file.commit(&why)) << why;
        EXPECT_TRUE(S_ISLNK(lstat_of(path(name)).st_mode));
        EXPECT_EQ(slurp(path(name)), "new");
        EXPECT_EQ(mode_of(path(name)), 0750u);
    }
    EXPECT_EQ(listing(), "created dangling link target");
}

// Another user's file, written by root, keeps its owner, inode and mode (without setuid).
TEST_F(TempDir, OtherUsersFileKeepsItsOwner) {
    if (::geteuid() != 0) GTEST_SKIP() << "needs root to give a file to another user";
    std::ofstream(path("out")) << "old";
    ASSERT_EQ(::chown(path("out").c_str(), 65534, 65534), 0);
    ASSERT_EQ(::chmod(path("out").c_str(), 04777), 0);
    const ino_t before = lstat_of(path("out")).st_ino;
    std::string why;
    OutputFile file;
    ASSERT_TRUE(file.open(path("out"), OutputOptions{false}, &why)) << why;
    EXPECT_EQ(file.way(), OutputFile::Way::in_place);
    file.bytes().write("new bytes");
    ASSERT_TRUE(file.commit(&why)) << why;
    const struct stat st = lstat_of(path("out"));
    EXPECT_EQ(st.st_uid, 65534u);
    EXPECT_EQ(st.st_gid, 65534u);
    EXPECT_EQ(st.st_ino, before);
    EXPECT_EQ(st.st_mode & 07777, 0777u);
    EXPECT_EQ(slurp(path("out")), "new bytes");
}

// Without commit() nothing changes and nothing is left, whichever way the output was going.
TEST_F(TempDir, UncommittedOutputLeavesNothing) {
    std::ofstream(path("mine")) << "old";
    std::ofstream(path("linked")) << "old";
    ASSERT_EQ(::link(path("linked").c_str(), path("linked2").c_str()), 0);
    const std::string before = listing();
    for (const char* name : {"new", "mine", "linked"}) {
        OutputFile file;
        std::string why;
        ASSERT_TRUE(file.open(path(name), OutputOptions{true}, &why)) << why;
        file.bytes().expect_size(1 << 20);
        file.bytes().write(std::string(1 << 20, 'x'));
    }
    EXPECT_EQ(listing(), before);
    EXPECT_EQ(slurp(path("mine")), "old");
    EXPECT_EQ(slurp(path("linked2")), "old");
}

// A write that fails throws at once: here a device that is always full.
TEST_F(TempDir, FailedWriteThrows) {
    OutputFile file;
    std::string why;
    ASSERT_TRUE(file.open("/dev/full", OutputOptions{false}, &why)) << why;
    EXPECT_EQ(file.way(), OutputFile::Way::direct);
    EXPECT_FALSE(file.bytes().can_write_at());
    try {
        file.bytes().write("x");
        ADD_FAILURE() << "no exception";
    } catch (const OutputError& e) {
        EXPECT_STREQ(e.what(), "No space left on device");
    }
}

// Names of up to NAME_MAX bytes work, new or replaced; one more byte is the system's error.
TEST_F(TempDir, LongestNamesWork) {
    const std::string longest(255, 'n');
    for (int round = 0; round < 2; ++round) {
        std::string why;
        ASSERT_TRUE(write_output_file(path(longest), "abc", OutputOptions{false}, &why)) << why;
        EXPECT_EQ(slurp(path(longest)), "abc");
    }
    EXPECT_EQ(listing(), longest);
    std::string why;
    EXPECT_FALSE(write_output_file(path(longest + "n"), "abc", OutputOptions{false}, &why));
    EXPECT_EQ(why, "File name too long");
}

TEST_F(TempDir, UnwritableDirectoryIsReported) {
    std::string why;
    EXPECT_FALSE(output_writable("/nonexistent-hexproof-dir/out", &why));
    EXPECT_FALSE(why.empty());
    EXPECT_FALSE(write_output_file("/nonexistent-hexproof-dir/out", "x", OutputOptions{}, &why));
}

// The size asked for only takes room: the file ends where the bytes written end, whether more
// or less room was taken, and whether the pieces came in order or by position, in every way.
TEST_F(TempDir, ExpectedSizeOnlyTakesRoom) {
    const std::string bytes = "0123456789abcdef";
    std::ofstream(path("linked")) << "old contents that are much longer than the new ones";
    ASSERT_EQ(::link(path("linked").c_str(), path("linked2").c_str()), 0);
    for (const char* name : {"hinted", "linked"}) {
        for (const std::uint64_t hint : {std::uint64_t{1} << 20, std::uint64_t{4}, std::uint64_t{16}}) {
            for (const bool positional : {false, true}) {
                const std::string p = path(name);
                OutputFile file;
                std::string why;
                ASSERT_TRUE(file.open(p, OutputOptions{}, &why)) << why;
                file.bytes().expect_size(hint);
                if (positional) {
                    file.bytes().write_at(10, std::string_view(bytes).substr(10));
                    file.bytes().write(std::string_view(bytes).substr(0, 10));
                } else {
                    file.bytes().write(bytes);
                }
                ASSERT_TRUE(file.commit(&why)) << why;
                EXPECT_EQ(slurp(p), bytes) << name << ", hint " << hint << (positional ? ", positional" : "");
            }
        }
    }
    EXPECT_EQ(listing(), "hinted linked linked2");
}

TEST_F(TempDir, DirectoryIsNotAnOutput) {
    std::string why;
    EXPECT_FALSE(output_writable(dir_, &why));
    EXPECT_EQ(why, "Is a directory");
    OutputFile file;
    EXPECT_FALSE(file.open(dir_, OutputOptions{}, &why));
    EXPECT_EQ(why, "Is a directory");
}

// The bytes of one output are counted from 0: an OutputFile that was opened is not opened again
// (after a failed open it may be).
TEST_F(TempDir, OutputFileIsOpenedOnce) {
    std::string why;
    OutputFile file;
    EXPECT_FALSE(file.open(dir_, OutputOptions{}, &why));
    ASSERT_TRUE(file.open(path("a"), OutputOptions{}, &why)) << why;
    file.bytes().write("abc");
    EXPECT_FALSE(file.open(path("b"), OutputOptions{}, &why));
    EXPECT_EQ(why, "an output file is opened once");
    ASSERT_TRUE(file.commit(&why)) << why;
    EXPECT_EQ(slurp(path("a")), "abc");
    EXPECT_EQ(listing(), "a");
}

}  // namespace
}  // namespace hexproof
