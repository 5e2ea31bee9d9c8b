// `hexproof oracle`: the command line (every value checked), the setup (paths resolved, the
// isolation chosen, each implementation tried once), the cases, and the report.
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <thread>

#include "corpus.hpp"
#include "io.hpp"
#include "oracle.hpp"
#include "program_gen.hpp"
#include "report.hpp"

namespace hexproof::oracle {

namespace {

const char* const help_text =
    "usage: hexproof oracle [--hex2 PATH] [--m1 PATH] [--corpus DIR]... [--generate N] [OPTIONS]\n"
    "Runs another implementation of hex2 and/or M1 on the same inputs as hexproof's reference and\n"
    "reports every disagreement, shrunk to a minimal program (docs/oracle.md).\n"
    "\n"
    "What to check (at least one tool, and corpus cases and/or generated programs):\n"
    "  --hex2 PATH           the hex2 under test (an executable regular file)\n"
    "  --m1 PATH             the M1 under test; with only one of the two, only that tool is checked\n"
    "  --hex2-cmd TEMPLATE   how to run the hex2 under test, when not as mescc-tools (-f IN... FLAGS\n"
    "                        -o OUT): words with placeholders {program} (the --hex2 PATH), {input}\n"
    "                        (the inputs joined into one file), {inputs}, {input-flags}, {output},\n"
    "                        {arch}, {endianness}, {endian-flag}, {byte-mode}, {base-address},\n"
    "                        {mode-flags}; quotes group, no shell. The first word is the program:\n"
    "                        {program}, or a path or a name found in PATH (qemu-aarch64 {program}\n"
    "                        {input} {output}). Without --hex2 PATH the template's program is checked\n"
    "  --m1-cmd TEMPLATE     the same for M1 ({base-address} is hex2's only)\n"
    "  --corpus DIR          every folder under DIR holding a cmd.txt (../shared/corpus format); each\n"
    "                        step gets the reference's outputs of the earlier steps and its own verdict\n"
    "  --generate N          N generated programs per architecture (1..100000000)\n"
    "  --arch NAME           only this architecture (repeatable): knight, x86, amd64, armv7l, aarch64,\n"
    "                        ppc64le, riscv32, riscv64\n"
    "  --seed S              the generator's seed (decimal or 0x hex, 64 bits; default 1)\n"
    "  --stable-only         generate only programs on which mescc-tools 1.4.0 and 1.7.0 agree\n"
    "\n"
    "What the implementation is (docs/oracle.md, \"Profiles\"):\n"
    "  --profile NAME|FILE   the subset it implements, how it is called, its release: full (the\n"
    "                        default), seed (the stage0-posix seed tools hex2-0 and M0 of the one\n"
    "                        --arch given), seed-ARCH, mescc-tools-1.4, mescc-tools-1.5,\n"
    "                        mescc-tools-1.6, portable, or a profile file. Programs are generated\n"
    "                        inside it; corpus steps outside it are skipped and counted\n"
    "  --show-profile        print the profile in the file format and exit\n"
    "  --explain-as VERSION  the mescc-tools release under test (1.4.0, 1.5, 1.6.0, 1.7.0; default:\n"
    "                        the profile's): a divergence is a known difference of that release\n"
    "                        only when the reference, run with that release's behaviour for it,\n"
    "                        gives the implementation's answer\n"
    "  --exact-bytes         compare M1 outputs byte for byte (default: as hex2 reads them, so a\n"
    "                        difference in layout only is the verdict formatting, not a failure)\n"
    "\n"
    "Limits of each invocation (the implementation and everything it starts):\n"
    "  --timeout S           CPU seconds per process (RLIMIT_CPU, rounded up to whole seconds;\n"
    "                        default 10); more is a timeout\n"
    "  --wall-timeout S      wall-clock backstop for a run that waits instead of computing\n"
    "                        (default 10 times --timeout, at least 30)\n"
    "  --max-memory BYTES    address space per process (RLIMIT_AS; default 8G: qemu-i386 reserves 4G;\n"
    "                        `unlimited` for sanitizer builds, which reserve terabytes)\n"
    "  --max-output BYTES    size of any file written (RLIMIT_FSIZE), and the most of the output read\n"
    "                        back (default 64M; never less than the reference's output)\n"
    "  --max-processes N     processes at once (RLIMIT_NPROC; default 64)\n"
    "  --max-stream BYTES    kept of standard output and of standard error each (default 64K; the\n"
    "                        rest is read and dropped)\n"
    "  --isolation KIND      auto (default: the strongest available), namespaces, landlock or none\n"
    "  BYTES take a suffix K, M or G (powers of 1024).\n"
    "\n"
    "Shrinking and reports:\n"
    "  --max-reports N       shrink and describe at most N groups (0..10000; default 10)\n"
    "  --shrink-seconds S    time for shrinking each group (default 30)\n"
    "  --shrink-timeout S    CPU seconds for each candidate when shrinking a timeout (default 1)\n"
    "  -j, --jobs N          invocations at once (1..256; default: the number of cores)\n"
    "  --json                write the report as JSON: one record per checked invocation (tool, case,\n"
    "                        step, command, verdict, class, first_difference, reason, group), the\n"
    "                        groups, and a summary with the counts\n"
    "  --report-dir DIR      also write the report and each shrunk program, whole, into DIR\n"
    "\n"
    "Verdicts, each counted apart: agree, formatting, divergence, known-difference,\n"
    "upstream-undefined, upstream-limit, timeout, crash, no-output, could-not-run. Progress is shown\n"
    "on standard error when it is a terminal.\n"
    "Exit status: 0 when every invocation agrees (or is formatting, upstream-undefined or\n"
    "upstream-limit); 1 otherwise; 2 on a usage or setup error (an implementation that cannot be run\n"
    "on any case is a setup error); 130 when interrupted.\n";

int usage_error(const std::string& message) {
    std::fprintf(stderr, "hexproof oracle: %s (see hexproof oracle --help)\n", message.c_str());
    return 2;
}

int setup_error(const std::string& message) {
    std::fprintf(stderr, "hexproof oracle: %s\n", message.c_str());
    return 2;
}

bool all_of(const std::string& s, const char* allowed) {
    return !s.empty() && s.find_first_not_of(allowed) == std::string::npos;
}

// A positive number of seconds: digits with at most one point, at most a day.
bool parse_seconds(const std::string& s, double* out) {
    if (!all_of(s, "0123456789.") || s.find('.') != s.rfind('.') || s == ".") return false;
    const double v = std::strtod(s.c_str(), nullptr);
    if (!std::isfinite(v) || v <= 0 || v > 86400) return false;
    *out = v;
    return true;
}

bool parse_count(const std::string& s, std::uint64_t lo, std::uint64_t hi, std::uint64_t* out) {
    if (!all_of(s, "0123456789") || s.size() > 19) return false;
    const std::uint64_t v = std::strtoull(s.c_str(), nullptr, 10);
    if (v < lo || v > hi) return false;
    *out = v;
    return true;
}

bool parse_seed(const std::string& s, std::uint64_t* out) {
    const bool hex = s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
    const std::string digits = hex ? s.substr(2) : s;
    if (!all_of(digits, hex ? "0123456789abcdefABCDEF" : "0123456789")) return false;
    errno = 0;
    const unsigned long long v = std::strtoull(digits.c_str(), nullptr, hex ? 16 : 10);
    if (errno == ERANGE) return false;
    *out = v;
    return true;
}

bool parse_bytes(const std::string& s, std::uint64_t lo, std::uint64_t hi, std::uint64_t* out) {
    std::string digits = s;
    unsigned shift = 0;
    if (!digits.empty()) {
        const char unit = digits.back();
        if (unit == 'K' || unit == 'k')
            shift = 10;
        else if (unit == 'M' || unit == 'm')
            shift = 20;
        else if (unit == 'G' || unit == 'g')
            shift = 30;
        if (shift) digits.pop_back();
    }
    std::uint64_t v = 0;
    if (!parse_count(digits, 0, std::uint64_t{1} << 40, &v)) return false;
    v <<= shift;
    if (v < lo || v > hi) return false;
    *out = v;
    return true;
}

// The absolute path of an existing file, or empty with *why.
std::string resolve(const std::string& path, std::string* why) {
    char buf[PATH_MAX];
    if (!realpath(path.c_str(), buf)) {
        *why = path + ": " + std::strerror(errno);
        return "";
    }
    return buf;
}

std::string check_program(const std::string& flag, const std::string& path, std::string* resolved) {
    std::string why;
    *resolved = resolve(path, &why);
    if (resolved->empty()) return flag + " " + why;
    struct stat st {};
    if (stat(resolved->c_str(), &st) != 0 || !S_ISREG(st.st_mode))
        return flag + " " + path + ": not a regular file";
    if (access(resolved->c_str(), X_OK) != 0 || !(st.st_mode & 0111))
        return flag + " " + path + ": not executable";
    return "";
}

unsigned cores() {
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
        return static_cast<unsigned>(CPU_COUNT(&set));
    const unsigned n = std::thread::hardware_concurrency();
    return n ? n : 1;
}

void on_signal(int) { request_stop(); }

void catch_signals() {
    struct sigaction a {};
    a.sa_handler = on_signal;
    sigemptyset(&a.sa_mask);
    for (int s : {SIGINT, SIGTERM, SIGHUP}) sigaction(s, &a, nullptr);
    signal(SIGPIPE, SIG_IGN);
}

// Runs a tool once on an empty input: setup fails here, not on every case, when the
// implementation cannot be started at all (not executable by the user it runs as, a missing
// interpreter, ...).
std::string try_once(const Runner& runner, const Implementation& impl, Tool tool, const Limits& limits) {
    Invocation inv;
    inv.tool = tool;
    inv.inputs.push_back(Input{"empty", ""});
    RunRequest request;
    request.argv = expand(impl.command, inv, impl.executable, impl.program, scratch_names(inv), output_name);
    request.files.emplace_back(scratch_names(inv)[0], "");
    request.output = output_name;
    // Only whether it starts matters: a short run.
    request.limits = limits;
    request.limits.cpu_seconds = 1;
    request.limits.wall_seconds = 2;
    const Outcome o = runner.run(request);
    if (o.end != Outcome::End::could_not_run) return "";
    std::string why = "cannot run " + impl.executable + ": " + o.why;
    if (o.exec_failed && geteuid() == 0)
        why +=
            " (as root, the oracle runs implementations as uid 65534: the program, its interpreter and their "
            "folders must be readable and executable by others)";
    return why;
}

// A program named by a template's first word: a path (resolved), or a name looked up in PATH.
std::string find_program(const std::string& word, std::string* why) {
    if (word.find('/') != std::string::npos) return resolve(word, why);
    const char* path = std::getenv("PATH");
    std::string dirs = path ? path : "/usr/bin:/bin";
    for (std::size_t start = 0; start <= dirs.size();) {
        std::size_t end = dirs.find(':', start);
        if (end == std::string::npos) end = dirs.size();
        const std::string dir = dirs.substr(start, end - start);
        start = end + 1;
        if (dir.empty()) continue;  // the current folder: never implicitly
        const std::string candidate = dir + "/" + word;
        struct stat st {};
        if (stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
            access(candidate.c_str(), X_OK) == 0) {
            std::string unused;
            return resolve(candidate, &unused);
        }
    }
    *why = word + ": not found in PATH";
    return "";
}

// What went wrong setting an implementation up; `usage`: a bad template rather than a missing or
// unusable program.
struct SetUpError {
    std::string message;
    bool usage = false;
};

// The tool's implementation from --hex2/--m1 PATH and its template (--hex2-cmd, else the
// profile's, else mescc-tools'); nothing when the tool is not checked.
SetUpError set_up(Tool tool, const std::string& path_arg, const std::string& command_arg,
                  const std::optional<CommandTemplate>& profile_command, Implementation* impl) {
    const std::string flag = tool == Tool::hex2 ? "--hex2" : "--m1";
    const std::string cmd_flag = flag + "-cmd";
    if (path_arg.empty() && command_arg.empty()) return {};
    if (!command_arg.empty()) {
        std::string error;
        auto t = parse_template(command_arg, tool, &error);
        if (!t) return {cmd_flag + ": " + error, true};
        impl->command = std::move(*t);
    } else if (profile_command) {
        impl->command = *profile_command;
    }
    if (!path_arg.empty())
        if (std::string e = check_program(flag, path_arg, &impl->program); !e.empty()) return {e};
    const auto& first = impl->command.words[0];
    const bool first_is_program = first.size() == 1 && first[0].placeholder;
    if (impl->command.uses("program") && impl->program.empty()) {
        const std::string whose =
            command_arg.empty()
                ? "the profile's " + std::string(tool == Tool::hex2 ? "hex2" : "m1") + "-command"
                : cmd_flag;
        return {whose + " uses {program}: give " + flag + " PATH", true};
    }
    if (first_is_program) {
        impl->executable = impl->program;
        return {};
    }
    std::string why;
    const std::string found = find_program(first[0].text, &why);
    if (found.empty()) return {cmd_flag + ": " + why};
    return {check_program(cmd_flag, found, &impl->executable)};
}

}  // namespace

int oracle_main(int argc, char** argv) {
    Settings settings;
    settings.jobs = cores();
    std::vector<std::string> corpora;
    std::string hex2_arg, m1_arg, report_dir, hex2_cmd, m1_cmd, profile_arg = "full";
    std::optional<Release> explain_as;
    std::uint64_t generate = 0, seed = 1;
    bool json = false, stable_only = false, wall_given = false, show_profile = false;
    std::optional<Isolation> isolation;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "-h" || a == "--help") {
            std::fputs(help_text, stdout);
            return 0;
        }
        if (a == "--json") {
            json = true;
            continue;
        }
        if (a == "--stable-only") {
            stable_only = true;
            continue;
        }
        if (a == "--exact-bytes") {
            settings.comparing = Comparing::exact_bytes;
            continue;
        }
        if (a == "--show-profile") {
            show_profile = true;
            continue;
        }
        std::string value;
        std::string name = a;
        if (a.size() > 2 && a.compare(0, 2, "-j") == 0 && a[2] != '-') {  // -j4
            name = "-j";
            value = a.substr(2);
        } else if (i + 1 < argc) {
            value = argv[++i];
        } else {
            return usage_error("unknown option or missing value: '" + a + "'");
        }
        std::uint64_t n = 0;
        auto bad = [&](const std::string& what) {
            return usage_error("bad value for " + name + ": '" + value + "' (" + what + ")");
        };
        if (name == "--hex2")
            hex2_arg = value;
        else if (name == "--hex2-cmd")
            hex2_cmd = value;
        else if (name == "--m1-cmd" || name == "--M1-cmd")
            m1_cmd = value;
        else if (name == "--profile")
            profile_arg = value;
        else if (name == "--explain-as") {
            explain_as = parse_release(value);
            if (!explain_as)
                return bad(
                    "1.4.0, 1.5 (1.5.0 to 1.5.2), 1.6.0 or 1.7.0: the releases whose differences are known");
        } else if (name == "--m1" || name == "--M1")
            m1_arg = value;
        else if (name == "--corpus")
            corpora.push_back(value);
        else if (name == "--report-dir")
            report_dir = value;
        else if (name == "--arch") {
            const auto arch = parse_architecture(value == "knight" ? "knight-native" : value);
            if (!arch) return bad("an architecture name");
            settings.architectures.push_back(*arch);
        } else if (name == "--generate") {
            if (!parse_count(value, 1, 100000000, &generate))
                return bad("a whole number from 1 to 100000000");
        } else if (name == "--seed") {
            if (!parse_seed(value, &seed)) return bad("a 64-bit number, decimal or 0x hex");
        } else if (name == "--timeout") {
            if (!parse_seconds(value, &settings.limits.cpu_seconds))
                return bad("seconds, more than 0, at most 86400");
        } else if (name == "--wall-timeout") {
            if (!parse_seconds(value, &settings.limits.wall_seconds))
                return bad("seconds, more than 0, at most 86400");
            wall_given = true;
        } else if (name == "--shrink-timeout") {
            if (!parse_seconds(value, &settings.shrink_timeout))
                return bad("seconds, more than 0, at most 86400");
        } else if (name == "--shrink-seconds") {
            if (!parse_seconds(value, &settings.shrink_seconds))
                return bad("seconds, more than 0, at most 86400");
        } else if (name == "--max-reports") {
            if (!parse_count(value, 0, 10000, &n)) return bad("a whole number from 0 to 10000");
            settings.max_reports = n;
        } else if (name == "-j" || name == "--jobs") {
            if (!parse_count(value, 1, 256, &n)) return bad("a whole number from 1 to 256");
            settings.jobs = static_cast<unsigned>(n);
        } else if (name == "--max-memory") {
            if (value == "unlimited")
                settings.limits.address_space = RLIM_INFINITY;
            else if (!parse_bytes(value, std::uint64_t{16} << 20, std::uint64_t{1} << 40,
                                  &settings.limits.address_space))
                return bad("bytes from 16M to 1024G, or unlimited");
        } else if (name == "--max-output") {
            if (!parse_bytes(value, 1024, std::uint64_t{4} << 30, &settings.limits.output_bytes))
                return bad("bytes from 1K to 4G");
        } else if (name == "--max-processes") {
            if (!parse_count(value, 1, 10000, &settings.limits.processes))
                return bad("a whole number from 1 to 10000");
        } else if (name == "--max-stream") {
            if (!parse_bytes(value, 1024, std::uint64_t{1} << 30, &n)) return bad("bytes from 1K to 1G");
            settings.limits.stream_bytes = n;
        } else if (name == "--isolation") {
            if (value == "auto")
                isolation.reset();
            else if (value == "namespaces")
                isolation = Isolation::namespaces;
            else if (value == "landlock")
                isolation = Isolation::landlock;
            else if (value == "none")
                isolation = Isolation::none;
            else
                return bad("auto, namespaces, landlock or none");
        } else {
            return usage_error("unknown option '" + a + "'");
        }
    }
    if (!wall_given) settings.limits.wall_seconds = std::max(30.0, 10 * settings.limits.cpu_seconds);
    if (settings.limits.wall_seconds < settings.limits.cpu_seconds)
        return usage_error("--wall-timeout must be at least --timeout");

    // The profile: a built-in one (`seed` takes its architecture from the one --arch), or a file.
    {
        const std::optional<Architecture> one_arch =
            settings.architectures.size() == 1 ? std::optional<Architecture>(settings.architectures[0])
                                               : std::nullopt;
        if (profile_arg == "seed" && !one_arch)
            return usage_error("--profile seed needs one --arch: amd64, x86, aarch64 or riscv64");
        auto builtin = builtin_profile(profile_arg, one_arch);
        if (!builtin && profile_arg == "seed")
            return usage_error("there is no seed profile for " + std::string(architecture_name(*one_arch)) +
                               " (amd64, x86, aarch64, riscv64)");
        if (builtin) {
            settings.profile = std::move(*builtin);
        } else if (profile_arg.find('/') == std::string::npos && profile_arg.find('.') == std::string::npos) {
            return usage_error("--profile " + profile_arg + ": no such built-in profile (" +
                               builtin_profile_names() + "), nor a file (write ./" + profile_arg +
                               " for a file here)");
        } else {
            ReadFailure failure;
            std::string why;
            const std::string path = resolve(profile_arg, &why);
            struct stat st {};
            if (path.empty()) return setup_error("--profile " + why);
            if (stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
                return setup_error("--profile " + profile_arg + ": not a regular file");
            if (st.st_size > 65536) return setup_error("--profile " + profile_arg + ": larger than 64 KiB");
            auto text = read_file(path, &failure);
            if (!text) return setup_error("--profile " + profile_arg + ": " + failure.why);
            auto parsed = parse_profile(*text, profile_arg, &why, one_arch);
            if (!parsed) return setup_error(why);
            settings.profile = std::move(*parsed);
        }
    }
    if (show_profile) {
        std::fputs(profile_text(settings.profile).c_str(), stdout);
        return 0;
    }
    const Subset& subset = settings.profile.subset;
    for (Architecture a : settings.architectures)
        if (!subset.architecture(a))
            return usage_error("--arch " + std::string(architecture_name(a)) + " is outside the profile " +
                               settings.profile.name);
    if (settings.architectures.empty()) settings.architectures = subset.architectures;
    settings.release = explain_as ? explain_as : settings.profile.release;

    if (hex2_arg.empty() && m1_arg.empty() && hex2_cmd.empty() && m1_cmd.empty())
        return usage_error("give --hex2 PATH and/or --m1 PATH (or --hex2-cmd, --m1-cmd)");
    if (corpora.empty() && generate == 0)
        return usage_error("nothing to do: give --corpus DIR and/or --generate N");

    // Paths are resolved now: the implementation runs in a scratch folder.
    for (Tool t : {Tool::hex2, Tool::m1}) {
        const bool hex2 = t == Tool::hex2;
        const SetUpError e = set_up(t, hex2 ? hex2_arg : m1_arg, hex2 ? hex2_cmd : m1_cmd,
                                    hex2 ? settings.profile.hex2_command : settings.profile.m1_command,
                                    hex2 ? &settings.hex2 : &settings.m1);
        if (!e.message.empty()) return e.usage ? usage_error(e.message) : setup_error(e.message);
    }
    std::vector<std::pair<std::string, std::string>> roots;  // as given, resolved
    for (const std::string& c : corpora) {
        std::string why;
        const std::string r = resolve(c, &why);
        struct stat st {};
        if (r.empty() || stat(r.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
            return setup_error("--corpus " + (r.empty() ? why : c + ": not a folder"));
        roots.emplace_back(c, r);
    }
    if (!report_dir.empty()) {
        if (mkdir(report_dir.c_str(), 0755) != 0 && errno != EEXIST)
            return setup_error("--report-dir " + report_dir + ": " + std::strerror(errno));
        std::string why;
        const std::string r = resolve(report_dir, &why);
        struct stat st {};
        if (r.empty() || stat(r.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
            return setup_error("--report-dir " + (r.empty() ? why : report_dir + ": not a folder"));
        report_dir = r;
    }
    std::string tmpdir = "/tmp";
    if (const char* t = std::getenv("TMPDIR"); t && *t) {
        std::string why;
        tmpdir = resolve(t, &why);
        struct stat st {};
        if (tmpdir.empty() || stat(tmpdir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
            return setup_error(std::string("TMPDIR=") + t + " is not a folder");
    }

    ReportContext context;
    context.settings = &settings;
    context.report_dir = report_dir;
    std::string why;
    if (make_engine("reference", &why)) {
        context.engine_name = "reference";
        context.engine_note = "reference engine (the C++ extracted from the proved Coq core)";
    } else if (make_engine("fast", &why)) {
        context.engine_name = "fast";
        context.engine_note = "fast engine (the handwritten one: the reference engine is not built)";
    } else {
        return setup_error("no engine: " + why);
    }

    catch_signals();
    const auto runner = Runner::create(isolation, tmpdir, settings.jobs, &why);
    if (!runner) return setup_error(why);
    context.isolation = runner->description();
    context.isolation_name = runner->isolation() == Isolation::namespaces ? "namespaces"
                             : runner->isolation() == Isolation::landlock ? "landlock"
                                                                          : "none";
    for (Tool t : {Tool::hex2, Tool::m1}) {
        if (!settings.of(t).checked()) continue;
        const std::string e = try_once(*runner, settings.of(t), t, settings.limits);
        if (stop_requested()) {
            std::fputs("hexproof oracle: interrupted\n", stderr);
            return 130;
        }
        if (!e.empty()) return setup_error(e);
    }

    std::vector<WorkItem> items;
    for (const auto& [given, root] : roots) {
        std::vector<std::string> dirs;
        find_case_dirs(root, 3, &dirs);
        if (dirs.empty()) return setup_error("no case folders (with cmd.txt) under " + given);
        for (const std::string& d : dirs) {
            WorkItem w;
            w.corpus = true;
            w.dir = d;
            w.label = d.size() > root.size() ? d.substr(root.size() + 1) : given;
            items.push_back(std::move(w));
        }
    }
    std::vector<Architecture> archs = settings.architectures;
    if (archs.empty())
        archs.assign(std::begin(program_gen::all_architectures), std::end(program_gen::all_architectures));
    for (Architecture a : archs) {
        for (std::uint64_t i = 0; i < generate; ++i) {
            WorkItem w;
            w.tool = (i % 2 == 0) ? Tool::hex2 : Tool::m1;
            if (!settings.of(w.tool).checked()) w.tool = w.tool == Tool::hex2 ? Tool::m1 : Tool::hex2;
            w.architecture = a;
            w.seed = seed * 1000003u + static_cast<std::uint64_t>(a) * 7919u + i;
            w.stable_only = stable_only;
            items.push_back(std::move(w));
        }
    }
    settings.progress = isatty(STDERR_FILENO) == 1;

    Results results = check_all(settings, *runner, context.engine_name, items);

    // Could not run on any case: a setup error, whatever the reason.
    for (Tool t : {Tool::hex2, Tool::m1}) {
        std::size_t tried = 0, failed = 0;
        const Record* first = nullptr;
        for (const Record& r : results.records) {
            if (r.tool != t || r.verdict == Verdict::upstream_undefined) continue;
            ++tried;
            if (r.verdict == Verdict::could_not_run) {
                ++failed;
                if (!first) first = &r;
            }
        }
        if (tried > 0 && failed == tried && !results.interrupted) {
            std::string why = first->reason;
            if (const std::string said = "could not run: "; why.rfind(said, 0) == 0)
                why.erase(0, said.size());
            return setup_error("cannot run " + settings.of(t).executable + " on any case: " + why);
        }
    }

    if (!report_dir.empty() && !save_programs(report_dir, results, &why))
        results.notes.push_back("the report folder is incomplete: " + why);
    const std::string report = json ? json_report(context, results) : text_report(context, results);
    if (!report_dir.empty() && !save_file(report_dir, json ? "report.json" : "report.txt", report, &why))
        std::fprintf(stderr, "hexproof oracle: %s\n", why.c_str());
    std::fputs(report.c_str(), stdout);
    std::fflush(stdout);
    if (results.interrupted) std::fputs("hexproof oracle: interrupted\n", stderr);
    return exit_status(results);
}

}  // namespace hexproof::oracle
