// Coq's out_contents o (proofs/OutBuf.v) for the tests: the bytes rt::out_write hands out, as a
// list<N>. The reference engine never builds it (it writes the buffer out with rt::out_write), so
// it is not part of the runtime; the tests read an outbuf's value through it and compare it with
// the value expected.
#pragma once

#include <string>
#include <string_view>

#include "coq_runtime.hpp"

namespace hexproof::rt {

inline list<N> out_contents(const outbuf& o) {
    std::string bytes;
    out_write(o, [&bytes](std::string_view piece) { bytes.append(piece); });
    list<N> l;
    for (std::size_t i = bytes.size(); i > 0; --i)
        l = list<N>::cons(N{static_cast<unsigned char>(bytes[i - 1])}, std::move(l));
    return l;
}

}  // namespace hexproof::rt
