// common.hpp: the C++ printed from the Coq module Hexproof.Spec.Common.
//
// Generated; do not edit. Made by `extracted/regen.sh OUTDIR`, which runs: hexproof_printer --module Hexproof.Spec.CommandLine --module Hexproof.Spec.Common --module Hexproof.Spec.Hex2Encode --module Hexproof.Spec.Hex2Lex --module Hexproof.Spec.Hex2Spec --module Hexproof.Spec.M1Eval --module Hexproof.Spec.M1Lex --module Hexproof.Spec.M1Spec --module Hexproof.Spec.Quirks --module Hexproof.Spec.Strtoint --module Hexproof.Proofs.ByteMap --module Hexproof.Proofs.FirstUses --module Hexproof.Proofs.Hex2Check --module Hexproof.Proofs.Hex2CheckFirst --module Hexproof.Proofs.Hex2Exec --module Hexproof.Proofs.M1Check --module Hexproof.Proofs.M1CheckFirst --module Hexproof.Proofs.M1Exec --module Hexproof.Proofs.OutBuf --fields Extract.v --out OUTDIR extraction.json
// Coq Hexproof.Spec.Common.x is C++ hexproof::common::x. See extracted/SUBSET.md for the translation.
#pragma once

#include <cstdint>
#include <utility>

#include "coq_runtime.hpp"

namespace hexproof::common {

struct error;
template <class A>
struct result;
struct hex2_config;
struct m1_config;

// Coq: Hexproof.Spec.Common.architecture
enum class architecture : std::uint8_t { knight, x86, amd64, armv7l, aarch64, ppc64le, riscv32, riscv64 };

// Coq: Hexproof.Spec.Common.byte_mode
enum class byte_mode : std::uint8_t { hex_mode, octal_mode, binary_mode };

// Coq: Hexproof.Spec.Common.byte
using byte = rt::N;

// Coq: Hexproof.Spec.Common.bytes
using bytes = rt::list<common::byte>;

// Coq: Hexproof.Spec.Common.error_kind
enum class error_kind : std::uint8_t { undefined_label, displacement_out_of_range, unaligned_branch_target, riscv_field_out_of_range, unterminated_word, nul_in_name, unterminated_string, nul_in_token, empty_input, macro_name_missing, macro_value_missing, immediate_out_of_range, negative_padding, invalid_other, quirk_rejected };

// Coq: Hexproof.Spec.Common.error
struct error {
  common::error_kind err_kind{};
  rt::N err_file{};
  rt::N err_offset{};
  rt::Z err_value{};
  common::bytes err_subject{};
  static error mk_error(common::error_kind a0, rt::N a1, rt::N a2, rt::Z a3, common::bytes a4);
};

// Coq: Hexproof.Spec.Common.result
template <class A>
struct result {
  enum class tag_t : std::uint8_t { Ok, Err };
  struct Ok_t;
  struct Err_t;
  static result<A> Ok(A a0);
  static result<A> Err(common::error a0);
  tag_t tag() const { return tag_; }
  const Ok_t& as_Ok() const;
  const Err_t& as_Err() const;
  tag_t tag_ = tag_t::Ok;
  rt::box box_;
};

// Coq: Hexproof.Spec.Common.hex2_config
struct hex2_config {
  common::architecture h2_arch{};
  bool h2_big_endian{};
  rt::N h2_base_address{};
  common::byte_mode h2_byte_mode{};
  static hex2_config mk_hex2_config(common::architecture a0, bool a1, rt::N a2, common::byte_mode a3);
};

// Coq: Hexproof.Spec.Common.m1_config
struct m1_config {
  common::architecture m1_arch{};
  bool m1_big_endian{};
  common::byte_mode m1_byte_mode{};
  static m1_config mk_m1_config(common::architecture a0, bool a1, common::byte_mode a2);
};

inline error error::mk_error(common::error_kind a0, rt::N a1, rt::N a2, rt::Z a3, common::bytes a4) { return error{std::move(a0), std::move(a1), std::move(a2), std::move(a3), std::move(a4)}; }

template <class A>
struct result<A>::Ok_t {
  A f0;
};
template <class A>
struct result<A>::Err_t {
  common::error f0;
};
template <class A>
result<A> result<A>::Ok(A a0) { return result<A>{tag_t::Ok, rt::box::make<Ok_t>(Ok_t{std::move(a0)})}; }
template <class A>
auto result<A>::as_Ok() const -> const Ok_t& { return box_.get<Ok_t>(); }
template <class A>
result<A> result<A>::Err(common::error a0) { return result<A>{tag_t::Err, rt::box::make<Err_t>(Err_t{std::move(a0)})}; }
template <class A>
auto result<A>::as_Err() const -> const Err_t& { return box_.get<Err_t>(); }

inline hex2_config hex2_config::mk_hex2_config(common::architecture a0, bool a1, rt::N a2, common::byte_mode a3) { return hex2_config{std::move(a0), std::move(a1), std::move(a2), std::move(a3)}; }

inline m1_config m1_config::mk_m1_config(common::architecture a0, bool a1, common::byte_mode a2) { return m1_config{std::move(a0), std::move(a1), std::move(a2)}; }

// Coq: Hexproof.Spec.Common.wrap32 (Definition)
inline rt::Z wrap32(const rt::Z& z) {
  rt::Z m = rt::z_modulo(z, rt::Z{4294967296});
  bool scrut = rt::z_ltb(m, rt::Z{2147483648});
  if (scrut) {
    return m;
  } else {
    return rt::z_sub(m, rt::Z{4294967296});
  }
}

}  // namespace hexproof::common
