// bench/gen_real.cpp: real-shaped M1 inputs for `make bench`, made from real compiler output.
//
// Generated programs (gen_m1.cpp) repeat a few line shapes and a few thousand names; what the
// bootstrap really hands to M1 has more distinct names and fewer repeated lines. This program makes a
// large input out of real programs read at run time from the upstream corpus (../shared/corpus,
// where they stay): the M2-Planet-compiled stage0 programs, M1-macro and blood-elf compiled by
// M2-Planet, and M2-Planet compiled by cc_ARCH. One DEFINE file, then copies of the units (a unit is
// a program and the libc-core it was assembled with), every label a unit defines renamed in each copy
// so that no two copies share a name, until the requested size is reached; then a footer in the shape
// blood-elf --64 writes (section names, section headers, a string table and a symbol table naming
// every label), which is what a debug build of stage0 assembles.
//
// A name a unit refers to but does not define (one the ELF header defines) keeps its name. The ELF
// header refers to `_start` and the footer to `ELF_data`: this program defines both, `_start` before
// the first copy (whose own entry point comes first in its libc-core) and `ELF_data` before the
// footer, so that the header of a debug build links the result.
//
// Usage: hexproof_bench_real --corpus DIR --arch amd64|riscv64 --size BYTES --m1 OUT.M1
// Prints one summary line on stdout: sizes, counts, and `elf=` the ELF header to link the result
// behind; or `missing=FILE` and exit status 3 when the corpus lacks a file it needs.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "write_file.hpp"

namespace hexproof::bench {
namespace {

bool read_file(const std::string& path, std::string& data) {
    FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr) {
        std::perror(path.c_str());
        return false;
    }
    char buffer[65536];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) data.append(buffer, n);
    const bool ok = std::ferror(f) == 0;
    std::fclose(f);
    if (!ok) std::fprintf(stderr, "gen_real: failed reading %s\n", path.c_str());
    return ok;
}

// ---------------------------------------------------------------------------------------------------
// M1 text as M1 reads it: comments (`#`, `;`) and strings (`"`, `'`, which may span lines) pass
// through untouched; a token is a run of other non-space bytes. `:name` defines a label; `%name`,
// `&name`, `@name`, `$name`, `~name`, `!name` refer to one (M1 passes them to hex2), possibly as
// `name>base`, unless what follows the sigil is a number (`%16`, `!-8`, `@0x10`).

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_sigil(char c) { return c == '%' || c == '&' || c == '@' || c == '$' || c == '~' || c == '!'; }
bool is_number_start(char c) { return (c >= '0' && c <= '9') || c == '-'; }

// Calls on_text(text) for every stretch that is not a token, and on_token(token) for every token.
template <typename OnText, typename OnToken>
void scan_m1(std::string_view s, OnText on_text, OnToken on_token) {
    std::size_t i = 0;
    while (i < s.size()) {
        const std::size_t start = i;
        const char c = s[i];
        if (is_space(c)) {
            while (i < s.size() && is_space(s[i])) ++i;
        } else if (c == '#' || c == ';') {
            while (i < s.size() && s[i] != '\n') ++i;
        } else if (c == '"' || c == '\'') {
            ++i;
            while (i < s.size() && s[i] != c) ++i;
            if (i < s.size()) ++i;
        } else {
            while (i < s.size() && !is_space(s[i]) && s[i] != '#' && s[i] != ';' && s[i] != '"' &&
                   s[i] != '\'')
                ++i;
            on_token(s.substr(start, i - start));
            continue;
        }
        on_text(s.substr(start, i - start));
    }
}

// The labels a unit defines, in the order of their definitions.
std::vector<std::string> defined_labels(const std::vector<std::string>& files) {
    std::vector<std::string> names;
    for (const std::string& text : files)
        scan_m1(
            text, [](std::string_view) {},
            [&](std::string_view token) {
                if (token.size() > 1 && token[0] == ':') names.emplace_back(token.substr(1));
            });
    return names;
}

struct Unit {
    std::vector<std::string> files;
    std::vector<std::string> labels;
    std::unordered_set<std::string> defined;
};

// Appends one copy of the unit to out, every label it defines followed by suffix.
void append_copy(const Unit& unit, const std::string& suffix, std::string& out) {
    auto name = [&](std::string_view n) {
        out += n;
        if (unit.defined.count(std::string(n)) != 0) out += suffix;
    };
    for (const std::string& text : unit.files) {
        scan_m1(
            text, [&](std::string_view t) { out += t; },
            [&](std::string_view token) {
                if (token.size() > 1 && token[0] == ':') {
                    out += ':';
                    name(token.substr(1));
                } else if (token.size() > 1 && is_sigil(token[0]) && !is_number_start(token[1])) {
                    out += token[0];
                    const std::string_view rest = token.substr(1);
                    const std::size_t gt = rest.find('>');
                    name(rest.substr(0, gt));
                    if (gt != std::string_view::npos) {
                        out += '>';
                        name(rest.substr(gt + 1));
                    }
                } else {
                    out += token;
                }
            });
        if (!text.empty() && text.back() != '\n') out += '\n';
    }
}

