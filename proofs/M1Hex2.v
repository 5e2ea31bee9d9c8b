(** * M1Hex2: running hex2 on M1's output gives the bytes the M1 program denotes. *)

(** M1 and hex2 are meant to be run one after the other: M1 prints every token as hex digits and
    hex2 turns the digits into bytes. Here we say, without reference to digits, which bytes an M1
    program denotes: a double-quoted string its bytes, a NUL and (on knight) zero bytes up to a
    multiple of four; an immediate its value, masked to the field's width, in the configured byte
    order; [<N] N zero bytes; a single-quoted string, a DEFINE value or a pass-through text the
    bytes hex2 reads from that text. Then we prove that, in hex byte mode, whenever M1 accepts
    a program whose printed words are plain hex (hex digits and blanks only, an even number of
    digits per word, so no label, reference, RISC-V word or odd nibble), hex2 accepts M1's
    output and writes exactly those bytes. The proof reads M1's output with [read_hex]
    (M1Properties.v), uses [read_hex_number] and a variant of [read_hex_string] for the
    printed numbers and strings and [lex_plain] (M1Properties.v: hex2's reader agrees with
    [read_hex] on plain text), and shows that hex2 writes each byte it reads unchanged. *)

From Coq Require Import NArith ZArith List Bool Lia.
From Hexproof.Spec Require Import Common Strtoint Hex2Lex Hex2Encode Hex2Spec.
From Hexproof.Spec Require Import M1Lex M1Eval M1Spec.
From Hexproof.Proofs Require Import Hex2Default M1Default.
From Hexproof.Proofs Require Import M1Properties.
Import ListNotations.
Local Open Scope Z_scope.

(** ** Plain text *)

Definition digit_count (s : bytes) : nat := length (filter is_hex_digit s).

(** A plain text: plain characters only, and an even number of hex digits. *)
Definition plain_text (s : bytes) : Prop :=
  forallb plain_char s = true /\ Nat.even (digit_count s) = true.

(** ** The bytes an M1 program denotes *)

(** The [w] bytes of [v] in the configured byte order. *)
Definition number_den (cfg : m1_config) (w : nat) (v : Z) : list Z :=
  if m1_big_endian cfg then rev (number_bytes w v) else number_bytes w v.

(** A sigil [!@$~%&] and a value: 1, 2, 2, 3 bytes of the masked value, or 4 bytes. *)
Definition field_den (cfg : m1_config) (c : byte) (v : Z) : list Z :=
  if N.eqb c M1Eval.ch_bang then number_den cfg 1 (Z.land v 255)
  else if N.eqb c M1Eval.ch_at then number_den cfg 2 (Z.land v 65535)
  else if N.eqb c M1Eval.ch_dollar then number_den cfg 2 (Z.land v 65535)
  else if N.eqb c M1Eval.ch_tilde then number_den cfg 3 (Z.land v 16777215)
  else number_den cfg 4 v.

(** On RISC-V: [$] a 16-bit and [%] a 32-bit constant; [!@~] make instruction words, which M1
    prints with a [.] and which plain text therefore excludes (they denote nothing here). *)
Definition word_den (cfg : m1_config) (c : byte) (v : Z) : list Z :=
  if N.eqb c M1Eval.ch_dollar then number_den cfg 2 (Z.land v 65535)
  else if N.eqb c M1Eval.ch_percent then number_den cfg 4 v
  else [].

(** The immediates, recognized exactly as M1 recognizes them ([M1Eval.immediate]). *)
Definition immediate_den (cfg : m1_config) (s : bytes) : option (list Z) :=
  match s with
  | [] => None
  | c :: rest =>
      if N.eqb c M1Eval.ch_lt then None
      else if is_riscv (m1_arch cfg) then
        if in_set c [M1Eval.ch_percent; M1Eval.ch_tilde; M1Eval.ch_at; M1Eval.ch_bang;
                     M1Eval.ch_dollar] && is_number rest
        then Some (word_den cfg c (strtoint rest))
        else None
      else if in_set c [M1Eval.ch_percent; M1Eval.ch_tilde; M1Eval.ch_at; M1Eval.ch_bang;
                        M1Eval.ch_amp; M1Eval.ch_dollar] then
        if is_number rest then Some (field_den cfg c (strtoint rest)) else None
      else match m1_arch cfg with
           | knight =>
               if is_number s then
                 let v := strtoint s in
                 if 65536 <? v then None
                 else if 32767 <? v then Some (field_den cfg M1Eval.ch_dollar v)
                 else Some (field_den cfg M1Eval.ch_at v)
               else None
           | _ => None
           end
  end.

(** [<N] is N zero bytes; a text passed through (label syntax, [<], [<0]) is what hex2 reads
    from it. *)
Definition other_den (s : bytes) : list Z :=
  match s with
  | [] => []
  | c :: rest =>
      if N.eqb c M1Eval.ch_lt then
        let n := strtoint rest in
        if n =? 0 then read_hex None s else repeat 0 (Z.to_nat n)
      else read_hex None s
  end.

(** A double-quoted string's body: its bytes, a NUL, and on knight zeros up to a multiple of 4. *)
Definition string_den (cfg : m1_config) (body : bytes) : list Z :=
  map (fun b => Z.of_N b mod 256) body ++ [0]
  ++ match m1_arch cfg with
     | knight => repeat 0 ((4 - S (length body) mod 4) mod 4)
     | _ => []
     end.

Definition after_strings_den (cfg : m1_config) (define : option bytes) (s : bytes) : list Z :=
  match define with
  | Some v => read_hex None v
  | None =>
      match immediate_den cfg s with
      | Some d => d
      | None => other_den s
      end
  end.

(** The bytes one token text denotes, given the value of its last DEFINE, in M1's stage order
    ([M1Eval.evaluate]): strings, then DEFINE, then immediates, then padding and pass-through. *)
Definition text_den (cfg : m1_config) (define : option bytes) (s : bytes) : list Z :=
  match s with
  | c :: body =>
      if N.eqb c 34 then string_den cfg body
      else if N.eqb c 39 then read_hex None body
      else after_strings_den cfg define s
  | [] => after_strings_den cfg define s
  end.

(** The bytes of a stream of tokens after DEFINE expansion: those of each word, in order. *)
Fixpoint program_den (cfg : m1_config) (bs : list binding) (ts : list M1Lex.token) : list Z :=
  match ts with
  | [] => []
  | Newline :: rest => program_den cfg bs rest
  | Word s _ _ :: rest => text_den cfg (last_define s bs) s ++ program_den cfg bs rest
  end.

(** The bytes an M1 program (its input files) denotes. *)
Definition m1_bytes (cfg : m1_config) (inputs : list bytes) : bytes :=
  match tokenize inputs with
  | Ok ts =>
      match expand_defines ts with
      | Ok (bs, out) => map Z.to_N (program_den cfg bs out)
      | Err _ => []
      end
  | Err _ => []
  end.

(** The side condition: every word M1 prints has a plain text. *)
Definition prints_plain (cfg : m1_config) (inputs : list bytes) : Prop :=
  forall ts bs out, tokenize inputs = Ok ts -> expand_defines ts = Ok (bs, out) ->
  forall s f o v, In (Word s f o) out -> outcome_of cfg bs s = Value v -> plain_text v.

(** ** Reading M1's words back *)

Fixpoint pend (p : option Z) (s : bytes) : option Z :=
  match s with
  | [] => p
  | c :: s' =>
      match hex_value c with
      | None => pend p s'
      | Some d => match p with None => pend (Some d) s' | Some _ => pend None s' end
      end
  end.

Lemma read_hex_app : forall v rest p,
  read_hex p (v ++ rest) = read_hex p v ++ read_hex (pend p v) rest.
Proof.
  induction v as [|c v IH]; intros rest p; [reflexivity|].
  cbn [app read_hex pend]. destruct (hex_value c); [destruct p|]; rewrite ?IH; reflexivity.
Qed.

Lemma pend_even : forall s,
  (Nat.even (digit_count s) = true -> pend None s = None) /\
  (Nat.even (digit_count s) = false -> forall d, pend (Some d) s = None).
Proof.
  unfold digit_count; induction s as [|c s [IH1 IH2]]; [split; [reflexivity|discriminate]|].
  cbn [filter pend]. destruct (hex_value c) as [d|] eqn:E;
    (assert (Hd : is_hex_digit c = match hex_value c with Some _ => true | None => false end)
       by reflexivity); rewrite E in Hd; rewrite Hd.
  - cbn [length]. rewrite Nat.even_succ, <- Nat.negb_even.
    destruct (Nat.even (length (filter is_hex_digit s))); cbn; split; intros H; try discriminate.
    + intros; apply IH1; reflexivity.
    + apply IH2; reflexivity.
  - split; assumption.
Qed.

Lemma read_string_digits' : forall s rest,
  read_hex None (string_digits hex_mode s ++ rest)
  = map (fun b => Z.of_N b mod 256) s ++ read_hex None rest.
Proof.
  induction s as [|b s IH]; intros rest; [reflexivity|].
  cbn [string_digits digit_bits M1Eval.digits_per_byte]. rewrite <- !app_assoc, read_pair.
  cbn [app read_hex hex_value]. simpl (N.leb 48 32). cbn.
  rewrite IH. f_equal.
  change 255 with (Z.ones 8); rewrite Z.land_ones by lia. reflexivity.
Qed.

Lemma string_den_ok : forall cfg body,
  m1_byte_mode cfg = hex_mode -> read_hex None (hexify cfg body) = string_den cfg body.
Proof.
  intros cfg body Hm; unfold hexify, knight_padding, string_den; rewrite Hm.
  rewrite string_digits_app, <- app_assoc, read_string_digits'.
  f_equal. cbn [string_digits digit_bits M1Eval.digits_per_byte].
  rewrite <- !app_assoc, read_pair. cbn [app read_hex hex_value]. simpl (N.leb 48 32). cbn.
  f_equal. destruct (m1_arch cfg); try reflexivity.
  apply read_repeat_zero.
Qed.

Ltac split_ifs :=
  repeat match goal with
  | H : context [if ?b then _ else _] |- _ => destruct b eqn:?
  end.

Lemma express_den : forall cfg c x v,
  m1_byte_mode cfg = hex_mode -> express_number cfg c x = Value v ->
  read_hex None v = field_den cfg c x.
Proof.
  intros cfg c x v Hm H. unfold express_number, checked_field, field_den in *.
  rewrite Hm in H. split_ifs; try discriminate; injection H as <-;
    rewrite read_hex_number; reflexivity.
Qed.

Lemma word_den_ok : forall cfg c x v,
  m1_byte_mode cfg = hex_mode -> express_word cfg c x = v -> forallb plain_char v = true ->
  read_hex None v = word_den cfg c x.
Proof.
  intros cfg c x v Hm H P. unfold express_word, word_den in *.
  rewrite Hm in H. split_ifs; subst; try (rewrite read_hex_number; reflexivity).
  discriminate P.
Qed.

Lemma after_strings_ok : forall cfg define s v,
  m1_byte_mode cfg = hex_mode ->
  match define with
  | Some v => Value v
  | None => match immediate cfg s with Some o => o | None => other cfg s end
  end = Value v ->
  forallb plain_char v = true ->
  read_hex None v = after_strings_den cfg define s.
Proof.
  intros cfg define s v Hm H P. unfold after_strings_den.
  destruct define as [d|]; [injection H as <-; reflexivity|].
  destruct s as [|c rest]; [discriminate H|].
  unfold immediate, immediate_den in *.
  destruct (N.eqb c M1Eval.ch_lt) eqn:Elt.
  - unfold other, other_den in *. rewrite Elt in *.
    destruct (in_set c _) eqn:Es.
    + exfalso. apply N.eqb_eq in Elt; subst; discriminate Es.
    + rewrite Hm in H. cbn [M1Eval.digits_per_byte] in H.
      destruct (strtoint rest =? 0); [injection H as <-; reflexivity|].
      destruct (strtoint rest <? 0); [discriminate|].
      injection H as <-. rewrite Nat.mul_comm. apply read_repeat_zero.
  - destruct (is_riscv (m1_arch cfg)).
    + destruct (_ && is_number rest).
      * injection H as H. eapply word_den_ok; eassumption.
      * unfold other, other_den in *; rewrite Elt. split_ifs; try discriminate;
          injection H as <-; reflexivity.
    + destruct (in_set c _).
      * destruct (is_number rest).
        -- eapply express_den; eassumption.
        -- unfold other, other_den in *; rewrite Elt. split_ifs; try discriminate;
             injection H as <-; reflexivity.
      * assert (Hother : other cfg (c :: rest) = Value v ->
                         read_hex None v = other_den (c :: rest)).
        { unfold other, other_den; rewrite Elt. intros H'. split_ifs; try discriminate;
            injection H' as <-; reflexivity. }
        destruct (m1_arch cfg); try (apply Hother; exact H).
        destruct (is_number (c :: rest)); [|apply Hother; exact H].
        destruct (65536 <? strtoint (c :: rest)); [apply Hother; exact H|].
        destruct (32767 <? strtoint (c :: rest)); eapply express_den; eassumption.
Qed.

Lemma text_den_ok : forall cfg define s v,
  m1_byte_mode cfg = hex_mode -> evaluate cfg define s = Value v ->
  forallb plain_char v = true -> read_hex None v = text_den cfg define s.
Proof.
  intros cfg define s v Hm H P. unfold evaluate, text_den in *.
  destruct s as [|c body]; [apply after_strings_ok; assumption|].
  cbn [string_value] in H.
  destruct (N.eqb c 34); [injection H as <-; apply string_den_ok; exact Hm|].
  destruct (N.eqb c 39); [injection H as <-; reflexivity|].
  apply after_strings_ok; assumption.
Qed.

(** ** M1's output, read back *)

Lemma print_den : forall cfg bs out text,
  m1_byte_mode cfg = hex_mode ->
  (forall s f o v, In (Word s f o) out -> outcome_of cfg bs s = Value v -> plain_text v) ->
  print cfg bs out = Ok text ->
  forallb plain_char text = true /\ read_hex None text = program_den cfg bs out.
Proof.
  intros cfg bs out; induction out as [|t out IH]; intros text Hm Hp H.
  - injection H as <-; split; reflexivity.
  - assert (Hp' : forall s f o v, In (Word s f o) out -> outcome_of cfg bs s = Value v ->
                  plain_text v) by (intros; eapply Hp; [right|]; eassumption).
    destruct t as [|s f o]; cbn [print program_den] in H |- *.
    + destruct (print cfg bs out) as [t|e]; [|discriminate H].
      destruct (IH t Hm Hp' eq_refl) as [P R].
      injection H as <-. destruct (next_is_newline out); cbn; auto.
    + destruct (outcome_of cfg bs s) as [v| |k z] eqn:Ho; try discriminate H.
      destruct (Hp s f o v (or_introl eq_refl) Ho) as [Pv Ev].
      destruct (print cfg bs out) as [t|e]; [|discriminate H].
      destruct (IH t Hm Hp' eq_refl) as [P R].
      injection H as <-.
      rewrite <- app_assoc, !forallb_app, read_hex_app, Pv, P, (proj1 (pend_even v) Ev), <- R.
      unfold outcome_of in Ho. rewrite (text_den_ok cfg _ s v Hm Ho Pv).
      destruct out as [|[|] ?]; cbn; auto.
Qed.

Lemma emit_plain : forall hcfg l zs ip al,
  exists es, emit hcfg l (mk_emit_state ip al 0) (map (fun z => tok_byte (Z.to_N z)) zs)
             = Ok (es, map Z.to_N zs).
Proof.
  intros hcfg l zs; induction zs as [|z zs IH]; intros ip al; [eexists; reflexivity|].
  cbn [map emit]. unfold emit_token.
  cbn [ref_target ref_base lookup emit_resolved es_ip es_aligned es_sr].
  change (N.shiftr 0 8) with 0%N. change (N.land 0 255) with 0%N. rewrite N.lxor_0_r.
  destruct (IH (add32 ip 1) al) as [es E]. rewrite E. eexists; reflexivity.
Qed.

(** ** The theorem *)

(** M1 then hex2. Let [cfg] be an M1 configuration in hex byte mode and [inputs] M1 input files
    on which M1 succeeds, printing [text]. Suppose every word M1 prints (the output text of each
    token after DEFINE expansion: a string's digits, an immediate's digits, a DEFINE value, a
    pass-through text, [<N]'s zeros) is plain: it consists only of hex digits, spaces, tabs,
    line feeds and carriage returns, and has an even number of hex digits ([prints_plain]).
    Then hex2, in hex byte mode with any architecture, byte order and base address (in
    particular those of [cfg]), accepts [text] as its single input file and writes exactly the
    bytes the M1 program denotes ([m1_bytes]): for each word in order, a double-quoted string's
    bytes (mod 256), a NUL and on knight zeros up to a multiple of four bytes; an immediate's
    value masked to its width, in [cfg]'s byte order; [N] zero bytes for [<N]; and for a
    single-quoted string, a DEFINE value or a pass-through text, the bytes hex2 reads from it.

    The side condition rules out every text hex2 would read as a label, a reference, an
    alignment mark, a comment or a RISC-V [.] word (their first characters are not plain), so
    RISC-V [!@~] immediates, which M1 prints as [.] words, are excluded; so are words with an
    odd number of digits, whose last nibble hex2 would pair with the next word's. Byte order
    and architecture of hex2 do not matter here: hex2 uses them only for references, padding
    and words, and M1 has already put the immediates' bytes in order. *)
Theorem m1_then_hex2 : forall cfg inputs text hcfg,
  m1_byte_mode cfg = hex_mode ->
  h2_byte_mode hcfg = hex_mode ->
  assemble cfg inputs = Ok text ->
  prints_plain cfg inputs ->
  link hcfg [text] = Ok (m1_bytes cfg inputs).
Proof.
  intros cfg inputs text hcfg Hm Hh Ha Hp.
  rewrite assemble_unfold in Ha; unfold m1_bytes, prints_plain in *.
  destruct (tokenize inputs) as [ts|e] eqn:Ht; [|discriminate Ha].
  specialize (Hp ts). destruct ts as [|t0 ts0]; [discriminate Ha|].
  destruct (expand_defines (t0 :: ts0)) as [[bs out]|e] eqn:He; [|discriminate Ha].
  destruct (first_failure cfg bs (t0 :: ts0)); [discriminate Ha|].
  specialize (Hp bs out eq_refl eq_refl).
  destruct (print_den cfg bs out text Hm Hp Ha) as [P R].
  rewrite link_unfold. cbn [Hex2Lex.lex_files]. change lex_init with (st_of None).
  rewrite (lex_plain hcfg 0 text 0 None Hh P) by discriminate.
  rewrite R, app_nil_r.
  match goal with
  | |- context [emit hcfg ?l (mk_emit_state ?ip false 0) _] =>
      destruct (emit_plain hcfg l (program_den cfg bs out) ip false) as [es E]; rewrite E
  end.
  reflexivity.
Qed.
