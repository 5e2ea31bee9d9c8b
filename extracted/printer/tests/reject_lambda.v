(* expect: application of something that is not a global function (higher-order code) in Tests.reject_lambda.twice *)
From Coq Require Import NArith List.
Import ListNotations.
Definition twice (f : N -> N) (x : N) : N := f (f x).
Definition run (input : list N) : list N := match input with [] => [] | x :: _ => [twice (fun y => N.add y 1) x] end.
