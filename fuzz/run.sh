#!/usr/bin/env bash
# fuzz/run.sh [SECONDS]: build the libFuzzer targets and run each for SECONDS (default
# $FUZZ_SECONDS, else 60). `make fuzz FUZZ_SECONDS=N` runs this; `make test` runs it for a few
# seconds per target.
#
# The fuzz build is its own CMake tree (FUZZ_BUILD, default build-fuzz) compiled by clang++ with
# -fsanitize=fuzzer,address,undefined, separate from the gcc build. Each target starts from its
# seed corpus fuzz/corpus/<target>/ (read only) and grows a working corpus in
# $FUZZ_BUILD/corpus/<target>/. A crash, sanitizer report or fast/reference disagreement leaves
# its input in $FUZZ_BUILD/artifacts/<target>/ and makes this script exit 1 with the command that
# minimises it; minimised findings go to tests/golden/ (see tests/golden/README.md).
# Exit: 0 no finding, 1 finding, 2 setup error, 77 clang++ or libFuzzer missing (skip).
set -u

root=$(cd "$(dirname "$0")/.." && pwd)
build=${FUZZ_BUILD:-$root/build-fuzz}
seconds=${1:-${FUZZ_SECONDS:-60}}
jobs=${JOBS:-$(nproc)}

if ! command -v clang++ >/dev/null 2>&1; then
	echo "SKIPPED: clang++ is not installed (apt-get install clang libclang-rt-14-dev)"
	exit 77
fi
if ! echo 'extern "C" int LLVMFuzzerTestOneInput(const char*, unsigned long) { return 0; }' |
	clang++ -x c++ -fsanitize=fuzzer - -o /dev/null 2>/dev/null; then
	echo "SKIPPED: clang++ cannot link libFuzzer (apt-get install libclang-rt-14-dev)"
	exit 77
fi

CXX=clang++ cmake -S "$root/fuzz" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null || exit 2
cmake --build "$build" -j"$jobs" --target hex2-differential m1-differential >/dev/null || {
	echo "fuzz/run.sh: the fuzz build failed (cmake --build $build)" >&2
	exit 2
}

status=0
for target in hex2-differential m1-differential; do
	mkdir -p "$build/corpus/$target" "$build/artifacts/$target"
	log=$build/$target.log
	stamp=$build/$target.started
	touch "$stamp"
	echo "fuzz/run.sh: $target for $seconds s"
	"$build/bin/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
		-print_final_stats=1 -artifact_prefix="$build/artifacts/$target/" \
		"$build/corpus/$target" "$root/fuzz/corpus/$target" >"$log" 2>&1
	rc=$?
	grep -E '^(NOTE|stat::number_of_executed_units|stat::new_units_added)' "$log" | sed 's/^/  /'
	if [ $rc -ne 0 ]; then
		status=1
		echo "  FINDING (exit $rc); last lines of $log:"
		grep -v '^#' "$log" | tail -n 25 | sed 's/^/    /'
		for a in $(find "$build/artifacts/$target" -type f -newer "$stamp"); do
			echo "  input: $a"
			echo "  minimise: $build/bin/$target -minimize_crash=1 -runs=20000 -exact_artifact_path=$a.min $a"
		done
	fi
done
exit $status
