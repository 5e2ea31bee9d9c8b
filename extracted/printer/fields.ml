(* Fields: the names of record fields, read from a Coq file.

   Coq's JSON extraction gives a record's constructor and the types of its fields, but not the
   names of its projections. The printer names the fields of a record's C++ struct after them
   and reads them from the block of a Coq file (extracted/Extract.v for the core) between the
   lines [(* BEGIN record fields *)] and [(* END record fields *)], where each record has a
   lemma of the form

     Lemma NAME (r : T) : r = C (p1 r) (p2 r) ... (pn r).
     Proof. destruct r; reflexivity. Qed.

   Coq proves it only when p1, ..., pn are the projections of the record built by C, in their
   order; so the names printed are Coq's, and a renamed or reordered field stops the build. C
   may be qualified by its module ([Hex2Exec.mk_cst]); the projections' qualifiers are dropped.
   Only each lemma's statement is read; any other sentence of the block is skipped, but the
   block may not leave a lemma unproved. *)

type entry = {
  lemma : string;                 (* for messages *)
  modname : string option;        (* the module the constructor is qualified by, if it is *)
  ctor : string;                  (* the constructor, unqualified *)
  names : string list;            (* the projections, in the constructor's order *)
}

exception Bad of string

let fail fmt = Printf.ksprintf (fun s -> raise (Bad s)) fmt

let last s =
  match String.rindex_opt s '.' with Some i -> String.sub s (i + 1) (String.length s - i - 1) | None -> s

let qualifier s =
  match String.rindex_opt s '.' with
  | Some i -> Some (last (String.sub s 0 i))
  | None -> None

(* The text between the two marker lines; "" when the file has none. *)
let block file text =
  let lines = String.split_on_char '\n' text in
  let rec skip = function
    | [] -> None
    | l :: ls -> if String.trim l = "(* BEGIN record fields *)" then Some ls else skip ls in
  let rec take acc = function
    | [] -> fail "%s: no (* END record fields *) after (* BEGIN record fields *)" file
    | l :: ls -> if String.trim l = "(* END record fields *)" then List.rev acc else take (l :: acc) ls in
  match skip lines with None -> "" | Some ls -> String.concat "\n" (take [] ls)

(* Coq comments (which nest) become a space. *)
let strip_comments file s =
  let b = Buffer.create (String.length s) in
  let n = String.length s in
  let rec go i depth =
    if i >= n then (if depth > 0 then fail "%s: unterminated comment in the record fields" file)
    else if i + 1 < n && s.[i] = '(' && s.[i + 1] = '*' then go (i + 2) (depth + 1)
    else if depth > 0 && i + 1 < n && s.[i] = '*' && s.[i + 1] = ')' then
      (if depth = 1 then Buffer.add_char b ' '; go (i + 2) (depth - 1))
    else (if depth = 0 then Buffer.add_char b s.[i]; go (i + 1) depth)
  in
  go 0 0;
  Buffer.contents b

(* Sentences end at a period followed by a blank or the end of the text ([Hex2Exec.mk_cst]
   does not end one). Each is split into words and parentheses. *)
let sentences s =
  let n = String.length s in
  let blank c = c = ' ' || c = '\n' || c = '\t' || c = '\r' in
  let out = ref [] and cur = Buffer.create 80 in
  String.iteri (fun i c ->
      if c = '.' && (i + 1 = n || blank s.[i + 1]) then begin
        out := Buffer.contents cur :: !out; Buffer.clear cur
      end else Buffer.add_char cur c) s;
  if String.trim (Buffer.contents cur) <> "" then out := Buffer.contents cur :: !out;
  let words t =
    let t = String.concat " ( " (String.split_on_char '(' t) in
    let t = String.concat " ) " (String.split_on_char ')' t) in
    List.filter (( <> ) "") (String.split_on_char ' ' (String.map (fun c -> if blank c then ' ' else c) t)) in
  List.filter (( <> ) []) (List.map words (List.rev !out))

let entry file ws =
  let name = match ws with _ :: n :: _ -> n | _ -> "?" in
  let bad () = fail "%s: the record fields lemma %s is not of the form `r = C (p1 r) ... (pn r)`" file name in
  let rec split before = function
    | "=" :: after -> (List.rev before, after)
    | w :: ws -> split (w :: before) ws
    | [] -> bad () in
  let before, after = split [] ws in
  if List.mem "=" after then bad ();
  let r = match List.rev before with r :: _ -> r | [] -> bad () in
  let rec projections = function
    | [] -> []
    | "(" :: p :: r' :: ")" :: rest when r' = r -> last p :: projections rest
    | _ -> bad () in
  match after with
  | c :: (_ :: _ as rest) -> { lemma = name; modname = qualifier c; ctor = last c; names = projections rest }
  | _ -> bad ()

(* The entries of [file]'s block, in order; [] when the file has no block. *)
let read file =
  let text =
    try let ic = open_in_bin file in
      Fun.protect ~finally:(fun () -> close_in ic) (fun () -> really_input_string ic (in_channel_length ic))
    with Sys_error msg -> fail "%s" msg in
  let code = strip_comments file (block file text) in
  let contains sub =
    let n = String.length sub in
    let rec at i = i + n <= String.length code && (String.sub code i n = sub || at (i + 1)) in
    at 0 in
  if List.exists contains [ "Admitted"; "admit"; "Abort" ] then
    fail "%s: a record fields lemma is not proved" file;
  List.filter_map (fun ws -> match ws with "Lemma" :: _ -> Some (entry file ws) | _ -> None) (sentences code)
