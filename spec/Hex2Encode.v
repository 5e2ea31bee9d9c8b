(** * Hex2Encode: the values hex2 writes into reference fields and RISC-V immediates. *)

(** Upstream computes addresses and displacements in C [int]: 32 bits, wrapping on overflow
    (what 1.7.0 built with gcc does), [>>] an arithmetic shift. Here an address is an [N] below
    2^32 (the unsigned view) and a displacement a [Z] in [-2^31, 2^31) (the signed view);
    [wrap32] (Common) turns any exact integer into the [int] C would hold.

    This file says, for one reference:
    - [arch_displacement]: the per-architecture displacement from the address [b] just after
      the field to the target [t], and what it does to the [^] flag;
    - [ref_fits]: the range check of each kind;
    - [field_bytes]: the bytes of a field in the chosen byte order;
    - [riscv_field]: the bits a RISC-V immediate XORs into the shift register. *)

From Coq Require Import NArith ZArith List.
From Hexproof.Spec Require Import Common Hex2Lex.
Import ListNotations.
Local Open Scope Z_scope.
Local Open Scope bool_scope.

(** ** 32-bit arithmetic *)

Definition two32 : Z := 4294967296.

(** The unsigned 32-bit view of [z]. *)
Definition u32 (z : Z) : N := Z.to_N (z mod two32).

(** An address plus a size, wrapping. *)
Definition add32 (a b : N) : N := N.modulo (a + b)%N 4294967296%N.

(** An address read as a C [int]. *)
Definition s32 (a : N) : Z := wrap32 (Z.of_N a).

(** ** Architecture displacement *)

(** The displacement of a relative reference without [>base], from [b] (the address just after
    the field; for a RISC-V immediate the address of the instruction) to the target [t], given
    the [^] flag [aligned]. The result is the displacement and the new flag, or [None] when
    armv7l's [^] meets a target that is not 4-aligned ([unaligned_branch_target]).
    armv7l, aarch64 and ppc64le consume the flag; the others never read it. *)
Definition arch_displacement (a : architecture) (aligned : bool) (t b : N) : option (Z * bool) :=
  let tz := Z.of_N t in
  let bz := Z.of_N b in
  let b_low := Z.land bz 3 in
  let b_down := Z.land bz 4294967292 in
  match a with
  | armv7l =>
      if aligned then
        if Z.eqb (Z.land tz 3) 0
        then Some (Z.shiftr (wrap32 (tz - bz + b_low)) 2 - 2, false)
        else None
      else Some (wrap32 (tz - bz - 8 + b_low), false)
  | aarch64 =>
      if aligned then Some (Z.shiftr (wrap32 (tz - b_down)) 2, false)
      else Some (wrap32 (tz - bz - 8 + b_low), false)
  | ppc64le =>
      if aligned then Some (wrap32 (Z.lor ((tz - b_down) mod two32) 1), false)
      else Some (wrap32 (tz - b_down), false)
  | knight | x86 | amd64 | riscv32 | riscv64 => Some (wrap32 (tz - bz), aligned)
  end.

(** ** Range checks *)

(** Relative 1, 2 and 3-byte fields must fit signed, [$] must fit 0..65535; 4-byte fields are
    never checked and are truncated to 32 bits (Q). *)
Definition ref_fits (k : ref_kind) (v : Z) : bool :=
  match k with
  | ref_bang => (-128 <=? v) && (v <=? 127)
  | ref_at => (-32768 <=? v) && (v <=? 32767)
  | ref_dollar => (0 <=? v) && (v <=? 65535)
  | ref_tilde => (-8388608 <=? v) && (v <=? 8388607)
  | ref_percent | ref_amp => true
  end.

(** ** Byte order *)

(** Byte [i] (0 = least significant) of the unsigned value [u]. *)
Definition byte_of (u : N) (i : N) : N := N.land (N.shiftr u (8 * i)) 255.

