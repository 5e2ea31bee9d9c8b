// command_line.hpp: the C++ printed from the Coq module Hexproof.Spec.CommandLine.
//
// Generated; do not edit. Made by `extracted/regen.sh OUTDIR`, which runs: hexproof_printer --module Hexproof.Spec.CommandLine --module Hexproof.Spec.Common --module Hexproof.Spec.Hex2Encode --module Hexproof.Spec.Hex2Lex --module Hexproof.Spec.Hex2Spec --module Hexproof.Spec.M1Eval --module Hexproof.Spec.M1Lex --module Hexproof.Spec.M1Spec --module Hexproof.Spec.Quirks --module Hexproof.Spec.Strtoint --module Hexproof.Proofs.ByteMap --module Hexproof.Proofs.FirstUses --module Hexproof.Proofs.Hex2Check --module Hexproof.Proofs.Hex2CheckFirst --module Hexproof.Proofs.Hex2Exec --module Hexproof.Proofs.M1Check --module Hexproof.Proofs.M1CheckFirst --module Hexproof.Proofs.M1Exec --module Hexproof.Proofs.OutBuf --fields Extract.v --out OUTDIR extraction.json
// Coq Hexproof.Spec.CommandLine.x is C++ hexproof::command_line::x. See extracted/SUBSET.md for the translation.
#pragma once

#include <cstdint>
#include <utility>

#include "coq_runtime.hpp"
#include "common.hpp"
#include "m1_spec.hpp"
#include "strtoint.hpp"

