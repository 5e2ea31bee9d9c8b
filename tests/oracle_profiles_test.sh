#!/usr/bin/env bash
# tests/oracle_profiles_test.sh BIN_DIR: `hexproof oracle` for implementations that are not full
# mescc-tools 1.7.0 clones (docs/oracle.md, "Profiles", "Running other tools", "Comparing M1
# outputs", "Explanations"): profiles (built in and files) restrict what is generated and which
# corpus steps run; command templates run tools with other calling conventions; M1 outputs are
# compared as hex2 reads them; a known difference is attributed to a release only when the
# reference with that release's behaviour gives the implementation's answer. The implementations
# are small programs of tests/oracle/ (see its README) around our own drop-ins; the installed
# mescc-tools 1.4.0, where there, is checked as itself.
set -u
bin=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
impls=$here/oracle
work=$(mktemp -d "${TMPDIR:-/tmp}/oracle_profiles_test.XXXXXX")
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"  # as root the implementations run as uid 65534: they must reach their programs
mkdir "$work/tmp"
failed=0
check() { # NAME STATUS [DETAIL-FILE]
	if [ "$2" = 0 ]; then
		echo "PASS $1"
	else
		echo "FAIL $1"
		failed=1
		[ -n "${3:-}" ] && [ -f "$3" ] && sed 's/^/    /' "$3" | head -60
	fi
}
extra=()
[ -n "${HEXPROOF_SANITIZED:-}" ] && extra=(--max-memory unlimited)

# run NAME ARGS...: the oracle with --json into NAME.json (stderr NAME.err); sets $status.
run() {
	local name=$1
	shift
	REAL=$bin/hex2 REAL_M1=$bin/M1 TMPDIR=$work/tmp "$bin/hexproof" oracle --json "${extra[@]}" "$@" \
		>"$work/$name.json" 2>"$work/$name.err"
	status=$?
	[ -z "$(ls -A "$work/tmp")" ]
	check "$name: nothing left in TMPDIR" $? "$work/$name.err"
}
jqtest() { # NAME FILTER
	jq -e "$2" "$work/$1.json" >/dev/null 2>&1
	check "$1: $2" $? "$work/$1.json"
}
want_status() { # NAME STATUS
	[ "$status" = "$2" ]
	check "$1: exit $2 (got $status)" $? "$work/$1.err"
}

# Corpus cases: M1 programs with `$N`, an octal number, two inputs; a hex2 program in two files.
cases=$work/cases
mkdir -p "$cases/dollar" "$cases/octal" "$cases/joined" "$cases/hex2pair"
printf 'DEFINE NOP 90\nNOP $5 &0x10 !1 "hi" :a %%a\n' >"$cases/dollar/p.M1"
echo "M1 -f p.M1 --architecture amd64 --little-endian -o out/p" >"$cases/dollar/cmd.txt"
printf '!010 !2\n' >"$cases/octal/p.M1"
echo "M1 -f p.M1 --architecture amd64 --little-endian -o out/p" >"$cases/octal/cmd.txt"
printf 'DEFINE RET C3\n' >"$cases/joined/defs.M1"
printf ':main RET %%main\n' >"$cases/joined/p.M1"
printf 'M1 -f defs.M1 -f p.M1 --architecture amd64 --little-endian -o out/p.hex2\nHEX2 -f head.hex2 -f out/p.hex2 --architecture amd64 --little-endian --base-address 0x600000 -o out/p\n' \
	>"$cases/joined/cmd.txt"
printf '7F 45 4C 46 # a header\n' >"$cases/joined/head.hex2"
printf '0\n' >"$cases/hex2pair/a.hex2"
printf '1 :x &x\n' >"$cases/hex2pair/b.hex2"
echo "HEX2 -f a.hex2 -f b.hex2 --architecture amd64 --little-endian --base-address 0x600000 -o out/x" \
	>"$cases/hex2pair/cmd.txt"
chmod -R a+rX "$work"

# ---------------------------------------------------------------- profiles

# Our drop-ins conform to every profile (each a subset of 1.7.0), run as mescc-tools are.
mescc='{program} {input-flags} {mode-flags} -o {output}'
for p in full portable mescc-tools-1.4 mescc-tools-1.5 mescc-tools-1.6 seed-amd64 seed-x86 seed-aarch64 seed-riscv64; do
	run "own-$p" --profile "$p" --hex2 "$bin/hex2" --m1 "$bin/M1" --hex2-cmd "$mescc" --m1-cmd "$mescc" \
		--generate 6 --seed 21 -j 2
	want_status "own-$p" 0
	jqtest "own-$p" ".profile.name == \"$p\" and .summary.verdicts.agree == .summary.invocations and .summary.invocations > 0"
