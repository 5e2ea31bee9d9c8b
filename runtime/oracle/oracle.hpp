// The differential oracle: another implementation of hex2/M1 (a subprocess, contained by run.hpp)
// against hexproof's reference (the reference engine when built, else the fast engine, and the
// report says which). docs/oracle.md describes it for users.
//
// Cases come from corpus folders (corpus.hpp) and from the program generators (program_gen.hpp),
// inside the profile of the implementation (profile.hpp: a corpus step outside it is skipped and
// counted). Each tool invocation of a case is run by both sides on the same inputs and gets a
// verdict of its own (verdict.hpp: M1 outputs compared as hex2 reads them unless --exact-bytes);
// a disagreement is a known difference only when the release under test explains it
// (known_differences.hpp).
// Invocations with the same kind of failure form a group; the first of each group is shrunk
// (shrink.hpp) and described: the program, the command line, the first differing byte, hexdump
// windows and the source token behind the expected byte (provenance.hpp).
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "command.hpp"
#include "known_differences.hpp"
#include "profile.hpp"
#include "run.hpp"
#include "verdict.hpp"

namespace hexproof::oracle {

// `hexproof oracle ARGS...` (argv[0] is "oracle"). Exit 0 conforming, 1 not, 2 usage or setup.
int oracle_main(int argc, char** argv);

// One tool under test.
struct Implementation {
    std::string executable;  // what is run (absolute): the template's first word; empty when not checked
    std::string program;     // --hex2 or --m1 (absolute), which {program} stands for; may be empty
    CommandTemplate command = mescc_tools_template();

    bool checked() const { return !executable.empty(); }
};

struct Settings {
    Implementation hex2, m1;
    Profile profile = *builtin_profile("full", std::nullopt);
    std::optional<Release> release;  // the release under test: the profile's, or --explain-as
    Comparing comparing = Comparing::meaning;
    std::vector<Architecture> architectures;  // of the corpus steps checked; empty: all
    Limits limits;
    double shrink_timeout = 1;   // CPU seconds for each candidate when shrinking a timeout
    double shrink_seconds = 30;  // for each group shrunk
    std::size_t max_reports = 10;
    unsigned jobs = 1;
    bool progress = false;  // a line on standard error, updated as cases finish

    const Implementation& of(Tool t) const { return t == Tool::hex2 ? hex2 : m1; }
    // The tool gets one input file: the profile says so, or its template takes {input}.
    bool joins_inputs(Tool t) const { return !profile.subset.many_inputs || of(t).command.takes_one_input(); }
};

// A case: a corpus folder, or a generated program.
struct WorkItem {
    bool corpus = false;
    std::string dir, label;  // corpus
    Tool tool = Tool::hex2;  // generated
    Architecture architecture = Architecture::knight;
    std::uint64_t seed = 0;
    bool stable_only = false;
};

inline constexpr std::size_t no_group = std::numeric_limits<std::size_t>::max();

// One checked invocation, as reported.
struct Record {
    Tool tool = Tool::hex2;
    std::string case_name;             // "corpus amd64/dev-hex2_AMD64", "generated hex2 x86 (seed 5)"
    std::size_t step = 1;              // in a corpus case
    std::vector<std::string> command;  // as run, in the scratch folder
    Verdict verdict = Verdict::agree;
    Comparison comparison;
    std::string classification;  // the disagreement or the known differences; empty: none
    std::string reason;          // upstream-undefined or -limit: why; else what the implementation did
    std::optional<std::size_t>
        first_difference;          // in the reference's output (by meaning: of the first token that differs)
    std::size_t group = no_group;  // index into Results::findings
};

// Corpus steps or generated programs not checked for one reason: how many, and the first (its
// case, and the place of the construct outside the profile when there is one).
struct Skipped {
    std::size_t count = 0;
    std::string first;
};

// A group of invocations that fail alike; the first one is shrunk and described when `analysed`.
struct Finding {
    Tool tool = Tool::hex2;
    Verdict verdict = Verdict::agree;
    Comparison comparison;
    std::string classification, reason;
    std::string first_case;
    std::size_t cases = 1;
    bool analysed = false;
    Invocation minimal;
    std::size_t original_bytes = 0, shrink_runs = 0;
    std::vector<KnownDifference> known;  // confirmed
    std::vector<std::string>
        known_unconfirmed;             // the release's differences the program holds, which do not explain it
    std::vector<std::string> command;  // the minimal program's, as run
    std::optional<std::size_t> first_difference;
    std::string detail;  // the human-readable body
    std::string source_place, source_token, reference_error, implementation_message;
    std::string saved_in;  // the folder holding the whole minimal program (--report-dir)
};

struct Results {
    std::vector<Record> records;
    std::vector<Finding> findings;
    std::vector<std::string> notes;
    std::size_t corpus_cases = 0, generated_cases = 0, cases_done = 0;
    std::size_t skipped_steps = 0, skipped_programs = 0;  // outside the profile, or a tool not checked
    std::map<std::string, Skipped> skipped;               // by why
    std::size_t joined_steps = 0;                         // corpus steps whose inputs were joined into one
    std::array<std::size_t, std::size(all_verdicts)> counts{};
    std::size_t stray_processes = 0;  // killed after an implementation ended
    double seconds = 0;
    std::int64_t peak_rss_kib = 0;  // the oracle's own (not its children's)
    bool interrupted = false;

    std::size_t count(Verdict v) const { return counts[static_cast<std::size_t>(v)]; }
    std::size_t failures() const;
};

// Checks every case (in parallel, settings.jobs at once), then shrinks and describes the first
// invocation of each group (within settings.max_reports). The records come in case order.
Results check_all(const Settings& settings, const Runner& runner, const std::string& engine_name,
                  const std::vector<WorkItem>& items);

}  // namespace hexproof::oracle
