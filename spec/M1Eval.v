(** * M1Eval: what one token text becomes in M1's output. *)

(** M1 gives every distinct token text at most one output text (upstream's [Expression]), decided
    in upstream's stage order:
    - a string: a double-quoted string becomes the digits of each body byte and of a final NUL,
      each followed by a space (knight in hex mode then adds zero digits up to a multiple of four
      bytes); a single-quoted string becomes its body unchanged;
    - else the value of the last [DEFINE] of the text, if any (see M1Spec.v);
    - else an immediate: a sigil [!@$~%&] and a number is printed as digits of the field's width,
      after an inclusive range check whose bounds are off by one (upstream quirk); on knight a bare
      number is a 2-byte field; on RISC-V [!@~] make [.]-prefixed instruction words (I, S and U
      formats), [$] a 16-bit and [%] a 32-bit constant, and [&] is never a number;
    - else a text starting with one of [!@$~%&:^] passes through unchanged (labels and references
      for hex2), and [<N] becomes N zero bytes of digits ([<], [<0] and [<x] pass through,
      negative N is an error);
    - else the text has no output; printing it is the error [invalid_other] (M1Spec.v).

    Digits: hex 2 per byte (uppercase), octal 3 per byte, binary 8 per byte. A number of width w
    bytes is printed as the 2w/3w/8w lowest digits of the value, most significant first, so in
    octal the digit groups do not fall on byte boundaries (upstream quirk); little endian reverses
    the order of the groups of 2/3/8 digits. The value is a 32-bit C [int]: for widths of 4 bytes
    the 12 octal digits show its sign extension. String bytes of 0x80 and above are printed as the
    unsigned byte (docs/contract.md; upstream is undefined there). *)

From Coq Require Import NArith ZArith List Bool.
From Hexproof.Spec Require Import Common Strtoint.
Import ListNotations.
Local Open Scope Z_scope.

(** ** Digits *)

Definition digit_bits (m : byte_mode) : Z :=
  match m with hex_mode => 4 | octal_mode => 3 | binary_mode => 1 end.

Definition digits_per_byte (m : byte_mode) : nat :=
  match m with hex_mode => 2 | octal_mode => 3 | binary_mode => 8 end.

(** The character of a digit: [0-9], then [A-F]. *)
Definition digit_char (d : Z) : byte :=
  if d <? 10 then Z.to_N (48 + d) else Z.to_N (55 + d).

(** The [n] lowest digits of [v] in base 2^[bits], most significant first (upstream's
    [stringify]; [v] may be negative, shifts are arithmetic). *)
Fixpoint low_digits (bits : Z) (n : nat) (v : Z) : bytes :=
  match n with
  | O => []
  | S n' => low_digits bits n' (Z.shiftr v bits) ++ [digit_char (Z.land v (2 ^ bits - 1))]
  end.

(** The digit groups of a number [width] bytes wide, the least significant group first. *)
Fixpoint digit_groups (m : byte_mode) (width : nat) (v : Z) : list bytes :=
  match width with
  | O => []
  | S w =>
      low_digits (digit_bits m) (digits_per_byte m) v
        :: digit_groups m w (Z.shiftr v (digit_bits m * Z.of_nat (digits_per_byte m)))
  end.

(** A number as printed: big endian puts the most significant group first. *)
Definition number_text (m : byte_mode) (big_endian : bool) (width : nat) (v : Z) : bytes :=
  concat (if big_endian then rev (digit_groups m width v) else digit_groups m width v).

(** ** Strings *)

Fixpoint string_digits (m : byte_mode) (s : bytes) : bytes :=
  match s with
  | [] => []
  | b :: s' => low_digits (digit_bits m) (digits_per_byte m) (Z.of_N b) ++ [32%N]
                 ++ string_digits m s'
  end.

(** Knight in hex mode pads the [n] bytes (body and NUL) with zero digits (two per byte, no
    spaces) up to a multiple of four bytes. *)
Definition knight_padding (cfg : m1_config) (n : nat) : bytes :=
  match m1_arch cfg, m1_byte_mode cfg with
  | knight, hex_mode => repeat 48%N (2 * ((4 - n mod 4) mod 4))
  | _, _ => []
  end.

(** A double-quoted string's body: its bytes and a NUL, as digits. *)
Definition hexify (cfg : m1_config) (body : bytes) : bytes :=
  string_digits (m1_byte_mode cfg) (body ++ [0%N])
    ++ knight_padding cfg (S (length body)).

(** ** Outcomes *)

(** What a text becomes: an output text, nothing, or an error with the number it shows. *)
Inductive outcome :=
| Value (text : bytes)
| No_value
| Failure (kind : error_kind) (value : Z).

(** ** Immediates *)

Definition in_set (c : byte) (set : list byte) : bool := existsb (N.eqb c) set.

Definition ch_bang : byte := 33%N.
Definition ch_at : byte := 64%N.
Definition ch_dollar : byte := 36%N.
Definition ch_tilde : byte := 126%N.
Definition ch_percent : byte := 37%N.
Definition ch_amp : byte := 38%N.
Definition ch_colon : byte := 58%N.
Definition ch_caret : byte := 94%N.
Definition ch_lt : byte := 60%N.
Definition ch_dot : byte := 46%N.

(** A field of [width] bytes whose value must lie in [lo, hi]; the value printed is the value
    masked to [width] bytes. *)
Definition checked_field (cfg : m1_config) (width : nat) (lo hi v : Z) : outcome :=
  if (v <? lo) || (hi <? v) then Failure immediate_out_of_range v
  else Value (number_text (m1_byte_mode cfg) (m1_big_endian cfg) width
                (Z.land v (2 ^ (8 * Z.of_nat width) - 1))).

(** Upstream's [express_number]: the sigil decides width and bounds; 4-byte fields are not
    checked and keep the signed 32-bit value. *)
Definition express_number (cfg : m1_config) (c : byte) (v : Z) : outcome :=
  if N.eqb c ch_bang then checked_field cfg 1 (-129) 256 v
  else if N.eqb c ch_at then checked_field cfg 2 (-32769) 32768 v
  else if N.eqb c ch_dollar then checked_field cfg 2 (-32769) 65536 v
  else if N.eqb c ch_tilde then checked_field cfg 3 (-8388609) 8388608 v
  else Value (number_text (m1_byte_mode cfg) (m1_big_endian cfg) 4 v).

(** Upstream's [express_word] for RISC-V: the immediate placed into an instruction word. *)
Definition riscv_immediate (c : byte) (v : Z) : Z :=
  if N.eqb c ch_bang then wrap32 (Z.shiftl (Z.land v 4095) 20)
  else if N.eqb c ch_at then
    wrap32 (Z.lor (Z.shiftl (Z.land v 31) 7) (Z.shiftl (Z.land v 4064) 20))
  else if Z.land v 4095 <? 2048 then wrap32 (Z.land v 4294963200)
  else wrap32 (Z.land v 4294963200 + 4096).

Definition express_word (cfg : m1_config) (c : byte) (v : Z) : bytes :=
  let m := m1_byte_mode cfg in
  let be := m1_big_endian cfg in
  if N.eqb c ch_dollar then number_text m be 2 (Z.land v 65535)
  else if N.eqb c ch_percent then number_text m be 4 v
  else ch_dot :: number_text m be 4 (riscv_immediate c v).

Definition is_riscv (a : architecture) : bool :=
  match a with riscv32 | riscv64 => true | _ => false end.

(** The immediate stage: [None] when the text is not an immediate here. Texts starting with [<]
    are left to the padding stage. *)
Definition immediate (cfg : m1_config) (s : bytes) : option outcome :=
  match s with
  | [] => None
  | c :: rest =>
      if N.eqb c ch_lt then None
      else if is_riscv (m1_arch cfg) then
        if in_set c [ch_percent; ch_tilde; ch_at; ch_bang; ch_dollar] && is_number rest
        then Some (Value (express_word cfg c (strtoint rest)))
        else None
      else if in_set c [ch_percent; ch_tilde; ch_at; ch_bang; ch_amp; ch_dollar] then
        if is_number rest then Some (express_number cfg c (strtoint rest)) else None
      else match m1_arch cfg with
           | knight =>
               if is_number s then
                 let v := strtoint s in
                 if 65536 <? v then None
                 else if 32767 <? v then Some (express_number cfg ch_dollar v)
                 else Some (express_number cfg ch_at v)
               else None
           | _ => None
           end
  end.

(** ** Pass-through and padding *)

(** Upstream's [preserve_other]. *)
Definition other (cfg : m1_config) (s : bytes) : outcome :=
  match s with
  | [] => No_value
  | c :: rest =>
      if in_set c [ch_bang; ch_at; ch_dollar; ch_tilde; ch_percent; ch_amp; ch_colon; ch_caret]
      then Value s
      else if N.eqb c ch_lt then
        let n := strtoint rest in
        if n =? 0 then Value s
        else if n <? 0 then Failure negative_padding n
        else Value (repeat 48%N (Z.to_nat n * digits_per_byte (m1_byte_mode cfg)))
      else No_value
  end.

(** ** The stages in order *)

(** A string's output: [None] when [s] is not a string. *)
Definition string_value (cfg : m1_config) (s : bytes) : option bytes :=
  match s with
  | c :: body =>
      if N.eqb c 34 then Some (hexify cfg body)
      else if N.eqb c 39 then Some body
      else None
  | [] => None
  end.

(** [evaluate cfg define s]: the outcome of the text [s], where [define s] is the value of the
    last DEFINE of [s], if any. *)
Definition evaluate (cfg : m1_config) (define : option bytes) (s : bytes) : outcome :=
  match string_value cfg s with
  | Some v => Value v
  | None =>
      match define with
      | Some v => Value v
      | None =>
          match immediate cfg s with
          | Some o => o
          | None => other cfg s
          end
      end
  end.

(** ** Quirks of evaluation *)

Definition is_sigil (c : byte) : bool :=
  N.eqb c ch_bang || N.eqb c ch_at || N.eqb c ch_dollar || N.eqb c ch_tilde
  || N.eqb c ch_percent || N.eqb c ch_amp.

(** The field the immediate stage makes of the text [s], if it is an immediate: the sigil
    ([!@$~%&]; on knight [@] or [$] for a bare number, as [immediate] chooses) and the number.
    Written without [in_set], so that the strict checker can call it. *)
Definition immediate_field (cfg : m1_config) (s : bytes) : option (byte * Z) :=
  match s with
  | [] => None
  | c :: rest =>
      if N.eqb c ch_lt then None
      else if is_riscv (m1_arch cfg) then
        if is_sigil c && negb (N.eqb c ch_amp) && is_number rest then Some (c, strtoint rest)
        else None
      else if is_sigil c then
        if is_number rest then Some (c, strtoint rest) else None
      else match m1_arch cfg with
           | knight =>
               if is_number s then
                 let v := strtoint s in
                 if 65536 <? v then None
                 else if 32767 <? v then Some (ch_dollar, v) else Some (ch_at, v)
               else None
           | _ => None
           end
  end.

(** [v] is one of the bounds [express_number] checks for the sigil [c] (Q: the bounds are
    inclusive and one too wide, so these values pass although they do not fit the field). *)
Definition on_bound (c : byte) (v : Z) : bool :=
  if N.eqb c ch_bang then (v =? -129) || (v =? 256)
  else if N.eqb c ch_at then (v =? -32769) || (v =? 32768)
  else if N.eqb c ch_dollar then (v =? -32769) || (v =? 65536)
  else if N.eqb c ch_tilde then (v =? -8388609) || (v =? 8388608)
  else false.

(** The immediate [s] is printed across byte boundaries: octal mode, and a field wider than a
    byte (on RISC-V every immediate is a 2- or 4-byte field). *)
Definition octal_wide (cfg : m1_config) (s : bytes) : bool :=
  match m1_byte_mode cfg, immediate_field cfg s with
  | octal_mode, Some (c, _) => is_riscv (m1_arch cfg) || negb (N.eqb c ch_bang)
  | _, _ => false
  end.
