// Property (DRT): the fast engine computes the same function as the reference engine.
//
// For every generated hex2 and M1 case (every architecture and byte mode, well formed or not,
// quirks and upstream-undefined inputs included: docs/contract.md defines those too), both
// engines give the same bytes, or the same error (kind, file, offset; value and subject too).
// When the reference engine is not built the test says so and exits 77, which ctest reports as
// skipped: it never passes without having compared anything.
#include "property_support.hpp"

using namespace hexproof;
using namespace hexproof::property;

int main() {
    std::string why;
    const auto fast = make_engine("fast", &why);
    const auto reference = make_engine("reference", &why);
    if (!reference) {
        std::printf("SKIPPED: fast = reference needs the reference engine, which is not built: %s\n",
                    why.c_str());
        return 77;
    }
    // Both engines on M1 cases drawn from `cases`: the same bytes or the same error.
    const auto m1_agree = [&](const char* name, const rc::Gen<program_gen::Case>& cases) {
        return rc::check(name, [&] {
            const program_gen::Case c = *cases;
            assert_same_result(c.inputs, "fast", fast->assemble(c.m1, c.inputs), "reference",
                               reference->assemble(c.m1, c.inputs));
        });
    };
    return run_all({
        {"hex2: fast engine = reference engine",
         [&] {
             return rc::check("hex2: fast engine = reference engine", [&] {
                 const program_gen::Case c = *any_case(program_gen::Tool::hex2);
                 assert_same_result(c.inputs, "fast", fast->link(c.hex2, c.inputs), "reference",
                                    reference->link(c.hex2, c.inputs));
             });
         }},
        {"M1: fast engine = reference engine",
         [&] { return m1_agree("M1: fast engine = reference engine", any_case(program_gen::Tool::m1)); }},
        {"M1 with lines met again: fast engine = reference engine",
         [&] {
             return m1_agree("M1 with lines met again: fast engine = reference engine",
                             m1_case_with_lines_again());
         }},
    });
}
