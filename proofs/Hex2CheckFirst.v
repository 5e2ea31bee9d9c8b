(** * Hex2CheckFirst: hex2's strict checker, keeping the first [k] uses. *)

(** [check_first k cfg inputs] is the first [k] uses of [Hex2Check.check cfg inputs] and how
    many there are ([check_first_correct]). It runs [Hex2Check]'s scan ([lex_step],
    [see_token], [end_of_file]) with every use going to a [FirstUses] accumulator at once: the
    uses in bytes and at ends to a [lasts] ([check] lists them newest first), the uses in tokens
    to a [firsts] ([check] lists them in order); the [hcheck] it carries never holds a use
    ([strip]). So it holds at most [2k] uses, besides the scan's own state: the first place of
    every label, and the [.] words and RISC-V immediates that fewer than four bytes follow
    ([hc_w0]: all the words since the last data byte, as many as the input has in a row). *)

From Coq Require Import NArith List Lia.
From Hexproof.Spec Require Import Common Quirks Hex2Lex Hex2Spec.
From Hexproof.Proofs Require Import Hex2Check FirstUses.
Import ListNotations.
Local Open Scope N_scope.

(** [h] without its uses. *)
Definition strip (h : hcheck) : hcheck :=
  match h with
  | mk_hcheck m al w0 w1 w2 w3 _ => mk_hcheck m al w0 w1 w2 w3 []
  end.

Record hscan_first := mk_hscan_first {
  hf_lasts : lasts;      (* the uses in bytes and at ends *)
  hf_tokens : hcheck;    (* stripped *)
  hf_firsts : firsts;    (* the uses in tokens *)
  hf_ok : bool
}.

