#!/usr/bin/env bash
# padding_test.sh BIN_DIR: the reference M1 on huge `<N` paddings, in 256 MB of address space. A
# valid program's padding is streamed (`<2000000000` is 4e9 zero digits, two a byte, then the
# newline, to a pipe, with the output limit raised past it); under the default limit (1 GiB) the
# same program is refused before a byte is written; an error after or before a huge padding is
# reported, nothing is written.
set -euo pipefail
bin=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
limit() { ulimit -v 262144 && "$@"; }

printf '<2000000000\n' >"$work/big.M1"
got=$( (limit "$bin/M1" --engine=reference --architecture amd64 --little-endian --max-output-bytes=4000000001 \
         -f "$work/big.M1" -o /dev/stdout || true) | wc -c)
[ "$got" = 4000000001 ] || { echo "FAIL <2000000000: $got bytes"; status=1; }
got=$( (limit "$bin/M1" --engine=reference --architecture amd64 --little-endian -f "$work/big.M1" -o /dev/stdout \
         2>"$work/err" && echo accepted || true) | wc -c)
[ "$got" = 0 ] || { echo "FAIL <2000000000 under the default limit: $got bytes"; status=1; }
grep -q 'the output is larger than the limit of 1073741824 bytes' "$work/err" ||
  { echo "FAIL <2000000000 under the default limit: $(cat "$work/err")"; status=1; }

for text in '<-4\n<99999999999\n' '<99999999999\n<-4\n'; do
  printf "$text" >"$work/bad.M1"
  if (limit "$bin/M1" --engine=reference --architecture amd64 --little-endian -f "$work/bad.M1" -o "$work/bad.out") 2>"$work/err"; then
    echo "FAIL $text: accepted"; status=1
  fi
  grep -q 'negative null padding not possible (<-4)' "$work/err" || { echo "FAIL $text: $(cat "$work/err")"; status=1; }
  [ ! -e "$work/bad.out" ] || { echo "FAIL $text: an output file was written"; status=1; }
done
[ $status = 0 ] && echo "padding: 4e9 digits streamed in 256 MB, errors before any output: ok"
exit $status
