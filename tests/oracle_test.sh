#!/usr/bin/env bash
# tests/oracle_test.sh BIN_DIR: `hexproof oracle` as a harness for implementations it cannot
# trust (docs/oracle.md). The implementations are the small programs of tests/oracle/ (see its
# README), run as the implementation under test; each run checks the verdict and exit status,
# the oracle's bounds (its own peak memory, the time) and that nothing is left behind: no file in
# TMPDIR, no process in this session, no process of an implementation anywhere.
# Also: flags (every malformed value is a usage error), setup errors, relative paths, one tool
# alone, corpus steps after a divergence, -j, progress, capped listings, --report-dir, --json.
set -u
bin=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
impls=$here/oracle
work=$(mktemp -d "${TMPDIR:-/tmp}/oracle_test.XXXXXX")
trap 'chmod -R u+rwx "$work" 2>/dev/null; rm -rf "$work"' EXIT
# As root the oracle runs implementations as uid 65534: they must reach their programs.
chmod 755 "$work"
mkdir "$work/tmp" "$work/outside" "$work/rep"
chmod 1777 "$work/outside"  # writable by anyone: only the isolation keeps a marker out
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

# The processes of this session, and those an implementation of tests/oracle started.
session_processes() {
	local sid
	sid=$(awk '{sub(/.*\) /, ""); print $4}' /proc/$$/stat)
	cat /proc/[0-9]*/stat 2>/dev/null | awk -v sid="$sid" '{sub(/.*\) /, ""); if ($4 == sid) n++} END {print n + 0}'
}
sleepers() { grep -l 'oracle-test-sleep[e]r' /proc/[0-9]*/cmdline 2>/dev/null | wc -l; }

# Cases: a hex2 program (c1), an M1 program (c2), an M1 step feeding a hex2 step (c3).
cases=$work/cases
mkdir -p "$cases/c1" "$cases/c2" "$cases/c3"
printf ':start\n# a header\n01 02 03\n%%end>start\n^~start AA BB\n&start\n:end\n' >"$cases/c1/p.hex2"
echo "HEX2 -f p.hex2 --architecture armv7l --little-endian --base-address 0x10000 -o out/x" >"$cases/c1/cmd.txt"
printf 'DEFINE NOP 90\nNOP !1 "hi"\n' >"$cases/c2/p.M1"
echo "M1 -f p.M1 --architecture x86 --little-endian -o out/y" >"$cases/c2/cmd.txt"
printf 'DEFINE NOP 90\n:top NOP NOP NOP NOP NOP NOP\n%%top\n' >"$cases/c3/p.M1"
printf 'M1 -f p.M1 --architecture x86 --little-endian -o out/p.hex2\nHEX2 -f out/p.hex2 --architecture x86 --little-endian --base-address 0x1000 -o out/p\n' >"$cases/c3/cmd.txt"
hex2case=$work/hex2case
mkdir -p "$hex2case/c1"
cp "$cases/c1/"* "$hex2case/c1/"
chmod -R a+rX "$work"

# The oracle's memory bound for hostile runs: 64 MiB (192 MiB under the sanitizers, whose shadow
# memory counts).
memory_kib=65536
extra=()
if [ -n "${HEXPROOF_SANITIZED:-}" ]; then
	memory_kib=196608
	# The sanitizer build's drop-ins are implementations too, and reserve terabytes of address space.
	extra=(--max-memory unlimited)
fi

# run NAME ARGS...: the oracle with --json into $work/NAME.json (stderr: NAME.err), timed, then
# the checks that hold whatever the implementation did. Sets $status and $elapsed (seconds).
run() {
	local name=$1
	shift
	local before start
	before=$(session_processes)
	start=$(date +%s%N)
	REAL=${REAL:-$bin/hex2} OUTSIDE=$work/outside TMPDIR=$work/tmp \
		"$bin/hexproof" oracle --json "${extra[@]}" "$@" >"$work/$name.json" 2>"$work/$name.err"
	status=$?
	elapsed=$((($(date +%s%N) - start) / 1000000000))
	local left after
	left=$(ls -A "$work/tmp" | wc -l)
	after=$(session_processes)
	[ "$left" = 0 ] && [ "$after" -le "$before" ] && [ "$(sleepers)" = 0 ] && [ ! -e "$work/outside/marker" ]
	check "$name: nothing left behind (files $left, session processes $before -> $after, sleepers $(sleepers))" $? "$work/$name.err"
	rm -rf "${work:?}/tmp/"* "$work/outside/marker"
}

