(** * M1Bounds: every value the M1 core computes stays within 64 bits. *)

(** On inputs of at most [max_input_bytes] bytes together, every N and Z operation that
    [M1Exec.assemble_out] performs, in every call of every loop, has its exact result within the
    realised range (Bounds.v), every byte it writes is below 256, and the output, paddings
    included, has fewer than [(2^34 + L) * L + 1] bytes for [L] input bytes (below 2^63 for
    [L = 2^28]), so its size, which the runtime adds up from the lengths of its runs, fits in
    64 bits too. The structure is Hex2Bounds.v's: invariants of the loops ([scan_inv], ...),
    [calls_within] theorems on the loops' own bodies, and a predicate per function listing its
    operations ([emit_ops], ...), proved from the invariants.

    Why a word's output is bounded by its text ([K] bytes per byte of text, [K = 2^34 + L]): a
    [<N] padding prints [N < 2^31] (upstream's 32-bit [strtoint]) times at most 8 digits, from a
    text of at least 2 bytes; a DEFINE value is a text of the input (at most [L] bytes); a string
    prints at most 9 characters per byte and 6 of padding; a number at most 33; anything else
    its own text; plus one separator.

    proofs/bounds_inventory.txt ties each function of extracted/gen that can stop the engine
    on a value to the predicate stating its operations, and `make proofs` checks it against the
    generated C++; what is trusted and what is not covered is as in Hex2Bounds.v. The digit
    loops along constant lists ([push_groups_le], [push_groups_be]) need no invariant: their
    operations ([digit_ops], [shift_amounts_ok]) are in range whatever the value. *)

From Coq Require Import NArith ZArith List Lia.
From Hexproof.Spec Require Import Common Strtoint M1Lex M1Eval M1Spec CommandLine.
From Hexproof.Proofs Require Import ByteMap OutBuf Bounds M1Exec M1Execproof Hex2Bounds.
Import ListNotations.
Local Open Scope N_scope.

(** ** The operations of each function *)

(** [strtoint]: the digit loop [read_digits], started by [set_reader] on a suffix of the text
    with [acc = 0] in base 2, 8, 10 or 16, and the negation of its result. *)
Definition read_digits_args : Type := Z * Z * bytes.

Definition read_digits_body (rec : read_digits_args -> option Z) (a : read_digits_args)
  : option Z :=
  match a with
  | (base, acc, s) =>
      match s with
      | [] => read_digits base acc []
      | c :: s' => ltac:(body_of read_digits (read_digits base acc (c :: s'))
                           (fun base acc s => rec (base, acc, s)))
      end
  end.

Definition read_digits_inv (a : read_digits_args) : Prop :=
  match a with
  | (base, acc, s) => (0 <= base <= 16)%Z /\ (-2147483648 <= acc < 2147483648)%Z /\ byte_list s
  end.

(** One digit: [Strtoint.digit_value]'s [Z.of_N (c - 48)], [c - 55], [c - 87], then
    [acc * base + d] and [wrap32] of it. *)
Definition read_digits_ops (a : read_digits_args) : Prop :=
  match a with
  | (base, acc, []) => True
  | (base, acc, c :: _) =>
      z_in_range (Z.of_N (c - 48)) /\ z_in_range (Z.of_N (c - 55)) /\ z_in_range (Z.of_N (c - 87)) /\
      z_in_range (acc * base) /\
      forall d, digit_value base c = Some d ->
        z_in_range (acc * base + d) /\ wrap32_ops (acc * base + d)
  end.

Definition suffix (s' s : bytes) : Prop := exists p, s = p ++ s'.

Definition strtoint_ops (s : bytes) : Prop :=
  (forall base s', suffix s' s -> In base [2; 8; 10; 16]%Z -> read_digits_inv (base, 0%Z, s')) /\
  (forall base s' n, read_digits base 0 s' = Some n -> suffix s' s ->
     z_in_range (- n) /\ wrap32_ops (- n)).

(** [count_bytes s n]: [n + 1] for each byte. *)
Definition count_args : Type := bytes * N.

Definition count_body (rec : count_args -> N) (a : count_args) : N :=
  match a with
  | (s, n) =>
      match s with
      | [] => count_bytes [] n
      | b :: s' => ltac:(body_of count_bytes (count_bytes (b :: s') n) (fun s n => rec (s, n)))
      end
  end.

Definition count_inv (L : N) (a : count_args) : Prop := N.of_nat (length (fst a)) + snd a <= L.

Definition count_ops (a : count_args) : Prop := n_in_range (snd a + 1).

(** [push_string_digits m s o]: [Z.of_N b] of each byte, its digits, and a space. *)
Definition string_digits_args : Type := byte_mode * bytes * outbuf.

Definition string_digits_body (rec : string_digits_args -> outbuf) (a : string_digits_args)
  : outbuf :=
  match a with
  | (m, s, o) =>
      match s with
      | [] => push_string_digits m [] o
      | b :: s' => ltac:(body_of push_string_digits (push_string_digits m (b :: s') o)
                           (fun m s o => rec (m, s, o)))
      end
  end.

Definition string_digits_inv (a : string_digits_args) : Prop := byte_list (snd (fst a)).

Definition string_digits_ops (a : string_digits_args) : Prop :=
  match a with (_, [], _) => True | (_, b :: _, _) => z_in_range (Z.of_N b) end.

(** [push_digit m v o] (all the digits of numbers and bytes): [digit_char] of [v]'s lowest
    digit, [48 + d] or [55 + d], and the byte it pushes. *)
Definition digit_ops (m : byte_mode) (v : Z) : Prop :=
  let d := Z.land v (digit_mask m) in
  z_in_range (48 + d) /\ z_in_range (55 + d) /\ digit_char d < 256.

(** [riscv_immediate c v] ([push_word]): its shifts and [+ 4096]. *)
Definition riscv_immediate_ops (v : Z) : Prop :=
  z_in_range (Z.shiftl (Z.land v 4095) 20) /\ z_in_range (Z.shiftl (Z.land v 31) 7) /\
  z_in_range (Z.shiftl (Z.land v 4064) 20) /\ z_in_range (Z.land v 4294963200 + 4096) /\
  wrap32_ops (Z.shiftl (Z.land v 4095) 20) /\
  wrap32_ops (Z.lor (Z.shiftl (Z.land v 31) 7) (Z.shiftl (Z.land v 4064) 20)) /\
  wrap32_ops (Z.land v 4294963200) /\ wrap32_ops (Z.land v 4294963200 + 4096).

(** [knight_pad_count cfg n]: [2 * ((4 - n mod 4) mod 4)]. *)
Definition knight_pad_ops (n : N) : Prop := n_in_range (2 * ((4 - n mod 4) mod 4)).

