// m1_spec.hpp: the C++ printed from the Coq module Hexproof.Spec.M1Spec.
//
// Generated; do not edit. Made by `extracted/regen.sh OUTDIR`, which runs: hexproof_printer --module Hexproof.Spec.CommandLine --module Hexproof.Spec.Common --module Hexproof.Spec.Hex2Encode --module Hexproof.Spec.Hex2Lex --module Hexproof.Spec.Hex2Spec --module Hexproof.Spec.M1Eval --module Hexproof.Spec.M1Lex --module Hexproof.Spec.M1Spec --module Hexproof.Spec.Quirks --module Hexproof.Spec.Strtoint --module Hexproof.Proofs.ByteMap --module Hexproof.Proofs.FirstUses --module Hexproof.Proofs.Hex2Check --module Hexproof.Proofs.Hex2CheckFirst --module Hexproof.Proofs.Hex2Exec --module Hexproof.Proofs.M1Check --module Hexproof.Proofs.M1CheckFirst --module Hexproof.Proofs.M1Exec --module Hexproof.Proofs.OutBuf --fields Extract.v --out OUTDIR extraction.json
// Coq Hexproof.Spec.M1Spec.x is C++ hexproof::m1_spec::x. See extracted/SUBSET.md for the translation.
#pragma once

#include <cstdint>
#include <utility>

#include "coq_runtime.hpp"
#include "common.hpp"
#include "m1_lex.hpp"

namespace hexproof::m1_spec {

// Coq: Hexproof.Spec.M1Spec.text_eqb (Fixpoint; its self tail calls are the loop)
inline bool text_eqb(common::bytes a, common::bytes b) {
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
      rt::fatal("no case matched in Hexproof.Spec.M1Spec.text_eqb");
    }
    case common::bytes::tag_t::cons: {
      auto cons_fields = a.as_cons();
      common::byte& x = cons_fields.f0;
      rt::list<common::byte>& a_ = cons_fields.f1;
      switch (b.tag()) {
      case common::bytes::tag_t::nil: {
        return false;
      }
      case common::bytes::tag_t::cons: {
        auto cons_fields_1 = b.as_cons();
        common::byte& y = cons_fields_1.f0;
        rt::list<common::byte>& b_ = cons_fields_1.f1;
        bool scrut = rt::n_eqb(x, y);
        if (scrut) {
          common::bytes next_a = std::move(a_);
          common::bytes next_b = std::move(b_);
          a = std::move(next_a);
          b = std::move(next_b);
          continue;
        } else {
          return false;
        }
      }
      }
      rt::fatal("no case matched in Hexproof.Spec.M1Spec.text_eqb");
    }
    }
    rt::fatal("no case matched in Hexproof.Spec.M1Spec.text_eqb");
  }
}

// Coq: Hexproof.Spec.M1Spec.place (Definition)
inline rt::prod<rt::N, rt::N> place(const m1_lex::token& t) {
  switch (t.tag()) {
  case m1_lex::token::tag_t::Newline: {
    return rt::prod<rt::N, rt::N>::pair(rt::N{0}, rt::N{0});
  }
  case m1_lex::token::tag_t::Word: {
    const auto& Word_fields = t.as_Word();
    const rt::N& f = Word_fields.f1;
    const rt::N& o = Word_fields.f2;
    return rt::prod<rt::N, rt::N>::pair(f, o);
  }
  }
  rt::fatal("no case matched in Hexproof.Spec.M1Spec.place");
}

// Coq: Hexproof.Spec.M1Spec.place_le (Definition)
inline bool place_le(const rt::prod<rt::N, rt::N>& a, const rt::prod<rt::N, rt::N>& b) {
  const rt::N& f1 = a.f0;
  const rt::N& o1 = a.f1;
  const rt::N& f2 = b.f0;
  const rt::N& o2 = b.f1;
  return rt::orb(rt::n_ltb(f1, f2), rt::andb(rt::n_eqb(f1, f2), rt::n_leb(o1, o2)));
}

// Coq: Hexproof.Spec.M1Spec.empty_input_error (Definition)
inline common::error empty_input_error() {
  return common::error::mk_error(common::error_kind::empty_input, rt::N{0}, rt::N{0}, rt::Z{0}, rt::list<common::byte>::nil());
}

}  // namespace hexproof::m1_spec
