// Pass 1 of the fast M1 (m1_pass1.hpp): batches of tokens, the caches of recent texts and lines,
// and the merge of a second stretch's table into the first's.
#include "m1_pass1.hpp"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <string>

#include "huge_pages.hpp"
#include "m1_evaluate.hpp"
#include "m1_inputs.hpp"
#include "m1_lexer.hpp"
#include "m1_recent_lines.hpp"
#include "pipeline.hpp"
#include "split.hpp"

namespace hexproof::m1_fast {

namespace {

using m1_lexer::Lexer;
using m1_lexer::Token;
using m1_lexer::TokenKind;
using split::Place;

// A batch of one input's tokens as the lexer gives them, with the hashes of the texts (tokens
// other than newlines) in order.
struct Batch {
    // A short line the lexer read for this batch, to be remembered once its ids are known.
    struct LexedLine {
        RecentLines::ShortLine short_line;
        std::size_t first;  // its first token
    };
    static constexpr std::size_t lines_ahead = 16;  // short lines found (and prefetched) at a time
    static constexpr std::size_t line_room = 8;     // fill_batch reads on only with room for this many tokens

    std::size_t file = 0;
    std::size_t count = 0;
    std::size_t texts = 0;  // tokens other than newlines that RecentTexts did not know
    std::size_t lexed_lines = 0;
    bool has_nul = false;  // some token may hold a NUL byte (the bytes they span hold one)
    Token tokens[batch_size];
    // By token: a text's id when known (RecentTexts, then use()); for a newline event, no_id, or
    // the index of the RecentLines line it stands for (the tokens from begin to end).
    std::uint32_t ids[batch_size];
    std::uint32_t hashes[batch_size];  // the hashes of the texts no cache knew, in order
    LexedLine lines[batch_size];
    RecentLines::ShortLine ahead[2][lines_ahead];  // the short lines being read, and those after them
};

// Pass 1 over a stretch of the inputs: tokenizing errors, the stream, the texts, the DEFINE
// bindings, the printed stream.
class Pass1 {
public:
    // A stretch that starts where a line does, after some text, reads the stream from a state
    // that only a newline after some text leaves (checked by the caller, at_line_start()).
    Pass1(const M1Config& config, const std::vector<Input>& inputs, Part& part, bool starts_a_line = false)
        : config_(config),
          inputs_(inputs),
          part_(part),
          recent_(part.stretch_bytes),
          recent_lines_(part.stretch_bytes) {
        if (starts_a_line) stream_.keep_text(), stream_.keep_newline();
    }

    // The tokens from `from` to `to`, each input's in batches, then the newline the input ends
    // with when the stretch holds its end. Stops at the first error, or when *stop is set. A
    // stretch may end inside an input only after a `\n`: if that `\n` lies in a string, the
    // string's last token is cut there, so it is not used and *cut is set to its start (the
    // stretch really ends there).
    std::optional<Error> lex(Place from, Place to, const std::atomic<bool>* stop = nullptr,
                             const char** cut = nullptr) {
        auto error = lex_batches(from, to, stop, cut);
        recent_lines_.for_each_line([&](RecentLines::Line& line) { give_counts(line); });
        return error;
    }

    // After the last stretch: the errors of the stream as a whole.
    std::optional<Error> finish() const {
        if (!stream_.any()) return located_error(ErrorKind::empty_input, no_file, 0);
        if (stream_.wants_name())
            return located_error(ErrorKind::macro_name_missing, define_file_, define_offset_);
        if (stream_.wants_value())
            return located_error(ErrorKind::macro_value_missing, define_file_, define_offset_);
        return std::nullopt;
    }

    // Whether the stream is in the state a stretch made with starts_a_line begins in.
    bool at_line_start() const {
        return stream_.any() && stream_.after_newline() && !stream_.wants_name() && !stream_.wants_value();
    }

private:
    // lex() but for the counts RecentLines holds.
    std::optional<Error> lex_batches(Place from, Place to, const std::atomic<bool>* stop, const char** cut) {
        Batch batch;
        for (std::size_t f = from.file;
             f < inputs_.size() && (f < to.file || (f == to.file && to.offset > 0)); ++f) {
            const std::string_view bytes = inputs_[f].view();
            const std::size_t begin = f == from.file ? from.offset : 0;
            const bool holds_end = f < to.file;
            const std::size_t end = holds_end ? bytes.size() : to.offset;
            Lexer lexer(bytes.substr(begin, end - begin));
            batch.file = f;
            while (fill_batch(lexer, bytes.data() + end, f, batch)) {
                if (stop != nullptr && stop->load(std::memory_order_relaxed)) return std::nullopt;
                const bool cut_here =
                    !holds_end && batch.tokens[batch.count - 1].kind == TokenKind::unterminated_string;
                if (cut_here) *cut = batch.tokens[--batch.count].begin;
                const std::size_t texts_before = part_.table.entries.size();
                if (auto error = use(batch)) return error;
                remember_lines(batch, texts_before);
                if (cut_here) return std::nullopt;
            }
            if (holds_end && stream_.keep_newline()) take(newline_id, f, bytes.data() + bytes.size());
        }
        return std::nullopt;
    }

