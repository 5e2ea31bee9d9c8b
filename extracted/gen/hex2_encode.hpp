// hex2_encode.hpp: the C++ printed from the Coq module Hexproof.Spec.Hex2Encode.
//
// Generated; do not edit. Made by `extracted/regen.sh OUTDIR`, which runs: hexproof_printer --module Hexproof.Spec.CommandLine --module Hexproof.Spec.Common --module Hexproof.Spec.Hex2Encode --module Hexproof.Spec.Hex2Lex --module Hexproof.Spec.Hex2Spec --module Hexproof.Spec.M1Eval --module Hexproof.Spec.M1Lex --module Hexproof.Spec.M1Spec --module Hexproof.Spec.Quirks --module Hexproof.Spec.Strtoint --module Hexproof.Proofs.ByteMap --module Hexproof.Proofs.FirstUses --module Hexproof.Proofs.Hex2Check --module Hexproof.Proofs.Hex2CheckFirst --module Hexproof.Proofs.Hex2Exec --module Hexproof.Proofs.M1Check --module Hexproof.Proofs.M1CheckFirst --module Hexproof.Proofs.M1Exec --module Hexproof.Proofs.OutBuf --fields Extract.v --out OUTDIR extraction.json
// Coq Hexproof.Spec.Hex2Encode.x is C++ hexproof::hex2_encode::x. See extracted/SUBSET.md for the translation.
#pragma once

#include <cstdint>
#include <utility>

#include "coq_runtime.hpp"
#include "common.hpp"
#include "hex2_lex.hpp"

