(** * M1Rejection: every error M1 reports names the token it is about. *)

(** When [M1Spec.assemble] rejects its inputs, the error names an input file and an offset in it
    (docs/contract.md, "M1 error kinds"), except [empty_input], which has no place. This file
    proves that the place is right for every kind: the reader (M1Lex) is between tokens at the
    offset, and the token that starts there is the one the error is about
    ([assemble_error_located], with [m1_error_located] stating the claim kind by kind).
    [macro_name_missing] never occurs (every token stream ends with a line end, so a DEFINE always
    has a name), and [empty_input] is reported exactly when the inputs hold no token at all.

    "Where the reader is" is [reader_at]: the state of M1's reader ([step], the transitions of
    [M1Lex.lex] one byte at a time) after the bytes of the file before the offset. The token at
    an offset is [token_at]: a string is its quote and body up to the next occurrence of the same
    quote; an atom runs to a space, tab, newline or the end of the file, and does not start with
    a quote or a comment character. Through [M1Execproof.assemble_correct] all of this holds for
    the executable core too. *)

From Coq Require Import NArith ZArith List Bool Lia.
From Hexproof.Spec Require Import Common M1Lex M1Eval M1Spec.
From Hexproof.Proofs Require Import ListFacts M1Default.
From Hexproof.Proofs Require M1Properties.
Import ListNotations.
Local Open Scope N_scope.

(** ** Where the reader is *)

(** The reader's state after byte [c] at offset [pos] (M1Lex.lex's transitions). *)
Definition step (pos : N) (st : lex_state) (c : byte) : lex_state :=
  match st with
  | Between =>
      if is_comment_start c then In_comment
      else if is_blank c then Between
      else if N.eqb c ch_lf then Between
      else if is_quote c then In_string c pos [c]
      else In_atom pos [c]
  | In_comment => if is_comment_end c then Between else In_comment
  | In_atom start rt =>
      if is_blank c then Between
      else if N.eqb c ch_lf then Between
      else In_atom start (c :: rt)
  | In_string q start rt => if N.eqb c q then Between else In_string q start (c :: rt)
  end.

Fixpoint run (pos : N) (st : lex_state) (bs : bytes) : lex_state :=
  match bs with
  | [] => st
  | c :: bs' => run (pos + 1) (step pos st c) bs'
  end.

