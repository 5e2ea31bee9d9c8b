#!/bin/bash
# bounds-inventory.sh [GEN_DIR]: every function of the generated C++ (extracted/gen) that calls a
# runtime primitive able to stop the reference engine on a value (an N or Z result outside 64
# bits, a negative shift or a Z left shift by more than 63, a byte above 255), one line per
# function: its Coq name and the primitives, sorted. `make proofs` compares this with the first
# two columns of proofs/bounds_inventory.txt, which names the predicate of the bounds proofs
# stating each one.
set -eu
gen=${1:-$(dirname "$0")/../extracted/gen}
risky='n_add|n_mul|n_pow|n_succ|n_shiftl|z_add|z_sub|z_mul|z_div|z_pow|z_opp|z_abs|z_succ|z_pred|z_shiftl|z_shiftr|z_of_n|out_push|out_repeat|push_all|hash_from|string_of'
awk -v risky="rt::($risky)\\\\(" '
  /^\/\/ Coq: / { fn = $3 }
  { line = $0
    while (match(line, risky)) {
      op = substr(line, RSTART + 4, RLENGTH - 5); seen[fn, op] = 1; fns[fn] = 1
      line = substr(line, RSTART + RLENGTH) } }
  END { for (f in fns) { ops = ""
          for (k in seen) { split(k, p, SUBSEP); if (p[1] == f) ops = ops (ops == "" ? "" : ",") p[2] }
          print f, ops } }' "$gen"/*.hpp |
  while read -r f ops; do echo "$f $(tr , '\n' <<< "$ops" | LC_ALL=C sort | paste -sd,)"; done | LC_ALL=C sort
