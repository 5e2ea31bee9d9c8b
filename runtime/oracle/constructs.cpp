// The construct scanner: see constructs.hpp. The hex2 scan reads like upstream's first pass
// (source_scan.cpp's hex2_origins, which it follows), the M1 scan works on upstream's token
// stream (source_scan::m1_tokens).
#include "constructs.hpp"

#include <algorithm>
#include <cstring>
#include <map>

#include "diagnostics.hpp"
#include "encoding.hpp"
#include "hex2_chars.hpp"
#include "program_gen.hpp"
#include "strtoint.hpp"

namespace hexproof::oracle {

using source_scan::Span;

bool Subset::architecture(Architecture a) const {
    return architectures.empty() ||
           std::find(architectures.begin(), architectures.end(), a) != architectures.end();
}

bool Subset::every_construct(bool hex2) const {
    const Subset all;
    if (max_token != 0) return false;
    if (hex2)
        return hex2_references == all.hex2_references && hex2_reference_bases == all.hex2_reference_bases &&
               hex2_features == all.hex2_features;
    return m1_immediates == all.m1_immediates && m1_numbers == all.m1_numbers &&
           m1_features == all.m1_features;
}

bool Subset::mode(ByteMode m) const {
    return std::find(byte_modes.begin(), byte_modes.end(), m) != byte_modes.end();
}

bool Subset::base_address(std::uint32_t b) const {
    return base_addresses.empty() ||
           std::find(base_addresses.begin(), base_addresses.end(), b) != base_addresses.end();
}

std::string_view diagnosis_name(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::undefined_label: return "undefined-label";
        case ErrorKind::displacement_out_of_range: return "displacement-out-of-range";
        case ErrorKind::unaligned_branch_target: return "unaligned-branch-target";
        case ErrorKind::riscv_field_out_of_range: return "riscv-field-out-of-range";
        case ErrorKind::unterminated_string: return "unterminated-string";
        case ErrorKind::empty_input: return "empty-input";
        case ErrorKind::macro_name_missing:
        case ErrorKind::macro_value_missing: return "macro-value-missing";
        case ErrorKind::immediate_out_of_range: return "immediate-out-of-range";
        case ErrorKind::negative_padding: return "negative-padding";
        case ErrorKind::invalid_other: return "invalid-other";
        case ErrorKind::unterminated_word:
        case ErrorKind::nul_in_name:
        case ErrorKind::nul_in_token: return "";
    }
    return "";
}

namespace {

// The constructs met so far, each once; and the longest token.
class Found {
public:
    void add(const std::string& name, Span at) {
        if (seen_.insert(name).second) list_.push_back(Construct{name, at});
    }
    void token(Span s) {
        if (s.length > longest_.length) longest_ = s;
    }
    std::vector<Construct> take() {
        if (longest_.length > 0) list_.push_back(Construct{"token", longest_});
        return std::move(list_);
    }

private:
    std::set<std::string> seen_;
    std::vector<Construct> list_;
    Span longest_;
};

bool is_sigil(char c) { return c != 0 && std::strchr("!@$~%&", c) != nullptr; }

// A label or reference name from `from`: its end (the index of the byte that ended it, or the
// text's size), and whether it is quirky.
std::size_t name_from(std::string_view t, std::size_t from, bool* quirky) {
    std::size_t j = from;
    while (j < t.size() && !oracle_text::name_end(t[j])) ++j;
    const std::string_view name = t.substr(from, j - from);
    *quirky = name.empty() || name.find_first_of("#;\r") != std::string_view::npos;
    return j;
}

}  // namespace

