// The supervisor of one contained run: see supervisor.hpp. System calls only, from here to execve.
#include "supervisor.hpp"

#include <fcntl.h>
#include <linux/capability.h>
#include <linux/securebits.h>
#include <poll.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>

namespace hexproof::oracle {

namespace {

// The supervisor's own descriptors, once moved into place: 0, 1 and 2 are the implementation's.
constexpr int result_fd = 3;
constexpr int sync_fd = 4;

std::int64_t now_milliseconds() {
    timespec t{};
    clock_gettime(CLOCK_MONOTONIC, &t);
    return std::int64_t{t.tv_sec} * 1000 + t.tv_nsec / 1000000;
}

[[noreturn]] void report_and_exit(const ChildReport& report) {
    ssize_t ignored = write(result_fd, &report, sizeof report);
    (void)ignored;
    _exit(0);
}

[[noreturn]] void setup_failed(ChildReport& report, SetupStep step) {
    report.setup_step = static_cast<std::int32_t>(step);
    report.setup_errno = errno;
    report_and_exit(report);
}

// ---------------------------------------------------------------- the implementation's process

// Landlock's interface (linux/landlock.h), written out: the installed header may be older than
// the kernel, and only the numbers matter.
struct LandlockRulesetAttr {
    std::uint64_t handled_access_fs;
    std::uint64_t handled_access_net;
    std::uint64_t scoped;
};
struct [[gnu::packed]] LandlockPathBeneath {
    std::uint64_t allowed_access;
    std::int32_t parent_fd;
};
constexpr int landlock_rule_path_beneath = 1;
constexpr std::uint64_t fs_write_file = 1u << 1, fs_truncate = 1u << 14, fs_ioctl_dev = 1u << 15;
// write a file, remove a folder or file, make a device, folder, file, socket, FIFO, device, link
constexpr std::uint64_t fs_changes_v1 = (1u << 1) | (0x1FFu << 4);
constexpr std::uint64_t fs_refer = 1u << 13;

// What the implementation may change: files beneath its scratch folder, and /dev/null.
bool restrict_with_landlock(const ChildPlan& plan) {
    const int abi = plan.landlock_abi;
    std::uint64_t fs = fs_changes_v1;
    if (abi >= 2) fs |= fs_refer;
    if (abi >= 3) fs |= fs_truncate;
    if (abi >= 5) fs |= fs_ioctl_dev;
    LandlockRulesetAttr attr{fs, abi >= 4 ? 3u : 0u, abi >= 6 ? 3u : 0u};  // no TCP; signals, sockets scoped
    const std::size_t size = abi >= 6 ? 24 : abi >= 4 ? 16 : 8;
    const int ruleset = static_cast<int>(syscall(SYS_landlock_create_ruleset, &attr, size, 0));
    if (ruleset < 0) return false;
    const int scratch = open(plan.scratch, O_PATH | O_CLOEXEC | O_DIRECTORY);
    const int null = open("/dev/null", O_PATH | O_CLOEXEC);
    if (scratch < 0 || null < 0) return false;
    LandlockPathBeneath in_scratch{fs, scratch};
    LandlockPathBeneath to_null{fs & (fs_write_file | fs_truncate | fs_ioctl_dev), null};
    if (syscall(SYS_landlock_add_rule, ruleset, landlock_rule_path_beneath, &in_scratch, 0) != 0 ||
        syscall(SYS_landlock_add_rule, ruleset, landlock_rule_path_beneath, &to_null, 0) != 0)
        return false;
    const bool ok = syscall(SYS_landlock_restrict_self, ruleset, 0) == 0;
    close(ruleset);
    close(scratch);
    close(null);
    return ok;
}

// No capability survives execve, even for uid 0 inside the user namespace.
bool drop_capabilities() {
    const unsigned long bits = SECBIT_NOROOT | SECBIT_NOROOT_LOCKED | SECBIT_NO_SETUID_FIXUP |
                               SECBIT_NO_SETUID_FIXUP_LOCKED | SECBIT_NO_CAP_AMBIENT_RAISE |
                               SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED;
    if (prctl(PR_SET_SECUREBITS, bits, 0, 0, 0) != 0) return false;
    for (unsigned long cap = 0; cap < 64; ++cap)
        if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0 && errno != EINVAL) return false;
    __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
    __user_cap_data_struct data[2] = {};
    return syscall(SYS_capset, &header, data) == 0;
}

bool set_limit(int resource, std::uint64_t soft, std::uint64_t hard) {
    rlimit l{static_cast<rlim_t>(soft), static_cast<rlim_t>(hard)};
    return setrlimit(resource, &l) == 0;
}

// Tells the supervisor where starting failed, and why.
[[noreturn]] void start_failed(int error_fd, ExecStep step) {
    const std::int32_t why[2] = {static_cast<std::int32_t>(step), errno};
    ssize_t ignored = write(error_fd, why, sizeof why);
    (void)ignored;
    _exit(127);
}

[[noreturn]] void start_implementation(const ChildPlan& plan, int error_fd) {
    auto fail = [&](ExecStep step) { start_failed(error_fd, step); };
    // The oracle blocks and ignores signals of its own: none of that reaches the implementation.
    struct sigaction default_action {};
    default_action.sa_handler = SIG_DFL;
    for (int s = 1; s < NSIG; ++s) sigaction(s, &default_action, nullptr);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    setsid();
    if (!set_limit(RLIMIT_CPU, plan.cpu_seconds, plan.cpu_seconds + 1) ||
        !set_limit(RLIMIT_AS, plan.address_space, plan.address_space) ||
        !set_limit(RLIMIT_FSIZE, plan.file_size, plan.file_size) ||
        !set_limit(RLIMIT_NPROC, plan.processes, plan.processes) || !set_limit(RLIMIT_CORE, 0, 0))
        fail(ExecStep::limits);
    if (plan.drop_to_unprivileged) {
        const unsigned id = unprivileged_id;
        if (syscall(SYS_setgroups, 0, nullptr) != 0 || syscall(SYS_setresgid, id, id, id) != 0 ||
            syscall(SYS_setresuid, id, id, id) != 0)
            fail(ExecStep::ids);
    }
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) fail(ExecStep::no_new_privileges);
    if (plan.isolation == Isolation::namespaces && !drop_capabilities()) fail(ExecStep::capabilities);
    if (plan.isolation == Isolation::landlock && !restrict_with_landlock(plan)) fail(ExecStep::landlock);
    if (chdir(plan.scratch) != 0) fail(ExecStep::chdir);
    execve(plan.program, plan.argv, plan.envp);
    start_failed(error_fd, ExecStep::execve);
}

