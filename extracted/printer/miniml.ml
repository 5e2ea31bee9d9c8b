(* Miniml: the accepted subset of Coq's MiniML JSON, and the conversion from JSON into it.

   Every JSON construct the printer accepts has one arm in [ty_of_json], [expr_of_json] or
   [decl_of_json]; every other construct stops the printer with [Unsupported], naming the
   construct and the Coq definition it occurs in. Nothing here is an optimisation. *)

exception Unsupported of string

let fail fmt = Printf.ksprintf (fun s -> raise (Unsupported s)) fmt

(* Types. [Tglob] names a global type by its key (see [key]); [Tparam] is a type parameter
   (of an inductive or of a polymorphic function); [Tmeta] only appears during inference. *)
type ty =
  | Tglob of string * ty list
  | Tparam of string
  | Tarrow of ty * ty
  | Tmeta of meta ref
and meta = Unbound of int | Link of ty

type pat =
  | Pctor of string * string option list (* constructor key; one binder per argument, None for _ *)
  | Pwild

(* Expressions. The [ref]s are filled by type inference (module Infer). *)
type expr =
  | Rel of string
  | Lit_N of int                       (* an N literal (a closed tree of N/positive constructors) *)
  | Lit_Z of int                       (* a Z literal *)
  | Call of string * expr list * ty list ref   (* full application of a global; [] for a constant *)
  | Ctor of string * expr list * ty ref        (* constructor application; ref: its type *)
  | Case of expr * ty ref * (pat * expr) list * ty ref   (* refs: the scrutinee's and the result's type *)
  | Let of string * expr * ty ref * expr
  | Impossible of ty ref                        (* an absurd branch (extraction's MLexn) *)

type inductive = {
  ind_key : string;
  ind_params : string list;
  ind_ctors : (string * ty list) list;          (* constructor key and argument types *)
}

type fundef = {
  fun_key : string;
  fun_type : ty;
  fun_params : string list;
  fun_body : expr;
  fun_fix : bool;                               (* a Fixpoint: may call itself *)
}

type decl =
  | Dind of inductive
  | Dalias of string * string list * ty         (* type abbreviation *)
  | Dfun of fundef
  | Dprim of string * ty                        (* a runtime primitive (Extract Inlined Constant) *)

type modul = { mod_name : string; mod_uses : string list; mod_decls : decl list }

(* Names. Inside a module JSON, a global is written unqualified when it is local ("find"),
   qualified when it is not ("ByteMap.find"), and verbatim when Extract.v realised it
   ("rt::n_add", and C++'s own "bool", "true", "false"). [key] turns all three into one key. *)
let is_custom name =
  name = "bool" || name = "true" || name = "false"
  || (String.length name > 4 && String.sub name 0 4 = "rt::")

let key modname name =
  if is_custom name || String.contains name '.' then name else modname ^ "." ^ name

(* Reading JSON. *)
module J = Yojson.Safe.Util

let field name j = try J.member name j with J.Type_error _ -> `Null
let str name j =
  match field name j with `String s -> s | _ -> fail "malformed JSON: missing string %S" name
let lst name j = match field name j with `List l -> l | _ -> fail "malformed JSON: missing list %S" name
let what j = str "what" j

let rec ty_of_json ~where modname j =
  match what j with
  | "type:glob" -> Tglob (key modname (str "name" j), List.map (ty_of_json ~where modname) (lst "args" j))
  | "type:var" -> Tparam (str "name" j)
  | "type:varidx" ->
      (match field "name" j with
       | `Int i -> Tparam (Printf.sprintf "T%d" i)
       | _ -> fail "malformed JSON: type:varidx in %s" where)
  | "type:arrow" -> Tarrow (ty_of_json ~where modname (field "left" j), ty_of_json ~where modname (field "right" j))
  | "type:dummy" -> fail "an erased type (a proof or a type argument) occurs in the type of %s" where
  | "type:unknown" -> fail "a type extraction could not compute occurs in %s" where
  | "type:axiom" -> fail "an axiomatised type occurs in %s" where
  | w -> fail "unsupported type construct %s in %s" w where

(* N, Z and positive are realised as checked 64-bit integers: their constructors may only build
   literals, folded here. The constructor order is Coq's (BinNums). *)
let max_literal = 1 lsl 61

let rec positive_value ~where ctor_info j =
  let fold v = if v > max_literal then fail "literal too large (>= 2^61) in %s" where else v in
  match what j with
  | "expr:constructor" ->
      (match ctor_info (str "name" j), lst "args" j with
       | Some ("rt::positive", 0), [p] -> fold (2 * positive_value ~where ctor_info p + 1)
       | Some ("rt::positive", 1), [p] -> fold (2 * positive_value ~where ctor_info p)
       | Some ("rt::positive", 2), [] -> 1
       | _ -> fail "a positive number that is not a literal in %s" where)
  | _ -> fail "a positive number that is not a literal in %s (N, Z and positive may not be built or \
               matched, only written as literals)" where

let rec expr_of_json ~where ~ctor_info modname j =
  let sub = expr_of_json ~where ~ctor_info modname in
  match what j with
  | "expr:rel" -> Rel (str "name" j)
  | "expr:global" -> Call (key modname (str "name" j), [], ref [])
  | "expr:apply" ->
      let args = List.map sub (lst "args" j) in
      (match sub (field "func" j) with
       | Call (g, [], _) -> Call (g, args, ref [])
       | Call (g, first, _) -> Call (g, first @ args, ref [])
       | _ -> fail "application of something that is not a global function (higher-order code) in %s" where)
  | "expr:constructor" ->
      let c = key modname (str "name" j) in
      let args = lst "args" j in
      (match ctor_info c, args with
       | Some ("rt::N", 0), [] -> Lit_N 0
       | Some ("rt::N", 1), [p] -> Lit_N (positive_value ~where ctor_info p)
       | Some ("rt::Z", 0), [] -> Lit_Z 0
       | Some ("rt::Z", 1), [p] -> Lit_Z (positive_value ~where ctor_info p)
       | Some ("rt::Z", 2), [p] -> Lit_Z (- (positive_value ~where ctor_info p))
       | Some (("rt::N" | "rt::Z" | "rt::positive"), _), _ ->
           fail "a constructor of N, Z or positive used on a non-literal in %s" where
       | Some _, _ -> Ctor (c, List.map sub args, ref (Tparam "?"))
       | None, _ -> fail "unknown constructor %s in %s" c where)
  | "expr:case" ->
      let scrut = sub (field "expr" j) in
      let branch b =
        let p = field "pat" b in
        let pat =
          match what p with
          | "pat:constructor" ->
              let c = key modname (str "name" p) in
              (match ctor_info c with
               | Some (("rt::N" | "rt::Z" | "rt::positive"), _) ->
                   fail "a match on N, Z or positive in %s (use the comparison functions)" where
               | _ -> ());
              let binder a = match a with `String "_" -> None | `String s -> Some s
                                          | _ -> fail "malformed pattern in %s" where in
              Pctor (c, List.map binder (lst "argnames" p))
          | "pat:wild" -> Pwild
          | w -> fail "unsupported pattern %s in %s (only constructor patterns and _)" w where
        in
        (pat, sub (field "body" b))
      in
      Case (scrut, ref (Tparam "?"), List.map branch (lst "cases" j), ref (Tparam "?"))
  | "expr:let" -> Let (str "name" j, sub (field "nameval" j), ref (Tparam "?"), sub (field "body" j))
  | "expr:exception" -> Impossible (ref (Tparam "?"))
  | "expr:lambda" -> fail "a function used as a value (lambda) in %s: the subset is first-order" where
  | "expr:fix" -> fail "a local fixpoint (inner fix) in %s: write it as a top-level Fixpoint" where
  | "expr:dummy" -> fail "an erased argument (a proof or a type) is passed in %s" where
  | "expr:coerce" -> fail "an unsafe coercion (Obj.magic) in %s: the definition is not simply typed" where
  | "expr:axiom" -> fail "an axiom is used in %s" where
  | "expr:tuple" -> fail "a tuple in %s" where
  | w -> fail "unsupported expression construct %s in %s" w where

let rec arity = function Tarrow (_, r) -> 1 + arity r | _ -> 0

let fun_of_json ~ctor_info ~fix ~qualify modname j =
  let name = str "name" j in
  let k = key modname name in
  let where = qualify k in
  let ty = ty_of_json ~where modname (field "type" j) in
  let v = field "value" j in
  let params, body =
    match what v with
    | "expr:lambda" ->
        (List.map (function `String s -> s | _ -> fail "malformed lambda in %s" where) (lst "argnames" v),
         expr_of_json ~where ~ctor_info modname (field "body" v))
    | _ -> ([], expr_of_json ~where ~ctor_info modname v)
  in
  let n = arity ty in
  if List.length params > n then fail "%s takes more arguments than its type shows" where;
  (* An eta-reduced definition [f := g] is given its missing arguments back. *)
  let extra = List.init (n - List.length params) (fun i -> Printf.sprintf "eta%d" (i + 1)) in
  let body =
    if extra = [] then body
    else match body with
      | Call (g, args, r) -> Call (g, args @ List.map (fun x -> Rel x) extra, r)
      | _ -> fail "%s is not written with all its arguments" where
  in
  { fun_key = k; fun_type = ty; fun_params = params @ extra; fun_body = body; fun_fix = fix }

(* Pass 1: the inductive types of every module (needed to fold literals). *)
let inductives_of_json modname j =
  List.filter_map (fun d ->
      if what d <> "decl:ind" then None
      else
        let k = key modname (str "name" d) in
        let where = k in
        let params = List.map (function `String s -> s | _ -> fail "malformed inductive %s" k) (lst "argnames" d) in
        let ctors = List.map (fun c ->
            (key modname (str "name" c), List.map (ty_of_json ~where modname) (lst "argtypes" c)))
            (lst "constructors" d) in
        Some { ind_key = k; ind_params = params; ind_ctors = ctors })
    (lst "declarations" j)

(* Pass 2: every declaration. Declarations of library modules are converted lazily by the caller:
   only their types matter, and only when the project uses them. *)
let module_of_json ~library ~ctor_info ~qualify ~inductives j =
  let modname = str "name" j in
  let expect_flag f =
    match field f j with `Bool true -> fail "module %s needs %s (it is not simply typed)" modname f | _ -> ()
  in
  if not library then (expect_flag "need_magic"; expect_flag "need_dummy");
  (* A library module (Coq's standard library) contributes only its inductive types and the
     runtime primitives Extract.v mapped; the rest is never printed, and a project definition
     that uses it is rejected when its call is resolved. *)
  let rec decl d =
    match what d with
    | ("decl:term" | "decl:type") when library && not (is_custom (key modname (str "name" d))) -> []
    | "decl:fixgroup" when library ->
        List.filter_map (fun item ->
            let k = key modname (str "name" item) in
            if is_custom k then Some (Dprim (k, ty_of_json ~where:k modname (field "type" item))) else None)
          (lst "fixlist" d)
    | _ -> decl_of_json d
  and decl_of_json d =
    match what d with
    | "decl:ind" -> [ Dind (List.find (fun i -> i.ind_key = key modname (str "name" d)) inductives) ]
    | "decl:type" ->
        let k = key modname (str "name" d) in
        let params = List.map (function `String s -> s | _ -> fail "malformed type %s" k) (lst "argnames" d) in
        if is_custom k then [] (* realised by the runtime *)
        else [ Dalias (k, params, ty_of_json ~where:(qualify k) modname (field "value" d)) ]
    | "decl:term" ->
        let k = key modname (str "name" d) in
        if is_custom k then [ Dprim (k, ty_of_json ~where:k modname (field "type" d)) ]
        else [ Dfun (fun_of_json ~ctor_info ~fix:false ~qualify modname d) ]
    | "decl:fixgroup" ->
        (match lst "fixlist" d with
         | [ item ] ->
             let k = key modname (str "name" item) in
             if is_custom k then [ Dprim (k, ty_of_json ~where:k modname (field "type" item)) ]
             else [ Dfun (fun_of_json ~ctor_info ~fix:true ~qualify modname item) ]
         | items ->
             let names = List.map (fun i -> qualify (key modname (str "name" i))) items in
             fail "mutual fixpoint %s: the subset has no mutual recursion" (String.concat ", " names))
    | "decl:module" | "decl:moduletype" -> fail "a module or module type in %s: the subset has none" modname
    | w -> fail "unsupported declaration %s in module %s" w modname
  in
  { mod_name = modname;
    mod_uses = List.map (function `String s -> s | _ -> "") (lst "used_modules" j);
    mod_decls = List.concat_map decl (lst "declarations" j) }
