// Unit tests of runtime/reference/coq_runtime.hpp: Coq's exact N/Z semantics at the edges, loud aborts
// outside 64 bits, lists and slices, freeing without recursion, outbuf persistence and runs,
// take_bytes, the byte-string loops.
#include "coq_runtime.hpp"
#include "out_contents.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <deque>
#include <limits>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace rt = hexproof::rt;
using rt::N;
using rt::Z;

namespace {

constexpr std::uint64_t n_max = std::numeric_limits<std::uint64_t>::max();
constexpr std::int64_t z_max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t z_min = std::numeric_limits<std::int64_t>::min();

// Floor division and modulo, by their definitions, on small numbers.
std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    std::int64_t q = 0;
    if (b > 0) {
        while (q * b > a) --q;
        while ((q + 1) * b <= a) ++q;
    } else {
        while (q * b < a) --q;
        while ((q + 1) * b >= a) ++q;
    }
    return q;
}

TEST(CoqRuntimeN, SubTruncatesAtZero) {
    EXPECT_EQ(rt::n_sub(N{3}, N{5}).v, 0u);
    EXPECT_EQ(rt::n_sub(N{5}, N{3}).v, 2u);
    EXPECT_EQ(rt::n_pred(N{0}).v, 0u);
}

TEST(CoqRuntimeN, ModuloByZero) {
    EXPECT_EQ(rt::n_modulo(N{7}, N{0}).v, 7u);
    EXPECT_EQ(rt::n_modulo(N{7}, N{2}).v, 1u);
}

TEST(CoqRuntimeN, ShiftsAndBits) {
    EXPECT_EQ(rt::n_shiftl(N{1}, N{63}).v, std::uint64_t{1} << 63);
    EXPECT_EQ(rt::n_shiftl(N{0}, N{1000}).v, 0u);
    EXPECT_EQ(rt::n_shiftr(N{n_max}, N{64}).v, 0u);
    EXPECT_EQ(rt::n_shiftr(N{n_max}, N{1000}).v, 0u);
    EXPECT_EQ(rt::n_shiftr(N{12}, N{2}).v, 3u);
    EXPECT_TRUE(rt::n_testbit(N{5}, N{2}));
    EXPECT_FALSE(rt::n_testbit(N{5}, N{1}));
    EXPECT_FALSE(rt::n_testbit(N{n_max}, N{64}));
    EXPECT_EQ(rt::n_land(N{12}, N{10}).v, 8u);
    EXPECT_EQ(rt::n_lor(N{12}, N{10}).v, 14u);
    EXPECT_EQ(rt::n_lxor(N{12}, N{10}).v, 6u);
}

TEST(CoqRuntimeN, OverflowAborts) {
    EXPECT_DEATH(rt::n_add(N{n_max}, N{1}), "N.add overflows");
    EXPECT_DEATH(rt::n_mul(N{n_max}, N{2}), "N.mul overflows");
    EXPECT_DEATH(rt::n_shiftl(N{2}, N{63}), "N.shiftl overflows");
    EXPECT_DEATH(rt::n_shiftl(N{1}, N{64}), "N.shiftl overflows");
    EXPECT_DEATH(rt::z_of_n(N{n_max}), "Z.of_N overflows");
}

TEST(CoqRuntimeZ, ModuloFloor) {
    for (std::int64_t a = -20; a <= 20; ++a) {
        for (std::int64_t b = -7; b <= 7; ++b) {
            if (b == 0) {
                EXPECT_EQ(rt::z_modulo(Z{a}, Z{0}).v, a);
                continue;
            }
            std::int64_t q = floor_div(a, b);
            EXPECT_EQ(rt::z_modulo(Z{a}, Z{b}).v, a - q * b) << a << " mod " << b;
        }
    }
    EXPECT_EQ(rt::z_modulo(Z{z_min}, Z{-1}).v, 0);
}

