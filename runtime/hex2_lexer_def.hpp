// The hex2 lexer grammar (Boost.Spirit X3): rule IDs, rules, grammar, error handling.
//
// Included by hex2_lexer.cpp only. Every byte of an input has a class decided by the byte alone
// (the table depends on the byte mode and on RISC-V word mode); the grammar is a loop over tokens,
// each starting with the class of its first byte. Semantic actions push tokens into a small batch
// that is handed to the caller's sink when full, so nothing here grows with the input.
//
// The character-class parsers are tiny X3 primitives reading one 256-entry table, which keeps the
// hot loops (digit runs and skipped runs) to a load and a compare per byte.
#pragma once

#include <array>
#include <cstring>
#include <optional>

#include <boost/spirit/home/x3.hpp>

#include "hex2_lexer.hpp"

namespace hexproof::hex2_lexer::grammar {

namespace x3 = boost::spirit::x3;

// ---------------------------------------------------------------------------------------------
// Character classes
// ---------------------------------------------------------------------------------------------

enum CharClass : unsigned char {
    other,        // skipped: whitespace, `>`, `.` outside word mode, anything else
    digit,        // a byte digit of the byte mode
    comment,      // `#` `;`
    colon,        // `:`
    sigil,        // `!@$~%&` (word mode: `%&`)
    word_sigil,   // word mode: `!@$~`
    align,        // `<`
    flag,         // `^`
    dot,          // word mode: `.`
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

// ---------------------------------------------------------------------------------------------
// Lexer state, reached from actions through the context (x3::with<state_tag>)
// ---------------------------------------------------------------------------------------------

struct state_tag;

inline constexpr std::size_t batch_size = 512;

struct LexState {
    const unsigned char* classes = nullptr;
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
        if (first == last || (name_classes[static_cast<unsigned char>(*first)] == name_stop) != Stop) return false;
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
        std::size_t digits = 0;
        for (; p != e; ++p) {
            const unsigned char k = classes[static_cast<unsigned char>(*p)];
            if (k > digit) break;  // other = 0, digit = 1
            digits += k;
        }
        if (p == b) return false;
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
        const char* p = b;
        unsigned char k = name_part;
        for (; p != e; ++p) {
            k = name_classes[static_cast<unsigned char>(*p)];
            if (k != name_part) {
                if (k == name_stop) break;
                st.fail(ErrorKind::nul_in_name, st.current().at);
            }
        }
        first += p - b;
        const std::string_view text = (p == b && p == e) ? eof_name() : std::string_view(b, static_cast<std::size_t>(p - b));
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
        // The usual word is all its digits in a row (`.00000513`): one token, no class juggling.
        std::size_t run = 0;
        while (run != need && p + run != e && st.classes[static_cast<unsigned char>(p[run])] == digit) ++run;
        if (run == need) {
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
                t.text = std::string_view(first_digit, static_cast<std::size_t>(last_digit + 1 - first_digit));
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
auto const token_def = data | reference | label | word_reference | word | comment_line | align_mark | flag_mark;
auto const data_def = data_run;
auto const comment_line_def = comment_start >> *not_eol >> -eol;
auto const name_def = name_text;
auto const base_def = base_text;
auto const label_def = (x3::raw[colon_byte][start_token<TokenKind::label>{}] >> name >> -name_end)[emit_current];
auto const reference_def = (x3::raw[sigil_byte][start_token<TokenKind::reference>{}] >> name >> ((x3::lit('>') >> base >> -name_end) | -name_end))[emit_current];
auto const word_reference_def = (x3::raw[word_sigil_byte][start_token<TokenKind::reference, true>{}] >> name >> -name_end)[emit_current];
auto const align_mark_def = x3::raw[align_byte][emit_single<TokenKind::align>{}];
auto const flag_mark_def = x3::raw[flag_byte][emit_single<TokenKind::flag>{}];
auto const word_def = x3::raw[dot_byte][start_word] >> word_body;

BOOST_SPIRIT_DEFINE(file, token, data, comment_line, name, base, label, reference, word_reference,
                    align_mark, flag_mark, word)

// ---------------------------------------------------------------------------------------------
// Error handling
// ---------------------------------------------------------------------------------------------
// The grammar cannot fail: every byte class starts a token, so `file` always reaches the end of
// the input. The two lexical errors are recorded by LexState::fail (a NUL in a name, a word cut
// off by the end of the input), which also stops the `running` guard.

}  // namespace hexproof::hex2_lexer::grammar
