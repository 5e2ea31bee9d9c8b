// The drop-ins hex2 and M1. What a command line asks for is spec/CommandLine.v's
// (hex2_command_line, m1_command_line, printed in extracted/gen/command_line.hpp); this file
// carries out its steps in order and ends the run as it says. Texts are cli_texts.hpp's.
#include "cli.hpp"

#include <cstdio>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <unistd.h>
#include <vector>

#include "cleanup.hpp"
#include "cli_texts.hpp"
#include "command_line.hpp"
#include "coq_runtime.hpp"
#include "diagnostics.hpp"
#include "engine.hpp"
#include "io.hpp"
#include "output_file.hpp"
#include "strict.hpp"

namespace hexproof {

namespace {

namespace cl = command_line;
using cli_texts::Tool;

void say(const std::string& text) { std::fputs(text.c_str(), stderr); }

// argv[1..] as the Coq argument list; each argument is a slice of argv.
rt::list<common::bytes> arguments(int argc, char** argv) {
    rt::list<common::bytes> args;
    for (int i = argc; i-- > 1;) args = rt::list<common::bytes>::cons(rt::bytes_of(argv[i]), std::move(args));
    return args;
}

// Calls f on the elements of the Coq list l in order, while it returns true.
template <class T, class F>
bool each(const rt::list<T>& l, F&& f) {
    for (const rt::list<T>* p = &l; p->tag() == rt::list<T>::tag_t::cons; p = &p->as_cons().f1)
        if (!f(p->as_cons().f0)) return false;
    return true;
}

std::optional<std::string> text(const rt::option<common::bytes>& o) {
    if (o.tag() == rt::option<common::bytes>::tag_t::None) return std::nullopt;
    return rt::string_of(o.as_Some().f0);
}

Architecture from_coq(common::architecture a) {
    switch (a) {
        case common::architecture::knight: return Architecture::knight;
        case common::architecture::x86: return Architecture::x86;
        case common::architecture::amd64: return Architecture::amd64;
        case common::architecture::armv7l: return Architecture::armv7l;
        case common::architecture::aarch64: return Architecture::aarch64;
        case common::architecture::ppc64le: return Architecture::ppc64le;
        case common::architecture::riscv32: return Architecture::riscv32;
        case common::architecture::riscv64: return Architecture::riscv64;
    }
    rt::fatal("unknown architecture");
}

ByteMode from_coq(common::byte_mode m) {
    switch (m) {
        case common::byte_mode::hex_mode: return ByteMode::hex;
        case common::byte_mode::octal_mode: return ByteMode::octal;
        case common::byte_mode::binary_mode: return ByteMode::binary;
    }
    rt::fatal("unknown byte mode");
}

// The base address is below 2^32 (CommandLineProperties.hex2_base_address_32).
Hex2Config from_coq(const common::hex2_config& c) {
    return {from_coq(c.h2_arch), c.h2_big_endian, static_cast<std::uint32_t>(c.h2_base_address.v),
            from_coq(c.h2_byte_mode)};
}

M1Config from_coq(const common::m1_config& c) {
    return {from_coq(c.m1_arch), c.m1_big_endian, from_coq(c.m1_byte_mode)};
}

std::optional<Error> run(const Engine& e, const Hex2Config& c, const std::vector<Input>& in,
                         OutputSink& out) {
    return e.link_to(c, in, out);
}

std::optional<Error> run(const Engine& e, const M1Config& c, const std::vector<Input>& in, OutputSink& out) {
    return e.assemble_to(c, in, out);
}

bool check_output(const std::string& path, const Tool& tool) {
    std::string why;
    if (output_writable(path, &why)) return true;
    say(cli_texts::cannot_open(tool, path, why));
    return false;
}

// Reads an input, counting it against the input limit with those read before (*used bytes).
bool read_input(const std::string& path, const Tool& tool, std::vector<Input>* inputs, std::uint64_t* used) {
    ReadFailure failure;
    std::optional<Input> input = load_input(path, tool.name.c_str(), max_input_bytes() - *used, &failure);
    if (!input) {
        say(failure.over_limit ? cli_texts::over_input_limit(path, *used > 0)
                               : cli_texts::cannot_open(tool, path, failure.why));
        return false;
    }
    *used += input->view().size();
    inputs->push_back(std::move(*input));
    return true;
}

// Runs the engine into the output (the -o file or standard output); an error is reported and
// nothing is written. A write that fails or passes the output limit ends the run there, and the
// output file is left as it was.
template <class C>
int produce(const cl::command<C>& c, const Engine& engine, const std::vector<Input>& inputs,
            const Tool& tool) {
    const std::optional<std::string> path = text(c.cmd_output);
    OutputFile file(c.cmd_max_output_bytes.v);
    std::string why;
    if (path && !file.open(*path, OutputOptions{c.cmd_executable}, &why)) {
        say(cli_texts::cannot_open(tool, *path, why));
        return 1;
    }
    if (!path) file.bytes().attach(STDOUT_FILENO, false);
    try {
        if (const std::optional<Error> error = run(engine, from_coq(c.cmd_config), inputs, file.bytes())) {
            say(format_error(*error, inputs) + "\n");
            return 1;
        }
        if (!path || file.commit(&why)) return 0;
    } catch (const OutputError& failure) {
        why = failure.what();
    }
    say(cli_texts::cannot_write(tool, path, why));
    return 1;
}

// Carries out the command line `r`: its steps in order, then its end. The inputs no step has
// read are read after the options: hex2's steps read none (CommandLineProperties.
// hex2_reads_after_options); M1's read exactly its inputs, in order (m1_reads_its_inputs).
template <class C>
int carry_out(const cl::cli_result<C>& r, const Tool& tool, const char* program) {
    std::vector<Input> inputs;
    std::uint64_t used = 0;
    bool read_in_steps = false;
    using end = typename cl::cli_ending<C>::tag_t;
    const cl::strict_mode strict =
        r.cli_end.tag() == end::end_run ? r.cli_end.as_end_run().f0.cmd_strict : cl::strict_mode::strict_off;
    bool strict_failed = false;
    using step = cl::cli_step::tag_t;
    const bool steps_done = each(r.cli_steps, [&](const cl::cli_step& s) {
        say(cli_texts::step(s, tool));
        if (strict != cl::strict_mode::strict_off && !strict_step_passes(s, strict, tool.name))
            strict_failed = true;
        if (s.tag() == step::step_open_output)
            return check_output(rt::string_of(s.as_step_open_output().f0), tool);
        if (s.tag() != step::step_read_input) return true;
        read_in_steps = true;
        return read_input(rt::string_of(s.as_step_read_input().f0), tool, &inputs, &used);
    });
    if (!steps_done || strict_failed) return 1;
    switch (r.cli_end.tag()) {
        case end::end_help: say(cli_texts::help(tool, program)); return 0;
        case end::end_version: std::fputs(tool.version, stdout); return 0;
        case end::end_usage_error:
            say(cli_texts::usage_error(r.cli_end.as_end_usage_error().f0, tool));
            return 1;
        case end::end_run: break;
    }
    const cl::command<C>& c = r.cli_end.as_end_run().f0;
    std::string why;
    const std::unique_ptr<Engine> engine = make_engine(text(c.cmd_engine).value_or("reference"), &why);
    if (!engine) say(tool.name + ": error: " + why + "\n");
    const auto read = [&](const common::bytes& path) {
        return read_input(rt::string_of(path), tool, &inputs, &used);
    };
    if (!engine || (!read_in_steps && !each(c.cmd_inputs, read))) return 1;
    const bool strict_off = strict == cl::strict_mode::strict_off;
    if (!strict_off && !strict_passes(*engine, from_coq(c.cmd_config), inputs, strict)) return 1;
    return produce(c, *engine, inputs, tool);
}

// Out of memory ends a run with a message, never an abort.
template <class C>
int guarded(const Tool& tool, int argc, char** argv,
            cl::cli_result<C> (*command_line)(const rt::list<common::bytes>&)) {
    cleanup::install_handlers(tool.name.c_str());
    try {
        return carry_out(command_line(arguments(argc, argv)), tool, argc > 0 ? argv[0] : tool.name.c_str());
    } catch (const std::bad_alloc&) {
        say(cli_texts::out_of_memory(tool));
    } catch (const std::length_error&) {
        say(cli_texts::out_of_memory(tool));
    } catch (const std::exception& failure) {
        say(tool.name + ": error: " + failure.what() + "\n");
    }
    return 1;
}

}  // namespace

int hex2_main(int argc, char** argv) { return guarded(cli_texts::hex2, argc, argv, cl::hex2_command_line); }
int m1_main(int argc, char** argv) { return guarded(cli_texts::m1, argc, argv, cl::m1_command_line); }

}  // namespace hexproof
