// The oracle's campaign: see oracle.hpp. Sections: checking one invocation, the cases, grouping
// in case order, analysing a group, the two phases.
#include "oracle.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <sys/resource.h>
#include <unistd.h>

#include "constructs.hpp"
#include "corpus.hpp"
#include "diagnostics.hpp"
#include "hex2_reading.hpp"
#include "io.hpp"
#include "program_gen.hpp"
#include "provenance.hpp"
#include "report.hpp"
#include "shrink.hpp"

namespace hexproof::oracle {

std::size_t Results::failures() const {
    std::size_t n = 0;
    for (Verdict v : all_verdicts)
        if (is_failure(v)) n += count(v);
    return n;
}

namespace {

using Clock = std::chrono::steady_clock;

std::string join_ids(const std::vector<KnownDifference>& known) {
    std::string s;
    for (const KnownDifference& k : known) s += (s.empty() ? "" : ",") + k.id;
    return s;
}

bool is_analysable(Verdict v) {
    return v == Verdict::divergence || v == Verdict::known_difference || v == Verdict::timeout ||
           v == Verdict::crash || v == Verdict::no_output;
}

// A checked invocation on its way to the records; the invocation is kept only while it may
// head a group.
struct Check {
    Record record;
    Invocation invocation;
    std::vector<KnownDifference> known;  // confirmed on the whole program
};

struct ItemResult {
    std::vector<Check> checks;
    std::vector<std::string> notes;
    std::map<std::string, Skipped> skipped;  // steps and programs not checked, by reason
    std::size_t skipped_steps = 0, skipped_programs = 0, joined_steps = 0;
    std::size_t stray_processes = 0;
};

// Where two outputs first differ: byte for byte, or (by meaning) at the first token of the
// reference's reading that differs.
std::size_t first_difference(const std::string& expected, const std::string& got, const Invocation& inv,
                             Comparing how) {
    if (inv.tool == Tool::m1 && how == Comparing::meaning) {
        const Reading a = hex2_reading_at(expected, inv.m1.byte_mode, inv.m1.architecture);
        const Reading b = hex2_reading_at(got, inv.m1.byte_mode, inv.m1.architecture);
        const auto m = std::mismatch(a.text.begin(), a.text.end(), b.text.begin(), b.text.end());
        const std::size_t k = static_cast<std::size_t>(m.first - a.text.begin());
        return k < a.at.size() ? a.at[k] : expected.size();
    }
    const auto m = std::mismatch(expected.begin(), expected.end(), got.begin(), got.end());
    return static_cast<std::size_t>(m.first - expected.begin());
}

class Campaign {
public:
    Campaign(const Settings& settings, const Runner& runner, std::string engine_name)
        : s_(settings), runner_(runner), engine_name_(std::move(engine_name)) {}

    Results run(const std::vector<WorkItem>& items);

private:
    // ------------------------------------------------------------ checking one invocation

    Outcome run_implementation(const Invocation& inv, Limits limits, const Result& reference,
                               std::vector<std::string>* command) const {
        const auto names = scratch_names(inv);
        const Implementation& impl = s_.of(inv.tool);
        RunRequest request;
        request.argv = expand(impl.command, inv, impl.executable, impl.program, names, output_name);
        for (std::size_t i = 0; i < inv.inputs.size(); ++i)
            request.files.emplace_back(names[i], inv.inputs[i].view());
        request.output = output_name;
        // A correct output always fits, however large.
        if (is_ok(reference))
            limits.output_bytes =
                std::max<std::uint64_t>(limits.output_bytes, std::get<std::string>(reference).size() + 4096);
        request.limits = limits;
        if (command) *command = request.argv;
        return runner_.run(request);
    }

    Comparison comparison(const Result& ref, const Outcome& o, const Invocation& inv) const {
        return compare(ref, o, inv, s_.comparing);
    }

    // The known differences of the release under test that explain the implementation's answer.
    std::optional<std::vector<KnownDifference>> explanation(const Engine& engine, const Invocation& inv,
                                                            const Outcome& o) const {
        if (!s_.release) return std::nullopt;
        return explain(engine, *s_.release, inv, o, s_.comparing);
    }

