#!/bin/bash
# run_hex2_spec_tests.sh: test the hex2 specification (extracted to OCaml) against upstream.
#
# 1. tests/hex2-cases/NAME.hex2 (+ NAME.2.hex2, ...) with the flags on the first line of NAME.cmd:
#    - NAME.expect: the output of upstream hex2 1.7.0 (xxd -p); the spec must write exactly it;
#    - NAME.err: a hand-computed error line "error KIND file=F offset=O value=V subject=S"; the
#      spec must print exactly it, and upstream must reject the input;
#    - live peers: /tmp/mt17/hex2-1.7 (upstream 1.7.0; $HEX2_UPSTREAM_17) when present, and
#      Debian's /usr/bin/hex2 (1.4.0; $HEX2_UPSTREAM_14) unless NAME.cmd says
#      "# differs-in-1.4.0" (no current case does); cases marked "# upstream-undefined" are
#      never given to upstream (it loops or reads stale memory there).
# 2. ../shared/corpus (relative to the repository root), when present: its hex2-only cases,
#    with the spec standing in for HEX2. HEX2_SPEC_FULL=1 adds every case that runs M1 first
#    (M1 from $HEX2_SPEC_M1, else /tmp/mt17/M1-1.7, else Debian's M1 1.4.0, skipping its known
#    1.4/1.7 difference); the spec needs a few minutes for the large M0stage cases.
#
# Prints one line per failure and ends with "N passed, N failed"; exits 1 on any failure.
# usage: tests/spec/run_hex2_spec_tests.sh [path/to/hex2_spec_main.exe]
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
spec=${1:-$root/_build/default/tests/spec-hex2/hex2_spec_main.exe}
if [ ! -x "$spec" ]; then
  (cd "$root" && dune build ./tests/spec-hex2/hex2_spec_main.exe) || { echo "cannot build $spec"; exit 2; }
fi
spec=$(readlink -f "$spec")
ulimit -s unlimited 2>/dev/null || ulimit -s 1000000 2>/dev/null
cases=$root/tests/hex2-cases
up17=${HEX2_UPSTREAM_17:-/tmp/mt17/hex2-1.7}
up14=${HEX2_UPSTREAM_14:-/usr/bin/hex2}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
pass=0; fail=0
ok()  { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }

# run BINARY FLAGS... : output in $work/out (hex), exit status in $rc, stderr in $work/err
run() {
  local bin=$1; shift
  rm -f "$work/o"
  timeout 60 "$bin" "$@" -o "$work/o" 2>"$work/err" >/dev/null; rc=$?
  if [ -f "$work/o" ]; then xxd -p "$work/o" >"$work/out"; else : >"$work/out"; fi
}

for cmd in "$cases"/*.cmd; do
  name=$(basename "$cmd" .cmd)
  flags=$(grep -v '^#' "$cmd" | head -1)
  files=(-f "$cases/$name.hex2")
  for f in $(ls "$cases/$name".[0-9]*.hex2 2>/dev/null | sort -V); do files+=(-f "$f"); done
  undefined=no; grep -q '^# upstream-undefined' "$cmd" && undefined=yes
  v14=yes; grep -q '^# differs-in-1.4.0' "$cmd" && v14=no
  # shellcheck disable=SC2086
  run "$spec" $flags "${files[@]}"
  spec_rc=$rc; cp "$work/out" "$work/spec_out"; spec_err=$(grep '^error ' "$work/err" | head -1)
  if [ -f "$cases/$name.err" ]; then
    if [ "$spec_rc" = 1 ] && [ "$spec_err" = "$(cat "$cases/$name.err")" ]; then ok
    else bad "$name: spec gave rc=$spec_rc '$spec_err', expected '$(cat "$cases/$name.err")'"; fi
  else
    if [ "$spec_rc" = 0 ] && cmp -s "$work/spec_out" "$cases/$name.expect"; then ok
    else bad "$name: spec output (rc=$spec_rc $spec_err) differs from $name.expect"; fi
  fi
  [ $undefined = yes ] && continue
  for peer in "$up17" "$up14"; do
    [ -x "$peer" ] || continue
    [ "$peer" = "$up14" ] && [ $v14 = no ] && continue
    # shellcheck disable=SC2086
    run "$peer" $flags "${files[@]}"
    if [ -f "$cases/$name.err" ]; then
      if [ "$rc" != 0 ]; then ok; else bad "$name: $peer accepts, spec rejects"; fi
    else
      if [ "$rc" = 0 ] && cmp -s "$work/out" "$work/spec_out"; then ok
      else bad "$name: $peer (rc=$rc) and spec differ"; fi
    fi
  done
done

corpus=$root/../shared/corpus
if [ -d "$corpus" ]; then
  m1=/bin/false; m1_14=no
  if [ -n "${HEX2_SPEC_M1:-}" ]; then m1=$HEX2_SPEC_M1; "$m1" --version 2>&1 | grep -q '1\.4' && m1_14=yes
  elif [ -x /tmp/mt17/M1-1.7 ]; then m1=/tmp/mt17/M1-1.7
  elif [ -x /usr/bin/M1 ]; then m1=/usr/bin/M1; m1_14=yes; fi
  for cmdtxt in "$corpus"/*/*/cmd.txt; do
    dir=$(dirname "$cmdtxt"); name=${dir#"$corpus"/}
    if grep -q '^M1' "$cmdtxt"; then
      [ "${HEX2_SPEC_FULL:-0}" = 1 ] && [ "$m1" != /bin/false ] || continue
      [ "$m1_14" = yes ] && [ "$name" = knight-native/mt-test8 ] && continue
    fi
    line=$("$corpus/run_case.sh" "$m1" "$spec" "$dir" 2>&1 | tail -1)
    case $line in PASS*) ok ;; *) bad "corpus $line" ;; esac
  done
fi

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
