#!/usr/bin/env bash
# bench/profile.sh BUILD_DIR: where the engines' work goes on the real-shaped inputs (the findings of
# docs/performance.md, "Real-shaped inputs", come from this script).
#
# For each architecture, makes the real-shaped input of `make bench` (bench/gen_real.cpp; needs the
# upstream corpus) and mescc-tools' M1 output of it (the hex2 stage's input), then for the floor and
# each engine, M1 and hex2:
#   - cachegrind (valgrind): instructions, first-level data misses, and last-level data misses with
#     the last level set to 2 MiB (one core's L2 here; the host's shared L3 is far larger and
#     shared with other machines), i.e. the reads and writes that go past the core's own caches;
#     the functions taking the most instructions and misses go to OUT/cg.*.txt;
#   - perf (when it can count cpu-clock): CPU time, its part in the kernel, page faults, and the
#     five functions with the most samples.
# Instruction and miss counts do not depend on the machine's load; times do (run it on a quiet
# machine). Threads: valgrind runs them one at a time, so its counts are the sum over threads.
#
# Environment: BENCH_ARCHES (default "amd64 riscv64"), BENCH_REAL_MIB (default 32),
# PROFILE_ENGINES (default "floor fast reference"; the reference engine takes minutes under
# valgrind), HEXPROOF_CORPUS, MESCC_M1. Outputs in bench/out/profile/.
set -euo pipefail
export LC_ALL=C

[ $# -eq 1 ] || { echo "usage: bench/profile.sh BUILD_DIR" >&2; exit 2; }
build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
out=$here/out/profile
arches=${BENCH_ARCHES:-"amd64 riscv64"}
real_mib=${BENCH_REAL_MIB:-32}
engines=${PROFILE_ENGINES:-"floor fast reference"}
corpus=${HEXPROOF_CORPUS:-$here/../../shared/corpus}
mescc_m1=${MESCC_M1:-/usr/bin/M1}
mkdir -p "$out"
command -v valgrind >/dev/null || { echo "profile: valgrind is needed" >&2; exit 2; }
use_perf=0
if command -v perf >/dev/null && perf stat -e cpu-clock -o /dev/null true 2>/dev/null; then use_perf=1; fi

# command_of ENGINE STAGE: the command line (words) that runs ENGINE's STAGE.
command_of() {
  case $1 in
    floor) echo "$build/bin/hexproof_bench_floor" ;;
    *) echo "$build/bin/$2 --engine=$1" ;;
  esac
}

printf '%-8s %-10s %-5s %14s %12s %12s %9s %9s %8s  %s\n' arch engine stage instructions D1-misses L2-misses \
  "cpu(ms)" "kernel%" faults "top functions (perf samples)"
for arch in $arches; do
  summary=$("$build/bin/hexproof_bench_real" --corpus "$corpus" --arch "$arch" --size $((real_mib * 1048576)) \
    --m1 "$out/$arch.M1") || { echo "profile: no real-shaped input for $arch: $summary" >&2; exit 2; }
  elf=${summary##*elf=}
  "$mescc_m1" --architecture "$arch" --little-endian -f "$out/$arch.M1" -o "$out/$arch.hex2"
  for stage in M1 hex2; do
    if [ "$stage" = M1 ]; then
      args=(--architecture "$arch" --little-endian -f "$out/$arch.M1")
    else
      args=(--architecture "$arch" --little-endian --base-address 0x600000 -f "$elf" -f "$out/$arch.hex2")
    fi
    for engine in $engines; do
      read -r -a cmd <<<"$(command_of "$engine" "$stage")"
      tag=$arch.$engine.$stage
      valgrind --tool=cachegrind --cache-sim=yes --LL=2097152,16,64 --cachegrind-out-file="$out/cg.$tag" \
        "${cmd[@]}" "${args[@]}" -o "$out/result" >/dev/null 2>"$out/cg.$tag.log"
      cg_annotate --show=Ir,D1mr,DLmr,D1mw,DLmw --threshold=1 "$out/cg.$tag" >"$out/cg.$tag.txt" 2>/dev/null
      ir=$(sed -n 's/.*I *refs: *\([0-9,]*\).*/\1/p' "$out/cg.$tag.log")
      d1=$(sed -n 's/.*D1  misses: *\([0-9,]*\).*/\1/p' "$out/cg.$tag.log")
      ll=$(sed -n 's/.*LLd misses: *\([0-9,]*\).*/\1/p' "$out/cg.$tag.log")
      ms=- kernel=- faults=- top=
      if [ $use_perf = 1 ]; then
        perf record -q -F 10000 -e cpu-clock -o "$out/perf.$tag" -- "${cmd[@]}" "${args[@]}" -o "$out/result" \
          >/dev/null 2>&1
        perf script -i "$out/perf.$tag" -F ip,sym 2>/dev/null >"$out/perf.$tag.txt"
        read -r ms kernel < <(awk '{ n++; if ($1 ~ /^ffffffff/) k++ } END { printf "%.0f %.0f\n", n / 10, n ? 100 * k / n : 0 }' \
          "$out/perf.$tag.txt")
        top=$(awk '$1 !~ /^ffffffff/ { $1 = ""; gsub(/hexproof::|\(anonymous namespace\)::/, ""); sub(/^ /, "")
            sub(/[(<].*/, ""); n[$0]++ }
          END { for (s in n) print n[s], s }' "$out/perf.$tag.txt" | sort -rn | head -5 |
          awk '{ c = $1; $1 = ""; sub(/^ /, ""); printf "%s%s %d", sep, $0, c; sep = ", " }')
        faults=$(perf stat -x, -e page-faults -- "${cmd[@]}" "${args[@]}" -o "$out/result" 2>&1 >/dev/null | cut -d, -f1)
      fi
      printf '%-8s %-10s %-5s %14s %12s %12s %9s %9s %8s  %s\n' "$arch" "$engine" "$stage" "$ir" "$d1" "$ll" "$ms" \
        "$kernel" "$faults" "$top"
    done
  done
done
rm -f "$out/result"
