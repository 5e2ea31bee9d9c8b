// Reasons and known differences: see known_differences.hpp.
#include "known_differences.hpp"

#include <algorithm>
#include <cstring>
#include <map>

#include "diagnostics.hpp"
#include "encoding.hpp"
#include "program_gen.hpp"
#include "strtoint.hpp"

namespace hexproof::oracle {

namespace {

// A word no release defines or reads as a number: where a release (or a wider arithmetic)
// rejects a token as "invalid other", the alternative program holds this word instead.
const std::string invalid_word = "hexproof-invalid-other";

// What a tool reading the number text in arithmetic wider than upstream's `int` makes of the
// token, written as a 1.7.0 token, where upstream's overflow (SEMANTICS.md: undefined; gcc's code
// wraps, as the reference does) decides the answer; nullopt where it decides nothing. The low 32
// bits are the same however wide the arithmetic, so only these can differ: a value that wraps to
// 0 (no number upstream), a range check that passes on the wrapped value only, and `<N` (an empty
// replacement: N bytes of padding cannot be written as a token).
std::optional<std::string> wide_number(char sigil, std::string_view t, Architecture a) {
    const std::string_view digits_text = t;
    unsigned base = 10;
    if (t.size() >= 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'b')) {
        base = t[1] == 'x' ? 16 : 2;
        t.remove_prefix(2);
    } else if (!t.empty() && t[0] == '0') {
        base = 8;
        t.remove_prefix(1);
    }
    const bool negative = !t.empty() && t[0] == '-';
    if (negative) t.remove_prefix(1);
    std::uint64_t n = 0;  // the magnitude, held at 2^40 once past it
    bool overflows = false;
    for (char c : t) {
        if (c == '_') continue;
        int d = -1;
        if (c >= '0' && c <= '9') d = c - '0';
        if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
        if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
        if (d < 0 || static_cast<unsigned>(d) >= base) return std::nullopt;  // read as 0: no overflow counts
        n = std::min<std::uint64_t>(n * base + static_cast<unsigned>(d), std::uint64_t{1} << 40);
        overflows = overflows || n > 0x7FFFFFFFu;
    }
    if (!overflows) return std::nullopt;
    const bool riscv = program_gen::is_riscv(a), knight = a == Architecture::knight;
    if (sigil == '<') return std::string();
    if (sigil == 0 && !knight) return std::nullopt;  // no number there, however read
    if (riscv && sigil == '&') return std::nullopt;  // never a number on RISC-V
    const std::int64_t value = negative ? -static_cast<std::int64_t>(n) : static_cast<std::int64_t>(n);
    auto in_range = [&](std::int64_t v) {
        if (riscv) return true;  // no range checks there
        switch (sigil) {
            case '!': return v >= -129 && v <= 256;
            case '@': return v >= -32769 && v <= 32768;
            case '$': return v >= -32769 && v <= 65536;
            case '~': return v >= -8388609 && v <= 8388608;
            case 0: return v >= -32769 && v <= 65536;  // a Knight bare number: `@` or `$`, no number above
            default: return true;                      // `%` and `&` are not checked
        }
    };
    const std::int32_t wrapped = strtoint(digits_text);
    if (wrapped != 0 && (!in_range(wrapped) || in_range(value)))
        return std::nullopt;                           // the wrap decides nothing
    if (!in_range(value)) return invalid_word;         // the wide value is rejected
    return std::string(1, sigil ? sigil : '@') + "0";  // wrapped to 0: the wide value's low bits, 0
}

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

namespace {

struct TokenRule {
    std::string id;
    std::string replacement;  // a 1.7.0 token meaning what the release makes of the token
};

// The text as a raw string, which 1.7.0 prints as it is (empty when it holds a quote).
std::string raw_string(std::string_view t) {
    if (t.find('\'') != std::string_view::npos) return "";
    return "'" + std::string(t) + "'";
}

// A value truncated as 1.4.0 truncates it for `sigil`, written as a decimal 1.7.0 accepts for
// that sigil and prints the same.
std::string truncated(char sigil, std::int32_t v) {
    const std::uint32_t u = static_cast<std::uint32_t>(v);
    std::int64_t t = 0;
    switch (sigil) {
        case '!': t = u & 0xFFu; break;
        case '@':
            t = u & 0xFFFFu;
            if (t > 32768) t -= 65536;
            break;
        default:
            t = u & 0xFFFFFFu;
            if (t > 8388608) t -= 16777216;
            break;  // `~`
    }
    return std::string(1, sigil) + std::to_string(t);
}

bool in_range_1_7(char sigil, std::int32_t v) {
    switch (sigil) {
        case '!': return v >= -129 && v <= 256;
        case '@': return v >= -32769 && v <= 32768;
        default: return v >= -8388609 && v <= 8388608;  // `~`
    }
}

// What `release` makes of an M1 token that 1.7.0 evaluates, where the two differ.
std::optional<TokenRule> release_token(Release r, Architecture a, std::string_view t) {
    if (r == Release::v1_7 || t.empty()) return std::nullopt;
    const bool knight = a == Architecture::knight;
    const bool riscv = program_gen::is_riscv(a);
    const char s = t[0];
    auto literal = [&](const char* id) { return TokenRule{id, raw_string(t)}; };
    if (t.size() >= 2 && std::strchr("!@$~%&", s)) {
        const std::string_view rest = t.substr(1);
        const std::int32_t v = strtoint(rest);
        if (!is_number(rest, v) || (riscv && s == '&')) return std::nullopt;  // label text everywhere
        if (knight && r < Release::v1_6) return literal("knight-prefixes");
        if (riscv && s == '$') return literal("riscv-dollar-constant");
        if (!riscv && !knight && (s == '$' || s == '&') && r == Release::v1_4)
            return literal("dollar-ampersand-immediates");
        if (r < Release::v1_6 && rest.find('_') != std::string_view::npos) {
            if (rest[0] != '0') return literal("underscore-in-number");  // not a number: label text
            return TokenRule{"underscore-in-number", std::string(1, s) + "0"};
        }
        if (r == Release::v1_4 && !riscv && (s == '!' || s == '@' || s == '~') && !in_range_1_7(s, v))
            return TokenRule{"m1-range-check", truncated(s, v)};
        return std::nullopt;
    }
    if (!knight) return std::nullopt;
    const std::int32_t v = strtoint(t);
    if (!is_number(t, v)) return std::nullopt;
    if (r < Release::v1_6 && t.find('_') != std::string_view::npos)
        return TokenRule{"underscore-in-number", t[0] == '0' ? std::string("0") : invalid_word};
    if (r == Release::v1_4 && (v > 65536 || v < -32769))
        return TokenRule{"knight-bare-numbers", truncated('@', v)};
    return std::nullopt;
}

struct Rewrite {
    std::string id;
    source_scan::Span span;
    std::string text;  // empty: the release's meaning cannot be written as a 1.7.0 token
};

// The names the DEFINEs of a program give: a word with one of these texts is a macro, never
// evaluated.
std::set<std::string, std::less<>> define_names(const std::vector<Input>& inputs,
                                                const std::vector<source_scan::M1Token>& tokens,
                                                const std::vector<source_scan::M1Role>& roles) {
    std::set<std::string, std::less<>> names;
    for (std::size_t k = 0; k < tokens.size(); ++k)
        if (roles[k] == source_scan::M1Role::name)
            names.insert(std::string(source_scan::text_of(inputs, tokens[k].span)));
    return names;
}

std::vector<Rewrite> m1_rewrites(Release r, const Invocation& inv) {
    using source_scan::M1Role;
    const auto tokens = source_scan::m1_tokens(inv.inputs);
    const auto roles = source_scan::m1_roles(inv.inputs, tokens);
    const std::set<std::string, std::less<>> defined = define_names(inv.inputs, tokens, roles);
    std::vector<Rewrite> out;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        if (tokens[k].kind != source_scan::M1TokenKind::atom) continue;
        if (roles[k] == M1Role::define || roles[k] == M1Role::name) continue;
        const std::string_view t = source_scan::text_of(inv.inputs, tokens[k].span);
        if (roles[k] == M1Role::use && defined.count(t)) continue;  // a macro: never evaluated
        auto rule = release_token(r, inv.m1.architecture, t);
        if (!rule) continue;
        std::string text = rule->replacement;
        // A DEFINE value is printed as written: only whether it is accepted can differ, and a raw
        // string is always accepted and prints the same text.
        if (roles[k] == M1Role::value) text = raw_string(t);
        if (text == invalid_word && defined.count(invalid_word)) text.clear();
        out.push_back(Rewrite{rule->id, tokens[k].span, std::move(text)});
    }
    return out;
}

std::vector<Input> rewritten(const std::vector<Input>& inputs, std::vector<Rewrite> rewrites) {
    std::vector<Input> out = inputs;
    std::sort(rewrites.begin(), rewrites.end(), [](const Rewrite& a, const Rewrite& b) {
        return a.span.file != b.span.file ? a.span.file < b.span.file : a.span.offset > b.span.offset;
    });
    for (const Rewrite& w : rewrites) out[w.span.file].bytes.replace(w.span.offset, w.span.length, w.text);
    return out;
}

// hex2 as 1.4.0 links `$`: the target's address (not the unsigned 0..65535 of 1.7.0) must fit the
// signed range -32768..32767. Every `$T[>B]` is linked as `@T>T` (a field of the same size that
// is always in range), then its field is filled with T's address, checked as 1.4.0 checks it.
std::optional<Result> hex2_dollar_signed(const Engine& engine, const Invocation& inv, std::string* why) {
    using source_scan::Hex2Item;
    std::vector<Hex2Item> items;
    const auto origins = source_scan::hex2_origins(inv.hex2, inv.inputs, &items);
    if (!origins) {
        *why = "the program cannot be scanned";
        return std::nullopt;
    }
    std::map<std::string, std::uint32_t, std::less<>> labels;  // the last definition wins
    for (const Hex2Item& it : items)
        if (it.kind == Hex2Item::Kind::label) labels[std::string(it.name)] = it.address;
    std::vector<Rewrite> rewrites;
    std::vector<const Hex2Item*> dollars;
    // `^` is taken by the next reference without `>base`: a `$` here, but not its rewriting.
    // Where that moves a `^` onto another reference and the architecture reads it, the
    // rewriting means something else.
    bool caret_before = false, caret_after = false;
    for (const Hex2Item& it : items) {
        if (it.kind == Hex2Item::Kind::caret) caret_before = caret_after = true;
        if (it.kind != Hex2Item::Kind::reference) continue;
        if (it.sigil == '$') {
            // 1.4.0 looks up the base too: an undefined one is an error there as here.
            if (!it.base.empty() && !labels.count(it.base)) return run_reference(engine, inv);
            rewrites.push_back(Rewrite{"hex2-dollar-signed", it.span,
                                       "@" + std::string(it.name) + ">" + std::string(it.name)});
            dollars.push_back(&it);
            if (it.base.empty()) caret_before = false;
            continue;
        }
        if (it.base.empty()) {
            if (caret_before != caret_after && encoding::reads_caret(inv.hex2.architecture)) {
                *why = "a `^` would move from a `$` to the reference " + std::string(it.name);
                return std::nullopt;
            }
            caret_before = caret_after = false;
        }
    }
    Invocation trial = inv;
    trial.inputs = rewritten(inv.inputs, rewrites);
    Result r = run_reference(engine, trial);
    if (!is_ok(r)) return r;
    std::string& out = std::get<std::string>(r);
    std::size_t size = 0;
    for (const auto& o : *origins) size = std::max(size, o.end);
    if (size != out.size()) {
        *why = "the scan of the program does not add up to the reference's output";
        return std::nullopt;
    }
    for (const Hex2Item* d : dollars) {
        const auto it = labels.find(d->name);
        if (it == labels.end()) return run_reference(engine, inv);  // undefined: an error in both
        const std::int32_t target = static_cast<std::int32_t>(it->second);
        if (target < -32768 || target > 32767)
            return Error{ErrorKind::displacement_out_of_range, d->span.file, d->span.offset, target, ""};
        const auto lo = static_cast<char>(target & 0xFF), hi = static_cast<char>((target >> 8) & 0xFF);
        out[d->output] = inv.hex2.big_endian ? hi : lo;
        out[d->output + 1] = inv.hex2.big_endian ? lo : hi;
    }
    return r;
}

const char* description(const std::string& id) {
    if (id == "knight-prefixes") return "Knight `!@$~%&` immediates: numbers since 1.6.0, label text before";
    if (id == "riscv-dollar-constant") return "RISC-V `$N`: a 16-bit constant since 1.7.0, label text before";
    if (id == "dollar-ampersand-immediates")
        return "`$N` and `&N` immediates: numbers (with an unsigned range) since 1.5.0, label text in 1.4.0";
    if (id == "underscore-in-number")
        return "`_` in numbers: skipped since 1.6.0 (M2libc's strtoint), an invalid digit before, so the "
               "number "
               "reads as 0 (label text unless it starts with 0)";
    if (id == "m1-range-check")
        return "M1 immediate range check: since 1.5.0 (one wider than the field each side); 1.4.0 truncates "
               "and "
               "never rejects";
    if (id == "knight-bare-numbers")
        return "Knight bare numbers: since 1.5.0 16 bits up to 65536 and no number above; 1.4.0 truncates "
               "every "
               "value to 16 bits";
    if (id == "hex2-dollar-signed")
        return "hex2 `$`: since 1.5.0 an unsigned address 0..65535; 1.4.0 checks the signed range "
               "-32768..32767";
    return "";
}

bool answers_alike(const Result& alternative, const Outcome& impl, const Invocation& inv, Comparing how) {
    const Verdict v = compare(alternative, impl, inv, how).verdict;
    return v == Verdict::agree || v == Verdict::formatting;
}

}  // namespace

