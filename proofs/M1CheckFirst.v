(** * M1CheckFirst: M1's strict checker, keeping the [k] earliest uses. *)

(** [check_first k cfg inputs] is the [k] earliest uses of [M1Check.check cfg inputs] in input
    order ([FirstUses.sort_uses]: by file, then offset) and how many there are
    ([check_first_correct]). It runs [M1Check]'s two passes ([see_raws]) with every use going to
    a [FirstUses.earliest] at once: the uses in bytes and at ends of pass A to one, the uses in
    tokens of both passes ([mc_uses], and [mc_octal] of pass B) to another (they count only when
    [check] counts them), merged at the end; the [mcheck] it carries never holds a use
    ([strip]).

    It reads with an unboxed form of [M1Check.char_step] ([mstep]; [mstep_correct]), the
    lexer state of the executable core [M1Exec]: the mode, where the token starts, its quote,
    and the token as the input at its first byte ([tok]) and a length, so that a finished word
    is a slice of the input; a byte allocates nothing, and a token costs no memory however long
    it is. The bytes inside an atom or a string skip [mstep] ([in_token_byte];
    [scan_chars_first_cons] says it is the same). So the checker holds at most [2k] uses besides the scan's own state: the places of
    every DEFINE name (pass A), each name a slice. *)

From Coq Require Import NArith ZArith List Lia Sorting.Permutation.
From Hexproof.Spec Require Import Common Quirks M1Lex M1Strict.
From Hexproof.Proofs Require Import ByteMap OutBuf M1Exec M1Check FirstUses.
From Hexproof.Proofs Require Hex2Execproof.
Import ListNotations.
Local Open Scope N_scope.

(** ** The reader's state, unboxed *)

(** What one byte did: the new state ([mr_mode] and the others, as [M1Exec.scan] keeps them),
    whether it was read without error (a word with a NUL ends here), and the tokens it
    completes. *)
Record mres := mk_mres {
  mr_mode : M1Exec.lex_mode;
  mr_start : N;        (* the offset of the token's first byte *)
  mr_quote : N;        (* a string's quote *)
  mr_tok : bytes;      (* the input at the token's first byte *)
  mr_len : N;          (* the length of the token so far *)
  mr_ok : bool;
  mr_tokens : list token
}.

(** The word [text], which starts at [start], is complete. *)
Definition word_end (file start : N) (text : bytes) (after : list token) : mres :=
  if has_nul text then mk_mres Lm_between start 0 [] 0 false []
  else mk_mres Lm_between start 0 [] 0 true (Word text file start :: after).

(** [M1Check.char_step]: byte [c] at offset [pos] of file [file]; [here] is the input from [c]
    on. *)
Definition mstep (file pos : N) (mode : M1Exec.lex_mode) (start q : N) (tok : bytes) (len : N)
    (c : byte) (here : bytes) : mres :=
  match mode with
  | Lm_between =>
      if is_comment_start c then mk_mres Lm_comment start q [] 0 true [Newline]
      else if is_blank c then mk_mres Lm_between start q [] 0 true []
      else if N.eqb c ch_lf then mk_mres Lm_between start q [] 0 true [Newline]
      else if is_quote c then mk_mres Lm_string pos c here 1 true []
      else mk_mres Lm_atom pos q here 1 true []
  | Lm_comment =>
      if is_comment_end c then mk_mres Lm_between start q [] 0 true []
      else mk_mres Lm_comment start q [] 0 true []
  | Lm_atom =>
      if is_blank c then word_end file start (take_bytes len tok) []
      else if N.eqb c ch_lf then word_end file start (take_bytes len tok) [Newline]
      else mk_mres Lm_atom start q tok (N.add len 1) true []
  | Lm_string =>
      if N.eqb c q then word_end file start (take_bytes len tok) []
      else mk_mres Lm_string start q tok (N.add len 1) true []
  end.

(** [M1Check.eof_step]. *)
Definition meof_step (file : N) (mode : M1Exec.lex_mode) (start : N) (tok : bytes) (len : N)
  : result (list token) :=
  match mode with
  | Lm_between | Lm_comment => Ok []
  | Lm_atom =>
      let text := take_bytes len tok in
      if has_nul text then Err (lex_error nul_in_token file start) else Ok [Word text file start]
  | Lm_string => Err (lex_error unterminated_string file start)
  end.

(** [M1Lex.char_quirk]. *)
Definition mchar_quirk (mode : M1Exec.lex_mode) (c : byte) : option quirk :=
  match mode with
  | Lm_between => if N.eqb c ch_cr then Some cr_in_token else None
  | Lm_atom =>
      if N.eqb c ch_cr then Some cr_in_token
      else if is_comment_start c then Some comment_char_in_token
      else None
  | _ => None
  end.

(** [M1Strict.atom_start]. *)
Definition matom_start (pos : N) (mode : M1Exec.lex_mode) (start : N) : N :=
  match mode with
  | Lm_atom => start
  | _ => pos
  end.

(** The use at the end of file [file], [pos] bytes long ([w]: its last token is a word). *)
Definition mend_use (file pos : N) (mode : M1Exec.lex_mode) (w : bool) : list quirk_use :=
  match mode with
  | Lm_between => if w then [plain_use text_across_files file pos []] else []
  | _ => [plain_use text_across_files file pos []]
  end.

(** Byte [c] is one more byte of the atom or string being read (the most frequent bytes: the
    loop takes them without [mstep]). *)
Definition in_token_byte (mode : M1Exec.lex_mode) (q c : byte) : bool :=
  match mode with
  | Lm_atom => negb (is_blank c) && negb (N.eqb c ch_lf)
  | Lm_string => negb (N.eqb c q)
  | _ => false
  end.

(** ** The scan *)

(** [m] without its uses. *)
Definition strip (m : mcheck) : mcheck :=
  match m with
  | mk_mcheck q sc defs _ _ => mk_mcheck q sc defs [] []
  end.

(** The uses in the tokens of [m] that [check] counts: [mc_uses], and [mc_octal] in pass B. *)
Definition add_token_uses (pass : bool) (k : N) (m : mcheck) (t : earliest) : earliest :=
  if pass then add_uses k (mc_uses m) (add_uses k (mc_octal m) t) else add_uses k (mc_uses m) t.

Record mscan_first := mk_mscan_first {
  mf_bytes : earliest;   (* the uses in bytes and at ends (pass A) *)
  mf_tokens : mcheck;    (* stripped *)
  mf_uses : earliest;    (* the uses in tokens *)
  mf_ok : bool
}.

(** [M1Check.scan_chars], in the state [mode], [start], [q], [tok], [len]. *)
Fixpoint scan_chars_first (pass : bool) (k : N) (cfg : m1_config) (file pos : N)
    (mode : M1Exec.lex_mode) (start q : N) (tok : bytes) (len : N) (w : bool) (s : bytes)
    (a : earliest) (m : mcheck) (t : earliest) : mscan_first :=
  match s with
  | [] =>
      let a' := if pass then a else add_uses k (mend_use file pos mode w) a in
      match meof_step file mode start tok len with
      | Err _ => mk_mscan_first a' m t false
      | Ok ts =>
          let m' := see_raw pass cfg (see_raws pass cfg m ts) Newline in
          mk_mscan_first a' (strip m') (add_token_uses pass k m' t) true
      end
  | c :: s' =>
      let a' :=
        if pass then a
        else
          match mchar_quirk mode c with
          | Some kq => add_use k (mk_use kq file pos [] file (matom_start pos mode start) 0%Z) a
          | None => a
          end in
      if in_token_byte mode q c
      then scan_chars_first pass k cfg file (N.add pos 1) mode start q tok (N.add len 1) w s' a' m t
      else
        match mstep file pos mode start q tok len c s with
        | mk_mres mode' start' q' tok' len' ok ts =>
            if ok then
              match ts with
              | [] => scan_chars_first pass k cfg file (N.add pos 1) mode' start' q' tok' len' w s' a' m t
              | _ :: _ =>
                  let m' := see_raws pass cfg m ts in
                  scan_chars_first pass k cfg file (N.add pos 1) mode' start' q' tok' len'
                    (last_is_word ts w) s' a' (strip m') (add_token_uses pass k m' t)
              end
            else mk_mscan_first a' m t false
        end
  end.

Fixpoint scan_inputs_first (pass : bool) (k : N) (cfg : m1_config) (file : N)
    (inputs : list bytes) (a : earliest) (m : mcheck) (t : earliest) (ok : bool) : mscan_first :=
  match inputs with
  | [] => mk_mscan_first a m t ok
  | f :: fs =>
      match scan_chars_first pass k cfg file 0 Lm_between 0 0 [] 0 false f a m t with
      | mk_mscan_first a' m' t' ok' =>
          scan_inputs_first pass k cfg (N.add file 1) fs a' m' t' (andb ok ok')
      end
  end.

(** The [k] earliest uses of M1 reading [inputs] with the flags [cfg], and how many there
    are. *)
Definition check_first (k : N) (cfg : m1_config) (inputs : list bytes) : list quirk_use * N :=
  match scan_inputs_first false k cfg 0 inputs earliest_empty (mc_start ByteMap.empty)
          earliest_empty true with
  | mk_mscan_first a mA tA okA =>
      if okA then
        match scan_inputs_first true k cfg 0 inputs earliest_empty (mc_start (mc_defs mA)) tA
                true with
        | mk_mscan_first _ mB tB _ =>
            if outside_define (mc_scan mB) then earliest_result (merge_earliest k tB a)
            else earliest_result a
        end
      else earliest_result a
  end.

(** ** Proof *)

(** The [M1Lex.lex_state] that the unboxed state stands for: a token's text so far reversed. *)
Definition mabs (mode : M1Exec.lex_mode) (start q : N) (tok : bytes) (len : N) : lex_state :=
  match mode with
  | Lm_between => Between
  | Lm_comment => In_comment
  | Lm_atom => In_atom start (rev_onto (take_bytes len tok) [])
  | Lm_string => In_string q start (rev_onto (take_bytes len tok) [])
  end.

(** The token being read is the input before [s]. *)
Definition tok_ok (mode : M1Exec.lex_mode) (tok : bytes) (len : N) (s : bytes) : Prop :=
  match mode with
  | Lm_atom | Lm_string => Hex2Execproof.drop_bytes len tok = s
  | _ => True
  end.

Lemma rev_onto_twice : forall l : bytes, rev_onto (rev_onto l []) [] = l.
Proof. intros l; rewrite !rev_onto_spec, !app_nil_r; apply rev_involutive. Qed.

Lemma take_one : forall (c : byte) rest, take_bytes 1 (c :: rest) = [c].
Proof. intros c rest; cbn. rewrite Hex2Execproof.take_zero; reflexivity. Qed.

Lemma drop_one : forall (c : byte) rest, Hex2Execproof.drop_bytes 1 (c :: rest) = rest.
Proof. intros c rest; cbn. apply Hex2Execproof.drop_zero. Qed.

Theorem mstep_correct : forall file pos mode start q tok len c rest,
  tok_ok mode tok len (c :: rest) ->
  let r := mstep file pos mode start q tok len c (c :: rest) in
  char_step file pos (mabs mode start q tok len) c
  = (if mr_ok r then Ok (mabs (mr_mode r) (mr_start r) (mr_quote r) (mr_tok r) (mr_len r), mr_tokens r)
     else Err (lex_error nul_in_token file start))
  /\ tok_ok (mr_mode r) (mr_tok r) (mr_len r) rest.
Proof.
  intros file pos mode start q tok len c rest T; cbv zeta.
  destruct mode; cbn [mstep mabs char_step tok_ok] in T |- *.
  - destruct (is_comment_start c); [split; [reflexivity|exact I]|].
    destruct (is_blank c); [split; [reflexivity|exact I]|].
    destruct (N.eqb c ch_lf); [split; [reflexivity|exact I]|].
    destruct (is_quote c);
      cbn [mr_ok mr_mode mr_start mr_quote mr_tok mr_len mr_tokens mabs tok_ok];
      rewrite take_one, drop_one; split; reflexivity.
  - destruct (is_comment_end c); split; [reflexivity|exact I| reflexivity|exact I].
  - unfold word_done, word_end. rewrite rev_onto_twice.
    destruct (is_blank c);
      [destruct (has_nul (take_bytes len tok)); split; [reflexivity|exact I|reflexivity|exact I]|].
    destruct (N.eqb c ch_lf);
      [destruct (has_nul (take_bytes len tok)); split; [reflexivity|exact I|reflexivity|exact I]|].
    cbn [mr_ok mr_mode mr_start mr_quote mr_tok mr_len mr_tokens mabs tok_ok].
    rewrite (Hex2Execproof.crev_push _ _ _ _ T).
    split; [reflexivity|exact (proj2 (Hex2Execproof.take_drop_snoc _ _ _ _ T))].
  - unfold word_done, word_end. rewrite rev_onto_twice.
    destruct (N.eqb c q);
      [destruct (has_nul (take_bytes len tok)); split; [reflexivity|exact I|reflexivity|exact I]|].
    cbn [mr_ok mr_mode mr_start mr_quote mr_tok mr_len mr_tokens mabs tok_ok].
    rewrite (Hex2Execproof.crev_push _ _ _ _ T).
    split; [reflexivity|exact (proj2 (Hex2Execproof.take_drop_snoc _ _ _ _ T))].
Qed.

Lemma meof_step_abs : forall file mode start q tok len,
  eof_step file (mabs mode start q tok len) = meof_step file mode start tok len.
Proof. intros; destruct mode; cbn; rewrite ?rev_onto_twice; reflexivity. Qed.

Lemma char_use_abs : forall file pos mode start q tok len c lu,
  char_use file pos (mabs mode start q tok len) c lu
  = match mchar_quirk mode c with
    | Some kq => mk_use kq file pos [] file (matom_start pos mode start) 0%Z :: lu
    | None => lu
    end.
Proof. intros; destruct mode; reflexivity. Qed.

(** [g] adds uses to the state's and does not read them. *)
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

(** The uses in the tokens of [m] that [check] counts. *)
Definition tok_uses (pass : bool) (m : mcheck) : list quirk_use :=
  if pass then mc_uses m ++ mc_octal m else mc_uses m.

(** The step of the proof: [g] run on the stripped state, its uses kept; [x]: the uses of the
    tokens before (pass A's, in pass B). *)
Lemma keep_adds : forall pass k g m x t,
  adds g -> earliest_of k (tok_uses pass m ++ x) t ->
  strip (g m) = strip (g (strip m))
  /\ earliest_of k (tok_uses pass (g m) ++ x) (add_token_uses pass k (g (strip m)) t).
Proof.
  intros pass k g m x t A T. destruct (A m) as (S & U & O). split; [exact S|].
  destruct pass; cbn [tok_uses add_token_uses] in *; rewrite U, ?O.
  - apply (earliest_of_perm k (mc_uses (g (strip m)) ++ mc_octal (g (strip m))
                               ++ (mc_uses m ++ mc_octal m) ++ x)).
    + rewrite <- !app_assoc. apply Permutation_app_head.
      rewrite !app_assoc. apply Permutation_app_tail. rewrite <- !app_assoc.
      apply Permutation_app_swap_app.
    + apply add_uses_new, add_uses_new, T.
  - rewrite <- app_assoc. apply add_uses_new, T.
Qed.

Definition scan_related (pass : bool) (k : N) (x : list quirk_use) (r : mscan) (rb : mscan_first)
  : Prop :=
  match r, rb with
  | mk_mscan lu m ok, mk_mscan_first a mb t okb =>
      earliest_of k lu a /\ mb = strip m /\ earliest_of k (tok_uses pass m ++ x) t /\ ok = okb
  end.

Lemma scan_chars_first_cons : forall pass k cfg file pos mode start q tok len w c s a m t,
  scan_chars_first pass k cfg file pos mode start q tok len w (c :: s) a m t =
  let a' :=
    if pass then a
    else
      match mchar_quirk mode c with
      | Some kq => add_use k (mk_use kq file pos [] file (matom_start pos mode start) 0%Z) a
      | None => a
      end in
  match mstep file pos mode start q tok len c (c :: s) with
  | mk_mres mode' start' q' tok' len' ok ts =>
      if ok then
        match ts with
        | [] => scan_chars_first pass k cfg file (N.add pos 1) mode' start' q' tok' len' w s a' m t
        | _ :: _ =>
            let m' := see_raws pass cfg m ts in
            scan_chars_first pass k cfg file (N.add pos 1) mode' start' q' tok' len'
              (last_is_word ts w) s a' (strip m') (add_token_uses pass k m' t)
        end
      else mk_mscan_first a' m t false
  end.
Proof.
  intros; cbn [scan_chars_first]. unfold in_token_byte.
  destruct mode; cbn [andb negb]; try reflexivity; unfold mstep.
  - destruct (is_blank c); [reflexivity|]. destruct (N.eqb c ch_lf); reflexivity.
  - destruct (N.eqb c q); reflexivity.
Qed.

Lemma scan_chars_first_correct : forall pass k cfg file x s pos mode start q tok len w lu m a t,
  tok_ok mode tok len s -> earliest_of k lu a -> earliest_of k (tok_uses pass m ++ x) t ->
  scan_related pass k x (scan_chars pass cfg file pos (mabs mode start q tok len) w s lu m)
    (scan_chars_first pass k cfg file pos mode start q tok len w s a (strip m) t).
Proof.
  intros pass k cfg file x s; induction s as [|c s IH];
    intros pos mode start q tok len w lu m a t TK A T;
    cbn [scan_chars]; [cbn [scan_chars_first] | rewrite scan_chars_first_cons; cbv zeta].
  - assert (A' : earliest_of k (if pass then lu else match mabs mode start q tok len with
                                                   | Between => if w then plain_use text_across_files file pos [] :: lu else lu
                                                   | _ => plain_use text_across_files file pos [] :: lu
                                                   end)
                   (if pass then a else add_uses k (mend_use file pos mode w) a)).
    { destruct pass; [exact A|].
      destruct mode; cbn [mabs mend_use add_uses]; try destruct w; cbn [add_uses];
        try (apply add_use_correct, A); exact A. }
    rewrite meof_step_abs. destruct (meof_step file mode start tok len) as [ts|e]; cbn; [|auto].
    destruct (keep_adds pass k (fun m => see_raw pass cfg (see_raws pass cfg m ts) Newline) m x t
                (adds_compose _ _ (see_raws_adds pass cfg ts) (see_raw_adds pass cfg Newline)) T)
      as (S & T'); cbn in S, T'.
    rewrite S; auto.
  - assert (A' : earliest_of k (if pass then lu else char_use file pos (mabs mode start q tok len) c lu)
                   (if pass then a
                    else match mchar_quirk mode c with
                         | Some kq => add_use k (mk_use kq file pos [] file (matom_start pos mode start) 0%Z) a
                         | None => a
                         end)).
    { destruct pass; [exact A|]. rewrite char_use_abs.
      destruct (mchar_quirk mode c); [apply add_use_correct, A | exact A]. }
    pose proof (mstep_correct file pos mode start q tok len c s TK) as M; cbv zeta in M.
    destruct M as [C TK']. rewrite C. clear C.
    destruct (mstep file pos mode start q tok len c (c :: s)) as [mode' start' q' tok' len' ok ts].
    cbn [mr_ok mr_mode mr_start mr_quote mr_tok mr_len mr_tokens] in TK' |- *.
    destruct ok; cbv iota beta; [|cbn; auto].
    destruct ts as [|tk ts]; cbv iota beta; [apply IH; assumption|].
    destruct (keep_adds pass k (fun m => see_raws pass cfg m (tk :: ts)) m x t
                (see_raws_adds pass cfg (tk :: ts)) T)
      as (S & T'); cbv beta in S, T'.
    rewrite <- S. apply IH; assumption.
Qed.

Lemma scan_inputs_first_correct : forall pass k cfg x inputs file lu m a t ok,
  earliest_of k lu a -> earliest_of k (tok_uses pass m ++ x) t ->
  scan_related pass k x (scan_inputs pass cfg file inputs lu m ok)
    (scan_inputs_first pass k cfg file inputs a (strip m) t ok).
Proof.
  intros pass k cfg x inputs; induction inputs as [|f fs IH]; intros file lu m a t ok A T; cbn.
  - auto.
  - pose proof (scan_chars_first_correct pass k cfg file x f 0 Lm_between 0 0 [] 0 false lu m a t
                  I A T) as R.
    change (mabs Lm_between 0 0 [] 0) with Between in R.
    destruct (scan_chars pass cfg file 0 Between false f lu m) as [lu' m' ok'].
    destruct (scan_chars_first pass k cfg file 0 Lm_between 0 0 [] 0 false f a (strip m) t)
      as [a' mb t' okb].
    destruct R as (A' & -> & T' & <-). apply IH; assumption.
Qed.

(** The bounded checker keeps the [k] earliest uses of [check] (by file, then offset) and
    counts them all. *)
Theorem check_first_correct : forall k cfg inputs,
  check_first k cfg inputs
  = (firstn (N.to_nat k) (sort_uses (check cfg inputs)), N.of_nat (length (check cfg inputs))).
Proof.
  intros k cfg inputs. unfold check_first, check.
  assert (St : forall defs, mc_start defs = strip (mc_start defs)) by reflexivity.
  pose proof (scan_inputs_first_correct false k cfg [] inputs 0 [] (mc_start ByteMap.empty)
                earliest_empty earliest_empty true (earliest_of_empty k) (earliest_of_empty k))
    as RA.
  rewrite <- St in RA.
  destruct (scan_inputs false cfg 0 inputs [] (mc_start ByteMap.empty) true) as [lu mA okA].
  destruct (scan_inputs_first false k cfg 0 inputs earliest_empty (mc_start ByteMap.empty)
              earliest_empty true) as [a mAb tA okAb].
  destruct RA as (A & -> & TA & <-). cbn [tok_uses] in TA.
  destruct okA; [|apply earliest_result_correct, A].
  pose proof (scan_inputs_first_correct true k cfg (mc_uses mA ++ []) inputs 0 []
                (mc_start (mc_defs mA)) earliest_empty tA true (earliest_of_empty k) TA) as RB.
  rewrite <- St in RB. replace (mc_defs (strip mA)) with (mc_defs mA) by (destruct mA; reflexivity).
  destruct (scan_inputs true cfg 0 inputs [] (mc_start (mc_defs mA)) true) as [luB mB okB].
  destruct (scan_inputs_first true k cfg 0 inputs earliest_empty (mc_start (mc_defs mA))
              tA true) as [aB mBb tB okBb].
  destruct RB as (_ & -> & TB & _).
  replace (mc_scan (strip mB)) with (mc_scan mB) by (destruct mB; reflexivity).
  destruct (outside_define (mc_scan mB)); [|apply earliest_result_correct, A].
  apply earliest_result_correct.
  apply (earliest_of_perm k ((tok_uses true mB ++ mc_uses mA ++ []) ++ lu)).
  - cbn [tok_uses]. rewrite !push_uses_rev, !app_nil_r, !app_assoc. apply Permutation_app_tail.
    eapply perm_trans; [apply Permutation_app_comm|]. rewrite <- app_assoc.
    apply Permutation_app; [apply Permutation_rev|].
    apply Permutation_app; apply Permutation_rev.
  - apply merge_earliest_correct; assumption.
Qed.
