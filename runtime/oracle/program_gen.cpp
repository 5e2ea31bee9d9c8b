// Program generators: see program_gen.hpp. The weights below favour short programs that touch
// many constructs; the rare branches (big fillers, NUL bytes, long tokens) keep every quirk of
// ../shared/SEMANTICS.md reachable without making the common case slow.
#include "program_gen.hpp"

#include "constructs.hpp"
#include "encoding.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <set>

namespace hexproof::program_gen {

std::uint64_t Rng::next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

std::uint64_t Rng::below(std::uint64_t n) { return next() % n; }

bool is_riscv(Architecture a) { return a == Architecture::riscv32 || a == Architecture::riscv64; }

bool aligns(Architecture a) { return a == Architecture::armv7l || a == Architecture::aarch64 || is_riscv(a); }

unsigned hex2_field_size(char sigil, Architecture a) {
    switch (sigil) {
        case '!': return is_riscv(a) ? 0 : 1;
        case '@':
        case '$': return is_riscv(a) ? 0 : 2;
        case '~': return is_riscv(a) ? 0 : 3;
        case '%':
        case '&': return 4;
        default: return 0;
    }
}

namespace {

const char hex_digits_upper[] = "0123456789ABCDEF";
const char hex_digits_lower[] = "0123456789abcdef";

// ---------------------------------------------------------------- hex2

std::string encode_byte(unsigned char b, ByteMode mode, Rng* style, bool spaced, const Style& how) {
    std::string out;
    auto gap = [&]() {
        if (!style || !spaced || !how.digit_quirks) return;
        switch (style->below(12)) {
            case 0: out += ' '; break;
            case 1: out += "\t"; break;
            case 2: out += "\n"; break;
            case 3: out += " # split\n"; break;  // the half-byte state survives a comment (Q)
            case 4: out += ";split\n"; break;
            default: break;
        }
    };
    switch (mode) {
        case ByteMode::hex: {
            const char* digits =
                (style && style->percent(30) && how.lower_hex) ? hex_digits_lower : hex_digits_upper;
            out += digits[b >> 4];
            gap();
            out += digits[b & 15];
            break;
        }
        case ByteMode::octal:
            // Three digits are written mod 256 (Q): a first digit of 4..7 gives the same byte.
            out += static_cast<char>('0' + ((b >> 6) & 3) +
                                     (style && style->percent(10) && how.digit_quirks ? 4 : 0));
            gap();
            out += static_cast<char>('0' + ((b >> 3) & 7));
            out += static_cast<char>('0' + (b & 7));
            break;
        case ByteMode::binary:
            for (int i = 7; i >= 0; --i) {
                out += static_cast<char>('0' + ((b >> i) & 1));
                if (i == 4) gap();
            }
            break;
    }
    return out;
}

std::string random_bytes(Rng& rng, std::size_t n) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i) s += static_cast<char>(rng.below(256));
    return s;
}

std::string hex_text(std::string_view bytes) {
    std::string out;
    for (unsigned char c : bytes) {
        out += hex_digits_upper[c >> 4];
        out += hex_digits_upper[c & 15];
    }
    return out;
}

}  // namespace

const std::vector<std::string>& hex2_label_pool() {
    // AaBB and BBAa: the same 31*h+b hash (the reference engine's ByteMap), different names.
    static const std::vector<std::string> pool = {"a",   "b",  "loop", "L_end", "x#y",
                                                  "s;t", "f1", "main", "AaBB",  "BBAa"};
    return pool;
}

Hex2Config hex2_config(std::uint64_t seed, Architecture architecture, const GenOptions& options) {
    Rng rng(seed ^ 0xC0FFEEull);
    Hex2Config c;
    c.architecture = architecture;
    c.big_endian = rng.percent(35);
    static const std::uint32_t bases[] = {0, 0x1000, 0x10000, 0x600000, 0x8048000, 0x7FF0, 0xFFFFFFF0u};
    c.base_address = rng.pick(bases);
    if (options.version_stable_only && c.base_address == 0x7FF0) c.base_address = 0x1000;
    const auto m = rng.below(10);
    c.byte_mode = m < 7 ? ByteMode::hex : (m < 9 ? ByteMode::octal : ByteMode::binary);
    if (options.subset) {
        const oracle::Subset& s = *options.subset;
        if (c.big_endian ? !s.big_endian : !s.little_endian) c.big_endian = !c.big_endian;
        if (!s.base_address(c.base_address))
            c.base_address = s.base_addresses[rng.below(s.base_addresses.size())];
        if (!s.mode(c.byte_mode)) c.byte_mode = s.byte_modes[rng.below(s.byte_modes.size())];
    }
    return c;
}

