(** * OutBuf: the output accumulator of the executable core. *)

(** The core appends output bytes one at a time, or a run of one byte repeated ([out_repeat]:
    M1's [<N] padding, which may ask for gigabytes of zero digits). In Coq the buffer is the
    reversed list of the bytes pushed so far; extraction maps it to a growable byte buffer of the
    runtime that holds a run as its length and byte, without writing it out, which is sound
    because the core uses every buffer linearly (each [out_push] consumes its argument). The
    reference engine writes a finished buffer to its output piece by piece, a run in chunks, so
    a large padding costs no memory. *)

From Coq Require Import NArith List Lia.
Import ListNotations.

Definition outbuf := list N.

Definition out_empty : outbuf := [].

Definition out_push (o : outbuf) (b : N) : outbuf := b :: o.

(** [2 p] or [2 p + 1] copies of [b] in front of [o]: [p] copies, twice. *)
Fixpoint repeat_onto (p : positive) (b : N) (o : outbuf) : outbuf :=
  match p with
  | xH => b :: o
  | xO p' => repeat_onto p' b (repeat_onto p' b o)
  | xI p' => b :: repeat_onto p' b (repeat_onto p' b o)
  end.

(** Push [n] copies of [b]. *)
Definition out_repeat (o : outbuf) (n b : N) : outbuf :=
  match n with
  | N0 => o
  | Npos p => repeat_onto p b o
  end.

(** Push the elements of [v], in order (M1's DEFINE values and pass-through words). The runtime
    appends a slice of the input in one step. *)
Fixpoint push_all (o : outbuf) (v : list N) : outbuf :=
  match v with
  | [] => o
  | b :: v' => push_all (out_push o b) v'
  end.

Fixpoint rev_onto (l acc : list N) : list N :=
  match l with
  | [] => acc
  | x :: l' => rev_onto l' (x :: acc)
  end.

Definition out_contents (o : outbuf) : list N := rev_onto o [].

(** The first [n] elements of [l] (all of [l] if it is shorter): a token's text, from the input at
    its first byte and its length. The runtime returns a slice of a slice without copying. *)
Fixpoint take_bytes (n : N) (l : list N) : list N :=
  match l with
  | [] => []
  | x :: l' => if N.eqb n 0 then [] else x :: take_bytes (N.pred n) l'
  end.

Lemma take_bytes_app : forall a b, take_bytes (N.of_nat (length a)) (a ++ b) = a.
Proof.
  induction a as [|x a IH]; intros b; [destruct b; reflexivity|].
  cbn [length app take_bytes]. rewrite Nat2N.inj_succ.
  replace (N.eqb (N.succ (N.of_nat (length a))) 0) with false
    by (symmetry; apply N.eqb_neq; apply N.neq_succ_0).
  rewrite N.pred_succ, IH; reflexivity.
Qed.

Lemma rev_onto_spec : forall l acc, rev_onto l acc = rev l ++ acc.
Proof.
  induction l as [|x l IH]; intros acc; simpl; [reflexivity|].
  rewrite IH, <- app_assoc; reflexivity.
Qed.

Lemma out_contents_empty : out_contents out_empty = [].
Proof. reflexivity. Qed.

Lemma out_contents_push : forall o b, out_contents (out_push o b) = out_contents o ++ [b].
Proof.
  intros o b; unfold out_contents, out_push; simpl.
  rewrite !rev_onto_spec, !app_nil_r; reflexivity.
Qed.

Lemma repeat_rev : forall (b : N) n, rev (repeat b n) = repeat b n.
Proof.
  intros b n; induction n as [|n IH]; [reflexivity|].
  simpl; rewrite IH; clear IH; induction n as [|n IH]; [reflexivity|].
  simpl; rewrite IH; reflexivity.
Qed.

Lemma repeat_onto_spec : forall p b o, repeat_onto p b o = repeat b (Pos.to_nat p) ++ o.
Proof.
  induction p as [p IH|p IH|]; intros b o; cbn [repeat_onto]; [| |reflexivity];
    rewrite !IH, app_assoc, <- repeat_app.
  - rewrite Pnat.Pos2Nat.inj_xI; replace (2 * Pos.to_nat p)%nat with (Pos.to_nat p + Pos.to_nat p)%nat
      by lia; reflexivity.
  - rewrite Pnat.Pos2Nat.inj_xO; replace (2 * Pos.to_nat p)%nat with (Pos.to_nat p + Pos.to_nat p)%nat
      by lia; reflexivity.
Qed.

Lemma out_repeat_spec : forall o n b, out_repeat o n b = repeat b (N.to_nat n) ++ o.
Proof. intros o [|p] b; [reflexivity|apply repeat_onto_spec]. Qed.

Lemma out_contents_repeat : forall o n b,
  out_contents (out_repeat o n b) = out_contents o ++ repeat b (N.to_nat n).
Proof.
  intros o n b; unfold out_contents; rewrite out_repeat_spec.
  rewrite !rev_onto_spec, !app_nil_r, rev_app_distr, repeat_rev; reflexivity.
Qed.
