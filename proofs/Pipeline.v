(** * Pipeline: hex2 run on M1's output writes the image of the M1 program's tokens. *)

(** M1 prints each word of a program as text for hex2: numbers and strings as hex digits,
    labels and references as they are, RISC-V instructions as [.] words. Here we say which hex2
    tokens each M1 word stands for, directly from the word and the DEFINE in force
    ([word_tokens]), and prove that hex2, run on the text M1 prints, writes exactly the
    declarative image ([Hex2Image.image]) of the tokens the words stand for, and fails when
    that image does not exist ([m1_hex2_pipeline]). Labels, references with and without
    [>base], [^], [<], RISC-V words and immediates are all included, with any hex2
    architecture, byte order and base address.

    The side conditions, each needed:
    - both tools in hex byte mode: in octal M1 prints a number's digits across byte boundaries
      (the quirk of SEMANTICS.md), so the bytes hex2 reads are not the number's;
    - every word printed has one of the shapes [word_tokens] covers. A shape is left out when
      hex2 reads it differently depending on the words around it: a text with an odd number of
      hex digits (the nibble left over pairs with the next word's), with [#] or [;] (the
      comment swallows the words after it on the line), [<0] or [^ab] ([<] or [^] followed by
      digits), a label or RISC-V immediate name holding [>] (hex2 ends the name there and
      reads the rest as data), a name holding a NUL, a reference with two [>]; and a RISC-V
      [.] word when hex2 is not in word mode (it would read its digits as four bytes).

    How to read the words' meanings: a number's bytes are [M1Hex2.immediate_den] (its value
    masked to the field and put in M1's byte order), a string's [M1Hex2.string_den] (its
    bytes, a NUL, knight's zero padding); text that M1 prints unchanged (a single-quoted
    string's body, a DEFINE value, a label or reference passed through) stands for what hex2
    reads from it on its own ([raw_tokens]). The proof reads M1's output with hex2's reader
    word by word: every covered word leaves the reader between tokens with no half byte, and
    the space or line feed after it ends any name. Token positions (which only place errors)
    are 0 in [word_tokens]; the image does not depend on them. *)

From Coq Require Import NArith ZArith List Bool Lia.
From Hexproof.Spec Require Import Common Strtoint Hex2Lex Hex2Encode Hex2Spec Hex2Image.
From Hexproof.Spec Require Import M1Lex M1Eval M1Spec M1Image.
From Hexproof.Proofs Require Import M1Properties M1Hex2 Hex2Blanks Hex2Imageproof M1Imageproof
  M1Default.
Import ListNotations.

(** ** What each M1 word stands for *)

Definition byte_tokens (zs : list Z) : list Hex2Lex.token :=
  map (fun z => tok_byte (Z.to_N z)) zs.

(** Plain text ([M1Hex2.plain_text]): hex digits and blanks, an even number of digits. *)
Definition plain (x : bytes) : bool := forallb plain_char x && Nat.even (digit_count x).

(** A name hex2 reads whole up to the blank after it: no space, tab, line feed, [>] or NUL. *)
Definition whole_name (n : bytes) : bool :=
  forallb (fun c => negb (ends_name c) && negb (N.eqb c 0)) n.

(** [target>base] cut at its first [>]. *)
Fixpoint split_base (n : bytes) : bytes * option bytes :=
  match n with
  | [] => ([], None)
  | c :: n' =>
      if N.eqb c Hex2Lex.ch_gt then ([], Some n')
      else let (target, base) := split_base n' in (c :: target, base)
  end.

(** The reference [k n]: a RISC-V immediate for [!@$~] in word mode (no [>base] there), else
    a field with its [>base] if any. *)
Definition ref_tokens (hcfg : hex2_config) (k : ref_kind) (n : bytes)
  : option (list Hex2Lex.token) :=
  if word_arch (h2_arch hcfg) && is_word_immediate k then
    if whole_name n then Some [tok_wref k 0 0 n] else None
  else
    match split_base n with
    | (target, None) => if whole_name target then Some [tok_ref k 0 0 target None] else None
    | (target, Some base) =>
        if whole_name target && whole_name base
        then Some [tok_ref k 0 0 target (Some (base, 0%N))] else None
    end.

(** A text M1 prints unchanged: plain text stands for its bytes, [:name] for a label, a sigil
    [!@$~%&] and a name for a reference, [^] and [<] alone for themselves. *)
Definition raw_tokens (hcfg : hex2_config) (x : bytes) : option (list Hex2Lex.token) :=
  if plain x then Some (byte_tokens (read_hex None x))
  else match x with
       | [] => None
       | c :: n =>
           if N.eqb c Hex2Lex.ch_colon then
             if whole_name n then Some [tok_label n] else None
           else match ref_kind_of c, n with
                | Some k, _ => ref_tokens hcfg k n
                | None, [] =>
                    if N.eqb c Hex2Lex.ch_caret then Some [tok_align]
                    else if N.eqb c Hex2Lex.ch_lt then Some [tok_pad] else None
                | None, _ => None
                end
       end.

(** The instruction bits of a RISC-V [!@~] immediate, which M1 prints as a [.] word. *)
Definition riscv_word (cfg : m1_config) (s : bytes) : option Z :=
  match s with
  | c :: rest =>
      if is_riscv (m1_arch cfg) && in_set c [M1Eval.ch_tilde; M1Eval.ch_at; M1Eval.ch_bang]
         && is_number rest
      then Some (riscv_immediate c (strtoint rest)) else None
  | [] => None
  end.

(** An immediate: the word whose four bytes, most significant first, are the instruction bits
    as M1 prints them (hex2 reads [.] words in word mode only), or else the number's bytes. *)
Definition immediate_tokens (cfg : m1_config) (hcfg : hex2_config) (s : bytes)
  : option (list Hex2Lex.token) :=
  match riscv_word cfg s with
  | Some w =>
      if word_arch (h2_arch hcfg)
      then Some [tok_word (le_value (rev (map Z.to_N (number_den cfg 4 w))))] else None
  | None => option_map byte_tokens (immediate_den cfg s)
  end.

(** The stages after strings, for the word [s] with [define] the DEFINE value in force: the
    DEFINE value, as printed unchanged; an immediate; [<N] with [N > 0], N zero bytes; any other
    text as printed unchanged. *)
Definition later_tokens (cfg : m1_config) (hcfg : hex2_config) (define : option bytes)
    (s : bytes) : option (list Hex2Lex.token) :=
  match define with
  | Some x => raw_tokens hcfg x
  | None =>
      match immediate cfg s with
      | Some _ => immediate_tokens cfg hcfg s
      | None =>
          match s with
          | c :: rest =>
              if N.eqb c M1Eval.ch_lt && Z.ltb 0 (strtoint rest)
              then Some (byte_tokens (repeat 0%Z (Z.to_nat (strtoint rest))))
              else raw_tokens hcfg s
          | [] => None
          end
      end
  end.

(** The hex2 tokens an M1 word [s] stands for, in M1's stage order ([M1Eval.evaluate]): a
    double-quoted string's bytes; a single-quoted string's body as printed unchanged; the
    later stages. [None]: not covered. *)
Definition word_tokens (cfg : m1_config) (hcfg : hex2_config) (define : option bytes)
    (s : bytes) : option (list Hex2Lex.token) :=
  match s with
  | c :: body =>
      if N.eqb c 34 then Some (byte_tokens (string_den cfg body))
      else if N.eqb c 39 then raw_tokens hcfg body
      else later_tokens cfg hcfg define s
  | [] => later_tokens cfg hcfg define s
  end.

(** The hex2 tokens of the words of a printed M1 stream, in order. *)
Fixpoint stream_tokens (cfg : m1_config) (hcfg : hex2_config) (items : list item)
    (xs : list M1Lex.token) : option (list Hex2Lex.token) :=
  match xs with
  | [] => Some []
  | Newline :: rest => stream_tokens cfg hcfg items rest
  | Word s _ _ :: rest =>
      match word_tokens cfg hcfg (in_force items s) s, stream_tokens cfg hcfg items rest with
      | Some a, Some b => Some (a ++ b)
      | _, _ => None
      end
  end.

(** The hex2 tokens an M1 program (read as [items], M1Image) stands for. *)
Definition program_tokens (cfg : m1_config) (hcfg : hex2_config) (items : list item)
  : option (list Hex2Lex.token) :=
  stream_tokens cfg hcfg items (printed items).

(** ** hex2's reader, word by word *)

(** The reader between tokens with no half byte. *)
Definition clean : Hex2Lex.lex_state := mk_lex_state lm_data 0 0.

(** Tokens [toks] in front of a reading result. *)
Definition after (toks : list Hex2Lex.token) (r : result (list Hex2Lex.token))
  : result (list Hex2Lex.token) :=
  match r with Ok ts => Ok (toks ++ ts) | Err e => Err e end.

Lemma after_nil : forall r, after [] r = r.
Proof. intros [ts|e]; reflexivity. Qed.

Lemma after_after : forall a b r, after a (after b r) = after (a ++ b) r.
Proof. intros a b [ts|e]; cbn; [rewrite app_assoc|]; reflexivity. Qed.

Lemma lex_bytes_cons : forall hcfg file off st c bs st' ot,
  lex_step hcfg file off st c = Ok (st', ot) ->
  lex_bytes hcfg file off st (c :: bs) =
  after (match ot with None => [] | Some t => [t] end) (lex_bytes hcfg file (off + 1) st' bs).
Proof.
  intros hcfg file off st c bs st' ot H; cbn [lex_bytes]; rewrite H.
  destruct (lex_bytes hcfg file (off + 1) st' bs), ot; reflexivity.
Qed.

Lemma lex_plain_app : forall hcfg file x off p rest,
  h2_byte_mode hcfg = hex_mode -> forallb plain_char x = true ->
  (forall h, p = Some h -> (0 <= h < 16)%Z) ->
  lex_bytes hcfg file off (st_of p) (x ++ rest) =
  after (byte_tokens (read_hex p x))
        (lex_bytes hcfg file (off + N.of_nat (length x)) (st_of (pend p x)) rest).
Proof.
  intros hcfg file x; induction x as [|c x IH]; intros off p rest Hm P Hp.
  - cbn. rewrite N.add_0_r, after_nil; reflexivity.
  - cbn [forallb] in P; apply andb_true_iff in P; destruct P as [Pc P].
    cbn [app read_hex pend length]. rewrite Nat2N.inj_succ, <- N.add_1_l, N.add_assoc.
    destruct (hex_value c) as [d|] eqn:Hc.
    + pose proof (step_digit hcfg file off p c d Hm Hc Hp) as S.
      destruct p as [h|]; rewrite (lex_bytes_cons _ _ _ _ _ _ _ _ S).
      * rewrite IH by (assumption || discriminate). rewrite after_after; reflexivity.
      * rewrite IH by (assumption || (intros h E; injection E as <-;
                                      exact (hex_value_range c d Hc))).
        rewrite after_nil; reflexivity.
    + rewrite (lex_bytes_cons _ _ _ _ _ _ _ _ (step_blank hcfg file off p c Hc Pc)), IH
        by assumption.
      rewrite after_nil; reflexivity.
Qed.

Lemma blank_sep : forall hcfg file off c rest,
  (c = 32 \/ c = 10)%N ->
  lex_bytes hcfg file off clean (c :: rest) = lex_bytes hcfg file (off + 1) clean rest.
Proof.
  intros hcfg file off c rest C.
  rewrite (lex_bytes_cons _ _ _ _ _ _ clean None), after_nil; [reflexivity|].
  apply (step_blank hcfg file off None c);
    destruct C as [-> | ->]; reflexivity.
Qed.

(** Plain text followed by a blank: its bytes, and the reader clean after the blank. *)
Lemma lex_plain_word : forall hcfg file x off c rest,
  h2_byte_mode hcfg = hex_mode -> plain x = true -> (c = 32 \/ c = 10)%N ->
  lex_bytes hcfg file off clean (x ++ c :: rest) =
  after (byte_tokens (read_hex None x))
        (lex_bytes hcfg file (off + N.of_nat (length x) + 1) clean rest).
Proof.
  intros hcfg file x off c rest Hm P C. unfold plain in P; apply andb_true_iff in P.
  destruct P as [P E].
  change clean with (st_of None). rewrite lex_plain_app by (assumption || discriminate).
  rewrite (proj1 (pend_even x) E). change (st_of None) with clean.
  rewrite blank_sep by exact C; reflexivity.
Qed.

Lemma rev_append_bytes_rev : forall l acc, rev_append_bytes l acc = rev l ++ acc.
Proof.
  induction l as [|x l IH]; intros acc; [reflexivity|]. cbn; rewrite IH, <- app_assoc; reflexivity.
Qed.

Lemma name_of_rev_rev : forall n, name_of_rev (rev n) = n.
Proof.
  intros n; unfold name_of_rev; rewrite rev_append_bytes_rev, app_nil_r; apply rev_involutive.
Qed.

Lemma whole_name_char : forall c n, whole_name (c :: n) = true ->
  ends_name c = false /\ (c =? 0)%N = false /\ whole_name n = true.
Proof.
  intros c n H; unfold whole_name in H; cbn [forallb] in H.
  apply andb_true_iff in H; destruct H as [H1 H2]; apply andb_true_iff in H1.
  destruct H1 as [A B]; apply negb_true_iff in A, B; auto.
Qed.

(** The bytes of a whole name, read inside a name: appended to it. *)
Lemma name_run : forall hcfg file (M : bytes -> lex_mode) n off rn rest,
  (forall c rn' off', ends_name c = false -> (c =? 0)%N = false ->
     lex_step hcfg file off' (mk_lex_state (M rn') 0 0) c =
     Ok (mk_lex_state (M (c :: rn')) 0 0, None)) ->
  whole_name n = true ->
  lex_bytes hcfg file off (mk_lex_state (M rn) 0 0) (n ++ rest) =
  lex_bytes hcfg file (off + N.of_nat (length n)) (mk_lex_state (M (rev n ++ rn)) 0 0) rest.
Proof.
  intros hcfg file M n; induction n as [|c n IH]; intros off rn rest Step W.
  - cbn; rewrite N.add_0_r; reflexivity.
  - destruct (whole_name_char c n W) as [E [Hz W']].
    cbn [app]; rewrite (lex_bytes_cons _ _ _ _ _ _ _ _ (Step c rn off E Hz)), after_nil.
    rewrite IH by assumption. cbn [length rev]. rewrite <- app_assoc.
    f_equal. lia.
Qed.

Lemma ends_name_gt : forall c, ends_name c = false -> (c =? Hex2Lex.ch_gt)%N = false.
Proof.
  intros c E; unfold ends_name in E. repeat (apply orb_false_iff in E; destruct E as [E ?]).
  assumption.
Qed.

Ltac step_name :=
  let c0 := fresh "c" in let E := fresh "E" in let Hz := fresh "Hz" in
  intros c0 ? ? E Hz; unfold lex_step, lex_continue; cbn [ls_mode ls_count ls_hold];
  unfold Hex2Lex.ch_nul; rewrite ?(ends_name_gt c0 E), E, Hz; reflexivity.

(** A sigil and a whole name, then a blank: one token, the reader clean after the blank. *)
Lemma lex_label_word : forall hcfg file off n c rest,
  whole_name n = true -> (c = 32 \/ c = 10)%N ->
  lex_bytes hcfg file off clean ((Hex2Lex.ch_colon :: n) ++ c :: rest) =
  after [tok_label n]
        (lex_bytes hcfg file (off + N.of_nat (length (Hex2Lex.ch_colon :: n)) + 1) clean rest).
Proof.
  intros hcfg file off n c rest W C. cbn [app].
  rewrite (lex_bytes_cons _ _ _ _ _ _ (mk_lex_state (lm_label off []) 0 0) None) by reflexivity.
  rewrite after_nil, (name_run hcfg file (lm_label off)) by (step_name || exact W).
  rewrite (lex_bytes_cons _ _ _ _ _ _ clean (Some (tok_label n))).
  - f_equal. f_equal. cbn [length]. unfold byte. rewrite Nat2N.inj_succ. lia.
  - unfold lex_step, lex_emit; cbn [ls_mode ls_count ls_hold].
    rewrite app_nil_r, name_of_rev_rev. destruct C as [-> | ->]; reflexivity.
Qed.

Lemma ref_kind_not_colon : forall c k, ref_kind_of c = Some k -> (c =? Hex2Lex.ch_colon)%N = false.
Proof.
  intros c k H; unfold ref_kind_of in H.
  repeat match type of H with
         | (if ?b then _ else _) = _ => destruct b eqn:?
         end; try discriminate H;
  repeat match goal with E : (c =? _)%N = true |- _ => apply N.eqb_eq in E; subst c end;
  reflexivity.
Qed.

Lemma sigil_step : forall hcfg file off c k,
  ref_kind_of c = Some k ->
  lex_step hcfg file off clean c =
  Ok (mk_lex_state (if word_arch (h2_arch hcfg) && is_word_immediate k then lm_wref k off []
                    else lm_ref k off []) 0 0, None).
Proof.
  intros hcfg file off c k H; unfold lex_step, lex_data, lex_continue; cbn [ls_mode ls_count ls_hold clean].
  rewrite (ref_kind_not_colon c k H), H. destruct (_ && _); reflexivity.
Qed.

Lemma split_base_none : forall n target, split_base n = (target, None) -> n = target.
Proof.
  induction n as [|c n IH]; intros target H; cbn in H; [injection H as <-; reflexivity|].
  destruct (c =? Hex2Lex.ch_gt)%N; [discriminate H|].
  destruct (split_base n) as [t b] eqn:S; injection H as <- ->. f_equal; apply IH; reflexivity.
Qed.

Lemma split_base_some : forall n target base,
  split_base n = (target, Some base) -> n = target ++ Hex2Lex.ch_gt :: base.
Proof.
  induction n as [|c n IH]; intros target base H; cbn in H; [discriminate H|].
  destruct (c =? Hex2Lex.ch_gt)%N eqn:G.
  - injection H as <- <-. apply N.eqb_eq in G; subst; reflexivity.
  - destruct (split_base n) as [t b] eqn:S; injection H as <- ->. cbn; f_equal; apply IH; reflexivity.
Qed.

Ltac len_lia := cbn [length] in *; rewrite ?app_length in *; cbn [length] in *; unfold byte in *;
  rewrite ?Nat2N.inj_succ, ?Nat2N.inj_add in *; cbn [N.of_nat] in *; lia.

Lemma ends_blank : forall c, (c = 32 \/ c = 10)%N -> ends_name c = true /\ (c =? Hex2Lex.ch_gt)%N = false.
Proof. intros c [-> | ->]; split; reflexivity. Qed.

(** A reference printed unchanged, then a blank. *)
Lemma lex_ref_word : forall hcfg file off c0 k n m c rest,
  ref_kind_of c0 = Some k -> ref_tokens hcfg k n = Some m -> (c = 32 \/ c = 10)%N ->
  exists toks, map erase_token toks = m /\
    lex_bytes hcfg file off clean ((c0 :: n) ++ c :: rest) =
    after toks (lex_bytes hcfg file (off + N.of_nat (length (c0 :: n)) + 1) clean rest).
Proof.
  intros hcfg file off c0 k n m c rest K R C.
  destruct (ends_blank c C) as [Eb Gb].
  cbn [app]; rewrite (lex_bytes_cons _ _ _ _ _ _ _ _ (sigil_step hcfg file off c0 k K)), after_nil.
  unfold ref_tokens in R. destruct (word_arch (h2_arch hcfg) && is_word_immediate k).
  - destruct (whole_name n) eqn:W; [|discriminate R]. injection R as <-.
    rewrite (name_run hcfg file (lm_wref k off)) by (step_name || exact W).
    exists [tok_wref k file off n]; split; [reflexivity|].
    rewrite (lex_bytes_cons _ _ _ _ _ _ clean (Some (tok_wref k file off n))).
    + f_equal; f_equal; len_lia.
    + unfold lex_step, lex_emit; cbn [ls_mode ls_count ls_hold].
      rewrite Eb, app_nil_r, name_of_rev_rev; reflexivity.
  - destruct (split_base n) as [target [base|]] eqn:S.
    + apply split_base_some in S; subst n.
      destruct (whole_name target) eqn:Wt, (whole_name base) eqn:Wb; try discriminate R.
      injection R as <-. rewrite <- app_assoc; cbn [app].
      rewrite (name_run hcfg file (lm_ref k off)) by (step_name || exact Wt).
      rewrite (lex_bytes_cons _ _ _ _ _ _
                 (mk_lex_state (lm_base k off target
                                  (off + 1 + N.of_nat (length target) + 1)%N []) 0 0) None)
        by (unfold lex_step, lex_continue; cbn; rewrite app_nil_r, name_of_rev_rev; reflexivity).
      rewrite after_nil, (name_run hcfg file (lm_base k off target _)) by (step_name || exact Wb).
      exists [tok_ref k file off target (Some (base, (off + 1 + N.of_nat (length target) + 1)%N))].
      split; [reflexivity|].
      rewrite (lex_bytes_cons _ _ _ _ _ _ clean
                 (Some (tok_ref k file off target
                          (Some (base, (off + 1 + N.of_nat (length target) + 1)%N))))).
      * f_equal; f_equal; len_lia.
      * unfold lex_step, lex_emit; cbn [ls_mode ls_count ls_hold].
        rewrite Eb, app_nil_r, name_of_rev_rev; reflexivity.
    + apply split_base_none in S; subst n.
      destruct (whole_name target) eqn:Wt; [|discriminate R]. injection R as <-.
      rewrite (name_run hcfg file (lm_ref k off)) by (step_name || exact Wt).
      exists [tok_ref k file off target None]; split; [reflexivity|].
      rewrite (lex_bytes_cons _ _ _ _ _ _ clean (Some (tok_ref k file off target None))).
      * f_equal; f_equal; len_lia.
      * unfold lex_step, lex_emit; cbn [ls_mode ls_count ls_hold].
        rewrite Gb, Eb, app_nil_r, name_of_rev_rev; reflexivity.
Qed.

(** Any text M1 prints unchanged, of a covered shape, then a blank. *)
Lemma lex_raw_word : forall hcfg file off x m c rest,
  h2_byte_mode hcfg = hex_mode ->
  raw_tokens hcfg x = Some m -> (c = 32 \/ c = 10)%N ->
  exists toks, map erase_token toks = m /\
    lex_bytes hcfg file off clean (x ++ c :: rest) =
    after toks (lex_bytes hcfg file (off + N.of_nat (length x) + 1) clean rest).
Proof.
  intros hcfg file off x m c rest Hm R C. unfold raw_tokens in R.
  destruct (plain x) eqn:P.
  - injection R as <-. exists (byte_tokens (read_hex None x)); split.
    + unfold byte_tokens; rewrite map_map; reflexivity.
    + apply lex_plain_word; assumption.
  - destruct x as [|c0 n]; [discriminate R|].
    destruct (c0 =? Hex2Lex.ch_colon)%N eqn:Co.
    + apply N.eqb_eq in Co; subst c0.
      destruct (whole_name n) eqn:W; [|discriminate R]. injection R as <-.
      exists [tok_label n]; split; [reflexivity|]. apply lex_label_word; assumption.
    + destruct (ref_kind_of c0) as [k|] eqn:K; [apply (lex_ref_word hcfg file off c0 k n m c rest K R C)|].
      destruct n as [|? ?]; [|discriminate R].
      assert (Step : forall t, (t = tok_align \/ t = tok_pad) -> Some [t] = Some m ->
                lex_step hcfg file off clean c0 = Ok (clean, Some t) ->
                exists toks, map erase_token toks = m /\
                  lex_bytes hcfg file off clean ([c0] ++ c :: rest) =
                  after toks (lex_bytes hcfg file (off + N.of_nat (length [c0]) + 1) clean rest)).
      { intros t T E S. injection E as <-. exists [t]; split; [destruct T as [-> | ->]; reflexivity|].
        cbn [app]; rewrite (lex_bytes_cons _ _ _ _ _ _ _ _ S), blank_sep by exact C.
        f_equal; f_equal; len_lia. }
      destruct (c0 =? Hex2Lex.ch_caret)%N eqn:Ca.
      * apply N.eqb_eq in Ca; subst c0. apply (Step tok_align); [left; reflexivity | exact R |].
        reflexivity.
      * destruct (c0 =? Hex2Lex.ch_lt)%N eqn:Lt; [|discriminate R].
        apply N.eqb_eq in Lt; subst c0. apply (Step tok_pad); [right; reflexivity | exact R |].
        reflexivity.
Qed.

(** ** RISC-V [.] words *)

Lemma le_value_app : forall a b,
  le_value (a ++ b) = (le_value a + 256 ^ N.of_nat (length a) * le_value b)%N.
Proof.
  induction a as [|x a IH]; intros b; cbn [app le_value length].
  - rewrite N.pow_0_r; lia.
  - rewrite IH, Nat2N.inj_succ, N.pow_succ_r'. lia.
Qed.

Lemma le_value_lt : forall l, Forall (fun b => (b < 256)%N) l ->
  (le_value l < 256 ^ N.of_nat (length l))%N.
Proof.
  induction l as [|x l IH]; intros F; cbn [le_value length]; [reflexivity|].
  inversion F as [|? ? Hx Fl]; subst. specialize (IH Fl).
  rewrite Nat2N.inj_succ, N.pow_succ_r'. nia.
Qed.

Lemma word_push_add : forall acc raw, (raw < 256)%N ->
  word_push acc raw = ((acc * 256 + raw) mod 4294967296)%N.
Proof.
  intros acc raw R; unfold word_push.
  rewrite N.shiftl_mul_pow2. change (2 ^ 8)%N with 256%N.
  rewrite <- N.add_nocarry_lxor.
  - change 4294967295%N with (N.ones 32). rewrite N.land_ones. reflexivity.
  - assert (E : raw = N.land raw (N.ones 8))
      by (rewrite N.land_ones, N.mod_small; [reflexivity | exact R]).
    rewrite E, (N.land_comm raw), N.land_assoc, N.land_ones.
    change (2 ^ 8)%N with 256%N. rewrite N.mod_mul by discriminate. reflexivity.
Qed.

Lemma fold_word_push : forall bs acc, Forall (fun b => (b < 256)%N) bs -> (acc < 4294967296)%N ->
  fold_left word_push bs acc =
  ((acc * 256 ^ N.of_nat (length bs) + le_value (rev bs)) mod 4294967296)%N.
Proof.
  induction bs as [|b bs IH]; intros acc F A; cbn [fold_left length rev].
  - rewrite N.mul_1_r, N.add_0_r, N.mod_small by exact A; reflexivity.
  - inversion F as [|? ? Hb Fb]; subst.
    rewrite IH by (assumption || (rewrite word_push_add by exact Hb; apply N.mod_lt; discriminate)).
    rewrite word_push_add by exact Hb.
    rewrite <- (N.add_mod_idemp_l ((_ mod _) * _)), N.mul_mod_idemp_l, N.add_mod_idemp_l
      by discriminate.
    rewrite le_value_app, rev_length; cbn [le_value].
    rewrite Nat2N.inj_succ, N.pow_succ_r'. f_equal. lia.
Qed.

Lemma digit_char_facts : forall d, (0 <= d < 16)%Z ->
  ref_kind_of (digit_char d) = None /\ Hex2Lex.digit_value hex_mode (digit_char d) = Some (Z.to_N d).
Proof.
  intros d R. destruct (hex_digit_facts (digit_char d) d (hex_value_digit d R)) as (_ & K & _ & _ & _ & V).
  split; assumption.
Qed.

Lemma nibble_range : forall y, (0 <= Z.land y 15 < 16)%Z.
Proof.
  intros y; change 15%Z with (Z.ones 4); rewrite Z.land_ones by lia.
  apply Z.mod_pos_bound; lia.
Qed.

Lemma nibbles_byte : forall y,
  (Z.to_N (Z.land (Z.shiftr y 4) 15) * 16 + Z.to_N (Z.land y 15))%N = Z.to_N (Z.land y 255).
Proof.
  intros y. change 15%Z with (Z.ones 4); change 255%Z with (Z.ones 8).
  rewrite !Z.land_ones, Z.shiftr_div_pow2 by lia. change (2 ^ 4)%Z with 16%Z.
  change (2 ^ 8)%Z with 256%Z. rewrite <- byte_split.
  pose proof (Z.mod_pos_bound (y / 16) 16 ltac:(lia)).
  pose proof (Z.mod_pos_bound y 16 ltac:(lia)).
  rewrite Z2N.inj_add, Z2N.inj_mul by lia. rewrite N.mul_comm. reflexivity.
Qed.

(** Two hex digits inside a [.] word: one more byte of it. *)
Lemma word_pair : forall hcfg file off pos cnt acc y rest,
  h2_byte_mode hcfg = hex_mode ->
  lex_bytes hcfg file off (mk_lex_state (lm_word pos cnt acc) 0 0) (low_digits 4 2 y ++ rest) =
  if (cnt + 1 =? 4)%N
  then after [tok_word (word_push acc (Z.to_N (Z.land y 255)))]
             (lex_bytes hcfg file (off + 2) clean rest)
  else lex_bytes hcfg file (off + 2)
         (mk_lex_state (lm_word pos (cnt + 1) (word_push acc (Z.to_N (Z.land y 255)))) 0 0) rest.
Proof.
  intros hcfg file off pos cnt acc y rest Hm. cbn [low_digits app].
  change (2 ^ 4 - 1)%Z with 15%Z.
  destruct (digit_char_facts _ (nibble_range (Z.shiftr y 4))) as [_ V1].
  destruct (digit_char_facts _ (nibble_range y)) as [_ V2].
  rewrite (lex_bytes_cons _ _ _ _ _ _
             (mk_lex_state (lm_word pos cnt acc) 1 (Z.to_N (Z.land (Z.shiftr y 4) 15))) None)
    by (unfold lex_step, lex_word; cbn [ls_mode ls_count ls_hold]; rewrite Hm, V1; reflexivity).
  rewrite after_nil.
  set (acc' := word_push acc (Z.to_N (Z.land y 255))).
  rewrite (lex_bytes_cons _ _ _ _ _ _
             (if (cnt + 1 =? 4)%N then clean else mk_lex_state (lm_word pos (cnt + 1) acc') 0 0)
             (if (cnt + 1 =? 4)%N then Some (tok_word acc') else None)).
  - replace (off + 1 + 1)%N with (off + 2)%N by lia.
    destruct (cnt + 1 =? 4)%N; [reflexivity | apply after_nil].
  - unfold lex_step, lex_word; cbn [ls_mode ls_count ls_hold]; rewrite Hm, V2.
    unfold digit_step; cbn [digits_per_byte digit_radix]. change (1 + 1 =? 2)%N with true.
    cbv iota beta zeta. rewrite nibbles_byte. fold acc'.
    destruct (cnt + 1 =? 4)%N; reflexivity.
Qed.

Lemma word_digits : forall hcfg file ys cnt acc pos off rest,
  h2_byte_mode hcfg = hex_mode -> (cnt + length ys = 4)%nat -> ys <> [] ->
  lex_bytes hcfg file off (mk_lex_state (lm_word pos (N.of_nat cnt) acc) 0 0)
            (concat (map (low_digits 4 2) ys) ++ rest) =
  after [tok_word (fold_left word_push (map (fun y => Z.to_N (Z.land y 255)) ys) acc)]
        (lex_bytes hcfg file (off + N.of_nat (2 * length ys)) clean rest).
Proof.
  intros hcfg file ys; induction ys as [|y ys IH]; intros cnt acc pos off rest Hm L NE;
    [contradiction|].
  cbn [map concat fold_left length]. rewrite <- app_assoc, word_pair by exact Hm.
  destruct ys as [|y' ys'].
  - cbn [length] in L. replace cnt with 3%nat by lia. reflexivity.
  - replace (N.of_nat cnt + 1 =? 4)%N with false by (symmetry; apply N.eqb_neq; cbn [length] in L; lia).
    replace (N.of_nat cnt + 1)%N with (N.of_nat (S cnt)) by lia.
    rewrite IH by (exact Hm || discriminate || (cbn [length] in *; lia)).
    f_equal. f_equal. len_lia.
Qed.

Lemma number_text_hex : forall be w v,
  number_text hex_mode be w v =
  concat (map (low_digits 4 2) (if be then rev (shifts w v) else shifts w v)).
Proof.
  intros be w v; unfold number_text; rewrite groups_hex. destruct be; [rewrite map_rev|]; reflexivity.
Qed.

Lemma groups_length : forall l, length (concat (map (low_digits 4 2) l)) = (2 * length l)%nat.
Proof.
  induction l as [|y l IH]; [reflexivity|]. cbn [map concat]. rewrite app_length, IH.
  cbn [length low_digits app]. lia.
Qed.

Lemma shifts_length : forall w v, length (shifts w v) = w.
Proof. induction w as [|w IH]; intros v; cbn; [reflexivity | rewrite IH; reflexivity]. Qed.

Lemma byte_lt : forall y, (Z.to_N (Z.land y 255) < 256)%N.
Proof.
  intros y. change 255%Z with (Z.ones 8). rewrite Z.land_ones by lia.
  change (2 ^ 8)%Z with 256%Z. pose proof (Z.mod_pos_bound y 256 ltac:(lia)) as B.
  apply N2Z.inj_lt. rewrite Z2N.id by lia. cbn. lia.
Qed.

(** A RISC-V instruction word as M1 prints it, then a blank, in word mode: one [.] word. *)
Lemma lex_riscv_word : forall hcfg file off cfg w c rest,
  h2_byte_mode hcfg = hex_mode -> word_arch (h2_arch hcfg) = true -> (c = 32 \/ c = 10)%N ->
  let x := M1Eval.ch_dot :: number_text hex_mode (m1_big_endian cfg) 4 w in
  lex_bytes hcfg file off clean (x ++ c :: rest) =
  after [tok_word (le_value (rev (map Z.to_N (number_den cfg 4 w))))]
        (lex_bytes hcfg file (off + N.of_nat (length x) + 1) clean rest).
Proof.
  intros hcfg file off cfg w c rest Hm Wa C x. subst x. cbn [app].
  rewrite (lex_bytes_cons _ _ _ _ _ _ (mk_lex_state (lm_word off 0 0) 0 0) None)
    by (unfold lex_step, lex_data, lex_continue; cbn [ls_mode ls_count ls_hold clean];
        rewrite Wa; reflexivity).
  rewrite after_nil, number_text_hex.
  set (ys := if m1_big_endian cfg then rev (shifts 4 w) else shifts 4 w).
  assert (Ly : length ys = 4%nat)
    by (unfold ys; destruct (m1_big_endian cfg); rewrite ?rev_length; apply shifts_length).
  change (mk_lex_state (lm_word off 0 0) 0 0) with (mk_lex_state (lm_word off (N.of_nat 0) 0) 0 0).
  rewrite word_digits by (exact Hm || (rewrite Ly; reflexivity) ||
                          (intros E; rewrite E in Ly; discriminate Ly)).
  rewrite blank_sep by exact C.
  assert (Ew : map Z.to_N (number_den cfg 4 w) = map (fun y => Z.to_N (Z.land y 255)) ys).
  { unfold number_den, number_bytes, ys. destruct (m1_big_endian cfg);
      rewrite ?map_rev, map_map; reflexivity. }
  assert (Fb : Forall (fun b => (b < 256)%N) (map (fun y => Z.to_N (Z.land y 255)) ys)).
  { apply Forall_forall; intros b I; apply in_map_iff in I; destruct I as [y [<- _]].
    apply byte_lt. }
  rewrite Ew, fold_word_push by (exact Fb || reflexivity).
  rewrite N.mul_0_l, N.add_0_l, N.mod_small.
  - f_equal. f_equal. f_equal. cbn [length]. rewrite groups_length. len_lia.
  - pose proof (le_value_lt _ (Forall_rev Fb)) as Lt.
    rewrite rev_length, map_length, Ly in Lt. exact Lt.
Qed.

(** ** Digits M1 prints are plain *)

Lemma plain_app : forall a b, plain a = true -> plain b = true -> plain (a ++ b) = true.
Proof.
  intros a b Ha Hb; unfold plain, digit_count in *.
  apply andb_true_iff in Ha, Hb; destruct Ha as [Pa Ea], Hb as [Pb Eb].
  rewrite forallb_app, filter_app, app_length, Nat.even_add, Pa, Pb, Ea, Eb; reflexivity.
Qed.

Lemma plain_digit_pair : forall y, plain (low_digits 4 2 y) = true.
Proof.
  intros y; cbn [low_digits app]. change (2 ^ 4 - 1)%Z with 15%Z.
  pose proof (hex_value_digit _ (nibble_range (Z.shiftr y 4))) as H1.
  pose proof (hex_value_digit _ (nibble_range y)) as H2.
  unfold plain, digit_count, plain_char, is_hex_digit; cbn [forallb filter]. rewrite H1, H2.
  reflexivity.
Qed.

Lemma plain_groups : forall l, plain (concat (map (low_digits 4 2) l)) = true.
Proof.
  induction l as [|y l IH]; [reflexivity|]. cbn [map concat].
  apply plain_app; [apply plain_digit_pair | exact IH].
Qed.

Lemma plain_number : forall be w v, plain (number_text hex_mode be w v) = true.
Proof. intros; rewrite number_text_hex; apply plain_groups. Qed.

Lemma plain_zeros : forall k, plain (repeat 48%N (2 * k)) = true.
Proof.
  induction k as [|k IH]; [reflexivity|].
  replace (2 * S k)%nat with (S (S (2 * k))) by lia.
  change (repeat 48%N (S (S (2 * k)))) with ([48; 48]%N ++ repeat 48%N (2 * k)).
  apply plain_app; [reflexivity | exact IH].
Qed.

Lemma plain_string_digits : forall s, plain (string_digits hex_mode s) = true.
Proof.
  induction s as [|b s IH]; [reflexivity|]. cbn [string_digits].
  apply plain_app; [apply plain_digit_pair|]. apply (plain_app [32%N]); [reflexivity | exact IH].
Qed.

Lemma plain_hexify : forall cfg body, m1_byte_mode cfg = hex_mode -> plain (hexify cfg body) = true.
Proof.
  intros cfg body Hm; unfold hexify, knight_padding; rewrite Hm.
  apply plain_app; [apply plain_string_digits|].
  destruct (m1_arch cfg); try reflexivity. apply plain_zeros.
Qed.

(** ** Immediates *)

Lemma express_number_text : forall cfg c x v,
  express_number cfg c x = Value v ->
  exists w y, v = number_text (m1_byte_mode cfg) (m1_big_endian cfg) w y.
Proof.
  intros cfg c x v H; unfold express_number, checked_field in H.
  repeat match type of H with
         | (if ?b then _ else _) = _ => destruct b
         end; try discriminate H; injection H as <-; eauto.
Qed.

Lemma immediate_plain : forall cfg s v,
  m1_byte_mode cfg = hex_mode -> immediate cfg s = Some (Value v) -> riscv_word cfg s = None ->
  exists zs, immediate_den cfg s = Some zs /\ plain v = true /\ read_hex None v = zs.
Proof.
  intros cfg s v Hm H R. destruct s as [|c rest]; [discriminate H|].
  unfold immediate in H; unfold immediate_den, riscv_word in *.
  destruct (c =? M1Eval.ch_lt)%N; [discriminate H|].
  assert (En : forall c' x, express_number cfg c' x = Value v ->
             plain v = true /\ read_hex None v = field_den cfg c' x).
  { intros c' x E. destruct (express_number_text _ _ _ _ E) as [w [y ->]].
    rewrite Hm; split; [apply plain_number|]. apply (express_den cfg c' x); [exact Hm|].
    rewrite <- Hm; exact E. }
  destruct (is_riscv (m1_arch cfg)).
  - destruct (in_set c _ && is_number rest) eqn:I; [|discriminate H].
    injection H as <-. eexists; split; [reflexivity|].
    unfold express_word. rewrite Hm.
    destruct (c =? M1Eval.ch_dollar)%N eqn:D.
    + split; [apply plain_number|]. apply word_den_ok; [exact Hm | |].
      * unfold express_word; rewrite Hm, D; reflexivity.
      * unfold plain in *. pose proof (plain_number (m1_big_endian cfg) 2 (Z.land (strtoint rest) 65535)) as P.
        apply andb_true_iff in P; apply P.
    + destruct (c =? M1Eval.ch_percent)%N eqn:Pc.
      * split; [apply plain_number|]. apply word_den_ok; [exact Hm | |].
        -- unfold express_word; rewrite Hm, D, Pc; reflexivity.
        -- pose proof (plain_number (m1_big_endian cfg) 4 (strtoint rest)) as P.
           apply andb_true_iff in P; apply P.
      * exfalso. apply andb_true_iff in I; destruct I as [I N].
        revert R; cbn [andb]; rewrite N.
        unfold in_set in *; cbn [existsb] in *.
        apply N.eqb_neq in D, Pc.
        repeat (apply orb_true_iff in I; destruct I as [I|I]); try discriminate I;
          apply N.eqb_eq in I; subst; try contradiction; cbn; discriminate.
  - destruct (in_set c _).
    + destruct (is_number rest); [|discriminate H].
      eexists; split; [reflexivity|]. apply En. injection H as <-; reflexivity.
    + destruct (m1_arch cfg); try discriminate H.
      destruct (is_number (c :: rest)); [|discriminate H].
      destruct (65536 <? strtoint (c :: rest))%Z; [discriminate H|].
      destruct (32767 <? strtoint (c :: rest))%Z;
        (eexists; split; [reflexivity|]; apply En; injection H as <-; reflexivity).
Qed.

Lemma immediate_word : forall cfg s v w,
  immediate cfg s = Some (Value v) -> riscv_word cfg s = Some w ->
  v = M1Eval.ch_dot :: number_text (m1_byte_mode cfg) (m1_big_endian cfg) 4 w.
Proof.
  intros cfg s v w H R. destruct s as [|c rest]; [discriminate R|].
  unfold riscv_word in R; unfold immediate in H.
  destruct (is_riscv (m1_arch cfg)) eqn:Rv; [|discriminate R].
  destruct (in_set c [M1Eval.ch_tilde; M1Eval.ch_at; M1Eval.ch_bang]) eqn:I; [|discriminate R].
  destruct (is_number rest) eqn:N; [|discriminate R]. injection R as <-.
  unfold in_set in I; cbn [existsb] in I.
  repeat (apply orb_true_iff in I; destruct I as [I|I]); try discriminate I;
    apply N.eqb_eq in I; subst c; cbn in H; rewrite ?N in H; injection H as <-; reflexivity.
Qed.

(** ** One word, then a blank *)

Lemma erase_byte_tokens : forall zs, map erase_token (byte_tokens zs) = byte_tokens zs.
Proof. intros zs; unfold byte_tokens; rewrite map_map; reflexivity. Qed.

(** What M1 prints for a word, followed by a space or a line feed, is read by hex2 as the
    tokens the word stands for, and leaves the reader clean after the blank. *)
Lemma lex_word_tokens : forall cfg hcfg file off define s v m (c : byte) (rest : bytes),
  m1_byte_mode cfg = hex_mode -> h2_byte_mode hcfg = hex_mode ->
  evaluate cfg define s = Value v -> word_tokens cfg hcfg define s = Some m ->
  (c = 32 \/ c = 10)%N ->
  exists toks, map erase_token toks = m /\
    lex_bytes hcfg file off clean (v ++ c :: rest) =
    after toks (lex_bytes hcfg file (off + N.of_nat (length v) + 1) clean rest).
Proof.
  intros cfg hcfg file off define s v m c rest Hm Hh E W C.
  assert (Plain : forall zs, plain v = true -> read_hex None v = zs -> byte_tokens zs = m ->
            exists toks, map erase_token toks = m /\
              lex_bytes hcfg file off clean (v ++ c :: rest) =
              after toks (lex_bytes hcfg file (off + N.of_nat (length v) + 1) clean rest)).
  { intros zs P R B. exists (byte_tokens zs); split; [rewrite erase_byte_tokens; exact B|].
    rewrite <- R. apply lex_plain_word; assumption. }
  assert (After : forall s0,
    match define with
    | Some v0 => Value v0
    | None => match immediate cfg s0 with Some o => o | None => other cfg s0 end
    end = Value v ->
    later_tokens cfg hcfg define s0 = Some m ->
    exists toks, map erase_token toks = m /\
      lex_bytes hcfg file off clean (v ++ c :: rest) =
      after toks (lex_bytes hcfg file (off + N.of_nat (length v) + 1) clean rest)).
  { intros s0 E0 W0. unfold later_tokens in W0. destruct define as [x|].
    - injection E0 as <-. apply lex_raw_word; assumption.
    - destruct (immediate cfg s0) as [o|] eqn:I.
      + subst o. unfold immediate_tokens in W0. destruct (riscv_word cfg s0) as [w|] eqn:Rw.
        * destruct (word_arch (h2_arch hcfg)) eqn:Wa; [|discriminate W0]. injection W0 as <-.
          rewrite (immediate_word cfg s0 v w I Rw), Hm.
          exists [tok_word (le_value (rev (map Z.to_N (number_den cfg 4 w))))];
            split; [reflexivity|].
          apply lex_riscv_word; assumption.
        * destruct (immediate_plain cfg s0 v Hm I Rw) as [zs [D [P R]]].
          rewrite D in W0; injection W0 as W0. apply (Plain zs); assumption.
      + destruct s0 as [|c0 rest0]; [discriminate E0|].
        unfold other in E0.
        destruct (in_set c0 _) eqn:Sg.
        * injection E0 as <-.
          assert (Nlt : (c0 =? M1Eval.ch_lt)%N = false).
          { destruct (c0 =? M1Eval.ch_lt)%N eqn:L; [|reflexivity].
            apply N.eqb_eq in L; subst c0; discriminate Sg. }
          rewrite Nlt in W0. apply lex_raw_word; assumption.
        * destruct (c0 =? M1Eval.ch_lt)%N eqn:L; [|discriminate E0].
          destruct (strtoint rest0 =? 0)%Z eqn:Z0.
          -- injection E0 as <-. apply Z.eqb_eq in Z0. rewrite Z0 in W0.
             apply lex_raw_word; assumption.
          -- destruct (strtoint rest0 <? 0)%Z eqn:Ng; [discriminate E0|].
             injection E0 as <-. rewrite Hm in *.
             replace (0 <? strtoint rest0)%Z with true in W0
               by (symmetry; apply Z.ltb_lt; apply Z.eqb_neq in Z0; apply Z.ltb_ge in Ng; lia).
             injection W0 as W0.
             apply (Plain (repeat 0%Z (Z.to_nat (strtoint rest0)))); [| |exact W0].
             ++ cbn [M1Eval.digits_per_byte]. rewrite Nat.mul_comm. apply plain_zeros.
             ++ cbn [M1Eval.digits_per_byte]. rewrite Nat.mul_comm. apply read_repeat_zero. }
  unfold evaluate in E; unfold word_tokens in W.
  destruct s as [|c0 body]; [exact (After [] E W)|].
  cbn [string_value] in E.
  destruct (c0 =? 34)%N.
  - injection E as <-; injection W as W.
    apply (Plain (string_den cfg body)); [apply plain_hexify, Hm | apply string_den_ok, Hm | exact W].
  - destruct (c0 =? 39)%N.
    + injection E as <-. apply lex_raw_word; assumption.
    + exact (After (c0 :: body) E W).
Qed.

(** ** M1's whole output *)

Lemma print_newline_first : forall cfg bs rest text,
  print cfg bs (Newline :: rest) = Ok text -> exists text', text = ch_lf :: text'.
Proof.
  intros cfg bs rest; induction rest as [|t rest IH]; intros text H.
  - cbn in H. injection H as <-; eexists; reflexivity.
  - change (print cfg bs (Newline :: t :: rest))
      with (prepend (if next_is_newline (t :: rest) then [] else [ch_lf]) (print cfg bs (t :: rest)))
      in H.
    destruct (print cfg bs (t :: rest)) as [o|e] eqn:P; [|discriminate H].
    injection H as <-. destruct t as [|s f o'].
    + apply IH; exact P.
    + eexists; reflexivity.
Qed.

Lemma ends_newline_tail : forall t rest,
  (exists xs', t :: rest = xs' ++ [Newline]) -> rest = [] \/ exists xs', rest = xs' ++ [Newline].
Proof.
  intros t rest [xs' E]. destruct xs' as [|x xs']; cbn in E; injection E as _ E.
  - left; exact E.
  - right; exists xs'; exact E.
Qed.

(** hex2 reads M1's printed stream as the tokens its words stand for. *)
Lemma print_lex : forall cfg hcfg items xs text m,
  m1_byte_mode cfg = hex_mode -> h2_byte_mode hcfg = hex_mode ->
  print cfg (bindings items) xs = Ok text ->
  (xs = [] \/ exists xs', xs = xs' ++ [Newline]) ->
  stream_tokens cfg hcfg items xs = Some m ->
  forall file off, exists toks, map erase_token toks = m /\
    lex_bytes hcfg file off clean text = Ok toks.
Proof.
  intros cfg hcfg items xs; induction xs as [|t rest IH]; intros text m Hm Hh P Ends S file off.
  - injection P as <-; injection S as <-. exists []; split; reflexivity.
  - assert (Er : rest = [] \/ exists xs', rest = xs' ++ [Newline]).
    { destruct Ends as [Ends|Ends]; [discriminate Ends | apply (ends_newline_tail t), Ends]. }
    destruct t as [|s f o]; cbn [print stream_tokens] in P, S.
    + destruct (print cfg (bindings items) rest) as [tr|e] eqn:Pr; [|discriminate P].
      injection P as <-.
      destruct (next_is_newline rest); cbn [prepend app].
      * apply (IH tr m Hm Hh eq_refl Er S).
      * rewrite blank_sep by (right; reflexivity). apply (IH tr m Hm Hh eq_refl Er S).
    + unfold outcome_of in P; rewrite <- in_force_bindings in P.
      destruct (evaluate cfg (in_force items s) s) as [v| |k z] eqn:V; try discriminate P.
      destruct (word_tokens cfg hcfg (in_force items s) s) as [a|] eqn:Wt; [|discriminate S].
      destruct (stream_tokens cfg hcfg items rest) as [b|] eqn:Sr; [|discriminate S].
      injection S as <-.
      destruct (print cfg (bindings items) rest) as [tr|e] eqn:Pr; [|discriminate P].
      injection P as <-.
      destruct rest as [|t1 rest'].
      * exfalso. destruct Ends as [Ends|[xs' Ends]]; [discriminate Ends|].
        destruct xs' as [|x [|? ?]]; cbn in Ends; injection Ends as; try discriminate;
          subst; discriminate.
      * destruct t1 as [|s1 f1 o1].
        -- destruct (print_newline_first _ _ _ _ Pr) as [t' ->].
           rewrite app_nil_r.
           destruct (lex_word_tokens cfg hcfg file off _ s v a ch_lf t' Hm Hh V Wt
                       (or_intror eq_refl)) as [ta [Ea La]].
           destruct (IH _ b Hm Hh eq_refl Er eq_refl file (off + N.of_nat (length v))%N) as [tb [Eb Lb]].
           rewrite blank_sep in Lb by (right; reflexivity).
           rewrite La, Lb. exists (ta ++ tb); split; [rewrite map_app, Ea, Eb|]; reflexivity.
        -- rewrite <- app_assoc; cbn [app].
           destruct (lex_word_tokens cfg hcfg file off _ s v a ch_space tr Hm Hh V Wt
                       (or_introl eq_refl)) as [ta [Ea La]].
           destruct (IH _ b Hm Hh eq_refl Er eq_refl file (off + N.of_nat (length v) + 1)%N) as [tb [Eb Lb]].
           rewrite La, Lb. exists (ta ++ tb); split; [rewrite map_app, Ea, Eb|]; reflexivity.
Qed.

(** ** M1's token stream ends with a line end *)

Lemma lex_files_newline : forall inputs file ts,
  M1Lex.lex_files file inputs = Ok ts -> ts = [] \/ exists ts', ts = ts' ++ [Newline].
Proof.
  induction inputs as [|f fs IH]; intros file ts H; cbn [M1Lex.lex_files] in H.
  - injection H as <-; left; reflexivity.
  - destruct (lex file 0 Between f) as [a|e]; [|discriminate H].
    destruct (M1Lex.lex_files (N.add file 1) fs) as [b|e] eqn:E; [|discriminate H].
    injection H as <-. right. destruct (IH _ _ E) as [->|[b' ->]].
    + exists a; reflexivity.
    + exists (a ++ Newline :: b'); rewrite <- app_assoc; reflexivity.
Qed.

Lemma collapse_newline : forall l q,
  (collapse q (l ++ [Newline]) = [] /\ q = true) \/
  exists l', collapse q (l ++ [Newline]) = l' ++ [Newline].
Proof.
  induction l as [|t l IH]; intros q.
  - destruct q; [left; split; reflexivity | right; exists []; reflexivity].
  - cbn [app]. destruct t as [|s f o]; cbn [collapse].
    + destruct (IH true) as [[E _]|[l' E]]; destruct q; rewrite E.
      * left; split; reflexivity.
      * right; exists []; reflexivity.
      * right; exists l'; reflexivity.
      * right; exists (Newline :: l'); reflexivity.
    + destruct (IH false) as [[_ E]|[l' E]]; [discriminate E|].
      rewrite E; right; exists (Word s f o :: l'); reflexivity.
Qed.

Lemma tokenize_newline : forall inputs ts,
  tokenize inputs = Ok ts -> ts = [] \/ exists ts', ts = ts' ++ [Newline].
Proof.
  intros inputs ts H; unfold tokenize in H.
  destruct (M1Lex.lex_files 0 inputs) as [l|e] eqn:L; [|discriminate H]. injection H as <-.
  destruct (lex_files_newline _ _ _ L) as [->|[l' ->]]; [left; reflexivity|].
  destruct (collapse_newline l' true) as [[E _]|[l'' E]]; rewrite E; [left | right; exists l'']; reflexivity.
Qed.

Lemma printed_newline : forall ts items,
  reads_as ts items -> (exists ts', ts = ts' ++ [Newline]) ->
  exists xs', printed items = xs' ++ [Newline].
Proof.
  intros ts items [Ets _] [ts' E]. subst ts.
  destruct (exists_last (l := items)) as [items' [it ->]].
  { intros ->; cbn in E. destruct ts'; discriminate E. }
  unfold printed; rewrite map_app. exists (printed items'). f_equal.
  destruct it as [d n v|t]; [reflexivity|].
  rewrite map_app, concat_app in E; cbn [map concat item_tokens app] in E.
  apply app_inj_tail in E. destruct E as [_ ->]; reflexivity.
Qed.

(** ** hex2 after reading *)

Lemma write_erase : forall hcfg ts out,
  write hcfg (map erase_token ts) = Ok out <-> write hcfg ts = Ok out.
Proof.
  intros hcfg ts out; unfold write. rewrite layout_erase.
  set (l := snd (layout hcfg (base_ip hcfg) ts [])).
  pose proof (emit_erase hcfg l ts (mk_emit_state (base_ip hcfg) false 0)) as E.
  destruct (emit hcfg l _ (map erase_token ts)) as [[es1 o1]|e1],
           (emit hcfg l _ ts) as [[es2 o2]|e2]; cbn in E; try discriminate E;
    [injection E as _ <-; reflexivity | split; discriminate].
Qed.

(** ** The theorem *)

(** M1 then hex2, with labels and references. Let M1 (configuration [cfg], hex byte mode)
    accept the inputs and print [text]; let [items] be the reading of its token stream
    ([M1Image.reads_as]: the DEFINEs and the other tokens), and let every word it prints have
    a shape [word_tokens] covers, so that the words stand for the hex2 tokens [hts]. Then
    hex2 (configuration [hcfg], hex byte mode, any architecture, byte order and base address),
    run on [text] as its only input, writes [out] exactly when [out] is the declarative
    image of [hts] ([Hex2Image.image]: one piece per token, labels at base + length before
    them, each reference field holding the value its kind, the architecture and the labels
    prescribe). In particular hex2 fails exactly when that image does not exist (an undefined
    label, a field out of range, an unaligned armv7l target, a RISC-V immediate out of range).
    [program_tokens] is [None] exactly when some printed word has a shape left out (see the
    top of this file for each and why). *)
Theorem m1_hex2_pipeline : forall cfg hcfg inputs text ts items hts,
  m1_byte_mode cfg = hex_mode -> h2_byte_mode hcfg = hex_mode ->
  assemble cfg inputs = Ok text ->
  tokenize inputs = Ok ts -> reads_as ts items ->
  program_tokens cfg hcfg items = Some hts ->
  forall out, link hcfg [text] = Ok out <-> Hex2Image.image hcfg hts out.
Proof.
  intros cfg hcfg inputs text ts items hts Hm Hh A T R P out.
  rewrite assemble_unfold, T in A.
  destruct ts as [|t0 ts0]; [discriminate A|].
  rewrite (reads_expand _ _ R) in A.
  destruct (first_failure cfg (bindings items) (t0 :: ts0)); [discriminate A|].
  destruct (tokenize_newline _ _ T) as [E|Ends]; [discriminate E|].
  destruct (print_lex cfg hcfg items (printed items) text hts Hm Hh A
              (or_intror (printed_newline _ _ R Ends)) P 0%N 0%N) as [toks [Et Lt]].
  rewrite link_write. cbn [Hex2Lex.lex_files]. change lex_init with clean. rewrite Lt.
  rewrite app_nil_r, <- write_erase, Et. apply write_image.
Qed.

(** ** An example *)

(** The theorem applies to programs with DEFINEs, labels, immediates, strings and references:
    amd64, little endian, base 0,
    [DEFINE NOP 90] / [:start NOP %42 "hi" !start]. M1 prints
    [\n:start 90 2A000000 68 69 00 !start\n]; its words stand for a label, the byte 0x90, the
    four bytes of 42, the bytes of "hi" and its NUL, and a 1-byte relative reference to
    [start]. Their image: [start] is at 0, the field ends at 9, so it holds 0 - 9 = 0xF7. *)
From Coq Require Import String Ascii.
Local Open Scope string_scope.

Definition example_text (s : String.string) : bytes :=
  map (fun c => N.of_nat (Ascii.nat_of_ascii c)) (String.list_ascii_of_string s).

Definition example_lf : String.string := String.String (Ascii.ascii_of_nat 10) String.EmptyString.

Definition example_inputs : list bytes :=
  [example_text ("DEFINE NOP 90" ++ example_lf ++ ":start NOP %42 ""hi"" !start" ++ example_lf)].

Definition example_start : bytes := example_text "start".

Example m1_hex2_example :
  exists text ts items,
    assemble (mk_m1_config amd64 false hex_mode) example_inputs = Ok text /\
    tokenize example_inputs = Ok ts /\ reads_as ts items /\
    program_tokens (mk_m1_config amd64 false hex_mode) (mk_hex2_config amd64 false 0 hex_mode) items
    = Some [tok_label example_start; tok_byte 144; tok_byte 42; tok_byte 0; tok_byte 0; tok_byte 0;
            tok_byte 104; tok_byte 105; tok_byte 0; tok_ref ref_bang 0 0 example_start None] /\
    Hex2Image.image (mk_hex2_config amd64 false 0 hex_mode)
      [tok_label example_start; tok_byte 144; tok_byte 42; tok_byte 0; tok_byte 0; tok_byte 0;
       tok_byte 104; tok_byte 105; tok_byte 0; tok_ref ref_bang 0 0 example_start None]
      [144; 42; 0; 0; 0; 104; 105; 0; 247]%N.
Proof.
  set (cfg := mk_m1_config amd64 false hex_mode).
  set (hcfg := mk_hex2_config amd64 false 0 hex_mode).
  destruct (assemble cfg example_inputs) as [text|e] eqn:A; [|vm_compute in A; discriminate A].
  set (d := fun s o => Word (example_text s) 0 o).
  set (ts := [d "DEFINE" 0%N; d "NOP" 7%N; d "90" 11%N; Newline; d ":start" 14%N;
              d "NOP" 21%N; d "%42" 25%N; d """hi" 29%N; d "!start" 34%N; Newline]).
  set (items := [define_item (d "DEFINE" 0%N) (d "NOP" 7%N) (d "90" 11%N); token_item Newline;
                 token_item (d ":start" 14%N); token_item (d "NOP" 21%N);
                 token_item (d "%42" 25%N); token_item (d """hi" 29%N);
                 token_item (d "!start" 34%N); token_item Newline]).
  assert (T : tokenize example_inputs = Ok ts) by (vm_compute; reflexivity).
  assert (R : reads_as ts items) by (split; [reflexivity | repeat constructor]).
  assert (P : program_tokens cfg hcfg items =
              Some [tok_label example_start; tok_byte 144; tok_byte 42; tok_byte 0; tok_byte 0;
                    tok_byte 0; tok_byte 104; tok_byte 105; tok_byte 0;
                    tok_ref ref_bang 0 0 example_start None]) by (vm_compute; reflexivity).
  exists text, ts, items; split; [reflexivity|]; split; [exact T|].
  split; [exact R|]; split; [exact P|].
  apply (m1_hex2_pipeline cfg hcfg example_inputs text ts items _ eq_refl eq_refl A T R P).
  vm_compute in A; injection A as <-. vm_compute; reflexivity.
Qed.
