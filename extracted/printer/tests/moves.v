(** The move rule (extracted/printer/cpp.ml, [movable]): at a self tail call and at a [return]
    the printer moves an owned variable read once there, and nothing that another read there
    overlaps. Each loop below would give a wrong answer (an emptied list read again) if the
    printer moved too much: swapped accumulators, a variable passed twice, a record whose field
    is moved while another field is read, a list read after a binder taken from it, a parameter
    passed on unchanged while a field of it is read (by a function, or into a new list), and a
    field returned from an owned record. *)
From Coq Require Import NArith List.
Import ListNotations.
Local Open Scope N_scope.

Fixpoint rev_onto (l acc : list N) : list N :=
  match l with [] => acc | x :: l' => rev_onto l' (x :: acc) end.

Definition cat (a b : list N) : list N := rev_onto (rev_onto a []) b.

Definition take2 (l : list N) : list N :=
  match l with x :: y :: _ => [x; y] | _ => l end.

Record st := mk_st { s_acc : list N; s_other : list N; s_n : N }.

(* BEGIN record fields *)
(** The move rule tells fields apart by their printed names ([s.s_acc], [s.s_other]). *)
Lemma st_fields (r : st) : r = mk_st (s_acc r) (s_other r) (s_n r).
Proof. destruct r; reflexivity. Qed.
(* END record fields *)

(* Two accumulators swapped at every step. *)
Fixpoint swap_loop (l a b : list N) : list N * list N :=
  match l with
  | [] => (a, b)
  | x :: l' => swap_loop l' (x :: b) a
  end.

(* The same accumulator passed twice: neither occurrence may be moved. *)
Fixpoint twice (l a b : list N) : list N :=
  match l with
  | [] => a
  | x :: l' => if N.eqb (N.modulo x 50) 0 then twice l' (x :: a) (x :: a) else twice l' a (x :: b)
  end.

Definition step (x : N) (s : st) : st :=
  if N.ltb x 128 then mk_st (x :: s_acc s) (s_other s) (N.add (s_n s) 1)
  else mk_st (s_acc s) (x :: s_other s) (s_n s).

(* A record state built by a function and taken apart in the loop: its fields may be moved
   one by one. *)
Fixpoint rec_loop (l : list N) (s : st) : st :=
  match l with
  | [] => s
  | x :: l' =>
      match step x s with
      | mk_st acc other n => rec_loop l' (mk_st other acc n)
      end
  end.

(* A field of the state is read next to the state itself: no move of [s]. What [keep] gets from
   [s_other s] stays in it to the end (a wrong move of [other] would lose it). *)
Fixpoint overlap_loop (l : list N) (s : st) (keep : list N) : list N :=
  match l with
  | [] => cat keep (s_acc s)
  | x :: l' =>
      match s with
      | mk_st acc other n =>
          if N.eqb (N.modulo x 7) 0 then overlap_loop l' (mk_st (x :: acc) other n) (s_other s)
          else overlap_loop l' s (cat (take2 acc) keep)
      end
  end.

(* [s] is passed on unchanged in one branch, where a field of it goes into a new list: that field
   must be copied, not moved (it is read again by the next round), though [s] is taken by value
   (the other branch changes it). *)
Fixpoint kept_record_loop (l : list N) (s : st) (acc : list N) : list N :=
  match l with
  | [] => cat acc (s_acc s)
  | x :: l' =>
      match s with
      | mk_st a o n =>
          if N.eqb (N.modulo x 5) 0 then kept_record_loop l' s (x :: a)
          else kept_record_loop l' (mk_st (x :: a) o n) acc
      end
  end.

(* [l] is passed on unchanged in one branch while its tail was taken in the other. *)
Fixpoint keep_loop (l : list N) (fuel : list N) (acc : list N) : list N :=
  match fuel with
  | [] => acc
  | _ :: fuel' =>
      match l with
      | [] => acc
      | x :: l' => if N.eqb (N.modulo x 3) 0 then keep_loop l fuel' (x :: acc) else keep_loop l' fuel' acc
      end
  end.

(* Walks by pointer ([Cpp.descending]): a tree walked down one path, a list of lists walked
   along, sometimes staying in place; [other] is replaced by a value not taken from it, so it
   stays an owned copy; [k] is passed on unchanged everywhere (taken by const reference). *)
Inductive tree := Tip | Fork (l : tree) (x : N) (r : tree).

Fixpoint grow (l : list N) (t : tree) : tree :=
  match l with
  | [] => t
  | x :: l' => grow l' (if N.eqb (N.modulo x 2) 0 then Fork t x Tip else Fork Tip x t)
  end.

Fixpoint path_sum (bits : list N) (t : tree) (acc : N) : N :=
  match t with
  | Tip => acc
  | Fork l x r =>
      match bits with
      | [] => N.add acc x
      | b :: bits' => if N.eqb (N.modulo b 2) 0 then path_sum bits' l (N.add acc x) else path_sum bits' r (N.add acc x)
      end
  end.

Fixpoint lens (k : N) (ls : list (list N)) (other : list (list N)) (fuel : list N) (acc : list N)
    : list N :=
  match fuel with
  | [] => acc
  | f :: fuel' =>
      match ls with
      | [] => acc
      | l :: ls' =>
          if N.eqb (N.modulo f 5) 0 then lens k ls [[k]] fuel' (N.add k f :: acc)
          else lens k ls' (l :: other) fuel' (match l with [] => acc | x :: _ => x :: acc end)
      end
  end.

Fixpoint chunks (l : list N) (cur : list N) (acc : list (list N)) : list (list N) :=
  match l with
  | [] => cur :: acc
  | x :: l' => if N.eqb (N.modulo x 4) 0 then chunks l' [x] (cur :: acc) else chunks l' (x :: cur) acc
  end.

Definition second (s : st) : list N := match s with mk_st _ other _ => other end.

Definition run (input : list N) : list N :=
  match swap_loop input [] [1] with (pa, pb) =>
  let s := rec_loop input (mk_st [] [2] 0) in
  cat pa (1000 :: cat pb (1001 :: cat (twice input [] []) (1002 :: cat (s_acc s)
    (1003 :: cat (second s) (s_n s :: 1004 :: cat (overlap_loop input (mk_st [5] [6] 0) [])
    (1005 :: cat (keep_loop input input []) (1006 :: path_sum input (grow input Tip) 0 :: 1007
     :: cat (lens 9 (chunks input [] []) [] input []) (1008 :: kept_record_loop input (mk_st [7] [8] 0) []))))))))
  end.
