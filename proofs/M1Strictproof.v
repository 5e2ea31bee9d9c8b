(** * M1Strictproof: a strict-clean M1 program means the same under every resolution. *)

(** [strict_quirk_independent]: when a program uses no quirk ([M1Strict.strict_clean]),
    [assemble_with q] is [assemble] for every resolution [q] of the quirks: the same output, or
    the same error. The proof follows [assemble_with]:
    - reading: no byte uses a quirk, so [lex_char_with q] is [lex_char] at every byte, and every
      file ends a line, so it ends the same way whatever [q] says ([tokenize_clean]);
    - DEFINE: no name is defined twice, so the first DEFINE is the last and there is no second
      to reject; no word comes before the DEFINE of its text, so a DEFINE read in order is in
      force wherever a DEFINE read order-free is ([define_for_clean]);
    - evaluation and printing: no immediate sits on upstream's bounds and none is printed across
      byte boundaries, so the exact bounds and the octal check change no outcome. *)

From Coq Require Import NArith ZArith List Bool Lia.
From Hexproof.Spec Require Import Common Quirks Strtoint M1Lex M1Eval M1Spec M1Strict.
From Hexproof.Proofs Require Import ListFacts M1Default M1Execproof M1Rejection.
Import ListNotations.
Local Open Scope N_scope.

(** ** Reading *)

(** The bytes of one file use no quirk, and it ends a line. *)
Definition chars_clean (file : N) (bs : bytes) : Prop :=
  (forall pre c post st ts, bs = pre ++ c :: post ->
     read_chars m1_1_7_0 file 0 Between pre = Ok (st, ts) -> char_quirk st c = None) /\
  (forall st ts, read_chars m1_1_7_0 file 0 Between bs = Ok (st, ts) -> ends_line st ts = true).

