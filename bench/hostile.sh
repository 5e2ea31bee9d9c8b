#!/usr/bin/env bash
# bench/hostile.sh BUILD_DIR: the hostile-input part of `make bench` (bench/README.md, "Hostile
# inputs"): does any input cost much more than an ordinary one of its size?
#
# 1. Names built to collide (bench/gen_names.cpp) against random names of the same number and
#    length, for hex2 (labels) and M1 (DEFINEd macros), on both engines: the slowest of the
#    built sets over the random set; PASS when at most 3.
# 2. Syntax-biased garbage (bench/gen_garbage.cpp, wild and --tame, several seeds) against an
#    ordinary program of the same size (bench/gen_m1.cpp, and mescc-tools' M1 output of it for
#    hex2), for both tools and engines, several architectures: the slowest run and the largest
#    peak memory over the ordinary one's; PASS when the time is at most 3x (+10 ms of process
#    noise) and the memory at most 3x.
# A run that takes more than BENCH_TIMEOUT seconds (default 60) is stopped and counted as that
# long ("> 60"), a FAIL; a tool and engine that hit it on one garbage input are not run on the
# others. Results are reported; they do not change the exit status. Outputs of the
# two engines on the same input must be the same bytes (or the same error message): any
# difference is an ERROR and exit 1.
#
# Environment: BENCH_NAMES (default "64000 256000"), BENCH_GARBAGE_SEEDS (default "1 2 3 4 5"),
# BENCH_TIMEOUT, BENCH_RUNS (best of N for runs under a second; default 5).
set -euo pipefail
export LC_ALL=C

if [ $# -ne 1 ]; then
  echo "usage: bench/hostile.sh BUILD_DIR" >&2
  exit 2
fi
build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
out=$here/out/hostile
mkdir -p "$out"
name_counts=${BENCH_NAMES:-"64000 256000"}
seeds=${BENCH_GARBAGE_SEEDS:-"1 2 3 4 5"}
limit=${BENCH_TIMEOUT:-60}
runs=${BENCH_RUNS:-5}
sets="random bytemap old-fast-hex2 old-fast-m1"
gnu_time=/usr/bin/time
[ -x "$gnu_time" ] || { echo "hostile: GNU time ($gnu_time) is needed" >&2; exit 2; }
for tool in hexproof_bench_names hexproof_bench_garbage hexproof_bench_gen M1 hex2; do
  [ -x "$build/bin/$tool" ] || { echo "hostile: $build/bin/$tool not built (run make)" >&2; exit 2; }
done
engines="fast"
if "$build/bin/hexproof" engines | grep -q '^reference *available'; then engines="fast reference"; fi

status=0
le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }'; }

# run_once OUT COMMAND...: one run's wall time (bash's `time`, in milliseconds) and peak RSS
# (KiB, GNU time), as "seconds kib", or "LIMIT kib timeout" when it hit the time limit. The
# command's output goes to OUT (its messages to OUT.err).
run_once() {
  local to=$1 rc=0 TIMEFORMAT='%3R'
  shift
  rm -f "$to"
  { time "$gnu_time" -f '%M' -o "$out/rss" timeout "$limit" "$@" -o "$to" 2>"$to.err" || rc=$?; } 2>"$out/wall"
  if [ "$rc" = 124 ]; then echo "$limit $(tail -n 1 "$out/rss") timeout"; return; fi
  echo "$(tail -n 1 "$out/wall") $(tail -n 1 "$out/rss")"
}

# measure OUT COMMAND...: the best time of $runs runs (one when a run takes a second or more)
# and the largest peak, as run_once gives them.
measure() {
  local best="" peak=0 t m note
  for ((r = 0; r < runs; r++)); do
    read -r t m note < <(run_once "$@")
    [ "$m" -le "$peak" ] || peak=$m
    if [ -n "${note:-}" ]; then echo "$t $peak timeout"; return; fi
    if [ -z "$best" ] || le "$t" "$best"; then best=$t; fi
    le "$t" 1 || break
  done
  echo "$best $peak"
}

# same_result A B: the two outputs are the same bytes, or both runs failed with the same message.
same_result() {
  if [ -f "$1" ] && [ -f "$2" ]; then cmp -s "$1" "$2"; return; fi
  [ ! -f "$1" ] && [ ! -f "$2" ] && cmp -s "$1.err" "$2.err"
}

flags_of() {  # flags_of TOOL ARCH
  if [ "$1" = hex2 ]; then echo "--architecture $2 --little-endian --base-address 0x600000"
  else echo "--architecture $2 --little-endian"; fi
}