    Check check(const Engine& engine, const std::string& case_name, std::size_t step, Invocation inv,
                const Result& ref, ItemResult& out) const {
        Check c;
        Record& r = c.record;
        r.tool = inv.tool;
        r.case_name = case_name;
        r.step = step;
        if (const Error* e = std::get_if<Error>(&ref); e && e->kind == ErrorKind::unterminated_word) {
            // Upstream loops forever here: not worth a timeout per case.
            r.verdict = r.comparison.verdict = Verdict::upstream_undefined;
            r.reason = upstream_undefined_reason(inv, ref) + " (the implementation was not run)";
            const Implementation& impl = s_.of(inv.tool);
            r.command =
                expand(impl.command, inv, impl.executable, impl.program, scratch_names(inv), output_name);
            return c;
        }
        const Outcome o = run_implementation(inv, s_.limits, ref, &r.command);
        out.stray_processes += static_cast<std::size_t>(o.stray_processes);
        if (!o.cleanup_problem.empty())
            out.notes.push_back("scratch folder not removed: " + o.cleanup_problem);
        r.comparison = comparison(ref, o, inv);
        r.verdict = r.comparison.verdict;
        if (r.verdict == Verdict::agree) return c;
        if (r.verdict == Verdict::formatting) {
            r.classification = "layout";
            return c;
        }
        r.reason = describe(o);
        // A disagreement the release under test explains (confirmed by running the reference
        // with its behaviour) is that, whatever else the program holds.
        if (r.verdict == Verdict::divergence)
            if (auto known = explanation(engine, inv, o)) c.known = std::move(*known);
        if (r.verdict != Verdict::could_not_run && c.known.empty()) {
            if (std::string why = upstream_undefined_reason(inv, ref); !why.empty()) {
                r.verdict = Verdict::upstream_undefined;
                r.reason = why;
            } else if (r.verdict == Verdict::divergence &&
                       wide_arithmetic_explains(engine, inv, o, s_.comparing)) {
                r.verdict = Verdict::upstream_undefined;
                r.reason = wide_arithmetic_reason;
            } else if (std::string limit = limit_reason(inv, r.comparison); !limit.empty()) {
                r.verdict = Verdict::upstream_limit;
                r.reason = limit;
            }
        }
        if (r.verdict == Verdict::divergence) {
            if (r.comparison.disagreement == Disagreement::bytes_differ)
                r.first_difference =
                    first_difference(std::get<std::string>(ref), *o.output, inv, s_.comparing);
            r.verdict = c.known.empty() ? Verdict::divergence : Verdict::known_difference;
            r.classification = c.known.empty() ? std::string(disagreement_name(*r.comparison.disagreement))
                                               : join_ids(c.known);
        }
        if (is_analysable(r.verdict)) c.invocation = std::move(inv);
        return c;
    }

    // ------------------------------------------------------------ the cases

    bool wanted(Architecture a) const {
        return s_.architectures.empty() ||
               std::find(s_.architectures.begin(), s_.architectures.end(), a) != s_.architectures.end();
    }

    // Why the invocation is not checked (empty when it is): its tool is not under test, its
    // architecture was not asked for, it is outside the profile, or the reference rejects it with
    // an error the profile does not expect the tool to report.
    Outside not_checked(const Invocation& inv, const Result& ref) const {
        if (!s_.of(inv.tool).checked())
            return {"corpus steps of " + std::string(tool_name(inv.tool)) + " not checked (no --" +
                        (inv.tool == Tool::hex2 ? "hex2" : "m1") + " given)",
                    ""};
        if (!wanted(inv.architecture()))
            return {"corpus steps not checked (an architecture not asked for: --arch, or the profile's)", ""};
        Outside why = outside(s_.profile.subset, inv);
        if (!why.what.empty()) return {"outside the profile: " + why.what, why.where};
        if (std::string e = undiagnosed(s_.profile.subset, inv, ref); !e.empty())
            return {"outside the profile: " + e, ""};
        return {};
    }

    static void count(ItemResult& out, const std::string& why, const std::string& first) {
        Skipped& k = out.skipped[why];
        if (k.count++ == 0) k.first = first;
    }

