(** * Bounds: the realised range of N and Z, calls of loops, and the label and macro maps. *)

(** The reference engine runs the cores with N and Z realised as 64-bit integers
    (runtime/reference/coq_runtime.hpp): an operation whose exact result leaves [0, 2^64) (N) or
    [-2^63, 2^63) (Z) stops the program instead of giving a wrong answer. Hex2Bounds.v,
    M1Bounds.v and CommandLineBounds.v prove that on inputs within the limit no operation of a
    run leaves that range, so the engine gives the answer of the proved core and never stops;
    Hex2CheckBounds.v and M1CheckBounds.v (with FirstUsesBounds.v) prove the same of the bounded
    strict checkers.
    This file holds what they share:
    - [n_in_range], [z_in_range]: the realised ranges;
    - [calls_within]: what "a loop calls itself only at arguments within an invariant" means,
      stated on the loop's own body ([body_of] unfolds a Fixpoint once, as Coq computes it, and
      abstracts its recursive calls), so that no copy of a loop has to be trusted;
    - the invariants of [ByteMap] (every height at most the size of its node, every bucket at
      most [n] keys), the loops of [ByteMap.add] and [find], and the operations each performs. *)

From Coq Require Import NArith ZArith List Lia.
From Hexproof.Spec Require Import Common.
From Hexproof.Proofs Require Import ByteMap.
Import ListNotations.

(** ** The realised ranges *)

Definition n_in_range (n : N) : Prop := (n < 2 ^ 64)%N.
Definition z_in_range (z : Z) : Prop := (- 2 ^ 63 <= z < 2 ^ 63)%Z.

(** The elements of an input, a name or a text: bytes. *)
Definition byte_list (l : list N) : Prop := Forall (fun b => b < 256)%N l.

Lemma n_in_range_le : forall a b, (a <= b)%N -> n_in_range b -> n_in_range a.
Proof. unfold n_in_range; lia. Qed.

(** A value masked with [2^k - 1] is below [2^k]. *)
Lemma land_ones_lt : forall a k, (N.land a (N.ones k) < 2 ^ k)%N.
Proof. intros; rewrite N.land_ones; apply N.mod_lt, N.pow_nonzero; discriminate. Qed.

(** Values below [2^k] stay below it through the bitwise operations. *)
Lemma lt_pow_shiftr : forall a k, (a < 2 ^ k)%N <-> N.shiftr a k = 0%N.
Proof.
  intros a k; rewrite N.shiftr_div_pow2; split; intros H.
  - apply N.div_small; exact H.
  - apply N.div_small_iff in H; [exact H|apply N.pow_nonzero; discriminate].
Qed.

Lemma lxor_lt_pow : forall a b k, (a < 2 ^ k)%N -> (b < 2 ^ k)%N -> (N.lxor a b < 2 ^ k)%N.
Proof.
  intros a b k Ha Hb; apply lt_pow_shiftr; apply lt_pow_shiftr in Ha; apply lt_pow_shiftr in Hb.
  rewrite N.shiftr_lxor, Ha, Hb; reflexivity.
Qed.

Lemma lor_lt_pow : forall a b k, (a < 2 ^ k)%N -> (b < 2 ^ k)%N -> (N.lor a b < 2 ^ k)%N.
Proof.
  intros a b k Ha Hb; apply lt_pow_shiftr; apply lt_pow_shiftr in Ha; apply lt_pow_shiftr in Hb.
  rewrite N.shiftr_lor, Ha, Hb; reflexivity.
Qed.

Lemma land_lt_pow : forall a b k, (b < 2 ^ k)%N -> (N.land a b < 2 ^ k)%N.
Proof.
  intros a b k Hb; apply lt_pow_shiftr; apply lt_pow_shiftr in Hb.
  rewrite N.shiftr_land, Hb, N.land_0_r; reflexivity.
Qed.

Lemma shiftr_le : forall a n, (N.shiftr a n <= a)%N.
Proof. intros; rewrite N.shiftr_div_pow2; apply N.div_le_upper_bound; [apply N.pow_nonzero; discriminate|].
  pose proof (N.pow_nonzero 2 n ltac:(discriminate)); nia. Qed.

