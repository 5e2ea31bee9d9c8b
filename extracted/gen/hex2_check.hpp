// hex2_check.hpp: the C++ printed from the Coq module Hexproof.Proofs.Hex2Check.
//
// Generated; do not edit. Made by `extracted/regen.sh OUTDIR`, which runs: hexproof_printer --module Hexproof.Spec.CommandLine --module Hexproof.Spec.Common --module Hexproof.Spec.Hex2Encode --module Hexproof.Spec.Hex2Lex --module Hexproof.Spec.Hex2Spec --module Hexproof.Spec.Hex2Strict --module Hexproof.Spec.M1Eval --module Hexproof.Spec.M1Lex --module Hexproof.Spec.M1Spec --module Hexproof.Spec.M1Strict --module Hexproof.Spec.Quirks --module Hexproof.Spec.Strtoint --module Hexproof.Proofs.ByteMap --module Hexproof.Proofs.FirstUses --module Hexproof.Proofs.Hex2Check --module Hexproof.Proofs.Hex2CheckFirst --module Hexproof.Proofs.Hex2Exec --module Hexproof.Proofs.M1Check --module Hexproof.Proofs.M1CheckFirst --module Hexproof.Proofs.M1Exec --module Hexproof.Proofs.OutBuf --fields Extract.v --out OUTDIR extraction.json
// Coq Hexproof.Proofs.Hex2Check.x is C++ hexproof::hex2_check::x. See extracted/SUBSET.md for the translation.
#pragma once

#include <cstdint>
#include <utility>

#include "coq_runtime.hpp"
#include "byte_map.hpp"
#include "common.hpp"
#include "hex2_lex.hpp"
#include "hex2_spec.hpp"
#include "hex2_strict.hpp"
#include "quirks.hpp"

namespace hexproof::hex2_check {

struct hcheck;
struct hscan;

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

// Coq: Hexproof.Proofs.Hex2Check.hscan
struct hscan {
  rt::list<quirks::quirk_use> hs_uses{};
  hex2_check::hcheck hs_tokens{};
  bool hs_ok{};
  static hscan mk_hscan(rt::list<quirks::quirk_use> a0, hex2_check::hcheck a1, bool a2);
};

inline hcheck hcheck::mk_hcheck(byte_map::t<rt::prod<rt::N, rt::N>> a0, bool a1, rt::list<rt::prod<rt::N, common::bytes>> a2, rt::list<rt::prod<rt::N, common::bytes>> a3, rt::list<rt::prod<rt::N, common::bytes>> a4, rt::list<rt::prod<rt::N, common::bytes>> a5, rt::list<quirks::quirk_use> a6) { return hcheck{std::move(a0), std::move(a1), std::move(a2), std::move(a3), std::move(a4), std::move(a5), std::move(a6)}; }

inline hscan hscan::mk_hscan(rt::list<quirks::quirk_use> a0, hex2_check::hcheck a1, bool a2) { return hscan{std::move(a0), std::move(a1), std::move(a2)}; }

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
    rt::impossible("no case matched in Hexproof.Proofs.Hex2Check.see_token");
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
    rt::impossible("no case matched in Hexproof.Proofs.Hex2Check.see_token");
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
  rt::impossible("no case matched in Hexproof.Proofs.Hex2Check.see_token");
}

