(* Cpp: printing the accepted subset as C++17.

   One function per construct; no optimisation. The C++ a definition becomes:
   - an inductive whose constructors take no argument: an [enum class];
   - an inductive with one constructor: a struct held by value whose fields are named after
     the record's Coq projections where a record fields lemma lists them (Fields), else
     [f0, f1, ...];
   - any other inductive: a handle [{tag_, box_}] whose [box_] holds the constructor's fields
     (a [T::C_t] struct) in a reference-counted cell; [x.tag()], [x.as_C()], [T::C(args)];
   - [bool] is C++ [bool]; N and Z are [rt::N], [rt::Z] (checked 64-bit integers, literals only);
   - a definition: a C++ function of the same name, in [namespace hexproof::<module>];
     a polymorphic one is a template ([T1], [T2], ... as in the extracted type);
   - [match]: [switch] on the tag (an [if] on a bool), fields bound to named variables;
     [let]: a local variable; a self call in tail position: new argument values, then [continue]
     in a [for (;;)] around the body. Any other call is an ordinary C++ call.
   Every local variable and every template argument is written out (types come from Infer).
   Values are immutable, so nothing is copied that need not be: a field bound by a match is a
   reference into the matched value, which outlives it (the loop assigns its variables only
   after computing all their new values, just before [continue]). Three rules avoid the other
   copies, each in its own module: how a function takes its parameters (Params: by const
   reference, by value in a loop, or walked by a const pointer), a match that only returns a
   field of a record (Projections), and moving a value read for the last time (Moves). *)

open Miniml
open Layout

type env = {
  g : Infer.globals;
  cur : string;                              (* module being printed *)
  modules : (string * string) list;          (* printed module -> its Coq logical path *)
  fields : Fields.entry list;                (* the names of record fields *)
}

(* ---- Names ---- *)

let keywords = [
  "alignas"; "alignof"; "and"; "and_eq"; "asm"; "auto"; "bitand"; "bitor"; "bool"; "break"; "case";
  "catch"; "char"; "char8_t"; "char16_t"; "char32_t"; "class"; "compl"; "concept"; "const";
  "consteval"; "constexpr"; "constinit"; "const_cast"; "continue"; "co_await"; "co_return";
  "co_yield"; "decltype"; "default"; "delete"; "do"; "double"; "dynamic_cast"; "else"; "enum";
  "explicit"; "export"; "extern"; "false"; "float"; "for"; "friend"; "goto"; "if"; "inline"; "int";
  "long"; "mutable"; "namespace"; "new"; "noexcept"; "not"; "not_eq"; "nullptr"; "operator"; "or";
  "or_eq"; "private"; "protected"; "public"; "register"; "reinterpret_cast"; "requires"; "return";
  "short"; "signed"; "sizeof"; "static"; "static_assert"; "static_cast"; "struct"; "switch";
  "template"; "this"; "thread_local"; "throw"; "true"; "try"; "typedef"; "typeid"; "typename";
  "union"; "unsigned"; "using"; "virtual"; "void"; "volatile"; "wchar_t"; "while"; "xor"; "xor_eq";
  (* names the printed code itself uses *)
  "rt"; "std"; "hexproof"; "tag_t"; "tag_"; "box_"; "tag" ]

(* OCaml-style extraction prefixes lower-case constructor and type names with Coq_/coq_. *)
let strip_coq s =
  let n = String.length s in
  if n > 4 && (String.sub s 0 4 = "Coq_" || String.sub s 0 4 = "coq_") then String.sub s 4 (n - 4) else s

let ident s =
  let s = strip_coq s in
  let s = String.map (fun c -> if c = '\'' then '_' else c) s in
  String.iter (fun c ->
      match c with
      | 'a' .. 'z' | 'A' .. 'Z' | '0' .. '9' | '_' -> ()
      | _ -> fail "the name %S cannot be a C++ identifier" s) s;
  let s = if s = "" || s.[0] = '_' || (s.[0] >= '0' && s.[0] <= '9') then "v" ^ s else s in
  if List.mem s keywords then s ^ "_" else s

