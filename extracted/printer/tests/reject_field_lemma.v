(** A record fields lemma must be exactly [r = C (p1 r) ... (pn r)]: the printer reads only that
    shape, so anything else (here a conjunction) is refused rather than half read. *)
(* expect: the record fields lemma p_fields is not of the form *)
From Coq Require Import NArith List.
Import ListNotations.

Record p := mk_p { pa : N; pb : N }.

(* BEGIN record fields *)
Lemma p_fields (r : p) : r = mk_p (pa r) (pb r) /\ True.
Proof. split; [destruct r; reflexivity | exact I]. Qed.
(* END record fields *)

Definition run (input : list N) : list N := pa (mk_p 1 2) :: input.
