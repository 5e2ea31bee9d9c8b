#!/bin/bash
# make proofs: builds every Coq theory, rejects unproved or assumed statements in spec/ and
# proofs/, checks that each main theorem (proofs/main_theorems.txt) depends on no axiom, that the
# bounds inventory names every operation of the generated C++ able to stop the reference engine,
# and that the committed generated C++ is exactly what the printer makes from the current Coq.
set -eu
cd "$(dirname "$0")/.."
fail() { echo "make proofs: FAILED: $*" >&2; exit 1; }

echo "== building the Coq theories (dune build)"
dune build 2>&1 || fail "dune build"

echo "== looking for unproved or assumed statements"
if hits=$(grep -rnwE 'Admitted|admit|Axiom|Axioms|Parameter|Parameters|Abort|Conjecture|Hypothesis|Variable|Variables' \
            --include='*.v' spec proofs); then
  echo "$hits"
  fail "spec/ and proofs/ must not contain Admitted, admit, Axiom, Parameter, Abort or section variables"
fi

echo "== Print Assumptions of the main theorems"
check=$(mktemp -d); trap 'rm -rf "$check"' EXIT
{
  while read -r module theorem; do
    case "$module" in ''|\#*) continue ;; esac
    echo "From Hexproof.${module%%.*} Require ${module#*.}."
    echo "Print Assumptions ${module#*.}.$theorem."
  done < proofs/main_theorems.txt
} > "$check/Assumptions.v"
coqc -q -R _build/default/spec Hexproof.Spec -R _build/default/proofs Hexproof.Proofs \
     "$check/Assumptions.v" > "$check/actual.txt" 2>&1 || { cat "$check/actual.txt"; fail "coqc Assumptions.v"; }
count=$(grep -cvE '^\s*(#|$)' proofs/main_theorems.txt)
closed=$(grep -c '^Closed under the global context$' "$check/actual.txt" || true)
if [ "$count" != "$closed" ] || grep -qvE '^Closed under the global context$' "$check/actual.txt"; then
  cat "$check/actual.txt"
  fail "some main theorem is not closed under the global context"
fi
echo "$closed main theorems closed under the global context"

echo "== the bounds inventory (proofs/bounds_inventory.txt) against extracted/gen"
if ! inventory=$(diff <(grep -v '^#' proofs/bounds_inventory.txt | awk '{print $1, $2}') \
                      <(scripts/bounds-inventory.sh extracted/gen)); then
  echo "$inventory"
  fail "proofs/bounds_inventory.txt does not list what the generated C++ computes (> lines are new): say which bounds predicate states each, and prove it"
fi

if [ -x extracted/regen.sh ]; then
  echo "== regenerating the extracted C++ and comparing with the committed copy"
  extracted/regen.sh "$check/gen" >/dev/null || fail "extracted/regen.sh"
  diff -r extracted/gen "$check/gen" || fail "extracted/gen differs from a fresh extraction: run extracted/regen.sh extracted/gen and commit"
fi
echo "make proofs: OK"
