// m1_exec.hpp: the C++ printed from the Coq module Hexproof.Proofs.M1Exec.
//
// Generated; do not edit. Made by `extracted/regen.sh OUTDIR`, which runs: hexproof_printer --module Hexproof.Spec.Common --module Hexproof.Spec.Hex2Encode --module Hexproof.Spec.Hex2Lex --module Hexproof.Spec.Hex2Spec --module Hexproof.Spec.M1Eval --module Hexproof.Spec.M1Lex --module Hexproof.Spec.M1Spec --module Hexproof.Spec.Strtoint --module Hexproof.Proofs.ByteMap --module Hexproof.Proofs.Hex2Exec --module Hexproof.Proofs.M1Exec --module Hexproof.Proofs.OutBuf --out OUTDIR extraction.json
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

// Coq: Hexproof.Proofs.M1Exec.push_all (Fixpoint; its self tail calls are the loop)
inline rt::outbuf push_all(rt::outbuf o, common::bytes v) {
  for (;;) {
    switch (v.tag()) {
    case common::bytes::tag_t::nil: {
      return o;
    }
    case common::bytes::tag_t::cons: {
      const auto& cons_fields = v.as_cons();
      const common::byte& b = cons_fields.f0;
      const rt::list<common::byte>& v_ = cons_fields.f1;
      rt::outbuf next_o = rt::out_push(o, b);
      common::bytes next_v = v_;
      o = std::move(next_o);
      v = std::move(next_v);
      continue;
    }
    }
    rt::impossible("no case matched in Hexproof.Proofs.M1Exec.push_all");
  }
}

// Coq: Hexproof.Proofs.M1Exec.push_zeros_pow (Fixpoint; its self tail calls are the loop, its other self calls recurse)
inline rt::outbuf push_zeros_pow(rt::list<rt::N> ls, rt::outbuf o) {
  for (;;) {
    switch (ls.tag()) {
    case rt::list<rt::N>::tag_t::nil: {
      return rt::out_push(o, rt::N{48});
    }
    case rt::list<rt::N>::tag_t::cons: {
      const auto& cons_fields = ls.as_cons();
      const rt::list<rt::N>& ls_ = cons_fields.f1;
      rt::list<rt::N> next_ls = ls_;
      rt::outbuf next_o = m1_exec::push_zeros_pow(ls_, o);
      ls = std::move(next_ls);
      o = std::move(next_o);
      continue;
    }
    }
    rt::impossible("no case matched in Hexproof.Proofs.M1Exec.push_zeros_pow");
  }
}

// Coq: Hexproof.Proofs.M1Exec.push_zeros_loop (Fixpoint; its self tail calls are the loop)
inline rt::outbuf push_zeros_loop(rt::list<rt::N> ls, rt::N count, rt::outbuf o) {
  for (;;) {
    switch (ls.tag()) {
    case rt::list<rt::N>::tag_t::nil: {
      return o;
    }
    case rt::list<rt::N>::tag_t::cons: {
      const auto& cons_fields = ls.as_cons();
      const rt::N& k = cons_fields.f0;
      const rt::list<rt::N>& ls_ = cons_fields.f1;
      rt::outbuf tmp{};
      bool scrut = rt::n_testbit(count, k);
      if (scrut) {
        tmp = m1_exec::push_zeros_pow(ls_, o);
      } else {
        tmp = o;
      }
      rt::list<rt::N> next_ls = ls_;
      rt::outbuf next_o = tmp;
      ls = std::move(next_ls);
      o = std::move(next_o);
      continue;
    }
    }
    rt::impossible("no case matched in Hexproof.Proofs.M1Exec.push_zeros_loop");
  }
}

// Coq: Hexproof.Proofs.M1Exec.bit_positions (Definition)
inline rt::list<rt::N> bit_positions() {
  return rt::list<rt::N>::cons(rt::N{35}, rt::list<rt::N>::cons(rt::N{34}, rt::list<rt::N>::cons(rt::N{33}, rt::list<rt::N>::cons(rt::N{32}, rt::list<rt::N>::cons(rt::N{31}, rt::list<rt::N>::cons(rt::N{30}, rt::list<rt::N>::cons(rt::N{29}, rt::list<rt::N>::cons(rt::N{28}, rt::list<rt::N>::cons(rt::N{27}, rt::list<rt::N>::cons(rt::N{26}, rt::list<rt::N>::cons(rt::N{25}, rt::list<rt::N>::cons(rt::N{24}, rt::list<rt::N>::cons(rt::N{23}, rt::list<rt::N>::cons(rt::N{22}, rt::list<rt::N>::cons(rt::N{21}, rt::list<rt::N>::cons(rt::N{20}, rt::list<rt::N>::cons(rt::N{19}, rt::list<rt::N>::cons(rt::N{18}, rt::list<rt::N>::cons(rt::N{17}, rt::list<rt::N>::cons(rt::N{16}, rt::list<rt::N>::cons(rt::N{15}, rt::list<rt::N>::cons(rt::N{14}, rt::list<rt::N>::cons(rt::N{13}, rt::list<rt::N>::cons(rt::N{12}, rt::list<rt::N>::cons(rt::N{11}, rt::list<rt::N>::cons(rt::N{10}, rt::list<rt::N>::cons(rt::N{9}, rt::list<rt::N>::cons(rt::N{8}, rt::list<rt::N>::cons(rt::N{7}, rt::list<rt::N>::cons(rt::N{6}, rt::list<rt::N>::cons(rt::N{5}, rt::list<rt::N>::cons(rt::N{4}, rt::list<rt::N>::cons(rt::N{3}, rt::list<rt::N>::cons(rt::N{2}, rt::list<rt::N>::cons(rt::N{1}, rt::list<rt::N>::cons(rt::N{0}, rt::list<rt::N>::nil()))))))))))))))))))))))))))))))))))));
}

// Coq: Hexproof.Proofs.M1Exec.push_zeros (Definition)
inline rt::outbuf push_zeros(const rt::N& count, const rt::outbuf& o) {
  return m1_exec::push_zeros_loop(m1_exec::bit_positions(), count, o);
}

