// byte_map.hpp: the C++ printed from the Coq module Hexproof.Proofs.ByteMap.
//
// Generated; do not edit. Made by `extracted/regen.sh OUTDIR`, which runs: hexproof_printer --module Hexproof.Spec.Common --module Hexproof.Spec.Hex2Encode --module Hexproof.Spec.Hex2Lex --module Hexproof.Spec.Hex2Spec --module Hexproof.Spec.M1Eval --module Hexproof.Spec.M1Lex --module Hexproof.Spec.M1Spec --module Hexproof.Spec.Strtoint --module Hexproof.Proofs.ByteMap --module Hexproof.Proofs.Hex2Exec --module Hexproof.Proofs.M1Exec --module Hexproof.Proofs.OutBuf --out OUTDIR extraction.json
// Coq Hexproof.Proofs.ByteMap.x is C++ hexproof::byte_map::x. See extracted/SUBSET.md for the translation.
#pragma once

#include <cstdint>
#include <utility>

#include "coq_runtime.hpp"
#include "common.hpp"

namespace hexproof::byte_map {

template <class A>
struct trie;

// Coq: Hexproof.Proofs.ByteMap.trie
template <class A>
struct trie {
  enum class tag_t : std::uint8_t { Leaf, Node };
  struct Node_t;
  static trie<A> Leaf();
  static trie<A> Node(byte_map::trie<A> a0, rt::list<rt::prod<common::bytes, A>> a1, byte_map::trie<A> a2);
  tag_t tag() const { return tag_; }
  const Node_t& as_Node() const;
  tag_t tag_ = tag_t::Leaf;
  rt::box box_;
};

// Coq: Hexproof.Proofs.ByteMap.t
template <class A>
using t = rt::prod<rt::list<rt::N>, byte_map::trie<A>>;

template <class A>
struct trie<A>::Node_t {
  byte_map::trie<A> f0;
  rt::list<rt::prod<common::bytes, A>> f1;
  byte_map::trie<A> f2;
};
template <class A>
trie<A> trie<A>::Leaf() { return trie<A>{tag_t::Leaf, rt::box()}; }
template <class A>
trie<A> trie<A>::Node(byte_map::trie<A> a0, rt::list<rt::prod<common::bytes, A>> a1, byte_map::trie<A> a2) { return trie<A>{tag_t::Node, rt::box::make<Node_t>(Node_t{std::move(a0), std::move(a1), std::move(a2)})}; }
template <class A>
auto trie<A>::as_Node() const -> const Node_t& { return box_.get<Node_t>(); }

// Coq: Hexproof.Proofs.ByteMap.bytes_eqb (Fixpoint; its self tail calls are the loop)
inline bool bytes_eqb(common::bytes a, common::bytes b) {
  for (;;) {
    switch (a.tag()) {
    case common::bytes::tag_t::nil: {
      switch (b.tag()) {
      case common::bytes::tag_t::nil: {
        return true;
      }
      case common::bytes::tag_t::cons: {
        return false;
      }
      }
      rt::impossible("no case matched in Hexproof.Proofs.ByteMap.bytes_eqb");
    }
    case common::bytes::tag_t::cons: {
      const auto& cons_fields = a.as_cons();
      const common::byte& x = cons_fields.f0;
      const rt::list<common::byte>& a_ = cons_fields.f1;
      switch (b.tag()) {
      case common::bytes::tag_t::nil: {
        return false;
      }
      case common::bytes::tag_t::cons: {
        const auto& cons_fields_1 = b.as_cons();
        const common::byte& y = cons_fields_1.f0;
        const rt::list<common::byte>& b_ = cons_fields_1.f1;
        bool scrut = rt::n_eqb(x, y);
        if (scrut) {
          common::bytes next_a = a_;
          common::bytes next_b = b_;
          a = std::move(next_a);
          b = std::move(next_b);
          continue;
        } else {
          return false;
        }
      }
      }
      rt::impossible("no case matched in Hexproof.Proofs.ByteMap.bytes_eqb");
    }
    }
    rt::impossible("no case matched in Hexproof.Proofs.ByteMap.bytes_eqb");
  }
}

// Coq: Hexproof.Proofs.ByteMap.hash_from (Fixpoint; its self tail calls are the loop)
inline rt::N hash_from(rt::N h, common::bytes k) {
  for (;;) {
    switch (k.tag()) {
    case common::bytes::tag_t::nil: {
      return h;
    }
    case common::bytes::tag_t::cons: {
      const auto& cons_fields = k.as_cons();
      const common::byte& b = cons_fields.f0;
      const rt::list<common::byte>& k_ = cons_fields.f1;
      rt::N next_h = rt::n_land(rt::n_add(rt::n_mul(h, rt::N{31}), b), rt::N{1048575});
      common::bytes next_k = k_;
      h = std::move(next_h);
      k = std::move(next_k);
      continue;
    }
    }
    rt::impossible("no case matched in Hexproof.Proofs.ByteMap.hash_from");
  }
}

// Coq: Hexproof.Proofs.ByteMap.key_hash (Definition)
inline rt::N key_hash(const common::bytes& k) {
  return byte_map::hash_from(rt::N{5381}, k);
}

// Coq: Hexproof.Proofs.ByteMap.positions (Definition)
inline rt::list<rt::N> positions() {
  return rt::list<rt::N>::cons(rt::N{0}, rt::list<rt::N>::cons(rt::N{1}, rt::list<rt::N>::cons(rt::N{2}, rt::list<rt::N>::cons(rt::N{3}, rt::list<rt::N>::cons(rt::N{4}, rt::list<rt::N>::cons(rt::N{5}, rt::list<rt::N>::cons(rt::N{6}, rt::list<rt::N>::cons(rt::N{7}, rt::list<rt::N>::cons(rt::N{8}, rt::list<rt::N>::cons(rt::N{9}, rt::list<rt::N>::cons(rt::N{10}, rt::list<rt::N>::cons(rt::N{11}, rt::list<rt::N>::cons(rt::N{12}, rt::list<rt::N>::cons(rt::N{13}, rt::list<rt::N>::cons(rt::N{14}, rt::list<rt::N>::cons(rt::N{15}, rt::list<rt::N>::cons(rt::N{16}, rt::list<rt::N>::cons(rt::N{17}, rt::list<rt::N>::cons(rt::N{18}, rt::list<rt::N>::cons(rt::N{19}, rt::list<rt::N>::nil()))))))))))))))))))));
}

// Coq: Hexproof.Proofs.ByteMap.trie_get (Fixpoint; its self tail calls are the loop)
template <class T1>
rt::list<rt::prod<common::bytes, T1>> trie_get(rt::list<rt::N> ps, rt::N h, byte_map::trie<T1> t0) {
  for (;;) {
    switch (t0.tag()) {
    case byte_map::trie<T1>::tag_t::Leaf: {
      return rt::list<rt::prod<common::bytes, T1>>::nil();
    }
    case byte_map::trie<T1>::tag_t::Node: {
      const auto& Node_fields = t0.as_Node();
      const byte_map::trie<T1>& l = Node_fields.f0;
      const rt::list<rt::prod<common::bytes, T1>>& here = Node_fields.f1;
      const byte_map::trie<T1>& r = Node_fields.f2;
      switch (ps.tag()) {
      case rt::list<rt::N>::tag_t::nil: {
        return here;
      }
      case rt::list<rt::N>::tag_t::cons: {
        const auto& cons_fields = ps.as_cons();
        const rt::N& p = cons_fields.f0;
        const rt::list<rt::N>& ps_ = cons_fields.f1;
        bool scrut = rt::n_testbit(h, p);
        if (scrut) {
          rt::list<rt::N> next_ps = ps_;
          byte_map::trie<T1> next_t0 = r;
          ps = std::move(next_ps);
          t0 = std::move(next_t0);
          continue;
        } else {
          rt::list<rt::N> next_ps_1 = ps_;
          byte_map::trie<T1> next_t0_1 = l;
          ps = std::move(next_ps_1);
          t0 = std::move(next_t0_1);
          continue;
        }
      }
      }
      rt::impossible("no case matched in Hexproof.Proofs.ByteMap.trie_get");
    }
    }
    rt::impossible("no case matched in Hexproof.Proofs.ByteMap.trie_get");
  }
}

// Coq: Hexproof.Proofs.ByteMap.trie_set (Fixpoint; recursive)
template <class T1>
byte_map::trie<T1> trie_set(const rt::list<rt::N>& ps, const rt::N& h, const rt::list<rt::prod<common::bytes, T1>>& x, const byte_map::trie<T1>& t0) {
  switch (ps.tag()) {
  case rt::list<rt::N>::tag_t::nil: {
    switch (t0.tag()) {
    case byte_map::trie<T1>::tag_t::Leaf: {
      return byte_map::trie<T1>::Node(byte_map::trie<T1>::Leaf(), x, byte_map::trie<T1>::Leaf());
    }
    case byte_map::trie<T1>::tag_t::Node: {
      const auto& Node_fields = t0.as_Node();
      const byte_map::trie<T1>& l = Node_fields.f0;
      const byte_map::trie<T1>& r = Node_fields.f2;
      return byte_map::trie<T1>::Node(l, x, r);
    }
    }
    rt::impossible("no case matched in Hexproof.Proofs.ByteMap.trie_set");
  }
  case rt::list<rt::N>::tag_t::cons: {
    const auto& cons_fields = ps.as_cons();
    const rt::N& p = cons_fields.f0;
    const rt::list<rt::N>& ps_ = cons_fields.f1;
    bool scrut = rt::n_testbit(h, p);
    if (scrut) {
      switch (t0.tag()) {
      case byte_map::trie<T1>::tag_t::Leaf: {
        return byte_map::trie<T1>::Node(byte_map::trie<T1>::Leaf(), rt::list<rt::prod<common::bytes, T1>>::nil(), byte_map::trie_set<T1>(ps_, h, x, byte_map::trie<T1>::Leaf()));
      }
      case byte_map::trie<T1>::tag_t::Node: {
        const auto& Node_fields_1 = t0.as_Node();
        const byte_map::trie<T1>& l_1 = Node_fields_1.f0;
        const rt::list<rt::prod<common::bytes, T1>>& here = Node_fields_1.f1;
        const byte_map::trie<T1>& r_1 = Node_fields_1.f2;
        return byte_map::trie<T1>::Node(l_1, here, byte_map::trie_set<T1>(ps_, h, x, r_1));
      }
      }
      rt::impossible("no case matched in Hexproof.Proofs.ByteMap.trie_set");
    } else {
      switch (t0.tag()) {
      case byte_map::trie<T1>::tag_t::Leaf: {
        return byte_map::trie<T1>::Node(byte_map::trie_set<T1>(ps_, h, x, byte_map::trie<T1>::Leaf()), rt::list<rt::prod<common::bytes, T1>>::nil(), byte_map::trie<T1>::Leaf());
      }
      case byte_map::trie<T1>::tag_t::Node: {
        const auto& Node_fields_2 = t0.as_Node();
        const byte_map::trie<T1>& l_2 = Node_fields_2.f0;
        const rt::list<rt::prod<common::bytes, T1>>& here_1 = Node_fields_2.f1;
        const byte_map::trie<T1>& r_2 = Node_fields_2.f2;
        return byte_map::trie<T1>::Node(byte_map::trie_set<T1>(ps_, h, x, l_2), here_1, r_2);
      }
      }
      rt::impossible("no case matched in Hexproof.Proofs.ByteMap.trie_set");
    }
  }
  }
  rt::impossible("no case matched in Hexproof.Proofs.ByteMap.trie_set");
}

// Coq: Hexproof.Proofs.ByteMap.bucket_find (Fixpoint; its self tail calls are the loop)
template <class T1>
rt::option<T1> bucket_find(common::bytes k, rt::list<rt::prod<common::bytes, T1>> b) {
  for (;;) {
    switch (b.tag()) {
    case rt::list<rt::prod<common::bytes, T1>>::tag_t::nil: {
      return rt::option<T1>::None();
    }
    case rt::list<rt::prod<common::bytes, T1>>::tag_t::cons: {
      const auto& cons_fields = b.as_cons();
      const rt::prod<common::bytes, T1>& p = cons_fields.f0;
      const rt::list<rt::prod<common::bytes, T1>>& b_ = cons_fields.f1;
      const common::bytes& k_ = p.f0;
      const T1& v = p.f1;
      bool scrut = byte_map::bytes_eqb(k, k_);
      if (scrut) {
        return rt::option<T1>::Some(v);
      } else {
        rt::list<rt::prod<common::bytes, T1>> next_b = b_;
        b = std::move(next_b);
        continue;
      }
    }
    }
    rt::impossible("no case matched in Hexproof.Proofs.ByteMap.bucket_find");
  }
}

// Coq: Hexproof.Proofs.ByteMap.empty (Definition)
template <class T1>
byte_map::t<T1> empty() {
  return rt::prod<rt::list<rt::N>, byte_map::trie<T1>>::pair(byte_map::positions(), byte_map::trie<T1>::Leaf());
}

// Coq: Hexproof.Proofs.ByteMap.find (Definition)
template <class T1>
rt::option<T1> find(const common::bytes& k, const byte_map::t<T1>& m) {
  const rt::list<rt::N>& ps = m.f0;
  const byte_map::trie<T1>& tr = m.f1;
  return byte_map::bucket_find<T1>(k, byte_map::trie_get<T1>(ps, byte_map::key_hash(k), tr));
}

// Coq: Hexproof.Proofs.ByteMap.add (Definition)
template <class T1>
byte_map::t<T1> add(const common::bytes& k, const T1& v, const byte_map::t<T1>& m) {
  const rt::list<rt::N>& ps = m.f0;
  const byte_map::trie<T1>& tr = m.f1;
  rt::N h = byte_map::key_hash(k);
  return rt::prod<rt::list<rt::N>, byte_map::trie<T1>>::pair(ps, byte_map::trie_set<T1>(ps, h, rt::list<rt::prod<common::bytes, T1>>::cons(rt::prod<common::bytes, T1>::pair(k, v), byte_map::trie_get<T1>(ps, h, tr)), tr));
}

}  // namespace hexproof::byte_map
