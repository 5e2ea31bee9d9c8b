// m1_check_first.hpp: the C++ printed from the Coq module Hexproof.Proofs.M1CheckFirst.
//
// Generated; do not edit. Made by `extracted/regen.sh OUTDIR`, which runs: hexproof_printer --module Hexproof.Spec.CommandLine --module Hexproof.Spec.Common --module Hexproof.Spec.Hex2Encode --module Hexproof.Spec.Hex2Lex --module Hexproof.Spec.Hex2Spec --module Hexproof.Spec.Hex2Strict --module Hexproof.Spec.M1Eval --module Hexproof.Spec.M1Lex --module Hexproof.Spec.M1Spec --module Hexproof.Spec.M1Strict --module Hexproof.Spec.Quirks --module Hexproof.Spec.Strtoint --module Hexproof.Proofs.ByteMap --module Hexproof.Proofs.FirstUses --module Hexproof.Proofs.Hex2Check --module Hexproof.Proofs.Hex2CheckFirst --module Hexproof.Proofs.Hex2Exec --module Hexproof.Proofs.M1Check --module Hexproof.Proofs.M1CheckFirst --module Hexproof.Proofs.M1Exec --module Hexproof.Proofs.OutBuf --fields Extract.v --out OUTDIR extraction.json
// Coq Hexproof.Proofs.M1CheckFirst.x is C++ hexproof::m1_check_first::x. See extracted/SUBSET.md for the translation.
#pragma once

#include <cstdint>
#include <utility>

#include "coq_runtime.hpp"
#include "byte_map.hpp"
#include "common.hpp"
#include "first_uses.hpp"
#include "m1_check.hpp"
#include "m1_lex.hpp"
#include "quirks.hpp"

