(** * Hex2Imageproof: hex2's [link] returns exactly the correct output of [Hex2Image]. *)

(** [link] writes the tokens one at a time, carrying the address, the [^] flag and the RISC-V
    shift register from token to token, with the labels its layout pass found. [Hex2Image] says
    what each token's piece must be, given the pieces before it. The proof:
    - the writing state after the tokens [ts1] (pieces [ps1]) is what [Hex2Image] computes from
      them ([state_agrees]): the address [address_after], the register [register], and the flag
      [align_pending] on the architectures that read it (elsewhere the displacement ignores it);
    - one token written without error has a correct piece, the bytes written
      ([emit_token_sound]); a correct piece is what writing the token gives
      ([emit_token_complete]);
    - every correct piece is as long as the layout says its token is ([piece_ok_size]), so the
      label table of the layout pass is [Hex2Image.label_at] ([labels_agree]).
    The main theorems: [link_sound], [link_complete], [image_unique], [link_error]. *)

From Coq Require Import NArith ZArith List Lia.
From Hexproof.Spec Require Import Common Hex2Lex Hex2Encode Hex2Spec Hex2Image.
From Hexproof.Proofs Require Import Hex2Properties Hex2Default.
Import ListNotations.
Local Open Scope N_scope.

(** ** The writing pass *)

(** [link] after reading: lay the tokens out, then write them. *)
Definition write (cfg : hex2_config) (ts : list token) : result bytes :=
  match emit cfg (snd (layout cfg (base_ip cfg) ts [])) (mk_emit_state (base_ip cfg) false 0) ts with
  | Err e => Err e
  | Ok (_, out) => Ok out
  end.

Lemma link_write : forall cfg inputs,
  link cfg inputs =
  match lex_files cfg 0 inputs with Err e => Err e | Ok ts => write cfg ts end.
Proof. intros cfg inputs; rewrite link_unfold; reflexivity. Qed.

(** ** Each token with the tokens before it *)

(** [each P ts1 ps1 ts ps]: [P] holds of every token of [ts] and its piece in [ps], given the
    tokens and pieces before it, [ts1] and [ps1] included. *)
Inductive each (P : list token -> list piece -> token -> piece -> Prop)
  : list token -> list piece -> list token -> list piece -> Prop :=
| each_nil : forall ts1 ps1, each P ts1 ps1 [] []
| each_cons : forall ts1 ps1 t p ts ps,
    P ts1 ps1 t p -> each P (ts1 ++ [t]) (ps1 ++ [p]) ts ps -> each P ts1 ps1 (t :: ts) (p :: ps).

Lemma each_nth : forall P ts ts1 ps ps1,
  each P ts1 ps1 ts ps <->
  length ps = length ts /\
  forall i t p, nth_error ts i = Some t -> nth_error ps i = Some p ->
    P (ts1 ++ firstn i ts) (ps1 ++ firstn i ps) t p.
Proof.
  intros P ts; induction ts as [|t ts IH]; intros ts1 ps ps1.
  - split.
    + intros H; inversion H; subst; split; [reflexivity|]. intros [|i]; discriminate.
    + intros [L _]; destruct ps; [constructor | discriminate].
  - split.
    + intros H; inversion H as [|? ? ? p ? ps' Hp He]; subst.
      apply IH in He; destruct He as [L He]; split; [cbn; congruence|].
      intros [|i] t' p' T P'; cbn in T, P'.
      * injection T as <-; injection P' as <-; cbn; rewrite !app_nil_r; exact Hp.
      * specialize (He i t' p' T P'); rewrite <- !app_assoc in He; exact He.
    + intros [L H]; destruct ps as [|p ps]; [discriminate|].
      constructor.
      * specialize (H 0%nat t p eq_refl eq_refl); cbn in H; rewrite !app_nil_r in H; exact H.
      * apply IH; split; [cbn in L; congruence|].
        intros i t' p' T P'. rewrite <- !app_assoc. apply (H (S i)); assumption.
Qed.

Lemma each_impl : forall (P Q : list token -> list piece -> token -> piece -> Prop) ts1 ps1 ts ps,
  (forall ts0 ps0 t p, P ts0 ps0 t p -> Q ts0 ps0 t p) ->
  each P ts1 ps1 ts ps -> each Q ts1 ps1 ts ps.
Proof.
  intros P Q ts1 ps1 ts ps H E; induction E; constructor; auto.
Qed.

Lemma each_length : forall P ts1 ps1 ts ps, each P ts1 ps1 ts ps -> length ps = length ts.
Proof. intros P ts1 ps1 ts ps E; induction E; cbn; congruence. Qed.

(** ** Addresses, the flag and the register, one token further *)

Lemma add32_base : forall b x, add32 (b mod two32N) x = add32 b x.
Proof.
  intros b x; unfold add32, two32N. rewrite N.add_mod_idemp_l by discriminate. reflexivity.
Qed.

Lemma address_after_nil : forall cfg, address_after cfg [] = base_ip cfg.
Proof.
  intros cfg; unfold address_after, base_ip, add32; cbn. rewrite N.add_0_r. reflexivity.
Qed.

Lemma address_after_lt : forall cfg ps, address_after cfg ps < two32N.
Proof. intros; apply add32_lt. Qed.

Lemma address_after_snoc : forall cfg ps p,
  address_after cfg (ps ++ [p]) =
  add32 (address_after cfg ps) (N.of_nat (length (piece_bytes p))).
Proof.
  intros cfg ps p; unfold address_after.
  rewrite add32_add32, map_app, concat_app, app_length, Nat2N.inj_add; cbn.
  rewrite app_nil_r; reflexivity.
Qed.

Lemma disp_other_flag : forall a x y t b d al,
  (reads_align a = true -> x = y) ->
  arch_displacement a x t b = Some (d, al) ->
  exists al', arch_displacement a y t b = Some (d, al').
Proof.
  intros a x y t b d al F H.
  destruct a; cbn [reads_align] in F;
    try (rewrite <- F by reflexivity; exists al; exact H);
    cbn in H |- *; injection H as <- <-; eexists; reflexivity.
Qed.

Lemma disp_clears_flag : forall a x t b d al,
  reads_align a = true -> arch_displacement a x t b = Some (d, al) -> al = false.
Proof.
  intros a x t b d al F H; destruct a; try discriminate F; cbn in H;
    destruct x; try destruct (Z.eqb _ _); try discriminate H; injection H as _ <-; reflexivity.
Qed.

Lemma align_pending_snoc : forall ts1 t,
  align_pending (ts1 ++ [t]) =
  match t with
  | tok_align => true
  | tok_ref _ _ _ _ None | tok_wref _ _ _ _ => false
  | _ => align_pending ts1
  end.
Proof.
  intros ts1 t; unfold align_pending; rewrite rev_app_distr; cbn.
  destruct t as [| | | k f p n [[bn bp]|] | | |]; reflexivity.
Qed.

Lemma data_bytes_app : forall a b, data_bytes (a ++ b) = data_bytes a + data_bytes b.
Proof.
  intros a b; unfold data_bytes; rewrite filter_app, app_length, Nat2N.inj_add; reflexivity.
Qed.

Lemma register_snoc : forall ts1 ps1 t p,
  length ts1 = length ps1 ->
  register (ts1 ++ [t]) (ps1 ++ [p]) =
  N.lxor (N.shiftr (register ts1 ps1) (8 * data_bytes [t])) (piece_bits p).
Proof.
  induction ts1 as [|t1 ts1 IH]; intros [|p1 ps1] t p L; try discriminate L.
  - cbn. rewrite ?N.shiftr_0_l, ?N.lxor_0_l, ?N.lxor_0_r, ?N.mul_0_r, ?N.shiftr_0_r.
    reflexivity.
  - cbn [app register]. rewrite IH by (cbn in L; congruence).
    rewrite data_bytes_app, N.shiftr_lxor, N.shiftr_shiftr, N.mul_add_distr_l.
    rewrite N.lxor_assoc. reflexivity.
Qed.

Lemma register_snoc_byte : forall ts1 ps1 b p,
  length ts1 = length ps1 ->
  register (ts1 ++ [tok_byte b]) (ps1 ++ [p]) =
  N.lxor (N.shiftr (register ts1 ps1) 8) (piece_bits p).
Proof. intros; rewrite register_snoc by assumption; reflexivity. Qed.

(** Only byte tokens move the register on. *)
Lemma register_snoc_other : forall ts1 ps1 t p,
  length ts1 = length ps1 -> (forall b, t <> tok_byte b) ->
  register (ts1 ++ [t]) (ps1 ++ [p]) = N.lxor (register ts1 ps1) (piece_bits p).
Proof.
  intros ts1 ps1 t p L B; rewrite register_snoc by assumption.
  destruct t; try (exfalso; eapply B; reflexivity); reflexivity.
Qed.

(** ** The writing state agrees with [Hex2Image] *)

(** After the tokens [ts1] with pieces [ps1], the state [es] holds the address of the next
    token, the register, and (where it is read) the flag, all as [Hex2Image] computes them. *)
Definition state_agrees (cfg : hex2_config) (ts1 : list token) (ps1 : list piece)
    (es : emit_state) : Prop :=
  length ts1 = length ps1 /\
  es_ip es = address_after cfg ps1 /\
  es_sr es = register ts1 ps1 /\
  (reads_align (h2_arch cfg) = true -> es_aligned es = align_pending ts1).

Lemma state_agrees_start : forall cfg, state_agrees cfg [] [] (mk_emit_state (base_ip cfg) false 0).
Proof.
  intros cfg; split; [reflexivity|]; split; [symmetry; apply address_after_nil|].
  split; reflexivity.
Qed.

(** The labels of a table [l], as [Hex2Image] takes them. *)
Definition table (l : labels) (name : bytes) (a : N) : Prop := label_find name l = Some a.

(** ** Bytes of a field *)

Lemma le_value_decode : forall bs, le_value bs = le_decode bs.
Proof. induction bs as [|b bs IH]; cbn; [reflexivity | rewrite IH; reflexivity]. Qed.

Lemma byte_of_lt : forall u i, byte_of u i < 256.
Proof.
  intros u i; unfold byte_of. change 255 with (N.ones 8). rewrite N.land_ones.
  apply N.mod_lt; discriminate.
Qed.

Lemma field_holds_bytes : forall big k v,
  field_holds big k (field_bytes big k v) v.
Proof.
  intros big k v; split; [apply field_bytes_length|split].
  - destruct k, big; cbn; repeat (apply Forall_cons; [apply byte_of_lt|]); apply Forall_nil.
  - assert (D : decode big (field_bytes big k v) =
                 le_value (if big then rev (field_bytes big k v) else field_bytes big k v))
      by (destruct big; unfold decode, be_decode; symmetry; apply le_value_decode).
    rewrite <- D, field_bytes_decode.
    rewrite <- (u32_mod_pow v (8 * Z.of_N (ref_size k))) by (destruct k; cbn; lia).
    rewrite N2Z.id; destruct k; reflexivity.
Qed.

Lemma le_value_inj : forall a b,
  length a = length b -> Forall (fun x => x < 256) a -> Forall (fun x => x < 256) b ->
  le_value a = le_value b -> a = b.
Proof.
  induction a as [|x a IH]; intros [|y b] L Fa Fb E; try discriminate L; [reflexivity|].
  inversion Fa as [|? ? Hx Fa']; inversion Fb as [|? ? Hy Fb']; subst.
  cbn [le_value] in E.
  assert (Exy : x = y).
  { assert (M : (x + 256 * le_value a) mod 256 = (y + 256 * le_value b) mod 256) by (rewrite E; reflexivity).
    rewrite (N.mul_comm 256 (le_value a)), (N.mul_comm 256 (le_value b)), !N.mod_add,
      !N.mod_small in M by lia.
    exact M. }
  subst; f_equal. apply IH; auto; lia.
Qed.

(** A field's bytes are determined by its value. *)
Lemma field_holds_unique : forall big k bs v,
  field_holds big k bs v -> bs = field_bytes big k v.
Proof.
  intros big k bs v [L [F E]].
  destruct (field_holds_bytes big k v) as [L' [F' E']].
  assert (Lbs : length bs = length (field_bytes big k v)) by lia.
  destruct big.
  - rewrite <- (rev_involutive bs), <- (rev_involutive (field_bytes true k v)). f_equal.
    apply le_value_inj; try (apply Forall_rev; assumption); [rewrite !rev_length; exact Lbs|].
    rewrite E, E'; reflexivity.
  - apply le_value_inj; auto. rewrite E, E'; reflexivity.
Qed.

(** The bytes [<] writes. *)
Lemma pad_bytes : forall n, n <= 3 ->
  (if n =? 1 then [0] else if n =? 2 then [0; 0] else if n =? 3 then [0; 0; 0] else [])
  = repeat 0 (N.to_nat n).
Proof.
  intros n H.
  assert (n = 0 \/ n = 1 \/ n = 2 \/ n = 3) as [-> | [-> | [-> | ->]]] by lia; reflexivity.
Qed.

(** ** One token *)

Lemma label_lookup_ok : forall l x a, label_find x l = Some a -> table l x a.
Proof. intros; assumption. Qed.

Lemma add32_zero_addr : forall cfg ps, add32 (address_after cfg ps) 0 = address_after cfg ps.
Proof. intros; apply add32_0, address_after_lt. Qed.

(** A token that writes no byte (a label, [^], a [.] word, a RISC-V immediate) keeps the
    address and mixes its bits into the register. *)
Lemma agrees_quiet : forall cfg ts1 ps1 ip al sr t al' bits,
  state_agrees cfg ts1 ps1 (mk_emit_state ip al sr) -> (forall b, t <> tok_byte b) ->
  (reads_align (h2_arch cfg) = true -> al' = align_pending (ts1 ++ [t])) ->
  state_agrees cfg (ts1 ++ [t]) (ps1 ++ [mk_piece [] bits]) (mk_emit_state ip al' (N.lxor sr bits)).
Proof.
  intros cfg ts1 ps1 ip al sr t al' bits [L [I [R F]]] B F'; cbn [es_ip es_sr es_aligned] in *.
  split; [rewrite !app_length, L; reflexivity|]. split.
  - rewrite address_after_snoc, I; cbn; rewrite add32_zero_addr; reflexivity.
  - split; [rewrite register_snoc_other by assumption; rewrite R; reflexivity | exact F'].
Qed.

(** Writing one token without error: its bytes are a correct piece, and the state after it
    agrees with the tokens and pieces one further. *)
Lemma emit_token_sound : forall cfg l ts1 ps1 es t es' bs,
  state_agrees cfg ts1 ps1 es ->
  emit_token cfg l es t = Ok (es', bs) ->
  exists p, piece_bytes p = bs /\ piece_ok cfg (table l) ts1 ps1 t p /\
    state_agrees cfg (ts1 ++ [t]) (ps1 ++ [p]) es'.
Proof.
  intros cfg l ts1 ps1 [ip al sr] t es' bs S H. pose proof S as [L [I [R F]]].
  cbn [es_ip es_sr es_aligned] in I, R, F; subst ip sr.
  unfold emit_token in H.
  destruct t as [b|w|n|k file pos n base|k file pos n| |];
    cbn [emit_resolved ref_target ref_base lookup es_ip es_aligned es_sr] in H.
  - (* byte *)
    injection H as <- <-. exists (mk_piece [N.lxor b (N.land (register ts1 ps1) 255)] 0).
    split; [reflexivity|]. split; [split; reflexivity|].
    repeat split; cbn [es_ip es_sr es_aligned].
    + rewrite !app_length, L; reflexivity.
    + rewrite address_after_snoc; reflexivity.
    + rewrite register_snoc_byte by exact L. rewrite N.lxor_0_r. reflexivity.
    + rewrite align_pending_snoc; exact F.
  - (* word *)
    injection H as <- <-. exists (mk_piece [] (word_swap (h2_big_endian cfg) w)).
    split; [reflexivity|]. split; [split; reflexivity|].
    apply (agrees_quiet cfg ts1 ps1 _ al _ _ _ _ S); [discriminate | rewrite align_pending_snoc; exact F].
  - (* label *)
    injection H as <- <-. exists (mk_piece [] 0).
    split; [reflexivity|]. split; [split; reflexivity|].
    rewrite <- (N.lxor_0_r (register ts1 ps1)).
    apply (agrees_quiet cfg ts1 ps1 _ al _ _ _ _ S); [discriminate | rewrite align_pending_snoc; exact F].
  - (* reference *)
    destruct (label_find n l) as [ta|] eqn:T; [|destruct base as [[? ?]|]; discriminate H].
    assert (Hc : exists d al', 
      (match base with
       | Some (bname, _) => exists tb, table l bname tb /\ d = wrap32 (Z.of_N ta - Z.of_N tb)
       | None => exists al2, arch_displacement (h2_arch cfg) (align_pending ts1) ta
                   (add32 (address_after cfg ps1) (ref_size k)) = Some (d, al2)
       end) /\
      (match base with Some _ => al' = al | None => reads_align (h2_arch cfg) = true -> al' = false end) /\
      (if ref_fits k (if ref_absolute k then s32 ta else d)
       then Ok (mk_emit_state (add32 (address_after cfg ps1) (ref_size k)) al' (register ts1 ps1),
                field_bytes (h2_big_endian cfg) k (if ref_absolute k then s32 ta else d))
       else Err (emit_error displacement_out_of_range file pos
                   (if ref_absolute k then s32 ta else d) [])) = Ok (es', bs)).
    { destruct base as [[bn bp]|]; cbn [lookup] in H.
      - destruct (label_find bn l) as [tb|] eqn:B; cbv beta iota zeta in H; [|discriminate H].
        exists (wrap32 (Z.of_N ta - Z.of_N tb)), al. split; [exists tb; split; [exact B|reflexivity]|].
        split; [reflexivity | exact H].
      - destruct (arch_displacement (h2_arch cfg) al ta (add32 (address_after cfg ps1) (ref_size k)))
          as [[d al']|] eqn:D; cbv beta iota zeta in H; [|discriminate H].
        exists d, al'. split; [|split; [intros Fl; exact (disp_clears_flag _ _ _ _ _ _ Fl D) | exact H]].
        apply (disp_other_flag _ al _ _ _ _ al'); [exact F | exact D]. }
    destruct Hc as [d [al' [Hd [Hal He]]]].
    destruct (ref_fits k (if ref_absolute k then s32 ta else d)) eqn:Fits; [|discriminate He].
    injection He as <- <-.
    exists (mk_piece (field_bytes (h2_big_endian cfg) k (if ref_absolute k then s32 ta else d)) 0).
    split; [reflexivity|]. split.
    + split; [reflexivity|]. eexists; split; [|split; [exact Fits | apply field_holds_bytes]].
      exists ta, d; split; [exact T|]; split; [exact Hd | reflexivity].
    + repeat split; cbn [es_ip es_sr es_aligned piece_bytes piece_bits].
      * rewrite !app_length, L; reflexivity.
      * rewrite address_after_snoc; cbn [piece_bytes]. rewrite field_bytes_length; reflexivity.
      * rewrite register_snoc_other by (exact L || discriminate). symmetry; apply N.lxor_0_r.
      * intros Fl. rewrite align_pending_snoc. destruct base as [[? ?]|].
        -- rewrite Hal; apply F, Fl.
        -- apply Hal, Fl.
  - (* RISC-V immediate *)
    destruct (label_find n l) as [ta|] eqn:T; [|discriminate H].
    destruct (arch_displacement (h2_arch cfg) al ta (address_after cfg ps1)) as [[d al']|] eqn:D;
      [|discriminate H].
    destruct (riscv_field k d) as [f|] eqn:Rf; [|discriminate H].
    injection H as <- <-. exists (mk_piece [] f).
    split; [reflexivity|]. split.
    + split; [reflexivity|].
      destruct (disp_other_flag _ al (align_pending ts1) _ _ _ _ F D) as [al2 D2].
      exists ta, d, al2; split; [exact T|]; split; [exact D2 | exact Rf].
    + apply (agrees_quiet cfg ts1 ps1 _ al _ _ _ _ S); [discriminate |].
      intros Fl. rewrite align_pending_snoc. exact (disp_clears_flag _ _ _ _ _ _ Fl D).
  - (* < *)
    injection H as <- <-.
    exists (mk_piece (repeat 0 (N.to_nat (pad_size (h2_arch cfg) (address_after cfg ps1)))) 0).
    split; [symmetry; apply pad_bytes, pad_size_le|]. split; [split; reflexivity|].
    repeat split; cbn [es_ip es_sr es_aligned].
    + rewrite !app_length, L; reflexivity.
    + rewrite address_after_snoc; cbn. rewrite repeat_length, N2Nat.id. reflexivity.
    + rewrite register_snoc_other by (exact L || discriminate). symmetry; apply N.lxor_0_r.
    + rewrite align_pending_snoc; exact F.
  - (* ^ *)
    injection H as <- <-. exists (mk_piece [] 0).
    split; [reflexivity|]. split; [split; reflexivity|].
    rewrite <- (N.lxor_0_r (register ts1 ps1)).
    apply (agrees_quiet cfg ts1 ps1 _ al _ _ _ _ S); [discriminate | rewrite align_pending_snoc; reflexivity].
Qed.

(** A token has at most one correct piece. *)
Lemma piece_ok_functional : forall cfg l ts1 ps1 t p1 p2,
  piece_ok cfg (table l) ts1 ps1 t p1 -> piece_ok cfg (table l) ts1 ps1 t p2 -> p1 = p2.
Proof.
  intros cfg l ts1 ps1 t [b1 x1] [b2 x2] H1 H2; unfold table in *.
  destruct t as [b|w|n|k file pos n base|k file pos n| |]; cbn in H1, H2.
  - destruct H1 as [-> ->], H2 as [-> ->]; reflexivity.
  - destruct H1 as [-> ->], H2 as [-> ->]; reflexivity.
  - destruct H1 as [-> ->], H2 as [-> ->]; reflexivity.
  - destruct H1 as [-> [v1 [[ta1 [d1 [T1 [B1 V1]]]] [_ F1]]]].
    destruct H2 as [-> [v2 [[ta2 [d2 [T2 [B2 V2]]]] [_ F2]]]].
    rewrite T1 in T2; injection T2 as <-.
    assert (d1 = d2).
    { destruct base as [[bn bp]|].
      - destruct B1 as [tb1 [E1 ->]], B2 as [tb2 [E2 ->]]. rewrite E1 in E2.
        injection E2 as <-; reflexivity.
      - destruct B1 as [al1 E1], B2 as [al2 E2]. rewrite E1 in E2. injection E2 as <- _.
        reflexivity. }
    subst. apply field_holds_unique in F1, F2. subst; reflexivity.
  - destruct H1 as [-> [ta1 [d1 [al1 [T1 [D1 R1]]]]]].
    destruct H2 as [-> [ta2 [d2 [al2 [T2 [D2 R2]]]]]].
    rewrite T1 in T2; injection T2 as <-. rewrite D1 in D2; injection D2 as <- _.
    rewrite R1 in R2; injection R2 as <-; reflexivity.
  - destruct H1 as [-> ->], H2 as [-> ->]; reflexivity.
  - destruct H1 as [-> ->], H2 as [-> ->]; reflexivity.
Qed.

(** A token that has a correct piece is written without error. *)
Lemma emit_token_ok : forall cfg l ts1 ps1 es t p,
  state_agrees cfg ts1 ps1 es ->
  piece_ok cfg (table l) ts1 ps1 t p ->
  exists r, emit_token cfg l es t = Ok r.
Proof.
  intros cfg l ts1 ps1 [ip al sr] t p [L [I [R F]]] H.
  cbn [es_ip es_sr es_aligned] in I, R, F; subst ip sr.
  assert (F' : reads_align (h2_arch cfg) = true -> align_pending ts1 = al)
    by (intros X; symmetry; apply F, X).
  unfold emit_token, table in *.
  destruct t as [b|w|n|k file pos n base|k file pos n| |];
    cbn [emit_resolved ref_target ref_base lookup es_ip es_aligned es_sr];
    try (eexists; reflexivity).
  - destruct H as [_ [v [[ta [d [T [B V]]]] [Fits _]]]]. rewrite T.
    destruct base as [[bn bp]|]; cbn [lookup].
    + destruct B as [tb [Eb ->]]. rewrite Eb. cbv beta iota zeta.
      subst v; rewrite Fits. eexists; reflexivity.
    + destruct B as [al2 D].
      destruct (disp_other_flag _ _ al _ _ _ _ F' D) as [al3 D3]. rewrite D3.
      cbv beta iota zeta. subst v; rewrite Fits. eexists; reflexivity.
  - destruct H as [_ [ta [d [al2 [T [D Rf]]]]]]. rewrite T.
    destruct (disp_other_flag _ _ al _ _ _ _ F' D) as [al3 D3]. rewrite D3, Rf.
    eexists; reflexivity.
Qed.

(** Writing a token whose piece is correct writes that piece. *)
Lemma emit_token_complete : forall cfg l ts1 ps1 es t p,
  state_agrees cfg ts1 ps1 es ->
  piece_ok cfg (table l) ts1 ps1 t p ->
  exists es', emit_token cfg l es t = Ok (es', piece_bytes p) /\
    state_agrees cfg (ts1 ++ [t]) (ps1 ++ [p]) es'.
Proof.
  intros cfg l ts1 ps1 es t p S H.
  destruct (emit_token_ok cfg l ts1 ps1 es t p S H) as [[es' bs] E].
  destruct (emit_token_sound cfg l ts1 ps1 es t es' bs S E) as [p' [B [H' S']]].
  rewrite (piece_ok_functional cfg l ts1 ps1 t p p' H H'), B.
  exists es'; split; [exact E | exact S'].
Qed.

(** ** All tokens *)

Lemma emit_sound : forall cfg l ts ts1 ps1 es es' out,
  state_agrees cfg ts1 ps1 es ->
  emit cfg l es ts = Ok (es', out) ->
  exists ps, each (piece_ok cfg (table l)) ts1 ps1 ts ps /\ out = concat (map piece_bytes ps).
Proof.
  intros cfg l ts; induction ts as [|t ts IH]; intros ts1 ps1 es es' out S H.
  - injection H as _ <-. exists []; split; [constructor | reflexivity].
  - cbn [emit] in H.
    destruct (emit_token cfg l es t) as [[es1 bs1]|e] eqn:E1; [|discriminate H].
    destruct (emit cfg l es1 ts) as [[es2 bs2]|e] eqn:E2; [|discriminate H].
    injection H as _ <-.
    destruct (emit_token_sound cfg l ts1 ps1 es t es1 bs1 S E1) as [p [B [Hp S1]]].
    destruct (IH _ _ es1 es2 bs2 S1 E2) as [ps [Hps O]].
    exists (p :: ps); split; [constructor; assumption|]. cbn; rewrite B, O; reflexivity.
Qed.

Lemma emit_complete : forall cfg l ts ts1 ps1 ps es,
  state_agrees cfg ts1 ps1 es ->
  each (piece_ok cfg (table l)) ts1 ps1 ts ps ->
  exists es', emit cfg l es ts = Ok (es', concat (map piece_bytes ps)).
Proof.
  intros cfg l ts ts1 ps1 ps es S E; revert es S; induction E as [|ts1 ps1 t p ts ps Hp E IH];
    intros es S.
  - exists es; reflexivity.
  - destruct (emit_token_complete cfg l ts1 ps1 es t p S Hp) as [es1 [E1 S1]].
    destruct (IH es1 S1) as [es2 E2].
    exists es2; cbn [emit map concat]; rewrite E1, E2; reflexivity.
Qed.

(** ** Labels *)

(** A correct piece is as long as the layout pass says its token is. *)
Lemma piece_ok_size : forall cfg D ts1 ps1 t p,
  piece_ok cfg D ts1 ps1 t p ->
  N.of_nat (length (piece_bytes p)) = token_size cfg (address_after cfg ps1) t.
Proof.
  intros cfg D ts1 ps1 t p H.
  destruct t as [b|w|n|k file pos n base|k file pos n| |]; cbn in H |- *;
    try (destruct H as [-> _]; reflexivity).
  - destruct H as [_ [v [_ [_ [L _]]]]]; exact L.
  - destruct H as [-> _]; rewrite repeat_length, N2Nat.id; reflexivity.
Qed.

Definition sized (cfg : hex2_config) (ts1 : list token) (ps1 : list piece) (t : token)
    (p : piece) : Prop :=
  N.of_nat (length (piece_bytes p)) = token_size cfg (address_after cfg ps1) t.

Lemma layout_fst : forall cfg ts1 ps1 ts ps acc,
  each (sized cfg) ts1 ps1 ts ps ->
  fst (layout cfg (address_after cfg ps1) ts acc) = address_after cfg (ps1 ++ ps).
Proof.
  intros cfg ts1 ps1 ts ps acc E; revert acc;
    induction E as [ts1 ps1|ts1 ps1 t p ts ps Hp E IH]; intros acc.
  - rewrite app_nil_r; reflexivity.
  - cbn [layout]. unfold next_ip, sized in *. rewrite <- Hp, <- address_after_snoc, IH.
    rewrite <- app_assoc; reflexivity.
Qed.

Lemma each_app : forall P ts2 ts1 a b ps,
  each P a b (ts1 ++ ts2) ps ->
  exists ps1 ps2, ps = ps1 ++ ps2 /\ length ps1 = length ts1 /\
    each P a b ts1 ps1 /\ each P (a ++ ts1) (b ++ ps1) ts2 ps2.
Proof.
  intros P ts2 ts1; induction ts1 as [|t ts1 IH]; intros a b ps E.
  - exists [], ps; rewrite !app_nil_r; repeat split; [constructor | exact E].
  - inversion E as [|? ? ? p ? ps' Hp E']; subst.
    destruct (IH _ _ _ E') as [ps1 [ps2 [-> [L [E1 E2]]]]].
    exists (p :: ps1), ps2; rewrite <- !app_assoc in E2.
    repeat split; [cbn; congruence | constructor; assumption | exact E2].
Qed.

Lemma token_eq_dec : forall a b : token, {a = b} + {a <> b}.
Proof.
  assert (Bd : forall x y : bytes, {x = y} + {x <> y}) by apply (list_eq_dec N.eq_dec).
  assert (Kd : forall x y : ref_kind, {x = y} + {x <> y}) by decide equality.
  decide equality; try apply N.eq_dec; try apply Bd; try apply Kd.
  decide equality. decide equality; try apply N.eq_dec; try apply Bd.
Qed.

Lemma last_label_split : forall n ts,
  In (tok_label n) ts -> exists ts1 ts2, ts = ts1 ++ tok_label n :: ts2 /\ ~ In (tok_label n) ts2.
Proof.
  intros n ts; induction ts as [|t ts IH]; intros H; [destruct H|].
  destruct (in_dec token_eq_dec (tok_label n) ts) as [I|I].
  - destruct (IH I) as [ts1 [ts2 [-> N]]]. exists (t :: ts1), ts2; split; [reflexivity | exact N].
  - destruct H as [->|H]; [|contradiction]. exists [], ts; split; [reflexivity | exact I].
Qed.

(** When every piece is as long as its token, the layout pass's table gives each label the
    address [Hex2Image.label_at] gives it. *)
Lemma labels_agree : forall cfg ts ps,
  each (sized cfg) [] [] ts ps ->
  forall n a, table (snd (layout cfg (base_ip cfg) ts [])) n a <-> label_at cfg ts ps n a.
Proof.
  intros cfg ts ps E.
  assert (Fw : forall n a, label_at cfg ts ps n a ->
                 table (snd (layout cfg (base_ip cfg) ts [])) n a).
  { intros n a [ts1 [ts2 [Ets [N ->]]]]. subst ts.
    destruct (each_app _ _ _ _ _ _ E) as [ps1 [ps2 [-> [L [E1 _]]]]].
    unfold table. rewrite layout_app; cbn [layout].
    rewrite label_find_layout_other by exact N; cbn [label_find]; rewrite name_eqb_refl.
    rewrite <- L, firstn_app, Nat.sub_diag, firstn_all; cbn [firstn]; rewrite app_nil_r.
    rewrite <- address_after_nil, (layout_fst cfg [] [] ts1 ps1 [] E1); reflexivity. }
  intros n a; split; [|apply Fw].
  intros T. destruct (in_dec token_eq_dec (tok_label n) ts) as [I|I].
  - destruct (last_label_split n ts I) as [ts1 [ts2 [Ets N]]].
    assert (A : label_at cfg ts ps n (address_after cfg (firstn (length ts1) ps)))
      by (exists ts1, ts2; repeat split; assumption).
    pose proof (Fw _ _ A) as T'. unfold table in T, T'. rewrite T in T'.
    injection T' as ->; exact A.
  - unfold table in T. rewrite label_find_layout_other in T by exact I. discriminate T.
Qed.

Lemma piece_ok_iff : forall cfg D1 D2 ts1 ps1 t p,
  (forall n a, D1 n a <-> D2 n a) ->
  piece_ok cfg D1 ts1 ps1 t p -> piece_ok cfg D2 ts1 ps1 t p.
Proof.
  intros cfg D1 D2 ts1 ps1 t p H P.
  destruct t as [b|w|n|k file pos n base|k file pos n| |]; cbn in P |- *; try exact P.
  - destruct P as [Hb [v [[ta [d [T [B V]]]] R]]].
    split; [exact Hb|]. exists v; split; [|exact R].
    exists ta, d; split; [apply H, T|]; split; [|exact V].
    destruct base as [[bn bp]|]; [|exact B].
    destruct B as [tb [Tb Ed]]; exists tb; split; [apply H, Tb | exact Ed].
  - destruct P as [Hb [ta [d [al [T R]]]]].
    split; [exact Hb|]. exists ta, d, al; split; [apply H, T | exact R].
Qed.

(** ** The theorems *)

(** The writing pass succeeds with [out] exactly when [out] is the correct output. *)
Lemma write_image : forall cfg ts out, write cfg ts = Ok out <-> image cfg ts out.
Proof.
  intros cfg ts out; unfold write.
  set (l := snd (layout cfg (base_ip cfg) ts [])).
  split.
  - destruct (emit cfg l (mk_emit_state (base_ip cfg) false 0) ts) as [[es' o]|e] eqn:E;
      [|discriminate]. intros H; injection H as <-.
    destruct (emit_sound cfg l ts [] [] _ es' o (state_agrees_start cfg) E) as [ps [Hps ->]].
    assert (Sz : each (sized cfg) [] [] ts ps)
      by (eapply each_impl; [|exact Hps]; intros; eapply piece_ok_size; eassumption).
    assert (Ok' : each (piece_ok cfg (label_at cfg ts ps)) [] [] ts ps).
    { eapply each_impl; [|exact Hps]. intros ts0 ps0 t p P.
      eapply piece_ok_iff; [|exact P]. apply labels_agree, Sz. }
    apply each_nth in Ok'; destruct Ok' as [L H].
    exists ps; split; [exact L|]; split; [reflexivity|]. exact H.
  - intros [ps [L [-> H]]].
    assert (Ok' : each (piece_ok cfg (label_at cfg ts ps)) [] [] ts ps)
      by (apply each_nth; split; assumption).
    assert (Sz : each (sized cfg) [] [] ts ps)
      by (eapply each_impl; [|exact Ok']; intros; eapply piece_ok_size; eassumption).
    assert (Hps : each (piece_ok cfg (table l)) [] [] ts ps).
    { eapply each_impl; [|exact Ok']. intros ts0 ps0 t p P.
      eapply piece_ok_iff; [|exact P]. intros n a; symmetry; apply labels_agree, Sz. }
    destruct (emit_complete cfg l ts [] [] ps _ (state_agrees_start cfg) Hps) as [es' E].
    rewrite E; reflexivity.
Qed.

(** Soundness: what hex2 writes is the correct output of the tokens it read. *)
Theorem link_sound : forall cfg inputs ts out,
  lex_files cfg 0 inputs = Ok ts ->
  link cfg inputs = Ok out ->
  image cfg ts out.
Proof.
  intros cfg inputs ts out L H; rewrite link_write, L in H; apply write_image, H.
Qed.

(** Completeness: when the tokens hex2 read have a correct output, hex2 writes it. *)
Theorem link_complete : forall cfg inputs ts out,
  lex_files cfg 0 inputs = Ok ts ->
  image cfg ts out ->
  link cfg inputs = Ok out.
Proof.
  intros cfg inputs ts out L H; rewrite link_write, L; apply write_image, H.
Qed.

(** Uniqueness: any tokens have at most one correct output. *)
Theorem image_unique : forall cfg ts out1 out2,
  image cfg ts out1 -> image cfg ts out2 -> out1 = out2.
Proof.
  intros cfg ts out1 out2 H1 H2; apply write_image in H1, H2.
  rewrite H1 in H2; injection H2 as <-; reflexivity.
Qed.

(** ** Errors *)

Lemma lex_bytes_error_kind : forall cfg file bs off st e,
  lex_bytes cfg file off st bs = Err e ->
  err_kind e = nul_in_name \/ err_kind e = unterminated_word.
Proof.
  intros cfg file bs; induction bs as [|c bs IH]; intros off st e H; cbn [lex_bytes] in H.
  - destruct st as [m n h]; destruct m; cbn in H; try discriminate H;
      injection H as <-; right; reflexivity.
  - destruct (lex_step cfg file off st c) as [[st' ot]|e'] eqn:S.
    + destruct (lex_bytes cfg file (off + 1) st' bs) as [ts|e'] eqn:B;
        [destruct ot; discriminate H|]. injection H as <-. eapply IH; exact B.
    + injection H as <-. left. destruct st as [m n h]; unfold lex_step in S.
      destruct m; cbn [ls_mode] in S;
        try (unfold lex_data, lex_word, lex_continue, lex_emit in S;
             repeat match type of S with
                    | context [if ?b then _ else _] => destruct b
                    | context [match ?x with _ => _ end] => destruct x
                    end; discriminate S);
        repeat match type of S with
               | context [if ?b then _ else _] => destruct b
               end; try discriminate S; injection S as <-; reflexivity.
Qed.

Lemma lex_files_error_kind : forall cfg inputs file e,
  lex_files cfg file inputs = Err e ->
  err_kind e = nul_in_name \/ err_kind e = unterminated_word.
Proof.
  intros cfg inputs; induction inputs as [|bs inputs IH]; intros file e H; [discriminate H|].
  cbn [lex_files] in H.
  destruct (lex_bytes cfg file 0 lex_init bs) as [ts|e'] eqn:B.
  - destruct (lex_files cfg (file + 1) inputs) as [ts'|e'] eqn:F; [discriminate H|].
    injection H as <-; eapply IH; exact F.
  - injection H as <-; eapply lex_bytes_error_kind; exact B.
Qed.

Lemma emit_error_at : forall cfg l ts es e,
  emit cfg l es ts = Err e ->
  exists ts1 t ts2 es1, ts = ts1 ++ t :: ts2 /\ emit_token cfg l es1 t = Err e.
Proof.
  intros cfg l ts; induction ts as [|t ts IH]; intros es e H; [discriminate H|].
  cbn [emit] in H.
  destruct (emit_token cfg l es t) as [[es1 o1]|e1] eqn:E1.
  - destruct (emit cfg l es1 ts) as [[es2 o2]|e2] eqn:E2; [discriminate H|].
    injection H as <-. destruct (IH es1 e2 E2) as [ts1 [t' [ts2 [es3 [-> E]]]]].
    exists (t :: ts1), t', ts2, es3; split; [reflexivity | exact E].
  - injection H as <-. exists [], t, ts, es; split; [reflexivity | exact E1].
Qed.

(** What a writing error says about the reference [t] it is reported at (docs/contract.md):
    an undefined target (placed at the name, after the sigil) or base (at the base name),
    which the error names; or, placed at the sigil, armv7l's alignment check after [^], the
    field's range check, or the RISC-V immediate's range check. *)
Definition reference_error (undefined : bytes -> Prop) (e : error) (t : token) : Prop :=
  match t with
  | tok_ref _ f p target base =>
      err_file e = f /\
      ((err_kind e = undefined_label /\ undefined (err_subject e) /\
        ((err_offset e = p + 1 /\ err_subject e = target) \/
         base = Some (err_subject e, err_offset e))) \/
       (err_offset e = p /\
        (err_kind e = unaligned_branch_target \/ err_kind e = displacement_out_of_range)))
  | tok_wref _ f p target =>
      err_file e = f /\
      ((err_kind e = undefined_label /\ undefined (err_subject e) /\
        err_offset e = p + 1 /\ err_subject e = target) \/
       (err_offset e = p /\
        (err_kind e = unaligned_branch_target \/ err_kind e = riscv_field_out_of_range)))
  | _ => False
  end.

Lemma reference_error_impl : forall (U1 U2 : bytes -> Prop) e t,
  (forall n, U1 n -> U2 n) -> reference_error U1 e t -> reference_error U2 e t.
Proof.
  intros U1 U2 e t H R; destruct t; cbn in R |- *; try contradiction; intuition.
Qed.

Lemma emit_token_error : forall cfg l es t e,
  emit_token cfg l es t = Err e ->
  reference_error (fun n => label_find n l = None) e t.
Proof.
  intros cfg l [ip al sr] t e H; unfold emit_token in H.
  destruct t as [b|w|n|k file pos n base|k file pos n| |];
    cbn [emit_resolved ref_target ref_base lookup es_ip es_aligned es_sr] in H |- *;
    try discriminate H.
  - destruct (label_find n l) as [ta|] eqn:T.
    2:{ destruct base as [[? ?]|]; injection H as <-; cbn; (split; [reflexivity | left; auto]). }
    destruct base as [[bn bp]|]; cbn [lookup] in H.
    + destruct (label_find bn l) as [tb|] eqn:B; cbv beta iota zeta in H.
      * destruct (ref_fits _ _); [discriminate H|]. injection H as <-; cbn; auto.
      * injection H as <-; cbn; (split; [reflexivity | left; auto]).
    + destruct (arch_displacement _ _ _ _) as [[d al']|]; cbv beta iota zeta in H.
      * destruct (ref_fits _ _); [discriminate H|]. injection H as <-; cbn; auto.
      * injection H as <-; cbn; auto.
  - destruct (label_find n l) as [ta|] eqn:T.
    2:{ injection H as <-; cbn; (split; [reflexivity | left; auto]). }
    destruct (arch_displacement _ _ _ _) as [[d al']|]; [|injection H as <-; cbn; auto].
    destruct (riscv_field k d); [discriminate H|]. injection H as <-; cbn; auto.
Qed.

Lemma label_find_defined : forall cfg ts ip n,
  In (tok_label n) ts -> label_find n (snd (layout cfg ip ts [])) <> None.
Proof.
  intros cfg ts ip n I. destruct (last_label_split n ts I) as [ts1 [ts2 [-> N]]].
  rewrite layout_app; cbn [layout]. rewrite label_find_layout_other by exact N.
  cbn [label_find]; rewrite name_eqb_refl; discriminate.
Qed.

(** The error side. When hex2 fails, either reading failed (a NUL in a name or a [.] word cut
    short; [Hex2Image] starts from the tokens, so these errors are the reader's own), or the
    tokens have no correct output at all, and the error is reported at a reference of the
    tokens and says why ([reference_error]): its target or [>base] is defined nowhere (the
    error names it), or armv7l's alignment check, the field's range check or the RISC-V
    immediate's range check fails. *)
Theorem link_error : forall cfg inputs e,
  link cfg inputs = Err e ->
  (lex_files cfg 0 inputs = Err e /\
   (err_kind e = nul_in_name \/ err_kind e = unterminated_word)) \/
  (exists ts, lex_files cfg 0 inputs = Ok ts /\ ~ (exists out, image cfg ts out) /\
   exists t, In t ts /\ reference_error (fun n => ~ In (tok_label n) ts) e t).
Proof.
  intros cfg inputs e H. rewrite link_write in H.
  destruct (lex_files cfg 0 inputs) as [ts|e'] eqn:L.
  - right. exists ts; split; [reflexivity|]; split.
    + intros [out I]. apply write_image in I. rewrite I in H; discriminate H.
    + unfold write in H.
      destruct (emit _ _ _ ts) as [[es' o]|e'] eqn:E; [discriminate H|]. injection H as <-.
      destruct (emit_error_at _ _ _ _ _ E) as [ts1 [t [ts2 [es1 [Ets Et]]]]].
      exists t; split; [rewrite Ets; apply in_or_app; right; left; reflexivity|].
      eapply reference_error_impl; [|exact (emit_token_error _ _ _ _ _ Et)].
      intros n U I. exact (label_find_defined cfg ts _ _ I U).
  - left; injection H as <-; split; [reflexivity|]. eapply lex_files_error_kind; exact L.
Qed.
