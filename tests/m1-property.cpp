// Properties (PBT) of M1, checked on every built engine.
//
//  - m1-denotation: M1 then hex2 on a reference-free program gives the bytes the program denotes,
//    computed here from the generator's pieces and SEMANTICS.md (immediates of 1,2,2,3,4,4 bytes
//    in the chosen byte order, Knight bare numbers as 2 bytes, strings with their NUL and Knight's
//    padding to 4 bytes, raw strings, `<N` zero bytes, DEFINE order-free with the last one
//    winning, quoted DEFINE values bound as text); in hex and binary byte modes;
//  - m1-endianness: for the same program, the big and little endian images differ exactly by
//    reversing each immediate.
#include <map>

#include "encoding.hpp"
#include "property_support.hpp"

using namespace hexproof;
using namespace hexproof::property;
namespace pg = hexproof::program_gen;

namespace {

std::string from_hex(std::string_view text) {
    std::string out;
    int hold = -1;
    for (char c : text) {
        int v = -1;
        if (c >= '0' && c <= '9')
            v = c - '0';
        else if (c >= 'A' && c <= 'F')
            v = c - 'A' + 10;
        else if (c >= 'a' && c <= 'f')
            v = c - 'a' + 10;
        if (v < 0) continue;
        if (hold < 0)
            hold = v;
        else {
            out += static_cast<char>(hold * 16 + v);
            hold = -1;
        }
    }
    return out;
}

std::string strip_quote(const std::string& v) {
    return (!v.empty() && (v[0] == '"' || v[0] == '\'')) ? v.substr(1, v.size() - 2) : v;
}

// The pieces whose bytes this property can state: no labels, no RISC-V words, no malformed text.
bool denotes(const pg::M1Piece& p, const M1Config& c) {
    const bool riscv = pg::is_riscv(c.architecture);
    switch (p.kind) {
        case pg::M1PieceKind::immediate: {
            // "Is it a number?": value != 0 or the digits start with `0` (4294967296 wraps to 0
            // and stays label text).
            const std::string digits = p.sigil ? p.text.substr(1) : p.text;
            if (static_cast<std::uint32_t>(static_cast<std::uint64_t>(p.number)) == 0 && digits[0] != '0')
                return false;
            if (riscv) return p.sigil == '%' || p.sigil == '$';
            return true;
        }
        case pg::M1PieceKind::string: return !p.undefined;
        case pg::M1PieceKind::word:
        case pg::M1PieceKind::raw_string:
            // Their text is hex digits, which hex2 reads as bytes only in hex mode.
            return c.byte_mode != ByteMode::binary;
        case pg::M1PieceKind::define:
        case pg::M1PieceKind::padding:
        case pg::M1PieceKind::comment:
        case pg::M1PieceKind::newline: return true;
        default: return false;
    }
}

struct Denotation {
    std::string bytes;
    struct Field {
        std::size_t offset;
        unsigned size;
    };
    std::vector<Field> immediates;
};

Denotation denote(const pg::M1Program& program) {
    const M1Config& c = program.config;
    std::map<std::string, std::string> defines;  // the last DEFINE of a name wins
    for (const pg::M1Piece& p : program.pieces)
        if (p.kind == pg::M1PieceKind::define) defines[p.name] = strip_quote(p.value);
    Denotation d;
    for (const pg::M1Piece& p : program.pieces) {
        switch (p.kind) {
            case pg::M1PieceKind::immediate: {
                const unsigned size = p.sigil == 0 ? 2 : encoding::express_number_field(p.sigil).width;
                const auto value = static_cast<std::uint32_t>(static_cast<std::uint64_t>(p.number));
                d.immediates.push_back(Denotation::Field{d.bytes.size(), size});
                for (unsigned i = 0; i < size; ++i) {
                    const unsigned shift = c.big_endian ? 8 * (size - 1 - i) : 8 * i;
                    d.bytes += static_cast<char>((value >> shift) & 0xFF);
                }
                break;
            }
            case pg::M1PieceKind::string: {
                std::string s = p.data + '\0';
                if (c.architecture == Architecture::knight && c.byte_mode == ByteMode::hex)
                    s.resize(4 * (p.data.size() / 4) + 4, '\0');
                d.bytes += s;
                break;
            }
            case pg::M1PieceKind::raw_string: d.bytes += from_hex(p.data); break;
            case pg::M1PieceKind::word: d.bytes += from_hex(defines.at(p.name)); break;
            case pg::M1PieceKind::padding: d.bytes.append(static_cast<std::size_t>(p.number), '\0'); break;
            default: break;
        }
    }
    return d;
}

rc::Gen<M1Sample> sample() {
    pg::GenOptions o;
    o.well_formed = true;
    o.allow_undefined = false;
    return rc::gen::map(m1_sample(o, denotes), [](M1Sample s) {
        // Octal output of numbers is not byte aligned (Q), so this property reads hex and binary.
        if (s.program.config.byte_mode == ByteMode::octal) s.program.config.byte_mode = ByteMode::hex;
        return s;
    });
}

Result m1_then_hex2(const Engine& engine, const M1Config& config, const std::vector<Input>& inputs) {
    const Result m1 = engine.assemble(config, inputs);
    if (!is_ok(m1)) return m1;
    Hex2Config h;
    h.architecture = config.architecture;
    h.big_endian = config.big_endian;
    h.byte_mode = config.byte_mode;
    h.base_address = 0x1000;
    return engine.link(h, {Input{"m1-output", std::get<std::string>(m1)}});
}

}  // namespace