namespace hexproof::command_line {

struct option_word;
template <class C>
struct command;
struct cli_step;
struct usage_error;
template <class C>
struct cli_ending;
template <class C>
struct cli_result;

// Coq: Hexproof.Spec.CommandLine.argument_option
enum class argument_option : std::uint8_t { arg_architecture, arg_base_address, arg_file, arg_output };

// Coq: Hexproof.Spec.CommandLine.strict_mode
enum class strict_mode : std::uint8_t { strict_off, strict_error, strict_warn };

// Coq: Hexproof.Spec.CommandLine.option_word
struct option_word {
  enum class tag_t : std::uint8_t { ow_big_endian, ow_strict, ow_non_executable, ow_byte_mode, ow_help, ow_version, ow_engine, ow_max_output_bytes, ow_with_argument, ow_unknown };
  struct ow_big_endian_t;
  struct ow_strict_t;
  struct ow_byte_mode_t;
  struct ow_engine_t;
  struct ow_max_output_bytes_t;
  struct ow_with_argument_t;
  static option_word ow_big_endian(bool a0);
  static option_word ow_strict(command_line::strict_mode a0);
  static option_word ow_non_executable();
  static option_word ow_byte_mode(common::byte_mode a0);
  static option_word ow_help();
  static option_word ow_version();
  static option_word ow_engine(common::bytes a0);
  static option_word ow_max_output_bytes(common::bytes a0);
  static option_word ow_with_argument(command_line::argument_option a0);
  static option_word ow_unknown();
  tag_t tag() const { return tag_; }
  const ow_big_endian_t& as_ow_big_endian() const;
  const ow_strict_t& as_ow_strict() const;
  const ow_byte_mode_t& as_ow_byte_mode() const;
  const ow_engine_t& as_ow_engine() const;
  const ow_max_output_bytes_t& as_ow_max_output_bytes() const;
  const ow_with_argument_t& as_ow_with_argument() const;
  tag_t tag_ = tag_t::ow_big_endian;
  rt::box box_;
};

// Coq: Hexproof.Spec.CommandLine.command
template <class C>
struct command {
  C cmd_config{};
  rt::list<common::bytes> cmd_inputs{};
  rt::option<common::bytes> cmd_output{};
  bool cmd_executable{};
  rt::option<common::bytes> cmd_engine{};
  rt::N cmd_max_output_bytes{};
  command_line::strict_mode cmd_strict{};
  static command<C> mk_command(C a0, rt::list<common::bytes> a1, rt::option<common::bytes> a2, bool a3, rt::option<common::bytes> a4, rt::N a5, command_line::strict_mode a6);
};

// Coq: Hexproof.Spec.CommandLine.cli_step
struct cli_step {
  enum class tag_t : std::uint8_t { step_open_output, step_read_input, step_unknown_architecture, step_warn_base_address_zero, step_warn_big_endian };
  struct step_open_output_t;
  struct step_read_input_t;
  struct step_unknown_architecture_t;
  static cli_step step_open_output(common::bytes a0);
  static cli_step step_read_input(common::bytes a0);
  static cli_step step_unknown_architecture(common::bytes a0);
  static cli_step step_warn_base_address_zero();
  static cli_step step_warn_big_endian();
  tag_t tag() const { return tag_; }
  const step_open_output_t& as_step_open_output() const;
  const step_read_input_t& as_step_read_input() const;
  const step_unknown_architecture_t& as_step_unknown_architecture() const;
  tag_t tag_ = tag_t::step_open_output;
  rt::box box_;
};

// Coq: Hexproof.Spec.CommandLine.usage_error
struct usage_error {
  enum class tag_t : std::uint8_t { missing_argument, unknown_option, unknown_architecture, invalid_max_output_bytes, no_input_files };
  struct missing_argument_t;
  struct unknown_architecture_t;
  static usage_error missing_argument(common::bytes a0);
  static usage_error unknown_option();
  static usage_error unknown_architecture(common::bytes a0);
  static usage_error invalid_max_output_bytes();
  static usage_error no_input_files();
  tag_t tag() const { return tag_; }
  const missing_argument_t& as_missing_argument() const;
  const unknown_architecture_t& as_unknown_architecture() const;
  tag_t tag_ = tag_t::missing_argument;
  rt::box box_;
};

// Coq: Hexproof.Spec.CommandLine.cli_ending
template <class C>
struct cli_ending {
  enum class tag_t : std::uint8_t { end_run, end_help, end_version, end_usage_error };
  struct end_run_t;
  struct end_usage_error_t;
  static cli_ending<C> end_run(command_line::command<C> a0);
  static cli_ending<C> end_help();
  static cli_ending<C> end_version();
  static cli_ending<C> end_usage_error(command_line::usage_error a0);
  tag_t tag() const { return tag_; }
  const end_run_t& as_end_run() const;
  const end_usage_error_t& as_end_usage_error() const;
  tag_t tag_ = tag_t::end_run;
  rt::box box_;
};

// Coq: Hexproof.Spec.CommandLine.cli_result
template <class C>
struct cli_result {
  rt::list<command_line::cli_step> cli_steps{};
  command_line::cli_ending<C> cli_end{};
  static cli_result<C> mk_cli_result(rt::list<command_line::cli_step> a0, command_line::cli_ending<C> a1);
};

struct option_word::ow_big_endian_t {
  bool f0;
};
struct option_word::ow_strict_t {
  command_line::strict_mode f0;
};
struct option_word::ow_byte_mode_t {
  common::byte_mode f0;
};
struct option_word::ow_engine_t {
  common::bytes f0;
};
struct option_word::ow_max_output_bytes_t {
  common::bytes f0;
};
struct option_word::ow_with_argument_t {
  command_line::argument_option f0;
};
inline option_word option_word::ow_big_endian(bool a0) { return option_word{tag_t::ow_big_endian, rt::box::make<ow_big_endian_t>(ow_big_endian_t{std::move(a0)})}; }
inline auto option_word::as_ow_big_endian() const -> const ow_big_endian_t& { return box_.get<ow_big_endian_t>(); }
inline option_word option_word::ow_strict(command_line::strict_mode a0) { return option_word{tag_t::ow_strict, rt::box::make<ow_strict_t>(ow_strict_t{std::move(a0)})}; }
inline auto option_word::as_ow_strict() const -> const ow_strict_t& { return box_.get<ow_strict_t>(); }
inline option_word option_word::ow_non_executable() { return option_word{tag_t::ow_non_executable, rt::box()}; }
inline option_word option_word::ow_byte_mode(common::byte_mode a0) { return option_word{tag_t::ow_byte_mode, rt::box::make<ow_byte_mode_t>(ow_byte_mode_t{std::move(a0)})}; }
inline auto option_word::as_ow_byte_mode() const -> const ow_byte_mode_t& { return box_.get<ow_byte_mode_t>(); }
inline option_word option_word::ow_help() { return option_word{tag_t::ow_help, rt::box()}; }
inline option_word option_word::ow_version() { return option_word{tag_t::ow_version, rt::box()}; }
inline option_word option_word::ow_engine(common::bytes a0) { return option_word{tag_t::ow_engine, rt::box::make<ow_engine_t>(ow_engine_t{std::move(a0)})}; }
inline auto option_word::as_ow_engine() const -> const ow_engine_t& { return box_.get<ow_engine_t>(); }
inline option_word option_word::ow_max_output_bytes(common::bytes a0) { return option_word{tag_t::ow_max_output_bytes, rt::box::make<ow_max_output_bytes_t>(ow_max_output_bytes_t{std::move(a0)})}; }
inline auto option_word::as_ow_max_output_bytes() const -> const ow_max_output_bytes_t& { return box_.get<ow_max_output_bytes_t>(); }
inline option_word option_word::ow_with_argument(command_line::argument_option a0) { return option_word{tag_t::ow_with_argument, rt::box::make<ow_with_argument_t>(ow_with_argument_t{std::move(a0)})}; }
inline auto option_word::as_ow_with_argument() const -> const ow_with_argument_t& { return box_.get<ow_with_argument_t>(); }
inline option_word option_word::ow_unknown() { return option_word{tag_t::ow_unknown, rt::box()}; }

template <class C>
command<C> command<C>::mk_command(C a0, rt::list<common::bytes> a1, rt::option<common::bytes> a2, bool a3, rt::option<common::bytes> a4, rt::N a5, command_line::strict_mode a6) { return command<C>{std::move(a0), std::move(a1), std::move(a2), std::move(a3), std::move(a4), std::move(a5), std::move(a6)}; }

struct cli_step::step_open_output_t {
  common::bytes f0;
};
struct cli_step::step_read_input_t {
  common::bytes f0;
};
struct cli_step::step_unknown_architecture_t {
  common::bytes f0;
};
inline cli_step cli_step::step_open_output(common::bytes a0) { return cli_step{tag_t::step_open_output, rt::box::make<step_open_output_t>(step_open_output_t{std::move(a0)})}; }
inline auto cli_step::as_step_open_output() const -> const step_open_output_t& { return box_.get<step_open_output_t>(); }
inline cli_step cli_step::step_read_input(common::bytes a0) { return cli_step{tag_t::step_read_input, rt::box::make<step_read_input_t>(step_read_input_t{std::move(a0)})}; }
inline auto cli_step::as_step_read_input() const -> const step_read_input_t& { return box_.get<step_read_input_t>(); }
inline cli_step cli_step::step_unknown_architecture(common::bytes a0) { return cli_step{tag_t::step_unknown_architecture, rt::box::make<step_unknown_architecture_t>(step_unknown_architecture_t{std::move(a0)})}; }
inline auto cli_step::as_step_unknown_architecture() const -> const step_unknown_architecture_t& { return box_.get<step_unknown_architecture_t>(); }
inline cli_step cli_step::step_warn_base_address_zero() { return cli_step{tag_t::step_warn_base_address_zero, rt::box()}; }
inline cli_step cli_step::step_warn_big_endian() { return cli_step{tag_t::step_warn_big_endian, rt::box()}; }

struct usage_error::missing_argument_t {
  common::bytes f0;
};
struct usage_error::unknown_architecture_t {
  common::bytes f0;
};
inline usage_error usage_error::missing_argument(common::bytes a0) { return usage_error{tag_t::missing_argument, rt::box::make<missing_argument_t>(missing_argument_t{std::move(a0)})}; }
inline auto usage_error::as_missing_argument() const -> const missing_argument_t& { return box_.get<missing_argument_t>(); }
inline usage_error usage_error::unknown_option() { return usage_error{tag_t::unknown_option, rt::box()}; }
inline usage_error usage_error::unknown_architecture(common::bytes a0) { return usage_error{tag_t::unknown_architecture, rt::box::make<unknown_architecture_t>(unknown_architecture_t{std::move(a0)})}; }
inline auto usage_error::as_unknown_architecture() const -> const unknown_architecture_t& { return box_.get<unknown_architecture_t>(); }
inline usage_error usage_error::invalid_max_output_bytes() { return usage_error{tag_t::invalid_max_output_bytes, rt::box()}; }
inline usage_error usage_error::no_input_files() { return usage_error{tag_t::no_input_files, rt::box()}; }

template <class C>
struct cli_ending<C>::end_run_t {
  command_line::command<C> f0;
};
template <class C>
struct cli_ending<C>::end_usage_error_t {
  command_line::usage_error f0;
};
template <class C>
cli_ending<C> cli_ending<C>::end_run(command_line::command<C> a0) { return cli_ending<C>{tag_t::end_run, rt::box::make<end_run_t>(end_run_t{std::move(a0)})}; }
template <class C>
auto cli_ending<C>::as_end_run() const -> const end_run_t& { return box_.get<end_run_t>(); }
template <class C>
cli_ending<C> cli_ending<C>::end_help() { return cli_ending<C>{tag_t::end_help, rt::box()}; }
template <class C>
cli_ending<C> cli_ending<C>::end_version() { return cli_ending<C>{tag_t::end_version, rt::box()}; }
template <class C>
cli_ending<C> cli_ending<C>::end_usage_error(command_line::usage_error a0) { return cli_ending<C>{tag_t::end_usage_error, rt::box::make<end_usage_error_t>(end_usage_error_t{std::move(a0)})}; }
template <class C>
auto cli_ending<C>::as_end_usage_error() const -> const end_usage_error_t& { return box_.get<end_usage_error_t>(); }

template <class C>
cli_result<C> cli_result<C>::mk_cli_result(rt::list<command_line::cli_step> a0, command_line::cli_ending<C> a1) { return cli_result<C>{std::move(a0), std::move(a1)}; }

// Coq: Hexproof.Spec.CommandLine.strip_prefix (Fixpoint; its self tail calls are the loop)
inline rt::option<common::bytes> strip_prefix(common::bytes p, common::bytes s) {
  for (;;) {
    switch (p.tag()) {
    case common::bytes::tag_t::nil: {
      return rt::option<common::bytes>::Some(std::move(s));
    }
    case common::bytes::tag_t::cons: {
      auto cons_fields = p.as_cons();
      common::byte& c = cons_fields.f0;
      rt::list<common::byte>& p_ = cons_fields.f1;
      switch (s.tag()) {
      case common::bytes::tag_t::nil: {
        return rt::option<common::bytes>::None();
      }
      case common::bytes::tag_t::cons: {
        auto cons_fields_1 = s.as_cons();
        common::byte& d = cons_fields_1.f0;
        rt::list<common::byte>& s_ = cons_fields_1.f1;
        bool scrut = rt::n_eqb(c, d);
        if (scrut) {
          common::bytes next_p = std::move(p_);
          common::bytes next_s = std::move(s_);
          p = std::move(next_p);
          s = std::move(next_s);
          continue;
        } else {
          return rt::option<common::bytes>::None();
        }
      }
      }
      rt::fatal("no case matched in Hexproof.Spec.CommandLine.strip_prefix");
    }
    }
    rt::fatal("no case matched in Hexproof.Spec.CommandLine.strip_prefix");
  }
}

// Coq: Hexproof.Spec.CommandLine.opt_b (Definition)
inline rt::N opt_b() {
  return rt::N{98};
}

// Coq: Hexproof.Spec.CommandLine.opt_O (Definition)
inline rt::N opt_O() {
  return rt::N{79};
}

// Coq: Hexproof.Spec.CommandLine.opt_h (Definition)
inline rt::N opt_h() {
  return rt::N{104};
}

// Coq: Hexproof.Spec.CommandLine.opt_V (Definition)
inline rt::N opt_V() {
  return rt::N{86};
}

// Coq: Hexproof.Spec.CommandLine.opt_A (Definition)
inline rt::N opt_A() {
  return rt::N{65};
}

// Coq: Hexproof.Spec.CommandLine.opt_B (Definition)
inline rt::N opt_B() {
  return rt::N{66};
}

// Coq: Hexproof.Spec.CommandLine.opt_f (Definition)
inline rt::N opt_f() {
  return rt::N{102};
}

// Coq: Hexproof.Spec.CommandLine.opt_o (Definition)
inline rt::N opt_o() {
  return rt::N{111};
}

// Coq: Hexproof.Spec.CommandLine.short_option_word (Definition)
inline command_line::option_word short_option_word(const bool& hex2, const rt::N& x) {
  bool scrut = rt::n_eqb(x, command_line::opt_b());
  if (scrut) {
    return command_line::option_word::ow_byte_mode(common::byte_mode::binary_mode);
  } else {
    bool scrut_1 = rt::n_eqb(x, command_line::opt_O());
    if (scrut_1) {
      return command_line::option_word::ow_byte_mode(common::byte_mode::octal_mode);
    } else {
      bool scrut_2 = rt::n_eqb(x, command_line::opt_h());
      if (scrut_2) {
        return command_line::option_word::ow_help();
      } else {
        bool scrut_3 = rt::n_eqb(x, command_line::opt_V());
        if (scrut_3) {
          return command_line::option_word::ow_version();
        } else {
          bool scrut_4 = rt::n_eqb(x, command_line::opt_A());
          if (scrut_4) {
            return command_line::option_word::ow_with_argument(command_line::argument_option::arg_architecture);
          } else {
            bool scrut_5 = rt::andb(hex2, rt::n_eqb(x, command_line::opt_B()));
            if (scrut_5) {
              return command_line::option_word::ow_with_argument(command_line::argument_option::arg_base_address);
            } else {
              bool scrut_6 = rt::n_eqb(x, command_line::opt_f());
              if (scrut_6) {
                return command_line::option_word::ow_with_argument(command_line::argument_option::arg_file);
              } else {
                bool scrut_7 = rt::n_eqb(x, command_line::opt_o());
                if (scrut_7) {
                  return command_line::option_word::ow_with_argument(command_line::argument_option::arg_output);
                } else {
                  return command_line::option_word::ow_unknown();
                }
              }
            }
          }
        }
      }
    }
  }
}

// Coq: Hexproof.Spec.CommandLine.opt_big_endian (Definition)
inline common::bytes opt_big_endian() {
  return rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{98}, rt::list<rt::N>::cons(rt::N{105}, rt::list<rt::N>::cons(rt::N{103}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::cons(rt::N{110}, rt::list<rt::N>::cons(rt::N{100}, rt::list<rt::N>::cons(rt::N{105}, rt::list<rt::N>::cons(rt::N{97}, rt::list<rt::N>::cons(rt::N{110}, rt::list<rt::N>::nil()))))))))))));
}

