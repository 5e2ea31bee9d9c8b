(** * Hex2Strict: the quirks a hex2 program uses, and strict-clean programs. *)

(** [uses cfg inputs u] says that hex2 1.7.0, reading [inputs] with the flags [cfg], meets the
    quirk use [u] (Quirks.v): a byte, an end of file or a token where the meaning depends on a
    quirk's resolution. A program is strict-clean when it uses none ([strict_clean]); then
    [link_with q] is [link] for every resolution [q]
    ([Hex2Strictproof.strict_quirk_independent]), and the strict checker reports nothing
    ([Hex2Checkproof.check_clean]).

    Where the reader is comes from 1.7.0's own reader: [lex_run] of the bytes before, each file
    from [lex_init]; the tokens come with their files and offsets from [read_files] at 1.7.0's
    resolutions, which are the tokens of [lex_files] ([Hex2Default.read_files_1_7_0]).
    - In a byte ([byte_quirk]): [split_byte] (a byte's digits on both sides of other text: at
      each byte between them but those inside a comment), [cr_in_token] and
      [comment_char_in_token] (at the byte, in a name), [misplaced_base] (at the [>]); the
      other place is where the name starts ([in_name_use]).
    - At the end of a file (its offset is the file's length): [nibble_across_files] (part of a
      byte is pending), [text_across_files] (the reader is in a name, a comment or a [.] word).
    - In the tokens, once every file is read without error: [duplicate_label] (at every
      definition of a label after its first, which is the other place); [absolute_with_base]
      (at [$a>b] or [&a>b]; the other place is the base name); [align_on_absolute] (at [$a] or
      [&a] written while [^] is in force, on the architectures that read it: armv7l, aarch64,
      ppc64le); [register_across_files] (at a [.] word or RISC-V immediate that fewer than four
      bytes follow in its file, when another file follows).
    hex2's command-line quirk ([unknown_architecture_kept]) is the drop-in's to refuse: [cfg]
    is already decided here. *)

From Coq Require Import NArith ZArith List.
From Hexproof.Spec Require Import Common Quirks Hex2Lex Hex2Encode Hex2Spec Hex2Image.
Import ListNotations.
Local Open Scope N_scope.

(** Where the name being read in state [st] starts; [off] (the byte's own place) in no name. *)
Definition name_start (off : N) (st : lex_state) : N :=
  match ls_mode st with
  | lm_label pos _ | lm_ref _ pos _ | lm_wref _ pos _ | lm_base _ pos _ _ _ => pos
  | _ => off
  end.

(** The use of [k] by the byte at [off] of file [file], read in state [st]. It has no subject:
    the name so far can be as long as the file, and a use at each of its bytes would hold it
    again each time (quadratic in the input); the other place is where the name starts. *)
Definition in_name_use (k : quirk) (file off : N) (st : lex_state) : quirk_use :=
  mk_use k file off [] file (name_start off st) 0.

(** The quirks the end of a file uses in state [st]. *)
Definition end_quirk (st : lex_state) (k : quirk) : Prop :=
  (k = nibble_across_files /\ 0 < ls_count st) \/ (k = text_across_files /\ is_open st = true).

(** The tokens [pts] (every file's, with files and offsets) and the files' tokens [tss] use [u]. *)
Inductive token_use (cfg : hex2_config) (tss : list (list (N * token))) (pts : list (N * N * token))
  : quirk_use -> Prop :=
| use_duplicate_label : forall i j f o f0 o0 n,
    nth_error pts j = Some (f0, o0, tok_label n) -> ~ In (tok_label n) (map snd (firstn j pts)) ->
    (j < i)%nat -> nth_error pts i = Some (f, o, tok_label n) ->
    token_use cfg tss pts (mk_use duplicate_label f o n f0 o0 0)
| use_absolute_with_base : forall f o k file pos n b bat,
    In (f, o, tok_ref k file pos n (Some (b, bat))) pts -> ref_absolute k = true ->
    token_use cfg tss pts (mk_use absolute_with_base file pos n file bat 0)
| use_align_on_absolute : forall i f o k file pos n,
    nth_error pts i = Some (f, o, tok_ref k file pos n None) -> ref_absolute k = true ->
    reads_align (h2_arch cfg) = true -> align_pending (map snd (firstn i pts)) = true ->
    token_use cfg tss pts (plain_use align_on_absolute file pos n)
| use_register_across_files : forall f ts i o t,
    nth_error tss (N.to_nat f) = Some ts -> (S (N.to_nat f) < length tss)%nat ->
    nth_error ts i = Some (o, t) -> is_word_token t = true ->
    data_bytes (map snd (skipn (S i) ts)) < 4 ->
    token_use cfg tss pts
      (plain_use register_across_files f o (match ref_target t with Some n => n | None => [] end)).

Inductive uses (cfg : hex2_config) (inputs : list bytes) : quirk_use -> Prop :=
| use_in_byte : forall file bs pre c post st k,
    nth_error inputs (N.to_nat file) = Some bs -> bs = pre ++ c :: post ->
    lex_run cfg file 0 lex_init pre = Ok st -> byte_quirk cfg st c = Some k ->
    uses cfg inputs (in_name_use k file (N.of_nat (length pre)) st)
| use_at_end : forall file bs st k,
    nth_error inputs (N.to_nat file) = Some bs -> lex_run cfg file 0 lex_init bs = Ok st ->
    end_quirk st k ->
    uses cfg inputs (plain_use k file (N.of_nat (length bs)) [])
| use_in_tokens : forall tss u,
    read_files hex2_1_7_0 cfg 0 lex_init inputs = Ok tss ->
    token_use cfg tss (placed_tokens 0 tss) u ->
    uses cfg inputs u.

(** A program that uses no quirk. *)
Definition strict_clean (cfg : hex2_config) (inputs : list bytes) : Prop :=
  forall u, ~ uses cfg inputs u.