# jqtest NAME FILTER: FILTER (jq) holds on NAME.json.
jqtest() {
	jq -e "$2" "$work/$1.json" >/dev/null 2>&1
	check "$1: $2" $? "$work/$1.json"
}

# A hostile run: verdict, exit status, the oracle's memory and time.
hostile() { # NAME IMPL VERDICT EXIT SECONDS ARGS...
	local name=$1 impl=$2 verdict=$3 want=$4 seconds=$5
	shift 5
	run "$name" --hex2 "$impls/$impl" "$@"
	[ "$status" = "$want" ]
	check "$name: exit $want (got $status)" $? "$work/$name.err"
	jqtest "$name" "[.invocations[].verdict] | length > 0 and all(. == \"$verdict\")"
	local peak
	peak=$(jq '.summary.oracle_peak_rss_kib' "$work/$name.json" 2>/dev/null)
	[ -n "$peak" ] && [ "$peak" -lt "$memory_kib" ]
	check "$name: the oracle's peak memory under $memory_kib KiB ($peak KiB)" $?
	[ "$elapsed" -le "$seconds" ]
	check "$name: at most $seconds s (took $elapsed)" $?
}

# ---------------------------------------------------------------- verdicts, bounds, leftovers

run own --hex2 "$bin/hex2" --m1 "$bin/M1" --generate 12 --seed 7 -j 2
[ "$status" = 0 ]
check "own drop-ins conform (exit 0)" $? "$work/own.err"
jqtest own '.summary.verdicts.agree == .summary.invocations and .summary.invocations == 96'

hostile correct correct agree 0 30 --corpus "$hex2case"
hostile one-byte one-byte divergence 1 60 --corpus "$hex2case"
jqtest one-byte '.invocations[0].class == "bytes-differ" and .invocations[0].first_difference == 5'
jqtest one-byte '.groups[0].shrunk and .groups[0].source.place == "p.hex2:2:9" and .groups[0].first_difference == 5'
jq -e --arg impl "$impls/one-byte" '.invocations[0].command | .[0] == $impl and .[-2] == "-o" and .[-1] == "out"' \
	"$work/one-byte.json" >/dev/null
check "one-byte: the command as run" $?
hostile hang hang-with-grandchild timeout 1 30 --corpus "$hex2case" --timeout 1 --wall-timeout 2 --max-reports 0
hostile crash crash crash 1 30 --corpus "$hex2case"
jqtest crash '.invocations[0].reason | test("signal 11")'
hostile nothing nothing no-output 1 30 --corpus "$hex2case"
jqtest nothing '.invocations[0].reason | test("no file named out")'
hostile fifo fifo no-output 1 30 --corpus "$hex2case"
jqtest fifo '.invocations[0].reason | test("FIFO")'
hostile link-zero link-zero no-output 1 30 --corpus "$hex2case"
jqtest link-zero '.invocations[0].reason | test("symbolic link")'
hostile link-shadow link-shadow no-output 1 30 --corpus "$hex2case"
! grep -q 'root:' "$work/link-shadow.json"
check "link-shadow: nothing of /etc/shadow in the report" $?
hostile flood flood divergence 1 60 --corpus "$hex2case" --max-reports 0
jqtest flood '.invocations[0].class == "implementation-rejects" and (.invocations[0].reason | test("error at the end"))'
hostile escape escape agree 0 30 --corpus "$hex2case"
hostile lock-out lock-out agree 0 30 --corpus "$hex2case"
hostile daemon daemon agree 0 30 --corpus "$hex2case"
jqtest daemon '.summary.stray_processes_killed >= 1'
# (LeakSanitizer needs a process of its own at exit, which the fork bomb leaves none of.)
ASAN_OPTIONS=detect_leaks=0 hostile fork-bomb fork-bomb agree 0 60 --corpus "$hex2case"
hostile nest nest agree 0 30 --corpus "$hex2case"
# Shrinking a timeout: each candidate gets --shrink-timeout (1 s), not --timeout (3 s). On a
# loaded machine 3 s of CPU take longer; the wall-clock bounds add up to about 56 s (the start
# check 2, the case 30, shrinking 4 + 10, the minimal program again 10).
hostile spin spin timeout 1 75 --corpus "$hex2case" --timeout 3 --shrink-timeout 1 --shrink-seconds 4
jqtest spin '.invocations[0].reason == "timed out: the CPU limit of 3 s"'
jqtest spin '.groups[0].shrunk and .groups[0].shrink_runs >= 1 and .groups[0].implementation == "timed out: the CPU limit of 1 s"'

