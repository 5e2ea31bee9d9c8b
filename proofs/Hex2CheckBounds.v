(** * Hex2CheckBounds: every value hex2's bounded strict checker computes stays within 64 bits. *)

(** [Hex2CheckFirst.check_first k cfg inputs], which `hex2 --strict` runs, reads with the
    executable core's automaton ([Hex2Exec.cstep] and the loop's inline paths: their operations
    are [Hex2Bounds.step_ops]), adds file numbers ([file + 1]) and counts of uses
    ([FirstUses.add_use], [merge_earliest]), and looks labels up in and adds them to the map of
    their first definitions. For inputs within [inputs_within L] (Hex2Bounds.v, [L < 2^60]) and
    any [k] below 2^64, every such operation of a run is in range ([check_values_bounded]), in
    the structure of Hex2Bounds.v: invariants of the loops ([scan_files_inv], [scan_bytes_inv],
    [FirstUsesBounds.add_uses_inv]), [calls_within] theorems on the loops' own bodies, and a
    predicate per function listing its operations ([scan_bytes_ops], ...).

    The counts: a run reads at most [L + 2^60] units, a unit being a byte or the end of a file.
    A unit adds at most two uses in bytes and ends ([a_ok]), and completes at most one token,
    which adds at most one use in tokens or one pending word, and at most one label
    ([tokens_ok]); the end of a file turns pending words into uses in tokens, one for one. So at
    most [3 (L + 2^60)] uses in all, below 2^64, and fewer than 2^62 labels. *)

From Coq Require Import NArith ZArith List Lia.
From Hexproof.Spec Require Import Common Quirks Hex2Lex Hex2Spec CommandLine.
From Hexproof.Proofs Require Import ByteMap OutBuf Bounds FirstUses FirstUsesBounds Hex2Exec
  Hex2Execproof Hex2Check Hex2CheckFirst Hex2Bounds.
Import ListNotations.
Local Open Scope N_scope.

(** ** The operations of each function *)