done
jqtest own-full '.summary.invocations == 48 and .summary.skipped_programs == 0'

# The seed profile: `TOOL INPUT OUTPUT`, the inputs joined into one file, one architecture.
run seed-positional --profile seed --arch amd64 --hex2 "$impls/positional-hex2" --m1 "$impls/positional-m1" \
	--generate 20 --seed 4 --corpus "$cases" -j 2
want_status seed-positional 0
jqtest seed-positional '.profile.name == "seed-amd64" and .implementation.hex2_command == "{program} {input} {output}"'
jqtest seed-positional '[.invocations[] | select(.case | startswith("generated")) | .command | length] | all(. == 3)'
jqtest seed-positional '.summary.joined_steps == 3 and (.summary.skipped | any(.reason == "outside the profile: octal numbers" and (.first | test("octal, step 1, at p.M1:1:1"))))'
jqtest seed-positional '.summary.skipped | any(.first | test("dollar, step 1, at p.M1:2:5"))'
jqtest seed-positional '.summary.skipped | any(.reason | test("outside the profile: .*`\\$` immediates"))'
jqtest seed-positional '.summary.skipped_steps == 2 and ([.invocations[].case] | index("corpus hex2pair") != null)'
# Skipped steps are counted, not failures; without the profile the octal step is checked.
run full-positional --hex2 "$impls/positional-hex2" --hex2-cmd '{program} {input} {output}' --corpus "$cases/hex2pair"
want_status full-positional 0
jqtest full-positional '.summary.joined_steps == 1 and .invocations[0].command[1] == "a.hex2_b.hex2"'
# The joined file is what both sides read: `0` `1` pair across the files only when joined.
jqtest full-positional '.invocations[0].verdict == "agree"'

# portable: only strict-clean programs, by the extracted checker (the pair splits a byte across files).
run portable-corpus --profile portable --hex2 "$bin/hex2" --m1 "$bin/M1" --corpus "$cases"
want_status portable-corpus 0
# The earliest use is named: a.hex2's `0` waits for a digit and meets the line end (1:2), before
# the file ends with the nibble still waiting.
jqtest portable-corpus '.summary.skipped | any(.reason == "outside the profile: strict: split-byte" and .first == "hex2pair, step 1, at a.hex2:1:2")'

# --profile seed needs one --arch; --arch must be inside the profile.
usage() { # NAME ARGS...: exit 2 and one line on standard error
	local name=$1
	shift
	"$bin/hexproof" oracle "$@" >"$work/usage.out" 2>"$work/usage.err"
	local s=$?
	[ $s = 2 ] && [ "$(wc -l <"$work/usage.err")" = 1 ]
	check "$name: exit 2, one line ($(head -c 150 "$work/usage.err"))" $? "$work/usage.err"
}
g=(--hex2 "$bin/hex2" --generate 1)
usage "seed without --arch" "${g[@]}" --profile seed
usage "seed with two --arch" "${g[@]}" --profile seed --arch amd64 --arch x86
usage "seed on knight" "${g[@]}" --profile seed --arch knight
usage "arch outside the profile" "${g[@]}" --profile seed-x86 --arch amd64
usage "unknown profile" "${g[@]}" --profile nosuch
usage "missing profile file" "${g[@]}" --profile ./nosuch
usage "profile is a folder" "${g[@]}" --profile "$work/tmp/"
usage "unknown release" "${g[@]}" --explain-as 1.2.0

# A profile file: a port author's description of a tool, read as the built-in ones are.
cat >"$work/port.profile" <<'EOP'
# A port of hex2-0 that also reads `~` (docs/oracle.md, "Profiles")
extends: seed-amd64
name: my-port
description: hex2-0 with `~` references
hex2-references: ! @ $ ~ % &
EOP
run file-profile --profile "$work/port.profile" --hex2 "$impls/positional-hex2" --generate 10 --seed 8
want_status file-profile 0
jqtest file-profile '.profile.name == "my-port" and (.profile.origin | endswith("port.profile"))'
for bad in 'name: x\nbogus: 1' 'name: x\nname: y' 'name: x\nm1-features: all strings' 'description: no name' \
	'name: x\nbase-addresses: 0x1FFFFFFFF' 'name: x\nhex2-command: {program} {input}' 'name: x\nextends: full'; do
	printf "$bad\n" >"$work/bad.profile"
	usage "bad profile file: $bad" "${g[@]}" --profile "$work/bad.profile"
	grep -q "bad.profile:[0-9]*: \|bad.profile: " "$work/usage.err"
	check "bad profile file names its line: $bad" $? "$work/usage.err"
