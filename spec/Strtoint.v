(** * Strtoint: upstream's number reader, and the "is it a number" test. *)

(** [strtoint] of M2libc's bootstrappable.c, as mescc-tools 1.7.0 uses it for M1 immediates, M1
    [<N] padding and hex2's [--base-address]. A text starting [0x] is read in hexadecimal (digits
    of either case), [0b] in binary, any other text starting [0] in octal (after that [0]), and
    everything else in decimal. The digit reader itself accepts one leading [-], so [0x-5] is -5 and
    [0-7] is -7, while [-0x10] gives the decimal reader the text [0x10], which fails. An underscore
    among the digits is skipped. Any other character makes the whole result 0. Arithmetic is C
    [int]: every step wraps to 32 bits (upstream's overflow is undefined; docs/contract.md fixes
    two's-complement wrap-around), and the result is a signed 32-bit value.

    The definitions are written in the Gallina subset of extracted/SUBSET.md, so the executable
    core calls them directly. *)

From Coq Require Import NArith ZArith List Bool Lia.
From Hexproof.Spec Require Import Common.
Import ListNotations.

(** ** Digits *)

(** The value of the digit character [c] in [base] (2, 8, 10 or 16), if it is one. Hexadecimal
    accepts [A-F] and [a-f]. The underscore is handled by the reader. *)
Definition digit_value (base : Z) (c : byte) : option Z :=
  if andb (N.leb 48 c) (N.leb c 57) then
    let d := Z.of_N (N.sub c 48) in
    if Z.ltb d base then Some d else None
  else if Z.eqb base 16 then
    if andb (N.leb 65 c) (N.leb c 70) then Some (Z.of_N (N.sub c 55))
    else if andb (N.leb 97 c) (N.leb c 102) then Some (Z.of_N (N.sub c 87))
    else None
  else None.

(** Read the digits of [s] in [base] onto [acc], skipping underscores; [None] when a character
    is not a digit of that base. *)
Fixpoint read_digits (base acc : Z) (s : bytes) : option Z :=
  match s with
  | [] => Some acc
  | c :: s' =>
      if N.eqb c 95 then read_digits base acc s'
      else match digit_value base c with
           | Some d => read_digits base (wrap32 (Z.add (Z.mul acc base) d)) s'
           | None => None
           end
  end.

(** Upstream's [__set_reader]: an optional leading [-], then digits; any failure is 0. *)
Definition set_reader (base : Z) (s : bytes) : Z :=
  match s with
  | c :: s' =>
      if N.eqb c 45 then
        match read_digits base 0 s' with
        | Some n => wrap32 (Z.opp n)
        | None => 0%Z
        end
      else match read_digits base 0 s with
           | Some n => n
           | None => 0%Z
           end
  | [] => 0%Z
  end.

(** ** The reader *)

(** [strtoint s]: choose the base by the prefix, then read. *)
Definition strtoint (s : bytes) : Z :=
  match s with
  | [] => 0%Z
  | c :: s' =>
      if N.eqb c 48 then
        match s' with
        | d :: s'' =>
            if N.eqb d 98 then set_reader 2 s''
            else if N.eqb d 120 then set_reader 16 s''
            else set_reader 8 s'
        | [] => set_reader 8 s'
        end
      else set_reader 10 s
  end.

(** "Is it a number?" as M1 decides it: the value is not 0, or the text starts with the digit
    [0] (so [0], [0x], [08] and [0_] are numbers with value 0, and [x] or [-] are not). *)
Definition is_number (s : bytes) : bool :=
  if negb (Z.eqb (strtoint s) 0) then true
  else match s with
       | c :: _ => N.eqb c 48
       | [] => false
       end.

(** ** Facts *)

Lemma strtoint_range : forall s, (-2147483648 <= strtoint s < 2147483648)%Z.
Proof.
  assert (RD : forall b acc s n, (-2147483648 <= acc < 2147483648)%Z ->
             read_digits b acc s = Some n -> (-2147483648 <= n < 2147483648)%Z).
  { intros b acc s; revert acc; induction s as [|c s IH]; intros acc n Hacc H; simpl in H.
    - injection H; intros; subst; assumption.
    - destruct (N.eqb c 95); [eauto|].
      destruct (digit_value b c); [|discriminate].
      eapply IH; [apply wrap32_range|exact H]. }
  assert (SR : forall b s, (-2147483648 <= set_reader b s < 2147483648)%Z).
  { intros b [|c s]; unfold set_reader; [lia|].
    destruct (N.eqb c 45).
    - destruct (read_digits b 0 s); [apply wrap32_range|lia].
    - destruct (read_digits b 0 (c :: s)) eqn:E; [|lia].
      eapply RD; [|exact E]; lia. }
  intros [|c s]; unfold strtoint; [lia|].
  destruct (N.eqb c 48); [|apply SR].
  destruct s as [|d s]; [apply SR|].
  destruct (N.eqb d 98); [apply SR|]. destruct (N.eqb d 120); apply SR.
Qed.
