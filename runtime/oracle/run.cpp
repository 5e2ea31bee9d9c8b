// Running an implementation: see run.hpp. This is the oracle's side of a run; the child's side
// is supervisor.cpp.
#include "run.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstring>

#include "scratch.hpp"

extern char** environ;

namespace hexproof::oracle {

namespace {

using Clock = std::chrono::steady_clock;

std::atomic<bool> stopping{false};

constexpr std::size_t tail_bytes = 4096;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

std::string errno_text(int e) { return std::strerror(e); }

void keep(Stream& s, const char* data, std::size_t n, std::size_t head_limit) {
    s.total += n;
    const std::size_t to_head = std::min(n, head_limit - std::min(head_limit, s.head.size()));
    s.head.append(data, to_head);
    data += to_head;
    n -= to_head;
    if (n == 0) return;
    s.tail.append(data, n);
    if (s.tail.size() > 2 * tail_bytes) s.tail.erase(0, s.tail.size() - tail_bytes);
}

bool write_text(const std::string& path, const std::string& text) {
    const int fd = open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) return false;
    const bool ok = write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    close(fd);
    return ok;
}

const char* setup_step_name(SetupStep s) {
    switch (s) {
        case SetupStep::none: return "setup";
        case SetupStep::sync: return "waiting for the id maps";
        case SetupStep::ids: return "taking the ids of the user namespace";
        case SetupStep::no_nesting: return "forbidding nested user namespaces";
        case SetupStep::mount_private: return "making the mounts private";
        case SetupStep::mount_read_only: return "making the mounts read-only";
        case SetupStep::mount_scratch: return "making the scratch folder writable";
        case SetupStep::descriptors: return "arranging descriptors";
        case SetupStep::fork: return "starting the implementation";
    }
    return "setup";
}

const char* exec_step_name(ExecStep s) {
    switch (s) {
        case ExecStep::none: return "starting";
        case ExecStep::limits: return "setting the limits";
        case ExecStep::ids: return "becoming uid 65534";
        case ExecStep::no_new_privileges: return "setting no_new_privs";
        case ExecStep::capabilities: return "dropping capabilities";
        case ExecStep::landlock: return "entering Landlock";
        case ExecStep::chdir: return "entering the scratch folder";
        case ExecStep::execve: return "execve";
    }
    return "starting";
}

// Processes of a uid now, from /proc: without namespaces RLIMIT_NPROC counts all of them.
std::uint64_t processes_of(uid_t uid) {
    std::uint64_t n = 0;
    DIR* proc = opendir("/proc");
    if (!proc) return 0;
    while (const dirent* e = readdir(proc)) {
        if (e->d_name[0] < '0' || e->d_name[0] > '9') continue;
        struct stat st {};
        if (fstatat(dirfd(proc), e->d_name, &st, 0) == 0 && st.st_uid == uid) ++n;
    }
    closedir(proc);
    return n;
}

}  // namespace

void request_stop() { stopping.store(true); }
bool stop_requested() { return stopping.load(); }

int landlock_abi() {
    const long v = syscall(SYS_landlock_create_ruleset, nullptr, 0, 1u /* LANDLOCK_CREATE_RULESET_VERSION */);
    return v > 0 ? static_cast<int>(v) : 0;
}

std::string Stream::last_lines(std::size_t lines) const {
    std::string text = tail.empty() ? head : tail;
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    std::size_t start = text.size();
    for (std::size_t i = 0; i < lines && start > 0; ++i) {
        const std::size_t nl = text.rfind('\n', start - 1);
        start = nl == std::string::npos ? 0 : nl;
    }
    if (start < text.size() && text[start] == '\n') ++start;
    return text.substr(start);
}