(** The reader's state just before byte [p] of the file [f]. *)
Definition reader_at (f : bytes) (p : N) : lex_state := run 0 Between (firstn (N.to_nat p) f).

Definition byte_at (f : bytes) (p : N) : option byte := nth_error f (N.to_nat p).

(** [text] is the token that starts at [p] in [f], where the reader is between tokens: a string
    (its quote, then its body, which the same quote follows and does not occur in) or an atom
    (no quote or comment character first, no space, tab or newline in it, and a space, tab,
    newline or the end of the file after it). *)
Definition token_at (f : bytes) (p : N) (text : bytes) : Prop :=
  reader_at f p = Between /\
  firstn (length text) (skipn (N.to_nat p) f) = text /\
  match text with
  | [] => False
  | c :: body =>
      if is_quote c then ~ In c body /\ byte_at f (p + N.of_nat (length text)) = Some c
      else is_comment_start c = false /\
           Forall (fun d => is_blank d = false /\ N.eqb d ch_lf = false) text /\
           match byte_at f (p + N.of_nat (length text)) with
           | None => True
           | Some d => is_blank d || N.eqb d ch_lf = true
           end
  end.

(** The word [t] of the token stream is the token at its offset in its file. *)
Definition placed (inputs : list bytes) (t : token) : Prop :=
  match t with
  | Newline => True
  | Word s file o => exists f, nth_error inputs (N.to_nat file) = Some f /\ token_at f o s
  end.

(** ** The claim, kind by kind *)

(** The error [e] is where it says and about what it says (docs/contract.md):
    - [unterminated_string]: a quote starts a token at the offset, and that quote does not occur
      again in the file;
    - [nul_in_token]: the token at the offset contains a NUL byte;
    - [empty_input]: the inputs hold no token (only blanks, comments and line ends); the error
      has no place (file 0, offset 0);
    - [macro_value_missing]: the token at the offset is a [DEFINE] that the DEFINE scan reaches
      (the tokens before it expand without error) and that only one token (the final line end)
      follows;
    - [immediate_out_of_range], [negative_padding]: the token at the offset is the error's
      subject, a word of the program whose evaluation (with the program's DEFINEs) fails with
      that kind and the error's value;
    - [invalid_other]: the token at the offset is the error's subject, a word left after DEFINE
      expansion, and it has no value;
    - [macro_name_missing] and hex2's kinds never occur. *)
Definition m1_error_located (cfg : m1_config) (inputs : list bytes) (e : error) : Prop :=
  let file := err_file e in
  let off := err_offset e in
  let at_offset (P : bytes -> Prop) :=
    exists f, nth_error inputs (N.to_nat file) = Some f /\ (N.to_nat off <= length f)%nat /\ P f in
  match err_kind e with
  | unterminated_string =>
      at_offset (fun f => reader_at f off = Between /\
        exists q, byte_at f off = Some q /\ is_quote q = true /\
                  ~ In q (skipn (N.to_nat off + 1) f))
  | nul_in_token => at_offset (fun f => exists text, token_at f off text /\ In ch_nul text)
  | empty_input => tokenize inputs = Ok [] /\ e = empty_input_error
  | macro_value_missing =>
      at_offset (fun f => token_at f off define_text) /\
      exists ts pre x bs out, tokenize inputs = Ok ts /\
        ts = pre ++ [Word define_text file off; x] /\ expand_defines pre = Ok (bs, out)
  | immediate_out_of_range | negative_padding =>
      at_offset (fun f => token_at f off (err_subject e)) /\
      exists ts bs out, tokenize inputs = Ok ts /\ expand_defines ts = Ok (bs, out) /\
        In (Word (err_subject e) file off) ts /\
        outcome_of cfg bs (err_subject e) = Failure (err_kind e) (err_value e)
  | invalid_other =>
      at_offset (fun f => token_at f off (err_subject e)) /\
      exists ts bs out, tokenize inputs = Ok ts /\ expand_defines ts = Ok (bs, out) /\
        In (Word (err_subject e) file off) out /\
        outcome_of cfg bs (err_subject e) = No_value
  | _ => False
  end.

(** ** The reader, one byte at a time *)

Lemma run_app : forall a b pos st,
  run pos st (a ++ b) = run (pos + N.of_nat (length a)) (run pos st a) b.
Proof.
  induction a as [|c a IH]; intros b pos st.
  - cbn; rewrite N.add_0_r; reflexivity.
  - cbn [app run length]; rewrite IH; f_equal; lia.
Qed.

Lemma byte_at_lt : forall f p c, byte_at f p = Some c -> (N.to_nat p < length f)%nat.
Proof. intros f p c H; apply nth_error_Some; unfold byte_at in H; rewrite H; discriminate. Qed.

Lemma reader_at_next : forall f p c,
  byte_at f p = Some c -> reader_at f (p + 1) = step p (reader_at f p) c.
Proof.
  intros f p c H; unfold reader_at.
  replace (N.to_nat (p + 1)) with (S (N.to_nat p)) by lia.
  rewrite (firstn_snoc f _ c H), run_app, firstn_length_le by (apply byte_at_lt in H; lia).
  cbn [run]; f_equal; lia.
Qed.

(** [rt] (reversed) are the bytes from [start] up to [off]. *)
Definition read_ok (f : bytes) (start off : N) (rt : bytes) : Prop :=
  (N.to_nat start + length rt = N.to_nat off)%nat /\
  firstn (length rt) (skipn (N.to_nat start) f) = rev rt.

Lemma read_ok_push : forall f s off rt c,
  read_ok f s off rt -> byte_at f off = Some c -> read_ok f s (off + 1) (c :: rt).
Proof.
  intros f s off rt c [L F] B; split.
  - cbn [length]; lia.
  - cbn [length rev]. rewrite (firstn_snoc (skipn (N.to_nat s) f) _ c), F; [reflexivity|].
    rewrite nth_error_skipn', L; exact B.
Qed.

(** What the reader's state says about the bytes before [off]. *)
Definition mode_ok (f : bytes) (off : N) (st : lex_state) : Prop :=
  match st with
  | Between | In_comment => True
  | In_atom start rt =>
      reader_at f start = Between /\ read_ok f start off rt /\
      Forall (fun d => is_blank d = false /\ N.eqb d ch_lf = false) rt /\
      exists c0 rest, rev rt = c0 :: rest /\ is_comment_start c0 = false /\ is_quote c0 = false
  | In_string q start rt =>
      reader_at f start = Between /\ read_ok f start off rt /\ is_quote q = true /\
      exists body, rev rt = q :: body /\ ~ In q body
  end.

(** The words the reader makes from file [f] (number [file]) are the tokens at their offsets. *)
Definition word_in (f : bytes) (file : N) (t : token) : Prop :=
  match t with
  | Newline => True
  | Word s file' o => file' = file /\ token_at f o s
  end.

(** The errors the reader can report. *)
Definition lex_error_ok (f : bytes) (file : N) (e : error) : Prop :=
  err_file e = file /\ (N.to_nat (err_offset e) <= length f)%nat /\
  match err_kind e with
  | unterminated_string =>
      reader_at f (err_offset e) = Between /\
      exists q, byte_at f (err_offset e) = Some q /\ is_quote q = true /\
                ~ In q (skipn (N.to_nat (err_offset e) + 1) f)
  | nul_in_token => exists text, token_at f (err_offset e) text /\ In ch_nul text
  | _ => False
  end.

Definition lex_result_ok (f : bytes) (file : N) (r : result (list token)) : Prop :=
  match r with
  | Ok ts => Forall (word_in f file) ts
  | Err e => lex_error_ok f file e
  end.

Lemma emit_newline_ok : forall f file r, lex_result_ok f file r -> lex_result_ok f file (emit_newline r).
Proof. intros f file [ts|e] H; cbn in *; [constructor; [exact I|exact H]|exact H]. Qed.

Lemma has_nul_in : forall s, has_nul s = true -> In ch_nul s.
Proof.
  induction s as [|c s IH]; intros H; [discriminate|].
  cbn in H; destruct (N.eqb_spec c ch_nul) as [->|_]; [left; reflexivity|right; auto].
Qed.

Lemma token_at_le : forall f p text, token_at f p text -> (N.to_nat p <= length f)%nat.
Proof.
  intros f p text [_ [F T]]. destruct text as [|c body]; [contradiction|].
  destruct (le_lt_dec (N.to_nat p) (length f)) as [L|L]; [exact L|].
  rewrite skipn_all2 in F by lia; discriminate.
Qed.

Lemma emit_word_ok : forall f file start text r,
  token_at f start text -> lex_result_ok f file r ->
  lex_result_ok f file (emit_word file start text r).
Proof.
  intros f file start text r T H; unfold emit_word.
  destruct (has_nul text) eqn:N.
  - cbn. split; [reflexivity|]. split; [eapply token_at_le; eauto|].
    exists text; split; [exact T|apply has_nul_in, N].
  - destruct r as [ts|e]; cbn in *; [constructor; [split; [reflexivity|exact T]|exact H]|exact H].
Qed.

(** An atom ended by a blank, a line feed or the end of the file is the token at its start. *)
Lemma atom_token : forall f start off rt,
  mode_ok f off (In_atom start rt) ->
  match byte_at f off with None => True | Some d => is_blank d || N.eqb d ch_lf = true end ->
  token_at f start (rev rt).
Proof.
  intros f start off rt [R [[L F] [A [c0 [rest [E [C Q]]]]]]] B.
  split; [exact R|]. rewrite rev_length; split; [exact F|].
  assert (Len : length (c0 :: rest) = length rt) by (rewrite <- E, rev_length; reflexivity).
  assert (Fa : Forall (fun d => is_blank d = false /\ N.eqb d ch_lf = false) (c0 :: rest))
    by (rewrite <- E; apply Forall_rev, A).
  rewrite E, Q; split; [exact C|]; split; [exact Fa|].
  replace (start + N.of_nat (length rt)) with off by lia. exact B.
Qed.

(** A string ended by its quote is the token at its start. *)
Lemma string_token : forall f q start off rt,
  mode_ok f off (In_string q start rt) -> byte_at f off = Some q -> token_at f start (rev rt).
Proof.
  intros f q start off rt [R [[L F] [Q [body [E N]]]]] B.
  split; [exact R|]. rewrite rev_length; split; [exact F|].
  assert (Len : length (q :: body) = length rt) by (rewrite <- E, rev_length; reflexivity).
  rewrite E, Q; split; [exact N|].
  replace (start + N.of_nat (length rt)) with off by lia. exact B.
Qed.

Lemma firstn_all_eq : forall (l r : bytes) n,
  length l = n -> firstn n l = r -> l = r.
Proof. intros l r n L F; rewrite <- F, <- L, firstn_all; reflexivity. Qed.

(** Reading a file: every word is the token at its offset, and an error is where it says. *)
Lemma lex_ok : forall f file s pos st,
  skipn (N.to_nat pos) f = s -> (N.to_nat pos <= length f)%nat ->
  reader_at f pos = st -> mode_ok f pos st ->
  lex_result_ok f file (lex file pos st s).
Proof.
  intros f file s; induction s as [|c s IH]; intros pos st Sk L R M.
  - assert (E : N.to_nat pos = length f).
    { pose proof (skipn_length (N.to_nat pos) f) as SL. rewrite Sk in SL. cbn in SL. lia. }
    destruct st as [| |start rt|q start rt]; cbn [lex]; try exact (Forall_nil _).
    + apply emit_word_ok; [|exact (Forall_nil _)]. eapply atom_token; [exact M|].
      unfold byte_at; rewrite E, (proj2 (nth_error_None f (length f))); [exact I|lia].
    + destruct M as [Rs [[Ls Fs] [Q [body [Eb Nb]]]]].
      assert (Whole : skipn (N.to_nat start) f = rev rt).
      { apply (firstn_all_eq _ _ (length rt)); [rewrite skipn_length; lia|exact Fs]. }
      unfold lex_result_ok, lex_error_ok, lex_error; cbn [err_file err_offset err_kind].
      split; [reflexivity|]; split; [lia|]; split; [exact Rs|].
      exists q; repeat split; [|exact Q|].
      * unfold byte_at. rewrite <- (Nat.add_0_r (N.to_nat start)), <- nth_error_skipn', Whole, Eb.
        reflexivity.
      * replace (N.to_nat start + 1)%nat with (S (N.to_nat start)) by lia.
        destruct (skipn_next f (N.to_nat start) q body) as [-> _]; [rewrite Whole; exact Eb|].
        exact Nb.
  - destruct (skipn_next _ _ _ _ Sk) as [Sk' B]. change (byte_at f pos = Some c) in B.
    assert (L' : (N.to_nat (pos + 1) <= length f)%nat) by (apply byte_at_lt in B; lia).
    replace (S (N.to_nat pos)) with (N.to_nat (pos + 1)) in Sk' by lia.
    pose proof (reader_at_next f pos c B) as Rn; rewrite R in Rn.
    assert (Go : forall st', step pos st c = st' -> mode_ok f (pos + 1) st' ->
                 lex_result_ok f file (lex file (N.add pos 1) st' s))
      by (intros st' Est Mst; apply IH; [exact Sk'|exact L'|rewrite Rn; exact Est|exact Mst]).
    destruct st as [| |start rt|q start rt]; cbn [lex step] in Go |- *.
    + assert (Bc : firstn 1 (skipn (N.to_nat pos) f) = [c]).
      { unfold byte_at in B; rewrite <- (Nat.add_0_r (N.to_nat pos)), <- nth_error_skipn' in B.
        destruct (skipn (N.to_nat pos) f); [discriminate|injection B as ->; reflexivity]. }
      destruct (is_comment_start c) eqn:C1;
        [apply emit_newline_ok, Go; [rewrite ?C1; reflexivity|exact I]|].
      destruct (is_blank c) eqn:C2; [apply Go; [rewrite ?C1, ?C2; reflexivity|exact I]|].
      destruct (N.eqb c ch_lf) eqn:C3;
        [apply emit_newline_ok, Go; [rewrite ?C1, ?C2, ?C3; reflexivity|exact I]|].
      destruct (is_quote c) eqn:C4; apply Go; try (rewrite ?C1, ?C2, ?C3, ?C4; reflexivity).
      * split; [exact R|]; split; [split; [cbn; lia|exact Bc]|].
        split; [exact C4|]. exists []; split; [reflexivity|intros []].
      * split; [exact R|]; split; [split; [cbn; lia|exact Bc]|].
        split; [constructor; [split; assumption|constructor]|]. exists c, []; repeat split; assumption.
    + destruct (is_comment_end c) eqn:C1; apply Go; try (rewrite ?C1; reflexivity); exact I.
    + destruct (is_blank c) eqn:C1.
      * apply emit_word_ok; [eapply atom_token; [exact M|rewrite B, C1; reflexivity]|].
        apply Go; [rewrite ?C1; reflexivity|exact I].
      * destruct (N.eqb c ch_lf) eqn:C2.
        -- apply emit_word_ok; [eapply atom_token; [exact M|rewrite B, C2, Bool.orb_true_r; reflexivity]|].
           apply emit_newline_ok, Go; [rewrite ?C1, ?C2; reflexivity|exact I].
        -- apply Go; [rewrite ?C1, ?C2; reflexivity|].
           destruct M as [Ra [Rd [A [c0 [rest [E [C Q]]]]]]].
           split; [exact Ra|]; split; [apply read_ok_push; assumption|].
           split; [constructor; [split; assumption|exact A]|].
           exists c0, (rest ++ [c]); split; [cbn [rev]; rewrite E; reflexivity|split; assumption].
    + destruct (N.eqb_spec c q) as [->|Ne].
      * apply emit_word_ok; [eapply string_token; eauto|]. apply Go; [rewrite ?N.eqb_refl; reflexivity|exact I].
      * apply Go; [destruct (N.eqb_spec c q); [contradiction|reflexivity]|].
        destruct M as [Rs [Rd [Q [body [E Nb]]]]].
        split; [exact Rs|]; split; [apply read_ok_push; assumption|]; split; [exact Q|].
        exists (body ++ [c]); split; [cbn [rev]; rewrite E; reflexivity|].
        intros I; apply in_app_or in I; destruct I as [I|[I|[]]]; [exact (Nb I)|congruence].
Qed.

(** ** All files *)

Lemma lex_files_ok : forall inputs n,
  match lex_files n inputs with
  | Ok ts => forall t, In t ts ->
      exists i f, nth_error inputs i = Some f /\ word_in f (n + N.of_nat i) t
  | Err e => exists i f, nth_error inputs i = Some f /\ lex_error_ok f (n + N.of_nat i) e
  end.
Proof.
  induction inputs as [|f fs IH]; intros n; [intros t []|].
  cbn [lex_files].
  pose proof (lex_ok f n f 0 Between eq_refl ltac:(lia) eq_refl I) as F.
  destruct (lex n 0 Between f) as [ts|e]; cbn [lex_result_ok] in F.
  - specialize (IH (N.add n 1)). destruct (lex_files (N.add n 1) fs) as [ts'|e].
    + intros t I; apply in_app_or in I; destruct I as [I|[<-|I]].
      * exists O, f; split; [reflexivity|]. rewrite N.add_0_r.
        rewrite Forall_forall in F; apply F, I.
      * exists O, f; split; [reflexivity|exact I].
      * destruct (IH t I) as [i [g [G P]]]. exists (S i), g; split; [exact G|].
        replace (n + N.of_nat (S i)) with (N.add n 1 + N.of_nat i) by lia; exact P.
    + destruct IH as [i [g [G P]]]. exists (S i), g; split; [exact G|].
      replace (n + N.of_nat (S i)) with (N.add n 1 + N.of_nat i) by lia; exact P.
  - exists O, f; split; [reflexivity|]. rewrite N.add_0_r; exact F.
Qed.

Lemma collapse_in : forall t ts q, In t (collapse q ts) -> In t ts.
Proof.
  intros t ts; induction ts as [|u ts IH]; intros q I; [exact I|].
  destruct u as [|s f o]; cbn [collapse] in I.
  - destruct q; [right; eapply IH; eauto|]. destruct I as [<-|I]; [left; reflexivity|right; eauto].
  - destruct I as [<-|I]; [left; reflexivity|right; eauto].
Qed.

(** Every word of the token stream is the token at its offset in its file. *)
Lemma tokenize_placed : forall inputs ts t,
  tokenize inputs = Ok ts -> In t ts -> placed inputs t.
Proof.
  intros inputs ts t H I; unfold tokenize in H.
  pose proof (lex_files_ok inputs 0) as F.
  destruct (lex_files 0 inputs) as [ts0|e]; [|discriminate]. injection H as <-.
  destruct (F t (collapse_in _ _ _ I)) as [i [f [G W]]].
  destruct t as [|s file o]; [exact Logic.I|]. destruct W as [-> T].
  exists f; rewrite N.add_0_l, Nat2N.id; split; assumption.
Qed.

(** ** The stream ends with a line end *)

Lemma lex_files_last : forall inputs n ts,
  lex_files n inputs = Ok ts -> ts = [] \/ exists ts', ts = ts' ++ [Newline].
Proof.
  induction inputs as [|f fs IH]; intros n ts H; cbn [lex_files] in H.
  - injection H as <-; left; reflexivity.
  - destruct (lex n 0 Between f) as [a|e]; [|discriminate].
    destruct (lex_files (N.add n 1) fs) as [b|e] eqn:B; [|discriminate].
    injection H as <-; right. destruct (IH _ _ B) as [->|[b' ->]].
    + exists a; reflexivity.
    + exists (a ++ Newline :: b'); rewrite <- app_assoc; reflexivity.
Qed.

Lemma collapse_loud : forall ts, ts <> [] -> collapse false ts <> [].
Proof. intros [|[|] ts] H; [contradiction|discriminate|discriminate]. Qed.

Lemma collapse_last : forall ts q,
  collapse q (ts ++ [Newline]) = [] \/ exists out, collapse q (ts ++ [Newline]) = out ++ [Newline].
Proof.
  induction ts as [|t ts IH]; intros q.
  - destruct q; [left|right; exists []]; reflexivity.
  - destruct t as [|s f o]; cbn [app collapse].
    + destruct q; [apply IH|]. right. destruct (IH true) as [-> | [out ->]].
      * exists []; reflexivity.
      * exists (Newline :: out); reflexivity.
    + right. destruct (IH false) as [E | [out ->]].
      * exfalso; revert E; apply collapse_loud; destruct ts; discriminate.
      * exists (Word s f o :: out); reflexivity.
Qed.

Lemma tokenize_last : forall inputs ts,
  tokenize inputs = Ok ts -> ts = [] \/ exists ts', ts = ts' ++ [Newline].
Proof.
  intros inputs ts H; unfold tokenize in H.
  destruct (lex_files 0 inputs) as [ts0|e] eqn:L; [|discriminate]. injection H as <-.
  destruct (lex_files_last _ _ _ L) as [->|[ts' ->]]; [left; reflexivity|apply collapse_last].
Qed.

(** ** DEFINE errors *)

(** A DEFINE error is about a DEFINE the scan reaches, with nothing after it (name missing) or
    one token after it (value missing). *)
Lemma expand_defines_error : forall n ts e,
  (length ts <= n)%nat -> expand_defines ts = Err e ->
  exists pre d rest bs out,
    ts = pre ++ d :: rest /\ is_define d = true /\ expand_defines pre = Ok (bs, out) /\
    ((rest = [] /\ e = define_error macro_name_missing d) \/
     (exists x, rest = [x] /\ e = define_error macro_value_missing d)).
Proof.
  induction n as [|n IH]; intros ts e L H; [destruct ts; [discriminate|cbn in L; lia]|].
  destruct ts as [|t rest]; [discriminate|]. cbn [expand_defines] in H.
  destruct (is_define t) eqn:D.
  - destruct rest as [|name [|value rest']].
    + injection H as <-. exists [], t, [], [], []; repeat split; auto.
    + injection H as <-. exists [], t, [name], [], []; repeat split; auto. right; eauto.
    + destruct (expand_defines rest') as [[bs out]|e'] eqn:E; [discriminate|]. injection H as ->.
      cbn in L. destruct (IH rest' e ltac:(lia) E) as [pre [d [r [bs [out [-> [Dd [Ep C]]]]]]]].
      exists (t :: name :: value :: pre), d, r, ((token_text name, value_text value) :: bs),
        (Newline :: out).
      repeat split; auto. cbn [expand_defines]; rewrite D, Ep; reflexivity.
  - destruct (expand_defines rest) as [[bs out]|e'] eqn:E; [discriminate|]. injection H as ->.
    cbn in L. destruct (IH rest e ltac:(lia) E) as [pre [d [r [bs [out [-> [Dd [Ep C]]]]]]]].
    exists (t :: pre), d, r, bs, (t :: out). repeat split; auto.
    cbn [expand_defines]; rewrite D, Ep; reflexivity.
Qed.

(** The words left after DEFINE expansion are words of the stream. *)
Lemma expand_defines_words : forall n ts bs out t,
  (length ts <= n)%nat -> expand_defines ts = Ok (bs, out) -> In t out -> t = Newline \/ In t ts.
Proof.
  induction n as [|n IH]; intros ts bs out t L H I.
  - destruct ts; [injection H as _ <-; destruct I|cbn in L; lia].
  - destruct ts as [|u rest]; [injection H as _ <-; destruct I|]. cbn [expand_defines] in H.
    destruct (is_define u).
    + destruct rest as [|name [|value rest']]; try discriminate.
      destruct (expand_defines rest') as [[bs' out']|e] eqn:E; [|discriminate].
      injection H as _ <-. destruct I as [<-|I]; [left; reflexivity|].
      cbn in L. destruct (IH rest' bs' out' t ltac:(lia) E I) as [N|N]; [left; exact N|].
      right; right; right; right; exact N.
    + destruct (expand_defines rest) as [[bs' out']|e] eqn:E; [|discriminate].
      injection H as _ <-. destruct I as [<-|I]; [right; left; reflexivity|].
      cbn in L. destruct (IH rest bs' out' t ltac:(lia) E I) as [N|N]; [left; exact N|].
      right; right; exact N.
Qed.

(** ** Evaluation and printing errors *)

Lemma first_failure_some : forall cfg bs ts e,
  first_failure cfg bs ts = Some e ->
  exists s f o k v, In (Word s f o) ts /\ outcome_of cfg bs s = Failure k v /\
                    e = mk_error k f o v s.
Proof.
  intros cfg bs ts; induction ts as [|t ts IH]; intros e H; [discriminate|].
  destruct t as [|s f o]; cbn [first_failure] in H.
  - destruct (IH e H) as [s [f [o [k [v [I R]]]]]]. exists s, f, o, k, v; split; [right|]; auto.
  - destruct (outcome_of cfg bs s) as [v| |k v] eqn:O.
    + destruct (IH e H) as [s' [f' [o' [k [v' [I R]]]]]]. exists s', f', o', k, v'; split; [right|]; auto.
    + destruct (IH e H) as [s' [f' [o' [k [v' [I R]]]]]]. exists s', f', o', k, v'; split; [right|]; auto.
    + injection H as <-. exists s, f, o, k, v; split; [left|]; auto.
Qed.

Lemma first_failure_none : forall cfg bs ts s f o k v,
  first_failure cfg bs ts = None -> In (Word s f o) ts -> outcome_of cfg bs s <> Failure k v.
Proof.
  intros cfg bs ts; induction ts as [|t ts IH]; intros s f o k v H I; [destruct I|].
  destruct t as [|s' f' o']; cbn [first_failure] in H.
  - destruct I as [I|I]; [discriminate|eauto].
  - destruct (outcome_of cfg bs s') as [w| |k' w] eqn:O; try discriminate.
    + destruct I as [I|I]; [injection I as -> _ _; rewrite O; discriminate|eauto].
    + destruct I as [I|I]; [injection I as -> _ _; rewrite O; discriminate|eauto].
Qed.

Lemma print_error : forall cfg bs out e,
  print cfg bs out = Err e ->
  exists s f o, In (Word s f o) out /\ (forall v, outcome_of cfg bs s <> Value v) /\
                e = mk_error invalid_other f o 0 s.
Proof.
  intros cfg bs out; induction out as [|t out IH]; intros e H; [discriminate|].
  destruct t as [|s f o]; cbn [print] in H.
  - destruct (print cfg bs out) as [x|e'] eqn:P; [discriminate|]. injection H as ->.
    destruct (IH e eq_refl) as [s [f [o [I R]]]]. exists s, f, o; split; [right|]; auto.
  - destruct (outcome_of cfg bs s) as [v| |k v] eqn:O.
    + destruct (print cfg bs out) as [x|e'] eqn:P; [discriminate|]. injection H as ->.
      destruct (IH e eq_refl) as [s' [f' [o' [I R]]]]. exists s', f', o'; split; [right|]; auto.
    + injection H as <-. exists s, f, o; split; [left; reflexivity|]. split; [|reflexivity].
      intros v; rewrite O; discriminate.
    + injection H as <-. exists s, f, o; split; [left; reflexivity|]. split; [|reflexivity].
      intros w; rewrite O; discriminate.
Qed.

(** Evaluation fails only with a range error or negative padding. *)
Lemma evaluate_failure : forall cfg d s k v,
  evaluate cfg d s = Failure k v -> k = immediate_out_of_range \/ k = negative_padding.
Proof.
  intros cfg d s k v H. unfold evaluate in H.
  destruct (string_value cfg s); [discriminate|]. destruct d; [discriminate|].
  destruct (immediate cfg s) as [o|] eqn:Im.
  - subst o. left. unfold immediate, express_number, checked_field in Im.
    repeat match type of Im with
    | (match ?x with _ => _ end) = _ => destruct x eqn:?; try discriminate Im
    | context [if ?x then _ else _] => destruct x eqn:?; try discriminate Im
    end; inversion Im; auto.
  - right. unfold other in H.
    repeat match type of H with
    | (match ?x with _ => _ end) = _ => destruct x eqn:?; try discriminate H
    | (if ?x then _ else _) = _ => destruct x eqn:?; try discriminate H
    end; inversion H; auto.
Qed.

(** ** The theorem *)

(** Every error [assemble] reports is where it says and about what it says. *)
Theorem assemble_error_located : forall cfg inputs e,
  assemble cfg inputs = Err e -> m1_error_located cfg inputs e.
Proof.
  intros cfg inputs e H. rewrite assemble_unfold in H.
  destruct (tokenize inputs) as [ts|e'] eqn:T.
  2: { injection H as ->. unfold tokenize in T. pose proof (lex_files_ok inputs 0) as F.
       destruct (lex_files 0 inputs) as [ts0|e']; [discriminate|]. injection T as ->.
       destruct F as [i [f [G [Fe [Le K]]]]]. unfold m1_error_located.
       rewrite Fe, N.add_0_l. destruct (err_kind e); try contradiction.
       all: exists f; rewrite Nat2N.id; split; [exact G|]; split; [exact Le|exact K]. }
  destruct ts as [|t0 ts0].
  { injection H as <-. split; [exact T|reflexivity]. }
  destruct (expand_defines (t0 :: ts0)) as [[bs out]|e'] eqn:X.
  - destruct (first_failure cfg bs (t0 :: ts0)) as [e'|] eqn:FF.
    + (* an evaluation error *)
      injection H as ->.
      destruct (first_failure_some _ _ _ _ FF) as [s [f [o [k [v [I [O ->]]]]]]].
      destruct (tokenize_placed _ _ _ T I) as [g [G Tk]].
      assert (Claim : (exists f0, nth_error inputs (N.to_nat f) = Some f0 /\
                        (N.to_nat o <= length f0)%nat /\ token_at f0 o s) /\
                      exists ts bs0 out0, tokenize inputs = Ok ts /\
                        expand_defines ts = Ok (bs0, out0) /\ In (Word s f o) ts /\
                        outcome_of cfg bs0 s = Failure k v).
      { split; [exists g; split; [exact G|split; [eapply token_at_le; eauto|exact Tk]]|].
        exists (t0 :: ts0), bs, out; repeat split; assumption. }
      unfold m1_error_located; cbn [err_kind err_file err_offset err_value err_subject].
      unfold outcome_of in O. destruct (evaluate_failure _ _ _ _ _ O) as [-> | ->]; exact Claim.
    + (* a word without a value *)
      destruct (print_error _ _ _ _ H) as [s [f [o [I [NV ->]]]]].
      destruct (expand_defines_words (length (t0 :: ts0)) _ _ _ _ (le_n _) X I)
        as [N|I']; [discriminate|].
      destruct (tokenize_placed _ _ _ T I') as [g [G Tk]].
      assert (O : outcome_of cfg bs s = No_value).
      { destruct (outcome_of cfg bs s) as [w| |k w] eqn:O; [exfalso; eapply NV; eauto|reflexivity|].
        exfalso; eapply first_failure_none; eauto. }
      unfold m1_error_located; cbn [err_kind err_file err_offset err_subject].
      split; [exists g; split; [exact G|split; [eapply token_at_le; eauto|exact Tk]]|].
      exists (t0 :: ts0), bs, out; repeat split; assumption.
  - (* a DEFINE error *)
    injection H as ->.
    destruct (expand_defines_error (length (t0 :: ts0)) _ _ (le_n _) X)
      as [pre [d [rest [bs [out [E [D [Ep C]]]]]]]].
    destruct (tokenize_last _ _ T) as [N|[ts' L]]; [discriminate|].
    destruct C as [[-> ->]|[x [-> ->]]].
    + exfalso. rewrite L in E. apply app_inj_tail in E. destruct E as [_ <-]. discriminate D.
    + destruct d as [|s f o]; [discriminate D|]. cbn [is_define] in D.
      apply M1Properties.text_eqb_true in D; subst s.
      assert (I : In (Word define_text f o) (t0 :: ts0))
        by (rewrite E; apply in_or_app; right; left; reflexivity).
      destruct (tokenize_placed _ _ _ T I) as [g [G Tk]].
      unfold m1_error_located; cbn [define_error err_kind err_file err_offset].
      split; [exists g; split; [exact G|split; [eapply token_at_le; eauto|exact Tk]]|].
      exists (t0 :: ts0), pre, x, bs, out; repeat split; assumption.
Qed.
