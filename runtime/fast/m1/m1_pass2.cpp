// Pass 2 of the fast M1 (m1_pass2.hpp): the sizing sweep, printing the stream in blocks, the two
// halves at once, and the second lexing when the stream was not kept.
#include "m1_pass2.hpp"

#include <algorithm>
#include <atomic>
#include <new>
#include <string>
#include <utility>

#include "m1_evaluate.hpp"
#include "m1_inputs.hpp"
#include "m1_lexer.hpp"
#include "m1_printer.hpp"
#include "pipeline.hpp"

namespace hexproof::m1_fast {

namespace {

using m1_lexer::Lexer;
using m1_lexer::Token;
using m1_lexer::TokenKind;

class Pass2 {
public:
    Pass2(const std::vector<Input>& inputs, bool two_threads, const keyed_hash::Key& key, const Parts& parts)
        : inputs_(inputs),
          two_threads_(two_threads),
          key_(key),
          first_(*parts.first),
          second_(parts.second ? &*parts.second : nullptr) {}

    // The words a part prints and the bytes of their printed forms, from the counts of its
    // printed texts (which is quicker than reading its stream). Sums that would not fit stop at
    // UINT64_MAX: a padding's printed form can be 2^34 bytes, printed as often as written.
    struct Printed {
        std::uint64_t words = 0;
        std::uint64_t bytes = 0;

        void add(std::uint64_t count, std::uint64_t size) {
            std::uint64_t product;
            if (__builtin_mul_overflow(count, size, &product) ||
                __builtin_add_overflow(bytes, product, &bytes))
                bytes = UINT64_MAX;
            words += count;
        }
    };
    // Pass 2: print_hex. A first sweep sizes the output and finds invalid_other (the first
    // printed token without a value), a second one writes.
    Result to_string() {
        std::size_t total = 0;
        if (auto error = size_output(&total)) return std::move(*error);
        std::string out;
        if (total > out.max_size()) throw std::bad_alloc();
        out.resize(total);
        Printer printer(out.data());
        print(printer, [] {});
        out.resize(printer.finish().size());
        return out;
    }

    // Pass 2 into a sink, a piece of about piece_size bytes at a time, so that the whole output
    // is never held in memory. Every error is found first (the sizing sweep runs when some
    // printed text has no value, to find the first such token: invalid_other), and the sink is
    // told the output's exact size before the first byte.
    std::optional<Error> to_sink(OutputSink& sink) {
        // One sweep over the entries (a large program has hundreds of thousands): the longest
        // printed form, counted as a piece at most (Printer::long_word); whether every printed
        // text has a value; what the first part prints.
        std::size_t widest = 0;
        bool all_valued = true;
        Printed first_part;
        const auto& entries = first_.table.entries;
        for (std::size_t id = define_id + 1; id < entries.size(); ++id) {
            const Entry& e = entries[id];
            if (e.state == Entry::State::value)
                widest = std::max(widest, std::min<std::size_t>(e.size, piece_size));
            else if (e.printed())
                all_valued = false;
            first_part.add(e.count, e.size);
        }
        if (!all_valued) {
            std::size_t total = 0;
            if (auto error = size_output(&total)) return error;
        }
        sink.expect_size(output_size(first_part));
        const bool background = two_threads_;
        const std::size_t room = piece_size + widest + copy_slack + 2;
        if (background && stream_kept() && sink.can_write_at() && print_in_two_parts(sink, room, first_part))
            return std::nullopt;
        pipeline::Writer writer(sink, background);
        Pieces pieces(writer, room);
        Printer printer(pieces);
        print(printer, [&] { printer.hand_on_when_full(); });
        pieces.hand_on(printer.finish());
        writer.wait_all();
        return std::nullopt;
    }

private:
    // Pass 2 in two parts at once, when the sink takes positional writes: this thread prints the
    // first half of the stream, a second thread finds where the second half starts in the output
    // (a sweep of the first half) and prints it there. Each writes its own pieces (a third thread
    // writing for both measured no faster: the writes take turns on the file anyway). False,
    // with nothing written, when no second thread can be had.
    bool print_in_two_parts(OutputSink& sink, std::size_t room, const Printed& first_part) const {
        const auto [first_half, second_half] = halves();
        pipeline::Writer writer(sink, false);
        std::optional<pipeline::Helper> helper;
        try {
            helper.emplace([&, first_half = first_half, second_half = second_half](const std::atomic<bool>&) {
                const Sweep before = second_ ? sweep_first_part(first_part) : sweep(first_half);
                Pieces pieces(writer, room, before.bytes);
                Printer printer(pieces, before.pending);
                print_ids(printer, second_half, [&] { printer.hand_on_when_full(); });
                pieces.hand_on(printer.finish());
            });
        } catch (const std::system_error&) {
            return false;
        }
        Pieces pieces(writer, room);
        Printer printer(pieces);
        print_ids(printer, first_half, [&] { printer.hand_on_when_full(); });
        // The separator the first half owes belongs to the second half's first word: no finish().
        pieces.hand_on(printer.printed());
        helper->wait();
        writer.wait_all();
        return true;
    }

