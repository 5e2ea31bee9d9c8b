// The reference engine: the engine interface (engine.hpp) over the C++ printed from the proved
// Coq core (extracted/gen: hexproof::hex2_exec::link_out, hexproof::m1_exec::assemble_out).
//
// The adapter only converts: inputs become byte slices (no copy), the configuration becomes the
// Coq records of spec/Common.v, and the Coq result becomes an Error or the output, handed to the
// sink in pieces after its size (rt::out_write: a run of padding in chunks, never held whole).
// It decides nothing; the whole output is known, and every error found, before the first piece.
#pragma once

#include <memory>

#include "engine.hpp"

namespace hexproof {

std::unique_ptr<Engine> make_reference_engine();

}  // namespace hexproof
