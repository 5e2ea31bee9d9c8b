// first_uses.hpp: the C++ printed from the Coq module Hexproof.Proofs.FirstUses.
//
// Generated; do not edit. Made by `extracted/regen.sh OUTDIR`, which runs: hexproof_printer --module Hexproof.Spec.CommandLine --module Hexproof.Spec.Common --module Hexproof.Spec.Hex2Encode --module Hexproof.Spec.Hex2Lex --module Hexproof.Spec.Hex2Spec --module Hexproof.Spec.Hex2Strict --module Hexproof.Spec.M1Eval --module Hexproof.Spec.M1Lex --module Hexproof.Spec.M1Spec --module Hexproof.Spec.M1Strict --module Hexproof.Spec.Quirks --module Hexproof.Spec.Strtoint --module Hexproof.Proofs.ByteMap --module Hexproof.Proofs.FirstUses --module Hexproof.Proofs.Hex2Check --module Hexproof.Proofs.Hex2CheckFirst --module Hexproof.Proofs.Hex2Exec --module Hexproof.Proofs.M1Check --module Hexproof.Proofs.M1CheckFirst --module Hexproof.Proofs.M1Exec --module Hexproof.Proofs.OutBuf --fields Extract.v --out OUTDIR extraction.json
// Coq Hexproof.Proofs.FirstUses.x is C++ hexproof::first_uses::x. See extracted/SUBSET.md for the translation.
#pragma once

#include <cstdint>
#include <utility>

#include "coq_runtime.hpp"
#include "quirks.hpp"