(* ByteMap -> byte_map, Hex2Exec -> hex2_exec, M1Exec -> m1_exec. *)
let snake m =
  let b = Buffer.create 16 in
  String.iteri (fun i c ->
      let lower_before = i > 0 && (match m.[i - 1] with 'a' .. 'z' | '0' .. '9' -> true | _ -> false) in
      (match c with
       | 'A' .. 'Z' -> if lower_before then Buffer.add_char b '_'; Buffer.add_char b (Char.lowercase_ascii c)
       | _ -> Buffer.add_char b c)) m;
  Buffer.contents b

let split_key k =
  match String.index_opt k '.' with
  | Some i -> (String.sub k 0 i, String.sub k (i + 1) (String.length k - i - 1))
  | None -> ("", k)

(* The C++ name of a global (type or function): runtime names verbatim, project names qualified
   by their module's namespace (so no call is ever resolved by argument-dependent lookup). *)
let global e k =
  if is_custom k then k
  else
    let m, x = split_key k in
    if not (List.mem_assoc m e.modules) then
      fail "%s belongs to module %s, which is not printed (Coq's library?)" k m;
    snake m ^ "::" ^ ident x

let coq_name e k =
  let m, x = split_key k in
  match List.assoc_opt m e.modules with Some path -> path ^ "." ^ x | None -> k

(* Constructor names: "rt::list::cons" -> cons, "Common.Coq_mk_error" -> mk_error. *)
let ctor_name c =
  if is_custom c then
    match String.rindex_opt c ':' with Some i -> String.sub c (i + 1) (String.length c - i - 1) | None -> c
  else ident (snd (split_key c))

(* The record fields lemma (Fields) of the record built by constructor [k]: the one whose
   constructor is [k] (and whose qualifier, if it has one, is [k]'s module). *)
let fields_entry e k =
  let m, c = split_key k in
  match List.filter (fun (f : Fields.entry) ->
      f.ctor = strip_coq c && (match f.modname with Some fm -> fm = m | None -> true)) e.fields with
  | [] -> None
  | [ f ] -> Some f
  | f :: g :: _ ->
      Fields.fail "the record fields lemmas %s and %s both name %s" f.lemma g.lemma
        (coq_name e (m ^ "." ^ strip_coq c))

(* The C++ names of the fields of constructor [k], in order: for a record with a record fields
   lemma, its projections (a name that would hide a module's namespace gets a [_]); for any
   other record, and for the constructors of a variant, [f0, f1, ...]. *)
let field_names e k =
  let ind, _, argtys = Hashtbl.find e.g.ctors k in
  let positional = List.mapi (fun i _ -> Printf.sprintf "f%d" i) argtys in
  match kind ind, fields_entry e k with
  | Krecord, Some f ->
      if List.length f.names <> List.length argtys then
        Fields.fail "the record fields lemma %s lists %d fields, but %s has %d"
          f.lemma (List.length f.names) (coq_name e ind.ind_key) (List.length argtys);
      let namespace n = List.exists (fun (m, _) -> snake m = n) e.modules in
      let names = List.map (fun n -> let n = ident n in if namespace n then n ^ "_" else n) f.names in
      List.iter (fun n ->
          if List.length (List.filter (( = ) n) names) > 1 || n = ctor_name k then
            Fields.fail "the fields of %s would not have distinct names in C++ (%s)"
              (coq_name e ind.ind_key) n) names;
      names
  | _ -> positional

let field_name e k i = List.nth (field_names e k) i

(* ---- Types ---- *)

let rec cty e t =
  match Infer.repr t with
  | Tglob ("rt::positive", _) -> fail "the type positive occurs in a printed definition"
  | Tglob (n, []) -> global e n
  | Tglob (n, args) -> global e n ^ "<" ^ String.concat ", " (List.map (cty e) args) ^ ">"
  | Tparam p -> ident p
  | Tmeta _ -> "rt::unit"
  | Tarrow _ -> fail "a function type occurs where a value type is expected"

let targs e ts = if ts = [] then "" else "<" ^ String.concat ", " (List.map (cty e) ts) ^ ">"

let template_line params =
  if params = [] then "" else "template <" ^ String.concat ", " (List.map (fun p -> "class " ^ ident p) params) ^ ">\n"

(* ---- Statements ---- *)

type fctx = {
  e : env;
  where : string;                          (* Coq name, for messages *)
  self : string;                           (* key of the definition *)
  fix : bool;
  params : string list;                    (* C++ names of the parameters, in order *)
  ptrs : (string * string) list;           (* a parameter walked by pointer (Params): its name -> the pointer *)
  names : (string, unit) Hashtbl.t;        (* C++ names already used in this function *)
  paths : (string, Moves.path) Hashtbl.t;  (* C++ variable -> what it is, for the move rule *)
  mutable moves : string list;             (* C++ variables to print as [std::move(x)] (Moves) *)
  buf : Buffer.t;
  mutable ind : int;
}

let line c fmt =
  Printf.ksprintf (fun s -> Buffer.add_string c.buf (String.make (2 * c.ind) ' ');
                    Buffer.add_string c.buf s; Buffer.add_char c.buf '\n') fmt

let fresh c base =
  let base = ident base in
  let rec go i =
    let n = if i = 0 then base else Printf.sprintf "%s_%d" base i in
    if Hashtbl.mem c.names n then go (i + 1) else (Hashtbl.add c.names n (); n)
  in
  go 0

let rec occurs x = function
  | Rel y -> x = y
  | Lit_N _ | Lit_Z _ | Impossible _ -> false
  | Call (_, args, _) | Ctor (_, args, _) -> List.exists (occurs x) args
  | Case (s, _, bs, _) ->
      occurs x s || List.exists (fun (p, b) ->
          (match p with Pctor (_, bs) when List.mem (Some x) bs -> false | _ -> occurs x b)) bs
  | Let (y, v, _, b) -> occurs x v || (y <> x && occurs x b)

let unused_attr x body = if occurs x body then "" else "[[maybe_unused]] "

let ind_of_type c t =
  match Infer.repr t with
  | Tglob (n, _) ->
      (match Hashtbl.find_opt c.e.g.inductives n with
       | Some i -> i
       | None ->
           (match Infer.expand c.e.g t with
            | Some t' -> (match Infer.repr t' with
                | Tglob (n', _) when Hashtbl.mem c.e.g.inductives n' -> Hashtbl.find c.e.g.inductives n'
                | _ -> fail "a match on %s in %s" n c.where)
            | None -> fail "a match on %s in %s, which is not an inductive type" n c.where))
  | _ -> fail "a match on a value of unknown type in %s" c.where

let literal_n n = Printf.sprintf "rt::N{%d}" n
let literal_z n = Printf.sprintf "rt::Z{%d}" n

type target = Tail | Into of string

(* The move rule (Moves) reads the path of each C++ variable recorded here. *)
let path_of c x' = Hashtbl.find_opt c.paths x'
let own c x' = Hashtbl.replace c.paths x' { Moves.root = x'; fields = []; owned = true }
let movable c env ~allowed exprs = Moves.movable c.e.g ~path_of:(path_of c) env ~allowed exprs
let projection c ex = Projections.projection c.e.g ex

(* [value] prints an expression; a [match] or [let] inside it is first computed into a local
   variable (statements emitted before the expression). *)
let rec value c env ex =
  match ex with
  | Rel x -> (try fst (List.assoc x env) with Not_found -> fail "unbound variable %s in %s" x c.where)
  | Lit_N n -> literal_n n
  | Lit_Z n -> literal_z n
  | Call (f, args, inst) ->
      (* Moving into a parameter taken by const reference would be a copy: not printed. *)
      let flags = match Hashtbl.find_opt c.e.g.by_value f with
        | Some fl when List.length fl = List.length args -> fl
        | _ -> List.map (fun _ -> is_custom f) args in
      let vs = List.map2 (fun a byv -> if byv then arg c env a else value c env a) args flags in
      let ta = targs c.e !inst in
      if args = [] && not (Hashtbl.mem c.e.g.funs f) then fail "unknown constant %s in %s" f c.where;
      global c.e f ^ ta ^ "(" ^ String.concat ", " vs ^ ")"
  | Ctor (k, args, r) ->
      let ind, _, _ = Hashtbl.find c.e.g.ctors k in
      let vs = List.map (arg c env) args in
      (match kind ind with
       | Kbool -> k
       | Kenum -> cty c.e !r ^ "::" ^ ctor_name k
       | Krecord | Kvariant -> cty c.e !r ^ "::" ^ ctor_name k ^ "(" ^ String.concat ", " vs ^ ")")
  | Case _ when projection c ex <> None ->
      (match projection c ex with
       | Some (scrut, k, i) -> Printf.sprintf "%s.%s" (value c env scrut) (field_name c.e k i)
       | None -> assert false)
  | Case (_, _, _, r) | Impossible r ->
      let tmp = fresh c "tmp" in
      own c tmp;
      line c "%s %s{};" (cty c.e !r) tmp;
      stmt c env (Into tmp) ex;
      tmp
  | Let (x, v, r, body) ->
      let x' = bind_let c env x v r body in
      value c ((x, (x', !r)) :: env) body

(* An argument of a call or constructor: moved if the move rule chose it. *)
and arg c env ex =
  match ex with
  | Rel _ ->
      let x' = value c env ex in
      if List.mem x' c.moves then "std::move(" ^ x' ^ ")" else x'
  | _ -> value c env ex

and bind_let c env x v r body =
  let x' = fresh c x in
  own c x';
  (match v with
   | Case _ when projection c v = None ->
       line c "%s%s %s{};" (unused_attr x body) (cty c.e !r) x';
       stmt c env (Into x') v
   | Let _ | Impossible _ ->
       line c "%s%s %s{};" (unused_attr x body) (cty c.e !r) x';
       stmt c env (Into x') v
   | _ -> let s = value c env v in line c "%s%s %s = %s;" (unused_attr x body) (cty c.e !r) x' s);
  x'

and finish c target s =
  match target with
  | Tail -> line c "return %s;" s
  | Into d -> line c "%s = %s;" d s

and stmt c env target ex =
  match ex with
  | Case _ when projection c ex <> None -> finish_value c env target ex
  | Case (scrut, rs, branches, _) -> case c env target scrut !rs branches
  | Let (x, v, r, body) ->
      let x' = bind_let c env x v r body in
      stmt c ((x, (x', !r)) :: env) target body
  | Impossible _ -> line c "rt::fatal(\"absurd case in %s\");" c.where
  | Call (f, args, _) when target = Tail && c.fix && f = c.self ->
      (* A self tail call: compute the new arguments, then go round the loop again. A parameter
         whose new value is itself is left alone. *)
      let ptys = fst (Infer.split_arrows (Hashtbl.find c.e.g.funs f)) in
      let same p a = match a with Rel x -> (try fst (List.assoc x env) = p with Not_found -> false) | _ -> false in
      let all = List.map2 (fun (p, a) t -> (p, a, t)) (List.combine c.params args) ptys in
      let changed = List.filter (fun (p, a, _) -> not (same p a)) all in
      let kept = List.map (fun (p, _, _) -> p) (List.filter (fun (p, a, _) -> same p a) all) in
      c.moves <- movable c env ~allowed:(fun r -> not (List.mem r kept)) (List.map (fun (_, a, _) -> a) changed);
      let vs = List.map (fun (p, a, t) -> (p, arg c env a, t)) changed in
      c.moves <- [];
      let nexts = List.map (fun (p, v, t) ->
          match List.assoc_opt p c.ptrs with
          | Some ptr ->
              let n = fresh c ("next_" ^ ptr) in
              line c "const %s* %s = &%s;" (cty c.e t) n v; (ptr, n)
          | None ->
              let n = fresh c ("next_" ^ p) in
              line c "%s %s = %s;" (cty c.e t) n v; (p, n)) vs in
      List.iter (fun (p, n) -> line c "%s = std::move(%s);" p n) nexts;
      line c "continue;"
  | _ -> finish_value c env target ex

(* The value of [ex] into [target]; a [return] moves what the move rule allows (not a whole
   local object, which C++ already moves when it is returned). *)
and finish_value c env target ex =
  match target with
  | Into _ -> finish c target (value c env ex)
  | Tail ->
      c.moves <- movable c env ~allowed:(fun _ -> true) [ ex ];
      let s =
        match ex with
        | Rel _ ->
            let x' = value c env ex in
            (match path_of c x' with
             | Some { Moves.fields = _ :: _; owned = true; _ } when List.mem x' c.moves -> "std::move(" ^ x' ^ ")"
             | _ -> x')
        | _ -> value c env ex
      in
      c.moves <- [];
      finish c target s

and case c env target scrut sty branches =
  let s =
    match scrut with
    | Rel x -> value c env (Rel x)
    | _ -> let v = value c env scrut in
           let n = fresh c "scrut" in own c n; line c "%s %s = %s;" (cty c.e sty) n v; n
  in
  let spath = match path_of c s with Some p -> p | None -> { Moves.root = s; fields = [ "*" ]; owned = false } in
  let ind = ind_of_type c sty in
  let inst =
    match Infer.repr sty with
    | Tglob (n, args) when n = ind.ind_key -> List.combine ind.ind_params args
    | t -> (match Infer.expand c.e.g t with
            | Some t' -> (match Infer.repr t' with Tglob (_, args) -> List.combine ind.ind_params args | _ -> [])
            | None -> [])
  in
  let arm_end () = match target with Into _ -> line c "break;" | Tail -> () in
  (* [rt::list<rt::N>::as_cons] returns its fields by value (see coq_runtime.hpp). *)
  let fresh_fields k =
    k = "rt::list::cons"
    && (match unalias c.e.g sty with
        | Tglob ("rt::list", [ e ]) -> (match unalias c.e.g e with Tglob ("rt::N", []) -> true | _ -> false)
        | _ -> false) in
  let find_branch k =
    match List.find_opt (function (Pctor (k', _), _) -> k = k' | _ -> false) branches with
    | Some b -> Some b
    | None -> List.find_opt (function (Pwild, _) -> true | _ -> false) branches
  in
  (* Binds the fields of constructor [k] (read by [field i]) and prints the arm's body. *)
  let bind_fields k binders body access =
    let _, _, argtys = Hashtbl.find c.e.g.ctors k in
    let env' = ref env in
    let fields, fpath = if List.exists (fun b -> b <> None) binders then access () else ("", spath) in
    let names = field_names c.e k in
    List.iteri (fun i (b, t) ->
        match b with
        | None -> ()
        | Some x ->
            let t = Infer.subst inst t in
            let x' = fresh c x in
            let name = List.nth names i in
            let p = { fpath with Moves.fields = fpath.Moves.fields @ [ name ] } in
            Hashtbl.replace c.paths x' p;
            line c "%s%s%s& %s = %s.%s;" (unused_attr x body) (if p.owned then "" else "const ")
              (cty c.e t) x' fields name;
            env' := (x, (x', t)) :: !env')
      (List.combine binders argtys);
    stmt c !env' target body
  in
  let with_binders k (p, body) f =
    match p with Pctor (_, bs) -> f bs body | Pwild -> f (List.map (fun _ -> None) (let _, _, a = Hashtbl.find c.e.g.ctors k in a)) body
  in
  match kind ind with
  | Kbool ->
      let arm k =
        match find_branch k with
        | Some (_, body) -> stmt c env target body
        | None -> fail "non-exhaustive match in %s" c.where in
      line c "if (%s) {" s; c.ind <- c.ind + 1; arm "true"; c.ind <- c.ind - 1;
      line c "} else {"; c.ind <- c.ind + 1; arm "false"; c.ind <- c.ind - 1;
      line c "}"
  | Krecord ->
      let k, _ = List.hd ind.ind_ctors in
      (match find_branch k with
       | Some b -> with_binders k b (fun bs body -> bind_fields k bs body (fun () -> (s, spath)))
       | None -> fail "non-exhaustive match in %s" c.where)
  | Kenum | Kvariant ->
      let variant = kind ind = Kvariant in
      let tname = cty c.e sty in
      line c "switch (%s) {" (if variant then s ^ ".tag()" else s);
      List.iter (fun (k, _) ->
          match find_branch k with
          | None -> fail "non-exhaustive match in %s" c.where
          | Some b ->
              line c "case %s::%s%s: {" tname (if variant then "tag_t::" else "") (ctor_name k);
              c.ind <- c.ind + 1;
              with_binders k b (fun bs body ->
                  bind_fields k bs body (fun () ->
                      let f = fresh c (ctor_name k ^ "_fields") in
                      if fresh_fields k then begin
                        (* The head and tail of a list of numbers are a fresh value (the list
                           may be a slice): owned by this function, so they may be moved. *)
                        line c "auto %s = %s.as_%s();" f s (ctor_name k);
                        own c f;
                        (f, { Moves.root = f; fields = []; owned = true })
                      end else begin
                        line c "const auto& %s = %s.as_%s();" f s (ctor_name k);
                        (f, { spath with Moves.fields = spath.Moves.fields @ [ "*" ]; owned = false })
                      end));
              arm_end ();
              c.ind <- c.ind - 1;
              line c "}")
        ind.ind_ctors;
      line c "}";
      (match target with
       | Tail -> line c "rt::fatal(\"no case matched in %s\");" c.where
       | Into _ -> ())

(* Does the definition call itself other than in tail position (real recursion)? *)
let rec self_nontail_call self ~tail = function
  | Call (f, args, _) -> (f = self && not tail) || List.exists (self_nontail_call self ~tail:false) args
  | Ctor (_, args, _) -> List.exists (self_nontail_call self ~tail:false) args
  | Case (s, _, bs, _) -> self_nontail_call self ~tail:false s || List.exists (fun (_, b) -> self_nontail_call self ~tail b) bs
  | Let (_, v, _, b) -> self_nontail_call self ~tail:false v || self_nontail_call self ~tail b
  | Rel _ | Lit_N _ | Lit_Z _ | Impossible _ -> false

(* ---- Declarations ---- *)

let print_fun e out (f : fundef) =
  let where = coq_name e f.fun_key in
  Infer.infer_fun e.g ~where f;
  let ps, res = Infer.split_arrows f.fun_type in
  let tparams = Infer.type_params f.fun_type in
  let names = Hashtbl.create 16 in
  List.iter (fun (m, _) -> Hashtbl.replace names (snake m) ()) e.modules;
  List.iter (fun p -> Hashtbl.replace names (ident p) ()) tparams;
  let c = { e; where; self = f.fun_key; fix = f.fun_fix; params = []; ptrs = []; names; paths = Hashtbl.create 16;
            moves = []; buf = Buffer.create 1024; ind = 1 } in
  let loop = Params.loops f in
  (* Coq name, C++ name, type, how it is taken (Params). *)
  let params = List.map2 (fun (x, t) m -> (x, fresh c (if x = "_" then "unused" else x), t, m))
      (List.combine f.fun_params ps) (Params.modes e.g f) in
  let ptrs = List.filter_map (fun (_, p, t, m) ->
      if m = Params.By_pointer then Some (p, t, fresh c (p ^ "_in")) else None) params in
  let cname (_, p, _, m) = if m = Params.By_pointer then "(*" ^ p ^ ")" else p in
  let c = { c with params = List.map cname params;
                   ptrs = List.map (fun (p, _, _) -> ("(*" ^ p ^ ")", p)) ptrs } in
  let env = List.rev_map (fun ((x, _, t, _) as q) -> (x, (cname q, t))) params in
  List.iter (fun ((_, p, _, m) as q) ->
      if m = Params.By_pointer then Hashtbl.replace c.paths (cname q) { Moves.root = p; fields = [ "*" ]; owned = false }
      else Hashtbl.replace c.paths p { Moves.root = p; fields = []; owned = m = Params.By_value }) params;
  if loop then c.ind <- 2;
  stmt c env Tail f.fun_body;
  let recursive = f.fun_fix && self_nontail_call f.fun_key ~tail:true f.fun_body in
  let kind =
    if not f.fun_fix then "Definition"
    else match loop, recursive with
      | true, false -> "Fixpoint; its self tail calls are the loop"
      | true, true -> "Fixpoint; its self tail calls are the loop, its other self calls recurse"
      | false, true -> "Fixpoint; recursive"
      | false, false -> "Fixpoint; never calls itself" in
  Printf.bprintf out "// Coq: %s (%s)\n%s%s%s %s(%s) {\n" where kind (template_line tparams)
    (if tparams = [] then "inline " else "") (cty e res) (ident (snd (split_key f.fun_key)))
    (String.concat ", " (List.map (fun (x, p, t, m) ->
         (if x = "_" || not (occurs x f.fun_body) then "[[maybe_unused]] " else "")
         ^ (match m with
            | Params.By_pointer ->
                let _, _, p_in = List.find (fun (q, _, _) -> q = p) ptrs in "const " ^ cty e t ^ "& " ^ p_in
            | Params.By_value -> cty e t ^ " " ^ p
            | Params.By_reference -> "const " ^ cty e t ^ "& " ^ p)) params));
  List.iter (fun (p, t, p_in) -> Printf.bprintf out "  const %s* %s = &%s;\n" (cty e t) p p_in) ptrs;
  if loop then Buffer.add_string out "  for (;;) {\n";
  Buffer.add_buffer out c.buf;
  if loop then Buffer.add_string out "  }\n";
  Buffer.add_string out "}\n\n"

let ind_name e (ind : inductive) = ident (snd (split_key ind.ind_key)) |> fun n -> ignore e; n

let self_type e ind =
  let n = ind_name e ind in
  if ind.ind_params = [] then n else n ^ "<" ^ String.concat ", " (List.map ident ind.ind_params) ^ ">"

let field_list e argtys = List.mapi (fun i t -> Printf.sprintf "%s a%d" (cty e t) i) argtys

(* The type itself, at its place in Coq order. *)
let print_ind_head e out ind =
  let n = ind_name e ind in
  let tpl = template_line ind.ind_params in
  Printf.bprintf out "// Coq: %s\n" (coq_name e ind.ind_key);
  match kind ind with
  | Kbool -> fail "bool is redefined"
  | Kenum ->
      if ind.ind_params <> [] then fail "the enumeration %s has type parameters" (coq_name e ind.ind_key);
      Printf.bprintf out "enum class %s : std::uint8_t { %s };\n\n" n
        (String.concat ", " (List.map (fun (k, _) -> ctor_name k) ind.ind_ctors))
  | Krecord ->
      let k, argtys = List.hd ind.ind_ctors in
      if fields_entry e k = None then
        Buffer.add_string out
          "// Fields in constructor order: no record fields lemma names them (printer/fields.ml).\n";
      Printf.bprintf out "%sstruct %s {\n" tpl n;
      List.iter2 (fun t f -> Printf.bprintf out "  %s %s{};\n" (cty e t) f) argtys (field_names e k);
      Printf.bprintf out "  static %s %s(%s);\n};\n\n" (self_type e ind) (ctor_name k)
        (String.concat ", " (field_list e argtys))
  | Kvariant ->
      Printf.bprintf out "%sstruct %s {\n" tpl n;
      Printf.bprintf out "  enum class tag_t : std::uint8_t { %s };\n"
        (String.concat ", " (List.map (fun (k, _) -> ctor_name k) ind.ind_ctors));
      List.iter (fun (k, a) -> if a <> [] then Printf.bprintf out "  struct %s_t;\n" (ctor_name k)) ind.ind_ctors;
      List.iter (fun (k, a) ->
          Printf.bprintf out "  static %s %s(%s);\n" (self_type e ind) (ctor_name k) (String.concat ", " (field_list e a)))
        ind.ind_ctors;
      Printf.bprintf out "  tag_t tag() const { return tag_; }\n";
      List.iter (fun (k, a) ->
          if a <> [] then Printf.bprintf out "  const %s_t& as_%s() const;\n" (ctor_name k) (ctor_name k)) ind.ind_ctors;
      Printf.bprintf out "  tag_t tag_ = tag_t::%s;\n  rt::box box_;\n};\n\n" (ctor_name (fst (List.hd ind.ind_ctors)))

(* Field structs and member functions, after every type of the module is declared. *)
let print_ind_body e out ind =
  let tpl = template_line ind.ind_params in
  let st = self_type e ind in
  let moves a = String.concat ", " (List.mapi (fun i _ -> Printf.sprintf "std::move(a%d)" i) a) in
  let inl = if ind.ind_params = [] then "inline " else "" in
  match kind ind with
  | Kbool | Kenum -> ()
  | Krecord ->
      let k, a = List.hd ind.ind_ctors in
      Printf.bprintf out "%s%s%s %s::%s(%s) { return %s{%s}; }\n\n" tpl inl st st (ctor_name k)
        (String.concat ", " (field_list e a)) st (moves a)
  | Kvariant ->
      List.iter (fun (k, a) ->
          if a <> [] then begin
            Printf.bprintf out "%sstruct %s::%s_t {\n" tpl st (ctor_name k);
            List.iteri (fun i t -> Printf.bprintf out "  %s f%d;\n" (cty e t) i) a;
            Printf.bprintf out "};\n"
          end)
        ind.ind_ctors;
      List.iter (fun (k, a) ->
          let ck = ctor_name k in
          let box = if a = [] then "rt::box()" else Printf.sprintf "rt::box::make<%s_t>(%s_t{%s})" ck ck (moves a) in
          Printf.bprintf out "%s%s%s %s::%s(%s) { return %s{tag_t::%s, %s}; }\n" tpl inl st st ck
            (String.concat ", " (field_list e a)) st ck box;
          if a <> [] then
            Printf.bprintf out "%s%sauto %s::as_%s() const -> const %s_t& { return box_.get<%s_t>(); }\n"
              tpl inl st ck ck ck)
        ind.ind_ctors;
      Buffer.add_string out "\n"

let print_module e ~stamp ~includes (m : modul) =
  let out = Buffer.create 65536 in
  let path = List.assoc m.mod_name e.modules in
  Printf.bprintf out "// %s: the C++ printed from the Coq module %s.\n" (snake m.mod_name ^ ".hpp") path;
  Printf.bprintf out "//\n// Generated; do not edit. %s\n" stamp;
  Printf.bprintf out "// Coq %s.x is C++ hexproof::%s::x. See extracted/SUBSET.md for the translation.\n"
    path (snake m.mod_name);
  Buffer.add_string out "#pragma once\n\n#include <cstdint>\n#include <utility>\n\n#include \"coq_runtime.hpp\"\n";
  List.iter (fun i -> Printf.bprintf out "#include \"%s.hpp\"\n" (snake i)) includes;
  Printf.bprintf out "\nnamespace hexproof::%s {\n\n" (snake m.mod_name);
  let inds = List.filter_map (function Dind i -> Some i | _ -> None) m.mod_decls in
  List.iter (fun i ->
      match kind i with
      | Krecord | Kvariant -> Printf.bprintf out "%sstruct %s;\n" (template_line i.ind_params) (ind_name e i)
      | _ -> ()) inds;
  if List.exists (fun i -> kind i = Krecord || kind i = Kvariant) inds then Buffer.add_string out "\n";
  List.iter (function
      | Dind i -> print_ind_head e out i
      | Dalias (k, ps, t) ->
          Printf.bprintf out "// Coq: %s\n%susing %s = %s;\n\n" (coq_name e k) (template_line ps)
            (ident (snd (split_key k))) (cty e t)
      | Dfun _ | Dprim _ -> ()) m.mod_decls;
  List.iter (print_ind_body e out) inds;
  List.iter (function Dfun f -> print_fun e out f | _ -> ()) m.mod_decls;
  Printf.bprintf out "}  // namespace hexproof::%s\n" (snake m.mod_name);
  Buffer.contents out
