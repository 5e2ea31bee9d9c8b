(** * ListFacts: reading a byte list one element at a time. *)

(** Facts about [firstn], [skipn] and [nth_error] that the proofs reading input files byte by
    byte share (Hex2Rejection.v, M1Rejection.v): the prefix before position [n + 1] is the
    prefix before [n] and the element at [n], and what is left after it. *)

From Coq Require Import List.
Import ListNotations.

Lemma firstn_snoc : forall {A} (f : list A) n c,
  nth_error f n = Some c -> firstn (S n) f = firstn n f ++ [c].
Proof.
  intros A; induction f as [|x f IH]; intros n c H; [destruct n; discriminate|].
  destruct n as [|n]; cbn in H |- *; [injection H as ->; reflexivity|].
  rewrite <- (IH n c H); reflexivity.
Qed.

Lemma nth_error_skipn' : forall {A} (f : list A) s i,
  nth_error (skipn s f) i = nth_error f (s + i).
Proof.
  intros A; induction f as [|x f IH]; intros s i; [destruct s, i; reflexivity|].
  destruct s as [|s]; [reflexivity|]. cbn; apply IH.
Qed.

Lemma skipn_next : forall {A} (f : list A) n c bs,
  skipn n f = c :: bs -> skipn (S n) f = bs /\ nth_error f n = Some c.
Proof.
  intros A; induction f as [|x f IH]; intros n c bs H; [destruct n; discriminate|].
  destruct n as [|n]; cbn in H |- *; [injection H as -> ->; auto|]. apply IH, H.
Qed.

Lemma nth_error_firstn_lt : forall {A} (f : list A) n i,
  (i < n)%nat -> nth_error (firstn n f) i = nth_error f i.
Proof.
  intros A; induction f as [|x f IH]; intros n i L; [destruct n; reflexivity|].
  destruct n as [|n]; [inversion L|]. destruct i as [|i]; [reflexivity|].
  cbn; apply IH, le_S_n, L.
Qed.
