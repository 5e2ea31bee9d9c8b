#!/usr/bin/env bash
# strict_memory_test.sh BIN_DIR: --strict on names and atoms of 20 MB, in 256 MB of address space
# (the checker that kept a name a list cell a byte took 62 bytes a byte: 1.2 GB here), and the
# uses shown with more than 100: the earliest 100 in input order. The expected lines are worked
# out by hand:
# - `:` then 20e6 `#`, no line end: each `#` is in the label's name (comment-char-in-token, at
#   columns 2 to 20000001 of line 1) and the file ends in the name (text-across-files): 20000001
#   uses, the first 100 at columns 2 to 101;
# - M1 `x` then 20e6 `#`, a line end: 20000000 uses, columns 2 to 101 shown;
# - a 20 MB label, a 20 MB DEFINE name: no use, the output of the run without --strict; the
#   label also where the file ends without a line end (the reference engine's own end of file,
#   under --strict=warn: one use, text-across-files);
# - 60 lines `:a`, then 140 lines `4 8`: 59 duplicate-labels (lines 2 to 60, column 1), then a
#   split-byte at column 2 of each later line: the earliest 100 are the 59 and lines 61 to 101;
#   M1 the same with `DEFINE a 00` (duplicate-define) and `x#` (comment-char-in-token at column 2).
# - riscv64, `:a` then 10^7 `!a ` (30 MB of RISC-V immediates and no data byte), then a file `00`:
#   every `!a` is still pending where the first file ends, a register-across-files use each
#   (10^7 uses, the first 100 at columns 1, 4, ..., 298 of line 2); alone, the same file has no
#   use. (The checker that kept every pending word took 66 bytes a word: 660 MB here.)
# Runs outside the sanitizers (their shadow memory does not fit 256 MB).
set -uo pipefail
bin=$(cd "$1" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
fail=0
limit() { ulimit -v 262144 && "$@"; }
n=20000000

# shown FILE: the place and quirk of each diagnostic, then the line that counts the others.
shown() { sed -n 's/^\([^ ]*: error: strict: [a-z-]*\):.*/\1/p; s/^error: strict: \([0-9]*\) more.*/\1 more/p' "$1"; }

# strict_uses TOOL WANT ARGS...: --strict exits 1, writes nothing and prints WANT.
strict_uses() {
  local tool=$1 want=$2; shift 2
  echo keep >out
  (limit "$bin/$tool" --engine=reference --strict "$@" -o out) 2>err; rc=$?
  if [ $rc != 1 ] || [ "$(shown err)" != "$want" ] || [ "$(cat out)" != keep ]; then
    echo "FAIL: $tool --strict $*: rc $rc, $(head -c 300 err)"; fail=1
  fi
}

# strict_clean TOOL ARGS...: --strict prints nothing and writes what the run without it writes.
strict_clean() {
  local tool=$1; shift
  (limit "$bin/$tool" --engine=reference "$@" -o plain) 2>/dev/null; rc_plain=$?
  (limit "$bin/$tool" --engine=reference --strict "$@" -o strict) 2>err; rc=$?
  if [ $rc != $rc_plain ] || [ $rc -gt 1 ] || grep -q strict err || ! cmp -s plain strict; then
    echo "FAIL: $tool --strict $*: rc $rc (without --strict $rc_plain), $(head -c 300 err)"; fail=1
  fi
}

columns() {  # columns FILE LINE QUIRK FROM TO
  for ((c = $4; c <= $5; c++)); do echo "$1:$2:$c: error: strict: $3"; done
}

{ printf ':'; head -c $n /dev/zero | tr '\0' '#'; } >hash.hex2
strict_uses hex2 "$(columns hash.hex2 1 comment-char-in-token 2 101; echo $((n + 1 - 100)) more)" \
  --architecture amd64 --little-endian -f hash.hex2
{ printf 'x'; head -c $n /dev/zero | tr '\0' '#'; echo; } >hash.M1
strict_uses M1 "$(columns hash.M1 1 comment-char-in-token 2 101; echo $((n - 100)) more)" \
  --architecture amd64 --little-endian -f hash.M1
{ printf ':'; head -c $n /dev/zero | tr '\0' 'a'; printf '\n00\n'; } >long.hex2
strict_clean hex2 --architecture amd64 --little-endian -f long.hex2
# The label ends the file: the end is a use (text-across-files, at offset 20000001), and under
# --strict=warn the engine then links the file as without it (no byte).
head -c $((n + 1)) long.hex2 >eof.hex2
(limit "$bin/hex2" --engine=reference --architecture amd64 --little-endian -f eof.hex2 -o plain) 2>/dev/null; rc_plain=$?
(limit "$bin/hex2" --engine=reference --strict=warn --architecture amd64 --little-endian -f eof.hex2 -o warned) 2>err; rc=$?
if [ $rc_plain != 0 ] || [ $rc != 0 ] || [ -s plain ] || ! cmp -s plain warned ||
   ! grep -q '^eof.hex2:1:20000002: warning: strict: text-across-files:' err; then
  echo "FAIL: hex2 --strict=warn -f eof.hex2: rc $rc (without --strict $rc_plain), $(head -c 300 err)"; fail=1
fi
{ printf 'DEFINE '; head -c $n /dev/zero | tr '\0' 'a'; printf ' 00\n'; } >long.M1
strict_clean M1 --architecture amd64 --little-endian -f long.M1

words=10000000
{ echo ':a'; yes '!a ' | tr -d '\n' | head -c $((3 * words)); } >words.hex2
echo 00 >data.hex2
want=$(for ((i = 0; i < 100; i++)); do echo "words.hex2:2:$((1 + 3 * i)): error: strict: register-across-files"; done
       echo "$((words - 100)) more")
strict_uses hex2 "$want" --architecture riscv64 --little-endian -f words.hex2 -f data.hex2
strict_clean hex2 --architecture riscv64 --little-endian -f words.hex2

for ((i = 0; i < 60; i++)); do echo ':a'; done >order.hex2
for ((i = 0; i < 140; i++)); do echo '4 8'; done >>order.hex2
want=$(for ((l = 2; l <= 60; l++)); do echo "order.hex2:$l:1: error: strict: duplicate-label"; done
       for ((l = 61; l <= 101; l++)); do echo "order.hex2:$l:2: error: strict: split-byte"; done
       echo "99 more")
strict_uses hex2 "$want" --architecture amd64 --little-endian -f order.hex2
for ((i = 0; i < 60; i++)); do echo 'DEFINE a 00'; done >order.M1
for ((i = 0; i < 140; i++)); do echo 'x#'; done >>order.M1
want=$(for ((l = 2; l <= 60; l++)); do echo "order.M1:$l:1: error: strict: duplicate-define"; done
       for ((l = 61; l <= 101; l++)); do echo "order.M1:$l:2: error: strict: comment-char-in-token"; done
       echo "99 more")
strict_uses M1 "$want" --architecture amd64 --little-endian -f order.M1

[ $fail = 0 ] && echo "strict memory: 20 MB names and 30 MB of RISC-V words in 256 MB, the earliest 100 uses shown: ok"
exit $fail
