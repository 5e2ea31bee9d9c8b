(** * Quirks: the choices upstream made where another tool could mean something else. *)

(** SEMANTICS.md marks as quirks (Q) the places where mescc-tools 1.7.0 gives a program a meaning
    that another release, a seed tool (stage0-posix's [hex2-0] and [M0], which read the files
    joined by [catm]) or simply the other obvious reading would not: the last definition of a
    label wins without a word, a byte's two digits may sit on either side of a comment, [$] and
    [&] ignore [>base], and so on. This file names each quirk ([quirk], with the kebab-case name
    strict mode prints, [quirk_name]) and lists, for each, the ways it can be resolved
    ([hex2_quirks], [m1_quirks]); 1.7.0's resolutions are [hex2_1_7_0] and [m1_1_7_0].

    [Hex2Spec.link_with] and [M1Spec.assemble_with] give hex2 and M1 under any resolutions, and
    [Hex2Spec.link] and [M1Spec.assemble] are them at 1.7.0's. A use of a quirk is a
    [quirk_use]: which quirk, where, and what it is about; [Hex2Strict.uses] and [M1Strict.uses]
    say which uses a program makes, and a program without any is strict-clean: it means the same
    under every resolution ([Hex2Strictproof.strict_quirk_independent],
    [M1Strictproof.strict_quirk_independent]).

    A rejecting resolution makes the use an error of kind [quirk_rejected] whose subject is the
    quirk's name. The one quirk of the command line ([unknown_architecture_kept]: hex2 keeps the
    previous architecture after an unknown [-A] name) is not a use by a program: the drop-in's
    strict mode refuses it; it is named here so that both use one list of names. *)

From Coq Require Import NArith ZArith List String.
From Hexproof.Spec Require Import Common.
Import ListNotations.

(** ** The quirks *)

