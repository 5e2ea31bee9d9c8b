(** * Hex2Exec: the executable core of hex2. *)

(** The function the reference engine runs, extracted to C++ by our printer, so it is written in
    the subset of extracted/SUBSET.md. It computes [Hex2Spec.link] ([Hex2Execproof.link_correct])
    the way upstream does: two passes over the input bytes, each reading every byte once with
    the tokenizing automaton of [Hex2Lex] and acting on each token as soon as it is complete,
    never building the list of tokens. The automaton runs in an unboxed form ([cstep] on a flat
    state [cst] plus the numbers [count], [hold], [len]; [Hex2Execproof.cstep_correct] says it is
    [Hex2Lex.lex_step]), and the loops read data digits, blanks, the digits of [.] words and the
    bytes of names, most of the input, directly, so that a byte allocates nothing; the end of a
    file ([cfinish], [Hex2Lex.lex_finish] on slices) runs once per file.
    - Pass 1 ([p1_bytes], [p1_files]) lays out the tokens and records the labels in a [ByteMap].
      It reports the reading errors.
    - Pass 2 ([p2_bytes], [p2_files]) writes every token into an [OutBuf], looking labels up in
      that map and encoding each token with [Hex2Spec.emit_resolved].
    Every loop is a self tail call over the input bytes or the input files; the only other
    recursion is [push_bytes], over the at most four bytes of one token. *)

From Coq Require Import NArith ZArith List.
From Hexproof.Spec Require Import Common Hex2Lex Hex2Encode Hex2Spec.
From Hexproof.Proofs Require Import ByteMap OutBuf.
Import ListNotations.
Local Open Scope N_scope.
Local Open Scope bool_scope.

Definition label_map := ByteMap.t N.

(** ** The automaton with unboxed state *)

(** [Hex2Lex.lex_step] returns a [result] holding a pair of a [lex_state] (whose mode is a boxed
    constructor) and an [option token]: several cells per input byte once printed. The core runs
    the same automaton ([Hex2Execproof.cstep_correct]) with its state as one flat record of
    numbers, enumerations and names ([cst], a struct held by value), and reports what a byte did
    as another flat record ([cres]): nothing, a data byte or a word (their value in [cr_val]), a
    rarer token (built in [cr_tok]), or a NUL in a name (at [cr_val]). A name being read is the
    input from its first byte on ([cs_start], a slice of the input) and a length, so reading it
    allocates nothing either; the name is [OutBuf.take_bytes] of it (a slice again). Only the rare
    tokens allocate. [abs] says which [lex_state] a [cst] stands for. *)

Inductive cmode :=
| cm_data | cm_comment | cm_word | cm_word_comment | cm_label | cm_ref | cm_wref | cm_base.

Record cst := mk_cst {
  cs_mode : cmode;
  cs_pos : N;          (* the offset of the sigil or [.] *)
  cs_wcount : N;       (* a word: bytes read so far *)
  cs_wacc : N;         (* a word: their value *)
  cs_kind : ref_kind;  (* a reference: its kind *)
  cs_start : bytes;    (* a name being read: the input from its first byte on *)
  cs_target : bytes;   (* [lm_base]: the target name *)
  cs_bat : N           (* [lm_base]: the offset of the base name *)
}.

(** The name being read, reversed as [Hex2Lex] keeps it. *)
Definition crev (s : cst) (len : N) : bytes := rev_onto (take_bytes len (cs_start s)) [].

Definition abs_mode (s : cst) (len : N) : lex_mode :=
  match cs_mode s with
  | cm_data => lm_data
  | cm_comment => lm_comment
  | cm_word => lm_word (cs_pos s) (cs_wcount s) (cs_wacc s)
  | cm_word_comment => lm_word_comment (cs_pos s) (cs_wcount s) (cs_wacc s)
  | cm_label => lm_label (cs_pos s) (crev s len)
  | cm_ref => lm_ref (cs_kind s) (cs_pos s) (crev s len)
  | cm_wref => lm_wref (cs_kind s) (cs_pos s) (crev s len)
  | cm_base => lm_base (cs_kind s) (cs_pos s) (cs_target s) (cs_bat s) (crev s len)
  end.