    // A corpus case step by step; each step reads the reference's outputs of the earlier ones,
    // so a step is checked whatever the implementation did before it.
    void check_corpus(const Engine& engine, const WorkItem& item, ItemResult& out) const {
        const CorpusCase cc = read_corpus_case(item.dir, item.label);
        if (!cc.problem.empty()) {
            out.notes.push_back(item.label + ": " + cc.problem + "; case skipped");
            return;
        }
        std::map<std::string, std::string> produced;
        for (std::size_t i = 0; i < cc.steps.size(); ++i) {
            const CorpusStep& step = cc.steps[i];
            Invocation inv = step.invocation;
            for (const std::string& f : step.files) {
                if (auto it = produced.find(f); it != produced.end()) {
                    inv.inputs.push_back(Input{f, it->second});
                    continue;
                }
                ReadFailure failure;
                auto bytes = read_file(item.dir + "/" + f, &failure);
                if (!bytes) {
                    const std::string why =
                        failure.over_limit
                            ? "larger than the input limit of " + std::to_string(max_input_bytes()) + " bytes"
                            : failure.why;
                    out.notes.push_back(item.label + ": cannot read " + f + " (" + why +
                                        "); case skipped from step " + std::to_string(i + 1));
                    return;
                }
                inv.inputs.push_back(Input{f, std::move(*bytes)});
            }
            // The tool reads one file: both sides get the inputs joined, as the bootstrap's catm
            // joins them (a checked step's inputs only; the outputs fed on are the reference's).
            const bool join = s_.of(inv.tool).checked() && s_.joins_inputs(inv.tool) && inv.inputs.size() > 1;
            if (join) inv.inputs = joined(inv.inputs);
            const Result ref = run_reference(engine, inv);
            if (const Outside why = not_checked(inv, ref); !why.what.empty()) {
                count(out, why.what,
                      item.label + ", step " + std::to_string(i + 1) +
                          (why.where.empty() ? "" : ", at " + why.where));
                ++out.skipped_steps;
            } else {
                out.joined_steps += join ? 1 : 0;
                out.checks.push_back(check(engine, "corpus " + item.label, i + 1, std::move(inv), ref, out));
            }
            if (!is_ok(ref)) {
                if (i + 1 < cc.steps.size())
                    out.notes.push_back(item.label + ": the reference rejects step " + std::to_string(i + 1) +
                                        ", so the later steps have no input and were not checked");
                return;
            }
            if (!step.output.empty()) {
                if (step.append)
                    produced[step.output] += std::get<std::string>(ref);
                else
                    produced[step.output] = std::get<std::string>(ref);
            }
        }
    }

    // A generated program inside the profile: the generator draws inside its subset, and a
    // program still outside it (or one the reference rejects with an error the tool is not
    // expected to report) is drawn again from the next seed, up to a number of tries.
    void check_generated(const Engine& engine, const WorkItem& item, ItemResult& out) const {
        program_gen::GenOptions options;
        options.version_stable_only = item.stable_only;
        options.allow_undefined = !item.stable_only;
        options.subset = &s_.profile.subset;
        const auto gen_tool = item.tool == Tool::hex2 ? program_gen::Tool::hex2 : program_gen::Tool::m1;
        constexpr int tries = 32;
        std::string last_why, last_where;
        std::uint64_t seed = item.seed;
        for (int attempt = 0; attempt < tries; ++attempt, seed += 0x10000000u) {
            program_gen::Case g = program_gen::generate_case(gen_tool, item.architecture, seed, options);
            if (item.stable_only && !g.version_stable) continue;
            Invocation inv;
            inv.tool = item.tool;
            inv.hex2 = g.hex2;
            inv.m1 = g.m1;
            inv.inputs = std::move(g.inputs);
            if (s_.joins_inputs(inv.tool)) inv.inputs = joined(inv.inputs);
            const Outside outside_why = outside(s_.profile.subset, inv);
            if (!outside_why.what.empty()) {
                last_why = outside_why.what;
                last_where = outside_why.where;
                continue;
            }
            const Result ref = run_reference(engine, inv);
            if (std::string e = undiagnosed(s_.profile.subset, inv, ref); !e.empty()) {
                last_why = e;
                last_where.clear();
                continue;
            }
            const std::string name = "generated " + std::string(tool_name(item.tool)) + " " +
                                     std::string(architecture_name(item.architecture)) + " (seed " +
                                     std::to_string(seed) + ")";
            out.checks.push_back(check(engine, name, 1, std::move(inv), ref, out));
            return;
        }
        ++out.skipped_programs;
        count(out,
              "generated programs outside the profile after " + std::to_string(tries) + " tries (the last: " +
                  (last_why.empty() ? std::string("not --stable-only") : last_why) + ")",
              std::string(tool_name(item.tool)) + " " + std::string(architecture_name(item.architecture)) +
                  " (seed " + std::to_string(item.seed) + ")" +
                  (last_where.empty() ? "" : ", at " + last_where));
    }

