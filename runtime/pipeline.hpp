// Second threads for the fast engines: a helper thread that is always joined, and output written
// behind the thread printing it.
//
// Only the fast M1 engine uses these, and only on large inputs, where a second core pays. Its
// outputs and errors do not depend on how the work was spread (m1_fast.cpp says how).
#pragma once

#include <atomic>
#include <cstddef>
#include <exception>
#include <memory>
#include <string_view>
#include <system_error>
#include <thread>
#include <utility>

#include "engine.hpp"

namespace hexproof::pipeline {

// A second thread that is always joined: on destruction it is told to stop (work(stop) should
// return soon once stop is set) and waited for, so that an early return of its owner (an error,
// an exception) never leaves it running.
class Helper {
public:
    template <typename Work>
    explicit Helper(Work&& work)
        : thread_([this, work = std::forward<Work>(work)]() mutable {
              try {
                  work(stop_);
              } catch (...) {
                  failure_ = std::current_exception();
              }
          }) {}
    Helper(const Helper&) = delete;
    Helper& operator=(const Helper&) = delete;
    ~Helper() {
        stop_.store(true, std::memory_order_relaxed);
        if (thread_.joinable()) thread_.join();
    }

    // Waits for the work to end; throws what it threw.
    void wait() {
        thread_.join();
        if (failure_) std::rethrow_exception(failure_);
    }

private:
    std::atomic<bool> stop_{false};
    std::exception_ptr failure_;
    std::thread thread_;  // last: it starts once the members it uses exist
};

// Hands pieces of output to a sink on a second thread, one piece at a time, so that the write
// (a copy into the kernel) overlaps the printing of the next piece. A piece must stay unchanged
// until the next call of write() or finish() returns. When told not to use a thread (or none
// could be started), it writes in line.
class BackgroundWriter {
public:
    BackgroundWriter(OutputSink& sink, bool background) : sink_(sink), background_(background) {}
    BackgroundWriter(const BackgroundWriter&) = delete;
    BackgroundWriter& operator=(const BackgroundWriter&) = delete;
    ~BackgroundWriter() { finish(); }

    void write(std::string_view piece) {
        finish();
        if (!background_) {
            sink_.write(piece);
            return;
        }
        try {
            thread_ = std::thread([this, piece] { sink_.write(piece); });
        } catch (const std::system_error&) {
            sink_.write(piece);
        }
    }

    // Waits for the piece being written.
    void finish() {
        if (thread_.joinable()) thread_.join();
    }

private:
    OutputSink& sink_;
    const bool background_;
    std::thread thread_;
};

}  // namespace hexproof::pipeline
