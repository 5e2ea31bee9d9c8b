(** * FirstUsesBounds: the counts of the earliest-uses accumulator stay within 64 bits. *)

(** [FirstUses.add_use] computes [c + 1] (the uses kept, only while fewer than [k]) and [n + 1]
    (the uses seen); [merge_earliest] sums two counts and counts the uses it keeps ([take_onto]:
    at most [k]). The strict checkers' bounds (M1CheckBounds.v, Hex2CheckBounds.v) bound how many
    uses a run sees; this file states the operations ([add_use_ops], [merge_ops], [take_onto_ops]),
    the loops [add_uses] and [take_onto] ([add_uses_inv], [take_onto_inv]), and how the counts
    grow ([add_uses_count], [merge_count]). *)

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

(** [take_onto n l acc c] (a loop): [c + 1] for each use it takes. *)
Definition take_onto_args : Type := N * list quirk_use * list quirk_use * N.

Definition take_onto_body (rec : take_onto_args -> list quirk_use * N) (x : take_onto_args)
  : list quirk_use * N :=
  match x with
  | (n, l, acc, c) =>
      match l with
      | [] => take_onto n [] acc c
      | u :: l' => ltac:(body_of take_onto (take_onto n (u :: l') acc c)
                           (fun n l acc c => rec (n, l, acc, c)))
      end
  end.

(** What it takes and what it has taken are at most [k]. *)
Definition take_onto_inv (x : take_onto_args) : Prop :=
  match x with (n, l, acc, c) => n_in_range (n + c) end.

Definition take_onto_ops (x : take_onto_args) : Prop :=
  match x with
  | (n, [], acc, c) => True
  | (n, _ :: _, acc, c) => n <> 0 -> n_in_range (c + 1)
  end.

(** [merge_earliest k e2 e1]: the sum of the counts, and the loop [take_onto] over the merged
    kept uses. *)
Definition merge_ops (k : N) (e2 e1 : earliest) : Prop :=
  n_in_range (ea_count e1 + ea_count e2) /\
  take_onto_inv (k, merge_onto (ea_kept e2) (ea_kept e1) [], [], 0).

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

Lemma push_uses_length : forall l acc, length (push_uses l acc) = (length l + length acc)%nat.
Proof. intros l acc; rewrite push_uses_rev, app_length, rev_length; reflexivity. Qed.

Lemma move_after_length : forall x d acc,
  (length (fst (move_after x d acc)) + length (snd (move_after x d acc)) = length d + length acc)%nat.
Proof.
  intros x d; induction d as [|y d IH]; intros acc; cbn [move_after]; [reflexivity|].
  destruct (use_lt x y); [rewrite IH; cbn [length]; lia|reflexivity].
Qed.

Lemma merge_onto_length : forall d2 d1 acc,
  length (merge_onto d2 d1 acc) = (length d1 + length d2 + length acc)%nat.
Proof.
  induction d2 as [|x d2 IH]; intros d1 acc; cbn [merge_onto]; [rewrite push_uses_length; cbn; lia|].
  pose proof (move_after_length x d1 acc) as L.
  destruct (move_after x d1 acc) as [d1' acc']; cbn [fst snd] in L.
  rewrite IH; cbn [length]; lia.
Qed.

Lemma take_onto_length : forall n l acc c,
  (length (fst (take_onto n l acc c)) <= length acc + length l)%nat.
Proof.
  intros n l; revert n; induction l as [|u l IH]; intros n acc c; cbn [take_onto];
    destruct (n =? 0); cbn [fst length]; try lia.
  specialize (IH (n - 1) (u :: acc) (c + 1)); cbn [length] in IH; lia.
Qed.

Lemma merge_count : forall k e2 e1, ea_count (merge_earliest k e2 e1) = ea_count e1 + ea_count e2.
Proof.
  intros k e2 e1; unfold merge_earliest. destruct (ea_kept e2); [reflexivity|].
  destruct (take_onto _ _ _ _); reflexivity.
Qed.

Lemma merge_ok : forall k e2 e1, earliest_ok e2 -> earliest_ok e1 ->
  earliest_ok (merge_earliest k e2 e1).
Proof.
  intros k [kept2 c2 n2] [kept1 c1 n1]; unfold earliest_ok, merge_earliest;
    cbn [ea_kept ea_count ea_kept_count]; intros H2 H1.
  destruct kept2 as [|x kept2]; cbn [ea_kept ea_count]; [lia|].
  pose proof (take_onto_length k (merge_onto (x :: kept2) kept1 []) [] 0) as L.
  rewrite merge_onto_length in L.
  destruct (take_onto k (merge_onto (x :: kept2) kept1 []) [] 0) as [kept c].
  cbn [fst ea_kept ea_count length] in *; lia.
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

Theorem take_onto_calls : calls_within take_onto_body take_onto_inv take_onto_inv.
Proof.
  intros [[[n [|u l]] acc] c] H f g E; unfold take_onto_body; cbn beta iota; [reflexivity|].
  destruct (N.eqb_spec n 0); [reflexivity|]. apply E; unfold take_onto_inv, n_in_range in *; lia.
Qed.

Theorem take_onto_in_range : forall x, take_onto_inv x -> take_onto_ops x.
Proof.
  intros [[[n [|u l]] acc] c] H; cbn [take_onto_ops]; [exact I|].
  unfold take_onto_inv, n_in_range in *; lia.
Qed.

(** Two accumulators whose counts sum to less than 2^64 merge within range. *)
Theorem merge_ops_ok : forall k e2 e1, n_in_range k -> ea_count e1 + ea_count e2 < 2 ^ 64 ->
  merge_ops k e2 e1.
Proof.
  intros k e2 e1 Hk S; unfold merge_ops, take_onto_inv, n_in_range in *.
  split; [exact S|lia].
Qed.
