#!/bin/bash
# ctest wrapper for the upstream corpus (../shared/corpus beside the repository): runs every case
# with our M1 and hex2 on the given engine. Exits 77 (ctest: skipped) when the corpus is absent.
set -u
bin=$(cd "$1" && pwd); engine=$2
here=$(cd "$(dirname "$0")" && pwd)
corpus=${HEXPROOF_CORPUS:-$here/../../shared/corpus}
if [ ! -f "$corpus/run_corpus.sh" ]; then
  echo "SKIP: no upstream corpus at $corpus (a plain clone has none; CI has ../shared/corpus)"
  exit 77
fi
wrappers=$(mktemp -d); trap 'rm -rf "$wrappers"' EXIT
printf '#!/bin/sh\nexec "%s/M1" --engine=%s "$@"\n' "$bin" "$engine" > "$wrappers/M1"
printf '#!/bin/sh\nexec "%s/hex2" --engine=%s "$@"\n' "$bin" "$engine" > "$wrappers/hex2"
chmod +x "$wrappers/M1" "$wrappers/hex2"
bash "$corpus/run_corpus.sh" "$wrappers/M1" "$wrappers/hex2" "${3:-*/*}"
