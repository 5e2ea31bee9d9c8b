// Profiles: see profile.hpp. The built-in profiles are written in the file format, so the format
// can say everything they say. The seed tools' subsets are read from the stage0-posix sources
// (hex2_ARCH.hex1 and M0_ARCH.hex2 of each stage0-posix-ARCH repository, and the
// mescc-tools-mini-kaem.kaem scripts that run them); docs/oracle.md has the table, with reasons.
#include "profile.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <sstream>

#include "strtoint.hpp"

namespace hexproof::oracle {

namespace {

// The stage0-posix seed tools, one profile per architecture. Common to all: one input file
// (the bootstrap joins files with catm), `TOOL INPUT OUTPUT`, little endian, hex, hex2-0 reports
// only undefined labels (it checks no range), M0 reports nothing (it evaluates `!` `@` `%`
// immediates with decimal, `-` and upper-case `0x` numbers, applies a DEFINE to the tokens after
// it, and keeps a token in 256 bytes).
const char* const seed_common =
    "release: none\n"
    "endianness: little\n"
    "byte-modes: hex\n"
    "inputs: one\n"
    "max-token: 255\n"
    "hex2-command: {program} {input} {output}\n"
    "m1-command: {program} {input} {output}\n"
    "hex2-diagnoses: undefined-label\n"
    "m1-numbers: decimal negative hex\n"
    "m1-features: strings raw-strings labels range-edges\n"
    "m1-diagnoses: none\n";

struct Builtin {
    const char* name;
    const char* text;
};

const Builtin builtins[] = {
    {"full",
     "name: full\n"
     "description: all of mescc-tools 1.7.0's language, every configuration; no release named\n"},
    {"seed-amd64",
     "name: seed-amd64\n"
     "description: the stage0-posix amd64 seed tools hex2-0 (hex2_AMD64.hex1) and M0 (M0_AMD64.hex2)\n"
     "architectures: amd64\n"
     "base-addresses: 0x600000\n"
     "hex2-references: ! @ $ % &\n"
     "hex2-reference-bases: ! @ $ % &\n"
     "hex2-features: lower-hex digit-quirks name-quirks redefine other-text\n"
     "m1-immediates: ! @ %\n"},
    {"seed-x86",
     "name: seed-x86\n"
     "description: the stage0-posix x86 seed tools hex2-0 (hex2_x86.hex1) and M0 (M0_x86.hex2)\n"
     "architectures: x86\n"
     "base-addresses: 0x8048000\n"
     "hex2-references: ! @ $ % &\n"
     "hex2-reference-bases: ! @ $ % &\n"
     "hex2-features: lower-hex digit-quirks name-quirks redefine other-text\n"
     "m1-immediates: ! @ %\n"},
    {"seed-aarch64",
     "name: seed-aarch64\n"
     "description: the stage0-posix aarch64 seed tools hex2-0 (hex2_AArch64.hex1) and M0 (M0_AArch64.hex2)\n"
     "architectures: aarch64\n"
     "base-addresses: 0x600000\n"
     "hex2-references: ! @ $ ~ % &\n"
     "hex2-reference-bases: ! @ $ ~ % &\n"
     "hex2-features: caret lower-hex digit-quirks name-quirks redefine\n"
     "m1-immediates: ! @ %\n"},
    {"seed-riscv64",
     "name: seed-riscv64\n"
     "description: the stage0-posix riscv64 seed tools hex2-0 (hex2_riscv64.hex1) and M0 (M0_riscv64.hex2)\n"
     "architectures: riscv64\n"
     "base-addresses: 0x600000\n"
     "hex2-references: ! @ $ ~ % &\n"
     "hex2-reference-bases: % &\n"
     "hex2-features: align words lower-hex digit-quirks name-quirks redefine other-text\n"
     "m1-immediates: ! @ ~ %\n"},
    {"mescc-tools-1.4",
     "name: mescc-tools-1.4\n"
     "description: mescc-tools 1.4.0 (Debian's package): 1.7.0's language but quoted DEFINE values, which "
     "1.4.0 mishandles (its NEWLINE text becomes the value)\n"
     "release: 1.4.0\n"
     "m1-features: all -quoted-define-values\n"},
    {"mescc-tools-1.5",
     "name: mescc-tools-1.5\n"
     "description: mescc-tools 1.5.0 to 1.5.2: 1.7.0's language, every configuration\n"
     "release: 1.5\n"},
    {"mescc-tools-1.6",
     "name: mescc-tools-1.6\n"
     "description: mescc-tools 1.6.0: 1.7.0's language, every configuration\n"
     "release: 1.6.0\n"},
    {"portable",
     "name: portable\n"
     "description: strict-clean programs (no quirk of SEMANTICS.md, by the extracted strict checker), which "
     "mean the same under every resolution of the quirks\n"
     "strict: yes\n"},
};

const char* const seed_architectures[] = {"amd64", "x86", "aarch64", "riscv64"};

std::string trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string_view::npos) return "";
    return std::string(s.substr(b, s.find_last_not_of(" \t\r") + 1 - b));
}

