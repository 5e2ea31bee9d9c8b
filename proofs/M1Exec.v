(** * M1Exec: the executable core of M1, in the Gallina subset of extracted/SUBSET.md. *)

(** The same function as [M1Spec.assemble] (proved in M1Execproof.v), written to run on large
    inputs once extracted to C++: every loop over input bytes, tokens or output is a self tail
    call with an accumulator; the only other recursion goes along one token's text or along
    constant lists of at most 36 elements. Two passes over the input bytes, neither holding the
    token stream:
    - pass A ([scan_files] with [pass = false]) lexes each input a byte at a time, collapsing
      line ends on the fly, and feeds each token to [feedA_word]/[feedA_newline], which follow
      the DEFINE scan and put each binding into a [ByteMap] (a later binding of a name shadows
      earlier ones, as the last DEFINE wins);
    - pass B ([pass = true]) lexes again with the finished bindings and feeds each token to
      [feedB_word]/[feedB_newline], which evaluate every word once: DEFINE names and values only
      for their failure, the other words straight into the [OutBuf], with the separator the
      previous token needs. It records the first failure (and stops evaluating) and the first
      word without output.
    The lexer's state is plain arguments (mode, first byte offset, quote, the input at the
    token's first byte and the token's length so far), and a finished text is
    [OutBuf.take_bytes], a slice of the input in the runtime: no byte is copied.
    Evaluating a word ([emit]) writes its output text straight into the buffer. Digits are pushed
    by recursion along small constant "counter" lists (two, three or eight digits per byte, one to
    four bytes per number), and a run of zero digits (the [<N] padding) as one [out_repeat], so
    that no loop counts down a number.

    The helpers of the specification that are already in the subset are used directly:
    [Strtoint.strtoint], [Strtoint.is_number], [Common.wrap32], the character tests and
    [has_nul] of M1Lex.v, [digit_char], [digit_bits], [riscv_immediate] and [is_riscv] of
    M1Eval.v. *)

From Coq Require Import NArith ZArith List Bool.
From Hexproof.Spec Require Import Common Strtoint M1Lex M1Eval M1Spec.
From Hexproof.Proofs Require Import ByteMap OutBuf.
Import ListNotations.
Local Open Scope N_scope.

(** ** Output helpers *)

(** [OutBuf.push_all o v] pushes the bytes of [v], in order (a slice of the input in one step). *)

(** [count] zero digits: one run in the buffer, whatever [count]. *)
Definition push_zeros (count : N) (o : outbuf) : outbuf := out_repeat o count 48.

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

(** The digits of one byte's worth of [v], most significant first: [push_low_digits] along
    [digit_counter m], unrolled so that no counter list is built at run time. *)
Definition push_digit (m : byte_mode) (v : Z) (o : outbuf) : outbuf :=
  out_push o (digit_char (Z.land v (digit_mask m))).

Definition push_byte_digits (m : byte_mode) (v : Z) (o : outbuf) : outbuf :=
  match m with
  | hex_mode => push_digit m v (push_digit m (Z.shiftr v (digit_bits m)) o)
  | octal_mode => push_digit m v (push_digit m (Z.shiftr v (digit_bits m)) (push_digit m (Z.shiftr (Z.shiftr v (digit_bits m)) (digit_bits m)) o))
  | binary_mode =>
      push_digit m v (push_digit m (Z.shiftr v (digit_bits m)) (push_digit m (Z.shiftr (Z.shiftr v (digit_bits m)) (digit_bits m)) (push_digit m (Z.shiftr (Z.shiftr (Z.shiftr v (digit_bits m)) (digit_bits m)) (digit_bits m)) (push_digit m (Z.shiftr (Z.shiftr (Z.shiftr (Z.shiftr v (digit_bits m)) (digit_bits m)) (digit_bits m)) (digit_bits m)) (push_digit m (Z.shiftr (Z.shiftr (Z.shiftr (Z.shiftr (Z.shiftr v (digit_bits m)) (digit_bits m)) (digit_bits m)) (digit_bits m)) (digit_bits m)) (push_digit m (Z.shiftr (Z.shiftr (Z.shiftr (Z.shiftr (Z.shiftr (Z.shiftr v (digit_bits m)) (digit_bits m)) (digit_bits m)) (digit_bits m)) (digit_bits m)) (digit_bits m)) (push_digit m (Z.shiftr (Z.shiftr (Z.shiftr (Z.shiftr (Z.shiftr (Z.shiftr (Z.shiftr v (digit_bits m)) (digit_bits m)) (digit_bits m)) (digit_bits m)) (digit_bits m)) (digit_bits m)) (digit_bits m)) o)))))))
  end.