TEST(CoqRuntimeZ, ShiftsFloorAndStopOnNegativeCounts) {
    EXPECT_EQ(rt::z_shiftr(Z{-7}, Z{1}).v, -4);  // floor(-3.5)
    EXPECT_EQ(rt::z_shiftr(Z{-1}, Z{100}).v, -1);
    EXPECT_EQ(rt::z_shiftr(Z{7}, Z{100}).v, 0);
    EXPECT_EQ(rt::z_shiftr(Z{z_min}, Z{63}).v, -1);
    EXPECT_EQ(rt::z_shiftl(Z{-3}, Z{2}).v, -12);
    EXPECT_EQ(rt::z_shiftl(Z{-1}, Z{63}).v, z_min);
    EXPECT_DEATH(rt::z_shiftl(Z{1}, Z{63}), "Z.shiftl overflows");
    EXPECT_DEATH(rt::z_shiftl(Z{-1}, Z{64}), "Z.shiftl by an amount outside");
    // The core never shifts by a negative count, nor left by more than 63 (M1Bounds.shift_amounts_ok;
    // its other amounts are constants from 2 to 20), so the runtime does not realise one.
    EXPECT_DEATH(rt::z_shiftr(Z{3}, Z{-2}), "Z.shiftr by a negative amount");
    EXPECT_DEATH(rt::z_shiftl(Z{-7}, Z{-1}), "Z.shiftl by an amount outside");
    EXPECT_DEATH(rt::z_shiftl(Z{0}, Z{64}), "Z.shiftl by an amount outside");
}

TEST(CoqRuntimeZ, BitsOfNegativeNumbers) {
    EXPECT_EQ(rt::z_land(Z{-1}, Z{12}).v, 12);
    EXPECT_EQ(rt::z_land(Z{-4}, Z{7}).v, 4);
    EXPECT_EQ(rt::z_lor(Z{-8}, Z{3}).v, -5);
}

TEST(CoqRuntimeZ, ConversionsAndEdges) {
    EXPECT_EQ(rt::z_to_n(Z{-5}).v, 0u);
    EXPECT_EQ(rt::z_to_n(Z{5}).v, 5u);
    EXPECT_EQ(rt::z_of_n(N{5}).v, 5);
    EXPECT_DEATH(rt::z_opp(Z{z_min}), "Z.sub overflows");
    EXPECT_DEATH(rt::z_add(Z{z_max}, Z{1}), "Z.add overflows");
    EXPECT_DEATH(rt::z_mul(Z{z_min}, Z{-1}), "Z.mul overflows");
}

using bytes = rt::list<N>;

TEST(CoqRuntimeList, SliceHeadAndTail) {
    std::string s = "abc";
    bytes l = rt::bytes_of(s);
    ASSERT_EQ(l.tag(), bytes::tag_t::cons);
    bytes::cons_t c = l.as_cons();
    EXPECT_EQ(c.f0.v, static_cast<std::uint64_t>('a'));
    EXPECT_EQ(c.f1.bytes(), "bc");  // a slice of the same bytes
    EXPECT_EQ(c.f1.bytes().data(), s.data() + 1);
    EXPECT_EQ(rt::string_of(c.f1), "bc");
    EXPECT_EQ(rt::bytes_of("").tag(), bytes::tag_t::nil);
    // A cons in front of a slice.
    EXPECT_EQ(rt::string_of(bytes::cons(N{'x'}, l)), "xabc");
}

TEST(CoqRuntimeList, StringOfRejectsNonBytes) {
    EXPECT_DEATH(rt::string_of(bytes::cons(N{256}, bytes::nil())), "not a byte");
}

TEST(CoqRuntimeList, LongListsAreFreedWithoutRecursion) {
    bytes l;
    for (int i = 0; i < 10000000; ++i) l = bytes::cons(N{1}, std::move(l));
    l = bytes::nil();  // frees 10^7 cells
    // A long list of lists, and a long chain of boxed cells.
    rt::list<bytes> ll;
    for (int i = 0; i < 1000000; ++i)
        ll = rt::list<bytes>::cons(bytes::cons(N{2}, bytes::nil()), std::move(ll));
    ll = rt::list<bytes>::nil();
    struct link {
        rt::box next;
    };
    rt::box chain;
    for (int i = 0; i < 1000000; ++i) chain = rt::box::make<link>(link{std::move(chain)});
    chain = rt::box();
    SUCCEED();
}

