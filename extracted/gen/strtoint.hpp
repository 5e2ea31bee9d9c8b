// strtoint.hpp: the C++ printed from the Coq module Hexproof.Spec.Strtoint.
//
// Generated; do not edit. Made by `extracted/regen.sh OUTDIR`, which runs: hexproof_printer --module Hexproof.Spec.CommandLine --module Hexproof.Spec.Common --module Hexproof.Spec.Hex2Encode --module Hexproof.Spec.Hex2Lex --module Hexproof.Spec.Hex2Spec --module Hexproof.Spec.M1Eval --module Hexproof.Spec.M1Lex --module Hexproof.Spec.M1Spec --module Hexproof.Spec.Quirks --module Hexproof.Spec.Strtoint --module Hexproof.Proofs.ByteMap --module Hexproof.Proofs.FirstUses --module Hexproof.Proofs.Hex2Check --module Hexproof.Proofs.Hex2CheckFirst --module Hexproof.Proofs.Hex2Exec --module Hexproof.Proofs.M1Check --module Hexproof.Proofs.M1CheckFirst --module Hexproof.Proofs.M1Exec --module Hexproof.Proofs.OutBuf --fields Extract.v --out OUTDIR extraction.json
// Coq Hexproof.Spec.Strtoint.x is C++ hexproof::strtoint::x. See extracted/SUBSET.md for the translation.
#pragma once

#include <cstdint>
#include <utility>

#include "coq_runtime.hpp"
#include "common.hpp"

