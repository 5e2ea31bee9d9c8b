// The hex2 lexer grammar (Boost.Spirit X3): rule IDs, rules, grammar, error handling.
//
// Included by hex2_lexer.cpp only. Every byte of an input has a class decided by the byte alone
// (the table depends on the byte mode and on RISC-V word mode); the grammar is a loop over tokens,
// each starting with the class of its first byte. Semantic actions push tokens into a small batch
// that is handed to the caller's sink when full, so nothing here grows with the input.
//
// The character-class parsers are tiny X3 primitives reading one 256-entry table. The two long
// runs, data stretches and names, are primitives that scan sixteen bytes at a time where SSE2 is
// available (scan_data, scan_name) and byte by byte through the same tables elsewhere: that is
// where the bytes are.
#pragma once

#include <array>
#include <cstring>
#include <optional>

#include <boost/spirit/home/x3.hpp>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "hex2_lexer.hpp"

namespace hexproof::hex2_lexer::grammar {

namespace x3 = boost::spirit::x3;

// ---------------------------------------------------------------------------------------------
// Character classes
// ---------------------------------------------------------------------------------------------

enum CharClass : unsigned char {
    other,       // skipped: whitespace, `>`, `.` outside word mode, anything else
    digit,       // a byte digit of the byte mode
    comment,     // `#` `;`
    colon,       // `:`
    sigil,       // `!@$~%&` (word mode: `%&`)
    word_sigil,  // word mode: `!@$~`
    align,       // `<`
    flag,        // `^`
    dot,         // word mode: `.`
};

constexpr std::array<unsigned char, 256> make_classes(ByteMode mode, bool word_mode) {
    std::array<unsigned char, 256> t{};
    for (auto& c : t) c = other;
    for (int c = '0'; c <= '1'; ++c) t[c] = digit;
    if (mode != ByteMode::binary)
        for (int c = '2'; c <= '7'; ++c) t[c] = digit;
    if (mode == ByteMode::hex) {
        t['8'] = t['9'] = digit;
        for (int c = 'a'; c <= 'f'; ++c) t[c] = digit;
        for (int c = 'A'; c <= 'F'; ++c) t[c] = digit;
    }
    t['#'] = t[';'] = comment;
    t[':'] = colon;
    for (char c : {'!', '@', '$', '~'}) t[static_cast<unsigned char>(c)] = word_mode ? word_sigil : sigil;
    t['%'] = t['&'] = sigil;
    t['<'] = align;
    t['^'] = flag;
    if (word_mode) t['.'] = dot;
    return t;
}

// One table per (byte mode, word mode).
inline constexpr std::array<std::array<unsigned char, 256>, 6> class_tables = {
    make_classes(ByteMode::hex, false),    make_classes(ByteMode::octal, false),
    make_classes(ByteMode::binary, false), make_classes(ByteMode::hex, true),
    make_classes(ByteMode::octal, true),   make_classes(ByteMode::binary, true),
};

// Bytes of a name: `name_stop` ends it (the stop byte is consumed with the name; end of input also
// ends it), `name_nul` is a name byte that makes the name an error.
enum NameClass : unsigned char { name_part, name_stop, name_nul };

constexpr std::array<unsigned char, 256> make_name_classes() {
    std::array<unsigned char, 256> t{};
    t[' '] = t['\t'] = t['\n'] = t['>'] = name_stop;
    t[0] = name_nul;
    return t;
}
inline constexpr std::array<unsigned char, 256> name_classes = make_name_classes();

// The value of each hex digit, 0xFF for every other byte.
constexpr std::array<unsigned char, 256> make_hex_values() {
    std::array<unsigned char, 256> t{};
    for (auto& v : t) v = 0xFF;
    for (int c = 0; c < 10; ++c) t['0' + c] = static_cast<unsigned char>(c);
    for (int c = 0; c < 6; ++c) t['a' + c] = t['A' + c] = static_cast<unsigned char>(10 + c);
    return t;
}
inline constexpr std::array<unsigned char, 256> hex_values = make_hex_values();

// Whether the 8 bytes at p are hex digits; their value (first most significant) in `value`.
inline bool hex_word(const char* p, std::uint32_t& value) {
    std::uint32_t v = 0;
    unsigned bad = 0;
    for (int i = 0; i != 8; ++i) {
        const unsigned d = hex_values[static_cast<unsigned char>(p[i])];
        bad |= d;
        v = (v << 4) | (d & 0xFu);
    }
    value = v;
    return (bad & 0xF0u) == 0;
}

// ---------------------------------------------------------------------------------------------
// Scanners for the long runs
// ---------------------------------------------------------------------------------------------

// Set bits in a 16-bit mask (no popcnt instruction assumed; libgcc's fallback is a call).
inline unsigned count_bits16(unsigned x) {
    x = x - ((x >> 1) & 0x5555u);
    x = (x & 0x3333u) + ((x >> 2) & 0x3333u);
    x = (x + (x >> 4)) & 0x0F0Fu;
    return (x + (x >> 8)) & 0x1Fu;
}

// The end of the data stretch starting at `p` (the first byte that is neither a digit nor skipped,
// or `e`), adding the digits before it to `digits`. Mode and Word fix the digit set and whether
// `.` ends a stretch; `classes` is the matching table.
template <ByteMode Mode, bool Word>
const char* scan_data(const char* p, const char* e, const unsigned char* classes, std::size_t& digits) {
    // Short stretches (RISC-V words leave many) are cheaper byte by byte: the first 16 bytes are
    // scanned through the table, the rest of a long stretch sixteen at a time.
    for (const char* const head = e - p > 16 ? p + 16 : e; p != head; ++p) {
        const unsigned char k = classes[static_cast<unsigned char>(*p)];
        if (k > 1) return p;  // other = 0, digit = 1, anything else ends the stretch
        digits += k;
    }
#if defined(__SSE2__)
    constexpr char last_decimal = Mode == ByteMode::hex ? '9' : Mode == ByteMode::octal ? '7' : '1';
    // The bytes that end a stretch; outside word mode '.' is not one, so it is replaced by a
    // repeat of '#'.
    const __m128i c0 = _mm_set1_epi8('#'), c1 = _mm_set1_epi8(';'), c2 = _mm_set1_epi8(':');
    const __m128i c3 = _mm_set1_epi8('!'), c4 = _mm_set1_epi8('@'), c5 = _mm_set1_epi8('$');
    const __m128i c6 = _mm_set1_epi8('~'), c7 = _mm_set1_epi8('%'), c8 = _mm_set1_epi8('&');
    const __m128i c9 = _mm_set1_epi8('<'), c10 = _mm_set1_epi8('^'), c11 = _mm_set1_epi8(Word ? '.' : '#');
    const __m128i below_zero = _mm_set1_epi8('0' - 1), above_decimal = _mm_set1_epi8(last_decimal + 1);
    const __m128i below_a = _mm_set1_epi8('a' - 1), above_f = _mm_set1_epi8('f' + 1),
                  lower = _mm_set1_epi8(0x20);
    while (e - p >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const __m128i stop = _mm_or_si128(
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, c0), _mm_cmpeq_epi8(v, c1)),
                         _mm_or_si128(_mm_cmpeq_epi8(v, c2), _mm_cmpeq_epi8(v, c3))),
            _mm_or_si128(_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, c4), _mm_cmpeq_epi8(v, c5)),
                                      _mm_or_si128(_mm_cmpeq_epi8(v, c6), _mm_cmpeq_epi8(v, c7))),
                         _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, c8), _mm_cmpeq_epi8(v, c9)),
                                      _mm_or_si128(_mm_cmpeq_epi8(v, c10), _mm_cmpeq_epi8(v, c11)))));
        // Signed compares: bytes >= 0x80 are negative and never digits.
        __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, below_zero), _mm_cmpgt_epi8(above_decimal, v));
        if (Mode == ByteMode::hex) {
            const __m128i folded = _mm_or_si128(v, lower);  // A-F -> a-f; nothing else lands in a-f
            digit = _mm_or_si128(
                digit, _mm_and_si128(_mm_cmpgt_epi8(folded, below_a), _mm_cmpgt_epi8(above_f, folded)));
        }
        const auto stops = static_cast<unsigned>(_mm_movemask_epi8(stop));
        const auto digit_bits = static_cast<unsigned>(_mm_movemask_epi8(digit));
        if (stops != 0) {
            const unsigned n = static_cast<unsigned>(__builtin_ctz(stops));
            digits += count_bits16(digit_bits & ((1u << n) - 1u));
            return p + n;
        }
        digits += count_bits16(digit_bits);
        p += 16;
    }