(** [see_token_first k cfg h w f file off t]: a pending word ([words_add]'s [add_use]), or
    [Hex2Check.see_token], which looks a label up and adds it, and the uses it makes. *)
Definition see_token_first_ops (k : N) (cfg : hex2_config) (h : hcheck) (w : words)
    (f : earliest) (file off : N) (t : token) : Prop :=
  match t with
  | tok_byte _ => True
  | tok_word _ | tok_wref _ _ _ _ => add_use_ops k (wd_0 w)
  | _ =>
      (forall n, t = tok_label n ->
         find_in_range n (hc_labels h) /\ forall v, add_in_range n v (hc_labels h)) /\
      add_uses_inv (k, hc_uses (see_token cfg h file off t), f)
  end.

(** [end_of_file_first k tk]: the four merges of the pending words into the uses. *)
Definition end_of_file_ops (k : N) (tk : tokens) : Prop :=
  match tk with
  | mk_tokens _ (mk_words w0 w1 w2 w3) f =>
      let f1 := merge_earliest k w0 f in
      let f2 := merge_earliest k w1 f1 in
      let f3 := merge_earliest k w2 f2 in
      merge_ops k w0 f /\ merge_ops k w1 f1 /\ merge_ops k w2 f2 /\ merge_ops k w3 f3
  end.

Definition scan_bytes_args : Type :=
  N * hex2_config * N * N * cst * N * N * N * bytes * earliest * hcheck * words * earliest.

Definition scan_bytes_body (rec : scan_bytes_args -> hscan_first) (x : scan_bytes_args)
  : hscan_first :=
  match x with
  | (k, cfg, file, off, s, count, hold, len, bs, a, h, w, f) =>
      match bs with
      | [] => scan_bytes_first k cfg file off s count hold len [] a h w f
      | c :: bs' =>
          ltac:(body_of scan_bytes_first
                  (scan_bytes_first k cfg file off s count hold len (c :: bs') a h w f)
                  (fun k cfg file off s count hold len bs a h w f =>
                     rec (k, cfg, file, off, s, count, hold, len, bs, a, h, w, f)))
      end
  end.

Definition scan_bytes_call (x : scan_bytes_args) : hscan_first :=
  match x with
  | (k, cfg, file, off, s, count, hold, len, bs, a, h, w, f) =>
      scan_bytes_first k cfg file off s count hold len bs a h w f
  end.

(** One iteration: the byte's operations (in [cstep] or the inline paths), its use, and the
    token or word [cstep] reports; at the end of the file, its uses and its last token. *)
Definition scan_bytes_ops (x : scan_bytes_args) : Prop :=
  match x with
  | (k, cfg, file, off, s, count, hold, len, bs, a, h, w, f) =>
      match bs with
      | [] =>
          add_uses_inv (k, cend_uses file off s count, a) /\
          forall t, cfinish file s len = Ok (Some t) ->
            see_token_first_ops k cfg h w f file (ctoken_offset s off) t
      | c :: bs' =>
          step_ops cfg off s count hold len c /\
          (forall q, cbyte_quirk cfg s count c = Some q -> add_use_ops k a) /\
          let r := cstep cfg file off s count hold len c bs' in
          (cr_ev r = ev_word -> add_use_ops k (wd_0 w)) /\
          (cr_ev r = ev_tok -> see_token_first_ops k cfg h w f file (ctoken_offset s off) (cr_tok r))
      end
  end.

Definition scan_files_args : Type := N * hex2_config * N * list bytes * earliest * tokens * bool.
Definition scan_files_result : Type := list quirk_use * N.

Definition scan_files_body (rec : scan_files_args -> scan_files_result)
    (rb : scan_bytes_args -> hscan_first) (x : scan_files_args) : scan_files_result :=
  match x with
  | (k, cfg, file, inputs, a, tk, ok) =>
      match inputs with
      | [] => scan_files_first k cfg file [] a tk ok
      | bs :: rest =>
          ltac:(body2_of_at scan_files_first scan_files_first scan_bytes_first
                  (scan_files_first k cfg file (bs :: rest) a tk ok)
                  (fun k cfg file inputs a tk ok => rec (k, cfg, file, inputs, a, tk, ok))
                  (fun k cfg file off s count hold len bs a h w f =>
                     rb (k, cfg, file, off, s, count, hold, len, bs, a, h, w, f)))
      end
  end.

(** [file + 1] and the end of a file (stated after every file); at the end, the merge of the
    uses in tokens into the others. *)
Definition scan_files_ops (x : scan_files_args) : Prop :=
  match x with
  | (k, cfg, file, inputs, a, tk, ok) =>
      match inputs with
      | [] => merge_ops k (tk_uses tk) a
      | bs :: rest =>
          n_in_range (file + 1) /\
          forall a' tk' ok',
            scan_bytes_first k cfg file 0 cinit 0 0 0 bs a (tk_state tk) (tk_words tk) (tk_uses tk)
            = mk_hscan_first a' tk' ok' ->
            end_of_file_ops k tk'
      end
  end.

(** ** The invariants *)

(** The uses in bytes and ends after [u] units: at most two per unit. *)
Definition a_ok (u : N) (a : earliest) : Prop := earliest_ok a /\ ea_count a <= 2 * u.

Definition labels_ok (nm : N) (m : ByteMap.t (N * N)) : Prop := map_ok (fun _ => True) nm m.

Definition words_ok (w : words) : Prop :=
  earliest_ok (wd_0 w) /\ earliest_ok (wd_1 w) /\ earliest_ok (wd_2 w) /\ earliest_ok (wd_3 w).

Definition words_count (w : words) : N :=
  ea_count (wd_0 w) + ea_count (wd_1 w) + ea_count (wd_2 w) + ea_count (wd_3 w).

(** The tokens' state after [u] units: at most one use or pending word, and one label, per
    unit; the state carried holds no use. *)
Definition tokens_ok (u : N) (h : hcheck) (w : words) (f : earliest) : Prop :=
  words_ok w /\ earliest_ok f /\ words_count w + ea_count f <= u /\ hc_uses h = [] /\
  exists nm, labels_ok nm (hc_labels h) /\ nm <= u.

Definition tokens_rec_ok (u : N) (tk : tokens) : Prop :=
  tokens_ok u (tk_state tk) (tk_words tk) (tk_uses tk).

(** [scan_bytes_first] at [off] of file [file], after [base] bytes of earlier files: the reader
    as [Hex2Bounds.lex_ok] has it, and the counts after [base + off + file] units. *)
Definition scan_bytes_at (L base : N) (x : scan_bytes_args) : Prop :=
  match x with
  | (k, cfg, file, off, s, count, hold, len, bs, a, h, w, f) =>
      n_in_range k /\ lex_ok L base cfg file off s count hold len bs /\
      a_ok (base + off + file) a /\ tokens_ok (base + off + file) h w f
  end.

Definition scan_bytes_inv (L : N) (x : scan_bytes_args) : Prop := exists base, scan_bytes_at L base x.

Definition scan_files_at (L base : N) (x : scan_files_args) : Prop :=
  match x with
  | (k, cfg, file, inputs, a, tk, ok) =>
      n_in_range k /\ base + total_bytes inputs <= L /\ file + N.of_nat (length inputs) <= 2 ^ 60 /\
      Forall byte_list inputs /\ a_ok (base + file) a /\ tokens_rec_ok (base + file) tk
  end.

Definition scan_files_inv (L : N) (x : scan_files_args) : Prop := exists base, scan_files_at L base x.

(** ** Proofs *)

Ltac split4 := split; [|split; [|split]].

(** *** The tokens' state *)

Lemma labels_ok_mono : forall n n' m, n <= n' -> labels_ok n m -> labels_ok n' m.
Proof. intros; eapply map_ok_mono; eauto. Qed.

(** [Hex2Check.see_token] adds at most one label and one use. *)
Lemma see_token_facts : forall cfg h file off t nm,
  labels_ok nm (hc_labels h) ->
  labels_ok (nm + 1) (hc_labels (see_token cfg h file off t)) /\
  (length (hc_uses (see_token cfg h file off t)) <= S (length (hc_uses h)))%nat.
Proof.
  intros cfg [m al w0 w1 w2 w3 us] file off t nm Hm; cbn [hc_labels hc_uses] in *.
  assert (Hm1 : labels_ok (nm + 1) m) by (eapply labels_ok_mono; [|exact Hm]; lia).
  destruct t as [b|wd|n|kd fl p n [[bn bat]|]|kd fl p n| |]; cbn [see_token];
    repeat match goal with
           | |- context [match ?x with _ => _ end] => destruct x eqn:?
           | |- context [if ?x then _ else _] => destruct x eqn:?
           end;
    cbn [hc_labels hc_uses after_byte with_word with_align with_use length];
    try (split; [exact Hm1|lia]).
  split; [apply map_ok_add; [exact Hm|exact I]|lia].
Qed.

Lemma tokens_ok_mono : forall u u' h w f, u <= u' -> tokens_ok u h w f -> tokens_ok u' h w f.
Proof.
  intros u u' h w f Le (W & F & C & U & nm & Hm & Hn).
  refine (conj W (conj F (conj _ (conj U (ex_intro _ nm (conj Hm _)))))); lia.
Qed.

Lemma words_byte_ok : forall w, words_ok w ->
  words_ok (words_byte w) /\ words_count (words_byte w) <= words_count w.
Proof.
  intros [w0 w1 w2 w3] (H0 & H1 & H2 & H3); cbn in *.
  split; [split4; auto using earliest_empty_ok|unfold words_count; cbn; lia].
Qed.

Lemma words_add_ok : forall k file off n w, words_ok w ->
  words_ok (words_add k file off n w) /\ words_count (words_add k file off n w) = words_count w + 1.
Proof.
  intros k file off n [w0 w1 w2 w3] (H0 & H1 & H2 & H3); cbn in *.
  split; [split4; cbn [wd_0 wd_1 wd_2 wd_3]; auto using add_use_ok|].
  unfold words_count; cbn [wd_0 wd_1 wd_2 wd_3]; rewrite add_use_count; lia.
Qed.

Lemma with_align_fields : forall h al,
  hc_uses (with_align h al) = hc_uses h /\ hc_labels (with_align h al) = hc_labels h.
Proof. intros [m al0 v0 v1 v2 v3 us] al; split; reflexivity. Qed.

Lemma see_token_first_ok : forall u k cfg h w f file off t, tokens_ok u h w f ->
  tokens_rec_ok (u + 1) (see_token_first k cfg h w f file off t).
Proof.
  intros u k cfg h w f file off t (W & F & C & U & nm & Hm & Hn).
  destruct (words_byte_ok w W) as [Wb Cb].
  destruct t as [b|wd|n|kd fl p n bse|kd fl p n| |]; cbn [see_token_first];
    unfold tokens_rec_ok; cbn [tk_state tk_words tk_uses];
    lazymatch goal with
    | |- tokens_ok _ _ (words_byte _) _ =>
        refine (conj Wb (conj F (conj _ (conj U (ex_intro _ nm (conj Hm _)))))); lia
    | |- tokens_ok _ ?h' (words_add ?k ?file ?off ?n _) _ =>
        destruct (words_add_ok k file off n w W) as [Wn Cn];
        destruct (with_align_fields h false) as [Ua La];
        refine (conj Wn (conj F (conj _ (conj _ (ex_intro _ nm (conj _ _))))));
        first [lia|exact U|rewrite Ua; exact U|exact Hm|rewrite La; exact Hm]
    | |- tokens_ok _ (strip (see_token ?cfg ?h ?file ?off ?t)) _ _ =>
        destruct (see_token_facts cfg h file off t nm Hm) as [Hm' Hu]; rewrite U in Hu;
        cbn [length] in Hu;
        destruct (see_token cfg h file off t) as [m' al' v0 v1 v2 v3 us'];
        cbn [strip hc_uses hc_labels] in *;
        refine (conj W (conj (add_uses_ok _ _ _ F) (conj _ (conj eq_refl (ex_intro _ (nm + 1) (conj Hm' _))))));
        rewrite ?add_uses_count; lia
    end.
Qed.

Lemma end_of_file_ok : forall u k tk, tokens_rec_ok u tk -> tokens_rec_ok u (end_of_file_first k tk).
Proof.
  intros u k [h [w0 w1 w2 w3] f] ((H0 & H1 & H2 & H3) & F & C & U & nm & Hm & Hn);
    unfold words_count in C; cbn [end_of_file_first tk_state tk_words tk_uses wd_0 wd_1 wd_2 wd_3] in *.
  unfold tokens_rec_ok; cbn [tk_state tk_words tk_uses].
  refine (conj _ (conj _ (conj _ (conj U (ex_intro _ nm (conj Hm Hn)))))).
  - split4; exact earliest_empty_ok.
  - repeat apply merge_ok; assumption.
  - unfold words_count; cbn; rewrite !merge_count; lia.
Qed.

Lemma see_token_first_ops_ok : forall L u k cfg h w f file off t,
  n_in_range k -> tokens_ok u h w f -> u + 1 < 2 ^ 62 -> token_ok L t ->
  see_token_first_ops k cfg h w f file off t.
Proof.
  intros L u k cfg h w f file off t Hk (W & F & C & U & nm & Hm & Hn) Hu Ht.
  unfold words_count in C; unfold n_in_range in Hk.
  assert (Wo : add_use_ops k (wd_0 w)) by (unfold add_use_ops, n_in_range; split; [intros; lia|lia]).
  assert (S : add_uses_inv (k, hc_uses (see_token cfg h file off t), f)).
  { destruct (see_token_facts cfg h file off t nm Hm) as [_ Hl].
    rewrite U in Hl; cbn [length] in Hl; split; [exact Hk|unfold n_in_range; lia]. }
  destruct t as [b|wd|n|kd fl p n bse|kd fl p n| |]; cbn [see_token_first_ops]; auto;
    split; auto; intros n' E; try discriminate.
  injection E as <-; cbn [token_ok] in Ht.
  split; [eapply find_ops_ok; eauto|]. intros v; exists nm; split; [lia|eapply add_ops_ok; eauto].
Qed.

Lemma end_of_file_ops_ok : forall u k tk, n_in_range k -> tokens_rec_ok u tk -> u < 2 ^ 64 ->
  end_of_file_ops k tk.
Proof.
  intros u k [h [w0 w1 w2 w3] f] Hk ((H0 & H1 & H2 & H3) & F & C & U & nm & Hm & Hn) Hu;
    unfold words_count in C; cbn [tk_state tk_words tk_uses wd_0 wd_1 wd_2 wd_3] in *.
  cbn [end_of_file_ops]; cbv zeta.
  split; [apply merge_ops_ok; auto; lia|].
  split; [apply merge_ops_ok; auto; rewrite ?merge_count; lia|].
  split; apply merge_ops_ok; auto; rewrite ?merge_count; lia.
Qed.

(** *** The loop of the bytes *)

Lemma a_ok_mono : forall u u' a, u <= u' -> a_ok u a -> a_ok u' a.
Proof. intros u u' a Le [H1 H2]; split; [exact H1|lia]. Qed.

Lemma a_byte_ok : forall k cfg file off s count c a u, a_ok u a ->
  a_ok (u + 1)
    (match cbyte_quirk cfg s count c with
     | Some q => add_use k (mk_use q file off [] file (cname_start off s) 0%Z) a
     | None => a
     end).
Proof.
  intros k cfg file off s count c a u [H1 H2].
  destruct (cbyte_quirk cfg s count c); [|split; [exact H1|lia]].
  split; [apply add_use_ok, H1|rewrite add_use_count; lia].
Qed.

Lemma cend_uses_length : forall file off s count, (length (cend_uses file off s count) <= 2)%nat.
Proof.
  intros; unfold cend_uses; destruct (0 <? count), (cs_mode s); cbn [length]; lia.
Qed.

(** The body on a byte: [cstep] stands for the inline paths ([scan_bytes_first_cons]). *)
Lemma scan_bytes_body_cons : forall rec k cfg file off s count hold len c bs a h w f,
  scan_bytes_body rec (k, cfg, file, off, s, count, hold, len, c :: bs, a, h, w, f) =
  let a' :=
    match cbyte_quirk cfg s count c with
    | Some q => add_use k (mk_use q file off [] file (cname_start off s) 0%Z) a
    | None => a
    end in
  match cstep cfg file off s count hold len c bs with
  | mk_cres s' n hd ln ev v t =>
      match ev with
      | ev_none => rec (k, cfg, file, off + 1, s', n, hd, ln, bs, a', h, w, f)
      | ev_byte => rec (k, cfg, file, off + 1, s', n, hd, ln, bs, a', h, words_byte w, f)
      | ev_word => rec (k, cfg, file, off + 1, s', n, hd, ln, bs, a', h,
                        words_add k file (ctoken_offset s off) [] w, f)
      | ev_tok =>
          match see_token_first k cfg h w f file (ctoken_offset s off) t with
          | mk_tokens h' w' f' => rec (k, cfg, file, off + 1, s', n, hd, ln, bs, a', h', w', f')
          end
      | ev_nul => mk_hscan_first a' (mk_tokens h w f) false
      end
  end.
Proof.
  intros; unfold scan_bytes_body; cbn beta iota.
  destruct (is_data s) eqn:D.
  - destruct (digit_value (h2_byte_mode cfg) c) as [d|] eqn:V.
    + rewrite (cstep_data_digit cfg file off s count hold len c bs d D V).
      destruct (count + 1 =? digits_per_byte (h2_byte_mode cfg)); reflexivity.
    + destruct (blank c) eqn:B; [|reflexivity].
      rewrite (cstep_data_blank cfg file off s count hold len c bs D B); reflexivity.
  - destruct (name_byte s c) eqn:NB; [|reflexivity].
    rewrite (cstep_name_byte cfg file off s count hold len c bs NB); reflexivity.
Qed.

(** The arguments of the next call, for each thing a byte can do. *)
Lemma scan_bytes_next : forall L base k cfg file off s count hold len c bs a h w f a',
  scan_bytes_at L base (k, cfg, file, off, s, count, hold, len, c :: bs, a, h, w, f) ->
  a_ok (base + off + file + 1) a' ->
  let r := cstep cfg file off s count hold len c bs in
  let x h' w' f' :=
    (k, cfg, file, off + 1, cr_state r, cr_count r, cr_hold r, cr_len r, bs, a', h', w', f') in
  (cr_ev r = ev_none -> scan_bytes_at L base (x h w f)) /\
  (cr_ev r = ev_byte -> scan_bytes_at L base (x h (words_byte w) f)) /\
  (cr_ev r = ev_word ->
     scan_bytes_at L base (x h (words_add k file (ctoken_offset s off) [] w) f)) /\
  (cr_ev r = ev_tok -> forall h' w' f',
     see_token_first k cfg h w f file (ctoken_offset s off) (cr_tok r) = mk_tokens h' w' f' ->
     scan_bytes_at L base (x h' w' f')).
Proof.
  intros L base k cfg file off s count hold len c bs a h w f a' (Hk & Hl & Ha & Ht) Ha'; cbv zeta.
  pose proof (cstep_ok _ _ _ _ _ _ _ _ _ _ _ Hl) as [Hl' _].
  assert (E : base + (off + 1) + file = base + off + file + 1) by lia.
  pose proof Ht as (W & F & C & U & nm & Hm & Hn).
  split; [|split; [|split]]; [intros _..|intros _ h' w' f' Et]; cbn [scan_bytes_at];
    (split; [exact Hk|]); (split; [exact Hl'|]); rewrite E; (split; [exact Ha'|]).
  - eapply tokens_ok_mono; [|exact Ht]; lia.
  - destruct (words_byte_ok w W) as [Wb Cb].
    refine (conj Wb (conj F (conj _ (conj U (ex_intro _ nm (conj Hm _)))))); lia.
  - destruct (words_add_ok k file (ctoken_offset s off) [] w W) as [Wa Ca].
    refine (conj Wa (conj F (conj _ (conj U (ex_intro _ nm (conj Hm _)))))); lia.
  - pose proof (see_token_first_ok _ k cfg h w f file (ctoken_offset s off)
                  (cr_tok (cstep cfg file off s count hold len c bs)) Ht) as T.
    rewrite Et in T; exact T.
Qed.

Theorem scan_bytes_calls : forall L, calls_within scan_bytes_body (scan_bytes_inv L) (scan_bytes_inv L).
Proof.
  intros L [[[[[[[[[[[[k cfg] file] off] s] count] hold] len] bs] a] h] w] f] (base & Ha) g1 g2 E.
  destruct bs as [|c bs]; [reflexivity|].
  rewrite !scan_bytes_body_cons; cbv zeta.
  pose proof Ha as (_ & _ & Hu & _).
  pose proof (scan_bytes_next _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ Ha (a_byte_ok k cfg file off s count c a _ Hu))
    as (N0 & N1 & N2 & N3); cbv zeta in *.
  destruct (cstep cfg file off s count hold len c bs) as [s' n' h' ln' ev v t];
    cbn [cr_ev cr_state cr_count cr_hold cr_len cr_tok] in N0, N1, N2, N3.
  destruct ev; try reflexivity;
    try (apply E; exists base; first [exact (N0 eq_refl)|exact (N1 eq_refl)|exact (N2 eq_refl)]).
  destruct (see_token_first k cfg h w f file (ctoken_offset s off) t) as [h1 w1 f1] eqn:Et.
  apply E; exists base; exact (N3 eq_refl _ _ _ eq_refl).
Qed.

Lemma mk_hscan_first_inj : forall a tk ok a' tk' ok',
  mk_hscan_first a tk ok = mk_hscan_first a' tk' ok' -> a = a' /\ tk = tk'.
Proof. intros * E; injection E as E1 E2 _; auto. Qed.

(** What [scan_bytes_first] returns: the counts after every byte and the end of the file. *)
Lemma scan_bytes_result : forall L bs base k cfg file off s count hold len a h w f a' tk' ok,
  scan_bytes_at L base (k, cfg, file, off, s, count, hold, len, bs, a, h, w, f) ->
  scan_bytes_first k cfg file off s count hold len bs a h w f = mk_hscan_first a' tk' ok ->
  a_ok (base + off + N.of_nat (length bs) + file + 1) a' /\
  tokens_rec_ok (base + off + N.of_nat (length bs) + file + 1) tk'.
Proof.
  intros L bs; induction bs as [|c bs IH];
    intros base k cfg file off s count hold len a h w f a' tk' ok H R.
  - pose proof H as (_ & _ & [Ha1 Ha2] & Ht).
    cbn [length N.of_nat]; rewrite N.add_0_r.
    cbn [scan_bytes_first] in R.
    assert (A : a_ok (base + off + file + 1) (add_uses k (cend_uses file off s count) a)).
    { pose proof (cend_uses_length file off s count).
      split; [apply add_uses_ok, Ha1|rewrite add_uses_count; lia]. }
    assert (Ht1 : tokens_ok (base + off + file + 1) h w f) by (eapply tokens_ok_mono; [|exact Ht]; lia).
    destruct (cfinish file s len) as [[t|]|e];
      apply mk_hscan_first_inj in R; destruct R as [<- <-]; split; auto.
    apply see_token_first_ok, Ht.
  - rewrite scan_bytes_first_cons in R; cbv zeta in R.
    pose proof H as (_ & _ & Hu & Ht).
    pose proof (scan_bytes_next _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ H (a_byte_ok k cfg file off s count c a _ Hu))
      as (N0 & N1 & N2 & N3); cbv zeta in *.
    assert (Len : N.of_nat (length (c :: bs)) = 1 + N.of_nat (length bs)) by (cbn [length]; lia).
    rewrite Len.
    destruct (cstep cfg file off s count hold len c bs) as [s' n' h' ln' ev v t];
      cbn [cr_ev cr_state cr_count cr_hold cr_len cr_tok] in N0, N1, N2, N3.
    destruct ev.
    + destruct (IH _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ (N0 eq_refl) R) as [A1 A2].
      split; [eapply a_ok_mono; [|exact A1]|eapply tokens_ok_mono; [|exact A2]]; lia.
    + destruct (IH _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ (N1 eq_refl) R) as [A1 A2].
      split; [eapply a_ok_mono; [|exact A1]|eapply tokens_ok_mono; [|exact A2]]; lia.
    + destruct (IH _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ (N2 eq_refl) R) as [A1 A2].
      split; [eapply a_ok_mono; [|exact A1]|eapply tokens_ok_mono; [|exact A2]]; lia.
    + destruct (see_token_first k cfg h w f file (ctoken_offset s off) t) as [h1 w1 f1] eqn:Et.
      destruct (IH _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ (N3 eq_refl _ _ _ eq_refl) R) as [A1 A2].
      split; [eapply a_ok_mono; [|exact A1]|eapply tokens_ok_mono; [|exact A2]]; lia.
    + apply mk_hscan_first_inj in R; destruct R as [<- <-].
      split; [eapply a_ok_mono; [|apply a_byte_ok, Hu]; lia|].
      unfold tokens_rec_ok; cbn [tk_state tk_words tk_uses].
      eapply tokens_ok_mono; [|exact Ht]; lia.
Qed.

(** Within [scan_bytes_inv], every operation of an iteration of [scan_bytes_first] is in
    range. *)
Theorem scan_bytes_in_range : forall L x, L < 2 ^ 60 -> scan_bytes_inv L x -> scan_bytes_ops x.
Proof.
  intros L [[[[[[[[[[[[k cfg] file] off] s] count] hold] len] bs] a] h] w] f] HL
    (base & Hk & Hl & [Ha1 Ha2] & Ht).
  assert (U : base + off + file + N.of_nat (length bs) < L + 2 ^ 60)
    by (destruct Hl as (Hb & Hf & _); lia).
  destruct bs as [|c bs]; cbn [scan_bytes_ops].
  - split.
    + pose proof (cend_uses_length file off s count).
      split; [exact Hk|unfold n_in_range; lia].
    + intros t F. rewrite <- (cfinish_abs file s count hold len) in F.
      destruct (lex_finish_ok _ _ _ _ _ _ _ _ _ _ Hl F) as [_ Tok].
      eapply see_token_first_ops_ok; eauto. lia.
  - cbn [length] in U.
    split; [eapply step_ops_ok; eauto|].
    split; [intros q _; unfold add_use_ops, n_in_range in *; split; [intros; lia|lia]|].
    cbv zeta. pose proof (cstep_ok _ _ _ _ _ _ _ _ _ _ _ Hl) as [_ C].
    pose proof Ht as (W & F & Cw & Uh & nm & Hm & Hn); unfold words_count in Cw.
    split; [intros _; unfold add_use_ops, n_in_range in *; split; [intros; lia|lia]|].
    intros Ev; rewrite Ev in C; destruct C as (_ & Tok & _).
    eapply see_token_first_ops_ok; [exact Hk|exact Ht|lia|exact Tok].
Qed.

(** *** The loop of the files *)

Lemma scan_files_start : forall L base k cfg file bs rest a tk ok,
  scan_files_at L base (k, cfg, file, bs :: rest, a, tk, ok) ->
  scan_bytes_at L base
    (k, cfg, file, 0, cinit, 0, 0, 0, bs, a, tk_state tk, tk_words tk, tk_uses tk).
Proof.
  intros L base k cfg file bs rest a tk ok (Hk & T & F & B & Ha & Ht); rewrite total_cons in T.
  cbn [length] in F; inversion B; subst.
  refine (conj Hk (conj _ (conj _ _))); rewrite ?N.add_0_r; auto.
  unfold lex_ok; cbn [cinit cs_pos cs_wcount cs_wacc cs_bat cs_start cs_target].
  repeat match goal with |- _ /\ _ => split end; auto; try lia; try apply Forall_nil.
  destruct (h2_byte_mode cfg); cbn; lia.
Qed.

Theorem scan_files_calls : forall L,
  calls_within2 scan_files_body scan_bytes_call (scan_files_inv L) (scan_files_inv L)
    (scan_bytes_inv L).
Proof.
  intros L; split; [|intros f0];
    intros [[[[[[k cfg] file] inputs] a] [h w f]] ok] (base & Ha) g1 g2 E;
    destruct inputs as [|bs rest]; try reflexivity;
    cbn beta iota delta [scan_files_body scan_bytes_call].
  - pose proof (scan_files_start _ _ _ _ _ _ _ _ _ _ Ha) as S; cbn [tk_state tk_words tk_uses] in S.
    destruct (scan_bytes_first k cfg file 0 cinit 0 0 0 bs a h w f) as [a' tk' ok'] eqn:R.
    destruct (scan_bytes_result _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ S R) as [A T].
    destruct Ha as (Hk & Tb & F & B & _ & _); rewrite total_cons in Tb; cbn [length] in F.
    inversion B; subst.
    assert (Hn : forall tk'', tokens_rec_ok (base + N.of_nat (length bs) + (file + 1)) tk'' ->
              scan_files_inv L (k, cfg, file + 1, rest, a', tk'', (ok && ok')%bool)).
    { intros tk'' T''; exists (base + N.of_nat (length bs)).
      refine (conj Hk (conj _ (conj _ (conj H2 (conj _ T''))))); [lia|lia|].
      eapply a_ok_mono; [|exact A]; lia. }
    assert (T' : tokens_rec_ok (base + N.of_nat (length bs) + (file + 1)) tk')
      by (eapply tokens_ok_mono; [|exact T]; lia).
    destruct rest as [|b rest]; apply E, Hn; [exact T'|apply end_of_file_ok, T'].
  - erewrite E; [reflexivity|]. exists base; exact (scan_files_start _ _ _ _ _ _ _ _ _ _ Ha).
Qed.

Theorem scan_files_in_range : forall L x, L < 2 ^ 60 -> scan_files_inv L x -> scan_files_ops x.
Proof.
  intros L [[[[[[k cfg] file] inputs] a] tk] ok] HL (base & Ha).
  destruct inputs as [|bs rest]; cbn [scan_files_ops].
  - destruct Ha as (Hk & Tb & F & _ & [Ha1 Ha2] & Ht).
    pose proof Ht as (_ & H4 & Cw & _); unfold words_count in Cw.
    cbn [length] in F; apply merge_ops_ok; auto; lia.
  - pose proof (scan_files_start _ _ _ _ _ _ _ _ _ _ Ha) as S.
    destruct Ha as (Hk & Tb & F & _ & _ & _); rewrite total_cons in Tb; cbn [length] in F.
    split; [unfold n_in_range; lia|].
    intros a' tk' ok' R.
    destruct (scan_bytes_result _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ S R) as [_ T].
    eapply end_of_file_ops_ok; [exact Hk|exact T|lia].
Qed.

(** ** The theorem *)

(** [check_first k] starts its loop within its invariant. *)
Definition check_starts_within (L k : N) : Prop :=
  forall cfg inputs, inputs_within L inputs ->
    scan_files_inv L (k, cfg, 0, inputs, earliest_empty, tokens_init, true).

Lemma tokens_init_ok : tokens_rec_ok 0 tokens_init.
Proof.
  refine (conj _ (conj earliest_empty_ok (conj _ (conj eq_refl (ex_intro _ 0 (conj _ _)))))).
  - split4; exact earliest_empty_ok.
  - unfold words_count; cbn; lia.
  - apply map_ok_empty.
  - lia.
Qed.

Theorem check_starts : forall L k, n_in_range k -> check_starts_within L k.
Proof.
  intros L k Hk cfg inputs (T & F & B); exists 0.
  refine (conj Hk (conj _ (conj _ (conj B (conj _ tokens_init_ok))))); [lia|lia|].
  split; [exact earliest_empty_ok|cbn; lia].
Qed.

(** Every loop of a run calls itself, and the loops below it, only within its invariant (the
    loops of the map as Bounds.v states them). *)
Definition check_loops_closed (L : N) : Prop :=
  calls_within2 scan_files_body scan_bytes_call (scan_files_inv L) (scan_files_inv L)
    (scan_bytes_inv L) /\
  calls_within scan_bytes_body (scan_bytes_inv L) (scan_bytes_inv L) /\
  calls_within add_uses_body add_uses_inv add_uses_inv /\
  calls_within take_onto_body take_onto_inv take_onto_inv.

(** Within its invariant, every operation of an iteration of a loop is in range, and so is every
    operation of the functions it calls, or the calls start within their loops' invariants. *)
Definition check_iterations_in_range (L : N) : Prop :=
  (forall x, scan_files_inv L x -> scan_files_ops x) /\
  (forall x, scan_bytes_inv L x -> scan_bytes_ops x) /\
  (forall x, add_uses_inv x -> add_uses_ops x) /\
  (forall x, take_onto_inv x -> take_onto_ops x).

(** [check_values_bounded]: for every [k] below 2^64 (the drop-ins pass 100) and inputs of at
    most [max_input_bytes] bytes together, [check_first k] (`hex2 --strict`) starts its loop
    within its invariant, each loop calls itself and the loops below it only within theirs, and
    within them every operation that can leave the 64-bit range of the reference engine stays
    inside it (proofs/bounds_inventory.txt ties each one of extracted/gen to its predicate). *)
Theorem check_values_bounded : forall k, n_in_range k ->
  check_starts_within max_input_bytes k /\ check_loops_closed max_input_bytes /\
  check_iterations_in_range max_input_bytes /\ bytemap_in_range.
Proof.
  intros k Hk.
  assert (HL : max_input_bytes < 2 ^ 60) by (unfold max_input_bytes; lia).
  split; [apply check_starts; exact Hk|].
  split; [split; [apply scan_files_calls|]; split; [apply scan_bytes_calls|];
          split; [exact add_uses_calls|exact take_onto_calls]|].
  split; [|exact bytemap_bounded].
  split; [intros x; apply scan_files_in_range; exact HL|].
  split; [intros x; apply scan_bytes_in_range; exact HL|].
  split; [exact add_uses_in_range|exact take_onto_in_range].
Qed.
