// Source scanners: see source_scan.hpp. The hex2 scan follows upstream's first pass
// (hex2_linker.c first_pass, hex2_word.c WordFirstPass) token by token, recording where each
// output byte comes from instead of computing it.
#include "source_scan.hpp"

#include "encoding.hpp"
#include "hex2_chars.hpp"
#include "program_gen.hpp"

namespace hexproof::source_scan {

namespace {

// One file's scanner state; `pos` is the next byte to read.
struct Scanner {
    std::string_view text;
    std::size_t pos = 0;
    bool eof() const { return pos >= text.size(); }
    // upstream's consume_token / Throwaway_token: read to a name end or EOF, consuming the end.
    char skip_name() {
        while (pos < text.size()) {
            const char c = text[pos++];
            if (oracle_text::name_end(c)) return c;
        }
        return 0;
    }
    void skip_comment() {
        while (pos < text.size()) {
            const char c = text[pos++];
            if (c == '\n' || c == '\r') return;
        }
    }
};

}  // namespace

std::optional<std::vector<Origin>> hex2_origins(const Hex2Config& config, const std::vector<Input>& inputs,
                                                std::vector<Hex2Item>* items) {
    std::vector<Origin> origins;
    const Architecture arch = config.architecture;
    const bool words = program_gen::is_riscv(arch);
    const unsigned per_byte = static_cast<unsigned>(encoding::digits_per_byte(config.byte_mode));
    std::uint64_t ip = config.base_address;
    std::size_t out = 0;
    auto emit = [&](std::size_t n, Span source) {
        if (n == 0) return;
        origins.push_back(Origin{out, out + n, source});
        out += n;
        ip += n;
    };
    for (std::size_t f = 0; f < inputs.size(); ++f) {
        Scanner s{inputs[f].view()};
        unsigned pending = 0;        // digits of the current byte seen so far
        std::size_t byte_start = 0;  // offset of the current byte's first digit
        while (!s.eof()) {
            const std::size_t at = s.pos;
            char c = s.text[s.pos++];
            if (c == ':') {
                const std::size_t name_at = s.pos;
                c = s.skip_name();  // the label's end is then read as an ordinary byte
                if (items) {
                    const std::size_t name_end = c ? s.pos - 1 : s.pos;
                    Hex2Item label;
                    label.kind = Hex2Item::Kind::label;
                    label.name = s.text.substr(name_at, name_end - name_at);
                    label.span = Span{f, at, name_end - at};
                    label.address = static_cast<std::uint32_t>(ip);
                    items->push_back(label);
                }
            }
            if (words && c == '.') {
                unsigned got = 0;
                unsigned digits = 0;
                while (got < 4) {
                    if (s.eof()) return std::nullopt;  // EOF inside a word: upstream-undefined
                    const char d = s.text[s.pos++];
                    if (oracle_text::is_digit(d, config.byte_mode)) {
                        if (++digits == per_byte) {
                            digits = 0;
                            ++got;
                        }
                    } else if (d == '#' || d == ';') {
                        s.skip_comment();
                    }
                }
                continue;
            }
            if (c == '!' || c == '@' || c == '$' || c == '~' || c == '%' || c == '&') {
                const unsigned size = program_gen::hex2_field_size(c, arch);
                const std::size_t name_at = s.pos;
                char end = s.skip_name();
                Hex2Item ref;
                ref.kind = Hex2Item::Kind::reference;
                ref.sigil = c;
                ref.name = s.text.substr(name_at, (end ? s.pos - 1 : s.pos) - name_at);
                std::size_t token_end = end ? s.pos - 1 : s.pos;
                if (end == '>' && (!words || size == 4)) {
                    const std::size_t base_at = s.pos;
                    const char base_end = s.skip_name();
                    ref.base = s.text.substr(base_at, (base_end ? s.pos - 1 : s.pos) - base_at);
                    token_end = base_end ? s.pos - 1 : s.pos;
                }
                ref.span = Span{f, at, token_end - at};
                ref.address = static_cast<std::uint32_t>(ip);
                ref.output = out;
                if (items) items->push_back(ref);
                emit(size, Span{f, at, s.pos - at});
                continue;
            }
            if (c == '<') {
                if (program_gen::aligns(arch)) emit((4 - (ip & 3)) & 3, Span{f, at, 1});
                continue;
            }
            if (c == '^') {
                if (items) {
                    Hex2Item caret;
                    caret.kind = Hex2Item::Kind::caret;
                    caret.span = Span{f, at, 1};
                    items->push_back(caret);
                }
                continue;
            }
            if (oracle_text::is_digit(c, config.byte_mode)) {
                if (pending == 0) byte_start = at;
                if (++pending == per_byte) {
                    pending = 0;
                    emit(1, Span{f, byte_start, at + 1 - byte_start});
                }
            } else if (c == '#' || c == ';') {
                s.skip_comment();
            }
        }
    }
    return origins;
}

std::vector<M1Token> m1_tokens(const std::vector<Input>& inputs) {
    std::vector<M1Token> tokens;
    auto newline = [&](std::size_t f, std::size_t at) {
        if (!tokens.empty() && tokens.back().kind != M1TokenKind::newline)
            tokens.push_back(M1Token{M1TokenKind::newline, Span{f, at, 1}, true});
    };
    for (std::size_t f = 0; f < inputs.size(); ++f) {
        const std::string_view t = inputs[f].view();
        std::size_t i = 0;
        while (i < t.size()) {
            const char c = t[i];
            if (c == '#' || c == ';') {
                const std::size_t at = i;
                while (i < t.size() && t[i] != '\n' && t[i] != '\r') ++i;
                if (i < t.size()) ++i;
                newline(f, at);
            } else if (c == ' ' || c == '\t') {
                ++i;
            } else if (c == '\n') {
                newline(f, i);
                ++i;
            } else if (c == '"' || c == '\'') {
                const std::size_t at = i;
                std::size_t j = i + 1;
                while (j < t.size() && t[j] != c) ++j;
                const bool closed = j < t.size();
                tokens.push_back(
                    M1Token{M1TokenKind::string, Span{f, at, (closed ? j + 1 : j) - at}, closed});
                i = closed ? j + 1 : j;
            } else {
                const std::size_t at = i;
                while (i < t.size() && t[i] != ' ' && t[i] != '\t' && t[i] != '\n') ++i;
                tokens.push_back(M1Token{M1TokenKind::atom, Span{f, at, i - at}, true});
            }
        }
        newline(f, t.size());
    }
    return tokens;
}

std::vector<M1Role> m1_roles(const std::vector<Input>& inputs, const std::vector<M1Token>& tokens) {
    std::vector<M1Role> role(tokens.size(), M1Role::use);
    for (std::size_t k = 0; k + 2 < tokens.size(); ++k) {
        if (role[k] != M1Role::use || tokens[k].kind != M1TokenKind::atom ||
            text_of(inputs, tokens[k].span) != "DEFINE")
            continue;
        role[k] = M1Role::define;
        role[k + 1] = M1Role::name;
        role[k + 2] = M1Role::value;
    }
    return role;
}

std::optional<Span> hex2_long_name(const std::vector<Input>& inputs) {
    for (std::size_t f = 0; f < inputs.size(); ++f) {
        const std::string_view t = inputs[f].view();
        for (std::size_t i = 0; i < t.size(); ++i) {
            const char c = t[i];
            if (c != ':' && c != '!' && c != '@' && c != '$' && c != '~' && c != '%' && c != '&') continue;
            std::size_t j = i + 1;
            while (j < t.size() && !oracle_text::name_end(t[j])) ++j;
            if (j - i - 1 >= upstream_token_limit) return Span{f, i, j - i};
        }
    }
    return std::nullopt;
}

std::optional<Span> m1_long_token(const std::vector<Input>& inputs) {
    for (const M1Token& t : m1_tokens(inputs))
        if (t.kind != M1TokenKind::newline && t.span.length >= upstream_token_limit) return t.span;
    return std::nullopt;
}

std::optional<Span> m1_high_string_byte(const std::vector<Input>& inputs) {
    for (const M1Token& t : m1_tokens(inputs)) {
        if (t.kind != M1TokenKind::string) continue;
        for (unsigned char c : text_of(inputs, t.span))
            if (c >= 0x80) return t.span;
    }
    return std::nullopt;
}

}  // namespace hexproof::source_scan
