// hex2_exec.hpp: the C++ printed from the Coq module Hexproof.Proofs.Hex2Exec.
//
// Generated; do not edit. Made by `extracted/regen.sh OUTDIR`, which runs: hexproof_printer --module Hexproof.Spec.Common --module Hexproof.Spec.Hex2Encode --module Hexproof.Spec.Hex2Lex --module Hexproof.Spec.Hex2Spec --module Hexproof.Spec.M1Eval --module Hexproof.Spec.M1Lex --module Hexproof.Spec.M1Spec --module Hexproof.Spec.Strtoint --module Hexproof.Proofs.ByteMap --module Hexproof.Proofs.Hex2Exec --module Hexproof.Proofs.M1Exec --module Hexproof.Proofs.OutBuf --out OUTDIR extraction.json
// Coq Hexproof.Proofs.Hex2Exec.x is C++ hexproof::hex2_exec::x. See extracted/SUBSET.md for the translation.
#pragma once

#include <cstdint>
#include <utility>

#include "coq_runtime.hpp"
#include "byte_map.hpp"
#include "common.hpp"
#include "hex2_encode.hpp"
#include "hex2_lex.hpp"
#include "hex2_spec.hpp"

namespace hexproof::hex2_exec {

// Coq: Hexproof.Proofs.Hex2Exec.label_map
using label_map = byte_map::t<rt::N>;

// Coq: Hexproof.Proofs.Hex2Exec.p1_token (Definition)
inline rt::prod<rt::N, hex2_exec::label_map> p1_token(const common::hex2_config& cfg, const rt::N& ip, const hex2_exec::label_map& m, const hex2_lex::token& t0) {
  switch (t0.tag()) {
  case hex2_lex::token::tag_t::tok_byte: {
    return rt::prod<rt::N, hex2_exec::label_map>::pair(hex2_spec::next_ip(cfg, ip, t0), m);
  }
  case hex2_lex::token::tag_t::tok_word: {
    return rt::prod<rt::N, hex2_exec::label_map>::pair(hex2_spec::next_ip(cfg, ip, t0), m);
  }
  case hex2_lex::token::tag_t::tok_label: {
    const auto& tok_label_fields = t0.as_tok_label();
    const common::bytes& n = tok_label_fields.f0;
    return rt::prod<rt::N, byte_map::t<rt::N>>::pair(hex2_spec::next_ip(cfg, ip, t0), byte_map::add<rt::N>(n, ip, m));
  }
  case hex2_lex::token::tag_t::tok_ref: {
    return rt::prod<rt::N, hex2_exec::label_map>::pair(hex2_spec::next_ip(cfg, ip, t0), m);
  }
  case hex2_lex::token::tag_t::tok_wref: {
    return rt::prod<rt::N, hex2_exec::label_map>::pair(hex2_spec::next_ip(cfg, ip, t0), m);
  }
  case hex2_lex::token::tag_t::tok_pad: {
    return rt::prod<rt::N, hex2_exec::label_map>::pair(hex2_spec::next_ip(cfg, ip, t0), m);
  }
  case hex2_lex::token::tag_t::tok_align: {
    return rt::prod<rt::N, hex2_exec::label_map>::pair(hex2_spec::next_ip(cfg, ip, t0), m);
  }
  }
  rt::impossible("no case matched in Hexproof.Proofs.Hex2Exec.p1_token");
}

// Coq: Hexproof.Proofs.Hex2Exec.p1_bytes (Fixpoint; its self tail calls are the loop)
inline common::result<rt::prod<rt::N, hex2_exec::label_map>> p1_bytes(common::hex2_config cfg, rt::N file, rt::N off, hex2_lex::lex_state st, common::bytes bs, rt::N ip, hex2_exec::label_map m) {
  for (;;) {
    switch (bs.tag()) {
    case common::bytes::tag_t::nil: {
      common::result<rt::option<hex2_lex::token>> scrut = hex2_lex::lex_finish(file, st);
      switch (scrut.tag()) {
      case common::result<rt::option<hex2_lex::token>>::tag_t::Ok: {
        const auto& Ok_fields = scrut.as_Ok();
        const rt::option<hex2_lex::token>& ot = Ok_fields.f0;
        switch (ot.tag()) {
        case rt::option<hex2_lex::token>::tag_t::Some: {
          const auto& Some_fields = ot.as_Some();
          const hex2_lex::token& t0 = Some_fields.f0;
          return common::result<rt::prod<rt::N, hex2_exec::label_map>>::Ok(hex2_exec::p1_token(cfg, ip, m, t0));
        }
        case rt::option<hex2_lex::token>::tag_t::None: {
          return common::result<rt::prod<rt::N, hex2_exec::label_map>>::Ok(rt::prod<rt::N, hex2_exec::label_map>::pair(ip, m));
        }
        }
        rt::impossible("no case matched in Hexproof.Proofs.Hex2Exec.p1_bytes");
      }
      case common::result<rt::option<hex2_lex::token>>::tag_t::Err: {
        const auto& Err_fields = scrut.as_Err();
        const common::error& e = Err_fields.f0;
        return common::result<rt::prod<rt::N, hex2_exec::label_map>>::Err(e);
      }
      }
      rt::impossible("no case matched in Hexproof.Proofs.Hex2Exec.p1_bytes");
    }
    case common::bytes::tag_t::cons: {
      const auto& cons_fields = bs.as_cons();
      const common::byte& c = cons_fields.f0;
      const rt::list<common::byte>& bs_ = cons_fields.f1;
      hex2_lex::lex_result scrut_1 = hex2_lex::lex_step(cfg, file, off, st, c);
      switch (scrut_1.tag()) {
      case hex2_lex::lex_result::tag_t::Ok: {
        const auto& Ok_fields_1 = scrut_1.as_Ok();
        const rt::prod<hex2_lex::lex_state, rt::option<hex2_lex::token>>& r = Ok_fields_1.f0;
        const hex2_lex::lex_state& st_ = r.f0;
        const rt::option<hex2_lex::token>& ot_1 = r.f1;
        switch (ot_1.tag()) {
        case rt::option<hex2_lex::token>::tag_t::Some: {
          const auto& Some_fields_1 = ot_1.as_Some();
          const hex2_lex::token& t0_1 = Some_fields_1.f0;
          rt::prod<rt::N, hex2_exec::label_map> scrut_2 = hex2_exec::p1_token(cfg, ip, m, t0_1);
          const rt::N& ip_ = scrut_2.f0;
          const hex2_exec::label_map& m_ = scrut_2.f1;
          rt::N next_off = rt::n_add(off, rt::N{1});
          hex2_lex::lex_state next_st = st_;
          common::bytes next_bs = bs_;
          rt::N next_ip = ip_;
          hex2_exec::label_map next_m = m_;
          off = std::move(next_off);
          st = std::move(next_st);
          bs = std::move(next_bs);
          ip = std::move(next_ip);
          m = std::move(next_m);
          continue;
        }
        case rt::option<hex2_lex::token>::tag_t::None: {
          rt::N next_off_1 = rt::n_add(off, rt::N{1});
          hex2_lex::lex_state next_st_1 = st_;
          common::bytes next_bs_1 = bs_;
          off = std::move(next_off_1);
          st = std::move(next_st_1);
          bs = std::move(next_bs_1);
          continue;
        }
        }
        rt::impossible("no case matched in Hexproof.Proofs.Hex2Exec.p1_bytes");
      }
      case hex2_lex::lex_result::tag_t::Err: {
        const auto& Err_fields_1 = scrut_1.as_Err();
        const common::error& e_1 = Err_fields_1.f0;
        return common::result<rt::prod<rt::N, hex2_exec::label_map>>::Err(e_1);
      }
      }
      rt::impossible("no case matched in Hexproof.Proofs.Hex2Exec.p1_bytes");
    }
    }
    rt::impossible("no case matched in Hexproof.Proofs.Hex2Exec.p1_bytes");
  }
}

// Coq: Hexproof.Proofs.Hex2Exec.p1_files (Fixpoint; its self tail calls are the loop)
inline common::result<rt::prod<rt::N, hex2_exec::label_map>> p1_files(common::hex2_config cfg, rt::N file, rt::list<common::bytes> inputs, rt::N ip, hex2_exec::label_map m) {
  for (;;) {
    switch (inputs.tag()) {
    case rt::list<common::bytes>::tag_t::nil: {
      return common::result<rt::prod<rt::N, hex2_exec::label_map>>::Ok(rt::prod<rt::N, hex2_exec::label_map>::pair(ip, m));
    }
    case rt::list<common::bytes>::tag_t::cons: {
      const auto& cons_fields = inputs.as_cons();
      const common::bytes& bs = cons_fields.f0;
      const rt::list<common::bytes>& rest = cons_fields.f1;
      common::result<rt::prod<rt::N, hex2_exec::label_map>> scrut = hex2_exec::p1_bytes(cfg, file, rt::N{0}, hex2_lex::lex_init(), bs, ip, m);
      switch (scrut.tag()) {
      case common::result<rt::prod<rt::N, hex2_exec::label_map>>::tag_t::Ok: {
        const auto& Ok_fields = scrut.as_Ok();
        const rt::prod<rt::N, hex2_exec::label_map>& r = Ok_fields.f0;
        const rt::N& ip_ = r.f0;
        const hex2_exec::label_map& m_ = r.f1;
        rt::N next_file = rt::n_add(file, rt::N{1});
        rt::list<common::bytes> next_inputs = rest;
        rt::N next_ip = ip_;
        hex2_exec::label_map next_m = m_;
        file = std::move(next_file);
        inputs = std::move(next_inputs);
        ip = std::move(next_ip);
        m = std::move(next_m);
        continue;
      }
      case common::result<rt::prod<rt::N, hex2_exec::label_map>>::tag_t::Err: {
        const auto& Err_fields = scrut.as_Err();
        const common::error& e = Err_fields.f0;
        return common::result<rt::prod<rt::N, hex2_exec::label_map>>::Err(e);
      }
      }
      rt::impossible("no case matched in Hexproof.Proofs.Hex2Exec.p1_files");
    }
    }
    rt::impossible("no case matched in Hexproof.Proofs.Hex2Exec.p1_files");
  }
}

// Coq: Hexproof.Proofs.Hex2Exec.push_bytes (Fixpoint; its self tail calls are the loop)
inline rt::outbuf push_bytes(rt::outbuf o, common::bytes bs) {
  for (;;) {
    switch (bs.tag()) {
    case common::bytes::tag_t::nil: {
      return o;
    }
    case common::bytes::tag_t::cons: {
      const auto& cons_fields = bs.as_cons();
      const common::byte& b = cons_fields.f0;
      const rt::list<common::byte>& bs_ = cons_fields.f1;
      rt::outbuf next_o = rt::out_push(o, b);
      common::bytes next_bs = bs_;
      o = std::move(next_o);
      bs = std::move(next_bs);
      continue;
    }
    }
    rt::impossible("no case matched in Hexproof.Proofs.Hex2Exec.push_bytes");
  }
}

// Coq: Hexproof.Proofs.Hex2Exec.resolve (Definition)
inline rt::option<rt::N> resolve(const hex2_exec::label_map& m, const rt::option<common::bytes>& name) {
  switch (name.tag()) {
  case rt::option<common::bytes>::tag_t::Some: {
    const auto& Some_fields = name.as_Some();
    const common::bytes& n = Some_fields.f0;
    return byte_map::find<rt::N>(n, m);
  }
  case rt::option<common::bytes>::tag_t::None: {
    return rt::option<rt::N>::None();
  }
  }
  rt::impossible("no case matched in Hexproof.Proofs.Hex2Exec.resolve");
}

// Coq: Hexproof.Proofs.Hex2Exec.p2_token (Definition)
inline common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>> p2_token(const common::hex2_config& cfg, const hex2_exec::label_map& m, const hex2_spec::emit_state& es, const rt::outbuf& o, const hex2_lex::token& t0) {
  switch (t0.tag()) {
  case hex2_lex::token::tag_t::tok_byte: {
    const auto& tok_byte_fields = t0.as_tok_byte();
    const rt::N& b = tok_byte_fields.f0;
    rt::N sr{};
    const rt::N& es_sr = es.f2;
    sr = es_sr;
    rt::N tmp{};
    const rt::N& es_ip = es.f0;
    tmp = es_ip;
    bool tmp_1{};
    const bool& es_aligned = es.f1;
    tmp_1 = es_aligned;
    return common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::Ok(rt::prod<hex2_spec::emit_state, rt::outbuf>::pair(hex2_spec::emit_state::mk_emit_state(hex2_encode::add32(tmp, rt::N{1}), tmp_1, rt::n_shiftr(sr, rt::N{8})), rt::out_push(o, rt::n_lxor(b, rt::n_land(sr, rt::N{255})))));
  }
  case hex2_lex::token::tag_t::tok_word: {
    common::result<rt::prod<hex2_spec::emit_state, common::bytes>> scrut = hex2_spec::emit_resolved(cfg, es, t0, hex2_exec::resolve(m, hex2_spec::ref_target(t0)), hex2_exec::resolve(m, hex2_spec::ref_base(t0)));
    switch (scrut.tag()) {
    case common::result<rt::prod<hex2_spec::emit_state, common::bytes>>::tag_t::Ok: {
      const auto& Ok_fields = scrut.as_Ok();
      const rt::prod<hex2_spec::emit_state, common::bytes>& r = Ok_fields.f0;
      const hex2_spec::emit_state& es_ = r.f0;
      const common::bytes& bs = r.f1;
      return common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::Ok(rt::prod<hex2_spec::emit_state, rt::outbuf>::pair(es_, hex2_exec::push_bytes(o, bs)));
    }
    case common::result<rt::prod<hex2_spec::emit_state, common::bytes>>::tag_t::Err: {
      const auto& Err_fields = scrut.as_Err();
      const common::error& e = Err_fields.f0;
      return common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::Err(e);
    }
    }
    rt::impossible("no case matched in Hexproof.Proofs.Hex2Exec.p2_token");
  }
  case hex2_lex::token::tag_t::tok_label: {
    common::result<rt::prod<hex2_spec::emit_state, common::bytes>> scrut_1 = hex2_spec::emit_resolved(cfg, es, t0, hex2_exec::resolve(m, hex2_spec::ref_target(t0)), hex2_exec::resolve(m, hex2_spec::ref_base(t0)));
    switch (scrut_1.tag()) {
    case common::result<rt::prod<hex2_spec::emit_state, common::bytes>>::tag_t::Ok: {
      const auto& Ok_fields_1 = scrut_1.as_Ok();
      const rt::prod<hex2_spec::emit_state, common::bytes>& r_1 = Ok_fields_1.f0;
      const hex2_spec::emit_state& es__1 = r_1.f0;
      const common::bytes& bs_1 = r_1.f1;
      return common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::Ok(rt::prod<hex2_spec::emit_state, rt::outbuf>::pair(es__1, hex2_exec::push_bytes(o, bs_1)));
    }
    case common::result<rt::prod<hex2_spec::emit_state, common::bytes>>::tag_t::Err: {
      const auto& Err_fields_1 = scrut_1.as_Err();
      const common::error& e_1 = Err_fields_1.f0;
      return common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::Err(e_1);
    }
    }
    rt::impossible("no case matched in Hexproof.Proofs.Hex2Exec.p2_token");
  }
  case hex2_lex::token::tag_t::tok_ref: {
    common::result<rt::prod<hex2_spec::emit_state, common::bytes>> scrut_2 = hex2_spec::emit_resolved(cfg, es, t0, hex2_exec::resolve(m, hex2_spec::ref_target(t0)), hex2_exec::resolve(m, hex2_spec::ref_base(t0)));
    switch (scrut_2.tag()) {
    case common::result<rt::prod<hex2_spec::emit_state, common::bytes>>::tag_t::Ok: {
      const auto& Ok_fields_2 = scrut_2.as_Ok();
      const rt::prod<hex2_spec::emit_state, common::bytes>& r_2 = Ok_fields_2.f0;
      const hex2_spec::emit_state& es__2 = r_2.f0;
      const common::bytes& bs_2 = r_2.f1;
      return common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::Ok(rt::prod<hex2_spec::emit_state, rt::outbuf>::pair(es__2, hex2_exec::push_bytes(o, bs_2)));
    }
    case common::result<rt::prod<hex2_spec::emit_state, common::bytes>>::tag_t::Err: {
      const auto& Err_fields_2 = scrut_2.as_Err();
      const common::error& e_2 = Err_fields_2.f0;
      return common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::Err(e_2);
    }
    }
    rt::impossible("no case matched in Hexproof.Proofs.Hex2Exec.p2_token");
  }
  case hex2_lex::token::tag_t::tok_wref: {
    common::result<rt::prod<hex2_spec::emit_state, common::bytes>> scrut_3 = hex2_spec::emit_resolved(cfg, es, t0, hex2_exec::resolve(m, hex2_spec::ref_target(t0)), hex2_exec::resolve(m, hex2_spec::ref_base(t0)));
    switch (scrut_3.tag()) {
    case common::result<rt::prod<hex2_spec::emit_state, common::bytes>>::tag_t::Ok: {
      const auto& Ok_fields_3 = scrut_3.as_Ok();
      const rt::prod<hex2_spec::emit_state, common::bytes>& r_3 = Ok_fields_3.f0;
      const hex2_spec::emit_state& es__3 = r_3.f0;
      const common::bytes& bs_3 = r_3.f1;
      return common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::Ok(rt::prod<hex2_spec::emit_state, rt::outbuf>::pair(es__3, hex2_exec::push_bytes(o, bs_3)));
    }
    case common::result<rt::prod<hex2_spec::emit_state, common::bytes>>::tag_t::Err: {
      const auto& Err_fields_3 = scrut_3.as_Err();
      const common::error& e_3 = Err_fields_3.f0;
      return common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::Err(e_3);
    }
    }
    rt::impossible("no case matched in Hexproof.Proofs.Hex2Exec.p2_token");
  }
  case hex2_lex::token::tag_t::tok_pad: {
    common::result<rt::prod<hex2_spec::emit_state, common::bytes>> scrut_4 = hex2_spec::emit_resolved(cfg, es, t0, hex2_exec::resolve(m, hex2_spec::ref_target(t0)), hex2_exec::resolve(m, hex2_spec::ref_base(t0)));
    switch (scrut_4.tag()) {
    case common::result<rt::prod<hex2_spec::emit_state, common::bytes>>::tag_t::Ok: {
      const auto& Ok_fields_4 = scrut_4.as_Ok();
      const rt::prod<hex2_spec::emit_state, common::bytes>& r_4 = Ok_fields_4.f0;
      const hex2_spec::emit_state& es__4 = r_4.f0;
      const common::bytes& bs_4 = r_4.f1;
      return common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::Ok(rt::prod<hex2_spec::emit_state, rt::outbuf>::pair(es__4, hex2_exec::push_bytes(o, bs_4)));
    }
    case common::result<rt::prod<hex2_spec::emit_state, common::bytes>>::tag_t::Err: {
      const auto& Err_fields_4 = scrut_4.as_Err();
      const common::error& e_4 = Err_fields_4.f0;
      return common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::Err(e_4);
    }
    }
    rt::impossible("no case matched in Hexproof.Proofs.Hex2Exec.p2_token");
  }
  case hex2_lex::token::tag_t::tok_align: {
    common::result<rt::prod<hex2_spec::emit_state, common::bytes>> scrut_5 = hex2_spec::emit_resolved(cfg, es, t0, hex2_exec::resolve(m, hex2_spec::ref_target(t0)), hex2_exec::resolve(m, hex2_spec::ref_base(t0)));
    switch (scrut_5.tag()) {
    case common::result<rt::prod<hex2_spec::emit_state, common::bytes>>::tag_t::Ok: {
      const auto& Ok_fields_5 = scrut_5.as_Ok();
      const rt::prod<hex2_spec::emit_state, common::bytes>& r_5 = Ok_fields_5.f0;
      const hex2_spec::emit_state& es__5 = r_5.f0;
      const common::bytes& bs_5 = r_5.f1;
      return common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::Ok(rt::prod<hex2_spec::emit_state, rt::outbuf>::pair(es__5, hex2_exec::push_bytes(o, bs_5)));
    }
    case common::result<rt::prod<hex2_spec::emit_state, common::bytes>>::tag_t::Err: {
      const auto& Err_fields_5 = scrut_5.as_Err();
      const common::error& e_5 = Err_fields_5.f0;
      return common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::Err(e_5);
    }
    }
    rt::impossible("no case matched in Hexproof.Proofs.Hex2Exec.p2_token");
  }
  }
  rt::impossible("no case matched in Hexproof.Proofs.Hex2Exec.p2_token");
}

// Coq: Hexproof.Proofs.Hex2Exec.p2_bytes (Fixpoint; its self tail calls are the loop)
inline common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>> p2_bytes(common::hex2_config cfg, hex2_exec::label_map m, rt::N file, rt::N off, hex2_lex::lex_state st, common::bytes bs, hex2_spec::emit_state es, rt::outbuf o) {
  for (;;) {
    switch (bs.tag()) {
    case common::bytes::tag_t::nil: {
      common::result<rt::option<hex2_lex::token>> scrut = hex2_lex::lex_finish(file, st);
      switch (scrut.tag()) {
      case common::result<rt::option<hex2_lex::token>>::tag_t::Ok: {
        const auto& Ok_fields = scrut.as_Ok();
        const rt::option<hex2_lex::token>& ot = Ok_fields.f0;
        switch (ot.tag()) {
        case rt::option<hex2_lex::token>::tag_t::Some: {
          const auto& Some_fields = ot.as_Some();
          const hex2_lex::token& t0 = Some_fields.f0;
          return hex2_exec::p2_token(cfg, m, es, o, t0);
        }
        case rt::option<hex2_lex::token>::tag_t::None: {
          return common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::Ok(rt::prod<hex2_spec::emit_state, rt::outbuf>::pair(es, o));
        }
        }
        rt::impossible("no case matched in Hexproof.Proofs.Hex2Exec.p2_bytes");
      }
      case common::result<rt::option<hex2_lex::token>>::tag_t::Err: {
        const auto& Err_fields = scrut.as_Err();
        const common::error& e = Err_fields.f0;
        return common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::Err(e);
      }
      }
      rt::impossible("no case matched in Hexproof.Proofs.Hex2Exec.p2_bytes");
    }
    case common::bytes::tag_t::cons: {
      const auto& cons_fields = bs.as_cons();
      const common::byte& c = cons_fields.f0;
      const rt::list<common::byte>& bs_ = cons_fields.f1;
      hex2_lex::lex_result scrut_1 = hex2_lex::lex_step(cfg, file, off, st, c);
      switch (scrut_1.tag()) {
      case hex2_lex::lex_result::tag_t::Ok: {
        const auto& Ok_fields_1 = scrut_1.as_Ok();
        const rt::prod<hex2_lex::lex_state, rt::option<hex2_lex::token>>& r = Ok_fields_1.f0;
        const hex2_lex::lex_state& st_ = r.f0;
        const rt::option<hex2_lex::token>& ot_1 = r.f1;
        switch (ot_1.tag()) {
        case rt::option<hex2_lex::token>::tag_t::Some: {
          const auto& Some_fields_1 = ot_1.as_Some();
          const hex2_lex::token& t0_1 = Some_fields_1.f0;
          common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>> scrut_2 = hex2_exec::p2_token(cfg, m, es, o, t0_1);
          switch (scrut_2.tag()) {
          case common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::tag_t::Ok: {
            const auto& Ok_fields_2 = scrut_2.as_Ok();
            const rt::prod<hex2_spec::emit_state, rt::outbuf>& r2 = Ok_fields_2.f0;
            const hex2_spec::emit_state& es_ = r2.f0;
            const rt::outbuf& o_ = r2.f1;
            rt::N next_off = rt::n_add(off, rt::N{1});
            hex2_lex::lex_state next_st = st_;
            common::bytes next_bs = bs_;
            hex2_spec::emit_state next_es = es_;
            rt::outbuf next_o = o_;
            off = std::move(next_off);
            st = std::move(next_st);
            bs = std::move(next_bs);
            es = std::move(next_es);
            o = std::move(next_o);
            continue;
          }
          case common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::tag_t::Err: {
            const auto& Err_fields_1 = scrut_2.as_Err();
            const common::error& e_1 = Err_fields_1.f0;
            return common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::Err(e_1);
          }
          }
          rt::impossible("no case matched in Hexproof.Proofs.Hex2Exec.p2_bytes");
        }
        case rt::option<hex2_lex::token>::tag_t::None: {
          rt::N next_off_1 = rt::n_add(off, rt::N{1});
          hex2_lex::lex_state next_st_1 = st_;
          common::bytes next_bs_1 = bs_;
          off = std::move(next_off_1);
          st = std::move(next_st_1);
          bs = std::move(next_bs_1);
          continue;
        }
        }
        rt::impossible("no case matched in Hexproof.Proofs.Hex2Exec.p2_bytes");
      }
      case hex2_lex::lex_result::tag_t::Err: {
        const auto& Err_fields_2 = scrut_1.as_Err();
        const common::error& e_2 = Err_fields_2.f0;
        return common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::Err(e_2);
      }
      }
      rt::impossible("no case matched in Hexproof.Proofs.Hex2Exec.p2_bytes");
    }
    }
    rt::impossible("no case matched in Hexproof.Proofs.Hex2Exec.p2_bytes");
  }
}

// Coq: Hexproof.Proofs.Hex2Exec.p2_files (Fixpoint; its self tail calls are the loop)
inline common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>> p2_files(common::hex2_config cfg, hex2_exec::label_map m, rt::N file, rt::list<common::bytes> inputs, hex2_spec::emit_state es, rt::outbuf o) {
  for (;;) {
    switch (inputs.tag()) {
    case rt::list<common::bytes>::tag_t::nil: {
      return common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::Ok(rt::prod<hex2_spec::emit_state, rt::outbuf>::pair(es, o));
    }
    case rt::list<common::bytes>::tag_t::cons: {
      const auto& cons_fields = inputs.as_cons();
      const common::bytes& bs = cons_fields.f0;
      const rt::list<common::bytes>& rest = cons_fields.f1;
      common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>> scrut = hex2_exec::p2_bytes(cfg, m, file, rt::N{0}, hex2_lex::lex_init(), bs, es, o);
      switch (scrut.tag()) {
      case common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::tag_t::Ok: {
        const auto& Ok_fields = scrut.as_Ok();
        const rt::prod<hex2_spec::emit_state, rt::outbuf>& r = Ok_fields.f0;
        const hex2_spec::emit_state& es_ = r.f0;
        const rt::outbuf& o_ = r.f1;
        rt::N next_file = rt::n_add(file, rt::N{1});
        rt::list<common::bytes> next_inputs = rest;
        hex2_spec::emit_state next_es = es_;
        rt::outbuf next_o = o_;
        file = std::move(next_file);
        inputs = std::move(next_inputs);
        es = std::move(next_es);
        o = std::move(next_o);
        continue;
      }
      case common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::tag_t::Err: {
        const auto& Err_fields = scrut.as_Err();
        const common::error& e = Err_fields.f0;
        return common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::Err(e);
      }
      }
      rt::impossible("no case matched in Hexproof.Proofs.Hex2Exec.p2_files");
    }
    }
    rt::impossible("no case matched in Hexproof.Proofs.Hex2Exec.p2_files");
  }
}

// Coq: Hexproof.Proofs.Hex2Exec.link (Definition)
inline common::result<common::bytes> link(const common::hex2_config& cfg, const rt::list<common::bytes>& inputs) {
  rt::N ip0 = hex2_spec::base_ip(cfg);
  common::result<rt::prod<rt::N, hex2_exec::label_map>> scrut = hex2_exec::p1_files(cfg, rt::N{0}, inputs, ip0, byte_map::empty<rt::N>());
  switch (scrut.tag()) {
  case common::result<rt::prod<rt::N, hex2_exec::label_map>>::tag_t::Ok: {
    const auto& Ok_fields = scrut.as_Ok();
    const rt::prod<rt::N, hex2_exec::label_map>& r = Ok_fields.f0;
    const hex2_exec::label_map& m = r.f1;
    common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>> scrut_1 = hex2_exec::p2_files(cfg, m, rt::N{0}, inputs, hex2_spec::emit_state::mk_emit_state(ip0, false, rt::N{0}), rt::out_empty());
    switch (scrut_1.tag()) {
    case common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::tag_t::Ok: {
      const auto& Ok_fields_1 = scrut_1.as_Ok();
      const rt::prod<hex2_spec::emit_state, rt::outbuf>& r2 = Ok_fields_1.f0;
      const rt::outbuf& o = r2.f1;
      return common::result<rt::list<rt::N>>::Ok(rt::out_contents(o));
    }
    case common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::tag_t::Err: {
      const auto& Err_fields = scrut_1.as_Err();
      const common::error& e = Err_fields.f0;
      return common::result<rt::list<rt::N>>::Err(e);
    }
    }
    rt::impossible("no case matched in Hexproof.Proofs.Hex2Exec.link");
  }
  case common::result<rt::prod<rt::N, hex2_exec::label_map>>::tag_t::Err: {
    const auto& Err_fields_1 = scrut.as_Err();
    const common::error& e_1 = Err_fields_1.f0;
    return common::result<rt::list<rt::N>>::Err(e_1);
  }
  }
  rt::impossible("no case matched in Hexproof.Proofs.Hex2Exec.link");
}

}  // namespace hexproof::hex2_exec
