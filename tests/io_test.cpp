// Unit tests for file I/O: whole-file reads and atomic, permission-preserving writes.
#include "io.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <optional>
#include <fstream>
#include <sstream>

namespace hexproof {
namespace {

// One whole output written through an AtomicOutputFile, as the CLIs do.
bool write_output_file(const std::string& path, std::string_view bytes, const OutputOptions& options,
                       std::string* why) {
    AtomicOutputFile file;
    if (!file.open(path, options, why)) return false;
    file.write(bytes);
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
    std::string dir_;
};

TEST_F(TempDir, ReadsBinaryWholeFile) {
    const std::string bytes("a\0b\xff\r\n", 6);
    std::ofstream(path("in"), std::ios::binary) << bytes;
    std::string why;
    auto got = read_file(path("in"), &why);
    ASSERT_TRUE(got.has_value());
    EXPECT_EQ(*got, bytes);
}

TEST_F(TempDir, ReadsLargeFileExactly) {
    for (const std::size_t size : {std::size_t{300000}, (std::size_t{3} << 20) + 1}) {
        std::string bytes(size, '\0');
        for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i * 7 % 251);
        std::ofstream(path("big"), std::ios::binary) << bytes;
        std::string why;
        auto got = read_file(path("big"), &why);
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
        std::string why;
        const std::optional<Input> input = load_input(path("in"), "test", &why);
        ASSERT_TRUE(input.has_value()) << why;
        EXPECT_EQ(input->name, path("in"));
        EXPECT_EQ(input->mapping != nullptr, size >= 65536);
        EXPECT_TRUE(input->view() == bytes);
        const Input copy = *input;  // copies share the mapping, which outlives the original
        EXPECT_TRUE(copy.view() == bytes);
    }
    std::string why;
    EXPECT_FALSE(load_input(path("missing"), "test", &why).has_value());
    EXPECT_FALSE(why.empty());
    ::mkdir(path("dir").c_str(), 0700);
    EXPECT_FALSE(load_input(path("dir"), "test", &why).has_value());
    EXPECT_EQ(why, "Is a directory");
}

// A mapped input that shrinks under the process: reading past its new end stops the process
// with status 1 and a message, and the temporary output being written is removed.
TEST_F(TempDir, InputShrinkingWhileMappedStopsCleanly) {
    std::ofstream(path("in"), std::ios::binary) << std::string(1 << 20, 'x');
    EXPECT_EXIT(
        {
            std::string why;
            const std::optional<Input> input = load_input(path("in"), "test", &why);
            if (!input || input->mapping == nullptr) std::exit(3);
            AtomicOutputFile out;
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
    ASSERT_EQ(std::system(("mkfifo " + path("fifo") + " && (head -c 100000 /dev/zero > " + path("fifo") +
                           " &)").c_str()),
              0);
    std::string why;
    auto got = read_file(path("fifo"), &why);
    ASSERT_TRUE(got.has_value()) << why;
    EXPECT_EQ(*got, std::string(100000, '\0'));
}

TEST_F(TempDir, MissingFileHasReason) {
    std::string why;
    EXPECT_FALSE(read_file(path("nope"), &why).has_value());
    EXPECT_EQ(why, "No such file or directory");
}

TEST_F(TempDir, ExecutableOutputIs0750) {
    std::string why;
    ASSERT_TRUE(write_output_file(path("out"), "xyz", OutputOptions{true}, &why)) << why;
    EXPECT_EQ(slurp(path("out")), "xyz");
    EXPECT_EQ(mode_of(path("out")), 0750u);
}

TEST_F(TempDir, ExistingFileKeepsItsMode) {
    std::ofstream(path("out")) << "old contents that are longer";
    ::chmod(path("out").c_str(), 0600);
    std::string why;
    ASSERT_TRUE(write_output_file(path("out"), "new", OutputOptions{false}, &why)) << why;
    EXPECT_EQ(slurp(path("out")), "new");
    EXPECT_EQ(mode_of(path("out")), 0600u);
}

TEST_F(TempDir, NoTemporaryLeftBehind) {
    std::string why;
    ASSERT_TRUE(write_output_file(path("out"), "1", OutputOptions{}, &why));
    EXPECT_NE(std::system(("ls -A " + dir_ + " | grep -q tmp-").c_str()), 0);
}

TEST_F(TempDir, UnwritableDirectoryIsReported) {
    std::string why;
    EXPECT_FALSE(output_writable("/nonexistent-hexproof-dir/out", &why));
    EXPECT_FALSE(why.empty());
    EXPECT_FALSE(write_output_file("/nonexistent-hexproof-dir/out", "x", OutputOptions{}, &why));
}

// The size hint only reserves room: the file ends where the bytes written end, whether the hint
// was too large, too small or exact, and whether the pieces came in order or by position.
TEST_F(TempDir, ExpectedSizeIsOnlyAHint) {
    const std::string bytes = "0123456789abcdef";
    for (const std::uint64_t hint : {std::uint64_t{1} << 20, std::uint64_t{4}, std::uint64_t{16}}) {
        for (const bool positional : {false, true}) {
            const std::string p = path("hinted");
            AtomicOutputFile file;
            std::string why;
            ASSERT_TRUE(file.open(p, OutputOptions{}, &why)) << why;
            file.expect_size(hint);
            if (positional) {
                file.write_at(10, std::string_view(bytes).substr(10));
                file.write(std::string_view(bytes).substr(0, 10));
            } else {
                file.write(bytes);
            }
            ASSERT_TRUE(file.commit(&why)) << why;
            EXPECT_EQ(slurp(p), bytes) << "hint " << hint << (positional ? ", positional" : "");
        }
    }
}

TEST_F(TempDir, DirectoryIsNotAnOutput) {
    std::string why;
    EXPECT_FALSE(output_writable(dir_, &why));
    EXPECT_EQ(why, "Is a directory");
}

}  // namespace
}  // namespace hexproof