// Coq: Hexproof.Proofs.M1Exec.digit_counter (Definition)
inline rt::list<rt::N> digit_counter(const common::byte_mode& m) {
  switch (m) {
  case common::byte_mode::hex_mode: {
    return rt::list<rt::N>::cons(rt::N{0}, rt::list<rt::N>::cons(rt::N{0}, rt::list<rt::N>::nil()));
  }
  case common::byte_mode::octal_mode: {
    return rt::list<rt::N>::cons(rt::N{0}, rt::list<rt::N>::cons(rt::N{0}, rt::list<rt::N>::cons(rt::N{0}, rt::list<rt::N>::nil())));
  }
  case common::byte_mode::binary_mode: {
    return rt::list<rt::N>::cons(rt::N{0}, rt::list<rt::N>::cons(rt::N{0}, rt::list<rt::N>::cons(rt::N{0}, rt::list<rt::N>::cons(rt::N{0}, rt::list<rt::N>::cons(rt::N{0}, rt::list<rt::N>::cons(rt::N{0}, rt::list<rt::N>::cons(rt::N{0}, rt::list<rt::N>::cons(rt::N{0}, rt::list<rt::N>::nil()))))))));
  }
  }
  rt::impossible("no case matched in Hexproof.Proofs.M1Exec.digit_counter");
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
  rt::impossible("no case matched in Hexproof.Proofs.M1Exec.digit_mask");
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
  rt::impossible("no case matched in Hexproof.Proofs.M1Exec.group_bits");
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
  rt::impossible("no case matched in Hexproof.Proofs.M1Exec.digits_per_byte_n");
}

// Coq: Hexproof.Proofs.M1Exec.push_low_digits (Fixpoint; recursive)
inline rt::outbuf push_low_digits(const rt::list<rt::N>& c, const common::byte_mode& m, const rt::Z& v, const rt::outbuf& o) {
  switch (c.tag()) {
  case rt::list<rt::N>::tag_t::nil: {
    return o;
  }
  case rt::list<rt::N>::tag_t::cons: {
    const auto& cons_fields = c.as_cons();
    const rt::list<rt::N>& c_ = cons_fields.f1;
    return rt::out_push(m1_exec::push_low_digits(c_, m, rt::z_shiftr(v, m1_eval::digit_bits(m)), o), m1_eval::digit_char(rt::z_land(v, m1_exec::digit_mask(m))));
  }
  }
  rt::impossible("no case matched in Hexproof.Proofs.M1Exec.push_low_digits");
}

// Coq: Hexproof.Proofs.M1Exec.push_groups_le (Fixpoint; its self tail calls are the loop)
inline rt::outbuf push_groups_le(rt::list<rt::N> c, common::byte_mode m, rt::Z v, rt::outbuf o) {
  for (;;) {
    switch (c.tag()) {
    case rt::list<rt::N>::tag_t::nil: {
      return o;
    }
    case rt::list<rt::N>::tag_t::cons: {
      const auto& cons_fields = c.as_cons();
      const rt::list<rt::N>& c_ = cons_fields.f1;
      rt::list<rt::N> next_c = c_;
      rt::Z next_v = rt::z_shiftr(v, m1_exec::group_bits(m));
      rt::outbuf next_o = m1_exec::push_low_digits(m1_exec::digit_counter(m), m, v, o);
      c = std::move(next_c);
      v = std::move(next_v);
      o = std::move(next_o);
      continue;
    }
    }
    rt::impossible("no case matched in Hexproof.Proofs.M1Exec.push_groups_le");
  }
}

// Coq: Hexproof.Proofs.M1Exec.push_groups_be (Fixpoint; recursive)
inline rt::outbuf push_groups_be(const rt::list<rt::N>& c, const common::byte_mode& m, const rt::Z& v, const rt::outbuf& o) {
  switch (c.tag()) {
  case rt::list<rt::N>::tag_t::nil: {
    return o;
  }
  case rt::list<rt::N>::tag_t::cons: {
    const auto& cons_fields = c.as_cons();
    const rt::list<rt::N>& c_ = cons_fields.f1;
    return m1_exec::push_low_digits(m1_exec::digit_counter(m), m, v, m1_exec::push_groups_be(c_, m, rt::z_shiftr(v, m1_exec::group_bits(m)), o));
  }
  }
  rt::impossible("no case matched in Hexproof.Proofs.M1Exec.push_groups_be");
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
  bool tmp{};
  const bool& m1_big_endian = cfg.f1;
  tmp = m1_big_endian;
  bool scrut = tmp;
  if (scrut) {
    common::byte_mode tmp_1{};
    const common::byte_mode& m1_byte_mode = cfg.f2;
    tmp_1 = m1_byte_mode;
    return m1_exec::push_groups_be(w, tmp_1, v, o);
  } else {
    common::byte_mode tmp_2{};
    const common::byte_mode& m1_byte_mode_1 = cfg.f2;
    tmp_2 = m1_byte_mode_1;
    return m1_exec::push_groups_le(w, tmp_2, v, o);
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
      const auto& cons_fields = s.as_cons();
      const common::byte& b = cons_fields.f0;
      const rt::list<common::byte>& s_ = cons_fields.f1;
      common::bytes next_s = s_;
      rt::outbuf next_o = rt::out_push(m1_exec::push_low_digits(m1_exec::digit_counter(m), m, rt::z_of_n(b), o), rt::N{32});
      s = std::move(next_s);
      o = std::move(next_o);
      continue;
    }
    }
    rt::impossible("no case matched in Hexproof.Proofs.M1Exec.push_string_digits");
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
      const auto& cons_fields = s.as_cons();
      const rt::list<common::byte>& s_ = cons_fields.f1;
      common::bytes next_s = s_;
      rt::N next_n = rt::n_add(n, rt::N{1});
      s = std::move(next_s);
      n = std::move(next_n);
      continue;
    }
    }
    rt::impossible("no case matched in Hexproof.Proofs.M1Exec.count_bytes");
  }
}