#endif
    for (; p != e; ++p) {
        const unsigned char k = classes[static_cast<unsigned char>(*p)];
        if (k > 1) break;  // other = 0, digit = 1, anything else ends the stretch
        digits += k;
    }
    return p;
}

// The end of the name starting at `p`: the first space, tab, newline or '>' (or `e`). Sets `nul`
// when a NUL byte comes before it.
inline const char* scan_name(const char* p, const char* e, bool& nul) {
#if defined(__SSE2__)
    const __m128i space = _mm_set1_epi8(' '), tab = _mm_set1_epi8('\t'), newline = _mm_set1_epi8('\n');
    const __m128i greater = _mm_set1_epi8('>'), zero = _mm_setzero_si128();
    while (e - p >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const __m128i stop =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, space), _mm_cmpeq_epi8(v, tab)),
                         _mm_or_si128(_mm_cmpeq_epi8(v, newline), _mm_cmpeq_epi8(v, greater)));
        const auto stops = static_cast<unsigned>(_mm_movemask_epi8(stop));
        const auto nuls = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, zero)));
        if (stops != 0) {
            const unsigned n = static_cast<unsigned>(__builtin_ctz(stops));
            if ((nuls & ((1u << n) - 1u)) != 0) nul = true;
            return p + n;
        }
        if (nuls != 0) nul = true;
        p += 16;
    }
