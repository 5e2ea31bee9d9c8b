#!/usr/bin/env bash
# bench/run.sh BUILD_DIR: the hexproof benchmark (`make bench`); bench/README.md explains the table.
#
# Generates M1 programs of about 1, 10 and 30 MiB for amd64 and riscv64 (bench/gen_m1.cpp), then for
# each one times M1 and hex2 (on that M1 output, behind the generated ELF header) for the installed
# mescc-tools and for our drop-ins with --engine=fast (and --engine=reference once it works). Every
# output must be byte-identical to mescc-tools' output: any difference fails the run (exit 1).
# Performance targets are reported (PASS/FAIL) but do not change the exit status.
#
# Environment: BENCH_RUNS (best of N; default 5), BENCH_SIZES (MiB, default "1 10 30"),
# BENCH_ARCHES (default "amd64 riscv64"), BENCH_SEED (default 1), MESCC_M1 / MESCC_HEX2 (the
# comparison, default /usr/bin/M1 and /usr/bin/hex2), BENCH_HOSTILE=0 to skip the hostile inputs
# (bench/hostile.sh, run last, with its own knobs).
set -euo pipefail
export LC_ALL=C

if [ $# -ne 1 ]; then
  echo "usage: bench/run.sh BUILD_DIR" >&2
  exit 2
fi
build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
out=$here/out
sizes=${BENCH_SIZES:-"1 10 30"}
arches=${BENCH_ARCHES:-"amd64 riscv64"}
seed=${BENCH_SEED:-1}
mescc_m1=${MESCC_M1:-/usr/bin/M1}
mescc_hex2=${MESCC_HEX2:-/usr/bin/hex2}
gnu_time=/usr/bin/time
base_address=0x00600000

die() { echo "bench: $*" >&2; exit 2; }
[ -x "$gnu_time" ] || die "GNU time ($gnu_time) is needed for peak memory"
for tool in "$mescc_m1" "$mescc_hex2"; do [ -x "$tool" ] || die "mescc-tools not found ($tool)"; done
for tool in "$build/bin/M1" "$build/bin/hex2"; do [ -x "$tool" ] || die "$tool not built (run make)"; done
mkdir -p "$out"

# The generator: built by CMake (target hexproof_bench_gen); compiled here only if that is missing.
gen=$build/bin/hexproof_bench_gen
if [ ! -x "$gen" ]; then
  gen=$out/hexproof_bench_gen
  echo "bench: $build/bin/hexproof_bench_gen missing; compiling bench/gen_m1.cpp into $gen" >&2
  "${CXX:-c++}" -std=c++17 -O2 -Wall -Wextra -Werror -I"$here/../runtime/engine" -o "$gen" "$here/gen_m1.cpp"
fi

status=0
failures=()
loud_fail() {
  status=1
  failures+=("$*")
  echo "!!!!!!!! ERROR: $*" >&2
}

# ---------------------------------------------------------------------------------------------------
# Engines. Each is NAME, the M1 command and the hex2 command (words, before the usual flags). The first
# is the baseline every ratio is taken against; TARGET_TIME/TARGET_MEM give the targets (none: "-").

names=(mescc-tools)
m1_cmd=("$mescc_m1")
hex2_cmd=("$mescc_hex2")
target_time=(-)
target_mem=(-)

names+=(fast)
m1_cmd+=("$build/bin/M1 --engine=fast")
hex2_cmd+=("$build/bin/hex2 --engine=fast")
target_time+=(0.10)
target_mem+=(2)

# The reference engine joins when it assembles and links a tiny program exactly like mescc-tools.
probe=$out/probe
mkdir -p "$probe"
printf 'DEFINE nop 90\nDEFINE jmp E9\n:start\nnop "hi" %%12 !-3\njmp %%start\n' > "$probe/t.M1"
printf ':ELF_base\n00\n' > "$probe/h.hex2"
# probe_link PREFIX M1-COMMAND HEX2-COMMAND: assemble and link the probe; outputs $probe/PREFIX.*
probe_link() {
  # shellcheck disable=SC2086  # the command strings are word lists
  $2 --architecture amd64 --little-endian -f "$probe/t.M1" -o "$probe/$1.hex2" >/dev/null 2>&1 &&
    $3 --architecture amd64 --little-endian --base-address $base_address \
      -f "$probe/h.hex2" -f "$probe/$1.hex2" -o "$probe/$1.bin" >/dev/null 2>&1
}
probe_link m "$mescc_m1" "$mescc_hex2" || die "mescc-tools fail on the probe program $probe/t.M1"
if probe_link r "$build/bin/M1 --engine=reference" "$build/bin/hex2 --engine=reference" &&
  cmp -s "$probe/m.hex2" "$probe/r.hex2" && cmp -s "$probe/m.bin" "$probe/r.bin"; then
  names+=(reference)
  m1_cmd+=("$build/bin/M1 --engine=reference")
  hex2_cmd+=("$build/bin/hex2 --engine=reference")
  target_time+=(1.0)
  target_mem+=(6)
  reference_note="reference engine: included"
else
  reference_note="reference engine: skipped (--engine=reference does not yet reproduce a tiny program)"
fi
echo "bench: $reference_note" >&2

# ---------------------------------------------------------------------------------------------------
# Timing: best wall time of $runs runs and the least CPU time (user + system), both from bash's `time`
# (millisecond resolution), and the largest peak RSS (GNU time, KiB). GNU time itself adds well
# under a millisecond.

# le A B: true when the number A <= B.
le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }'; }
# verdict VALUE LIMIT: PASS when VALUE <= LIMIT, else FAIL.
verdict() { if le "$1" "$2"; then echo PASS; else echo FAIL; fi; }

