// coq_runtime.hpp: the primitives the C++ printed from the Coq core calls (namespace hexproof::rt).
//
// extracted/Extract.v maps Coq's library types and functions to the names defined here, and the
// printer (extracted/printer) calls nothing else: all of it is trusted (docs/trusted-base.md).
// Every primitive has Coq's exact meaning on 64-bit values, or stops the program (rt::fatal)
// where the bounds proofs (proofs/*Bounds.v) show no run within the input limit goes: a wrong
// answer is never produced. Values are not shared between threads; reference counts are not
// atomic.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace hexproof::rt {

// ---- Failure ----------------------------------------------------------------------------------

// Out of 64 bits or of the proved domain, an absurd case, a broken invariant: never a wrong answer.
[[noreturn]] inline void fatal(const char* what) {
    std::fprintf(stderr, "hexproof reference engine: fatal: %s\n", what);  // stderr is not buffered
    std::abort();
}

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
inline N n_modulo(N a, N b) { return N{b.v == 0 ? a.v : a.v % b.v}; }  // x mod 0 = x
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
// Shifts by amounts the core makes only (a right shift by at least 0, a left one by 0 to 63): no
// run within the input limit makes another (M1Bounds.shift_amounts_ok; every other amount in the
// core is a constant, 2 to 20, in the predicates of proofs/bounds_inventory.txt). g++ shifts a
// negative int64 right arithmetically: floor(a / 2^n).
inline Z z_shiftr(Z a, Z n) {  // floor(a / 2^n)
    if (n.v < 0) fatal("Z.shiftr by a negative amount");
    return Z{a.v >> (n.v < 63 ? n.v : 63)};
}
inline Z z_shiftl(Z a, Z n) {  // a * 2^n
    if (n.v < 0 || n.v > 63) fatal("Z.shiftl by an amount outside [0, 63]");
    if ((a.v >> (63 - n.v)) != (a.v < 0 ? -1 : 0)) fatal("Z.shiftl overflows 64 bits");
    return Z{static_cast<std::int64_t>(static_cast<std::uint64_t>(a.v) << n.v)};
}
inline Z z_of_n(N a) {
    if (a.v > static_cast<std::uint64_t>(INT64_MAX)) fatal("Z.of_N overflows 64 bits");
    return Z{static_cast<std::int64_t>(a.v)};
}
inline N z_to_n(Z a) { return N{a.v < 0 ? 0 : static_cast<std::uint64_t>(a.v)}; }  // 0 for a < 0

// ---- Cells: reference counts, freeing without recursion -----------------------------------------

// A reference-counted cell: the fields behind a box, a list's cons, an outbuf's block.
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

inline void count_up(cell* c) {
    if (c->rc == UINT32_MAX) fatal("reference count overflow");
    ++c->rc;
}

// A cell whose count reaches zero is deleted, which drops its fields; a field's cell whose count
// reaches zero meanwhile is queued instead of deleted in turn, and the loop below deletes the
// queue. The C++ stack holds one cell at a time, whatever the shape of the data. Out of line, as
// the handles' tests are not: inlined, it kept g++ from inlining the handles' destructors, and
// counting down in line ran 5 to 35% more instructions (docs/trusted-base.md).
[[gnu::noinline]] inline void release(cell* c) {
    if (--c->rc != 0) return;
    static thread_local std::vector<cell*> queue;
    static thread_local bool draining = false;
    if (draining) {
        // Freeing runs in destructors, where an exception would abort the process: a cell that
        // cannot be queued for want of memory is left allocated (the run is short of memory and
        // ends with that error; a leak never changes a result).
        try {
            queue.push_back(c);
        } catch (const std::bad_alloc&) {
        }
        return;
    }
    draining = true;
    delete c;
    while (!queue.empty()) {
        cell* next = queue.back();
        queue.pop_back();
        delete next;
    }
    draining = false;
}

// ---- box: the reference-counted cell behind a printed inductive type ----------------------------

