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
From Hexproof.Spec Require Import Common Hex2Lex Hex2Encode.
Import ListNotations.
Local Open Scope N_scope.

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

(** ** hex2 *)

Definition base_ip (cfg : hex2_config) : N := N.modulo (h2_base_address cfg) 4294967296.

Definition link (cfg : hex2_config) (inputs : list bytes) : result bytes :=
  match lex_files cfg 0 inputs with
  | Err e => Err e
  | Ok ts =>
      let l := snd (layout cfg (base_ip cfg) ts []) in
      match emit cfg l (mk_emit_state (base_ip cfg) false 0) ts with
      | Err e => Err e
      | Ok (_, out) => Ok out
      end
  end.
