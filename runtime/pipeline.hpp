// Two-thread pipelines for the fast engines: one thread making items ahead of another that uses
// them, in order, through a ring of fixed slots; and output written behind the thread printing it.
//
// Only the fast engines use these, and only on large inputs, where a second core pays: the order
// of the work and its results are those of the one-thread run (each item is used exactly once, in
// the order made), so the engines' outputs and errors do not depend on how the work was spread.
// Waiting spins briefly, then yields: items take microseconds, and the ring keeps both threads
// busy unless one of them is much slower.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <system_error>
#include <thread>
#include <utility>

#include "engine.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace hexproof::pipeline {

inline void pause() {
#if defined(__SSE2__)
    _mm_pause();
#endif
}

// Waits until ready() holds, spinning a little before yielding the core.
template <typename Ready>
void wait_until(Ready&& ready) {
    for (int spins = 0; !ready(); ++spins) {
        if (spins < 64) pause();
        else std::this_thread::yield();
    }
}

// A ring of Slots items between one making thread and one using thread. Item k (k = 0, 1, ...)
// lives in slot k % Slots; the maker may fill it once item k - Slots has been used.
template <typename Item, std::size_t Slots>
class Ring {
public:
    Ring() : items_(new Item[Slots]) {}

    // The maker's side: the slot for item k, or nullptr once the user has stopped the ring.
    Item* to_fill(std::uint64_t k) {
        wait_until([&] { return k - used_.load(std::memory_order_acquire) < Slots || stopped_.load(std::memory_order_relaxed); });
        return stopped_.load(std::memory_order_relaxed) ? nullptr : &items_[k % Slots];
    }
    void filled(std::uint64_t k) { made_.store(k + 1, std::memory_order_release); }

    // The user's side: item k, once made.
    const Item& to_use(std::uint64_t k) {
        wait_until([&] { return made_.load(std::memory_order_acquire) > k; });
        return items_[k % Slots];
    }
    void used(std::uint64_t k) { used_.store(k + 1, std::memory_order_release); }

    // The user needs no more items (it met an error): the maker stops at its next slot.
    void stop() { stopped_.store(true, std::memory_order_relaxed); }

private:
    std::unique_ptr<Item[]> items_;
    alignas(64) std::atomic<std::uint64_t> made_{0};
    alignas(64) std::atomic<std::uint64_t> used_{0};
    alignas(64) std::atomic<bool> stopped_{false};
};

// A thread that is always joined: on destruction the ring is stopped first, so an early return
// of the user (an error, an exception) never leaves the maker waiting.
template <typename Ring>
class Maker {
public:
    template <typename Make>
    Maker(Ring& ring, Make&& make) : ring_(ring), thread_(std::forward<Make>(make)) {}
    Maker(const Maker&) = delete;
    Maker& operator=(const Maker&) = delete;
    ~Maker() {
        ring_.stop();
        thread_.join();
    }

private:
    Ring& ring_;
    std::thread thread_;
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
