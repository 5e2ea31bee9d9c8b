(* Projections: a [match] on a record whose one branch returns one of the fields it binds is
   printed as the field access ([x.cs_pos]; [x.f2] for a record whose fields have no names)
   rather than as a local copy of the field. Nothing else changes: the value is the same field
   of the same record. *)

open Miniml

(* [Some (scrutinee, constructor, index of the field)] for such a match. *)
let projection (g : Infer.globals) ex =
  match ex with
  | Case (scrut, _, [ (Pctor (k, binders), Rel y) ], _) ->
      (match Hashtbl.find_opt g.ctors k with
       | Some (ind, _, _) when Layout.kind ind = Krecord ->
           let idx = List.filteri (fun _ b -> b = Some y) binders in
           if List.length idx <> 1 then None
           else
             let rec find i = function
               | [] -> None
               | b :: bs -> if b = Some y then Some (scrut, k, i) else find (i + 1) bs in
             find 0 binders
       | _ -> None)
  | _ -> None