(** Groups of digits, least significant first (little endian). *)
Fixpoint push_groups_le (c : list N) (m : byte_mode) (v : Z) (o : outbuf) : outbuf :=
  match c with
  | [] => o
  | _ :: c' =>
      push_groups_le c' m (Z.shiftr v (group_bits m)) (push_byte_digits m v o)
  end.

(** Groups of digits, most significant first (big endian). *)
Fixpoint push_groups_be (c : list N) (m : byte_mode) (v : Z) (o : outbuf) : outbuf :=
  match c with
  | [] => o
  | _ :: c' =>
      push_byte_digits m v (push_groups_be c' m (Z.shiftr v (group_bits m)) o)
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
      push_string_digits m s' (out_push (push_byte_digits m (Z.of_N b) o) 32)
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
  let o2 := out_push (push_byte_digits m 0 o1) 32 in
  push_zeros (knight_pad_count cfg (N.add (count_bytes body 0) 1)) o2.

(** ** Evaluation *)

(** What evaluating a text did to the buffer. *)
Inductive emitted :=
| Emitted (o : outbuf)
| Nothing
| Failed (kind : error_kind) (value : Z).

(** Membership in the constant sets of sigils, as [orb] chains ([mem c [...]] unfolded) so that
    no list is built at run time. *)
Definition riscv_sigil (c : N) : bool :=
  orb (N.eqb c 37) (orb (N.eqb c 126) (orb (N.eqb c 64) (orb (N.eqb c 33)
    (orb (N.eqb c 36) false)))).

Definition number_sigil (c : N) : bool :=
  orb (N.eqb c 37) (orb (N.eqb c 126) (orb (N.eqb c 64) (orb (N.eqb c 33)
    (orb (N.eqb c 38) (orb (N.eqb c 36) false))))).

Definition pass_sigil (c : N) : bool :=
  orb (N.eqb c 33) (orb (N.eqb c 64) (orb (N.eqb c 36) (orb (N.eqb c 126)
    (orb (N.eqb c 37) (orb (N.eqb c 38) (orb (N.eqb c 58) (orb (N.eqb c 94) false))))))).

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
        if andb (riscv_sigil c) (is_number rest)
        then Some (Emitted (push_word cfg c (strtoint rest) o))
        else None
      else if number_sigil c then
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
      if pass_sigil c then Emitted (push_all o s)
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

(** ** Token consumers *)

(** Where the DEFINE scan is: between bindings, after a [DEFINE] (its name comes next), or after
    its name (its value comes next). *)
Inductive define_state := Ds_normal | Ds_name | Ds_value.

(** The kind of the last token of the output stream seen so far (it decides the separator printed
    before the next one). *)
Inductive last_kind := Lk_start | Lk_word | Lk_newline.

(** The state both passes carry along the token stream (a struct held by value once printed).
    Pass A uses [c_any] (a token was seen), [c_ds], [c_file], [c_off] (the pending DEFINE's
    place), [c_name] (the pending name) and [c_defs]; pass B uses [c_ds], [c_fail] (the first
    evaluation failure), [c_inval] (the first word without output), [c_out] and [c_last]. *)
Record cstate := mk_cstate {
  c_any : bool;
  c_ds : define_state;
  c_file : N;
  c_off : N;
  c_name : bytes;
  c_defs : ByteMap.t bytes;
  c_fail : option error;
  c_inval : option error;
  c_out : outbuf;
  c_last : last_kind }.

Definition cstate_init : cstate :=
  mk_cstate false Ds_normal 0 0 [] ByteMap.empty None None out_empty Lk_start.

Definition set_ds (c : cstate) (d : define_state) : cstate :=
  mk_cstate (c_any c) d (c_file c) (c_off c) (c_name c) (c_defs c) (c_fail c) (c_inval c)
    (c_out c) (c_last c).

(** *** Pass A: the DEFINE bindings *)

(** [text_eqb s define_text], unfolded so that no list is built at run time. *)
Definition is_define_text (s : bytes) : bool :=
  match s with
  | [] => false
  | c1 :: s1 =>
      if N.eqb c1 68 then
        match s1 with
        | [] => false
        | c2 :: s2 =>
            if N.eqb c2 69 then
              match s2 with
              | [] => false
              | c3 :: s3 =>
                  if N.eqb c3 70 then
                    match s3 with
                    | [] => false
                    | c4 :: s4 =>
                        if N.eqb c4 73 then
                          match s4 with
                          | [] => false
                          | c5 :: s5 =>
                              if N.eqb c5 78 then
                                match s5 with
                                | [] => false
                                | c6 :: s6 =>
                                    if N.eqb c6 69 then
                                      match s6 with
                                      | [] => true
                                      | _ :: _ => false
                                      end
                                    else false
                                end
                              else false
                          end
                        else false
                    end
                  else false
              end
            else false
        end
      else false
  end.

(** The text a value gives its name ([M1Spec.value_text] of a word). *)
Definition text_value (s : bytes) : bytes :=
  match s with
  | c :: body => if is_quote c then body else s
  | [] => s
  end.

(** A word with the text [s] at [f], [off]. *)
Definition feedA_word (c : cstate) (s : bytes) (f off : N) : cstate :=
  match c_ds c with
  | Ds_normal =>
      if is_define_text s
      then mk_cstate true Ds_name f off (c_name c) (c_defs c) (c_fail c) (c_inval c)
             (c_out c) (c_last c)
      else mk_cstate true Ds_normal (c_file c) (c_off c) (c_name c) (c_defs c) (c_fail c)
             (c_inval c) (c_out c) (c_last c)
  | Ds_name =>
      mk_cstate true Ds_value (c_file c) (c_off c) s (c_defs c) (c_fail c)
        (c_inval c) (c_out c) (c_last c)
  | Ds_value =>
      mk_cstate true Ds_normal (c_file c) (c_off c) (c_name c)
        (ByteMap.add (c_name c) (text_value s) (c_defs c)) (c_fail c)
        (c_inval c) (c_out c) (c_last c)
  end.

Definition feedA_newline (c : cstate) : cstate :=
  match c_ds c with
  | Ds_normal =>
      mk_cstate true Ds_normal (c_file c) (c_off c) (c_name c) (c_defs c) (c_fail c)
        (c_inval c) (c_out c) (c_last c)
  | Ds_name =>
      mk_cstate true Ds_value (c_file c) (c_off c) [ch_lf] (c_defs c) (c_fail c)
        (c_inval c) (c_out c) (c_last c)
  | Ds_value =>
      mk_cstate true Ds_normal (c_file c) (c_off c) (c_name c)
        (ByteMap.add (c_name c) [ch_lf] (c_defs c)) (c_fail c) (c_inval c) (c_out c) (c_last c)
  end.

(** The bindings, or the DEFINE error of a stream that ends inside a DEFINE. *)
Definition defines_result (c : cstate) : result (ByteMap.t bytes) :=
  match c_ds c with
  | Ds_normal => Ok (c_defs c)
  | Ds_name => Err (mk_error macro_name_missing (c_file c) (c_off c) 0%Z [])
  | Ds_value => Err (mk_error macro_value_missing (c_file c) (c_off c) 0%Z [])
  end.

(** *** Pass B: evaluation errors and printing, with the bindings [m] *)

(** The failure of evaluating a word that is not printed (a DEFINE, its name or its value). *)
Definition check_word (cfg : m1_config) (m : ByteMap.t bytes) (s : bytes) (f off : N)
  : option error :=
  match emit cfg (ByteMap.find s m) s out_empty with
  | Failed k v => Some (mk_error k f off v s)
  | _ => None
  end.

(** The DEFINE state after a word that is not printed; a failure stops the pass. *)
Definition after_check (c : cstate) (r : option error) (d : define_state) (l : last_kind)
  : cstate :=
  match r with
  | Some e =>
      mk_cstate (c_any c) (c_ds c) (c_file c) (c_off c) (c_name c) (c_defs c) (Some e)
        (c_inval c) (c_out c) (c_last c)
  | None =>
      mk_cstate (c_any c) d (c_file c) (c_off c) (c_name c) (c_defs c) (c_fail c)
        (c_inval c) (c_out c) l
  end.

(** The separator a word needs after the last token printed. *)
Definition lead_word (l : last_kind) (o : outbuf) : outbuf :=
  match l with
  | Lk_start => o
  | Lk_word => out_push o 32
  | Lk_newline => out_push o 10
  end.

Definition first_inval (c : cstate) (e : error) : option error :=
  match c_inval c with
  | Some e0 => Some e0
  | None => Some e
  end.

(** A printed word [s] at [f], [off]. *)
Definition print_word (cfg : m1_config) (m : ByteMap.t bytes) (c : cstate) (s : bytes) (f off : N)
  : cstate :=
  let o1 := lead_word (c_last c) (c_out c) in
  match emit cfg (ByteMap.find s m) s o1 with
  | Emitted o' =>
      mk_cstate (c_any c) (c_ds c) (c_file c) (c_off c) (c_name c) (c_defs c) (c_fail c)
        (c_inval c) o' Lk_word
  | Nothing =>
      mk_cstate (c_any c) (c_ds c) (c_file c) (c_off c) (c_name c) (c_defs c) (c_fail c)
        (first_inval c (mk_error invalid_other f off 0%Z s)) o1 Lk_word
  | Failed k v =>
      mk_cstate (c_any c) (c_ds c) (c_file c) (c_off c) (c_name c) (c_defs c)
        (Some (mk_error k f off v s)) (c_inval c) (c_out c) (c_last c)
  end.

Definition feedB_word (cfg : m1_config) (m : ByteMap.t bytes) (c : cstate) (s : bytes)
    (f off : N) : cstate :=
  match c_fail c with
  | Some _ => c
  | None =>
      match c_ds c with
      | Ds_normal =>
          if is_define_text s
          then after_check c (check_word cfg m s f off) Ds_name (c_last c)
          else print_word cfg m c s f off
      | Ds_name => after_check c (check_word cfg m s f off) Ds_value (c_last c)
      | Ds_value => after_check c (check_word cfg m s f off) Ds_normal Lk_newline
      end
  end.

Definition feedB_newline (c : cstate) : cstate :=
  match c_fail c with
  | Some _ => c
  | None =>
      match c_ds c with
      | Ds_normal => after_check c None Ds_normal Lk_newline
      | Ds_name => after_check c None Ds_value (c_last c)
      | Ds_value => after_check c None Ds_normal Lk_newline
      end
  end.

(** The output buffer, or the first evaluation failure, or else the first word without output. *)
Definition print_buffer (c : cstate) : result outbuf :=
  match c_fail c with
  | Some e => Err e
  | None =>
      match c_inval c with
      | Some e => Err e
      | None =>
          match c_last c with
          | Lk_newline => Ok (out_push (c_out c) 10)
          | _ => Ok (c_out c)
          end
      end
  end.

(** Pass A ([pass = false]) or pass B. *)
Definition feed_word (pass : bool) (cfg : m1_config) (m : ByteMap.t bytes) (c : cstate)
    (s : bytes) (f off : N) : cstate :=
  if pass then feedB_word cfg m c s f off else feedA_word c s f off.

Definition feed_newline (pass : bool) (c : cstate) : cstate :=
  if pass then feedB_newline c else feedA_newline c.

(** A line end, unless the stream is quiet (empty or just after a line end). *)
Definition newline_if (pass : bool) (quiet : bool) (c : cstate) : cstate :=
  if quiet then c else feed_newline pass c.

(** In pass A, once a token has been seen, a word outside a DEFINE that is not [DEFINE] itself,
    and a line end there, change nothing ([feedA_word] and [feedA_newline] rebuild the same
    state, [M1Execproof.word_keeps_word], [word_keeps_newline]): [scan] then passes its state on
    as it is, which costs nothing once printed, instead of rebuilding it. *)
Definition word_keeps (pass : bool) (c : cstate) (s : bytes) : bool :=
  if pass then false
  else match c_ds c with
       | Ds_normal => andb (c_any c) (negb (is_define_text s))
       | _ => false
       end.

(** ** Lexing *)

(** Where the lexer is. An unfinished token is the input [tok] at its first byte and its length
    [len] so far, so that its text is [take_bytes len tok] (a slice of the input, no copy); its
    first byte offset and quote are separate arguments of [scan]. *)
Inductive lex_mode := Lm_between | Lm_comment | Lm_atom | Lm_string.

(** The tokens of the rest [s] of file [file] are fed to [c]; [quiet] as in [M1Lex.collapse].
    Returns the new [quiet] and state. *)
Fixpoint scan (pass : bool) (cfg : m1_config) (m : ByteMap.t bytes) (file pos : N)
    (mode : lex_mode) (start q : N) (tok : bytes) (len : N) (s : bytes) (quiet : bool)
    (c : cstate) : result (bool * cstate) :=
  match s with
  | [] =>
      match mode with
      | Lm_between => Ok (quiet, c)
      | Lm_comment => Ok (quiet, c)
      | Lm_atom =>
          let text := take_bytes len tok in
          if has_nul text then Err (lex_error nul_in_token file start)
          else Ok (false, feed_word pass cfg m c text file start)
      | Lm_string => Err (lex_error unterminated_string file start)
      end
  | ch :: s' =>
      let pos' := N.add pos 1 in
      match mode with
      | Lm_between =>
          if is_comment_start ch
          then scan pass cfg m file pos' Lm_comment start q [] 0 s' true (newline_if pass quiet c)
          else if is_blank ch then scan pass cfg m file pos' Lm_between start q [] 0 s' quiet c
          else if N.eqb ch ch_lf
          then scan pass cfg m file pos' Lm_between start q [] 0 s' true (newline_if pass quiet c)
          else if is_quote ch then scan pass cfg m file pos' Lm_string pos ch s 1 s' quiet c
          else scan pass cfg m file pos' Lm_atom pos q s 1 s' quiet c
      | Lm_comment =>
          if is_comment_end ch then scan pass cfg m file pos' Lm_between start q [] 0 s' quiet c
          else scan pass cfg m file pos' Lm_comment start q [] 0 s' quiet c
      | Lm_atom =>
          if is_blank ch then
            let text := take_bytes len tok in
            if has_nul text then Err (lex_error nul_in_token file start)
            else if word_keeps pass c text
            then scan pass cfg m file pos' Lm_between start q [] 0 s' false c
            else scan pass cfg m file pos' Lm_between start q [] 0 s' false
                   (feed_word pass cfg m c text file start)
          else if N.eqb ch ch_lf then
            let text := take_bytes len tok in
            if has_nul text then Err (lex_error nul_in_token file start)
            else if word_keeps pass c text
            then scan pass cfg m file pos' Lm_between start q [] 0 s' true c
            else scan pass cfg m file pos' Lm_between start q [] 0 s' true
                   (feed_newline pass (feed_word pass cfg m c text file start))
          else scan pass cfg m file pos' Lm_atom start q tok (N.add len 1) s' quiet c
      | Lm_string =>
          if N.eqb ch q then
            let text := take_bytes len tok in
            if has_nul text then Err (lex_error nul_in_token file start)
            else if word_keeps pass c text
            then scan pass cfg m file pos' Lm_between start q [] 0 s' false c
            else scan pass cfg m file pos' Lm_between start q [] 0 s' false
                   (feed_word pass cfg m c text file start)
          else scan pass cfg m file pos' Lm_string start q tok (N.add len 1) s' quiet c
      end
  end.

Fixpoint scan_files (pass : bool) (cfg : m1_config) (m : ByteMap.t bytes) (file : N)
    (inputs : list bytes) (quiet : bool) (c : cstate) : result (bool * cstate) :=
  match inputs with
  | [] => Ok (quiet, c)
  | f :: fs =>
      match scan pass cfg m file 0 Lm_between 0 0 [] 0 f quiet c with
      | Err e => Err e
      | Ok (q, c') => scan_files pass cfg m (N.add file 1) fs true (newline_if pass q c')
      end
  end.

(** ** M1 *)

(** Pass A lexes every input and collects the bindings; pass B lexes again, evaluates every word
    and prints straight into the buffer. Neither holds the token stream. The reference engine
    runs this and writes the buffer to its output piece by piece. *)
Definition assemble_out (cfg : m1_config) (inputs : list bytes) : result outbuf :=
  match scan_files false cfg ByteMap.empty 0 inputs true cstate_init with
  | Err e => Err e
  | Ok (_, a) =>
      if negb (c_any a) then Err empty_input_error
      else
        match defines_result a with
        | Err e => Err e
        | Ok m =>
            match scan_files true cfg m 0 inputs true cstate_init with
            | Err e => Err e
            | Ok (_, b) => print_buffer b
            end
        end
  end.

Definition assemble (cfg : m1_config) (inputs : list bytes) : result bytes :=
  match assemble_out cfg inputs with
  | Err e => Err e
  | Ok o => Ok (out_contents o)
  end.
