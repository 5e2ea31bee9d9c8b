(** * Hex2Strictproof: a strict-clean hex2 program means the same under every resolution. *)

(** [strict_quirk_independent]: when a program uses no quirk ([Hex2Strict.strict_clean]),
    [link_with q] is [link] for every resolution [q] of the quirks: the same output, or the same
    error. The proof follows [link_with]'s passes:
    - reading: no byte uses a quirk, so [lex_step_with q] is [lex_step] at every byte; no file
      ends in the middle of something, so every file starts afresh whatever [q] says
      ([read_files_clean]);
    - labels: no label is defined twice, so the first definition is the last and there is no
      second one to reject ([label_table_clean]);
    - writing: no [$a>b] or [&a>b], and no absolute reference meets a [^] where it is read, so
      [emit_resolved_with q] is [emit_resolved] at every token; every RISC-V word and immediate
      has its four bytes in its own file, so the shift register is empty at the end of each
      file, where resetting it or keeping it is the same ([emit_files_clean]). *)

From Coq Require Import NArith ZArith List Lia.
From Hexproof.Spec Require Import Common Quirks Hex2Lex Hex2Encode Hex2Spec Hex2Image Hex2Strict.
From Hexproof.Proofs Require Import ListFacts Hex2Default Hex2Imageproof.
Import ListNotations.
Local Open Scope N_scope.
Local Open Scope bool_scope.

(** ** Reading *)

(** The bytes of one file use no quirk, and its end neither. *)
Definition lex_clean (cfg : hex2_config) (file : N) (bs : bytes) : Prop :=
  (forall pre c post st, bs = pre ++ c :: post -> lex_run cfg file 0 lex_init pre = Ok st ->
     byte_quirk cfg st c = None) /\
  (forall st, lex_run cfg file 0 lex_init bs = Ok st -> ls_count st = 0 /\ is_open st = false).

