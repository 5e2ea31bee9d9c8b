#!/bin/bash
# The extracted strict checkers (strict-scan, extracted/gen/hex2_check.hpp and m1_check.hpp) on
# the examples of docs/strict.md: each use where spec/Hex2Strict.v and spec/M1Strict.v place it.
# The proofs say the Coq checkers list exactly those uses; this checks the printed C++ and the
# runtime under them. Expected lines are computed by hand from the specification (offsets count
# from 0; the other place is the first definition, the DEFINE, the base name or the start of the
# name or atom a byte is in); strict-scan prints FILE:OFFSET: QUIRK: SUBJECT [other F:O] [value N].
set -u
scan=$(cd "$1" && pwd)/strict-scan
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT; cd "$work"
pass=0; fail=0
# expect NAME EXPECTED -- ARGS...: strict-scan ARGS exits 0 and prints EXPECTED (lines).
expect() {
  local name=$1 want=$2; shift 3
  local got; got=$("$scan" "$@" 2>&1); local rc=$?
  if [ "$rc" = 0 ] && [ "$got" = "$want" ]; then pass=$((pass+1)); return; fi
  fail=$((fail+1)); echo "FAIL: $name (exit $rc)"; echo " expected: $want"; echo " got:      $got"
}

# hex2
printf ':a 11\n:a 22\n!a\n' > dl; expect duplicate-label 'dl:6: duplicate-label: a [other dl:0]' -- hex2 -A amd64 -f dl
# Each byte between the two digits of a byte outside a comment: the blank and the # after 4.
printf '4 # c\n8\n' > sb; expect split-byte 'sb:1: split-byte: 
sb:2: split-byte: ' -- hex2 -A amd64 -f sb
# The end of a file (its length) with a digit pending: no other quirk, no blank before it.
printf '11 4' > nb; printf '81\n' > nb2
expect nibble-across-files 'nb:4: nibble-across-files: ' -- hex2 -A amd64 -f nb -f nb2
# &a>b: the reference at 6 with its base name at 9; the second > (10) ends the base name.
printf ':a\n:b\n&a>b>q\n' > mb
expect absolute-with-base+misplaced-base 'mb:6: absolute-with-base: a [other mb:9]
mb:10: misplaced-base:  [other mb:6]' -- hex2 -A amd64 -f mb
printf ':a\n^ &a\n' > al; expect align-on-absolute 'al:5: align-on-absolute: a' -- hex2 -A aarch64 -f al
expect align-not-read '' -- hex2 -A amd64 -f al
printf '.13000000\n' > rg; printf '00000000\n' > rg2
expect register-across-files 'rg:0: register-across-files: ' -- hex2 -A riscv64 -f rg -f rg2
expect register-last-file '' -- hex2 -A riscv64 -f rg2 -f rg
# The words pending at the end of rb (offsets 3 and 12) go between its duplicate labels (6, 9):
# the merge of the two kinds of uses keeps the input order.
printf ':b\n!a :b :b !c\n' > rb
expect register-between-labels 'rb:3: register-across-files: a
rb:6: duplicate-label: b [other rb:0]
rb:9: duplicate-label: b [other rb:0]
rb:12: register-across-files: c' -- hex2 -A riscv64 -f rb -f rg2
printf '11 # c' > ta; printf '22\n' > ta2; expect text-across-files-hex2 'ta:6: text-across-files: ' -- hex2 -A amd64 -f ta -f ta2
printf ':a\r\n' > cr; expect cr-in-token-hex2 'cr:2: cr-in-token:  [other cr:0]' -- hex2 -A amd64 -f cr
printf ':a#b 00\n' > cc; expect comment-char-in-token-hex2 'cc:2: comment-char-in-token:  [other cc:0]' -- hex2 -A amd64 -f cc
printf ':a 11 &a\n:b\n%%b>a\n' > clean; expect clean-hex2 '' -- hex2 -A amd64 -f clean

# M1
printf 'DEFINE a 11\nDEFINE a 22\na\n' > dd; expect duplicate-define 'dd:12: duplicate-define: a [other dd:0]' -- M1 -A amd64 -f dd
printf 'a\nDEFINE a 11\n' > ub; expect use-before-define 'ub:0: use-before-define: a [other ub:2]' -- M1 -A amd64 -f ub
printf '!256 !-129 @32768 !255\n' > ob
expect off-by-one-range 'ob:0: off-by-one-range: !256 [value 256]
ob:5: off-by-one-range: !-129 [value -129]
ob:11: off-by-one-range: @32768 [value 32768]' -- M1 -A amd64 -f ob
printf '@300 !7\n' > oc; expect octal-immediate 'oc:0: octal-immediate: @300' -- M1 -A amd64 --octal -f oc
expect octal-not-in-hex '' -- M1 -A amd64 -f oc
printf ':x' > tx; printf ':y\n' > tx2; expect text-across-files-M1 'tx:2: text-across-files: ' -- M1 -A amd64 -f tx -f tx2
printf ':a\r\n' > mcr; expect cr-in-token-M1 'mcr:2: cr-in-token:  [other mcr:0]' -- M1 -A amd64 -f mcr
printf 'DEFINE a#b 11\n' > mcc; expect comment-char-in-token-M1 'mcc:8: comment-char-in-token:  [other mcc:7]' -- M1 -A amd64 -f mcc
printf 'DEFINE a 11\na :b !255 "x#y"\n' > mclean; expect clean-M1 '' -- M1 -A amd64 -f mclean

echo "strict-scan: $pass passed, $fail failed"
[ "$fail" = 0 ]