    // ------------------------------------------------------------ grouping, in case order

    void group(Check& c) {
        Record& r = c.record;
        if (r.verdict == Verdict::agree) return;
        const std::string tool(tool_name(r.tool));
        std::string signature = std::string(verdict_name(r.verdict)) + "|";
        switch (r.verdict) {
            case Verdict::upstream_undefined:
            case Verdict::upstream_limit: signature += r.reason; break;
            case Verdict::formatting: signature += tool; break;
            case Verdict::divergence:
            case Verdict::known_difference:
                signature = "disagreement|" + tool + "|" + r.classification;
                break;
            case Verdict::crash: signature += tool + "|" + std::to_string(r.comparison.signal); break;
            default: signature += tool + "|" + r.reason;
        }
        if (auto it = signatures_.find(signature); it != signatures_.end()) {
            r.group = it->second;
            ++results_.findings[it->second].cases;
            return;
        }
        r.group = results_.findings.size();
        signatures_[signature] = r.group;
        Finding f;
        f.tool = r.tool;
        f.verdict = r.verdict;
        f.comparison = r.comparison;
        f.classification = r.classification;
        f.reason = r.reason;
        f.first_case =
            r.case_name + (r.case_name.rfind("corpus", 0) == 0 ? ", step " + std::to_string(r.step) : "");
        f.known = c.known;
        f.first_difference = r.first_difference;
        // Shrink the first case of a group when it is unexplained or shows a known difference
        // not shrunk yet, within --max-reports; the other groups are only counted.
        bool fresh = c.known.empty();
        for (const KnownDifference& k : c.known) fresh = fresh || !shrunk_ids_.count(k.id);
        if (is_analysable(r.verdict) && fresh && analysed_ < s_.max_reports) {
            ++analysed_;
            f.analysed = true;
            heads_[r.group] = std::move(c.invocation);
            for (const KnownDifference& k : c.known) shrunk_ids_.insert(k.id);
        }
        results_.findings.push_back(std::move(f));
    }

    // Takes an item's result, and groups every finished item in case order (under the lock).
    void collect(std::size_t index, ItemResult r) {
        std::lock_guard<std::mutex> lock(mutex_);
        pending_.emplace(index, std::move(r));
        for (auto it = pending_.find(next_); it != pending_.end(); it = pending_.find(++next_)) {
            ItemResult& item = it->second;
            for (Check& c : item.checks) {
                group(c);
                if (is_failure(c.record.verdict)) ++failures_so_far_;
                results_.records.push_back(std::move(c.record));
            }
            for (std::string& n : item.notes) results_.notes.push_back(std::move(n));
            for (const auto& [why, k] : item.skipped) {
                Skipped& all = results_.skipped[why];
                if (all.count == 0) all.first = k.first;
                all.count += k.count;
            }
            results_.skipped_steps += item.skipped_steps;
            results_.skipped_programs += item.skipped_programs;
            results_.joined_steps += item.joined_steps;
            results_.stray_processes += item.stray_processes;
            ++results_.cases_done;
            ++cases_done_;
            pending_.erase(it);
        }
    }

    // ------------------------------------------------------------ analysing a group