namespace {

// The label names without `#` or `;` (hex2 names them; SEMANTICS.md marks it a quirk).
std::string plain_name(const std::string& name, Rng& rng) {
    if (name.find_first_of("#;") == std::string::npos) return name;
    static const char* const plain[] = {"a", "b", "loop", "L_end", "f1", "main", "AaBB", "BBAa"};
    return rng.pick(plain);
}

bool everything(const oracle::Subset& s, bool hex2) { return s.every_construct(hex2); }

// The piece changed to fit the subset: another sigil, no base, no `^`, plain names; a piece of
// a kind the subset lacks becomes a comment or bytes.
void fit_hex2_piece(Hex2Piece* p, const oracle::Subset& s, const Hex2Config& config, Rng& rng) {
    const bool quirks = s.hex2_has("name-quirks");
    switch (p->kind) {
        case Hex2PieceKind::reference: {
            if (!s.reference(p->sigil)) {
                if (s.hex2_references.empty()) {
                    p->kind = Hex2PieceKind::bytes;
                    p->data.assign(1, static_cast<char>(0x90));
                    return;
                }
                p->sigil = s.hex2_references[rng.below(s.hex2_references.size())];
            }
            const bool word_ref = is_riscv(config.architecture) && p->sigil != '%' && p->sigil != '&';
            if (!p->base.empty() && (word_ref || !s.reference_base(p->sigil))) p->base.clear();
            const bool relative = std::strchr("!@~%", p->sigil) != nullptr;
            if (p->caret && !(relative && p->base.empty() ? s.hex2_has("caret") : s.hex2_has("caret-other")))
                p->caret = false;
            if (!quirks) {
                p->name = plain_name(p->name, rng);
                if (!p->base.empty()) p->base = plain_name(p->base, rng);
            }
            return;
        }
        case Hex2PieceKind::label:
            if (!quirks) p->name = plain_name(p->name, rng);
            return;
        case Hex2PieceKind::align:
            if (!s.hex2_has("align")) {
                p->kind = Hex2PieceKind::comment;
                p->text = "# no align";
            }
            return;
        case Hex2PieceKind::word:
            if (!s.hex2_has("words")) {
                p->kind = Hex2PieceKind::comment;
                p->text = "# no word";
            }
            return;
        case Hex2PieceKind::raw:
            if (!everything(s, true)) {
                p->kind = Hex2PieceKind::comment;
                p->text = "# no quirk";
                p->undefined = false;
                p->version_stable = true;
            }
            return;
        default: return;
    }
}

}  // namespace

Hex2Piece hex2_piece(std::uint64_t seed, const Hex2Config& config, const GenOptions& options) {
    Rng rng(seed);
    const auto& pool = hex2_label_pool();
    const Architecture arch = config.architecture;
    Hex2Piece p;
    std::uint64_t roll = rng.below(100);
    if (options.well_formed && roll >= 92) roll = rng.below(92);
    if (roll < 34) {
        p.kind = Hex2PieceKind::bytes;
        // Fillers put references at the edges of their ranges: about 128 bytes for `!`, and
        // (only when big inputs are allowed) about 32 KiB for `@`.
        if (rng.percent(4)) {
            static const std::size_t fillers[] = {120, 124, 125, 126, 127, 128, 129, 130, 250, 256};
            static const std::size_t big[] = {32760, 32764, 32766, 32768, 32772};
            p.data.assign(options.allow_big && rng.percent(25) ? rng.pick(big) : rng.pick(fillers), '\0');
        } else {
            p.data = random_bytes(rng, 1 + rng.below(4));
        }
    } else if (roll < 48) {
        p.kind = Hex2PieceKind::label;
        p.name = pool[rng.below(pool.size())];
    } else if (roll < 76) {
        p.kind = Hex2PieceKind::reference;
        static const char sigils[] = {'!', '@', '$', '~', '%', '&'};
        p.sigil = rng.pick(sigils);
        p.name = pool[rng.below(pool.size())];
        const bool word_ref = is_riscv(arch) && p.sigil != '%' && p.sigil != '&';
        if (!word_ref && rng.percent(20)) p.base = pool[rng.below(pool.size())];
        p.caret = rng.percent(15);
    } else if (roll < 81) {
        p.kind = Hex2PieceKind::align;
    } else if (roll < 88) {
        if (is_riscv(arch)) {
            p.kind = Hex2PieceKind::word;
            p.data = random_bytes(rng, 4);
        } else {
            p.kind = Hex2PieceKind::comment;
            p.text = rng.percent(50) ? "# a comment: :x !y %z 12" : ";another comment 34";
        }
    } else if (roll < 92) {
        p.kind = Hex2PieceKind::comment;
        p.text = rng.percent(50) ? "# comment with digits 0123" : "; semicolon comment";
    } else {
        // Quirks and malformed fragments, used verbatim.
        p.kind = Hex2PieceKind::raw;
        switch (rng.below(14)) {
            case 0: p.text = "%undefined_label"; break;
            case 12: {  // beyond upstream's 4096-byte name buffer (an implementation limit)
                const std::string name(4100, 'n');
                p.text = ":" + name + " &" + name;
                break;
            }
            case 1: p.text = "A"; break;               // a lone nibble shifts the pairing
            case 2: p.text = ":crlf\r\n%crlf"; break;  // `\r` is part of the name (Q)
            case 3: p.text = ":crlf\r\n%crlf\r"; break;
            case 4: p.text = ":a>b"; break;  // the label ends at `>`
            case 5: p.text = "^^"; break;
            case 6:
                p.text.assign(
                    "4\0"
                    "8",
                    3);
                break;  // NUL between nibbles: skipped like any non-digit
            case 7:
                p.text.assign(":na\0me", 6);  // NUL inside a name: upstream-undefined
                p.undefined = true;
                break;
            case 8: p.text = "zz \x80 G"; break;
            case 9: p.text = "&a>nowhere"; break;
            case 10:
                if (is_riscv(arch)) {
                    p.text = ".12";  // a word that may run into the next piece or end of file
                    p.undefined = true;
                } else {
                    p.text = ".1234";
                }
                break;
            case 11: p.text = "%"; break;  // at end of file: the name is "\xFF" (Q)
            default: p.text = ":"; break;
        }
        p.version_stable = false;
    }
    if (options.version_stable_only && !p.version_stable) return hex2_piece(seed * 31 + 7, config, options);
    if (!options.allow_undefined && p.undefined) return hex2_piece(seed * 31 + 11, config, options);
    if (options.subset) fit_hex2_piece(&p, *options.subset, config, rng);
    return p;
}

