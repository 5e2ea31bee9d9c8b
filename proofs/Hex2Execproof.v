(** * Hex2Execproof: the executable core of hex2 computes its specification. *)

(** [Hex2Exec.link] reads the input bytes twice and never builds a token list; [Hex2Spec.link]
    tokenizes everything, lays the tokens out and then writes them. Both use the same encoding of
    one token ([Hex2Spec.emit_resolved]); the core runs the automaton of [Hex2Lex] in an unboxed
    form. The proof:
    - the automaton: [cstep] on [abs s count hold len] is [Hex2Lex.lex_step] ([cstep_correct]),
      as long as the name being read is the input before the current byte ([name_ok], kept by
      [cstep_name_ok]); the loops' shortcuts for digits, blanks and name bytes are [cstep]
      ([p1_bytes_cons], [p2_bytes_cons]);
    - the label map: a [ByteMap] built by [ByteMap.add] answers like the specification's
      association list ([agree]);
    - pass 1 fused with tokenizing equals [layout] of the tokens ([p1_bytes_correct],
      [p1_files_correct]), with the same reading errors;
    - pass 2 fused with tokenizing equals [emit] of the tokens ([p2_bytes_correct],
      [p2_files_correct]), with the same first writing error.
    The file ends with [link_correct]. *)

From Coq Require Import NArith ZArith List Lia.
From Hexproof.Spec Require Import Common Hex2Lex Hex2Encode Hex2Spec.
From Hexproof.Proofs Require Import ByteMap OutBuf Hex2Exec Hex2Default.
Import ListNotations.

(** ** Label maps *)

Definition agree (m : label_map) (l : labels) : Prop :=
  forall k, ByteMap.find k m = label_find k l.

Lemma name_eqb_bytes_eqb : forall a b, name_eqb a b = bytes_eqb a b.
Proof.
  intros a b; unfold name_eqb.
  destruct (list_eq_dec N.eq_dec a b) as [E|E].
  - subst; rewrite bytes_eqb_refl; reflexivity.
  - destruct (bytes_eqb a b) eqn:B; [|reflexivity].
    apply bytes_eqb_eq in B; contradiction.
Qed.

Lemma agree_empty : agree ByteMap.empty [].
Proof. intros k; apply find_empty. Qed.

Lemma agree_add : forall m l n a, agree m l -> agree (ByteMap.add n a m) ((n, a) :: l).
Proof.
  intros m l n a H k; rewrite find_add; simpl; rewrite name_eqb_bytes_eqb.
  destruct (bytes_eqb k n); [reflexivity | apply H].
Qed.

Lemma resolve_lookup : forall m l x, agree m l -> resolve m x = lookup l x.
Proof. intros m l [x|] H; [apply H | reflexivity]. Qed.

(** ** The automaton with unboxed state *)

Lemma rev_onto_rev_append : forall l acc, rev_onto l acc = rev_append_bytes l acc.
Proof. induction l as [|x l IH]; intros acc; simpl; [reflexivity | apply IH]. Qed.

Lemma name_of_rev_rev_onto : forall x, name_of_rev (rev_onto x []) = x.
Proof.
  intros x; unfold name_of_rev; rewrite <- rev_onto_rev_append, !rev_onto_spec, !app_nil_r.
  apply rev_involutive.
Qed.

Lemma eof_name_rev_onto : forall n,
  eof_name (rev_onto n []) = match n with [] => [eof_name_byte] | _ :: _ => n end.
Proof.
  intros [|x l]; [reflexivity|]. unfold eof_name.
  destruct (rev_onto (x :: l) []) as [|y m] eqn:R.
  - rewrite rev_onto_spec in R. apply app_eq_nil in R. destruct R as [R _].
    cbn in R. apply app_eq_nil in R. destruct R as [_ R]. discriminate.
  - change (name_of_rev (y :: m) = x :: l). rewrite <- R. apply name_of_rev_rev_onto.
Qed.

Lemma ceof_name_crev : forall s len, eof_name (crev s len) = ceof_name s len.
Proof. intros s len; unfold ceof_name, crev, cname; cbv zeta. apply eof_name_rev_onto. Qed.

