// m1_check.hpp: the C++ printed from the Coq module Hexproof.Proofs.M1Check.
//
// Generated; do not edit. Made by `extracted/regen.sh OUTDIR`, which runs: hexproof_printer --module Hexproof.Spec.CommandLine --module Hexproof.Spec.Common --module Hexproof.Spec.Hex2Encode --module Hexproof.Spec.Hex2Lex --module Hexproof.Spec.Hex2Spec --module Hexproof.Spec.M1Eval --module Hexproof.Spec.M1Lex --module Hexproof.Spec.M1Spec --module Hexproof.Spec.Quirks --module Hexproof.Spec.Strtoint --module Hexproof.Proofs.ByteMap --module Hexproof.Proofs.FirstUses --module Hexproof.Proofs.Hex2Check --module Hexproof.Proofs.Hex2CheckFirst --module Hexproof.Proofs.Hex2Exec --module Hexproof.Proofs.M1Check --module Hexproof.Proofs.M1CheckFirst --module Hexproof.Proofs.M1Exec --module Hexproof.Proofs.OutBuf --fields Extract.v --out OUTDIR extraction.json
// Coq Hexproof.Proofs.M1Check.x is C++ hexproof::m1_check::x. See extracted/SUBSET.md for the translation.
#pragma once

#include <cstdint>
#include <utility>

#include "coq_runtime.hpp"
#include "byte_map.hpp"
#include "common.hpp"
#include "m1_eval.hpp"
#include "m1_exec.hpp"
#include "m1_lex.hpp"
#include "m1_spec.hpp"
#include "quirks.hpp"

