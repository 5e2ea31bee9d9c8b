#!/bin/bash
# run_m1_spec_tests.sh: test the M1 specification (spec/M1*.v, extracted to OCaml in
# tests/spec-m1/) against upstream's answers.
#
# 1. Hand-written cases tests/m1-cases/NAME.M1 with NAME.cmd. NAME.cmd holds lines
#      flags: M1 flags (default none: knight, big endian, hex)
#      files: input files, relative to tests/m1-cases (default NAME.M1)
#      peer: yes   when Debian's M1 1.4.0 behaves like 1.7.0 on this case
#    and the expected answer is NAME.expect (the output, bytes, as upstream 1.7.0 prints it) or
#    NAME.error (one line "KIND FILE OFFSET VALUE SUBJECT", computed by hand from docs/contract.md).
#    With peer: yes, /usr/bin/M1 (when installed) must give the same output, or also fail.
# 2. The corpus ../shared/corpus (skipped when absent): every case whose cmd.txt runs M1 into a
#    file listed in expected/SHA256SUMS, when its M1 inputs total at most M1_SPEC_MAX_BYTES
#    (default 1000000; the specification is written to be read, not to be fast).
# Prints "N passed, N failed" and exits non-zero on any failure.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cases="$root/tests/m1-cases"
corpus="$root/../shared/corpus"
max_bytes=${M1_SPEC_MAX_BYTES:-1000000}
ulimit -s unlimited 2>/dev/null || ulimit -s 1000000 2>/dev/null || true

(cd "$root" && dune build ./tests/spec-m1/m1_spec_main.exe) || { echo "build failed"; exit 2; }
spec="$root/_build/default/tests/spec-m1/m1_spec_main.exe"
peer=/usr/bin/M1
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
pass=0; fail=0
ok()  { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }

field() { sed -n "s/^$1:[[:space:]]*//p" "$2" | head -n1; }

# 1. hand-written cases
for m1 in "$cases"/*.cmd; do
  [ -e "$m1" ] || continue
  name=$(basename "$m1" .cmd)
  flags=$(field flags "$m1"); files=$(field files "$m1"); [ -n "$files" ] || files="$name.M1"
  fargs=(); for f in $files; do fargs+=(-f "$f"); done
  (cd "$cases" && "$spec" $flags "${fargs[@]}") > "$work/out" 2>"$work/err"; rc=$?
  if [ -f "$cases/$name.expect" ]; then
    if [ $rc -ne 0 ] || ! cmp -s "$work/out" "$cases/$name.expect"; then
      bad "$name: output differs: $(head -c 200 "$work/out")"; continue
    fi
  elif [ -f "$cases/$name.error" ]; then
    read -r kind file off value subject < "$cases/$name.error"
    want="error $kind file=$file offset=$off value=$value subject=${subject:-}"
    got=$(cat "$work/out")
    if [ $rc -ne 1 ] || [ "$got" != "$want" ]; then bad "$name: got '$got', want '$want'"; continue; fi
  else
    bad "$name: no .expect or .error"; continue
  fi
  ok
  if [ "$(field peer "$m1")" = yes ] && [ -x "$peer" ]; then
    (cd "$cases" && "$peer" $flags "${fargs[@]}") > "$work/peer" 2>/dev/null; prc=$?
    if [ -f "$cases/$name.expect" ]; then
      if [ $prc -eq 0 ] && cmp -s "$work/peer" "$cases/$name.expect"; then ok
      else bad "$name: M1 1.4.0 differs"; fi
    else
      if [ $prc -ne 0 ]; then ok; else bad "$name: M1 1.4.0 accepts"; fi
    fi
  fi
done

# 2. the corpus
if [ -d "$corpus" ]; then
  for dir in "$corpus"/*/*/; do
    dir=${dir%/}; name=${dir#"$corpus"/}
    [ -f "$dir/cmd.txt" ] && [ -f "$dir/expected/SHA256SUMS" ] || continue
    [ -f "$dir/expected/rc" ] && continue
    grep -q '^M1 ' "$dir/cmd.txt" || continue
    # the outputs M1 writes, and the size of its inputs
    outs=$(grep '^M1 ' "$dir/cmd.txt" | grep -o -E '(-o|--output|>>?) *out/[^ ]+' | sed -E 's/^(-o|--output|>>?) *out\///' | sort -u)
    ins=$(grep '^M1 ' "$dir/cmd.txt" | grep -o -E '(-f|--file) +[^ ]+' | awk '{print $2}' | sort -u)
    size=0; for f in $ins; do [ -f "$dir/$f" ] && size=$((size + $(stat -c %s "$dir/$f"))); done
    [ "$size" -le "$max_bytes" ] || continue
    checked=0
    rm -rf "$work/case"; cp -r "$dir/." "$work/case/" 2>/dev/null || { mkdir -p "$work/case"; cp -r "$dir/." "$work/case/"; }
    mkdir -p "$work/case/out"
    ( cd "$work/case" && M1() { "$spec" "$@"; } && HEX2() { :; } && set -e &&
      grep -v '^HEX2 ' cmd.txt > .m1only && . ./.m1only ) >/dev/null 2>&1
    for o in $outs; do
      want=$(awk -v f="$o" '$2 == f {print $1}' "$dir/expected/SHA256SUMS")
      [ -n "$want" ] || continue
      checked=1
      got=$(sha256sum "$work/case/out/$o" 2>/dev/null | cut -d' ' -f1)
      if [ "$got" = "$want" ]; then ok; else bad "corpus $name: out/$o differs"; fi
    done
  done
else
  echo "note: $corpus absent, corpus cases skipped"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