KnownDifference known_difference(const std::string& id, Release release) {
    return KnownDifference{id, std::string(description(id)) +
                                   " (the release under test: " + std::string(release_name(release)) + ")"};
}

std::set<std::string> differences_in(Release release, const Invocation& inv) {
    std::set<std::string> ids;
    if (inv.tool == Tool::m1) {
        for (const Rewrite& w : m1_rewrites(release, inv)) ids.insert(w.id);
        return ids;
    }
    if (release != Release::v1_4 || program_gen::is_riscv(inv.hex2.architecture)) return ids;
    std::vector<source_scan::Hex2Item> items;
    if (source_scan::hex2_origins(inv.hex2, inv.inputs, &items))
        for (const auto& it : items)
            if (it.kind == source_scan::Hex2Item::Kind::reference && it.sigil == '$')
                ids.insert("hex2-dollar-signed");
    return ids;
}

std::optional<Result> as_release(const Engine& engine, Release release, const Invocation& inv,
                                 const std::set<std::string>& ids, std::string* why) {
    if (inv.tool == Tool::hex2) {
        if (!ids.count("hex2-dollar-signed")) return run_reference(engine, inv);
        return hex2_dollar_signed(engine, inv, why);
    }
    std::vector<Rewrite> chosen;
    for (Rewrite& w : m1_rewrites(release, inv)) {
        if (!ids.count(w.id)) continue;
        if (w.text.empty()) {
            *why = "a token the release reads as text holds a quote";
            return std::nullopt;
        }
        chosen.push_back(std::move(w));
    }
    Invocation trial = inv;
    trial.inputs = rewritten(inv.inputs, std::move(chosen));
    return run_reference(engine, trial);
}