done
head -c 100000 /dev/zero >"$work/big.profile"
usage "profile file over 64 KiB" "${g[@]}" --profile "$work/big.profile"
# --show-profile prints a profile that reads back to itself.
for p in full seed-riscv64 mescc-tools-1.4 portable; do
	"$bin/hexproof" oracle --profile "$p" --show-profile >"$work/shown.profile" 2>&1 &&
		"$bin/hexproof" oracle --profile "$work/shown.profile" --show-profile >"$work/shown-again.profile" 2>&1 &&
		cmp -s "$work/shown.profile" "$work/shown-again.profile"
	check "--show-profile $p reads back to itself" $? "$work/shown-again.profile"
done
"$bin/hexproof" oracle --profile seed --arch aarch64 --show-profile | grep -qx 'hex2-features: caret lower-hex digit-quirks name-quirks redefine'
check "--show-profile seed --arch aarch64" $?

# ---------------------------------------------------------------- command templates

usage "empty template" "${g[@]}" --hex2-cmd ''
usage "unclosed quote" "${g[@]}" --hex2-cmd "{program} '{input} {output}"
usage "unknown placeholder" "${g[@]}" --hex2-cmd '{program} {input} {out}'
usage "several-word placeholder in a word" "${g[@]}" --hex2-cmd '{program} -f{inputs} {output}'
usage "no output" "${g[@]}" --hex2-cmd '{program} {input}'
usage "{base-address} for M1" --m1 "$bin/M1" --generate 1 --m1-cmd '{program} {input} {output} {base-address}'
usage "{program} without --hex2" --generate 1 --hex2-cmd '{program} {input} {output}'
usage "program not found" --generate 1 --hex2-cmd 'no-such-program-here {input} {output}'
usage "program not executable" --generate 1 --hex2-cmd "$here/oracle/README.md {input} {output}"
# No shell reads the template: `;`, `$(...)` and `>` are words given to the program as they are.
printf '#!/bin/sh\nfor a in "$@"; do printf "%%s\\n" "$a"; done >"$OUTSIDE_LOG"\nexit 1\n' >"$work/argv-logger"
chmod 755 "$work/argv-logger"
mkdir -m 777 "$work/log"
OUTSIDE_LOG=$work/log/argv run no-shell --isolation none --hex2 "$work/argv-logger" \
	--hex2-cmd '{program} {input}; touch '"$work"'/pwned $(touch '"$work"'/pwned2) >x "a b" {output}' --generate 1 --arch x86
[ ! -e "$work/pwned" ] && [ ! -e "$work/pwned2" ] && [ ! -e "$work/tmp/x" ] && grep -qx 'gen0.hex2;' "$work/log/argv" &&
	grep -qx 'a b' "$work/log/argv" && grep -qx '$(touch' "$work/log/argv"
check "templates run no shell" $? "$work/log/argv"
# A name found in PATH, with the program as an argument (as qemu-user is run).
run env-wrapper --hex2 "$bin/hex2" --hex2-cmd 'env {program} {input-flags} {mode-flags} -o {output}' --generate 2 --arch x86
want_status env-wrapper 0
jqtest env-wrapper '(.implementation.hex2 | endswith("/env")) and (.invocations[0].command[1] | endswith("/hex2"))'

# ---------------------------------------------------------------- comparing M1 outputs

run reformat --m1 "$impls/reformat-m1" --corpus "$cases/dollar" --corpus "$cases/joined" --generate 8 --seed 2 --arch amd64 --profile portable
want_status reformat 0
jqtest reformat '.comparison == "meaning" and .summary.verdicts.formatting > 0 and .summary.verdicts.divergence == 0'
jqtest reformat '[.invocations[] | select(.tool == "M1") | .verdict] | all(. == "formatting" or . == "agree")'
run reformat-exact --m1 "$impls/reformat-m1" --corpus "$cases/dollar" --exact-bytes --max-reports 1 --shrink-seconds 5
want_status reformat-exact 1
jqtest reformat-exact '.comparison == "exact-bytes" and .invocations[0].verdict == "divergence" and .invocations[0].class == "bytes-differ"'
# A change of meaning is still a divergence: one-byte changes a digit.
run one-byte-m1 --m1 "$impls/one-byte" --corpus "$cases/dollar" --max-reports 1 --shrink-seconds 5
want_status one-byte-m1 1
REAL=$bin/M1 REAL_M1=$bin/M1 TMPDIR=$work/tmp "$bin/hexproof" oracle --m1 "$impls/one-byte" --corpus "$cases/dollar" \
	--max-reports 1 --shrink-seconds 5 "${extra[@]}" >"$work/one-byte-m1.txt" 2>&1