namespace hexproof::hex2_encode {

// Coq: Hexproof.Spec.Hex2Encode.two32 (Definition)
inline rt::Z two32() {
  return rt::Z{4294967296};
}

// Coq: Hexproof.Spec.Hex2Encode.u32 (Definition)
inline rt::N u32(const rt::Z& z) {
  return rt::z_to_n(rt::z_modulo(z, hex2_encode::two32()));
}

// Coq: Hexproof.Spec.Hex2Encode.add32 (Definition)
inline rt::N add32(const rt::N& a, const rt::N& b) {
  return rt::n_modulo(rt::n_add(a, b), rt::N{4294967296});
}

// Coq: Hexproof.Spec.Hex2Encode.s32 (Definition)
inline rt::Z s32(const rt::N& a) {
  return common::wrap32(rt::z_of_n(a));
}

// Coq: Hexproof.Spec.Hex2Encode.arch_displacement (Definition)
inline rt::option<rt::prod<rt::Z, bool>> arch_displacement(const common::architecture& a, const bool& aligned, const rt::N& t, const rt::N& b) {
  rt::Z tz = rt::z_of_n(t);
  rt::Z bz = rt::z_of_n(b);
  rt::Z b_low = rt::z_land(bz, rt::Z{3});
  rt::Z b_down = rt::z_land(bz, rt::Z{4294967292});
  switch (a) {
  case common::architecture::knight: {
    return rt::option<rt::prod<rt::Z, bool>>::Some(rt::prod<rt::Z, bool>::pair(common::wrap32(rt::z_sub(tz, bz)), aligned));
  }
  case common::architecture::x86: {
    return rt::option<rt::prod<rt::Z, bool>>::Some(rt::prod<rt::Z, bool>::pair(common::wrap32(rt::z_sub(tz, bz)), aligned));
  }
  case common::architecture::amd64: {
    return rt::option<rt::prod<rt::Z, bool>>::Some(rt::prod<rt::Z, bool>::pair(common::wrap32(rt::z_sub(tz, bz)), aligned));
  }
  case common::architecture::armv7l: {
    if (aligned) {
      bool scrut = rt::z_eqb(rt::z_land(tz, rt::Z{3}), rt::Z{0});
      if (scrut) {
        return rt::option<rt::prod<rt::Z, bool>>::Some(rt::prod<rt::Z, bool>::pair(rt::z_sub(rt::z_shiftr(common::wrap32(rt::z_add(rt::z_sub(tz, bz), b_low)), rt::Z{2}), rt::Z{2}), false));
      } else {
        return rt::option<rt::prod<rt::Z, bool>>::None();
      }
    } else {
      return rt::option<rt::prod<rt::Z, bool>>::Some(rt::prod<rt::Z, bool>::pair(common::wrap32(rt::z_add(rt::z_sub(rt::z_sub(tz, bz), rt::Z{8}), b_low)), false));
    }
  }
  case common::architecture::aarch64: {
    if (aligned) {
      return rt::option<rt::prod<rt::Z, bool>>::Some(rt::prod<rt::Z, bool>::pair(rt::z_shiftr(common::wrap32(rt::z_sub(tz, b_down)), rt::Z{2}), false));
    } else {
      return rt::option<rt::prod<rt::Z, bool>>::Some(rt::prod<rt::Z, bool>::pair(common::wrap32(rt::z_add(rt::z_sub(rt::z_sub(tz, bz), rt::Z{8}), b_low)), false));
    }
  }
  case common::architecture::ppc64le: {
    if (aligned) {
      return rt::option<rt::prod<rt::Z, bool>>::Some(rt::prod<rt::Z, bool>::pair(common::wrap32(rt::z_lor(rt::z_modulo(rt::z_sub(tz, b_down), hex2_encode::two32()), rt::Z{1})), false));
    } else {
      return rt::option<rt::prod<rt::Z, bool>>::Some(rt::prod<rt::Z, bool>::pair(common::wrap32(rt::z_sub(tz, b_down)), false));
    }
  }
  case common::architecture::riscv32: {
    return rt::option<rt::prod<rt::Z, bool>>::Some(rt::prod<rt::Z, bool>::pair(common::wrap32(rt::z_sub(tz, bz)), aligned));
  }
  case common::architecture::riscv64: {
    return rt::option<rt::prod<rt::Z, bool>>::Some(rt::prod<rt::Z, bool>::pair(common::wrap32(rt::z_sub(tz, bz)), aligned));
  }
  }
  rt::fatal("no case matched in Hexproof.Spec.Hex2Encode.arch_displacement");
}

// Coq: Hexproof.Spec.Hex2Encode.ref_fits (Definition)
inline bool ref_fits(const hex2_lex::ref_kind& k, const rt::Z& v) {
  switch (k) {
  case hex2_lex::ref_kind::ref_bang: {
    return rt::andb(rt::z_leb(rt::Z{-128}, v), rt::z_leb(v, rt::Z{127}));
  }
  case hex2_lex::ref_kind::ref_at: {
    return rt::andb(rt::z_leb(rt::Z{-32768}, v), rt::z_leb(v, rt::Z{32767}));
  }
  case hex2_lex::ref_kind::ref_dollar: {
    return rt::andb(rt::z_leb(rt::Z{0}, v), rt::z_leb(v, rt::Z{65535}));
  }
  case hex2_lex::ref_kind::ref_tilde: {
    return rt::andb(rt::z_leb(rt::Z{-8388608}, v), rt::z_leb(v, rt::Z{8388607}));
  }
  case hex2_lex::ref_kind::ref_percent: {
    return true;
  }
  case hex2_lex::ref_kind::ref_amp: {
    return true;
  }
  }
  rt::fatal("no case matched in Hexproof.Spec.Hex2Encode.ref_fits");
}

// Coq: Hexproof.Spec.Hex2Encode.byte_of (Definition)
inline rt::N byte_of(const rt::N& u, const rt::N& i) {
  return rt::n_land(rt::n_shiftr(u, rt::n_mul(rt::N{8}, i)), rt::N{255});
}

// Coq: Hexproof.Spec.Hex2Encode.field_bytes (Definition)
inline common::bytes field_bytes(const bool& big, const hex2_lex::ref_kind& k, const rt::Z& v) {
  rt::N u = hex2_encode::u32(v);
  switch (k) {
  case hex2_lex::ref_kind::ref_bang: {
    return rt::list<rt::N>::cons(hex2_encode::byte_of(u, rt::N{0}), rt::list<rt::N>::nil());
  }
  case hex2_lex::ref_kind::ref_at: {
    if (big) {
      return rt::list<rt::N>::cons(hex2_encode::byte_of(u, rt::N{1}), rt::list<rt::N>::cons(hex2_encode::byte_of(u, rt::N{0}), rt::list<rt::N>::nil()));
    } else {
      return rt::list<rt::N>::cons(hex2_encode::byte_of(u, rt::N{0}), rt::list<rt::N>::cons(hex2_encode::byte_of(u, rt::N{1}), rt::list<rt::N>::nil()));
    }
  }
  case hex2_lex::ref_kind::ref_dollar: {
    if (big) {
      return rt::list<rt::N>::cons(hex2_encode::byte_of(u, rt::N{1}), rt::list<rt::N>::cons(hex2_encode::byte_of(u, rt::N{0}), rt::list<rt::N>::nil()));
    } else {
      return rt::list<rt::N>::cons(hex2_encode::byte_of(u, rt::N{0}), rt::list<rt::N>::cons(hex2_encode::byte_of(u, rt::N{1}), rt::list<rt::N>::nil()));
    }
  }
  case hex2_lex::ref_kind::ref_tilde: {
    if (big) {
      return rt::list<rt::N>::cons(hex2_encode::byte_of(u, rt::N{2}), rt::list<rt::N>::cons(hex2_encode::byte_of(u, rt::N{1}), rt::list<rt::N>::cons(hex2_encode::byte_of(u, rt::N{0}), rt::list<rt::N>::nil())));
    } else {
      return rt::list<rt::N>::cons(hex2_encode::byte_of(u, rt::N{0}), rt::list<rt::N>::cons(hex2_encode::byte_of(u, rt::N{1}), rt::list<rt::N>::cons(hex2_encode::byte_of(u, rt::N{2}), rt::list<rt::N>::nil())));
    }
  }
  case hex2_lex::ref_kind::ref_percent: {
    if (big) {
      return rt::list<rt::N>::cons(hex2_encode::byte_of(u, rt::N{3}), rt::list<rt::N>::cons(hex2_encode::byte_of(u, rt::N{2}), rt::list<rt::N>::cons(hex2_encode::byte_of(u, rt::N{1}), rt::list<rt::N>::cons(hex2_encode::byte_of(u, rt::N{0}), rt::list<rt::N>::nil()))));
    } else {
      return rt::list<rt::N>::cons(hex2_encode::byte_of(u, rt::N{0}), rt::list<rt::N>::cons(hex2_encode::byte_of(u, rt::N{1}), rt::list<rt::N>::cons(hex2_encode::byte_of(u, rt::N{2}), rt::list<rt::N>::cons(hex2_encode::byte_of(u, rt::N{3}), rt::list<rt::N>::nil()))));
    }
  }
  case hex2_lex::ref_kind::ref_amp: {
    if (big) {
      return rt::list<rt::N>::cons(hex2_encode::byte_of(u, rt::N{3}), rt::list<rt::N>::cons(hex2_encode::byte_of(u, rt::N{2}), rt::list<rt::N>::cons(hex2_encode::byte_of(u, rt::N{1}), rt::list<rt::N>::cons(hex2_encode::byte_of(u, rt::N{0}), rt::list<rt::N>::nil()))));
    } else {
      return rt::list<rt::N>::cons(hex2_encode::byte_of(u, rt::N{0}), rt::list<rt::N>::cons(hex2_encode::byte_of(u, rt::N{1}), rt::list<rt::N>::cons(hex2_encode::byte_of(u, rt::N{2}), rt::list<rt::N>::cons(hex2_encode::byte_of(u, rt::N{3}), rt::list<rt::N>::nil()))));
    }
  }
  }
  rt::fatal("no case matched in Hexproof.Spec.Hex2Encode.field_bytes");
}

// Coq: Hexproof.Spec.Hex2Encode.pads (Definition)
inline bool pads(const common::architecture& a) {
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
    return false;
  }
  case common::architecture::riscv32: {
    return true;
  }
  case common::architecture::riscv64: {
    return true;
  }
  }
  rt::fatal("no case matched in Hexproof.Spec.Hex2Encode.pads");
}

