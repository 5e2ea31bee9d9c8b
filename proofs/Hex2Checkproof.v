(** * Hex2Checkproof: the strict checker reports exactly the quirk uses of a hex2 program. *)

(** [check_correct]: a use is in [Hex2Check.check cfg inputs] exactly when
    [Hex2Strict.uses cfg inputs] holds of it, so every use is reported, and every report is a
    use, at the byte, end of file or token [uses] places it; [check_clean]: the checker reports
    nothing exactly when the program is strict-clean. The proof has three parts:
    - the uses in bytes and at ends ([scan_lex]): [scan_bytes] runs [lex_step] as [lex_run]
      does and looks at the same state and byte;
    - the tokens ([scan_files_uses]): [scan_bytes] hands [see_token] the tokens of
      [read_files] at 1.7.0's resolutions, with the same offsets;
    - the uses in the tokens ([see_files_uses]): after a prefix of the tokens, [see_token]'s
      state holds the first definition of each label, the [^] flag of the prefix and the words
      of the current file by the number of bytes after them, and its uses are those made in the
      prefix. *)

From Coq Require Import NArith ZArith List Lia.
From Hexproof.Spec Require Import Common Quirks Hex2Lex Hex2Encode Hex2Spec Hex2Image Hex2Strict.
From Hexproof.Proofs Require Import ByteMap ListFacts Hex2Default Hex2Imageproof Hex2Strictproof
  Hex2Check.
Import ListNotations.
Local Open Scope N_scope.
Local Open Scope bool_scope.

(** ** Uses in bytes and at ends *)

