(** Two projections whose C++ names would be the same ([a'] and [a_] both print as [a_]): the
    printer refuses to print the record rather than rename one of them silently. *)
(* expect: the fields of Tests.reject_field_names.twins would not have distinct names in C++ (a_) *)
From Coq Require Import NArith List.
Import ListNotations.

Record twins := mk_twins { a' : N; a_ : N }.

(* BEGIN record fields *)
Lemma twins_fields (r : twins) : r = mk_twins (a' r) (a_ r).
Proof. destruct r; reflexivity. Qed.
(* END record fields *)

Definition both (t : twins) (l : list N) : list N := a' t :: a_ t :: l.

Definition run (input : list N) : list N := both (mk_twins 1 2) input.
