// Why a disagreement may not count against an implementation (docs/oracle.md, "Verdicts" and
// "Explanations"): inputs on which upstream's behaviour is undefined (docs/contract.md),
// upstream's 4096-byte token buffers, and the known differences between an older mescc-tools
// release and 1.7.0.
//
// A known difference is attributed only when the release under test is known (the profile's
// `release:` or --explain-as), and only once confirmed: the reference is run with that release's
// behaviour for the constructs of the difference (an alternative evaluation, below) and gives the
// implementation's answer. Otherwise the divergence stays unexplained.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "command.hpp"
#include "profile.hpp"
#include "source_scan.hpp"
#include "verdict.hpp"

namespace hexproof::oracle {

// Why upstream's answer on these inputs does not count (empty when it does): NUL in a name or
// token, an M1 string byte >= 0x80, EOF inside a hex2 `.` word.
std::string upstream_undefined_reason(const Invocation& invocation, const Result& reference);

// Whether the implementation's answer is what a reading of the M1 numbers in arithmetic wider
// than upstream's `int` gives, where upstream's overflow (undefined: SEMANTICS.md) decides the
// answer: a number that wraps to 0 (so no number upstream), or one that passes a range check only
// wrapped. Confirmed as the known differences are, by running the reference on the program with
// those tokens rewritten.
bool wide_arithmetic_explains(const Engine& engine, const Invocation& invocation,
                              const Outcome& implementation, Comparing how);

// The reason given when wide_arithmetic_explains.
inline const char* const wide_arithmetic_reason =
    "a number beyond a 32-bit int, read without upstream's wrapping (upstream's strtoint overflows: "
    "undefined)";

// Why a rejection, crash or timeout may be upstream's token limit (empty when it cannot be): a
// token of 4096 bytes or more, with its place.
std::string limit_reason(const Invocation& invocation, const Comparison& comparison);

// The known differences (from SEMANTICS.md's and docs/contract.md's version notes and the
// releases' sources), each named by an id:
//   knight-prefixes              before 1.6.0, Knight's `!@$~%&N` are label text
//   riscv-dollar-constant        before 1.7.0, RISC-V `$N` is label text
//   dollar-ampersand-immediates  1.4.0: `$N` and `&N` are label text (elsewhere than RISC-V and Knight)
//   underscore-in-number         before 1.6.0, `_` is an invalid digit: the number reads as 0
//   m1-range-check               1.4.0: `!@~` immediates are truncated, never out of range
//   knight-bare-numbers          1.4.0: every Knight bare number is 16 bits, truncated
//   hex2-dollar-signed           1.4.0: hex2 `$` checks the signed range -32768..32767
struct KnownDifference {
    std::string id;
    std::string description;
};

// The known difference `id` between `release` and 1.7.0.
KnownDifference known_difference(const std::string& id, Release release);

// The ids of the known differences of `release` whose constructs the invocation holds.
std::set<std::string> differences_in(Release release, const Invocation& invocation);

// The reference's answer with `release`'s behaviour for the differences `ids`: M1 tokens are
// rewritten into 1.7.0 tokens meaning what the release makes of them (a number truncated as the
// release truncates it, label text as a raw string, an invalid word where the release rejects);
// hex2 `$` references are linked with a signed range check. nullopt with *why when it cannot be
// computed here.
std::optional<Result> as_release(const Engine& engine, Release release, const Invocation& invocation,
                                 const std::set<std::string>& ids, std::string* why);

// The known differences that explain the implementation's answer: the fewest of
// differences_in(...) with which as_release(...) gives it (agree or formatting; a tool may
// behave as the release in one construct and as 1.7.0 in another). nullopt when none do, or the
// alternative cannot be computed.
std::optional<std::vector<KnownDifference>> explain(const Engine& engine, Release release,
                                                    const Invocation& invocation,
                                                    const Outcome& implementation, Comparing how);

}  // namespace hexproof::oracle
