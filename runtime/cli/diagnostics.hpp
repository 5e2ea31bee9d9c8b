// Diagnostics: turning an engine Error into "file:line:column: error: message".
//
// Engines report an error as (input index, byte offset) plus a kind, a value and a subject
// (docs/contract.md). The place is computed here; the words are error_texts.hpp's.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine.hpp"
#include "error_texts.hpp"

namespace hexproof {

struct LineColumn {
    std::size_t line = 1;    // 1-based; counts '\n' only
    std::size_t column = 1;  // 1-based byte column
};

LineColumn line_column(std::string_view bytes, std::size_t offset);

// "name:line:column: error: message" (or "error: message" when the error has no place).
std::string format_error(const Error& error, const std::vector<Input>& inputs);

}  // namespace hexproof