// Coq: Hexproof.Proofs.Hex2Check.pending_uses (Fixpoint; its self tail calls are the loop)
inline rt::list<quirks::quirk_use> pending_uses(rt::N file, const rt::list<rt::prod<rt::N, common::bytes>>& ws_in, rt::list<quirks::quirk_use> acc) {
  const rt::list<rt::prod<rt::N, common::bytes>>* ws = &ws_in;
  for (;;) {
    switch ((*ws).tag()) {
    case rt::list<rt::prod<rt::N, common::bytes>>::tag_t::nil: {
      return acc;
    }
    case rt::list<rt::prod<rt::N, common::bytes>>::tag_t::cons: {
      const auto& cons_fields = (*ws).as_cons();
      const rt::prod<rt::N, common::bytes>& w = cons_fields.f0;
      const rt::list<rt::prod<rt::N, common::bytes>>& ws_ = cons_fields.f1;
      const rt::N& o = w.f0;
      const common::bytes& n = w.f1;
      const rt::list<rt::prod<rt::N, common::bytes>>* next_ws = &ws_;
      rt::list<quirks::quirk_use> next_acc = rt::list<quirks::quirk_use>::cons(quirks::plain_use(quirks::quirk::register_across_files, file, o, n), std::move(acc));
      ws = std::move(next_ws);
      acc = std::move(next_acc);
      continue;
    }
    }
    rt::impossible("no case matched in Hexproof.Proofs.Hex2Check.pending_uses");
  }
}

// Coq: Hexproof.Proofs.Hex2Check.end_of_file (Definition)
inline hex2_check::hcheck end_of_file(const rt::N& file, const hex2_check::hcheck& h) {
  const byte_map::t<rt::prod<rt::N, rt::N>>& m = h.hc_labels;
  const bool& al = h.hc_align;
  const rt::list<rt::prod<rt::N, common::bytes>>& w0 = h.hc_w0;
  const rt::list<rt::prod<rt::N, common::bytes>>& w1 = h.hc_w1;
  const rt::list<rt::prod<rt::N, common::bytes>>& w2 = h.hc_w2;
  const rt::list<rt::prod<rt::N, common::bytes>>& w3 = h.hc_w3;
  const rt::list<quirks::quirk_use>& us = h.hc_uses;
  return hex2_check::hcheck::mk_hcheck(m, al, rt::list<rt::prod<rt::N, common::bytes>>::nil(), rt::list<rt::prod<rt::N, common::bytes>>::nil(), rt::list<rt::prod<rt::N, common::bytes>>::nil(), rt::list<rt::prod<rt::N, common::bytes>>::nil(), hex2_check::pending_uses(file, w3, hex2_check::pending_uses(file, w2, hex2_check::pending_uses(file, w1, hex2_check::pending_uses(file, w0, us)))));
}

// Coq: Hexproof.Proofs.Hex2Check.byte_use (Definition)
inline rt::list<quirks::quirk_use> byte_use(const common::hex2_config& cfg, const rt::N& file, const rt::N& off, const hex2_lex::lex_state& st, const rt::N& c, const rt::list<quirks::quirk_use>& lu) {
  rt::option<quirks::quirk> scrut = hex2_lex::byte_quirk(cfg, st, c);
  switch (scrut.tag()) {
  case rt::option<quirks::quirk>::tag_t::Some: {
    const auto& Some_fields = scrut.as_Some();
    const quirks::quirk& k = Some_fields.f0;
    return rt::list<quirks::quirk_use>::cons(hex2_strict::in_name_use(k, file, off, st), lu);
  }
  case rt::option<quirks::quirk>::tag_t::None: {
    return lu;
  }
  }
  rt::impossible("no case matched in Hexproof.Proofs.Hex2Check.byte_use");
}

// Coq: Hexproof.Proofs.Hex2Check.end_uses (Definition)
inline rt::list<quirks::quirk_use> end_uses(const rt::N& file, const rt::N& off, const hex2_lex::lex_state& st, const rt::list<quirks::quirk_use>& lu) {
  rt::list<quirks::quirk_use> lu1{};
  bool scrut = rt::n_ltb(rt::N{0}, st.ls_count);
  if (scrut) {
    lu1 = rt::list<quirks::quirk_use>::cons(quirks::plain_use(quirks::quirk::nibble_across_files, file, off, rt::list<common::byte>::nil()), lu);
  } else {
    lu1 = lu;
  }
  bool scrut_1 = hex2_lex::is_open(st);
  if (scrut_1) {
    return rt::list<quirks::quirk_use>::cons(quirks::plain_use(quirks::quirk::text_across_files, file, off, rt::list<common::byte>::nil()), std::move(lu1));
  } else {
    return lu1;
  }
}

