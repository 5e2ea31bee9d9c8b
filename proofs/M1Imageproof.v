(** * M1Imageproof: M1's [assemble] returns exactly the output of [M1Image]. *)

(** [assemble] expands DEFINEs with [expand_defines], finds the bindings with [last_define],
    checks every word with [first_failure] and prints with [print]. The proof matches each with
    its declarative counterpart in [M1Image]: [expand_defines] succeeds exactly on the streams
    that read as items, and returns their bindings and printed stream ([expand_reads],
    [reads_expand]); [last_define] on those bindings is [in_force] ([in_force_bindings]);
    [first_failure] finds nothing exactly when no word fails ([first_failure_none]); [print]
    succeeds exactly when every printed token prints its piece ([print_pieces]). The main
    theorems: [assemble_sound], [assemble_complete], [image_unique], [assemble_error]. *)

From Coq Require Import NArith ZArith List Lia.
From Hexproof.Spec Require Import Common M1Lex M1Eval M1Spec M1Image.
From Hexproof.Proofs Require Import M1Default.
Import ListNotations.

(** ** Reading the stream as items *)

(** The bindings of the DEFINE items, in order. *)
Definition bindings (items : list item) : list binding :=
  flat_map (fun it => match it with
                      | define_item _ n v => [(token_text n, value_text v)]
                      | token_item _ => []
                      end) items.

Definition item_ok (it : item) : Prop :=
  match it with
  | define_item d _ _ => is_define d = true
  | token_item t => is_define t = false
  end.

Lemma reads_as_cons : forall ts it items,
  reads_as ts (it :: items) <->
  exists rest, ts = item_tokens it ++ rest /\ item_ok it /\ reads_as rest items.
Proof.
  intros ts it items; unfold reads_as; split.
  - intros [E F]; inversion F; subst. exists (concat (map item_tokens items)).
    repeat split; assumption.
  - intros [rest [-> [O [E F]]]]; subst. split; [reflexivity | constructor; assumption].
Qed.

Lemma reads_expand : forall items ts,
  reads_as ts items -> expand_defines ts = Ok (bindings items, printed items).
Proof.
  induction items as [|it items IH]; intros ts H.
  - destruct H as [-> _]; reflexivity.
  - apply reads_as_cons in H; destruct H as [rest [-> [O R]]].
    destruct it as [d n v|t]; cbn in O |- *.
    + rewrite O, (IH rest R); reflexivity.
    + rewrite O, (IH rest R); reflexivity.
Qed.

Lemma expand_reads : forall n ts bs out,
  length ts <= n -> expand_defines ts = Ok (bs, out) ->
  exists items, reads_as ts items /\ bs = bindings items /\ out = printed items.
Proof.
  induction n as [|n IH]; intros ts bs out L H.
  - destruct ts; [|cbn in L; lia]. injection H as <- <-.
    exists []; split; [split; [reflexivity | constructor] | split; reflexivity].
  - destruct ts as [|t rest].
    + injection H as <- <-.
      exists []; split; [split; [reflexivity | constructor] | split; reflexivity].
    + cbn [expand_defines] in H. destruct (is_define t) eqn:D.
      * destruct rest as [|name [|value rest']]; try discriminate H.
        destruct (expand_defines rest') as [[bs' out']|e] eqn:E; [|discriminate H].
        injection H as <- <-.
        destruct (IH rest' bs' out') as [items [R [-> ->]]]; [cbn in L; lia | exact E|].
        exists (define_item t name value :: items); split; [|split; reflexivity].
        apply reads_as_cons. exists rest'; split; [reflexivity | split; [exact D | exact R]].
      * destruct (expand_defines rest) as [[bs' out']|e] eqn:E; [|discriminate H].
        injection H as <- <-.
        destruct (IH rest bs' out') as [items [R [-> ->]]]; [cbn in L; lia | exact E|].
        exists (token_item t :: items); split; [|split; reflexivity].
        apply reads_as_cons. exists rest; split; [reflexivity | split; [exact D | exact R]].
Qed.

(** The reading of a stream as items is unique. *)
Lemma reads_as_unique : forall items1 items2 ts,
  reads_as ts items1 -> reads_as ts items2 -> items1 = items2.
Proof.
  induction items1 as [|it1 items1 IH]; intros [|it2 items2] ts H1 H2.
  - reflexivity.
  - destruct H1 as [-> _]. apply reads_as_cons in H2; destruct H2 as [rest [E _]].
    destruct it2; discriminate E.
  - destruct H2 as [-> _]. apply reads_as_cons in H1; destruct H1 as [rest [E _]].
    destruct it1; discriminate E.
  - apply reads_as_cons in H1; destruct H1 as [r1 [E1 [O1 R1]]].
    apply reads_as_cons in H2; destruct H2 as [r2 [E2 [O2 R2]]].
    subst ts.
    assert (it1 = it2 /\ r1 = r2) as [-> ->].
    { destruct it1 as [d1 n1 v1|t1], it2 as [d2 n2 v2|t2]; cbn in O1, O2, E2;
        injection E2 as; subst; try congruence; auto. }
    f_equal; eapply IH; eassumption.
Qed.

(** ** The value in force *)

Lemma find_app : forall {A} (f : A -> bool) l1 l2,
  find f (l1 ++ l2) = match find f l1 with Some x => Some x | None => find f l2 end.
Proof.
  intros A f l1 l2; induction l1 as [|x l1 IH]; [reflexivity|].
  cbn; destruct (f x); [reflexivity | apply IH].
Qed.

Lemma in_force_bindings : forall items s, in_force items s = last_define s (bindings items).
Proof.
  intros items s; induction items as [|it items IH]; [reflexivity|].
  unfold in_force in *; cbn [rev]; rewrite find_app.
  destruct (find (defines s) (rev items)) as [x|] eqn:Fd.
  - assert (Dx : defines s x = true) by (apply find_some in Fd; apply Fd).
    destruct x as [d' n' v'|t']; [|discriminate Dx].
    destruct it as [d n v|t]; cbn [bindings flat_map app last_define];
      change (flat_map _ items) with (bindings items); rewrite <- IH; reflexivity.
  - destruct it as [d n v|t]; cbn [bindings flat_map app last_define];
      change (flat_map _ items) with (bindings items); rewrite <- IH; cbn; [|reflexivity].
    destruct (text_eqb (token_text n) s); reflexivity.
Qed.

(** ** Errors in the words *)

Lemma first_failure_none : forall cfg bs ts,
  first_failure cfg bs ts = None <->
  forall s f o k z, In (Word s f o) ts -> outcome_of cfg bs s <> Failure k z.
Proof.
  intros cfg bs ts; induction ts as [|t ts IH]; [split; [intros _ s f o k z []|reflexivity]|].
  destruct t as [|s f o]; cbn [first_failure].
  - rewrite IH; split; intros H s' f' o' k z I; [destruct I as [I|I]; [discriminate I|]|];
      eapply H; [exact I|..]; try (right; exact I).
  - destruct (outcome_of cfg bs s) as [v| |k z] eqn:O.
    + rewrite IH; split; intros H s' f' o' k z I.
      * destruct I as [I|I]; [injection I as <- <- <-; rewrite O; discriminate|]. eapply H; exact I.
      * eapply H; right; exact I.
    + rewrite IH; split; intros H s' f' o' k z I.
      * destruct I as [I|I]; [injection I as <- <- <-; rewrite O; discriminate|]. eapply H; exact I.
      * eapply H; right; exact I.
    + split; [discriminate|]. intros H; exfalso; apply (H s f o k z (or_introl eq_refl) O).
Qed.

(** ** Printing *)

(** [pieces] are what the tokens [ts] print, each given the token after it. *)
Inductive printed_as (P : token -> option token -> bytes -> Prop)
  : list token -> list bytes -> Prop :=
| printed_nil : printed_as P [] []
| printed_cons : forall t rest piece pieces,
    P t (hd_error rest) piece -> printed_as P rest pieces -> printed_as P (t :: rest) (piece :: pieces).

Lemma printed_as_nth : forall P ts pieces,
  printed_as P ts pieces <->
  length pieces = length ts /\
  forall i t piece, nth_error ts i = Some t -> nth_error pieces i = Some piece ->
    P t (nth_error ts (S i)) piece.
Proof.
  intros P ts; induction ts as [|t ts IH]; intros pieces; split.
  - intros H; inversion H; subst; split; [reflexivity|]. intros [|i]; discriminate.
  - intros [L _]; destruct pieces; [constructor | discriminate].
  - intros H; inversion H as [|? ? piece pieces' Hp Hr]; subst.
    apply IH in Hr; destruct Hr as [L Hr]; split; [cbn; congruence|].
    intros [|i] t' p' T P'; cbn in T, P'.
    + injection T as <-; injection P' as <-. destruct ts; exact Hp.
    + apply Hr; assumption.
  - intros [L H]; destruct pieces as [|piece pieces]; [discriminate|].
    constructor.
    + specialize (H 0%nat t piece eq_refl eq_refl); destruct ts; exact H.
    + apply IH; split; [cbn in L; congruence|].
      intros i t' p' T P'. apply (H (S i)); assumption.
Qed.

Lemma print_pieces : forall cfg items ts out,
  print cfg (bindings items) ts = Ok out <->
  exists pieces, printed_as (prints cfg items) ts pieces /\ out = concat pieces.
Proof.
  intros cfg items ts; induction ts as [|t ts IH]; intros out.
  - split.
    + intros H; injection H as <-. exists []; split; constructor.
    + intros [pieces [H ->]]; inversion H; reflexivity.
  - destruct t as [|s f o]; cbn [print].
    + split.
      * intros H. destruct (print cfg (bindings items) ts) as [o'|e] eqn:E; [|discriminate H].
        injection H as <-. destruct (proj1 (IH o') eq_refl) as [pieces [P ->]].
        eexists; split; [constructor; [|exact P]|reflexivity].
        cbn. destruct ts as [|[|] ?]; reflexivity.
      * intros [pieces [P ->]]; inversion P as [|? ? piece pieces' Hp Hr]; subst.
        rewrite (proj2 (IH _) (ex_intro _ pieces' (conj Hr eq_refl))). cbn in Hp |- *.
        rewrite Hp. destruct ts as [|[|] ?]; reflexivity.
    + unfold outcome_of; rewrite <- in_force_bindings. split.
      * intros H. destruct (evaluate cfg (in_force items s) s) as [v| |k z] eqn:V;
          try discriminate H.
        destruct (print cfg (bindings items) ts) as [o'|e] eqn:E; [|discriminate H].
        injection H as <-. destruct (proj1 (IH o') eq_refl) as [pieces [P ->]].
        eexists; split; [constructor; [|exact P]|reflexivity].
        exists v; split; [exact V|]. destruct ts as [|[|] ?]; reflexivity.
      * intros [pieces [P ->]]; inversion P as [|? ? piece pieces' Hp Hr]; subst.
        destruct Hp as [v [V ->]]. rewrite V.
        rewrite (proj2 (IH _) (ex_intro _ pieces' (conj Hr eq_refl))).
        cbn. destruct ts as [|[|] ?]; reflexivity.
Qed.

(** ** The theorems *)

Lemma image_expand : forall cfg ts out,
  image cfg ts out <->
  ts <> [] /\ exists bs xs, expand_defines ts = Ok (bs, xs) /\
    first_failure cfg bs ts = None /\ print cfg bs xs = Ok out.
Proof.
  intros cfg ts out; split.
  - intros [NE [items [R [NF [pieces [L [-> P]]]]]]]. split; [exact NE|].
    exists (bindings items), (printed items); split; [apply reads_expand, R|]; split.
    + apply first_failure_none. intros s f o k z I. unfold outcome_of.
      rewrite <- in_force_bindings. apply (NF s f o k z I).
    + apply print_pieces. exists pieces; split; [apply printed_as_nth; split; assumption|reflexivity].
  - intros [NE [bs [xs [E [F P]]]]]. split; [exact NE|].
    destruct (expand_reads (length ts) ts bs xs (le_n _) E) as [items [R [-> ->]]].
    exists items; split; [exact R|]; split.
    + intros s f o k z I. rewrite in_force_bindings. apply (proj1 (first_failure_none _ _ _) F _ _ _ _ _ I).
    + apply print_pieces in P. destruct P as [pieces [P ->]].
      apply printed_as_nth in P. destruct P as [L P].
      exists pieces; repeat split; assumption.
Qed.

(** Soundness: what M1 prints is the output [M1Image] gives its token stream. *)
Theorem assemble_sound : forall cfg inputs out,
  assemble cfg inputs = Ok out ->
  exists ts, tokenize inputs = Ok ts /\ image cfg ts out.
Proof.
  intros cfg inputs out H; rewrite assemble_unfold in H.
  destruct (tokenize inputs) as [ts|e]; [|discriminate H].
  exists ts; split; [reflexivity|]. apply image_expand.
  destruct ts as [|t ts]; [discriminate H|]. split; [discriminate|].
  destruct (expand_defines (t :: ts)) as [[bs xs]|e]; [|discriminate H].
  exists bs, xs; split; [reflexivity|].
  destruct (first_failure cfg bs (t :: ts)); [discriminate H|]. split; [reflexivity | exact H].
Qed.

(** Completeness: when the token stream has an output, M1 prints it. *)
Theorem assemble_complete : forall cfg inputs ts out,
  tokenize inputs = Ok ts -> image cfg ts out -> assemble cfg inputs = Ok out.
Proof.
  intros cfg inputs ts out T H; apply image_expand in H.
  destruct H as [NE [bs [xs [E [F P]]]]].
  rewrite assemble_unfold, T. destruct ts as [|t ts]; [contradiction|].
  rewrite E, F; exact P.
Qed.

(** A token stream has at most one output. *)
Theorem image_unique : forall cfg ts out1 out2,
  image cfg ts out1 -> image cfg ts out2 -> out1 = out2.
Proof.
  intros cfg ts out1 out2 H1 H2; apply image_expand in H1, H2.
  destruct H1 as [_ [bs1 [xs1 [E1 [_ P1]]]]], H2 as [_ [bs2 [xs2 [E2 [_ P2]]]]].
  rewrite E1 in E2; injection E2 as <- <-. rewrite P1 in P2; injection P2 as <-; reflexivity.
Qed.

(** ** Errors *)

Lemma emit_word_error : forall file start text r e,
  emit_word file start text r = Err e -> err_kind e = nul_in_token \/ r = Err e.
Proof.
  intros file start text r e H; unfold emit_word in H.
  destruct (has_nul text); [injection H as <-; left; reflexivity|].
  destruct r; [discriminate H | right; exact H].
Qed.

Lemma emit_newline_error : forall r e, emit_newline r = Err e -> r = Err e.
Proof. intros [ts|e'] e H; [discriminate H | exact H]. Qed.

Lemma lex_error_kind : forall file s pos st e,
  lex file pos st s = Err e -> err_kind e = unterminated_string \/ err_kind e = nul_in_token.
Proof.
  intros file s; induction s as [|c s IH]; intros pos st e H; cbn [lex] in H.
  - destruct st as [| |start rt|q start rt]; try discriminate H.
    + apply emit_word_error in H; destruct H as [H|H]; [right; exact H | discriminate H].
    + injection H as <-; left; reflexivity.
  - destruct st as [| |start rt|q start rt];
      repeat match type of H with
             | (if ?b then _ else _) = _ => destruct b
             end;
      repeat match type of H with
             | emit_word _ _ _ _ = Err _ =>
                 apply emit_word_error in H; destruct H as [H|H]; [right; exact H|]
             | emit_newline _ = Err _ => apply emit_newline_error in H
             end;
      eapply IH; exact H.
Qed.

Lemma tokenize_error_kind : forall inputs e,
  tokenize inputs = Err e -> err_kind e = unterminated_string \/ err_kind e = nul_in_token.
Proof.
  intros inputs e H; unfold tokenize in H.
  destruct (M1Lex.lex_files 0 inputs) as [ts|e'] eqn:L; [discriminate H|]. injection H as <-.
  revert L; generalize 0%N; induction inputs as [|f fs IH]; intros file L; [discriminate L|].
  cbn [M1Lex.lex_files] in L.
  destruct (lex file 0 Between f) as [ts|e''] eqn:E.
  - destruct (M1Lex.lex_files (N.add file 1) fs) as [ts'|e''] eqn:E'; [discriminate L|].
    injection L as <-. eapply IH; exact E'.
  - injection L as <-. eapply lex_error_kind; exact E.
Qed.

Lemma expand_error_kind : forall n ts e,
  length ts <= n -> expand_defines ts = Err e ->
  err_kind e = macro_name_missing \/ err_kind e = macro_value_missing.
Proof.
  induction n as [|n IH]; intros ts e L H.
  - destruct ts; [discriminate H | cbn in L; lia].
  - destruct ts as [|t rest]; [discriminate H|]. cbn [expand_defines] in H.
    destruct (is_define t).
    + destruct rest as [|name [|value rest']].
      * injection H as <-; left; destruct t; reflexivity.
      * injection H as <-; right; destruct t; reflexivity.
      * destruct (expand_defines rest') as [[bs out]|e'] eqn:E; [discriminate H|].
        injection H as <-. eapply (IH rest'); [cbn in L; lia | exact E].
    + destruct (expand_defines rest) as [[bs out]|e'] eqn:E; [discriminate H|].
      injection H as <-. eapply (IH rest); [cbn in L; lia | exact E].
Qed.

Lemma first_failure_some : forall cfg bs ts e,
  first_failure cfg bs ts = Some e ->
  exists s f o, In (Word s f o) ts /\ e = mk_error (err_kind e) f o (err_value e) s /\
    outcome_of cfg bs s = Failure (err_kind e) (err_value e).
Proof.
  intros cfg bs ts e; induction ts as [|t ts IH]; intros H; [discriminate H|].
  destruct t as [|s f o]; cbn [first_failure] in H.
  - destruct (IH H) as [s [f [o [I R]]]]. exists s, f, o; split; [right; exact I | exact R].
  - destruct (outcome_of cfg bs s) as [v| |k z] eqn:O;
      try (destruct (IH H) as [s' [f' [o' [I R]]]]; exists s', f', o'; split;
           [right; exact I | exact R]).
    injection H as <-. exists s, f, o; split; [left; reflexivity|]. split; [reflexivity | exact O].
Qed.

Lemma printed_in : forall ts items t,
  reads_as ts items -> In t (printed items) -> t = Newline \/ In t ts.
Proof.
  intros ts items t [-> F] I. unfold printed in I. apply in_map_iff in I.
  destruct I as [[d n v|t'] [<- Ii]]; [left; reflexivity|right].
  apply in_concat. exists [t']; split; [apply in_map_iff; exists (token_item t'); auto | left; reflexivity].
Qed.

Lemma print_error : forall cfg bs xs e,
  print cfg bs xs = Err e ->
  exists s f o, In (Word s f o) xs /\ e = mk_error invalid_other f o 0 s /\
    (forall v, outcome_of cfg bs s <> Value v).
Proof.
  intros cfg bs xs e; induction xs as [|t xs IH]; intros H; [discriminate H|].
  destruct t as [|s f o]; cbn [print] in H.
  - destruct (print cfg bs xs) eqn:P; [discriminate H|]. injection H as <-.
    destruct (IH eq_refl) as [s [f [o [I R]]]]. exists s, f, o; split; [right; exact I | exact R].
  - destruct (outcome_of cfg bs s) as [v| |k z] eqn:O.
    + destruct (print cfg bs xs) eqn:P; [discriminate H|]. injection H as <-.
      destruct (IH eq_refl) as [s' [f' [o' [I R]]]]. exists s', f', o'; split; [right; exact I | exact R].
    + injection H as <-. exists s, f, o; split; [left; reflexivity|]. split; [reflexivity|].
      intros v; rewrite O; discriminate.
    + injection H as <-. exists s, f, o; split; [left; reflexivity|]. split; [reflexivity|].
      intros v; rewrite O; discriminate.
Qed.

(** The error side. When M1 fails, either reading failed (a string without its closing quote,
    a NUL in a token), or the token stream has no output at all, and the error says why:
    - the stream is empty ([empty_input]);
    - or it cannot be read as items (a [DEFINE] without two tokens after it);
    - or a word of the stream, DEFINE names and values included, evaluates to an error (an
      immediate out of range, a negative [<N]); the error is that word's, at its place;
    - or a word that is printed has no output text ([invalid_other], at that word). *)
Theorem assemble_error : forall cfg inputs e,
  assemble cfg inputs = Err e ->
  (tokenize inputs = Err e /\
   (err_kind e = unterminated_string \/ err_kind e = nul_in_token)) \/
  (exists ts, tokenize inputs = Ok ts /\ ~ (exists out, image cfg ts out) /\
   ((ts = [] /\ e = empty_input_error) \/
    ((err_kind e = macro_name_missing \/ err_kind e = macro_value_missing) /\
     ~ (exists items, reads_as ts items)) \/
    (exists items, reads_as ts items /\
     ((exists s f o, In (Word s f o) ts /\ e = mk_error (err_kind e) f o (err_value e) s /\
        evaluate cfg (in_force items s) s = Failure (err_kind e) (err_value e)) \/
      (exists s f o, In (Word s f o) (printed items) /\ e = mk_error invalid_other f o 0 s /\
        evaluate cfg (in_force items s) s = No_value))))).
Proof.
  intros cfg inputs e H.
  destruct (tokenize inputs) as [ts|e'] eqn:T.
  2:{ left. rewrite assemble_unfold, T in H. injection H as <-. split; [reflexivity|].
      eapply tokenize_error_kind; exact T. }
  right. exists ts; split; [reflexivity|]; split.
  { intros [out I]. rewrite (assemble_complete cfg inputs ts out T I) in H; discriminate H. }
  rewrite assemble_unfold, T in H.
  destruct ts as [|t ts']; [left; injection H as <-; split; reflexivity|right].
  destruct (expand_defines (t :: ts')) as [[bs xs]|e'] eqn:E.
  - right.
    destruct (expand_reads _ _ _ _ (le_n _) E) as [items [R [-> ->]]].
    exists items; split; [exact R|].
    destruct (first_failure cfg (bindings items) (t :: ts')) as [e'|] eqn:F.
    + injection H as <-. left. destruct (first_failure_some _ _ _ _ F) as [s [f [o [I [Ee O]]]]].
      exists s, f, o; split; [exact I|]; split; [exact Ee|].
      unfold outcome_of in O; rewrite in_force_bindings; exact O.
    + right. destruct (print_error _ _ _ _ H) as [s [f [o [I [Ee V]]]]].
      exists s, f, o; split; [exact I|]; split; [exact Ee|].
      unfold outcome_of in V; rewrite <- in_force_bindings in V.
      destruct (evaluate cfg (in_force items s) s) as [v| |k z] eqn:O;
        [exfalso; apply (V v); reflexivity | reflexivity|].
      exfalso. destruct (printed_in _ _ _ R I) as [D|D]; [discriminate D|].
      apply (proj1 (first_failure_none _ _ _) F s f o k z D).
      unfold outcome_of; rewrite <- in_force_bindings; exact O.
  - left. injection H as <-. split; [eapply expand_error_kind; [apply le_n | exact E]|].
    intros [items R]. rewrite (reads_expand _ _ R) in E; discriminate E.
Qed.
