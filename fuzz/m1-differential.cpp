// libFuzzer target (DRT): M1 assembly, fast engine against the reference engine.
// Configuration from the first input bytes (fuzz_support.hpp); aborts with a report when the
// engines disagree. Without the reference engine it checks the fast engine alone.
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hexproof;
    fuzz::FuzzCase c;
    if (!fuzz::decode(data, size, &c, ".M1") || fuzz::m1_padding_too_big(c.inputs)) return 0;
    const Result f = fuzz::fast().assemble(c.m1, c.inputs);
    fuzz::check_shape(f, c.inputs);
    if (const Engine* reference = fuzz::reference_or_note()) {
        const Result r = reference->assemble(c.m1, c.inputs);
        fuzz::check_shape(r, c.inputs);
        fuzz::compare(f, r, c, "M1");
    }
    return 0;
}