std::optional<Hex2Layout> hex2_layout(const Hex2Program& program) {
    Hex2Layout layout;
    const Architecture arch = program.config.architecture;
    std::uint32_t ip = program.config.base_address;
    std::size_t offset = 0;
    for (const Hex2Piece& p : program.pieces) {
        layout.address.push_back(ip);
        layout.offset.push_back(offset);
        std::size_t n = 0;
        switch (p.kind) {
            case Hex2PieceKind::bytes: n = p.data.size(); break;
            case Hex2PieceKind::label: layout.labels[p.name] = ip; break;
            case Hex2PieceKind::reference: n = hex2_field_size(p.sigil, arch); break;
            case Hex2PieceKind::align:
                if (aligns(arch)) n = (4 - (ip & 3)) & 3;
                break;
            case Hex2PieceKind::word:
            case Hex2PieceKind::comment: break;
            case Hex2PieceKind::raw: return std::nullopt;
        }
        ip += static_cast<std::uint32_t>(n);
        offset += n;
    }
    layout.size = offset;
    return layout;
}

namespace {

// The last file's trailing blanks and newlines cut off: its last token runs to the end of the file.
void trim_last(std::vector<Input>* inputs) {
    if (inputs->empty()) return;
    std::string& b = inputs->back().bytes;
    while (!b.empty() && (b.back() == ' ' || b.back() == '\t' || b.back() == '\n' || b.back() == '\r'))
        b.pop_back();
}

}  // namespace

std::vector<Input> render_hex2(const Hex2Program& program, const Style& style) {
    Rng rng(style.seed ^ 0x5EEDull);
    Rng* styler = style.plain ? nullptr : &rng;
    const ByteMode mode = program.config.byte_mode;
    const std::size_t files = std::max<std::size_t>(1, style.files);
    std::vector<Input> inputs(files);
    const std::size_t n = program.pieces.size();
    for (std::size_t i = 0; i < n; ++i) {
        const Hex2Piece& p = program.pieces[i];
        std::string& out =
            inputs[files == 1 ? 0 : std::min(files - 1, i * files / std::max<std::size_t>(1, n))].bytes;
        bool name_ends = false;
        switch (p.kind) {
            case Hex2PieceKind::bytes:
                for (std::size_t k = 0; k < p.data.size(); ++k) {
                    out += encode_byte(static_cast<unsigned char>(p.data[k]), mode, styler, true, style);
                    if (styler && styler->percent(20)) out += ' ';
                    if (p.data.size() > 64 && k % 32 == 31) out += '\n';
                }
                break;
            case Hex2PieceKind::label:
                out += ':' + p.name;
                name_ends = true;
                break;
            case Hex2PieceKind::reference:
                if (p.caret) out += '^';
                out += p.sigil;
                out += p.name;
                if (!p.base.empty()) out += '>' + p.base;
                name_ends = true;
                break;
            case Hex2PieceKind::align: out += '<'; break;
            case Hex2PieceKind::word:
                out += '.';
                for (std::size_t k = 0; k < p.data.size(); ++k) {
                    out += encode_byte(static_cast<unsigned char>(p.data[k]), mode, nullptr, false, style);
                    if (styler && k == 1 && styler->percent(15)) out += " # inside a word\n";
                }
                break;
            case Hex2PieceKind::comment: out += p.text + "\n"; break;
            case Hex2PieceKind::raw:
                out += p.text;
                name_ends = true;
                break;
        }
        // The separator: a name runs to space, tab, newline or `>`, so a name always gets one.
        if (!styler) {
            out += (i % 8 == 7) ? '\n' : ' ';
            continue;
        }
        switch (styler->below(name_ends ? 6 : 8)) {
            case 0: out += '\t'; break;
            case 1: out += '\n'; break;
            case 2: out += " # between tokens\n"; break;
            case 3: out += "\n\n"; break;
            case 4: out += "  "; break;
            case 6: out += "\r\n"; break;  // harmless after data (a `\r` is skipped there)
            case 7: out += " ;x\r\n"; break;
            default: out += ' '; break;
        }
    }
    for (std::size_t f = 0; f < files; ++f) inputs[f].name = "gen" + std::to_string(f) + ".hex2";
    if (style.trim_end) trim_last(&inputs);
    return inputs;
}

