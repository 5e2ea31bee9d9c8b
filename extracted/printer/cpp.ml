(* Cpp: printing the accepted subset as C++17.

   One function per construct; no optimisation. The C++ a definition becomes:
   - an inductive whose constructors take no argument: an [enum class];
   - an inductive with one constructor: a struct of fields [f0, f1, ...] held by value;
   - any other inductive: a handle [{tag_, box_}] whose [box_] holds the constructor's fields
     (a [T::C_t] struct) in a reference-counted cell; [x.tag()], [x.as_C()], [T::C(args)];
   - [bool] is C++ [bool]; N and Z are [rt::N], [rt::Z] (checked 64-bit integers, literals only);
   - a definition: a C++ function of the same name, in [namespace hexproof::<module>];
     a polymorphic one is a template ([T1], [T2], ... as in the extracted type);
   - [match]: [switch] on the tag (an [if] on a bool), fields bound to named variables;
     [let]: a local variable; a self call in tail position: new argument values, then [continue]
     in a [for (;;)] around the body. Any other call is an ordinary C++ call.
   Every local variable and every template argument is written out (types come from Infer).
   Values are immutable, so nothing is copied that need not be: a function takes its arguments
   by const reference (by value when it loops, since the loop assigns them; but a loop takes by
   const reference an argument it always passes on unchanged, and walks by a const pointer an
   argument it only replaces by parts of itself, see [descending]), and a field bound
   by a match is a reference into the matched value, which outlives it (the loop assigns
   its variables only after computing all their new values, just before [continue]); a match on
   a record that only returns one of its fields is that field ([x.f2]). Where a value is read
   for the last time, at a self tail call or a [return], it is moved rather than copied when
   the move rule ([movable] below) shows that nothing reads it afterwards. *)

open Miniml

