// The M1 token grammar (Boost.Spirit X3). See m1_lexer.hpp for the language in prose.
//
// One parse of `token` skips separators and recognises exactly one token event, which the
// semantic actions write to the Token bound to sink_tag (x3::with). A parse fails only when
// nothing but separators is left.
#pragma once

#include <boost/spirit/home/x3.hpp>

#include "m1_lexer.hpp"

namespace hexproof::m1_lexer::grammar {

namespace x3 = boost::spirit::x3;

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
x3::rule<separator_class> const separator = "separator";
x3::rule<newline_class> const newline = "newline";
x3::rule<comment_class> const comment = "comment";
x3::rule<string_class> const string = "string";
x3::rule<double_quoted_class> const double_quoted = "double_quoted";
x3::rule<single_quoted_class> const single_quoted = "single_quoted";
x3::rule<atom_class> const atom = "atom";

///////////////////////////////////////////////////////////////////////////////
// Grammar
///////////////////////////////////////////////////////////////////////////////

auto const token_def = *separator >> (newline | comment | string | atom);
auto const separator_def = x3::lit(' ') | x3::lit('\t');
auto const newline_def = x3::raw[x3::lit('\n')][emit_token<TokenKind::newline>{}];
auto const comment_def = x3::raw[x3::char_("#;") >> *~x3::char_("\n\r") >> -x3::char_("\n\r")][emit_token<TokenKind::newline>{}];
auto const string_def = double_quoted | single_quoted;
auto const double_quoted_def = x3::raw[x3::lit('"') >> *~x3::char_('"')][emit_token<TokenKind::string>{}] >> (x3::lit('"') | x3::eoi[mark_unterminated{}]);
auto const single_quoted_def = x3::raw[x3::lit('\'') >> *~x3::char_('\'')][emit_token<TokenKind::string>{}] >> (x3::lit('\'') | x3::eoi[mark_unterminated{}]);
auto const atom_def = x3::raw[+~x3::char_(" \t\n")][emit_token<TokenKind::atom>{}];

BOOST_SPIRIT_DEFINE(token, separator, newline, comment, string, double_quoted, single_quoted, atom)

}  // namespace hexproof::m1_lexer::grammar
