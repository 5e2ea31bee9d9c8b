// The differential oracle: see oracle.hpp. Sections: running the implementation, comparing,
// classifying, shrinking, provenance, the corpus and generated cases, the report, the command.
#include "oracle.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include "diagnostics.hpp"
#include "io.hpp"
#include "program_gen.hpp"
#include "source_scan.hpp"
#include "strtoint.hpp"

namespace hexproof::oracle {

namespace {

using Clock = std::chrono::steady_clock;

// ================================================================ running

struct Outcome {
    bool accepted = false;
    std::string bytes;    // the output when accepted
    std::string message;  // why not: the first lines of stderr, the error, "killed by signal N"
    bool failed = false;  // crashed or timed out
};

std::string arch_flag(Architecture a) {
    return a == Architecture::knight ? "knight-native" : std::string(architecture_name(a));
}

std::string hex32(std::uint32_t v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "0x%X", v);
    return buf;
}

std::string base_name(const std::string& path) {
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// The file names an invocation's inputs get in the scratch folder: their base names, made
// distinct and harmless.
std::vector<std::string> scratch_names(const Invocation& inv) {
    std::vector<std::string> names;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < inv.inputs.size(); ++i) {
        std::string n = base_name(inv.inputs[i].name);
        for (char& c : n)
            if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-') c = '_';
        if (n.empty() || n == "out" || n[0] == '.' || seen.count(n)) n = "in" + std::to_string(i) + "_" + n;
        seen.insert(n);
        names.push_back(n);
    }
    return names;
}

std::vector<std::string> flags(const Invocation& inv) {
    std::vector<std::string> f;
    const bool hex2 = inv.tool == Tool::hex2;
    const Architecture a = hex2 ? inv.hex2.architecture : inv.m1.architecture;
    const bool big = hex2 ? inv.hex2.big_endian : inv.m1.big_endian;
    const ByteMode mode = hex2 ? inv.hex2.byte_mode : inv.m1.byte_mode;
    f.push_back("--architecture");
    f.push_back(arch_flag(a));
    f.push_back(big ? "--big-endian" : "--little-endian");
    if (hex2) {
        f.push_back("--base-address");
        f.push_back(hex32(inv.hex2.base_address));
    }
    if (mode == ByteMode::octal) f.push_back("--octal");
    if (mode == ByteMode::binary) f.push_back("--binary");
    return f;
}

}  // namespace

std::vector<std::string> command_line(const Invocation& inv, const std::string& program) {
    std::vector<std::string> args{program};
    for (const Input& in : inv.inputs) {
        args.push_back("-f");
        args.push_back(in.name);
    }
    for (const std::string& f : flags(inv)) args.push_back(f);
    args.push_back("-o");
    args.push_back("out");
    return args;
}

namespace {

std::string join(const std::vector<std::string>& words) {
    std::string s;
    for (const std::string& w : words) {
        if (!s.empty()) s += ' ';
        s += w;
    }
    return s;
}

bool write_all(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return static_cast<bool>(out);
}

std::string read_all(const std::string& path) {
    ReadFailure failure;
    auto bytes = read_file(path, &failure);
    return bytes ? *bytes : std::string();
}

class Scratch {
public:
    Scratch() {
        const char* tmp = std::getenv("TMPDIR");
        std::string templ = std::string(tmp && *tmp ? tmp : "/tmp") + "/hexproof-oracle.XXXXXX";
        std::vector<char> buf(templ.begin(), templ.end());
        buf.push_back('\0');
        if (mkdtemp(buf.data())) dir_ = buf.data();
    }
    ~Scratch() { clear(); if (!dir_.empty()) rmdir(dir_.c_str()); }
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;
    const std::string& dir() const { return dir_; }
    std::string file(const std::string& name) {
        files_.insert(name);
        return dir_ + "/" + name;
    }
    void clear() {
        for (const std::string& f : files_) unlink((dir_ + "/" + f).c_str());
        files_.clear();
    }

private:
    std::string dir_;
    std::set<std::string> files_;
};

// Runs the implementation on an invocation in a scratch folder, with a timeout.
Outcome run_external(const std::string& program, const Invocation& inv, double timeout_seconds, Scratch& scratch) {
    Outcome o;
    scratch.clear();
    const auto names = scratch_names(inv);
    for (std::size_t i = 0; i < inv.inputs.size(); ++i) write_all(scratch.file(names[i]), inv.inputs[i].bytes);
    const std::string out_path = scratch.file("out");
    const std::string err_path = scratch.file("stderr");
    const std::string stdout_path = scratch.file("stdout");
    std::vector<std::string> args{program};
    for (const std::string& n : names) {
        args.push_back("-f");
        args.push_back(n);
    }
    for (const std::string& f : flags(inv)) args.push_back(f);
    args.push_back("-o");
    args.push_back("out");
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);

    const pid_t pid = fork();
    if (pid < 0) {
        o.failed = true;
        o.message = std::string("fork failed: ") + std::strerror(errno);
        return o;
    }
    if (pid == 0) {
        if (chdir(scratch.dir().c_str()) != 0) _exit(127);
        const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int out = open(stdout_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int null = open("/dev/null", O_RDONLY);
        if (err < 0 || out < 0 || null < 0) _exit(127);
        dup2(null, 0);
        dup2(out, 1);
        dup2(err, 2);
        execv(argv[0], argv.data());
        _exit(127);
    }
    const auto deadline = Clock::now() + std::chrono::duration<double>(timeout_seconds);
    int status = 0;
    bool timed_out = false;
    auto pause = std::chrono::microseconds(200);
    while (true) {
        const pid_t r = waitpid(pid, &status, WNOHANG);
        if (r == pid) break;
        if (Clock::now() > deadline) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            timed_out = true;
            break;
        }
        std::this_thread::sleep_for(pause);
        pause = std::min(pause * 2, std::chrono::microseconds(5000));
    }
    // The last two lines of stderr: the error comes after upstream's warning banners.
    std::string err = read_all(err_path);
    while (!err.empty() && (err.back() == '\n' || err.back() == '\r')) err.pop_back();
    std::size_t from = err.rfind('\n');
    if (from != std::string::npos && from > 0) from = err.rfind('\n', from - 1);
    if (from != std::string::npos) err = err.substr(from + 1);
    if (err.size() > 400) err = err.substr(0, 400) + "...";
    for (char& c : err)
        if (c == '\n') c = ' ';
    if (timed_out) {
        o.failed = true;
        o.message = "timed out after " + std::to_string(static_cast<int>(timeout_seconds)) + " s";
    } else if (WIFSIGNALED(status)) {
        o.failed = true;
        o.message = "killed by signal " + std::to_string(WTERMSIG(status)) + (err.empty() ? "" : ": " + err);
    } else if (WIFEXITED(status) && WEXITSTATUS(status) == 127 && err.empty()) {
        o.failed = true;
        o.message = "could not run " + program;
    } else if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
        o.accepted = true;
        o.bytes = read_all(out_path);
    } else {
        o.message = "exit status " + std::to_string(WEXITSTATUS(status)) + (err.empty() ? "" : ": " + err);
    }
    return o;
}

