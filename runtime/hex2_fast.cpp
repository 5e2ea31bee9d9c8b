// The fast hex2 engine: two passes over the lexer's tokens.
//
// Pass 1 (LabelPass) walks every input in order, computing the address `ip` of every byte, storing
// each label's address (a later definition replaces an earlier one) and counting the output size.
// Pass 2 (EmitPass) walks the inputs again from the same base address, writing byte digits and
// reference fields into the output, which pass 1 sized exactly. Lexical errors stop pass 1; the
// first resolution error in input order stops pass 2 (docs/contract.md, precedence).
//
// All address arithmetic is the C `int` arithmetic of upstream: 32 bits, wrapping, shifts
// arithmetic. It is done on std::uint32_t and read as std::int32_t where a sign matters.
#include "hex2_fast.hpp"

#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "hex2_lexer.hpp"

namespace hexproof::hex2_fast {

namespace {

using hex2_lexer::Token;
using hex2_lexer::TokenKind;

// ---------------------------------------------------------------------------------------------
// 32-bit C int arithmetic
// ---------------------------------------------------------------------------------------------

// The two's-complement reading of a 32-bit pattern.
std::int32_t as_int(std::uint32_t v) {
    return v < 0x80000000u ? static_cast<std::int32_t>(v)
                           : static_cast<std::int32_t>(v - 0x80000000u) - 0x7FFFFFFF - 1;
}

// `v >> n` on a C int: arithmetic shift.
std::uint32_t shift_right_arithmetic(std::uint32_t v, unsigned n) {
    return (v & 0x80000000u) != 0 ? ~(~v >> n) : v >> n;
}

std::uint32_t byte_swap(std::uint32_t v) {
    return (v >> 24) | ((v >> 8) & 0xFF00u) | ((v << 8) & 0xFF0000u) | (v << 24);
}

// ---------------------------------------------------------------------------------------------
// Labels: open addressing, linear probing, keys are views into the inputs (no copies)
// ---------------------------------------------------------------------------------------------

std::uint64_t hash_name(std::string_view s) {
    const char* p = s.data();
    std::size_t n = s.size();
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
    while (n >= 8) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        h = (h ^ w) * 0xFF51AFD7ED558CCDull;
        h ^= h >> 29;
        p += 8;
        n -= 8;
    }
    std::uint64_t w = 0;
    if (n != 0) std::memcpy(&w, p, n);
    h = (h ^ w) * 0xC4CEB9FE1A85EC53ull;
    return h ^ (h >> 32);
}

class LabelMap {
public:
    LabelMap() : slots_(1024) {}

    // Defines `name` at `address`; a later definition of the same name wins.
    void assign(std::string_view name, std::uint32_t address) {
        // Up to 3/4 full: linear probing stays short with this hash, and the table stays a small
        // part of peak memory (the benchmark allows 2x the input for everything).
        if (4 * (count_ + 1) > 3 * slots_.size()) grow();
        const auto h = static_cast<std::uint32_t>(hash_name(name));
        Slot& s = slots_[probe(name, h)];
        if (s.data == nullptr) {
            s.data = name.data();
            s.size = name.size();
            s.hash = h;
            ++count_;
        }
        s.address = address;
    }

    std::optional<std::uint32_t> find(std::string_view name) const {
        const Slot& s = slots_[probe(name, static_cast<std::uint32_t>(hash_name(name)))];
        if (s.data == nullptr) return std::nullopt;
        return s.address;
    }

private:
    // Names always point into an input or at the static EOF name, never at nullptr, so a null
    // `data` marks a free slot. 24 bytes: the table is a visible part of peak memory when a
    // program has 10^5 labels.
    struct Slot {
        const char* data = nullptr;
        std::size_t size = 0;
        std::uint32_t hash = 0;
        std::uint32_t address = 0;
    };

    // The slot holding `name`, or the free slot where it would go.
    std::size_t probe(std::string_view name, std::uint32_t h) const {
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = static_cast<std::size_t>(h) & mask;; i = (i + 1) & mask) {
            const Slot& s = slots_[i];
            if (s.data == nullptr) return i;
            if (s.hash == h && s.size == name.size() && std::memcmp(s.data, name.data(), name.size()) == 0)
                return i;
        }
    }

    void grow() {
        std::vector<Slot> old(slots_.size() * 2);
        old.swap(slots_);
        const std::size_t mask = slots_.size() - 1;
        for (const Slot& s : old) {
            if (s.data == nullptr) continue;
            std::size_t i = static_cast<std::size_t>(s.hash) & mask;
            while (slots_[i].data != nullptr) i = (i + 1) & mask;
            slots_[i] = s;
        }
    }

