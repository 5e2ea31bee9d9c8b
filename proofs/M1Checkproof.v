(** * M1Checkproof: the strict checker reports exactly the quirk uses of an M1 program. *)

(** [check_correct]: a use is in [M1Check.check cfg inputs] exactly when
    [M1Strict.uses cfg inputs] holds of it; [check_clean]: the checker reports nothing exactly
    when the program is strict-clean. The proof:
    - the reader ([char_step], [eof_step]) is [M1Lex.lex_char] and [lex_eof], and the uses
      pass A notes in bytes and at ends are those of [uses] ([scan_lex]);
    - both passes hand [see_token] the stream [tokenize] makes: the files' tokens with a line end
      after each, collapsed ([scan_inputs_tokens], [see_raws_collapse]);
    - the DEFINE scan completes the DEFINEs of [define_items] in order ([pass_a]), and gives
      each word its part: a DEFINE's name, a printed word (one of [expand_defines]' output), or
      neither ([word_roles]);
    - the words of the stream are distinct: their places increase ([tokenize_words_nodup]), so
      a word is a DEFINE's name exactly when the scan reads it as one. *)

From Coq Require Import NArith ZArith List Bool Lia.
From Hexproof.Spec Require Import Common Quirks Strtoint M1Lex M1Eval M1Spec M1Strict.
From Hexproof.Proofs Require Import ByteMap OutBuf ListFacts M1Default M1Execproof M1Rejection
  M1Strictproof M1Check.
Import ListNotations.
Local Open Scope N_scope.

(** ** The reader *)

Lemma rev_onto_nil : forall l, rev_onto l [] = rev l.
Proof. intros l; rewrite rev_onto_spec, app_nil_r; reflexivity. Qed.

Lemma char_step_lex_char : forall file pos st c, char_step file pos st c = lex_char file pos st c.
Proof.
  intros file pos [| |start rt|q start rt] c; unfold char_step, lex_char, word_done, word_then;
    rewrite ?rev_onto_nil; reflexivity.
Qed.

Lemma eof_step_lex_eof : forall file st, eof_step file st = lex_eof file st.
Proof. intros file [| |start rt|q start rt]; unfold eof_step, lex_eof; rewrite ?rev_onto_nil; reflexivity. Qed.

(** ** The words of the stream are distinct *)

(** The words of [ts] are at increasing places, each at [lb] or after. *)
Fixpoint incr (lb : N * N) (ts : list token) : Prop :=
  match ts with
  | [] => True
  | Newline :: ts' => incr lb ts'
  | Word _ f o :: ts' => place_le lb (f, o) = true /\ incr (f, N.add o 1) ts'
  end.

Lemma place_le_trans : forall a b c, place_le a b = true -> place_le b c = true -> place_le a c = true.
Proof.
  intros [f1 o1] [f2 o2] [f3 o3]; unfold place_le; cbn.
  rewrite !Bool.orb_true_iff, !Bool.andb_true_iff, !N.ltb_lt, !N.eqb_eq, !N.leb_le. lia.
Qed.

Lemma incr_weaken : forall ts lb lb', place_le lb' lb = true -> incr lb ts -> incr lb' ts.
Proof.
  intros ts; induction ts as [|[|s f o] ts IH]; intros lb lb' L H; [exact I|exact (IH lb lb' L H)|].
  destruct H as [P H]; split; [eapply place_le_trans; eassumption|exact H].
Qed.

Definition lower (file pos : N) (st : lex_state) : N * N :=
  match st with
  | In_atom start _ | In_string _ start _ => (file, start)
  | _ => (file, pos)
  end.

(** A pending token never starts after the byte being read. *)
Definition starts_before (pos : N) (st : lex_state) : Prop :=
  match st with
  | In_atom start _ | In_string _ start _ => N.le start pos
  | _ => True
  end.