// A box is empty only as a nullary constructor's (never read) or once moved from: reading an
// empty one stops the program, in every build, so a wrong std::move of a box, or of an outbuf
// (whose block is a box), is never read as a value.
class box {
public:
    box() = default;
    template <class F>
    static box make(F fields) {
        return box(new cell_of<F>(std::move(fields)));
    }
    box(const box& o) : p_(o.p_) {
        if (p_) count_up(p_);
    }
    box(box&& o) noexcept : p_(o.p_) { o.p_ = nullptr; }
    box& operator=(box o) noexcept {
        std::swap(p_, o.p_);
        return *this;
    }
    ~box() {
        if (p_) release(p_);
    }
    // The fields of the constructor the handle's tag names (the printer checks the tag first).
    template <class F>
    const F& get() const {
        if (!p_) fatal("read of an empty rt::box (moved from: a wrong std::move)");
        return static_cast<const cell_of<F>*>(p_)->v;
    }

private:
    explicit box(cell* p) : p_(p) {}
    cell* p_ = nullptr;
};

// ---- option, prod -------------------------------------------------------------------------------

template <class T>
struct option {
    enum class tag_t : std::uint8_t { Some, None };
    static option Some(T x) { return option{tag_t::Some, std::move(x)}; }
    static option None() { return option{}; }
    tag_t tag() const { return tag_; }
    const option& as_Some() const { return *this; }  // the printer reads the field as_Some().f0
    tag_t tag_ = tag_t::None;
    T f0{};
};

template <class A, class B>
struct prod {
    A f0{};
    B f1{};
    static prod pair(A a, B b) { return prod{std::move(a), std::move(b)}; }
};

// ---- list ---------------------------------------------------------------------------------------

// What a list that was moved from points at: reading it stops the program, in every build, so a
// wrong std::move (extracted/printer/moves.ml) is never read as nil.
inline const char moved_from = 0;

template <class T>
class list {
public:
    enum class tag_t : std::uint8_t { nil, cons };
    struct cons_t;  // {T f0; list f1;}, defined below the class

    list() = default;
    list(const list& o) : p_(o.p_), end_(o.end_) {
        if (p_ && !end_) count_up(node());
    }
    list(list&& o) noexcept : p_(o.p_), end_(o.end_) {
        o.p_ = nullptr;
        o.end_ = &moved_from;
    }
    list& operator=(list o) noexcept {
        std::swap(p_, o.p_);
        std::swap(end_, o.end_);
        return *this;
    }
    ~list() {
        if (p_ && !end_) release(node());
    }

    static list nil() { return list(); }
    static list cons(T head, list tail) {
        cell* c = new cell_of<cons_t>(cons_t{std::move(head), std::move(tail)});
        return list(reinterpret_cast<const char*>(c), nullptr);
    }
    // The bytes of s as a list<N>, without copying them. They must outlive every list made from
    // the slice.
    static list slice(std::string_view s) {
        static_assert(std::is_same_v<T, N>, "only a list<N> can be a slice");
        return s.empty() ? list() : list(s.data(), s.data() + s.size());
    }

    tag_t tag() const {
        if (p_) return tag_t::cons;
        if (end_) moved();
        return tag_t::nil;
    }
    // The fields of a cons: a reference into the cell, or for a list<N> (which may be a slice) a
    // fresh {head, tail} value.
    using cons_ref = std::conditional_t<std::is_same_v<T, N>, cons_t, const cons_t&>;
    cons_ref as_cons() const {
        if (tag() == tag_t::nil) fatal("list::as_cons on nil");
        if constexpr (std::is_same_v<T, N>) {
            if (end_)
                return cons_t{N{static_cast<unsigned char>(*p_)},
                              slice({p_ + 1, static_cast<std::size_t>(end_ - p_ - 1)})};
        }
        return static_cast<const cell_of<cons_t>*>(node())->v;
    }
    // The bytes of a slice (never empty); empty for nil and for a cons cell.
    std::string_view bytes() const {
        if (!end_) return std::string_view();
        if (!p_) moved();
        return std::string_view(p_, static_cast<std::size_t>(end_ - p_));
    }

private:
    list(const char* p, const char* end) : p_(p), end_(end) {}
    [[noreturn]] static void moved() { fatal("read of a moved-from rt::list (a wrong std::move)"); }
    cell* node() const { return reinterpret_cast<cell*>(const_cast<char*>(p_)); }
    const char* p_ = nullptr;    // the cons cell, or the first byte of a slice
    const char* end_ = nullptr;  // non-null: a slice [p_, end_), never empty; or &moved_from
};

