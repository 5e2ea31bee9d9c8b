// The engine registry, and an engine's output handed to a sink whole.
#include "engine.hpp"

#include "fast_engine.hpp"
#include "reference_engine.hpp"

namespace hexproof {

namespace {

std::optional<Error> write_result(Result result, OutputSink& sink) {
    if (Error* error = std::get_if<Error>(&result)) return std::move(*error);
    const std::string& bytes = std::get<std::string>(result);
    sink.expect_size(bytes.size());
    sink.write(bytes);
    return std::nullopt;
}

}  // namespace

std::optional<Error> Engine::link_to(const Hex2Config& config, const std::vector<Input>& inputs,
                                     OutputSink& sink) const {
    return write_result(link(config, inputs), sink);
}

std::optional<Error> Engine::assemble_to(const M1Config& config, const std::vector<Input>& inputs,
                                         OutputSink& sink) const {
    return write_result(assemble(config, inputs), sink);
}

std::unique_ptr<Engine> make_engine(std::string_view name, std::string* why) {
    if (name == "fast") return make_fast_engine();
    if (name == "reference") return make_reference_engine();
    *why = "unknown engine '" + std::string(name) + "' (expected fast or reference)";
    return nullptr;
}

}  // namespace hexproof
