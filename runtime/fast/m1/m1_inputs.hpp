// Where in the fast M1's inputs a text lies: texts are views into the inputs, and an error names
// an input and an offset in it.
#pragma once

#include <algorithm>
#include <cstddef>
#include <functional>
#include <vector>

#include "engine.hpp"

namespace hexproof::m1_fast {

inline std::size_t offset_in(const Input& input, const char* p) {
    return static_cast<std::size_t>(p - input.view().data());
}

inline Error located_error(ErrorKind kind, std::size_t file, std::size_t offset) {
    return Error{kind, file, offset, 0, {}};
}

// The input a first occurrence lies in (texts are views into the inputs), by a binary search over
// the inputs in address order: a search through them all for each text made 10^5 small inputs
// take 17 s.
class InputsByAddress {
public:
    explicit InputsByAddress(const std::vector<Input>& inputs) {
        for (std::size_t f = 0; f < inputs.size(); ++f)
            if (!inputs[f].view().empty())
                starts_.push_back({inputs[f].view().data(), inputs[f].view().size(), f});
        std::sort(starts_.begin(), starts_.end(),
                  [](const Start& a, const Start& b) { return a.data < b.data; });
    }

    // The input holding p, or no_file (the static texts of ids 0 and 1).
    std::size_t file_of(const char* p) const {
        const auto after = std::upper_bound(
            starts_.begin(), starts_.end(), p,
            [](const char* q, const Start& s) { return std::less<const char*>()(q, s.data); });
        if (after == starts_.begin()) return no_file;
        const Start& s = *(after - 1);
        return std::less<const char*>()(p, s.data + s.size) ? s.file : no_file;
    }

private:
    struct Start {
        const char* data;
        std::size_t size;
        std::size_t file;
    };
    std::vector<Start> starts_;  // the non-empty inputs, by address
};

}  // namespace hexproof::m1_fast
