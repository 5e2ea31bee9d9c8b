(** * Extract: the hex2 specification as OCaml, for the spec tests only. *)

(** Plain OCaml extraction of [Hex2Spec.link] and of hex2's command line
    [CommandLine.hex2_command_line] (which reads [--base-address] with [Strtoint.strtoint]), with
    N and Z as native OCaml integers: every value the specification computes is below 2^40. Only tests/spec-hex2/hex2_spec_main.ml uses it; the executable core
    is extracted elsewhere, through our own printer. *)

From Coq Require Import Extraction ExtrOcamlBasic ExtrOcamlZInt.
From Hexproof.Spec Require Import Common Hex2Spec CommandLine.

Extraction "hex2spec.ml" Hex2Spec.link CommandLine.hex2_command_line.
