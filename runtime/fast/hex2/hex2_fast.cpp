// The fast hex2 engine: one pass over the lexer's tokens, then the references.
//
// The pass (LinkPass) walks every input in order, computing the address `ip` of every byte,
// storing each label's address (a later definition replaces an earlier one), writing data bytes
// and `<` padding at their final places in the output, and recording each reference as a small
// fix-up (its name's offset and its output position; Fixup). A lexical error stops it. Then the
// Resolver walks the fix-ups in input order, with every label known: it writes the reference
// fields and stops at the first resolution error, which is the first in input order, as upstream's
// second pass finds it (docs/contract.md, precedence). Upstream's two passes, and this engine's
// first version, read the input twice; this reads it once.
//
// RISC-V: the shift register is XORed into data bytes only, and its contents are linear in what is
// XORed into it. The pass applies the part it knows (`.` words) as it writes; the Resolver applies
// the part the word references make, over the same data bytes in the same order, skipping the
// fields and padding (padding is recorded as a fix-up in word mode for that).
//
// All address arithmetic is the C `int` arithmetic of upstream: 32 bits, wrapping, shifts
// arithmetic. It is done on std::uint32_t and read as std::int32_t where a sign matters; the
// displacements, ranges, padding and RISC-V fields are encoding.hpp's, named after Hex2Encode.v.
//
// Large inputs are read in two stretches at once (split.hpp): a second thread reads from a line
// start near the middle into a Part of its own (its own bytes, labels and fix-ups), as if its
// output began at an address that is a multiple of 4. That holds the result whenever, where the first stretch
// ends, no byte digit is pending, no `^` waits, the shift register is empty, and (if the second
// stretch met a `<`) the address is indeed a multiple of 4. Then its bytes follow the first
// stretch's, its names' addresses win over the first stretch's (they come later;
// resolve_second_part, hex2_labels.hpp), and the two threads resolve the fix-ups of both stretches a run at a
// time, each taking the next run when done with one; what each run leaves in the shift register is carried
// past the fields after it afterwards (Resolver::carry_past). Otherwise the first thread reads on itself.
#include "hex2_fast.hpp"

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "encoding.hpp"
#include "hex2_labels.hpp"
#include "hex2_lexer.hpp"
#include "hex2_link_pass.hpp"
#include "hex2_resolver.hpp"
#include "keyed_hash.hpp"
#include "pipeline.hpp"
#include "split.hpp"

namespace hexproof::hex2_fast {

namespace {

using split::Place;

// The end of one input's fix-ups in a part's list (they start where the previous segment ends).
struct Segment {
    std::size_t file = 0;
    std::size_t fixups_end = 0;
};

// What one thread makes of a stretch of the inputs: the bytes it writes, the labels it defines and its
// fix-ups, by input.
template <typename Off>
class Part {
public:
    Part(const Hex2Config& config, std::uint32_t base, std::size_t capacity, const keyed_hash::Key& key,
         const std::atomic<bool>* stop)
        : options_{config.byte_mode, encoding::word_arch(config.architecture)},
          labels(key, capacity / 2),
          out(capacity),
          pass(config, base, labels, out, fixups, stop) {}
    Part(const Part&) = delete;
    Part& operator=(const Part&) = delete;

