// M1's strict checker (m1_strict_check.hpp): like M1Check.check, two passes over the bytes of
// every file with M1's reader (M1Lex.lex_char: the mode and where the token starts; a word is a
// view into the input), the line ends collapsed (M1Lex.collapse) and the DEFINE scan of
// M1Spec.expand_defines (after a DEFINE token the next two tokens are its name and value).
// - Pass A: the uses in bytes and at ends of files, and for each DEFINE name the places of its
//   first and latest DEFINE; a DEFINE of a name already seen is a duplicate_define.
// - Pass B, with those places: every word but a DEFINE's name before the latest DEFINE of its
//   text (use_before_define), every word no DEFINE binds with an immediate on upstream's bounds
//   (off_by_one_range), every printed one wider than a byte in octal mode (octal_immediate).
//   It runs only when pass A met a word that may give such a use (note_word).
// The uses in tokens count when every file is read without error and the stream does not end
// inside a DEFINE. Memory: the inputs, the places of the DEFINE names, a table of 2^20 bits, the
// `k` earliest uses.
#include "m1_strict_check.hpp"

#include <array>
#include <cstring>
#include <functional>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "encoding.hpp"
#include "first_uses.hpp"
#include "strtoint.hpp"

namespace hexproof::m1_strict {

namespace {

using first_uses::Earliest;
using first_uses::plain_use;
using first_uses::Use;

using Place = std::pair<std::size_t, std::size_t>;  // file, offset

// M1Lex.lex_state, a token's text being the input from `start`.
enum class Mode : unsigned char { between, comment, atom, string };

// M1Lex.token: a word (a view into the input) or a line end.
struct Token {
    bool newline;
    std::string_view text;
    Place place;
};

// M1Lex.token_text of a line end.
constexpr std::string_view newline_text = "\n";

bool is_blank(unsigned char c) { return c == ' ' || c == '\t'; }
bool is_comment_start(unsigned char c) { return c == '#' || c == ';'; }
bool is_comment_end(unsigned char c) { return c == '\n' || c == '\r'; }
bool is_quote(unsigned char c) { return c == '"' || c == '\''; }
// The bytes that end an atom, use a quirk in it or make it an error (NUL): the loop over an
// atom's bytes stops at them.
constexpr std::array<bool, 256> atom_stops() {
    std::array<bool, 256> stops{};
    for (const unsigned char c : {' ', '\t', '\n', '\r', '#', ';', '\0'}) stops[c] = true;
    return stops;
}
constexpr std::array<bool, 256> atom_stop = atom_stops();

bool is_sigil(unsigned char c) {
    return c == '!' || c == '@' || c == '$' || c == '~' || c == '%' || c == '&';
}

// M1Eval.immediate_field: the sigil and the number of an immediate.
std::optional<std::pair<unsigned char, std::int64_t>> immediate_field(const M1Config& cfg,
                                                                      std::string_view s) {
    if (s.empty()) return std::nullopt;
    const unsigned char c = static_cast<unsigned char>(s[0]);
    const std::string_view rest = s.substr(1);
    if (c == '<') return std::nullopt;
    if (is_sigil(c)) {
        if (encoding::word_arch(cfg.architecture) && c == '&') return std::nullopt;
        const std::int32_t v = strtoint(rest);
        if (!is_number(rest, v)) return std::nullopt;
        return std::make_pair(c, std::int64_t{v});
    }
    if (encoding::word_arch(cfg.architecture) || cfg.architecture != Architecture::knight)
        return std::nullopt;
    const std::int32_t v = strtoint(s);
    const char sigil = encoding::knight_bare_sigil(v);
    if (!is_number(s, v) || sigil == 0) return std::nullopt;
    return std::make_pair(static_cast<unsigned char>(sigil), std::int64_t{v});
}

class Checker {
public:
    Checker(const M1Config& config, std::size_t k, const keyed_hash::Key& key)
        : config_(config), byte_uses_(k), token_uses_(k), defs_(16, keyed_hash::TextHash{&key}), key_(&key) {}

    // M1Check.check: pass A, then, when every file was read, pass B.
    QuirkUses check(const std::vector<Input>& inputs) {
        scan_inputs(false, inputs);
        if (ok_ && scan_ == Scan::none) {
            if (pass_b_needed_) scan_inputs(true, inputs);
            byte_uses_.merge(token_uses_);
        }
        return byte_uses_.earliest_result();
    }

private:
    // M1Check.scan_inputs: the token stream starts quiet, outside a DEFINE (M1Check.mc_start).
    void scan_inputs(bool pass_b, const std::vector<Input>& inputs) {
        pass_b_ = pass_b;
        quiet_ = true;
        scan_ = Scan::none;
        for (std::size_t f = 0; f < inputs.size(); ++f) scan_chars(f, inputs[f].view());
    }

