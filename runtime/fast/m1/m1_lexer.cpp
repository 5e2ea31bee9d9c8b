// The M1 lexer's driver: runs the X3 grammar of m1_lexer_def.hpp once per token.
#include "m1_lexer.hpp"

#include "m1_lexer_def.hpp"

namespace hexproof::m1_lexer {

std::size_t Lexer::next(Token* out, std::size_t capacity, const char* stop) {
    namespace x3 = boost::spirit::x3;
    if (stop == nullptr) stop = end_;
    std::size_t n = 0;
    while (n < capacity) {
        Token& token = out[n];
        if (!x3::parse(pos_, end_, x3::with<grammar::sink_tag>(token)[grammar::token])) {
            pos_ = end_;  // only separators were left
            break;
        }
        ++n;
        if (token.kind == TokenKind::unterminated_string) {
            pos_ = end_;
            break;
        }
        if (token.end >= stop) break;
    }
    return n;
}

}  // namespace hexproof::m1_lexer
