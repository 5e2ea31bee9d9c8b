// How the fast M1 prints (upstream's print_hex): words and newlines into a buffer holding the
// whole output, or into pieces handed to a writer as they fill (pass 2 into a sink).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string_view>

#include "m1_text_table.hpp"
#include "pipeline.hpp"

namespace hexproof::m1_fast {

constexpr std::size_t piece_size = std::size_t{1} << 18;  // pass 2 hands its output on in pieces this big

// Pieces of output printed in turn into two buffers of `room` bytes and handed to a Writer: one
// is being written while the other is printed into (one buffer when the writer writes in line).
// Positional pieces go at increasing offsets from a start, the others are appended.
class Pieces {
public:
    Pieces(pipeline::Writer& writer, std::size_t room, std::optional<std::uint64_t> at = std::nullopt)
        : writer_(writer), at_(at) {
        // Not cleared: a page of a buffer is touched only once output is printed on it.
        buffers_[0].reset(new char[room]);
        if (writer.in_background()) buffers_[1].reset(new char[room]);
    }

    Pieces(const Pieces&) = delete;
    Pieces& operator=(const Pieces&) = delete;
    ~Pieces() {  // the buffers must outlive the writes of their pieces
        for (const auto& ticket : tickets_)
            if (ticket) writer_.wait(*ticket);
    }

    char* first() { return buffers_[0].get(); }

    // Hands a full piece over; the buffer to print into next.
    char* hand_on(std::string_view full) {
        const pipeline::Writer::Ticket ticket = at_ ? writer_.write_at(*at_, full) : writer_.write(full);
        if (at_) *at_ += full.size();
        if (!writer_.in_background()) return buffers_[0].get();
        tickets_[current_] = ticket;
        current_ = 1 - current_;
        if (tickets_[current_]) writer_.wait(*tickets_[current_]);
        return buffers_[current_].get();
    }

private:
    pipeline::Writer& writer_;
    std::optional<std::uint64_t> at_;
    std::unique_ptr<char[]> buffers_[2];
    std::optional<pipeline::Writer::Ticket> tickets_[2];
    std::size_t current_ = 0;
};

// print_hex's spacing: a value is followed by a space unless a newline follows; a newline run
// prints one `\n` where it ends. It prints into a buffer that holds the whole output (sized by a
// first sweep), or into Pieces whose buffers have room for a piece and one more value of up to a
// piece; either way with copy_slack bytes to spare. Every printed form has copy_slack readable
// bytes after it.
class Printer {
public:
    // Into a buffer that holds the whole output.
    explicit Printer(char* out) : start_(out), w_(out), pending_(0), pieces_(nullptr) {}
    // Into pieces, handed on as they fill. `pending` is the separator owed before the first word:
    // none at the start of the output, else what the tokens printed before left owing.
    explicit Printer(Pieces& pieces, char pending = 0)
        : start_(pieces.first()), w_(start_), pending_(pending), pieces_(&pieces) {}

    void newline() { pending_ = '\n'; }

    // (Always inlined, as print_ids' print_block: GCC otherwise calls them, which costs the
    // benchmark's inputs 2% to 5% more instructions.)
    [[gnu::always_inline]] void word(const Entry& v) {
        if (pending_ != 0) *w_++ = pending_;
        // In fixed steps of copy_slack bytes (no call). A short value is copied with the bytes
        // after it (readable, and the buffer has room); a longer one in steps, the last of
        // which ends exactly at its end (overlapping the one before). A padding, or a value
        // longer than a piece, goes a piece at a time (long_word).
        if (v.size <= copy_slack) {
            std::memcpy(w_, v.data, copy_slack);
        } else if (v.padding || v.size > piece_size) {
            long_word(v);
            pending_ = ' ';
            return;
        } else {
            for (std::size_t i = 0; i + copy_slack < v.size; i += copy_slack)
                std::memcpy(w_ + i, v.data + i, copy_slack);
            std::memcpy(w_ + v.size - copy_slack, v.data + v.size - copy_slack, copy_slack);
        }
        w_ += v.size;
        pending_ = ' ';
    }

    // Hands the piece printed so far on once it holds piece_size bytes. A printer into pieces is
    // called this after each token, so that a piece holds less than piece_size bytes and one
    // token (or piece_size bytes of a long one) more.
    void hand_on_when_full() {
        if (printed().size() >= piece_size) restart(pieces_->hand_on(printed()));
    }

    // The bytes printed since the start or the last hand-on; finish() adds what the end owes.
    std::string_view printed() const { return {start_, static_cast<std::size_t>(w_ - start_)}; }
    std::string_view finish() {
        if (pending_ == '\n') *w_++ = '\n';
        return printed();
    }

private:
    // A padding's zero digits (there may be gigabytes of them), or a value longer than a
    // piece: a printer into pieces writes them piece_size bytes at a time and hands each piece
    // on, so that its buffers need room for two pieces, not for the longest value.
    [[gnu::noinline]] void long_word(const Entry& v) {
        for (std::uint64_t done = 0;;) {
            const std::uint64_t left = v.size - done;
            const std::size_t k =
                pieces_ != nullptr && left > piece_size ? piece_size : static_cast<std::size_t>(left);
            if (v.padding)
                std::memset(w_, '0', k);
            else
                std::memcpy(w_, v.data + done, k);
            w_ += k;
            done += k;
            if (done == v.size) return;
            restart(pieces_->hand_on(printed()));
        }
    }

    void restart(char* out) { start_ = w_ = out; }

    char* start_;
    char* w_;
    char pending_;
    Pieces* pieces_;  // where full pieces go; nullptr when the buffer holds the whole output
};

}  // namespace hexproof::m1_fast