// Coq: Hexproof.Proofs.M1Exec.knight_pad_count (Definition)
inline rt::N knight_pad_count(const common::m1_config& cfg, const rt::N& n) {
  common::architecture tmp{};
  const common::architecture& m1_arch = cfg.f0;
  tmp = m1_arch;
  common::architecture scrut = tmp;
  switch (scrut) {
  case common::architecture::knight: {
    common::byte_mode tmp_1{};
    const common::byte_mode& m1_byte_mode = cfg.f2;
    tmp_1 = m1_byte_mode;
    common::byte_mode scrut_1 = tmp_1;
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
    rt::impossible("no case matched in Hexproof.Proofs.M1Exec.knight_pad_count");
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
  rt::impossible("no case matched in Hexproof.Proofs.M1Exec.knight_pad_count");
}

// Coq: Hexproof.Proofs.M1Exec.push_hexify (Definition)
inline rt::outbuf push_hexify(const common::m1_config& cfg, const common::bytes& body, const rt::outbuf& o) {
  common::byte_mode m{};
  const common::byte_mode& m1_byte_mode = cfg.f2;
  m = m1_byte_mode;
  rt::outbuf o1 = m1_exec::push_string_digits(m, body, o);
  rt::outbuf o2 = rt::out_push(m1_exec::push_low_digits(m1_exec::digit_counter(m), m, rt::Z{0}, o1), rt::N{32});
  return m1_exec::push_zeros(m1_exec::knight_pad_count(cfg, rt::n_add(m1_exec::count_bytes(body, rt::N{0}), rt::N{1})), o2);
}

// Coq: Hexproof.Proofs.M1Exec.mem (Fixpoint; its self tail calls are the loop)
inline bool mem(rt::N c, rt::list<rt::N> l) {
  for (;;) {
    switch (l.tag()) {
    case rt::list<rt::N>::tag_t::nil: {
      return false;
    }
    case rt::list<rt::N>::tag_t::cons: {
      const auto& cons_fields = l.as_cons();
      const rt::N& x = cons_fields.f0;
      const rt::list<rt::N>& l_ = cons_fields.f1;
      bool scrut = rt::n_eqb(c, x);
      if (scrut) {
        return true;
      } else {
        rt::list<rt::N> next_l = l_;
        l = std::move(next_l);
        continue;
      }
    }
    }
    rt::impossible("no case matched in Hexproof.Proofs.M1Exec.mem");
  }
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
    const auto& cons_fields = s.as_cons();
    const common::byte& c = cons_fields.f0;
    const rt::list<common::byte>& rest = cons_fields.f1;
    bool scrut = rt::n_eqb(c, rt::N{60});
    if (scrut) {
      return rt::option<m1_exec::emitted>::None();
    } else {
      common::architecture tmp{};
      const common::architecture& m1_arch = cfg.f0;
      tmp = m1_arch;
      bool scrut_1 = m1_eval::is_riscv(tmp);
      if (scrut_1) {
        bool scrut_2 = rt::andb(m1_exec::mem(c, rt::list<rt::N>::cons(rt::N{37}, rt::list<rt::N>::cons(rt::N{126}, rt::list<rt::N>::cons(rt::N{64}, rt::list<rt::N>::cons(rt::N{33}, rt::list<rt::N>::cons(rt::N{36}, rt::list<rt::N>::nil())))))), strtoint::is_number(rest));
        if (scrut_2) {
          return rt::option<m1_exec::emitted>::Some(m1_exec::emitted::Emitted(m1_exec::push_word(cfg, c, strtoint::strtoint(rest), o)));
        } else {
          return rt::option<m1_exec::emitted>::None();
        }
      } else {
        bool scrut_3 = m1_exec::mem(c, rt::list<rt::N>::cons(rt::N{37}, rt::list<rt::N>::cons(rt::N{126}, rt::list<rt::N>::cons(rt::N{64}, rt::list<rt::N>::cons(rt::N{33}, rt::list<rt::N>::cons(rt::N{38}, rt::list<rt::N>::cons(rt::N{36}, rt::list<rt::N>::nil())))))));
        if (scrut_3) {
          bool scrut_4 = strtoint::is_number(rest);
          if (scrut_4) {
            return rt::option<m1_exec::emitted>::Some(m1_exec::emit_number(cfg, c, strtoint::strtoint(rest), o));
          } else {
            return rt::option<m1_exec::emitted>::None();
          }
        } else {
          common::architecture tmp_1{};
          const common::architecture& m1_arch_1 = cfg.f0;
          tmp_1 = m1_arch_1;
          common::architecture scrut_5 = tmp_1;
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
          rt::impossible("no case matched in Hexproof.Proofs.M1Exec.emit_immediate");
        }
      }
    }
  }
  }
  rt::impossible("no case matched in Hexproof.Proofs.M1Exec.emit_immediate");
}

// Coq: Hexproof.Proofs.M1Exec.emit_other (Definition)
inline m1_exec::emitted emit_other(const common::m1_config& cfg, const common::bytes& s, const rt::outbuf& o) {
  switch (s.tag()) {
  case common::bytes::tag_t::nil: {
    return m1_exec::emitted::Nothing();
  }
  case common::bytes::tag_t::cons: {
    const auto& cons_fields = s.as_cons();
    const common::byte& c = cons_fields.f0;
    const rt::list<common::byte>& rest = cons_fields.f1;
    bool scrut = m1_exec::mem(c, rt::list<rt::N>::cons(rt::N{33}, rt::list<rt::N>::cons(rt::N{64}, rt::list<rt::N>::cons(rt::N{36}, rt::list<rt::N>::cons(rt::N{126}, rt::list<rt::N>::cons(rt::N{37}, rt::list<rt::N>::cons(rt::N{38}, rt::list<rt::N>::cons(rt::N{58}, rt::list<rt::N>::cons(rt::N{94}, rt::list<rt::N>::nil())))))))));
    if (scrut) {
      return m1_exec::emitted::Emitted(m1_exec::push_all(o, s));
    } else {
      bool scrut_1 = rt::n_eqb(c, rt::N{60});
      if (scrut_1) {
        rt::Z n = strtoint::strtoint(rest);
        bool scrut_2 = rt::z_eqb(n, rt::Z{0});
        if (scrut_2) {
          return m1_exec::emitted::Emitted(m1_exec::push_all(o, s));
        } else {
          bool scrut_3 = rt::z_ltb(n, rt::Z{0});
          if (scrut_3) {
            return m1_exec::emitted::Failed(common::error_kind::negative_padding, n);
          } else {
            common::byte_mode tmp{};
            const common::byte_mode& m1_byte_mode = cfg.f2;
            tmp = m1_byte_mode;
            return m1_exec::emitted::Emitted(m1_exec::push_zeros(rt::n_mul(rt::z_to_n(n), m1_exec::digits_per_byte_n(tmp)), o));
          }
        }
      } else {
        return m1_exec::emitted::Nothing();
      }
    }
  }
  }
  rt::impossible("no case matched in Hexproof.Proofs.M1Exec.emit_other");
}