// Coq: Hexproof.Spec.Hex2Encode.pad_size (Definition)
inline rt::N pad_size(const common::architecture& a, const rt::N& ip) {
  bool scrut = hex2_encode::pads(a);
  if (scrut) {
    rt::N p1 = rt::n_land(ip, rt::N{1});
    rt::N p2{};
    bool scrut_1 = rt::n_eqb(rt::n_land(rt::n_add(ip, p1), rt::N{2}), rt::N{2});
    if (scrut_1) {
      p2 = rt::N{2};
    } else {
      p2 = rt::N{0};
    }
    return rt::n_add(p1, p2);
  } else {
    return rt::N{0};
  }
}

// Coq: Hexproof.Spec.Hex2Encode.word_swap (Definition)
inline rt::N word_swap(const bool& big, const rt::N& w) {
  if (big) {
    return w;
  } else {
    return rt::n_lor(rt::n_lor(rt::n_land(rt::n_shiftr(w, rt::N{24}), rt::N{255}), rt::n_land(rt::n_shiftl(w, rt::N{8}), rt::N{16711680})), rt::n_lor(rt::n_land(rt::n_shiftr(w, rt::N{8}), rt::N{65280}), rt::n_shiftl(rt::n_land(w, rt::N{255}), rt::N{24})));
  }
}

