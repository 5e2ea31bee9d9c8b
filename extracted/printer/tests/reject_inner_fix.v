(* expect: a local fixpoint (inner fix) in Tests.reject_inner_fix.run *)
From Coq Require Import NArith List.
Definition run (input : list N) : list N :=
  (fix go (l acc : list N) := match l with nil => acc | cons x l' => go l' (cons x acc) end) input nil.
