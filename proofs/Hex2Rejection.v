(** * Hex2Rejection: every error hex2 reports names the token it is about. *)

(** When [Hex2Spec.link] rejects its inputs, the error names an input file and an offset in it
    (docs/contract.md, "hex2 error kinds"). This file proves that the place is right, for every
    kind: the offset is where the offending token starts (for [undefined_label], where the
    undefined name starts), the reader was between tokens there, and the token there is the one
    the error is about ([link_error_located], with [hex2_error_located] stating the claim kind by
    kind).

    "Where the reader is" is [reader_at]: the state of hex2's own reader ([Hex2Lex.lex_step])
    after the bytes of the file before the offset. A token starts at [p] when the reader is
    between tokens there ([token_starts]). A reference token is [placed] when its sigil is at its
    offset, where a token starts, and its target (and base) name is the name at the offsets
    after it ([name_at]: the bytes up to a space, tab, newline, [>] or the end of the file, or
    the one-byte name [0xFF] at the end of the file (Q)). Through [Hex2Execproof.link_correct]
    all of this holds for the executable core too. *)

From Coq Require Import NArith ZArith List Lia.
From Hexproof.Spec Require Import Common Hex2Lex Hex2Encode Hex2Spec.
From Hexproof.Proofs Require Import Hex2Properties ListFacts Hex2Default.
Import ListNotations.
Local Open Scope N_scope.
Local Open Scope bool_scope.

(** ** Where the reader is *)

(** The reader's state just before byte [p] of the file [f] (number [file]): [Hex2Lex.lex_run]
    of the bytes before it. *)
Definition reader_at (cfg : hex2_config) (file : N) (f : bytes) (p : N) : result lex_state :=
  lex_run cfg file 0 lex_init (firstn (N.to_nat p) f).

(** A token starts at [p]: the reader is between tokens there (neither in a comment, nor in a
    name, nor in a [.] word). *)
Definition token_starts (cfg : hex2_config) (file : N) (f : bytes) (p : N) : Prop :=
  exists st, reader_at cfg file f p = Ok st /\ ls_mode st = lm_data.

Definition byte_at (f : bytes) (p : N) : option N := nth_error f (N.to_nat p).

Definition sigil_of (k : ref_kind) : N :=
  match k with
  | ref_bang => ch_bang
  | ref_at => ch_at
  | ref_dollar => ch_dollar
  | ref_tilde => ch_tilde
  | ref_percent => ch_percent
  | ref_amp => ch_amp
  end.

(** [name] is the name that starts at [p] in [f]: its bytes, none of which ends a name, followed
    by a byte that ends a name or by the end of the file; at the end of the file itself, the
    one-byte name [0xFF] (Q). *)
Definition name_at (f : bytes) (p : N) (name : bytes) : Prop :=
  if Nat.eqb (N.to_nat p) (length f) then name = [eof_name_byte]
  else (N.to_nat p < length f)%nat /\
       firstn (length name) (skipn (N.to_nat p) f) = name /\
       Forall (fun c => ends_name c = false) name /\
       match nth_error f (N.to_nat p + length name) with
       | None => True
       | Some c => ends_name c = true
       end.

(** A reference of kind [k] starts at [p]: a token starts there and the byte there is its
    sigil. *)
Definition ref_starts (cfg : hex2_config) (file : N) (f : bytes) (k : ref_kind) (p : N) : Prop :=
  token_starts cfg file f p /\ byte_at f p = Some (sigil_of k).

(** A reference token read from file [f] (number [file]) is where it says: its sigil at its
    offset, its target name right after, and its base name (if any) after a [>] right after the
    target name. A RISC-V immediate is read only in word mode. *)
Definition placed (cfg : hex2_config) (file : N) (f : bytes) (t : token) : Prop :=
  match t with
  | tok_ref k file' pos n base =>
      file' = file /\ ref_starts cfg file f k pos /\ name_at f (pos + 1) n /\
      match base with
      | None => True
      | Some (bn, bat) =>
          bat = pos + 1 + N.of_nat (length n) + 1 /\ byte_at f (bat - 1) = Some ch_gt /\
          name_at f bat bn
      end
  | tok_wref k file' pos n =>
      file' = file /\ ref_starts cfg file f k pos /\ name_at f (pos + 1) n /\
      word_arch (h2_arch cfg) && is_word_immediate k = true
  | _ => True
  end.

(** The reader is inside the name of the token that starts at [p]. *)
Definition in_name_of (m : lex_mode) (p : N) : Prop :=
  match m with
  | lm_label pos _ | lm_ref _ pos _ | lm_wref _ pos _ | lm_base _ pos _ _ _ => pos = p
  | _ => False
  end.

(** The reader is inside the [.] word that starts at [p]. *)
Definition in_word_of (m : lex_mode) (p : N) : Prop :=
  match m with
  | lm_word pos _ _ | lm_word_comment pos _ _ => pos = p
  | _ => False
  end.

