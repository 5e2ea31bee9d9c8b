(** * ByteMap: finite maps keyed by byte strings: hashed buckets of balanced search trees. *)

(** Label and macro tables of the executable core. Sixteen bits of a key's hash, four at a level,
    lead through a trie of sixteen-way nodes to a bucket, and the bucket is an AVL tree ordered
    by the keys' lengths, then their bytes ([cmp_bytes]). Ordinary keys (hex2's labels, M1's DEFINE names) spread over the 65536
    buckets, most of which hold one key or two, so a lookup costs the hash, four steps and one
    comparison. Keys chosen to share a hash (the hash has no secret key: the reference engine
    is a pure function, and such keys are easy to make) only fill one tree, whose height stays
    below 1.45 log2(n + 2) for n keys (the AVL bound; tested in tests/byte_map_test.cpp, not
    proved here): a lookup or an addition costs the hash of its key, O(|k|), and O(log n)
    comparisons of keys, each a [memcmp] of at most |k| bytes once extracted. Adding a key
    copies the nodes on its path (four in the trie, O(log n) in the bucket) and replaces the
    value of a key already present, so defining a name again and again grows nothing.

    [add] walks down the bucket without recursion, keeping the path as a list ([descend]), then
    rebuilds it, rebalancing on the way up ([rebuild], [bal]). A rotation is made only after
    checking that the two or three keys it moves are in order, so [find_add], the one property
    users need, holds of every tree, not only of the trees [add] builds: the latest binding of a
    key wins, exactly like the association lists of the specification. *)

From Coq Require Import NArith PeanoNat List Bool Lia.
From Hexproof.Spec Require Import Common.
Import ListNotations.

Fixpoint bytes_eqb (a b : bytes) : bool :=
  match a, b with
  | [], [] => true
  | x :: a', y :: b' => if N.eqb x y then bytes_eqb a' b' else false
  | _, _ => false
  end.

Lemma bytes_eqb_eq : forall a b, bytes_eqb a b = true <-> a = b.
Proof.
  induction a as [|x a IH]; intros [|y b]; simpl; split; intros H; try congruence.
  - destruct (N.eqb x y) eqn:E; [|discriminate].
    apply N.eqb_eq in E; apply IH in H; subst; reflexivity.
  - inversion H; subst. rewrite N.eqb_refl. apply IH; reflexivity.
Qed.

Lemma bytes_eqb_refl : forall a, bytes_eqb a a = true.
Proof. intros a; apply bytes_eqb_eq; reflexivity. Qed.

(** The order of the keys in a bucket: the shorter first, then the first element that differs
    ([c], [Eq] until one does). Lengths first because keys sharing a hash mostly differ in length,
    and then their bytes, cold in the input, need not be read. *)
Fixpoint cmp_from (a b : bytes) (c : comparison) : comparison :=
  match a, b with
  | [], [] => c
  | [], _ :: _ => Lt
  | _ :: _, [] => Gt
  | x :: a', y :: b' => cmp_from a' b' (match c with Eq => N.compare x y | _ => c end)
  end.

Definition cmp_bytes (a b : bytes) : comparison := cmp_from a b Eq.

(** ** Buckets: AVL trees *)

(** [Node l k v r h]: the binding of [k] to [v], the smaller keys in [l], the greater ones in
    [r]; [h] is the height. *)
Inductive tree (A : Type) :=
| Tip : tree A
| Node : tree A -> bytes -> A -> tree A -> N -> tree A.
Arguments Tip {A}.
Arguments Node {A} _ _ _ _ _.

Definition height {A} (t : tree A) : N :=
  match t with
  | Tip => 0
  | Node _ _ _ _ h => h
  end.

Definition node {A} (l : tree A) (k : bytes) (v : A) (r : tree A) : tree A :=
  Node l k v r (N.add (N.max (height l) (height r)) 1).

