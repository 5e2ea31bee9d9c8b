// Shrinking a failing program (delta debugging): the smallest program found within a budget on
// which the failure persists.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <vector>

#include "engine.hpp"

namespace hexproof::oracle {

struct ShrinkBudget {
    std::chrono::steady_clock::time_point deadline;
    std::size_t runs = 0;  // candidates tried
    std::size_t max_runs = 4000;
    bool exhausted() const;  // also when the oracle is asked to stop
};

// Zeller's ddmin over the lines of the inputs, then over their tokens, then the removal of single
// tokens and of neighbouring pairs (a DEFINE and its name, a label and its reference) until
// nothing more can go. `fails` is asked about each candidate; the files keep their names.
std::vector<Input> shrink(const std::vector<Input>& inputs,
                          const std::function<bool(const std::vector<Input>&)>& fails, ShrinkBudget& budget);

}  // namespace hexproof::oracle