TEST(CoqRuntimeOutbuf, LinearAndPersistent) {
    rt::outbuf o = rt::out_empty();
    for (char c : std::string("hello")) o = rt::out_push(o, N{static_cast<std::uint8_t>(c)});
    rt::outbuf a = rt::out_push(o, N{'!'});
    rt::outbuf b = rt::out_push(o, N{'?'});  // o used twice: b must not see a's byte
    EXPECT_EQ(rt::string_of(rt::out_contents(o)), "hello");
    EXPECT_EQ(rt::string_of(rt::out_contents(a)), "hello!");
    EXPECT_EQ(rt::string_of(rt::out_contents(b)), "hello?");
    rt::outbuf c = rt::out_push(a, N{'.'});  // appended in a's block, a unchanged
    EXPECT_EQ(rt::string_of(rt::out_contents(a)), "hello!");
    EXPECT_EQ(rt::string_of(rt::out_contents(c)), "hello!.");
    EXPECT_EQ(rt::out_contents(rt::out_empty()).tag(), bytes::tag_t::nil);
    EXPECT_DEATH(rt::out_push(rt::out_empty(), N{256}), "not a byte");
}

TEST(CoqRuntimeTakeBytes, SliceAndCells) {
    std::string text = "hello world";
    bytes in = rt::bytes_of(text);
    bytes t = rt::take_bytes(N{5}, in);  // a slice of the slice: no copy
    EXPECT_EQ(t.bytes().data(), text.data());
    EXPECT_EQ(t.bytes().size(), 5u);
    EXPECT_EQ(rt::string_of(t), "hello");
    EXPECT_EQ(rt::string_of(rt::take_bytes(N{100}, in)), "hello world");  // shorter list: all
    EXPECT_EQ(rt::take_bytes(N{0}, in).tag(), bytes::tag_t::nil);
    EXPECT_EQ(rt::take_bytes(N{3}, bytes::nil()).tag(), bytes::tag_t::nil);
    bytes l;
    for (int c : {'c', 'b', 'a'}) l = bytes::cons(N{static_cast<std::uint64_t>(c)}, std::move(l));  // "abc"
    bytes u = rt::take_bytes(N{2}, l);  // cells: copied cell by cell
    EXPECT_TRUE(u.bytes().empty());
    EXPECT_EQ(rt::string_of(u), "ab");
    EXPECT_EQ(rt::string_of(rt::take_bytes(N{7}, l)), "abc");
    // Cells in front of a slice: the cells copied, the part of the slice a shorter slice.
    bytes m = bytes::cons(N{'>'}, in);
    for (std::uint64_t n = 0; n <= 13; ++n)
        EXPECT_EQ(rt::string_of(rt::take_bytes(N{n}, m)), (">" + text).substr(0, n)) << n;
    EXPECT_EQ(rt::take_bytes(N{4}, m).as_cons().f1.bytes().data(), text.data());
}

// The byte-string loops of Extract.v: cells, slices and cells in front of a slice agree with the
// Coq definitions (written out here on plain vectors).
namespace {
bytes cells_then(const std::vector<std::uint64_t>& front, bytes tail) {
    for (std::size_t k = front.size(); k > 0; --k) tail = bytes::cons(N{front[k - 1]}, std::move(tail));
    return tail;
}
std::uint64_t coq_hash(std::uint64_t h, const std::vector<std::uint64_t>& k) {
    for (std::uint64_t b : k) h = (h * 31 + b) & 1048575;
    return h;
}
}  // namespace

TEST(CoqRuntimeByteLoops, HasNul) {
    std::string with_nul("ab\0c", 4);
    EXPECT_TRUE(rt::has_nul(rt::bytes_of(with_nul)));
    EXPECT_FALSE(rt::has_nul(rt::bytes_of("abc")));
    EXPECT_FALSE(rt::has_nul(bytes::nil()));
    EXPECT_TRUE(rt::has_nul(cells_then({1, 0, 2}, bytes::nil())));
    EXPECT_FALSE(rt::has_nul(cells_then({1, 256, 2}, rt::bytes_of("xyz"))));
    EXPECT_TRUE(rt::has_nul(cells_then({1, 2}, rt::bytes_of(with_nul))));
}

// cmp_bytes on plain vectors, as the Coq definition computes it: the shorter first, then the
// first element that differs.
rt::comparison coq_cmp(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
    if (a.size() != b.size()) return a.size() < b.size() ? rt::comparison::Lt : rt::comparison::Gt;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i] != b[i]) return a[i] < b[i] ? rt::comparison::Lt : rt::comparison::Gt;
    return a.size() == b.size()  ? rt::comparison::Eq
           : a.size() < b.size() ? rt::comparison::Lt
                                 : rt::comparison::Gt;
}

