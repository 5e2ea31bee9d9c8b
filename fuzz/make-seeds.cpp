// Writes the fuzzers' seed corpora: generated cases (runtime/program_gen) for every architecture,
// in the input layout of fuzz_support.hpp (6 configuration bytes, then the program).
//   make-seeds OUT_DIR   ->  OUT_DIR/hex2-differential/*, OUT_DIR/m1-differential/*
#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "program_gen.hpp"

int main(int argc, char** argv) {
    using namespace hexproof;
    if (argc != 2) {
        std::fprintf(stderr, "usage: make-seeds OUT_DIR\n");
        return 2;
    }
    const std::string root = argv[1];
    int written = 0;
    for (auto tool : {program_gen::Tool::hex2, program_gen::Tool::m1}) {
        const std::string dir =
            root + (tool == program_gen::Tool::hex2 ? "/hex2-differential" : "/m1-differential");
        mkdir(dir.c_str(), 0755);
        for (std::size_t a = 0; a < 8; ++a) {
            int kept = 0;
            for (std::uint64_t seed = 1; kept < 6 && seed < 200; ++seed) {
                program_gen::GenOptions options;
                options.allow_big = false;
                const auto c = program_gen::generate_case(tool, program_gen::all_architectures[a],
                                                          seed * 8 + a, options);
                std::string text;
                for (const Input& in : c.inputs) text += in.bytes;
                if (text.size() > 2048) continue;
                const Hex2Config& h = c.hex2;
                const ByteMode mode = tool == program_gen::Tool::hex2 ? h.byte_mode : c.m1.byte_mode;
                const bool big = tool == program_gen::Tool::hex2 ? h.big_endian : c.m1.big_endian;
                std::string bytes;
                bytes += static_cast<char>(a);
                bytes += static_cast<char>((big ? 1 : 0) | (static_cast<int>(mode) << 1));
                for (int shift = 24; shift >= 0; shift -= 8)
                    bytes += static_cast<char>((h.base_address >> shift) & 0xFF);
                bytes += text;
                std::ofstream(dir + "/" + std::string(architecture_name(program_gen::all_architectures[a])) +
                                  "-" + std::to_string(seed),
                              std::ios::binary)
                    << bytes;
                ++kept;
                ++written;
            }
        }
    }
    std::printf("%d seeds written under %s\n", written, root.c_str());
    return 0;
}
