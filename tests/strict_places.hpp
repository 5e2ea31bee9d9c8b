// Where a strict diagnostic may point, for tests/strict-property.cpp: each tool's reading of its
// inputs written again from ../shared/SEMANTICS.md, small and separate from every engine and
// checker, giving the state of the reader before each byte, at each end of file, and the tokens
// with their places. A diagnostic of quirk Q at a place is right when the place is what
// docs/strict.md's table (and spec/Hex2Strict.v, spec/M1Strict.v) say a use of Q is: the byte
// that makes it, the first byte of the token that makes it, or the end of the file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine.hpp"
#include "strtoint.hpp"

namespace hexproof::strict_places {

// ---------------------------------------------------------------- hex2

enum class Hex2Mode : std::uint8_t { data, comment, word, word_comment, label, ref, wref, base };

inline bool hex2_name_mode(Hex2Mode m) {
    return m == Hex2Mode::label || m == Hex2Mode::ref || m == Hex2Mode::wref || m == Hex2Mode::base;
}

struct Hex2Token {
    char kind = 0;                // ':' label, a sigil for a reference, '.' word, '^', '<', 'b' a data byte
    bool word_immediate = false;  // RISC-V `!@$~`
    bool has_base = false;
    std::size_t offset = 0;  // its first byte
    std::string name;
};

// One file as hex2 reads it.
struct Hex2File {
    std::vector<Hex2Mode> mode;           // before each byte
    std::vector<int> digits;              // digits of the byte being read, before each byte
    std::optional<std::size_t> error_at;  // the byte where reading stops (a NUL in a name)
    bool end_error = false;               // its end is an error (inside a `.` word)
    Hex2Mode end_mode = Hex2Mode::data;
    int end_digits = 0;
    std::vector<Hex2Token> tokens;
};

inline int hex2_digit(ByteMode m, unsigned char c) {
    switch (m) {
        case ByteMode::hex:
            if (c >= '0' && c <= '9') return c - '0';
            if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) return 10;
            return -1;
        case ByteMode::octal: return c >= '0' && c <= '7' ? c - '0' : -1;
        case ByteMode::binary: return c == '0' || c == '1' ? c - '0' : -1;
    }
    return -1;
}

inline bool is_riscv(Architecture a) { return a == Architecture::riscv32 || a == Architecture::riscv64; }

inline Hex2File read_hex2(const Hex2Config& config, std::string_view bytes) {
    Hex2File f;
    const int per_byte = config.byte_mode == ByteMode::hex ? 2 : config.byte_mode == ByteMode::octal ? 3 : 8;
    Hex2Mode m = Hex2Mode::data;
    int digits = 0, word_bytes = 0;
    Hex2Token t;
    const auto ends_name = [](unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '>'; };
    for (std::size_t i = 0; i < bytes.size() && !f.error_at; ++i) {
        const unsigned char c = static_cast<unsigned char>(bytes[i]);
        f.mode.push_back(m);
        f.digits.push_back(digits);
        const bool digit = hex2_digit(config.byte_mode, c) >= 0;
        switch (m) {
            case Hex2Mode::data:
                t = Hex2Token{};
                t.offset = i;
                if (c == ':' ||
                    std::string_view("!@$~%&").find(static_cast<char>(c)) != std::string_view::npos) {
                    t.kind = static_cast<char>(c);
                    t.word_immediate = is_riscv(config.architecture) &&
                                       std::string_view("!@$~").find(t.kind) != std::string_view::npos;
                    m = c == ':' ? Hex2Mode::label : t.word_immediate ? Hex2Mode::wref : Hex2Mode::ref;
                } else if (c == '<' || c == '^') {
                    t.kind = static_cast<char>(c);
                    f.tokens.push_back(t);
                } else if (c == '.' && is_riscv(config.architecture)) {
                    t.kind = '.';
                    word_bytes = 0;
                    m = Hex2Mode::word;
                } else if (digit) {
                    if (++digits == per_byte) {
                        digits = 0;
                        t.kind = 'b';
                        f.tokens.push_back(t);
                    }
                } else if (c == '#' || c == ';') {
                    m = Hex2Mode::comment;
                }
                break;
            case Hex2Mode::comment:
                if (c == '\n' || c == '\r') m = Hex2Mode::data;
                break;
            case Hex2Mode::word:
                if (digit) {
                    if (++digits == per_byte) {
                        digits = 0;
                        if (++word_bytes == 4) {
                            f.tokens.push_back(t);
                            m = Hex2Mode::data;
                        }
                    }
                } else if (c == '#' || c == ';') {
                    m = Hex2Mode::word_comment;
                }
                break;
            case Hex2Mode::word_comment:
                if (c == '\n' || c == '\r') m = Hex2Mode::word;
                break;
            case Hex2Mode::label:
            case Hex2Mode::ref:
            case Hex2Mode::wref:
            case Hex2Mode::base:
                if (m == Hex2Mode::ref && c == '>') {
                    t.has_base = true;
                    m = Hex2Mode::base;
                } else if (ends_name(c)) {
                    f.tokens.push_back(t);
                    m = Hex2Mode::data;
                } else if (c == 0) {
                    f.error_at = i;
                } else if (m != Hex2Mode::base) {
                    t.name.push_back(static_cast<char>(c));
                }
                break;
        }
    }
    if (f.error_at) return f;
    f.end_mode = m;
    f.end_digits = digits;
    if (m == Hex2Mode::word || m == Hex2Mode::word_comment) {
        f.end_error = true;
    } else if (hex2_name_mode(m)) {
        if (t.name.empty() && !t.has_base) t.name = "\xFF";
        f.tokens.push_back(t);
    }
    return f;
}