Result run_engine(const Engine& engine, const Invocation& inv) {
    return inv.tool == Tool::hex2 ? engine.link(inv.hex2, inv.inputs) : engine.assemble(inv.m1, inv.inputs);
}

// ================================================================ comparing

enum class Verdict { agree, bytes_differ, implementation_rejects, implementation_accepts, implementation_failed };

const char* verdict_name(Verdict v) {
    switch (v) {
        case Verdict::agree: return "agree";
        case Verdict::bytes_differ: return "output bytes differ";
        case Verdict::implementation_rejects: return "the implementation rejects what the reference accepts";
        case Verdict::implementation_accepts: return "the implementation accepts what the reference rejects";
        case Verdict::implementation_failed: return "the implementation crashed or timed out";
    }
    return "?";
}

const char* verdict_key(Verdict v) {
    switch (v) {
        case Verdict::agree: return "agree";
        case Verdict::bytes_differ: return "bytes_differ";
        case Verdict::implementation_rejects: return "implementation_rejects";
        case Verdict::implementation_accepts: return "implementation_accepts";
        case Verdict::implementation_failed: return "implementation_failed";
    }
    return "?";
}

Verdict compare(const Result& reference, const Outcome& impl) {
    if (impl.failed) return Verdict::implementation_failed;
    const bool ref_ok = is_ok(reference);
    if (ref_ok && impl.accepted)
        return std::get<std::string>(reference) == impl.bytes ? Verdict::agree : Verdict::bytes_differ;
    if (ref_ok) return Verdict::implementation_rejects;
    if (impl.accepted) return Verdict::implementation_accepts;
    return Verdict::agree;  // both reject: compat promises the same decision, not the same words
}

}  // namespace

std::string upstream_undefined_reason(const Invocation& inv, const Result& reference) {
    if (const Error* e = std::get_if<Error>(&reference)) {
        if (e->kind == ErrorKind::nul_in_name) return "a NUL byte inside a hex2 label or reference name";
        if (e->kind == ErrorKind::nul_in_token) return "a NUL byte inside an M1 token";
        if (e->kind == ErrorKind::unterminated_word) return "end of file inside a hex2 `.` word (upstream loops)";
    }
    if (inv.tool == Tool::m1 && source_scan::m1_high_string_byte(inv.inputs))
        return "an M1 string byte >= 0x80 (upstream indexes its digit table with a negative number)";
    if (inv.tool == Tool::m1) {
        for (const auto& t : source_scan::m1_tokens(inv.inputs))
            if (t.kind != source_scan::M1TokenKind::newline &&
                source_scan::text_of(inv.inputs, t.span).find('\0') != std::string_view::npos)
                return "a NUL byte inside an M1 token";
    }
    return "";
}

namespace {

std::string limit_reason(const Invocation& inv, Verdict v) {
    if (v != Verdict::implementation_rejects && v != Verdict::implementation_failed) return "";
    const auto span = inv.tool == Tool::hex2 ? source_scan::hex2_long_name(inv.inputs)
                                             : source_scan::m1_long_token(inv.inputs);
    if (!span) return "";
    const LineColumn lc = line_column(inv.inputs[span->file].bytes, span->offset);
    return "a " + std::to_string(span->length) + "-byte token at " + inv.inputs[span->file].name + ":" +
           std::to_string(lc.line) + ":" + std::to_string(lc.column) + " exceeds upstream's " +
           std::to_string(source_scan::upstream_token_limit) + "-byte buffer";
}

// ================================================================ known 1.4.0 / 1.7.0 differences

struct KnownDifference {
    std::string id;
    std::string description;
    std::vector<source_scan::Span> tokens;  // the constructs in the program
};

bool is_number_text(std::string_view t) { return !t.empty() && is_number(t, strtoint(t)); }

// The named differences between mescc-tools 1.4.0 (Debian) and 1.7.0 (SEMANTICS.md, last
// section), recognised by construct.
std::vector<KnownDifference> recognise(const Invocation& inv) {
    std::vector<KnownDifference> found;
    auto add = [&](const std::string& id, const std::string& description, source_scan::Span s) {
        for (KnownDifference& k : found)
            if (k.id == id) {
                k.tokens.push_back(s);
                return;
            }
        found.push_back(KnownDifference{id, description, {s}});
    };
    struct ById {
        bool operator()(const KnownDifference& a, const KnownDifference& b) const { return a.id < b.id; }
    };
    if (inv.tool == Tool::m1) {
        const Architecture a = inv.m1.architecture;
        const auto tokens = source_scan::m1_tokens(inv.inputs);
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            const auto& tok = tokens[i];
            if (tok.kind != source_scan::M1TokenKind::atom) continue;
            const std::string_view t = source_scan::text_of(inv.inputs, tok.span);
            if (t == "DEFINE" && i + 2 < tokens.size() && tokens[i + 2].kind == source_scan::M1TokenKind::string)
                add("quoted-define-value",
                    "quoted DEFINE values: 1.7.0 binds the string's text, 1.4.0's handling is broken", tokens[i + 2].span);
            if (a == Architecture::knight && is_number_text(t)) {
                // A bare Knight number: 1.7.0 takes it up to 65536, 1.4.0 truncates any value.
                if (t.find('_') != std::string_view::npos)
                    add("underscore-in-number",
                        "`_` in numbers: 1.7.0's strtoint skips it, 1.4.0 reads an invalid digit", tok.span);
                else if (strtoint(t) > 65536)
                    add("m1-range-check",
                        "M1 immediate range check: 1.7.0 rejects values outside its (off by one) bounds, 1.4.0 "
                        "does not check and truncates",
                        tok.span);
                continue;
            }
            if (t.size() < 2) continue;
            const char sigil = t[0];
            const std::string_view rest = t.substr(1);
            if (!std::strchr("!@$~%&", sigil) || !is_number_text(rest)) continue;
            if (rest.find('_') != std::string_view::npos)
                add("underscore-in-number", "`_` in numbers: 1.7.0's strtoint skips it, 1.4.0 reads an invalid digit",
                    tok.span);
            const std::int64_t v = strtoint(rest);
            if (a == Architecture::knight) {
                add("knight-prefixes",
                    "Knight prefixed immediates: numbers in 1.7.0, label text in 1.4.0 (SEMANTICS.md names `%&!`; "
                    "1.4.0 passes `@`, `$` and `~` through too)",
                    tok.span);
            } else if (program_gen::is_riscv(a) && sigil == '$') {
                add("riscv-dollar-constant", "RISC-V `$N`: a 16-bit constant in 1.7.0, label text in 1.4.0", tok.span);
            } else if ((sigil == '$' || sigil == '&') && !program_gen::is_riscv(a)) {
                add("unsigned-dollar-ampersand",
                    "`$N`/`&N` immediates: 1.7.0 reads them as numbers with an unsigned range, 1.4.0 leaves "
                    "them as label text",
                    tok.span);
            } else if (sigil == '!' || sigil == '@' || sigil == '~') {
                const bool in17 = sigil == '!' ? (v >= -129 && v <= 256)
                                               : sigil == '@' ? (v >= -32769 && v <= 32768) : (v >= -8388609 && v <= 8388608);
                if (!in17)
                    add("m1-range-check",
                        "M1 immediate range check: 1.7.0 rejects values outside its (off by one) bounds, 1.4.0 "
                        "does not check and truncates",
                        tok.span);
            }
        }
    } else if (!program_gen::is_riscv(inv.hex2.architecture)) {
        // hex2 `$` to an address of 32768 or above: 1.4.0 checks a signed 16-bit range.
        for (std::size_t f = 0; f < inv.inputs.size(); ++f) {
            const std::string& t = inv.inputs[f].bytes;
            for (std::size_t i = 0; i < t.size(); ++i) {
                if (t[i] == '#' || t[i] == ';') {
                    while (i < t.size() && t[i] != '\n' && t[i] != '\r') ++i;
                    continue;
                }
                if (t[i] == ':' || t[i] == '!' || t[i] == '@' || t[i] == '~' || t[i] == '%' || t[i] == '&') {
                    while (i + 1 < t.size() && !std::strchr(" \t\n", t[i + 1])) ++i;
                    continue;
                }
                if (t[i] != '$') continue;
                std::size_t j = i + 1;
                while (j < t.size() && !std::strchr(" \t\n>", t[j])) ++j;
                add("hex2-dollar-unsigned",
                    "hex2 `$` absolute 2-byte references: 1.7.0 accepts addresses 0..65535, 1.4.0 checks the "
                    "signed range -32768..32767",
                    source_scan::Span{f, i, j - i});
                i = j;
            }
        }
    }
    std::sort(found.begin(), found.end(), ById{});
    return found;
}

