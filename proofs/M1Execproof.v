(** * M1Execproof: the executable core of M1 computes the specification. *)

(** [assemble_correct] says that [M1Exec.assemble] and [M1Spec.assemble] are the same function.
    The proof goes pass by pass. The output buffer is related to the specification's byte lists
    through [out_app o b], the buffer [o] with [b] appended; the reversed token accumulators
    through [rev]; the lexer's [quiet] flag through [quiet_after], the flag [M1Lex.collapse]
    would have after a list of tokens; the macro [ByteMap] through [add_all] and [find_add]; the
    digit and zero loops through [length] of their counter lists. *)

From Coq Require Import NArith ZArith List Bool Lia.
From Hexproof.Spec Require Import Common Strtoint M1Lex M1Eval M1Spec.
From Hexproof.Proofs Require Import ByteMap OutBuf M1Exec.
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

Lemma push_byte_digits_spec : forall m v o,
  push_low_digits (digit_counter m) m v o
  = out_app o (low_digits (digit_bits m) (digits_per_byte m) v).
Proof. intros; rewrite push_low_digits_spec, digit_counter_length; reflexivity. Qed.

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

Lemma push_zeros_pow_spec : forall ls o,
  push_zeros_pow ls o = out_app o (repeat 48%N (2 ^ length ls)).
Proof.
  induction ls as [|x ls IH]; intros o; [reflexivity|].
  cbn [push_zeros_pow length]; rewrite !IH, out_app_app, <- repeat_app.
  f_equal; f_equal; simpl; lia.
Qed.

Fixpoint downfrom (n : nat) : list N :=
  match n with
  | O => []
  | S n' => N.of_nat n' :: downfrom n'
  end.

Lemma downfrom_length : forall n, length (downfrom n) = n.
Proof. induction n; simpl; congruence. Qed.

Lemma mod_pow2_succ : forall c n,
  (c mod 2 ^ N.of_nat (S n) = 2 ^ N.of_nat n * N.b2n (N.testbit c (N.of_nat n))
                              + c mod 2 ^ N.of_nat n)%N.
Proof.
  intros c n.
  rewrite Nat2N.inj_succ, N.pow_succ_r', N.mul_comm, N.mod_mul_r.
  - rewrite N.testbit_spec'. lia.
  - apply N.pow_nonzero; discriminate.
  - discriminate.
Qed.

Lemma push_zeros_loop_spec : forall n c o,
  push_zeros_loop (downfrom n) c o
  = out_app o (repeat 48%N (N.to_nat (c mod 2 ^ N.of_nat n))).
Proof.
  induction n as [|n IH]; intros c o.
  - simpl. rewrite N.mod_1_r; reflexivity.
  - cbn [downfrom push_zeros_loop]. rewrite IH, mod_pow2_succ.
    destruct (N.testbit c (N.of_nat n)).
    + rewrite push_zeros_pow_spec, out_app_app, <- repeat_app, downfrom_length.
      f_equal; f_equal. cbn [N.b2n]. rewrite N.mul_1_r, N2Nat.inj_add, N2Nat.inj_pow.
      rewrite Nat2N.id. reflexivity.
    + cbn [N.b2n]. rewrite N.mul_0_r, N.add_0_l. reflexivity.
Qed.

Lemma bit_positions_downfrom : bit_positions = downfrom 36.
Proof. reflexivity. Qed.

Lemma push_zeros_spec : forall count o,
  (count < 2 ^ 36)%N -> push_zeros count o = out_app o (repeat 48%N (N.to_nat count)).
Proof.
  intros count o H; unfold push_zeros; rewrite bit_positions_downfrom, push_zeros_loop_spec.
  rewrite N.mod_small; [reflexivity|exact H].
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

Lemma knight_pad_count_bound : forall cfg n, (knight_pad_count cfg n < 2 ^ 36)%N.
Proof.
  intros cfg n; unfold knight_pad_count.
  assert (B : (2 ^ 36 = 68719476736)%N) by reflexivity.
  destruct (m1_arch cfg), (m1_byte_mode cfg); rewrite B; try lia.
  pose proof (N.mod_lt (4 - n mod 4) 4 ltac:(discriminate)). lia.
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
  rewrite push_zeros_spec by apply knight_pad_count_bound.
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
  unfold emit_immediate, immediate; unfold_chars; rewrite !mem_spec.
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
  unfold emit_other, other; unfold_chars; rewrite mem_spec.
  destruct (in_set c _); [rewrite push_all_spec; reflexivity|].
  destruct (N.eqb c 60); [|reflexivity].
  destruct (Z.eqb (strtoint rest) 0); [rewrite push_all_spec; reflexivity|].
  destruct (Z.ltb (strtoint rest) 0) eqn:Neg; [reflexivity|].
  simpl. pose proof (strtoint_range rest) as R.
  apply Z.ltb_ge in Neg.
  rewrite push_zeros_spec.
  - f_equal; f_equal; f_equal.
    rewrite N2Nat.inj_mul, Z_N_nat. f_equal.
    destruct (m1_byte_mode cfg); reflexivity.
  - assert (D : (digits_per_byte_n (m1_byte_mode cfg) <= 8)%N)
      by (destruct (m1_byte_mode cfg); simpl; lia).
    assert (T : (Z.to_N (strtoint rest) < 2147483648)%N) by lia.
    assert (B : (2 ^ 36 = 68719476736)%N) by reflexivity.
    rewrite B. nia.
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

