// The fast hex2's one pass over the lexer's tokens: every data byte written at its final place,
// every label's address stored, every reference recorded as a small fix-up (resolved later by
// hex2_resolver.hpp, once every label is known).
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "encoding.hpp"
#include "hex2_labels.hpp"
#include "hex2_lexer.hpp"
#include "huge_pages.hpp"

namespace hexproof::hex2_fast {

// ---------------------------------------------------------------------------------------------
// Byte digits
// ---------------------------------------------------------------------------------------------

// The value of each byte digit of a byte mode; `not_digit` for every other byte.
inline constexpr unsigned char not_digit = 0xFF;

constexpr std::array<unsigned char, 256> make_digit_values(ByteMode mode) {
    std::array<unsigned char, 256> t{};
    for (auto& v : t) v = not_digit;
    const int decimal = mode == ByteMode::hex ? 10 : mode == ByteMode::octal ? 8 : 2;
    for (int c = 0; c < decimal; ++c) t['0' + c] = static_cast<unsigned char>(c);
    if (mode == ByteMode::hex) {
        for (int c = 0; c < 6; ++c) {
            t['a' + c] = static_cast<unsigned char>(10 + c);
            t['A' + c] = static_cast<unsigned char>(10 + c);
        }
    }
    return t;
}

inline constexpr std::array<std::array<unsigned char, 256>, 3> digit_value_tables = {
    make_digit_values(ByteMode::hex), make_digit_values(ByteMode::octal),
    make_digit_values(ByteMode::binary)};

// ---------------------------------------------------------------------------------------------
// Fix-ups: the references, resolved once every label is known
// ---------------------------------------------------------------------------------------------

// One reference (or, in RISC-V word mode, one `<` padding) in input order: two offsets of type
// `Off` (32 bits whenever the inputs are small enough that no offset or output position can
// overflow 31 bits, as every input byte makes at most four output bytes; 64 bits otherwise) and
// the ids of its names in the stretch's LabelMap. The sigil is read back from the input (the
// byte before the name); the name itself only for an error.
template <typename Off>
struct Fixup {
    // The offset of the name in its input (the input's size when the sigil is its last byte: the
    // name is eof_name()); for a padding event, `padding - n` with n the bytes of padding.
    Off name = 0;
    // The output position of the field (of the next output byte for a RISC-V word reference or
    // a padding event), with `aligned` set when the reference consumes a `^`.
    Off pos = 0;
    std::uint32_t id = 0;                  // the name's
    std::uint32_t base = LabelMap::no_id;  // the `>base` name's, if there is one

    static constexpr Off aligned = static_cast<Off>(1) << (8 * sizeof(Off) - 1);
    static constexpr Off padding = static_cast<Off>(-1);
    bool is_padding() const { return name >= padding - 3; }
};

// Records appended in chunks: no reallocation copies, so the peak stays near the records' size.
template <typename T>
class Chunked {
public:
    static constexpr std::size_t chunk = 8192;

    void push(const T& v) {
        if (fill_ == chunk || chunks_.empty()) {
            chunks_.emplace_back(new T[chunk]);
            fill_ = 0;
        }
        chunks_.back()[fill_++] = v;
    }
    std::size_t size() const { return chunks_.empty() ? 0 : (chunks_.size() - 1) * chunk + fill_; }
    const T& operator[](std::size_t i) const { return chunks_[i / chunk][i % chunk]; }
    void clear() {
        chunks_.clear();
        chunks_.shrink_to_fit();
        fill_ = 0;
    }

private:
    std::vector<std::unique_ptr<T[]>> chunks_;
    std::size_t fill_ = 0;
};

// The output: a string whose capacity, reserved once, bounds any output of the inputs (pages never
// written are never touched, so they cost no memory). Its size runs a little ahead of the bytes
// written, a step at a time, so that growing it (which zero-fills) is rare; the string is the
// result, so nothing is copied at the end. No huge pages are asked for: a 2 MiB page is taken
// whole where the output ends inside it, and under `make bench` that raised the peak memory of a
// 7 MiB input from 1.87x to 2.11x of its size, for a few percent of time on the largest inputs.
class Output {
public:
    explicit Output(std::size_t capacity) { bytes_.reserve(capacity); }

    unsigned char* at(std::size_t pos) { return reinterpret_cast<unsigned char*>(&bytes_[0]) + pos; }
    // Makes room for `n` more bytes after `pos`.
    void reserve(std::size_t pos, std::size_t n) {
        if (n <= bytes_.size() - pos) return;
        constexpr std::size_t step = std::size_t{1} << 18;
        std::size_t size = bytes_.size() + step;
        if (size > bytes_.capacity()) size = bytes_.capacity();
        if (size < pos + n) size = pos + n;
        bytes_.resize(size);
    }
    // Moves the first `n` bytes of `from` to `pos` on, freeing them as it goes (a copy of the
    // whole would hold both at once, a visible part of peak memory); `from` is left empty.
    // Room is made a piece at a time too: made for all of `from` at once, it was the peak of the
    // engine's memory on real-shaped inputs (both copies whole for a moment).
    void append_moving(std::size_t pos, Output& from, std::size_t n) {
        constexpr std::size_t chunk = std::size_t{1} << 18;
        for (std::size_t done = 0; done < n; done += chunk) {
            const std::size_t m = n - done < chunk ? n - done : chunk;
            reserve(pos + done, m);
            std::memcpy(at(pos + done), from.at(done), m);
            release_pages(from.at(done), m);
        }
        std::string().swap(from.bytes_);
    }