    void analyse(const Engine& engine, Finding& f, Invocation inv) const {
        for (const Input& in : inv.inputs) f.original_bytes += in.bytes.size();
        Limits limits = s_.limits;
        if (f.verdict == Verdict::timeout) {
            // A hang costs a whole limit per candidate: a short one while shrinking.
            limits.cpu_seconds = std::min(limits.cpu_seconds, s_.shrink_timeout);
            limits.wall_seconds =
                std::min(limits.wall_seconds, std::max(10 * s_.shrink_timeout, limits.cpu_seconds));
        }
        const Comparison target = f.comparison;
        const bool explaining = target.verdict == Verdict::divergence && s_.release;
        const std::string target_ids = join_ids(f.known);
        ShrinkBudget budget{Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                               std::chrono::duration<double>(s_.shrink_seconds))};
        // A candidate fails alike when it is inside the profile, fails the same way and, with a
        // release under test, is explained by the same known differences (or, unexplained, stays
        // unexplained).
        auto fails = [&](const std::vector<Input>& inputs) {
            Invocation trial = inv;
            trial.inputs = inputs;
            const Result r = run_reference(engine, trial);
            // The minimal program stays inside the profile, as the program it came from.
            if (!outside(s_.profile.subset, trial).what.empty() ||
                !undiagnosed(s_.profile.subset, trial, r).empty())
                return false;
            const Outcome o = run_implementation(trial, limits, r, nullptr);
            const Comparison c = comparison(r, o, trial);
            if (!(c == target)) return false;
            if (explaining) {
                const auto known = explanation(engine, trial, o);
                if ((known ? join_ids(*known) : std::string()) != target_ids) return false;
                if (known) return true;  // explained, as check() decides, before any other reason
            }
            return upstream_undefined_reason(trial, r).empty() && limit_reason(trial, c).empty() &&
                   !(target.verdict == Verdict::divergence &&
                     wide_arithmetic_explains(engine, trial, o, s_.comparing));
        };
        inv.inputs = shrink(inv.inputs, fails, budget);
        f.shrink_runs = budget.runs;
        f.minimal = std::move(inv);
        const Result ref = run_reference(engine, f.minimal);
        const Outcome o = run_implementation(f.minimal, limits, ref, &f.command);
        if (target.verdict == Verdict::divergence) {
            f.known.clear();
            if (auto known = explanation(engine, f.minimal, o)) f.known = std::move(*known);
            if (s_.release)
                for (const std::string& id : differences_in(*s_.release, f.minimal))
                    if (std::none_of(f.known.begin(), f.known.end(),
                                     [&](const KnownDifference& k) { return k.id == id; }))
                        f.known_unconfirmed.push_back(id);
            f.verdict = f.known.empty() ? Verdict::divergence : Verdict::known_difference;
            f.classification =
                f.known.empty() ? std::string(disagreement_name(*target.disagreement)) : join_ids(f.known);
        }
        describe_finding(engine, f, ref, o);
    }

    void describe_finding(const Engine& engine, Finding& f, const Result& ref, const Outcome& impl) const {
        const Invocation& inv = f.minimal;
        if (const Error* e = std::get_if<Error>(&ref)) f.reference_error = format_error(*e, inv.inputs);
        f.implementation_message = describe(impl);
        std::string d;
        const bool both_wrote =
            is_ok(ref) && impl.end == Outcome::End::exited && impl.code == 0 && impl.output;
        if (both_wrote) {
            const std::string& exp = std::get<std::string>(ref);
            const std::string& got = *impl.output;
            const bool meaning = inv.tool == Tool::m1 && s_.comparing == Comparing::meaning;
            const std::size_t k = first_difference(exp, got, inv, s_.comparing);
            const std::size_t k_got = meaning ? first_difference(got, exp, inv, s_.comparing) : k;
            f.first_difference = k;
            char hex[32];
            std::snprintf(hex, sizeof hex, "%zx", k);
            if (meaning)
                d += "  first difference as hex2 reads them: the reference's output at offset " +
                     std::to_string(k) + " (0x" + hex + "), the implementation's at " +
                     std::to_string(k_got) + "\n";
            else
                d += "  first differing byte: offset " + std::to_string(k) + " (0x" + hex + ")\n";
            d += hexdump_window(exp, k, "expected (reference)") +
                 hexdump_window(got, k_got, "got (implementation)");
            if (k < exp.size()) {
                std::string why;
                if (auto p = provenance(engine, inv, exp, k, &why)) {
                    f.source_place = p->where;
                    f.source_token = p->token;
                    d += "  the expected byte comes from " + p->where + ": `" + p->token + "`\n";
                } else {
                    d += "  source of the expected byte: unknown (" + why + ")\n";
                }
            } else if (same_output(exp, got, inv, s_.comparing)) {
                d += "  (this run gave the same answer: the implementation does not answer the same way each "
                     "time)\n";
            } else {
                d += "  the reference output ends here; the implementation wrote more\n";
            }
            f.detail = d;
            return;
        }
        if (is_ok(ref)) {
            const std::string& exp = std::get<std::string>(ref);
            d += "  the reference accepts (" + std::to_string(exp.size()) + " bytes)\n" +
                 hexdump_window(exp, 0, "expected (reference)");
        } else {
            d += "  the reference rejects: " + f.reference_error + "\n";
        }
        d += "  the implementation: " + f.implementation_message + "\n";
        if (impl.end == Outcome::End::exited && impl.code == 0 && impl.output)
            d += hexdump_window(*impl.output, 0, "got (implementation)");
        f.detail = d;
    }

