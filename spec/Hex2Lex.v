(** * Hex2Lex: how hex2 reads its input files into tokens. *)

(** hex2 reads each input file byte by byte and keeps a little state between bytes: the digits
    of the byte being assembled (the "nibble state"), and whether it is in a comment, in a name,
    or in a RISC-V [.] word. This file states that reading as an automaton: [lex_step] says what
    one byte does in a state (possibly producing one token), [lex_finish] what the end of a file
    does. Upstream reads every file twice (once to lay out labels, once to write); both readings
    consume the same bytes in the same way, so one tokenization describes both.

    Tokens:
    - [tok_byte b]: a byte assembled from digits (2 hex, 3 octal or 8 binary digits);
    - [tok_word w]: a RISC-V [.XXXXXXXX] word, the 32-bit value of its four bytes of digits;
    - [tok_label n]: [:n];
    - [tok_ref k file pos n base]: a reference field [!@$~%&n] or [n>base]; [pos] is the offset of
      the sigil, the name starts at [pos + 1], a base name at the recorded offset;
    - [tok_wref k file pos n]: a RISC-V immediate [!@$~n] (word mode only, no [>base]);
    - [tok_pad]: [<];  [tok_align]: [^].

    Quirks kept from upstream (1.7.0), each marked (Q) below: the nibble state survives skipped
    text, comments and names; a name runs to space, tab, newline, [>] or end of file, so [#],
    [;] and [\r] belong to it; a name that is empty because the file ends right after its sigil
    is the one-byte name [0xFF]; a comment ends at [\n] or [\r]. Where upstream is undefined
    (docs/contract.md): a NUL byte in a name is the error [nul_in_name] at the sigil, and a [.]
    word cut short by the end of the file is [unterminated_word] at the [.].

    The definitions are written with comparisons on [N] rather than pattern matching on
    numbers, so the executable core can run this very automaton. *)

From Coq Require Import NArith ZArith List.
From Hexproof.Spec Require Import Common.
Import ListNotations.
Local Open Scope N_scope.
Local Open Scope bool_scope.

(** ** Characters *)

Definition ch_nul : N := 0.
Definition ch_tab : N := 9.
Definition ch_lf : N := 10.
Definition ch_cr : N := 13.
Definition ch_space : N := 32.
Definition ch_bang : N := 33.     (* ! *)
Definition ch_hash : N := 35.     (* # *)
Definition ch_dollar : N := 36.   (* $ *)
Definition ch_percent : N := 37.  (* % *)
Definition ch_amp : N := 38.      (* & *)
Definition ch_dot : N := 46.      (* . *)
Definition ch_colon : N := 58.    (* : *)
Definition ch_semi : N := 59.     (* ; *)
Definition ch_lt : N := 60.       (* < *)
Definition ch_gt : N := 62.       (* > *)
Definition ch_at : N := 64.       (* @ *)
Definition ch_caret : N := 94.    (* ^ *)
Definition ch_tilde : N := 126.   (* ~ *)

(** The one-byte name of an empty name at end of file (Q): upstream stores the [EOF] it read
    into a [char]. *)
Definition eof_name_byte : N := 255.

(** A name ends at space, tab, newline or [>]. *)
Definition ends_name (c : N) : bool :=
  (c =? ch_space) || (c =? ch_tab) || (c =? ch_lf) || (c =? ch_gt).

Definition starts_comment (c : N) : bool := (c =? ch_hash) || (c =? ch_semi).

Definition ends_comment (c : N) : bool := (c =? ch_lf) || (c =? ch_cr).

(** ** References *)

(** The six reference sigils: [!] 1-byte relative, [@] 2-byte relative, [$] 2-byte absolute,
    [~] 3-byte relative, [%] 4-byte relative, [&] 4-byte absolute. *)
Inductive ref_kind := ref_bang | ref_at | ref_dollar | ref_tilde | ref_percent | ref_amp.

Definition ref_kind_of (c : N) : option ref_kind :=
  if c =? ch_bang then Some ref_bang
  else if c =? ch_at then Some ref_at
  else if c =? ch_dollar then Some ref_dollar
  else if c =? ch_tilde then Some ref_tilde
  else if c =? ch_percent then Some ref_percent
  else if c =? ch_amp then Some ref_amp
  else None.

(** The size in bytes of a reference field. *)
Definition ref_size (k : ref_kind) : N :=
  match k with
  | ref_bang => 1
  | ref_at | ref_dollar => 2
  | ref_tilde => 3
  | ref_percent | ref_amp => 4
  end.

Definition ref_absolute (k : ref_kind) : bool :=
  match k with
  | ref_dollar | ref_amp => true
  | _ => false
  end.

(** RISC-V is "word mode": [.] words exist and [!@$~] are instruction immediates. *)
Definition word_arch (a : architecture) : bool :=
  match a with
  | riscv32 | riscv64 => true
  | _ => false
  end.

(** In word mode [!@$~] occupy no space and take no [>base]; [%&] stay 4-byte fields. *)
Definition is_word_immediate (k : ref_kind) : bool :=
  match k with
  | ref_percent | ref_amp => false
  | _ => true
  end.

(** ** Tokens *)

Inductive token :=
| tok_byte (b : N)
| tok_word (w : N)
| tok_label (name : bytes)
| tok_ref (k : ref_kind) (file pos : N) (target : bytes) (base : option (bytes * N))
| tok_wref (k : ref_kind) (file pos : N) (target : bytes)
| tok_pad
| tok_align.

(** ** Digits *)

(** The value of [c] as a digit of the byte mode, if it is one. *)
Definition digit_value (m : byte_mode) (c : N) : option N :=
  match m with
  | hex_mode =>
      if (48 <=? c) && (c <=? 57) then Some (c - 48)
      else if (97 <=? c) && (c <=? 102) then Some (c - 87)
      else if (65 <=? c) && (c <=? 70) then Some (c - 55)
      else None
  | octal_mode => if (48 <=? c) && (c <=? 55) then Some (c - 48) else None
  | binary_mode => if (48 <=? c) && (c <=? 49) then Some (c - 48) else None
  end.

Definition digit_radix (m : byte_mode) : N :=
  match m with hex_mode => 16 | octal_mode => 8 | binary_mode => 2 end.

Definition digits_per_byte (m : byte_mode) : N :=
  match m with hex_mode => 2 | octal_mode => 3 | binary_mode => 8 end.

(** ** The automaton *)

(** What the reader is in the middle of. Names are accumulated in reverse ([rev_name]).
    - [lm_data]: between tokens, reading digits;
    - [lm_comment]: after [#] or [;], up to [\n] or [\r];
    - [lm_word pos count acc]: inside a [.] word begun at [pos], [count] bytes read so far, their
      value [acc]; [lm_word_comment] is a comment inside such a word;
    - [lm_label pos rev_name]: the name of [:] at [pos];
    - [lm_ref k pos rev_name]: the target name of a reference field;
    - [lm_wref k pos rev_name]: the target name of a RISC-V immediate;
    - [lm_base k pos target base_at rev_name]: the base name after [target>]. *)
Inductive lex_mode :=
| lm_data
| lm_comment
| lm_word (pos count acc : N)
| lm_word_comment (pos count acc : N)
| lm_label (pos : N) (rev_name : bytes)
| lm_ref (k : ref_kind) (pos : N) (rev_name : bytes)
| lm_wref (k : ref_kind) (pos : N) (rev_name : bytes)
| lm_base (k : ref_kind) (pos : N) (target : bytes) (base_at : N) (rev_name : bytes).

(** The nibble state: [ls_count] digits of the current byte read so far, their value [ls_hold].
    It is kept in every mode (Q): digits on both sides of a comment or name make one byte. *)
Record lex_state := mk_lex_state {
  ls_mode : lex_mode;
  ls_count : N;
  ls_hold : N
}.

(** Every file starts afresh (Q: an odd final nibble of the previous file is dropped). *)
Definition lex_init : lex_state := mk_lex_state lm_data 0 0.

Fixpoint rev_append_bytes (l acc : bytes) : bytes :=
  match l with
  | [] => acc
  | x :: l' => rev_append_bytes l' (x :: acc)
  end.

Definition name_of_rev (rev_name : bytes) : bytes := rev_append_bytes rev_name [].

(** The name at end of file: empty becomes [0xFF] (Q). *)
Definition eof_name (rev_name : bytes) : bytes :=
  match rev_name with
  | [] => [eof_name_byte]
  | _ => name_of_rev rev_name
  end.

Definition lex_error (k : error_kind) (file pos : N) : error :=
  mk_error k file pos 0%Z [].

(** One digit [d] into the nibble state: either the byte is still incomplete (the new count and
    hold) or it is complete, and its raw value is [hold * radix + d] (at most 511 in octal mode,
    where [777] makes a byte [0x1FF], written as [0xFF]). *)
Inductive digit_effect :=
| digit_partial (count hold : N)
| digit_complete (raw : N).

Definition digit_step (m : byte_mode) (count hold d : N) : digit_effect :=
  if count + 1 =? digits_per_byte m then digit_complete (hold * digit_radix m + d)
  else digit_partial (count + 1) (hold * digit_radix m + d).

(** A word's value after one more byte: upstream shifts its unsigned accumulator left by 8 and
    XORs the raw byte in (so the ninth bit of an octal [777] overlaps the previous byte (Q)). *)
Definition word_push (acc raw : N) : N := N.land (N.lxor (N.shiftl acc 8) raw) 4294967295.

Definition lex_result := result (lex_state * option token).

Definition lex_continue (mode : lex_mode) (st : lex_state) : lex_result :=
  Ok (mk_lex_state mode (ls_count st) (ls_hold st), None).

Definition lex_emit (mode : lex_mode) (st : lex_state) (t : token) : lex_result :=
  Ok (mk_lex_state mode (ls_count st) (ls_hold st), Some t).

(** Between tokens, byte [c] at offset [off] of file [file]. *)
Definition lex_data (cfg : hex2_config) (file off c : N) (st : lex_state) : lex_result :=
  if c =? ch_colon then lex_continue (lm_label off []) st
  else match ref_kind_of c with
  | Some k =>
      if word_arch (h2_arch cfg) && is_word_immediate k
      then lex_continue (lm_wref k off []) st
      else lex_continue (lm_ref k off []) st
  | None =>
      if c =? ch_lt then lex_emit lm_data st tok_pad
      else if c =? ch_caret then lex_emit lm_data st tok_align
      else if word_arch (h2_arch cfg) && (c =? ch_dot) then lex_continue (lm_word off 0 0) st
      else match digit_value (h2_byte_mode cfg) c with
      | Some d =>
          match digit_step (h2_byte_mode cfg) (ls_count st) (ls_hold st) d with
          | digit_partial n h => Ok (mk_lex_state lm_data n h, None)
          | digit_complete raw =>
              Ok (mk_lex_state lm_data 0 0, Some (tok_byte (N.land raw 255)))
          end
      | None =>
          if starts_comment c then lex_continue lm_comment st
          else lex_continue lm_data st   (* anything else is skipped (Q) *)
      end
  end.

(** Inside a [.] word: only digits and comments count; labels and sigils are plain text. *)
Definition lex_word (cfg : hex2_config) (pos count acc c : N) (st : lex_state) : lex_result :=
  match digit_value (h2_byte_mode cfg) c with
  | Some d =>
      match digit_step (h2_byte_mode cfg) (ls_count st) (ls_hold st) d with
      | digit_partial n h => Ok (mk_lex_state (lm_word pos count acc) n h, None)
      | digit_complete raw =>
          let acc' := word_push acc raw in
          if count + 1 =? 4 then Ok (mk_lex_state lm_data 0 0, Some (tok_word acc'))
          else Ok (mk_lex_state (lm_word pos (count + 1) acc') 0 0, None)
      end
  | None =>
      if starts_comment c then lex_continue (lm_word_comment pos count acc) st
      else lex_continue (lm_word pos count acc) st
  end.

(** One byte [c] at offset [off] of file [file]. *)
Definition lex_step (cfg : hex2_config) (file off : N) (st : lex_state) (c : N) : lex_result :=
  match ls_mode st with
  | lm_data => lex_data cfg file off c st
  | lm_comment =>
      if ends_comment c then lex_continue lm_data st else lex_continue lm_comment st
  | lm_word pos count acc => lex_word cfg pos count acc c st
  | lm_word_comment pos count acc =>
      if ends_comment c then lex_continue (lm_word pos count acc) st
      else lex_continue (lm_word_comment pos count acc) st
  | lm_label pos rn =>
      (* the terminator, even [>], is dropped: [:a>b] leaves [b] as text (Q) *)
      if ends_name c then lex_emit lm_data st (tok_label (name_of_rev rn))
      else if c =? ch_nul then Err (lex_error nul_in_name file pos)
      else lex_continue (lm_label pos (c :: rn)) st
  | lm_ref k pos rn =>
      if c =? ch_gt then lex_continue (lm_base k pos (name_of_rev rn) (off + 1) []) st
      else if ends_name c then lex_emit lm_data st (tok_ref k file pos (name_of_rev rn) None)
      else if c =? ch_nul then Err (lex_error nul_in_name file pos)
      else lex_continue (lm_ref k pos (c :: rn)) st
  | lm_wref k pos rn =>
      (* no [>base] in word mode: [!a>b] leaves [b] as text (Q) *)
      if ends_name c then lex_emit lm_data st (tok_wref k file pos (name_of_rev rn))
      else if c =? ch_nul then Err (lex_error nul_in_name file pos)
      else lex_continue (lm_wref k pos (c :: rn)) st
  | lm_base k pos tn bat rn =>
      (* [a>b>c]: the second [>] ends the base name, [c] is text (Q) *)
      if ends_name c then lex_emit lm_data st (tok_ref k file pos tn (Some (name_of_rev rn, bat)))
      else if c =? ch_nul then Err (lex_error nul_in_name file pos)
      else lex_continue (lm_base k pos tn bat (c :: rn)) st
  end.

(** The end of file [file]: a pending name is complete; a pending word is an error. *)
Definition lex_finish (file : N) (st : lex_state) : result (option token) :=
  match ls_mode st with
  | lm_data | lm_comment => Ok None
  | lm_word pos _ _ | lm_word_comment pos _ _ => Err (lex_error unterminated_word file pos)
  | lm_label _ rn => Ok (Some (tok_label (eof_name rn)))
  | lm_ref k pos rn => Ok (Some (tok_ref k file pos (eof_name rn) None))
  | lm_wref k pos rn => Ok (Some (tok_wref k file pos (eof_name rn)))
  | lm_base k pos tn bat rn => Ok (Some (tok_ref k file pos tn (Some (eof_name rn, bat))))
  end.

(** ** Running the automaton over a file *)

Fixpoint lex_bytes (cfg : hex2_config) (file off : N) (st : lex_state) (bs : bytes)
  : result (list token) :=
  match bs with
  | [] =>
      match lex_finish file st with
      | Err e => Err e
      | Ok None => Ok []
      | Ok (Some t) => Ok [t]
      end
  | c :: bs' =>
      match lex_step cfg file off st c with
      | Err e => Err e
      | Ok (st', ot) =>
          match lex_bytes cfg file (off + 1) st' bs' with
          | Err e => Err e
          | Ok ts => match ot with None => Ok ts | Some t => Ok (t :: ts) end
          end
      end
  end.

(** The tokens of all files, in command-line order; the first reading error wins. *)
Fixpoint lex_files (cfg : hex2_config) (file : N) (inputs : list bytes) : result (list token) :=
  match inputs with
  | [] => Ok []
  | bs :: rest =>
      match lex_bytes cfg file 0 lex_init bs with
      | Err e => Err e
      | Ok ts =>
          match lex_files cfg (file + 1) rest with
          | Err e => Err e
          | Ok ts' => Ok (ts ++ ts')
          end
      end
  end.