(** The end of a file on slices is [Hex2Lex.lex_finish]. *)
Lemma cfinish_abs : forall file s count hold len,
  lex_finish file (abs s count hold len) = cfinish file s len.
Proof.
  intros; unfold lex_finish, abs, abs_mode, cfinish; cbn [ls_mode].
  destruct (cs_mode s); cbv iota beta; rewrite ?ceof_name_crev; reflexivity.
Qed.

(** The input after the first [n] bytes of [l]. *)
Fixpoint drop_bytes (n : N) (l : bytes) : bytes :=
  match l with
  | [] => []
  | x :: l' => if (n =? 0)%N then l else drop_bytes (N.pred n) l'
  end.

Lemma take_zero : forall l, take_bytes 0 l = [].
Proof. destruct l; reflexivity. Qed.

Lemma drop_zero : forall l, drop_bytes 0 l = l.
Proof. destruct l; reflexivity. Qed.

Lemma take_drop_snoc : forall l n c rest, drop_bytes n l = c :: rest ->
  take_bytes (n + 1) l = take_bytes n l ++ [c] /\ drop_bytes (n + 1) l = rest.
Proof.
  induction l as [|x l IH]; intros n c rest H; cbn [drop_bytes] in H; [discriminate|].
  assert (S : (n + 1 =? 0)%N = false) by (apply N.eqb_neq; lia).
  cbn [take_bytes drop_bytes]; rewrite S.
  destruct (N.eqb_spec n 0) as [E|E].
  - subst n; inversion H; subst. simpl.
    rewrite take_zero, drop_zero; split; reflexivity.
  - destruct (IH (N.pred n) c rest H) as [T D].
    replace (N.pred (n + 1)) with (N.pred n + 1)%N by lia.
    rewrite T, D; split; reflexivity.
Qed.

Lemma crev_push : forall l n c rest, drop_bytes n l = c :: rest ->
  rev_onto (take_bytes (n + 1) l) [] = c :: rev_onto (take_bytes n l) [].
Proof.
  intros l n c rest H; rewrite (proj1 (take_drop_snoc l n c rest H)), !rev_onto_spec.
  rewrite !app_nil_r, rev_app_distr; reflexivity.
Qed.

(** The name being read is the input before [bs]. *)
Definition name_ok (s : cst) (len : N) (bs : bytes) : Prop :=
  match cs_mode s with
  | cm_label | cm_ref | cm_wref | cm_base => drop_bytes len (cs_start s) = bs
  | _ => True
  end.

(** What a [cres] stands for. *)
Definition res_of (file : N) (r : cres) : lex_result :=
  match cr_ev r with
  | ev_none => Ok (abs (cr_state r) (cr_count r) (cr_hold r) (cr_len r), None)
  | ev_byte => Ok (abs (cr_state r) (cr_count r) (cr_hold r) (cr_len r), Some (tok_byte (cr_val r)))
  | ev_word => Ok (abs (cr_state r) (cr_count r) (cr_hold r) (cr_len r), Some (tok_word (cr_val r)))
  | ev_tok => Ok (abs (cr_state r) (cr_count r) (cr_hold r) (cr_len r), Some (cr_tok r))
  | ev_nul => Err (lex_error nul_in_name file (cr_val r))
  end.

Ltac split_all :=
  repeat match goal with
         | |- context [match ?x with Some _ => _ | None => _ end] => destruct x
         | |- context [if ?b then _ else _] => destruct b
         end.

Theorem cstep_correct : forall cfg file off s count hold len c rest,
  name_ok s len (c :: rest) ->
  lex_step cfg file off (abs s count hold len) c
  = res_of file (cstep cfg file off s count hold len c rest).
