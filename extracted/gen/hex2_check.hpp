// hex2_check.hpp: the C++ printed from the Coq module Hexproof.Proofs.Hex2Check.
//
// Generated; do not edit. Made by `extracted/regen.sh OUTDIR`, which runs: hexproof_printer --module Hexproof.Spec.CommandLine --module Hexproof.Spec.Common --module Hexproof.Spec.Hex2Encode --module Hexproof.Spec.Hex2Lex --module Hexproof.Spec.Hex2Spec --module Hexproof.Spec.M1Eval --module Hexproof.Spec.M1Lex --module Hexproof.Spec.M1Spec --module Hexproof.Spec.Quirks --module Hexproof.Spec.Strtoint --module Hexproof.Proofs.ByteMap --module Hexproof.Proofs.FirstUses --module Hexproof.Proofs.Hex2Check --module Hexproof.Proofs.Hex2CheckFirst --module Hexproof.Proofs.Hex2Exec --module Hexproof.Proofs.M1Check --module Hexproof.Proofs.M1CheckFirst --module Hexproof.Proofs.M1Exec --module Hexproof.Proofs.OutBuf --fields Extract.v --out OUTDIR extraction.json
// Coq Hexproof.Proofs.Hex2Check.x is C++ hexproof::hex2_check::x. See extracted/SUBSET.md for the translation.
#pragma once

#include <cstdint>
#include <utility>

#include "coq_runtime.hpp"
#include "byte_map.hpp"
#include "common.hpp"
#include "hex2_lex.hpp"
#include "hex2_spec.hpp"
#include "quirks.hpp"