TEST(CoqRuntimeByteLoops, CmpBytes) {
    auto vec = [](const std::string& s) {
        std::vector<std::uint64_t> v;
        for (unsigned char c : s) v.push_back(c);
        return v;
    };
    const std::vector<std::string> words = {"",
                                            "a",
                                            "ab",
                                            "abc",
                                            "abd",
                                            "b",
                                            "_END_IF_main",
                                            "_END_WHILE_x",
                                            std::string("a\x80", 2),
                                            std::string("a\xff", 2),
                                            std::string("a\0", 2)};
    for (const std::string& p : words) {
        for (const std::string& q : words) {
            const rt::comparison want = coq_cmp(vec(p), vec(q));
            EXPECT_EQ(rt::cmp_bytes(rt::bytes_of(p), rt::bytes_of(q)), want) << p << " " << q;
            EXPECT_EQ(rt::cmp_bytes(cells_then(vec(p), bytes::nil()), rt::bytes_of(q)), want)
                << p << " " << q;
            if (!p.empty()) {
                EXPECT_EQ(rt::cmp_bytes(cells_then({vec(p)[0]}, rt::bytes_of(p.substr(1))),
                                        cells_then(vec(q), bytes::nil())),
                          want)
                    << p << " " << q;
            }
        }
    }
    EXPECT_EQ(rt::cmp_bytes(cells_then({'a', 300}, bytes::nil()), rt::bytes_of("ab")), rt::comparison::Gt);
    EXPECT_EQ(rt::cmp_bytes(rt::bytes_of("b"), rt::bytes_of("ab")), rt::comparison::Lt);  // shorter first
    EXPECT_EQ(rt::cmp_bytes(cells_then({'a', 300}, bytes::nil()), cells_then({'a', 300}, bytes::nil())),
              rt::comparison::Eq);
    EXPECT_EQ(rt::cmp_bytes(rt::bytes_of("a\xff"), cells_then({'a', 256}, bytes::nil())), rt::comparison::Lt);
}

TEST(CoqRuntimeByteLoops, HashFrom) {
    std::vector<std::uint64_t> k = {'F', 'U', 'N', 'C', 0, 255, 'x'};
    std::string s(k.begin(), k.end());
    const std::uint64_t want = coq_hash(5381, k);
    EXPECT_EQ(rt::hash_from(N{5381}, rt::bytes_of(s)).v, want);
    EXPECT_EQ(rt::hash_from(N{5381}, cells_then(k, bytes::nil())).v, want);
    EXPECT_EQ(rt::hash_from(N{5381}, cells_then({'F', 'U', 'N'}, rt::bytes_of(s.substr(3)))).v, want);
    EXPECT_EQ(rt::hash_from(N{77}, bytes::nil()).v, 77u);
    EXPECT_EQ(rt::hash_from(N{1}, cells_then({1000}, bytes::nil())).v, coq_hash(1, {1000}));
}

TEST(CoqRuntimeOutbuf, PushAll) {
    std::string text = "world";
    rt::outbuf o = rt::push_all(rt::out_empty(), cells_then({'h', 'i', ' '}, bytes::nil()));
    rt::outbuf a = rt::push_all(o, rt::bytes_of(text));
    rt::outbuf b = rt::push_all(o, cells_then({'t', 'o'}, rt::bytes_of("ny")));  // o used twice
    EXPECT_EQ(rt::string_of(rt::out_contents(o)), "hi ");
    EXPECT_EQ(rt::string_of(rt::out_contents(a)), "hi world");
    EXPECT_EQ(rt::string_of(rt::out_contents(b)), "hi tony");
    rt::outbuf c = rt::push_all(a, rt::bytes_of("!"));  // appended in a's block, a unchanged
    EXPECT_EQ(rt::string_of(rt::out_contents(a)), "hi world");
    EXPECT_EQ(rt::string_of(rt::out_contents(c)), "hi world!");
    EXPECT_EQ(rt::string_of(rt::out_contents(rt::push_all(rt::out_empty(), bytes::nil()))), "");
    EXPECT_DEATH(rt::push_all(rt::out_empty(), cells_then({256}, bytes::nil())), "not a byte");
}

