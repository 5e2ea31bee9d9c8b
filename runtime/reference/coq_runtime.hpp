// coq_runtime.hpp: the primitives the C++ printed from the Coq core calls (namespace hexproof::rt).
//
// extracted/Extract.v maps Coq's library types and arithmetic to the names defined here; the
// printer (extracted/printer) writes calls to them and nothing else. Everything is small on
// purpose, because it is part of what a user of the reference engine must trust:
//   - N and Z are 64-bit integers. Every operation has Coq's exact meaning (N.sub truncates at 0,
//     Z.modulo has the sign of the divisor, x mod 0 = x, shifts by any
//     amount, bitwise operations on negative Z in two's complement) and aborts with a message
//     (std::abort) when the exact result does not fit: a wrong answer is never produced.
//   - list<T> is an immutable reference-counted cons list. A list<N> may also be a slice of a byte
//     buffer (an input file, an argument): head and tail of a slice are O(1) and allocate
//     nothing. The caller keeps such buffers alive while the core runs.
//   - option, prod, unit, comparison are plain values; box is the reference-counted cell behind
//     the printed inductive types.
//   - outbuf is the output accumulator of proofs/OutBuf.v: a growable byte buffer, appended in
//     place when used linearly and copied otherwise (so it is a persistent value either way),
//     which keeps a run of one byte repeated (out_repeat) as its count; out_write hands the
//     finished output to the caller in pieces, a run in chunks.
//   - Freeing never recurses: a cell whose count drops to zero is queued and freed by one loop,
//     so dropping a list of 10^7 elements needs no stack. Cells come from operator new, the
//     same allocator in every build (the sanitizer build checks it).
// Values are not shared between threads; reference counts are not atomic.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <new>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "move_mark.hpp"

