(** * Hex2Exec: the executable core of hex2. *)

(** The function the reference engine runs, extracted to C++ by our printer, so it is written in
    the subset of extracted/SUBSET.md. It computes [Hex2Spec.link] ([Hex2Execproof.link_correct])
    the way upstream does: two passes over the input bytes, each reading every byte once with
    the tokenizing automaton of [Hex2Lex] ([lex_step], [lex_finish]) and acting on each token as
    soon as it is complete, never building the list of tokens.
    - Pass 1 ([p1_bytes], [p1_files]) lays out the tokens and records the labels in a [ByteMap].
      It reports the reading errors.
    - Pass 2 ([p2_bytes], [p2_files]) writes every token into an [OutBuf], looking labels up in
      that map and encoding each token with [Hex2Spec.emit_resolved].
    Every loop is a self tail call over the input bytes or the input files; the only other
    recursion is [push_bytes], over the at most four bytes of one token. *)

From Coq Require Import NArith ZArith List.
From Hexproof.Spec Require Import Common Hex2Lex Hex2Encode Hex2Spec.
From Hexproof.Proofs Require Import ByteMap OutBuf.
Import ListNotations.
Local Open Scope N_scope.

Definition label_map := ByteMap.t N.

(** ** Pass 1: layout and labels *)

(** The address after token [t] at [ip], and the labels with [t]'s definition if it is one. *)
Definition p1_token (cfg : hex2_config) (ip : N) (m : label_map) (t : token) : N * label_map :=
  match t with
  | tok_label n => (next_ip cfg ip t, ByteMap.add n ip m)
  | _ => (next_ip cfg ip t, m)
  end.

Fixpoint p1_bytes (cfg : hex2_config) (file off : N) (st : lex_state) (bs : bytes)
    (ip : N) (m : label_map) : result (N * label_map) :=
  match bs with
  | [] =>
      match lex_finish file st with
      | Err e => Err e
      | Ok ot =>
          match ot with
          | None => Ok (ip, m)
          | Some t => Ok (p1_token cfg ip m t)
          end
      end
  | c :: bs' =>
      match lex_step cfg file off st c with
      | Err e => Err e
      | Ok r =>
          match r with
          | (st', ot) =>
              match ot with
              | None => p1_bytes cfg file (off + 1) st' bs' ip m
              | Some t =>
                  match p1_token cfg ip m t with
                  | (ip', m') => p1_bytes cfg file (off + 1) st' bs' ip' m'
                  end
              end
          end
      end
  end.

Fixpoint p1_files (cfg : hex2_config) (file : N) (inputs : list bytes) (ip : N) (m : label_map)
  : result (N * label_map) :=
  match inputs with
  | [] => Ok (ip, m)
  | bs :: rest =>
      match p1_bytes cfg file 0 lex_init bs ip m with
      | Err e => Err e
      | Ok r =>
          match r with
          | (ip', m') => p1_files cfg (file + 1) rest ip' m'
          end
      end
  end.

(** ** Pass 2: writing *)

Fixpoint push_bytes (o : outbuf) (bs : bytes) : outbuf :=
  match bs with
  | [] => o
  | b :: bs' => push_bytes (out_push o b) bs'
  end.

Definition resolve (m : label_map) (name : option bytes) : option N :=
  match name with
  | None => None
  | Some n => ByteMap.find n m
  end.

(** One token: data bytes (by far the most frequent) directly, the others through
    [emit_resolved] with their labels looked up. *)
Definition p2_token (cfg : hex2_config) (m : label_map) (es : emit_state) (o : outbuf)
    (t : token) : result (emit_state * outbuf) :=
  match t with
  | tok_byte b =>
      let sr := es_sr es in
      Ok (mk_emit_state (add32 (es_ip es) 1) (es_aligned es) (N.shiftr sr 8),
          out_push o (N.lxor b (N.land sr 255)))
  | _ =>
      match emit_resolved cfg es t (resolve m (ref_target t)) (resolve m (ref_base t)) with
      | Err e => Err e
      | Ok r =>
          match r with
          | (es', bs) => Ok (es', push_bytes o bs)
          end
      end
  end.

Fixpoint p2_bytes (cfg : hex2_config) (m : label_map) (file off : N) (st : lex_state)
    (bs : bytes) (es : emit_state) (o : outbuf) : result (emit_state * outbuf) :=
  match bs with
  | [] =>
      match lex_finish file st with
      | Err e => Err e
      | Ok ot =>
          match ot with
          | None => Ok (es, o)
          | Some t => p2_token cfg m es o t
          end
      end
  | c :: bs' =>
      match lex_step cfg file off st c with
      | Err e => Err e
      | Ok r =>
          match r with
          | (st', ot) =>
              match ot with
              | None => p2_bytes cfg m file (off + 1) st' bs' es o
              | Some t =>
                  match p2_token cfg m es o t with
                  | Err e => Err e
                  | Ok r2 =>
                      match r2 with
                      | (es', o') => p2_bytes cfg m file (off + 1) st' bs' es' o'
                      end
                  end
              end
          end
      end
  end.

Fixpoint p2_files (cfg : hex2_config) (m : label_map) (file : N) (inputs : list bytes)
    (es : emit_state) (o : outbuf) : result (emit_state * outbuf) :=
  match inputs with
  | [] => Ok (es, o)
  | bs :: rest =>
      match p2_bytes cfg m file 0 lex_init bs es o with
      | Err e => Err e
      | Ok r =>
          match r with
          | (es', o') => p2_files cfg m (file + 1) rest es' o'
          end
      end
  end.

(** ** hex2 *)

Definition link (cfg : hex2_config) (inputs : list bytes) : result bytes :=
  let ip0 := base_ip cfg in
  match p1_files cfg 0 inputs ip0 ByteMap.empty with
  | Err e => Err e
  | Ok r =>
      match r with
      | (_, m) =>
          match p2_files cfg m 0 inputs (mk_emit_state ip0 false 0) out_empty with
          | Err e => Err e
          | Ok r2 =>
              match r2 with
              | (_, o) => Ok (out_contents o)
              end
          end
      end
  end.