(** A name starts at [p]: a token starts there with [:] or a sigil. *)
Definition name_starts (cfg : hex2_config) (file : N) (f : bytes) (p : N) : Prop :=
  token_starts cfg file f p /\
  (byte_at f p = Some ch_colon \/ exists k, byte_at f p = Some (sigil_of k)).

(** A [.] word starts at [p], in word mode. *)
Definition word_starts (cfg : hex2_config) (file : N) (f : bytes) (p : N) : Prop :=
  token_starts cfg file f p /\ byte_at f p = Some ch_dot /\ word_arch (h2_arch cfg) = true.

(** ** The claim, kind by kind *)

(** The label table [link] uses. *)
Definition link_labels (cfg : hex2_config) (ts : list token) : labels :=
  snd (layout cfg (base_ip cfg) ts []).

(** The address of the token after the tokens [ts1]. *)
Definition address_after (cfg : hex2_config) (ts1 : list token) : N :=
  add32 (base_ip cfg) (sizes cfg (base_ip cfg) ts1).

(** The error [e] is where it says and about what it says (docs/contract.md):
    - [nul_in_name]: a name starts at the offset ([:] or a sigil, where a token starts), and the
      reader meets a NUL byte while it is still in that name;
    - [unterminated_word]: a [.] word starts at the offset, in word mode, and the reader is still
      in it at the end of the file;
    - [undefined_label]: the name at the offset is the error's subject, it is the target name
      (just after the sigil) or the base name (just after the [>]) of a reference placed in the
      file, and no label of the program has that name;
    - [displacement_out_of_range]: a reference field of kind [k] is placed at the offset (its
      sigil there), its labels are defined, its value (the error's value) is what [k], the
      architecture and the labels prescribe at the field's address, and it fails the range check
      of [k];
    - [unaligned_branch_target]: a reference without [>base] is placed at the offset, on armv7l,
      after a [^], and its target (the error's subject) is a defined label whose address is not a
      multiple of 4;
    - [riscv_field_out_of_range]: a RISC-V immediate is placed at the offset, its target is
      defined, and its value (the error's value, [target - address]) does not fit the field;
    - M1's kinds never come from hex2. *)
Definition hex2_error_located (cfg : hex2_config) (inputs : list bytes) (e : error) : Prop :=
  let file := err_file e in
  let off := err_offset e in
  exists f, nth_error inputs (N.to_nat file) = Some f /\ (N.to_nat off <= length f)%nat /\
  match err_kind e with
  | nul_in_name =>
      name_starts cfg file f off /\
      exists j st, byte_at f j = Some ch_nul /\ reader_at cfg file f j = Ok st /\
                   in_name_of (ls_mode st) off
  | unterminated_word =>
      word_starts cfg file f off /\
      exists st, reader_at cfg file f (N.of_nat (length f)) = Ok st /\ in_word_of (ls_mode st) off
  | undefined_label =>
      exists ts, lex_files cfg 0 inputs = Ok ts /\
      ~ In (tok_label (err_subject e)) ts /\
      name_at f off (err_subject e) /\
      exists t, In t ts /\ placed cfg file f t /\
      match t with
      | tok_ref _ _ pos n base =>
          (n = err_subject e /\ off = pos + 1) \/ base = Some (err_subject e, off)
      | tok_wref _ _ pos n => n = err_subject e /\ off = pos + 1
      | _ => False
      end
  | displacement_out_of_range =>
      exists ts ts1 k n base ts2, lex_files cfg 0 inputs = Ok ts /\
      ts = ts1 ++ tok_ref k file off n base :: ts2 /\
      placed cfg file f (tok_ref k file off n base) /\
      ref_fits k (err_value e) = false /\
      let l := link_labels cfg ts in
      exists ta, label_find n l = Some ta /\
      (ref_absolute k = true -> err_value e = s32 ta) /\
      (ref_absolute k = false ->
         match base with
         | Some (bn, _) =>
             exists tb, label_find bn l = Some tb /\ err_value e = wrap32 (Z.of_N ta - Z.of_N tb)
         | None =>
             exists aligned aligned',
               arch_displacement (h2_arch cfg) aligned ta
                 (add32 (address_after cfg ts1) (ref_size k)) = Some (err_value e, aligned')
         end)
  | unaligned_branch_target =>
      exists ts ts1 k ts2, lex_files cfg 0 inputs = Ok ts /\
      ts = ts1 ++ tok_ref k file off (err_subject e) None :: ts2 /\
      placed cfg file f (tok_ref k file off (err_subject e) None) /\
      In tok_align ts1 /\ h2_arch cfg = armv7l /\
      exists ta, label_find (err_subject e) (link_labels cfg ts) = Some ta /\ N.land ta 3 <> 0
  | riscv_field_out_of_range =>
      exists ts ts1 k n ts2, lex_files cfg 0 inputs = Ok ts /\
      ts = ts1 ++ tok_wref k file off n :: ts2 /\
      placed cfg file f (tok_wref k file off n) /\
      exists ta, label_find n (link_labels cfg ts) = Some ta /\
      err_value e = wrap32 (Z.of_N ta - Z.of_N (address_after cfg ts1)) /\
      riscv_field k (err_value e) = None
  | _ => False
  end.

(** ** The reader, one byte at a time *)

Lemma lex_run_app : forall cfg file a b off st,
  lex_run cfg file off st (a ++ b) =
  match lex_run cfg file off st a with
  | Err e => Err e
  | Ok st' => lex_run cfg file (off + N.of_nat (length a)) st' b
  end.
Proof.
  intros cfg file a; induction a as [|c a IH]; intros b off st.
  - cbn; rewrite N.add_0_r; reflexivity.
  - cbn [app lex_run length]. destruct (lex_step cfg file off st c) as [[st' ot]|e]; [|reflexivity].
    rewrite IH. destruct (lex_run cfg file (off + 1) st' a); [|reflexivity].
    f_equal; lia.
Qed.

(** Reading the byte at [p] moves the reader from [reader_at p] to [reader_at (p + 1)]. *)
Lemma reader_at_next : forall cfg file f p c,
  byte_at f p = Some c ->
  reader_at cfg file f (p + 1) =
  match reader_at cfg file f p with
  | Err e => Err e
  | Ok st =>
      match lex_step cfg file p st c with
      | Err e => Err e
      | Ok (st', _) => Ok st'
      end
  end.
Proof.
  intros cfg file f p c H; unfold reader_at, byte_at in *.
  replace (N.to_nat (p + 1)) with (S (N.to_nat p)) by lia.
  rewrite (firstn_snoc f _ c H), lex_run_app.
  assert (L : length (firstn (N.to_nat p) f) = N.to_nat p).
  { apply firstn_length_le, Nat.lt_le_incl, nth_error_Some. rewrite H; discriminate. }
  destruct (lex_run cfg file 0 lex_init (firstn (N.to_nat p) f)) as [st|e]; [|reflexivity].
  rewrite L. cbn [lex_run]. replace (0 + N.of_nat (N.to_nat p)) with p by lia.
  destruct (lex_step cfg file p st c) as [[st' ot]|e]; reflexivity.
Qed.

Lemma rev_append_bytes_rev : forall l acc, rev_append_bytes l acc = rev l ++ acc.
Proof.
  induction l as [|x l IH]; intros acc; [reflexivity|].
  cbn; rewrite IH, <- app_assoc; reflexivity.
Qed.

Lemma name_of_rev_rev : forall rn, name_of_rev rn = rev rn.
Proof. intros rn; unfold name_of_rev; rewrite rev_append_bytes_rev, app_nil_r; reflexivity. Qed.

Lemma ref_kind_of_sigil : forall c k, ref_kind_of c = Some k -> c = sigil_of k.
Proof.
  intros c k H; unfold ref_kind_of in H.
  repeat match type of H with
         | (if ?b then _ else _) = _ => destruct b eqn:?
         end; try discriminate;
  injection H as <-; match goal with E : (_ =? _) = true |- _ => apply N.eqb_eq in E; exact E end.
Qed.

(** ** Names *)

(** The [length rn] bytes before [off], from [start] on, are the reversed name [rn] read so
    far, and none of them ends a name. *)
Definition run_ok (f : bytes) (start off : N) (rn : bytes) : Prop :=
  (N.to_nat start + length rn = N.to_nat off)%nat /\
  firstn (length rn) (skipn (N.to_nat start) f) = rev rn /\
  Forall (fun c => ends_name c = false) rn.

Lemma run_ok_empty : forall f p, run_ok f p p [].
Proof. intros f p; split; [cbn; lia|split; [reflexivity|constructor]]. Qed.

Lemma run_ok_push : forall f s off rn c,
  run_ok f s off rn -> byte_at f off = Some c -> ends_name c = false ->
  run_ok f s (off + 1) (c :: rn).
Proof.
  intros f s off rn c [L [F A]] B E; unfold byte_at in B; repeat split.
  - cbn [length]; lia.
  - cbn [length rev]. rewrite (firstn_snoc (skipn (N.to_nat s) f) _ c), F; [reflexivity|].
    rewrite nth_error_skipn', L; exact B.
  - constructor; assumption.
Qed.

Lemma byte_at_lt : forall f p c, byte_at f p = Some c -> (N.to_nat p < length f)%nat.
Proof. intros f p c H; apply nth_error_Some; unfold byte_at in H; rewrite H; discriminate. Qed.

(** A name read up to a byte that ends it is the name there. *)
Lemma run_ok_name : forall f s off rn c,
  run_ok f s off rn -> byte_at f off = Some c -> ends_name c = true -> name_at f s (rev rn).
Proof.
  intros f s off rn c [L [F A]] B E. pose proof (byte_at_lt _ _ _ B) as Lt.
  unfold name_at. destruct (Nat.eqb_spec (N.to_nat s) (length f)); [lia|].
  rewrite rev_length; repeat split; [lia|exact F| |].
  - apply Forall_rev; exact A.
  - unfold byte_at in B; rewrite L, B; exact E.
Qed.

(** A name read up to the end of the file is the name there ([0xFF] if empty). *)
Lemma run_ok_eof : forall f s off rn,
  run_ok f s off rn -> N.to_nat off = length f -> name_at f s (eof_name rn).
Proof.
  intros f s off rn [L [F A]] E. unfold name_at.
  destruct rn as [|x rn'].
  - cbn in L. destruct (Nat.eqb_spec (N.to_nat s) (length f)); [reflexivity|lia].
  - cbn [length] in L. destruct (Nat.eqb_spec (N.to_nat s) (length f)); [lia|].
    unfold eof_name; rewrite name_of_rev_rev, rev_length; repeat split.
    + lia.
    + exact F.
    + apply Forall_rev; exact A.
    + cbn [length]; rewrite L, E. rewrite (proj2 (nth_error_None f (length f))); [exact I|lia].
Qed.

(** ** The reader's invariant *)

(** What the reader's state says about the bytes before [off]. *)
Definition mode_ok (cfg : hex2_config) (file : N) (f : bytes) (off : N) (st : lex_state) : Prop :=
  match ls_mode st with
  | lm_data | lm_comment => True
  | lm_word pos _ _ | lm_word_comment pos _ _ => word_starts cfg file f pos
  | lm_label pos rn =>
      token_starts cfg file f pos /\ byte_at f pos = Some ch_colon /\ run_ok f (pos + 1) off rn
  | lm_ref k pos rn => ref_starts cfg file f k pos /\ run_ok f (pos + 1) off rn
  | lm_wref k pos rn =>
      ref_starts cfg file f k pos /\ word_arch (h2_arch cfg) && is_word_immediate k = true /\
      run_ok f (pos + 1) off rn
  | lm_base k pos tn bat rn =>
      ref_starts cfg file f k pos /\ name_at f (pos + 1) tn /\
      bat = pos + 1 + N.of_nat (length tn) + 1 /\ byte_at f (bat - 1) = Some ch_gt /\
      run_ok f bat off rn
  end.

(** The errors the reader can report, at the byte at [off] or at the end of the file. *)
Definition lex_error_ok (cfg : hex2_config) (file : N) (f : bytes) (e : error) : Prop :=
  err_file e = file /\
  match err_kind e with
  | nul_in_name =>
      name_starts cfg file f (err_offset e) /\
      exists j st, byte_at f j = Some ch_nul /\ reader_at cfg file f j = Ok st /\
                   in_name_of (ls_mode st) (err_offset e)
  | unterminated_word =>
      word_starts cfg file f (err_offset e) /\
      exists st, reader_at cfg file f (N.of_nat (length f)) = Ok st /\
                 in_word_of (ls_mode st) (err_offset e)
  | _ => False
  end.

(** Destruct the [if]s and [match]es of an equation [H] about the reader's step. *)
Ltac crush_step H :=
  repeat match type of H with
  | (match ?x with _ => _ end) = _ => destruct x eqn:?; try discriminate H
  | (if ?x then _ else _) = _ => destruct x eqn:?; try discriminate H
  end.

Lemma ends_name_gt : ends_name ch_gt = true.
Proof. reflexivity. Qed.

(** Turn the conditions an [if] chain established into equations and facts. *)
Ltac use_conditions :=
  repeat match goal with
  | E : (_ =? _) = true |- _ => apply N.eqb_eq in E; subst
  | E : ref_kind_of _ = Some _ |- _ => apply ref_kind_of_sigil in E; subst
  | E : _ && _ = true |- _ => apply andb_prop in E; destruct E
  | E : _ /\ _ |- _ => destruct E
  end.

(** One byte keeps the invariant, and a token it completes is placed. *)
Lemma step_ok : forall cfg file f off st c st' ot,
  byte_at f off = Some c ->
  reader_at cfg file f off = Ok st ->
  mode_ok cfg file f off st ->
  lex_step cfg file off st c = Ok (st', ot) ->
  mode_ok cfg file f (off + 1) st' /\
  match ot with None => True | Some t => placed cfg file f t end.
Proof.
  intros cfg file f off [m cnt hold] c st' ot B R M H.
  assert (T : ls_mode (mk_lex_state m cnt hold) = lm_data ->
              token_starts cfg file f off) by (intros D; exists (mk_lex_state m cnt hold); auto).
  destruct m; cbn [lex_step ls_mode mode_ok] in H, M, T;
    unfold lex_data, lex_word, lex_continue, lex_emit in H; crush_step H;
    injection H as <- <-; cbn [mode_ok placed ls_mode];
    unfold ref_starts, word_starts in *; use_conditions;
    repeat match goal with
    | |- _ /\ _ => split
    | |- True => exact I
    | |- ?x = ?x => reflexivity
    end;
    rewrite ?name_of_rev_rev;
    try (apply T; reflexivity); try assumption; try apply run_ok_empty;
    try (apply andb_true_intro; split; assumption);
    try (eapply run_ok_push; eauto; fail);
    try (eapply run_ok_name; eauto; fail).
  - match goal with Hr : run_ok _ _ _ _ |- _ => destruct Hr as [Hl _] end.
    rewrite rev_length; lia.
  - replace (off + 1 - 1) with off by lia; exact B.
Qed.

(** A byte the reader rejects is a NUL inside the name of a token that starts where the error
    says. *)
Lemma step_error : forall cfg file f off st c e,
  byte_at f off = Some c ->
  reader_at cfg file f off = Ok st ->
  mode_ok cfg file f off st ->
  lex_step cfg file off st c = Err e ->
  lex_error_ok cfg file f e.
Proof.
  intros cfg file f off [m cnt hold] c e B R M H.
  destruct m; cbn [lex_step ls_mode mode_ok] in H, M;
    unfold lex_data, lex_word, lex_continue, lex_emit in H;
    repeat match type of H with
    | (match ?x with _ => _ end) = _ => destruct x eqn:?; try discriminate H
    | (if ?x then _ else _) = _ => destruct x eqn:?; try discriminate H
    end;
    injection H as <-; unfold ref_starts in M; use_conditions.
  all: split; [reflexivity|]; cbn [lex_error err_kind err_offset].
  all: split; [split; [assumption|eauto]|].
  all: eexists off, _; split; [exact B|]; split; [exact R|]; reflexivity.
Qed.

(** The end of the file: a pending name is placed, a pending [.] word is the error. *)
Lemma finish_ok : forall cfg file f st,
  reader_at cfg file f (N.of_nat (length f)) = Ok st ->
  mode_ok cfg file f (N.of_nat (length f)) st ->
  match lex_finish file st with
  | Ok None => True
  | Ok (Some t) => placed cfg file f t
  | Err e => lex_error_ok cfg file f e
  end.
Proof.
  intros cfg file f [m cnt hold] R M.
  assert (E : N.to_nat (N.of_nat (length f)) = length f) by lia.
  destruct m; cbn [lex_finish ls_mode mode_ok placed] in M |- *; unfold ref_starts in *;
    use_conditions; try exact I;
    try (repeat split; try reflexivity; try assumption; eapply run_ok_eof; eauto; fail).
  - split; [reflexivity|]; split; [exact M|]. eexists; split; [exact R|reflexivity].
  - split; [reflexivity|]; split; [exact M|]. eexists; split; [exact R|reflexivity].
  - repeat split; try reflexivity; try assumption;
      [eapply run_ok_eof; eauto | apply andb_true_intro; auto].
Qed.

(** Reading a file: every token read is placed, and an error is where it says. *)
Lemma lex_bytes_ok : forall cfg file f bs off st,
  skipn (N.to_nat off) f = bs -> (N.to_nat off <= length f)%nat ->
  reader_at cfg file f off = Ok st ->
  mode_ok cfg file f off st ->
  match lex_bytes cfg file off st bs with
  | Ok ts => Forall (placed cfg file f) ts
  | Err e => lex_error_ok cfg file f e
  end.
Proof.
  intros cfg file f bs; induction bs as [|c bs IH]; intros off st Sk L R M.
  - assert (E : off = N.of_nat (length f)).
    { pose proof (skipn_length (N.to_nat off) f) as SL. rewrite Sk in SL. cbn in SL. lia. }
    subst off. cbn [lex_bytes]. pose proof (finish_ok cfg file f st R M) as F.
    destruct (lex_finish file st) as [[t|]|e]; auto.
  - destruct (skipn_next _ _ _ _ Sk) as [S' B]. change (byte_at f off = Some c) in B.
    cbn [lex_bytes]. destruct (lex_step cfg file off st c) as [[st' ot]|e] eqn:E.
    + destruct (step_ok cfg file f off st c st' ot B R M E) as [M' P].
      assert (R' : reader_at cfg file f (off + 1) = Ok st')
        by (rewrite (reader_at_next cfg file f off c B), R, E; reflexivity).
      assert (L' : (N.to_nat (off + 1) <= length f)%nat)
        by (pose proof (byte_at_lt _ _ _ B); lia).
      replace (S (N.to_nat off)) with (N.to_nat (off + 1)) in S' by lia.
      specialize (IH (off + 1) st' S' L' R' M').
      destruct (lex_bytes cfg file (off + 1) st' bs); [|exact IH].
      destruct ot as [t|]; [constructor|]; assumption.
    + eapply step_error; eauto.
Qed.

(** Reading all files: every token read is placed in its file, and an error is where it says. *)
Lemma lex_files_ok : forall cfg inputs n,
  match lex_files cfg n inputs with
  | Ok ts => forall t, In t ts ->
      exists i f, nth_error inputs i = Some f /\ placed cfg (n + N.of_nat i) f t
  | Err e => exists i f, nth_error inputs i = Some f /\ lex_error_ok cfg (n + N.of_nat i) f e
  end.
Proof.
  intros cfg inputs; induction inputs as [|f fs IH]; intros n; [intros t []|].
  cbn [lex_files].
  pose proof (lex_bytes_ok cfg n f f 0 lex_init eq_refl ltac:(lia) eq_refl I) as F.
  destruct (lex_bytes cfg n 0 lex_init f) as [ts|e].
  - specialize (IH (n + 1)). destruct (lex_files cfg (n + 1) fs) as [ts'|e].
    + intros t I; apply in_app_or in I; destruct I as [I|I].
      * exists O, f; split; [reflexivity|]. rewrite N.add_0_r.
        rewrite Forall_forall in F; apply F, I.
      * destruct (IH t I) as [i [g [G P]]]. exists (S i), g; split; [exact G|].
        replace (n + N.of_nat (S i)) with (n + 1 + N.of_nat i) by lia; exact P.
    + destruct IH as [i [g [G P]]]. exists (S i), g; split; [exact G|].
      replace (n + N.of_nat (S i)) with (n + 1 + N.of_nat i) by lia; exact P.
  - exists O, f; split; [reflexivity|]. rewrite N.add_0_r; exact F.
Qed.

(** ** Writing *)

Lemma emit_error_split : forall cfg l ts es e,
  emit cfg l es ts = Err e ->
  exists ts1 t ts2 es1 out1,
    ts = ts1 ++ t :: ts2 /\ emit cfg l es ts1 = Ok (es1, out1) /\ emit_token cfg l es1 t = Err e.
Proof.
  intros cfg l ts; induction ts as [|t ts IH]; intros es e H; [discriminate|].
  cbn [emit] in H. destruct (emit_token cfg l es t) as [[es1 o1]|e'] eqn:E.
  - destruct (emit cfg l es1 ts) as [[es2 o2]|e'] eqn:E2; [discriminate|].
    injection H as ->. destruct (IH es1 e E2) as [ts1 [t' [ts2 [es3 [out3 [A [B C]]]]]]].
    exists (t :: ts1), t', ts2, es3, (o1 ++ out3); repeat split.
    + rewrite A; reflexivity.
    + cbn [emit]; rewrite E, B; reflexivity.
    + exact C.
  - injection H as ->. exists [], t, ts, es, []; repeat split; assumption.
Qed.

Lemma arch_displacement_aligned : forall a al t b d al',
  arch_displacement a al t b = Some (d, al') -> al' = true -> al = true.
Proof.
  intros a al t b d al' H A; subst al'; destruct a; cbn in H;
    repeat match type of H with
    | (if ?x then _ else _) = _ => destruct x eqn:?
    end; inversion H; congruence.
Qed.

(** The [^] flag is set only by a [^]. *)
Lemma emit_aligned : forall cfg l ts es es1 out,
  emit cfg l es ts = Ok (es1, out) -> es_aligned es1 = true ->
  es_aligned es = true \/ In tok_align ts.
Proof.
  intros cfg l ts; induction ts as [|t ts IH]; intros es es1 out H A.
  - injection H as <- _; left; exact A.
  - cbn [emit] in H. destruct (emit_token cfg l es t) as [[es2 o2]|e] eqn:E; [|discriminate].
    destruct (emit cfg l es2 ts) as [[es3 o3]|e] eqn:E2; [|discriminate].
    injection H as -> _. destruct (IH es2 es1 o3 E2 A) as [A2|I]; [|right; right; exact I].
    destruct t; [| | | | | |right; left; reflexivity];
      destruct es as [ip al sr]; unfold emit_token in E; cbn [emit_resolved] in E;
      crush_step E; injection E as <- _; cbn in A2 |- *; auto;
      try (left; eapply arch_displacement_aligned; eauto; fail).
    left; subst b; destruct base as [[bn bp]|]; cbn in Heqr; crush_step Heqr.
    + inversion Heqr; reflexivity.
    + inversion Heqr; subst; eapply arch_displacement_aligned; eauto.
Qed.

Lemma layout_find_some : forall cfg ts ip acc n a,
  label_find n acc = Some a -> exists a', label_find n (snd (layout cfg ip ts acc)) = Some a'.
Proof.
  intros cfg ts; induction ts as [|t ts IH]; intros ip acc n a H; [exists a; exact H|].
  cbn [layout]. destruct t; try (eapply IH; eassumption).
  cbn [label_find]. apply (IH _ _ n (if name_eqb n name then ip else a)).
  cbn [label_find]; destruct (name_eqb n name); [reflexivity|exact H].
Qed.

(** A name the label table does not know is defined by no label. *)
Lemma layout_find_none : forall cfg ts ip acc n,
  label_find n (snd (layout cfg ip ts acc)) = None -> ~ In (tok_label n) ts.
Proof.
  intros cfg ts; induction ts as [|t ts IH]; intros ip acc n H I; [exact I|].
  destruct I as [->|I]; cbn [layout] in H; [|eapply IH; eassumption].
  destruct (layout_find_some cfg ts (next_ip cfg ip (tok_label n)) ((n, ip) :: acc) n ip)
    as [a' F]; [cbn [label_find]; rewrite name_eqb_refl; reflexivity|].
  cbv beta iota in H; rewrite F in H; discriminate.
Qed.

(** armv7l's [^] check is the only displacement that fails. *)
Lemma arch_displacement_none : forall a al t b,
  arch_displacement a al t b = None -> a = armv7l /\ al = true /\ N.land t 3 <> 0.
Proof.
  intros a al t b H; destruct a; cbn in H; try discriminate; try (destruct al; discriminate).
  destruct al; [|discriminate]. destruct (Z.eqb_spec (Z.land (Z.of_N t) 3) 0) as [E|E];
    [discriminate|]. repeat split. intros Z; apply E.
  change 3%Z with (Z.ones 2); change 3 with (N.ones 2) in Z.
  rewrite Z.land_ones by lia; rewrite N.land_ones in Z.
  change (2 ^ 2)%Z with (Z.of_N (2 ^ 2)); rewrite <- N2Z.inj_mod, Z; reflexivity.
Qed.

Lemma byte_at_le : forall f p c, byte_at f p = Some c -> (N.to_nat p <= length f)%nat.
Proof. intros f p c H; apply Nat.lt_le_incl; eapply byte_at_lt; eauto. Qed.

(** ** The theorem *)

(** Every error [link] reports is where it says and about what it says. *)
Theorem link_error_located : forall cfg inputs e,
  link cfg inputs = Err e -> hex2_error_located cfg inputs e.
Proof.
  intros cfg inputs e H. rewrite link_unfold in H.
  pose proof (lex_files_ok cfg inputs 0) as LF.
  destruct (lex_files cfg 0 inputs) as [ts|e'] eqn:L.
  2: { injection H as ->. destruct LF as [i [f [F [Fe K]]]]. unfold hex2_error_located.
       rewrite Fe, N.add_0_l, Nat2N.id. exists f; split; [exact F|].
       destruct (err_kind e); try contradiction; split; try exact K.
       - destruct K as [[_ [B _]] _]; eapply byte_at_le; eauto.
       - destruct K as [[_ [B|[k B]]] _]; eapply byte_at_le; eauto. }
  cbv zeta in H. fold (link_labels cfg ts) in H.
  destruct (emit cfg (link_labels cfg ts) (mk_emit_state (base_ip cfg) false 0) ts)
    as [[es' out]|e'] eqn:EM; [discriminate|]. injection H as ->.
  destruct (emit_error_split _ _ _ _ _ EM) as [ts1 [t [ts2 [es1 [out1 [Ets [E1 Et]]]]]]].
  assert (It : In t ts) by (rewrite Ets; apply in_or_app; right; left; reflexivity).
  destruct (LF t It) as [i [f [F P]]]; rewrite N.add_0_l in P.
  assert (Hip : es_ip (mk_emit_state (base_ip cfg) false 0) < two32N)
    by (apply N.mod_lt; discriminate).
  destruct (emit_size _ _ _ _ _ _ Hip E1) as [S1 [I1 _]]; cbn [es_ip] in S1, I1.
  assert (Ip : es_ip es1 = address_after cfg ts1) by (unfold address_after; rewrite I1, S1; reflexivity).
  pose proof (emit_aligned _ _ _ _ _ _ E1) as Al; cbn [es_aligned] in Al.
  unfold hex2_error_located.
  destruct t as [b|w|name|k file pos n base|k file pos n| |];
    unfold emit_token in Et; destruct es1 as [ip al sr]; cbn [es_ip es_aligned] in Ip, Al;
    cbn [emit_resolved ref_target ref_base lookup es_ip es_aligned es_sr] in Et;
    try discriminate Et; unfold emit_error in Et; cbn [placed] in P; unfold ref_starts in P;
    destruct P as [-> [[Ts Bs] [Nm Rest]]].
  - (* a reference field *)
    destruct (label_find n (link_labels cfg ts)) as [ta|] eqn:Ta.
    2: { injection Et as <-; cbn [err_kind err_file err_offset err_subject]; rewrite Nat2N.id.
         exists f; split; [exact F|]; split; [apply byte_at_lt in Bs; lia|].
         exists ts; split; [exact L|]; split; [eapply layout_find_none; exact Ta|].
         split; [exact Nm|]. exists (tok_ref k (N.of_nat i) pos n base); split; [exact It|].
         split; [repeat split; assumption|]. left; split; reflexivity. }
    destruct base as [[bn bat]|]; cbn [lookup] in Et.
    + destruct Rest as [Bat [Gt Nb]].
      destruct (label_find bn (link_labels cfg ts)) as [tb|] eqn:Tb.
      2: { injection Et as <-; cbn [err_kind err_file err_offset err_subject]; rewrite Nat2N.id.
           exists f; split; [exact F|]; split; [apply byte_at_lt in Gt; lia|].
           exists ts; split; [exact L|]; split; [eapply layout_find_none; exact Tb|].
           split; [exact Nb|]. exists (tok_ref k (N.of_nat i) pos n (Some (bn, bat))).
           split; [exact It|]. split; [repeat split; assumption|]. right; reflexivity. }
      cbv beta iota in Et.
      destruct (ref_fits k _) eqn:Fits; [discriminate|].
      injection Et as <-; cbn [err_kind err_file err_offset err_value]; rewrite Nat2N.id.
      exists f; split; [exact F|]; split; [apply byte_at_lt in Bs; lia|].
      exists ts, ts1, k, n, (Some (bn, bat)), ts2; split; [exact L|]; split; [exact Ets|].
      split; [repeat split; assumption|]. split; [exact Fits|].
      exists ta; split; [exact Ta|]; split.
      * intros A; rewrite A; reflexivity.
      * intros A; rewrite A; exists tb; split; [exact Tb|reflexivity].
    + destruct (arch_displacement (h2_arch cfg) al ta (add32 ip (ref_size k)))
        as [[d al']|] eqn:D.
      * cbv beta iota in Et. destruct (ref_fits k _) eqn:Fits; [discriminate|].
        injection Et as <-; cbn [err_kind err_file err_offset err_value]; rewrite Nat2N.id.
        exists f; split; [exact F|]; split; [apply byte_at_lt in Bs; lia|].
        exists ts, ts1, k, n, None, ts2; split; [exact L|]; split; [exact Ets|].
        split; [repeat split; assumption|]. split; [exact Fits|].
        exists ta; split; [exact Ta|]; split.
        -- intros A; rewrite A; reflexivity.
        -- intros A; rewrite A, <- Ip; exists al, al'; exact D.
      * injection Et as <-; cbn [err_kind err_file err_offset err_subject]; rewrite Nat2N.id.
        destruct (arch_displacement_none _ _ _ _ D) as [Arm [Alt Un]].
        exists f; split; [exact F|]; split; [apply byte_at_lt in Bs; lia|].
        exists ts, ts1, k, ts2; split; [exact L|]; split; [exact Ets|].
        split; [repeat split; assumption|].
        split; [destruct (Al Alt) as [A|A]; [discriminate|exact A]|].
        split; [exact Arm|]. exists ta; split; assumption.
  - (* a RISC-V immediate *)
    destruct (label_find n (link_labels cfg ts)) as [ta|] eqn:Ta.
    2: { injection Et as <-; cbn [err_kind err_file err_offset err_subject]; rewrite Nat2N.id.
         exists f; split; [exact F|]; split; [apply byte_at_lt in Bs; lia|].
         exists ts; split; [exact L|]; split; [eapply layout_find_none; exact Ta|].
         split; [exact Nm|]. exists (tok_wref k (N.of_nat i) pos n); split; [exact It|].
         split; [repeat split; assumption|]. split; reflexivity. }
    apply andb_prop in Rest; destruct Rest as [W Wi].
    assert (Rv : h2_arch cfg = riscv32 \/ h2_arch cfg = riscv64)
      by (destruct (h2_arch cfg); try discriminate W; auto).
    rewrite (arch_displacement_plain (h2_arch cfg))
      in Et by (destruct Rv as [-> | ->]; exact I).
    destruct (riscv_field k _) eqn:R; [discriminate|].
    injection Et as <-; cbn [err_kind err_file err_offset err_value]; rewrite Nat2N.id.
    exists f; split; [exact F|]; split; [apply byte_at_lt in Bs; lia|].
    exists ts, ts1, k, n, ts2; split; [exact L|]; split; [exact Ets|].
    split; [repeat split; try assumption; apply andb_true_intro; auto|].
    exists ta; split; [exact Ta|]; split; [rewrite <- Ip; reflexivity|exact R].
Qed.