static_assert(sizeof(list<N>) == 2 * sizeof(void*), "a list is two pointers");

template <class T>
struct list<T>::cons_t {
    T f0;
    list<T> f1;
};

inline list<N> bytes_of(std::string_view s) { return list<N>::slice(s); }

// ---- Loops over byte strings (Extract.v: take_bytes, push_all, has_nul, cmp_bytes, hash_from) --

// Calls f on the head of each cell of l in order, while f returns true; then returns the bytes of
// the slice l ends in (empty if l ends in nil, or if f stopped the walk).
template <class F>
std::string_view walk(list<N> l, F&& f) {
    while (l.tag() == list<N>::tag_t::cons && l.bytes().empty()) {
        list<N>::cons_t c = l.as_cons();
        if (!f(c.f0)) return {};
        l = std::move(c.f1);
    }
    return l.bytes();
}

// Coq: take_bytes n l, the first n elements of l (all of l if it is shorter; proofs/OutBuf.v).
// The cells are copied; the part of a slice is a shorter slice of the same bytes, without copying.
inline list<N> take_bytes(N n, const list<N>& l) {
    if (!l.bytes().empty()) return bytes_of(l.bytes().substr(0, n.v));  // the usual case, not walked
    std::vector<N> heads;
    const std::string_view rest = walk(l, [&](N x) {
        if (heads.size() == n.v) return false;
        heads.push_back(x);
        return true;
    });
    list<N> r = bytes_of(rest.substr(0, static_cast<std::size_t>(n.v - heads.size())));
    for (std::size_t k = heads.size(); k-- > 0;) r = list<N>::cons(heads[k], std::move(r));
    return r;
}

// Coq: has_nul s, some element of s is 0.
inline bool has_nul(const list<N>& s) {
    bool nul = false;
    const std::string_view rest = walk(s, [&](N x) { return !(nul = x.v == 0); });
    return nul || rest.find('\0') != std::string_view::npos;
}

// Calls f on every element of l in order, the bytes of its slice included.
template <class F>
void each(const list<N>& l, F&& f) {
    const std::string_view rest = walk(l, [&f](N x) {
        f(x);
        return true;
    });
    for (unsigned char c : rest) f(N{c});
}

// Coq: cmp_bytes a b, the shorter of a and b first, then the first element that differs.
inline comparison cmp_bytes(const list<N>& a, const list<N>& b) {
    const auto order = [](auto x, auto y) {
        return x < y ? comparison::Lt : y < x ? comparison::Gt : comparison::Eq;
    };
    const std::string_view x = a.bytes(), y = b.bytes();  // compared as unsigned bytes
    if (!x.empty() && !y.empty())  // the usual case: two slices, stretches of the input
        return x.size() != y.size() ? order(x.size(), y.size()) : order(x.compare(y), 0);
    std::vector<std::uint64_t> u, v;
    each(a, [&u](N e) { u.push_back(e.v); });
    each(b, [&v](N e) { v.push_back(e.v); });
    return u.size() != v.size() ? order(u.size(), v.size()) : order(u, v);
}

// Coq: hash_from h k, h := (h * 31 + b) land (2^20 - 1) for each element b of k in order
// (checked N operations, as the printed Fixpoint would use).
inline N hash_from(N h, const list<N>& k) {
    each(k, [&h](N b) { h = n_land(n_add(n_mul(h, N{31}), b), N{1048575}); });
    return h;
}

// A list of bytes as a string; aborts on an element above 255 (for the code that calls the core).
inline std::string string_of(const list<N>& l) {
    std::string out;
    each(l, [&out](N x) {
        if (x.v > 255) fatal("string_of: an element is not a byte");
        out.push_back(static_cast<char>(x.v));
    });
    return out;
}

// ---- outbuf (proofs/OutBuf.v) ---------------------------------------------------------------------

// `count` copies of `byte`, standing before bytes[at] of its block (proofs/OutBuf.v, out_repeat).
struct out_run {
    std::size_t at;
    std::uint64_t count;
    std::uint8_t byte;
};
struct out_block {
    std::string bytes;
    std::vector<out_run> runs;  // in the order they were pushed (so by `at`)
};

