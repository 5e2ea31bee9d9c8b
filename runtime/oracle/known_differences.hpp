// Why a disagreement may not count against an implementation (docs/oracle.md, "Verdicts"):
// inputs on which upstream's behaviour is undefined (docs/contract.md), upstream's 4096-byte
// token buffers, and the named differences between mescc-tools 1.4.0 (Debian) and 1.7.0
// (../shared/SEMANTICS.md, last section), recognised by the constructs that show them.
#pragma once

#include <string>
#include <vector>

#include "command.hpp"
#include "source_scan.hpp"
#include "verdict.hpp"

namespace hexproof::oracle {

// Why upstream's answer on these inputs does not count (empty when it does): NUL in a name or
// token, an M1 string byte >= 0x80, EOF inside a hex2 `.` word.
std::string upstream_undefined_reason(const Invocation& invocation, const Result& reference);

// Why a rejection, crash or timeout may be upstream's token limit (empty when it cannot be): a
// token of 4096 bytes or more, with its place.
std::string limit_reason(const Invocation& invocation, const Comparison& comparison);

struct KnownDifference {
    std::string id;                         // "hex2-dollar-unsigned", ...
    std::string description;                // what differs between the two releases
    std::vector<source_scan::Span> tokens;  // the constructs in the program
};

// The known 1.4.0/1.7.0 differences whose constructs the program holds, by id.
std::vector<KnownDifference> recognise(const Invocation& invocation);

// The inputs with the given spans cut out.
std::vector<Input> without(const std::vector<Input>& inputs, const std::vector<source_scan::Span>& spans);

}  // namespace hexproof::oracle
