#!/usr/bin/env bash
# tests/diff_mescc.sh BUILD_DIR: differential test of our M1 and hex2 against the installed
# mescc-tools (Debian's 1.4.0 at /usr/bin).
#
# Cases:
#  - every example in examples/<arch>/: an M1 case (defs.M1 hello.M1 with the flags from
#    build.flags) and a hex2 case (elf.hex2 + the reference M1's output), so each tool is
#    checked on the same input as the reference;
#  - displacement range edges too long to keep as files (below).
# The golden cases marked as agreeing are checked against 1.4.0 by tests/golden/run.sh
# (ctest golden-mescc-tools).
# Every case is restricted to behaviour on which mescc-tools 1.4.0 and 1.7.0 agree, so
# the installed 1.4.0 is a valid oracle for the 1.7.0 semantics hexproof implements.
# A case passes when both exit statuses are equal and, when both succeed, the output bytes
# are equal (a failed upstream run may leave a partial file; ours leaves none).
#
# Prints one line per case, then "N passed, N failed"; exits 1 on any failure, 77 (ctest:
# SKIP_RETURN_CODE 77) when the reference is not installed, 2 on a usage error.
# Environment overrides: M1, HEX2 (ours), REF_M1, REF_HEX2 (the reference), OURS_FLAGS
# (extra flags for our tools only, e.g. OURS_FLAGS=--engine=fast).

set -u

if [ $# -ne 1 ]; then
	echo "usage: $0 BUILD_DIR   (M1=... HEX2=... override our binaries)" >&2
	exit 2
fi

build_dir=$1
root=$(cd "$(dirname "$0")/.." && pwd)
M1=${M1:-$build_dir/bin/M1}
HEX2=${HEX2:-$build_dir/bin/hex2}
REF_M1=${REF_M1:-/usr/bin/M1}
REF_HEX2=${REF_HEX2:-/usr/bin/hex2}
read -r -a ours_flags <<<"${OURS_FLAGS:-}"

if [ ! -x "$REF_M1" ] || [ ! -x "$REF_HEX2" ]; then
	echo "SKIPPED: mescc-tools is not installed ($REF_M1, $REF_HEX2); apt-get install mescc-tools to run this test"
	exit 77
fi
for tool in "$M1" "$HEX2"; do
	if [ ! -x "$tool" ]; then
		echo "diff_mescc: $tool not found: build hexproof first, or set M1=... HEX2=..." >&2
		exit 2
	fi
done

work=$(mktemp -d "${TMPDIR:-/tmp}/diff_mescc.XXXXXX")
trap 'rm -rf "$work"' EXIT

passed=0
failed=0

# check NAME TOOL REF_TOOL ARGS...: run both tools with ARGS plus -o, compare
check() {
	local name=$1 ours=$2 ref=$3
	shift 3
	local ours_status ref_status
	rm -f "$work/ours.out" "$work/ref.out"
	timeout 60 "$ref" "$@" -o "$work/ref.out" >"$work/ref.log" 2>&1
	ref_status=$?
	timeout 60 "$ours" "${ours_flags[@]}" "$@" -o "$work/ours.out" >"$work/ours.log" 2>&1
	ours_status=$?
	local why=
	if [ $ours_status -ne $ref_status ]; then
		why="exit status: ours $ours_status, reference $ref_status"
	elif [ $ours_status -eq 0 ] && ! cmp -s "$work/ours.out" "$work/ref.out"; then
		local first
		first=$(cmp "$work/ours.out" "$work/ref.out" 2>/dev/null | sed -n 's/.*differ: byte \([0-9]*\).*/\1/p')
		if [ -n "$first" ]; then
			why="output differs at byte $first"
		else
			why="output lengths differ: ours $(wc -c <"$work/ours.out") B, reference $(wc -c <"$work/ref.out") B"
		fi
	fi
	if [ -z "$why" ]; then
		passed=$((passed + 1))
		echo "ok    $name (exit $ours_status)"
	else
		failed=$((failed + 1))
		echo "FAIL  $name: $why"
		echo "      command: $(basename "$ours") ${ours_flags[*]} $*"
		sed -n '1,5s/^/      ours: /p' "$work/ours.log"
		sed -n '1,5s/^/      reference: /p' "$work/ref.log"
	fi
}

# the examples: M1, then hex2 on the reference M1's output
for dir in "$root"/examples/*/; do
	dir=${dir%/}
	arch=$(basename "$dir")
	[ -f "$dir/build.flags" ] || continue
	m1_flags=$(sed -n 's/^M1_FLAGS=//p' "$dir/build.flags")
	hex2_flags=$(sed -n 's/^HEX2_FLAGS=//p' "$dir/build.flags")
	# shellcheck disable=SC2086 # the flags are words
	check "M1   examples/$arch" "$M1" "$REF_M1" $m1_flags -f "$dir/defs.M1" -f "$dir/hello.M1"
	# shellcheck disable=SC2086
	if ! "$REF_M1" $m1_flags -f "$dir/defs.M1" -f "$dir/hello.M1" -o "$work/$arch.hex2" 2>/dev/null; then
		failed=$((failed + 1))
		echo "FAIL  hex2 examples/$arch: the reference M1 rejected the example"
		continue
	fi
	header_file=()
	[ -f "$dir/elf.hex2" ] && header_file=(-f "$dir/elf.hex2")
	# shellcheck disable=SC2086
	check "hex2 examples/$arch" "$HEX2" "$REF_HEX2" $hex2_flags "${header_file[@]}" -f "$work/$arch.hex2"
done

# displacement range edges too long to keep as files: N bytes of padding between a
# reference and its target, generated here. The field of a SIGIL reference is WIDTH bytes;
# relative displacements count from the end of the field.
# edge_case SIGIL WIDTH forward|backward DISPLACEMENT
edge_case() {
	local sigil=$1 width=$2 direction=$3 displacement=$4
	local file=$work/edge.hex2 padding
	if [ "$direction" = forward ]; then
		padding=$displacement
		{ echo "${sigil}t"; head -c $((2 * padding)) /dev/zero | tr '\0' '0'; echo; echo ":t"; } >"$file"
	else
		padding=$((-displacement - width))
		{ echo ":t"; head -c $((2 * padding)) /dev/zero | tr '\0' '0'; echo; echo "${sigil}t"; } >"$file"
	fi
	check "hex2 generated: $sigil reference, displacement $displacement" "$HEX2" "$REF_HEX2" \
		--architecture x86 --little-endian --base-address 0x1000 -f "$file"
	rm -f "$file"
}
edge_case @ 2 forward 32767
edge_case @ 2 forward 32768
edge_case @ 2 backward -32768
edge_case @ 2 backward -32769
edge_case '~' 3 forward 8388607
edge_case '~' 3 forward 8388608
edge_case '~' 3 backward -8388608
edge_case '~' 3 backward -8388609

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
