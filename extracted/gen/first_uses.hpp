// first_uses.hpp: the C++ printed from the Coq module Hexproof.Proofs.FirstUses.
//
// Generated; do not edit. Made by `extracted/regen.sh OUTDIR`, which runs: hexproof_printer --module Hexproof.Spec.CommandLine --module Hexproof.Spec.Common --module Hexproof.Spec.Hex2Encode --module Hexproof.Spec.Hex2Lex --module Hexproof.Spec.Hex2Spec --module Hexproof.Spec.M1Eval --module Hexproof.Spec.M1Lex --module Hexproof.Spec.M1Spec --module Hexproof.Spec.Quirks --module Hexproof.Spec.Strtoint --module Hexproof.Proofs.ByteMap --module Hexproof.Proofs.FirstUses --module Hexproof.Proofs.Hex2Check --module Hexproof.Proofs.Hex2CheckFirst --module Hexproof.Proofs.Hex2Exec --module Hexproof.Proofs.M1Check --module Hexproof.Proofs.M1CheckFirst --module Hexproof.Proofs.M1Exec --module Hexproof.Proofs.OutBuf --fields Extract.v --out OUTDIR extraction.json
// Coq Hexproof.Proofs.FirstUses.x is C++ hexproof::first_uses::x. See extracted/SUBSET.md for the translation.
#pragma once

#include <cstdint>
#include <utility>

#include "coq_runtime.hpp"
#include "quirks.hpp"