std::vector<std::string> words_of(const std::string& s) {
    std::vector<std::string> w;
    std::istringstream in(s);
    for (std::string x; in >> x;) w.push_back(x);
    return w;
}

template <typename Names>
std::string vocabulary(const Names& names) {
    std::string s;
    for (std::string_view n : names) s += (s.empty() ? "" : " ") + std::string(n);
    return s;
}

// A list value: `all`, `none`, names, or `all` followed by `-name`s it leaves out.
template <typename Names>
bool read_set(const std::vector<std::string>& words, const Names& names,
              std::set<std::string, std::less<>>* out, std::string* why) {
    const std::set<std::string, std::less<>> all(std::begin(names), std::end(names));
    std::set<std::string, std::less<>> s;
    std::size_t i = 0;
    const bool from_all = !words.empty() && words[0] == "all";
    if (from_all) {
        s = all;
        i = 1;
    } else if (words.size() == 1 && words[0] == "none") {
        i = 1;
    }
    for (; i < words.size(); ++i) {
        std::string w = words[i];
        const bool remove = w.size() > 1 && w[0] == '-' && !all.count(w);
        if (remove) w.erase(0, 1);
        if (remove != from_all || !all.count(w)) {
            *why = (remove != from_all ? "'" + words[i] + "' here (write `all -NAME ...` to leave NAMEs out)"
                                       : "unknown word '" + w + "'") +
                   " (known: all, none, " + vocabulary(names) + ")";
            return false;
        }
        if (remove)
            s.erase(w);
        else
            s.insert(w);
    }
    *out = std::move(s);
    return true;
}

bool read_sigils(const std::vector<std::string>& words, std::string* out, std::string* why) {
    std::set<std::string, std::less<>> s;
    const std::string_view names[] = {"!", "@", "$", "~", "%", "&"};
    if (!read_set(words, names, &s, why)) return false;
    out->clear();
    for (char c : all_sigils)
        if (s.count(std::string(1, c))) *out += c;
    return true;
}

std::string sigil_words(const std::string& sigils) {
    if (sigils == all_sigils) return "all";
    if (sigils.empty()) return "none";
    std::string s;
    for (char c : sigils) s += (s.empty() ? "" : " ") + std::string(1, c);
    return s;
}

template <typename Names>
std::string set_words(const std::set<std::string, std::less<>>& s, const Names& names) {
    std::size_t total = 0;
    for (std::string_view n : names) {
        (void)n;
        ++total;
    }
    if (s.size() == total) return "all";
    if (s.empty()) return "none";
    std::string out;
    for (std::string_view n : names)
        if (s.count(n)) out += (out.empty() ? "" : " ") + std::string(n);
    return out;
}

std::string hex_address(std::uint32_t v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "0x%X", v);
    return buf;
}

