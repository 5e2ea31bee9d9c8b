// The engine registry: every engine by its name (`--engine=fast|reference`). It is the one file
// that knows both engines; nothing else on the reference engine's path reaches the fast one.
#include "engine.hpp"
#include "fast_engine.hpp"
#include "reference_engine.hpp"

namespace hexproof {

std::unique_ptr<Engine> make_engine(std::string_view name, std::string* why) {
    if (name == "fast") return make_fast_engine();
    if (name == "reference") return make_reference_engine();
    *why = "unknown engine '" + std::string(name) + "' (expected fast or reference)";
    return nullptr;
}

}  // namespace hexproof