namespace hexproof::first_uses {

struct earliest;

// Coq: Hexproof.Proofs.FirstUses.earliest
struct earliest {
  rt::list<quirks::quirk_use> ea_kept{};
  rt::N ea_kept_count{};
  rt::N ea_count{};
  static earliest mk_earliest(rt::list<quirks::quirk_use> a0, rt::N a1, rt::N a2);
};

inline earliest earliest::mk_earliest(rt::list<quirks::quirk_use> a0, rt::N a1, rt::N a2) { return earliest{std::move(a0), std::move(a1), std::move(a2)}; }

// Coq: Hexproof.Proofs.FirstUses.quirk_rank (Definition)
inline rt::N quirk_rank(const quirks::quirk& q) {
  switch (q) {
  case quirks::quirk::duplicate_label: {
    return rt::N{0};
  }
  case quirks::quirk::split_byte: {
    return rt::N{1};
  }
  case quirks::quirk::nibble_across_files: {
    return rt::N{2};
  }
  case quirks::quirk::misplaced_base: {
    return rt::N{3};
  }
  case quirks::quirk::absolute_with_base: {
    return rt::N{4};
  }
  case quirks::quirk::align_on_absolute: {
    return rt::N{5};
  }
  case quirks::quirk::register_across_files: {
    return rt::N{6};
  }
  case quirks::quirk::duplicate_define: {
    return rt::N{7};
  }
  case quirks::quirk::use_before_define: {
    return rt::N{8};
  }
  case quirks::quirk::off_by_one_range: {
    return rt::N{9};
  }
  case quirks::quirk::octal_immediate: {
    return rt::N{10};
  }
  case quirks::quirk::text_across_files: {
    return rt::N{11};
  }
  case quirks::quirk::cr_in_token: {
    return rt::N{12};
  }
  case quirks::quirk::comment_char_in_token: {
    return rt::N{13};
  }
  case quirks::quirk::unknown_architecture_kept: {
    return rt::N{14};
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.FirstUses.quirk_rank");
}

// Coq: Hexproof.Proofs.FirstUses.use_lt (Definition)
inline bool use_lt(const quirks::quirk_use& a, const quirks::quirk_use& b) {
  bool scrut = rt::n_ltb(a.use_file, b.use_file);
  if (scrut) {
    return true;
  } else {
    bool scrut_1 = rt::n_ltb(b.use_file, a.use_file);
    if (scrut_1) {
      return false;
    } else {
      bool scrut_2 = rt::n_ltb(a.use_offset, b.use_offset);
      if (scrut_2) {
        return true;
      } else {
        bool scrut_3 = rt::n_ltb(b.use_offset, a.use_offset);
        if (scrut_3) {
          return false;
        } else {
          bool scrut_4 = rt::n_ltb(first_uses::quirk_rank(a.use_quirk), first_uses::quirk_rank(b.use_quirk));
          if (scrut_4) {
            return true;
          } else {
            bool scrut_5 = rt::n_ltb(first_uses::quirk_rank(b.use_quirk), first_uses::quirk_rank(a.use_quirk));
            if (scrut_5) {
              return false;
            } else {
              bool scrut_6 = rt::n_ltb(a.use_other_file, b.use_other_file);
              if (scrut_6) {
                return true;
              } else {
                bool scrut_7 = rt::n_ltb(b.use_other_file, a.use_other_file);
                if (scrut_7) {
                  return false;
                } else {
                  bool scrut_8 = rt::n_ltb(a.use_other_offset, b.use_other_offset);
                  if (scrut_8) {
                    return true;
                  } else {
                    bool scrut_9 = rt::n_ltb(b.use_other_offset, a.use_other_offset);
                    if (scrut_9) {
                      return false;
                    } else {
                      bool scrut_10 = rt::z_ltb(a.use_value, b.use_value);
                      if (scrut_10) {
                        return true;
                      } else {
                        bool scrut_11 = rt::z_ltb(b.use_value, a.use_value);
                        if (scrut_11) {
                          return false;
                        } else {
                          rt::comparison scrut_12 = rt::cmp_bytes(a.use_subject, b.use_subject);
                          switch (scrut_12) {
                          case rt::comparison::Eq: {
                            return false;
                          }
                          case rt::comparison::Lt: {
                            return true;
                          }
                          case rt::comparison::Gt: {
                            return false;
                          }
                          }
                          rt::fatal("no case matched in Hexproof.Proofs.FirstUses.use_lt");
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}

// Coq: Hexproof.Proofs.FirstUses.insert_desc_onto (Fixpoint; its self tail calls are the loop)
inline rt::list<quirks::quirk_use> insert_desc_onto(const quirks::quirk_use& u, const rt::list<quirks::quirk_use>& d_in, rt::list<quirks::quirk_use> acc) {
  const rt::list<quirks::quirk_use>* d = &d_in;
  for (;;) {
    switch ((*d).tag()) {
    case rt::list<quirks::quirk_use>::tag_t::nil: {
      return quirks::push_uses(acc, rt::list<quirks::quirk_use>::cons(u, rt::list<quirks::quirk_use>::nil()));
    }
    case rt::list<quirks::quirk_use>::tag_t::cons: {
      const auto& cons_fields = (*d).as_cons();
      const quirks::quirk_use& x = cons_fields.f0;
      const rt::list<quirks::quirk_use>& d_ = cons_fields.f1;
      bool scrut = first_uses::use_lt(u, x);
      if (scrut) {
        const rt::list<quirks::quirk_use>* next_d = &d_;
        rt::list<quirks::quirk_use> next_acc = rt::list<quirks::quirk_use>::cons(x, std::move(acc));
        d = std::move(next_d);
        acc = std::move(next_acc);
        continue;
      } else {
        return quirks::push_uses(acc, rt::list<quirks::quirk_use>::cons(u, (*d)));
      }
    }
    }
    rt::fatal("no case matched in Hexproof.Proofs.FirstUses.insert_desc_onto");
  }
}

// Coq: Hexproof.Proofs.FirstUses.earliest_empty (Definition)
inline first_uses::earliest earliest_empty() {
  return first_uses::earliest::mk_earliest(rt::list<quirks::quirk_use>::nil(), rt::N{0}, rt::N{0});
}

// Coq: Hexproof.Proofs.FirstUses.add_use (Definition)
inline first_uses::earliest add_use(const rt::N& k, const quirks::quirk_use& u, const first_uses::earliest& e) {
  const rt::list<quirks::quirk_use>& kept = e.ea_kept;
  const rt::N& c = e.ea_kept_count;
  const rt::N& n = e.ea_count;
  bool scrut = rt::n_ltb(c, k);
  if (scrut) {
    return first_uses::earliest::mk_earliest(first_uses::insert_desc_onto(u, kept, rt::list<quirks::quirk_use>::nil()), rt::n_add(c, rt::N{1}), rt::n_add(n, rt::N{1}));
  } else {
    switch (kept.tag()) {
    case rt::list<quirks::quirk_use>::tag_t::nil: {
      return first_uses::earliest::mk_earliest(kept, c, rt::n_add(n, rt::N{1}));
    }
    case rt::list<quirks::quirk_use>::tag_t::cons: {
      const auto& cons_fields = kept.as_cons();
      const quirks::quirk_use& x = cons_fields.f0;
      const rt::list<quirks::quirk_use>& kept_ = cons_fields.f1;
      bool scrut_1 = first_uses::use_lt(u, x);
      if (scrut_1) {
        return first_uses::earliest::mk_earliest(first_uses::insert_desc_onto(u, kept_, rt::list<quirks::quirk_use>::nil()), c, rt::n_add(n, rt::N{1}));
      } else {
        return first_uses::earliest::mk_earliest(kept, c, rt::n_add(n, rt::N{1}));
      }
    }
    }
    rt::fatal("no case matched in Hexproof.Proofs.FirstUses.add_use");
  }
}

// Coq: Hexproof.Proofs.FirstUses.add_uses (Fixpoint; its self tail calls are the loop)
inline first_uses::earliest add_uses(rt::N k, const rt::list<quirks::quirk_use>& us_in, first_uses::earliest e) {
  const rt::list<quirks::quirk_use>* us = &us_in;
  for (;;) {
    switch ((*us).tag()) {
    case rt::list<quirks::quirk_use>::tag_t::nil: {
      return e;
    }
    case rt::list<quirks::quirk_use>::tag_t::cons: {
      const auto& cons_fields = (*us).as_cons();
      const quirks::quirk_use& u = cons_fields.f0;
      const rt::list<quirks::quirk_use>& us_ = cons_fields.f1;
      const rt::list<quirks::quirk_use>* next_us = &us_;
      first_uses::earliest next_e = first_uses::add_use(k, u, e);
      us = std::move(next_us);
      e = std::move(next_e);
      continue;
    }
    }
    rt::fatal("no case matched in Hexproof.Proofs.FirstUses.add_uses");
  }
}

// Coq: Hexproof.Proofs.FirstUses.move_after (Fixpoint; its self tail calls are the loop)
inline rt::prod<rt::list<quirks::quirk_use>, rt::list<quirks::quirk_use>> move_after(const quirks::quirk_use& x, const rt::list<quirks::quirk_use>& d_in, rt::list<quirks::quirk_use> acc) {
  const rt::list<quirks::quirk_use>* d = &d_in;
  for (;;) {
    switch ((*d).tag()) {
    case rt::list<quirks::quirk_use>::tag_t::nil: {
      return rt::prod<rt::list<quirks::quirk_use>, rt::list<quirks::quirk_use>>::pair((*d), std::move(acc));
    }
    case rt::list<quirks::quirk_use>::tag_t::cons: {
      const auto& cons_fields = (*d).as_cons();
      const quirks::quirk_use& y = cons_fields.f0;
      const rt::list<quirks::quirk_use>& d_ = cons_fields.f1;
      bool scrut = first_uses::use_lt(x, y);
      if (scrut) {
        const rt::list<quirks::quirk_use>* next_d = &d_;
        rt::list<quirks::quirk_use> next_acc = rt::list<quirks::quirk_use>::cons(y, std::move(acc));
        d = std::move(next_d);
        acc = std::move(next_acc);
        continue;
      } else {
        return rt::prod<rt::list<quirks::quirk_use>, rt::list<quirks::quirk_use>>::pair((*d), std::move(acc));
      }
    }
    }
    rt::fatal("no case matched in Hexproof.Proofs.FirstUses.move_after");
  }
}

// Coq: Hexproof.Proofs.FirstUses.merge_onto (Fixpoint; its self tail calls are the loop)
inline rt::list<quirks::quirk_use> merge_onto(const rt::list<quirks::quirk_use>& d2_in, rt::list<quirks::quirk_use> d1, rt::list<quirks::quirk_use> acc) {
  const rt::list<quirks::quirk_use>* d2 = &d2_in;
  for (;;) {
    switch ((*d2).tag()) {
    case rt::list<quirks::quirk_use>::tag_t::nil: {
      return quirks::push_uses(d1, std::move(acc));
    }
    case rt::list<quirks::quirk_use>::tag_t::cons: {
      const auto& cons_fields = (*d2).as_cons();
      const quirks::quirk_use& x = cons_fields.f0;
      const rt::list<quirks::quirk_use>& d2_ = cons_fields.f1;
      rt::prod<rt::list<quirks::quirk_use>, rt::list<quirks::quirk_use>> scrut = first_uses::move_after(x, d1, acc);
      rt::list<quirks::quirk_use>& d1_ = scrut.f0;
      rt::list<quirks::quirk_use>& acc_ = scrut.f1;
      const rt::list<quirks::quirk_use>* next_d2 = &d2_;
      rt::list<quirks::quirk_use> next_d1 = std::move(d1_);
      rt::list<quirks::quirk_use> next_acc = rt::list<quirks::quirk_use>::cons(x, std::move(acc_));
      d2 = std::move(next_d2);
      d1 = std::move(next_d1);
      acc = std::move(next_acc);
      continue;
    }
    }
    rt::fatal("no case matched in Hexproof.Proofs.FirstUses.merge_onto");
  }
}

// Coq: Hexproof.Proofs.FirstUses.take_onto (Fixpoint; its self tail calls are the loop)
inline rt::prod<rt::list<quirks::quirk_use>, rt::N> take_onto(rt::N n, const rt::list<quirks::quirk_use>& l_in, rt::list<quirks::quirk_use> acc, rt::N c) {
  const rt::list<quirks::quirk_use>* l = &l_in;
  for (;;) {
    bool scrut = rt::n_eqb(n, rt::N{0});
    if (scrut) {
      return rt::prod<rt::list<quirks::quirk_use>, rt::N>::pair(std::move(acc), c);
    } else {
      switch ((*l).tag()) {
      case rt::list<quirks::quirk_use>::tag_t::nil: {
        return rt::prod<rt::list<quirks::quirk_use>, rt::N>::pair(std::move(acc), c);
      }
      case rt::list<quirks::quirk_use>::tag_t::cons: {
        const auto& cons_fields = (*l).as_cons();
        const quirks::quirk_use& u = cons_fields.f0;
        const rt::list<quirks::quirk_use>& l_ = cons_fields.f1;
        rt::N next_n = rt::n_sub(n, rt::N{1});
        const rt::list<quirks::quirk_use>* next_l = &l_;
        rt::list<quirks::quirk_use> next_acc = rt::list<quirks::quirk_use>::cons(u, std::move(acc));
        rt::N next_c = rt::n_add(c, rt::N{1});
        n = std::move(next_n);
        l = std::move(next_l);
        acc = std::move(next_acc);
        c = std::move(next_c);
        continue;
      }
      }
      rt::fatal("no case matched in Hexproof.Proofs.FirstUses.take_onto");
    }
  }
}

// Coq: Hexproof.Proofs.FirstUses.merge_earliest (Definition)
inline first_uses::earliest merge_earliest(const rt::N& k, const first_uses::earliest& e2, const first_uses::earliest& e1) {
  rt::list<quirks::quirk_use> scrut = e2.ea_kept;
  switch (scrut.tag()) {
  case rt::list<quirks::quirk_use>::tag_t::nil: {
    return first_uses::earliest::mk_earliest(e1.ea_kept, e1.ea_kept_count, rt::n_add(e1.ea_count, e2.ea_count));
  }
  case rt::list<quirks::quirk_use>::tag_t::cons: {
    rt::prod<rt::list<quirks::quirk_use>, rt::N> scrut_1 = first_uses::take_onto(k, first_uses::merge_onto(e2.ea_kept, e1.ea_kept, rt::list<quirks::quirk_use>::nil()), rt::list<quirks::quirk_use>::nil(), rt::N{0});
    rt::list<quirks::quirk_use>& kept = scrut_1.f0;
    rt::N& c = scrut_1.f1;
    return first_uses::earliest::mk_earliest(std::move(kept), c, rt::n_add(e1.ea_count, e2.ea_count));
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.FirstUses.merge_earliest");
}

// Coq: Hexproof.Proofs.FirstUses.earliest_result (Definition)
inline rt::prod<rt::list<quirks::quirk_use>, rt::N> earliest_result(const first_uses::earliest& e) {
  return rt::prod<rt::list<quirks::quirk_use>, rt::N>::pair(quirks::push_uses(e.ea_kept, rt::list<quirks::quirk_use>::nil()), e.ea_count);
}

}  // namespace hexproof::first_uses
