// Unit tests of the runtime's guard against a wrong std::move of the printed code, in every build:
// a list, box or outbuf (through the box of its block) that has been moved from stops the program
// when it is read again, and is an ordinary value again once assigned.
#include "coq_runtime.hpp"
#include "out_contents.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>

namespace rt = hexproof::rt;
using rt::N;

namespace {

using bytes = rt::list<N>;

bytes two_cells() { return bytes::cons(N{1}, bytes::cons(N{2}, bytes::nil())); }

TEST(CoqRuntimeMoved, ReadingAMovedFromListStops) {
    EXPECT_DEATH(
        {
            bytes a = two_cells();
            bytes b = std::move(a);
            (void)a.tag();
        },
        "read of a moved-from rt::list");
    EXPECT_DEATH(
        {
            std::string text = "ab";
            bytes a = rt::bytes_of(text);
            bytes b = std::move(a);
            (void)a.bytes();
        },
        "read of a moved-from rt::list");
    EXPECT_DEATH(
        {
            bytes a = two_cells();
            bytes b = std::move(a);
            bytes c = a;  // a copy is moved from too
            (void)c.tag();
        },
        "read of a moved-from rt::list");
    EXPECT_DEATH(
        {
            bytes a = two_cells();
            bytes b = std::move(a);
            bytes c = std::move(a);  // so is what a second move leaves
            (void)c.as_cons();
        },
        "read of a moved-from rt::list");
    EXPECT_DEATH(
        {
            bytes a = two_cells();
            bytes b = std::move(a);
            (void)rt::string_of(a);  // the loops over byte strings read it too
        },
        "read of a moved-from rt::list");
}

TEST(CoqRuntimeMoved, AMovedFromFieldStops) {
    // The printed code moves the tail of a cons it matched; reading that tail again stops.
    EXPECT_DEATH(
        {
            bytes l = two_cells();
            bytes::cons_t c = l.as_cons();
            bytes rest = std::move(c.f1);
            (void)c.f1.as_cons();
        },
        "read of a moved-from rt::list");
}

TEST(CoqRuntimeMoved, ReadingAMovedFromOutbufOrBoxStops) {
    EXPECT_DEATH(
        {
            rt::outbuf o = rt::out_push(rt::out_empty(), N{1});
            rt::outbuf p = std::move(o);
            rt::outbuf q = rt::out_push(o, N{2});
        },
        "read of an empty rt::box \\(moved from");  // its block's
    EXPECT_DEATH(
        {
            rt::outbuf o = rt::out_push(rt::out_empty(), N{1});
            rt::outbuf p = std::move(o);
            (void)rt::out_size(o);
        },
        "read of an empty rt::box \\(moved from");
    EXPECT_DEATH(
        {
            rt::box b = rt::box::make(N{7});
            rt::box c = std::move(b);
            (void)b.get<N>();
        },
        "read of an empty rt::box \\(moved from");
}

TEST(CoqRuntimeMoved, AssignedAgainAfterAMoveIsAValue) {
    bytes a = two_cells();
    bytes b = std::move(a);
    a = bytes::cons(N{3}, bytes::nil());  // the loops of the printed code reassign their variables
    EXPECT_EQ(rt::string_of(a), "\x03");
    EXPECT_EQ(rt::string_of(b), std::string("\x01\x02"));
    bytes c = std::move(b);
    b = bytes::nil();  // nil again, not moved from
    EXPECT_EQ(b.tag(), bytes::tag_t::nil);
    rt::outbuf o = rt::out_push(rt::out_empty(), N{1});
    rt::outbuf p = std::move(o);
    o = rt::out_push(std::move(p), N{2});
    EXPECT_EQ(rt::string_of(rt::out_contents(o)), std::string("\x01\x02"));
}

}  // namespace