// The inputs with the given spans cut out.
std::vector<Input> without(const std::vector<Input>& inputs, const std::vector<source_scan::Span>& spans) {
    std::vector<Input> out = inputs;
    std::vector<source_scan::Span> sorted = spans;
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
        return a.file != b.file ? a.file < b.file : a.offset > b.offset;
    });
    for (const auto& s : sorted) out[s.file].bytes.erase(s.offset, s.length);
    return out;
}

// ================================================================ shrinking

// A program as a list of units (lines, then tokens), each belonging to one file.
struct Unit {
    std::size_t file;
    std::string text;
};

std::vector<Input> assemble_units(const std::vector<Unit>& units, const std::vector<Input>& shape) {
    std::vector<Input> inputs = shape;
    for (Input& in : inputs) in.bytes.clear();
    for (const Unit& u : units) inputs[u.file].bytes += u.text;
    return inputs;
}

std::vector<Unit> split_lines(const std::vector<Input>& inputs) {
    std::vector<Unit> units;
    for (std::size_t f = 0; f < inputs.size(); ++f) {
        const std::string& t = inputs[f].bytes;
        std::size_t start = 0;
        while (start < t.size()) {
            std::size_t end = t.find('\n', start);
            end = end == std::string::npos ? t.size() : end + 1;
            units.push_back(Unit{f, t.substr(start, end - start)});
            start = end;
        }
    }
    return units;
}

std::vector<Unit> split_tokens(const std::vector<Input>& inputs) {
    std::vector<Unit> units;
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n'; };
    for (std::size_t f = 0; f < inputs.size(); ++f) {
        const std::string& t = inputs[f].bytes;
        std::size_t i = 0;
        while (i < t.size()) {
            const std::size_t start = i;
            while (i < t.size() && !space(t[i])) ++i;
            while (i < t.size() && space(t[i])) ++i;
            units.push_back(Unit{f, t.substr(start, i - start)});
        }
    }
    return units;
}

struct ShrinkBudget {
    Clock::time_point deadline;
    std::size_t runs = 0;
    std::size_t max_runs = 4000;
    bool exhausted() const { return runs >= max_runs || Clock::now() > deadline; }
};

// Zeller's ddmin over units: keep removing chunks while the failure persists.
std::vector<Unit> ddmin(std::vector<Unit> units, const std::vector<Input>& shape,
                        const std::function<bool(const std::vector<Input>&)>& fails, ShrinkBudget& budget) {
    std::size_t n = 2;
    while (units.size() >= 2 && !budget.exhausted()) {
        const std::size_t chunk = (units.size() + n - 1) / n;
        bool reduced = false;
        for (std::size_t start = 0; start < units.size() && !budget.exhausted(); start += chunk) {
            std::vector<Unit> complement(units.begin(), units.begin() + static_cast<std::ptrdiff_t>(start));
            complement.insert(complement.end(), units.begin() + static_cast<std::ptrdiff_t>(std::min(units.size(), start + chunk)),
                              units.end());
            ++budget.runs;
            if (fails(assemble_units(complement, shape))) {
                units = std::move(complement);
                n = std::max<std::size_t>(n - 1, 2);
                reduced = true;
                break;
            }
        }
        if (!reduced) {
            if (n >= units.size()) break;
            n = std::min(units.size(), n * 2);
        }
    }
    // ddmin only tries complements of single chunks at the finest level; also try removing
    // each pair of neighbouring units (a DEFINE and its name, a label and its reference).
    // Repeat until nothing more can go: a removal can enable another.
    for (bool changed = true; changed && !budget.exhausted();) {
        changed = false;
        for (std::size_t width : {std::size_t{2}, std::size_t{1}}) {
            for (std::size_t i = 0; i + width <= units.size() && !budget.exhausted();) {
                std::vector<Unit> trial = units;
                trial.erase(trial.begin() + static_cast<std::ptrdiff_t>(i),
                            trial.begin() + static_cast<std::ptrdiff_t>(i + width));
                ++budget.runs;
                if (fails(assemble_units(trial, shape))) {
                    units = std::move(trial);
                    changed = true;
                } else {
                    ++i;
                }
            }
        }
    }
    return units;
}

