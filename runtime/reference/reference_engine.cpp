// The reference engine: conversions between engine.hpp and the printed Coq core.
#include "reference_engine.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "coq_runtime.hpp"
#include "common.hpp"
#include "hex2_check_first.hpp"
#include "hex2_exec.hpp"
#include "m1_check_first.hpp"
#include "m1_exec.hpp"
#include "quirks.hpp"

namespace hexproof {

namespace {

common::architecture to_coq(Architecture a) {
    switch (a) {
        case Architecture::knight: return common::architecture::knight;
        case Architecture::x86: return common::architecture::x86;
        case Architecture::amd64: return common::architecture::amd64;
        case Architecture::armv7l: return common::architecture::armv7l;
        case Architecture::aarch64: return common::architecture::aarch64;
        case Architecture::ppc64le: return common::architecture::ppc64le;
        case Architecture::riscv32: return common::architecture::riscv32;
        case Architecture::riscv64: return common::architecture::riscv64;
    }
    rt::fatal("unknown Architecture");
}

common::byte_mode to_coq(ByteMode m) {
    switch (m) {
        case ByteMode::hex: return common::byte_mode::hex_mode;
        case ByteMode::octal: return common::byte_mode::octal_mode;
        case ByteMode::binary: return common::byte_mode::binary_mode;
    }
    rt::fatal("unknown ByteMode");
}

common::hex2_config to_coq(const Hex2Config& c) {
    return common::hex2_config::mk_hex2_config(to_coq(c.architecture), c.big_endian, rt::N{c.base_address},
                                               to_coq(c.byte_mode));
}

common::m1_config to_coq(const M1Config& c) {
    return common::m1_config::mk_m1_config(to_coq(c.architecture), c.big_endian, to_coq(c.byte_mode));
}

// The inputs as a Coq list of byte lists; each file is a slice of the caller's string.
rt::list<common::bytes> to_coq(const std::vector<Input>& inputs) {
    rt::list<common::bytes> files;
    for (std::size_t i = inputs.size(); i-- > 0;) {
        files = rt::list<common::bytes>::cons(rt::bytes_of(inputs[i].view()), std::move(files));
    }
    return files;
}

ErrorKind from_coq(common::error_kind k) {
    switch (k) {
        case common::error_kind::undefined_label: return ErrorKind::undefined_label;
        case common::error_kind::displacement_out_of_range: return ErrorKind::displacement_out_of_range;
        case common::error_kind::unaligned_branch_target: return ErrorKind::unaligned_branch_target;
        case common::error_kind::riscv_field_out_of_range: return ErrorKind::riscv_field_out_of_range;
        case common::error_kind::unterminated_word: return ErrorKind::unterminated_word;
        case common::error_kind::nul_in_name: return ErrorKind::nul_in_name;
        case common::error_kind::unterminated_string: return ErrorKind::unterminated_string;
        case common::error_kind::nul_in_token: return ErrorKind::nul_in_token;
        case common::error_kind::empty_input: return ErrorKind::empty_input;
        case common::error_kind::macro_name_missing: return ErrorKind::macro_name_missing;
        case common::error_kind::macro_value_missing: return ErrorKind::macro_value_missing;
        case common::error_kind::immediate_out_of_range: return ErrorKind::immediate_out_of_range;
        case common::error_kind::negative_padding: return ErrorKind::negative_padding;
        case common::error_kind::invalid_other: return ErrorKind::invalid_other;
        // Only the rejecting quirk resolutions of spec/Quirks.v report it; the cores never do.
        case common::error_kind::quirk_rejected: break;
    }
    rt::fatal("unknown error_kind");
}

Error from_coq(const common::error& e) {
    Error out;
    out.kind = from_coq(e.err_kind);
    // spec/Common.v: an error with no place (empty_input) says file 0, offset 0.
    out.file = out.kind == ErrorKind::empty_input ? no_file : static_cast<std::size_t>(e.err_file.v);
    out.offset = static_cast<std::size_t>(e.err_offset.v);
    out.value = e.err_value.v;
    out.subject = rt::string_of(e.err_subject);
    return out;
}

// The output buffer of a run (link_out, assemble_out), or its error.
const rt::outbuf* output_of(const common::result<rt::outbuf>& r, std::optional<Error>* error) {
    switch (r.tag()) {
        case common::result<rt::outbuf>::tag_t::Ok: return &r.as_Ok().f0;
        case common::result<rt::outbuf>::tag_t::Err: *error = from_coq(r.as_Err().f0); return nullptr;
    }
    rt::fatal("unknown result tag");
}

// The output as one string (for callers of link/assemble, which take the whole output).
Result to_result(const common::result<rt::outbuf>& r) {
    std::optional<Error> error;
    const rt::outbuf* o = output_of(r, &error);
    if (!o) return std::move(*error);
    std::string out;
    const std::uint64_t size = rt::out_size(*o);
    if (size < out.max_size()) out.reserve(static_cast<std::size_t>(size));
    rt::out_write(*o, [&out](std::string_view piece) { out.append(piece); });
    return out;
}

// The output written to the sink piece by piece, after its size: a run of padding is written in
// chunks and never held whole.
std::optional<Error> to_sink(const common::result<rt::outbuf>& r, OutputSink& sink) {
    std::optional<Error> error;
    const rt::outbuf* o = output_of(r, &error);
    if (!o) return error;
    sink.expect_size(rt::out_size(*o));
    rt::out_write(*o, [&sink](std::string_view piece) { sink.write(piece); });
    return std::nullopt;
}

// The uses the extracted bounded checker kept, already in input order (check_first_correct), and
// their count. The engine's Quirk lists Coq's quirks in Coq's order.
static_assert(static_cast<int>(Quirk::unknown_architecture_kept) ==
              static_cast<int>(quirks::quirk::unknown_architecture_kept));

QuirkUses from_coq(const rt::prod<rt::list<quirks::quirk_use>, rt::N>& found) {
    QuirkUses out;
    for (const rt::list<quirks::quirk_use>* p = &found.f0;
         p->tag() == rt::list<quirks::quirk_use>::tag_t::cons; p = &p->as_cons().f1) {
        const quirks::quirk_use& u = p->as_cons().f0;
        out.earliest.push_back(
            QuirkUse{static_cast<Quirk>(u.use_quirk), static_cast<std::size_t>(u.use_file.v),
                     static_cast<std::size_t>(u.use_offset.v), rt::string_of(u.use_subject),
                     static_cast<std::size_t>(u.use_other_file.v),
                     static_cast<std::size_t>(u.use_other_offset.v), u.use_value.v});
    }
    out.count = found.f1.v;
    return out;
}

class ReferenceEngine final : public Engine {
public:
    std::string_view name() const override { return "reference"; }

