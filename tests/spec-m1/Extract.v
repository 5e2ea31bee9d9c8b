(** * Extract: the M1 specification as OCaml, for the spec tests only. *)

(** Plain OCaml extraction of [M1Spec.assemble] and of M1's command line
    [CommandLine.m1_command_line], with N and Z as native OCaml integers (every
    value the specification computes fits easily). Only tests/spec-m1/m1_spec_main.ml uses it;
    the executable core is extracted elsewhere, through our own printer. *)

From Coq Require Import Extraction ExtrOcamlBasic ExtrOcamlZInt.
From Hexproof.Spec Require Import Common M1Spec CommandLine.

Extraction "m1spec.ml" M1Spec.assemble CommandLine.m1_command_line.