Hex2Program generate_hex2(std::uint64_t seed, Architecture architecture, std::size_t count,
                          const GenOptions& options) {
    Rng rng(seed);
    Hex2Program program;
    program.config = hex2_config(rng.next(), architecture, options);
    for (std::size_t i = 0; i < count; ++i)
        program.pieces.push_back(hex2_piece(rng.next(), program.config, options));
    if (options.subset && !options.subset->hex2_has("redefine")) {
        // Each label defined once: the later definitions go.
        std::set<std::string> defined;
        auto again = [&](const Hex2Piece& p) {
            return p.kind == Hex2PieceKind::label && !defined.insert(p.name).second;
        };
        program.pieces.erase(std::remove_if(program.pieces.begin(), program.pieces.end(), again),
                             program.pieces.end());
    }
    if (options.well_formed) complete_labels(&program, rng.next());
    return program;
}

void complete_labels(Hex2Program* program, std::uint64_t seed) {
    Rng rng(seed);
    std::set<std::string> defined;
    std::set<std::string> used;
    for (const Hex2Piece& p : program->pieces) {
        if (p.kind == Hex2PieceKind::label) defined.insert(p.name);
        if (p.kind == Hex2PieceKind::reference) {
            used.insert(p.name);
            if (!p.base.empty()) used.insert(p.base);
        }
    }
    for (const std::string& name : used) {
        if (defined.count(name)) continue;
        Hex2Piece label;
        label.kind = Hex2PieceKind::label;
        label.name = name;
        const std::size_t at = rng.below(program->pieces.size() + 1);
        program->pieces.insert(program->pieces.begin() + static_cast<std::ptrdiff_t>(at), label);
    }
}

// ---------------------------------------------------------------- M1