Proof.
  intros cfg file off [md pos wc wa k st tn bat] count hold len c rest NO.
  unfold name_ok in NO; cbn [cs_mode cs_start] in NO.
  destruct md;
    unfold lex_step, cstep, abs, abs_mode, lex_data, cstep_data, lex_word, cstep_word,
      lex_continue, lex_emit, c_enter, c_none, c_tok, c_nul, c_push_name, cs_set, cname, crev,
      digit_step;
    cbn [ls_mode ls_count ls_hold cs_mode cs_pos cs_wcount cs_wacc cs_kind
         cs_start cs_target cs_bat];
    split_all;
    cbn [res_of cr_ev cr_state cr_count cr_hold cr_len cr_val cr_tok];
    unfold abs, abs_mode, crev;
    cbn [cs_mode cs_pos cs_wcount cs_wacc cs_kind cs_start cs_target cs_bat];
    rewrite ?take_zero, ?name_of_rev_rev_onto; try rewrite (crev_push _ _ _ _ NO);
    reflexivity.
Qed.

Lemma cstep_name_ok : forall cfg file off s count hold len c rest,
  name_ok s len (c :: rest) ->
  let r := cstep cfg file off s count hold len c rest in name_ok (cr_state r) (cr_len r) rest.
Proof.
  intros cfg file off [md pos wc wa k st tn bat] count hold len c rest NO.
  unfold name_ok in NO |- *; cbn [cs_mode cs_start] in NO.
  destruct md;
    unfold cstep, cstep_data, cstep_word, c_enter, c_none, c_tok, c_nul, c_push_name, cs_set;
    cbn [cs_mode cs_pos cs_wcount cs_wacc cs_kind cs_start cs_target cs_bat];
    split_all;
    cbn [cr_state cr_len cs_mode cs_start];
    first [ exact I | apply drop_zero | exact (proj2 (take_drop_snoc _ _ _ _ NO)) ].
Qed.

(** The fast paths of the loops. *)
Lemma digit_not_special : forall md c d, digit_value md c = Some d ->
  (c =? ch_colon)%N = false /\ ref_kind_of c = None /\ (c =? ch_lt)%N = false /\
  (c =? ch_caret)%N = false /\ (c =? ch_dot)%N = false.
Proof.
  intros md c d V.
  assert (R : (48 <= c <= 57 \/ 65 <= c <= 70 \/ 97 <= c <= 102)%N).
  { destruct md; unfold digit_value in V;
      repeat match goal with
             | V : context [if ?b then _ else _] |- _ => let E := fresh "E" in destruct b eqn:E
             end; try discriminate;
      repeat match goal with
             | H : andb _ _ = true |- _ => apply andb_prop in H; destruct H
             | H : (_ <=? _)%N = true |- _ => apply N.leb_le in H
             end; lia. }
  unfold ref_kind_of, ch_colon, ch_bang, ch_at, ch_dollar, ch_tilde, ch_percent, ch_amp, ch_lt,
    ch_caret, ch_dot.
  repeat match goal with
         | |- context [N.eqb c ?k] => destruct (N.eqb_spec c k); [lia|]
         end.
  repeat split.
Qed.

Lemma cstep_data_digit : forall cfg file off s count hold len c rest d, is_data s = true ->
  digit_value (h2_byte_mode cfg) c = Some d ->
  cstep cfg file off s count hold len c rest =
  if (count + 1 =? digits_per_byte (h2_byte_mode cfg))%N
  then mk_cres s 0 0 len ev_byte (N.land (hold * digit_radix (h2_byte_mode cfg) + d) 255) tok_pad
  else mk_cres s (count + 1) (hold * digit_radix (h2_byte_mode cfg) + d) len ev_none 0 tok_pad.
Proof.
  intros cfg file off [md pos wc wa k st tn bat] count hold len c rest d D V.
  destruct md; cbn in D; try discriminate D.
  destruct (digit_not_special _ _ _ V) as [E1 [E2 [E3 [E4 E5]]]].
  unfold cstep, cstep_data; cbn [cs_mode].
  rewrite E1, E2, E3, E4, E5, Bool.andb_false_r, V; reflexivity.
Qed.

Lemma cstep_data_blank : forall cfg file off s count hold len c rest, is_data s = true ->
  blank c = true ->
  cstep cfg file off s count hold len c rest = mk_cres s count hold len ev_none 0 tok_pad.
