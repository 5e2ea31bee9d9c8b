// bench/floor.cpp: the least work any M1 or hex2 must do on an input, timed beside the engines.
//
// Whatever else an assembler or linker does, it reads every byte of its inputs, finds where each
// token ends, packs hex digit pairs into bytes, and writes an output of about half its input (a hex2
// input is mostly hex digit pairs and spaces; M1's output is such text). This program does exactly
// that and nothing more: it maps the inputs, makes one pass over them with a table that classifies
// each byte (hex digit, space, other), packing digit pairs and counting tokens, and writes half the
// input's size. `make bench` (bench/run.sh) runs it in the same rounds as the engines, and the real-
// shaped rows give each engine's time as a ratio to this one.
//
// It takes the tools' command line and ignores what it does not need: -f FILE (repeatable), -o FILE,
// and skips --architecture/-A and --base-address/-B with their values and any other flag. It prints
// the number of tokens on stdout, so that the count is a result and not dead code.
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace hexproof::bench {
namespace {

constexpr uint8_t kSpace = 16;  // ends a token
constexpr uint8_t kOther = 17;  // part of a token, not a hex digit

struct ByteClasses {
    uint8_t of[256];
    ByteClasses() {
        for (int b = 0; b < 256; ++b) of[b] = kOther;
        for (int d = 0; d < 10; ++d) of['0' + d] = static_cast<uint8_t>(d);
        for (int d = 0; d < 6; ++d) {
            of['A' + d] = static_cast<uint8_t>(10 + d);
            of['a' + d] = static_cast<uint8_t>(10 + d);
        }
        for (const char c : {' ', '\t', '\n', '\r', '\f', '\v'}) of[static_cast<uint8_t>(c)] = kSpace;
    }
};

struct Mapped {
    const uint8_t* bytes = nullptr;
    std::size_t size = 0;
};

bool map_input(const char* path, Mapped& m) {
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    struct stat st {};
    if (fd < 0 || ::fstat(fd, &st) != 0) {
        std::perror(path);
        if (fd >= 0) ::close(fd);
        return false;
    }
    m.size = static_cast<std::size_t>(st.st_size);
    if (m.size > 0) {
        void* p = ::mmap(nullptr, m.size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
        if (p == MAP_FAILED) {
            std::perror(path);
            ::close(fd);
            return false;
        }
        m.bytes = static_cast<const uint8_t*>(p);
    }
    ::close(fd);
    return true;
}

// The one pass: packs each pair of hex digits into out, counts tokens; returns the bytes packed.
std::size_t pack(const ByteClasses& classes, const uint8_t* in, std::size_t size, uint8_t* out,
                 uint64_t& tokens) {
    std::size_t packed = 0;
    uint64_t count = 0;
    unsigned high = 0;
    bool half = false, in_token = false;
    for (std::size_t i = 0; i < size; ++i) {
        const uint8_t c = classes.of[in[i]];
        if (c < 16) {
            if (half)
                out[packed++] = static_cast<uint8_t>(high << 4 | c);
            else
                high = c;
            half = !half;
        }
        const bool space = c == kSpace;
        count += in_token && space;
        in_token = !space;
    }
    tokens += count + in_token;
    return packed;
}

bool write_all(int fd, const uint8_t* p, std::size_t n) {
    while (n > 0) {
        const ssize_t w = ::write(fd, p, n);
        if (w <= 0) return false;
        p += w;
        n -= static_cast<std::size_t>(w);
    }
    return true;
}

int main_impl(int argc, char** argv) {
    std::vector<const char*> inputs;
    const char* output = nullptr;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const bool has_value = i + 1 < argc;
        if (a == "-f" && has_value)
            inputs.push_back(argv[++i]);
        else if (a == "-o" && has_value)
            output = argv[++i];
        else if ((a == "-A" || a == "--architecture" || a == "-B" || a == "--base-address") && has_value)
            ++i;
        else if (a.empty() || a[0] != '-') {
            std::fprintf(stderr, "usage: hexproof_bench_floor [flags] -f IN... -o OUT\n");
            return 2;
        }
    }
    if (inputs.empty() || output == nullptr) {
        std::fprintf(stderr, "usage: hexproof_bench_floor [flags] -f IN... -o OUT\n");
        return 2;
    }

    std::vector<Mapped> maps(inputs.size());
    std::size_t total = 0;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        if (!map_input(inputs[i], maps[i])) return 1;
        total += maps[i].size;
    }
    // Half the input, as fresh pages (the kernel's zero pages: nothing to clear beforehand).
    const std::size_t out_size = total / 2;
    uint8_t* out = nullptr;
    if (out_size > 0) {
        void* p = ::mmap(nullptr, out_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED) {
            std::perror("mmap");
            return 1;
        }
        out = static_cast<uint8_t*>(p);
    }

    static const ByteClasses classes;
    uint64_t tokens = 0;
    std::size_t packed = 0;
    // Each input packs at most half its size, so all of them fit in half the total.
    for (const Mapped& m : maps) packed += pack(classes, m.bytes, m.size, out + packed, tokens);

    const int fd = ::open(output, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0 || !write_all(fd, out, out_size) || ::close(fd) != 0) {
        std::perror(output);
        return 1;
    }
    std::printf("tokens=%llu packed=%zu written=%zu\n", static_cast<unsigned long long>(tokens), packed,
                out_size);
    return 0;
}

}  // namespace
}  // namespace hexproof::bench

int main(int argc, char** argv) { return hexproof::bench::main_impl(argc, argv); }
