(* Infer: first-order type inference over one definition.

   MiniML JSON gives the type of every top-level definition but not of the expressions inside it.
   The C++ printer writes every local variable and every polymorphic call with its type spelled
   out, so this module recovers those types by unification (no generalisation: the subset has
   no local polymorphism). A type variable nothing constrains is printed as rt::unit; by
   parametricity the value computed does not depend on it. *)

open Miniml

type globals = {
  inductives : (string, inductive) Hashtbl.t;
  ctors : (string, inductive * int * ty list) Hashtbl.t;
  aliases : (string, string list * ty) Hashtbl.t;
  funs : (string, ty) Hashtbl.t;                 (* project functions and runtime primitives *)
  library : (string, unit) Hashtbl.t;            (* names of library modules *)
  by_value : (string, bool list) Hashtbl.t;      (* project function -> which parameters it takes by value (Cpp.param_modes) *)
}

let counter = ref 0
let fresh () = incr counter; Tmeta (ref (Unbound !counter))

let rec repr = function Tmeta { contents = Link t } -> repr t | t -> t

let rec subst s = function
  | Tparam p -> (try List.assoc p s with Not_found -> Tparam p)
  | Tglob (n, a) -> Tglob (n, List.map (subst s) a)
  | Tarrow (a, b) -> Tarrow (subst s a, subst s b)
  | Tmeta { contents = Link t } -> subst s t
  | Tmeta _ as t -> t

(* The type parameters of a function type, in the order the C++ template lists them. *)
let type_params ty =
  let rec go acc = function
    | Tparam p -> if List.mem p acc then acc else p :: acc
    | Tglob (_, a) -> List.fold_left go acc a
    | Tarrow (a, b) -> go (go acc a) b
    | Tmeta _ -> acc
  in
  List.sort (fun a b -> compare (String.length a, a) (String.length b, b)) (go [] ty)

let rec split_arrows = function Tarrow (a, r) -> let ps, res = split_arrows r in (a :: ps, res) | t -> ([], t)

let rec show t =
  match repr t with
  | Tglob (n, []) -> n
  | Tglob (n, a) -> n ^ "<" ^ String.concat ", " (List.map show a) ^ ">"
  | Tparam p -> p
  | Tarrow (a, b) -> show a ^ " -> " ^ show b
  | Tmeta _ -> "_"

let expand g t =
  match repr t with
  | Tglob (n, args) when Hashtbl.mem g.aliases n ->
      let ps, body = Hashtbl.find g.aliases n in
      if List.length ps <> List.length args then fail "type abbreviation %s used with a wrong arity" n;
      Some (subst (List.combine ps args) body)
  | _ -> None

let rec occurs r t =
  match repr t with
  | Tmeta r' -> r == r'
  | Tglob (_, a) -> List.exists (occurs r) a
  | Tarrow (a, b) -> occurs r a || occurs r b
  | Tparam _ -> false

let rec unify g ~where a b =
  match repr a, repr b with
  | Tmeta r1, Tmeta r2 when r1 == r2 -> ()
  | Tmeta r, t | t, Tmeta r ->
      if occurs r t then fail "recursive type in %s" where;
      r := Link t
  | Tparam x, Tparam y when x = y -> ()
  | Tglob (n, xs), Tglob (m, ys) when n = m && List.length xs = List.length ys ->
      List.iter2 (unify g ~where) xs ys
  | ta, tb ->
      (match expand g ta, expand g tb with
       | Some ta', _ -> unify g ~where ta' tb
       | None, Some tb' -> unify g ~where ta tb'
       | None, None -> fail "type mismatch in %s: %s against %s" where (show ta) (show tb))

let module_of_key k = match String.index_opt k '.' with Some i -> String.sub k 0 i | None -> ""

let fun_type g ~where k =
  match Hashtbl.find_opt g.funs k with
  | Some t -> t
  | None ->
      if Hashtbl.mem g.library (module_of_key k) then
        fail "%s uses %s from Coq's library, which is not in the subset: map it to a runtime \
              primitive in extracted/Extract.v or write it as a project Fixpoint" where k
      else fail "%s uses %s, which is not a known definition" where k

let instantiate params t =
  let s = List.map (fun p -> (p, fresh ())) params in
  (List.map snd s, subst s t)

let rec infer g ~where env e =
  match e with
  | Rel x -> (try List.assoc x env with Not_found -> fail "unbound variable %s in %s" x where)
  | Lit_N _ -> Tglob ("rt::N", [])
  | Lit_Z _ -> Tglob ("rt::Z", [])
  | Call (f, args, inst) ->
      let t = fun_type g ~where f in
      let metas, t = instantiate (type_params t) t in
      let ps, res = split_arrows t in
      if List.length ps <> List.length args then
        fail "%s applies %s to %d arguments, but it takes %d (no partial application)" where f
          (List.length args) (List.length ps);
      List.iter2 (fun p a -> unify g ~where p (infer g ~where env a)) ps args;
      inst := metas;
      res
  | Ctor (c, args, r) ->
      let ind, _, argtys = ctor g ~where c in
      let s = List.map (fun p -> (p, fresh ())) ind.ind_params in
      if List.length argtys <> List.length args then fail "constructor %s partially applied in %s" c where;
      List.iter2 (fun p a -> unify g ~where (subst s p) (infer g ~where env a)) argtys args;
      let t = Tglob (ind.ind_key, List.map snd s) in
      r := t;
      t
  | Case (scrut, r, branches, rr) ->
      let ts = infer g ~where env scrut in
      r := ts;
      let result = fresh () in
      List.iter (fun (p, body) ->
          let env' =
            match p with
            | Pwild -> env
            | Pctor (c, binders) ->
                let ind, _, argtys = ctor g ~where c in
                let s = List.map (fun p -> (p, fresh ())) ind.ind_params in
                unify g ~where (Tglob (ind.ind_key, List.map snd s)) ts;
                if List.length binders <> List.length argtys then fail "pattern %s has a wrong arity in %s" c where;
                List.fold_left2 (fun env b t -> match b with Some x -> (x, subst s t) :: env | None -> env)
                  env binders argtys
          in
          unify g ~where result (infer g ~where env' body))
        branches;
      rr := result;
      result
  | Let (x, v, r, body) ->
      let tv = infer g ~where env v in
      r := tv;
      infer g ~where ((x, tv) :: env) body
  | Impossible r -> let t = fresh () in r := t; t

and ctor g ~where c =
  match Hashtbl.find_opt g.ctors c with
  | Some x -> x
  | None -> fail "unknown constructor %s in %s" c where

(* Infers the types inside one definition, checking it against its declared type. *)
let infer_fun g ~where (f : fundef) =
  let ps, res = split_arrows f.fun_type in
  let env = List.combine f.fun_params ps in
  let t = infer g ~where (List.rev env) f.fun_body in
  unify g ~where res t