# time_once KEY COMMAND...: one timed run of COMMAND; keeps under KEY the best wall time (t_s),
# the least CPU time, user + system (cpu), and the largest peak RSS (mem_kb). Every run writes a
# new file: the previous run's output ($measure_output) is removed first, untimed (replacing a
# 20 MB file makes the filesystem free the old one, some 15 ms that are not the tool's work and
# that every tool would pay alike). Returns 1 if the command fails.
time_once() {
  local key=$1 dt rss user sys run_cpu TIMEFORMAT='%3R %3U %3S'
  shift
  rm -f "$measure_output"
  if ! { time "$gnu_time" -f '%M' -o "$out/rss" "$@" >"$out/stdout" 2>"$out/stderr"; } 2>"$out/times"; then
    echo "bench: command failed: $*" >&2
    head -c 2000 "$out/stderr" >&2
    return 1
  fi
  rss=$(tail -n 1 "$out/rss")
  read -r dt user sys <"$out/times"
  run_cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.3f", u + s }')
  if [ -z "${t_s[$key]:-}" ] || le "$dt" "${t_s[$key]}"; then t_s[$key]=$dt; fi
  if [ -z "${cpu[$key]:-}" ] || le "$run_cpu" "${cpu[$key]}"; then cpu[$key]=$run_cpu; fi
  if [ "$rss" -gt "${mem_kb[$key]:-0}" ]; then mem_kb[$key]=$rss; fi
}

# Results, keyed "arch/size/engine/stage".
declare -A t_s cpu mem_kb in_bytes ratio cpu_ratio per_input failed
load_before=$(cut -d ' ' -f 1-3 /proc/loadavg)

