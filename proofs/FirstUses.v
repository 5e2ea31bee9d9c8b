(** * FirstUses: a few quirk uses kept, the others counted. *)

(** The strict checkers ([Hex2Check.check], [M1Check.check]) list every use, and a hostile input
    makes one use per byte. The bounded checkers ([Hex2CheckFirst], [M1CheckFirst]) keep only
    the first [k] of that list and the length of the whole: this file gives them their two
    accumulators, each holding at most [k] uses (plus [k - 1] for [lasts]):
    - [firsts]: the first [k] uses in the order they come ([keep_first] after the [k]th only
      counts); [firsts_of k l f] says that [f] holds the first [k] of [l] and its length.
    - [lasts]: for a list built by adding uses at its head, its first [k] elements, that is the
      last [k] uses added. The newest are kept in [la_new] (fewer than [k]); when it would reach
      [k] it becomes [la_old], the previous [la_old] dropped: no list is copied.
      [lasts_of k l a] says that [a] holds the first [k] of [l] and its length. *)

From Coq Require Import NArith List Lia.
From Hexproof.Spec Require Import Quirks.
Import ListNotations.
Local Open Scope N_scope.

(** ** The first [k] uses in order *)

Record firsts := mk_firsts {
  fi_kept : list quirk_use;  (* the first uses, the latest at the head *)
  fi_count : N               (* how many came *)
}.

Definition firsts_empty : firsts := mk_firsts [] 0.

Definition keep_first (k : N) (u : quirk_use) (f : firsts) : firsts :=
  match f with
  | mk_firsts kept n => if n <? k then mk_firsts (u :: kept) (n + 1) else mk_firsts kept (n + 1)
  end.

(** The uses [us], in order. *)
Fixpoint keep_firsts (k : N) (us : list quirk_use) (f : firsts) : firsts :=
  match us with
  | [] => f
  | u :: us' => keep_firsts k us' (keep_first k u f)
  end.

Definition firsts_of (k : N) (l : list quirk_use) (f : firsts) : Prop :=
  rev (fi_kept f) = firstn (N.to_nat k) l /\ fi_count f = N.of_nat (length l).

(** ** The last [k] uses added at the head *)

Record lasts := mk_lasts {
  la_new : list quirk_use;   (* the newest uses, fewer than [k] *)
  la_new_count : N;          (* the length of [la_new] *)
  la_old : list quirk_use;   (* the [k] before them (fewer at the start) *)
  la_count : N               (* how many came *)
}.

Definition lasts_empty : lasts := mk_lasts [] 0 [] 0.

Definition keep_last (k : N) (u : quirk_use) (a : lasts) : lasts :=
  match a with
  | mk_lasts nw c old n =>
      if c + 1 <? k then mk_lasts (u :: nw) (c + 1) old (n + 1)
      else mk_lasts [] 0 (u :: nw) (n + 1)
  end.

(** The uses [us], the head of [us] added first. *)
Fixpoint keep_lasts (k : N) (us : list quirk_use) (a : lasts) : lasts :=
  match us with
  | [] => a
  | u :: us' => keep_lasts k us' (keep_last k u a)
  end.

Definition lasts_of (k : N) (l : list quirk_use) (a : lasts) : Prop :=
  firstn (N.to_nat k) l = firstn (N.to_nat k) (la_new a ++ la_old a)
  /\ N.to_nat (la_new_count a) = length (la_new a)
  /\ la_count a = N.of_nat (length l).

(** ** The first [k] of a list *)

(** The first [k] of [l], reversed, onto [acc]. *)
Fixpoint take_onto (k : N) (l acc : list quirk_use) : list quirk_use :=
  match l with
  | [] => acc
  | u :: l' => if k =? 0 then acc else take_onto (N.pred k) l' (u :: acc)
  end.

Definition take_uses (k : N) (l : list quirk_use) : list quirk_use :=
  push_uses (take_onto k l []) [].

(** The uses of [a] (the newest first), as a list. *)
Definition lasts_list (a : lasts) : list quirk_use := push_uses (push_uses (la_new a) []) (la_old a).

(** ** Proofs *)

Lemma push_uses_rev : forall a acc, push_uses a acc = rev a ++ acc.
Proof.
  induction a as [|u a IH]; intros acc; cbn; [reflexivity|].
  rewrite IH, <- app_assoc; reflexivity.
Qed.

Lemma take_onto_firstn : forall l k acc,
  take_onto k l acc = rev (firstn (N.to_nat k) l) ++ acc.
Proof.
  induction l as [|u l IH]; intros k acc; cbn.
  - rewrite firstn_nil; reflexivity.
  - destruct (N.eqb_spec k 0) as [->|K]; [reflexivity|].
    rewrite IH. replace (N.to_nat k) with (S (N.to_nat (N.pred k))) by lia.
    cbn. rewrite <- app_assoc; reflexivity.
Qed.

Lemma take_uses_firstn : forall k l, take_uses k l = firstn (N.to_nat k) l.
Proof.
  intros k l; unfold take_uses; rewrite push_uses_rev, take_onto_firstn, !app_nil_r, rev_involutive.
  reflexivity.
Qed.

Lemma firsts_of_empty : forall k, firsts_of k [] firsts_empty.
Proof. intros k; split; [rewrite firstn_nil|]; reflexivity. Qed.

Lemma firsts_of_keep_first : forall k l u f,
  firsts_of k l f -> firsts_of k (l ++ [u]) (keep_first k u f).