int main() {
    return run_on_every_engine([](const Engine* engine, const std::string& tag) {
        std::vector<Property> properties;
        properties.push_back(
            {"m1-denotation", [engine, tag] {
                 return rc::check("m1-denotation: M1 then hex2 gives the denoted bytes" + tag, [engine] {
                     const M1Sample s = *sample();
                     const auto inputs = pg::render_m1(s.program, s.style);
                     const Result r = m1_then_hex2(*engine, s.program.config, inputs);
                     const Denotation d = denote(s.program);
                     RC_LOG() << architecture_name(s.program.config.architecture)
                              << (s.program.config.big_endian ? " big" : " little") << " mode "
                              << static_cast<int>(s.program.config.byte_mode) << "\n"
                              << show_inputs(inputs)
                              << show_result(engine->assemble(s.program.config, inputs), inputs)
                              << "\nthen hex2: " << show_result(r, inputs)
                              << "\ndenoted: " << escape_bytes(d.bytes) << "\n";
                     RC_ASSERT(is_ok(r));
                     RC_ASSERT(std::get<std::string>(r) == d.bytes);
                 });
             }});
        properties.push_back(
            {"m1-endianness", [engine, tag] {
                 return rc::check(
                     "m1-endianness: big and little endian differ by reversed immediates" + tag, [engine] {
                         const M1Sample s = *sample();
                         pg::M1Program big = s.program;
                         pg::M1Program little = s.program;
                         big.config.big_endian = true;
                         little.config.big_endian = false;
                         const auto inputs = pg::render_m1(s.program, s.style);
                         const Result rb = m1_then_hex2(*engine, big.config, inputs);
                         const Result rl = m1_then_hex2(*engine, little.config, inputs);
                         RC_LOG() << architecture_name(s.program.config.architecture) << " mode "
                                  << static_cast<int>(s.program.config.byte_mode) << "\n"
                                  << show_inputs(inputs) << "big: " << show_result(rb, inputs)
                                  << "\nlittle: " << show_result(rl, inputs) << "\n";
                         RC_ASSERT(is_ok(rb) && is_ok(rl));
                         std::string flipped = std::get<std::string>(rb);
                         for (const auto& f : denote(big).immediates)
                             std::reverse(flipped.begin() + static_cast<std::ptrdiff_t>(f.offset),
                                          flipped.begin() + static_cast<std::ptrdiff_t>(f.offset + f.size));
                         RC_ASSERT(flipped == std::get<std::string>(rl));
                     });
             }});
        return properties;
    });
}
