// The oracle's reports: see report.hpp.
#include "report.hpp"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "diagnostics.hpp"

namespace hexproof::oracle {

namespace {

std::string size_text(std::uint64_t bytes) {
    if (bytes == RLIM_INFINITY) return "unlimited";
    const char* units[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
    int u = 0;
    while (u < 4 && bytes >= 1024 && bytes % 1024 == 0) {
        bytes /= 1024;
        ++u;
    }
    return std::to_string(bytes) + " " + units[u];
}

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

std::string fixed(double v, int digits) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

// What a group's invocations did, in a few words.
std::string what(const Finding& f) {
    switch (f.verdict) {
        case Verdict::divergence:
        case Verdict::known_difference: return std::string(disagreement_text(*f.comparison.disagreement));
        case Verdict::timeout: return "the implementation does not finish: " + f.reason;
        case Verdict::crash: return "the implementation " + f.reason;
        case Verdict::no_output: return "exit status 0, but " + f.reason;
        default: return f.reason;
    }
}

std::string more(const Finding& f) {
    return f.cases > 1 ? " (and " + std::to_string(f.cases - 1) + " more cases like it)" : "";
}

std::string optional_number(const std::optional<std::size_t>& v) { return v ? std::to_string(*v) : "null"; }

std::string optional_string(const std::string& s) { return s.empty() ? "null" : json_string(s); }

std::string json_words(const std::vector<std::string>& words) {
    std::string s = "[";
    for (std::size_t i = 0; i < words.size(); ++i) s += (i ? ", " : "") + json_string(words[i]);
    return s + "]";
}

std::string error_text(const std::string& what) { return what + ": " + std::strerror(errno); }

int open_folder(int at, const std::string& path, std::string* why) {
    if (mkdirat(at, path.c_str(), 0755) != 0 && errno != EEXIST) {
        *why = error_text("cannot make " + path);
        return -1;
    }
    const int fd = openat(at, path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) *why = error_text("cannot open the folder " + path);
    return fd;
}

bool write_into(int dir_fd, const std::string& name, const std::string& text, std::string* why) {
    unlinkat(dir_fd, name.c_str(), 0);
    const int fd = openat(dir_fd, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) {
        *why = error_text("cannot write " + name);
        return false;
    }
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            *why = error_text("cannot write " + name);
            close(fd);
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    if (close(fd) != 0) {
        *why = error_text("cannot write " + name);
        return false;
    }
    return true;
}

std::string implementation_text(const Implementation& impl) {
    if (!impl.checked()) return "(not checked)";
    if (impl.command.source == mescc_tools_template().source) return impl.executable;
    return impl.executable + " as `" + impl.command.source + "`" +
           (impl.program.empty() || impl.program == impl.executable ? ""
                                                                    : " ({program} = " + impl.program + ")");
}

std::string comparison_text(Comparing how) {
    return how == Comparing::meaning ? "M1 outputs by meaning, as hex2 reads them (digits, labels and "
                                       "references in order; hex case, "
                                       "blanks and comments ignored); hex2 outputs byte for byte"
                                     : "byte for byte (--exact-bytes)";
}

std::string explanation_text(const Settings& s) {
    if (!s.release) return "none: no release named, so every disagreement is a divergence";
    return "known differences of mescc-tools " + std::string(release_name(*s.release)) +
           ", each confirmed by running the reference with that release's behaviour";
}

}  // namespace

int exit_status(const Results& results) {
    if (results.interrupted) return 130;
    return results.failures() > 0 ? 1 : 0;
}

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

std::string shell_words(const std::vector<std::string>& words) {
    std::string s;
    for (const std::string& w : words) {
        if (!s.empty()) s += ' ';
        const bool plain = !w.empty() && w.find_first_not_of(
                                             "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                             "0123456789-_./=:,+@%") == std::string::npos;
        if (plain) {
            s += w;
            continue;
        }
        s += '\'';
        for (char c : w) s += c == '\'' ? std::string("'\\''") : std::string(1, c);
        s += '\'';
    }
    return escape_bytes(s);
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
                std::snprintf(buf, sizeof buf, i == at ? "[%02x]" : " %02x ",
                              static_cast<unsigned char>(bytes[i]));
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

std::string listing(const std::vector<Input>& inputs, const std::string& saved_in) {
    constexpr std::size_t most = 40, first = 20, last = 10;
    std::string s;
    for (const Input& in : inputs) {
        s += "  --- " + in.name + " (" + std::to_string(in.bytes.size()) + " bytes)\n";
        std::vector<std::pair<std::size_t, std::size_t>> lines;  // start, end (without the newline)
        for (std::size_t start = 0; start < in.bytes.size();) {
            const std::size_t nl = in.bytes.find('\n', start);
            const std::size_t end = nl == std::string::npos ? in.bytes.size() : nl;
            lines.emplace_back(start, end);
            start = end + 1;
        }
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (lines.size() > most && i == first) {
                const std::size_t left_out = lines.size() - first - last;
                s += "       ... " + std::to_string(left_out) + " lines not shown" +
                     (saved_in.empty() ? " (--report-dir DIR keeps the whole program)"
                                       : " (the whole program is in " + saved_in + ")") +
                     "\n";
                i = lines.size() - last;
            }
            const auto [start, end] = lines[i];
            std::string text = in.bytes.substr(start, end - start);
            if (text.size() > 200)
                text = text.substr(0, 200) + "...(" + std::to_string(text.size()) + " bytes)";
            char num[24];
            std::snprintf(num, sizeof num, "%4zu", i + 1);
            const bool newline = end < in.bytes.size();
            s += std::string("  ") + num + " | " + escape_bytes(text) +
                 (newline ? "" : "   (no final newline)") + "\n";
        }
    }
    return s;
}

std::string text_report(const ReportContext& c, const Results& r) {
    const Settings& s = *c.settings;
    const Limits& l = s.limits;
    std::string t = "hexproof oracle\n";
    t += "  implementation: hex2 = " + implementation_text(s.hex2) + ", M1 = " + implementation_text(s.m1) +
         "\n";
    t += "  profile: " + s.profile.name + " (" + s.profile.origin + ")" +
         (s.profile.description.empty() ? "" : ": " + s.profile.description) + "\n";
    t += "  comparison: " + comparison_text(s.comparing) + "\n";
    t += "  explanations: " + explanation_text(s) + "\n";
    t += "  our side: the " + c.engine_note + "\n";
    t += "  isolation: " + c.isolation + "\n";
    t += "  limits per invocation: " + number(l.cpu_seconds) + " s of CPU per process (wall-clock backstop " +
         number(l.wall_seconds) + " s), " + size_text(l.address_space) + " of address space per process, " +
         size_text(l.output_bytes) + " per file written, " + std::to_string(l.processes) + " processes, " +
         size_text(l.stream_bytes) + " kept of standard output and of standard error\n";
    const double rate = r.seconds > 0 ? static_cast<double>(r.records.size()) / r.seconds : 0;
    t += "  cases: " + std::to_string(r.corpus_cases) + " corpus, " + std::to_string(r.generated_cases) +
         " generated; tool invocations checked: " + std::to_string(r.records.size()) + " in " +
         fixed(r.seconds, 1) + " s (" + fixed(rate, 1) + " per second, " + std::to_string(s.jobs) +
         (s.jobs == 1 ? " job" : " jobs") + "; the oracle's peak memory " +
         std::to_string((r.peak_rss_kib + 1023) / 1024) + " MiB)\n";
    t += "  verdicts:";
    for (Verdict v : all_verdicts)
        t += std::string(v == Verdict::agree ? " " : ", ") + std::string(verdict_name(v)) + " " +
             std::to_string(r.count(v));
    t += "\n";
    if (r.skipped_steps + r.skipped_programs > 0 || !r.skipped.empty()) {
        t += "  not checked: " + std::to_string(r.skipped_steps) + " corpus steps, " +
             std::to_string(r.skipped_programs) + " generated programs\n";
        for (const auto& [why, k] : r.skipped)
            t += "    " + std::to_string(k.count) + " " + why + "; first: " + k.first + "\n";
    }
    if (r.joined_steps > 0)
        t += "  " + std::to_string(r.joined_steps) +
             " corpus steps had their inputs joined into one file (the tool reads one)\n";
    if (r.interrupted)
        t += "  INTERRUPTED: only the first " + std::to_string(r.cases_done) + " cases were checked\n";

    std::size_t shown = 0;
    for (Verdict want : {Verdict::divergence, Verdict::known_difference, Verdict::timeout, Verdict::crash,
                         Verdict::no_output}) {
        std::size_t n = 0;
        for (const Finding& f : r.findings) {
            if (f.verdict != want || !f.analysed) continue;
            ++shown;
            t += "\n== " + std::string(verdict_name(f.verdict)) + " " + std::to_string(++n) + " (" +
                 std::string(tool_name(f.tool)) + "): " + what(f) + "\n";
            t += "  first seen in: " + f.first_case + more(f) + "\n";
            for (const KnownDifference& k : f.known)
                t += "  KNOWN DIFFERENCE [" + k.id + "]: " + k.description +
                     " (confirmed: the reference with that behaviour gives the implementation's answer)\n";
            if (!f.known_unconfirmed.empty()) {
                std::string ids;
                for (const std::string& k : f.known_unconfirmed) ids += (ids.empty() ? "" : ", ") + k;
                t += "  holds known differences of " + std::string(release_name(*s.release)) + " [" + ids +
                     "], but the reference with that behaviour does not give the implementation's answer\n";
            }
            if (f.verdict == Verdict::divergence)
                t += s.release ? "  not explained by a known difference of " +
                                     std::string(release_name(*s.release)) + "\n"
                               : "  not explained: no release named (--explain-as VERSION, or a profile's "
                                 "release:)\n";
            t += "  minimal program (from " + std::to_string(f.original_bytes) + " bytes, " +
                 std::to_string(f.shrink_runs) + " shrinking runs" +
                 (f.saved_in.empty() ? std::string() : "; saved whole in " + f.saved_in) + "):\n" +
                 listing(f.minimal.inputs, f.saved_in);
            t += "  command: " + shell_words(f.command) + "\n";
            t += f.detail;
        }
    }
    bool header = false;
    for (const Finding& f : r.findings) {
        if (f.analysed || !is_failure(f.verdict) || f.verdict == Verdict::could_not_run) continue;
        if (!header) t += "\n== more groups (counted, not shrunk)\n";
        header = true;
        t += "  " + std::string(verdict_name(f.verdict)) +
             (f.classification.empty() ? "" : " [" + f.classification + "]") + " (" +
             std::string(tool_name(f.tool)) + "): " + what(f) + "; first in " + f.first_case +
             (f.cases > 1 ? " (+" + std::to_string(f.cases - 1) + " more)" : "") + "\n";
    }
    header = false;
    for (const Finding& f : r.findings) {
        if (f.verdict != Verdict::could_not_run) continue;
        if (!header) t += "\n== could not run\n";
        header = true;
        t += "  " + std::string(tool_name(f.tool)) + ": " + f.reason + "; first in " + f.first_case +
             (f.cases > 1 ? " (+" + std::to_string(f.cases - 1) + " more)" : "") + "\n";
    }
    header = false;
    for (const Finding& f : r.findings) {
        if (f.verdict != Verdict::upstream_undefined && f.verdict != Verdict::upstream_limit &&
            f.verdict != Verdict::formatting)
            continue;
        if (!header)
            t +=
                "\n== not counted as failures (layout only, upstream-undefined inputs and upstream limits)\n";
        header = true;
        if (f.verdict == Verdict::formatting) {
            t += "  formatting (" + std::string(tool_name(f.tool)) +
                 "): the outputs differ in layout only (hex2 reads them alike); first in " + f.first_case +
                 (f.cases > 1 ? " (+" + std::to_string(f.cases - 1) + " more)" : "") + "\n";
            continue;
        }
        header = true;
        t += "  " + std::string(verdict_name(f.verdict)) + ": " + f.reason + "; first in " + f.first_case +
             (f.cases > 1 ? " (+" + std::to_string(f.cases - 1) + " more)" : "") + "\n";
    }
    if (r.stray_processes > 0)
        t += "  note: " + std::to_string(r.stray_processes) +
             " processes were still running when an implementation ended; they were killed\n";
    for (const std::string& n : r.notes) t += "  note: " + n + "\n";
    (void)shown;
    const int status = exit_status(r);
    t += status == 130 ? "\nresult: INTERRUPTED (exit 130)\n"
         : status == 0 ? "\nresult: CONFORMING (exit 0)\n"
                       : "\nresult: DIVERGENT (exit 1)\n";
    return t;
}

std::string json_report(const ReportContext& c, const Results& r) {
    const Settings& s = *c.settings;
    const Limits& l = s.limits;
    std::string o = "{\n  \"schema\": \"hexproof-oracle/2\",\n";
    o += "  \"implementation\": {\"hex2\": " + optional_string(s.hex2.executable) +
         ", \"m1\": " + optional_string(s.m1.executable) +
         ", \"hex2_command\": " + (s.hex2.checked() ? json_string(s.hex2.command.source) : "null") +
         ", \"m1_command\": " + (s.m1.checked() ? json_string(s.m1.command.source) : "null") + "},\n";
    o += "  \"profile\": {\"name\": " + json_string(s.profile.name) +
         ", \"origin\": " + json_string(s.profile.origin) + ", \"release\": " +
         (s.profile.release ? json_string(std::string(release_name(*s.profile.release))) : "null") + "},\n";
    o += "  \"comparison\": " + json_string(s.comparing == Comparing::meaning ? "meaning" : "exact-bytes") +
         ",\n";
    o += "  \"explain_as\": " + (s.release ? json_string(std::string(release_name(*s.release))) : "null") +
         ",\n";
    o += "  \"reference_engine\": " + json_string(c.engine_name) + ",\n";
    o += "  \"isolation\": {\"kind\": " + json_string(c.isolation_name) +
         ", \"description\": " + json_string(c.isolation) + "},\n";
    o += "  \"limits\": {\"cpu_seconds\": " + number(l.cpu_seconds) +
         ", \"wall_seconds\": " + number(l.wall_seconds) +
         ", \"address_space_bytes\": " + std::to_string(l.address_space) +
         ", \"output_bytes\": " + std::to_string(l.output_bytes) +
         ", \"processes\": " + std::to_string(l.processes) +
         ", \"stream_bytes\": " + std::to_string(l.stream_bytes) + "},\n";
    o += "  \"summary\": {\"corpus_cases\": " + std::to_string(r.corpus_cases) +
         ", \"generated_cases\": " + std::to_string(r.generated_cases) +
         ", \"cases_checked\": " + std::to_string(r.cases_done) +
         ", \"invocations\": " + std::to_string(r.records.size()) + ", \"seconds\": " + fixed(r.seconds, 3) +
         ", \"jobs\": " + std::to_string(s.jobs) +
         ", \"interrupted\": " + (r.interrupted ? "true" : "false") +
         ", \"stray_processes_killed\": " + std::to_string(r.stray_processes) +
         ", \"oracle_peak_rss_kib\": " + std::to_string(r.peak_rss_kib) +
         ", \"exit_status\": " + std::to_string(exit_status(r)) +
         ", \"skipped_steps\": " + std::to_string(r.skipped_steps) +
         ", \"skipped_programs\": " + std::to_string(r.skipped_programs) +
         ", \"joined_steps\": " + std::to_string(r.joined_steps) + ",\n    \"skipped\": [";
    {
        bool first = true;
        for (const auto& [why, k] : r.skipped) {
            o += (first ? "" : ", ") + std::string("{\"reason\": ") + json_string(why) +
                 ", \"count\": " + std::to_string(k.count) + ", \"first\": " + json_string(k.first) + "}";
            first = false;
        }
    }
    o += "],\n    \"verdicts\": {";
    for (Verdict v : all_verdicts)
        o += std::string(v == Verdict::agree ? "" : ", ") + json_string(std::string(verdict_name(v))) + ": " +
             std::to_string(r.count(v));
    o += "}},\n  \"invocations\": [";
    for (std::size_t i = 0; i < r.records.size(); ++i) {
        const Record& rec = r.records[i];
        o += i ? ",\n    {" : "\n    {";
        o += "\"tool\": " + json_string(std::string(tool_name(rec.tool))) +
             ", \"case\": " + json_string(rec.case_name) + ", \"step\": " + std::to_string(rec.step) +
             ", \"command\": " + json_words(rec.command) +
             ", \"verdict\": " + json_string(std::string(verdict_name(rec.verdict))) +
             ", \"class\": " + optional_string(rec.classification) +
             ", \"first_difference\": " + optional_number(rec.first_difference) +
             ", \"reason\": " + optional_string(rec.verdict == Verdict::agree ? std::string() : rec.reason) +
             ", \"group\": " + (rec.group == no_group ? std::string("null") : std::to_string(rec.group)) +
             "}";
    }
    o += r.records.empty() ? "],\n" : "\n  ],\n";
    o += "  \"groups\": [";
    for (std::size_t i = 0; i < r.findings.size(); ++i) {
        const Finding& f = r.findings[i];
        o += i ? ",\n    {" : "\n    {";
        o += "\"group\": " + std::to_string(i) +
             ", \"tool\": " + json_string(std::string(tool_name(f.tool))) +
             ", \"verdict\": " + json_string(std::string(verdict_name(f.verdict))) +
             ", \"class\": " + optional_string(f.classification) +
             ", \"reason\": " + optional_string(f.reason) + ", \"first_case\": " + json_string(f.first_case) +
             ", \"cases\": " + std::to_string(f.cases) + ", \"shrunk\": " + (f.analysed ? "true" : "false");
        if (f.analysed) {
            o += ", \"command\": " + json_words(f.command) + ", \"inputs\": [";
            for (std::size_t k = 0; k < f.minimal.inputs.size(); ++k) {
                const Input& in = f.minimal.inputs[k];
                // Whole programs of any size are in the report folder; here, small ones only.
                const bool small = in.bytes.size() <= 65536;
                o += (k ? ", " : "") + std::string("{\"name\": ") + json_string(in.name) +
                     ", \"bytes\": " + std::to_string(in.bytes.size()) +
                     ", \"text\": " + (small ? json_string(in.bytes) : "null") + "}";
            }
            o += "], \"original_bytes\": " + std::to_string(f.original_bytes) +
                 ", \"shrink_runs\": " + std::to_string(f.shrink_runs) +
                 ", \"first_difference\": " + optional_number(f.first_difference);
            o += ", \"source\": " + (f.source_place.empty()
                                         ? std::string("null")
                                         : "{\"place\": " + json_string(f.source_place) +
                                               ", \"token\": " + json_string(f.source_token) + "}");
            o += ", \"reference_error\": " + optional_string(f.reference_error) +
                 ", \"implementation\": " + optional_string(f.implementation_message) + ", \"known\": [";
            for (std::size_t k = 0; k < f.known.size(); ++k)
                o += (k ? ", " : "") + std::string("{\"id\": ") + json_string(f.known[k].id) +
                     ", \"description\": " + json_string(f.known[k].description) + "}";
            o += "], \"known_unconfirmed\": " + json_words(f.known_unconfirmed) +
                 ", \"saved_in\": " + optional_string(f.saved_in);
        }
        o += "}";
    }
    o += r.findings.empty() ? "],\n" : "\n  ],\n";
    o += "  \"notes\": [";
    for (std::size_t i = 0; i < r.notes.size(); ++i) o += (i ? ", " : "") + json_string(r.notes[i]);
    o += "]\n}\n";
    return o;
}

bool save_file(const std::string& dir, const std::string& name, const std::string& text, std::string* why) {
    const int fd = open_folder(AT_FDCWD, dir, why);
    if (fd < 0) return false;
    const bool ok = write_into(fd, name, text, why);
    close(fd);
    return ok;
}

bool save_programs(const std::string& dir, Results& results, std::string* why) {
    const int root = open_folder(AT_FDCWD, dir, why);
    if (root < 0) return false;
    bool ok = true;
    for (std::size_t i = 0; i < results.findings.size() && ok; ++i) {
        Finding& f = results.findings[i];
        if (!f.analysed) continue;
        const std::string name = "group-" + std::to_string(i);
        const int folder = open_folder(root, name, why);
        if (folder < 0) {
            ok = false;
            break;
        }
        const auto names = scratch_names(f.minimal);
        for (std::size_t k = 0; k < names.size() && ok; ++k)
            ok = write_into(folder, names[k], f.minimal.inputs[k].bytes, why);
        ok = ok && write_into(folder, "command.txt", shell_words(f.command) + "\n", why);
        close(folder);
        if (ok) f.saved_in = dir + "/" + name + "/";
    }
    close(root);
    return ok;
}

}  // namespace hexproof::oracle