namespace {

// AaBB and BBAa: the same 31*h+b hash (the reference engine's ByteMap), different names.
const char* const m1_names[] = {"NOP", "RET", "MOV_eax", "x#y", "a;b", "LOAD", "SYS", "AaBB", "BBAa"};

// The range 1.7.0 accepts, inclusive (off by one, Q).
bool m1_accepts(char sigil, std::int64_t v) {
    switch (sigil) {
        case '!': return v >= -129 && v <= 256;
        case '@': return v >= -32769 && v <= 32768;
        case '$': return v >= -32769 && v <= 65536;
        case '~': return v >= -8388609 && v <= 8388608;
        default: return true;
    }
}

std::string number_text(std::int64_t v, Rng& rng, bool* stable) {
    const bool neg = v < 0;
    const std::uint64_t mag = neg ? static_cast<std::uint64_t>(-v) : static_cast<std::uint64_t>(v);
    auto digits = [](std::uint64_t x, unsigned base) {
        if (x == 0) return std::string("0");
        std::string s;
        while (x) {
            s.insert(s.begin(), hex_digits_upper[x % base]);
            x /= base;
        }
        return s;
    };
    switch (rng.below(8)) {
        case 0:
            if (!neg) return "0x" + digits(mag, 16);
            break;
        case 1:
            if (!neg) {
                std::string s = digits(mag, 16);
                for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                return "0x" + s;
            }
            break;
        case 2:
            if (!neg && mag < 4096) return "0b" + digits(mag, 2);
            break;
        case 3:
            return (neg ? "0-" : "0") + digits(mag, 8);  // octal; `-0...` would be decimal, `0-...` is octal
        case 4:
            if (mag >= 100) {  // `_` is skipped by 1.7.0; 1.4.0 reads it as an invalid digit
                std::string s = digits(mag, 10);
                s.insert(1, "_");
                *stable = false;
                return (neg ? "-" : "") + s;
            }
            break;
        default: break;
    }
    return (neg ? "-" : "") + digits(mag, 10);
}

bool forms_allowed(const std::string& text, const oracle::Subset& s) {
    for (const std::string& f : oracle::number_forms(text))
        if (f == "token-quirks" ? !s.m1_has(f) : !s.number_has(f)) return false;
    return true;
}

// A text for v in a form the subset allows (the drawn one when it does), or empty.
std::string allowed_number_text(std::int64_t v, const std::string& drawn, const oracle::Subset& s) {
    if (forms_allowed(drawn, s)) return drawn;
    const bool neg = v < 0;
    const std::uint64_t mag = neg ? static_cast<std::uint64_t>(-v) : static_cast<std::uint64_t>(v);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s%llu", neg ? "-" : "", static_cast<unsigned long long>(mag));
    if (forms_allowed(buf, s)) return buf;
    if (neg) return "";
    std::snprintf(buf, sizeof buf, "0x%llX", static_cast<unsigned long long>(mag));
    if (forms_allowed(buf, s)) return buf;
    std::snprintf(buf, sizeof buf, "0%llo", static_cast<unsigned long long>(mag));
    if (mag > 0 && forms_allowed(buf, s)) return buf;
    return "";
}

const char* const plain_m1_names[] = {"NOP", "RET", "MOV_eax", "LOAD", "SYS", "AaBB", "BBAa"};

// The piece changed to fit the subset: another sigil or form, a value in range, plain names,
// unquoted DEFINE values; a piece of a kind the subset lacks becomes a word or a comment.
void fit_m1_piece(M1Piece* p, const oracle::Subset& s, Rng& rng) {
    const bool quirks = s.m1_has("token-quirks");
    auto plain = [&](std::string* name) {
        if (!quirks && name->find_first_of("#;") != std::string::npos) *name = rng.pick(plain_m1_names);
    };
    auto to_word = [&]() {
        *p = M1Piece{};
        p->kind = M1PieceKind::word;
        p->name = rng.pick(plain_m1_names);
    };
    switch (p->kind) {
        case M1PieceKind::define:
            plain(&p->name);
            if (!s.m1_has("quoted-define-values") && !p->value.empty() &&
                (p->value[0] == '"' || p->value[0] == '\''))
                p->value = p->value.substr(1, p->value.size() - 2);
            return;
        case M1PieceKind::word: plain(&p->name); return;
        case M1PieceKind::immediate: {
            const std::string& sigils = s.m1_immediates;
            const bool bare = p->sigil == 0;
            std::string drawn = bare ? p->text : p->text.substr(1);
            if (bare ? !s.m1_has("knight-numbers") : sigils.find(p->sigil) == std::string::npos) {
                if (sigils.empty()) return to_word();
                p->sigil = sigils[rng.below(sigils.size())];
            }
            const char effective = p->sigil ? p->sigil : (p->number <= 32767 ? '@' : '$');
            const std::int32_t v = static_cast<std::int32_t>(p->number);
            if ((!s.m1_has("range-edges") && encoding::on_bound(effective, v)) ||
                (!s.m1_diagnoses.count("immediate-out-of-range") && !m1_accepts(effective, p->number))) {
                p->number = 1;
                drawn = "1";
            }
            std::string digits = allowed_number_text(p->number, drawn, s);
            if (digits.empty()) {
                p->number = 1;
                digits = allowed_number_text(1, "1", s);
            }
            if (digits.empty()) return to_word();
            p->text = std::string(p->sigil ? 1 : 0, p->sigil) + digits;
            return;
        }
        case M1PieceKind::string:
            if (!s.m1_has("strings")) {
                if (!s.m1_has("raw-strings")) return to_word();
                p->kind = M1PieceKind::raw_string;
                p->data = "AB CD";
            }
            return;
        case M1PieceKind::raw_string:
            if (!s.m1_has("raw-strings")) to_word();
            return;
        case M1PieceKind::passthrough:
            if (!s.m1_has("labels")) return to_word();
            if (!quirks && (p->text == "<0" || p->text == "<abc")) p->text = ":a";
            return;
        case M1PieceKind::padding:
            if (!s.m1_has("padding")) to_word();
            return;
        case M1PieceKind::raw:
            if (!everything(s, false)) {
                *p = M1Piece{};
                p->kind = M1PieceKind::comment;
                p->text = "# no quirk";
            }
            return;
        default: return;
    }
}

}  // namespace

M1Config m1_config(std::uint64_t seed, Architecture architecture, const GenOptions& options) {
    Rng rng(seed ^ 0xAB1Eull);
    M1Config c;
    c.architecture = architecture;
    c.big_endian = rng.percent(35);
    const auto m = rng.below(10);
    c.byte_mode = m < 7 ? ByteMode::hex : (m < 9 ? ByteMode::octal : ByteMode::binary);
    if (options.subset) {
        const oracle::Subset& s = *options.subset;
        if (c.big_endian ? !s.big_endian : !s.little_endian) c.big_endian = !c.big_endian;
        if (!s.mode(c.byte_mode)) c.byte_mode = s.byte_modes[rng.below(s.byte_modes.size())];
    }
    return c;
}

