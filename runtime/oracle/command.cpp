// The command line of an invocation: see command.hpp.
#include "command.hpp"

#include <cctype>
#include <cstdio>
#include <set>

namespace hexproof::oracle {

namespace {

std::string architecture_flag(Architecture a) {
    return a == Architecture::knight ? "knight-native" : std::string(architecture_name(a));
}

std::string hex32(std::uint32_t v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "0x%X", v);
    return buf;
}

std::vector<std::string> mode_flags(const Invocation& inv) {
    const bool hex2 = inv.tool == Tool::hex2;
    std::vector<std::string> f{"--architecture", architecture_flag(inv.architecture()),
                               inv.big_endian() ? "--big-endian" : "--little-endian"};
    if (hex2) {
        f.push_back("--base-address");
        f.push_back(hex32(inv.hex2.base_address));
    }
    if (inv.byte_mode() == ByteMode::octal) f.push_back("--octal");
    if (inv.byte_mode() == ByteMode::binary) f.push_back("--binary");
    return f;
}

std::string base_name(const std::string& path) {
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// The placeholders; `several`: it stands for any number of words, so it must be a whole word.
struct PlaceholderInfo {
    const char* name;
    bool several;
    bool hex2_only;
};
const PlaceholderInfo placeholders[] = {
    {"program", false, false},     {"input", false, false},       {"inputs", true, false},
    {"input-flags", true, false},  {"output", false, false},      {"arch", false, false},
    {"endianness", false, false},  {"endian-flag", false, false}, {"byte-mode", false, false},
    {"base-address", false, true}, {"mode-flags", true, false},
};

const PlaceholderInfo* find_placeholder(std::string_view name) {
    for (const PlaceholderInfo& p : placeholders)
        if (name == p.name) return &p;
    return nullptr;
}

// One placeholder's value, when it is one word.
std::string single_value(std::string_view name, const Invocation& inv, const std::string& program,
                         const std::vector<std::string>& input_names, const std::string& output) {
    if (name == "program") return program;
    if (name == "input") return input_names.empty() ? std::string() : input_names[0];
    if (name == "output") return output;
    if (name == "arch") return architecture_flag(inv.architecture());
    if (name == "endianness") return inv.big_endian() ? "big" : "little";
    if (name == "endian-flag") return inv.big_endian() ? "--big-endian" : "--little-endian";
    if (name == "byte-mode")
        return inv.byte_mode() == ByteMode::hex     ? "hex"
               : inv.byte_mode() == ByteMode::octal ? "octal"
                                                    : "binary";
    if (name == "base-address") return hex32(inv.hex2.base_address);
    return "";
}

}  // namespace

std::string_view tool_name(Tool t) { return t == Tool::hex2 ? "hex2" : "M1"; }

std::vector<Input> joined(const std::vector<Input>& inputs) {
    if (inputs.size() <= 1) return inputs;
    Input one;
    for (const Input& in : inputs) one.name += (one.name.empty() ? "" : "+") + in.name;
    if (one.name.size() > 100) one.name = inputs[0].name + "+" + std::to_string(inputs.size() - 1) + "-more";
    std::size_t total = 0;
    for (const Input& in : inputs) total += in.bytes.size();
    one.bytes.reserve(total);
    for (const Input& in : inputs) one.bytes += in.bytes;
    return {std::move(one)};
}

bool CommandTemplate::uses(std::string_view placeholder) const {
    for (const auto& word : words)
        for (const Part& p : word)
            if (p.placeholder && p.text == placeholder) return true;
    return false;
}

CommandTemplate mescc_tools_template() {
    std::string error;
    return *parse_template("{program} {input-flags} {mode-flags} -o {output}", Tool::hex2, &error);
}

std::optional<CommandTemplate> parse_template(std::string_view text, Tool tool, std::string* error) {
    CommandTemplate t;
    t.source = std::string(text);
    std::vector<CommandTemplate::Part> word;
    bool in_word = false;
    auto literal = [&](char c) {
        if (word.empty() || word.back().placeholder) word.push_back({false, ""});
        word.back().text += c;
        in_word = true;
    };
    auto fail = [&](const std::string& why) {
        *error = why;
        return std::nullopt;
    };
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == ' ' || c == '\t' || c == '\n') {
            if (in_word) t.words.push_back(std::move(word));
            word.clear();
            in_word = false;
            ++i;
        } else if (c == '\'' || c == '"') {
            const std::size_t close = text.find(c, i + 1);
            if (close == std::string_view::npos)
                return fail(std::string("a ") + (c == '\'' ? "single" : "double") + " quote at column " +
                            std::to_string(i + 1) + " is not closed");
            for (std::size_t k = i + 1; k < close; ++k) literal(text[k]);
            in_word = true;  // '' is an empty word
            i = close + 1;
        } else if (c == '{' && i + 1 < text.size() && text[i + 1] == '{') {
            literal('{');
            i += 2;
        } else if (c == '}' && i + 1 < text.size() && text[i + 1] == '}') {
            literal('}');
            i += 2;
        } else if (c == '{') {
            const std::size_t close = text.find('}', i);
            const std::string name(text.substr(i + 1, close == std::string_view::npos ? 0 : close - i - 1));
            const PlaceholderInfo* p = close == std::string_view::npos ? nullptr : find_placeholder(name);
            if (!p)
                return fail("unknown placeholder at column " + std::to_string(i + 1) + ": '" +
                            std::string(text.substr(i, close == std::string_view::npos ? 1 : close + 1 - i)) +
                            "' (write {{ for a brace)");
            if (p->hex2_only && tool != Tool::hex2) return fail("{" + name + "} is for hex2 only");
            word.push_back({true, name});
            in_word = true;
            i = close + 1;
        } else if (c == '}') {
            return fail("a lone } at column " + std::to_string(i + 1) + " (write }} for a brace)");
        } else {
            literal(c);
            ++i;
        }
    }
    if (in_word) t.words.push_back(std::move(word));
    if (t.words.empty()) return fail("the command template is empty");
    for (std::size_t w = 0; w < t.words.size(); ++w) {
        for (const auto& part : t.words[w]) {
            if (!part.placeholder) continue;
            if (find_placeholder(part.text)->several && t.words[w].size() != 1)
                return fail("{" + part.text + "} stands for several words: it must be a word of its own");
            if (w == 0 && !(part.text == "program" && t.words[0].size() == 1))
                return fail("the first word names the program: a path, or {program} alone");
        }
    }
    if (!t.uses("output")) return fail("the template has no {output}: the oracle reads the output from it");
    if (!t.uses("input") && !t.uses("inputs") && !t.uses("input-flags"))
        return fail("the template has no {input}, {inputs} or {input-flags}");
    return t;
}