// ---------------------------------------------------------------------------------------------------
// The footer, in the shape blood-elf --64 writes: five section headers (null, .text, .shstrtab,
// .strtab, .symtab), the string table, then one symbol per label.

std::string hex32_le(uint32_t value) {
    static const char digits[] = "0123456789ABCDEF";
    std::string s;
    for (int i = 0; i < 4; ++i) {
        const unsigned b = (value >> (8 * i)) & 0xFF;
        s += digits[b >> 4];
        s += digits[b & 15];
    }
    return s;
}

void section_header(std::string& out, const std::string& label, const std::string& name_label,
                    const char* type, const std::string& start, const std::string& end, const char* link,
                    const std::string& info, const char* entsize) {
    out += ":" + label + "\n";
    out += "%" + name_label + ">ELF_shstr\t#sh_name\n";
    out += std::string("'") + type + "'\t#sh_type\n";
    out += "'00000000' '00000000'\t#sh_flags\n";
    out += "&" + start + " '00000000'\t#sh_addr\n";
    out += "%" + start + ">ELF_base '00000000'\t#sh_offset\n";
    out += "%" + end + ">" + start + " '00000000'\t#sh_size\n";
    out += std::string("'") + link + "'\t#sh_link\n";
    out += "'" + info + "'\t#sh_info\n";
    out += "'01000000' '00000000'\t#sh_addralign\n";
    out += std::string("'") + entsize + "' '00000000'\t#sh_entsize\n\n";
}

std::string footer(const std::vector<std::string>& labels) {
    std::string out = "\n:ELF_data\n\n# Generated sections\n:ELF_shstr\n'00'\t# NULL\n";
    out += ":ELF_shstr__text\n\".text\"\n:ELF_shstr__shstr\n\".shstrtab\"\n";
    out += ":ELF_shstr__sym\n\".symtab\"\n:ELF_shstr__str\n\".strtab\"\n\n:ELF_section_headers\n";
    for (const char* field : {"sh_name", "sh_type", "sh_flags", "sh_addr", "sh_offset", "sh_size", "sh_link",
                              "sh_info", "sh_addralign", "sh_entsize"}) {
        const std::string f = field;
        const bool wide =
            f == "sh_flags" || f == "sh_addr" || f == "sh_offset" || f == "sh_size" || f == "sh_entsize";
        if (f == "sh_addralign")
            out += "'01000000' '00000000'\t#" + f + "\n";
        else
            out += std::string(wide ? "'00000000' '00000000'" : "'00000000'") + "\t#" + f + "\n";
    }
    out += "\n";
    section_header(out, "ELF_section_header_text", "ELF_shstr__text", "01000000", "ELF_text", "ELF_data",
                   "00000000", "00000000", "00000000");
    section_header(out, "ELF_section_header_shstr", "ELF_shstr__shstr", "03000000", "ELF_shstr",
                   "ELF_section_headers", "00000000", "00000000", "00000000");
    section_header(out, "ELF_section_header_str", "ELF_shstr__str", "03000000", "ELF_str", "ELF_sym",
                   "00000000", "00000000", "00000000");
    section_header(out, "ELF_section_header_sym", "ELF_shstr__sym", "02000000", "ELF_sym", "ELF_end",
                   "03000000", hex32_le(static_cast<uint32_t>(labels.size() + 1)), "18000000");
    out += "# Generated string table\n:ELF_str\n'00'\t# NULL string\n";
    for (const std::string& n : labels) out += ":ELF_str_" + n + "\t\"" + n + "\"\n";
    out +=
        "# END Generated string table\n\n# Generated symbol table\n:ELF_sym\n# Required NULL symbol entry\n";
    out += "'00000000'\t# st_name\n'00'\t# st_info\n'00'\t# st_other\n'0100'\t# st_shndx\n";
    out += "'00000000' '00000000'\t# st_value\n'00000000' '00000000'\t# st_size\n\n";
    for (const std::string& n : labels) {
        out += "%ELF_str_" + n + ">ELF_str\t# st_name\n'02'\t# st_info (FUNC)\n'00'\t# st_other (other)\n";
        out += "'0100'\t# st_shndx\n&" + n + " '00000000'\t# st_value\n";
        out += "'00000000' '00000000'\t# st_size (unknown size)\n\n";
    }
    out += "# END Generated symbol table\n\n:ELF_end\n";
    return out;
}

