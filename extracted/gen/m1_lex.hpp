// m1_lex.hpp: the C++ printed from the Coq module Hexproof.Spec.M1Lex.
//
// Generated; do not edit. Made by `extracted/regen.sh OUTDIR`, which runs: hexproof_printer --module Hexproof.Spec.CommandLine --module Hexproof.Spec.Common --module Hexproof.Spec.Hex2Encode --module Hexproof.Spec.Hex2Lex --module Hexproof.Spec.Hex2Spec --module Hexproof.Spec.Hex2Strict --module Hexproof.Spec.M1Eval --module Hexproof.Spec.M1Lex --module Hexproof.Spec.M1Spec --module Hexproof.Spec.Quirks --module Hexproof.Spec.Strtoint --module Hexproof.Proofs.ByteMap --module Hexproof.Proofs.Hex2Check --module Hexproof.Proofs.Hex2Exec --module Hexproof.Proofs.M1Exec --module Hexproof.Proofs.OutBuf --fields Extract.v --out OUTDIR extraction.json
// Coq Hexproof.Spec.M1Lex.x is C++ hexproof::m1_lex::x. See extracted/SUBSET.md for the translation.
#pragma once

#include <cstdint>
#include <utility>

#include "coq_runtime.hpp"
#include "common.hpp"

namespace hexproof::m1_lex {

// Coq: Hexproof.Spec.M1Lex.ch_tab (Definition)
inline common::byte ch_tab() {
  return rt::N{9};
}

// Coq: Hexproof.Spec.M1Lex.ch_lf (Definition)
inline common::byte ch_lf() {
  return rt::N{10};
}

// Coq: Hexproof.Spec.M1Lex.ch_cr (Definition)
inline common::byte ch_cr() {
  return rt::N{13};
}

// Coq: Hexproof.Spec.M1Lex.ch_space (Definition)
inline common::byte ch_space() {
  return rt::N{32};
}

// Coq: Hexproof.Spec.M1Lex.ch_dquote (Definition)
inline common::byte ch_dquote() {
  return rt::N{34};
}

// Coq: Hexproof.Spec.M1Lex.ch_hash (Definition)
inline common::byte ch_hash() {
  return rt::N{35};
}

// Coq: Hexproof.Spec.M1Lex.ch_squote (Definition)
inline common::byte ch_squote() {
  return rt::N{39};
}

// Coq: Hexproof.Spec.M1Lex.ch_semicolon (Definition)
inline common::byte ch_semicolon() {
  return rt::N{59};
}

// Coq: Hexproof.Spec.M1Lex.is_blank (Definition)
inline bool is_blank(const common::byte& c) {
  return rt::orb(rt::n_eqb(c, m1_lex::ch_space()), rt::n_eqb(c, m1_lex::ch_tab()));
}

// Coq: Hexproof.Spec.M1Lex.is_comment_start (Definition)
inline bool is_comment_start(const common::byte& c) {
  return rt::orb(rt::n_eqb(c, m1_lex::ch_hash()), rt::n_eqb(c, m1_lex::ch_semicolon()));
}

// Coq: Hexproof.Spec.M1Lex.is_comment_end (Definition)
inline bool is_comment_end(const common::byte& c) {
  return rt::orb(rt::n_eqb(c, m1_lex::ch_lf()), rt::n_eqb(c, m1_lex::ch_cr()));
}

// Coq: Hexproof.Spec.M1Lex.is_quote (Definition)
inline bool is_quote(const common::byte& c) {
  return rt::orb(rt::n_eqb(c, m1_lex::ch_dquote()), rt::n_eqb(c, m1_lex::ch_squote()));
}

// Coq: Hexproof.Spec.M1Lex.lex_error (Definition)
inline common::error lex_error(const common::error_kind& k, const rt::N& file, const rt::N& offset) {
  return common::error::mk_error(k, file, offset, rt::Z{0}, rt::list<common::byte>::nil());
}

}  // namespace hexproof::m1_lex