type env = {
  g : Infer.globals;
  cur : string;                              (* module being printed *)
  modules : (string * string) list;          (* printed module -> its Coq logical path *)
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

type kind = Kbool | Kenum | Krecord | Kvariant

let kind ind =
  if ind.ind_key = "bool" then Kbool
  else if List.for_all (fun (_, a) -> a = []) ind.ind_ctors then Kenum
  else if List.length ind.ind_ctors = 1 then Krecord
  else Kvariant

(* ---- Statements ---- *)

type fctx = {
  e : env;
  where : string;                          (* Coq name, for messages *)
  self : string;                           (* key of the definition *)
  fix : bool;
  params : string list;                    (* C++ names of the parameters, in order *)
  ptrs : (string * string) list;           (* a parameter walked by pointer (see [descending]): its name -> the pointer *)
  names : (string, unit) Hashtbl.t;        (* C++ names already used in this function *)
  paths : (string, path) Hashtbl.t;        (* C++ variable -> what it is (see [path]) *)
  mutable moves : string list;             (* C++ variables to print as [std::move(x)] (see [movable]) *)
  buf : Buffer.t;
  mutable ind : int;
}

(* What a C++ variable of the function refers to, for the move rule ([movable]): the object
   [root] (a parameter or a local variable of the function) and the record fields [fields] that
   lead from it to the variable ([x.f1.f0] is root [x], fields [f1; f0]). [owned]: the variable
   is that object itself or a field of it through records held by value, and the object is
   owned by this function (a local, or a parameter taken by value), so moving from it disturbs
   nobody else. Otherwise ([owned = false]) the variable is a const reference into something
   that may be shared (a parameter taken by const reference, a reference-counted cell or a list
   node); [fields] then ends with ["*"], which overlaps every path below it. *)
and path = { root : string; fields : string list; owned : bool }

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

(* ---- The move rule ----
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
   moved; all other bound fields stay const references. *)

let path_of c x' = Hashtbl.find_opt c.paths x'
let own c x' = Hashtbl.replace c.paths x' { root = x'; fields = []; owned = true }

let overlap a b =
  let rec go xs ys =
    match xs, ys with
    | [], _ | _, [] -> true
    | "*" :: _, _ | _, "*" :: _ -> true
    | x :: xs', y :: ys' -> x = y && go xs' ys'
  in
  a.root = b.root && go a.fields b.fields

(* Moving a number, a boolean or an enumeration is copying it: they are never printed moved. *)
let rec plain_g (g : Infer.globals) t =
  match Infer.repr t with
  | Tglob (("rt::N" | "rt::Z" | "bool" | "rt::unit" | "rt::comparison"), _) -> true
  | Tglob (n, _) as t' ->
      (match Hashtbl.find_opt g.inductives n with
       | Some ind -> kind ind = Kenum || kind ind = Kbool
       | None -> (match Infer.expand g t' with Some t'' -> plain_g g t'' | None -> false))
  | _ -> false

let plain c t = plain_g c.e.g t

let movable c env ~allowed exprs =
  let cname x = try Some (fst (List.assoc x env)) with Not_found -> None in
  let heavy x' = List.exists (fun (_, (y', t)) -> y' = x' && not (plain c t)) env in
  let occ = List.map cname (List.concat_map free_occurrences exprs) in
  let ok x' =
    match path_of c x' with
    | Some p when p.owned && allowed p.root ->
        List.length (List.filter (( = ) (Some x')) occ) = 1
        && List.for_all (fun y -> match y with
            | Some y' when y' = x' -> true
            | Some y' -> (match path_of c y' with Some q -> not (overlap p q) | None -> false)
            | None -> false) occ
    | _ -> false
  in
  List.sort_uniq compare (List.filter (fun x' -> heavy x' && ok x') (List.filter_map (fun y -> y) occ))

(* A [match] on a record whose one branch returns one of the fields it binds: the field
   ([x.f2]), printed without a local. *)
let projection c ex =
  match ex with
  | Case (scrut, _, [ (Pctor (k, binders), Rel y) ], _) ->
      (match Hashtbl.find_opt c.e.g.ctors k with
       | Some (ind, _, _) when kind ind = Krecord ->
           let idx = List.filteri (fun _ b -> b = Some y) binders in
           if List.length idx <> 1 then None
           else
             let rec find i = function
               | [] -> None
               | b :: bs -> if b = Some y then Some (scrut, i) else find (i + 1) bs in
             find 0 binders
       | _ -> None)
  | _ -> None

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
       | Some (scrut, i) -> Printf.sprintf "%s.f%d" (value c env scrut) i
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
  | Impossible _ -> line c "rt::impossible(\"absurd case in %s\");" c.where
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
             | Some { fields = _ :: _; owned = true; _ } when List.mem x' c.moves -> "std::move(" ^ x' ^ ")"
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
  let spath = match path_of c s with Some p -> p | None -> { root = s; fields = [ "*" ]; owned = false } in
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
  let rec unalias t = match Infer.expand c.e.g t with Some t' -> unalias t' | None -> Infer.repr t in
  let fresh_fields k =
    k = "rt::list::cons"
    && (match unalias sty with
        | Tglob ("rt::list", [ e ]) -> (match unalias e with Tglob ("rt::N", []) -> true | _ -> false)
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
    List.iteri (fun i (b, t) ->
        match b with
        | None -> ()
        | Some x ->
            let t = Infer.subst inst t in
            let x' = fresh c x in
            let p = { fpath with fields = fpath.fields @ [ Printf.sprintf "f%d" i ] } in
            Hashtbl.replace c.paths x' p;
            line c "%s%s%s& %s = %s.f%d;" (unused_attr x body) (if p.owned then "" else "const ")
              (cty c.e t) x' fields i;
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
                        (f, { root = f; fields = []; owned = true })
                      end else begin
                        line c "const auto& %s = %s.as_%s();" f s (ctor_name k);
                        (f, { spath with fields = spath.fields @ [ "*" ]; owned = false })
                      end));
              arm_end ();
              c.ind <- c.ind - 1;
              line c "}")
        ind.ind_ctors;
      line c "}";
      (match target with
       | Tail -> line c "rt::impossible(\"no case matched in %s\");" c.where
       | Into _ -> ())

let rec self_tail_call self = function
  | Call (f, _, _) -> f = self
  | Case (_, _, bs, _) -> List.exists (fun (_, b) -> self_tail_call self b) bs
  | Let (_, _, _, b) -> self_tail_call self b
  | _ -> false

(* Does the definition call itself other than in tail position (real recursion)? *)
let rec self_nontail_call self ~tail = function
  | Call (f, args, _) -> (f = self && not tail) || List.exists (self_nontail_call self ~tail:false) args
  | Ctor (_, args, _) -> List.exists (self_nontail_call self ~tail:false) args
  | Case (s, _, bs, _) -> self_nontail_call self ~tail:false s || List.exists (fun (_, b) -> self_nontail_call self ~tail b) bs
  | Let (_, v, _, b) -> self_nontail_call self ~tail:false v || self_nontail_call self ~tail b
  | Rel _ | Lit_N _ | Lit_Z _ | Impossible _ -> false

(* ---- Declarations ---- *)

let rec unalias_ty (g : Infer.globals) t = match Infer.expand g t with Some t' -> unalias_ty g t' | None -> Infer.repr t

(* Does a match on a value of type [t] bind its fields by reference into the value's own
   storage or its cells? All do but a list of numbers (whose head and tail are a fresh value,
   see [fresh_fields]); numbers, booleans and enumerations bind nothing. *)
let in_cell (g : Infer.globals) t =
  match unalias_ty g t with
  | Tglob ("rt::list", [ e ]) -> (match unalias_ty g e with Tglob ("rt::N", []) -> false | _ -> true)
  | Tglob (("rt::N" | "rt::Z" | "rt::positive" | "bool" | "rt::unit" | "rt::comparison"), _) -> false
  | Tglob (n, _) ->
      (match Hashtbl.find_opt g.inductives n with
       | Some ind -> kind ind = Kvariant || kind ind = Krecord
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
  if not (f.fun_fix && self_tail_call f.fun_key f.fun_body) then []
  else
    List.filter_map (fun (p, t) -> if p <> "_" && in_cell g t && walk p then Some p else None)
      (List.combine f.fun_params ps)

(* The parameters a loop passes on unchanged at every self tail call: never assigned, they are
   taken by const reference (a number, boolean or enumeration stays a value). *)
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

(* How a definition takes its parameters (for its callers, [g.by_value]): a looping function
   takes by value those it does not walk by pointer; any other takes all by const reference. *)
let by_ref (g : Infer.globals) (f : fundef) =
  let ps, _ = Infer.split_arrows f.fun_type in
  List.filter_map (fun (p, t) ->
      if p <> "_" && not (plain_g g t) && kept_always f p ~tail:true f.fun_body then Some p else None)
    (List.combine f.fun_params ps)

let param_modes (g : Infer.globals) (f : fundef) =
  let loop = f.fun_fix && self_tail_call f.fun_key f.fun_body in
  let desc = descending g f and kept = by_ref g f in
  List.map (fun p -> loop && not (List.mem p desc) && not (List.mem p kept)) f.fun_params

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
  let params = List.map2 (fun x t -> (x, fresh c (if x = "_" then "unused" else x), t)) f.fun_params ps in
  let loop = f.fun_fix && self_tail_call f.fun_key f.fun_body in
  (* A looping function takes its arguments by value (it owns them) except those it walks by
     pointer; any other takes them by const reference. *)
  let kept = if loop then by_ref e.g f else [] in
  let desc = List.filter (fun x -> not (List.mem x kept)) (descending e.g f) in
  let ptrs = List.filter_map (fun (x, p, _) ->
      if List.mem x desc then Some (x, p, fresh c (p ^ "_in")) else None) params in
  let cname (x, p, _) = match List.find_opt (fun (y, _, _) -> y = x) ptrs with
    | Some _ -> "(*" ^ p ^ ")" | None -> p in
  let c = { c with params = List.map cname params;
                   ptrs = List.map (fun (_, p, _) -> ("(*" ^ p ^ ")", p)) ptrs } in
  let env = List.rev_map (fun ((x, _, t) as q) -> (x, (cname q, t))) params in
  List.iter (fun ((x, p, _) as q) ->
      if List.mem x desc then Hashtbl.replace c.paths (cname q) { root = p; fields = [ "*" ]; owned = false }
      else Hashtbl.replace c.paths p { root = p; fields = []; owned = loop && not (List.mem x kept) }) params;
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
    (String.concat ", " (List.map (fun (x, p, t) ->
         (if x = "_" || not (occurs x f.fun_body) then "[[maybe_unused]] " else "")
         ^ (match List.find_opt (fun (y, _, _) -> y = x) ptrs with
            | Some (_, _, p_in) -> "const " ^ cty e t ^ "& " ^ p_in
            | None -> (if loop && not (List.mem x kept) then cty e t ^ " " else "const " ^ cty e t ^ "& ") ^ p)) params));
  List.iter (fun (x, p, p_in) ->
      let t = List.assoc x (List.map (fun (y, _, t) -> (y, t)) params) in
      Printf.bprintf out "  const %s* %s = &%s;\n" (cty e t) p p_in) ptrs;
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
      Printf.bprintf out "%sstruct %s {\n" tpl n;
      List.iteri (fun i t -> Printf.bprintf out "  %s f%d{};\n" (cty e t) i) argtys;
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
