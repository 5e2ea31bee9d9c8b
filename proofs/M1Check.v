(** * M1Check: the strict checker of M1, every quirk use a program makes. *)

(** [check cfg inputs] lists every use of a quirk ([M1Strict.uses]) that M1 1.7.0 meets reading
    [inputs] with the flags [cfg]: [M1Checkproof.check_correct] proves that a use is in the list
    exactly when the program makes it, so the list is empty exactly when the program is
    strict-clean ([M1Checkproof.check_clean]). It keeps every use, so strict mode
    runs the bounded [M1CheckFirst.check_first] instead, which reuses this file's token steps
    (extracted to C++ in [extracted/gen/m1_check.hpp]); it is written in the subset of
    extracted/SUBSET.md.

    Two passes over the bytes of every file, like the executable core (M1Exec.v), neither
    holding the token stream: M1's reader a byte at a time ([char_step], which is
    [M1Lex.lex_char] with its texts packed by [rev_onto]), line ends collapsed on the fly
    ([mc_quiet]), and the DEFINE scan of [expand_defines] ([dscan]: after a DEFINE token, the
    next two tokens are its name and value).
    - Pass A notes the uses in bytes and at the ends of files, and for each DEFINE name the
      place of its first DEFINE and of its latest ([mc_defs], a [ByteMap]); a DEFINE of a name
      already there is a [duplicate_define].
    - Pass B, with those places, looks at every word: any word with a number on upstream's
      bounds that no DEFINE binds ([off_by_one_range]); any word but a DEFINE's name that comes
      before the latest DEFINE of its text ([use_before_define]); any printed word (not a DEFINE,
      its name or its value) with an immediate wider than a byte in octal mode
      ([octal_immediate]).
    The uses of the tokens count only when every file is read without error and the DEFINE scan
    ends outside a DEFINE (when [expand_defines] succeeds). *)

From Coq Require Import NArith ZArith List Bool.
From Hexproof.Spec Require Import Common Quirks Strtoint M1Lex M1Eval M1Spec M1Strict.
From Hexproof.Proofs Require Import ByteMap OutBuf.
From Hexproof.Proofs Require M1Exec.
Import ListNotations.
Local Open Scope N_scope.

(** ** Reading *)

Definition word_done (file start : N) (text : bytes) (st : lex_state) (after : list token)
  : result (lex_state * list token) :=
  if has_nul text then Err (lex_error nul_in_token file start)
  else Ok (st, Word text file start :: after).

(** [M1Lex.lex_char], its text packed by [rev_onto]. *)
Definition char_step (file pos : N) (st : lex_state) (c : byte)
  : result (lex_state * list token) :=
  match st with
  | Between =>
      if is_comment_start c then Ok (In_comment, [Newline])
      else if is_blank c then Ok (Between, [])
      else if N.eqb c ch_lf then Ok (Between, [Newline])
      else if is_quote c then Ok (In_string c pos [c], [])
      else Ok (In_atom pos [c], [])
  | In_comment => if is_comment_end c then Ok (Between, []) else Ok (In_comment, [])
  | In_atom start rt =>
      if is_blank c then word_done file start (rev_onto rt []) Between []
      else if N.eqb c ch_lf then word_done file start (rev_onto rt []) Between [Newline]
      else Ok (In_atom start (c :: rt), [])
  | In_string q start rt =>
      if N.eqb c q then word_done file start (rev_onto rt []) Between []
      else Ok (In_string q start (c :: rt), [])
  end.

(** [M1Lex.lex_eof], the same way. *)
Definition eof_step (file : N) (st : lex_state) : result (list token) :=
  match st with
  | Between | In_comment => Ok []
  | In_atom start rt =>
      if has_nul (rev_onto rt []) then Err (lex_error nul_in_token file start)
      else Ok [Word (rev_onto rt []) file start]
  | In_string _ start _ => Err (lex_error unterminated_string file start)
  end.

(** ** The tokens *)

