(** * Hex2Spec: what hex2 (mescc-tools 1.7.0, compat mode) computes. *)

(** [link cfg inputs] is the output of [hex2] run on the files [inputs] (in command-line order)
    with the flags [cfg], or the error it reports (docs/contract.md fixes which one and where).

    It is upstream's two passes over the tokens of [Hex2Lex]:
    - reading: every file is tokenized; a reading error ([nul_in_name], [unterminated_word]) is
      reported first, the earliest in input order;
    - layout: every token gets an address, starting at the base address and growing by the size
      of each token, wrapping at 2^32; [:name] binds [name] to its address; labels are global
      across files and the last definition of a name wins (Q: no duplicate error);
    - writing: every token is written in order; the first error met is reported.

    The writing state is the address [es_ip], the [^] flag [es_aligned] (set by [^], consumed by
    the next reference written without [>base], absolute ones included (Q)), and the RISC-V shift
    register [es_sr] (XORed into the following data bytes, lowest byte first; it is never reset
    between files (Q)). *)

From Coq Require Import NArith ZArith List.
From Hexproof.Spec Require Import Common Quirks Hex2Lex Hex2Encode.
Import ListNotations.
Local Open Scope N_scope.
Local Open Scope bool_scope.

(** ** Layout *)

(** The number of bytes a token occupies at address [ip]. A [.] word, a RISC-V immediate, a
    label and [^] occupy none; [<] pads to a multiple of 4 on the architectures that pad. *)
Definition token_size (cfg : hex2_config) (ip : N) (t : token) : N :=
  match t with
  | tok_byte _ => 1
  | tok_ref k _ _ _ _ => ref_size k
  | tok_pad => pad_size (h2_arch cfg) ip
  | tok_word _ | tok_label _ | tok_wref _ _ _ _ | tok_align => 0
  end.

Definition next_ip (cfg : hex2_config) (ip : N) (t : token) : N := add32 ip (token_size cfg ip t).

(** The label table: most recent definition first. *)
Definition labels := list (bytes * N).

Definition name_eqb (a b : bytes) : bool :=
  if list_eq_dec N.eq_dec a b then true else false.

Fixpoint label_find (name : bytes) (l : labels) : option N :=
  match l with
  | [] => None
  | (n, a) :: l' => if name_eqb name n then Some a else label_find name l'
  end.

(** The address after the tokens [ts] laid out from [ip], and the labels they define added in
    front of [acc]. *)
Fixpoint layout (cfg : hex2_config) (ip : N) (ts : list token) (acc : labels) : N * labels :=
  match ts with
  | [] => (ip, acc)
  | t :: ts' =>
      let acc' := match t with tok_label n => (n, ip) :: acc | _ => acc end in
      layout cfg (next_ip cfg ip t) ts' acc'
  end.

(** ** Writing *)

Record emit_state := mk_emit_state {
  es_ip : N;
  es_aligned : bool;
  es_sr : N
}.

Definition emit_error (k : error_kind) (file pos : N) (v : Z) (subject : bytes) : error :=
  mk_error k file pos v subject.

(** Writing one token, given the address of its target label ([tgt]) and of its base label
    ([bse]) when it has them ([None]: undefined). The result is the new state and the bytes
    written. Within one reference the target is looked up first, then the base, then the
    alignment check, then the range check. *)