(** The uses in the bytes [bs], read from offset [off] in state [st], and at their end. *)
Definition lex_use (cfg : hex2_config) (file off : N) (st : lex_state) (bs : bytes)
    (u : quirk_use) : Prop :=
  (exists pre c post st' k, bs = pre ++ c :: post /\ lex_run cfg file off st pre = Ok st' /\
     byte_quirk cfg st' c = Some k /\
     u = in_name_use k file (off + N.of_nat (length pre)) st') \/
  (exists st' k, lex_run cfg file off st bs = Ok st' /\ end_quirk st' k /\
     u = plain_use k file (off + N.of_nat (length bs)) []).

Lemma end_uses_in : forall file off st lu u,
  In u (end_uses file off st lu) <->
  In u lu \/ exists k, end_quirk st k /\ u = plain_use k file off [].
Proof.
  intros file off st lu u; unfold end_uses, end_quirk.
  destruct (0 <? ls_count st) eqn:C, (is_open st) eqn:O;
    [apply N.ltb_lt in C|apply N.ltb_lt in C|apply N.ltb_ge in C|apply N.ltb_ge in C];
    cbn; split; intros H.
  all: repeat match goal with
    | H : _ \/ _ |- _ => destruct H
    | H : exists _, _ |- _ => destruct H
    | H : _ /\ _ |- _ => destruct H
    end; subst; auto.
  all: try (right; eexists; split; [|reflexivity]; solve [left; auto | right; auto]).
  all: try discriminate; try lia.
Qed.

Lemma byte_use_in : forall cfg file off st c lu u,
  In u (byte_use cfg file off st c lu) <->
  In u lu \/ exists k, byte_quirk cfg st c = Some k /\ u = in_name_use k file off st.
Proof.
  intros cfg file off st c lu u; unfold byte_use.
  destruct (byte_quirk cfg st c) as [k|]; cbn; split; intros H.
  - destruct H as [<-|H]; [right; exists k; auto|left; exact H].
  - destruct H as [H|[k' [E ->]]]; [right; exact H|injection E as ->; left; reflexivity].
  - left; exact H.
  - destruct H as [H|[k' [E _]]]; [exact H|discriminate].
Qed.

Lemma scan_lex : forall cfg file bs off st lu h u,
  In u (hs_uses (scan_bytes cfg file off st bs lu h)) <-> In u lu \/ lex_use cfg file off st bs u.
Proof.
  intros cfg file bs; induction bs as [|c bs IH]; intros off st lu h u.
  - cbn [scan_bytes]. assert (E : forall r : hscan, hs_uses r = hs_uses r) by reflexivity.
    transitivity (In u (end_uses file off st lu)).
    { destruct (lex_finish file st) as [[t|]|e]; reflexivity. }
    rewrite end_uses_in. unfold lex_use. split.
    + intros [H|[k [K ->]]]; [left; exact H|right; right; exists st, k].
      rewrite N.add_0_r; auto.
    + intros [H|[[pre [c [post [_ [_ [B _]]]]]]|[st' [k [R [K ->]]]]]]; [left; exact H| |].
      * destruct pre; discriminate B.
      * injection R as <-; right; exists k; rewrite N.add_0_r; auto.
  - cbn [scan_bytes]. set (lu' := byte_use cfg file off st c lu).
    assert (Hlu : forall u, In u lu' <-> In u lu \/
              exists k, byte_quirk cfg st c = Some k /\ u = in_name_use k file off st)
      by (intros; apply byte_use_in).
    destruct (lex_step cfg file off st c) as [[st' ot]|e] eqn:S.
    + transitivity (In u lu' \/ lex_use cfg file (off + 1) st' bs u).
      { destruct ot; apply IH. }
      rewrite Hlu. unfold lex_use. split.
      * intros [[H|[k [K ->]]]|[[pre [c' [post [st'' [k [B [R [K ->]]]]]]]]|[st'' [k [R [K ->]]]]]].
        -- left; exact H.
        -- right; left; exists [], c, bs, st, k; rewrite N.add_0_r; auto.
        -- right; left; exists (c :: pre), c', post, st'', k. cbn [lex_run length]; rewrite S.
           split; [rewrite B; reflexivity|]. split; [exact R|]. split; [exact K|].
           f_equal; lia.
        -- right; right; exists st'', k. cbn [lex_run length]; rewrite S.
           split; [exact R|]. split; [exact K|]. f_equal; lia.
      * intros [H|[[pre [c' [post [st'' [k [B [R [K ->]]]]]]]]|[st'' [k [R [K ->]]]]]].
        -- left; left; exact H.
        -- destruct pre as [|c0 pre].
           ++ injection B as <- <-; injection R as <-. left; right; exists k.
              rewrite N.add_0_r; auto.
           ++ injection B as <- B. cbn [lex_run length] in R |- *; rewrite S in R.
              right; left; exists pre, c', post, st'', k; repeat split; auto. f_equal; lia.
        -- cbn [lex_run length] in R |- *; rewrite S in R. right; right; exists st'', k.
           repeat split; auto. f_equal; lia.
    + cbn [hs_uses]. rewrite Hlu. unfold lex_use. split.
      * intros [H|[k [K ->]]]; [left; exact H|right; left; exists [], c, bs, st, k].
        rewrite N.add_0_r; auto.
      * intros [H|[[pre [c' [post [st'' [k [B [R [K ->]]]]]]]]|[st'' [k [R _]]]]].
        -- left; exact H.
        -- destruct pre as [|c0 pre].
           ++ injection B as <- <-; injection R as <-. right; exists k.
              rewrite N.add_0_r; auto.
           ++ injection B as <- _. cbn [lex_run] in R; rewrite S in R; discriminate.
        -- cbn [lex_run] in R; rewrite S in R; discriminate.
Qed.

(** ** The tokens [scan_bytes] hands on *)

Definition see_all (cfg : hex2_config) (h : hcheck) (file : N) (ts : list (N * token)) : hcheck :=
  fold_left (fun h ot => see_token cfg h file (fst ot) (snd ot)) ts h.

(** The tokens of the files [tss], file [file] first. *)
Fixpoint see_files (cfg : hex2_config) (file : N) (tss : list (list (N * token))) (h : hcheck)
  : hcheck :=
  match tss with
  | [] => h
  | ts :: rest =>
      match rest with
      | [] => see_all cfg h file ts
      | _ :: _ => see_files cfg (file + 1) rest (end_of_file file (see_all cfg h file ts))
      end
  end.

Definition finish_token (st : lex_state) (len : N) (ot : option token) : list (N * token) :=
  match ot with
  | None => []
  | Some t => [(token_offset st len, t)]
  end.

Lemma scan_tokens : forall cfg file bs off st lu h,
  let r := scan_bytes cfg file off st bs lu h in
  match read_bytes hex2_1_7_0 cfg file off st bs with
  | Err _ => hs_ok r = false
  | Ok (st', ts) =>
      match lex_finish file st' with
      | Err _ => hs_ok r = false
      | Ok ot =>
          hs_ok r = true /\
          hs_tokens r = see_all cfg h file (ts ++ finish_token st' (off + N.of_nat (length bs)) ot)
      end
  end.
Proof.
  intros cfg file bs; induction bs as [|c bs IH]; intros off st lu h r; subst r.
  - cbn [read_bytes scan_bytes length]. rewrite N.add_0_r.
    destruct (lex_finish file st) as [[t|]|e]; cbn; auto.
  - cbn [read_bytes scan_bytes length]. rewrite lex_step_with_1_7_0.
    destruct (lex_step cfg file off st c) as [[st1 ot]|e]; [|reflexivity].
    specialize (IH (off + 1) st1 (byte_use cfg file off st c lu)). cbv zeta in IH.
    replace (off + N.of_nat (S (length bs))) with (off + 1 + N.of_nat (length bs)) by lia.
    destruct ot as [t|]; [specialize (IH (see_token cfg h file (token_offset st off) t))|
                          specialize (IH h)];
      destruct (read_bytes hex2_1_7_0 cfg file (off + 1) st1 bs) as [[st2 ts]|e]; try exact IH;
      destruct (lex_finish file st2) as [ot|e]; exact IH.
Qed.

Lemma read_files_nil : forall cfg file st inputs tss,
  read_files hex2_1_7_0 cfg file st inputs = Ok tss -> (inputs = [] <-> tss = []).
Proof.
  intros cfg file st [|bs rest] tss H; cbn [read_files] in H; [injection H as <-; tauto|].
  destruct (read_bytes _ _ _ _ _ _) as [[? ?]|?]; [|discriminate].
  destruct (read_end _ _ _ _ _) as [[? ?]|?]; [|discriminate].
  destruct (read_files _ _ _ _ _); [|discriminate]. injection H as <-; split; discriminate.
Qed.

Lemma scan_files_uses : forall cfg inputs file lu h ok u,
  In u (scan_files cfg file inputs lu h ok) <->
  In u lu \/
  (exists k bs, nth_error inputs k = Some bs /\ lex_use cfg (file + N.of_nat k) 0 lex_init bs u) \/
  (ok = true /\ exists tss, read_files hex2_1_7_0 cfg file lex_init inputs = Ok tss /\
     In u (hc_uses (see_files cfg file tss h))).
Proof.
  intros cfg inputs; induction inputs as [|bs rest IH]; intros file lu h ok u.
  - cbn [scan_files read_files see_files]. split.
    + destruct ok; [rewrite push_uses_in|]; intros H; [destruct H as [H|H]|].
      * right; right; split; [reflexivity|]. exists []; auto.
      * left; exact H.
      * left; exact H.
    + intros [H|[[k [b [N _]]]|[-> [tss [E I]]]]]; [destruct ok; [apply push_uses_in|]; auto| |].
      * destruct k; discriminate.
      * injection E as <-; apply push_uses_in; left; exact I.
  - cbn [scan_files]. pose proof (scan_lex cfg file bs 0 lex_init lu h) as SL.
    pose proof (scan_tokens cfg file bs 0 lex_init lu h) as ST; cbv zeta in ST.
    destruct (scan_bytes cfg file 0 lex_init bs lu h) as [lu' h' ok'] eqn:SB; cbn [hs_uses] in SL.
    set (h'' := match rest with [] => h' | _ :: _ => end_of_file file h' end).
    transitivity (In u (scan_files cfg (file + 1) rest lu' h'' (ok && ok'))).
    { destruct rest; reflexivity. }
    rewrite IH, SL. clear SL.
    assert (LX : forall P : Prop, ((exists k b, nth_error rest k = Some b /\
                   lex_use cfg (file + 1 + N.of_nat k) 0 lex_init b u) \/ P) <->
                 ((exists k b, nth_error (bs :: rest) k = Some b /\
                   lex_use cfg (file + N.of_nat k) 0 lex_init b u /\ k <> 0%nat) \/ P)).
    { intros P; split; intros [[k [b [N L]]]|X]; try (right; exact X); left.
      - exists (S k), b; split; [exact N|]; split; [|discriminate].
        replace (file + N.of_nat (S k)) with (file + 1 + N.of_nat k) by lia; exact L.
      - destruct k as [|k]; [destruct L as [_ []]; reflexivity|]. exists k, b; split; [exact N|].
        replace (file + 1 + N.of_nat k) with (file + N.of_nat (S k)) by lia; apply L. }
    rewrite LX. clear LX.
    assert (TK : (ok && ok' = true /\ exists tss, read_files hex2_1_7_0 cfg (file + 1) lex_init rest
                    = Ok tss /\ In u (hc_uses (see_files cfg (file + 1) tss h''))) <->
                 (ok = true /\ exists tss, read_files hex2_1_7_0 cfg file lex_init (bs :: rest)
                    = Ok tss /\ In u (hc_uses (see_files cfg file tss h)))).
    { cbn [read_files]. cbn [hs_ok hs_tokens] in ST.
      destruct (read_bytes hex2_1_7_0 cfg file 0 lex_init bs) as [[st ts]|e];
        [|subst ok'; rewrite Bool.andb_false_r; split; [intros [D _]; discriminate|
                                                       intros [_ [tss [D _]]]; discriminate]].
      rewrite read_end_1_7_0.
      destruct (lex_finish file st) as [ot|e];
        [|subst ok'; rewrite Bool.andb_false_r; split; [intros [D _]; discriminate|
                                                       intros [_ [tss [D _]]]; discriminate]].
      destruct ST as [-> ->]. rewrite Bool.andb_true_r.
      assert (RE : forall A (k : lex_state * list (N * token) -> result A),
                 match (match ot with
                        | Some t => Ok (lex_init, [(token_offset st (0 + N.of_nat (length bs)), t)])
                        | None => Ok (lex_init, [])
                        end) with Ok r => k r | Err e => Err e end =
                 k (lex_init, finish_token st (0 + N.of_nat (length bs)) ot))
        by (intros; destruct ot; reflexivity).
      cbv beta in RE. unfold h''; clear h''. rewrite ?N.add_0_l in RE |- *. rewrite RE; clear RE.
      destruct (read_files hex2_1_7_0 cfg (file + 1) lex_init rest) as [tss|e] eqn:RF.
      - pose proof (read_files_nil _ _ _ _ _ RF) as [NL1 NL2].
        split; intros [O [tss' [E I]]]; split; auto.
        + injection E as <-. exists ((ts ++ finish_token st (N.of_nat (length bs)) ot) :: tss).
          split; [reflexivity|]. cbn [see_files].
          destruct rest as [|b1 rest], tss as [|t1 tss]; try exact I; exfalso;
            [specialize (NL1 eq_refl)|specialize (NL2 eq_refl)]; discriminate.
        + injection E as <-. exists tss; split; [reflexivity|]. cbn [see_files] in I.
          destruct rest as [|b1 rest], tss as [|t1 tss]; try exact I; exfalso;
            [specialize (NL1 eq_refl)|specialize (NL2 eq_refl)]; discriminate.
      - split; intros [_ [tss' [E _]]]; discriminate. }
    rewrite TK. split.
    + intros [[H|L]|[[k [b [N [L _]]]]|T]];
        [left; exact H|right; left; exists 0%nat, bs; rewrite N.add_0_r; auto|
         right; left; exists k, b; auto|right; right; exact T].
    + intros [H|[[k [b [N L]]]|T]]; auto.
      destruct k as [|k]; [injection N as <-; left; right; rewrite N.add_0_r in L; exact L|].
      right; left; exists (S k), b; repeat split; auto.
Qed.

(** ** The uses [see_token] finds *)

(** The place of the first definition of the label [n] among the tokens [P]. *)
Fixpoint first_label (n : bytes) (P : list (N * N * token)) : option (N * N) :=
  match P with
  | [] => None
  | (f, o, tok_label m) :: P' => if bytes_eqb n m then Some (f, o) else first_label n P'
  | _ :: P' => first_label n P'
  end.

(** The use the token [x] makes after the tokens [P], if any. *)
Definition token_event (cfg : hex2_config) (P : list (N * N * token)) (x : N * N * token)
    (u : quirk_use) : Prop :=
  match x with
  | (f, o, tok_label n) =>
      exists f0 o0, first_label n P = Some (f0, o0) /\ u = mk_use duplicate_label f o n f0 o0 0
  | (_, _, tok_ref k file pos n (Some (_, bat))) =>
      ref_absolute k = true /\ u = mk_use absolute_with_base file pos n file bat 0
  | (_, _, tok_ref k file pos n None) =>
      ref_absolute k = true /\ reads_align (h2_arch cfg) = true /\
      align_pending (map snd P) = true /\ u = plain_use align_on_absolute file pos n
  | _ => False
  end.

Definition placed (f : N) (F : list (N * token)) : list (N * N * token) :=
  map (fun ot => (f, fst ot, snd ot)) F.

Definition word_subject (t : token) : bytes :=
  match ref_target t with Some n => n | None => [] end.

(** The words of a file's tokens [F] with [k] bytes after them. *)
Definition words_with (F : list (N * token)) (k : N) (w : N * bytes) : Prop :=
  exists i o t, nth_error F i = Some (o, t) /\ is_word_token t = true /\
    w = (o, word_subject t) /\ data_bytes (map snd (skipn (S i) F)) = k.

Lemma first_label_app : forall n P x,
  first_label n (P ++ [x]) =
  match first_label n P with
  | Some p => Some p
  | None => match x with (f, o, tok_label m) => if bytes_eqb n m then Some (f, o) else None
                         | _ => None end
  end.
Proof.
  intros n P x; induction P as [|[[f o] t] P IH]; cbn [app first_label].
  - destruct x as [[f o] []]; reflexivity.
  - destruct t; try exact IH. destruct (bytes_eqb n name); [reflexivity|exact IH].
Qed.

Lemma data_bytes_snoc : forall ts t,
  data_bytes (ts ++ [t]) = data_bytes ts + match t with tok_byte _ => 1 | _ => 0 end.
Proof. intros; rewrite data_bytes_app; destruct t; reflexivity. Qed.

Lemma see_token_labels : forall cfg h file off t n,
  ByteMap.find n (hc_labels (see_token cfg h file off t)) =
  match t with
  | tok_label m =>
      match ByteMap.find n (hc_labels h) with
      | Some p => Some p
      | None => if bytes_eqb n m then
                  match ByteMap.find m (hc_labels h) with None => Some (file, off) | Some _ => None end
                else None
      end
  | _ => ByteMap.find n (hc_labels h)
  end.
Proof.
  intros cfg [m al w0 w1 w2 w3 us] file off t n.
  destruct t as [| |lbl|k f p nm [[b bat]|]| | |]; cbn; try reflexivity.
  - destruct (ByteMap.find lbl m) as [[f0 o0]|] eqn:F; cbn.
    + destruct (ByteMap.find n m); [reflexivity|]. destruct (bytes_eqb n lbl) eqn:E; [|reflexivity].
      apply bytes_eqb_eq in E; subst; congruence.
    + rewrite find_add. destruct (bytes_eqb n lbl) eqn:E.
      * apply bytes_eqb_eq in E; subst; rewrite F; reflexivity.
      * destruct (ByteMap.find n m); reflexivity.
  - destruct (ref_absolute k); reflexivity.
  - destruct (ref_absolute k && al && reads_align (h2_arch cfg)); reflexivity.
Qed.

Lemma see_token_inv : forall cfg h f o t P,
  (forall n, ByteMap.find n (hc_labels h) = first_label n P) ->
  hc_align h = align_pending (map snd P) ->
  let h' := see_token cfg h f o t in
  (forall n, ByteMap.find n (hc_labels h') = first_label n (P ++ [(f, o, t)])) /\
  hc_align h' = align_pending (map snd (P ++ [(f, o, t)])) /\
  (forall u, In u (hc_uses h') <-> In u (hc_uses h) \/ token_event cfg P (f, o, t) u).
Proof.
  intros cfg h f o t P L A h'. split; [|split].
  - intros n; unfold h'. rewrite see_token_labels, first_label_app, <- L.
    destruct t; try (destruct (ByteMap.find n (hc_labels h)); reflexivity).
    destruct (ByteMap.find n (hc_labels h)) as [p|] eqn:F; [reflexivity|].
    destruct (bytes_eqb n name) eqn:E; [|reflexivity].
    apply bytes_eqb_eq in E; subst; rewrite F; reflexivity.
  - unfold h'. rewrite map_app. change (map snd [(f, o, t)]) with [t].
    rewrite align_pending_snoc, <- A. destruct h as [m al w0 w1 w2 w3 us].
    destruct t as [| |lbl|k f' p nm [[b bat]|]| | |]; cbn; try reflexivity.
    + destruct (ByteMap.find lbl m) as [[f0 o0]|]; reflexivity.
    + destruct (ref_absolute k); reflexivity.
    + destruct (ref_absolute k && al && reads_align (h2_arch cfg)); reflexivity.
  - intros u; unfold h', token_event. destruct h as [m al w0 w1 w2 w3 us]; cbn [hc_labels hc_align] in L, A.
    destruct t as [| |lbl|k f' p nm [[b bat]|]| | |]; cbn; try tauto.
    + rewrite L. destruct (first_label lbl P) as [[f0 o0]|]; cbn.
      * split; [intros [<-|H]; [right; exists f0, o0; auto|left; exact H]|].
        intros [H|[f1 [o1 [E ->]]]]; [right; exact H|injection E as <- <-; left; reflexivity].
      * split; [intros H; left; exact H|]. intros [H|[f1 [o1 [E _]]]]; [exact H|discriminate].
    + destruct (ref_absolute k) eqn:K; cbn.
      * split; [intros [<-|H]; [right; auto|left; exact H]|].
        intros [H|[_ ->]]; [right; exact H|left; reflexivity].
      * split; [intros H; left; exact H|]. intros [H|[D _]]; [exact H|discriminate].
    + rewrite A. destruct (ref_absolute k) eqn:K, (align_pending (map snd P)) eqn:AP,
        (reads_align (h2_arch cfg)) eqn:R; cbn.
      all: try (split; [intros H; left; exact H|]; intros [H|[D1 [D2 [D3 _]]]];
                [exact H|discriminate]).
      split; [intros [<-|H]; [right; auto|left; exact H]|].
      intros [H|[_ [_ [_ ->]]]]; [right; exact H|left; reflexivity].
Qed.

Definition byte_count (t : token) : N := match t with tok_byte _ => 1 | _ => 0 end.

Lemma words_with_snoc : forall F x k w,
  words_with (F ++ [x]) k w <->
  (exists k', k = k' + byte_count (snd x) /\ words_with F k' w) \/
  (k = 0 /\ is_word_token (snd x) = true /\ w = (fst x, word_subject (snd x))).
Proof.
  intros F [o t] k w; unfold words_with; cbn [fst snd]. split.
  - intros [i [o' [t' [N [W [-> D]]]]]].
    destruct (Nat.lt_ge_cases i (length F)) as [L|L].
    + rewrite nth_error_app1 in N by exact L. left.
      exists (data_bytes (map snd (skipn (S i) F))); split; [|exists i, o', t'; auto].
      rewrite <- D, skipn_app, map_app, data_bytes_app.
      replace (S i - length F)%nat with 0%nat by lia. cbn [skipn map snd].
      rewrite (data_bytes_cons t []); unfold byte_count; destruct t; cbn; lia.
    + rewrite nth_error_app2 in N by exact L.
      destruct (i - length F)%nat as [|j] eqn:J; [|destruct j; discriminate].
      injection N as <- <-. right; split; [|auto].
      rewrite <- D, skipn_all2; [reflexivity|]. rewrite app_length; cbn; lia.
  - intros [[k' [-> [i [o' [t' [N [W [-> D]]]]]]]]|[-> [W ->]]].
    + exists i, o', t'. assert (L : (i < length F)%nat) by (apply nth_error_Some; congruence).
      rewrite nth_error_app1 by exact L. split; [exact N|]; split; [exact W|]; split; [reflexivity|].
      rewrite skipn_app, map_app, data_bytes_app, D.
      replace (S i - length F)%nat with 0%nat by lia. cbn [skipn map snd].
      rewrite (data_bytes_cons t []); unfold byte_count; destruct t; cbn; lia.
    + exists (length F), o, t. rewrite nth_error_app2, Nat.sub_diag by lia.
      split; [reflexivity|]; split; [exact W|]; split; [reflexivity|].
      rewrite skipn_all2; [reflexivity|]. rewrite app_length; cbn; lia.
Qed.

(** The pending words of [h] are those of the file's tokens [F]. *)
Definition words_ok (h : hcheck) (F : list (N * token)) : Prop :=
  (forall w, In w (hc_w0 h) <-> words_with F 0 w) /\
  (forall w, In w (hc_w1 h) <-> words_with F 1 w) /\
  (forall w, In w (hc_w2 h) <-> words_with F 2 w) /\
  (forall w, In w (hc_w3 h) <-> words_with F 3 w).

Lemma words_ok_nil : forall h,
  hc_w0 h = [] -> hc_w1 h = [] -> hc_w2 h = [] -> hc_w3 h = [] -> words_ok h [].
Proof.
  intros h A B C D; unfold words_ok, words_with; rewrite A, B, C, D; cbn.
  repeat split; try contradiction; intros [i [o [t [N _]]]]; destruct i; discriminate.
Qed.

Lemma snoc_plain : forall F o t k w,
  byte_count t = 0 -> is_word_token t = false ->
  words_with (F ++ [(o, t)]) k w <-> words_with F k w.
Proof.
  intros F o t k w B W; rewrite words_with_snoc; cbn [fst snd]; rewrite B, W. split.
  - intros [[k' [-> H]]|[_ [D _]]]; [rewrite N.add_0_r; exact H|discriminate].
  - intros H; left; exists k; rewrite N.add_0_r; auto.
Qed.

Lemma snoc_byte : forall F o b k w,
  words_with (F ++ [(o, tok_byte b)]) k w <-> exists k', k = k' + 1 /\ words_with F k' w.
Proof.
  intros F o b k w; rewrite words_with_snoc; cbn [fst snd byte_count is_word_token]. split.
  - intros [H|[_ [D _]]]; [exact H|discriminate].
  - intros H; left; exact H.
Qed.

Lemma snoc_word : forall F o t k w,
  byte_count t = 0 -> is_word_token t = true ->
  words_with (F ++ [(o, t)]) k w <-> words_with F k w \/ (k = 0 /\ w = (o, word_subject t)).
Proof.
  intros F o t k w B W; rewrite words_with_snoc; cbn [fst snd]; rewrite B, W. split.
  - intros [[k' [-> H]]|[-> [_ ->]]]; [left; rewrite N.add_0_r; exact H|right; auto].
  - intros [H|[-> ->]]; [left; exists k; rewrite N.add_0_r; auto|right; auto].
Qed.

Lemma see_token_words : forall cfg h f o t F,
  words_ok h F -> words_ok (see_token cfg h f o t) (F ++ [(o, t)]).
Proof.
  intros cfg h f o t F [W0 [W1 [W2 W3]]].
  assert (Same : forall (h' : hcheck), hc_w0 h' = hc_w0 h -> hc_w1 h' = hc_w1 h ->
                   hc_w2 h' = hc_w2 h -> hc_w3 h' = hc_w3 h -> byte_count t = 0 ->
                   is_word_token t = false -> words_ok h' (F ++ [(o, t)])).
  { intros h' A B C D Bc Wt. unfold words_ok. setoid_rewrite (snoc_plain F o t _ _ Bc Wt).
    rewrite A, B, C, D; auto. }
  assert (Word : forall (h' : hcheck), hc_w0 h' = (o, word_subject t) :: hc_w0 h ->
                   hc_w1 h' = hc_w1 h -> hc_w2 h' = hc_w2 h -> hc_w3 h' = hc_w3 h ->
                   byte_count t = 0 -> is_word_token t = true -> words_ok h' (F ++ [(o, t)])).
  { intros h' A B C D Bc Wt. unfold words_ok. setoid_rewrite (snoc_word F o t _ _ Bc Wt).
    rewrite A, B, C, D. split; [|split; [|split]]; intros w.
    - cbn [In]; rewrite W0. split; [intros [<-|H]; [right; auto|left; exact H]|].
      intros [H|[_ ->]]; [right; exact H|left; reflexivity].
    - rewrite W1; split; [intros H; left; exact H|intros [H|[D' _]]; [exact H|discriminate]].
    - rewrite W2; split; [intros H; left; exact H|intros [H|[D' _]]; [exact H|discriminate]].
    - rewrite W3; split; [intros H; left; exact H|intros [H|[D' _]]; [exact H|discriminate]]. }
  destruct h as [m al w0 w1 w2 w3 us]; cbn [hc_w0 hc_w1 hc_w2 hc_w3] in *.
  destruct t as [b|wd|lbl|k f' p nm [[bn bat]|]|k f' p nm| |]; cbn [see_token].
  - (* a byte: every word has one byte more after it *)
    unfold words_ok; setoid_rewrite snoc_byte; cbn [after_byte hc_w0 hc_w1 hc_w2 hc_w3].
    split; [|split; [|split]]; intros w.
    + split; [intros []|intros [k' [K _]]; lia].
    + rewrite W0; split; [intros H; exists 0; auto|intros [k' [K H]]].
      replace k' with 0 in H by lia; exact H.
    + rewrite W1; split; [intros H; exists 1; auto|intros [k' [K H]]].
      replace k' with 1 in H by lia; exact H.
    + rewrite W2; split; [intros H; exists 2; auto|intros [k' [K H]]].
      replace k' with 2 in H by lia; exact H.
  - apply Word; reflexivity.
  - cbn [hc_labels]. destruct (ByteMap.find lbl m) as [[f0 o0]|]; apply Same; reflexivity.
  - destruct (ref_absolute k); apply Same; reflexivity.
  - cbn [hc_align]. destruct (ref_absolute k && al && reads_align (h2_arch cfg)); apply Same; reflexivity.
  - apply Word; reflexivity.
  - apply Same; reflexivity.
  - apply Same; reflexivity.
Qed.

(** ** All the tokens *)

Lemma split_snoc : forall {A} (Q : list A -> A -> Prop) F x,
  (exists F1 y F2, F ++ [x] = F1 ++ y :: F2 /\ Q F1 y) <->
  (exists F1 y F2, F = F1 ++ y :: F2 /\ Q F1 y) \/ Q F x.
Proof.
  intros A Q F x; split.
  - intros [F1 [y [F2 [E H]]]]. destruct F2 as [|z F2] using rev_ind.
    + apply app_inj_tail in E as [-> ->]; right; exact H.
    + left. exists F1, y, F2. rewrite app_comm_cons, app_assoc in E.
      apply app_inj_tail in E as [-> ->]; auto.
  - intros [[F1 [y [F2 [-> H]]]]|H].
    + exists F1, y, (F2 ++ [x]); rewrite <- app_assoc; auto.
    + exists F, x, []; auto.
Qed.

Lemma split_app : forall {A} (Q : list A -> A -> Prop) B P,
  (exists P1 x P2, P ++ B = P1 ++ x :: P2 /\ Q P1 x) <->
  (exists P1 x P2, P = P1 ++ x :: P2 /\ Q P1 x) \/
  (exists P1 x P2, B = P1 ++ x :: P2 /\ Q (P ++ P1) x).
Proof.
  intros A Q B P; revert Q; induction P as [|a P IH]; intros Q; split.
  - intros H; right; exact H.
  - intros [[P1 [x [P2 [E _]]]]|H]; [destruct P1; discriminate|exact H].
  - intros [[|a' P1] [x [P2 [E H]]]]; cbn in E; injection E as E1 E2.
    + subst; left; exists [], x, P; auto.
    + subst a'.
      assert (X : exists P1' x' P2', P ++ B = P1' ++ x' :: P2' /\ Q (a :: P1') x')
        by (exists P1, x, P2; auto).
      destruct (proj1 (IH (fun P1 x => Q (a :: P1) x)) X)
        as [[P1' [x' [P2' [E' H']]]]|[P1' [x' [P2' [E' H']]]]].
      * left; exists (a :: P1'), x', P2'; rewrite E'; auto.
      * right; exists P1', x', P2'; auto.
  - intros [[P1 [x [P2 [E H]]]]|[P1 [x [P2 [E H]]]]].
    + destruct P1 as [|a' P1]; cbn in E; injection E as E1 E2; subst.
      * eexists [], _, (P2 ++ B); split; [reflexivity|assumption].
      * exists (a' :: P1), x, (P2 ++ B); cbn; rewrite <- app_assoc; auto.
    + exists (a :: P ++ P1), x, P2; rewrite E; split; [cbn; rewrite <- app_assoc; reflexivity|exact H].
Qed.

Lemma split_placed : forall (Q : list (N * N * token) -> N * N * token -> Prop) f F,
  (exists P1 x P2, placed f F = P1 ++ x :: P2 /\ Q P1 x) <->
  (exists F1 x F2, F = F1 ++ x :: F2 /\ Q (placed f F1) (f, fst x, snd x)).
Proof.
  intros Q f F; unfold placed; split.
  - intros [P1 [x [P2 [E H]]]]. apply map_eq_app in E as [F1 [F' [-> [<- E]]]].
    apply map_eq_cons in E as [y [F2 [-> [<- _]]]]. exists F1, y, F2; auto.
  - intros [F1 [x [F2 [-> H]]]]. rewrite map_app; cbn [map]. exists (map (fun ot => (f, fst ot, snd ot)) F1), (f, fst x, snd x), (map (fun ot => (f, fst ot, snd ot)) F2); auto.
Qed.

Lemma see_all_snoc : forall cfg h f F x,
  see_all cfg h f (F ++ [x]) = see_token cfg (see_all cfg h f F) f (fst x) (snd x).
Proof. intros; unfold see_all; rewrite fold_left_app; reflexivity. Qed.

Lemma see_all_inv : forall cfg f F h P,
  (forall n, ByteMap.find n (hc_labels h) = first_label n P) ->
  hc_align h = align_pending (map snd P) ->
  let h' := see_all cfg h f F in
  (forall n, ByteMap.find n (hc_labels h') = first_label n (P ++ placed f F)) /\
  hc_align h' = align_pending (map snd (P ++ placed f F)) /\
  (forall u, In u (hc_uses h') <-> In u (hc_uses h) \/
     exists P1 x P2, placed f F = P1 ++ x :: P2 /\ token_event cfg (P ++ P1) x u).
Proof.
  intros cfg f F h P L A; induction F as [|x F IH] using rev_ind; intros h'; unfold h'.
  - cbn [see_all fold_left placed map]; rewrite app_nil_r. split; [exact L|]; split; [exact A|].
    intros u; split; [intros H; left; exact H|].
    intros [H|[P1 [x [P2 [E _]]]]]; [exact H|destruct P1; discriminate].
  - destruct IH as [L' [A' U']]. rewrite see_all_snoc.
    destruct (see_token_inv cfg (see_all cfg h f F) f (fst x) (snd x) (P ++ placed f F) L' A')
      as [L'' [A'' U'']].
    unfold placed in *; rewrite map_app; cbn [map]; rewrite app_assoc. split; [exact L''|].
    split; [exact A''|]. intros u. rewrite U'', U'.
    rewrite split_snoc with (Q := fun P1 x => token_event cfg (P ++ P1) x u). tauto.
Qed.

Lemma see_all_words : forall cfg f F h G,
  words_ok h G -> words_ok (see_all cfg h f F) (G ++ F).
Proof.
  intros cfg f F h G W; induction F as [|x F IH] using rev_ind.
  - rewrite app_nil_r; exact W.
  - rewrite see_all_snoc, app_assoc. destruct x as [o t]. apply see_token_words, IH.
Qed.

Lemma pending_uses_in : forall file ws acc u,
  In u (pending_uses file ws acc) <->
  In u acc \/ exists o n, In (o, n) ws /\ u = plain_use register_across_files file o n.
Proof.
  intros file ws; induction ws as [|[o n] ws IH]; intros acc u; cbn [pending_uses].
  - split; [intros H; left; exact H|intros [H|[o [n [[] _]]]]; exact H].
  - rewrite IH; cbn [In]. split.
    + intros [[<-|H]|[o' [n' [I ->]]]]; [right; exists o, n; auto|left; exact H|].
      right; exists o', n'; auto.
    + intros [H|[o' [n' [[E|I] ->]]]]; [left; right; exact H| |right; exists o', n'; auto].
      injection E as -> ->; left; left; reflexivity.
Qed.

(** The RISC-V words of a file [ts] that fewer than four bytes follow, as uses. *)
Definition register_event (file : N) (ts : list (N * token)) (u : quirk_use) : Prop :=
  exists i o t, nth_error ts i = Some (o, t) /\ is_word_token t = true /\
    data_bytes (map snd (skipn (S i) ts)) < 4 /\
    u = plain_use register_across_files file o (word_subject t).

Lemma end_of_file_uses : forall file h ts u,
  words_ok h ts ->
  In u (hc_uses (end_of_file file h)) <-> In u (hc_uses h) \/ register_event file ts u.
Proof.
  intros file [m al w0 w1 w2 w3 us] ts u [W0 [W1 [W2 W3]]]; cbn [end_of_file hc_uses] in *.
  rewrite !pending_uses_in. unfold register_event. split.
  - intros H; repeat match type of H with
    | _ \/ _ => destruct H as [H|H]
    end; try (left; exact H);
    destruct H as [o [n [I ->]]]; right;
    [apply W0 in I|apply W1 in I|apply W2 in I|apply W3 in I];
    destruct I as [i [o' [t [N [Wt [E D]]]]]]; injection E as <- ->;
    exists i, o, t; repeat split; auto; rewrite D; reflexivity.
  - intros [H|[i [o [t [N [Wt [D ->]]]]]]]; [left; left; left; left; exact H|].
    set (k := data_bytes (map snd (skipn (S i) ts))) in *.
    assert (Ww : forall j, k = j -> words_with ts j (o, word_subject t))
      by (intros j <-; exists i, o, t; auto).
    assert (K : k = 0 \/ k = 1 \/ k = 2 \/ k = 3) by lia.
    destruct K as [K|[K|[K|K]]].
    + left; left; left; right; exists o, (word_subject t); split; [apply W0, Ww, K|reflexivity].
    + left; left; right; exists o, (word_subject t); split; [apply W1, Ww, K|reflexivity].
    + left; right; exists o, (word_subject t); split; [apply W2, Ww, K|reflexivity].
    + right; exists o, (word_subject t); split; [apply W3, Ww, K|reflexivity].
Qed.

(** The uses [see_files] notes: the token uses of every prefix, and the RISC-V words pending
    at the end of every file but the last. *)
Lemma see_files_inv : forall cfg tss f P h,
  (forall n, ByteMap.find n (hc_labels h) = first_label n P) ->
  hc_align h = align_pending (map snd P) ->
  words_ok h [] ->
  forall u, In u (hc_uses (see_files cfg f tss h)) <->
  In u (hc_uses h) \/
  (exists P1 x P2, placed_tokens f tss = P1 ++ x :: P2 /\ token_event cfg (P ++ P1) x u) \/
  (exists k ts, nth_error tss k = Some ts /\ (S k < length tss)%nat /\
     register_event (f + N.of_nat k) ts u).
Proof.
  intros cfg tss; induction tss as [|ts rest IH]; intros f P h L A W u.
  - cbn. split; [intros H; left; exact H|].
    intros [H|[[P1 [x [P2 [E _]]]]|[k [ts [N _]]]]]; [exact H|destruct P1; discriminate|].
    destruct k; discriminate.
  - destruct (see_all_inv cfg f ts h P L A) as [L1 [A1 U1]].
    pose proof (see_all_words cfg f ts h [] W) as W1; cbn [app] in W1.
    cbn [placed_tokens see_files]. fold (placed f ts).
    rewrite split_app with (Q := fun P1 x => token_event cfg (P ++ P1) x u).
    destruct rest as [|ts' rest].
    + rewrite U1. cbn [placed_tokens]; rewrite ?app_nil_r. split.
      * intros [H|H]; [left; exact H|right; left; left; exact H].
      * intros [H|[[H|[P1 [x [P2 [E _]]]]]|[k [t' [N [Lk _]]]]]];
          [left; exact H|right; exact H|destruct P1; discriminate|cbn in Lk; lia].
    + rewrite (IH (f + 1) (P ++ placed f ts)).
      * rewrite end_of_file_uses with (ts := ts) by exact W1. rewrite U1. split.
        -- intros [[[H|H]|R]|[[P1 [x [P2 [E T]]]]|[k [t' [N [Lk R]]]]]].
           ++ left; exact H.
           ++ right; left; left; exact H.
           ++ right; right; exists 0%nat, ts; split; [reflexivity|]; split; [cbn; lia|].
              rewrite N.add_0_r; exact R.
           ++ right; left; right; exists P1, x, P2; split; [exact E|]. rewrite app_assoc; exact T.
           ++ right; right; exists (S k), t'; split; [exact N|]; split; [cbn in Lk |- *; lia|].
              replace (f + N.of_nat (S k)) with (f + 1 + N.of_nat k) by lia; exact R.
        -- intros [H|[[H|[P1 [x [P2 [E T]]]]]|[k [t' [N [Lk R]]]]]].
           ++ left; left; left; exact H.
           ++ left; left; right; exact H.
           ++ right; left; exists P1, x, P2; split; [exact E|]. rewrite <- app_assoc; exact T.
           ++ destruct k as [|k].
              ** injection N as <-. left; right; rewrite N.add_0_r in R; exact R.
              ** right; right; exists k, t'; split; [exact N|]; split; [cbn in Lk |- *; lia|].
                 replace (f + 1 + N.of_nat k) with (f + N.of_nat (S k)) by lia; exact R.
      * intros n; cbn [end_of_file]; destruct (see_all cfg h f ts); exact (L1 n).
      * cbn [end_of_file]; destruct (see_all cfg h f ts); exact A1.
      * apply words_ok_nil; destruct (see_all cfg h f ts); reflexivity.
Qed.

(** ** The uses in the tokens, as [Hex2Strict] states them *)

Lemma first_label_spec : forall n P f0 o0,
  first_label n P = Some (f0, o0) <->
  exists j, nth_error P j = Some (f0, o0, tok_label n) /\ ~ In (tok_label n) (map snd (firstn j P)).
Proof.
  intros n P; induction P as [|[[f o] t] P IH]; intros f0 o0; cbn [first_label].
  - split; [discriminate|intros [j [N _]]; destruct j; discriminate].
  - assert (Other : t <> tok_label n ->
              (first_label n P = Some (f0, o0) <-> exists j, nth_error ((f, o, t) :: P) j =
                 Some (f0, o0, tok_label n) /\ ~ In (tok_label n) (map snd (firstn j ((f, o, t) :: P))))).
    { intros D. rewrite IH. split.
      - intros [j [N NI]]; exists (S j); split; [exact N|]. cbn; intros [E|I]; [exact (D E)|exact (NI I)].
      - intros [[|j] [N NI]]; [injection N as _ _ E; contradiction|].
        exists j; split; [exact N|]. intros I; apply NI; right; exact I. }
    destruct t as [| |m| | | |]; try (apply Other; discriminate).
    destruct (bytes_eqb n m) eqn:E.
    + apply bytes_eqb_eq in E; subst m. split.
      * intros H; injection H as <- <-; exists 0%nat; split; [reflexivity|]; cbn; tauto.
      * intros [[|j] [N NI]]; [injection N as <- <-; reflexivity|].
        exfalso; apply NI; left; reflexivity.
    + apply Other. intros X; injection X as ->. rewrite bytes_eqb_refl in E; discriminate.
Qed.

Lemma nth_error_split : forall {A} (l : list A) i x,
  nth_error l i = Some x -> l = firstn i l ++ x :: skipn (S i) l.
Proof.
  intros A l; induction l as [|a l IH]; intros i x H; [destruct i; discriminate|].
  destruct i as [|i]; [injection H as ->; reflexivity|]. cbn. f_equal. exact (IH i x H).
Qed.

Lemma token_use_events : forall cfg tss u,
  token_use cfg tss (placed_tokens 0 tss) u <->
  (exists P1 x P2, placed_tokens 0 tss = P1 ++ x :: P2 /\ token_event cfg P1 x u) \/
  (exists k ts, nth_error tss k = Some ts /\ (S k < length tss)%nat /\
     register_event (0 + N.of_nat k) ts u).
Proof.
  intros cfg tss u. set (pts := placed_tokens 0 tss). split.
  - intros U; destruct U as [i j f o f0 o0 n Nj NI L Ni|f o k file pos n b bat I K|
                            i f o k file pos n Ni K R A|f ts i o t Nf Lf Ni W D].
    + left; exists (firstn i pts), (f, o, tok_label n), (skipn (S i) pts).
      split; [exact (nth_error_split _ _ _ Ni)|]. cbn [token_event]. exists f0, o0; split; [|reflexivity].
      apply first_label_spec. exists j; split.
      * rewrite nth_error_firstn_lt by exact L; exact Nj.
      * rewrite firstn_firstn, Nat.min_l by lia; exact NI.
    + left. destruct (in_split _ _ I) as [P1 [P2 E]]. exists P1, (f, o, tok_ref k file pos n (Some (b, bat))), P2.
      split; [exact E|]. cbn [token_event]; auto.
    + left; exists (firstn i pts), (f, o, tok_ref k file pos n None), (skipn (S i) pts).
      split; [exact (nth_error_split _ _ _ Ni)|]. cbn [token_event]; auto.
    + right; exists (N.to_nat f), ts; split; [exact Nf|]; split; [exact Lf|].
      rewrite N.add_0_l, N2Nat.id. exists i, o, t; auto.
  - intros [[P1 [[[f o] t] [P2 [E T]]]]|[k [ts [Nk [Lk [i [o [t [Ni [W [D ->]]]]]]]]]]].
    + assert (Ni : nth_error pts (length P1) = Some (f, o, t))
        by (rewrite E, nth_error_app2, Nat.sub_diag by lia; reflexivity).
      assert (Fi : firstn (length P1) pts = P1)
        by (rewrite E, firstn_app, Nat.sub_diag, firstn_all; cbn; apply app_nil_r).
      destruct t as [| |n|k file pos n [[b bat]|]| | |]; cbn [token_event] in T; try contradiction.
      * destruct T as [f0 [o0 [F ->]]]. apply first_label_spec in F as [j [Nj NI]].
        assert (Lj : (j < length P1)%nat) by (apply nth_error_Some; congruence).
        apply (use_duplicate_label cfg tss pts (length P1) j); [| |exact Lj|exact Ni].
        -- rewrite E, nth_error_app1 by exact Lj; exact Nj.
        -- rewrite E, firstn_app. replace (j - length P1)%nat with 0%nat by lia.
           rewrite app_nil_r; exact NI.
      * destruct T as [K ->]. eapply use_absolute_with_base; [|exact K].
        rewrite E; apply in_or_app; right; left; reflexivity.
      * destruct T as [K [R [A ->]]]. eapply use_align_on_absolute; [exact Ni|exact K|exact R|].
        rewrite Fi; exact A.
    + rewrite N.add_0_l. apply (use_register_across_files cfg tss pts (N.of_nat k) ts i o t);
        rewrite ?Nat2N.id; auto.
Qed.

(** ** The checker *)

(** Every use hex2 meets is reported, and every report is a use: at the byte, the end of file or
    the token where [Hex2Strict.uses] places it, about what it says. *)
Theorem check_correct : forall cfg inputs u, In u (check cfg inputs) <-> uses cfg inputs u.
Proof.
  intros cfg inputs u; unfold check. rewrite scan_files_uses.
  assert (SF : forall tss, In u (hc_uses (see_files cfg 0 tss hc_init)) <->
                 token_use cfg tss (placed_tokens 0 tss) u).
  { intros tss.
    assert (I := see_files_inv cfg tss 0 [] hc_init
                   ltac:(intros n; cbn [hc_labels hc_init first_label]; apply find_empty)
                   eq_refl ltac:(apply words_ok_nil; reflexivity) u).
    cbn [hc_uses app In] in I. split; intros H.
    - apply token_use_events. apply I in H. destruct H as [[]|H]. exact H.
    - apply I. right. apply token_use_events. exact H. }
  split.
  - intros [[]|[[k [bs [N L]]]|[_ [tss [R T]]]]].
    + rewrite N.add_0_l in L.
      destruct L as [[pre [c [post [st [q [B [Rn [Q ->]]]]]]]]|[st [q [Rn [Q ->]]]]].
      * eapply use_in_byte; [rewrite Nat2N.id; exact N|exact B|exact Rn|exact Q].
      * eapply use_at_end; [rewrite Nat2N.id; exact N|exact Rn|exact Q].
    + apply (use_in_tokens cfg inputs tss u R). apply SF, T.
  - intros U; destruct U as [file bs pre c post st k N B Rn Q|file bs st k N Rn Q|tss u' R T].
    + right; left; exists (N.to_nat file), bs; rewrite N.add_0_l, N2Nat.id; split; [exact N|].
      left; exists pre, c, post, st, k; rewrite N.add_0_l; auto.
    + right; left; exists (N.to_nat file), bs; rewrite N.add_0_l, N2Nat.id; split; [exact N|].
      right; exists st, k; rewrite N.add_0_l; auto.
    + right; right; split; [reflexivity|]. exists tss; split; [exact R|]. apply SF, T.
Qed.

(** The checker reports nothing exactly when the program is strict-clean. *)
Theorem check_clean : forall cfg inputs, check cfg inputs = [] <-> strict_clean cfg inputs.
Proof.
  intros cfg inputs; split.
  - intros E u U; apply check_correct in U; rewrite E in U; contradiction.
  - intros S; destruct (check cfg inputs) as [|u l] eqn:E; [reflexivity|exfalso].
    apply (S u), check_correct; rewrite E; left; reflexivity.
Qed.
