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

// Bytes that end a name (the ending byte is consumed with the name; end of input also ends it).
constexpr std::array<bool, 256> make_name_stops() {
    std::array<bool, 256> t{};
    t[' '] = t['\t'] = t['\n'] = t['>'] = true;
    return t;
}
inline constexpr std::array<bool, 256> name_stops = make_name_stops();

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
    Token current;                // the label/reference/word being read
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
    void push(const Token& t) {
        if (stopped) return;
        batch[count++] = t;
        if (count == batch_size) flush();
    }
    void fail(ErrorKind kind, std::size_t at) {
        flush();
        if (!error) error = LexError{kind, at};
        stopped = true;
    }
    // A name read from [b, e): the EOF quirk, and NUL rejected (docs/contract.md).
    std::string_view name(const char* b, const char* e) {
        if (b == e && e == end) return eof_name();
        const auto n = static_cast<std::size_t>(e - b);
        if (std::memchr(b, 0, n) != nullptr) fail(ErrorKind::nul_in_name, current.at);
        return {b, n};
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
        if (first == last || name_stops[static_cast<unsigned char>(*first)] != Stop) return false;
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
// before it, which no fixed X3 repeat can express, hence this primitive. End of input before the
// fourth byte is `unterminated_word` (upstream loops forever).
struct word_body_parser : x3::parser<word_body_parser> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;

    template <typename It, typename Context, typename RContext, typename Attribute>
    bool parse(It& first, It const& last, Context const& ctx, RContext&, Attribute&) const {
        LexState& st = state(ctx);
        std::size_t need = 4 * st.per_byte - st.digits_seen % st.per_byte;
        while (need != 0) {
            if (first == last) {
                st.fail(ErrorKind::unterminated_word, st.current.at);
                return true;
            }
            const unsigned char k = st.classes[static_cast<unsigned char>(*first)];
            if (k == digit) {
                const It run = first;
                while (first != last && need != 0 && st.classes[static_cast<unsigned char>(*first)] == digit) {
                    ++first;
                    --need;
                }
                Token t;
                t.kind = TokenKind::word_digits;
                t.at = st.offset(&*run);
                t.text = std::string_view(&*run, static_cast<std::size_t>(first - run));
                st.push(t);
            } else if (k == comment) {
                ++first;
                while (first != last && *first != '\n' && *first != '\r') ++first;
                if (first != last) ++first;
            } else {
                ++first;
            }
        }
        st.digits_seen = 0;
        Token t;
        t.kind = TokenKind::word_end;
        t.at = st.current.at;
        st.push(t);
        return true;
    }
};

inline constexpr class_byte_parser<digit> digit_byte{};
inline constexpr class_byte_parser<other> other_byte{};
inline constexpr class_byte_parser<comment> comment_start{};
inline constexpr class_byte_parser<colon> colon_byte{};
inline constexpr class_byte_parser<sigil> sigil_byte{};
inline constexpr class_byte_parser<word_sigil> word_sigil_byte{};
inline constexpr class_byte_parser<align> align_byte{};
inline constexpr class_byte_parser<flag> flag_byte{};
inline constexpr class_byte_parser<dot> dot_byte{};
inline constexpr name_byte_parser<false> name_byte{};
inline constexpr name_byte_parser<true> name_end{};
inline constexpr eol_byte_parser<false> not_eol{};
inline constexpr eol_byte_parser<true> eol{};
inline constexpr running_parser running{};
inline constexpr word_body_parser word_body{};

// ---------------------------------------------------------------------------------------------
// Semantic actions
// ---------------------------------------------------------------------------------------------

template <typename Range>
std::string_view view(Range const& r) {
    return std::string_view(&*r.begin(), static_cast<std::size_t>(r.end() - r.begin()));
}

inline auto const on_digits = [](auto& ctx) {
    LexState& st = state(ctx);
    const std::string_view d = view(x3::_attr(ctx));
    Token t;
    t.kind = TokenKind::digits;
    t.at = st.offset(d.data());
    t.text = d;
    st.push(t);
    st.digits_seen += d.size();
};

// Starts a token at the byte just matched (`:`, a sigil, `.`), taken from x3::raw's range (X3's
// `_where` is not the match range in every Boost version).
template <TokenKind Kind, bool WordReference = false>
struct start_token {
    template <typename Context>
    void operator()(Context& ctx) const {
        LexState& st = state(ctx);
        const char* p = &*x3::_attr(ctx).begin();
        st.current = Token{};
        st.current.kind = Kind;
        st.current.sigil = *p;
        st.current.word_reference = WordReference;
        st.current.at = st.offset(p);
    }
};

inline auto const on_name = [](auto& ctx) {
    LexState& st = state(ctx);
    auto const& r = x3::_attr(ctx);
    st.current.text = st.name(&*r.begin(), &*r.begin() + (r.end() - r.begin()));
};

inline auto const on_base = [](auto& ctx) {
    LexState& st = state(ctx);
    auto const& r = x3::_attr(ctx);
    st.current.base = st.name(&*r.begin(), &*r.begin() + (r.end() - r.begin()));
};

inline auto const emit_current = [](auto& ctx) {
    LexState& st = state(ctx);
    st.push(st.current);
};

// `<` and `^`: single-byte tokens.
template <TokenKind Kind>
struct emit_single {
    template <typename Context>
    void operator()(Context& ctx) const {
        LexState& st = state(ctx);
        Token t;
        t.kind = Kind;
        t.at = st.offset(&*x3::_attr(ctx).begin());
        st.push(t);
    }
};

// ---------------------------------------------------------------------------------------------
// Rule IDs
// ---------------------------------------------------------------------------------------------

struct file_class;
struct token_class;
struct digit_run_class;
struct skip_run_class;
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
x3::rule<digit_run_class> const digit_run = "digit_run";
x3::rule<skip_run_class> const skip_run = "skip_run";
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
auto const token_def = digit_run | skip_run | reference | label | word_reference | word | comment_line | align_mark | flag_mark;
auto const digit_run_def = x3::raw[+digit_byte][on_digits];
auto const skip_run_def = +other_byte;
auto const comment_line_def = comment_start >> *not_eol >> -eol;
auto const name_def = x3::raw[*name_byte][on_name];
auto const base_def = x3::raw[*name_byte][on_base];
auto const label_def = (x3::raw[colon_byte][start_token<TokenKind::label>{}] >> name >> -name_end)[emit_current];
auto const reference_def = (x3::raw[sigil_byte][start_token<TokenKind::reference>{}] >> name >> ((x3::lit('>') >> base >> -name_end) | -name_end))[emit_current];
auto const word_reference_def = (x3::raw[word_sigil_byte][start_token<TokenKind::reference, true>{}] >> name >> -name_end)[emit_current];
auto const align_mark_def = x3::raw[align_byte][emit_single<TokenKind::align>{}];
auto const flag_mark_def = x3::raw[flag_byte][emit_single<TokenKind::flag>{}];
auto const word_def = x3::raw[dot_byte][start_token<TokenKind::word_begin>{}][emit_current] >> word_body;

BOOST_SPIRIT_DEFINE(file, token, digit_run, skip_run, comment_line, name, base, label, reference, word_reference,
                    align_mark, flag_mark, word)

// ---------------------------------------------------------------------------------------------
// Error handling
// ---------------------------------------------------------------------------------------------
// The grammar cannot fail: every byte class starts a token, so `file` always reaches the end of
// the input. The two lexical errors are recorded by LexState::fail (a NUL in a name, a word cut
// off by the end of the input), which also stops the `running` guard.

}  // namespace hexproof::hex2_lexer::grammar
