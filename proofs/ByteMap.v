(** * ByteMap: finite maps keyed by byte strings, as a hashed binary trie. *)

(** Label and macro tables of the executable core. The low 16 bits of a key's 20-bit hash lead
    through a trie of sixteen-way nodes, four bits per level (four levels), to a bucket, an
    association list searched front to back. [add] puts the new binding in front, so the latest binding of a key wins,
    exactly like the association lists of the specification. The only property users need is
    [find_add]. Every operation recurses at most 4 levels deep (the path) or along one key or one
    bucket, and none builds a path: the bit positions are a list made once, by [empty], and kept
    in the map. *)

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
    nor [add] builds a path. Four levels (65536 buckets): hex2's 100 000 labels of the 30 MiB
    benchmark average under two keys a bucket, and a label costs four node copies instead of
    five, the deepest of which touch cold cells (the proofs hold for any list). *)
Definition positions : list N := [0; 4; 8; 12]%N.

(** A node has sixteen children, chosen by four bits of the hash, and the bucket of the keys
    whose path ends there. *)
Inductive trie (A : Type) :=
| Leaf : trie A
| Node : trie A -> trie A -> trie A -> trie A -> trie A -> trie A -> trie A -> trie A -> trie A -> trie A -> trie A -> trie A -> trie A -> trie A -> trie A -> trie A -> list (bytes * A) -> trie A.
Arguments Leaf {A}.
Arguments Node {A} _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _.

(** The bucket at the end of the path of hash [h]: at each level, the four bits of [h] from the
    next position of [ps] on choose the child. *)
Fixpoint trie_get {A} (ps : list N) (h : N) (t : trie A) : list (bytes * A) :=
  match t with
  | Leaf => []
  | Node c0 c1 c2 c3 c4 c5 c6 c7 c8 c9 c10 c11 c12 c13 c14 c15 here =>
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

