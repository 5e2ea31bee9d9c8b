(* expect: mutual fixpoint *)
From Coq Require Import NArith List.
Fixpoint evens (l : list N) : list N := match l with nil => nil | cons x l' => cons x (odds l') end
with odds (l : list N) : list N := match l with nil => nil | cons _ l' => evens l' end.
Definition run (input : list N) : list N := evens input.