namespace hexproof::strtoint {

// Coq: Hexproof.Spec.Strtoint.digit_value (Definition)
inline rt::option<rt::Z> digit_value(const rt::Z& base, const common::byte& c) {
  bool scrut = rt::andb(rt::n_leb(rt::N{48}, c), rt::n_leb(c, rt::N{57}));
  if (scrut) {
    rt::Z d = rt::z_of_n(rt::n_sub(c, rt::N{48}));
    bool scrut_1 = rt::z_ltb(d, base);
    if (scrut_1) {
      return rt::option<rt::Z>::Some(d);
    } else {
      return rt::option<rt::Z>::None();
    }
  } else {
    bool scrut_2 = rt::z_eqb(base, rt::Z{16});
    if (scrut_2) {
      bool scrut_3 = rt::andb(rt::n_leb(rt::N{65}, c), rt::n_leb(c, rt::N{70}));
      if (scrut_3) {
        return rt::option<rt::Z>::Some(rt::z_of_n(rt::n_sub(c, rt::N{55})));
      } else {
        bool scrut_4 = rt::andb(rt::n_leb(rt::N{97}, c), rt::n_leb(c, rt::N{102}));
        if (scrut_4) {
          return rt::option<rt::Z>::Some(rt::z_of_n(rt::n_sub(c, rt::N{87})));
        } else {
          return rt::option<rt::Z>::None();
        }
      }
    } else {
      return rt::option<rt::Z>::None();
    }
  }
}

// Coq: Hexproof.Spec.Strtoint.read_digits (Fixpoint; its self tail calls are the loop)
inline rt::option<rt::Z> read_digits(rt::Z base, rt::Z acc, common::bytes s) {
  for (;;) {
    switch (s.tag()) {
    case common::bytes::tag_t::nil: {
      return rt::option<rt::Z>::Some(acc);
    }
    case common::bytes::tag_t::cons: {
      auto cons_fields = s.as_cons();
      common::byte& c = cons_fields.f0;
      rt::list<common::byte>& s_ = cons_fields.f1;
      bool scrut = rt::n_eqb(c, rt::N{95});
      if (scrut) {
        common::bytes next_s = std::move(s_);
        s = std::move(next_s);
        continue;
      } else {
        rt::option<rt::Z> scrut_1 = strtoint::digit_value(base, c);
        switch (scrut_1.tag()) {
        case rt::option<rt::Z>::tag_t::Some: {
          const auto& Some_fields = scrut_1.as_Some();
          const rt::Z& d = Some_fields.f0;
          rt::Z next_acc = common::wrap32(rt::z_add(rt::z_mul(acc, base), d));
          common::bytes next_s_1 = std::move(s_);
          acc = std::move(next_acc);
          s = std::move(next_s_1);
          continue;
        }
        case rt::option<rt::Z>::tag_t::None: {
          return rt::option<rt::Z>::None();
        }
        }
        rt::fatal("no case matched in Hexproof.Spec.Strtoint.read_digits");
      }
    }
    }
    rt::fatal("no case matched in Hexproof.Spec.Strtoint.read_digits");
  }
}

// Coq: Hexproof.Spec.Strtoint.set_reader (Definition)
inline rt::Z set_reader(const rt::Z& base, const common::bytes& s) {
  switch (s.tag()) {
  case common::bytes::tag_t::nil: {
    return rt::Z{0};
  }
  case common::bytes::tag_t::cons: {
    auto cons_fields = s.as_cons();
    common::byte& c = cons_fields.f0;
    rt::list<common::byte>& s_ = cons_fields.f1;
    bool scrut = rt::n_eqb(c, rt::N{45});
    if (scrut) {
      rt::option<rt::Z> scrut_1 = strtoint::read_digits(base, rt::Z{0}, s_);
      switch (scrut_1.tag()) {
      case rt::option<rt::Z>::tag_t::Some: {
        const auto& Some_fields = scrut_1.as_Some();
        const rt::Z& n = Some_fields.f0;
        return common::wrap32(rt::z_opp(n));
      }
      case rt::option<rt::Z>::tag_t::None: {
        return rt::Z{0};
      }
      }
      rt::fatal("no case matched in Hexproof.Spec.Strtoint.set_reader");
    } else {
      rt::option<rt::Z> scrut_2 = strtoint::read_digits(base, rt::Z{0}, s);
      switch (scrut_2.tag()) {
      case rt::option<rt::Z>::tag_t::Some: {
        const auto& Some_fields_1 = scrut_2.as_Some();
        const rt::Z& n_1 = Some_fields_1.f0;
        return n_1;
      }
      case rt::option<rt::Z>::tag_t::None: {
        return rt::Z{0};
      }
      }
      rt::fatal("no case matched in Hexproof.Spec.Strtoint.set_reader");
    }
  }
  }
  rt::fatal("no case matched in Hexproof.Spec.Strtoint.set_reader");
}

// Coq: Hexproof.Spec.Strtoint.strtoint (Definition)
inline rt::Z strtoint(const common::bytes& s) {
  switch (s.tag()) {
  case common::bytes::tag_t::nil: {
    return rt::Z{0};
  }
  case common::bytes::tag_t::cons: {
    auto cons_fields = s.as_cons();
    common::byte& c = cons_fields.f0;
    rt::list<common::byte>& s_ = cons_fields.f1;
    bool scrut = rt::n_eqb(c, rt::N{48});
    if (scrut) {
      switch (s_.tag()) {
      case rt::list<common::byte>::tag_t::nil: {
        return strtoint::set_reader(rt::Z{8}, s_);
      }
      case rt::list<common::byte>::tag_t::cons: {
        auto cons_fields_1 = s_.as_cons();
        common::byte& d = cons_fields_1.f0;
        rt::list<common::byte>& s__ = cons_fields_1.f1;
        bool scrut_1 = rt::n_eqb(d, rt::N{98});
        if (scrut_1) {
          return strtoint::set_reader(rt::Z{2}, s__);
        } else {
          bool scrut_2 = rt::n_eqb(d, rt::N{120});
          if (scrut_2) {
            return strtoint::set_reader(rt::Z{16}, s__);
          } else {
            return strtoint::set_reader(rt::Z{8}, s_);
          }
        }
      }
      }
      rt::fatal("no case matched in Hexproof.Spec.Strtoint.strtoint");
    } else {
      return strtoint::set_reader(rt::Z{10}, s);
    }
  }
  }
  rt::fatal("no case matched in Hexproof.Spec.Strtoint.strtoint");
}

// Coq: Hexproof.Spec.Strtoint.is_number (Definition)
inline bool is_number(const common::bytes& s) {
  bool scrut = rt::negb(rt::z_eqb(strtoint::strtoint(s), rt::Z{0}));
  if (scrut) {
    return true;
  } else {
    switch (s.tag()) {
    case common::bytes::tag_t::nil: {
      return false;
    }
    case common::bytes::tag_t::cons: {
      auto cons_fields = s.as_cons();
      common::byte& c = cons_fields.f0;
      return rt::n_eqb(c, rt::N{48});
    }
    }
    rt::fatal("no case matched in Hexproof.Spec.Strtoint.is_number");
  }
}

}  // namespace hexproof::strtoint
