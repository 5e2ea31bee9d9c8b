(** * M1Execproof: the executable core of M1 computes the specification. *)

(** [assemble_correct] says that [M1Exec.assemble] and [M1Spec.assemble] are the same function.
    The output buffer is related to the specification's byte lists through [out_app o b], the
    buffer [o] with [b] appended. The lexer [scan] feeds the tokens of [M1Lex.lex] to a consumer
    state; [scan_spec] says that it is the state fed the collapsed token list ([feed_list]), the
    lexer's [quiet] flag being [quiet_after], the flag [M1Lex.collapse] would have after a list
    of tokens. Pass A's state then holds the bindings of [expand_defines] ([feedA_defines], the
    macro [ByteMap] through [add_all] and [find_add]), and pass B's state the first failure, the
    first word without output and the printed text ([feedB_spec], through [pass_rel] and the
    separator [lead] the last printed token still needs). The digit and zero loops are related
    through [length] of their counter lists. *)

From Coq Require Import NArith ZArith List Bool Lia.
From Hexproof.Spec Require Import Common Strtoint M1Lex M1Eval M1Spec.
From Hexproof.Proofs Require Import ByteMap OutBuf M1Exec M1Default.
Import ListNotations.

(** ** The output buffer *)

Definition out_app (o : outbuf) (b : bytes) : outbuf := rev b ++ o.

Lemma out_contents_app : forall o b, out_contents (out_app o b) = out_contents o ++ b.
Proof.
  intros o b; unfold out_contents, out_app.
  rewrite !rev_onto_spec, !app_nil_r, rev_app_distr, rev_involutive; reflexivity.
Qed.

Lemma out_app_app : forall o a b, out_app (out_app o a) b = out_app o (a ++ b).
Proof. intros; unfold out_app; rewrite rev_app_distr, app_assoc; reflexivity. Qed.

Lemma out_app_nil : forall o, out_app o [] = o.
Proof. reflexivity. Qed.

Lemma out_push_app : forall o b, out_push o b = out_app o [b].
Proof. reflexivity. Qed.

Lemma push_all_spec : forall v o, push_all o v = out_app o v.
Proof.
  induction v as [|b v IH]; intros o; simpl; [reflexivity|].
  rewrite IH, out_push_app, out_app_app; reflexivity.
Qed.

(** ** Digits *)

Lemma digit_mask_spec : forall m, (2 ^ digit_bits m - 1)%Z = digit_mask m.
Proof. destruct m; reflexivity. Qed.

Lemma digit_counter_length : forall m, length (digit_counter m) = digits_per_byte m.
Proof. destruct m; reflexivity. Qed.

Lemma group_bits_spec : forall m,
  group_bits m = (digit_bits m * Z.of_nat (digits_per_byte m))%Z.
Proof. destruct m; reflexivity. Qed.

Lemma push_low_digits_spec : forall c m v o,
  push_low_digits c m v o = out_app o (low_digits (digit_bits m) (length c) v).
Proof.
  induction c as [|x c IH]; intros m v o; [reflexivity|].
  cbn [push_low_digits length low_digits].
  rewrite IH, digit_mask_spec, out_push_app, out_app_app; reflexivity.
Qed.

Lemma push_byte_digits_unfold : forall m v o,
  push_byte_digits m v o = push_low_digits (digit_counter m) m v o.
Proof. destruct m; reflexivity. Qed.

Lemma push_byte_digits_spec : forall m v o,
  push_byte_digits m v o = out_app o (low_digits (digit_bits m) (digits_per_byte m) v).
Proof.
  intros; rewrite push_byte_digits_unfold, push_low_digits_spec, digit_counter_length.
  reflexivity.
Qed.

Lemma push_groups_le_spec : forall c m v o,
  push_groups_le c m v o = out_app o (concat (digit_groups m (length c) v)).
Proof.
  induction c as [|x c IH]; intros m v o; [reflexivity|].
  cbn [push_groups_le length digit_groups concat].
  rewrite IH, push_byte_digits_spec, out_app_app, group_bits_spec; reflexivity.
Qed.

Lemma push_groups_be_spec : forall c m v o,
  push_groups_be c m v o = out_app o (concat (rev (digit_groups m (length c) v))).
Proof.
  induction c as [|x c IH]; intros m v o; [reflexivity|].
  cbn [push_groups_be length digit_groups rev].
  rewrite push_byte_digits_spec, IH, out_app_app, group_bits_spec, concat_app.
  cbn [concat]; rewrite app_nil_r; reflexivity.
Qed.

Lemma push_number_spec : forall cfg w v o,
  push_number cfg w v o
  = out_app o (number_text (m1_byte_mode cfg) (m1_big_endian cfg) (length w) v).
Proof.
  intros; unfold push_number, number_text.
  destruct (m1_big_endian cfg); [apply push_groups_be_spec|apply push_groups_le_spec].
Qed.

(** ** Runs of zero digits *)

Lemma push_zeros_spec : forall count o,
  push_zeros count o = out_app o (repeat 48%N (N.to_nat count)).
Proof.
  intros; unfold push_zeros, out_app; rewrite out_repeat_spec, repeat_rev; reflexivity.
Qed.

(** ** Strings *)

Lemma push_string_digits_spec : forall m s o,
  push_string_digits m s o = out_app o (string_digits m s).