(** A value masked with [0 <= m < 2^k] is in [0, 2^k), whatever its sign. *)
Lemma z_land_range : forall v m k, (0 <= k)%Z -> (0 <= m < 2 ^ k)%Z -> (0 <= Z.land v m < 2 ^ k)%Z.
Proof.
  intros v m k Hk [Hm0 Hm]; split; [apply Z.land_nonneg; right; exact Hm0|].
  assert (S : Z.shiftr m k = 0%Z) by (rewrite Z.shiftr_div_pow2 by exact Hk; apply Z.div_small; lia).
  assert (S' : Z.shiftr (Z.land v m) k = 0%Z) by (rewrite Z.shiftr_land, S, Z.land_0_r; reflexivity).
  rewrite Z.shiftr_div_pow2 in S' by exact Hk.
  pose proof (Z.land_nonneg v m) as [_ N0]; specialize (N0 (or_intror Hm0)).
  destruct (Z.lt_ge_cases (Z.land v m) (2 ^ k)) as [L|L]; [exact L|].
  assert (1 <= Z.land v m / 2 ^ k)%Z by (apply Z.div_le_lower_bound; lia); lia.
Qed.

(** ** Calls of a loop *)

(** Started at an argument within [P], [body] calls its function argument only at arguments
    within [Q]: any two functions that agree within [Q] give it the same result. For a loop,
    [body] is its Fixpoint unfolded once ([body_of]) and [calls_within body P P] says that every
    call the loop makes from a call within [P] is within [P] again; since every recursive call of
    the loops here is in tail position (or, in [trie_set], under a constructor), this is exactly
    "the next call is within [P]". *)
Definition calls_within {A B S R} (body : (B -> S) -> A -> R) (P : A -> Prop) (Q : B -> Prop)
  : Prop :=
  forall a, P a -> forall f g : B -> S, (forall b, Q b -> f b = g b) -> body f a = body g a.

(** [body_of f app g] builds the term [app] (the Fixpoint [f] applied to arguments whose
    structural one is a constructor) unfolded once by Coq ([cbn]), with [g] in place of [f] at
    each recursive call. *)
Ltac body_of_at f fa app g :=
  let t := eval cbn [f] in app in
  let t := eval pattern fa in t in
  match t with ?F _ => let u := eval cbv beta in (F g) in exact u end.
Ltac body_of f app g := body_of_at f f app g.

(** For a body that also calls a second function, [inner] (a loop below it, whose result, of
    any type, it may use): with [inner] itself, the body calls its own function only within
    [Q1]; whatever its own function, it calls the second one only within [Q2]. *)
Definition calls_within2 {A B R S} (body : (A -> R) -> (B -> S) -> A -> R) (inner : B -> S)
    (P Q1 : A -> Prop) (Q2 : B -> Prop) : Prop :=
  calls_within (fun f => body f inner) P Q1 /\ forall f, calls_within (body f) P Q2.

Ltac body2_of_at f fa fb app g1 g2 :=
  let t := eval cbn [f] in app in
  let t := eval pattern fa, fb in t in
  match t with ?F _ _ => let u := eval cbv beta in (F g1 g2) in exact u end.

(** Splits a goal [body f a = body g a] on every test until each side is a call of [f] or [g]
    (closed by [E] and [tac]) or both sides are the same. *)
Ltac split_calls E tac :=
  repeat match goal with
         | |- ?x = ?x => reflexivity
         | |- context [match ?x with _ => _ end] => destruct x eqn:?
         | |- _ => apply E; tac
         end.

(** ** ByteMap *)

Fixpoint size {A} (t : tree A) : N :=
  match t with
  | Tip => 0
  | Node l _ _ r _ => size l + size r + 1
  end%N.

(** Every stored height is at most the number of keys of its node: true of every tree [add]
    builds, whether or not a rotation was made. *)
Fixpoint heights_ok {A} (t : tree A) : Prop :=
  match t with
  | Tip => True
  | Node l _ _ r h => (h <= size l + size r + 1)%N /\ heights_ok l /\ heights_ok r
  end.

Fixpoint values_in {A} (P : A -> Prop) (t : tree A) : Prop :=
  match t with
  | Tip => True
  | Node l _ v r _ => P v /\ values_in P l /\ values_in P r
  end.

(** A bucket of at most [n] keys, its heights within its sizes, its values within [P]. *)
Definition bucket_ok {A} (P : A -> Prop) (n : N) (t : tree A) : Prop :=
  heights_ok t /\ (size t <= n)%N /\ values_in P t.

Fixpoint trie_ok {A} (P : A -> Prop) (n : N) (t : trie A) : Prop :=
  match t with
  | Empty => True
  | Fork c0 c1 c2 c3 c4 c5 c6 c7 c8 c9 c10 c11 c12 c13 c14 c15 here =>
      trie_ok P n c0 /\ trie_ok P n c1 /\ trie_ok P n c2 /\ trie_ok P n c3 /\
      trie_ok P n c4 /\ trie_ok P n c5 /\ trie_ok P n c6 /\ trie_ok P n c7 /\
      trie_ok P n c8 /\ trie_ok P n c9 /\ trie_ok P n c10 /\ trie_ok P n c11 /\
      trie_ok P n c12 /\ trie_ok P n c13 /\ trie_ok P n c14 /\ trie_ok P n c15 /\
      bucket_ok P n here
  end.

(** A map built by at most [n] additions of values within [P]: the paths are [positions], and
    every bucket holds at most [n] keys. *)
Definition map_ok {A} (P : A -> Prop) (n : N) (m : ByteMap.t A) : Prop :=
  fst m = positions /\ trie_ok P n (snd m).

(** *** The loops of [find] and [add], and their operations *)

(** [hash_from h k] (a runtime loop, [rt::hash_from]): each step computes [h * 31 + b]. *)
Definition hash_args : Type := N * bytes.

Definition hash_body (rec : hash_args -> N) (a : hash_args) : N :=
  match a with
  | (h, k) =>
      match k with
      | [] => hash_from h []
      | b :: k' => ltac:(body_of hash_from (hash_from h (b :: k')) (fun h k => rec (h, k)))
      end
  end.

