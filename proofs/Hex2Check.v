(** * Hex2Check: the strict checker of hex2, every quirk use a program makes. *)

(** [check cfg inputs] lists every use of a quirk ([Hex2Strict.uses]) that hex2 1.7.0 meets
    reading [inputs] with the flags [cfg]: [Hex2Checkproof.check_correct] proves that a use is in
    the list exactly when the program makes it, so the list is empty exactly when the program is
    strict-clean ([Hex2Checkproof.check_clean]). It keeps every use, so strict mode
    runs the bounded [Hex2CheckFirst.check_first] instead, which reuses this file's token steps
    (extracted to C++ in [extracted/gen/hex2_check.hpp]); it is written in the subset of
    extracted/SUBSET.md.

    One pass over the bytes of every file, with hex2's own reader ([Hex2Lex.lex_step]), in the
    same order as upstream:
    - before each byte, [byte_quirk] of the reader's state and the byte; at the end of the file,
      the reader's state: these are the uses in bytes and at ends, found in every file up to its
      first reading error;
    - each token the reader completes goes to [see_token], which keeps the first definition of
      each label ([hc_labels], a [ByteMap]), whether [^] is in force ([hc_align]), and the
      [.] words and RISC-V immediates of the current file that fewer than four bytes follow
      ([hc_w0] to [hc_w3]: none, one, two or three bytes after them), and notes the uses in the
      tokens ([hc_uses]); at the end of a file that another follows, the words still pending
      there are uses. The uses in the tokens count only when every file is read without error.
    A use is [Quirks.quirk_use]: the quirk, the file and offset, the name it is about, the other
    place (the first definition of a label defined again) and a number. *)

From Coq Require Import NArith ZArith List.
From Hexproof.Spec Require Import Common Quirks Hex2Lex Hex2Encode Hex2Spec Hex2Strict.
From Hexproof.Proofs Require Import ByteMap.
Import ListNotations.
Local Open Scope N_scope.
Local Open Scope bool_scope.

(** ** The tokens *)

Record hcheck := mk_hcheck {
  hc_labels : ByteMap.t (N * N);
  hc_align : bool;
  hc_w0 : list (N * bytes);
  hc_w1 : list (N * bytes);
  hc_w2 : list (N * bytes);
  hc_w3 : list (N * bytes);
  hc_uses : list quirk_use
}.

Definition hc_init : hcheck := mk_hcheck ByteMap.empty false [] [] [] [] [].

Definition with_use (h : hcheck) (u : quirk_use) : hcheck :=
  match h with
  | mk_hcheck m al w0 w1 w2 w3 us => mk_hcheck m al w0 w1 w2 w3 (u :: us)
  end.

Definition with_align (h : hcheck) (al : bool) : hcheck :=
  match h with
  | mk_hcheck m _ w0 w1 w2 w3 us => mk_hcheck m al w0 w1 w2 w3 us
  end.

(** A [.] word or RISC-V immediate at [off], about [subject]: no byte after it yet. *)
Definition with_word (h : hcheck) (off : N) (subject : bytes) : hcheck :=
  match h with
  | mk_hcheck m al w0 w1 w2 w3 us => mk_hcheck m al ((off, subject) :: w0) w1 w2 w3 us
  end.

(** A data byte: every pending word has one byte more after it; after four it is no longer
    pending. *)
Definition after_byte (h : hcheck) : hcheck :=
  match h with
  | mk_hcheck m al w0 w1 w2 _ us => mk_hcheck m al [] w0 w1 w2 us
  end.