Proof.
  induction s as [|b s IH]; intros o; [reflexivity|].
  cbn [push_string_digits string_digits].
  rewrite IH, out_push_app, push_byte_digits_spec, !out_app_app. f_equal.
Qed.

Lemma string_digits_app : forall m a b,
  string_digits m (a ++ b) = string_digits m a ++ string_digits m b.
Proof.
  induction a as [|x a IH]; intros b; [reflexivity|].
  simpl; rewrite IH, <- app_assoc; reflexivity.
Qed.

Lemma count_bytes_spec : forall s n, count_bytes s n = (n + N.of_nat (length s))%N.
Proof.
  induction s as [|x s IH]; intros n; simpl; [lia|].
  rewrite IH; lia.
Qed.

Lemma knight_pad_count_spec : forall cfg n,
  repeat 48%N (N.to_nat (knight_pad_count cfg (N.of_nat n))) = knight_padding cfg n.
Proof.
  intros cfg n; unfold knight_pad_count, knight_padding.
  destruct (m1_arch cfg), (m1_byte_mode cfg); try reflexivity.
  f_equal.
  rewrite N2Nat.inj_mul, N2Nat.inj_mod, N2Nat.inj_sub, N2Nat.inj_mod, Nat2N.id.
  reflexivity.
Qed.

Lemma push_hexify_spec : forall cfg body o,
  push_hexify cfg body o = out_app o (hexify cfg body).
Proof.
  intros cfg body o; unfold push_hexify, hexify.
  rewrite push_string_digits_spec, push_byte_digits_spec, out_push_app, !out_app_app.
  rewrite push_zeros_spec.
  rewrite out_app_app, string_digits_app, count_bytes_spec.
  replace (0 + N.of_nat (length body) + 1)%N with (N.of_nat (S (length body))) by lia.
  rewrite knight_pad_count_spec. cbn [string_digits].
  rewrite app_nil_r, <- !app_assoc. reflexivity.
Qed.

(** ** Evaluation *)

(** The buffer an outcome leaves behind. *)
Definition lift (o : outbuf) (r : outcome) : emitted :=
  match r with
  | Value v => Emitted (out_app o v)
  | No_value => Nothing
  | Failure k v => Failed k v
  end.

Ltac unfold_chars :=
  unfold ch_bang, ch_at, ch_dollar, ch_tilde, ch_percent, ch_amp, ch_colon, ch_caret, ch_lt,
    ch_dot, byte in *.

Fixpoint mem (c : N) (l : list N) : bool :=
  match l with
  | [] => false
  | x :: l' => if N.eqb c x then true else mem c l'
  end.


Lemma riscv_sigil_mem : forall c, riscv_sigil c = mem c [37; 126; 64; 33; 36]%N.
Proof. reflexivity. Qed.

Lemma number_sigil_mem : forall c, number_sigil c = mem c [37; 126; 64; 33; 38; 36]%N.
Proof. reflexivity. Qed.

Lemma pass_sigil_mem : forall c, pass_sigil c = mem c [33; 64; 36; 126; 37; 38; 58; 94]%N.
Proof. reflexivity. Qed.

Lemma mem_spec : forall c l, mem c l = in_set c l.
Proof.
  intros c l; unfold in_set; induction l as [|x l IH]; [reflexivity|].
  simpl; rewrite IH; destruct (N.eqb c x); reflexivity.
Qed.

Lemma emit_checked_spec : forall cfg w lo hi v o,
  emit_checked cfg w lo hi (2 ^ (8 * Z.of_nat (length w)) - 1) v o
  = lift o (checked_field cfg (length w) lo hi v).
Proof.
  intros; unfold emit_checked, checked_field.
  destruct ((v <? lo)%Z || (hi <? v)%Z); [reflexivity|].
  simpl; rewrite push_number_spec; reflexivity.
Qed.

Lemma emit_number_spec : forall cfg c v o,
  emit_number cfg c v o = lift o (express_number cfg c v).
Proof.
  intros; unfold emit_number, express_number; unfold_chars.
  destruct (N.eqb c 33);
    [exact (emit_checked_spec cfg width1 (-129) 256 v o)|].
  destruct (N.eqb c 64);
    [exact (emit_checked_spec cfg width2 (-32769) 32768 v o)|].
  destruct (N.eqb c 36);
    [exact (emit_checked_spec cfg width2 (-32769) 65536 v o)|].
  destruct (N.eqb c 126);
    [exact (emit_checked_spec cfg width3 (-8388609) 8388608 v o)|].
  simpl; rewrite push_number_spec; reflexivity.
Qed.

Lemma push_word_spec : forall cfg c v o,
  push_word cfg c v o = out_app o (express_word cfg c v).
Proof.
  intros; unfold push_word, express_word; unfold_chars.
  destruct (N.eqb c 36); [apply push_number_spec|].
  destruct (N.eqb c 37); [apply push_number_spec|].
  rewrite push_number_spec, out_push_app, out_app_app; reflexivity.
Qed.

Definition lift_option (o : outbuf) (r : option outcome) : option emitted :=
  match r with
  | Some x => Some (lift o x)
  | None => None
  end.

Lemma emit_immediate_spec : forall cfg s o,
  emit_immediate cfg s o = lift_option o (immediate cfg s).