#endif
    for (; p != e; ++p) {
        const unsigned char k = name_classes[static_cast<unsigned char>(*p)];
        if (k == name_stop) break;
        if (k == name_nul) nul = true;
    }
    return p;
}

// ---------------------------------------------------------------------------------------------
// Lexer state, reached from actions through the context (x3::with<state_tag>)
// ---------------------------------------------------------------------------------------------

struct state_tag;

// Tokens per batch: 128 tokens (7 KiB) stay in the L1 cache between the lexer writing them and the
// linker reading them; 512 did not (about 10% more CPU time on the riscv64 benchmark).
inline constexpr std::size_t batch_size = 128;

struct LexState {
    const unsigned char* classes = nullptr;
    std::size_t table = 0;  // index of `classes` in class_tables: byte mode + 3 in word mode
    const char* begin = nullptr;
    const char* end = nullptr;
    unsigned per_byte = 2;
    std::size_t digits_seen = 0;  // byte digits since the file start or the last word's end
    std::size_t word_at = 0;      // the `.` of the word being read
    std::array<Token, batch_size> batch;
    std::size_t count = 0;
    TokenSink* sink = nullptr;
    bool stopped = false;
    std::optional<LexError> error;

    std::size_t offset(const char* p) const { return static_cast<std::size_t>(p - begin); }
    void flush() {
        if (count != 0 && !stopped) stopped = !sink->consume(batch.data(), count);
        count = 0;
    }
    // The token being built is the next free batch slot; commit() keeps it. Building in place
    // spares a copy per token.
    Token& begin_token(TokenKind kind, std::size_t at) {
        Token& t = batch[count];
        t.kind = kind;
        t.sigil = 0;
        t.word_reference = false;
        t.completes_word = false;
        t.at = at;
        t.text = {};
        t.base = {};
        t.digits = 0;
        return t;
    }
    Token& current() { return batch[count]; }
    void commit() {
        if (stopped) return;
        if (++count == batch_size) flush();
    }
    void fail(ErrorKind kind, std::size_t at) {
        flush();
        if (!error) error = LexError{kind, at};
        stopped = true;
    }
};

template <typename Context>
LexState& state(Context const& ctx) {
    return x3::get<state_tag>(ctx);
}

// ---------------------------------------------------------------------------------------------
// Primitive parsers
// ---------------------------------------------------------------------------------------------

// One byte of class K.
template <unsigned char K>
struct class_byte_parser : x3::parser<class_byte_parser<K>> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;

    template <typename It, typename Context, typename RContext, typename Attribute>
    bool parse(It& first, It const& last, Context const& ctx, RContext&, Attribute&) const {
        if (first == last || state(ctx).classes[static_cast<unsigned char>(*first)] != K) return false;
        ++first;
        return true;
    }
};

