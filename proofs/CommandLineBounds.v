(** * CommandLineBounds: the values the command lines compute stay within 64 bits. *)

(** The drop-ins run [CommandLine.hex2_command_line] and [m1_command_line] printed to C++, with
    the same 64-bit N and Z as the cores (Bounds.v). They compute with numbers in two places
    only (proofs/bounds_inventory.txt): [decimal_value], the digits of [--max-output-bytes=N],
    and [strtoint] of hex2's [--base-address] ([base_address_of]). Each is in range for every
    argument: [decimal_value] reads at most 19 digits, so its value stays below 10^19 < 2^64;
    [strtoint] is M1Bounds.v's, whose loop keeps a 32-bit value. The argument words are bytes:
    runtime/cli/cli.cpp builds them from the bytes of [argv]. *)

From Coq Require Import NArith List Lia.
From Hexproof.Spec Require Import Common CommandLine.
From Hexproof.Proofs Require Import Bounds M1Bounds.
Import ListNotations.
Local Open Scope N_scope.

Definition decimal_args : Type := N * N * bytes.

Definition decimal_body (rec : decimal_args -> option N) (a : decimal_args) : option N :=
  match a with
  | (room, acc, digits) =>
      match digits with
      | [] => decimal_value room acc []
      | d :: rest => ltac:(body_of decimal_value (decimal_value room acc (d :: rest))
                             (fun room acc digits => rec (room, acc, digits)))
      end
  end.

(** After [19 - room] digits, the value has at most that many decimal digits. *)
Definition decimal_inv (a : decimal_args) : Prop :=
  match a with (room, acc, _) => room <= 19 /\ acc < 10 ^ (19 - room) end.

(** One digit, when there is room for it: [acc * 10] and [acc * 10 + (d - 48)]. *)
Definition decimal_ops (a : decimal_args) : Prop :=
  match a with
  | (room, acc, d :: _) =>
      (N.eqb room 0 || negb (is_decimal_digit d))%bool = false ->
      n_in_range (acc * 10) /\ n_in_range (acc * 10 + (d - 48))
  | _ => True
  end.

Lemma pow10_step : forall room, 1 <= room <= 19 -> 10 ^ (19 - room) * 10 = 10 ^ (19 - N.pred room).
Proof.
  intros room H; replace (19 - N.pred room) with (N.succ (19 - room)) by lia.
  rewrite N.pow_succ_r'; lia.
Qed.

Lemma digit_le_9 : forall d, is_decimal_digit d = true -> d - 48 <= 9.
Proof.
  intros d H; unfold is_decimal_digit in H; apply andb_prop in H; destruct H as [_ H].
  apply N.leb_le in H; lia.
Qed.

Theorem decimal_calls : calls_within decimal_body decimal_inv decimal_inv.
Proof.
  intros [[room acc] [|d rest]] [Hr Ha] f g E; unfold decimal_body; cbn beta iota; [reflexivity|].
  destruct (N.eqb room 0 || negb (is_decimal_digit d))%bool eqn:C; [reflexivity|].
  apply Bool.orb_false_iff in C; destruct C as [R D]; apply N.eqb_neq in R.
  apply Bool.negb_false_iff, digit_le_9 in D.
  apply E; split; [lia|]; rewrite <- pow10_step by lia; lia.
Qed.

Theorem decimal_in_range : forall a, decimal_inv a -> decimal_ops a.
Proof.
  intros [[room acc] [|d rest]] [Hr Ha]; cbn; auto; intros C.
  apply Bool.orb_false_iff in C; destruct C as [R D]; apply N.eqb_neq in R.
  apply Bool.negb_false_iff, digit_le_9 in D.
  assert (P : 10 ^ (19 - room) * 10 <= 10 ^ 19).
  { rewrite pow10_step by lia; apply N.pow_le_mono_r; lia. }
  unfold n_in_range; split; lia.
Qed.

(** [command_line_values_bounded]: [max_output_bytes_of] starts [decimal_value] within its
    invariant, which each of its calls keeps and within which its operations are in range; every
    [strtoint] of a word of bytes (hex2's [--base-address]) starts its digit loop within
    [read_digits_inv], whose calls and operations M1Bounds.v states. *)
Theorem command_line_values_bounded :
  (forall digits, decimal_inv (19, 0, digits)) /\
  calls_within decimal_body decimal_inv decimal_inv /\ (forall a, decimal_inv a -> decimal_ops a) /\
  (forall text, byte_list text -> strtoint_ops text) /\
  calls_within read_digits_body read_digits_inv read_digits_inv /\
  (forall a, read_digits_inv a -> read_digits_ops a).
Proof.
  split; [intros digits; cbn; lia|].
  split; [exact decimal_calls|]; split; [exact decimal_in_range|].
  split; [exact strtoint_ops_ok|]; split; [exact read_digits_calls|exact read_digits_in_range].
Qed.