    // The output, `size` bytes.
    std::string take(std::size_t size) {
        bytes_.resize(size);
        return std::move(bytes_);
    }

private:
    std::string bytes_;
};

// ---------------------------------------------------------------------------------------------
// The pass: bytes at their final positions, labels, fix-ups
// ---------------------------------------------------------------------------------------------

template <typename Off>
class LinkPass final : public hex2_lexer::TokenSink {
public:
    using Record = Fixup<Off>;

    // `base` is the address of the first byte it writes; `stop`, when set, makes it stop early.
    LinkPass(const Hex2Config& config, std::uint32_t base, LabelMap& labels, Output& out,
             Chunked<Record>& fixups, const std::atomic<bool>* stop)
        : config_(config),
          base_(base),
          stop_(stop),
          labels_(labels),
          out_(out),
          fixups_(fixups),
          per_byte_(static_cast<unsigned>(encoding::digits_per_byte(config.byte_mode))),
          radix_(config.byte_mode == ByteMode::hex     ? 16u
                 : config.byte_mode == ByteMode::octal ? 8u
                                                       : 2u),
          values_(digit_value_tables[static_cast<std::size_t>(config.byte_mode)].data()),
          pads_(encoding::pads(config.architecture)),
          riscv_(encoding::word_arch(config.architecture)),
          reads_caret_(encoding::reads_caret(config.architecture)) {}

    // The byte-digit state resets at the start of each file; `^`, the shift register and `ip` do not.
    void start_file(std::string_view input) {
        input_ = input;
        hold_ = 0;
        pending_ = 0;
    }

    std::size_t written() const { return pos_; }
    std::uint32_t ip() const { return base_ + static_cast<std::uint32_t>(pos_); }
    // An incomplete byte is pending (the lexer counts these digits too, for `.` words).
    bool holds_digits() const { return pending_ != 0; }
    // A `^` waits, or the shift register holds bytes for the next data bytes.
    bool carries_state() const { return aligned_ || shift_ != 0; }
    // A `<` was read where it pads: the bytes written depend on `base`.
    bool padded() const { return padded_; }

    bool consume(const hex2_lexer::Token* tokens, std::size_t count) override {
        if (stop_ != nullptr && stop_->load(std::memory_order_relaxed)) return false;
        // The names' hashes, and their slots prefetched, before any is interned.
        hashes_.resize(2 * count);
        for (std::size_t i = 0; i != count; ++i) {
            const hex2_lexer::Token& t = tokens[i];
            if (t.kind != hex2_lexer::TokenKind::label && t.kind != hex2_lexer::TokenKind::reference)
                continue;
            hashes_[2 * i] = labels_.hash(t.text, input_);
            labels_.prefetch(hashes_[2 * i]);
            if (t.base.data() == nullptr) continue;
            hashes_[2 * i + 1] = labels_.hash(t.base, input_);
            labels_.prefetch(hashes_[2 * i + 1]);
        }
        for (const hex2_lexer::Token* t = tokens; t != tokens + count; ++t) {
            const std::size_t i = static_cast<std::size_t>(t - tokens);
            switch (t->kind) {
                case hex2_lexer::TokenKind::data: data(t->text, t->digits); break;
                case hex2_lexer::TokenKind::word_digits:
                    word_digits(t->text, t->digits);
                    if (t->completes_word) {
                        // The four bytes as read, first most significant; swapped when little endian.
                        shift_ ^= encoding::word_swap(config_.big_endian, word_);
                        word_ = 0;
                    }
                    break;
                case hex2_lexer::TokenKind::words:
                    shift_ ^= encoding::word_swap(config_.big_endian, t->value);
                    break;
                case hex2_lexer::TokenKind::label:
                    labels_.define(labels_.intern(t->text, hashes_[2 * i]), ip());
                    break;
                case hex2_lexer::TokenKind::reference:
                    reference(*t, hashes_[2 * i], hashes_[2 * i + 1]);
                    break;
                case hex2_lexer::TokenKind::align: align(); break;
                case hex2_lexer::TokenKind::flag: aligned_ = reads_caret_; break;
            }
        }
        return true;
    }

private:
    // `<`: zeros up to the next multiple of 4 where the architecture pads.
    void align() {
        if (!pads_) return;
        padded_ = true;
        const unsigned n = encoding::pad_size(config_.architecture, ip());
        if (n == 0) return;
        if (riscv_) {  // the resolver's shift register skips padding
            Record r;
            r.name = static_cast<Off>(Record::padding - n);
            r.pos = static_cast<Off>(pos_);
            fixups_.push(r);
        }
        out_.reserve(pos_, n);
        std::memset(out_.at(pos_), 0, n);
        pos_ += n;
    }