// ================================================================ provenance

struct Place {
    std::string where;  // file:line:column
    std::string token;  // the token's text, escaped
};

Place place_of(const std::vector<Input>& inputs, const source_scan::Span& s) {
    const LineColumn lc = line_column(inputs[s.file].bytes, s.offset);
    std::string tok(source_scan::text_of(inputs, s));
    while (!tok.empty() && (tok.back() == ' ' || tok.back() == '\t' || tok.back() == '\n' || tok.back() == '>'))
        tok.pop_back();  // the terminator a name scan consumed
    if (tok.size() > 60) tok = tok.substr(0, 60) + "...";
    return Place{inputs[s.file].name + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.column),
                 escape_bytes(tok)};
}

// The source token behind output byte `offset` of the reference's output.
std::optional<Place> provenance(const Engine& engine, const Invocation& inv, const std::string& expected,
                                std::size_t offset, std::string* why) {
    if (inv.tool == Tool::hex2) {
        const auto origins = source_scan::hex2_origins(inv.hex2, inv.inputs);
        if (!origins) {
            *why = "the layout scan did not finish";
            return std::nullopt;
        }
        const std::size_t total = origins->empty() ? 0 : origins->back().end;
        if (total != expected.size()) {
            *why = "the layout scan (" + std::to_string(total) + " bytes) disagrees with the reference output (" +
                   std::to_string(expected.size()) + " bytes)";
            return std::nullopt;
        }
        for (const auto& o : *origins)
            if (offset >= o.begin && offset < o.end) return place_of(inv.inputs, o.source);
        *why = "no token produced that byte";
        return std::nullopt;
    }
    // M1: each token's own expansion (the DEFINE table plus that token alone, through the
    // reference), found in order in the reference output.
    const auto tokens = source_scan::m1_tokens(inv.inputs);
    std::string defines;
    std::set<std::size_t> in_define;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].kind == source_scan::M1TokenKind::atom && source_scan::text_of(inv.inputs, tokens[i].span) == "DEFINE" &&
            i + 2 < tokens.size()) {
            defines += "DEFINE " + std::string(source_scan::text_of(inv.inputs, tokens[i + 1].span)) + " " +
                       std::string(source_scan::text_of(inv.inputs, tokens[i + 2].span)) + "\n";
            in_define.insert({i, i + 1, i + 2});
        }
    }
    std::size_t pos = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].kind == source_scan::M1TokenKind::newline || in_define.count(i)) continue;
        Invocation one = inv;
        one.inputs = {Input{"defines", defines}, Input{"token", std::string(source_scan::text_of(inv.inputs, tokens[i].span)) + "\n"}};
        const Result r = run_engine(engine, one);
        if (!is_ok(r)) break;
        std::string e = std::get<std::string>(r);
        const auto b = e.find_first_not_of(" \n");
        if (b == std::string::npos) continue;
        e = e.substr(b, e.find_last_not_of(" \n") + 1 - b);
        while (pos < expected.size() && (expected[pos] == ' ' || expected[pos] == '\n')) {
            if (pos == offset) return place_of(inv.inputs, tokens[i].span);  // the separator before it
            ++pos;
        }
        if (expected.compare(pos, e.size(), e) != 0) break;
        if (offset >= pos && offset < pos + e.size()) return place_of(inv.inputs, tokens[i].span);
        pos += e.size();
    }
    *why = "the token expansions could not be lined up with the output";
    return std::nullopt;
}

std::string hexdump_window(const std::string& bytes, std::size_t at, const char* label) {
    std::string s;
    const std::size_t start = at >= 16 ? (at - 16) & ~static_cast<std::size_t>(15) : 0;
    const std::size_t end = std::min(bytes.size(), start + 48);
    char buf[32];
    s += std::string("  ") + label + " (" + std::to_string(bytes.size()) + " bytes):\n";
    if (start >= end) {
        s += "    (no byte at this offset)\n";
        return s;
    }
    for (std::size_t row = start; row < end; row += 16) {
        std::snprintf(buf, sizeof buf, "    %08zx: ", row);
        s += buf;
        std::string ascii;
        for (std::size_t i = row; i < row + 16; ++i) {
            if (i < end) {
                std::snprintf(buf, sizeof buf, i == at ? "[%02x]" : " %02x ", static_cast<unsigned char>(bytes[i]));
                s += buf;
                const char c = bytes[i];
                ascii += (c >= 32 && c < 127) ? c : '.';
            } else {
                s += "    ";
            }
        }
        s += " |" + ascii + "|\n";
    }
    return s;
}

std::string listing(const std::vector<Input>& inputs) {
    std::string s;
    for (const Input& in : inputs) {
        s += "  --- " + in.name + " (" + std::to_string(in.bytes.size()) + " bytes)\n";
        std::size_t line = 1;
        std::size_t start = 0;
        while (start < in.bytes.size()) {
            std::size_t end = in.bytes.find('\n', start);
            const bool nl = end != std::string::npos;
            if (!nl) end = in.bytes.size();
            std::string text = in.bytes.substr(start, end - start);
            if (text.size() > 200) text = text.substr(0, 200) + "...(" + std::to_string(text.size()) + " bytes)";
            char num[16];
            std::snprintf(num, sizeof num, "%4zu", line);
            s += std::string("  ") + num + " | " + escape_bytes(text) + (nl ? "" : "   (no final newline)") + "\n";
            ++line;
            start = end + 1;
        }
    }
    return s;
}

// ================================================================ cases and findings

struct Case {
    std::string origin;  // "corpus amd64/dev-hex2_AMD64, step 2" or "generated M1 x86 seed 5"
    Invocation invocation;
};

enum class Category { divergence, known_difference, undefined, limit };

struct Finding {
    Category category = Category::divergence;
    std::string origin;
    Verdict verdict = Verdict::agree;
    std::string reason;  // undefined / limit
    // divergences and known differences (after shrinking)
    Invocation minimal;
    std::size_t original_bytes = 0;
    std::size_t shrink_runs = 0;
    std::vector<KnownDifference> known;  // confirmed
    std::vector<std::string> known_unconfirmed;
    std::string detail;  // the human-readable body
    std::string command;
    std::optional<std::size_t> first_difference;
    std::string expected_hex, got_hex;
    std::string source_place, source_token;
    std::string reference_error, implementation_message;
    std::size_t also = 0;  // more cases with the same signature
    bool shrunk = true;    // false: counted and recognised on the whole program only
};

std::string category_name(Category c) {
    switch (c) {
        case Category::divergence: return "divergence";
        case Category::known_difference: return "known 1.4.0/1.7.0 difference";
        case Category::undefined: return "upstream-undefined";
        case Category::limit: return "upstream limit";
    }
    return "?";
}