(** The bytes of a field holding [v]: the low [ref_size k] bytes of its 32-bit pattern, most
    significant first when [big] (hex2's default), least significant first otherwise. *)
Definition field_bytes (big : bool) (k : ref_kind) (v : Z) : bytes :=
  let u := u32 v in
  match k with
  | ref_bang => [byte_of u 0]
  | ref_at | ref_dollar =>
      if big then [byte_of u 1; byte_of u 0] else [byte_of u 0; byte_of u 1]
  | ref_tilde =>
      if big then [byte_of u 2; byte_of u 1; byte_of u 0]
      else [byte_of u 0; byte_of u 1; byte_of u 2]
  | ref_percent | ref_amp =>
      if big then [byte_of u 3; byte_of u 2; byte_of u 1; byte_of u 0]
      else [byte_of u 0; byte_of u 1; byte_of u 2; byte_of u 3]
  end.

(** ** [<] padding *)

(** On armv7l, aarch64 and RISC-V, [<] writes zero bytes up to the next multiple of 4: first one
    byte if the address is odd, then two if it is 2 mod 4. Elsewhere it does nothing. *)
Definition pads (a : architecture) : bool :=
  match a with
  | armv7l | aarch64 | riscv32 | riscv64 => true
  | _ => false
  end.

Definition pad_size (a : architecture) (ip : N) : N :=
  if pads a then
    let p1 := N.land ip 1 in
    let p2 := if N.eqb (N.land (ip + p1)%N 2) 2 then 2%N else 0%N in
    (p1 + p2)%N
  else 0%N.

(** ** RISC-V word mode *)

(** A [.] word's value as it enters the shift register: byte-swapped when little endian. *)
Definition word_swap (big : bool) (w : N) : N :=
  if big then w
  else N.lor (N.lor (N.land (N.shiftr w 24) 255) (N.land (N.shiftl w 8) 16711680))
             (N.lor (N.land (N.shiftr w 8) 65280) (N.shiftl (N.land w 255) 24)).

(** The bits a RISC-V immediate with displacement [v] (from the instruction to the target)
    XORs into the shift register, or [None] when [v] does not fit the field:
    - [!] I-type: the low 12 bits of [v + 4] in bits 31:20, never checked (it is meant for the
      second instruction of an auipc pair, whose displacement counts from the first);
    - [@] B-type: even, -4096..4095, scattered over bits 31, 30:25, 11:8 and 7;
    - [$] J-type: even, -2^20..2^20-1, scattered over bits 31, 30:21, 20 and 19:12;
    - [~] U-type: bits 31:12 of [v], plus 0x1000 when bit 11 is set (rounding for the signed
      12-bit low part added by the following instruction). *)
Definition riscv_field (k : ref_kind) (v : Z) : option N :=
  match k with
  | ref_bang =>
      Some (u32 (Z.shiftl (Z.land (wrap32 (v + 4)) 4095) 20))
  | ref_at =>
      if (v <? -4096) || (4095 <? v) || Z.eqb (Z.land v 1) 1 then None
      else Some (u32 (Z.lor (Z.lor (Z.shiftl (Z.land v 30) 7) (Z.shiftl (Z.land v 2016) 20))
                            (Z.lor (Z.shiftr (Z.land v 2048) 4) (Z.shiftl (Z.land v 4096) 19))))
  | ref_dollar =>
      if (v <? -1048576) || (1048575 <? v) || Z.eqb (Z.land v 1) 1 then None
      else Some (u32 (Z.lor (Z.lor (Z.shiftl (Z.land v 2046) 20) (Z.shiftl (Z.land v 2048) 9))
                            (Z.lor (Z.land v 1044480) (Z.shiftl (Z.land v 1048576) 11))))
  | ref_tilde =>
      let upper := Z.land v 4294963200 in
      if Z.land v 4095 <? 2048 then Some (u32 upper) else Some (u32 (upper + 4096))
  | ref_percent | ref_amp => Some 0%N
  end.
