// Property (DRT): the fast engines give the same result with a second thread as with one.
//
// For every generated hex2 and M1 case (every architecture and byte mode, well formed or not),
// the fast engine forced to split its work between two threads (Threading::background, which
// splits inputs of any size) gives the same bytes, or the same error (kind, file, offset, value,
// subject), as the same engine on one thread. The cut falls wherever the generated case puts
// the byte middle, so across many cases it lands on every kind of place in the text. The two
// runs hash their tables with different keys (keyed_hash.hpp), which must not matter either.
#include "hex2_fast.hpp"
#include "m1_fast.hpp"
#include "property_support.hpp"
#include "test_sinks.hpp"

using namespace hexproof;
using namespace hexproof::property;

// A key for the fast engines' tables: from a seed, or now and then the zero key, with which
// every text has the same hash.
keyed_hash::Key any_key() {
    if (*rc::gen::inRange(0, 8) == 0) return keyed_hash::Key{};
    return keyed_hash::key_from_seed(*rc::gen::arbitrary<std::uint64_t>());
}

// A sink given an output was told its exact size before its first byte; one given an error was
// told nothing.
template <typename Sink>
void assert_size_told(const Sink& sink, bool accepted) {
    RC_LOG() << "size told: " << (sink.expected.size ? std::to_string(*sink.expected.size) : "none") << "\n";
    if (!accepted) {
        RC_ASSERT(!sink.expected.size.has_value());
        return;
    }
    RC_ASSERT(sink.expected.size == std::optional<std::uint64_t>(sink.text.size()));
    RC_ASSERT(!sink.expected.after_writing);
}

// The fast M1 on two threads and on one gives the same bytes or the same error, and into a sink
// on one thread too (having told it the output's size); returns the one-thread result.
Result m1_threads_agree(const program_gen::Case& c) {
    const Result one = m1_fast::assemble(c.m1, c.inputs, Threading::single, any_key());
    assert_same_result(c.inputs, "one thread", one, "two threads",
                       m1_fast::assemble(c.m1, c.inputs, Threading::background, any_key()));
    CollectingSink sink;
    const std::optional<Error> error = m1_fast::assemble_to(c.m1, c.inputs, sink, Threading::single);
    RC_ASSERT(same_result(one, error ? Result(*error) : Result(sink.text)));
    assert_size_told(sink, !error);
    return one;
}

int main() {
    return run_all({
        {"hex2: two threads = one thread",
         [] {
             return rc::check("hex2: two threads = one thread", [] {
                 const program_gen::Case c = *any_case(program_gen::Tool::hex2);
                 assert_same_result(
                     c.inputs, "one thread", hex2_fast::link(c.hex2, c.inputs, Threading::single, any_key()),
                     "two threads", hex2_fast::link(c.hex2, c.inputs, Threading::background, any_key()));
             });
         }},
        {"M1: two threads = one thread",
         [] {
             return rc::check("M1: two threads = one thread",
                              [] { m1_threads_agree(*any_case(program_gen::Tool::m1)); });
         }},
        {"M1 with lines met again: two threads = one thread",
         [] {
             return rc::check("M1 with lines met again: two threads = one thread", [] {
                 const program_gen::Case c = *m1_case_with_lines_again();
                 const Result one = m1_threads_agree(c);
                 // Into a sink that takes positional writes, the two halves are printed at once,
                 // the second where the first one's size (from pass 1's counts) says.
                 PositionalSink sink;
                 const std::optional<Error> error =
                     m1_fast::assemble_to(c.m1, c.inputs, sink, Threading::background);
                 RC_CLASSIFY(sink.positional_writes > 0, "printed in two parts");
                 const Result written = error ? Result(*error) : Result(sink.text);
                 RC_LOG() << "two threads into a sink: " << show_result(written, c.inputs) << "\n";
                 RC_ASSERT(same_result(one, written));
                 RC_ASSERT(!error || sink.text.empty());
                 assert_size_told(sink, !error);
             });
         }},
    });
}
