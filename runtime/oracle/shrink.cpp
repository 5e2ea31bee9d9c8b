// Shrinking: see shrink.hpp.
#include "shrink.hpp"

#include <algorithm>

#include "run.hpp"

namespace hexproof::oracle {

bool ShrinkBudget::exhausted() const {
    return runs >= max_runs || std::chrono::steady_clock::now() > deadline || stop_requested();
}

namespace {

// A program as a list of units (lines, then tokens), each belonging to one file.
struct Unit {
    std::size_t file;
    std::string text;
};

std::vector<Input> assemble_units(const std::vector<Unit>& units, const std::vector<Input>& shape) {
    std::vector<Input> inputs = shape;
    for (Input& in : inputs) in.bytes.clear();
    for (const Unit& u : units) inputs[u.file].bytes += u.text;
    return inputs;
}

std::vector<Unit> split_lines(const std::vector<Input>& inputs) {
    std::vector<Unit> units;
    for (std::size_t f = 0; f < inputs.size(); ++f) {
        const std::string& t = inputs[f].bytes;
        std::size_t start = 0;
        while (start < t.size()) {
            std::size_t end = t.find('\n', start);
            end = end == std::string::npos ? t.size() : end + 1;
            units.push_back(Unit{f, t.substr(start, end - start)});
            start = end;
        }
    }
    return units;
}

std::vector<Unit> split_tokens(const std::vector<Input>& inputs) {
    std::vector<Unit> units;
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n'; };
    for (std::size_t f = 0; f < inputs.size(); ++f) {
        const std::string& t = inputs[f].bytes;
        std::size_t i = 0;
        while (i < t.size()) {
            const std::size_t start = i;
            while (i < t.size() && !space(t[i])) ++i;
            while (i < t.size() && space(t[i])) ++i;
            units.push_back(Unit{f, t.substr(start, i - start)});
        }
    }
    return units;
}

// ddmin over units: keep removing chunks while the failure persists.
std::vector<Unit> ddmin(std::vector<Unit> units, const std::vector<Input>& shape,
                        const std::function<bool(const std::vector<Input>&)>& fails, ShrinkBudget& budget) {
    std::size_t n = 2;
    while (units.size() >= 2 && !budget.exhausted()) {
        const std::size_t chunk = (units.size() + n - 1) / n;
        bool reduced = false;
        for (std::size_t start = 0; start < units.size() && !budget.exhausted(); start += chunk) {
            std::vector<Unit> complement(units.begin(), units.begin() + static_cast<std::ptrdiff_t>(start));
            complement.insert(
                complement.end(),
                units.begin() + static_cast<std::ptrdiff_t>(std::min(units.size(), start + chunk)),
                units.end());
            ++budget.runs;
            if (fails(assemble_units(complement, shape))) {
                units = std::move(complement);
                n = std::max<std::size_t>(n - 1, 2);
                reduced = true;
                break;
            }
        }
        if (!reduced) {
            if (n >= units.size()) break;
            n = std::min(units.size(), n * 2);
        }
    }
    // ddmin only tries complements of single chunks at the finest level; also try removing
    // each pair of neighbouring units (a DEFINE and its name, a label and its reference).
    // Repeat until nothing more can go: a removal can enable another.
    for (bool changed = true; changed && !budget.exhausted();) {
        changed = false;
        for (std::size_t width : {std::size_t{2}, std::size_t{1}}) {
            for (std::size_t i = 0; i + width <= units.size() && !budget.exhausted();) {
                std::vector<Unit> trial = units;
                trial.erase(trial.begin() + static_cast<std::ptrdiff_t>(i),
                            trial.begin() + static_cast<std::ptrdiff_t>(i + width));
                ++budget.runs;
                if (fails(assemble_units(trial, shape))) {
                    units = std::move(trial);
                    changed = true;
                } else {
                    ++i;
                }
            }
        }
    }
    return units;
}

}  // namespace

std::vector<Input> shrink(const std::vector<Input>& inputs,
                          const std::function<bool(const std::vector<Input>&)>& fails, ShrinkBudget& budget) {
    std::vector<Input> out = assemble_units(ddmin(split_lines(inputs), inputs, fails, budget), inputs);
    return assemble_units(ddmin(split_tokens(out), out, fails, budget), out);
}

}  // namespace hexproof::oracle
