(* core_main: runs the cores as Coq's OCaml extraction computes them (Extract.v).

   core_main agent
     Answers cases read on stdin until its end, for tests/extraction-agree-property.cpp. A case
     is a line "hex2 ARCH BIG BASE MODE NFILES" or "M1 ARCH BIG MODE NFILES" (ARCH knight, x86,
     ...; BIG 0 or 1; MODE hex, octal or binary), then per file a line "LENGTH" and that many
     bytes. The answer is a line "ok LENGTH" and the output bytes, or a line
     "error KIND FILE OFFSET VALUE LENGTH" and the subject's bytes; stdout is flushed after each.
   core_main hex2|M1 [-A ARCH] [-B ADDR] [--little-endian|--big-endian] [-O|--octal]
                     [-b|--binary] [--non-executable] -f FILE [-f FILE ...] [-o OUT]
     The drop-in's command line, as far as the corpus uses it: writes OUT (or stdout) and exits 0,
     or prints "error KIND file=N offset=N value=N subject=TEXT" on stderr and exits 1. An
     unknown flag or architecture is a usage error (exit 2). *)
open Cores

(* Coq's binary numbers from and to OCaml's. Every number here is far below 2^62. *)
let rec positive_of_int i =
  if i = 1 then XH
  else if i land 1 = 0 then XO (positive_of_int (i lsr 1))
  else XI (positive_of_int (i lsr 1))

let n_of_int i = if i = 0 then N0 else Npos (positive_of_int i)

let rec int_of_positive = function
  | XH -> 1
  | XO p -> 2 * int_of_positive p
  | XI p -> (2 * int_of_positive p) + 1

let int_of_n = function N0 -> 0 | Npos p -> int_of_positive p
let int_of_z = function Z0 -> 0 | Zpos p -> int_of_positive p | Zneg p -> - int_of_positive p