(** The token [t] at offset [off] of file [file]. *)
Definition see_token (cfg : hex2_config) (h : hcheck) (file off : N) (t : token) : hcheck :=
  match t with
  | tok_byte _ => after_byte h
  | tok_word _ => with_word h off []
  | tok_wref _ _ _ n => with_align (with_word h off n) false
  | tok_label n =>
      match ByteMap.find n (hc_labels h) with
      | Some (f0, o0) => with_use h (mk_use duplicate_label file off n f0 o0 0)
      | None =>
          match h with
          | mk_hcheck m al w0 w1 w2 w3 us =>
              mk_hcheck (ByteMap.add n (file, off) m) al w0 w1 w2 w3 us
          end
      end
  | tok_ref k f p n (Some (_, bat)) =>
      if ref_absolute k then with_use h (mk_use absolute_with_base f p n f bat 0) else h
  | tok_ref k f p n None =>
      let h' :=
        if ref_absolute k && hc_align h && reads_align (h2_arch cfg)
        then with_use h (plain_use align_on_absolute f p n) else h in
      with_align h' false
  | tok_align => with_align h true
  | tok_pad => h
  end.

(** The words [ws] of file [file] still pending at its end, onto [acc]. *)
Fixpoint pending_uses (file : N) (ws : list (N * bytes)) (acc : list quirk_use)
  : list quirk_use :=
  match ws with
  | [] => acc
  | w :: ws' =>
      match w with
      | (o, n) => pending_uses file ws' (plain_use register_across_files file o n :: acc)
      end
  end.

(** The end of file [file], which another file follows. *)
Definition end_of_file (file : N) (h : hcheck) : hcheck :=
  match h with
  | mk_hcheck m al w0 w1 w2 w3 us =>
      mk_hcheck m al [] [] [] []
        (pending_uses file w3 (pending_uses file w2 (pending_uses file w1 (pending_uses file w0 us))))
  end.

(** ** The bytes *)

(** What reading a file found: the uses in its bytes and at its end, onto those before; the
    tokens' state; and whether it was read without error. *)
Record hscan := mk_hscan {
  hs_uses : list quirk_use;
  hs_tokens : hcheck;
  hs_ok : bool
}.

Definition byte_use (cfg : hex2_config) (file off : N) (st : lex_state) (c : N)
    (lu : list quirk_use) : list quirk_use :=
  match byte_quirk cfg st c with
  | Some k => in_name_use k file off st :: lu
  | None => lu
  end.

(** The end of file [file], [off] bytes long, in state [st]. *)
Definition end_uses (file off : N) (st : lex_state) (lu : list quirk_use) : list quirk_use :=
  let lu1 := if 0 <? ls_count st then plain_use nibble_across_files file off [] :: lu else lu in
  if is_open st then plain_use text_across_files file off [] :: lu1 else lu1.

Fixpoint scan_bytes (cfg : hex2_config) (file off : N) (st : lex_state) (bs : bytes)
    (lu : list quirk_use) (h : hcheck) : hscan :=
  match bs with
  | [] =>
      let lu' := end_uses file off st lu in
      match lex_finish file st with
      | Err _ => mk_hscan lu' h false
      | Ok None => mk_hscan lu' h true
      | Ok (Some t) => mk_hscan lu' (see_token cfg h file (token_offset st off) t) true
      end
  | c :: bs' =>
      let lu' := byte_use cfg file off st c lu in
      match lex_step cfg file off st c with
      | Err _ => mk_hscan lu' h false
      | Ok r =>
          match r with
          | (st', None) => scan_bytes cfg file (off + 1) st' bs' lu' h
          | (st', Some t) =>
              scan_bytes cfg file (off + 1) st' bs' lu' (see_token cfg h file (token_offset st off) t)
          end
      end
  end.

Fixpoint scan_files (cfg : hex2_config) (file : N) (inputs : list bytes) (lu : list quirk_use)
    (h : hcheck) (ok : bool) : list quirk_use :=
  match inputs with
  | [] => if ok then push_uses (hc_uses h) lu else lu
  | bs :: rest =>
      match scan_bytes cfg file 0 lex_init bs lu h with
      | mk_hscan lu' h' ok' =>
          match rest with
          | [] => scan_files cfg (file + 1) rest lu' h' (ok && ok')
          | _ :: _ => scan_files cfg (file + 1) rest lu' (end_of_file file h') (ok && ok')
          end
      end
  end.

(** Every quirk use of hex2 reading [inputs] with the flags [cfg]. *)
Definition check (cfg : hex2_config) (inputs : list bytes) : list quirk_use :=
  scan_files cfg 0 inputs [] hc_init true.
