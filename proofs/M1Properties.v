(** * M1Properties: what M1's output means to the hex2 that reads it. *)

(** M1 prints numbers and strings as hex digits for hex2 to read back as bytes. Here we read them
    back the way hex2 does in hex mode (each hex digit is a nibble, two nibbles make a byte,
    anything that is not a hex digit, spaces included, is skipped without resetting the pending
    nibble) and prove that the bytes are the intended ones: a number's bytes in the chosen byte
    order, and a string's bytes followed by its NUL and, on knight, the padding zeros. We also prove
    that DEFINE is order-free: [print] and [first_failure] (M1Spec.v) see the bindings of the
    whole program, and swapping two DEFINEs of different names changes neither. *)

From Coq Require Import NArith ZArith List Bool Lia.
From Hexproof.Spec Require Import Common Strtoint M1Lex M1Eval M1Spec.
Import ListNotations.
Local Open Scope Z_scope.

(** ** Reading hex digits back *)

Definition hex_value (c : byte) : option Z :=
  if andb (N.leb 48 c) (N.leb c 57) then Some (Z.of_N c - 48)
  else if andb (N.leb 65 c) (N.leb c 70) then Some (Z.of_N c - 55)
  else if andb (N.leb 97 c) (N.leb c 102) then Some (Z.of_N c - 87)
  else None.

(** hex2's hex mode, without comments: [pending] is the high nibble read so far. *)
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

(** Reading M1's hex digits for a number of [w] bytes gives the number's bytes, most significant
    first in big-endian mode and least significant first in little-endian mode. *)
Theorem number_roundtrip : forall be w v,
  read_hex None (number_text hex_mode be w v)
  = if be then rev (number_bytes w v) else number_bytes w v.
Proof.
  intros be w v; unfold number_text, number_bytes; rewrite groups_hex.
  destruct be.
  - rewrite <- map_rev, read_concat, map_rev; reflexivity.
  - apply read_concat.
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

(** A double-quoted string, printed in hex mode and read back, gives its bytes, the NUL that ends
    it and, on knight, zero bytes up to a multiple of four. *)
Theorem string_roundtrip : forall cfg body,
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
