(** * ByteMap: finite maps keyed by byte strings, as a hashed binary trie. *)

(** Label and macro tables of the executable core. A key's 20-bit hash, read as a path of 20
    booleans, leads through a binary trie to a bucket, an association list searched front to back.
    [add] puts the new binding in front, so the latest binding of a key wins, exactly like the
    association lists of the specification. The only property users need is [find_add]. Every
    operation recurses at most 20 levels deep (the path) or along one key or one bucket. *)

From Coq Require Import NArith List Bool.
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

(** The hash: [h := (31 * h + b) mod 2^20], starting from 5381, over the key's bytes. *)
Fixpoint hash_from (h : N) (k : bytes) : N :=
  match k with
  | [] => h
  | b :: k' => hash_from (N.land (N.add (N.mul h 31) b) 1048575) k'
  end.

Definition key_hash (k : bytes) : N := hash_from 5381%N k.

(** The bits of the hash that make the path, in order. A map holds this list (built once, by
    [empty]) and every lookup walks it, testing one bit of the hash per level, so neither [find]
    nor [add] builds a path. *)
Definition positions : list N :=
  [0; 1; 2; 3; 4; 5; 6; 7; 8; 9; 10; 11; 12; 13; 14; 15; 16; 17; 18; 19]%N.

Inductive trie (A : Type) :=
| Leaf : trie A
| Node : trie A -> list (bytes * A) -> trie A -> trie A.
Arguments Leaf {A}.
Arguments Node {A} _ _ _.

Fixpoint trie_get {A} (ps : list N) (h : N) (t : trie A) : list (bytes * A) :=
  match t with
  | Leaf => []
  | Node l here r =>
      match ps with
      | [] => here
      | p :: ps' => if N.testbit h p then trie_get ps' h r else trie_get ps' h l
      end
  end.

Fixpoint trie_set {A} (ps : list N) (h : N) (x : list (bytes * A)) (t : trie A) : trie A :=
  match ps with
  | [] => match t with
          | Leaf => Node Leaf x Leaf
          | Node l _ r => Node l x r
          end
  | p :: ps' =>
      if N.testbit h p then
        match t with
        | Leaf => Node Leaf [] (trie_set ps' h x Leaf)
        | Node l here r => Node l here (trie_set ps' h x r)
        end
      else
        match t with
        | Leaf => Node (trie_set ps' h x Leaf) [] Leaf
        | Node l here r => Node (trie_set ps' h x l) here r
        end
  end.

Fixpoint bucket_find {A} (k : bytes) (b : list (bytes * A)) : option A :=
  match b with
  | [] => None
  | (k', v) :: b' => if bytes_eqb k k' then Some v else bucket_find k b'
  end.

(** A map: the bit positions of its paths, and the trie. *)
Definition t (A : Type) := (list N * trie A)%type.
Definition empty {A} : t A := (positions, Leaf).
Definition find {A} (k : bytes) (m : t A) : option A :=
  match m with
  | (ps, tr) => bucket_find k (trie_get ps (key_hash k) tr)
  end.
Definition add {A} (k : bytes) (v : A) (m : t A) : t A :=
  match m with
  | (ps, tr) =>
      let h := key_hash k in
      (ps, trie_set ps h ((k, v) :: trie_get ps h tr) tr)
  end.

Lemma trie_get_leaf : forall A ps h, @trie_get A ps h Leaf = [].
Proof. destruct ps; reflexivity. Qed.

(** Whether two hashes lead along the same path. *)
Fixpoint same_path (ps : list N) (h h' : N) : bool :=
  match ps with
  | [] => true
  | p :: ps' => Bool.eqb (N.testbit h p) (N.testbit h' p) && same_path ps' h h'
  end.

Lemma same_path_refl : forall ps h, same_path ps h h = true.
Proof.
  induction ps as [|p ps IH]; intros h; simpl; [reflexivity|].
  rewrite IH, Bool.eqb_reflx; reflexivity.
Qed.

Lemma trie_get_same : forall A ps h h' (m : trie A),
  same_path ps h h' = true -> trie_get ps h m = trie_get ps h' m.
Proof.
  induction ps as [|p ps IH]; intros h h' m S; destruct m as [|l x r]; simpl in *;
    try reflexivity.
  apply andb_prop in S; destruct S as [E S]; apply Bool.eqb_prop in E; rewrite E.
  destruct (N.testbit h' p); apply IH; exact S.
Qed.

Lemma trie_get_set : forall A ps h h' x (m : trie A),
  trie_get ps h (trie_set ps h' x m) = if same_path ps h h' then x else trie_get ps h m.
Proof.
  induction ps as [|p ps IH]; intros h h' x m.
  - destruct m; reflexivity.
  - simpl. destruct (N.testbit h' p), (N.testbit h p), m as [|l y r]; simpl;
      rewrite ?IH, ?trie_get_leaf; try reflexivity;
      destruct (same_path ps h h'); reflexivity.
Qed.

Theorem find_empty : forall A k, @find A k empty = None.
Proof. intros; unfold find, empty; rewrite trie_get_leaf; reflexivity. Qed.

Theorem find_add : forall A k k' (v : A) m,
  find k (add k' v m) = if bytes_eqb k k' then Some v else find k m.
Proof.
  intros A k k' v [ps tr]; unfold find, add; rewrite trie_get_set.
  destruct (same_path ps (key_hash k) (key_hash k')) eqn:S.
  - simpl. destruct (bytes_eqb k k'); [reflexivity|].
    rewrite (trie_get_same A ps (key_hash k) (key_hash k') tr S); reflexivity.
  - destruct (bytes_eqb k k') eqn:K; [|reflexivity].
    apply bytes_eqb_eq in K; subst k'. rewrite same_path_refl in S; discriminate.
Qed.
