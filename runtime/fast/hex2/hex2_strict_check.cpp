// hex2's strict checker (hex2_strict_check.hpp): one pass over each file with hex2's reader
// (Hex2Lex.lex_step, keeping only what the quirks need: the mode, how many digits of a byte wait,
// where the token starts), the uses in bytes and at ends of files (Hex2Check.byte_use, end_uses)
// to one accumulator, the uses in tokens (Hex2Check.see_token, end_of_file) to another, which
// counts only when every file is read without error.
//
// Memory: the inputs, the first place of every label (a view into the input), the `k` earliest
// uses, and of the RISC-V words still pending (fewer than four data bytes after them) at most `k`
// per group of words between two data bytes, the others only counted: a pending word is a use
// only at the end of its file, and `k` earlier words of its group are uses then too.
#include "hex2_strict_check.hpp"

#include <array>
#include <string_view>
#include <utility>

#include "encoding.hpp"
#include "first_uses.hpp"
#include "hex2_labels.hpp"
#include "hex2_lexer.hpp"

namespace hexproof::hex2_strict {

namespace {

using first_uses::Earliest;
using first_uses::plain_use;
using first_uses::Use;

// Hex2Lex.lex_mode, without what the checker does not need (the names so far, values).
enum class Mode : unsigned char { data, comment, word, word_comment, label, ref, wref, base };

// Hex2Lex.digit_value, as a yes or no.
bool is_digit(ByteMode m, unsigned char c) {
    switch (m) {
        case ByteMode::hex: return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        case ByteMode::octal: return c >= '0' && c <= '7';
        case ByteMode::binary: return c == '0' || c == '1';
    }
    return false;
}

bool ends_name(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '>'; }
bool starts_comment(unsigned char c) { return c == '#' || c == ';'; }
bool ends_comment(unsigned char c) { return c == '\n' || c == '\r'; }
bool is_sigil(unsigned char c) {
    return c == '!' || c == '@' || c == '$' || c == '~' || c == '%' || c == '&';
}

// A RISC-V word or immediate still pending: fewer than four data bytes follow it in its file
// (Hex2Check.hc_w0 to hc_w3: the groups of words after which none, one, two or three data bytes
// came). Each group keeps its first `k` words and counts the others.
class PendingWords {
public:
    explicit PendingWords(std::size_t k) : k_(k) {}

    // Hex2Check.with_word.
    void with_word(std::size_t offset, std::string_view subject) {
        Group& g = groups_[newest_];
        if (g.kept.size() < k_)
            g.kept.emplace_back(offset, subject);
        else
            ++g.later;
        ++pending_;
    }

    // Hex2Check.after_byte: the oldest group is no longer pending.
    void after_byte() {
        if (pending_ == 0) return;  // the usual case: no word pending
        newest_ = (newest_ + 3) % 4;
        Group& g = groups_[newest_];
        pending_ -= g.kept.size() + g.later;
        g.kept.clear();
        g.later = 0;
    }

    // Hex2Check.end_of_file: every pending word of file `file` is a register_across_files use.
    void end_of_file(std::size_t file, Earliest& uses) {
        for (Group& g : groups_) {
            for (const auto& [offset, subject] : g.kept)
                uses.add_use(plain_use(Quirk::register_across_files, file, offset, subject));
            uses.add_later_uses(g.later);
            g.kept.clear();
            g.later = 0;
        }
        pending_ = 0;
    }

private:
    struct Group {
        std::vector<std::pair<std::size_t, std::string_view>> kept;
        std::uint64_t later = 0;
    };
    std::size_t k_;
    std::array<Group, 4> groups_;
    unsigned newest_ = 0;
    std::uint64_t pending_ = 0;
};

class Checker {
public:
    Checker(const Hex2Config& config, std::size_t k, const keyed_hash::Key& key)
        : config_(config),
          per_byte_(static_cast<unsigned>(encoding::digits_per_byte(config.byte_mode))),
          word_arch_(encoding::word_arch(config.architecture)),
          byte_uses_(k),
          token_uses_(k),
          words_(k),
          labels_(key, 0),
          kinds_(data_kinds()) {}

