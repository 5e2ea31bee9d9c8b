// Properties (PBT) of hex2 linking, checked on every built engine: what the Coq theorems promise,
// restated on the C++ side from SEMANTICS.md (with the encoding facts of runtime/engine/encoding.hpp,
// which mirror Hex2Encode.v) and checked against the generator's own bookkeeping (never against
// another engine).
//
//  - hex2-length: the output length is the sum of the token sizes (1,2,2,3,4,4 bytes for
//    `!@$~%&`, 0 for RISC-V `!@$~` and `.` words, `<` padding to 4 where it aligns);
//  - hex2-fields: each `:L` sits at base + the bytes before it, and every reference field decodes
//    to the value SEMANTICS.md prescribes (architecture displacement, `^`, `>base`, absolute
//    kinds); the engine rejects exactly when a range or alignment check fails;
//  - hex2-layout-independence: comments, whitespace, nibbles split by comments, CRLF after data
//    and the split into files do not change the output;
//  - hex2-endianness: big and little endian outputs differ exactly by reversing each reference
//    field.
#include <cstring>
#include <map>
#include <optional>

#include "encoding.hpp"
#include "property_support.hpp"

using namespace hexproof;
using namespace hexproof::property;
namespace pg = hexproof::program_gen;

namespace {

// The linked image the semantics prescribes for a well-formed program, or the decision to reject.
struct Model {
    bool reject = false;
    std::string bytes;
    bool data_exact = true;  // false when RISC-V words or word references XOR into later bytes
    struct Field {
        std::size_t offset;
        unsigned size;
    };
    std::vector<Field> fields;  // reference fields (offset, size), for the endianness property
};

void put(std::string* out, std::uint32_t value, unsigned size, bool big) {
    for (unsigned i = 0; i < size; ++i) {
        const unsigned shift = big ? 8 * (size - 1 - i) : 8 * i;
        out->push_back(static_cast<char>((value >> shift) & 0xFF));
    }
}

Model model(const pg::Hex2Program& program) {
    Model m;
    const auto layout = pg::hex2_layout(program);
    const Hex2Config& c = program.config;
    const Architecture a = c.architecture;
    bool pending_caret = false;
    for (std::size_t i = 0; i < program.pieces.size(); ++i) {
        const pg::Hex2Piece& p = program.pieces[i];
        const std::uint32_t ip = layout->address[i];
        switch (p.kind) {
            case pg::Hex2PieceKind::bytes: m.bytes += p.data; break;
            case pg::Hex2PieceKind::align: m.bytes.append(encoding::pad_size(a, ip), '\0'); break;
            case pg::Hex2PieceKind::word: m.data_exact = false; break;
            case pg::Hex2PieceKind::reference: {
                if (p.caret) pending_caret = true;
                const std::uint32_t t = layout->labels.at(p.name);
                if (encoding::word_arch(a) && encoding::is_word_immediate(p.sigil)) {
                    // A RISC-V word reference: value t - ip, checked for B and J types.
                    m.data_exact = false;
                    if (!encoding::riscv_field(p.sigil, t - ip)) m.reject = true;
                    break;
                }
                const unsigned size = encoding::ref_size(p.sigil);
                std::uint32_t disp;
                if (!p.base.empty()) {
                    disp = t - layout->labels.at(p.base);
                } else {
                    const bool caret = pending_caret && encoding::reads_caret(a);
                    if (caret) pending_caret = false;
                    const std::optional<std::uint32_t> d =
                        encoding::arch_displacement(a, caret, t, ip + size);
                    if (!d) m.reject = true;
                    disp = d.value_or(0);
                }
                const std::uint32_t value = encoding::ref_absolute(p.sigil) ? t : disp;
                if (!encoding::ref_fits(p.sigil, encoding::s32(value))) m.reject = true;
                m.fields.push_back(Model::Field{m.bytes.size(), size});
                put(&m.bytes, value, size, c.big_endian);
                break;
            }
            default: break;
        }
    }
    return m;
}

pg::GenOptions well_formed() {
    pg::GenOptions o;
    o.well_formed = true;
    o.allow_undefined = false;
    return o;
}

std::string show(const pg::Hex2Program& program, const pg::Style& style) {
    return std::string("arch ") + std::string(architecture_name(program.config.architecture)) +
           (program.config.big_endian ? " big" : " little") + " base " +
           std::to_string(program.config.base_address) + " mode " +
           std::to_string(static_cast<int>(program.config.byte_mode)) + "\n" +
           show_inputs(pg::render_hex2(program, style));
}

bool same_decision(const Result& a, const Result& b) {
    if (is_ok(a) != is_ok(b)) return false;
    if (is_ok(a)) return std::get<std::string>(a) == std::get<std::string>(b);
    return std::get<Error>(a).kind == std::get<Error>(b).kind;
}

}  // namespace

