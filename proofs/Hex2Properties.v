(** * Hex2Properties: what a reviewer can rely on about hex2's specification. *)

(** Theorems about [Hex2Spec.link], and through [Hex2Execproof.link_correct] about the
    executable core too:
    - byte order: the bytes of every reference field decode, little or big endian, to the field's
      32-bit value modulo 2^(8 * width) ([le_decode_encode], [be_decode_encode],
      [field_bytes_decode]);
    - output length: an accepted program's output is exactly as long as the sum of the sizes
      the layout gives its tokens ([link_length]);
    - label soundness: in an accepted program each label, in its last definition, is bound to
      the base address plus the number of bytes written for the tokens before it, modulo 2^32
      ([label_address]); each reference field is the encoding of the value its kind, the
      architecture and the label table prescribe, decodes to it modulo 2^(8 * width), and
      decodes to exactly it when the field is range-checked ([ref_field_value],
      [field_decode_mod], [field_value_exact], [arch_displacement_plain]). *)

From Coq Require Import NArith ZArith List Lia Znumtheory.
From Hexproof.Spec Require Import Common Hex2Lex Hex2Encode Hex2Spec.
From Hexproof.Proofs Require Import Hex2Default.
Import ListNotations.
Local Open Scope N_scope.

(** ** Byte order *)

(** Little-endian encoding of the low [w] bytes of [u], and decoding. *)
Fixpoint le_encode (w : nat) (u : N) : list N :=
  match w with
  | O => []
  | S w' => N.land u 255 :: le_encode w' (N.shiftr u 8)
  end.

Fixpoint le_decode (bs : list N) : N :=
  match bs with
  | [] => 0
  | b :: bs' => b + 256 * le_decode bs'
  end.

Definition be_encode (w : nat) (u : N) : list N := rev (le_encode w u).
Definition be_decode (bs : list N) : N := le_decode (rev bs).

(** Little-endian encoding then decoding gives back the value modulo 2^(8w). *)
Theorem le_decode_encode : forall w u,
  le_decode (le_encode w u) = u mod 2 ^ (8 * N.of_nat w).
Proof.
  induction w as [|w IH]; intros u.
  - simpl. rewrite N.mod_1_r. reflexivity.
  - cbn [le_encode le_decode]. rewrite IH.
    replace (N.land u 255) with (u mod 2 ^ 8)
      by (change 255 with (N.ones 8); rewrite N.land_ones; reflexivity).
    rewrite N.shiftr_div_pow2.
    replace (8 * N.of_nat (S w)) with (8 + 8 * N.of_nat w) by lia.
    rewrite N.pow_add_r, N.mod_mul_r by (apply N.pow_nonzero; discriminate).
    reflexivity.
Qed.

(** Big-endian encoding then decoding gives back the value modulo 2^(8w). *)
Theorem be_decode_encode : forall w u,
  be_decode (be_encode w u) = u mod 2 ^ (8 * N.of_nat w).
Proof.
  intros w u; unfold be_decode, be_encode; rewrite rev_involutive; apply le_decode_encode.
Qed.

Definition ref_width (k : ref_kind) : nat := N.to_nat (ref_size k).

(** A reference field is the little- or big-endian encoding of its value's 32-bit pattern. *)
Lemma field_bytes_encode : forall big k v,
  field_bytes big k v =
  if big then be_encode (ref_width k) (u32 v) else le_encode (ref_width k) (u32 v).
Proof.
  intros big k v; unfold field_bytes, be_encode, byte_of.
  generalize (u32 v); intros u.
  destruct k, big; cbn; rewrite ?N.shiftr_shiftr, ?N.shiftr_0_r; reflexivity.
Qed.

Definition decode (big : bool) (bs : list N) : N := if big then be_decode bs else le_decode bs.

(** The bytes written for a field of kind [k] holding [v] decode, in the chosen byte order, to
    [v]'s 32-bit pattern modulo 2^(8 * size): the whole pattern for 4-byte fields, and exactly
    the value for the range-checked smaller ones (see [field_value_exact]). *)
Theorem field_bytes_decode : forall big k v,
  decode big (field_bytes big k v) = u32 v mod 2 ^ (8 * ref_size k).
Proof.
  intros big k v; rewrite field_bytes_encode; unfold decode.
  replace (ref_size k) with (N.of_nat (ref_width k))
    by (unfold ref_width; rewrite N2Nat.id; reflexivity).
  destruct big; [apply be_decode_encode | apply le_decode_encode].
Qed.

Lemma field_bytes_length : forall big k v,
  N.of_nat (length (field_bytes big k v)) = ref_size k.
Proof. intros big k v; destruct k, big; reflexivity. Qed.

(** ** Addresses stay 32-bit *)

Definition two32N : N := 4294967296.

Lemma add32_lt : forall a b, add32 a b < two32N.
Proof. intros a b; unfold add32, two32N; apply N.mod_lt; discriminate. Qed.

Lemma add32_0 : forall a, a < two32N -> add32 a 0 = a.
Proof. intros a H; unfold add32; rewrite N.add_0_r; apply N.mod_small; exact H. Qed.

Lemma add32_add32 : forall a x y, add32 (add32 a x) y = add32 a (x + y).
Proof.
  intros a x y; unfold add32.
  rewrite N.add_mod_idemp_l by discriminate; rewrite N.add_assoc; reflexivity.
Qed.

Lemma pad_size_le : forall a ip, pad_size a ip <= 3.
Proof.
  intros a ip; unfold pad_size; destruct (pads a); [|lia].
  assert (N.land ip 1 <= 1).
  { change (N.land ip 1) with (N.land ip (N.ones 1)); rewrite N.land_ones.
    generalize (N.mod_lt ip (2 ^ 1) ltac:(discriminate)); simpl; lia. }
  destruct (N.land (ip + N.land ip 1) 2 =? 2); lia.
Qed.

(** ** One token *)

(** Destruct the [match]es of an [Ok] equation until it is solved or reduced to equalities. *)
Ltac crush_ok H :=
  repeat match type of H with
  | (match ?x with _ => _ end) = Ok _ => destruct x eqn:?; try discriminate H
  | (if ?x then _ else _) = Ok _ => destruct x eqn:?; try discriminate H
  | Err _ = Ok _ => discriminate H
  | Ok _ = Ok _ => injection H as <- <-
  end.

(** Writing a token writes as many bytes as the layout gives it, and moves to the address the
    layout gives the next token. *)
Lemma emit_resolved_size : forall cfg es t tgt bse es' bs,
  es_ip es < two32N ->
  emit_resolved cfg es t tgt bse = Ok (es', bs) ->
  N.of_nat (length bs) = token_size cfg (es_ip es) t /\ es_ip es' = next_ip cfg (es_ip es) t.
Proof.
  intros cfg [ip al sr] t tgt bse es' bs Hip H; simpl in Hip.
  unfold next_ip; destruct t; cbn [emit_resolved token_size es_ip es_aligned es_sr] in H |- *.
  - injection H as <- <-; split; reflexivity.
  - injection H as <- <-; simpl; rewrite add32_0 by exact Hip; split; reflexivity.
  - injection H as <- <-; simpl; rewrite add32_0 by exact Hip; split; reflexivity.
  - crush_ok H; simpl; split; try reflexivity; apply field_bytes_length.
  - crush_ok H; simpl; rewrite add32_0 by exact Hip; split; reflexivity.
  - injection H as <- <-; simpl; split; [|reflexivity].
    generalize (pad_size_le (h2_arch cfg) ip).
    destruct (pad_size (h2_arch cfg) ip =? 1) eqn:E1; [apply N.eqb_eq in E1; rewrite E1; reflexivity|].
    destruct (pad_size (h2_arch cfg) ip =? 2) eqn:E2; [apply N.eqb_eq in E2; rewrite E2; reflexivity|].
    destruct (pad_size (h2_arch cfg) ip =? 3) eqn:E3; [apply N.eqb_eq in E3; rewrite E3; reflexivity|].
    apply N.eqb_neq in E1, E2, E3; simpl; lia.
  - injection H as <- <-; simpl; rewrite add32_0 by exact Hip; split; reflexivity.
Qed.

(** ** Whole programs *)

(** The sum of the sizes the layout gives the tokens [ts] from address [ip]. *)
Fixpoint sizes (cfg : hex2_config) (ip : N) (ts : list token) : N :=
  match ts with
  | [] => 0
  | t :: ts' => token_size cfg ip t + sizes cfg (next_ip cfg ip t) ts'
  end.

Lemma emit_size : forall cfg l ts es es' out,
  es_ip es < two32N ->
  emit cfg l es ts = Ok (es', out) ->
  N.of_nat (length out) = sizes cfg (es_ip es) ts /\
  es_ip es' = add32 (es_ip es) (N.of_nat (length out)) /\
  (forall l0, es_ip es' = fst (layout cfg (es_ip es) ts l0)).
Proof.
  intros cfg l ts; induction ts as [|t ts IH]; intros es es' out Hip H.
  - simpl in H; injection H as <- <-; simpl.
    rewrite add32_0 by exact Hip; repeat split; reflexivity.
  - simpl in H; unfold emit_token in H.
    destruct (emit_resolved _ _ _ _ _) as [[es1 o1]|e] eqn:E1; [|discriminate].
    destruct (emit cfg l es1 ts) as [[es2 o2]|e] eqn:E2; [|discriminate].
    injection H as <- <-.
    destruct (emit_resolved_size _ _ _ _ _ _ _ Hip E1) as [L1 I1].
    assert (Hip1 : es_ip es1 < two32N) by (rewrite I1; apply add32_lt).
    destruct (IH es1 es2 o2 Hip1 E2) as [L2 [I2 F2]].
    rewrite app_length, Nat2N.inj_add; cbn [sizes layout]; repeat split.
    + rewrite L1, L2, I1; reflexivity.
    + rewrite I2, I1; unfold next_ip; rewrite add32_add32, L1; reflexivity.
    + intros l0; rewrite I1 in F2; apply F2.
Qed.

(** The output of an accepted program is exactly as long as the sum of its tokens' sizes. *)
Theorem link_length : forall cfg inputs ts out,
  lex_files cfg 0 inputs = Ok ts ->
  link cfg inputs = Ok out ->
  N.of_nat (length out) = sizes cfg (base_ip cfg) ts.
Proof.
  intros cfg inputs ts out L H; rewrite link_unfold in H; rewrite L in H; cbv zeta in H.
  destruct (emit _ _ _ ts) as [[es' o]|e] eqn:E; [|discriminate].
  injection H as <-.
  assert (Hip : es_ip (mk_emit_state (base_ip cfg) false 0) < two32N)
    by (apply N.mod_lt; discriminate).
  apply (emit_size _ _ _ _ _ _ Hip E).
Qed.

Lemma emit_app_ok : forall cfg l ts1 ts2 es es' out,
  emit cfg l es (ts1 ++ ts2) = Ok (es', out) ->
  exists es1 out1 out2, emit cfg l es ts1 = Ok (es1, out1) /\
    emit cfg l es1 ts2 = Ok (es', out2) /\ out = out1 ++ out2.
Proof.
  intros cfg l ts1; induction ts1 as [|t ts1 IH]; intros ts2 es es' out H.
  - exists es, [], out; repeat split; exact H.
  - simpl in H.
    destruct (emit_token cfg l es t) as [[es1 o1]|e] eqn:E1; [|discriminate].
    destruct (emit cfg l es1 (ts1 ++ ts2)) as [[es2 o2]|e] eqn:E2; [|discriminate].
    injection H as <- <-.
    destruct (IH ts2 es1 es2 o2 E2) as [es3 [out1 [out2 [A [B C]]]]].
    exists es3, (o1 ++ out1), out2; simpl; rewrite E1, A; repeat split; [exact B|].
    rewrite C, app_assoc; reflexivity.
Qed.

Lemma layout_app : forall cfg ts ts' ip l,
  layout cfg ip (ts ++ ts') l =
  layout cfg (fst (layout cfg ip ts l)) ts' (snd (layout cfg ip ts l)).
Proof.
  intros cfg ts; induction ts as [|t ts IH]; intros ts' ip l; [reflexivity|].
  simpl app; cbn [layout]; apply IH.
Qed.

Lemma name_eqb_refl : forall n, name_eqb n n = true.
Proof. intros n; unfold name_eqb; destruct (list_eq_dec N.eq_dec n n); congruence. Qed.

Lemma label_find_layout_other : forall cfg n ts ip acc,
  ~ In (tok_label n) ts ->
  label_find n (snd (layout cfg ip ts acc)) = label_find n acc.
Proof.
  intros cfg n ts; induction ts as [|t ts IH]; intros ip acc H; [reflexivity|].
  simpl; rewrite IH by (intros I; apply H; right; exact I).
  destruct t; try reflexivity.
  simpl; unfold name_eqb; destruct (list_eq_dec N.eq_dec n name) as [E|E]; [|reflexivity].
  subst; exfalso; apply H; left; reflexivity.
Qed.

(** Label soundness, addresses: in an accepted program whose tokens are [ts1], then [:n], then
    [ts2], where [n] is not defined again in [ts2], writing the tokens [ts1] (with the label table
    and the starting state [link] uses) succeeds and writes [out1]; the output begins with
    [out1]; [out1] is as long as the sizes the layout gives [ts1]; and [n] is bound to the base
    address plus that length, modulo 2^32. So the label's address is the base plus the bytes
    written for the tokens before it. *)
Theorem label_address : forall cfg inputs out ts ts1 n ts2,
  lex_files cfg 0 inputs = Ok ts ->
  link cfg inputs = Ok out ->
  ts = ts1 ++ tok_label n :: ts2 ->
  ~ In (tok_label n) ts2 ->
  let l := snd (layout cfg (base_ip cfg) ts []) in
  exists es1 out1 out2,
    emit cfg l (mk_emit_state (base_ip cfg) false 0) ts1 = Ok (es1, out1) /\
    out = out1 ++ out2 /\
    N.of_nat (length out1) = sizes cfg (base_ip cfg) ts1 /\
    label_find n l = Some (add32 (base_ip cfg) (N.of_nat (length out1))).
Proof.
  intros cfg inputs out ts ts1 n ts2 L H E N l.
  rewrite link_unfold in H; rewrite L in H; cbv zeta in H; fold l in H.
  destruct (emit _ _ _ ts) as [[es' o]|e] eqn:EM; [|discriminate].
  injection H as <-.
  rewrite E in EM; destruct (emit_app_ok _ _ _ _ _ _ _ EM) as [es1 [out1 [out2 [A [_ C]]]]].
  exists es1, out1, out2; split; [exact A|]; split; [exact C|].
  assert (Hip : es_ip (mk_emit_state (base_ip cfg) false 0) < two32N)
    by (apply N.mod_lt; discriminate).
  destruct (emit_size _ _ _ _ _ _ Hip A) as [S [I F]]; cbn [es_ip] in S, I, F.
  split; [exact S|].
  unfold l; rewrite E, layout_app; cbn [layout].
  rewrite label_find_layout_other by exact N; cbn [label_find]; rewrite name_eqb_refl.
  rewrite <- (F []), I; reflexivity.
Qed.

(** ** Reference fields *)

Lemma u32_wrap32 : forall z, u32 (wrap32 z) = u32 z.
Proof.
  intros z; unfold u32, two32; rewrite wrap32_mod; reflexivity.
Qed.

(** An address below 2^32 read as a C [int] and back is itself. *)
Lemma u32_s32 : forall a, a < two32N -> u32 (s32 a) = a.
Proof.
  intros a H; unfold s32; rewrite u32_wrap32; unfold u32, two32.
  rewrite Z.mod_small by (unfold two32N in H; lia).
  apply N2Z.id.
Qed.

(** Label soundness, fields: a reference [k n] or [k n>b] written without error names a defined
    label [n] (address [ta]); its bytes are the field encoding, in the configured byte order, of
    a value [v] that passes the range check of [k] and decode to [v]'s 32-bit pattern modulo
    2^(8 * size); and [v] is what the kind prescribes: the target address itself (read as a C
    [int]) for [$] and [&]; for the relative kinds, [ta - tb] (32-bit wrapping) with [>b] ([b]
    defined, at [tb]), else the architecture's displacement from the address after the field,
    under the current [^] flag. *)
Theorem ref_field_value : forall cfg l es k file pos n base es' bs,
  emit_token cfg l es (tok_ref k file pos n base) = Ok (es', bs) ->
  exists ta, label_find n l = Some ta /\
  exists v,
    bs = field_bytes (h2_big_endian cfg) k v /\
    ref_fits k v = true /\
    decode (h2_big_endian cfg) bs = u32 v mod 2 ^ (8 * ref_size k) /\
    (ref_absolute k = true -> v = s32 ta) /\
    (ref_absolute k = false ->
       match base with
       | Some (bn, _) =>
           exists tb, label_find bn l = Some tb /\ v = wrap32 (Z.of_N ta - Z.of_N tb)
       | None =>
           exists aligned',
             arch_displacement (h2_arch cfg) (es_aligned es) ta
               (add32 (es_ip es) (ref_size k)) = Some (v, aligned')
       end).
Proof.
  intros cfg l [ip al sr] k file pos n base es' bs H.
  unfold emit_token in H; destruct base as [[bn bp]|];
    cbn [emit_resolved ref_target ref_base lookup es_ip es_aligned es_sr] in H |- *;
    destruct (label_find n l) as [ta|] eqn:T; try (cbn in H; discriminate H);
    exists ta; (split; [reflexivity|]).
  - destruct (label_find bn l) as [tb|] eqn:B; [|cbn in H; discriminate H].
    cbv beta iota zeta in H.
    destruct (ref_fits k (if ref_absolute k then s32 ta else wrap32 (Z.of_N ta - Z.of_N tb)))
      eqn:F; [|cbn in H; discriminate H].
    injection H as <- <-.
    eexists; split; [reflexivity|]; split; [exact F|]; split; [apply field_bytes_decode|]; split.
    + intros A; rewrite A; reflexivity.
    + intros A; rewrite A; exists tb; split; reflexivity.
  - destruct (arch_displacement (h2_arch cfg) al ta (add32 ip (ref_size k))) as [[d al']|] eqn:D;
      [|discriminate].
    cbv beta iota zeta in H.
    destruct (ref_fits k (if ref_absolute k then s32 ta else d)) eqn:F; [|cbn in H; discriminate H].
    injection H as <- <-.
    eexists; split; [reflexivity|]; split; [exact F|]; split; [apply field_bytes_decode|]; split.
    + intros A; rewrite A; reflexivity.
    + intros A; rewrite A; exists al'; reflexivity.
Qed.

(** On knight, x86, amd64 and RISC-V the displacement is plainly [target - address after the
    field], 32-bit wrapping, whatever the [^] flag. *)
Lemma arch_displacement_plain : forall a aligned t b,
  match a with knight | x86 | amd64 | riscv32 | riscv64 => True | _ => False end ->
  arch_displacement a aligned t b = Some (wrap32 (Z.of_N t - Z.of_N b), aligned).
Proof. intros a aligned t b H; destruct a; try contradiction; reflexivity. Qed.

(** ** Exact values of checked fields *)

Local Open Scope Z_scope.

(** The low [w] bits of a value's 32-bit pattern are the value modulo 2^w. *)
Lemma u32_mod_pow : forall v w, 0 <= w <= 32 ->
  Z.of_N (u32 v mod 2 ^ Z.to_N w)%N = v mod 2 ^ w.
Proof.
  intros v w Hw; unfold u32.
  rewrite N2Z.inj_mod, Z2N.id by (apply Z.mod_pos_bound; unfold two32; lia).
  rewrite N2Z.inj_pow, Z2N.id by lia.
  symmetry; apply Zmod_div_mod.
  - apply Z.pow_pos_nonneg; lia.
  - unfold two32; lia.
  - exists (2 ^ (32 - w)). unfold two32. rewrite <- Z.pow_add_r by lia.
    replace (32 - w + w) with 32 by lia. reflexivity.
Qed.

(** Reading the low [w] bits back as a signed number recovers a value in the signed range. *)
Lemma signed_back : forall v w, 0 < w -> - 2 ^ (w - 1) <= v < 2 ^ (w - 1) ->
  v = (if v mod 2 ^ w <? 2 ^ (w - 1) then v mod 2 ^ w else v mod 2 ^ w - 2 ^ w).
Proof.
  intros v w Hw Hv.
  assert (E : 2 ^ w = 2 * 2 ^ (w - 1)).
  { rewrite <- Z.pow_succ_r by lia. f_equal; lia. }
  assert (P : 0 < 2 ^ (w - 1)) by (apply Z.pow_pos_nonneg; lia).
  destruct (Z.le_gt_cases 0 v).
  - rewrite Z.mod_small by lia. destruct (Z.ltb_spec v (2 ^ (w - 1))); lia.
  - replace (v mod 2 ^ w) with (v + 2 ^ w).
    + destruct (Z.ltb_spec (v + 2 ^ w) (2 ^ (w - 1))); lia.
    + apply Z.mod_unique with (-1); lia.
Qed.

(** The number [d] in [0, 2^w) read as a [w]-bit two's-complement number. *)
Definition signed_of (w d : Z) : Z := if d <? 2 ^ (w - 1) then d else d - 2 ^ w.

(** The bytes of a field decode, in the chosen byte order, to the value it holds modulo
    2^(8 * size). *)
Theorem field_decode_mod : forall big k v,
  Z.of_N (decode big (field_bytes big k v)) = v mod 2 ^ (8 * Z.of_N (ref_size k)).
Proof.
  intros big k v; rewrite field_bytes_decode.
  replace (8 * ref_size k)%N with (Z.to_N (8 * Z.of_N (ref_size k))) by (destruct k; reflexivity).
  apply u32_mod_pow; destruct k; simpl; lia.
Qed.

(** Exactness of the checked fields: a value that passed the range check of a 1, 2 or 3-byte
    field is recovered exactly from the field's bytes, as an unsigned number for [$] and as a
    signed number for [!], [@] and [~]. (4-byte fields are never checked and keep the value
    modulo 2^32, [field_decode_mod].) *)
Theorem field_value_exact : forall big k v,
  ref_fits k v = true -> ref_size k <> 4%N ->
  v = (let d := Z.of_N (decode big (field_bytes big k v)) in
       if ref_absolute k then d else signed_of (8 * Z.of_N (ref_size k)) d).
Proof.
  intros big k v F S; cbv zeta; rewrite field_decode_mod.
  destruct k; cbn [ref_fits ref_absolute] in F |- *;
    try (exfalso; apply S; reflexivity);
    apply andb_prop in F; destruct F as [F1 F2]; apply Z.leb_le in F1; apply Z.leb_le in F2;
    try (unfold signed_of; apply signed_back; simpl; lia).
  rewrite Z.mod_small; simpl; lia.
Qed.
