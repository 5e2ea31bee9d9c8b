(** * Hex2Image: what a correct hex2 output is. *)

(** [Hex2Spec.link] computes hex2's output in two passes, with a label table and a writing state.
    This page says what the output is, without computing it. Given the tokens the reader makes
    of the inputs ([Hex2Lex.lex_files], unchanged), an output [out] is correct for the tokens
    [ts], [image cfg ts out], when it can be cut into one piece per token such that:
    - the address of a token is the base address plus the length of the pieces before it, modulo
      2^32; the address of a label is that of its last definition [:name];
    - a byte token's piece is its byte (XORed with the RISC-V register below); a [<]'s piece
      is the zero bytes up to the next multiple of 4 on the architectures that pad; a label's,
      a [^]'s, a [.] word's and a RISC-V immediate's piece is empty;
    - a reference's piece is [ref_size] bytes that, read in the configured byte order, are the
      value its kind, the architecture and the labels prescribe, modulo 2^(8 * size); that
      value passes the kind's range check.
    Two things cross tokens, each stated as a direct equation over the tokens before: the [^]
    flag ([align_pending]) and the RISC-V shift register ([register]): a [.] word or a RISC-V
    immediate mixes 32 bits into the data bytes after it, its lowest byte into the first.

    The arithmetic on one value (each architecture's displacement, the range checks, the RISC-V
    immediate fields, the size of [<], a word's byte swap) is [Hex2Encode]'s. The theorems in
    proofs/Hex2Imageproof.v say that [link] returns the correct output when there is one and
    fails when there is none, and that there is at most one. *)

From Coq Require Import NArith ZArith List.
From Hexproof.Spec Require Import Common Hex2Lex Hex2Encode.
Import ListNotations.
Local Open Scope N_scope.

(** A token's piece: the bytes it puts in the output, and the bits it mixes into the RISC-V
    shift register (0 except for [.] words and RISC-V immediates). *)
Record piece := mk_piece {
  piece_bytes : bytes;
  piece_bits : N
}.

(** The address of the token after the pieces [ps1]: base + their length, modulo 2^32. *)
Definition address_after (cfg : hex2_config) (ps1 : list piece) : N :=
  add32 (h2_base_address cfg) (N.of_nat (length (concat (map piece_bytes ps1)))).

(** The label [name] is at address [a] when the pieces are [ps]: [a] is the address of its last
    definition. *)
Definition label_at (cfg : hex2_config) (ts : list token) (ps : list piece)
    (name : bytes) (a : N) : Prop :=
  exists ts1 ts2,
    ts = ts1 ++ tok_label name :: ts2 /\ ~ In (tok_label name) ts2 /\
    a = address_after cfg (firstn (length ts1) ps).

(** Whether [^] is in force after the tokens [ts1]: the last of them that is a [^] or a
    reference without [>base] (RISC-V immediates included) is a [^]. Architectures other than
    armv7l, aarch64 and ppc64le never read the flag: [arch_displacement] ignores it there. *)
Definition align_pending (ts1 : list token) : bool :=
  let marks t := match t with
                 | tok_align | tok_ref _ _ _ _ None | tok_wref _ _ _ _ => true
                 | _ => false
                 end in
  match find marks (rev ts1) with
  | Some tok_align => true
  | _ => false
  end.


(** The RISC-V shift register after the tokens [ts1] (pieces [ps1]): the bits of each piece,
    shifted right by one byte for every byte token after it ([Hex2Lex.data_bytes]). Its lowest
    byte is XORed into the next byte token. *)
Fixpoint register (ts1 : list token) (ps1 : list piece) : N :=
  match ts1, ps1 with
  | _ :: ts', p :: ps' => N.lxor (N.shiftr (piece_bits p) (8 * data_bytes ts')) (register ts' ps')
  | _, _ => 0
  end.

(** The number that the bytes [bs] stand for, least significant first. *)
Fixpoint le_value (bs : bytes) : N :=
  match bs with
  | [] => 0
  | b :: bs' => b + 256 * le_value bs'
  end.

(** The bytes [bs] are a field of kind [k] holding [v]: [ref_size k] bytes whose number, read
    most significant first when [big], is [v] modulo 2^(8 * size) (two's complement). *)
Definition field_holds (big : bool) (k : ref_kind) (bs : bytes) (v : Z) : Prop :=
  N.of_nat (length bs) = ref_size k /\ Forall (fun b => b < 256) bs /\
  le_value (if big then rev bs else bs) = Z.to_N (v mod 2 ^ (8 * Z.of_N (ref_size k)))%Z.

(** The value [v] of a reference [k target>base] after the tokens [ts1] (pieces [ps1]), where
    [defined_at name a] says that label [name] is at [a]: the target's address for [$] and
    [&]; else [target - base], or without [>base] the architecture's displacement from the
    address after the field under the [^] flag. Both names must be defined, and without [>base]
    the displacement must exist (armv7l's alignment check), even for [$] and [&] (Q). *)
Definition field_value (cfg : hex2_config) (defined_at : bytes -> N -> Prop)
    (ts1 : list token) (ps1 : list piece) (k : ref_kind) (target : bytes)
    (base : option (bytes * N)) (v : Z) : Prop :=
  exists ta d,
    defined_at target ta /\
    match base with
    | Some (bname, _) => exists tb, defined_at bname tb /\ d = wrap32 (Z.of_N ta - Z.of_N tb)
    | None =>
        exists al, arch_displacement (h2_arch cfg) (align_pending ts1) ta
                     (add32 (address_after cfg ps1) (ref_size k)) = Some (d, al)
    end /\
    v = (if ref_absolute k then s32 ta else d).

(** The piece [p] is correct for the token [t] that follows the tokens [ts1] (pieces [ps1]).
    A RISC-V immediate's displacement counts from its own address (the instruction's). *)
Definition piece_ok (cfg : hex2_config) (defined_at : bytes -> N -> Prop)
    (ts1 : list token) (ps1 : list piece) (t : token) (p : piece) : Prop :=
  let ip := address_after cfg ps1 in
  match t with
  | tok_byte b =>
      piece_bytes p = [N.lxor b (N.land (register ts1 ps1) 255)] /\ piece_bits p = 0
  | tok_pad => piece_bytes p = repeat 0 (N.to_nat (pad_size (h2_arch cfg) ip)) /\ piece_bits p = 0
  | tok_label _ | tok_align => piece_bytes p = [] /\ piece_bits p = 0
  | tok_word w => piece_bytes p = [] /\ piece_bits p = word_swap (h2_big_endian cfg) w
  | tok_ref k _ _ target base =>
      piece_bits p = 0 /\
      exists v, field_value cfg defined_at ts1 ps1 k target base v /\ ref_fits k v = true /\
        field_holds (h2_big_endian cfg) k (piece_bytes p) v
  | tok_wref k _ _ target =>
      piece_bytes p = [] /\
      exists ta d al, defined_at target ta /\
        arch_displacement (h2_arch cfg) (align_pending ts1) ta ip = Some (d, al) /\
        riscv_field k d = Some (piece_bits p)
  end.

(** [out] is a correct output for the tokens [ts]: it is cut into pieces, one per token, each
    correct after the tokens and pieces before it, with the labels those pieces place. *)
Definition image (cfg : hex2_config) (ts : list token) (out : bytes) : Prop :=
  exists ps,
    length ps = length ts /\ out = concat (map piece_bytes ps) /\
    forall i t p, nth_error ts i = Some t -> nth_error ps i = Some p ->
      piece_ok cfg (label_at cfg ts ps) (firstn i ts) (firstn i ps) t p.