std::vector<Construct> hex2_constructs(const Hex2Config& config, const std::vector<Input>& inputs) {
    Found found;
    const bool words = program_gen::is_riscv(config.architecture);
    const ByteMode mode = config.byte_mode;
    const unsigned per_byte = static_cast<unsigned>(encoding::digits_per_byte(mode));
    std::set<std::string, std::less<>> labels;
    for (std::size_t f = 0; f < inputs.size(); ++f) {
        const std::string_view t = inputs[f].view();
        auto at = [&](std::size_t offset, std::size_t length = 1) { return Span{f, offset, length}; };
        unsigned pending = 0;
        std::size_t last_digit = 0;
        std::size_t caret = std::string_view::npos;  // a `^` waiting for what follows it
        std::size_t i = 0;
        while (i < t.size()) {
            const std::size_t start = i;
            const char c = t[i++];
            if (caret != std::string_view::npos && !is_sigil(c)) {
                found.add("caret-other", at(caret));
                caret = std::string_view::npos;
            }
            if (c == ':' || is_sigil(c)) {
                bool quirky = false;
                const std::size_t end = name_from(t, i, &quirky);
                found.token(at(i, end - i));
                const std::string_view name = t.substr(i, end - i);
                bool base = false;
                i = end;
                if (c == ':') {
                    if (end < t.size() && t[end] == '>') quirky = true;  // `:a>b`: the label ends at `>`
                    if (!labels.insert(std::string(name)).second)
                        found.add("redefine", at(start, end - start));
                } else {
                    found.add(std::string("reference ") + c, at(start, end - start));
                    if (end < t.size() && t[end] == '>') {
                        if (words && program_gen::hex2_field_size(c, config.architecture) == 0) {
                            quirky = true;  // RISC-V `!@$~` take no base: what follows is text
                        } else {
                            base = true;
                            bool base_quirky = false;
                            const std::size_t base_end = name_from(t, end + 1, &base_quirky);
                            found.token(at(end + 1, base_end - end - 1));
                            quirky = quirky || base_quirky;
                            found.add(std::string("base ") + c, at(start, base_end - start));
                            i = base_end;
                        }
                    }
                    if (caret != std::string_view::npos) {
                        const bool relative = std::strchr("!@~%", c) != nullptr;
                        found.add(relative && !base ? "caret" : "caret-other", at(caret));
                        caret = std::string_view::npos;
                    }
                }
                if (quirky) found.add("name-quirks", at(start, end - start));
                if (i < t.size()) ++i;  // the byte that ended the name
                continue;
            }
            if (c == '^') {
                caret = start;
                continue;
            }
            if (c == '<') {
                found.add("align", at(start));
                continue;
            }
            if (c == '#' || c == ';') {
                while (i < t.size() && t[i] != '\n' && t[i] != '\r') ++i;
                continue;
            }
            if (words && c == '.') {
                found.add("words", at(start));
                continue;  // its digits are read as bytes are (a word is four bytes of digits)
            }
            if (oracle_text::is_digit(c, mode)) {
                if (mode == ByteMode::hex && c >= 'a' && c <= 'f') found.add("lower-hex", at(start));
                if (pending > 0 && start != last_digit + 1) found.add("digit-quirks", at(last_digit));
                if (mode == ByteMode::octal && pending == 0 && c >= '4') found.add("digit-quirks", at(start));
                last_digit = start;
                if (++pending == per_byte) pending = 0;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
            found.add("other-text", at(start));
        }
        if (pending > 0) found.add("digit-quirks", at(last_digit));
        if (caret != std::string_view::npos) found.add("caret-other", at(caret));
    }
    return found.take();
}

std::vector<std::string> number_forms(std::string_view text) {
    std::vector<std::string> forms;
    std::string_view body = text;
    unsigned base = 10;
    if (text.size() >= 2 && text[0] == '0' && text[1] == 'b') {
        base = 2;
        body = text.substr(2);
        forms.push_back("binary");
    } else if (text.size() >= 2 && text[0] == '0' && text[1] == 'x') {
        base = 16;
        body = text.substr(2);
        forms.push_back("hex");
    } else if (text.size() >= 2 && text[0] == '0') {
        base = 8;
        body = text.substr(1);
        forms.push_back("octal");
    } else {
        forms.push_back("decimal");
    }
    if (!body.empty() && body[0] == '-') {
        if (base == 2 || base == 16) return {"token-quirks"};
        forms.push_back("negative");
        body.remove_prefix(1);
    }
    if (body.empty() && text != "0") return {"token-quirks"};
    bool underscore = false, lower = false;
    for (char c : body) {
        if (c == '_') {
            underscore = true;
            continue;
        }
        int d = -1;
        if (c >= '0' && c <= '9') d = c - '0';
        if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
        if (c >= 'a' && c <= 'f') {
            d = c - 'a' + 10;
            lower = true;
        }
        if (d < 0 || static_cast<unsigned>(d) >= base) return {"token-quirks"};
    }
    if (underscore) forms.push_back("underscore");
    if (lower) forms.push_back("lower-hex");
    return forms;
}

std::vector<Construct> m1_constructs(const M1Config& config, const std::vector<Input>& inputs) {
    using source_scan::M1TokenKind;
    Found found;
    const Architecture arch = config.architecture;
    for (std::size_t f = 0; f < inputs.size(); ++f) {
        const std::size_t cr = inputs[f].bytes.find('\r');
        if (cr != std::string::npos) found.add("cr", Span{f, cr, 1});
    }
    const auto tokens = source_scan::m1_tokens(inputs);
    auto text = [&](std::size_t k) { return source_scan::text_of(inputs, tokens[k].span); };
    auto is_define = [&](std::size_t k) {
        return tokens[k].kind == M1TokenKind::atom && text(k) == "DEFINE";
    };
    const auto role = source_scan::m1_roles(inputs, tokens);
    std::map<std::string, std::vector<std::size_t>, std::less<>> defines;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        if (role[k] != source_scan::M1Role::define) continue;
        const auto& name = tokens[k + 1];
        const auto& value = tokens[k + 2];
        if (name.kind != M1TokenKind::atom || is_define(k + 1) || value.kind == M1TokenKind::newline ||
            is_define(k + 2))
            found.add("token-quirks", tokens[k].span);
        if (value.kind == M1TokenKind::string) found.add("quoted-define-values", value.span);
        auto& list = defines[std::string(text(k + 1))];
        // Only a different value shows which DEFINE wins.
        for (std::size_t earlier : list)
            if (text(earlier + 2) != text(k + 2) || tokens[earlier + 2].kind != value.kind)
                found.add("redefine", tokens[k + 1].span);
        list.push_back(k);
    }
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        const auto& tok = tokens[k];
        if (tok.kind == M1TokenKind::newline) continue;
        found.token(tok.span);
        if (tok.kind == M1TokenKind::string) {
            found.add(text(k)[0] == '"' ? "strings" : "raw-strings", tok.span);
            const std::string_view all = inputs[tok.span.file].view();
            const std::size_t after = tok.span.offset + tok.span.length;
            if (after < all.size() && std::strchr(" \t\n", all[after]) == nullptr)
                found.add("token-quirks", Span{tok.span.file, after, 1});
            continue;
        }
        const std::string_view t = text(k);
        if (t.find_first_of("#;") != std::string_view::npos) found.add("token-quirks", tok.span);
        if (role[k] != source_scan::M1Role::use) continue;
        if (auto it = defines.find(t); it != defines.end()) {
            if (it->second.front() > k) found.add("define-anywhere", tok.span);
            continue;
        }
        auto number = [&](std::string_view digits, const std::string& immediate, char edge_sigil) {
            const std::int32_t v = strtoint(digits);
            if (!immediate.empty()) found.add(immediate, tok.span);
            for (const std::string& form : number_forms(digits))
                found.add(form == "token-quirks" ? form : "number " + form, tok.span);
            if (edge_sigil && encoding::on_bound(edge_sigil, v)) found.add("range-edges", tok.span);
        };
        if (t == "<") {
            found.add("labels", tok.span);
        } else if (t[0] == '<') {
            const std::string_view rest = t.substr(1);
            if (strtoint(rest) != 0) {
                found.add("padding", tok.span);
                number(rest, "", 0);
            } else {
                found.add("token-quirks", tok.span);
            }
        } else if (is_sigil(t[0]) && t.size() >= 2 && is_number(t.substr(1), strtoint(t.substr(1))) &&
                   !(program_gen::is_riscv(arch) && t[0] == '&')) {
            number(t.substr(1), std::string("immediate ") + t[0], program_gen::is_riscv(arch) ? 0 : t[0]);
        } else if (is_sigil(t[0]) || t[0] == ':' || t[0] == '^') {
            found.add("labels", tok.span);
        } else if (arch == Architecture::knight && is_number(t, strtoint(t))) {
            found.add("knight-numbers", tok.span);
            const std::int32_t v = strtoint(t);
            number(t, "", v <= 32767 ? '@' : '$');
        }
    }
    return found.take();
}

