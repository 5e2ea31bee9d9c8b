(** * CommandLine: the command lines of the drop-in hex2 and M1. *)

(** What an argument list (argv without argv[0], each argument a byte string) asks the drop-ins
    [hex2] and [M1] to do: the options of mescc-tools 1.7.0 with their defaults, plus our own
    [--engine=NAME]. Like upstream's loop, the options are processed from left to right, and
    some act as soon as they are met; so the answer is what the run does, in order
    ([cli_steps]), and how it ends ([cli_end]).

    The steps: check that the [-o] file can be written (upstream opens it there); read an M1
    [-f] file (upstream M1 reads each file there); print hex2's complaint about an unknown [-A]
    name and keep the previous architecture (Q); and, once every option is read, hex2's two
    warnings (base address 0 on an architecture other than knight; big endian on a little-endian
    processor). A step that fails (a file that cannot be opened) ends the run there, status 1.

    The ends: run the tool ([end_run], with the configuration of spec/Common.v, the [-f] paths
    in order, the last [-o], whether the output is executable and the last [--engine] name);
    print the usage ([-h], status 0) or the version ([-V], status 0), both as soon as they are
    met; or a usage error, status 1: an option missing its argument (docs/contract.md: upstream
    reads past the end of argv), an unknown option, M1's unknown architecture, hex2 without an
    input file (after its warnings). M1 without an input file runs, and the tool reports
    [empty_input].

    Defaults: knight, big endian (hex2's and M1's default!), hex input, base address 0, standard
    output, an executable output file (hex2; M1's never is). [-B] is read by upstream's
    [strtoint] (Strtoint.v) and kept as an unsigned 32-bit value. A later option overrides an
    earlier one of the same kind; [-f] accumulates. The option's argument is the next argument
    whatever it looks like ([-f -o] reads the file [-o]). The engine name is not checked here:
    the runtime knows which engines are built. *)

From Coq Require Import NArith ZArith List Bool Ascii String.
From Hexproof.Spec Require Import Common Strtoint M1Spec.
Import ListNotations.
Local Open Scope N_scope.

(** ** Texts *)

(** The bytes of an ASCII string. The option names below are computed from it when this file is
    compiled ([Eval compute]), so the extracted code sees plain lists of byte values. *)
Fixpoint ascii_bytes (s : string) : bytes :=
  match s with
  | EmptyString => []
  | String c s' => N_of_ascii c :: ascii_bytes s'
  end.

(** [s] without the prefix [p], if [s] starts with it. *)
Fixpoint strip_prefix (p s : bytes) : option bytes :=
  match p with
  | [] => Some s
  | c :: p' =>
      match s with
      | [] => None
      | d :: s' => if N.eqb c d then strip_prefix p' s' else None
      end
  end.

(** [a] is the short or the long spelling of an option. *)
Definition is_option (a short long : bytes) : bool := text_eqb a short || text_eqb a long.

Definition opt_A : bytes := Eval compute in ascii_bytes "-A".
Definition opt_architecture : bytes := Eval compute in ascii_bytes "--architecture".
Definition opt_b : bytes := Eval compute in ascii_bytes "-b".
Definition opt_binary : bytes := Eval compute in ascii_bytes "--binary".
Definition opt_B : bytes := Eval compute in ascii_bytes "-B".
Definition opt_base_address : bytes := Eval compute in ascii_bytes "--base-address".
Definition opt_big_endian : bytes := Eval compute in ascii_bytes "--big-endian".
Definition opt_little_endian : bytes := Eval compute in ascii_bytes "--little-endian".
Definition opt_non_executable : bytes := Eval compute in ascii_bytes "--non-executable".
Definition opt_f : bytes := Eval compute in ascii_bytes "-f".
Definition opt_file : bytes := Eval compute in ascii_bytes "--file".
Definition opt_h : bytes := Eval compute in ascii_bytes "-h".
Definition opt_help : bytes := Eval compute in ascii_bytes "--help".
Definition opt_o : bytes := Eval compute in ascii_bytes "-o".
Definition opt_output : bytes := Eval compute in ascii_bytes "--output".
Definition opt_O : bytes := Eval compute in ascii_bytes "-O".
Definition opt_octal : bytes := Eval compute in ascii_bytes "--octal".
Definition opt_V : bytes := Eval compute in ascii_bytes "-V".
Definition opt_version : bytes := Eval compute in ascii_bytes "--version".
Definition opt_engine : bytes := Eval compute in ascii_bytes "--engine=".

(** ** Architectures *)

(** The [-A] names; knight-native and knight-posix are one [knight] (Common.v). *)
Definition architecture_names : list (bytes * architecture) := Eval compute in
  [(ascii_bytes "knight-native", knight); (ascii_bytes "knight-posix", knight);
   (ascii_bytes "x86", x86); (ascii_bytes "amd64", amd64); (ascii_bytes "armv7l", armv7l);
   (ascii_bytes "aarch64", aarch64); (ascii_bytes "ppc64le", ppc64le);
   (ascii_bytes "riscv32", riscv32); (ascii_bytes "riscv64", riscv64)].

Fixpoint find_architecture (name : bytes) (l : list (bytes * architecture)) : option architecture :=
  match l with
  | [] => None
  | (n, a) :: l' => if text_eqb name n then Some a else find_architecture name l'
  end.

(** The architecture an [-A] name stands for. *)
Definition architecture_of (name : bytes) : option architecture :=
  find_architecture name architecture_names.

Definition is_knight (a : architecture) : bool :=
  match a with
  | knight => true
  | x86 | amd64 | armv7l | aarch64 | ppc64le | riscv32 | riscv64 => false
  end.

(** The architectures hex2 calls little-endian processors in its big-endian warning. *)
Definition little_endian_processor (a : architecture) : bool :=
  match a with
  | x86 | amd64 | armv7l | aarch64 | riscv32 | riscv64 => true
  | knight | ppc64le => false
  end.

(** ** What a command line asks for *)

(** A run of the tool: its configuration ([hex2_config] or [m1_config]), the [-f] paths in
    order, the last [-o] path ([None]: standard output), whether an output file is made
    executable, and the last [--engine] name. *)
Record command (C : Type) := mk_command {
  cmd_config : C;
  cmd_inputs : list bytes;
  cmd_output : option bytes;
  cmd_executable : bool;
  cmd_engine : option bytes
}.
Arguments mk_command {C} _ _ _ _ _.
Arguments cmd_config {C} _.
Arguments cmd_inputs {C} _.
Arguments cmd_output {C} _.
Arguments cmd_executable {C} _.
Arguments cmd_engine {C} _.

Inductive cli_step :=
| step_open_output (path : bytes)           (* [-o]: the file must be writable now *)
| step_read_input (path : bytes)            (* M1 [-f]: the file is read now *)
| step_unknown_architecture (name : bytes)  (* hex2 [-A]: complain, keep the previous one (Q) *)
| step_warn_base_address_zero               (* hex2: base 0 on an architecture other than knight *)
| step_warn_big_endian.                     (* hex2: big endian on a little-endian processor *)

Inductive usage_error :=
| missing_argument (option : bytes)         (* the option as written *)
| unknown_option
| unknown_architecture (name : bytes)       (* M1 [-A] *)
| no_input_files.                           (* hex2 without [-f] *)

Inductive cli_ending (C : Type) :=
| end_run (c : command C)
| end_help
| end_version
| end_usage_error (e : usage_error).
Arguments end_run {C} _.
Arguments end_help {C}.
Arguments end_version {C}.
Arguments end_usage_error {C} _.

Record cli_result (C : Type) := mk_cli_result {
  cli_steps : list cli_step;
  cli_end : cli_ending C
}.
Arguments mk_cli_result {C} _ _.
Arguments cli_steps {C} _.
Arguments cli_end {C} _.

(** ** Building the answer *)

(** The steps are collected newest first and put in order at the end. *)
Fixpoint reverse_onto {A} (l acc : list A) : list A :=
  match l with
  | [] => acc
  | x :: l' => reverse_onto l' (x :: acc)
  end.

Definition finish {C} (rev_steps : list cli_step) (e : cli_ending C) : cli_result C :=
  mk_cli_result (reverse_onto rev_steps []) e.

Definition with_config {C} (c : command C) (cfg : C) : command C :=
  mk_command cfg (cmd_inputs c) (cmd_output c) (cmd_executable c) (cmd_engine c).

(** [-f] paths are collected newest first too. *)
Definition with_input {C} (c : command C) (path : bytes) : command C :=
  mk_command (cmd_config c) (path :: cmd_inputs c) (cmd_output c) (cmd_executable c) (cmd_engine c).

Definition with_output {C} (c : command C) (path : bytes) : command C :=
  mk_command (cmd_config c) (cmd_inputs c) (Some path) (cmd_executable c) (cmd_engine c).

Definition with_executable {C} (c : command C) (x : bool) : command C :=
  mk_command (cmd_config c) (cmd_inputs c) (cmd_output c) x (cmd_engine c).

Definition with_engine {C} (c : command C) (name : bytes) : command C :=
  mk_command (cmd_config c) (cmd_inputs c) (cmd_output c) (cmd_executable c) (Some name).

(** The command with its [-f] paths in order. *)
Definition inputs_in_order {C} (c : command C) : command C :=
  mk_command (cmd_config c) (reverse_onto (cmd_inputs c) []) (cmd_output c) (cmd_executable c)
    (cmd_engine c).

(** ** hex2 *)

Definition hex2_set_arch (cfg : hex2_config) (a : architecture) : hex2_config :=
  mk_hex2_config a (h2_big_endian cfg) (h2_base_address cfg) (h2_byte_mode cfg).
Definition hex2_set_big_endian (cfg : hex2_config) (b : bool) : hex2_config :=
  mk_hex2_config (h2_arch cfg) b (h2_base_address cfg) (h2_byte_mode cfg).
Definition hex2_set_base_address (cfg : hex2_config) (n : N) : hex2_config :=
  mk_hex2_config (h2_arch cfg) (h2_big_endian cfg) n (h2_byte_mode cfg).
Definition hex2_set_byte_mode (cfg : hex2_config) (m : byte_mode) : hex2_config :=
  mk_hex2_config (h2_arch cfg) (h2_big_endian cfg) (h2_base_address cfg) m.

(** Upstream's [int] base address, as the unsigned 32-bit value the output starts at. *)
Definition base_address_of (text : bytes) : N := Z.to_N (Z.modulo (strtoint text) 4294967296).

Definition hex2_default : command hex2_config :=
  mk_command (mk_hex2_config knight true 0 hex_mode) [] None true None.

(** After the last option: the warnings, then the check that some file was given. *)
Definition hex2_finish (c : command hex2_config) (rev_steps : list cli_step)
  : cli_result hex2_config :=
  let cfg := cmd_config c in
  let s1 := if negb (is_knight (h2_arch cfg)) && N.eqb (h2_base_address cfg) 0
            then step_warn_base_address_zero :: rev_steps else rev_steps in
  let s2 := if h2_big_endian cfg && little_endian_processor (h2_arch cfg)
            then step_warn_big_endian :: s1 else s1 in
  match cmd_inputs c with
  | [] => finish s2 (end_usage_error no_input_files)
  | _ :: _ => finish s2 (end_run (inputs_in_order c))
  end.

(** The options from [args] on, with the command so far and the steps so far (newest first). *)
Fixpoint hex2_options (args : list bytes) (c : command hex2_config) (rev_steps : list cli_step)
  : cli_result hex2_config :=
  match args with
  | [] => hex2_finish c rev_steps
  | a :: rest =>
      if text_eqb a opt_big_endian then
        hex2_options rest (with_config c (hex2_set_big_endian (cmd_config c) true)) rev_steps
      else if text_eqb a opt_little_endian then
        hex2_options rest (with_config c (hex2_set_big_endian (cmd_config c) false)) rev_steps
      else if text_eqb a opt_non_executable then
        hex2_options rest (with_executable c false) rev_steps
      else if is_option a opt_b opt_binary then
        hex2_options rest (with_config c (hex2_set_byte_mode (cmd_config c) binary_mode)) rev_steps
      else if is_option a opt_O opt_octal then
        hex2_options rest (with_config c (hex2_set_byte_mode (cmd_config c) octal_mode)) rev_steps
      else if is_option a opt_h opt_help then finish rev_steps end_help
      else if is_option a opt_V opt_version then finish rev_steps end_version
      else if is_option a opt_A opt_architecture then
        match rest with
        | [] => finish rev_steps (end_usage_error (missing_argument a))
        | name :: rest' =>
            match architecture_of name with
            | Some arch => hex2_options rest' (with_config c (hex2_set_arch (cmd_config c) arch)) rev_steps
            | None => hex2_options rest' c (step_unknown_architecture name :: rev_steps)
            end
        end
      else if is_option a opt_B opt_base_address then
        match rest with
        | [] => finish rev_steps (end_usage_error (missing_argument a))
        | n :: rest' =>
            hex2_options rest'
              (with_config c (hex2_set_base_address (cmd_config c) (base_address_of n))) rev_steps
        end
      else if is_option a opt_f opt_file then
        match rest with
        | [] => finish rev_steps (end_usage_error (missing_argument a))
        | path :: rest' => hex2_options rest' (with_input c path) rev_steps
        end
      else if is_option a opt_o opt_output then
        match rest with
        | [] => finish rev_steps (end_usage_error (missing_argument a))
        | path :: rest' => hex2_options rest' (with_output c path) (step_open_output path :: rev_steps)
        end
      else match strip_prefix opt_engine a with
           | Some name => hex2_options rest (with_engine c name) rev_steps
           | None => finish rev_steps (end_usage_error unknown_option)
           end
  end.

(** The hex2 command line [args] (argv without argv[0]). *)
Definition hex2_command_line (args : list bytes) : cli_result hex2_config :=
  hex2_options args hex2_default [].

(** ** M1 *)

Definition m1_set_arch (cfg : m1_config) (a : architecture) : m1_config :=
  mk_m1_config a (m1_big_endian cfg) (m1_byte_mode cfg).
Definition m1_set_big_endian (cfg : m1_config) (b : bool) : m1_config :=
  mk_m1_config (m1_arch cfg) b (m1_byte_mode cfg).
Definition m1_set_byte_mode (cfg : m1_config) (m : byte_mode) : m1_config :=
  mk_m1_config (m1_arch cfg) (m1_big_endian cfg) m.

Definition m1_default : command m1_config :=
  mk_command (mk_m1_config knight true hex_mode) [] None false None.

(** Like [hex2_options], without [-B] and [--non-executable]; an unknown architecture ends the
    run, and each [-f] file is read when it is met. *)
Fixpoint m1_options (args : list bytes) (c : command m1_config) (rev_steps : list cli_step)
  : cli_result m1_config :=
  match args with
  | [] => finish rev_steps (end_run (inputs_in_order c))
  | a :: rest =>
      if text_eqb a opt_big_endian then
        m1_options rest (with_config c (m1_set_big_endian (cmd_config c) true)) rev_steps
      else if text_eqb a opt_little_endian then
        m1_options rest (with_config c (m1_set_big_endian (cmd_config c) false)) rev_steps
      else if is_option a opt_b opt_binary then
        m1_options rest (with_config c (m1_set_byte_mode (cmd_config c) binary_mode)) rev_steps
      else if is_option a opt_O opt_octal then
        m1_options rest (with_config c (m1_set_byte_mode (cmd_config c) octal_mode)) rev_steps
      else if is_option a opt_h opt_help then finish rev_steps end_help
      else if is_option a opt_V opt_version then finish rev_steps end_version
      else if is_option a opt_A opt_architecture then
        match rest with
        | [] => finish rev_steps (end_usage_error (missing_argument a))
        | name :: rest' =>
            match architecture_of name with
            | Some arch => m1_options rest' (with_config c (m1_set_arch (cmd_config c) arch)) rev_steps
            | None => finish rev_steps (end_usage_error (unknown_architecture name))
            end
        end
      else if is_option a opt_f opt_file then
        match rest with
        | [] => finish rev_steps (end_usage_error (missing_argument a))
        | path :: rest' => m1_options rest' (with_input c path) (step_read_input path :: rev_steps)
        end
      else if is_option a opt_o opt_output then
        match rest with
        | [] => finish rev_steps (end_usage_error (missing_argument a))
        | path :: rest' => m1_options rest' (with_output c path) (step_open_output path :: rev_steps)
        end
      else match strip_prefix opt_engine a with
           | Some name => m1_options rest (with_engine c name) rev_steps
           | None => finish rev_steps (end_usage_error unknown_option)
           end
  end.

(** The M1 command line [args] (argv without argv[0]). *)
Definition m1_command_line (args : list bytes) : cli_result m1_config :=
  m1_options args m1_default [].