// One byte that may be part of a name (Stop = false) or that ends one (Stop = true).
template <bool Stop>
struct name_byte_parser : x3::parser<name_byte_parser<Stop>> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;

    template <typename It, typename Context, typename RContext, typename Attribute>
    bool parse(It& first, It const& last, Context const&, RContext&, Attribute&) const {
        if (first == last || (name_classes[static_cast<unsigned char>(*first)] == name_stop) != Stop)
            return false;
        ++first;
        return true;
    }
};

// One byte that is (Eol = true) or is not (Eol = false) the end of a comment: `\n` or `\r`.
template <bool Eol>
struct eol_byte_parser : x3::parser<eol_byte_parser<Eol>> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;

    template <typename It, typename Context, typename RContext, typename Attribute>
    bool parse(It& first, It const& last, Context const&, RContext&, Attribute&) const {
        if (first == last || ((*first == '\n' || *first == '\r') != Eol)) return false;
        ++first;
        return true;
    }
};

// A data stretch: the longest run of byte digits and skipped bytes, as one token with the count of
// its digits (the first pass never reads the digits again). Runs without digits (blanks between
// tokens) make no token. This is `+(digit | other)` with the
// counting done in registers; it is the lexer's hot loop.
struct data_run_parser : x3::parser<data_run_parser> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;

    template <typename It, typename Context, typename RContext, typename Attribute>
    bool parse(It& first, It const& last, Context const& ctx, RContext&, Attribute&) const {
        LexState& st = state(ctx);
        const unsigned char* const classes = st.classes;
        const char* p = &*first;
        const char* const e = p + (last - first);
        const char* const b = p;
        if (p == e || classes[static_cast<unsigned char>(*p)] > digit) return false;
        std::size_t digits = 0;
        switch (st.table) {
            case 0: p = scan_data<ByteMode::hex, false>(p, e, classes, digits); break;
            case 1: p = scan_data<ByteMode::octal, false>(p, e, classes, digits); break;
            case 2: p = scan_data<ByteMode::binary, false>(p, e, classes, digits); break;
            case 3: p = scan_data<ByteMode::hex, true>(p, e, classes, digits); break;
            case 4: p = scan_data<ByteMode::octal, true>(p, e, classes, digits); break;
            default: p = scan_data<ByteMode::binary, true>(p, e, classes, digits); break;
        }
        first += p - b;
        if (digits != 0) {
            Token& t = st.begin_token(TokenKind::data, st.offset(b));
            t.text = std::string_view(b, static_cast<std::size_t>(p - b));
            t.digits = digits;
            st.commit();
            st.digits_seen += digits;
        }
        return true;
    }
};

// The name of the label or reference being built (Base: its `>base` name): `*name_byte`, kept in
// the token. A name cut off by the end of input right after its sigil or `>` is eof_name(); a NUL
// in a name is `nul_in_name` at the token's `:` or sigil (docs/contract.md).
template <bool Base>
struct name_text_parser : x3::parser<name_text_parser<Base>> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;

    template <typename It, typename Context, typename RContext, typename Attribute>
    bool parse(It& first, It const& last, Context const& ctx, RContext&, Attribute&) const {
        LexState& st = state(ctx);
        const char* const b = &*first;
        const char* const e = b + (last - first);
        bool nul = false;
        const char* const p = scan_name(b, e, nul);
        if (nul) st.fail(ErrorKind::nul_in_name, st.current().at);
        first += p - b;
        const std::string_view text =
            (p == b && p == e) ? eof_name() : std::string_view(b, static_cast<std::size_t>(p - b));
        (Base ? st.current().base : st.current().text) = text;
        return true;
    }
};

// Succeeds, consuming nothing, while neither an error nor the sink has stopped the lexer.
struct running_parser : x3::parser<running_parser> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;

    template <typename It, typename Context, typename RContext, typename Attribute>
    bool parse(It&, It const&, Context const& ctx, RContext&, Attribute&) const {
        return !state(ctx).stopped;
    }
};

