// out_buf.hpp: the C++ printed from the Coq module Hexproof.Proofs.OutBuf.
//
// Generated; do not edit. Made by `extracted/regen.sh OUTDIR`, which runs: hexproof_printer --module Hexproof.Spec.CommandLine --module Hexproof.Spec.Common --module Hexproof.Spec.Hex2Encode --module Hexproof.Spec.Hex2Lex --module Hexproof.Spec.Hex2Spec --module Hexproof.Spec.Hex2Strict --module Hexproof.Spec.M1Eval --module Hexproof.Spec.M1Lex --module Hexproof.Spec.M1Spec --module Hexproof.Spec.M1Strict --module Hexproof.Spec.Quirks --module Hexproof.Spec.Strtoint --module Hexproof.Proofs.ByteMap --module Hexproof.Proofs.FirstUses --module Hexproof.Proofs.Hex2Check --module Hexproof.Proofs.Hex2CheckFirst --module Hexproof.Proofs.Hex2Exec --module Hexproof.Proofs.M1Check --module Hexproof.Proofs.M1CheckFirst --module Hexproof.Proofs.M1Exec --module Hexproof.Proofs.OutBuf --fields Extract.v --out OUTDIR extraction.json
// Coq Hexproof.Proofs.OutBuf.x is C++ hexproof::out_buf::x. See extracted/SUBSET.md for the translation.
#pragma once

#include <cstdint>
#include <utility>

#include "coq_runtime.hpp"

namespace hexproof::out_buf {

// Coq: Hexproof.Proofs.OutBuf.rev_onto (Fixpoint; its self tail calls are the loop)
inline rt::list<rt::N> rev_onto(rt::list<rt::N> l, rt::list<rt::N> acc) {
  for (;;) {
    switch (l.tag()) {
    case rt::list<rt::N>::tag_t::nil: {
      return acc;
    }
    case rt::list<rt::N>::tag_t::cons: {
      auto cons_fields = l.as_cons();
      rt::N& x = cons_fields.f0;
      rt::list<rt::N>& l_ = cons_fields.f1;
      rt::list<rt::N> next_l = std::move(l_);
      rt::list<rt::N> next_acc = rt::list<rt::N>::cons(x, std::move(acc));
      l = std::move(next_l);
      acc = std::move(next_acc);
      continue;
    }
    }
    rt::impossible("no case matched in Hexproof.Proofs.OutBuf.rev_onto");
  }
}

}  // namespace hexproof::out_buf
