// strict-scan: the strict checkers (extracted/gen/hex2_check.hpp, m1_check.hpp) on a drop-in
// command line, for the corpus measurement of docs/strict.md (tests/strict_corpus.sh).
//
//   strict-scan hex2|M1 ARGS...
//
// reads ARGS as the drop-in does (spec/CommandLine.v, the same extracted parser), reads the
// input files and prints every quirk use, one a line, in input order (FirstUses.sort_uses):
//   FILE:OFFSET: QUIRK: SUBJECT [other FILE:OFFSET] [value N]
// The subject is printed with C escapes. Status 0 when it checked, 2 when it could not.
//
//   strict-scan --agree hex2|M1 ARGS...
//
// compares instead the fast engine's strict checker with the extracted bounded one (the
// reference engine's, Hex2CheckFirst.check_first, M1CheckFirst.check_first), keeping 100, 1 and
// 3 uses: the same uses kept, every field, and the same count. Prints the count; status 1, with
// the first difference, when they differ (tests/strict_corpus.sh --agree).
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "command_line.hpp"
#include "coq_runtime.hpp"
#include "engine.hpp"
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

// The engines' configurations; their enumerations list Coq's names in Coq's order.
Hex2Config engine_config(const common::hex2_config& c) {
    return {static_cast<Architecture>(c.h2_arch), c.h2_big_endian,
            static_cast<std::uint32_t>(c.h2_base_address.v), static_cast<ByteMode>(c.h2_byte_mode)};
}
M1Config engine_config(const common::m1_config& c) {
    return {static_cast<Architecture>(c.m1_arch), c.m1_big_endian, static_cast<ByteMode>(c.m1_byte_mode)};
}

std::string shown(const QuirkUse& u) {
    return rt::string_of(quirks::quirk_name(static_cast<quirks::quirk>(u.quirk))) + " " +
           std::to_string(u.file) + ":" + std::to_string(u.offset) + " `" + escaped(u.subject) + "` other " +
           std::to_string(u.other_file) + ":" + std::to_string(u.other_offset) + " value " +
           std::to_string(u.value);
}

// --agree: the two engines' checkers on `inputs`.
template <class Config>
int agree(const Config& config, const std::vector<Input>& inputs) {
    std::string why;
    const auto reference = make_engine("reference", &why), fast = make_engine("fast", &why);
    if (!reference || !fast) {
        std::fprintf(stderr, "strict-scan: %s\n", why.c_str());
        return 2;
    }
    for (const std::size_t k : {std::size_t{100}, std::size_t{1}, std::size_t{3}}) {
        const QuirkUses want = reference->strict_check(config, inputs, k);
        const QuirkUses got = fast->strict_check(config, inputs, k);
        if (got.count != want.count) {
            std::printf("k %zu: the fast checker counts %llu uses, the extracted one %llu\n", k,
                        static_cast<unsigned long long>(got.count),
                        static_cast<unsigned long long>(want.count));
            return 1;
        }
        for (std::size_t i = 0; i < std::max(got.earliest.size(), want.earliest.size()); ++i)
            if (i >= got.earliest.size() || i >= want.earliest.size() ||
                !(got.earliest[i] == want.earliest[i])) {
                std::printf("k %zu, use %zu: fast %s, extracted %s\n", k, i,
                            i < got.earliest.size() ? shown(got.earliest[i]).c_str() : "none",
                            i < want.earliest.size() ? shown(want.earliest[i]).c_str() : "none");
                return 1;
            }
        if (k == 100) std::printf("%llu uses, the same\n", static_cast<unsigned long long>(got.count));
    }
    return 0;
}

template <class C, class Check>
int scan(const rt::list<common::bytes>& args,
         command_line::cli_result<C> (*parse)(const rt::list<common::bytes>&), Check check, bool compare) {
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
    if (compare) {
        std::vector<Input> engine_inputs;
        for (std::size_t i = 0; i < texts.size(); ++i) engine_inputs.push_back(Input{names[i], texts[i]});
        return agree(engine_config(c.cmd_config), engine_inputs);
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
    const bool compare = argc > 1 && std::string(argv[1]) == "--agree";
    const int first = compare ? 2 : 1;
    if (argc < first + 1) {
        std::fputs("usage: strict-scan [--agree] hex2|M1 ARGS...\n", stderr);
        return 2;
    }
    const std::string tool = argv[first];
    rt::list<common::bytes> args;
    for (int i = argc; i-- > first + 1;)
        args = rt::list<common::bytes>::cons(rt::bytes_of(argv[i]), std::move(args));
    if (tool == "hex2")
        return scan(args, command_line::hex2_command_line, hex2_check_first::check_first, compare);
    if (tool == "M1") return scan(args, command_line::m1_command_line, m1_check_first::check_first, compare);
    std::fputs("usage: strict-scan [--agree] hex2|M1 ARGS...\n", stderr);
    return 2;
}
