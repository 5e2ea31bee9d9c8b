// The fast engine (hex2_fast, m1_fast) behind the engine interface. Not trusted: properties,
// fuzzing and the corpus hold it to the reference engine.
#pragma once

#include <memory>

#include "engine.hpp"

namespace hexproof {

std::unique_ptr<Engine> make_fast_engine();

}  // namespace hexproof