Definition hash_inv (a : hash_args) : Prop :=
  match a with (h, k) => (h < 2 ^ 20)%N /\ byte_list k end.

Definition hash_ops (a : hash_args) : Prop :=
  match a with
  | (h, []) => True
  | (h, b :: _) => n_in_range (h * 31) /\ n_in_range (h * 31 + b)
  end.

(** [trie_get ps h t], [trie_set ps h x t]: each level computes [p + 3], [p + 2], [p + 1]. *)
Definition path_ok (ps : list N) : Prop := Forall (fun p => p <= 12)%N ps.

Definition path_ops (ps : list N) : Prop :=
  match ps with
  | [] => True
  | p :: _ => n_in_range (p + 3) /\ n_in_range (p + 2) /\ n_in_range (p + 1)
  end.

Definition trie_get_args (A : Type) : Type := list N * N * trie A.

Definition trie_get_body {A} (rec : trie_get_args A -> tree A) (a : trie_get_args A) : tree A :=
  match a with
  | (ps, h, t) =>
      match t with
      | Empty => trie_get ps h Empty
      | Fork c0 c1 c2 c3 c4 c5 c6 c7 c8 c9 c10 c11 c12 c13 c14 c15 here =>
          match ps with
          | [] => here
          | p :: ps' =>
              ltac:(body_of_at (@trie_get) (@trie_get A)
                (trie_get (p :: ps') h (Fork c0 c1 c2 c3 c4 c5 c6 c7 c8 c9 c10 c11 c12 c13 c14 c15 here))
                (fun ps h t => rec (ps, h, t)))
          end
      end
  end.

Definition trie_set_args (A : Type) : Type := list N * N * tree A * trie A.

Definition trie_set_body {A} (rec : trie_set_args A -> trie A) (a : trie_set_args A) : trie A :=
  match a with
  | (ps, h, x, t) =>
      match ps with
      | [] => trie_set [] h x t
      | p :: ps' =>
          match t with
          | Empty =>
              ltac:(body_of_at (@trie_set) (@trie_set A) (trie_set (p :: ps') h x Empty)
                (fun ps h x t => rec (ps, h, x, t)))
          | Fork c0 c1 c2 c3 c4 c5 c6 c7 c8 c9 c10 c11 c12 c13 c14 c15 here =>
              ltac:(body_of_at (@trie_set) (@trie_set A)
                (trie_set (p :: ps') h x (Fork c0 c1 c2 c3 c4 c5 c6 c7 c8 c9 c10 c11 c12 c13 c14 c15 here))
                (fun ps h x t => rec (ps, h, x, t)))
          end
      end
  end.

(** [node l k v r]: [max (height l) (height r) + 1]. *)
Definition node_ops {A} (l r : tree A) : Prop := n_in_range (N.max (height l) (height r) + 1).

(** [bal l k v r]: [height r + 1], [height l + 1], and the [node]s it builds, in each case. *)
Definition bal_ops {A} (l : tree A) (k : bytes) (v : A) (r : tree A) : Prop :=
  n_in_range (height r + 1) /\ n_in_range (height l + 1) /\ node_ops l r /\
  match l with
  | Tip => True
  | Node ll lk lv lr _ =>
      node_ops lr r /\ node_ops ll (node lr k v r) /\
      match lr with
      | Tip => True
      | Node lrl _ _ lrr _ =>
          node_ops ll lrl /\ node_ops lrr r /\ node_ops (node ll lk lv lrl) (node lrr k v r)
      end
  end /\
  match r with
  | Tip => True
  | Node rl rk rv rr _ =>
      node_ops l rl /\ node_ops (node l k v rl) rr /\
      match rl with
      | Tip => True
      | Node rll _ _ rlr _ =>
          node_ops l rll /\ node_ops rlr rr /\ node_ops (node l k v rll) (node rlr rk rv rr)
      end
  end.

(** [descend k v t z] walks down and [rebuild z t] back up, with [bal] at each level. The tree
    [t] that [rebuild] carries up replaces a subtree of the bucket: [fits n z s] says that a tree
    of [s] keys put back along [z] gives trees of at most [n + 1] keys at every level. *)
Fixpoint fits {A} (n : N) (z : list (tree A * bool)) (s : N) : Prop :=
  match z with
  | [] => (s <= n + 1)%N
  | (Tip, _) :: z' => fits n z' s
  | (Node l _ _ r _, went_left) :: z' => fits n z' (s + size (if went_left then r else l) + 1)
  end.

Definition path_trees_ok {A} (z : list (tree A * bool)) : Prop :=
  Forall (fun f => heights_ok (fst f)) z.

Definition rebuild_args (A : Type) : Type := list (tree A * bool) * tree A.

Definition descend_args (A : Type) : Type := bytes * A * tree A * list (tree A * bool).

Definition descend_body {A} (rec : descend_args A -> tree A) (rb : rebuild_args A -> tree A)
    (a : descend_args A) : tree A :=
  match a with
  | (k, v, t, z) =>
      match t with
      | Tip =>
          ltac:(body2_of_at (@descend) (@descend A) (@rebuild A) (descend k v Tip z)
            (fun k v t z => rec (k, v, t, z)) (fun z t => rb (z, t)))
      | Node l x w r h =>
          ltac:(body2_of_at (@descend) (@descend A) (@rebuild A) (descend k v (Node l x w r h) z)
            (fun k v t z => rec (k, v, t, z)) (fun z t => rb (z, t)))
      end
  end.

Definition descend_inv {A} (n : N) (a : descend_args A) : Prop :=
  match a with (k, v, t, z) => heights_ok t /\ path_trees_ok z /\ fits n z (size t + 1) end.

Definition rebuild_body {A} (rec : rebuild_args A -> tree A) (a : rebuild_args A) : tree A :=
  match a with
  | (z, t) =>
      match z with
      | [] => rebuild [] t
      | f :: z' => ltac:(body_of_at (@rebuild) (@rebuild A) (rebuild (f :: z') t) (fun z t => rec (z, t)))
      end
  end.

Definition rebuild_inv {A} (n : N) (a : rebuild_args A) : Prop :=
  match a with (z, t) => heights_ok t /\ path_trees_ok z /\ fits n z (size t) end.

(** One step of [rebuild]: the [bal] it computes. *)
Definition rebuild_ops {A} (a : rebuild_args A) : Prop :=
  match a with
  | ((Node l x v r _, went_left) :: _, t) =>
      if went_left then bal_ops t x v r else bal_ops l x v t
  | _ => True
  end.

(** [find k m] and [add k v m]: the loops they start are within their invariants. *)
Definition find_ops {A} (k : bytes) (m : ByteMap.t A) : Prop :=
  hash_inv (5381%N, k) /\ path_ok (fst m).

Definition add_ops {A} (n : N) (k : bytes) (v : A) (m : ByteMap.t A) : Prop :=
  hash_inv (5381%N, k) /\ path_ok (fst m) /\
  descend_inv n (k, v, trie_get (fst m) (key_hash k) (snd m), []).

(** *** Proofs *)

Lemma height_le_size : forall A (t : tree A), heights_ok t -> (height t <= size t)%N.
Proof. intros A [|l k v r h]; simpl; [lia|tauto]. Qed.

Lemma size_node : forall A (l : tree A) k v r, size (node l k v r) = (size l + size r + 1)%N.
Proof. reflexivity. Qed.

Lemma heights_node : forall A (l : tree A) k v r,
  heights_ok l -> heights_ok r -> heights_ok (node l k v r).
Proof.
  intros A l k v r Hl Hr; simpl; split; [|tauto].
  pose proof (height_le_size _ l Hl); pose proof (height_le_size _ r Hr); lia.
Qed.

Lemma values_node : forall A (P : A -> Prop) (l : tree A) k v r,
  values_in P (node l k v r) <-> P v /\ values_in P l /\ values_in P r.
Proof. reflexivity. Qed.

Lemma node_ok : forall A (P : A -> Prop) (l : tree A) k v r,
  heights_ok l -> heights_ok r -> P v -> values_in P l -> values_in P r ->
  size (node l k v r) = (size l + size r + 1)%N /\ heights_ok (node l k v r) /\
  values_in P (node l k v r).
Proof. intros; split; [reflexivity|]; split; [apply heights_node; auto|simpl; tauto]. Qed.

(** [bal] keeps the keys and values, and builds every node with [node]. *)
Lemma bal_ok : forall A (P : A -> Prop) (l : tree A) k v r,
  heights_ok l -> heights_ok r -> P v -> values_in P l -> values_in P r ->
  size (bal l k v r) = (size l + size r + 1)%N /\ heights_ok (bal l k v r) /\
  values_in P (bal l k v r).
Proof.
  intros A P l k v r Hl Hr Pv Vl Vr; unfold bal; cbv zeta.
  destruct (N.ltb (height r + 1) (height l)).
  - destruct l as [|ll lk lv lr lh]; [apply node_ok; auto|].
    pose proof Hl as Hl'; pose proof Vl as Vl'.
    simpl in Hl', Vl'; destruct Hl' as [_ [Hll Hlr]]; destruct Vl' as [Plv [Vll Vlr]].
    destruct (N.leb (height lr) (height ll)).
    + destruct (cmp_bytes lk k); try (apply node_ok; auto; fail).
      destruct (node_ok A P lr k v r) as [S1 [H1 V1]]; auto.
      destruct (node_ok A P ll lk lv (node lr k v r)) as [S2 [H2 V2]]; auto.
      split; [rewrite S2, S1; simpl; lia|auto].
    + destruct lr as [|lrl lrk lrv lrr lrh]; [apply node_ok; auto|].
      pose proof Hlr as Hlr'; pose proof Vlr as Vlr'.
      simpl in Hlr', Vlr'; destruct Hlr' as [_ [Hlrl Hlrr]]; destruct Vlr' as [Plrv [Vlrl Vlrr]].
      destruct (cmp_bytes lk lrk), (cmp_bytes lrk k); try (apply node_ok; auto; fail).
      destruct (node_ok A P ll lk lv lrl) as [S1 [H1 V1]]; auto.
      destruct (node_ok A P lrr k v r) as [S2 [H2 V2]]; auto.
      destruct (node_ok A P (node ll lk lv lrl) lrk lrv (node lrr k v r)) as [S3 [H3 V3]]; auto.
      split; [rewrite S3, S1, S2; simpl; lia|auto].
  - destruct (N.ltb (height l + 1) (height r)); [|apply node_ok; auto].
    destruct r as [|rl rk rv rr rh]; [apply node_ok; auto|].
    pose proof Hr as Hr'; pose proof Vr as Vr'.
    simpl in Hr', Vr'; destruct Hr' as [_ [Hrl Hrr]]; destruct Vr' as [Prv [Vrl Vrr]].
    destruct (N.leb (height rl) (height rr)).
    + destruct (cmp_bytes k rk); try (apply node_ok; auto; fail).
      destruct (node_ok A P l k v rl) as [S1 [H1 V1]]; auto.
      destruct (node_ok A P (node l k v rl) rk rv rr) as [S2 [H2 V2]]; auto.
      split; [rewrite S2, S1; simpl; lia|auto].
    + destruct rl as [|rll rlk rlv rlr rlh]; [apply node_ok; auto|].
      pose proof Hrl as Hrl'; pose proof Vrl as Vrl'.
      simpl in Hrl', Vrl'; destruct Hrl' as [_ [Hrll Hrlr]]; destruct Vrl' as [Prlv [Vrll Vrlr]].
      destruct (cmp_bytes k rlk), (cmp_bytes rlk rk); try (apply node_ok; auto; fail).
      destruct (node_ok A P l k v rll) as [S1 [H1 V1]]; auto.
      destruct (node_ok A P rlr rk rv rr) as [S2 [H2 V2]]; auto.
      destruct (node_ok A P (node l k v rll) rlk rlv (node rlr rk rv rr)) as [S3 [H3 V3]]; auto.
      split; [rewrite S3, S1, S2; simpl; lia|auto].
Qed.

Lemma ins_ok : forall A (P : A -> Prop) (t : tree A) k v,
  heights_ok t -> values_in P t -> P v ->
  (size (ins k v t) <= size t + 1)%N /\ heights_ok (ins k v t) /\ values_in P (ins k v t).
Proof.
  intros A P t k v; induction t as [|l IHl x w r IHr h]; intros Ht Vt Pv.
  - simpl; repeat split; auto; lia.
  - simpl in Ht, Vt |- *; destruct Ht as [Hh [Hl Hr]]; destruct Vt as [Pw [Vl Vr]].
    destruct (cmp_bytes k x).
    + simpl; repeat split; auto; lia.
    + destruct (IHl Hl Vl Pv) as [S [H V]].
      destruct (bal_ok A P (ins k v l) x w r H Hr Pw V Vr) as [S' [H' V']]; repeat split; auto; lia.
    + destruct (IHr Hr Vr Pv) as [S [H V]].
      destruct (bal_ok A P l x w (ins k v r) Hl H Pw Vl V) as [S' [H' V']]; repeat split; auto; lia.
Qed.

Lemma fits_le : forall A n (z : list (tree A * bool)) s, fits n z s -> (s <= n + 1)%N.
Proof.
  intros A n z; induction z as [|[[|l x v r h] b] z IH]; intros s F; simpl in F; auto.
  specialize (IH _ F); lia.
Qed.

Lemma fits_mono : forall A n (z : list (tree A * bool)) s s', (s' <= s)%N -> fits n z s -> fits n z s'.
Proof.
  intros A n z; induction z as [|[[|l x v r h] b] z IH]; intros s s' Le F; simpl in F |- *.
  - lia.
  - eauto.
  - eapply IH; [|exact F]; lia.
Qed.

Lemma fits_eq : forall A n (z : list (tree A * bool)) s s', s' = s -> fits n z s -> fits n z s'.
Proof. intros; subst; assumption. Qed.

Definition rebuild_call {A} (a : rebuild_args A) : tree A := rebuild (fst a) (snd a).

Theorem descend_calls : forall A n,
  calls_within2 (@descend_body A) rebuild_call (descend_inv n) (descend_inv n) (rebuild_inv n).
Proof.
  intros A n; split; [|intros f0];
    intros [[[k v] t] z] Ha f g E; unfold descend_body; simpl in Ha;
    destruct Ha as [Ht [Hz F]]; destruct t as [|l x w r h]; cbn beta iota; try reflexivity.
  - simpl in Ht; destruct Ht as [Hh [Hl Hr]].
    destruct (cmp_bytes k x); try reflexivity.
    + apply E; simpl; repeat split; auto.
      * constructor; [simpl; auto|exact Hz].
      * eapply fits_eq; [|exact F]; simpl; lia.
    + apply E; simpl; repeat split; auto.
      * constructor; [simpl; auto|exact Hz].
      * eapply fits_eq; [|exact F]; simpl; lia.
  - apply E; simpl; repeat split; auto; lia.
  - simpl in Ht; destruct Ht as [Hh [Hl Hr]].
    destruct (cmp_bytes k x); try reflexivity.
    apply E; simpl; repeat split; auto. eapply fits_mono; [|exact F]; simpl; lia.
Qed.

Theorem rebuild_calls : forall A n, calls_within (@rebuild_body A) (rebuild_inv n) (rebuild_inv n).
Proof.
  intros A n [z t] Ha f g E; unfold rebuild_body; simpl in Ha; destruct Ha as [Ht [Hz F]].
  destruct z as [|[[|l x v r h] b] z]; cbn beta iota; [reflexivity| |].
  - apply E; simpl; inversion Hz; auto.
  - apply E; inversion Hz as [|? ? Hp Hz']; subst; simpl in Hp, F.
    destruct Hp as [_ [Hl Hr]].
    destruct b.
    + destruct (bal_ok A (fun _ => True) t x v r Ht Hr I ltac:(clear; induction t; simpl; tauto)
        ltac:(clear; induction r; simpl; tauto)) as [S [H _]].
      simpl; repeat split; auto. eapply fits_eq; [|exact F]; lia.
    + destruct (bal_ok A (fun _ => True) l x v t Hl Ht I ltac:(clear; induction l; simpl; tauto)
        ltac:(clear; induction t; simpl; tauto)) as [S [H _]].
      simpl; repeat split; auto. eapply fits_eq; [|exact F]; lia.
Qed.

(** The heights [bal] reads and computes are at most 2 above the sizes of its arguments. *)
Lemma bal_ops_ok : forall A (l : tree A) k v r B, heights_ok l -> heights_ok r ->
  (size l + size r + 1 <= B)%N -> (B + 3 < 2 ^ 64)%N -> bal_ops l k v r.
Proof.
  intros A l k v r B Hl Hr S R; unfold bal_ops, node_ops, n_in_range.
  pose proof (height_le_size _ l Hl); pose proof (height_le_size _ r Hr).
  split; [lia|]; split; [lia|]; split; [lia|]; split.
  - destruct l as [|ll lk lv lr lh]; [exact I|]; simpl in Hl; destruct Hl as [_ [Hll Hlr]].
    pose proof (height_le_size _ _ Hll); pose proof (height_le_size _ _ Hlr); simpl in *.
    split; [lia|]; split; [lia|].
    destruct lr as [|lrl lrk lrv lrr lrh]; [exact I|]; simpl in *.
    destruct Hlr as [_ [Hlrl Hlrr]].
    pose proof (height_le_size _ _ Hlrl); pose proof (height_le_size _ _ Hlrr); lia.
  - destruct r as [|rl rk rv rr rh]; [exact I|]; simpl in Hr; destruct Hr as [_ [Hrl Hrr]].
    pose proof (height_le_size _ _ Hrl); pose proof (height_le_size _ _ Hrr); simpl in *.
    split; [lia|]; split; [lia|].
    destruct rl as [|rll rlk rlv rlr rlh]; [exact I|]; simpl in *.
    destruct Hrl as [_ [Hrll Hrlr]].
    pose proof (height_le_size _ _ Hrll); pose proof (height_le_size _ _ Hrlr); lia.
Qed.

Theorem rebuild_in_range : forall A n (a : rebuild_args A), (n < 2 ^ 62)%N ->
  rebuild_inv n a -> rebuild_ops a.
Proof.
  intros A n [z t] Hn [Ht [Hz F]].
  destruct z as [|[[|l x v r h] b] z]; simpl; auto.
  inversion Hz as [|? ? Hp _]; subst; simpl in Hp, F; destruct Hp as [_ [Hl Hr]].
  pose proof (fits_le _ _ _ _ F).
  destruct b; eapply bal_ops_ok with (B := (n + 1)%N); auto; lia.
Qed.

Theorem hash_calls : calls_within hash_body hash_inv hash_inv.
Proof.
  intros [h [|b k]] [Hh Hk] f g E; unfold hash_body; cbn beta iota; [reflexivity|].
  apply E; inversion Hk; subst; split; auto.
  change 1048575%N with (N.ones 20); rewrite N.land_ones.
  apply N.mod_lt; discriminate.
Qed.

Theorem hash_in_range : forall a, hash_inv a -> hash_ops a.
Proof.
  intros [h [|b k]] [Hh Hk]; simpl; auto; inversion Hk; subst; unfold n_in_range; lia.
Qed.

Theorem trie_get_calls : forall A,
  calls_within (@trie_get_body A) (fun a => path_ok (fst (fst a))) (fun a => path_ok (fst (fst a))).
Proof.
  intros A [[ps h] t] Ha f g E; simpl in Ha; unfold trie_get_body.
  destruct t; [reflexivity|]; destruct ps as [|p ps]; [reflexivity|].
  inversion Ha; subst; split_calls E ltac:(assumption).
Qed.

Theorem trie_set_calls : forall A,
  calls_within (@trie_set_body A) (fun a => path_ok (fst (fst (fst a))))
    (fun a => path_ok (fst (fst (fst a)))).
Proof.
  intros A [[[ps h] x] t] Ha f g E; simpl in Ha; unfold trie_set_body.
  destruct ps as [|p ps]; [reflexivity|]; inversion Ha; subst.
  destruct t; cbn beta iota;
    repeat match goal with
           | |- context [if ?x then _ else _] => destruct x
           | |- _ => f_equal; apply E; assumption
           end.
Qed.

Theorem path_in_range : forall ps, path_ok ps -> path_ops ps.
Proof.
  intros [|p ps] H; simpl; auto; inversion H; subst; unfold n_in_range; lia.
Qed.

(** *** Maps *)

Lemma trie_ok_mono : forall A (P : A -> Prop) n n' (t : trie A), (n <= n')%N -> trie_ok P n t -> trie_ok P n' t.
Proof.
  intros A P n n' t Le; induction t; simpl; [tauto|].
  unfold bucket_ok; intuition lia.
Qed.

Lemma map_ok_mono : forall A (P : A -> Prop) n n' (m : ByteMap.t A), (n <= n')%N -> map_ok P n m -> map_ok P n' m.
Proof. intros A P n n' [ps t] Le [Hp Ht]; split; auto; eapply trie_ok_mono; eauto. Qed.

Lemma map_ok_empty : forall A (P : A -> Prop) n, map_ok P n (@ByteMap.empty A).
Proof. intros; split; reflexivity. Qed.

Lemma trie_get_ok : forall A (P : A -> Prop) n ps h (t : trie A), trie_ok P n t -> bucket_ok P n (trie_get ps h t).
Proof.
  intros A P n ps; assert (Tip_ok : bucket_ok P n Tip) by (repeat split; simpl; lia); induction ps as [|p ps IH]; intros h t Ht; destruct t; simpl in *; auto; [tauto|].
  repeat match goal with |- context [if ?b then _ else _] => destruct b end; apply IH; tauto.
Qed.

Lemma trie_set_ok : forall A (P : A -> Prop) n ps h x (t : trie A),
  trie_ok P n t -> bucket_ok P n x -> trie_ok P n (trie_set ps h x t).
Proof.
  intros A P n ps; assert (Tip_ok : bucket_ok P n Tip) by (repeat split; simpl; lia).
  induction ps as [|p ps IH]; intros h x t Ht Hx.
  - destruct t; simpl in *; tauto.
  - assert (IHe : trie_ok P n (trie_set ps h x Empty)) by (apply IH; simpl; auto).
    destruct t; simpl in Ht |- *;
      repeat match goal with |- context [if ?b then _ else _] => destruct b end;
      simpl; intuition.
Qed.

Theorem map_ok_add : forall A (P : A -> Prop) n k (v : A) m, map_ok P n m -> P v -> map_ok P (n + 1) (add k v m).
Proof.
  intros A P n k v [ps t] [Hp Ht] Pv; simpl in *; split; [exact Hp|]; simpl.
  apply trie_set_ok; [eapply trie_ok_mono; [|exact Ht]; lia|].
  destruct (trie_get_ok A P n ps (key_hash k) t Ht) as [H [S V]].
  rewrite descend_ins; cbn [rebuild].
  destruct (ins_ok A P _ k v H V Pv) as [S' [H' V']]; repeat split; auto; lia.
Qed.

Lemma find_in_ok : forall A (P : A -> Prop) (t : tree A) k v, values_in P t -> find_in k t = Some v -> P v.
Proof.
  intros A P t k v; induction t as [|l IHl x w r IHr h]; simpl; [discriminate|].
  intros [Pw [Vl Vr]]; destruct (cmp_bytes k x); auto; congruence.
Qed.

Theorem map_ok_find : forall A (P : A -> Prop) n k (v : A) m, map_ok P n m -> find k m = Some v -> P v.
Proof.
  intros A P n k v [ps t] [_ Ht] F; simpl in *.
  destruct (trie_get_ok A P n ps (key_hash k) t Ht) as [_ [_ V]]; eapply find_in_ok; eauto.
Qed.

Lemma positions_ok : path_ok positions.
Proof. repeat constructor; discriminate. Qed.

Theorem find_ops_ok : forall A (P : A -> Prop) n k (m : ByteMap.t A), map_ok P n m -> byte_list k -> find_ops k m.
Proof.
  intros A P n k [ps t] [Hp _] Hk; simpl in *; subst; split; [split; [reflexivity|exact Hk]|].
  apply positions_ok.
Qed.

Theorem add_ops_ok : forall A (P : A -> Prop) n k (v : A) (m : ByteMap.t A), map_ok P n m -> byte_list k ->
  add_ops n k v m.
Proof.
  intros A P n k v [ps t] [Hp Ht] Hk; cbn [fst snd] in Hp, Ht; subst ps.
  destruct (trie_get_ok A P n positions (key_hash k) t Ht) as [H [S _]].
  unfold add_ops; cbn [fst snd].
  generalize dependent (trie_get positions (key_hash k) t); intros b H S.
  split; [split; [reflexivity|exact Hk]|]; split; [apply positions_ok|].
  split; [exact H|]; split; [apply Forall_nil|simpl; lia].
Qed.

(** *** Every loop of [find] and [add] *)

(** The loops of the maps call themselves only within their invariants, and within them every
    operation of an iteration is in range: [find_ops] and [add_ops] (the entry of a lookup and
    of an addition) are therefore all a run needs to show. *)
Definition bytemap_in_range : Prop :=
  calls_within hash_body hash_inv hash_inv /\ (forall a, hash_inv a -> hash_ops a) /\
  (forall A, calls_within (@trie_get_body A) (fun a => path_ok (fst (fst a)))
               (fun a => path_ok (fst (fst a)))) /\
  (forall A, calls_within (@trie_set_body A) (fun a => path_ok (fst (fst (fst a))))
               (fun a => path_ok (fst (fst (fst a))))) /\
  (forall ps, path_ok ps -> path_ops ps) /\
  (forall A n, (n < 2 ^ 62)%N ->
     calls_within2 (@descend_body A) rebuild_call (descend_inv n) (descend_inv n) (rebuild_inv n) /\
     calls_within (@rebuild_body A) (rebuild_inv n) (rebuild_inv n) /\
     (forall a : rebuild_args A, rebuild_inv n a -> rebuild_ops a)).

Theorem bytemap_bounded : bytemap_in_range.
Proof.
  split; [exact hash_calls|]; split; [exact hash_in_range|].
  split; [exact trie_get_calls|]; split; [exact trie_set_calls|]; split; [exact path_in_range|].
  intros A n Hn; split; [apply descend_calls|]; split; [apply rebuild_calls|].
  intros a; apply rebuild_in_range; exact Hn.
Qed.
