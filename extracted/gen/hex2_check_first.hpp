// hex2_check_first.hpp: the C++ printed from the Coq module Hexproof.Proofs.Hex2CheckFirst.
//
// Generated; do not edit. Made by `extracted/regen.sh OUTDIR`, which runs: hexproof_printer --module Hexproof.Spec.CommandLine --module Hexproof.Spec.Common --module Hexproof.Spec.Hex2Encode --module Hexproof.Spec.Hex2Lex --module Hexproof.Spec.Hex2Spec --module Hexproof.Spec.Hex2Strict --module Hexproof.Spec.M1Eval --module Hexproof.Spec.M1Lex --module Hexproof.Spec.M1Spec --module Hexproof.Spec.M1Strict --module Hexproof.Spec.Quirks --module Hexproof.Spec.Strtoint --module Hexproof.Proofs.ByteMap --module Hexproof.Proofs.FirstUses --module Hexproof.Proofs.Hex2Check --module Hexproof.Proofs.Hex2CheckFirst --module Hexproof.Proofs.Hex2Exec --module Hexproof.Proofs.M1Check --module Hexproof.Proofs.M1CheckFirst --module Hexproof.Proofs.M1Exec --module Hexproof.Proofs.OutBuf --fields Extract.v --out OUTDIR extraction.json
// Coq Hexproof.Proofs.Hex2CheckFirst.x is C++ hexproof::hex2_check_first::x. See extracted/SUBSET.md for the translation.
#pragma once

#include <cstdint>
#include <utility>

#include "coq_runtime.hpp"
#include "common.hpp"
#include "first_uses.hpp"
#include "hex2_check.hpp"
#include "hex2_lex.hpp"
#include "quirks.hpp"