namespace hexproof::rt {

// ---- Failure ----------------------------------------------------------------------------------

// A result outside the 64-bit range, or a broken invariant: never a silently wrong answer.
[[noreturn]] inline void fatal(const char* what) {
    std::fprintf(stderr, "hexproof reference engine: fatal: %s\n", what);
    std::fflush(stderr);
    std::abort();
}

// An absurd branch of the core (extraction's "absurd case"), or an impossible constructor tag.
[[noreturn]] inline void impossible(const char* where) { fatal(where); }

// ---- bool, unit, comparison ---------------------------------------------------------------------

inline bool andb(bool a, bool b) { return a && b; }  // both already evaluated, as in Coq
inline bool orb(bool a, bool b) { return a || b; }
inline bool negb(bool a) { return !a; }

enum class unit : std::uint8_t { tt };
enum class comparison : std::uint8_t { Eq, Lt, Gt };

// ---- N: natural numbers in [0, 2^64) ----------------------------------------------------------

struct N {
    std::uint64_t v = 0;
};

inline N n_add(N a, N b) {
    std::uint64_t r;
    if (__builtin_add_overflow(a.v, b.v, &r)) fatal("N.add overflows 64 bits");
    return N{r};
}
inline N n_sub(N a, N b) { return N{a.v > b.v ? a.v - b.v : 0}; }  // truncates at 0
inline N n_mul(N a, N b) {
    std::uint64_t r;
    if (__builtin_mul_overflow(a.v, b.v, &r)) fatal("N.mul overflows 64 bits");
    return N{r};
}
inline N n_modulo(N a, N b) { return N{b.v == 0 ? a.v : a.v % b.v}; }   // x mod 0 = x
inline N n_pred(N a) { return n_sub(a, N{1}); }
inline N n_max(N a, N b) { return a.v >= b.v ? a : b; }
inline bool n_eqb(N a, N b) { return a.v == b.v; }
inline bool n_leb(N a, N b) { return a.v <= b.v; }
inline bool n_ltb(N a, N b) { return a.v < b.v; }
inline N n_land(N a, N b) { return N{a.v & b.v}; }
inline N n_lor(N a, N b) { return N{a.v | b.v}; }
inline N n_lxor(N a, N b) { return N{a.v ^ b.v}; }
inline N n_shiftl(N a, N n) {  // a * 2^n
    if (a.v == 0) return a;
    if (n.v >= 64 || (a.v >> (63 - n.v)) > 1) fatal("N.shiftl overflows 64 bits");
    return N{a.v << n.v};
}
inline N n_shiftr(N a, N n) { return N{n.v >= 64 ? 0 : a.v >> n.v}; }  // floor(a / 2^n)
inline bool n_testbit(N a, N n) { return n.v < 64 && ((a.v >> n.v) & 1) != 0; }

// ---- Z: integers in [-2^63, 2^63) -------------------------------------------------------------

struct Z {
    std::int64_t v = 0;
};

inline Z z_add(Z a, Z b) {
    std::int64_t r;
    if (__builtin_add_overflow(a.v, b.v, &r)) fatal("Z.add overflows 64 bits");
    return Z{r};
}
inline Z z_sub(Z a, Z b) {
    std::int64_t r;
    if (__builtin_sub_overflow(a.v, b.v, &r)) fatal("Z.sub overflows 64 bits");
    return Z{r};
}
inline Z z_mul(Z a, Z b) {
    std::int64_t r;
    if (__builtin_mul_overflow(a.v, b.v, &r)) fatal("Z.mul overflows 64 bits");
    return Z{r};
}
inline Z z_modulo(Z a, Z b) {  // has the sign of b; x mod 0 = x
    if (b.v == 0) return a;
    if (b.v == -1) return Z{0};
    std::int64_t r = a.v % b.v;
    if (r != 0 && ((r < 0) != (b.v < 0))) r += b.v;
    return Z{r};
}
inline Z z_opp(Z a) { return z_sub(Z{0}, a); }
inline bool z_eqb(Z a, Z b) { return a.v == b.v; }
inline bool z_leb(Z a, Z b) { return a.v <= b.v; }
inline bool z_ltb(Z a, Z b) { return a.v < b.v; }
// Bitwise operations: on 64-bit two's complement they agree with Coq's infinite two's complement
// for every argument in range, and their results are in range.
inline Z z_land(Z a, Z b) { return Z{a.v & b.v}; }
inline Z z_lor(Z a, Z b) { return Z{a.v | b.v}; }
inline Z z_shiftr_nonneg(Z a, std::uint64_t n) {  // floor(a / 2^n)
    if (n >= 64) return Z{a.v < 0 ? -1 : 0};
    // ~ maps a negative a to the non-negative -a-1; floor(a / 2^n) = ~((-a-1) >> n).
    return Z{a.v < 0 ? ~(~a.v >> n) : a.v >> n};
}
inline Z z_shiftl_nonneg(Z a, std::uint64_t n) {  // a * 2^n
    if (a.v == 0) return a;
    if (n >= 64) fatal("Z.shiftl overflows 64 bits");
    std::int64_t r = static_cast<std::int64_t>(static_cast<std::uint64_t>(a.v) << n);
    if (z_shiftr_nonneg(Z{r}, n).v != a.v) fatal("Z.shiftl overflows 64 bits");
    return Z{r};
}
inline std::uint64_t magnitude(std::int64_t n) {  // |n| for any n, INT64_MIN included
    return n < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
}
inline Z z_shiftl(Z a, Z n) { return n.v >= 0 ? z_shiftl_nonneg(a, magnitude(n.v)) : z_shiftr_nonneg(a, magnitude(n.v)); }
inline Z z_shiftr(Z a, Z n) { return n.v >= 0 ? z_shiftr_nonneg(a, magnitude(n.v)) : z_shiftl_nonneg(a, magnitude(n.v)); }
inline Z z_of_n(N a) {
    if (a.v > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) fatal("Z.of_N overflows 64 bits");
    return Z{static_cast<std::int64_t>(a.v)};
}
inline N z_to_n(Z a) { return N{a.v < 0 ? 0 : static_cast<std::uint64_t>(a.v)}; }  // 0 for a < 0

// ---- Memory: freeing without recursion ----------------------------------------------------------

namespace detail {


// A cell whose count reached zero is destroyed here. Destroying it drops its fields; a field
// whose count reaches zero in turn is queued instead of destroyed recursively, and the loop
// below frees the queue. Depth of the C++ stack: one cell, whatever the shape of the data.
struct reclaimer {
    struct item {
        void* p;
        void (*destroy)(void*);
    };
    std::vector<item> queue;
    bool draining = false;
};
inline thread_local reclaimer the_reclaimer;

inline void reclaim(void* p, void (*destroy)(void*)) {
    reclaimer& r = the_reclaimer;
    if (r.draining) {
        // Freeing runs in destructors, where an exception would abort the process: a cell that
        // cannot be queued for want of memory is left allocated (the run is short of memory and
        // ends with that error; a leak never changes a result).
        try {
            r.queue.push_back({p, destroy});
        } catch (const std::bad_alloc&) {
        }
        return;
    }
    r.draining = true;
    destroy(p);
    while (!r.queue.empty()) {
        reclaimer::item it = r.queue.back();
        r.queue.pop_back();
        it.destroy(it.p);
    }
    r.draining = false;
}

inline void count_up(std::uint32_t& rc) {
    if (rc == std::numeric_limits<std::uint32_t>::max()) fatal("reference count overflow");
    ++rc;
}

}  // namespace detail

// ---- box: the reference-counted cell behind a printed inductive type ----------------------------

struct cell {
    std::uint32_t rc = 1;
    cell() = default;
    cell(const cell&) = delete;
    cell& operator=(const cell&) = delete;
    virtual ~cell() = default;
};

template <class F>
struct cell_of final : cell {
    explicit cell_of(F&& f) : v(std::move(f)) {}
    F v;
};

class box : private detail::move_mark {
public:
    box() = default;
    template <class F>
    static box make(F fields) {
        box b;
        b.p_ = new cell_of<F>(std::move(fields));
        return b;
    }
    box(const box& o) : p_(o.p_) {
        o.check_not_moved("rt::box");
        if (p_) bump(p_);
    }
    box(box&& o) noexcept : p_(o.p_) {
        o.check_not_moved("rt::box");
        o.p_ = nullptr;
        o.mark_moved();
    }
    box& operator=(box o) noexcept {
        std::swap(p_, o.p_);
        mark_live();
        return *this;
    }
    ~box() {
        if (p_ && --p_->rc == 0) drop(p_);
    }
    // The fields of the constructor the handle's tag names (the printer checks the tag first).
    template <class F>
    const F& get() const {
        check_not_moved("rt::box");
        if (!p_) fatal("box::get on an empty box");
        return static_cast<const cell_of<F>*>(p_)->v;
    }

private:
    // Out of line, as for list: a copy or a drop inlines only its test.
    [[gnu::noinline]] static void bump(cell* c) { detail::count_up(c->rc); }
    [[gnu::noinline]] static void drop(cell* c) {
        detail::reclaim(c, [](void* q) { delete static_cast<cell*>(q); });
    }
    cell* p_ = nullptr;
};

// ---- option, prod -------------------------------------------------------------------------------

template <class T>
struct option {
    enum class tag_t : std::uint8_t { Some, None };
    struct Some_t {
        T f0{};
    };
    static option Some(T x) { return option{tag_t::Some, Some_t{std::move(x)}}; }
    static option None() { return option{}; }
    tag_t tag() const { return tag_; }
    const Some_t& as_Some() const { return some_; }
    tag_t tag_ = tag_t::None;
    Some_t some_{};
};

template <class A, class B>
struct prod {
    A f0{};
    B f1{};
    static prod pair(A a, B b) { return prod{std::move(a), std::move(b)}; }
};

// ---- list ---------------------------------------------------------------------------------------

template <class T>
class list : private detail::move_mark {
public:
    enum class tag_t : std::uint8_t { nil, cons };
    struct cons_t;  // {T f0; list f1;}, defined below the class

