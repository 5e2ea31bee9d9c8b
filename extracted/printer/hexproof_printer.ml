(* hexproof_printer: Coq's MiniML JSON (Extraction Language JSON) -> C++17 headers.

   Usage: hexproof_printer --module Hexproof.Spec.Common ... [--fields FILE.v] --out DIR EXTRACTION.json
   EXTRACTION.json is the concatenation of the module files of one `Separate Extraction`;
   FILE.v (extracted/Extract.v) holds the record fields lemmas that name the fields of records
   (see fields.ml).
   Each --module names a project module to print (as DIR/<snake_name>.hpp); every other module
   in the file is a library module, which may contribute only inductive types realised by the
   runtime and the primitives Extract.v maps (rt::...). Any construct outside extracted/SUBSET.md
   stops the printer with a message naming it and the Coq definition; nothing is written then. *)

open Miniml

let () =
  let modules = ref [] and out = ref "" and input = ref "" and fields = ref "" in
  let spec = [
    ("--module", Arg.String (fun m -> modules := !modules @ [m]), "PATH  a project module to print (Coq logical path)");
    ("--fields", Arg.Set_string fields, "FILE.v  the Coq file whose lemmas name record fields");
    ("--out", Arg.Set_string out, "DIR  where to write the headers");
  ] in
  Arg.parse spec (fun f -> input := f)
    "hexproof_printer --module M ... [--fields FILE.v] --out DIR EXTRACTION.json";
  if !out = "" || !input = "" then (prerr_endline "hexproof_printer: need --out DIR and EXTRACTION.json"; exit 2);
  let short p = match String.rindex_opt p '.' with Some i -> String.sub p (i + 1) (String.length p - i - 1) | None -> p in
  let printed = List.map (fun p -> (short p, p)) !modules in
  try
    let jsons = List.of_seq (Yojson.Safe.seq_from_file !input) in
    let name j = Miniml.str "name" j in
    (* The stamp names the modules printed (those of the extraction), not every --module given,
       so adding an unrelated .v file does not change the headers. *)
    let stamp =
      Printf.sprintf "Made by `extracted/regen.sh OUTDIR`, which runs: hexproof_printer %s%s --out OUTDIR %s"
        (String.concat " " (List.filter_map (fun (s, p) ->
             if List.exists (fun j -> name j = s) jsons then Some ("--module " ^ p) else None) printed))
        (if !fields = "" then "" else " --fields " ^ Filename.basename !fields)
        (Filename.basename !input)
    in
    let inductives = List.concat_map (fun j -> inductives_of_json (name j) j) jsons in
    let g = {
      Infer.inductives = Hashtbl.create 64; ctors = Hashtbl.create 64; aliases = Hashtbl.create 64;
      funs = Hashtbl.create 256; library = Hashtbl.create 16; by_value = Hashtbl.create 64 } in
    List.iter (fun i ->
        Hashtbl.replace g.inductives i.ind_key i;
        List.iteri (fun n (k, a) -> Hashtbl.replace g.ctors k (i, n, a)) i.ind_ctors) inductives;
    let ctor_info c = match Hashtbl.find_opt g.ctors c with Some (i, n, _) -> Some (i.ind_key, n) | None -> None in
    let qualify k =
      let m, x = Cpp.split_key k in
      match List.assoc_opt m printed with Some p -> p ^ "." ^ x | None -> k in
    let mods = List.map (fun j ->
        let library = not (List.mem_assoc (name j) printed) in
        if library then Hashtbl.replace g.library (name j) ();
        (library, module_of_json ~library ~ctor_info ~qualify ~inductives j)) jsons in
    List.iter (fun (_, m) ->
        List.iter (function
            | Dalias (k, ps, t) -> Hashtbl.replace g.aliases k (ps, t)
            | Dfun f -> Hashtbl.replace g.funs f.fun_key f.fun_type
            | Dprim (k, t) -> Hashtbl.replace g.funs k t
            | Dind _ -> ()) m.mod_decls) mods;
    let fields = if !fields = "" then [] else Fields.read !fields in
    let e = { Cpp.g; cur = ""; modules = printed; fields } in
    (* How each project definition takes its parameters, for its callers (its body's types first). *)
    List.iter (fun (library, m) ->
        if not library then
          List.iter (function
              | Dfun f ->
                  Infer.infer_fun g ~where:(Cpp.coq_name e f.fun_key) f;
                  Hashtbl.replace g.by_value f.fun_key (List.map (( = ) Params.By_value) (Params.modes g f))
              | _ -> ()) m.mod_decls) mods;
    let files = List.filter_map (fun (library, m) ->
        if library then None
        else
          let includes = List.filter (fun u -> List.mem_assoc u printed && u <> m.mod_name) m.mod_uses in
          let text = Cpp.print_module { e with cur = m.mod_name } ~stamp ~includes m in
          Some (Cpp.snake m.mod_name ^ ".hpp", text)) mods in
    List.iter (fun (f, text) ->
        let oc = open_out_bin (Filename.concat !out f) in
        output_string oc text; close_out oc) files
  with
  | Unsupported msg -> prerr_endline ("hexproof_printer: not in the subset: " ^ msg); exit 1
  | Fields.Bad msg -> prerr_endline ("hexproof_printer: record fields: " ^ msg); exit 1
  | Yojson.Json_error msg -> prerr_endline ("hexproof_printer: bad JSON: " ^ msg); exit 1
