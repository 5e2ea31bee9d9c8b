// The child side of one contained run (docs/oracle.md, "Containment"): the supervisor, a process
// of ours that sets up the isolation, starts the implementation under its limits, waits for it
// within the wall-clock limit, kills whatever it left running and reports on a pipe.
//
// It runs between clone() and execve() in a child of a process with other threads, so it makes
// only system calls (no allocation, no locks, no glibc wrapper that knows about threads, such as
// setresuid) and reads only memory prepared before the clone (ChildPlan).
#pragma once

#include <cstdint>

namespace hexproof::oracle {

// How an implementation is kept apart from the machine (docs/oracle.md says what each means).
enum class Isolation : std::uint8_t {
    namespaces,  // user, PID, mount, IPC and network namespaces; only the scratch folder writable
    landlock,    // Landlock: only the scratch folder writable; a session and a subreaper
    none,        // a session and a subreaper only
};

// The uid and gid an implementation runs as when the oracle runs as root (nobody, nogroup).
inline constexpr unsigned unprivileged_id = 65534;

// What the child needs, made before the clone.
struct ChildPlan {
    Isolation isolation = Isolation::none;
    const char* program = nullptr;  // absolute
    char* const* argv = nullptr;
    char* const* envp = nullptr;
    const char* scratch = nullptr;      // absolute path of the run's folder
    bool drop_to_unprivileged = false;  // landlock and none as root: become unprivileged_id
    int landlock_abi = 0;
    int parent = 0;  // the oracle's pid (without a PID namespace, a check that it still runs)
    // Limits (setrlimit), for the implementation and everything it starts.
    std::uint64_t cpu_seconds = 0;
    std::uint64_t address_space = 0;
    std::uint64_t file_size = 0;
    std::uint64_t processes = 0;
    std::int64_t wall_milliseconds = 0;
    // Descriptors (all close-on-exec in the parent).
    int sync_fd = -1;  // namespaces: one byte arrives once the parent has written the id maps
    int stdout_fd = -1, stderr_fd = -1, result_fd = -1;
};

// Where the supervisor's setup failed, when it did.
enum class SetupStep : std::int32_t {
    none,
    sync,
    ids,
    no_nesting,
    mount_private,
    mount_read_only,
    mount_scratch,
    descriptors,
    fork,
};

// Where starting the implementation failed, when it did (the last step is execve itself).
enum class ExecStep : std::int32_t {
    none,
    limits,
    ids,
    no_new_privileges,
    capabilities,
    landlock,
    chdir,
    execve,
};

// Written once to result_fd, just before the supervisor exits.
struct ChildReport {
    std::int32_t started = 0;      // 1 when the implementation was forked
    std::int32_t wait_status = 0;  // its wait status
    std::int32_t timed_out = 0;    // 1: the wall-clock limit; 2: told to stop (SIGHUP)
    std::int32_t exec_step = 0;    // ExecStep: where starting the implementation failed
    std::int32_t exec_errno = 0;
    std::int32_t setup_step = 0;  // SetupStep
    std::int32_t setup_errno = 0;
    std::int32_t stray_processes = 0;  // processes reaped after the implementation ended
    std::int64_t cpu_microseconds =
        0;  // the implementation's CPU time and that of the children it waited for
    std::int64_t max_rss_kib = 0;
};

// The supervisor: never returns.
[[noreturn]] void supervise(const ChildPlan& plan);

}  // namespace hexproof::oracle