// Coq: Hexproof.Proofs.Hex2Check.scan_bytes (Fixpoint; its self tail calls are the loop)
inline hex2_check::hscan scan_bytes(const common::hex2_config& cfg, rt::N file, rt::N off, hex2_lex::lex_state st, common::bytes bs, rt::list<quirks::quirk_use> lu, hex2_check::hcheck h) {
  for (;;) {
    switch (bs.tag()) {
    case common::bytes::tag_t::nil: {
      rt::list<quirks::quirk_use> lu_ = hex2_check::end_uses(file, off, st, lu);
      common::result<rt::option<hex2_lex::token>> scrut = hex2_lex::lex_finish(file, st);
      switch (scrut.tag()) {
      case common::result<rt::option<hex2_lex::token>>::tag_t::Ok: {
        const auto& Ok_fields = scrut.as_Ok();
        const rt::option<hex2_lex::token>& o = Ok_fields.f0;
        switch (o.tag()) {
        case rt::option<hex2_lex::token>::tag_t::Some: {
          const auto& Some_fields = o.as_Some();
          const hex2_lex::token& t0 = Some_fields.f0;
          return hex2_check::hscan::mk_hscan(std::move(lu_), hex2_check::see_token(cfg, h, file, hex2_lex::token_offset(st, off), t0), true);
        }
        case rt::option<hex2_lex::token>::tag_t::None: {
          return hex2_check::hscan::mk_hscan(std::move(lu_), std::move(h), true);
        }
        }
        rt::impossible("no case matched in Hexproof.Proofs.Hex2Check.scan_bytes");
      }
      case common::result<rt::option<hex2_lex::token>>::tag_t::Err: {
        return hex2_check::hscan::mk_hscan(std::move(lu_), std::move(h), false);
      }
      }
      rt::impossible("no case matched in Hexproof.Proofs.Hex2Check.scan_bytes");
    }
    case common::bytes::tag_t::cons: {
      auto cons_fields = bs.as_cons();
      common::byte& c = cons_fields.f0;
      rt::list<common::byte>& bs_ = cons_fields.f1;
      rt::list<quirks::quirk_use> lu__1 = hex2_check::byte_use(cfg, file, off, st, c, lu);
      hex2_lex::lex_result scrut_1 = hex2_lex::lex_step(cfg, file, off, st, c);
      switch (scrut_1.tag()) {
      case hex2_lex::lex_result::tag_t::Ok: {
        const auto& Ok_fields_1 = scrut_1.as_Ok();
        const rt::prod<hex2_lex::lex_state, rt::option<hex2_lex::token>>& r = Ok_fields_1.f0;
        const hex2_lex::lex_state& st_ = r.f0;
        const rt::option<hex2_lex::token>& o_1 = r.f1;
        switch (o_1.tag()) {
        case rt::option<hex2_lex::token>::tag_t::Some: {
          const auto& Some_fields_1 = o_1.as_Some();
          const hex2_lex::token& t0_1 = Some_fields_1.f0;
          rt::N next_off = rt::n_add(off, rt::N{1});
          hex2_lex::lex_state next_st = st_;
          common::bytes next_bs = std::move(bs_);
          rt::list<quirks::quirk_use> next_lu = std::move(lu__1);
          hex2_check::hcheck next_h = hex2_check::see_token(cfg, h, file, hex2_lex::token_offset(st, off), t0_1);
          off = std::move(next_off);
          st = std::move(next_st);
          bs = std::move(next_bs);
          lu = std::move(next_lu);
          h = std::move(next_h);
          continue;
        }
        case rt::option<hex2_lex::token>::tag_t::None: {
          rt::N next_off_1 = rt::n_add(off, rt::N{1});
          hex2_lex::lex_state next_st_1 = st_;
          common::bytes next_bs_1 = std::move(bs_);
          rt::list<quirks::quirk_use> next_lu_1 = std::move(lu__1);
          off = std::move(next_off_1);
          st = std::move(next_st_1);
          bs = std::move(next_bs_1);
          lu = std::move(next_lu_1);
          continue;
        }
        }
        rt::impossible("no case matched in Hexproof.Proofs.Hex2Check.scan_bytes");
      }
      case hex2_lex::lex_result::tag_t::Err: {
        return hex2_check::hscan::mk_hscan(std::move(lu__1), std::move(h), false);
      }
      }
      rt::impossible("no case matched in Hexproof.Proofs.Hex2Check.scan_bytes");
    }
    }
    rt::impossible("no case matched in Hexproof.Proofs.Hex2Check.scan_bytes");
  }
}

