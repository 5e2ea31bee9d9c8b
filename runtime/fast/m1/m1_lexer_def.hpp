// The M1 token grammar (Boost.Spirit X3). See m1_lexer.hpp for the language in prose.
//
// One parse of `token` skips separators and recognises exactly one token event, which the
// semantic actions write to the Token bound to sink_tag (x3::with). A parse fails only when
// nothing but separators is left. The long runs (the rest of an atom, of a comment, of a string)
// are `run_until<stops...>`, a primitive parser that consumes bytes up to the first stop byte or
// the end, sixteen bytes at a time where SSE2 is available: that is where the bytes are.
#pragma once

#include <boost/spirit/home/x3.hpp>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "m1_lexer.hpp"

namespace hexproof::m1_lexer::grammar {

namespace x3 = boost::spirit::x3;

// The first byte of [first, last) that is one of Stops, or last.
template <char... Stops>
const char* find_stop(const char* first, const char* last) {
#if defined(__SSE2__)
    while (last - first >= 16) {
        const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(first));
        const __m128i hits = (_mm_cmpeq_epi8(block, _mm_set1_epi8(Stops)) | ...);
        const int mask = _mm_movemask_epi8(hits);
        if (mask != 0) return first + __builtin_ctz(static_cast<unsigned>(mask));
        first += 16;
    }
#endif
    while (first != last && ((*first != Stops) && ...)) ++first;
    return first;
}

// Zero or more bytes other than Stops (never fails, no attribute).
template <char... Stops>
struct run_until_parser : x3::parser<run_until_parser<Stops...>> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;

    template <typename Context, typename RContext, typename Attribute>
    bool parse(const char*& first, const char* const& last, const Context&, RContext&, Attribute&) const {
        first = find_stop<Stops...>(first, last);
        return true;
    }
};

template <char... Stops>
constexpr run_until_parser<Stops...> run_until{};

// Membership of a byte in the set Bytes, as a table (one load per byte tested).
template <char... Bytes>
struct byte_set {
    struct Table {
        bool has[256];
    };
    static constexpr Table make() {
        Table t{};
        ((t.has[static_cast<unsigned char>(Bytes)] = true), ...);
        return t;
    }
    static constexpr Table table = make();
    static bool contains(char c) { return table.has[static_cast<unsigned char>(c)]; }
};

// Zero or more of the bytes Skips (never fails, no attribute).
template <char... Skips>
struct run_of_parser : x3::parser<run_of_parser<Skips...>> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;

    template <typename Context, typename RContext, typename Attribute>
    bool parse(const char*& first, const char* const& last, const Context&, RContext&, Attribute&) const {
        while (first != last && byte_set<Skips...>::contains(*first)) ++first;
        return true;
    }
};

template <char... Skips>
constexpr run_of_parser<Skips...> run_of{};

// One byte that is none of Excluded.
template <char... Excluded>
struct byte_except_parser : x3::parser<byte_except_parser<Excluded...>> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;

    template <typename Context, typename RContext, typename Attribute>
    bool parse(const char*& first, const char* const& last, const Context&, RContext&, Attribute&) const {
        if (first == last || byte_set<Excluded...>::contains(*first)) return false;
        ++first;
        return true;
    }
};

template <char... Excluded>
constexpr byte_except_parser<Excluded...> byte_except{};

// The Token the actions fill in.
struct sink_tag;

// Actions: record the matched range (x3::raw's attribute) as a token of the given kind.
template <TokenKind Kind>
struct emit_token {
    template <typename Context>
    void operator()(const Context& context) const {
        Token& token = x3::get<sink_tag>(context);
        const auto& range = x3::_attr(context);
        token.begin = range.begin();
        token.end = range.end();
        token.kind = Kind;
    }
};

// The input ended before the closing quote: the string already recorded is unterminated.
struct mark_unterminated {
    template <typename Context>
    void operator()(const Context& context) const {
        x3::get<sink_tag>(context).kind = TokenKind::unterminated_string;
    }
};

///////////////////////////////////////////////////////////////////////////////
// Rule IDs
///////////////////////////////////////////////////////////////////////////////

struct token_class;
struct separator_class;
struct newline_class;
struct comment_class;
struct string_class;
struct double_quoted_class;
struct single_quoted_class;
struct atom_class;

///////////////////////////////////////////////////////////////////////////////
// Rules
///////////////////////////////////////////////////////////////////////////////

x3::rule<token_class> const token = "token";
x3::rule<separator_class> const separator = "separator";  // a run of spaces and tabs, maybe empty
x3::rule<newline_class> const newline = "newline";
x3::rule<comment_class> const comment = "comment";
x3::rule<string_class> const string = "string";
x3::rule<double_quoted_class> const double_quoted = "double_quoted";
x3::rule<single_quoted_class> const single_quoted = "single_quoted";
x3::rule<atom_class> const atom = "atom";

///////////////////////////////////////////////////////////////////////////////
// Grammar
///////////////////////////////////////////////////////////////////////////////

auto const token_def = separator >> (atom | newline | comment | string);
auto const separator_def = run_of<' ', '\t'>;
auto const newline_def = x3::raw[x3::lit('\n')][emit_token<TokenKind::newline>{}];
auto const comment_def =
    x3::raw[x3::char_("#;") >> run_until<'\n', '\r'> >> -x3::char_("\n\r")][emit_token<TokenKind::newline>{}];
auto const string_def = double_quoted | single_quoted;
auto const double_quoted_def = x3::raw[x3::lit('"') >> run_until<'"'>][emit_token<TokenKind::string>{}] >>
                               (x3::lit('"') | x3::eoi[mark_unterminated{}]);
auto const single_quoted_def = x3::raw[x3::lit('\'') >> run_until<'\''>][emit_token<TokenKind::string>{}] >>
                               (x3::lit('\'') | x3::eoi[mark_unterminated{}]);
auto const atom_def = x3::raw[byte_except<' ', '\t', '\n', '#', ';', '"', '\''> >> run_until<' ', '\t', '\n'>]
                             [emit_token<TokenKind::atom>{}];

BOOST_SPIRIT_DEFINE(token, separator, newline, comment, string, double_quoted, single_quoted, atom)

}  // namespace hexproof::m1_lexer::grammar
