(* spec_main: run the extracted hex2 or M1 specification with the drop-in's command line, read by
   the extracted CommandLine.hex2_command_line or CommandLine.m1_command_line (spec/CommandLine.v).
   usage: spec_main hex2 [-A ARCH] [-B ADDR] [--little-endian|--big-endian] [-O|--octal]
                         [-b|--binary] [--non-executable] -f FILE [-f FILE ...] [-o OUT]
          spec_main M1 [-A ARCH] [--little-endian|--big-endian] [-O|--octal] [-b|--binary]
                       -f FILE [-f FILE ...] [-o OUT]
   Writes the output to OUT (or stdout) and exits 0, or prints one line
   "error KIND file=N offset=N value=N subject=TEXT" on stderr (TEXT as OCaml's String.escaped
   shows it) and exits 1; no output file is written then. For hex2 an unknown architecture keeps
   the previous one, with upstream's warning; for M1 it is a usage error (exit 2).
   usage: spec_main agent
   Answers cases read on stdin until its end, for tests/strict-property.cpp, with hex2 and M1
   under any resolutions of the quirks (Hex2Spec.link_with, M1Spec.assemble_with). A case is a
   line "hex2 ARCH BIG BASE MODE QUIRKS NFILES" or "M1 ARCH BIG MODE QUIRKS NFILES" (ARCH knight,
   x86, ...; BIG 0 or 1; MODE hex, octal or binary; QUIRKS a digit per field of
   Quirks.hex2_quirks or Quirks.m1_quirks, in order, each the resolution's place in its type),
   then per file a line "LENGTH" and that many bytes. The answer is a line "ok LENGTH" and the
   output, or a line "error KIND FILE OFFSET VALUE LENGTH" and the subject; stdout is flushed
   after each. *)
open Spec

let read_file name =
  let ic = open_in_bin name in
  let n = in_channel_length ic in
  let s = really_input_string ic n in
  close_in ic;
  let l = ref [] in
  for i = n - 1 downto 0 do l := Char.code s.[i] :: !l done;
  !l

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

let bytes_of_string s = List.init (String.length s) (fun i -> Char.code s.[i])
let string_of_bytes l = String.init (List.length l) (fun i -> Char.chr (List.nth l i))

(* Runs the tool on the command the command line ended in: reads the inputs in order, then
   writes the output at the end, or reports the error. *)
let run tool c =
  let inputs = List.map (fun f -> read_file (string_of_bytes f)) c.cmd_inputs in
  let output = match c.cmd_output with Some o -> string_of_bytes o | None -> "" in
  match tool c.cmd_config inputs with
  | Ok bytes ->
      let b = Buffer.create 65536 in
      List.iter (fun c -> Buffer.add_char b (Char.chr c)) bytes;
      if output = "" then print_string (Buffer.contents b)
      else begin
        let oc = open_out_bin output in
        output_string oc (Buffer.contents b); close_out oc
      end
  | Err e ->
      Printf.eprintf "error %s file=%d offset=%d value=%d subject=%s\n"
        (kind_name e.err_kind) e.err_file e.err_offset e.err_value
        (String.escaped (string_of_bytes e.err_subject));
      exit 1

(* ---------------------------------------------------------------- agent *)

let agent_usage message = prerr_endline ("spec_main agent: " ^ message); exit 2

let architecture_of_name = function
  | "knight" -> Knight | "x86" -> X86 | "amd64" -> Amd64 | "armv7l" -> Armv7l
  | "aarch64" -> Aarch64 | "ppc64le" -> Ppc64le | "riscv32" -> Riscv32 | "riscv64" -> Riscv64
  | a -> agent_usage ("bad architecture " ^ a)

let mode_of_name = function
  | "hex" -> Hex_mode | "octal" -> Octal_mode | "binary" -> Binary_mode
  | m -> agent_usage ("bad byte mode " ^ m)

(* The resolution at place d of its type: the digit d of the QUIRKS word, of [count] digits. *)
let digits count word =
  if String.length word <> count then agent_usage ("bad quirks " ^ word);
  List.init count (fun i -> Char.code word.[i] - 48)

let pick choices d =
  if d < 0 || d >= List.length choices then agent_usage "bad quirk digit" else List.nth choices d

let duplicate = pick [ Keep_last; Keep_first; Reject_duplicate ]
let text = pick [ Join_text; End_before_text; Reject_text ]
let boundary = pick [ End_at_file; Continue_next_file; Reject_at_end ]

let hex2_quirks_of word =
  match digits 10 word with
  | [ dl; sb; nf; tf; cr; cc; mb; ab; al; rg ] ->
      { hq_duplicate_label = duplicate dl; hq_split_byte = text sb;
        hq_nibble_across_files = boundary nf; hq_text_across_files = boundary tf;
        hq_cr_in_token = text cr; hq_comment_char_in_token = text cc;
        hq_misplaced_base = text mb;
        hq_absolute_with_base = pick [ Ignore_base; As_relative; Reject_base ] ab;
        hq_align_on_absolute = pick [ Consume_align; Keep_align; Reject_align ] al;
        hq_register_across_files = pick [ Keep_register; Reset_register; Reject_register ] rg }
  | _ -> agent_usage "bad quirks"

let m1_quirks_of word =
  match digits 7 word with
  | [ dd; ud; tf; cr; cc; rg; oc ] ->
      { mq_duplicate_define = duplicate dd;
        mq_use_before_define = pick [ Order_free; In_order; Reject_order ] ud;
        mq_text_across_files = boundary tf; mq_cr_in_token = text cr;
        mq_comment_char_in_token = text cc;
        mq_range = pick [ Off_by_one_bounds; Exact_bounds ] rg;
        mq_octal_immediate = pick [ Nine_bit_groups; Reject_octal ] oc }
  | _ -> agent_usage "bad quirks"

let run_agent () =
  set_binary_mode_in stdin true;
  set_binary_mode_out stdout true;
  let read_files count =
    List.init count (fun _ ->
        bytes_of_string (really_input_string stdin (int_of_string (input_line stdin))))
  in
  let string_of_list l =
    let b = Buffer.create 4096 in
    List.iter (fun c -> Buffer.add_char b (Char.chr c)) l;
    Buffer.contents b
  in
  let answer = function
    | Ok out ->
        let s = string_of_list out in
        Printf.printf "ok %d\n%s" (String.length s) s
    | Err e ->
        let subject = string_of_list e.err_subject in
        Printf.printf "error %s %d %d %d %d\n%s" (kind_name e.err_kind) e.err_file e.err_offset
          e.err_value (String.length subject) subject
  in
  let flag = function "0" -> false | "1" -> true | _ -> agent_usage "bad flag" in
  try
    while true do
      (match String.split_on_char ' ' (input_line stdin) with
       | [ "hex2"; a; big; base; m; q; count ] ->
           let cfg = { h2_arch = architecture_of_name a; h2_big_endian = flag big;
                       h2_base_address = int_of_string base; h2_byte_mode = mode_of_name m } in
           answer (link_with (hex2_quirks_of q) cfg (read_files (int_of_string count)))
       | [ "M1"; a; big; m; q; count ] ->
           let cfg = { m1_arch = architecture_of_name a; m1_big_endian = flag big;
                       m1_byte_mode = mode_of_name m } in
           answer (assemble_with (m1_quirks_of q) cfg (read_files (int_of_string count)))
       | _ -> agent_usage "bad case header");
      flush stdout
    done
  with End_of_file -> ()

let () =
  match List.tl (Array.to_list Sys.argv) with
  | [ "agent" ] -> run_agent ()
  | "hex2" :: args ->
      let r = hex2_command_line (List.map bytes_of_string args) in
      (* The warnings are the drop-in's business; the spec prints the one upstream prints. *)
      List.iter (function
          | Step_unknown_architecture a -> prerr_endline ("Unknown architecture: " ^ string_of_bytes a)
          | _ -> ()) r.cli_steps;
      (match r.cli_end with
       | End_run c -> run link c
       | End_help | End_version -> exit 0
       | End_usage_error _ -> prerr_endline "usage error"; exit 1)
  | "M1" :: args ->
      let r = m1_command_line (List.map bytes_of_string args) in
      (match r.cli_end with
       | End_run c -> run assemble c
       | End_help | End_version -> exit 0
       | End_usage_error (Unknown_architecture a) ->
           prerr_endline ("unknown architecture " ^ string_of_bytes a); exit 2
       | End_usage_error _ -> prerr_endline "usage error"; exit 2)
  | _ -> prerr_endline "usage: spec_main hex2|M1 ARGS..."; exit 2