M1Piece m1_piece(std::uint64_t seed, const M1Config& config, const GenOptions& options) {
    Rng rng(seed);
    const Architecture arch = config.architecture;
    M1Piece p;
    std::uint64_t roll = rng.below(100);
    if (options.well_formed && roll >= 93) roll = rng.below(93);
    if (roll < 10) {
        p.kind = M1PieceKind::define;
        p.name = rng.pick(m1_names);
        const auto q = rng.below(12);
        if (q == 0) {
            p.value = "\"" + hex_text(random_bytes(rng, 1 + rng.below(3))) + "\"";
            p.version_stable = false;  // quoted DEFINE values are broken in 1.4.0
        } else if (q == 1) {
            p.value = "'" + hex_text(random_bytes(rng, 1 + rng.below(3))) + "'";
            p.version_stable = false;
        } else {
            p.value = hex_text(random_bytes(rng, 1 + rng.below(4)));
        }
    } else if (roll < 30) {
        p.kind = M1PieceKind::word;
        p.name = rng.pick(m1_names);
    } else if (roll < 55) {
        p.kind = M1PieceKind::immediate;
        static const std::int64_t edges_1[] = {-130, -129, -128, -1, 0, 1, 127, 128, 255, 256, 257, 0x5A};
        static const std::int64_t edges_2[] = {-32770, -32769, -32768, -1,    0,     1,     32767,
                                               32768,  32769,  65535,  65536, 65537, 0x1234};
        static const std::int64_t edges_3[] = {-8388610, -8388609, -8388608, -1,   0,    8388607,
                                               8388608,  8388609,  0x123456, 4095, 2048, 2047};
        static const std::int64_t edges_4[] = {
            0, 1, -1, 0x12345678, 2147483647, -2147483648LL, 4294967295LL, 4294967296LL, 0x7FF, 0x800};
        if (arch == Architecture::knight && rng.percent(40)) {
            p.sigil = 0;  // a bare Knight number
            static const std::int64_t bare[] = {0, 1, 255, 32767, 32768, 65535, 65536, 65537, -1, -32768};
            p.number = rng.pick(bare);
        } else {
            static const char sigils[] = {'!', '@', '$', '~', '%', '&'};
            p.sigil = rng.pick(sigils);
            switch (p.sigil) {
                case '!': p.number = rng.pick(edges_1); break;
                case '@':
                case '$': p.number = rng.pick(edges_2); break;
                case '~': p.number = rng.pick(edges_3); break;
                default: p.number = rng.pick(edges_4); break;
            }
            if (options.well_formed && !m1_accepts(p.sigil, p.number)) p.number = 1;
        }
        bool stable = true;
        p.text = std::string(p.sigil ? 1 : 0, p.sigil) + number_text(p.number, rng, &stable);
        if (p.sigil == 0 && options.well_formed && p.number > 65536) {
            p.number = 1;
            p.text = "1";
        }
        // What 1.4.0 reads differently: `$` and `&` numbers, unchecked ranges, Knight prefixes,
        // the RISC-V `$` constant, `_` in numbers (see SEMANTICS.md, last section).
        // 1.4.0 never checks and truncates the same way, so it agrees exactly where 1.7.0 accepts.
        if (!stable || p.sigil == '$' || p.sigil == '&' || !m1_accepts(p.sigil, p.number))
            p.version_stable = false;
        if (arch == Architecture::knight && p.sigil != 0) p.version_stable = false;  // all prefixes
        if (arch == Architecture::knight && p.sigil == 0 && (p.number > 32767 || p.number < -32768))
            p.version_stable = false;
        if (p.text.find("0b") != std::string::npos && arch == Architecture::knight) p.version_stable = false;
    } else if (roll < 63) {
        p.kind = M1PieceKind::string;
        const std::size_t n = rng.below(7);
        for (std::size_t i = 0; i < n; ++i) {
            static const char chars[] = "Hello, world 0123 #;'\n\t";
            p.data += chars[rng.below(sizeof chars - 1)];
        }
        if (options.allow_undefined && rng.percent(4)) {
            p.data += '\xE9';  // a byte >= 0x80: upstream indexes its table with a negative number
            p.undefined = true;
        }
    } else if (roll < 66) {
        p.kind = M1PieceKind::raw_string;
        p.data = hex_text(random_bytes(rng, 1 + rng.below(3))) + " " + hex_text(random_bytes(rng, 1));
    } else if (roll < 76) {
        p.kind = M1PieceKind::passthrough;
        static const char* const texts[] = {":a",  "%a",   "&a", "!a", "@a", "$a",   "~a",
                                            "^~a", "%a>b", ":b", "<",  "<0", "<abc", "&b"};
        p.text = rng.pick(texts);
    } else if (roll < 80) {
        p.kind = M1PieceKind::padding;
        static const std::int64_t pads[] = {1, 2, 3, 4, 7, 16};
        // Big ones (only when big inputs are allowed): printed in pieces of 2^18 digits by the
        // fast engine, so around 2^17 bytes in hex.
        static const std::int64_t big[] = {4096, 131071, 131072, 131073, 300000};
        p.number = options.allow_big && rng.percent(10) ? rng.pick(big) : rng.pick(pads);
        p.text = "<" + std::to_string(p.number);
    } else if (roll < 84) {
        p.kind = M1PieceKind::comment;
        p.text = rng.percent(50) ? "# a comment 12 \"x" : "; another 'comment";
    } else if (roll < 93) {
        p.kind = M1PieceKind::newline;
    } else {
        p.kind = M1PieceKind::raw;
        p.version_stable = false;
        switch (rng.below(12)) {
            case 0: p.text = "\"unterminated"; break;
            case 1: p.text = "DEFINE"; break;
            case 2: p.text = "undefined_word"; break;
            case 3:
                p.text.assign("a\0b", 3);
                p.undefined = true;
                break;
            case 4:
                p.text.assign("\"a\0\"", 4);
                p.undefined = true;
                break;
            case 5: p.text = "\"ab\"cd"; break;                    // two tokens
            case 6: p.text = "<-1"; break;                         // negative padding
            case 7: p.text = "NOP\r\n"; break;                     // `\r` is part of the token (Q)
            case 8: p.text = "DEFINE\nNOP 90"; break;              // DEFINE binds token texts
            case 9: p.text = "!" + std::string(4100, '1'); break;  // beyond upstream's 4096-byte limit
            case 10: p.text = "# comment\r NOP"; break;            // a comment ends at `\r`
            default: p.text = "'raw string\nacross lines'"; break;
        }
    }
    if (options.version_stable_only && !p.version_stable) return m1_piece(seed * 31 + 7, config, options);
    if (!options.allow_undefined && p.undefined) return m1_piece(seed * 31 + 11, config, options);
    if (options.subset) {
        Rng fit(seed ^ 0xF17ull);
        fit_m1_piece(&p, *options.subset, fit);
    }
    return p;
}

