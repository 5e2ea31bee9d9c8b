// An engine's output handed to a sink whole: the default of link_to and assemble_to, for an
// engine that makes its output whole (the fast hex2; the reference engine and the fast M1 write
// theirs in pieces).
#include "engine.hpp"

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

}  // namespace hexproof
