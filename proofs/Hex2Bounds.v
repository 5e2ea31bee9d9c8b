(** * Hex2Bounds: every value the hex2 core computes stays within 64 bits. *)

(** On inputs of at most [max_input_bytes] bytes together, every N and Z operation that
    [Hex2Exec.link_out] performs, in every call of every loop, has its exact result within the
    realised range (Bounds.v), and every byte it writes is below 256; the output has at most
    4 bytes per input byte. So the reference engine (the C++ printed from [link_out], with N and
    Z as 64-bit integers that stop the program when a result leaves their range) computes exactly
    [link_out]'s answer, and never stops.

    How the statement covers every operation:
    - Each loop of the run ([p1_files], [p1_bytes], [p2_files], [p2_bytes], [push_bytes], and
      the loops of [ByteMap] in Bounds.v) has an invariant on its arguments ([p1_inv], ...).
      [link_out] calls the outer loops within theirs ([link_starts]), and each loop calls itself
      and the loops below it only within theirs ([p1_calls], ...: a statement on the loop's own
      body, as Coq unfolds it, see [Bounds.calls_within]).
    - The operations of one iteration of a loop, and of the functions it calls, are stated by a
      predicate per function ([step_ops], [emit_resolved_ops], ...), which lists the operations
      of that function's body that can leave the range, at the arguments it computes them with,
      and the predicates of the functions it calls; [p1_in_range], ... prove them from the
      invariants. The operations that cannot leave the range are not listed: comparisons,
      [N.sub] (truncated), [N.modulo], [N.land], [N.lor], [N.lxor], [N.shiftr], [N.testbit],
      [Z.land], [Z.lor], [Z.modulo], [Z.to_N], [Z.shiftr] by a constant (all constants here
      are non-negative), on arguments within range.
    - proofs/bounds_inventory.txt lists every function of extracted/gen that calls a runtime
      primitive able to stop the engine on a value, and the predicate that states its
      operations; `make proofs` checks the list against the generated C++
      (scripts/bounds-inventory.sh), so an operation added to the core cannot go unlisted.

    What is trusted: that each predicate lists every operation of its function's body that can
    leave the range, at the arguments the body computes it with (a reviewer reads the two side
    by side; the inventory says which functions to read); that a [_body] below is its Fixpoint
    (it is: [body_of] has Coq unfold the Fixpoint itself); and that the runtime primitives
    realise Coq's operations and stop exactly outside the range (docs/trusted-base.md). Not
    covered: memory (allocation, reference counts), which is the runtime's. *)

From Coq Require Import NArith ZArith List Lia.
From Hexproof.Spec Require Import Common Hex2Lex Hex2Encode Hex2Spec CommandLine.
From Hexproof.Proofs Require Import ByteMap OutBuf Bounds Hex2Exec Hex2Execproof.
Import ListNotations.
Local Open Scope N_scope.

(** ** The inputs *)

Definition total_bytes (inputs : list bytes) : N :=
  fold_right (fun f n => N.of_nat (length f) + n) 0 inputs.

(** At most [L] bytes together, all bytes, and fewer than 2^60 files (the adapter holds one list
    cell of at least 16 bytes per file: no 64-bit address space holds 2^60 of them). *)
Definition inputs_within (L : N) (inputs : list bytes) : Prop :=
  total_bytes inputs <= L /\ N.of_nat (length inputs) < 2 ^ 60 /\ Forall byte_list inputs.

(** ** The operations of each function *)

Definition add32_ops (a b : N) : Prop := n_in_range (a + b).

Definition wrap32_ops (z : Z) : Prop := z_in_range (z mod 4294967296 - 4294967296)%Z.

Definition s32_ops (a : N) : Prop := z_in_range (Z.of_N a) /\ wrap32_ops (Z.of_N a).

Definition pad_size_ops (ip : N) : Prop :=
  n_in_range (ip + N.land ip 1) /\ forall p2, p2 <= 2 -> n_in_range (N.land ip 1 + p2).

Definition arch_displacement_ops (t b : N) : Prop :=
  let tz := Z.of_N t in
  let bz := Z.of_N b in
  let b_low := Z.land bz 3 in
  let b_down := Z.land bz 4294967292 in
  z_in_range tz /\ z_in_range bz /\
  z_in_range (tz - bz) /\ wrap32_ops (tz - bz) /\
  z_in_range (tz - bz + b_low) /\ wrap32_ops (tz - bz + b_low) /\
  z_in_range (Z.shiftr (wrap32 (tz - bz + b_low)) 2 - 2) /\
  z_in_range (tz - bz - 8) /\ z_in_range (tz - bz - 8 + b_low) /\ wrap32_ops (tz - bz - 8 + b_low) /\
  z_in_range (tz - b_down) /\ wrap32_ops (tz - b_down) /\
  wrap32_ops (Z.lor ((tz - b_down) mod two32) 1).

Definition field_bytes_ops : Prop := forall i, i <= 3 -> n_in_range (8 * i).

Definition word_swap_ops (w : N) : Prop :=
  n_in_range (N.shiftl w 8) /\ n_in_range (N.shiftl (N.land w 255) 24).

Definition riscv_field_ops (v : Z) : Prop :=
  z_in_range (v + 4) /\ wrap32_ops (v + 4) /\
  z_in_range (Z.shiftl (Z.land (wrap32 (v + 4)) 4095) 20) /\
  z_in_range (Z.shiftl (Z.land v 30) 7) /\ z_in_range (Z.shiftl (Z.land v 2016) 20) /\
  z_in_range (Z.shiftl (Z.land v 4096) 19) /\
  z_in_range (Z.shiftl (Z.land v 2046) 20) /\ z_in_range (Z.shiftl (Z.land v 2048) 9) /\
  z_in_range (Z.shiftl (Z.land v 1048576) 11) /\
  z_in_range (Z.land v 4294963200 + 4096).

(** [emit_resolved], for each kind of token. *)
Definition emit_resolved_ops (cfg : hex2_config) (es : emit_state) (t : token)
    (tgt bse : option N) : Prop :=
  let ip := es_ip es in
  match t with
  | tok_byte _ => add32_ops ip 1
  | tok_word w => word_swap_ops w
  | tok_label _ | tok_align => True
  | tok_pad => pad_size_ops ip /\ add32_ops ip (pad_size (h2_arch cfg) ip)
  | tok_ref k _ pos _ _ =>
      add32_ops ip (ref_size k) /\ n_in_range (pos + 1) /\ field_bytes_ops /\
      forall ta, tgt = Some ta ->
        s32_ops ta /\ arch_displacement_ops ta (add32 ip (ref_size k)) /\
        forall ba, bse = Some ba ->
          z_in_range (Z.of_N ta) /\ z_in_range (Z.of_N ba) /\
          z_in_range (Z.of_N ta - Z.of_N ba)%Z /\ wrap32_ops (Z.of_N ta - Z.of_N ba)
  | tok_wref _ _ pos _ =>
      n_in_range (pos + 1) /\
      forall ta, tgt = Some ta ->
        arch_displacement_ops ta ip /\
        forall d al, arch_displacement (h2_arch cfg) (es_aligned es) ta ip = Some (d, al) ->
          riscv_field_ops d
  end.

(** A map lookup or addition: the loops of [find] and [add] start within their invariants. *)
Definition find_in_range {A} (k : bytes) (m : ByteMap.t A) : Prop := find_ops k m.

Definition add_in_range {A} (k : bytes) (v : A) (m : ByteMap.t A) : Prop :=
  exists n, n < 2 ^ 62 /\ add_ops n k v m.

(** Pass 1: the address after a token, and a label added to the map. *)
Definition p1_token_ops (cfg : hex2_config) (ip : N) (m : label_map) (t : token) : Prop :=
  pad_size_ops ip /\ add32_ops ip (token_size cfg ip t) /\
  forall n, t = tok_label n -> add_in_range n ip m.

(** [push_bytes o bs] pushes each element of [bs]; [out_push] stops on a value above 255. *)
Definition push_bytes_args : Type := outbuf * bytes.

Definition push_bytes_body (rec : push_bytes_args -> outbuf) (a : push_bytes_args) : outbuf :=
  match a with
  | (o, bs) =>
      match bs with
      | [] => push_bytes o []
      | b :: bs' => ltac:(body_of push_bytes (push_bytes o (b :: bs')) (fun o bs => rec (o, bs)))
      end
  end.

Definition push_bytes_inv (a : push_bytes_args) : Prop := byte_list (snd a).

Definition push_bytes_ops (a : push_bytes_args) : Prop :=
  match snd a with [] => True | b :: _ => b < 256 end.

(** Pass 2: a data byte, and any token (with its labels looked up). *)
Definition p2_byte_ops (es : emit_state) (b : N) : Prop :=
  add32_ops (es_ip es) 1 /\ N.lxor b (N.land (es_sr es) 255) < 256.

