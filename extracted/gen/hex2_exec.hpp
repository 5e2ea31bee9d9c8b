// hex2_exec.hpp: the C++ printed from the Coq module Hexproof.Proofs.Hex2Exec.
//
// Generated; do not edit. Made by `extracted/regen.sh OUTDIR`, which runs: hexproof_printer --module Hexproof.Spec.CommandLine --module Hexproof.Spec.Common --module Hexproof.Spec.Hex2Encode --module Hexproof.Spec.Hex2Lex --module Hexproof.Spec.Hex2Spec --module Hexproof.Spec.M1Eval --module Hexproof.Spec.M1Lex --module Hexproof.Spec.M1Spec --module Hexproof.Spec.Quirks --module Hexproof.Spec.Strtoint --module Hexproof.Proofs.ByteMap --module Hexproof.Proofs.FirstUses --module Hexproof.Proofs.Hex2Check --module Hexproof.Proofs.Hex2CheckFirst --module Hexproof.Proofs.Hex2Exec --module Hexproof.Proofs.M1Check --module Hexproof.Proofs.M1CheckFirst --module Hexproof.Proofs.M1Exec --module Hexproof.Proofs.OutBuf --fields Extract.v --out OUTDIR extraction.json
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

struct cst;
struct cres;

// Coq: Hexproof.Proofs.Hex2Exec.label_map
using label_map = byte_map::t<rt::N>;

// Coq: Hexproof.Proofs.Hex2Exec.cmode
enum class cmode : std::uint8_t { cm_data, cm_comment, cm_word, cm_word_comment, cm_label, cm_ref, cm_wref, cm_base };

// Coq: Hexproof.Proofs.Hex2Exec.cst
struct cst {
  hex2_exec::cmode cs_mode{};
  rt::N cs_pos{};
  rt::N cs_wcount{};
  rt::N cs_wacc{};
  hex2_lex::ref_kind cs_kind{};
  common::bytes cs_start{};
  common::bytes cs_target{};
  rt::N cs_bat{};
  static cst mk_cst(hex2_exec::cmode a0, rt::N a1, rt::N a2, rt::N a3, hex2_lex::ref_kind a4, common::bytes a5, common::bytes a6, rt::N a7);
};

// Coq: Hexproof.Proofs.Hex2Exec.cev
enum class cev : std::uint8_t { ev_none, ev_byte, ev_word, ev_tok, ev_nul };

// Coq: Hexproof.Proofs.Hex2Exec.cres
struct cres {
  hex2_exec::cst cr_state{};
  rt::N cr_count{};
  rt::N cr_hold{};
  rt::N cr_len{};
  hex2_exec::cev cr_ev{};
  rt::N cr_val{};
  hex2_lex::token cr_tok{};
  static cres mk_cres(hex2_exec::cst a0, rt::N a1, rt::N a2, rt::N a3, hex2_exec::cev a4, rt::N a5, hex2_lex::token a6);
};

inline cst cst::mk_cst(hex2_exec::cmode a0, rt::N a1, rt::N a2, rt::N a3, hex2_lex::ref_kind a4, common::bytes a5, common::bytes a6, rt::N a7) { return cst{std::move(a0), std::move(a1), std::move(a2), std::move(a3), std::move(a4), std::move(a5), std::move(a6), std::move(a7)}; }

inline cres cres::mk_cres(hex2_exec::cst a0, rt::N a1, rt::N a2, rt::N a3, hex2_exec::cev a4, rt::N a5, hex2_lex::token a6) { return cres{std::move(a0), std::move(a1), std::move(a2), std::move(a3), std::move(a4), std::move(a5), std::move(a6)}; }

// Coq: Hexproof.Proofs.Hex2Exec.cinit (Definition)
inline hex2_exec::cst cinit() {
  return hex2_exec::cst::mk_cst(hex2_exec::cmode::cm_data, rt::N{0}, rt::N{0}, rt::N{0}, hex2_lex::ref_kind::ref_bang, rt::list<common::byte>::nil(), rt::list<common::byte>::nil(), rt::N{0});
}

// Coq: Hexproof.Proofs.Hex2Exec.cs_set (Definition)
inline hex2_exec::cst cs_set(const hex2_exec::cst& s, const hex2_exec::cmode& md) {
  const rt::N& pos = s.cs_pos;
  const rt::N& wc = s.cs_wcount;
  const rt::N& wa = s.cs_wacc;
  const hex2_lex::ref_kind& k = s.cs_kind;
  const common::bytes& st = s.cs_start;
  const common::bytes& tn = s.cs_target;
  const rt::N& bat = s.cs_bat;
  return hex2_exec::cst::mk_cst(md, pos, wc, wa, k, st, tn, bat);
}

// Coq: Hexproof.Proofs.Hex2Exec.c_none (Definition)
inline hex2_exec::cres c_none(const hex2_exec::cst& s, const hex2_exec::cmode& md, const rt::N& count, const rt::N& hold, const rt::N& len) {
  return hex2_exec::cres::mk_cres(hex2_exec::cs_set(s, md), count, hold, len, hex2_exec::cev::ev_none, rt::N{0}, hex2_lex::token::tok_pad());
}

// Coq: Hexproof.Proofs.Hex2Exec.c_tok (Definition)
inline hex2_exec::cres c_tok(const hex2_exec::cst& s, const rt::N& count, const rt::N& hold, const rt::N& len, const hex2_lex::token& t0) {
  return hex2_exec::cres::mk_cres(hex2_exec::cs_set(s, hex2_exec::cmode::cm_data), count, hold, len, hex2_exec::cev::ev_tok, rt::N{0}, t0);
}

// Coq: Hexproof.Proofs.Hex2Exec.c_enter (Definition)
inline hex2_exec::cres c_enter(const hex2_exec::cmode& md, const rt::N& count, const rt::N& hold, const hex2_lex::ref_kind& k, const rt::N& pos, const common::bytes& rest) {
  return hex2_exec::cres::mk_cres(hex2_exec::cst::mk_cst(md, pos, rt::N{0}, rt::N{0}, k, rest, rt::list<common::byte>::nil(), rt::N{0}), count, hold, rt::N{0}, hex2_exec::cev::ev_none, rt::N{0}, hex2_lex::token::tok_pad());
}

// Coq: Hexproof.Proofs.Hex2Exec.c_push_name (Definition)
inline hex2_exec::cres c_push_name(const hex2_exec::cst& s, const rt::N& count, const rt::N& hold, const rt::N& len) {
  return hex2_exec::cres::mk_cres(s, count, hold, rt::n_add(len, rt::N{1}), hex2_exec::cev::ev_none, rt::N{0}, hex2_lex::token::tok_pad());
}

// Coq: Hexproof.Proofs.Hex2Exec.c_nul (Definition)
inline hex2_exec::cres c_nul(const hex2_exec::cst& s, const rt::N& count, const rt::N& hold, const rt::N& len) {
  return hex2_exec::cres::mk_cres(hex2_exec::cs_set(s, hex2_exec::cmode::cm_data), count, hold, len, hex2_exec::cev::ev_nul, s.cs_pos, hex2_lex::token::tok_pad());
}

// Coq: Hexproof.Proofs.Hex2Exec.cname (Definition)
inline common::bytes cname(const hex2_exec::cst& s, const rt::N& len) {
  return rt::take_bytes(len, s.cs_start);
}

// Coq: Hexproof.Proofs.Hex2Exec.cstep_data (Definition)
inline hex2_exec::cres cstep_data(const common::hex2_config& cfg, const rt::N& off, const rt::N& c, const common::bytes& rest, const hex2_exec::cst& s, const rt::N& count, const rt::N& hold, const rt::N& len) {
  bool scrut = rt::n_eqb(c, hex2_lex::ch_colon());
  if (scrut) {
    return hex2_exec::c_enter(hex2_exec::cmode::cm_label, count, hold, hex2_lex::ref_kind::ref_bang, off, rest);
  } else {
    rt::option<hex2_lex::ref_kind> scrut_1 = hex2_lex::ref_kind_of(c);
    switch (scrut_1.tag()) {
    case rt::option<hex2_lex::ref_kind>::tag_t::Some: {
      const auto& Some_fields = scrut_1.as_Some();
      const hex2_lex::ref_kind& k = Some_fields.f0;
      bool scrut_2 = rt::andb(hex2_lex::word_arch(cfg.h2_arch), hex2_lex::is_word_immediate(k));
      if (scrut_2) {
        return hex2_exec::c_enter(hex2_exec::cmode::cm_wref, count, hold, k, off, rest);
      } else {
        return hex2_exec::c_enter(hex2_exec::cmode::cm_ref, count, hold, k, off, rest);
      }
    }
    case rt::option<hex2_lex::ref_kind>::tag_t::None: {
      bool scrut_3 = rt::n_eqb(c, hex2_lex::ch_lt());
      if (scrut_3) {
        return hex2_exec::c_tok(s, count, hold, len, hex2_lex::token::tok_pad());
      } else {
        bool scrut_4 = rt::n_eqb(c, hex2_lex::ch_caret());
        if (scrut_4) {
          return hex2_exec::c_tok(s, count, hold, len, hex2_lex::token::tok_align());
        } else {
          bool scrut_5 = rt::andb(hex2_lex::word_arch(cfg.h2_arch), rt::n_eqb(c, hex2_lex::ch_dot()));
          if (scrut_5) {
            return hex2_exec::c_enter(hex2_exec::cmode::cm_word, count, hold, hex2_lex::ref_kind::ref_bang, off, rest);
          } else {
            rt::option<rt::N> scrut_6 = hex2_lex::digit_value(cfg.h2_byte_mode, c);
            switch (scrut_6.tag()) {
            case rt::option<rt::N>::tag_t::Some: {
              const auto& Some_fields_1 = scrut_6.as_Some();
              const rt::N& d = Some_fields_1.f0;
              common::byte_mode m = cfg.h2_byte_mode;
              rt::N h = rt::n_add(rt::n_mul(hold, hex2_lex::digit_radix(m)), d);
              bool scrut_7 = rt::n_eqb(rt::n_add(count, rt::N{1}), hex2_lex::digits_per_byte(m));
              if (scrut_7) {
                return hex2_exec::cres::mk_cres(hex2_exec::cs_set(s, hex2_exec::cmode::cm_data), rt::N{0}, rt::N{0}, len, hex2_exec::cev::ev_byte, rt::n_land(h, rt::N{255}), hex2_lex::token::tok_pad());
              } else {
                return hex2_exec::cres::mk_cres(hex2_exec::cs_set(s, hex2_exec::cmode::cm_data), rt::n_add(count, rt::N{1}), h, len, hex2_exec::cev::ev_none, rt::N{0}, hex2_lex::token::tok_pad());
              }
            }
            case rt::option<rt::N>::tag_t::None: {
              bool scrut_8 = hex2_lex::starts_comment(c);
              if (scrut_8) {
                return hex2_exec::c_none(s, hex2_exec::cmode::cm_comment, count, hold, len);
              } else {
                return hex2_exec::c_none(s, hex2_exec::cmode::cm_data, count, hold, len);
              }
            }
            }
            rt::fatal("no case matched in Hexproof.Proofs.Hex2Exec.cstep_data");
          }
        }
      }
    }
    }
    rt::fatal("no case matched in Hexproof.Proofs.Hex2Exec.cstep_data");
  }
}