Proof.
  intros cfg [|c rest] o; [reflexivity|].
  unfold emit_immediate, immediate; unfold_chars.
  rewrite riscv_sigil_mem, number_sigil_mem, !mem_spec.
  destruct (N.eqb c 60); [reflexivity|].
  destruct (is_riscv (m1_arch cfg)).
  - destruct (in_set c [37; 126; 64; 33; 36]%N && is_number rest); [|reflexivity].
    simpl; rewrite push_word_spec; reflexivity.
  - destruct (in_set c [37; 126; 64; 33; 38; 36]%N).
    + destruct (is_number rest); [|reflexivity].
      simpl; rewrite emit_number_spec; reflexivity.
    + destruct (m1_arch cfg); try reflexivity.
      destruct (is_number (c :: rest)); [|reflexivity].
      destruct (65536 <? strtoint (c :: rest))%Z; [reflexivity|].
      destruct (32767 <? strtoint (c :: rest))%Z; simpl; rewrite emit_number_spec; reflexivity.
Qed.

Lemma emit_other_spec : forall cfg s o, emit_other cfg s o = lift o (other cfg s).
Proof.
  intros cfg [|c rest] o; [reflexivity|].
  unfold emit_other, other; unfold_chars; rewrite pass_sigil_mem, mem_spec.
  destruct (in_set c _); [rewrite push_all_spec; reflexivity|].
  destruct (N.eqb c 60); [|reflexivity].
  destruct (Z.eqb (strtoint rest) 0); [rewrite push_all_spec; reflexivity|].
  destruct (Z.ltb (strtoint rest) 0) eqn:Neg; [reflexivity|].
  simpl. pose proof (strtoint_range rest) as R.
  apply Z.ltb_ge in Neg.
  rewrite push_zeros_spec.
  f_equal; f_equal; f_equal.
  rewrite N2Nat.inj_mul, Z_N_nat. f_equal.
  destruct (m1_byte_mode cfg); reflexivity.
Qed.

Lemma emit_spec : forall cfg d s o, emit cfg d s o = lift o (evaluate cfg d s).
Proof.
  intros cfg d [|c body] o.
  - unfold emit, evaluate; simpl. destruct d; [rewrite push_all_spec; reflexivity|].
    reflexivity.
  - unfold emit, evaluate, string_value.
    destruct (N.eqb c 34); [simpl; rewrite push_hexify_spec; reflexivity|].
    destruct (N.eqb c 39); [rewrite push_all_spec; reflexivity|].
    destruct d; [rewrite push_all_spec; reflexivity|].
    rewrite emit_immediate_spec. destruct (immediate cfg (c :: body)); [reflexivity|].
    apply emit_other_spec.
Qed.

(** ** Lexing *)

(** The [quiet] flag [collapse] has after the tokens [ts]. *)
Fixpoint quiet_after (q : bool) (ts : list token) : bool :=
  match ts with
  | [] => q
  | Newline :: ts' => quiet_after true ts'
  | Word _ _ _ :: ts' => quiet_after false ts'
  end.

Lemma collapse_app : forall a b q,
  collapse q (a ++ b) = collapse q a ++ collapse (quiet_after q a) b.
Proof.
  induction a as [|t a IH]; intros b q; [reflexivity|].
  destruct t; simpl; [destruct q; simpl|]; rewrite IH; reflexivity.
Qed.

Lemma quiet_after_app : forall a b q, quiet_after q (a ++ b) = quiet_after (quiet_after q a) b.
Proof.
  induction a as [|t a IH]; intros b q; [reflexivity|].
  destruct t; simpl; apply IH.
Qed.

(** A token fed to a consumer. *)
Definition feed_tok (pass : bool) (cfg : m1_config) (m : ByteMap.t bytes) (c : cstate)
    (t : token) : cstate :=
  match t with
  | Newline => feed_newline pass c
  | Word s f o => feed_word pass cfg m c s f o
  end.

Fixpoint feed_list (pass : bool) (cfg : m1_config) (m : ByteMap.t bytes) (c : cstate)
    (ts : list token) {struct ts} : cstate :=
  match ts with
  | [] => c
  | t :: ts' => feed_list pass cfg m (feed_tok pass cfg m c t) ts'
  end.

Lemma feed_list_app : forall pass cfg m a b c,
  feed_list pass cfg m c (a ++ b) = feed_list pass cfg m (feed_list pass cfg m c a) b.
Proof. intros pass cfg m; induction a as [|t a IH]; intros b c; [reflexivity|]. simpl; apply IH. Qed.