std::string_view mode_name(ByteMode m) {
    return m == ByteMode::hex ? "hex" : m == ByteMode::octal ? "octal" : "binary";
}

// One `key: value` line into the profile; false with *why.
bool apply(Profile* p, const std::string& key, const std::string& value, std::string* why) {
    Subset& s = p->subset;
    const std::vector<std::string> w = words_of(value);
    auto one = [&](std::initializer_list<const char*> allowed) {
        if (w.size() == 1)
            for (const char* a : allowed)
                if (w[0] == a) return true;
        std::string list;
        for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
        *why = key + " takes one of: " + list;
        return false;
    };
    if (key == "name") {
        if (w.size() != 1) {
            *why = "name takes one word";
            return false;
        }
        p->name = w[0];
    } else if (key == "description") {
        p->description = value;
    } else if (key == "release") {
        if (value == "none") {
            p->release.reset();
        } else if (auto r = parse_release(value)) {
            p->release = r;
        } else {
            *why = "release takes none, 1.4.0, 1.5 (1.5.0 to 1.5.2), 1.6.0 or 1.7.0";
            return false;
        }
    } else if (key == "architectures") {
        s.architectures.clear();
        if (w.size() == 1 && w[0] == "all") return true;
        if (w.empty()) {
            *why = "architectures takes all or names";
            return false;
        }
        for (const std::string& a : w) {
            const auto arch = parse_architecture(a == "knight" ? "knight-native" : a);
            if (!arch) {
                *why = "unknown architecture '" + a + "'";
                return false;
            }
            s.architectures.push_back(*arch);
        }
    } else if (key == "endianness") {
        if (!one({"little", "big", "both"})) return false;
        s.little_endian = w[0] != "big";
        s.big_endian = w[0] != "little";
    } else if (key == "base-addresses") {
        s.base_addresses.clear();
        if (w.size() == 1 && w[0] == "any") return true;
        for (const std::string& b : w) {
            const bool hex = b.size() > 2 && b[0] == '0' && (b[1] == 'x' || b[1] == 'X');
            const std::string digits = hex ? b.substr(2) : b;
            if (digits.empty() || digits.size() > (hex ? 8u : 10u) ||
                digits.find_first_not_of(hex ? "0123456789abcdefABCDEF" : "0123456789") !=
                    std::string::npos ||
                std::stoull(digits, nullptr, hex ? 16 : 10) > 0xFFFFFFFFull) {
                *why = "base-addresses takes any, or 32-bit numbers (decimal or 0x hex): '" + b + "'";
                return false;
            }
            s.base_addresses.push_back(
                static_cast<std::uint32_t>(std::stoull(digits, nullptr, hex ? 16 : 10)));
        }
        if (s.base_addresses.empty()) {
            *why = "base-addresses takes any, or numbers";
            return false;
        }
    } else if (key == "byte-modes") {
        std::set<std::string, std::less<>> m;
        const std::string_view names[] = {"hex", "octal", "binary"};
        if (!read_set(w, names, &m, why)) return false;
        if (m.empty()) {
            *why = "byte-modes needs at least one mode";
            return false;
        }
        s.byte_modes.clear();
        for (ByteMode b : {ByteMode::hex, ByteMode::octal, ByteMode::binary})
            if (m.count(mode_name(b))) s.byte_modes.push_back(b);
    } else if (key == "strict") {
        if (!one({"yes", "no"})) return false;
        s.strict_clean = w[0] == "yes";
    } else if (key == "inputs") {
        if (!one({"one", "many"})) return false;
        s.many_inputs = w[0] == "many";
    } else if (key == "max-token") {
        if (w.size() == 1 && w[0] == "none") {
            s.max_token = 0;
        } else if (w.size() == 1 && !w[0].empty() && w[0].size() <= 9 &&
                   w[0].find_first_not_of("0123456789") == std::string::npos && std::stoul(w[0]) > 0) {
            s.max_token = std::stoul(w[0]);
        } else {
            *why = "max-token takes none or a number of bytes (1 to 999999999)";
            return false;
        }
    } else if (key == "hex2-command" || key == "m1-command") {
        const Tool tool = key == "hex2-command" ? Tool::hex2 : Tool::m1;
        std::string error;
        auto t = parse_template(value, tool, &error);
        if (!t) {
            *why = key + ": " + error;
            return false;
        }
        (tool == Tool::hex2 ? p->hex2_command : p->m1_command) = std::move(t);
    } else if (key == "hex2-references") {
        return read_sigils(w, &s.hex2_references, why);
    } else if (key == "hex2-reference-bases") {
        return read_sigils(w, &s.hex2_reference_bases, why);
    } else if (key == "m1-immediates") {
        return read_sigils(w, &s.m1_immediates, why);
    } else if (key == "hex2-features") {
        return read_set(w, hex2_feature_names, &s.hex2_features, why);
    } else if (key == "hex2-diagnoses") {
        return read_set(w, hex2_diagnosis_names, &s.hex2_diagnoses, why);
    } else if (key == "m1-numbers") {
        return read_set(w, m1_number_names, &s.m1_numbers, why);
    } else if (key == "m1-features") {
        return read_set(w, m1_feature_names, &s.m1_features, why);
    } else if (key == "m1-diagnoses") {
        return read_set(w, m1_diagnosis_names, &s.m1_diagnoses, why);
    } else {
        *why = "unknown key '" + key + "'";
        return false;
    }
    return true;
}