Lemma read_chars_clean : forall q file s pos st,
  (forall pre c post st' ts, s = pre ++ c :: post ->
     read_chars m1_1_7_0 file pos st pre = Ok (st', ts) -> char_quirk st' c = None) ->
  read_chars q file pos st s = read_chars m1_1_7_0 file pos st s.
Proof.
  intros q file s; induction s as [|c s IH]; intros pos st C; [reflexivity|].
  cbn [read_chars]. rewrite lex_char_with_1_7_0.
  assert (B : char_quirk st c = None) by (apply (C [] c s st []); reflexivity).
  unfold lex_char_with; rewrite B.
  destruct (lex_char file pos st c) as [[st1 ts1]|e] eqn:S; [|reflexivity].
  rewrite IH; [reflexivity|].
  intros pre c' post st' ts E R. apply (C (c :: pre) c' post st' (ts1 ++ ts));
    [rewrite E; reflexivity|].
  cbn [read_chars]; rewrite lex_char_with_1_7_0, S, R; reflexivity.
Qed.

Lemma read_inputs_clean : forall q inputs file,
  (forall k bs, nth_error inputs k = Some bs -> chars_clean (file + N.of_nat k) bs) ->
  read_inputs q file Between inputs = read_inputs m1_1_7_0 file Between inputs.
Proof.
  intros q inputs; induction inputs as [|bs rest IH]; intros file C; [reflexivity|].
  destruct (C 0%nat bs eq_refl) as [CB CE]; rewrite N.add_0_r in CB, CE.
  cbn [read_inputs]. rewrite (read_chars_clean q file bs 0 Between CB).
  destruct (read_chars m1_1_7_0 file 0 Between bs) as [[st ts]|e] eqn:R; [|reflexivity].
  unfold read_file_end; rewrite (CE st ts eq_refl).
  destruct (end_file file st) as [[st2 ts2]|e] eqn:EF; [|reflexivity].
  assert (B : st2 = Between) by (unfold end_file in EF; destruct (lex_eof file st);
                                 [injection EF as <- _; reflexivity|discriminate]).
  subst st2. rewrite IH; [reflexivity|].
  intros k bs' E. replace (N.add (N.add file 1) (N.of_nat k)) with (file + N.of_nat (S k)) by lia.
  exact (C (S k) bs' E).
Qed.

Lemma clean_chars : forall cfg inputs,
  strict_clean cfg inputs ->
  forall k bs, nth_error inputs k = Some bs -> chars_clean (0 + N.of_nat k) bs.
Proof.
  intros cfg inputs S k bs E; rewrite N.add_0_l. split.
  - intros pre c post st ts B R. destruct (char_quirk st c) as [q|] eqn:Q; [|reflexivity].
    exfalso; eapply S, (use_in_char cfg inputs (N.of_nat k)); [rewrite Nat2N.id; exact E|..];
      eassumption.
  - intros st ts R. destruct (ends_line st ts) eqn:L; [reflexivity|exfalso].
    eapply S, (use_at_end cfg inputs (N.of_nat k) bs st ts);
      [rewrite Nat2N.id; exact E|exact R|exact L].
Qed.

Lemma tokenize_clean : forall cfg inputs q,
  strict_clean cfg inputs -> tokenize_with q inputs = tokenize inputs.
Proof.
  intros cfg inputs q S. rewrite <- tokenize_1_7_0; unfold tokenize_with.
  rewrite (read_inputs_clean q inputs 0 (clean_chars cfg inputs S)); reflexivity.
Qed.

(** ** DEFINE *)

Lemma first_name : forall (items : list (token * token * token)) i it,
  nth_error items i = Some it ->
  exists i0 it0, (i0 <= i)%nat /\ nth_error items i0 = Some it0 /\
    item_name it0 = item_name it /\ ~ In (item_name it) (map item_name (firstn i0 items)).
Proof.
  intros items; induction items as [|x items IH]; intros i it H; [destruct i; discriminate|].
  destruct (list_eq_dec N.eq_dec (item_name x) (item_name it)) as [E|D].
  - exists 0%nat, x; split; [lia|]; split; [reflexivity|]; split; [exact E|]; cbn; tauto.
  - destruct i as [|i]; [injection H as ->; contradiction|].
    destruct (IH i it H) as [i0 [it0 [L [N [E NI]]]]].
    exists (S i0), it0; split; [lia|]; split; [exact N|]; split; [exact E|].
    cbn; intros [X|X]; [exact (D X)|exact (NI X)].
Qed.

(** No name is defined twice. *)
Lemma clean_names : forall cfg ts out,
  (forall u, ~ token_use cfg ts out (define_items ts) u) ->
  NoDup (map item_name (define_items ts)).
Proof.
  intros cfg ts out T. set (items := define_items ts) in *.
  assert (H : forall j it, nth_error items j = Some it ->
                ~ In (item_name it) (map item_name (firstn j items))).
  { intros j it E I. rewrite <- firstn_map in I.
    destruct (In_nth_error _ _ I) as [j' Ej'].
    assert (Lj : (j' < j)%nat).
    { assert (Hj : nth_error (firstn j (map item_name items)) j' <> None) by congruence.
      apply nth_error_Some in Hj; rewrite firstn_length in Hj; lia. }
    rewrite nth_error_firstn_lt, nth_error_map in Ej' by exact Lj.
    destruct (nth_error items j') as [it'|] eqn:Ej''; [|discriminate]. injection Ej' as Ej'.
    destruct (first_name items j' it' Ej'') as [i0 [it0 [L0 [N0 [E0 NI0]]]]].
    apply (T (mk_use duplicate_define (fst (item_place it)) (snd (item_place it)) (item_name it)
                (fst (item_place it0)) (snd (item_place it0)) 0)).
    apply (use_duplicate_define cfg ts out items i0 j it0 it);
      [exact N0|rewrite E0; exact NI0|lia|exact E|congruence]. }
  clearbody items. clear T. induction items as [|it items IH] using rev_ind; [constructor|].
  rewrite map_app. cbn [map].
  assert (H' : forall j it', nth_error items j = Some it' ->
                 ~ In (item_name it') (map item_name (firstn j items))).
  { intros j it' E. assert (L : (j < length items)%nat) by (apply nth_error_Some; congruence).
    specialize (H j it'). rewrite nth_error_app1, firstn_app in H by lia.
    replace (j - length items)%nat with 0%nat in H by lia. rewrite app_nil_r in H. exact (H E). }
  assert (NI : ~ In (item_name it) (map item_name items)).
  { specialize (H (length items) it). rewrite nth_error_app2, Nat.sub_diag in H by lia.
    rewrite firstn_app, Nat.sub_diag, firstn_all in H; cbn in H; rewrite app_nil_r in H.
    exact (H eq_refl). }
  rewrite <- (rev_involutive (map item_name items ++ [item_name it])). apply NoDup_rev.
  rewrite rev_app_distr; cbn. constructor; [rewrite <- in_rev; exact NI|apply NoDup_rev, IH, H'].
Qed.

Lemma last_define_binding : forall env s,
  NoDup (map item_name env) ->
  (forall it, In it env -> item_name it <> s) /\ last_define s (map item_binding env) = None /\
    first_define s (map item_binding env) = None \/
  exists it, In it env /\ item_name it = s /\
    last_define s (map item_binding env) = Some (snd (item_binding it)) /\
    first_define s (map item_binding env) = Some (snd (item_binding it)).
Proof.
  intros env s; induction env as [|[[d n] v] env IH]; intros ND.
  - left; repeat split; auto.
  - inversion ND as [|? ? NI ND']; subst. cbn [map last_define first_define item_binding].
    destruct (IH ND') as [[N [L F]]|[it [I [E [L F]]]]].
    + rewrite L. destruct (text_eqb (token_text n) s) eqn:X.
      * apply text_eqb_eq in X. right; exists (d, n, v); split; [left; reflexivity|].
        split; [exact X|]. split; reflexivity.
      * left; split; [|split; [reflexivity|exact F]].
        intros it [<-|I]; [cbn; intros Y; subst; rewrite (proj2 (text_eqb_eq _ _) eq_refl) in X;
                            discriminate|exact (N it I)].
    + rewrite L. right; exists it; split; [right; exact I|]; split; [exact E|]; split; [reflexivity|].
      destruct (text_eqb (token_text n) s) eqn:X; [|exact F].
      apply text_eqb_eq in X. exfalso; apply NI. cbn [item_name] in X |- *.
      rewrite X, <- E. apply in_map, I.
Qed.

Lemma same_word_eq : forall t s f o, same_word t s f o = true -> t = Word s f o.
Proof.
  intros [|s' f' o'] s f o H; [discriminate|]. cbn in H.
  apply andb_prop in H as [H O]; apply andb_prop in H as [S F].
  apply text_eqb_eq in S; apply N.eqb_eq in F; apply N.eqb_eq in O; subst; reflexivity.
Qed.

Lemma same_word_refl : forall s f o, same_word (Word s f o) s f o = true.
Proof.
  intros; cbn. rewrite (proj2 (text_eqb_eq s s) eq_refl), !N.eqb_refl; reflexivity.
Qed.

Lemma nodup_map_eq : forall {A B} (g : A -> B) l x y,
  NoDup (map g l) -> In x l -> In y l -> g x = g y -> x = y.
Proof.
  intros A B g l; induction l as [|a l IH]; intros x y ND X Y E; [contradiction|].
  inversion ND as [|? ? NI ND']; subst.
  destruct X as [<-|X], Y as [<-|Y]; auto.
  - exfalso; apply NI; rewrite E; apply in_map, Y.
  - exfalso; apply NI; rewrite <- E; apply in_map, X.
Qed.

Lemma place_le_refl : forall p, place_le p p = true.
Proof. intros [f o]; unfold place_le; cbn; rewrite N.eqb_refl, N.leb_refl, Bool.orb_true_r; reflexivity. Qed.

(** In a clean program every word's DEFINE is the same under every resolution. *)
Lemma define_for_clean : forall cfg ts out q s f o,
  (forall u, ~ token_use cfg ts out (define_items ts) u) -> In (Word s f o) ts ->
  define_for q (define_items ts) s f o = define_for m1_1_7_0 (define_items ts) s f o.
Proof.
  intros cfg ts out q s f o T W. pose proof (clean_names cfg ts out T) as ND.
  set (items := define_items ts) in *. rewrite define_for_1_7_0. unfold define_for.
  rewrite !last_item_value_bindings, !first_item_value_bindings.
  set (env := match mq_use_before_define q with
              | in_order => filter _ items
              | _ => items
              end).
  assert (Sub : forall it, In it env -> In it items).
  { intros it I; unfold env in I; destruct (mq_use_before_define q); auto.
    apply filter_In in I; apply I. }
  assert (NDe : NoDup (map item_name env)).
  { unfold env; destruct (mq_use_before_define q); auto.
    clear -ND. induction items as [|it items IH]; [constructor|]. inversion ND as [|? ? NI ND']; subst.
    cbn [filter]. destruct (_ : bool); [|exact (IH ND')]. constructor; [|exact (IH ND')].
    intros X; apply NI. apply in_map_iff in X as [it' [E X]]. apply filter_In in X.
    rewrite <- E; apply in_map, X. }
  destruct (last_define_binding items s ND) as [[N [L F]]|[it [I [E [L F]]]]].
  - rewrite L. destruct (last_define_binding env s NDe) as [[N' [L' F']]|[it [I [E _]]]].
    + destruct (mq_duplicate_define q); assumption.
    + exfalso; exact (N it (Sub it I) E).
  - rewrite L.
    assert (Ie : In it env).
    { unfold env; destruct (mq_use_before_define q) eqn:Q; auto. apply filter_In; split; [exact I|].
      destruct it as [[d n] v]. cbn [item_name] in E.
      destruct (is_define_name items s f o) eqn:DN.
      - unfold is_define_name in DN. apply existsb_exists in DN as [[[d' n'] v'] [I' X]].
        apply same_word_eq in X; subst n'.
        assert (It : (d', Word s f o, v') = (d, n, v))
          by (apply (nodup_map_eq item_name items); auto; cbn; congruence).
        injection It as -> <- ->. rewrite same_word_refl, Bool.orb_true_r, Bool.orb_true_l.
        reflexivity.
      - destruct (place_le (place d) (f, o)) eqn:P; [reflexivity|exfalso].
        apply (T (mk_use use_before_define f o s (fst (place d)) (snd (place d)) 0)).
        apply (use_use_before_define cfg ts out items s f o (d, n, v)); auto.
        intros it' I'' E''. replace it' with (d, n, v)
          by (apply (nodup_map_eq item_name items); auto; cbn; congruence).
        apply place_le_refl. }
    destruct (last_define_binding env s NDe) as [[N' _]|[it' [I' [E' [L' F']]]]].
    + exfalso; exact (N' it Ie E).
    + replace it' with it in * by (apply (nodup_map_eq item_name items); auto; congruence).
      destruct (mq_duplicate_define q); assumption.
Qed.

(** ** Evaluation and printing *)

Lemma outcome_with_clean : forall cfg ts out q s f o,
  (forall u, ~ token_use cfg ts out (define_items ts) u) -> In (Word s f o) ts ->
  outcome_with q cfg (define_items ts) s f o = outcome_with m1_1_7_0 cfg (define_items ts) s f o.
Proof.
  intros cfg ts out q s f o T W. unfold outcome_with.
  rewrite (define_for_clean cfg ts out q s f o T W), define_for_1_7_0.
  destruct (evaluate _ _ s); try reflexivity.
  destruct (mq_range q); [reflexivity|].
  destruct (last_define s _) eqn:D; [reflexivity|].
  destruct (immediate_field cfg s) as [[c z]|] eqn:I; [|reflexivity].
  destruct (is_riscv (m1_arch cfg)) eqn:R; [reflexivity|].
  destruct (on_bound c z) eqn:B; [exfalso|reflexivity].
  exact (T _ (use_off_by_one_range cfg ts out _ s f o c z W D I R B)).
Qed.

Lemma first_failure_clean : forall cfg ts out q ws,
  (forall u, ~ token_use cfg ts out (define_items ts) u) ->
  (forall s f o, In (Word s f o) ws -> In (Word s f o) ts) ->
  first_failure_with q cfg (define_items ts) ws = first_failure_with m1_1_7_0 cfg (define_items ts) ws.
Proof.
  intros cfg ts out q ws T; induction ws as [|[|s f o] ws IH]; intros W; [reflexivity| |].
  - apply IH; intros s f o I; apply W; right; exact I.
  - cbn [first_failure_with].
    rewrite (outcome_with_clean cfg ts out q s f o T) by (apply W; left; reflexivity).
    destruct (outcome_with m1_1_7_0 _ _ s f o); try reflexivity;
      apply IH; intros s' f' o' I; apply W; right; exact I.
Qed.

Lemma print_clean : forall cfg ts q bs out ws,
  (forall u, ~ token_use cfg ts out (define_items ts) u) -> expand_defines ts = Ok (bs, out) ->
  (forall s f o, In (Word s f o) ws -> In (Word s f o) out) ->
  print_with q cfg (define_items ts) ws = print_with m1_1_7_0 cfg (define_items ts) ws.
Proof.
  intros cfg ts q bs out ws T X; induction ws as [|[|s f o] ws IH]; intros W; [reflexivity| |].
  - cbn [print_with]. rewrite IH; [reflexivity|]. intros s f o I; apply W; right; exact I.
  - cbn [print_with].
    assert (Wo : In (Word s f o) out) by (apply W; left; reflexivity).
    assert (Wt : In (Word s f o) ts).
    { destruct (expand_defines_words (length ts) ts bs out _ (le_n _) X Wo) as [N|N];
        [discriminate N|exact N]. }
    rewrite (outcome_with_clean cfg ts out q s f o T Wt).
    destruct (outcome_with m1_1_7_0 _ _ s f o); try reflexivity.
    rewrite (define_for_clean cfg ts out q s f o T Wt), define_for_1_7_0.
    unfold octal_rejected; cbn [mq_octal_immediate m1_1_7_0].
    destruct (mq_octal_immediate q); [|destruct (last_define s _) eqn:D;
                                         [|destruct (octal_wide cfg s) eqn:O; [exfalso|]]].
    all: try (rewrite IH; [reflexivity|intros s' f' o' I; apply W; right; exact I]).
    exact (T _ (use_octal_immediate cfg ts out _ s f o Wo D O)).
Qed.

(** ** The rejecting resolutions of DEFINE *)

Lemma first_redefine_some : forall items seen d,
  first_redefine seen items = Some d ->
  exists i it, nth_error items i = Some it /\
    (In (item_name it) seen \/ In (item_name it) (map item_name (firstn i items))).
Proof.
  intros items; induction items as [|[[d0 n] v] items IH]; intros seen d H; [discriminate|].
  cbn [first_redefine] in H. destruct (existsb (text_eqb (token_text n)) seen) eqn:X.
  - exists 0%nat, (d0, n, v); split; [reflexivity|left].
    apply existsb_exists in X as [m [M X]]; apply text_eqb_eq in X; subst; exact M.
  - destruct (IH _ _ H) as [i [it [E [[Hn|O]|O]]]]; exists (S i), it; split; auto.
    + right; left; exact Hn.
    + right; right; exact O.
Qed.

Lemma first_early_use_some : forall items ws f o,
  first_early_use items ws = Some (f, o) ->
  exists s, In (Word s f o) ws /\ is_define_name items s f o = false /\
    defined_after items (f, o) s = true.
Proof.
  intros items ws; induction ws as [|[|s f' o'] ws IH]; intros f o H; [discriminate| |].
  - destruct (IH f o H) as [s [W X]]; exists s; split; [right; exact W|exact X].
  - cbn [first_early_use] in H.
    destruct (negb (is_define_name items s f' o') && defined_after items (f', o') s) eqn:X.
    + injection H as <- <-. apply andb_prop in X as [X Y]. apply Bool.negb_true_iff in X.
      exists s; split; [left; reflexivity|]; split; assumption.
    + destruct (IH f o H) as [s' [W Y]]; exists s'; split; [right; exact W|exact Y].
Qed.

Lemma define_rejection_clean : forall cfg ts out q,
  (forall u, ~ token_use cfg ts out (define_items ts) u) ->
  define_rejection q ts (define_items ts) = None.
Proof.
  intros cfg ts out q T. pose proof (clean_names cfg ts out T) as ND.
  unfold define_rejection.
  assert (R : first_redefine [] (define_items ts) = None).
  { destruct (first_redefine [] (define_items ts)) as [d|] eqn:F; [exfalso|reflexivity].
    destruct (first_redefine_some _ _ _ F) as [i [it [E [[]|I]]]].
    rewrite <- firstn_map in I. pose proof (proj1 (NoDup_nth_error _) ND) as ND'.
    destruct (In_nth_error _ _ I) as [j Ej].
    assert (Lj : (j < i)%nat).
    { assert (Hj : nth_error (firstn i (map item_name (define_items ts))) j <> None) by congruence.
      apply nth_error_Some in Hj; rewrite firstn_length in Hj; lia. }
    rewrite nth_error_firstn_lt in Ej by exact Lj.
    assert (Li : (i < length (map item_name (define_items ts)))%nat)
      by (rewrite map_length; apply nth_error_Some; congruence).
    assert (J := ND' j i ltac:(lia)). rewrite Ej, nth_error_map, E in J.
    specialize (J eq_refl); lia. }
  assert (U : first_early_use (define_items ts) ts = None).
  { destruct (first_early_use (define_items ts) ts) as [[f o]|] eqn:F; [exfalso|reflexivity].
    destruct (first_early_use_some _ _ _ _ F) as [s [W [DN DA]]].
    unfold defined_after in DA. apply existsb_exists in DA as [[[d n] v] [I X]].
    apply andb_prop in X as [X P]. apply text_eqb_eq in X. apply Bool.negb_true_iff in P.
    apply (T (mk_use use_before_define f o s (fst (place d)) (snd (place d)) 0)).
    apply (use_use_before_define cfg ts out _ s f o (d, n, v)); auto.
    intros it' I' E'. replace it' with (d, n, v)
      by (apply (nodup_map_eq item_name (define_items ts)); auto; cbn; congruence).
    apply place_le_refl. }
  destruct (mq_duplicate_define q); rewrite ?R; destruct (mq_use_before_define q);
    rewrite ?U; reflexivity.
Qed.

(** ** M1 *)

(** A strict-clean program means the same under every resolution of the quirks:
    [assemble_with q] gives the same output, or the same error, as [assemble] (mescc-tools
    1.7.0). *)
Theorem strict_quirk_independent : forall cfg inputs,
  strict_clean cfg inputs -> forall q, assemble_with q cfg inputs = assemble cfg inputs.
Proof.
  intros cfg inputs Cl q; unfold assemble, assemble_with.
  rewrite (tokenize_clean cfg inputs q Cl), tokenize_1_7_0.
  destruct (tokenize inputs) as [[|t ts]|e] eqn:Tk; try reflexivity.
  destruct (expand_defines (t :: ts)) as [[bs out]|e] eqn:X; [|reflexivity].
  assert (T : forall u, ~ token_use cfg (t :: ts) out (define_items (t :: ts)) u).
  { intros u U; exact (Cl u (use_in_tokens cfg inputs _ bs out u Tk X U)). }
  rewrite (define_rejection_clean cfg _ out q T).
  cbn [define_rejection mq_duplicate_define mq_use_before_define m1_1_7_0].
  rewrite (first_failure_clean cfg _ out q _ T) by auto.
  destruct (first_failure_with m1_1_7_0 _ _ _); [reflexivity|].
  apply (print_clean cfg _ q bs out out T X); auto.
Qed.
