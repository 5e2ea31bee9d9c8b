// The fast M1 engine: two scans over the inputs, one table of distinct texts, one output buffer.
//
// Upstream (mescc-tools 1.7.0 M1-macro.c) builds a token list and a list of "blobs", one per
// distinct text, then runs its stages over them: line_macro (DEFINE), process_string,
// eval_immediates, preserve_other, print_hex. Here the token list is never built:
//   pass 1 (m1_pass1.cpp) lexes every input, rebuilds upstream's token stream on the fly
//          (TokenStream, m1_evaluate.hpp), interns each text (its id is its rank of first
//          occurrence; m1_text_table.hpp), records DEFINE bindings and keeps the printed tokens
//          as a compact stream of ids (m1_printed_stream.hpp); a short line met again is not
//          lexed again: its tokens and ids come from RecentLines (m1_recent_lines.hpp);
//   evaluation (here) gives each distinct text its printed form, once, in upstream's stage
//          order (m1_evaluate.hpp says what each text means);
//   pass 2 (m1_pass2.cpp) replays the id stream (or, for inputs whose stream would be too big,
//          lexes the inputs again) to write the output (m1_printer.hpp); a sizing sweep first
//          finds invalid_other, and sizes the output when it is one string (a sink needs no
//          sweep unless some printed text has no value: it is told the exact size from pass 1's
//          counts). A `<N` padding's zeros are never held: they are written where they are
//          printed, a piece at a time, so every error is found before the first of them, and
//          the memory they take is one piece.
// On large inputs each step is shared by two threads: pass 1 reads two stretches of the inputs,
// cut where half of its work lies, into two tables that are merged (Parts, merge_second_part),
// evaluation takes runs of ids in turn (pipeline::runs_in_turn),
// pass 2 prints the two halves of the stream at once. Ids, results and errors are those of one
// thread (read_texts says how pass 1 makes sure).
// Memory beyond the inputs and the output: 24 bytes per distinct text, 11 to 22 bytes of hash
// slots per distinct text, the computed printed forms, the id stream (at most a quarter of the
// input size) and the recent lines of each thread (up to 1 MiB, less for short inputs); into a
// sink, two output buffers of at most 512 KiB each. Errors are values, chosen by the precedence
// of docs/contract.md.
#include "m1_fast.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "encoding.hpp"
#include "m1_evaluate.hpp"
#include "m1_inputs.hpp"
#include "m1_pass1.hpp"
#include "m1_pass2.hpp"
#include "m1_text_table.hpp"
#include "pipeline.hpp"
#include "split.hpp"

namespace hexproof::m1_fast {

namespace {

// A padding's printed form when it is short (Printer::word copies copy_slack bytes).
constexpr char zero_digits[copy_slack + 1] = "0000000000000000";
static_assert(sizeof zero_digits - 1 == copy_slack, "copy_slack zero digits");

// Printed forms computed by evaluation, and the entries they belong to (remembered as offsets
// until the bytes stop moving).
struct Arena {
    std::string bytes;
    std::vector<std::pair<std::uint32_t, std::size_t>> entries;  // (id, start of its printed form)
};

// The engine: pass 1, every distinct text evaluated once, pass 2.
class Assembler {
public:
    Assembler(const M1Config& config, const std::vector<Input>& inputs, Threading threading,
              const keyed_hash::Key& key)
        : config_(config),
          inputs_(inputs),
          two_threads_(split::uses_second_thread(threading, split::total_size(inputs))),
          key_(key),
          by_address_(inputs) {}

    Result run() {
        if (auto error = read_texts(config_, inputs_, two_threads_, key_, parts_)) return std::move(*error);
        if (auto error = evaluate()) return std::move(*error);
        return print_whole(inputs_, two_threads_, key_, parts_);
    }

    std::optional<Error> run_to(OutputSink& sink) {
        if (auto error = read_texts(config_, inputs_, two_threads_, key_, parts_)) return error;
        if (auto error = evaluate()) return error;
        return print_to(inputs_, two_threads_, key_, parts_, sink);
    }

private:
    // A printed form that is a piece of an input: used in place when copy_slack bytes can be
    // read from its start, else copied to the arena (so are the static texts of ids 0 and 1).
    void use_text(Entry& e, std::string_view value, Arena& arena) const {
        const std::size_t f = by_address_.file_of(value.data());
        if (f != no_file && static_cast<std::size_t>(inputs_[f].view().data() + inputs_[f].view().size() -
                                                     value.data()) >= copy_slack) {
            e.data = value.data();
            e.size = value.size();
            e.state = Entry::State::value;
        } else {
            const std::size_t start = arena.bytes.size();
            arena.bytes.append(value);
            in_arena(e, start, arena);
        }
    }

    // The printed form is arena.bytes[start, end): remembered as an offset until the arena is
    // final.
    void in_arena(Entry& e, std::size_t start, Arena& arena) const {
        e.data = nullptr;
        e.size = arena.bytes.size() - start;
        arena.entries.emplace_back(static_cast<std::uint32_t>(&e - parts_.first->table.entries.data()),
                                   start);
        e.state = Entry::State::value;
    }