    // A reference whose name hashes to `h` (and whose base name, if any, to `base_h`).
    void reference(const hex2_lexer::Token& t, std::uint32_t h, std::uint32_t base_h) {
        Record r;
        r.name = static_cast<Off>(hex2_lexer::name_offset(input_, t.text));
        r.pos = static_cast<Off>(pos_);
        r.id = labels_.intern(t.text, h);
        if (t.base.data() != nullptr) r.base = labels_.intern(t.base, base_h);
        if (!t.word_reference) {
            if (t.base.data() == nullptr && aligned_) {
                r.pos |= Record::aligned;
                aligned_ = false;
            }
            const unsigned width = encoding::ref_size(t.sigil);
            out_.reserve(pos_, width);
            pos_ += width;
        }
        fixups_.push(r);
    }

    // A data stretch outside a word: complete bytes are written, XORed with the shift register.
    void data(std::string_view d, std::size_t digits) {
        out_.reserve(pos_, digits);
        const auto* p = reinterpret_cast<const unsigned char*>(d.data());
        const auto* const e = p + d.size();
        unsigned char* o = out_.at(pos_);
        unsigned char* const start = o;
        // The state in locals: the bytes written through `o` may alias any member, so the
        // compiler reloaded the table and the pending digit from memory at every byte.
        const unsigned char* const values = values_;
        unsigned hold = hold_, pending = pending_;
        if (per_byte_ == 2) {
            while (p != e) {
                const unsigned v = values[*p];
                if (v == not_digit) {
                    ++p;
                } else if (pending != 0) {
                    *o++ = static_cast<unsigned char>((hold << 4) | v);
                    pending = 0;
                    ++p;
                } else if (e - p >= 2 && values[p[1]] != not_digit) {
                    *o++ = static_cast<unsigned char>((v << 4) | values[p[1]]);
                    p += 2;
                } else {
                    hold = v;
                    pending = 1;
                    ++p;
                }
            }
        } else {
            const unsigned radix = radix_, per_byte = per_byte_;
            for (; p != e; ++p) {
                const unsigned v = values[*p];
                if (v == not_digit) continue;
                hold = hold * radix + v;
                if (++pending == per_byte) {
                    *o++ = static_cast<unsigned char>(hold);  // octal: mod 256
                    hold = 0;
                    pending = 0;
                }
            }
        }
        hold_ = hold;
        pending_ = pending;
        pos_ += static_cast<std::size_t>(o - start);
        // One shift-register byte per written byte, lowest first; four bytes empty it.
        for (unsigned char* b = start; shift_ != 0 && b != o; ++b) {
            *b ^= static_cast<unsigned char>(shift_ & 0xFFu);
            shift_ >>= 8;
        }
    }

    // Byte digits inside a `.` word: each completed byte (octal: the whole 9-bit value) is
    // shifted into the word; nothing is written and `ip` does not move.
    void word_digits(std::string_view d, std::size_t digits) {
        if (per_byte_ == 2 && pending_ == 0 && digits == 8 && d.size() == 8) {  // the usual `.XXXXXXXX`
            std::uint32_t w = 0;
            for (const char c : d) w = (w << 4) | values_[static_cast<unsigned char>(c)];
            word_ = w;  // these are all four bytes of the word (need is 8 digits when none is pending)
            return;
        }
        for (const char c : d) {
            const unsigned v = values_[static_cast<unsigned char>(c)];
            if (v == not_digit) continue;
            hold_ = hold_ * radix_ + v;
            if (++pending_ == per_byte_) {
                word_ = (word_ << 8) ^ hold_;
                hold_ = 0;
                pending_ = 0;
            }
        }
    }

    const Hex2Config& config_;
    std::uint32_t base_;
    const std::atomic<bool>* stop_;
    LabelMap& labels_;
    Output& out_;
    Chunked<Record>& fixups_;
    unsigned per_byte_;
    unsigned radix_;
    const unsigned char* values_;
    bool pads_;
    bool riscv_;
    bool reads_caret_;
    std::size_t pos_ = 0;
    std::string_view input_;
    unsigned hold_ = 0;     // value of the digits of an incomplete byte
    unsigned pending_ = 0;  // how many digits that is
    bool aligned_ = false;  // `^` seen and not yet consumed (where a reference reads it)
    bool padded_ = false;
    std::uint32_t shift_ = 0;  // the RISC-V shift register: the part known while reading (`.` words)
    std::uint32_t word_ = 0;   // the `.` word being read
    std::vector<std::uint32_t> hashes_;  // consume()'s: by token, its name's and its base name's
};

}  // namespace hexproof::hex2_fast