namespace hexproof::m1_check_first {

struct mscan_first;

// Coq: Hexproof.Proofs.M1CheckFirst.mscan_first
struct mscan_first {
  first_uses::lasts mf_lasts{};
  m1_check::mcheck mf_tokens{};
  first_uses::firsts mf_uses{};
  first_uses::firsts mf_octal{};
  bool mf_ok{};
  static mscan_first mk_mscan_first(first_uses::lasts a0, m1_check::mcheck a1, first_uses::firsts a2, first_uses::firsts a3, bool a4);
};

inline mscan_first mscan_first::mk_mscan_first(first_uses::lasts a0, m1_check::mcheck a1, first_uses::firsts a2, first_uses::firsts a3, bool a4) { return mscan_first{std::move(a0), std::move(a1), std::move(a2), std::move(a3), std::move(a4)}; }

// Coq: Hexproof.Proofs.M1CheckFirst.strip (Definition)
inline m1_check::mcheck strip(const m1_check::mcheck& m) {
  const bool& q = m.mc_quiet;
  const m1_check::dscan& sc = m.mc_scan;
  const byte_map::t<rt::prod<rt::prod<rt::N, rt::N>, rt::prod<rt::N, rt::N>>>& defs = m.mc_defs;
  return m1_check::mcheck::mk_mcheck(q, sc, defs, rt::list<quirks::quirk_use>::nil(), rt::list<quirks::quirk_use>::nil());
}

// Coq: Hexproof.Proofs.M1CheckFirst.end_use (Definition)
inline rt::list<quirks::quirk_use> end_use(const rt::N& file, const rt::N& pos, const m1_lex::lex_state& st, const bool& w) {
  switch (st.tag()) {
  case m1_lex::lex_state::tag_t::Between: {
    if (w) {
      return rt::list<quirks::quirk_use>::cons(quirks::plain_use(quirks::quirk::text_across_files, file, pos, rt::list<common::byte>::nil()), rt::list<quirks::quirk_use>::nil());
    } else {
      return rt::list<quirks::quirk_use>::nil();
    }
  }
  case m1_lex::lex_state::tag_t::In_comment: {
    return rt::list<quirks::quirk_use>::cons(quirks::plain_use(quirks::quirk::text_across_files, file, pos, rt::list<common::byte>::nil()), rt::list<quirks::quirk_use>::nil());
  }
  case m1_lex::lex_state::tag_t::In_atom: {
    return rt::list<quirks::quirk_use>::cons(quirks::plain_use(quirks::quirk::text_across_files, file, pos, rt::list<common::byte>::nil()), rt::list<quirks::quirk_use>::nil());
  }
  case m1_lex::lex_state::tag_t::In_string: {
    return rt::list<quirks::quirk_use>::cons(quirks::plain_use(quirks::quirk::text_across_files, file, pos, rt::list<common::byte>::nil()), rt::list<quirks::quirk_use>::nil());
  }
  }
  rt::impossible("no case matched in Hexproof.Proofs.M1CheckFirst.end_use");
}

// Coq: Hexproof.Proofs.M1CheckFirst.scan_chars_first (Fixpoint; its self tail calls are the loop)
inline m1_check_first::mscan_first scan_chars_first(bool pass, rt::N k, const common::m1_config& cfg, rt::N file, rt::N pos, m1_lex::lex_state st, bool w, common::bytes s, first_uses::lasts a, m1_check::mcheck m, first_uses::firsts fu, first_uses::firsts fo) {
  for (;;) {
    switch (s.tag()) {
    case common::bytes::tag_t::nil: {
      first_uses::lasts a_{};
      if (pass) {
        a_ = a;
      } else {
        a_ = first_uses::keep_lasts(k, m1_check_first::end_use(file, pos, st, w), a);
      }
      common::result<rt::list<m1_lex::token>> scrut = m1_check::eof_step(file, st);
      switch (scrut.tag()) {
      case common::result<rt::list<m1_lex::token>>::tag_t::Ok: {
        const auto& Ok_fields = scrut.as_Ok();
        const rt::list<m1_lex::token>& ts = Ok_fields.f0;
        m1_check::mcheck m_ = m1_check::see_raw(pass, cfg, m1_check::see_raws(pass, cfg, m, ts), m1_lex::token::Newline());
        return m1_check_first::mscan_first::mk_mscan_first(std::move(a_), m1_check_first::strip(m_), first_uses::keep_firsts(k, quirks::push_uses(m_.mc_uses, rt::list<quirks::quirk_use>::nil()), std::move(fu)), first_uses::keep_firsts(k, quirks::push_uses(m_.mc_octal, rt::list<quirks::quirk_use>::nil()), std::move(fo)), true);
      }
      case common::result<rt::list<m1_lex::token>>::tag_t::Err: {
        return m1_check_first::mscan_first::mk_mscan_first(std::move(a_), std::move(m), std::move(fu), std::move(fo), false);
      }
      }
      rt::impossible("no case matched in Hexproof.Proofs.M1CheckFirst.scan_chars_first");
    }
    case common::bytes::tag_t::cons: {
      auto cons_fields = s.as_cons();
      common::byte& c = cons_fields.f0;
      rt::list<common::byte>& s_ = cons_fields.f1;
      first_uses::lasts a__1{};
      if (pass) {
        a__1 = a;
      } else {
        a__1 = first_uses::keep_lasts(k, m1_check::char_use(file, pos, st, c, rt::list<quirks::quirk_use>::nil()), a);
      }
      common::result<rt::prod<m1_lex::lex_state, rt::list<m1_lex::token>>> scrut_1 = m1_check::char_step(file, pos, st, c);
      switch (scrut_1.tag()) {
      case common::result<rt::prod<m1_lex::lex_state, rt::list<m1_lex::token>>>::tag_t::Ok: {
        const auto& Ok_fields_1 = scrut_1.as_Ok();
        const rt::prod<m1_lex::lex_state, rt::list<m1_lex::token>>& r = Ok_fields_1.f0;
        const m1_lex::lex_state& st_ = r.f0;
        const rt::list<m1_lex::token>& ts_1 = r.f1;
        m1_check::mcheck m__1 = m1_check::see_raws(pass, cfg, m, ts_1);
        rt::N next_pos = rt::n_add(pos, rt::N{1});
        m1_lex::lex_state next_st = st_;
        bool next_w = m1_lex::last_is_word(ts_1, w);
        common::bytes next_s = std::move(s_);
        first_uses::lasts next_a = std::move(a__1);
        m1_check::mcheck next_m = m1_check_first::strip(m__1);
        first_uses::firsts next_fu = first_uses::keep_firsts(k, quirks::push_uses(m__1.mc_uses, rt::list<quirks::quirk_use>::nil()), std::move(fu));
        first_uses::firsts next_fo = first_uses::keep_firsts(k, quirks::push_uses(m__1.mc_octal, rt::list<quirks::quirk_use>::nil()), std::move(fo));
        pos = std::move(next_pos);
        st = std::move(next_st);
        w = std::move(next_w);
        s = std::move(next_s);
        a = std::move(next_a);
        m = std::move(next_m);
        fu = std::move(next_fu);
        fo = std::move(next_fo);
        continue;
      }
      case common::result<rt::prod<m1_lex::lex_state, rt::list<m1_lex::token>>>::tag_t::Err: {
        return m1_check_first::mscan_first::mk_mscan_first(std::move(a__1), std::move(m), std::move(fu), std::move(fo), false);
      }
      }
      rt::impossible("no case matched in Hexproof.Proofs.M1CheckFirst.scan_chars_first");
    }
    }
    rt::impossible("no case matched in Hexproof.Proofs.M1CheckFirst.scan_chars_first");
  }
}

// Coq: Hexproof.Proofs.M1CheckFirst.scan_inputs_first (Fixpoint; its self tail calls are the loop)
inline m1_check_first::mscan_first scan_inputs_first(bool pass, rt::N k, const common::m1_config& cfg, rt::N file, const rt::list<common::bytes>& inputs_in, first_uses::lasts a, m1_check::mcheck m, first_uses::firsts fu, first_uses::firsts fo, bool ok) {
  const rt::list<common::bytes>* inputs = &inputs_in;
  for (;;) {
    switch ((*inputs).tag()) {
    case rt::list<common::bytes>::tag_t::nil: {
      return m1_check_first::mscan_first::mk_mscan_first(std::move(a), std::move(m), std::move(fu), std::move(fo), ok);
    }
    case rt::list<common::bytes>::tag_t::cons: {
      const auto& cons_fields = (*inputs).as_cons();
      const common::bytes& f = cons_fields.f0;
      const rt::list<common::bytes>& fs = cons_fields.f1;
      m1_check_first::mscan_first scrut = m1_check_first::scan_chars_first(pass, k, cfg, file, rt::N{0}, m1_lex::lex_state::Between(), false, f, a, m, fu, fo);
      first_uses::lasts& a_ = scrut.mf_lasts;
      m1_check::mcheck& m_ = scrut.mf_tokens;
      first_uses::firsts& fu_ = scrut.mf_uses;
      first_uses::firsts& fo_ = scrut.mf_octal;
      bool& ok_ = scrut.mf_ok;
      rt::N next_file = rt::n_add(file, rt::N{1});
      const rt::list<common::bytes>* next_inputs = &fs;
      first_uses::lasts next_a = std::move(a_);
      m1_check::mcheck next_m = std::move(m_);
      first_uses::firsts next_fu = std::move(fu_);
      first_uses::firsts next_fo = std::move(fo_);
      bool next_ok = rt::andb(ok, ok_);
      file = std::move(next_file);
      inputs = std::move(next_inputs);
      a = std::move(next_a);
      m = std::move(next_m);
      fu = std::move(next_fu);
      fo = std::move(next_fo);
      ok = std::move(next_ok);
      continue;
    }
    }
    rt::impossible("no case matched in Hexproof.Proofs.M1CheckFirst.scan_inputs_first");
  }
}

// Coq: Hexproof.Proofs.M1CheckFirst.check_first (Definition)
inline rt::prod<rt::list<quirks::quirk_use>, rt::N> check_first(const rt::N& k, const common::m1_config& cfg, const rt::list<common::bytes>& inputs) {
  m1_check_first::mscan_first scrut = m1_check_first::scan_inputs_first(false, k, cfg, rt::N{0}, inputs, first_uses::lasts_empty(), m1_check::mc_start(byte_map::empty<rt::prod<rt::prod<rt::N, rt::N>, rt::prod<rt::N, rt::N>>>()), first_uses::firsts_empty(), first_uses::firsts_empty(), true);
  first_uses::lasts& a = scrut.mf_lasts;
  m1_check::mcheck& mA = scrut.mf_tokens;
  first_uses::firsts& uA = scrut.mf_uses;
  bool& okA = scrut.mf_ok;
  rt::prod<rt::list<quirks::quirk_use>, rt::N> others = rt::prod<rt::list<quirks::quirk_use>, rt::N>::pair(first_uses::take_uses(k, first_uses::lasts_list(a)), a.la_count);
  if (okA) {
    m1_check_first::mscan_first scrut_1 = m1_check_first::scan_inputs_first(true, k, cfg, rt::N{0}, inputs, first_uses::lasts_empty(), m1_check::mc_start(mA.mc_defs), first_uses::firsts_empty(), first_uses::firsts_empty(), true);
    m1_check::mcheck& mB = scrut_1.mf_tokens;
    first_uses::firsts& uB = scrut_1.mf_uses;
    first_uses::firsts& oB = scrut_1.mf_octal;
    bool scrut_2 = m1_check::outside_define(mB.mc_scan);
    if (scrut_2) {
      return rt::prod<rt::list<quirks::quirk_use>, rt::N>::pair(first_uses::take_uses(k, quirks::push_uses(uA.fi_kept, quirks::push_uses(uB.fi_kept, quirks::push_uses(oB.fi_kept, first_uses::lasts_list(a))))), rt::n_add(uA.fi_count, rt::n_add(uB.fi_count, rt::n_add(oB.fi_count, a.la_count))));
    } else {
      return others;
    }
  } else {
    return others;
  }
}

}  // namespace hexproof::m1_check_first