    list() = default;
    list(const list& o) : p_(o.p_), end_(o.end_) { o.check_not_moved("rt::list"); retain(); }
    list(list&& o) noexcept : p_(o.p_), end_(o.end_) {
        o.check_not_moved("rt::list");
        o.p_ = nullptr;
        o.end_ = nullptr;
        o.mark_moved();
    }
    list& operator=(list o) noexcept {
        std::swap(p_, o.p_);
        std::swap(end_, o.end_);
        mark_live();
        return *this;
    }
    ~list() { release(); }

    static list nil() { return list(); }
    static list cons(T head, list tail) {
        list l;
        l.p_ = new node(std::move(head), std::move(tail));
        return l;
    }
    // The bytes [b, b + n) as a list<N>, without copying them. They must outlive every list made
    // from the slice.
    static list slice(const std::uint8_t* b, std::size_t n) {
        static_assert(std::is_same_v<T, N>, "only a list<N> can be a slice");
        list l;
        if (n != 0) {
            l.p_ = b;
            l.end_ = b + n;
        }
        return l;
    }

    tag_t tag() const { check_not_moved("rt::list"); return p_ ? tag_t::cons : tag_t::nil; }
    // The fields of a cons: a reference into the node, or for a list<N> (which may be a slice)
    // a fresh {head, tail} value.
    using cons_ref = std::conditional_t<std::is_same_v<T, N>, cons_t, const cons_t&>;
    cons_ref as_cons() const {
        check_not_moved("rt::list");
        if (!p_) fatal("list::as_cons on nil");
        if constexpr (std::is_same_v<T, N>) {
            if (end_) {
                const std::uint8_t* b = static_cast<const std::uint8_t*>(p_);
                return cons_t{N{*b}, slice(b + 1, static_cast<std::size_t>(end_ - b - 1))};
            }
        }
        return static_cast<const node*>(p_)->fields;
    }
    bool is_slice() const { check_not_moved("rt::list"); return end_ != nullptr; }
    const std::uint8_t* slice_begin() const { check_not_moved("rt::list"); return static_cast<const std::uint8_t*>(p_); }
    const std::uint8_t* slice_end() const { check_not_moved("rt::list"); return end_; }

private:
    struct node;  // {rc, head, tail}, defined below the class
    // As for release: the test is inlined (copying a slice or nil, most copies, costs nothing),
    // counting a node up is not.
    void retain() {
        if (p_ && !end_) bump(static_cast<node*>(const_cast<void*>(p_)));
    }
    [[gnu::noinline]] static void bump(node* n) { detail::count_up(n->rc); }
    // The test is inlined (slices and nil, most lists of the loops, cost nothing); dropping a
    // node is not. Inlining the whole of it keeps the compiler from inlining release itself: the
    // hex2 reference engine then spends about a third of its time calling it (30 MiB amd64
    // benchmark: 1.45 s user with it inline, 0.95 s with this split).
    void release() {
        if (p_ && !end_) drop(static_cast<node*>(const_cast<void*>(p_)));
    }
    [[gnu::noinline]] static void drop(node* n) {
        if (--n->rc == 0) detail::reclaim(n, [](void* q) { delete static_cast<node*>(q); });
    }