Fixpoint trie_set {A} (ps : list N) (h : N) (x : list (bytes * A)) (t : trie A) : trie A :=
  match ps with
  | [] => match t with
          | Leaf => Node Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf x
          | Node c0 c1 c2 c3 c4 c5 c6 c7 c8 c9 c10 c11 c12 c13 c14 c15 _ => Node c0 c1 c2 c3 c4 c5 c6 c7 c8 c9 c10 c11 c12 c13 c14 c15 x
          end
  | p :: ps' =>
      match t with
      | Leaf =>
      (if N.testbit h (p + 3)
        then (if N.testbit h (p + 2)
          then (if N.testbit h (p + 1)
            then (if N.testbit h p
              then (Node Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf (trie_set ps' h x Leaf) [])
              else (Node Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf (trie_set ps' h x Leaf) Leaf []))
            else (if N.testbit h p
              then (Node Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf (trie_set ps' h x Leaf) Leaf Leaf [])
              else (Node Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf (trie_set ps' h x Leaf) Leaf Leaf Leaf [])))
          else (if N.testbit h (p + 1)
            then (if N.testbit h p
              then (Node Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf (trie_set ps' h x Leaf) Leaf Leaf Leaf Leaf [])
              else (Node Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf (trie_set ps' h x Leaf) Leaf Leaf Leaf Leaf Leaf []))
            else (if N.testbit h p
              then (Node Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf (trie_set ps' h x Leaf) Leaf Leaf Leaf Leaf Leaf Leaf [])
              else (Node Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf (trie_set ps' h x Leaf) Leaf Leaf Leaf Leaf Leaf Leaf Leaf []))))
        else (if N.testbit h (p + 2)
          then (if N.testbit h (p + 1)
            then (if N.testbit h p
              then (Node Leaf Leaf Leaf Leaf Leaf Leaf Leaf (trie_set ps' h x Leaf) Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf [])
              else (Node Leaf Leaf Leaf Leaf Leaf Leaf (trie_set ps' h x Leaf) Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf []))
            else (if N.testbit h p
              then (Node Leaf Leaf Leaf Leaf Leaf (trie_set ps' h x Leaf) Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf [])
              else (Node Leaf Leaf Leaf Leaf (trie_set ps' h x Leaf) Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf [])))
          else (if N.testbit h (p + 1)
            then (if N.testbit h p
              then (Node Leaf Leaf Leaf (trie_set ps' h x Leaf) Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf [])
              else (Node Leaf Leaf (trie_set ps' h x Leaf) Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf []))
            else (if N.testbit h p
              then (Node Leaf (trie_set ps' h x Leaf) Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf [])
              else (Node (trie_set ps' h x Leaf) Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf Leaf [])))))
      | Node c0 c1 c2 c3 c4 c5 c6 c7 c8 c9 c10 c11 c12 c13 c14 c15 here =>
      (if N.testbit h (p + 3)
        then (if N.testbit h (p + 2)
          then (if N.testbit h (p + 1)
            then (if N.testbit h p
              then (Node c0 c1 c2 c3 c4 c5 c6 c7 c8 c9 c10 c11 c12 c13 c14 (trie_set ps' h x c15) here)
              else (Node c0 c1 c2 c3 c4 c5 c6 c7 c8 c9 c10 c11 c12 c13 (trie_set ps' h x c14) c15 here))
            else (if N.testbit h p
              then (Node c0 c1 c2 c3 c4 c5 c6 c7 c8 c9 c10 c11 c12 (trie_set ps' h x c13) c14 c15 here)
              else (Node c0 c1 c2 c3 c4 c5 c6 c7 c8 c9 c10 c11 (trie_set ps' h x c12) c13 c14 c15 here)))
          else (if N.testbit h (p + 1)
            then (if N.testbit h p
              then (Node c0 c1 c2 c3 c4 c5 c6 c7 c8 c9 c10 (trie_set ps' h x c11) c12 c13 c14 c15 here)
              else (Node c0 c1 c2 c3 c4 c5 c6 c7 c8 c9 (trie_set ps' h x c10) c11 c12 c13 c14 c15 here))
            else (if N.testbit h p
              then (Node c0 c1 c2 c3 c4 c5 c6 c7 c8 (trie_set ps' h x c9) c10 c11 c12 c13 c14 c15 here)
              else (Node c0 c1 c2 c3 c4 c5 c6 c7 (trie_set ps' h x c8) c9 c10 c11 c12 c13 c14 c15 here))))
        else (if N.testbit h (p + 2)
          then (if N.testbit h (p + 1)
            then (if N.testbit h p
              then (Node c0 c1 c2 c3 c4 c5 c6 (trie_set ps' h x c7) c8 c9 c10 c11 c12 c13 c14 c15 here)
              else (Node c0 c1 c2 c3 c4 c5 (trie_set ps' h x c6) c7 c8 c9 c10 c11 c12 c13 c14 c15 here))
            else (if N.testbit h p
              then (Node c0 c1 c2 c3 c4 (trie_set ps' h x c5) c6 c7 c8 c9 c10 c11 c12 c13 c14 c15 here)
              else (Node c0 c1 c2 c3 (trie_set ps' h x c4) c5 c6 c7 c8 c9 c10 c11 c12 c13 c14 c15 here)))
          else (if N.testbit h (p + 1)
            then (if N.testbit h p
              then (Node c0 c1 c2 (trie_set ps' h x c3) c4 c5 c6 c7 c8 c9 c10 c11 c12 c13 c14 c15 here)
              else (Node c0 c1 (trie_set ps' h x c2) c3 c4 c5 c6 c7 c8 c9 c10 c11 c12 c13 c14 c15 here))
            else (if N.testbit h p
              then (Node c0 (trie_set ps' h x c1) c2 c3 c4 c5 c6 c7 c8 c9 c10 c11 c12 c13 c14 c15 here)
              else (Node (trie_set ps' h x c0) c1 c2 c3 c4 c5 c6 c7 c8 c9 c10 c11 c12 c13 c14 c15 here)))))
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