(** Where the DEFINE scan is: outside a DEFINE, after a DEFINE token, after its name. *)
Inductive dscan :=
| ds_none
| ds_name (d : token)
| ds_value (d name : token).

Record mcheck := mk_mcheck {
  mc_quiet : bool;                        (* a line end here would be dropped *)
  mc_scan : dscan;
  mc_defs : ByteMap.t ((N * N) * (N * N)); (* a name's first DEFINE, its latest *)
  mc_uses : list quirk_use;
  mc_octal : list quirk_use                (* pass B's [octal_immediate] uses *)
}.

Definition place_max (a b : N * N) : N * N := if place_le a b then b else a.

(** Pass A: the DEFINE [d] of the name [n]. *)
Definition see_define (m : ByteMap.t ((N * N) * (N * N))) (us : list quirk_use) (d n : token)
  : ByteMap.t ((N * N) * (N * N)) * list quirk_use :=
  match place d with
  | (f, o) =>
      match ByteMap.find (token_text n) m with
      | None => (ByteMap.add (token_text n) ((f, o), (f, o)) m, us)
      | Some r =>
          match r with
          | (first, latest) =>
              match first with
              | (f0, o0) =>
                  (ByteMap.add (token_text n) (first, place_max latest (f, o)) m,
                   mk_use duplicate_define f o (token_text n) f0 o0 0 :: us)
              end
          end
      end
  end.

(** Pass B: the word [s] at offset [o] of file [f], a DEFINE's name ([name]) or a printed word
    ([printed]) or neither (a DEFINE token or value). *)
Definition see_word (cfg : m1_config) (m : ByteMap.t ((N * N) * (N * N))) (s : bytes) (f o : N)
    (name printed : bool) (us octs : list quirk_use) : list quirk_use * list quirk_use :=
  match ByteMap.find s m with
  | Some r =>
      match r with
      | (_, latest) =>
          match latest with
          | (lf, lo) =>
              if negb name && negb (place_le latest (f, o))
              then (mk_use use_before_define f o s lf lo 0 :: us, octs)
              else (us, octs)
          end
      end
  | None =>
      let us' :=
        match immediate_field cfg s with
        | Some x =>
            match x with
            | (c, v) =>
                if negb (is_riscv (m1_arch cfg)) && on_bound c v
                then mk_use off_by_one_range f o s f o v :: us else us
            end
        | None => us
        end in
      (us', if printed && octal_wide cfg s then plain_use octal_immediate f o s :: octs else octs)
  end.

Definition see_word_in (cfg : m1_config) (m : mcheck) (t : token) (name printed : bool)
    (sc : dscan) : mcheck :=
  match t with
  | Word s f o =>
      match see_word cfg (mc_defs m) s f o name printed (mc_uses m) (mc_octal m) with
      | (us, octs) => mk_mcheck false sc (mc_defs m) us octs
      end
  | Newline => mk_mcheck true sc (mc_defs m) (mc_uses m) (mc_octal m)
  end.

(** [M1Spec.is_define], by [M1Exec.is_define_text], which builds no list (the printed
    [M1Spec.define_text] is rebuilt at each use). *)
Definition is_define_token (t : token) : bool :=
  match t with
  | Word s _ _ => M1Exec.is_define_text s
  | Newline => false
  end.

(** One token [t] of the collapsed stream, in pass A ([pass = false]) or B. *)
Definition see_token (pass : bool) (cfg : m1_config) (m : mcheck) (t : token) : mcheck :=
  match mc_scan m with
  | ds_none =>
      let sc := if is_define_token t then ds_name t else ds_none in
      if pass then see_word_in cfg m t false (negb (is_define_token t)) sc
      else mk_mcheck (match t with Newline => true | _ => false end) sc (mc_defs m) (mc_uses m)
             (mc_octal m)
  | ds_name d =>
      if pass then see_word_in cfg m t true false (ds_value d t)
      else mk_mcheck (match t with Newline => true | _ => false end) (ds_value d t) (mc_defs m)
             (mc_uses m) (mc_octal m)
  | ds_value d n =>
      if pass then see_word_in cfg m t false false ds_none
      else
        match see_define (mc_defs m) (mc_uses m) d n with
        | (defs, us) =>
            mk_mcheck (match t with Newline => true | _ => false end) ds_none defs us (mc_octal m)
        end
  end.

(** A token as the reader makes it: a line end that follows another, or starts the stream, is
    dropped ([M1Lex.collapse]). *)
Definition see_raw (pass : bool) (cfg : m1_config) (m : mcheck) (t : token) : mcheck :=
  match t with
  | Newline => if mc_quiet m then m else see_token pass cfg m t
  | Word _ _ _ => see_token pass cfg m t
  end.

Fixpoint see_raws (pass : bool) (cfg : m1_config) (m : mcheck) (ts : list token) : mcheck :=
  match ts with
  | [] => m
  | t :: ts' => see_raws pass cfg (see_raw pass cfg m t) ts'
  end.

(** ** The bytes *)

Record mscan := mk_mscan {
  ms_uses : list quirk_use;
  ms_tokens : mcheck;
  ms_ok : bool
}.

Definition char_use (file pos : N) (st : lex_state) (c : byte) (lu : list quirk_use)
  : list quirk_use :=
  match char_quirk st c with
  | Some k => in_atom_use k file pos st :: lu
  | None => lu
  end.

(** The bytes [s] of file [file] from offset [pos], in state [st]; [w]: the last token of the
    file so far is a word. Pass A notes the uses in the bytes and at the end. *)
Fixpoint scan_chars (pass : bool) (cfg : m1_config) (file pos : N) (st : lex_state) (w : bool)
    (s : bytes) (lu : list quirk_use) (m : mcheck) : mscan :=
  match s with
  | [] =>
      let lu' :=
        if pass then lu
        else match st with
             | Between => if w then plain_use text_across_files file pos [] :: lu else lu
             | _ => plain_use text_across_files file pos [] :: lu
             end in
      match eof_step file st with
      | Err _ => mk_mscan lu' m false
      | Ok ts => mk_mscan lu' (see_raw pass cfg (see_raws pass cfg m ts) Newline) true
      end
  | c :: s' =>
      let lu' := if pass then lu else char_use file pos st c lu in
      match char_step file pos st c with
      | Err _ => mk_mscan lu' m false
      | Ok r =>
          match r with
          | (st', ts) =>
              scan_chars pass cfg file (N.add pos 1) st' (last_is_word ts w) s' lu'
                (see_raws pass cfg m ts)
          end
      end
  end.

Fixpoint scan_inputs (pass : bool) (cfg : m1_config) (file : N) (inputs : list bytes)
    (lu : list quirk_use) (m : mcheck) (ok : bool) : mscan :=
  match inputs with
  | [] => mk_mscan lu m ok
  | f :: fs =>
      match scan_chars pass cfg file 0 Between false f lu m with
      | mk_mscan lu' m' ok' => scan_inputs pass cfg (N.add file 1) fs lu' m' (andb ok ok')
      end
  end.

Definition mc_start (defs : ByteMap.t ((N * N) * (N * N))) : mcheck :=
  mk_mcheck true ds_none defs [] [].

Definition outside_define (sc : dscan) : bool :=
  match sc with ds_none => true | _ => false end.

(** Every quirk use of M1 reading [inputs] with the flags [cfg]. *)
Definition check (cfg : m1_config) (inputs : list bytes) : list quirk_use :=
  match scan_inputs false cfg 0 inputs [] (mc_start ByteMap.empty) true with
  | mk_mscan lu mA okA =>
      if okA then
        match scan_inputs true cfg 0 inputs [] (mc_start (mc_defs mA)) true with
        | mk_mscan _ mB _ =>
            if outside_define (mc_scan mB)
            then push_uses (mc_uses mA) (push_uses (mc_uses mB) (push_uses (mc_octal mB) lu))
            else lu
        end
      else lu
  end.
