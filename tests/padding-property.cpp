// Property (PBT): the fast M1 finds every error before it makes a byte of a `<N` padding, and a
// padding it writes into a sink a piece at a time is the one it would hold whole.
//
// Any generated M1 case gets a padding line at the start of one of its inputs (where a token
// starts, so nothing else is read differently):
//  - when the case with a 1-byte padding (`<0000000001`, octal 1) is rejected, the same case with
//    a padding of 2^31 - 1 bytes (`<2147483647`, as long) is rejected with the same error, and
//    the sink is given nothing and told no size (the padding is never made: were it made, the
//    run would take gigabytes);
//  - when it is accepted, the case with a padding of 2^20 bytes (`<0x100000`, eight pieces of
//    hex digits) gives a sink the same bytes as the whole output, after telling it their number.
// Only the fast engine: the reference engine's padding is a list of zeros (until its output is
// run-length), which makes the first half cost gigabytes there.
#include "m1_fast.hpp"
#include "property_support.hpp"
#include "test_sinks.hpp"

using namespace hexproof;
using namespace hexproof::property;

namespace {

// Counts what it is given (a padding of gigabytes is not kept).
class CountingSink final : public OutputSink {
public:
    void write(std::string_view bytes) override { written += bytes.size(); }
    void expect_size(std::uint64_t size) override { expected = size; }
    std::uint64_t written = 0;
    std::optional<std::uint64_t> expected;
};

// The inputs with `line` and a newline put before the bytes of input k.
std::vector<Input> with_first_line(std::vector<Input> inputs, std::size_t k, const std::string& line) {
    inputs[k].bytes = line + "\n" + inputs[k].bytes;
    return inputs;
}

}  // namespace

int main() {
    return run_all({
        {"M1: errors come before any padding, and a streamed padding is the padding",
         [] {
             return rc::check(
                 "M1: errors come before any padding, and a streamed padding is the padding", [] {
                     const program_gen::Case c = *any_case(program_gen::Tool::m1);
                     const auto k = *rc::gen::inRange<std::size_t>(0, c.inputs.size());
                     const auto small = with_first_line(c.inputs, k, "<0000000001");
                     const Result one_byte = m1_fast::assemble(c.m1, small);
                     RC_LOG() << show_inputs(small) << "with one byte: " << show_result(one_byte, small)
                              << "\n";
                     RC_CLASSIFY(is_ok(one_byte), "accepted");
                     if (const Error* error = std::get_if<Error>(&one_byte)) {
                         CountingSink sink;
                         const std::optional<Error> huge =
                             m1_fast::assemble_to(c.m1, with_first_line(c.inputs, k, "<2147483647"), sink);
                         RC_ASSERT(huge == std::optional<Error>(*error));
                         RC_ASSERT(sink.written == 0u);
                         RC_ASSERT(!sink.expected.has_value());
                         return;
                     }
                     const auto big = with_first_line(c.inputs, k, "<0x100000");
                     const Result whole = m1_fast::assemble(c.m1, big);
                     CollectingSink sink;
                     const std::optional<Error> error = m1_fast::assemble_to(c.m1, big, sink);
                     RC_ASSERT(!error.has_value());
                     RC_ASSERT(is_ok(whole));
                     RC_ASSERT(sink.text == std::get<std::string>(whole));
                     RC_ASSERT(sink.expected.size == std::optional<std::uint64_t>(sink.text.size()));
                 });
         }},
    });
}