(* A file's bytes as a Coq byte list; the 256 values are shared. *)
let byte_values = Array.init 256 n_of_int

let bytes_of_string s =
  let l = ref [] in
  for i = String.length s - 1 downto 0 do
    l := byte_values.(Char.code s.[i]) :: !l
  done;
  !l

let string_of_bytes l =
  let b = Buffer.create 4096 in
  List.iter (fun x -> Buffer.add_char b (Char.chr (int_of_n x))) l;
  Buffer.contents b

let architecture_of_name = function
  | "knight" | "knight-native" | "knight-posix" -> Some Knight
  | "x86" -> Some X86
  | "amd64" -> Some Amd64
  | "armv7l" -> Some Armv7l
  | "aarch64" -> Some Aarch64
  | "ppc64le" -> Some Ppc64le
  | "riscv32" -> Some Riscv32
  | "riscv64" -> Some Riscv64
  | _ -> None

let mode_of_name = function
  | "hex" -> Some Hex_mode
  | "octal" -> Some Octal_mode
  | "binary" -> Some Binary_mode
  | _ -> None

let kind_name = function
  | Undefined_label -> "undefined_label"
  | Displacement_out_of_range -> "displacement_out_of_range"
  | Unaligned_branch_target -> "unaligned_branch_target"
  | Riscv_field_out_of_range -> "riscv_field_out_of_range"
  | Unterminated_word -> "unterminated_word"
  | Nul_in_name -> "nul_in_name"
  | Unterminated_string -> "unterminated_string"
  | Nul_in_token -> "nul_in_token"
  | Empty_input -> "empty_input"
  | Macro_name_missing -> "macro_name_missing"
  | Macro_value_missing -> "macro_value_missing"
  | Immediate_out_of_range -> "immediate_out_of_range"
  | Negative_padding -> "negative_padding"
  | Invalid_other -> "invalid_other"
  | Quirk_rejected -> "quirk_rejected"

let usage message =
  prerr_endline ("core_main: " ^ message);
  exit 2

let required what = function Some x -> x | None -> usage ("bad " ^ what)

(* The 32-bit base address upstream's strtoint reads from the -B argument. *)
let base_of_text text =
  let v = int_of_z (strtoint (bytes_of_string text)) in
  n_of_int (((v mod 4294967296) + 4294967296) mod 4294967296)

(* ---------------------------------------------------------------- agent *)

let run_agent () =
  set_binary_mode_in stdin true;
  set_binary_mode_out stdout true;
  let read_files count =
    List.init count (fun _ ->
        let length = int_of_string (input_line stdin) in
        bytes_of_string (really_input_string stdin length))
  in
  let answer = function
    | Ok out ->
        let s = string_of_bytes out in
        Printf.printf "ok %d\n%s" (String.length s) s
    | Err e ->
        let subject = string_of_bytes e.err_subject in
        Printf.printf "error %s %d %d %d %d\n%s" (kind_name e.err_kind) (int_of_n e.err_file)
          (int_of_n e.err_offset) (int_of_z e.err_value) (String.length subject) subject
  in
  let flag = function "0" -> false | "1" -> true | _ -> usage "bad flag in a case" in
  let arch name = required "architecture" (architecture_of_name name) in
  let mode name = required "byte mode" (mode_of_name name) in
  try
    while true do
      let header = String.split_on_char ' ' (input_line stdin) in
      (match header with
       | [ "hex2"; a; big; base; m; count ] ->
           let cfg = { h2_arch = arch a; h2_big_endian = flag big;
                       h2_base_address = n_of_int (int_of_string base); h2_byte_mode = mode m } in
           answer (link cfg (read_files (int_of_string count)))
       | [ "M1"; a; big; m; count ] ->
           let cfg = { m1_arch = arch a; m1_big_endian = flag big; m1_byte_mode = mode m } in
           answer (assemble cfg (read_files (int_of_string count)))
       | _ -> usage "bad case header");
      flush stdout
    done
  with End_of_file -> ()

(* ---------------------------------------------------------------- drop-ins *)

let read_file name =
  let ic = open_in_bin name in
  let s = really_input_string ic (in_channel_length ic) in
  close_in ic;
  bytes_of_string s

let run_drop_in tool args =
  let arch = ref Knight and big = ref true and mode = ref Hex_mode and base = ref N0
  and files = ref [] and out = ref "" in
  let rec go = function
    | [] -> ()
    | ("-A" | "--architecture") :: a :: rest ->
        arch := required ("architecture " ^ a) (architecture_of_name a); go rest
    | ("-B" | "--base-address") :: b :: rest when tool = "hex2" -> base := base_of_text b; go rest
    | "--little-endian" :: rest -> big := false; go rest
    | "--big-endian" :: rest -> big := true; go rest
    | "--non-executable" :: rest when tool = "hex2" -> go rest
    | ("-O" | "--octal") :: rest -> mode := Octal_mode; go rest
    | ("-b" | "--binary") :: rest -> mode := Binary_mode; go rest
    | ("-f" | "--file") :: f :: rest -> files := f :: !files; go rest
    | ("-o" | "--output") :: f :: rest -> out := f; go rest
    | x :: _ -> usage ("unknown option " ^ x)
  in
  go args;
  if !files = [] then usage "no input file";
  let inputs = List.map read_file (List.rev !files) in
  let result =
    if tool = "hex2" then
      link { h2_arch = !arch; h2_big_endian = !big; h2_base_address = !base; h2_byte_mode = !mode } inputs
    else assemble { m1_arch = !arch; m1_big_endian = !big; m1_byte_mode = !mode } inputs
  in
  match result with
  | Ok bytes ->
      let s = string_of_bytes bytes in
      if !out = "" then (set_binary_mode_out stdout true; print_string s)
      else begin
        let oc = open_out_bin !out in
        output_string oc s;
        close_out oc
      end
  | Err e ->
      Printf.eprintf "error %s file=%d offset=%d value=%d subject=%s\n" (kind_name e.err_kind)
        (int_of_n e.err_file) (int_of_n e.err_offset) (int_of_z e.err_value)
        (String.escaped (string_of_bytes e.err_subject));
      exit 1

let () =
  match List.tl (Array.to_list Sys.argv) with
  | [ "agent" ] -> run_agent ()
  | ("hex2" | "M1") as tool :: args -> run_drop_in tool args
  | _ -> usage "usage: core_main agent | core_main hex2|M1 FLAGS... -f FILE..."
