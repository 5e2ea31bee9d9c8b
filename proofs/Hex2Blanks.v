(** * Hex2Blanks: comments and whitespace do not change what hex2 writes. *)

(** A blank is one space, tab, line feed or carriage return, or a comment: [#] or [;], any bytes
    other than line feed and carriage return, and a line feed or carriage return that ends it.
    [blank_insertion] says: inserting a blank into an input file, at a point where the reader
    is between tokens or inside a RISC-V [.] word, changes neither whether hex2 accepts the
    input nor, when it does, the output.

    "Between tokens" includes the middle of a byte: the two hex digits of [4 8] or [4 #c\n8]
    make the byte 0x48 (the nibble quirk), so a blank may even split a byte. It does not include
    the inside of a name (a blank ends it: [:ab] is not [:a b]) nor of a comment (a line feed
    ends it). Errors may move: their offsets count the inserted bytes, which is why the theorem
    speaks about accepted inputs only.

    The proof: a blank takes the reader from a data or word state back to the same state
    without producing a token ([blank_skip]); the reader only copies offsets into tokens and
    errors, so reading the rest of the file at another offset gives the same tokens up to
    their positions ([lex_bytes_erase]); and neither the layout nor the output depends on
    positions ([layout_erase], [emit_erase]). *)

From Coq Require Import NArith ZArith List Lia.
From Hexproof.Spec Require Import Common Hex2Lex Hex2Encode Hex2Spec.
From Hexproof.Proofs Require Import Hex2Default.
Import ListNotations.
Local Open Scope N_scope.

(** ** Forgetting positions *)

Definition erase_token (t : token) : token :=
  match t with
  | tok_ref k _ _ n base =>
      tok_ref k 0 0 n (match base with Some (b, _) => Some (b, 0) | None => None end)
  | tok_wref k _ _ n => tok_wref k 0 0 n
  | _ => t
  end.

Definition erase_mode (m : lex_mode) : lex_mode :=
  match m with
  | lm_word _ c a => lm_word 0 c a
  | lm_word_comment _ c a => lm_word_comment 0 c a
  | lm_label _ rn => lm_label 0 rn
  | lm_ref k _ rn => lm_ref k 0 rn
  | lm_wref k _ rn => lm_wref k 0 rn
  | lm_base k _ tn _ rn => lm_base k 0 tn 0 rn
  | _ => m
  end.

Definition erase_state (st : lex_state) : lex_state :=
  mk_lex_state (erase_mode (ls_mode st)) (ls_count st) (ls_hold st).

(** Two reading results that agree up to positions: both errors, or the same tokens once their
    positions are forgotten. *)
Definition same_tokens (r1 r2 : result (list token)) : Prop :=
  match r1, r2 with
  | Ok ts1, Ok ts2 => map erase_token ts1 = map erase_token ts2
  | Err _, Err _ => True
  | _, _ => False
  end.

Ltac split_all :=
  repeat (cbn; match goal with
  | |- context [match ?x with _ => _ end] =>
      let T := type of x in
      match T with
      | bool => destruct x
      | option ref_kind => destruct x
      | option N => destruct x
      | digit_effect => destruct x
      end
  end).

Lemma lex_step_erase : forall cfg file off off' st st' c,
  erase_state st = erase_state st' ->
  match lex_step cfg file off st c, lex_step cfg file off' st' c with
  | Ok (s1, o1), Ok (s2, o2) =>
      erase_state s1 = erase_state s2 /\ option_map erase_token o1 = option_map erase_token o2
  | Err _, Err _ => True
  | _, _ => False
  end.
Proof.
  intros cfg file off off' [m n h] [m' n' h'] c H.
  unfold erase_state in H; cbn [ls_mode ls_count ls_hold] in H.
  injection H as Hm <- <-.
  destruct m, m'; cbn in Hm; try discriminate Hm; try injection Hm as; subst;
    unfold lex_step, lex_data, lex_word, lex_continue, lex_emit; cbn [ls_mode ls_count ls_hold];
    split_all; cbn; auto.
Qed.

Lemma lex_finish_erase : forall file st st',
  erase_state st = erase_state st' ->
  match lex_finish file st, lex_finish file st' with
  | Ok o1, Ok o2 => option_map erase_token o1 = option_map erase_token o2
  | Err _, Err _ => True
  | _, _ => False
  end.
Proof.
  intros file [m n h] [m' n' h'] H.
  unfold erase_state in H; cbn [ls_mode ls_count ls_hold] in H.
  injection H as Hm <- <-.
  destruct m, m'; cbn in Hm; try discriminate Hm; try injection Hm as; subst; cbn; auto.
Qed.

(** Reading the same bytes from states that differ only in positions, at any offsets, gives
    the same tokens up to positions. *)
Lemma lex_bytes_erase : forall cfg file bs off off' st st',
  erase_state st = erase_state st' ->
  same_tokens (lex_bytes cfg file off st bs) (lex_bytes cfg file off' st' bs).
Proof.
  intros cfg file bs; induction bs as [|c bs IH]; intros off off' st st' H.
  - cbn [lex_bytes]. generalize (lex_finish_erase file st st' H).
    destruct (lex_finish file st) as [[t1|]|e1], (lex_finish file st') as [[t2|]|e2];
      cbn; try contradiction; try discriminate; auto.
    intros E; injection E as E; rewrite E; reflexivity.
  - cbn [lex_bytes]. generalize (lex_step_erase cfg file off off' st st' c H).
    destruct (lex_step cfg file off st c) as [[s1 o1]|e1],
             (lex_step cfg file off' st' c) as [[s2 o2]|e2]; try contradiction; [|intros; exact I].
    intros [S O].
    specialize (IH (off + 1) (off' + 1) s1 s2 S).
    destruct (lex_bytes cfg file (off + 1) s1 bs) as [ts1|e1],
             (lex_bytes cfg file (off' + 1) s2 bs) as [ts2|e2]; cbn in IH |- *;
      try contradiction; auto.
    destruct o1, o2; cbn in O |- *; try discriminate; auto.
    injection O as O; rewrite O, IH; reflexivity.
Qed.

(** ** Blanks *)

Definition is_blank_char (c : N) : Prop := c = 32 \/ c = 9 \/ c = 10 \/ c = 13.

Inductive blank : bytes -> Prop :=
| blank_char : forall c, is_blank_char c -> blank [c]
| blank_comment : forall start body stop,
    (start = 35 \/ start = 59) ->
    Forall (fun c => c <> 10 /\ c <> 13) body ->
    (stop = 10 \/ stop = 13) ->
    blank (start :: body ++ [stop]).

(** The states where a blank changes nothing: between tokens, or inside a [.] word. *)
Definition blank_safe (st : lex_state) : Prop :=
  ls_mode st = lm_data \/ exists p n a, ls_mode st = lm_word p n a.

Lemma result_id : forall (r : result (list token)),
  match r with Err e => Err e | Ok ts => Ok ts end = r.
Proof. intros [ts|e]; reflexivity. Qed.

Lemma lex_bytes_skip : forall cfg file off st c bs,
  lex_step cfg file off st c = Ok (st, None) ->
  lex_bytes cfg file off st (c :: bs) = lex_bytes cfg file (off + 1) st bs.
Proof.
  intros cfg file off st c bs H; cbn [lex_bytes]; rewrite H; apply result_id.
Qed.

Lemma lex_bytes_through : forall cfg file off st st' c bs,
  lex_step cfg file off st c = Ok (st', None) ->
  lex_bytes cfg file off st (c :: bs) = lex_bytes cfg file (off + 1) st' bs.
Proof.
  intros cfg file off st st' c bs H; cbn [lex_bytes]; rewrite H; apply result_id.
Qed.

Lemma comment_body : forall cfg file body off mode n h rest,
  (mode = lm_comment \/ exists p c a, mode = lm_word_comment p c a) ->
  Forall (fun c => c <> 10 /\ c <> 13) body ->
  lex_bytes cfg file off (mk_lex_state mode n h) (body ++ rest) =
  lex_bytes cfg file (off + N.of_nat (length body)) (mk_lex_state mode n h) rest.
Proof.
  intros cfg file body; induction body as [|c body IH]; intros off mode n h rest M F.
  - cbn; rewrite N.add_0_r; reflexivity.
  - inversion F as [|? ? [C1 C2] F']; subst.
    cbn [app]; rewrite lex_bytes_skip.
    + rewrite IH by assumption. f_equal. cbn [length]. lia.
    + assert (E : ends_comment c = false).
      { unfold ends_comment; apply Bool.orb_false_iff; split; apply N.eqb_neq; assumption. }
      destruct M as [->|[p [c' [a ->]]]]; cbn; rewrite E; reflexivity.
Qed.

(** A blank read in a safe state leaves the state as it was and produces no token. *)
Lemma blank_skip : forall cfg file off st s rest,
  blank_safe st -> blank s ->
  lex_bytes cfg file off st (s ++ rest) =
  lex_bytes cfg file (off + N.of_nat (length s)) st rest.
Proof.
  intros cfg file off [m n h] s rest Safe B; unfold blank_safe in Safe; cbn in Safe.
  destruct B as [c C|start body stop S F T].
  - cbn [app length]. apply lex_bytes_skip.
    destruct Safe as [ -> | [p [n' [a ->]]]];
      destruct C as [ -> | [ -> | [ -> | -> ]]]; destruct (h2_byte_mode cfg) eqn:BM;
      unfold lex_step, lex_data, lex_word, lex_continue; cbn; rewrite ?BM; cbn;
      destruct (word_arch (h2_arch cfg)); reflexivity.
  - cbn [app]. rewrite <- app_assoc.
    destruct Safe as [ -> | [p [n' [a ->]]]].
    + rewrite (lex_bytes_through cfg file off _ (mk_lex_state lm_comment n h)).
      * rewrite comment_body by (auto || (left; reflexivity)).
        cbn [app]. rewrite lex_bytes_through with (st' := mk_lex_state lm_data n h).
        -- f_equal. cbn [length]. rewrite app_length. cbn [length]. lia.
        -- destruct T as [ -> | -> ]; reflexivity.
      * destruct S as [ -> | -> ]; destruct (h2_byte_mode cfg) eqn:BM;
          unfold lex_step, lex_data, lex_continue; cbn; rewrite ?BM; cbn;
          destruct (word_arch (h2_arch cfg)); reflexivity.
    + rewrite (lex_bytes_through cfg file off _ (mk_lex_state (lm_word_comment p n' a) n h)).
      * rewrite comment_body by (auto || (right; eauto)).
        cbn [app]. rewrite lex_bytes_through with (st' := mk_lex_state (lm_word p n' a) n h).
        -- f_equal. cbn [length]. rewrite app_length. cbn [length]. lia.
        -- destruct T as [ -> | -> ]; reflexivity.
      * destruct S as [ -> | -> ]; destruct (h2_byte_mode cfg) eqn:BM;
          unfold lex_step, lex_word, lex_continue; cbn; rewrite ?BM; reflexivity.
Qed.

(** ** Reading a file in two parts *)

(** The tokens of [bs] and the state after it, without ending the file. *)
Fixpoint lex_prefix (cfg : hex2_config) (file off : N) (st : lex_state) (bs : bytes)
  : result (lex_state * list token) :=
  match bs with
  | [] => Ok (st, [])
  | c :: bs' =>
      match lex_step cfg file off st c with
      | Err e => Err e
      | Ok (st', ot) =>
          match lex_prefix cfg file (off + 1) st' bs' with
          | Err e => Err e
          | Ok (st'', ts) => Ok (st'', match ot with None => ts | Some t => t :: ts end)
          end
      end
  end.

Lemma lex_bytes_app : forall cfg file pre x off st,
  lex_bytes cfg file off st (pre ++ x) =
  match lex_prefix cfg file off st pre with
  | Err e => Err e
  | Ok (st', ts1) =>
      match lex_bytes cfg file (off + N.of_nat (length pre)) st' x with
      | Err e => Err e
      | Ok ts2 => Ok (ts1 ++ ts2)
      end
  end.
Proof.
  intros cfg file pre; induction pre as [|c pre IH]; intros x off st.
  - cbn. rewrite N.add_0_r. destruct (lex_bytes cfg file off st x); reflexivity.
  - cbn [app lex_bytes lex_prefix].
    destruct (lex_step cfg file off st c) as [[st' ot]|e]; [|reflexivity].
    rewrite IH. replace (off + N.of_nat (length (c :: pre))) with (off + 1 + N.of_nat (length pre))
      by (cbn [length]; lia).
    destruct (lex_prefix cfg file (off + 1) st' pre) as [[st'' ts]|e]; [|reflexivity].
    destruct (lex_bytes cfg file (off + 1 + N.of_nat (length pre)) st'' x); [|reflexivity].
    destruct ot; reflexivity.
Qed.

Lemma lex_files_app : forall cfg fs1 fs2 file,
  lex_files cfg file (fs1 ++ fs2) =
  match lex_files cfg file fs1 with
  | Err e => Err e
  | Ok ts1 =>
      match lex_files cfg (file + N.of_nat (length fs1)) fs2 with
      | Err e => Err e
      | Ok ts2 => Ok (ts1 ++ ts2)
      end
  end.
Proof.
  intros cfg fs1; induction fs1 as [|f fs1 IH]; intros fs2 file.
  - cbn. rewrite N.add_0_r. destruct (lex_files cfg file fs2); reflexivity.
  - cbn [app lex_files]. destruct (lex_bytes cfg file 0 lex_init f) as [ts|e]; [|reflexivity].
    rewrite IH. replace (file + N.of_nat (length (f :: fs1))) with (file + 1 + N.of_nat (length fs1))
      by (cbn [length]; lia).
    destruct (lex_files cfg (file + 1) fs1) as [ts1|e]; [|reflexivity].
    destruct (lex_files cfg (file + 1 + N.of_nat (length fs1)) fs2) as [ts2|e]; [|reflexivity].
    rewrite app_assoc; reflexivity.
Qed.

(** ** Positions do not matter after reading *)

Lemma layout_erase : forall cfg ts ip acc,
  layout cfg ip (map erase_token ts) acc = layout cfg ip ts acc.
Proof.
  intros cfg ts; induction ts as [|t ts IH]; intros ip acc; [reflexivity|].
  cbn [map layout]. rewrite IH.
  destruct t; reflexivity.
Qed.

Definition ok_of {A} (r : result A) : option A :=
  match r with Ok x => Some x | Err _ => None end.

Lemma emit_token_erase : forall cfg l es t,
  ok_of (emit_token cfg l es (erase_token t)) = ok_of (emit_token cfg l es t).
Proof.
  intros cfg l es t; destruct t; try reflexivity;
    unfold emit_token; [destruct base as [[b p]|]|];
    cbn [erase_token ref_target ref_base lookup emit_resolved];
    repeat (cbn; match goal with
            | |- context [match ?x with _ => _ end] =>
                let T := type of x in
                match T with
                | option N => destruct x
                | option (Z * bool) => destruct x
                | (Z * bool)%type => destruct x
                | bool => destruct x
                end
            end); reflexivity.
Qed.

Lemma emit_erase : forall cfg l ts es,
  ok_of (emit cfg l es (map erase_token ts)) = ok_of (emit cfg l es ts).
Proof.
  intros cfg l ts; induction ts as [|t ts IH]; intros es; [reflexivity|].
  cbn [map emit]. generalize (emit_token_erase cfg l es t).
  destruct (emit_token cfg l es (erase_token t)) as [[es1 o1]|e1],
           (emit_token cfg l es t) as [[es2 o2]|e2]; cbn; intros E; try discriminate; [|reflexivity].
  injection E as <- <-. specialize (IH es1).
  destruct (emit cfg l es1 (map erase_token ts)) as [[es3 o3]|e3],
           (emit cfg l es1 ts) as [[es4 o4]|e4]; cbn in IH |- *; try discriminate; [|reflexivity].
  injection IH as <- <-; reflexivity.
Qed.

Lemma link_same_tokens : forall cfg inputs inputs',
  same_tokens (lex_files cfg 0 inputs) (lex_files cfg 0 inputs') ->
  forall out, link cfg inputs = Ok out <-> link cfg inputs' = Ok out.
Proof.
  intros cfg inputs inputs' S out; rewrite !link_unfold.
  destruct (lex_files cfg 0 inputs) as [ts|e], (lex_files cfg 0 inputs') as [ts'|e'];
    cbn in S; try contradiction; [|split; discriminate].
  cbv zeta.
  rewrite <- (layout_erase cfg ts), <- (layout_erase cfg ts'), S.
  set (l := snd (layout cfg (base_ip cfg) (map erase_token ts') [])).
  set (es := mk_emit_state (base_ip cfg) false 0).
  assert (E : ok_of (emit cfg l es ts) = ok_of (emit cfg l es ts')).
  { rewrite <- (emit_erase cfg l ts), <- (emit_erase cfg l ts'), S; reflexivity. }
  destruct (emit cfg l es ts) as [[es1 o1]|e1], (emit cfg l es ts') as [[es2 o2]|e2];
    cbn in E; try discriminate; [|split; discriminate].
  injection E as _ <-; split; auto.
Qed.

(** ** Inserting a blank *)

(** Inserting a blank [s] into input file [files1 ++ [pre ++ rest] ++ files2], after [pre], where
    the reader is between tokens or inside a [.] word, changes neither the accept/reject
    decision nor the output: hex2 writes [out] for one input exactly when it writes [out] for
    the other. *)
Theorem blank_insertion : forall cfg files1 pre s rest files2,
  (forall st ts, lex_prefix cfg (N.of_nat (length files1)) 0 lex_init pre = Ok (st, ts) ->
                 blank_safe st) ->
  blank s ->
  forall out,
    link cfg (files1 ++ (pre ++ s ++ rest) :: files2) = Ok out <->
    link cfg (files1 ++ (pre ++ rest) :: files2) = Ok out.
Proof.
  intros cfg files1 pre s rest files2 Safe B.
  apply link_same_tokens.
  rewrite !lex_files_app; cbn [lex_files]. rewrite N.add_0_l.
  destruct (lex_files cfg 0 files1) as [ts0|e]; [|exact I].
  rewrite !lex_bytes_app.
  destruct (lex_prefix cfg _ 0 lex_init pre) as [[st ts1]|e] eqn:P; [|exact I].
  rewrite blank_skip by (exact (Safe st ts1 eq_refl) || exact B).
  match goal with
  | |- context [lex_bytes cfg ?f (?o + ?d) st rest] =>
      generalize (lex_bytes_erase cfg f rest (o + d) o st st eq_refl);
      destruct (lex_bytes cfg f (o + d) st rest) as [a|e1],
               (lex_bytes cfg f o st rest) as [b|e2];
      cbn; intros S; try contradiction; auto;
      destruct (lex_files cfg (f + 1) files2) as [c|e]; cbn; auto
  end.
  rewrite !map_app, S; reflexivity.
Qed.
