(** * M1Properties: what M1's output means to the hex2 that reads it. *)

(** M1 prints numbers and strings as hex digits for hex2 to read back as bytes. Here we run hex2's
    own reader ([Hex2Lex.lex_bytes], in hex byte mode) on the digits M1 prints and prove that the
    tokens it reads are exactly the intended bytes: a number's bytes in the chosen byte order
    ([number_roundtrip]), and a string's bytes followed by its NUL and, on knight, the padding
    zeros ([string_roundtrip]). The way there: [read_hex] says which bytes a plain text (hex
    digits and blanks) denotes, [lex_plain] proves that hex2's reader reads exactly those bytes
    from such a text, and [read_hex_number], [read_hex_string] compute them for M1's digits
    (M1Hex2.v uses [read_hex] too, as the meaning of texts M1 passes through). We also prove
    that DEFINE is order-free: [print] and [first_failure] (M1Spec.v) see the bindings of the
    whole program, and swapping two DEFINEs of different names changes neither. *)

From Coq Require Import NArith ZArith List Bool Lia.
From Hexproof.Spec Require Import Common Strtoint Hex2Lex.
From Hexproof.Spec Require Import M1Lex M1Eval M1Spec.
Import ListNotations.
Local Open Scope Z_scope.

(** ** Reading hex digits back *)

Definition hex_value (c : byte) : option Z :=
  if andb (N.leb 48 c) (N.leb c 57) then Some (Z.of_N c - 48)
  else if andb (N.leb 65 c) (N.leb c 70) then Some (Z.of_N c - 55)
  else if andb (N.leb 97 c) (N.leb c 102) then Some (Z.of_N c - 87)
  else None.

(** The bytes a plain text denotes: each hex digit is a nibble, two make a byte, anything else
    is skipped without resetting the pending nibble (hex2's hex mode without comments;
    [lex_plain] below proves that hex2's reader agrees). [pending] is the high nibble read so
    far. *)
Fixpoint read_hex (pending : option Z) (s : bytes) : list Z :=
  match s with
  | [] => []
  | c :: s' =>
      match hex_value c with
      | None => read_hex pending s'
      | Some d =>
          match pending with
          | None => read_hex (Some d) s'
          | Some h => (16 * h + d) :: read_hex None s'
          end
      end
  end.

Lemma hex_value_digit : forall d, 0 <= d < 16 -> hex_value (digit_char d) = Some d.
Proof.
  intros d H.
  assert (d = 0 \/ d = 1 \/ d = 2 \/ d = 3 \/ d = 4 \/ d = 5 \/ d = 6 \/ d = 7 \/ d = 8 \/
          d = 9 \/ d = 10 \/ d = 11 \/ d = 12 \/ d = 13 \/ d = 14 \/ d = 15) by lia.
  repeat (destruct H0 as [H0|H0]; [subst; reflexivity|]); subst; reflexivity.
Qed.

Lemma byte_split : forall v, 16 * ((v / 16) mod 16) + v mod 16 = v mod 256.
Proof.
  intros v.
  pose proof (Z.div_mod v 16 ltac:(lia)) as H1.
  pose proof (Z.div_mod (v / 16) 16 ltac:(lia)) as H2.
  pose proof (Z.mod_pos_bound v 16 ltac:(lia)).
  pose proof (Z.mod_pos_bound (v / 16) 16 ltac:(lia)).
  apply Z.mod_unique with (q := v / 16 / 16); lia.
Qed.

(** Two hex digits of [v] read back as [v]'s low byte. *)
Lemma read_pair : forall v s,
  read_hex None (low_digits 4 2 v ++ s) = Z.land v 255 :: read_hex None s.
Proof.
  intros v s; cbn [low_digits app].
  assert (M15 : forall x, Z.land x (2 ^ 4 - 1) = x mod 16)
    by (intros x; change (2 ^ 4 - 1) with (Z.ones 4); rewrite Z.land_ones by lia; reflexivity).
  rewrite !M15. cbn [read_hex].
  rewrite hex_value_digit by (apply Z.mod_pos_bound; lia).
  rewrite hex_value_digit by (apply Z.mod_pos_bound; lia).
  f_equal.
  change 255 with (Z.ones 8). rewrite Z.land_ones by lia.
  rewrite Z.shiftr_div_pow2 by lia. change (2 ^ 4) with 16.
  rewrite <- byte_split. reflexivity.
Qed.

(** ** hex2's reader on plain text *)

Definition is_hex_digit (c : byte) : bool :=
  match hex_value c with Some _ => true | None => false end.

(** A plain character: a hex digit or a blank (space, tab, line feed, carriage return). *)
Definition plain_char (c : byte) : bool :=
  is_hex_digit c || N.eqb c 32 || N.eqb c 9 || N.eqb c 10 || N.eqb c 13.

(** The reader's state between plain characters, as [read_hex]'s pending nibble. *)
Definition st_of (p : option Z) : Hex2Lex.lex_state :=
  match p with
  | None => mk_lex_state lm_data 0 0
  | Some d => mk_lex_state lm_data 1 (Z.to_N d)
  end.

Lemma hex_value_range : forall c d, hex_value c = Some d -> 0 <= d < 16.
Proof.
  intros c d H; unfold hex_value in H.
  destruct (N.leb 48 c) eqn:A; destruct (N.leb c 57) eqn:B; cbn in H;
  destruct (N.leb 65 c) eqn:C; destruct (N.leb c 70) eqn:D; cbn in H;
  destruct (N.leb 97 c) eqn:E; destruct (N.leb c 102) eqn:F; cbn in H;
  try discriminate; injection H as <-;
  repeat match goal with
         | H : N.leb _ _ = true |- _ => apply N.leb_le in H
         | H : N.leb _ _ = false |- _ => apply N.leb_gt in H
         end; lia.
Qed.

Lemma hex_value_cases : forall c d, hex_value c = Some d ->
  (48 <= c <= 57 \/ 65 <= c <= 70 \/ 97 <= c <= 102)%N.
Proof.
  intros c d H; unfold hex_value in H.
  destruct (N.leb 48 c) eqn:A; destruct (N.leb c 57) eqn:B; cbn in H;
  destruct (N.leb 65 c) eqn:C; destruct (N.leb c 70) eqn:D; cbn in H;
  destruct (N.leb 97 c) eqn:E; destruct (N.leb c 102) eqn:F; cbn in H;
  try discriminate;
  repeat match goal with
         | H : N.leb _ _ = true |- _ => apply N.leb_le in H
         | H : N.leb _ _ = false |- _ => apply N.leb_gt in H
         end; lia.
Qed.

(** What hex2's reader needs to know about a hex digit. *)
Lemma hex_digit_facts : forall c d, hex_value c = Some d ->
  (c =? Hex2Lex.ch_colon)%N = false /\ ref_kind_of c = None /\ (c =? Hex2Lex.ch_lt)%N = false
  /\ (c =? Hex2Lex.ch_caret)%N = false /\ (c =? Hex2Lex.ch_dot)%N = false
  /\ Hex2Lex.digit_value hex_mode c = Some (Z.to_N d).
Proof.
  intros c d H. pose proof (hex_value_cases c d H) as R.
  assert (c = 48 \/ c = 49 \/ c = 50 \/ c = 51 \/ c = 52 \/ c = 53 \/ c = 54 \/ c = 55 \/
          c = 56 \/ c = 57 \/ c = 65 \/ c = 66 \/ c = 67 \/ c = 68 \/ c = 69 \/ c = 70 \/
          c = 97 \/ c = 98 \/ c = 99 \/ c = 100 \/ c = 101 \/ c = 102)%N as C by lia.
  repeat (destruct C as [C|C]; [subst; cbn in H; injection H as <-; repeat split; reflexivity|]).
  subst; cbn in H; injection H as <-; repeat split; reflexivity.
Qed.

Lemma step_blank : forall hcfg file off p c,
  hex_value c = None -> plain_char c = true ->
  lex_step hcfg file off (st_of p) c = Ok (st_of p, None).
Proof.
  intros hcfg file off p c H P. unfold plain_char, is_hex_digit in P; rewrite H in P.
  cbn in P.
  assert (c = 32 \/ c = 9 \/ c = 10 \/ c = 13)%N as C.
  { repeat (apply orb_true_iff in P; destruct P as [P|P]); apply N.eqb_eq in P; auto. }
  destruct (h2_byte_mode hcfg) eqn:BM;
  destruct C as [-> | [-> | [-> | ->]]]; destruct p;
    unfold lex_step, lex_data, lex_continue; cbn; rewrite BM; cbn;
    destruct (word_arch (h2_arch hcfg)); reflexivity.
Qed.

Lemma byte_of_nibbles : forall h d, 0 <= h < 16 -> 0 <= d < 16 ->
  N.land (Z.to_N h * 16 + Z.to_N d) 255 = Z.to_N (16 * h + d).
Proof.
  intros h d Hh Hd. change 255%N with (N.ones 8). rewrite N.land_ones.
  rewrite N.mod_small.
  - apply N2Z.inj. rewrite N2Z.inj_add, N2Z.inj_mul, !Z2N.id by lia. lia.
  - apply N2Z.inj_lt. rewrite N2Z.inj_add, N2Z.inj_mul, !Z2N.id by lia. cbn. lia.
Qed.

Lemma step_digit : forall hcfg file off p c d,
  h2_byte_mode hcfg = hex_mode -> hex_value c = Some d ->
  (forall h, p = Some h -> 0 <= h < 16) ->
  lex_step hcfg file off (st_of p) c =
  match p with
  | None => Ok (st_of (Some d), None)
  | Some h => Ok (st_of None, Some (tok_byte (Z.to_N (16 * h + d))))
  end.
Proof.
  intros hcfg file off p c d Hm H Hp.
  destruct (hex_digit_facts c d H) as (E1 & E2 & E3 & E4 & E5 & E6).
  pose proof (hex_value_range c d H) as Rd.
  unfold lex_step, lex_data; destruct p as [h|]; cbn [st_of ls_mode ls_count ls_hold];
    rewrite E1, E2, E3, E4, E5, andb_false_r, Hm, E6; unfold digit_step; cbn.
  - specialize (Hp h eq_refl). do 3 f_equal.
    rewrite byte_of_nibbles by lia. reflexivity.
  - reflexivity.
Qed.

Lemma lex_plain : forall hcfg file text off p,
  h2_byte_mode hcfg = hex_mode -> forallb plain_char text = true ->
  (forall h, p = Some h -> 0 <= h < 16) ->
  lex_bytes hcfg file off (st_of p) text
  = Ok (map (fun z => tok_byte (Z.to_N z)) (read_hex p text)).
Proof.
  intros hcfg file text; induction text as [|c text IH]; intros off p Hm P Hp.
  - destruct p; reflexivity.
  - cbn [forallb] in P; apply andb_true_iff in P; destruct P as [Pc P].
    cbn [lex_bytes read_hex]. destruct (hex_value c) as [d|] eqn:Hc.
    + rewrite (step_digit hcfg file off p c d Hm Hc Hp). destruct p as [h|].
      * rewrite IH by (assumption || discriminate). reflexivity.
      * rewrite IH by (assumption || (intros h E; injection E as <-;
                                      exact (hex_value_range c d Hc))).
        reflexivity.
    + rewrite (step_blank hcfg file off p c Hc Pc), IH by assumption. reflexivity.
Qed.

(** ** Numbers *)

(** A number of [w] bytes, as the values it is shifted through, least significant first. *)
Fixpoint shifts (w : nat) (v : Z) : list Z :=
  match w with
  | O => []
  | S w' => v :: shifts w' (Z.shiftr v 8)
  end.

(** The [w] bytes of [v] (two's complement), least significant first. *)
Definition number_bytes (w : nat) (v : Z) : list Z := map (fun x => Z.land x 255) (shifts w v).

Lemma groups_hex : forall w v,
  digit_groups hex_mode w v = map (low_digits 4 2) (shifts w v).
Proof. induction w as [|w IH]; intros v; [reflexivity|]. simpl; rewrite IH; reflexivity. Qed.

Lemma read_concat : forall l,
  read_hex None (concat (map (low_digits 4 2) l)) = map (fun x => Z.land x 255) l.
Proof.
  induction l as [|x l IH]; [reflexivity|].
  cbn [map concat]; rewrite read_pair, IH; reflexivity.
Qed.

(** The bytes [read_hex] finds in M1's hex digits for a number of [w] bytes. *)
Lemma read_hex_number : forall be w v,
  read_hex None (number_text hex_mode be w v)
  = if be then rev (number_bytes w v) else number_bytes w v.
Proof.
  intros be w v; unfold number_text, number_bytes; rewrite groups_hex.
  destruct be.
  - rewrite <- map_rev, read_concat, map_rev; reflexivity.
  - apply read_concat.
Qed.

Lemma plain_digit : forall d, 0 <= d < 16 -> plain_char (digit_char d) = true.
Proof. intros d H; unfold plain_char, is_hex_digit; rewrite hex_value_digit by exact H; reflexivity. Qed.

Lemma plain_low_digits : forall n v, forallb plain_char (low_digits 4 n v) = true.
Proof.
  induction n as [|n IH]; intros v; [reflexivity|].
  cbn [low_digits]; rewrite forallb_app, IH; cbn [forallb]; rewrite plain_digit; [reflexivity|].
  change (2 ^ 4 - 1) with (Z.ones 4); rewrite Z.land_ones by lia; apply Z.mod_pos_bound; lia.
Qed.

Lemma plain_number_text : forall be w v, forallb plain_char (number_text hex_mode be w v) = true.
Proof.
  intros be w v; unfold number_text.
  assert (G : forallb (forallb plain_char) (digit_groups hex_mode w v) = true).
  { rewrite groups_hex; induction (shifts w v) as [|x l IH]; [reflexivity|].
    cbn [map forallb]; rewrite IH, plain_low_digits; reflexivity. }
  assert (C : forall gs, forallb (forallb plain_char) gs = true ->
              forallb plain_char (concat gs) = true).
  { induction gs as [|g gs IH]; [reflexivity|].
    cbn [forallb concat]; rewrite forallb_app; intros H; apply andb_true_iff in H.
    destruct H as [H1 H2]; rewrite H1, IH by exact H2; reflexivity. }
  apply C; destruct be; [|exact G].
  rewrite forallb_forall in G |- *; intros g I; apply G, in_rev, I.
Qed.

(** Numbers round-trip: hex2's reader, in hex byte mode, reads M1's hex digits for a number of
    [w] bytes as exactly the number's bytes, most significant first in big-endian mode and
    least significant first in little-endian mode, and nothing else. *)
Theorem number_roundtrip : forall hcfg file off be w v,
  h2_byte_mode hcfg = hex_mode ->
  lex_bytes hcfg file off lex_init (number_text hex_mode be w v)
  = Ok (map (fun z => tok_byte (Z.to_N z))
            (if be then rev (number_bytes w v) else number_bytes w v)).
Proof.
  intros hcfg file off be w v Hm.
  change lex_init with (st_of None).
  rewrite (lex_plain hcfg file _ off None Hm (plain_number_text be w v)) by discriminate.
  rewrite read_hex_number; reflexivity.
Qed.

(** ** Strings *)

Lemma read_repeat_zero : forall k,
  read_hex None (repeat 48%N (2 * k)) = repeat 0 k.
Proof.
  induction k as [|k IH]; [reflexivity|].
  replace (2 * S k)%nat with (S (S (2 * k))) by lia. cbn [repeat].
  assert (Z2 : forall s, read_hex None (48%N :: 48%N :: s) = 0 :: read_hex None s)
    by reflexivity.
  rewrite Z2, IH; reflexivity.
Qed.

Lemma read_string_digits : forall s rest,
  Forall (fun b => (b < 256)%N) s ->
  read_hex None (string_digits hex_mode s ++ rest) = map Z.of_N s ++ read_hex None rest.
Proof.
  induction s as [|b s IH]; intros rest H; [reflexivity|].
  inversion H as [|? ? Hb Hs]; subst.
  cbn [string_digits digit_bits digits_per_byte]. rewrite <- !app_assoc, read_pair.
  cbn [app read_hex hex_value]. simpl (N.leb 48 32). cbn.
  rewrite IH by exact Hs. f_equal.
  change 255 with (Z.ones 8); rewrite Z.land_ones by lia.
  apply Z.mod_small; lia.
Qed.

Lemma string_digits_app : forall m a b,
  string_digits m (a ++ b) = string_digits m a ++ string_digits m b.
Proof.
  induction a as [|x a IH]; intros b; [reflexivity|].
  simpl; rewrite IH, <- app_assoc; reflexivity.
Qed.

(** The bytes [read_hex] finds in a double-quoted string printed in hex mode. *)
Lemma read_hex_string : forall cfg body,
  m1_byte_mode cfg = hex_mode ->
  Forall (fun b => (b < 256)%N) body ->
  read_hex None (hexify cfg body)
  = map Z.of_N body ++ [0]
    ++ (match m1_arch cfg with
        | knight => repeat 0 ((4 - S (length body) mod 4) mod 4)
        | _ => []
        end).
Proof.
  intros cfg body Hm Hb; unfold hexify, knight_padding; rewrite Hm.
  rewrite string_digits_app, <- app_assoc, read_string_digits by exact Hb.
  f_equal. cbn [string_digits digit_bits digits_per_byte].
  rewrite <- !app_assoc, read_pair. cbn [app read_hex hex_value]. simpl (N.leb 48 32). cbn.
  f_equal. destruct (m1_arch cfg); try reflexivity.
  apply read_repeat_zero.
Qed.

Lemma plain_string_digits : forall s, forallb plain_char (string_digits hex_mode s) = true.
Proof.
  induction s as [|b s IH]; [reflexivity|].
  cbn [string_digits digit_bits digits_per_byte].
  rewrite !forallb_app, plain_low_digits; exact IH.
Qed.

Lemma plain_hexify : forall cfg body,
  m1_byte_mode cfg = hex_mode -> forallb plain_char (hexify cfg body) = true.
Proof.
  intros cfg body Hm; unfold hexify, knight_padding; rewrite Hm, forallb_app, plain_string_digits.
  destruct (m1_arch cfg); try reflexivity.
  cbn [andb]; rewrite forallb_forall; intros c I; apply repeat_spec in I; subst; reflexivity.
Qed.

(** Strings round-trip: hex2's reader, in hex byte mode, reads a double-quoted string that M1
    printed in hex mode as exactly its bytes, the NUL that ends it and, on knight, zero bytes up
    to a multiple of four. *)
Theorem string_roundtrip : forall cfg hcfg file off body,
  m1_byte_mode cfg = hex_mode ->
  h2_byte_mode hcfg = hex_mode ->
  Forall (fun b => (b < 256)%N) body ->
  lex_bytes hcfg file off lex_init (hexify cfg body)
  = Ok (map tok_byte
            (body ++ [0%N]
             ++ (match m1_arch cfg with
                 | knight => repeat 0%N ((4 - S (length body) mod 4) mod 4)
                 | _ => []
                 end))).
Proof.
  intros cfg hcfg file off body Hm Hh Hb.
  change lex_init with (st_of None).
  rewrite (lex_plain hcfg file (hexify cfg body) off None Hh (plain_hexify cfg body Hm))
    by discriminate.
  rewrite read_hex_string by assumption.
  rewrite !map_app, map_map. do 2 f_equal.
  - apply map_ext; intros b; rewrite N2Z.id; reflexivity.
  - destruct (m1_arch cfg); try reflexivity. cbn [map app]. do 2 f_equal.
    generalize ((4 - S (length body) mod 4) mod 4)%nat; induction n as [|n IH]; [reflexivity|].
    cbn [repeat map]; rewrite IH; reflexivity.
Qed.

(** ** DEFINE is order-free *)

Lemma text_eqb_true : forall a b, text_eqb a b = true -> a = b.
Proof.
  induction a as [|x a IH]; intros [|y b] H; simpl in H; try discriminate; [reflexivity|].
  destruct (N.eqb x y) eqn:E; [|discriminate].
  apply N.eqb_eq in E; subst; f_equal; apply IH, H.
Qed.

Lemma last_define_app : forall k a b,
  last_define k (a ++ b)
  = match last_define k b with Some v => Some v | None => last_define k a end.
Proof.
  intros k a b; induction a as [|[n v] a IH]; simpl.
  - destruct (last_define k b); reflexivity.
  - rewrite IH. destruct (last_define k b); [reflexivity|].
    destruct (last_define k a); reflexivity.
Qed.

(** Swapping two adjacent bindings of different names changes no name's value. *)
Lemma last_define_swap : forall k bs1 bs2 n1 v1 n2 v2,
  n1 <> n2 ->
  last_define k (bs1 ++ (n1, v1) :: (n2, v2) :: bs2)
  = last_define k (bs1 ++ (n2, v2) :: (n1, v1) :: bs2).
Proof.
  intros k bs1 bs2 n1 v1 n2 v2 Hn.
  rewrite !last_define_app; cbn [last_define].
  destruct (last_define k bs2); [reflexivity|].
  destruct (text_eqb n1 k) eqn:E1, (text_eqb n2 k) eqn:E2; try reflexivity.
  apply text_eqb_true in E1; apply text_eqb_true in E2; subst; contradiction.
Qed.

Lemma print_bindings : forall cfg bs bs' ts,
  (forall k, last_define k bs = last_define k bs') -> print cfg bs ts = print cfg bs' ts.
Proof.
  intros cfg bs bs' ts H; induction ts as [|t ts IH]; [reflexivity|].
  destruct t as [|s f o]; simpl; unfold outcome_of; rewrite ?H, IH; reflexivity.
Qed.

Lemma first_failure_bindings : forall cfg bs bs' ts,
  (forall k, last_define k bs = last_define k bs') ->
  first_failure cfg bs ts = first_failure cfg bs' ts.
Proof.
  intros cfg bs bs' ts H; induction ts as [|t ts IH]; [reflexivity|].
  destruct t as [|s f o]; simpl; unfold outcome_of; rewrite ?H, IH; reflexivity.
Qed.

(** DEFINE is order-free: M1 prints (and checks) every token with the bindings of the whole
    program, so exchanging the order of two DEFINEs of different names changes neither the
    output nor the error, whatever tokens come before, between or after them. (Two DEFINEs of
    the same name do not commute: the last one wins.) *)
Theorem define_order_free : forall cfg bs1 bs2 n1 v1 n2 v2 ts,
  n1 <> n2 ->
  print cfg (bs1 ++ (n1, v1) :: (n2, v2) :: bs2) ts
  = print cfg (bs1 ++ (n2, v2) :: (n1, v1) :: bs2) ts
  /\ first_failure cfg (bs1 ++ (n1, v1) :: (n2, v2) :: bs2) ts
     = first_failure cfg (bs1 ++ (n2, v2) :: (n1, v1) :: bs2) ts.
Proof.
  intros; split; [apply print_bindings|apply first_failure_bindings];
    intros k; apply last_define_swap; assumption.
Qed.
