// m1_exec.hpp: the C++ printed from the Coq module Hexproof.Proofs.M1Exec.
//
// Generated; do not edit. Made by `extracted/regen.sh OUTDIR`, which runs: hexproof_printer --module Hexproof.Spec.CommandLine --module Hexproof.Spec.Common --module Hexproof.Spec.Hex2Encode --module Hexproof.Spec.Hex2Lex --module Hexproof.Spec.Hex2Spec --module Hexproof.Spec.M1Eval --module Hexproof.Spec.M1Lex --module Hexproof.Spec.M1Spec --module Hexproof.Spec.Quirks --module Hexproof.Spec.Strtoint --module Hexproof.Proofs.ByteMap --module Hexproof.Proofs.FirstUses --module Hexproof.Proofs.Hex2Check --module Hexproof.Proofs.Hex2CheckFirst --module Hexproof.Proofs.Hex2Exec --module Hexproof.Proofs.M1Check --module Hexproof.Proofs.M1CheckFirst --module Hexproof.Proofs.M1Exec --module Hexproof.Proofs.OutBuf --fields Extract.v --out OUTDIR extraction.json
// Coq Hexproof.Proofs.M1Exec.x is C++ hexproof::m1_exec::x. See extracted/SUBSET.md for the translation.
#pragma once

#include <cstdint>
#include <utility>

#include "coq_runtime.hpp"
#include "byte_map.hpp"
#include "common.hpp"
#include "m1_eval.hpp"
#include "m1_lex.hpp"
#include "m1_spec.hpp"
#include "strtoint.hpp"