(** The nibble state ([count], [hold]) and the length of the name being read ([len]) are kept
    apart, as numbers, so that a digit or a byte of a name, the most frequent bytes, changes no
    [cst]. *)
Definition abs (s : cst) (count hold len : N) : lex_state :=
  mk_lex_state (abs_mode s len) count hold.

Definition cinit : cst := mk_cst cm_data 0 0 0 ref_bang [] [] 0.

Inductive cev := ev_none | ev_byte | ev_word | ev_tok | ev_nul.

Record cres := mk_cres {
  cr_state : cst;
  cr_count : N;
  cr_hold : N;
  cr_len : N;
  cr_ev : cev;
  cr_val : N;
  cr_tok : token
}.

(** The same state with another mode. *)
Definition cs_set (s : cst) (md : cmode) : cst :=
  match s with
  | mk_cst _ pos wc wa k st tn bat => mk_cst md pos wc wa k st tn bat
  end.

Definition c_none (s : cst) (md : cmode) (count hold len : N) : cres :=
  mk_cres (cs_set s md) count hold len ev_none 0 tok_pad.

Definition c_tok (s : cst) (count hold len : N) (t : token) : cres :=
  mk_cres (cs_set s cm_data) count hold len ev_tok 0 t.

(** Entering a name or a word at [pos]; [rest] is the input after the sigil. *)
Definition c_enter (md : cmode) (count hold : N) (k : ref_kind) (pos : N) (rest : bytes)
  : cres :=
  mk_cres (mk_cst md pos 0 0 k rest [] 0) count hold 0 ev_none 0 tok_pad.

Definition c_push_name (s : cst) (count hold len : N) : cres :=
  mk_cres s count hold (len + 1) ev_none 0 tok_pad.

Definition c_nul (s : cst) (count hold len : N) : cres :=
  mk_cres (cs_set s cm_data) count hold len ev_nul (cs_pos s) tok_pad.

Definition cname (s : cst) (len : N) : bytes := take_bytes len (cs_start s).

Definition cstep_data (cfg : hex2_config) (off c : N) (rest : bytes) (s : cst)
    (count hold len : N) : cres :=
  if c =? ch_colon then c_enter cm_label count hold ref_bang off rest
  else match ref_kind_of c with
  | Some k =>
      if word_arch (h2_arch cfg) && is_word_immediate k
      then c_enter cm_wref count hold k off rest
      else c_enter cm_ref count hold k off rest
  | None =>
      if c =? ch_lt then c_tok s count hold len tok_pad
      else if c =? ch_caret then c_tok s count hold len tok_align
      else if word_arch (h2_arch cfg) && (c =? ch_dot)
      then c_enter cm_word count hold ref_bang off rest
      else match digit_value (h2_byte_mode cfg) c with
      | Some d =>
          let m := h2_byte_mode cfg in
          let h := hold * digit_radix m + d in
          if count + 1 =? digits_per_byte m
          then mk_cres (cs_set s cm_data) 0 0 len ev_byte (N.land h 255) tok_pad
          else mk_cres (cs_set s cm_data) (count + 1) h len ev_none 0 tok_pad
      | None =>
          if starts_comment c then c_none s cm_comment count hold len
          else c_none s cm_data count hold len
      end
  end.