// The footer's size for the given labels, without writing it: a fixed part, a part per label, and
// each name four times (twice in each table).
std::size_t footer_size(std::size_t label_count, std::size_t label_bytes) {
    static const std::size_t fixed = footer({}).size();
    static const std::size_t per_label = footer({"x"}).size() - fixed - 4;
    return fixed + label_count * per_label + label_bytes * 4;
}

int usage() {
    std::fprintf(stderr, "usage: hexproof_bench_real --corpus DIR --arch ARCH --size BYTES --m1 OUT.M1\n");
    return 2;
}

bool exists(const std::string& path) {
    FILE* f = std::fopen(path.c_str(), "rb");
    if (f != nullptr) std::fclose(f);
    return f != nullptr;
}

int main_impl(int argc, char** argv) {
    std::string corpus, arch, m1_path;
    uint64_t size = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (i + 1 >= argc) return usage();
        const std::string v = argv[++i];
        char* end = nullptr;
        if (a == "--corpus")
            corpus = v;
        else if (a == "--arch")
            arch = v;
        else if (a == "--m1")
            m1_path = v;
        else if (a == "--size")
            size = std::strtoull(v.c_str(), &end, 0);
        else
            return usage();
        if (end != nullptr && *end != '\0') return usage();
    }
    if (corpus.empty() || arch.empty() || m1_path.empty() || size == 0) return usage();

    // The corpus's cases that assemble M2-Planet's output (stage0's M0 step): their DEFINEs and
    // debug ELF header (those of M1-macro, which are the others' too), and each program with the
    // libc-core it was assembled with.
    const std::string dir = corpus + "/" + arch + "/";
    const std::string defs_path = dir + "M0stage-M1-0/" + arch + "_defs.M1";
    const std::string elf_path = dir + "M0stage-M1-0/ELF-" + arch + "-debug.hex2";
    const std::vector<std::vector<std::string>> unit_paths = {
        {dir + "M0stage-M1-0/libc-core.M1", dir + "M0stage-M1-0/M1-macro-0.M1"},
        {dir + "M0stage-blood-elf-0/libc-core.M1", dir + "M0stage-blood-elf-0/blood-elf-0.M1"},
        {dir + "M0stage-M2/libc-core.M1", dir + "M0stage-M2/M2-0.M1"},
    };
    std::vector<std::string> needed = {defs_path, elf_path};
    for (const auto& unit : unit_paths) needed.insert(needed.end(), unit.begin(), unit.end());
    for (const std::string& path : needed) {
        if (!exists(path)) {
            std::printf("missing=%s\n", path.c_str());
            return 3;
        }
    }

    std::string defs;
    if (!read_file(defs_path, defs)) return 1;
    std::vector<Unit> units(unit_paths.size());
    for (std::size_t u = 0; u < units.size(); ++u) {
        for (const std::string& path : unit_paths[u]) {
            units[u].files.emplace_back();
            if (!read_file(path, units[u].files.back())) return 1;
        }
        units[u].labels = defined_labels(units[u].files);
        units[u].defined.insert(units[u].labels.begin(), units[u].labels.end());
    }

    // Whole copies of every unit (at least one), until the copies and their footer reach the size.
    std::string out = defs;
    if (!out.empty() && out.back() != '\n') out += '\n';
    out += "\n:_start\n";
    std::vector<std::string> labels;
    std::size_t label_bytes = 0;
    uint64_t copies = 0;
    do {
        for (std::size_t u = 0; u < units.size(); ++u) {
            const std::string suffix = "_" + std::to_string(copies * units.size() + u);
            append_copy(units[u], suffix, out);
            for (const std::string& n : units[u].labels) {
                labels.push_back(n + suffix);
                label_bytes += labels.back().size();
            }
        }
        ++copies;
    } while (out.size() + footer_size(labels.size(), label_bytes) < size);
    const std::size_t body = out.size();
    out += footer(labels);
    if (!write_file("gen_real", m1_path, out)) return 1;
    std::printf("m1_bytes=%zu body_bytes=%zu footer_bytes=%zu units=%zu copies=%llu labels=%zu elf=%s\n",
                out.size(), body, out.size() - body, units.size(), static_cast<unsigned long long>(copies),
                labels.size(), elf_path.c_str());
    return 0;
}

}  // namespace
}  // namespace hexproof::bench

int main(int argc, char** argv) { return hexproof::bench::main_impl(argc, argv); }
