// byte_map.hpp: the C++ printed from the Coq module Hexproof.Proofs.ByteMap.
//
// Generated; do not edit. Made by `extracted/regen.sh OUTDIR`, which runs: hexproof_printer --module Hexproof.Spec.CommandLine --module Hexproof.Spec.Common --module Hexproof.Spec.Hex2Encode --module Hexproof.Spec.Hex2Lex --module Hexproof.Spec.Hex2Spec --module Hexproof.Spec.M1Eval --module Hexproof.Spec.M1Lex --module Hexproof.Spec.M1Spec --module Hexproof.Spec.Quirks --module Hexproof.Spec.Strtoint --module Hexproof.Proofs.ByteMap --module Hexproof.Proofs.FirstUses --module Hexproof.Proofs.Hex2Check --module Hexproof.Proofs.Hex2CheckFirst --module Hexproof.Proofs.Hex2Exec --module Hexproof.Proofs.M1Check --module Hexproof.Proofs.M1CheckFirst --module Hexproof.Proofs.M1Exec --module Hexproof.Proofs.OutBuf --fields Extract.v --out OUTDIR extraction.json
// Coq Hexproof.Proofs.ByteMap.x is C++ hexproof::byte_map::x. See extracted/SUBSET.md for the translation.
#pragma once

#include <cstdint>
#include <utility>

#include "coq_runtime.hpp"
#include "common.hpp"

