// Unit tests for the fast engines' second threads (runtime/fast/pipeline.hpp): an exception thrown on a
// second thread (out of memory, a sink that cannot take the output) reaches the first thread
// instead of ending the process, and printing stops at the next piece after a write failed.
#include "pipeline.hpp"

#include <gtest/gtest.h>

#include <new>
#include <stdexcept>
#include <string>

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

}  // namespace
}  // namespace hexproof