# Interrupted (SIGINT) while implementations hang: the runs are stopped, the report covers the
# cases finished, exit 130, nothing left. Killed (SIGKILL): each supervisor is told by the kernel
# and stops its run; only the dead oracle's scratch folder stays (nothing can remove it).
for sig in INT KILL; do
	REAL=$bin/hex2 TMPDIR=$work/tmp "$bin/hexproof" oracle "${extra[@]}" --hex2 "$impls/hang-with-grandchild" \
		--generate 2 --wall-timeout 60 -j 2 >"$work/signal.txt" 2>&1 &
	pid=$!
	# Two cases at once each have a sleeper (the check that the program starts has one only).
	for i in $(seq 100); do [ "$(sleepers)" -ge 2 ] && break; sleep 0.1; done
	kill -$sig $pid
	wait $pid 2>/dev/null
	s=$?
	for i in $(seq 50); do [ "$(sleepers)" = 0 ] && break; sleep 0.1; done
	want=130
	[ $sig = KILL ] && want=137
	[ $s = $want ] && [ "$(sleepers)" = 0 ] && { [ $sig = KILL ] || [ -z "$(ls -A "$work/tmp")" ]; }
	check "SIG$sig: exit $want (got $s), no process left" $? "$work/signal.txt"
	rm -rf "${work:?}/tmp/"*
done

# The same under Landlock, without namespaces (where the kernel has it).
if jq -e '.isolation.kind == "namespaces"' "$work/own.json" >/dev/null; then
	run landlock-probe --isolation landlock --hex2 "$bin/hex2" --generate 1
	if [ "$status" != 2 ] && jq -e '.isolation.kind == "landlock"' "$work/landlock-probe.json" >/dev/null; then
		hostile landlock-escape escape agree 0 30 --corpus "$hex2case" --isolation landlock
		hostile landlock-lock-out lock-out agree 0 30 --corpus "$hex2case" --isolation landlock
		hostile landlock-daemon daemon agree 0 30 --corpus "$hex2case" --isolation landlock
		hostile landlock-nest nest agree 0 30 --corpus "$hex2case" --isolation landlock
		hostile landlock-hang hang-with-grandchild timeout 1 30 --corpus "$hex2case" --isolation landlock \
			--timeout 1 --wall-timeout 2 --max-reports 0
	else
		echo "SKIP landlock: not available here ($(head -n 1 "$work/landlock-probe.err"))"
	fi
fi

# ---------------------------------------------------------------- the old planted faults

printf '#!/bin/sh\necho "no" >&2\nexit 1\n' >"$work/reject"
printf '#!/bin/sh\nfor a in "$@"; do last=$a; done\nprintf AB >"$last"\n' >"$work/accept"
chmod 755 "$work/reject" "$work/accept"
"$bin/hexproof" oracle "${extra[@]}" --m1 "$work/reject" --corpus "$cases" >"$work/reject.txt" 2>&1
[ $? = 1 ] && grep -q 'the implementation rejects what the reference accepts' "$work/reject.txt"
check "rejecting M1 reported (exit 1)" $? "$work/reject.txt"
mkdir -p "$work/bad/c4"
printf '%%nowhere\n' >"$work/bad/c4/p.hex2"
echo "HEX2 -f p.hex2 --architecture x86 --little-endian --base-address 0x1000 -o out/z" >"$work/bad/c4/cmd.txt"
chmod -R a+rX "$work/bad"
"$bin/hexproof" oracle "${extra[@]}" --hex2 "$work/accept" --corpus "$work/bad" >"$work/accept.txt" 2>&1
[ $? = 1 ] && grep -q 'the reference rejects: p.hex2:1:2: error: Target label nowhere is not valid' "$work/accept.txt"
check "accepting hex2 reported with the reference's error and place (exit 1)" $? "$work/accept.txt"
REAL=$bin/hex2 "$bin/hexproof" oracle "${extra[@]}" --hex2 "$impls/one-byte" --corpus "$hex2case" >"$work/one-byte.txt" 2>&1
[ $? = 1 ] && grep -q 'first differing byte: offset 5' "$work/one-byte.txt" && grep -q '\[ee\]' "$work/one-byte.txt" &&
	grep -q 'the expected byte comes from p.hex2:' "$work/one-byte.txt" && grep -q 'not explained: no release named' "$work/one-byte.txt"