    // A slice of the printed stream: the ids in [from, to) (id boundaries) of a part's stream,
    // and the map from them to the merged table's ids (nullptr: they are those already).
    struct StreamSlice {
        const PrintedStream* stream;
        const std::uint32_t* merged_ids;
        std::size_t from, to;
    };

    bool stream_kept() const { return first_.printed.kept() && (!second_ || second_->printed.kept()); }

    // The whole printed stream (when kept), in order: one slice per part.
    std::vector<StreamSlice> whole_stream() const {
        std::vector<StreamSlice> slices{{&first_.printed, nullptr, 0, first_.printed.size()}};
        if (second_)
            slices.push_back({&second_->printed, second_->merged_ids.data(), 0, second_->printed.size()});
        return slices;
    }

    // The whole printed stream (when kept) in two slices of about the same size.
    std::pair<StreamSlice, StreamSlice> halves() const {
        if (second_) {
            const std::vector<StreamSlice> parts = whole_stream();
            return {parts[0], parts[1]};
        }
        const PrintedStream& stream = first_.printed;
        return {{&stream, nullptr, 0, stream.middle()}, {&stream, nullptr, stream.middle(), stream.size()}};
    }

    // Calls visit(id, newline_after) for each value of the slice, in merged ids, until it
    // returns false.
    template <typename Visit>
    static void replay(const StreamSlice& slice, Visit&& visit) {
        if (slice.merged_ids == nullptr) {
            slice.stream->replay(visit, slice.from, slice.to);
        } else {
            const std::uint32_t* merged = slice.merged_ids;
            slice.stream->replay(
                [&](std::uint32_t id, bool newline_after) { return visit(merged[id], newline_after); },
                slice.from, slice.to);
        }
    }

    // total + n, or SIZE_MAX when that does not fit (paddings can ask for more than there is).
    static void add_saturating(std::size_t& total, std::uint64_t n) {
        if (__builtin_add_overflow(total, n, &total)) total = SIZE_MAX;
    }

    // The sizing sweep: the output size plus slack in *total (SIZE_MAX if it does not fit), or
    // invalid_other.
    std::optional<Error> size_output(std::size_t* total) const {
        const auto& entries = first_.table.entries;
        *total = 1 + copy_slack;
        std::uint64_t printed = 0;
        std::optional<std::uint64_t> invalid;
        if (stream_kept()) {
            for (const StreamSlice& slice : whole_stream()) {
                replay(slice, [&](std::uint32_t id, bool newline_after) {
                    const Entry& e = entries[id];
                    if (id != newline_id && e.state != Entry::State::value) {
                        invalid = printed;
                        return false;
                    }
                    add_saturating(*total, id == newline_id ? 1 : e.size + 1);
                    ++printed;
                    if (newline_after) {
                        add_saturating(*total, 1);
                        ++printed;
                    }
                    return true;
                });
                if (invalid) return invalid_other_at(*invalid);
            }
            return std::nullopt;
        }
        return relex([&](const Entry* e, std::size_t file, const char* at) {
            if (e == nullptr) {
                add_saturating(*total, 1);
                return std::optional<Error>();
            }
            if (e->state != Entry::State::value) return std::optional<Error>(invalid_other(file, at, *e));
            add_saturating(*total, e->size + 1);
            return std::optional<Error>();
        });
    }

