#!/bin/bash
# usage: tests/strict_corpus.sh [--agree] BIN_DIR [CORPUS_DIR] [CASE_GLOB]
# The strict checkers on the M1 and hex2 steps of every corpus case (docs/strict.md): each case
# runs in a scratch copy, its cmd.txt calling strict-scan before the drop-in for each step (the
# drop-in makes the files the next step reads). Prints one line a case, "clean" or the quirks
# its steps use with their counts, then a summary. BIN_DIR holds strict-scan, M1 and hex2.
# With --agree, each step runs `strict-scan --agree` instead (the fast engine's checker against
# the extracted one, keeping 100, 1 and 3 uses): one line a step that differs, a summary, and
# status 1 when one does (ctest strict-corpus-agree).
set -u
agree=no
if [ "${1:-}" = --agree ]; then agree=yes; shift; fi
bin=$(readlink -f "${1:?usage: strict_corpus.sh BIN_DIR [CORPUS_DIR] [CASE_GLOB]}")
corpus=$(readlink -f "${2:-$(dirname "$0")/../../shared/corpus}")
[ -d "$corpus" ] || { echo "no corpus at $corpus"; exit 77; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
clean=0; unclean=0; total=0
declare -A quirk_cases
for d in "$corpus"/${3:-*/*}; do
  [ -f "$d/cmd.txt" ] || continue
  total=$((total + 1))
  name=${d#"$corpus"/}
  rm -rf "$work/case" && mkdir -p "$work/case" && cp -r "$d/." "$work/case/" && mkdir -p "$work/case/out"
  uses="$work/uses"; : > "$uses"
  if [ $agree = yes ]; then
    (
      cd "$work/case" || exit 2
      check() {
        "$bin/strict-scan" --agree "$@" > "$work/said" 2>&1
        case $? in
          0) echo same >> "$uses" ;;
          *) echo "$name: $1 $*: $(cat "$work/said")" >> "$uses" ;;
        esac
      }
      M1()   { check M1 "$@"; "$bin/M1" "$@"; }
      HEX2() { check hex2 "$@"; "$bin/hex2" "$@"; }
      . ./cmd.txt
    ) > /dev/null 2>&1
    steps=$((${steps:-0} + $(wc -l < "$uses")))
    grep -v '^same$' "$uses" && differ=$((${differ:-0} + 1))
    continue
  fi
  (
    cd "$work/case" || exit 2
    M1()   { "$bin/strict-scan" M1 "$@" >> "$uses"; "$bin/M1" "$@"; }
    HEX2() { "$bin/strict-scan" hex2 "$@" >> "$uses"; "$bin/hex2" "$@"; }
    . ./cmd.txt
  ) > /dev/null 2>&1
  if [ -s "$uses" ]; then
    unclean=$((unclean + 1))
    summary=$(sed -E 's/^[^:]*:[0-9]+: ([a-z0-9-]+):.*/\1/' "$uses" | sort | uniq -c |
              awk '{printf "%s%s x%s", sep, $2, $1; sep=", "}')
    echo "$name: $summary"
    for q in $(sed -E 's/^[^:]*:[0-9]+: ([a-z0-9-]+):.*/\1/' "$uses" | sort -u); do
      quirk_cases[$q]="${quirk_cases[$q]:-} $name"
    done
  else
    clean=$((clean + 1))
    echo "$name: clean"
  fi
done
if [ $agree = yes ]; then
  echo "${steps:-0} steps of $total cases checked, ${differ:-0} cases where the checkers differ"
  [ "${steps:-0}" -gt 0 ] && [ "${differ:-0}" = 0 ]; exit
fi
echo "$clean of $total cases strict-clean, $unclean use quirks"
for q in "${!quirk_cases[@]}"; do
  n=$(wc -w <<< "${quirk_cases[$q]}")
  echo "$q: $n cases"
done | sort