// Coq: Hexproof.Spec.Hex2Encode.riscv_field (Definition)
inline rt::option<rt::N> riscv_field(const hex2_lex::ref_kind& k, const rt::Z& v) {
  switch (k) {
  case hex2_lex::ref_kind::ref_bang: {
    return rt::option<rt::N>::Some(hex2_encode::u32(rt::z_shiftl(rt::z_land(common::wrap32(rt::z_add(v, rt::Z{4})), rt::Z{4095}), rt::Z{20})));
  }
  case hex2_lex::ref_kind::ref_at: {
    bool scrut = rt::orb(rt::orb(rt::z_ltb(v, rt::Z{-4096}), rt::z_ltb(rt::Z{4095}, v)), rt::z_eqb(rt::z_land(v, rt::Z{1}), rt::Z{1}));
    if (scrut) {
      return rt::option<rt::N>::None();
    } else {
      return rt::option<rt::N>::Some(hex2_encode::u32(rt::z_lor(rt::z_lor(rt::z_shiftl(rt::z_land(v, rt::Z{30}), rt::Z{7}), rt::z_shiftl(rt::z_land(v, rt::Z{2016}), rt::Z{20})), rt::z_lor(rt::z_shiftr(rt::z_land(v, rt::Z{2048}), rt::Z{4}), rt::z_shiftl(rt::z_land(v, rt::Z{4096}), rt::Z{19})))));
    }
  }
  case hex2_lex::ref_kind::ref_dollar: {
    bool scrut_1 = rt::orb(rt::orb(rt::z_ltb(v, rt::Z{-1048576}), rt::z_ltb(rt::Z{1048575}, v)), rt::z_eqb(rt::z_land(v, rt::Z{1}), rt::Z{1}));
    if (scrut_1) {
      return rt::option<rt::N>::None();
    } else {
      return rt::option<rt::N>::Some(hex2_encode::u32(rt::z_lor(rt::z_lor(rt::z_shiftl(rt::z_land(v, rt::Z{2046}), rt::Z{20}), rt::z_shiftl(rt::z_land(v, rt::Z{2048}), rt::Z{9})), rt::z_lor(rt::z_land(v, rt::Z{1044480}), rt::z_shiftl(rt::z_land(v, rt::Z{1048576}), rt::Z{11})))));
    }
  }
  case hex2_lex::ref_kind::ref_tilde: {
    rt::Z upper = rt::z_land(v, rt::Z{4294963200});
    bool scrut_2 = rt::z_ltb(rt::z_land(v, rt::Z{4095}), rt::Z{2048});
    if (scrut_2) {
      return rt::option<rt::N>::Some(hex2_encode::u32(upper));
    } else {
      return rt::option<rt::N>::Some(hex2_encode::u32(rt::z_add(upper, rt::Z{4096})));
    }
  }
  case hex2_lex::ref_kind::ref_percent: {
    return rt::option<rt::N>::Some(rt::N{0});
  }
  case hex2_lex::ref_kind::ref_amp: {
    return rt::option<rt::N>::Some(rt::N{0});
  }
  }
  rt::fatal("no case matched in Hexproof.Spec.Hex2Encode.riscv_field");
}

}  // namespace hexproof::hex2_encode