(** The lexer's invariant: the accumulator holds the collapsed tokens so far, reversed. *)
Definition lex_rel (q : bool) (acc : list token) (r : result (list token))
  : result (bool * list token) :=
  match r with
  | Err e => Err e
  | Ok ts => Ok (quiet_after q ts, rev (collapse q ts) ++ acc)
  end.

Lemma lex_rel_newline : forall q acc r,
  lex_rel true (push_newline q acc) r = lex_rel q acc (emit_newline r).
Proof.
  intros q acc [ts|e]; [|reflexivity].
  unfold lex_rel, emit_newline, push_newline; cbn [quiet_after collapse].
  destruct q; [reflexivity|]. cbn [rev]; rewrite <- app_assoc; reflexivity.
Qed.

Lemma lex_rel_word : forall q acc r text file start,
  has_nul text = false ->
  lex_rel false (Word text file start :: acc) r
  = lex_rel q acc (emit_word file start text r).
Proof.
  intros q acc [ts|e] text file start H; unfold emit_word; rewrite H; [|reflexivity].
  unfold lex_rel; cbn [quiet_after collapse rev]; rewrite <- app_assoc; reflexivity.
Qed.

Lemma rev_text_spec : forall l acc, rev_text l acc = rev l ++ acc.
Proof.
  induction l as [|x l IH]; intros acc; [reflexivity|].
  simpl; rewrite IH, <- app_assoc; reflexivity.
Qed.

Ltac close_word :=
  match goal with
  | IH : forall _ _ _ _ _, lex_loop _ _ _ ?s _ _ = _ |- _ =>
      rewrite IH; unfold emit_newline;
      destruct (lex _ _ _ s) as [ts|e]; [|reflexivity];
      unfold lex_rel; cbn [quiet_after collapse rev]; rewrite <- !app_assoc; reflexivity
  end.

Lemma lex_loop_spec : forall s file pos st q acc,
  lex_loop file pos st s q acc = lex_rel q acc (lex file pos st s).
Proof.
  induction s as [|c s IH]; intros file pos st q acc.
  - destruct st as [| |start rt|qc start rt]; cbn [lex_loop lex]; try reflexivity.
    rewrite rev_text_spec, app_nil_r. unfold emit_word.
    destruct (has_nul (rev rt)); reflexivity.
  - destruct st as [| |start rt|qc start rt]; cbn [lex_loop lex].
    + destruct (is_comment_start c).
      { rewrite IH; apply lex_rel_newline. }
      destruct (is_blank c); [apply IH|].
      destruct (N.eqb c ch_lf).
      { rewrite IH; apply lex_rel_newline. }
      destruct (is_quote c); apply IH.
    + destruct (is_comment_end c); apply IH.
    + rewrite rev_text_spec, app_nil_r.
      destruct (is_blank c); [|destruct (N.eqb c ch_lf); [|apply IH]];
        unfold emit_word; (destruct (has_nul (rev rt)); [reflexivity|]); close_word.
    + rewrite rev_text_spec, app_nil_r.
      destruct (N.eqb c qc); [|apply IH].
      unfold emit_word; (destruct (has_nul (rev rt)); [reflexivity|]); close_word.
Qed.

Lemma lex_files_loop_spec : forall inputs file q acc,
  lex_files_loop file inputs q acc = lex_rel q acc (lex_files file inputs).
Proof.
  induction inputs as [|f fs IH]; intros file q acc; [reflexivity|].
  cbn [lex_files_loop lex_files]. rewrite lex_loop_spec.
  destruct (lex file 0 Between f) as [ts|e]; [|reflexivity].
  cbn [lex_rel]; rewrite IH.
  destruct (lex_files (N.add file 1) fs) as [rest|e]; [|reflexivity].
  unfold lex_rel, push_newline.
  rewrite quiet_after_app, collapse_app; cbn [quiet_after collapse].
  destruct (quiet_after q ts); rewrite ?rev_app_distr; cbn [rev];
    rewrite <- ?app_assoc; reflexivity.
Qed.

Lemma rev_tokens_spec : forall l acc, rev_tokens l acc = rev l ++ acc.
Proof.
  induction l as [|t l IH]; intros acc; [reflexivity|].
  simpl; rewrite IH, <- app_assoc; reflexivity.
Qed.

(** ** DEFINE *)


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

Definition defines_rel (m : ByteMap.t bytes) (out : list token)
    (r : result (list binding * list token)) : result (ByteMap.t bytes * list token) :=
  match r with
  | Err e => Err e
  | Ok (bs, o) => Ok (add_all m bs, rev o ++ out)
  end.

Lemma defines_loop_spec : forall ts m out,
  defines_loop ts m out = defines_rel m out (expand_defines ts).
Proof.
  fix IH 1; intros [|t rest] m out; [reflexivity|].
  cbn [defines_loop expand_defines].
  destruct (is_define t).
  - destruct rest as [|name [|value rest2]]; [reflexivity|reflexivity|].
    rewrite IH. destruct (expand_defines rest2) as [[bs o]|e]; [|reflexivity].
    cbn [defines_rel add_all rev]. rewrite <- app_assoc; reflexivity.
  - rewrite IH. destruct (expand_defines rest) as [[bs o]|e]; [|reflexivity].
    cbn [defines_rel rev]. rewrite <- app_assoc; reflexivity.
Qed.

(** ** Evaluation errors and printing *)

Lemma failure_loop_spec : forall cfg bs ts,
  failure_loop cfg (add_all ByteMap.empty bs) ts = first_failure cfg bs ts.
Proof.
  intros cfg bs; induction ts as [|t ts IH]; [reflexivity|].
  destruct t as [|s f off]; cbn [failure_loop first_failure]; [exact IH|].
  rewrite emit_spec, find_defines. unfold outcome_of.
  destruct (evaluate cfg (last_define s bs) s); cbn [lift]; [exact IH|exact IH|reflexivity].
Qed.

Definition print_rel (o : outbuf) (r : result bytes) : result outbuf :=
  match r with
  | Err e => Err e
  | Ok b => Ok (out_app o b)
  end.

Lemma print_loop_spec : forall cfg bs ts o,
  print_loop cfg (add_all ByteMap.empty bs) ts o = print_rel o (print cfg bs ts).
Proof.
  intros cfg bs; induction ts as [|t ts IH]; intros o; [reflexivity|].
  destruct t as [|s f off]; cbn [print_loop print].
  - rewrite IH. destruct (next_is_newline ts); destruct (print cfg bs ts); try reflexivity;
      cbn [print_rel prepend]; rewrite out_push_app, out_app_app; reflexivity.
  - rewrite emit_spec, find_defines. unfold outcome_of.
    destruct (evaluate cfg (last_define s bs) s) as [v| |k v]; cbn [lift]; try reflexivity.
    rewrite IH. destruct (print cfg bs ts); [|reflexivity].
    cbn [print_rel prepend]. rewrite <- app_assoc.
    destruct ts as [|[|s' f' off'] ts']; cbn [push_separator];
      rewrite ?out_push_app, !out_app_app; reflexivity.
Qed.

(** ** M1 *)

(** The executable core computes exactly M1's meaning. *)
Theorem assemble_correct : forall cfg inputs,
  M1Exec.assemble cfg inputs = M1Spec.assemble cfg inputs.
Proof.
  intros cfg inputs; unfold M1Exec.assemble, M1Spec.assemble, tokenize.
  rewrite lex_files_loop_spec.
  destruct (lex_files 0 inputs) as [ts0|e]; [|reflexivity].
  cbn [lex_rel]. rewrite app_nil_r.
  destruct (collapse true ts0) as [|t ts] eqn:Hts; [reflexivity|].
  destruct (rev (t :: ts)) as [|t' racc] eqn:Hr.
  { apply (f_equal (@length token)) in Hr. rewrite rev_length in Hr. discriminate. }
  rewrite <- Hr, rev_tokens_spec, app_nil_r, rev_involutive.
  rewrite defines_loop_spec.
  destruct (expand_defines (t :: ts)) as [[bs out]|e]; [|reflexivity].
  cbn [defines_rel]. rewrite app_nil_r, failure_loop_spec.
  destruct (first_failure cfg bs (t :: ts)); [reflexivity|].
  rewrite rev_tokens_spec, app_nil_r, rev_involutive, print_loop_spec.
  destruct (print cfg bs out) as [b|e]; [|reflexivity].
  cbn [print_rel]. rewrite out_contents_app, out_contents_empty; reflexivity.
Qed.