// The body of a RISC-V `.` word: byte digits until four bytes are complete, a pending nibble
// (octal: digits) from before the `.` counting towards the first; comments and every other byte
// are skipped inside the word. The number of digits it reads depends on how many digits came
// before it, which no fixed X3 repeat can express, hence this primitive. It makes one
// `word_digits` token per comment-free stretch, the last marked `completes_word`. End of input
// before the fourth byte is `unterminated_word` at the `.` (upstream loops forever).
struct word_body_parser : x3::parser<word_body_parser> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;

    template <typename It, typename Context, typename RContext, typename Attribute>
    bool parse(It& first, It const& last, Context const& ctx, RContext&, Attribute&) const {
        LexState& st = state(ctx);
        const char* p = &*first;
        const char* const e = p + (last - first);
        const std::size_t pending = st.per_byte == 2 ? (st.digits_seen & 1u) : st.digits_seen % st.per_byte;
        std::size_t need = 4 * st.per_byte - pending;
        const unsigned char* const c = st.classes;
        // The usual word is eight hex digits in a row (`.00000513`), and the usual RISC-V line has
        // several (`.00010000 .00000100 .000080FF 13000000`): one token for all the words met with
        // only skipped bytes between them, with their XOR (a token costs more than a word; on the
        // real-shaped riscv64 input this halved the tokens).
        std::uint32_t value;
        if (need == 8 && e - p >= 8 && hex_word(p, value)) {
            const char* end = p + 8;
            for (;;) {
                const char* q = end;
                while (q != e && c[static_cast<unsigned char>(*q)] == other) ++q;
                std::uint32_t next;
                if (q == e || *q != '.' || e - q < 9 || !hex_word(q + 1, next)) break;
                value ^= next;
                end = q + 9;
            }
            Token& t = st.begin_token(TokenKind::words, st.offset(p));
            t.value = value;
            st.commit();
            first += end - p;
            st.digits_seen = 0;
            return true;
        }
        // All its digits in a row, octal or binary or after a pending digit: one token.
        unsigned not_digits = static_cast<std::size_t>(e - p) >= need ? 0u : 1u;
        if (not_digits == 0) {
            for (std::size_t i = 0; i != need; ++i) not_digits |= c[static_cast<unsigned char>(p[i])] ^ digit;
        }
        if (not_digits == 0) {
            Token& t = st.begin_token(TokenKind::word_digits, st.offset(p));
            t.text = std::string_view(p, need);
            t.digits = need;
            t.completes_word = true;
            st.commit();
            first += static_cast<std::ptrdiff_t>(need);
            st.digits_seen = 0;
            return true;
        }
        while (need != 0 && p != e) {
            const char* first_digit = nullptr;
            const char* last_digit = nullptr;
            std::size_t digits = 0;
            for (; p != e && need != 0; ++p) {
                const unsigned char k = st.classes[static_cast<unsigned char>(*p)];
                if (k == digit) {
                    if (digits++ == 0) first_digit = p;
                    last_digit = p;
                    --need;
                } else if (k == comment) {
                    break;
                }
            }
            if (digits != 0) {
                Token& t = st.begin_token(TokenKind::word_digits, st.offset(first_digit));
                t.text =
                    std::string_view(first_digit, static_cast<std::size_t>(last_digit + 1 - first_digit));
                t.digits = digits;
                t.completes_word = need == 0;
                st.commit();
            }
            if (need != 0 && p != e) {  // a comment: to the end of the line, `\n` or `\r` included
                while (p != e && *p != '\n' && *p != '\r') ++p;
                if (p != e) ++p;
            }
        }
        first += p - &*first;
        if (need != 0) {
            st.fail(ErrorKind::unterminated_word, st.word_at);
            return true;
        }
        st.digits_seen = 0;
        return true;
    }
};

inline constexpr data_run_parser data_run{};
inline constexpr class_byte_parser<comment> comment_start{};
inline constexpr class_byte_parser<colon> colon_byte{};
inline constexpr class_byte_parser<sigil> sigil_byte{};
inline constexpr class_byte_parser<word_sigil> word_sigil_byte{};
inline constexpr class_byte_parser<align> align_byte{};
inline constexpr class_byte_parser<flag> flag_byte{};
inline constexpr class_byte_parser<dot> dot_byte{};
inline constexpr name_byte_parser<true> name_end{};
inline constexpr eol_byte_parser<false> not_eol{};
inline constexpr eol_byte_parser<true> eol{};
inline constexpr running_parser running{};
inline constexpr word_body_parser word_body{};
inline constexpr name_text_parser<false> name_text{};
inline constexpr name_text_parser<true> base_text{};