// The whole value of o as out_write hands it out, and the number of pieces.
std::string written(const rt::outbuf& o, std::size_t* pieces = nullptr) {
    std::string out;
    std::size_t n = 0;
    rt::out_write(o, [&](std::string_view piece) {
        out.append(piece);
        ++n;
    });
    if (pieces) *pieces = n;
    return out;
}

TEST(CoqRuntimeOutbuf, RunsAgreeWithTheBytesTheyStandFor) {
    // Random pushes, slices and runs, with every buffer sometimes used twice: each value read back
    // (out_write, out_size, out_contents) is the string of what was pushed onto it.
    std::mt19937_64 rng(3);
    for (int round = 0; round < 50; ++round) {
        std::deque<std::string> store;
        std::vector<std::pair<rt::outbuf, std::string>> values = {{rt::out_empty(), ""}};
        for (int step = 0; step < 60; ++step) {
            auto [o, model] = values[rng() % values.size()];
            const std::uint8_t b = static_cast<std::uint8_t>("0ab\n"[rng() % 4]);
            switch (rng() % 4) {
                case 0:
                    o = rt::out_push(o, N{b});
                    model += static_cast<char>(b);
                    break;
                case 1:
                    store.push_back(std::string(rng() % 5, static_cast<char>(b)) + "xy");
                    o = rt::push_all(o, rt::bytes_of(store.back()));
                    model += store.back();
                    break;
                default: {
                    const std::uint64_t n = rng() % 3 == 0 ? 0 : rng() % 70000;  // across a chunk
                    o = rt::out_repeat(o, N{n}, N{b});
                    model += std::string(n, static_cast<char>(b));
                }
            }
            values.emplace_back(o, model);
        }
        for (const auto& [o, model] : values) {
            ASSERT_EQ(written(o), model);
            ASSERT_EQ(rt::out_size(o), model.size());
        }
        for (std::size_t i = 0; i < values.size(); i += 7)
            ASSERT_EQ(rt::string_of(rt::out_contents(values[i].first)), values[i].second);
    }
}

TEST(CoqRuntimeOutbuf, AHugeRunIsWrittenInChunks) {
    const std::uint64_t n = std::uint64_t{1} << 33;  // 8 GiB of '0'
    rt::outbuf o = rt::out_repeat(rt::out_push(rt::out_empty(), N{'<'}), N{n}, N{'0'});
    o = rt::out_push(o, N{'>'});
    EXPECT_EQ(rt::out_size(o), n + 2);
    // Pieces are not read byte by byte (8 GiB): their sizes, and their first and last bytes.
    std::uint64_t total = 0;
    std::size_t pieces = 0, largest = 0;
    std::string edges;
    rt::out_write(o, [&](std::string_view piece) {
        ++pieces;
        total += piece.size();
        largest = std::max(largest, piece.size());
        if (piece.front() != '0') edges += piece.front();
        if (piece.back() != '0' && piece.size() > 1) edges += piece.back();
    });
    EXPECT_EQ(total, n + 2);
    EXPECT_EQ(edges, "<>");
    EXPECT_LE(largest, std::size_t{1} << 16);
    EXPECT_EQ(pieces, 2 + n / (std::uint64_t{1} << 16));
    EXPECT_EQ(rt::out_size(rt::out_repeat(o, N{~std::uint64_t{0}}, N{'0'})), ~std::uint64_t{0});  // saturates
    EXPECT_DEATH(rt::out_repeat(rt::out_empty(), N{1}, N{256}), "not a byte");
}

TEST(CoqRuntimeValues, OptionAndProd) {
    auto s = rt::option<N>::Some(N{4});
    EXPECT_EQ(s.tag(), rt::option<N>::tag_t::Some);
    EXPECT_EQ(s.as_Some().f0.v, 4u);
    EXPECT_EQ(rt::option<N>::None().tag(), rt::option<N>::tag_t::None);
    auto p = rt::prod<N, bool>::pair(N{1}, true);
    EXPECT_EQ(p.f0.v, 1u);
    EXPECT_TRUE(p.f1);
    EXPECT_FALSE(rt::andb(true, false));
    EXPECT_TRUE(rt::orb(false, true));
    EXPECT_TRUE(rt::negb(false));
}

}  // namespace
