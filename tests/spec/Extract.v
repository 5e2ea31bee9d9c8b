(** * Extract: the hex2 and M1 specifications as OCaml, for the spec tests only. *)

(** Plain OCaml extraction of [Hex2Spec.link], [M1Spec.assemble], the same under any resolutions
    of the quirks ([Hex2Spec.link_with], [M1Spec.assemble_with]) and the drop-ins' command lines
    [CommandLine.hex2_command_line] and [CommandLine.m1_command_line] (hex2's reads
    [--base-address] with [Strtoint.strtoint]), with N and Z as native OCaml integers: every value
    the specification computes is below 2^40. Only tests/spec/spec_main.ml uses it; the executable
    cores are extracted elsewhere, through our own printer. *)

From Coq Require Import Extraction ExtrOcamlBasic ExtrOcamlZInt.
From Hexproof.Spec Require Import Common Hex2Spec M1Spec CommandLine.

Extraction "spec.ml" Hex2Spec.link M1Spec.assemble Hex2Spec.link_with M1Spec.assemble_with
  CommandLine.hex2_command_line CommandLine.m1_command_line.
