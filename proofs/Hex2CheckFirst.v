(** * Hex2CheckFirst: hex2's strict checker, keeping the [k] earliest uses. *)

(** [check_first k cfg inputs] is the [k] earliest uses of [Hex2Check.check cfg inputs] in input
    order ([FirstUses.sort_uses]: by file, then offset) and how many there are
    ([check_first_correct]). It runs [Hex2Check]'s scan with every use going to a
    [FirstUses.earliest] at once: the uses in bytes and at ends to one, the uses in tokens to
    another (they count only when every file is read without error), merged at the end. Its
    tokens' state ([tokens]) is [Hex2Check.hcheck] with every list bounded: the labels and [^]
    are read by [Hex2Check.see_token] on an [hcheck] without words or uses ([strip]); the [.]
    words and RISC-V immediates of the file that fewer than four data bytes follow (Hex2Check's
    [hc_w0] to [hc_w3]) are kept as the [k] earliest of the uses they are if the file ends
    before four bytes follow them ([register_across_files]), so a word costs one comparison
    once [k] are kept; a data byte drops the group that three bytes followed, and the end of a
    file that another follows merges the four groups into the uses in tokens, where
    [Hex2Check.end_of_file] adds [pending_uses]. [tokens_of] is the simulation: each bounded
    group is the [k] earliest of its unbounded group's uses.

    It reads with the automaton of the executable core, [Hex2Exec.cstep], on its unboxed state
    ([Hex2Execproof.cstep_correct]: it is [Hex2Lex.lex_step]): a name being read is the input at
    its first byte and a length, and a finished name is a slice of the input ([Hex2Exec.cname],
    [Hex2Exec.cfinish]), so a name costs no memory however long it is. The state's quirks and
    offsets ([cbyte_quirk], [cname_start], [ctoken_offset], [cend_uses]) are read off the
    unboxed state too; like [Hex2Exec]'s loops, the scan takes data digits, blanks and the bytes
    of names without [cstep] ([scan_bytes_first_cons] says it is the same). So the checker
    holds at most [6k] uses besides the scan's own state (the first place of every label), each
    name a slice. *)

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

(** [h] without its words and uses: the labels and whether [^] is in force. *)
Definition strip (h : hcheck) : hcheck :=
  match h with
  | mk_hcheck m al _ _ _ _ _ => mk_hcheck m al [] [] [] [] []
  end.

(** Hex2Check's lists of pending words ([hc_w0] to [hc_w3]), each as the [k] earliest of the
    uses they are at the end of the file ([register_across_files], [Hex2Check.pending_uses]). *)
Record words := mk_words {
  wd_0 : earliest;  (* the words of the file that no data byte follows *)
  wd_1 : earliest;  (* one *)
  wd_2 : earliest;  (* two *)
  wd_3 : earliest   (* three *)
}.

Definition words_empty : words :=
  mk_words earliest_empty earliest_empty earliest_empty earliest_empty.

(** [Hex2Check.after_byte]: the words that three bytes followed leave. *)
Definition words_byte (w : words) : words :=
  match w with
  | mk_words w0 w1 w2 _ => mk_words earliest_empty w0 w1 w2
  end.

(** [Hex2Check.with_word]: a word at [off] of file [file], about [subject]. *)
Definition words_add (k file off : N) (subject : bytes) (w : words) : words :=
  match w with
  | mk_words w0 w1 w2 w3 =>
      mk_words (add_use k (plain_use register_across_files file off subject) w0) w1 w2 w3
  end.

(** The tokens' state: [Hex2Check.hcheck] with its words and uses bounded. *)
Record tokens := mk_tokens {
  tk_state : hcheck;   (* stripped *)
  tk_words : words;
  tk_uses : earliest   (* the uses in tokens *)
}.

Definition tokens_init : tokens := mk_tokens hc_init words_empty earliest_empty.

(** [Hex2Check.see_token], on the state [h], the words [w] and the uses [f]. *)
Definition see_token_first (k : N) (cfg : hex2_config) (h : hcheck) (w : words) (f : earliest)
    (file off : N) (t : token) : tokens :=
  match t with
  | tok_byte _ => mk_tokens h (words_byte w) f
  | tok_word _ => mk_tokens h (words_add k file off [] w) f
  | tok_wref _ _ _ n => mk_tokens (with_align h false) (words_add k file off n w) f
  | _ =>
      let h' := see_token cfg h file off t in
      mk_tokens (strip h') w (add_uses k (hc_uses h') f)
  end.

(** [Hex2Check.end_of_file]: the words still pending are uses. *)
Definition end_of_file_first (k : N) (tk : tokens) : tokens :=
  match tk with
  | mk_tokens h (mk_words w0 w1 w2 w3) f =>
      mk_tokens h words_empty
        (merge_earliest k w3 (merge_earliest k w2 (merge_earliest k w1 (merge_earliest k w0 f))))
  end.

Record hscan_first := mk_hscan_first {
  hf_bytes : earliest;   (* the uses in bytes and at ends *)
  hf_tokens : tokens;
  hf_ok : bool
}.

(** [Hex2Check.scan_bytes], in the state [abs s count hold len]; the tokens' state as three
    arguments, so that a data byte touches only the words. *)
Fixpoint scan_bytes_first (k : N) (cfg : hex2_config) (file off : N) (s : cst)
    (count hold len : N) (bs : bytes) (a : earliest) (h : hcheck) (w : words) (f : earliest)
  : hscan_first :=
  match bs with
  | [] =>
      let a' := add_uses k (cend_uses file off s count) a in
      match cfinish file s len with
      | Err _ => mk_hscan_first a' (mk_tokens h w f) false
      | Ok None => mk_hscan_first a' (mk_tokens h w f) true
      | Ok (Some t) =>
          mk_hscan_first a' (see_token_first k cfg h w f file (ctoken_offset s off) t) true
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
            then scan_bytes_first k cfg file (off + 1) s 0 0 len bs' a' h (words_byte w) f
            else
              scan_bytes_first k cfg file (off + 1) s (count + 1) (hold * digit_radix md + d) len
                bs' a' h w f
        | None =>
            if blank c then scan_bytes_first k cfg file (off + 1) s count hold len bs' a' h w f
            else
              match cstep cfg file off s count hold len c bs' with
              | mk_cres s' n hd ln ev v t =>
                  match ev with
                  | ev_none => scan_bytes_first k cfg file (off + 1) s' n hd ln bs' a' h w f
                  | ev_byte =>
                      scan_bytes_first k cfg file (off + 1) s' n hd ln bs' a' h (words_byte w) f
                  | ev_word =>
                      scan_bytes_first k cfg file (off + 1) s' n hd ln bs' a' h
                        (words_add k file (ctoken_offset s off) [] w) f
                  | ev_tok =>
                      match see_token_first k cfg h w f file (ctoken_offset s off) t with
                      | mk_tokens h' w' f' =>
                          scan_bytes_first k cfg file (off + 1) s' n hd ln bs' a' h' w' f'
                      end
                  | ev_nul => mk_hscan_first a' (mk_tokens h w f) false
                  end
              end
        end
      else if name_byte s c
      then scan_bytes_first k cfg file (off + 1) s count hold (len + 1) bs' a' h w f
      else
        match cstep cfg file off s count hold len c bs' with
        | mk_cres s' n hd ln ev v t =>
            match ev with
            | ev_none => scan_bytes_first k cfg file (off + 1) s' n hd ln bs' a' h w f
            | ev_byte => scan_bytes_first k cfg file (off + 1) s' n hd ln bs' a' h (words_byte w) f
            | ev_word =>
                scan_bytes_first k cfg file (off + 1) s' n hd ln bs' a' h
                  (words_add k file (ctoken_offset s off) [] w) f
            | ev_tok =>
                match see_token_first k cfg h w f file (ctoken_offset s off) t with
                | mk_tokens h' w' f' =>
                    scan_bytes_first k cfg file (off + 1) s' n hd ln bs' a' h' w' f'
                end
            | ev_nul => mk_hscan_first a' (mk_tokens h w f) false
            end
        end
  end.

(** [Hex2Check.scan_files]: the uses, the [k] earliest and how many. *)
Fixpoint scan_files_first (k : N) (cfg : hex2_config) (file : N) (inputs : list bytes)
    (a : earliest) (tk : tokens) (ok : bool) : list quirk_use * N :=
  match inputs with
  | [] => if ok then earliest_result (merge_earliest k (tk_uses tk) a) else earliest_result a
  | bs :: rest =>
      match tk with
      | mk_tokens h w f =>
          match scan_bytes_first k cfg file 0 cinit 0 0 0 bs a h w f with
          | mk_hscan_first a' tk' ok' =>
              match rest with
              | [] => scan_files_first k cfg (file + 1) rest a' tk' (ok && ok')
              | _ :: _ =>
                  scan_files_first k cfg (file + 1) rest a' (end_of_file_first k tk') (ok && ok')
              end
          end
      end
  end.

(** The [k] earliest uses of hex2 reading [inputs] with the flags [cfg], and how many there
    are. *)
Definition check_first (k : N) (cfg : hex2_config) (inputs : list bytes) : list quirk_use * N :=
  scan_files_first k cfg 0 inputs earliest_empty tokens_init true.

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

(** ** The tokens' state keeps the [k] earliest *)

(** [tk] is [h] with its words and uses bounded, [file] being the file read. *)
Definition tokens_of (k file : N) (h : hcheck) (tk : tokens) : Prop :=
  tk_state tk = strip h
  /\ earliest_of k (pending_uses file (hc_w0 h) []) (wd_0 (tk_words tk))
  /\ earliest_of k (pending_uses file (hc_w1 h) []) (wd_1 (tk_words tk))
  /\ earliest_of k (pending_uses file (hc_w2 h) []) (wd_2 (tk_words tk))
  /\ earliest_of k (pending_uses file (hc_w3 h) []) (wd_3 (tk_words tk))
  /\ earliest_of k (hc_uses h) (tk_uses tk).

Ltac tokens_cbn :=
  unfold tokens_of;
  cbn [after_byte with_word with_align words_byte words_add strip tk_state tk_words tk_uses
       wd_0 wd_1 wd_2 wd_3 hc_w0 hc_w1 hc_w2 hc_w3 hc_uses] in *.

Ltac split_tokens := split; [|split; [|split; [|split; [|split]]]].

Lemma tokens_of_init : forall k file, tokens_of k file hc_init tokens_init.
Proof. intros; split_tokens; try reflexivity; apply earliest_of_empty. Qed.

Lemma tokens_of_byte : forall k file h hb w f,
  tokens_of k file h (mk_tokens hb w f) -> tokens_of k file (after_byte h) (mk_tokens hb (words_byte w) f).
Proof.
  intros k file [m al v0 v1 v2 v3 us] hb [w0 w1 w2 w3] f (S & W0 & W1 & W2 & W3 & F);
    tokens_cbn; subst hb; split_tokens; auto using earliest_of_empty.
Qed.

Lemma pending_word : forall k file o n ws e,
  earliest_of k (pending_uses file ws []) e ->
  earliest_of k (pending_uses file ((o, n) :: ws) [])
    (add_use k (plain_use register_across_files file o n) e).
Proof.
  intros k file o n ws e E; cbn [pending_uses]. rewrite pending_uses_app.
  apply (earliest_of_perm k (plain_use register_across_files file o n :: pending_uses file ws [])).
  - apply Permutation_cons_append.
  - apply add_use_correct, E.
Qed.

Lemma tokens_of_word : forall k file h hb w f off n,
  tokens_of k file h (mk_tokens hb w f) ->
  tokens_of k file (with_word h off n) (mk_tokens hb (words_add k file off n w) f).
Proof.
  intros k file [m al v0 v1 v2 v3 us] hb [w0 w1 w2 w3] f off n (S & W0 & W1 & W2 & W3 & F);
    tokens_cbn; subst hb; split_tokens; auto using pending_word.
Qed.

(** The tokens other than bytes and words leave the words as they are. *)
Lemma see_token_words : forall cfg h file off t,
  match t with
  | tok_byte _ | tok_word _ | tok_wref _ _ _ _ => True
  | _ =>
      hc_w0 (see_token cfg h file off t) = hc_w0 h /\ hc_w1 (see_token cfg h file off t) = hc_w1 h
      /\ hc_w2 (see_token cfg h file off t) = hc_w2 h /\ hc_w3 (see_token cfg h file off t) = hc_w3 h
  end.
Proof.
  intros cfg [m al w0 w1 w2 w3 us] file off t.
  destruct t; cbn; auto;
    repeat match goal with
           | |- context [match ?x with _ => _ end] => destruct x
           | |- context [if ?x then _ else _] => destruct x
           end; cbn; auto.
Qed.

Lemma see_token_first_correct : forall k cfg file h hb w f off t,
  tokens_of k file h (mk_tokens hb w f) ->
  tokens_of k file (see_token cfg h file off t) (see_token_first k cfg hb w f file off t).
Proof.
  intros k cfg file h hb w f off t T.
  pose proof (see_token_words cfg h file off t) as W.
  destruct (see_token_strip cfg h file off t) as [S U].
  destruct t as [b|v|n|kd fl p n base|kd fl p n| |];
    [apply tokens_of_byte, T|apply tokens_of_word, T| | | | |].
  3: { pose proof (tokens_of_word k file h hb w f off n T) as T'. cbn [see_token see_token_first].
       destruct (with_word h off n) as [m al v0 v1 v2 v3 us].
       destruct T' as (S' & R). tokens_cbn. subst hb. split; [reflexivity|exact R]. }
  all: destruct T as (S0 & W0 & W1 & W2 & W3 & F);
    cbn [tk_state tk_words tk_uses] in *; subst hb;
    destruct W as (E0 & E1 & E2 & E3); cbn [see_token_first]; unfold tokens_of;
    cbn [tk_state tk_words tk_uses]; rewrite E0, E1, E2, E3, U;
    (split; [symmetry; exact S|]); split; [|split; [|split; [|split]]];
    auto using add_uses_new.
Qed.

(** The end of a file: its pending words are uses. *)
Lemma tokens_of_end : forall k file h tk,
  tokens_of k file h tk -> tokens_of k (file + 1) (end_of_file file h) (end_of_file_first k tk).
Proof.
  intros k file [m al v0 v1 v2 v3 us] [hb [w0 w1 w2 w3] f] (S & W0 & W1 & W2 & W3 & F);
    tokens_cbn; subst hb. cbn [end_of_file end_of_file_first hc_w0 hc_w1 hc_w2 hc_w3 hc_uses
    tk_state tk_words tk_uses words_empty wd_0 wd_1 wd_2 wd_3].
  split_tokens; try apply earliest_of_empty; [reflexivity|].
  rewrite (pending_uses_app file v3), (pending_uses_app file v2), (pending_uses_app file v1),
    (pending_uses_app file v0).
  repeat apply merge_earliest_correct; assumption.
Qed.

(** The loop's shortcuts for data digits, blanks and the bytes of names are [cstep]. *)
Lemma scan_bytes_first_cons : forall k cfg file off s count hold len c bs a h w f,
  scan_bytes_first k cfg file off s count hold len (c :: bs) a h w f =
  let a' :=
    match cbyte_quirk cfg s count c with
    | Some q => add_use k (mk_use q file off [] file (cname_start off s) 0%Z) a
    | None => a
    end in
  match cstep cfg file off s count hold len c bs with
  | mk_cres s' n hd ln ev v t =>
      match ev with
      | ev_none => scan_bytes_first k cfg file (off + 1) s' n hd ln bs a' h w f
      | ev_byte => scan_bytes_first k cfg file (off + 1) s' n hd ln bs a' h (words_byte w) f
      | ev_word =>
          scan_bytes_first k cfg file (off + 1) s' n hd ln bs a' h
            (words_add k file (ctoken_offset s off) [] w) f
      | ev_tok =>
          match see_token_first k cfg h w f file (ctoken_offset s off) t with
          | mk_tokens h' w' f' => scan_bytes_first k cfg file (off + 1) s' n hd ln bs a' h' w' f'
          end
      | ev_nul => mk_hscan_first a' (mk_tokens h w f) false
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

Lemma scan_bytes_first_correct : forall k cfg file bs off s count hold len lu h a hb w f,
  Hex2Execproof.name_ok s len bs -> earliest_of k lu a -> tokens_of k file h (mk_tokens hb w f) ->
  match scan_bytes cfg file off (abs s count hold len) bs lu h,
        scan_bytes_first k cfg file off s count hold len bs a hb w f with
  | mk_hscan lu' h' ok, mk_hscan_first a' tk' okb =>
      earliest_of k lu' a' /\ tokens_of k file h' tk' /\ ok = okb
  end.
Proof.
  intros k cfg file bs; induction bs as [|c bs IH]; intros off s count hold len lu h a hb w f NO A T;
    cbn [scan_bytes]; [cbn [scan_bytes_first] | rewrite scan_bytes_first_cons; cbv zeta].
  - assert (A' : earliest_of k (end_uses file off (abs s count hold len) lu)
                   (add_uses k (cend_uses file off s count) a))
      by (rewrite end_uses_app, cend_uses_abs; apply add_uses_new, A).
    rewrite Hex2Execproof.cfinish_abs, ctoken_offset_abs.
    destruct (cfinish file s len) as [[t|]|e]; cbn; auto using see_token_first_correct.
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
    + apply IH; [exact NO'|exact A'|apply tokens_of_byte, T].
    + apply IH; [exact NO'|exact A'|apply tokens_of_word, T].
    + pose proof (see_token_first_correct k cfg file h hb w f (ctoken_offset s off) t T) as T'.
      destruct (see_token_first k cfg hb w f file (ctoken_offset s off) t) as [h' w' f'].
      apply IH; assumption.
    + cbn; auto.
Qed.

Lemma scan_files_first_correct : forall k cfg inputs file lu h a tk ok,
  earliest_of k lu a -> tokens_of k file h tk ->
  let l := scan_files cfg file inputs lu h ok in
  scan_files_first k cfg file inputs a tk ok
  = (firstn (N.to_nat k) (sort_uses l), N.of_nat (length l)).
Proof.
  intros k cfg inputs; induction inputs as [|bs rest IH]; intros file lu h a tk ok A T; cbn.
  - destruct T as (_ & _ & _ & _ & _ & F).
    destruct ok; apply earliest_result_correct; [|exact A].
    apply (earliest_of_perm k (hc_uses h ++ lu)).
    + rewrite push_uses_rev. apply Permutation_app_tail, Permutation_rev.
    + apply merge_earliest_correct; [exact A|exact F].
  - destruct tk as [hb w f].
    pose proof (scan_bytes_first_correct k cfg file bs 0 cinit 0 0 0 lu h a hb w f I A T) as R.
    change (abs cinit 0 0 0) with lex_init in R.
    destruct (scan_bytes cfg file 0 lex_init bs lu h) as [lu' h' ok'].
    destruct (scan_bytes_first k cfg file 0 cinit 0 0 0 bs a hb w f) as [a' tk' okb].
    destruct R as (A' & T' & <-).
    destruct rest as [|bs2 rest2].
    + cbn. destruct T' as (_ & _ & _ & _ & _ & F).
      destruct (andb ok ok'); apply earliest_result_correct; [|exact A'].
      apply (earliest_of_perm k (hc_uses h' ++ lu')).
      * rewrite push_uses_rev. apply Permutation_app_tail, Permutation_rev.
      * apply merge_earliest_correct; [exact A'|exact F].
    + apply IH; [exact A'|apply tokens_of_end, T'].
Qed.

(** The bounded checker keeps the [k] earliest uses of [check] (by file, then offset) and
    counts them all. *)
Theorem check_first_correct : forall k cfg inputs,
  check_first k cfg inputs
  = (firstn (N.to_nat k) (sort_uses (check cfg inputs)), N.of_nat (length (check cfg inputs))).
Proof.
  intros k cfg inputs. unfold check_first, check.
  apply scan_files_first_correct; [apply earliest_of_empty|apply tokens_of_init].
Qed.
