// The encoding facts of hex2 and M1, each written once and named after the Coq definition it
// mirrors: how wide a reference field is and which values fit it, what `<` pads, the
// per-architecture displacement, the RISC-V fields (spec/Hex2Lex.v, spec/Hex2Encode.v), and M1's
// immediate fields and digits (spec/M1Eval.v). The fast engines, the diagnostics and the tests
// take them from here; the reference engine computes them with the C++ printed from those very
// definitions (extracted/gen/hex2_encode.hpp, m1_eval.hpp), of which this is the handwritten
// counterpart.
//
// The arithmetic is upstream's C `int` arithmetic: 32 bits, wrapping, `>>` arithmetic. It is done
// on std::uint32_t and read as std::int32_t where a sign matters (Hex2Encode.v's u32 and s32).
#pragma once

#include <cstdint>
#include <optional>

#include "engine.hpp"

namespace hexproof::encoding {

// ---- hex2 references (spec/Hex2Lex.v) --------------------------------------------------------

// Coq: Hexproof.Spec.Hex2Lex.ref_size. The bytes of a reference field: `!` 1, `@` `$` 2, `~` 3,
// `%` `&` 4.
constexpr unsigned ref_size(char sigil) {
    switch (sigil) {
        case '!': return 1;
        case '@':
        case '$': return 2;
        case '~': return 3;
        default: return 4;
    }
}

// Coq: Hexproof.Spec.Hex2Lex.ref_absolute. `$` and `&` hold the target itself.
constexpr bool ref_absolute(char sigil) { return sigil == '$' || sigil == '&'; }

// Coq: Hexproof.Spec.Hex2Lex.word_arch (M1Eval.is_riscv is the same test). RISC-V is "word
// mode": hex2 reads `.` words and puts `!@$~` into the shift register; M1 prints instruction words.
constexpr bool word_arch(Architecture a) { return a == Architecture::riscv32 || a == Architecture::riscv64; }

// Coq: Hexproof.Spec.Hex2Lex.is_word_immediate. In word mode `!@$~` are immediates that take no
// space; `%` and `&` stay 4-byte fields.
constexpr bool is_word_immediate(char sigil) { return sigil != '%' && sigil != '&'; }

// ---- hex2 values (spec/Hex2Encode.v) ---------------------------------------------------------

// Coq: Hexproof.Spec.Hex2Encode.s32. A 32-bit pattern read as a C int.
constexpr std::int32_t s32(std::uint32_t v) {
    return v < 0x80000000u ? static_cast<std::int32_t>(v)
                           : static_cast<std::int32_t>(v - 0x80000000u) - 0x7FFFFFFF - 1;
}

// `v >> n` on a C int (Z.shiftr of a wrapped value): an arithmetic shift.
constexpr std::uint32_t shift_right_arithmetic(std::uint32_t v, unsigned n) {
    return (v & 0x80000000u) != 0 ? ~(~v >> n) : v >> n;
}

// The architectures whose arch_displacement reads (and clears) the `^` flag; elsewhere `^` has
// no effect.
constexpr bool reads_caret(Architecture a) {
    return a == Architecture::armv7l || a == Architecture::aarch64 || a == Architecture::ppc64le;
}

// Coq: Hexproof.Spec.Hex2Encode.arch_displacement. The displacement of a relative reference
// without `>base`, from b (the address just after the field; for a RISC-V immediate the address
// of the instruction) to the target t, given the `^` flag `aligned`; nullopt when armv7l's `^`
// meets a target that is not 4-aligned (unaligned_branch_target).
constexpr std::optional<std::uint32_t> arch_displacement(Architecture a, bool aligned, std::uint32_t t,
                                                         std::uint32_t b) {
    switch (a) {
        case Architecture::knight:
        case Architecture::x86:
        case Architecture::amd64:
        case Architecture::riscv32:
        case Architecture::riscv64: return t - b;
        case Architecture::armv7l:
            if (aligned) {
                if ((t & 3u) != 0) return std::nullopt;
                return shift_right_arithmetic(t - b + (b & 3u), 2) - 2u;
            }
            return t - b - 8u + (b & 3u);
        case Architecture::aarch64:
            if (aligned) return shift_right_arithmetic(t - (b & ~3u), 2);
            return t - b - 8u + (b & 3u);
        case Architecture::ppc64le:
            if (aligned) return (t - (b & ~3u)) | 1u;
            return t - (b & ~3u);
    }
    return t - b;
}

// Coq: Hexproof.Spec.Hex2Encode.ref_fits. Relative 1, 2 and 3-byte fields must fit signed, `$`
// must fit 0..65535; 4-byte fields are never checked.
constexpr bool ref_fits(char sigil, std::int32_t v) {
    switch (sigil) {
        case '!': return v >= -128 && v <= 127;
        case '@': return v >= -32768 && v <= 32767;
        case '$': return v >= 0 && v <= 65535;
        case '~': return v >= -8388608 && v <= 8388607;
        default: return true;
    }
}

// Coq: Hexproof.Spec.Hex2Encode.pads. `<` pads on these architectures and does nothing elsewhere.
constexpr bool pads(Architecture a) {
    return a == Architecture::armv7l || a == Architecture::aarch64 || word_arch(a);
}

// Coq: Hexproof.Spec.Hex2Encode.pad_size. The zero bytes `<` writes at ip: one to reach an even
// address, then two to reach a multiple of 4 (where it pads).
constexpr unsigned pad_size(Architecture a, std::uint32_t ip) {
    if (!pads(a)) return 0;
    const unsigned p1 = ip & 1u;
    return p1 + (((ip + p1) & 2u) != 0 ? 2u : 0u);
}

// Coq: Hexproof.Spec.Hex2Encode.word_swap. A `.` word's four bytes as they enter the shift
// register: as read (the first most significant) when big endian, byte-swapped otherwise.
constexpr std::uint32_t word_swap(bool big_endian, std::uint32_t w) {
    return big_endian ? w : (w >> 24) | ((w >> 8) & 0xFF00u) | ((w << 8) & 0xFF0000u) | (w << 24);
}

// Coq: Hexproof.Spec.Hex2Encode.riscv_field. The bits a RISC-V immediate with displacement v
// (from the instruction to the target) XORs into the shift register, or nullopt when v does not
// fit the field:
// - `!` I-type: the low 12 bits of v + 4 in bits 31:20, never checked (the second instruction of
//   an auipc pair, whose displacement counts from the first);
// - `@` B-type: even, -4096..4095, imm[12|10:5] in 31:25, imm[4:1|11] in 11:7;
// - `$` J-type: even, -2^20..2^20-1, imm[20|10:1|11|19:12] in 31:12;
// - `~` U-type: bits 31:12, plus 0x1000 when bit 11 is set (auipc + addi pairs);
// - `%` `&`: nothing (they are fields of their own).
constexpr std::optional<std::uint32_t> riscv_field(char sigil, std::uint32_t v) {
    const std::int32_t sv = s32(v);
    switch (sigil) {
        case '!': return ((v + 4u) & 0xFFFu) << 20;
        case '@':
            if (sv < -0x1000 || sv > 0xFFF || (v & 1u) != 0) return std::nullopt;
            return ((v & 0x1Eu) << 7) | ((v & 0x7E0u) << 20) | ((v & 0x800u) >> 4) | ((v & 0x1000u) << 19);
        case '$':
            if (sv < -0x100000 || sv > 0xFFFFF || (v & 1u) != 0) return std::nullopt;
            return ((v & 0x7FEu) << 20) | ((v & 0x800u) << 9) | (v & 0xFF000u) | ((v & 0x100000u) << 11);
        case '~': return (v & 0xFFFFF000u) + ((v & 0x800u) != 0 ? 0x1000u : 0u);
        default: return 0u;
    }
}

// ---- M1 immediates (spec/M1Eval.v) -----------------------------------------------------------

// Coq: Hexproof.Spec.M1Eval.digits_per_byte (and Hex2Lex.digits_per_byte, the same for hex2's
// byte digits): 2 hex, 3 octal, 8 binary.
constexpr int digits_per_byte(ByteMode m) { return m == ByteMode::hex ? 2 : m == ByteMode::octal ? 3 : 8; }

// Coq: Hexproof.Spec.M1Eval.digit_bits: bits per digit, 4 hex, 3 octal, 1 binary.
constexpr int digit_bits(ByteMode m) { return m == ByteMode::hex ? 4 : m == ByteMode::octal ? 3 : 1; }

// The field an M1 immediate is printed in: `width` bytes, accepted when low <= value <= high.
struct CheckedField {
    int width;
    std::int32_t low, high;
};

// Coq: Hexproof.Spec.M1Eval.express_number (the checked_field each sigil gets). Inclusive bounds
// one beyond the field's range (upstream's quirk); `%` and `&` are 4 bytes, never checked.
constexpr CheckedField express_number_field(char sigil) {
    switch (sigil) {
        case '!': return {1, -129, 256};
        case '@': return {2, -32769, 32768};
        case '$': return {2, -32769, 65536};
        case '~': return {3, -8388609, 8388608};
        default: return {4, INT32_MIN, INT32_MAX};
    }
}

// Coq: Hexproof.Spec.M1Eval.on_bound. v is one of the bounds express_number checks for `sigil`
// (upstream's quirk: they pass although they do not fit the field).
constexpr bool on_bound(char sigil, std::int64_t v) {
    const CheckedField f = express_number_field(sigil);
    return f.width < 4 && (v == f.low || v == f.high);
}

// Coq: Hexproof.Spec.M1Eval.immediate (knight's bare numbers). The sigil whose field a bare
// number on knight is printed in: `$` above 32767, `@` otherwise; 0 above 65536, where the text is
// not an immediate.
constexpr char knight_bare_sigil(std::int32_t v) { return v > 65536 ? 0 : v > 32767 ? '$' : '@'; }

// Coq: Hexproof.Spec.M1Eval.riscv_immediate. An immediate placed into a RISC-V instruction word:
// `!` I-type (bits 11:0 into 31:20), `@` S-type (4:0 into 11:7, 11:5 into 31:25), `~` U-type
// (bits 31:12, rounded up when bit 11 is set).
constexpr std::uint32_t riscv_immediate(char sigil, std::uint32_t v) {
    switch (sigil) {
        case '!': return (v & 0xFFFu) << 20;
        case '@': return ((v & 0x1Fu) << 7) | ((v & 0xFE0u) << 20);
        default: return (v & 0xFFFFF000u) + ((v & 0xFFFu) >= 0x800u ? 0x1000u : 0u);
    }
}

}  // namespace hexproof::encoding