std::vector<Input> render_m1(const M1Program& program, const Style& style) {
    Rng rng(style.seed ^ 0x3E1Dull);
    Rng* styler = style.plain ? nullptr : &rng;
    const std::size_t files = std::max<std::size_t>(1, style.files);
    std::vector<Input> inputs(files);
    const std::size_t n = program.pieces.size();
    for (std::size_t i = 0; i < n; ++i) {
        const M1Piece& p = program.pieces[i];
        std::string& out =
            inputs[files == 1 ? 0 : std::min(files - 1, i * files / std::max<std::size_t>(1, n))].bytes;
        bool line_done = false;
        switch (p.kind) {
            case M1PieceKind::define:
                out += "DEFINE" + std::string(styler && styler->percent(20) ? "\t" : " ") + p.name + " " +
                       p.value + "\n";
                line_done = true;
                break;
            case M1PieceKind::word: out += p.name; break;
            case M1PieceKind::immediate:
            case M1PieceKind::passthrough:
            case M1PieceKind::padding:
            case M1PieceKind::raw: out += p.text; break;
            case M1PieceKind::string: out += "\"" + p.data + "\""; break;
            case M1PieceKind::raw_string: out += "'" + p.data + "'"; break;
            case M1PieceKind::comment:
                out += p.text + "\n";
                line_done = true;
                break;
            case M1PieceKind::newline:
                out += (styler && styler->percent(30)) ? "\n\n" : "\n";
                line_done = true;
                break;
        }
        if (line_done) continue;
        if (!styler) {
            out += ' ';
            continue;
        }
        switch (styler->below(6)) {
            case 0: out += '\t'; break;
            case 1: out += " # trailing comment\n"; break;
            case 2: out += "  "; break;
            default: out += ' '; break;
        }
    }
    for (std::size_t f = 0; f < files; ++f) {
        if (!inputs[f].bytes.empty() && inputs[f].bytes.back() != '\n') inputs[f].bytes += '\n';
        inputs[f].name = "gen" + std::to_string(f) + ".M1";
    }
    if (style.trim_end) trim_last(&inputs);
    return inputs;
}

M1Program generate_m1(std::uint64_t seed, Architecture architecture, std::size_t count,
                      const GenOptions& options) {
    Rng rng(seed);
    M1Program program;
    program.config = m1_config(rng.next(), architecture, options);
    for (std::size_t i = 0; i < count; ++i)
        program.pieces.push_back(m1_piece(rng.next(), program.config, options));
    if (options.well_formed) complete_defines(&program, rng.next());
    if (const oracle::Subset* s = options.subset) {
        auto is_define = [](const M1Piece& p) { return p.kind == M1PieceKind::define; };
        if (!s->m1_has("redefine")) {
            std::set<std::string> defined;
            auto again = [&](const M1Piece& p) { return is_define(p) && !defined.insert(p.name).second; };
            program.pieces.erase(std::remove_if(program.pieces.begin(), program.pieces.end(), again),
                                 program.pieces.end());
        }
        if (!s->m1_has("define-anywhere"))
            std::stable_partition(program.pieces.begin(), program.pieces.end(), is_define);
    }
    return program;
}

