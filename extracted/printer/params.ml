(* Params: how a printed function takes each of its parameters.

   A function that does not loop takes every parameter by const reference. A function that
   loops (a Fixpoint whose self tail calls Cpp prints as [continue] in a [for (;;)]) assigns its
   parameters at every self tail call, so it takes them by value, with two exceptions that avoid
   a copy:
   - a parameter passed on unchanged at every self tail call is never assigned: it is taken by
     const reference ([kept_always]; a number, boolean or enumeration stays a value);
   - a parameter the loop only walks down, replacing it by itself or by a field bound by
     matching it, is taken by const reference and walked by a const pointer ([descending]).
   Both are safe because values are immutable and the caller keeps its argument alive for the
   whole call. Callers need the same answer ([modes]), for they move only into parameters taken
   by value. *)

open Miniml

let rec self_tail_call self = function
  | Call (f, _, _) -> f = self
  | Case (_, _, bs, _) -> List.exists (fun (_, b) -> self_tail_call self b) bs
  | Let (_, _, _, b) -> self_tail_call self b
  | _ -> false

(* Does the definition loop (call itself in tail position)? *)
let loops (f : fundef) = f.fun_fix && self_tail_call f.fun_key f.fun_body

(* Does a match on a value of type [t] bind its fields by reference into the value's own
   storage or its cells? All do but a list of numbers (whose head and tail are a fresh value,
   see [fresh_fields] in Cpp); numbers, booleans and enumerations bind nothing. *)
let in_cell (g : Infer.globals) t =
  match Layout.unalias g t with
  | Tglob ("rt::list", [ e ]) -> (match Layout.unalias g e with Tglob ("rt::N", []) -> false | _ -> true)
  | Tglob (("rt::N" | "rt::Z" | "rt::positive" | "bool" | "rt::unit" | "rt::comparison"), _) -> false
  | Tglob (n, _) ->
      (match Hashtbl.find_opt g.inductives n with
       | Some ind -> Layout.kind ind = Kvariant || Layout.kind ind = Krecord
       | None -> false)
  | _ -> false

(* The parameters a loop only walks down: at every self tail call the new value of [p] is [p]
   or a field bound by matching [p] (or such a field, again) through cells. Such a parameter is
   taken by const reference and walked by a pointer ([const T* p]), since every cell it reaches
   is kept alive by the argument the caller passed (cells never change): no count is touched
   at each step. *)
let descending (g : Infer.globals) (f : fundef) =
  let ps, _ = Infer.split_arrows f.fun_type in
  let walk p =
    let ok = ref true in
    let rec go d ~tail ex =
      match ex with
      | Rel _ | Lit_N _ | Lit_Z _ | Impossible _ -> ()
      | Call (h, args, _) ->
          if tail && h = f.fun_key then
            List.iteri (fun i a ->
                if List.nth f.fun_params i = p then
                  match a with Rel y when List.mem y d -> () | _ -> ok := false) args;
          List.iter (go d ~tail:false) args
      | Ctor (_, args, _) -> List.iter (go d ~tail:false) args
      | Case (sc, rs, bs, _) ->
          go d ~tail:false sc;
          let inside = match sc with Rel z -> List.mem z d && in_cell g !rs | _ -> false in
          List.iter (fun (pat, b) ->
              let bound = match pat with Pctor (_, xs) -> List.filter_map (fun x -> x) xs | Pwild -> [] in
              let d' = List.filter (fun y -> not (List.mem y bound)) d in
              go (if inside then bound @ d' else d') ~tail b) bs
      | Let (y, v, _, b) -> go d ~tail:false v; go (List.filter (fun z -> z <> y) d) ~tail b
    in
    go [ p ] ~tail:true f.fun_body;
    !ok
  in
  if not (loops f) then []
  else
    List.filter_map (fun (p, t) -> if p <> "_" && in_cell g t && walk p then Some p else None)
      (List.combine f.fun_params ps)

(* Is [p] passed on unchanged at every self tail call in [ex]? *)
let rec kept_always (f : fundef) p ~tail ex =
  match ex with
  | Rel _ | Lit_N _ | Lit_Z _ | Impossible _ -> true
  | Call (h, args, _) ->
      (not (tail && h = f.fun_key)
       || List.for_all2 (fun q a -> q <> p || a = Rel p) f.fun_params args)
      && List.for_all (kept_always f p ~tail:false) args
  | Ctor (_, args, _) -> List.for_all (kept_always f p ~tail:false) args
  | Case (sc, _, bs, _) ->
      kept_always f p ~tail:false sc
      && List.for_all (fun (pat, b) ->
          (match pat with Pctor (_, xs) -> List.mem (Some p) xs | Pwild -> false)
          || kept_always f p ~tail b) bs
  | Let (y, v, _, b) -> kept_always f p ~tail:false v && (y = p || kept_always f p ~tail b)

(* The parameters, other than numbers, booleans and enumerations, that a loop passes on
   unchanged: never assigned, so taken by const reference. *)
let kept (g : Infer.globals) (f : fundef) =
  let ps, _ = Infer.split_arrows f.fun_type in
  List.filter_map (fun (p, t) ->
      if p <> "_" && not (Layout.plain g t) && kept_always f p ~tail:true f.fun_body then Some p else None)
    (List.combine f.fun_params ps)

type mode = By_value | By_reference | By_pointer

(* How the function takes each of its parameters, in order. *)
let modes (g : Infer.globals) (f : fundef) =
  let loop = loops f in
  let kept = if loop then kept g f else [] in
  let desc = descending g f in
  List.map (fun p ->
      if List.mem p kept then By_reference
      else if List.mem p desc then By_pointer
      else if loop then By_value
      else By_reference) f.fun_params
