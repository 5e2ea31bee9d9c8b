// strict-scan: the bounded strict checkers (extracted/gen/hex2_check_first.hpp,
// m1_check_first.hpp) on a drop-in command line, for the corpus measurement of docs/strict.md
// (tests/strict_corpus.sh). They keep every use here: k is 2^62, more uses than an input that
// fits in memory can make (a few a byte at most), so by check_first_correct they return all of
// Hex2Check.check and M1Check.check, sorted by file, then offset.
//
//   strict-scan hex2|M1 ARGS...
//
// reads ARGS as the drop-in does (spec/CommandLine.v, the same extracted parser), reads the
// input files and prints every quirk use, one a line, in input order (FirstUses.sort_uses):
//   FILE:OFFSET: QUIRK: SUBJECT [other FILE:OFFSET] [value N]
// The subject is printed with C escapes. Status 0 when it checked, 2 when it could not.
#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "command_line.hpp"
#include "coq_runtime.hpp"
#include "hex2_check_first.hpp"
#include "m1_check_first.hpp"
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

// More uses than any input can make: check_first then keeps them all.
const rt::N every_use{std::uint64_t{1} << 62};

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
    const rt::prod<rt::list<quirks::quirk_use>, rt::N> found = check(every_use, c.cmd_config, inputs);
    const std::vector<quirks::quirk_use> uses = vector_of(found.f0);
    if (uses.size() != found.f1.v) {
        std::fputs("strict-scan: the checker kept fewer uses than it found\n", stderr);
        return 2;
    }
    for (const quirks::quirk_use& u : uses) {
        std::ostringstream line;
        const std::uint64_t file = u.use_file.v, other = u.use_other_file.v;
        line << (file < names.size() ? names[file] : "?") << ':' << u.use_offset.v << ": "
             << rt::string_of(quirks::quirk_name(u.use_quirk)) << ": "
             << escaped(rt::string_of(u.use_subject));
        if (other != file || u.use_other_offset.v != u.use_offset.v)
            line << " [other " << (other < names.size() ? names[other] : "?") << ':' << u.use_other_offset.v
                 << ']';
        if (u.use_value.v != 0) line << " [value " << u.use_value.v << ']';
        std::printf("%s\n", line.str().c_str());
    }
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
    if (tool == "hex2") return scan(args, command_line::hex2_command_line, hex2_check_first::check_first);
    if (tool == "M1") return scan(args, command_line::m1_command_line, m1_check_first::check_first);
    std::fputs("usage: strict-scan hex2|M1 ARGS...\n", stderr);
    return 2;
}