namespace hexproof::hex2_check_first {

struct hscan_first;

// Coq: Hexproof.Proofs.Hex2CheckFirst.hscan_first
struct hscan_first {
  first_uses::lasts hf_lasts{};
  hex2_check::hcheck hf_tokens{};
  first_uses::firsts hf_firsts{};
  bool hf_ok{};
  static hscan_first mk_hscan_first(first_uses::lasts a0, hex2_check::hcheck a1, first_uses::firsts a2, bool a3);
};

inline hscan_first hscan_first::mk_hscan_first(first_uses::lasts a0, hex2_check::hcheck a1, first_uses::firsts a2, bool a3) { return hscan_first{std::move(a0), std::move(a1), std::move(a2), std::move(a3)}; }

// Coq: Hexproof.Proofs.Hex2CheckFirst.strip (Definition)
inline hex2_check::hcheck strip(const hex2_check::hcheck& h) {
  const byte_map::t<rt::prod<rt::N, rt::N>>& m = h.hc_labels;
  const bool& al = h.hc_align;
  const rt::list<rt::prod<rt::N, common::bytes>>& w0 = h.hc_w0;
  const rt::list<rt::prod<rt::N, common::bytes>>& w1 = h.hc_w1;
  const rt::list<rt::prod<rt::N, common::bytes>>& w2 = h.hc_w2;
  const rt::list<rt::prod<rt::N, common::bytes>>& w3 = h.hc_w3;
  return hex2_check::hcheck::mk_hcheck(m, al, w0, w1, w2, w3, rt::list<quirks::quirk_use>::nil());
}

// Coq: Hexproof.Proofs.Hex2CheckFirst.scan_bytes_first (Fixpoint; its self tail calls are the loop)
inline hex2_check_first::hscan_first scan_bytes_first(rt::N k, const common::hex2_config& cfg, rt::N file, rt::N off, hex2_lex::lex_state st, common::bytes bs, first_uses::lasts a, hex2_check::hcheck h, first_uses::firsts f) {
  for (;;) {
    switch (bs.tag()) {
    case common::bytes::tag_t::nil: {
      first_uses::lasts a_ = first_uses::keep_lasts(k, quirks::push_uses(hex2_check::end_uses(file, off, st, rt::list<quirks::quirk_use>::nil()), rt::list<quirks::quirk_use>::nil()), a);
      common::result<rt::option<hex2_lex::token>> scrut = hex2_lex::lex_finish(file, st);
      switch (scrut.tag()) {
      case common::result<rt::option<hex2_lex::token>>::tag_t::Ok: {
        const auto& Ok_fields = scrut.as_Ok();
        const rt::option<hex2_lex::token>& o = Ok_fields.f0;
        switch (o.tag()) {
        case rt::option<hex2_lex::token>::tag_t::Some: {
          const auto& Some_fields = o.as_Some();
          const hex2_lex::token& t = Some_fields.f0;
          hex2_check::hcheck h_ = hex2_check::see_token(cfg, h, file, hex2_lex::token_offset(st, off), t);
          return hex2_check_first::hscan_first::mk_hscan_first(std::move(a_), hex2_check_first::strip(h_), first_uses::keep_firsts(k, quirks::push_uses(h_.hc_uses, rt::list<quirks::quirk_use>::nil()), std::move(f)), true);
        }
        case rt::option<hex2_lex::token>::tag_t::None: {
          return hex2_check_first::hscan_first::mk_hscan_first(std::move(a_), std::move(h), std::move(f), true);
        }
        }
        rt::impossible("no case matched in Hexproof.Proofs.Hex2CheckFirst.scan_bytes_first");
      }
      case common::result<rt::option<hex2_lex::token>>::tag_t::Err: {
        return hex2_check_first::hscan_first::mk_hscan_first(std::move(a_), std::move(h), std::move(f), false);
      }
      }
      rt::impossible("no case matched in Hexproof.Proofs.Hex2CheckFirst.scan_bytes_first");
    }
    case common::bytes::tag_t::cons: {
      auto cons_fields = bs.as_cons();
      common::byte& c = cons_fields.f0;
      rt::list<common::byte>& bs_ = cons_fields.f1;
      first_uses::lasts a__1 = first_uses::keep_lasts(k, hex2_check::byte_use(cfg, file, off, st, c, rt::list<quirks::quirk_use>::nil()), a);
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
          const hex2_lex::token& t_1 = Some_fields_1.f0;
          hex2_check::hcheck h__1 = hex2_check::see_token(cfg, h, file, hex2_lex::token_offset(st, off), t_1);
          rt::N next_off = rt::n_add(off, rt::N{1});
          hex2_lex::lex_state next_st = st_;
          common::bytes next_bs = std::move(bs_);
          first_uses::lasts next_a = std::move(a__1);
          hex2_check::hcheck next_h = hex2_check_first::strip(h__1);
          first_uses::firsts next_f = first_uses::keep_firsts(k, quirks::push_uses(h__1.hc_uses, rt::list<quirks::quirk_use>::nil()), std::move(f));
          off = std::move(next_off);
          st = std::move(next_st);
          bs = std::move(next_bs);
          a = std::move(next_a);
          h = std::move(next_h);
          f = std::move(next_f);
          continue;
        }
        case rt::option<hex2_lex::token>::tag_t::None: {
          rt::N next_off_1 = rt::n_add(off, rt::N{1});
          hex2_lex::lex_state next_st_1 = st_;
          common::bytes next_bs_1 = std::move(bs_);
          first_uses::lasts next_a_1 = std::move(a__1);
          off = std::move(next_off_1);
          st = std::move(next_st_1);
          bs = std::move(next_bs_1);
          a = std::move(next_a_1);
          continue;
        }
        }
        rt::impossible("no case matched in Hexproof.Proofs.Hex2CheckFirst.scan_bytes_first");
      }
      case hex2_lex::lex_result::tag_t::Err: {
        return hex2_check_first::hscan_first::mk_hscan_first(std::move(a__1), std::move(h), std::move(f), false);
      }
      }
      rt::impossible("no case matched in Hexproof.Proofs.Hex2CheckFirst.scan_bytes_first");
    }
    }
    rt::impossible("no case matched in Hexproof.Proofs.Hex2CheckFirst.scan_bytes_first");
  }
}

