#!/bin/bash
# trusted-base-table.sh: the line counts of the trusted-base table in docs/trusted-base.md,
# computed with `wc -l` from the files each row names.
#
#   scripts/trusted-base-table.sh            prints the file as it should read
#   scripts/trusted-base-table.sh --check    exits 1, showing the difference, when a committed
#                                            count is stale (ctest `trusted-base-table`, make test)
#   scripts/trusted-base-table.sh --update   writes the counts into the file
#
# Each rule below names a table row (a text only that row's line contains) and the words around
# its number; a rule that matches no line, or more than one, is an error, so a reworded row is
# noticed. When a piece gains a file, add it to the lists here.
set -euo pipefail
cd "$(dirname "$0")/.."

lines() { cat "$@" | wc -l; }

# The trusted C++ is the files of runtime/reference/ and runtime/cli/, but the CLI's plumbing and
# wording (`apart`: docs/trusted-base.md says why neither can change the output), plus the engine
# interface and the registry that picks the engine. A new file in runtime/cli/ is counted as
# trusted glue unless it is added to `apart`. The hex2 and M1 programs use all of the glue but
# hexproof_main.cpp, which only the hexproof program adds. strict.cpp runs only under --strict and
# is counted in a row of its own.
apart=(output_file cleanup cli_texts error_texts strict)
glue=()
for f in runtime/cli/*.cpp; do
  name=$(basename "$f" .cpp)
  [[ " ${apart[*]} " == *" $name "* ]] || glue+=("$name")
done
glue_cpp=(); glue_hpp=()
for name in "${glue[@]}"; do
  glue_cpp+=("runtime/cli/$name.cpp")
  [ -f "runtime/cli/$name.hpp" ] && glue_hpp+=("runtime/cli/$name.hpp")
done

spec=$(lines spec/*.v)
extract=$(lines extracted/Extract.v)
printer=$(lines extracted/printer/*.ml)
runtime=$(lines runtime/reference/coq_runtime.hpp)
adapter=$(lines runtime/reference/reference_engine.hpp runtime/reference/reference_engine.cpp)
gen=$(lines extracted/gen/*.hpp)
cli=$(lines "${glue_cpp[@]}" runtime/engine/registry.cpp)
cli_dropins=$((cli - $(lines runtime/cli/hexproof_main.cpp)))
cli_headers=$(lines "${glue_hpp[@]}" runtime/engine/engine.hpp)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/docs"
cp docs/trusted-base.md "$work/docs/trusted-base.md"

quote() { printf '%s' "$1" | sed 's/[][\.*^$+?(){}|/]/\\&/g'; }

# count FILE ROW BEFORE AFTER VALUE: in the one line of FILE containing ROW, the number between
# BEFORE and AFTER becomes VALUE.
count() {
  local file=$work/$1 row=$2 before=$3 after=$4 value=$5
  local pattern="$(quote "$before")[0-9]+$(quote "$after")"
  local hits
  hits=$(grep -F -- "$row" "$file" | grep -cE -- "$pattern" || true)
  if [ "$hits" != 1 ]; then
    echo "trusted-base-table.sh: $1: $hits lines contain '$row' and '${before}N${after}' (1 expected): update the rule" >&2
    exit 2
  fi
  local row_re
  row_re=$(quote "$row")
  sed -i -E "/$row_re/ s/$pattern/$(quote "$before")$value$(quote "$after")/" "$file"
}

doc=docs/trusted-base.md
count $doc '| `spec/*.v` |' '| ' ' lines of Coq |' "$spec"
count $doc '| `extracted/Extract.v` |' '| ' ' lines |' "$extract"
count $doc '| the printer, `extracted/printer/*.ml` |' '| ' ' lines of OCaml (' "$printer"
for f in extracted/printer/*.ml; do
  count $doc '| the printer, `extracted/printer/*.ml` |' "\`$(basename "$f")\` " ':' "$(lines "$f")"
done
count $doc '| `runtime/reference/coq_runtime.hpp`' '| ' ' lines of C++' "$runtime"
count $doc '| `runtime/reference/reference_engine.{hpp,cpp}` |' '| ' ' lines |' "$adapter"
count $doc '| the generated C++, `extracted/gen/*.hpp` |' '| ' ' lines |' "$gen"
count $doc '| the CLI glue |' '| ' ' lines of C++ for `hex2` and `M1` (' "$cli_dropins"
count $doc '| the CLI glue |' '(' ' with `hexproof_main.cpp`' "$cli"
count $doc '| the CLI glue |' '; +' ' of headers)' "$cli_headers"
count $doc '| the CLI glue |' '`runtime/engine/registry.cpp` ' '' "$(lines runtime/engine/registry.cpp)"
for name in "${glue[@]}"; do
  count $doc '| the CLI glue |' "\`$([ $name = cli ] && echo runtime/cli/)$name.cpp\` " '' "$(lines runtime/cli/$name.cpp)"
done
for name in "${glue[@]}"; do
  [ -f runtime/cli/$name.hpp ] || continue
  count $doc "| \`runtime/cli/$name.cpp\` (+" "| " " |" "$(lines runtime/cli/$name.cpp)"
  count $doc "| \`runtime/cli/$name.cpp\` (+" "\`$name.hpp\` " ")" "$(lines runtime/cli/$name.hpp)"
done
count $doc '| `runtime/engine/registry.cpp` (+' '| ' ' |' "$(lines runtime/engine/registry.cpp)"
count $doc '| `runtime/engine/registry.cpp` (+' '`engine.hpp` ' ')' "$(lines runtime/engine/engine.hpp)"
count $doc '**Trusted for the bytes and the verdict**' '(' ' lines of C++ for' "$cli_dropins"
count $doc '**Trusted for the bytes and the verdict**' ', ' ' with' "$cli"
count $doc '**Trusted for the bytes and the verdict**' '+' ' of headers' "$cli_headers"
count $doc '**Trusted under `--strict` only**' '(' ' lines of C++' "$(lines runtime/cli/strict.cpp)"
count $doc '| `runtime/cli/strict.cpp` (+' '| ' ' |' "$(lines runtime/cli/strict.cpp)"
count $doc '| `runtime/cli/strict.cpp` (+' '`strict.hpp` ' ',' "$(lines runtime/cli/strict.hpp)"
count $doc '| `runtime/cli/strict.cpp` (+' '`strict_report.hpp` ' ')' "$(lines runtime/cli/strict_report.hpp)"
count $doc '**Wording** (' '`runtime/cli/cli_texts.cpp` ' ',' "$(lines runtime/cli/cli_texts.cpp)"
count $doc '**Wording** (' '+`cli_texts.hpp` ' ';' "$(lines runtime/cli/cli_texts.hpp)"
count $doc '+`error_texts.hpp` ' '' ', +`error_texts.hpp`' "$(lines runtime/cli/error_texts.cpp)"
count $doc '+`error_texts.hpp` ' '+`error_texts.hpp` ' ',' "$(lines runtime/cli/error_texts.hpp)"
count $doc '+`error_texts.hpp` ' '`runtime/engine/encoding.hpp` ' ',' "$(lines runtime/engine/encoding.hpp)"

case ${1:-} in
  --check)
    stale=0
    diff -u $doc "$work/$doc" || stale=1
    if [ $stale = 1 ]; then
      echo "trusted-base-table.sh: the committed line counts are stale: run scripts/trusted-base-table.sh --update" >&2
      exit 1
    fi
    echo "trusted-base table: counts up to date (spec $spec, printer $printer, runtime $runtime, gen $gen, CLI $cli_dropins ($cli with hexproof_main.cpp) + $cli_headers)" ;;
  --update)
    cp "$work/$doc" $doc ;;
  '')
    cat "$work/$doc" ;;
  *)
    echo "usage: scripts/trusted-base-table.sh [--check | --update]" >&2
    exit 2 ;;
esac