namespace hexproof::byte_map {

template <class A>
struct tree;
template <class A>
struct trie;

// Coq: Hexproof.Proofs.ByteMap.tree
template <class A>
struct tree {
  enum class tag_t : std::uint8_t { Tip, Node };
  struct Node_t;
  static tree<A> Tip();
  static tree<A> Node(byte_map::tree<A> a0, common::bytes a1, A a2, byte_map::tree<A> a3, rt::N a4);
  tag_t tag() const { return tag_; }
  const Node_t& as_Node() const;
  tag_t tag_ = tag_t::Tip;
  rt::box box_;
};

// Coq: Hexproof.Proofs.ByteMap.trie
template <class A>
struct trie {
  enum class tag_t : std::uint8_t { Empty, Fork };
  struct Fork_t;
  static trie<A> Empty();
  static trie<A> Fork(byte_map::trie<A> a0, byte_map::trie<A> a1, byte_map::trie<A> a2, byte_map::trie<A> a3, byte_map::trie<A> a4, byte_map::trie<A> a5, byte_map::trie<A> a6, byte_map::trie<A> a7, byte_map::trie<A> a8, byte_map::trie<A> a9, byte_map::trie<A> a10, byte_map::trie<A> a11, byte_map::trie<A> a12, byte_map::trie<A> a13, byte_map::trie<A> a14, byte_map::trie<A> a15, byte_map::tree<A> a16);
  tag_t tag() const { return tag_; }
  const Fork_t& as_Fork() const;
  tag_t tag_ = tag_t::Empty;
  rt::box box_;
};

// Coq: Hexproof.Proofs.ByteMap.t
template <class A>
using t = rt::prod<rt::list<rt::N>, byte_map::trie<A>>;

template <class A>
struct tree<A>::Node_t {
  byte_map::tree<A> f0;
  common::bytes f1;
  A f2;
  byte_map::tree<A> f3;
  rt::N f4;
};
template <class A>
tree<A> tree<A>::Tip() { return tree<A>{tag_t::Tip, rt::box()}; }
template <class A>
tree<A> tree<A>::Node(byte_map::tree<A> a0, common::bytes a1, A a2, byte_map::tree<A> a3, rt::N a4) { return tree<A>{tag_t::Node, rt::box::make<Node_t>(Node_t{std::move(a0), std::move(a1), std::move(a2), std::move(a3), std::move(a4)})}; }
template <class A>
auto tree<A>::as_Node() const -> const Node_t& { return box_.get<Node_t>(); }

template <class A>
struct trie<A>::Fork_t {
  byte_map::trie<A> f0;
  byte_map::trie<A> f1;
  byte_map::trie<A> f2;
  byte_map::trie<A> f3;
  byte_map::trie<A> f4;
  byte_map::trie<A> f5;
  byte_map::trie<A> f6;
  byte_map::trie<A> f7;
  byte_map::trie<A> f8;
  byte_map::trie<A> f9;
  byte_map::trie<A> f10;
  byte_map::trie<A> f11;
  byte_map::trie<A> f12;
  byte_map::trie<A> f13;
  byte_map::trie<A> f14;
  byte_map::trie<A> f15;
  byte_map::tree<A> f16;
};
template <class A>
trie<A> trie<A>::Empty() { return trie<A>{tag_t::Empty, rt::box()}; }
template <class A>
trie<A> trie<A>::Fork(byte_map::trie<A> a0, byte_map::trie<A> a1, byte_map::trie<A> a2, byte_map::trie<A> a3, byte_map::trie<A> a4, byte_map::trie<A> a5, byte_map::trie<A> a6, byte_map::trie<A> a7, byte_map::trie<A> a8, byte_map::trie<A> a9, byte_map::trie<A> a10, byte_map::trie<A> a11, byte_map::trie<A> a12, byte_map::trie<A> a13, byte_map::trie<A> a14, byte_map::trie<A> a15, byte_map::tree<A> a16) { return trie<A>{tag_t::Fork, rt::box::make<Fork_t>(Fork_t{std::move(a0), std::move(a1), std::move(a2), std::move(a3), std::move(a4), std::move(a5), std::move(a6), std::move(a7), std::move(a8), std::move(a9), std::move(a10), std::move(a11), std::move(a12), std::move(a13), std::move(a14), std::move(a15), std::move(a16)})}; }
template <class A>
auto trie<A>::as_Fork() const -> const Fork_t& { return box_.get<Fork_t>(); }

// Coq: Hexproof.Proofs.ByteMap.height (Definition)
template <class T1>
rt::N height(const byte_map::tree<T1>& t0) {
  switch (t0.tag()) {
  case byte_map::tree<T1>::tag_t::Tip: {
    return rt::N{0};
  }
  case byte_map::tree<T1>::tag_t::Node: {
    const auto& Node_fields = t0.as_Node();
    const rt::N& h = Node_fields.f4;
    return h;
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.ByteMap.height");
}

// Coq: Hexproof.Proofs.ByteMap.node (Definition)
template <class T1>
byte_map::tree<T1> node(const byte_map::tree<T1>& l, const common::bytes& k, const T1& v, const byte_map::tree<T1>& r) {
  return byte_map::tree<T1>::Node(l, k, v, r, rt::n_add(rt::n_max(byte_map::height<T1>(l), byte_map::height<T1>(r)), rt::N{1}));
}

// Coq: Hexproof.Proofs.ByteMap.bal (Definition)
template <class T1>
byte_map::tree<T1> bal(const byte_map::tree<T1>& l, const common::bytes& k, const T1& v, const byte_map::tree<T1>& r) {
  rt::N hl = byte_map::height<T1>(l);
  rt::N hr = byte_map::height<T1>(r);
  bool scrut = rt::n_ltb(rt::n_add(hr, rt::N{1}), hl);
  if (scrut) {
    switch (l.tag()) {
    case byte_map::tree<T1>::tag_t::Tip: {
      return byte_map::node<T1>(l, k, v, r);
    }
    case byte_map::tree<T1>::tag_t::Node: {
      const auto& Node_fields = l.as_Node();
      const byte_map::tree<T1>& ll = Node_fields.f0;
      const common::bytes& lk = Node_fields.f1;
      const T1& lv = Node_fields.f2;
      const byte_map::tree<T1>& lr = Node_fields.f3;
      bool scrut_1 = rt::n_leb(byte_map::height<T1>(lr), byte_map::height<T1>(ll));
      if (scrut_1) {
        rt::comparison scrut_2 = rt::cmp_bytes(lk, k);
        switch (scrut_2) {
        case rt::comparison::Eq: {
          return byte_map::node<T1>(l, k, v, r);
        }
        case rt::comparison::Lt: {
          return byte_map::node<T1>(ll, lk, lv, byte_map::node<T1>(lr, k, v, r));
        }
        case rt::comparison::Gt: {
          return byte_map::node<T1>(l, k, v, r);
        }
        }
        rt::fatal("no case matched in Hexproof.Proofs.ByteMap.bal");
      } else {
        switch (lr.tag()) {
        case byte_map::tree<T1>::tag_t::Tip: {
          return byte_map::node<T1>(l, k, v, r);
        }
        case byte_map::tree<T1>::tag_t::Node: {
          const auto& Node_fields_1 = lr.as_Node();
          const byte_map::tree<T1>& lrl = Node_fields_1.f0;
          const common::bytes& lrk = Node_fields_1.f1;
          const T1& lrv = Node_fields_1.f2;
          const byte_map::tree<T1>& lrr = Node_fields_1.f3;
          rt::comparison scrut_3 = rt::cmp_bytes(lk, lrk);
          switch (scrut_3) {
          case rt::comparison::Eq: {
            return byte_map::node<T1>(l, k, v, r);
          }
          case rt::comparison::Lt: {
            rt::comparison scrut_4 = rt::cmp_bytes(lrk, k);
            switch (scrut_4) {
            case rt::comparison::Eq: {
              return byte_map::node<T1>(l, k, v, r);
            }
            case rt::comparison::Lt: {
              return byte_map::node<T1>(byte_map::node<T1>(ll, lk, lv, lrl), lrk, lrv, byte_map::node<T1>(lrr, k, v, r));
            }
            case rt::comparison::Gt: {
              return byte_map::node<T1>(l, k, v, r);
            }
            }
            rt::fatal("no case matched in Hexproof.Proofs.ByteMap.bal");
          }
          case rt::comparison::Gt: {
            return byte_map::node<T1>(l, k, v, r);
          }
          }
          rt::fatal("no case matched in Hexproof.Proofs.ByteMap.bal");
        }
        }
        rt::fatal("no case matched in Hexproof.Proofs.ByteMap.bal");
      }
    }
    }
    rt::fatal("no case matched in Hexproof.Proofs.ByteMap.bal");
  } else {
    bool scrut_5 = rt::n_ltb(rt::n_add(hl, rt::N{1}), hr);
    if (scrut_5) {
      switch (r.tag()) {
      case byte_map::tree<T1>::tag_t::Tip: {
        return byte_map::node<T1>(l, k, v, r);
      }
      case byte_map::tree<T1>::tag_t::Node: {
        const auto& Node_fields_2 = r.as_Node();
        const byte_map::tree<T1>& rl = Node_fields_2.f0;
        const common::bytes& rk = Node_fields_2.f1;
        const T1& rv = Node_fields_2.f2;
        const byte_map::tree<T1>& rr = Node_fields_2.f3;
        bool scrut_6 = rt::n_leb(byte_map::height<T1>(rl), byte_map::height<T1>(rr));
        if (scrut_6) {
          rt::comparison scrut_7 = rt::cmp_bytes(k, rk);
          switch (scrut_7) {
          case rt::comparison::Eq: {
            return byte_map::node<T1>(l, k, v, r);
          }
          case rt::comparison::Lt: {
            return byte_map::node<T1>(byte_map::node<T1>(l, k, v, rl), rk, rv, rr);
          }
          case rt::comparison::Gt: {
            return byte_map::node<T1>(l, k, v, r);
          }
          }
          rt::fatal("no case matched in Hexproof.Proofs.ByteMap.bal");
        } else {
          switch (rl.tag()) {
          case byte_map::tree<T1>::tag_t::Tip: {
            return byte_map::node<T1>(l, k, v, r);
          }
          case byte_map::tree<T1>::tag_t::Node: {
            const auto& Node_fields_3 = rl.as_Node();
            const byte_map::tree<T1>& rll = Node_fields_3.f0;
            const common::bytes& rlk = Node_fields_3.f1;
            const T1& rlv = Node_fields_3.f2;
            const byte_map::tree<T1>& rlr = Node_fields_3.f3;
            rt::comparison scrut_8 = rt::cmp_bytes(k, rlk);
            switch (scrut_8) {
            case rt::comparison::Eq: {
              return byte_map::node<T1>(l, k, v, r);
            }
            case rt::comparison::Lt: {
              rt::comparison scrut_9 = rt::cmp_bytes(rlk, rk);
              switch (scrut_9) {
              case rt::comparison::Eq: {
                return byte_map::node<T1>(l, k, v, r);
              }
              case rt::comparison::Lt: {
                return byte_map::node<T1>(byte_map::node<T1>(l, k, v, rll), rlk, rlv, byte_map::node<T1>(rlr, rk, rv, rr));
              }
              case rt::comparison::Gt: {
                return byte_map::node<T1>(l, k, v, r);
              }
              }
              rt::fatal("no case matched in Hexproof.Proofs.ByteMap.bal");
            }
            case rt::comparison::Gt: {
              return byte_map::node<T1>(l, k, v, r);
            }
            }
            rt::fatal("no case matched in Hexproof.Proofs.ByteMap.bal");
          }
          }
          rt::fatal("no case matched in Hexproof.Proofs.ByteMap.bal");
        }
      }
      }
      rt::fatal("no case matched in Hexproof.Proofs.ByteMap.bal");
    } else {
      return byte_map::node<T1>(l, k, v, r);
    }
  }
}

// Coq: Hexproof.Proofs.ByteMap.find_in (Fixpoint; its self tail calls are the loop)
template <class T1>
rt::option<T1> find_in(const common::bytes& k, const byte_map::tree<T1>& t0_in) {
  const byte_map::tree<T1>* t0 = &t0_in;
  for (;;) {
    switch ((*t0).tag()) {
    case byte_map::tree<T1>::tag_t::Tip: {
      return rt::option<T1>::None();
    }
    case byte_map::tree<T1>::tag_t::Node: {
      const auto& Node_fields = (*t0).as_Node();
      const byte_map::tree<T1>& l = Node_fields.f0;
      const common::bytes& x = Node_fields.f1;
      const T1& v = Node_fields.f2;
      const byte_map::tree<T1>& r = Node_fields.f3;
      rt::comparison scrut = rt::cmp_bytes(k, x);
      switch (scrut) {
      case rt::comparison::Eq: {
        return rt::option<T1>::Some(v);
      }
      case rt::comparison::Lt: {
        const byte_map::tree<T1>* next_t0 = &l;
        t0 = std::move(next_t0);
        continue;
      }
      case rt::comparison::Gt: {
        const byte_map::tree<T1>* next_t0_1 = &r;
        t0 = std::move(next_t0_1);
        continue;
      }
      }
      rt::fatal("no case matched in Hexproof.Proofs.ByteMap.find_in");
    }
    }
    rt::fatal("no case matched in Hexproof.Proofs.ByteMap.find_in");
  }
}

// Coq: Hexproof.Proofs.ByteMap.rebuild (Fixpoint; its self tail calls are the loop)
template <class T1>
byte_map::tree<T1> rebuild(const rt::list<rt::prod<byte_map::tree<T1>, bool>>& z_in, byte_map::tree<T1> t0) {
  const rt::list<rt::prod<byte_map::tree<T1>, bool>>* z = &z_in;
  for (;;) {
    switch ((*z).tag()) {
    case rt::list<rt::prod<byte_map::tree<T1>, bool>>::tag_t::nil: {
      return t0;
    }
    case rt::list<rt::prod<byte_map::tree<T1>, bool>>::tag_t::cons: {
      const auto& cons_fields = (*z).as_cons();
      const rt::prod<byte_map::tree<T1>, bool>& f = cons_fields.f0;
      const rt::list<rt::prod<byte_map::tree<T1>, bool>>& z_ = cons_fields.f1;
      const byte_map::tree<T1>& p = f.f0;
      const bool& went_left = f.f1;
      switch (p.tag()) {
      case byte_map::tree<T1>::tag_t::Tip: {
        const rt::list<rt::prod<byte_map::tree<T1>, bool>>* next_z = &z_;
        z = std::move(next_z);
        continue;
      }
      case byte_map::tree<T1>::tag_t::Node: {
        const auto& Node_fields = p.as_Node();
        const byte_map::tree<T1>& l = Node_fields.f0;
        const common::bytes& x = Node_fields.f1;
        const T1& v = Node_fields.f2;
        const byte_map::tree<T1>& r = Node_fields.f3;
        byte_map::tree<T1> tmp{};
        if (went_left) {
          tmp = byte_map::bal<T1>(t0, x, v, r);
        } else {
          tmp = byte_map::bal<T1>(l, x, v, t0);
        }
        const rt::list<rt::prod<byte_map::tree<T1>, bool>>* next_z_1 = &z_;
        byte_map::tree<T1> next_t0 = tmp;
        z = std::move(next_z_1);
        t0 = std::move(next_t0);
        continue;
      }
      }
      rt::fatal("no case matched in Hexproof.Proofs.ByteMap.rebuild");
    }
    }
    rt::fatal("no case matched in Hexproof.Proofs.ByteMap.rebuild");
  }
}

// Coq: Hexproof.Proofs.ByteMap.descend (Fixpoint; its self tail calls are the loop)
template <class T1>
byte_map::tree<T1> descend(const common::bytes& k, const T1& v, const byte_map::tree<T1>& t0_in, rt::list<rt::prod<byte_map::tree<T1>, bool>> z) {
  const byte_map::tree<T1>* t0 = &t0_in;
  for (;;) {
    switch ((*t0).tag()) {
    case byte_map::tree<T1>::tag_t::Tip: {
      return byte_map::rebuild<T1>(z, byte_map::tree<T1>::Node(byte_map::tree<T1>::Tip(), k, v, byte_map::tree<T1>::Tip(), rt::N{1}));
    }
    case byte_map::tree<T1>::tag_t::Node: {
      const auto& Node_fields = (*t0).as_Node();
      const byte_map::tree<T1>& l = Node_fields.f0;
      const common::bytes& x = Node_fields.f1;
      const byte_map::tree<T1>& r = Node_fields.f3;
      const rt::N& h = Node_fields.f4;
      rt::comparison scrut = rt::cmp_bytes(k, x);
      switch (scrut) {
      case rt::comparison::Eq: {
        return byte_map::rebuild<T1>(z, byte_map::tree<T1>::Node(l, x, v, r, h));
      }
      case rt::comparison::Lt: {
        const byte_map::tree<T1>* next_t0 = &l;
        rt::list<rt::prod<byte_map::tree<T1>, bool>> next_z = rt::list<rt::prod<byte_map::tree<T1>, bool>>::cons(rt::prod<byte_map::tree<T1>, bool>::pair((*t0), true), std::move(z));
        t0 = std::move(next_t0);
        z = std::move(next_z);
        continue;
      }
      case rt::comparison::Gt: {
        const byte_map::tree<T1>* next_t0_1 = &r;
        rt::list<rt::prod<byte_map::tree<T1>, bool>> next_z_1 = rt::list<rt::prod<byte_map::tree<T1>, bool>>::cons(rt::prod<byte_map::tree<T1>, bool>::pair((*t0), false), std::move(z));
        t0 = std::move(next_t0_1);
        z = std::move(next_z_1);
        continue;
      }
      }
      rt::fatal("no case matched in Hexproof.Proofs.ByteMap.descend");
    }
    }
    rt::fatal("no case matched in Hexproof.Proofs.ByteMap.descend");
  }
}

// Coq: Hexproof.Proofs.ByteMap.key_hash (Definition)
inline rt::N key_hash(const common::bytes& k) {
  return rt::hash_from(rt::N{5381}, k);
}

// Coq: Hexproof.Proofs.ByteMap.positions (Definition)
inline rt::list<rt::N> positions() {
  return rt::list<rt::N>::cons(rt::N{0}, rt::list<rt::N>::cons(rt::N{4}, rt::list<rt::N>::cons(rt::N{8}, rt::list<rt::N>::cons(rt::N{12}, rt::list<rt::N>::nil()))));
}

// Coq: Hexproof.Proofs.ByteMap.trie_get (Fixpoint; its self tail calls are the loop)
template <class T1>
byte_map::tree<T1> trie_get(rt::list<rt::N> ps, rt::N h, const byte_map::trie<T1>& t0_in) {
  const byte_map::trie<T1>* t0 = &t0_in;
  for (;;) {
    switch ((*t0).tag()) {
    case byte_map::trie<T1>::tag_t::Empty: {
      return byte_map::tree<T1>::Tip();
    }
    case byte_map::trie<T1>::tag_t::Fork: {
      const auto& Fork_fields = (*t0).as_Fork();
      const byte_map::trie<T1>& c0 = Fork_fields.f0;
      const byte_map::trie<T1>& c1 = Fork_fields.f1;
      const byte_map::trie<T1>& c2 = Fork_fields.f2;
      const byte_map::trie<T1>& c3 = Fork_fields.f3;
      const byte_map::trie<T1>& c4 = Fork_fields.f4;
      const byte_map::trie<T1>& c5 = Fork_fields.f5;
      const byte_map::trie<T1>& c6 = Fork_fields.f6;
      const byte_map::trie<T1>& c7 = Fork_fields.f7;
      const byte_map::trie<T1>& c8 = Fork_fields.f8;
      const byte_map::trie<T1>& c9 = Fork_fields.f9;
      const byte_map::trie<T1>& c10 = Fork_fields.f10;
      const byte_map::trie<T1>& c11 = Fork_fields.f11;
      const byte_map::trie<T1>& c12 = Fork_fields.f12;
      const byte_map::trie<T1>& c13 = Fork_fields.f13;
      const byte_map::trie<T1>& c14 = Fork_fields.f14;
      const byte_map::trie<T1>& c15 = Fork_fields.f15;
      const byte_map::tree<T1>& here = Fork_fields.f16;
      switch (ps.tag()) {
      case rt::list<rt::N>::tag_t::nil: {
        return here;
      }
      case rt::list<rt::N>::tag_t::cons: {
        auto cons_fields = ps.as_cons();
        rt::N& p = cons_fields.f0;
        rt::list<rt::N>& ps_ = cons_fields.f1;
        bool scrut = rt::n_testbit(h, rt::n_add(p, rt::N{3}));
        if (scrut) {
          bool scrut_1 = rt::n_testbit(h, rt::n_add(p, rt::N{2}));
          if (scrut_1) {
            bool scrut_2 = rt::n_testbit(h, rt::n_add(p, rt::N{1}));
            if (scrut_2) {
              bool scrut_3 = rt::n_testbit(h, p);
              if (scrut_3) {
                rt::list<rt::N> next_ps = std::move(ps_);
                const byte_map::trie<T1>* next_t0 = &c15;
                ps = std::move(next_ps);
                t0 = std::move(next_t0);
                continue;
              } else {
                rt::list<rt::N> next_ps_1 = std::move(ps_);
                const byte_map::trie<T1>* next_t0_1 = &c14;
                ps = std::move(next_ps_1);
                t0 = std::move(next_t0_1);
                continue;
              }
            } else {
              bool scrut_4 = rt::n_testbit(h, p);
              if (scrut_4) {
                rt::list<rt::N> next_ps_2 = std::move(ps_);
                const byte_map::trie<T1>* next_t0_2 = &c13;
                ps = std::move(next_ps_2);
                t0 = std::move(next_t0_2);
                continue;
              } else {
                rt::list<rt::N> next_ps_3 = std::move(ps_);
                const byte_map::trie<T1>* next_t0_3 = &c12;
                ps = std::move(next_ps_3);
                t0 = std::move(next_t0_3);
                continue;
              }
            }
          } else {
            bool scrut_5 = rt::n_testbit(h, rt::n_add(p, rt::N{1}));
            if (scrut_5) {
              bool scrut_6 = rt::n_testbit(h, p);
              if (scrut_6) {
                rt::list<rt::N> next_ps_4 = std::move(ps_);
                const byte_map::trie<T1>* next_t0_4 = &c11;
                ps = std::move(next_ps_4);
                t0 = std::move(next_t0_4);
                continue;
              } else {
                rt::list<rt::N> next_ps_5 = std::move(ps_);
                const byte_map::trie<T1>* next_t0_5 = &c10;
                ps = std::move(next_ps_5);
                t0 = std::move(next_t0_5);
                continue;
              }
            } else {
              bool scrut_7 = rt::n_testbit(h, p);
              if (scrut_7) {
                rt::list<rt::N> next_ps_6 = std::move(ps_);
                const byte_map::trie<T1>* next_t0_6 = &c9;
                ps = std::move(next_ps_6);
                t0 = std::move(next_t0_6);
                continue;
              } else {
                rt::list<rt::N> next_ps_7 = std::move(ps_);
                const byte_map::trie<T1>* next_t0_7 = &c8;
                ps = std::move(next_ps_7);
                t0 = std::move(next_t0_7);
                continue;
              }
            }
          }
        } else {
          bool scrut_8 = rt::n_testbit(h, rt::n_add(p, rt::N{2}));
          if (scrut_8) {
            bool scrut_9 = rt::n_testbit(h, rt::n_add(p, rt::N{1}));
            if (scrut_9) {
              bool scrut_10 = rt::n_testbit(h, p);
              if (scrut_10) {
                rt::list<rt::N> next_ps_8 = std::move(ps_);
                const byte_map::trie<T1>* next_t0_8 = &c7;
                ps = std::move(next_ps_8);
                t0 = std::move(next_t0_8);
                continue;
              } else {
                rt::list<rt::N> next_ps_9 = std::move(ps_);
                const byte_map::trie<T1>* next_t0_9 = &c6;
                ps = std::move(next_ps_9);
                t0 = std::move(next_t0_9);
                continue;
              }
            } else {
              bool scrut_11 = rt::n_testbit(h, p);
              if (scrut_11) {
                rt::list<rt::N> next_ps_10 = std::move(ps_);
                const byte_map::trie<T1>* next_t0_10 = &c5;
                ps = std::move(next_ps_10);
                t0 = std::move(next_t0_10);
                continue;
              } else {
                rt::list<rt::N> next_ps_11 = std::move(ps_);
                const byte_map::trie<T1>* next_t0_11 = &c4;
                ps = std::move(next_ps_11);
                t0 = std::move(next_t0_11);
                continue;
              }
            }
          } else {
            bool scrut_12 = rt::n_testbit(h, rt::n_add(p, rt::N{1}));
            if (scrut_12) {
              bool scrut_13 = rt::n_testbit(h, p);
              if (scrut_13) {
                rt::list<rt::N> next_ps_12 = std::move(ps_);
                const byte_map::trie<T1>* next_t0_12 = &c3;
                ps = std::move(next_ps_12);
                t0 = std::move(next_t0_12);
                continue;
              } else {
                rt::list<rt::N> next_ps_13 = std::move(ps_);
                const byte_map::trie<T1>* next_t0_13 = &c2;
                ps = std::move(next_ps_13);
                t0 = std::move(next_t0_13);
                continue;
              }
            } else {
              bool scrut_14 = rt::n_testbit(h, p);
              if (scrut_14) {
                rt::list<rt::N> next_ps_14 = std::move(ps_);
                const byte_map::trie<T1>* next_t0_14 = &c1;
                ps = std::move(next_ps_14);
                t0 = std::move(next_t0_14);
                continue;
              } else {
                rt::list<rt::N> next_ps_15 = std::move(ps_);
                const byte_map::trie<T1>* next_t0_15 = &c0;
                ps = std::move(next_ps_15);
                t0 = std::move(next_t0_15);
                continue;
              }
            }
          }
        }
      }
      }
      rt::fatal("no case matched in Hexproof.Proofs.ByteMap.trie_get");
    }
    }
    rt::fatal("no case matched in Hexproof.Proofs.ByteMap.trie_get");
  }
}

// Coq: Hexproof.Proofs.ByteMap.trie_set (Fixpoint; recursive)
template <class T1>
byte_map::trie<T1> trie_set(const rt::list<rt::N>& ps, const rt::N& h, const byte_map::tree<T1>& x, const byte_map::trie<T1>& t0) {
  switch (ps.tag()) {
  case rt::list<rt::N>::tag_t::nil: {
    switch (t0.tag()) {
    case byte_map::trie<T1>::tag_t::Empty: {
      return byte_map::trie<T1>::Fork(byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), x);
    }
    case byte_map::trie<T1>::tag_t::Fork: {
      const auto& Fork_fields = t0.as_Fork();
      const byte_map::trie<T1>& c0 = Fork_fields.f0;
      const byte_map::trie<T1>& c1 = Fork_fields.f1;
      const byte_map::trie<T1>& c2 = Fork_fields.f2;
      const byte_map::trie<T1>& c3 = Fork_fields.f3;
      const byte_map::trie<T1>& c4 = Fork_fields.f4;
      const byte_map::trie<T1>& c5 = Fork_fields.f5;
      const byte_map::trie<T1>& c6 = Fork_fields.f6;
      const byte_map::trie<T1>& c7 = Fork_fields.f7;
      const byte_map::trie<T1>& c8 = Fork_fields.f8;
      const byte_map::trie<T1>& c9 = Fork_fields.f9;
      const byte_map::trie<T1>& c10 = Fork_fields.f10;
      const byte_map::trie<T1>& c11 = Fork_fields.f11;
      const byte_map::trie<T1>& c12 = Fork_fields.f12;
      const byte_map::trie<T1>& c13 = Fork_fields.f13;
      const byte_map::trie<T1>& c14 = Fork_fields.f14;
      const byte_map::trie<T1>& c15 = Fork_fields.f15;
      return byte_map::trie<T1>::Fork(c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, x);
    }
    }
    rt::fatal("no case matched in Hexproof.Proofs.ByteMap.trie_set");
  }
  case rt::list<rt::N>::tag_t::cons: {
    auto cons_fields = ps.as_cons();
    rt::N& p = cons_fields.f0;
    rt::list<rt::N>& ps_ = cons_fields.f1;
    switch (t0.tag()) {
    case byte_map::trie<T1>::tag_t::Empty: {
      bool scrut = rt::n_testbit(h, rt::n_add(p, rt::N{3}));
      if (scrut) {
        bool scrut_1 = rt::n_testbit(h, rt::n_add(p, rt::N{2}));
        if (scrut_1) {
          bool scrut_2 = rt::n_testbit(h, rt::n_add(p, rt::N{1}));
          if (scrut_2) {
            bool scrut_3 = rt::n_testbit(h, p);
            if (scrut_3) {
              return byte_map::trie<T1>::Fork(byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie_set<T1>(ps_, h, x, byte_map::trie<T1>::Empty()), byte_map::tree<T1>::Tip());
            } else {
              return byte_map::trie<T1>::Fork(byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie_set<T1>(ps_, h, x, byte_map::trie<T1>::Empty()), byte_map::trie<T1>::Empty(), byte_map::tree<T1>::Tip());
            }
          } else {
            bool scrut_4 = rt::n_testbit(h, p);
            if (scrut_4) {
              return byte_map::trie<T1>::Fork(byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie_set<T1>(ps_, h, x, byte_map::trie<T1>::Empty()), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::tree<T1>::Tip());
            } else {
              return byte_map::trie<T1>::Fork(byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie_set<T1>(ps_, h, x, byte_map::trie<T1>::Empty()), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::tree<T1>::Tip());
            }
          }
        } else {
          bool scrut_5 = rt::n_testbit(h, rt::n_add(p, rt::N{1}));
          if (scrut_5) {
            bool scrut_6 = rt::n_testbit(h, p);
            if (scrut_6) {
              return byte_map::trie<T1>::Fork(byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie_set<T1>(ps_, h, x, byte_map::trie<T1>::Empty()), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::tree<T1>::Tip());
            } else {
              return byte_map::trie<T1>::Fork(byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie_set<T1>(ps_, h, x, byte_map::trie<T1>::Empty()), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::tree<T1>::Tip());
            }
          } else {
            bool scrut_7 = rt::n_testbit(h, p);
            if (scrut_7) {
              return byte_map::trie<T1>::Fork(byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie_set<T1>(ps_, h, x, byte_map::trie<T1>::Empty()), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::tree<T1>::Tip());
            } else {
              return byte_map::trie<T1>::Fork(byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie_set<T1>(ps_, h, x, byte_map::trie<T1>::Empty()), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::tree<T1>::Tip());
            }
          }
        }
      } else {
        bool scrut_8 = rt::n_testbit(h, rt::n_add(p, rt::N{2}));
        if (scrut_8) {
          bool scrut_9 = rt::n_testbit(h, rt::n_add(p, rt::N{1}));
          if (scrut_9) {
            bool scrut_10 = rt::n_testbit(h, p);
            if (scrut_10) {
              return byte_map::trie<T1>::Fork(byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie_set<T1>(ps_, h, x, byte_map::trie<T1>::Empty()), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::tree<T1>::Tip());
            } else {
              return byte_map::trie<T1>::Fork(byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie_set<T1>(ps_, h, x, byte_map::trie<T1>::Empty()), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::tree<T1>::Tip());
            }
          } else {
            bool scrut_11 = rt::n_testbit(h, p);
            if (scrut_11) {
              return byte_map::trie<T1>::Fork(byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie_set<T1>(ps_, h, x, byte_map::trie<T1>::Empty()), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::tree<T1>::Tip());
            } else {
              return byte_map::trie<T1>::Fork(byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie_set<T1>(ps_, h, x, byte_map::trie<T1>::Empty()), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::tree<T1>::Tip());
            }
          }
        } else {
          bool scrut_12 = rt::n_testbit(h, rt::n_add(p, rt::N{1}));
          if (scrut_12) {
            bool scrut_13 = rt::n_testbit(h, p);
            if (scrut_13) {
              return byte_map::trie<T1>::Fork(byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie_set<T1>(ps_, h, x, byte_map::trie<T1>::Empty()), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::tree<T1>::Tip());
            } else {
              return byte_map::trie<T1>::Fork(byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie_set<T1>(ps_, h, x, byte_map::trie<T1>::Empty()), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::tree<T1>::Tip());
            }
          } else {
            bool scrut_14 = rt::n_testbit(h, p);
            if (scrut_14) {
              return byte_map::trie<T1>::Fork(byte_map::trie<T1>::Empty(), byte_map::trie_set<T1>(ps_, h, x, byte_map::trie<T1>::Empty()), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::tree<T1>::Tip());
            } else {
              return byte_map::trie<T1>::Fork(byte_map::trie_set<T1>(ps_, h, x, byte_map::trie<T1>::Empty()), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::trie<T1>::Empty(), byte_map::tree<T1>::Tip());
            }
          }
        }
      }
    }
    case byte_map::trie<T1>::tag_t::Fork: {
      const auto& Fork_fields_1 = t0.as_Fork();
      const byte_map::trie<T1>& c0_1 = Fork_fields_1.f0;
      const byte_map::trie<T1>& c1_1 = Fork_fields_1.f1;
      const byte_map::trie<T1>& c2_1 = Fork_fields_1.f2;
      const byte_map::trie<T1>& c3_1 = Fork_fields_1.f3;
      const byte_map::trie<T1>& c4_1 = Fork_fields_1.f4;
      const byte_map::trie<T1>& c5_1 = Fork_fields_1.f5;
      const byte_map::trie<T1>& c6_1 = Fork_fields_1.f6;
      const byte_map::trie<T1>& c7_1 = Fork_fields_1.f7;
      const byte_map::trie<T1>& c8_1 = Fork_fields_1.f8;
      const byte_map::trie<T1>& c9_1 = Fork_fields_1.f9;
      const byte_map::trie<T1>& c10_1 = Fork_fields_1.f10;
      const byte_map::trie<T1>& c11_1 = Fork_fields_1.f11;
      const byte_map::trie<T1>& c12_1 = Fork_fields_1.f12;
      const byte_map::trie<T1>& c13_1 = Fork_fields_1.f13;
      const byte_map::trie<T1>& c14_1 = Fork_fields_1.f14;
      const byte_map::trie<T1>& c15_1 = Fork_fields_1.f15;
      const byte_map::tree<T1>& here = Fork_fields_1.f16;
      bool scrut_15 = rt::n_testbit(h, rt::n_add(p, rt::N{3}));
      if (scrut_15) {
        bool scrut_16 = rt::n_testbit(h, rt::n_add(p, rt::N{2}));
        if (scrut_16) {
          bool scrut_17 = rt::n_testbit(h, rt::n_add(p, rt::N{1}));
          if (scrut_17) {
            bool scrut_18 = rt::n_testbit(h, p);
            if (scrut_18) {
              return byte_map::trie<T1>::Fork(c0_1, c1_1, c2_1, c3_1, c4_1, c5_1, c6_1, c7_1, c8_1, c9_1, c10_1, c11_1, c12_1, c13_1, c14_1, byte_map::trie_set<T1>(ps_, h, x, c15_1), here);
            } else {
              return byte_map::trie<T1>::Fork(c0_1, c1_1, c2_1, c3_1, c4_1, c5_1, c6_1, c7_1, c8_1, c9_1, c10_1, c11_1, c12_1, c13_1, byte_map::trie_set<T1>(ps_, h, x, c14_1), c15_1, here);
            }
          } else {
            bool scrut_19 = rt::n_testbit(h, p);
            if (scrut_19) {
              return byte_map::trie<T1>::Fork(c0_1, c1_1, c2_1, c3_1, c4_1, c5_1, c6_1, c7_1, c8_1, c9_1, c10_1, c11_1, c12_1, byte_map::trie_set<T1>(ps_, h, x, c13_1), c14_1, c15_1, here);
            } else {
              return byte_map::trie<T1>::Fork(c0_1, c1_1, c2_1, c3_1, c4_1, c5_1, c6_1, c7_1, c8_1, c9_1, c10_1, c11_1, byte_map::trie_set<T1>(ps_, h, x, c12_1), c13_1, c14_1, c15_1, here);
            }
          }
        } else {
          bool scrut_20 = rt::n_testbit(h, rt::n_add(p, rt::N{1}));
          if (scrut_20) {
            bool scrut_21 = rt::n_testbit(h, p);
            if (scrut_21) {
              return byte_map::trie<T1>::Fork(c0_1, c1_1, c2_1, c3_1, c4_1, c5_1, c6_1, c7_1, c8_1, c9_1, c10_1, byte_map::trie_set<T1>(ps_, h, x, c11_1), c12_1, c13_1, c14_1, c15_1, here);
            } else {
              return byte_map::trie<T1>::Fork(c0_1, c1_1, c2_1, c3_1, c4_1, c5_1, c6_1, c7_1, c8_1, c9_1, byte_map::trie_set<T1>(ps_, h, x, c10_1), c11_1, c12_1, c13_1, c14_1, c15_1, here);
            }
          } else {
            bool scrut_22 = rt::n_testbit(h, p);
            if (scrut_22) {
              return byte_map::trie<T1>::Fork(c0_1, c1_1, c2_1, c3_1, c4_1, c5_1, c6_1, c7_1, c8_1, byte_map::trie_set<T1>(ps_, h, x, c9_1), c10_1, c11_1, c12_1, c13_1, c14_1, c15_1, here);
            } else {
              return byte_map::trie<T1>::Fork(c0_1, c1_1, c2_1, c3_1, c4_1, c5_1, c6_1, c7_1, byte_map::trie_set<T1>(ps_, h, x, c8_1), c9_1, c10_1, c11_1, c12_1, c13_1, c14_1, c15_1, here);
            }
          }
        }
      } else {
        bool scrut_23 = rt::n_testbit(h, rt::n_add(p, rt::N{2}));
        if (scrut_23) {
          bool scrut_24 = rt::n_testbit(h, rt::n_add(p, rt::N{1}));
          if (scrut_24) {
            bool scrut_25 = rt::n_testbit(h, p);
            if (scrut_25) {
              return byte_map::trie<T1>::Fork(c0_1, c1_1, c2_1, c3_1, c4_1, c5_1, c6_1, byte_map::trie_set<T1>(ps_, h, x, c7_1), c8_1, c9_1, c10_1, c11_1, c12_1, c13_1, c14_1, c15_1, here);
            } else {
              return byte_map::trie<T1>::Fork(c0_1, c1_1, c2_1, c3_1, c4_1, c5_1, byte_map::trie_set<T1>(ps_, h, x, c6_1), c7_1, c8_1, c9_1, c10_1, c11_1, c12_1, c13_1, c14_1, c15_1, here);
            }
          } else {
            bool scrut_26 = rt::n_testbit(h, p);
            if (scrut_26) {
              return byte_map::trie<T1>::Fork(c0_1, c1_1, c2_1, c3_1, c4_1, byte_map::trie_set<T1>(ps_, h, x, c5_1), c6_1, c7_1, c8_1, c9_1, c10_1, c11_1, c12_1, c13_1, c14_1, c15_1, here);
            } else {
              return byte_map::trie<T1>::Fork(c0_1, c1_1, c2_1, c3_1, byte_map::trie_set<T1>(ps_, h, x, c4_1), c5_1, c6_1, c7_1, c8_1, c9_1, c10_1, c11_1, c12_1, c13_1, c14_1, c15_1, here);
            }
          }
        } else {
          bool scrut_27 = rt::n_testbit(h, rt::n_add(p, rt::N{1}));
          if (scrut_27) {
            bool scrut_28 = rt::n_testbit(h, p);
            if (scrut_28) {
              return byte_map::trie<T1>::Fork(c0_1, c1_1, c2_1, byte_map::trie_set<T1>(ps_, h, x, c3_1), c4_1, c5_1, c6_1, c7_1, c8_1, c9_1, c10_1, c11_1, c12_1, c13_1, c14_1, c15_1, here);
            } else {
              return byte_map::trie<T1>::Fork(c0_1, c1_1, byte_map::trie_set<T1>(ps_, h, x, c2_1), c3_1, c4_1, c5_1, c6_1, c7_1, c8_1, c9_1, c10_1, c11_1, c12_1, c13_1, c14_1, c15_1, here);
            }
          } else {
            bool scrut_29 = rt::n_testbit(h, p);
            if (scrut_29) {
              return byte_map::trie<T1>::Fork(c0_1, byte_map::trie_set<T1>(ps_, h, x, c1_1), c2_1, c3_1, c4_1, c5_1, c6_1, c7_1, c8_1, c9_1, c10_1, c11_1, c12_1, c13_1, c14_1, c15_1, here);
            } else {
              return byte_map::trie<T1>::Fork(byte_map::trie_set<T1>(ps_, h, x, c0_1), c1_1, c2_1, c3_1, c4_1, c5_1, c6_1, c7_1, c8_1, c9_1, c10_1, c11_1, c12_1, c13_1, c14_1, c15_1, here);
            }
          }
        }
      }
    }
    }
    rt::fatal("no case matched in Hexproof.Proofs.ByteMap.trie_set");
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.ByteMap.trie_set");
}

// Coq: Hexproof.Proofs.ByteMap.empty (Definition)
template <class T1>
byte_map::t<T1> empty() {
  return rt::prod<rt::list<rt::N>, byte_map::trie<T1>>::pair(byte_map::positions(), byte_map::trie<T1>::Empty());
}

// Coq: Hexproof.Proofs.ByteMap.find (Definition)
template <class T1>
rt::option<T1> find(const common::bytes& k, const byte_map::t<T1>& m) {
  const rt::list<rt::N>& ps = m.f0;
  const byte_map::trie<T1>& tr = m.f1;
  return byte_map::find_in<T1>(k, byte_map::trie_get<T1>(ps, byte_map::key_hash(k), tr));
}

// Coq: Hexproof.Proofs.ByteMap.add (Definition)
template <class T1>
byte_map::t<T1> add(const common::bytes& k, const T1& v, const byte_map::t<T1>& m) {
  const rt::list<rt::N>& ps = m.f0;
  const byte_map::trie<T1>& tr = m.f1;
  rt::N h = byte_map::key_hash(k);
  return rt::prod<rt::list<rt::N>, byte_map::trie<T1>>::pair(ps, byte_map::trie_set<T1>(ps, h, byte_map::descend<T1>(k, v, byte_map::trie_get<T1>(ps, h, tr), rt::list<rt::prod<byte_map::tree<T1>, bool>>::nil()), tr));
}

}  // namespace hexproof::byte_map
