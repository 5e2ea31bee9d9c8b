#!/bin/bash
# format-check.sh: the C++ of runtime/, tests/, fuzz/ and bench/ is laid out as the root
# .clang-format says (`make format-check`, in `make test`). With --fix, lays it out so.
#
# Every *.cpp and *.hpp under those folders is checked, new ones too (extracted/gen, which the
# printer writes, is not under them).
set -euo pipefail
cd "$(dirname "$0")/.."

mapfile -t files < <(find runtime tests fuzz bench -type f \( -name '*.cpp' -o -name '*.hpp' \) | sort)

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