(** [emit cfg define s o], every stage: the bytes [push_all] pushes (the text, its body, the
    DEFINE value), [strtoint] of the text and of its tail, a string's length and digits, and a
    padding's number of digits. *)
Definition emit_ops (cfg : m1_config) (define : option bytes) (s : bytes) : Prop :=
  byte_list s /\ (forall v, define = Some v -> byte_list v) /\
  strtoint_ops s /\ strtoint_ops (tl s) /\
  count_inv (2 ^ 62) (tl s, 0) /\ n_in_range (count_bytes (tl s) 0 + 1) /\
  knight_pad_ops (count_bytes (tl s) 0 + 1) /\
  string_digits_inv (m1_byte_mode cfg, tl s, out_empty) /\
  n_in_range (Z.to_N (strtoint (tl s)) * digits_per_byte_n (m1_byte_mode cfg)).

(** A word fed to pass A (a binding added when it is a DEFINE's value) or pass B (looked up,
    evaluated, printed or checked), and a line end fed to pass A. *)
Definition feed_word_ops (pass : bool) (cfg : m1_config) (m : ByteMap.t bytes) (c : cstate)
    (s : bytes) : Prop :=
  if pass then find_in_range s m /\ emit_ops cfg (ByteMap.find s m) s
  else c_ds c = Ds_value -> add_in_range (c_name c) (text_value s) (c_defs c).

Definition feed_newline_ops (pass : bool) (c : cstate) : Prop :=
  if pass then True else c_ds c = Ds_value -> add_in_range (c_name c) [ch_lf] (c_defs c).

(** ** The loops of the lexer *)

Definition scan_args : Type :=
  bool * m1_config * ByteMap.t bytes * N * N * lex_mode * N * N * bytes * N * bytes * bool * cstate.
Definition scan_result : Type := result (bool * cstate).

Definition scan_body (rec : scan_args -> scan_result) (a : scan_args) : scan_result :=
  match a with
  | (pass, cfg, m, file, pos, mode, start, q, tok, len, s, quiet, c) =>
      match s with
      | [] => scan pass cfg m file pos mode start q tok len [] quiet c
      | ch :: s' =>
          ltac:(body_of scan (scan pass cfg m file pos mode start q tok len (ch :: s') quiet c)
            (fun pass cfg m file pos mode start q tok len s quiet c =>
               rec (pass, cfg, m, file, pos, mode, start, q, tok, len, s, quiet, c)))
      end
  end.

(** One iteration: [pos + 1], [len + 1], and the token a byte may complete, fed with the line
    end that may follow it; at the end of the input, the last word. *)
Definition scan_ops (a : scan_args) : Prop :=
  match a with
  | (pass, cfg, m, file, pos, mode, start, q, tok, len, s, quiet, c) =>
      let text := take_bytes len tok in
      feed_word_ops pass cfg m c text /\
      match s with
      | [] => True
      | _ :: _ =>
          n_in_range (pos + 1) /\ n_in_range (len + 1) /\ feed_newline_ops pass c /\
          feed_newline_ops pass (feed_word pass cfg m c text file start)
      end
  end.

Definition scan_call (a : scan_args) : scan_result :=
  match a with
  | (pass, cfg, m, file, pos, mode, start, q, tok, len, s, quiet, c) =>
      scan pass cfg m file pos mode start q tok len s quiet c
  end.

Definition scan_files_args : Type := bool * m1_config * ByteMap.t bytes * N * list bytes * bool * cstate.

Definition scan_files_body (rec : scan_files_args -> scan_result) (rs : scan_args -> scan_result)
    (a : scan_files_args) : scan_result :=
  match a with
  | (pass, cfg, m, file, inputs, quiet, c) =>
      match inputs with
      | [] => scan_files pass cfg m file [] quiet c
      | f :: fs =>
          ltac:(body2_of_at scan_files scan_files scan (scan_files pass cfg m file (f :: fs) quiet c)
            (fun pass cfg m file inputs quiet c => rec (pass, cfg, m, file, inputs, quiet, c))
            (fun pass cfg m file pos mode start q tok len s quiet c =>
               rs (pass, cfg, m, file, pos, mode, start, q, tok, len, s, quiet, c)))
      end
  end.

(** [file + 1], and the line end fed after each file. *)
Definition scan_files_ops (a : scan_files_args) : Prop :=
  match a with
  | (pass, cfg, m, file, inputs, quiet, c) =>
      match inputs with
      | [] => True
      | f :: _ =>
          n_in_range (file + 1) /\
          forall q c', scan pass cfg m file 0 Lm_between 0 0 [] 0 f quiet c = Ok (q, c') ->
            feed_newline_ops pass c'
      end
  end.

(** ** The invariants *)

(** A DEFINE value: a text of the input. *)
Definition value_ok (L : N) (v : bytes) : Prop := byte_list v /\ N.of_nat (length v) <= L.

(** The most output bytes per byte of a word's text (its separator included). *)
Definition word_cost (L : N) : N := 2 ^ 34 + L.

(** 1 while a DEFINE waits for its name or value: the binding it will add. *)
Definition ds_pend (d : define_state) : N := match d with Ds_normal => 0 | _ => 1 end.

Definition token_mode (mode : lex_mode) : bool :=
  match mode with Lm_atom | Lm_string => true | _ => false end.

(** The state after [consumed] bytes of the inputs, at most [n] bindings added. *)
Definition cstate_ok (L n consumed : N) (c : cstate) : Prop :=
  byte_list (c_name c) /\ N.of_nat (length (c_name c)) <= L /\
  map_ok (value_ok L) n (c_defs c) /\ n + ds_pend (c_ds c) <= consumed /\
  out_length (c_out c) <= word_cost L * consumed.

(** [scan] at [pos] in a file after [base] bytes of earlier files: the bytes of a token being
    read ([len] of them, from [start], [tok] the input from there) are not yet paid for. *)
Definition scan_at (L base n nm : N) (a : scan_args) : Prop :=
  match a with
  | (pass, cfg, m, file, pos, mode, start, q, tok, len, s, quiet, c) =>
      base + pos + N.of_nat (length s) <= L /\ file < 2 ^ 60 /\ byte_list s /\
      (if token_mode mode
       then start + len = pos /\ 1 <= len /\ byte_list tok /\
            N.of_nat (length tok) = len + N.of_nat (length s)
       else len = 0 /\ tok = []) /\
      map_ok (value_ok L) nm m /\ nm <= L /\
      cstate_ok L n (base + if token_mode mode then start else pos) c
  end.

Definition scan_inv (L : N) (a : scan_args) : Prop := exists base nm n, scan_at L base n nm a.

Definition scan_files_at (L base n nm : N) (a : scan_files_args) : Prop :=
  match a with
  | (pass, cfg, m, file, inputs, quiet, c) =>
      base + total_bytes inputs <= L /\ file + N.of_nat (length inputs) <= 2 ^ 60 /\
      Forall byte_list inputs /\ map_ok (value_ok L) nm m /\ nm <= L /\ cstate_ok L n base c
  end.

Definition scan_files_inv (L : N) (a : scan_files_args) : Prop :=
  exists base nm n, scan_files_at L base n nm a.

(** ** Proofs *)

(** *** How long a word's output is *)

Lemma low_digits_length : forall bits n v, length (low_digits bits n v) = n.
Proof.
  intros bits n; induction n as [|n IH]; intros v; [reflexivity|].
  cbn [low_digits]; rewrite app_length, IH; cbn; lia.
Qed.

Lemma number_text_length : forall m be w v,
  length (number_text m be w v) = (w * digits_per_byte m)%nat.
Proof.
  intros m be w v; unfold number_text.
  assert (G : forall w v, length (concat (digit_groups m w v)) = (w * digits_per_byte m)%nat).
  { induction w0 as [|w0 IH]; intros v0; [reflexivity|].
    cbn [digit_groups concat]; rewrite app_length, low_digits_length, IH; lia. }
  destruct be; [|apply G].
  rewrite <- (G w v).
  assert (R : forall (l : list bytes), length (concat (rev l)) = length (concat l)).
  { induction l as [|x l IH]; [reflexivity|].
    cbn [rev concat]; rewrite concat_app, app_length, IH; cbn; rewrite app_nil_r, app_length; lia. }
  apply R.
Qed.

Lemma string_digits_length : forall m s,
  length (string_digits m s) = (length s * (digits_per_byte m + 1))%nat.
Proof.
  intros m s; induction s as [|b s IH]; [reflexivity|].
  cbn [string_digits length]; rewrite !app_length, low_digits_length; unfold byte in *.
  rewrite IH; cbn; lia.
Qed.

Lemma dpb_le : forall m, (digits_per_byte m <= 8)%nat.
Proof. intros []; cbn; lia. Qed.

Lemma knight_padding_length : forall cfg n, (length (knight_padding cfg n) <= 6)%nat.
Proof.
  intros cfg n; unfold knight_padding.
  destruct (m1_arch cfg), (m1_byte_mode cfg); cbn [length]; try lia.
  rewrite repeat_length; pose proof (Nat.mod_upper_bound (4 - n mod 4) 4 ltac:(lia)); lia.
Qed.

Lemma text_length_le : forall s : bytes, (s = [] -> False) -> 1 <= N.of_nat (length s).
Proof. intros [|x s] H; [exfalso; auto|cbn [length]; lia]. Qed.

Lemma cost_le : forall L n x, 1 <= n -> x <= 2 ^ 34 * n + L -> x <= word_cost L * n.
Proof. intros L n x H1 H2; unfold word_cost; rewrite N.mul_add_distr_r; nia. Qed.

Lemma number_text_le : forall m be w x, (w <= 4)%nat -> N.of_nat (length (number_text m be w x)) <= 32.
Proof. intros; rewrite number_text_length; destruct m; cbn [digits_per_byte]; lia. Qed.

Lemma express_number_le : forall cfg c x t, express_number cfg c x = Value t -> N.of_nat (length t) <= 32.
Proof.
  intros cfg c x t X; unfold express_number, checked_field in X;
    repeat match goal with X : context [if ?b then _ else _] |- _ => destruct b end;
    try discriminate; injection X as <-; apply number_text_le; lia.
Qed.

Lemma immediate_le : forall cfg s v, immediate cfg s = Some (Value v) -> N.of_nat (length v) <= 33.
Proof.
  intros cfg s v; unfold immediate; destruct s as [|c body]; [discriminate|]; cbv beta iota zeta.
  repeat match goal with |- context [if ?b then _ else _] => destruct b end;
    try destruct (m1_arch cfg); intros I; try discriminate; injection I as I;
    try (pose proof (express_number_le _ _ _ _ I); lia).
  all: subst v; unfold express_word; cbv zeta;
    repeat match goal with |- context [if ?b then _ else _] => destruct b end;
    cbn [length]; rewrite ?Nat2N.inj_succ;
    match goal with |- context [number_text ?m ?be ?w ?x] => pose proof (number_text_le m be w x ltac:(lia)) end;
    lia.
Qed.

(** A word [s] (not empty) with the DEFINE value [d] prints at most [word_cost L * |s|] bytes,
    its separator included. *)
Lemma evaluate_length : forall L cfg d s v, s <> [] ->
  (forall v', d = Some v' -> N.of_nat (length v') <= L) -> evaluate cfg d s = Value v ->
  1 + N.of_nat (length v) <= word_cost L * N.of_nat (length s).
Proof.
  intros L cfg d s v NE Hd E.
  pose proof (text_length_le s NE) as S1; apply cost_le; [exact S1|].
  unfold evaluate, string_value in E.
  destruct s as [|c body]; [congruence|].
  assert (Len : N.of_nat (length (c :: body)) = 1 + N.of_nat (length body)) by (cbn [length]; lia).
  rewrite Len in *; clear S1 Len.
  destruct (c =? 34).
  { injection E as <-; unfold hexify.
    rewrite app_length, string_digits_length, app_length.
    pose proof (knight_padding_length cfg (S (length body))).
    destruct (m1_byte_mode cfg); cbn [length digits_per_byte] in *; lia. }
  destruct (c =? 39).
  { injection E as <-; lia. }
  destruct d as [v'|].
  { injection E as <-; specialize (Hd v' eq_refl); lia. }
  destruct (immediate cfg (c :: body)) as [r|] eqn:I.
  - subst r; pose proof (immediate_le _ _ _ I); lia.
  - revert E; unfold other; cbv beta iota zeta.
    repeat match goal with |- context [if ?b then _ else _] => destruct b eqn:? end;
      intros E; try discriminate; injection E as <-; cbn [length]; try lia.
    repeat match goal with H : (_ =? _)%Z = _ |- _ => apply Z.eqb_neq in H
                         | H : (_ <? _)%Z = false |- _ => apply Z.ltb_ge in H end.
    pose proof (strtoint_range body) as R.
    rewrite repeat_length, Nat2N.inj_mul, Z_nat_N.
    destruct body as [|b body']; [cbn [strtoint] in *; congruence|].
    assert (Z.to_N (strtoint (b :: body')) < 2 ^ 31) by lia.
    cbn [length] in *; destruct (m1_byte_mode cfg); cbn [digits_per_byte]; lia.
Qed.

(** *** The loops of [strtoint], [count_bytes] and [push_string_digits] *)

Lemma digit_value_range : forall base c d, byte_list [c] -> digit_value base c = Some d ->
  (0 <= d < 256)%Z.
Proof.
  intros base c d Hc D; inversion Hc as [|? ? Hb _]; subst; unfold digit_value in D.
  repeat match goal with D : context [if ?b then _ else _] |- _ => destruct b eqn:? end;
    try discriminate; injection D as <-;
    repeat match goal with E : (_ && _)%bool = true |- _ => apply andb_prop in E; destruct E end;
    rewrite ?N.leb_le in *; lia.
Qed.

Theorem read_digits_calls : calls_within read_digits_body read_digits_inv read_digits_inv.
Proof.
  intros [[base acc] [|c s]] (Hb & Ha & Hs) f g E; unfold read_digits_body; cbn beta iota;
    [reflexivity|].
  inversion Hs; subst; split_calls E ltac:(split; [exact Hb|split; [first [apply wrap32_range|exact Ha]|assumption]]).
Qed.

Theorem read_digits_in_range : forall a, read_digits_inv a -> read_digits_ops a.
Proof.
  intros [[base acc] [|c s]] (Hb & Ha & Hs); cbn; auto; inversion Hs; subst.
  cbv beta in *; unfold z_in_range; do 4 (split; [nia|]); intros d D.
  pose proof (digit_value_range base c d ltac:(repeat constructor; lia) D).
  split; [nia|apply wrap32_ops_ok].
Qed.

Lemma suffix_bytes : forall s s', suffix s' s -> byte_list s -> byte_list s'.
Proof. intros s s' [p ->] H; apply Forall_app in H; tauto. Qed.

Lemma read_digits_range : forall b acc s n, (-2147483648 <= acc < 2147483648)%Z ->
  read_digits b acc s = Some n -> (-2147483648 <= n < 2147483648)%Z.
Proof.
  intros b acc s; revert acc; induction s as [|c s IH]; intros acc n Hacc H; cbn in H.
  - injection H as <-; exact Hacc.
  - destruct (N.eqb c 95); [eauto|].
    destruct (digit_value b c); [|discriminate].
    eapply IH; [apply wrap32_range|exact H].
Qed.

Theorem strtoint_ops_ok : forall s, byte_list s -> strtoint_ops s.
Proof.
  intros s Hs; split.
  - intros base s' Suf B; split; [cbn in B; intuition (subst; lia)|].
    split; [lia|eapply suffix_bytes; eauto].
  - intros base s' n R _; pose proof (read_digits_range base 0 s' n ltac:(lia) R).
    split; [unfold z_in_range; lia|apply wrap32_ops_ok].
Qed.

Theorem count_calls : forall L, calls_within count_body (count_inv L) (count_inv L).
Proof.
  intros L [[|b s] n] H f g E; unfold count_body; cbn beta iota; [reflexivity|].
  apply E; unfold count_inv in *; cbn [fst snd length] in *; lia.
Qed.

Theorem count_in_range : forall L a, L < 2 ^ 63 -> count_inv L a -> count_ops a.
Proof. intros L [s n] HL H; unfold count_inv, count_ops, n_in_range in *; cbn in *; lia. Qed.

Theorem string_digits_calls : calls_within string_digits_body string_digits_inv string_digits_inv.
Proof.
  intros [[m [|b s]] o] H f g E; unfold string_digits_body; cbn beta iota; [reflexivity|].
  apply E; unfold string_digits_inv in *; cbn in *; inversion H; auto.
Qed.

Theorem string_digits_in_range : forall a, string_digits_inv a -> string_digits_ops a.
Proof.
  intros [[m [|b s]] o] H; cbn; auto; unfold string_digits_inv in H; cbn in H; inversion H; subst.
  unfold z_in_range; cbv beta in *; lia.
Qed.

(** *** Digits, RISC-V immediates, Knight's padding: in range whatever their arguments *)

Theorem digit_ops_ok : forall m v, digit_ops m v.
Proof.
  intros m v; unfold digit_ops.
  assert (R : (0 <= Z.land v (digit_mask m) < 2 ^ 4)%Z)
    by (apply z_land_range; [lia|destruct m; cbn; lia]).
  unfold z_in_range, digit_char; split; [lia|]; split; [lia|].
  destruct (Z.ltb_spec (Z.land v (digit_mask m)) 10); lia.
Qed.

Theorem riscv_immediate_ops_ok : forall v, riscv_immediate_ops v.
Proof.
  intros v; unfold riscv_immediate_ops.
  pose proof (z_land_range v 4294963200 32 ltac:(lia) ltac:(lia)).
  repeat split; try apply wrap32_ops_ok; try (unfold z_in_range; lia);
    eapply shiftl_range with (k := 32%Z); lia.
Qed.

(** The digit loops shift by [digit_bits m] and [group_bits m]: never a negative amount, which
    the runtime realises as a left shift. *)
Definition shift_amounts_ok : Prop := forall m, (0 <= digit_bits m)%Z /\ (0 <= group_bits m)%Z.

Theorem shift_amounts : shift_amounts_ok.
Proof. intros []; cbn; lia. Qed.

Theorem knight_pad_ops_ok : forall n, knight_pad_ops n.
Proof.
  intros n; unfold knight_pad_ops, n_in_range.
  pose proof (N.mod_lt (4 - n mod 4) 4 ltac:(discriminate)); lia.
Qed.

(** *** A word's evaluation *)

Theorem emit_ops_ok : forall cfg define (s : bytes), byte_list s -> N.of_nat (length s) <= 2 ^ 62 ->
  (forall v, define = Some v -> byte_list v) -> emit_ops cfg define s.
Proof.
  intros cfg define s Hs Len Hd.
  assert (Ht : byte_list (tl s)) by (destruct s; [constructor|inversion Hs; auto]).
  assert (Lt : N.of_nat (length (tl s)) <= 2 ^ 62) by (destruct s; cbn [tl length] in *; lia).
  unfold emit_ops; split; [exact Hs|]; split; [exact Hd|].
  split; [apply strtoint_ops_ok; exact Hs|]; split; [apply strtoint_ops_ok; exact Ht|].
  split; [unfold count_inv; cbn [fst snd]; lia|].
  rewrite count_bytes_spec; split; [unfold n_in_range; lia|].
  split; [apply knight_pad_ops_ok|]; split; [exact Ht|].
  pose proof (strtoint_range (tl s)); unfold n_in_range.
  assert (Z.to_N (strtoint (tl s)) < 2 ^ 31) by lia.
  destruct (m1_byte_mode cfg); cbn [digits_per_byte_n]; lia.
Qed.

(** *** The state the passes carry *)

Definition cs_ok (L consumed : N) (c : cstate) : Prop := exists n, cstate_ok L n consumed c.

Lemma mk_cstate_ok : forall L n k c, byte_list (c_name c) -> N.of_nat (length (c_name c)) <= L ->
  map_ok (value_ok L) n (c_defs c) -> n + ds_pend (c_ds c) <= k ->
  out_length (c_out c) <= word_cost L * k -> cstate_ok L n k c.
Proof. intros; repeat (split; [assumption|]); assumption. Qed.

Lemma cs_ok_mono : forall L k k' c, k <= k' -> cs_ok L k c -> cs_ok L k' c.
Proof.
  intros L k k' c Le (n & Hn & Hl & Hm & Hp & Ho); exists n; apply mk_cstate_ok; auto; [lia|].
  eapply N.le_trans; [exact Ho|apply N.mul_le_mono_l; exact Le].
Qed.

Lemma value_ok_lf : forall L, 1 <= L -> value_ok L [ch_lf].
Proof. intros L H; split; [repeat constructor; cbv; discriminate|cbn; lia]. Qed.

Lemma ds_pend_le : forall d, ds_pend d <= 1.
Proof. intros []; cbn; lia. Qed.

Lemma feed_newline_ok : forall pass L k c, k <= L -> cs_ok L k c -> cs_ok L k (feed_newline pass c).
Proof.
  intros pass L k c Hk (n & Hn & Hl & Hm & Hp & Ho).
  destruct pass; cbn [feed_newline].
  - unfold feedB_newline, after_check.
    destruct (c_fail c); [exists n; apply mk_cstate_ok; auto|].
    destruct (c_ds c) eqn:D; exists n; rewrite ?D in Hp;
      apply mk_cstate_ok; cbn [c_name c_defs c_ds c_out ds_pend] in *; auto; lia.
  - unfold feedA_newline.
    destruct (c_ds c) eqn:D; rewrite ?D in Hp; cbn [ds_pend] in Hp.
    + exists n; apply mk_cstate_ok; auto.
    + exists n; apply mk_cstate_ok; cbn [c_name c_defs c_ds c_out ds_pend]; auto; cbn; try lia.
      repeat constructor; cbv; discriminate.
    + exists (n + 1); apply mk_cstate_ok; cbn [c_name c_defs c_ds c_out ds_pend]; auto; try lia.
      apply map_ok_add; [exact Hm|apply value_ok_lf; lia].
Qed.

Lemma newline_if_ok : forall pass quiet L k c, k <= L -> cs_ok L k c ->
  cs_ok L k (newline_if pass quiet c).
Proof. intros [] [] L k c Hk H; cbn [newline_if]; auto; apply feed_newline_ok; auto. Qed.

Lemma text_value_ok : forall L (s : bytes), byte_list s -> N.of_nat (length s) <= L ->
  value_ok L (text_value s).
Proof.
  intros L [|x s] Hs Hl; cbn [text_value]; [split; auto|].
  destruct (is_quote x); [|split; auto].
  inversion Hs; subst; split; auto; cbn [length] in Hl; lia.
Qed.

Lemma out_length_app : forall o v, out_length (out_app o v) = out_length o + N.of_nat (length v).
Proof. intros; unfold out_length; rewrite out_contents_app, app_length, Nat2N.inj_add; reflexivity. Qed.

Lemma lead_word_length : forall l o, out_length (lead_word l o) <= out_length o + 1.
Proof. intros [] o; cbn [lead_word]; rewrite ?out_length_push; lia. Qed.

Lemma word_cost_ge : forall L, 1 <= word_cost L.
Proof. intros; unfold word_cost; lia. Qed.

Lemma feed_word_ok : forall pass cfg L m nm k k' c (s : bytes) f off,
  k' <= L -> k + N.of_nat (length s) <= k' -> 1 <= N.of_nat (length s) -> byte_list s ->
  map_ok (value_ok L) nm m -> cs_ok L k c -> cs_ok L k' (feed_word pass cfg m c s f off).
Proof.
  intros pass cfg L m nm k k' c s f off Hk' Hs1 Hs0 Hs Hmap Hc.
  assert (Hc' : cs_ok L k' c) by (eapply cs_ok_mono; [|exact Hc]; lia).
  destruct Hc as (n & Hn & Hl & Hm & Hp & Ho); pose proof (ds_pend_le (c_ds c)).
  destruct pass; cbn [feed_word].
  - unfold feedB_word; destruct (c_fail c); [exact Hc'|].
    assert (AC : forall r d l, ds_pend d <= 1 ->
              cs_ok L k' (after_check c r d l)).
    { intros [e|] d l Hd; exists n; unfold after_check; apply mk_cstate_ok;
        cbn [c_name c_defs c_ds c_out ds_pend]; auto; try lia;
        (eapply N.le_trans; [exact Ho|apply N.mul_le_mono_l; lia]). }
    destruct (c_ds c) eqn:D; [destruct (is_define_text s)|..]; try (apply AC; cbn; lia).
    unfold print_word.
    pose proof (lead_word_length (c_last c) (c_out c)) as LW.
    rewrite emit_spec.
    destruct (evaluate cfg (ByteMap.find s m) s) as [v| |k0 v] eqn:Ev; cbn [lift];
      exists n; apply mk_cstate_ok; cbn [c_name c_defs c_ds c_out ds_pend]; rewrite ?D; auto; try lia.
    + rewrite out_length_app.
      assert (NE : s <> []) by (intros ->; cbn in Hs0; lia).
      pose proof (evaluate_length L cfg (ByteMap.find s m) s v NE
        ltac:(intros v' F; exact (proj2 (map_ok_find _ _ _ _ _ _ Hmap F))) Ev) as EL.
      assert (word_cost L * k + word_cost L * N.of_nat (length s) <= word_cost L * k')
        by (rewrite <- N.mul_add_distr_l; apply N.mul_le_mono_l; lia).
      lia.
    + pose proof (word_cost_ge L).
      assert (word_cost L * k + word_cost L * 1 <= word_cost L * k')
        by (rewrite <- N.mul_add_distr_l; apply N.mul_le_mono_l; lia).
      lia.
    + eapply N.le_trans; [exact Ho|apply N.mul_le_mono_l; lia].
  - unfold feedA_word; destruct (c_ds c) eqn:D; rewrite ?D in Hp; cbn [ds_pend] in Hp.
    + destruct (is_define_text s); exists n; apply mk_cstate_ok;
        cbn [c_name c_defs c_ds c_out ds_pend]; auto; try lia;
        (eapply N.le_trans; [exact Ho|apply N.mul_le_mono_l; lia]).
    + exists n; apply mk_cstate_ok; cbn [c_name c_defs c_ds c_out ds_pend]; auto; try lia.
      eapply N.le_trans; [exact Ho|apply N.mul_le_mono_l; lia].
    + exists (n + 1); apply mk_cstate_ok; cbn [c_name c_defs c_ds c_out ds_pend]; auto; try lia.
      * apply map_ok_add; [exact Hm|apply text_value_ok; auto; lia].
      * eapply N.le_trans; [exact Ho|apply N.mul_le_mono_l; lia].
Qed.

Lemma add_in_range_ok : forall A (P : A -> Prop) n k (v : A) m, n < 2 ^ 62 -> map_ok P n m ->
  byte_list k -> add_in_range k v m.
Proof. intros; exists n; split; [assumption|eapply add_ops_ok; eauto]. Qed.

Lemma feed_newline_ops_ok : forall pass L k c, L < 2 ^ 62 -> k <= L -> cs_ok L k c ->
  feed_newline_ops pass c.
Proof.
  intros [] L k c HL Hk (n & Hn & Hl & Hm & Hp & Ho); cbn [feed_newline_ops]; [exact I|].
  intros _; eapply add_in_range_ok with (n := n); eauto; lia.
Qed.

Lemma feed_word_ops_ok : forall pass cfg L m nm k c (s : bytes), L < 2 ^ 62 -> k <= L ->
  byte_list s -> N.of_nat (length s) <= L -> map_ok (value_ok L) nm m -> cs_ok L k c ->
  feed_word_ops pass cfg m c s.
Proof.
  intros [] cfg L m nm k c s HL Hk Hs Hls Hmap (n & Hn & Hl & Hm & Hp & Ho); cbn [feed_word_ops].
  - split; [eapply find_ops_ok; eauto|].
    apply emit_ops_ok; auto; [lia|].
    intros v F; exact (proj1 (map_ok_find _ _ _ _ _ _ Hmap F)).
  - intros _; eapply add_in_range_ok with (n := n); eauto; lia.
Qed.

(** *** The loop of the lexer *)

Lemma take_bytes_length : forall n (l : bytes), n <= N.of_nat (length l) ->
  N.of_nat (length (take_bytes n l)) = n.
Proof.
  intros n l; revert n; induction l as [|x l IH]; intros n H; cbn [take_bytes length] in *; [lia|].
  destruct (N.eqb_spec n 0); [subst; reflexivity|].
  cbn [length]; rewrite Nat2N.inj_succ, IH; lia.
Qed.

(** The next call of [scan], one byte further on: the new token (if any) and the state. *)
Lemma scan_at_step : forall L base n nm pass cfg m file pos mode start q tok len ch s quiet c
    mode' start' q' tok' len' quiet' c',
  scan_at L base n nm (pass, cfg, m, file, pos, mode, start, q, tok, len, ch :: s, quiet, c) ->
  (if token_mode mode'
   then start' + len' = pos + 1 /\ 1 <= len' /\ byte_list tok' /\
        N.of_nat (length tok') = len' + N.of_nat (length s)
   else len' = 0 /\ tok' = []) ->
  cs_ok L (base + if token_mode mode' then start' else pos + 1) c' ->
  exists n', scan_at L base n' nm (pass, cfg, m, file, pos + 1, mode', start', q', tok', len', s,
                                   quiet', c').
Proof.
  intros until c'; intros (Hl & Hf & Hs & _ & Hm & Hnm & _) Ht [n' Hc].
  inversion Hs; subst; cbn [length] in Hl; exists n'.
  refine (conj _ (conj Hf (conj _ (conj Ht (conj Hm (conj Hnm Hc)))))); [lia|assumption].
Qed.

Ltac scan_token_goal :=
  cbn [token_mode]; repeat split; first [assumption|reflexivity|constructor; assumption|
    (cbn [length] in *; unfold byte in *; lia)].

Ltac scan_cs_goal :=
  cbn [token_mode];
  first [eassumption
        |eapply cs_ok_mono; [|eassumption]; lia
        |eapply cs_ok_mono; [|eapply newline_if_ok; [|eassumption]]; lia
        |eapply feed_word_ok; [| | |assumption|eassumption|eassumption]; unfold byte in *; lia
        |eapply feed_newline_ok; [|eapply feed_word_ok; [| | |assumption|eassumption|eassumption]];
         unfold byte in *; lia].

(** The facts every branch of [scan]'s body uses: the rest, the token's text. *)
Ltac scan_facts Ha :=
  let Hl := fresh "Hl" in let Hs := fresh "Hs" in let Ht := fresh "Ht" in
  let Hm := fresh "Hmap" in let Hc := fresh "Hc" in
  destruct Ha as (Hl & ? & Hs & Ht & Hm & ? & Hc);
  match type of Hc with
  | cstate_ok ?L ?n ?k ?c => assert (cs_ok L k c) by (exists n; exact Hc); clear Hc
  end;
  inversion Hs; subst; cbn [length] in Hl;
  match type of Ht with
  | context [token_mode ?md] => destruct md; cbn [token_mode] in *
  end;
  first [destruct Ht as (? & ? & ? & ?);
         match goal with
         | Ht : N.of_nat (length ?tok) = ?len + _ |- _ =>
             assert (N.of_nat (length (take_bytes len tok)) = len)
               by (apply take_bytes_length; cbn [length] in Ht; lia);
             assert (byte_list (take_bytes len tok)) by (apply take_bytes_bytes; assumption)
         end
        |destruct Ht as [? ?]; subst].

(** [scan] calls itself only within [scan_inv]. *)
Theorem scan_calls : forall L, calls_within scan_body (scan_inv L) (scan_inv L).
Proof.
  intros L [[[[[[[[[[[[pass cfg] m] file] pos] mode] start] q] tok] len] s] quiet] c]
    (base & nm & n & Ha) f g E.
  destruct s as [|ch s]; [reflexivity|].
  unfold scan_body; cbn beta iota.
  pose proof Ha as Ha0.
  scan_facts Ha;
  split_calls E ltac:(exists base, nm; eapply scan_at_step; [exact Ha0|scan_token_goal|
    scan_cs_goal]).
Qed.

Lemma take_bytes_le : forall n (l : bytes), N.of_nat (length (take_bytes n l)) <= N.of_nat (length l).
Proof.
  intros n l; revert n; induction l as [|x l IH]; intros n; cbn [take_bytes length]; [lia|].
  destruct (N.eqb n 0); cbn [length]; [lia|]; specialize (IH (N.pred n)); lia.
Qed.

(** Pass A after an empty text (what [scan_ops] states of a mode with no token). *)
Lemma feedA_empty_ops : forall L k cfg m c f off, L < 2 ^ 62 -> k <= L -> cs_ok L k c ->
  feed_newline_ops false (feed_word false cfg m c [] f off).
Proof.
  intros L k cfg m c f off HL Hk (n & Hn & Hl & Hm & Hp & Ho); cbn [feed_newline_ops feed_word].
  unfold feedA_word.
  destruct (c_ds c); cbn [c_ds]; intros D; try discriminate D; cbn [c_name c_defs].
  eapply add_in_range_ok with (n := n); [lia|exact Hm|constructor].
Qed.

(** Within [scan_inv], every operation of an iteration of [scan] is in range. *)
Theorem scan_in_range : forall L a, L < 2 ^ 62 -> scan_inv L a -> scan_ops a.
Proof.
  intros L [[[[[[[[[[[[pass cfg] m] file] pos] mode] start] q] tok] len] s] quiet] c] HL
    (base & nm & n & Hl & Hf & Hs & Ht & Hmap & Hnm & Hc).
  assert (Hc' : cs_ok L (base + if token_mode mode then start else pos) c) by (exists n; exact Hc).
  clear Hc; cbn [scan_ops].
  assert (T : byte_list (take_bytes len tok) /\ N.of_nat (length (take_bytes len tok)) <= pos /\
              (token_mode mode = true -> N.of_nat (length (take_bytes len tok)) = len) /\
              (token_mode mode = false -> take_bytes len tok = [])).
  { destruct (token_mode mode).
    - destruct Ht as (T1 & T2 & T3 & T4).
      assert (N.of_nat (length (take_bytes len tok)) = len)
        by (apply take_bytes_length; unfold byte in *; lia).
      split; [apply take_bytes_bytes; exact T3|]; split; [lia|]; split; [auto|discriminate].
    - destruct Ht as [-> ->]; cbn [take_bytes length].
      split; [constructor|]; split; [lia|]; split; [discriminate|reflexivity]. }
  destruct T as (T1 & T2 & T3 & T4).
  assert (Hk : (base + if token_mode mode then start else pos) <= L)
    by (destruct (token_mode mode); [destruct Ht as (? & _); lia|lia]).
  split; [eapply feed_word_ops_ok; eauto; unfold byte in *; lia|].
  destruct s as [|ch s]; [exact I|]; cbn [length] in Hl.
  split; [unfold n_in_range; lia|].
  split; [unfold n_in_range; destruct (token_mode mode); [destruct Ht as (? & _)|destruct Ht as [-> _]]; lia|].
  split; [eapply feed_newline_ops_ok; eauto|].
  destruct (token_mode mode) eqn:TM.
  - eapply feed_newline_ops_ok with (k := base + pos + 1); [exact HL|lia|].
    destruct Ht as (? & ? & _).
    eapply feed_word_ok; [| | |exact T1|exact Hmap|exact Hc']; specialize (T3 eq_refl); unfold byte in *; lia.
  - rewrite (T4 eq_refl); destruct pass; [exact I|].
    exact (feedA_empty_ops L _ cfg m c file start HL Hk Hc').
Qed.

(** What [scan] returns: a state that has paid for every byte of the file. *)
Lemma scan_pays : forall L s base nm pass cfg m file pos mode start q tok len quiet c q' c',
  (exists n, scan_at L base n nm (pass, cfg, m, file, pos, mode, start, q, tok, len, s, quiet, c)) ->
  scan pass cfg m file pos mode start q tok len s quiet c = Ok (q', c') ->
  cs_ok L (base + pos + N.of_nat (length s)) c'.
Proof.
  intros L s; induction s as [|ch s IH];
    intros base nm pass cfg m file pos mode start q tok len quiet c q' c' [n Ha] R.
  - destruct Ha as (Hl & _ & _ & Ht & Hmap & _ & Hc).
    assert (Hc' : cs_ok L (base + if token_mode mode then start else pos) c) by (exists n; exact Hc).
    cbn [length N.of_nat]; rewrite N.add_0_r.
    destruct mode; cbn [scan token_mode] in R, Ht, Hc'; try discriminate;
      try (injection R as <- <-; exact Hc').
    destruct Ht as (T1 & T2 & T3 & T4).
    destruct (has_nul (take_bytes len tok)); [discriminate|]; injection R as <- <-.
    assert (N.of_nat (length (take_bytes len tok)) = len)
      by (apply take_bytes_length; unfold byte in *; cbn [length] in *; lia).
    cbn [length] in Hl.
    eapply feed_word_ok; [| | |apply take_bytes_bytes; exact T3|exact Hmap|exact Hc'];
      unfold byte in *; lia.
  - pose proof Ha as Ha0; cbn [scan] in R.
    scan_facts Ha;
      repeat match type of R with
             | context [if ?x then _ else _] => destruct x eqn:?
             end; try discriminate;
      (eapply cs_ok_mono; [|eapply IH with (base := base) (nm := nm); [|exact R]];
       [cbn [length] in *; unfold byte in *; lia
       |eapply scan_at_step; [exact Ha0|scan_token_goal|scan_cs_goal]]).
Qed.

Theorem scan_files_calls : forall L,
  calls_within2 scan_files_body scan_call (scan_files_inv L) (scan_files_inv L) (scan_inv L).
Proof.
  intros L.
  assert (Start : forall base nm n pass cfg m file f fs quiet c,
    scan_files_at L base n nm (pass, cfg, m, file, f :: fs, quiet, c) ->
    scan_at L base n nm (pass, cfg, m, file, 0, Lm_between, 0, 0, [], 0, f, quiet, c)).
  { intros base nm n pass cfg m file f fs quiet c (T & F & B & Hm & Hnm & Hc).
    rewrite total_cons in T; cbn [length] in F; inversion B; subst.
    refine (conj _ (conj _ (conj _ (conj (conj eq_refl eq_refl) (conj Hm (conj Hnm _))))));
      [lia|lia|assumption|rewrite N.add_0_r; exact Hc]. }
  split; [|intros f0];
    intros [[[[[[pass cfg] m] file] inputs] quiet] c] (base & nm & n & Ha) f g E;
    destruct inputs as [|bs rest]; try reflexivity;
    cbn beta iota delta [scan_files_body scan_call].
  - destruct (scan pass cfg m file 0 Lm_between 0 0 [] 0 bs quiet c) as [[q' c']|e] eqn:R;
      [|reflexivity].
    apply E.
    pose proof (scan_pays L bs base nm pass cfg m file 0 Lm_between 0 0 [] 0 quiet c q' c'
      (ex_intro _ n (Start _ _ _ _ _ _ _ _ _ _ _ Ha)) R) as Hc'.
    destruct Ha as (T & F & B & Hm & Hnm & _); rewrite total_cons in T.
    cbn [length] in F; inversion B; subst.
    assert (Hc2 : cs_ok L (base + N.of_nat (length bs)) (newline_if pass q' c'))
      by (apply newline_if_ok; [lia|eapply cs_ok_mono; [|exact Hc']; lia]).
    destruct Hc2 as [n' Hc2].
    exists (base + N.of_nat (length bs)), nm, n'.
    refine (conj _ (conj _ (conj _ (conj Hm (conj Hnm Hc2))))); [lia|lia|assumption].
  - erewrite E; [reflexivity|].
    exists base, nm, n; exact (Start _ _ _ _ _ _ _ _ _ _ _ Ha).
Qed.

Lemma scan_files_start : forall L base nm n pass cfg m file f fs quiet c,
  scan_files_at L base n nm (pass, cfg, m, file, f :: fs, quiet, c) ->
  exists n', scan_at L base n' nm (pass, cfg, m, file, 0, Lm_between, 0, 0, [], 0, f, quiet, c).
Proof.
  intros L base nm n pass cfg m file f fs quiet c (T & F & B & Hm & Hnm & Hc).
  rewrite total_cons in T; cbn [length] in F; inversion B; subst; exists n.
  refine (conj _ (conj _ (conj _ (conj (conj eq_refl eq_refl) (conj Hm (conj Hnm _))))));
    [lia|lia|assumption|rewrite N.add_0_r; exact Hc].
Qed.

Theorem scan_files_in_range : forall L a, L < 2 ^ 62 -> scan_files_inv L a -> scan_files_ops a.
Proof.
  intros L [[[[[[pass cfg] m] file] inputs] quiet] c] HL (base & nm & n & Ha).
  destruct inputs as [|f fs]; [exact I|]; cbn [scan_files_ops].
  pose proof (scan_files_start _ _ _ _ _ _ _ _ _ _ _ _ Ha) as S.
  destruct Ha as (T & F & _); rewrite total_cons in T; cbn [length] in F.
  split; [unfold n_in_range; lia|].
  intros q c' R; eapply feed_newline_ops_ok; [exact HL| |exact (scan_pays _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ S R)].
  lia.
Qed.

Lemma scan_files_pays : forall L inputs base nm n pass cfg m file quiet c q' c',
  scan_files_at L base n nm (pass, cfg, m, file, inputs, quiet, c) ->
  scan_files pass cfg m file inputs quiet c = Ok (q', c') ->
  cs_ok L (base + total_bytes inputs) c'.
Proof.
  intros L inputs; induction inputs as [|f fs IH];
    intros base nm n pass cfg m file quiet c q' c' Ha R.
  - injection R as <- <-; destruct Ha as (_ & _ & _ & _ & _ & Hc); exists n; cbn; rewrite N.add_0_r; exact Hc.
  - cbn [scan_files] in R.
    pose proof (scan_files_start _ _ _ _ _ _ _ _ _ _ _ _ Ha) as S.
    destruct (scan pass cfg m file 0 Lm_between 0 0 [] 0 f quiet c) as [[q1 c1]|e] eqn:R1;
      [|discriminate].
    pose proof (scan_pays _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ S R1) as Hc1.
    destruct Ha as (T & F & B & Hm & Hnm & _); rewrite total_cons in *.
    cbn [length] in F; inversion B; subst.
    assert (Hc2 : cs_ok L (base + N.of_nat (length f)) (newline_if pass q1 c1))
      by (apply newline_if_ok; [lia|eapply cs_ok_mono; [|exact Hc1]; lia]).
    destruct Hc2 as [n' Hc2].
    rewrite N.add_assoc; eapply (IH _ nm n'); [|exact R].
    refine (conj _ (conj _ (conj _ (conj Hm (conj Hnm Hc2))))); [lia|lia|assumption].
Qed.

(** ** [assemble_out] *)

(** [assemble_out] starts both passes within their invariants, and its output has at most
    [word_cost L] bytes per input byte, and a last line end. *)
Definition assemble_starts_within (L : N) : Prop :=
  forall cfg inputs, inputs_within L inputs ->
    scan_files_inv L (false, cfg, ByteMap.empty, 0, inputs, true, cstate_init) /\
    (forall q a m, scan_files false cfg ByteMap.empty 0 inputs true cstate_init = Ok (q, a) ->
       defines_result a = Ok m ->
       scan_files_inv L (true, cfg, m, 0, inputs, true, cstate_init)) /\
    (forall o, assemble_out cfg inputs = Ok o -> out_length o <= word_cost L * L + 1).

Lemma cstate_init_ok : forall L, cstate_ok L 0 0 cstate_init.
Proof.
  intros L; apply mk_cstate_ok; cbn [cstate_init c_name c_defs c_ds c_out ds_pend length N.of_nat];
    [constructor|lia|apply map_ok_empty|lia|].
  rewrite N.mul_0_r; reflexivity.
Qed.

Theorem assemble_starts : forall L, L < 2 ^ 60 -> assemble_starts_within L.
Proof.
  intros L HL cfg inputs (T & F & B).
  assert (A : forall pass m nm, map_ok (value_ok L) nm m -> nm <= L ->
            scan_files_at L 0 0 nm (pass, cfg, m, 0, inputs, true, cstate_init)).
  { intros pass m nm Hm Hnm; refine (conj _ (conj _ (conj B (conj Hm (conj Hnm _)))));
      [lia|lia|apply cstate_init_ok]. }
  assert (A1 := A false ByteMap.empty 0 (map_ok_empty _ _ _) ltac:(lia)).
  assert (A2 : forall q a m, scan_files false cfg ByteMap.empty 0 inputs true cstate_init = Ok (q, a) ->
            defines_result a = Ok m ->
            exists nm, scan_files_at L 0 0 nm (true, cfg, m, 0, inputs, true, cstate_init)).
  { intros q a m R D.
    destruct (scan_files_pays _ _ _ _ _ _ _ _ _ _ _ _ _ A1 R) as (n & _ & _ & Hm & Hp & _).
    unfold defines_result in D; destruct (c_ds a); try discriminate; injection D as <-.
    exists n; apply A; [exact Hm|cbn [ds_pend] in Hp; lia]. }
  split; [exists 0, 0, 0; exact A1|]; split.
  - intros q a m R D; destruct (A2 q a m R D) as [nm Hb]; exists 0, nm, 0; exact Hb.
  - intros o R; unfold assemble_out in R.
    destruct (scan_files false cfg ByteMap.empty 0 inputs true cstate_init) as [[q a]|e] eqn:R1;
      [|discriminate].
    destruct (negb (c_any a)); [discriminate|].
    destruct (defines_result a) as [m|e] eqn:D; [|discriminate].
    destruct (A2 q a m eq_refl D) as [nm Hb].
    destruct (scan_files true cfg m 0 inputs true cstate_init) as [[q2 b]|e] eqn:R2; [|discriminate].
    destruct (scan_files_pays _ _ _ _ _ _ _ _ _ _ _ _ _ Hb R2) as (n & _ & _ & _ & _ & Ho).
    unfold print_buffer in R.
    assert (word_cost L * (0 + total_bytes inputs) <= word_cost L * L)
      by (apply N.mul_le_mono_l; lia).
    destruct (c_fail b), (c_inval b); try discriminate;
      destruct (c_last b); injection R as <-; rewrite ?out_length_push; lia.
Qed.

(** ** The theorem *)

(** Every loop of a run calls itself, and the loops below it, only within its invariant. The
    loops along the constant digit lists ([push_groups_le], [push_groups_be]) need none: the
    only operations they reach, [digit_ops], are in range whatever the value. *)
Definition assemble_loops_closed (L : N) : Prop :=
  calls_within2 scan_files_body scan_call (scan_files_inv L) (scan_files_inv L) (scan_inv L) /\
  calls_within scan_body (scan_inv L) (scan_inv L) /\
  calls_within read_digits_body read_digits_inv read_digits_inv /\
  calls_within count_body (count_inv (2 ^ 62)) (count_inv (2 ^ 62)) /\
  calls_within string_digits_body string_digits_inv string_digits_inv.

(** Within its invariant, every operation of an iteration of a loop is in range, and so is every
    operation of the functions it calls ([scan_ops] includes [emit_ops] of each word and the
    map lookups and additions, whose own loops are [bytemap_in_range]'s); the digits, RISC-V
    immediates, Knight's padding and the digit loops' shift amounts are in range for every
    argument. *)
Definition assemble_iterations_in_range (L : N) : Prop :=
  (forall a, scan_files_inv L a -> scan_files_ops a) /\ (forall a, scan_inv L a -> scan_ops a) /\
  (forall a, read_digits_inv a -> read_digits_ops a) /\
  (forall a, count_inv (2 ^ 62) a -> count_ops a) /\
  (forall a, string_digits_inv a -> string_digits_ops a) /\
  (forall m v, digit_ops m v) /\ (forall v, riscv_immediate_ops v) /\ (forall n, knight_pad_ops n) /\
  shift_amounts_ok.

(** [assemble_values_bounded]: on inputs of at most [max_input_bytes] bytes together,
    [assemble_out] starts its loops within their invariants, each loop calls itself and the loops
    below it only within theirs, and within them every operation that can leave the 64-bit range
    of the reference engine stays inside it (the inventory at the top of this file ties each one
    of extracted/gen to its predicate); the output, paddings included, has fewer than 2^63
    bytes. *)
Theorem assemble_values_bounded :
  assemble_starts_within max_input_bytes /\ assemble_loops_closed max_input_bytes /\
  assemble_iterations_in_range max_input_bytes /\ bytemap_in_range /\
  word_cost max_input_bytes * max_input_bytes + 1 < 2 ^ 63.
Proof.
  assert (HL : max_input_bytes < 2 ^ 60) by (unfold max_input_bytes; lia).
  split; [apply assemble_starts; exact HL|].
  split; [split; [apply scan_files_calls|]; split; [apply scan_calls|];
          split; [exact read_digits_calls|]; split; [apply count_calls|]; exact string_digits_calls|].
  split; [|split; [exact bytemap_bounded|unfold word_cost, max_input_bytes; lia]].
  split; [intros a; apply scan_files_in_range; lia|].
  split; [intros a; apply scan_in_range; lia|].
  split; [exact read_digits_in_range|].
  split; [intros a; apply count_in_range; lia|].
  split; [exact string_digits_in_range|].
  split; [exact digit_ops_ok|]; split; [exact riscv_immediate_ops_ok|].
  split; [exact knight_pad_ops_ok|exact shift_amounts].
Qed.