int main() {
    return run_on_every_engine([](const Engine* engine, const std::string& tag) {
        std::vector<Property> properties;
        properties.push_back(
            {"hex2-length", [engine, tag] {
                 return rc::check("hex2-length: output length = sum of token sizes" + tag, [engine] {
                     const Hex2Sample s = *hex2_sample(well_formed());
                     const auto inputs = pg::render_hex2(s.program, s.style);
                     const Result r = engine->link(s.program.config, inputs);
                     RC_LOG() << show(s.program, s.style) << show_result(r, inputs) << "\n";
                     RC_CLASSIFY(is_ok(r), "accepted");
                     RC_PRE(is_ok(r));
                     RC_ASSERT(std::get<std::string>(r).size() == pg::hex2_layout(s.program)->size);
                 });
             }});
        properties.push_back(
            {"hex2-fields", [engine, tag] {
                 return rc::check(
                     "hex2-fields: labels, reference fields and the accept/reject decision" + tag, [engine] {
                         const Hex2Sample s = *hex2_sample(well_formed());
                         const auto inputs = pg::render_hex2(s.program, s.style);
                         const Result r = engine->link(s.program.config, inputs);
                         const Model m = model(s.program);
                         RC_LOG() << show(s.program, s.style) << show_result(r, inputs) << "\nmodel: "
                                  << (m.reject ? "reject" : escape_bytes(m.bytes.substr(0, 64))) << "\n";
                         RC_CLASSIFY(!m.reject, "accepted");
                         RC_CLASSIFY(m.data_exact, "no RISC-V XOR");
                         RC_ASSERT(is_ok(r) == !m.reject);
                         if (m.reject) {
                             const ErrorKind k = std::get<Error>(r).kind;
                             RC_ASSERT(k == ErrorKind::displacement_out_of_range ||
                                       k == ErrorKind::unaligned_branch_target ||
                                       k == ErrorKind::riscv_field_out_of_range);
                             return;
                         }
                         const std::string& out = std::get<std::string>(r);
                         RC_ASSERT(out.size() == m.bytes.size());
                         if (m.data_exact) {
                             RC_ASSERT(out == m.bytes);
                         } else {
                             for (const Model::Field& f : m.fields)
                                 RC_ASSERT(out.compare(f.offset, f.size, m.bytes, f.offset, f.size) == 0);
                         }
                     });
             }});
        properties.push_back(
            {"hex2-layout-independence", [engine, tag] {
                 return rc::check(
                     "hex2-layout-independence: comments, whitespace and files do not matter" + tag,
                     [engine] {
                         const Hex2Sample s = *hex2_sample(well_formed());
                         pg::Style plain;
                         plain.plain = true;
                         const auto a = pg::render_hex2(s.program, plain);
                         const auto b = pg::render_hex2(s.program, s.style);
                         const Result ra = engine->link(s.program.config, a);
                         const Result rb = engine->link(s.program.config, b);
                         RC_LOG() << show(s.program, plain) << show_result(ra, a) << "\nstyled:\n"
                                  << show_inputs(b) << show_result(rb, b) << "\n";
                         RC_ASSERT(same_decision(ra, rb));
                     });
             }});
        properties.push_back(
            {"hex2-endianness", [engine, tag] {
                 return rc::check(
                     "hex2-endianness: big and little endian differ by reversed fields" + tag, [engine] {
                         const Hex2Sample s = *hex2_sample(well_formed(), [](const pg::Hex2Piece& p) {
                             return p.kind != pg::Hex2PieceKind::word;  // `.` words are byte-swapped too
                         });
                         pg::Hex2Program big = s.program;
                         pg::Hex2Program little = s.program;
                         big.config.big_endian = true;
                         little.config.big_endian = false;
                         const auto inputs = pg::render_hex2(s.program, s.style);
                         const Result rb = engine->link(big.config, inputs);
                         const Result rl = engine->link(little.config, inputs);
                         RC_LOG() << show(s.program, s.style) << "big: " << show_result(rb, inputs)
                                  << "\nlittle: " << show_result(rl, inputs) << "\n";
                         RC_ASSERT(is_ok(rb) == is_ok(rl));
                         RC_PRE(is_ok(rb));
                         std::string flipped = std::get<std::string>(rb);
                         const Model m = model(big);
                         for (const Model::Field& f : m.fields)
                             std::reverse(flipped.begin() + static_cast<std::ptrdiff_t>(f.offset),
                                          flipped.begin() + static_cast<std::ptrdiff_t>(f.offset + f.size));
                         RC_ASSERT(flipped == std::get<std::string>(rl));
                     });
             }});
        return properties;
    });
}