// Coq: Hexproof.Proofs.M1Exec.emit (Definition)
inline m1_exec::emitted emit(const common::m1_config& cfg, const rt::option<common::bytes>& define, const common::bytes& s, const rt::outbuf& o) {
  switch (s.tag()) {
  case common::bytes::tag_t::nil: {
    switch (define.tag()) {
    case rt::option<common::bytes>::tag_t::Some: {
      const auto& Some_fields = define.as_Some();
      const common::bytes& v = Some_fields.f0;
      return m1_exec::emitted::Emitted(m1_exec::push_all(o, v));
    }
    case rt::option<common::bytes>::tag_t::None: {
      return m1_exec::emitted::Nothing();
    }
    }
    rt::impossible("no case matched in Hexproof.Proofs.M1Exec.emit");
  }
  case common::bytes::tag_t::cons: {
    const auto& cons_fields = s.as_cons();
    const common::byte& c = cons_fields.f0;
    const rt::list<common::byte>& body = cons_fields.f1;
    bool scrut = rt::n_eqb(c, rt::N{34});
    if (scrut) {
      return m1_exec::emitted::Emitted(m1_exec::push_hexify(cfg, body, o));
    } else {
      bool scrut_1 = rt::n_eqb(c, rt::N{39});
      if (scrut_1) {
        return m1_exec::emitted::Emitted(m1_exec::push_all(o, body));
      } else {
        switch (define.tag()) {
        case rt::option<common::bytes>::tag_t::Some: {
          const auto& Some_fields_1 = define.as_Some();
          const common::bytes& v_1 = Some_fields_1.f0;
          return m1_exec::emitted::Emitted(m1_exec::push_all(o, v_1));
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
          rt::impossible("no case matched in Hexproof.Proofs.M1Exec.emit");
        }
        }
        rt::impossible("no case matched in Hexproof.Proofs.M1Exec.emit");
      }
    }
  }
  }
  rt::impossible("no case matched in Hexproof.Proofs.M1Exec.emit");
}

// Coq: Hexproof.Proofs.M1Exec.rev_text (Fixpoint; its self tail calls are the loop)
inline common::bytes rev_text(common::bytes l, common::bytes acc) {
  for (;;) {
    switch (l.tag()) {
    case common::bytes::tag_t::nil: {
      return acc;
    }
    case common::bytes::tag_t::cons: {
      const auto& cons_fields = l.as_cons();
      const common::byte& x = cons_fields.f0;
      const rt::list<common::byte>& l_ = cons_fields.f1;
      common::bytes next_l = l_;
      common::bytes next_acc = rt::list<common::byte>::cons(x, acc);
      l = std::move(next_l);
      acc = std::move(next_acc);
      continue;
    }
    }
    rt::impossible("no case matched in Hexproof.Proofs.M1Exec.rev_text");
  }
}

// Coq: Hexproof.Proofs.M1Exec.push_newline (Definition)
inline rt::list<m1_lex::token> push_newline(const bool& quiet, const rt::list<m1_lex::token>& acc) {
  if (quiet) {
    return acc;
  } else {
    return rt::list<m1_lex::token>::cons(m1_lex::token::Newline(), acc);
  }
}

