#!/usr/bin/env bash
# bench/run.sh BUILD_DIR: the hexproof benchmark (`make bench`); bench/README.md explains the table.
#
# Generates M1 programs of about 1, 10 and 30 MiB for amd64 and riscv64 (bench/gen_m1.cpp), and a
# real-shaped one of about 32 MiB per architecture made from the M2-Planet-compiled stage0 programs
# of the upstream corpus (bench/gen_real.cpp; skipped with a note when the corpus is missing), then
# for each one times M1 and hex2 (on that M1 output, behind the ELF header) for the installed
# mescc-tools, the floor (bench/floor.cpp: the least work any M1 or hex2 must do) and our drop-ins
# with --engine=fast (and --engine=reference once it works). Every output must be byte-identical to
# mescc-tools' output: any difference fails the run (exit 1). Performance targets are reported
# (PASS/FAIL) but do not change the exit status.
#
# Environment: BENCH_RUNS (best of N; default 5), BENCH_SIZES (MiB, default "1 10 30"),
# BENCH_ARCHES (default "amd64 riscv64"), BENCH_SEED (default 1), BENCH_REAL_MIB (size of the
# real-shaped inputs, default 32; 0 skips them), HEXPROOF_CORPUS (default ../shared/corpus beside
# the repository), MESCC_M1 / MESCC_HEX2 (the comparison, default /usr/bin/M1 and /usr/bin/hex2),
# BENCH_HOSTILE=0 to skip the hostile inputs (bench/hostile.sh, run last, with its own knobs).
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
real_mib=${BENCH_REAL_MIB:-32}
corpus=${HEXPROOF_CORPUS:-$here/../../shared/corpus}
[ ! -d "$corpus" ] || corpus=$(cd "$corpus" && pwd)
mescc_m1=${MESCC_M1:-/usr/bin/M1}
mescc_hex2=${MESCC_HEX2:-/usr/bin/hex2}
gnu_time=/usr/bin/time
base_address=0x00600000

die() { echo "bench: $*" >&2; exit 2; }
[ -x "$gnu_time" ] || die "GNU time ($gnu_time) is needed for peak memory"
for tool in "$mescc_m1" "$mescc_hex2"; do [ -x "$tool" ] || die "mescc-tools not found ($tool)"; done
for tool in "$build/bin/M1" "$build/bin/hex2"; do [ -x "$tool" ] || die "$tool not built (run make)"; done
mkdir -p "$out"

# The benchmark's own programs: built by CMake (targets hexproof_bench_gen, hexproof_bench_real,
# hexproof_bench_floor); compiled here only if missing.
bench_tool() {
  local target=$1 source=$2
  if [ -x "$build/bin/$target" ]; then
    echo "$build/bin/$target"
    return
  fi
  echo "bench: $build/bin/$target missing; compiling bench/$source into $out/$target" >&2
  "${CXX:-c++}" -std=c++17 -O2 -Wall -Wextra -Werror -I"$here/../runtime/engine" -o "$out/$target" "$here/$source" ||
    die "cannot compile bench/$source"
  echo "$out/$target"
}
gen=$(bench_tool hexproof_bench_gen gen_m1.cpp)
gen_real=$(bench_tool hexproof_bench_real gen_real.cpp)
floor=$(bench_tool hexproof_bench_floor floor.cpp)

status=0
failures=()
loud_fail() {
  status=1
  failures+=("$*")
  echo "!!!!!!!! ERROR: $*" >&2
}

# ---------------------------------------------------------------------------------------------------
# Engines. Each is NAME, the M1 command and the hex2 command (words, before the usual flags). The first
# is the baseline every ratio is taken against; the second, the floor, is the other measure (its
# output is not compared: it only packs and counts). TARGET_TIME/TARGET_MEM give the targets on the
# generated inputs, REAL_BASE/REAL_TIME the time target on the real-shaped ones: at most REAL_TIME
# times the time of REAL_BASE (none: "-").

