(* expect: a match on N, Z or positive in Tests.reject_match_n.run *)
From Coq Require Import NArith List.
Definition run (input : list N) : list N := match input with nil => nil | cons x _ => match x with N0 => nil | Npos _ => cons x nil end end.
