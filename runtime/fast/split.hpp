// How the fast engines split their inputs between two threads: whether they do, and where the
// second thread starts reading.
//
// Both engines read a large input in two stretches at once, the second from a line start near the
// middle, each thread as if its stretch were all there is; the first thread then checks that the
// state it reached at the cut is the one the second thread assumed, and reads on itself when it is
// not. m1_pass1.cpp and hex2_fast.cpp say what each assumes. The results never depend on the split.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>
#include <thread>
#include <vector>

#include "engine.hpp"

namespace hexproof {

// Whether a second thread shares the work: automatic (for inputs of 2 MiB or more, on a machine
// with two cores or more), or forced either way (for tests). The result never depends on it.
enum class Threading : std::uint8_t { automatic, single, background };

namespace split {

// Inputs from this size on are read by two threads under automatic threading: below it, starting
// the second threads costs about what they save. Measured on the fast M1 at 1.1 MiB: one
// thread's median time was 13% below two threads' (whose best times were 4% lower, their spread
// far wider); at 2 to 3 MiB the medians were equal; at 7 to 10 MiB two threads took 15% to 20%
// less. The fast hex2's medians were equal at 1.5 and 2.9 MB.
inline constexpr std::size_t second_thread_threshold = std::size_t{2} << 20;

inline std::size_t total_size(const std::vector<Input>& inputs) {
    std::size_t n = 0;
    for (const Input& input : inputs) n += input.view().size();
    return n;
}

inline bool uses_second_thread(Threading threading, std::size_t total) {
    return threading == Threading::background ||
           (threading == Threading::automatic && total >= second_thread_threshold &&
            std::thread::hardware_concurrency() > 1);
}

// A place in the inputs: a file and an offset in it. {inputs.size(), 0} is the end of them all.
struct Place {
    std::size_t file = 0;
    std::size_t offset = 0;
};

// The bytes of the inputs before `place`.
inline std::size_t bytes_before(const std::vector<Input>& inputs, Place place) {
    std::size_t n = place.offset;
    for (std::size_t f = 0; f < place.file; ++f) n += inputs[f].view().size();
    return n;
}

// Where a second thread may start on inputs of `total` bytes: after the first `\n` from byte
// `skip` of them on (or at the start of the next input); nullopt when that leaves it nothing.
inline std::optional<Place> line_start_after(const std::vector<Input>& inputs, std::size_t skip) {
    for (std::size_t f = 0; f < inputs.size(); ++f) {
        const std::string_view bytes = inputs[f].view();
        if (skip >= bytes.size()) {
            skip -= bytes.size();
            continue;
        }
        const void* newline = std::memchr(bytes.data() + skip, '\n', bytes.size() - skip);
        Place place{f + 1, 0};
        if (newline != nullptr)
            place = {f, static_cast<std::size_t>(static_cast<const char*>(newline) - bytes.data()) + 1};
        if (place.file < inputs.size() && place.offset == inputs[place.file].view().size())
            place = {place.file + 1, 0};
        if (place.file == inputs.size()) return std::nullopt;
        return place;
    }
    return std::nullopt;
}

// The same from the middle of the inputs.
inline std::optional<Place> middle_line_start(const std::vector<Input>& inputs, std::size_t total) {
    return line_start_after(inputs, total / 2);
}

// The same from where about half of the work lies before, by `cost`, which estimates the work of
// a stretch of bytes as a number of bytes of some average kind (at least its size): the inputs
// are cut into `samples` stretches of equal size, the cost of each estimated from a window of
// `window` bytes at its start, and the cut goes where the estimates add up to half. Some inputs
// are far from even: a debug build ends with a symbol table denser in new names than its code.
template <typename Cost>
std::optional<Place> balanced_line_start(const std::vector<Input>& inputs, std::size_t total, Cost&& cost) {
    constexpr std::size_t samples = 64;
    constexpr std::size_t window = 4096;
    const std::size_t stretch = total / samples;
    if (stretch < window) return middle_line_start(inputs, total);
    double weights[samples];
    double sum = 0;
    std::size_t f = 0, before = 0;  // the input holding the window, and the bytes before it
    for (std::size_t k = 0; k < samples; ++k) {
        const std::size_t at = k * stretch;
        while (at >= before + inputs[f].view().size()) before += inputs[f++].view().size();
        const std::string_view w = inputs[f].view().substr(at - before, window);
        weights[k] = static_cast<double>(cost(w)) / static_cast<double>(w.size());
        sum += weights[k];
    }
    double seen = 0;
    for (std::size_t k = 0; k < samples; ++k) {
        if (seen + weights[k] >= sum / 2) {
            const double into = (sum / 2 - seen) / weights[k];
            const double share = (static_cast<double>(k) + into) / static_cast<double>(samples);
            return line_start_after(inputs, static_cast<std::size_t>(share * static_cast<double>(total)));
        }
        seen += weights[k];
    }
    return middle_line_start(inputs, total);
}

}  // namespace split
}  // namespace hexproof