    // The next batch of input f's tokens up to `end` (where lexer's bytes end): those of the
    // short lines RecentLines knows with their ids, the others from lexer with the hashes of
    // their texts (whose slots are prefetched at once: the first of use()'s rounds); false at
    // the end.
    bool fill_batch(Lexer& lexer, const char* end, std::size_t f, Batch& batch) {
        const char* limit = inputs_[f].view().data() + inputs_[f].view().size();
        const char* at = lexer.position();
        batch.count = 0;
        batch.lexed_lines = 0;
        std::size_t texts = 0;
        const auto has_room = [&] { return batch.count + Batch::line_room <= batch_size; };
        // The short lines from `at` on (guessing that each starts where the one before ends,
        // which holds unless a string runs on), their lines prefetched, a group at a time; a
        // group is read while the guess holds, once the next one is found (and prefetched), so
        // that a line is looked at a group after its prefetch.
        RecentLines::ShortLine* group = batch.ahead[0];
        RecentLines::ShortLine* next_group = batch.ahead[1];
        std::size_t found = 0;
        while (at < end && has_room()) {
            if (found == 0 || group[0].at != at) found = find_short_lines(at, end, limit, group);
            const RecentLines::ShortLine& last = group[Batch::lines_ahead - 1];
            const std::size_t next_found = found == Batch::lines_ahead
                                               ? find_short_lines(last.at + last.size, end, limit, next_group)
                                               : 0;
            std::size_t k = 0;
            for (; k < found && group[k].at == at && has_room(); ++k) {
                const RecentLines::ShortLine& line = group[k];
                if (recent_lines_.holds(line)) {  // one item: a newline event with the line's index
                    batch.tokens[batch.count] = {at, at + line.size, TokenKind::newline};
                    batch.ids[batch.count++] = line.index;
                    at += line.size;
                    continue;
                }
                batch.lines[batch.lexed_lines++] = {line, batch.count};
                at = lex_until(lexer, at, at + line.size, batch, limit, texts);
            }
            // Not a short line: lex on until a token ends line_bytes or more ahead, and look again.
            if (k == 0 && at < end && has_room())
                at = lex_until(lexer, at,
                               static_cast<std::size_t>(end - at) > RecentLines::line_bytes
                                   ? at + RecentLines::line_bytes
                                   : end,
                               batch, limit, texts);
            std::swap(group, next_group);
            found = k == found ? next_found : 0;
        }
        lexer.skip_to(at);
        batch.texts = texts;
        if (batch.count == 0) return false;
        const char* first = batch.tokens[0].begin;
        batch.has_nul =
            std::memchr(first, 0, static_cast<std::size_t>(batch.tokens[batch.count - 1].end - first)) !=
            nullptr;
        return true;
    }

    // Up to Batch::lines_ahead short lines one after the other from `at`, ending before `end`,
    // into `ahead`, their lines prefetched; returns their number.
    std::size_t find_short_lines(const char* at, const char* end, const char* limit,
                                 RecentLines::ShortLine* ahead) const {
        std::size_t found = 0;
        while (found < Batch::lines_ahead &&
               static_cast<std::size_t>(limit - at) >= RecentLines::line_bytes) {
            const char* newline = RecentLines::short_line_end(at);
            if (newline == nullptr || newline >= end) break;
            ahead[found] = recent_lines_.line_at(at, newline);
            recent_lines_.prefetch_line(ahead[found++]);
            at = newline + 1;
        }
        return found;
    }

    // Lexes from `at` (where the lexer rested) into the batch, until a token ends at or after
    // stop, or the input ends, or the batch is full; returns where the lexer rests then.
    const char* lex_until(Lexer& lexer, const char* at, const char* stop, Batch& batch, const char* limit,
                          std::size_t& texts) const {
        lexer.skip_to(at);
        const std::size_t first = batch.count;
        const std::size_t lexed = lexer.next(batch.tokens + first, batch_size - first, stop);
        batch.count += lexed;
        texts = hash_texts(batch, first, limit, texts);
        return lexer.position();
    }