namespace hexproof::m1_exec {

struct emitted;
struct cstate;

// Coq: Hexproof.Proofs.M1Exec.emitted
struct emitted {
  enum class tag_t : std::uint8_t { Emitted, Nothing, Failed };
  struct Emitted_t;
  struct Failed_t;
  static emitted Emitted(rt::outbuf a0);
  static emitted Nothing();
  static emitted Failed(common::error_kind a0, rt::Z a1);
  tag_t tag() const { return tag_; }
  const Emitted_t& as_Emitted() const;
  const Failed_t& as_Failed() const;
  tag_t tag_ = tag_t::Emitted;
  rt::box box_;
};

// Coq: Hexproof.Proofs.M1Exec.define_state
enum class define_state : std::uint8_t { Ds_normal, Ds_name, Ds_value };

// Coq: Hexproof.Proofs.M1Exec.last_kind
enum class last_kind : std::uint8_t { Lk_start, Lk_word, Lk_newline };

// Coq: Hexproof.Proofs.M1Exec.cstate
struct cstate {
  bool c_any{};
  m1_exec::define_state c_ds{};
  rt::N c_file{};
  rt::N c_off{};
  common::bytes c_name{};
  byte_map::t<common::bytes> c_defs{};
  rt::option<common::error> c_fail{};
  rt::option<common::error> c_inval{};
  rt::outbuf c_out{};
  m1_exec::last_kind c_last{};
  static cstate mk_cstate(bool a0, m1_exec::define_state a1, rt::N a2, rt::N a3, common::bytes a4, byte_map::t<common::bytes> a5, rt::option<common::error> a6, rt::option<common::error> a7, rt::outbuf a8, m1_exec::last_kind a9);
};

// Coq: Hexproof.Proofs.M1Exec.lex_mode
enum class lex_mode : std::uint8_t { Lm_between, Lm_comment, Lm_atom, Lm_string };

struct emitted::Emitted_t {
  rt::outbuf f0;
};
struct emitted::Failed_t {
  common::error_kind f0;
  rt::Z f1;
};
inline emitted emitted::Emitted(rt::outbuf a0) { return emitted{tag_t::Emitted, rt::box::make<Emitted_t>(Emitted_t{std::move(a0)})}; }
inline auto emitted::as_Emitted() const -> const Emitted_t& { return box_.get<Emitted_t>(); }
inline emitted emitted::Nothing() { return emitted{tag_t::Nothing, rt::box()}; }
inline emitted emitted::Failed(common::error_kind a0, rt::Z a1) { return emitted{tag_t::Failed, rt::box::make<Failed_t>(Failed_t{std::move(a0), std::move(a1)})}; }
inline auto emitted::as_Failed() const -> const Failed_t& { return box_.get<Failed_t>(); }

inline cstate cstate::mk_cstate(bool a0, m1_exec::define_state a1, rt::N a2, rt::N a3, common::bytes a4, byte_map::t<common::bytes> a5, rt::option<common::error> a6, rt::option<common::error> a7, rt::outbuf a8, m1_exec::last_kind a9) { return cstate{std::move(a0), std::move(a1), std::move(a2), std::move(a3), std::move(a4), std::move(a5), std::move(a6), std::move(a7), std::move(a8), std::move(a9)}; }

// Coq: Hexproof.Proofs.M1Exec.push_zeros (Definition)
inline rt::outbuf push_zeros(const rt::N& count, const rt::outbuf& o) {
  return rt::out_repeat(o, count, rt::N{48});
}

// Coq: Hexproof.Proofs.M1Exec.digit_mask (Definition)
inline rt::Z digit_mask(const common::byte_mode& m) {
  switch (m) {
  case common::byte_mode::hex_mode: {
    return rt::Z{15};
  }
  case common::byte_mode::octal_mode: {
    return rt::Z{7};
  }
  case common::byte_mode::binary_mode: {
    return rt::Z{1};
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.M1Exec.digit_mask");
}

// Coq: Hexproof.Proofs.M1Exec.group_bits (Definition)
inline rt::Z group_bits(const common::byte_mode& m) {
  switch (m) {
  case common::byte_mode::hex_mode: {
    return rt::Z{8};
  }
  case common::byte_mode::octal_mode: {
    return rt::Z{9};
  }
  case common::byte_mode::binary_mode: {
    return rt::Z{8};
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.M1Exec.group_bits");
}

// Coq: Hexproof.Proofs.M1Exec.digits_per_byte_n (Definition)
inline rt::N digits_per_byte_n(const common::byte_mode& m) {
  switch (m) {
  case common::byte_mode::hex_mode: {
    return rt::N{2};
  }
  case common::byte_mode::octal_mode: {
    return rt::N{3};
  }
  case common::byte_mode::binary_mode: {
    return rt::N{8};
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.M1Exec.digits_per_byte_n");
}

// Coq: Hexproof.Proofs.M1Exec.push_digit (Definition)
inline rt::outbuf push_digit(const common::byte_mode& m, const rt::Z& v, const rt::outbuf& o) {
  return rt::out_push(o, m1_eval::digit_char(rt::z_land(v, m1_exec::digit_mask(m))));
}

// Coq: Hexproof.Proofs.M1Exec.push_byte_digits (Definition)
inline rt::outbuf push_byte_digits(const common::byte_mode& m, const rt::Z& v, const rt::outbuf& o) {
  switch (m) {
  case common::byte_mode::hex_mode: {
    return m1_exec::push_digit(m, v, m1_exec::push_digit(m, rt::z_shiftr(v, m1_eval::digit_bits(m)), o));
  }
  case common::byte_mode::octal_mode: {
    return m1_exec::push_digit(m, v, m1_exec::push_digit(m, rt::z_shiftr(v, m1_eval::digit_bits(m)), m1_exec::push_digit(m, rt::z_shiftr(rt::z_shiftr(v, m1_eval::digit_bits(m)), m1_eval::digit_bits(m)), o)));
  }
  case common::byte_mode::binary_mode: {
    return m1_exec::push_digit(m, v, m1_exec::push_digit(m, rt::z_shiftr(v, m1_eval::digit_bits(m)), m1_exec::push_digit(m, rt::z_shiftr(rt::z_shiftr(v, m1_eval::digit_bits(m)), m1_eval::digit_bits(m)), m1_exec::push_digit(m, rt::z_shiftr(rt::z_shiftr(rt::z_shiftr(v, m1_eval::digit_bits(m)), m1_eval::digit_bits(m)), m1_eval::digit_bits(m)), m1_exec::push_digit(m, rt::z_shiftr(rt::z_shiftr(rt::z_shiftr(rt::z_shiftr(v, m1_eval::digit_bits(m)), m1_eval::digit_bits(m)), m1_eval::digit_bits(m)), m1_eval::digit_bits(m)), m1_exec::push_digit(m, rt::z_shiftr(rt::z_shiftr(rt::z_shiftr(rt::z_shiftr(rt::z_shiftr(v, m1_eval::digit_bits(m)), m1_eval::digit_bits(m)), m1_eval::digit_bits(m)), m1_eval::digit_bits(m)), m1_eval::digit_bits(m)), m1_exec::push_digit(m, rt::z_shiftr(rt::z_shiftr(rt::z_shiftr(rt::z_shiftr(rt::z_shiftr(rt::z_shiftr(v, m1_eval::digit_bits(m)), m1_eval::digit_bits(m)), m1_eval::digit_bits(m)), m1_eval::digit_bits(m)), m1_eval::digit_bits(m)), m1_eval::digit_bits(m)), m1_exec::push_digit(m, rt::z_shiftr(rt::z_shiftr(rt::z_shiftr(rt::z_shiftr(rt::z_shiftr(rt::z_shiftr(rt::z_shiftr(v, m1_eval::digit_bits(m)), m1_eval::digit_bits(m)), m1_eval::digit_bits(m)), m1_eval::digit_bits(m)), m1_eval::digit_bits(m)), m1_eval::digit_bits(m)), m1_eval::digit_bits(m)), o))))))));
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.M1Exec.push_byte_digits");
}

// Coq: Hexproof.Proofs.M1Exec.push_groups_le (Fixpoint; its self tail calls are the loop)
inline rt::outbuf push_groups_le(rt::list<rt::N> c, common::byte_mode m, rt::Z v, rt::outbuf o) {
  for (;;) {
    switch (c.tag()) {
    case rt::list<rt::N>::tag_t::nil: {
      return o;
    }
    case rt::list<rt::N>::tag_t::cons: {
      auto cons_fields = c.as_cons();
      rt::list<rt::N>& c_ = cons_fields.f1;
      rt::list<rt::N> next_c = std::move(c_);
      rt::Z next_v = rt::z_shiftr(v, m1_exec::group_bits(m));
      rt::outbuf next_o = m1_exec::push_byte_digits(m, v, o);
      c = std::move(next_c);
      v = std::move(next_v);
      o = std::move(next_o);
      continue;
    }
    }
    rt::fatal("no case matched in Hexproof.Proofs.M1Exec.push_groups_le");
  }
}

// Coq: Hexproof.Proofs.M1Exec.push_groups_be (Fixpoint; recursive)
inline rt::outbuf push_groups_be(const rt::list<rt::N>& c, const common::byte_mode& m, const rt::Z& v, const rt::outbuf& o) {
  switch (c.tag()) {
  case rt::list<rt::N>::tag_t::nil: {
    return o;
  }
  case rt::list<rt::N>::tag_t::cons: {
    auto cons_fields = c.as_cons();
    rt::list<rt::N>& c_ = cons_fields.f1;
    return m1_exec::push_byte_digits(m, v, m1_exec::push_groups_be(c_, m, rt::z_shiftr(v, m1_exec::group_bits(m)), o));
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.M1Exec.push_groups_be");
}

// Coq: Hexproof.Proofs.M1Exec.width1 (Definition)
inline rt::list<rt::N> width1() {
  return rt::list<rt::N>::cons(rt::N{0}, rt::list<rt::N>::nil());
}

// Coq: Hexproof.Proofs.M1Exec.width2 (Definition)
inline rt::list<rt::N> width2() {
  return rt::list<rt::N>::cons(rt::N{0}, rt::list<rt::N>::cons(rt::N{0}, rt::list<rt::N>::nil()));
}

// Coq: Hexproof.Proofs.M1Exec.width3 (Definition)
inline rt::list<rt::N> width3() {
  return rt::list<rt::N>::cons(rt::N{0}, rt::list<rt::N>::cons(rt::N{0}, rt::list<rt::N>::cons(rt::N{0}, rt::list<rt::N>::nil())));
}

// Coq: Hexproof.Proofs.M1Exec.width4 (Definition)
inline rt::list<rt::N> width4() {
  return rt::list<rt::N>::cons(rt::N{0}, rt::list<rt::N>::cons(rt::N{0}, rt::list<rt::N>::cons(rt::N{0}, rt::list<rt::N>::cons(rt::N{0}, rt::list<rt::N>::nil()))));
}

// Coq: Hexproof.Proofs.M1Exec.push_number (Definition)
inline rt::outbuf push_number(const common::m1_config& cfg, const rt::list<rt::N>& w, const rt::Z& v, const rt::outbuf& o) {
  bool scrut = cfg.m1_big_endian;
  if (scrut) {
    return m1_exec::push_groups_be(w, cfg.m1_byte_mode, v, o);
  } else {
    return m1_exec::push_groups_le(w, cfg.m1_byte_mode, v, o);
  }
}

// Coq: Hexproof.Proofs.M1Exec.push_string_digits (Fixpoint; its self tail calls are the loop)
inline rt::outbuf push_string_digits(common::byte_mode m, common::bytes s, rt::outbuf o) {
  for (;;) {
    switch (s.tag()) {
    case common::bytes::tag_t::nil: {
      return o;
    }
    case common::bytes::tag_t::cons: {
      auto cons_fields = s.as_cons();
      common::byte& b = cons_fields.f0;
      rt::list<common::byte>& s_ = cons_fields.f1;
      common::bytes next_s = std::move(s_);
      rt::outbuf next_o = rt::out_push(m1_exec::push_byte_digits(m, rt::z_of_n(b), o), rt::N{32});
      s = std::move(next_s);
      o = std::move(next_o);
      continue;
    }
    }
    rt::fatal("no case matched in Hexproof.Proofs.M1Exec.push_string_digits");
  }
}

// Coq: Hexproof.Proofs.M1Exec.count_bytes (Fixpoint; its self tail calls are the loop)
inline rt::N count_bytes(common::bytes s, rt::N n) {
  for (;;) {
    switch (s.tag()) {
    case common::bytes::tag_t::nil: {
      return n;
    }
    case common::bytes::tag_t::cons: {
      auto cons_fields = s.as_cons();
      rt::list<common::byte>& s_ = cons_fields.f1;
      common::bytes next_s = std::move(s_);
      rt::N next_n = rt::n_add(n, rt::N{1});
      s = std::move(next_s);
      n = std::move(next_n);
      continue;
    }
    }
    rt::fatal("no case matched in Hexproof.Proofs.M1Exec.count_bytes");
  }
}

// Coq: Hexproof.Proofs.M1Exec.knight_pad_count (Definition)
inline rt::N knight_pad_count(const common::m1_config& cfg, const rt::N& n) {
  common::architecture scrut = cfg.m1_arch;
  switch (scrut) {
  case common::architecture::knight: {
    common::byte_mode scrut_1 = cfg.m1_byte_mode;
    switch (scrut_1) {
    case common::byte_mode::hex_mode: {
      return rt::n_mul(rt::N{2}, rt::n_modulo(rt::n_sub(rt::N{4}, rt::n_modulo(n, rt::N{4})), rt::N{4}));
    }
    case common::byte_mode::octal_mode: {
      return rt::N{0};
    }
    case common::byte_mode::binary_mode: {
      return rt::N{0};
    }
    }
    rt::fatal("no case matched in Hexproof.Proofs.M1Exec.knight_pad_count");
  }
  case common::architecture::x86: {
    return rt::N{0};
  }
  case common::architecture::amd64: {
    return rt::N{0};
  }
  case common::architecture::armv7l: {
    return rt::N{0};
  }
  case common::architecture::aarch64: {
    return rt::N{0};
  }
  case common::architecture::ppc64le: {
    return rt::N{0};
  }
  case common::architecture::riscv32: {
    return rt::N{0};
  }
  case common::architecture::riscv64: {
    return rt::N{0};
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.M1Exec.knight_pad_count");
}

// Coq: Hexproof.Proofs.M1Exec.push_hexify (Definition)
inline rt::outbuf push_hexify(const common::m1_config& cfg, const common::bytes& body, const rt::outbuf& o) {
  common::byte_mode m = cfg.m1_byte_mode;
  rt::outbuf o1 = m1_exec::push_string_digits(m, body, o);
  rt::outbuf o2 = rt::out_push(m1_exec::push_byte_digits(m, rt::Z{0}, o1), rt::N{32});
  return m1_exec::push_zeros(m1_exec::knight_pad_count(cfg, rt::n_add(m1_exec::count_bytes(body, rt::N{0}), rt::N{1})), o2);
}

// Coq: Hexproof.Proofs.M1Exec.riscv_sigil (Definition)
inline bool riscv_sigil(const rt::N& c) {
  return rt::orb(rt::n_eqb(c, rt::N{37}), rt::orb(rt::n_eqb(c, rt::N{126}), rt::orb(rt::n_eqb(c, rt::N{64}), rt::orb(rt::n_eqb(c, rt::N{33}), rt::orb(rt::n_eqb(c, rt::N{36}), false)))));
}

// Coq: Hexproof.Proofs.M1Exec.number_sigil (Definition)
inline bool number_sigil(const rt::N& c) {
  return rt::orb(rt::n_eqb(c, rt::N{37}), rt::orb(rt::n_eqb(c, rt::N{126}), rt::orb(rt::n_eqb(c, rt::N{64}), rt::orb(rt::n_eqb(c, rt::N{33}), rt::orb(rt::n_eqb(c, rt::N{38}), rt::orb(rt::n_eqb(c, rt::N{36}), false))))));
}

// Coq: Hexproof.Proofs.M1Exec.pass_sigil (Definition)
inline bool pass_sigil(const rt::N& c) {
  return rt::orb(rt::n_eqb(c, rt::N{33}), rt::orb(rt::n_eqb(c, rt::N{64}), rt::orb(rt::n_eqb(c, rt::N{36}), rt::orb(rt::n_eqb(c, rt::N{126}), rt::orb(rt::n_eqb(c, rt::N{37}), rt::orb(rt::n_eqb(c, rt::N{38}), rt::orb(rt::n_eqb(c, rt::N{58}), rt::orb(rt::n_eqb(c, rt::N{94}), false))))))));
}

// Coq: Hexproof.Proofs.M1Exec.emit_checked (Definition)
inline m1_exec::emitted emit_checked(const common::m1_config& cfg, const rt::list<rt::N>& w, const rt::Z& lo, const rt::Z& hi, const rt::Z& mask, const rt::Z& v, const rt::outbuf& o) {
  bool scrut = rt::orb(rt::z_ltb(v, lo), rt::z_ltb(hi, v));
  if (scrut) {
    return m1_exec::emitted::Failed(common::error_kind::immediate_out_of_range, v);
  } else {
    return m1_exec::emitted::Emitted(m1_exec::push_number(cfg, w, rt::z_land(v, mask), o));
  }
}

// Coq: Hexproof.Proofs.M1Exec.emit_number (Definition)
inline m1_exec::emitted emit_number(const common::m1_config& cfg, const rt::N& c, const rt::Z& v, const rt::outbuf& o) {
  bool scrut = rt::n_eqb(c, rt::N{33});
  if (scrut) {
    return m1_exec::emit_checked(cfg, m1_exec::width1(), rt::Z{-129}, rt::Z{256}, rt::Z{255}, v, o);
  } else {
    bool scrut_1 = rt::n_eqb(c, rt::N{64});
    if (scrut_1) {
      return m1_exec::emit_checked(cfg, m1_exec::width2(), rt::Z{-32769}, rt::Z{32768}, rt::Z{65535}, v, o);
    } else {
      bool scrut_2 = rt::n_eqb(c, rt::N{36});
      if (scrut_2) {
        return m1_exec::emit_checked(cfg, m1_exec::width2(), rt::Z{-32769}, rt::Z{65536}, rt::Z{65535}, v, o);
      } else {
        bool scrut_3 = rt::n_eqb(c, rt::N{126});
        if (scrut_3) {
          return m1_exec::emit_checked(cfg, m1_exec::width3(), rt::Z{-8388609}, rt::Z{8388608}, rt::Z{16777215}, v, o);
        } else {
          return m1_exec::emitted::Emitted(m1_exec::push_number(cfg, m1_exec::width4(), v, o));
        }
      }
    }
  }
}

// Coq: Hexproof.Proofs.M1Exec.push_word (Definition)
inline rt::outbuf push_word(const common::m1_config& cfg, const rt::N& c, const rt::Z& v, const rt::outbuf& o) {
  bool scrut = rt::n_eqb(c, rt::N{36});
  if (scrut) {
    return m1_exec::push_number(cfg, m1_exec::width2(), rt::z_land(v, rt::Z{65535}), o);
  } else {
    bool scrut_1 = rt::n_eqb(c, rt::N{37});
    if (scrut_1) {
      return m1_exec::push_number(cfg, m1_exec::width4(), v, o);
    } else {
      return m1_exec::push_number(cfg, m1_exec::width4(), m1_eval::riscv_immediate(c, v), rt::out_push(o, rt::N{46}));
    }
  }
}

// Coq: Hexproof.Proofs.M1Exec.emit_immediate (Definition)
inline rt::option<m1_exec::emitted> emit_immediate(const common::m1_config& cfg, const common::bytes& s, const rt::outbuf& o) {
  switch (s.tag()) {
  case common::bytes::tag_t::nil: {
    return rt::option<m1_exec::emitted>::None();
  }
  case common::bytes::tag_t::cons: {
    auto cons_fields = s.as_cons();
    common::byte& c = cons_fields.f0;
    rt::list<common::byte>& rest = cons_fields.f1;
    bool scrut = rt::n_eqb(c, rt::N{60});
    if (scrut) {
      return rt::option<m1_exec::emitted>::None();
    } else {
      bool scrut_1 = m1_eval::is_riscv(cfg.m1_arch);
      if (scrut_1) {
        bool scrut_2 = rt::andb(m1_exec::riscv_sigil(c), strtoint::is_number(rest));
        if (scrut_2) {
          return rt::option<m1_exec::emitted>::Some(m1_exec::emitted::Emitted(m1_exec::push_word(cfg, c, strtoint::strtoint(rest), o)));
        } else {
          return rt::option<m1_exec::emitted>::None();
        }
      } else {
        bool scrut_3 = m1_exec::number_sigil(c);
        if (scrut_3) {
          bool scrut_4 = strtoint::is_number(rest);
          if (scrut_4) {
            return rt::option<m1_exec::emitted>::Some(m1_exec::emit_number(cfg, c, strtoint::strtoint(rest), o));
          } else {
            return rt::option<m1_exec::emitted>::None();
          }
        } else {
          common::architecture scrut_5 = cfg.m1_arch;
          switch (scrut_5) {
          case common::architecture::knight: {
            bool scrut_6 = strtoint::is_number(s);
            if (scrut_6) {
              rt::Z v = strtoint::strtoint(s);
              bool scrut_7 = rt::z_ltb(rt::Z{65536}, v);
              if (scrut_7) {
                return rt::option<m1_exec::emitted>::None();
              } else {
                bool scrut_8 = rt::z_ltb(rt::Z{32767}, v);
                if (scrut_8) {
                  return rt::option<m1_exec::emitted>::Some(m1_exec::emit_number(cfg, rt::N{36}, v, o));
                } else {
                  return rt::option<m1_exec::emitted>::Some(m1_exec::emit_number(cfg, rt::N{64}, v, o));
                }
              }
            } else {
              return rt::option<m1_exec::emitted>::None();
            }
          }
          case common::architecture::x86: {
            return rt::option<m1_exec::emitted>::None();
          }
          case common::architecture::amd64: {
            return rt::option<m1_exec::emitted>::None();
          }
          case common::architecture::armv7l: {
            return rt::option<m1_exec::emitted>::None();
          }
          case common::architecture::aarch64: {
            return rt::option<m1_exec::emitted>::None();
          }
          case common::architecture::ppc64le: {
            return rt::option<m1_exec::emitted>::None();
          }
          case common::architecture::riscv32: {
            return rt::option<m1_exec::emitted>::None();
          }
          case common::architecture::riscv64: {
            return rt::option<m1_exec::emitted>::None();
          }
          }
          rt::fatal("no case matched in Hexproof.Proofs.M1Exec.emit_immediate");
        }
      }
    }
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.M1Exec.emit_immediate");
}

// Coq: Hexproof.Proofs.M1Exec.emit_other (Definition)
inline m1_exec::emitted emit_other(const common::m1_config& cfg, const common::bytes& s, const rt::outbuf& o) {
  switch (s.tag()) {
  case common::bytes::tag_t::nil: {
    return m1_exec::emitted::Nothing();
  }
  case common::bytes::tag_t::cons: {
    auto cons_fields = s.as_cons();
    common::byte& c = cons_fields.f0;
    rt::list<common::byte>& rest = cons_fields.f1;
    bool scrut = m1_exec::pass_sigil(c);
    if (scrut) {
      return m1_exec::emitted::Emitted(rt::push_all(o, s));
    } else {
      bool scrut_1 = rt::n_eqb(c, rt::N{60});
      if (scrut_1) {
        rt::Z n = strtoint::strtoint(rest);
        bool scrut_2 = rt::z_eqb(n, rt::Z{0});
        if (scrut_2) {
          return m1_exec::emitted::Emitted(rt::push_all(o, s));
        } else {
          bool scrut_3 = rt::z_ltb(n, rt::Z{0});
          if (scrut_3) {
            return m1_exec::emitted::Failed(common::error_kind::negative_padding, n);
          } else {
            return m1_exec::emitted::Emitted(m1_exec::push_zeros(rt::n_mul(rt::z_to_n(n), m1_exec::digits_per_byte_n(cfg.m1_byte_mode)), o));
          }
        }
      } else {
        return m1_exec::emitted::Nothing();
      }
    }
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.M1Exec.emit_other");
}

// Coq: Hexproof.Proofs.M1Exec.emit (Definition)
inline m1_exec::emitted emit(const common::m1_config& cfg, const rt::option<common::bytes>& define, const common::bytes& s, const rt::outbuf& o) {
  switch (s.tag()) {
  case common::bytes::tag_t::nil: {
    switch (define.tag()) {
    case rt::option<common::bytes>::tag_t::Some: {
      const auto& Some_fields = define.as_Some();
      const common::bytes& v = Some_fields.f0;
      return m1_exec::emitted::Emitted(rt::push_all(o, v));
    }
    case rt::option<common::bytes>::tag_t::None: {
      return m1_exec::emitted::Nothing();
    }
    }
    rt::fatal("no case matched in Hexproof.Proofs.M1Exec.emit");
  }
  case common::bytes::tag_t::cons: {
    auto cons_fields = s.as_cons();
    common::byte& c = cons_fields.f0;
    rt::list<common::byte>& body = cons_fields.f1;
    bool scrut = rt::n_eqb(c, rt::N{34});
    if (scrut) {
      return m1_exec::emitted::Emitted(m1_exec::push_hexify(cfg, body, o));
    } else {
      bool scrut_1 = rt::n_eqb(c, rt::N{39});
      if (scrut_1) {
        return m1_exec::emitted::Emitted(rt::push_all(o, std::move(body)));
      } else {
        switch (define.tag()) {
        case rt::option<common::bytes>::tag_t::Some: {
          const auto& Some_fields_1 = define.as_Some();
          const common::bytes& v_1 = Some_fields_1.f0;
          return m1_exec::emitted::Emitted(rt::push_all(o, v_1));
        }
        case rt::option<common::bytes>::tag_t::None: {
          rt::option<m1_exec::emitted> scrut_2 = m1_exec::emit_immediate(cfg, s, o);
          switch (scrut_2.tag()) {
          case rt::option<m1_exec::emitted>::tag_t::Some: {
            const auto& Some_fields_2 = scrut_2.as_Some();
            const m1_exec::emitted& r = Some_fields_2.f0;
            return r;
          }
          case rt::option<m1_exec::emitted>::tag_t::None: {
            return m1_exec::emit_other(cfg, s, o);
          }
          }
          rt::fatal("no case matched in Hexproof.Proofs.M1Exec.emit");
        }
        }
        rt::fatal("no case matched in Hexproof.Proofs.M1Exec.emit");
      }
    }
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.M1Exec.emit");
}

// Coq: Hexproof.Proofs.M1Exec.cstate_init (Definition)
inline m1_exec::cstate cstate_init() {
  return m1_exec::cstate::mk_cstate(false, m1_exec::define_state::Ds_normal, rt::N{0}, rt::N{0}, rt::list<common::byte>::nil(), byte_map::empty<common::bytes>(), rt::option<common::error>::None(), rt::option<common::error>::None(), rt::out_empty(), m1_exec::last_kind::Lk_start);
}

// Coq: Hexproof.Proofs.M1Exec.is_define_text (Definition)
inline bool is_define_text(const common::bytes& s) {
  switch (s.tag()) {
  case common::bytes::tag_t::nil: {
    return false;
  }
  case common::bytes::tag_t::cons: {
    auto cons_fields = s.as_cons();
    common::byte& c1 = cons_fields.f0;
    rt::list<common::byte>& s1 = cons_fields.f1;
    bool scrut = rt::n_eqb(c1, rt::N{68});
    if (scrut) {
      switch (s1.tag()) {
      case rt::list<common::byte>::tag_t::nil: {
        return false;
      }
      case rt::list<common::byte>::tag_t::cons: {
        auto cons_fields_1 = s1.as_cons();
        common::byte& c2 = cons_fields_1.f0;
        rt::list<common::byte>& s2 = cons_fields_1.f1;
        bool scrut_1 = rt::n_eqb(c2, rt::N{69});
        if (scrut_1) {
          switch (s2.tag()) {
          case rt::list<common::byte>::tag_t::nil: {
            return false;
          }
          case rt::list<common::byte>::tag_t::cons: {
            auto cons_fields_2 = s2.as_cons();
            common::byte& c3 = cons_fields_2.f0;
            rt::list<common::byte>& s3 = cons_fields_2.f1;
            bool scrut_2 = rt::n_eqb(c3, rt::N{70});
            if (scrut_2) {
              switch (s3.tag()) {
              case rt::list<common::byte>::tag_t::nil: {
                return false;
              }
              case rt::list<common::byte>::tag_t::cons: {
                auto cons_fields_3 = s3.as_cons();
                common::byte& c4 = cons_fields_3.f0;
                rt::list<common::byte>& s4 = cons_fields_3.f1;
                bool scrut_3 = rt::n_eqb(c4, rt::N{73});
                if (scrut_3) {
                  switch (s4.tag()) {
                  case rt::list<common::byte>::tag_t::nil: {
                    return false;
                  }
                  case rt::list<common::byte>::tag_t::cons: {
                    auto cons_fields_4 = s4.as_cons();
                    common::byte& c5 = cons_fields_4.f0;
                    rt::list<common::byte>& s5 = cons_fields_4.f1;
                    bool scrut_4 = rt::n_eqb(c5, rt::N{78});
                    if (scrut_4) {
                      switch (s5.tag()) {
                      case rt::list<common::byte>::tag_t::nil: {
                        return false;
                      }
                      case rt::list<common::byte>::tag_t::cons: {
                        auto cons_fields_5 = s5.as_cons();
                        common::byte& c6 = cons_fields_5.f0;
                        rt::list<common::byte>& s6 = cons_fields_5.f1;
                        bool scrut_5 = rt::n_eqb(c6, rt::N{69});
                        if (scrut_5) {
                          switch (s6.tag()) {
                          case rt::list<common::byte>::tag_t::nil: {
                            return true;
                          }
                          case rt::list<common::byte>::tag_t::cons: {
                            return false;
                          }
                          }
                          rt::fatal("no case matched in Hexproof.Proofs.M1Exec.is_define_text");
                        } else {
                          return false;
                        }
                      }
                      }
                      rt::fatal("no case matched in Hexproof.Proofs.M1Exec.is_define_text");
                    } else {
                      return false;
                    }
                  }
                  }
                  rt::fatal("no case matched in Hexproof.Proofs.M1Exec.is_define_text");
                } else {
                  return false;
                }
              }
              }
              rt::fatal("no case matched in Hexproof.Proofs.M1Exec.is_define_text");
            } else {
              return false;
            }
          }
          }
          rt::fatal("no case matched in Hexproof.Proofs.M1Exec.is_define_text");
        } else {
          return false;
        }
      }
      }
      rt::fatal("no case matched in Hexproof.Proofs.M1Exec.is_define_text");
    } else {
      return false;
    }
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.M1Exec.is_define_text");
}

// Coq: Hexproof.Proofs.M1Exec.text_value (Definition)
inline common::bytes text_value(const common::bytes& s) {
  switch (s.tag()) {
  case common::bytes::tag_t::nil: {
    return s;
  }
  case common::bytes::tag_t::cons: {
    auto cons_fields = s.as_cons();
    common::byte& c = cons_fields.f0;
    rt::list<common::byte>& body = cons_fields.f1;
    bool scrut = m1_lex::is_quote(c);
    if (scrut) {
      return std::move(body);
    } else {
      return s;
    }
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.M1Exec.text_value");
}

// Coq: Hexproof.Proofs.M1Exec.feedA_word (Definition)
inline m1_exec::cstate feedA_word(const m1_exec::cstate& c, const common::bytes& s, const rt::N& f, const rt::N& off) {
  m1_exec::define_state scrut = c.c_ds;
  switch (scrut) {
  case m1_exec::define_state::Ds_normal: {
    bool scrut_1 = m1_exec::is_define_text(s);
    if (scrut_1) {
      return m1_exec::cstate::mk_cstate(true, m1_exec::define_state::Ds_name, f, off, c.c_name, c.c_defs, c.c_fail, c.c_inval, c.c_out, c.c_last);
    } else {
      return m1_exec::cstate::mk_cstate(true, m1_exec::define_state::Ds_normal, c.c_file, c.c_off, c.c_name, c.c_defs, c.c_fail, c.c_inval, c.c_out, c.c_last);
    }
  }
  case m1_exec::define_state::Ds_name: {
    return m1_exec::cstate::mk_cstate(true, m1_exec::define_state::Ds_value, c.c_file, c.c_off, s, c.c_defs, c.c_fail, c.c_inval, c.c_out, c.c_last);
  }
  case m1_exec::define_state::Ds_value: {
    return m1_exec::cstate::mk_cstate(true, m1_exec::define_state::Ds_normal, c.c_file, c.c_off, c.c_name, byte_map::add<common::bytes>(c.c_name, m1_exec::text_value(s), c.c_defs), c.c_fail, c.c_inval, c.c_out, c.c_last);
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.M1Exec.feedA_word");
}

// Coq: Hexproof.Proofs.M1Exec.feedA_newline (Definition)
inline m1_exec::cstate feedA_newline(const m1_exec::cstate& c) {
  m1_exec::define_state scrut = c.c_ds;
  switch (scrut) {
  case m1_exec::define_state::Ds_normal: {
    return m1_exec::cstate::mk_cstate(true, m1_exec::define_state::Ds_normal, c.c_file, c.c_off, c.c_name, c.c_defs, c.c_fail, c.c_inval, c.c_out, c.c_last);
  }
  case m1_exec::define_state::Ds_name: {
    return m1_exec::cstate::mk_cstate(true, m1_exec::define_state::Ds_value, c.c_file, c.c_off, rt::list<common::byte>::cons(m1_lex::ch_lf(), rt::list<common::byte>::nil()), c.c_defs, c.c_fail, c.c_inval, c.c_out, c.c_last);
  }
  case m1_exec::define_state::Ds_value: {
    return m1_exec::cstate::mk_cstate(true, m1_exec::define_state::Ds_normal, c.c_file, c.c_off, c.c_name, byte_map::add<rt::list<common::byte>>(c.c_name, rt::list<common::byte>::cons(m1_lex::ch_lf(), rt::list<common::byte>::nil()), c.c_defs), c.c_fail, c.c_inval, c.c_out, c.c_last);
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.M1Exec.feedA_newline");
}

// Coq: Hexproof.Proofs.M1Exec.defines_result (Definition)
inline common::result<byte_map::t<common::bytes>> defines_result(const m1_exec::cstate& c) {
  m1_exec::define_state scrut = c.c_ds;
  switch (scrut) {
  case m1_exec::define_state::Ds_normal: {
    return common::result<byte_map::t<common::bytes>>::Ok(c.c_defs);
  }
  case m1_exec::define_state::Ds_name: {
    return common::result<byte_map::t<common::bytes>>::Err(common::error::mk_error(common::error_kind::macro_name_missing, c.c_file, c.c_off, rt::Z{0}, rt::list<common::byte>::nil()));
  }
  case m1_exec::define_state::Ds_value: {
    return common::result<byte_map::t<common::bytes>>::Err(common::error::mk_error(common::error_kind::macro_value_missing, c.c_file, c.c_off, rt::Z{0}, rt::list<common::byte>::nil()));
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.M1Exec.defines_result");
}

// Coq: Hexproof.Proofs.M1Exec.check_word (Definition)
inline rt::option<common::error> check_word(const common::m1_config& cfg, const byte_map::t<common::bytes>& m, const common::bytes& s, const rt::N& f, const rt::N& off) {
  m1_exec::emitted scrut = m1_exec::emit(cfg, byte_map::find<common::bytes>(s, m), s, rt::out_empty());
  switch (scrut.tag()) {
  case m1_exec::emitted::tag_t::Emitted: {
    return rt::option<common::error>::None();
  }
  case m1_exec::emitted::tag_t::Nothing: {
    return rt::option<common::error>::None();
  }
  case m1_exec::emitted::tag_t::Failed: {
    const auto& Failed_fields = scrut.as_Failed();
    const common::error_kind& k = Failed_fields.f0;
    const rt::Z& v = Failed_fields.f1;
    return rt::option<common::error>::Some(common::error::mk_error(k, f, off, v, s));
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.M1Exec.check_word");
}

// Coq: Hexproof.Proofs.M1Exec.after_check (Definition)
inline m1_exec::cstate after_check(const m1_exec::cstate& c, const rt::option<common::error>& r, const m1_exec::define_state& d, const m1_exec::last_kind& l) {
  switch (r.tag()) {
  case rt::option<common::error>::tag_t::Some: {
    const auto& Some_fields = r.as_Some();
    const common::error& e = Some_fields.f0;
    return m1_exec::cstate::mk_cstate(c.c_any, c.c_ds, c.c_file, c.c_off, c.c_name, c.c_defs, rt::option<common::error>::Some(e), c.c_inval, c.c_out, c.c_last);
  }
  case rt::option<common::error>::tag_t::None: {
    return m1_exec::cstate::mk_cstate(c.c_any, d, c.c_file, c.c_off, c.c_name, c.c_defs, c.c_fail, c.c_inval, c.c_out, l);
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.M1Exec.after_check");
}

// Coq: Hexproof.Proofs.M1Exec.lead_word (Definition)
inline rt::outbuf lead_word(const m1_exec::last_kind& l, const rt::outbuf& o) {
  switch (l) {
  case m1_exec::last_kind::Lk_start: {
    return o;
  }
  case m1_exec::last_kind::Lk_word: {
    return rt::out_push(o, rt::N{32});
  }
  case m1_exec::last_kind::Lk_newline: {
    return rt::out_push(o, rt::N{10});
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.M1Exec.lead_word");
}

// Coq: Hexproof.Proofs.M1Exec.first_inval (Definition)
inline rt::option<common::error> first_inval(const m1_exec::cstate& c, const common::error& e) {
  rt::option<common::error> scrut = c.c_inval;
  switch (scrut.tag()) {
  case rt::option<common::error>::tag_t::Some: {
    const auto& Some_fields = scrut.as_Some();
    const common::error& e0 = Some_fields.f0;
    return rt::option<common::error>::Some(e0);
  }
  case rt::option<common::error>::tag_t::None: {
    return rt::option<common::error>::Some(e);
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.M1Exec.first_inval");
}

// Coq: Hexproof.Proofs.M1Exec.print_word (Definition)
inline m1_exec::cstate print_word(const common::m1_config& cfg, const byte_map::t<common::bytes>& m, const m1_exec::cstate& c, const common::bytes& s, const rt::N& f, const rt::N& off) {
  rt::outbuf o1 = m1_exec::lead_word(c.c_last, c.c_out);
  m1_exec::emitted scrut = m1_exec::emit(cfg, byte_map::find<common::bytes>(s, m), s, o1);
  switch (scrut.tag()) {
  case m1_exec::emitted::tag_t::Emitted: {
    const auto& Emitted_fields = scrut.as_Emitted();
    const rt::outbuf& o_ = Emitted_fields.f0;
    return m1_exec::cstate::mk_cstate(c.c_any, c.c_ds, c.c_file, c.c_off, c.c_name, c.c_defs, c.c_fail, c.c_inval, o_, m1_exec::last_kind::Lk_word);
  }
  case m1_exec::emitted::tag_t::Nothing: {
    return m1_exec::cstate::mk_cstate(c.c_any, c.c_ds, c.c_file, c.c_off, c.c_name, c.c_defs, c.c_fail, m1_exec::first_inval(c, common::error::mk_error(common::error_kind::invalid_other, f, off, rt::Z{0}, s)), std::move(o1), m1_exec::last_kind::Lk_word);
  }
  case m1_exec::emitted::tag_t::Failed: {
    const auto& Failed_fields = scrut.as_Failed();
    const common::error_kind& k = Failed_fields.f0;
    const rt::Z& v = Failed_fields.f1;
    return m1_exec::cstate::mk_cstate(c.c_any, c.c_ds, c.c_file, c.c_off, c.c_name, c.c_defs, rt::option<common::error>::Some(common::error::mk_error(k, f, off, v, s)), c.c_inval, c.c_out, c.c_last);
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.M1Exec.print_word");
}

// Coq: Hexproof.Proofs.M1Exec.feedB_word (Definition)
inline m1_exec::cstate feedB_word(const common::m1_config& cfg, const byte_map::t<common::bytes>& m, const m1_exec::cstate& c, const common::bytes& s, const rt::N& f, const rt::N& off) {
  rt::option<common::error> scrut = c.c_fail;
  switch (scrut.tag()) {
  case rt::option<common::error>::tag_t::Some: {
    return c;
  }
  case rt::option<common::error>::tag_t::None: {
    m1_exec::define_state scrut_1 = c.c_ds;
    switch (scrut_1) {
    case m1_exec::define_state::Ds_normal: {
      bool scrut_2 = m1_exec::is_define_text(s);
      if (scrut_2) {
        return m1_exec::after_check(c, m1_exec::check_word(cfg, m, s, f, off), m1_exec::define_state::Ds_name, c.c_last);
      } else {
        return m1_exec::print_word(cfg, m, c, s, f, off);
      }
    }
    case m1_exec::define_state::Ds_name: {
      return m1_exec::after_check(c, m1_exec::check_word(cfg, m, s, f, off), m1_exec::define_state::Ds_value, c.c_last);
    }
    case m1_exec::define_state::Ds_value: {
      return m1_exec::after_check(c, m1_exec::check_word(cfg, m, s, f, off), m1_exec::define_state::Ds_normal, m1_exec::last_kind::Lk_newline);
    }
    }
    rt::fatal("no case matched in Hexproof.Proofs.M1Exec.feedB_word");
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.M1Exec.feedB_word");
}

// Coq: Hexproof.Proofs.M1Exec.feedB_newline (Definition)
inline m1_exec::cstate feedB_newline(const m1_exec::cstate& c) {
  rt::option<common::error> scrut = c.c_fail;
  switch (scrut.tag()) {
  case rt::option<common::error>::tag_t::Some: {
    return c;
  }
  case rt::option<common::error>::tag_t::None: {
    m1_exec::define_state scrut_1 = c.c_ds;
    switch (scrut_1) {
    case m1_exec::define_state::Ds_normal: {
      return m1_exec::after_check(c, rt::option<common::error>::None(), m1_exec::define_state::Ds_normal, m1_exec::last_kind::Lk_newline);
    }
    case m1_exec::define_state::Ds_name: {
      return m1_exec::after_check(c, rt::option<common::error>::None(), m1_exec::define_state::Ds_value, c.c_last);
    }
    case m1_exec::define_state::Ds_value: {
      return m1_exec::after_check(c, rt::option<common::error>::None(), m1_exec::define_state::Ds_normal, m1_exec::last_kind::Lk_newline);
    }
    }
    rt::fatal("no case matched in Hexproof.Proofs.M1Exec.feedB_newline");
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.M1Exec.feedB_newline");
}

// Coq: Hexproof.Proofs.M1Exec.print_buffer (Definition)
inline common::result<rt::outbuf> print_buffer(const m1_exec::cstate& c) {
  rt::option<common::error> scrut = c.c_fail;
  switch (scrut.tag()) {
  case rt::option<common::error>::tag_t::Some: {
    const auto& Some_fields = scrut.as_Some();
    const common::error& e = Some_fields.f0;
    return common::result<rt::outbuf>::Err(e);
  }
  case rt::option<common::error>::tag_t::None: {
    rt::option<common::error> scrut_1 = c.c_inval;
    switch (scrut_1.tag()) {
    case rt::option<common::error>::tag_t::Some: {
      const auto& Some_fields_1 = scrut_1.as_Some();
      const common::error& e_1 = Some_fields_1.f0;
      return common::result<rt::outbuf>::Err(e_1);
    }
    case rt::option<common::error>::tag_t::None: {
      m1_exec::last_kind scrut_2 = c.c_last;
      switch (scrut_2) {
      case m1_exec::last_kind::Lk_start: {
        return common::result<rt::outbuf>::Ok(c.c_out);
      }
      case m1_exec::last_kind::Lk_word: {
        return common::result<rt::outbuf>::Ok(c.c_out);
      }
      case m1_exec::last_kind::Lk_newline: {
        return common::result<rt::outbuf>::Ok(rt::out_push(c.c_out, rt::N{10}));
      }
      }
      rt::fatal("no case matched in Hexproof.Proofs.M1Exec.print_buffer");
    }
    }
    rt::fatal("no case matched in Hexproof.Proofs.M1Exec.print_buffer");
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.M1Exec.print_buffer");
}

// Coq: Hexproof.Proofs.M1Exec.feed_word (Definition)
inline m1_exec::cstate feed_word(const bool& pass, const common::m1_config& cfg, const byte_map::t<common::bytes>& m, const m1_exec::cstate& c, const common::bytes& s, const rt::N& f, const rt::N& off) {
  if (pass) {
    return m1_exec::feedB_word(cfg, m, c, s, f, off);
  } else {
    return m1_exec::feedA_word(c, s, f, off);
  }
}

// Coq: Hexproof.Proofs.M1Exec.feed_newline (Definition)
inline m1_exec::cstate feed_newline(const bool& pass, const m1_exec::cstate& c) {
  if (pass) {
    return m1_exec::feedB_newline(c);
  } else {
    return m1_exec::feedA_newline(c);
  }
}

// Coq: Hexproof.Proofs.M1Exec.newline_if (Definition)
inline m1_exec::cstate newline_if(const bool& pass, const bool& quiet, const m1_exec::cstate& c) {
  if (quiet) {
    return c;
  } else {
    return m1_exec::feed_newline(pass, c);
  }
}

// Coq: Hexproof.Proofs.M1Exec.word_keeps (Definition)
inline bool word_keeps(const bool& pass, const m1_exec::cstate& c, const common::bytes& s) {
  if (pass) {
    return false;
  } else {
    m1_exec::define_state scrut = c.c_ds;
    switch (scrut) {
    case m1_exec::define_state::Ds_normal: {
      return rt::andb(c.c_any, rt::negb(m1_exec::is_define_text(s)));
    }
    case m1_exec::define_state::Ds_name: {
      return false;
    }
    case m1_exec::define_state::Ds_value: {
      return false;
    }
    }
    rt::fatal("no case matched in Hexproof.Proofs.M1Exec.word_keeps");
  }
}

// Coq: Hexproof.Proofs.M1Exec.scan (Fixpoint; its self tail calls are the loop)
inline common::result<rt::prod<bool, m1_exec::cstate>> scan(bool pass, const common::m1_config& cfg, const byte_map::t<common::bytes>& m, rt::N file, rt::N pos, m1_exec::lex_mode mode, rt::N start, rt::N q, common::bytes tok, rt::N len, common::bytes s, bool quiet, m1_exec::cstate c) {
  for (;;) {
    switch (s.tag()) {
    case common::bytes::tag_t::nil: {
      switch (mode) {
      case m1_exec::lex_mode::Lm_between: {
        return common::result<rt::prod<bool, m1_exec::cstate>>::Ok(rt::prod<bool, m1_exec::cstate>::pair(quiet, std::move(c)));
      }
      case m1_exec::lex_mode::Lm_comment: {
        return common::result<rt::prod<bool, m1_exec::cstate>>::Ok(rt::prod<bool, m1_exec::cstate>::pair(quiet, std::move(c)));
      }
      case m1_exec::lex_mode::Lm_atom: {
        rt::list<rt::N> text = rt::take_bytes(len, tok);
        bool scrut = rt::has_nul(text);
        if (scrut) {
          return common::result<rt::prod<bool, m1_exec::cstate>>::Err(m1_lex::lex_error(common::error_kind::nul_in_token, file, start));
        } else {
          return common::result<rt::prod<bool, m1_exec::cstate>>::Ok(rt::prod<bool, m1_exec::cstate>::pair(false, m1_exec::feed_word(pass, cfg, m, c, text, file, start)));
        }
      }
      case m1_exec::lex_mode::Lm_string: {
        return common::result<rt::prod<bool, m1_exec::cstate>>::Err(m1_lex::lex_error(common::error_kind::unterminated_string, file, start));
      }
      }
      rt::fatal("no case matched in Hexproof.Proofs.M1Exec.scan");
    }
    case common::bytes::tag_t::cons: {
      auto cons_fields = s.as_cons();
      common::byte& ch = cons_fields.f0;
      rt::list<common::byte>& s_ = cons_fields.f1;
      rt::N pos_ = rt::n_add(pos, rt::N{1});
      switch (mode) {
      case m1_exec::lex_mode::Lm_between: {
        bool scrut_1 = m1_lex::is_comment_start(ch);
        if (scrut_1) {
          rt::N next_pos = pos_;
          m1_exec::lex_mode next_mode = m1_exec::lex_mode::Lm_comment;
          common::bytes next_tok = rt::list<common::byte>::nil();
          rt::N next_len = rt::N{0};
          common::bytes next_s = std::move(s_);
          bool next_quiet = true;
          m1_exec::cstate next_c = m1_exec::newline_if(pass, quiet, c);
          pos = std::move(next_pos);
          mode = std::move(next_mode);
          tok = std::move(next_tok);
          len = std::move(next_len);
          s = std::move(next_s);
          quiet = std::move(next_quiet);
          c = std::move(next_c);
          continue;
        } else {
          bool scrut_2 = m1_lex::is_blank(ch);
          if (scrut_2) {
            rt::N next_pos_1 = pos_;
            m1_exec::lex_mode next_mode_1 = m1_exec::lex_mode::Lm_between;
            common::bytes next_tok_1 = rt::list<common::byte>::nil();
            rt::N next_len_1 = rt::N{0};
            common::bytes next_s_1 = std::move(s_);
            pos = std::move(next_pos_1);
            mode = std::move(next_mode_1);
            tok = std::move(next_tok_1);
            len = std::move(next_len_1);
            s = std::move(next_s_1);
            continue;
          } else {
            bool scrut_3 = rt::n_eqb(ch, m1_lex::ch_lf());
            if (scrut_3) {
              rt::N next_pos_2 = pos_;
              m1_exec::lex_mode next_mode_2 = m1_exec::lex_mode::Lm_between;
              common::bytes next_tok_2 = rt::list<common::byte>::nil();
              rt::N next_len_2 = rt::N{0};
              common::bytes next_s_2 = std::move(s_);
              bool next_quiet_1 = true;
              m1_exec::cstate next_c_1 = m1_exec::newline_if(pass, quiet, c);
              pos = std::move(next_pos_2);
              mode = std::move(next_mode_2);
              tok = std::move(next_tok_2);
              len = std::move(next_len_2);
              s = std::move(next_s_2);
              quiet = std::move(next_quiet_1);
              c = std::move(next_c_1);
              continue;
            } else {
              bool scrut_4 = m1_lex::is_quote(ch);
              if (scrut_4) {
                rt::N next_pos_3 = pos_;
                m1_exec::lex_mode next_mode_3 = m1_exec::lex_mode::Lm_string;
                rt::N next_start = pos;
                rt::N next_q = ch;
                common::bytes next_tok_3 = std::move(s);
                rt::N next_len_3 = rt::N{1};
                common::bytes next_s_3 = std::move(s_);
                pos = std::move(next_pos_3);
                mode = std::move(next_mode_3);
                start = std::move(next_start);
                q = std::move(next_q);
                tok = std::move(next_tok_3);
                len = std::move(next_len_3);
                s = std::move(next_s_3);
                continue;
              } else {
                rt::N next_pos_4 = pos_;
                m1_exec::lex_mode next_mode_4 = m1_exec::lex_mode::Lm_atom;
                rt::N next_start_1 = pos;
                common::bytes next_tok_4 = std::move(s);
                rt::N next_len_4 = rt::N{1};
                common::bytes next_s_4 = std::move(s_);
                pos = std::move(next_pos_4);
                mode = std::move(next_mode_4);
                start = std::move(next_start_1);
                tok = std::move(next_tok_4);
                len = std::move(next_len_4);
                s = std::move(next_s_4);
                continue;
              }
            }
          }
        }
      }
      case m1_exec::lex_mode::Lm_comment: {
        bool scrut_5 = m1_lex::is_comment_end(ch);
        if (scrut_5) {
          rt::N next_pos_5 = pos_;
          m1_exec::lex_mode next_mode_5 = m1_exec::lex_mode::Lm_between;
          common::bytes next_tok_5 = rt::list<common::byte>::nil();
          rt::N next_len_5 = rt::N{0};
          common::bytes next_s_5 = std::move(s_);
          pos = std::move(next_pos_5);
          mode = std::move(next_mode_5);
          tok = std::move(next_tok_5);
          len = std::move(next_len_5);
          s = std::move(next_s_5);
          continue;
        } else {
          rt::N next_pos_6 = pos_;
          m1_exec::lex_mode next_mode_6 = m1_exec::lex_mode::Lm_comment;
          common::bytes next_tok_6 = rt::list<common::byte>::nil();
          rt::N next_len_6 = rt::N{0};
          common::bytes next_s_6 = std::move(s_);
          pos = std::move(next_pos_6);
          mode = std::move(next_mode_6);
          tok = std::move(next_tok_6);
          len = std::move(next_len_6);
          s = std::move(next_s_6);
          continue;
        }
      }
      case m1_exec::lex_mode::Lm_atom: {
        bool scrut_6 = m1_lex::is_blank(ch);
        if (scrut_6) {
          rt::list<rt::N> text_1 = rt::take_bytes(len, tok);
          bool scrut_7 = rt::has_nul(text_1);
          if (scrut_7) {
            return common::result<rt::prod<bool, m1_exec::cstate>>::Err(m1_lex::lex_error(common::error_kind::nul_in_token, file, start));
          } else {
            bool scrut_8 = m1_exec::word_keeps(pass, c, text_1);
            if (scrut_8) {
              rt::N next_pos_7 = pos_;
              m1_exec::lex_mode next_mode_7 = m1_exec::lex_mode::Lm_between;
              common::bytes next_tok_7 = rt::list<common::byte>::nil();
              rt::N next_len_7 = rt::N{0};
              common::bytes next_s_7 = std::move(s_);
              bool next_quiet_2 = false;
              pos = std::move(next_pos_7);
              mode = std::move(next_mode_7);
              tok = std::move(next_tok_7);
              len = std::move(next_len_7);
              s = std::move(next_s_7);
              quiet = std::move(next_quiet_2);
              continue;
            } else {
              rt::N next_pos_8 = pos_;
              m1_exec::lex_mode next_mode_8 = m1_exec::lex_mode::Lm_between;
              common::bytes next_tok_8 = rt::list<common::byte>::nil();
              rt::N next_len_8 = rt::N{0};
              common::bytes next_s_8 = std::move(s_);
              bool next_quiet_3 = false;
              m1_exec::cstate next_c_2 = m1_exec::feed_word(pass, cfg, m, c, text_1, file, start);
              pos = std::move(next_pos_8);
              mode = std::move(next_mode_8);
              tok = std::move(next_tok_8);
              len = std::move(next_len_8);
              s = std::move(next_s_8);
              quiet = std::move(next_quiet_3);
              c = std::move(next_c_2);
              continue;
            }
          }
        } else {
          bool scrut_9 = rt::n_eqb(ch, m1_lex::ch_lf());
          if (scrut_9) {
            rt::list<rt::N> text_2 = rt::take_bytes(len, tok);
            bool scrut_10 = rt::has_nul(text_2);
            if (scrut_10) {
              return common::result<rt::prod<bool, m1_exec::cstate>>::Err(m1_lex::lex_error(common::error_kind::nul_in_token, file, start));
            } else {
              bool scrut_11 = m1_exec::word_keeps(pass, c, text_2);
              if (scrut_11) {
                rt::N next_pos_9 = pos_;
                m1_exec::lex_mode next_mode_9 = m1_exec::lex_mode::Lm_between;
                common::bytes next_tok_9 = rt::list<common::byte>::nil();
                rt::N next_len_9 = rt::N{0};
                common::bytes next_s_9 = std::move(s_);
                bool next_quiet_4 = true;
                pos = std::move(next_pos_9);
                mode = std::move(next_mode_9);
                tok = std::move(next_tok_9);
                len = std::move(next_len_9);
                s = std::move(next_s_9);
                quiet = std::move(next_quiet_4);
                continue;
              } else {
                rt::N next_pos_10 = pos_;
                m1_exec::lex_mode next_mode_10 = m1_exec::lex_mode::Lm_between;
                common::bytes next_tok_10 = rt::list<common::byte>::nil();
                rt::N next_len_10 = rt::N{0};
                common::bytes next_s_10 = std::move(s_);
                bool next_quiet_5 = true;
                m1_exec::cstate next_c_3 = m1_exec::feed_newline(pass, m1_exec::feed_word(pass, cfg, m, c, text_2, file, start));
                pos = std::move(next_pos_10);
                mode = std::move(next_mode_10);
                tok = std::move(next_tok_10);
                len = std::move(next_len_10);
                s = std::move(next_s_10);
                quiet = std::move(next_quiet_5);
                c = std::move(next_c_3);
                continue;
              }
            }
          } else {
            rt::N next_pos_11 = pos_;
            m1_exec::lex_mode next_mode_11 = m1_exec::lex_mode::Lm_atom;
            rt::N next_len_11 = rt::n_add(len, rt::N{1});
            common::bytes next_s_11 = std::move(s_);
            pos = std::move(next_pos_11);
            mode = std::move(next_mode_11);
            len = std::move(next_len_11);
            s = std::move(next_s_11);
            continue;
          }
        }
      }
      case m1_exec::lex_mode::Lm_string: {
        bool scrut_12 = rt::n_eqb(ch, q);
        if (scrut_12) {
          rt::list<rt::N> text_3 = rt::take_bytes(len, tok);
          bool scrut_13 = rt::has_nul(text_3);
          if (scrut_13) {
            return common::result<rt::prod<bool, m1_exec::cstate>>::Err(m1_lex::lex_error(common::error_kind::nul_in_token, file, start));
          } else {
            bool scrut_14 = m1_exec::word_keeps(pass, c, text_3);
            if (scrut_14) {
              rt::N next_pos_12 = pos_;
              m1_exec::lex_mode next_mode_12 = m1_exec::lex_mode::Lm_between;
              common::bytes next_tok_11 = rt::list<common::byte>::nil();
              rt::N next_len_12 = rt::N{0};
              common::bytes next_s_12 = std::move(s_);
              bool next_quiet_6 = false;
              pos = std::move(next_pos_12);
              mode = std::move(next_mode_12);
              tok = std::move(next_tok_11);
              len = std::move(next_len_12);
              s = std::move(next_s_12);
              quiet = std::move(next_quiet_6);
              continue;
            } else {
              rt::N next_pos_13 = pos_;
              m1_exec::lex_mode next_mode_13 = m1_exec::lex_mode::Lm_between;
              common::bytes next_tok_12 = rt::list<common::byte>::nil();
              rt::N next_len_13 = rt::N{0};
              common::bytes next_s_13 = std::move(s_);
              bool next_quiet_7 = false;
              m1_exec::cstate next_c_4 = m1_exec::feed_word(pass, cfg, m, c, text_3, file, start);
              pos = std::move(next_pos_13);
              mode = std::move(next_mode_13);
              tok = std::move(next_tok_12);
              len = std::move(next_len_13);
              s = std::move(next_s_13);
              quiet = std::move(next_quiet_7);
              c = std::move(next_c_4);
              continue;
            }
          }
        } else {
          rt::N next_pos_14 = pos_;
          m1_exec::lex_mode next_mode_14 = m1_exec::lex_mode::Lm_string;
          rt::N next_len_14 = rt::n_add(len, rt::N{1});
          common::bytes next_s_14 = std::move(s_);
          pos = std::move(next_pos_14);
          mode = std::move(next_mode_14);
          len = std::move(next_len_14);
          s = std::move(next_s_14);
          continue;
        }
      }
      }
      rt::fatal("no case matched in Hexproof.Proofs.M1Exec.scan");
    }
    }
    rt::fatal("no case matched in Hexproof.Proofs.M1Exec.scan");
  }
}

// Coq: Hexproof.Proofs.M1Exec.scan_files (Fixpoint; its self tail calls are the loop)
inline common::result<rt::prod<bool, m1_exec::cstate>> scan_files(bool pass, const common::m1_config& cfg, const byte_map::t<common::bytes>& m, rt::N file, const rt::list<common::bytes>& inputs_in, bool quiet, m1_exec::cstate c) {
  const rt::list<common::bytes>* inputs = &inputs_in;
  for (;;) {
    switch ((*inputs).tag()) {
    case rt::list<common::bytes>::tag_t::nil: {
      return common::result<rt::prod<bool, m1_exec::cstate>>::Ok(rt::prod<bool, m1_exec::cstate>::pair(quiet, std::move(c)));
    }
    case rt::list<common::bytes>::tag_t::cons: {
      const auto& cons_fields = (*inputs).as_cons();
      const common::bytes& f = cons_fields.f0;
      const rt::list<common::bytes>& fs = cons_fields.f1;
      common::result<rt::prod<bool, m1_exec::cstate>> scrut = m1_exec::scan(pass, cfg, m, file, rt::N{0}, m1_exec::lex_mode::Lm_between, rt::N{0}, rt::N{0}, rt::list<common::byte>::nil(), rt::N{0}, f, quiet, c);
      switch (scrut.tag()) {
      case common::result<rt::prod<bool, m1_exec::cstate>>::tag_t::Ok: {
        const auto& Ok_fields = scrut.as_Ok();
        const rt::prod<bool, m1_exec::cstate>& p = Ok_fields.f0;
        const bool& q = p.f0;
        const m1_exec::cstate& c_ = p.f1;
        rt::N next_file = rt::n_add(file, rt::N{1});
        const rt::list<common::bytes>* next_inputs = &fs;
        bool next_quiet = true;
        m1_exec::cstate next_c = m1_exec::newline_if(pass, q, c_);
        file = std::move(next_file);
        inputs = std::move(next_inputs);
        quiet = std::move(next_quiet);
        c = std::move(next_c);
        continue;
      }
      case common::result<rt::prod<bool, m1_exec::cstate>>::tag_t::Err: {
        const auto& Err_fields = scrut.as_Err();
        const common::error& e = Err_fields.f0;
        return common::result<rt::prod<bool, m1_exec::cstate>>::Err(e);
      }
      }
      rt::fatal("no case matched in Hexproof.Proofs.M1Exec.scan_files");
    }
    }
    rt::fatal("no case matched in Hexproof.Proofs.M1Exec.scan_files");
  }
}

// Coq: Hexproof.Proofs.M1Exec.assemble_out (Definition)
inline common::result<rt::outbuf> assemble_out(const common::m1_config& cfg, const rt::list<common::bytes>& inputs) {
  common::result<rt::prod<bool, m1_exec::cstate>> scrut = m1_exec::scan_files(false, cfg, byte_map::empty<common::bytes>(), rt::N{0}, inputs, true, m1_exec::cstate_init());
  switch (scrut.tag()) {
  case common::result<rt::prod<bool, m1_exec::cstate>>::tag_t::Ok: {
    const auto& Ok_fields = scrut.as_Ok();
    const rt::prod<bool, m1_exec::cstate>& p = Ok_fields.f0;
    const m1_exec::cstate& a = p.f1;
    bool scrut_1 = rt::negb(a.c_any);
    if (scrut_1) {
      return common::result<rt::outbuf>::Err(m1_spec::empty_input_error());
    } else {
      common::result<byte_map::t<common::bytes>> scrut_2 = m1_exec::defines_result(a);
      switch (scrut_2.tag()) {
      case common::result<byte_map::t<common::bytes>>::tag_t::Ok: {
        const auto& Ok_fields_1 = scrut_2.as_Ok();
        const byte_map::t<common::bytes>& m = Ok_fields_1.f0;
        common::result<rt::prod<bool, m1_exec::cstate>> scrut_3 = m1_exec::scan_files(true, cfg, m, rt::N{0}, inputs, true, m1_exec::cstate_init());
        switch (scrut_3.tag()) {
        case common::result<rt::prod<bool, m1_exec::cstate>>::tag_t::Ok: {
          const auto& Ok_fields_2 = scrut_3.as_Ok();
          const rt::prod<bool, m1_exec::cstate>& p0 = Ok_fields_2.f0;
          const m1_exec::cstate& b = p0.f1;
          return m1_exec::print_buffer(b);
        }
        case common::result<rt::prod<bool, m1_exec::cstate>>::tag_t::Err: {
          const auto& Err_fields = scrut_3.as_Err();
          const common::error& e = Err_fields.f0;
          return common::result<rt::outbuf>::Err(e);
        }
        }
        rt::fatal("no case matched in Hexproof.Proofs.M1Exec.assemble_out");
      }
      case common::result<byte_map::t<common::bytes>>::tag_t::Err: {
        const auto& Err_fields_1 = scrut_2.as_Err();
        const common::error& e_1 = Err_fields_1.f0;
        return common::result<rt::outbuf>::Err(e_1);
      }
      }
      rt::fatal("no case matched in Hexproof.Proofs.M1Exec.assemble_out");
    }
  }
  case common::result<rt::prod<bool, m1_exec::cstate>>::tag_t::Err: {
    const auto& Err_fields_2 = scrut.as_Err();
    const common::error& e_2 = Err_fields_2.f0;
    return common::result<rt::outbuf>::Err(e_2);
  }
  }
  rt::fatal("no case matched in Hexproof.Proofs.M1Exec.assemble_out");
}

}  // namespace hexproof::m1_exec
