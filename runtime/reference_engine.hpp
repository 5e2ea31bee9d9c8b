// The reference engine: the engine interface (engine.hpp) over the C++ printed from the proved
// Coq core (extracted/gen: hexproof::hex2_exec::link, hexproof::m1_exec::assemble).
//
// The adapter only converts: inputs become byte slices (no copy), the configuration becomes the
// Coq records of spec/Common.v, and the Coq result becomes bytes or an Error. It decides nothing.
#pragma once

#include <memory>

#include "engine.hpp"

namespace hexproof {

std::unique_ptr<Engine> make_reference_engine();

}  // namespace hexproof
