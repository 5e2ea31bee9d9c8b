// The fast engine behind the engine interface: hex2_fast::link, m1_fast::assemble(_to), and the
// strict checkers hex2_strict::check_first, m1_strict::check_first.
#include "fast_engine.hpp"

#include "hex2_fast.hpp"
#include "hex2_strict_check.hpp"
#include "m1_fast.hpp"
#include "m1_strict_check.hpp"

namespace hexproof {

namespace {

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
    QuirkUses strict_check(const Hex2Config& config, const std::vector<Input>& inputs,
                           std::size_t k) const override {
        return hex2_strict::check_first(config, inputs, k);
    }
    QuirkUses strict_check(const M1Config& config, const std::vector<Input>& inputs,
                           std::size_t k) const override {
        return m1_strict::check_first(config, inputs, k);
    }
};

}  // namespace

std::unique_ptr<Engine> make_fast_engine() { return std::make_unique<FastEngine>(); }

}  // namespace hexproof
