// strict-scan: the strict checkers (extracted/gen/hex2_check.hpp, m1_check.hpp) on a drop-in
// command line, for the corpus measurement of docs/strict.md (tests/strict_corpus.sh).
//
//   strict-scan hex2|M1 ARGS...
//
// reads ARGS as the drop-in does (spec/CommandLine.v, the same extracted parser), reads the
// input files and prints every quirk use, one a line, in input order:
//   FILE:OFFSET: QUIRK: SUBJECT [other FILE:OFFSET] [value N]
// The subject is printed with C escapes. Status 0 when it checked, 2 when it could not.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "command_line.hpp"
#include "coq_runtime.hpp"
#include "hex2_check.hpp"
#include "m1_check.hpp"
#include "quirks.hpp"

namespace {

using namespace hexproof;

std::string escaped(const std::string& s) {
    std::string out;
    for (unsigned char c : s) {
        if (c == '\\')
            out += "\\\\";
        else if (c >= 32 && c < 127)
            out += static_cast<char>(c);
        else {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02x", c);
            out += hex;
        }
    }
    return out;
}

// The Coq list l as a vector.
template <class T>
std::vector<T> vector_of(const rt::list<T>& l) {
    std::vector<T> out;
    for (const rt::list<T>* p = &l; p->tag() == rt::list<T>::tag_t::cons; p = &p->as_cons().f1)
        out.push_back(p->as_cons().f0);
    return out;
}

struct Use {
    std::uint64_t file, offset;
    std::string line;
};

template <class C, class Check>
int scan(const rt::list<common::bytes>& args,
         command_line::cli_result<C> (*parse)(const rt::list<common::bytes>&), Check check) {
    const command_line::cli_result<C> r = parse(args);
    if (r.cli_end.tag() != command_line::cli_ending<C>::tag_t::end_run) {
        std::fputs("strict-scan: the command line does not run the tool\n", stderr);
        return 2;
    }
    const command_line::command<C>& c = r.cli_end.as_end_run().f0;
    std::vector<std::string> names, texts;
    for (const common::bytes& path : vector_of(c.cmd_inputs)) {
        names.push_back(rt::string_of(path));
        std::ifstream in(names.back(), std::ios::binary);
        if (!in) {
            std::fprintf(stderr, "strict-scan: cannot read %s\n", names.back().c_str());
            return 2;
        }
        texts.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    rt::list<common::bytes> inputs;
    for (std::size_t i = texts.size(); i-- > 0;)
        inputs = rt::list<common::bytes>::cons(rt::bytes_of(texts[i]), inputs);
    std::vector<Use> uses;
    for (const quirks::quirk_use& u : vector_of(check(c.cmd_config, inputs))) {
        std::ostringstream line;
        const std::uint64_t file = u.use_file.v, other = u.use_other_file.v;
        line << (file < names.size() ? names[file] : "?") << ':' << u.use_offset.v << ": "
             << rt::string_of(quirks::quirk_name(u.use_quirk)) << ": "
             << escaped(rt::string_of(u.use_subject));
        if (other != file || u.use_other_offset.v != u.use_offset.v)
            line << " [other " << (other < names.size() ? names[other] : "?") << ':' << u.use_other_offset.v
                 << ']';
        if (u.use_value.v != 0) line << " [value " << u.use_value.v << ']';
        uses.push_back(Use{file, u.use_offset.v, line.str()});
    }
    std::stable_sort(uses.begin(), uses.end(), [](const Use& a, const Use& b) {
        return std::tie(a.file, a.offset) < std::tie(b.file, b.offset);
    });
    for (const Use& u : uses) std::printf("%s\n", u.line.c_str());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fputs("usage: strict-scan hex2|M1 ARGS...\n", stderr);
        return 2;
    }
    const std::string tool = argv[1];
    rt::list<common::bytes> args;
    for (int i = argc; i-- > 2;) args = rt::list<common::bytes>::cons(rt::bytes_of(argv[i]), std::move(args));
    if (tool == "hex2") return scan(args, command_line::hex2_command_line, hex2_check::check);
    if (tool == "M1") return scan(args, command_line::m1_command_line, m1_check::check);
    std::fputs("usage: strict-scan hex2|M1 ARGS...\n", stderr);
    return 2;
}
