#!/bin/bash
# regen.sh OUTDIR: regenerates the C++ printed from the Coq core into OUTDIR.
#
# extracted/gen is the committed copy (`extracted/regen.sh extracted/gen` after changing the core);
# `make proofs` runs this into a temporary directory and compares. Steps: dune builds the Coq
# theories, Extract.v's MiniML JSON (extracted/extraction.json) and the printer; the printer then
# writes one header per project module that the extraction contains, naming record fields after
# the record fields lemmas of Extract.v. Deterministic: the same Coq sources give byte-identical
# headers.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: extracted/regen.sh OUTDIR" >&2; exit 2; }
out=$1
mkdir -p "$out"
out=$(cd "$out" && pwd)
cd "$(dirname "$0")/.."
dune build extracted/extraction.json extracted/printer/hexproof_printer.exe
modules=()
for dir in spec:Hexproof.Spec proofs:Hexproof.Proofs; do
  for f in $(cd "${dir%%:*}" && LC_ALL=C ls *.v); do
    modules+=(--module "${dir#*:}.${f%.v}")
  done
done
rm -f "$out"/*.hpp
_build/default/extracted/printer/hexproof_printer.exe "${modules[@]}" --fields extracted/Extract.v --out "$out" \
  _build/default/extracted/extraction.json
echo "regen.sh: wrote $(ls "$out"/*.hpp | wc -l) headers to $out"
