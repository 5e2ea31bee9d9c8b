#!/bin/bash
# CLI behaviour of the drop-ins against mescc-tools 1.7.0's hex2.c and M1-macro.c: flags, defaults,
# exact warning text, exit statuses, and our promises (located errors, no partial output files).
# Expected texts and bytes are upstream's or computed by hand.
set -u
bin=$(cd "$1" && pwd)
HEX2=$bin/hex2; M1=$bin/M1; HEXPROOF=$bin/hexproof
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT; cd "$work"
pass=0; fail=0
ok()  { pass=$((pass+1)); }
bad() { fail=$((fail+1)); echo "FAIL: $*"; }
# expect NAME EXPECTED_RC EXPECTED_STDOUT_FILE_OR_- EXPECTED_STDERR_FILE_OR_- -- command...
expect() {
  local name=$1 rc=$2 out=$3 err=$4; shift 5
  "$@" > got.out 2> got.err; local got=$?
  [ "$got" = "$rc" ] || { bad "$name: exit $got, expected $rc; stderr: $(head -c 300 got.err)"; return; }
  if [ "$out" != - ] && ! cmp -s "$out" got.out; then bad "$name: stdout differs"; diff "$out" got.out | head -5; return; fi
  if [ "$err" != - ] && ! cmp -s "$err" got.err; then bad "$name: stderr differs"; diff "$err" got.err | head -5; return; fi
  ok
}
banner='>> WARNING <<
>> WARNING <<
>> WARNING <<'

# Versions and help.
printf 'hex2 1.7.0\n' > v; expect "hex2 -V" 0 v - -- "$HEX2" -V
printf 'M1 1.7.0\n' > v;   expect "M1 --version" 0 v - -- "$M1" --version
expect "hex2 -h" 0 - - -- "$HEX2" -h
grep -q '^Usage: ' got.err && ok || bad "hex2 -h prints usage on stderr"
expect "M1 --help" 0 - - -- "$M1" --help

# Unknown options: upstream prints "Unknown option" and exits 1; order matters as in upstream.
printf 'Unknown option\n' > e
expect "hex2 unknown option" 1 - e -- "$HEX2" --bogus
expect "M1 unknown option" 1 - e -- "$M1" --bogus
expect "M1 has no -B" 1 - e -- "$M1" -B 0
expect "hex2 -V before bad option" 0 - - -- "$HEX2" -V --bogus

# Knight, base 0, big endian, hex input by default: "01 02" is two bytes; stdout, no warning.
printf '01 02 # comment\n' > a.hex2
printf '\001\002' > want
: > none
expect "hex2 defaults" 0 want none -- "$HEX2" -f a.hex2

# Warnings (exact text from hex2.c), still exit 0.
{ echo "$banner"; echo 'If you are not generating a ROM image this binary will likely not work'; } > w1
{ echo "$banner"; echo 'You have specified big endian output on likely a little endian processor'
  echo 'if this is a mistake please pass --little-endian next time'; } > w2
cat w1 w2 > w12
expect "hex2 warns: base 0 and big endian on amd64" 0 want w12 -- "$HEX2" -A amd64 -f a.hex2
expect "hex2 warns: big endian on x86" 0 want w2 -- "$HEX2" -A x86 -B 0x100 -f a.hex2
expect "hex2 warns: base 0 on ppc64le only" 0 want w1 -- "$HEX2" -A ppc64le -f a.hex2
expect "hex2 no warning: little endian amd64 with base" 0 want none -- "$HEX2" -A amd64 --little-endian -B 0x400000 -f a.hex2

# Unknown architecture: hex2 complains (no newline) and keeps going; M1 stops.
printf 'Unknown architecture: vax know values are: knight-native, knight-posix, x86, amd64, armv7l, riscv32 and riscv64' > e
expect "hex2 unknown arch continues" 0 want e -- "$HEX2" -A vax -f a.hex2
expect "M1 unknown arch stops" 1 - - -- "$M1" -A vax -f a.hex2

# No input: exit 1.
expect "hex2 without -f" 1 none - -- "$HEX2"
expect "M1 without -f" 1 none - -- "$M1"
grep -q 'Either no input files were given or they were empty' got.err && ok || bad "M1 without -f message"

