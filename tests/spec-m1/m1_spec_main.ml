(* m1_spec_main: run the extracted M1 specification on files, with M1's flags.
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

let () =
  let arch = ref Knight and big = ref true and mode = ref Hex_mode and files = ref [] and output = ref "" in
  let rec go = function
    | [] -> ()
    | ("-A" | "--architecture") :: a :: rest ->
        arch := (match a with
                 | "knight-native" | "knight-posix" -> Knight
                 | "x86" -> X86 | "amd64" -> Amd64 | "armv7l" -> Armv7l
                 | "aarch64" -> Aarch64 | "ppc64le" -> Ppc64le
                 | "riscv32" -> Riscv32 | "riscv64" -> Riscv64
                 | _ -> prerr_endline ("unknown architecture " ^ a); exit 2);
        go rest
    | "--little-endian" :: rest -> big := false; go rest
    | "--big-endian" :: rest -> big := true; go rest
    | ("-O" | "--octal") :: rest -> mode := Octal_mode; go rest
    | ("-b" | "--binary") :: rest -> mode := Binary_mode; go rest
    | ("-f" | "--file") :: f :: rest -> files := f :: !files; go rest
    | ("-o" | "--output") :: f :: rest -> output := f; go rest
    | x :: _ -> prerr_endline ("unknown option " ^ x); exit 2
  in
  go (List.tl (Array.to_list Sys.argv));
  let inputs = List.map read_file (List.rev !files) in
  let cfg = { m1_arch = !arch; m1_big_endian = !big; m1_byte_mode = !mode } in
  match assemble cfg inputs with
  | Ok out ->
      let b = Buffer.create 65536 in
      List.iter (fun c -> Buffer.add_char b (Char.chr c)) out;
      if !output = "" then print_string (Buffer.contents b)
      else begin
        let oc = open_out_bin !output in
        output_string oc (Buffer.contents b); close_out oc
      end
  | Err e ->
      let subj = String.init (List.length e.err_subject)
                   (fun i -> Char.chr (List.nth e.err_subject i)) in
      Printf.printf "error %s file=%d offset=%d value=%d subject=%s\n"
        (kind_name e.err_kind) e.err_file e.err_offset e.err_value subj;
      exit 1
