#!/usr/bin/env bash
# scripts/oracle-demo.sh BUILD_DIR: the differential oracle against Debian's installed mescc-tools.
#
# Runs `hexproof oracle` with /usr/bin/hex2 and /usr/bin/M1 (Debian's mescc-tools 1.4.0) as the
# implementation under test and hexproof's reference (1.7.0 semantics) as the oracle, on:
#  - the project's own cases: every examples/<arch>/ program (M1 on defs.M1 hello.M1, then hex2
#    on elf.hex2 + that output, with the flags of build.flags) and every golden case marked
#    "# mescc-tools 1.4.0 agrees" (tests/golden/README.md; its command line from NAME.cmd);
#  - the upstream corpus in ../shared/corpus when it is there (CORPUS=DIR overrides, CORPUS= skips);
#  - GENERATE (default 150) generated programs per architecture, seed SEED (default 1).
# It prints the oracle's report. The run names the implementation with `--profile mescc-tools-1.4`
# (1.4.0's language, and 1.4.0 as the release under test). 1.4.0 is not 1.7.0, so the oracle
# finds divergences; the demo checks that each one is a known difference of 1.4.0, confirmed by
# running the reference with 1.4.0's behaviour for it (docs/oracle.md, "Explanations").
#
# Then a profile run: programs generated for the stage0-posix seed tools' profile of each
# architecture (`--profile seed-ARCH`: hex2-0 and M0 as their sources define them) and that
# architecture's corpus steps inside it, run against our own drop-ins, which must conform to every
# profile (each is a subset of 1.7.0).
#
# Exit status: 0 when every divergence found is a confirmed known 1.4.0 difference (and at least
# one was found) and our drop-ins conform to each seed profile; 1 when a divergence is left
# unexplained, or 1.4.0 timed out, crashed, wrote no output or could not be run (or no divergence
# was found at all, which would mean the oracle is blind), or a profile run does not conform; 2 on
# a usage or setup error.
# Environment: REF_M1, REF_HEX2 (the implementation; default /usr/bin/M1, /usr/bin/hex2).

set -u

if [ $# -ne 1 ]; then
	echo "usage: $0 BUILD_DIR" >&2
	exit 2
fi
build_dir=$1
root=$(cd "$(dirname "$0")/.." && pwd)
hexproof=$build_dir/bin/hexproof
REF_M1=${REF_M1:-/usr/bin/M1}
REF_HEX2=${REF_HEX2:-/usr/bin/hex2}
GENERATE=${GENERATE:-150}
SEED=${SEED:-1}
CORPUS=${CORPUS-$root/../shared/corpus}

if [ ! -x "$hexproof" ]; then
	echo "oracle-demo: $hexproof not found: build hexproof first (make)" >&2
	exit 2
fi
if [ ! -x "$REF_M1" ] || [ ! -x "$REF_HEX2" ]; then
	echo "oracle-demo: mescc-tools is not installed ($REF_M1, $REF_HEX2): apt-get install mescc-tools" >&2
	exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/oracle-demo.XXXXXX")
trap 'rm -rf "$work"' EXIT
cases=$work/cases

# value KEY FILE: the text after KEY= in an examples build.flags file
value() {
	sed -n "s/^$1=//p" "$2" | head -n 1
}

# The examples, as corpus-style case folders (cmd.txt with M1/HEX2 words).
for dir in "$root"/examples/*/; do
	[ -f "$dir/build.flags" ] || continue
	arch=$(basename "$dir")
	case_dir=$cases/examples/$arch
	mkdir -p "$case_dir"
	cp "$dir"/*.M1 "$case_dir"/
	hex2_inputs=
	if [ -f "$dir/elf.hex2" ]; then
		cp "$dir/elf.hex2" "$case_dir"/
		hex2_inputs="-f elf.hex2 "
	fi
	{
		echo "# examples/$arch: M1 then hex2, flags from build.flags"
		echo "M1 -f defs.M1 -f hello.M1 $(value M1_FLAGS "$dir/build.flags") -o out/hello.hex2"
		echo "HEX2 ${hex2_inputs}-f out/hello.hex2 $(value HEX2_FLAGS "$dir/build.flags") -o out/hello"
	} >"$case_dir/cmd.txt"
done

# The golden cases on which mescc-tools 1.4.0 agrees with 1.7.0.
for cmd in "$root"/tests/golden/*.cmd; do
	grep -qx '# mescc-tools 1.4.0 agrees' "$cmd" || continue
	name=$(basename "$cmd" .cmd)
	case_dir=$cases/golden/$name
	mkdir -p "$case_dir"
	read -r tool words < <(grep -v '^#' "$cmd")
	for word in $words; do
		[ -f "$root/tests/golden/$word" ] && cp "$root/tests/golden/$word" "$case_dir/"
	done
	[ "$tool" = hex2 ] && tool=HEX2
	echo "$tool $words -o out/result" >"$case_dir/cmd.txt"
done

args=(oracle --profile mescc-tools-1.4 --hex2 "$REF_HEX2" --m1 "$REF_M1" --corpus "$cases" --generate "$GENERATE"
	--seed "$SEED" --shrink-seconds 20 --max-reports 12)
if [ -n "$CORPUS" ] && [ -d "$CORPUS" ]; then
	args+=(--corpus "$CORPUS")
fi

echo "oracle-demo: $hexproof ${args[*]}"
echo "oracle-demo: (implementation: Debian's mescc-tools $("$REF_M1" --version 2>/dev/null | head -n 1))"
echo
"$hexproof" "${args[@]}" | tee "$work/report.txt"
status=${PIPESTATUS[0]}

# The counts of each verdict, from the report's "verdicts:" line.
verdicts=$(grep -m1 '^  verdicts:' "$work/report.txt")
count() {
	sed -n "s/.*[ ,]$1 \([0-9]*\).*/\1/p" <<<"$verdicts"
}
unexplained=$(count divergence)
known=$(count known-difference)
others=$(($(count timeout) + $(count crash) + $(count no-output) + $(count could-not-run)))
echo
echo "oracle-demo: the oracle exited $status; named known differences:"
grep -o 'KNOWN DIFFERENCE \[[^]]*\]' "$work/report.txt" | sort | uniq -c | sed 's/^/  /'
if [ "$status" = 2 ] || [ -z "$unexplained" ]; then
	echo "oracle-demo: the oracle did not run (exit $status)" >&2
	exit 2
