#!/bin/bash
# strict_cli_test.sh BIN_DIR: --strict and --strict=warn of the drop-ins, both engines. The
# expected lines are worked out by hand from docs/strict.md (the quirk, its place as
# file:line:column); --strict must exit 1 and leave the -o file untouched; --strict=warn must
# write exactly what the run without it writes, and exit 0.
set -u
bin=$(cd "$1" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
fail=0
# expect TOOL "EXPECTED LINES" ARGS...: each engine's --strict prints EXPECTED LINES (the part of
# each line up to the quirk name), exits 1, leaves out untouched; --strict=warn writes the compat output.
expect() {
  local tool=$1 want=$2; shift 2
  for engine in reference fast; do
    echo keep > out
    "$bin/$tool" --engine=$engine --strict "$@" -o out 2> err; rc=$?
    got=$(sed -n 's/^\([^ ]*: error: strict: [a-z-]*\):.*/\1/p' err)
    if [ $rc != 1 ] || [ "$got" != "$want" ] || [ "$(cat out)" != keep ]; then
      echo "FAIL: $tool $* ($engine): rc $rc, got:"; echo "$got"; echo "wanted:"; echo "$want"; fail=1
    fi
    "$bin/$tool" --engine=$engine "$@" -o plain 2>/dev/null; rc_plain=$?
    "$bin/$tool" --engine=$engine --strict=warn "$@" -o warned 2> warn; rc_warn=$?
    if [ $rc_warn != $rc_plain ] || ! cmp -s plain warned || \
       [ "$(sed -n 's/^\([^ ]*: warning: strict: [a-z-]*\):.*/\1/p' warn | sed 's/warning/error/')" != "$want" ]; then
      echo "FAIL: $tool --strict=warn $* ($engine)"; fail=1
    fi
  done
}
printf ':a 11 :a 22 !a\n' > dup.hex2
expect hex2 "dup.hex2:1:7: error: strict: duplicate-label" -f dup.hex2
printf '4 # c\n8\n' > split.hex2
# Each byte of other text met while a digit waits is a use: the space and the `#`.
expect hex2 "split.hex2:1:2: error: strict: split-byte
split.hex2:1:3: error: strict: split-byte" -f split.hex2
printf '11 4' > nib1.hex2; printf '8 22\n' > nib2.hex2
# File 1 ends with `4` waiting; in file 2 the space after `8` and the line end after the
# second `2` split bytes, and file 2 ends with that `2` waiting.
expect hex2 "nib1.hex2:1:5: error: strict: nibble-across-files
nib2.hex2:1:2: error: strict: split-byte
nib2.hex2:1:5: error: strict: split-byte
nib2.hex2:2:1: error: strict: nibble-across-files" -f nib1.hex2 -f nib2.hex2
printf ':a#b 11 &a#b\n' > hash.hex2
expect hex2 "hash.hex2:1:3: error: strict: comment-char-in-token
hash.hex2:1:11: error: strict: comment-char-in-token" -f hash.hex2
printf 'DEFINE a 11 DEFINE a 22 a\n' > def.M1
expect M1 "def.M1:1:13: error: strict: duplicate-define" -f def.M1
printf '!256\n' > range.M1
expect M1 "range.M1:1:1: error: strict: off-by-one-range" -f range.M1
printf 'a DEFINE a 11 a\n' > early.M1
expect M1 "early.M1:1:1: error: strict: use-before-define" -f early.M1
# A strict-clean program: no line, exit 0, the same output as without --strict.
printf ':a 11 22 !a\n' > clean.hex2
for engine in reference fast; do
  "$bin/hex2" --engine=$engine --strict -f clean.hex2 -o strict 2> err || { echo "FAIL: clean ($engine)"; fail=1; }
  "$bin/hex2" --engine=$engine -f clean.hex2 -o plain
  { [ -s err ] || ! cmp -s strict plain; } && { echo "FAIL: clean output ($engine)"; fail=1; }
done
# hex2 -A with an unknown name: refused under --strict.
"$bin/hex2" --strict -A bogus -f clean.hex2 -o out 2> err && { echo "FAIL: -A bogus accepted"; fail=1; }
grep -q "error: strict: unknown-architecture" err || { echo "FAIL: -A bogus not named"; fail=1; }
# More than 100 uses: 100 lines, then how many more.
for i in $(seq 150); do printf ':a\n'; done > many.hex2
"$bin/hex2" --strict -f many.hex2 -o out 2> err
[ "$(grep -c 'duplicate-label' err)" = 100 ] && grep -q '^error: strict: 49 more uses of quirks not shown$' err ||
  { echo "FAIL: many uses"; fail=1; }
[ $fail = 0 ] && echo "strict_cli_test: OK"
exit $fail
