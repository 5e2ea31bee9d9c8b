#!/usr/bin/env bash
# long_input_test.sh BIN_DIR: both engines, M1 and hex2, on inputs of 10^7 tokens, with a 1 MiB
# stack (an eighth of the usual limit). Nothing may recurse once per token: a crash or a wrong
# size fails. The expected sizes are worked out by hand: M1 prints `a` (DEFINE'd to 00) as "00",
# 100 to a line joined by spaces; hex2 writes one byte per `00`.
set -euo pipefail
bin=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

line_a=$(printf 'a %.0s' {1..100})
line_00=$(printf '00 %.0s' {1..100})
{ echo 'DEFINE a 00'; for ((i = 0; i < 100000; i++)); do echo "$line_a"; done; } >"$work/t.M1"
{ echo ':start'; for ((i = 0; i < 100000; i++)); do echo "$line_00"; done; } >"$work/t.hex2"

status=0
for engine in fast reference; do
  # M1: every line is 100 times "00" with single spaces, then a newline: 300 bytes; the DEFINE
  # line becomes one newline at the start (upstream's line_macro).
  if (ulimit -s 1024 && "$bin/M1" --engine=$engine --architecture amd64 --little-endian -f "$work/t.M1" -o "$work/$engine.out"); then
    got=$(stat -c %s "$work/$engine.out")
    [ "$got" = $((1 + 100000 * 300)) ] || { echo "FAIL M1 $engine: $got bytes"; status=1; }
  else
    echo "FAIL M1 $engine: exit status $?"; status=1
  fi
  if (ulimit -s 1024 && "$bin/hex2" --engine=$engine --architecture amd64 --little-endian -f "$work/t.hex2" -o "$work/$engine.bin" 2>/dev/null); then
    got=$(stat -c %s "$work/$engine.bin")
    [ "$got" = 10000000 ] || { echo "FAIL hex2 $engine: $got bytes"; status=1; }
  else
    echo "FAIL hex2 $engine: exit status $?"; status=1
  fi
done
[ $status = 0 ] && echo "long inputs: 10^7 tokens, both engines, M1 and hex2, 1 MiB stack: ok"
exit $status