// Coq: Hexproof.Spec.CommandLine.opt_little_endian (Definition)
inline common::bytes opt_little_endian() {
  return rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{108}, rt::list<rt::N>::cons(rt::N{105}, rt::list<rt::N>::cons(rt::N{116}, rt::list<rt::N>::cons(rt::N{116}, rt::list<rt::N>::cons(rt::N{108}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::cons(rt::N{110}, rt::list<rt::N>::cons(rt::N{100}, rt::list<rt::N>::cons(rt::N{105}, rt::list<rt::N>::cons(rt::N{97}, rt::list<rt::N>::cons(rt::N{110}, rt::list<rt::N>::nil())))))))))))))));
}

// Coq: Hexproof.Spec.CommandLine.opt_non_executable (Definition)
inline common::bytes opt_non_executable() {
  return rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{110}, rt::list<rt::N>::cons(rt::N{111}, rt::list<rt::N>::cons(rt::N{110}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::cons(rt::N{120}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::cons(rt::N{99}, rt::list<rt::N>::cons(rt::N{117}, rt::list<rt::N>::cons(rt::N{116}, rt::list<rt::N>::cons(rt::N{97}, rt::list<rt::N>::cons(rt::N{98}, rt::list<rt::N>::cons(rt::N{108}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::nil()))))))))))))))));
}

// Coq: Hexproof.Spec.CommandLine.opt_binary (Definition)
inline common::bytes opt_binary() {
  return rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{98}, rt::list<rt::N>::cons(rt::N{105}, rt::list<rt::N>::cons(rt::N{110}, rt::list<rt::N>::cons(rt::N{97}, rt::list<rt::N>::cons(rt::N{114}, rt::list<rt::N>::cons(rt::N{121}, rt::list<rt::N>::nil()))))))));
}

// Coq: Hexproof.Spec.CommandLine.opt_octal (Definition)
inline common::bytes opt_octal() {
  return rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{111}, rt::list<rt::N>::cons(rt::N{99}, rt::list<rt::N>::cons(rt::N{116}, rt::list<rt::N>::cons(rt::N{97}, rt::list<rt::N>::cons(rt::N{108}, rt::list<rt::N>::nil())))))));
}

// Coq: Hexproof.Spec.CommandLine.opt_help (Definition)
inline common::bytes opt_help() {
  return rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{104}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::cons(rt::N{108}, rt::list<rt::N>::cons(rt::N{112}, rt::list<rt::N>::nil()))))));
}

// Coq: Hexproof.Spec.CommandLine.opt_version (Definition)
inline common::bytes opt_version() {
  return rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{118}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::cons(rt::N{114}, rt::list<rt::N>::cons(rt::N{115}, rt::list<rt::N>::cons(rt::N{105}, rt::list<rt::N>::cons(rt::N{111}, rt::list<rt::N>::cons(rt::N{110}, rt::list<rt::N>::nil())))))))));
}

// Coq: Hexproof.Spec.CommandLine.opt_architecture (Definition)
inline common::bytes opt_architecture() {
  return rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{97}, rt::list<rt::N>::cons(rt::N{114}, rt::list<rt::N>::cons(rt::N{99}, rt::list<rt::N>::cons(rt::N{104}, rt::list<rt::N>::cons(rt::N{105}, rt::list<rt::N>::cons(rt::N{116}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::cons(rt::N{99}, rt::list<rt::N>::cons(rt::N{116}, rt::list<rt::N>::cons(rt::N{117}, rt::list<rt::N>::cons(rt::N{114}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::nil()))))))))))))));
}

// Coq: Hexproof.Spec.CommandLine.opt_base_address (Definition)
inline common::bytes opt_base_address() {
  return rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{98}, rt::list<rt::N>::cons(rt::N{97}, rt::list<rt::N>::cons(rt::N{115}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{97}, rt::list<rt::N>::cons(rt::N{100}, rt::list<rt::N>::cons(rt::N{100}, rt::list<rt::N>::cons(rt::N{114}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::cons(rt::N{115}, rt::list<rt::N>::cons(rt::N{115}, rt::list<rt::N>::nil()))))))))))))));
}

// Coq: Hexproof.Spec.CommandLine.opt_file (Definition)
inline common::bytes opt_file() {
  return rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{102}, rt::list<rt::N>::cons(rt::N{105}, rt::list<rt::N>::cons(rt::N{108}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::nil()))))));
}

// Coq: Hexproof.Spec.CommandLine.opt_output (Definition)
inline common::bytes opt_output() {
  return rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{111}, rt::list<rt::N>::cons(rt::N{117}, rt::list<rt::N>::cons(rt::N{116}, rt::list<rt::N>::cons(rt::N{112}, rt::list<rt::N>::cons(rt::N{117}, rt::list<rt::N>::cons(rt::N{116}, rt::list<rt::N>::nil()))))))));
}

// Coq: Hexproof.Spec.CommandLine.opt_engine (Definition)
inline common::bytes opt_engine() {
  return rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::cons(rt::N{110}, rt::list<rt::N>::cons(rt::N{103}, rt::list<rt::N>::cons(rt::N{105}, rt::list<rt::N>::cons(rt::N{110}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::cons(rt::N{61}, rt::list<rt::N>::nil())))))))));
}

// Coq: Hexproof.Spec.CommandLine.opt_max_output_bytes (Definition)
inline common::bytes opt_max_output_bytes() {
  return rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{109}, rt::list<rt::N>::cons(rt::N{97}, rt::list<rt::N>::cons(rt::N{120}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{111}, rt::list<rt::N>::cons(rt::N{117}, rt::list<rt::N>::cons(rt::N{116}, rt::list<rt::N>::cons(rt::N{112}, rt::list<rt::N>::cons(rt::N{117}, rt::list<rt::N>::cons(rt::N{116}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{98}, rt::list<rt::N>::cons(rt::N{121}, rt::list<rt::N>::cons(rt::N{116}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::cons(rt::N{115}, rt::list<rt::N>::cons(rt::N{61}, rt::list<rt::N>::nil())))))))))))))))))));
}

// Coq: Hexproof.Spec.CommandLine.opt_strict (Definition)
inline common::bytes opt_strict() {
  return rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{115}, rt::list<rt::N>::cons(rt::N{116}, rt::list<rt::N>::cons(rt::N{114}, rt::list<rt::N>::cons(rt::N{105}, rt::list<rt::N>::cons(rt::N{99}, rt::list<rt::N>::cons(rt::N{116}, rt::list<rt::N>::nil()))))))));
}

// Coq: Hexproof.Spec.CommandLine.opt_strict_warn (Definition)
inline common::bytes opt_strict_warn() {
  return rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{115}, rt::list<rt::N>::cons(rt::N{116}, rt::list<rt::N>::cons(rt::N{114}, rt::list<rt::N>::cons(rt::N{105}, rt::list<rt::N>::cons(rt::N{99}, rt::list<rt::N>::cons(rt::N{116}, rt::list<rt::N>::cons(rt::N{61}, rt::list<rt::N>::cons(rt::N{119}, rt::list<rt::N>::cons(rt::N{97}, rt::list<rt::N>::cons(rt::N{114}, rt::list<rt::N>::cons(rt::N{110}, rt::list<rt::N>::nil())))))))))))));
}