std::unique_ptr<Runner> Runner::create(std::optional<Isolation> requested, const std::string& tmpdir,
                                       unsigned jobs, std::string* why) {
    std::unique_ptr<Runner> runner(new Runner());
    runner->as_root_ = geteuid() == 0;
    runner->jobs_ = std::max(jobs, 1u);
    runner->landlock_abi_ = landlock_abi();
    runner->root_ = ScratchRoot::create(tmpdir, runner->as_root_, why);
    if (!runner->root_) return nullptr;
    // Try each isolation from the strongest: a run of a program that does not exist must get as
    // far as execve, which then fails with ENOENT.
    const Isolation order[] = {Isolation::namespaces, Isolation::landlock, Isolation::none};
    for (Isolation candidate : order) {
        if (requested && *requested != candidate) continue;
        runner->isolation_ = candidate;
        if (candidate == Isolation::landlock && runner->landlock_abi_ == 0) {
            runner->weaker_because_ +=
                std::string(runner->weaker_because_.empty() ? "" : "; ") + "Landlock: not in this kernel";
            continue;
        }
        RunRequest probe;
        probe.argv = {runner->root_->path() + "/no-such-program"};
        probe.output = "out";
        probe.limits.cpu_seconds = 5;
        probe.limits.wall_seconds = 30;
        if (!runner->as_root_ && candidate != Isolation::namespaces)
            runner->process_base_ = processes_of(getuid());
        else if (runner->as_root_ && candidate != Isolation::namespaces)
            runner->process_base_ = processes_of(unprivileged_id);
        const Outcome o = runner->run(probe);
        if (o.exec_failed && o.why == std::string("execve: ") + errno_text(ENOENT)) return runner;
        if (o.exec_failed && o.why.rfind(exec_step_name(ExecStep::chdir), 0) == 0) {
            *why = "the scratch folder " + runner->root_->path() +
                   " cannot be entered by the user implementations run as" +
                   (runner->as_root_ ? " (uid 65534)" : "") + ": " + o.why +
                   "; set TMPDIR to a folder others may search";
            return nullptr;
        }
        const char* name = candidate == Isolation::namespaces ? "namespaces"
                           : candidate == Isolation::landlock ? "Landlock"
                                                              : "none";
        runner->weaker_because_ +=
            std::string(runner->weaker_because_.empty() ? "" : "; ") + name + ": " + o.why;
    }
    *why = "the isolation asked for is not available: " + runner->weaker_because_;
    return nullptr;
}

Runner::~Runner() = default;

const std::string& Runner::scratch_path() const { return root_->path(); }

std::string Runner::description() const {
    const std::string who = as_root_ ? "as uid and gid 65534 (nobody)" : "as your user";
    std::string d;
    switch (isolation_) {
        case Isolation::namespaces:
            d = "namespaces: its own user, PID, mount, IPC and network namespaces; every mount read-only but "
                "its scratch folder; no network; no capabilities; no namespace of its own; " +
                who;
            break;
        case Isolation::landlock:
            d = "Landlock (ABI " + std::to_string(landlock_abi_) +
                "): it may change only its scratch folder (and write /dev/null)" +
                std::string(landlock_abi_ >= 4 ? ", no TCP" : "") +
                (landlock_abi_ >= 6 ? ", no signals out" : "") +
                "; its own session, and the oracle kills its orphans; " + who;
            break;
        case Isolation::none:
            d = "none: it may write wherever its user may; its own session, and the oracle kills its "
                "orphans; " +
                who;
            break;
    }
    if (!weaker_because_.empty()) d += " (stronger isolation not available: " + weaker_because_ + ")";
    return d;
}