Lemma read_bytes_clean : forall q cfg file bs off st,
  (forall pre c post st', bs = pre ++ c :: post -> lex_run cfg file off st pre = Ok st' ->
     byte_quirk cfg st' c = None) ->
  read_bytes q cfg file off st bs = read_bytes hex2_1_7_0 cfg file off st bs.
Proof.
  intros q cfg file bs; induction bs as [|c bs IH]; intros off st C; [reflexivity|].
  cbn [read_bytes]. rewrite lex_step_with_1_7_0.
  assert (B : byte_quirk cfg st c = None) by (apply (C [] c bs st); reflexivity).
  unfold lex_step_with; rewrite B.
  destruct (lex_step cfg file off st c) as [[st1 ot]|e] eqn:S; [|reflexivity].
  rewrite IH; [reflexivity|].
  intros pre c' post st' E R. apply (C (c :: pre) c' post st'); [rewrite E; reflexivity|].
  cbn [lex_run]; rewrite S; exact R.
Qed.

Lemma read_bytes_run : forall cfg file bs off st st' ts,
  read_bytes hex2_1_7_0 cfg file off st bs = Ok (st', ts) -> lex_run cfg file off st bs = Ok st'.
Proof.
  intros cfg file bs; induction bs as [|c bs IH]; intros off st st' ts H.
  - injection H as <- _; reflexivity.
  - cbn [read_bytes lex_run] in *. rewrite lex_step_with_1_7_0 in H.
    destruct (lex_step cfg file off st c) as [[st1 ot]|e]; [|discriminate].
    destruct (read_bytes hex2_1_7_0 cfg file (off + 1) st1 bs) as [[st2 ts2]|e] eqn:R;
      [|discriminate].
    injection H as <- _. eapply IH; exact R.
Qed.

Lemma read_end_clean : forall q file len st last,
  ls_count st = 0 -> is_open st = false ->
  read_end q file len st last = Ok (lex_init, []).
Proof.
  intros q file len [m n h] last C O; cbn in C; subst n.
  destruct m; try discriminate O; reflexivity.
Qed.

Lemma read_files_clean : forall q cfg inputs file,
  (forall k bs, nth_error inputs k = Some bs -> lex_clean cfg (file + N.of_nat k) bs) ->
  read_files q cfg file lex_init inputs = read_files hex2_1_7_0 cfg file lex_init inputs.
Proof.
  intros q cfg inputs; induction inputs as [|bs rest IH]; intros file C; [reflexivity|].
  destruct (C 0%nat bs eq_refl) as [CB CE]; rewrite N.add_0_r in CB, CE.
  cbn [read_files]. rewrite (read_bytes_clean q cfg file bs 0 lex_init CB).
  destruct (read_bytes hex2_1_7_0 cfg file 0 lex_init bs) as [[st ts]|e] eqn:R; [|reflexivity].
  destruct (CE st (read_bytes_run _ _ _ _ _ _ _ R)) as [Z O].
  rewrite !read_end_clean by assumption.
  rewrite IH; [reflexivity|].
  intros k bs' E. replace (file + 1 + N.of_nat k) with (file + N.of_nat (S k)) by lia.
  exact (C (S k) bs' E).
Qed.

Lemma clean_lex : forall cfg inputs,
  strict_clean cfg inputs ->
  forall k bs, nth_error inputs k = Some bs -> lex_clean cfg (0 + N.of_nat k) bs.
Proof.
  intros cfg inputs S k bs E; rewrite N.add_0_l. split.
  - intros pre c post st B R. destruct (byte_quirk cfg st c) as [q|] eqn:Q; [|reflexivity].
    exfalso; eapply S, (use_in_byte cfg inputs (N.of_nat k)); [rewrite Nat2N.id; exact E|..];
      eassumption.
  - intros st R. split.
    + destruct (N.eq_dec (ls_count st) 0) as [Z|Z]; [exact Z|exfalso].
      eapply S, (use_at_end cfg inputs (N.of_nat k) bs st nibble_across_files);
        [rewrite Nat2N.id; exact E|exact R|left; split; [reflexivity|lia]].
    + destruct (is_open st) eqn:O; [exfalso|reflexivity].
      eapply S, (use_at_end cfg inputs (N.of_nat k) bs st text_across_files);
        [rewrite Nat2N.id; exact E|exact R|right; split; [reflexivity|exact O]].
Qed.

(** ** Labels *)

Definition label_names (ts : list token) : list bytes :=
  flat_map (fun t => match t with tok_label n => [n] | _ => [] end) ts.

Lemma layout_names : forall cfg ts ip acc,
  map fst (snd (layout cfg ip ts acc)) = rev (label_names ts) ++ map fst acc.
Proof.
  intros cfg ts; induction ts as [|t ts IH]; intros ip acc; [reflexivity|].
  cbn [layout label_names flat_map]. rewrite IH; fold (label_names ts).
  destruct t; cbn; try reflexivity. rewrite <- app_assoc; reflexivity.
Qed.

Lemma name_eqb_eq : forall a b, name_eqb a b = true <-> a = b.
Proof.
  intros a b; unfold name_eqb; destruct (list_eq_dec N.eq_dec a b); split; congruence.
Qed.

Lemma label_find_in : forall n l a, label_find n l = Some a -> In (n, a) l.
Proof.
  intros n l a; induction l as [|[m b] l IH]; cbn; [discriminate|].
  destruct (name_eqb n m) eqn:E; [|intros H; right; exact (IH H)].
  intros H; injection H as <-; apply name_eqb_eq in E; subst; left; reflexivity.
Qed.

Lemma label_find_nodup : forall n l a,
  NoDup (map fst l) -> In (n, a) l -> label_find n l = Some a.
Proof.
  intros n l a; induction l as [|[m b] l IH]; cbn; [contradiction|].
  intros ND [H|H]; inversion ND as [|? ? NI ND']; subst.
  - injection H as -> ->. replace (name_eqb n n) with true by (symmetry; apply name_eqb_eq; reflexivity).
    reflexivity.
  - destruct (name_eqb n m) eqn:E.
    + apply name_eqb_eq in E; subst. exfalso; apply NI, (in_map fst l (m, a)), H.
    + exact (IH ND' H).
Qed.

(** With every name once, the first definition is the last. *)
Lemma label_find_rev : forall n l,
  NoDup (map fst l) -> label_find n (rev l) = label_find n l.
Proof.
  intros n l ND.
  assert (ND' : NoDup (map fst (rev l))) by (rewrite map_rev; apply NoDup_rev; exact ND).
  destruct (label_find n l) as [a|] eqn:F.
  - apply label_find_nodup; [exact ND'|]. rewrite <- in_rev.
    exact (label_find_in _ _ _ F).
  - destruct (label_find n (rev l)) as [a|] eqn:F'; [|reflexivity].
    apply label_find_in in F'; rewrite <- in_rev in F'.
    rewrite (label_find_nodup n l a ND F') in F; discriminate.
Qed.

Lemma first_occurrence : forall (x : token) l i,
  nth_error l i = Some x -> exists j, (j <= i)%nat /\ nth_error l j = Some x /\ ~ In x (firstn j l).
Proof.
  intros x l; induction l as [|y l IH]; intros i H; [destruct i; discriminate|].
  destruct (token_eq_dec y x) as [->|D].
  - exists 0%nat; split; [lia|]; split; [reflexivity|]; cbn; tauto.
  - destruct i as [|i]; [injection H as ->; contradiction|].
    destruct (IH i H) as [j [L [N NI]]]. exists (S j); split; [lia|]; split; [exact N|].
    cbn; intros [E|E]; [contradiction|exact (NI E)].
Qed.

Lemma placed_tokens_snd : forall tss file,
  map snd (placed_tokens file tss) = concat (map (map snd) tss).
Proof.
  intros tss; induction tss as [|ts tss IH]; intros file; [reflexivity|].
  cbn [placed_tokens concat map]. rewrite map_app, IH, map_map; reflexivity.
Qed.

(** No label is defined twice: before each definition, its name is not defined. *)
Lemma clean_labels : forall cfg tss,
  (forall u, ~ token_use cfg tss (placed_tokens 0 tss) u) ->
  forall i n, nth_error (concat (map (map snd) tss)) i = Some (tok_label n) ->
  ~ In (tok_label n) (firstn i (concat (map (map snd) tss))).
Proof.
  intros cfg tss S i n E I. rewrite <- (placed_tokens_snd tss 0) in E, I.
  set (pts := placed_tokens 0 tss) in *.
  destruct (In_nth_error _ _ I) as [j' Ej'].
  assert (Lj' : (j' < i)%nat).
  { assert (Hj' : nth_error (firstn i (map snd pts)) j' <> None) by congruence.
    apply nth_error_Some in Hj'. rewrite firstn_length in Hj'; lia. }
  rewrite nth_error_firstn_lt in Ej' by exact Lj'.
  destruct (first_occurrence _ _ _ Ej') as [j [Lj [Ej NI]]].
  rewrite nth_error_map in Ej, E.
  destruct (nth_error pts j) as [[[f0 o0] t0]|] eqn:Pj; [|discriminate].
  destruct (nth_error pts i) as [[[f o] t]|] eqn:Pi; [|discriminate].
  injection Ej as ->; injection E as ->.
  apply (S (mk_use duplicate_label f o n f0 o0 0)).
  apply (use_duplicate_label cfg tss pts i j); [exact Pj| |lia|exact Pi].
  rewrite <- firstn_map; exact NI.
Qed.

Lemma names_nodup : forall ts,
  (forall i n, nth_error ts i = Some (tok_label n) -> ~ In (tok_label n) (firstn i ts)) ->
  NoDup (label_names ts).
Proof.
  intros ts; induction ts as [|t ts IH] using rev_ind; intros H; [constructor|].
  unfold label_names; rewrite flat_map_app; fold (label_names ts) (label_names [t]).
  assert (H' : forall i n, nth_error ts i = Some (tok_label n) -> ~ In (tok_label n) (firstn i ts)).
  { intros i n E. assert (L : (i < length ts)%nat) by (apply nth_error_Some; congruence).
    specialize (H i n). rewrite nth_error_app1, firstn_app in H by lia.
    replace (i - length ts)%nat with 0%nat in H by lia. rewrite app_nil_r in H. exact (H E). }
  specialize (IH H').
  destruct t as [| |n| | | |]; cbn [label_names flat_map]; rewrite ?app_nil_r; try exact IH.
  assert (NI : ~ In n (label_names ts)).
  { intros X. apply (H (length ts) n).
    - rewrite nth_error_app2, Nat.sub_diag by lia; reflexivity.
    - rewrite firstn_app, Nat.sub_diag, firstn_all; cbn; rewrite app_nil_r.
      unfold label_names in X. apply in_flat_map in X as [t' [T' X]].
      destruct t'; cbn in X; try contradiction. destruct X as [->|[]]; exact T'. }
  rewrite <- (rev_involutive (label_names ts ++ [n])). apply NoDup_rev.
  rewrite rev_app_distr; cbn. constructor; [rewrite <- in_rev; exact NI|apply NoDup_rev, IH].
Qed.

Lemma first_redefinition_some : forall pts seen p,
  first_redefinition seen pts = Some p ->
  exists i n, nth_error (map snd pts) i = Some (tok_label n) /\
    (In n seen \/ In (tok_label n) (firstn i (map snd pts))).
Proof.
  intros pts; induction pts as [|[[f o] t] pts IH]; intros seen p H; [discriminate|].
  cbn [first_redefinition] in H.
  destruct t as [| |n| | | |];
    try (destruct (IH seen p H) as [i [m [E O]]]; exists (S i), m; split; [exact E|];
         destruct O as [O|O]; [left; exact O|right; right; exact O]).
  destruct (existsb (name_eqb n) seen) eqn:X.
  - exists 0%nat, n; split; [reflexivity|left].
    apply existsb_exists in X as [m [M X]]; apply name_eqb_eq in X; subst; exact M.
  - destruct (IH (n :: seen) p H) as [i [m [E O]]]. exists (S i), m; split; [exact E|].
    destruct O as [[<-|O]|O]; [right; left; reflexivity|left; exact O|right; right; exact O].
Qed.

(** The labels [label_table] gives a clean program are [layout]'s, as far as [label_find] can
    tell. *)
Lemma label_table_clean : forall q cfg tss ip,
  (forall u, ~ token_use cfg tss (placed_tokens 0 tss) u) ->
  let l := snd (layout cfg ip (concat (map (map snd) tss)) []) in
  exists l', label_table q tss l = Ok l' /\ forall n, label_find n l' = label_find n l.
Proof.
  intros q cfg tss ip S l.
  pose proof (clean_labels cfg tss S) as C.
  unfold label_table; destruct (hq_duplicate_label q).
  - exists l; split; reflexivity.
  - exists (rev l); split; [reflexivity|]. intros n; apply label_find_rev.
    unfold l; rewrite layout_names, app_nil_r. apply NoDup_rev, names_nodup, C.
  - destruct (first_redefinition [] (placed_tokens 0 tss)) as [p|] eqn:R.
    + exfalso. destruct (first_redefinition_some _ _ _ R) as [i [n [E [[]|I]]]].
      rewrite placed_tokens_snd in E, I. exact (C i n E I).
    + exists l; split; reflexivity.
Qed.

(** ** Writing *)

Lemma emit_with_lookup : forall q cfg l1 l2 ts es,
  (forall n, label_find n l1 = label_find n l2) ->
  emit_with q cfg l1 es ts = emit_with q cfg l2 es ts.
Proof.
  intros q cfg l1 l2 ts; induction ts as [|t ts IH]; intros es L; [reflexivity|].
  cbn [emit_with]. assert (K : forall x, lookup l1 x = lookup l2 x) by (intros [n|]; cbn; auto).
  rewrite !K. destruct (emit_resolved_with _ _ _ _ _ _) as [[es1 o1]|e]; [|reflexivity].
  rewrite IH by exact L; reflexivity.
Qed.

Lemma emit_files_lookup : forall q cfg l1 l2 tss es file,
  (forall n, label_find n l1 = label_find n l2) ->
  emit_files q cfg l1 es file tss = emit_files q cfg l2 es file tss.
Proof.
  intros q cfg l1 l2 tss; induction tss as [|ts tss IH]; intros es file L; [reflexivity|].
  cbn [emit_files]. rewrite (emit_with_lookup q cfg l1 l2) by exact L.
  destruct (emit_with q cfg l2 es (map snd ts)) as [[es1 o1]|e]; [|reflexivity].
  destruct tss; [reflexivity|]. destruct (next_file_state q file ts es1); [|reflexivity].
  rewrite IH by exact L; reflexivity.
Qed.

Lemma emit_with_app : forall q cfg l ts1 ts2 es,
  emit_with q cfg l es (ts1 ++ ts2) =
  match emit_with q cfg l es ts1 with
  | Err e => Err e
  | Ok (es1, o1) =>
      match emit_with q cfg l es1 ts2 with
      | Err e => Err e
      | Ok (es2, o2) => Ok (es2, o1 ++ o2)
      end
  end.
Proof.
  intros q cfg l ts1; induction ts1 as [|t ts1 IH]; intros ts2 es.
  - cbn [app emit_with]. destruct (emit_with q cfg l es ts2) as [[es2 o2]|e]; reflexivity.
  - cbn [app emit_with]. destruct (emit_resolved_with _ _ _ _ _ _) as [[es1 o1]|e]; [|reflexivity].
    rewrite IH. destruct (emit_with q cfg l es1 ts1) as [[es3 o3]|e]; [|reflexivity].
    destruct (emit_with q cfg l es3 ts2) as [[es4 o4]|e]; [|reflexivity].
    rewrite app_assoc; reflexivity.
Qed.

(** A token that does not use [absolute_with_base] or [align_on_absolute] after the tokens
    [pre]. *)
Definition token_ok (cfg : hex2_config) (pre : list token) (t : token) : Prop :=
  (forall k f p n b, t = tok_ref k f p n (Some b) -> ref_absolute k = false) /\
  (forall k f p n, t = tok_ref k f p n None -> ref_absolute k = true ->
     reads_align (h2_arch cfg) = true -> align_pending pre = false).

Lemma emit_resolved_aligned : forall cfg es t tgt bse es' o,
  emit_resolved cfg es t tgt bse = Ok (es', o) -> reads_align (h2_arch cfg) = true ->
  es_aligned es' =
  match t with
  | tok_align => true
  | tok_ref _ _ _ _ None | tok_wref _ _ _ _ => false
  | _ => es_aligned es
  end.
Proof.
  intros cfg [ip al sr] t tgt bse es' o H F.
  destruct t as [b|w|n|k file pos n [[bn bp]|]|k file pos n| |]; cbn in H |- *;
    try (injection H as <- _; reflexivity).
  - destruct tgt as [ta|]; [|discriminate]. destruct bse as [tb|]; [|discriminate].
    destruct (ref_fits k _); [|discriminate]. injection H as <- _; reflexivity.
  - destruct tgt as [ta|]; [|discriminate].
    destruct (arch_displacement _ _ _ _) as [[d al']|] eqn:D; [|discriminate].
    destruct (ref_fits k _); [|discriminate]. injection H as <- _.
    exact (disp_clears_flag _ _ _ _ _ _ F D).
  - destruct tgt as [ta|]; [|discriminate].
    destruct (arch_displacement _ _ _ _) as [[d al']|] eqn:D; [|discriminate].
    destruct (riscv_field k d); [|discriminate]. injection H as <- _.
    exact (disp_clears_flag _ _ _ _ _ _ F D).
Qed.

Lemma emit_with_clean : forall q cfg l ts es pre,
  (reads_align (h2_arch cfg) = true -> es_aligned es = align_pending pre) ->
  (forall i t, nth_error ts i = Some t -> token_ok cfg (pre ++ firstn i ts) t) ->
  emit_with q cfg l es ts = emit cfg l es ts.
Proof.
  intros q cfg l ts; induction ts as [|t ts IH]; intros es pre A C; [reflexivity|].
  cbn [emit_with emit]; unfold emit_token.
  destruct (C 0%nat t eq_refl) as [C1 C2]; cbn [firstn] in C2; rewrite app_nil_r in C2.
  assert (E : emit_resolved_with q cfg es t (lookup l (ref_target t)) (lookup l (ref_base t))
              = emit_resolved cfg es t (lookup l (ref_target t)) (lookup l (ref_base t))).
  { unfold emit_resolved_with. destruct t as [| | |k f p n [b|]| | |]; try reflexivity.
    - rewrite (C1 k f p n b eq_refl); reflexivity.
    - destruct (ref_absolute k) eqn:K; [|reflexivity].
      destruct (reads_align (h2_arch cfg)) eqn:F; [|rewrite Bool.andb_false_r; reflexivity].
      rewrite (A eq_refl), (C2 k f p n eq_refl K eq_refl); reflexivity. }
  rewrite E. destruct (emit_resolved _ _ _ _ _) as [[es1 o1]|e] eqn:R; [|reflexivity].
  rewrite (IH es1 (pre ++ [t])); [reflexivity| |].
  - intros F. rewrite (emit_resolved_aligned _ _ _ _ _ _ _ R F), align_pending_snoc.
    destruct t as [| | | ? ? ? ? [?|]| | |]; auto.
  - intros i t' N. rewrite <- app_assoc; exact (C (S i) t' N).
Qed.

(** ** The RISC-V shift register at the end of a file *)

(** How many more bytes the register may still hold bits for: four after a [.] word or a RISC-V
    immediate, one less after each byte. *)
Definition need_step (t : token) (n : N) : N :=
  match t with
  | tok_byte _ => n - 1
  | tok_word _ | tok_wref _ _ _ _ => 4
  | _ => n
  end.

Fixpoint need_after (ts : list token) (n : N) : N :=
  match ts with
  | [] => n
  | t :: ts' => need_after ts' (need_step t n)
  end.

Lemma data_bytes_cons : forall t ts,
  data_bytes (t :: ts) = match t with tok_byte _ => 1 | _ => 0 end + data_bytes ts.
Proof. intros t ts; unfold data_bytes; destruct t; cbn [filter length]; lia. Qed.

(** When four bytes follow every word, nothing is pending at the end. *)
Lemma need_after_clean : forall ts,
  (forall i t, nth_error ts i = Some t -> is_word_token t = true ->
     4 <= data_bytes (skipn (S i) ts)) ->
  forall n, need_after ts n <= n - data_bytes ts.
Proof.
  intros ts; induction ts as [|t ts IH]; intros H n; [cbn; unfold data_bytes; cbn; lia|].
  cbn [need_after]. rewrite data_bytes_cons.
  assert (H' : forall i t', nth_error ts i = Some t' -> is_word_token t' = true ->
                 4 <= data_bytes (skipn (S i) ts)) by (intros i t' E W; exact (H (S i) t' E W)).
  specialize (IH H'). destruct t; cbn [need_step]; try (specialize (IH n); lia).
  - specialize (IH (n - 1)); lia.
  - specialize (H 0%nat _ eq_refl eq_refl); cbn [skipn] in H. specialize (IH 4); lia.
  - specialize (H 0%nat _ eq_refl eq_refl); cbn [skipn] in H. specialize (IH 4); lia.
Qed.

Lemma lt_pow2_shiftr : forall a k, a < 2 ^ k <-> N.shiftr a k = 0.
Proof.
  intros a k; rewrite N.shiftr_div_pow2. split; intros H.
  - apply N.div_small, H.
  - apply N.div_small_iff in H; [exact H|]. apply N.pow_nonzero; discriminate.
Qed.

Lemma lxor_lt_pow2 : forall a b k, a < 2 ^ k -> b < 2 ^ k -> N.lxor a b < 2 ^ k.
Proof.
  intros a b k A B. apply lt_pow2_shiftr in A, B. apply lt_pow2_shiftr.
  rewrite N.shiftr_lxor, A, B; reflexivity.
Qed.

Lemma word_swap_lt : forall big w, w < 2 ^ 32 -> word_swap big w < 2 ^ 32.
Proof.
  intros [] w W; [exact W|]. apply lt_pow2_shiftr; cbn [word_swap].
  rewrite !N.shiftr_lor, !N.shiftr_land, !N.shiftr_shiftl_r by lia. rewrite N.shiftr_land.
  replace (N.shiftr 255 32) with 0 by reflexivity.
  replace (N.shiftr 16711680 32) with 0 by reflexivity.
  replace (N.shiftr 65280 32) with 0 by reflexivity.
  replace (N.shiftr 255 (32 - 24)) with 0 by reflexivity.
  rewrite !N.land_0_r; reflexivity.
Qed.

Lemma u32_lt : forall z, u32 z < 2 ^ 32.
Proof.
  intros z; unfold u32, two32.
  pose proof (Z.mod_pos_bound z 4294967296 ltac:(reflexivity)) as B. lia.
Qed.

Lemma riscv_field_lt : forall k v f, riscv_field k v = Some f -> f < 2 ^ 32.
Proof.
  intros k v f H; destruct k; cbn [riscv_field] in H;
    repeat match type of H with
    | (if ?x then _ else _) = _ => destruct x
    end; try discriminate; injection H as <-; try apply u32_lt; reflexivity.
Qed.

Lemma lt_pow2_mono : forall a k k', a < 2 ^ k -> k <= k' -> a < 2 ^ k'.
Proof.
  intros a k k' A L. eapply N.lt_le_trans; [exact A|]. apply N.pow_le_mono_r; lia.
Qed.

Lemma need_step_le : forall t n, n <= 4 -> need_step t n <= 4.
Proof. intros t n L; destruct t; cbn; lia. Qed.

Lemma emit_resolved_sr : forall cfg es t tgt bse es' o n,
  emit_resolved cfg es t tgt bse = Ok (es', o) ->
  (forall w, t = tok_word w -> w < 2 ^ 32) ->
  n <= 4 -> es_sr es < 2 ^ (8 * n) -> es_sr es' < 2 ^ (8 * need_step t n).
Proof.
  intros cfg [ip al sr] t tgt bse es' o n H W L S; cbn [es_sr] in S.
  assert (X : forall f, f < 2 ^ 32 -> N.lxor sr f < 2 ^ (8 * 4)).
  { intros f F; apply lxor_lt_pow2; [eapply lt_pow2_mono; [exact S|lia]|exact F]. }
  destruct t as [b|w|n'|k file pos n' [[bn bp]|]|k file pos n'| |];
    [unfold emit_resolved in H|cbn [emit_resolved es_ip es_aligned es_sr need_step] in H |- *..].
  - injection H as <- _. apply (proj2 (lt_pow2_shiftr _ _)).
    match goal with |- N.shiftr (es_sr ?e) _ = 0 => replace (es_sr e) with (N.shiftr sr 8) by reflexivity end.
    rewrite N.shiftr_shiftr. apply (proj1 (lt_pow2_shiftr _ _)).
    eapply lt_pow2_mono; [exact S|cbn [need_step]; lia].
  - injection H as <- _; apply X, word_swap_lt, W; reflexivity.
  - injection H as <- _; exact S.
  - destruct tgt as [ta|]; [|discriminate]. destruct bse as [tb|]; [|discriminate].
    destruct (ref_fits k _); [|discriminate]. injection H as <- _; exact S.
  - destruct tgt as [ta|]; [|discriminate].
    destruct (arch_displacement _ _ _ _) as [[d al']|]; [|discriminate].
    destruct (ref_fits k _); [|discriminate]. injection H as <- _; exact S.
  - destruct tgt as [ta|]; [|discriminate].
    destruct (arch_displacement _ _ _ _) as [[d al']|]; [|discriminate].
    destruct (riscv_field k d) as [f|] eqn:F; [|discriminate]. injection H as <- _.
    apply X; exact (riscv_field_lt _ _ _ F).
  - injection H as <- _; exact S.
  - injection H as <- _; exact S.
Qed.

Lemma emit_resolved_with_sr : forall q cfg es t tgt bse es' o n,
  emit_resolved_with q cfg es t tgt bse = Ok (es', o) ->
  (forall w, t = tok_word w -> w < 2 ^ 32) ->
  n <= 4 -> es_sr es < 2 ^ (8 * n) -> es_sr es' < 2 ^ (8 * need_step t n).
Proof.
  intros q cfg es t tgt bse es' o n H W L S. unfold emit_resolved_with in H.
  destruct t as [| | |k file pos n' [b|]| | |]; try (eapply emit_resolved_sr; eassumption).
  - destruct (ref_absolute k); [|eapply emit_resolved_sr; eassumption].
    destruct (hq_absolute_with_base q); try discriminate H; try (eapply emit_resolved_sr; eassumption).
    exact (emit_resolved_sr _ _ _ _ _ _ _ n H ltac:(discriminate) L S).
  - destruct (ref_absolute k && es_aligned es && reads_align (h2_arch cfg));
      [|eapply emit_resolved_sr; eassumption].
    destruct (hq_align_on_absolute q); try discriminate H; try (eapply emit_resolved_sr; eassumption).
    destruct (emit_resolved cfg (with_aligned es false) _ _ _) as [[es1 o1]|e] eqn:E;
      [|discriminate]. injection H as <- _.
    exact (emit_resolved_sr _ _ _ _ _ _ _ n E ltac:(discriminate) L S).
Qed.

Lemma emit_with_sr : forall q cfg l ts es es' o n,
  emit_with q cfg l es ts = Ok (es', o) ->
  (forall w, In (tok_word w) ts -> w < 2 ^ 32) ->
  n <= 4 -> es_sr es < 2 ^ (8 * n) -> es_sr es' < 2 ^ (8 * need_after ts n).
Proof.
  intros q cfg l ts; induction ts as [|t ts IH]; intros es es' o n H W L S.
  - injection H as <- _; exact S.
  - cbn [emit_with] in H.
    destruct (emit_resolved_with _ _ _ _ _ _) as [[es1 o1]|e] eqn:E; [|discriminate].
    destruct (emit_with q cfg l es1 ts) as [[es2 o2]|e] eqn:E2; [|discriminate].
    injection H as <- _. cbn [need_after].
    eapply IH; [exact E2| intros w I; apply W; right; exact I| apply need_step_le, L|].
    eapply emit_resolved_with_sr; [exact E| |exact L|exact S].
    intros w ->; apply W; left; reflexivity.
Qed.

Lemma first_pending_some : forall ts o,
  first_pending ts = Some o ->
  exists i t, nth_error ts i = Some (o, t) /\ is_word_token t = true /\
    data_bytes (map snd (skipn (S i) ts)) < 4.
Proof.
  intros ts; induction ts as [|[o' t] ts IH]; intros o H; [discriminate|].
  cbn [first_pending] in H. destruct (is_word_token t) eqn:Wt.
  - destruct (data_bytes (map snd ts) <? 4) eqn:D.
    + injection H as <-. exists 0%nat, t; split; [reflexivity|]; split; [exact Wt|].
      apply N.ltb_lt, D.
    + destruct (IH o H) as [i [t' [E [W' D']]]]. exists (S i), t'; auto.
  - destruct (IH o H) as [i [t' [E [W' D']]]]. exists (S i), t'; auto.
Qed.

(** With the shift register empty at the start of every file and the four bytes of every
    RISC-V word and immediate in its own file, the files are written as one token list. *)
Lemma emit_files_clean : forall q cfg l tss es file,
  es_sr es = 0 ->
  (forall k ts, nth_error tss k = Some ts -> (S k < length tss)%nat ->
     forall i o t, nth_error ts i = Some (o, t) -> is_word_token t = true ->
     4 <= data_bytes (map snd (skipn (S i) ts))) ->
  (forall ts, In ts tss -> forall o w, In (o, tok_word w) ts -> w < 2 ^ 32) ->
  emit_files q cfg l es file tss = emit_with q cfg l es (concat (map (map snd) tss)).
Proof.
  intros q cfg l tss; induction tss as [|ts tss IH]; intros es file Z R W; [reflexivity|].
  cbn [emit_files concat map]. rewrite emit_with_app.
  destruct (emit_with q cfg l es (map snd ts)) as [[es1 o1]|e] eqn:E; [|reflexivity].
  destruct tss as [|ts' tss].
  - cbn [concat map emit_with]. rewrite app_nil_r; reflexivity.
  - assert (Z1 : es_sr es1 = 0).
    { assert (B : es_sr es1 < 2 ^ (8 * need_after (map snd ts) 0)).
      { eapply emit_with_sr; [exact E| |lia|rewrite Z; reflexivity].
        intros w I. apply in_map_iff in I as [[o t] [T I]]; cbn in T; subst t.
        exact (W ts (or_introl eq_refl) o w I). }
      assert (N0 : need_after (map snd ts) 0 <= 0 - data_bytes (map snd ts)).
      { apply need_after_clean. intros i t N Wt. rewrite nth_error_map in N.
        destruct (nth_error ts i) as [[o t']|] eqn:Ni; [|discriminate]. injection N as <-.
        rewrite skipn_map. apply (R 0%nat ts eq_refl ltac:(cbn; lia) i o t' Ni Wt). }
      replace (need_after (map snd ts) 0) with 0 in B by lia. lia. }
    assert (NF : next_file_state q file ts es1 = Ok es1).
    { unfold next_file_state. destruct (hq_register_across_files q); [reflexivity| |].
      - destruct es1 as [ip al sr]; cbn in Z1; subst sr; reflexivity.
      - destruct (first_pending ts) as [o|] eqn:P; [exfalso|reflexivity].
        destruct (first_pending_some ts o P) as [i [t [N [Wt D]]]].
        pose proof (R 0%nat ts eq_refl ltac:(cbn; lia) i o t N Wt); lia. }
    rewrite NF, IH; [reflexivity|exact Z1| |].
    + intros k ts'' N L; exact (R (S k) ts'' N ltac:(cbn in L |- *; lia)).
    + intros ts'' I; apply W; right; exact I.
Qed.

(** ** The words the reader makes are 32-bit *)

Lemma word_push_lt : forall acc raw, word_push acc raw < 2 ^ 32.
Proof.
  intros acc raw; unfold word_push. change 4294967295 with (N.ones 32).
  rewrite N.land_ones. apply N.mod_lt; discriminate.
Qed.

Lemma lex_step_word : forall cfg file off st c st' w,
  lex_step cfg file off st c = Ok (st', Some (tok_word w)) -> w < 2 ^ 32.
Proof.
  intros cfg file off [m n h] c st' w H.
  unfold lex_step, lex_data, lex_word, lex_continue, lex_emit in H; cbn [ls_mode ls_count ls_hold] in H.
  destruct m; repeat match type of H with
    | (if ?x then _ else _) = _ => destruct x
    | match ?x with Some _ => _ | None => _ end = _ => destruct x
    | match ?x with digit_partial _ _ => _ | digit_complete _ => _ end = _ => destruct x
    end; try discriminate H; injection H as _ E; try discriminate E;
    inversion E; apply word_push_lt.
Qed.

Lemma read_bytes_words : forall cfg file bs off st st' ts,
  read_bytes hex2_1_7_0 cfg file off st bs = Ok (st', ts) ->
  forall o w, In (o, tok_word w) ts -> w < 2 ^ 32.
Proof.
  intros cfg file bs; induction bs as [|c bs IH]; intros off st st' ts H o w I.
  - injection H as _ <-; contradiction.
  - cbn [read_bytes] in H. rewrite lex_step_with_1_7_0 in H.
    destruct (lex_step cfg file off st c) as [[st1 ot]|e] eqn:S; [|discriminate].
    destruct (read_bytes hex2_1_7_0 cfg file (off + 1) st1 bs) as [[st2 ts2]|e] eqn:R;
      [|discriminate].
    injection H as _ <-. destruct ot as [t|]; [destruct I as [I|I]|].
    + injection I as _ ->. exact (lex_step_word _ _ _ _ _ _ _ S).
    + exact (IH _ _ _ _ R o w I).
    + exact (IH _ _ _ _ R o w I).
Qed.

Lemma read_files_words : forall cfg inputs file st tss,
  read_files hex2_1_7_0 cfg file st inputs = Ok tss ->
  forall ts, In ts tss -> forall o w, In (o, tok_word w) ts -> w < 2 ^ 32.
Proof.
  intros cfg inputs; induction inputs as [|bs rest IH]; intros file st tss H ts I o w J.
  - injection H as <-; contradiction.
  - cbn [read_files] in H.
    destruct (read_bytes hex2_1_7_0 cfg file 0 st bs) as [[st1 ts1]|e] eqn:R; [|discriminate].
    destruct (read_end _ _ _ _ _) as [[st2 ts2]|e] eqn:E; [|discriminate].
    destruct (read_files hex2_1_7_0 cfg (file + 1) st2 rest) as [tss'|e] eqn:F; [|discriminate].
    injection H as <-. destruct I as [<-|I]; [|exact (IH _ _ _ F ts I o w J)].
    apply in_app_or in J as [J|J]; [exact (read_bytes_words _ _ _ _ _ _ _ R o w J)|].
    unfold read_end in E. rewrite !Bool.andb_false_r in E; cbn in E.
    destruct (lex_finish file st1) as [[t|]|e] eqn:LF; try discriminate E;
      injection E as _ <-; [|contradiction].
    destruct J as [J|[]]; injection J as _ ->.
    destruct st1 as [[] ? ?]; cbn in LF; try discriminate LF; injection LF as LF; discriminate LF.
Qed.

(** ** hex2 *)

(** A strict-clean program means the same under every resolution of the quirks: [link_with q]
    gives the same output, or the same error, as [link] (mescc-tools 1.7.0). *)
Theorem strict_quirk_independent : forall cfg inputs,
  strict_clean cfg inputs -> forall q, link_with q cfg inputs = link cfg inputs.
Proof.
  intros cfg inputs Cl q; unfold link, link_with.
  rewrite (read_files_clean q cfg inputs 0 (clean_lex cfg inputs Cl)).
  destruct (read_files hex2_1_7_0 cfg 0 lex_init inputs) as [tss|e] eqn:R; [|reflexivity].
  assert (T : forall u, ~ token_use cfg tss (placed_tokens 0 tss) u).
  { intros u U; exact (Cl u (use_in_tokens cfg inputs tss u R U)). }
  destruct (label_table_clean q cfg tss (base_ip cfg) T) as [l' [E L]]; cbv zeta in E, L.
  rewrite E. cbn [label_table hq_duplicate_label hex2_1_7_0].
  set (flat := concat (map (map snd) tss)) in *.
  set (l := snd (layout cfg (base_ip cfg) flat [])) in *.
  set (es0 := mk_emit_state (base_ip cfg) false 0).
  rewrite emit_files_lookup with (l2 := l) by exact L.
  rewrite emit_files_1_7_0.
  assert (W := read_files_words cfg inputs 0 lex_init tss R).
  rewrite emit_files_clean; [|reflexivity| |exact W].
  2:{ intros k ts N Lk i o t Ni Wt. destruct (N.lt_ge_cases (data_bytes (map snd (skipn (S i) ts))) 4)
        as [D|D]; [exfalso|exact D].
      apply (T (plain_use register_across_files (N.of_nat k) o
                 (match ref_target t with Some n => n | None => [] end))).
      eapply use_register_across_files; [rewrite Nat2N.id; exact N|rewrite Nat2N.id; exact Lk|
                                         exact Ni|exact Wt|exact D]. }
  fold flat. rewrite (emit_with_clean q cfg l flat es0 []); [reflexivity|reflexivity|].
  intros i t N. cbn [app]. split.
  - intros k f p n b -> . destruct (ref_absolute k) eqn:K; [exfalso|reflexivity].
    unfold flat in N; rewrite <- (placed_tokens_snd tss 0), nth_error_map in N.
    destruct (nth_error (placed_tokens 0 tss) i) as [[[f0 o0] t0]|] eqn:P; [|discriminate].
    injection N as ->. destruct b as [bn bat].
    apply (T (mk_use absolute_with_base f p n f bat 0)).
    eapply use_absolute_with_base; [eapply nth_error_In; exact P|exact K].
  - intros k f p n -> K F. destruct (align_pending (firstn i flat)) eqn:A; [exfalso|reflexivity].
    unfold flat in N, A; rewrite <- (placed_tokens_snd tss 0) in N, A.
    rewrite nth_error_map in N.
    destruct (nth_error (placed_tokens 0 tss) i) as [[[f0 o0] t0]|] eqn:P; [|discriminate].
    injection N as ->. apply (T (plain_use align_on_absolute f p n)).
    eapply use_align_on_absolute; [exact P|exact K|exact F|rewrite <- firstn_map; exact A].
Qed.
