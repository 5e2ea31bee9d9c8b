(** * M1Exec: the executable core of M1, in the Gallina subset of extracted/SUBSET.md. *)

(** The same function as [M1Spec.assemble] (proved in M1Execproof.v), written to run on large
    inputs once extracted to C++: every loop over input bytes, tokens or output is a self tail
    call with an accumulator; the only other recursion goes along one token's text or along
    constant lists of at most 36 elements. Five passes:
    - [lex_files_loop] reads each input once, a byte at a time, and builds the reversed token
      stream, collapsing line ends on the fly;
    - [defines_loop] scans the stream once, puts each DEFINE binding into a [ByteMap] (a later
      binding of a name shadows earlier ones, as the last DEFINE wins) and builds the output
      stream;
    - [failure_loop] evaluates every word of the stream and stops at the first failure;
    - [print_loop] evaluates the words of the output stream into an [OutBuf].
    Evaluating a word ([emit]) writes its output text straight into the buffer. Digits are pushed
    by recursion along small constant "counter" lists (two, three or eight digits per byte, one to
    four bytes per number), and runs of zero digits (the [<N] padding) by binary decomposition
    along the constant list [bit_positions], so that no loop counts down a number.

    The helpers of the specification that are already in the subset are used directly:
    [Strtoint.strtoint], [Strtoint.is_number], [Strtoint.wrap32], the character tests and
    [has_nul] of M1Lex.v, [digit_char], [digit_bits], [riscv_immediate] and [is_riscv] of
    M1Eval.v, and [is_define], [value_text], [next_is_newline] of M1Spec.v. *)

From Coq Require Import NArith ZArith List Bool.
From Hexproof.Spec Require Import Common Strtoint M1Lex M1Eval M1Spec.
From Hexproof.Proofs Require Import ByteMap OutBuf.
Import ListNotations.
Local Open Scope N_scope.

(** ** Output helpers *)

(** Push the bytes of [v], in order. *)
Fixpoint push_all (o : outbuf) (v : bytes) : outbuf :=
  match v with
  | [] => o
  | b :: v' => push_all (out_push o b) v'
  end.

(** [2^(length ls)] zero digits; depth of recursion [length ls]. *)
Fixpoint push_zeros_pow (ls : list N) (o : outbuf) : outbuf :=
  match ls with
  | [] => out_push o 48
  | _ :: ls' => push_zeros_pow ls' (push_zeros_pow ls' o)
  end.

(** For each bit position [k] in [ls] (a list [k; k-1; ...; 0]) set in [count], push [2^k]
    zero digits. *)
Fixpoint push_zeros_loop (ls : list N) (count : N) (o : outbuf) : outbuf :=
  match ls with
  | [] => o
  | k :: ls' =>
      push_zeros_loop ls' count (if N.testbit count k then push_zeros_pow ls' o else o)
  end.

Definition bit_positions : list N :=
  [35; 34; 33; 32; 31; 30; 29; 28; 27; 26; 25; 24; 23; 22; 21; 20; 19; 18;
   17; 16; 15; 14; 13; 12; 11; 10; 9; 8; 7; 6; 5; 4; 3; 2; 1; 0].

(** [count] zero digits, for [count < 2^36]. *)
Definition push_zeros (count : N) (o : outbuf) : outbuf :=
  push_zeros_loop bit_positions count o.

(** ** Digits *)

(** One element per digit of a byte. *)
Definition digit_counter (m : byte_mode) : list N :=
  match m with
  | hex_mode => [0; 0]
  | octal_mode => [0; 0; 0]
  | binary_mode => [0; 0; 0; 0; 0; 0; 0; 0]
  end.

Definition digit_mask (m : byte_mode) : Z :=
  match m with hex_mode => 15 | octal_mode => 7 | binary_mode => 1 end.

