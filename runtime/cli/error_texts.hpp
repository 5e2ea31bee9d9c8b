// The wording of an engine Error (runtime/cli/error_texts.cpp), for both engines, so the two
// engines cannot disagree on it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine.hpp"

namespace hexproof {

// Printable form of arbitrary bytes: printable ASCII as is, everything else as \xNN.
std::string escape_bytes(std::string_view bytes);

// A message shows at most this many bytes of a subject (a name or token text).
inline constexpr std::size_t shown_subject_bytes = 80;

// A subject as a message shows it: escaped, and when longer than shown_subject_bytes, its first
// shown_subject_bytes bytes then "...(N more bytes)" (or "...(1 more byte)") (docs/contract.md, Errors).
std::string shown_subject(std::string_view subject);

// An input's name as a message shows it: control bytes (below 0x20, and 0x7F) as \xNN, so that
// a name cannot move the cursor or recolour a terminal; other bytes (UTF-8 names) as they are.
std::string shown_name(std::string_view name);

// The message alone, in upstream's wording where upstream has one.
std::string error_message(const Error& error, const std::vector<Input>& inputs);

}  // namespace hexproof
