#!/usr/bin/env bash
# tests/oracle_test.sh BIN_DIR: `hexproof oracle` against implementations whose faults we plant.
#  1. our own drop-ins hex2/M1 on generated programs: conforming, exit 0;
#  2. a hex2 that corrupts byte 5 of outputs longer than 5 bytes: exit 1, the offset, both bytes and the source
#     token are named, and the program is shrunk;
#  3. an M1 that rejects everything: exit 1, "rejects what the reference accepts";
#  4. a hex2 that accepts everything: exit 1, the reference's error is shown with its place;
#  5. --json is one JSON document with the counts;
#  6. a missing implementation or no work: exit 2.
set -u
bin=$(cd "$1" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/oracle_test.XXXXXX")
trap 'rm -rf "$work"' EXIT
failed=0
check() { # NAME CONDITION-STATUS
	if [ "$2" = 0 ]; then echo "PASS $1"; else echo "FAIL $1"; failed=1; fi
}

"$bin/hexproof" oracle --hex2 "$bin/hex2" --m1 "$bin/M1" --generate 12 --seed 7 >"$work/own.txt" 2>&1
check "own drop-ins conform (exit 0)" $?

mkdir -p "$work/cases/c1" "$work/cases/c2"
printf ':start\n# a header\n01 02 03\n%%end>start\n^~start AA BB\n&start\n:end\n' >"$work/cases/c1/p.hex2"
echo "HEX2 -f p.hex2 --architecture armv7l --little-endian --base-address 0x10000 -o out/x" >"$work/cases/c1/cmd.txt"
printf 'DEFINE NOP 90\nNOP !1 "hi"\n' >"$work/cases/c2/p.M1"
echo "M1 -f p.M1 --architecture x86 --little-endian -o out/y" >"$work/cases/c2/cmd.txt"

cat >"$work/corrupt-hex2" <<EOS
#!/bin/sh
"$bin/hex2" "\$@" || exit \$?
for a in "\$@"; do last=\$a; done
[ "\$(wc -c <"\$last")" -gt 5 ] || exit 0
printf '\356' | dd of="\$last" bs=1 seek=5 conv=notrunc 2>/dev/null
EOS
printf '#!/bin/sh\necho "no" >&2\nexit 1\n' >"$work/reject"
printf '#!/bin/sh\nfor a in "$@"; do last=$a; done\nprintf AB >"$last"\n' >"$work/accept"
chmod +x "$work/corrupt-hex2" "$work/reject" "$work/accept"

"$bin/hexproof" oracle --hex2 "$work/corrupt-hex2" --corpus "$work/cases" >"$work/corrupt.txt" 2>&1
status=$?
[ $status = 1 ] && grep -q 'first differing byte: offset 5' "$work/corrupt.txt" &&
	grep -q '\[ee\]' "$work/corrupt.txt" && grep -q 'the expected byte comes from p.hex2:' "$work/corrupt.txt" &&
	grep -q 'not explained by any known' "$work/corrupt.txt"
check "corrupted byte found, located and shrunk (exit 1)" $?

"$bin/hexproof" oracle --m1 "$work/reject" --corpus "$work/cases" >"$work/reject.txt" 2>&1
[ $? = 1 ] && grep -q 'the implementation rejects what the reference accepts' "$work/reject.txt"
check "rejecting M1 reported (exit 1)" $?

mkdir -p "$work/bad/c3"
printf '%%nowhere\n' >"$work/bad/c3/p.hex2"
echo "HEX2 -f p.hex2 --architecture x86 --little-endian --base-address 0x1000 -o out/z" >"$work/bad/c3/cmd.txt"
"$bin/hexproof" oracle --hex2 "$work/accept" --corpus "$work/bad" >"$work/accept.txt" 2>&1
[ $? = 1 ] && grep -q 'the reference rejects: p.hex2:1:2: error: Target label nowhere is not valid' "$work/accept.txt"
check "accepting hex2 reported with the reference's error and place (exit 1)" $?

"$bin/hexproof" oracle --hex2 "$work/corrupt-hex2" --corpus "$work/cases" --json >"$work/out.json" 2>&1
[ $? = 1 ] && grep -q '"divergences": 1' "$work/out.json" && grep -q '"first_difference": 5' "$work/out.json"
check "--json report" $?

"$bin/hexproof" oracle --hex2 "$work/missing" --generate 1 >/dev/null 2>&1
[ $? = 2 ]
check "missing implementation (exit 2)" $?
"$bin/hexproof" oracle --hex2 "$bin/hex2" >/dev/null 2>&1
[ $? = 2 ]
check "nothing to do (exit 2)" $?

if [ $failed != 0 ]; then
	for f in own corrupt reject accept; do echo "--- $f"; cat "$work/$f.txt"; done
fi
exit $failed