Inductive quirk :=
(* hex2 *)
| duplicate_label        (* [:a] twice: the last definition wins *)
| split_byte             (* [4 8], [4 # c\n8]: the digits of one byte around other text *)
| nibble_across_files    (* a file ends in the middle of a byte: the digits are dropped *)
| misplaced_base         (* [:a>b], [a>b>c], RISC-V [!a>b]: [>] ends the name, the rest is text *)
| absolute_with_base     (* [$a>b], [&a>b]: the base is ignored *)
| align_on_absolute      (* [^] then [$a] or [&a]: the absolute reference consumes the [^] *)
| register_across_files  (* RISC-V: a word's bits still pending at the end of a file *)
(* M1 *)
| duplicate_define       (* two DEFINEs of one name: the last wins *)
| use_before_define      (* a word before the DEFINE of its text: it is expanded too *)
| off_by_one_range       (* [!256], [@-32769], ...: accepted by bounds one too wide *)
| octal_immediate        (* [-O] and an immediate wider than a byte: 9-bit digit groups *)
(* both *)
| text_across_files      (* a file ends inside a name, comment, word, atom or string *)
| cr_in_token            (* [\r] inside a name or atom: CRLF files define [a\r] *)
| comment_char_in_token  (* [#] or [;] inside a name or atom *)
(* the command line of hex2 *)
| unknown_architecture_kept.

(** The name strict mode prints. *)
Definition name_duplicate_label : bytes := Eval compute in ascii_bytes "duplicate-label".
Definition name_split_byte : bytes := Eval compute in ascii_bytes "split-byte".
Definition name_nibble_across_files : bytes := Eval compute in ascii_bytes "nibble-across-files".
Definition name_misplaced_base : bytes := Eval compute in ascii_bytes "misplaced-base".
Definition name_absolute_with_base : bytes := Eval compute in ascii_bytes "absolute-with-base".
Definition name_align_on_absolute : bytes := Eval compute in ascii_bytes "align-on-absolute".
Definition name_register_across_files : bytes := Eval compute in ascii_bytes "register-across-files".
Definition name_duplicate_define : bytes := Eval compute in ascii_bytes "duplicate-define".
Definition name_use_before_define : bytes := Eval compute in ascii_bytes "use-before-define".
Definition name_off_by_one_range : bytes := Eval compute in ascii_bytes "off-by-one-range".
Definition name_octal_immediate : bytes := Eval compute in ascii_bytes "octal-immediate".
Definition name_text_across_files : bytes := Eval compute in ascii_bytes "text-across-files".
Definition name_cr_in_token : bytes := Eval compute in ascii_bytes "cr-in-token".
Definition name_comment_char_in_token : bytes := Eval compute in ascii_bytes "comment-char-in-token".
Definition name_unknown_architecture_kept : bytes := Eval compute in ascii_bytes "unknown-architecture".

Definition quirk_name (k : quirk) : bytes :=
  match k with
  | duplicate_label => name_duplicate_label
  | split_byte => name_split_byte
  | nibble_across_files => name_nibble_across_files
  | misplaced_base => name_misplaced_base
  | absolute_with_base => name_absolute_with_base
  | align_on_absolute => name_align_on_absolute
  | register_across_files => name_register_across_files
  | duplicate_define => name_duplicate_define
  | use_before_define => name_use_before_define
  | off_by_one_range => name_off_by_one_range
  | octal_immediate => name_octal_immediate
  | text_across_files => name_text_across_files
  | cr_in_token => name_cr_in_token
  | comment_char_in_token => name_comment_char_in_token
  | unknown_architecture_kept => name_unknown_architecture_kept
  end.

(** The error a rejecting resolution reports, at the use. *)
Definition quirk_error (k : quirk) (file offset : N) : error :=
  mk_error quirk_rejected file offset 0%Z (quirk_name k).

(** ** Uses *)

(** A use of quirk [use_quirk] at byte [use_offset] of input [use_file], about the text
    [use_subject] (a label or DEFINE name, a word; empty where there is none), with another
    place [use_other_file]/[use_other_offset] (the first definition for [duplicate_label] and
    [duplicate_define], the DEFINE for [use_before_define], the base name for
    [absolute_with_base], where the name or atom starts for a use by a byte inside one; else the
    use's own place) and a number [use_value] (the immediate for [off_by_one_range]; else 0). *)
Record quirk_use := mk_use {
  use_quirk : quirk;
  use_file : N;
  use_offset : N;
  use_subject : bytes;
  use_other_file : N;
  use_other_offset : N;
  use_value : Z
}.

(** A use about [subject] with no other place and no number. *)
Definition plain_use (k : quirk) (file offset : N) (subject : bytes) : quirk_use :=
  mk_use k file offset subject file offset 0%Z.

(** [a] onto [acc] (the strict checkers gather their uses with it). *)
Fixpoint push_uses (a acc : list quirk_use) : list quirk_use :=
  match a with
  | [] => acc
  | u :: a' => push_uses a' (u :: acc)
  end.

Lemma push_uses_in : forall a acc u, In u (push_uses a acc) <-> In u a \/ In u acc.
Proof.
  intros a; induction a as [|x a IH]; intros acc u; cbn; [tauto|]. rewrite IH; cbn; tauto.
Qed.

(** ** Resolutions *)

(** Two definitions of one name: the last or the first is used, or the second is an error. *)
Inductive duplicate_choice := keep_last | keep_first | reject_duplicate.

(** Text that a reader meets in the middle of something: it joins it (for [split_byte], the digit
    after the text completes the byte), it ends it first (the byte's first digits are dropped;
    the name ends as at a space, and [#] or [;] then starts a comment), or it is an error. For
    [misplaced_base] joining means that [>] is one more byte of the name. *)
Inductive text_choice := join_text | end_before_text | reject_text.

(** The end of a file in the middle of something: the end of the file ends it (a name is
    complete, a comment over, half a byte dropped), it goes on into the next file as if the files
    were one ([catm] before a seed tool), or it is an error. At the end of the last file going on
    is ending. *)
Inductive boundary_choice := end_at_file | continue_next_file | reject_at_end.

(** [$a>b], [&a>b]: the base is ignored, the reference means [@a>b], [%a>b], or it is an
    error. *)
Inductive base_choice := ignore_base | as_relative | reject_base.

(** [^] met by an absolute reference: the reference consumes it, leaves it to the next relative
    reference, or it is an error. *)
Inductive align_choice := consume_align | keep_align | reject_align.

(** RISC-V bits pending at the end of a file: they go into the next file's bytes, are dropped, or
    it is an error. *)
Inductive register_choice := keep_register | reset_register | reject_register.

(** A word before the DEFINE of its text: every word with the text is expanded (order-free), only
    the words after a DEFINE are (in order, as a seed [M0] reads), or it is an error. *)
Inductive order_choice := order_free | in_order | reject_order.

(** An immediate at one of upstream's bounds: accepted (the inclusive bounds one too wide), or
    the error a check with the intended bounds reports. *)
Inductive range_choice := off_by_one_bounds | exact_bounds.

(** An immediate wider than a byte in octal mode: 3 digits for every 9 bits of the value
    (upstream), or an error (a tool that prints 3 digits for each byte would be a third). *)
Inductive octal_choice := nine_bit_groups | reject_octal.

Record hex2_quirks := mk_hex2_quirks {
  hq_duplicate_label : duplicate_choice;
  hq_split_byte : text_choice;
  hq_nibble_across_files : boundary_choice;
  hq_text_across_files : boundary_choice;
  hq_cr_in_token : text_choice;
  hq_comment_char_in_token : text_choice;
  hq_misplaced_base : text_choice;
  hq_absolute_with_base : base_choice;
  hq_align_on_absolute : align_choice;
  hq_register_across_files : register_choice
}.

Record m1_quirks := mk_m1_quirks {
  mq_duplicate_define : duplicate_choice;
  mq_use_before_define : order_choice;
  mq_text_across_files : boundary_choice;
  mq_cr_in_token : text_choice;
  mq_comment_char_in_token : text_choice;
  mq_range : range_choice;
  mq_octal_immediate : octal_choice
}.

(** mescc-tools 1.7.0. *)
Definition hex2_1_7_0 : hex2_quirks :=
  mk_hex2_quirks keep_last join_text end_at_file end_at_file join_text join_text end_before_text
    ignore_base consume_align keep_register.

Definition m1_1_7_0 : m1_quirks :=
  mk_m1_quirks keep_last order_free end_at_file join_text join_text off_by_one_bounds
    nine_bit_groups.
