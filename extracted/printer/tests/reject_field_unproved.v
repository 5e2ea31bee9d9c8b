(** A record fields lemma left unproved says nothing about the names: the printer refuses the
    block (here the names are swapped, which Coq would not prove). *)
(* expect: a record fields lemma is not proved *)
From Coq Require Import NArith List.
Import ListNotations.

Record p := mk_p { pa : N; pb : N }.

(* BEGIN record fields *)
Lemma p_fields (r : p) : r = mk_p (pb r) (pa r).
Admitted.
(* END record fields *)

Definition run (input : list N) : list N := pa (mk_p 1 2) :: input.
