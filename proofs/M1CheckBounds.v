(** * M1CheckBounds: every value M1's bounded strict checker computes stays within 64 bits. *)

(** [M1CheckFirst.check_first k cfg inputs], which `M1 --strict` runs, adds offsets ([pos + 1],
    [len + 1]), file numbers ([file + 1]) and counts of uses ([FirstUses.add_use],
    [merge_earliest]), and looks names up in and adds them to the map of DEFINE places, and reads
    numbers with [strtoint]. For inputs within [inputs_within L] (Hex2Bounds.v) and any [k] below
    2^64, every such operation of a run is in range ([check_values_bounded]), in the structure of
    M1Bounds.v: invariants of the loops ([scan_inputs_inv], [scan_chars_inv], [see_raws_inv],
    [FirstUsesBounds.add_uses_inv]), [calls_within] theorems on the loops' own bodies, and a
    predicate per function listing its operations ([scan_chars_ops], ...).

    The counts: a run reads [B] units, a unit being a byte or the end of a file
    ([B <= L + 2^60]). Each unit adds at most one use in bytes and ends ([a_ok]), and completes
    at most two tokens, each of which adds at most two uses in tokens and one DEFINE to the map
    ([tokens_ok]); pass B starts from pass A's uses in tokens. So at most [B] uses in bytes,
    [8 B] in tokens and [2 B] DEFINEs: [10 B < 2^64] keeps all of them, and their sum, in
    range. *)

From Coq Require Import NArith ZArith List Lia.
From Hexproof.Spec Require Import Common Quirks Strtoint M1Lex M1Eval M1Spec CommandLine.
From Hexproof.Proofs Require Import ByteMap OutBuf Bounds FirstUses FirstUsesBounds M1Exec M1Check
  M1CheckFirst Hex2Bounds M1Bounds.
Import ListNotations.
Local Open Scope N_scope.

(** ** The operations of each function *)

(** A token's text is bytes. *)
Definition token_bytes (t : token) : Prop := byte_list (token_text t).

(** The tokens of a DEFINE being scanned. *)
Definition dscan_ok (sc : dscan) : Prop :=
  match sc with
  | ds_none => True
  | ds_name d => token_bytes d
  | ds_value d n => token_bytes d /\ token_bytes n
  end.

Definition defs_ok (nm : N) (defs : ByteMap.t ((N * N) * (N * N))) : Prop :=
  map_ok (fun _ => True) nm defs.

(** Pass B's [see_word] of the word [s]: its lookup, and [strtoint] of [s] and of its tail
    ([immediate_field], [octal_wide]). *)
Definition see_word_ops (defs : ByteMap.t ((N * N) * (N * N))) (s : bytes) : Prop :=
  find_in_range s defs /\ strtoint_ops s /\ strtoint_ops (tl s).

(** [see_raw pass cfg m t]: pass B looks at a word; pass A, after a DEFINE's name, looks the name
    up and adds it. *)
Definition see_raw_ops (pass : bool) (m : mcheck) (t : token) : Prop :=
  if pass then forall s f o, t = Word s f o -> see_word_ops (mc_defs m) s
  else forall d n, mc_scan m = ds_value d n ->
    find_in_range (token_text n) (mc_defs m) /\
    forall v, add_in_range (token_text n) v (mc_defs m).

Definition see_raws_args : Type := bool * m1_config * mcheck * list token.

Definition see_raws_body (rec : see_raws_args -> mcheck) (x : see_raws_args) : mcheck :=
  match x with
  | (pass, cfg, m, ts) =>
      match ts with
      | [] => see_raws pass cfg m []
      | t :: ts' => ltac:(body_of see_raws (see_raws pass cfg m (t :: ts'))
                           (fun pass cfg m ts => rec (pass, cfg, m, ts)))
      end
  end.

(** The tokens are bytes, and in pass A, the map has room for a DEFINE per token. *)
Definition see_raws_inv (x : see_raws_args) : Prop :=
  match x with
  | (pass, cfg, m, ts) =>
      Forall token_bytes ts /\ dscan_ok (mc_scan m) /\
      exists nm, defs_ok nm (mc_defs m) /\ (pass = false -> nm + N.of_nat (length ts) < 2 ^ 62)
  end.

Definition see_raws_ops (x : see_raws_args) : Prop :=
  match x with
  | (pass, cfg, m, []) => True
  | (pass, cfg, m, t :: _) => see_raw_ops pass m t
  end.

(** [add_token_uses pass k m t]: the uses of the tokens added to [t]. *)
Definition token_uses_ops (pass : bool) (k : N) (m : mcheck) (t : earliest) : Prop :=
  if pass then add_uses_inv (k, mc_octal m, t) /\ add_uses_inv (k, mc_uses m, add_uses k (mc_octal m) t)
  else add_uses_inv (k, mc_uses m, t).

(** [mstep]: [len + 1]. *)
Definition mstep_ops (len : N) : Prop := n_in_range (len + 1).

Definition scan_chars_args : Type :=
  bool * N * m1_config * N * N * M1Exec.lex_mode * N * N * bytes * N * bool * bytes * earliest
  * mcheck * earliest.

