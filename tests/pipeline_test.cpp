// Unit tests for the fast engines' second threads (runtime/fast/pipeline.hpp): an exception thrown on a
// second thread (out of memory, a sink that cannot take the output) reaches the first thread
// instead of ending the process, and printing stops at the next piece after a write failed.
#include "pipeline.hpp"

#include <gtest/gtest.h>

#include <new>
#include <stdexcept>
#include <string>
#include <vector>

namespace hexproof {
namespace {

// A sink that fails from its n-th write on, as a full disk or the output limit would.
class FailingSink final : public OutputSink {
public:
    explicit FailingSink(int good_writes) : good_writes_(good_writes) {}
    void write(std::string_view bytes) override {
        if (good_writes_-- <= 0) throw std::runtime_error("sink is full");
        taken += bytes;
    }
    std::string taken;

private:
    int good_writes_;
};

TEST(Pipeline, HelpersExceptionReachesTheWaitingThread) {
    pipeline::Helper helper([](const std::atomic<bool>&) { throw std::bad_alloc(); });
    EXPECT_THROW(helper.wait(), std::bad_alloc);
}

TEST(Pipeline, HelperStopsWhenItsOwnerLeaves) {
    std::atomic<bool> saw_stop{false};
    {
        pipeline::Helper helper([&](const std::atomic<bool>& stop) {
            while (!stop.load()) std::this_thread::yield();
            saw_stop = true;
        });
    }
    EXPECT_TRUE(saw_stop.load());
}

// In the background: once a write failed, the next piece handed over throws that failure, and
// wait_all() throws it too; the pieces before it were written.
TEST(Pipeline, WriterStopsAtTheNextPieceAfterAFailure) {
    FailingSink sink(1);
    pipeline::Writer writer(sink, true);
    ASSERT_TRUE(writer.in_background());
    writer.wait(writer.write("first"));
    writer.wait(writer.write("second"));  // fails on the writer's thread
    EXPECT_THROW(writer.write("third"), std::runtime_error);
    EXPECT_THROW(writer.wait_all(), std::runtime_error);
    EXPECT_EQ(sink.taken, "first");
}

// In line: the sink's exception comes straight out of write().
TEST(Pipeline, InLineWriterPassesTheFailureOn) {
    FailingSink sink(0);
    pipeline::Writer writer(sink, false);
    EXPECT_THROW(writer.write("x"), std::runtime_error);
}

// Every run is done once when none stops, on whichever thread takes it.
TEST(Pipeline, RunsInTurnDoesEveryRunOnce) {
    std::vector<std::atomic<int>> done(1000);
    EXPECT_EQ(pipeline::runs_in_turn(done.size(),
                                     [&](std::size_t k, int thread) {
                                         EXPECT_TRUE(thread == 0 || thread == 1);
                                         ++done[k];
                                         return true;
                                     }),
              done.size());
    for (const auto& d : done) EXPECT_EQ(d.load(), 1);
}

// Runs that stop: the first of them is returned, and every run before it was done.
TEST(Pipeline, RunsInTurnStopsAtTheFirstRunThatStops) {
    std::vector<std::atomic<int>> done(1000);
    const std::size_t first = pipeline::runs_in_turn(done.size(), [&](std::size_t k, int) {
        ++done[k];
        return k != 700 && k != 300 && k != 301;
    });
    EXPECT_EQ(first, 300u);
    for (std::size_t k = 0; k <= 300; ++k) EXPECT_EQ(done[k].load(), 1) << k;
    for (std::size_t k = 301; k < done.size(); ++k) EXPECT_LE(done[k].load(), 1) << k;
}

TEST(Pipeline, ItemsPerRunStaysInItsBounds) {
    EXPECT_EQ(pipeline::items_per_run(0, 16, 8192), 16u);
    EXPECT_EQ(pipeline::items_per_run(32 * 100, 16, 8192), 100u);
    EXPECT_EQ(pipeline::items_per_run(std::size_t{1} << 30, 16, 8192), 8192u);
}

}  // namespace
}  // namespace hexproof
