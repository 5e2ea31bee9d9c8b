// Shared pieces of the RapidCheck properties: generators built on runtime/program_gen (a program
// is a list of piece seeds, so RapidCheck shrinks it piece by piece), the engines to check, and
// a main that runs a list of named properties and maps the outcome to a ctest exit status.
//
// The number of cases per property is RapidCheck's own `max_success` (default 100); `make
// check-long` raises it through RC_PARAMS, e.g. RC_PARAMS="max_success=20000".
#pragma once

#include <rapidcheck.h>

#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "diagnostics.hpp"
#include "engine.hpp"
#include "program_gen.hpp"

namespace hexproof::property {

namespace pg = program_gen;

inline rc::Gen<Architecture> architecture() {
    return rc::gen::elementOf(
        std::vector<Architecture>(std::begin(pg::all_architectures), std::end(pg::all_architectures)));
}

// How many files a program is split into: mostly 1 to below `usual`, now and then up to 200
// (most of them empty or holding one piece: inputs are looked up by address, and each one ends
// a line).
inline rc::Gen<unsigned> file_count(unsigned usual) {
    return rc::gen::weightedOneOf<unsigned>(
        {{9, rc::gen::inRange(1u, usual)}, {1, rc::gen::inRange(usual, 200u)}});
}

struct Hex2Sample {
    pg::Hex2Program program;
    pg::Style style;
};

struct M1Sample {
    pg::M1Program program;
    pg::Style style;
};

// A hex2 program: a configuration, pieces drawn from seeds, a rendering style.
inline rc::Gen<Hex2Sample> hex2_sample(pg::GenOptions options,
                                       std::function<bool(const pg::Hex2Piece&)> keep = nullptr) {
    return rc::gen::exec([options, keep] {
        Hex2Sample s;
        const Architecture arch = *architecture();
        s.program.config = pg::hex2_config(*rc::gen::arbitrary<std::uint64_t>(), arch, options);
        const auto seeds =
            *rc::gen::container<std::vector<std::uint64_t>>(rc::gen::arbitrary<std::uint64_t>());
        for (std::uint64_t seed : seeds) {
            pg::Hex2Piece p = pg::hex2_piece(seed, s.program.config, options);
            if (!keep || keep(p)) s.program.pieces.push_back(std::move(p));
        }
        if (options.well_formed) pg::complete_labels(&s.program, *rc::gen::arbitrary<std::uint64_t>());
        s.style.seed = *rc::gen::arbitrary<std::uint64_t>();
        s.style.plain = *rc::gen::arbitrary<bool>();
        s.style.files = *file_count(4u);
        return s;
    });
}

inline rc::Gen<M1Sample> m1_sample(pg::GenOptions options,
                                   std::function<bool(const pg::M1Piece&, const M1Config&)> keep = nullptr) {
    return rc::gen::exec([options, keep] {
        M1Sample s;
        const Architecture arch = *architecture();
        s.program.config = pg::m1_config(*rc::gen::arbitrary<std::uint64_t>(), arch, options);
        const auto seeds =
            *rc::gen::container<std::vector<std::uint64_t>>(rc::gen::arbitrary<std::uint64_t>());
        for (std::uint64_t seed : seeds) {
            pg::M1Piece p = pg::m1_piece(seed, s.program.config, options);
            if (!keep || keep(p, s.program.config)) s.program.pieces.push_back(std::move(p));
        }
        if (options.well_formed) pg::complete_defines(&s.program, *rc::gen::arbitrary<std::uint64_t>());
        s.style.seed = *rc::gen::arbitrary<std::uint64_t>();
        s.style.plain = *rc::gen::arbitrary<bool>();
        s.style.files = *file_count(3u);
        return s;
    });
}

// Any generated case (well formed or not, any feature, upstream-undefined included).
inline rc::Gen<pg::Case> any_case(pg::Tool tool) {
    return rc::gen::exec([tool] {
        pg::GenOptions options;
        options.well_formed = *rc::gen::arbitrary<bool>();
        options.allow_big =
            *rc::gen::weightedOneOf<bool>({{1, rc::gen::just(true)}, {4, rc::gen::just(false)}});
        if (tool == pg::Tool::hex2) {
            const Hex2Sample s = *hex2_sample(options);
            return pg::make_case(s.program, s.style);
        }
        const M1Sample s = *m1_sample(options);
        return pg::make_case(s.program, s.style);
    });
}

// Any generated M1 case with its lines met again. The fast M1 engine keeps the tokens of short
// lines it met lately (RecentLines: lines of up to 48 bytes with 48 readable bytes from their
// start) and reuses them when the same bytes come again; this puts such lines in every context
// the generator makes (after a DEFINE, inside a string, around comments, carriage returns and
// NUL bytes, across file ends). In half of the inputs spaces become newlines half of the time
// (short lines; the other inputs keep their DEFINEs whole), each line (up to and including its
// `\n`) is written one to three times, the whole input twice, and most inputs end with a 64-byte
// comment line (so that their last lines are short lines too).
inline rc::Gen<pg::Case> m1_case_with_lines_again() {
    return rc::gen::exec([] {
        pg::Case c = *any_case(pg::Tool::m1);
        for (Input& input : c.inputs) {
            if (*rc::gen::arbitrary<bool>())
                for (char& byte : input.bytes)
                    if (byte == ' ' && *rc::gen::arbitrary<bool>()) byte = '\n';
            std::string repeated;
            std::size_t start = 0;
            while (start < input.bytes.size()) {
                std::size_t end = input.bytes.find('\n', start);
                end = end == std::string::npos ? input.bytes.size() : end + 1;
                const int times = *rc::gen::inRange(1, 4);
                for (int k = 0; k < times; ++k) repeated.append(input.bytes, start, end - start);
                start = end;
            }
            input.bytes = repeated + repeated;
            if (*rc::gen::inRange(0, 5) != 0) input.bytes += "#" + std::string(62, '-') + "\n";
        }
        return c;
    });
}

inline std::string show_inputs(const std::vector<Input>& inputs) {
    std::string s;
    for (const Input& in : inputs) s += "--- " + in.name + "\n" + escape_bytes(in.bytes) + "\n";
    return s;
}

// The same bytes, or the same error (kind, file, offset, value and subject).
inline bool same_result(const Result& a, const Result& b) {
    if (is_ok(a) != is_ok(b)) return false;
    if (is_ok(a)) return std::get<std::string>(a) == std::get<std::string>(b);
    return std::get<Error>(a) == std::get<Error>(b);
}

inline std::string show_result(const Result& r, const std::vector<Input>& inputs) {
    if (const Error* e = std::get_if<Error>(&r))
        return std::string("error ") + std::string(error_kind_name(e->kind)) + " file " +
               std::to_string(e->file) + " offset " + std::to_string(e->offset) + ": " +
               format_error(*e, inputs);
    const std::string& b = std::get<std::string>(r);
    return "ok, " + std::to_string(b.size()) + " bytes: " + escape_bytes(b.substr(0, 64)) +
           (b.size() > 64 ? "..." : "");
}

// Two ways of computing the result of the same inputs, named for the log of a failing case,
// give the same bytes or the same error (same_result). Cases are classified by whether the
// first accepted them (when the assertion holds, so did the second).
inline void assert_same_result(const std::vector<Input>& inputs, const char* name_a, const Result& a,
                               const char* name_b, const Result& b) {
    RC_CLASSIFY(is_ok(a), "accepted");
    RC_LOG() << show_inputs(inputs) << name_a << ": " << show_result(a, inputs) << "\n"
             << name_b << ": " << show_result(b, inputs) << "\n";
    RC_ASSERT(same_result(a, b));
}

// The engines that are built: fast always, reference when make_engine says so.
inline std::vector<std::unique_ptr<Engine>> engines() {
    std::vector<std::unique_ptr<Engine>> list;
    std::string why;
    for (const char* name : {"fast", "reference"})
        if (auto e = make_engine(name, &why)) list.push_back(std::move(e));
    return list;
}

struct Property {
    const char* name;
    std::function<bool()> run;  // true when it held
};

// Runs each property; exit 0 when all hold, 1 otherwise.
inline int run_all(const std::vector<Property>& properties) {
    int failed = 0;
    for (const Property& p : properties) {
        if (!p.run()) {
            std::fprintf(stderr, "FAILED: %s\n", p.name);
            ++failed;
        }
    }
    std::printf("%zu properties, %d failed\n", properties.size(), failed);
    return failed ? 1 : 0;
}

// Runs the properties `properties_of` makes for each built engine, given the engine and a tag
// that names it in each check's description; exit 0 when all hold, 1 otherwise.
inline int run_on_every_engine(
    const std::function<std::vector<Property>(const Engine* engine, const std::string& tag)>& properties_of) {
    const auto list = engines();
    std::vector<Property> properties;
    for (const auto& engine : list)
        for (Property& p : properties_of(engine.get(), " [" + std::string(engine->name()) + " engine]"))
            properties.push_back(std::move(p));
    return run_all(properties);
}

}  // namespace hexproof::property