(** The node [l, k, v, r], rotated when one side is more than one level higher than the other
    (as in Coq's FMapAVL). A rotation moves two or three keys; it is made only if they are in
    order, which they are in every tree [add] builds. *)
Definition bal {A} (l : tree A) (k : bytes) (v : A) (r : tree A) : tree A :=
  let hl := height l in
  let hr := height r in
  if N.ltb (N.add hr 1) hl then
    match l with
    | Tip => node l k v r
    | Node ll lk lv lr _ =>
        if N.leb (height lr) (height ll) then
          match cmp_bytes lk k with
          | Lt => node ll lk lv (node lr k v r)
          | _ => node l k v r
          end
        else
          match lr with
          | Tip => node l k v r
          | Node lrl lrk lrv lrr _ =>
              match cmp_bytes lk lrk, cmp_bytes lrk k with
              | Lt, Lt => node (node ll lk lv lrl) lrk lrv (node lrr k v r)
              | _, _ => node l k v r
              end
          end
    end
  else if N.ltb (N.add hl 1) hr then
    match r with
    | Tip => node l k v r
    | Node rl rk rv rr _ =>
        if N.leb (height rl) (height rr) then
          match cmp_bytes k rk with
          | Lt => node (node l k v rl) rk rv rr
          | _ => node l k v r
          end
        else
          match rl with
          | Tip => node l k v r
          | Node rll rlk rlv rlr _ =>
              match cmp_bytes k rlk, cmp_bytes rlk rk with
              | Lt, Lt => node (node l k v rll) rlk rlv (node rlr rk rv rr)
              | _, _ => node l k v r
              end
          end
    end
  else node l k v r.

(** The value of key [k] in [t]. *)
Fixpoint find_in {A} (k : bytes) (t : tree A) : option A :=
  match t with
  | Tip => None
  | Node l x v r _ =>
      match cmp_bytes k x with
      | Lt => find_in k l
      | Eq => Some v
      | Gt => find_in k r
      end
  end.

(** The path walked so far: each node passed, and whether the walk went left there. *)
Fixpoint rebuild {A} (z : list (tree A * bool)) (t : tree A) : tree A :=
  match z with
  | [] => t
  | f :: z' =>
      match f with
      | (p, went_left) =>
          match p with
          | Tip => rebuild z' t
          | Node l x v r _ => rebuild z' (if went_left then bal t x v r else bal l x v t)
          end
      end
  end.

(** Adds key [k] with value [v] to [t], below the path [z]. *)
Fixpoint descend {A} (k : bytes) (v : A) (t : tree A) (z : list (tree A * bool)) : tree A :=
  match t with
  | Tip => rebuild z (Node Tip k v Tip 1)
  | Node l x w r h =>
      match cmp_bytes k x with
      | Lt => descend k v l ((t, true) :: z)
      | Eq => rebuild z (Node l x v r h)
      | Gt => descend k v r ((t, false) :: z)
      end
  end.

(** ** The hashed trie of buckets *)

(** The hash: [h := (31 * h + b) mod 2^20], starting from 5381, over the key's bytes. *)
Fixpoint hash_from (h : N) (k : bytes) : N :=
  match k with
  | [] => h
  | b :: k' => hash_from (N.land (N.add (N.mul h 31) b) 1048575) k'
  end.

Definition key_hash (k : bytes) : N := hash_from 5381%N k.

(** The bits of the hash that make the path, in order. A map holds this list (built once, by
    [empty]) and every lookup walks it, testing one bit of the hash per level, so neither [find]
    nor [add] builds a path. Four levels (65536 buckets): hex2's 100 000 labels of the 30 MiB
    benchmark average under two keys a bucket, and a label costs four node copies instead of
    five, the deepest of which touch cold cells (the proofs hold for any list). *)
Definition positions : list N := [0; 4; 8; 12]%N.

(** A node has sixteen children, chosen by four bits of the hash, and the bucket of the keys
    whose path ends there. *)
Inductive trie (A : Type) :=
| Empty : trie A
| Fork : trie A -> trie A -> trie A -> trie A -> trie A -> trie A -> trie A -> trie A -> trie A -> trie A -> trie A -> trie A -> trie A -> trie A -> trie A -> trie A -> tree A -> trie A.
Arguments Empty {A}.
Arguments Fork {A} _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _.

(** The bucket at the end of the path of hash [h]: at each level, the four bits of [h] from the
    next position of [ps] on choose the child. *)
Fixpoint trie_get {A} (ps : list N) (h : N) (t : trie A) : tree A :=
  match t with
  | Empty => Tip
  | Fork c0 c1 c2 c3 c4 c5 c6 c7 c8 c9 c10 c11 c12 c13 c14 c15 here =>
      match ps with
      | [] => here
      | p :: ps' =>
      (if N.testbit h (p + 3)
        then (if N.testbit h (p + 2)
          then (if N.testbit h (p + 1)
            then (if N.testbit h p
              then trie_get ps' h c15
              else trie_get ps' h c14)
            else (if N.testbit h p
              then trie_get ps' h c13
              else trie_get ps' h c12))
          else (if N.testbit h (p + 1)
            then (if N.testbit h p
              then trie_get ps' h c11
              else trie_get ps' h c10)
            else (if N.testbit h p
              then trie_get ps' h c9
              else trie_get ps' h c8)))
        else (if N.testbit h (p + 2)
          then (if N.testbit h (p + 1)
            then (if N.testbit h p
              then trie_get ps' h c7
              else trie_get ps' h c6)
            else (if N.testbit h p
              then trie_get ps' h c5
              else trie_get ps' h c4))
          else (if N.testbit h (p + 1)
            then (if N.testbit h p
              then trie_get ps' h c3
              else trie_get ps' h c2)
            else (if N.testbit h p
              then trie_get ps' h c1
              else trie_get ps' h c0))))
      end
  end.

Fixpoint trie_set {A} (ps : list N) (h : N) (x : tree A) (t : trie A) : trie A :=
  match ps with
  | [] => match t with
          | Empty => Fork Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty x
          | Fork c0 c1 c2 c3 c4 c5 c6 c7 c8 c9 c10 c11 c12 c13 c14 c15 _ => Fork c0 c1 c2 c3 c4 c5 c6 c7 c8 c9 c10 c11 c12 c13 c14 c15 x
          end
  | p :: ps' =>
      match t with
      | Empty =>
      (if N.testbit h (p + 3)
        then (if N.testbit h (p + 2)
          then (if N.testbit h (p + 1)
            then (if N.testbit h p
              then (Fork Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty (trie_set ps' h x Empty) Tip)
              else (Fork Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty (trie_set ps' h x Empty) Empty Tip))
            else (if N.testbit h p
              then (Fork Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty (trie_set ps' h x Empty) Empty Empty Tip)
              else (Fork Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty (trie_set ps' h x Empty) Empty Empty Empty Tip)))
          else (if N.testbit h (p + 1)
            then (if N.testbit h p
              then (Fork Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty (trie_set ps' h x Empty) Empty Empty Empty Empty Tip)
              else (Fork Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty (trie_set ps' h x Empty) Empty Empty Empty Empty Empty Tip))
            else (if N.testbit h p
              then (Fork Empty Empty Empty Empty Empty Empty Empty Empty Empty (trie_set ps' h x Empty) Empty Empty Empty Empty Empty Empty Tip)
              else (Fork Empty Empty Empty Empty Empty Empty Empty Empty (trie_set ps' h x Empty) Empty Empty Empty Empty Empty Empty Empty Tip))))
        else (if N.testbit h (p + 2)
          then (if N.testbit h (p + 1)
            then (if N.testbit h p
              then (Fork Empty Empty Empty Empty Empty Empty Empty (trie_set ps' h x Empty) Empty Empty Empty Empty Empty Empty Empty Empty Tip)
              else (Fork Empty Empty Empty Empty Empty Empty (trie_set ps' h x Empty) Empty Empty Empty Empty Empty Empty Empty Empty Empty Tip))
            else (if N.testbit h p
              then (Fork Empty Empty Empty Empty Empty (trie_set ps' h x Empty) Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty Tip)
              else (Fork Empty Empty Empty Empty (trie_set ps' h x Empty) Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty Tip)))
          else (if N.testbit h (p + 1)
            then (if N.testbit h p
              then (Fork Empty Empty Empty (trie_set ps' h x Empty) Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty Tip)
              else (Fork Empty Empty (trie_set ps' h x Empty) Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty Tip))
            else (if N.testbit h p
              then (Fork Empty (trie_set ps' h x Empty) Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty Tip)
              else (Fork (trie_set ps' h x Empty) Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty Empty Tip)))))
      | Fork c0 c1 c2 c3 c4 c5 c6 c7 c8 c9 c10 c11 c12 c13 c14 c15 here =>
      (if N.testbit h (p + 3)
        then (if N.testbit h (p + 2)
          then (if N.testbit h (p + 1)
            then (if N.testbit h p
              then (Fork c0 c1 c2 c3 c4 c5 c6 c7 c8 c9 c10 c11 c12 c13 c14 (trie_set ps' h x c15) here)
              else (Fork c0 c1 c2 c3 c4 c5 c6 c7 c8 c9 c10 c11 c12 c13 (trie_set ps' h x c14) c15 here))
            else (if N.testbit h p
              then (Fork c0 c1 c2 c3 c4 c5 c6 c7 c8 c9 c10 c11 c12 (trie_set ps' h x c13) c14 c15 here)
              else (Fork c0 c1 c2 c3 c4 c5 c6 c7 c8 c9 c10 c11 (trie_set ps' h x c12) c13 c14 c15 here)))
          else (if N.testbit h (p + 1)
            then (if N.testbit h p
              then (Fork c0 c1 c2 c3 c4 c5 c6 c7 c8 c9 c10 (trie_set ps' h x c11) c12 c13 c14 c15 here)
              else (Fork c0 c1 c2 c3 c4 c5 c6 c7 c8 c9 (trie_set ps' h x c10) c11 c12 c13 c14 c15 here))
            else (if N.testbit h p
              then (Fork c0 c1 c2 c3 c4 c5 c6 c7 c8 (trie_set ps' h x c9) c10 c11 c12 c13 c14 c15 here)
              else (Fork c0 c1 c2 c3 c4 c5 c6 c7 (trie_set ps' h x c8) c9 c10 c11 c12 c13 c14 c15 here))))
        else (if N.testbit h (p + 2)
          then (if N.testbit h (p + 1)
            then (if N.testbit h p
              then (Fork c0 c1 c2 c3 c4 c5 c6 (trie_set ps' h x c7) c8 c9 c10 c11 c12 c13 c14 c15 here)
              else (Fork c0 c1 c2 c3 c4 c5 (trie_set ps' h x c6) c7 c8 c9 c10 c11 c12 c13 c14 c15 here))
            else (if N.testbit h p
              then (Fork c0 c1 c2 c3 c4 (trie_set ps' h x c5) c6 c7 c8 c9 c10 c11 c12 c13 c14 c15 here)
              else (Fork c0 c1 c2 c3 (trie_set ps' h x c4) c5 c6 c7 c8 c9 c10 c11 c12 c13 c14 c15 here)))
          else (if N.testbit h (p + 1)
            then (if N.testbit h p
              then (Fork c0 c1 c2 (trie_set ps' h x c3) c4 c5 c6 c7 c8 c9 c10 c11 c12 c13 c14 c15 here)
              else (Fork c0 c1 (trie_set ps' h x c2) c3 c4 c5 c6 c7 c8 c9 c10 c11 c12 c13 c14 c15 here))
            else (if N.testbit h p
              then (Fork c0 (trie_set ps' h x c1) c2 c3 c4 c5 c6 c7 c8 c9 c10 c11 c12 c13 c14 c15 here)
              else (Fork (trie_set ps' h x c0) c1 c2 c3 c4 c5 c6 c7 c8 c9 c10 c11 c12 c13 c14 c15 here)))))
      end
  end.

(** ** Maps *)

(** A map: the bit positions of the trie's paths, and the trie. *)
Definition t (A : Type) := (list N * trie A)%type.
Definition empty {A} : t A := (positions, Empty).
Definition find {A} (k : bytes) (m : t A) : option A :=
  match m with
  | (ps, tr) => find_in k (trie_get ps (key_hash k) tr)
  end.
Definition add {A} (k : bytes) (v : A) (m : t A) : t A :=
  match m with
  | (ps, tr) =>
      let h := key_hash k in
      (ps, trie_set ps h (descend k v (trie_get ps h tr) []) tr)
  end.

(** ** Proofs *)

(** *** Comparing byte strings *)

(** Byte strings in lexicographic order (a proper prefix first): [cmp_bytes] on strings of one
    length. *)
Fixpoint cmp_lex (a b : bytes) : comparison :=
  match a, b with
  | [], [] => Eq
  | [], _ :: _ => Lt
  | _ :: _, [] => Gt
  | x :: a', y :: b' =>
      match N.compare x y with
      | Eq => cmp_lex a' b'
      | Lt => Lt
      | Gt => Gt
      end
  end.

Lemma cmp_lex_eq : forall a b, cmp_lex a b = Eq <-> a = b.
Proof.
  induction a as [|x a IH]; intros [|y b]; simpl; split; intros H; try congruence.
  - destruct (N.compare x y) eqn:C; try discriminate.
    apply N.compare_eq_iff in C; apply IH in H; subst; reflexivity.
  - inversion H; subst; rewrite N.compare_refl; apply IH; reflexivity.
Qed.

Lemma cmp_lex_sym : forall a b, cmp_lex b a = CompOpp (cmp_lex a b).
Proof.
  induction a as [|x a IH]; intros [|y b]; simpl; try reflexivity.
  rewrite (N.compare_antisym x y).
  destruct (N.compare x y); simpl; [apply IH|reflexivity|reflexivity].
Qed.

Lemma cmp_lex_trans : forall a b c,
  cmp_lex a b = Lt -> cmp_lex b c = Lt -> cmp_lex a c = Lt.
Proof.
  induction a as [|x a IH]; intros [|y b] [|z c]; simpl; intros H1 H2; try congruence.
  destruct (N.compare x y) eqn:XY, (N.compare y z) eqn:YZ; try discriminate.
  - apply N.compare_eq_iff in XY; apply N.compare_eq_iff in YZ; subst.
    rewrite N.compare_refl; apply (IH b c); assumption.
  - apply N.compare_eq_iff in XY; subst; rewrite YZ; reflexivity.
  - apply N.compare_eq_iff in YZ; subst; rewrite XY; reflexivity.
  - assert (XZ : (x ?= z)%N = Lt) by exact (N.lt_trans x y z XY YZ).
    rewrite XZ; reflexivity.
Qed.

Lemma cmp_from_spec : forall a b c,
  cmp_from a b c =
  match Nat.compare (length a) (length b) with
  | Eq => match c with Eq => cmp_lex a b | _ => c end
  | d => d
  end.
Proof.
  induction a as [|x a IH]; intros [|y b] c; simpl; try reflexivity.
  - destruct c; reflexivity.
  - rewrite IH; destruct (Nat.compare (length a) (length b)); try reflexivity.
    destruct c; [|reflexivity|reflexivity].
    destruct (N.compare x y); reflexivity.
Qed.

Lemma cmp_bytes_spec : forall a b,
  cmp_bytes a b = match Nat.compare (length a) (length b) with Eq => cmp_lex a b | d => d end.
Proof.
  intros; unfold cmp_bytes; rewrite cmp_from_spec.
  destruct (Nat.compare (length a) (length b)); reflexivity.
Qed.

Lemma cmp_bytes_eq : forall a b, cmp_bytes a b = Eq <-> a = b.
Proof.
  intros a b; rewrite cmp_bytes_spec; split.
  - destruct (Nat.compare (length a) (length b)); try discriminate; apply cmp_lex_eq.
  - intros E; subst; rewrite (proj2 (Nat.compare_eq_iff _ _) eq_refl); apply cmp_lex_eq; reflexivity.
Qed.

Lemma cmp_bytes_refl : forall a, cmp_bytes a a = Eq.
Proof. intros; apply cmp_bytes_eq; reflexivity. Qed.

Lemma cmp_bytes_sym : forall a b, cmp_bytes b a = CompOpp (cmp_bytes a b).
Proof.
  intros a b; rewrite !cmp_bytes_spec, (Nat.compare_antisym (length a) (length b)).
  destruct (Nat.compare (length a) (length b)); simpl; [apply cmp_lex_sym|reflexivity|reflexivity].
Qed.

Lemma cmp_bytes_trans : forall a b c,
  cmp_bytes a b = Lt -> cmp_bytes b c = Lt -> cmp_bytes a c = Lt.
Proof.
  intros a b c; rewrite !cmp_bytes_spec.
  destruct (Nat.compare_spec (length a) (length b)) as [AB|AB|AB];
    destruct (Nat.compare_spec (length b) (length c)) as [BC|BC|BC]; intros H1 H2;
    try discriminate.
  - replace (Nat.compare (length a) (length c)) with Eq by (symmetry; apply Nat.compare_eq_iff; lia).
    apply (cmp_lex_trans a b c); assumption.
  - replace (Nat.compare (length a) (length c)) with Lt by (symmetry; apply Nat.compare_lt_iff; lia).
    reflexivity.
  - replace (Nat.compare (length a) (length c)) with Lt by (symmetry; apply Nat.compare_lt_iff; lia).
    reflexivity.
  - replace (Nat.compare (length a) (length c)) with Lt by (symmetry; apply Nat.compare_lt_iff; lia).
    reflexivity.
Qed.

Lemma cmp_bytes_eqb : forall a b, bytes_eqb a b = match cmp_bytes a b with Eq => true | _ => false end.
Proof.
  intros a b; destruct (cmp_bytes a b) eqn:C.
  - apply cmp_bytes_eq in C; subst; apply bytes_eqb_refl.
  - destruct (bytes_eqb a b) eqn:E; [|reflexivity].
    apply bytes_eqb_eq in E; subst; rewrite cmp_bytes_refl in C; discriminate.
  - destruct (bytes_eqb a b) eqn:E; [|reflexivity].
    apply bytes_eqb_eq in E; subst; rewrite cmp_bytes_refl in C; discriminate.
Qed.

Lemma cmp_lt_lt : forall a b c, cmp_bytes a b = Lt -> cmp_bytes b c = Lt -> cmp_bytes a c = Lt.
Proof. apply cmp_bytes_trans. Qed.

Lemma cmp_lt_gt : forall a b, cmp_bytes a b = Lt -> cmp_bytes b a = Gt.
Proof. intros a b H; rewrite cmp_bytes_sym, H; reflexivity. Qed.

(** *** Rotations keep every lookup *)

(** A lookup ignores heights, and [bal]'s rotations keep the order of the keys: every lookup in
    [bal l x v r] finds what it finds in the node [l, x, v, r]. *)
Lemma find_bal : forall A j l x (v : A) r h, find_in j (bal l x v r) = find_in j (Node l x v r h).
Proof.
  intros A j l x v r h; unfold bal; cbv zeta.
  destruct (N.ltb (N.add (height r) 1) (height l)).
  - destruct l as [|ll lx lv lr lh]; [reflexivity|].
    destruct (N.leb (height lr) (height ll)).
    + destruct (cmp_bytes lx x) eqn:C; try reflexivity.
      simpl; destruct (cmp_bytes j lx) eqn:J1; try reflexivity.
      * apply cmp_bytes_eq in J1; subst j; rewrite C; reflexivity.
      * rewrite (cmp_lt_lt _ _ _ J1 C); reflexivity.
    + destruct lr as [|lrl lrx lrv lrr lrh]; [reflexivity|].
      destruct (cmp_bytes lx lrx) eqn:C1, (cmp_bytes lrx x) eqn:C2; try reflexivity.
      simpl; destruct (cmp_bytes j lrx) eqn:J.
      * apply cmp_bytes_eq in J; subst j; rewrite C2, cmp_lt_gt by assumption; reflexivity.
      * rewrite (cmp_lt_lt _ _ _ J C2); destruct (cmp_bytes j lx); reflexivity.
      * assert (G : cmp_bytes j lx = Gt)
          by (apply cmp_lt_gt, (cmp_lt_lt _ _ _ C1); rewrite cmp_bytes_sym, J; reflexivity).
        rewrite G; destruct (cmp_bytes j x); reflexivity.
  - destruct (N.ltb (N.add (height l) 1) (height r)); [|reflexivity].
    destruct r as [|rl rx rv rr rh]; [reflexivity|].
    destruct (N.leb (height rl) (height rr)).
    + destruct (cmp_bytes x rx) eqn:C; try reflexivity.
      simpl; destruct (cmp_bytes j rx) eqn:J1; try reflexivity.
      * apply cmp_bytes_eq in J1; subst j; rewrite cmp_lt_gt by assumption; reflexivity.
      * assert (G : cmp_bytes j x = Gt)
          by (apply cmp_lt_gt, (cmp_lt_lt _ _ _ C); rewrite cmp_bytes_sym, J1; reflexivity).
        rewrite G; reflexivity.
    + destruct rl as [|rll rlx rlv rlr rlh]; [reflexivity|].
      destruct (cmp_bytes x rlx) eqn:C1, (cmp_bytes rlx rx) eqn:C2; try reflexivity.
      simpl; destruct (cmp_bytes j rlx) eqn:J.
      * apply cmp_bytes_eq in J; subst j.
        rewrite (cmp_lt_gt _ _ C1), C2; reflexivity.
      * rewrite (cmp_lt_lt _ _ _ J C2); destruct (cmp_bytes j x); reflexivity.
      * assert (G : cmp_bytes j x = Gt)
          by (apply cmp_lt_gt, (cmp_lt_lt _ _ _ C1); rewrite cmp_bytes_sym, J; reflexivity).
        rewrite G; destruct (cmp_bytes j rx); reflexivity.
Qed.

(** *** Adding, recursively *)

(** [descend] without its path: the subtree that replaces [t]. *)
Fixpoint ins {A} (k : bytes) (v : A) (t : tree A) : tree A :=
  match t with
  | Tip => Node Tip k v Tip 1
  | Node l x w r h =>
      match cmp_bytes k x with
      | Lt => bal (ins k v l) x w r
      | Eq => Node l x v r h
      | Gt => bal l x w (ins k v r)
      end
  end.

Lemma descend_ins : forall A k (v : A) t z, descend k v t z = rebuild z (ins k v t).
Proof.
  intros A k v t; induction t as [|l IHl x w r IHr h]; intros z; [reflexivity|].
  simpl; destruct (cmp_bytes k x); [reflexivity| |]; [rewrite IHl|rewrite IHr]; reflexivity.
Qed.

Lemma find_ins : forall A (t : tree A) j k v,
  find_in j (ins k v t) = if bytes_eqb j k then Some v else find_in j t.
Proof.
  intros A t j k v; rewrite cmp_bytes_eqb.
  induction t as [|l IHl x w r IHr h].
  - simpl; destruct (cmp_bytes j k); reflexivity.
  - simpl ins; destruct (cmp_bytes k x) eqn:KX.
    + apply cmp_bytes_eq in KX; subst x; simpl.
      destruct (cmp_bytes j k); reflexivity.
    + rewrite (find_bal _ _ _ _ _ _ h); simpl; rewrite IHl.
      destruct (cmp_bytes j x) eqn:JX; [|reflexivity|].
      * apply cmp_bytes_eq in JX; subst j; rewrite (cmp_lt_gt _ _ KX); reflexivity.
      * destruct (cmp_bytes j k) eqn:JK; try reflexivity.
        apply cmp_bytes_eq in JK; subst j; rewrite KX in JX; discriminate.
    + rewrite (find_bal _ _ _ _ _ _ h); simpl; rewrite IHr.
      destruct (cmp_bytes j x) eqn:JX; [| |reflexivity].
      * apply cmp_bytes_eq in JX; subst j.
        rewrite cmp_bytes_sym, KX; reflexivity.
      * destruct (cmp_bytes j k) eqn:JK; try reflexivity.
        apply cmp_bytes_eq in JK; subst j; rewrite KX in JX; discriminate.
Qed.

(** *** The trie *)

Lemma trie_get_leaf : forall A ps h, @trie_get A ps h Empty = Tip.
Proof. destruct ps; reflexivity. Qed.

(** Whether two hashes lead along the same path. *)
Definition same_bit (h h' p : N) : bool := Bool.eqb (N.testbit h p) (N.testbit h' p).

Fixpoint same_path (ps : list N) (h h' : N) : bool :=
  match ps with
  | [] => true
  | p :: ps' =>
      same_bit h h' p && same_bit h h' (p + 1) && same_bit h h' (p + 2) &&
      same_bit h h' (p + 3) && same_path ps' h h'
  end.

Lemma same_path_refl : forall ps h, same_path ps h h = true.
Proof.
  induction ps as [|p ps IH]; intros h; simpl; [reflexivity|].
  unfold same_bit; rewrite IH, !Bool.eqb_reflx; reflexivity.
Qed.

Lemma trie_get_same : forall A ps h h' (m : trie A),
  same_path ps h h' = true -> trie_get ps h m = trie_get ps h' m.
Proof.
  induction ps as [|p ps IH]; intros h h' m S; destruct m; simpl in *; try reflexivity.
  unfold same_bit in S.
  repeat match goal with
         | S : _ && _ = true |- _ => apply andb_prop in S; destruct S as [S ?E]
         | E : Bool.eqb _ _ = true |- _ => apply Bool.eqb_prop in E; rewrite E; clear E
         end.
  repeat match goal with |- context [if ?b then _ else _] => destruct b end;
    apply IH; assumption.
Qed.

Lemma trie_get_set : forall A ps h h' x (m : trie A),
  trie_get ps h (trie_set ps h' x m) = if same_path ps h h' then x else trie_get ps h m.
Proof.
  induction ps as [|p ps IH]; intros h h' x m.
  - destruct m; reflexivity.
  - simpl; unfold same_bit.
    destruct (N.testbit h' p), (N.testbit h' (p + 1)), (N.testbit h' (p + 2)),
      (N.testbit h' (p + 3)), (N.testbit h p), (N.testbit h (p + 1)), (N.testbit h (p + 2)),
      (N.testbit h (p + 3)), m; simpl; rewrite ?IH, ?trie_get_leaf; try reflexivity;
      destruct (same_path ps h h'); reflexivity.
Qed.

(** *** The map *)

Theorem find_empty : forall A k, @find A k empty = None.
Proof. intros; unfold find, empty; rewrite trie_get_leaf; reflexivity. Qed.

(** The latest binding of a key wins; other keys keep their values. *)
Theorem find_add : forall A k k' (v : A) m,
  find k (add k' v m) = if bytes_eqb k k' then Some v else find k m.
Proof.
  intros A k k' v [ps tr]; unfold find, add; cbv zeta.
  rewrite trie_get_set.
  destruct (same_path ps (key_hash k) (key_hash k')) eqn:S.
  - rewrite descend_ins; cbn [rebuild]; rewrite find_ins.
    rewrite (trie_get_same _ ps (key_hash k) (key_hash k') tr S); reflexivity.
  - destruct (bytes_eqb k k') eqn:K; [|reflexivity].
    apply bytes_eqb_eq in K; subst k'; rewrite same_path_refl in S; discriminate.
Qed.
