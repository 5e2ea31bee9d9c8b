#!/usr/bin/env bash
# tests/regressions/run.sh BIN_DIR: the minimised findings of fuzzing, the properties and the
# oracle, each run through our drop-in hex2/M1 with every built engine (fast, and reference once
# `hexproof engines` lists it).
#
# A case is NAME.hex2 or NAME.M1 (the program, byte for byte) plus NAME.case:
#   flags: the command-line flags
#   expect: the output bytes in hex           (or)   expect-error: text the error message contains
#   (or)    expect-sha256: the SHA-256 of the output (for large outputs; say how it was computed)
#   found-by: where the finding came from and what was wrong
# Expected answers are mescc-tools 1.7.0's, never our own output. Prints one line per case and
# engine, then "N passed, N failed"; exits 1 on a failure, 2 on a usage error.
set -u
if [ $# -ne 1 ]; then
	echo "usage: $0 BIN_DIR" >&2
	exit 2
fi
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
engines="fast"
if "$bin/hexproof" engines | grep -q '^reference *available'; then
	engines="fast reference"
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/regressions.XXXXXX")
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
for case_file in "$here"/*.case; do
	name=$(basename "$case_file" .case)
	if [ -f "$here/$name.hex2" ]; then
		tool=hex2 program=$here/$name.hex2
	else
		tool=M1 program=$here/$name.M1
	fi
	flags=$(sed -n 's/^flags: *//p' "$case_file")
	expect=$(sed -n 's/^expect: *//p' "$case_file")
	expect_error=$(sed -n 's/^expect-error: *//p' "$case_file")
	expect_sha256=$(sed -n 's/^expect-sha256: *//p' "$case_file")
	for engine in $engines; do
		rm -f "$work/out"
		# shellcheck disable=SC2086 # flags are words
		"$bin/$tool" --engine="$engine" -f "$program" $flags -o "$work/out" 2>"$work/err"
		status=$?
		why=
		if [ -n "$expect_error" ]; then
			if [ $status -eq 0 ]; then
				why="accepted; expected an error containing '$expect_error'"
			elif ! grep -qF -- "$expect_error" "$work/err"; then
				why="error '$(tail -n 1 "$work/err")'; expected one containing '$expect_error'"
			fi
		elif [ $status -ne 0 ]; then
			why="rejected: $(tail -n 1 "$work/err")"
		elif [ -n "$expect_sha256" ]; then
			got=$(sha256sum <"$work/out" | cut -d ' ' -f 1)
			[ "$got" = "$expect_sha256" ] || why="output of SHA-256 $got, expected $expect_sha256"
		else
			got=$(od -An -v -tx1 "$work/out" | tr -d ' \n')
			[ "$got" = "$expect" ] || why="output $got, expected $expect"
		fi
		if [ -z "$why" ]; then
			echo "PASS $name ($engine)"
			passed=$((passed + 1))
		else
			echo "FAIL $name ($engine): $why"
			failed=$((failed + 1))
		fi
	done
done
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