check "text report: offset, hexdump, source token (exit 1)" $? "$work/one-byte.txt"

# ---------------------------------------------------------------- corpus steps, one tool, -j

# The M1 step of c3 diverges; the hex2 step still gets the reference's M1 output and agrees.
REAL=$bin/M1 run steps --m1 "$impls/one-byte" --hex2 "$bin/hex2" --corpus "$cases/c3" --max-reports 0
jqtest steps '[.invocations[] | [.tool, .step, .verdict]] == [["M1", 1, "divergence"], ["hex2", 2, "agree"]]'
run hex2-alone --hex2 "$bin/hex2" --generate 3 --corpus "$cases"
jqtest hex2-alone '[.invocations[].tool] | length == 26 and all(. == "hex2")'
jqtest hex2-alone '.summary.skipped | any(.reason | test("corpus steps of M1 not checked"))'
run m1-alone --m1 "$bin/M1" --generate 3
jqtest m1-alone '[.invocations[].tool] | length == 24 and all(. == "M1")'
# The same records whatever the number of jobs.
REAL=$bin/hex2 run j1 --hex2 "$impls/one-byte" --m1 "$bin/M1" --generate 6 --seed 3 -j 1 --max-reports 2
REAL=$bin/hex2 run j2 --hex2 "$impls/one-byte" --m1 "$bin/M1" --generate 6 --seed 3 -j 2 --max-reports 2
jq -c '[.invocations[] | [.case, .command, .verdict, .class, .first_difference, .group]]' "$work/j1.json" >"$work/j1.rec"
jq -c '[.invocations[] | [.case, .command, .verdict, .class, .first_difference, .group]]' "$work/j2.json" >"$work/j2.rec"
cmp -s "$work/j1.rec" "$work/j2.rec" && jq -e '.summary.verdicts.divergence > 0' "$work/j1.json" >/dev/null
check "-j 1 and -j 2 give the same records" $?

# ---------------------------------------------------------------- reports

run schema --hex2 "$bin/hex2" --m1 "$bin/M1" --generate 1 --arch x86
jqtest schema '.invocations | all(has("tool") and has("case") and (.command | type == "array") and has("verdict") and has("class") and has("first_difference"))'
jqtest schema '.summary.verdicts | keys == (["agree", "formatting", "could-not-run", "crash", "divergence", "known-difference", "no-output", "timeout", "upstream-limit", "upstream-undefined"] | sort)'
# A program that cannot shrink (the implementation rejects exactly this program): the listing
# shows 30 of its 100 lines, the report folder all of it.
mkdir -p "$work/long/c5"
for i in $(seq 1 100); do echo "01 02 # line $i"; done >"$work/long/c5/p.hex2"
echo "HEX2 -f p.hex2 --architecture x86 --little-endian --base-address 0x1000 -o out/l" >"$work/long/c5/cmd.txt"
cat >"$work/reject-long" <<'EOS'
#!/bin/sh
cmp -s "$2" "$ORIGINAL" && exit 1
exec "$REAL" "$@"
EOS
chmod 755 "$work/reject-long"
chmod -R a+rX "$work/long"
ORIGINAL=$work/long/c5/p.hex2 REAL=$bin/hex2 "$bin/hexproof" oracle "${extra[@]}" --hex2 "$work/reject-long" --corpus "$work/long" --report-dir "$work/rep" \
	>"$work/long.txt" 2>&1
[ $? = 1 ] && grep -q '70 lines not shown (the whole program is in' "$work/long.txt" &&
	[ "$(grep -c '^ *[0-9]* | 01 02' "$work/long.txt")" = 30 ] && cmp -s "$work/long/c5/p.hex2" "$work/rep/group-0/p.hex2" &&
	cmp -s "$work/long.txt" "$work/rep/report.txt" && grep -q 'reject-long' "$work/rep/group-0/command.txt"
check "capped listing, whole program in --report-dir" $? "$work/long.txt"
# Progress on a terminal only.
[ ! -s "$work/own.err" ]
check "no progress when standard error is not a terminal" $? "$work/own.err"
if command -v script >/dev/null; then
	script -qec "'$bin/hexproof' oracle ${extra[*]} --hex2 '$bin/hex2' --generate 40 >/dev/null" /dev/null >"$work/tty.txt" 2>&1
	grep -q 'cases, .* invocations, .* failing so far, .* per second' "$work/tty.txt"
	check "progress on a terminal" $? "$work/tty.txt"
