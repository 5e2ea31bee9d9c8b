// Reasons and known differences: see known_differences.hpp.
#include "known_differences.hpp"

#include <algorithm>
#include <cstring>

#include "diagnostics.hpp"
#include "program_gen.hpp"
#include "strtoint.hpp"

namespace hexproof::oracle {

namespace {

bool is_number_text(std::string_view t) { return !t.empty() && is_number(t, strtoint(t)); }

}  // namespace

std::string upstream_undefined_reason(const Invocation& inv, const Result& reference) {
    if (const Error* e = std::get_if<Error>(&reference)) {
        if (e->kind == ErrorKind::nul_in_name) return "a NUL byte inside a hex2 label or reference name";
        if (e->kind == ErrorKind::nul_in_token) return "a NUL byte inside an M1 token";
        if (e->kind == ErrorKind::unterminated_word)
            return "end of file inside a hex2 `.` word (upstream loops)";
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

std::string limit_reason(const Invocation& inv, const Comparison& c) {
    const bool rejects =
        c.verdict == Verdict::divergence && c.disagreement == Disagreement::implementation_rejects;
    if (!rejects && c.verdict != Verdict::crash && c.verdict != Verdict::timeout) return "";
    const auto span = inv.tool == Tool::hex2 ? source_scan::hex2_long_name(inv.inputs)
                                             : source_scan::m1_long_token(inv.inputs);
    if (!span) return "";
    const LineColumn lc = line_column(inv.inputs[span->file].bytes, span->offset);
    return "a " + std::to_string(span->length) + "-byte token at " + inv.inputs[span->file].name + ":" +
           std::to_string(lc.line) + ":" + std::to_string(lc.column) + " exceeds upstream's " +
           std::to_string(source_scan::upstream_token_limit) + "-byte buffer";
}

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
            if (t == "DEFINE" && i + 2 < tokens.size() &&
                tokens[i + 2].kind == source_scan::M1TokenKind::string)
                add("quoted-define-value",
                    "quoted DEFINE values: 1.7.0 binds the string's text, 1.4.0's handling is broken",
                    tokens[i + 2].span);
            if (a == Architecture::knight && is_number_text(t)) {
                // A bare Knight number: 1.7.0 takes it up to 65536, 1.4.0 truncates any value.
                if (t.find('_') != std::string_view::npos)
                    add("underscore-in-number",
                        "`_` in numbers: 1.7.0's strtoint skips it, 1.4.0 reads an invalid digit", tok.span);
                else if (strtoint(t) > 65536)
                    add("m1-range-check",
                        "M1 immediate range check: 1.7.0 rejects values outside its (off by one) bounds, "
                        "1.4.0 "
                        "does not check and truncates",
                        tok.span);
                continue;
            }
            if (t.size() < 2) continue;
            const char sigil = t[0];
            const std::string_view rest = t.substr(1);
            if (!std::strchr("!@$~%&", sigil) || !is_number_text(rest)) continue;
            if (rest.find('_') != std::string_view::npos)
                add("underscore-in-number",
                    "`_` in numbers: 1.7.0's strtoint skips it, 1.4.0 reads an invalid digit", tok.span);
            const std::int64_t v = strtoint(rest);
            if (a == Architecture::knight) {
                add("knight-prefixes",
                    "Knight prefixed immediates: numbers in 1.7.0, label text in 1.4.0 (SEMANTICS.md names "
                    "`%&!`; "
                    "1.4.0 passes `@`, `$` and `~` through too)",
                    tok.span);
            } else if (program_gen::is_riscv(a) && sigil == '$') {
                add("riscv-dollar-constant", "RISC-V `$N`: a 16-bit constant in 1.7.0, label text in 1.4.0",
                    tok.span);
            } else if ((sigil == '$' || sigil == '&') && !program_gen::is_riscv(a)) {
                add("unsigned-dollar-ampersand",
                    "`$N`/`&N` immediates: 1.7.0 reads them as numbers with an unsigned range, 1.4.0 leaves "
                    "them as label text",
                    tok.span);
            } else if (sigil == '!' || sigil == '@' || sigil == '~') {
                const bool in17 = sigil == '!'   ? (v >= -129 && v <= 256)
                                  : sigil == '@' ? (v >= -32769 && v <= 32768)
                                                 : (v >= -8388609 && v <= 8388608);
                if (!in17)
                    add("m1-range-check",
                        "M1 immediate range check: 1.7.0 rejects values outside its (off by one) bounds, "
                        "1.4.0 "
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

std::vector<Input> without(const std::vector<Input>& inputs, const std::vector<source_scan::Span>& spans) {
    std::vector<Input> out = inputs;
    std::vector<source_scan::Span> sorted = spans;
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
        return a.file != b.file ? a.file < b.file : a.offset > b.offset;
    });
    for (const auto& s : sorted) out[s.file].bytes.erase(s.offset, s.length);
    return out;
}

}  // namespace hexproof::oracle
