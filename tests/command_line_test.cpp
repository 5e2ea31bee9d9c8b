// Unit tests of the command lines printed from spec/CommandLine.v (extracted/gen/command_line.hpp): each
// option of hex2 and M1, against expectations written by hand from SEMANTICS.md ("Command line"),
// docs/contract.md and what runtime/cli/cli.cpp does (tests/cli_test.sh checks the binaries).
#include "command_line.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "coq_runtime.hpp"

namespace {

using namespace hexproof;

// The arguments as the Coq list of byte strings; each is a slice of the caller's string.
rt::list<common::bytes> to_args(const std::vector<std::string>& args) {
    rt::list<common::bytes> out;
    for (std::size_t i = args.size(); i-- > 0;)
        out = rt::list<common::bytes>::cons(rt::bytes_of(args[i]), std::move(out));
    return out;
}

std::string name(common::architecture a) {
    switch (a) {
        case common::architecture::knight: return "knight";
        case common::architecture::x86: return "x86";
        case common::architecture::amd64: return "amd64";
        case common::architecture::armv7l: return "armv7l";
        case common::architecture::aarch64: return "aarch64";
        case common::architecture::ppc64le: return "ppc64le";
        case common::architecture::riscv32: return "riscv32";
        case common::architecture::riscv64: return "riscv64";
    }
    return "?";
}

std::string name(common::byte_mode m) {
    switch (m) {
        case common::byte_mode::hex_mode: return "hex";
        case common::byte_mode::octal_mode: return "octal";
        case common::byte_mode::binary_mode: return "binary";
    }
    return "?";
}

std::string text(const rt::option<common::bytes>& o) {
    return o.tag() == rt::option<common::bytes>::tag_t::Some ? rt::string_of(o.as_Some().f0) : "-";
}

std::string describe(const common::hex2_config& c) {
    return "arch=" + name(c.h2_arch) + " big_endian=" + std::to_string(c.h2_big_endian) +
           " base=" + std::to_string(c.h2_base_address.v) + " mode=" + name(c.h2_byte_mode);
}

std::string describe(const common::m1_config& c) {
    return "arch=" + name(c.m1_arch) + " big_endian=" + std::to_string(c.m1_big_endian) +
           " mode=" + name(c.m1_byte_mode);
}

std::string describe(const command_line::cli_step& s) {
    using tag = command_line::cli_step::tag_t;
    switch (s.tag()) {
        case tag::step_open_output: return "open_output(" + rt::string_of(s.as_step_open_output().f0) + ")";
        case tag::step_read_input: return "read_input(" + rt::string_of(s.as_step_read_input().f0) + ")";
        case tag::step_unknown_architecture:
            return "unknown_architecture(" + rt::string_of(s.as_step_unknown_architecture().f0) + ")";
        case tag::step_warn_base_address_zero: return "warn_base_address_zero";
        case tag::step_warn_big_endian: return "warn_big_endian";
    }
    return "?";
}

std::string describe(const command_line::usage_error& e) {
    using tag = command_line::usage_error::tag_t;
    switch (e.tag()) {
        case tag::missing_argument:
            return "missing_argument(" + rt::string_of(e.as_missing_argument().f0) + ")";
        case tag::unknown_option: return "unknown_option";
        case tag::unknown_architecture:
            return "unknown_architecture(" + rt::string_of(e.as_unknown_architecture().f0) + ")";
        case tag::invalid_max_output_bytes: return "invalid_max_output_bytes";
        case tag::no_input_files: return "no_input_files";
    }
    return "?";
}

// "steps[...] END", where END is help, version, usage_error(...) or run{...}.
template <class C>
std::string describe(const command_line::cli_result<C>& r) {
    std::string out = "steps[";
    rt::list<command_line::cli_step> steps = r.cli_steps;
    for (bool first = true; steps.tag() == rt::list<command_line::cli_step>::tag_t::cons; first = false) {
        const auto& cell = steps.as_cons();
        out += (first ? "" : ", ") + describe(cell.f0);
        steps = cell.f1;
    }
    out += "] ";
    using tag = typename command_line::cli_ending<C>::tag_t;
    switch (r.cli_end.tag()) {
        case tag::end_help: return out + "help";
        case tag::end_version: return out + "version";
        case tag::end_usage_error:
            return out + "usage_error(" + describe(r.cli_end.as_end_usage_error().f0) + ")";
        case tag::end_run: break;
    }
    const command_line::command<C>& c = r.cli_end.as_end_run().f0;
    out += "run{" + describe(c.cmd_config) + " inputs=[";
    rt::list<common::bytes> inputs = c.cmd_inputs;
    for (bool first = true; inputs.tag() == rt::list<common::bytes>::tag_t::cons; first = false) {
        const auto& cell = inputs.as_cons();
        out += (first ? "" : ",") + rt::string_of(cell.f0);
        inputs = cell.f1;
    }
    return out + "] output=" + text(c.cmd_output) + " executable=" + std::to_string(c.cmd_executable) +
           " engine=" + text(c.cmd_engine) + " max_output=" + std::to_string(c.cmd_max_output_bytes.v) + "}";
}

std::string hex2(const std::vector<std::string>& args) {
    return describe(command_line::hex2_command_line(to_args(args)));
}

std::string m1(const std::vector<std::string>& args) {
    return describe(command_line::m1_command_line(to_args(args)));
}

// The output limit when no --max-output-bytes is given: 1 GiB (docs/contract.md, "Limits").
const std::string default_max = " max_output=1073741824";

// The hex2 run of `-f a` with the steps `steps`, the configuration `config` and everything else at
// its default.
std::string hex2_run(const std::string& steps, const std::string& config) {
    return "steps[" + steps + "] run{" + config + " inputs=[a] output=- executable=1 engine=-" + default_max +
           "}";
}

const std::string knight_default = "arch=knight big_endian=1 base=0 mode=hex";

TEST(Hex2CommandLine, DefaultsAndFilesInOrder) {
    EXPECT_EQ(hex2({"-f", "a"}), hex2_run("", knight_default));
    EXPECT_EQ(hex2({"-f", "a", "--file", "b", "-f", "c"}),
              "steps[] run{" + knight_default + " inputs=[a,b,c] output=- executable=1 engine=-" +
                  default_max + "}");
    // The argument is the next word, whatever it looks like.
    EXPECT_EQ(hex2({"-f", "-o"}), "steps[] run{" + knight_default +
                                      " inputs=[-o] output=- executable=1 engine=-" + default_max + "}");
}

TEST(Hex2CommandLine, NoInputFileAfterTheWarnings) {
    EXPECT_EQ(hex2({}), "steps[] usage_error(no_input_files)");
    EXPECT_EQ(hex2({"-A", "amd64"}),
              "steps[warn_base_address_zero, warn_big_endian] usage_error(no_input_files)");
    EXPECT_EQ(hex2({"-A", "vax"}), "steps[unknown_architecture(vax)] usage_error(no_input_files)");
}

TEST(Hex2CommandLine, OutputIsOpenedWhereItIsMet) {
    EXPECT_EQ(hex2({"-o", "out", "-f", "a"}), "steps[open_output(out)] run{" + knight_default +
                                                  " inputs=[a] output=out executable=1 engine=-" +
                                                  default_max + "}");
    EXPECT_EQ(hex2({"--output", "x", "-f", "a", "-o", "y"}),
              "steps[open_output(x), open_output(y)] run{" + knight_default +
                  " inputs=[a] output=y executable=1 engine=-" + default_max + "}");
    EXPECT_EQ(
        hex2({"-f", "a", "--non-executable"}),
        "steps[] run{" + knight_default + " inputs=[a] output=- executable=0 engine=-" + default_max + "}");
}

TEST(Hex2CommandLine, EveryArchitectureName) {
    const std::vector<std::pair<std::string, std::string>> names = {
        {"knight-native", "knight"}, {"knight-posix", "knight"}, {"x86", "x86"},
        {"amd64", "amd64"},          {"armv7l", "armv7l"},       {"aarch64", "aarch64"},
        {"ppc64le", "ppc64le"},      {"riscv32", "riscv32"},     {"riscv64", "riscv64"}};
    for (const auto& [given, arch] : names) {
        // Little endian and a base address: no warning on any of them.
        EXPECT_EQ(hex2({"-A", given, "--little-endian", "-B", "1", "-f", "a"}),
                  hex2_run("", "arch=" + arch + " big_endian=0 base=1 mode=hex"))
            << given;
        EXPECT_EQ(hex2({"--architecture", given, "--little-endian", "--base-address", "1", "-f", "a"}),
                  hex2_run("", "arch=" + arch + " big_endian=0 base=1 mode=hex"))
            << given;
    }
    // Names are exact: no prefix, no other case.
    EXPECT_EQ(hex2({"-A", "AMD64", "-f", "a"}), hex2_run("unknown_architecture(AMD64)", knight_default));
    EXPECT_EQ(hex2({"-A", "amd", "-f", "a"}), hex2_run("unknown_architecture(amd)", knight_default));
}

TEST(Hex2CommandLine, UnknownArchitectureKeepsThePreviousOne) {
    EXPECT_EQ(hex2({"-A", "vax", "-f", "a"}), hex2_run("unknown_architecture(vax)", knight_default));
    EXPECT_EQ(
        hex2({"-A", "x86", "-A", "vax", "-B", "1", "-f", "a"}),
        hex2_run("unknown_architecture(vax), warn_big_endian", "arch=x86 big_endian=1 base=1 mode=hex"));
}

TEST(Hex2CommandLine, Warnings) {
    EXPECT_EQ(hex2({"-A", "amd64", "-f", "a"}),
              hex2_run("warn_base_address_zero, warn_big_endian", "arch=amd64 big_endian=1 base=0 mode=hex"));
    EXPECT_EQ(hex2({"-A", "x86", "-B", "0x100", "-f", "a"}),
              hex2_run("warn_big_endian", "arch=x86 big_endian=1 base=256 mode=hex"));
    // ppc64le is not one of the little-endian processors of the warning.
    EXPECT_EQ(hex2({"-A", "ppc64le", "-f", "a"}),
              hex2_run("warn_base_address_zero", "arch=ppc64le big_endian=1 base=0 mode=hex"));
    EXPECT_EQ(hex2({"-A", "amd64", "--little-endian", "-B", "0x400000", "-f", "a"}),
              hex2_run("", "arch=amd64 big_endian=0 base=4194304 mode=hex"));
    EXPECT_EQ(hex2({"-A", "riscv64", "--little-endian", "-B", "0", "-f", "a"}),
              hex2_run("warn_base_address_zero", "arch=riscv64 big_endian=0 base=0 mode=hex"));
    // A base address that reads as 0 is 0.
    EXPECT_EQ(hex2({"-A", "aarch64", "--little-endian", "-B", "12ab", "-f", "a"}),
              hex2_run("warn_base_address_zero", "arch=aarch64 big_endian=0 base=0 mode=hex"));
}

TEST(Hex2CommandLine, BaseAddressThroughStrtoint) {
    auto base = [](const std::string& text) { return hex2({"-B", text, "-f", "a"}); };
    auto with_base = [](const std::string& n) {
        return hex2_run("", "arch=knight big_endian=1 base=" + n + " mode=hex");
    };
    EXPECT_EQ(base("4096"), with_base("4096"));
    EXPECT_EQ(base("0x1000"), with_base("4096"));
    EXPECT_EQ(base("0X1000"), with_base("0"));  // upper-case X is no prefix: invalid, 0
    EXPECT_EQ(base("010"), with_base("8"));     // octal
    EXPECT_EQ(base("0b101"), with_base("5"));
    EXPECT_EQ(base("1_000"), with_base("1000"));             // underscores are skipped
    EXPECT_EQ(base("-16"), with_base("4294967280"));         // 0xFFFFFFF0
    EXPECT_EQ(base("0x-5"), with_base("4294967291"));        // the sign belongs to the digits
    EXPECT_EQ(base("-0x10"), with_base("0"));                // decimal reader over "0x10": invalid
    EXPECT_EQ(base("4294967296"), with_base("0"));           // 2^32 wraps to 0
    EXPECT_EQ(base("2147483648"), with_base("2147483648"));  // INT_MIN, as unsigned
    EXPECT_EQ(hex2({"-B", "1", "--base-address", "2", "-f", "a"}), with_base("2"));
}

TEST(Hex2CommandLine, EndiannessAndByteModesLastWins) {
    EXPECT_EQ(hex2({"--little-endian", "--big-endian", "-f", "a"}), hex2_run("", knight_default));
    EXPECT_EQ(hex2({"--little-endian", "-f", "a"}), hex2_run("", "arch=knight big_endian=0 base=0 mode=hex"));
    EXPECT_EQ(hex2({"-O", "-f", "a"}), hex2_run("", "arch=knight big_endian=1 base=0 mode=octal"));
    EXPECT_EQ(hex2({"--octal", "-f", "a"}), hex2_run("", "arch=knight big_endian=1 base=0 mode=octal"));
    EXPECT_EQ(hex2({"-b", "-f", "a"}), hex2_run("", "arch=knight big_endian=1 base=0 mode=binary"));
    EXPECT_EQ(hex2({"--binary", "-O", "-f", "a"}),
              hex2_run("", "arch=knight big_endian=1 base=0 mode=octal"));
    EXPECT_EQ(hex2({"-O", "--binary", "-f", "a"}),
              hex2_run("", "arch=knight big_endian=1 base=0 mode=binary"));
}

TEST(Hex2CommandLine, HelpAndVersionActWhereTheyAreMet) {
    EXPECT_EQ(hex2({"-h"}), "steps[] help");
    EXPECT_EQ(hex2({"--help", "--bogus"}), "steps[] help");
    EXPECT_EQ(hex2({"-V"}), "steps[] version");
    EXPECT_EQ(hex2({"--version", "-f"}), "steps[] version");
    EXPECT_EQ(hex2({"-o", "x", "-A", "vax", "-h", "-f"}),
              "steps[open_output(x), unknown_architecture(vax)] help");
    EXPECT_EQ(hex2({"--bogus", "-V"}), "steps[] usage_error(unknown_option)");
}

TEST(Hex2CommandLine, UsageErrors) {
    EXPECT_EQ(hex2({"--bogus"}), "steps[] usage_error(unknown_option)");
    EXPECT_EQ(hex2({"a"}), "steps[] usage_error(unknown_option)");
    EXPECT_EQ(hex2({""}), "steps[] usage_error(unknown_option)");
    EXPECT_EQ(hex2({"-f", "a", "-x"}), "steps[] usage_error(unknown_option)");
    EXPECT_EQ(hex2({"--engine"}), "steps[] usage_error(unknown_option)");
    EXPECT_EQ(hex2({"-ffile"}), "steps[] usage_error(unknown_option)");
    for (const std::string option :
         {"-f", "--file", "-o", "--output", "-A", "--architecture", "-B", "--base-address"}) {
        EXPECT_EQ(hex2({"-f", "a", option}), "steps[] usage_error(missing_argument(" + option + "))");
    }
    EXPECT_EQ(hex2({"-o", "x", "-f"}), "steps[open_output(x)] usage_error(missing_argument(-f))");
}

TEST(Hex2CommandLine, EngineName) {
    EXPECT_EQ(hex2({"--engine=fast", "-f", "a"}), "steps[] run{" + knight_default +
                                                      " inputs=[a] output=- executable=1 engine=fast" +
                                                      default_max + "}");
    EXPECT_EQ(hex2({"-f", "a", "--engine=reference", "--engine=turbo"}),
              "steps[] run{" + knight_default + " inputs=[a] output=- executable=1 engine=turbo" +
                  default_max + "}");
    EXPECT_EQ(
        hex2({"-f", "a", "--engine="}),
        "steps[] run{" + knight_default + " inputs=[a] output=- executable=1 engine=" + default_max + "}");
}

TEST(Hex2CommandLine, MaxOutputBytesIsOneTo19DecimalDigits) {
    auto limit = [](const std::string& text) { return hex2({"-f", "a", "--max-output-bytes=" + text}); };
    auto with_max = [](const std::string& n) {
        return "steps[] run{" + knight_default +
               " inputs=[a] output=- executable=1 engine=- max_output=" + n + "}";
    };
    const std::string invalid = "steps[] usage_error(invalid_max_output_bytes)";
    EXPECT_EQ(limit("0"), with_max("0"));
    EXPECT_EQ(limit("2001"), with_max("2001"));
    EXPECT_EQ(limit("0002001"), with_max("2001"));
    EXPECT_EQ(limit("9999999999999999999"), with_max("9999999999999999999"));  // 19 digits
    EXPECT_EQ(limit("0000000000000000001"), with_max("1"));
    EXPECT_EQ(limit("10000000000000000000"), invalid);  // 20 digits, though below 2^64
    EXPECT_EQ(limit("00000000000000000001"), invalid);
    EXPECT_EQ(limit("18446744073709551616"), invalid);  // 2^64
    EXPECT_EQ(limit("99999999999999999999999999999999999999"), invalid);
    for (const std::string junk : {"", "-1", "+1", "1k", "0x10", " 1", "1 ", "1_000", "lots", "1.5"}) {
        EXPECT_EQ(limit(junk), invalid) << junk;
    }
    // The last one counts; the value is part of the word.
    EXPECT_EQ(hex2({"--max-output-bytes=5", "-f", "a", "--max-output-bytes=7"}), with_max("7"));
    EXPECT_EQ(hex2({"-f", "a", "--max-output-bytes"}), "steps[] usage_error(unknown_option)");
    EXPECT_EQ(hex2({"-f", "a", "--max-output-bytes", "5"}), "steps[] usage_error(unknown_option)");
    EXPECT_EQ(hex2({"-f", "a", "--MAX-OUTPUT-BYTES=5"}), "steps[] usage_error(unknown_option)");
}

TEST(Hex2CommandLine, InvalidMaxOutputBytesStopsWhereItIsMet) {
    EXPECT_EQ(hex2({"-o", "x", "--max-output-bytes=x", "-o", "y"}),
              "steps[open_output(x)] usage_error(invalid_max_output_bytes)");
    EXPECT_EQ(hex2({"--max-output-bytes=x", "-h"}), "steps[] usage_error(invalid_max_output_bytes)");
    EXPECT_EQ(hex2({"-V", "--max-output-bytes=x"}), "steps[] version");
    // Before hex2's warnings, which come after the last option.
    EXPECT_EQ(hex2({"-A", "amd64", "-f", "a", "--max-output-bytes=x"}),
              "steps[] usage_error(invalid_max_output_bytes)");
    EXPECT_EQ(hex2({"-A", "vax", "--max-output-bytes=-5"}),
              "steps[unknown_architecture(vax)] usage_error(invalid_max_output_bytes)");
}

// The M1 run with the steps `steps`, the configuration `config` and the files `inputs`.
std::string m1_run(const std::string& steps, const std::string& config, const std::string& inputs,
                   const std::string& output = "-", const std::string& engine = "-",
                   const std::string& max = default_max) {
    return "steps[" + steps + "] run{" + config + " inputs=[" + inputs + "] output=" + output +
           " executable=0 engine=" + engine + max + "}";
}

const std::string m1_default = "arch=knight big_endian=1 mode=hex";

TEST(M1CommandLine, FilesAreReadWhereTheyAreMet) {
    EXPECT_EQ(m1({}), m1_run("", m1_default, ""));  // the tool then reports empty_input
    EXPECT_EQ(m1({"-f", "a", "--file", "b"}), m1_run("read_input(a), read_input(b)", m1_default, "a,b"));
    EXPECT_EQ(m1({"-f", "a", "-o", "out", "-f", "b"}),
              m1_run("read_input(a), open_output(out), read_input(b)", m1_default, "a,b", "out"));
    EXPECT_EQ(m1({"--output", "x", "--output", "y"}),
              m1_run("open_output(x), open_output(y)", m1_default, "", "y"));
}

TEST(M1CommandLine, Architectures) {
    const std::vector<std::pair<std::string, std::string>> names = {
        {"knight-native", "knight"}, {"knight-posix", "knight"}, {"x86", "x86"},
        {"amd64", "amd64"},          {"armv7l", "armv7l"},       {"aarch64", "aarch64"},
        {"ppc64le", "ppc64le"},      {"riscv32", "riscv32"},     {"riscv64", "riscv64"}};
    for (const auto& [given, arch] : names) {
        // No warnings in M1.
        EXPECT_EQ(m1({"-A", given}), m1_run("", "arch=" + arch + " big_endian=1 mode=hex", "")) << given;
        EXPECT_EQ(m1({"--architecture", given}), m1_run("", "arch=" + arch + " big_endian=1 mode=hex", ""))
            << given;
    }
}

TEST(M1CommandLine, UnknownArchitectureStops) {
    EXPECT_EQ(m1({"-A", "vax", "-f", "a"}), "steps[] usage_error(unknown_architecture(vax))");
    EXPECT_EQ(m1({"-f", "a", "--architecture", "vax", "-h"}),
              "steps[read_input(a)] usage_error(unknown_architecture(vax))");
}

TEST(M1CommandLine, EndiannessAndByteModes) {
    EXPECT_EQ(m1({"--little-endian"}), m1_run("", "arch=knight big_endian=0 mode=hex", ""));
    EXPECT_EQ(m1({"--little-endian", "--big-endian"}), m1_run("", m1_default, ""));
    EXPECT_EQ(m1({"-O"}), m1_run("", "arch=knight big_endian=1 mode=octal", ""));
    EXPECT_EQ(m1({"--octal"}), m1_run("", "arch=knight big_endian=1 mode=octal", ""));
    EXPECT_EQ(m1({"-b"}), m1_run("", "arch=knight big_endian=1 mode=binary", ""));
    EXPECT_EQ(m1({"--binary", "-O"}), m1_run("", "arch=knight big_endian=1 mode=octal", ""));
}

TEST(M1CommandLine, HelpVersionAndUsageErrors) {
    EXPECT_EQ(m1({"-h"}), "steps[] help");
    EXPECT_EQ(m1({"-f", "a", "--help"}), "steps[read_input(a)] help");
    EXPECT_EQ(m1({"-V", "--bogus"}), "steps[] version");
    EXPECT_EQ(m1({"--version"}), "steps[] version");
    // hex2's options that M1 does not have.
    EXPECT_EQ(m1({"-B", "0"}), "steps[] usage_error(unknown_option)");
    EXPECT_EQ(m1({"--base-address", "0"}), "steps[] usage_error(unknown_option)");
    EXPECT_EQ(m1({"--non-executable"}), "steps[] usage_error(unknown_option)");
    EXPECT_EQ(m1({"--bogus"}), "steps[] usage_error(unknown_option)");
    for (const std::string option : {"-f", "--file", "-o", "--output", "-A", "--architecture"}) {
        EXPECT_EQ(m1({"-f", "a", option}),
                  "steps[read_input(a)] usage_error(missing_argument(" + option + "))");
    }
}

TEST(M1CommandLine, MaxOutputBytes) {
    EXPECT_EQ(m1({"--max-output-bytes=2000", "-f", "a"}),
              m1_run("read_input(a)", m1_default, "a", "-", "-", " max_output=2000"));
    EXPECT_EQ(m1({"-f", "a", "--max-output-bytes=lots", "-f", "b"}),
              "steps[read_input(a)] usage_error(invalid_max_output_bytes)");
    EXPECT_EQ(m1({"--max-output-bytes="}), "steps[] usage_error(invalid_max_output_bytes)");
    EXPECT_EQ(m1({"--max-output-bytes=12345678901234567890"}),
              "steps[] usage_error(invalid_max_output_bytes)");
}

TEST(M1CommandLine, EngineName) {
    EXPECT_EQ(m1({"--engine=fast", "-f", "a"}), m1_run("read_input(a)", m1_default, "a", "-", "fast"));
    EXPECT_EQ(m1({"--engine=fast", "--engine=reference"}), m1_run("", m1_default, "", "-", "reference"));
}

}  // namespace