struct Oracle {
    std::string hex2_path, m1_path;
    std::unique_ptr<Engine> engine;
    std::string engine_note;
    double timeout = 10;
    double shrink_seconds = 30;
    std::size_t max_reports = 10;
    Scratch scratch;

    std::size_t checked = 0, agreed = 0;
    std::vector<Finding> findings;
    std::map<std::string, std::size_t> signatures;  // signature -> index in findings
    std::vector<std::string> notes;
    std::size_t analysed = 0;
    std::set<std::string> shrunk_ids;

    const std::string& program(Tool t) const { return t == Tool::hex2 ? hex2_path : m1_path; }

    std::pair<Result, Outcome> run_both(const Invocation& inv) {
        Result r = run_engine(*engine, inv);
        Outcome o = run_external(program(inv.tool), inv, timeout, scratch);
        return {std::move(r), std::move(o)};
    }

    // Checks one invocation; returns true when both sides agree.
    bool check(const Case& c) {
        ++checked;
        Result ref = run_engine(*engine, c.invocation);
        if (const Error* e = std::get_if<Error>(&ref); e && e->kind == ErrorKind::unterminated_word) {
            // Upstream loops forever here: not worth a timeout per case.
            Finding f;
            f.origin = c.origin;
            f.category = Category::undefined;
            f.verdict = Verdict::agree;
            f.reason = upstream_undefined_reason(c.invocation, ref) + " (the implementation was not run)";
            const std::string sig = "undefined|" + f.reason;
            if (auto it = signatures.find(sig); it != signatures.end()) ++findings[it->second].also;
            else {
                signatures[sig] = findings.size();
                findings.push_back(std::move(f));
            }
            return false;
        }
        Outcome impl = run_external(program(c.invocation.tool), c.invocation, timeout, scratch);
        const Verdict v = compare(ref, impl);
        if (v == Verdict::agree) {
            ++agreed;
            return true;
        }
        Finding f;
        f.origin = c.origin;
        f.verdict = v;
        if (std::string why = upstream_undefined_reason(c.invocation, ref); !why.empty()) {
            f.category = Category::undefined;
            f.reason = why;
        } else if (std::string lim = limit_reason(c.invocation, v); !lim.empty()) {
            f.category = Category::limit;
            f.reason = lim;
        }
        if (f.category == Category::undefined || f.category == Category::limit) {
            const std::string sig = category_name(f.category) + "|" + f.reason;
            if (auto it = signatures.find(sig); it != signatures.end()) {
                ++findings[it->second].also;
            } else {
                signatures[sig] = findings.size();
                findings.push_back(std::move(f));
            }
            return false;
        }
        // A divergence: recognise known differences on the full program first to group cases,
        // then shrink the first case of each group.
        // Known differences group by tool and the set of differences; the rest by verdict.
        const auto ids = recognise(c.invocation);
        std::string group = std::string(c.invocation.tool == Tool::hex2 ? "hex2|" : "M1|");
        if (ids.empty()) group += verdict_key(v);
        for (const KnownDifference& k : ids) group += "|" + k.id;
        if (auto it = signatures.find(group); it != signatures.end()) {
            ++findings[it->second].also;
            return false;
        }
        // Shrink the first case of a group when it shows a known difference not shrunk yet, or
        // is unexplained, within --max-reports; the other groups are only counted.
        bool fresh = ids.empty();
        for (const KnownDifference& k : ids) fresh = fresh || !shrunk_ids.count(k.id);
        signatures[group] = findings.size();
        if (fresh && analysed < max_reports) {
            ++analysed;
            findings.push_back(analyse(c, v, ref, impl));
            for (const KnownDifference& k : ids) shrunk_ids.insert(k.id);
        } else {
            Finding f;
            f.origin = c.origin;
            f.verdict = v;
            f.minimal = c.invocation;
            f.shrunk = false;
            f.known = ids;
            f.category = ids.empty() ? Category::divergence : Category::known_difference;
            findings.push_back(std::move(f));
        }
        return false;
    }

    Finding analyse(const Case& c, Verdict v, const Result& ref, const Outcome& impl) {
        Finding f;
        f.origin = c.origin;
        f.verdict = v;
        f.original_bytes = 0;
        for (const Input& in : c.invocation.inputs) f.original_bytes += in.bytes.size();
        Invocation inv = c.invocation;
        // Shrink: the same verdict, still not explained by undefined behaviour or limits.
        ShrinkBudget budget{Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(shrink_seconds))};
        auto fails = [&](const std::vector<Input>& inputs) {
            Invocation trial = inv;
            trial.inputs = inputs;
            auto [r, o] = run_both(trial);
            if (compare(r, o) != v) return false;
            return upstream_undefined_reason(trial, r).empty() && limit_reason(trial, v).empty();
        };
        inv.inputs = assemble_units(ddmin(split_lines(inv.inputs), inv.inputs, fails, budget), inv.inputs);
        inv.inputs = assemble_units(ddmin(split_tokens(inv.inputs), inv.inputs, fails, budget), inv.inputs);
        f.shrink_runs = budget.runs;
        f.minimal = inv;
        // Known differences in the minimal program, confirmed by re-running without them.
        for (KnownDifference& k : recognise(inv)) {
            Invocation trial = inv;
            trial.inputs = without(inv.inputs, k.tokens);
            auto [r, o] = run_both(trial);
            if (compare(r, o) == Verdict::agree)
                f.known.push_back(k);
            else
                f.known_unconfirmed.push_back(k.id);
        }
        f.category = f.known.empty() ? Category::divergence : Category::known_difference;
        // Re-run the minimal program for the report.
        auto [r, o] = run_both(inv);
        (void)ref;
        (void)impl;
        describe(f, r, o);
        return f;
    }

    void describe(Finding& f, const Result& ref, const Outcome& impl) {
        const Invocation& inv = f.minimal;
        f.command = join(command_line(inv, inv.tool == Tool::hex2 ? "hex2" : "M1"));
        if (const Error* e = std::get_if<Error>(&ref)) f.reference_error = format_error(*e, inv.inputs);
        f.implementation_message = impl.accepted ? "" : impl.message;
        std::string d;
        if (is_ok(ref) && impl.accepted) {
            const std::string& exp = std::get<std::string>(ref);
            const std::string& got = impl.bytes;
            std::size_t k = 0;
            while (k < exp.size() && k < got.size() && exp[k] == got[k]) ++k;
            f.first_difference = k;
            f.expected_hex = hexdump_window(exp, k, "expected (reference)");
            f.got_hex = hexdump_window(got, k, "got (implementation)");
            d += "  first differing byte: offset " + std::to_string(k) + " (0x" + [&] {
                char b[24];
                std::snprintf(b, sizeof b, "%zx", k);
                return std::string(b);
            }() + ")\n";
            d += f.expected_hex + f.got_hex;
            if (k < exp.size()) {
                std::string why;
                if (auto p = provenance(*engine, inv, exp, k, &why)) {
                    f.source_place = p->where;
                    f.source_token = p->token;
                    d += "  the expected byte comes from " + p->where + ": `" + p->token + "`\n";
                } else {
                    d += "  source of the expected byte: unknown (" + why + ")\n";
                }
            } else {
                d += "  the reference output ends here; the implementation wrote more\n";
            }
        } else if (is_ok(ref)) {
            const std::string& exp = std::get<std::string>(ref);
            d += "  the reference accepts (" + std::to_string(exp.size()) + " bytes); the implementation: " + impl.message + "\n";
            f.expected_hex = hexdump_window(exp, 0, "expected (reference)");
            d += f.expected_hex;
        } else {
            d += "  the reference rejects: " + f.reference_error + "\n";
            if (impl.accepted) {
                d += "  the implementation accepts and writes:\n";
                f.got_hex = hexdump_window(impl.bytes, 0, "got (implementation)");
                d += f.got_hex;
            } else {
                d += "  the implementation: " + impl.message + "\n";
            }
        }
        f.detail = d;
    }
};