std::optional<std::vector<KnownDifference>> explain(const Engine& engine, Release release,
                                                    const Invocation& inv, const Outcome& impl,
                                                    Comparing how) {
    const std::set<std::string> found = differences_in(release, inv);
    if (found.empty()) return std::nullopt;
    const std::vector<std::string> ids(found.begin(), found.end());
    std::string why;
    auto gives = [&](const std::set<std::string>& chosen) {
        const auto alt = as_release(engine, release, inv, chosen, &why);
        return alt && answers_alike(*alt, impl, inv, how);
    };
    // The fewest differences that give the implementation's answer: a tool may behave as the
    // release for one construct and as 1.7.0 for another. Every subset, smallest first, while
    // there are few (there are 7 differences in all); else the whole set, made smaller greedily.
    std::optional<std::set<std::string>> used;
    if (ids.size() <= 6) {
        for (std::size_t size = 1; size <= ids.size() && !used; ++size)
            for (unsigned mask = 1; mask < (1u << ids.size()) && !used; ++mask) {
                if (static_cast<std::size_t>(__builtin_popcount(mask)) != size) continue;
                std::set<std::string> chosen;
                for (std::size_t k = 0; k < ids.size(); ++k)
                    if (mask & (1u << k)) chosen.insert(ids[k]);
                if (gives(chosen)) used = std::move(chosen);
            }
    } else if (gives(found)) {
        used = found;
        for (const std::string& id : ids) {
            std::set<std::string> fewer = *used;
            fewer.erase(id);
            if (!fewer.empty() && gives(fewer)) used = std::move(fewer);
        }
    }
    if (!used) return std::nullopt;
    std::vector<KnownDifference> out;
    for (const std::string& id : *used) out.push_back(known_difference(id, release));
    return out;
}

