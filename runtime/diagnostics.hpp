// Diagnostics: turning an engine Error into "file:line:column: error: message".
//
// Engines report an error as (input index, byte offset) plus a kind, a value and a subject
// (docs/contract.md). Everything a person reads is made here, once, for both engines, so the
// two engines cannot disagree on wording.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine.hpp"

namespace hexproof {

struct LineColumn {
    std::size_t line = 1;    // 1-based; counts '\n' only
    std::size_t column = 1;  // 1-based byte column
};

LineColumn line_column(std::string_view bytes, std::size_t offset);

// Printable form of arbitrary bytes: printable ASCII as is, everything else as \xNN.
std::string escape_bytes(std::string_view bytes);

// The message alone, in upstream's wording where upstream has one.
std::string error_message(const Error& error, const std::vector<Input>& inputs);

// "name:line:column: error: message" (or "error: message" when the error has no place).
std::string format_error(const Error& error, const std::vector<Input>& inputs);

}  // namespace hexproof