    // M1Check.scan_chars: one file, from between tokens. The bytes inside an atom, a string or a
    // comment that change nothing are taken without the general step, like M1CheckFirst's loop.
    void scan_chars(std::size_t file, std::string_view bytes) {
        file_ = file;
        input_ = bytes;
        mode_ = Mode::between;
        last_word_ = false;
        const char* const s = bytes.data();
        const std::size_t n = bytes.size();
        std::size_t pos = 0;
        while (pos < n) {
            if (mode_ == Mode::atom) {
                while (pos < n && !atom_stop[static_cast<unsigned char>(s[pos])]) ++pos;
            } else if (mode_ == Mode::string) {
                const void* q = std::memchr(s + pos, quote_, n - pos);
                pos = q ? static_cast<std::size_t>(static_cast<const char*>(q) - s) : n;
            } else if (mode_ == Mode::comment) {
                while (pos < n && !is_comment_end(static_cast<unsigned char>(s[pos]))) ++pos;
            }
            if (pos == n) break;
            const unsigned char c = static_cast<unsigned char>(s[pos]);
            if (!pass_b_) char_use(pos, c);
            if (!char_step(pos, c)) return read_error();
            ++pos;
        }
        // The end of the file: a use unless it ends a line (M1Lex.ends_line); M1Lex.lex_eof.
        if (!pass_b_ && (mode_ != Mode::between || last_word_))
            byte_uses_.add_use(plain_use(Quirk::text_across_files, file, bytes.size()));
        if (mode_ == Mode::string) return read_error();
        if (mode_ == Mode::atom && !word_done(bytes.size())) return read_error();
        see_raw(Token{true, newline_text, {}});
    }

    // M1Check.char_use with M1Lex.char_quirk; the other place is where the atom starts.
    void char_use(std::size_t pos, unsigned char c) {
        if (mode_ == Mode::between && c == '\r')
            byte_uses_.add_use(plain_use(Quirk::cr_in_token, file_, pos));
        else if (mode_ == Mode::atom && (c == '\r' || is_comment_start(c)))
            byte_uses_.add_use(Use{c == '\r' ? Quirk::cr_in_token : Quirk::comment_char_in_token,
                                   file_,
                                   pos,
                                   {},
                                   file_,
                                   start_,
                                   0});
    }

    // M1Lex.lex_char: false on a reading error (a word with a NUL).
    bool char_step(std::size_t pos, unsigned char c) {
        switch (mode_) {
            case Mode::between:
                if (is_comment_start(c)) {
                    mode_ = Mode::comment;
                    see_raw(Token{true, newline_text, {}});
                } else if (c == '\n') {
                    see_raw(Token{true, newline_text, {}});
                } else if (!is_blank(c)) {
                    mode_ = is_quote(c) ? Mode::string : Mode::atom;
                    start_ = pos;
                    quote_ = c;
                    nul_ = c == 0;
                }
                return true;
            case Mode::comment:
                if (is_comment_end(c)) mode_ = Mode::between;
                return true;
            case Mode::atom:
                if (!is_blank(c) && c != '\n') {
                    nul_ = nul_ || c == 0;
                    return true;
                }
                if (!word_done(pos)) return false;
                if (c == '\n') see_raw(Token{true, newline_text, {}});
                return true;
            case Mode::string: return c != quote_ || word_done(pos);
        }
        return true;
    }

    // M1Check.word_done: the word from start_ up to `end` (a string's text keeps its opening quote).
    bool word_done(std::size_t end) {
        const bool in_string = mode_ == Mode::string;
        mode_ = Mode::between;
        const std::string_view text = input_.substr(start_, end - start_);
        // An atom's NUL was seen byte by byte; a string's is looked for here.
        if (in_string ? std::memchr(text.data(), 0, text.size()) != nullptr : nul_) return false;
        see_raw(Token{false, text, Place{file_, start_}});
        return true;
    }

    // A reading error: the uses in tokens do not count, and pass B is not run.
    void read_error() {
        ok_ = false;
        token_uses_.clear();
    }

    // M1Check.see_raw: a line end that follows another, or starts the stream, is dropped.
    void see_raw(const Token& t) {
        last_word_ = !t.newline;
        if (!ok_ || (t.newline && quiet_)) return;
        quiet_ = t.newline;
        see_token(t);
    }

    // M1Check.see_token: the DEFINE scan, in pass A (the DEFINEs) or B (the words).
    void see_token(const Token& t) {
        switch (scan_) {
            case Scan::none: {
                const bool is_define = !t.newline && t.text == "DEFINE";
                if (!pass_b_ && !t.newline) note_word(t.text);
                if (pass_b_ && !t.newline) see_word(t, false, !is_define);
                if (is_define) {
                    scan_ = Scan::name;
                    define_ = t.place;
                }
                return;
            }
            case Scan::name:
                if (pass_b_ && !t.newline) see_word(t, true, false);
                scan_ = Scan::value;
                name_ = t.text;
                return;
            case Scan::value:
                if (!pass_b_ && !t.newline) note_word(t.text);
                if (pass_b_ && !t.newline) see_word(t, false, false);
                if (!pass_b_) see_define();
                scan_ = Scan::none;
                return;
        }
    }

