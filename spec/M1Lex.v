(** * M1Lex: how M1 cuts its input files into tokens. *)

(** M1 (mescc-tools 1.7.0) reads its input files in command-line order into one token stream.
    Spaces and tabs separate tokens. A [#] or [;] where a token could start comments out the rest
    of the line, up to and including the next [\n] or [\r], and counts as a line end. A token
    starting with a double or a single quote is a string: it runs to the next occurrence of the same quote, may span
    lines, and its text is the opening quote followed by the body (the closing quote is dropped and
    the character after it starts afresh, so ["ab"cd] is two tokens). Any other token (an atom)
    runs until a space, tab, [\n] or the end of the file: [#], [;], quotes and [\r] inside it are
    part of it.

    Line ends become [Newline] tokens. Upstream only adds one when the stream is not empty and the
    previous token is not already a [Newline], and the end of each file counts as a line end. So
    runs collapse across comments and files, and the stream never starts with a [Newline]. We say
    this in two steps: [lex] emits a [Newline] for every line end, and [collapse] drops the
    redundant ones.

    Errors (docs/contract.md): a string without its closing quote is [unterminated_string] at the
    opening quote; a NUL byte inside a token (atom or string body) is [nul_in_token] at the token's
    first byte (upstream reads stale memory there). When a string is both unterminated and contains
    a NUL, upstream stops at the missing quote first, so the error is [unterminated_string]. The
    first error in input order wins. Upstream's 4096-byte token limit is not semantics. *)

From Coq Require Import NArith ZArith List Bool.
From Hexproof.Spec Require Import Common Quirks.
Import ListNotations.
Local Open Scope N_scope.

(** ** Characters *)

Definition ch_nul : byte := 0.
Definition ch_tab : byte := 9.
Definition ch_lf : byte := 10.
Definition ch_cr : byte := 13.
Definition ch_space : byte := 32.
Definition ch_dquote : byte := 34.
Definition ch_hash : byte := 35.
Definition ch_squote : byte := 39.
Definition ch_semicolon : byte := 59.

Definition is_blank (c : byte) : bool := orb (N.eqb c ch_space) (N.eqb c ch_tab).
Definition is_comment_start (c : byte) : bool := orb (N.eqb c ch_hash) (N.eqb c ch_semicolon).
Definition is_comment_end (c : byte) : bool := orb (N.eqb c ch_lf) (N.eqb c ch_cr).
Definition is_quote (c : byte) : bool := orb (N.eqb c ch_dquote) (N.eqb c ch_squote).

Fixpoint has_nul (s : bytes) : bool :=
  match s with
  | [] => false
  | c :: s' => if N.eqb c ch_nul then true else has_nul s'
  end.

(** ** Tokens *)

(** A token is a line end or a word (atom or string) with its text and the place of its first
    byte: the index of its file and the byte offset in that file. A string's text starts with its
    quote character; no atom does, and no word contains [\n] unless it is a string. *)
Inductive token :=
| Newline
| Word (text : bytes) (file : N) (offset : N).

(** Upstream gives the line-end token the text ["\n"]; this matters when it is a DEFINE value. *)
Definition token_text (t : token) : bytes :=
  match t with
  | Newline => [ch_lf]
  | Word s _ _ => s
  end.

Definition lex_error (k : error_kind) (file offset : N) : error :=
  mk_error k file offset 0%Z [].

(** ** Lexing one file *)

(** Where the lexer is: between tokens, inside a comment, inside an atom or inside a string.
    An unfinished token remembers its first byte's offset and its text so far, reversed. *)
Inductive lex_state :=
| Between
| In_comment
| In_atom (start : N) (rev_text : bytes)
| In_string (quote : byte) (start : N) (rev_text : bytes).

(** A finished word: an error if it holds a NUL, else prepended to the rest of the stream. *)
Definition emit_word (file start : N) (text : bytes) (rest : result (list token))
  : result (list token) :=
  if has_nul text then Err (lex_error nul_in_token file start)
  else match rest with
       | Ok ts => Ok (Word text file start :: ts)
       | Err e => Err e
       end.

Definition emit_newline (rest : result (list token)) : result (list token) :=
  match rest with
  | Ok ts => Ok (Newline :: ts)
  | Err e => Err e
  end.

(** [lex file pos st s]: the tokens of the rest [s] of file number [file], [s] starting at byte
    offset [pos], in state [st]. One byte at a time, like upstream's [fgetc] loop. *)
Fixpoint lex (file pos : N) (st : lex_state) (s : bytes) : result (list token) :=
  match s with
  | [] =>
      match st with
      | Between | In_comment => Ok []
      | In_atom start rt => emit_word file start (rev rt) (Ok [])
      | In_string _ start _ => Err (lex_error unterminated_string file start)
      end
  | c :: s' =>
      let pos' := N.add pos 1 in
      match st with
      | Between =>
          if is_comment_start c then emit_newline (lex file pos' In_comment s')
          else if is_blank c then lex file pos' Between s'
          else if N.eqb c ch_lf then emit_newline (lex file pos' Between s')
          else if is_quote c then lex file pos' (In_string c pos [c]) s'
          else lex file pos' (In_atom pos [c]) s'
      | In_comment =>
          if is_comment_end c then lex file pos' Between s'
          else lex file pos' In_comment s'
      | In_atom start rt =>
          if is_blank c then emit_word file start (rev rt) (lex file pos' Between s')
          else if N.eqb c ch_lf then
            emit_word file start (rev rt) (emit_newline (lex file pos' Between s'))
          else lex file pos' (In_atom start (c :: rt)) s'
      | In_string q start rt =>
          if N.eqb c q then emit_word file start (rev rt) (lex file pos' Between s')
          else lex file pos' (In_string q start (c :: rt)) s'
      end
  end.

(** ** All files, and the collapsing of line ends *)

(** Each file is lexed from offset 0 between tokens, and its end adds a line end. *)
Fixpoint lex_files (file : N) (inputs : list bytes) : result (list token) :=
  match inputs with
  | [] => Ok []
  | f :: fs =>
      match lex file 0 Between f with
      | Err e => Err e
      | Ok ts =>
          match lex_files (N.add file 1) fs with
          | Err e => Err e
          | Ok rest => Ok (ts ++ Newline :: rest)
          end
      end
  end.

(** Drop every [Newline] that starts the stream or follows another [Newline]. [quiet] says that
    a [Newline] here would be dropped. *)
Fixpoint collapse (quiet : bool) (ts : list token) : list token :=
  match ts with
  | [] => []
  | Newline :: ts' => if quiet then collapse true ts' else Newline :: collapse true ts'
  | w :: ts' => w :: collapse false ts'
  end.

(** The token stream of M1's inputs. *)
Definition tokenize (inputs : list bytes) : result (list token) :=
  match lex_files 0 inputs with
  | Err e => Err e
  | Ok ts => Ok (collapse true ts)
  end.

(** ** Reading under quirk resolutions *)

(** [lex], one byte at a time: [lex_char file pos st c] is the state after byte [c] at offset
    [pos] and the tokens the byte completes (a word, a line end, or both), or the error of a
    completed word; [lex_eof] is the end of the file. [lex] is these steps one after another
    ([M1Default.lex_chars]). *)
Definition word_then (file start : N) (text : bytes) (st : lex_state) (after : list token)
  : result (lex_state * list token) :=
  if has_nul text then Err (lex_error nul_in_token file start)
  else Ok (st, Word text file start :: after).

Definition lex_char (file pos : N) (st : lex_state) (c : byte)
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
      if is_blank c then word_then file start (rev rt) Between []
      else if N.eqb c ch_lf then word_then file start (rev rt) Between [Newline]
      else Ok (In_atom start (c :: rt), [])
  | In_string q start rt =>
      if N.eqb c q then word_then file start (rev rt) Between []
      else Ok (In_string q start (c :: rt), [])
  end.

Definition lex_eof (file : N) (st : lex_state) : result (list token) :=
  match st with
  | Between | In_comment => Ok []
  | In_atom start rt => if has_nul (rev rt) then Err (lex_error nul_in_token file start)
                        else Ok [Word (rev rt) file start]
  | In_string _ start _ => Err (lex_error unterminated_string file start)
  end.

(** The quirk that byte [c] uses in state [st], if any: [\r] starting or inside an atom
    ([cr_in_token]), [#] or [;] inside an atom ([comment_char_in_token]). *)
Definition char_quirk (st : lex_state) (c : byte) : option quirk :=
  match st with
  | Between => if N.eqb c ch_cr then Some cr_in_token else None
  | In_atom _ _ =>
      if N.eqb c ch_cr then Some cr_in_token
      else if is_comment_start c then Some comment_char_in_token
      else None
  | _ => None
  end.

(** [lex_char] with the quirks of one byte resolved by [q]. Ending the atom first: [\r] is a
    blank, [#] or [;] ends the atom and starts a comment. *)
Definition lex_char_with (q : m1_quirks) (file pos : N) (st : lex_state) (c : byte)
  : result (lex_state * list token) :=
  match char_quirk st c with
  | None => lex_char file pos st c
  | Some k =>
      match (match k with cr_in_token => mq_cr_in_token q | _ => mq_comment_char_in_token q end) with
      | join_text => lex_char file pos st c
      | end_before_text =>
          match lex_char file pos st ch_space with
          | Err e => Err e
          | Ok (st', ts) =>
              if is_comment_start c then Ok (In_comment, ts ++ [Newline]) else Ok (st', ts)
          end
      | reject_text => Err (quirk_error k file pos)
      end
  end.

(** The bytes [s] from offset [pos] in state [st]: the state after them and their tokens. *)
Fixpoint read_chars (q : m1_quirks) (file pos : N) (st : lex_state) (s : bytes)
  : result (lex_state * list token) :=
  match s with
  | [] => Ok (st, [])
  | c :: s' =>
      match lex_char_with q file pos st c with
      | Err e => Err e
      | Ok (st', ts) =>
          match read_chars q file (N.add pos 1) st' s' with
          | Err e => Err e
          | Ok (st'', ts') => Ok (st'', ts ++ ts')
          end
      end
  end.

(** Whether the last of the tokens [ts] is a word, else [w]. (Not [rev]: the extracted [rev] of
    a file's tokens is quadratic.) *)
Fixpoint last_is_word (ts : list token) (w : bool) : bool :=
  match ts with
  | [] => w
  | Newline :: ts' => last_is_word ts' false
  | Word _ _ _ :: ts' => last_is_word ts' true
  end.

(** A file whose tokens are [ts] and which ends in state [st] ends a line: the reader is between
    tokens and no word follows the last line end. *)
Definition ends_line (st : lex_state) (ts : list token) : bool :=
  match st with
  | Between => negb (last_is_word ts false)
  | _ => false
  end.

(** The end of file [file] in state [st], as [lex_files] has it: the last atom is complete, and
    the end is a line end; the next file starts between tokens. *)
Definition end_file (file : N) (st : lex_state) : result (lex_state * list token) :=
  match lex_eof file st with
  | Err e => Err e
  | Ok ts => Ok (Between, ts ++ [Newline])
  end.

(** The end of file [file], [len] bytes long, whose tokens are [ts], in state [st] ([last]: no
    file follows): the state the next file starts in and the tokens the end adds. Going on into
    the next file ([text_across_files]) adds no line end. *)
Definition read_file_end (q : m1_quirks) (file len : N) (st : lex_state) (ts : list token)
    (last : bool) : result (lex_state * list token) :=
  if ends_line st ts then end_file file st
  else match mq_text_across_files q with
       | end_at_file => end_file file st
       | continue_next_file => if last then end_file file st else Ok (st, [])
       | reject_at_end => Err (quirk_error text_across_files file len)
       end.

(** The tokens of all files, file [file] read from state [st]. *)
Fixpoint read_inputs (q : m1_quirks) (file : N) (st : lex_state) (inputs : list bytes)
  : result (list token) :=
  match inputs with
  | [] => Ok []
  | f :: fs =>
      match read_chars q file 0 st f with
      | Err e => Err e
      | Ok (st1, ts) =>
          let last := match fs with [] => true | _ => false end in
          match read_file_end q file (N.of_nat (length f)) st1 ts last with
          | Err e => Err e
          | Ok (st2, ts_end) =>
              match read_inputs q (N.add file 1) st2 fs with
              | Err e => Err e
              | Ok rest => Ok (ts ++ ts_end ++ rest)
              end
          end
      end
  end.

(** [tokenize] with the quirks of reading resolved by [q]; at [Quirks.m1_1_7_0] it is
    [tokenize] ([M1Default.tokenize_1_7_0]). *)
Definition tokenize_with (q : m1_quirks) (inputs : list bytes) : result (list token) :=
  match read_inputs q 0 Between inputs with
  | Err e => Err e
  | Ok ts => Ok (collapse true ts)
  end.