namespace {

std::string place(const std::vector<Input>& inputs, const Span& s) {
    const LineColumn lc = line_column(inputs[s.file].bytes, s.offset);
    return inputs[s.file].name + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.column);
}

std::string describe_construct(const std::string& name) {
    if (name.rfind("reference ", 0) == 0) return "`" + name.substr(10) + "` references";
    if (name.rfind("base ", 0) == 0) return "`>base` on `" + name.substr(5) + "` references";
    if (name.rfind("immediate ", 0) == 0) return "`" + name.substr(10) + "` immediates";
    if (name.rfind("number ", 0) == 0) return name.substr(7) + " numbers";
    return name;
}

std::string hex_address(std::uint32_t v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "0x%X", v);
    return buf;
}

}  // namespace

Outside outside(const Subset& s, const Invocation& inv) {
    const bool hex2 = inv.tool == Tool::hex2;
    if (!s.architecture(inv.architecture()))
        return {"architecture " + std::string(architecture_name(inv.architecture())), ""};
    if (inv.big_endian() ? !s.big_endian : !s.little_endian)
        return {inv.big_endian() ? "big endian" : "little endian", ""};
    if (!s.mode(inv.byte_mode()))
        return {inv.byte_mode() == ByteMode::octal ? "octal mode" : "binary mode", ""};
    if (hex2 && !s.base_address(inv.hex2.base_address))
        return {"base address " + hex_address(inv.hex2.base_address), ""};
    if (!s.many_inputs && inv.inputs.size() > 1) return {"more than one input file", ""};
    if (s.strict_clean)
        if (Outside quirk = first_quirk(inv); !quirk.what.empty()) return quirk;
    if (s.every_construct(hex2)) return {};
    const auto constructs = hex2 ? hex2_constructs(inv.hex2, inv.inputs) : m1_constructs(inv.m1, inv.inputs);
    for (const Construct& c : constructs) {
        bool in = true;
        if (c.name == "token")
            in = s.max_token == 0 || c.first.length <= s.max_token;
        else if (c.name.rfind("reference ", 0) == 0)
            in = s.reference(c.name.back());
        else if (c.name.rfind("base ", 0) == 0)
            in = s.reference_base(c.name.back());
        else if (c.name.rfind("immediate ", 0) == 0)
            in = s.immediate(c.name.back());
        else if (c.name.rfind("number ", 0) == 0)
            in = s.number_has(c.name.substr(7));
        else
            in = hex2 ? s.hex2_has(c.name) : s.m1_has(c.name);
        if (in) continue;
        if (c.name == "token")
            return {"a token longer than " + std::to_string(s.max_token) + " bytes",
                    place(inv.inputs, c.first)};
        return {describe_construct(c.name), place(inv.inputs, c.first)};
    }
    return {};
}

std::string undiagnosed(const Subset& s, const Invocation& inv, const Result& reference) {
    const Error* e = std::get_if<Error>(&reference);
    if (!e) return "";
    const std::string_view name = diagnosis_name(e->kind);
    if (name.empty()) return "";
    const auto& expected = inv.tool == Tool::hex2 ? s.hex2_diagnoses : s.m1_diagnoses;
    if (expected.count(name)) return "";
    return "an input the reference rejects (" + std::string(name) +
           "), an error the profile does not expect the tool to report";
}

}  // namespace hexproof::oracle
