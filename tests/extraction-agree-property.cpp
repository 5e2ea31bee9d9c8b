// Property (DRT): the reference engine computes what Coq's own extraction of the cores computes.
//
// The reference engine runs Hex2Exec.link and M1Exec.assemble printed to C++ by our printer and
// realised by runtime/reference/coq_runtime.hpp, both trusted (docs/trusted-base.md). Coq's standard OCaml
// extraction of the same cores, with Coq's own binary N and Z (tests/extraction/), shares neither.
// For every generated hex2 and M1 case both give the same bytes, or the same error (kind, file,
// offset, value and subject). The OCaml side is one process, tests/extraction/core_main.exe
// (built by dune; `make test` builds it first), answering cases on a pipe.
//
// usage: extraction-agree-property [PATH/core_main.exe]   (default: the dune build of this tree)
// The number of cases is RapidCheck's max_success (RC_PARAMS); a failing case is shrunk and
// printed, with the seed that reproduces the run (RC_PARAMS="seed=N").
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <optional>
#include <string>

#include "ocaml_agent.hpp"
#include "property_support.hpp"

using namespace hexproof;
using namespace hexproof::property;

namespace {

// The configuration and inputs of a case, for the log of a failing one.
std::string show_case(const program_gen::Case& c) {
    const bool hex2 = c.tool == program_gen::Tool::hex2;
    const Architecture arch = hex2 ? c.hex2.architecture : c.m1.architecture;
    std::string s = std::string(hex2 ? "hex2" : "M1") + " --architecture " +
                    std::string(architecture_name(arch)) +
                    ((hex2 ? c.hex2.big_endian : c.m1.big_endian) ? " --big-endian" : " --little-endian") +
                    " (" + mode_name(hex2 ? c.hex2.byte_mode : c.m1.byte_mode) + " mode)";
    if (hex2) s += " --base-address " + std::to_string(c.hex2.base_address);
    return s + "\n" + show_inputs(c.inputs);
}

// The case being run. The runtime stops the program on a wrong move (reading a value moved
// from), before RapidCheck could print the case: the handler of that abort shows it.
std::string running_case;

extern "C" void show_running_case(int) {
    static const char header[] =
        "extraction-agree-property: the reference engine stopped the program on this case:\n";
    if (write(2, header, sizeof header - 1) < 0 || write(2, running_case.data(), running_case.size()) < 0)
        return;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string agent_path = argc > 1 ? argv[1] : HEXPROOF_CORE_AGENT;
    if (access(agent_path.c_str(), X_OK) != 0) {
        std::fprintf(stderr,
                     "extraction-agree-property: %s is missing: build it with `dune build "
                     "./tests/extraction/core_main.exe` (make test does)\n",
                     agent_path.c_str());
        return 1;
    }
    signal(SIGPIPE, SIG_IGN);            // a child that died shows as a failed write
    signal(SIGABRT, show_running_case);  // abort() then ends the program as usual
    std::string why;
    const auto reference = make_engine("reference", &why);
    if (!reference) {
        std::fprintf(stderr, "extraction-agree-property: the reference engine is not built: %s\n",
                     why.c_str());
        return 1;
    }
    OcamlAgent coq(agent_path);
    const auto agree = [&](const char* name, program_gen::Tool tool) {
        return rc::check(name, [&, tool] {
            const program_gen::Case c = *any_case(tool);
            const bool hex2 = tool == program_gen::Tool::hex2;
            running_case = show_case(c);
            RC_LOG() << running_case.substr(0, running_case.find('\n') + 1);
            const std::optional<AgentAnswer> answer =
                coq.ask(hex2 ? "hex2 " + config_words(c.hex2) : "M1 " + config_words(c.m1), c.inputs);
            const std::optional<Result> expected = answer ? to_result(*answer) : std::nullopt;
            if (!expected) {
                RC_LOG() << show_inputs(c.inputs);
                RC_FAIL(
                    "the OCaml extraction gave no answer that an engine can give (see its message above)");
            }
            assert_same_result(
                c.inputs, "Coq's OCaml extraction", *expected, "reference engine",
                hex2 ? reference->link(c.hex2, c.inputs) : reference->assemble(c.m1, c.inputs));
        });
    };
    return run_all({
        {"hex2: reference engine = Coq's OCaml extraction of Hex2Exec.link",
         [&] {
             return agree("hex2: reference engine = Coq's OCaml extraction of Hex2Exec.link",
                          program_gen::Tool::hex2);
         }},
        {"M1: reference engine = Coq's OCaml extraction of M1Exec.assemble",
         [&] {
             return agree("M1: reference engine = Coq's OCaml extraction of M1Exec.assemble",
                          program_gen::Tool::m1);
         }},
    });
}