std::optional<Profile> parse(std::string_view text, const std::string& origin,
                             std::optional<Architecture> arch, std::string* error) {
    Profile p;
    p.origin = origin;
    std::set<std::string> seen;
    std::size_t line_number = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view raw = text.substr(start, end - start);
        start = end + 1;
        ++line_number;
        auto fail = [&](const std::string& why) {
            *error = origin + ":" + std::to_string(line_number) + ": " + why;
            return std::nullopt;
        };
        if (raw.find('\0') != std::string_view::npos) return fail("a NUL byte");
        // A comment starts at `#` at the start of a line or after a blank (templates and
        // descriptions hold other `#`s only after text, which keeps them).
        std::string line(raw);
        for (std::size_t k = 0; k < line.size(); ++k)
            if (line[k] == '#' && (k == 0 || line[k - 1] == ' ' || line[k - 1] == '\t')) {
                line.erase(k);
                break;
            }
        line = trim(line);
        if (line.empty()) continue;
        const std::size_t colon = line.find(':');
        if (colon == std::string::npos) return fail("not `key: value`");
        const std::string key = trim(line.substr(0, colon));
        const std::string value = trim(line.substr(colon + 1));
        if (!seen.insert(key).second) return fail("'" + key + "' given twice");
        if (key == "extends") {
            if (seen.size() != 1) return fail("extends must come first");
            auto base = builtin_profile(value, arch);
            if (!base) return fail("extends names no built-in profile (" + builtin_profile_names() + ")");
            p = std::move(*base);
            p.origin = origin;
            continue;
        }
        std::string why;
        if (!apply(&p, key, value, &why)) return fail(why);
    }
    if (p.name.empty()) {
        *error = origin + ": the profile has no name";
        return std::nullopt;
    }
    return p;
}

}  // namespace

std::string_view release_name(Release r) {
    switch (r) {
        case Release::v1_4: return "1.4.0";
        case Release::v1_5: return "1.5.x";
        case Release::v1_6: return "1.6.0";
        case Release::v1_7: return "1.7.0";
    }
    return "?";
}

std::optional<Release> parse_release(std::string_view s) {
    if (s == "1.4" || s == "1.4.0") return Release::v1_4;
    if (s == "1.5" || s == "1.5.x" || s == "1.5.0" || s == "1.5.1" || s == "1.5.2") return Release::v1_5;
    if (s == "1.6" || s == "1.6.0") return Release::v1_6;
    if (s == "1.7" || s == "1.7.0") return Release::v1_7;
    return std::nullopt;
}

