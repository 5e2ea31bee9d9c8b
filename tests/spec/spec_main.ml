(* spec_main: run the extracted hex2 or M1 specification with the drop-in's command line, read by
   the extracted CommandLine.hex2_command_line or CommandLine.m1_command_line (spec/CommandLine.v).
   usage: spec_main hex2 [-A ARCH] [-B ADDR] [--little-endian|--big-endian] [-O|--octal]
                         [-b|--binary] [--non-executable] -f FILE [-f FILE ...] [-o OUT]
          spec_main M1 [-A ARCH] [--little-endian|--big-endian] [-O|--octal] [-b|--binary]
                       -f FILE [-f FILE ...] [-o OUT]
   Writes the output to OUT (or stdout) and exits 0, or prints one line
   "error KIND file=N offset=N value=N subject=TEXT" on stderr (TEXT as OCaml's String.escaped
   shows it) and exits 1; no output file is written then. For hex2 an unknown architecture keeps
   the previous one, with upstream's warning; for M1 it is a usage error (exit 2). *)
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

let () =
  match List.tl (Array.to_list Sys.argv) with
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