std::vector<std::string> expand(const CommandTemplate& templ, const Invocation& inv,
                                const std::string& executable, const std::string& program,
                                const std::vector<std::string>& input_names, const std::string& output) {
    std::vector<std::string> words;
    for (std::size_t w = 0; w < templ.words.size(); ++w) {
        const auto& word = templ.words[w];
        if (w == 0) {
            words.push_back(executable);
            continue;
        }
        if (word.size() == 1 && word[0].placeholder && find_placeholder(word[0].text)->several) {
            const std::string& name = word[0].text;
            if (name == "inputs") {
                words.insert(words.end(), input_names.begin(), input_names.end());
            } else if (name == "input-flags") {
                for (const std::string& n : input_names) {
                    words.push_back("-f");
                    words.push_back(n);
                }
            } else {
                for (std::string& f : mode_flags(inv)) words.push_back(std::move(f));
            }
            continue;
        }
        std::string s;
        for (const auto& part : word)
            s += part.placeholder ? single_value(part.text, inv, program, input_names, output) : part.text;
        words.push_back(std::move(s));
    }
    return words;
}

std::vector<std::string> scratch_names(const Invocation& inv) {
    std::vector<std::string> names;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < inv.inputs.size(); ++i) {
        std::string n = base_name(inv.inputs[i].name);
        for (char& c : n)
            if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-') c = '_';
        if (n.empty() || n == output_name || n[0] == '.' || n[0] == '-' || seen.count(n))
            n = "in" + std::to_string(i) + "_" + n;
        seen.insert(n);
        names.push_back(n);
    }
    return names;
}

}  // namespace hexproof::oracle
