// The wording of an error: upstream's message for its kind, its subject and value, and the
// escaping of bytes and names a person reads. Wording only: which error, its place and the exit
// status are the engine's and cli.cpp's (docs/trusted-base.md). Subjects and input names come from
// the inputs and the command line: nothing of them reaches a terminal raw, and a subject is cut
// (a 5 MB undefined atom would otherwise be a 5 MB line).
#include "error_texts.hpp"

#include <cstdio>

#include "encoding.hpp"

namespace hexproof {

namespace {

// The bytes, each for which plain(byte) is false written as \xNN.
template <typename Plain>
std::string escape_where(std::string_view bytes, Plain plain) {
    std::string out;
    out.reserve(bytes.size());
    for (unsigned char c : bytes) {
        if (plain(c)) {
            out.push_back(static_cast<char>(c));
        } else {
            char buf[5];
            std::snprintf(buf, sizeof buf, "\\x%02X", c);
            out += buf;
        }
    }
    return out;
}

}  // namespace

std::string escape_bytes(std::string_view bytes) {
    return escape_where(bytes, [](unsigned char c) { return c >= 0x20 && c < 0x7f && c != '\\'; });
}

std::string shown_subject(std::string_view subject) {
    if (subject.size() <= shown_subject_bytes) return escape_bytes(subject);
    const std::size_t more = subject.size() - shown_subject_bytes;
    return escape_bytes(subject.substr(0, shown_subject_bytes)) + "...(" + std::to_string(more) +
           (more == 1 ? " more byte)" : " more bytes)");
}

std::string shown_name(std::string_view name) {
    return escape_where(name, [](unsigned char c) { return c >= 0x20 && c != 0x7f; });
}

namespace {

// The reference sigil an error points at, or 0 when the offset is not inside the input.
char byte_at(const Error& error, const std::vector<Input>& inputs) {
    if (error.file >= inputs.size()) return 0;
    const std::string_view bytes = inputs[error.file].view();
    return error.offset < bytes.size() ? bytes[error.offset] : 0;
}

std::string bytes_word(unsigned width) { return width == 1 ? "1 byte" : std::to_string(width) + " bytes"; }

}  // namespace

std::string error_message(const Error& error, const std::vector<Input>& inputs) {
    const std::string subject = shown_subject(error.subject);
    const std::string value = std::to_string(error.value);
    const char sigil = byte_at(error, inputs);
    switch (error.kind) {
        case ErrorKind::undefined_label: return "Target label " + subject + " is not valid";
        case ErrorKind::displacement_out_of_range:
            if (encoding::ref_absolute(sigil))
                return "An absolute displacement of " + value + " does not fit in " +
                       bytes_word(encoding::ref_size(sigil));
            return "A relative displacement of " + value + " does not fit in " +
                   bytes_word(encoding::ref_size(sigil));
        case ErrorKind::unaligned_branch_target: return "Unaligned branch target: " + subject + ", aborting";
        case ErrorKind::riscv_field_out_of_range:
            return "value " + value + " out of range for field type " + (sigil == '$' ? "J" : "B");
        case ErrorKind::unterminated_word:
            return "'.' word needs 4 bytes of digits before the end of the file "
                   "(mescc-tools 1.7.0 loops forever here)";
        case ErrorKind::nul_in_name:
            return "NUL byte in a label or reference name (upstream behaviour is undefined here)";
        case ErrorKind::unterminated_string:
            return "Unmatched \" (string not closed before the end of the file)";
        case ErrorKind::nul_in_token: return "NUL byte in a token (upstream behaviour is undefined here)";
        case ErrorKind::empty_input: return "Either no input files were given or they were empty";
        case ErrorKind::macro_name_missing: return "Macro name must exist";
        case ErrorKind::macro_value_missing: return "Macro value must exist";
        case ErrorKind::immediate_out_of_range: {
            // The field of the immediate's sigil; a text without one is a bare knight number,
            // whose field (knight_bare_sigil) is 2 bytes wide.
            const char first = error.subject.empty() ? '%' : error.subject[0];
            const bool sigil_first = std::string_view("!@$~%&").find(first) != std::string_view::npos;
            const int width = sigil_first ? encoding::express_number_field(first).width : 2;
            return "A displacement of " + value + " does not fit in " + std::to_string(width) + " bytes (" +
                   subject + ")";
        }
        case ErrorKind::negative_padding: return "negative null padding not possible (" + subject + ")";
        case ErrorKind::invalid_other: return "Received invalid other; " + subject;
    }
    return "unknown error";
}

}  // namespace hexproof
