(** * OutBuf: the output accumulator of the executable core. *)

(** The core appends output bytes one at a time. In Coq the buffer is the reversed list of the
    bytes pushed so far; extraction maps it to a growable byte buffer of the runtime, which is
    sound because the core uses every buffer linearly (each [out_push] consumes its argument). *)

From Coq Require Import NArith List.
Import ListNotations.

Definition outbuf := list N.

Definition out_empty : outbuf := [].

Definition out_push (o : outbuf) (b : N) : outbuf := b :: o.

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