Proof.
  intros cfg file off [md pos wc wa k st tn bat] count hold len c rest D B.
  destruct md; cbn in D; try discriminate D.
  unfold blank in B; apply Bool.orb_true_iff in B; destruct B as [B|B];
    [apply Bool.orb_true_iff in B; destruct B as [B|B]|]; apply N.eqb_eq in B; subst c;
    unfold cstep, cstep_data; cbn;
    destruct (word_arch (h2_arch cfg)), (h2_byte_mode cfg); reflexivity.
Qed.

Lemma cstep_word_digit : forall cfg file off s count hold len c rest d, is_word s = true ->
  digit_value (h2_byte_mode cfg) c = Some d ->
  cstep cfg file off s count hold len c rest =
  if (count + 1 =? digits_per_byte (h2_byte_mode cfg))%N
  then
    match s with
    | mk_cst _ pos wc wa k st tn bat =>
        if (wc + 1 =? 4)%N
        then mk_cres (mk_cst cm_data pos wc wa k st tn bat) 0 0 len ev_word
               (word_push wa (hold * digit_radix (h2_byte_mode cfg) + d)) tok_pad
        else mk_cres (mk_cst cm_word pos (wc + 1) (word_push wa (hold * digit_radix (h2_byte_mode cfg) + d))
               k st tn bat) 0 0 len ev_none 0 tok_pad
    end
  else mk_cres s (count + 1) (hold * digit_radix (h2_byte_mode cfg) + d) len ev_none 0 tok_pad.
Proof.
  intros cfg file off [md pos wc wa k st tn bat] count hold len c rest d W V.
  destruct md; cbn in W; try discriminate W.
  unfold cstep, cstep_word; cbn [cs_mode]; rewrite V.
  destruct (count + 1 =? digits_per_byte (h2_byte_mode cfg))%N; [|reflexivity].
  destruct (wc + 1 =? 4)%N; reflexivity.
Qed.

Lemma cstep_name_byte : forall cfg file off s count hold len c rest, name_byte s c = true ->
  cstep cfg file off s count hold len c rest = mk_cres s count hold (len + 1) ev_none 0 tok_pad.
Proof.
  intros cfg file off [md pos wc wa k st tn bat] count hold len c rest NB.
  unfold name_byte in NB; destruct md; cbn [cs_mode] in NB; try discriminate NB;
    repeat match goal with
           | H : andb _ _ = true |- _ => apply andb_prop in H; destruct H
           | H : negb _ = true |- _ => apply Bool.negb_true_iff in H
           end;
    unfold cstep, c_push_name; cbn [cs_mode];
    repeat match goal with H : _ = false |- _ => rewrite H; clear H end; reflexivity.
Qed.