    // The printed tokens of a slice of the kept stream into printer, calling after_each() after
    // each one.
    template <typename AfterEach>
    void print_ids(Printer& printer, const StreamSlice& slice, AfterEach&& after_each) const {
        // The entries of successive ids are scattered (labels), and so are their printed forms.
        // Ids go in blocks through three steps, one block per step at a time, so that what a
        // block reads has a whole block's printing to arrive: decoded (their entries
        // prefetched), then their printed forms prefetched, then printed.
        const Entry* const entries = first_.table.entries.data();
        constexpr std::size_t block = 64;
        Value values[3][block];
        std::size_t sizes[3] = {0, 0, 0};
        std::size_t newest = 0, n = 0;
        const auto prefetch_forms = [&](std::size_t b) {
            for (std::size_t k = 0; k < sizes[b]; ++k) prefetch(entries[values[b][k].id].data);
        };
        const auto print_block = [&](std::size_t b) __attribute__((always_inline)) {
            for (std::size_t k = 0; k < sizes[b]; ++k) {
                const Value v = values[b][k];
                if (v.id == newline_id)
                    printer.newline();
                else
                    printer.word(entries[v.id]);
                if (v.newline_after) printer.newline();
                after_each();
            }
        };
        const auto older = [](std::size_t b, std::size_t by) { return (b + 3 - by) % 3; };
        replay(slice, [&](std::uint32_t id, bool newline_after) {
            prefetch(&entries[id]);
            values[newest][n++] = {id, newline_after};
            if (n == block) {
                sizes[newest] = n;
                prefetch_forms(older(newest, 1));
                print_block(older(newest, 2));
                newest = (newest + 1) % 3;
                n = 0;
            }
            return true;
        });
        sizes[newest] = n;
        prefetch_forms(older(newest, 1));
        print_block(older(newest, 2));
        prefetch_forms(newest);
        print_block(older(newest, 1));
        print_block(newest);
    }

    // What printing a slice of the kept stream with nothing owed before it writes: the number
    // of bytes, and the separator it leaves owing (the Printer's rules, without the copies).
    struct Sweep {
        std::uint64_t bytes = 0;
        char pending = 0;
    };
    Sweep sweep(const StreamSlice& slice) const {
        const auto& entries = first_.table.entries;
        Sweep s;
        replay(slice, [&](std::uint32_t id, bool newline_after) {
            if (id == newline_id) {
                s.pending = '\n';
            } else {
                s.bytes += (s.pending != 0 ? 1 : 0) + entries[id].size;
                s.pending = newline_after ? '\n' : ' ';
            }
            return true;
        });
        return s;
    }

    // The output's exact size, given what the first part prints: every word but the first
    // follows a separator, the first too when the output starts with the newline a DEFINE leaves,
    // and the output ends with a newline (in every accepted stream the last printed token is a
    // newline: each input ends a line, and a DEFINE's name and value are not printed).
    std::uint64_t output_size(Printed printed) const {
        if (second_) {
            const auto& entries = first_.table.entries;
            const auto& counts = second_->merged_counts;
            for (std::size_t k = define_id + 1; k < counts.size(); ++k)
                if (counts[k] != 0) printed.add(counts[k], entries[second_->merged_ids[k]].size);
        }
        std::uint64_t separators = 1;  // the last newline
        if (printed.words > 0) separators += printed.words - (starts_with_define() ? 0 : 1);
        return printed.bytes > UINT64_MAX - separators ? UINT64_MAX : printed.bytes + separators;
    }

    // Whether the stream's first token is DEFINE, which makes the first printed token a newline
    // (the newlines before the first token vanish, so otherwise it is a word).
    bool starts_with_define() const {
        Token tokens[16];
        for (const Input& input : inputs_) {
            Lexer lexer(input.view());
            while (const std::size_t n = lexer.next(tokens, 16))
                for (std::size_t i = 0; i < n; ++i)
                    if (tokens[i].kind != TokenKind::newline) return tokens[i].text() == "DEFINE";
        }
        return false;
    }

