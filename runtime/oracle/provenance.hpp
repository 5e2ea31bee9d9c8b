// Provenance: the source token (file:line:column) behind a byte of the reference's output, so
// that a report can say where a differing byte comes from.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "command.hpp"
#include "source_scan.hpp"

namespace hexproof::oracle {

struct Place {
    std::string where;  // file:line:column
    std::string token;  // the token's text, escaped, at most 60 bytes of it
};

Place place_of(const std::vector<Input>& inputs, const source_scan::Span& span);

// The token behind byte `offset` of `expected` (the reference's output for the invocation), or
// nullopt with *why. hex2: from a layout scan, checked against the output's length; M1: each
// token's own expansion through the reference, found in order in the output.
std::optional<Place> provenance(const Engine& engine, const Invocation& invocation,
                                const std::string& expected, std::size_t offset, std::string* why);

}  // namespace hexproof::oracle
