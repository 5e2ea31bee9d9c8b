(* Moves: the move rule, which variables the printer reads with [std::move].

   Values are immutable, so copying one is always correct; moving one ([std::move(x)], which
   leaves [x] empty) is correct only if [x] is never read again. The printer moves at the two
   places after which the function's locals are dead: the new argument values of a self tail
   call (then [continue]), and the expression of a [return]. There, [movable] picks the
   variables [x] such that
   - [x] is owned ([path]): a local, a parameter taken by value, or a field of one through
     records held by value; at a self tail call its object is not a parameter that keeps its
     value (a parameter passed unchanged is not assigned, so it must stay intact);
   - [x] occurs exactly once in the expressions printed there, and no other variable occurring
     in them overlaps it (the same object, or a field above or below [x] in it; a reference into
     a shared cell overlaps all of its object). So the one read of [x] is the last read of
     anything in [x], in whatever order C++ evaluates the arguments.
   Such an [x] is printed [std::move(x)] where it is an argument of a call or constructor, or
   the whole new argument value (a moved variable is read exactly where it is printed). A field
   bound by a [match] on an owned record is bound by a non-const reference so that it can be
   moved; all other bound fields stay const references. Cpp records the path of every variable
   it declares and prints what [movable] returns. *)

open Miniml

(* What a C++ variable of the function refers to: the object [root] (a parameter or a local
   variable of the function) and the record fields [fields] that lead from it to the variable
   ([x.a.b] is root [x], fields [a; b]). [owned]: the variable is that object itself or a field
   of it through records held by value, and the object is owned by this function (a local, or a
   parameter taken by value), so moving from it disturbs nobody else. Otherwise
   ([owned = false]) the variable is a const reference into something that may be shared (a
   parameter taken by const reference, a reference-counted cell or a list node); [fields] then
   ends with ["*"], which overlaps every path below it. *)
type path = { root : string; fields : string list; owned : bool }

let overlap a b =
  let rec go xs ys =
    match xs, ys with
    | [], _ | _, [] -> true
    | "*" :: _, _ | _, "*" :: _ -> true
    | x :: xs', y :: ys' -> x = y && go xs' ys'
  in
  a.root = b.root && go a.fields b.fields

(* The free variables of an expression, one element per occurrence. *)
let rec free_occurrences = function
  | Rel y -> [ y ]
  | Lit_N _ | Lit_Z _ | Impossible _ -> []
  | Call (_, args, _) | Ctor (_, args, _) -> List.concat_map free_occurrences args
  | Case (s, _, bs, _) ->
      free_occurrences s @ List.concat_map (fun (p, b) ->
          let bound = match p with Pctor (_, bs) -> List.filter_map (fun b -> b) bs | Pwild -> [] in
          List.filter (fun y -> not (List.mem y bound)) (free_occurrences b)) bs
  | Let (y, v, _, b) -> free_occurrences v @ List.filter (fun z -> z <> y) (free_occurrences b)

(* The C++ variables to move in [exprs], the expressions printed at one self tail call or
   [return]. [env]: Coq variable -> (C++ variable, type); [path_of]: the path of a C++ variable;
   [allowed]: whether a variable of that root may be moved at all. Numbers, booleans and
   enumerations are never moved (moving them is copying them). *)
let movable (g : Infer.globals) ~path_of env ~allowed exprs =
  let cname x = try Some (fst (List.assoc x env)) with Not_found -> None in
  let heavy x' = List.exists (fun (_, (y', t)) -> y' = x' && not (Layout.plain g t)) env in
  let occ = List.map cname (List.concat_map free_occurrences exprs) in
  let ok x' =
    match path_of x' with
    | Some p when p.owned && allowed p.root ->
        List.length (List.filter (( = ) (Some x')) occ) = 1
        && List.for_all (fun y -> match y with
            | Some y' when y' = x' -> true
            | Some y' -> (match path_of y' with Some q -> not (overlap p q) | None -> false)
            | None -> false) occ
    | _ -> false
  in
  List.sort_uniq compare (List.filter (fun x' -> heavy x' && ok x') (List.filter_map (fun y -> y) occ))