grep -q 'comparison: M1 outputs by meaning' "$work/one-byte-m1.txt" &&
	grep -q 'first difference as hex2 reads them' "$work/one-byte-m1.txt"
check "the text report says how outputs were compared" $? "$work/one-byte-m1.txt"

# ---------------------------------------------------------------- explanations

# A tool that is 1.4.0 in one construct: a known difference only when 1.4.0 is named.
run dollar-none --m1 "$impls/dollar-text-m1" --corpus "$cases/dollar" --max-reports 1 --shrink-seconds 5
want_status dollar-none 1
jqtest dollar-none '.explain_as == null and .invocations[0].verdict == "divergence" and .groups[0].known == []'
run dollar-14 --m1 "$impls/dollar-text-m1" --corpus "$cases/dollar" --explain-as 1.4.0 --max-reports 1 --shrink-seconds 5
want_status dollar-14 1
jqtest dollar-14 '.explain_as == "1.4.0" and .invocations[0].verdict == "known-difference" and .invocations[0].class == "dollar-ampersand-immediates"'
jqtest dollar-14 '.groups[0].shrunk and ([.groups[0].known[].id] == ["dollar-ampersand-immediates"])'
run dollar-profile --m1 "$impls/dollar-text-m1" --corpus "$cases/dollar" --profile mescc-tools-1.4 --generate 10 --arch amd64 --seed 6
jqtest dollar-profile '.profile.release == "1.4.0" and .summary.verdicts.divergence == 0 and .summary.verdicts["known-difference"] > 0'
run dollar-15 --m1 "$impls/dollar-text-m1" --corpus "$cases/dollar" --explain-as 1.5 --max-reports 1 --shrink-seconds 5
jqtest dollar-15 '.explain_as == "1.5.x" and .invocations[0].verdict == "divergence"'
# Wrong where 1.4.0 differs, but not as 1.4.0 does: the construct is there, the explanation is not.
run dollar-wrong --m1 "$impls/dollar-wrong-m1" --corpus "$cases/dollar" --explain-as 1.4.0 --max-reports 1 --shrink-seconds 5
want_status dollar-wrong 1
jqtest dollar-wrong '.invocations[0].verdict == "divergence" and .groups[0].known == [] and .groups[0].known_unconfirmed == ["dollar-ampersand-immediates"]'
REAL_M1=$bin/M1 TMPDIR=$work/tmp "$bin/hexproof" oracle --m1 "$impls/dollar-wrong-m1" --corpus "$cases/dollar" \
	--explain-as 1.4.0 --max-reports 1 --shrink-seconds 5 "${extra[@]}" >"$work/dollar-wrong.txt" 2>&1
grep -q 'holds known differences of 1.4.0 \[dollar-ampersand-immediates\], but the reference with that behaviour does not give' \
	"$work/dollar-wrong.txt" && ! grep -q 'KNOWN DIFFERENCE' "$work/dollar-wrong.txt"
check "an unconfirmed known difference is said so, and not attributed" $? "$work/dollar-wrong.txt"

# The installed mescc-tools 1.4.0 (Debian), where there: hex2's signed `$` as a known difference.
if [ -x /usr/bin/hex2 ] && /usr/bin/hex2 --version 2>/dev/null | grep -q '1\.4\.0'; then
	mkdir -p "$work/d14/high" "$work/d14/low"
	printf ':a $a\n' >"$work/d14/high/p.hex2"
	echo "HEX2 -f p.hex2 --architecture x86 --little-endian --base-address 0x8000 -o out/p" >"$work/d14/high/cmd.txt"
	printf ':a $a 01\n' >"$work/d14/low/p.hex2"
	echo "HEX2 -f p.hex2 --architecture x86 --little-endian --base-address 0xFFFFFFF0 -o out/p" >"$work/d14/low/cmd.txt"
	chmod -R a+rX "$work/d14"
	run debian-hex2 --hex2 /usr/bin/hex2 --corpus "$work/d14" --profile mescc-tools-1.4 --max-reports 0
	jqtest debian-hex2 '[.invocations[] | [.verdict, .class]] == [["known-difference", "hex2-dollar-signed"], ["known-difference", "hex2-dollar-signed"]]'
	run debian-hex2-15 --hex2 /usr/bin/hex2 --corpus "$work/d14" --explain-as 1.5 --max-reports 0
	jqtest debian-hex2-15 '[.invocations[].verdict] == ["divergence", "divergence"]'
else
	echo "SKIP debian-hex2: mescc-tools 1.4.0 is not installed"
fi

exit $failed