(* The passes' byte loops take cstep's shortcuts (Hex2Exec): on each of them both sides of an
   unfolding lemma meet again once cstep is rewritten to the shortcut's result. *)
Ltac by_cstep_shortcuts cfg file off s count hold len c bs :=
  destruct (is_data s) eqn:D;
  [ destruct (digit_value (h2_byte_mode cfg) c) as [d|] eqn:V;
    [ rewrite (cstep_data_digit cfg file off s count hold len c bs d D V);
      destruct (count + 1 =? digits_per_byte (h2_byte_mode cfg))%N; reflexivity
    | destruct (blank c) eqn:B; [|reflexivity];
      rewrite (cstep_data_blank cfg file off s count hold len c bs D B); reflexivity ]
  | destruct (is_word s) eqn:W;
    [ destruct (digit_value (h2_byte_mode cfg) c) as [d|] eqn:V; [|reflexivity];
      rewrite (cstep_word_digit cfg file off s count hold len c bs d W V);
      destruct (count + 1 =? digits_per_byte (h2_byte_mode cfg))%N; [|reflexivity];
      destruct s as [md pos wc wa k st tn bat]; destruct (wc + 1 =? 4)%N; reflexivity
    | destruct (name_byte s c) eqn:NB; [|reflexivity];
      rewrite (cstep_name_byte cfg file off s count hold len c bs NB); reflexivity ] ].

Lemma p1_bytes_cons : forall cfg file off s count hold len c bs ip m,
  p1_bytes cfg file off s count hold len (c :: bs) ip m =
    match cstep cfg file off s count hold len c bs with
    | mk_cres s' n h ln ev v t =>
        match ev with
        | ev_none => p1_bytes cfg file (off + 1) s' n h ln bs ip m
        | ev_byte => p1_bytes cfg file (off + 1) s' n h ln bs (add32 ip 1) m
        | ev_word => p1_bytes cfg file (off + 1) s' n h ln bs (add32 ip 0) m
        | ev_tok =>
            match p1_token cfg ip m t with
            | (ip', m') => p1_bytes cfg file (off + 1) s' n h ln bs ip' m'
            end
        | ev_nul => Err (lex_error nul_in_name file v)
        end
    end.
Proof.
  intros cfg file off s count hold len c bs ip m; cbn [p1_bytes].
  by_cstep_shortcuts cfg file off s count hold len c bs.
Qed.

Lemma p2_bytes_cons : forall cfg m file off s count hold len c bs es o,
  p2_bytes cfg m file off s count hold len (c :: bs) es o =
    match cstep cfg file off s count hold len c bs with
    | mk_cres s' n h ln ev v t =>
        match ev with
        | ev_none => p2_bytes cfg m file (off + 1) s' n h ln bs es o
        | ev_byte =>
            match p2_byte es o v with
            | (es', o') => p2_bytes cfg m file (off + 1) s' n h ln bs es' o'
            end
        | ev_word =>
            match p2_token cfg m es o (tok_word v) with
            | Err e => Err e
            | Ok r2 =>
                match r2 with
                | (es', o') => p2_bytes cfg m file (off + 1) s' n h ln bs es' o'
                end
            end
        | ev_tok =>
            match p2_token cfg m es o t with
            | Err e => Err e
            | Ok r2 =>
                match r2 with
                | (es', o') => p2_bytes cfg m file (off + 1) s' n h ln bs es' o'
                end
            end
        | ev_nul => Err (lex_error nul_in_name file v)
        end
    end.
Proof.
  intros cfg m file off s count hold len c bs es o; cbn [p2_bytes].
  by_cstep_shortcuts cfg file off s count hold len c bs.
Qed.

(** ** Pass 1 *)

Definition label_step (t : token) (ip : N) (l : labels) : labels :=
  match t with tok_label n => (n, ip) :: l | _ => l end.

Lemma layout_cons : forall cfg ip t ts l,
  layout cfg ip (t :: ts) l = layout cfg (next_ip cfg ip t) ts (label_step t ip l).
Proof. reflexivity. Qed.

Lemma layout_app : forall cfg ts ts' ip l,
  layout cfg ip (ts ++ ts') l =
  layout cfg (fst (layout cfg ip ts l)) ts' (snd (layout cfg ip ts l)).
Proof.
  intros cfg ts; induction ts as [|t ts IH]; intros ts' ip l; [reflexivity|].
  simpl app; rewrite !layout_cons; apply IH.
Qed.

Lemma p1_token_spec : forall cfg ip m l t, agree m l ->
  fst (p1_token cfg ip m t) = next_ip cfg ip t /\
  agree (snd (p1_token cfg ip m t)) (label_step t ip l).
Proof.
  intros cfg ip m l t H; destruct t; simpl; split; auto using agree_add.
Qed.

Definition p1_ok (cfg : hex2_config) (r : result (N * label_map)) (ip : N) (ts : list token)
    (l : labels) : Prop :=
  exists m', r = Ok (fst (layout cfg ip ts l), m') /\ agree m' (snd (layout cfg ip ts l)).

Lemma p1_bytes_correct : forall cfg bs file off s count hold len ip m l, agree m l ->
  name_ok s len bs ->
  match lex_bytes cfg file off (abs s count hold len) bs with
  | Err e => p1_bytes cfg file off s count hold len bs ip m = Err e
  | Ok ts => p1_ok cfg (p1_bytes cfg file off s count hold len bs ip m) ip ts l
  end.
Proof.
  intros cfg bs; induction bs as [|c bs IH]; intros file off s count hold len ip m l H NO.
  - simpl. rewrite cfinish_abs. destruct (cfinish file s len) as [[t|]|e]; [| |reflexivity].
    + destruct (p1_token_spec cfg ip m l t H) as [H1 H2].
      exists (snd (p1_token cfg ip m t)); simpl; split; [|exact H2].
      rewrite <- H1; destruct (p1_token cfg ip m t); reflexivity.
    + exists m; split; [reflexivity | exact H].
  - rewrite p1_bytes_cons; cbn [lex_bytes]. rewrite (cstep_correct cfg file off s count hold len c bs NO). unfold res_of.
    pose proof (cstep_name_ok cfg file off s count hold len c bs NO) as NO'; cbv zeta in NO'.
    destruct (cstep cfg file off s count hold len c bs) as [s' n h ln ev v t]; cbn [cr_ev cr_state cr_count cr_hold cr_len cr_val cr_tok] in NO' |- *.
    destruct ev; [ | | | | reflexivity].
    + specialize (IH file (off + 1)%N s' n h ln ip m l H NO').
      destruct (lex_bytes cfg file (off + 1) (abs s' n h ln) bs); exact IH.
    + destruct (p1_token_spec cfg ip m l (tok_byte v) H) as [H1 H2].
      specialize (IH file (off + 1)%N s' n h ln (add32 ip 1) m l H2 NO').
      destruct (lex_bytes cfg file (off + 1) (abs s' n h ln) bs) as [ts|e]; [|exact IH].
      unfold p1_ok; rewrite layout_cons; exact IH.
    + destruct (p1_token_spec cfg ip m l (tok_word v) H) as [H1 H2].
      specialize (IH file (off + 1)%N s' n h ln (add32 ip 0) m l H2 NO').
      destruct (lex_bytes cfg file (off + 1) (abs s' n h ln) bs) as [ts|e]; [|exact IH].
      unfold p1_ok; rewrite layout_cons; exact IH.
    + destruct (p1_token_spec cfg ip m l t H) as [H1 H2].
      specialize (IH file (off + 1)%N s' n h ln (fst (p1_token cfg ip m t))
                     (snd (p1_token cfg ip m t)) (label_step t ip l) H2 NO').
      destruct (p1_token cfg ip m t) as [ip' m'] eqn:P; simpl in H1, IH |- *.
      destruct (lex_bytes cfg file (off + 1) (abs s' n h ln) bs) as [ts|e]; [|exact IH].
      unfold p1_ok; rewrite layout_cons, <- H1; exact IH.
Qed.

Lemma p1_files_correct : forall cfg inputs file ip m l, agree m l ->
  match lex_files cfg file inputs with
  | Err e => p1_files cfg file inputs ip m = Err e
  | Ok ts => p1_ok cfg (p1_files cfg file inputs ip m) ip ts l
  end.
Proof.
  intros cfg inputs; induction inputs as [|bs rest IH]; intros file ip m l H.
  - simpl; exists m; split; [reflexivity | exact H].
  - simpl. generalize (p1_bytes_correct cfg bs file 0 cinit 0 0 0 ip m l H I).
    change lex_init with (abs cinit 0 0 0).
    destruct (lex_bytes cfg file 0 (abs cinit 0 0 0) bs) as [ts|e]; intros P; [|rewrite P; reflexivity].
    destruct P as [m1 [P1 A1]]; rewrite P1.
    specialize (IH (file + 1)%N (fst (layout cfg ip ts l)) m1 (snd (layout cfg ip ts l)) A1).
    destruct (lex_files cfg (file + 1) rest) as [ts'|e]; [|exact IH].
    unfold p1_ok; rewrite layout_app; exact IH.
Qed.

(** ** Pass 2 *)

Lemma push_bytes_app : forall a b o, push_bytes o (a ++ b) = push_bytes (push_bytes o a) b.
Proof. induction a as [|x a IH]; intros b o; simpl; [reflexivity | apply IH]. Qed.

Lemma out_contents_push_bytes : forall bs o,
  out_contents (push_bytes o bs) = out_contents o ++ bs.
Proof.
  induction bs as [|b bs IH]; intros o; simpl; [rewrite app_nil_r; reflexivity|].
  rewrite IH, out_contents_push, <- app_assoc; reflexivity.
Qed.

Definition p2_of (r : result (emit_state * bytes)) (o : outbuf)
  : result (emit_state * outbuf) :=
  match r with
  | Err e => Err e
  | Ok (es', bs) => Ok (es', push_bytes o bs)
  end.

Lemma p2_token_spec : forall cfg m l es o t, agree m l ->
  p2_token cfg m es o t = p2_of (emit_token cfg l es t) o.
Proof.
  intros cfg m l es o t H; unfold p2_token, emit_token.
  rewrite !(resolve_lookup m l _ H).
  destruct t; reflexivity.
Qed.

Lemma emit_app : forall cfg l ts ts' es,
  emit cfg l es (ts ++ ts') =
  match emit cfg l es ts with
  | Err e => Err e
  | Ok (es1, o1) =>
      match emit cfg l es1 ts' with
      | Err e => Err e
      | Ok (es2, o2) => Ok (es2, o1 ++ o2)
      end
  end.
Proof.
  intros cfg l ts; induction ts as [|t ts IH]; intros ts' es.
  - simpl. destruct (emit cfg l es ts') as [[es2 o2]|e]; reflexivity.
  - simpl. destruct (emit_token cfg l es t) as [[es1 o1]|e]; [|reflexivity].
    rewrite IH. destruct (emit cfg l es1 ts) as [[es2 o2]|e]; [|reflexivity].
    destruct (emit cfg l es2 ts') as [[es3 o3]|e]; [|reflexivity].
    rewrite app_assoc; reflexivity.
Qed.

Lemma p2_of_bind : forall cfg l es1 o1 ts o,
  p2_of (match emit cfg l es1 ts with
         | Err e => Err e
         | Ok (es2, o2) => Ok (es2, o1 ++ o2)
         end) o =
  p2_of (emit cfg l es1 ts) (push_bytes o o1).
Proof.
  intros; destruct (emit cfg l es1 ts) as [[es2 o2]|e]; simpl; [|reflexivity].
  rewrite push_bytes_app; reflexivity.
Qed.

Lemma p2_step_tok : forall cfg m l t bs file off s' n h ln ts es o, agree m l ->
  (forall ts' es o, lex_bytes cfg file (off + 1) (abs s' n h ln) bs = Ok ts' ->
     p2_bytes cfg m file (off + 1) s' n h ln bs es o = p2_of (emit cfg l es ts') o) ->
  match lex_bytes cfg file (off + 1) (abs s' n h ln) bs with
  | Err e => Err e
  | Ok ts0 => Ok (t :: ts0)
  end = Ok ts ->
  match p2_token cfg m es o t with
  | Err e => Err e
  | Ok r2 => match r2 with (es', o') => p2_bytes cfg m file (off + 1) s' n h ln bs es' o' end
  end = p2_of (emit cfg l es ts) o.
Proof.
  intros cfg m l t bs file off s' n h ln ts es o H IH L.
  destruct (lex_bytes cfg file (off + 1) (abs s' n h ln) bs) as [ts'|e] eqn:LB; [|discriminate].
  inversion L; subst; clear L.
  rewrite (p2_token_spec cfg m l es o t H); simpl.
  destruct (emit_token cfg l es t) as [[es1 o1]|e]; simpl; [|reflexivity].
  rewrite (IH ts' es1 (push_bytes o o1) eq_refl), p2_of_bind; reflexivity.
Qed.

Lemma p2_bytes_correct : forall cfg m l bs file off s count hold len ts es o, agree m l ->
  name_ok s len bs -> lex_bytes cfg file off (abs s count hold len) bs = Ok ts ->
  p2_bytes cfg m file off s count hold len bs es o = p2_of (emit cfg l es ts) o.
Proof.
  intros cfg m l bs; induction bs as [|c bs IH]; intros file off s count hold len ts es o H NO L.
  - simpl in L |- *. rewrite cfinish_abs in L.
    destruct (cfinish file s len) as [[t|]|e]; inversion L; subst; clear L.
    + rewrite (p2_token_spec cfg m l es o t H); simpl.
      destruct (emit_token cfg l es t) as [[es1 o1]|e]; simpl; [|reflexivity].
      rewrite app_nil_r; reflexivity.
    + reflexivity.
  - cbn [lex_bytes] in L; rewrite p2_bytes_cons. rewrite (cstep_correct cfg file off s count hold len c bs NO) in L.
    unfold res_of in L. pose proof (cstep_name_ok cfg file off s count hold len c bs NO) as NO'; cbv zeta in NO'.
    destruct (cstep cfg file off s count hold len c bs) as [s' n h ln ev v t];
      cbn [cr_ev cr_state cr_count cr_hold cr_len cr_val cr_tok] in L, NO' |- *.
    destruct ev; cbv beta iota in L; [ | | | | discriminate].
    + destruct (lex_bytes cfg file (off + 1) (abs s' n h ln) bs) as [ts'|e] eqn:LB; [|discriminate].
      inversion L; subst; clear L.
      apply (IH file (off + 1)%N s' n h ln ts es o H NO' LB).
    + change (match p2_byte es o v with (es', o') => p2_bytes cfg m file (off + 1) s' n h ln bs es' o' end)
        with (match p2_token cfg m es o (tok_byte v) with
              | Err e => Err e
              | Ok r2 => match r2 with (es', o') => p2_bytes cfg m file (off + 1) s' n h ln bs es' o' end
              end).
      apply (p2_step_tok cfg m l _ bs file off s' n h ln ts es o H (fun ts' es o => IH file (off + 1)%N s' n h ln ts' es o H NO') L).
    + apply (p2_step_tok cfg m l _ bs file off s' n h ln ts es o H (fun ts' es o => IH file (off + 1)%N s' n h ln ts' es o H NO') L).
    + apply (p2_step_tok cfg m l _ bs file off s' n h ln ts es o H (fun ts' es o => IH file (off + 1)%N s' n h ln ts' es o H NO') L).
Qed.

Lemma p2_files_correct : forall cfg m l inputs file ts es o, agree m l ->
  lex_files cfg file inputs = Ok ts ->
  p2_files cfg m file inputs es o = p2_of (emit cfg l es ts) o.
Proof.
  intros cfg m l inputs; induction inputs as [|bs rest IH]; intros file ts es o H L.
  - simpl in L; inversion L; subst; reflexivity.
  - simpl in L |- *.
    change lex_init with (abs cinit 0 0 0) in L |- *.
    destruct (lex_bytes cfg file 0 (abs cinit 0 0 0) bs) as [ts1|e] eqn:L1; [|discriminate].
    destruct (lex_files cfg (file + 1) rest) as [ts2|e] eqn:L2; [|discriminate].
    inversion L; subst; clear L.
    rewrite (p2_bytes_correct cfg m l bs file 0 cinit 0 0 0 ts1 es o H I L1), emit_app.
    destruct (emit cfg l es ts1) as [[es1 o1]|e]; simpl; [|reflexivity].
    rewrite (IH (file + 1)%N ts2 es1 (push_bytes o o1) H L2), p2_of_bind; reflexivity.
Qed.

(** ** The core computes the specification *)

Theorem link_correct : forall cfg inputs, Hex2Exec.link cfg inputs = Hex2Spec.link cfg inputs.
Proof.
  intros cfg inputs; unfold Hex2Exec.link, link_out; rewrite link_unfold.
  generalize (p1_files_correct cfg inputs 0 (base_ip cfg) ByteMap.empty [] agree_empty).
  destruct (lex_files cfg 0 inputs) as [ts|e] eqn:L; intros P; [|rewrite P; reflexivity].
  cbv zeta.
  destruct P as [m [P A]]; rewrite P.
  rewrite (p2_files_correct cfg m _ inputs 0 ts _ out_empty A L).
  destruct (emit _ _ _ ts) as [[es bs]|e]; simpl; [|reflexivity].
  rewrite out_contents_push_bytes; reflexivity.
Qed.