bool wide_arithmetic_explains(const Engine& engine, const Invocation& inv, const Outcome& impl,
                              Comparing how) {
    if (inv.tool != Tool::m1) return false;
    using source_scan::M1Role;
    const auto tokens = source_scan::m1_tokens(inv.inputs);
    const auto roles = source_scan::m1_roles(inv.inputs, tokens);
    const std::set<std::string, std::less<>> defined = define_names(inv.inputs, tokens, roles);
    std::vector<Rewrite> rewrites;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        if (tokens[k].kind != source_scan::M1TokenKind::atom || roles[k] != M1Role::use) continue;
        std::string_view t = source_scan::text_of(inv.inputs, tokens[k].span);
        if (defined.count(t)) continue;  // a macro: never evaluated
        char sigil = 0;
        if (!t.empty() && std::strchr("!@$~%&<", t[0])) {
            sigil = t[0];
            t.remove_prefix(1);
        }
        auto wide = wide_number(sigil, t, inv.m1.architecture);
        if (!wide) continue;
        if (wide->empty() || (*wide == invalid_word && defined.count(invalid_word))) return false;
        rewrites.push_back(Rewrite{"", tokens[k].span, std::move(*wide)});
    }
    if (rewrites.empty()) return false;
    Invocation trial = inv;
    trial.inputs = rewritten(inv.inputs, std::move(rewrites));
    return answers_alike(run_reference(engine, trial), impl, inv, how);
}

}  // namespace hexproof::oracle
