// Running an implementation under test on one invocation, contained and bounded
// (docs/oracle.md, "Containment"): a fresh scratch folder holding the inputs, a supervisor
// process (supervisor.hpp) that isolates and limits the implementation and kills all it started,
// standard output and error read through pipes up to a limit, the output file read back only when
// it is a regular file within the output limit, and the folder removed afterwards.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "supervisor.hpp"

namespace hexproof::oracle {

struct Limits {
    double cpu_seconds = 10;    // each process's CPU time (RLIMIT_CPU, whole seconds, rounded up)
    double wall_seconds = 100;  // the backstop for a run that waits instead of computing
    std::uint64_t address_space = std::uint64_t{8} << 30;  // each process's (RLIMIT_AS)
    std::uint64_t output_bytes = std::uint64_t{64} << 20;  // each file written (RLIMIT_FSIZE), and read back
    std::uint64_t processes = 64;                          // processes at once (RLIMIT_NPROC)
    std::size_t stream_bytes = std::size_t{64} << 10;      // kept of standard output and of error each
};

// What an implementation wrote on a standard stream: the start, the end and how much in all.
struct Stream {
    std::string head;  // the first Limits::stream_bytes bytes
    std::string tail;  // the last bytes (up to 4 KiB), when there were more than head holds
    std::uint64_t total = 0;
    std::string last_lines(std::size_t lines) const;  // of head or tail, whichever holds the end
};

struct RunRequest {
    std::vector<std::string> argv;                                // argv[0] is the program's absolute path
    std::vector<std::pair<std::string, std::string_view>> files;  // written into the scratch folder
    std::string output;  // the output file's name in the scratch folder
    Limits limits;
};

struct Outcome {
    enum class End : std::uint8_t { exited, signalled, timed_out, could_not_run };
    End end = End::could_not_run;
    int code = 0;                       // the exit status or the signal
    std::string why;                    // could_not_run: why; timed_out: which limit
    bool exec_failed = false;           // could_not_run because execve (or a step just before it) failed
    std::optional<std::string> output;  // exit status 0: the output file, when it could be read
    std::string output_problem;         // exit status 0 and no output: why
    Stream out, err;
    double cpu_seconds = 0, wall_seconds = 0;
    std::int64_t max_rss_kib = 0;
    int stray_processes = 0;      // killed after the implementation ended
    std::string cleanup_problem;  // the scratch folder could not be removed (empty when it was)
};

class ScratchRoot;

class Runner {
public:
    // The strongest isolation available (nullopt), or the one asked for; nullptr with *why when
    // that is not available here or no scratch folder can be made in tmpdir (absolute). `jobs`
    // runs may be in progress at once.
    static std::unique_ptr<Runner> create(std::optional<Isolation> requested, const std::string& tmpdir,
                                          unsigned jobs, std::string* why);
    ~Runner();

    Outcome run(const RunRequest& request) const;  // from any thread

    Isolation isolation() const { return isolation_; }
    std::string description() const;  // for the report: what is contained and what is not
    const std::string& scratch_path() const;

private:
    Runner() = default;
    Isolation isolation_ = Isolation::none;
    int landlock_abi_ = 0;
    bool as_root_ = false;
    unsigned jobs_ = 1;
    std::uint64_t process_base_ = 0;  // without namespaces: processes the implementation's uid already has
    std::string weaker_because_;      // why a stronger isolation was not available
    std::unique_ptr<ScratchRoot> root_;
};

// Asks every run in progress to stop and no new one to start (async-signal-safe).
void request_stop();
bool stop_requested();

// The Landlock ABI version of the running kernel, 0 without Landlock.
int landlock_abi();

}  // namespace hexproof::oracle