    // Every distinct text once, in id order (= order of first occurrence, so the first error
    // met is the one the contract reports): strings (overriding DEFINE), DEFINE bindings, then
    // immediates, pass-through and padding. Bound names take their value's text, read before
    // any entry is overwritten by its printed form. Large inputs' texts are evaluated by two
    // threads taking runs of ids in turn, each into an arena of its own; the first run's error
    // comes first.
    std::optional<Error> evaluate() {
        auto& entries = parts_.first->table.entries;
        std::vector<std::pair<std::uint32_t, std::string_view>> bindings;
        for (std::size_t id = define_id + 1; id < entries.size(); ++id) {
            const Entry& e = entries[id];
            if (e.bound == no_id || is_string(e.view())) continue;
            bindings.emplace_back(static_cast<std::uint32_t>(id), value_text(entries[e.bound].view()));
        }
        entries[newline_id].state = Entry::State::no_value;
        entries[define_id].state = Entry::State::no_value;
        if (two_threads_) {
            // Runs of ids taken in turn by two threads, each into its own arena; the first error
            // is the one in the first run that has one (every run before it is done).
            const std::size_t first = define_id + 1;
            const std::size_t per_run =
                pipeline::items_per_run(entries.size() - first, 16, std::size_t{1} << 14);
            const std::size_t count = (entries.size() - first + per_run - 1) / per_run;
            std::vector<std::optional<Error>> errors(count);
            const std::size_t failed = pipeline::runs_in_turn(count, [&](std::size_t k, int thread) {
                const std::size_t from = first + k * per_run;
                errors[k] = evaluate_range(from, std::min(entries.size(), from + per_run), arenas_[thread]);
                return !errors[k];
            });
            if (failed < count) return std::move(errors[failed]);
        } else if (auto error = evaluate_range(define_id + 1, entries.size(), arenas_[0])) {
            return error;
        }
        for (const auto& [id, value] : bindings) use_text(entries[id], value, arenas_[0]);
        for (Arena& arena : arenas_) {
            arena.bytes.append(copy_slack, '\0');
            for (const auto& [id, start] : arena.entries) entries[id].data = arena.bytes.data() + start;
            std::vector<std::pair<std::uint32_t, std::size_t>>().swap(arena.entries);
        }
        return std::nullopt;
    }

    // evaluate() for the ids in [from, to), into arena; stops at the first error.
    std::optional<Error> evaluate_range(std::size_t from, std::size_t to, Arena& arena) {
        auto& entries = parts_.first->table.entries;
        // Room for the printed forms of a typical program (an eighth of the input), so the arena
        // rarely moves; the pages never written are never touched.
        arena.bytes.reserve(split::total_size(inputs_) / 8 + 4096);
        // The texts lie in input order but far apart: each is prefetched some entries ahead.
        constexpr std::size_t text_ahead = 16;
        for (std::size_t id = from; id < to; ++id) {
            if (id + text_ahead < to && !entries[id + text_ahead].as_is)
                prefetch(entries[id + text_ahead].data);
            Entry& e = entries[id];
            if (e.as_is && e.bound == no_id && e.wide) {
                e.state = Entry::State::value;  // in place, readable far enough; its text need not be read
                continue;
            }
            const std::string_view text = e.view();
            const std::size_t start = arena.bytes.size();
            // string_value: a double-quoted string's body hexified, a single-quoted one's as it is.
            if (text[0] == '"') {
                hexify(arena.bytes, text.substr(1), config_);
                in_arena(e, start, arena);
            } else if (text[0] == '\'') {
                use_text(e, text.substr(1), arena);
            } else if (e.bound != no_id) {
                continue;  // set from evaluate()'s bindings
            } else {
                const Evaluation result = immediate_or_other(arena.bytes, text, config_);
                if (result.outcome == Outcome::none) {
                    e.state = Entry::State::no_value;
                } else if (result.outcome == Outcome::padding) {
                    e.state = Entry::State::value;
                    e.padding = true;
                    e.data = zero_digits;  // what Printer::word copies of a short one
                    e.size = static_cast<std::uint64_t>(result.number) *
                             static_cast<std::uint64_t>(encoding::digits_per_byte(config_.byte_mode));
                } else if (result.outcome == Outcome::unchanged) {
                    if (e.wide)
                        e.state = Entry::State::value;  // already in place, readable far enough
                    else
                        use_text(e, text, arena);
                } else if (result.outcome != Outcome::value) {
                    const std::size_t file = by_address_.file_of(e.data);
                    Error error = located_error(result.outcome == Outcome::out_of_range
                                                    ? ErrorKind::immediate_out_of_range
                                                    : ErrorKind::negative_padding,
                                                file, offset_in(inputs_[file], e.data));
                    error.value = result.number;
                    error.subject = std::string(text);
                    return error;
                } else if (arena.bytes.size() == start + text.size() &&
                           arena.bytes.compare(start, text.size(), text) == 0) {
                    arena.bytes.resize(start);  // passed through unchanged: print the input's bytes
                    use_text(e, text, arena);
                } else {
                    in_arena(e, start, arena);
                }
            }
        }
        return std::nullopt;
    }

    const M1Config& config_;
    const std::vector<Input>& inputs_;
    const bool two_threads_;     // each step shared by two threads
    const keyed_hash::Key key_;  // the texts' hashes (keyed_hash.hpp); the results never depend on it
    const InputsByAddress by_address_;
    Parts parts_;      // pass 1's texts, evaluated in place, and its printed streams
    Arena arenas_[2];  // evaluation's printed forms, one arena per thread
};

}  // namespace

Result assemble(const M1Config& config, const std::vector<Input>& inputs, Threading threading,
                const keyed_hash::Key& key) {
    return Assembler(config, inputs, threading, key).run();
}

std::optional<Error> assemble_to(const M1Config& config, const std::vector<Input>& inputs, OutputSink& sink,
                                 Threading threading, const keyed_hash::Key& key) {
    return Assembler(config, inputs, threading, key).run_to(sink);
}

}  // namespace hexproof::m1_fast
