// Coq's out_contents o (proofs/OutBuf.v) for the tests: the bytes rt::out_write hands out, as a
// list<N> slice kept by the open rt::session. The reference engine never builds it (it writes
// the buffer out with rt::out_write), so it is not part of the runtime; the tests read an
// outbuf's value through it and compare it with the value expected.
#pragma once

#include <cstring>
#include <string_view>

#include "coq_runtime.hpp"

namespace hexproof::rt {

inline list<N> out_contents(const outbuf& o) {
    session* s = session::current();
    if (!s) fatal("out_contents outside an rt::session");
    const std::uint64_t total = out_size(o);
    if (total > (std::uint64_t{1} << 32)) fatal("out_contents of an output too large for a test");
    std::uint8_t* p = s->bytes(static_cast<std::size_t>(total));
    std::size_t at = 0;
    out_write(o, [p, &at](std::string_view piece) {
        std::memcpy(p + at, piece.data(), piece.size());
        at += piece.size();
    });
    return list<N>::slice(p, at);
}

}  // namespace hexproof::rt
