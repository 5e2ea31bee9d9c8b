(** Loops over a long input: self tail calls become loops, so none of these uses stack per
    element (the C++ run also uses 10^7 elements). Builds, reverses and folds long lists. *)
From Coq Require Import NArith List.
Import ListNotations.

Fixpoint rev_acc (l acc : list N) : list N :=
  match l with [] => acc | x :: l' => rev_acc l' (x :: acc) end.

Fixpoint sum_mod (l : list N) (s : N) : N :=
  match l with [] => s | x :: l' => sum_mod l' (N.modulo (N.add (N.mul s 31) x) 1000000007) end.

(* Keeps every element whose index is odd, doubled; two accumulators. *)
Fixpoint odd_doubled (l : list N) (odd : bool) (acc : list N) : list N :=
  match l with
  | [] => acc
  | x :: l' => if odd then odd_doubled l' false (N.mul 2 x :: acc) else odd_doubled l' true acc
  end.

Fixpoint count (l : list N) (n : N) : N := match l with [] => n | _ :: l' => count l' (N.add n 1) end.

Definition run (input : list N) : list N :=
  let r := rev_acc input [] in
  let d := odd_doubled r false [] in
  [count input 0; sum_mod input 0; sum_mod r 0; count d 0; sum_mod d 0].
