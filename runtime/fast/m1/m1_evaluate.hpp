// What M1's tokens mean, for the fast M1: the handwritten counterpart of spec/M1Eval.v (the
// printed form of each token text) and of M1's walk over its token stream (M1Lex.v's newline
// rules, M1Spec.v's expand_defines). The rest of fast/m1/ is how to do this quickly for millions
// of tokens; this file is what is done.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "encoding.hpp"
#include "engine.hpp"
#include "strtoint.hpp"

namespace hexproof::m1_fast {

// ---------------------------------------------------------------------------------------------
// The token stream and DEFINE
// ---------------------------------------------------------------------------------------------

// What a token of the (collapsed) stream is to DEFINE (upstream's line_macro).
enum class Role : std::uint8_t { print, define, name, value };

// Upstream's token stream, rebuilt on the fly: Tokenize_Line's newline rules across all inputs
// (M1Lex.collapse: no newline before the first token of the whole stream, runs collapse) and
// line_macro's walk (M1Spec.expand_defines: a DEFINE token becomes a newline and takes the next
// two tokens, whatever they are, as name and value).
class TokenStream {
public:
    // False when a newline vanishes (stream start, or the previous token is a newline).
    bool keep_newline() {
        if (!any_ || last_newline_) return false;
        last_newline_ = true;
        return true;
    }
    void keep_text() {
        any_ = true;
        last_newline_ = false;
    }
    Role role(bool is_define) {
        switch (state_) {
            case State::normal:
                if (!is_define) return Role::print;
                state_ = State::want_name;
                return Role::define;
            case State::want_name: state_ = State::want_value; return Role::name;
            case State::want_value: break;
        }
        state_ = State::normal;
        return Role::value;
    }
    bool any() const { return any_; }
    bool after_newline() const { return last_newline_; }
    bool wants_name() const { return state_ == State::want_name; }
    bool wants_value() const { return state_ == State::want_value; }

private:
    enum class State : std::uint8_t { normal, want_name, want_value };
    bool any_ = false;
    bool last_newline_ = false;
    State state_ = State::normal;
};

// Coq: Hexproof.Spec.M1Lex.is_quote of a text's first byte: the text is a string.
inline bool is_string(std::string_view text) { return text[0] == '"' || text[0] == '\''; }

// Coq: Hexproof.Spec.M1Spec.value_text. The text a DEFINE's value gives its name: a string loses
// its quote (and is not hex-encoded).
inline std::string_view value_text(std::string_view value) {
    return is_string(value) ? value.substr(1) : value;
}

// ---------------------------------------------------------------------------------------------
// A text's printed form (M1Eval.v)
// ---------------------------------------------------------------------------------------------

// The digits of all byte modes, and a byte's membership of a set of sigils.
inline constexpr char digit_chars[] = "0123456789ABCDEF";

inline bool in_set(char c, std::string_view set) {
    for (const char s : set)
        if (c == s) return true;
    return false;
}

// What evaluating one text ends in: a printed form appended to `out`, the text itself as its
// printed form (nothing appended), `number` zero bytes of padding (nothing appended: they are
// printed where they go), no value, or an error (M1Eval's outcome, with the text as its own value
// and padding apart).
enum class Outcome : std::uint8_t { value, unchanged, padding, none, out_of_range, negative_padding };

struct Evaluation {
    Outcome outcome;
    std::int32_t number = 0;  // the value an error shows, or the bytes of padding
};

// Coq: Hexproof.Spec.M1Eval.number_text (upstream's stringify). Appends `bytes * per_byte`
// digits of the (sign-extended) value, most significant first; little endian reverses the
// per_byte-digit groups.
inline void number_text(std::string& out, std::int32_t value, int bytes, const M1Config& config) {
    // Octal is not byte-aligned: 3 digits per byte of width cover 3 bits more than the byte.
    const int per_byte = encoding::digits_per_byte(config.byte_mode);
    const int bits = encoding::digit_bits(config.byte_mode);
    const int digits = bytes * per_byte;
    const std::int64_t v = value;
    const std::int64_t mask = (std::int64_t{1} << bits) - 1;
    const std::size_t start = out.size();
    out.resize(start + static_cast<std::size_t>(digits));
    char* d = out.data() + start;
    for (int k = digits - 1; k >= 0; --k) *d++ = digit_chars[(v >> (bits * k)) & mask];
    if (!config.big_endian) {
        d = out.data() + start;
        for (int lo = 0, hi = bytes - 1; lo < hi; ++lo, --hi)
            std::swap_ranges(d + lo * per_byte, d + (lo + 1) * per_byte, d + hi * per_byte);
    }
}

// Coq: Hexproof.Spec.M1Eval.hexify (upstream's hexify_string). Appends each byte of a
// double-quoted string's body, then a 0 byte, each as digits and a space; on knight in hex mode,
// `0` digits pad the bytes to a multiple of 4.
inline void hexify(std::string& out, std::string_view body, const M1Config& config) {
    const int per_byte = encoding::digits_per_byte(config.byte_mode);
    const int bits = encoding::digit_bits(config.byte_mode);
    const std::size_t start = out.size();
    out.resize(start + (body.size() + 1) * static_cast<std::size_t>(per_byte + 1));
    char* d = out.data() + start;
    const auto put_byte = [&](unsigned char b) {
        for (int k = per_byte - 1; k >= 0; --k) *d++ = digit_chars[(b >> (bits * k)) & ((1 << bits) - 1)];
        *d++ = ' ';
    };
    for (char c : body) put_byte(static_cast<unsigned char>(c));
    put_byte(0);
    if (config.architecture == Architecture::knight && config.byte_mode == ByteMode::hex)
        out.append(6 - 2 * (body.size() % 4), '0');
}

// Coq: Hexproof.Spec.M1Eval.express_number. The sigil's field (encoding::express_number_field):
// range check, mask, digits.
inline Evaluation express_number(std::string& out, std::int32_t value, char sigil, const M1Config& config) {
    const encoding::CheckedField field = encoding::express_number_field(sigil);
    if (value < field.low || value > field.high) return {Outcome::out_of_range, value};
    const std::uint32_t mask = field.width == 4 ? 0xFFFFFFFFu : (1u << (8 * field.width)) - 1;
    number_text(out, static_cast<std::int32_t>(static_cast<std::uint32_t>(value) & mask), field.width,
                config);
    return {Outcome::value};
}

// Coq: Hexproof.Spec.M1Eval.express_word (RISC-V): `!@~` as `.`-prefixed instruction words,
// `$` a 16-bit and `%` a 32-bit constant. No range check.
inline void express_word(std::string& out, std::int32_t value, char sigil, const M1Config& config) {
    const auto u = static_cast<std::uint32_t>(value);
    if (sigil == '$') {
        number_text(out, static_cast<std::int32_t>(u & 0xFFFFu), 2, config);
    } else if (sigil == '%') {
        number_text(out, value, 4, config);
    } else {
        out.push_back('.');
        number_text(out, static_cast<std::int32_t>(encoding::riscv_immediate(sigil, u)), 4, config);
    }
}

// Coq: Hexproof.Spec.M1Eval.immediate. nullopt when the text is not an immediate here.
inline std::optional<Evaluation> immediate(std::string& out, std::string_view text, const M1Config& config) {
    const char first = text[0];
    if (first == '<') return std::nullopt;  // left to the padding stage
    if (encoding::word_arch(config.architecture)) {
        if (!in_set(first, "%~@!$")) return std::nullopt;
        const std::string_view digits = text.substr(1);
        const std::int32_t value = strtoint(digits);
        if (!is_number(digits, value)) return std::nullopt;
        express_word(out, value, first, config);
        return Evaluation{Outcome::value};
    }
    if (in_set(first, "%~@!&$")) {
        const std::string_view digits = text.substr(1);
        const std::int32_t value = strtoint(digits);
        if (!is_number(digits, value)) return std::nullopt;
        return express_number(out, value, first, config);
    }
    if (config.architecture == Architecture::knight) {
        const std::int32_t value = strtoint(text);
        const char sigil = encoding::knight_bare_sigil(value);
        if (is_number(text, value) && sigil != 0) return express_number(out, value, sigil, config);
    }
    return std::nullopt;
}

// Coq: Hexproof.Spec.M1Eval.other (upstream's preserve_other): sigil texts pass through, `<N`
// is padding.
inline Evaluation other(std::string_view text) {
    const char first = text[0];
    if (in_set(first, "!@$~%&:^")) return {Outcome::unchanged};
    if (first == '<') {
        const std::int32_t count = strtoint(text.substr(1));
        if (count < 0) return {Outcome::negative_padding, count};
        if (count == 0) return {Outcome::unchanged};
        return {Outcome::padding, count};
    }
    return {Outcome::none};
}

// M1Eval.evaluate's last stages, for a text that is neither a string nor bound by a DEFINE:
// immediate, else other.
inline Evaluation immediate_or_other(std::string& out, std::string_view text, const M1Config& config) {
    if (const std::optional<Evaluation> e = immediate(out, text, config)) return *e;
    return other(text);
}

// Whether a text is printed as it is unless DEFINE binds it: not a string, and left unchanged by
// immediate_or_other. Pass 1 asks this of each new text while the text is still in the cache, so
// that evaluation need not read the texts of labels (most of a large program's texts) again.
// `scratch` takes what immediate_or_other appends.
inline bool kept_as_is(std::string_view text, const M1Config& config, std::string& scratch) {
    if (is_string(text)) return false;
    scratch.clear();
    return immediate_or_other(scratch, text, config).outcome == Outcome::unchanged;
}

}  // namespace hexproof::m1_fast
