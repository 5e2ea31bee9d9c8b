(** * Extract: the executable cores through Coq's own OCaml extraction, for the tests only. *)

(** The reference engine runs the cores [Hex2Exec.link] and [M1Exec.assemble] printed to C++ by our
    printer and realised by [runtime/reference/coq_runtime.hpp]. Here the same cores go through
    Coq's standard OCaml extraction with no directive for N, Z or positive: the OCaml computes with
    Coq's own binary numbers and definitions ([N.sub] truncating, [Z.div] rounding down, ...), so it
    shares neither the printer nor a runtime primitive with the C++. [ExtrOcamlBasic] only maps
    bool, list, option, prod and unit to OCaml's own, which have the same constructors.
    tests/extraction-agree-property.cpp compares the two on generated cases; core_main.ml also runs
    this extraction with the drop-ins' command line, on the corpus. [Strtoint.strtoint] (the spec's
    reader of [--base-address]) serves that command line. *)

From Coq Require Import Extraction ExtrOcamlBasic.
From Hexproof.Spec Require Import Strtoint.
From Hexproof.Proofs Require Import Hex2Exec M1Exec.

Extraction "cores.ml" Hex2Exec.link M1Exec.assemble Strtoint.strtoint.
