// The oracle's profiles, command templates, construct scanner, reading of M1 output and known
// differences (runtime/oracle/: profile, command, constructs, hex2_reading, known_differences).
// Expected outputs are computed by hand from SEMANTICS.md and the releases' notes, never taken
// from the code under test.
#include <gtest/gtest.h>

#include <algorithm>

#include "constructs.hpp"
#include "hex2_reading.hpp"
#include "known_differences.hpp"
#include "profile.hpp"
#include "program_gen.hpp"

namespace hexproof::oracle {
namespace {

const std::string_view builtin_names[] = {
    "full",         "seed-amd64",      "seed-x86",        "seed-aarch64",
    "seed-riscv64", "mescc-tools-1.4", "mescc-tools-1.5", "mescc-tools-1.6",
    "portable"};

Invocation m1(Architecture a, const std::string& text, bool big = false) {
    Invocation inv;
    inv.tool = Tool::m1;
    inv.m1.architecture = a;
    inv.m1.big_endian = big;
    inv.inputs.push_back(Input{"p.M1", text});
    return inv;
}

Invocation hex2(Architecture a, std::uint32_t base, const std::string& text, bool big = false) {
    Invocation inv;
    inv.tool = Tool::hex2;
    inv.hex2.architecture = a;
    inv.hex2.base_address = base;
    inv.hex2.big_endian = big;
    inv.inputs.push_back(Input{"p.hex2", text});
    return inv;
}

std::set<std::string> names_of(const std::vector<Construct>& cs) {
    std::set<std::string> s;
    for (const Construct& c : cs) s.insert(c.name);
    return s;
}

// ------------------------------------------------------------ profiles

TEST(OracleProfile, BuiltinsParseAndPrintBack) {
    for (std::string_view name : builtin_names) {
        const auto p = builtin_profile(name, std::nullopt);
        ASSERT_TRUE(p) << name;
        EXPECT_EQ(p->name, name);
        std::string error;
        const auto again = parse_profile(profile_text(*p), "printed", &error);
        ASSERT_TRUE(again) << name << ": " << error;
        EXPECT_EQ(profile_text(*again), profile_text(*p)) << name;
    }
}

TEST(OracleProfile, SeedTakesTheArchitecture) {
    EXPECT_FALSE(builtin_profile("seed", std::nullopt));
    EXPECT_FALSE(builtin_profile("seed", Architecture::knight));
    const auto p = builtin_profile("seed", Architecture::aarch64);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->name, "seed-aarch64");
    EXPECT_EQ(p->subset.base_addresses, std::vector<std::uint32_t>{0x600000});
    EXPECT_FALSE(p->subset.many_inputs);
    EXPECT_EQ(p->hex2_command->source, "{program} {input} {output}");
}

TEST(OracleProfile, FileErrorsNameTheLine) {
    std::string error;
    EXPECT_FALSE(parse_profile("name: a\nfoo: b\n", "f", &error));
    EXPECT_EQ(error, "f:2: unknown key 'foo'");
    EXPECT_FALSE(parse_profile("name: a\nname: b\n", "f", &error));
    EXPECT_EQ(error, "f:2: 'name' given twice");
    EXPECT_FALSE(parse_profile("name: a\nm1-features: strings bogus\n", "f", &error));
    EXPECT_NE(error.find("f:2: unknown word 'bogus'"), std::string::npos) << error;
    EXPECT_FALSE(parse_profile("name: a\nhex2-features: lower-hex -align\n", "f", &error));
    EXPECT_NE(error.find("f:2:"), std::string::npos) << error;
    EXPECT_FALSE(parse_profile("name: a\nextends: full\n", "f", &error));
    EXPECT_EQ(error, "f:2: extends must come first");
    EXPECT_FALSE(parse_profile("description: x\n", "f", &error));
    EXPECT_EQ(error, "f: the profile has no name");
    EXPECT_FALSE(parse_profile("name: a\nbase-addresses: 0x100000000\n", "f", &error));
    EXPECT_FALSE(parse_profile("name: a\nhex2-command: {program} {input}\n", "f", &error));
    EXPECT_NE(error.find("no {output}"), std::string::npos) << error;
    EXPECT_FALSE(parse_profile(std::string("name: a\0b\n", 10), "f", &error));
}

TEST(OracleProfile, ExtendsAndLeavesOut) {
    std::string error;
    const auto p = parse_profile(
        "# a port of hex2-0\nextends: seed-amd64\nname: port  # a comment\nhex2-features: all -other-text\n"
        "release: 1.4\n",
        "f", &error);
    ASSERT_TRUE(p) << error;
    EXPECT_EQ(p->name, "port");
    EXPECT_EQ(p->subset.base_addresses, std::vector<std::uint32_t>{0x600000});
    EXPECT_FALSE(p->subset.hex2_has("other-text"));
    EXPECT_TRUE(p->subset.hex2_has("caret-other"));
    EXPECT_EQ(p->release, Release::v1_4);
}

// ------------------------------------------------------------ command templates

TEST(OracleTemplate, ParsesAndExpands) {
    std::string error;
    const auto t = parse_template("qemu-aarch64 {program} '{input}' x{input} --o={output} {mode-flags}",
                                  Tool::hex2, &error);
    ASSERT_TRUE(t) << error;
    Invocation inv = hex2(Architecture::aarch64, 0x600000, "00");
    const auto words = expand(*t, inv, "/usr/bin/qemu-aarch64", "/x/hex2-0", {"p.hex2"}, "out");
    const std::vector<std::string> expected{
        "/usr/bin/qemu-aarch64", "/x/hex2-0", "{input}",         "xp.hex2",        "--o=out",
        "--architecture",        "aarch64",   "--little-endian", "--base-address", "0x600000"};
    EXPECT_EQ(words, expected);
    EXPECT_TRUE(t->takes_one_input());
}

TEST(OracleTemplate, RefusesWhatItCannotRun) {
    std::string error;
    const std::pair<const char*, const char*> bad[] = {
        {"", "empty"},
        {"{program} '{input} {output}", "not closed"},
        {"{program} {input} {outptu}", "unknown placeholder"},
        {"{program} x{inputs} {output}", "word of its own"},
        {"{program} {input}", "no {output}"},
        {"{program} {output}", "no {input}"},
        {"{input} {program} {output}", "first word"},
        {"x{program} {input} {output}", "first word"},
        {"{program} {input} } {output}", "lone }"},
    };
    for (const auto& [text, why] : bad) {
        EXPECT_FALSE(parse_template(text, Tool::hex2, &error)) << text;
        EXPECT_NE(error.find(why), std::string::npos) << text << ": " << error;
    }
    EXPECT_FALSE(parse_template("{program} {input} {output} {base-address}", Tool::m1, &error));
    EXPECT_TRUE(parse_template("{program} {input} {output} {base-address} {{x}}", Tool::hex2, &error));
}

// ------------------------------------------------------------ the reading of M1 output

TEST(OracleReading, LayoutAndCaseDoNotMatter) {
    const auto read = [](std::string_view s) { return hex2_reading(s, ByteMode::hex, Architecture::amd64); };
    EXPECT_EQ(read("90 01 1000\n:a %a>b\n"), read("90\n0\n1\n10\t00 # comment\n:a\n%a>b"));
    EXPECT_EQ(read("ab CD"), read("ABcd"));
    EXPECT_NE(read("90 01"), read("90 10"));
    EXPECT_NE(read(":a 01"), read(":a01"));  // the name runs on
    EXPECT_NE(read("%a>b"), read("%a >b"));  // there the base is data
    EXPECT_NE(read("^~a"), read("~a"));
    EXPECT_EQ(hex2_reading("777 1", ByteMode::octal, Architecture::x86),
              hex2_reading("7 7 7 1 8 9", ByteMode::octal, Architecture::x86));
}

// ------------------------------------------------------------ constructs

TEST(OracleConstructs, Hex2) {
    const auto c = [](Architecture a, const std::string& text) {
        return names_of(hex2_constructs(hex2(a, 0, text).hex2, {Input{"p", text}}));
    };
    EXPECT_TRUE(c(Architecture::aarch64, "^~a :a\n").count("caret"));
    EXPECT_TRUE(c(Architecture::aarch64, "^&a :a\n").count("caret-other"));
    EXPECT_TRUE(c(Architecture::aarch64, "^ ~a :a\n").count("caret-other"));
    EXPECT_TRUE(c(Architecture::aarch64, "^~a>a :a\n").count("caret-other"));
    EXPECT_TRUE(c(Architecture::amd64, "4 8\n").count("digit-quirks"));
    EXPECT_TRUE(c(Architecture::amd64, "481\n").count("digit-quirks"));
    EXPECT_FALSE(c(Architecture::amd64, "48 # 12\n").count("digit-quirks"));
    EXPECT_TRUE(c(Architecture::amd64, ":a :a\n").count("redefine"));
    EXPECT_TRUE(c(Architecture::amd64, ":x#y\n").count("name-quirks"));
    EXPECT_TRUE(c(Architecture::amd64, "%a>b\n").count("base %"));
    EXPECT_TRUE(c(Architecture::amd64, "ab\n").count("lower-hex"));
    EXPECT_TRUE(c(Architecture::amd64, "zz\n").count("other-text"));
    EXPECT_TRUE(c(Architecture::riscv64, ".00000000 <\n").count("words"));
    EXPECT_TRUE(c(Architecture::riscv64, ".00000000 <\n").count("align"));
    EXPECT_EQ(c(Architecture::amd64, "01 02 %a :a\n"), (std::set<std::string>{"reference %", "token"}));
}

TEST(OracleConstructs, M1) {
    const auto c = [](Architecture a, const std::string& text) {
        return names_of(m1_constructs(M1Config{a, false, ByteMode::hex}, {Input{"p", text}}));
    };
    EXPECT_EQ(c(Architecture::amd64, "DEFINE X 90\nX !1 @-2 %0x10\n"),
              (std::set<std::string>{"immediate !", "immediate @", "immediate %", "number decimal",
                                     "number negative", "number hex", "token"}));
    EXPECT_TRUE(c(Architecture::amd64, "!0x1f\n").count("number lower-hex"));
    EXPECT_TRUE(c(Architecture::amd64, "!010\n").count("number octal"));
    EXPECT_TRUE(c(Architecture::amd64, "!1_0\n").count("number underscore"));
    EXPECT_TRUE(c(Architecture::amd64, "!0X10\n").count("token-quirks"));
    EXPECT_TRUE(c(Architecture::amd64, "!256\n").count("range-edges"));
    EXPECT_FALSE(c(Architecture::amd64, "!255\n").count("range-edges"));
    EXPECT_TRUE(c(Architecture::amd64, "X\nDEFINE X 90\n").count("define-anywhere"));
    EXPECT_TRUE(c(Architecture::amd64, "DEFINE X 90\nDEFINE X 91\nX\n").count("redefine"));
    EXPECT_FALSE(c(Architecture::amd64, "DEFINE X 90\nDEFINE X 90\nX\n").count("redefine"));
    EXPECT_TRUE(c(Architecture::amd64, "DEFINE X '90'\nX\n").count("quoted-define-values"));
    EXPECT_TRUE(c(Architecture::amd64, "\"ab\"cd\n").count("token-quirks"));
    EXPECT_TRUE(c(Architecture::amd64, ":a %a ^~a <\n").count("labels"));
    EXPECT_TRUE(c(Architecture::amd64, "<4\n").count("padding"));
    EXPECT_TRUE(c(Architecture::knight, "5\n").count("knight-numbers"));
    EXPECT_TRUE(c(Architecture::riscv64, "&5\n").count("labels"));  // never a number on RISC-V
    EXPECT_TRUE(c(Architecture::amd64, "NOP\r\n").count("cr"));
}

TEST(OracleConstructs, OutsideNamesThePlace) {
    const auto seed = builtin_profile("seed-amd64", std::nullopt);
    Invocation inv = m1(Architecture::amd64, "DEFINE X 90\nX\n  !0x1f\n");
    const Outside o = outside(seed->subset, inv);
    EXPECT_EQ(o.what, "lower-hex numbers");
    EXPECT_EQ(o.where, "p.M1:3:3");
    inv.m1.big_endian = true;
    EXPECT_EQ(outside(seed->subset, inv).what, "big endian");
    EXPECT_EQ(outside(seed->subset, hex2(Architecture::amd64, 0x1000, "00")).what, "base address 0x1000");
    EXPECT_EQ(outside(seed->subset, hex2(Architecture::amd64, 0x600000, "00 %a :a\n")).what, "");
}

// ------------------------------------------------------------ the generators inside a subset

TEST(OracleGenerate, TheWholeSubsetChangesNothing) {
    const Subset everything;
    for (auto tool : {program_gen::Tool::hex2, program_gen::Tool::m1})
        for (Architecture a : program_gen::all_architectures)
            for (std::uint64_t seed = 0; seed < 150; ++seed) {
                program_gen::GenOptions plain, with;
                with.subset = &everything;
                const auto x = program_gen::generate_case(tool, a, seed, plain);
                const auto y = program_gen::generate_case(tool, a, seed, with);
                ASSERT_EQ(x.inputs.size(), y.inputs.size());
                for (std::size_t i = 0; i < x.inputs.size(); ++i)
                    ASSERT_EQ(x.inputs[i].bytes, y.inputs[i].bytes);
                ASSERT_EQ(x.hex2.base_address, y.hex2.base_address);
                ASSERT_EQ(x.m1.byte_mode, y.m1.byte_mode);
            }
}

// The generators draw inside each built-in profile; for the strict-clean one (whose quirks the
// constructs only approximate) within the tries the oracle gives a case (32, a seed apart each).
TEST(OracleGenerate, ProgramsAreDrawnInsideEachProfile) {
    for (std::string_view name : builtin_names) {
        const auto p = builtin_profile(name, std::nullopt);
        std::vector<Architecture> archs = p->subset.architectures;
        if (archs.empty())
            archs.assign(std::begin(program_gen::all_architectures),
                         std::end(program_gen::all_architectures));
        const int tries = p->subset.strict_clean ? 32 : 1;
        for (auto tool : {program_gen::Tool::hex2, program_gen::Tool::m1})
            for (Architecture a : archs)
                for (std::uint64_t seed = 0; seed < 100; ++seed) {
                    Outside o{"no try", ""};
                    for (int t = 0; t < tries && !o.what.empty(); ++t) {
                        program_gen::GenOptions options;
                        options.subset = &p->subset;
                        auto g = program_gen::generate_case(tool, a, seed + 0x10000000u * t, options);
                        Invocation inv;
                        inv.tool = tool == program_gen::Tool::hex2 ? Tool::hex2 : Tool::m1;
                        inv.hex2 = g.hex2;
                        inv.m1 = g.m1;
                        inv.inputs = p->subset.many_inputs ? g.inputs : joined(g.inputs);
                        o = outside(p->subset, inv);
                    }
                    EXPECT_EQ(o.what, "")
                        << name << " " << architecture_name(a) << " seed " << seed << " at " << o.where;
                }
    }
}

// ------------------------------------------------------------ known differences

std::string as(Release r, const Invocation& inv, const std::set<std::string>& ids) {
    std::string why;
    const auto engine = make_engine("fast", &why);
    const auto result = as_release(*engine, r, inv, ids, &why);
    if (!result) return "cannot: " + why;
    if (!is_ok(*result)) return "error";
    return std::get<std::string>(*result);
}

TEST(OracleKnownDifferences, M1AsOlderReleases) {
    // 1.4.0: 300 & 0xFF = 44 = 0x2C; `$5` stays text.
    const Invocation a = m1(Architecture::amd64, "!300 $5\n");
    EXPECT_EQ(differences_in(Release::v1_4, a),
              (std::set<std::string>{"dollar-ampersand-immediates", "m1-range-check"}));
    EXPECT_EQ(hex2_reading(as(Release::v1_4, a, differences_in(Release::v1_4, a)), ByteMode::hex,
                           Architecture::amd64),
              hex2_reading("2C $5", ByteMode::hex, Architecture::amd64));
    EXPECT_EQ(as(Release::v1_4, a, {"dollar-ampersand-immediates"}),
              "error");  // !300 is out of range in 1.7.0
    EXPECT_TRUE(differences_in(Release::v1_5, a).empty());
    // Before 1.6.0 `_` is an invalid digit: `!1_0` is label text, `!0_1` the number 0.
    const Invocation u = m1(Architecture::x86, "!1_0 !0_1\n");
    EXPECT_EQ(hex2_reading(as(Release::v1_5, u, {"underscore-in-number"}), ByteMode::hex, Architecture::x86),
              hex2_reading("!1_0 00", ByteMode::hex, Architecture::x86));
    EXPECT_TRUE(differences_in(Release::v1_6, u).empty());
    // Knight prefixes are text before 1.6.0; RISC-V `$N` before 1.7.0.
    EXPECT_EQ(differences_in(Release::v1_5, m1(Architecture::knight, "!5\n")),
              std::set<std::string>{"knight-prefixes"});
    EXPECT_EQ(differences_in(Release::v1_6, m1(Architecture::riscv64, "$5\n")),
              std::set<std::string>{"riscv-dollar-constant"});
    // 1.4.0 truncates a Knight bare number to 16 bits: 65537 & 0xFFFF = 1, big endian 0001.
    const Invocation k = m1(Architecture::knight, "65537\n", true);
    EXPECT_EQ(
        hex2_reading(as(Release::v1_4, k, {"knight-bare-numbers"}), ByteMode::hex, Architecture::knight),
        hex2_reading("0001", ByteMode::hex, Architecture::knight));
    // A macro's use is never evaluated; a DEFINE value only as far as it is accepted.
    EXPECT_TRUE(differences_in(Release::v1_4, m1(Architecture::amd64, "DEFINE $5 90\n$5\n")).empty());
    const Invocation v = m1(Architecture::amd64, "DEFINE X !300\nX\n");
    EXPECT_EQ(hex2_reading(as(Release::v1_4, v, {"m1-range-check"}), ByteMode::hex, Architecture::amd64),
              hex2_reading("!300", ByteMode::hex, Architecture::amd64));
}

// An implementation that reads numbers in 64 bits: its answer, by hand.
Outcome wrote(const std::string& output) {
    Outcome o;
    o.end = Outcome::End::exited;
    o.code = 0;
    o.output = output;
    return o;
}

Outcome rejected() {
    Outcome o;
    o.end = Outcome::End::exited;
    o.code = 1;
    return o;
}

TEST(OracleKnownDifferences, NumbersBeyondAnIntAreUndefinedUpstreamWhenWideReadingExplains) {
    std::string why;
    const auto engine = make_engine("fast", &why);
    // 2^32 wraps to 0 (so upstream passes `%4294967296` on as text); read wide it is the number
    // 2^32, whose 32 low bits print as 00000000.
    const Invocation wraps = m1(Architecture::riscv64, "%4294967296\n");
    EXPECT_TRUE(wide_arithmetic_explains(*engine, wraps, wrote("00000000\n"), Comparing::meaning));
    EXPECT_FALSE(wide_arithmetic_explains(*engine, wraps, wrote("01000000\n"), Comparing::meaning));
    // 2^32 + 1 passes `!`'s check wrapped (01); read wide it is out of range: rejected.
    const Invocation checked = m1(Architecture::x86, "!4294967297\n");
    EXPECT_TRUE(wide_arithmetic_explains(*engine, checked, rejected(), Comparing::meaning));
    EXPECT_FALSE(wide_arithmetic_explains(*engine, checked, wrote("01\n"), Comparing::meaning));
    // Where only the low 32 bits count, or nothing overflows, there is nothing to explain.
    EXPECT_FALSE(wide_arithmetic_explains(*engine, m1(Architecture::x86, "%4294967295 $5\n"), wrote("x\n"),
                                          Comparing::meaning));
    EXPECT_FALSE(wide_arithmetic_explains(*engine, m1(Architecture::riscv64, "!4294967297\n"), rejected(),
                                          Comparing::meaning));
}

TEST(OracleKnownDifferences, Hex2DollarSigned) {
    // 1.4.0 checks `$` as signed: 0x8000 = 32768 is out; 0xFFFFFFF0 = -16 is in, written F0 FF.
    const Invocation high = hex2(Architecture::x86, 0x8000, ":a $a\n");
    EXPECT_EQ(differences_in(Release::v1_4, high), std::set<std::string>{"hex2-dollar-signed"});
    EXPECT_EQ(as(Release::v1_4, high, {"hex2-dollar-signed"}), "error");
    const Invocation low = hex2(Architecture::x86, 0xFFFFFFF0u, ":a $a 01\n");
    EXPECT_EQ(as(Release::v1_4, low, {"hex2-dollar-signed"}), std::string("\xF0\xFF\x01", 3));
    const Invocation big = hex2(Architecture::x86, 0xFFFFFFF0u, ":a $a>b :b\n", true);
    EXPECT_EQ(as(Release::v1_4, big, {"hex2-dollar-signed"}), std::string("\xFF\xF0", 2));
    EXPECT_EQ(as(Release::v1_4, hex2(Architecture::x86, 0x1000, ":a $a>nowhere\n"), {"hex2-dollar-signed"}),
              "error");
    EXPECT_TRUE(differences_in(Release::v1_5, high).empty());
    EXPECT_TRUE(differences_in(Release::v1_4, hex2(Architecture::riscv64, 0x8000, ":a $a\n")).empty());
}

}  // namespace
}  // namespace hexproof::oracle
