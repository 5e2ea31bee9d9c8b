#!/bin/bash
# format-check.sh: the C++ of runtime/, tests/, fuzz/ and bench/ is laid out as the root
# .clang-format says (`make format-check`, in `make test`). With --fix, lays it out so.
#
# Every *.cpp and *.hpp under those folders is checked, new ones too, but for the files below
# (extracted/gen, which the printer writes, is not under them):
#  - runtime/oracle.*, runtime/program_gen.*, runtime/source_scan.*: the oracle's files, being
#    rewritten on another branch, which moves them to runtime/oracle/ (checked there);
#  - runtime/reference/coq_runtime.hpp: the runtime primitives, which the Coq branches change;
#    to be laid out once they are merged.
set -euo pipefail
cd "$(dirname "$0")/.."

not_yet=(
  runtime/oracle.cpp runtime/oracle.hpp
  runtime/program_gen.cpp runtime/program_gen.hpp
  runtime/source_scan.cpp runtime/source_scan.hpp
  runtime/reference/coq_runtime.hpp
)

files=()
while IFS= read -r f; do
  [[ " ${not_yet[*]} " == *" $f "* ]] || files+=("$f")
done < <(find runtime tests fuzz bench -type f \( -name '*.cpp' -o -name '*.hpp' \) | sort)

case ${1:-} in
  --fix) clang-format -i "${files[@]}" ;;
  '')
    if ! clang-format --dry-run -Werror "${files[@]}"; then
      echo "format-check: not laid out as .clang-format says: run scripts/format-check.sh --fix" >&2
      exit 1
    fi
    echo "format-check: ${#files[@]} files laid out as .clang-format says" ;;
  *) echo "usage: scripts/format-check.sh [--fix]" >&2; exit 2 ;;
esac
