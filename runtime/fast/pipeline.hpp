// Second threads for the fast engines: a helper thread that is always joined, and a thread that
// writes the output behind the threads printing it.
//
// The fast engines use these only on large inputs, where a second core pays (split.hpp). Their
// outputs and errors do not depend on how the work was spread (m1_fast.cpp, hex2_fast.cpp).
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
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

// Runs first() on this thread and second() on a Helper when one can be had (else after first()),
// and returns when both are done. They must touch disjoint data.
template <typename First, typename Second>
void in_two_parts(First&& first, Second&& second) {
    std::optional<Helper> helper;
    try {
        helper.emplace([&](const std::atomic<bool>&) { second(); });
    } catch (const std::system_error&) {
        first();
        second();
        return;
    }
    first();
    helper->wait();
}

// Writes pieces of output to a sink on a thread of its own, in the order they are handed over,
// while the threads that print them go on; as all writes go through this one thread, they do not
// contend for the file. A piece must stay unchanged until it is written (wait). Without a thread
// (not asked for, or none could be had) every piece is written at once, in line.
class Writer {
public:
    using Ticket = std::uint64_t;  // the number of pieces handed over before this one

    Writer(OutputSink& sink, bool background) : sink_(sink) {
        if (!background) return;
        try {
            thread_ = std::thread([this] { run(); });
        } catch (const std::system_error&) {
        }
    }
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;
    ~Writer() {
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            stopping_ = true;
        }
        changed_.notify_all();
        if (thread_.joinable()) thread_.join();
    }

    bool in_background() const { return thread_.joinable(); }

    // Hands a piece over, to be appended to what the sink holds.
    Ticket write(std::string_view piece) { return hand_over({false, 0, piece}); }
    // Hands a piece over, to be written at offset (only to a sink that can_write_at()).
    Ticket write_at(std::uint64_t offset, std::string_view piece) { return hand_over({true, offset, piece}); }

    // Waits until the piece with this ticket is written.
    void wait(Ticket ticket) {
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [&] { return written_ > ticket; });
    }
    // Waits until every piece handed over is written; throws what a write threw.
    void wait_all() {
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [&] { return written_ == handed_; });
        if (failure_) std::rethrow_exception(failure_);
    }

private:
    struct Job {
        bool positional;
        std::uint64_t offset;
        std::string_view bytes;
    };

    void perform(const Job& job) {
        if (job.positional)
            sink_.write_at(job.offset, job.bytes);
        else
            sink_.write(job.bytes);
    }

    // A piece handed over after a write failed throws that failure: the threads printing the
    // output stop at their next piece (an output past its limit, a full disk) instead of at the end.
    Ticket hand_over(const Job& job) {
        if (!in_background()) {
            perform(job);
            const std::lock_guard<std::mutex> lock(mutex_);
            ++written_;
            return handed_++;
        }
        Ticket ticket;
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            if (failure_) std::rethrow_exception(failure_);
            jobs_.push_back(job);
            ticket = handed_++;
        }
        changed_.notify_all();
        return ticket;
    }

    void run() {
        std::unique_lock<std::mutex> lock(mutex_);
        for (;;) {
            changed_.wait(lock, [&] { return !jobs_.empty() || stopping_; });
            if (jobs_.empty()) return;
            const Job job = jobs_.front();
            jobs_.pop_front();
            lock.unlock();
            std::exception_ptr failure;
            try {
                perform(job);
            } catch (...) {
                failure = std::current_exception();
            }
            lock.lock();
            if (failure && !failure_) failure_ = failure;
            ++written_;
            changed_.notify_all();
        }
    }

    OutputSink& sink_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Job> jobs_;
    Ticket handed_ = 0;
    Ticket written_ = 0;
    bool stopping_ = false;
    std::exception_ptr failure_;
    std::thread thread_;  // last: it starts once the members it uses exist
};

}  // namespace hexproof::pipeline
