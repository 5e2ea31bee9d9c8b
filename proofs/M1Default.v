(** * M1Default: at 1.7.0's resolutions, [assemble_with] is the assemble of M1Spec's prose. *)

(** [M1Spec.assemble] is [assemble_with Quirks.m1_1_7_0]: the files are read a byte at a time
    ([read_inputs]), DEFINEs are looked up in the list of the stream's DEFINEs
    ([define_items]), and the quirks of evaluation are decided word by word. Under 1.7.0's
    resolutions each of these is what [lex], [expand_defines]'s bindings and [evaluate] do
    already, so [assemble] is tokenizing, expanding, checking and printing
    ([assemble_unfold]), which is the form the other proofs about [assemble] start from. *)

From Coq Require Import NArith ZArith List Bool Lia.
From Hexproof.Spec Require Import Common Quirks Strtoint M1Lex M1Eval M1Spec.
Import ListNotations.
Local Open Scope N_scope.

(** ** Reading *)

Definition app_tokens (ts : list token) (r : result (list token)) : result (list token) :=
  match r with
  | Ok ts' => Ok (ts ++ ts')
  | Err e => Err e
  end.

(** [lex] reads one byte with [lex_char], then the rest. *)
Lemma lex_cons : forall file pos st c s,
  lex file pos st (c :: s) =
  match lex_char file pos st c with
  | Err e => Err e
  | Ok (st', ts) => app_tokens ts (lex file (N.add pos 1) st' s)
  end.
Proof.
  intros file pos st c s; destruct st as [| |start rt|q start rt]; cbn [lex lex_char].
  - destruct (is_comment_start c); [destruct (lex _ _ _ s); reflexivity|].
    destruct (is_blank c); [destruct (lex _ _ _ s); reflexivity|].
    destruct (N.eqb c ch_lf); [destruct (lex _ _ _ s); reflexivity|].
    destruct (is_quote c); destruct (lex _ _ _ s); reflexivity.
  - destruct (is_comment_end c); destruct (lex _ _ _ s); reflexivity.
  - unfold word_then, emit_word, emit_newline.
    destruct (is_blank c); [destruct (has_nul (rev rt)); [reflexivity|];
                            destruct (lex _ _ _ s); reflexivity|].
    destruct (N.eqb c ch_lf); [destruct (has_nul (rev rt)); [reflexivity|];
                               destruct (lex _ _ _ s); reflexivity|].
    destruct (lex _ _ _ s); reflexivity.
  - unfold word_then, emit_word.
    destruct (N.eqb c q); [destruct (has_nul (rev rt)); [reflexivity|]|];
      destruct (lex _ _ _ s); reflexivity.
Qed.

Lemma lex_char_with_1_7_0 : forall file pos st c,
  lex_char_with m1_1_7_0 file pos st c = lex_char file pos st c.
Proof.
  intros file pos st c; unfold lex_char_with.
  destruct (char_quirk st c) as [[]|]; reflexivity.
Qed.

(** [lex] is [read_chars] and then the end of the file. *)
Lemma lex_chars : forall file s pos st,
  lex file pos st s =
  match read_chars m1_1_7_0 file pos st s with
  | Err e => Err e
  | Ok (st', ts) => app_tokens ts (lex_eof file st')
  end.
Proof.
  intros file s; induction s as [|c s IH]; intros pos st.
  - destruct st as [| |start rt|q start rt]; cbn; unfold emit_word;
      try reflexivity; destruct (has_nul (rev rt)); reflexivity.
  - rewrite lex_cons; cbn [read_chars]; rewrite lex_char_with_1_7_0.
    destruct (lex_char file pos st c) as [[st1 ts1]|e]; [|reflexivity].
    rewrite IH. destruct (read_chars m1_1_7_0 file (N.add pos 1) st1 s) as [[st2 ts2]|e];
      [|reflexivity].
    destruct (lex_eof file st2) as [ts3|e]; cbn; [rewrite app_assoc|]; reflexivity.
Qed.

Lemma read_file_end_1_7_0 : forall file len st ts last,
  read_file_end m1_1_7_0 file len st ts last = end_file file st.
Proof.
  intros; unfold read_file_end; destruct (ends_line st ts); reflexivity.
Qed.

Lemma read_inputs_1_7_0 : forall inputs file,
  lex_files file inputs = read_inputs m1_1_7_0 file Between inputs.
