(* Layout: how a value of a Coq inductive type is held in C++.

   [bool] is C++ [bool]; an inductive whose constructors take no argument is an [enum class]; one
   with a single constructor is a record, a struct of its fields held by value; any other is a
   variant, a handle whose reference-counted cell holds the fields of its constructor. The
   printer (Cpp) and its copy-avoiding rules (Moves, Params, Projections) all decide by this. *)

open Miniml

type kind = Kbool | Kenum | Krecord | Kvariant

let kind ind =
  if ind.ind_key = "bool" then Kbool
  else if List.for_all (fun (_, a) -> a = []) ind.ind_ctors then Kenum
  else if List.length ind.ind_ctors = 1 then Krecord
  else Kvariant

(* A type with its abbreviations expanded. *)
let rec unalias (g : Infer.globals) t =
  match Infer.expand g t with Some t' -> unalias g t' | None -> Infer.repr t

(* A number, a boolean or an enumeration: moving one is copying it. *)
let rec plain (g : Infer.globals) t =
  match Infer.repr t with
  | Tglob (("rt::N" | "rt::Z" | "bool" | "rt::unit" | "rt::comparison"), _) -> true
  | Tglob (n, _) as t' ->
      (match Hashtbl.find_opt g.inductives n with
       | Some ind -> kind ind = Kenum || kind ind = Kbool
       | None -> (match Infer.expand g t' with Some t'' -> plain g t'' | None -> false))
  | _ -> false
