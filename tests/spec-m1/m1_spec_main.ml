(* m1_spec_main: run the extracted M1 specification on files, with M1's flags, read by the
   extracted CommandLine.m1_command_line (spec/CommandLine.v).
   usage: m1_spec_main [-A ARCH] [--little-endian|--big-endian] [-O|--octal] [-b|--binary]
                       [-o OUTPUT] -f FILE [-f FILE ...]
   Prints M1's output on stdout (or into OUTPUT) and exits 0, or prints one line
   "error KIND file=N offset=N value=N subject=TEXT" on stdout and exits 1. *)
open M1spec

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

let () =
  let args = List.map bytes_of_string (List.tl (Array.to_list Sys.argv)) in
  let r = m1_command_line args in
  (* The files are read below, in the same order; the output is written at the end. *)
  let c = match r.cli_end with
    | End_run c -> c
    | End_help | End_version -> exit 0
    | End_usage_error (Unknown_architecture a) ->
        prerr_endline ("unknown architecture " ^ string_of_bytes a); exit 2
    | End_usage_error _ -> prerr_endline "usage error"; exit 2 in
  let inputs = List.map (fun f -> read_file (string_of_bytes f)) c.cmd_inputs in
  let cfg = c.cmd_config in
  let output = match c.cmd_output with Some o -> string_of_bytes o | None -> "" in
  match assemble cfg inputs with
  | Ok out ->
      let b = Buffer.create 65536 in
      List.iter (fun c -> Buffer.add_char b (Char.chr c)) out;
      if output = "" then print_string (Buffer.contents b)
      else begin
        let oc = open_out_bin output in
        output_string oc (Buffer.contents b); close_out oc
      end
  | Err e ->
      let subj = String.init (List.length e.err_subject)
                   (fun i -> Char.chr (List.nth e.err_subject i)) in
      Printf.printf "error %s file=%d offset=%d value=%d subject=%s\n"
        (kind_name e.err_kind) e.err_file e.err_offset e.err_value subj;
      exit 1