// Coq: Hexproof.Proofs.Hex2CheckFirst.scan_files_first (Fixpoint; its self tail calls are the loop)
inline rt::prod<rt::list<quirks::quirk_use>, rt::N> scan_files_first(rt::N k, const common::hex2_config& cfg, rt::N file, const rt::list<common::bytes>& inputs_in, first_uses::lasts a, hex2_check::hcheck h, first_uses::firsts f, bool ok) {
  const rt::list<common::bytes>* inputs = &inputs_in;
  for (;;) {
    switch ((*inputs).tag()) {
    case rt::list<common::bytes>::tag_t::nil: {
      if (ok) {
        return rt::prod<rt::list<quirks::quirk_use>, rt::N>::pair(first_uses::take_uses(k, quirks::push_uses(f.fi_kept, first_uses::lasts_list(a))), rt::n_add(f.fi_count, a.la_count));
      } else {
        return rt::prod<rt::list<quirks::quirk_use>, rt::N>::pair(first_uses::take_uses(k, first_uses::lasts_list(a)), a.la_count);
      }
    }
    case rt::list<common::bytes>::tag_t::cons: {
      const auto& cons_fields = (*inputs).as_cons();
      const common::bytes& bs = cons_fields.f0;
      const rt::list<common::bytes>& rest = cons_fields.f1;
      hex2_check_first::hscan_first scrut = hex2_check_first::scan_bytes_first(k, cfg, file, rt::N{0}, hex2_lex::lex_init(), bs, a, h, f);
      first_uses::lasts& a_ = scrut.hf_lasts;
      hex2_check::hcheck& h_ = scrut.hf_tokens;
      first_uses::firsts& f_ = scrut.hf_firsts;
      bool& ok_ = scrut.hf_ok;
      switch (rest.tag()) {
      case rt::list<common::bytes>::tag_t::nil: {
        rt::N next_file = rt::n_add(file, rt::N{1});
        const rt::list<common::bytes>* next_inputs = &rest;
        first_uses::lasts next_a = std::move(a_);
        hex2_check::hcheck next_h = std::move(h_);
        first_uses::firsts next_f = std::move(f_);
        bool next_ok = rt::andb(ok, ok_);
        file = std::move(next_file);
        inputs = std::move(next_inputs);
        a = std::move(next_a);
        h = std::move(next_h);
        f = std::move(next_f);
        ok = std::move(next_ok);
        continue;
      }
      case rt::list<common::bytes>::tag_t::cons: {
        hex2_check::hcheck e = hex2_check::end_of_file(file, h_);
        rt::N next_file_1 = rt::n_add(file, rt::N{1});
        const rt::list<common::bytes>* next_inputs_1 = &rest;
        first_uses::lasts next_a_1 = std::move(a_);
        hex2_check::hcheck next_h_1 = hex2_check_first::strip(e);
        first_uses::firsts next_f_1 = first_uses::keep_firsts(k, quirks::push_uses(e.hc_uses, rt::list<quirks::quirk_use>::nil()), std::move(f_));
        bool next_ok_1 = rt::andb(ok, ok_);
        file = std::move(next_file_1);
        inputs = std::move(next_inputs_1);
        a = std::move(next_a_1);
        h = std::move(next_h_1);
        f = std::move(next_f_1);
        ok = std::move(next_ok_1);
        continue;
      }
      }
      rt::impossible("no case matched in Hexproof.Proofs.Hex2CheckFirst.scan_files_first");
    }
    }
    rt::impossible("no case matched in Hexproof.Proofs.Hex2CheckFirst.scan_files_first");
  }
}

// Coq: Hexproof.Proofs.Hex2CheckFirst.check_first (Definition)
inline rt::prod<rt::list<quirks::quirk_use>, rt::N> check_first(const rt::N& k, const common::hex2_config& cfg, const rt::list<common::bytes>& inputs) {
  return hex2_check_first::scan_files_first(k, cfg, rt::N{0}, inputs, first_uses::lasts_empty(), hex2_check::hc_init(), first_uses::firsts_empty(), true);
}

}  // namespace hexproof::hex2_check_first