Proof.
  intros k l u [kept n] [E C]; cbn in *; subst n.
  destruct (N.ltb_spec (N.of_nat (length l)) k) as [L|L]; split; cbn;
    rewrite ?firstn_app, ?app_length; cbn; try lia.
  - rewrite E, firstn_all2 by lia.
    replace (N.to_nat k - length l)%nat with (S (N.to_nat k - length l - 1)) by lia.
    cbn; rewrite firstn_nil; reflexivity.
  - rewrite E. replace (N.to_nat k - length l)%nat with 0%nat by lia. rewrite app_nil_r.
    reflexivity.
Qed.

Lemma firsts_of_keep_firsts : forall k us l f,
  firsts_of k l f -> firsts_of k (l ++ us) (keep_firsts k us f).
Proof.
  induction us as [|u us IH]; intros l f F; cbn; [rewrite app_nil_r; exact F|].
  replace (l ++ u :: us) with ((l ++ [u]) ++ us) by (rewrite <- app_assoc; reflexivity).
  apply IH, firsts_of_keep_first, F.
Qed.

Lemma lasts_of_empty : forall k, lasts_of k [] lasts_empty.
Proof. intros k; repeat split; cbn; rewrite ?firstn_nil; reflexivity. Qed.

Lemma firstn_cons_same : forall (n : nat) (u : quirk_use) l1 l2,
  firstn n l1 = firstn n l2 -> firstn n (u :: l1) = firstn n (u :: l2).
Proof.
  intros [|n] u l1 l2 E; cbn; [reflexivity|]. f_equal.
  assert (M : forall l : list quirk_use, firstn n l = firstn n (firstn (S n) l))
    by (intros l; rewrite firstn_firstn; f_equal; lia).
  rewrite (M l1), (M l2), E; reflexivity.
Qed.

Lemma lasts_of_keep_last : forall k l u a,
  lasts_of k l a -> lasts_of k (u :: l) (keep_last k u a).
Proof.
  intros k l u [nw c old n] (E & C & T); cbn in *; subst n.
  destruct (N.ltb_spec (c + 1) k) as [L|L]; repeat split; cbn; try lia.
  - apply (firstn_cons_same _ u) in E. exact E.
  - apply (firstn_cons_same _ u) in E. rewrite E; cbn [app].
    rewrite app_comm_cons, firstn_app.
    replace (N.to_nat k - length (u :: nw))%nat with 0%nat by (cbn; lia).
    cbn [firstn]; rewrite !app_nil_r; reflexivity.
Qed.

Lemma lasts_of_keep_lasts : forall k us l a,
  lasts_of k l a -> lasts_of k (rev us ++ l) (keep_lasts k us a).
Proof.
  induction us as [|u us IH]; intros l a A; cbn; [exact A|].
  rewrite <- app_assoc; cbn. apply IH, lasts_of_keep_last, A.
Qed.

Lemma firstn_app_firstn : forall (n : nat) (x y : list quirk_use),
  firstn n (x ++ y) = firstn n (firstn n x ++ firstn n y).
Proof.
  intros n x y. rewrite !firstn_app, firstn_firstn, firstn_length, firstn_firstn.
  replace (Nat.min n n) with n by lia. f_equal.
  destruct (Compare_dec.le_ge_dec n (length x)).
  - replace (n - length x)%nat with 0%nat by lia.
    replace (n - Nat.min n (length x))%nat with 0%nat by lia. reflexivity.
  - replace (Nat.min n (length x)) with (length x) by lia. f_equal. lia.
Qed.

Lemma firstn_app_firstn_r : forall (n : nat) (x y : list quirk_use),
  firstn n (x ++ firstn n y) = firstn n (x ++ y).
Proof.
  intros n x y. rewrite !firstn_app, firstn_firstn. f_equal. f_equal. lia.
Qed.

(** What the bounded checkers return: the first [k] of [firsts] uses then [lasts] ones, and how
    many there are. *)
Lemma lasts_of_result : forall k l a,
  lasts_of k l a -> take_uses k (lasts_list a) = firstn (N.to_nat k) l /\ la_count a = N.of_nat (length l).
Proof.
  intros k l a (E & _ & T); split; [|exact T].
  rewrite take_uses_firstn; unfold lasts_list; rewrite !push_uses_rev, app_nil_r, rev_involutive.
  rewrite E; reflexivity.
Qed.

Lemma firsts_lasts_result : forall k x l f a,
  firsts_of k x f -> lasts_of k l a ->
  take_uses k (push_uses (fi_kept f) (lasts_list a)) = firstn (N.to_nat k) (x ++ l).
Proof.
  intros k x l f a [F _] A. apply lasts_of_result in A; destruct A as [A _].
  rewrite take_uses_firstn in *. rewrite push_uses_rev, F.
  rewrite (firstn_app_firstn _ x l), <- A, <- F, <- firstn_app_firstn_r. reflexivity.
Qed.

(** The uses of [f] before a list [y] that begins as [z] does. *)
Lemma firsts_before : forall k x f y z,
  firsts_of k x f -> firstn (N.to_nat k) y = firstn (N.to_nat k) z ->
  firstn (N.to_nat k) (push_uses (fi_kept f) y) = firstn (N.to_nat k) (x ++ z).
Proof.
  intros k x f y z [F _] E. rewrite push_uses_rev, F, <- firstn_app_firstn_r, E,
    firstn_app_firstn_r, firstn_app_firstn, firstn_firstn.
  replace (Nat.min _ _) with (N.to_nat k) by lia. rewrite <- firstn_app_firstn. reflexivity.
Qed.