fi
if [ "$unexplained" != 0 ] || [ "$others" != 0 ]; then
	echo "oracle-demo: FAIL: $unexplained divergence(s) not explained by a known 1.4.0 difference," \
		"$others timeout(s), crash(es), run(s) without output or that could not run"
	exit 1
fi
if [ "${known:-0}" = 0 ]; then
	echo "oracle-demo: FAIL: no 1.4.0/1.7.0 difference found; the oracle should have found some"
	exit 1
fi
echo "oracle-demo: OK: every divergence from 1.4.0 is a known difference of 1.4.0, confirmed"

# The profile run: the seed tools' subsets, our drop-ins run as mescc-tools are (the seed
# profiles' own template is the seed tools' `TOOL INPUT OUTPUT`).
echo
mescc='{program} {input-flags} {mode-flags} -o {output}'
failed=0
for arch in amd64 x86 aarch64 riscv64; do
	profile_args=(oracle --profile seed --arch "$arch" --hex2 "$build_dir/bin/hex2" --m1 "$build_dir/bin/M1"
		--hex2-cmd "$mescc" --m1-cmd "$mescc" --generate "$GENERATE" --seed "$SEED" --max-reports 4)
	if [ -n "$CORPUS" ] && [ -d "$CORPUS/$arch" ]; then
		profile_args+=(--corpus "$CORPUS/$arch")
	fi
	echo "oracle-demo: $hexproof ${profile_args[*]}"
	"$hexproof" "${profile_args[@]}" >"$work/seed-$arch.txt"
	status=$?
	sed -n -e '/^  profile:/p' -e '/^  cases:/p' -e '/^  verdicts:/p' -e '/^  not checked:/,/^  [^ ]/p' \
		-e '/^result:/p' "$work/seed-$arch.txt"
	if [ "$status" != 0 ]; then
		cat "$work/seed-$arch.txt"
		echo "oracle-demo: FAIL: our drop-ins do not conform to the seed profile of $arch (exit $status)"
		failed=1
	fi
	echo
done
[ "$failed" = 0 ] || exit 1
echo "oracle-demo: OK: our drop-ins conform to the seed profile of every architecture"
exit 0