names=(mescc-tools floor)
m1_cmd=("$mescc_m1" "$floor")
hex2_cmd=("$mescc_hex2" "$floor")
target_time=(- -)
target_mem=(- -)
real_base=(- -)
real_time=(- -)

names+=(fast)
m1_cmd+=("$build/bin/M1 --engine=fast")
hex2_cmd+=("$build/bin/hex2 --engine=fast")
target_time+=(0.10)
target_mem+=(2)
real_base+=(floor)
real_time+=(1.5)

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
  real_base+=(mescc-tools)
  real_time+=(1.0)
  reference_note="reference engine: included"
else
  reference_note="reference engine: skipped (--engine=reference does not yet reproduce a tiny program)"
fi
echo "bench: $reference_note" >&2

# ---------------------------------------------------------------------------------------------------
# Inputs. A case is ARCH/NAME: NAME is a size in MiB for a generated program (bench/gen_m1.cpp, with
# its own ELF header), or "real" for the real-shaped one (bench/gen_real.cpp: copies of the
# M2-Planet-compiled stage0 programs of the corpus, with a blood-elf footer; it names the corpus's
# ELF header to link it behind).

cases=()
declare -A case_m1 case_elf case_image
real_note=
for arch in $arches; do
  for size in $sizes; do cases+=("$arch/$size"); done
  [ "$real_mib" != 0 ] || { real_note="real-shaped inputs: skipped (BENCH_REAL_MIB=0)"; continue; }
  echo "bench: generating $arch real-shaped, ${real_mib} MiB" >&2
  rc=0
  summary=$("$gen_real" --corpus "$corpus" --arch "$arch" --size $((real_mib * 1048576)) --m1 "$out/$arch-real.M1") || rc=$?
  if [ "$rc" = 3 ]; then
    real_note="real-shaped inputs: skipped (${summary#missing=} is missing; set HEXPROOF_CORPUS to the upstream corpus)"
    continue
  fi
  [ "$rc" = 0 ] || die "hexproof_bench_real failed for $arch"
  echo "bench:   $summary" >&2
  case_m1[$arch/real]=$out/$arch-real.M1
  case_elf[$arch/real]=${summary##*elf=}
  cases+=("$arch/real")
  real_note="real-shaped inputs: included (${real_mib} MiB, from $corpus)"
done
[ -n "$real_note" ] || real_note="real-shaped inputs: none"
echo "bench: $real_note" >&2

# case_label CASE: how the table names the case's input ("30MiB", "real").
case_label() { local name=${1#*/}; [ "$name" = real ] && echo real || echo "${name}MiB"; }

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

# Results, keyed "arch/case/engine/stage".
declare -A t_s cpu mem_kb in_bytes ratio cpu_ratio floor_ratio per_input failed
load_before=$(cut -d ' ' -f 1-3 /proc/loadavg)

for c in "${cases[@]}"; do
  arch=${c%/*}
  runs=${BENCH_RUNS:-5}
  stem=$out/$arch-$(case_label "$c")
  if [ -z "${case_m1[$c]:-}" ]; then
    size=${c#*/}
    case_m1[$c]=$stem.M1
    case_elf[$c]=$stem-elf.hex2
    echo "bench: generating $arch ${size} MiB" >&2
    summary=$("$gen" --arch "$arch" --size $((size * 1048576)) --seed "$seed" --m1 "${case_m1[$c]}" --elf "${case_elf[$c]}")
    echo "bench:   $summary" >&2
    case_image[$c]=$(sed -n 's/.*hex2_output_bytes=\([0-9]*\).*/\1/p' <<<"$summary")
  fi
  m1_in=${case_m1[$c]}
  elf_in=${case_elf[$c]}
  m1_ref=$stem.${names[0]}.hex2

  # The runs go in rounds, every engine once per round, so that a busy moment of the machine
  # falls on all engines alike. M1 first; then every hex2 links the same input: the ELF header and
  # mescc-tools' M1 output.
  for stage in M1 hex2; do
    echo "bench:   $arch $(case_label "$c") $stage, $runs rounds" >&2
    for ((round = 0; round < runs; round++)); do
      for i in "${!names[@]}"; do
        engine=${names[$i]}
        key=$c/$engine/$stage
        [ -z "${failed[$key]:-}" ] || continue
        if [ "$stage" = M1 ]; then
          measure_output=$stem.$engine.hex2
          # shellcheck disable=SC2086  # the command strings are word lists
          time_once "$key" ${m1_cmd[$i]} --architecture "$arch" --little-endian -f "$m1_in" -o "$measure_output" ||
            { failed[$key]=1; loud_fail "$engine M1 failed on $m1_in"; }
        else
          [ -z "${failed[$c/${names[0]}/M1]:-}" ] || { failed[$key]=1; continue; }
          measure_output=$stem.$engine.bin
          # shellcheck disable=SC2086
          time_once "$key" ${hex2_cmd[$i]} --architecture "$arch" --little-endian --base-address $base_address \
            -f "$elf_in" -f "$m1_ref" -o "$measure_output" ||
            { failed[$key]=1; loud_fail "$engine hex2 failed on $m1_ref"; }
        fi
      done
    done
  done

  # Every output must be mescc-tools' output (the floor's is not an assembly or a link).
  bin_ref=$stem.${names[0]}.bin
  if [ -n "${case_image[$c]:-}" ] && [ -z "${failed[$c/${names[0]}/hex2]:-}" ]; then
    got=$(stat -c %s "$bin_ref")
    [ "$got" = "${case_image[$c]}" ] ||
      loud_fail "generator predicted ${case_image[$c]} bytes for $arch $(case_label "$c"), mescc-tools hex2 wrote $got"
  fi
  for i in "${!names[@]}"; do
    engine=${names[$i]}
    key=$c/$engine
    in_bytes[$key/M1]=$(stat -c %s "$m1_in")
    [ -f "$m1_ref" ] && in_bytes[$key/hex2]=$(($(stat -c %s "$elf_in") + $(stat -c %s "$m1_ref")))
    for stage in M1 hex2; do
      [ -z "${failed[$key/$stage]:-}" ] || unset "t_s[$key/$stage]"
    done
    [ "$i" -ge 2 ] || continue
    if [ -z "${failed[$key/M1]:-}" ] && [ -z "${failed[$c/${names[0]}/M1]:-}" ] &&
      ! cmp "$m1_ref" "$stem.$engine.hex2" >&2; then
      loud_fail "$engine M1 output differs from mescc-tools on $m1_in"
    fi
    if [ -z "${failed[$key/hex2]:-}" ] && [ -z "${failed[$c/${names[0]}/hex2]:-}" ] &&
      ! cmp "$bin_ref" "$stem.$engine.bin" >&2; then
      loud_fail "$engine hex2 output differs from mescc-tools on $m1_ref"
    fi
  done
  # The floor's outputs are of no use afterwards; the real-shaped ones are large.
  rm -f "$stem.floor.hex2" "$stem.floor.bin"
done

# ---------------------------------------------------------------------------------------------------
# The table: one row per (case, stage, engine).

largest=${sizes##* }
echo
echo "hexproof benchmark: best of ${BENCH_RUNS:-5} runs, in interleaved rounds; ratio = wall time / mescc-tools wall time;"
echo "cpu-ratio = the same for CPU time (user + system); /floor = wall time / the floor's wall time"
echo "(bench/floor.cpp: map the inputs, one pass packing hex digit pairs and counting tokens, write half the"
echo "input size); the targets use wall-time ratios: on generated inputs against mescc-tools, on the"
echo "real-shaped ones (size 'real') the fast engine against the floor and the reference against mescc-tools"
echo "mescc-tools: $mescc_m1 ($("$mescc_m1" --version 2>&1 | head -n 1)), $mescc_hex2; $reference_note"
echo "$real_note"
echo "machine: $(nproc) CPUs; load average $load_before before, $(cut -d ' ' -f 1-3 /proc/loadavg) after"
if ! le "${load_before%% *}" "$(nproc)"; then
  echo "WARNING: the machine was busy (load above its CPU count): wall times are inflated; see cpu(s)"
fi
printf '%-8s %7s %-12s %-5s %8s %7s %6s %9s %7s %8s %10s  %s\n' \
  arch size engine stage "time(s)" "cpu(s)" ratio cpu-ratio /floor "peak(MB)" peak/input targets
for c in "${cases[@]}"; do
  arch=${c%/*}
  for stage in M1 hex2; do
    base=${t_s[$c/mescc-tools/$stage]:-}
    base_cpu=${cpu[$c/mescc-tools/$stage]:-}
    floor_t=${t_s[$c/floor/$stage]:-}
    for i in "${!names[@]}"; do
      engine=${names[$i]}
      key=$c/$engine/$stage
      [ -n "${t_s[$key]:-}" ] || continue
      read -r r cr fr p mb < <(awk -v t="${t_s[$key]}" -v b="$base" -v c="${cpu[$key]}" -v bc="$base_cpu" \
        -v f="$floor_t" -v m="${mem_kb[$key]}" -v n="${in_bytes[$key]}" 'BEGIN {
          printf "%.3f %.3f %.2f %.2f %.1f\n", (b > 0) ? t / b : 0, (bc > 0) ? c / bc : 0, (f > 0) ? t / f : 0,
            m * 1024 / n, m * 1024 / 1e6 }')
      ratio[$key]=$r
      cpu_ratio[$key]=$cr
      floor_ratio[$key]=$fr
      per_input[$key]=$p
      if [ "$i" = 0 ]; then
        verdict="(baseline)"
      elif [ "$i" = 1 ]; then
        verdict="(floor)"
      elif [ "${c#*/}" = real ]; then
        if [ "${real_base[$i]}" = floor ]; then tr=$fr; else tr=$r; fi
        verdict="time $(verdict "$tr" "${real_time[$i]}") (<= ${real_time[$i]}x ${real_base[$i]}),"
        verdict+=" memory $(verdict "$p" "${target_mem[$i]}") (<= ${target_mem[$i]}x)"
      else
        verdict="time $(verdict "$r" "${target_time[$i]}") (<= ${target_time[$i]}),"
        verdict+=" memory $(verdict "$p" "${target_mem[$i]}") (<= ${target_mem[$i]}x)"
      fi
      printf '%-8s %7s %-12s %-5s %8.3f %7s %6s %9s %7s %8s %9sx  %s\n' "$arch" "$(case_label "$c")" "$engine" \
        "$stage" "${t_s[$key]}" "${cpu[$key]}" "$r" "$cr" "$fr" "$mb" "$p" "$verdict"
    done
  done
done

# Linearity: milliseconds per MB of input at each generated size; linear when the largest size costs at
# most 1.5x the cheapest per-MB point (small inputs carry process start-up, so their per-MB cost is higher).
declare -A linear
echo
echo "linearity (ms of wall time per MB of input, generated inputs):"
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

# Summary: the targets at the largest generated size (where fixed process costs no longer dominate),
# linearity, and the targets on the real-shaped inputs.
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
echo "targets on the real-shaped inputs:"
for i in "${!names[@]}"; do
  [ "${real_time[$i]}" != - ] || continue
  engine=${names[$i]}
  for arch in $arches; do
    for stage in M1 hex2; do
      key=$arch/real/$engine/$stage
      [ -n "${ratio[$key]:-}" ] || continue
      if [ "${real_base[$i]}" = floor ]; then tr=${floor_ratio[$key]}; else tr=${ratio[$key]}; fi
      vt=$(verdict "$tr" "${real_time[$i]}")
      vm=$(verdict "${per_input[$key]}" "${target_mem[$i]}")
      count "$vt"
      count "$vm"
      printf '  %-10s %-8s %-5s time %6sx %-11s %s (<= %s; mescc-tools %sx, floor %sx)   memory %5sx %s (<= %sx)\n' \
        "$engine" "$arch" "$stage" "$tr" "${real_base[$i]}" "$vt" "${real_time[$i]}" "${ratio[$key]}" \
        "${floor_ratio[$key]}" "${per_input[$key]}" "$vm" "${target_mem[$i]}"
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
