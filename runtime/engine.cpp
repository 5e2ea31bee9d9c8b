// The engine registry and the names of architectures and error kinds.
#include "engine.hpp"

#include "hex2_fast.hpp"
#include "m1_fast.hpp"
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

class FastEngine final : public Engine {
public:
    std::string_view name() const override { return "fast"; }
    Result link(const Hex2Config& config, const std::vector<Input>& inputs) const override {
        return hex2_fast::link(config, inputs);
    }
    Result assemble(const M1Config& config, const std::vector<Input>& inputs) const override {
        return m1_fast::assemble(config, inputs);
    }
    std::optional<Error> assemble_to(const M1Config& config, const std::vector<Input>& inputs,
                                     OutputSink& sink) const override {
        return m1_fast::assemble_to(config, inputs, sink);
    }
};

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
    if (name == "fast") return std::make_unique<FastEngine>();
    if (name == "reference") return make_reference_engine();
    *why = "unknown engine '" + std::string(name) + "' (expected fast or reference)";
    return nullptr;
}

std::string_view architecture_name(Architecture a) {
    switch (a) {
        case Architecture::knight: return "knight";
        case Architecture::x86: return "x86";
        case Architecture::amd64: return "amd64";
        case Architecture::armv7l: return "armv7l";
        case Architecture::aarch64: return "aarch64";
        case Architecture::ppc64le: return "ppc64le";
        case Architecture::riscv32: return "riscv32";
        case Architecture::riscv64: return "riscv64";
    }
    return "?";
}

std::optional<Architecture> parse_architecture(std::string_view name) {
    if (name == "knight-native" || name == "knight-posix") return Architecture::knight;
    if (name == "x86") return Architecture::x86;
    if (name == "amd64") return Architecture::amd64;
    if (name == "armv7l") return Architecture::armv7l;
    if (name == "aarch64") return Architecture::aarch64;
    if (name == "ppc64le") return Architecture::ppc64le;
    if (name == "riscv32") return Architecture::riscv32;
    if (name == "riscv64") return Architecture::riscv64;
    return std::nullopt;
}

std::string_view error_kind_name(ErrorKind k) {
    switch (k) {
        case ErrorKind::undefined_label: return "undefined_label";
        case ErrorKind::displacement_out_of_range: return "displacement_out_of_range";
        case ErrorKind::unaligned_branch_target: return "unaligned_branch_target";
        case ErrorKind::riscv_field_out_of_range: return "riscv_field_out_of_range";
        case ErrorKind::unterminated_word: return "unterminated_word";
        case ErrorKind::nul_in_name: return "nul_in_name";
        case ErrorKind::unterminated_string: return "unterminated_string";
        case ErrorKind::nul_in_token: return "nul_in_token";
        case ErrorKind::empty_input: return "empty_input";
        case ErrorKind::macro_name_missing: return "macro_name_missing";
        case ErrorKind::macro_value_missing: return "macro_value_missing";
        case ErrorKind::immediate_out_of_range: return "immediate_out_of_range";
        case ErrorKind::negative_padding: return "negative_padding";
        case ErrorKind::invalid_other: return "invalid_other";
    }
    return "?";
}

}  // namespace hexproof