    // Hex2Check.scan_files: every file from a fresh reader (Hex2Lex.lex_init).
    QuirkUses check(const std::vector<Input>& inputs) {
        for (std::size_t f = 0; f < inputs.size(); ++f) {
            scan_file(f, inputs[f].view());
            if (f + 1 < inputs.size()) words_.end_of_file(f, token_uses_);
        }
        if (ok_) byte_uses_.merge(token_uses_);
        return byte_uses_.earliest_result();
    }

private:
    // Hex2Check.scan_bytes: the uses in the bytes of file `file` and at its end, and its tokens.
    // The most frequent bytes (digits and other text between tokens, the bytes of a name or a
    // comment) are taken without the general step, like Hex2CheckFirst's loop.
    void scan_file(std::size_t file, std::string_view bytes) {
        file_ = file;
        input_ = bytes;
        mode_ = Mode::data;
        count_ = 0;
        const std::size_t n = bytes.size();
        std::size_t off = 0;
        while (off < n) {
            const unsigned char c = static_cast<unsigned char>(bytes[off]);
            if (mode_ == Mode::data) {
                const Kind kind = kinds_[c];
                if (kind == Kind::digit) {
                    if (++count_ == per_byte_) {
                        count_ = 0;
                        words_.after_byte();  // see_token of tok_byte
                    }
                    ++off;
                    continue;
                }
                if (kind == Kind::other) {
                    if (count_ > 0) byte_uses_.add_use(plain_use(Quirk::split_byte, file_, off));
                    ++off;
                    continue;
                }
            } else if (mode_ == Mode::word) {
                if (kinds_[c] == Kind::digit) {
                    word_digit();
                    ++off;
                    continue;
                }
            } else if (mode_ == Mode::comment) {
                if (!ends_comment(c)) {
                    ++off;
                    continue;
                }
            } else if (mode_ != Mode::word && mode_ != Mode::word_comment && !ends_name_or_quirk(c)) {
                ++off;  // in a name: one more byte of it
                continue;
            }
            byte_use(off, c);
            if (!lex_step(off, c)) return read_error();
            ++off;
        }
        end_uses(n);
        lex_finish(n);
    }

    // What a byte between tokens is: a digit, other text (skipped), or the start of something.
    enum class Kind : unsigned char { digit, other, special };

    std::array<Kind, 256> data_kinds() const {
        std::array<Kind, 256> kinds{};
        for (unsigned c = 0; c < 256; ++c) {
            const unsigned char b = static_cast<unsigned char>(c);
            const bool special = b == ':' || is_sigil(b) || b == '^' || b == '<' ||
                                 (word_arch_ && b == '.') || starts_comment(b);
            kinds[c] = is_digit(config_.byte_mode, b) ? Kind::digit : special ? Kind::special : Kind::other;
        }
        return kinds;
    }

    // A byte that ends a name, is an error in it (NUL) or uses a quirk in it.
    static bool ends_name_or_quirk(unsigned char c) {
        return ends_name(c) || c == 0 || c == '\r' || starts_comment(c);
    }

    // Hex2Check.byte_use with Hex2Lex.byte_quirk: the quirk byte `c` uses in the reader's state.
    void byte_use(std::size_t off, unsigned char c) {
        Quirk q{};
        switch (mode_) {
            case Mode::data:
            case Mode::word:
                if (count_ == 0 || is_digit(config_.byte_mode, c)) return;
                q = Quirk::split_byte;
                break;
            case Mode::label:
            case Mode::wref:
            case Mode::base:
                if (c == '>') {
                    q = Quirk::misplaced_base;
                    break;
                }
                [[fallthrough]];
            case Mode::ref:
                if (c == '\r')
                    q = Quirk::cr_in_token;
                else if (starts_comment(c))
                    q = Quirk::comment_char_in_token;
                else
                    return;
                break;
            case Mode::comment:
            case Mode::word_comment: return;
        }
        // Hex2Strict.in_name_use: the other place is where the name starts (Hex2Strict.name_start).
        const bool in_name =
            mode_ == Mode::label || mode_ == Mode::ref || mode_ == Mode::wref || mode_ == Mode::base;
        byte_uses_.add_use(Use{q, file_, off, {}, file_, in_name ? pos_ : off, 0});
    }

    // Hex2Check.end_uses: the end of the file, `len` bytes long.
    void end_uses(std::size_t len) {
        if (mode_ != Mode::data) byte_uses_.add_use(plain_use(Quirk::text_across_files, file_, len));
        if (count_ > 0) byte_uses_.add_use(plain_use(Quirk::nibble_across_files, file_, len));
    }

    // The name read since the sigil at pos_ up to `end`.
    std::string_view name_to(std::size_t end) const { return input_.substr(pos_ + 1, end - pos_ - 1); }

    // Hex2Lex.lex_step (lex_data, lex_word): false on a reading error (a NUL in a name).
    bool lex_step(std::size_t off, unsigned char c) {
        switch (mode_) {
            case Mode::data: lex_data(off, c); return true;
            case Mode::comment:
                if (ends_comment(c)) mode_ = Mode::data;
                return true;
            case Mode::word: lex_word(c); return true;
            case Mode::word_comment:
                if (ends_comment(c)) mode_ = Mode::word;
                return true;
            case Mode::label:
                if (ends_name(c)) {
                    mode_ = Mode::data;
                    see_label(name_to(off));
                    return true;
                }
                return c != 0;
            case Mode::ref:
                if (c == '>') {
                    mode_ = Mode::base;
                    target_ = name_to(off);
                    base_at_ = off + 1;
                    return true;
                }
                if (ends_name(c)) {
                    mode_ = Mode::data;
                    see_ref(name_to(off));
                    return true;
                }
                return c != 0;
            case Mode::wref:
                if (ends_name(c)) {
                    mode_ = Mode::data;
                    see_wref(name_to(off));
                    return true;
                }
                return c != 0;
            case Mode::base:
                if (ends_name(c)) {
                    mode_ = Mode::data;
                    see_ref_with_base();
                    return true;
                }
                return c != 0;
        }
        return true;
    }