# -f is repeatable and ordered: ":b" in the second file is known to the first.
printf '!b 00\n' > r1.hex2; printf ':b 11\n' > r2.hex2
printf '\001\000\021' > want2   # ! at 0, field ends at 1, b at 2: 2 - 1 = 1
expect "hex2 -f order" 0 want2 - -- "$HEX2" -f r1.hex2 -f r2.hex2
printf '\021\376\000' > want3   # 11 at 0, ! field ends at 2, b at 0: 0 - 2 = -2 = 0xFE, then 00
expect "hex2 -f reversed" 0 want3 - -- "$HEX2" -f r2.hex2 -f r1.hex2

# Output files: mode 0750 by default, umask-based with --non-executable, atomic on failure.
expect "hex2 -o" 0 none - -- "$HEX2" -f a.hex2 -o out.bin
cmp -s want out.bin && ok || bad "hex2 -o content"
[ "$(stat -c %a out.bin)" = 750 ] && ok || bad "hex2 -o mode $(stat -c %a out.bin), expected 750"
( umask 022; "$HEX2" -f a.hex2 --non-executable -o plain.bin )
[ "$(stat -c %a plain.bin)" = 644 ] && ok || bad "--non-executable mode $(stat -c %a plain.bin), expected 644"
printf '!nowhere\n' > undefined.hex2
printf 'old' > keep.bin
expect "hex2 undefined label fails" 1 - - -- "$HEX2" -f undefined.hex2 -o keep.bin
grep -q '^undefined.hex2:1:2: error: Target label nowhere is not valid$' got.err && ok || bad "undefined label message: $(cat got.err)"
[ "$(cat keep.bin)" = old ] && ok || bad "failed run replaced an existing output"
expect "hex2 failed run leaves no file" 1 - - -- "$HEX2" -f undefined.hex2 -o never.bin
[ ! -e never.bin ] && ok || bad "failed run left never.bin"
[ -z "$(ls | grep '\.tmp-')" ] && ok || bad "temporary file left behind"

# Missing or unreadable input, unwritable output, missing option argument: clear errors, exit 1.
expect "hex2 missing input" 1 - - -- "$HEX2" -f missing.hex2
grep -q 'missing.hex2' got.err && ok || bad "missing input named"
expect "M1 missing input" 1 - - -- "$M1" -f missing.M1
expect "hex2 unwritable output" 1 - - -- "$HEX2" -f a.hex2 -o /nonexistent-dir/x
expect "hex2 -f without argument" 1 - - -- "$HEX2" -f
expect "M1 -o without argument" 1 - - -- "$M1" -f a.hex2 -o
expect "hex2 directory as input" 1 - - -- "$HEX2" -f .

# M1: strings, DEFINE, output text; -o writes it (not executable).
printf 'DEFINE nop 90\nnop "hi"\n' > p.M1
printf '\n90 68 69 00 \n' > want.txt   # DEFINE line leaves a newline; "hi" hexified with 00
expect "M1 to stdout" 0 want.txt - -- "$M1" -A x86 -f p.M1
# knight pads strings with zero digits: `"hi` is 3 chars, so ((3-1)/4+1)*8+3 = 11 digits are
# zeroed, "68 69 00 " overwrites the first 9, leaving "00": "68 69 00 00".
printf '\n90 68 69 00 00\n' > want.txt
expect "M1 knight string padding" 0 want.txt - -- "$M1" -f p.M1
expect "M1 -o" 0 none - -- "$M1" -A x86 -f p.M1 -o p.hex2

# Engines: --engine=fast always works; reference works once built, otherwise a clear error.
expect "hex2 --engine=fast" 0 want none -- "$HEX2" --engine=fast -f a.hex2
if "$HEXPROOF" engines | grep -q '^reference *available'; then
  expect "hex2 --engine=reference" 0 want none -- "$HEX2" --engine=reference -f a.hex2
else
  expect "hex2 --engine=reference not built" 1 - - -- "$HEX2" --engine=reference -f a.hex2
  grep -q 'reference engine' got.err && ok || bad "reference-engine message"
fi
expect "unknown engine" 1 - - -- "$HEX2" --engine=turbo -f a.hex2

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
