(** Inductive shapes and the printer's statement forms: an enumeration, a record, a polymorphic
    variant, option and pairs, nested matches, a match and a let in argument position, a
    polymorphic function whose type argument is only known from its result ([nil]), bounded
    (non-tail) recursion, names that are C++ keywords or contain primes. *)
From Coq Require Import NArith ZArith List Bool.
Import ListNotations.
Local Open Scope N_scope.

Inductive colour := red | green | blue.
Record point := mk_point { px : N; py : Z; pc : colour }.
Inductive tree (A : Type) := Leaf | Node (l : tree A) (x : A) (r : tree A).
Arguments Leaf {A}. Arguments Node {A} _ _ _.

Definition colour_code (c : colour) : N := match c with red => 1 | green => 2 | blue => 3 end.
Definition next (c : colour) : colour := match c with red => green | green => blue | blue => red end.

Fixpoint insert (x : N) (t : tree N) : tree N :=
  match t with
  | Leaf => Node Leaf x Leaf
  | Node l y r => if N.ltb x y then Node (insert x l) y r else Node l y (insert x r)
  end.

(* Bounded recursion: the depth of the tree. *)
Fixpoint depth {A} (t : tree A) : N :=
  match t with Leaf => 0 | Node l _ r => N.add (N.max (depth l) (depth r)) 1 end.

Fixpoint to_list {A} (t : tree A) (acc : list A) : list A :=
  match t with Leaf => acc | Node l x r => to_list l (x :: to_list r acc) end.

Fixpoint build (l : list N) (t : tree N) : tree N :=
  match l with [] => t | x :: l' => build l' (insert (N.modulo x 97) t) end.

Definition empty_list {A} : list A := [].

Fixpoint find_pair {A} (k : N) (l : list (N * A)) : option A :=
  match l with [] => None | (k', v) :: l' => if N.eqb k k' then Some v else find_pair k l' end.

Definition default (new : N) (int : option N) : N := match int with Some x => x | None => new end.

Definition shift' (p : point) : point :=
  let p' := mk_point (N.add (px p) 1) (Z.sub (py p) 3) (next (pc p)) in
  match pc p' with blue => mk_point (px p') (Z.opp (py p')) blue | _ => p' end.

Fixpoint walk (n : list N) (p : point) (acc : list N) : list N :=
  match n with
  | [] => acc
  | _ :: n' => walk n' (shift' p) (px p :: Z.to_N (if Z.ltb (py p) 0 then Z.opp (py p) else py p) :: colour_code (pc p) :: acc)
  end.

(* Not tail recursive: bounded by the length of the first list (short here). *)
Fixpoint cat (a b : list N) : list N := match a with [] => b | x :: a' => x :: cat a' b end.

Definition code_of (o : option colour) : option N :=
  match o with Some c => Some (colour_code c) | None => None end.

Definition run (input : list N) : list N :=
  let t := build input Leaf in
  let pairs := [(1, green); (5, blue); (7, red)] in
  let e : list N := empty_list in
  cat [depth t; default 3 (code_of (find_pair 5 pairs)); default 3 (code_of (find_pair 4 pairs));
       colour_code (match find_pair 7 pairs with Some c => next c | None => blue end)]
  (cat (to_list t e)
  (cat (walk [0; 0; 0; 0; 0] (mk_point 10 (-4) red) [])
       [default 4 (if N.ltb (depth t) 3 then None
                   else Some (N.add (match input with [] => 0 | x :: _ => x end) 1))])).