    const void* p_ = nullptr;            // the first node, or the first byte of a slice
    const std::uint8_t* end_ = nullptr;  // non-null: a slice [p_, end_), never empty
};

#if !defined(HEXPROOF_CHECKED_RUNTIME)
static_assert(sizeof(list<N>) == 2 * sizeof(void*), "outside the checked build, move_mark takes no room");
#endif

template <class T>
struct list<T>::cons_t {
    T f0;
    list<T> f1;
};

template <class T>
struct list<T>::node {
    node(T h, list<T> t) : fields{std::move(h), std::move(t)} {}
    std::uint32_t rc = 1;
    cons_t fields;
};

// Coq: take_bytes n l, the first n elements of l (all of l if it is shorter) (proofs/OutBuf.v;
// the core takes each token's text from the input with it). A slice gives a shorter slice of
// the same bytes, without copying; any other list is copied cell by cell.
inline list<N> take_bytes(N n, const list<N>& l) {
    if (l.is_slice()) {
        std::size_t size = static_cast<std::size_t>(l.slice_end() - l.slice_begin());
        return list<N>::slice(l.slice_begin(), n.v < size ? static_cast<std::size_t>(n.v) : size);
    }
    std::vector<N> heads;
    for (list<N> i = l; heads.size() < n.v && i.tag() == list<N>::tag_t::cons;) {
        list<N>::cons_t c = i.as_cons();
        heads.push_back(c.f0);
        i = std::move(c.f1);
    }
    list<N> r;
    for (std::size_t k = heads.size(); k > 0; --k) r = list<N>::cons(heads[k - 1], std::move(r));
    return r;
}

// ---- Loops over byte strings (Extract.v: M1Lex.has_nul, ByteMap.cmp_bytes, ByteMap.hash_from) ---
// Each walks its lists as the Coq Fixpoint does and, on reaching slices, finishes with one scan of
// their bytes.

// Coq: has_nul s, some element of s is 0.
inline bool has_nul(const list<N>& s) {
    for (list<N> i = s; i.tag() == list<N>::tag_t::cons;) {
        if (i.is_slice())
            return std::memchr(i.slice_begin(), 0, static_cast<std::size_t>(i.slice_end() - i.slice_begin())) != nullptr;
        list<N>::cons_t c = i.as_cons();
        if (c.f0.v == 0) return true;
        i = std::move(c.f1);
    }
    return false;
}

// The number of elements of l (its cells, then the bytes of the slice it ends in).
inline std::size_t length_of(const list<N>& l) {
    std::size_t n = 0;
    for (list<N> i = l; i.tag() == list<N>::tag_t::cons; ++n) {
        if (i.is_slice()) return n + static_cast<std::size_t>(i.slice_end() - i.slice_begin());
        i = i.as_cons().f1;
    }
    return n;
}

// Coq: cmp_bytes a b, the shorter of a and b first, then the first element that differs. Two
// slices of one length are one memcmp.
inline comparison cmp_bytes(const list<N>& a, const list<N>& b) {
    if (a.is_slice() && b.is_slice()) {  // the usual case: two stretches of the input
        const std::size_t na = static_cast<std::size_t>(a.slice_end() - a.slice_begin());
        const std::size_t nb = static_cast<std::size_t>(b.slice_end() - b.slice_begin());
        if (na != nb) return na < nb ? comparison::Lt : comparison::Gt;
        const int c = std::memcmp(a.slice_begin(), b.slice_begin(), na);
        return c < 0 ? comparison::Lt : c > 0 ? comparison::Gt : comparison::Eq;
    }
    const std::size_t na = length_of(a), nb = length_of(b);
    if (na != nb) return na < nb ? comparison::Lt : comparison::Gt;
    list<N> x = a, y = b;
    while (x.tag() == list<N>::tag_t::cons) {
        if (x.is_slice() && y.is_slice()) {  // as many bytes left in each
            const int c = std::memcmp(x.slice_begin(), y.slice_begin(), static_cast<std::size_t>(x.slice_end() - x.slice_begin()));
            return c < 0 ? comparison::Lt : c > 0 ? comparison::Gt : comparison::Eq;
        }
        list<N>::cons_t cx = x.as_cons();
        list<N>::cons_t cy = y.as_cons();
        if (cx.f0.v != cy.f0.v) return cx.f0.v < cy.f0.v ? comparison::Lt : comparison::Gt;
        x = std::move(cx.f1);
        y = std::move(cy.f1);
    }
    return comparison::Eq;
}

// Coq: hash_from h k, h := (h * 31 + b) land (2^20 - 1) for each element b of k in order
// (checked N operations, as the printed Fixpoint would use).
inline N hash_from(N h, const list<N>& k) {
    for (list<N> i = k; i.tag() == list<N>::tag_t::cons;) {
        if (i.is_slice()) {
            for (const std::uint8_t* p = i.slice_begin(); p != i.slice_end(); ++p)
                h = n_land(n_add(n_mul(h, N{31}), N{*p}), N{1048575});
            return h;
        }
        list<N>::cons_t c = i.as_cons();
        h = n_land(n_add(n_mul(h, N{31}), c.f0), N{1048575});
        i = std::move(c.f1);
    }
    return h;
}

// ---- outbuf (proofs/OutBuf.v) ---------------------------------------------------------------------

namespace detail {
// `count` copies of `byte`, standing before bytes[at] of its block (proofs/OutBuf.v, out_repeat).
struct out_run {
    std::size_t at;
    std::uint64_t count;
    std::uint8_t byte;
};
struct out_block {
    std::uint32_t rc = 1;
    std::vector<std::uint8_t> bytes;
    std::vector<out_run> runs;  // in the order they were pushed (so by `at`)
};
inline void drop(out_block* b) {
    if (b && --b->rc == 0) delete b;
}
}  // namespace detail

// The value of an outbuf is the first len_ bytes of its block with the first runs_ runs of the
// block standing among them, each before the byte its `at` names. out_push, push_all and
// out_repeat append in place only if no other outbuf has already claimed the next position (the
// block holds exactly len_ bytes and runs_ runs); otherwise they copy. So a linear use costs
// O(1) per byte or run and any other use is still correct. A run is never written out in the
// block: out_write writes it in chunks. (Coq's out_contents, the whole output as a list, is the
// tests' only: tests/out_contents.hpp builds it with out_write.)
class outbuf : private detail::move_mark {
public:
    outbuf() = default;
    outbuf(const outbuf& o) : b_(o.b_), len_(o.len_), runs_(o.runs_) {
        o.check_not_moved("rt::outbuf");
        if (b_) detail::count_up(b_->rc);
    }
    outbuf(outbuf&& o) noexcept : b_(o.b_), len_(o.len_), runs_(o.runs_) {
        o.check_not_moved("rt::outbuf");
        o.b_ = nullptr;
        o.len_ = 0;
        o.runs_ = 0;
        o.mark_moved();
    }
    outbuf& operator=(outbuf o) noexcept {
        std::swap(b_, o.b_);
        std::swap(len_, o.len_);
        std::swap(runs_, o.runs_);
        mark_live();
        return *this;
    }
    ~outbuf() { detail::drop(b_); }

