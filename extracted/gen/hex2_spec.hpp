// hex2_spec.hpp: the C++ printed from the Coq module Hexproof.Spec.Hex2Spec.
//
// Generated; do not edit. Made by `extracted/regen.sh OUTDIR`, which runs: hexproof_printer --module Hexproof.Spec.CommandLine --module Hexproof.Spec.Common --module Hexproof.Spec.Hex2Encode --module Hexproof.Spec.Hex2Lex --module Hexproof.Spec.Hex2Spec --module Hexproof.Spec.M1Eval --module Hexproof.Spec.M1Lex --module Hexproof.Spec.M1Spec --module Hexproof.Spec.Quirks --module Hexproof.Spec.Strtoint --module Hexproof.Proofs.ByteMap --module Hexproof.Proofs.FirstUses --module Hexproof.Proofs.Hex2Check --module Hexproof.Proofs.Hex2CheckFirst --module Hexproof.Proofs.Hex2Exec --module Hexproof.Proofs.M1Check --module Hexproof.Proofs.M1CheckFirst --module Hexproof.Proofs.M1Exec --module Hexproof.Proofs.OutBuf --fields Extract.v --out OUTDIR extraction.json
// Coq Hexproof.Spec.Hex2Spec.x is C++ hexproof::hex2_spec::x. See extracted/SUBSET.md for the translation.
#pragma once

#include <cstdint>
#include <utility>

#include "coq_runtime.hpp"
#include "common.hpp"
#include "hex2_encode.hpp"
#include "hex2_lex.hpp"