for arch in $arches; do
  for size in $sizes; do
    runs=${BENCH_RUNS:-5}
    m1_in=$out/$arch-${size}MiB.M1
    elf_in=$out/$arch-${size}MiB-elf.hex2
    echo "bench: generating $arch ${size} MiB" >&2
    summary=$("$gen" --arch "$arch" --size $((size * 1048576)) --seed "$seed" --m1 "$m1_in" --elf "$elf_in")
    echo "bench:   $summary" >&2
    expect_image=$(sed -n 's/.*hex2_output_bytes=\([0-9]*\).*/\1/p' <<<"$summary")
    m1_ref=$out/$arch-${size}MiB.${names[0]}.hex2

    # The runs go in rounds, every engine once per round, so that a busy moment of the machine
    # falls on all engines alike. M1 first; then every hex2 links the same input: the generated
    # ELF header and mescc-tools' M1 output.
    for stage in M1 hex2; do
      echo "bench:   $stage, $runs rounds" >&2
      for ((round = 0; round < runs; round++)); do
        for i in "${!names[@]}"; do
          engine=${names[$i]}
          key=$arch/$size/$engine/$stage
          [ -z "${failed[$key]:-}" ] || continue
          if [ "$stage" = M1 ]; then
            measure_output=$out/$arch-${size}MiB.$engine.hex2
            # shellcheck disable=SC2086  # the command strings are word lists
            time_once "$key" ${m1_cmd[$i]} --architecture "$arch" --little-endian -f "$m1_in" -o "$measure_output" ||
              { failed[$key]=1; loud_fail "$engine M1 failed on $m1_in"; }
          else
            [ -z "${failed[$arch/$size/${names[0]}/M1]:-}" ] || { failed[$key]=1; continue; }
            measure_output=$out/$arch-${size}MiB.$engine.bin
            # shellcheck disable=SC2086
            time_once "$key" ${hex2_cmd[$i]} --architecture "$arch" --little-endian --base-address $base_address \
              -f "$elf_in" -f "$m1_ref" -o "$measure_output" ||
              { failed[$key]=1; loud_fail "$engine hex2 failed on $m1_ref"; }
          fi
        done
      done
    done

    # Every output must be mescc-tools' output.
    bin_ref=$out/$arch-${size}MiB.${names[0]}.bin
    if [ -z "${failed[$arch/$size/${names[0]}/hex2]:-}" ]; then
      got=$(stat -c %s "$bin_ref")
      [ "$got" = "$expect_image" ] ||
        loud_fail "generator predicted $expect_image bytes for $arch ${size} MiB, mescc-tools hex2 wrote $got"
    fi
    for i in "${!names[@]}"; do
      engine=${names[$i]}
      key=$arch/$size/$engine
      in_bytes[$key/M1]=$(stat -c %s "$m1_in")
      [ -f "$m1_ref" ] && in_bytes[$key/hex2]=$(($(stat -c %s "$elf_in") + $(stat -c %s "$m1_ref")))
      for stage in M1 hex2; do
        [ -z "${failed[$key/$stage]:-}" ] || unset "t_s[$key/$stage]"
      done
      [ "$i" != 0 ] || continue
      if [ -z "${failed[$key/M1]:-}" ] && [ -z "${failed[$arch/$size/${names[0]}/M1]:-}" ] &&
        ! cmp "$m1_ref" "$out/$arch-${size}MiB.$engine.hex2" >&2; then
        loud_fail "$engine M1 output differs from mescc-tools on $m1_in"
      fi
      if [ -z "${failed[$key/hex2]:-}" ] && [ -z "${failed[$arch/$size/${names[0]}/hex2]:-}" ] &&
        ! cmp "$bin_ref" "$out/$arch-${size}MiB.$engine.bin" >&2; then
        loud_fail "$engine hex2 output differs from mescc-tools on $m1_ref"
      fi
    done
  done
done

# ---------------------------------------------------------------------------------------------------
# The table: one row per (arch, size, stage, engine).

