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

// Runs run(k, thread) for k = 0 .. count - 1 on two threads (thread 0: this one; 1: a Helper, when
// one can be had), each taking the next k when done with one, so that both stay busy to the end
// however the work is spread over the runs and whatever holds a thread up. run returns false to
// stop: no thread takes a run after one that stopped, so every run before the first k that
// stopped is done (runs after it may be, or not). Returns that first k, or count when none
// stopped. Runs must touch disjoint data, but for what belongs to their thread.
template <typename Run>
std::size_t runs_in_turn(std::size_t count, Run&& run) {
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> first_stop{count};
    const auto work = [&](int thread) {
        for (std::size_t k; (k = next.fetch_add(1)) < count && k < first_stop.load();) {
            if (run(k, thread)) continue;
            for (std::size_t f = first_stop.load(); k < f && !first_stop.compare_exchange_weak(f, k);) {
            }
            return;
        }
    };
    in_two_parts([&] { work(0); }, [&] { work(1); });
    return first_stop.load();
}

// How many items a run of runs_in_turn takes, for `items` in all: about 1/32 of them, so that no
// run is a large part of the work, between `fewest` and `most` (a run costs a little of its own,
// and small inputs still get several runs).
inline std::size_t items_per_run(std::size_t items, std::size_t fewest, std::size_t most) {
    const std::size_t n = items / 32;
    return n < fewest ? fewest : n > most ? most : n;
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