namespace hexproof::hex2_check {

struct hcheck;

// Coq: Hexproof.Proofs.Hex2Check.hcheck
struct hcheck {
  byte_map::t<rt::prod<rt::N, rt::N>> hc_labels{};
  bool hc_align{};
  rt::list<rt::prod<rt::N, common::bytes>> hc_w0{};
  rt::list<rt::prod<rt::N, common::bytes>> hc_w1{};
  rt::list<rt::prod<rt::N, common::bytes>> hc_w2{};
  rt::list<rt::prod<rt::N, common::bytes>> hc_w3{};
  rt::list<quirks::quirk_use> hc_uses{};
  static hcheck mk_hcheck(byte_map::t<rt::prod<rt::N, rt::N>> a0, bool a1, rt::list<rt::prod<rt::N, common::bytes>> a2, rt::list<rt::prod<rt::N, common::bytes>> a3, rt::list<rt::prod<rt::N, common::bytes>> a4, rt::list<rt::prod<rt::N, common::bytes>> a5, rt::list<quirks::quirk_use> a6);
};

inline hcheck hcheck::mk_hcheck(byte_map::t<rt::prod<rt::N, rt::N>> a0, bool a1, rt::list<rt::prod<rt::N, common::bytes>> a2, rt::list<rt::prod<rt::N, common::bytes>> a3, rt::list<rt::prod<rt::N, common::bytes>> a4, rt::list<rt::prod<rt::N, common::bytes>> a5, rt::list<quirks::quirk_use> a6) { return hcheck{std::move(a0), std::move(a1), std::move(a2), std::move(a3), std::move(a4), std::move(a5), std::move(a6)}; }

// Coq: Hexproof.Proofs.Hex2Check.hc_init (Definition)
inline hex2_check::hcheck hc_init() {
  return hex2_check::hcheck::mk_hcheck(byte_map::empty<rt::prod<rt::N, rt::N>>(), false, rt::list<rt::prod<rt::N, common::bytes>>::nil(), rt::list<rt::prod<rt::N, common::bytes>>::nil(), rt::list<rt::prod<rt::N, common::bytes>>::nil(), rt::list<rt::prod<rt::N, common::bytes>>::nil(), rt::list<quirks::quirk_use>::nil());
}

// Coq: Hexproof.Proofs.Hex2Check.with_use (Definition)
inline hex2_check::hcheck with_use(const hex2_check::hcheck& h, const quirks::quirk_use& u) {
  const byte_map::t<rt::prod<rt::N, rt::N>>& m = h.hc_labels;
  const bool& al = h.hc_align;
  const rt::list<rt::prod<rt::N, common::bytes>>& w0 = h.hc_w0;
  const rt::list<rt::prod<rt::N, common::bytes>>& w1 = h.hc_w1;
  const rt::list<rt::prod<rt::N, common::bytes>>& w2 = h.hc_w2;
  const rt::list<rt::prod<rt::N, common::bytes>>& w3 = h.hc_w3;
  const rt::list<quirks::quirk_use>& us = h.hc_uses;
  return hex2_check::hcheck::mk_hcheck(m, al, w0, w1, w2, w3, rt::list<quirks::quirk_use>::cons(u, us));
}

// Coq: Hexproof.Proofs.Hex2Check.with_align (Definition)
inline hex2_check::hcheck with_align(const hex2_check::hcheck& h, const bool& al) {
  const byte_map::t<rt::prod<rt::N, rt::N>>& m = h.hc_labels;
  const rt::list<rt::prod<rt::N, common::bytes>>& w0 = h.hc_w0;
  const rt::list<rt::prod<rt::N, common::bytes>>& w1 = h.hc_w1;
  const rt::list<rt::prod<rt::N, common::bytes>>& w2 = h.hc_w2;
  const rt::list<rt::prod<rt::N, common::bytes>>& w3 = h.hc_w3;
  const rt::list<quirks::quirk_use>& us = h.hc_uses;
  return hex2_check::hcheck::mk_hcheck(m, al, w0, w1, w2, w3, us);
}

// Coq: Hexproof.Proofs.Hex2Check.with_word (Definition)
inline hex2_check::hcheck with_word(const hex2_check::hcheck& h, const rt::N& off, const common::bytes& subject) {
  const byte_map::t<rt::prod<rt::N, rt::N>>& m = h.hc_labels;
  const bool& al = h.hc_align;
  const rt::list<rt::prod<rt::N, common::bytes>>& w0 = h.hc_w0;
  const rt::list<rt::prod<rt::N, common::bytes>>& w1 = h.hc_w1;
  const rt::list<rt::prod<rt::N, common::bytes>>& w2 = h.hc_w2;
  const rt::list<rt::prod<rt::N, common::bytes>>& w3 = h.hc_w3;
  const rt::list<quirks::quirk_use>& us = h.hc_uses;
  return hex2_check::hcheck::mk_hcheck(m, al, rt::list<rt::prod<rt::N, common::bytes>>::cons(rt::prod<rt::N, common::bytes>::pair(off, subject), w0), w1, w2, w3, us);
}

// Coq: Hexproof.Proofs.Hex2Check.after_byte (Definition)
inline hex2_check::hcheck after_byte(const hex2_check::hcheck& h) {
  const byte_map::t<rt::prod<rt::N, rt::N>>& m = h.hc_labels;
  const bool& al = h.hc_align;
  const rt::list<rt::prod<rt::N, common::bytes>>& w0 = h.hc_w0;
  const rt::list<rt::prod<rt::N, common::bytes>>& w1 = h.hc_w1;
  const rt::list<rt::prod<rt::N, common::bytes>>& w2 = h.hc_w2;
  const rt::list<quirks::quirk_use>& us = h.hc_uses;
  return hex2_check::hcheck::mk_hcheck(m, al, rt::list<rt::prod<rt::N, common::bytes>>::nil(), w0, w1, w2, us);
}

// Coq: Hexproof.Proofs.Hex2Check.see_token (Definition)
inline hex2_check::hcheck see_token(const common::hex2_config& cfg, const hex2_check::hcheck& h, const rt::N& file, const rt::N& off, const hex2_lex::token& t0) {
  switch (t0.tag()) {
  case hex2_lex::token::tag_t::tok_byte: {
    return hex2_check::after_byte(h);
  }
  case hex2_lex::token::tag_t::tok_word: {
    return hex2_check::with_word(h, off, rt::list<common::byte>::nil());
  }
  case hex2_lex::token::tag_t::tok_label: {
    const auto& tok_label_fields = t0.as_tok_label();
    const common::bytes& n = tok_label_fields.f0;
    rt::option<rt::prod<rt::N, rt::N>> scrut = byte_map::find<rt::prod<rt::N, rt::N>>(n, h.hc_labels);
    switch (scrut.tag()) {
    case rt::option<rt::prod<rt::N, rt::N>>::tag_t::Some: {
      const auto& Some_fields = scrut.as_Some();
      const rt::prod<rt::N, rt::N>& p = Some_fields.f0;
      const rt::N& f0 = p.f0;
      const rt::N& o0 = p.f1;
      return hex2_check::with_use(h, quirks::quirk_use::mk_use(quirks::quirk::duplicate_label, file, off, n, f0, o0, rt::Z{0}));
    }
    case rt::option<rt::prod<rt::N, rt::N>>::tag_t::None: {
      const byte_map::t<rt::prod<rt::N, rt::N>>& m = h.hc_labels;
      const bool& al = h.hc_align;
      const rt::list<rt::prod<rt::N, common::bytes>>& w0 = h.hc_w0;
      const rt::list<rt::prod<rt::N, common::bytes>>& w1 = h.hc_w1;
      const rt::list<rt::prod<rt::N, common::bytes>>& w2 = h.hc_w2;
      const rt::list<rt::prod<rt::N, common::bytes>>& w3 = h.hc_w3;
      const rt::list<quirks::quirk_use>& us = h.hc_uses;
      return hex2_check::hcheck::mk_hcheck(byte_map::add<rt::prod<rt::N, rt::N>>(n, rt::prod<rt::N, rt::N>::pair(file, off), m), al, w0, w1, w2, w3, us);
    }
    }
    rt::fatal("no case matched in Hexproof.Proofs.Hex2Check.see_token");
  }
  case hex2_lex::token::tag_t::tok_ref: {
    const auto& tok_ref_fields = t0.as_tok_ref();
    const hex2_lex::ref_kind& k = tok_ref_fields.f0;
    const rt::N& f = tok_ref_fields.f1;
    const rt::N& p_1 = tok_ref_fields.f2;
    const common::bytes& n_1 = tok_ref_fields.f3;
    const rt::option<rt::prod<common::bytes, rt::N>>& base = tok_ref_fields.f4;
    switch (base.tag()) {
    case rt::option<rt::prod<common::bytes, rt::N>>::tag_t::Some: {
      const auto& Some_fields_1 = base.as_Some();
      const rt::prod<common::bytes, rt::N>& p0 = Some_fields_1.f0;
      const rt::N& bat = p0.f1;
      bool scrut_1 = hex2_lex::ref_absolute(k);
      if (scrut_1) {
        return hex2_check::with_use(h, quirks::quirk_use::mk_use(quirks::quirk::absolute_with_base, f, p_1, n_1, f, bat, rt::Z{0}));
      } else {
        return h;
      }
    }
    case rt::option<rt::prod<common::bytes, rt::N>>::tag_t::None: {
      hex2_check::hcheck h_{};
      bool scrut_2 = rt::andb(rt::andb(hex2_lex::ref_absolute(k), h.hc_align), hex2_spec::reads_align(cfg.h2_arch));
      if (scrut_2) {
        h_ = hex2_check::with_use(h, quirks::plain_use(quirks::quirk::align_on_absolute, f, p_1, n_1));
      } else {
        h_ = h;
      }
      return hex2_check::with_align(h_, false);
    }
    }
    rt::fatal("no case matched in Hexproof.Proofs.Hex2Check.see_token");
  }
  case hex2_lex::token::tag_t::tok_wref: {
    const auto& tok_wref_fields = t0.as_tok_wref();
    const common::bytes& n_2 = tok_wref_fields.f3;
    return hex2_check::with_align(hex2_check::with_word(h, off, n_2), false);
  }
  case hex2_lex::token::tag_t::tok_pad: {
    return h;
  }
  case hex2_lex::token::tag_t::tok_align: {
    return hex2_check::with_align(h, true);
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.Hex2Check.see_token");
}

}  // namespace hexproof::hex2_check
