// The first quirk use of a program, by the extracted strict checker: see constructs.hpp. Apart
// from constructs.cpp because the extracted C++ has a namespace named as the runtime's strtoint.
#include <algorithm>

#include "constructs.hpp"
#include "coq_runtime.hpp"
#include "diagnostics.hpp"
#include "hex2_check_first.hpp"
#include "m1_check_first.hpp"
#include "quirks.hpp"

namespace hexproof::oracle {

Outside first_quirk(const Invocation& inv) {
    rt::list<common::bytes> files;
    for (std::size_t i = inv.inputs.size(); i-- > 0;)
        files = rt::list<common::bytes>::cons(rt::bytes_of(inv.inputs[i].view()), std::move(files));
    const auto arch = static_cast<common::architecture>(inv.architecture());
    const auto mode = static_cast<common::byte_mode>(inv.byte_mode());
    const auto found =
        inv.tool == Tool::hex2
            ? hex2_check_first::check_first(
                  rt::N{1},
                  common::hex2_config{arch, inv.hex2.big_endian, rt::N{inv.hex2.base_address}, mode}, files)
            : m1_check_first::check_first(rt::N{1}, common::m1_config{arch, inv.m1.big_endian, mode}, files);
    if (found.f0.tag() != rt::list<quirks::quirk_use>::tag_t::cons) return {};
    const quirks::quirk_use& u = found.f0.as_cons().f0;
    std::string where = "?";
    if (u.use_file.v < inv.inputs.size()) {
        const std::string_view bytes = inv.inputs[u.use_file.v].view();
        const LineColumn lc = line_column(bytes, std::min<std::uint64_t>(u.use_offset.v, bytes.size()));
        where =
            inv.inputs[u.use_file.v].name + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.column);
    }
    return {"strict: " + rt::string_of(quirks::quirk_name(u.use_quirk)), where};
}

}  // namespace hexproof::oracle
