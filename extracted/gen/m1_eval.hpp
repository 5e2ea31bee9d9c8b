// m1_eval.hpp: the C++ printed from the Coq module Hexproof.Spec.M1Eval.
//
// Generated; do not edit. Made by `extracted/regen.sh OUTDIR`, which runs: hexproof_printer --module Hexproof.Spec.CommandLine --module Hexproof.Spec.Common --module Hexproof.Spec.Hex2Encode --module Hexproof.Spec.Hex2Lex --module Hexproof.Spec.Hex2Spec --module Hexproof.Spec.M1Eval --module Hexproof.Spec.M1Lex --module Hexproof.Spec.M1Spec --module Hexproof.Spec.Quirks --module Hexproof.Spec.Strtoint --module Hexproof.Proofs.ByteMap --module Hexproof.Proofs.FirstUses --module Hexproof.Proofs.Hex2Check --module Hexproof.Proofs.Hex2CheckFirst --module Hexproof.Proofs.Hex2Exec --module Hexproof.Proofs.M1Check --module Hexproof.Proofs.M1CheckFirst --module Hexproof.Proofs.M1Exec --module Hexproof.Proofs.OutBuf --fields Extract.v --out OUTDIR extraction.json
// Coq Hexproof.Spec.M1Eval.x is C++ hexproof::m1_eval::x. See extracted/SUBSET.md for the translation.
#pragma once

#include <cstdint>
#include <utility>

#include "coq_runtime.hpp"
#include "common.hpp"
#include "strtoint.hpp"

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
  rt::fatal("no case matched in Hexproof.Spec.M1Eval.digit_bits");
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

// Coq: Hexproof.Spec.M1Eval.ch_dollar (Definition)
inline common::byte ch_dollar() {
  return rt::N{36};
}

// Coq: Hexproof.Spec.M1Eval.ch_tilde (Definition)
inline common::byte ch_tilde() {
  return rt::N{126};
}

// Coq: Hexproof.Spec.M1Eval.ch_percent (Definition)
inline common::byte ch_percent() {
  return rt::N{37};
}

// Coq: Hexproof.Spec.M1Eval.ch_amp (Definition)
inline common::byte ch_amp() {
  return rt::N{38};
}

// Coq: Hexproof.Spec.M1Eval.ch_lt (Definition)
inline common::byte ch_lt() {
  return rt::N{60};
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
  rt::fatal("no case matched in Hexproof.Spec.M1Eval.is_riscv");
}

// Coq: Hexproof.Spec.M1Eval.is_sigil (Definition)
inline bool is_sigil(const common::byte& c) {
  return rt::orb(rt::orb(rt::orb(rt::orb(rt::orb(rt::n_eqb(c, m1_eval::ch_bang()), rt::n_eqb(c, m1_eval::ch_at())), rt::n_eqb(c, m1_eval::ch_dollar())), rt::n_eqb(c, m1_eval::ch_tilde())), rt::n_eqb(c, m1_eval::ch_percent())), rt::n_eqb(c, m1_eval::ch_amp()));
}

