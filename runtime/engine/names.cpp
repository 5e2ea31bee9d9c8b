// The names of architectures and error kinds (engine.hpp), for the oracle, the tests and the
// fuzz targets; the drop-ins read architecture names with spec/CommandLine.v instead.
#include "engine.hpp"

namespace hexproof {

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