    // Looks the lexed tokens from `first` on up in RecentTexts, and hashes (and prefetches the
    // slots of) the texts it does not know; returns `texts` plus their number.
    std::size_t hash_texts(Batch& batch, std::size_t first, const char* limit, std::size_t texts) const {
        for (std::size_t i = first; i < batch.count; ++i) {
            const Token& t = batch.tokens[i];
            if (t.kind == TokenKind::newline) {
                batch.ids[i] = no_id;
                continue;
            }
            const auto size = static_cast<std::size_t>(t.end - t.begin);
            ShortText text;
            std::uint32_t hash;
            if (read_short_text(t.begin, size, limit, &text)) {
                batch.ids[i] = recent_.find(text);
                if (batch.ids[i] != no_id) continue;
                hash = hash_short_text(part_.table.key(), text);
            } else {
                batch.ids[i] = no_id;
                hash = hash_text_slow(part_.table.key(), t.begin, size, limit);
            }
            batch.hashes[texts++] = hash;
            part_.table.prefetch_slot(hash);
        }
        return texts;
    }

    // The short lines the batch lexed whose tokens ended with the newline at their end (not cut
    // by the batch's end, no string running on) go to RecentLines, with their ids (use() found
    // no NUL in their texts: nor will it in the same bytes again); but
    // not those with a text new in this batch (texts_before: the texts known before it): such a
    // line (a label, a constant) is seldom met again, and would take the place of one that is.
    void remember_lines(const Batch& batch, std::size_t texts_before) {
        for (std::size_t k = 0; k < batch.lexed_lines; ++k) {
            const Batch::LexedLine& line = batch.lines[k];
            const char* line_end = line.short_line.at + line.short_line.size;
            std::size_t last = line.first;
            bool new_text = false;
            for (; last < batch.count && batch.tokens[last].end < line_end; ++last)
                new_text |= batch.tokens[last].kind != TokenKind::newline && batch.ids[last] >= texts_before;
            if (new_text || last == batch.count || batch.tokens[last].end != line_end ||
                batch.tokens[last].kind != TokenKind::newline)
                continue;
            unsigned char code[RecentLines::code_room + 5];
            const std::size_t code_size = RecentLines::code_of(
                batch.tokens + line.first, batch.ids + line.first, last + 1 - line.first, code);
            if (code_size == RecentLines::no_code) continue;
            give_counts(recent_lines_.line(line.short_line.index));
            recent_lines_.remember(line.short_line, code, code_size);
        }
    }

    // The batch's tokens in order; the ids of its texts go to batch.ids.
    std::optional<Error> use(Batch& batch) {
        const std::size_t f = batch.file;
        const Input& input = inputs_[f];
        const char* limit = input.view().data() + input.view().size();
        // The lookups of a batch miss the caches on large inputs (many distinct labels):
        // prefetch what each lookup will read, in rounds, before the first lookup.
        // (fill_batch prefetched the slots)
        TextTable& table = part_.table;
        const std::size_t texts = batch.texts;
        for (std::size_t k = 0; k < texts; ++k) table.prefetch_entry(batch.hashes[k]);
        for (std::size_t k = 0; k < texts; ++k) table.prefetch_text(batch.hashes[k]);
        const std::uint32_t* hash = batch.hashes;
        for (std::size_t i = 0; i < batch.count; ++i) {
            const Token& t = batch.tokens[i];
            if (t.kind == TokenKind::newline) {
                if (batch.ids[i] != no_id)
                    take_line(recent_lines_.line(batch.ids[i]), f, t.begin);
                else if (stream_.keep_newline())
                    take(newline_id, f, t.begin);
                continue;
            }
            if (t.kind == TokenKind::unterminated_string)
                return located_error(ErrorKind::unterminated_string, f, offset_in(input, t.begin));
            const auto size = static_cast<std::size_t>(t.end - t.begin);
            if (batch.has_nul && std::memchr(t.begin, 0, size) != nullptr)
                return located_error(ErrorKind::nul_in_token, f, offset_in(input, t.begin));
            std::uint32_t id = batch.ids[i];
            if (id == no_id) {
                const std::size_t known = table.entries.size();
                id = table.intern_hashed(t.begin, size, limit, *hash++);
                if (id == known) table.entries[id].as_is = kept_as_is({t.begin, size}, config_, scratch_);
                ShortText text;
                if (read_short_text(t.begin, size, limit, &text)) recent_.remember(text, id);
                batch.ids[i] = id;
            }
            stream_.keep_text();
            take(id, f, t.begin);
        }
        return std::nullopt;
    }

