(** * Hex2CheckFirst: hex2's strict checker, keeping the [k] earliest uses. *)

(** [check_first k cfg inputs] is the [k] earliest uses of [Hex2Check.check cfg inputs] in input
    order ([FirstUses.sort_uses]: by file, then offset) and how many there are
    ([check_first_correct]). It runs [Hex2Check]'s scan ([see_token], [end_of_file]) with every
    use going to a [FirstUses.earliest] at once: the uses in bytes and at ends to one, the uses in
    tokens to another (they count only when every file is read without error), merged at the
    end; the [hcheck] it carries never holds a use ([strip]).

    It reads with the automaton of the executable core, [Hex2Exec.cstep], on its unboxed state
    ([Hex2Execproof.cstep_correct]: it is [Hex2Lex.lex_step]): a name being read is the input at
    its first byte and a length, and a finished name is a slice of the input ([Hex2Exec.cname],
    [Hex2Exec.cfinish]), so a name costs no memory however long it is. The state's quirks and
    offsets ([cbyte_quirk], [cname_start], [ctoken_offset], [cend_uses]) are read off the
    unboxed state too; like [Hex2Exec]'s loops, the scan takes data digits, blanks and the bytes
    of names without [cstep] ([scan_bytes_first_cons] says it is the same). So the checker
    holds at most [2k] uses besides the scan's own state: the first place of every label, and
    the [.] words and RISC-V immediates that fewer than four bytes follow ([hc_w0]: all the
    words since the last data byte), each name a slice. *)

From Coq Require Import NArith ZArith List Lia Sorting.Permutation.
From Hexproof.Spec Require Import Common Quirks Hex2Lex Hex2Spec Hex2Strict.
From Hexproof.Proofs Require Import OutBuf Hex2Exec Hex2Check FirstUses.
From Hexproof.Proofs Require Hex2Execproof.
Import ListNotations.
Local Open Scope N_scope.

(** ** The reader's state, unboxed *)

(** [Hex2Lex.byte_quirk] in the state [abs s count hold len]. *)
Definition cbyte_quirk (cfg : hex2_config) (s : cst) (count c : N) : option quirk :=
  let in_name :=
    if c =? ch_cr then Some cr_in_token
    else if starts_comment c then Some comment_char_in_token
    else None in
  match cs_mode s with
  | cm_data | cm_word =>
      if 0 <? count then
        match digit_value (h2_byte_mode cfg) c with
        | Some _ => None
        | None => Some split_byte
        end
      else None
  | cm_ref => in_name
  | cm_label | cm_wref | cm_base => if c =? ch_gt then Some misplaced_base else in_name
  | cm_comment | cm_word_comment => None
  end.

(** [Hex2Strict.name_start]: where the name being read starts, else [off]. *)
Definition cname_start (off : N) (s : cst) : N :=
  match cs_mode s with
  | cm_label | cm_ref | cm_wref | cm_base => cs_pos s
  | _ => off
  end.

(** [Hex2Lex.token_offset]: where the token that the byte at [off] completes starts. *)
Definition ctoken_offset (s : cst) (off : N) : N :=
  match cs_mode s with
  | cm_data | cm_comment => off
  | _ => cs_pos s
  end.

(** [Hex2Check.end_uses]: the uses of the end of file [file], [off] bytes long. *)
Definition cend_uses (file off : N) (s : cst) (count : N) : list quirk_use :=
  let nibble := if 0 <? count then [plain_use nibble_across_files file off []] else [] in
  match cs_mode s with
  | cm_data => nibble
  | _ => plain_use text_across_files file off [] :: nibble
  end.

(** ** The scan *)

(** [h] without its uses. *)
Definition strip (h : hcheck) : hcheck :=
  match h with
  | mk_hcheck m al w0 w1 w2 w3 _ => mk_hcheck m al w0 w1 w2 w3 []
  end.

Record hscan_first := mk_hscan_first {
  hf_bytes : earliest;   (* the uses in bytes and at ends *)
  hf_tokens : hcheck;    (* stripped *)
  hf_uses : earliest;    (* the uses in tokens *)
  hf_ok : bool
}.

(** [Hex2Check.scan_bytes], in the state [abs s count hold len]. *)
Fixpoint scan_bytes_first (k : N) (cfg : hex2_config) (file off : N) (s : cst)
    (count hold len : N) (bs : bytes) (a : earliest) (h : hcheck) (f : earliest)
  : hscan_first :=
  match bs with
  | [] =>
      let a' := add_uses k (cend_uses file off s count) a in
      match cfinish file s len with
      | Err _ => mk_hscan_first a' h f false
      | Ok None => mk_hscan_first a' h f true
      | Ok (Some t) =>
          let h' := see_token cfg h file (ctoken_offset s off) t in
          mk_hscan_first a' (strip h') (add_uses k (hc_uses h') f) true
      end
  | c :: bs' =>
      let a' :=
        match cbyte_quirk cfg s count c with
        | Some q => add_use k (mk_use q file off [] file (cname_start off s) 0%Z) a
        | None => a
        end in
      if is_data s then
        match digit_value (h2_byte_mode cfg) c with
        | Some d =>
            let md := h2_byte_mode cfg in
            if count + 1 =? digits_per_byte md
            then scan_bytes_first k cfg file (off + 1) s 0 0 len bs' a' (after_byte h) f
            else
              scan_bytes_first k cfg file (off + 1) s (count + 1) (hold * digit_radix md + d) len
                bs' a' h f
        | None =>
            if blank c then scan_bytes_first k cfg file (off + 1) s count hold len bs' a' h f
            else
              match cstep cfg file off s count hold len c bs' with
              | mk_cres s' n hd ln ev v t =>
                  match ev with
                  | ev_none => scan_bytes_first k cfg file (off + 1) s' n hd ln bs' a' h f
                  | ev_byte => scan_bytes_first k cfg file (off + 1) s' n hd ln bs' a' (after_byte h) f
                  | ev_word =>
                      scan_bytes_first k cfg file (off + 1) s' n hd ln bs' a'
                        (with_word h (ctoken_offset s off) []) f
                  | ev_tok =>
                      let h' := see_token cfg h file (ctoken_offset s off) t in
                      scan_bytes_first k cfg file (off + 1) s' n hd ln bs' a' (strip h')
                        (add_uses k (hc_uses h') f)
                  | ev_nul => mk_hscan_first a' h f false
                  end
              end
        end
      else if name_byte s c
      then scan_bytes_first k cfg file (off + 1) s count hold (len + 1) bs' a' h f
      else
        match cstep cfg file off s count hold len c bs' with
        | mk_cres s' n hd ln ev v t =>
            match ev with
            | ev_none => scan_bytes_first k cfg file (off + 1) s' n hd ln bs' a' h f
            | ev_byte => scan_bytes_first k cfg file (off + 1) s' n hd ln bs' a' (after_byte h) f
            | ev_word =>
                scan_bytes_first k cfg file (off + 1) s' n hd ln bs' a'
                  (with_word h (ctoken_offset s off) []) f
            | ev_tok =>
                let h' := see_token cfg h file (ctoken_offset s off) t in
                scan_bytes_first k cfg file (off + 1) s' n hd ln bs' a' (strip h')
                  (add_uses k (hc_uses h') f)
            | ev_nul => mk_hscan_first a' h f false
            end
        end
  end.

(** [Hex2Check.scan_files]: the uses, the [k] earliest and how many. *)
Fixpoint scan_files_first (k : N) (cfg : hex2_config) (file : N) (inputs : list bytes)
    (a : earliest) (h : hcheck) (f : earliest) (ok : bool) : list quirk_use * N :=
  match inputs with
  | [] => if ok then earliest_result (merge_earliest k f a) else earliest_result a
  | bs :: rest =>
      match scan_bytes_first k cfg file 0 cinit 0 0 0 bs a h f with
      | mk_hscan_first a' h' f' ok' =>
          match rest with
          | [] => scan_files_first k cfg (file + 1) rest a' h' f' (ok && ok')
          | _ :: _ =>
              let e := end_of_file file h' in
              scan_files_first k cfg (file + 1) rest a' (strip e) (add_uses k (hc_uses e) f')
                (ok && ok')
          end
      end
  end.

(** The [k] earliest uses of hex2 reading [inputs] with the flags [cfg], and how many there
    are. *)
Definition check_first (k : N) (cfg : hex2_config) (inputs : list bytes) : list quirk_use * N :=
  scan_files_first k cfg 0 inputs earliest_empty hc_init earliest_empty true.

(** ** Proof *)

Lemma cbyte_quirk_abs : forall cfg s count hold len c,
  byte_quirk cfg (abs s count hold len) c = cbyte_quirk cfg s count c.
Proof. intros; destruct s as [[] ? ? ? ? ? ? ?]; reflexivity. Qed.

Lemma cname_start_abs : forall off s count hold len,
  name_start off (abs s count hold len) = cname_start off s.
Proof. intros; destruct s as [[] ? ? ? ? ? ? ?]; reflexivity. Qed.

Lemma ctoken_offset_abs : forall s count hold len off,
  token_offset (abs s count hold len) off = ctoken_offset s off.
Proof. intros; destruct s as [[] ? ? ? ? ? ? ?]; reflexivity. Qed.

Lemma cend_uses_abs : forall file off s count hold len,
  end_uses file off (abs s count hold len) [] = cend_uses file off s count.
Proof. intros; destruct s as [[] ? ? ? ? ? ? ?]; reflexivity. Qed.

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
  earliest_of k (hc_uses h) f ->
  let h' := see_token cfg (strip h) file off t in
  strip (see_token cfg h file off t) = strip h'
  /\ earliest_of k (hc_uses (see_token cfg h file off t)) (add_uses k (hc_uses h') f).
Proof.
  intros k cfg h f file off t F; cbn.
  destruct (see_token_strip cfg h file off t) as [S U]; split; [exact S|].
  rewrite U. apply add_uses_new, F.
Qed.

(** The loop's shortcuts for data digits, blanks and the bytes of names are [cstep]. *)
Lemma scan_bytes_first_cons : forall k cfg file off s count hold len c bs a h f,
  scan_bytes_first k cfg file off s count hold len (c :: bs) a h f =
  let a' :=
    match cbyte_quirk cfg s count c with
    | Some q => add_use k (mk_use q file off [] file (cname_start off s) 0%Z) a
    | None => a
    end in
  match cstep cfg file off s count hold len c bs with
  | mk_cres s' n hd ln ev v t =>
      match ev with
      | ev_none => scan_bytes_first k cfg file (off + 1) s' n hd ln bs a' h f
      | ev_byte => scan_bytes_first k cfg file (off + 1) s' n hd ln bs a' (after_byte h) f
      | ev_word =>
          scan_bytes_first k cfg file (off + 1) s' n hd ln bs a' (with_word h (ctoken_offset s off) []) f
      | ev_tok =>
          let h' := see_token cfg h file (ctoken_offset s off) t in
          scan_bytes_first k cfg file (off + 1) s' n hd ln bs a' (strip h') (add_uses k (hc_uses h') f)
      | ev_nul => mk_hscan_first a' h f false
      end
  end.
Proof.
  intros; cbn [scan_bytes_first].
  destruct (is_data s) eqn:D.
  - destruct (digit_value (h2_byte_mode cfg) c) as [d|] eqn:V.
    + rewrite (Hex2Execproof.cstep_data_digit cfg file off s count hold len c bs d D V).
      destruct (count + 1 =? digits_per_byte (h2_byte_mode cfg)); reflexivity.
    + destruct (blank c) eqn:B; [|reflexivity].
      rewrite (Hex2Execproof.cstep_data_blank cfg file off s count hold len c bs D B); reflexivity.
  - destruct (name_byte s c) eqn:NB; [|reflexivity].
    rewrite (Hex2Execproof.cstep_name_byte cfg file off s count hold len c bs NB); reflexivity.
Qed.

Lemma scan_bytes_first_correct : forall k cfg file bs off s count hold len lu h a f,
  Hex2Execproof.name_ok s len bs -> earliest_of k lu a -> earliest_of k (hc_uses h) f ->
  match scan_bytes cfg file off (abs s count hold len) bs lu h,
        scan_bytes_first k cfg file off s count hold len bs a (strip h) f with
  | mk_hscan lu' h' ok, mk_hscan_first a' hb' f' okb =>
      earliest_of k lu' a' /\ hb' = strip h' /\ earliest_of k (hc_uses h') f' /\ ok = okb
  end.
Proof.
  intros k cfg file bs; induction bs as [|c bs IH]; intros off s count hold len lu h a f NO A F;
    cbn [scan_bytes]; [cbn [scan_bytes_first] | rewrite scan_bytes_first_cons; cbv zeta].
  - assert (A' : earliest_of k (end_uses file off (abs s count hold len) lu)
                   (add_uses k (cend_uses file off s count) a))
      by (rewrite end_uses_app, cend_uses_abs; apply add_uses_new, A).
    rewrite Hex2Execproof.cfinish_abs, ctoken_offset_abs.
    destruct (cfinish file s len) as [[t|]|e]; cbn; auto.
    destruct (keep_tokens k cfg h f file (ctoken_offset s off) t F) as [S F'].
    rewrite S; auto.
  - assert (A' : earliest_of k (byte_use cfg file off (abs s count hold len) c lu)
                   (match cbyte_quirk cfg s count c with
                    | Some q => add_use k (mk_use q file off [] file (cname_start off s) 0%Z) a
                    | None => a
                    end)).
    { unfold byte_use. rewrite cbyte_quirk_abs. destruct (cbyte_quirk cfg s count c); [|exact A].
      unfold in_name_use. rewrite cname_start_abs. apply add_use_correct, A. }
    rewrite (Hex2Execproof.cstep_correct cfg file off s count hold len c bs NO).
    pose proof (Hex2Execproof.cstep_name_ok cfg file off s count hold len c bs NO) as NO'.
    cbv zeta in NO'. unfold Hex2Execproof.res_of. rewrite ctoken_offset_abs.
    destruct (cstep cfg file off s count hold len c bs) as [s' n hd ln ev v t].
    cbn [cr_ev cr_state cr_count cr_hold cr_len cr_val cr_tok] in NO' |- *.
    destruct ev; cbv iota beta.
    + apply IH; assumption.
    + cbn [see_token]. replace (after_byte (strip h)) with (strip (after_byte h)) by (destruct h; reflexivity).
      apply IH; [exact NO'|exact A'|destruct h; exact F].
    + cbn [see_token]. replace (with_word (strip h) (ctoken_offset s off) []) with
        (strip (with_word h (ctoken_offset s off) [])) by (destruct h; reflexivity).
      apply IH; [exact NO'|exact A'|destruct h; exact F].
    + destruct (keep_tokens k cfg h f file (ctoken_offset s off) t F) as [S F'].
      rewrite <- S. apply IH; assumption.
    + cbn; auto.
Qed.

Lemma scan_files_first_correct : forall k cfg inputs file lu h a f ok,
  earliest_of k lu a -> earliest_of k (hc_uses h) f ->
  let l := scan_files cfg file inputs lu h ok in
  scan_files_first k cfg file inputs a (strip h) f ok
  = (firstn (N.to_nat k) (sort_uses l), N.of_nat (length l)).
Proof.
  intros k cfg inputs; induction inputs as [|bs rest IH]; intros file lu h a f ok A F; cbn.
  - destruct ok; apply earliest_result_correct; [|exact A].
    apply (earliest_of_perm k (hc_uses h ++ lu)).
    + rewrite push_uses_rev. apply Permutation_app_tail, Permutation_rev.
    + apply merge_earliest_correct; [exact A|destruct h; exact F].
  - pose proof (scan_bytes_first_correct k cfg file bs 0 cinit 0 0 0 lu h a f I A F) as R.
    change (abs cinit 0 0 0) with lex_init in R.
    destruct (scan_bytes cfg file 0 lex_init bs lu h) as [lu' h' ok'].
    destruct (scan_bytes_first k cfg file 0 cinit 0 0 0 bs a (strip h) f) as [a' hb' f' okb].
    destruct R as (A' & -> & F' & <-).
    destruct rest as [|bs2 rest2].
    + apply IH; assumption.
    + destruct (end_of_file_strip file h') as [S U].
      rewrite <- S. apply IH; [exact A'|].
      rewrite U. apply add_uses_new, F'.
Qed.

(** The bounded checker keeps the [k] earliest uses of [check] (by file, then offset) and
    counts them all. *)
Theorem check_first_correct : forall k cfg inputs,
  check_first k cfg inputs
  = (firstn (N.to_nat k) (sort_uses (check cfg inputs)), N.of_nat (length (check cfg inputs))).
Proof.
  intros k cfg inputs. unfold check_first, check.
  change hc_init with (strip hc_init).
  apply scan_files_first_correct; apply earliest_of_empty.
Qed.
