(** Record fields named after their Coq projections (extracted/printer/fields.ml): a record
    listed in the record fields block below gets the projections' names in its C++ struct (a
    C++ keyword and a primed name made identifiers, a name that is also the module's namespace
    given a [_]); a polymorphic record; records nested in a record, read through projections and
    matches inside a loop that moves them; a record left out of the block keeps [f0, f1, ...].
    Each [expect-cpp] line is text the printed header must contain, written by hand from
    extracted/SUBSET.md. *)
From Coq Require Import NArith List.
Import ListNotations.
Local Open Scope N_scope.

Record point := mk_point { int : N; y' : N; records : list N }.
Record pair_of (A : Type) := mk_pair_of { first : A; second : A }.
Arguments mk_pair_of {A} _ _. Arguments first {A} _. Arguments second {A} _.
Record segment := mk_segment { start : point; stop : point }.
Record tally := mk_tally { t_sum : N; t_max : N }.
Record state := mk_state { seg : segment; seen : pair_of (list N); count : tally }.

(* BEGIN record fields *)
(** [tally] is left out on purpose. *)
Lemma point_fields (r : point) : r = mk_point (int r) (y' r) (records r).
Proof. destruct r; reflexivity. Qed.

Lemma pair_of_fields A (r : pair_of A) : r = mk_pair_of (first r) (second r).
Proof. destruct r; reflexivity. Qed.

Lemma segment_fields (r : segment) : r = mk_segment (start r) (stop r).
Proof. destruct r; reflexivity. Qed.

Lemma state_fields (r : state) : r = mk_state (seg r) (seen r) (count r).
Proof. destruct r; reflexivity. Qed.
(* END record fields *)

(* expect-cpp: rt::N int_{}; *)
(* expect-cpp: rt::N y_{}; *)
(* expect-cpp: rt::list<rt::N> records_{}; *)
(* expect-cpp: A first{}; *)
(* expect-cpp: records::point stop{}; *)
(* expect-cpp: records::pair_of<rt::list<rt::N>> seen{}; *)
(* expect-cpp: rt::N f1{}; *)
(* expect-cpp: // Fields in constructor order: no record fields lemma names them *)
(* expect-cpp: return p.y_; *)

Definition move_point (p : point) (d : N) : point :=
  mk_point (N.add (int p) d) (y' p) (d :: records p).

Definition height (p : point) : N := y' p.

Definition bump (t : tally) (x : N) : tally :=
  match t with mk_tally s m => mk_tally (N.add s x) (N.max m x) end.

Fixpoint walk (l : list N) (s : state) : state :=
  match l with
  | [] => s
  | x :: l' =>
      match seg s with
      | mk_segment a b =>
          if N.eqb (N.modulo x 2) 0
          then walk l' (mk_state (mk_segment (move_point a x) b)
                          (mk_pair_of (x :: first (seen s)) (second (seen s))) (bump (count s) x))
          else walk l' (mk_state (mk_segment b (move_point a 1))
                          (mk_pair_of (first (seen s)) (int (stop (seg s)) :: second (seen s)))
                          (count s))
      end
  end.

Fixpoint rev_onto (l acc : list N) : list N :=
  match l with [] => acc | x :: l' => rev_onto l' (x :: acc) end.

Definition cat (a b : list N) : list N := rev_onto (rev_onto a []) b.

Definition run (input : list N) : list N :=
  let s := walk input (mk_state (mk_segment (mk_point 1 2 []) (mk_point 3 4 [5]))
                         (mk_pair_of [] []) (mk_tally 0 0)) in
  let a := start (seg s) in
  let b := stop (seg s) in
  int a :: height a :: int b :: y' b :: t_sum (count s) :: t_max (count s) :: 1000 ::
  cat (records a) (1001 :: cat (records b) (1002 :: cat (first (seen s)) (1003 :: second (seen s)))).