std::string builtin_profile_names() {
    return "full, seed (with --arch amd64, x86, aarch64 or riscv64), seed-amd64, seed-x86, seed-aarch64, "
           "seed-riscv64, mescc-tools-1.4, mescc-tools-1.5, mescc-tools-1.6, portable";
}

std::optional<Profile> builtin_profile(std::string_view name, std::optional<Architecture> architecture) {
    std::string wanted(name);
    if (wanted == "seed") {
        if (!architecture) return std::nullopt;
        wanted = "seed-" + std::string(architecture_name(*architecture));
    }
    for (const Builtin& b : builtins) {
        if (wanted != b.name) continue;
        std::string text = b.text;
        if (wanted.rfind("seed-", 0) == 0) text += seed_common;
        std::string error;
        auto p = parse(text, "built in", architecture, &error);
        if (!p) {  // a built-in profile that does not parse is a bug here, found by the tests
            std::fprintf(stderr, "hexproof oracle: built-in profile %s: %s\n", b.name, error.c_str());
            return std::nullopt;
        }
        p->origin = "built in";
        return p;
    }
    return std::nullopt;
}

std::optional<Profile> parse_profile(std::string_view text, const std::string& origin, std::string* error,
                                     std::optional<Architecture> architecture) {
    return parse(text, origin, architecture, error);
}

std::string profile_text(const Profile& p) {
    const Subset& s = p.subset;
    std::string t = "# hexproof oracle profile (docs/oracle.md, \"Profiles\")\n";
    t += "name: " + p.name + "\n";
    if (!p.description.empty()) t += "description: " + p.description + "\n";
    t += "release: " + (p.release ? std::string(release_name(*p.release)) : std::string("none")) + "\n";
    std::string archs;
    for (Architecture a : s.architectures)
        archs += (archs.empty() ? "" : " ") + std::string(architecture_name(a));
    t += "architectures: " + (archs.empty() ? std::string("all") : archs) + "\n";
    t += std::string("endianness: ") +
         (s.little_endian && s.big_endian ? "both"
          : s.little_endian               ? "little"
                                          : "big") +
         "\n";
    std::string bases;
    for (std::uint32_t b : s.base_addresses) bases += (bases.empty() ? "" : " ") + hex_address(b);
    t += "base-addresses: " + (bases.empty() ? std::string("any") : bases) + "\n";
    std::string modes;
    for (ByteMode m : s.byte_modes) modes += (modes.empty() ? "" : " ") + std::string(mode_name(m));
    t += "byte-modes: " + modes + "\n";
    t += std::string("inputs: ") + (s.many_inputs ? "many" : "one") + "\n";
    t += std::string("strict: ") + (s.strict_clean ? "yes" : "no") + "\n";
    t += "max-token: " + (s.max_token == 0 ? std::string("none") : std::to_string(s.max_token)) + "\n";
    if (p.hex2_command) t += "hex2-command: " + p.hex2_command->source + "\n";
    if (p.m1_command) t += "m1-command: " + p.m1_command->source + "\n";
    t += "hex2-references: " + sigil_words(s.hex2_references) + "\n";
    t += "hex2-reference-bases: " + sigil_words(s.hex2_reference_bases) + "\n";
    t += "hex2-features: " + set_words(s.hex2_features, hex2_feature_names) + "\n";
    t += "hex2-diagnoses: " + set_words(s.hex2_diagnoses, hex2_diagnosis_names) + "\n";
    t += "m1-immediates: " + sigil_words(s.m1_immediates) + "\n";
    t += "m1-numbers: " + set_words(s.m1_numbers, m1_number_names) + "\n";
    t += "m1-features: " + set_words(s.m1_features, m1_feature_names) + "\n";
    t += "m1-diagnoses: " + set_words(s.m1_diagnoses, m1_diagnosis_names) + "\n";
    return t;
}

}  // namespace hexproof::oracle