    std::vector<Slot> slots_;
    std::size_t count_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Facts about the configuration
// ---------------------------------------------------------------------------------------------

// Field width of a reference sigil: `!` 1, `@` `$` 2, `~` 3, `%` `&` 4.
unsigned field_width(char sigil) {
    switch (sigil) {
        case '!': return 1;
        case '@':
        case '$': return 2;
        case '~': return 3;
        default: return 4;
    }
}

bool is_absolute(char sigil) { return sigil == '$' || sigil == '&'; }

bool is_riscv(Architecture a) { return a == Architecture::riscv32 || a == Architecture::riscv64; }

// `<` pads to a multiple of 4 on these architectures and does nothing elsewhere.
bool pads_to_four(Architecture a) {
    return a == Architecture::armv7l || a == Architecture::aarch64 || is_riscv(a);
}

// Bytes `<` inserts at `ip`: one to reach an even address, then two to reach a multiple of 4.
unsigned padding(std::uint32_t ip) {
    unsigned n = 0;
    if ((ip & 1u) != 0) { ++n; ++ip; }
    if ((ip & 2u) != 0) n += 2;
    return n;
}

// The value of each byte digit of a byte mode; `not_digit` for every other byte.
constexpr unsigned char not_digit = 0xFF;

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
    make_digit_values(ByteMode::hex), make_digit_values(ByteMode::octal), make_digit_values(ByteMode::binary)};

// ---------------------------------------------------------------------------------------------
// Pass 1: addresses of labels, size of the output
// ---------------------------------------------------------------------------------------------

class LabelPass final : public hex2_lexer::TokenSink {
public:
    LabelPass(const Hex2Config& config, LabelMap& labels)
        : labels_(labels),
          per_byte_(hex2_lexer::digits_per_byte(config.byte_mode)),
          pads_(pads_to_four(config.architecture)),
          ip_(config.base_address) {}

    // The byte-digit state resets at the start of each file.
    void start_file() { pending_ = 0; }

    std::size_t size() const { return size_; }

    bool consume(const Token* tokens, std::size_t count) override {
        for (const Token* t = tokens; t != tokens + count; ++t) {
            switch (t->kind) {
                case TokenKind::data: {
                    const std::size_t digits = pending_ + t->digits;
                    if (per_byte_ == 2) {
                        advance(digits >> 1);
                        pending_ = static_cast<unsigned>(digits & 1u);
                    } else {
                        advance(digits / per_byte_);
                        pending_ = static_cast<unsigned>(digits % per_byte_);
                    }
                    break;
                }
                case TokenKind::word_digits:  // a word occupies no space and ends on a byte boundary
                    if (t->completes_word) pending_ = 0;
                    break;
                case TokenKind::label: labels_.assign(t->text, ip_); break;
                case TokenKind::reference:
                    if (!t->word_reference) advance(field_width(t->sigil));
                    break;
                case TokenKind::align:
                    if (pads_) advance(padding(ip_));
                    break;
                case TokenKind::flag: break;
            }
        }
        return true;
    }

private:
    void advance(std::size_t bytes) {
        ip_ += static_cast<std::uint32_t>(bytes);
        size_ += bytes;
    }

    LabelMap& labels_;
    unsigned per_byte_;
    bool pads_;
    std::uint32_t ip_;
    unsigned pending_ = 0;  // digits of an incomplete byte
    std::size_t size_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Pass 2: the output
// ---------------------------------------------------------------------------------------------

class EmitPass final : public hex2_lexer::TokenSink {
public:
    EmitPass(const Hex2Config& config, const LabelMap& labels, char* out)
        : config_(config),
          labels_(labels),
          per_byte_(hex2_lexer::digits_per_byte(config.byte_mode)),
          radix_(config.byte_mode == ByteMode::hex ? 16u : config.byte_mode == ByteMode::octal ? 8u : 2u),
          values_(digit_value_tables[static_cast<std::size_t>(config.byte_mode)].data()),
          pads_(pads_to_four(config.architecture)),
          out_(reinterpret_cast<unsigned char*>(out)),
          ip_(config.base_address) {}

    // The byte-digit state resets at the start of each file; `^`, the shift register and `ip` do not.
    void start_file(std::size_t index, std::string_view input) {
        file_ = index;
        input_ = input;
        hold_ = 0;
        pending_ = 0;
    }

    std::size_t written() const { return pos_; }
    std::optional<Error>& error() { return error_; }

