(** * M1Spec: M1 (mescc-tools 1.7.0, compat mode) from input files to output text. *)

(** The whole of M1: tokenize the inputs (M1Lex.v); expand [DEFINE]s; evaluate token texts
    (M1Eval.v); print. Errors are values, reported in the precedence of docs/contract.md:
    tokenizing errors, then [empty_input], then DEFINE errors, then evaluation errors, then
    [invalid_other].

    [DEFINE] works on token texts, exactly like upstream's [line_macro]: scanning the stream from
    the front, each token with the text [DEFINE] takes the next two tokens, whatever they are, as
    name and value (a [Newline], a string or another [DEFINE] included); the three tokens are
    replaced by one [Newline], and the scan goes on after the value. The binding gives the name's
    text the value's text: a string value loses its quote character and is not hex-encoded, and a
    [Newline] value is the text ["\n"]. Bindings are global and order-free: every token with the
    name's text, before or after the DEFINE, gets the value, and the last DEFINE of a name wins.
    Strings ignore bindings (the string stage comes first), and a [Newline] token always prints as
    a line end, so binding a string or the line end changes nothing.

    Every word of the token stream as lexed is evaluated, DEFINE names and values included (so
    [DEFINE x !999] fails), and the error reported is the one of the first word whose evaluation
    fails; since a word's outcome depends only on its text, that is the error of the text that
    occurs first, at its first occurrence.

    Printing: a word prints its output text, then a space unless the next token is a [Newline];
    a [Newline] prints a line end unless the next token is also a [Newline] (DEFINE lines leave
    such runs behind). A word with no output is [invalid_other], the first one in output order. *)

From Coq Require Import NArith ZArith List Bool.
From Hexproof.Spec Require Import Common Strtoint M1Lex M1Eval.
Import ListNotations.
Local Open Scope N_scope.

(** ** Texts *)

Fixpoint text_eqb (a b : bytes) : bool :=
  match a, b with
  | [], [] => true
  | x :: a', y :: b' => if N.eqb x y then text_eqb a' b' else false
  | _, _ => false
  end.

(** [DEFINE] *)
Definition define_text : bytes := [68; 69; 70; 73; 78; 69].

Definition is_define (t : token) : bool :=
  match t with
  | Word s _ _ => text_eqb s define_text
  | Newline => false
  end.

(** ** DEFINE *)

(** A binding: a name's text and its value's text. *)
Definition binding := (bytes * bytes)%type.

(** The text a value token gives its name. *)
Definition value_text (t : token) : bytes :=
  match t with
  | Newline => [ch_lf]
  | Word s _ _ =>
      match s with
      | c :: body => if is_quote c then body else s
      | [] => s
      end
  end.

Definition define_error (k : error_kind) (t : token) : error :=
  match t with
  | Word _ f o => mk_error k f o 0%Z []
  | Newline => mk_error k 0 0 0%Z []
  end.

(** [expand_defines ts]: the bindings, in stream order, and the stream with each DEFINE, name and
    value replaced by one [Newline]. *)
Fixpoint expand_defines (ts : list token) : result (list binding * list token) :=
  match ts with
  | [] => Ok ([], [])
  | t :: rest =>
      if is_define t then
        match rest with
        | [] => Err (define_error macro_name_missing t)
        | [_] => Err (define_error macro_value_missing t)
        | name :: value :: rest' =>
            match expand_defines rest' with
            | Err e => Err e
            | Ok (bs, out) => Ok ((token_text name, value_text value) :: bs, Newline :: out)
            end
        end
      else
        match expand_defines rest with
        | Err e => Err e
        | Ok (bs, out) => Ok (bs, t :: out)
        end
  end.

(** The value of the last binding of [name]. *)
Fixpoint last_define (name : bytes) (bs : list binding) : option bytes :=
  match bs with
  | [] => None
  | (n, v) :: bs' =>
      match last_define name bs' with
      | Some v' => Some v'
      | None => if text_eqb n name then Some v else None
      end
  end.

Definition outcome_of (cfg : m1_config) (bs : list binding) (s : bytes) : outcome :=
  evaluate cfg (last_define s bs) s.

(** ** Evaluation errors *)

(** The error of the first word of [ts] whose evaluation fails. *)
Fixpoint first_failure (cfg : m1_config) (bs : list binding) (ts : list token) : option error :=
  match ts with
  | [] => None
  | Newline :: rest => first_failure cfg bs rest
  | Word s f o :: rest =>
      match outcome_of cfg bs s with
      | Failure k v => Some (mk_error k f o v s)
      | _ => first_failure cfg bs rest
      end
  end.

(** ** Printing *)

Definition next_is_newline (ts : list token) : bool :=
  match ts with
  | Newline :: _ => true
  | _ => false
  end.

Definition prepend (b : bytes) (r : result bytes) : result bytes :=
  match r with
  | Ok out => Ok (b ++ out)
  | Err e => Err e
  end.

Fixpoint print (cfg : m1_config) (bs : list binding) (ts : list token) : result bytes :=
  match ts with
  | [] => Ok []
  | Newline :: rest =>
      prepend (if next_is_newline rest then [] else [ch_lf]) (print cfg bs rest)
  | Word s f o :: rest =>
      match outcome_of cfg bs s with
      | Value v =>
          prepend (v ++ (match rest with
                         | [] | Newline :: _ => []
                         | _ => [ch_space]
                         end)) (print cfg bs rest)
      | _ => Err (mk_error invalid_other f o 0%Z s)
      end
  end.

(** ** M1 *)

Definition empty_input_error : error := mk_error empty_input 0 0 0%Z [].

(** What M1 prints for [inputs] (in command-line order), or the error it reports. *)
Definition assemble (cfg : m1_config) (inputs : list bytes) : result bytes :=
  match tokenize inputs with
  | Err e => Err e
  | Ok [] => Err empty_input_error
  | Ok ts =>
      match expand_defines ts with
      | Err e => Err e
      | Ok (bs, out) =>
          match first_failure cfg bs ts with
          | Some e => Err e
          | None => print cfg bs out
          end
      end
  end.
