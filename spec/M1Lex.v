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
From Hexproof.Spec Require Import Common.
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
