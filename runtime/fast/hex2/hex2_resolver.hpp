// The fast hex2's resolution: the fix-ups in input order, after the last label, each reference
// field written (its displacement, range and RISC-V field from encoding.hpp), the first error in
// input order reported, the RISC-V shift register carried over the data bytes. A fix-up holds its
// names' ids (hex2_labels.hpp): their addresses are read by id, no name is read again but for an
// error.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "encoding.hpp"
#include "hex2_labels.hpp"
#include "hex2_link_pass.hpp"

namespace hexproof::hex2_fast {

template <typename Off>
class Resolver {
public:
    using Record = Fixup<Off>;

    // `stop`, when set, makes resolve() stop early (with no error).
    Resolver(const Hex2Config& config, unsigned char* out, std::size_t size,
             const std::atomic<bool>* stop = nullptr)
        : config_(config),
          word_mode_(encoding::word_arch(config.architecture)),
          out_(out),
          size_(size),
          stop_(stop) {}

    // Resolves the fix-ups of input `file` (`input`), `first` to `last`, whose output positions
    // are `shift` short (they come from a later stretch) and whose names' values are `values`
    // (LabelMap::values, by id); false (and error()) at the first error.
    bool resolve(std::size_t file, std::string_view input, const Chunked<Record>& fixups, std::size_t first,
                 std::size_t last, std::size_t shift, const std::uint64_t* values) {
        file_ = file;
        input_ = input;
        values_ = values;
        for (std::size_t i = first; i != last; ++i) {
            if (stop_ != nullptr && i % 4096 == 0 && stop_->load(std::memory_order_relaxed)) return true;
            const Record& r = fixups[i];
            const std::size_t pos = position(r, shift);
            if (r.is_padding()) {  // RISC-V padding: not XORed
                shift_to(pos);
                cursor_ = pos + static_cast<std::size_t>(Record::padding - r.name);
                continue;
            }
            if (!reference(r, pos)) return false;
        }
        return true;
    }

    // What is left of the shift register after the fix-ups resolved so far goes to the data bytes
    // after them, past the fields and padding of the fix-ups `first` to `last` of input `input`
    // (positions `shift` short), which another Resolver resolved. The shift register is linear in
    // what the references XOR into it, so that Resolver's part and this one's add up.
    void carry_past(std::string_view input, const Chunked<Record>& fixups, std::size_t first,
                    std::size_t last, std::size_t shift) {
        for (std::size_t i = first; shift_ != 0 && i != last; ++i) {
            const Record& r = fixups[i];
            const std::size_t pos = position(r, shift);
            shift_to(pos);
            if (r.is_padding()) {
                cursor_ = pos + static_cast<std::size_t>(Record::padding - r.name);
            } else {
                const char sigil = input[static_cast<std::size_t>(r.name) - 1];
                if (!in_word(sigil)) cursor_ = pos + encoding::ref_size(sigil);
            }
        }
    }

    // After the last fix-up: the rest of the output gets what is left of the shift register.
    void finish() { shift_to(size_); }

    // What is left of the shift register after the fix-ups resolved so far, and the first byte it
    // goes to; another Resolver can carry it on (take_carry, then carry_past and finish).
    struct Carry {
        std::uint32_t shift = 0;
        std::size_t cursor = 0;
    };
    Carry carry() const { return {shift_, cursor_}; }
    void take_carry(const Carry& c) {
        shift_ = c.shift;
        cursor_ = c.cursor;
    }

    std::optional<Error>& error() { return error_; }

private:
    // Where a fix-up's field (or padding, or word) is in the output, its stretch starting `shift`
    // bytes in.
    static std::size_t position(const Record& r, std::size_t shift) {
        return static_cast<std::size_t>(r.pos & ~Record::aligned) + shift;
    }

    // A reference with this sigil goes into the RISC-V shift register, not into a field of its own.
    bool in_word(char sigil) const { return word_mode_ && encoding::is_word_immediate(sigil); }

    // The data bytes from the cursor up to `pos` get the shift register's next bytes.
    void shift_to(std::size_t pos) {
        for (; shift_ != 0 && cursor_ < pos; ++cursor_) {
            out_[cursor_] ^= static_cast<unsigned char>(shift_ & 0xFFu);
            shift_ >>= 8;
        }
        cursor_ = pos;
    }

    // The name at offset `at` of the input (as the lexer read it).
    std::string_view name_at(std::size_t at) const {
        if (at == input_.size()) return hex2_lexer::eof_name();
        return input_.substr(at, hex2_lexer::name_length(input_, at));
    }