Outcome Runner::run(const RunRequest& request) const {
    Outcome o;
    const auto started = Clock::now();
    if (stop_requested()) {
        o.why = "the oracle was interrupted";
        return o;
    }
    ScratchFolder folder;
    std::string why;
    if (!make_folder(*root_, as_root_ ? static_cast<long>(unprivileged_id) : -1, &folder, &why)) {
        o.why = why;
        if (folder.fd >= 0) close(folder.fd);
        remove_tree(root_->fd(), folder.name, &why);
        return o;
    }
    auto finish = [&](Outcome& out) {
        std::string problem;
        if (!remove_tree(root_->fd(), folder.name, &problem))
            out.cleanup_problem = folder.path + ": " + problem;
        close(folder.fd);
        out.wall_seconds = seconds_since(started);
    };
    for (const auto& [name, bytes] : request.files) {
        if (!write_new_file(folder.fd, name, bytes, &why)) {
            o.why = why;
            finish(o);
            return o;
        }
    }

    // Everything the child reads, made now (supervisor.hpp).
    std::vector<std::string> args = request.argv;
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<std::string> env;
    for (char** e = environ; *e; ++e)
        if (std::strncmp(*e, "TMPDIR=", 7) != 0) env.push_back(*e);
    env.push_back("TMPDIR=" + folder.path);
    std::vector<char*> envp;
    for (std::string& e : env) envp.push_back(e.data());
    envp.push_back(nullptr);

    int out[2], err[2], result[2], sync[2] = {-1, -1};
    const bool namespaces = isolation_ == Isolation::namespaces;
    if (pipe2(out, O_CLOEXEC) != 0 || pipe2(err, O_CLOEXEC) != 0 || pipe2(result, O_CLOEXEC) != 0 ||
        (namespaces && pipe2(sync, O_CLOEXEC) != 0)) {
        o.why = "cannot make pipes: " + errno_text(errno);
        finish(o);
        return o;  // (descriptors of a failed pipe2 sequence are few; the process is short of them anyway)
    }
    ChildPlan plan;
    plan.isolation = isolation_;
    plan.program = args[0].c_str();
    plan.argv = argv.data();
    plan.envp = envp.data();
    plan.scratch = folder.path.c_str();
    plan.drop_to_unprivileged = as_root_ && !namespaces;
    plan.landlock_abi = landlock_abi_;
    plan.parent = static_cast<int>(getpid());
    const Limits& l = request.limits;
    plan.cpu_seconds = static_cast<std::uint64_t>(std::ceil(l.cpu_seconds));
    plan.address_space = l.address_space;
    plan.file_size = l.output_bytes;
    plan.processes = namespaces ? l.processes : process_base_ + l.processes * jobs_;
    plan.wall_milliseconds = static_cast<std::int64_t>(l.wall_seconds * 1000);
    plan.sync_fd = sync[0];
    plan.stdout_fd = out[1];
    plan.stderr_fd = err[1];
    plan.result_fd = result[1];

    const unsigned long flags =
        namespaces ? CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNS | CLONE_NEWIPC | CLONE_NEWNET : 0;
    const long child = syscall(SYS_clone, flags | SIGCHLD, 0, 0, 0, 0);
    if (child == 0) supervise(plan);
    const int clone_errno = errno;
    for (int fd : {out[1], err[1], result[1], sync[0]})
        if (fd >= 0) close(fd);
    auto close_reads = [&]() {
        for (int fd : {out[0], err[0], result[0], sync[1]})
            if (fd >= 0) close(fd);
    };
    if (child < 0) {
        o.why = "cannot start a supervisor process: " + errno_text(clone_errno);
        close_reads();
        finish(o);
        return o;
    }
    const pid_t pid = static_cast<pid_t>(child);
    if (namespaces) {
        // The implementation's uid and gid inside are 0, outside 65534 (for root) or the user's.
        const std::string proc = "/proc/" + std::to_string(pid);
        const unsigned uid = as_root_ ? unprivileged_id : getuid();
        const unsigned gid = as_root_ ? unprivileged_id : getgid();
        const bool mapped = (as_root_ || write_text(proc + "/setgroups", "deny")) &&
                            write_text(proc + "/uid_map", "0 " + std::to_string(uid) + " 1\n") &&
                            write_text(proc + "/gid_map", "0 " + std::to_string(gid) + " 1\n");
        const int map_errno = errno;
        if (!mapped) {
            kill(pid, SIGKILL);
            int status = 0;
            while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
            }
            o.why = "cannot map ids into the user namespace: " + errno_text(map_errno);
            close_reads();
            finish(o);
            return o;
        }
        // The write end stays open until the run ends: the supervisor's lifeline to the oracle.
        const ssize_t ignored = write(sync[1], "x", 1);
        (void)ignored;
    }

    // Read both streams (keeping at most the limit of each) and the supervisor's report until
    // all three end; the supervisor holds them until every process of the run is gone.
    ChildReport report{};
    bool reported = false;
    std::size_t report_got = 0;
    Clock::time_point reported_at{}, hup_at{};
    bool hup_sent = false, killed = false;
    const auto backstop = started + std::chrono::duration_cast<Clock::duration>(
                                        std::chrono::duration<double>(l.wall_seconds + 5));
    struct pollfd fds[3] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}, {result[0], POLLIN, 0}};
    std::vector<char> buf(65536);
    for (;;) {
        if (fds[0].fd < 0 && fds[1].fd < 0 && fds[2].fd < 0) break;
        if (reported && seconds_since(reported_at) > 1) break;  // a process that escaped still holds a pipe
        if (killed && seconds_since(backstop) > 2) break;
        if (stop_requested() && !hup_sent) {
            kill(pid, SIGHUP);
            hup_sent = true;
            hup_at = Clock::now();
        }
        if (!killed && (Clock::now() > backstop || (hup_sent && seconds_since(hup_at) > 2))) {
            kill(pid, SIGKILL);
            killed = true;
        }
        const int ready = poll(fds, 3, 100);
        if (ready < 0 && errno != EINTR) break;
        for (int i = 0; i < 3; ++i) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            const ssize_t n = i == 2 ? read(fds[i].fd, reinterpret_cast<char*>(&report) + report_got,
                                            sizeof report - report_got)
                                     : read(fds[i].fd, buf.data(), buf.size());
            if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
            if (n <= 0) {
                close(fds[i].fd);
                fds[i].fd = -1;
                continue;
            }
            if (i == 2) {
                report_got += static_cast<std::size_t>(n);
                if (report_got == sizeof report && !reported) {
                    reported = true;
                    reported_at = Clock::now();
                }
            } else {
                keep(i == 0 ? o.out : o.err, buf.data(), static_cast<std::size_t>(n), l.stream_bytes);
            }
        }
    }
    for (const pollfd& p : fds)
        if (p.fd >= 0) close(p.fd);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }

    o.cpu_seconds = static_cast<double>(report.cpu_microseconds) / 1e6;
    o.max_rss_kib = report.max_rss_kib;
    o.stray_processes = report.stray_processes;
    if (!reported) {
        if (killed && !hup_sent) {
            o.end = Outcome::End::timed_out;
            o.why = "the wall-clock limit (the supervisor was killed)";
        } else {
            o.why = hup_sent ? "the oracle was interrupted" : "the supervisor ended without a report";
        }
    } else if (report.setup_step != 0) {
        o.why = std::string("isolation setup failed (") +
                setup_step_name(static_cast<SetupStep>(report.setup_step)) +
                "): " + errno_text(report.setup_errno);
    } else if (report.exec_step != 0) {
        o.exec_failed = true;
        o.why = std::string(exec_step_name(static_cast<ExecStep>(report.exec_step))) + ": " +
                errno_text(report.exec_errno);
    } else if (report.timed_out == 2) {
        o.why = "the oracle was interrupted";
    } else if (report.timed_out == 1) {
        o.end = Outcome::End::timed_out;
        char text[64];
        std::snprintf(text, sizeof text, "the wall-clock limit of %g s", l.wall_seconds);
        o.why = text;
    } else if (WIFSIGNALED(report.wait_status)) {
        const int sig = WTERMSIG(report.wait_status);
        if (sig == SIGXCPU || (sig == SIGKILL && o.cpu_seconds >= static_cast<double>(plan.cpu_seconds))) {
            o.end = Outcome::End::timed_out;
            o.why = "the CPU limit of " + std::to_string(plan.cpu_seconds) + " s";
        } else {
            o.end = Outcome::End::signalled;
            o.code = sig;
        }
    } else {
        o.end = Outcome::End::exited;
        o.code = WEXITSTATUS(report.wait_status);
        if (o.code == 0) {
            ReadBack back = read_regular_file(folder.fd, request.output, l.output_bytes);
            o.output = std::move(back.bytes);
            o.output_problem = std::move(back.problem);
        }
    }
    if (sync[1] >= 0) close(sync[1]);
    finish(o);
    return o;
}

}  // namespace hexproof::oracle
