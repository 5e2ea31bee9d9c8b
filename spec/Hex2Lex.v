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
From Hexproof.Spec Require Import Common Quirks.
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

(** The number of byte tokens among [ts]: each moves the shift register on by one byte. *)
Definition data_bytes (ts : list token) : N :=
  N.of_nat (length (filter (fun t => match t with tok_byte _ => true | _ => false end) ts)).

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

(** The reader's state after the bytes [bs], read from offset [off] of file [file] in state
    [st]; or the error it met. *)
Fixpoint lex_run (cfg : hex2_config) (file off : N) (st : lex_state) (bs : bytes)
  : result lex_state :=
  match bs with
  | [] => Ok st
  | c :: bs' =>
      match lex_step cfg file off st c with
      | Err e => Err e
      | Ok (st', _) => lex_run cfg file (off + 1) st' bs'
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

(** ** Reading under quirk resolutions *)

(** [read_files q] is [lex_files] with the quirks of reading resolved by [q] (Quirks.v): it
    reads every file with the reader's state at the end of the previous one in hand, and gives
    each file's tokens with the offsets where they start. At [Quirks.hex2_1_7_0] it is
    [lex_files] ([Hex2Default.read_files_1_7_0]). *)

(** The quirk that byte [c] uses when the reader is in state [st], if any:
    - [split_byte]: part of a byte is pending (between tokens or in a [.] word) and [c] is not
      a digit;
    - [cr_in_token], [comment_char_in_token]: [c] is [\r], or [#] or [;], inside a name;
    - [misplaced_base]: [c] is [>] after a label name, a base name or a RISC-V immediate's name,
      where it cannot start a base. *)
Definition byte_quirk (cfg : hex2_config) (st : lex_state) (c : N) : option quirk :=
  let in_name :=
    if c =? ch_cr then Some cr_in_token
    else if starts_comment c then Some comment_char_in_token
    else None in
  match ls_mode st with
  | lm_data | lm_word _ _ _ =>
      if 0 <? ls_count st then
        match digit_value (h2_byte_mode cfg) c with
        | Some _ => None
        | None => Some split_byte
        end
      else None
  | lm_ref _ _ _ => in_name
  | lm_label _ _ | lm_wref _ _ _ | lm_base _ _ _ _ _ =>
      if c =? ch_gt then Some misplaced_base else in_name
  | lm_comment | lm_word_comment _ _ _ => None
  end.

Definition text_resolution (q : hex2_quirks) (k : quirk) : text_choice :=
  match k with
  | split_byte => hq_split_byte q
  | cr_in_token => hq_cr_in_token q
  | comment_char_in_token => hq_comment_char_in_token q
  | _ => hq_misplaced_base q
  end.

Definition with_mode (st : lex_state) (m : lex_mode) : lex_state :=
  mk_lex_state m (ls_count st) (ls_hold st).

(** One more byte [c] of the name being read. *)
Definition push_name (st : lex_state) (c : N) : lex_state :=
  match ls_mode st with
  | lm_label pos rn => with_mode st (lm_label pos (c :: rn))
  | lm_ref k pos rn => with_mode st (lm_ref k pos (c :: rn))
  | lm_wref k pos rn => with_mode st (lm_wref k pos (c :: rn))
  | lm_base k pos tn bat rn => with_mode st (lm_base k pos tn bat (c :: rn))
  | _ => st
  end.

(** Byte [c], which uses quirk [k], joins what it is in the middle of: the digit after it
    completes the pending ones, the name holds it. Only a [>] is not what [lex_step] does. *)
Definition join_byte (k : quirk) (cfg : hex2_config) (file off : N) (st : lex_state) (c : N)
  : lex_result :=
  match k with
  | misplaced_base => Ok (push_name st c, None)
  | _ => lex_step cfg file off st c
  end.

(** Byte [c], which uses quirk [k], ends what it is in the middle of: the pending digits are
    dropped; a name ends as at a space, and a [#] or [;] then starts a comment. A [>] is what
    [lex_step] does. *)
Definition end_before_byte (k : quirk) (cfg : hex2_config) (file off : N) (st : lex_state)
    (c : N) : lex_result :=
  match k with
  | split_byte => lex_step cfg file off (mk_lex_state (ls_mode st) 0 0) c
  | misplaced_base => lex_step cfg file off st c
  | _ =>
      match lex_step cfg file off st ch_space with
      | Err e => Err e
      | Ok (st', t) => Ok (if starts_comment c then with_mode st' lm_comment else st', t)
      end
  end.

Definition lex_step_with (q : hex2_quirks) (cfg : hex2_config) (file off : N) (st : lex_state)
    (c : N) : lex_result :=
  match byte_quirk cfg st c with
  | None => lex_step cfg file off st c
  | Some k =>
      match text_resolution q k with
      | join_text => join_byte k cfg file off st c
      | end_before_text => end_before_byte k cfg file off st c
      | reject_text => Err (quirk_error k file off)
      end
  end.

(** Where the token that byte [off] completes in state [st] starts: at its sigil or [.], or at
    that byte. *)
Definition token_offset (st : lex_state) (off : N) : N :=
  match ls_mode st with
  | lm_label pos _ | lm_ref _ pos _ | lm_wref _ pos _ | lm_base _ pos _ _ _
  | lm_word pos _ _ | lm_word_comment pos _ _ => pos
  | lm_data | lm_comment => off
  end.

(** The bytes [bs] from offset [off] in state [st]: the state after them and the tokens they
    complete, each with its offset. The end of the file is [read_end]'s. *)
Fixpoint read_bytes (q : hex2_quirks) (cfg : hex2_config) (file off : N) (st : lex_state)
    (bs : bytes) : result (lex_state * list (N * token)) :=
  match bs with
  | [] => Ok (st, [])
  | c :: bs' =>
      match lex_step_with q cfg file off st c with
      | Err e => Err e
      | Ok (st', ot) =>
          match read_bytes q cfg file (off + 1) st' bs' with
          | Err e => Err e
          | Ok (st'', ts) =>
              Ok (st'', match ot with None => ts | Some t => (token_offset st off, t) :: ts end)
          end
      end
  end.

(** Whether the reader is in the middle of something other than data. *)
Definition is_open (st : lex_state) : bool :=
  match ls_mode st with lm_data => false | _ => true end.

(** The end of file [file], [len] bytes long, in state [st] ([last]: no file follows): the
    state the next file starts in and the token the end completes. *)
Definition read_end (q : hex2_quirks) (file len : N) (st : lex_state) (last : bool)
  : result (lex_state * list (N * token)) :=
  let nibble := 0 <? ls_count st in
  let open := is_open st in
  let carry (b : boundary_choice) :=
    match b with continue_next_file => negb last | _ => false end in
  let reject (b : boundary_choice) :=
    match b with reject_at_end => true | _ => false end in
  if nibble && reject (hq_nibble_across_files q)
  then Err (quirk_error nibble_across_files file len)
  else if open && reject (hq_text_across_files q)
  then Err (quirk_error text_across_files file len)
  else
    let nibble' := nibble && carry (hq_nibble_across_files q) in
    let next (m : lex_mode) :=
      mk_lex_state m (if nibble' then ls_count st else 0) (if nibble' then ls_hold st else 0) in
    if open && carry (hq_text_across_files q) then Ok (next (ls_mode st), [])
    else match lex_finish file st with
         | Err e => Err e
         | Ok None => Ok (next lm_data, [])
         | Ok (Some t) => Ok (next lm_data, [(token_offset st len, t)])
         end.

(** Every file's tokens, with their offsets; file [file] is read from state [st]. *)
Fixpoint read_files (q : hex2_quirks) (cfg : hex2_config) (file : N) (st : lex_state)
    (inputs : list bytes) : result (list (list (N * token))) :=
  match inputs with
  | [] => Ok []
  | bs :: rest =>
      match read_bytes q cfg file 0 st bs with
      | Err e => Err e
      | Ok (st1, ts) =>
          let last := match rest with [] => true | _ => false end in
          match read_end q file (N.of_nat (length bs)) st1 last with
          | Err e => Err e
          | Ok (st2, ts_end) =>
              match read_files q cfg (file + 1) st2 rest with
              | Err e => Err e
              | Ok tss => Ok ((ts ++ ts_end) :: tss)
              end
          end
      end
  end.
