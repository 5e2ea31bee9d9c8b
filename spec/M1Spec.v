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
From Hexproof.Spec Require Import Common Quirks Strtoint M1Lex M1Eval.
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

(** ** Under quirk resolutions *)

(** The DEFINEs of the stream [ts], in order, as [expand_defines] finds them: the DEFINE token,
    the name and the value. *)
Fixpoint define_items (ts : list token) : list (token * token * token) :=
  match ts with
  | [] => []
  | t :: rest =>
      if is_define t then
        match rest with
        | name :: value :: rest' => (t, name, value) :: define_items rest'
        | _ => []
        end
      else define_items rest
  end.

Definition item_binding (it : token * token * token) : binding :=
  let '(_, name, value) := it in (token_text name, value_text value).

(** A token's place: its file and offset (a line end has none, and is never asked). *)
Definition place (t : token) : N * N :=
  match t with
  | Word _ f o => (f, o)
  | Newline => (0, 0)
  end.

(** [a] is not after [b]: in an earlier file, or in the same file not further on. *)
Definition place_le (a b : N * N) : bool :=
  match a, b with
  | (f1, o1), (f2, o2) => N.ltb f1 f2 || (N.eqb f1 f2 && N.leb o1 o2)
  end.

(** The token [t] is the word [s] at offset [o] of file [f]. *)
Definition same_word (t : token) (s : bytes) (f o : N) : bool :=
  match t with
  | Word s' f' o' => text_eqb s' s && N.eqb f' f && N.eqb o' o
  | Newline => false
  end.

(** The value of the first binding of [name]. *)
Fixpoint first_define (name : bytes) (bs : list binding) : option bytes :=
  match bs with
  | [] => None
  | (n, v) :: bs' => if text_eqb n name then Some v else first_define name bs'
  end.

(** [last_define s (map item_binding items)] and [first_define s (map item_binding items)],
    without building the bindings for every word (which made the spec's extraction spend its
    time in the garbage collector). *)
Fixpoint last_item_value (s : bytes) (items : list (token * token * token)) : option bytes :=
  match items with
  | [] => None
  | (_, n, v) :: items' =>
      match last_item_value s items' with
      | Some v' => Some v'
      | None => if text_eqb (token_text n) s then Some (value_text v) else None
      end
  end.

Fixpoint first_item_value (s : bytes) (items : list (token * token * token)) : option bytes :=
  match items with
  | [] => None
  | (_, n, v) :: items' =>
      if text_eqb (token_text n) s then Some (value_text v) else first_item_value s items'
  end.

Lemma last_item_value_bindings : forall s items,
  last_item_value s items = last_define s (map item_binding items).
Proof.
  intros s items; induction items as [|[[d n] v] items IH]; [reflexivity|].
  cbn [last_item_value map last_define item_binding]. rewrite IH; reflexivity.
Qed.

Lemma first_item_value_bindings : forall s items,
  first_item_value s items = first_define s (map item_binding items).
Proof.
  intros s items; induction items as [|[[d n] v] items IH]; [reflexivity|].
  cbn [first_item_value map first_define item_binding]. rewrite IH; reflexivity.
Qed.

(** The DEFINE value in force for the word [s] at offset [o] of file [f]: of every DEFINE, or
    in order of those whose DEFINE token is not after it (and the one whose name or value it
    is); the last of them or the first. *)
Definition define_for (q : m1_quirks) (items : list (token * token * token)) (s : bytes)
    (f o : N) : option bytes :=
  let seen :=
    match mq_use_before_define q with
    | in_order =>
        filter (fun it => let '(d, n, v) := it in
                          place_le (place d) (f, o) || same_word n s f o || same_word v s f o)
          items
    | _ => items
    end in
  match mq_duplicate_define q with
  | keep_first => first_item_value s seen
  | _ => last_item_value s seen
  end.

(** The DEFINE token of the first DEFINE of a name that an earlier one (of the names [seen])
    has bound. *)
Fixpoint first_redefine (seen : list bytes) (items : list (token * token * token))
  : option token :=
  match items with
  | [] => None
  | (d, n, _) :: items' =>
      if existsb (text_eqb (token_text n)) seen then Some d
      else first_redefine (token_text n :: seen) items'
  end.

(** The word [s] at offset [o] of file [f] is the name of a DEFINE. *)
Definition is_define_name (items : list (token * token * token)) (s : bytes) (f o : N) : bool :=
  existsb (fun it => let '(_, n, _) := it in same_word n s f o) items.

(** A DEFINE of the text [s] comes after the place [p]. *)
Definition defined_after (items : list (token * token * token)) (p : N * N) (s : bytes) : bool :=
  existsb (fun it => let '(d, n, _) := it in
                     text_eqb (token_text n) s && negb (place_le (place d) p)) items.

(** The place of the first word, other than a DEFINE's name, that comes before a DEFINE of its
    text. *)
Fixpoint first_early_use (items : list (token * token * token)) (ts : list token)
  : option (N * N) :=
  match ts with
  | [] => None
  | Newline :: rest => first_early_use items rest
  | Word s f o :: rest =>
      if negb (is_define_name items s f o) && defined_after items (f, o) s then Some (f, o)
      else first_early_use items rest
  end.

(** What the rejecting resolutions of [duplicate_define] and [use_before_define] report. *)
Definition define_rejection (q : m1_quirks) (ts : list token)
    (items : list (token * token * token)) : option error :=
  match match mq_duplicate_define q with
        | reject_duplicate => first_redefine [] items
        | _ => None
        end with
  | Some d => Some (quirk_error duplicate_define (fst (place d)) (snd (place d)))
  | None =>
      match mq_use_before_define q with
      | reject_order =>
          match first_early_use items ts with
          | Some (f, o) => Some (quirk_error use_before_define f o)
          | None => None
          end
      | _ => None
      end
  end.

(** The outcome of the word [s] at offset [o] of file [f] under [q]: with the exact bounds, an
    immediate on upstream's bounds is out of range. *)
Definition outcome_with (q : m1_quirks) (cfg : m1_config) (items : list (token * token * token))
    (s : bytes) (f o : N) : outcome :=
  let d := define_for q items s f o in
  match evaluate cfg d s with
  | Value v =>
      match mq_range q, d, immediate_field cfg s with
      | exact_bounds, None, Some (c, z) =>
          if negb (is_riscv (m1_arch cfg)) && on_bound c z then Failure immediate_out_of_range z
          else Value v
      | _, _, _ => Value v
      end
  | o => o
  end.

Fixpoint first_failure_with (q : m1_quirks) (cfg : m1_config)
    (items : list (token * token * token)) (ts : list token) : option error :=
  match ts with
  | [] => None
  | Newline :: rest => first_failure_with q cfg items rest
  | Word s f o :: rest =>
      match outcome_with q cfg items s f o with
      | Failure k v => Some (mk_error k f o v s)
      | _ => first_failure_with q cfg items rest
      end
  end.

(** The word [s], printed, is rejected by [octal_immediate]'s rejecting resolution. *)
Definition octal_rejected (q : m1_quirks) (cfg : m1_config) (d : option bytes) (s : bytes)
  : bool :=
  match mq_octal_immediate q, d with
  | reject_octal, None => octal_wide cfg s
  | _, _ => false
  end.

Fixpoint print_with (q : m1_quirks) (cfg : m1_config) (items : list (token * token * token))
    (ts : list token) : result bytes :=
  match ts with
  | [] => Ok []
  | Newline :: rest =>
      prepend (if next_is_newline rest then [] else [ch_lf]) (print_with q cfg items rest)
  | Word s f o :: rest =>
      match outcome_with q cfg items s f o with
      | Value v =>
          if octal_rejected q cfg (define_for q items s f o) s
          then Err (quirk_error octal_immediate f o)
          else prepend (v ++ (match rest with
                              | [] | Newline :: _ => []
                              | _ => [ch_space]
                              end)) (print_with q cfg items rest)
      | _ => Err (mk_error invalid_other f o 0%Z s)
      end
  end.

(** ** M1 *)

Definition empty_input_error : error := mk_error empty_input 0 0 0%Z [].

(** M1 with the quirks resolved by [q]. *)
Definition assemble_with (q : m1_quirks) (cfg : m1_config) (inputs : list bytes) : result bytes :=
  match tokenize_with q inputs with
  | Err e => Err e
  | Ok [] => Err empty_input_error
  | Ok ts =>
      match expand_defines ts with
      | Err e => Err e
      | Ok (_, out) =>
          let items := define_items ts in
          match define_rejection q ts items with
          | Some e => Err e
          | None =>
              match first_failure_with q cfg items ts with
              | Some e => Err e
              | None => print_with q cfg items out
              end
          end
      end
  end.

(** What M1 1.7.0 prints for [inputs] (in command-line order), or the error it reports. *)
Definition assemble (cfg : m1_config) (inputs : list bytes) : result bytes :=
  assemble_with m1_1_7_0 cfg inputs.