// Coq: Hexproof.Spec.M1Eval.immediate_field (Definition)
inline rt::option<rt::prod<common::byte, rt::Z>> immediate_field(const common::m1_config& cfg, const common::bytes& s) {
  switch (s.tag()) {
  case common::bytes::tag_t::nil: {
    return rt::option<rt::prod<common::byte, rt::Z>>::None();
  }
  case common::bytes::tag_t::cons: {
    auto cons_fields = s.as_cons();
    common::byte& c = cons_fields.f0;
    rt::list<common::byte>& rest = cons_fields.f1;
    bool scrut = rt::n_eqb(c, m1_eval::ch_lt());
    if (scrut) {
      return rt::option<rt::prod<common::byte, rt::Z>>::None();
    } else {
      bool scrut_1 = m1_eval::is_riscv(cfg.m1_arch);
      if (scrut_1) {
        bool scrut_2 = rt::andb(rt::andb(m1_eval::is_sigil(c), rt::negb(rt::n_eqb(c, m1_eval::ch_amp()))), strtoint::is_number(rest));
        if (scrut_2) {
          return rt::option<rt::prod<common::byte, rt::Z>>::Some(rt::prod<common::byte, rt::Z>::pair(c, strtoint::strtoint(rest)));
        } else {
          return rt::option<rt::prod<common::byte, rt::Z>>::None();
        }
      } else {
        bool scrut_3 = m1_eval::is_sigil(c);
        if (scrut_3) {
          bool scrut_4 = strtoint::is_number(rest);
          if (scrut_4) {
            return rt::option<rt::prod<common::byte, rt::Z>>::Some(rt::prod<common::byte, rt::Z>::pair(c, strtoint::strtoint(rest)));
          } else {
            return rt::option<rt::prod<common::byte, rt::Z>>::None();
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
                return rt::option<rt::prod<common::byte, rt::Z>>::None();
              } else {
                bool scrut_8 = rt::z_ltb(rt::Z{32767}, v);
                if (scrut_8) {
                  return rt::option<rt::prod<common::byte, rt::Z>>::Some(rt::prod<common::byte, rt::Z>::pair(m1_eval::ch_dollar(), v));
                } else {
                  return rt::option<rt::prod<common::byte, rt::Z>>::Some(rt::prod<common::byte, rt::Z>::pair(m1_eval::ch_at(), v));
                }
              }
            } else {
              return rt::option<rt::prod<common::byte, rt::Z>>::None();
            }
          }
          case common::architecture::x86: {
            return rt::option<rt::prod<common::byte, rt::Z>>::None();
          }
          case common::architecture::amd64: {
            return rt::option<rt::prod<common::byte, rt::Z>>::None();
          }
          case common::architecture::armv7l: {
            return rt::option<rt::prod<common::byte, rt::Z>>::None();
          }
          case common::architecture::aarch64: {
            return rt::option<rt::prod<common::byte, rt::Z>>::None();
          }
          case common::architecture::ppc64le: {
            return rt::option<rt::prod<common::byte, rt::Z>>::None();
          }
          case common::architecture::riscv32: {
            return rt::option<rt::prod<common::byte, rt::Z>>::None();
          }
          case common::architecture::riscv64: {
            return rt::option<rt::prod<common::byte, rt::Z>>::None();
          }
          }
          rt::fatal("no case matched in Hexproof.Spec.M1Eval.immediate_field");
        }
      }
    }
  }
  }
  rt::fatal("no case matched in Hexproof.Spec.M1Eval.immediate_field");
}

// Coq: Hexproof.Spec.M1Eval.on_bound (Definition)
inline bool on_bound(const common::byte& c, const rt::Z& v) {
  bool scrut = rt::n_eqb(c, m1_eval::ch_bang());
  if (scrut) {
    return rt::orb(rt::z_eqb(v, rt::Z{-129}), rt::z_eqb(v, rt::Z{256}));
  } else {
    bool scrut_1 = rt::n_eqb(c, m1_eval::ch_at());
    if (scrut_1) {
      return rt::orb(rt::z_eqb(v, rt::Z{-32769}), rt::z_eqb(v, rt::Z{32768}));
    } else {
      bool scrut_2 = rt::n_eqb(c, m1_eval::ch_dollar());
      if (scrut_2) {
        return rt::orb(rt::z_eqb(v, rt::Z{-32769}), rt::z_eqb(v, rt::Z{65536}));
      } else {
        bool scrut_3 = rt::n_eqb(c, m1_eval::ch_tilde());
        if (scrut_3) {
          return rt::orb(rt::z_eqb(v, rt::Z{-8388609}), rt::z_eqb(v, rt::Z{8388608}));
        } else {
          return false;
        }
      }
    }
  }
}

// Coq: Hexproof.Spec.M1Eval.octal_wide (Definition)
inline bool octal_wide(const common::m1_config& cfg, const common::bytes& s) {
  common::byte_mode scrut = cfg.m1_byte_mode;
  switch (scrut) {
  case common::byte_mode::hex_mode: {
    return false;
  }
  case common::byte_mode::octal_mode: {
    rt::option<rt::prod<common::byte, rt::Z>> scrut_1 = m1_eval::immediate_field(cfg, s);
    switch (scrut_1.tag()) {
    case rt::option<rt::prod<common::byte, rt::Z>>::tag_t::Some: {
      const auto& Some_fields = scrut_1.as_Some();
      const rt::prod<common::byte, rt::Z>& p = Some_fields.f0;
      const common::byte& c = p.f0;
      return rt::orb(m1_eval::is_riscv(cfg.m1_arch), rt::negb(rt::n_eqb(c, m1_eval::ch_bang())));
    }
    case rt::option<rt::prod<common::byte, rt::Z>>::tag_t::None: {
      return false;
    }
    }
    rt::fatal("no case matched in Hexproof.Spec.M1Eval.octal_wide");
  }
  case common::byte_mode::binary_mode: {
    return false;
  }
  }
  rt::fatal("no case matched in Hexproof.Spec.M1Eval.octal_wide");
}

}  // namespace hexproof::m1_eval
