#!/bin/bash
# ctest wrapper for the upstream corpus (../shared/corpus beside the repository): runs every case
# with M1 and hex2 standing for one of
#   fast, reference  our drop-ins (BIN/M1, BIN/hex2) with --engine=ENGINE;
#   spec             the Coq specification extracted to OCaml (tests/spec);
#   core-ml          the executable cores extracted by Coq's OCaml extraction (tests/extraction),
# the OCaml ones as built by dune in _build (`make test` builds them first). The specification
# is written to be read, not to be fast (the largest cases take minutes): for it, cases whose
# input files total more than HEXPROOF_CORPUS_MAX_BYTES (default 1000000; 0: no limit, as in
# `make check-long`) are left out and counted. Exits 77 (ctest: skipped) when the corpus is absent.
# usage: run_corpus_ctest.sh BIN ENGINE [CASE_GLOB]
set -u
bin=$(cd "$1" && pwd); engine=$2; max_bytes=0
here=$(cd "$(dirname "$0")" && pwd)
ml=$here/../_build/default/tests
corpus=${HEXPROOF_CORPUS:-$here/../../shared/corpus}
if [ ! -f "$corpus/run_corpus.sh" ]; then
  echo "SKIP: no upstream corpus at $corpus (a plain clone has none; CI has ../shared/corpus)"
  exit 77
fi
case $engine in
  fast|reference) m1=("$bin/M1" --engine="$engine"); hex2=("$bin/hex2" --engine="$engine") ;;
  spec) m1=("$ml/spec/spec_main.exe" M1); hex2=("$ml/spec/spec_main.exe" hex2)
        max_bytes=${HEXPROOF_CORPUS_MAX_BYTES:-1000000}
        ulimit -s unlimited 2>/dev/null || ulimit -s 1000000 ;;  # the spec recurses per token
  core-ml) m1=("$ml/extraction/core_main.exe" M1); hex2=("$ml/extraction/core_main.exe" hex2) ;;
  *) echo "unknown engine $engine"; exit 2 ;;
esac
for tool in "${m1[0]}" "${hex2[0]}"; do
  [ -x "$tool" ] || { echo "$tool is missing (make test builds it)"; exit 1; }
done
wrappers=$(mktemp -d); trap 'rm -rf "$wrappers"' EXIT
printf '#!/bin/bash\nexec %s "$@"\n' "$(printf '%q ' "${m1[@]}")" > "$wrappers/M1"
printf '#!/bin/bash\nexec %s "$@"\n' "$(printf '%q ' "${hex2[@]}")" > "$wrappers/hex2"
chmod +x "$wrappers/M1" "$wrappers/hex2"
pass=0; fail=0; left_out=0
for d in "$corpus"/${3:-*/*}; do
  [ -f "$d/cmd.txt" ] || continue
  if [ "$max_bytes" != 0 ] &&
     [ "$(find "$d" -maxdepth 1 -type f ! -name cmd.txt -printf '%s\n' | awk '{s += $1} END {print s + 0}')" -gt "$max_bytes" ]; then
    left_out=$((left_out + 1)); continue
  fi
  if bash "$corpus/run_case.sh" "$wrappers/M1" "$wrappers/hex2" "$d"; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
echo "$engine: $pass passed, $fail failed$([ $left_out = 0 ] || echo ", $left_out left out (inputs over $max_bytes bytes)")"
[ $fail = 0 ] && [ $pass != 0 ]