fi

# ---------------------------------------------------------------- setup and usage errors

# usage ARGS...: exit 2 and one line on standard error.
usage() {
	"$bin/hexproof" oracle "$@" >"$work/usage.out" 2>"$work/usage.err"
	local s=$?
	[ $s = 2 ] && [ "$(wc -l <"$work/usage.err")" = 1 ] && [ ! -s "$work/usage.out" ]
	check "exit 2, one line: $*" $? "$work/usage.err"
}
g=(--hex2 "$bin/hex2" --generate 1)
for v in abc 0 -5 nan inf 1e3 '' . 1.2.3 86401; do usage "${g[@]}" --timeout "$v"; done
usage "${g[@]}" --wall-timeout 0
usage "${g[@]}" --timeout 5 --wall-timeout 2
usage "${g[@]}" --shrink-seconds nan
usage "${g[@]}" --shrink-timeout -1
for v in -1 0 abc 18446744073709551616 100000001; do usage --hex2 "$bin/hex2" --generate "$v"; done
for v in -1 abc 0x 1x 18446744073709551616 ''; do usage "${g[@]}" --seed "$v"; done
for v in -1 abc 10001; do usage "${g[@]}" --max-reports "$v"; done
for v in 0 -1 abc 257; do usage "${g[@]}" -j "$v"; done
usage "${g[@]}" -j0
for v in 1 abc 2T 1.5G infinite; do usage "${g[@]}" --max-memory "$v"; done
usage "${g[@]}" --max-output 0
usage "${g[@]}" --max-processes 0
usage "${g[@]}" --max-stream 1
usage "${g[@]}" --isolation jail
usage "${g[@]}" --arch pdp11
usage "${g[@]}" --bogus 1
usage "${g[@]}" --timeout
usage --hex2 "$bin/hex2"
usage --generate 1
usage --hex2 /tmp --generate 1
usage --hex2 "$work/missing" --generate 1
printf '01\n' >"$work/not-executable"
usage --hex2 "$work/not-executable" --generate 1
printf '#!/nonexistent/interpreter\n' >"$work/bad-interpreter"
chmod 755 "$work/bad-interpreter"
usage --hex2 "$work/bad-interpreter" --generate 1
grep -q 'cannot run .*bad-interpreter' "$work/usage.err"
check "an implementation that cannot start is named" $? "$work/usage.err"
# Starts once (the check before the cases), then takes its own execute bit away: it cannot be run
# on any case, a setup error too. (--isolation none: elsewhere its file is read-only to it.)
mkdir "$work/once"
printf '#!/bin/sh\nchmod 644 "$0"\nexec "$REAL" "$@"\n' >"$work/once/hex2"
chmod 755 "$work/once/hex2"
[ "$(id -u)" = 0 ] && chown 65534:65534 "$work/once/hex2"
REAL=$bin/hex2 "$bin/hexproof" oracle "${extra[@]}" --isolation none --hex2 "$work/once/hex2" --generate 2 \
	>"$work/once.out" 2>"$work/once.err"
[ $? = 2 ] && [ "$(wc -l <"$work/once.err")" = 1 ] && grep -q 'cannot run .*once/hex2 on any case: execve: Permission denied' "$work/once.err"
check "could not run on any case: exit 2, one line" $? "$work/once.err"
usage --hex2 "$bin/hex2" --corpus "$work/missing"
usage --hex2 "$bin/hex2" --corpus "$work/rep"
"$bin/hexproof" oracle --help | grep -q -- '--wall-timeout'
check "--help lists the options (exit 0)" $?

# Relative paths, resolved when the oracle starts: --hex2 ./PROGRAM and TMPDIR=.
mkdir "$work/rel"
cp "$bin/hex2" "$work/rel/hex2"
chmod -R a+rX "$work/rel"
(cd "$work/rel" && TMPDIR=. "$bin/hexproof" oracle "${extra[@]}" --hex2 ./hex2 --generate 2 >"$work/rel.txt" 2>&1)
[ $? = 0 ] && grep -q 'agree 16,' "$work/rel.txt" && [ "$(ls -A "$work/rel")" = hex2 ]
check "relative --hex2 and TMPDIR=. (exit 0, nothing left)" $? "$work/rel.txt"

exit $failed