    // The tokens of a RecentLines line that starts at `at` in input f. A plain line read where no
    // DEFINE is pending prints its texts and its newline: its code goes to the printed stream
    // at once, and its counts wait in the line (give_counts). (No token of the line is a DEFINE:
    // take() needs no place.)
    void take_line(RecentLines::Line& line, std::size_t f, const char* at) {
        const unsigned char* code = line.code;
        const unsigned char* end = code + line.code_size;
        if (code != end && !stream_.wants_name() && !stream_.wants_value()) {
            part_.printed.append(line.code, line.code_size);
            stream_.keep_text();
            stream_.keep_newline();
            if (++line.hits == RecentLines::most_hits) give_counts(line);
            return;
        }
        while (code != end) {
            stream_.keep_text();
            take(get_value(code).id, f, at);
        }
        if (stream_.keep_newline()) take(newline_id, f, at);
    }

    // The printed occurrences a line's plain readings stand for, given to the table.
    void give_counts(RecentLines::Line& line) {
        if (line.hits == 0) return;
        const unsigned char* code = line.code;
        while (code != line.code + line.code_size) part_.table.entries[get_value(code).id].count += line.hits;
        line.hits = 0;
    }

    void take(std::uint32_t id, std::size_t file, const char* at) {
        switch (stream_.role(id == define_id)) {
            case Role::print:
                if (id == newline_id)
                    part_.printed.push_newline();
                else
                    part_.printed.push_text(id);
                ++part_.table.entries[id].count;
                break;
            case Role::define:
                part_.printed.push_newline();
                define_file_ = file;
                define_offset_ = offset_in(inputs_[file], at);
                break;
            case Role::name: name_ = id; break;
            case Role::value: part_.table.entries[name_].bound = id; break;
        }
    }

