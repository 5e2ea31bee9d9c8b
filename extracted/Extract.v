(** * Extract: the proved core, extracted as MiniML JSON for extracted/printer. *)

(** This file is the whole interface between Coq and the C++ reference engine. Coq's own
    [Extraction Language JSON] writes the core as MiniML JSON (one file per module, from
    [Separate Extraction]); [extracted/printer] prints that as C++17 ([extracted/gen/]). The
    directives below realise Coq's library types and arithmetic by the primitives of
    [runtime/reference/coq_runtime.hpp], all in the C++ namespace [hexproof::rt] (written
    [rt::]: the printed code lives inside [namespace hexproof]). Each primitive has Coq's exact semantics on
    64-bit values and aborts loudly outside them; the list of what is allowed is
    [extracted/SUBSET.md]. The printer recognises the realised names by their [rt::] prefix
    (and C++'s own [bool], [true], [false]). *)

From Coq Require Import Extraction NArith ZArith List Bool.
From Hexproof.Spec Require Import Common Quirks M1Lex CommandLine.
From Hexproof.Proofs Require Import ByteMap OutBuf Hex2Exec M1Exec Hex2Check M1Check FirstUses
  Hex2CheckFirst M1CheckFirst.

Extraction Language JSON.

(* BEGIN library directives (also used by extracted/printer/tests/run.sh) *)

(** * Coq.Init.Datatypes: booleans, lists, options, pairs *)
(** [bool] is C++ [bool]; a [match] on it is printed as [if]. The others are runtime types with
    the printer's uniform interface ([x.tag()], [x.as_C()], [T::C(args)]). A [list N] may be a
    slice of an input buffer (head and tail O(1), no allocation). *)
Extract Inductive bool => "bool" ["true" "false"].
Extract Inductive list => "rt::list" ["rt::list::nil" "rt::list::cons"].
Extract Inductive option => "rt::option" ["rt::option::Some" "rt::option::None"].
Extract Inductive prod => "rt::prod" ["rt::prod::pair"].
Extract Inductive unit => "rt::unit" ["rt::unit::tt"].
Extract Inductive comparison => "rt::comparison" ["rt::comparison::Eq" "rt::comparison::Lt" "rt::comparison::Gt"].
Extract Inlined Constant andb => "rt::andb".
Extract Inlined Constant orb => "rt::orb".
Extract Inlined Constant negb => "rt::negb".

(** * Coq.Numbers.BinNums: N and Z as checked 64-bit integers *)
(** The constructors only ever build literals, which the printer folds ([rt::N{5}], [rt::Z{-5}]);
    a match on N, Z or positive is rejected. *)
Extract Inductive positive => "rt::positive" ["rt::positive::xI" "rt::positive::xO" "rt::positive::xH"].
Extract Inductive N => "rt::N" ["rt::N::zero" "rt::N::pos"].
Extract Inductive Z => "rt::Z" ["rt::Z::zero" "rt::Z::pos" "rt::Z::neg"].

(** * Coq.NArith.BinNat: N arithmetic (aborts when a result leaves [0, 2^64)) *)
Extract Inlined Constant N.add => "rt::n_add".
Extract Inlined Constant N.sub => "rt::n_sub".
Extract Inlined Constant N.mul => "rt::n_mul".
Extract Inlined Constant N.modulo => "rt::n_modulo".
Extract Inlined Constant N.pred => "rt::n_pred".
Extract Inlined Constant N.max => "rt::n_max".
Extract Inlined Constant N.eqb => "rt::n_eqb".
Extract Inlined Constant N.leb => "rt::n_leb".
Extract Inlined Constant N.ltb => "rt::n_ltb".
Extract Inlined Constant N.land => "rt::n_land".
Extract Inlined Constant N.lor => "rt::n_lor".
Extract Inlined Constant N.lxor => "rt::n_lxor".
Extract Inlined Constant N.shiftl => "rt::n_shiftl".
Extract Inlined Constant N.shiftr => "rt::n_shiftr".
Extract Inlined Constant N.testbit => "rt::n_testbit".

(** * Coq.ZArith.BinInt: Z arithmetic (aborts when a result leaves [-2^63, 2^63)) *)
Extract Inlined Constant Z.add => "rt::z_add".
Extract Inlined Constant Z.sub => "rt::z_sub".
Extract Inlined Constant Z.mul => "rt::z_mul".
Extract Inlined Constant Z.modulo => "rt::z_modulo".
Extract Inlined Constant Z.opp => "rt::z_opp".
Extract Inlined Constant Z.eqb => "rt::z_eqb".
Extract Inlined Constant Z.leb => "rt::z_leb".
Extract Inlined Constant Z.ltb => "rt::z_ltb".
Extract Inlined Constant Z.land => "rt::z_land".
Extract Inlined Constant Z.lor => "rt::z_lor".
(** The shifts stop on an amount the core never uses (a negative one; for [Z.shiftl], one above 63):
    [M1Bounds.shift_amounts_ok], and the constants of the other calls (see [rt::z_shiftr]). *)
Extract Inlined Constant Z.shiftl => "rt::z_shiftl".
Extract Inlined Constant Z.shiftr => "rt::z_shiftr".
Extract Inlined Constant Z.of_N => "rt::z_of_n".
Extract Inlined Constant Z.to_N => "rt::z_to_n".

(* END library directives *)

(** * Hexproof.Spec.Common *)
(** Printed as it is: enumerations for [architecture], [byte_mode], [error_kind]; structs for
    [error] and the configurations; a tagged handle for [result]. *)

(** * Hexproof.Proofs.ByteMap *)
(** Printed as it is: the trie and the AVL trees are tagged handles; [trie_get] and [find_in]
    walk down by pointer, [descend] and [rebuild] are loops, [bal] does not recurse, and
    [trie_set] recurses at most 4 levels (the hash path, four bits a level). [cmp_bytes] and
    [hash_from] are runtime loops (below). *)

(** * Hexproof.Proofs.OutBuf *)
(** The output accumulator is a growable byte buffer ([rt::outbuf]): [out_push] appends in place
    when the buffer is used linearly (and copies when it is not, so persistence is never
    violated); [out_repeat] records a run (a count and a byte) in one step, without writing it
    out. Pushing a value above 255 aborts: the core pushes bytes only. The printed core never
    calls [out_contents] (the proofs' meaning of a buffer), so it is not realised: the reference
    engine runs [link_out] and [assemble_out] and writes the buffer they return to the output
    piece by piece ([rt::out_write], which writes a run in chunks). *)
Extract Constant outbuf => "rt::outbuf".
Extract Inlined Constant out_empty => "rt::out_empty".
Extract Inlined Constant out_push => "rt::out_push".
Extract Inlined Constant out_repeat => "rt::out_repeat".
(** [rev_onto] (a name left unfinished at the end of a hex2 file, reversed) is printed as it is,
    a loop. *)
(** [take_bytes n l] (a token's text, from the input at its first byte) is a sub-slice when [l] is
    a slice; see [rt::take_bytes]. *)
Extract Inlined Constant OutBuf.take_bytes => "rt::take_bytes".

(** [push_all o v] (a word's output text) appends a slice in one step; see [rt::push_all]. *)
Extract Inlined Constant OutBuf.push_all => "rt::push_all".

(** * Loops over byte strings with a fast path for slices *)
(** Each is a loop over the elements of a [list N] (two for [cmp_bytes]); the runtime function
    walks the lists the same way and, on reaching slices, finishes with one scan of their bytes:
    [M1Lex.has_nul] (a NUL in a token: one [memchr]), [ByteMap.cmp_bytes] (the order of two
    keys: their lengths, then one [memcmp]), [ByteMap.hash_from] (the key hash, with the checked N operations). *)
Extract Inlined Constant M1Lex.has_nul => "rt::has_nul".
Extract Inlined Constant ByteMap.cmp_bytes => "rt::cmp_bytes".
Extract Inlined Constant ByteMap.hash_from => "rt::hash_from".

(* BEGIN record fields *)
(** * The names of record fields *)
(** Coq's JSON names a record's constructor but not its projections. The printer names the
    fields of each record's C++ struct after its projections ([s.cs_pos], not [s.f1]) and reads
    them from the lemmas below (extracted/printer/fields.ml): each says that a record is its
    constructor applied to its projections in order, which Coq proves only when the names and
    their order are right. A record missing here keeps the fields [f0, f1, ...], and its struct
    says so. *)
Module Record_fields.
Import Hexproof.Spec.Hex2Lex Hexproof.Spec.Hex2Spec.

Lemma error_fields (r : error) :
  r = Common.mk_error (err_kind r) (err_file r) (err_offset r) (err_value r) (err_subject r).
Proof. destruct r; reflexivity. Qed.

Lemma hex2_config_fields (r : hex2_config) :
  r = Common.mk_hex2_config (h2_arch r) (h2_big_endian r) (h2_base_address r) (h2_byte_mode r).
Proof. destruct r; reflexivity. Qed.

Lemma m1_config_fields (r : m1_config) :
  r = Common.mk_m1_config (m1_arch r) (m1_big_endian r) (m1_byte_mode r).
Proof. destruct r; reflexivity. Qed.

Lemma lex_state_fields (r : Hex2Lex.lex_state) :
  r = Hex2Lex.mk_lex_state (ls_mode r) (ls_count r) (ls_hold r).
Proof. destruct r; reflexivity. Qed.

Lemma emit_state_fields (r : emit_state) :
  r = Hex2Spec.mk_emit_state (es_ip r) (es_aligned r) (es_sr r).
Proof. destruct r; reflexivity. Qed.

Lemma cst_fields (r : cst) :
  r = Hex2Exec.mk_cst (cs_mode r) (cs_pos r) (cs_wcount r) (cs_wacc r) (cs_kind r) (cs_start r)
        (cs_target r) (cs_bat r).
Proof. destruct r; reflexivity. Qed.

Lemma cres_fields (r : cres) :
  r = Hex2Exec.mk_cres (cr_state r) (cr_count r) (cr_hold r) (cr_len r) (cr_ev r) (cr_val r)
        (cr_tok r).
Proof. destruct r; reflexivity. Qed.

Lemma cstate_fields (r : cstate) :
  r = M1Exec.mk_cstate (c_any r) (c_ds r) (c_file r) (c_off r) (c_name r) (c_defs r) (c_fail r)
        (c_inval r) (c_out r) (c_last r).
Proof. destruct r; reflexivity. Qed.
Lemma quirk_use_fields (r : quirk_use) :
  r = Quirks.mk_use (use_quirk r) (use_file r) (use_offset r) (use_subject r) (use_other_file r)
        (use_other_offset r) (use_value r).
Proof. destruct r; reflexivity. Qed.

Lemma hcheck_fields (r : hcheck) :
  r = Hex2Check.mk_hcheck (hc_labels r) (hc_align r) (hc_w0 r) (hc_w1 r) (hc_w2 r) (hc_w3 r)
        (hc_uses r).
Proof. destruct r; reflexivity. Qed.

Lemma hscan_fields (r : hscan) :
  r = Hex2Check.mk_hscan (hs_uses r) (hs_tokens r) (hs_ok r).
Proof. destruct r; reflexivity. Qed.

Lemma mcheck_fields (r : mcheck) :
  r = M1Check.mk_mcheck (mc_quiet r) (mc_scan r) (mc_defs r) (mc_uses r) (mc_octal r).
Proof. destruct r; reflexivity. Qed.

Lemma mscan_fields (r : mscan) :
  r = M1Check.mk_mscan (ms_uses r) (ms_tokens r) (ms_ok r).
Proof. destruct r; reflexivity. Qed.

Lemma earliest_fields (r : earliest) :
  r = FirstUses.mk_earliest (ea_kept r) (ea_kept_count r) (ea_count r).
Proof. destruct r; reflexivity. Qed.

Lemma words_fields (r : words) :
  r = Hex2CheckFirst.mk_words (wd_0 r) (wd_1 r) (wd_2 r) (wd_3 r).
Proof. destruct r; reflexivity. Qed.

Lemma tokens_fields (r : tokens) :
  r = Hex2CheckFirst.mk_tokens (tk_state r) (tk_words r) (tk_uses r).
Proof. destruct r; reflexivity. Qed.

Lemma hscan_first_fields (r : hscan_first) :
  r = Hex2CheckFirst.mk_hscan_first (hf_bytes r) (hf_tokens r) (hf_ok r).
Proof. destruct r; reflexivity. Qed.

Lemma mres_fields (r : mres) :
  r = M1CheckFirst.mk_mres (mr_mode r) (mr_start r) (mr_quote r) (mr_tok r) (mr_len r) (mr_ok r)
        (mr_tokens r).
Proof. destruct r; reflexivity. Qed.

Lemma mscan_first_fields (r : mscan_first) :
  r = M1CheckFirst.mk_mscan_first (mf_bytes r) (mf_tokens r) (mf_uses r) (mf_ok r).
Proof. destruct r; reflexivity. Qed.

Lemma command_fields {C} (r : CommandLine.command C) :
  r = CommandLine.mk_command (CommandLine.cmd_config r) (CommandLine.cmd_inputs r)
        (CommandLine.cmd_output r) (CommandLine.cmd_executable r) (CommandLine.cmd_engine r)
        (CommandLine.cmd_max_output_bytes r) (CommandLine.cmd_strict r).
Proof. destruct r; reflexivity. Qed.

Lemma cli_result_fields {C} (r : CommandLine.cli_result C) :
  r = CommandLine.mk_cli_result (CommandLine.cli_steps r) (CommandLine.cli_end r).
Proof. destruct r; reflexivity. Qed.
End Record_fields.
(* END record fields *)

(** * Hexproof.Spec.CommandLine *)
(** Printed as it is, into its own header: the command lines of the drop-ins ([hex2_command_line],
    [m1_command_line]) are loops over the argument list; the option names are lists of byte
    values computed when CommandLine.v is compiled. *)

(** * The extraction list *)
Separate Extraction Hex2Exec.link_out M1Exec.assemble_out CommandLine.hex2_command_line
  CommandLine.m1_command_line CommandLine.max_input_bytes Hex2CheckFirst.check_first M1CheckFirst.check_first Quirks.quirk_name.
