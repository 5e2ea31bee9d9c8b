(** Arithmetic: every N/Z primitive of extracted/Extract.v at the edges of Coq's semantics
    (truncating N.sub, Z.modulo with the divisor's sign, modulo by zero, shifts by large counts,
    bitwise operations on negative Z). A Z shift by a negative count stops the C++ (the bounds
    theorems show the core never shifts by one), so none is made here. The input is ignored; a Z result is encoded as an N (2z or 2|z|-1).
    Shift counts stay below 2000 (64 and 1000 are past every 64-bit edge): Coq's own [N.shiftr]
    halves once per count, and the OCaml extraction would spend a minute on 10^9. *)
From Coq Require Import NArith ZArith List Bool.
Import ListNotations.
Local Open Scope N_scope.

Definition enc (z : Z) : N := if Z.ltb z 0 then Z.to_N (Z.sub (Z.mul (-2) z) 1) else Z.to_N (Z.mul 2 z).

Definition zs : list Z := ([-7; -6; -1; 0; 1; 2; 5; 7; 64; -64; 1000000007; -1000000007])%Z.
Definition ns : list N := [0; 1; 2; 3; 7; 8; 255; 256; 1000; 1000000007].

Fixpoint z_pairs (op : N) (a : Z) (bs : list Z) (acc : list N) : list N :=
  match bs with
  | [] => acc
  | b :: bs' =>
      let r :=
        if N.eqb op 0 then enc (Z.modulo a b) else
        if N.eqb op 1 then enc (Z.land a b) else
        if N.eqb op 2 then enc (Z.lor a b) else
        if N.eqb op 3 then (if andb (Z.ltb b 2000) (Z.leb 0 b) then enc (Z.shiftr a b) else 9) else
        if N.eqb op 4 then (if andb (Z.ltb b 20) (Z.leb 0 b) then enc (Z.shiftl a b) else 9) else
        if N.eqb op 5 then enc (Z.sub (Z.add a b) (Z.mul a 3)) else
        if N.eqb op 6 then (if Z.eqb a b then 0 else if Z.ltb a b then 1 else if Z.leb a b then 2 else 3) else
        enc (Z.opp (if Z.leb a 5 then b else a))
      in z_pairs op a bs' (r :: acc)
  end.

Fixpoint z_table (op : N) (as_ : list Z) (acc : list N) : list N :=
  match as_ with
  | [] => acc
  | a :: as' => z_table op as' (z_pairs op a zs acc)
  end.

Fixpoint n_pairs (op : N) (a : N) (bs : list N) (acc : list N) : list N :=
  match bs with
  | [] => acc
  | b :: bs' =>
      let r :=
        if N.eqb op 0 then N.sub a b else
        if N.eqb op 1 then N.modulo a b else
        if N.eqb op 2 then N.land a b else
        if N.eqb op 3 then N.lor a b else
        if N.eqb op 4 then N.lxor a b else
        if N.eqb op 5 then (if N.testbit a b then 1 else 0) else
        if N.eqb op 6 then (if N.ltb b 2000 then N.shiftr a b else 9) else
        if N.eqb op 7 then (if N.ltb b 20 then N.shiftl a b else 9) else
        if N.eqb op 8 then enc (Z.sub (Z.of_N a) (Z.of_N b)) else
        if N.eqb op 9 then N.add (N.mul a b) (N.pred b) else
        N.max a (if andb (N.leb a b) (orb (negb (N.eqb a b)) false) then 1 else 0)
      in n_pairs op a bs' (r :: acc)
  end.

Fixpoint n_table (op : N) (as_ : list N) (acc : list N) : list N :=
  match as_ with
  | [] => acc
  | a :: as' => n_table op as' (n_pairs op a ns acc)
  end.

Definition z_ops : list N := [0; 1; 2; 3; 4; 5; 6; 7].
Definition n_ops : list N := [0; 1; 2; 3; 4; 5; 6; 7; 8; 9; 10].

Fixpoint all_z (ops : list N) (acc : list N) : list N :=
  match ops with [] => acc | op :: ops' => all_z ops' (z_table op zs acc) end.
Fixpoint all_n (ops : list N) (acc : list N) : list N :=
  match ops with [] => acc | op :: ops' => all_n ops' (n_table op ns acc) end.

Definition run (input : list N) : list N := all_n n_ops (all_z z_ops (match input with [] => [] | _ => [7] end)).