Definition cstep_word (cfg : hex2_config) (c : N) (s : cst) (count hold len : N) : cres :=
  match digit_value (h2_byte_mode cfg) c with
  | Some d =>
      let m := h2_byte_mode cfg in
      let h := hold * digit_radix m + d in
      if count + 1 =? digits_per_byte m then
        match s with
        | mk_cst _ pos wc wa k st tn bat =>
            let acc' := word_push wa h in
            if wc + 1 =? 4
            then mk_cres (cs_set s cm_data) 0 0 len ev_word acc' tok_pad
            else mk_cres (mk_cst cm_word pos (wc + 1) acc' k st tn bat) 0 0 len ev_none 0 tok_pad
        end
      else mk_cres (cs_set s cm_word) (count + 1) h len ev_none 0 tok_pad
  | None =>
      if starts_comment c then c_none s cm_word_comment count hold len
      else c_none s cm_word count hold len
  end.

(** One byte [c] at offset [off] of file [file], followed by [rest]: [Hex2Lex.lex_step] on
    [abs s count hold len]. *)
Definition cstep (cfg : hex2_config) (file off : N) (s : cst) (count hold len c : N)
    (rest : bytes) : cres :=
  match cs_mode s with
  | cm_data => cstep_data cfg off c rest s count hold len
  | cm_comment =>
      if ends_comment c then c_none s cm_data count hold len
      else c_none s cm_comment count hold len
  | cm_word => cstep_word cfg c s count hold len
  | cm_word_comment =>
      if ends_comment c then c_none s cm_word count hold len
      else c_none s cm_word_comment count hold len
  | cm_label =>
      if ends_name c then c_tok s count hold len (tok_label (cname s len))
      else if c =? ch_nul then c_nul s count hold len
      else c_push_name s count hold len
  | cm_ref =>
      if c =? ch_gt then
        mk_cres (mk_cst cm_base (cs_pos s) 0 0 (cs_kind s) rest (cname s len) (off + 1))
          count hold 0 ev_none 0 tok_pad
      else if ends_name c
      then c_tok s count hold len (tok_ref (cs_kind s) file (cs_pos s) (cname s len) None)
      else if c =? ch_nul then c_nul s count hold len
      else c_push_name s count hold len
  | cm_wref =>
      if ends_name c
      then c_tok s count hold len (tok_wref (cs_kind s) file (cs_pos s) (cname s len))
      else if c =? ch_nul then c_nul s count hold len
      else c_push_name s count hold len
  | cm_base =>
      if ends_name c
      then c_tok s count hold len (tok_ref (cs_kind s) file (cs_pos s) (cs_target s)
                                     (Some (cname s len, cs_bat s)))
      else if c =? ch_nul then c_nul s count hold len
      else c_push_name s count hold len
  end.

(** [Hex2Lex.eof_name] of the name being read: the name (a slice), or [0xFF] for none. *)
Definition ceof_name (s : cst) (len : N) : bytes :=
  let n := cname s len in
  match n with
  | [] => [eof_name_byte]
  | _ :: _ => n
  end.

(** [Hex2Lex.lex_finish] on [abs s count hold len] ([Hex2Execproof.cfinish_abs]): the end of
    file [file], the name a slice (building [abs]'s reversed name would cost a list cell, and
    [eof_name] another, a byte of a name the file ends in). *)
Definition cfinish (file : N) (s : cst) (len : N) : result (option token) :=
  match cs_mode s with
  | cm_data | cm_comment => Ok None
  | cm_word | cm_word_comment => Err (lex_error unterminated_word file (cs_pos s))
  | cm_label => Ok (Some (tok_label (ceof_name s len)))
  | cm_ref => Ok (Some (tok_ref (cs_kind s) file (cs_pos s) (ceof_name s len) None))
  | cm_wref => Ok (Some (tok_wref (cs_kind s) file (cs_pos s) (ceof_name s len)))
  | cm_base =>
      Ok (Some (tok_ref (cs_kind s) file (cs_pos s) (cs_target s) (Some (ceof_name s len, cs_bat s))))
  end.

(** The loops below read data digits and blanks, the digits of a [.] word and the bytes inside a
    name without [cstep] (the most frequent bytes; [Hex2Execproof.cstep_data_digit],
    [cstep_data_blank], [cstep_word_digit], [cstep_name_byte] say it is the same). *)
Definition is_data (s : cst) : bool := match cs_mode s with cm_data => true | _ => false end.

Definition is_word (s : cst) : bool := match cs_mode s with cm_word => true | _ => false end.

Definition blank (c : N) : bool := (c =? ch_space) || (c =? ch_lf) || (c =? ch_tab).

(** Byte [c] is one more byte of the name being read. *)
Definition name_byte (s : cst) (c : N) : bool :=
  match cs_mode s with
  | cm_label | cm_wref | cm_base => negb (ends_name c) && negb (c =? ch_nul)
  | cm_ref => negb (c =? ch_gt) && negb (ends_name c) && negb (c =? ch_nul)
  | _ => false
  end.

(** ** Pass 1: layout and labels *)

(** The address after token [t] at [ip], and the labels with [t]'s definition if it is one. *)
Definition p1_token (cfg : hex2_config) (ip : N) (m : label_map) (t : token) : N * label_map :=
  match t with
  | tok_label n => (next_ip cfg ip t, ByteMap.add n ip m)
  | _ => (next_ip cfg ip t, m)
  end.

Fixpoint p1_bytes (cfg : hex2_config) (file off : N) (s : cst) (count hold len : N) (bs : bytes)
    (ip : N) (m : label_map) : result (N * label_map) :=
  match bs with
  | [] =>
      match cfinish file s len with
      | Err e => Err e
      | Ok ot =>
          match ot with
          | None => Ok (ip, m)
          | Some t => Ok (p1_token cfg ip m t)
          end
      end
  | c :: bs' =>
      if is_data s then
        match digit_value (h2_byte_mode cfg) c with
        | Some d =>
            let md := h2_byte_mode cfg in
            if count + 1 =? digits_per_byte md
            then p1_bytes cfg file (off + 1) s 0 0 len bs' (add32 ip 1) m
            else p1_bytes cfg file (off + 1) s (count + 1) (hold * digit_radix md + d) len bs' ip m
        | None =>
            if blank c then p1_bytes cfg file (off + 1) s count hold len bs' ip m
            else
              match cstep cfg file off s count hold len c bs' with
              | mk_cres s' n h ln ev v t =>
                  match ev with
                  | ev_none => p1_bytes cfg file (off + 1) s' n h ln bs' ip m
                  | ev_byte => p1_bytes cfg file (off + 1) s' n h ln bs' (add32 ip 1) m
                  | ev_word => p1_bytes cfg file (off + 1) s' n h ln bs' (add32 ip 0) m
                  | ev_tok =>
                      match p1_token cfg ip m t with
                      | (ip', m') => p1_bytes cfg file (off + 1) s' n h ln bs' ip' m'
                      end
                  | ev_nul => Err (lex_error nul_in_name file v)
                  end
              end
        end
      else if is_word s then
        match digit_value (h2_byte_mode cfg) c with
        | Some d =>
            let md := h2_byte_mode cfg in
            let h := hold * digit_radix md + d in
            if count + 1 =? digits_per_byte md
            then
              match s with
              | mk_cst _ pos wc wa k st tn bat =>
                  if wc + 1 =? 4
                  then p1_bytes cfg file (off + 1) (mk_cst cm_data pos wc wa k st tn bat) 0 0 len bs'
                         (add32 ip 0) m
                  else p1_bytes cfg file (off + 1)
                         (mk_cst cm_word pos (wc + 1) (word_push wa h) k st tn bat) 0 0 len bs' ip m
              end
            else p1_bytes cfg file (off + 1) s (count + 1) h len bs' ip m
        | None =>
            match cstep cfg file off s count hold len c bs' with
            | mk_cres s' n h ln ev v t =>
                match ev with
                | ev_none => p1_bytes cfg file (off + 1) s' n h ln bs' ip m
                | ev_byte => p1_bytes cfg file (off + 1) s' n h ln bs' (add32 ip 1) m
                | ev_word => p1_bytes cfg file (off + 1) s' n h ln bs' (add32 ip 0) m
                | ev_tok =>
                    match p1_token cfg ip m t with
                    | (ip', m') => p1_bytes cfg file (off + 1) s' n h ln bs' ip' m'
                    end
                | ev_nul => Err (lex_error nul_in_name file v)
                end
            end
        end
      else if name_byte s c then p1_bytes cfg file (off + 1) s count hold (len + 1) bs' ip m
      else
        match cstep cfg file off s count hold len c bs' with
        | mk_cres s' n h ln ev v t =>
            match ev with
            | ev_none => p1_bytes cfg file (off + 1) s' n h ln bs' ip m
            | ev_byte => p1_bytes cfg file (off + 1) s' n h ln bs' (add32 ip 1) m
            | ev_word => p1_bytes cfg file (off + 1) s' n h ln bs' (add32 ip 0) m
            | ev_tok =>
                match p1_token cfg ip m t with
                | (ip', m') => p1_bytes cfg file (off + 1) s' n h ln bs' ip' m'
                end
            | ev_nul => Err (lex_error nul_in_name file v)
            end
        end
  end.

Fixpoint p1_files (cfg : hex2_config) (file : N) (inputs : list bytes) (ip : N) (m : label_map)
  : result (N * label_map) :=
  match inputs with
  | [] => Ok (ip, m)
  | bs :: rest =>
      match p1_bytes cfg file 0 cinit 0 0 0 bs ip m with
      | Err e => Err e
      | Ok r =>
          match r with
          | (ip', m') => p1_files cfg (file + 1) rest ip' m'
          end
      end
  end.

(** ** Pass 2: writing *)

Fixpoint push_bytes (o : outbuf) (bs : bytes) : outbuf :=
  match bs with
  | [] => o
  | b :: bs' => push_bytes (out_push o b) bs'
  end.

Definition resolve (m : label_map) (name : option bytes) : option N :=
  match name with
  | None => None
  | Some n => ByteMap.find n m
  end.

(** One token: data bytes (by far the most frequent) directly, the others through
    [emit_resolved] with their labels looked up. *)
Definition p2_token (cfg : hex2_config) (m : label_map) (es : emit_state) (o : outbuf)
    (t : token) : result (emit_state * outbuf) :=
  match t with
  | tok_byte b =>
      let sr := es_sr es in
      Ok (mk_emit_state (add32 (es_ip es) 1) (es_aligned es) (N.shiftr sr 8),
          out_push o (N.lxor b (N.land sr 255)))
  | _ =>
      match emit_resolved cfg es t (resolve m (ref_target t)) (resolve m (ref_base t)) with
      | Err e => Err e
      | Ok r =>
          match r with
          | (es', bs) => Ok (es', push_bytes o bs)
          end
      end
  end.

(** A data byte [b], as [p2_token] writes [tok_byte b]. *)
Definition p2_byte (es : emit_state) (o : outbuf) (b : N) : emit_state * outbuf :=
  let sr := es_sr es in
  (mk_emit_state (add32 (es_ip es) 1) (es_aligned es) (N.shiftr sr 8),
   out_push o (N.lxor b (N.land sr 255))).

Fixpoint p2_bytes (cfg : hex2_config) (m : label_map) (file off : N) (s : cst)
    (count hold len : N) (bs : bytes) (es : emit_state) (o : outbuf) : result (emit_state * outbuf) :=
  match bs with
  | [] =>
      match cfinish file s len with
      | Err e => Err e
      | Ok ot =>
          match ot with
          | None => Ok (es, o)
          | Some t => p2_token cfg m es o t
          end
      end
  | c :: bs' =>
      if is_data s then
        match digit_value (h2_byte_mode cfg) c with
        | Some d =>
            let md := h2_byte_mode cfg in
            let h := hold * digit_radix md + d in
            if count + 1 =? digits_per_byte md
            then
              match p2_byte es o (N.land h 255) with
              | (es', o') => p2_bytes cfg m file (off + 1) s 0 0 len bs' es' o'
              end
            else p2_bytes cfg m file (off + 1) s (count + 1) h len bs' es o
        | None =>
            if blank c then p2_bytes cfg m file (off + 1) s count hold len bs' es o
            else
              match cstep cfg file off s count hold len c bs' with
              | mk_cres s' n h ln ev v t =>
                  match ev with
                  | ev_none => p2_bytes cfg m file (off + 1) s' n h ln bs' es o
                  | ev_byte =>
                      match p2_byte es o v with
                      | (es', o') => p2_bytes cfg m file (off + 1) s' n h ln bs' es' o'
                      end
                  | ev_word =>
                      match p2_token cfg m es o (tok_word v) with
                      | Err e => Err e
                      | Ok r2 =>
                          match r2 with
                          | (es', o') => p2_bytes cfg m file (off + 1) s' n h ln bs' es' o'
                          end
                      end
                  | ev_tok =>
                      match p2_token cfg m es o t with
                      | Err e => Err e
                      | Ok r2 =>
                          match r2 with
                          | (es', o') => p2_bytes cfg m file (off + 1) s' n h ln bs' es' o'
                          end
                      end
                  | ev_nul => Err (lex_error nul_in_name file v)
                  end
              end
        end
      else if is_word s then
        match digit_value (h2_byte_mode cfg) c with
        | Some d =>
            let md := h2_byte_mode cfg in
            let h := hold * digit_radix md + d in
            if count + 1 =? digits_per_byte md
            then
              match s with
              | mk_cst _ pos wc wa k st tn bat =>
                  if wc + 1 =? 4
                  then
                    match p2_token cfg m es o (tok_word (word_push wa h)) with
                    | Err e => Err e
                    | Ok r2 =>
                        match r2 with
                        | (es', o') =>
                            p2_bytes cfg m file (off + 1) (mk_cst cm_data pos wc wa k st tn bat) 0 0 len
                              bs' es' o'
                        end
                    end
                  else p2_bytes cfg m file (off + 1)
                         (mk_cst cm_word pos (wc + 1) (word_push wa h) k st tn bat) 0 0 len bs' es o
              end
            else p2_bytes cfg m file (off + 1) s (count + 1) h len bs' es o
        | None =>
            match cstep cfg file off s count hold len c bs' with
            | mk_cres s' n h ln ev v t =>
                match ev with
                | ev_none => p2_bytes cfg m file (off + 1) s' n h ln bs' es o
                | ev_byte =>
                    match p2_byte es o v with
                    | (es', o') => p2_bytes cfg m file (off + 1) s' n h ln bs' es' o'
                    end
                | ev_word =>
                    match p2_token cfg m es o (tok_word v) with
                    | Err e => Err e
                    | Ok r2 =>
                        match r2 with
                        | (es', o') => p2_bytes cfg m file (off + 1) s' n h ln bs' es' o'
                        end
                    end
                | ev_tok =>
                    match p2_token cfg m es o t with
                    | Err e => Err e
                    | Ok r2 =>
                        match r2 with
                        | (es', o') => p2_bytes cfg m file (off + 1) s' n h ln bs' es' o'
                        end
                    end
                | ev_nul => Err (lex_error nul_in_name file v)
                end
            end
        end
      else if name_byte s c then p2_bytes cfg m file (off + 1) s count hold (len + 1) bs' es o
      else
        match cstep cfg file off s count hold len c bs' with
        | mk_cres s' n h ln ev v t =>
            match ev with
            | ev_none => p2_bytes cfg m file (off + 1) s' n h ln bs' es o
            | ev_byte =>
                match p2_byte es o v with
                | (es', o') => p2_bytes cfg m file (off + 1) s' n h ln bs' es' o'
                end
            | ev_word =>
                match p2_token cfg m es o (tok_word v) with
                | Err e => Err e
                | Ok r2 =>
                    match r2 with
                    | (es', o') => p2_bytes cfg m file (off + 1) s' n h ln bs' es' o'
                    end
                end
            | ev_tok =>
                match p2_token cfg m es o t with
                | Err e => Err e
                | Ok r2 =>
                    match r2 with
                    | (es', o') => p2_bytes cfg m file (off + 1) s' n h ln bs' es' o'
                    end
                end
            | ev_nul => Err (lex_error nul_in_name file v)
            end
        end
  end.

Fixpoint p2_files (cfg : hex2_config) (m : label_map) (file : N) (inputs : list bytes)
    (es : emit_state) (o : outbuf) : result (emit_state * outbuf) :=
  match inputs with
  | [] => Ok (es, o)
  | bs :: rest =>
      match p2_bytes cfg m file 0 cinit 0 0 0 bs es o with
      | Err e => Err e
      | Ok r =>
          match r with
          | (es', o') => p2_files cfg m (file + 1) rest es' o'
          end
      end
  end.

(** ** hex2 *)

(** The output buffer, or the first error. The reference engine runs this and writes the buffer
    to its output piece by piece. *)
Definition link_out (cfg : hex2_config) (inputs : list bytes) : result outbuf :=
  let ip0 := base_ip cfg in
  match p1_files cfg 0 inputs ip0 ByteMap.empty with
  | Err e => Err e
  | Ok r =>
      match r with
      | (_, m) =>
          match p2_files cfg m 0 inputs (mk_emit_state ip0 false 0) out_empty with
          | Err e => Err e
          | Ok r2 =>
              match r2 with
              | (_, o) => Ok o
              end
          end
      end
  end.

Definition link (cfg : hex2_config) (inputs : list bytes) : result bytes :=
  match link_out cfg inputs with
  | Err e => Err e
  | Ok o => Ok (out_contents o)
  end.
