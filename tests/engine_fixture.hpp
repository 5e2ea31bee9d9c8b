// The fixture of a test that runs once per engine: the parameter names the engine, which the test
// reaches only through the engine interface (engine.hpp). Instantiate a suite with
//   INSTANTIATE_TEST_SUITE_P(Engines, Suite, every_engine, engine_name);
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "engine.hpp"

namespace hexproof {

class OnEveryEngine : public ::testing::TestWithParam<std::string> {
protected:
    OnEveryEngine() : engine_(make_engine(GetParam(), &why_)) {}

    void SetUp() override { ASSERT_TRUE(engine_ != nullptr) << why_; }

    // The engine; null only when it is not built, which SetUp has reported.
    const Engine* engine() const { return engine_.get(); }

private:
    std::string why_;
    std::unique_ptr<Engine> engine_;
};

inline const auto every_engine = ::testing::Values(std::string("fast"), std::string("reference"));
inline const auto engine_name = [](const ::testing::TestParamInfo<std::string>& info) { return info.param; };

}  // namespace hexproof