    // Reads the inputs from `from` to `to`. `resume` when this part read up to `from`: an input
    // it had started is read on, not started again. Sets word_cut when the input at `to` is cut
    // inside a `.` word.
    std::optional<Error> read(const std::vector<Input>& inputs, Place from, Place to, bool resume) {
        for (std::size_t f = from.file; f < to.file || (f == to.file && to.offset != 0); ++f) {
            const std::string_view view = inputs[f].view();
            const std::size_t begin = f == from.file ? from.offset : 0;
            const std::size_t end = f == to.file ? to.offset : view.size();
            if (!(resume && f == from.file && from.offset != 0)) pass.start_file(view);
            if (const auto e = hex2_lexer::lex(view.substr(begin, end - begin), options_, pass)) {
                word_cut = e->kind == ErrorKind::unterminated_word && end != view.size();
                Error error;
                error.kind = e->kind;
                error.file = f;
                error.offset = begin + e->offset;
                return error;
            }
            segments.push_back({f, fixups.size()});
        }
        return std::nullopt;
    }

private:
    hex2_lexer::Options options_;

public:
    LabelMap labels;
    Output out;
    Chunked<Fixup<Off>> fixups;
    std::vector<Segment> segments;
    LinkPass<Off> pass;  // last: it writes into the members above
    bool word_cut = false;
};

// Where the second thread starts: a line start near the middle. Where `<` pads, the line after a
// line that starts with `<`, if one comes soon: the first stretch then ends at an address that is
// a multiple of 4, as the second thread assumes.
std::optional<Place> cut_place(const Hex2Config& config, const std::vector<Input>& inputs,
                               std::size_t total) {
    const std::optional<Place> middle = split::middle_line_start(inputs, total);
    if (!middle || !encoding::pads(config.architecture) || middle->offset == 0) return middle;
    constexpr std::size_t window = std::size_t{1} << 20;
    const std::string_view bytes = inputs[middle->file].view();
    const std::size_t newline = middle->offset - 1;
    const std::size_t align = bytes.substr(newline, window).find("\n<");
    if (align == std::string_view::npos) return middle;
    const std::size_t end_of_line = bytes.find('\n', newline + align + 2);
    if (end_of_line == std::string_view::npos || end_of_line + 1 == bytes.size()) return middle;
    return Place{middle->file, end_of_line + 1};
}

// Fix-ups `from` to `to` of a part's list, whose output positions are `shift` short (a later
// stretch's).
template <typename Off>
struct FixupRun {
    const Part<Off>* part;
    std::size_t from, to, shift;
};

// Calls visit(file, first, last) for each input's fix-ups within `run`, in order, until it
// returns false; false then.
template <typename Off, typename Visit>
bool each_segment(const FixupRun<Off>& run, Visit&& visit) {
    std::size_t begin = 0;
    for (const Segment& s : run.part->segments) {
        const std::size_t first = begin > run.from ? begin : run.from;
        const std::size_t last = s.fixups_end < run.to ? s.fixups_end : run.to;
        if (first < last && !visit(s.file, first, last)) return false;
        begin = s.fixups_end;
    }
    return true;
}

// Resolves the fix-ups of `runs`, in order.
template <typename Off>
std::optional<Error> resolve_runs(Resolver<Off>& resolver, const std::vector<Input>& inputs,
                                  const std::vector<FixupRun<Off>>& runs) {
    for (const FixupRun<Off>& run : runs)
        if (!each_segment(run, [&](std::size_t file, std::size_t first, std::size_t last) {
                return resolver.resolve(file, inputs[file].view(), run.part->fixups, first, last, run.shift,
                                        run.part->labels.values().data());
            }))
            return std::move(*resolver.error());
    return std::nullopt;
}

// The fix-ups are resolved in runs of this many (pipeline::items_per_run) when two threads share
// the work: each takes the next run when done with one, so that both stay busy to the end
// (references cost more where names are long, and a thread may be held up by the machine).
constexpr std::size_t fewest_fixups_per_run = 16, most_fixups_per_run = std::size_t{1} << 13;
constexpr std::size_t fewest_names_per_run = 64, most_names_per_run = std::size_t{1} << 13;

// The runs of fix-ups `from` to `to` of the two parts' lists one after the other (first's, then
// second's, whose output positions are `second_shift` short).
template <typename Off>
std::vector<FixupRun<Off>> runs_between(const Part<Off>& first, const Part<Off>& second,
                                        std::size_t second_shift, std::size_t from, std::size_t to) {
    std::vector<FixupRun<Off>> runs;
    const std::size_t n1 = first.fixups.size();
    if (from < n1) runs.push_back({&first, from, to < n1 ? to : n1, 0});
    if (to > n1) runs.push_back({&second, from > n1 ? from - n1 : 0, to - n1, second_shift});
    return runs;
}

// The output: `first`'s bytes, then `second`'s if there is one, all references resolved (when
// there are two parts, by two threads taking runs of fix-ups in turn).
template <typename Off>
Result resolve_and_take(const Hex2Config& config, const std::vector<Input>& inputs, Part<Off>& first,
                        Part<Off>* second) {
    const std::size_t first_size = first.pass.written();
    std::size_t size = first_size;
    if (second != nullptr) {
        const std::size_t n = second->pass.written();
        first.out.append_moving(first_size, second->out, n);
        size += n;
    }
    unsigned char* const out = first.out.at(0);
    if (second == nullptr) {
        Resolver<Off> resolver(config, out, size);
        if (std::optional<Error> e = resolve_runs(resolver, inputs, {{&first, 0, first.fixups.size(), 0}}))
            return std::move(*e);
        resolver.finish();
        return first.out.take(size);
    }
    // The names' values first (the second stretch's were read from address 0), by the two
    // threads taking runs of the second stretch's names in turn.
    {
        const std::uint32_t shift = config.base_address + static_cast<std::uint32_t>(first_size);
        const std::size_t names = second->labels.size();
        const std::size_t per_run = pipeline::items_per_run(names, fewest_names_per_run, most_names_per_run);
        pipeline::runs_in_turn((names + per_run - 1) / per_run, [&](std::size_t k, int) {
            resolve_second_part(first.labels, second->labels, shift, k * per_run,
                                std::min(names, (k + 1) * per_run));
            return true;
        });
    }
    // Each run is resolved from an empty shift register; what each leaves in it is carried past
    // the fix-ups after it afterwards, in order (it is linear in what the references XOR in).
    // The first error in input order is the one in the first run that has one: every run before
    // it is resolved.
    const std::size_t total = first.fixups.size() + second->fixups.size();
    const std::size_t per_run = pipeline::items_per_run(total, fewest_fixups_per_run, most_fixups_per_run);
    const std::size_t count = (total + per_run - 1) / per_run;
    const auto run = [&](std::size_t k) {
        return runs_between(first, *second, first_size, k * per_run, std::min(total, (k + 1) * per_run));
    };
    std::vector<std::optional<Error>> errors(count);
    std::vector<typename Resolver<Off>::Carry> carries(count);
    const std::size_t failed = pipeline::runs_in_turn(count, [&](std::size_t k, int) {
        Resolver<Off> resolver(config, out, size);
        if ((errors[k] = resolve_runs(resolver, inputs, run(k)))) return false;
        carries[k] = resolver.carry();
        return true;
    });
    if (failed < count) return std::move(*errors[failed]);
    Resolver<Off> carrier(config, out, size);
    for (std::size_t k = 0; k < count; ++k) {
        if (carries[k].shift == 0) continue;
        carrier.take_carry(carries[k]);
        for (std::size_t later = k + 1; later < count && carrier.carry().shift != 0; ++later)
            for (const FixupRun<Off>& r : run(later))
                each_segment(r, [&](std::size_t file, std::size_t first_fixup, std::size_t last_fixup) {
                    carrier.carry_past(inputs[file].view(), r.part->fixups, first_fixup, last_fixup, r.shift);
                    return true;
                });
        carrier.finish();
    }
    return first.out.take(size);
}

// Every input byte makes at most four output bytes (`%` then the end of the file), and data
// takes at least two bytes of text per byte; twice the input covers real programs. Pages the
// output never reaches are never touched.
std::size_t output_capacity(std::size_t input_bytes) { return 2 * input_bytes + 64; }

// The result read in two stretches, the second from `cut` on a thread of its own; nullopt when
// one thread must read it all again (the first stretch ends inside a `.` word, or with a byte
// digit pending, which the lexer of the second stretch would count differently).
template <typename Off>
std::optional<Result> link_in_two_stretches(const Hex2Config& config, const std::vector<Input>& inputs,
                                            std::size_t total, Place cut, const keyed_hash::Key& key) {
    const Place end{inputs.size(), 0};
    const std::size_t first_bytes = split::bytes_before(inputs, cut);
    std::optional<Part<Off>> second;
    std::optional<Error> second_error;
    std::optional<pipeline::Helper> helper;
    try {
        helper.emplace([&](const std::atomic<bool>& stop) {
            second.emplace(config, 0u, output_capacity(total - first_bytes), key, &stop);
            second_error = second->read(inputs, cut, end, false);
        });
    } catch (const std::system_error&) {  // no second thread: the first reads on
    }
    Part<Off> first(config, config.base_address, output_capacity(total), key, nullptr);
    if (std::optional<Error> e = first.read(inputs, Place{}, cut, false)) {
        if (first.word_cut) return std::nullopt;
        return Result(std::move(*e));
    }
    if (cut.offset != 0 && first.pass.holds_digits()) return std::nullopt;  // a new input starts afresh
    bool take_second = helper.has_value() && !first.pass.carries_state();
    if (take_second) {
        helper->wait();
        take_second = !second->pass.padded() || (first.pass.ip() & 3u) == 0;
    }
    if (!take_second) {
        helper.reset();
        if (std::optional<Error> e = first.read(inputs, cut, end, true)) return Result(std::move(*e));
        return resolve_and_take<Off>(config, inputs, first, nullptr);
    }
    if (second_error) return Result(std::move(*second_error));
    return resolve_and_take<Off>(config, inputs, first, &*second);
}

template <typename Off>
Result link_with(const Hex2Config& config, const std::vector<Input>& inputs, std::size_t total,
                 Threading threading, const keyed_hash::Key& key) {
    if (split::uses_second_thread(threading, total))
        if (const std::optional<Place> cut = cut_place(config, inputs, total))
            if (std::optional<Result> result = link_in_two_stretches<Off>(config, inputs, total, *cut, key))
                return std::move(*result);
    Part<Off> all(config, config.base_address, output_capacity(total), key, nullptr);
    if (std::optional<Error> e = all.read(inputs, Place{}, Place{inputs.size(), 0}, false))
        return std::move(*e);
    return resolve_and_take<Off>(config, inputs, all, nullptr);
}

}  // namespace

Result link(const Hex2Config& config, const std::vector<Input>& inputs, Threading threading,
            const keyed_hash::Key& key) {
    const std::size_t total = split::total_size(inputs);
    // 32-bit offsets while four times the input fits with room to spare.
    if (total < (std::size_t{1} << 29))
        return link_with<std::uint32_t>(config, inputs, total, threading, key);
    return link_with<std::uint64_t>(config, inputs, total, threading, key);
}

}  // namespace hexproof::hex2_fast