// Coq: Hexproof.Spec.CommandLine.long_option_word (Definition)
inline command_line::option_word long_option_word(const bool& hex2, const common::bytes& a) {
  bool scrut = m1_spec::text_eqb(a, command_line::opt_big_endian());
  if (scrut) {
    return command_line::option_word::ow_big_endian(true);
  } else {
    bool scrut_1 = m1_spec::text_eqb(a, command_line::opt_little_endian());
    if (scrut_1) {
      return command_line::option_word::ow_big_endian(false);
    } else {
      bool scrut_2 = rt::andb(hex2, m1_spec::text_eqb(a, command_line::opt_non_executable()));
      if (scrut_2) {
        return command_line::option_word::ow_non_executable();
      } else {
        bool scrut_3 = m1_spec::text_eqb(a, command_line::opt_binary());
        if (scrut_3) {
          return command_line::option_word::ow_byte_mode(common::byte_mode::binary_mode);
        } else {
          bool scrut_4 = m1_spec::text_eqb(a, command_line::opt_octal());
          if (scrut_4) {
            return command_line::option_word::ow_byte_mode(common::byte_mode::octal_mode);
          } else {
            bool scrut_5 = m1_spec::text_eqb(a, command_line::opt_help());
            if (scrut_5) {
              return command_line::option_word::ow_help();
            } else {
              bool scrut_6 = m1_spec::text_eqb(a, command_line::opt_version());
              if (scrut_6) {
                return command_line::option_word::ow_version();
              } else {
                bool scrut_7 = m1_spec::text_eqb(a, command_line::opt_architecture());
                if (scrut_7) {
                  return command_line::option_word::ow_with_argument(command_line::argument_option::arg_architecture);
                } else {
                  bool scrut_8 = rt::andb(hex2, m1_spec::text_eqb(a, command_line::opt_base_address()));
                  if (scrut_8) {
                    return command_line::option_word::ow_with_argument(command_line::argument_option::arg_base_address);
                  } else {
                    bool scrut_9 = m1_spec::text_eqb(a, command_line::opt_file());
                    if (scrut_9) {
                      return command_line::option_word::ow_with_argument(command_line::argument_option::arg_file);
                    } else {
                      bool scrut_10 = m1_spec::text_eqb(a, command_line::opt_output());
                      if (scrut_10) {
                        return command_line::option_word::ow_with_argument(command_line::argument_option::arg_output);
                      } else {
                        bool scrut_11 = m1_spec::text_eqb(a, command_line::opt_strict());
                        if (scrut_11) {
                          return command_line::option_word::ow_strict(command_line::strict_mode::strict_error);
                        } else {
                          bool scrut_12 = m1_spec::text_eqb(a, command_line::opt_strict_warn());
                          if (scrut_12) {
                            return command_line::option_word::ow_strict(command_line::strict_mode::strict_warn);
                          } else {
                            rt::option<common::bytes> scrut_13 = command_line::strip_prefix(command_line::opt_engine(), a);
                            switch (scrut_13.tag()) {
                            case rt::option<common::bytes>::tag_t::Some: {
                              const auto& Some_fields = scrut_13.as_Some();
                              const common::bytes& name = Some_fields.f0;
                              return command_line::option_word::ow_engine(name);
                            }
                            case rt::option<common::bytes>::tag_t::None: {
                              rt::option<common::bytes> scrut_14 = command_line::strip_prefix(command_line::opt_max_output_bytes(), a);
                              switch (scrut_14.tag()) {
                              case rt::option<common::bytes>::tag_t::Some: {
                                const auto& Some_fields_1 = scrut_14.as_Some();
                                const common::bytes& digits = Some_fields_1.f0;
                                return command_line::option_word::ow_max_output_bytes(digits);
                              }
                              case rt::option<common::bytes>::tag_t::None: {
                                return command_line::option_word::ow_unknown();
                              }
                              }
                              rt::fatal("no case matched in Hexproof.Spec.CommandLine.long_option_word");
                            }
                            }
                            rt::fatal("no case matched in Hexproof.Spec.CommandLine.long_option_word");
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}

// Coq: Hexproof.Spec.CommandLine.option_word_of (Definition)
inline command_line::option_word option_word_of(const bool& hex2, const common::bytes& a) {
  switch (a.tag()) {
  case common::bytes::tag_t::nil: {
    return command_line::option_word::ow_unknown();
  }
  case common::bytes::tag_t::cons: {
    auto cons_fields = a.as_cons();
    common::byte& d1 = cons_fields.f0;
    rt::list<common::byte>& l = cons_fields.f1;
    switch (l.tag()) {
    case rt::list<common::byte>::tag_t::nil: {
      return command_line::option_word::ow_unknown();
    }
    case rt::list<common::byte>::tag_t::cons: {
      auto cons_fields_1 = l.as_cons();
      common::byte& d2 = cons_fields_1.f0;
      rt::list<common::byte>& l0 = cons_fields_1.f1;
      switch (l0.tag()) {
      case rt::list<common::byte>::tag_t::nil: {
        bool scrut = rt::n_eqb(d1, rt::N{45});
        if (scrut) {
          return command_line::short_option_word(hex2, d2);
        } else {
          return command_line::option_word::ow_unknown();
        }
      }
      case rt::list<common::byte>::tag_t::cons: {
        bool scrut_1 = rt::andb(rt::n_eqb(d1, rt::N{45}), rt::n_eqb(d2, rt::N{45}));
        if (scrut_1) {
          return command_line::long_option_word(hex2, a);
        } else {
          return command_line::option_word::ow_unknown();
        }
      }
      }
      rt::fatal("no case matched in Hexproof.Spec.CommandLine.option_word_of");
    }
    }
    rt::fatal("no case matched in Hexproof.Spec.CommandLine.option_word_of");
  }
  }
  rt::fatal("no case matched in Hexproof.Spec.CommandLine.option_word_of");
}

// Coq: Hexproof.Spec.CommandLine.architecture_names (Definition)
inline rt::list<rt::prod<common::bytes, common::architecture>> architecture_names() {
  return rt::list<rt::prod<rt::list<rt::N>, common::architecture>>::cons(rt::prod<rt::list<rt::N>, common::architecture>::pair(rt::list<rt::N>::cons(rt::N{107}, rt::list<rt::N>::cons(rt::N{110}, rt::list<rt::N>::cons(rt::N{105}, rt::list<rt::N>::cons(rt::N{103}, rt::list<rt::N>::cons(rt::N{104}, rt::list<rt::N>::cons(rt::N{116}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{110}, rt::list<rt::N>::cons(rt::N{97}, rt::list<rt::N>::cons(rt::N{116}, rt::list<rt::N>::cons(rt::N{105}, rt::list<rt::N>::cons(rt::N{118}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::nil()))))))))))))), common::architecture::knight), rt::list<rt::prod<rt::list<rt::N>, common::architecture>>::cons(rt::prod<rt::list<rt::N>, common::architecture>::pair(rt::list<rt::N>::cons(rt::N{107}, rt::list<rt::N>::cons(rt::N{110}, rt::list<rt::N>::cons(rt::N{105}, rt::list<rt::N>::cons(rt::N{103}, rt::list<rt::N>::cons(rt::N{104}, rt::list<rt::N>::cons(rt::N{116}, rt::list<rt::N>::cons(rt::N{45}, rt::list<rt::N>::cons(rt::N{112}, rt::list<rt::N>::cons(rt::N{111}, rt::list<rt::N>::cons(rt::N{115}, rt::list<rt::N>::cons(rt::N{105}, rt::list<rt::N>::cons(rt::N{120}, rt::list<rt::N>::nil())))))))))))), common::architecture::knight), rt::list<rt::prod<rt::list<rt::N>, common::architecture>>::cons(rt::prod<rt::list<rt::N>, common::architecture>::pair(rt::list<rt::N>::cons(rt::N{120}, rt::list<rt::N>::cons(rt::N{56}, rt::list<rt::N>::cons(rt::N{54}, rt::list<rt::N>::nil()))), common::architecture::x86), rt::list<rt::prod<rt::list<rt::N>, common::architecture>>::cons(rt::prod<rt::list<rt::N>, common::architecture>::pair(rt::list<rt::N>::cons(rt::N{97}, rt::list<rt::N>::cons(rt::N{109}, rt::list<rt::N>::cons(rt::N{100}, rt::list<rt::N>::cons(rt::N{54}, rt::list<rt::N>::cons(rt::N{52}, rt::list<rt::N>::nil()))))), common::architecture::amd64), rt::list<rt::prod<rt::list<rt::N>, common::architecture>>::cons(rt::prod<rt::list<rt::N>, common::architecture>::pair(rt::list<rt::N>::cons(rt::N{97}, rt::list<rt::N>::cons(rt::N{114}, rt::list<rt::N>::cons(rt::N{109}, rt::list<rt::N>::cons(rt::N{118}, rt::list<rt::N>::cons(rt::N{55}, rt::list<rt::N>::cons(rt::N{108}, rt::list<rt::N>::nil())))))), common::architecture::armv7l), rt::list<rt::prod<rt::list<rt::N>, common::architecture>>::cons(rt::prod<rt::list<rt::N>, common::architecture>::pair(rt::list<rt::N>::cons(rt::N{97}, rt::list<rt::N>::cons(rt::N{97}, rt::list<rt::N>::cons(rt::N{114}, rt::list<rt::N>::cons(rt::N{99}, rt::list<rt::N>::cons(rt::N{104}, rt::list<rt::N>::cons(rt::N{54}, rt::list<rt::N>::cons(rt::N{52}, rt::list<rt::N>::nil()))))))), common::architecture::aarch64), rt::list<rt::prod<rt::list<rt::N>, common::architecture>>::cons(rt::prod<rt::list<rt::N>, common::architecture>::pair(rt::list<rt::N>::cons(rt::N{112}, rt::list<rt::N>::cons(rt::N{112}, rt::list<rt::N>::cons(rt::N{99}, rt::list<rt::N>::cons(rt::N{54}, rt::list<rt::N>::cons(rt::N{52}, rt::list<rt::N>::cons(rt::N{108}, rt::list<rt::N>::cons(rt::N{101}, rt::list<rt::N>::nil()))))))), common::architecture::ppc64le), rt::list<rt::prod<rt::list<rt::N>, common::architecture>>::cons(rt::prod<rt::list<rt::N>, common::architecture>::pair(rt::list<rt::N>::cons(rt::N{114}, rt::list<rt::N>::cons(rt::N{105}, rt::list<rt::N>::cons(rt::N{115}, rt::list<rt::N>::cons(rt::N{99}, rt::list<rt::N>::cons(rt::N{118}, rt::list<rt::N>::cons(rt::N{51}, rt::list<rt::N>::cons(rt::N{50}, rt::list<rt::N>::nil()))))))), common::architecture::riscv32), rt::list<rt::prod<rt::list<rt::N>, common::architecture>>::cons(rt::prod<rt::list<rt::N>, common::architecture>::pair(rt::list<rt::N>::cons(rt::N{114}, rt::list<rt::N>::cons(rt::N{105}, rt::list<rt::N>::cons(rt::N{115}, rt::list<rt::N>::cons(rt::N{99}, rt::list<rt::N>::cons(rt::N{118}, rt::list<rt::N>::cons(rt::N{54}, rt::list<rt::N>::cons(rt::N{52}, rt::list<rt::N>::nil()))))))), common::architecture::riscv64), rt::list<rt::prod<rt::list<rt::N>, common::architecture>>::nil())))))))));
}

// Coq: Hexproof.Spec.CommandLine.find_architecture (Fixpoint; its self tail calls are the loop)
inline rt::option<common::architecture> find_architecture(const common::bytes& name, const rt::list<rt::prod<common::bytes, common::architecture>>& l_in) {
  const rt::list<rt::prod<common::bytes, common::architecture>>* l = &l_in;
  for (;;) {
    switch ((*l).tag()) {
    case rt::list<rt::prod<common::bytes, common::architecture>>::tag_t::nil: {
      return rt::option<common::architecture>::None();
    }
    case rt::list<rt::prod<common::bytes, common::architecture>>::tag_t::cons: {
      const auto& cons_fields = (*l).as_cons();
      const rt::prod<common::bytes, common::architecture>& p = cons_fields.f0;
      const rt::list<rt::prod<common::bytes, common::architecture>>& l_ = cons_fields.f1;
      const common::bytes& n = p.f0;
      const common::architecture& a = p.f1;
      bool scrut = m1_spec::text_eqb(name, n);
      if (scrut) {
        return rt::option<common::architecture>::Some(a);
      } else {
        const rt::list<rt::prod<common::bytes, common::architecture>>* next_l = &l_;
        l = std::move(next_l);
        continue;
      }
    }
    }
    rt::fatal("no case matched in Hexproof.Spec.CommandLine.find_architecture");
  }
}

// Coq: Hexproof.Spec.CommandLine.architecture_of (Definition)
inline rt::option<common::architecture> architecture_of(const common::bytes& name) {
  return command_line::find_architecture(name, command_line::architecture_names());
}

// Coq: Hexproof.Spec.CommandLine.is_knight (Definition)
inline bool is_knight(const common::architecture& a) {
  switch (a) {
  case common::architecture::knight: {
    return true;
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
    return false;
  }
  case common::architecture::riscv64: {
    return false;
  }
  }
  rt::fatal("no case matched in Hexproof.Spec.CommandLine.is_knight");
}

// Coq: Hexproof.Spec.CommandLine.little_endian_processor (Definition)
inline bool little_endian_processor(const common::architecture& a) {
  switch (a) {
  case common::architecture::knight: {
    return false;
  }
  case common::architecture::x86: {
    return true;
  }
  case common::architecture::amd64: {
    return true;
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
  rt::fatal("no case matched in Hexproof.Spec.CommandLine.little_endian_processor");
}

// Coq: Hexproof.Spec.CommandLine.max_input_bytes (Definition)
inline rt::N max_input_bytes() {
  return rt::N{268435456};
}

// Coq: Hexproof.Spec.CommandLine.default_max_output_bytes (Definition)
inline rt::N default_max_output_bytes() {
  return rt::N{1073741824};
}

// Coq: Hexproof.Spec.CommandLine.is_decimal_digit (Definition)
inline bool is_decimal_digit(const rt::N& d) {
  return rt::andb(rt::n_leb(rt::N{48}, d), rt::n_leb(d, rt::N{57}));
}

// Coq: Hexproof.Spec.CommandLine.decimal_value (Fixpoint; its self tail calls are the loop)
inline rt::option<rt::N> decimal_value(rt::N room, rt::N acc, common::bytes digits) {
  for (;;) {
    switch (digits.tag()) {
    case common::bytes::tag_t::nil: {
      return rt::option<rt::N>::Some(acc);
    }
    case common::bytes::tag_t::cons: {
      auto cons_fields = digits.as_cons();
      common::byte& d = cons_fields.f0;
      rt::list<common::byte>& rest = cons_fields.f1;
      bool scrut = rt::orb(rt::n_eqb(room, rt::N{0}), rt::negb(command_line::is_decimal_digit(d)));
      if (scrut) {
        return rt::option<rt::N>::None();
      } else {
        rt::N next_room = rt::n_pred(room);
        rt::N next_acc = rt::n_add(rt::n_mul(acc, rt::N{10}), rt::n_sub(d, rt::N{48}));
        common::bytes next_digits = std::move(rest);
        room = std::move(next_room);
        acc = std::move(next_acc);
        digits = std::move(next_digits);
        continue;
      }
    }
    }
    rt::fatal("no case matched in Hexproof.Spec.CommandLine.decimal_value");
  }
}

// Coq: Hexproof.Spec.CommandLine.max_output_bytes_of (Definition)
inline rt::option<rt::N> max_output_bytes_of(const common::bytes& digits) {
  switch (digits.tag()) {
  case common::bytes::tag_t::nil: {
    return rt::option<rt::N>::None();
  }
  case common::bytes::tag_t::cons: {
    return command_line::decimal_value(rt::N{19}, rt::N{0}, digits);
  }
  }
  rt::fatal("no case matched in Hexproof.Spec.CommandLine.max_output_bytes_of");
}

// Coq: Hexproof.Spec.CommandLine.reverse_onto (Fixpoint; its self tail calls are the loop)
template <class T1>
rt::list<T1> reverse_onto(const rt::list<T1>& l_in, rt::list<T1> acc) {
  const rt::list<T1>* l = &l_in;
  for (;;) {
    switch ((*l).tag()) {
    case rt::list<T1>::tag_t::nil: {
      return acc;
    }
    case rt::list<T1>::tag_t::cons: {
      const auto& cons_fields = (*l).as_cons();
      const T1& x = cons_fields.f0;
      const rt::list<T1>& l_ = cons_fields.f1;
      const rt::list<T1>* next_l = &l_;
      rt::list<T1> next_acc = rt::list<T1>::cons(x, std::move(acc));
      l = std::move(next_l);
      acc = std::move(next_acc);
      continue;
    }
    }
    rt::fatal("no case matched in Hexproof.Spec.CommandLine.reverse_onto");
  }
}

// Coq: Hexproof.Spec.CommandLine.finish (Definition)
template <class T1>
command_line::cli_result<T1> finish(const rt::list<command_line::cli_step>& rev_steps, const command_line::cli_ending<T1>& e) {
  return command_line::cli_result<T1>::mk_cli_result(command_line::reverse_onto<command_line::cli_step>(rev_steps, rt::list<command_line::cli_step>::nil()), e);
}

// Coq: Hexproof.Spec.CommandLine.with_config (Definition)
template <class T1>
command_line::command<T1> with_config(const command_line::command<T1>& c, const T1& cfg) {
  return command_line::command<T1>::mk_command(cfg, c.cmd_inputs, c.cmd_output, c.cmd_executable, c.cmd_engine, c.cmd_max_output_bytes, c.cmd_strict);
}

// Coq: Hexproof.Spec.CommandLine.with_input (Definition)
template <class T1>
command_line::command<T1> with_input(const command_line::command<T1>& c, const common::bytes& path) {
  return command_line::command<T1>::mk_command(c.cmd_config, rt::list<common::bytes>::cons(path, c.cmd_inputs), c.cmd_output, c.cmd_executable, c.cmd_engine, c.cmd_max_output_bytes, c.cmd_strict);
}

// Coq: Hexproof.Spec.CommandLine.with_output (Definition)
template <class T1>
command_line::command<T1> with_output(const command_line::command<T1>& c, const common::bytes& path) {
  return command_line::command<T1>::mk_command(c.cmd_config, c.cmd_inputs, rt::option<common::bytes>::Some(path), c.cmd_executable, c.cmd_engine, c.cmd_max_output_bytes, c.cmd_strict);
}

// Coq: Hexproof.Spec.CommandLine.with_executable (Definition)
template <class T1>
command_line::command<T1> with_executable(const command_line::command<T1>& c, const bool& x) {
  return command_line::command<T1>::mk_command(c.cmd_config, c.cmd_inputs, c.cmd_output, x, c.cmd_engine, c.cmd_max_output_bytes, c.cmd_strict);
}

// Coq: Hexproof.Spec.CommandLine.with_engine (Definition)
template <class T1>
command_line::command<T1> with_engine(const command_line::command<T1>& c, const common::bytes& name) {
  return command_line::command<T1>::mk_command(c.cmd_config, c.cmd_inputs, c.cmd_output, c.cmd_executable, rt::option<common::bytes>::Some(name), c.cmd_max_output_bytes, c.cmd_strict);
}

// Coq: Hexproof.Spec.CommandLine.with_max_output_bytes (Definition)
template <class T1>
command_line::command<T1> with_max_output_bytes(const command_line::command<T1>& c, const rt::N& n) {
  return command_line::command<T1>::mk_command(c.cmd_config, c.cmd_inputs, c.cmd_output, c.cmd_executable, c.cmd_engine, n, c.cmd_strict);
}

// Coq: Hexproof.Spec.CommandLine.with_strict (Definition)
template <class T1>
command_line::command<T1> with_strict(const command_line::command<T1>& c, const command_line::strict_mode& m) {
  return command_line::command<T1>::mk_command(c.cmd_config, c.cmd_inputs, c.cmd_output, c.cmd_executable, c.cmd_engine, c.cmd_max_output_bytes, m);
}

// Coq: Hexproof.Spec.CommandLine.inputs_in_order (Definition)
template <class T1>
command_line::command<T1> inputs_in_order(const command_line::command<T1>& c) {
  return command_line::command<T1>::mk_command(c.cmd_config, command_line::reverse_onto<common::bytes>(c.cmd_inputs, rt::list<common::bytes>::nil()), c.cmd_output, c.cmd_executable, c.cmd_engine, c.cmd_max_output_bytes, c.cmd_strict);
}

// Coq: Hexproof.Spec.CommandLine.hex2_set_arch (Definition)
inline common::hex2_config hex2_set_arch(const common::hex2_config& cfg, const common::architecture& a) {
  return common::hex2_config::mk_hex2_config(a, cfg.h2_big_endian, cfg.h2_base_address, cfg.h2_byte_mode);
}

// Coq: Hexproof.Spec.CommandLine.hex2_set_big_endian (Definition)
inline common::hex2_config hex2_set_big_endian(const common::hex2_config& cfg, const bool& b) {
  return common::hex2_config::mk_hex2_config(cfg.h2_arch, b, cfg.h2_base_address, cfg.h2_byte_mode);
}

// Coq: Hexproof.Spec.CommandLine.hex2_set_base_address (Definition)
inline common::hex2_config hex2_set_base_address(const common::hex2_config& cfg, const rt::N& n) {
  return common::hex2_config::mk_hex2_config(cfg.h2_arch, cfg.h2_big_endian, n, cfg.h2_byte_mode);
}

// Coq: Hexproof.Spec.CommandLine.hex2_set_byte_mode (Definition)
inline common::hex2_config hex2_set_byte_mode(const common::hex2_config& cfg, const common::byte_mode& m) {
  return common::hex2_config::mk_hex2_config(cfg.h2_arch, cfg.h2_big_endian, cfg.h2_base_address, m);
}

// Coq: Hexproof.Spec.CommandLine.base_address_of (Definition)
inline rt::N base_address_of(const common::bytes& text) {
  return rt::z_to_n(rt::z_modulo(strtoint::strtoint(text), rt::Z{4294967296}));
}

// Coq: Hexproof.Spec.CommandLine.hex2_default (Definition)
inline command_line::command<common::hex2_config> hex2_default() {
  return command_line::command<common::hex2_config>::mk_command(common::hex2_config::mk_hex2_config(common::architecture::knight, true, rt::N{0}, common::byte_mode::hex_mode), rt::list<common::bytes>::nil(), rt::option<common::bytes>::None(), true, rt::option<common::bytes>::None(), command_line::default_max_output_bytes(), command_line::strict_mode::strict_off);
}

// Coq: Hexproof.Spec.CommandLine.hex2_finish (Definition)
inline command_line::cli_result<common::hex2_config> hex2_finish(const command_line::command<common::hex2_config>& c, const rt::list<command_line::cli_step>& rev_steps) {
  common::hex2_config cfg = c.cmd_config;
  rt::list<command_line::cli_step> s1{};
  bool scrut = rt::andb(rt::negb(command_line::is_knight(cfg.h2_arch)), rt::n_eqb(cfg.h2_base_address, rt::N{0}));
  if (scrut) {
    s1 = rt::list<command_line::cli_step>::cons(command_line::cli_step::step_warn_base_address_zero(), rev_steps);
  } else {
    s1 = rev_steps;
  }
  rt::list<command_line::cli_step> s2{};
  bool scrut_1 = rt::andb(cfg.h2_big_endian, command_line::little_endian_processor(cfg.h2_arch));
  if (scrut_1) {
    s2 = rt::list<command_line::cli_step>::cons(command_line::cli_step::step_warn_big_endian(), s1);
  } else {
    s2 = s1;
  }
  rt::list<common::bytes> scrut_2 = c.cmd_inputs;
  switch (scrut_2.tag()) {
  case rt::list<common::bytes>::tag_t::nil: {
    return command_line::finish<common::hex2_config>(s2, command_line::cli_ending<common::hex2_config>::end_usage_error(command_line::usage_error::no_input_files()));
  }
  case rt::list<common::bytes>::tag_t::cons: {
    return command_line::finish<common::hex2_config>(s2, command_line::cli_ending<common::hex2_config>::end_run(command_line::inputs_in_order<common::hex2_config>(c)));
  }
  }
  rt::fatal("no case matched in Hexproof.Spec.CommandLine.hex2_finish");
}

// Coq: Hexproof.Spec.CommandLine.hex2_options (Fixpoint; its self tail calls are the loop)
inline command_line::cli_result<common::hex2_config> hex2_options(const rt::list<common::bytes>& args_in, command_line::command<common::hex2_config> c, rt::list<command_line::cli_step> rev_steps) {
  const rt::list<common::bytes>* args = &args_in;
  for (;;) {
    switch ((*args).tag()) {
    case rt::list<common::bytes>::tag_t::nil: {
      return command_line::hex2_finish(c, rev_steps);
    }
    case rt::list<common::bytes>::tag_t::cons: {
      const auto& cons_fields = (*args).as_cons();
      const common::bytes& a = cons_fields.f0;
      const rt::list<common::bytes>& rest = cons_fields.f1;
      common::hex2_config cfg = c.cmd_config;
      command_line::option_word scrut = command_line::option_word_of(true, a);
      switch (scrut.tag()) {
      case command_line::option_word::tag_t::ow_big_endian: {
        const auto& ow_big_endian_fields = scrut.as_ow_big_endian();
        const bool& b = ow_big_endian_fields.f0;
        const rt::list<common::bytes>* next_args = &rest;
        command_line::command<common::hex2_config> next_c = command_line::with_config<common::hex2_config>(c, command_line::hex2_set_big_endian(cfg, b));
        args = std::move(next_args);
        c = std::move(next_c);
        continue;
      }
      case command_line::option_word::tag_t::ow_strict: {
        const auto& ow_strict_fields = scrut.as_ow_strict();
        const command_line::strict_mode& m = ow_strict_fields.f0;
        const rt::list<common::bytes>* next_args_1 = &rest;
        command_line::command<common::hex2_config> next_c_1 = command_line::with_strict<common::hex2_config>(c, m);
        args = std::move(next_args_1);
        c = std::move(next_c_1);
        continue;
      }
      case command_line::option_word::tag_t::ow_non_executable: {
        const rt::list<common::bytes>* next_args_2 = &rest;
        command_line::command<common::hex2_config> next_c_2 = command_line::with_executable<common::hex2_config>(c, false);
        args = std::move(next_args_2);
        c = std::move(next_c_2);
        continue;
      }
      case command_line::option_word::tag_t::ow_byte_mode: {
        const auto& ow_byte_mode_fields = scrut.as_ow_byte_mode();
        const common::byte_mode& m_1 = ow_byte_mode_fields.f0;
        const rt::list<common::bytes>* next_args_3 = &rest;
        command_line::command<common::hex2_config> next_c_3 = command_line::with_config<common::hex2_config>(c, command_line::hex2_set_byte_mode(cfg, m_1));
        args = std::move(next_args_3);
        c = std::move(next_c_3);
        continue;
      }
      case command_line::option_word::tag_t::ow_help: {
        return command_line::finish<common::hex2_config>(rev_steps, command_line::cli_ending<common::hex2_config>::end_help());
      }
      case command_line::option_word::tag_t::ow_version: {
        return command_line::finish<common::hex2_config>(rev_steps, command_line::cli_ending<common::hex2_config>::end_version());
      }
      case command_line::option_word::tag_t::ow_engine: {
        const auto& ow_engine_fields = scrut.as_ow_engine();
        const common::bytes& name = ow_engine_fields.f0;
        const rt::list<common::bytes>* next_args_4 = &rest;
        command_line::command<common::hex2_config> next_c_4 = command_line::with_engine<common::hex2_config>(c, name);
        args = std::move(next_args_4);
        c = std::move(next_c_4);
        continue;
      }
      case command_line::option_word::tag_t::ow_max_output_bytes: {
        const auto& ow_max_output_bytes_fields = scrut.as_ow_max_output_bytes();
        const common::bytes& digits = ow_max_output_bytes_fields.f0;
        rt::option<rt::N> scrut_1 = command_line::max_output_bytes_of(digits);
        switch (scrut_1.tag()) {
        case rt::option<rt::N>::tag_t::Some: {
          const auto& Some_fields = scrut_1.as_Some();
          const rt::N& n = Some_fields.f0;
          const rt::list<common::bytes>* next_args_5 = &rest;
          command_line::command<common::hex2_config> next_c_5 = command_line::with_max_output_bytes<common::hex2_config>(c, n);
          args = std::move(next_args_5);
          c = std::move(next_c_5);
          continue;
        }
        case rt::option<rt::N>::tag_t::None: {
          return command_line::finish<common::hex2_config>(rev_steps, command_line::cli_ending<common::hex2_config>::end_usage_error(command_line::usage_error::invalid_max_output_bytes()));
        }
        }
        rt::fatal("no case matched in Hexproof.Spec.CommandLine.hex2_options");
      }
      case command_line::option_word::tag_t::ow_with_argument: {
        const auto& ow_with_argument_fields = scrut.as_ow_with_argument();
        const command_line::argument_option& o = ow_with_argument_fields.f0;
        switch (rest.tag()) {
        case rt::list<common::bytes>::tag_t::nil: {
          return command_line::finish<common::hex2_config>(rev_steps, command_line::cli_ending<common::hex2_config>::end_usage_error(command_line::usage_error::missing_argument(a)));
        }
        case rt::list<common::bytes>::tag_t::cons: {
          const auto& cons_fields_1 = rest.as_cons();
          const common::bytes& v = cons_fields_1.f0;
          const rt::list<common::bytes>& rest_ = cons_fields_1.f1;
          switch (o) {
          case command_line::argument_option::arg_architecture: {
            rt::option<common::architecture> scrut_2 = command_line::architecture_of(v);
            switch (scrut_2.tag()) {
            case rt::option<common::architecture>::tag_t::Some: {
              const auto& Some_fields_1 = scrut_2.as_Some();
              const common::architecture& arch = Some_fields_1.f0;
              const rt::list<common::bytes>* next_args_6 = &rest_;
              command_line::command<common::hex2_config> next_c_6 = command_line::with_config<common::hex2_config>(c, command_line::hex2_set_arch(cfg, arch));
              args = std::move(next_args_6);
              c = std::move(next_c_6);
              continue;
            }
            case rt::option<common::architecture>::tag_t::None: {
              const rt::list<common::bytes>* next_args_7 = &rest_;
              rt::list<command_line::cli_step> next_rev_steps = rt::list<command_line::cli_step>::cons(command_line::cli_step::step_unknown_architecture(v), std::move(rev_steps));
              args = std::move(next_args_7);
              rev_steps = std::move(next_rev_steps);
              continue;
            }
            }
            rt::fatal("no case matched in Hexproof.Spec.CommandLine.hex2_options");
          }
          case command_line::argument_option::arg_base_address: {
            const rt::list<common::bytes>* next_args_8 = &rest_;
            command_line::command<common::hex2_config> next_c_7 = command_line::with_config<common::hex2_config>(c, command_line::hex2_set_base_address(cfg, command_line::base_address_of(v)));
            args = std::move(next_args_8);
            c = std::move(next_c_7);
            continue;
          }
          case command_line::argument_option::arg_file: {
            const rt::list<common::bytes>* next_args_9 = &rest_;
            command_line::command<common::hex2_config> next_c_8 = command_line::with_input<common::hex2_config>(c, v);
            args = std::move(next_args_9);
            c = std::move(next_c_8);
            continue;
          }
          case command_line::argument_option::arg_output: {
            const rt::list<common::bytes>* next_args_10 = &rest_;
            command_line::command<common::hex2_config> next_c_9 = command_line::with_output<common::hex2_config>(c, v);
            rt::list<command_line::cli_step> next_rev_steps_1 = rt::list<command_line::cli_step>::cons(command_line::cli_step::step_open_output(v), std::move(rev_steps));
            args = std::move(next_args_10);
            c = std::move(next_c_9);
            rev_steps = std::move(next_rev_steps_1);
            continue;
          }
          }
          rt::fatal("no case matched in Hexproof.Spec.CommandLine.hex2_options");
        }
        }
        rt::fatal("no case matched in Hexproof.Spec.CommandLine.hex2_options");
      }
      case command_line::option_word::tag_t::ow_unknown: {
        return command_line::finish<common::hex2_config>(rev_steps, command_line::cli_ending<common::hex2_config>::end_usage_error(command_line::usage_error::unknown_option()));
      }
      }
      rt::fatal("no case matched in Hexproof.Spec.CommandLine.hex2_options");
    }
    }
    rt::fatal("no case matched in Hexproof.Spec.CommandLine.hex2_options");
  }
}

// Coq: Hexproof.Spec.CommandLine.hex2_command_line (Definition)
inline command_line::cli_result<common::hex2_config> hex2_command_line(const rt::list<common::bytes>& args) {
  return command_line::hex2_options(args, command_line::hex2_default(), rt::list<command_line::cli_step>::nil());
}

// Coq: Hexproof.Spec.CommandLine.m1_set_arch (Definition)
inline common::m1_config m1_set_arch(const common::m1_config& cfg, const common::architecture& a) {
  return common::m1_config::mk_m1_config(a, cfg.m1_big_endian, cfg.m1_byte_mode);
}

// Coq: Hexproof.Spec.CommandLine.m1_set_big_endian (Definition)
inline common::m1_config m1_set_big_endian(const common::m1_config& cfg, const bool& b) {
  return common::m1_config::mk_m1_config(cfg.m1_arch, b, cfg.m1_byte_mode);
}

// Coq: Hexproof.Spec.CommandLine.m1_set_byte_mode (Definition)
inline common::m1_config m1_set_byte_mode(const common::m1_config& cfg, const common::byte_mode& m) {
  return common::m1_config::mk_m1_config(cfg.m1_arch, cfg.m1_big_endian, m);
}

// Coq: Hexproof.Spec.CommandLine.m1_default (Definition)
inline command_line::command<common::m1_config> m1_default() {
  return command_line::command<common::m1_config>::mk_command(common::m1_config::mk_m1_config(common::architecture::knight, true, common::byte_mode::hex_mode), rt::list<common::bytes>::nil(), rt::option<common::bytes>::None(), false, rt::option<common::bytes>::None(), command_line::default_max_output_bytes(), command_line::strict_mode::strict_off);
}

// Coq: Hexproof.Spec.CommandLine.m1_options (Fixpoint; its self tail calls are the loop)
inline command_line::cli_result<common::m1_config> m1_options(const rt::list<common::bytes>& args_in, command_line::command<common::m1_config> c, rt::list<command_line::cli_step> rev_steps) {
  const rt::list<common::bytes>* args = &args_in;
  for (;;) {
    switch ((*args).tag()) {
    case rt::list<common::bytes>::tag_t::nil: {
      return command_line::finish<common::m1_config>(rev_steps, command_line::cli_ending<common::m1_config>::end_run(command_line::inputs_in_order<common::m1_config>(c)));
    }
    case rt::list<common::bytes>::tag_t::cons: {
      const auto& cons_fields = (*args).as_cons();
      const common::bytes& a = cons_fields.f0;
      const rt::list<common::bytes>& rest = cons_fields.f1;
      common::m1_config cfg = c.cmd_config;
      command_line::option_word scrut = command_line::option_word_of(false, a);
      switch (scrut.tag()) {
      case command_line::option_word::tag_t::ow_big_endian: {
        const auto& ow_big_endian_fields = scrut.as_ow_big_endian();
        const bool& b = ow_big_endian_fields.f0;
        const rt::list<common::bytes>* next_args = &rest;
        command_line::command<common::m1_config> next_c = command_line::with_config<common::m1_config>(c, command_line::m1_set_big_endian(cfg, b));
        args = std::move(next_args);
        c = std::move(next_c);
        continue;
      }
      case command_line::option_word::tag_t::ow_strict: {
        const auto& ow_strict_fields = scrut.as_ow_strict();
        const command_line::strict_mode& m = ow_strict_fields.f0;
        const rt::list<common::bytes>* next_args_1 = &rest;
        command_line::command<common::m1_config> next_c_1 = command_line::with_strict<common::m1_config>(c, m);
        args = std::move(next_args_1);
        c = std::move(next_c_1);
        continue;
      }
      case command_line::option_word::tag_t::ow_non_executable: {
        return command_line::finish<common::m1_config>(rev_steps, command_line::cli_ending<common::m1_config>::end_usage_error(command_line::usage_error::unknown_option()));
      }
      case command_line::option_word::tag_t::ow_byte_mode: {
        const auto& ow_byte_mode_fields = scrut.as_ow_byte_mode();
        const common::byte_mode& m_1 = ow_byte_mode_fields.f0;
        const rt::list<common::bytes>* next_args_2 = &rest;
        command_line::command<common::m1_config> next_c_2 = command_line::with_config<common::m1_config>(c, command_line::m1_set_byte_mode(cfg, m_1));
        args = std::move(next_args_2);
        c = std::move(next_c_2);
        continue;
      }
      case command_line::option_word::tag_t::ow_help: {
        return command_line::finish<common::m1_config>(rev_steps, command_line::cli_ending<common::m1_config>::end_help());
      }
      case command_line::option_word::tag_t::ow_version: {
        return command_line::finish<common::m1_config>(rev_steps, command_line::cli_ending<common::m1_config>::end_version());
      }
      case command_line::option_word::tag_t::ow_engine: {
        const auto& ow_engine_fields = scrut.as_ow_engine();
        const common::bytes& name = ow_engine_fields.f0;
        const rt::list<common::bytes>* next_args_3 = &rest;
        command_line::command<common::m1_config> next_c_3 = command_line::with_engine<common::m1_config>(c, name);
        args = std::move(next_args_3);
        c = std::move(next_c_3);
        continue;
      }
      case command_line::option_word::tag_t::ow_max_output_bytes: {
        const auto& ow_max_output_bytes_fields = scrut.as_ow_max_output_bytes();
        const common::bytes& digits = ow_max_output_bytes_fields.f0;
        rt::option<rt::N> scrut_1 = command_line::max_output_bytes_of(digits);
        switch (scrut_1.tag()) {
        case rt::option<rt::N>::tag_t::Some: {
          const auto& Some_fields = scrut_1.as_Some();
          const rt::N& n = Some_fields.f0;
          const rt::list<common::bytes>* next_args_4 = &rest;
          command_line::command<common::m1_config> next_c_4 = command_line::with_max_output_bytes<common::m1_config>(c, n);
          args = std::move(next_args_4);
          c = std::move(next_c_4);
          continue;
        }
        case rt::option<rt::N>::tag_t::None: {
          return command_line::finish<common::m1_config>(rev_steps, command_line::cli_ending<common::m1_config>::end_usage_error(command_line::usage_error::invalid_max_output_bytes()));
        }
        }
        rt::fatal("no case matched in Hexproof.Spec.CommandLine.m1_options");
      }
      case command_line::option_word::tag_t::ow_with_argument: {
        const auto& ow_with_argument_fields = scrut.as_ow_with_argument();
        const command_line::argument_option& o = ow_with_argument_fields.f0;
        switch (rest.tag()) {
        case rt::list<common::bytes>::tag_t::nil: {
          return command_line::finish<common::m1_config>(rev_steps, command_line::cli_ending<common::m1_config>::end_usage_error(command_line::usage_error::missing_argument(a)));
        }
        case rt::list<common::bytes>::tag_t::cons: {
          const auto& cons_fields_1 = rest.as_cons();
          const common::bytes& v = cons_fields_1.f0;
          const rt::list<common::bytes>& rest_ = cons_fields_1.f1;
          switch (o) {
          case command_line::argument_option::arg_architecture: {
            rt::option<common::architecture> scrut_2 = command_line::architecture_of(v);
            switch (scrut_2.tag()) {
            case rt::option<common::architecture>::tag_t::Some: {
              const auto& Some_fields_1 = scrut_2.as_Some();
              const common::architecture& arch = Some_fields_1.f0;
              const rt::list<common::bytes>* next_args_5 = &rest_;
              command_line::command<common::m1_config> next_c_5 = command_line::with_config<common::m1_config>(c, command_line::m1_set_arch(cfg, arch));
              args = std::move(next_args_5);
              c = std::move(next_c_5);
              continue;
            }
            case rt::option<common::architecture>::tag_t::None: {
              return command_line::finish<common::m1_config>(rev_steps, command_line::cli_ending<common::m1_config>::end_usage_error(command_line::usage_error::unknown_architecture(v)));
            }
            }
            rt::fatal("no case matched in Hexproof.Spec.CommandLine.m1_options");
          }
          case command_line::argument_option::arg_base_address: {
            return command_line::finish<common::m1_config>(rev_steps, command_line::cli_ending<common::m1_config>::end_usage_error(command_line::usage_error::unknown_option()));
          }
          case command_line::argument_option::arg_file: {
            const rt::list<common::bytes>* next_args_6 = &rest_;
            command_line::command<common::m1_config> next_c_6 = command_line::with_input<common::m1_config>(c, v);
            rt::list<command_line::cli_step> next_rev_steps = rt::list<command_line::cli_step>::cons(command_line::cli_step::step_read_input(v), std::move(rev_steps));
            args = std::move(next_args_6);
            c = std::move(next_c_6);
            rev_steps = std::move(next_rev_steps);
            continue;
          }
          case command_line::argument_option::arg_output: {
            const rt::list<common::bytes>* next_args_7 = &rest_;
            command_line::command<common::m1_config> next_c_7 = command_line::with_output<common::m1_config>(c, v);
            rt::list<command_line::cli_step> next_rev_steps_1 = rt::list<command_line::cli_step>::cons(command_line::cli_step::step_open_output(v), std::move(rev_steps));
            args = std::move(next_args_7);
            c = std::move(next_c_7);
            rev_steps = std::move(next_rev_steps_1);
            continue;
          }
          }
          rt::fatal("no case matched in Hexproof.Spec.CommandLine.m1_options");
        }
        }
        rt::fatal("no case matched in Hexproof.Spec.CommandLine.m1_options");
      }
      case command_line::option_word::tag_t::ow_unknown: {
        return command_line::finish<common::m1_config>(rev_steps, command_line::cli_ending<common::m1_config>::end_usage_error(command_line::usage_error::unknown_option()));
      }
      }
      rt::fatal("no case matched in Hexproof.Spec.CommandLine.m1_options");
    }
    }
    rt::fatal("no case matched in Hexproof.Spec.CommandLine.m1_options");
  }
}

// Coq: Hexproof.Spec.CommandLine.m1_command_line (Definition)
inline command_line::cli_result<common::m1_config> m1_command_line(const rt::list<common::bytes>& args) {
  return command_line::m1_options(args, command_line::m1_default(), rt::list<command_line::cli_step>::nil());
}

}  // namespace hexproof::command_line