Definition emit_resolved (cfg : hex2_config) (es : emit_state) (t : token)
    (tgt bse : option N) : result (emit_state * bytes) :=
  let ip := es_ip es in
  let aligned := es_aligned es in
  let sr := es_sr es in
  match t with
  | tok_byte b =>
      Ok (mk_emit_state (add32 ip 1) aligned (N.shiftr sr 8), [N.lxor b (N.land sr 255)])
  | tok_word w =>
      Ok (mk_emit_state ip aligned (N.lxor sr (word_swap (h2_big_endian cfg) w)), [])
  | tok_label _ => Ok (es, [])
  | tok_pad =>
      let n := pad_size (h2_arch cfg) ip in
      Ok (mk_emit_state (add32 ip n) aligned sr,
          if n =? 1 then [0] else if n =? 2 then [0; 0] else if n =? 3 then [0; 0; 0] else [])
  | tok_align => Ok (mk_emit_state ip true sr, [])
  | tok_ref k file pos name base =>
      let ip' := add32 ip (ref_size k) in
      match tgt with
      | None => Err (emit_error undefined_label file (pos + 1) 0 name)
      | Some ta =>
          let checked :=
            match base with
            | Some (bname, bpos) =>
                match bse with
                | None => Err (emit_error undefined_label file bpos 0 bname)
                | Some ba => Ok (wrap32 (Z.of_N ta - Z.of_N ba), aligned)
                end
            | None =>
                match arch_displacement (h2_arch cfg) aligned ta ip' with
                | None => Err (emit_error unaligned_branch_target file pos 0 name)
                | Some (d, aligned') => Ok (d, aligned')
                end
            end in
          match checked with
          | Err e => Err e
          | Ok (d, aligned') =>
              (* [$] and [&] write the target itself, whatever [>base] says (Q) *)
              let v := if ref_absolute k then s32 ta else d in
              if ref_fits k v
              then Ok (mk_emit_state ip' aligned' sr, field_bytes (h2_big_endian cfg) k v)
              else Err (emit_error displacement_out_of_range file pos v [])
          end
      end
  | tok_wref k file pos name =>
      match tgt with
      | None => Err (emit_error undefined_label file (pos + 1) 0 name)
      | Some ta =>
          match arch_displacement (h2_arch cfg) aligned ta ip with
          | None => Err (emit_error unaligned_branch_target file pos 0 name)
          | Some (d, aligned') =>
              match riscv_field k d with
              | None => Err (emit_error riscv_field_out_of_range file pos d [])
              | Some f => Ok (mk_emit_state ip aligned' (N.lxor sr f), [])
              end
          end
      end
  end.

Definition ref_target (t : token) : option bytes :=
  match t with
  | tok_ref _ _ _ n _ | tok_wref _ _ _ n => Some n
  | _ => None
  end.

Definition ref_base (t : token) : option bytes :=
  match t with
  | tok_ref _ _ _ _ (Some (n, _)) => Some n
  | _ => None
  end.

Definition lookup (l : labels) (name : option bytes) : option N :=
  match name with
  | None => None
  | Some n => label_find n l
  end.

Definition emit_token (cfg : hex2_config) (l : labels) (es : emit_state) (t : token)
  : result (emit_state * bytes) :=
  emit_resolved cfg es t (lookup l (ref_target t)) (lookup l (ref_base t)).

(** Writing all tokens: the bytes written and the final state, or the first error. *)
Fixpoint emit (cfg : hex2_config) (l : labels) (es : emit_state) (ts : list token)
  : result (emit_state * bytes) :=
  match ts with
  | [] => Ok (es, [])
  | t :: ts' =>
      match emit_token cfg l es t with
      | Err e => Err e
      | Ok (es1, out1) =>
          match emit cfg l es1 ts' with
          | Err e => Err e
          | Ok (es2, out2) => Ok (es2, out1 ++ out2)
          end
      end
  end.

(** ** Writing under quirk resolutions *)

(** The relative kind of the same size: [$a>b] as [@a>b], [&a>b] as [%a>b]. *)
Definition relative_kind (k : ref_kind) : ref_kind :=
  match k with
  | ref_dollar => ref_at
  | ref_amp => ref_percent
  | _ => k
  end.

(** The architectures whose displacements read the [^] flag. *)
Definition reads_align (a : architecture) : bool :=
  match a with
  | armv7l | aarch64 | ppc64le => true
  | _ => false
  end.

Definition with_aligned (es : emit_state) (al : bool) : emit_state :=
  mk_emit_state (es_ip es) al (es_sr es).

(** [emit_resolved] with [absolute_with_base] and [align_on_absolute] resolved by [q]. *)
Definition emit_resolved_with (q : hex2_quirks) (cfg : hex2_config) (es : emit_state) (t : token)
    (tgt bse : option N) : result (emit_state * bytes) :=
  match t with
  | tok_ref k file pos name (Some b) =>
      if ref_absolute k then
        match hq_absolute_with_base q with
        | ignore_base => emit_resolved cfg es t tgt bse
        | as_relative => emit_resolved cfg es (tok_ref (relative_kind k) file pos name (Some b)) tgt bse
        | reject_base => Err (quirk_error absolute_with_base file pos)
        end
      else emit_resolved cfg es t tgt bse
  | tok_ref k file pos name None =>
      if ref_absolute k && es_aligned es && reads_align (h2_arch cfg) then
        match hq_align_on_absolute q with
        | consume_align => emit_resolved cfg es t tgt bse
        | keep_align =>
            match emit_resolved cfg (with_aligned es false) t tgt bse with
            | Err e => Err e
            | Ok (es', out) => Ok (with_aligned es' true, out)
            end
        | reject_align => Err (quirk_error align_on_absolute file pos)
        end
      else emit_resolved cfg es t tgt bse
  | _ => emit_resolved cfg es t tgt bse
  end.

Fixpoint emit_with (q : hex2_quirks) (cfg : hex2_config) (l : labels) (es : emit_state)
    (ts : list token) : result (emit_state * bytes) :=
  match ts with
  | [] => Ok (es, [])
  | t :: ts' =>
      match emit_resolved_with q cfg es t (lookup l (ref_target t)) (lookup l (ref_base t)) with
      | Err e => Err e
      | Ok (es1, out1) =>
          match emit_with q cfg l es1 ts' with
          | Err e => Err e
          | Ok (es2, out2) => Ok (es2, out1 ++ out2)
          end
      end
  end.

(** A [.] word or a RISC-V immediate. *)
Definition is_word_token (t : token) : bool :=
  match t with
  | tok_word _ | tok_wref _ _ _ _ => true
  | _ => false
  end.

(** The offset of the first [.] word or RISC-V immediate of a file's tokens [ts] that fewer than
    four bytes follow in the file: some of its bits are still in the shift register at the end
    of the file. *)
Fixpoint first_pending (ts : list (N * token)) : option N :=
  match ts with
  | [] => None
  | (o, t) :: ts' =>
      if is_word_token t then
        if data_bytes (map snd ts') <? 4 then Some o else first_pending ts'
      else first_pending ts'
  end.

(** The state after file [file], whose tokens are [ts], when another file follows. *)
Definition next_file_state (q : hex2_quirks) (file : N) (ts : list (N * token)) (es : emit_state)
  : result emit_state :=
  match hq_register_across_files q with
  | keep_register => Ok es
  | reset_register => Ok (mk_emit_state (es_ip es) (es_aligned es) 0)
  | reject_register =>
      match first_pending ts with
      | Some o => Err (quirk_error register_across_files file o)
      | None => Ok es
      end
  end.

(** Writing every file's tokens, file [file] first. *)
Fixpoint emit_files (q : hex2_quirks) (cfg : hex2_config) (l : labels) (es : emit_state)
    (file : N) (tss : list (list (N * token))) : result (emit_state * bytes) :=
  match tss with
  | [] => Ok (es, [])
  | ts :: rest =>
      match emit_with q cfg l es (map snd ts) with
      | Err e => Err e
      | Ok (es1, out1) =>
          match rest with
          | [] => Ok (es1, out1)
          | _ :: _ =>
              match next_file_state q file ts es1 with
              | Err e => Err e
              | Ok es2 =>
                  match emit_files q cfg l es2 (file + 1) rest with
                  | Err e => Err e
                  | Ok (es3, out2) => Ok (es3, out1 ++ out2)
                  end
              end
          end
      end
  end.

(** Every token of the files, with its file and offset. *)
Fixpoint placed_tokens (file : N) (tss : list (list (N * token))) : list (N * N * token) :=
  match tss with
  | [] => []
  | ts :: rest => map (fun ot => (file, fst ot, snd ot)) ts ++ placed_tokens (file + 1) rest
  end.

(** The place of the first label defined a second time, at its second definition, the names
    [seen] being defined before. *)
Fixpoint first_redefinition (seen : list bytes) (ts : list (N * N * token)) : option (N * N) :=
  match ts with
  | [] => None
  | (f, o, tok_label n) :: ts' =>
      if existsb (name_eqb n) seen then Some (f, o) else first_redefinition (n :: seen) ts'
  | _ :: ts' => first_redefinition seen ts'
  end.

(** The labels under [hq_duplicate_label]: the table of [layout] has the latest definition
    first, and [label_find] takes the first it finds. *)
Definition label_table (q : hex2_quirks) (tss : list (list (N * token))) (l : labels)
  : result labels :=
  match hq_duplicate_label q with
  | keep_last => Ok l
  | keep_first => Ok (rev l)
  | reject_duplicate =>
      match first_redefinition [] (placed_tokens 0 tss) with
      | Some (f, o) => Err (quirk_error duplicate_label f o)
      | None => Ok l
      end
  end.

(** ** hex2 *)

Definition base_ip (cfg : hex2_config) : N := N.modulo (h2_base_address cfg) 4294967296.

(** hex2 with the quirks resolved by [q]: the two passes over the tokens of [read_files], file
    by file. *)
Definition link_with (q : hex2_quirks) (cfg : hex2_config) (inputs : list bytes) : result bytes :=
  match read_files q cfg 0 lex_init inputs with
  | Err e => Err e
  | Ok tss =>
      let ts := concat (map (map snd) tss) in
      match label_table q tss (snd (layout cfg (base_ip cfg) ts [])) with
      | Err e => Err e
      | Ok l =>
          match emit_files q cfg l (mk_emit_state (base_ip cfg) false 0) 0 tss with
          | Err e => Err e
          | Ok (_, out) => Ok out
          end
      end
  end.

(** hex2 1.7.0. *)
Definition link (cfg : hex2_config) (inputs : list bytes) : result bytes :=
  link_with hex2_1_7_0 cfg inputs.