(** Bits per group of digits (one byte's worth): 8, 9 (the octal quirk), 8. *)
Definition group_bits (m : byte_mode) : Z :=
  match m with hex_mode => 8 | octal_mode => 9 | binary_mode => 8 end.

Definition digits_per_byte_n (m : byte_mode) : N :=
  match m with hex_mode => 2 | octal_mode => 3 | binary_mode => 8 end.

(** The [length c] lowest digits of [v], most significant first. *)
Fixpoint push_low_digits (c : list N) (m : byte_mode) (v : Z) (o : outbuf) : outbuf :=
  match c with
  | [] => o
  | _ :: c' =>
      out_push (push_low_digits c' m (Z.shiftr v (digit_bits m)) o)
               (digit_char (Z.land v (digit_mask m)))
  end.

(** Groups of digits, least significant first (little endian). *)
Fixpoint push_groups_le (c : list N) (m : byte_mode) (v : Z) (o : outbuf) : outbuf :=
  match c with
  | [] => o
  | _ :: c' =>
      push_groups_le c' m (Z.shiftr v (group_bits m)) (push_low_digits (digit_counter m) m v o)
  end.

(** Groups of digits, most significant first (big endian). *)
Fixpoint push_groups_be (c : list N) (m : byte_mode) (v : Z) (o : outbuf) : outbuf :=
  match c with
  | [] => o
  | _ :: c' =>
      push_low_digits (digit_counter m) m v (push_groups_be c' m (Z.shiftr v (group_bits m)) o)
  end.

Definition width1 : list N := [0].
Definition width2 : list N := [0; 0].
Definition width3 : list N := [0; 0; 0].
Definition width4 : list N := [0; 0; 0; 0].

Definition push_number (cfg : m1_config) (w : list N) (v : Z) (o : outbuf) : outbuf :=
  if m1_big_endian cfg then push_groups_be w (m1_byte_mode cfg) v o
  else push_groups_le w (m1_byte_mode cfg) v o.

(** ** Strings *)

Fixpoint push_string_digits (m : byte_mode) (s : bytes) (o : outbuf) : outbuf :=
  match s with
  | [] => o
  | b :: s' =>
      push_string_digits m s' (out_push (push_low_digits (digit_counter m) m (Z.of_N b) o) 32)
  end.

Fixpoint count_bytes (s : bytes) (n : N) : N :=
  match s with
  | [] => n
  | _ :: s' => count_bytes s' (N.add n 1)
  end.

Definition knight_pad_count (cfg : m1_config) (n : N) : N :=
  match m1_arch cfg, m1_byte_mode cfg with
  | knight, hex_mode => N.mul 2 (N.modulo (N.sub 4 (N.modulo n 4)) 4)
  | _, _ => 0
  end.

Definition push_hexify (cfg : m1_config) (body : bytes) (o : outbuf) : outbuf :=
  let m := m1_byte_mode cfg in
  let o1 := push_string_digits m body o in
  let o2 := out_push (push_low_digits (digit_counter m) m 0 o1) 32 in
  push_zeros (knight_pad_count cfg (N.add (count_bytes body 0) 1)) o2.

(** ** Evaluation *)

(** What evaluating a text did to the buffer. *)
Inductive emitted :=
| Emitted (o : outbuf)
| Nothing
| Failed (kind : error_kind) (value : Z).

Fixpoint mem (c : N) (l : list N) : bool :=
  match l with
  | [] => false
  | x :: l' => if N.eqb c x then true else mem c l'
  end.

Definition emit_checked (cfg : m1_config) (w : list N) (lo hi mask v : Z) (o : outbuf)
  : emitted :=
  if orb (Z.ltb v lo) (Z.ltb hi v) then Failed immediate_out_of_range v
  else Emitted (push_number cfg w (Z.land v mask) o).

Definition emit_number (cfg : m1_config) (c : N) (v : Z) (o : outbuf) : emitted :=
  if N.eqb c 33 then emit_checked cfg width1 (-129) 256 255 v o
  else if N.eqb c 64 then emit_checked cfg width2 (-32769) 32768 65535 v o
  else if N.eqb c 36 then emit_checked cfg width2 (-32769) 65536 65535 v o
  else if N.eqb c 126 then emit_checked cfg width3 (-8388609) 8388608 16777215 v o
  else Emitted (push_number cfg width4 v o).

Definition push_word (cfg : m1_config) (c : N) (v : Z) (o : outbuf) : outbuf :=
  if N.eqb c 36 then push_number cfg width2 (Z.land v 65535) o
  else if N.eqb c 37 then push_number cfg width4 v o
  else push_number cfg width4 (riscv_immediate c v) (out_push o 46).

Definition emit_immediate (cfg : m1_config) (s : bytes) (o : outbuf) : option emitted :=
  match s with
  | [] => None
  | c :: rest =>
      if N.eqb c 60 then None
      else if is_riscv (m1_arch cfg) then
        if andb (mem c [37; 126; 64; 33; 36]) (is_number rest)
        then Some (Emitted (push_word cfg c (strtoint rest) o))
        else None
      else if mem c [37; 126; 64; 33; 38; 36] then
        if is_number rest then Some (emit_number cfg c (strtoint rest) o) else None
      else match m1_arch cfg with
           | knight =>
               if is_number s then
                 let v := strtoint s in
                 if Z.ltb 65536 v then None
                 else if Z.ltb 32767 v then Some (emit_number cfg 36 v o)
                 else Some (emit_number cfg 64 v o)
               else None
           | _ => None
           end
  end.

Definition emit_other (cfg : m1_config) (s : bytes) (o : outbuf) : emitted :=
  match s with
  | [] => Nothing
  | c :: rest =>
      if mem c [33; 64; 36; 126; 37; 38; 58; 94] then Emitted (push_all o s)
      else if N.eqb c 60 then
        let n := strtoint rest in
        if Z.eqb n 0 then Emitted (push_all o s)
        else if Z.ltb n 0 then Failed negative_padding n
        else Emitted (push_zeros (N.mul (Z.to_N n) (digits_per_byte_n (m1_byte_mode cfg))) o)
      else Nothing
  end.

(** The stages in upstream's order: string, DEFINE, immediate, pass-through and padding. *)
Definition emit (cfg : m1_config) (define : option bytes) (s : bytes) (o : outbuf) : emitted :=
  match s with
  | c :: body =>
      if N.eqb c 34 then Emitted (push_hexify cfg body o)
      else if N.eqb c 39 then Emitted (push_all o body)
      else match define with
           | Some v => Emitted (push_all o v)
           | None =>
               match emit_immediate cfg s o with
               | Some r => r
               | None => emit_other cfg s o
               end
           end
  | [] =>
      match define with
      | Some v => Emitted (push_all o v)
      | None => Nothing
      end
  end.

(** ** Lexing *)

(** The text of a token from its bytes read so far, reversed. *)
Fixpoint rev_text (l acc : bytes) : bytes :=
  match l with
  | [] => acc
  | x :: l' => rev_text l' (x :: acc)
  end.

(** A line end, unless the stream is quiet (empty or just after a line end). *)
Definition push_newline (quiet : bool) (acc : list token) : list token :=
  if quiet then acc else Newline :: acc.

(** The tokens of the rest [s] of file [file] go onto [acc] (reversed); [quiet] as in
    [M1Lex.collapse]. Returns the new [quiet] and [acc]. *)
Fixpoint lex_loop (file pos : N) (st : lex_state) (s : bytes) (quiet : bool)
    (acc : list token) : result (bool * list token) :=
  match s with
  | [] =>
      match st with
      | Between => Ok (quiet, acc)
      | In_comment => Ok (quiet, acc)
      | In_atom start rt =>
          let text := rev_text rt [] in
          if has_nul text then Err (lex_error nul_in_token file start)
          else Ok (false, Word text file start :: acc)
      | In_string _ start _ => Err (lex_error unterminated_string file start)
      end
  | c :: s' =>
      let pos' := N.add pos 1 in
      match st with
      | Between =>
          if is_comment_start c then lex_loop file pos' In_comment s' true (push_newline quiet acc)
          else if is_blank c then lex_loop file pos' Between s' quiet acc
          else if N.eqb c ch_lf then lex_loop file pos' Between s' true (push_newline quiet acc)
          else if is_quote c then lex_loop file pos' (In_string c pos [c]) s' quiet acc
          else lex_loop file pos' (In_atom pos [c]) s' quiet acc
      | In_comment =>
          if is_comment_end c then lex_loop file pos' Between s' quiet acc
          else lex_loop file pos' In_comment s' quiet acc
      | In_atom start rt =>
          if is_blank c then
            let text := rev_text rt [] in
            if has_nul text then Err (lex_error nul_in_token file start)
            else lex_loop file pos' Between s' false (Word text file start :: acc)
          else if N.eqb c ch_lf then
            let text := rev_text rt [] in
            if has_nul text then Err (lex_error nul_in_token file start)
            else lex_loop file pos' Between s' true (Newline :: Word text file start :: acc)
          else lex_loop file pos' (In_atom start (c :: rt)) s' quiet acc
      | In_string q start rt =>
          if N.eqb c q then
            let text := rev_text rt [] in
            if has_nul text then Err (lex_error nul_in_token file start)
            else lex_loop file pos' Between s' false (Word text file start :: acc)
          else lex_loop file pos' (In_string q start (c :: rt)) s' quiet acc
      end
  end.

Fixpoint lex_files_loop (file : N) (inputs : list bytes) (quiet : bool) (acc : list token)
  : result (bool * list token) :=
  match inputs with
  | [] => Ok (quiet, acc)
  | f :: fs =>
      match lex_loop file 0 Between f quiet acc with
      | Err e => Err e
      | Ok (q, acc') => lex_files_loop (N.add file 1) fs true (push_newline q acc')
      end
  end.

Fixpoint rev_tokens (l acc : list token) : list token :=
  match l with
  | [] => acc
  | t :: l' => rev_tokens l' (t :: acc)
  end.

(** ** DEFINE *)

Fixpoint defines_loop (ts : list token) (m : ByteMap.t bytes) (out : list token)
  : result (ByteMap.t bytes * list token) :=
  match ts with
  | [] => Ok (m, out)
  | t :: rest =>
      if is_define t then
        match rest with
        | [] => Err (define_error macro_name_missing t)
        | name :: rest1 =>
            match rest1 with
            | [] => Err (define_error macro_value_missing t)
            | value :: rest2 =>
                defines_loop rest2 (ByteMap.add (token_text name) (value_text value) m)
                  (Newline :: out)
            end
        end
      else defines_loop rest m (t :: out)
  end.

(** ** Evaluation errors and printing *)

Fixpoint failure_loop (cfg : m1_config) (m : ByteMap.t bytes) (ts : list token)
  : option error :=
  match ts with
  | [] => None
  | Newline :: rest => failure_loop cfg m rest
  | Word s f off :: rest =>
      match emit cfg (ByteMap.find s m) s out_empty with
      | Failed k v => Some (mk_error k f off v s)
      | _ => failure_loop cfg m rest
      end
  end.

Definition push_separator (rest : list token) (o : outbuf) : outbuf :=
  match rest with
  | [] => o
  | Newline :: _ => o
  | Word _ _ _ :: _ => out_push o 32
  end.

Fixpoint print_loop (cfg : m1_config) (m : ByteMap.t bytes) (ts : list token) (o : outbuf)
  : result outbuf :=
  match ts with
  | [] => Ok o
  | Newline :: rest =>
      print_loop cfg m rest (if next_is_newline rest then o else out_push o 10)
  | Word s f off :: rest =>
      match emit cfg (ByteMap.find s m) s o with
      | Emitted o' => print_loop cfg m rest (push_separator rest o')
      | _ => Err (mk_error invalid_other f off 0 s)
      end
  end.

(** ** M1 *)

Definition assemble (cfg : m1_config) (inputs : list bytes) : result bytes :=
  match lex_files_loop 0 inputs true [] with
  | Err e => Err e
  | Ok (_, racc) =>
      match racc with
      | [] => Err empty_input_error
      | _ :: _ =>
          let ts := rev_tokens racc [] in
          match defines_loop ts ByteMap.empty [] with
          | Err e => Err e
          | Ok (m, rout) =>
              match failure_loop cfg m ts with
              | Some e => Err e
              | None =>
                  match print_loop cfg m (rev_tokens rout []) out_empty with
                  | Err e => Err e
                  | Ok o => Ok (out_contents o)
                  end
              end
          end
      end
  end.
