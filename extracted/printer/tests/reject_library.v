(* expect: Tests.reject_library.run uses List.rev from Coq's library *)
From Coq Require Import NArith List.
Definition run (input : list N) : list N := List.rev input.