// Coq: Hexproof.Proofs.M1Exec.lex_loop (Fixpoint; its self tail calls are the loop)
inline common::result<rt::prod<bool, rt::list<m1_lex::token>>> lex_loop(rt::N file, rt::N pos, m1_lex::lex_state st, common::bytes s, bool quiet, rt::list<m1_lex::token> acc) {
  for (;;) {
    switch (s.tag()) {
    case common::bytes::tag_t::nil: {
      switch (st.tag()) {
      case m1_lex::lex_state::tag_t::Between: {
        return common::result<rt::prod<bool, rt::list<m1_lex::token>>>::Ok(rt::prod<bool, rt::list<m1_lex::token>>::pair(quiet, acc));
      }
      case m1_lex::lex_state::tag_t::In_comment: {
        return common::result<rt::prod<bool, rt::list<m1_lex::token>>>::Ok(rt::prod<bool, rt::list<m1_lex::token>>::pair(quiet, acc));
      }
      case m1_lex::lex_state::tag_t::In_atom: {
        const auto& In_atom_fields = st.as_In_atom();
        const rt::N& start = In_atom_fields.f0;
        const common::bytes& rt_ = In_atom_fields.f1;
        common::bytes text = m1_exec::rev_text(rt_, rt::list<common::byte>::nil());
        bool scrut = m1_lex::has_nul(text);
        if (scrut) {
          return common::result<rt::prod<bool, rt::list<m1_lex::token>>>::Err(m1_lex::lex_error(common::error_kind::nul_in_token, file, start));
        } else {
          return common::result<rt::prod<bool, rt::list<m1_lex::token>>>::Ok(rt::prod<bool, rt::list<m1_lex::token>>::pair(false, rt::list<m1_lex::token>::cons(m1_lex::token::Word(text, file, start), acc)));
        }
      }
      case m1_lex::lex_state::tag_t::In_string: {
        const auto& In_string_fields = st.as_In_string();
        const rt::N& start_1 = In_string_fields.f1;
        return common::result<rt::prod<bool, rt::list<m1_lex::token>>>::Err(m1_lex::lex_error(common::error_kind::unterminated_string, file, start_1));
      }
      }
      rt::impossible("no case matched in Hexproof.Proofs.M1Exec.lex_loop");
    }
    case common::bytes::tag_t::cons: {
      const auto& cons_fields = s.as_cons();
      const common::byte& c = cons_fields.f0;
      const rt::list<common::byte>& s_ = cons_fields.f1;
      rt::N pos_ = rt::n_add(pos, rt::N{1});
      switch (st.tag()) {
      case m1_lex::lex_state::tag_t::Between: {
        bool scrut_1 = m1_lex::is_comment_start(c);
        if (scrut_1) {
          rt::N next_pos = pos_;
          m1_lex::lex_state next_st = m1_lex::lex_state::In_comment();
          common::bytes next_s = s_;
          bool next_quiet = true;
          rt::list<m1_lex::token> next_acc = m1_exec::push_newline(quiet, acc);
          pos = std::move(next_pos);
          st = std::move(next_st);
          s = std::move(next_s);
          quiet = std::move(next_quiet);
          acc = std::move(next_acc);
          continue;
        } else {
          bool scrut_2 = m1_lex::is_blank(c);
          if (scrut_2) {
            rt::N next_pos_1 = pos_;
            m1_lex::lex_state next_st_1 = m1_lex::lex_state::Between();
            common::bytes next_s_1 = s_;
            pos = std::move(next_pos_1);
            st = std::move(next_st_1);
            s = std::move(next_s_1);
            continue;
          } else {
            bool scrut_3 = rt::n_eqb(c, m1_lex::ch_lf());
            if (scrut_3) {
              rt::N next_pos_2 = pos_;
              m1_lex::lex_state next_st_2 = m1_lex::lex_state::Between();
              common::bytes next_s_2 = s_;
              bool next_quiet_1 = true;
              rt::list<m1_lex::token> next_acc_1 = m1_exec::push_newline(quiet, acc);
              pos = std::move(next_pos_2);
              st = std::move(next_st_2);
              s = std::move(next_s_2);
              quiet = std::move(next_quiet_1);
              acc = std::move(next_acc_1);
              continue;
            } else {
              bool scrut_4 = m1_lex::is_quote(c);
              if (scrut_4) {
                rt::N next_pos_3 = pos_;
                m1_lex::lex_state next_st_3 = m1_lex::lex_state::In_string(c, pos, rt::list<common::byte>::cons(c, rt::list<common::byte>::nil()));
                common::bytes next_s_3 = s_;
                pos = std::move(next_pos_3);
                st = std::move(next_st_3);
                s = std::move(next_s_3);
                continue;
              } else {
                rt::N next_pos_4 = pos_;
                m1_lex::lex_state next_st_4 = m1_lex::lex_state::In_atom(pos, rt::list<common::byte>::cons(c, rt::list<common::byte>::nil()));
                common::bytes next_s_4 = s_;
                pos = std::move(next_pos_4);
                st = std::move(next_st_4);
                s = std::move(next_s_4);
                continue;
              }
            }
          }
        }
      }
      case m1_lex::lex_state::tag_t::In_comment: {
        bool scrut_5 = m1_lex::is_comment_end(c);
        if (scrut_5) {
          rt::N next_pos_5 = pos_;
          m1_lex::lex_state next_st_5 = m1_lex::lex_state::Between();
          common::bytes next_s_5 = s_;
          pos = std::move(next_pos_5);
          st = std::move(next_st_5);
          s = std::move(next_s_5);
          continue;
        } else {
          rt::N next_pos_6 = pos_;
          m1_lex::lex_state next_st_6 = m1_lex::lex_state::In_comment();
          common::bytes next_s_6 = s_;
          pos = std::move(next_pos_6);
          st = std::move(next_st_6);
          s = std::move(next_s_6);
          continue;
        }
      }
      case m1_lex::lex_state::tag_t::In_atom: {
        const auto& In_atom_fields_1 = st.as_In_atom();
        const rt::N& start_2 = In_atom_fields_1.f0;
        const common::bytes& rt__1 = In_atom_fields_1.f1;
        bool scrut_6 = m1_lex::is_blank(c);
        if (scrut_6) {
          common::bytes text_1 = m1_exec::rev_text(rt__1, rt::list<common::byte>::nil());
          bool scrut_7 = m1_lex::has_nul(text_1);
          if (scrut_7) {
            return common::result<rt::prod<bool, rt::list<m1_lex::token>>>::Err(m1_lex::lex_error(common::error_kind::nul_in_token, file, start_2));
          } else {
            rt::N next_pos_7 = pos_;
            m1_lex::lex_state next_st_7 = m1_lex::lex_state::Between();
            common::bytes next_s_7 = s_;
            bool next_quiet_2 = false;
            rt::list<m1_lex::token> next_acc_2 = rt::list<m1_lex::token>::cons(m1_lex::token::Word(text_1, file, start_2), acc);
            pos = std::move(next_pos_7);
            st = std::move(next_st_7);
            s = std::move(next_s_7);
            quiet = std::move(next_quiet_2);
            acc = std::move(next_acc_2);
            continue;
          }
        } else {
          bool scrut_8 = rt::n_eqb(c, m1_lex::ch_lf());
          if (scrut_8) {
            common::bytes text_2 = m1_exec::rev_text(rt__1, rt::list<common::byte>::nil());
            bool scrut_9 = m1_lex::has_nul(text_2);
            if (scrut_9) {
              return common::result<rt::prod<bool, rt::list<m1_lex::token>>>::Err(m1_lex::lex_error(common::error_kind::nul_in_token, file, start_2));
            } else {
              rt::N next_pos_8 = pos_;
              m1_lex::lex_state next_st_8 = m1_lex::lex_state::Between();
              common::bytes next_s_8 = s_;
              bool next_quiet_3 = true;
              rt::list<m1_lex::token> next_acc_3 = rt::list<m1_lex::token>::cons(m1_lex::token::Newline(), rt::list<m1_lex::token>::cons(m1_lex::token::Word(text_2, file, start_2), acc));
              pos = std::move(next_pos_8);
              st = std::move(next_st_8);
              s = std::move(next_s_8);
              quiet = std::move(next_quiet_3);
              acc = std::move(next_acc_3);
              continue;
            }
          } else {
            rt::N next_pos_9 = pos_;
            m1_lex::lex_state next_st_9 = m1_lex::lex_state::In_atom(start_2, rt::list<common::byte>::cons(c, rt__1));
            common::bytes next_s_9 = s_;
            pos = std::move(next_pos_9);
            st = std::move(next_st_9);
            s = std::move(next_s_9);
            continue;
          }
        }
      }
      case m1_lex::lex_state::tag_t::In_string: {
        const auto& In_string_fields_1 = st.as_In_string();
        const common::byte& q = In_string_fields_1.f0;
        const rt::N& start_3 = In_string_fields_1.f1;
        const common::bytes& rt__2 = In_string_fields_1.f2;
        bool scrut_10 = rt::n_eqb(c, q);
        if (scrut_10) {
          common::bytes text_3 = m1_exec::rev_text(rt__2, rt::list<common::byte>::nil());
          bool scrut_11 = m1_lex::has_nul(text_3);
          if (scrut_11) {
            return common::result<rt::prod<bool, rt::list<m1_lex::token>>>::Err(m1_lex::lex_error(common::error_kind::nul_in_token, file, start_3));
          } else {
            rt::N next_pos_10 = pos_;
            m1_lex::lex_state next_st_10 = m1_lex::lex_state::Between();
            common::bytes next_s_10 = s_;
            bool next_quiet_4 = false;
            rt::list<m1_lex::token> next_acc_4 = rt::list<m1_lex::token>::cons(m1_lex::token::Word(text_3, file, start_3), acc);
            pos = std::move(next_pos_10);
            st = std::move(next_st_10);
            s = std::move(next_s_10);
            quiet = std::move(next_quiet_4);
            acc = std::move(next_acc_4);
            continue;
          }
        } else {
          rt::N next_pos_11 = pos_;
          m1_lex::lex_state next_st_11 = m1_lex::lex_state::In_string(q, start_3, rt::list<common::byte>::cons(c, rt__2));
          common::bytes next_s_11 = s_;
          pos = std::move(next_pos_11);
          st = std::move(next_st_11);
          s = std::move(next_s_11);
          continue;
        }
      }
      }
      rt::impossible("no case matched in Hexproof.Proofs.M1Exec.lex_loop");
    }
    }
    rt::impossible("no case matched in Hexproof.Proofs.M1Exec.lex_loop");
  }
}