namespace hexproof::first_uses {

struct firsts;
struct lasts;

// Coq: Hexproof.Proofs.FirstUses.firsts
struct firsts {
  rt::list<quirks::quirk_use> fi_kept{};
  rt::N fi_count{};
  static firsts mk_firsts(rt::list<quirks::quirk_use> a0, rt::N a1);
};

// Coq: Hexproof.Proofs.FirstUses.lasts
struct lasts {
  rt::list<quirks::quirk_use> la_new{};
  rt::N la_new_count{};
  rt::list<quirks::quirk_use> la_old{};
  rt::N la_count{};
  static lasts mk_lasts(rt::list<quirks::quirk_use> a0, rt::N a1, rt::list<quirks::quirk_use> a2, rt::N a3);
};

inline firsts firsts::mk_firsts(rt::list<quirks::quirk_use> a0, rt::N a1) { return firsts{std::move(a0), std::move(a1)}; }

inline lasts lasts::mk_lasts(rt::list<quirks::quirk_use> a0, rt::N a1, rt::list<quirks::quirk_use> a2, rt::N a3) { return lasts{std::move(a0), std::move(a1), std::move(a2), std::move(a3)}; }

// Coq: Hexproof.Proofs.FirstUses.firsts_empty (Definition)
inline first_uses::firsts firsts_empty() {
  return first_uses::firsts::mk_firsts(rt::list<quirks::quirk_use>::nil(), rt::N{0});
}

// Coq: Hexproof.Proofs.FirstUses.keep_first (Definition)
inline first_uses::firsts keep_first(const rt::N& k, const quirks::quirk_use& u, const first_uses::firsts& f) {
  const rt::list<quirks::quirk_use>& kept = f.fi_kept;
  const rt::N& n = f.fi_count;
  bool scrut = rt::n_ltb(n, k);
  if (scrut) {
    return first_uses::firsts::mk_firsts(rt::list<quirks::quirk_use>::cons(u, kept), rt::n_add(n, rt::N{1}));
  } else {
    return first_uses::firsts::mk_firsts(kept, rt::n_add(n, rt::N{1}));
  }
}

// Coq: Hexproof.Proofs.FirstUses.keep_firsts (Fixpoint; its self tail calls are the loop)
inline first_uses::firsts keep_firsts(rt::N k, const rt::list<quirks::quirk_use>& us_in, first_uses::firsts f) {
  const rt::list<quirks::quirk_use>* us = &us_in;
  for (;;) {
    switch ((*us).tag()) {
    case rt::list<quirks::quirk_use>::tag_t::nil: {
      return f;
    }
    case rt::list<quirks::quirk_use>::tag_t::cons: {
      const auto& cons_fields = (*us).as_cons();
      const quirks::quirk_use& u = cons_fields.f0;
      const rt::list<quirks::quirk_use>& us_ = cons_fields.f1;
      const rt::list<quirks::quirk_use>* next_us = &us_;
      first_uses::firsts next_f = first_uses::keep_first(k, u, f);
      us = std::move(next_us);
      f = std::move(next_f);
      continue;
    }
    }
    rt::impossible("no case matched in Hexproof.Proofs.FirstUses.keep_firsts");
  }
}

// Coq: Hexproof.Proofs.FirstUses.lasts_empty (Definition)
inline first_uses::lasts lasts_empty() {
  return first_uses::lasts::mk_lasts(rt::list<quirks::quirk_use>::nil(), rt::N{0}, rt::list<quirks::quirk_use>::nil(), rt::N{0});
}

// Coq: Hexproof.Proofs.FirstUses.keep_last (Definition)
inline first_uses::lasts keep_last(const rt::N& k, const quirks::quirk_use& u, const first_uses::lasts& a) {
  const rt::list<quirks::quirk_use>& nw = a.la_new;
  const rt::N& c = a.la_new_count;
  const rt::list<quirks::quirk_use>& old = a.la_old;
  const rt::N& n = a.la_count;
  bool scrut = rt::n_ltb(rt::n_add(c, rt::N{1}), k);
  if (scrut) {
    return first_uses::lasts::mk_lasts(rt::list<quirks::quirk_use>::cons(u, nw), rt::n_add(c, rt::N{1}), old, rt::n_add(n, rt::N{1}));
  } else {
    return first_uses::lasts::mk_lasts(rt::list<quirks::quirk_use>::nil(), rt::N{0}, rt::list<quirks::quirk_use>::cons(u, nw), rt::n_add(n, rt::N{1}));
  }
}

// Coq: Hexproof.Proofs.FirstUses.keep_lasts (Fixpoint; its self tail calls are the loop)
inline first_uses::lasts keep_lasts(rt::N k, const rt::list<quirks::quirk_use>& us_in, first_uses::lasts a) {
  const rt::list<quirks::quirk_use>* us = &us_in;
  for (;;) {
    switch ((*us).tag()) {
    case rt::list<quirks::quirk_use>::tag_t::nil: {
      return a;
    }
    case rt::list<quirks::quirk_use>::tag_t::cons: {
      const auto& cons_fields = (*us).as_cons();
      const quirks::quirk_use& u = cons_fields.f0;
      const rt::list<quirks::quirk_use>& us_ = cons_fields.f1;
      const rt::list<quirks::quirk_use>* next_us = &us_;
      first_uses::lasts next_a = first_uses::keep_last(k, u, a);
      us = std::move(next_us);
      a = std::move(next_a);
      continue;
    }
    }
    rt::impossible("no case matched in Hexproof.Proofs.FirstUses.keep_lasts");
  }
}

// Coq: Hexproof.Proofs.FirstUses.take_onto (Fixpoint; its self tail calls are the loop)
inline rt::list<quirks::quirk_use> take_onto(rt::N k, const rt::list<quirks::quirk_use>& l_in, rt::list<quirks::quirk_use> acc) {
  const rt::list<quirks::quirk_use>* l = &l_in;
  for (;;) {
    switch ((*l).tag()) {
    case rt::list<quirks::quirk_use>::tag_t::nil: {
      return acc;
    }
    case rt::list<quirks::quirk_use>::tag_t::cons: {
      const auto& cons_fields = (*l).as_cons();
      const quirks::quirk_use& u = cons_fields.f0;
      const rt::list<quirks::quirk_use>& l_ = cons_fields.f1;
      bool scrut = rt::n_eqb(k, rt::N{0});
      if (scrut) {
        return acc;
      } else {
        rt::N next_k = rt::n_pred(k);
        const rt::list<quirks::quirk_use>* next_l = &l_;
        rt::list<quirks::quirk_use> next_acc = rt::list<quirks::quirk_use>::cons(u, std::move(acc));
        k = std::move(next_k);
        l = std::move(next_l);
        acc = std::move(next_acc);
        continue;
      }
    }
    }
    rt::impossible("no case matched in Hexproof.Proofs.FirstUses.take_onto");
  }
}

// Coq: Hexproof.Proofs.FirstUses.take_uses (Definition)
inline rt::list<quirks::quirk_use> take_uses(const rt::N& k, const rt::list<quirks::quirk_use>& l) {
  return quirks::push_uses(first_uses::take_onto(k, l, rt::list<quirks::quirk_use>::nil()), rt::list<quirks::quirk_use>::nil());
}

// Coq: Hexproof.Proofs.FirstUses.lasts_list (Definition)
inline rt::list<quirks::quirk_use> lasts_list(const first_uses::lasts& a) {
  return quirks::push_uses(quirks::push_uses(a.la_new, rt::list<quirks::quirk_use>::nil()), a.la_old);
}

}  // namespace hexproof::first_uses