namespace hexproof::hex2_spec {

struct emit_state;

// Coq: Hexproof.Spec.Hex2Spec.emit_state
struct emit_state {
  rt::N es_ip{};
  bool es_aligned{};
  rt::N es_sr{};
  static emit_state mk_emit_state(rt::N a0, bool a1, rt::N a2);
};

inline emit_state emit_state::mk_emit_state(rt::N a0, bool a1, rt::N a2) { return emit_state{std::move(a0), std::move(a1), std::move(a2)}; }

// Coq: Hexproof.Spec.Hex2Spec.token_size (Definition)
inline rt::N token_size(const common::hex2_config& cfg, const rt::N& ip, const hex2_lex::token& t) {
  switch (t.tag()) {
  case hex2_lex::token::tag_t::tok_byte: {
    return rt::N{1};
  }
  case hex2_lex::token::tag_t::tok_word: {
    return rt::N{0};
  }
  case hex2_lex::token::tag_t::tok_label: {
    return rt::N{0};
  }
  case hex2_lex::token::tag_t::tok_ref: {
    const auto& tok_ref_fields = t.as_tok_ref();
    const hex2_lex::ref_kind& k = tok_ref_fields.f0;
    return hex2_lex::ref_size(k);
  }
  case hex2_lex::token::tag_t::tok_wref: {
    return rt::N{0};
  }
  case hex2_lex::token::tag_t::tok_pad: {
    return hex2_encode::pad_size(cfg.h2_arch, ip);
  }
  case hex2_lex::token::tag_t::tok_align: {
    return rt::N{0};
  }
  }
  rt::fatal("no case matched in Hexproof.Spec.Hex2Spec.token_size");
}

// Coq: Hexproof.Spec.Hex2Spec.next_ip (Definition)
inline rt::N next_ip(const common::hex2_config& cfg, const rt::N& ip, const hex2_lex::token& t) {
  return hex2_encode::add32(ip, hex2_spec::token_size(cfg, ip, t));
}

// Coq: Hexproof.Spec.Hex2Spec.emit_error (Definition)
inline common::error emit_error(const common::error_kind& k, const rt::N& file, const rt::N& pos, const rt::Z& v, const common::bytes& subject) {
  return common::error::mk_error(k, file, pos, v, subject);
}

// Coq: Hexproof.Spec.Hex2Spec.emit_resolved (Definition)
inline common::result<rt::prod<hex2_spec::emit_state, common::bytes>> emit_resolved(const common::hex2_config& cfg, const hex2_spec::emit_state& es, const hex2_lex::token& t, const rt::option<rt::N>& tgt, const rt::option<rt::N>& bse) {
  rt::N ip = es.es_ip;
  bool aligned = es.es_aligned;
  rt::N sr = es.es_sr;
  switch (t.tag()) {
  case hex2_lex::token::tag_t::tok_byte: {
    const auto& tok_byte_fields = t.as_tok_byte();
    const rt::N& b = tok_byte_fields.f0;
    return common::result<rt::prod<hex2_spec::emit_state, rt::list<rt::N>>>::Ok(rt::prod<hex2_spec::emit_state, rt::list<rt::N>>::pair(hex2_spec::emit_state::mk_emit_state(hex2_encode::add32(ip, rt::N{1}), aligned, rt::n_shiftr(sr, rt::N{8})), rt::list<rt::N>::cons(rt::n_lxor(b, rt::n_land(sr, rt::N{255})), rt::list<rt::N>::nil())));
  }
  case hex2_lex::token::tag_t::tok_word: {
    const auto& tok_word_fields = t.as_tok_word();
    const rt::N& w = tok_word_fields.f0;
    return common::result<rt::prod<hex2_spec::emit_state, rt::list<rt::N>>>::Ok(rt::prod<hex2_spec::emit_state, rt::list<rt::N>>::pair(hex2_spec::emit_state::mk_emit_state(ip, aligned, rt::n_lxor(sr, hex2_encode::word_swap(cfg.h2_big_endian, w))), rt::list<rt::N>::nil()));
  }
  case hex2_lex::token::tag_t::tok_label: {
    return common::result<rt::prod<hex2_spec::emit_state, rt::list<rt::N>>>::Ok(rt::prod<hex2_spec::emit_state, rt::list<rt::N>>::pair(es, rt::list<rt::N>::nil()));
  }
  case hex2_lex::token::tag_t::tok_ref: {
    const auto& tok_ref_fields = t.as_tok_ref();
    const hex2_lex::ref_kind& k = tok_ref_fields.f0;
    const rt::N& file = tok_ref_fields.f1;
    const rt::N& pos = tok_ref_fields.f2;
    const common::bytes& name = tok_ref_fields.f3;
    const rt::option<rt::prod<common::bytes, rt::N>>& base = tok_ref_fields.f4;
    rt::N ip_ = hex2_encode::add32(ip, hex2_lex::ref_size(k));
    switch (tgt.tag()) {
    case rt::option<rt::N>::tag_t::Some: {
      const auto& Some_fields = tgt.as_Some();
      const rt::N& ta = Some_fields.f0;
      common::result<rt::prod<rt::Z, bool>> checked{};
      switch (base.tag()) {
      case rt::option<rt::prod<common::bytes, rt::N>>::tag_t::Some: {
        const auto& Some_fields_1 = base.as_Some();
        const rt::prod<common::bytes, rt::N>& p = Some_fields_1.f0;
        const common::bytes& bname = p.f0;
        const rt::N& bpos = p.f1;
        switch (bse.tag()) {
        case rt::option<rt::N>::tag_t::Some: {
          const auto& Some_fields_2 = bse.as_Some();
          const rt::N& ba = Some_fields_2.f0;
          checked = common::result<rt::prod<rt::Z, bool>>::Ok(rt::prod<rt::Z, bool>::pair(common::wrap32(rt::z_sub(rt::z_of_n(ta), rt::z_of_n(ba))), aligned));
          break;
        }
        case rt::option<rt::N>::tag_t::None: {
          checked = common::result<rt::prod<rt::Z, bool>>::Err(hex2_spec::emit_error(common::error_kind::undefined_label, file, bpos, rt::Z{0}, bname));
          break;
        }
        }
        break;
      }
      case rt::option<rt::prod<common::bytes, rt::N>>::tag_t::None: {
        rt::option<rt::prod<rt::Z, bool>> scrut = hex2_encode::arch_displacement(cfg.h2_arch, aligned, ta, ip_);
        switch (scrut.tag()) {
        case rt::option<rt::prod<rt::Z, bool>>::tag_t::Some: {
          const auto& Some_fields_3 = scrut.as_Some();
          const rt::prod<rt::Z, bool>& p_1 = Some_fields_3.f0;
          checked = common::result<rt::prod<rt::Z, bool>>::Ok(p_1);
          break;
        }
        case rt::option<rt::prod<rt::Z, bool>>::tag_t::None: {
          checked = common::result<rt::prod<rt::Z, bool>>::Err(hex2_spec::emit_error(common::error_kind::unaligned_branch_target, file, pos, rt::Z{0}, name));
          break;
        }
        }
        break;
      }
      }
      switch (checked.tag()) {
      case common::result<rt::prod<rt::Z, bool>>::tag_t::Ok: {
        const auto& Ok_fields = checked.as_Ok();
        const rt::prod<rt::Z, bool>& p_2 = Ok_fields.f0;
        const rt::Z& d = p_2.f0;
        const bool& aligned_ = p_2.f1;
        rt::Z v{};
        bool scrut_1 = hex2_lex::ref_absolute(k);
        if (scrut_1) {
          v = hex2_encode::s32(ta);
        } else {
          v = d;
        }
        bool scrut_2 = hex2_encode::ref_fits(k, v);
        if (scrut_2) {
          return common::result<rt::prod<hex2_spec::emit_state, common::bytes>>::Ok(rt::prod<hex2_spec::emit_state, common::bytes>::pair(hex2_spec::emit_state::mk_emit_state(ip_, aligned_, sr), hex2_encode::field_bytes(cfg.h2_big_endian, k, v)));
        } else {
          return common::result<rt::prod<hex2_spec::emit_state, common::bytes>>::Err(hex2_spec::emit_error(common::error_kind::displacement_out_of_range, file, pos, v, rt::list<common::byte>::nil()));
        }
      }
      case common::result<rt::prod<rt::Z, bool>>::tag_t::Err: {
        const auto& Err_fields = checked.as_Err();
        const common::error& e = Err_fields.f0;
        return common::result<rt::prod<hex2_spec::emit_state, common::bytes>>::Err(e);
      }
      }
      rt::fatal("no case matched in Hexproof.Spec.Hex2Spec.emit_resolved");
    }
    case rt::option<rt::N>::tag_t::None: {
      return common::result<rt::prod<hex2_spec::emit_state, common::bytes>>::Err(hex2_spec::emit_error(common::error_kind::undefined_label, file, rt::n_add(pos, rt::N{1}), rt::Z{0}, name));
    }
    }
    rt::fatal("no case matched in Hexproof.Spec.Hex2Spec.emit_resolved");
  }
  case hex2_lex::token::tag_t::tok_wref: {
    const auto& tok_wref_fields = t.as_tok_wref();
    const hex2_lex::ref_kind& k_1 = tok_wref_fields.f0;
    const rt::N& file_1 = tok_wref_fields.f1;
    const rt::N& pos_1 = tok_wref_fields.f2;
    const common::bytes& name_1 = tok_wref_fields.f3;
    switch (tgt.tag()) {
    case rt::option<rt::N>::tag_t::Some: {
      const auto& Some_fields_4 = tgt.as_Some();
      const rt::N& ta_1 = Some_fields_4.f0;
      rt::option<rt::prod<rt::Z, bool>> scrut_3 = hex2_encode::arch_displacement(cfg.h2_arch, aligned, ta_1, ip);
      switch (scrut_3.tag()) {
      case rt::option<rt::prod<rt::Z, bool>>::tag_t::Some: {
        const auto& Some_fields_5 = scrut_3.as_Some();
        const rt::prod<rt::Z, bool>& p_3 = Some_fields_5.f0;
        const rt::Z& d_1 = p_3.f0;
        const bool& aligned__1 = p_3.f1;
        rt::option<rt::N> scrut_4 = hex2_encode::riscv_field(k_1, d_1);
        switch (scrut_4.tag()) {
        case rt::option<rt::N>::tag_t::Some: {
          const auto& Some_fields_6 = scrut_4.as_Some();
          const rt::N& f = Some_fields_6.f0;
          return common::result<rt::prod<hex2_spec::emit_state, rt::list<rt::N>>>::Ok(rt::prod<hex2_spec::emit_state, rt::list<rt::N>>::pair(hex2_spec::emit_state::mk_emit_state(ip, aligned__1, rt::n_lxor(sr, f)), rt::list<rt::N>::nil()));
        }
        case rt::option<rt::N>::tag_t::None: {
          return common::result<rt::prod<hex2_spec::emit_state, rt::list<rt::N>>>::Err(hex2_spec::emit_error(common::error_kind::riscv_field_out_of_range, file_1, pos_1, d_1, rt::list<common::byte>::nil()));
        }
        }
        rt::fatal("no case matched in Hexproof.Spec.Hex2Spec.emit_resolved");
      }
      case rt::option<rt::prod<rt::Z, bool>>::tag_t::None: {
        return common::result<rt::prod<hex2_spec::emit_state, rt::list<rt::N>>>::Err(hex2_spec::emit_error(common::error_kind::unaligned_branch_target, file_1, pos_1, rt::Z{0}, name_1));
      }
      }
      rt::fatal("no case matched in Hexproof.Spec.Hex2Spec.emit_resolved");
    }
    case rt::option<rt::N>::tag_t::None: {
      return common::result<rt::prod<hex2_spec::emit_state, rt::list<rt::N>>>::Err(hex2_spec::emit_error(common::error_kind::undefined_label, file_1, rt::n_add(pos_1, rt::N{1}), rt::Z{0}, name_1));
    }
    }
    rt::fatal("no case matched in Hexproof.Spec.Hex2Spec.emit_resolved");
  }
  case hex2_lex::token::tag_t::tok_pad: {
    rt::N n = hex2_encode::pad_size(cfg.h2_arch, ip);
    rt::list<rt::N> tmp{};
    bool scrut_5 = rt::n_eqb(n, rt::N{1});
    if (scrut_5) {
      tmp = rt::list<rt::N>::cons(rt::N{0}, rt::list<rt::N>::nil());
    } else {
      bool scrut_6 = rt::n_eqb(n, rt::N{2});
      if (scrut_6) {
        tmp = rt::list<rt::N>::cons(rt::N{0}, rt::list<rt::N>::cons(rt::N{0}, rt::list<rt::N>::nil()));
      } else {
        bool scrut_7 = rt::n_eqb(n, rt::N{3});
        if (scrut_7) {
          tmp = rt::list<rt::N>::cons(rt::N{0}, rt::list<rt::N>::cons(rt::N{0}, rt::list<rt::N>::cons(rt::N{0}, rt::list<rt::N>::nil())));
        } else {
          tmp = rt::list<rt::N>::nil();
        }
      }
    }
    return common::result<rt::prod<hex2_spec::emit_state, rt::list<rt::N>>>::Ok(rt::prod<hex2_spec::emit_state, rt::list<rt::N>>::pair(hex2_spec::emit_state::mk_emit_state(hex2_encode::add32(ip, n), aligned, sr), tmp));
  }
  case hex2_lex::token::tag_t::tok_align: {
    return common::result<rt::prod<hex2_spec::emit_state, rt::list<rt::N>>>::Ok(rt::prod<hex2_spec::emit_state, rt::list<rt::N>>::pair(hex2_spec::emit_state::mk_emit_state(ip, true, sr), rt::list<rt::N>::nil()));
  }
  }
  rt::fatal("no case matched in Hexproof.Spec.Hex2Spec.emit_resolved");
}

// Coq: Hexproof.Spec.Hex2Spec.ref_target (Definition)
inline rt::option<common::bytes> ref_target(const hex2_lex::token& t) {
  switch (t.tag()) {
  case hex2_lex::token::tag_t::tok_byte: {
    return rt::option<common::bytes>::None();
  }
  case hex2_lex::token::tag_t::tok_word: {
    return rt::option<common::bytes>::None();
  }
  case hex2_lex::token::tag_t::tok_label: {
    return rt::option<common::bytes>::None();
  }
  case hex2_lex::token::tag_t::tok_ref: {
    const auto& tok_ref_fields = t.as_tok_ref();
    const common::bytes& n = tok_ref_fields.f3;
    return rt::option<common::bytes>::Some(n);
  }
  case hex2_lex::token::tag_t::tok_wref: {
    const auto& tok_wref_fields = t.as_tok_wref();
    const common::bytes& n_1 = tok_wref_fields.f3;
    return rt::option<common::bytes>::Some(n_1);
  }
  case hex2_lex::token::tag_t::tok_pad: {
    return rt::option<common::bytes>::None();
  }
  case hex2_lex::token::tag_t::tok_align: {
    return rt::option<common::bytes>::None();
  }
  }
  rt::fatal("no case matched in Hexproof.Spec.Hex2Spec.ref_target");
}

// Coq: Hexproof.Spec.Hex2Spec.ref_base (Definition)
inline rt::option<common::bytes> ref_base(const hex2_lex::token& t) {
  switch (t.tag()) {
  case hex2_lex::token::tag_t::tok_byte: {
    return rt::option<common::bytes>::None();
  }
  case hex2_lex::token::tag_t::tok_word: {
    return rt::option<common::bytes>::None();
  }
  case hex2_lex::token::tag_t::tok_label: {
    return rt::option<common::bytes>::None();
  }
  case hex2_lex::token::tag_t::tok_ref: {
    const auto& tok_ref_fields = t.as_tok_ref();
    const rt::option<rt::prod<common::bytes, rt::N>>& base = tok_ref_fields.f4;
    switch (base.tag()) {
    case rt::option<rt::prod<common::bytes, rt::N>>::tag_t::Some: {
      const auto& Some_fields = base.as_Some();
      const rt::prod<common::bytes, rt::N>& p = Some_fields.f0;
      const common::bytes& n = p.f0;
      return rt::option<common::bytes>::Some(n);
    }
    case rt::option<rt::prod<common::bytes, rt::N>>::tag_t::None: {
      return rt::option<common::bytes>::None();
    }
    }
    rt::fatal("no case matched in Hexproof.Spec.Hex2Spec.ref_base");
  }
  case hex2_lex::token::tag_t::tok_wref: {
    return rt::option<common::bytes>::None();
  }
  case hex2_lex::token::tag_t::tok_pad: {
    return rt::option<common::bytes>::None();
  }
  case hex2_lex::token::tag_t::tok_align: {
    return rt::option<common::bytes>::None();
  }
  }
  rt::fatal("no case matched in Hexproof.Spec.Hex2Spec.ref_base");
}

// Coq: Hexproof.Spec.Hex2Spec.reads_align (Definition)
inline bool reads_align(const common::architecture& a) {
  switch (a) {
  case common::architecture::knight: {
    return false;
  }
  case common::architecture::x86: {
    return false;
  }
  case common::architecture::amd64: {
    return false;
  }
  case common::architecture::armv7l: {
    return true;
  }
  case common::architecture::aarch64: {
    return true;
  }
  case common::architecture::ppc64le: {
    return true;
  }
  case common::architecture::riscv32: {
    return false;
  }
  case common::architecture::riscv64: {
    return false;
  }
  }
  rt::fatal("no case matched in Hexproof.Spec.Hex2Spec.reads_align");
}

// Coq: Hexproof.Spec.Hex2Spec.base_ip (Definition)
inline rt::N base_ip(const common::hex2_config& cfg) {
  return rt::n_modulo(cfg.h2_base_address, rt::N{4294967296});
}

}  // namespace hexproof::hex2_spec