// ---------------------------------------------------------------------------------------------
// Semantic actions
// ---------------------------------------------------------------------------------------------

template <typename Range>
std::string_view view(Range const& r) {
    return std::string_view(&*r.begin(), static_cast<std::size_t>(r.end() - r.begin()));
}

// Starts a label or reference at the byte just matched (`:` or the sigil), taken from x3::raw's
// range (X3's `_where` is not the match range in every Boost version).
template <TokenKind Kind, bool WordReference = false>
struct start_token {
    template <typename Context>
    void operator()(Context& ctx) const {
        LexState& st = state(ctx);
        const char* p = &*x3::_attr(ctx).begin();
        Token& t = st.begin_token(Kind, st.offset(p));
        t.sigil = *p;
        t.word_reference = WordReference;
    }
};

inline auto const emit_current = [](auto& ctx) { state(ctx).commit(); };

// A `.`: remembered for the error a cut-off word reports.
inline auto const start_word = [](auto& ctx) {
    LexState& st = state(ctx);
    st.word_at = st.offset(&*x3::_attr(ctx).begin());
};

// `<` and `^`: single-byte tokens.
template <TokenKind Kind>
struct emit_single {
    template <typename Context>
    void operator()(Context& ctx) const {
        LexState& st = state(ctx);
        st.begin_token(Kind, st.offset(&*x3::_attr(ctx).begin()));
        st.commit();
    }
};

// ---------------------------------------------------------------------------------------------
// Rule IDs
// ---------------------------------------------------------------------------------------------

struct file_class;
struct token_class;
struct data_class;
struct comment_class;
struct name_class;
struct base_class;
struct label_class;
struct reference_class;
struct word_reference_class;
struct align_class;
struct flag_class;
struct word_class;

// ---------------------------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------------------------

x3::rule<file_class> const file = "file";
x3::rule<token_class> const token = "token";
x3::rule<data_class> const data = "data";
x3::rule<comment_class> const comment_line = "comment";
x3::rule<name_class> const name = "name";
x3::rule<base_class> const base = "base";
x3::rule<label_class> const label = "label";
x3::rule<reference_class> const reference = "reference";
x3::rule<word_reference_class> const word_reference = "word_reference";
x3::rule<align_class> const align_mark = "align";
x3::rule<flag_class> const flag_mark = "flag";
x3::rule<word_class> const word = "word";

// ---------------------------------------------------------------------------------------------
// Grammar
// ---------------------------------------------------------------------------------------------

auto const file_def = *(running >> token);
auto const token_def =
    data | reference | label | word_reference | word | comment_line | align_mark | flag_mark;
auto const data_def = data_run;
auto const comment_line_def = comment_start >> *not_eol >> -eol;
auto const name_def = name_text;
auto const base_def = base_text;
auto const label_def =
    (x3::raw[colon_byte][start_token<TokenKind::label>{}] >> name >> -name_end)[emit_current];
auto const reference_def = (x3::raw[sigil_byte][start_token<TokenKind::reference>{}] >> name >>
                            ((x3::lit('>') >> base >> -name_end) | -name_end))[emit_current];
auto const word_reference_def =
    (x3::raw[word_sigil_byte][start_token<TokenKind::reference, true>{}] >> name >> -name_end)[emit_current];
auto const align_mark_def = x3::raw[align_byte][emit_single<TokenKind::align>{}];
auto const flag_mark_def = x3::raw[flag_byte][emit_single<TokenKind::flag>{}];
auto const word_def = x3::raw[dot_byte][start_word] >> word_body;

BOOST_SPIRIT_DEFINE(file, token, data, comment_line, name, base, label, reference, word_reference, align_mark,
                    flag_mark, word)

// ---------------------------------------------------------------------------------------------
// Error handling
// ---------------------------------------------------------------------------------------------
// The grammar cannot fail: every byte class starts a token, so `file` always reaches the end of
// the input. The two lexical errors are recorded by LexState::fail (a NUL in a name, a word cut
// off by the end of the input), which also stops the `running` guard.

}  // namespace hexproof::hex2_lexer::grammar