(** The lexer's invariant: the state has been fed the collapsed tokens so far. *)
Definition scan_rel (pass : bool) (cfg : m1_config) (m : ByteMap.t bytes) (q : bool) (c : cstate) (r : result (list token))
  : result (bool * cstate) :=
  match r with
  | Err e => Err e
  | Ok ts => Ok (quiet_after q ts, feed_list pass cfg m c (collapse q ts))
  end.

Lemma scan_rel_newline : forall pass cfg m q c r,
  scan_rel pass cfg m true (newline_if pass q c) r = scan_rel pass cfg m q c (emit_newline r).
Proof.
  intros pass cfg m q c [ts|e]; [|reflexivity].
  unfold scan_rel, emit_newline, newline_if; cbn [quiet_after collapse].
  destruct q; reflexivity.
Qed.

Definition state_of (mode : lex_mode) (start q : N) (rt : bytes) : lex_state :=
  match mode with
  | Lm_between => Between
  | Lm_comment => In_comment
  | Lm_atom => In_atom start rt
  | Lm_string => In_string q start rt
  end.

(** An unfinished token: [tok] is its text so far followed by the rest of the input, and [len] is
    the length of its text so far. *)
Definition tok_rel (mode : lex_mode) (tok : bytes) (len : N) (rt s : bytes) : Prop :=
  match mode with
  | Lm_atom | Lm_string => tok = rev rt ++ s /\ len = N.of_nat (length rt)
  | _ => True
  end.

Lemma tok_text : forall (tok : bytes) len (rt s : bytes),
  tok = rev rt ++ s /\ len = N.of_nat (length rt) -> take_bytes len tok = rev rt.
Proof.
  intros tok len rt s [-> ->]. rewrite <- rev_length. apply take_bytes_app.
Qed.

Lemma tok_step : forall (tok : bytes) len (rt : bytes) (ch : byte) (s : bytes),
  tok = rev rt ++ ch :: s /\ len = N.of_nat (length rt) ->
  tok = rev (ch :: rt) ++ s /\ N.add len 1 = N.of_nat (length (ch :: rt)).
Proof.
  intros tok len rt ch s [-> ->]. cbn [rev length]. rewrite <- app_assoc.
  split; [reflexivity|lia].
Qed.

Lemma word_keeps_word : forall pass cfg m c s f o,
  word_keeps pass c s = true -> feed_word pass cfg m c s f o = c.
Proof.
  intros pass cfg m [any ds file off name defs fail inval out last] s f o K.
  destruct pass; [discriminate K|]. unfold word_keeps in K; cbn [c_ds c_any] in K.
  destruct ds; try discriminate K. destruct any; [|discriminate K].
  destruct (is_define_text s) eqn:D; [discriminate K|].
  unfold feed_word, feedA_word; cbn [c_ds]; rewrite D; reflexivity.
Qed.

Lemma word_keeps_newline : forall pass cfg m c s f o,
  word_keeps pass c s = true -> feed_newline pass (feed_word pass cfg m c s f o) = c.
Proof.
  intros pass cfg m c s f o K. rewrite (word_keeps_word pass cfg m c s f o K).
  destruct c as [any ds file off name defs fail inval out last].
  destruct pass; [discriminate K|]. unfold word_keeps in K; cbn [c_ds c_any] in K.
  destruct ds; try discriminate K. destruct any; [|discriminate K].
  reflexivity.
Qed.

Lemma scan_spec : forall pass cfg m s file pos mode start q tok len rt quiet c,
  tok_rel mode tok len rt s ->
  scan pass cfg m file pos mode start q tok len s quiet c
  = scan_rel pass cfg m quiet c (lex file pos (state_of mode start q rt) s).
Proof.
  intros pass cfg m; induction s as [|ch s IH]; intros file pos mode start q tok len rt quiet c T.
  - destruct mode; cbn [scan state_of lex]; try reflexivity.
    cbn [tok_rel] in T. rewrite (tok_text _ _ _ _ T). unfold emit_word.
    destruct (has_nul (rev rt)); reflexivity.
  - destruct mode; cbn [scan state_of lex].
    + destruct (is_comment_start ch).
      { rewrite (IH _ _ _ _ _ _ _ []) by exact I; apply scan_rel_newline. }
      destruct (is_blank ch); [rewrite (IH _ _ _ _ _ _ _ []) by exact I; reflexivity|].
      destruct (N.eqb ch ch_lf).
      { rewrite (IH _ _ _ _ _ _ _ []) by exact I; apply scan_rel_newline. }
      destruct (is_quote ch); rewrite (IH _ _ _ _ _ _ _ [ch]) by (split; reflexivity);
        reflexivity.
    + destruct (is_comment_end ch); rewrite (IH _ _ _ _ _ _ _ []) by exact I; reflexivity.
    + cbn [tok_rel] in T. rewrite (tok_text _ _ _ _ T).
      destruct (is_blank ch); [|destruct (N.eqb ch ch_lf);
        [|rewrite (IH _ _ _ _ _ _ _ (ch :: rt)) by (apply tok_step; exact T); reflexivity]];
        unfold emit_word; (destruct (has_nul (rev rt)); [reflexivity|]);
        destruct (word_keeps pass c (rev rt)) eqn:K; cbn [state_of];
        rewrite (IH _ _ _ _ _ _ _ []) by exact I; cbn [state_of]; unfold emit_newline;
        (destruct (lex _ _ Between s) as [ts|e]; [|reflexivity]);
        unfold scan_rel; cbn [quiet_after collapse feed_list feed_tok];
        try rewrite (word_keeps_newline pass cfg m c (rev rt) file start K);
        try rewrite (word_keeps_word pass cfg m c (rev rt) file start K); reflexivity.
    + cbn [tok_rel] in T. rewrite (tok_text _ _ _ _ T).
      destruct (N.eqb ch q); [|rewrite (IH _ _ _ _ _ _ _ (ch :: rt)) by (apply tok_step; exact T); reflexivity].
      unfold emit_word; (destruct (has_nul (rev rt)); [reflexivity|]).
      destruct (word_keeps pass c (rev rt)) eqn:K; cbn [state_of];
        rewrite (IH _ _ _ _ _ _ _ []) by exact I; cbn [state_of];
        (destruct (lex _ _ Between s) as [ts|e]; [|reflexivity]);
        unfold scan_rel; cbn [quiet_after collapse feed_list feed_tok];
        try rewrite (word_keeps_word pass cfg m c (rev rt) file start K); reflexivity.
Qed.

Lemma scan_files_spec : forall pass cfg m inputs file q c,
  scan_files pass cfg m file inputs q c = scan_rel pass cfg m q c (lex_files file inputs).
Proof.
  intros pass cfg m; induction inputs as [|f fs IH]; intros file q c; [reflexivity|].
  cbn [scan_files lex_files]. rewrite (scan_spec pass cfg m f file 0 Lm_between 0 0 [] 0 []) by exact I; cbn [state_of].
  destruct (lex file 0 Between f) as [ts|e]; [|reflexivity].
  cbn [scan_rel]; rewrite IH.
  destruct (lex_files (N.add file 1) fs) as [rest|e]; [|reflexivity].
  unfold scan_rel, newline_if.
  rewrite quiet_after_app, collapse_app, feed_list_app; cbn [quiet_after collapse].
  destruct (quiet_after q ts); reflexivity.
Qed.


(** ** Pass A: the DEFINE bindings *)

Lemma text_eqb_eq : forall a b, text_eqb a b = true <-> a = b.
Proof.
  induction a as [|x a IH]; intros [|y b]; simpl; split; intros H; try congruence.
  - destruct (N.eqb x y) eqn:E; [|discriminate].
    apply N.eqb_eq in E; apply IH in H; subst; reflexivity.
  - inversion H; subst. rewrite N.eqb_refl. apply IH; reflexivity.
Qed.

Lemma text_eqb_bytes_eqb : forall a b, text_eqb a b = bytes_eqb b a.
Proof.
  intros a b.
  destruct (text_eqb a b) eqn:E1, (bytes_eqb b a) eqn:E2; try reflexivity.
  - apply text_eqb_eq in E1; subst. rewrite bytes_eqb_refl in E2; discriminate.
  - apply bytes_eqb_eq in E2; subst. 
    assert (text_eqb a a = true) by (apply text_eqb_eq; reflexivity). congruence.
Qed.

(** The map argument comes first: Coq's kernel compares arguments from the last one, and
    comparing a map with a larger map built by [ByteMap.add] makes it unfold the hashing. *)
Fixpoint add_all (m : ByteMap.t bytes) (bs : list binding) {struct bs} : ByteMap.t bytes :=
  match bs with
  | [] => m
  | (n, v) :: bs' => add_all (ByteMap.add n v m) bs'
  end.

Lemma find_add_all : forall bs k m,
  ByteMap.find k (add_all m bs)
  = match last_define k bs with Some v => Some v | None => ByteMap.find k m end.
Proof.
  induction bs as [|[n v] bs IH]; intros k m; [cbn [add_all last_define]; reflexivity|].
  cbn [add_all last_define]. rewrite IH.
  destruct (last_define k bs); [reflexivity|].
  rewrite find_add, (text_eqb_bytes_eqb n k). destruct (bytes_eqb k n); reflexivity.
Qed.

Lemma find_defines : forall bs k, ByteMap.find k (add_all ByteMap.empty bs) = last_define k bs.
Proof.
  intros; rewrite find_add_all, find_empty. destruct (last_define k bs); reflexivity.
Qed.

Lemma is_define_text_spec : forall s, is_define_text s = text_eqb s define_text.
Proof.
  intros s; unfold is_define_text, define_text.
  do 6 (destruct s as [|? s]; [reflexivity|]; cbn [text_eqb];
        match goal with |- (if N.eqb ?a ?b then _ else _) = _ => destruct (N.eqb a b) end;
        [|reflexivity]).
  destruct s; reflexivity.
Qed.

Lemma text_value_spec : forall s f o, text_value s = value_text (Word s f o).
Proof. reflexivity. Qed.

(** Pass A's state after the tokens [ts], from a state between bindings. *)
Definition defines_rel (d : ByteMap.t bytes) (r : result (list binding * list token))
  : result (ByteMap.t bytes) :=
  match r with
  | Err e => Err e
  | Ok (bs, _) => Ok (add_all d bs)
  end.

Definition feedA_list (cfg : m1_config) (c : cstate) (ts : list token) : cstate :=
  feed_list false cfg ByteMap.empty c ts.

Lemma feedA_any : forall cfg ts c,
  c_any (feedA_list cfg c ts) = orb (c_any c) (match ts with [] => false | _ => true end).
Proof.
  intros cfg; induction ts as [|t ts IH]; intros c.
  - unfold feedA_list; cbn [feed_list]. destruct (c_any c); reflexivity.
  - unfold feedA_list in *; cbn [feed_list]. rewrite IH.
    assert (A : c_any (feed_tok false cfg ByteMap.empty c t) = true).
    { destruct t; cbn [feed_tok feed_word feed_newline]; unfold feedA_word, feedA_newline;
        destruct (c_ds c); try reflexivity.
      destruct (is_define_text text); reflexivity. }
    rewrite A. destruct (c_any c), ts; reflexivity.
Qed.

Lemma feedA_defines : forall cfg ts c,
  c_ds c = Ds_normal ->
  defines_result (feedA_list cfg c ts) = defines_rel (c_defs c) (expand_defines ts).
Proof.
  intros cfg. fix IH 1. intros [|t rest] c Hc.
  - unfold feedA_list, defines_result; cbn [feed_list expand_defines defines_rel add_all].
    rewrite Hc; reflexivity.
  - cbn [expand_defines]. unfold feedA_list; cbn [feed_list].
    destruct t as [|s f o].
    + cbn [is_define]. cbn [feed_tok feed_newline]. unfold feedA_newline. rewrite Hc.
      etransitivity; [apply IH; reflexivity|]. cbn [c_defs].
      destruct (expand_defines rest) as [[bs out]|e]; reflexivity.
    + cbn [feed_tok feed_word]. unfold feedA_word at 1. rewrite Hc, is_define_text_spec.
      cbn [is_define]. destruct (text_eqb s define_text).
      * destruct rest as [|name [|value rest2]].
        -- reflexivity.
        -- destruct name as [|s1 f1 o1]; reflexivity.
        -- cbn [feed_list].
           assert (E : feed_tok false cfg ByteMap.empty
                         (feed_tok false cfg ByteMap.empty
                            (mk_cstate true Ds_name f o (c_name c) (c_defs c) (c_fail c)
                               (c_inval c) (c_out c) (c_last c)) name) value
                       = mk_cstate true Ds_normal f o (token_text name)
                           (ByteMap.add (token_text name) (value_text value) (c_defs c))
                           (c_fail c) (c_inval c) (c_out c) (c_last c)).
           { destruct name as [|s1 f1 o1], value as [|s2 f2 o2];
               cbn [feed_tok feed_word feed_newline]; unfold feedA_word, feedA_newline;
               cbn [c_ds c_name c_defs c_file c_off c_fail c_inval c_out c_last];
               reflexivity. }
           rewrite E. etransitivity; [apply IH; reflexivity|]. cbn [c_defs].
           destruct (expand_defines rest2) as [[bs out]|e]; reflexivity.
      * etransitivity; [apply IH; reflexivity|]. cbn [c_defs].
        destruct (expand_defines rest) as [[bs out]|e]; reflexivity.
Qed.

(** ** Pass B: evaluation errors and printing *)

Definition mB (bs : list binding) := add_all ByteMap.empty bs.

Definition feedB_list (cfg : m1_config) (bs : list binding) (c : cstate) (ts : list token)
  : cstate := feed_list true cfg (mB bs) c ts.

Lemma feedB_failed : forall cfg bs ts c e, c_fail c = Some e -> feedB_list cfg bs c ts = c.
Proof.
  intros cfg bs.
  unfold feedB_list; induction ts as [|t ts IH]; intros c e H; [reflexivity|].
  cbn [feed_list]. assert (F : feed_tok true cfg (mB bs) c t = c).
  { destruct t; cbn [feed_tok feed_word feed_newline]; unfold feedB_word, feedB_newline;
      rewrite H; reflexivity. }
  rewrite F; exact (IH c e H).
Qed.

Definition word_failure (cfg : m1_config) (bs : list binding) (t : token) : option error :=
  match t with
  | Newline => None
  | Word s f o =>
      match outcome_of cfg bs s with
      | Failure k v => Some (mk_error k f o v s)
      | _ => None
      end
  end.

Lemma first_failure_cons : forall cfg bs t ts,
  first_failure cfg bs (t :: ts)
  = match word_failure cfg bs t with Some e => Some e | None => first_failure cfg bs ts end.
Proof.
  intros cfg bs.
  intros [|s f o] ts; [reflexivity|]. cbn [first_failure word_failure].
  destruct (outcome_of cfg bs s); reflexivity.
Qed.

Lemma check_word_spec : forall cfg bs s f o, check_word cfg (mB bs) s f o = word_failure cfg bs (Word s f o).
Proof.
  intros cfg bs.
  intros; unfold check_word, mB; cbn [word_failure].
  rewrite emit_spec, find_defines; unfold outcome_of.
  destruct (evaluate cfg (last_define s bs) s); reflexivity.
Qed.

(** A token that is not printed (in a DEFINE line) from a state that has not failed. *)
Lemma feed_unprinted : forall cfg bs c t d l,
  c_fail c = None ->
  (c_ds c = Ds_name /\ d = Ds_value /\ l = c_last c \/
   c_ds c = Ds_value /\ d = Ds_normal /\ l = Lk_newline) ->
  feed_tok true cfg (mB bs) c t = after_check c (word_failure cfg bs t) d l.
Proof.
  intros cfg bs.
  intros c t d l Hf Hd.
  destruct t as [|s f o]; cbn [feed_tok feed_word feed_newline];
    unfold feedB_word, feedB_newline; rewrite Hf;
    (destruct Hd as [[H1 [H2 H3]]|[H1 [H2 H3]]]; rewrite H1; subst; [reflexivity|reflexivity])
    || (rewrite check_word_spec;
        destruct Hd as [[H1 [H2 H3]]|[H1 [H2 H3]]]; rewrite H1; subst; reflexivity).
Qed.

(** The bytes the last printed token needs before the rest [out] of the output stream (for the
    end of the stream: the final line end). *)
Definition lead (l : last_kind) (out : list token) : bytes :=
  match l with
  | Lk_start => []
  | Lk_word => match out with Word _ _ _ :: _ => [32%N] | _ => [] end
  | Lk_newline => match out with Newline :: _ => [] | _ => [10%N] end
  end.

(** The printed output, or the first failure ([M1Exec.assemble] of the state pass B ends with). *)
Definition print_result (c : cstate) : result bytes :=
  match print_buffer c with
  | Err e => Err e
  | Ok o => Ok (out_contents o)
  end.

Definition result_rel (o : outbuf) (r : result bytes) : result bytes :=
  match r with
  | Err e => Err e
  | Ok b => Ok (out_contents (out_app o b))
  end.

Definition pass_rel (cfg : m1_config) (bs : list binding) (c : cstate) (ts out : list token) : result bytes :=
  match first_failure cfg bs ts with
  | Some e => Err e
  | None =>
      match c_inval c with
      | Some e => Err e
      | None => result_rel (out_app (c_out c) (lead (c_last c) out)) (print cfg bs out)
      end
  end.

Lemma lead_newline : forall l out, lead l (Newline :: out) = [].
Proof. destruct l; reflexivity. Qed.

Lemma pass_newline : forall cfg bs c ts out,
  pass_rel cfg bs (after_check c None Ds_normal Lk_newline) ts out = pass_rel cfg bs c ts (Newline :: out).
Proof.
  intros cfg bs.
  intros c ts out; unfold pass_rel, after_check; cbn [c_inval c_out c_last].
  destruct (first_failure cfg bs ts); [reflexivity|].
  destruct (c_inval c); [reflexivity|].
  rewrite lead_newline, out_app_nil. cbn [print].
  destruct (print cfg bs out); [|reflexivity].
  cbn [result_rel prepend]. rewrite out_app_app.
  destruct out as [|[|s f o] out']; reflexivity.
Qed.

Lemma feed_list_cons : forall cfg bs c t ts,
  feed_list true cfg (mB bs) c (t :: ts) = feed_list true cfg (mB bs) (feed_tok true cfg (mB bs) c t) ts.
Proof. intros cfg bs. reflexivity. Qed.

Lemma feedB_failed' : forall cfg bs ts c e,
  c_fail c = Some e -> print_result (feed_list true cfg (mB bs) c ts) = Err e.
Proof.
  intros cfg bs.
  intros ts c e H. change (feed_list true cfg (mB bs) c ts) with (feedB_list cfg bs c ts).
  rewrite (feedB_failed cfg bs ts c e H). unfold print_result, print_buffer; rewrite H; reflexivity.
Qed.

Lemma pass_rel_cons : forall cfg bs c t ts out,
  pass_rel cfg bs c (t :: ts) out
  = match word_failure cfg bs t with Some e => Err e | None => pass_rel cfg bs c ts out end.
Proof.
  intros cfg bs.
  intros; unfold pass_rel; rewrite first_failure_cons.
  destruct (word_failure cfg bs t); reflexivity.
Qed.

Lemma find_mB : forall bs k, ByteMap.find k (mB bs) = last_define k bs.
Proof. intros; apply find_defines. Qed.

Ltac foldB :=
  match goal with
  | |- context [feed_list true ?cf (mB ?b) ?c ?ts] =>
      change (feed_list true cf (mB b) c ts) with (feedB_list cf b c ts)
  end.

Lemma feedB_spec : forall cfg bs ts c bs' out,
  c_ds c = Ds_normal -> c_fail c = None -> expand_defines ts = Ok (bs', out) ->
  print_result (feedB_list cfg bs c ts) = pass_rel cfg bs c ts out.
Proof.
  intros cfg bs.
  fix IH 1. intros [|t rest] c bs' out Hd Hf He.
  - cbn [expand_defines] in He. inversion He; subst.
    unfold feedB_list, pass_rel, print_result, print_buffer; cbn [feed_list first_failure print].
    rewrite Hf. destruct (c_inval c); [reflexivity|].
    cbn [result_rel]. rewrite out_app_nil.
    destruct (c_last c); cbn [lead]; rewrite ?out_app_nil; reflexivity.
  - cbn [expand_defines] in He. unfold feedB_list; cbn [feed_list].
    destruct t as [|s f o].
    + (* a line end *)
      cbn [is_define] in He.
      destruct (expand_defines rest) as [[bs1 out1]|e] eqn:E1; [|discriminate].
      inversion He; subst.
      assert (F : feed_tok true cfg (mB bs) c Newline = after_check c None Ds_normal Lk_newline).
      { cbn [feed_tok feed_newline]; unfold feedB_newline; rewrite Hf, Hd; reflexivity. }
      rewrite F. fold (feedB_list cfg bs (after_check c None Ds_normal Lk_newline) rest).
      rewrite (IH rest _ bs' out1); [|unfold after_check; reflexivity|
        unfold after_check; cbn [c_fail]; exact Hf|exact E1].
      rewrite pass_newline. unfold pass_rel. rewrite first_failure_cons. reflexivity.
    + cbn [is_define] in He.
      destruct (text_eqb s define_text) eqn:Ed.
      * (* a DEFINE line *)
        destruct rest as [|name [|value rest2]]; try discriminate.
        destruct (expand_defines rest2) as [[bs1 out1]|e] eqn:E1; [|discriminate].
        inversion He; subst.
        assert (F : feed_tok true cfg (mB bs) c (Word s f o)
                    = after_check c (word_failure cfg bs (Word s f o)) Ds_name (c_last c)).
        { cbn [feed_tok feed_word]; unfold feedB_word; rewrite Hf, Hd, is_define_text_spec, Ed.
          rewrite check_word_spec; reflexivity. }
        rewrite F, !pass_rel_cons.
        destruct (word_failure cfg bs (Word s f o)) as [e|].
        { apply (feedB_failed' cfg bs _ _ e); reflexivity. }
        set (c1 := after_check c None Ds_name (c_last c)).
        rewrite feed_list_cons.
        rewrite (feed_unprinted cfg bs c1 name Ds_value (c_last c))
          by (first [exact Hf | solve [left; repeat split] | solve [right; repeat split]]).
        destruct (word_failure cfg bs name) as [e|].
        { apply (feedB_failed' cfg bs _ _ e); reflexivity. }
        set (c2 := after_check c1 None Ds_value (c_last c)).
        rewrite feed_list_cons.
        rewrite (feed_unprinted cfg bs c2 value Ds_normal Lk_newline)
          by (first [exact Hf | solve [left; repeat split] | solve [right; repeat split]]).
        destruct (word_failure cfg bs value) as [e|].
        { apply (feedB_failed' cfg bs _ _ e); reflexivity. }
        foldB.
        rewrite (IH rest2 _ bs1 out1); [|reflexivity|exact Hf|exact E1].
        assert (C2 : after_check c2 None Ds_normal Lk_newline
                     = after_check c None Ds_normal Lk_newline)
          by (unfold c2, c1, after_check; reflexivity).
        rewrite C2, pass_newline. reflexivity.
      * (* a printed word *)
        destruct (expand_defines rest) as [[bs1 out1]|e] eqn:E1; [|discriminate].
        inversion He; subst.
        assert (F : feed_tok true cfg (mB bs) c (Word s f o) = print_word cfg (mB bs) c s f o).
        { cbn [feed_tok feed_word]; unfold feedB_word; rewrite Hf, Hd, is_define_text_spec, Ed.
          reflexivity. }
        rewrite F. unfold print_word.
        assert (L : lead_word (c_last c) (c_out c)
                    = out_app (c_out c) (lead (c_last c) (Word s f o :: out1)))
          by (destruct (c_last c); reflexivity).
        rewrite L, emit_spec, find_mB, pass_rel_cons. cbn [word_failure].
        unfold outcome_of.
        destruct (evaluate cfg (last_define s bs) s) as [v| |k v] eqn:Ev; cbn [lift].
        -- foldB. rewrite (IH rest _ bs' out1); [|exact Hd|exact Hf|exact E1].
           unfold pass_rel; cbn [c_inval c_out c_last].
           destruct (first_failure cfg bs rest); [reflexivity|].
           destruct (c_inval c); [reflexivity|].
           cbn [print]; unfold outcome_of; rewrite Ev.
           destruct (print cfg bs out1); [|reflexivity].
           cbn [result_rel prepend]. rewrite !out_app_app, <- !app_assoc.
           destruct out1 as [|[|s' f' o'] out1']; reflexivity.
        -- foldB. rewrite (IH rest _ bs' out1); [|exact Hd|exact Hf|exact E1].
           unfold pass_rel, first_inval; cbn [c_inval].
           destruct (first_failure cfg bs rest); [reflexivity|].
           destruct (c_inval c); [reflexivity|].
           cbn [print]; unfold outcome_of; rewrite Ev. reflexivity.
        -- apply (feedB_failed' cfg bs _ _ (mk_error k f o v s)); reflexivity.
Qed.


(** ** M1 *)

(** The executable core computes exactly M1's meaning. *)
Theorem assemble_correct : forall cfg inputs,
  M1Exec.assemble cfg inputs = M1Spec.assemble cfg inputs.
Proof.
  intros cfg inputs; unfold M1Exec.assemble, assemble_out.
  rewrite assemble_unfold; unfold tokenize.
  rewrite scan_files_spec.
  destruct (lex_files 0 inputs) as [ts0|e] eqn:Hlex; [|reflexivity].
  cbn [scan_rel].
  pose proof (feedA_any cfg (collapse true ts0) cstate_init) as A.
  unfold feedA_list in A. rewrite A.
  destruct (collapse true ts0) as [|t ts] eqn:Hts; [reflexivity|].
  cbn [negb orb c_any cstate_init].
  pose proof (feedA_defines cfg (t :: ts) cstate_init eq_refl) as D.
  unfold feedA_list in D. rewrite D. cbn [c_defs cstate_init].
  destruct (expand_defines (t :: ts)) as [[bs out]|e] eqn:He; [|reflexivity].
  cbn [defines_rel]. rewrite scan_files_spec, Hlex. cbn [scan_rel]. rewrite Hts.
  fold (mB bs).
  change (feed_list true cfg (mB bs) cstate_init (t :: ts))
    with (feedB_list cfg bs cstate_init (t :: ts)).
  fold (print_result (feedB_list cfg bs cstate_init (t :: ts))).
  rewrite (feedB_spec cfg bs (t :: ts) cstate_init bs out eq_refl eq_refl He).
  unfold pass_rel. destruct (first_failure cfg bs (t :: ts)); [reflexivity|].
  cbn [c_inval cstate_init c_out c_last lead]. rewrite out_app_nil.
  destruct (print cfg bs out) as [b|e']; [|reflexivity].
  cbn [result_rel]. unfold out_app, out_empty. rewrite app_nil_r.
  unfold out_contents; rewrite rev_onto_spec, app_nil_r, rev_involutive; reflexivity.
Qed.
