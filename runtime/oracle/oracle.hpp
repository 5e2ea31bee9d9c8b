// The differential oracle: another implementation of hex2/M1 (a subprocess) against hexproof's
// reference (the reference engine when built, else the fast engine, and the report says which).
//
// Cases come from corpus folders (../shared/corpus format: cmd.txt with M1/HEX2 words, inputs)
// and from the program generators (program_gen.hpp). Each tool invocation is run by both sides
// on the same inputs. A disagreement is sorted into: upstream-undefined input (docs/contract.md),
// upstream's 4096-byte token limit, a known mescc-tools 1.4.0 vs 1.7.0 difference (recognised in
// the minimised program and confirmed by re-running without it), or a divergence. Divergences
// and known differences are shrunk by delta debugging over lines then tokens (re-checking the
// disagreement at every step) and reported with the program, the command line, the first
// differing byte, hexdump windows and the source token behind the expected byte.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine.hpp"

namespace hexproof::oracle {

// `hexproof oracle ARGS...` (argv[0] is "oracle"). Exit 0 conforming, 1 divergence, 2 usage/setup.
int oracle_main(int argc, char** argv);

// The pieces the fuzzers and properties reuse.
enum class Tool : std::uint8_t { hex2, m1 };

struct Invocation {
    Tool tool = Tool::hex2;
    Hex2Config hex2;
    M1Config m1;
    std::vector<Input> inputs;
};

// The upstream-style command line for an invocation (file names as given, `-o out`).
std::vector<std::string> command_line(const Invocation& invocation, const std::string& program);

// Why upstream's answer on these inputs does not count (empty when it does): NUL in a name or
// token, an M1 string byte >= 0x80, EOF inside a hex2 `.` word (docs/contract.md).
std::string upstream_undefined_reason(const Invocation& invocation, const Result& reference);

}  // namespace hexproof::oracle