// ================================================================ corpus

bool read_words(const std::string& line, std::vector<std::string>* words) {
    std::istringstream in(line);
    std::string w;
    while (in >> w) words->push_back(w);
    return true;
}

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(" \t\r") + 1 - b);
}

void find_case_dirs(const std::string& dir, int depth, std::vector<std::string>* out) {
    struct stat st {};
    if (stat((dir + "/cmd.txt").c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
        out->push_back(dir);
        return;
    }
    if (depth == 0) return;
    DIR* d = opendir(dir.c_str());
    if (!d) return;
    std::vector<std::string> subs;
    while (dirent* e = readdir(d)) {
        const std::string name = e->d_name;
        if (name == "." || name == ".." || name == "expected" || name == "out") continue;
        const std::string path = dir + "/" + name;
        if (stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) subs.push_back(path);
    }
    closedir(d);
    std::sort(subs.begin(), subs.end());
    for (const std::string& s : subs) find_case_dirs(s, depth - 1, out);
}

// Runs one corpus case step by step: each step gets the reference's outputs of earlier steps,
// so a divergence is pinned to one tool invocation.
void run_corpus_case(Oracle& oracle, const std::string& dir, const std::string& label,
                     const std::set<Architecture>& archs) {
    std::ifstream cmd(dir + "/cmd.txt");
    std::string line;
    std::map<std::string, std::string> produced;
    std::size_t step = 0;
    while (std::getline(cmd, line)) {
        line = trim(line);
        if (line.empty() || line[0] == '#') continue;
        ++step;
        std::vector<std::string> w;
        read_words(line, &w);
        Invocation inv;
        if (w[0] == "M1") inv.tool = Tool::m1;
        else if (w[0] == "HEX2") inv.tool = Tool::hex2;
        else {
            oracle.notes.push_back(label + ": step " + std::to_string(step) + " is not an M1/HEX2 command; case skipped");
            return;
        }
        if (oracle.program(inv.tool).empty()) {
            oracle.notes.push_back(label + ": needs " + w[0] + " (not given); case skipped");
            return;
        }
        std::string out;
        bool append = false;
        std::vector<std::string> files;
        for (std::size_t i = 1; i < w.size(); ++i) {
            const std::string& a = w[i];
            const bool has_next = i + 1 < w.size();
            if ((a == "-f" || a == "--file") && has_next) files.push_back(w[++i]);
            else if ((a == "-o" || a == "--output" || a == ">") && has_next) out = w[++i];
            else if (a == ">>" && has_next) { out = w[++i]; append = true; }
            else if (a == "--little-endian") { inv.hex2.big_endian = false; inv.m1.big_endian = false; }
            else if (a == "--big-endian") { inv.hex2.big_endian = true; inv.m1.big_endian = true; }
            else if ((a == "-A" || a == "--architecture") && has_next) {
                const auto arch = parse_architecture(w[++i]);
                if (!arch) {
                    oracle.notes.push_back(label + ": unknown architecture " + w[i] + "; case skipped");
                    return;
                }
                inv.hex2.architecture = inv.m1.architecture = *arch;
            } else if ((a == "-B" || a == "--base-address") && has_next) inv.hex2.base_address = static_cast<std::uint32_t>(strtoint(w[++i]));
            else if (a == "-O" || a == "--octal") inv.hex2.byte_mode = inv.m1.byte_mode = ByteMode::octal;
            else if (a == "-b" || a == "--binary") inv.hex2.byte_mode = inv.m1.byte_mode = ByteMode::binary;
            else if (a == "--non-executable") {}
            else {
                oracle.notes.push_back(label + ": step " + std::to_string(step) + ": unsupported word '" + a + "'; case skipped");
                return;
            }
        }
        const Architecture arch = inv.tool == Tool::hex2 ? inv.hex2.architecture : inv.m1.architecture;
        if (!archs.empty() && !archs.count(arch)) return;
        for (const std::string& f : files) {
            if (auto it = produced.find(f); it != produced.end()) {
                inv.inputs.push_back(Input{f, it->second});
                continue;
            }
            ReadFailure failure;
            auto bytes = read_file(dir + "/" + f, &failure);
            if (!bytes) {
                const std::string why = failure.over_limit ? "input is larger than the limit of " +
                                                                 std::to_string(max_input_bytes()) + " bytes"
                                                           : failure.why;
                oracle.notes.push_back(label + ": cannot read " + f + " (" + why + "); case skipped");
                return;
            }
            inv.inputs.push_back(Input{f, std::move(*bytes)});
        }
        Case c{"corpus " + label + ", step " + std::to_string(step) + " (" + w[0] + ")", inv};
        const Result ref = run_engine(*oracle.engine, inv);
        if (!oracle.check(c) || !is_ok(ref)) return;
        if (!out.empty()) {
            if (append) produced[out] += std::get<std::string>(ref);
            else produced[out] = std::get<std::string>(ref);
        }
    }
}

// ================================================================ the report

std::string json_string(const std::string& s) {
    std::string o = "\"";
    for (unsigned char c : s) {
        switch (c) {
            case '"': o += "\\\""; break;
            case '\\': o += "\\\\"; break;
            case '\n': o += "\\n"; break;
            case '\t': o += "\\t"; break;
            default:
                if (c < 0x20 || c >= 0x7F) {
                    char b[8];
                    std::snprintf(b, sizeof b, "\\u%04x", c);
                    o += b;
                } else {
                    o += static_cast<char>(c);
                }
        }
    }
    return o + "\"";
}

int usage_error(const std::string& message) {
    std::fprintf(stderr,
                 "hexproof oracle: %s\n"
                 "usage: hexproof oracle --hex2 PATH --m1 PATH [--arch NAME]... [--corpus DIR]... [--generate N]\n"
                 "                       [--seed S] [--json] [--timeout SECONDS] [--shrink-seconds SECONDS]\n"
                 "                       [--max-reports N] [--stable-only]\n"
                 "  --stable-only: generate only programs whose flag says mescc-tools 1.4.0 and 1.7.0 agree\n",
                 message.c_str());
    return 2;
}

}  // namespace