Lemma place_le_same : forall f o o', N.le o o' -> place_le (f, o) (f, o') = true.
Proof. intros; unfold place_le; rewrite N.eqb_refl, (proj2 (N.leb_le _ _) H), Bool.orb_true_r; reflexivity. Qed.

Lemma lex_incr : forall file s pos st ts,
  starts_before pos st -> lex file pos st s = Ok ts ->
  incr (lower file pos st) ts /\ Forall (fun t => match t with Word _ f _ => f = file | _ => True end) ts.
Proof.
  intros file s; induction s as [|c s IH]; intros pos st ts B H.
  - destruct st as [| |start rt|q start rt]; cbn in H; try (injection H as <-; cbn; auto; fail).
    + unfold emit_word in H. destruct (has_nul (rev rt)); [discriminate|]. injection H as <-.
      cbn; split; [split; [apply place_le_same; lia|exact I]|repeat constructor].
    + discriminate.
  - rewrite lex_cons in H. rewrite <- char_step_lex_char in H.
    destruct (char_step file pos st c) as [[st' ts1]|e] eqn:S; [|discriminate].
    unfold app_tokens in H. destruct (lex file (N.add pos 1) st' s) as [ts2|e] eqn:L; [|discriminate].
    injection H as <-.
    assert (B' : starts_before (N.add pos 1) st').
    { destruct st as [| |start rt|q start rt]; cbn in S, B;
        repeat match type of S with
        | (if ?x then _ else _) = _ => destruct x
        end; unfold word_done in S; try destruct (has_nul _); try discriminate S;
        injection S as <- _; cbn; lia. }
    destruct (IH _ _ _ B' L) as [I2 F2].
    destruct st as [| |start rt|q start rt]; cbn in S, B;
      repeat match type of S with
      | (if ?x then _ else _) = _ => destruct x
      end; unfold word_done in S; try destruct (has_nul _); try discriminate S;
      injection S as <- <-; cbn [app incr lower] in I2 |- *; split.
    all: try (repeat (apply Forall_cons; [cbn; auto|]); exact F2).
    all: try (eapply incr_weaken; [|exact I2]; apply place_le_same; lia).
    all: split; [apply place_le_same; lia|]; eapply incr_weaken; [|exact I2];
      apply place_le_same; lia.
Qed.

Lemma incr_app : forall a b lb f,
  incr lb a -> Forall (fun t => match t with Word _ g _ => g = f | _ => True end) a ->
  incr (N.add f 1, 0) b -> place_le lb (N.add f 1, 0) = true -> incr lb (a ++ b).
Proof.
  intros a; induction a as [|[|s g o] a IH]; intros b lb f Ia Fa Ib L; cbn [app incr] in *.
  - eapply incr_weaken; eassumption.
  - inversion Fa; subst. eapply IH; eassumption.
  - inversion Fa as [|? ? G Fa']; subst. destruct Ia as [P Ia]. split; [exact P|].
    eapply IH; [exact Ia|exact Fa'|exact Ib|]. unfold place_le.
    apply Bool.orb_true_intro; left; apply N.ltb_lt; lia.
Qed.

Lemma lex_files_incr : forall inputs file ts, lex_files file inputs = Ok ts -> incr (file, 0) ts.
Proof.
  intros inputs; induction inputs as [|f fs IH]; intros file ts H.
  - injection H as <-; exact I.
  - cbn [lex_files] in H. destruct (lex file 0 Between f) as [tf|e] eqn:L; [|discriminate].
    destruct (lex_files (N.add file 1) fs) as [rest|e] eqn:R; [|discriminate]. injection H as <-.
    destruct (lex_incr file f 0 Between tf I L) as [I1 F1]; cbn [lower] in I1.
    apply (incr_app _ _ _ file I1 F1); [exact (IH _ _ R)|].
    unfold place_le. apply Bool.orb_true_intro; left; apply N.ltb_lt; lia.
Qed.

Lemma collapse_incr : forall ts q lb, incr lb ts -> incr lb (collapse q ts).
Proof.
  intros ts; induction ts as [|[|s f o] ts IH]; intros q lb H; cbn [collapse]; auto.
  - destruct q; cbn [incr]; apply IH; exact H.
  - destruct H as [P H]; split; [exact P|apply IH; exact H].
Qed.

Definition words (ts : list token) : list token :=
  filter (fun t => match t with Word _ _ _ => true | Newline => false end) ts.

Lemma incr_in : forall ts lb s f o, incr lb ts -> In (Word s f o) ts -> place_le lb (f, o) = true.
Proof.
  intros ts; induction ts as [|[|s' f' o'] ts IH]; intros lb s f o H I; [contradiction| |].
  - destruct I as [I|I]; [discriminate|exact (IH lb s f o H I)].
  - destruct H as [P H]. destruct I as [I|I]; [injection I as <- <- <-; exact P|].
    eapply place_le_trans; [exact P|]. eapply place_le_trans; [|exact (IH _ s f o H I)].
    apply place_le_same; lia.
Qed.

Lemma incr_nodup : forall ts lb, incr lb ts -> NoDup (words ts).
Proof.
  intros ts; induction ts as [|[|s f o] ts IH]; intros lb H; cbn [words filter]; [constructor| |].
  - exact (IH lb H).
  - destruct H as [P H]. constructor; [|exact (IH _ H)].
    intros I. apply filter_In in I as [I _]. pose proof (incr_in _ _ _ _ _ H I) as X.
    unfold place_le in X; cbn in X. rewrite N.ltb_irrefl, N.eqb_refl in X; cbn in X.
    apply N.leb_le in X; lia.
Qed.

(** The words of [tokenize]'s stream are distinct. *)
Lemma tokenize_words_nodup : forall inputs ts, tokenize inputs = Ok ts -> NoDup (words ts).
Proof.
  intros inputs ts H; unfold tokenize in H.
  destruct (lex_files 0 inputs) as [ts'|e] eqn:L; [|discriminate]. injection H as <-.
  apply (incr_nodup _ (0, 0)), collapse_incr, (lex_files_incr _ _ _ L).
Qed.

(** ** Uses in bytes and at ends *)

Definition open_end (st : lex_state) (w : bool) : bool :=
  match st with Between => w | _ => true end.

Lemma ends_line_open : forall st ts, ends_line st ts = negb (open_end st (last_is_word ts false)).
Proof. intros [| | |] ts; reflexivity. Qed.

Lemma last_is_word_app : forall a b w, last_is_word (a ++ b) w = last_is_word b (last_is_word a w).
Proof. intros a; induction a as [|[|s f o] a IH]; intros b w; cbn; auto. Qed.

Definition lex_use (file pos : N) (st : lex_state) (w : bool) (s : bytes) (u : quirk_use) : Prop :=
  (exists pre c post st' ts' k, s = pre ++ c :: post /\
     read_chars m1_1_7_0 file pos st pre = Ok (st', ts') /\ char_quirk st' c = Some k /\
     u = in_atom_use k file (N.add pos (N.of_nat (length pre))) st') \/
  (exists st' ts', read_chars m1_1_7_0 file pos st s = Ok (st', ts') /\
     open_end st' (last_is_word ts' w) = true /\
     u = plain_use text_across_files file (N.add pos (N.of_nat (length s))) []).

Lemma char_use_in : forall file pos st c lu u,
  In u (char_use file pos st c lu) <->
  In u lu \/ exists k, char_quirk st c = Some k /\ u = in_atom_use k file pos st.
Proof.
  intros file pos st c lu u; unfold char_use.
  destruct (char_quirk st c) as [k|]; cbn; split; intros H.
  - destruct H as [<-|H]; [right; exists k; auto|left; exact H].
  - destruct H as [H|[k' [E ->]]]; [right; exact H|injection E as ->; left; reflexivity].
  - left; exact H.
  - destruct H as [H|[k' [E _]]]; [exact H|discriminate].
Qed.

Lemma read_chars_cons : forall file pos st c s,
  read_chars m1_1_7_0 file pos st (c :: s) =
  match char_step file pos st c with
  | Err e => Err e
  | Ok (st1, ts1) =>
      match read_chars m1_1_7_0 file (N.add pos 1) st1 s with
      | Err e => Err e
      | Ok (st2, ts2) => Ok (st2, ts1 ++ ts2)
      end
  end.
Proof. intros; cbn [read_chars]; rewrite lex_char_with_1_7_0, char_step_lex_char; reflexivity. Qed.

Lemma scan_lex : forall cfg file s pos st w lu m u,
  In u (ms_uses (scan_chars false cfg file pos st w s lu m)) <-> In u lu \/ lex_use file pos st w s u.
Proof.
  intros cfg file s; induction s as [|c s IH]; intros pos st w lu m u.
  - cbn [scan_chars]. transitivity (In u (match st with
                                          | Between => if w then plain_use text_across_files file pos [] :: lu else lu
                                          | _ => plain_use text_across_files file pos [] :: lu
                                          end)).
    { destruct (eof_step file st); reflexivity. }
    unfold lex_use. cbn [read_chars length]. rewrite N.add_0_r.
    split.
    + intros H. destruct st as [| |start rt|q start rt]; try destruct w; cbn in H;
        try (destruct H as [<-|H]; [right; right; eexists _, []; split; [reflexivity|]; split; [reflexivity|]; reflexivity|left; exact H]);
        left; exact H.
    + intros [H|[[pre [c [post [st' [ts' [k [B _]]]]]]]|[st' [ts' [R [O ->]]]]]];
        [destruct st; try destruct w; cbn; auto|destruct pre; discriminate|].
      injection R as <- <-. cbn in O. destruct st; try destruct w; try discriminate O; cbn; auto.
  - cbn [scan_chars]. set (lu' := char_use file pos st c lu).
    assert (Hlu : forall u, In u lu' <-> In u lu \/
              exists k, char_quirk st c = Some k /\ u = in_atom_use k file pos st)
      by (intros; apply char_use_in).
    destruct (char_step file pos st c) as [[st1 ts1]|e] eqn:S.
    + rewrite IH, Hlu. unfold lex_use. split.
      * intros [[H|[k [K ->]]]|[[pre [c' [post [st'' [ts' [k [B [R [K ->]]]]]]]]]|[st'' [ts' [R [O ->]]]]]].
        -- left; exact H.
        -- right; left; exists [], c, s, st, [], k; rewrite N.add_0_r; auto.
        -- right; left; exists (c :: pre), c', post, st'', (ts1 ++ ts'), k.
           rewrite read_chars_cons, S, R, B. split; [reflexivity|]. split; [reflexivity|].
           split; [exact K|]. cbn [length]; f_equal; lia.
        -- right; right; exists st'', (ts1 ++ ts'). rewrite read_chars_cons, S, R.
           split; [reflexivity|]. rewrite last_is_word_app. split; [exact O|]. cbn [length]; f_equal; lia.
      * intros [H|[[pre [c' [post [st'' [ts' [k [B [R [K ->]]]]]]]]]|[st'' [ts' [R [O ->]]]]]].
        -- left; left; exact H.
        -- destruct pre as [|c0 pre].
           ++ injection B as <- <-; injection R as <- <-. left; right; exists k.
              rewrite N.add_0_r; auto.
           ++ injection B as <- B. rewrite read_chars_cons, S in R.
              destruct (read_chars m1_1_7_0 file (N.add pos 1) st1 pre) as [[st2 ts2]|e] eqn:R2;
                [|discriminate]. injection R as -> <-.
              right; left; exists pre, c', post, st'', ts2, k; repeat split; auto.
              cbn [length]; f_equal; lia.
        -- rewrite read_chars_cons, S in R.
           destruct (read_chars m1_1_7_0 file (N.add pos 1) st1 s) as [[st2 ts2]|e] eqn:R2;
             [|discriminate]. injection R as -> <-. rewrite last_is_word_app in O.
           right; right; exists st'', ts2; repeat split; auto. cbn [length]; f_equal; lia.
    + cbn [ms_uses]. rewrite Hlu. unfold lex_use. split.
      * intros [H|[k [K ->]]]; [left; exact H|right; left; exists [], c, s, st, [], k].
        rewrite N.add_0_r; auto.
      * intros [H|[[pre [c' [post [st'' [ts' [k [B [R [K ->]]]]]]]]]|[st'' [ts' [R _]]]]].
        -- left; exact H.
        -- destruct pre as [|c0 pre].
           ++ injection B as <- <-; injection R as <- <-. right; exists k.
              rewrite N.add_0_r; auto.
           ++ injection B as <- _. rewrite read_chars_cons, S in R; discriminate.
        -- rewrite read_chars_cons, S in R; discriminate.
Qed.

(** ** The stream both passes see *)

Lemma see_raws_app : forall pass cfg m a b,
  see_raws pass cfg m (a ++ b) = see_raws pass cfg (see_raws pass cfg m a) b.
Proof. intros pass cfg m a; revert m; induction a as [|t a IH]; intros m b; [reflexivity|apply IH]. Qed.

Lemma scan_chars_tokens : forall pass cfg file s pos st w lu m,
  let r := scan_chars pass cfg file pos st w s lu m in
  match read_chars m1_1_7_0 file pos st s with
  | Err _ => ms_ok r = false
  | Ok (st', ts) =>
      match lex_eof file st' with
      | Err _ => ms_ok r = false
      | Ok te => ms_ok r = true /\ ms_tokens r = see_raws pass cfg m (ts ++ te ++ [Newline])
      end
  end.
Proof.
  intros pass cfg file s; induction s as [|c s IH]; intros pos st w lu m r; subst r.
  - cbn [scan_chars read_chars app]. rewrite eof_step_lex_eof.
    destruct (lex_eof file st) as [te|e]; [|reflexivity]. split; [reflexivity|].
    rewrite see_raws_app; reflexivity.
  - rewrite read_chars_cons. cbn [scan_chars].
    destruct (char_step file pos st c) as [[st1 ts1]|e]; [|reflexivity].
    specialize (IH (N.add pos 1) st1 (last_is_word ts1 w) (if pass then lu else char_use file pos st c lu)
                   (see_raws pass cfg m ts1)). cbv zeta in IH.
    destruct (read_chars m1_1_7_0 file (N.add pos 1) st1 s) as [[st2 ts2]|e]; [|exact IH].
    destruct (lex_eof file st2) as [te|e]; [|exact IH].
    destruct IH as [O T]; split; [exact O|]. rewrite T, <- see_raws_app, app_assoc; reflexivity.
Qed.

Lemma scan_inputs_tokens : forall pass cfg inputs file lu m ok,
  let r := scan_inputs pass cfg file inputs lu m ok in
  match lex_files file inputs with
  | Ok ts => ms_ok r = ok /\ ms_tokens r = see_raws pass cfg m ts
  | Err _ => ms_ok r = false
  end.
Proof.
  intros pass cfg inputs; induction inputs as [|f fs IH]; intros file lu m ok r; subst r.
  - cbn; auto.
  - cbn [scan_inputs lex_files]. rewrite lex_chars.
    pose proof (scan_chars_tokens pass cfg file f 0 Between false lu m) as S; cbv zeta in S.
    destruct (scan_chars pass cfg file 0 Between false f lu m) as [lu' m' ok'] eqn:SC.
    cbn [ms_ok ms_tokens] in S.
    destruct (read_chars m1_1_7_0 file 0 Between f) as [[st ts]|e]; cbn [app_tokens];
      [|subst ok'; specialize (IH (N.add file 1) lu' m' (ok && false)); cbv zeta in IH;
        destruct (lex_files (N.add file 1) fs); rewrite ?Bool.andb_false_r in IH |- *;
        [destruct IH as [IH _]|]; exact IH].
    destruct (lex_eof file st) as [te|e];
      [|subst ok'; specialize (IH (N.add file 1) lu' m' (ok && false)); cbv zeta in IH;
        destruct (lex_files (N.add file 1) fs); rewrite ?Bool.andb_false_r in IH |- *;
        [destruct IH as [IH _]|]; exact IH].
    destruct S as [-> ->]. cbn [app_tokens]. rewrite Bool.andb_true_r.
    specialize (IH (N.add file 1) lu' (see_raws pass cfg m (ts ++ te ++ [Newline])) ok).
    cbv zeta in IH.
    destruct (lex_files (N.add file 1) fs) as [rest|e]; [|exact IH].
    destruct IH as [O T]; split; [exact O|]. rewrite T, <- see_raws_app, <- !app_assoc; reflexivity.
Qed.

Lemma scan_inputs_lex : forall cfg inputs file lu m ok u,
  In u (ms_uses (scan_inputs false cfg file inputs lu m ok)) <->
  In u lu \/ exists k bs, nth_error inputs k = Some bs /\
    lex_use (N.add file (N.of_nat k)) 0 Between false bs u.
Proof.
  intros cfg inputs; induction inputs as [|f fs IH]; intros file lu m ok u.
  - cbn. split; [intros H; left; exact H|intros [H|[k [bs [N _]]]]; [exact H|destruct k; discriminate]].
  - cbn [scan_inputs]. pose proof (scan_lex cfg file f 0 Between false lu m u) as SL.
    destruct (scan_chars false cfg file 0 Between false f lu m) as [lu' m' ok']; cbn [ms_uses] in SL.
    rewrite IH, SL. split.
    + intros [[H|L]|[k [bs [N L]]]]; [left; exact H|right; exists 0%nat, f; rewrite N.add_0_r; auto|].
      right; exists (S k), bs; split; [exact N|]. replace (N.add file (N.of_nat (S k))) with (N.add (N.add file 1) (N.of_nat k)) by lia. exact L.
    + intros [H|[[|k] [bs [N L]]]]; [left; left; exact H| |].
      * injection N as <-; left; right; rewrite N.add_0_r in L; exact L.
      * right; exists k, bs; split; [exact N|].
        replace (N.add (N.add file 1) (N.of_nat k)) with (N.add file (N.of_nat (S k))) by lia. exact L.
Qed.

(** Collapsing on the fly is collapsing first. *)
Lemma see_raws_collapse : forall pass cfg ts m,
  see_raws pass cfg m ts = fold_left (see_token pass cfg) (collapse (mc_quiet m) ts) m.
Proof.
  intros pass cfg ts; induction ts as [|t ts IH]; intros m; [reflexivity|].
  assert (Q : forall m' t', mc_quiet (see_token pass cfg m' t') =
                            match t' with Newline => true | Word _ _ _ => false end).
  { intros [q sc defs us octs] t'; unfold see_token, see_word_in; cbn [mc_scan mc_quiet].
    destruct sc; destruct pass; destruct t'; cbn; try reflexivity;
      try (destruct (see_word _ _ _ _ _ _ _ _ _); reflexivity);
      destruct (see_define _ _ _ _); reflexivity. }
  cbn [see_raws]. destruct t as [|s f o]; cbn [see_raw collapse].
  - destruct (mc_quiet m) eqn:M.
    + rewrite IH, M; reflexivity.
    + cbn [fold_left]. rewrite IH, Q; reflexivity.
  - cbn [fold_left]. rewrite IH, Q; reflexivity.
Qed.

(** ** The DEFINE scan *)

(** The stream [ts] with the tokens of the DEFINE the scan is in put back in front. *)
Definition pending (sc : dscan) (ts : list token) : list token :=
  match sc with
  | ds_none => ts
  | ds_name d => d :: ts
  | ds_value d n => d :: n :: ts
  end.

Definition scan_ok (sc : dscan) : Prop :=
  match sc with
  | ds_none => True
  | ds_name d | ds_value d _ => is_define d = true
  end.

Definition see_item (acc : ByteMap.t ((N * N) * (N * N)) * list quirk_use)
    (it : token * token * token) : ByteMap.t ((N * N) * (N * N)) * list quirk_use :=
  let '(d, n, _) := it in see_define (fst acc) (snd acc) d n.

Lemma is_define_token_spec : forall t, is_define_token t = is_define t.
Proof. intros [|s f o]; [reflexivity|]. apply is_define_text_spec. Qed.

(** The scan state after the tokens [ts]. *)
Fixpoint scan_after (sc : dscan) (ts : list token) : dscan :=
  match ts with
  | [] => sc
  | t :: ts' =>
      scan_after (match sc with
                  | ds_none => if is_define t then ds_name t else ds_none
                  | ds_name d => ds_value d t
                  | ds_value _ _ => ds_none
                  end) ts'
  end.

Lemma define_items_pending_nil : forall sc, define_items (pending sc []) = [].
Proof.
  intros [|d|d n]; cbn [pending define_items]; auto;
    repeat match goal with |- context [is_define ?x] => destruct (is_define x) end; reflexivity.
Qed.

(** Pass A sees the DEFINEs of the stream, in order. *)
Lemma pass_a : forall cfg ts m,
  scan_ok (mc_scan m) ->
  let m' := fold_left (see_token false cfg) ts m in
  (mc_defs m', mc_uses m') =
    fold_left see_item (define_items (pending (mc_scan m) ts)) (mc_defs m, mc_uses m) /\
  mc_scan m' = scan_after (mc_scan m) ts /\ scan_ok (mc_scan m').
Proof.
  intros cfg ts; induction ts as [|t ts IH]; intros [q sc defs us octs] S m'; unfold m'; clear m';
    cbn [mc_scan mc_defs mc_uses] in *.
  - cbn [fold_left scan_after]. split; [|split; [reflexivity|exact S]].
    rewrite define_items_pending_nil; reflexivity.
  - cbn [fold_left scan_after]. destruct sc as [|d|d n]; cbn [see_token mc_scan];
      rewrite ?is_define_token_spec.
    + destruct (is_define t) eqn:D;
        match goal with |- context [fold_left _ ts ?m0] =>
          destruct (IH m0) as [A B]; [cbn; auto|] end;
        (split; [rewrite A|cbn [mc_scan] in B; exact B]);
        cbn [mc_scan mc_defs mc_uses pending define_items]; rewrite ?D; reflexivity.
    + match goal with |- context [fold_left _ ts ?m0] =>
        destruct (IH m0) as [A B]; [cbn; exact S|] end.
      split; [rewrite A|cbn [mc_scan] in B; exact B]. reflexivity.
    + cbn [scan_ok] in S. cbn [mc_defs mc_uses mc_octal mc_scan].
      destruct (see_define defs us d n) as [defs' us'] eqn:SD.
      match goal with |- context [fold_left _ ts ?m0] =>
        destruct (IH m0) as [A B]; [exact I|] end.
      split; [rewrite A|cbn [mc_scan] in B; exact B].
      cbn [mc_scan mc_defs mc_uses pending define_items]; rewrite S.
      cbn [fold_left see_item fst snd]; rewrite SD; reflexivity.
Qed.

(** What the scan makes of each token: a DEFINE's name ([true]), a printed word ([true]). *)
Fixpoint word_roles (sc : dscan) (ts : list token) : list (token * bool * bool) :=
  match ts with
  | [] => []
  | t :: ts' =>
      match sc with
      | ds_none =>
          (t, false, negb (is_define t))
            :: word_roles (if is_define t then ds_name t else ds_none) ts'
      | ds_name d => (t, true, false) :: word_roles (ds_value d t) ts'
      | ds_value _ _ => (t, false, false) :: word_roles ds_none ts'
      end
  end.

Definition see_role (cfg : m1_config) (defs : ByteMap.t ((N * N) * (N * N)))
    (acc : list quirk_use * list quirk_use) (r : token * bool * bool)
  : list quirk_use * list quirk_use :=
  match r with
  | (Word s f o, name, printed) => see_word cfg defs s f o name printed (fst acc) (snd acc)
  | (Newline, _, _) => acc
  end.

(** Pass B looks at every word with the part the scan gives it. *)
Lemma pass_b : forall cfg ts m,
  let m' := fold_left (see_token true cfg) ts m in
  (mc_uses m', mc_octal m') =
    fold_left (see_role cfg (mc_defs m)) (word_roles (mc_scan m) ts) (mc_uses m, mc_octal m) /\
  mc_defs m' = mc_defs m /\ mc_scan m' = scan_after (mc_scan m) ts.
Proof.
  intros cfg ts; induction ts as [|t ts IH]; intros [q sc defs us octs] m'; unfold m'; clear m'.
  - cbn; auto.
  - cbn [fold_left scan_after mc_scan mc_defs mc_uses mc_octal]. destruct sc as [|d|d n];
      cbn [see_token mc_scan word_roles fold_left]; rewrite ?is_define_token_spec;
      unfold see_word_in; destruct t as [|s f o]; cbn [mc_defs mc_uses mc_octal see_role];
      try (destruct (see_word cfg defs s f o _ _ us octs) as [us' octs'] eqn:SW);
      edestruct IH as [A [B C]]; cbn [mc_scan mc_defs mc_uses mc_octal] in A, B, C;
      (split; [rewrite A; cbn [fst snd]; try rewrite SW; reflexivity|split; [exact B|exact C]]).
Qed.

Lemma word_roles_tokens : forall ts sc, map (fun r => fst (fst r)) (word_roles sc ts) = ts.
Proof.
  intros ts; induction ts as [|t ts IH]; intros sc; [reflexivity|].
  destruct sc; cbn [word_roles map fst]; f_equal; apply IH.
Qed.

(** When every DEFINE has its name and value, the scan ends outside a DEFINE, reads the names of
    [define_items] as names and the words of [expand_defines]' output as printed. *)
Lemma roles_expand : forall k ts bs out, (length ts <= k)%nat -> expand_defines ts = Ok (bs, out) ->
  scan_after ds_none ts = ds_none /\
  (forall w p, In (w, true, p) (word_roles ds_none ts) <->
               p = false /\ exists d v, In (d, w, v) (define_items ts)) /\
  (forall s f o, In (Word s f o, false, true) (word_roles ds_none ts) <-> In (Word s f o) out).
Proof.
  induction k as [|k IH]; intros ts bs out L E.
  - destruct ts; [|cbn in L; lia]. injection E as _ <-. cbn; repeat split; try tauto.
    intros [_ [d [v []]]].
  - destruct ts as [|t rest]; [injection E as _ <-; cbn; repeat split; try tauto; intros [_ [d [v []]]]|].
    cbn [expand_defines] in E. destruct (is_define t) eqn:D.
    + destruct rest as [|n [|v rest']]; try discriminate.
      destruct (expand_defines rest') as [[bs' out']|e] eqn:E'; [|discriminate]. injection E as _ <-.
      destruct (IH rest' bs' out' ltac:(cbn in L; lia) E') as [S [Nm P]].
      cbn [scan_after word_roles define_items]. rewrite D. cbn [scan_after]. split; [exact S|].
      cbn [In negb]. split.
      * intros w p. rewrite Nm. split.
        -- intros [X|[X|[X|X]]]; try (injection X; intros; discriminate).
           ++ injection X as -> ->. split; [reflexivity|]. exists t, v; left; reflexivity.
           ++ destruct X as [Pf [d' [v' I]]]. split; [exact Pf|]. exists d', v'; right; exact I.
        -- intros [-> [d' [v' [X|X]]]].
           ++ injection X as -> -> ->. right; left; reflexivity.
           ++ right; right; right; split; [reflexivity|]. exists d', v'; exact X.
      * intros s f o. rewrite P. split.
        -- intros [X|[X|[X|X]]]; try (injection X; intros; discriminate); right; exact X.
        -- intros [X|X]; [discriminate|right; right; right; exact X].
    + destruct (expand_defines rest) as [[bs' out']|e] eqn:E'; [|discriminate]. injection E as _ <-.
      destruct (IH rest bs' out' ltac:(cbn in L; lia) E') as [S [Nm P]].
      cbn [scan_after word_roles define_items]. rewrite D. cbn [scan_after negb]. split; [exact S|].
      split.
      * intros w p. rewrite <- Nm. split; [intros [X|X]; [discriminate|exact X]|intros X; right; exact X].
      * intros s f o. cbn [In]. rewrite <- P. split.
        -- intros [X|X]; [injection X as X; subst t; left; reflexivity|right; exact X].
        -- intros [X|X]; [left; rewrite X; reflexivity|right; exact X].
Qed.

Lemma scan_after_error : forall k ts e, (length ts <= k)%nat -> expand_defines ts = Err e ->
  scan_after ds_none ts <> ds_none.
Proof.
  induction k as [|k IH]; intros ts e L E.
  - destruct ts; [discriminate|cbn in L; lia].
  - destruct ts as [|t rest]; [discriminate|]. cbn [expand_defines] in E.
    destruct (is_define t) eqn:D.
    + destruct rest as [|n [|v rest']]; cbn [scan_after]; rewrite D; cbn [scan_after]; try discriminate.
      destruct (expand_defines rest') as [[bs' out']|e'] eqn:E'; [discriminate|].
      exact (IH rest' e' ltac:(cbn in L; lia) E').
    + destruct (expand_defines rest) as [[bs' out']|e'] eqn:E'; [discriminate|].
      cbn [scan_after]; rewrite D. exact (IH rest e' ltac:(cbn in L; lia) E').
Qed.

(** ** The uses pass B notes *)

(** The uses [see_word] notes for the word [s] at offset [o] of file [f]. *)
Definition word_use (cfg : m1_config) (defs : ByteMap.t ((N * N) * (N * N))) (s : bytes)
    (f o : N) (name : bool) (u : quirk_use) : Prop :=
  match ByteMap.find s defs with
  | Some (_, (lf, lo)) =>
      name = false /\ place_le (lf, lo) (f, o) = false /\ u = mk_use use_before_define f o s lf lo 0
  | None =>
      exists c v, immediate_field cfg s = Some (c, v) /\ is_riscv (m1_arch cfg) = false /\
        on_bound c v = true /\ u = mk_use off_by_one_range f o s f o v
  end.

Definition octal_use (cfg : m1_config) (defs : ByteMap.t ((N * N) * (N * N))) (s : bytes)
    (f o : N) (printed : bool) (u : quirk_use) : Prop :=
  printed = true /\ ByteMap.find s defs = None /\ octal_wide cfg s = true /\
  u = plain_use octal_immediate f o s.

Lemma see_roles_uses : forall cfg defs rs us octs u,
  (In u (fst (fold_left (see_role cfg defs) rs (us, octs))) <->
   In u us \/ exists s f o name printed, In (Word s f o, name, printed) rs /\
     word_use cfg defs s f o name u) /\
  (In u (snd (fold_left (see_role cfg defs) rs (us, octs))) <->
   In u octs \/ exists s f o name printed, In (Word s f o, name, printed) rs /\
     octal_use cfg defs s f o printed u).
Proof.
  intros cfg defs rs; induction rs as [|[[t name] printed] rs IH]; intros us octs u.
  - cbn. split; (split; [intros H; left; exact H|intros [H|[s [f [o [n [p [[] _]]]]]]]; exact H]).
  - cbn [fold_left]. destruct t as [|s f o].
    + cbn [see_role]. rewrite (proj1 (IH us octs u)), (proj2 (IH us octs u)).
      split; (split; [intros [H|[s [f [o [n [p [I W]]]]]]]; [left; exact H|right];
                      exists s, f, o, n, p; split; [right; exact I|exact W]|]);
        (intros [H|[s [f [o [n [p [[I|I] W]]]]]]]; [left; exact H|discriminate I|];
         right; exists s, f, o, n, p; auto).
    + cbn [see_role fst snd].
      destruct (see_word cfg defs s f o name printed us octs) as [us' octs'] eqn:SW.
      assert (Gen : (forall u, In u us' <-> In u us \/ word_use cfg defs s f o name u) ->
                (forall u, In u octs' <-> In u octs \/ octal_use cfg defs s f o printed u) ->
                (In u (fst (fold_left (see_role cfg defs) rs (us', octs'))) <->
                 In u us \/ exists s' f' o' n p, In (Word s' f' o', n, p) ((Word s f o, name, printed) :: rs) /\
                   word_use cfg defs s' f' o' n u) /\
                (In u (snd (fold_left (see_role cfg defs) rs (us', octs'))) <->
                 In u octs \/ exists s' f' o' n p, In (Word s' f' o', n, p) ((Word s f o, name, printed) :: rs) /\
                   octal_use cfg defs s' f' o' p u)).
      { intros U O. rewrite (proj1 (IH us' octs' u)), (proj2 (IH us' octs' u)), U, O.
        split; split.
        - intros [[H|W]|[s' [f' [o' [n [p [I W]]]]]]]; [left; exact H| |];
            right; [exists s, f, o, name, printed; split; [left; reflexivity|exact W]|].
          exists s', f', o', n, p; split; [right; exact I|exact W].
        - intros [H|[s' [f' [o' [n [p [[I|I] W]]]]]]]; [left; left; exact H| |].
          + injection I as -> -> -> -> ->. left; right; exact W.
          + right; exists s', f', o', n, p; auto.
        - intros [[H|W]|[s' [f' [o' [n [p [I W]]]]]]]; [left; exact H| |];
            right; [exists s, f, o, name, printed; split; [left; reflexivity|exact W]|].
          exists s', f', o', n, p; split; [right; exact I|exact W].
        - intros [H|[s' [f' [o' [n [p [[I|I] W]]]]]]]; [left; left; exact H| |].
          + injection I as -> -> -> -> ->. left; right; exact W.
          + right; exists s', f', o', n, p; auto. }
      apply Gen; intros u'; unfold see_word in SW; unfold word_use, octal_use.
      * destruct (ByteMap.find s defs) as [[first [lf lo]]|] eqn:F.
        -- destruct (negb name && negb (place_le (lf, lo) (f, o))) eqn:C;
             injection SW as <- <-.
           ++ apply andb_prop in C as [C1 C2]. apply Bool.negb_true_iff in C1, C2. cbn [In].
              split; [intros [<-|H]; [right; auto|left; exact H]|].
              intros [H|[_ [_ ->]]]; [right; exact H|left; reflexivity].
           ++ split; [intros H; left; exact H|intros [H|[N [P ->]]]; [exact H|]].
              rewrite N, P in C; discriminate.
        -- destruct (immediate_field cfg s) as [[c v]|] eqn:I.
           ++ destruct (negb (is_riscv (m1_arch cfg)) && on_bound c v) eqn:C;
                injection SW as <- <-.
              ** apply andb_prop in C as [C1 C2]. apply Bool.negb_true_iff in C1. cbn [In].
                 split; [intros [<-|H]; [right; exists c, v; auto|left; exact H]|].
                 intros [H|[c' [v' [I' [R [B ->]]]]]]; [right; exact H|].
                 injection I' as -> ->; left; reflexivity.
              ** split; [intros H; left; exact H|intros [H|[c' [v' [I' [R [B ->]]]]]]; [exact H|]].
                 injection I' as -> ->. rewrite R, B in C; discriminate.
           ++ injection SW as <- <-.
              split; [intros H; left; exact H|intros [H|[c' [v' [I' _]]]]; [exact H|discriminate]].
      * destruct (ByteMap.find s defs) as [[first [lf lo]]|] eqn:F.
        -- destruct (negb name && negb (place_le (lf, lo) (f, o))); injection SW as <- <-;
             (split; [intros H; left; exact H|intros [H|[_ [D _]]]; [exact H|discriminate]]).
        -- destruct (printed && octal_wide cfg s) eqn:C;
             destruct (immediate_field cfg s) as [[c v]|];
             try destruct (negb (is_riscv (m1_arch cfg)) && on_bound c v);
             injection SW as <- <-; cbn [In].
           all: try (apply andb_prop in C as [C1 C2];
                     split; [intros [<-|H]; [right; auto|left; exact H]|];
                     intros [H|[_ [_ [_ ->]]]]; [right; exact H|left; reflexivity]).
           all: split; [intros H; left; exact H|intros [H|[P [_ [O ->]]]]; [exact H|]];
                rewrite P, O in C; discriminate.
Qed.

(** ** The places pass A keeps *)

Lemma place_le_total : forall a b, place_le a b = false -> place_le b a = true.
Proof.
  intros [f1 o1] [f2 o2]; unfold place_le.
  rewrite !Bool.orb_false_iff, !Bool.andb_false_iff, !Bool.orb_true_iff, !Bool.andb_true_iff,
    !N.ltb_lt, !N.ltb_ge, !N.eqb_eq, !N.eqb_neq, !N.leb_le, !N.leb_gt. lia.
Qed.

Lemma place_le_antisym : forall a b, place_le a b = true -> place_le b a = true -> a = b.
Proof.
  intros [f1 o1] [f2 o2]; unfold place_le.
  rewrite !Bool.orb_true_iff, !Bool.andb_true_iff, !N.ltb_lt, !N.eqb_eq, !N.leb_le.
  intros A B; f_equal; lia.
Qed.

Lemma place_max_ge : forall a b,
  place_le a (place_max a b) = true /\ place_le b (place_max a b) = true /\
  (place_max a b = a \/ place_max a b = b).
Proof.
  intros a b; unfold place_max. destruct (place_le a b) eqn:L.
  - split; [exact L|]; split; [apply place_le_refl|auto].
  - split; [apply place_le_refl|]; split; [apply place_le_total, L|auto].
Qed.

Definition dup_use (I : list (token * token * token)) (u : quirk_use) : Prop :=
  exists i j it0 it, nth_error I i = Some it0 /\ ~ In (item_name it0) (map item_name (firstn i I)) /\
    (i < j)%nat /\ nth_error I j = Some it /\ item_name it = item_name it0 /\
    u = mk_use duplicate_define (fst (item_place it)) (snd (item_place it)) (item_name it)
          (fst (item_place it0)) (snd (item_place it0)) 0.

(** What pass A knows after the DEFINEs [I]. *)
Definition defs_ok (I : list (token * token * token)) (defs : ByteMap.t ((N * N) * (N * N)))
    (us : list quirk_use) : Prop :=
  (forall s, ByteMap.find s defs = None <-> forall it, In it I -> item_name it <> s) /\
  (forall s a b, ByteMap.find s defs = Some (a, b) ->
     (exists i it0, nth_error I i = Some it0 /\ item_name it0 = s /\
        ~ In s (map item_name (firstn i I)) /\ item_place it0 = a) /\
     (exists it, In it I /\ item_name it = s /\ item_place it = b) /\
     (forall it, In it I -> item_name it = s -> place_le (item_place it) b = true)) /\
  (forall u, In u us <-> dup_use I u).

Lemma nth_error_snoc : forall {A} (I : list A) x j y,
  nth_error (I ++ [x]) j = Some y -> nth_error I j = Some y \/ (j = length I /\ y = x).
Proof.
  intros A I x j y H. destruct (Nat.lt_ge_cases j (length I)) as [L|L].
  - rewrite nth_error_app1 in H by exact L; left; exact H.
  - rewrite nth_error_app2 in H by exact L. destruct (j - length I)%nat as [|k] eqn:K.
    + injection H as <-; right; split; [lia|reflexivity].
    + destruct k; discriminate.
Qed.

Lemma firstn_snoc_le : forall {A} (I : list A) x i, (i <= length I)%nat -> firstn i (I ++ [x]) = firstn i I.
Proof.
  intros A I x i L. rewrite firstn_app. replace (i - length I)%nat with 0%nat by lia.
  apply app_nil_r.
Qed.

Lemma first_unique : forall (I : list (token * token * token)) i i' it it' s,
  nth_error I i = Some it -> item_name it = s -> ~ In s (map item_name (firstn i I)) ->
  nth_error I i' = Some it' -> item_name it' = s -> ~ In s (map item_name (firstn i' I)) ->
  i = i'.
Proof.
  intros I i i' it it' s N E NI N' E' NI'.
  destruct (Nat.lt_trichotomy i i') as [L|[L|L]]; [exfalso| exact L|exfalso].
  - apply NI'. rewrite <- firstn_map. rewrite <- E. apply (nth_error_In _ i).
    rewrite nth_error_firstn_lt, nth_error_map, N by exact L; reflexivity.
  - apply NI. rewrite <- firstn_map. rewrite <- E'. apply (nth_error_In _ i').
    rewrite nth_error_firstn_lt, nth_error_map, N' by exact L; reflexivity.
Qed.

Lemma pass_a_defs : forall I, let r := fold_left see_item I (ByteMap.empty, []) in defs_ok I (fst r) (snd r).
Proof.
  intros I; induction I as [|[[d n] v] I IH] using rev_ind; intros r; unfold r; clear r.
  - cbn. split; [|split].
    + intros s; rewrite find_empty; split; [intros _ it []|reflexivity].
    + intros s a b F; rewrite find_empty in F; discriminate.
    + intros u; split; [intros []|intros [i [j [it0 [it [N _]]]]]; destruct i; discriminate].
  - rewrite fold_left_app. destruct (fold_left see_item I (ByteMap.empty, [])) as [defs us].
    destruct IH as [D1 [D2 D3]]. cbn [fold_left see_item fst snd] in *.
    unfold see_define. destruct (place d) as [f o] eqn:Pd.
    set (s0 := token_text n).
    assert (Name : item_name (d, n, v) = s0) by reflexivity.
    assert (Place : item_place (d, n, v) = (f, o)) by (cbn; exact Pd).
    assert (InS : forall it, In it (I ++ [(d, n, v)]) <-> In it I \/ it = (d, n, v))
      by (intros it; rewrite in_app_iff; cbn; intuition).
    destruct (ByteMap.find s0 defs) as [[first latest]|] eqn:F; cbn [fst snd].
    + destruct (D2 s0 first latest F) as [[i [it0 [Ni [Ei [NIi Pi]]]]] [[itl [Il [El Pl]]] All]].
      destruct first as [f0 o0]. cbn [fst snd].
      split; [|split].
      * intros s. rewrite find_add. destruct (bytes_eqb s s0) eqn:B.
        -- apply bytes_eqb_eq in B; subst s. split; [discriminate|].
           intros H; exfalso; apply (H (d, n, v)); [apply InS; right; reflexivity|exact Name].
        -- rewrite D1. split; intros H it I'.
           ++ apply InS in I'. destruct I' as [I'|I']; [exact (H it I')|subst it].
              rewrite Name; intros E; subst s; rewrite bytes_eqb_refl in B; discriminate.
           ++ apply H; apply InS; left; exact I'.
      * intros s a b. rewrite find_add. destruct (bytes_eqb s s0) eqn:B.
        -- apply bytes_eqb_eq in B; subst s. intros H; injection H as <- <-.
           split; [exists i, it0; split; [rewrite nth_error_app1 by (apply nth_error_Some; congruence); exact Ni|];
                   split; [exact Ei|]; split; [|exact Pi];
                   rewrite firstn_snoc_le; [exact NIi|apply Nat.lt_le_incl, nth_error_Some; congruence]|].
           destruct (place_max_ge latest (f, o)) as [M1 [M2 [M3|M3]]].
           ++ split; [exists itl; split; [apply InS; left; exact Il|split; [exact El|rewrite M3; exact Pl]]|].
              intros it I' E. apply InS in I'; destruct I' as [I' | ->].
              ** eapply place_le_trans; [exact (All it I' E)|exact M1].
              ** rewrite Place; exact M2.
           ++ split; [exists (d, n, v); split; [apply InS; right; reflexivity|split; [exact Name|rewrite M3; exact Place]]|].
              intros it I' E. apply InS in I'; destruct I' as [I' | ->].
              ** eapply place_le_trans; [exact (All it I' E)|exact M1].
              ** rewrite Place; exact M2.
        -- intros H. destruct (D2 s a b H) as [[i' [it' [N' [E' [NI' P']]]]] [W All']].
           split; [exists i', it'; split; [rewrite nth_error_app1 by (apply nth_error_Some; congruence); exact N'|];
                   split; [exact E'|]; split; [|exact P'];
                   rewrite firstn_snoc_le; [exact NI'|apply Nat.lt_le_incl, nth_error_Some; congruence]|].
           split; [destruct W as [it [I' W]]; exists it; split; [apply InS; left; exact I'|exact W]|].
           intros it I' E. apply InS in I'; destruct I' as [I' | ->]; [exact (All' it I' E)|].
           exfalso; rewrite Name in E; rewrite E, bytes_eqb_refl in B; discriminate.
      * intros u. cbn [In]. rewrite D3. split.
        -- intros [<-|[i' [j [a [b [N1 [NI1 [L [N2 [E P]]]]]]]]]].
           ++ exists i, (length I), it0, (d, n, v).
              split; [rewrite nth_error_app1 by (apply nth_error_Some; congruence); exact Ni|].
              split; [rewrite firstn_snoc_le, Ei; [exact NIi|apply Nat.lt_le_incl, nth_error_Some; congruence]|].
              split; [apply nth_error_Some; congruence|].
              split; [rewrite nth_error_app2, Nat.sub_diag by lia; reflexivity|].
              split; [rewrite Name, Ei; reflexivity|]. rewrite Place, Pi, Name; reflexivity.
           ++ exists i', j, a, b. assert (Lj : (j < length I)%nat) by (apply nth_error_Some; congruence).
              split; [rewrite nth_error_app1 by lia; exact N1|].
              split; [rewrite firstn_snoc_le by lia; exact NI1|]. split; [exact L|].
              split; [rewrite nth_error_app1 by lia; exact N2|]. auto.
        -- intros [i' [j [a [b [N1 [NI1 [L [N2 [E P]]]]]]]]].
           destruct (nth_error_snoc _ _ _ _ N2) as [N2'|[Ej Eb]].
           ++ right. exists i', j, a, b.
              assert (Lj : (j < length I)%nat) by (apply nth_error_Some; congruence).
              rewrite nth_error_app1 in N1 by lia. rewrite firstn_snoc_le in NI1 by lia.
              split; [exact N1|]; split; [exact NI1|]; split; [exact L|]; split; [exact N2'|]; auto.
           ++ left. subst j b. rewrite nth_error_app1 in N1 by lia. rewrite firstn_snoc_le in NI1 by lia.
              assert (Ii : i' = i).
              { apply (first_unique I i' i a it0 s0 N1); [rewrite <- E; exact Name| |
                  exact Ni|exact Ei|exact NIi]. rewrite <- E, Name in NI1; exact NI1. }
              subst i'. rewrite Ni in N1; injection N1 as <-.
              rewrite P, Place, Pi, Name; reflexivity.
    + cbn [fst snd]. split; [|split].
      * intros s. rewrite find_add. destruct (bytes_eqb s s0) eqn:B.
        -- apply bytes_eqb_eq in B; subst s. split; [discriminate|].
           intros H; exfalso; apply (H (d, n, v)); [apply InS; right; reflexivity|exact Name].
        -- rewrite D1. split; intros H it I'.
           ++ apply InS in I'. destruct I' as [I'|I']; [exact (H it I')|subst it].
              rewrite Name; intros E; subst s; rewrite bytes_eqb_refl in B; discriminate.
           ++ apply H; apply InS; left; exact I'.
      * intros s a b. rewrite find_add. destruct (bytes_eqb s s0) eqn:B.
        -- apply bytes_eqb_eq in B; subst s. intros H; injection H as <- <-.
           assert (NI : ~ In s0 (map item_name I))
             by (intros X; apply in_map_iff in X as [it [E X]]; exact (proj1 (D1 s0) F it X E)).
           split; [exists (length I), (d, n, v); split; [rewrite nth_error_app2, Nat.sub_diag by lia; reflexivity|];
                   split; [exact Name|]; split; [rewrite firstn_snoc_le, firstn_all by lia; exact NI|exact Place]|].
           split; [exists (d, n, v); split; [apply InS; right; reflexivity|split; [exact Name|exact Place]]|].
           intros it I' E. apply InS in I'; destruct I' as [I' | ->]; [exfalso; exact (proj1 (D1 s0) F it I' E)|].
           rewrite Place; apply place_le_refl.
        -- intros H. destruct (D2 s a b H) as [[i' [it' [N' [E' [NI' P']]]]] [W All']].
           split; [exists i', it'; split; [rewrite nth_error_app1 by (apply nth_error_Some; congruence); exact N'|];
                   split; [exact E'|]; split; [|exact P'];
                   rewrite firstn_snoc_le; [exact NI'|apply Nat.lt_le_incl, nth_error_Some; congruence]|].
           split; [destruct W as [it [I' W]]; exists it; split; [apply InS; left; exact I'|exact W]|].
           intros it I' E. apply InS in I'; destruct I' as [I' | ->]; [exact (All' it I' E)|].
           exfalso; rewrite Name in E; rewrite E, bytes_eqb_refl in B; discriminate.
      * intros u. rewrite D3. split.
        -- intros [i' [j [a [b [N1 [NI1 [L [N2 [E P]]]]]]]]]. exists i', j, a, b.
           assert (Lj : (j < length I)%nat) by (apply nth_error_Some; congruence).
           split; [rewrite nth_error_app1 by lia; exact N1|].
           split; [rewrite firstn_snoc_le by lia; exact NI1|]. split; [exact L|].
           split; [rewrite nth_error_app1 by lia; exact N2|]. auto.
        -- intros [i' [j [a [b [N1 [NI1 [L [N2 [E P]]]]]]]]].
           destruct (nth_error_snoc _ _ _ _ N2) as [N2'|[Ej Eb]].
           ++ exists i', j, a, b.
              assert (Lj : (j < length I)%nat) by (apply nth_error_Some; congruence).
              rewrite nth_error_app1 in N1 by lia. rewrite firstn_snoc_le in NI1 by lia.
              split; [exact N1|]; split; [exact NI1|]; split; [exact L|]; split; [exact N2'|]; auto.
           ++ exfalso. subst j b. rewrite nth_error_app1 in N1 by lia.
              apply (proj1 (D1 s0) F a); [eapply nth_error_In; exact N1|rewrite <- E; exact Name].
Qed.

(** ** The checker *)

Lemma last_define_none : forall s items,
  last_define s (map item_binding items) = None <-> forall it, In it items -> item_name it <> s.
Proof.
  intros s items; induction items as [|[[d n] v] items IH]; cbn [map last_define In].
  - split; [intros _ it []|reflexivity].
  - cbn [item_binding]. split.
    + intros H it [<-|I].
      * destruct (last_define s (map item_binding items)); [discriminate|].
        destruct (text_eqb (token_text n) s) eqn:T; [discriminate|].
        cbn; intros E; rewrite E, (proj2 (text_eqb_eq s s) eq_refl) in T; discriminate.
      * destruct (last_define s (map item_binding items)) eqn:L; [discriminate|].
        exact (proj1 IH eq_refl it I).
    + intros H. rewrite (proj2 IH) by (intros it I; apply H; right; exact I).
      destruct (text_eqb (token_text n) s) eqn:T; [|reflexivity].
      exfalso; apply text_eqb_eq in T. exact (H (d, n, v) (or_introl eq_refl) T).
Qed.

Lemma roles_printed : forall ts sc t n, In (t, n, true) (word_roles sc ts) -> n = false.
Proof.
  intros ts; induction ts as [|t' ts IH]; intros sc t n I; [destruct I|].
  destruct sc; cbn [word_roles In] in I; destruct I as [I|I];
    try (injection I as _ E1 E2; try discriminate E2; subst; reflexivity); eapply IH; exact I.
Qed.

Lemma roles_unique : forall (rs : list (token * bool * bool)) s f o a b a' b',
  NoDup (words (map (fun r => fst (fst r)) rs)) ->
  In (Word s f o, a, b) rs -> In (Word s f o, a', b') rs -> a = a' /\ b = b'.
Proof.
  intros rs; induction rs as [|[[t x] y] rs IH]; intros s f o a b a' b' ND I I'; [destruct I|].
  cbn [map fst words filter] in ND. destruct I as [I|I], I' as [I'|I'].
  - inversion I; inversion I'; subst; auto.
  - injection I as -> <- <-. inversion ND as [|? ? NI _]; subst. exfalso; apply NI.
    apply filter_In; split; [|reflexivity]. apply in_map_iff; exists (Word s f o, a', b'); auto.
  - injection I' as -> <- <-. inversion ND as [|? ? NI _]; subst. exfalso; apply NI.
    apply filter_In; split; [|reflexivity]. apply in_map_iff; exists (Word s f o, a, b); auto.
  - destruct t; [|inversion ND as [|? ? _ ND']; subst]; eapply IH; eauto.
Qed.

Lemma outside_define_spec : forall ts,
  outside_define (scan_after ds_none ts) = true <-> exists bs out, expand_defines ts = Ok (bs, out).
Proof.
  intros ts. destruct (expand_defines ts) as [[bs out]|e] eqn:E.
  - destruct (roles_expand (length ts) ts bs out (le_n _) E) as [S _]. rewrite S.
    split; [intros _; eauto|reflexivity].
  - pose proof (scan_after_error (length ts) ts e (le_n _) E) as S.
    split; [|intros [bs [out X]]; discriminate].
    destruct (scan_after ds_none ts); [contradiction|discriminate..].
Qed.

(** Every use M1 meets is reported, and every report is a use: at the byte, the end of file or
    the word where [M1Strict.uses] places it, about what it says. *)
Theorem check_correct : forall cfg inputs u, In u (check cfg inputs) <-> uses cfg inputs u.
Proof.
  intros cfg inputs u; unfold check.
  pose proof (scan_inputs_lex cfg inputs 0 [] (mc_start ByteMap.empty) true u) as LX.
  pose proof (scan_inputs_tokens false cfg inputs 0 [] (mc_start ByteMap.empty) true) as TA.
  cbv zeta in TA.
  destruct (scan_inputs false cfg 0 inputs [] (mc_start ByteMap.empty) true) as [lu mA okA] eqn:A.
  cbn [ms_uses ms_ok ms_tokens] in LX, TA.
  (* the uses in bytes and at ends *)
  assert (Lex : (exists k bs, nth_error inputs k = Some bs /\
                   lex_use (N.add 0 (N.of_nat k)) 0 Between false bs u) <->
                (exists file bs pre c post st ts k, nth_error inputs (N.to_nat file) = Some bs /\
                   bs = pre ++ c :: post /\ read_chars m1_1_7_0 file 0 Between pre = Ok (st, ts) /\
                   char_quirk st c = Some k /\
                   u = in_atom_use k file (N.of_nat (length pre)) st) \/
                (exists file bs st ts, nth_error inputs (N.to_nat file) = Some bs /\
                   read_chars m1_1_7_0 file 0 Between bs = Ok (st, ts) /\ ends_line st ts = false /\
                   u = plain_use text_across_files file (N.of_nat (length bs)) [])).
  { split.
    - intros [k [bs [N [[pre [c [post [st [ts [q [B [R [Q ->]]]]]]]]]|[st [ts [R [O ->]]]]]]]];
        rewrite !N.add_0_l in *.
      + left; exists (N.of_nat k), bs, pre, c, post, st, ts, q; rewrite Nat2N.id; auto.
      + right; exists (N.of_nat k), bs, st, ts; rewrite Nat2N.id, ends_line_open, O; auto.
    - intros [[file [bs [pre [c [post [st [ts [q [N [B [R [Q ->]]]]]]]]]]]]|
              [file [bs [st [ts [N [R [O ->]]]]]]]].
      + exists (N.to_nat file), bs; rewrite N2Nat.id, N.add_0_l; split; [exact N|].
        left; exists pre, c, post, st, ts, q; rewrite N.add_0_l; auto.
      + exists (N.to_nat file), bs; rewrite N2Nat.id, N.add_0_l; split; [exact N|].
        right; exists st, ts; rewrite N.add_0_l; split; [exact R|]; split; [|reflexivity].
        rewrite ends_line_open in O; destruct (open_end _ _); [reflexivity|discriminate]. }
  assert (Uses : uses cfg inputs u <->
                 ((exists file bs pre c post st ts k, nth_error inputs (N.to_nat file) = Some bs /\
                     bs = pre ++ c :: post /\ read_chars m1_1_7_0 file 0 Between pre = Ok (st, ts) /\
                     char_quirk st c = Some k /\
                     u = in_atom_use k file (N.of_nat (length pre)) st) \/
                  (exists file bs st ts, nth_error inputs (N.to_nat file) = Some bs /\
                     read_chars m1_1_7_0 file 0 Between bs = Ok (st, ts) /\ ends_line st ts = false /\
                     u = plain_use text_across_files file (N.of_nat (length bs)) [])) \/
                 exists ts bs out, tokenize inputs = Ok ts /\ expand_defines ts = Ok (bs, out) /\
                   token_use cfg ts out (define_items ts) u).
  { split.
    - intros U; destruct U as [file bs pre c post st ts k N B R Q|file bs st ts N R O|ts bs out u' T X U].
      + left; left; exists file, bs, pre, c, post, st, ts, k; auto.
      + left; right; exists file, bs, st, ts; auto.
      + right; exists ts, bs, out; auto.
    - intros [[[file [bs [pre [c [post [st [ts [k [N [B [R [Q ->]]]]]]]]]]]]|
               [file [bs [st [ts [N [R [O ->]]]]]]]]|[ts [bs [out [T [X U]]]]]].
      + eapply use_in_char; eassumption.
      + eapply use_at_end; eassumption.
      + eapply use_in_tokens; eassumption. }
  rewrite Uses, <- Lex. clear Uses Lex.
  unfold tokenize. destruct (lex_files 0 inputs) as [raw|e] eqn:LF.
  2:{ subst okA. rewrite LX. split; [intros [[]|H]; left; exact H|].
      intros [H|[ts [bs [out [D _]]]]]; [right; exact H|discriminate]. }
  destruct TA as [-> TA]. rewrite see_raws_collapse in TA. cbn [mc_quiet mc_start] in TA.
  set (ts := collapse true raw) in *.
  pose proof (scan_inputs_tokens true cfg inputs 0 [] (mc_start (mc_defs mA)) true) as TB.
  cbv zeta in TB; rewrite LF in TB.
  destruct (scan_inputs true cfg 0 inputs [] (mc_start (mc_defs mA)) true) as [luB mB okB].
  destruct TB as [_ TB]; cbn [ms_tokens] in TB. rewrite see_raws_collapse in TB.
  cbn [mc_quiet mc_start] in TB. fold ts in TB.
  destruct (pass_a cfg ts (mc_start ByteMap.empty) I) as [PA _]; cbn [mc_scan mc_defs mc_uses mc_start pending] in PA.
  rewrite <- TA in PA.
  destruct (pass_b cfg ts (mc_start (mc_defs mA))) as [PB [_ SB]]; cbn [mc_scan mc_defs mc_uses mc_octal mc_start] in PB, SB.
  rewrite <- TB in PB, SB.
  assert (Tk : forall ts', Ok ts = Ok ts' <-> ts' = ts) by (intros; split; [intros E; injection E; auto|intros ->; reflexivity]).
  rewrite SB. destruct (outside_define (scan_after ds_none ts)) eqn:O.
  2:{ rewrite LX. split; [intros [[]|H]; left; exact H|].
      intros [H|[ts' [bs [out [E [X _]]]]]]; [right; exact H|].
      injection E as <-. exfalso. assert (Y : outside_define (scan_after ds_none ts) = true)
        by (apply outside_define_spec; eauto). congruence. }
  apply outside_define_spec in O as [bs [out X]].
  destruct (pass_a_defs (define_items ts)) as [D1 [D2 D3]].
  rewrite <- PA in D1, D2, D3; cbn [fst snd] in D1, D2, D3. set (defs := mc_defs mA) in *.
  destruct (see_roles_uses cfg defs (word_roles ds_none ts) [] [] u) as [RU RO].
  rewrite <- PB in RU, RO; cbn [fst snd] in RU, RO.
  pose proof (tokenize_words_nodup inputs ts ltac:(unfold tokenize; rewrite LF; reflexivity)) as ND.
  rewrite <- (word_roles_tokens ts ds_none) in ND.
  destruct (roles_expand (length ts) ts bs out (le_n _) X) as [_ [RN RP]].
  assert (InW : forall s f o, In (Word s f o) ts <-> exists n p, In (Word s f o, n, p) (word_roles ds_none ts)).
  { intros s f o. rewrite <- (word_roles_tokens ts ds_none) at 1. rewrite in_map_iff. split.
    - intros [[[t n] p] [E I]]; cbn in E; subst t; eauto.
    - intros [n [p I]]; exists (Word s f o, n, p); auto. }
  rewrite !push_uses_in, LX. split.
  - intros [H|[H|[H|[[]|H]]]].
    + right. exists ts, bs, out; split; [reflexivity|]; split; [exact X|].
      apply D3 in H as [i [j [it0 [it [Ni [NIi [L [Nj [E ->]]]]]]]]].
      eapply use_duplicate_define; eauto.
    + right. exists ts, bs, out; split; [reflexivity|]; split; [exact X|].
      apply RU in H as [[]|[s [f [o [name [p [I W]]]]]]]. unfold word_use in W.
      assert (Wt : In (Word s f o) ts) by (apply InW; eauto).
      destruct (ByteMap.find s defs) as [[a [lf lo]]|] eqn:F.
      * destruct W as [-> [P ->]].
        destruct (D2 s a (lf, lo) F) as [_ [[it [Iit [Eit Pit]]] All]].
        replace lf with (fst (item_place it)) by (rewrite Pit; reflexivity).
        replace lo with (snd (item_place it)) by (rewrite Pit; reflexivity).
        apply (use_use_before_define cfg ts out (define_items ts) s f o it Wt); auto.
        -- destruct (is_define_name (define_items ts) s f o) eqn:DN; [exfalso|reflexivity].
           unfold is_define_name in DN. apply existsb_exists in DN as [[[d n] v] [Id S]].
           apply same_word_eq in S; subst n.
           assert (Nm : In (Word s f o, true, false) (word_roles ds_none ts))
             by (apply RN; split; [reflexivity|]; exists d, v; exact Id).
           destruct (roles_unique _ s f o false p true false ND I Nm) as [D _]; discriminate.
        -- rewrite Pit; exact P.
        -- intros it' I' E'. rewrite Pit; exact (All it' I' E').
      * destruct W as [c [v [Ic [R [B ->]]]]].
        apply (use_off_by_one_range cfg ts out (define_items ts) s f o c v Wt); auto.
        apply last_define_none, D1, F.
    + right. exists ts, bs, out; split; [reflexivity|]; split; [exact X|].
      apply RO in H as [[]|[s [f [o [name [p [I [P [F [W ->]]]]]]]]]]. subst p.
      pose proof (roles_printed _ _ _ _ I) as ->.
      apply use_octal_immediate; [apply RP, I|apply last_define_none, D1, F|exact W].
    + left; exact H.
  - intros [H|[ts' [bs' [out' [E [X' T]]]]]]; [right; right; right; right; exact H|].
    injection E as <-. rewrite X in X'; injection X' as <- <-.
    destruct T as [i j it0 it Ni NIi L Nj E|s f o it Wt DN I E P All|s f o c v Wt LD Ic R B|s f o Wo LD W].
    + left. apply D3. exists i, j, it0, it; repeat split; auto.
    + right; left. apply RU. right. destruct (proj1 (InW s f o) Wt) as [name [p Ir]].
      exists s, f, o, name, p; split; [exact Ir|]. unfold word_use.
      assert (NF : ByteMap.find s defs <> None)
        by (intros F; exact (proj1 (D1 s) F it I E)).
      destruct (ByteMap.find s defs) as [[a [lf lo]]|] eqn:F; [|contradiction].
      destruct (D2 s a (lf, lo) F) as [_ [[itm [Im [Em Pm]]] All']].
      assert (Eq : item_place it = (lf, lo)).
      { apply place_le_antisym; [exact (All' it I E)|]. rewrite <- Pm. exact (All itm Im Em). }
      rewrite Eq in P |- *. split; [|split; [exact P|reflexivity]].
      destruct name; [exfalso|reflexivity].
      destruct (proj1 (RN (Word s f o) p) Ir) as [_ [d [v Id]]].
      assert (Y : is_define_name (define_items ts) s f o = true).
      { apply existsb_exists; exists (d, Word s f o, v); split; [exact Id|apply same_word_refl]. }
      congruence.
    + right; left. apply RU. right. destruct (proj1 (InW s f o) Wt) as [name [p Ir]].
      exists s, f, o, name, p; split; [exact Ir|]. unfold word_use.
      assert (F : ByteMap.find s defs = None) by (apply D1, last_define_none, LD).
      rewrite F. exists c, v; auto.
    + right; right; left. apply RO. right. exists s, f, o, false, true.
      split; [apply RP, Wo|]. unfold octal_use.
      split; [reflexivity|]. split; [apply D1, last_define_none, LD|]. auto.
Qed.

(** The checker reports nothing exactly when the program is strict-clean. *)
Theorem check_clean : forall cfg inputs, check cfg inputs = [] <-> strict_clean cfg inputs.
Proof.
  intros cfg inputs; unfold strict_clean. split.
  - intros E u U. apply check_correct in U. rewrite E in U. exact U.
  - intros C. destruct (check cfg inputs) as [|u us] eqn:E; [reflexivity|].
    exfalso; apply (C u), check_correct; rewrite E; left; reflexivity.
Qed.
