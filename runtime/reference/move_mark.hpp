// move_mark.hpp: the checked build of runtime/coq_runtime.hpp, in which a value the printed code
// has moved from stops the program when it is read again.
//
// The printer moves a variable (std::move) only where its move rule (extracted/printer/cpp.ml,
// `movable`) shows that nothing reads it afterwards. A wrong move would make the value read as nil
// or as an empty buffer: a silently wrong answer, not a crash. rt::list, rt::box and rt::outbuf
// derive from move_mark. With HEXPROOF_CHECKED_RUNTIME defined (the sanitizer build, `make
// sanitize-test`), the mark remembers that the value was moved from, and every later read of it
// (its tag, its fields, a copy, a move) stops the program with a message; destroying it or
// assigning it a new value stays allowed. Without the macro the class is empty (the empty base
// takes no room) and its calls do nothing.
#pragma once

#include <cstdio>
#include <cstdlib>

namespace hexproof::rt::detail {

class move_mark {
#if defined(HEXPROOF_CHECKED_RUNTIME)
public:
    void check_not_moved(const char* type) const {
        if (moved_) {
            std::fprintf(stderr,
                         "hexproof reference engine: fatal: read of a moved-from %s (a wrong std::move)\n",
                         type);
            std::fflush(stderr);
            std::abort();
        }
    }
    void mark_moved() { moved_ = true; }
    void mark_live() { moved_ = false; }

private:
    bool moved_ = false;
#else
public:
    void check_not_moved(const char*) const {}
    void mark_moved() {}
    void mark_live() {}
#endif
};

}  // namespace hexproof::rt::detail