// ---------------------------------------------------------------- M1

enum class M1State : std::uint8_t { between, comment, atom, string };

struct M1Token {
    bool newline = false;
    std::string text;
    std::size_t file = 0, offset = 0;
};

struct M1File {
    std::vector<M1State> state;           // before each byte
    std::optional<std::size_t> error_at;  // the byte where reading stops (it ends a word with a NUL)
    bool end_error = false;               // its end is an error (in a string, a word with a NUL)
    M1State end_state = M1State::between;
    bool ends_with_word = false;  // while reading: a word follows the last line end
    bool ends_line = false;       // the file ends between tokens, no word after its last line end
    std::vector<M1Token> tokens;  // the file's, then the line end its end adds
};

inline M1File read_m1(std::size_t file, std::string_view bytes) {
    M1File f;
    M1State s = M1State::between;
    char quote = 0;
    M1Token word;
    const auto emit_word = [&](std::size_t at) {
        if (word.text.find('\0') != std::string::npos) f.error_at = at;
        f.tokens.push_back(word);
        f.ends_with_word = true;
        s = M1State::between;
    };
    const auto emit_newline = [&] {
        M1Token nl;
        nl.newline = true;
        f.tokens.push_back(nl);
        f.ends_with_word = false;
    };
    for (std::size_t i = 0; i < bytes.size() && !f.error_at; ++i) {
        const char c = bytes[i];
        f.state.push_back(s);
        switch (s) {
            case M1State::between:
                if (c == '#' || c == ';') {
                    emit_newline();
                    s = M1State::comment;
                } else if (c == '\n') {
                    emit_newline();
                } else if (c != ' ' && c != '\t') {
                    word = M1Token{false, std::string(1, c), file, i};
                    s = c == '"' || c == '\'' ? M1State::string : M1State::atom;
                    quote = c;
                }
                break;
            case M1State::comment:
                if (c == '\n' || c == '\r') s = M1State::between;
                break;
            case M1State::atom:
                if (c == ' ' || c == '\t') {
                    emit_word(i);
                } else if (c == '\n') {
                    emit_word(i);
                    emit_newline();
                } else {
                    word.text.push_back(c);
                }
                break;
            case M1State::string:
                if (c == quote)
                    emit_word(i);
                else
                    word.text.push_back(c);
                break;
        }
    }
    if (f.error_at) return f;
    f.end_state = s;
    f.ends_line = s == M1State::between && !f.ends_with_word;
    f.end_error = s == M1State::string || (s == M1State::atom && word.text.find('\0') != std::string::npos);
    if (s == M1State::atom) f.tokens.push_back(word);
    emit_newline();
    return f;
}

// The stream M1 reads: every file's tokens, each run of line ends made one, none first.
inline std::vector<M1Token> m1_stream(const std::vector<M1File>& files) {
    std::vector<M1Token> ts;
    for (const M1File& f : files)
        for (const M1Token& t : f.tokens)
            if (!t.newline || (!ts.empty() && !ts.back().newline)) ts.push_back(t);
    return ts;
}

// A DEFINE of the stream: the places of its DEFINE, name and value tokens.
struct M1Define {
    std::size_t define = 0, name = 0, value = 0;  // indices in the stream
};

// The DEFINEs, or nullopt when one lacks its name or value (the stream is then rejected).
inline std::optional<std::vector<M1Define>> m1_defines(const std::vector<M1Token>& ts) {
    std::vector<M1Define> ds;
    for (std::size_t i = 0; i < ts.size(); ++i) {
        if (ts[i].newline || ts[i].text != "DEFINE") continue;
        if (i + 2 >= ts.size()) return std::nullopt;
        ds.push_back({i, i + 1, i + 2});
        i += 2;
    }
    return ds;
}

// The field an immediate makes of the text `s` (M1's sigils; a Knight bare number is `@` or
// `$`): its sigil and value, or nullopt.
struct M1Immediate {
    char sigil;
    std::int64_t value;
};

inline std::optional<M1Immediate> m1_immediate(Architecture a, std::string_view s) {
    if (s.empty() || s[0] == '<') return std::nullopt;
    const bool riscv = is_riscv(a);
    if (std::string_view(riscv ? "!@$~%" : "!@$~%&").find(s[0]) != std::string_view::npos) {
        const std::int32_t v = strtoint(s.substr(1));
        if (!is_number(s.substr(1), v)) return std::nullopt;
        return M1Immediate{s[0], v};
    }
    if (a != Architecture::knight || std::string_view("!@$~%&").find(s[0]) != std::string_view::npos)
        return std::nullopt;
    const std::int32_t v = strtoint(s);
    if (!is_number(s, v) || v > 65536) return std::nullopt;
    return M1Immediate{v > 32767 ? '$' : '@', v};
}

}  // namespace hexproof::strict_places