    // The address of the name with id `name_id`; an undefined_label error when it has none, at
    // the name that starts at offset `offset(this)` of the input (only then looked for).
    template <typename Offset>
    [[gnu::always_inline]] std::optional<std::uint32_t> lookup(std::uint32_t name_id, Offset&& offset) {
        const std::uint64_t v = values_[name_id];
        if ((v & LabelMap::defined) != 0) return static_cast<std::uint32_t>(v);
        const std::string_view name = name_at(offset());
        fail(ErrorKind::undefined_label, hex2_lexer::name_offset(input_, name), 0, name);
        return std::nullopt;
    }

    bool fail(ErrorKind kind, std::size_t offset, std::int64_t value, std::string_view subject) {
        error_ = Error{kind, file_, offset, value, std::string(subject)};
        return false;
    }

    // A reference: its sigil is the byte before its name; `pos` is where its field goes.
    // (Always inlined, and so are lookup and word_reference: in a header GCC otherwise calls them,
    // which cost the benchmark's inputs 2% more instructions.)
    [[gnu::always_inline]] bool reference(const Record& r, std::size_t pos) {
        const auto name_offset = static_cast<std::size_t>(r.name);
        const std::size_t at = name_offset - 1;  // the sigil
        const char sigil = input_[at];
        if (in_word(sigil)) {
            shift_to(pos);
            return word_reference(sigil, at, r, pos);
        }
        // `!@$~%&` outside RISC-V word mode, and `%&` in it: a 1..4-byte field.
        const unsigned width = encoding::ref_size(sigil);
        shift_to(pos);
        cursor_ = pos + width;
        const std::uint32_t ip = config_.base_address + static_cast<std::uint32_t>(pos + width);
        const std::optional<std::uint32_t> target = lookup(r.id, [&] { return name_offset; });
        if (!target) return false;
        std::uint32_t relative;
        if (r.base != LabelMap::no_id) {
            // The base name starts after the name and its `>` (the lexer read both).
            const std::optional<std::uint32_t> base = lookup(
                r.base, [&] { return name_offset + hex2_lexer::name_length(input_, name_offset) + 1; });
            if (!base) return false;
            relative = *target - *base;
        } else {
            const std::optional<std::uint32_t> d = encoding::arch_displacement(
                config_.architecture, (r.pos & Record::aligned) != 0, *target, ip);
            if (!d) return fail(ErrorKind::unaligned_branch_target, at, 0, name_at(name_offset));
            relative = *d;
        }
        const std::uint32_t value = encoding::ref_absolute(sigil) ? *target : relative;
        const std::int32_t v = encoding::s32(value);
        if (!encoding::ref_fits(sigil, v)) return fail(ErrorKind::displacement_out_of_range, at, v, {});
        unsigned char* f = out_ + pos;
        for (unsigned i = 0; i != width; ++i) {
            const unsigned b = config_.big_endian ? width - 1 - i : i;
            f[i] = static_cast<unsigned char>(value >> (8 * b));
        }
        return true;
    }

    // RISC-V `!@$~`: an immediate XORed into the shift register; no space, no `>base`.
    [[gnu::always_inline]] bool word_reference(char sigil, std::size_t at, const Record& r, std::size_t pos) {
        const std::optional<std::uint32_t> target =
            lookup(r.id, [&] { return static_cast<std::size_t>(r.name); });
        if (!target) return false;
        // The displacement from the instruction (arch_displacement on RISC-V is t - b).
        const std::uint32_t v = *target - (config_.base_address + static_cast<std::uint32_t>(pos));
        const std::optional<std::uint32_t> field = encoding::riscv_field(sigil, v);
        if (!field) return fail(ErrorKind::riscv_field_out_of_range, at, encoding::s32(v), {});
        shift_ ^= *field;
        return true;
    }

    const Hex2Config& config_;
    bool word_mode_;
    unsigned char* out_;
    std::size_t size_;
    const std::atomic<bool>* stop_;
    std::size_t file_ = 0;
    std::string_view input_;
    const std::uint64_t* values_ = nullptr;
    // The RISC-V shift register's part that word references make: it reaches the data bytes from
    // `cursor_` on (fields and padding are skipped by moving the cursor past them).
    std::uint32_t shift_ = 0;
    std::size_t cursor_ = 0;
    std::optional<Error> error_;
};

}  // namespace hexproof::hex2_fast