(** [Hex2Check.scan_bytes]. *)
Fixpoint scan_bytes_first (k : N) (cfg : hex2_config) (file off : N) (st : lex_state)
    (bs : bytes) (a : lasts) (h : hcheck) (f : firsts) : hscan_first :=
  match bs with
  | [] =>
      let a' := keep_lasts k (push_uses (end_uses file off st []) []) a in
      match lex_finish file st with
      | Err _ => mk_hscan_first a' h f false
      | Ok None => mk_hscan_first a' h f true
      | Ok (Some t) =>
          let h' := see_token cfg h file (token_offset st off) t in
          mk_hscan_first a' (strip h') (keep_firsts k (push_uses (hc_uses h') []) f) true
      end
  | c :: bs' =>
      let a' := keep_lasts k (byte_use cfg file off st c []) a in
      match lex_step cfg file off st c with
      | Err _ => mk_hscan_first a' h f false
      | Ok r =>
          match r with
          | (st', None) => scan_bytes_first k cfg file (off + 1) st' bs' a' h f
          | (st', Some t) =>
              let h' := see_token cfg h file (token_offset st off) t in
              scan_bytes_first k cfg file (off + 1) st' bs' a' (strip h')
                (keep_firsts k (push_uses (hc_uses h') []) f)
          end
      end
  end.

(** [Hex2Check.scan_files]: the uses, first [k] and count. *)
Fixpoint scan_files_first (k : N) (cfg : hex2_config) (file : N) (inputs : list bytes)
    (a : lasts) (h : hcheck) (f : firsts) (ok : bool) : list quirk_use * N :=
  match inputs with
  | [] =>
      if ok then (take_uses k (push_uses (fi_kept f) (lasts_list a)), fi_count f + la_count a)
      else (take_uses k (lasts_list a), la_count a)
  | bs :: rest =>
      match scan_bytes_first k cfg file 0 lex_init bs a h f with
      | mk_hscan_first a' h' f' ok' =>
          match rest with
          | [] => scan_files_first k cfg (file + 1) rest a' h' f' (ok && ok')
          | _ :: _ =>
              let e := end_of_file file h' in
              scan_files_first k cfg (file + 1) rest a' (strip e)
                (keep_firsts k (push_uses (hc_uses e) []) f') (ok && ok')
          end
      end
  end.

(** The first [k] uses of hex2 reading [inputs] with the flags [cfg], and how many there are. *)
Definition check_first (k : N) (cfg : hex2_config) (inputs : list bytes) : list quirk_use * N :=
  scan_files_first k cfg 0 inputs lasts_empty hc_init firsts_empty true.

(** ** Proof *)

Lemma byte_use_app : forall cfg file off st c lu,
  byte_use cfg file off st c lu = byte_use cfg file off st c [] ++ lu.
Proof. intros; unfold byte_use; destruct (byte_quirk cfg st c); reflexivity. Qed.

Lemma end_uses_app : forall file off st lu, end_uses file off st lu = end_uses file off st [] ++ lu.
Proof.
  intros; unfold end_uses; destruct (0 <? ls_count st), (is_open st); reflexivity.
Qed.

(** [see_token] adds uses to those of [h] and does not read them. *)
Lemma see_token_strip : forall cfg h file off t,
  strip (see_token cfg h file off t) = strip (see_token cfg (strip h) file off t)
  /\ hc_uses (see_token cfg h file off t) = hc_uses (see_token cfg (strip h) file off t) ++ hc_uses h.
Proof.
  intros cfg [m al w0 w1 w2 w3 us] file off t.
  destruct t; cbn;
    repeat match goal with
           | |- context [match ?x with _ => _ end] => destruct x
           | |- context [if ?x then _ else _] => destruct x
           end; cbn; auto.
Qed.

Lemma pending_uses_app : forall file ws acc,
  pending_uses file ws acc = pending_uses file ws [] ++ acc.
Proof.
  intros file ws; induction ws as [|[o n] ws IH]; intros acc; cbn; [reflexivity|].
  rewrite IH, (IH [_]), <- app_assoc; reflexivity.
Qed.

Lemma end_of_file_strip : forall file h,
  strip (end_of_file file h) = strip (end_of_file file (strip h))
  /\ hc_uses (end_of_file file h) = hc_uses (end_of_file file (strip h)) ++ hc_uses h.
Proof.
  intros file [m al w0 w1 w2 w3 us]; cbn; split; [reflexivity|].
  rewrite (pending_uses_app file w3), (pending_uses_app file w2 (pending_uses file w1 _)),
    (pending_uses_app file w1 (pending_uses file w0 _)), (pending_uses_app file w0 us).
  rewrite (pending_uses_app file w3 (pending_uses file w2 _)),
    (pending_uses_app file w2 (pending_uses file w1 _)), (pending_uses_app file w1 (pending_uses file w0 [])).
  rewrite !app_assoc; reflexivity.
Qed.

Lemma keep_tokens : forall k cfg h f file off t,
  firsts_of k (rev (hc_uses h)) f ->
  let h' := see_token cfg (strip h) file off t in
  strip (see_token cfg h file off t) = strip h'
  /\ firsts_of k (rev (hc_uses (see_token cfg h file off t)))
       (keep_firsts k (push_uses (hc_uses h') []) f).
Proof.
  intros k cfg h f file off t F; cbn.
  destruct (see_token_strip cfg h file off t) as [S U]; split; [exact S|].
  rewrite U, rev_app_distr, push_uses_rev, app_nil_r. apply firsts_of_keep_firsts, F.
Qed.

Lemma scan_bytes_first_correct : forall k cfg file bs off st lu h a f,
  lasts_of k lu a -> firsts_of k (rev (hc_uses h)) f ->
  match scan_bytes cfg file off st bs lu h, scan_bytes_first k cfg file off st bs a (strip h) f with
  | mk_hscan lu' h' ok, mk_hscan_first a' hb' f' okb =>
      lasts_of k lu' a' /\ hb' = strip h' /\ firsts_of k (rev (hc_uses h')) f' /\ ok = okb
  end.
Proof.
  intros k cfg file bs; induction bs as [|c bs IH]; intros off st lu h a f A F; cbn.
  - assert (A' : lasts_of k (end_uses file off st lu)
                   (keep_lasts k (push_uses (end_uses file off st []) []) a))
      by (rewrite end_uses_app, push_uses_rev, app_nil_r, <- (rev_involutive (end_uses _ _ _ [])) at 1;
          apply lasts_of_keep_lasts, A).
    destruct (lex_finish file st) as [[t|]|e]; cbn; auto.
    destruct (keep_tokens k cfg h f file (token_offset st off) t F) as [S F'].
    rewrite S; auto.
  - assert (A' : lasts_of k (byte_use cfg file off st c lu) (keep_lasts k (byte_use cfg file off st c []) a))
      by (rewrite byte_use_app; unfold byte_use; destruct (byte_quirk cfg st c); cbn;
          [apply (lasts_of_keep_lasts k [_]), A | exact A]).
    destruct (lex_step cfg file off st c) as [[st' [t|]]|e]; cbn; auto.
    + destruct (keep_tokens k cfg h f file (token_offset st off) t F) as [S F'].
      rewrite <- S. apply IH; [exact A'|exact F'].
    + apply IH; [exact A'|exact F].
Qed.

Lemma scan_files_first_correct : forall k cfg inputs file lu h a f ok,
  lasts_of k lu a -> firsts_of k (rev (hc_uses h)) f ->
  let l := scan_files cfg file inputs lu h ok in
  scan_files_first k cfg file inputs a (strip h) f ok = (firstn (N.to_nat k) l, N.of_nat (length l)).
Proof.
  intros k cfg inputs; induction inputs as [|bs rest IH]; intros file lu h a f ok A F; cbn.
  - destruct ok.
    + rewrite (firsts_lasts_result k _ _ _ _ F A), push_uses_rev. f_equal.
      destruct F as [_ ->]; destruct A as (_ & _ & ->). rewrite app_length, rev_length; lia.
    + destruct (lasts_of_result k lu a A) as [-> ->]; reflexivity.
  - pose proof (scan_bytes_first_correct k cfg file bs 0 lex_init lu h a f A F) as R.
    destruct (scan_bytes cfg file 0 lex_init bs lu h) as [lu' h' ok'].
    destruct (scan_bytes_first k cfg file 0 lex_init bs a (strip h) f) as [a' hb' f' okb].
    destruct R as (A' & -> & F' & <-).
    destruct rest as [|bs2 rest2].
    + apply IH; assumption.
    + destruct (end_of_file_strip file h') as [S U].
      rewrite <- S. apply IH; [exact A'|].
      rewrite U, rev_app_distr, push_uses_rev, app_nil_r. apply firsts_of_keep_firsts, F'.
Qed.

(** The bounded checker keeps the first [k] uses of [check] and counts them all. *)
Theorem check_first_correct : forall k cfg inputs,
  check_first k cfg inputs
  = (firstn (N.to_nat k) (check cfg inputs), N.of_nat (length (check cfg inputs))).
Proof.
  intros k cfg inputs. unfold check_first, check.
  change hc_init with (strip hc_init).
  apply scan_files_first_correct; [apply lasts_of_empty|apply firsts_of_empty].
Qed.