// ---------------------------------------------------------------- the supervisor

// The namespaces' setup: uid and gid 0 inside (mapped by the parent to an unprivileged id
// outside), no nested user namespace, every mount read-only and without setuid, then the
// scratch folder writable again, and a /proc of the new PID namespace (kept as it was where the
// kernel refuses).
void enter_namespaces(ChildReport& report, const ChildPlan& plan) {
    char byte = 0;
    if (read(sync_fd, &byte, 1) != 1) setup_failed(report, SetupStep::sync);
    if (syscall(SYS_setresgid, 0, 0, 0) != 0) setup_failed(report, SetupStep::ids);
    if (syscall(SYS_setgroups, 0, nullptr) != 0 && errno != EPERM) setup_failed(report, SetupStep::ids);
    if (syscall(SYS_setresuid, 0, 0, 0) != 0) setup_failed(report, SetupStep::ids);
    // No user namespace inside this one: in one of its own, the implementation would hold every
    // capability again and could mount a tmpfs, memory that no limit of a process counts.
    const int nesting = open("/proc/sys/user/max_user_namespaces", O_WRONLY | O_CLOEXEC);
    if (nesting < 0 || write(nesting, "0\n", 2) != 2) setup_failed(report, SetupStep::no_nesting);
    close(nesting);
    if (mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
        setup_failed(report, SetupStep::mount_private);
    mount_attr read_only{};
    read_only.attr_set = MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID;
    if (syscall(SYS_mount_setattr, AT_FDCWD, "/", AT_RECURSIVE, &read_only, sizeof read_only) != 0)
        setup_failed(report, SetupStep::mount_read_only);
    mount_attr writable{};
    writable.attr_clr = MOUNT_ATTR_RDONLY;
    if (mount(plan.scratch, plan.scratch, nullptr, MS_BIND, nullptr) != 0 ||
        syscall(SYS_mount_setattr, AT_FDCWD, plan.scratch, 0, &writable, sizeof writable) != 0)
        setup_failed(report, SetupStep::mount_scratch);
    mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_RDONLY, nullptr);
}

// Moves the descriptors the supervisor keeps to 0..4 and closes every other one, so that the
// implementation holds no descriptor of the oracle (another run's pipe would never see its end).
void arrange_descriptors(ChildReport& report, const ChildPlan& plan) {
    const int out = fcntl(plan.stdout_fd, F_DUPFD, 10);
    const int err = fcntl(plan.stderr_fd, F_DUPFD, 10);
    const int res = fcntl(plan.result_fd, F_DUPFD, 10);
    const int syn = plan.sync_fd >= 0 ? fcntl(plan.sync_fd, F_DUPFD, 10) : -1;
    if (out < 0 || err < 0 || res < 0 || (plan.sync_fd >= 0 && syn < 0) || dup2(res, result_fd) < 0)
        _exit(126);  // nowhere to report to
    if (dup2(out, 1) < 0 || dup2(err, 2) < 0 || (syn >= 0 && dup2(syn, sync_fd) < 0))
        setup_failed(report, SetupStep::descriptors);
    fcntl(result_fd, F_SETFD, FD_CLOEXEC);
    if (syn >= 0) fcntl(sync_fd, F_SETFD, FD_CLOEXEC);
    const unsigned first_other = syn >= 0 ? 5 : 4;
    if (syscall(SYS_close_range, first_other, ~0u, 0) != 0) {
        rlimit l{};
        getrlimit(RLIMIT_NOFILE, &l);
        for (rlim_t fd = first_other; fd < l.rlim_cur && fd < 65536; ++fd) close(static_cast<int>(fd));
    }
    const int null = open("/dev/null", O_RDONLY);
    if (null < 0 || dup2(null, 0) < 0) setup_failed(report, SetupStep::descriptors);
    if (null != 0) close(null);
}