void complete_defines(M1Program* program, std::uint64_t seed) {
    Rng rng(seed);
    std::set<std::string> defined;
    std::set<std::string> used;
    bool has_value = false;
    for (const M1Piece& p : program->pieces) {
        if (p.kind == M1PieceKind::define) defined.insert(p.name);
        if (p.kind == M1PieceKind::word) used.insert(p.name);
        if (p.kind != M1PieceKind::define && p.kind != M1PieceKind::comment && p.kind != M1PieceKind::newline)
            has_value = true;
    }
    for (const std::string& name : used) {
        if (defined.count(name)) continue;
        M1Piece d;
        d.kind = M1PieceKind::define;
        d.name = name;
        d.value = hex_text(random_bytes(rng, 1 + rng.below(3)));
        // DEFINE is order-free: the binding may come after its uses.
        const std::size_t at = rng.below(program->pieces.size() + 1);
        program->pieces.insert(program->pieces.begin() + static_cast<std::ptrdiff_t>(at), d);
    }
    if (!has_value) {
        // A value so the output is not empty: `%1`, or on Knight the bare number 1 (1.4.0 reads
        // no prefixed immediates there).
        M1Piece p;
        p.kind = M1PieceKind::immediate;
        const bool knight = program->config.architecture == Architecture::knight;
        p.sigil = knight ? 0 : '%';
        p.number = 1;
        p.text = knight ? "1" : "%1";
        program->pieces.push_back(p);
    }
}

// ---------------------------------------------------------------- cases

Case make_case(const Hex2Program& program, const Style& style) {
    Case c;
    c.tool = Tool::hex2;
    c.hex2 = program.config;
    c.inputs = render_hex2(program, style);
    for (const Hex2Piece& p : program.pieces) {
        c.version_stable = c.version_stable && p.version_stable;
        c.upstream_undefined = c.upstream_undefined || p.undefined;
    }
    // 1.4.0 checks `$` as a signed 16-bit value: a target at 32768 or above differs.
    const auto layout = hex2_layout(program);
    for (const Hex2Piece& p : program.pieces) {
        if (p.kind != Hex2PieceKind::reference || p.sigil != '$' || is_riscv(program.config.architecture))
            continue;
        if (!layout) {
            c.version_stable = false;
            continue;
        }
        auto it = layout->labels.find(p.name);
        if (it == layout->labels.end() || it->second >= 32768) c.version_stable = false;
    }
    return c;
}

Case make_case(const M1Program& program, const Style& style) {
    Case c;
    c.tool = Tool::m1;
    c.m1 = program.config;
    c.inputs = render_m1(program, style);
    for (const M1Piece& p : program.pieces) {
        c.version_stable = c.version_stable && p.version_stable;
        c.upstream_undefined = c.upstream_undefined || p.undefined;
    }
    // 1.7.0's RISC-V `$` is a 16-bit constant; 1.4.0 leaves it as text.
    if (is_riscv(program.config.architecture))
        for (const M1Piece& p : program.pieces)
            if (p.kind == M1PieceKind::immediate && p.sigil == '$') c.version_stable = false;
    return c;
}

Case generate_case(Tool tool, Architecture architecture, std::uint64_t seed, const GenOptions& options) {
    Rng rng(seed ^ 0xCA5Eull);
    const std::size_t count = 1 + rng.below(rng.percent(20) ? 60 : 16);
    Style style;
    style.seed = rng.next();
    style.plain = rng.percent(15);
    // One case in sixteen ends right after its last token, as files without a final newline do
    // (from the style's seed, so that no other draw moves).
    style.trim_end = (style.seed & 15) == 0;
    style.files = rng.percent(20) ? 2 + static_cast<unsigned>(rng.below(2)) : 1;
    // Most cases are well formed, so they get past label resolution and reach the encodings.
    GenOptions chosen = options;
    if (!chosen.well_formed && rng.percent(65)) chosen.well_formed = true;
    // A strict-clean subset is drawn from without the constructs that use quirks
    // (docs/strict.md), so that few drawn programs fail the strict checker.
    oracle::Subset guided;
    if (options.subset && options.subset->strict_clean) {
        guided = *options.subset;
        for (const char* f : {"digit-quirks", "name-quirks", "redefine", "caret-other"})
            guided.hex2_features.erase(f);
        for (const char* f : {"define-anywhere", "redefine", "range-edges", "cr", "token-quirks"})
            guided.m1_features.erase(f);
        std::string bases;
        for (char c : guided.hex2_reference_bases)
            if (c != '$' && c != '&') bases += c;
        guided.hex2_reference_bases = bases;
        chosen.subset = &guided;
        style.trim_end = false;  // a file that ends inside a name or comment (text-across-files)
    }
    if (const oracle::Subset* s = chosen.subset) {
        if (!s->many_inputs) style.files = 1;
        style.lower_hex = tool == Tool::hex2 ? s->hex2_has("lower-hex") : true;
        style.digit_quirks = tool == Tool::hex2 ? s->hex2_has("digit-quirks") : true;
    }
    if (tool == Tool::hex2) return make_case(generate_hex2(rng.next(), architecture, count, chosen), style);
    return make_case(generate_m1(rng.next(), architecture, count, chosen), style);
}

}  // namespace hexproof::program_gen