    // Pass B finds a use only at a word whose text a later DEFINE has (use_before_define) or with
    // an immediate on a bound or, in octal mode, wider than a byte: pass A notes the hashes of the
    // words' texts (not the DEFINE names', which are no such use) in a table of bits, and runs
    // pass B only when a DEFINE's name may be among them or such an immediate was seen. Most
    // programs, their DEFINEs first, need no pass B.
    void note_word(std::string_view text) {
        const std::size_t h = seen_hash(text);
        seen_[h / 64] |= std::uint64_t{1} << (h % 64);
        if (pass_b_needed_) return;
        const auto imm = immediate_field(config_, text);
        pass_b_needed_ = imm && ((!encoding::word_arch(config_.architecture) &&
                                  encoding::on_bound(static_cast<char>(imm->first), imm->second)) ||
                                 (config_.byte_mode == ByteMode::octal &&
                                  (encoding::word_arch(config_.architecture) || imm->first != '!')));
    }

    // The text's keyed hash, reading on into the input when the text lies in it (no copy).
    std::size_t seen_hash(std::string_view text) const {
        const char* end = input_.data() + input_.size();
        const std::less<const char*> before;
        const bool in_input = !before(text.data(), input_.data()) && !before(end, text.data() + text.size());
        return keyed_hash::hash_bytes(*key_, text.data(), text.size(),
                                      in_input ? end : text.data() + text.size()) &
               (seen_bits - 1);
    }

    bool maybe_seen(std::string_view text) const {
        const std::size_t h = seen_hash(text);
        return (seen_[h / 64] >> (h % 64)) & 1;
    }

    // M1Check.see_define: the DEFINE at define_ of the name name_.
    void see_define() {
        pass_b_needed_ = pass_b_needed_ || maybe_seen(name_);
        const auto [it, added] = defs_.try_emplace(name_, define_, define_);
        if (added) return;
        it->second.second = define_;
        token_uses_.add_use(Use{Quirk::duplicate_define, define_.first, define_.second, name_,
                                it->second.first.first, it->second.first.second, 0});
    }

    // M1Check.see_word: the word `t`, a DEFINE's name (`name`) or printed (`printed`) or neither.
    void see_word(const Token& t, bool name, bool printed) {
        const auto [f, o] = t.place;
        if (const auto it = defs_.find(t.text); it != defs_.end()) {
            const Place latest = it->second.second;
            if (!name && latest > t.place)
                token_uses_.add_use(
                    Use{Quirk::use_before_define, f, o, t.text, latest.first, latest.second, 0});
            return;
        }
        const auto imm = immediate_field(config_, t.text);
        if (!imm) return;
        if (!encoding::word_arch(config_.architecture) &&
            encoding::on_bound(static_cast<char>(imm->first), imm->second))
            token_uses_.add_use(Use{Quirk::off_by_one_range, f, o, t.text, f, o, imm->second});
        // M1Eval.octal_wide.
        if (printed && config_.byte_mode == ByteMode::octal &&
            (encoding::word_arch(config_.architecture) || imm->first != '!'))
            token_uses_.add_use(plain_use(Quirk::octal_immediate, f, o, t.text));
    }

    enum class Scan : unsigned char { none, name, value };  // M1Check.dscan

    const M1Config config_;
    Earliest byte_uses_, token_uses_;
    // Each DEFINE name's first and latest DEFINE (M1Check.mc_defs).
    std::unordered_map<std::string_view, std::pair<Place, Place>, keyed_hash::TextHash> defs_;
    bool ok_ = true;  // every file read without error (pass A)
    static constexpr std::size_t seen_bits = std::size_t{1} << 20;
    const keyed_hash::Key* key_;
    std::vector<std::uint64_t> seen_ = std::vector<std::uint64_t>(seen_bits / 64);  // note_word
    bool pass_b_needed_ = false;
    bool pass_b_ = false;
    // The token stream.
    bool quiet_ = true;  // a line end here is dropped (M1Check.mc_quiet)
    Scan scan_ = Scan::none;
    Place define_{};         // the DEFINE being read
    std::string_view name_;  // its name
    // The reader of the current file.
    std::size_t file_ = 0;
    std::string_view input_;
    Mode mode_ = Mode::between;
    std::size_t start_ = 0;    // where the atom or string starts
    unsigned char quote_ = 0;  // the string's quote
    bool nul_ = false;         // the atom has a NUL
    bool last_word_ = false;   // the last token of the file is a word (M1Lex.last_is_word)
};

}  // namespace

QuirkUses check_first(const M1Config& config, const std::vector<Input>& inputs, std::size_t k,
                      const keyed_hash::Key& key) {
    return Checker(config, k, key).check(inputs);
}

}  // namespace hexproof::m1_strict
