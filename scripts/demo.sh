#!/usr/bin/env bash
# scripts/demo.sh BUILD_DIR: build every program in examples/ with our M1 and hex2, run the
# amd64 one, and compare every byte with the installed mescc-tools.
#
# For each architecture: M1 (defs.M1 hello.M1) -> hex2 text -> hex2 (elf.hex2 + that text)
# -> binary, once with ours (BUILD_DIR/bin/M1, BUILD_DIR/bin/hex2) and once with the
# reference (/usr/bin/M1, /usr/bin/hex2: Debian's mescc-tools 1.4.0). The examples only use
# features on which 1.4.0 and 1.7.0 agree, so a match with 1.4.0 is a match with 1.7.0.
# The amd64 program is run on an x86-64 host; the others are run when qemu-<arch> is
# installed. Prints one line per architecture and a summary; exits 0 only if every
# architecture matches and every program that ran printed its greeting and exited 0.
#
# Environment overrides: M1, HEX2 (ours), REF_M1, REF_HEX2 (the reference).
# Work files go to BUILD_DIR/demo/<arch>/ (ours.hex2, ours.bin, ref.hex2, ref.bin, *.log).

set -u

if [ $# -ne 1 ]; then
	echo "usage: $0 BUILD_DIR   (e.g. $0 build; M1=... HEX2=... override our binaries)" >&2
	exit 2
fi

build_dir=$1
root=$(cd "$(dirname "$0")/.." && pwd)
M1=${M1:-$build_dir/bin/M1}
HEX2=${HEX2:-$build_dir/bin/hex2}
REF_M1=${REF_M1:-/usr/bin/M1}
REF_HEX2=${REF_HEX2:-/usr/bin/hex2}
out=$build_dir/demo
archs="knight-native x86 amd64 armv7l aarch64 ppc64le riscv32 riscv64"

for tool in "$M1" "$HEX2"; do
	if [ ! -x "$tool" ]; then
		echo "demo: $tool not found: build hexproof first (make), or set M1=... HEX2=..." >&2
		exit 2
	fi
done
have_ref=yes
for tool in "$REF_M1" "$REF_HEX2"; do
	[ -x "$tool" ] || have_ref=no
done

# flag FILE KEY: the value of KEY=... in a build.flags file
flag() {
	sed -n "s/^$2=//p" "$1" | head -n 1
}

# build TAG M1 HEX2 EXAMPLE_DIR WORK_DIR: M1 then hex2; writes TAG.hex2, TAG.bin, TAG.log
build() {
	local tag=$1 m1=$2 hex2=$3 dir=$4 work=$5
	local m1_flags hex2_flags
	m1_flags=$(flag "$dir/build.flags" M1_FLAGS)
	hex2_flags=$(flag "$dir/build.flags" HEX2_FLAGS)
	local header=()
	[ -f "$dir/elf.hex2" ] && header=(-f "$dir/elf.hex2")
	rm -f "$work/$tag.hex2" "$work/$tag.bin"
	# shellcheck disable=SC2086 # the flags are words
	"$m1" $m1_flags -f "$dir/defs.M1" -f "$dir/hello.M1" -o "$work/$tag.hex2" \
		>"$work/$tag.log" 2>&1 || return 1
	# shellcheck disable=SC2086
	"$hex2" $hex2_flags "${header[@]}" -f "$work/$tag.hex2" -o "$work/$tag.bin" \
		>>"$work/$tag.log" 2>&1 || return 1
	return 0
}

size() { wc -c <"$1" | tr -d ' '; }

# where two files first differ, in words
difference() {
	local first
	first=$(cmp "$1" "$2" 2>/dev/null | sed -n 's/.*differ: byte \([0-9]*\).*/\1/p')
	if [ -n "$first" ]; then
		echo "first difference at byte $first"
	else
		echo "ours is $(size "$1") B, the reference's $(size "$2") B (one is a prefix of the other)"
	fi
}
sha() { sha256sum "$1" | cut -c1-12; }

echo "hexproof demo: examples/ built with our M1 and hex2 ($M1, $HEX2)"
if [ $have_ref = yes ]; then
	echo "reference: $("$REF_M1" -V 2>/dev/null | head -n 1) + $("$REF_HEX2" -V 2>/dev/null | head -n 1) ($REF_M1, $REF_HEX2)"
else
	echo "reference: not installed ($REF_M1): apt-get install mescc-tools to compare bytes"
fi
echo
printf '%-14s %-8s %9s %8s  %-12s  %s\n' arch result "hex2 text" binary sha256 run
matched=0
failed=0
built=0
ran=0
for arch in $archs; do
	dir=$root/examples/$arch
	work=$out/$arch
	mkdir -p "$work"
	result=OK
	note=
	if ! build ours "$M1" "$HEX2" "$dir" "$work"; then
		printf '%-14s %-8s our build failed:\n' "$arch" FAILED
		sed 's/^/    /' "$work/ours.log"
		failed=$((failed + 1))
		continue
	fi
	built=$((built + 1))
	if [ $have_ref = no ]; then
		result=NO-REF
	elif ! build ref "$REF_M1" "$REF_HEX2" "$dir" "$work"; then
		result=DIFFERS
		note="reference build failed (see $work/ref.log)"
	elif ! cmp -s "$work/ours.hex2" "$work/ref.hex2"; then
		result=DIFFERS
		note="M1 output: $(difference "$work/ours.hex2" "$work/ref.hex2")"
	elif ! cmp -s "$work/ours.bin" "$work/ref.bin"; then
		result=DIFFERS
		note="binary: $(difference "$work/ours.bin" "$work/ref.bin")"
	fi

	# run the program where this host can
	run=$(flag "$dir/build.flags" RUN)
	expect=$(flag "$dir/build.flags" EXPECT)
	runner=()
	case $run in
	native)
		if [ "$(uname -m)" = x86_64 ]; then runner=(); else run="not run (host is $(uname -m))"; fi ;;
	qemu-*)
		if command -v "$run" >/dev/null 2>&1; then runner=("$run"); else run="not run (no $run)"; fi ;;
	*)
		run="not run (no Knight VM here)" ;;
	esac
	case $run in
	native | qemu-*)
		chmod +x "$work/ours.bin"
		printed=$(timeout 10 "${runner[@]}" "$work/ours.bin" 2>"$work/run.log")
		status=$?
		ran=$((ran + 1))
		if [ $status -eq 0 ] && [ "$printed" = "$expect" ]; then
			run="ran${runner[*]:+ under ${runner[*]}}: \"$printed\", exit 0"
		else
			run="ran${runner[*]:+ under ${runner[*]}}: \"$printed\", exit $status; expected \"$expect\", exit 0"
			[ $result = OK ] && result=RUN-FAIL
		fi ;;
	esac

	printf '%-14s %-8s %7s B %6s B  %-12s  %s\n' "$arch" "$result" \
		"$(size "$work/ours.hex2")" "$(size "$work/ours.bin")" "$(sha "$work/ours.bin")" "$run"
	if [ -n "$note" ]; then
		echo "    $note; reference sha256 $( [ -f "$work/ref.bin" ] && sha "$work/ref.bin")"
	fi
	if [ $result = OK ]; then matched=$((matched + 1)); else failed=$((failed + 1)); fi
done

total=$(echo "$archs" | wc -w)
echo
if [ $have_ref = no ]; then
	echo "summary: built $built of $total; no reference to compare with (install mescc-tools)"
	exit 1
fi
echo "summary: $matched of $total architectures byte-identical to mescc-tools ($ran program(s) run); work files in $out"
[ $failed -eq 0 ]