    const M1Config& config_;
    const std::vector<Input>& inputs_;
    Part& part_;
    std::string scratch_;  // kept_as_is's
    RecentTexts recent_;
    RecentLines recent_lines_;
    TokenStream stream_;
    std::uint32_t name_ = no_id;
    std::size_t define_file_ = no_file, define_offset_ = 0;
};

// The second part's texts into the first part's table: those new to it take the next ids in
// the order of the second part's ids (so every text's id is its rank of first occurrence in
// all the inputs, as in a one-thread pass 1), with their printed marks and their DEFINE
// bindings (which come later, so they win). The second part's texts are looked up in the
// order of its slots, which is about the order of the first part's slots too: the lookups
// sweep both tables instead of jumping about, and two threads look up half of the slots
// each. The new texts only get entries: pass 1 is over, no text is looked up any more.
void merge_second_part(Parts& parts) {
    const TextTable& table = parts.first->table;
    const auto& theirs = parts.second->table.entries;
    std::vector<std::uint32_t>& ids = parts.second->merged_ids;
    ids.assign(theirs.size(), no_id);
    const auto find_slots = [&](std::size_t from, std::size_t to) {
        parts.second->table.for_each_slot(from, to, [&](std::uint32_t hash, std::uint32_t id) {
            ids[id] = table.find_hashed(hash, [&] { return theirs[id].view(); });
        });
    };
    const std::size_t slots = parts.second->table.slot_count();
    pipeline::in_two_parts([&] { find_slots(0, slots / 2); }, [&] { find_slots(slots / 2, slots); });
    parts.second->table.drop_slots();
    // The texts both parts know, printed in the second, are marked by two threads once the
    // lookups are over (their entries lie all over the table); distinct texts of the second
    // part are distinct texts of the first.
    // Meanwhile the pages the new texts' entries will take are faulted in at once (one by one,
    // as the serial loop below first writes them, they cost it more than its work).
    auto& entries = parts.first->table.entries;
    const auto mark_printed = [&](std::size_t from, std::size_t to) {
        for (std::size_t k = from; k < to; ++k)
            if (ids[k] != no_id && theirs[k].printed()) entries[ids[k]].printed_later = true;
    };
    const auto fresh = static_cast<std::size_t>(std::count(ids.begin(), ids.end(), no_id));
    entries.reserve(entries.size() + fresh);
    const Entry* const appended = entries.data() + entries.size();
    pipeline::in_two_parts([&] { mark_printed(0, theirs.size() / 2); },
                           [&] {
                               populate_pages(appended, fresh * sizeof(Entry));
                               mark_printed(theirs.size() / 2, theirs.size());
                           });
    for (std::size_t k = 0; k < theirs.size(); ++k) {
        if (ids[k] != no_id) continue;
        ids[k] = static_cast<std::uint32_t>(entries.size());
        entries.push_back(theirs[k]);
        entries.back().printed_later = theirs[k].printed();
        entries.back().bound = no_id;
        entries.back().count = 0;  // not in the first part's stream
    }
    for (std::size_t k = 0; k < theirs.size(); ++k)
        if (theirs[k].bound != no_id) entries[ids[k]].bound = ids[theirs[k].bound];
    parts.second->merged_counts.resize(theirs.size());
    for (std::size_t k = 0; k < theirs.size(); ++k) parts.second->merged_counts[k] = theirs[k].count;
    std::vector<Entry>().swap(parts.second->table.entries);  // merged: only its stream is left to print
}

// The work pass 1 spends on a stretch of input, in bytes of ordinary program text: a token that
// names something (a label, a reference, a string: a sigil, `:` or `"` and then a letter or `_`)
// is mostly new text, hashed, interned and evaluated, and costs about as much as a hundred bytes
// of the instructions met again and again around it (measured on real-shaped programs, whose
// symbol tables hold twice the names per byte of their code).
std::size_t stretch_cost(std::string_view bytes) {
    constexpr std::size_t per_name = 80;
    std::size_t names = 0;
    bool after_space = true;
    for (std::size_t i = 0; i + 1 < bytes.size(); ++i) {
        const char c = bytes[i], next = bytes[i + 1];
        if (after_space &&
            (c == ':' || c == '"' || c == '%' || c == '&' || c == '@' || c == '$' || c == '~' || c == '!') &&
            (next == '_' || (next >= 'A' && next <= 'Z') || (next >= 'a' && next <= 'z')))
            ++names;
        after_space = c == ' ' || c == '\t' || c == '\n';
    }
    return bytes.size() + per_name * names;
}

}  // namespace

// Large inputs, when a second thread can be had, are cut in two where a line starts near the
// middle of the work (split::balanced_line_start, by stretch_cost): the second thread reads the second
// stretch into a part of its own while this one reads the first, and the second part is merged into the first
// afterwards. The second stretch is read as if the first ended with a newline after some text and no DEFINE
// pending; when that does not hold, or the first stretch really ends inside a string, the
// second thread's work is thrown away and this one reads on from where the first ended.
std::optional<Error> read_texts(const M1Config& config, const std::vector<Input>& inputs, bool two_threads,
                                const keyed_hash::Key& key, Parts& parts) {
    const std::size_t total = split::total_size(inputs);
    const split::Place end_of_inputs{inputs.size(), 0};
    const std::optional<split::Place> middle =
        two_threads ? split::balanced_line_start(inputs, total, stretch_cost) : std::nullopt;
    if (middle) {
        const std::size_t first_bytes = split::bytes_before(inputs, *middle);
        std::optional<Pass1> second;
        std::optional<Error> second_error;
        std::optional<pipeline::Helper> helper;
        try {
            helper.emplace([&](const std::atomic<bool>& stop) {
                parts.second.emplace(total - first_bytes, total - first_bytes, key);
                second.emplace(config, inputs, *parts.second, true);
                second_error = second->lex(*middle, end_of_inputs, &stop);
            });
        } catch (const std::system_error&) {
            // no second thread: one pass over everything, below
        }
        if (helper) {
            parts.first.emplace(first_bytes, total, key);
            Pass1 first(config, inputs, *parts.first);
            const char* cut = nullptr;
            if (auto error = first.lex({}, *middle, nullptr, &cut)) return error;
            if (cut == nullptr && first.at_line_start()) {
                helper->wait();
                if (second_error) return second_error;
                if (auto error = second->finish()) return error;
                merge_second_part(parts);
                return std::nullopt;
            }
            helper.reset();
            parts.second.reset();
            const split::Place resume =
                cut == nullptr ? *middle : split::Place{middle->file, offset_in(inputs[middle->file], cut)};
            if (auto error = first.lex(resume, end_of_inputs)) return error;
            return first.finish();
        }
    }
    parts.first.emplace(total, total, key);
    Pass1 pass(config, inputs, *parts.first);
    if (auto error = pass.lex({}, end_of_inputs)) return error;
    return pass.finish();
}

}  // namespace hexproof::m1_fast
