(** * M1Image: what M1's output is. *)

(** [M1Spec.assemble] expands [DEFINE]s by scanning the token stream, then checks and prints it
    with a look at the next token. This page says what the output is, given the tokens of the
    inputs ([M1Lex.tokenize], unchanged) and the output text of one token text
    ([M1Eval.evaluate], given the DEFINE value in force for it):
    - the stream reads as a sequence of items: a [DEFINE] with the two tokens after it, whatever
      they are (a line end, a string, another [DEFINE]), or one token that is not [DEFINE]
      (this reading is unique when there is one);
    - the value in force for a text is that of the last DEFINE item naming it, wherever the
      text occurs (SEMANTICS.md: order-free, the last DEFINE wins);
    - the program is accepted when the stream is not empty, reads as items, no word of it
      (DEFINE names and values included) evaluates to an error, and every word printed has an
      output text;
    - the output: every DEFINE item leaves a line end behind; a word prints its output text,
      and a space when a word follows; a run of line ends prints one line feed.
    The theorems in proofs/M1Imageproof.v say that [assemble] returns this output when the
    program is accepted, and which error it reports when it is not. *)

From Coq Require Import NArith ZArith List.
From Hexproof.Spec Require Import Common M1Lex M1Eval M1Spec.
Import ListNotations.

(** An item of the stream: [DEFINE name value], or another single token. *)
Inductive item :=
| define_item (keyword name value : token)
| token_item (t : token).

(** The tokens an item stands for in the stream. *)
Definition item_tokens (it : item) : list token :=
  match it with
  | define_item d n v => [d; n; v]
  | token_item t => [t]
  end.

(** The stream [ts] reads as [items]: they spell it, each DEFINE item starts with a [DEFINE]
    token, and no other item is one. *)
Definition reads_as (ts : list token) (items : list item) : Prop :=
  ts = concat (map item_tokens items) /\
  Forall (fun it => match it with
                    | define_item d _ _ => is_define d = true
                    | token_item t => is_define t = false
                    end) items.

(** Whether [it] is a DEFINE of the text [s]. *)
Definition defines (s : bytes) (it : item) : bool :=
  match it with
  | define_item _ n _ => text_eqb (token_text n) s
  | token_item _ => false
  end.

(** The DEFINE value in force for the text [s]: that of the last DEFINE item of [s]. *)
Definition in_force (items : list item) (s : bytes) : option bytes :=
  match find (defines s) (rev items) with
  | Some (define_item _ _ v) => Some (value_text v)
  | _ => None
  end.

(** The stream that is printed: each DEFINE item becomes a line end. *)
Definition printed (items : list item) : list token :=
  map (fun it => match it with define_item _ _ _ => Newline | token_item t => t end) items.

(** What a token [t] of the printed stream prints, [next] being the token after it. *)
Definition prints (cfg : m1_config) (items : list item) (t : token) (next : option token)
    (out : bytes) : Prop :=
  match t with
  | Newline => out = match next with Some Newline => [] | _ => [ch_lf] end
  | Word s _ _ =>
      exists v, evaluate cfg (in_force items s) s = Value v /\
        out = v ++ match next with Some (Word _ _ _) => [ch_space] | _ => [] end
  end.

(** [out] is M1's output for the token stream [ts]. *)
Definition image (cfg : m1_config) (ts : list token) (out : bytes) : Prop :=
  ts <> [] /\
  exists items, reads_as ts items /\
    (forall s f o k z, In (Word s f o) ts -> evaluate cfg (in_force items s) s <> Failure k z) /\
    exists pieces,
      length pieces = length (printed items) /\ out = concat pieces /\
      forall i t piece, nth_error (printed items) i = Some t -> nth_error pieces i = Some piece ->
        prints cfg items t (nth_error (printed items) (S i)) piece.
