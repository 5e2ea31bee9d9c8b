(** * CommandLine: the command lines of the drop-in hex2 and M1. *)

(** What an argument list (argv without argv[0], each argument a byte string) asks the drop-ins
    [hex2] and [M1] to do: the options of mescc-tools 1.7.0 with their defaults, plus our own
    [--engine=NAME] and [--max-output-bytes=N]. This is the whole command line: the drop-ins
    accept nothing else. Like upstream's loop, the options are processed from left to right, and
    some act as soon as they are met; so the answer is what the run does, in order
    ([cli_steps]), and how it ends ([cli_end]).

    The steps: check that the [-o] file can be written (upstream opens it there); read an M1
    [-f] file (upstream M1 reads each file there); print hex2's complaint about an unknown [-A]
    name and keep the previous architecture (Q); and, once every option is read, hex2's two
    warnings (base address 0 on an architecture other than knight; big endian on a little-endian
    processor). A step that fails (a file that cannot be opened) ends the run there, status 1.

    The ends: run the tool ([end_run], with the configuration of spec/Common.v, the [-f] paths
    in order, the last [-o], whether the output is executable, the last [--engine] name and the
    output limit); print the usage ([-h], status 0) or the version ([-V], status 0), both as soon
    as they are met; or a usage error, status 1: an option missing its argument
    (docs/contract.md: upstream reads past the end of argv), an unknown option, M1's unknown
    architecture, an output limit that is not a number of bytes, hex2 without an input file
    (after its warnings). M1 without an input file runs, and the tool reports [empty_input].

    Defaults: knight, big endian (hex2's and M1's default!), hex input, base address 0, standard
    output, an executable output file (hex2; M1's never is), an output limit of 1 GiB. [-B] is
    read by upstream's [strtoint] (Strtoint.v) and kept as an unsigned 32-bit value; the output
    limit is one to 19 decimal digits (so below 2^64), nothing else. A later option overrides an
    earlier one of the same kind; [-f] accumulates. The option's argument is the next argument
    whatever it looks like ([-f -o] reads the file [-o]). The engine name is not checked here:
    the runtime knows which engines are built. *)

From Coq Require Import NArith ZArith List Bool Ascii String.
From Hexproof.Spec Require Import Common Strtoint M1Spec.
Import ListNotations.
Local Open Scope N_scope.

(** ** Texts *)

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

(** ** What one argument is *)

(** The options that take the next argument. *)
Inductive argument_option := arg_architecture | arg_base_address | arg_file | arg_output.

(** [--strict] makes every quirk use an error, [--strict=warn] a warning (docs/strict.md). *)
Inductive strict_mode := strict_off | strict_error | strict_warn.

Inductive option_word :=
| ow_big_endian (big : bool)              (* --big-endian, --little-endian *)
| ow_strict (m : strict_mode)             (* --strict, --strict=warn *)
| ow_non_executable
| ow_byte_mode (m : byte_mode)            (* -b/--binary, -O/--octal *)
| ow_help
| ow_version
| ow_engine (name : bytes)                (* --engine=NAME *)
| ow_max_output_bytes (digits : bytes)    (* --max-output-bytes=N *)
| ow_with_argument (o : argument_option)  (* -A, -B, -f, -o and their long spellings *)
| ow_unknown.

Definition opt_b : N := Eval compute in N_of_ascii "b"%char.
Definition opt_O : N := Eval compute in N_of_ascii "O"%char.
Definition opt_h : N := Eval compute in N_of_ascii "h"%char.
Definition opt_V : N := Eval compute in N_of_ascii "V"%char.
Definition opt_A : N := Eval compute in N_of_ascii "A"%char.
Definition opt_B : N := Eval compute in N_of_ascii "B"%char.
Definition opt_f : N := Eval compute in N_of_ascii "f"%char.
Definition opt_o : N := Eval compute in N_of_ascii "o"%char.

(** The short options [-x], by their letter [x]. [hex2] says whether hex2's own options exist
    ([-B], [--base-address], [--non-executable]); M1 does not know them. *)
Definition short_option_word (hex2 : bool) (x : N) : option_word :=
  if N.eqb x opt_b then ow_byte_mode binary_mode
  else if N.eqb x opt_O then ow_byte_mode octal_mode
  else if N.eqb x opt_h then ow_help
  else if N.eqb x opt_V then ow_version
  else if N.eqb x opt_A then ow_with_argument arg_architecture
  else if hex2 && N.eqb x opt_B then ow_with_argument arg_base_address
  else if N.eqb x opt_f then ow_with_argument arg_file
  else if N.eqb x opt_o then ow_with_argument arg_output
  else ow_unknown.

Definition opt_big_endian : bytes := Eval compute in ascii_bytes "--big-endian".
Definition opt_little_endian : bytes := Eval compute in ascii_bytes "--little-endian".
Definition opt_non_executable : bytes := Eval compute in ascii_bytes "--non-executable".
Definition opt_binary : bytes := Eval compute in ascii_bytes "--binary".
Definition opt_octal : bytes := Eval compute in ascii_bytes "--octal".
Definition opt_help : bytes := Eval compute in ascii_bytes "--help".
Definition opt_version : bytes := Eval compute in ascii_bytes "--version".
Definition opt_architecture : bytes := Eval compute in ascii_bytes "--architecture".
Definition opt_base_address : bytes := Eval compute in ascii_bytes "--base-address".
Definition opt_file : bytes := Eval compute in ascii_bytes "--file".
Definition opt_output : bytes := Eval compute in ascii_bytes "--output".
Definition opt_engine : bytes := Eval compute in ascii_bytes "--engine=".
Definition opt_max_output_bytes : bytes := Eval compute in ascii_bytes "--max-output-bytes=".
Definition opt_strict : bytes := Eval compute in ascii_bytes "--strict".
Definition opt_strict_warn : bytes := Eval compute in ascii_bytes "--strict=warn".

(** The long options [--name] (and [--engine=NAME], [--max-output-bytes=N]). *)
Definition long_option_word (hex2 : bool) (a : bytes) : option_word :=
  if text_eqb a opt_big_endian then ow_big_endian true
  else if text_eqb a opt_little_endian then ow_big_endian false
  else if hex2 && text_eqb a opt_non_executable then ow_non_executable
  else if text_eqb a opt_binary then ow_byte_mode binary_mode
  else if text_eqb a opt_octal then ow_byte_mode octal_mode
  else if text_eqb a opt_help then ow_help
  else if text_eqb a opt_version then ow_version
  else if text_eqb a opt_architecture then ow_with_argument arg_architecture
  else if hex2 && text_eqb a opt_base_address then ow_with_argument arg_base_address
  else if text_eqb a opt_file then ow_with_argument arg_file
  else if text_eqb a opt_output then ow_with_argument arg_output
  else if text_eqb a opt_strict then ow_strict strict_error
  else if text_eqb a opt_strict_warn then ow_strict strict_warn
  else match strip_prefix opt_engine a with
       | Some name => ow_engine name
       | None =>
           match strip_prefix opt_max_output_bytes a with
           | Some digits => ow_max_output_bytes digits
           | None => ow_unknown
           end
       end.

(** The option the argument [a] spells: [-x] is a short option, [--name] a long one, anything
    else is unknown. (Looking at the first two bytes first keeps a short option from being
    compared with every long name.) *)
Definition option_word_of (hex2 : bool) (a : bytes) : option_word :=
  match a with
  | [d; x] => if N.eqb d 45 then short_option_word hex2 x else ow_unknown
  | d1 :: d2 :: _ =>
      if N.eqb d1 45 && N.eqb d2 45 then long_option_word hex2 a else ow_unknown
  | _ => ow_unknown
  end.

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

(** ** The limits *)

(** The most bytes the inputs of one run may hold together: 2^28 (256 MiB). The drop-ins refuse
    more while reading (runtime/cli/io.cpp reads this constant). Within it every value the cores
    compute fits the reference engine's 64-bit integers (proofs/Hex2Bounds.v, M1Bounds.v). *)
Definition max_input_bytes : N := 268435456.

(** The most bytes an output may have unless [--max-output-bytes] says otherwise: 2^30, four
    times the input limit of the runtime (docs/contract.md, "Limits"), which no hex2 output can
    pass (at most four bytes per input byte). *)
Definition default_max_output_bytes : N := 1073741824.

Definition is_decimal_digit (d : N) : bool := N.leb 48 d && N.leb d 57.

(** [digits] as a decimal number onto [acc], when they are at most [room] decimal digits. *)
Fixpoint decimal_value (room acc : N) (digits : bytes) : option N :=
  match digits with
  | [] => Some acc
  | d :: rest =>
      if N.eqb room 0 || negb (is_decimal_digit d) then None
      else decimal_value (N.pred room) (acc * 10 + (d - 48)) rest
  end.

(** The [N] of [--max-output-bytes=N]: one to 19 decimal digits (no sign, no blank), so always
    below 10^19 < 2^64; anything else is refused. *)
Definition max_output_bytes_of (digits : bytes) : option N :=
  match digits with
  | [] => None
  | _ :: _ => decimal_value 19 0 digits
  end.

(** ** What a command line asks for *)

(** A run of the tool: its configuration ([hex2_config] or [m1_config]), the [-f] paths in
    order, the last [-o] path ([None]: standard output), whether an output file is made
    executable, the last [--engine] name, the most bytes the output may have, and the last
    [--strict] mode. *)
Record command (C : Type) := mk_command {
  cmd_config : C;
  cmd_inputs : list bytes;
  cmd_output : option bytes;
  cmd_executable : bool;
  cmd_engine : option bytes;
  cmd_max_output_bytes : N;
  cmd_strict : strict_mode
}.
Arguments mk_command {C} _ _ _ _ _ _ _.
Arguments cmd_config {C} _.
Arguments cmd_inputs {C} _.
Arguments cmd_output {C} _.
Arguments cmd_executable {C} _.
Arguments cmd_engine {C} _.
Arguments cmd_max_output_bytes {C} _.
Arguments cmd_strict {C} _.

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
| invalid_max_output_bytes                  (* [--max-output-bytes=N], N not 1 to 19 digits *)
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
  mk_command cfg (cmd_inputs c) (cmd_output c) (cmd_executable c) (cmd_engine c)
    (cmd_max_output_bytes c) (cmd_strict c).

(** [-f] paths are collected newest first too. *)
Definition with_input {C} (c : command C) (path : bytes) : command C :=
  mk_command (cmd_config c) (path :: cmd_inputs c) (cmd_output c) (cmd_executable c) (cmd_engine c)
    (cmd_max_output_bytes c) (cmd_strict c).

Definition with_output {C} (c : command C) (path : bytes) : command C :=
  mk_command (cmd_config c) (cmd_inputs c) (Some path) (cmd_executable c) (cmd_engine c)
    (cmd_max_output_bytes c) (cmd_strict c).

Definition with_executable {C} (c : command C) (x : bool) : command C :=
  mk_command (cmd_config c) (cmd_inputs c) (cmd_output c) x (cmd_engine c) (cmd_max_output_bytes c)
    (cmd_strict c).

Definition with_engine {C} (c : command C) (name : bytes) : command C :=
  mk_command (cmd_config c) (cmd_inputs c) (cmd_output c) (cmd_executable c) (Some name)
    (cmd_max_output_bytes c) (cmd_strict c).

Definition with_max_output_bytes {C} (c : command C) (n : N) : command C :=
  mk_command (cmd_config c) (cmd_inputs c) (cmd_output c) (cmd_executable c) (cmd_engine c) n
    (cmd_strict c).

Definition with_strict {C} (c : command C) (m : strict_mode) : command C :=
  mk_command (cmd_config c) (cmd_inputs c) (cmd_output c) (cmd_executable c) (cmd_engine c)
    (cmd_max_output_bytes c) m.

(** The command with its [-f] paths in order. *)
Definition inputs_in_order {C} (c : command C) : command C :=
  mk_command (cmd_config c) (reverse_onto (cmd_inputs c) []) (cmd_output c) (cmd_executable c)
    (cmd_engine c) (cmd_max_output_bytes c) (cmd_strict c).

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
  mk_command (mk_hex2_config knight true 0 hex_mode) [] None true None default_max_output_bytes
    strict_off.

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
      let cfg := cmd_config c in
      match option_word_of true a with
      | ow_big_endian b => hex2_options rest (with_config c (hex2_set_big_endian cfg b)) rev_steps
      | ow_non_executable => hex2_options rest (with_executable c false) rev_steps
      | ow_byte_mode m => hex2_options rest (with_config c (hex2_set_byte_mode cfg m)) rev_steps
      | ow_help => finish rev_steps end_help
      | ow_version => finish rev_steps end_version
      | ow_engine name => hex2_options rest (with_engine c name) rev_steps
      | ow_strict m => hex2_options rest (with_strict c m) rev_steps
      | ow_max_output_bytes digits =>
          match max_output_bytes_of digits with
          | Some n => hex2_options rest (with_max_output_bytes c n) rev_steps
          | None => finish rev_steps (end_usage_error invalid_max_output_bytes)
          end
      | ow_unknown => finish rev_steps (end_usage_error unknown_option)
      | ow_with_argument o =>
          match rest with
          | [] => finish rev_steps (end_usage_error (missing_argument a))
          | v :: rest' =>
              match o with
              | arg_architecture =>
                  match architecture_of v with
                  | Some arch =>
                      hex2_options rest' (with_config c (hex2_set_arch cfg arch)) rev_steps
                  | None => hex2_options rest' c (step_unknown_architecture v :: rev_steps)
                  end
              | arg_base_address =>
                  hex2_options rest'
                    (with_config c (hex2_set_base_address cfg (base_address_of v))) rev_steps
              | arg_file => hex2_options rest' (with_input c v) rev_steps
              | arg_output => hex2_options rest' (with_output c v) (step_open_output v :: rev_steps)
              end
          end
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
  mk_command (mk_m1_config knight true hex_mode) [] None false None default_max_output_bytes
    strict_off.

(** Like [hex2_options], without [-B] and [--non-executable] ([option_word_of false] never
    gives them; they would be unknown options); an unknown architecture ends the run, and each
    [-f] file is read when it is met. *)
Fixpoint m1_options (args : list bytes) (c : command m1_config) (rev_steps : list cli_step)
  : cli_result m1_config :=
  match args with
  | [] => finish rev_steps (end_run (inputs_in_order c))
  | a :: rest =>
      let cfg := cmd_config c in
      match option_word_of false a with
      | ow_big_endian b => m1_options rest (with_config c (m1_set_big_endian cfg b)) rev_steps
      | ow_byte_mode m => m1_options rest (with_config c (m1_set_byte_mode cfg m)) rev_steps
      | ow_help => finish rev_steps end_help
      | ow_version => finish rev_steps end_version
      | ow_engine name => m1_options rest (with_engine c name) rev_steps
      | ow_strict m => m1_options rest (with_strict c m) rev_steps
      | ow_max_output_bytes digits =>
          match max_output_bytes_of digits with
          | Some n => m1_options rest (with_max_output_bytes c n) rev_steps
          | None => finish rev_steps (end_usage_error invalid_max_output_bytes)
          end
      | ow_unknown | ow_non_executable => finish rev_steps (end_usage_error unknown_option)
      | ow_with_argument o =>
          match rest with
          | [] => finish rev_steps (end_usage_error (missing_argument a))
          | v :: rest' =>
              match o with
              | arg_architecture =>
                  match architecture_of v with
                  | Some arch =>
                      m1_options rest' (with_config c (m1_set_arch cfg arch)) rev_steps
                  | None => finish rev_steps (end_usage_error (unknown_architecture v))
                  end
              | arg_file => m1_options rest' (with_input c v) (step_read_input v :: rev_steps)
              | arg_output => m1_options rest' (with_output c v) (step_open_output v :: rev_steps)
              | arg_base_address => finish rev_steps (end_usage_error unknown_option)
              end
          end
      end
  end.

(** The M1 command line [args] (argv without argv[0]). *)
Definition m1_command_line (args : list bytes) : cli_result m1_config :=
  m1_options args m1_default [].
