(** * M1Strict: the quirks an M1 program uses, and strict-clean programs. *)

(** [uses cfg inputs u] says that M1 1.7.0, reading [inputs] with the flags [cfg], meets the
    quirk use [u] (Quirks.v). A program is strict-clean when it uses none ([strict_clean]); then
    [assemble_with q] is [assemble] for every resolution [q]
    ([M1Strictproof.strict_quirk_independent]), and the strict checker reports nothing
    ([M1Checkproof.check_clean]).

    Where the reader is comes from 1.7.0's own reader, each file from [Between]: [read_chars]
    at 1.7.0's resolutions, which is [lex] a byte at a time ([M1Default.lex_chars]).
    - In a byte ([char_quirk]): [cr_in_token] (a [\r] starting or inside an atom),
      [comment_char_in_token] (a [#] or [;] inside an atom); the other place is where the atom
      starts ([in_atom_use]).
    - At the end of a file (its offset is the file's length): [text_across_files], when the
      file does not end a line ([ends_line]: it ends inside an atom, a comment or a string, or a
      word follows its last line end).
    - In the tokens, once every file is read without error ([tokenize]) and every DEFINE has its
      name and value ([expand_defines]), with the DEFINEs of the stream ([define_items]; a
      DEFINE's place is that of its DEFINE token):
      [duplicate_define] (at every DEFINE of a name after its first, which is the other place);
      [use_before_define] (at a word, other than a DEFINE's name, before the latest DEFINE of
      its text, which is the other place); [off_by_one_range] (at a word that no DEFINE binds
      whose immediate is on upstream's bounds, not on RISC-V; the value is the number);
      [octal_immediate] (at a printed word that no DEFINE binds whose immediate is wider than a
      byte, in octal mode). *)

From Coq Require Import NArith ZArith List.
From Hexproof.Spec Require Import Common Quirks Strtoint M1Lex M1Eval M1Spec.
Import ListNotations.
Local Open Scope N_scope.

(** Where the atom being read in state [st] starts; [pos] (the byte's own place) in no atom. *)
Definition atom_start (pos : N) (st : lex_state) : N :=
  match st with
  | In_atom start _ => start
  | _ => pos
  end.

(** The use of [k] by the byte at [pos] of file [file], read in state [st]. It has no subject
    (the atom so far, held again at each of its bytes, would be quadratic in the input); the
    other place is where the atom starts. *)
Definition in_atom_use (k : quirk) (file pos : N) (st : lex_state) : quirk_use :=
  mk_use k file pos [] file (atom_start pos st) 0.

Definition item_name (it : token * token * token) : bytes :=
  let '(_, n, _) := it in token_text n.

Definition item_place (it : token * token * token) : N * N :=
  let '(d, _, _) := it in place d.

(** The token stream [ts], whose DEFINEs are [items] and whose printed part is [out], uses
    [u]. *)
Inductive token_use (cfg : m1_config) (ts out : list token) (items : list (token * token * token))
  : quirk_use -> Prop :=
| use_duplicate_define : forall i j it0 it,
    nth_error items i = Some it0 -> ~ In (item_name it0) (map item_name (firstn i items)) ->
    (i < j)%nat -> nth_error items j = Some it -> item_name it = item_name it0 ->
    token_use cfg ts out items
      (mk_use duplicate_define (fst (item_place it)) (snd (item_place it)) (item_name it)
              (fst (item_place it0)) (snd (item_place it0)) 0)
| use_use_before_define : forall s f o it,
    In (Word s f o) ts -> is_define_name items s f o = false ->
    In it items -> item_name it = s -> place_le (item_place it) (f, o) = false ->
    (forall it', In it' items -> item_name it' = s -> place_le (item_place it') (item_place it) = true) ->
    token_use cfg ts out items
      (mk_use use_before_define f o s (fst (item_place it)) (snd (item_place it)) 0)
| use_off_by_one_range : forall s f o c v,
    In (Word s f o) ts -> last_define s (map item_binding items) = None ->
    immediate_field cfg s = Some (c, v) -> is_riscv (m1_arch cfg) = false -> on_bound c v = true ->
    token_use cfg ts out items (mk_use off_by_one_range f o s f o v)
| use_octal_immediate : forall s f o,
    In (Word s f o) out ->
    last_define s (map item_binding items) = None -> octal_wide cfg s = true ->
    token_use cfg ts out items (plain_use octal_immediate f o s).

Inductive uses (cfg : m1_config) (inputs : list bytes) : quirk_use -> Prop :=
| use_in_char : forall file bs pre c post st ts k,
    nth_error inputs (N.to_nat file) = Some bs -> bs = pre ++ c :: post ->
    read_chars m1_1_7_0 file 0 Between pre = Ok (st, ts) -> char_quirk st c = Some k ->
    uses cfg inputs (in_atom_use k file (N.of_nat (length pre)) st)
| use_at_end : forall file bs st ts,
    nth_error inputs (N.to_nat file) = Some bs ->
    read_chars m1_1_7_0 file 0 Between bs = Ok (st, ts) -> ends_line st ts = false ->
    uses cfg inputs (plain_use text_across_files file (N.of_nat (length bs)) [])
| use_in_tokens : forall ts bs out u,
    tokenize inputs = Ok ts -> expand_defines ts = Ok (bs, out) ->
    token_use cfg ts out (define_items ts) u -> uses cfg inputs u.

(** A program that uses no quirk. *)
Definition strict_clean (cfg : m1_config) (inputs : list bytes) : Prop :=
  forall u, ~ uses cfg inputs u.
