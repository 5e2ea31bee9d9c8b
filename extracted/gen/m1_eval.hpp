// m1_eval.hpp: the C++ printed from the Coq module Hexproof.Spec.M1Eval.
//
// Generated; do not edit. Made by `extracted/regen.sh OUTDIR`, which runs: hexproof_printer --module Hexproof.Spec.CommandLine --module Hexproof.Spec.Common --module Hexproof.Spec.Hex2Encode --module Hexproof.Spec.Hex2Lex --module Hexproof.Spec.Hex2Spec --module Hexproof.Spec.Hex2Strict --module Hexproof.Spec.M1Eval --module Hexproof.Spec.M1Lex --module Hexproof.Spec.M1Spec --module Hexproof.Spec.Quirks --module Hexproof.Spec.Strtoint --module Hexproof.Proofs.ByteMap --module Hexproof.Proofs.Hex2Check --module Hexproof.Proofs.Hex2Exec --module Hexproof.Proofs.M1Exec --module Hexproof.Proofs.OutBuf --fields Extract.v --out OUTDIR extraction.json
// Coq Hexproof.Spec.M1Eval.x is C++ hexproof::m1_eval::x. See extracted/SUBSET.md for the translation.
#pragma once

#include <cstdint>
#include <utility>

#include "coq_runtime.hpp"
#include "common.hpp"

namespace hexproof::m1_eval {

// Coq: Hexproof.Spec.M1Eval.digit_bits (Definition)
inline rt::Z digit_bits(const common::byte_mode& m) {
  switch (m) {
  case common::byte_mode::hex_mode: {
    return rt::Z{4};
  }
  case common::byte_mode::octal_mode: {
    return rt::Z{3};
  }
  case common::byte_mode::binary_mode: {
    return rt::Z{1};
  }
  }
  rt::impossible("no case matched in Hexproof.Spec.M1Eval.digit_bits");
}

// Coq: Hexproof.Spec.M1Eval.digit_char (Definition)
inline common::byte digit_char(const rt::Z& d) {
  bool scrut = rt::z_ltb(d, rt::Z{10});
  if (scrut) {
    return rt::z_to_n(rt::z_add(rt::Z{48}, d));
  } else {
    return rt::z_to_n(rt::z_add(rt::Z{55}, d));
  }
}

// Coq: Hexproof.Spec.M1Eval.ch_bang (Definition)
inline common::byte ch_bang() {
  return rt::N{33};
}

// Coq: Hexproof.Spec.M1Eval.ch_at (Definition)
inline common::byte ch_at() {
  return rt::N{64};
}

// Coq: Hexproof.Spec.M1Eval.riscv_immediate (Definition)
inline rt::Z riscv_immediate(const common::byte& c, const rt::Z& v) {
  bool scrut = rt::n_eqb(c, m1_eval::ch_bang());
  if (scrut) {
    return common::wrap32(rt::z_shiftl(rt::z_land(v, rt::Z{4095}), rt::Z{20}));
  } else {
    bool scrut_1 = rt::n_eqb(c, m1_eval::ch_at());
    if (scrut_1) {
      return common::wrap32(rt::z_lor(rt::z_shiftl(rt::z_land(v, rt::Z{31}), rt::Z{7}), rt::z_shiftl(rt::z_land(v, rt::Z{4064}), rt::Z{20})));
    } else {
      bool scrut_2 = rt::z_ltb(rt::z_land(v, rt::Z{4095}), rt::Z{2048});
      if (scrut_2) {
        return common::wrap32(rt::z_land(v, rt::Z{4294963200}));
      } else {
        return common::wrap32(rt::z_add(rt::z_land(v, rt::Z{4294963200}), rt::Z{4096}));
      }
    }
  }
}

// Coq: Hexproof.Spec.M1Eval.is_riscv (Definition)
inline bool is_riscv(const common::architecture& a) {
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
    return false;
  }
  case common::architecture::aarch64: {
    return false;
  }
  case common::architecture::ppc64le: {
    return false;
  }
  case common::architecture::riscv32: {
    return true;
  }
  case common::architecture::riscv64: {
    return true;
  }
  }
  rt::impossible("no case matched in Hexproof.Spec.M1Eval.is_riscv");
}

}  // namespace hexproof::m1_eval