// Coq: Hexproof.Proofs.Hex2Exec.cstep_word (Definition)
inline hex2_exec::cres cstep_word(const common::hex2_config& cfg, const rt::N& c, const hex2_exec::cst& s, const rt::N& count, const rt::N& hold, const rt::N& len) {
  rt::option<rt::N> scrut = hex2_lex::digit_value(cfg.h2_byte_mode, c);
  switch (scrut.tag()) {
  case rt::option<rt::N>::tag_t::Some: {
    const auto& Some_fields = scrut.as_Some();
    const rt::N& d = Some_fields.f0;
    common::byte_mode m = cfg.h2_byte_mode;
    rt::N h = rt::n_add(rt::n_mul(hold, hex2_lex::digit_radix(m)), d);
    bool scrut_1 = rt::n_eqb(rt::n_add(count, rt::N{1}), hex2_lex::digits_per_byte(m));
    if (scrut_1) {
      const rt::N& pos = s.cs_pos;
      const rt::N& wc = s.cs_wcount;
      const rt::N& wa = s.cs_wacc;
      const hex2_lex::ref_kind& k = s.cs_kind;
      const common::bytes& st = s.cs_start;
      const common::bytes& tn = s.cs_target;
      const rt::N& bat = s.cs_bat;
      rt::N acc_ = hex2_lex::word_push(wa, h);
      bool scrut_2 = rt::n_eqb(rt::n_add(wc, rt::N{1}), rt::N{4});
      if (scrut_2) {
        return hex2_exec::cres::mk_cres(hex2_exec::cs_set(s, hex2_exec::cmode::cm_data), rt::N{0}, rt::N{0}, len, hex2_exec::cev::ev_word, acc_, hex2_lex::token::tok_pad());
      } else {
        return hex2_exec::cres::mk_cres(hex2_exec::cst::mk_cst(hex2_exec::cmode::cm_word, pos, rt::n_add(wc, rt::N{1}), acc_, k, st, tn, bat), rt::N{0}, rt::N{0}, len, hex2_exec::cev::ev_none, rt::N{0}, hex2_lex::token::tok_pad());
      }
    } else {
      return hex2_exec::cres::mk_cres(hex2_exec::cs_set(s, hex2_exec::cmode::cm_word), rt::n_add(count, rt::N{1}), h, len, hex2_exec::cev::ev_none, rt::N{0}, hex2_lex::token::tok_pad());
    }
  }
  case rt::option<rt::N>::tag_t::None: {
    bool scrut_3 = hex2_lex::starts_comment(c);
    if (scrut_3) {
      return hex2_exec::c_none(s, hex2_exec::cmode::cm_word_comment, count, hold, len);
    } else {
      return hex2_exec::c_none(s, hex2_exec::cmode::cm_word, count, hold, len);
    }
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.Hex2Exec.cstep_word");
}

// Coq: Hexproof.Proofs.Hex2Exec.cstep (Definition)
inline hex2_exec::cres cstep(const common::hex2_config& cfg, const rt::N& file, const rt::N& off, const hex2_exec::cst& s, const rt::N& count, const rt::N& hold, const rt::N& len, const rt::N& c, const common::bytes& rest) {
  hex2_exec::cmode scrut = s.cs_mode;
  switch (scrut) {
  case hex2_exec::cmode::cm_data: {
    return hex2_exec::cstep_data(cfg, off, c, rest, s, count, hold, len);
  }
  case hex2_exec::cmode::cm_comment: {
    bool scrut_1 = hex2_lex::ends_comment(c);
    if (scrut_1) {
      return hex2_exec::c_none(s, hex2_exec::cmode::cm_data, count, hold, len);
    } else {
      return hex2_exec::c_none(s, hex2_exec::cmode::cm_comment, count, hold, len);
    }
  }
  case hex2_exec::cmode::cm_word: {
    return hex2_exec::cstep_word(cfg, c, s, count, hold, len);
  }
  case hex2_exec::cmode::cm_word_comment: {
    bool scrut_2 = hex2_lex::ends_comment(c);
    if (scrut_2) {
      return hex2_exec::c_none(s, hex2_exec::cmode::cm_word, count, hold, len);
    } else {
      return hex2_exec::c_none(s, hex2_exec::cmode::cm_word_comment, count, hold, len);
    }
  }
  case hex2_exec::cmode::cm_label: {
    bool scrut_3 = hex2_lex::ends_name(c);
    if (scrut_3) {
      return hex2_exec::c_tok(s, count, hold, len, hex2_lex::token::tok_label(hex2_exec::cname(s, len)));
    } else {
      bool scrut_4 = rt::n_eqb(c, hex2_lex::ch_nul());
      if (scrut_4) {
        return hex2_exec::c_nul(s, count, hold, len);
      } else {
        return hex2_exec::c_push_name(s, count, hold, len);
      }
    }
  }
  case hex2_exec::cmode::cm_ref: {
    bool scrut_5 = rt::n_eqb(c, hex2_lex::ch_gt());
    if (scrut_5) {
      return hex2_exec::cres::mk_cres(hex2_exec::cst::mk_cst(hex2_exec::cmode::cm_base, s.cs_pos, rt::N{0}, rt::N{0}, s.cs_kind, rest, hex2_exec::cname(s, len), rt::n_add(off, rt::N{1})), count, hold, rt::N{0}, hex2_exec::cev::ev_none, rt::N{0}, hex2_lex::token::tok_pad());
    } else {
      bool scrut_6 = hex2_lex::ends_name(c);
      if (scrut_6) {
        return hex2_exec::c_tok(s, count, hold, len, hex2_lex::token::tok_ref(s.cs_kind, file, s.cs_pos, hex2_exec::cname(s, len), rt::option<rt::prod<common::bytes, rt::N>>::None()));
      } else {
        bool scrut_7 = rt::n_eqb(c, hex2_lex::ch_nul());
        if (scrut_7) {
          return hex2_exec::c_nul(s, count, hold, len);
        } else {
          return hex2_exec::c_push_name(s, count, hold, len);
        }
      }
    }
  }
  case hex2_exec::cmode::cm_wref: {
    bool scrut_8 = hex2_lex::ends_name(c);
    if (scrut_8) {
      return hex2_exec::c_tok(s, count, hold, len, hex2_lex::token::tok_wref(s.cs_kind, file, s.cs_pos, hex2_exec::cname(s, len)));
    } else {
      bool scrut_9 = rt::n_eqb(c, hex2_lex::ch_nul());
      if (scrut_9) {
        return hex2_exec::c_nul(s, count, hold, len);
      } else {
        return hex2_exec::c_push_name(s, count, hold, len);
      }
    }
  }
  case hex2_exec::cmode::cm_base: {
    bool scrut_10 = hex2_lex::ends_name(c);
    if (scrut_10) {
      return hex2_exec::c_tok(s, count, hold, len, hex2_lex::token::tok_ref(s.cs_kind, file, s.cs_pos, s.cs_target, rt::option<rt::prod<common::bytes, rt::N>>::Some(rt::prod<common::bytes, rt::N>::pair(hex2_exec::cname(s, len), s.cs_bat))));
    } else {
      bool scrut_11 = rt::n_eqb(c, hex2_lex::ch_nul());
      if (scrut_11) {
        return hex2_exec::c_nul(s, count, hold, len);
      } else {
        return hex2_exec::c_push_name(s, count, hold, len);
      }
    }
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.Hex2Exec.cstep");
}

// Coq: Hexproof.Proofs.Hex2Exec.ceof_name (Definition)
inline common::bytes ceof_name(const hex2_exec::cst& s, const rt::N& len) {
  common::bytes n = hex2_exec::cname(s, len);
  switch (n.tag()) {
  case common::bytes::tag_t::nil: {
    return rt::list<rt::N>::cons(hex2_lex::eof_name_byte(), rt::list<rt::N>::nil());
  }
  case common::bytes::tag_t::cons: {
    return n;
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.Hex2Exec.ceof_name");
}

// Coq: Hexproof.Proofs.Hex2Exec.cfinish (Definition)
inline common::result<rt::option<hex2_lex::token>> cfinish(const rt::N& file, const hex2_exec::cst& s, const rt::N& len) {
  hex2_exec::cmode scrut = s.cs_mode;
  switch (scrut) {
  case hex2_exec::cmode::cm_data: {
    return common::result<rt::option<hex2_lex::token>>::Ok(rt::option<hex2_lex::token>::None());
  }
  case hex2_exec::cmode::cm_comment: {
    return common::result<rt::option<hex2_lex::token>>::Ok(rt::option<hex2_lex::token>::None());
  }
  case hex2_exec::cmode::cm_word: {
    return common::result<rt::option<hex2_lex::token>>::Err(hex2_lex::lex_error(common::error_kind::unterminated_word, file, s.cs_pos));
  }
  case hex2_exec::cmode::cm_word_comment: {
    return common::result<rt::option<hex2_lex::token>>::Err(hex2_lex::lex_error(common::error_kind::unterminated_word, file, s.cs_pos));
  }
  case hex2_exec::cmode::cm_label: {
    return common::result<rt::option<hex2_lex::token>>::Ok(rt::option<hex2_lex::token>::Some(hex2_lex::token::tok_label(hex2_exec::ceof_name(s, len))));
  }
  case hex2_exec::cmode::cm_ref: {
    return common::result<rt::option<hex2_lex::token>>::Ok(rt::option<hex2_lex::token>::Some(hex2_lex::token::tok_ref(s.cs_kind, file, s.cs_pos, hex2_exec::ceof_name(s, len), rt::option<rt::prod<common::bytes, rt::N>>::None())));
  }
  case hex2_exec::cmode::cm_wref: {
    return common::result<rt::option<hex2_lex::token>>::Ok(rt::option<hex2_lex::token>::Some(hex2_lex::token::tok_wref(s.cs_kind, file, s.cs_pos, hex2_exec::ceof_name(s, len))));
  }
  case hex2_exec::cmode::cm_base: {
    return common::result<rt::option<hex2_lex::token>>::Ok(rt::option<hex2_lex::token>::Some(hex2_lex::token::tok_ref(s.cs_kind, file, s.cs_pos, s.cs_target, rt::option<rt::prod<common::bytes, rt::N>>::Some(rt::prod<common::bytes, rt::N>::pair(hex2_exec::ceof_name(s, len), s.cs_bat)))));
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.Hex2Exec.cfinish");
}

// Coq: Hexproof.Proofs.Hex2Exec.is_data (Definition)
inline bool is_data(const hex2_exec::cst& s) {
  hex2_exec::cmode scrut = s.cs_mode;
  switch (scrut) {
  case hex2_exec::cmode::cm_data: {
    return true;
  }
  case hex2_exec::cmode::cm_comment: {
    return false;
  }
  case hex2_exec::cmode::cm_word: {
    return false;
  }
  case hex2_exec::cmode::cm_word_comment: {
    return false;
  }
  case hex2_exec::cmode::cm_label: {
    return false;
  }
  case hex2_exec::cmode::cm_ref: {
    return false;
  }
  case hex2_exec::cmode::cm_wref: {
    return false;
  }
  case hex2_exec::cmode::cm_base: {
    return false;
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.Hex2Exec.is_data");
}

// Coq: Hexproof.Proofs.Hex2Exec.is_word (Definition)
inline bool is_word(const hex2_exec::cst& s) {
  hex2_exec::cmode scrut = s.cs_mode;
  switch (scrut) {
  case hex2_exec::cmode::cm_data: {
    return false;
  }
  case hex2_exec::cmode::cm_comment: {
    return false;
  }
  case hex2_exec::cmode::cm_word: {
    return true;
  }
  case hex2_exec::cmode::cm_word_comment: {
    return false;
  }
  case hex2_exec::cmode::cm_label: {
    return false;
  }
  case hex2_exec::cmode::cm_ref: {
    return false;
  }
  case hex2_exec::cmode::cm_wref: {
    return false;
  }
  case hex2_exec::cmode::cm_base: {
    return false;
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.Hex2Exec.is_word");
}

// Coq: Hexproof.Proofs.Hex2Exec.blank (Definition)
inline bool blank(const rt::N& c) {
  return rt::orb(rt::orb(rt::n_eqb(c, hex2_lex::ch_space()), rt::n_eqb(c, hex2_lex::ch_lf())), rt::n_eqb(c, hex2_lex::ch_tab()));
}

// Coq: Hexproof.Proofs.Hex2Exec.name_byte (Definition)
inline bool name_byte(const hex2_exec::cst& s, const rt::N& c) {
  hex2_exec::cmode scrut = s.cs_mode;
  switch (scrut) {
  case hex2_exec::cmode::cm_data: {
    return false;
  }
  case hex2_exec::cmode::cm_comment: {
    return false;
  }
  case hex2_exec::cmode::cm_word: {
    return false;
  }
  case hex2_exec::cmode::cm_word_comment: {
    return false;
  }
  case hex2_exec::cmode::cm_label: {
    return rt::andb(rt::negb(hex2_lex::ends_name(c)), rt::negb(rt::n_eqb(c, hex2_lex::ch_nul())));
  }
  case hex2_exec::cmode::cm_ref: {
    return rt::andb(rt::andb(rt::negb(rt::n_eqb(c, hex2_lex::ch_gt())), rt::negb(hex2_lex::ends_name(c))), rt::negb(rt::n_eqb(c, hex2_lex::ch_nul())));
  }
  case hex2_exec::cmode::cm_wref: {
    return rt::andb(rt::negb(hex2_lex::ends_name(c)), rt::negb(rt::n_eqb(c, hex2_lex::ch_nul())));
  }
  case hex2_exec::cmode::cm_base: {
    return rt::andb(rt::negb(hex2_lex::ends_name(c)), rt::negb(rt::n_eqb(c, hex2_lex::ch_nul())));
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.Hex2Exec.name_byte");
}

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
  rt::fatal("no case matched in Hexproof.Proofs.Hex2Exec.p1_token");
}

// Coq: Hexproof.Proofs.Hex2Exec.p1_bytes (Fixpoint; its self tail calls are the loop)
inline common::result<rt::prod<rt::N, hex2_exec::label_map>> p1_bytes(const common::hex2_config& cfg, rt::N file, rt::N off, hex2_exec::cst s, rt::N count, rt::N hold, rt::N len, common::bytes bs, rt::N ip, hex2_exec::label_map m) {
  for (;;) {
    switch (bs.tag()) {
    case common::bytes::tag_t::nil: {
      common::result<rt::option<hex2_lex::token>> scrut = hex2_exec::cfinish(file, s, len);
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
          return common::result<rt::prod<rt::N, hex2_exec::label_map>>::Ok(rt::prod<rt::N, hex2_exec::label_map>::pair(ip, std::move(m)));
        }
        }
        rt::fatal("no case matched in Hexproof.Proofs.Hex2Exec.p1_bytes");
      }
      case common::result<rt::option<hex2_lex::token>>::tag_t::Err: {
        const auto& Err_fields = scrut.as_Err();
        const common::error& e = Err_fields.f0;
        return common::result<rt::prod<rt::N, hex2_exec::label_map>>::Err(e);
      }
      }
      rt::fatal("no case matched in Hexproof.Proofs.Hex2Exec.p1_bytes");
    }
    case common::bytes::tag_t::cons: {
      auto cons_fields = bs.as_cons();
      common::byte& c = cons_fields.f0;
      rt::list<common::byte>& bs_ = cons_fields.f1;
      bool scrut_1 = hex2_exec::is_data(s);
      if (scrut_1) {
        rt::option<rt::N> scrut_2 = hex2_lex::digit_value(cfg.h2_byte_mode, c);
        switch (scrut_2.tag()) {
        case rt::option<rt::N>::tag_t::Some: {
          const auto& Some_fields_1 = scrut_2.as_Some();
          const rt::N& d = Some_fields_1.f0;
          common::byte_mode md = cfg.h2_byte_mode;
          bool scrut_3 = rt::n_eqb(rt::n_add(count, rt::N{1}), hex2_lex::digits_per_byte(md));
          if (scrut_3) {
            rt::N next_off = rt::n_add(off, rt::N{1});
            rt::N next_count = rt::N{0};
            rt::N next_hold = rt::N{0};
            common::bytes next_bs = std::move(bs_);
            rt::N next_ip = hex2_encode::add32(ip, rt::N{1});
            off = std::move(next_off);
            count = std::move(next_count);
            hold = std::move(next_hold);
            bs = std::move(next_bs);
            ip = std::move(next_ip);
            continue;
          } else {
            rt::N next_off_1 = rt::n_add(off, rt::N{1});
            rt::N next_count_1 = rt::n_add(count, rt::N{1});
            rt::N next_hold_1 = rt::n_add(rt::n_mul(hold, hex2_lex::digit_radix(md)), d);
            common::bytes next_bs_1 = std::move(bs_);
            off = std::move(next_off_1);
            count = std::move(next_count_1);
            hold = std::move(next_hold_1);
            bs = std::move(next_bs_1);
            continue;
          }
        }
        case rt::option<rt::N>::tag_t::None: {
          bool scrut_4 = hex2_exec::blank(c);
          if (scrut_4) {
            rt::N next_off_2 = rt::n_add(off, rt::N{1});
            common::bytes next_bs_2 = std::move(bs_);
            off = std::move(next_off_2);
            bs = std::move(next_bs_2);
            continue;
          } else {
            hex2_exec::cres scrut_5 = hex2_exec::cstep(cfg, file, off, s, count, hold, len, c, bs_);
            hex2_exec::cst& s_ = scrut_5.cr_state;
            rt::N& n = scrut_5.cr_count;
            rt::N& h = scrut_5.cr_hold;
            rt::N& ln = scrut_5.cr_len;
            hex2_exec::cev& ev = scrut_5.cr_ev;
            rt::N& v = scrut_5.cr_val;
            hex2_lex::token& t0_1 = scrut_5.cr_tok;
            switch (ev) {
            case hex2_exec::cev::ev_none: {
              rt::N next_off_3 = rt::n_add(off, rt::N{1});
              hex2_exec::cst next_s = std::move(s_);
              rt::N next_count_2 = n;
              rt::N next_hold_2 = h;
              rt::N next_len = ln;
              common::bytes next_bs_3 = std::move(bs_);
              off = std::move(next_off_3);
              s = std::move(next_s);
              count = std::move(next_count_2);
              hold = std::move(next_hold_2);
              len = std::move(next_len);
              bs = std::move(next_bs_3);
              continue;
            }
            case hex2_exec::cev::ev_byte: {
              rt::N next_off_4 = rt::n_add(off, rt::N{1});
              hex2_exec::cst next_s_1 = std::move(s_);
              rt::N next_count_3 = n;
              rt::N next_hold_3 = h;
              rt::N next_len_1 = ln;
              common::bytes next_bs_4 = std::move(bs_);
              rt::N next_ip_1 = hex2_encode::add32(ip, rt::N{1});
              off = std::move(next_off_4);
              s = std::move(next_s_1);
              count = std::move(next_count_3);
              hold = std::move(next_hold_3);
              len = std::move(next_len_1);
              bs = std::move(next_bs_4);
              ip = std::move(next_ip_1);
              continue;
            }
            case hex2_exec::cev::ev_word: {
              rt::N next_off_5 = rt::n_add(off, rt::N{1});
              hex2_exec::cst next_s_2 = std::move(s_);
              rt::N next_count_4 = n;
              rt::N next_hold_4 = h;
              rt::N next_len_2 = ln;
              common::bytes next_bs_5 = std::move(bs_);
              rt::N next_ip_2 = hex2_encode::add32(ip, rt::N{0});
              off = std::move(next_off_5);
              s = std::move(next_s_2);
              count = std::move(next_count_4);
              hold = std::move(next_hold_4);
              len = std::move(next_len_2);
              bs = std::move(next_bs_5);
              ip = std::move(next_ip_2);
              continue;
            }
            case hex2_exec::cev::ev_tok: {
              rt::prod<rt::N, hex2_exec::label_map> scrut_6 = hex2_exec::p1_token(cfg, ip, m, t0_1);
              rt::N& ip_ = scrut_6.f0;
              hex2_exec::label_map& m_ = scrut_6.f1;
              rt::N next_off_6 = rt::n_add(off, rt::N{1});
              hex2_exec::cst next_s_3 = std::move(s_);
              rt::N next_count_5 = n;
              rt::N next_hold_5 = h;
              rt::N next_len_3 = ln;
              common::bytes next_bs_6 = std::move(bs_);
              rt::N next_ip_3 = ip_;
              hex2_exec::label_map next_m = std::move(m_);
              off = std::move(next_off_6);
              s = std::move(next_s_3);
              count = std::move(next_count_5);
              hold = std::move(next_hold_5);
              len = std::move(next_len_3);
              bs = std::move(next_bs_6);
              ip = std::move(next_ip_3);
              m = std::move(next_m);
              continue;
            }
            case hex2_exec::cev::ev_nul: {
              return common::result<rt::prod<rt::N, hex2_exec::label_map>>::Err(hex2_lex::lex_error(common::error_kind::nul_in_name, file, v));
            }
            }
            rt::fatal("no case matched in Hexproof.Proofs.Hex2Exec.p1_bytes");
          }
        }
        }
        rt::fatal("no case matched in Hexproof.Proofs.Hex2Exec.p1_bytes");
      } else {
        bool scrut_7 = hex2_exec::is_word(s);
        if (scrut_7) {
          rt::option<rt::N> scrut_8 = hex2_lex::digit_value(cfg.h2_byte_mode, c);
          switch (scrut_8.tag()) {
          case rt::option<rt::N>::tag_t::Some: {
            const auto& Some_fields_2 = scrut_8.as_Some();
            const rt::N& d_1 = Some_fields_2.f0;
            common::byte_mode md_1 = cfg.h2_byte_mode;
            rt::N h_1 = rt::n_add(rt::n_mul(hold, hex2_lex::digit_radix(md_1)), d_1);
            bool scrut_9 = rt::n_eqb(rt::n_add(count, rt::N{1}), hex2_lex::digits_per_byte(md_1));
            if (scrut_9) {
              rt::N& pos = s.cs_pos;
              rt::N& wc = s.cs_wcount;
              rt::N& wa = s.cs_wacc;
              hex2_lex::ref_kind& k = s.cs_kind;
              common::bytes& st = s.cs_start;
              common::bytes& tn = s.cs_target;
              rt::N& bat = s.cs_bat;
              bool scrut_10 = rt::n_eqb(rt::n_add(wc, rt::N{1}), rt::N{4});
              if (scrut_10) {
                rt::N next_off_7 = rt::n_add(off, rt::N{1});
                hex2_exec::cst next_s_4 = hex2_exec::cst::mk_cst(hex2_exec::cmode::cm_data, pos, wc, wa, k, std::move(st), std::move(tn), bat);
                rt::N next_count_6 = rt::N{0};
                rt::N next_hold_6 = rt::N{0};
                common::bytes next_bs_7 = std::move(bs_);
                rt::N next_ip_4 = hex2_encode::add32(ip, rt::N{0});
                off = std::move(next_off_7);
                s = std::move(next_s_4);
                count = std::move(next_count_6);
                hold = std::move(next_hold_6);
                bs = std::move(next_bs_7);
                ip = std::move(next_ip_4);
                continue;
              } else {
                rt::N next_off_8 = rt::n_add(off, rt::N{1});
                hex2_exec::cst next_s_5 = hex2_exec::cst::mk_cst(hex2_exec::cmode::cm_word, pos, rt::n_add(wc, rt::N{1}), hex2_lex::word_push(wa, h_1), k, std::move(st), std::move(tn), bat);
                rt::N next_count_7 = rt::N{0};
                rt::N next_hold_7 = rt::N{0};
                common::bytes next_bs_8 = std::move(bs_);
                off = std::move(next_off_8);
                s = std::move(next_s_5);
                count = std::move(next_count_7);
                hold = std::move(next_hold_7);
                bs = std::move(next_bs_8);
                continue;
              }
            } else {
              rt::N next_off_9 = rt::n_add(off, rt::N{1});
              rt::N next_count_8 = rt::n_add(count, rt::N{1});
              rt::N next_hold_8 = h_1;
              common::bytes next_bs_9 = std::move(bs_);
              off = std::move(next_off_9);
              count = std::move(next_count_8);
              hold = std::move(next_hold_8);
              bs = std::move(next_bs_9);
              continue;
            }
          }
          case rt::option<rt::N>::tag_t::None: {
            hex2_exec::cres scrut_11 = hex2_exec::cstep(cfg, file, off, s, count, hold, len, c, bs_);
            hex2_exec::cst& s__1 = scrut_11.cr_state;
            rt::N& n_1 = scrut_11.cr_count;
            rt::N& h_2 = scrut_11.cr_hold;
            rt::N& ln_1 = scrut_11.cr_len;
            hex2_exec::cev& ev_1 = scrut_11.cr_ev;
            rt::N& v_1 = scrut_11.cr_val;
            hex2_lex::token& t0_2 = scrut_11.cr_tok;
            switch (ev_1) {
            case hex2_exec::cev::ev_none: {
              rt::N next_off_10 = rt::n_add(off, rt::N{1});
              hex2_exec::cst next_s_6 = std::move(s__1);
              rt::N next_count_9 = n_1;
              rt::N next_hold_9 = h_2;
              rt::N next_len_4 = ln_1;
              common::bytes next_bs_10 = std::move(bs_);
              off = std::move(next_off_10);
              s = std::move(next_s_6);
              count = std::move(next_count_9);
              hold = std::move(next_hold_9);
              len = std::move(next_len_4);
              bs = std::move(next_bs_10);
              continue;
            }
            case hex2_exec::cev::ev_byte: {
              rt::N next_off_11 = rt::n_add(off, rt::N{1});
              hex2_exec::cst next_s_7 = std::move(s__1);
              rt::N next_count_10 = n_1;
              rt::N next_hold_10 = h_2;
              rt::N next_len_5 = ln_1;
              common::bytes next_bs_11 = std::move(bs_);
              rt::N next_ip_5 = hex2_encode::add32(ip, rt::N{1});
              off = std::move(next_off_11);
              s = std::move(next_s_7);
              count = std::move(next_count_10);
              hold = std::move(next_hold_10);
              len = std::move(next_len_5);
              bs = std::move(next_bs_11);
              ip = std::move(next_ip_5);
              continue;
            }
            case hex2_exec::cev::ev_word: {
              rt::N next_off_12 = rt::n_add(off, rt::N{1});
              hex2_exec::cst next_s_8 = std::move(s__1);
              rt::N next_count_11 = n_1;
              rt::N next_hold_11 = h_2;
              rt::N next_len_6 = ln_1;
              common::bytes next_bs_12 = std::move(bs_);
              rt::N next_ip_6 = hex2_encode::add32(ip, rt::N{0});
              off = std::move(next_off_12);
              s = std::move(next_s_8);
              count = std::move(next_count_11);
              hold = std::move(next_hold_11);
              len = std::move(next_len_6);
              bs = std::move(next_bs_12);
              ip = std::move(next_ip_6);
              continue;
            }
            case hex2_exec::cev::ev_tok: {
              rt::prod<rt::N, hex2_exec::label_map> scrut_12 = hex2_exec::p1_token(cfg, ip, m, t0_2);
              rt::N& ip__1 = scrut_12.f0;
              hex2_exec::label_map& m__1 = scrut_12.f1;
              rt::N next_off_13 = rt::n_add(off, rt::N{1});
              hex2_exec::cst next_s_9 = std::move(s__1);
              rt::N next_count_12 = n_1;
              rt::N next_hold_12 = h_2;
              rt::N next_len_7 = ln_1;
              common::bytes next_bs_13 = std::move(bs_);
              rt::N next_ip_7 = ip__1;
              hex2_exec::label_map next_m_1 = std::move(m__1);
              off = std::move(next_off_13);
              s = std::move(next_s_9);
              count = std::move(next_count_12);
              hold = std::move(next_hold_12);
              len = std::move(next_len_7);
              bs = std::move(next_bs_13);
              ip = std::move(next_ip_7);
              m = std::move(next_m_1);
              continue;
            }
            case hex2_exec::cev::ev_nul: {
              return common::result<rt::prod<rt::N, hex2_exec::label_map>>::Err(hex2_lex::lex_error(common::error_kind::nul_in_name, file, v_1));
            }
            }
            rt::fatal("no case matched in Hexproof.Proofs.Hex2Exec.p1_bytes");
          }
          }
          rt::fatal("no case matched in Hexproof.Proofs.Hex2Exec.p1_bytes");
        } else {
          bool scrut_13 = hex2_exec::name_byte(s, c);
          if (scrut_13) {
            rt::N next_off_14 = rt::n_add(off, rt::N{1});
            rt::N next_len_8 = rt::n_add(len, rt::N{1});
            common::bytes next_bs_14 = std::move(bs_);
            off = std::move(next_off_14);
            len = std::move(next_len_8);
            bs = std::move(next_bs_14);
            continue;
          } else {
            hex2_exec::cres scrut_14 = hex2_exec::cstep(cfg, file, off, s, count, hold, len, c, bs_);
            hex2_exec::cst& s__2 = scrut_14.cr_state;
            rt::N& n_2 = scrut_14.cr_count;
            rt::N& h_3 = scrut_14.cr_hold;
            rt::N& ln_2 = scrut_14.cr_len;
            hex2_exec::cev& ev_2 = scrut_14.cr_ev;
            rt::N& v_2 = scrut_14.cr_val;
            hex2_lex::token& t0_3 = scrut_14.cr_tok;
            switch (ev_2) {
            case hex2_exec::cev::ev_none: {
              rt::N next_off_15 = rt::n_add(off, rt::N{1});
              hex2_exec::cst next_s_10 = std::move(s__2);
              rt::N next_count_13 = n_2;
              rt::N next_hold_13 = h_3;
              rt::N next_len_9 = ln_2;
              common::bytes next_bs_15 = std::move(bs_);
              off = std::move(next_off_15);
              s = std::move(next_s_10);
              count = std::move(next_count_13);
              hold = std::move(next_hold_13);
              len = std::move(next_len_9);
              bs = std::move(next_bs_15);
              continue;
            }
            case hex2_exec::cev::ev_byte: {
              rt::N next_off_16 = rt::n_add(off, rt::N{1});
              hex2_exec::cst next_s_11 = std::move(s__2);
              rt::N next_count_14 = n_2;
              rt::N next_hold_14 = h_3;
              rt::N next_len_10 = ln_2;
              common::bytes next_bs_16 = std::move(bs_);
              rt::N next_ip_8 = hex2_encode::add32(ip, rt::N{1});
              off = std::move(next_off_16);
              s = std::move(next_s_11);
              count = std::move(next_count_14);
              hold = std::move(next_hold_14);
              len = std::move(next_len_10);
              bs = std::move(next_bs_16);
              ip = std::move(next_ip_8);
              continue;
            }
            case hex2_exec::cev::ev_word: {
              rt::N next_off_17 = rt::n_add(off, rt::N{1});
              hex2_exec::cst next_s_12 = std::move(s__2);
              rt::N next_count_15 = n_2;
              rt::N next_hold_15 = h_3;
              rt::N next_len_11 = ln_2;
              common::bytes next_bs_17 = std::move(bs_);
              rt::N next_ip_9 = hex2_encode::add32(ip, rt::N{0});
              off = std::move(next_off_17);
              s = std::move(next_s_12);
              count = std::move(next_count_15);
              hold = std::move(next_hold_15);
              len = std::move(next_len_11);
              bs = std::move(next_bs_17);
              ip = std::move(next_ip_9);
              continue;
            }
            case hex2_exec::cev::ev_tok: {
              rt::prod<rt::N, hex2_exec::label_map> scrut_15 = hex2_exec::p1_token(cfg, ip, m, t0_3);
              rt::N& ip__2 = scrut_15.f0;
              hex2_exec::label_map& m__2 = scrut_15.f1;
              rt::N next_off_18 = rt::n_add(off, rt::N{1});
              hex2_exec::cst next_s_13 = std::move(s__2);
              rt::N next_count_16 = n_2;
              rt::N next_hold_16 = h_3;
              rt::N next_len_12 = ln_2;
              common::bytes next_bs_18 = std::move(bs_);
              rt::N next_ip_10 = ip__2;
              hex2_exec::label_map next_m_2 = std::move(m__2);
              off = std::move(next_off_18);
              s = std::move(next_s_13);
              count = std::move(next_count_16);
              hold = std::move(next_hold_16);
              len = std::move(next_len_12);
              bs = std::move(next_bs_18);
              ip = std::move(next_ip_10);
              m = std::move(next_m_2);
              continue;
            }
            case hex2_exec::cev::ev_nul: {
              return common::result<rt::prod<rt::N, hex2_exec::label_map>>::Err(hex2_lex::lex_error(common::error_kind::nul_in_name, file, v_2));
            }
            }
            rt::fatal("no case matched in Hexproof.Proofs.Hex2Exec.p1_bytes");
          }
        }
      }
    }
    }
    rt::fatal("no case matched in Hexproof.Proofs.Hex2Exec.p1_bytes");
  }
}

// Coq: Hexproof.Proofs.Hex2Exec.p1_files (Fixpoint; its self tail calls are the loop)
inline common::result<rt::prod<rt::N, hex2_exec::label_map>> p1_files(const common::hex2_config& cfg, rt::N file, const rt::list<common::bytes>& inputs_in, rt::N ip, hex2_exec::label_map m) {
  const rt::list<common::bytes>* inputs = &inputs_in;
  for (;;) {
    switch ((*inputs).tag()) {
    case rt::list<common::bytes>::tag_t::nil: {
      return common::result<rt::prod<rt::N, hex2_exec::label_map>>::Ok(rt::prod<rt::N, hex2_exec::label_map>::pair(ip, std::move(m)));
    }
    case rt::list<common::bytes>::tag_t::cons: {
      const auto& cons_fields = (*inputs).as_cons();
      const common::bytes& bs = cons_fields.f0;
      const rt::list<common::bytes>& rest = cons_fields.f1;
      common::result<rt::prod<rt::N, hex2_exec::label_map>> scrut = hex2_exec::p1_bytes(cfg, file, rt::N{0}, hex2_exec::cinit(), rt::N{0}, rt::N{0}, rt::N{0}, bs, ip, m);
      switch (scrut.tag()) {
      case common::result<rt::prod<rt::N, hex2_exec::label_map>>::tag_t::Ok: {
        const auto& Ok_fields = scrut.as_Ok();
        const rt::prod<rt::N, hex2_exec::label_map>& r = Ok_fields.f0;
        const rt::N& ip_ = r.f0;
        const hex2_exec::label_map& m_ = r.f1;
        rt::N next_file = rt::n_add(file, rt::N{1});
        const rt::list<common::bytes>* next_inputs = &rest;
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
      rt::fatal("no case matched in Hexproof.Proofs.Hex2Exec.p1_files");
    }
    }
    rt::fatal("no case matched in Hexproof.Proofs.Hex2Exec.p1_files");
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
      auto cons_fields = bs.as_cons();
      common::byte& b = cons_fields.f0;
      rt::list<common::byte>& bs_ = cons_fields.f1;
      rt::outbuf next_o = rt::out_push(std::move(o), b);
      common::bytes next_bs = std::move(bs_);
      o = std::move(next_o);
      bs = std::move(next_bs);
      continue;
    }
    }
    rt::fatal("no case matched in Hexproof.Proofs.Hex2Exec.push_bytes");
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
  rt::fatal("no case matched in Hexproof.Proofs.Hex2Exec.resolve");
}

// Coq: Hexproof.Proofs.Hex2Exec.p2_token (Definition)
inline common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>> p2_token(const common::hex2_config& cfg, const hex2_exec::label_map& m, const hex2_spec::emit_state& es, const rt::outbuf& o, const hex2_lex::token& t0) {
  switch (t0.tag()) {
  case hex2_lex::token::tag_t::tok_byte: {
    const auto& tok_byte_fields = t0.as_tok_byte();
    const rt::N& b = tok_byte_fields.f0;
    rt::N sr = es.es_sr;
    return common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::Ok(rt::prod<hex2_spec::emit_state, rt::outbuf>::pair(hex2_spec::emit_state::mk_emit_state(hex2_encode::add32(es.es_ip, rt::N{1}), es.es_aligned, rt::n_shiftr(sr, rt::N{8})), rt::out_push(o, rt::n_lxor(b, rt::n_land(sr, rt::N{255})))));
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
    rt::fatal("no case matched in Hexproof.Proofs.Hex2Exec.p2_token");
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
    rt::fatal("no case matched in Hexproof.Proofs.Hex2Exec.p2_token");
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
    rt::fatal("no case matched in Hexproof.Proofs.Hex2Exec.p2_token");
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
    rt::fatal("no case matched in Hexproof.Proofs.Hex2Exec.p2_token");
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
    rt::fatal("no case matched in Hexproof.Proofs.Hex2Exec.p2_token");
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
    rt::fatal("no case matched in Hexproof.Proofs.Hex2Exec.p2_token");
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.Hex2Exec.p2_token");
}

// Coq: Hexproof.Proofs.Hex2Exec.p2_byte (Definition)
inline rt::prod<hex2_spec::emit_state, rt::outbuf> p2_byte(const hex2_spec::emit_state& es, const rt::outbuf& o, const rt::N& b) {
  rt::N sr = es.es_sr;
  return rt::prod<hex2_spec::emit_state, rt::outbuf>::pair(hex2_spec::emit_state::mk_emit_state(hex2_encode::add32(es.es_ip, rt::N{1}), es.es_aligned, rt::n_shiftr(sr, rt::N{8})), rt::out_push(o, rt::n_lxor(b, rt::n_land(sr, rt::N{255}))));
}

// Coq: Hexproof.Proofs.Hex2Exec.p2_bytes (Fixpoint; its self tail calls are the loop)
inline common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>> p2_bytes(const common::hex2_config& cfg, const hex2_exec::label_map& m, rt::N file, rt::N off, hex2_exec::cst s, rt::N count, rt::N hold, rt::N len, common::bytes bs, hex2_spec::emit_state es, rt::outbuf o) {
  for (;;) {
    switch (bs.tag()) {
    case common::bytes::tag_t::nil: {
      common::result<rt::option<hex2_lex::token>> scrut = hex2_exec::cfinish(file, s, len);
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
          return common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::Ok(rt::prod<hex2_spec::emit_state, rt::outbuf>::pair(std::move(es), std::move(o)));
        }
        }
        rt::fatal("no case matched in Hexproof.Proofs.Hex2Exec.p2_bytes");
      }
      case common::result<rt::option<hex2_lex::token>>::tag_t::Err: {
        const auto& Err_fields = scrut.as_Err();
        const common::error& e = Err_fields.f0;
        return common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::Err(e);
      }
      }
      rt::fatal("no case matched in Hexproof.Proofs.Hex2Exec.p2_bytes");
    }
    case common::bytes::tag_t::cons: {
      auto cons_fields = bs.as_cons();
      common::byte& c = cons_fields.f0;
      rt::list<common::byte>& bs_ = cons_fields.f1;
      bool scrut_1 = hex2_exec::is_data(s);
      if (scrut_1) {
        rt::option<rt::N> scrut_2 = hex2_lex::digit_value(cfg.h2_byte_mode, c);
        switch (scrut_2.tag()) {
        case rt::option<rt::N>::tag_t::Some: {
          const auto& Some_fields_1 = scrut_2.as_Some();
          const rt::N& d = Some_fields_1.f0;
          common::byte_mode md = cfg.h2_byte_mode;
          rt::N h = rt::n_add(rt::n_mul(hold, hex2_lex::digit_radix(md)), d);
          bool scrut_3 = rt::n_eqb(rt::n_add(count, rt::N{1}), hex2_lex::digits_per_byte(md));
          if (scrut_3) {
            rt::prod<hex2_spec::emit_state, rt::outbuf> scrut_4 = hex2_exec::p2_byte(es, o, rt::n_land(h, rt::N{255}));
            hex2_spec::emit_state& es_ = scrut_4.f0;
            rt::outbuf& o_ = scrut_4.f1;
            rt::N next_off = rt::n_add(off, rt::N{1});
            rt::N next_count = rt::N{0};
            rt::N next_hold = rt::N{0};
            common::bytes next_bs = std::move(bs_);
            hex2_spec::emit_state next_es = std::move(es_);
            rt::outbuf next_o = std::move(o_);
            off = std::move(next_off);
            count = std::move(next_count);
            hold = std::move(next_hold);
            bs = std::move(next_bs);
            es = std::move(next_es);
            o = std::move(next_o);
            continue;
          } else {
            rt::N next_off_1 = rt::n_add(off, rt::N{1});
            rt::N next_count_1 = rt::n_add(count, rt::N{1});
            rt::N next_hold_1 = h;
            common::bytes next_bs_1 = std::move(bs_);
            off = std::move(next_off_1);
            count = std::move(next_count_1);
            hold = std::move(next_hold_1);
            bs = std::move(next_bs_1);
            continue;
          }
        }
        case rt::option<rt::N>::tag_t::None: {
          bool scrut_5 = hex2_exec::blank(c);
          if (scrut_5) {
            rt::N next_off_2 = rt::n_add(off, rt::N{1});
            common::bytes next_bs_2 = std::move(bs_);
            off = std::move(next_off_2);
            bs = std::move(next_bs_2);
            continue;
          } else {
            hex2_exec::cres scrut_6 = hex2_exec::cstep(cfg, file, off, s, count, hold, len, c, bs_);
            hex2_exec::cst& s_ = scrut_6.cr_state;
            rt::N& n = scrut_6.cr_count;
            rt::N& h_1 = scrut_6.cr_hold;
            rt::N& ln = scrut_6.cr_len;
            hex2_exec::cev& ev = scrut_6.cr_ev;
            rt::N& v = scrut_6.cr_val;
            hex2_lex::token& t0_1 = scrut_6.cr_tok;
            switch (ev) {
            case hex2_exec::cev::ev_none: {
              rt::N next_off_3 = rt::n_add(off, rt::N{1});
              hex2_exec::cst next_s = std::move(s_);
              rt::N next_count_2 = n;
              rt::N next_hold_2 = h_1;
              rt::N next_len = ln;
              common::bytes next_bs_3 = std::move(bs_);
              off = std::move(next_off_3);
              s = std::move(next_s);
              count = std::move(next_count_2);
              hold = std::move(next_hold_2);
              len = std::move(next_len);
              bs = std::move(next_bs_3);
              continue;
            }
            case hex2_exec::cev::ev_byte: {
              rt::prod<hex2_spec::emit_state, rt::outbuf> scrut_7 = hex2_exec::p2_byte(es, o, v);
              hex2_spec::emit_state& es__1 = scrut_7.f0;
              rt::outbuf& o__1 = scrut_7.f1;
              rt::N next_off_4 = rt::n_add(off, rt::N{1});
              hex2_exec::cst next_s_1 = std::move(s_);
              rt::N next_count_3 = n;
              rt::N next_hold_3 = h_1;
              rt::N next_len_1 = ln;
              common::bytes next_bs_4 = std::move(bs_);
              hex2_spec::emit_state next_es_1 = std::move(es__1);
              rt::outbuf next_o_1 = std::move(o__1);
              off = std::move(next_off_4);
              s = std::move(next_s_1);
              count = std::move(next_count_3);
              hold = std::move(next_hold_3);
              len = std::move(next_len_1);
              bs = std::move(next_bs_4);
              es = std::move(next_es_1);
              o = std::move(next_o_1);
              continue;
            }
            case hex2_exec::cev::ev_word: {
              common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>> scrut_8 = hex2_exec::p2_token(cfg, m, es, o, hex2_lex::token::tok_word(v));
              switch (scrut_8.tag()) {
              case common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::tag_t::Ok: {
                const auto& Ok_fields_1 = scrut_8.as_Ok();
                const rt::prod<hex2_spec::emit_state, rt::outbuf>& r2 = Ok_fields_1.f0;
                const hex2_spec::emit_state& es__2 = r2.f0;
                const rt::outbuf& o__2 = r2.f1;
                rt::N next_off_5 = rt::n_add(off, rt::N{1});
                hex2_exec::cst next_s_2 = std::move(s_);
                rt::N next_count_4 = n;
                rt::N next_hold_4 = h_1;
                rt::N next_len_2 = ln;
                common::bytes next_bs_5 = std::move(bs_);
                hex2_spec::emit_state next_es_2 = es__2;
                rt::outbuf next_o_2 = o__2;
                off = std::move(next_off_5);
                s = std::move(next_s_2);
                count = std::move(next_count_4);
                hold = std::move(next_hold_4);
                len = std::move(next_len_2);
                bs = std::move(next_bs_5);
                es = std::move(next_es_2);
                o = std::move(next_o_2);
                continue;
              }
              case common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::tag_t::Err: {
                const auto& Err_fields_1 = scrut_8.as_Err();
                const common::error& e_1 = Err_fields_1.f0;
                return common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::Err(e_1);
              }
              }
              rt::fatal("no case matched in Hexproof.Proofs.Hex2Exec.p2_bytes");
            }
            case hex2_exec::cev::ev_tok: {
              common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>> scrut_9 = hex2_exec::p2_token(cfg, m, es, o, t0_1);
              switch (scrut_9.tag()) {
              case common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::tag_t::Ok: {
                const auto& Ok_fields_2 = scrut_9.as_Ok();
                const rt::prod<hex2_spec::emit_state, rt::outbuf>& r2_1 = Ok_fields_2.f0;
                const hex2_spec::emit_state& es__3 = r2_1.f0;
                const rt::outbuf& o__3 = r2_1.f1;
                rt::N next_off_6 = rt::n_add(off, rt::N{1});
                hex2_exec::cst next_s_3 = std::move(s_);
                rt::N next_count_5 = n;
                rt::N next_hold_5 = h_1;
                rt::N next_len_3 = ln;
                common::bytes next_bs_6 = std::move(bs_);
                hex2_spec::emit_state next_es_3 = es__3;
                rt::outbuf next_o_3 = o__3;
                off = std::move(next_off_6);
                s = std::move(next_s_3);
                count = std::move(next_count_5);
                hold = std::move(next_hold_5);
                len = std::move(next_len_3);
                bs = std::move(next_bs_6);
                es = std::move(next_es_3);
                o = std::move(next_o_3);
                continue;
              }
              case common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::tag_t::Err: {
                const auto& Err_fields_2 = scrut_9.as_Err();
                const common::error& e_2 = Err_fields_2.f0;
                return common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::Err(e_2);
              }
              }
              rt::fatal("no case matched in Hexproof.Proofs.Hex2Exec.p2_bytes");
            }
            case hex2_exec::cev::ev_nul: {
              return common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::Err(hex2_lex::lex_error(common::error_kind::nul_in_name, file, v));
            }
            }
            rt::fatal("no case matched in Hexproof.Proofs.Hex2Exec.p2_bytes");
          }
        }
        }
        rt::fatal("no case matched in Hexproof.Proofs.Hex2Exec.p2_bytes");
      } else {
        bool scrut_10 = hex2_exec::is_word(s);
        if (scrut_10) {
          rt::option<rt::N> scrut_11 = hex2_lex::digit_value(cfg.h2_byte_mode, c);
          switch (scrut_11.tag()) {
          case rt::option<rt::N>::tag_t::Some: {
            const auto& Some_fields_2 = scrut_11.as_Some();
            const rt::N& d_1 = Some_fields_2.f0;
            common::byte_mode md_1 = cfg.h2_byte_mode;
            rt::N h_2 = rt::n_add(rt::n_mul(hold, hex2_lex::digit_radix(md_1)), d_1);
            bool scrut_12 = rt::n_eqb(rt::n_add(count, rt::N{1}), hex2_lex::digits_per_byte(md_1));
            if (scrut_12) {
              rt::N& pos = s.cs_pos;
              rt::N& wc = s.cs_wcount;
              rt::N& wa = s.cs_wacc;
              hex2_lex::ref_kind& k = s.cs_kind;
              common::bytes& st = s.cs_start;
              common::bytes& tn = s.cs_target;
              rt::N& bat = s.cs_bat;
              bool scrut_13 = rt::n_eqb(rt::n_add(wc, rt::N{1}), rt::N{4});
              if (scrut_13) {
                common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>> scrut_14 = hex2_exec::p2_token(cfg, m, es, o, hex2_lex::token::tok_word(hex2_lex::word_push(wa, h_2)));
                switch (scrut_14.tag()) {
                case common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::tag_t::Ok: {
                  const auto& Ok_fields_3 = scrut_14.as_Ok();
                  const rt::prod<hex2_spec::emit_state, rt::outbuf>& r2_2 = Ok_fields_3.f0;
                  const hex2_spec::emit_state& es__4 = r2_2.f0;
                  const rt::outbuf& o__4 = r2_2.f1;
                  rt::N next_off_7 = rt::n_add(off, rt::N{1});
                  hex2_exec::cst next_s_4 = hex2_exec::cst::mk_cst(hex2_exec::cmode::cm_data, pos, wc, wa, k, std::move(st), std::move(tn), bat);
                  rt::N next_count_6 = rt::N{0};
                  rt::N next_hold_6 = rt::N{0};
                  common::bytes next_bs_7 = std::move(bs_);
                  hex2_spec::emit_state next_es_4 = es__4;
                  rt::outbuf next_o_4 = o__4;
                  off = std::move(next_off_7);
                  s = std::move(next_s_4);
                  count = std::move(next_count_6);
                  hold = std::move(next_hold_6);
                  bs = std::move(next_bs_7);
                  es = std::move(next_es_4);
                  o = std::move(next_o_4);
                  continue;
                }
                case common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::tag_t::Err: {
                  const auto& Err_fields_3 = scrut_14.as_Err();
                  const common::error& e_3 = Err_fields_3.f0;
                  return common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::Err(e_3);
                }
                }
                rt::fatal("no case matched in Hexproof.Proofs.Hex2Exec.p2_bytes");
              } else {
                rt::N next_off_8 = rt::n_add(off, rt::N{1});
                hex2_exec::cst next_s_5 = hex2_exec::cst::mk_cst(hex2_exec::cmode::cm_word, pos, rt::n_add(wc, rt::N{1}), hex2_lex::word_push(wa, h_2), k, std::move(st), std::move(tn), bat);
                rt::N next_count_7 = rt::N{0};
                rt::N next_hold_7 = rt::N{0};
                common::bytes next_bs_8 = std::move(bs_);
                off = std::move(next_off_8);
                s = std::move(next_s_5);
                count = std::move(next_count_7);
                hold = std::move(next_hold_7);
                bs = std::move(next_bs_8);
                continue;
              }
            } else {
              rt::N next_off_9 = rt::n_add(off, rt::N{1});
              rt::N next_count_8 = rt::n_add(count, rt::N{1});
              rt::N next_hold_8 = h_2;
              common::bytes next_bs_9 = std::move(bs_);
              off = std::move(next_off_9);
              count = std::move(next_count_8);
              hold = std::move(next_hold_8);
              bs = std::move(next_bs_9);
              continue;
            }
          }
          case rt::option<rt::N>::tag_t::None: {
            hex2_exec::cres scrut_15 = hex2_exec::cstep(cfg, file, off, s, count, hold, len, c, bs_);
            hex2_exec::cst& s__1 = scrut_15.cr_state;
            rt::N& n_1 = scrut_15.cr_count;
            rt::N& h_3 = scrut_15.cr_hold;
            rt::N& ln_1 = scrut_15.cr_len;
            hex2_exec::cev& ev_1 = scrut_15.cr_ev;
            rt::N& v_1 = scrut_15.cr_val;
            hex2_lex::token& t0_2 = scrut_15.cr_tok;
            switch (ev_1) {
            case hex2_exec::cev::ev_none: {
              rt::N next_off_10 = rt::n_add(off, rt::N{1});
              hex2_exec::cst next_s_6 = std::move(s__1);
              rt::N next_count_9 = n_1;
              rt::N next_hold_9 = h_3;
              rt::N next_len_4 = ln_1;
              common::bytes next_bs_10 = std::move(bs_);
              off = std::move(next_off_10);
              s = std::move(next_s_6);
              count = std::move(next_count_9);
              hold = std::move(next_hold_9);
              len = std::move(next_len_4);
              bs = std::move(next_bs_10);
              continue;
            }
            case hex2_exec::cev::ev_byte: {
              rt::prod<hex2_spec::emit_state, rt::outbuf> scrut_16 = hex2_exec::p2_byte(es, o, v_1);
              hex2_spec::emit_state& es__5 = scrut_16.f0;
              rt::outbuf& o__5 = scrut_16.f1;
              rt::N next_off_11 = rt::n_add(off, rt::N{1});
              hex2_exec::cst next_s_7 = std::move(s__1);
              rt::N next_count_10 = n_1;
              rt::N next_hold_10 = h_3;
              rt::N next_len_5 = ln_1;
              common::bytes next_bs_11 = std::move(bs_);
              hex2_spec::emit_state next_es_5 = std::move(es__5);
              rt::outbuf next_o_5 = std::move(o__5);
              off = std::move(next_off_11);
              s = std::move(next_s_7);
              count = std::move(next_count_10);
              hold = std::move(next_hold_10);
              len = std::move(next_len_5);
              bs = std::move(next_bs_11);
              es = std::move(next_es_5);
              o = std::move(next_o_5);
              continue;
            }
            case hex2_exec::cev::ev_word: {
              common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>> scrut_17 = hex2_exec::p2_token(cfg, m, es, o, hex2_lex::token::tok_word(v_1));
              switch (scrut_17.tag()) {
              case common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::tag_t::Ok: {
                const auto& Ok_fields_4 = scrut_17.as_Ok();
                const rt::prod<hex2_spec::emit_state, rt::outbuf>& r2_3 = Ok_fields_4.f0;
                const hex2_spec::emit_state& es__6 = r2_3.f0;
                const rt::outbuf& o__6 = r2_3.f1;
                rt::N next_off_12 = rt::n_add(off, rt::N{1});
                hex2_exec::cst next_s_8 = std::move(s__1);
                rt::N next_count_11 = n_1;
                rt::N next_hold_11 = h_3;
                rt::N next_len_6 = ln_1;
                common::bytes next_bs_12 = std::move(bs_);
                hex2_spec::emit_state next_es_6 = es__6;
                rt::outbuf next_o_6 = o__6;
                off = std::move(next_off_12);
                s = std::move(next_s_8);
                count = std::move(next_count_11);
                hold = std::move(next_hold_11);
                len = std::move(next_len_6);
                bs = std::move(next_bs_12);
                es = std::move(next_es_6);
                o = std::move(next_o_6);
                continue;
              }
              case common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::tag_t::Err: {
                const auto& Err_fields_4 = scrut_17.as_Err();
                const common::error& e_4 = Err_fields_4.f0;
                return common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::Err(e_4);
              }
              }
              rt::fatal("no case matched in Hexproof.Proofs.Hex2Exec.p2_bytes");
            }
            case hex2_exec::cev::ev_tok: {
              common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>> scrut_18 = hex2_exec::p2_token(cfg, m, es, o, t0_2);
              switch (scrut_18.tag()) {
              case common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::tag_t::Ok: {
                const auto& Ok_fields_5 = scrut_18.as_Ok();
                const rt::prod<hex2_spec::emit_state, rt::outbuf>& r2_4 = Ok_fields_5.f0;
                const hex2_spec::emit_state& es__7 = r2_4.f0;
                const rt::outbuf& o__7 = r2_4.f1;
                rt::N next_off_13 = rt::n_add(off, rt::N{1});
                hex2_exec::cst next_s_9 = std::move(s__1);
                rt::N next_count_12 = n_1;
                rt::N next_hold_12 = h_3;
                rt::N next_len_7 = ln_1;
                common::bytes next_bs_13 = std::move(bs_);
                hex2_spec::emit_state next_es_7 = es__7;
                rt::outbuf next_o_7 = o__7;
                off = std::move(next_off_13);
                s = std::move(next_s_9);
                count = std::move(next_count_12);
                hold = std::move(next_hold_12);
                len = std::move(next_len_7);
                bs = std::move(next_bs_13);
                es = std::move(next_es_7);
                o = std::move(next_o_7);
                continue;
              }
              case common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::tag_t::Err: {
                const auto& Err_fields_5 = scrut_18.as_Err();
                const common::error& e_5 = Err_fields_5.f0;
                return common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::Err(e_5);
              }
              }
              rt::fatal("no case matched in Hexproof.Proofs.Hex2Exec.p2_bytes");
            }
            case hex2_exec::cev::ev_nul: {
              return common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::Err(hex2_lex::lex_error(common::error_kind::nul_in_name, file, v_1));
            }
            }
            rt::fatal("no case matched in Hexproof.Proofs.Hex2Exec.p2_bytes");
          }
          }
          rt::fatal("no case matched in Hexproof.Proofs.Hex2Exec.p2_bytes");
        } else {
          bool scrut_19 = hex2_exec::name_byte(s, c);
          if (scrut_19) {
            rt::N next_off_14 = rt::n_add(off, rt::N{1});
            rt::N next_len_8 = rt::n_add(len, rt::N{1});
            common::bytes next_bs_14 = std::move(bs_);
            off = std::move(next_off_14);
            len = std::move(next_len_8);
            bs = std::move(next_bs_14);
            continue;
          } else {
            hex2_exec::cres scrut_20 = hex2_exec::cstep(cfg, file, off, s, count, hold, len, c, bs_);
            hex2_exec::cst& s__2 = scrut_20.cr_state;
            rt::N& n_2 = scrut_20.cr_count;
            rt::N& h_4 = scrut_20.cr_hold;
            rt::N& ln_2 = scrut_20.cr_len;
            hex2_exec::cev& ev_2 = scrut_20.cr_ev;
            rt::N& v_2 = scrut_20.cr_val;
            hex2_lex::token& t0_3 = scrut_20.cr_tok;
            switch (ev_2) {
            case hex2_exec::cev::ev_none: {
              rt::N next_off_15 = rt::n_add(off, rt::N{1});
              hex2_exec::cst next_s_10 = std::move(s__2);
              rt::N next_count_13 = n_2;
              rt::N next_hold_13 = h_4;
              rt::N next_len_9 = ln_2;
              common::bytes next_bs_15 = std::move(bs_);
              off = std::move(next_off_15);
              s = std::move(next_s_10);
              count = std::move(next_count_13);
              hold = std::move(next_hold_13);
              len = std::move(next_len_9);
              bs = std::move(next_bs_15);
              continue;
            }
            case hex2_exec::cev::ev_byte: {
              rt::prod<hex2_spec::emit_state, rt::outbuf> scrut_21 = hex2_exec::p2_byte(es, o, v_2);
              hex2_spec::emit_state& es__8 = scrut_21.f0;
              rt::outbuf& o__8 = scrut_21.f1;
              rt::N next_off_16 = rt::n_add(off, rt::N{1});
              hex2_exec::cst next_s_11 = std::move(s__2);
              rt::N next_count_14 = n_2;
              rt::N next_hold_14 = h_4;
              rt::N next_len_10 = ln_2;
              common::bytes next_bs_16 = std::move(bs_);
              hex2_spec::emit_state next_es_8 = std::move(es__8);
              rt::outbuf next_o_8 = std::move(o__8);
              off = std::move(next_off_16);
              s = std::move(next_s_11);
              count = std::move(next_count_14);
              hold = std::move(next_hold_14);
              len = std::move(next_len_10);
              bs = std::move(next_bs_16);
              es = std::move(next_es_8);
              o = std::move(next_o_8);
              continue;
            }
            case hex2_exec::cev::ev_word: {
              common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>> scrut_22 = hex2_exec::p2_token(cfg, m, es, o, hex2_lex::token::tok_word(v_2));
              switch (scrut_22.tag()) {
              case common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::tag_t::Ok: {
                const auto& Ok_fields_6 = scrut_22.as_Ok();
                const rt::prod<hex2_spec::emit_state, rt::outbuf>& r2_5 = Ok_fields_6.f0;
                const hex2_spec::emit_state& es__9 = r2_5.f0;
                const rt::outbuf& o__9 = r2_5.f1;
                rt::N next_off_17 = rt::n_add(off, rt::N{1});
                hex2_exec::cst next_s_12 = std::move(s__2);
                rt::N next_count_15 = n_2;
                rt::N next_hold_15 = h_4;
                rt::N next_len_11 = ln_2;
                common::bytes next_bs_17 = std::move(bs_);
                hex2_spec::emit_state next_es_9 = es__9;
                rt::outbuf next_o_9 = o__9;
                off = std::move(next_off_17);
                s = std::move(next_s_12);
                count = std::move(next_count_15);
                hold = std::move(next_hold_15);
                len = std::move(next_len_11);
                bs = std::move(next_bs_17);
                es = std::move(next_es_9);
                o = std::move(next_o_9);
                continue;
              }
              case common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::tag_t::Err: {
                const auto& Err_fields_6 = scrut_22.as_Err();
                const common::error& e_6 = Err_fields_6.f0;
                return common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::Err(e_6);
              }
              }
              rt::fatal("no case matched in Hexproof.Proofs.Hex2Exec.p2_bytes");
            }
            case hex2_exec::cev::ev_tok: {
              common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>> scrut_23 = hex2_exec::p2_token(cfg, m, es, o, t0_3);
              switch (scrut_23.tag()) {
              case common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::tag_t::Ok: {
                const auto& Ok_fields_7 = scrut_23.as_Ok();
                const rt::prod<hex2_spec::emit_state, rt::outbuf>& r2_6 = Ok_fields_7.f0;
                const hex2_spec::emit_state& es__10 = r2_6.f0;
                const rt::outbuf& o__10 = r2_6.f1;
                rt::N next_off_18 = rt::n_add(off, rt::N{1});
                hex2_exec::cst next_s_13 = std::move(s__2);
                rt::N next_count_16 = n_2;
                rt::N next_hold_16 = h_4;
                rt::N next_len_12 = ln_2;
                common::bytes next_bs_18 = std::move(bs_);
                hex2_spec::emit_state next_es_10 = es__10;
                rt::outbuf next_o_10 = o__10;
                off = std::move(next_off_18);
                s = std::move(next_s_13);
                count = std::move(next_count_16);
                hold = std::move(next_hold_16);
                len = std::move(next_len_12);
                bs = std::move(next_bs_18);
                es = std::move(next_es_10);
                o = std::move(next_o_10);
                continue;
              }
              case common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::tag_t::Err: {
                const auto& Err_fields_7 = scrut_23.as_Err();
                const common::error& e_7 = Err_fields_7.f0;
                return common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::Err(e_7);
              }
              }
              rt::fatal("no case matched in Hexproof.Proofs.Hex2Exec.p2_bytes");
            }
            case hex2_exec::cev::ev_nul: {
              return common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::Err(hex2_lex::lex_error(common::error_kind::nul_in_name, file, v_2));
            }
            }
            rt::fatal("no case matched in Hexproof.Proofs.Hex2Exec.p2_bytes");
          }
        }
      }
    }
    }
    rt::fatal("no case matched in Hexproof.Proofs.Hex2Exec.p2_bytes");
  }
}

// Coq: Hexproof.Proofs.Hex2Exec.p2_files (Fixpoint; its self tail calls are the loop)
inline common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>> p2_files(const common::hex2_config& cfg, const hex2_exec::label_map& m, rt::N file, const rt::list<common::bytes>& inputs_in, hex2_spec::emit_state es, rt::outbuf o) {
  const rt::list<common::bytes>* inputs = &inputs_in;
  for (;;) {
    switch ((*inputs).tag()) {
    case rt::list<common::bytes>::tag_t::nil: {
      return common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::Ok(rt::prod<hex2_spec::emit_state, rt::outbuf>::pair(std::move(es), std::move(o)));
    }
    case rt::list<common::bytes>::tag_t::cons: {
      const auto& cons_fields = (*inputs).as_cons();
      const common::bytes& bs = cons_fields.f0;
      const rt::list<common::bytes>& rest = cons_fields.f1;
      common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>> scrut = hex2_exec::p2_bytes(cfg, m, file, rt::N{0}, hex2_exec::cinit(), rt::N{0}, rt::N{0}, rt::N{0}, bs, es, o);
      switch (scrut.tag()) {
      case common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::tag_t::Ok: {
        const auto& Ok_fields = scrut.as_Ok();
        const rt::prod<hex2_spec::emit_state, rt::outbuf>& r = Ok_fields.f0;
        const hex2_spec::emit_state& es_ = r.f0;
        const rt::outbuf& o_ = r.f1;
        rt::N next_file = rt::n_add(file, rt::N{1});
        const rt::list<common::bytes>* next_inputs = &rest;
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
      rt::fatal("no case matched in Hexproof.Proofs.Hex2Exec.p2_files");
    }
    }
    rt::fatal("no case matched in Hexproof.Proofs.Hex2Exec.p2_files");
  }
}

// Coq: Hexproof.Proofs.Hex2Exec.link_out (Definition)
inline common::result<rt::outbuf> link_out(const common::hex2_config& cfg, const rt::list<common::bytes>& inputs) {
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
      return common::result<rt::outbuf>::Ok(o);
    }
    case common::result<rt::prod<hex2_spec::emit_state, rt::outbuf>>::tag_t::Err: {
      const auto& Err_fields = scrut_1.as_Err();
      const common::error& e = Err_fields.f0;
      return common::result<rt::outbuf>::Err(e);
    }
    }
    rt::fatal("no case matched in Hexproof.Proofs.Hex2Exec.link_out");
  }
  case common::result<rt::prod<rt::N, hex2_exec::label_map>>::tag_t::Err: {
    const auto& Err_fields_1 = scrut.as_Err();
    const common::error& e_1 = Err_fields_1.f0;
    return common::result<rt::outbuf>::Err(e_1);
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.Hex2Exec.link_out");
}

}  // namespace hexproof::hex2_exec