    // sweep() of the first part's whole stream, from what it prints: every word is preceded by
    // a separator but the first one if the stream starts with it, and the stream leaves owed
    // what its last token leaves.
    Sweep sweep_first_part(const Printed& printed) const {
        const PrintedStream& stream = first_.printed;
        Sweep s;
        s.bytes = printed.bytes;
        if (printed.words > 0) s.bytes += printed.words - (stream.starts_with_newline() ? 0 : 1);
        if (!stream.empty()) s.pending = stream.ends_with_newline() ? '\n' : ' ';
        return s;
    }

    // Every printed token into printer, calling after_each() after each one.
    template <typename AfterEach>
    void print(Printer& printer, AfterEach&& after_each) const {
        if (stream_kept()) {
            for (const StreamSlice& slice : whole_stream()) print_ids(printer, slice, after_each);
        } else {
            relex([&](const Entry* e, std::size_t, const char*) {
                if (e == nullptr)
                    printer.newline();
                else
                    printer.word(*e);
                after_each();
                return std::optional<Error>();
            });
        }
    }

    Error invalid_other(std::size_t file, const char* at, const Entry& e) const {
        Error error = located_error(ErrorKind::invalid_other, file, offset_in(inputs_[file], at));
        error.subject = std::string(e.view());
        return error;
    }

    // The printed token number k (0-based, newlines included) is invalid_other: find where it is.
    Error invalid_other_at(std::uint64_t k) const {
        std::uint64_t printed = 0;
        return *relex([&](const Entry* e, std::size_t file, const char* at) {
            if (printed++ == k && e != nullptr) return std::optional<Error>(invalid_other(file, at, *e));
            return std::optional<Error>();
        });
    }

    // Pass 1's walk once more, without its checks (they passed): visit(entry, file, at) for each
    // printed token, entry nullptr for a newline; stops at the first error visit returns. Entries
    // now hold printed forms, not texts, so the ids are found again by interning every text into
    // a fresh table in the same order as pass 1, which gives every text the same id.
    template <typename Visit>
    std::optional<Error> relex(Visit&& visit) const {
        TokenStream stream;
        TextTable ids(key_);
        Token tokens[batch_size];
        for (std::size_t f = 0; f < inputs_.size(); ++f) {
            const std::string_view bytes = inputs_[f].view();
            const char* limit = bytes.data() + bytes.size();
            Lexer lexer(bytes);
            std::optional<Error> error;
            const auto newline = [&](const char* at) {
                if (stream.keep_newline() && stream.role(false) == Role::print) error = visit(nullptr, f, at);
            };
            while (const std::size_t n = lexer.next(tokens, batch_size)) {
                for (std::size_t i = 0; i < n; ++i) {
                    const Token& t = tokens[i];
                    if (t.kind == TokenKind::newline) {
                        newline(t.begin);
                    } else {
                        const std::uint32_t id =
                            ids.intern(t.begin, static_cast<std::size_t>(t.end - t.begin), limit);
                        stream.keep_text();
                        const Role role = stream.role(id == define_id);
                        if (role == Role::define)
                            error = visit(nullptr, f, t.begin);
                        else if (role == Role::print)
                            error = visit(&first_.table.entries[id], f, t.begin);
                    }
                    if (error) return error;
                }
            }
            newline(limit);
            if (error) return error;
        }
        return std::nullopt;
    }

    const std::vector<Input>& inputs_;
    const bool two_threads_;
    const keyed_hash::Key& key_;
    const Part& first_;   // pass 1's texts (merged), and the printed stream of the first stretch
    const Part* second_;  // when two threads made pass 1: the second stretch's printed stream
};

}  // namespace

Result print_whole(const std::vector<Input>& inputs, bool two_threads, const keyed_hash::Key& key,
                   const Parts& parts) {
    return Pass2(inputs, two_threads, key, parts).to_string();
}

std::optional<Error> print_to(const std::vector<Input>& inputs, bool two_threads, const keyed_hash::Key& key,
                              const Parts& parts, OutputSink& sink) {
    return Pass2(inputs, two_threads, key, parts).to_sink(sink);
}

}  // namespace hexproof::m1_fast