// Coq: Hexproof.Proofs.M1Exec.lex_files_loop (Fixpoint; its self tail calls are the loop)
inline common::result<rt::prod<bool, rt::list<m1_lex::token>>> lex_files_loop(rt::N file, rt::list<common::bytes> inputs, bool quiet, rt::list<m1_lex::token> acc) {
  for (;;) {
    switch (inputs.tag()) {
    case rt::list<common::bytes>::tag_t::nil: {
      return common::result<rt::prod<bool, rt::list<m1_lex::token>>>::Ok(rt::prod<bool, rt::list<m1_lex::token>>::pair(quiet, acc));
    }
    case rt::list<common::bytes>::tag_t::cons: {
      const auto& cons_fields = inputs.as_cons();
      const common::bytes& f = cons_fields.f0;
      const rt::list<common::bytes>& fs = cons_fields.f1;
      common::result<rt::prod<bool, rt::list<m1_lex::token>>> scrut = m1_exec::lex_loop(file, rt::N{0}, m1_lex::lex_state::Between(), f, quiet, acc);
      switch (scrut.tag()) {
      case common::result<rt::prod<bool, rt::list<m1_lex::token>>>::tag_t::Ok: {
        const auto& Ok_fields = scrut.as_Ok();
        const rt::prod<bool, rt::list<m1_lex::token>>& p = Ok_fields.f0;
        const bool& q = p.f0;
        const rt::list<m1_lex::token>& acc_ = p.f1;
        rt::N next_file = rt::n_add(file, rt::N{1});
        rt::list<common::bytes> next_inputs = fs;
        bool next_quiet = true;
        rt::list<m1_lex::token> next_acc = m1_exec::push_newline(q, acc_);
        file = std::move(next_file);
        inputs = std::move(next_inputs);
        quiet = std::move(next_quiet);
        acc = std::move(next_acc);
        continue;
      }
      case common::result<rt::prod<bool, rt::list<m1_lex::token>>>::tag_t::Err: {
        const auto& Err_fields = scrut.as_Err();
        const common::error& e = Err_fields.f0;
        return common::result<rt::prod<bool, rt::list<m1_lex::token>>>::Err(e);
      }
      }
      rt::impossible("no case matched in Hexproof.Proofs.M1Exec.lex_files_loop");
    }
    }
    rt::impossible("no case matched in Hexproof.Proofs.M1Exec.lex_files_loop");
  }
}

// Coq: Hexproof.Proofs.M1Exec.rev_tokens (Fixpoint; its self tail calls are the loop)
inline rt::list<m1_lex::token> rev_tokens(rt::list<m1_lex::token> l, rt::list<m1_lex::token> acc) {
  for (;;) {
    switch (l.tag()) {
    case rt::list<m1_lex::token>::tag_t::nil: {
      return acc;
    }
    case rt::list<m1_lex::token>::tag_t::cons: {
      const auto& cons_fields = l.as_cons();
      const m1_lex::token& t0 = cons_fields.f0;
      const rt::list<m1_lex::token>& l_ = cons_fields.f1;
      rt::list<m1_lex::token> next_l = l_;
      rt::list<m1_lex::token> next_acc = rt::list<m1_lex::token>::cons(t0, acc);
      l = std::move(next_l);
      acc = std::move(next_acc);
      continue;
    }
    }
    rt::impossible("no case matched in Hexproof.Proofs.M1Exec.rev_tokens");
  }
}