Definition p2_token_ops (cfg : hex2_config) (m : label_map) (es : emit_state) (t : token) : Prop :=
  match t with
  | tok_byte b => p2_byte_ops es b
  | _ =>
      (forall n, ref_target t = Some n -> find_in_range n m) /\
      (forall n, ref_base t = Some n -> find_in_range n m) /\
      emit_resolved_ops cfg es t (resolve m (ref_target t)) (resolve m (ref_base t)) /\
      forall es' bs, emit_resolved cfg es t (resolve m (ref_target t)) (resolve m (ref_base t))
                       = Ok (es', bs) -> push_bytes_inv (out_empty, bs)
  end.

(** The operations of reading one byte, the same in [cstep] and in the loops' inline paths:
    [off + 1], [len + 1], [count + 1], [wc + 1], [hold * radix + d] and [word_push wa h]. *)
Definition step_ops (cfg : hex2_config) (off : N) (s : cst) (count hold len c : N) : Prop :=
  let md := h2_byte_mode cfg in
  n_in_range (off + 1) /\ n_in_range (len + 1) /\ n_in_range (count + 1) /\
  n_in_range (cs_wcount s + 1) /\
  forall d, digit_value md c = Some d ->
    n_in_range (hold * digit_radix md) /\ n_in_range (hold * digit_radix md + d) /\
    n_in_range (N.shiftl (cs_wacc s) 8).

(** ** The loops of pass 1 *)

Definition p1_args : Type := hex2_config * N * N * cst * N * N * N * bytes * N * label_map.
Definition p1_result : Type := result (N * label_map).

Definition p1_body (rec : p1_args -> p1_result) (a : p1_args) : p1_result :=
  match a with
  | (cfg, file, off, s, count, hold, len, bs, ip, m) =>
      match bs with
      | [] => p1_bytes cfg file off s count hold len [] ip m
      | c :: bs' =>
          ltac:(body_of p1_bytes (p1_bytes cfg file off s count hold len (c :: bs') ip m)
            (fun cfg file off s count hold len bs ip m =>
               rec (cfg, file, off, s, count, hold, len, bs, ip, m)))
      end
  end.

(** One iteration: the byte's operations, the address after a byte or a word, [cstep]'s token
    or, at the end, [lex_finish]'s. *)
Definition p1_ops (a : p1_args) : Prop :=
  match a with
  | (cfg, file, off, s, count, hold, len, bs, ip, m) =>
      match bs with
      | [] => forall t, lex_finish file (abs s count hold len) = Ok (Some t) -> p1_token_ops cfg ip m t
      | c :: bs' =>
          step_ops cfg off s count hold len c /\ add32_ops ip 1 /\ add32_ops ip 0 /\
          (cr_ev (cstep cfg file off s count hold len c bs') = ev_tok ->
           p1_token_ops cfg ip m (cr_tok (cstep cfg file off s count hold len c bs')))
      end
  end.

(** [p1_bytes] on its arguments as one tuple. *)
Definition p1_call (a : p1_args) : p1_result :=
  match a with
  | (cfg, file, off, s, count, hold, len, bs, ip, m) => p1_bytes cfg file off s count hold len bs ip m
  end.

Definition p1_files_args : Type := hex2_config * N * list bytes * N * label_map.

Definition p1_files_body (rec : p1_files_args -> p1_result) (rb : p1_args -> p1_result)
    (a : p1_files_args) : p1_result :=
  match a with
  | (cfg, file, inputs, ip, m) =>
      match inputs with
      | [] => p1_files cfg file [] ip m
      | bs :: rest =>
          ltac:(body2_of_at p1_files p1_files p1_bytes (p1_files cfg file (bs :: rest) ip m)
            (fun cfg file inputs ip m => rec (cfg, file, inputs, ip, m))
            (fun cfg file off s count hold len bs ip m =>
               rb (cfg, file, off, s, count, hold, len, bs, ip, m)))
      end
  end.

Definition p1_files_ops (a : p1_files_args) : Prop :=
  match a with (_, file, _, _, _) => n_in_range (file + 1) end.

(** ** The loops of pass 2 *)

Definition p2_args : Type :=
  hex2_config * label_map * N * N * cst * N * N * N * bytes * emit_state * outbuf.
Definition p2_result : Type := result (emit_state * outbuf).

Definition p2_body (rec : p2_args -> p2_result) (a : p2_args) : p2_result :=
  match a with
  | (cfg, m, file, off, s, count, hold, len, bs, es, o) =>
      match bs with
      | [] => p2_bytes cfg m file off s count hold len [] es o
      | c :: bs' =>
          ltac:(body_of p2_bytes (p2_bytes cfg m file off s count hold len (c :: bs') es o)
            (fun cfg m file off s count hold len bs es o =>
               rec (cfg, m, file, off, s, count, hold, len, bs, es, o)))
      end
  end.

(** One iteration: the byte's operations, a data byte written ([p2_byte]), a word or a token
    written ([p2_token]), or at the end [lex_finish]'s token. *)
Definition p2_ops (a : p2_args) : Prop :=
  match a with
  | (cfg, m, file, off, s, count, hold, len, bs, es, o) =>
      match bs with
      | [] => forall t, lex_finish file (abs s count hold len) = Ok (Some t) -> p2_token_ops cfg m es t
      | c :: bs' =>
          let md := h2_byte_mode cfg in
          let r := cstep cfg file off s count hold len c bs' in
          step_ops cfg off s count hold len c /\
          (forall d, digit_value md c = Some d ->
             p2_byte_ops es (N.land (hold * digit_radix md + d) 255) /\
             p2_token_ops cfg m es (tok_word (word_push (cs_wacc s) (hold * digit_radix md + d)))) /\
          (cr_ev r = ev_byte -> p2_byte_ops es (cr_val r)) /\
          (cr_ev r = ev_word -> p2_token_ops cfg m es (tok_word (cr_val r))) /\
          (cr_ev r = ev_tok -> p2_token_ops cfg m es (cr_tok r))
      end
  end.

Definition p2_call (a : p2_args) : p2_result :=
  match a with
  | (cfg, m, file, off, s, count, hold, len, bs, es, o) =>
      p2_bytes cfg m file off s count hold len bs es o
  end.

Definition p2_files_args : Type := hex2_config * label_map * N * list bytes * emit_state * outbuf.

Definition p2_files_body (rec : p2_files_args -> p2_result) (rb : p2_args -> p2_result)
    (a : p2_files_args) : p2_result :=
  match a with
  | (cfg, m, file, inputs, es, o) =>
      match inputs with
      | [] => p2_files cfg m file [] es o
      | bs :: rest =>
          ltac:(body2_of_at p2_files p2_files p2_bytes (p2_files cfg m file (bs :: rest) es o)
            (fun cfg m file inputs es o => rec (cfg, m, file, inputs, es, o))
            (fun cfg m file off s count hold len bs es o =>
               rb (cfg, m, file, off, s, count, hold, len, bs, es, o)))
      end
  end.

Definition p2_files_ops (a : p2_files_args) : Prop :=
  match a with (_, _, file, _, _, _) => n_in_range (file + 1) end.

(** ** The invariants *)

(** Labels are addresses. *)
Definition label_ok (a : N) : Prop := a < 2 ^ 32.

(** 1 while a name is being read: its token, not yet complete, will write at most 4 bytes and add
    at most one label, and the byte that started it has been read. *)
Definition pend (s : cst) : N :=
  match cs_mode s with
  | cm_label | cm_ref | cm_wref | cm_base => 1
  | _ => 0
  end.

(** The reader at offset [off] of a file that follows [base] bytes of earlier files, with [bs]
    still to read, [L] bytes in all. *)
Definition lex_ok (L base : N) (cfg : hex2_config) (file off : N) (s : cst) (count hold len : N)
    (bs : bytes) : Prop :=
  let md := h2_byte_mode cfg in
  base + off + N.of_nat (length bs) <= L /\ file < 2 ^ 60 /\ byte_list bs /\
  count < digits_per_byte md /\ hold < digit_radix md ^ count /\ len <= off /\
  cs_pos s <= off /\ cs_wcount s < 4 /\ cs_wacc s < 2 ^ 32 /\ cs_bat s <= off /\
  byte_list (cs_start s) /\ byte_list (cs_target s).

(** After [base] bytes of earlier files, with a map of at most [n] labels. *)
Definition p1_at (L base n : N) (a : p1_args) : Prop :=
  match a with
  | (cfg, file, off, s, count, hold, len, bs, ip, m) =>
      lex_ok L base cfg file off s count hold len bs /\ ip < 2 ^ 32 /\
      map_ok label_ok n m /\ n + pend s <= base + off
  end.

Definition p1_inv (L : N) (a : p1_args) : Prop := exists base n, p1_at L base n a.

Definition p1_files_at (L base n : N) (a : p1_files_args) : Prop :=
  match a with
  | (cfg, file, inputs, ip, m) =>
      base + total_bytes inputs <= L /\ file + N.of_nat (length inputs) <= 2 ^ 60 /\
      Forall byte_list inputs /\ ip < 2 ^ 32 /\ map_ok label_ok n m /\ n <= base
  end.

Definition p1_files_inv (L : N) (a : p1_files_args) : Prop := exists base n, p1_files_at L base n a.

Definition emit_state_ok (es : emit_state) : Prop := es_ip es < 2 ^ 32 /\ es_sr es < 2 ^ 32.

Definition out_length (o : outbuf) : N := N.of_nat (length (out_contents o)).

Definition p2_at (L base n : N) (a : p2_args) : Prop :=
  match a with
  | (cfg, m, file, off, s, count, hold, len, bs, es, o) =>
      lex_ok L base cfg file off s count hold len bs /\ emit_state_ok es /\
      map_ok label_ok n m /\ n <= L /\ out_length o + 4 * pend s <= 4 * (base + off)
  end.

Definition p2_inv (L : N) (a : p2_args) : Prop := exists base n, p2_at L base n a.

Definition p2_files_at (L base n : N) (a : p2_files_args) : Prop :=
  match a with
  | (cfg, m, file, inputs, es, o) =>
      base + total_bytes inputs <= L /\ file + N.of_nat (length inputs) <= 2 ^ 60 /\
      Forall byte_list inputs /\ emit_state_ok es /\ map_ok label_ok n m /\ n <= L /\
      out_length o <= 4 * base
  end.

Definition p2_files_inv (L : N) (a : p2_files_args) : Prop := exists base n, p2_files_at L base n a.

(** ** Proofs *)

(** *** Names and tokens *)

Lemma take_bytes_bytes : forall n l, byte_list l -> byte_list (take_bytes n l).
Proof.
  intros n l; revert n; induction l as [|x l IH]; intros n H; simpl; [constructor|].
  inversion H; subst; destruct (n =? 0); constructor; auto; apply IH; assumption.
Qed.

Lemma rev_onto_bytes : forall l acc, byte_list l -> byte_list acc -> byte_list (rev_onto l acc).
Proof.
  induction l as [|x l IH]; intros acc Hl Ha; simpl; auto.
  inversion Hl; subst; apply IH; auto; constructor; auto.
Qed.

Lemma rev_append_bytes_bytes : forall l acc, byte_list l -> byte_list acc ->
  byte_list (rev_append_bytes l acc).
Proof.
  induction l as [|x l IH]; intros acc Hl Ha; simpl; auto.
  inversion Hl; subst; apply IH; auto; constructor; auto.
Qed.

Lemma eof_name_bytes : forall rn, byte_list rn -> byte_list (eof_name rn).
Proof.
  intros [|x rn] H; simpl; [repeat constructor; lia|].
  apply rev_append_bytes_bytes; auto; constructor.
Qed.

(** What a complete token may hold: bytes, 32-bit words, offsets within the input. *)
Definition token_ok (L : N) (t : token) : Prop :=
  match t with
  | tok_byte b => b < 256
  | tok_word w => w < 2 ^ 32
  | tok_label n => byte_list n
  | tok_ref _ file pos n base =>
      file < 2 ^ 60 /\ pos <= L /\ byte_list n /\
      match base with Some (bn, _) => byte_list bn | None => True end
  | tok_wref _ file pos n => file < 2 ^ 60 /\ pos <= L /\ byte_list n
  | tok_pad | tok_align => True
  end.

Definition is_label (t : token) : bool := match t with tok_label _ => true | _ => false end.

Lemma digit_value_lt : forall md c d, digit_value md c = Some d -> d < digit_radix md.
Proof.
  intros [] c d H; unfold digit_value in H;
    repeat match goal with
           | H : context [if ?b then _ else _] |- _ => destruct b eqn:?
           end; try discriminate; injection H as <-;
    repeat match goal with E : (_ && _)%bool = true |- _ => apply andb_prop in E; destruct E end;
    rewrite ?N.leb_le in *; simpl; lia.
Qed.

Lemma radix_pow : forall md count, count < digits_per_byte md ->
  digit_radix md ^ (count + 1) <= 512.
Proof.
  intros [] count H; simpl in H;
    assert (count = 0 \/ count = 1 \/ count = 2 \/ count = 3 \/ count = 4 \/ count = 5 \/
            count = 6 \/ count = 7) as C by lia;
    repeat destruct C as [-> | C]; simpl; try lia; subst; simpl; lia.
Qed.

(** A digit [d] onto [hold]: below [radix ^ (count + 1)], so at most 511. *)
Lemma digit_push : forall md count hold d, count < digits_per_byte md ->
  hold < digit_radix md ^ count -> d < digit_radix md ->
  hold * digit_radix md + d < digit_radix md ^ (count + 1) /\
  hold * digit_radix md + d < 512.
Proof.
  intros md count hold d C H D.
  pose proof (radix_pow md count C) as P.
  assert (hold * digit_radix md + d < digit_radix md ^ (count + 1)).
  { rewrite N.pow_add_r, N.pow_1_r.
    assert (hold + 1 <= digit_radix md ^ count) by lia.
    assert ((hold + 1) * digit_radix md <= digit_radix md ^ count * digit_radix md)
      by (apply N.mul_le_mono_r; lia).
    lia. }
  split; lia.
Qed.

Lemma word_push_lt : forall acc raw, word_push acc raw < 2 ^ 32.
Proof.
  intros acc raw; unfold word_push.
  change 4294967295 with (N.ones 32); rewrite N.land_ones; apply N.mod_lt; discriminate.
Qed.

Lemma land_255 : forall x, N.land x 255 < 256.
Proof. intros x; change 255 with (N.ones 8); rewrite N.land_ones; apply N.mod_lt; discriminate. Qed.

Lemma add32_lt : forall a b, add32 a b < 2 ^ 32.
Proof. intros; unfold add32; apply N.mod_lt; discriminate. Qed.

(** One byte through [cstep]: the state after it is within [lex_ok] one byte further on, and
    what it reports is within [token_ok]; a label comes only out of a name. *)
Lemma cstep_ok : forall L base cfg file off s count hold len c bs,
  lex_ok L base cfg file off s count hold len (c :: bs) ->
  let r := cstep cfg file off s count hold len c bs in
  lex_ok L base cfg file (off + 1) (cr_state r) (cr_count r) (cr_hold r) (cr_len r) bs /\
  match cr_ev r with
  | ev_none => True
  | ev_byte => cr_val r < 256 /\ pend (cr_state r) = 0
  | ev_word => cr_val r < 2 ^ 32 /\ pend (cr_state r) = 0
  | ev_tok => pend (cr_state r) = 0 /\ token_ok L (cr_tok r) /\
              (is_label (cr_tok r) = true -> pend s = 1)
  | ev_nul => True
  end.
Proof.
  intros L base cfg file off [md pos wc wa k st tn bat] count hold len c bs H.
  destruct H as (Hoff & Hf & Hbs & Hc & Hh & Hlen & Hpos & Hwc & Hwa & Hbat & Hst & Htn).
  inversion Hbs as [|? ? Hcb Hbs']; subst; cbn [length] in Hoff; rewrite Nat2N.inj_succ in Hoff.
  cbn [cs_pos cs_wcount cs_wacc cs_bat cs_start cs_target] in *.
  unfold cstep, cstep_data, cstep_word, c_enter, c_tok, c_none, c_push_name, c_nul, cs_set, cname.
  destruct md; cbn [cs_mode cr_state cr_count cr_hold cr_len cr_ev cr_val cr_tok];
    repeat match goal with
           | |- context [if ?b then _ else _] => destruct b eqn:?
           | |- context [match ref_kind_of ?c with _ => _ end] => destruct (ref_kind_of c)
           | |- context [match digit_value ?m ?c with _ => _ end] =>
               let E := fresh "D" in destruct (digit_value m c) eqn:E;
               [pose proof (digit_value_lt _ _ _ E)|]
           end;
    cbn [cs_mode cr_state cr_count cr_hold cr_len cr_ev cr_val cr_tok pend cs_pos cs_wcount
      cs_wacc cs_bat cs_start cs_target token_ok is_label];
    rewrite ?N.eqb_eq, ?N.eqb_neq in *;
    repeat split;
    cbn [cs_mode pend cs_pos cs_wcount cs_wacc cs_bat cs_start cs_target];
    auto using take_bytes_bytes, word_push_lt, land_255; try lia; try constructor;
    try (pose proof (digit_push _ _ _ _ Hc Hh ltac:(eassumption)); lia).
Qed.

Lemma lex_finish_ok : forall L base cfg file off s count hold len t,
  lex_ok L base cfg file off s count hold len [] ->
  lex_finish file (abs s count hold len) = Ok (Some t) -> pend s = 1 /\ token_ok L t.
Proof.
  intros L base cfg file off [md pos wc wa k st tn bat] count hold len t H F.
  destruct H as (Hoff & Hf & _ & _ & _ & _ & Hpos & _ & _ & Hbat & Hst & Htn).
  cbn [cs_pos cs_bat cs_start cs_target] in *.
  assert (B : byte_list (eof_name (crev (mk_cst md pos wc wa k st tn bat) len)))
    by (apply eof_name_bytes, rev_onto_bytes; [apply take_bytes_bytes; exact Hst|constructor]).
  cbn [length N.of_nat] in Hoff.
  destruct md; cbn in F; try discriminate; injection F as <-; cbn; repeat split; auto; lia.
Qed.

Lemma pend_le : forall s, pend s <= 1.
Proof. intros [[] ? ? ? ? ? ? ?]; unfold pend; cbn; lia. Qed.

Lemma token_size_le : forall cfg ip t, token_size cfg ip t <= 4.
Proof.
  intros cfg ip t; destruct t; simpl; try lia.
  - destruct k; simpl; lia.
  - unfold pad_size; destruct (pads (h2_arch cfg)); [|lia].
    assert (N.land ip 1 < 2) by exact (land_ones_lt ip 1).
    destruct (N.land (ip + N.land ip 1) 2 =? 2); lia.
Qed.

Lemma p1_token_ok : forall L cfg ip m n t, ip < 2 ^ 32 -> map_ok label_ok n m -> token_ok L t ->
  fst (p1_token cfg ip m t) < 2 ^ 32 /\
  map_ok label_ok (if is_label t then n + 1 else n) (snd (p1_token cfg ip m t)).
Proof.
  intros L cfg ip m n t Hip Hm Ht; destruct t; simpl; split; try apply add32_lt; auto.
  apply map_ok_add; auto; exact Hip.
Qed.

Lemma p1_body_cons : forall rec cfg file off s count hold len c bs ip m,
  p1_body rec (cfg, file, off, s, count, hold, len, c :: bs, ip, m) =
    match cstep cfg file off s count hold len c bs with
    | mk_cres s' n h ln ev v t =>
        match ev with
        | ev_none => rec (cfg, file, off + 1, s', n, h, ln, bs, ip, m)
        | ev_byte => rec (cfg, file, off + 1, s', n, h, ln, bs, add32 ip 1, m)
        | ev_word => rec (cfg, file, off + 1, s', n, h, ln, bs, add32 ip 0, m)
        | ev_tok =>
            match p1_token cfg ip m t with
            | (ip', m') => rec (cfg, file, off + 1, s', n, h, ln, bs, ip', m')
            end
        | ev_nul => Err (lex_error nul_in_name file v)
        end
    end.
Proof.
  intros; unfold p1_body; cbn beta iota.
  by_cstep_shortcuts cfg file off s count hold len c bs.
Qed.

(** The arguments of the next call of [p1_bytes], for each thing a byte can do. *)
Lemma p1_next : forall L base n cfg file off s count hold len c bs ip m,
  p1_at L base n (cfg, file, off, s, count, hold, len, c :: bs, ip, m) ->
  let r := cstep cfg file off s count hold len c bs in
  let a' ip' m' := (cfg, file, off + 1, cr_state r, cr_count r, cr_hold r, cr_len r, bs, ip', m') in
  (cr_ev r = ev_none -> p1_at L base n (a' ip m)) /\
  (cr_ev r = ev_byte -> p1_at L base n (a' (add32 ip 1) m)) /\
  (cr_ev r = ev_word -> p1_at L base n (a' (add32 ip 0) m)) /\
  (cr_ev r = ev_tok ->
     p1_at L base (if is_label (cr_tok r) then n + 1 else n)
       (a' (fst (p1_token cfg ip m (cr_tok r))) (snd (p1_token cfg ip m (cr_tok r))))).
Proof.
  intros L base n cfg file off s count hold len c bs ip m (Hl & Hip & Hm & Hn).
  pose proof (cstep_ok _ _ _ _ _ _ _ _ _ _ _ Hl) as [Hl' Hev].
  destruct (cstep cfg file off s count hold len c bs) as [s' n' h' ln' ev v t]; cbn in *.
  pose proof (pend_le s'); pose proof (pend_le s).
  refine (conj _ (conj _ (conj _ _))); intros Ev; subst ev.
  - refine (conj Hl' (conj Hip (conj Hm _))); lia.
  - refine (conj Hl' (conj (add32_lt _ _) (conj Hm _))); lia.
  - refine (conj Hl' (conj (add32_lt _ _) (conj Hm _))); lia.
  - destruct Hev as (P0 & Tok & Lab).
    destruct (p1_token_ok L cfg ip m n t Hip Hm Tok) as [Hip' Hm'].
    refine (conj Hl' (conj Hip' (conj Hm' _))).
    destruct (is_label t); [specialize (Lab eq_refl)|]; lia.
Qed.

(** Pass 1 calls itself only within [p1_inv]. *)
Theorem p1_calls : forall L, calls_within p1_body (p1_inv L) (p1_inv L).
Proof.
  intros L [[[[[[[[[cfg file] off] s] count] hold] len] bs] ip] m] (base & n & Ha) f g E.
  destruct bs as [|c bs]; [reflexivity|].
  rewrite !p1_body_cons.
  pose proof (p1_next _ _ _ _ _ _ _ _ _ _ _ _ _ _ Ha) as (N0 & N1 & N2 & N3); cbv zeta in *.
  destruct (cstep cfg file off s count hold len c bs) as [s' n' h' ln' ev v t]; cbn in *.
  destruct ev; try reflexivity.
  - apply E; exists base, n; apply N0; reflexivity.
  - apply E; exists base, n; apply N1; reflexivity.
  - apply E; exists base, n; apply N2; reflexivity.
  - specialize (N3 eq_refl); destruct (p1_token cfg ip m t) as [ip' m']; apply E.
    eexists _, _; exact N3.
Qed.

Lemma p1_bytes_result : forall L bs base n cfg file off s count hold len ip m ip' m',
  p1_at L base n (cfg, file, off, s, count, hold, len, bs, ip, m) ->
  p1_bytes cfg file off s count hold len bs ip m = Ok (ip', m') ->
  ip' < 2 ^ 32 /\ exists n', map_ok label_ok n' m' /\ n' <= base + off + N.of_nat (length bs).
Proof.
  intros L bs; induction bs as [|c bs IH];
    intros base n cfg file off s count hold len ip m ip' m' Ha R.
  - destruct Ha as (Hl & Hip & Hm & Hn); cbn [p1_bytes] in R.
    rewrite <- (cfinish_abs file s count hold len) in R.
    destruct (lex_finish file (abs s count hold len)) as [[t|]|e] eqn:F; try discriminate.
    + destruct (lex_finish_ok _ _ _ _ _ _ _ _ _ _ Hl F) as [P1 Tok].
      destruct (p1_token_ok L cfg ip m n t Hip Hm Tok) as [Hip' Hm'].
      destruct (p1_token cfg ip m t) as [ip1 m1]; injection R as <- <-; cbn in *.
      split; [exact Hip'|]; eexists; split; [exact Hm'|]; destruct (is_label t); lia.
    + injection R as <- <-; split; [exact Hip|]; exists n; split; [exact Hm|].
      pose proof (pend_le s); cbn; lia.
  - rewrite p1_bytes_cons in R.
    pose proof (p1_next _ _ _ _ _ _ _ _ _ _ _ _ _ _ Ha) as (N0 & N1 & N2 & N3); cbv zeta in *.
    assert (Len : N.of_nat (length (c :: bs)) = 1 + N.of_nat (length bs))
      by (cbn [length]; lia); rewrite Len.
    destruct (cstep cfg file off s count hold len c bs) as [s' n' h' ln' ev v t];
      cbn [cr_ev cr_state cr_count cr_hold cr_len cr_tok] in N0, N1, N2, N3.
    destruct ev; try discriminate.
    + destruct (IH _ _ _ _ _ _ _ _ _ _ _ _ _ (N0 eq_refl) R) as [? [n1 [? ?]]].
      split; auto; exists n1; split; auto; lia.
    + destruct (IH _ _ _ _ _ _ _ _ _ _ _ _ _ (N1 eq_refl) R) as [? [n1 [? ?]]].
      split; auto; exists n1; split; auto; lia.
    + destruct (IH _ _ _ _ _ _ _ _ _ _ _ _ _ (N2 eq_refl) R) as [? [n1 [? ?]]].
      split; auto; exists n1; split; auto; lia.
    + specialize (N3 eq_refl); destruct (p1_token cfg ip m t) as [ip1 m1]; cbn in N3.
      destruct (IH _ _ _ _ _ _ _ _ _ _ _ _ _ N3 R) as [? [n1 [? ?]]].
      split; auto; exists n1; split; auto; lia.
Qed.

Lemma total_cons : forall bs rest, total_bytes (bs :: rest) = N.of_nat (length bs) + total_bytes rest.
Proof. reflexivity. Qed.

Lemma p1_start : forall L base n cfg file bs rest ip m,
  p1_files_at L base n (cfg, file, bs :: rest, ip, m) ->
  p1_at L base n (cfg, file, 0, cinit, 0, 0, 0, bs, ip, m).
Proof.
  intros L base n cfg file bs rest ip m (T & F & B & Hip & Hm & Hn); rewrite total_cons in T.
  cbn [length] in F; rewrite Nat2N.inj_succ in F; inversion B; subst.
  refine (conj _ (conj Hip (conj Hm _))); [|cbn; lia].
  unfold lex_ok; cbn [cinit cs_pos cs_wcount cs_wacc cs_bat cs_start cs_target].
  repeat match goal with |- _ /\ _ => split end; auto; try lia; try apply Forall_nil.
  destruct (h2_byte_mode cfg); cbn; lia.
Qed.

(** [p1_files] calls itself only within [p1_files_inv], and [p1_bytes] only within [p1_inv]. *)
Theorem p1_files_calls : forall L,
  calls_within2 p1_files_body p1_call (p1_files_inv L) (p1_files_inv L) (p1_inv L).
Proof.
  intros L; split; [|intros f0];
    intros [[[[cfg file] inputs] ip] m] (base & n & Ha) f g E;
    destruct inputs as [|bs rest]; try reflexivity; cbn beta iota delta [p1_files_body p1_call].
  - destruct (p1_bytes cfg file 0 cinit 0 0 0 bs ip m) as [[ip' m']|e] eqn:R; [|reflexivity].
    apply E.
    destruct (p1_bytes_result _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ (p1_start _ _ _ _ _ _ _ _ _ Ha) R)
      as [Hip' [n' [Hm' Hn']]].
    destruct Ha as (T & F & B & _ & _ & _); rewrite total_cons in T.
    cbn [length] in F; rewrite Nat2N.inj_succ in F; inversion B; subst.
    exists (base + N.of_nat (length bs)), n'.
    refine (conj _ (conj _ (conj H2 (conj Hip' (conj Hm' _))))); lia.
  - assert (I1 : p1_inv L (cfg, file, 0, cinit, 0, 0, 0, bs, ip, m))
      by (exists base, n; exact (p1_start _ _ _ _ _ _ _ _ _ Ha)).
    rewrite (E _ I1); reflexivity.
Qed.

(** *** The operations of pass 1 *)

Lemma land_1_lt : forall x, N.land x 1 < 2.
Proof. intros; exact (land_ones_lt x 1). Qed.

Lemma pad_size_ops_ok : forall ip, ip < 2 ^ 32 -> pad_size_ops ip.
Proof.
  intros ip H; pose proof (land_1_lt ip); unfold pad_size_ops, n_in_range; split; intros; lia.
Qed.

Lemma step_ops_ok : forall L base cfg file off s count hold len c bs, L < 2 ^ 60 ->
  lex_ok L base cfg file off s count hold len (c :: bs) -> step_ops cfg off s count hold len c.
Proof.
  intros L base cfg file off s count hold len c bs HL H.
  destruct H as (Hoff & Hf & Hbs & Hc & Hh & Hlen & Hpos & Hwc & Hwa & _).
  assert (digits_per_byte (h2_byte_mode cfg) <= 8) by (destruct (h2_byte_mode cfg); cbn; lia).
  unfold step_ops, n_in_range; do 4 (split; [lia|]).
  intros d0 D; pose proof (digit_value_lt _ _ _ D).
  destruct (digit_push _ _ _ _ Hc Hh H0) as [_ P].
  split; [|split]; try lia. rewrite N.shiftl_mul_pow2; lia.
Qed.

Lemma p1_token_ops_ok : forall L cfg ip m n t, L < 2 ^ 60 -> ip < 2 ^ 32 ->
  map_ok label_ok n m -> n <= L -> token_ok L t -> p1_token_ops cfg ip m t.
Proof.
  intros L cfg ip m n t HL Hip Hm Hn Ht.
  split; [apply pad_size_ops_ok; exact Hip|].
  split; [pose proof (token_size_le cfg ip t); unfold add32_ops, n_in_range; lia|].
  intros name ->; exists n; split; [lia|]; eapply add_ops_ok; [exact Hm|exact Ht].
Qed.

(** Within [p1_inv], every operation of an iteration of [p1_bytes] is in range. *)
Theorem p1_in_range : forall L a, L < 2 ^ 60 -> p1_inv L a -> p1_ops a.
Proof.
  intros L [[[[[[[[[cfg file] off] s] count] hold] len] bs] ip] m] HL (base & n & Hl & Hip & Hm & Hn).
  assert (n <= L) by (destruct Hl; pose proof (pend_le s); lia).
  destruct bs as [|c bs]; cbn [p1_ops].
  - intros t F; destruct (lex_finish_ok _ _ _ _ _ _ _ _ _ _ Hl F) as [_ Tok].
    eapply p1_token_ops_ok; eauto.
  - split; [eapply step_ops_ok; eauto|].
    split; [unfold add32_ops, n_in_range; lia|]; split; [unfold add32_ops, n_in_range; lia|].
    intros Ev; pose proof (cstep_ok _ _ _ _ _ _ _ _ _ _ _ Hl) as [_ C]; rewrite Ev in C.
    destruct C as (_ & Tok & _); eapply p1_token_ops_ok; eauto.
Qed.

Theorem p1_files_in_range : forall L a, p1_files_inv L a -> p1_files_ops a.
Proof.
  intros L [[[[cfg file] inputs] ip] m] (base & n & _ & F & _); unfold p1_files_ops, n_in_range; lia.
Qed.

(** *** The operations of pass 2 *)

Lemma wrap32_ops_ok : forall z, wrap32_ops z.
Proof.
  intros z; unfold wrap32_ops, z_in_range.
  pose proof (Z.mod_pos_bound z 4294967296 ltac:(reflexivity)); lia.
Qed.

Lemma shiftr2_range : forall z, (-2147483648 <= z < 2147483648)%Z ->
  (-2147483648 <= Z.shiftr z 2 < 2147483648)%Z.
Proof.
  intros z H; rewrite Z.shiftr_div_pow2 by lia; change (2 ^ 2)%Z with 4%Z.
  Z.div_mod_to_equations; lia.
Qed.

Lemma arch_displacement_ops_ok : forall t b, t < 2 ^ 32 -> b < 2 ^ 32 -> arch_displacement_ops t b.
Proof.
  intros t b Ht Hb; unfold arch_displacement_ops, z_in_range; cbv zeta.
  pose proof (z_land_range (Z.of_N b) 3 2 ltac:(lia) ltac:(lia)).
  pose proof (z_land_range (Z.of_N b) 4294967292 32 ltac:(lia) ltac:(lia)).
  pose proof (shiftr2_range _ (wrap32_range (Z.of_N t - Z.of_N b + Z.land (Z.of_N b) 3))).
  repeat split; try apply wrap32_ops_ok; lia.
Qed.

Lemma arch_displacement_range : forall a al t b d al',
  arch_displacement a al t b = Some (d, al') -> (-2147483650 <= d < 2147483648)%Z.
Proof.
  intros a al t b d al' H; unfold arch_displacement in H; cbv zeta in H.
  destruct a; repeat match goal with H : context [if ?c then _ else _] |- _ => destruct c end;
    try discriminate; injection H as <- _;
    try (match goal with |- context [Z.shiftr (wrap32 ?z) 2] =>
           pose proof (shiftr2_range _ (wrap32_range z)) end);
    try (match goal with |- context [wrap32 ?z] => pose proof (wrap32_range z) end); lia.
Qed.

Lemma shiftl_range : forall v m k n, (0 <= k)%Z -> (0 <= n)%Z -> (0 <= m < 2 ^ k)%Z -> (k + n <= 62)%Z ->
  z_in_range (Z.shiftl (Z.land v m) n).
Proof.
  intros v m k n Hk Hn Hm Hkn; pose proof (z_land_range v m k Hk Hm).
  rewrite Z.shiftl_mul_pow2 by exact Hn; unfold z_in_range.
  assert (2 ^ k * 2 ^ n <= 2 ^ 62)%Z by (rewrite <- Z.pow_add_r by lia; apply Z.pow_le_mono_r; lia).
  assert (0 < 2 ^ n)%Z by (apply Z.pow_pos_nonneg; lia).
  nia.
Qed.

Lemma riscv_field_ops_ok : forall v, (-2147483650 <= v < 2147483648)%Z -> riscv_field_ops v.
Proof.
  intros v Hv; unfold riscv_field_ops.
  repeat split; try apply wrap32_ops_ok; try (unfold z_in_range; lia);
    try (eapply shiftl_range with (k := 32%Z); lia).
  all: pose proof (z_land_range v 4294963200 32 ltac:(lia) ltac:(lia)); unfold z_in_range; lia.
Qed.

Lemma word_swap_ops_ok : forall w, w < 2 ^ 32 -> word_swap_ops w.
Proof.
  intros w H; unfold word_swap_ops, n_in_range; rewrite !N.shiftl_mul_pow2.
  pose proof (land_lt_pow w 255 8 ltac:(reflexivity)); split; lia.
Qed.

Lemma ref_size_le : forall k, ref_size k <= 4.
Proof. intros []; simpl; lia. Qed.

Lemma pad_size_le : forall a ip, pad_size a ip <= 3.
Proof. intros a ip; pose proof (token_size_le (mk_hex2_config a false 0 hex_mode) ip tok_pad); simpl in H.
  unfold pad_size in *; destruct (pads a); [|lia].
  pose proof (land_1_lt ip); destruct (N.land (ip + N.land ip 1) 2 =? 2); lia. Qed.

Lemma emit_resolved_ops_ok : forall L cfg es t tgt bse, L < 2 ^ 60 -> emit_state_ok es ->
  token_ok L t -> (forall x, tgt = Some x -> x < 2 ^ 32) -> (forall x, bse = Some x -> x < 2 ^ 32) ->
  emit_resolved_ops cfg es t tgt bse.
Proof.
  intros L cfg es t tgt bse HL [Hip Hsr] Ht Htg Hbs; unfold emit_resolved_ops.
  destruct t; cbn in Ht |- *; auto.
  - unfold add32_ops, n_in_range; lia.
  - apply word_swap_ops_ok; exact Ht.
  - destruct Ht as (Hf & Hpos & _); pose proof (ref_size_le k).
    split; [unfold add32_ops, n_in_range; lia|]; split; [unfold n_in_range; lia|].
    split; [intros i Hi; unfold n_in_range; lia|].
    intros ta E; specialize (Htg ta E); split; [split; [unfold z_in_range; lia|apply wrap32_ops_ok]|].
    split; [apply arch_displacement_ops_ok; auto using add32_lt|].
    intros ba E'; specialize (Hbs ba E').
    do 3 (split; [unfold z_in_range; lia|]); apply wrap32_ops_ok.
  - destruct Ht as (Hf & Hpos & _).
    split; [unfold n_in_range; lia|].
    intros ta E; specialize (Htg ta E); split; [apply arch_displacement_ops_ok; auto|].
    intros d al A; apply riscv_field_ops_ok; eapply arch_displacement_range; exact A.
  - split; [apply pad_size_ops_ok; exact Hip|]; pose proof (pad_size_le (h2_arch cfg) (es_ip es)).
    unfold add32_ops, n_in_range; lia.
Qed.

Lemma u32_lt : forall z, u32 z < 2 ^ 32.
Proof.
  intros z; unfold u32, two32; pose proof (Z.mod_pos_bound z 4294967296 ltac:(reflexivity)).
  apply N.compare_lt_iff; rewrite <- (Z2N.id (z mod 4294967296)) at 1 by lia.
  change (2 ^ 32) with (Z.to_N 4294967296); apply Z2N.inj_lt; lia.
Qed.

Lemma field_bytes_ok : forall big k v,
  byte_list (field_bytes big k v) /\ N.of_nat (length (field_bytes big k v)) <= 4.
Proof.
  intros big k v; unfold field_bytes, byte_of.
  destruct k; [|destruct big..]; cbn [length]; split; try (cbn; lia);
    repeat first [apply Forall_nil|apply Forall_cons]; apply land_255.
Qed.

Lemma word_swap_lt : forall big w, w < 2 ^ 32 -> word_swap big w < 2 ^ 32.
Proof.
  intros [] w H; unfold word_swap; [exact H|].
  repeat apply lor_lt_pow; try (apply land_lt_pow; reflexivity).
  rewrite N.shiftl_mul_pow2; pose proof (land_lt_pow w 255 8 ltac:(reflexivity)); cbn in *; lia.
Qed.

Lemma riscv_field_lt : forall k v f, riscv_field k v = Some f -> f < 2 ^ 32.
Proof.
  intros k v f H; unfold riscv_field in H; destruct k;
    repeat match goal with H : context [if ?c then _ else _] |- _ => destruct c end;
    try discriminate; injection H as <-; apply u32_lt || (cbn; lia).
Qed.

Lemma emit_resolved_result : forall L cfg es t tgt bse es' bs, emit_state_ok es -> token_ok L t ->
  emit_resolved cfg es t tgt bse = Ok (es', bs) ->
  emit_state_ok es' /\ byte_list bs /\ N.of_nat (length bs) <= 4.
Proof.
  intros L cfg es t tgt bse es' bs [Hip Hsr] Ht E; unfold emit_resolved in E.
  destruct t; cbn in Ht.
  - injection E as <- <-; split; [split; cbn [es_ip es_sr es_aligned]; auto using add32_lt|].
    + exact (N.le_lt_trans _ _ _ (shiftr_le (es_sr es) 8) Hsr).
    + split; [repeat first [apply Forall_nil|apply Forall_cons]; apply (lxor_lt_pow _ _ 8); [exact Ht|apply land_255]|cbn; lia].
  - injection E as <- <-; split; [split; cbn [es_ip es_sr es_aligned]; auto|split; [constructor|cbn; lia]].
    apply lxor_lt_pow; auto; apply word_swap_lt; exact Ht.
  - injection E as <- <-; split; [split; auto|split; [constructor|cbn; lia]].
  - destruct tgt as [ta|]; [|discriminate].
    destruct base as [[bn bpos]|]; [destruct bse as [ba|]; [|discriminate]|];
      [|destruct (arch_displacement _ _ _ _) as [[d al]|]; [|discriminate]];
      destruct (ref_fits k _); try discriminate; injection E as <- <-;
      (split; [split; cbn [es_ip es_sr es_aligned]; auto using add32_lt|apply field_bytes_ok]).
  - destruct tgt as [ta|]; [|discriminate].
    destruct (arch_displacement _ _ _ _) as [[d al]|]; [|discriminate].
    destruct (riscv_field k d) as [f|] eqn:F; [|discriminate]; injection E as <- <-.
    split; [split; cbn [es_ip es_sr es_aligned]; auto|split; [constructor|cbn; lia]].
    apply lxor_lt_pow; auto; eapply riscv_field_lt; exact F.
  - injection E as <- <-; split; [split; cbn [es_ip es_sr es_aligned]; auto using add32_lt|].
    destruct (pad_size _ _ =? 1); [|destruct (pad_size _ _ =? 2); [|destruct (pad_size _ _ =? 3)]];
      (split; [repeat first [apply Forall_nil|apply Forall_cons]; cbn; lia|cbn; lia]).
  - injection E as <- <-; split; [split; cbn [es_ip es_sr es_aligned]; auto|split; [constructor|cbn; lia]].
Qed.

Lemma out_length_push_bytes : forall o bs,
  out_length (push_bytes o bs) = out_length o + N.of_nat (length bs).
Proof. intros; unfold out_length; rewrite out_contents_push_bytes, app_length, Nat2N.inj_add; reflexivity. Qed.

Lemma out_length_push : forall o b, out_length (out_push o b) = out_length o + 1.
Proof. intros; unfold out_length; rewrite out_contents_push, app_length, Nat2N.inj_add; reflexivity. Qed.

(** [push_bytes] pushes only bytes. *)
Theorem push_bytes_calls : calls_within push_bytes_body push_bytes_inv push_bytes_inv.
Proof.
  intros [o [|b bs]] H f g E; [reflexivity|]; unfold push_bytes_body; cbn beta iota.
  apply E; unfold push_bytes_inv in *; cbn in *; inversion H; auto.
Qed.

Theorem push_bytes_in_range : forall a, push_bytes_inv a -> push_bytes_ops a.
Proof. intros [o [|b bs]] H; cbn; auto; inversion H; auto. Qed.

Lemma p2_byte_ops_ok : forall es b, emit_state_ok es -> b < 256 -> p2_byte_ops es b.
Proof.
  intros es b [Hip Hsr] Hb; split; [unfold add32_ops, n_in_range; lia|].
  apply (lxor_lt_pow _ _ 8); [exact Hb|apply land_255].
Qed.

Lemma p2_byte_result : forall es o b, emit_state_ok es ->
  emit_state_ok (fst (p2_byte es o b)) /\ out_length (snd (p2_byte es o b)) = out_length o + 1.
Proof.
  intros es o b [Hip Hsr]; cbn; split; [split; cbn [es_ip es_sr]|apply out_length_push].
  - apply add32_lt.
  - exact (N.le_lt_trans _ _ _ (shiftr_le (es_sr es) 8) Hsr).
Qed.

Lemma resolve_ok : forall n m name x, map_ok label_ok n m -> resolve m name = Some x -> x < 2 ^ 32.
Proof.
  intros n m [name|] x Hm R; cbn in R; [|discriminate].
  exact (map_ok_find _ _ _ _ _ _ Hm R).
Qed.

Lemma ref_names_ok : forall L t name, token_ok L t ->
  (ref_target t = Some name \/ ref_base t = Some name) -> byte_list name.
Proof.
  intros L t name Ht [R|R]; destruct t; cbn in R, Ht; try discriminate;
    try (injection R as <-; tauto).
  destruct base as [[bn bp]|]; [injection R as <-; tauto|discriminate].
Qed.

Lemma p2_token_ops_ok : forall L cfg m n es t, L < 2 ^ 60 -> map_ok label_ok n m ->
  emit_state_ok es -> token_ok L t -> p2_token_ops cfg m es t.
Proof.
  intros L cfg m n es t HL Hm Hes Ht; unfold p2_token_ops.
  destruct t;
    [apply p2_byte_ops_ok; [exact Hes|exact Ht]|..];
    (split; [intros nm R; eapply find_ops_ok; [exact Hm|eapply ref_names_ok; eauto]|]);
    (split; [intros nm R; eapply find_ops_ok; [exact Hm|eapply ref_names_ok; eauto]|]);
    (split; [eapply emit_resolved_ops_ok; eauto; intros x; apply resolve_ok with (n := n); exact Hm|]);
    intros es' bs E; unfold push_bytes_inv; cbn [snd];
    exact (proj1 (proj2 (emit_resolved_result _ _ _ _ _ _ _ _ Hes Ht E))).
Qed.

Lemma p2_token_result : forall L cfg m n es o t es' o', map_ok label_ok n m ->
  emit_state_ok es -> token_ok L t -> p2_token cfg m es o t = Ok (es', o') ->
  emit_state_ok es' /\ out_length o' <= out_length o + 4.
Proof.
  intros L cfg m n es o t es' o' Hm Hes Ht R; unfold p2_token in R.
  destruct t;
    [injection R as <- <-; pose proof (p2_byte_result es o b Hes) as [? ?]; cbn in *; split; auto; lia|..];
    (destruct (emit_resolved _ _ _ _ _) as [[es1 bs]|e] eqn:E; [|discriminate]);
    injection R as <- <-;
    destruct (emit_resolved_result _ _ _ _ _ _ _ _ Hes Ht E) as (? & ? & ?);
    rewrite out_length_push_bytes; split; auto; lia.
Qed.

(** *** The loops of pass 2 *)

Lemma p2_body_cons : forall rec cfg m file off s count hold len c bs es o,
  p2_body rec (cfg, m, file, off, s, count, hold, len, c :: bs, es, o) =
    match cstep cfg file off s count hold len c bs with
    | mk_cres s' n h ln ev v t =>
        match ev with
        | ev_none => rec (cfg, m, file, off + 1, s', n, h, ln, bs, es, o)
        | ev_byte =>
            match p2_byte es o v with
            | (es', o') => rec (cfg, m, file, off + 1, s', n, h, ln, bs, es', o')
            end
        | ev_word =>
            match p2_token cfg m es o (tok_word v) with
            | Err e => Err e
            | Ok r2 => match r2 with (es', o') => rec (cfg, m, file, off + 1, s', n, h, ln, bs, es', o') end
            end
        | ev_tok =>
            match p2_token cfg m es o t with
            | Err e => Err e
            | Ok r2 => match r2 with (es', o') => rec (cfg, m, file, off + 1, s', n, h, ln, bs, es', o') end
            end
        | ev_nul => Err (lex_error nul_in_name file v)
        end
    end.
Proof.
  intros; unfold p2_body; cbn beta iota.
  by_cstep_shortcuts cfg file off s count hold len c bs.
Qed.

Lemma p2_next : forall L base n cfg m file off s count hold len c bs es o,
  p2_at L base n (cfg, m, file, off, s, count, hold, len, c :: bs, es, o) ->
  let r := cstep cfg file off s count hold len c bs in
  let a' es' o' := (cfg, m, file, off + 1, cr_state r, cr_count r, cr_hold r, cr_len r, bs, es', o') in
  (cr_ev r = ev_none -> p2_at L base n (a' es o)) /\
  (cr_ev r = ev_byte -> p2_at L base n (a' (fst (p2_byte es o (cr_val r))) (snd (p2_byte es o (cr_val r))))) /\
  (cr_ev r = ev_word -> forall es' o', p2_token cfg m es o (tok_word (cr_val r)) = Ok (es', o') ->
     p2_at L base n (a' es' o')) /\
  (cr_ev r = ev_tok -> forall es' o', p2_token cfg m es o (cr_tok r) = Ok (es', o') ->
     p2_at L base n (a' es' o')).
Proof.
  intros L base n cfg m file off s count hold len c bs es o (Hl & Hes & Hm & Hn & Ho).
  pose proof (cstep_ok _ _ _ _ _ _ _ _ _ _ _ Hl) as [Hl' Hev].
  destruct (cstep cfg file off s count hold len c bs) as [s' n' h' ln' ev v t];
    cbn [cr_ev cr_state cr_count cr_hold cr_len cr_tok cr_val] in *.
  pose proof (pend_le s'); pose proof (pend_le s).
  refine (conj _ (conj _ (conj _ _))); intros Ev; subst ev.
  - refine (conj Hl' (conj Hes (conj Hm (conj Hn _)))); lia.
  - destruct Hev as [_ P0]; pose proof (p2_byte_result es o v Hes) as [Hes' Ho'].
    refine (conj Hl' (conj Hes' (conj Hm (conj Hn _)))); lia.
  - intros es' o' R; destruct Hev as [Hv P0].
    destruct (p2_token_result L cfg m n es o (tok_word v) es' o' Hm Hes Hv R) as [Hes' Ho'].
    refine (conj Hl' (conj Hes' (conj Hm (conj Hn _)))); lia.
  - intros es' o' R; destruct Hev as (P0 & Tok & _).
    destruct (p2_token_result L cfg m n es o t es' o' Hm Hes Tok R) as [Hes' Ho'].
    refine (conj Hl' (conj Hes' (conj Hm (conj Hn _)))); lia.
Qed.

(** Pass 2 calls itself only within [p2_inv]. *)
Theorem p2_calls : forall L, calls_within p2_body (p2_inv L) (p2_inv L).
Proof.
  intros L [[[[[[[[[[cfg m] file] off] s] count] hold] len] bs] es] o] (base & n & Ha) f g E.
  destruct bs as [|c bs]; [reflexivity|].
  rewrite !p2_body_cons.
  pose proof (p2_next _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ Ha) as (N0 & N1 & N2 & N3); cbv zeta in *.
  destruct (cstep cfg file off s count hold len c bs) as [s' n' h' ln' ev v t];
    cbn [cr_ev cr_state cr_count cr_hold cr_len cr_tok cr_val] in N0, N1, N2, N3.
  destruct ev; try reflexivity.
  - apply E; exists base, n; apply N0; reflexivity.
  - specialize (N1 eq_refl); destruct (p2_byte es o v) as [es' o']; apply E; exists base, n; exact N1.
  - specialize (N2 eq_refl); destruct (p2_token cfg m es o (tok_word v)) as [[es' o']|e] eqn:R;
      [|reflexivity]; apply E; exists base, n; eapply N2; first [exact R|reflexivity].
  - specialize (N3 eq_refl); destruct (p2_token cfg m es o t) as [[es' o']|e] eqn:R;
      [|reflexivity]; apply E; exists base, n; eapply N3; first [exact R|reflexivity].
Qed.

Lemma p2_bytes_result : forall L bs base n cfg m file off s count hold len es o es' o',
  p2_at L base n (cfg, m, file, off, s, count, hold, len, bs, es, o) ->
  p2_bytes cfg m file off s count hold len bs es o = Ok (es', o') ->
  emit_state_ok es' /\ out_length o' <= 4 * (base + off + N.of_nat (length bs)).
Proof.
  intros L bs; induction bs as [|c bs IH];
    intros base n cfg m file off s count hold len es o es' o' Ha R.
  - destruct Ha as (Hl & Hes & Hm & Hn & Ho); cbn [p2_bytes] in R.
    rewrite <- (cfinish_abs file s count hold len) in R.
    destruct (lex_finish file (abs s count hold len)) as [[t|]|e] eqn:F; try discriminate.
    + destruct (lex_finish_ok _ _ _ _ _ _ _ _ _ _ Hl F) as [P1 Tok].
      destruct (p2_token_result L cfg m n es o t es' o' Hm Hes Tok R) as [Hes' Ho'].
      split; [exact Hes'|]; cbn [length N.of_nat]; lia.
    + injection R as <- <-; split; [exact Hes|]; cbn [length N.of_nat]; lia.
  - rewrite p2_bytes_cons in R.
    pose proof (p2_next _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ Ha) as (N0 & N1 & N2 & N3); cbv zeta in *.
    assert (Len : N.of_nat (length (c :: bs)) = 1 + N.of_nat (length bs))
      by (cbn [length]; lia); rewrite Len.
    destruct (cstep cfg file off s count hold len c bs) as [s' n' h' ln' ev v t];
      cbn [cr_ev cr_state cr_count cr_hold cr_len cr_tok cr_val] in N0, N1, N2, N3.
    destruct ev; try discriminate.
    + destruct (IH _ _ _ _ _ _ _ _ _ _ _ _ _ _ (N0 eq_refl) R); split; auto; lia.
    + specialize (N1 eq_refl); destruct (p2_byte es o v) as [es1 o1].
      destruct (IH _ _ _ _ _ _ _ _ _ _ _ _ _ _ N1 R); split; auto; lia.
    + specialize (N2 eq_refl); destruct (p2_token cfg m es o (tok_word v)) as [[es1 o1]|e] eqn:R1;
        [|discriminate].
      destruct (IH _ _ _ _ _ _ _ _ _ _ _ _ _ _ ltac:(eapply N2; first [exact R1|reflexivity]) R);
        split; auto; lia.
    + specialize (N3 eq_refl); destruct (p2_token cfg m es o t) as [[es1 o1]|e] eqn:R1;
        [|discriminate].
      destruct (IH _ _ _ _ _ _ _ _ _ _ _ _ _ _ ltac:(eapply N3; first [exact R1|reflexivity]) R);
        split; auto; lia.
Qed.

Lemma p2_start : forall L base n cfg m file bs rest es o,
  p2_files_at L base n (cfg, m, file, bs :: rest, es, o) ->
  p2_at L base n (cfg, m, file, 0, cinit, 0, 0, 0, bs, es, o).
Proof.
  intros L base n cfg m file bs rest es o (T & F & B & Hes & Hm & Hn & Ho); rewrite total_cons in T.
  cbn [length] in F; rewrite Nat2N.inj_succ in F; inversion B; subst.
  refine (conj _ (conj Hes (conj Hm (conj Hn _)))); [|unfold pend; cbn [cinit cs_mode]; lia].
  unfold lex_ok; cbn [cinit cs_pos cs_wcount cs_wacc cs_bat cs_start cs_target].
  repeat match goal with |- _ /\ _ => split end; auto; try lia; try apply Forall_nil.
  destruct (h2_byte_mode cfg); cbn; lia.
Qed.

(** [p2_files] calls itself only within [p2_files_inv], and [p2_bytes] only within [p2_inv]. *)
Theorem p2_files_calls : forall L,
  calls_within2 p2_files_body p2_call (p2_files_inv L) (p2_files_inv L) (p2_inv L).
Proof.
  intros L; split; [|intros f0];
    intros [[[[[cfg m] file] inputs] es] o] (base & n & Ha) f g E;
    destruct inputs as [|bs rest]; try reflexivity; cbn beta iota delta [p2_files_body p2_call].
  - destruct (p2_bytes cfg m file 0 cinit 0 0 0 bs es o) as [[es' o']|e] eqn:R; [|reflexivity].
    apply E.
    destruct (p2_bytes_result _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ (p2_start _ _ _ _ _ _ _ _ _ _ Ha) R)
      as [Hes' Ho'].
    destruct Ha as (T & F & B & _ & Hm & Hn & _); rewrite total_cons in T.
    cbn [length] in F; rewrite Nat2N.inj_succ in F; inversion B; subst.
    exists (base + N.of_nat (length bs)), n.
    refine (conj _ (conj _ (conj H2 (conj Hes' (conj Hm (conj Hn _)))))); lia.
  - assert (I1 : p2_inv L (cfg, m, file, 0, cinit, 0, 0, 0, bs, es, o))
      by (exists base, n; exact (p2_start _ _ _ _ _ _ _ _ _ _ Ha)).
    rewrite (E _ I1); reflexivity.
Qed.

(** Within [p2_inv], every operation of an iteration of [p2_bytes] is in range. *)
Theorem p2_in_range : forall L a, L < 2 ^ 60 -> p2_inv L a -> p2_ops a.
Proof.
  intros L [[[[[[[[[[cfg m] file] off] s] count] hold] len] bs] es] o] HL
    (base & n & Hl & Hes & Hm & Hn & Ho).
  destruct bs as [|c bs]; cbn [p2_ops].
  - intros t F; destruct (lex_finish_ok _ _ _ _ _ _ _ _ _ _ Hl F) as [_ Tok].
    eapply p2_token_ops_ok; eauto.
  - pose proof (cstep_ok _ _ _ _ _ _ _ _ _ _ _ Hl) as [_ C].
    split; [eapply step_ops_ok; eauto|].
    split; [intros d D; split;
            [apply p2_byte_ops_ok; [exact Hes|apply land_255]
            |eapply p2_token_ops_ok; eauto; apply word_push_lt]|].
    split; [intros Ev; rewrite Ev in C; apply p2_byte_ops_ok; [exact Hes|apply C]|].
    split; [intros Ev; rewrite Ev in C; eapply p2_token_ops_ok; eauto; apply C|].
    intros Ev; rewrite Ev in C; eapply p2_token_ops_ok; eauto; apply C.
Qed.

Theorem p2_files_in_range : forall L a, p2_files_inv L a -> p2_files_ops a.
Proof.
  intros L [[[[[cfg m] file] inputs] es] o] (base & n & _ & F & _); unfold p2_files_ops, n_in_range; lia.
Qed.

(** *** [link_out] *)

Lemma p1_files_result : forall L inputs base n cfg file ip m ip' m',
  p1_files_at L base n (cfg, file, inputs, ip, m) -> p1_files cfg file inputs ip m = Ok (ip', m') ->
  exists n', map_ok label_ok n' m' /\ n' <= L.
Proof.
  intros L inputs; induction inputs as [|bs rest IH]; intros base n cfg file ip m ip' m' Ha R.
  - injection R as <- <-; destruct Ha as (T & _ & _ & _ & Hm & Hn); exists n; split; auto.
    cbn in T; lia.
  - cbn [p1_files] in R.
    destruct (p1_bytes cfg file 0 cinit 0 0 0 bs ip m) as [[ip1 m1]|e] eqn:R1; [|discriminate].
    destruct (p1_bytes_result _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ (p1_start _ _ _ _ _ _ _ _ _ Ha) R1)
      as [Hip' [n' [Hm' Hn']]].
    destruct Ha as (T & F & B & _ & _ & _); rewrite total_cons in T.
    cbn [length] in F; rewrite Nat2N.inj_succ in F; inversion B; subst.
    eapply (IH (base + N.of_nat (length bs)) n'); [|exact R].
    refine (conj _ (conj _ (conj H2 (conj Hip' (conj Hm' _))))); lia.
Qed.

Lemma p2_files_result : forall L inputs base n cfg m file es o es' o',
  p2_files_at L base n (cfg, m, file, inputs, es, o) -> p2_files cfg m file inputs es o = Ok (es', o') ->
  out_length o' <= 4 * L.
Proof.
  intros L inputs; induction inputs as [|bs rest IH]; intros base n cfg m file es o es' o' Ha R.
  - injection R as <- <-; destruct Ha as (T & _ & _ & _ & _ & _ & Ho); cbn in T; lia.
  - cbn [p2_files] in R.
    destruct (p2_bytes cfg m file 0 cinit 0 0 0 bs es o) as [[es1 o1]|e] eqn:R1; [|discriminate].
    destruct (p2_bytes_result _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ (p2_start _ _ _ _ _ _ _ _ _ _ Ha) R1)
      as [Hes' Ho'].
    destruct Ha as (T & F & B & _ & Hm & Hn & _); rewrite total_cons in T.
    cbn [length] in F; rewrite Nat2N.inj_succ in F; inversion B; subst.
    eapply (IH (base + N.of_nat (length bs)) n); [|exact R].
    refine (conj _ (conj _ (conj H2 (conj Hes' (conj Hm (conj Hn _)))))); lia.
Qed.

Lemma base_ip_lt : forall cfg, base_ip cfg < 2 ^ 32.
Proof. intros; unfold base_ip; apply N.mod_lt; discriminate. Qed.

(** [link_out] calls its two loops within their invariants, and its output has at most 4 bytes
    per input byte. *)
Definition link_starts_within (L : N) : Prop :=
  forall cfg inputs, inputs_within L inputs ->
    p1_files_inv L (cfg, 0, inputs, base_ip cfg, ByteMap.empty) /\
    (forall ip m, p1_files cfg 0 inputs (base_ip cfg) ByteMap.empty = Ok (ip, m) ->
       p2_files_inv L (cfg, m, 0, inputs, mk_emit_state (base_ip cfg) false 0, out_empty)) /\
    (forall o, link_out cfg inputs = Ok o -> out_length o <= 4 * L).

Theorem link_starts : forall L, L < 2 ^ 60 -> link_starts_within L.
Proof.
  intros L HL cfg inputs (T & F & B).
  assert (A1 : p1_files_at L 0 0 (cfg, 0, inputs, base_ip cfg, ByteMap.empty))
    by (refine (conj _ (conj _ (conj B (conj (base_ip_lt cfg) (conj (map_ok_empty _ _ _) _))))); lia).
  assert (A2 : forall ip m, p1_files cfg 0 inputs (base_ip cfg) ByteMap.empty = Ok (ip, m) ->
            exists n, p2_files_at L 0 n (cfg, m, 0, inputs, mk_emit_state (base_ip cfg) false 0, out_empty)).
  { intros ip m R; destruct (p1_files_result _ _ _ _ _ _ _ _ _ _ A1 R) as [n [Hm Hn]].
    exists n; refine (conj _ (conj _ (conj B (conj _ (conj Hm (conj Hn _)))))); try lia.
    - split; [apply base_ip_lt|cbn; lia].
    - unfold out_length; cbn; lia. }
  split; [exists 0, 0; exact A1|]; split.
  - intros ip m R; destruct (A2 ip m R) as [n A]; exists 0, n; exact A.
  - intros o R; unfold link_out in R.
    destruct (p1_files cfg 0 inputs (base_ip cfg) ByteMap.empty) as [[ip m]|e] eqn:R1; [|discriminate].
    destruct (A2 ip m eq_refl) as [n A].
    destruct (p2_files cfg m 0 inputs _ out_empty) as [[es o']|e] eqn:R2; [|discriminate].
    injection R as <-; exact (p2_files_result _ _ _ _ _ _ _ _ _ _ _ A R2).
Qed.

(** ** The theorem *)

(** Every loop of a run calls itself, and the loops below it, only within its invariant. *)
Definition link_loops_closed (L : N) : Prop :=
  calls_within2 p1_files_body p1_call (p1_files_inv L) (p1_files_inv L) (p1_inv L) /\
  calls_within p1_body (p1_inv L) (p1_inv L) /\
  calls_within2 p2_files_body p2_call (p2_files_inv L) (p2_files_inv L) (p2_inv L) /\
  calls_within p2_body (p2_inv L) (p2_inv L) /\
  calls_within push_bytes_body push_bytes_inv push_bytes_inv.

(** Within its invariant, every operation of an iteration of a loop is in range, and so is every
    operation of the functions it calls ([p1_ops] and [p2_ops] include those of [cstep],
    [p1_token], [p2_token], [emit_resolved] and the map lookups and additions, whose own loops
    are [bytemap_in_range]'s). *)
Definition link_iterations_in_range (L : N) : Prop :=
  (forall a, p1_files_inv L a -> p1_files_ops a) /\ (forall a, p1_inv L a -> p1_ops a) /\
  (forall a, p2_files_inv L a -> p2_files_ops a) /\ (forall a, p2_inv L a -> p2_ops a) /\
  (forall a, push_bytes_inv a -> push_bytes_ops a).

(** [link_values_bounded]: on inputs of at most [max_input_bytes] bytes together, [link_out]
    starts its loops within their invariants, each loop calls itself and the loops below it only
    within theirs, and within them every operation that can leave the 64-bit range of the
    reference engine stays inside it (the inventory at the top of this file ties each one of
    extracted/gen to its predicate); the output has at most [4 * max_input_bytes] bytes. *)
Theorem link_values_bounded :
  link_starts_within max_input_bytes /\ link_loops_closed max_input_bytes /\
  link_iterations_in_range max_input_bytes /\ bytemap_in_range.
Proof.
  assert (HL : max_input_bytes < 2 ^ 60) by (unfold max_input_bytes; lia).
  split; [apply link_starts; exact HL|].
  split; [split; [apply p1_files_calls|]; split; [apply p1_calls|];
          split; [apply p2_files_calls|]; split; [apply p2_calls|]; exact push_bytes_calls|].
  split; [|exact bytemap_bounded].
  split; [apply p1_files_in_range|]; split; [intros a; apply p1_in_range; exact HL|].
  split; [apply p2_files_in_range|]; split; [intros a; apply p2_in_range; exact HL|].
  exact push_bytes_in_range.
Qed.
