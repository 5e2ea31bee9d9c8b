// Diagnostics: an error's byte offset to line and column, before its message (error_texts.cpp).
#include "diagnostics.hpp"

namespace hexproof {

LineColumn line_column(std::string_view bytes, std::size_t offset) {
    LineColumn at;
    if (offset > bytes.size()) offset = bytes.size();
    for (std::size_t i = 0; i < offset; ++i) {
        if (bytes[i] == '\n') {
            ++at.line;
            at.column = 1;
        } else {
            ++at.column;
        }
    }
    return at;
}

std::string format_error(const Error& error, const std::vector<Input>& inputs) {
    std::string out;
    if (error.file < inputs.size()) {
        const Input& in = inputs[error.file];
        const LineColumn at = line_column(in.view(), error.offset);
        out = shown_name(in.name) + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + ": ";
    }
    return out + "error: " + error_message(error, inputs);
}

}  // namespace hexproof