// Coq: Hexproof.Proofs.M1Exec.defines_loop (Fixpoint; its self tail calls are the loop)
inline common::result<rt::prod<byte_map::t<common::bytes>, rt::list<m1_lex::token>>> defines_loop(rt::list<m1_lex::token> ts, byte_map::t<common::bytes> m, rt::list<m1_lex::token> out) {
  for (;;) {
    switch (ts.tag()) {
    case rt::list<m1_lex::token>::tag_t::nil: {
      return common::result<rt::prod<byte_map::t<common::bytes>, rt::list<m1_lex::token>>>::Ok(rt::prod<byte_map::t<common::bytes>, rt::list<m1_lex::token>>::pair(m, out));
    }
    case rt::list<m1_lex::token>::tag_t::cons: {
      const auto& cons_fields = ts.as_cons();
      const m1_lex::token& t0 = cons_fields.f0;
      const rt::list<m1_lex::token>& rest = cons_fields.f1;
      bool scrut = m1_spec::is_define(t0);
      if (scrut) {
        switch (rest.tag()) {
        case rt::list<m1_lex::token>::tag_t::nil: {
          return common::result<rt::prod<byte_map::t<common::bytes>, rt::list<m1_lex::token>>>::Err(m1_spec::define_error(common::error_kind::macro_name_missing, t0));
        }
        case rt::list<m1_lex::token>::tag_t::cons: {
          const auto& cons_fields_1 = rest.as_cons();
          const m1_lex::token& name = cons_fields_1.f0;
          const rt::list<m1_lex::token>& rest1 = cons_fields_1.f1;
          switch (rest1.tag()) {
          case rt::list<m1_lex::token>::tag_t::nil: {
            return common::result<rt::prod<byte_map::t<common::bytes>, rt::list<m1_lex::token>>>::Err(m1_spec::define_error(common::error_kind::macro_value_missing, t0));
          }
          case rt::list<m1_lex::token>::tag_t::cons: {
            const auto& cons_fields_2 = rest1.as_cons();
            const m1_lex::token& value = cons_fields_2.f0;
            const rt::list<m1_lex::token>& rest2 = cons_fields_2.f1;
            rt::list<m1_lex::token> next_ts = rest2;
            byte_map::t<common::bytes> next_m = byte_map::add<common::bytes>(m1_lex::token_text(name), m1_spec::value_text(value), m);
            rt::list<m1_lex::token> next_out = rt::list<m1_lex::token>::cons(m1_lex::token::Newline(), out);
            ts = std::move(next_ts);
            m = std::move(next_m);
            out = std::move(next_out);
            continue;
          }
          }
          rt::impossible("no case matched in Hexproof.Proofs.M1Exec.defines_loop");
        }
        }
        rt::impossible("no case matched in Hexproof.Proofs.M1Exec.defines_loop");
      } else {
        rt::list<m1_lex::token> next_ts_1 = rest;
        rt::list<m1_lex::token> next_out_1 = rt::list<m1_lex::token>::cons(t0, out);
        ts = std::move(next_ts_1);
        out = std::move(next_out_1);
        continue;
      }
    }
    }
    rt::impossible("no case matched in Hexproof.Proofs.M1Exec.defines_loop");
  }
}

// Coq: Hexproof.Proofs.M1Exec.failure_loop (Fixpoint; its self tail calls are the loop)
inline rt::option<common::error> failure_loop(common::m1_config cfg, byte_map::t<common::bytes> m, rt::list<m1_lex::token> ts) {
  for (;;) {
    switch (ts.tag()) {
    case rt::list<m1_lex::token>::tag_t::nil: {
      return rt::option<common::error>::None();
    }
    case rt::list<m1_lex::token>::tag_t::cons: {
      const auto& cons_fields = ts.as_cons();
      const m1_lex::token& t0 = cons_fields.f0;
      const rt::list<m1_lex::token>& rest = cons_fields.f1;
      switch (t0.tag()) {
      case m1_lex::token::tag_t::Newline: {
        rt::list<m1_lex::token> next_ts = rest;
        ts = std::move(next_ts);
        continue;
      }
      case m1_lex::token::tag_t::Word: {
        const auto& Word_fields = t0.as_Word();
        const common::bytes& s = Word_fields.f0;
        const rt::N& f = Word_fields.f1;
        const rt::N& off = Word_fields.f2;
        m1_exec::emitted scrut = m1_exec::emit(cfg, byte_map::find<common::bytes>(s, m), s, rt::out_empty());
        switch (scrut.tag()) {
        case m1_exec::emitted::tag_t::Emitted: {
          rt::list<m1_lex::token> next_ts_1 = rest;
          ts = std::move(next_ts_1);
          continue;
        }
        case m1_exec::emitted::tag_t::Nothing: {
          rt::list<m1_lex::token> next_ts_2 = rest;
          ts = std::move(next_ts_2);
          continue;
        }
        case m1_exec::emitted::tag_t::Failed: {
          const auto& Failed_fields = scrut.as_Failed();
          const common::error_kind& k = Failed_fields.f0;
          const rt::Z& v = Failed_fields.f1;
          return rt::option<common::error>::Some(common::error::mk_error(k, f, off, v, s));
        }
        }
        rt::impossible("no case matched in Hexproof.Proofs.M1Exec.failure_loop");
      }
      }
      rt::impossible("no case matched in Hexproof.Proofs.M1Exec.failure_loop");
    }
    }
    rt::impossible("no case matched in Hexproof.Proofs.M1Exec.failure_loop");
  }
}

// Coq: Hexproof.Proofs.M1Exec.push_separator (Definition)
inline rt::outbuf push_separator(const rt::list<m1_lex::token>& rest, const rt::outbuf& o) {
  switch (rest.tag()) {
  case rt::list<m1_lex::token>::tag_t::nil: {
    return o;
  }
  case rt::list<m1_lex::token>::tag_t::cons: {
    const auto& cons_fields = rest.as_cons();
    const m1_lex::token& t0 = cons_fields.f0;
    switch (t0.tag()) {
    case m1_lex::token::tag_t::Newline: {
      return o;
    }
    case m1_lex::token::tag_t::Word: {
      return rt::out_push(o, rt::N{32});
    }
    }
    rt::impossible("no case matched in Hexproof.Proofs.M1Exec.push_separator");
  }
  }
  rt::impossible("no case matched in Hexproof.Proofs.M1Exec.push_separator");
}