    friend outbuf out_push(outbuf o, N byte);
    friend outbuf push_all(outbuf o, const list<N>& v);
    friend outbuf out_repeat(outbuf o, N count, N byte);
    friend std::uint64_t out_size(const outbuf& o);
    template <class Write>
    friend void out_write(const outbuf& o, Write&& write);

private:
    // Makes o the only claimant of its block's end, copying its value into a new block if
    // another outbuf has appended past it; `extra` bytes are reserved in a new block.
    static void claim(outbuf& o, std::size_t extra) {
        if (o.b_ && o.b_->bytes.size() == o.len_ && o.b_->runs.size() == o.runs_) return;
        auto* b = new detail::out_block;
        b->bytes.reserve(o.len_ + extra);
        if (o.b_) {
            b->bytes.assign(o.b_->bytes.begin(), o.b_->bytes.begin() + static_cast<std::ptrdiff_t>(o.len_));
            b->runs.assign(o.b_->runs.begin(), o.b_->runs.begin() + static_cast<std::ptrdiff_t>(o.runs_));
        }
        detail::drop(o.b_);
        o.b_ = b;
    }
    detail::out_block* b_ = nullptr;
    std::size_t len_ = 0;
    std::size_t runs_ = 0;
};

inline outbuf out_empty() { return outbuf(); }

inline outbuf out_push(outbuf o, N byte) {
    if (byte.v > 255) fatal("out_push of a value that is not a byte");
    outbuf::claim(o, 1);
    o.b_->bytes.push_back(static_cast<std::uint8_t>(byte.v));
    ++o.len_;
    return o;
}

// Coq: push_all o v, out_push of each element of v in order (proofs/OutBuf.v). The cells before
// a slice are pushed one by one; a slice (all bytes) is appended at once, in place under the same
// condition as out_push.
inline outbuf push_all(outbuf o, const list<N>& v) {
    list<N> i = v;
    while (i.tag() == list<N>::tag_t::cons && !i.is_slice()) {
        list<N>::cons_t c = i.as_cons();
        o = out_push(std::move(o), c.f0);
        i = std::move(c.f1);
    }
    if (i.tag() == list<N>::tag_t::nil) return o;
    const std::size_t n = static_cast<std::size_t>(i.slice_end() - i.slice_begin());
    outbuf::claim(o, n);
    o.b_->bytes.insert(o.b_->bytes.end(), i.slice_begin(), i.slice_end());
    o.len_ += n;
    return o;
}

// Coq: out_repeat o n b, n copies of b pushed (proofs/OutBuf.v): one run, whatever n.
inline outbuf out_repeat(outbuf o, N count, N byte) {
    if (byte.v > 255) fatal("out_repeat of a value that is not a byte");
    if (count.v == 0) return o;
    outbuf::claim(o, 0);
    o.b_->runs.push_back(detail::out_run{o.len_, count.v, static_cast<std::uint8_t>(byte.v)});
    ++o.runs_;
    return o;
}

// The number of bytes of o's value, runs included (UINT64_MAX if that does not fit).
inline std::uint64_t out_size(const outbuf& o) {
    o.check_not_moved("rt::outbuf");
    std::uint64_t n = o.len_;
    for (std::size_t r = 0; r < o.runs_; ++r)
        if (__builtin_add_overflow(n, o.b_->runs[r].count, &n)) return std::numeric_limits<std::uint64_t>::max();
    return n;
}

// Hands o's value to write (a callable taking a std::string_view) in order, in pieces: the
// stretches of bytes between runs as they are, each run in chunks of at most 64 KiB.
template <class Write>
void out_write(const outbuf& o, Write&& write) {
    o.check_not_moved("rt::outbuf");
    if (!o.b_) return;
    const std::uint8_t* bytes = o.b_->bytes.data();
    std::size_t done = 0;
    std::vector<char> chunk;
    for (std::size_t r = 0; r < o.runs_; ++r) {
        const detail::out_run& run = o.b_->runs[r];
        if (run.at > done) write(std::string_view(reinterpret_cast<const char*>(bytes + done), run.at - done));
        done = run.at;
        const std::size_t size = static_cast<std::size_t>(run.count < (1u << 16) ? run.count : (1u << 16));
        chunk.assign(size, static_cast<char>(run.byte));
        for (std::uint64_t left = run.count; left > 0;) {
            const std::size_t n = static_cast<std::size_t>(left < size ? left : size);
            write(std::string_view(chunk.data(), n));
            left -= n;
        }
    }
    if (o.len_ > done) write(std::string_view(reinterpret_cast<const char*>(bytes + done), o.len_ - done));
}

// ---- Conversions for the code that calls the core --------------------------------------------------

// The bytes of s as a list<N> slice (s must outlive every list made from it).
inline list<N> bytes_of(std::string_view s) {
    return list<N>::slice(reinterpret_cast<const std::uint8_t*>(s.data()), s.size());
}

// A list of bytes back into a string; aborts on an element above 255.
inline std::string string_of(list<N> l) {
    std::string out;
    for (;;) {
        if (l.tag() == list<N>::tag_t::nil) return out;
        if (l.is_slice()) {
            out.append(reinterpret_cast<const char*>(l.slice_begin()), static_cast<std::size_t>(l.slice_end() - l.slice_begin()));
            return out;
        }
        list<N>::cons_t c = l.as_cons();
        if (c.f0.v > 255) fatal("string_of: an element is not a byte");
        out.push_back(static_cast<char>(c.f0.v));
        l = std::move(c.f1);
    }
}

}  // namespace hexproof::rt
