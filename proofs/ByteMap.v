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

Definition key_path (k : bytes) : list bool :=
  let h := hash_from 5381 k in
  [N.testbit h 0; N.testbit h 1; N.testbit h 2; N.testbit h 3; N.testbit h 4;
   N.testbit h 5; N.testbit h 6; N.testbit h 7; N.testbit h 8; N.testbit h 9;
   N.testbit h 10; N.testbit h 11; N.testbit h 12; N.testbit h 13; N.testbit h 14;
   N.testbit h 15; N.testbit h 16; N.testbit h 17; N.testbit h 18; N.testbit h 19].

Inductive trie (A : Type) :=
| Leaf : trie A
| Node : trie A -> list (bytes * A) -> trie A -> trie A.
Arguments Leaf {A}.
Arguments Node {A} _ _ _.

Fixpoint trie_get {A} (path : list bool) (t : trie A) : list (bytes * A) :=
  match t with
  | Leaf => []
  | Node l here r =>
      match path with
      | [] => here
      | true :: p => trie_get p r
      | false :: p => trie_get p l
      end
  end.

Fixpoint trie_set {A} (path : list bool) (x : list (bytes * A)) (t : trie A) : trie A :=
  match path with
  | [] => match t with
          | Leaf => Node Leaf x Leaf
          | Node l _ r => Node l x r
          end
  | true :: p => match t with
                 | Leaf => Node Leaf [] (trie_set p x Leaf)
                 | Node l here r => Node l here (trie_set p x r)
                 end
  | false :: p => match t with
                  | Leaf => Node (trie_set p x Leaf) [] Leaf
                  | Node l here r => Node (trie_set p x l) here r
                  end
  end.

Fixpoint bucket_find {A} (k : bytes) (b : list (bytes * A)) : option A :=
  match b with
  | [] => None
  | (k', v) :: b' => if bytes_eqb k k' then Some v else bucket_find k b'
  end.

Definition t (A : Type) := trie A.
Definition empty {A} : t A := Leaf.
Definition find {A} (k : bytes) (m : t A) : option A := bucket_find k (trie_get (key_path k) m).
Definition add {A} (k : bytes) (v : A) (m : t A) : t A :=
  let p := key_path k in trie_set p ((k, v) :: trie_get p m) m.

Lemma trie_get_leaf : forall A p, @trie_get A p Leaf = [].
Proof. destruct p; reflexivity. Qed.

Lemma trie_get_set : forall A (p q : list bool) x (m : trie A),
  trie_get p (trie_set q x m) = if list_eq_dec bool_dec p q then x else trie_get p m.
Proof.
  intros A p q; revert p.
  induction q as [|c q IH]; intros p x m.
  - destruct p as [|d p]; destruct m as [|l h r]; simpl; try reflexivity;
      destruct d; rewrite ?trie_get_leaf; reflexivity.
  - destruct p as [|d p].
    + destruct c, m; reflexivity.
    + destruct c, d, m as [|l h r]; simpl; rewrite ?IH, ?trie_get_leaf;
        repeat match goal with
               | |- context [list_eq_dec bool_dec ?a ?b] =>
                   destruct (list_eq_dec bool_dec a b); subst
               end;
        try congruence; rewrite ?trie_get_leaf; reflexivity.
Qed.

Theorem find_empty : forall A k, @find A k empty = None.
Proof. intros; unfold find, empty; rewrite trie_get_leaf; reflexivity. Qed.

Theorem find_add : forall A k k' (v : A) m,
  find k (add k' v m) = if bytes_eqb k k' then Some v else find k m.
Proof.
  intros A k k' v m; unfold find, add.
  assert (Same : k = k' -> key_path k = key_path k') by (intros; subst; reflexivity).
  revert Same; generalize (key_path k) as p; generalize (key_path k') as q; intros q p Same.
  rewrite trie_get_set.
  destruct (list_eq_dec bool_dec p q) as [E|E].
  - subst q; reflexivity.
  - destruct (bytes_eqb k k') eqn:K; [|reflexivity].
    apply bytes_eqb_eq in K; apply Same in K; contradiction.
Qed.
