// Page-level advice for large buffers: transparent huge pages, where the kernel grants them on
// request; faulting pages in ahead of use; giving pages back.
//
// A buffer of tens of megabytes written once costs one page fault per 4 KiB page (about 8000 for
// a 30 MiB input); with 2 MiB pages it costs a few dozen. Only the 2 MiB-aligned interior of the
// range is advised, and only before its pages are first touched does the advice take effect.
#pragma once

#include <cstddef>
#include <cstdint>

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace hexproof {

#if defined(__linux__)
// madvise(advice) on the `align`-aligned interior of [begin, begin + size), if it has one.
inline void advise_interior(const void* begin, std::size_t size, std::uintptr_t align, int advice) {
    const auto start = reinterpret_cast<std::uintptr_t>(begin);
    const std::uintptr_t first = (start + align - 1) & ~(align - 1);
    const std::uintptr_t last = (start + size) & ~(align - 1);
    if (first < last) ::madvise(reinterpret_cast<void*>(first), last - first, advice);
}
#endif

inline void advise_huge_pages(const void* begin, std::size_t size) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    advise_interior(begin, size, std::uintptr_t{1} << 21, MADV_HUGEPAGE);
#else
    (void)begin;
    (void)size;
#endif
}

// Faults in the whole pages inside a buffer about to be written, in one system call instead of a
// page fault per 4 KiB page (where the kernel offers it); its bytes do not change.
inline void populate_pages(const void* begin, std::size_t size) {
#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
    advise_interior(begin, size, 4096, MADV_POPULATE_WRITE);
#else
    (void)begin;
    (void)size;
#endif
}

// Gives the whole pages inside a buffer back to the kernel: a buffer that was copied elsewhere
// and is about to be freed stops counting towards peak memory piece by piece. The bytes there
// read as zero afterwards.
inline void release_pages(const void* begin, std::size_t size) {
#if defined(__linux__) && defined(MADV_DONTNEED)
    advise_interior(begin, size, 4096, MADV_DONTNEED);
#else
    (void)begin;
    (void)size;
#endif
}

}  // namespace hexproof