Proof.
  intros inputs; induction inputs as [|f fs IH]; intros file; [reflexivity|].
  cbn [lex_files read_inputs]. rewrite lex_chars.
  destruct (read_chars m1_1_7_0 file 0 Between f) as [[st ts]|e]; [|reflexivity].
  rewrite read_file_end_1_7_0; unfold end_file.
  destruct (lex_eof file st) as [ts'|e]; cbn [app_tokens]; [|reflexivity].
  rewrite <- IH. destruct (lex_files (N.add file 1) fs); [|reflexivity].
  rewrite <- !app_assoc; reflexivity.
Qed.

Lemma tokenize_1_7_0 : forall inputs, tokenize_with m1_1_7_0 inputs = tokenize inputs.
Proof.
  intros inputs; unfold tokenize_with, tokenize; rewrite read_inputs_1_7_0; reflexivity.
Qed.

(** ** DEFINE *)

(** The bindings of [expand_defines] are those of [define_items]. *)
Lemma define_items_bindings : forall ts bs out,
  expand_defines ts = Ok (bs, out) -> map item_binding (define_items ts) = bs.
Proof.
  assert (H : forall n ts bs out, (length ts <= n)%nat ->
            expand_defines ts = Ok (bs, out) -> map item_binding (define_items ts) = bs).
  { induction n as [|n IH]; intros ts bs out L E.
    - destruct ts; [injection E as <- _; reflexivity|cbn in L; lia].
    - destruct ts as [|t rest]; [injection E as <- _; reflexivity|].
      cbn [expand_defines define_items] in E |- *. destruct (is_define t).
      + destruct rest as [|name [|value rest']]; try discriminate.
        destruct (expand_defines rest') as [[bs' out']|e] eqn:E'; [|discriminate].
        injection E as <- _. cbn [map]. f_equal. eapply IH; [|exact E']. cbn in L; lia.
      + destruct (expand_defines rest) as [[bs' out']|e] eqn:E'; [|discriminate].
        injection E as <- _. eapply IH; [|exact E']. cbn in L; lia. }
  intros ts bs out; exact (H (length ts) ts bs out (le_n _)).
Qed.

Lemma define_for_1_7_0 : forall items s f o,
  define_for m1_1_7_0 items s f o = last_define s (map item_binding items).
Proof. intros; apply last_item_value_bindings. Qed.

Lemma outcome_with_1_7_0 : forall cfg items s f o,
  outcome_with m1_1_7_0 cfg items s f o = outcome_of cfg (map item_binding items) s.
Proof.
  intros cfg items s f o; unfold outcome_with, outcome_of; rewrite define_for_1_7_0.
  destruct (evaluate _ _ _); reflexivity.
Qed.

Lemma first_failure_with_1_7_0 : forall cfg items ts,
  first_failure_with m1_1_7_0 cfg items ts = first_failure cfg (map item_binding items) ts.
Proof.
  intros cfg items ts; induction ts as [|[|s f o] ts IH]; cbn; [reflexivity|exact IH|].
  rewrite outcome_with_1_7_0. destruct (outcome_of _ _ s); try reflexivity; exact IH.
Qed.

Lemma print_with_1_7_0 : forall cfg items ts,
  print_with m1_1_7_0 cfg items ts = print cfg (map item_binding items) ts.
Proof.
  intros cfg items ts; induction ts as [|[|s f o] ts IH]; cbn [print_with print];
    [reflexivity|rewrite IH; reflexivity|].
  rewrite outcome_with_1_7_0. destruct (outcome_of _ _ s); try reflexivity.
  cbn [octal_rejected mq_octal_immediate m1_1_7_0]. rewrite IH; reflexivity.
Qed.

(** ** M1 1.7.0 *)

(** [assemble], unfolded: tokenize, expand the DEFINEs, check every word, print. *)
Theorem assemble_unfold : forall cfg inputs,
  assemble cfg inputs =
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
Proof.
  intros cfg inputs; unfold assemble, assemble_with; rewrite tokenize_1_7_0.
  destruct (tokenize inputs) as [[|t ts]|e]; try reflexivity.
  destruct (expand_defines (t :: ts)) as [[bs out]|e] eqn:E; [|reflexivity].
  cbn [define_rejection mq_duplicate_define mq_use_before_define m1_1_7_0].
  rewrite first_failure_with_1_7_0, print_with_1_7_0, (define_items_bindings _ _ _ E).
  reflexivity.
Qed.
