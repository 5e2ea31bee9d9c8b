(** * M1CheckFirst: M1's strict checker, keeping the first [k] uses. *)

(** [check_first k cfg inputs] is the first [k] uses of [M1Check.check cfg inputs] and how many
    there are ([check_first_correct]). It runs [M1Check]'s two passes ([char_step],
    [see_raws]) with every use going to a [FirstUses] accumulator at once: the uses in bytes and
    at ends of pass A to a [lasts] ([check] lists them newest first), the uses in tokens
    ([mc_uses], [mc_octal]) to a [firsts] each ([check] lists them in order); the [mcheck] it
    carries never holds a use ([strip]). So it holds at most [4k] uses, besides the scan's own
    state: the places of every DEFINE name (pass A) and the token being read (an atom's text,
    as long as the input makes it). *)

From Coq Require Import NArith List Lia.
From Hexproof.Spec Require Import Common Quirks M1Lex.
From Hexproof.Proofs Require Import ByteMap M1Check FirstUses.
Import ListNotations.
Local Open Scope N_scope.

(** [m] without its uses. *)
Definition strip (m : mcheck) : mcheck :=
  match m with
  | mk_mcheck q sc defs _ _ => mk_mcheck q sc defs [] []
  end.

Record mscan_first := mk_mscan_first {
  mf_lasts : lasts;      (* the uses in bytes and at ends (pass A) *)
  mf_tokens : mcheck;    (* stripped *)
  mf_uses : firsts;      (* [mc_uses] *)
  mf_octal : firsts;     (* [mc_octal] *)
  mf_ok : bool
}.

(** The use at the end of file [file], [pos] bytes long, in state [st] ([w]: its last token is
    a word). *)
Definition end_use (file pos : N) (st : lex_state) (w : bool) : list quirk_use :=
  match st with
  | Between => if w then [plain_use text_across_files file pos []] else []
  | _ => [plain_use text_across_files file pos []]
  end.