    // ------------------------------------------------------------ state

    const Settings& s_;
    const Runner& runner_;
    std::string engine_name_;

    std::mutex mutex_;
    std::map<std::size_t, ItemResult> pending_;  // finished, waiting for an earlier item
    std::size_t next_ = 0;
    Results results_;
    std::map<std::string, std::size_t> signatures_;
    std::map<std::size_t, Invocation> heads_;  // finding -> its first invocation, to analyse
    std::set<std::string> shrunk_ids_;
    std::size_t analysed_ = 0;
    std::atomic<std::size_t> failures_so_far_{0}, cases_done_{0};  // for the progress line
};

// Runs work(worker engine, i) for i in [0, n) on `jobs` threads, printing `progress()` every
// quarter second on standard error meanwhile when asked.
template <typename Work, typename Progress>
void in_parallel(unsigned jobs, const std::string& engine_name, std::size_t n, Work work, bool show,
                 Progress progress) {
    std::atomic<std::size_t> next{0};
    std::vector<std::thread> threads;
    std::atomic<unsigned> running{0};
    const unsigned count = static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(n, 1)));
    for (unsigned t = 0; t < count; ++t) {
        ++running;
        threads.emplace_back([&]() {
            std::string why;
            const auto engine = make_engine(engine_name, &why);
            for (std::size_t i; engine && !stop_requested() && (i = next++) < n;) work(*engine, i);
            --running;
        });
    }
    while (show && running > 0) {
        std::fprintf(stderr, "\r\033[K%s", progress().c_str());
        std::fflush(stderr);
        for (int k = 0; k < 25 && running > 0; ++k)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    for (std::thread& t : threads) t.join();
    if (show) std::fputs("\r\033[K", stderr);
}

Results Campaign::run(const std::vector<WorkItem>& items) {
    const auto started = Clock::now();
    for (const WorkItem& w : items) ++(w.corpus ? results_.corpus_cases : results_.generated_cases);
    std::atomic<std::size_t> invocations{0};
    auto rate = [&]() {
        const double t = std::chrono::duration<double>(Clock::now() - started).count();
        return t > 0 ? static_cast<double>(invocations) / t : 0.0;
    };
    in_parallel(
        s_.jobs, engine_name_, items.size(),
        [&](const Engine& engine, std::size_t i) {
            ItemResult r;
            if (items[i].corpus)
                check_corpus(engine, items[i], r);
            else
                check_generated(engine, items[i], r);
            invocations += r.checks.size();
            // A case cut short by an interruption is not reported (nor any after it).
            if (!stop_requested()) collect(i, std::move(r));
        },
        s_.progress,
        [&]() {
            char line[160];
            std::snprintf(
                line, sizeof line,
                "hexproof oracle: %zu/%zu cases, %zu invocations, %zu failing so far, %.1f per second",
                cases_done_.load(), items.size(), invocations.load(), failures_so_far_.load(), rate());
            return std::string(line);
        });
    results_.interrupted = stop_requested();

    // The groups' first invocations, shrunk and described, in parallel.
    std::vector<std::size_t> to_analyse;
    for (const auto& [index, inv] : heads_) to_analyse.push_back(index);
    std::atomic<std::size_t> analysed{0};
    in_parallel(
        s_.jobs, engine_name_, to_analyse.size(),
        [&](const Engine& engine, std::size_t i) {
            const std::size_t index = to_analyse[i];
            analyse(engine, results_.findings[index], std::move(heads_.at(index)));
            ++analysed;
        },
        s_.progress && !to_analyse.empty(),
        [&]() {
            return "hexproof oracle: shrinking " + std::to_string(analysed.load()) + "/" +
                   std::to_string(to_analyse.size()) + " groups";
        });
    results_.interrupted = results_.interrupted || stop_requested();

    for (const Record& r : results_.records) ++results_.counts[static_cast<std::size_t>(r.verdict)];
    results_.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    rusage self{};
    getrusage(RUSAGE_SELF, &self);
    results_.peak_rss_kib = self.ru_maxrss;
    return std::move(results_);
}

}  // namespace

Results check_all(const Settings& settings, const Runner& runner, const std::string& engine_name,
                  const std::vector<WorkItem>& items) {
    Campaign campaign(settings, runner, engine_name);
    return campaign.run(items);
}

}  // namespace hexproof::oracle