// The value of an outbuf is the first len bytes of its block with the first runs runs of the
// block standing among them, each before the byte its `at` names. out_push, push_all and
// out_repeat append in place only if no other outbuf has already claimed the next position (the
// block holds exactly len bytes and runs runs); otherwise they copy. So a linear use costs O(1)
// per byte or run and any other use is still correct. Every outbuf holds a block (out_empty
// makes one), so reading one that was moved from, which has none, stops the program (box).
struct outbuf {
    box block;
    std::size_t len = 0;
    std::size_t runs = 0;
};

[[gnu::noinline]] inline box copy_of(const outbuf& o, std::size_t extra) {
    const out_block& b = o.block.get<out_block>();
    out_block c;
    c.bytes.reserve(o.len + extra);
    c.bytes.assign(b.bytes, 0, o.len);
    c.runs.assign(b.runs.begin(), b.runs.begin() + static_cast<std::ptrdiff_t>(o.runs));
    return box::make(std::move(c));
}

// Makes o the only claimant of its block's end, copying its value into a new block (with room
// for `extra` more bytes) if another outbuf has appended past it. The one cell changed in place:
// what other outbufs read of it (their first len bytes and runs runs) stays as it was.
inline out_block& claim(outbuf& o, std::size_t extra) {
    const out_block& b = o.block.get<out_block>();
    if (b.bytes.size() != o.len || b.runs.size() != o.runs) o.block = copy_of(o, extra);
    return const_cast<out_block&>(o.block.get<out_block>());
}

inline outbuf out_empty() { return outbuf{box::make(out_block{})}; }

inline outbuf out_push(outbuf o, N byte) {
    if (byte.v > 255) fatal("out_push of a value that is not a byte");
    claim(o, 1).bytes.push_back(static_cast<char>(byte.v));
    ++o.len;
    return o;
}

// Coq: push_all o v, out_push of each element of v in order (proofs/OutBuf.v). The slice v ends
// in (all bytes) is appended at once, in place under the same condition as out_push.
inline outbuf push_all(outbuf o, const list<N>& v) {
    const std::string_view rest = walk(v, [&o](N x) {
        o = out_push(std::move(o), x);
        return true;
    });
    if (rest.empty()) return o;
    claim(o, rest.size()).bytes.append(rest);
    o.len += rest.size();
    return o;
}

// Coq: out_repeat o n b, n copies of b pushed (proofs/OutBuf.v): one run, whatever n.
inline outbuf out_repeat(outbuf o, N count, N byte) {
    if (byte.v > 255) fatal("out_repeat of a value that is not a byte");
    claim(o, 0).runs.push_back(out_run{o.len, count.v, static_cast<std::uint8_t>(byte.v)});
    ++o.runs;
    return o;
}

// The number of bytes of o's value, runs included (UINT64_MAX if that does not fit).
inline std::uint64_t out_size(const outbuf& o) {
    const out_block& b = o.block.get<out_block>();  // first: a moved-from o stops the program here
    std::uint64_t n = o.len;
    for (std::size_t r = 0; r < o.runs; ++r)
        if (__builtin_add_overflow(n, b.runs[r].count, &n)) return UINT64_MAX;
    return n;
}

// Hands o's value to write (a callable taking a std::string_view) in order, in pieces: the
// stretches of bytes between runs as they are, each run in chunks of at most 64 KiB.
template <class Write>
void out_write(const outbuf& o, Write&& write) {
    const out_block& b = o.block.get<out_block>();
    const std::string_view bytes(b.bytes.data(), o.len);
    std::size_t done = 0;
    std::string chunk;
    for (std::size_t r = 0; r < o.runs; ++r) {
        const out_run& run = b.runs[r];
        if (run.at > done) write(bytes.substr(done, run.at - done));
        done = run.at;
        chunk.assign(static_cast<std::size_t>(std::min<std::uint64_t>(run.count, 1u << 16)),
                     static_cast<char>(run.byte));
        for (std::uint64_t left = run.count; left > 0; left -= std::min<std::uint64_t>(left, chunk.size()))
            write(std::string_view(chunk).substr(0, left));  // substr stops at the chunk's end
    }
    if (o.len > done) write(bytes.substr(done));
}

}  // namespace hexproof::rt