largest=${sizes##* }
echo
echo "hexproof benchmark: best of ${BENCH_RUNS:-5} runs, in interleaved rounds; ratio = wall time / mescc-tools wall time;"
echo "cpu-ratio = the same for CPU time (user + system); the targets use the wall-time ratio"
echo "mescc-tools: $mescc_m1 ($("$mescc_m1" --version 2>&1 | head -n 1)), $mescc_hex2; $reference_note"
echo "machine: $(nproc) CPUs; load average $load_before before, $(cut -d ' ' -f 1-3 /proc/loadavg) after"
if ! le "${load_before%% *}" "$(nproc)"; then
  echo "WARNING: the machine was busy (load above its CPU count): wall times are inflated; see cpu(s)"
fi
printf '%-8s %7s %-12s %-5s %8s %7s %6s %9s %8s %10s  %s\n' \
  arch size engine stage "time(s)" "cpu(s)" ratio cpu-ratio "peak(MB)" peak/input targets
for arch in $arches; do
  for size in $sizes; do
    for stage in M1 hex2; do
      base=${t_s[$arch/$size/mescc-tools/$stage]:-}
      base_cpu=${cpu[$arch/$size/mescc-tools/$stage]:-}
      for i in "${!names[@]}"; do
        engine=${names[$i]}
        key=$arch/$size/$engine/$stage
        [ -n "${t_s[$key]:-}" ] || continue
        read -r r cr p mb < <(awk -v t="${t_s[$key]}" -v b="$base" -v c="${cpu[$key]}" -v bc="$base_cpu" \
          -v m="${mem_kb[$key]}" -v n="${in_bytes[$key]}" 'BEGIN {
            printf "%.3f %.3f %.2f %.1f\n", (b > 0) ? t / b : 0, (bc > 0) ? c / bc : 0, m * 1024 / n, m * 1024 / 1e6 }')
        ratio[$key]=$r
        cpu_ratio[$key]=$cr
        per_input[$key]=$p
        if [ "${target_time[$i]}" = - ]; then
          verdict="(baseline)"
        else
          verdict="time $(verdict "$r" "${target_time[$i]}") (<= ${target_time[$i]}),"
          verdict+=" memory $(verdict "$p" "${target_mem[$i]}") (<= ${target_mem[$i]}x)"
        fi
        printf '%-8s %4sMiB %-12s %-5s %8.3f %7s %6s %9s %8s %9sx  %s\n' "$arch" "$size" "$engine" "$stage" \
          "${t_s[$key]}" "${cpu[$key]}" "$r" "$cr" "$mb" "$p" "$verdict"
      done
    done
  done
done

# Linearity: milliseconds per MB of input at each size; linear when the largest size costs at most
# 1.5x the cheapest per-MB point (small inputs carry process start-up, so their per-MB cost is higher).
declare -A linear
echo
echo "linearity (ms of wall time per MB of input):"
for arch in $arches; do
  for engine in "${names[@]}"; do
    for stage in M1 hex2; do
      line=
      points=()
      for size in $sizes; do
        key=$arch/$size/$engine/$stage
        [ -n "${t_s[$key]:-}" ] || continue
        p=$(awk -v t="${t_s[$key]}" -v n="${in_bytes[$key]}" 'BEGIN { printf "%.2f", t * 1000 / (n / 1e6) }')
        points+=("$p")
        line+=$(printf '  %7s @%sMiB' "$p" "$size")
      done
      [ ${#points[@]} -ge 2 ] || continue
      growth=$(printf '%s\n' "${points[@]}" | awk '{ v[NR] = $1; if (NR == 1 || $1 < lo) lo = $1 }
        END { printf "%.2f", (lo > 0) ? v[NR] / lo : 0 }')
      linear[$arch/$engine/$stage]=$growth
      printf '  %-8s %-12s %-5s%s   largest/cheapest %s %s\n' "$arch" "$engine" "$stage" "$line" \
        "$growth" "$(verdict "$growth" 1.5)"
    done
  done
done

# Summary: the targets at the largest size (where fixed process costs no longer dominate) and linearity.
met=0
total=0
count() {
  total=$((total + 1))
  if [ "$1" = PASS ]; then met=$((met + 1)); fi
}
echo
echo "targets at ${largest} MiB, and linearity:"
for i in "${!names[@]}"; do
  [ "${target_time[$i]}" != - ] || continue
  engine=${names[$i]}
  for arch in $arches; do
    for stage in M1 hex2; do
      key=$arch/$largest/$engine/$stage
      [ -n "${ratio[$key]:-}" ] || continue
      vt=$(verdict "${ratio[$key]}" "${target_time[$i]}")
      vm=$(verdict "${per_input[$key]}" "${target_mem[$i]}")
      g=${linear[$arch/$engine/$stage]:-}
      vl=$( [ -n "$g" ] && verdict "$g" 1.5 || echo "n/a")
      count "$vt"
      count "$vm"
      [ "$vl" = n/a ] || count "$vl"
      printf '  %-10s %-8s %-5s time %6sx %s (<= %s; cpu %sx)   memory %5sx %s (<= %sx)   linearity %5s %s\n' \
        "$engine" "$arch" "$stage" "${ratio[$key]}" "$vt" "${target_time[$i]}" "${cpu_ratio[$key]}" \
        "${per_input[$key]}" "$vm" "${target_mem[$i]}" "${g:--}" "$vl"
    done
  done
done
echo "targets met: $met of $total (reported only; they do not change the exit status)"

echo
if [ $status = 0 ]; then
  echo "outputs: all byte-identical to mescc-tools"
else
  echo "outputs: ERROR"
  for f in "${failures[@]}"; do echo "  $f"; done
fi

# The hostile inputs (bench/hostile.sh): names built to collide, syntax-biased garbage.
if [ "${BENCH_HOSTILE:-1}" != 0 ]; then
  "$here/hostile.sh" "$build" || status=1
fi
exit $status
