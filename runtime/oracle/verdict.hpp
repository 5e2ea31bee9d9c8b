// The verdict on one checked invocation (docs/oracle.md, "Verdicts"): what the implementation did
// against what the reference does on the same inputs, each class counted and reported apart.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "command.hpp"
#include "engine.hpp"
#include "run.hpp"

namespace hexproof::oracle {

enum class Verdict : std::uint8_t {
    agree,               // the same bytes, or both reject
    formatting,          // M1 outputs that hex2 reads alike, laid out differently
    divergence,          // a disagreement (Disagreement says which) not explained below
    known_difference,    // a disagreement the release under test explains (confirmed: known_differences.hpp)
    upstream_undefined,  // the input is one on which upstream's behaviour is undefined
    upstream_limit,      // the input exceeds upstream's 4096-byte token buffers
    timeout,             // over the CPU limit, or the wall-clock backstop
    crash,               // killed by a signal
    no_output,           // exit status 0 but no output file, or one that is not a regular file
    could_not_run,       // the implementation could not be started
};

inline constexpr Verdict all_verdicts[] = {
    Verdict::agree,
    Verdict::formatting,
    Verdict::divergence,
    Verdict::known_difference,
    Verdict::upstream_undefined,
    Verdict::upstream_limit,
    Verdict::timeout,
    Verdict::crash,
    Verdict::no_output,
    Verdict::could_not_run,
};

// Lower-case words with dashes: "agree", "known-difference", "could-not-run", ...
std::string_view verdict_name(Verdict v);

// Whether the verdict makes the run fail (exit status 1): all but agree, formatting and the two
// upstream ones.
bool is_failure(Verdict v);

// How the two answers disagree.
enum class Disagreement : std::uint8_t { bytes_differ, implementation_rejects, implementation_accepts };

std::string_view disagreement_name(Disagreement d);  // "bytes-differ", ...
std::string_view disagreement_text(Disagreement d);  // "output bytes differ", ...

// How outputs are compared: M1 outputs by meaning (as hex2 reads them, hex2_reading.hpp) unless
// --exact-bytes is given; hex2 outputs always byte for byte.
enum class Comparing : std::uint8_t { meaning, exact_bytes };

// The first verdict, from the two answers alone (agree, formatting, divergence, timeout, crash,
// no-output, could-not-run); the oracle then looks for a reason (upstream-undefined,
// upstream-limit) or a known difference.
struct Comparison {
    Verdict verdict = Verdict::agree;
    std::optional<Disagreement> disagreement;  // divergence
    int signal = 0;                            // crash

    friend bool operator==(const Comparison& a, const Comparison& b) {
        return a.verdict == b.verdict && a.disagreement == b.disagreement && a.signal == b.signal;
    }
};

Comparison compare(const Result& reference, const Outcome& implementation, const Invocation& invocation,
                   Comparing how);

// Whether two outputs of the invocation's tool are the same, compared as `how` says.
bool same_output(const std::string& reference, const std::string& implementation,
                 const Invocation& invocation, Comparing how);

// The implementation's side in a few words: "exit status 1: <its last stderr lines>",
// "killed by signal 11 (SIGSEGV)", "no output: out is a FIFO (not read)", ...
std::string describe(const Outcome& implementation);

}  // namespace hexproof::oracle
