(** * Hex2Default: at 1.7.0's resolutions, [link_with] is the flat two-pass link. *)

(** [Hex2Spec.link] is [link_with Quirks.hex2_1_7_0]: the files are read one by one into
    tokens with their offsets ([read_files]), and written file by file ([emit_files]). Under
    1.7.0's resolutions every quirk is what [lex_step], [lex_finish] and [emit_resolved] do
    already, no file passes anything but its address to the next, and the labels are
    [layout]'s. So [link] is the two passes over the one token list of [lex_files]
    ([link_unfold]), which is the form the other proofs about [link] start from. *)

From Coq Require Import NArith ZArith List Lia.
From Hexproof.Spec Require Import Common Quirks Hex2Lex Hex2Encode Hex2Spec.
Import ListNotations.
Local Open Scope N_scope.
Local Open Scope bool_scope.

(** ** Reading *)

Lemma byte_quirk_kinds : forall cfg st c k,
  byte_quirk cfg st c = Some k ->
  k = split_byte \/ k = cr_in_token \/ k = comment_char_in_token \/ k = misplaced_base.
Proof.
  intros cfg st c k H; unfold byte_quirk in H.
  destruct (ls_mode st);
    repeat match type of H with
    | (if ?x then _ else _) = _ => destruct x
    | match ?x with Some _ => _ | None => _ end = _ => destruct x
    end; try discriminate; injection H as <-; tauto.
Qed.

Lemma lex_step_with_1_7_0 : forall cfg file off st c,
  lex_step_with hex2_1_7_0 cfg file off st c = lex_step cfg file off st c.
Proof.
  intros cfg file off st c; unfold lex_step_with.
  destruct (byte_quirk cfg st c) as [k|] eqn:B; [|reflexivity].
  destruct (byte_quirk_kinds _ _ _ _ B) as [->|[->|[->| ->]]]; reflexivity.
Qed.

(** [lex_bytes] is [read_bytes] and then the end of the file. *)
Lemma read_bytes_1_7_0 : forall cfg file bs off st,
  lex_bytes cfg file off st bs =
  match read_bytes hex2_1_7_0 cfg file off st bs with
  | Err e => Err e
  | Ok (st', ts) =>
      match lex_finish file st' with
      | Err e => Err e
      | Ok None => Ok (map snd ts)
      | Ok (Some t) => Ok (map snd ts ++ [t])
      end
  end.
Proof.
  intros cfg file bs; induction bs as [|c bs IH]; intros off st.
  - cbn. destruct (lex_finish file st) as [[t|]|e]; reflexivity.
  - cbn [lex_bytes read_bytes]. rewrite lex_step_with_1_7_0.
    destruct (lex_step cfg file off st c) as [[st1 ot]|e]; [|reflexivity].
    rewrite IH. destruct (read_bytes hex2_1_7_0 cfg file (off + 1) st1 bs) as [[st2 ts]|e];
      [|destruct ot; reflexivity].
    destruct (lex_finish file st2) as [[t|]|e]; destruct ot; reflexivity.
Qed.

Lemma read_end_1_7_0 : forall file len st last,
  read_end hex2_1_7_0 file len st last =
  match lex_finish file st with
  | Err e => Err e
  | Ok None => Ok (lex_init, [])
  | Ok (Some t) => Ok (lex_init, [(token_offset st len, t)])
  end.
Proof.
  intros file len st last; unfold read_end; cbn.
  rewrite !Bool.andb_false_r. reflexivity.
Qed.

(** [lex_files] is [read_files] with the offsets dropped and the files joined. *)
Lemma read_files_1_7_0 : forall cfg inputs file,
  lex_files cfg file inputs =
  match read_files hex2_1_7_0 cfg file lex_init inputs with
  | Err e => Err e
  | Ok tss => Ok (concat (map (map snd) tss))
  end.
Proof.
  intros cfg inputs; induction inputs as [|bs rest IH]; intros file; [reflexivity|].
  cbn [lex_files read_files]. rewrite read_bytes_1_7_0.
  destruct (read_bytes hex2_1_7_0 cfg file 0 lex_init bs) as [[st ts]|e]; [|reflexivity].
  rewrite read_end_1_7_0.
  destruct (lex_finish file st) as [[t|]|e]; [| |reflexivity];
    rewrite IH; destruct (read_files hex2_1_7_0 cfg (file + 1) lex_init rest) as [tss|e];
    try reflexivity; cbn [concat map]; rewrite ?map_app, ?app_assoc, ?app_nil_r; reflexivity.
Qed.

(** ** Writing *)

Lemma emit_resolved_with_1_7_0 : forall cfg es t tgt bse,
  emit_resolved_with hex2_1_7_0 cfg es t tgt bse = emit_resolved cfg es t tgt bse.
Proof.
  intros cfg es t tgt bse; unfold emit_resolved_with.
  destruct t as [| | |k file pos name [b|]| | |]; try reflexivity.
  - destruct (ref_absolute k); reflexivity.
  - destruct (ref_absolute k && es_aligned es && reads_align (h2_arch cfg)); reflexivity.
Qed.

Lemma emit_with_1_7_0 : forall cfg l ts es,
  emit_with hex2_1_7_0 cfg l es ts = emit cfg l es ts.
Proof.
  intros cfg l ts; induction ts as [|t ts IH]; intros es; [reflexivity|].
  cbn [emit_with emit]; unfold emit_token; rewrite emit_resolved_with_1_7_0.
  destruct (emit_resolved cfg es t _ _) as [[es1 o1]|e]; [|reflexivity].
  rewrite IH; reflexivity.
Qed.

Lemma emit_app : forall cfg l ts1 ts2 es,
  emit cfg l es (ts1 ++ ts2) =
  match emit cfg l es ts1 with
  | Err e => Err e
  | Ok (es1, o1) =>
      match emit cfg l es1 ts2 with
      | Err e => Err e
      | Ok (es2, o2) => Ok (es2, o1 ++ o2)
      end
  end.
Proof.
  intros cfg l ts1; induction ts1 as [|t ts1 IH]; intros ts2 es.
  - cbn [app emit]. destruct (emit cfg l es ts2) as [[es2 o2]|e]; reflexivity.
  - cbn [app emit]. destruct (emit_token cfg l es t) as [[es1 o1]|e]; [|reflexivity].
    rewrite IH. destruct (emit cfg l es1 ts1) as [[es3 o3]|e]; [|reflexivity].
    destruct (emit cfg l es3 ts2) as [[es4 o4]|e]; [|reflexivity].
    rewrite app_assoc; reflexivity.
Qed.

(** [emit_files] is [emit] over the files' tokens joined. *)
Lemma emit_files_1_7_0 : forall cfg l tss es file,
  emit_files hex2_1_7_0 cfg l es file tss = emit cfg l es (concat (map (map snd) tss)).
Proof.
  intros cfg l tss; induction tss as [|ts rest IH]; intros es file; [reflexivity|].
  cbn [emit_files concat map]. rewrite emit_with_1_7_0, emit_app.
  destruct (emit cfg l es (map snd ts)) as [[es1 o1]|e]; [|reflexivity].
  destruct rest as [|ts' rest].
  - cbn. rewrite app_nil_r; reflexivity.
  - cbn [next_file_state hq_register_across_files hex2_1_7_0]. rewrite IH; reflexivity.
Qed.

(** ** hex2 1.7.0 *)

(** [link], unfolded: the tokens of all files, the labels they define, and the bytes they
    write. *)
Theorem link_unfold : forall cfg inputs,
  link cfg inputs =
  match lex_files cfg 0 inputs with
  | Err e => Err e
  | Ok ts =>
      let l := snd (layout cfg (base_ip cfg) ts []) in
      match emit cfg l (mk_emit_state (base_ip cfg) false 0) ts with
      | Err e => Err e
      | Ok (_, out) => Ok out
      end
  end.
Proof.
  intros cfg inputs; unfold link, link_with; rewrite read_files_1_7_0.
  destruct (read_files hex2_1_7_0 cfg 0 lex_init inputs) as [tss|e]; [|reflexivity].
  cbn [label_table hq_duplicate_label hex2_1_7_0]. rewrite emit_files_1_7_0; reflexivity.
Qed.
