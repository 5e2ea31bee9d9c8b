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
    const bool big = hex2 ? inv.hex2.big_endian : inv.m1.big_endian;
    const ByteMode mode = hex2 ? inv.hex2.byte_mode : inv.m1.byte_mode;
    std::vector<std::string> f{"--architecture", architecture_flag(inv.architecture()),
                               big ? "--big-endian" : "--little-endian"};
    if (hex2) {
        f.push_back("--base-address");
        f.push_back(hex32(inv.hex2.base_address));
    }
    if (mode == ByteMode::octal) f.push_back("--octal");
    if (mode == ByteMode::binary) f.push_back("--binary");
    return f;
}

std::string base_name(const std::string& path) {
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

std::string_view tool_name(Tool t) { return t == Tool::hex2 ? "hex2" : "M1"; }

CommandTemplate mescc_tools_template() {
    return CommandTemplate{{"{program}", "{input-flags}", "{mode-flags}", "-o", "{output}"}};
}

std::vector<std::string> expand(const CommandTemplate& templ, const Invocation& inv,
                                const std::string& program, const std::vector<std::string>& input_names,
                                const std::string& output) {
    std::vector<std::string> words;
    for (const std::string& w : templ.words) {
        if (w == "{program}") {
            words.push_back(program);
        } else if (w == "{input-flags}") {
            for (const std::string& n : input_names) {
                words.push_back("-f");
                words.push_back(n);
            }
        } else if (w == "{inputs}") {
            words.insert(words.end(), input_names.begin(), input_names.end());
        } else if (w == "{mode-flags}") {
            for (std::string& f : mode_flags(inv)) words.push_back(std::move(f));
        } else if (w == "{output}") {
            words.push_back(output);
        } else {
            words.push_back(w);
        }
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