(** [M1Check.scan_chars]. *)
Fixpoint scan_chars_first (pass : bool) (k : N) (cfg : m1_config) (file pos : N) (st : lex_state)
    (w : bool) (s : bytes) (a : lasts) (m : mcheck) (fu fo : firsts) : mscan_first :=
  match s with
  | [] =>
      let a' := if pass then a else keep_lasts k (end_use file pos st w) a in
      match eof_step file st with
      | Err _ => mk_mscan_first a' m fu fo false
      | Ok ts =>
          let m' := see_raw pass cfg (see_raws pass cfg m ts) Newline in
          mk_mscan_first a' (strip m') (keep_firsts k (push_uses (mc_uses m') []) fu)
            (keep_firsts k (push_uses (mc_octal m') []) fo) true
      end
  | c :: s' =>
      let a' := if pass then a else keep_lasts k (char_use file pos st c []) a in
      match char_step file pos st c with
      | Err _ => mk_mscan_first a' m fu fo false
      | Ok r =>
          match r with
          | (st', ts) =>
              let m' := see_raws pass cfg m ts in
              scan_chars_first pass k cfg file (N.add pos 1) st' (last_is_word ts w) s' a'
                (strip m') (keep_firsts k (push_uses (mc_uses m') []) fu)
                (keep_firsts k (push_uses (mc_octal m') []) fo)
          end
      end
  end.

Fixpoint scan_inputs_first (pass : bool) (k : N) (cfg : m1_config) (file : N)
    (inputs : list bytes) (a : lasts) (m : mcheck) (fu fo : firsts) (ok : bool) : mscan_first :=
  match inputs with
  | [] => mk_mscan_first a m fu fo ok
  | f :: fs =>
      match scan_chars_first pass k cfg file 0 Between false f a m fu fo with
      | mk_mscan_first a' m' fu' fo' ok' =>
          scan_inputs_first pass k cfg (N.add file 1) fs a' m' fu' fo' (andb ok ok')
      end
  end.

(** The first [k] uses of M1 reading [inputs] with the flags [cfg], and how many there are. *)
Definition check_first (k : N) (cfg : m1_config) (inputs : list bytes) : list quirk_use * N :=
  match scan_inputs_first false k cfg 0 inputs lasts_empty (mc_start ByteMap.empty) firsts_empty
          firsts_empty true with
  | mk_mscan_first a mA uA _ okA =>
      let others := (take_uses k (lasts_list a), la_count a) in
      if okA then
        match scan_inputs_first true k cfg 0 inputs lasts_empty (mc_start (mc_defs mA))
                firsts_empty firsts_empty true with
        | mk_mscan_first _ mB uB oB _ =>
            if outside_define (mc_scan mB)
            then (take_uses k (push_uses (fi_kept uA) (push_uses (fi_kept uB)
                    (push_uses (fi_kept oB) (lasts_list a)))),
                  fi_count uA + (fi_count uB + (fi_count oB + la_count a)))
            else others
        end
      else others
  end.

(** ** Proof *)

(** [g] adds uses to those of the state and does not read them. *)
Definition adds (g : mcheck -> mcheck) : Prop :=
  forall m, strip (g m) = strip (g (strip m))
            /\ mc_uses (g m) = mc_uses (g (strip m)) ++ mc_uses m
            /\ mc_octal (g m) = mc_octal (g (strip m)) ++ mc_octal m.

Lemma adds_compose : forall g1 g2, adds g1 -> adds g2 -> adds (fun m => g2 (g1 m)).
Proof.
  intros g1 g2 A1 A2 m.
  destruct (A1 m) as (S1 & U1 & O1). destruct (A2 (g1 m)) as (S2 & U2 & O2).
  destruct (A2 (g1 (strip m))) as (S3 & U3 & O3).
  split; [|split].
  - rewrite S2, S3, S1; reflexivity.
  - rewrite U2, U3, U1, S1, app_assoc; reflexivity.
  - rewrite O2, O3, O1, S1, app_assoc; reflexivity.
Qed.

Lemma see_word_app : forall cfg defs s f o name printed us octs,
  see_word cfg defs s f o name printed us octs
  = (fst (see_word cfg defs s f o name printed [] []) ++ us,
     snd (see_word cfg defs s f o name printed [] []) ++ octs).
Proof.
  intros; unfold see_word;
    repeat match goal with
           | |- context [match ?x with _ => _ end] => destruct x
           | |- context [if ?x then _ else _] => destruct x
           end; reflexivity.
Qed.

Lemma see_define_app : forall defs us d n,
  see_define defs us d n = (fst (see_define defs [] d n), snd (see_define defs [] d n) ++ us).
Proof.
  intros; unfold see_define;
    repeat match goal with
           | |- context [match ?x with _ => _ end] => destruct x
           end; reflexivity.
Qed.

Lemma see_token_adds : forall pass cfg t, adds (fun m => see_token pass cfg m t).
Proof.
  intros pass cfg t [q sc defs us octs]; unfold see_token; cbn.
  destruct sc, pass; cbn; unfold see_word_in; destruct t; cbn; auto;
    try (rewrite (see_word_app cfg defs _ _ _ _ _ us octs);
         destruct (see_word cfg defs _ _ _ _ _ [] []); cbn; auto);
    try (rewrite (see_define_app defs us);
         destruct (see_define defs [] _ _); cbn; auto).
Qed.

Lemma see_raw_adds : forall pass cfg t, adds (fun m => see_raw pass cfg m t).
Proof.
  intros pass cfg t m. unfold see_raw. destruct t.
  - destruct m as [q sc defs us octs]; destruct q; cbn; [auto|].
    apply see_token_adds.
  - apply see_token_adds.
Qed.

Lemma see_raws_adds : forall pass cfg ts, adds (fun m => see_raws pass cfg m ts).
Proof.
  intros pass cfg ts; induction ts as [|t ts IH]; cbn.
  - intros m; destruct m; cbn; auto.
  - apply (adds_compose (fun m => see_raw pass cfg m t) (fun m => see_raws pass cfg m ts));
      [apply see_raw_adds | exact IH].
Qed.

(** The step of the proof: [g] run on the stripped state, its uses kept. *)
Lemma keep_adds : forall k g m fu fo,
  adds g -> firsts_of k (rev (mc_uses m)) fu -> firsts_of k (rev (mc_octal m)) fo ->
  strip (g m) = strip (g (strip m))
  /\ firsts_of k (rev (mc_uses (g m))) (keep_firsts k (push_uses (mc_uses (g (strip m))) []) fu)
  /\ firsts_of k (rev (mc_octal (g m))) (keep_firsts k (push_uses (mc_octal (g (strip m))) []) fo).
Proof.
  intros k g m fu fo A U O. destruct (A m) as (S & U' & O').
  rewrite S, U', O', !rev_app_distr, !push_uses_rev, !app_nil_r.
  split; [reflexivity|split; apply firsts_of_keep_firsts; assumption].
Qed.

Definition scan_related (k : N) (r : mscan) (rb : mscan_first) : Prop :=
  match r, rb with
  | mk_mscan lu m ok, mk_mscan_first a mb fu fo okb =>
      lasts_of k lu a /\ mb = strip m /\ firsts_of k (rev (mc_uses m)) fu
      /\ firsts_of k (rev (mc_octal m)) fo /\ ok = okb
  end.

Lemma scan_chars_first_correct : forall pass k cfg file s pos st w lu m a fu fo,
  lasts_of k lu a -> firsts_of k (rev (mc_uses m)) fu -> firsts_of k (rev (mc_octal m)) fo ->
  scan_related k (scan_chars pass cfg file pos st w s lu m)
    (scan_chars_first pass k cfg file pos st w s a (strip m) fu fo).
Proof.
  intros pass k cfg file s; induction s as [|c s IH]; intros pos st w lu m a fu fo A U O; cbn.
  - assert (A' : lasts_of k (if pass then lu else match st with
                                                   | Between => if w then plain_use text_across_files file pos [] :: lu else lu
                                                   | _ => plain_use text_across_files file pos [] :: lu
                                                   end)
                   (if pass then a else keep_lasts k (end_use file pos st w) a)).
    { destruct pass; [exact A|]. unfold end_use.
      destruct st; try destruct w; cbn; try exact A; apply (lasts_of_keep_lasts k [_]), A. }
    destruct (eof_step file st) as [ts|e]; cbn; [|auto].
    destruct (keep_adds k (fun m => see_raw pass cfg (see_raws pass cfg m ts) Newline) m fu fo
                (adds_compose _ _ (see_raws_adds pass cfg ts) (see_raw_adds pass cfg Newline)) U O)
      as (S & U' & O'); cbn in S, U', O'.
    rewrite S; auto.
  - assert (A' : lasts_of k (if pass then lu else char_use file pos st c lu)
                   (if pass then a else keep_lasts k (char_use file pos st c []) a)).
    { destruct pass; [exact A|]. unfold char_use.
      destruct (char_quirk st c); cbn; [apply (lasts_of_keep_lasts k [_]), A | exact A]. }
    destruct (char_step file pos st c) as [[st' ts]|e]; cbn; [|auto].
    destruct (keep_adds k (fun m => see_raws pass cfg m ts) m fu fo (see_raws_adds pass cfg ts) U O)
      as (S & U' & O'); cbn in S, U', O'.
    rewrite <- S. apply IH; assumption.
Qed.

Lemma scan_inputs_first_correct : forall pass k cfg inputs file lu m a fu fo ok,
  lasts_of k lu a -> firsts_of k (rev (mc_uses m)) fu -> firsts_of k (rev (mc_octal m)) fo ->
  scan_related k (scan_inputs pass cfg file inputs lu m ok)
    (scan_inputs_first pass k cfg file inputs a (strip m) fu fo ok).
Proof.
  intros pass k cfg inputs; induction inputs as [|f fs IH]; intros file lu m a fu fo ok A U O; cbn.
  - auto.
  - pose proof (scan_chars_first_correct pass k cfg file f 0 Between false lu m a fu fo A U O) as R.
    destruct (scan_chars pass cfg file 0 Between false f lu m) as [lu' m' ok'].
    destruct (scan_chars_first pass k cfg file 0 Between false f a (strip m) fu fo)
      as [a' mb fu' fo' okb].
    destruct R as (A' & -> & U' & O' & <-). apply IH; assumption.
Qed.

(** The bounded checker keeps the first [k] uses of [check] and counts them all. *)
Theorem check_first_correct : forall k cfg inputs,
  check_first k cfg inputs
  = (firstn (N.to_nat k) (check cfg inputs), N.of_nat (length (check cfg inputs))).
Proof.
  intros k cfg inputs. unfold check_first, check.
  assert (St : forall defs, mc_start defs = strip (mc_start defs)) by reflexivity.
  pose proof (scan_inputs_first_correct false k cfg inputs 0 [] (mc_start ByteMap.empty)
                lasts_empty firsts_empty firsts_empty true (lasts_of_empty k)
                (firsts_of_empty k) (firsts_of_empty k)) as RA.
  rewrite <- St in RA.
  destruct (scan_inputs false cfg 0 inputs [] (mc_start ByteMap.empty) true) as [lu mA okA].
  destruct (scan_inputs_first false k cfg 0 inputs lasts_empty (mc_start ByteMap.empty)
              firsts_empty firsts_empty true) as [a mAb uA oA okAb].
  destruct RA as (A & -> & UA & _ & <-).
  destruct (lasts_of_result k lu a A) as [L C].
  destruct okA; [|rewrite L, C; reflexivity].
  pose proof (scan_inputs_first_correct true k cfg inputs 0 [] (mc_start (mc_defs mA))
                lasts_empty firsts_empty firsts_empty true (lasts_of_empty k)
                (firsts_of_empty k) (firsts_of_empty k)) as RB.
  rewrite <- St in RB. replace (mc_defs (strip mA)) with (mc_defs mA) by (destruct mA; reflexivity).
  destruct (scan_inputs true cfg 0 inputs [] (mc_start (mc_defs mA)) true) as [luB mB okB].
  destruct (scan_inputs_first true k cfg 0 inputs lasts_empty (mc_start (mc_defs mA))
              firsts_empty firsts_empty true) as [aB mBb uB oB okBb].
  destruct RB as (_ & -> & UB & OB & _).
  replace (mc_scan (strip mB)) with (mc_scan mB) by (destruct mB; reflexivity).
  destruct (outside_define (mc_scan mB)); [|rewrite L, C; reflexivity].
  rewrite take_uses_firstn in L |- *. f_equal.
  - rewrite (push_uses_rev (mc_uses mA)). apply (firsts_before _ _ _ _ _ UA).
    rewrite (push_uses_rev (mc_uses mB)). apply (firsts_before _ _ _ _ _ UB).
    rewrite (push_uses_rev (mc_octal mB)). apply (firsts_before _ _ _ _ _ OB). exact L.
  - destruct UA as [_ ->], UB as [_ ->], OB as [_ ->]. rewrite C, !push_uses_rev, !app_length,
      !rev_length. lia.
Qed.