# ---------------------------------------------------------------------------------------------------
echo
echo "hostile inputs (bench/hostile.sh): runs stopped after ${limit} s; best of $runs runs (in rounds over the sets of names)"
echo "for runs under a second; machine: load average $(cut -d ' ' -f 1-3 /proc/loadavg)"
echo
echo "1. names built to collide against random names of the same number and length (24 bytes)"
printf '%-10s %-5s %8s %10s %12s %12s %14s %8s  %s\n' engine tool names "random(s)" "bytemap(s)" "old-hex2(s)" "old-m1(s)" ratio verdict
for count in $name_counts; do
  for set in $sets; do
    "$build/bin/hexproof_bench_names" --names "$count" --set "$set" --hex2 "$out/$set-$count.hex2" --m1 "$out/$set-$count.M1"
  done
  for tool in hex2 M1; do
    for engine in $engines; do
      # The sets in rounds, each once per round, so that a busy moment of the machine falls on
      # all of them alike; a set stops after a run of a second or more, or at the limit.
      declare -A secs=() stopped=()
      for ((r = 0; r < runs; r++)); do
        for set in $sets; do
          [ -z "${stopped[$set]:-}" ] || continue
          # shellcheck disable=SC2046  # the flags are words
          read -r t _ note < <(run_once "$out/$set-$count.$tool.$engine.out" "$build/bin/$tool" --engine="$engine" \
            $(flags_of "$tool" amd64) -f "$out/$set-$count.$tool")
          if [ -n "${note:-}" ]; then secs[$set]=$t stopped[$set]=timeout; continue; fi
          if [ -z "${secs[$set]:-}" ] || le "$t" "${secs[$set]}"; then secs[$set]=$t; fi
          le "$t" 1 || stopped[$set]=slow
        done
      done
      worst=0
      timed_out=
      for set in $sets; do
        if [ "$set" != random ] && ! le "${secs[$set]}" "$worst"; then worst=${secs[$set]}; fi
        if [ "${stopped[$set]:-}" = timeout ]; then secs[$set]="> ${secs[$set]}" timed_out=1; continue; fi
        if [ "$engine" != fast ] && ! same_result "$out/$set-$count.$tool.fast.out" "$out/$set-$count.$tool.$engine.out"; then
          echo "!!!!!!!! ERROR: $tool fast and $engine differ on $set-$count" >&2
          status=1
        fi
      done
      ratio=$(awk -v w="$worst" -v r="${secs[random]}" 'BEGIN { printf "%.1f", (r > 0) ? w / r : w / 0.001 }')
      verdict=$(le "$ratio" 3 && [ -z "$timed_out" ] && echo PASS || echo FAIL)
      [ -z "$timed_out" ] || ratio="> $ratio"
      printf '%-10s %-5s %8s %10s %12s %12s %14s %8s  %s\n' "$engine" "$tool" "$count" "${secs[random]}" \
        "${secs[bytemap]}" "${secs[old-fast-hex2]}" "${secs[old-fast-m1]}" "$ratio" "$verdict (<= 3)"
      unset secs stopped
    done
  done
done

# ---------------------------------------------------------------------------------------------------
echo
echo "2. syntax-biased garbage against an ordinary program of the same size (worst over seeds $seeds, wild and tame,"
echo "   architectures amd64, riscv64, knight-native)"
"$build/bin/hexproof_bench_gen" --arch amd64 --size 20000 --seed 1 --m1 "$out/ordinary.M1" --elf "$out/ordinary-elf.hex2" >/dev/null
/usr/bin/M1 --architecture amd64 --little-endian -f "$out/ordinary.M1" -o "$out/ordinary-body.hex2"
cat "$out/ordinary-elf.hex2" "$out/ordinary-body.hex2" >"$out/ordinary.hex2"
size=$(stat -c %s "$out/ordinary.M1")
for seed in $seeds; do
  "$build/bin/hexproof_bench_garbage" --size "$size" --seed "$seed" --out "$out/wild-$seed.txt"
  "$build/bin/hexproof_bench_garbage" --size "$size" --seed "$seed" --tame --out "$out/tame-$seed.txt"
done
echo "   ordinary program: $size bytes of M1 (hex2: $(stat -c %s "$out/ordinary.hex2") bytes)"
printf '%-10s %-5s %12s %12s %12s %12s %22s  %s\n' engine tool "ordinary(s)" "worst(s)" "ordinary(KB)" "worst(KB)" "worst input" verdict
for tool in hex2 M1; do
  for engine in $engines; do
    # shellcheck disable=SC2046
    read -r base_t base_m _ < <(measure "$out/ordinary.$tool.$engine.out" "$build/bin/$tool" --engine="$engine" \
      $(flags_of "$tool" amd64) -f "$out/ordinary.$tool")
    worst_t=0 worst_m=0 worst_in=- timed_out=
    for seed in $seeds; do
      for kind in wild tame; do
        for arch in amd64 riscv64 knight-native; do
          [ -z "$timed_out" ] || continue  # one run stopped at the limit is enough to know
          input=$out/$kind-$seed.txt
          result=$out/$kind-$seed.$arch.$tool.$engine.out
          # shellcheck disable=SC2046
          read -r t m note < <(measure "$result" "$build/bin/$tool" --engine="$engine" $(flags_of "$tool" "$arch") -f "$input")
          if ! le "$t" "$worst_t"; then worst_t=$t worst_in=$kind-$seed/$arch; fi
          [ "$m" -le "$worst_m" ] || worst_m=$m
          [ -z "${note:-}" ] || timed_out=1
          if [ "$engine" != fast ] && [ -z "${note:-}" ] &&
            ! same_result "$out/$kind-$seed.$arch.$tool.fast.out" "$result"; then
            echo "!!!!!!!! ERROR: $tool fast and $engine differ on $input ($arch)" >&2
            status=1
          fi
        done
      done
    done
    verdict=$(le "$worst_t" "$(awk -v b="$base_t" 'BEGIN { print 3 * b + 0.01 }')" &&
      le "$worst_m" "$((3 * base_m))" && [ -z "$timed_out" ] && echo PASS || echo FAIL)
    [ -z "$timed_out" ] || worst_t="> $worst_t"
    printf '%-10s %-5s %12s %12s %12s %12s %22s  %s\n' "$engine" "$tool" "$base_t" "$worst_t" "$base_m" "$worst_m" \
      "$worst_in" "$verdict (time <= 3x + 0.01 s, memory <= 3x)"
  done
done
exit $status
