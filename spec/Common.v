(** * Common: configurations, errors, results and C [int] arithmetic shared by hex2 and M1. *)

(** The vocabulary both tools share: the architectures, the byte modes, and the shape of a
    located error. It mirrors [runtime/engine/engine.hpp]; the meaning of each error kind and
    where it is reported is fixed in [docs/contract.md]. Bytes are natural numbers below 256; an
    input file is the list of its bytes. *)

From Coq Require Import NArith ZArith List Lia Ascii String.

(** Upstream treats knight-native and knight-posix alike, so there is one [knight]. *)
Inductive architecture :=
| knight | x86 | amd64 | armv7l | aarch64 | ppc64le | riscv32 | riscv64.

Inductive byte_mode := hex_mode | octal_mode | binary_mode.

Definition byte := N.
Definition bytes := list byte.

(** The bytes of an ASCII string: names and option words are computed from it when a file is
    compiled ([Eval compute]), so the extracted code sees plain lists of byte values. *)
Fixpoint ascii_bytes (s : string) : bytes :=
  match s with
  | EmptyString => nil
  | String c s' => N_of_ascii c :: ascii_bytes s'
  end.

Inductive error_kind :=
(* hex2 *)
| undefined_label
| displacement_out_of_range
| unaligned_branch_target
| riscv_field_out_of_range
| unterminated_word
| nul_in_name
(* M1 *)
| unterminated_string
| nul_in_token
| empty_input
| macro_name_missing
| macro_value_missing
| immediate_out_of_range
| negative_padding
| invalid_other
(* a quirk that a rejecting resolution refuses (Quirks.v) *)
| quirk_rejected.

(** [err_file] is the index of the input and [err_offset] a byte offset in it; an error with no
    place ([empty_input]) uses file 0, offset 0. *)
Record error := mk_error {
  err_kind : error_kind;
  err_file : N;
  err_offset : N;
  err_value : Z;
  err_subject : bytes
}.

Inductive result (A : Type) :=
| Ok : A -> result A
| Err : error -> result A.
Arguments Ok {A} _.
Arguments Err {A} _.

(** The configurations: what the command-line flags of [hex2] and [M1] decide. The base address
    is a 32-bit value, [0 <= h2_base_address < 2^32]. *)
Record hex2_config := mk_hex2_config {
  h2_arch : architecture;
  h2_big_endian : bool;
  h2_base_address : N;
  h2_byte_mode : byte_mode
}.

Record m1_config := mk_m1_config {
  m1_arch : architecture;
  m1_big_endian : bool;
  m1_byte_mode : byte_mode
}.

(** ** 32-bit C [int] arithmetic *)

(** The [int] holding the low 32 bits of [z]: upstream's addresses, displacements and parsed
    numbers are C [int]s, which wrap on overflow as gcc builds 1.7.0. *)
Definition wrap32 (z : Z) : Z :=
  let m := Z.modulo z 4294967296 in
  if Z.ltb m 2147483648 then m else Z.sub m 4294967296.

Lemma wrap32_range : forall z, (-2147483648 <= wrap32 z < 2147483648)%Z.
Proof.
  intros z; unfold wrap32.
  pose proof (Z.mod_pos_bound z 4294967296 ltac:(reflexivity)) as H.
  destruct (Z.ltb_spec (z mod 4294967296) 2147483648); lia.
Qed.

Lemma wrap32_mod : forall z, (wrap32 z mod 4294967296 = z mod 4294967296)%Z.
Proof.
  intros z; unfold wrap32.
  destruct (Z.ltb (z mod 4294967296) 2147483648).
  - apply Z.mod_mod; discriminate.
  - replace (z mod 4294967296 - 4294967296)%Z
      with (z mod 4294967296 + (-1) * 4294967296)%Z by ring.
    rewrite Z.mod_add by discriminate. apply Z.mod_mod; discriminate.
Qed.