    Result link(const Hex2Config& config, const std::vector<Input>& inputs) const override {
        return to_result(hex2_exec::link_out(to_coq(config), to_coq(inputs)));
    }
    Result assemble(const M1Config& config, const std::vector<Input>& inputs) const override {
        return to_result(m1_exec::assemble_out(to_coq(config), to_coq(inputs)));
    }
    std::optional<Error> link_to(const Hex2Config& config, const std::vector<Input>& inputs,
                                 OutputSink& sink) const override {
        return to_sink(hex2_exec::link_out(to_coq(config), to_coq(inputs)), sink);
    }
    std::optional<Error> assemble_to(const M1Config& config, const std::vector<Input>& inputs,
                                     OutputSink& sink) const override {
        return to_sink(m1_exec::assemble_out(to_coq(config), to_coq(inputs)), sink);
    }
    QuirkUses strict_check(const Hex2Config& config, const std::vector<Input>& inputs,
                           std::size_t k) const override {
        return from_coq(hex2_check_first::check_first(rt::N{k}, to_coq(config), to_coq(inputs)));
    }
    QuirkUses strict_check(const M1Config& config, const std::vector<Input>& inputs,
                           std::size_t k) const override {
        return from_coq(m1_check_first::check_first(rt::N{k}, to_coq(config), to_coq(inputs)));
    }
};

}  // namespace

std::unique_ptr<Engine> make_reference_engine() { return std::make_unique<ReferenceEngine>(); }

}  // namespace hexproof
