// The constructs a program uses (subset.hpp names them), found by following upstream's lexical
// structure, so that the oracle can tell whether an invocation is inside a profile's subset: a
// corpus step or a generated program outside it is skipped and counted, not checked.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "command.hpp"
#include "source_scan.hpp"
#include "subset.hpp"

namespace hexproof::oracle {

// One construct of a program, with its first place.
struct Construct {
    std::string name;  // "reference %", "base %", "caret", "immediate $", "number hex", "strings", "token"
    source_scan::Span first;
};

// The constructs of an invocation's inputs, each once, in the order first met.
std::vector<Construct> hex2_constructs(const Hex2Config& config, const std::vector<Input>& inputs);
std::vector<Construct> m1_constructs(const M1Config& config, const std::vector<Input>& inputs);

// The forms of an M1 number text (subset.hpp's m1-numbers), or {"token-quirks"} for a text
// upstream reads through an invalid digit.
std::vector<std::string> number_forms(std::string_view text);

// Why an invocation is outside `subset`: its configuration, its number of inputs, or its first
// construct outside (`what`, without a place, so that reasons can be counted) and that
// construct's file:line:column (`where`). `what` is empty when it is inside.
struct Outside {
    std::string what, where;
};
Outside outside(const Subset& subset, const Invocation& invocation);

// The first use of a quirk that the extracted strict checker (docs/strict.md: Hex2Check and
// M1Check, proved to list exactly the uses) finds, as "strict: NAME" and its place; empty when
// the program is strict-clean.
Outside first_quirk(const Invocation& invocation);

// Why the reference's rejection is not comparable: it is an error the subset does not expect the
// tool to report; empty when it is (or the reference accepts).
std::string undiagnosed(const Subset& subset, const Invocation& invocation, const Result& reference);

}  // namespace hexproof::oracle
