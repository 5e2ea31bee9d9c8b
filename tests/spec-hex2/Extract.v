(** * Extract: the hex2 specification as OCaml, for the spec tests only. *)

(** Plain OCaml extraction of [Hex2Spec.link] (and [Strtoint.strtoint], which reads
    [--base-address]), with N and Z as native OCaml integers: every value the specification
    computes is below 2^40. Only tests/spec-hex2/hex2_spec_main.ml uses it; the executable core
    is extracted elsewhere, through our own printer. *)

From Coq Require Import Extraction ExtrOcamlBasic ExtrOcamlZInt.
From Hexproof.Spec Require Import Common Strtoint Hex2Spec.

Extraction "hex2spec.ml" Hex2Spec.link Strtoint.strtoint.