    void lex_data(std::size_t off, unsigned char c) {
        if (c == ':') {
            mode_ = Mode::label;
            pos_ = off;
        } else if (is_sigil(c)) {
            mode_ = word_arch_ && encoding::is_word_immediate(static_cast<char>(c)) ? Mode::wref : Mode::ref;
            pos_ = off;
            sigil_ = c;
        } else if (c == '^') {
            align_ = true;  // see_token of tok_align
        } else if (c == '<') {
            // tok_pad: nothing for the checker
        } else if (word_arch_ && c == '.') {
            mode_ = Mode::word;
            pos_ = off;
            word_bytes_ = 0;
        } else if (is_digit(config_.byte_mode, c)) {
            if (++count_ == per_byte_) {
                count_ = 0;
                words_.after_byte();  // see_token of tok_byte
            }
        } else if (starts_comment(c)) {
            mode_ = Mode::comment;
        }
    }

    void lex_word(unsigned char c) {
        if (is_digit(config_.byte_mode, c))
            word_digit();
        else if (starts_comment(c))
            mode_ = Mode::word_comment;
    }

    // A digit of a [.] word: its fourth byte completes it.
    void word_digit() {
        if (++count_ < per_byte_) return;
        count_ = 0;
        if (++word_bytes_ == 4) {
            mode_ = Mode::data;
            if (ok_) words_.with_word(pos_, {});  // see_token of tok_word
        }
    }

    // Hex2Lex.lex_finish: the token the end of the file completes; a [.] word cut short is an error.
    void lex_finish(std::size_t len) {
        // Hex2Lex.eof_name: an empty name that the file ends is the one byte 0xFF.
        const auto name = [&](std::string_view n) { return n.empty() ? hex2_lexer::eof_name() : n; };
        switch (mode_) {
            case Mode::data:
            case Mode::comment: return;
            case Mode::word:
            case Mode::word_comment: read_error(); return;
            case Mode::label: see_label(name(name_to(len))); return;
            case Mode::ref: see_ref(name(name_to(len))); return;
            case Mode::wref: see_wref(name(name_to(len))); return;
            case Mode::base: see_ref_with_base(); return;
        }
    }

    // A reading error: the uses in tokens do not count (Hex2Check.scan_files).
    void read_error() {
        ok_ = false;
        token_uses_.clear();
    }

    // Hex2Check.see_token, a token at a time; after a reading error they no longer matter.
    void see_label(std::string_view n) {
        if (!ok_) return;
        const std::uint32_t id = labels_.intern(n, labels_.hash(n, input_));
        if (id == first_places_.size())
            first_places_.emplace_back(file_, pos_);
        else
            token_uses_.add_use(Use{Quirk::duplicate_label, file_, pos_, n, first_places_[id].first,
                                    first_places_[id].second, 0});
    }

    void see_ref(std::string_view n) {
        if (!ok_) return;
        if (encoding::ref_absolute(static_cast<char>(sigil_)) && align_ &&
            encoding::reads_caret(config_.architecture))
            token_uses_.add_use(plain_use(Quirk::align_on_absolute, file_, pos_, n));
        align_ = false;
    }

    void see_ref_with_base() {
        if (!ok_ || !encoding::ref_absolute(static_cast<char>(sigil_))) return;
        token_uses_.add_use(Use{Quirk::absolute_with_base, file_, pos_, target_, file_, base_at_, 0});
    }

    void see_wref(std::string_view n) {
        if (!ok_) return;
        words_.with_word(pos_, n);
        align_ = false;
    }

    const Hex2Config config_;
    const unsigned per_byte_;
    const bool word_arch_;
    Earliest byte_uses_, token_uses_;
    PendingWords words_;
    // The first place of every label (Hex2Check.hc_labels): the fast engine's table of names.
    hex2_fast::LabelMap labels_;
    std::vector<std::pair<std::size_t, std::size_t>> first_places_;  // by the label's id
    const std::array<Kind, 256> kinds_;
    bool ok_ = true;      // every file read without error so far
    bool align_ = false;  // a [^] is in force (Hex2Check.hc_align)
    // The reader of the current file.
    std::size_t file_ = 0;
    std::string_view input_;
    Mode mode_ = Mode::data;
    unsigned count_ = 0;       // digits of the byte being read (Hex2Lex.ls_count)
    std::size_t pos_ = 0;      // where the token being read starts
    unsigned char sigil_ = 0;  // its sigil
    std::string_view target_;  // before [>]: the target name
    std::size_t base_at_ = 0;  // where the base name starts
    unsigned word_bytes_ = 0;  // bytes of the [.] word read
};

}  // namespace

QuirkUses check_first(const Hex2Config& config, const std::vector<Input>& inputs, std::size_t k,
                      const keyed_hash::Key& key) {
    return Checker(config, k, key).check(inputs);
}

}  // namespace hexproof::hex2_strict
