// Verdicts: see verdict.hpp.
#include "verdict.hpp"

#include <cstring>
#include <string>

#include "hex2_reading.hpp"

namespace hexproof::oracle {

std::string_view verdict_name(Verdict v) {
    switch (v) {
        case Verdict::agree: return "agree";
        case Verdict::formatting: return "formatting";
        case Verdict::divergence: return "divergence";
        case Verdict::known_difference: return "known-difference";
        case Verdict::upstream_undefined: return "upstream-undefined";
        case Verdict::upstream_limit: return "upstream-limit";
        case Verdict::timeout: return "timeout";
        case Verdict::crash: return "crash";
        case Verdict::no_output: return "no-output";
        case Verdict::could_not_run: return "could-not-run";
    }
    return "?";
}

bool is_failure(Verdict v) {
    return v != Verdict::agree && v != Verdict::formatting && v != Verdict::upstream_undefined &&
           v != Verdict::upstream_limit;
}

std::string_view disagreement_name(Disagreement d) {
    switch (d) {
        case Disagreement::bytes_differ: return "bytes-differ";
        case Disagreement::implementation_rejects: return "implementation-rejects";
        case Disagreement::implementation_accepts: return "implementation-accepts";
    }
    return "?";
}

std::string_view disagreement_text(Disagreement d) {
    switch (d) {
        case Disagreement::bytes_differ: return "output bytes differ";
        case Disagreement::implementation_rejects:
            return "the implementation rejects what the reference accepts";
        case Disagreement::implementation_accepts:
            return "the implementation accepts what the reference rejects";
    }
    return "?";
}

bool same_output(const std::string& reference, const std::string& implementation, const Invocation& inv,
                 Comparing how) {
    if (reference == implementation) return true;
    if (inv.tool != Tool::m1 || how != Comparing::meaning) return false;
    return hex2_reading(reference, inv.m1.byte_mode, inv.m1.architecture) ==
           hex2_reading(implementation, inv.m1.byte_mode, inv.m1.architecture);
}

Comparison compare(const Result& reference, const Outcome& impl, const Invocation& inv, Comparing how) {
    Comparison c;
    switch (impl.end) {
        case Outcome::End::could_not_run: c.verdict = Verdict::could_not_run; return c;
        case Outcome::End::timed_out: c.verdict = Verdict::timeout; return c;
        case Outcome::End::signalled:
            c.verdict = Verdict::crash;
            c.signal = impl.code;
            return c;
        case Outcome::End::exited: break;
    }
    const bool ref_ok = is_ok(reference);
    if (impl.code == 0 && !impl.output) {
        c.verdict = Verdict::no_output;
        return c;
    }
    if (impl.code == 0) {
        if (ref_ok && std::get<std::string>(reference) == *impl.output) return c;
        if (ref_ok && same_output(std::get<std::string>(reference), *impl.output, inv, how)) {
            c.verdict = Verdict::formatting;
            return c;
        }
        c.verdict = Verdict::divergence;
        c.disagreement = ref_ok ? Disagreement::bytes_differ : Disagreement::implementation_accepts;
        return c;
    }
    if (!ref_ok) return c;  // both reject: compatibility promises the same decision, not the same words
    c.verdict = Verdict::divergence;
    c.disagreement = Disagreement::implementation_rejects;
    return c;
}

std::string describe(const Outcome& impl) {
    std::string err = impl.err.last_lines(2);
    if (err.size() > 400) err = "..." + err.substr(err.size() - 400);  // the end says most
    for (char& c : err)
        if (c == '\n' || c == '\r') c = ' ';
    const std::string said = err.empty() ? std::string() : ": " + err;
    switch (impl.end) {
        case Outcome::End::could_not_run: return "could not run: " + impl.why;
        case Outcome::End::timed_out: return "timed out: " + impl.why + said;
        case Outcome::End::signalled: {
            const char* name = sigabbrev_np(impl.code);
            return "killed by signal " + std::to_string(impl.code) +
                   (name ? std::string(" (SIG") + name + ")" : "") + said;
        }
        case Outcome::End::exited:
            if (impl.code == 0) return impl.output ? "exit status 0" : "no output: " + impl.output_problem;
            return "exit status " + std::to_string(impl.code) + said;
    }
    return "?";
}

}  // namespace hexproof::oracle