// Coq: Hexproof.Proofs.M1Exec.print_loop (Fixpoint; its self tail calls are the loop)
inline common::result<rt::outbuf> print_loop(common::m1_config cfg, byte_map::t<common::bytes> m, rt::list<m1_lex::token> ts, rt::outbuf o) {
  for (;;) {
    switch (ts.tag()) {
    case rt::list<m1_lex::token>::tag_t::nil: {
      return common::result<rt::outbuf>::Ok(o);
    }
    case rt::list<m1_lex::token>::tag_t::cons: {
      const auto& cons_fields = ts.as_cons();
      const m1_lex::token& t0 = cons_fields.f0;
      const rt::list<m1_lex::token>& rest = cons_fields.f1;
      switch (t0.tag()) {
      case m1_lex::token::tag_t::Newline: {
        rt::outbuf tmp{};
        bool scrut = m1_spec::next_is_newline(rest);
        if (scrut) {
          tmp = o;
        } else {
          tmp = rt::out_push(o, rt::N{10});
        }
        rt::list<m1_lex::token> next_ts = rest;
        rt::outbuf next_o = tmp;
        ts = std::move(next_ts);
        o = std::move(next_o);
        continue;
      }
      case m1_lex::token::tag_t::Word: {
        const auto& Word_fields = t0.as_Word();
        const common::bytes& s = Word_fields.f0;
        const rt::N& f = Word_fields.f1;
        const rt::N& off = Word_fields.f2;
        m1_exec::emitted scrut_1 = m1_exec::emit(cfg, byte_map::find<common::bytes>(s, m), s, o);
        switch (scrut_1.tag()) {
        case m1_exec::emitted::tag_t::Emitted: {
          const auto& Emitted_fields = scrut_1.as_Emitted();
          const rt::outbuf& o_ = Emitted_fields.f0;
          rt::list<m1_lex::token> next_ts_1 = rest;
          rt::outbuf next_o_1 = m1_exec::push_separator(rest, o_);
          ts = std::move(next_ts_1);
          o = std::move(next_o_1);
          continue;
        }
        case m1_exec::emitted::tag_t::Nothing: {
          return common::result<rt::outbuf>::Err(common::error::mk_error(common::error_kind::invalid_other, f, off, rt::Z{0}, s));
        }
        case m1_exec::emitted::tag_t::Failed: {
          return common::result<rt::outbuf>::Err(common::error::mk_error(common::error_kind::invalid_other, f, off, rt::Z{0}, s));
        }
        }
        rt::impossible("no case matched in Hexproof.Proofs.M1Exec.print_loop");
      }
      }
      rt::impossible("no case matched in Hexproof.Proofs.M1Exec.print_loop");
    }
    }
    rt::impossible("no case matched in Hexproof.Proofs.M1Exec.print_loop");
  }
}

// Coq: Hexproof.Proofs.M1Exec.assemble (Definition)
inline common::result<common::bytes> assemble(const common::m1_config& cfg, const rt::list<common::bytes>& inputs) {
  common::result<rt::prod<bool, rt::list<m1_lex::token>>> scrut = m1_exec::lex_files_loop(rt::N{0}, inputs, true, rt::list<m1_lex::token>::nil());
  switch (scrut.tag()) {
  case common::result<rt::prod<bool, rt::list<m1_lex::token>>>::tag_t::Ok: {
    const auto& Ok_fields = scrut.as_Ok();
    const rt::prod<bool, rt::list<m1_lex::token>>& p = Ok_fields.f0;
    const rt::list<m1_lex::token>& racc = p.f1;
    switch (racc.tag()) {
    case rt::list<m1_lex::token>::tag_t::nil: {
      return common::result<rt::list<rt::N>>::Err(m1_spec::empty_input_error());
    }
    case rt::list<m1_lex::token>::tag_t::cons: {
      rt::list<m1_lex::token> ts = m1_exec::rev_tokens(racc, rt::list<m1_lex::token>::nil());
      common::result<rt::prod<byte_map::t<common::bytes>, rt::list<m1_lex::token>>> scrut_1 = m1_exec::defines_loop(ts, byte_map::empty<common::bytes>(), rt::list<m1_lex::token>::nil());
      switch (scrut_1.tag()) {
      case common::result<rt::prod<byte_map::t<common::bytes>, rt::list<m1_lex::token>>>::tag_t::Ok: {
        const auto& Ok_fields_1 = scrut_1.as_Ok();
        const rt::prod<byte_map::t<common::bytes>, rt::list<m1_lex::token>>& p0 = Ok_fields_1.f0;
        const byte_map::t<common::bytes>& m = p0.f0;
        const rt::list<m1_lex::token>& rout = p0.f1;
        rt::option<common::error> scrut_2 = m1_exec::failure_loop(cfg, m, ts);
        switch (scrut_2.tag()) {
        case rt::option<common::error>::tag_t::Some: {
          const auto& Some_fields = scrut_2.as_Some();
          const common::error& e = Some_fields.f0;
          return common::result<rt::list<rt::N>>::Err(e);
        }
        case rt::option<common::error>::tag_t::None: {
          common::result<rt::outbuf> scrut_3 = m1_exec::print_loop(cfg, m, m1_exec::rev_tokens(rout, rt::list<m1_lex::token>::nil()), rt::out_empty());
          switch (scrut_3.tag()) {
          case common::result<rt::outbuf>::tag_t::Ok: {
            const auto& Ok_fields_2 = scrut_3.as_Ok();
            const rt::outbuf& o = Ok_fields_2.f0;
            return common::result<rt::list<rt::N>>::Ok(rt::out_contents(o));
          }
          case common::result<rt::outbuf>::tag_t::Err: {
            const auto& Err_fields = scrut_3.as_Err();
            const common::error& e_1 = Err_fields.f0;
            return common::result<rt::list<rt::N>>::Err(e_1);
          }
          }
          rt::impossible("no case matched in Hexproof.Proofs.M1Exec.assemble");
        }
        }
        rt::impossible("no case matched in Hexproof.Proofs.M1Exec.assemble");
      }
      case common::result<rt::prod<byte_map::t<common::bytes>, rt::list<m1_lex::token>>>::tag_t::Err: {
        const auto& Err_fields_1 = scrut_1.as_Err();
        const common::error& e_2 = Err_fields_1.f0;
        return common::result<rt::list<rt::N>>::Err(e_2);
      }
      }
      rt::impossible("no case matched in Hexproof.Proofs.M1Exec.assemble");
    }
    }
    rt::impossible("no case matched in Hexproof.Proofs.M1Exec.assemble");
  }
  case common::result<rt::prod<bool, rt::list<m1_lex::token>>>::tag_t::Err: {
    const auto& Err_fields_2 = scrut.as_Err();
    const common::error& e_3 = Err_fields_2.f0;
    return common::result<rt::list<rt::N>>::Err(e_3);
  }
  }
  rt::impossible("no case matched in Hexproof.Proofs.M1Exec.assemble");
}

}  // namespace hexproof::m1_exec
