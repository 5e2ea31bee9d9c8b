// Reading the inputs of the CLIs: each read once, whole, and no more than the input limit
// (engine.hpp, max_input_bytes) of them in one run. Outputs are output_bytes.hpp's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "engine.hpp"

namespace hexproof {

// Why an input could not be read: the reason (strerror text), or that it holds more bytes than
// the room left under the input limit.
struct ReadFailure {
    std::string why;
    bool over_limit = false;
};

// The whole file, or nullopt with *failure. A file of more than `room` bytes (or one that never
// ends, such as /dev/zero or a FIFO that keeps writing) is refused once room + 1 bytes are read.
std::optional<std::string> read_file(const std::string& path, ReadFailure* failure,
                                     std::uint64_t room = max_input_bytes);

// The whole file as an engine input named by its path, or nullopt with *failure; at most `room`
// bytes, as read_file. A regular file of 64 KiB or more is mapped read-only instead of read (no
// copy, no fresh memory to zero). Should such a file shrink while the process runs, reading past
// its new end raises SIGBUS: a handler (cleanup.hpp) then prints "<program>: error: an input file
// shrank ...", removes any named temporary output file, and exits with status 1.
std::optional<Input> load_input(const std::string& path, const char* program, std::uint64_t room,
                                ReadFailure* failure);

}  // namespace hexproof