namespace hexproof::m1_check {

struct dscan;
struct mcheck;

// Coq: Hexproof.Proofs.M1Check.dscan
struct dscan {
  enum class tag_t : std::uint8_t { ds_none, ds_name, ds_value };
  struct ds_name_t;
  struct ds_value_t;
  static dscan ds_none();
  static dscan ds_name(m1_lex::token a0);
  static dscan ds_value(m1_lex::token a0, m1_lex::token a1);
  tag_t tag() const { return tag_; }
  const ds_name_t& as_ds_name() const;
  const ds_value_t& as_ds_value() const;
  tag_t tag_ = tag_t::ds_none;
  rt::box box_;
};

// Coq: Hexproof.Proofs.M1Check.mcheck
struct mcheck {
  bool mc_quiet{};
  m1_check::dscan mc_scan{};
  byte_map::t<rt::prod<rt::prod<rt::N, rt::N>, rt::prod<rt::N, rt::N>>> mc_defs{};
  rt::list<quirks::quirk_use> mc_uses{};
  rt::list<quirks::quirk_use> mc_octal{};
  static mcheck mk_mcheck(bool a0, m1_check::dscan a1, byte_map::t<rt::prod<rt::prod<rt::N, rt::N>, rt::prod<rt::N, rt::N>>> a2, rt::list<quirks::quirk_use> a3, rt::list<quirks::quirk_use> a4);
};

struct dscan::ds_name_t {
  m1_lex::token f0;
};
struct dscan::ds_value_t {
  m1_lex::token f0;
  m1_lex::token f1;
};
inline dscan dscan::ds_none() { return dscan{tag_t::ds_none, rt::box()}; }
inline dscan dscan::ds_name(m1_lex::token a0) { return dscan{tag_t::ds_name, rt::box::make<ds_name_t>(ds_name_t{std::move(a0)})}; }
inline auto dscan::as_ds_name() const -> const ds_name_t& { return box_.get<ds_name_t>(); }
inline dscan dscan::ds_value(m1_lex::token a0, m1_lex::token a1) { return dscan{tag_t::ds_value, rt::box::make<ds_value_t>(ds_value_t{std::move(a0), std::move(a1)})}; }
inline auto dscan::as_ds_value() const -> const ds_value_t& { return box_.get<ds_value_t>(); }

inline mcheck mcheck::mk_mcheck(bool a0, m1_check::dscan a1, byte_map::t<rt::prod<rt::prod<rt::N, rt::N>, rt::prod<rt::N, rt::N>>> a2, rt::list<quirks::quirk_use> a3, rt::list<quirks::quirk_use> a4) { return mcheck{std::move(a0), std::move(a1), std::move(a2), std::move(a3), std::move(a4)}; }

// Coq: Hexproof.Proofs.M1Check.place_max (Definition)
inline rt::prod<rt::N, rt::N> place_max(const rt::prod<rt::N, rt::N>& a, const rt::prod<rt::N, rt::N>& b) {
  bool scrut = m1_spec::place_le(a, b);
  if (scrut) {
    return b;
  } else {
    return a;
  }
}

// Coq: Hexproof.Proofs.M1Check.see_define (Definition)
inline rt::prod<byte_map::t<rt::prod<rt::prod<rt::N, rt::N>, rt::prod<rt::N, rt::N>>>, rt::list<quirks::quirk_use>> see_define(const byte_map::t<rt::prod<rt::prod<rt::N, rt::N>, rt::prod<rt::N, rt::N>>>& m, const rt::list<quirks::quirk_use>& us, const m1_lex::token& d, const m1_lex::token& n) {
  rt::prod<rt::N, rt::N> scrut = m1_spec::place(d);
  rt::N& f = scrut.f0;
  rt::N& o = scrut.f1;
  rt::option<rt::prod<rt::prod<rt::N, rt::N>, rt::prod<rt::N, rt::N>>> scrut_1 = byte_map::find<rt::prod<rt::prod<rt::N, rt::N>, rt::prod<rt::N, rt::N>>>(m1_lex::token_text(n), m);
  switch (scrut_1.tag()) {
  case rt::option<rt::prod<rt::prod<rt::N, rt::N>, rt::prod<rt::N, rt::N>>>::tag_t::Some: {
    const auto& Some_fields = scrut_1.as_Some();
    const rt::prod<rt::prod<rt::N, rt::N>, rt::prod<rt::N, rt::N>>& r = Some_fields.f0;
    const rt::prod<rt::N, rt::N>& first = r.f0;
    const rt::prod<rt::N, rt::N>& latest = r.f1;
    const rt::N& f0 = first.f0;
    const rt::N& o0 = first.f1;
    return rt::prod<byte_map::t<rt::prod<rt::prod<rt::N, rt::N>, rt::prod<rt::N, rt::N>>>, rt::list<quirks::quirk_use>>::pair(byte_map::add<rt::prod<rt::prod<rt::N, rt::N>, rt::prod<rt::N, rt::N>>>(m1_lex::token_text(n), rt::prod<rt::prod<rt::N, rt::N>, rt::prod<rt::N, rt::N>>::pair(first, m1_check::place_max(latest, rt::prod<rt::N, rt::N>::pair(f, o))), m), rt::list<quirks::quirk_use>::cons(quirks::quirk_use::mk_use(quirks::quirk::duplicate_define, f, o, m1_lex::token_text(n), f0, o0, rt::Z{0}), us));
  }
  case rt::option<rt::prod<rt::prod<rt::N, rt::N>, rt::prod<rt::N, rt::N>>>::tag_t::None: {
    return rt::prod<byte_map::t<rt::prod<rt::prod<rt::N, rt::N>, rt::prod<rt::N, rt::N>>>, rt::list<quirks::quirk_use>>::pair(byte_map::add<rt::prod<rt::prod<rt::N, rt::N>, rt::prod<rt::N, rt::N>>>(m1_lex::token_text(n), rt::prod<rt::prod<rt::N, rt::N>, rt::prod<rt::N, rt::N>>::pair(rt::prod<rt::N, rt::N>::pair(f, o), rt::prod<rt::N, rt::N>::pair(f, o)), m), us);
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.M1Check.see_define");
}

// Coq: Hexproof.Proofs.M1Check.see_word (Definition)
inline rt::prod<rt::list<quirks::quirk_use>, rt::list<quirks::quirk_use>> see_word(const common::m1_config& cfg, const byte_map::t<rt::prod<rt::prod<rt::N, rt::N>, rt::prod<rt::N, rt::N>>>& m, const common::bytes& s, const rt::N& f, const rt::N& o, const bool& name, const bool& printed, const rt::list<quirks::quirk_use>& us, const rt::list<quirks::quirk_use>& octs) {
  rt::option<rt::prod<rt::prod<rt::N, rt::N>, rt::prod<rt::N, rt::N>>> scrut = byte_map::find<rt::prod<rt::prod<rt::N, rt::N>, rt::prod<rt::N, rt::N>>>(s, m);
  switch (scrut.tag()) {
  case rt::option<rt::prod<rt::prod<rt::N, rt::N>, rt::prod<rt::N, rt::N>>>::tag_t::Some: {
    const auto& Some_fields = scrut.as_Some();
    const rt::prod<rt::prod<rt::N, rt::N>, rt::prod<rt::N, rt::N>>& r = Some_fields.f0;
    const rt::prod<rt::N, rt::N>& latest = r.f1;
    const rt::N& lf = latest.f0;
    const rt::N& lo = latest.f1;
    bool scrut_1 = rt::andb(rt::negb(name), rt::negb(m1_spec::place_le(latest, rt::prod<rt::N, rt::N>::pair(f, o))));
    if (scrut_1) {
      return rt::prod<rt::list<quirks::quirk_use>, rt::list<quirks::quirk_use>>::pair(rt::list<quirks::quirk_use>::cons(quirks::quirk_use::mk_use(quirks::quirk::use_before_define, f, o, s, lf, lo, rt::Z{0}), us), octs);
    } else {
      return rt::prod<rt::list<quirks::quirk_use>, rt::list<quirks::quirk_use>>::pair(us, octs);
    }
  }
  case rt::option<rt::prod<rt::prod<rt::N, rt::N>, rt::prod<rt::N, rt::N>>>::tag_t::None: {
    rt::list<quirks::quirk_use> us_{};
    rt::option<rt::prod<common::byte, rt::Z>> scrut_2 = m1_eval::immediate_field(cfg, s);
    switch (scrut_2.tag()) {
    case rt::option<rt::prod<common::byte, rt::Z>>::tag_t::Some: {
      const auto& Some_fields_1 = scrut_2.as_Some();
      const rt::prod<common::byte, rt::Z>& x = Some_fields_1.f0;
      const common::byte& c = x.f0;
      const rt::Z& v = x.f1;
      bool scrut_3 = rt::andb(rt::negb(m1_eval::is_riscv(cfg.m1_arch)), m1_eval::on_bound(c, v));
      if (scrut_3) {
        us_ = rt::list<quirks::quirk_use>::cons(quirks::quirk_use::mk_use(quirks::quirk::off_by_one_range, f, o, s, f, o, v), us);
      } else {
        us_ = us;
      }
      break;
    }
    case rt::option<rt::prod<common::byte, rt::Z>>::tag_t::None: {
      us_ = us;
      break;
    }
    }
    rt::list<quirks::quirk_use> tmp{};
    bool scrut_4 = rt::andb(printed, m1_eval::octal_wide(cfg, s));
    if (scrut_4) {
      tmp = rt::list<quirks::quirk_use>::cons(quirks::plain_use(quirks::quirk::octal_immediate, f, o, s), octs);
    } else {
      tmp = octs;
    }
    return rt::prod<rt::list<quirks::quirk_use>, rt::list<quirks::quirk_use>>::pair(std::move(us_), tmp);
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.M1Check.see_word");
}

// Coq: Hexproof.Proofs.M1Check.see_word_in (Definition)
inline m1_check::mcheck see_word_in(const common::m1_config& cfg, const m1_check::mcheck& m, const m1_lex::token& t0, const bool& name, const bool& printed, const m1_check::dscan& sc) {
  switch (t0.tag()) {
  case m1_lex::token::tag_t::Newline: {
    return m1_check::mcheck::mk_mcheck(true, sc, m.mc_defs, m.mc_uses, m.mc_octal);
  }
  case m1_lex::token::tag_t::Word: {
    const auto& Word_fields = t0.as_Word();
    const common::bytes& s = Word_fields.f0;
    const rt::N& f = Word_fields.f1;
    const rt::N& o = Word_fields.f2;
    rt::prod<rt::list<quirks::quirk_use>, rt::list<quirks::quirk_use>> scrut = m1_check::see_word(cfg, m.mc_defs, s, f, o, name, printed, m.mc_uses, m.mc_octal);
    rt::list<quirks::quirk_use>& us = scrut.f0;
    rt::list<quirks::quirk_use>& octs = scrut.f1;
    return m1_check::mcheck::mk_mcheck(false, sc, m.mc_defs, std::move(us), std::move(octs));
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.M1Check.see_word_in");
}

// Coq: Hexproof.Proofs.M1Check.is_define_token (Definition)
inline bool is_define_token(const m1_lex::token& t0) {
  switch (t0.tag()) {
  case m1_lex::token::tag_t::Newline: {
    return false;
  }
  case m1_lex::token::tag_t::Word: {
    const auto& Word_fields = t0.as_Word();
    const common::bytes& s = Word_fields.f0;
    return m1_exec::is_define_text(s);
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.M1Check.is_define_token");
}

// Coq: Hexproof.Proofs.M1Check.see_token (Definition)
inline m1_check::mcheck see_token(const bool& pass, const common::m1_config& cfg, const m1_check::mcheck& m, const m1_lex::token& t0) {
  m1_check::dscan scrut = m.mc_scan;
  switch (scrut.tag()) {
  case m1_check::dscan::tag_t::ds_none: {
    m1_check::dscan sc{};
    bool scrut_1 = m1_check::is_define_token(t0);
    if (scrut_1) {
      sc = m1_check::dscan::ds_name(t0);
    } else {
      sc = m1_check::dscan::ds_none();
    }
    if (pass) {
      return m1_check::see_word_in(cfg, m, t0, false, rt::negb(m1_check::is_define_token(t0)), sc);
    } else {
      bool tmp{};
      switch (t0.tag()) {
      case m1_lex::token::tag_t::Newline: {
        tmp = true;
        break;
      }
      case m1_lex::token::tag_t::Word: {
        tmp = false;
        break;
      }
      }
      return m1_check::mcheck::mk_mcheck(tmp, std::move(sc), m.mc_defs, m.mc_uses, m.mc_octal);
    }
  }
  case m1_check::dscan::tag_t::ds_name: {
    const auto& ds_name_fields = scrut.as_ds_name();
    const m1_lex::token& d = ds_name_fields.f0;
    if (pass) {
      return m1_check::see_word_in(cfg, m, t0, true, false, m1_check::dscan::ds_value(d, t0));
    } else {
      bool tmp_1{};
      switch (t0.tag()) {
      case m1_lex::token::tag_t::Newline: {
        tmp_1 = true;
        break;
      }
      case m1_lex::token::tag_t::Word: {
        tmp_1 = false;
        break;
      }
      }
      return m1_check::mcheck::mk_mcheck(tmp_1, m1_check::dscan::ds_value(d, t0), m.mc_defs, m.mc_uses, m.mc_octal);
    }
  }
  case m1_check::dscan::tag_t::ds_value: {
    const auto& ds_value_fields = scrut.as_ds_value();
    const m1_lex::token& d_1 = ds_value_fields.f0;
    const m1_lex::token& n = ds_value_fields.f1;
    if (pass) {
      return m1_check::see_word_in(cfg, m, t0, false, false, m1_check::dscan::ds_none());
    } else {
      rt::prod<byte_map::t<rt::prod<rt::prod<rt::N, rt::N>, rt::prod<rt::N, rt::N>>>, rt::list<quirks::quirk_use>> scrut_2 = m1_check::see_define(m.mc_defs, m.mc_uses, d_1, n);
      byte_map::t<rt::prod<rt::prod<rt::N, rt::N>, rt::prod<rt::N, rt::N>>>& defs = scrut_2.f0;
      rt::list<quirks::quirk_use>& us = scrut_2.f1;
      bool tmp_2{};
      switch (t0.tag()) {
      case m1_lex::token::tag_t::Newline: {
        tmp_2 = true;
        break;
      }
      case m1_lex::token::tag_t::Word: {
        tmp_2 = false;
        break;
      }
      }
      return m1_check::mcheck::mk_mcheck(tmp_2, m1_check::dscan::ds_none(), std::move(defs), std::move(us), m.mc_octal);
    }
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.M1Check.see_token");
}

// Coq: Hexproof.Proofs.M1Check.see_raw (Definition)
inline m1_check::mcheck see_raw(const bool& pass, const common::m1_config& cfg, const m1_check::mcheck& m, const m1_lex::token& t0) {
  switch (t0.tag()) {
  case m1_lex::token::tag_t::Newline: {
    bool scrut = m.mc_quiet;
    if (scrut) {
      return m;
    } else {
      return m1_check::see_token(pass, cfg, m, t0);
    }
  }
  case m1_lex::token::tag_t::Word: {
    return m1_check::see_token(pass, cfg, m, t0);
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.M1Check.see_raw");
}

// Coq: Hexproof.Proofs.M1Check.see_raws (Fixpoint; its self tail calls are the loop)
inline m1_check::mcheck see_raws(bool pass, const common::m1_config& cfg, m1_check::mcheck m, const rt::list<m1_lex::token>& ts_in) {
  const rt::list<m1_lex::token>* ts = &ts_in;
  for (;;) {
    switch ((*ts).tag()) {
    case rt::list<m1_lex::token>::tag_t::nil: {
      return m;
    }
    case rt::list<m1_lex::token>::tag_t::cons: {
      const auto& cons_fields = (*ts).as_cons();
      const m1_lex::token& t0 = cons_fields.f0;
      const rt::list<m1_lex::token>& ts_ = cons_fields.f1;
      m1_check::mcheck next_m = m1_check::see_raw(pass, cfg, m, t0);
      const rt::list<m1_lex::token>* next_ts = &ts_;
      m = std::move(next_m);
      ts = std::move(next_ts);
      continue;
    }
    }
    rt::fatal("no case matched in Hexproof.Proofs.M1Check.see_raws");
  }
}

// Coq: Hexproof.Proofs.M1Check.mc_start (Definition)
inline m1_check::mcheck mc_start(const byte_map::t<rt::prod<rt::prod<rt::N, rt::N>, rt::prod<rt::N, rt::N>>>& defs) {
  return m1_check::mcheck::mk_mcheck(true, m1_check::dscan::ds_none(), defs, rt::list<quirks::quirk_use>::nil(), rt::list<quirks::quirk_use>::nil());
}

// Coq: Hexproof.Proofs.M1Check.outside_define (Definition)
inline bool outside_define(const m1_check::dscan& sc) {
  switch (sc.tag()) {
  case m1_check::dscan::tag_t::ds_none: {
    return true;
  }
  case m1_check::dscan::tag_t::ds_name: {
    return false;
  }
  case m1_check::dscan::tag_t::ds_value: {
    return false;
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.M1Check.outside_define");
}

}  // namespace hexproof::m1_check