// Without a PID namespace: the children of the supervisor (a subreaper, so orphans of the
// implementation's processes become its children), read from /proc, each killed.
void kill_listed_children() {
    char path[64] = "/proc/self/task/";
    long tid = syscall(SYS_gettid);
    char digits[24];
    int n = 0;
    do digits[n++] = static_cast<char>('0' + tid % 10);
    while ((tid /= 10) > 0);
    std::size_t at = 16;
    while (n > 0) path[at++] = digits[--n];
    const char tail[] = "/children";
    for (char c : tail) path[at++] = c;
    const int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    char buf[4096];
    long pid = 0;
    bool in_number = false;
    for (ssize_t got; (got = read(fd, buf, sizeof buf)) > 0;) {
        for (ssize_t i = 0; i < got; ++i) {
            if (buf[i] >= '0' && buf[i] <= '9') {
                pid = pid * 10 + (buf[i] - '0');
                in_number = true;
            } else if (in_number) {
                kill(static_cast<pid_t>(pid), SIGKILL);
                pid = 0;
                in_number = false;
            }
        }
    }
    if (in_number) kill(static_cast<pid_t>(pid), SIGKILL);
    close(fd);
}

}  // namespace

void supervise(const ChildPlan& plan) {
    ChildReport report{};
    arrange_descriptors(report, plan);
    sigset_t waited;
    sigemptyset(&waited);
    sigaddset(&waited, SIGCHLD);
    sigaddset(&waited, SIGHUP);
    sigprocmask(SIG_BLOCK, &waited, nullptr);
    setsid();
    const bool own_pid_namespace = plan.isolation == Isolation::namespaces;
    if (own_pid_namespace)
        enter_namespaces(report, plan);
    else
        prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
    // SIGHUP when the oracle's thread ends (set after the ids change, which clears it), or when
    // the oracle asks the run to stop. Had the oracle already ended: its end of the sync pipe
    // is closed (namespaces), or this process has another parent.
    prctl(PR_SET_PDEATHSIG, SIGHUP, 0, 0, 0);
    if (own_pid_namespace) {
        pollfd lifeline{sync_fd, POLLIN, 0};
        if (poll(&lifeline, 1, 0) != 0) _exit(0);  // nothing more is written to it: only a hang-up
        close(sync_fd);
    } else if (getppid() != plan.parent) {
        _exit(0);
    }

    int exec_error[2];
    if (pipe2(exec_error, O_CLOEXEC) != 0) setup_failed(report, SetupStep::descriptors);
    const std::int64_t deadline = now_milliseconds() + plan.wall_milliseconds;
    const long child = syscall(SYS_clone, SIGCHLD, 0, 0, 0, 0);
    if (child < 0) setup_failed(report, SetupStep::fork);
    if (child == 0) {
        close(exec_error[0]);
        start_implementation(plan, exec_error[1]);
    }
    close(exec_error[1]);
    report.started = 1;
    const pid_t implementation = static_cast<pid_t>(child);

    bool ended = false;
    auto reap = [&]() {
        for (;;) {
            int status = 0;
            rusage usage{};
            const pid_t p = wait4(-1, &status, WNOHANG, &usage);
            if (p <= 0) return p == 0 || errno != ECHILD;  // false: no child left
            if (p == implementation && !ended) {
                ended = true;
                report.wait_status = status;
                report.cpu_microseconds =
                    std::int64_t{usage.ru_utime.tv_sec + usage.ru_stime.tv_sec} * 1000000 +
                    usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
                report.max_rss_kib = usage.ru_maxrss;
            } else if (ended) {
                ++report.stray_processes;
            }
        }
    };
    while (!ended) {
        reap();
        if (ended) break;
        const std::int64_t left = deadline - now_milliseconds();
        if (left <= 0) {
            report.timed_out = 1;
            break;
        }
        timespec wait{left / 1000, (left % 1000) * 1000000};
        if (sigtimedwait(&waited, nullptr, &wait) == SIGHUP) {
            report.timed_out = 2;
            break;
        }
    }
    // Whatever the implementation left running, or the implementation itself on a timeout.
    for (;;) {
        if (own_pid_namespace && getpid() == 1) {
            kill(-1, SIGKILL);  // inside the PID namespace: every process of it but this one
        } else {
            kill(-implementation, SIGKILL);
            if (!ended) kill(implementation, SIGKILL);
            kill_listed_children();
        }
        if (!reap()) break;
        timespec wait{0, 10 * 1000000};
        sigtimedwait(&waited, nullptr, &wait);
    }
    std::int32_t why[2] = {0, 0};
    if (read(exec_error[0], why, sizeof why) == sizeof why) {
        report.exec_step = why[0];
        report.exec_errno = why[1];
    }
    report_and_exit(report);
}

}  // namespace hexproof::oracle
