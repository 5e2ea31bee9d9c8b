(** * FirstUsesBounds: the counts of the earliest-uses accumulator stay within 64 bits. *)

(** [FirstUses.add_use] computes [c + 1] (the uses kept, only while fewer than [k]) and [n + 1]
    (the uses seen); [merge_earliest] adds the uses of one accumulator to another and sums their
    counts. The strict checkers' bounds (M1CheckBounds.v, Hex2CheckBounds.v) bound how many uses a
    run sees; this file states the operations ([add_use_ops], [merge_ops]), the loop [add_uses]
    ([add_uses_inv], [add_uses_calls]), and how the counts grow ([add_uses_count]). *)

From Coq Require Import NArith List Lia.
From Hexproof.Spec Require Import Common Quirks.
From Hexproof.Proofs Require Import Bounds FirstUses.
Import ListNotations.
Local Open Scope N_scope.

(** An accumulator that keeps no more uses than came. *)
Definition earliest_ok (e : earliest) : Prop := N.of_nat (length (ea_kept e)) <= ea_count e.

(** [add_use k u e]: [c + 1] while fewer than [k] are kept, and [n + 1]. *)
Definition add_use_ops (k : N) (e : earliest) : Prop :=
  (ea_kept_count e < k -> n_in_range (ea_kept_count e + 1)) /\ n_in_range (ea_count e + 1).

(** [add_uses k us e]: [add_use] of each use. *)
Definition add_uses_args : Type := N * list quirk_use * earliest.

Definition add_uses_body (rec : add_uses_args -> earliest) (x : add_uses_args) : earliest :=
  match x with
  | (k, us, e) =>
      match us with
      | [] => add_uses k [] e
      | u :: us' => ltac:(body_of add_uses (add_uses k (u :: us') e) (fun k us e => rec (k, us, e)))
      end
  end.

(** [k] and the count after the last use are in range. *)
Definition add_uses_inv (x : add_uses_args) : Prop :=
  match x with (k, us, e) => n_in_range k /\ n_in_range (ea_count e + N.of_nat (length us)) end.

Definition add_uses_ops (x : add_uses_args) : Prop :=
  match x with
  | (k, [], e) => True
  | (k, _ :: _, e) => add_use_ops k e
  end.

(** [merge_earliest k e2 e1]: the loop [add_uses k (ea_kept e2) e1], and the sum of the counts. *)
Definition merge_ops (k : N) (e2 e1 : earliest) : Prop :=
  add_uses_inv (k, ea_kept e2, e1) /\ n_in_range (ea_count e1 + ea_count e2).

(** ** Proofs *)

Lemma insert_desc_onto_length : forall u d,
  length (insert_desc_onto u d []) = S (length d).
Proof.
  intros u d; rewrite insert_desc_onto_spec; cbn [rev app]. apply insert_desc_length.
Qed.

Lemma add_use_count : forall k u e, ea_count (add_use k u e) = ea_count e + 1.
Proof.
  intros k u [kept c n]; unfold add_use; cbn [ea_count].
  destruct (c <? k); [reflexivity|]. destruct kept as [|x kept']; [reflexivity|].
  destruct (use_lt u x); reflexivity.
Qed.

Lemma add_use_ok : forall k u e, earliest_ok e -> earliest_ok (add_use k u e).
Proof.
  intros k u [kept c n]; unfold earliest_ok, add_use; cbn [ea_count ea_kept]; intros H.
  destruct (c <? k); cbn [ea_count ea_kept]; [rewrite insert_desc_onto_length; lia|].
  destruct kept as [|x kept']; cbn [ea_count ea_kept]; [lia|].
  destruct (use_lt u x); cbn [ea_count ea_kept length] in *;
    rewrite ?insert_desc_onto_length; lia.
Qed.

Lemma add_uses_count : forall k us e,
  ea_count (add_uses k us e) = ea_count e + N.of_nat (length us).
Proof.
  intros k us; induction us as [|u us IH]; intros e; cbn [add_uses length]; [lia|].
  rewrite IH, add_use_count; lia.
Qed.

Lemma add_uses_ok : forall k us e, earliest_ok e -> earliest_ok (add_uses k us e).
Proof.
  intros k us; induction us as [|u us IH]; intros e H; cbn [add_uses]; auto.
  apply IH, add_use_ok, H.
Qed.

Lemma merge_count : forall k e2 e1, ea_count (merge_earliest k e2 e1) = ea_count e1 + ea_count e2.
Proof.
  intros k e2 e1; unfold merge_earliest. destruct (add_uses k (ea_kept e2) e1); reflexivity.
Qed.

Lemma merge_ok : forall k e2 e1, earliest_ok e2 -> earliest_ok e1 ->
  earliest_ok (merge_earliest k e2 e1).
Proof.
  intros k e2 e1 H2 H1; unfold merge_earliest.
  pose proof (add_uses_ok k (ea_kept e2) e1 H1) as H.
  pose proof (add_uses_count k (ea_kept e2) e1) as C.
  unfold earliest_ok in *. destruct (add_uses k (ea_kept e2) e1) as [kept c n].
  cbn [ea_kept ea_count] in *. lia.
Qed.

Lemma earliest_empty_ok : earliest_ok earliest_empty.
Proof. unfold earliest_ok; cbn; lia. Qed.

Theorem add_uses_calls : calls_within add_uses_body add_uses_inv add_uses_inv.
Proof.
  intros [[k [|u us]] e] [Hk He] f g E; unfold add_uses_body; cbn beta iota; [reflexivity|].
  apply E; split; [exact Hk|]. rewrite add_use_count. cbn [length] in He. unfold n_in_range in *.
  lia.
Qed.

Theorem add_uses_in_range : forall x, add_uses_inv x -> add_uses_ops x.
Proof.
  intros [[k [|u us]] e] [Hk He]; cbn [add_uses_ops]; [exact I|].
  unfold add_use_ops, n_in_range in *; cbn [length] in He; split; [intros; lia|lia].
Qed.

(** Two accumulators whose counts sum to less than 2^64 merge within range. *)
Theorem merge_ops_ok : forall k e2 e1, n_in_range k -> earliest_ok e2 ->
  ea_count e1 + ea_count e2 < 2 ^ 64 -> merge_ops k e2 e1.
Proof.
  intros k e2 e1 Hk H2 S; unfold merge_ops, add_uses_inv, earliest_ok, n_in_range in *.
  split; [split; lia|lia].
Qed.

(** [add_uses] starts within its invariant when the count after it is in range. *)
Lemma add_uses_inv_ok : forall k us e, n_in_range k ->
  ea_count e + N.of_nat (length us) < 2 ^ 64 -> add_uses_inv (k, us, e).
Proof. intros; split; assumption. Qed.