int oracle_main(int argc, char** argv) {
    Oracle oracle;
    std::vector<std::string> corpora;
    std::set<Architecture> archs;
    std::size_t generate = 0;
    std::uint64_t seed = 1;
    bool json = false;
    bool stable_only = false;  // generate only what 1.4.0 and 1.7.0 agree on (checks the flag)
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const bool has_next = i + 1 < argc;
        if (a == "--hex2" && has_next) oracle.hex2_path = argv[++i];
        else if ((a == "--m1" || a == "--M1") && has_next) oracle.m1_path = argv[++i];
        else if (a == "--arch" && has_next) {
            const std::string name = argv[++i];
            const auto arch = parse_architecture(name == "knight" ? "knight-native" : name);
            if (!arch) return usage_error(std::string("unknown architecture ") + argv[i]);
            archs.insert(*arch);
        } else if (a == "--corpus" && has_next) corpora.push_back(argv[++i]);
        else if (a == "--generate" && has_next) generate = std::strtoull(argv[++i], nullptr, 10);
        else if (a == "--seed" && has_next) seed = std::strtoull(argv[++i], nullptr, 0);
        else if (a == "--json") json = true;
        else if (a == "--stable-only") stable_only = true;
        else if (a == "--timeout" && has_next) oracle.timeout = std::atof(argv[++i]);
        else if (a == "--shrink-seconds" && has_next) oracle.shrink_seconds = std::atof(argv[++i]);
        else if (a == "--max-reports" && has_next) oracle.max_reports = std::strtoull(argv[++i], nullptr, 10);
        else if (a == "-h" || a == "--help") {
            usage_error("compare another hex2/M1 with hexproof's reference");
            return 0;
        } else return usage_error("unknown or incomplete option '" + a + "'");
    }
    if (oracle.hex2_path.empty() && oracle.m1_path.empty()) return usage_error("give --hex2 PATH and/or --m1 PATH");
    for (const std::string* p : {&oracle.hex2_path, &oracle.m1_path}) {
        if (!p->empty() && access(p->c_str(), X_OK) != 0)
            return usage_error("cannot execute '" + *p + "': " + std::strerror(errno));
    }
    if (corpora.empty() && generate == 0) return usage_error("nothing to do: give --corpus DIR and/or --generate N");
    if (oracle.scratch.dir().empty()) return usage_error("cannot create a scratch folder");
    std::string why;
    oracle.engine = make_engine("reference", &why);
    if (oracle.engine) {
        oracle.engine_note = "reference engine (the C++ extracted from the proved Coq core)";
    } else {
        oracle.engine = make_engine("fast", &why);
        oracle.engine_note = "fast engine (the handwritten one: the reference engine is not built)";
    }
    if (!oracle.engine) return usage_error("no engine: " + why);

    const auto started = Clock::now();
    std::size_t corpus_cases = 0;
    for (const std::string& root : corpora) {
        std::vector<std::string> dirs;
        find_case_dirs(root, 3, &dirs);
        if (dirs.empty()) return usage_error("no case folders (with cmd.txt) under " + root);
        for (const std::string& d : dirs) {
            std::string label = d.substr(std::min(d.size(), root.size() + 1));
            if (label.empty()) label = d;
            run_corpus_case(oracle, d, label, archs);
            ++corpus_cases;
        }
    }
    std::size_t generated = 0;
    if (generate > 0) {
        std::vector<Architecture> list(archs.begin(), archs.end());
        if (list.empty()) list.assign(std::begin(program_gen::all_architectures), std::end(program_gen::all_architectures));
        for (Architecture a : list) {
            for (std::size_t i = 0; i < generate; ++i) {
                Tool tool = (i % 2 == 0) ? Tool::hex2 : Tool::m1;
                if (oracle.program(tool).empty()) tool = tool == Tool::hex2 ? Tool::m1 : Tool::hex2;
                std::uint64_t case_seed = seed * 1000003u + static_cast<std::uint64_t>(a) * 7919u + i;
                program_gen::GenOptions options;
                options.version_stable_only = stable_only;
                options.allow_undefined = !stable_only;
                const auto gen_tool = tool == Tool::hex2 ? program_gen::Tool::hex2 : program_gen::Tool::m1;
                program_gen::Case g = program_gen::generate_case(gen_tool, a, case_seed, options);
                while (stable_only && !g.version_stable) {
                    case_seed += 0x10000000u;
                    g = program_gen::generate_case(gen_tool, a, case_seed, options);
                }
                Case c;
                c.origin = std::string("generated ") + (tool == Tool::hex2 ? "hex2" : "M1") + " " +
                           std::string(architecture_name(a)) + " (seed " + std::to_string(case_seed) + ")";
                c.invocation.tool = tool;
                c.invocation.hex2 = g.hex2;
                c.invocation.m1 = g.m1;
                c.invocation.inputs = g.inputs;
                oracle.check(c);
                ++generated;
            }
        }
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - started).count();

    std::size_t n_div = 0, n_known = 0, n_ub = 0, n_limit = 0;
    for (const Finding& f : oracle.findings) {
        const std::size_t n = 1 + f.also;
        if (f.category == Category::divergence) n_div += n;
        if (f.category == Category::known_difference) n_known += n;
        if (f.category == Category::undefined) n_ub += n;
        if (f.category == Category::limit) n_limit += n;
    }
    const int status = (n_div + n_known) > 0 ? 1 : 0;

    if (json) {
        std::string o = "{\n";
        o += "  \"implementation\": {\"hex2\": " + json_string(oracle.hex2_path) + ", \"m1\": " + json_string(oracle.m1_path) + "},\n";
        o += "  \"reference_engine\": " + json_string(std::string(oracle.engine->name())) + ",\n";
        o += "  \"corpus_cases\": " + std::to_string(corpus_cases) + ", \"generated_cases\": " + std::to_string(generated) + ",\n";
        o += "  \"invocations_checked\": " + std::to_string(oracle.checked) + ", \"agreed\": " + std::to_string(oracle.agreed) + ",\n";
        o += "  \"divergences\": " + std::to_string(n_div) + ", \"known_differences\": " + std::to_string(n_known) +
             ", \"upstream_undefined\": " + std::to_string(n_ub) + ", \"limits\": " + std::to_string(n_limit) + ",\n";
        o += "  \"seconds\": " + std::to_string(seconds) + ", \"exit_status\": " + std::to_string(status) + ",\n";
        o += "  \"findings\": [";
        for (std::size_t i = 0; i < oracle.findings.size(); ++i) {
            const Finding& f = oracle.findings[i];
            o += i ? ",\n    {" : "\n    {";
            o += "\"category\": " + json_string(category_name(f.category)) + ", \"origin\": " + json_string(f.origin) +
                 ", \"verdict\": " + json_string(verdict_key(f.verdict)) + ", \"more_cases\": " + std::to_string(f.also) +
                 ", \"shrunk\": " + (f.shrunk ? "true" : "false");
            if (!f.reason.empty()) o += ", \"reason\": " + json_string(f.reason);
            if (f.category == Category::divergence || f.category == Category::known_difference) {
                o += ", \"command\": " + json_string(f.command) + ", \"inputs\": [";
                for (std::size_t k = 0; k < f.minimal.inputs.size(); ++k)
                    o += (k ? ", " : "") + std::string("{\"name\": ") + json_string(f.minimal.inputs[k].name) +
                         ", \"text\": " + json_string(f.minimal.inputs[k].bytes) + "}";
                o += "], \"shrink_runs\": " + std::to_string(f.shrink_runs);
                if (f.first_difference) o += ", \"first_difference\": " + std::to_string(*f.first_difference);
                if (!f.source_place.empty())
                    o += ", \"source\": {\"place\": " + json_string(f.source_place) + ", \"token\": " + json_string(f.source_token) + "}";
                if (!f.reference_error.empty()) o += ", \"reference_error\": " + json_string(f.reference_error);
                if (!f.implementation_message.empty()) o += ", \"implementation\": " + json_string(f.implementation_message);
                o += ", \"known\": [";
                for (std::size_t k = 0; k < f.known.size(); ++k)
                    o += (k ? ", " : "") + std::string("{\"id\": ") + json_string(f.known[k].id) + ", \"description\": " +
                         json_string(f.known[k].description) + "}";
                o += "]";
            }
            o += "}";
        }
        o += "\n  ],\n  \"notes\": [";
        for (std::size_t i = 0; i < oracle.notes.size(); ++i) o += (i ? ", " : "") + json_string(oracle.notes[i]);
        o += "]\n}\n";
        std::fputs(o.c_str(), stdout);
        return status;
    }

    std::string r;
    r += "hexproof oracle\n";
    r += "  implementation: hex2 = " + (oracle.hex2_path.empty() ? std::string("(none)") : oracle.hex2_path) +
         ", M1 = " + (oracle.m1_path.empty() ? std::string("(none)") : oracle.m1_path) + "\n";
    r += "  our side: the " + oracle.engine_note + "\n";
    r += "  cases: " + std::to_string(corpus_cases) + " corpus, " + std::to_string(generated) + " generated; " +
         std::to_string(oracle.checked) + " tool invocations checked in " + std::to_string(static_cast<int>(seconds + 0.5)) + " s\n";
    r += "  agree: " + std::to_string(oracle.agreed) + ", divergences: " + std::to_string(n_div) +
         ", known 1.4.0/1.7.0 differences: " + std::to_string(n_known) + ", upstream-undefined: " + std::to_string(n_ub) +
         ", upstream limits: " + std::to_string(n_limit) + "\n";
    std::size_t shown = 0;
    std::vector<const Finding*> order;
    for (Category want : {Category::divergence, Category::known_difference})
        for (const Finding& f : oracle.findings)
            if (f.category == want && f.shrunk) order.push_back(&f);
    for (const Finding* fp : order) {
        const Finding& f = *fp;
        ++shown;
        r += "\n== " + category_name(f.category) + " " + std::to_string(shown) + ": " + verdict_name(f.verdict) + "\n";
        r += "  first seen in: " + f.origin + (f.also ? " (and " + std::to_string(f.also) + " more cases like it)" : "") + "\n";
        for (const KnownDifference& k : f.known)
            r += "  KNOWN DIFFERENCE [" + k.id + "]: " + k.description + " (confirmed: without it both sides agree)\n";
        for (const std::string& k : f.known_unconfirmed)
            r += "  touches known difference [" + k + "], but the divergence persists without it\n";
        if (f.category == Category::divergence) r += "  not explained by any known 1.4.0/1.7.0 difference\n";
        r += "  minimal program (from " + std::to_string(f.original_bytes) + " bytes, " + std::to_string(f.shrink_runs) +
             " shrinking runs):\n" + listing(f.minimal.inputs);
        r += "  command: " + f.command + "\n";
        r += f.detail;
    }
    bool more = false;
    for (const Finding& f : oracle.findings) {
        if (f.shrunk || (f.category != Category::divergence && f.category != Category::known_difference)) continue;
        if (!more) r += "\n== more groups (recognised on the whole program, not shrunk)\n";
        more = true;
        std::string ids;
        for (const KnownDifference& k : f.known) ids += (ids.empty() ? "" : ", ") + k.id;
        r += "  " + category_name(f.category) + (ids.empty() ? "" : " [" + ids + "]") + ": " + verdict_name(f.verdict) +
             "; first in " + f.origin + (f.also ? " (+" + std::to_string(f.also) + " more)" : "") + "\n";
    }
    bool header = false;
    for (const Finding& f : oracle.findings) {
        if (f.category != Category::undefined && f.category != Category::limit) continue;
        if (!header) r += "\n== not counted as divergences (upstream-undefined inputs and upstream limits)\n";
        header = true;
        r += "  " + category_name(f.category) + ": " + f.reason +
             (f.verdict == Verdict::agree ? std::string() : std::string("; ") + verdict_name(f.verdict)) + "; first in " + f.origin +
             (f.also ? " (+" + std::to_string(f.also) + " more)" : "") + "\n";
    }
    for (const std::string& n : oracle.notes) r += "  note: " + n + "\n";
    r += status == 0 ? "\nresult: CONFORMING (exit 0)\n" : "\nresult: DIVERGENT (exit 1)\n";
    std::fputs(r.c_str(), stdout);
    return status;
}

}  // namespace hexproof::oracle
