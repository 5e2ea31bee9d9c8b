// The hex2 lexer: instantiates the X3 grammar of hex2_lexer_def.hpp for in-memory inputs.
//
// The grammar is instantiated once, here, for `const char*` iterators and the one context it
// runs in (the lexer state injected with x3::with); nothing else includes the _def header.
#include "hex2_lexer.hpp"

#include "encoding.hpp"
#include "hex2_lexer_def.hpp"

namespace hexproof::hex2_lexer {

namespace {
// The EOF read as a char (upstream `scratch[i] = c` with c == EOF) is the byte 0xFF.
constexpr char eof_name_byte[1] = {static_cast<char>(0xFF)};
}  // namespace

std::string_view eof_name() { return std::string_view(eof_name_byte, 1); }

std::size_t name_offset(std::string_view input, std::string_view name) {
    if (name.data() == eof_name_byte) return input.size();
    return static_cast<std::size_t>(name.data() - input.data());
}

std::size_t name_length(std::string_view input, std::size_t at) {
    bool nul = false;
    const char* const b = input.data() + at;
    return static_cast<std::size_t>(grammar::scan_name(b, input.data() + input.size(), nul) - b);
}

std::optional<LexError> lex(std::string_view input, const Options& options, TokenSink& sink) {
    namespace g = grammar;
    g::LexState st;
    const std::size_t table = static_cast<std::size_t>(options.byte_mode) + (options.word_mode ? 3 : 0);
    st.classes = g::class_tables[table].data();
    st.table = table;
    st.begin = input.data();
    st.end = input.data() + input.size();
    st.per_byte = static_cast<unsigned>(encoding::digits_per_byte(options.byte_mode));
    st.sink = &sink;

    const char* first = st.begin;
    const char* const last = st.end;
    boost::spirit::x3::parse(first, last, boost::spirit::x3::with<g::state_tag>(st)[g::file]);
    if (!st.stopped) st.flush();
    return st.error;
}

}  // namespace hexproof::hex2_lexer