// Coq: Hexproof.Proofs.Hex2Check.scan_files (Fixpoint; its self tail calls are the loop)
inline rt::list<quirks::quirk_use> scan_files(const common::hex2_config& cfg, rt::N file, const rt::list<common::bytes>& inputs_in, rt::list<quirks::quirk_use> lu, hex2_check::hcheck h, bool ok) {
  const rt::list<common::bytes>* inputs = &inputs_in;
  for (;;) {
    switch ((*inputs).tag()) {
    case rt::list<common::bytes>::tag_t::nil: {
      if (ok) {
        return quirks::push_uses(h.hc_uses, std::move(lu));
      } else {
        return lu;
      }
    }
    case rt::list<common::bytes>::tag_t::cons: {
      const auto& cons_fields = (*inputs).as_cons();
      const common::bytes& bs = cons_fields.f0;
      const rt::list<common::bytes>& rest = cons_fields.f1;
      hex2_check::hscan scrut = hex2_check::scan_bytes(cfg, file, rt::N{0}, hex2_lex::lex_init(), bs, lu, h);
      rt::list<quirks::quirk_use>& lu_ = scrut.hs_uses;
      hex2_check::hcheck& h_ = scrut.hs_tokens;
      bool& ok_ = scrut.hs_ok;
      switch (rest.tag()) {
      case rt::list<common::bytes>::tag_t::nil: {
        rt::N next_file = rt::n_add(file, rt::N{1});
        const rt::list<common::bytes>* next_inputs = &rest;
        rt::list<quirks::quirk_use> next_lu = std::move(lu_);
        hex2_check::hcheck next_h = std::move(h_);
        bool next_ok = rt::andb(ok, ok_);
        file = std::move(next_file);
        inputs = std::move(next_inputs);
        lu = std::move(next_lu);
        h = std::move(next_h);
        ok = std::move(next_ok);
        continue;
      }
      case rt::list<common::bytes>::tag_t::cons: {
        rt::N next_file_1 = rt::n_add(file, rt::N{1});
        const rt::list<common::bytes>* next_inputs_1 = &rest;
        rt::list<quirks::quirk_use> next_lu_1 = std::move(lu_);
        hex2_check::hcheck next_h_1 = hex2_check::end_of_file(file, h_);
        bool next_ok_1 = rt::andb(ok, ok_);
        file = std::move(next_file_1);
        inputs = std::move(next_inputs_1);
        lu = std::move(next_lu_1);
        h = std::move(next_h_1);
        ok = std::move(next_ok_1);
        continue;
      }
      }
      rt::impossible("no case matched in Hexproof.Proofs.Hex2Check.scan_files");
    }
    }
    rt::impossible("no case matched in Hexproof.Proofs.Hex2Check.scan_files");
  }
}

// Coq: Hexproof.Proofs.Hex2Check.check (Definition)
inline rt::list<quirks::quirk_use> check(const common::hex2_config& cfg, const rt::list<common::bytes>& inputs) {
  return hex2_check::scan_files(cfg, rt::N{0}, inputs, rt::list<quirks::quirk_use>::nil(), hex2_check::hc_init(), true);
}

}  // namespace hexproof::hex2_check