    bool consume(const Token* tokens, std::size_t count) override {
        for (const Token* t = tokens; t != tokens + count; ++t) {
            switch (t->kind) {
                case TokenKind::data: data(t->text); break;
                case TokenKind::word_digits:
                    word_digits(t->text, t->digits);
                    if (t->completes_word) {
                        // The four bytes as read, first most significant; swapped when little endian.
                        shift_ ^= config_.big_endian ? word_ : byte_swap(word_);
                        word_ = 0;
                    }
                    break;
                case TokenKind::label: break;
                case TokenKind::reference:
                    if (!(t->word_reference ? word_reference(*t) : reference(*t))) return false;
                    break;
                case TokenKind::align:
                    if (pads_) {
                        const unsigned n = padding(ip_);
                        std::memset(out_ + pos_, 0, n);
                        pos_ += n;
                        ip_ += n;
                    }
                    break;
                case TokenKind::flag: aligned_ = true; break;
            }
        }
        return true;
    }

private:
    // A data stretch outside a word: complete bytes are written, XORed with the shift register.
    void data(std::string_view d) {
        const auto* p = reinterpret_cast<const unsigned char*>(d.data());
        const auto* const e = p + d.size();
        unsigned char* o = out_ + pos_;
        unsigned char* const start = o;
        if (per_byte_ == 2) {
            while (p != e) {
                const unsigned v = values_[*p];
                if (v == not_digit) {
                    ++p;
                } else if (pending_ != 0) {
                    *o++ = static_cast<unsigned char>((hold_ << 4) | v);
                    pending_ = 0;
                    ++p;
                } else if (e - p >= 2 && values_[p[1]] != not_digit) {
                    *o++ = static_cast<unsigned char>((v << 4) | values_[p[1]]);
                    p += 2;
                } else {
                    hold_ = v;
                    pending_ = 1;
                    ++p;
                }
            }
        } else {
            for (; p != e; ++p) {
                const unsigned v = values_[*p];
                if (v == not_digit) continue;
                hold_ = hold_ * radix_ + v;
                if (++pending_ == per_byte_) {
                    *o++ = static_cast<unsigned char>(hold_);  // octal: mod 256
                    hold_ = 0;
                    pending_ = 0;
                }
            }
        }
        const auto written = static_cast<std::size_t>(o - start);
        pos_ += written;
        ip_ += static_cast<std::uint32_t>(written);
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

    std::optional<std::uint32_t> lookup(std::string_view name) {
        std::optional<std::uint32_t> a = labels_.find(name);
        if (!a) fail(ErrorKind::undefined_label, hex2_lexer::name_offset(input_, name), 0, name);
        return a;
    }

    bool fail(ErrorKind kind, std::size_t offset, std::int64_t value, std::string_view subject) {
        Error e;
        e.kind = kind;
        e.file = file_;
        e.offset = offset;
        e.value = value;
        e.subject = std::string(subject);
        error_ = std::move(e);
        return false;
    }

    // The relative displacement of `target` from `base` (the address after the field) when the
    // reference has no `>base`; consumes the `^` flag on the architectures that read it.
    std::optional<std::uint32_t> displacement(std::uint32_t target, std::uint32_t base, const Token& t) {
        switch (config_.architecture) {
            case Architecture::knight:
            case Architecture::x86:
            case Architecture::amd64:
            case Architecture::riscv32:
            case Architecture::riscv64: return target - base;
            case Architecture::armv7l:
                if (aligned_) {
                    aligned_ = false;
                    if ((target & 3u) != 0) {
                        fail(ErrorKind::unaligned_branch_target, t.at, 0, t.text);
                        return std::nullopt;
                    }
                    return shift_right_arithmetic(target - base + (base & 3u), 2) - 2u;
                }
                return target - base - 8u + (base & 3u);
            case Architecture::aarch64:
                if (aligned_) {
                    aligned_ = false;
                    return shift_right_arithmetic(target - (base & ~3u), 2);
                }
                return target - base - 8u + (base & 3u);
            case Architecture::ppc64le:
                if (aligned_) {
                    aligned_ = false;
                    return (target - (base & ~3u)) | 1u;
                }
                return target - (base & ~3u);
        }
        return target - base;
    }

    // `!@$~%&` outside RISC-V word mode, and `%&` in it: a 1..4-byte field.
    bool reference(const Token& t) {
        const unsigned width = field_width(t.sigil);
        ip_ += width;
        const std::optional<std::uint32_t> target = lookup(t.text);
        if (!target) return false;
        std::uint32_t relative;
        if (t.base.data() != nullptr) {
            const std::optional<std::uint32_t> base = lookup(t.base);
            if (!base) return false;
            relative = *target - *base;
        } else {
            const std::optional<std::uint32_t> d = displacement(*target, ip_, t);
            if (!d) return false;
            relative = *d;
        }
        const std::uint32_t value = is_absolute(t.sigil) ? *target : relative;
        const std::int32_t v = as_int(value);
        bool fits = true;
        switch (t.sigil) {
            case '!': fits = v >= -128 && v <= 127; break;
            case '@': fits = v >= -32768 && v <= 32767; break;
            case '$': fits = v >= 0 && v <= 65535; break;
            case '~': fits = v >= -8388608 && v <= 8388607; break;
            default: break;  // 4-byte fields are never checked
        }
        if (!fits) return fail(ErrorKind::displacement_out_of_range, t.at, v, {});
        unsigned char* f = out_ + pos_;
        for (unsigned i = 0; i != width; ++i) {
            const unsigned b = config_.big_endian ? width - 1 - i : i;
            f[i] = static_cast<unsigned char>(value >> (8 * b));
        }
        pos_ += width;
        return true;
    }

    // RISC-V `!@$~`: an immediate XORed into the shift register; no space, no `>base`.
    bool word_reference(const Token& t) {
        const std::optional<std::uint32_t> target = lookup(t.text);
        if (!target) return false;
        const std::uint32_t v = *target - ip_;
        const std::int32_t sv = as_int(v);
        std::uint32_t field = 0;
        switch (t.sigil) {
            case '!':  // I-type: bits 11:0 of (value + 4) into bits 31:20, unchecked
                field = ((v + 4u) & 0xFFFu) << 20;
                break;
            case '@':  // B-type: imm[12|10:5] in 31:25, imm[4:1|11] in 11:7
                if (sv < -0x1000 || sv > 0xFFF || (v & 1u) != 0)
                    return fail(ErrorKind::riscv_field_out_of_range, t.at, sv, {});
                field = ((v & 0x1Eu) << 7) | ((v & 0x7E0u) << 20) | ((v & 0x800u) >> 4) | ((v & 0x1000u) << 19);
                break;
            case '$':  // J-type: imm[20|10:1|11|19:12] in 31:12
                if (sv < -0x100000 || sv > 0xFFFFF || (v & 1u) != 0)
                    return fail(ErrorKind::riscv_field_out_of_range, t.at, sv, {});
                field = ((v & 0x7FEu) << 20) | ((v & 0x800u) << 9) | (v & 0xFF000u) | ((v & 0x100000u) << 11);
                break;
            default:  // `~` U-type: bits 31:12, rounded up when bit 11 is set (auipc + addi pairs)
                field = (v & 0xFFFFF000u) + ((v & 0x800u) != 0 ? 0x1000u : 0u);
                break;
        }
        shift_ ^= field;
        return true;
    }

    const Hex2Config& config_;
    const LabelMap& labels_;
    unsigned per_byte_;
    unsigned radix_;
    const unsigned char* values_;
    bool pads_;
    unsigned char* out_;
    std::size_t pos_ = 0;
    std::uint32_t ip_;
    std::size_t file_ = 0;
    std::string_view input_;
    unsigned hold_ = 0;       // value of the digits of an incomplete byte
    unsigned pending_ = 0;    // how many digits that is
    bool aligned_ = false;    // `^` seen and not yet consumed
    std::uint32_t shift_ = 0; // the RISC-V shift register
    std::uint32_t word_ = 0;  // the `.` word being read
    std::optional<Error> error_;
};

}  // namespace

Result link(const Hex2Config& config, const std::vector<Input>& inputs) {
    const hex2_lexer::Options options{config.byte_mode, is_riscv(config.architecture)};

    LabelMap labels;
    LabelPass pass1(config, labels);
    for (std::size_t i = 0; i != inputs.size(); ++i) {
        pass1.start_file();
        if (const auto e = hex2_lexer::lex(inputs[i].bytes, options, pass1)) {
            Error error;
            error.kind = e->kind;
            error.file = i;
            error.offset = e->offset;
            return error;
        }
    }

    std::string out(pass1.size(), '\0');
    EmitPass pass2(config, labels, out.data());
    for (std::size_t i = 0; i != inputs.size(); ++i) {
        pass2.start_file(i, inputs[i].bytes);
        hex2_lexer::lex(inputs[i].bytes, options, pass2);
        if (pass2.error()) return std::move(*pass2.error());
    }
    out.resize(pass2.written());
    return out;
}

}  // namespace hexproof::hex2_fast