Definition scan_chars_body (rec : scan_chars_args -> mscan_first) (x : scan_chars_args)
  : mscan_first :=
  match x with
  | (pass, k, cfg, file, pos, mode, start, q, tok, len, w, s, a, m, t) =>
      match s with
      | [] => scan_chars_first pass k cfg file pos mode start q tok len w [] a m t
      | c :: s' =>
          ltac:(body_of scan_chars_first
                  (scan_chars_first pass k cfg file pos mode start q tok len w (c :: s') a m t)
                  (fun pass k cfg file pos mode start q tok len w s a m t =>
                     rec (pass, k, cfg, file, pos, mode, start, q, tok, len, w, s, a, m, t)))
      end
  end.

Definition scan_chars_call (x : scan_chars_args) : mscan_first :=
  match x with
  | (pass, k, cfg, file, pos, mode, start, q, tok, len, w, s, a, m, t) =>
      scan_chars_first pass k cfg file pos mode start q tok len w s a m t
  end.

(** One iteration: [pos + 1], [len + 1] ([mstep_ops]), a use in the byte, and the tokens the
    byte completes; at the end of the file, its uses and its last tokens and line end. *)
Definition scan_chars_ops (x : scan_chars_args) : Prop :=
  match x with
  | (pass, k, cfg, file, pos, mode, start, q, tok, len, w, s, a, m, t) =>
      match s with
      | [] =>
          (pass = false -> add_uses_inv (k, mend_use file pos mode w, a)) /\
          forall ts, meof_step file mode start tok len = Ok ts ->
            see_raws_inv (pass, cfg, m, ts) /\ see_raw_ops pass (see_raws pass cfg m ts) Newline /\
            token_uses_ops pass k (see_raw pass cfg (see_raws pass cfg m ts) Newline) t
      | c :: _ =>
          n_in_range (pos + 1) /\ mstep_ops len /\
          (pass = false -> forall kq, mchar_quirk mode c = Some kq -> add_use_ops k a) /\
          let ts := mr_tokens (mstep file pos mode start q tok len c s) in
          see_raws_inv (pass, cfg, m, ts) /\ token_uses_ops pass k (see_raws pass cfg m ts) t
      end
  end.

Definition scan_inputs_args : Type :=
  bool * N * m1_config * N * list bytes * earliest * mcheck * earliest * bool.

Definition scan_inputs_body (rec : scan_inputs_args -> mscan_first)
    (rc : scan_chars_args -> mscan_first) (x : scan_inputs_args) : mscan_first :=
  match x with
  | (pass, k, cfg, file, inputs, a, m, t, ok) =>
      match inputs with
      | [] => scan_inputs_first pass k cfg file [] a m t ok
      | f :: fs =>
          ltac:(body2_of_at scan_inputs_first scan_inputs_first scan_chars_first
                  (scan_inputs_first pass k cfg file (f :: fs) a m t ok)
                  (fun pass k cfg file inputs a m t ok => rec (pass, k, cfg, file, inputs, a, m, t, ok))
                  (fun pass k cfg file pos mode start q tok len w s a m t =>
                     rc (pass, k, cfg, file, pos, mode, start, q, tok, len, w, s, a, m, t)))
      end
  end.

(** [file + 1]. *)
Definition scan_inputs_ops (x : scan_inputs_args) : Prop :=
  match x with
  | (pass, k, cfg, file, [], a, m, t, ok) => True
  | (pass, k, cfg, file, _ :: _, a, m, t, ok) => n_in_range (file + 1)
  end.

(** ** The invariants *)

(** The uses in bytes and ends after [u] units: at most one per unit. *)
Definition a_ok (u : N) (a : earliest) : Prop := earliest_ok a /\ ea_count a <= u.

(** The token scan after [u] units, from [T0] uses in tokens and [N0] DEFINEs: at most four
    uses and two DEFINEs per unit; the state carried holds no use. *)
Definition tokens_ok (T0 N0 u : N) (m : mcheck) (t : earliest) : Prop :=
  earliest_ok t /\ ea_count t <= T0 + 4 * u /\ mc_uses m = [] /\ mc_octal m = [] /\
  dscan_ok (mc_scan m) /\ exists nm, defs_ok nm (mc_defs m) /\ nm <= N0 + 2 * u.

(** Pass A starts from nothing; pass B from at most what [B] units give pass A. *)
Definition start_ok (B T0 N0 : N) (pass : bool) : Prop :=
  T0 <= 4 * B /\ N0 <= 2 * B /\ (pass = false -> N0 = 0).

(** The token being read ([len] bytes from [start], [tok] the input there), before [s]. *)
Definition tok_state (mode : M1Exec.lex_mode) (start len pos : N) (tok s : bytes) : Prop :=
  if token_mode mode
  then start + len = pos /\ 1 <= len /\ byte_list tok /\ N.of_nat (length tok) = len + N.of_nat (length s)
  else len = 0 /\ tok = [].

(** [scan_chars_first] at [pos] of file [file], after [base] bytes of earlier files; the units
    of the whole run are at most [B]. *)
Definition scan_chars_at (B base T0 N0 : N) (x : scan_chars_args) : Prop :=
  match x with
  | (pass, k, cfg, file, pos, mode, start, q, tok, len, w, s, a, m, t) =>
      start_ok B T0 N0 pass /\ n_in_range k /\
      base + pos + N.of_nat (length s) + file + 1 <= B /\ byte_list s /\
      tok_state mode start len pos tok s /\
      a_ok (base + pos + file) a /\ tokens_ok T0 N0 (base + pos + file) m t
  end.

Definition scan_chars_inv (B : N) (x : scan_chars_args) : Prop :=
  exists base T0 N0, scan_chars_at B base T0 N0 x.

Definition scan_inputs_at (B base T0 N0 : N) (x : scan_inputs_args) : Prop :=
  match x with
  | (pass, k, cfg, file, inputs, a, m, t, ok) =>
      start_ok B T0 N0 pass /\ n_in_range k /\
      base + total_bytes inputs + file + N.of_nat (length inputs) <= B /\
      Forall byte_list inputs /\ a_ok (base + file) a /\ tokens_ok T0 N0 (base + file) m t
  end.

Definition scan_inputs_inv (B : N) (x : scan_inputs_args) : Prop :=
  exists base T0 N0, scan_inputs_at B base T0 N0 x.

(** ** Proofs *)

(** *** The tokens *)

Lemma token_text_bytes : forall t, (forall s f o, t = Word s f o -> byte_list s) -> token_bytes t.
Proof.
  intros [|s f o] H; unfold token_bytes; cbn [token_text];
    [repeat constructor; cbv; discriminate|eapply H; reflexivity].
Qed.

Lemma defs_ok_mono : forall n n' d, n <= n' -> defs_ok n d -> defs_ok n' d.
Proof. intros; eapply map_ok_mono; eauto. Qed.

Ltac split4 := split; [|split; [|split]].

(** [see_word] adds at most one use of each kind. *)
Ltac see_word_lengths :=
  unfold see_word;
  repeat match goal with
         | |- context [match ?x with _ => _ end] => destruct x
         | |- context [if ?x then _ else _] => destruct x
         end; cbn [fst snd length app]; lia.

(** What [see_raw] does to the state: a DEFINE in pass A, at most one use of each kind. *)
Lemma see_raw_facts : forall pass cfg m t nm,
  token_bytes t -> dscan_ok (mc_scan m) -> defs_ok nm (mc_defs m) ->
  let m' := see_raw pass cfg m t in
  dscan_ok (mc_scan m') /\
  (if pass then mc_defs m' = mc_defs m else defs_ok (nm + 1) (mc_defs m')) /\
  (length (mc_uses m') <= S (length (mc_uses m)))%nat /\
  (length (mc_octal m') <= S (length (mc_octal m)))%nat.
Proof.
  intros pass cfg [q sc defs us octs] t nm Ht Hs Hd; cbn [mc_scan mc_defs mc_uses mc_octal] in *.
  cbv zeta. unfold see_raw.
  assert (Hd1 : defs_ok (nm + 1) defs) by (eapply defs_ok_mono; [|exact Hd]; lia).
  assert (G : let m' := see_token pass cfg (mk_mcheck q sc defs us octs) t in
    dscan_ok (mc_scan m') /\
    (if pass then mc_defs m' = defs else defs_ok (nm + 1) (mc_defs m')) /\
    (length (mc_uses m') <= S (length us))%nat /\ (length (mc_octal m') <= S (length octs))%nat).
  { cbv zeta; unfold see_token; cbn [mc_scan mc_defs mc_uses mc_octal].
    destruct sc as [|d|d n]; cbn [dscan_ok] in Hs; destruct pass.
    - unfold see_word_in; destruct t as [|s f o]; cbn [mc_scan mc_defs mc_uses mc_octal dscan_ok].
      + destruct (is_define_token Newline); cbn [dscan_ok]; split4; auto.
      + rewrite see_word_app; cbn [mc_scan mc_defs mc_uses mc_octal].
        destruct (is_define_token (Word s f o)); cbn [dscan_ok]; split4; auto;
          see_word_lengths.
    - destruct (is_define_token t); cbn [mc_scan mc_defs mc_uses mc_octal dscan_ok];
        split4; auto.
    - unfold see_word_in; destruct t as [|s f o]; cbn [mc_scan mc_defs mc_uses mc_octal dscan_ok].
      + split4; auto.
      + rewrite see_word_app; cbn [mc_scan mc_defs mc_uses mc_octal dscan_ok]; split4; auto;
          see_word_lengths.
    - cbn [mc_scan mc_defs mc_uses mc_octal dscan_ok]; split4; auto.
    - unfold see_word_in; destruct t as [|s f o]; cbn [mc_scan mc_defs mc_uses mc_octal dscan_ok].
      + split4; auto.
      + rewrite see_word_app; cbn [mc_scan mc_defs mc_uses mc_octal dscan_ok]; split4; auto;
          see_word_lengths.
    - unfold see_define. destruct (place d) as [f o].
      destruct (ByteMap.find (token_text n) defs) as [[[f0 o0] latest]|];
        cbn [mc_scan mc_defs mc_uses mc_octal dscan_ok length]; split4; auto; try lia;
        (apply map_ok_add; [exact Hd|exact I]). }
  destruct t; [destruct q|]; cbn [mc_scan mc_defs mc_uses mc_octal]; auto.
  split4; auto; destruct pass; auto.
Qed.

Lemma see_raws_facts : forall pass cfg ts m nm,
  Forall token_bytes ts -> dscan_ok (mc_scan m) -> defs_ok nm (mc_defs m) ->
  let m' := see_raws pass cfg m ts in
  dscan_ok (mc_scan m') /\
  (if pass then mc_defs m' = mc_defs m else defs_ok (nm + N.of_nat (length ts)) (mc_defs m')) /\
  (length (mc_uses m') <= length ts + length (mc_uses m))%nat /\
  (length (mc_octal m') <= length ts + length (mc_octal m))%nat.
Proof.
  intros pass cfg ts; induction ts as [|t ts IH]; intros m nm Hts Hs Hd; cbv zeta;
    cbn [see_raws length].
  - split4; auto; destruct pass; auto; eapply defs_ok_mono; [|exact Hd]; lia.
  - inversion Hts as [|? ? Ht Hts']; subst.
    destruct (see_raw_facts pass cfg m t nm Ht Hs Hd) as (S1 & D1 & U1 & O1); cbv zeta in *.
    destruct pass.
    + destruct (IH (see_raw true cfg m t) nm Hts' S1 ltac:(rewrite D1; exact Hd))
        as (S2 & D2 & U2 & O2).
      split4; auto; [congruence|lia|lia].
    + destruct (IH (see_raw false cfg m t) (nm + 1) Hts' S1 D1) as (S2 & D2 & U2 & O2).
      split4; auto; [|lia|lia]. eapply defs_ok_mono; [|exact D2]; lia.
Qed.

Lemma see_raw_ops_ok : forall pass m t nm,
  token_bytes t -> dscan_ok (mc_scan m) -> defs_ok nm (mc_defs m) -> (pass = false -> nm < 2 ^ 62) ->
  see_raw_ops pass m t.
Proof.
  intros [] m t nm Ht Hs Hd Hn; cbn [see_raw_ops].
  - intros s f o ->; unfold token_bytes in Ht; cbn [token_text] in Ht.
    assert (Htl : byte_list (tl s)) by (destruct s; [constructor|inversion Ht; auto]).
    split; [eapply find_ops_ok; eauto|]. split; apply strtoint_ops_ok; assumption.
  - intros d n E; rewrite E in Hs; destruct Hs as [_ Hn'].
    split; [eapply find_ops_ok; eauto|]. intros v; eapply add_in_range_ok; eauto.
Qed.

Theorem see_raws_calls : calls_within see_raws_body see_raws_inv see_raws_inv.
Proof.
  intros [[[pass cfg] m] [|t ts]] (Hts & Hs & nm & Hd & Hn) f g E; unfold see_raws_body;
    cbn beta iota; [reflexivity|].
  apply E. inversion Hts as [|? ? Ht Hts']; subst.
  destruct (see_raw_facts pass cfg m t nm Ht Hs Hd) as (S1 & D1 & _ & _); cbv zeta in *.
  split; [exact Hts'|]; split; [exact S1|].
  destruct pass.
  - exists nm; rewrite D1; split; [exact Hd|discriminate].
  - exists (nm + 1); split; [exact D1|]. intros H; specialize (Hn H); cbn [length] in Hn; lia.
Qed.

Theorem see_raws_in_range : forall x, see_raws_inv x -> see_raws_ops x.
Proof.
  intros [[[pass cfg] m] [|t ts]] (Hts & Hs & nm & Hd & Hn); cbn [see_raws_ops]; [exact I|].
  inversion Hts; subst; eapply see_raw_ops_ok; eauto.
  intros H; specialize (Hn H); cbn [length] in Hn; lia.
Qed.

Lemma see_raws_snoc : forall pass cfg ts m t,
  see_raws pass cfg m (ts ++ [t]) = see_raw pass cfg (see_raws pass cfg m ts) t.
Proof. intros pass cfg ts; induction ts as [|t0 ts IH]; intros m t; cbn; auto. Qed.

(** *** A byte, the end of a file *)

Lemma mstep_ok : forall file pos mode start q tok len c s,
  byte_list (c :: s) -> tok_state mode start len pos tok (c :: s) ->
  let r := mstep file pos mode start q tok len c (c :: s) in
  tok_state (mr_mode r) (mr_start r) (mr_len r) (pos + 1) (mr_tok r) s /\
  Forall token_bytes (mr_tokens r) /\ (length (mr_tokens r) <= 2)%nat.
Proof.
  intros file pos mode start q tok len c s Hs Ht; cbv zeta.
  assert (NL : token_bytes Newline) by (apply token_text_bytes; discriminate).
  assert (WE : forall text after, byte_list text -> Forall token_bytes after ->
            (length after <= 1)%nat ->
            let r := word_end file start text after in
            tok_state (mr_mode r) (mr_start r) (mr_len r) (pos + 1) (mr_tok r) s /\
            Forall token_bytes (mr_tokens r) /\ (length (mr_tokens r) <= 2)%nat).
  { intros text after Bt Ba La; cbv zeta; unfold word_end.
    destruct (has_nul text); cbn [mr_mode mr_start mr_len mr_tok mr_tokens tok_state token_mode length];
      (split; [split; reflexivity|]); (split; [|cbn [length]; lia]); [constructor|].
    constructor; [|exact Ba]. apply token_text_bytes; intros ? ? ? E; injection E as <- _ _; exact Bt. }
  inversion Hs as [|? ? Hc Hs']; subst.
  destruct mode; cbn [mstep]; unfold tok_state in Ht; cbn [token_mode] in Ht.
  - repeat match goal with |- context [if ?b then _ else _] => destruct b end;
      cbn [mr_mode mr_start mr_len mr_tok mr_tokens tok_state token_mode length];
      (split; [|split; [repeat constructor; auto|cbn; lia]]); try (split; reflexivity).
    all: cbn [length]; repeat split; try lia; assumption.
  - destruct (is_comment_end c); cbn [mr_mode mr_start mr_len mr_tok mr_tokens tok_state token_mode length];
      split; auto.
  - destruct Ht as (H1 & H2 & H3 & H4); cbn [length] in H4.
    assert (Bt : byte_list (take_bytes len tok)) by (apply take_bytes_bytes; exact H3).
    destruct (is_blank c); [apply WE; auto|].
    destruct (N.eqb c ch_lf); [apply WE; auto|].
    cbn [mr_mode mr_start mr_len mr_tok mr_tokens tok_state token_mode length].
    split; [repeat split; auto; lia|split; auto].
  - destruct Ht as (H1 & H2 & H3 & H4); cbn [length] in H4.
    assert (Bt : byte_list (take_bytes len tok)) by (apply take_bytes_bytes; exact H3).
    destruct (N.eqb c q); [apply WE; auto|].
    cbn [mr_mode mr_start mr_len mr_tok mr_tokens tok_state token_mode length].
    split; [repeat split; auto; lia|split; auto].
Qed.

Lemma meof_step_ok : forall file mode start tok len ts, byte_list (take_bytes len tok) ->
  meof_step file mode start tok len = Ok ts ->
  Forall token_bytes ts /\ (length ts <= 1)%nat.
Proof.
  intros file mode start tok len ts Bt E; destruct mode; cbn [meof_step] in E; try discriminate;
    try (injection E as <-; split; [constructor|cbn; lia]).
  destruct (has_nul (take_bytes len tok)); [discriminate|]; injection E as <-.
  split; [|cbn; lia]. constructor; [|constructor].
  apply token_text_bytes; intros ? ? ? W; injection W as <- _ _; exact Bt.
Qed.

(** *** The counts *)

Lemma a_ok_mono : forall u u' a, u <= u' -> a_ok u a -> a_ok u' a.
Proof. intros u u' a Le [H1 H2]; split; [exact H1|lia]. Qed.

Lemma tokens_ok_mono : forall T0 N0 u u' m t, u <= u' -> tokens_ok T0 N0 u m t -> tokens_ok T0 N0 u' m t.
Proof.
  intros T0 N0 u u' m t Le (H1 & H2 & H3 & H4 & H5 & nm & H6 & H7).
  refine (conj H1 (conj _ (conj H3 (conj H4 (conj H5 (ex_intro _ nm (conj H6 _))))))); lia.
Qed.

(** The use a byte may make in pass A. *)
Lemma a_byte_ok : forall (pass : bool) k file pos mode start c a u, a_ok u a ->
  a_ok (u + 1)
    (if pass then a
     else match mchar_quirk mode c with
          | Some kq => add_use k (mk_use kq file pos [] file (matom_start pos mode start) 0%Z) a
          | None => a
          end).
Proof.
  intros pass k file pos mode start c a u [H1 H2].
  destruct pass; [split; [exact H1|lia]|].
  destruct (mchar_quirk mode c); [|split; [exact H1|lia]].
  split; [apply add_use_ok, H1|rewrite add_use_count; lia].
Qed.

Lemma mend_use_length : forall file pos mode w, (length (mend_use file pos mode w) <= 1)%nat.
Proof. intros; destruct mode; cbn; try destruct w; cbn; lia. Qed.

Lemma a_end_ok : forall (pass : bool) k file pos mode w a u, a_ok u a ->
  a_ok (u + 1) (if pass then a else add_uses k (mend_use file pos mode w) a).
Proof.
  intros pass k file pos mode w a u [H1 H2]; destruct pass; [split; [exact H1|lia]|].
  pose proof (mend_use_length file pos mode w).
  split; [apply add_uses_ok, H1|rewrite add_uses_count; lia].
Qed.

Lemma strip_fields : forall m,
  mc_uses (strip m) = [] /\ mc_octal (strip m) = [] /\ mc_scan (strip m) = mc_scan m /\
  mc_defs (strip m) = mc_defs m.
Proof. intros [q sc defs us octs]; repeat split. Qed.

Lemma token_uses_count : forall pass k m t,
  ea_count (add_token_uses pass k m t)
  <= ea_count t + N.of_nat (length (mc_uses m)) + N.of_nat (length (mc_octal m)).
Proof.
  intros [] k m t; unfold add_token_uses; rewrite ?add_uses_count; lia.
Qed.

Lemma token_uses_ok : forall pass k m t, earliest_ok t -> earliest_ok (add_token_uses pass k m t).
Proof. intros [] k m t H; unfold add_token_uses; repeat apply add_uses_ok; exact H. Qed.

(** At most two tokens: at most four uses in tokens and two DEFINEs. *)
Lemma tokens_step : forall T0 N0 u pass k cfg m t ts,
  tokens_ok T0 N0 u m t -> Forall token_bytes ts -> (length ts <= 2)%nat ->
  let m' := see_raws pass cfg m ts in
  tokens_ok T0 N0 (u + 1) (strip m') (add_token_uses pass k m' t).
Proof.
  intros T0 N0 u pass k cfg m t ts (H1 & H2 & H3 & H4 & H5 & nm & H6 & H7) Hts Lts; cbv zeta.
  destruct (see_raws_facts pass cfg ts m nm Hts H5 H6) as (S & D & U & O); cbv zeta in *.
  rewrite H3 in U; rewrite H4 in O; cbn [length] in U, O.
  pose proof (token_uses_count pass k (see_raws pass cfg m ts) t) as C.
  destruct (strip_fields (see_raws pass cfg m ts)) as (E1 & E2 & E3 & E4).
  split; [apply token_uses_ok, H1|]; split; [lia|].
  split; [exact E1|]; split; [exact E2|]; split; [rewrite E3; exact S|].
  rewrite E4; destruct pass.
  - exists nm; rewrite D; split; [exact H6|lia].
  - exists (nm + N.of_nat (length ts)); split; [exact D|lia].
Qed.

(** The next tokens, at most two: [see_raws] and [add_token_uses] start within range. *)
Lemma tokens_ops_ok : forall T0 N0 u pass k cfg m t ts,
  n_in_range k -> tokens_ok T0 N0 u m t -> Forall token_bytes ts -> (length ts <= 2)%nat ->
  T0 + 4 * u + 4 < 2 ^ 64 -> (pass = false -> N0 + 2 * u + 2 < 2 ^ 62) ->
  see_raws_inv (pass, cfg, m, ts) /\ token_uses_ops pass k (see_raws pass cfg m ts) t.
Proof.
  intros T0 N0 u pass k cfg m t ts Hk (H1 & H2 & H3 & H4 & H5 & nm & H6 & H7) Hts Lts R RA.
  destruct (see_raws_facts pass cfg ts m nm Hts H5 H6) as (S & D & U & O); cbv zeta in *.
  rewrite H3 in U; rewrite H4 in O; cbn [length] in U, O.
  split.
  - split; [exact Hts|]; split; [exact H5|]; exists nm; split; [exact H6|].
    intros P; specialize (RA P); lia.
  - destruct pass; unfold token_uses_ops, add_uses_inv, n_in_range; [rewrite add_uses_count|];
      repeat split; unfold n_in_range in Hk; lia.
Qed.

Lemma mstep_eq_ok : forall file pos mode start q tok len c s r,
  byte_list (c :: s) -> tok_state mode start len pos tok (c :: s) ->
  mstep file pos mode start q tok len c (c :: s) = r ->
  tok_state (mr_mode r) (mr_start r) (mr_len r) (pos + 1) (mr_tok r) s /\
  Forall token_bytes (mr_tokens r) /\ (length (mr_tokens r) <= 2)%nat.
Proof. intros; subst; apply mstep_ok; assumption. Qed.

(** *** The loop of the bytes *)

Lemma scan_chars_next : forall B base T0 N0 pass k cfg file pos mode start q tok len w c s a m t
    mode' start' q' tok' len' w' a' m' t',
  scan_chars_at B base T0 N0 (pass, k, cfg, file, pos, mode, start, q, tok, len, w, c :: s, a, m, t) ->
  tok_state mode' start' len' (pos + 1) tok' s ->
  a_ok (base + pos + file + 1) a' -> tokens_ok T0 N0 (base + pos + file + 1) m' t' ->
  scan_chars_at B base T0 N0 (pass, k, cfg, file, pos + 1, mode', start', q', tok', len', w', s, a', m', t').
Proof.
  intros until t'; intros (St & Hk & Hl & Hs & _ & _ & _) Ht Ha Htk.
  inversion Hs; subst; cbn [length] in Hl.
  refine (conj St (conj Hk (conj _ (conj _ (conj Ht (conj _ _)))))); [lia|assumption| |].
  - eapply a_ok_mono; [|exact Ha]; lia.
  - eapply tokens_ok_mono; [|exact Htk]; lia.
Qed.

(** An iteration of [scan_chars_first] on a byte, whatever its own function: the next call is
    within the invariant, one byte further on, or it stops on an error. *)
Lemma scan_chars_step : forall B base T0 N0 pass k cfg file pos mode start q tok len w c s a m t rec1 rec2,
  scan_chars_at B base T0 N0 (pass, k, cfg, file, pos, mode, start, q, tok, len, w, c :: s, a, m, t) ->
  (exists mode' start' q' tok' len' w' a' m' t',
     scan_chars_body rec1 (pass, k, cfg, file, pos, mode, start, q, tok, len, w, c :: s, a, m, t)
     = rec1 (pass, k, cfg, file, pos + 1, mode', start', q', tok', len', w', s, a', m', t') /\
     scan_chars_body rec2 (pass, k, cfg, file, pos, mode, start, q, tok, len, w, c :: s, a, m, t)
     = rec2 (pass, k, cfg, file, pos + 1, mode', start', q', tok', len', w', s, a', m', t') /\
     scan_chars_at B base T0 N0 (pass, k, cfg, file, pos + 1, mode', start', q', tok', len', w', s, a', m', t'))
  \/ (exists a',
       scan_chars_body rec1 (pass, k, cfg, file, pos, mode, start, q, tok, len, w, c :: s, a, m, t)
       = mk_mscan_first a' m t false /\
       scan_chars_body rec2 (pass, k, cfg, file, pos, mode, start, q, tok, len, w, c :: s, a, m, t)
       = mk_mscan_first a' m t false /\ a_ok (base + pos + file + 1) a').
Proof.
  intros B base T0 N0 pass k cfg file pos mode start q tok len w c s a m t rec1 rec2 H.
  pose proof H as (St & Hk & Hl & Hs & Ht & Ha & Htk).
  pose proof (a_byte_ok pass k file pos mode start c a _ Ha) as Ha'.
  match type of Ha' with a_ok _ ?x => set (a' := x) in * end.
  unfold scan_chars_body; cbn beta iota.
  assert (Htk' : tokens_ok T0 N0 (base + pos + file + 1) m t)
    by (eapply tokens_ok_mono; [|exact Htk]; lia).
  destruct (in_token_byte mode q c) eqn:IT.
  - left; exists mode, start, q, tok, (len + 1), w, a', m, t; split; [reflexivity|split; [reflexivity|]].
    eapply scan_chars_next; [exact H| |exact Ha'|exact Htk'].
    unfold tok_state in *; destruct mode; cbn [in_token_byte token_mode] in IT, Ht |- *;
      try discriminate; destruct Ht as (H1 & H2 & H3 & H4); cbn [length] in H4;
      repeat split; auto; lia.
  - destruct (mstep file pos mode start q tok len c (c :: s)) as [mode' start' q' tok' len' ok ts] eqn:Em.
    pose proof (mstep_eq_ok file pos mode start q tok len c s _ Hs Ht Em) as M.
    cbn [mr_mode mr_start mr_len mr_tok mr_tokens] in M; destruct M as (Mt & Mb & Ml).
    destruct ok; [|right; exists a'; split; [reflexivity|split; [reflexivity|exact Ha']]].
    left; destruct ts as [|t0 ts].
    + exists mode', start', q', tok', len', w, a', m, t; split; [reflexivity|split; [reflexivity|]].
      eapply scan_chars_next; eauto.
    + exists mode', start', q', tok', len', (last_is_word (t0 :: ts) w), a',
        (strip (see_raws pass cfg m (t0 :: ts))), (add_token_uses pass k (see_raws pass cfg m (t0 :: ts)) t).
      split; [reflexivity|split; [reflexivity|]].
      eapply scan_chars_next; eauto. apply tokens_step; assumption.
Qed.

Theorem scan_chars_calls : forall B, calls_within scan_chars_body (scan_chars_inv B) (scan_chars_inv B).
Proof.
  intros B [[[[[[[[[[[[[[pass k] cfg] file] pos] mode] start] q] tok] len] w] s] a] m] t]
    (base & T0 & N0 & H) f g E.
  destruct s as [|c s]; [reflexivity|].
  destruct (scan_chars_step B base T0 N0 pass k cfg file pos mode start q tok len w c s a m t f g H)
    as [(mode' & start' & q' & tok' & len' & w' & a' & m' & t' & E1 & E2 & Hn)|(a' & E1 & E2 & _)];
    refine (eq_trans E1 (eq_trans _ (eq_sym E2))); [apply E; exists base, T0, N0; exact Hn|reflexivity].
Qed.

Lemma mk_mscan_first_inj : forall a m t ok a' m' t' ok',
  mk_mscan_first a m t ok = mk_mscan_first a' m' t' ok' -> a = a' /\ m = m' /\ t = t'.
Proof. intros * E; injection E as E1 E2 E3 _; auto. Qed.

(** What [scan_chars_first] returns: the counts after every byte and the end of the file. *)
Lemma scan_chars_result : forall B s base T0 N0 pass k cfg file pos mode start q tok len w a m t
    a' m' t' ok,
  scan_chars_at B base T0 N0 (pass, k, cfg, file, pos, mode, start, q, tok, len, w, s, a, m, t) ->
  scan_chars_first pass k cfg file pos mode start q tok len w s a m t = mk_mscan_first a' m' t' ok ->
  a_ok (base + pos + N.of_nat (length s) + file + 1) a' /\
  tokens_ok T0 N0 (base + pos + N.of_nat (length s) + file + 1) m' t'.
Proof.
  intros B s; induction s as [|c s IH];
    intros base T0 N0 pass k cfg file pos mode start q tok len w a m t a' m' t' ok H R.
  - pose proof H as (St & Hk & Hl & Hs & Ht & Ha & Htk). cbn [length N.of_nat] in *.
    rewrite N.add_0_r. cbn [scan_chars_first] in R.
    pose proof (a_end_ok pass k file pos mode w a _ Ha) as Ha'.
    destruct (meof_step file mode start tok len) as [ts|e] eqn:Em.
    + fold (see_raw pass cfg (see_raws pass cfg m ts) Newline) in R.
      apply mk_mscan_first_inj in R; destruct R as (<- & <- & <-).
      split; [exact Ha'|]. rewrite <- see_raws_snoc.
      apply tokens_step; [exact Htk| |].
      * assert (Bt : byte_list (take_bytes len tok))
          by (unfold tok_state in Ht; destruct (token_mode mode);
              [apply take_bytes_bytes; tauto|destruct Ht as [_ ->]; constructor]).
        destruct (meof_step_ok file mode start tok len ts Bt Em) as [B1 _].
        apply Forall_app; split; [exact B1|constructor; [apply token_text_bytes; discriminate|constructor]].
      * assert (Bt : byte_list (take_bytes len tok))
          by (unfold tok_state in Ht; destruct (token_mode mode);
              [apply take_bytes_bytes; tauto|destruct Ht as [_ ->]; constructor]).
        destruct (meof_step_ok file mode start tok len ts Bt Em) as [_ L1].
        rewrite app_length; cbn [length]; lia.
    + apply mk_mscan_first_inj in R; destruct R as (<- & <- & <-). split; [exact Ha'|].
      eapply tokens_ok_mono; [|exact Htk]; lia.
  - change (scan_chars_first pass k cfg file pos mode start q tok len w (c :: s) a m t)
      with (scan_chars_body scan_chars_call
              (pass, k, cfg, file, pos, mode, start, q, tok, len, w, c :: s, a, m, t)) in R.
    destruct (scan_chars_step B base T0 N0 pass k cfg file pos mode start q tok len w c s a m t
                scan_chars_call scan_chars_call H)
      as [(mode' & start' & q' & tok' & len' & w' & a1 & m1 & t1 & E1 & _ & Hn)|(a1 & E1 & _ & Ha1)];
      rewrite E1 in R.
    + cbn [scan_chars_call] in R. destruct (IH _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ Hn R) as [A1 A2].
      cbn [length]; split; [eapply a_ok_mono; [|exact A1]|eapply tokens_ok_mono; [|exact A2]]; lia.
    + apply mk_mscan_first_inj in R; destruct R as (<- & <- & <-). destruct H as (_ & _ & _ & _ & _ & _ & Htk).
      cbn [length]; split; [eapply a_ok_mono; [|exact Ha1]|eapply tokens_ok_mono; [|exact Htk]]; lia.
Qed.

Lemma see_raws_inv_app : forall pass cfg m ts ts', see_raws_inv (pass, cfg, m, ts ++ ts') ->
  see_raws_inv (pass, cfg, m, ts).
Proof.
  intros pass cfg m ts ts' (H1 & H2 & nm & H3 & H4); apply Forall_app in H1.
  split; [tauto|]; split; [exact H2|]; exists nm; split; [exact H3|].
  intros P; specialize (H4 P); rewrite app_length in H4; lia.
Qed.

Theorem scan_chars_in_range : forall B x, 10 * B < 2 ^ 64 -> scan_chars_inv B x -> scan_chars_ops x.
Proof.
  intros B [[[[[[[[[[[[[[pass k] cfg] file] pos] mode] start] q] tok] len] w] s] a] m] t] HB
    (base & T0 & N0 & St & Hk & Hl & Hs & Ht & Ha & Htk).
  destruct St as (T0B & N0B & NA).
  assert (R1 : T0 + 4 * (base + pos + file) + 4 < 2 ^ 64) by (cbn [length] in Hl; lia).
  assert (R2 : pass = false -> N0 + 2 * (base + pos + file) + 2 < 2 ^ 62)
    by (intros P; specialize (NA P); subst N0; lia).
  destruct Ha as [Ha1 Ha2]. unfold n_in_range in Hk.
  destruct s as [|c s]; cbn [scan_chars_ops].
  - split.
    + intros _; split; [exact Hk|]. pose proof (mend_use_length file pos mode w).
      unfold n_in_range; lia.
    + intros ts Em.
      assert (Bt : byte_list (take_bytes len tok))
        by (unfold tok_state in Ht; destruct (token_mode mode);
            [apply take_bytes_bytes; tauto|destruct Ht as [_ ->]; constructor]).
      destruct (meof_step_ok file mode start tok len ts Bt Em) as [B1 L1].
      assert (Bn : Forall token_bytes (ts ++ [Newline]))
        by (apply Forall_app; split; [exact B1|constructor; [apply token_text_bytes; discriminate|constructor]]).
      destruct (tokens_ops_ok T0 N0 (base + pos + file) pass k cfg m t (ts ++ [Newline]) Hk Htk Bn
                  ltac:(rewrite app_length; cbn [length]; lia) R1 R2) as [I1 I2].
      rewrite see_raws_snoc in I2.
      split; [eapply see_raws_inv_app; exact I1|]; split; [|exact I2].
      destruct Htk as (_ & _ & _ & _ & S0 & nm & D0 & Nm).
      destruct (see_raws_facts pass cfg ts m nm B1 S0 D0) as (S1 & D1 & _ & _); cbv zeta in *.
      destruct pass.
      * eapply see_raw_ops_ok; [apply token_text_bytes; discriminate|exact S1|rewrite D1; exact D0|discriminate].
      * eapply see_raw_ops_ok; [apply token_text_bytes; discriminate|exact S1|exact D1|].
        intros P; specialize (R2 P); lia.
  - cbn [length] in Hl.
    assert (Lp : len <= pos)
      by (unfold tok_state in Ht; destruct (token_mode mode); [destruct Ht as (? & _)|destruct Ht as [-> _]]; lia).
    split; [unfold n_in_range; lia|]; split; [unfold mstep_ops, n_in_range; lia|].
    split; [intros _ kq _; unfold add_use_ops, n_in_range; split; [intros; lia|lia]|].
    cbv zeta.
    destruct (mstep_ok file pos mode start q tok len c s Hs Ht) as (_ & Mb & Ml).
    destruct (tokens_ops_ok T0 N0 (base + pos + file) pass k cfg m t _ Hk Htk Mb Ml R1 R2); auto.
Qed.

(** *** The loop of the files *)

Lemma scan_inputs_start : forall B base T0 N0 pass k cfg file f fs a m t ok,
  scan_inputs_at B base T0 N0 (pass, k, cfg, file, f :: fs, a, m, t, ok) ->
  scan_chars_at B base T0 N0 (pass, k, cfg, file, 0, Lm_between, 0, 0, [], 0, false, f, a, m, t).
Proof.
  intros until ok; intros (St & Hk & Hl & Hb & Ha & Htk).
  rewrite total_cons in Hl; cbn [length] in Hl; inversion Hb; subst.
  refine (conj St (conj Hk (conj _ (conj _ (conj (conj eq_refl eq_refl) (conj _ _))))));
    [lia|assumption|rewrite N.add_0_r; exact Ha|rewrite N.add_0_r; exact Htk].
Qed.

Theorem scan_inputs_calls : forall B,
  calls_within2 scan_inputs_body scan_chars_call (scan_inputs_inv B) (scan_inputs_inv B)
    (scan_chars_inv B).
Proof.
  intros B; split; [|intros f0];
    intros [[[[[[[[pass k] cfg] file] inputs] a] m] t] ok] (base & T0 & N0 & H) f g E;
    destruct inputs as [|bs rest]; try reflexivity;
    cbn beta iota delta [scan_inputs_body scan_chars_call].
  - pose proof (scan_inputs_start _ _ _ _ _ _ _ _ _ _ _ _ _ _ H) as S.
    destruct (scan_chars_first pass k cfg file 0 Lm_between 0 0 [] 0 false bs a m t)
      as [a' m' t' ok'] eqn:R.
    destruct (scan_chars_result _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ S R) as [Ha Htk].
    apply E; exists (base + N.of_nat (length bs)), T0, N0.
    destruct H as (St & Hk & Hl & Hb & _ & _); rewrite total_cons in Hl; cbn [length] in Hl.
    inversion Hb; subst.
    refine (conj St (conj Hk (conj _ (conj _ (conj _ _))))); [lia|assumption| |].
    + eapply a_ok_mono; [|exact Ha]; lia.
    + eapply tokens_ok_mono; [|exact Htk]; lia.
  - erewrite E; [reflexivity|]. exists base, T0, N0.
    exact (scan_inputs_start _ _ _ _ _ _ _ _ _ _ _ _ _ _ H).
Qed.

Theorem scan_inputs_in_range : forall B x, B < 2 ^ 64 -> scan_inputs_inv B x -> scan_inputs_ops x.
Proof.
  intros B [[[[[[[[pass k] cfg] file] [|f fs]] a] m] t] ok] HB (base & T0 & N0 & _ & _ & Hl & _);
    cbn [scan_inputs_ops]; [exact I|]. cbn [length] in Hl; unfold n_in_range; lia.
Qed.

Lemma scan_inputs_result : forall B inputs base T0 N0 pass k cfg file a m t ok a' m' t' ok',
  scan_inputs_at B base T0 N0 (pass, k, cfg, file, inputs, a, m, t, ok) ->
  scan_inputs_first pass k cfg file inputs a m t ok = mk_mscan_first a' m' t' ok' ->
  a_ok (base + total_bytes inputs + file + N.of_nat (length inputs)) a' /\
  tokens_ok T0 N0 (base + total_bytes inputs + file + N.of_nat (length inputs)) m' t'.
Proof.
  intros B inputs; induction inputs as [|f fs IH];
    intros base T0 N0 pass k cfg file a m t ok a' m' t' ok' H R.
  - cbn [scan_inputs_first] in R; injection R as <- <- <- _.
    destruct H as (_ & _ & _ & _ & Ha & Htk); cbn [total_bytes fold_right length N.of_nat].
    rewrite N.add_0_r, N.add_0_r; split; assumption.
  - cbn [scan_inputs_first] in R.
    pose proof (scan_inputs_start _ _ _ _ _ _ _ _ _ _ _ _ _ _ H) as S.
    destruct (scan_chars_first pass k cfg file 0 Lm_between 0 0 [] 0 false f a m t)
      as [a1 m1 t1 ok1] eqn:R1.
    destruct (scan_chars_result _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ S R1) as [Ha Htk].
    destruct H as (St & Hk & Hl & Hb & _ & _); rewrite total_cons in *; cbn [length] in *.
    inversion Hb; subst.
    assert (H' : scan_inputs_at B (base + N.of_nat (length f)) T0 N0
                   (pass, k, cfg, file + 1, fs, a1, m1, t1, andb ok ok1)).
    { refine (conj St (conj Hk (conj _ (conj _ (conj _ _))))); [lia|assumption| |].
      - eapply a_ok_mono; [|exact Ha]; lia.
      - eapply tokens_ok_mono; [|exact Htk]; lia. }
    destruct (IH _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ H' R) as [A1 A2].
    split; [eapply a_ok_mono; [|exact A1]|eapply tokens_ok_mono; [|exact A2]]; lia.
Qed.

(** ** [check_first] *)

(** [check_first k] starts both passes within their invariants, and its counts merge within
    range: a run reads at most [L + 2^60] units (bytes and ends of files). *)
Definition check_starts_within (L k : N) : Prop :=
  forall cfg inputs, inputs_within L inputs ->
    scan_inputs_inv (L + 2 ^ 60)
      (false, k, cfg, 0, inputs, earliest_empty, mc_start ByteMap.empty, earliest_empty, true) /\
    forall a mA tA okA,
      scan_inputs_first false k cfg 0 inputs earliest_empty (mc_start ByteMap.empty)
        earliest_empty true = mk_mscan_first a mA tA okA ->
      scan_inputs_inv (L + 2 ^ 60) (true, k, cfg, 0, inputs, earliest_empty, mc_start (mc_defs mA), tA, true) /\
      forall aB mB tB okB,
        scan_inputs_first true k cfg 0 inputs earliest_empty (mc_start (mc_defs mA)) tA true
        = mk_mscan_first aB mB tB okB ->
        merge_ops k tB a.

Lemma start_tokens_ok : forall T0 N0 nm defs t,
  defs_ok nm defs -> nm <= N0 -> earliest_ok t -> ea_count t <= T0 ->
  tokens_ok T0 N0 0 (mc_start defs) t.
Proof.
  intros T0 N0 nm defs t Hd Hn H1 H2.
  refine (conj H1 (conj _ (conj eq_refl (conj eq_refl (conj I (ex_intro _ nm (conj Hd _))))))); lia.
Qed.

Theorem check_starts : forall L k, 10 * (L + 2 ^ 60) < 2 ^ 64 -> n_in_range k ->
  check_starts_within L k.
Proof.
  intros L k HL Hk cfg inputs (T & F & Bs).
  remember (L + 2 ^ 60) as B eqn:EB.
  assert (Ae : a_ok 0 earliest_empty) by (split; [exact earliest_empty_ok|cbn; lia]).
  assert (HA : scan_inputs_at B 0 0 0
                 (false, k, cfg, 0, inputs, earliest_empty, mc_start ByteMap.empty, earliest_empty, true)).
  { refine (conj (conj _ (conj _ (fun _ => eq_refl))) (conj Hk (conj _ (conj Bs (conj Ae _)))));
      [lia|lia|lia|].
    apply start_tokens_ok with (nm := 0); [apply map_ok_empty|lia|exact earliest_empty_ok|cbn; lia]. }
  split; [exists 0, 0, 0; exact HA|].
  intros a mA tA okA RA.
  destruct (scan_inputs_result _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ HA RA)
    as [Ha (H1 & H2 & _ & _ & _ & nm & Hd & Hn)].
  assert (HB : scan_inputs_at B 0 (4 * B) (2 * B)
                 (true, k, cfg, 0, inputs, earliest_empty, mc_start (mc_defs mA), tA, true)).
  { refine (conj (conj _ (conj _ (fun P : true = false => ltac:(discriminate P))))
                 (conj Hk (conj _ (conj Bs (conj Ae _)))));
      [lia|lia|lia|].
    eapply start_tokens_ok; [exact Hd|lia|exact H1|lia]. }
  split; [exists 0, (4 * B), (2 * B); exact HB|].
  intros aB mB tB okB RB.
  destruct (scan_inputs_result _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ HB RB) as [_ (G1 & G2 & _)].
  destruct Ha as [_ Ha].
  apply merge_ops_ok; [exact Hk|lia].
Qed.

(** ** The theorem *)

(** Every loop of a run calls itself, and the loops below it, only within its invariant (the
    loops of [strtoint] as M1Bounds.v states them; those of the map in Bounds.v). *)
Definition check_loops_closed (B : N) : Prop :=
  calls_within2 scan_inputs_body scan_chars_call (scan_inputs_inv B) (scan_inputs_inv B)
    (scan_chars_inv B) /\
  calls_within scan_chars_body (scan_chars_inv B) (scan_chars_inv B) /\
  calls_within see_raws_body see_raws_inv see_raws_inv /\
  calls_within add_uses_body add_uses_inv add_uses_inv /\
  calls_within take_onto_body take_onto_inv take_onto_inv /\
  calls_within read_digits_body read_digits_inv read_digits_inv.

(** Within its invariant, every operation of an iteration of a loop is in range, and so is every
    operation of the functions it calls, or the calls start within their loops' invariants. *)
Definition check_iterations_in_range (B : N) : Prop :=
  (forall x, scan_inputs_inv B x -> scan_inputs_ops x) /\
  (forall x, scan_chars_inv B x -> scan_chars_ops x) /\
  (forall x, see_raws_inv x -> see_raws_ops x) /\
  (forall x, add_uses_inv x -> add_uses_ops x) /\
  (forall x, take_onto_inv x -> take_onto_ops x) /\
  (forall x, read_digits_inv x -> read_digits_ops x).

(** [check_values_bounded]: for every [k] below 2^64 (the drop-ins pass 100) and inputs of at
    most [max_input_bytes] bytes together, [check_first k] (`M1 --strict`) starts its loops within
    their invariants, each loop calls itself and the loops below it only within theirs, and
    within them every operation that can leave the 64-bit range of the reference engine stays
    inside it (proofs/bounds_inventory.txt ties each one of extracted/gen to its predicate). *)
Theorem check_values_bounded : forall k, n_in_range k ->
  check_starts_within max_input_bytes k /\
  check_loops_closed (max_input_bytes + 2 ^ 60) /\
  check_iterations_in_range (max_input_bytes + 2 ^ 60) /\ bytemap_in_range.
Proof.
  intros k Hk.
  assert (HB : 10 * (max_input_bytes + 2 ^ 60) < 2 ^ 64) by (unfold max_input_bytes; lia).
  split; [apply check_starts; assumption|].
  split; [split; [apply scan_inputs_calls|]; split; [apply scan_chars_calls|];
          split; [exact see_raws_calls|]; split; [exact add_uses_calls|];
          split; [exact take_onto_calls|exact read_digits_calls]|].
  split; [|exact bytemap_bounded].
  split; [intros x; apply scan_inputs_in_range; lia|].
  split; [intros x; apply scan_chars_in_range; exact HB|].
  split; [exact see_raws_in_range|]; split; [exact add_uses_in_range|].
  split; [exact take_onto_in_range|exact read_digits_in_range].
Qed.
