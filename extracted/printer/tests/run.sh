#!/bin/bash
# Printer tests: each small Coq program here is printed to C++ by our printer (through Coq's JSON
# extraction and the library directives of extracted/Extract.v) and also extracted to OCaml by
# Coq's own OCaml extraction, with no directive (so the OCaml runs Coq's exact N/Z definitions).
# Both run `run input` on the same input and must print the same numbers. A program with a
# `(* BEGIN record fields *)` block is printed with `--fields` (it names its records' fields), and
# each of its `(* expect-cpp: TEXT *)` lines is text the printed header must contain. reject_*.v
# must be refused by the printer with the message in their `(* expect: ... *)` line. loops.v also
# runs in C++ on 10^7 elements (no stack overflow). Prints `N passed, N failed`; exit 1 on any
# failure.
# ONLY=NAME runs only NAME.v. SANITIZE=1 compiles the C++ with AddressSanitizer and
# UndefinedBehaviorSanitizer (and skips the 10^7 run). ctest runs this (`printer-tests`) plainly in
# the Release build and with the sanitizers in the sanitizer build. In every build, reading a
# value the printed code moved from stops the program (runtime/reference/coq_runtime.hpp).
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
cd "$root"
dune build extracted/printer/hexproof_printer.exe || exit 1
printer=$root/_build/default/extracted/printer/hexproof_printer.exe
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cxxflags=(-std=c++17 -O2 -Wall -Wextra -Wpedantic -Werror -I"$root/runtime/reference")
[ "${SANITIZE:-0}" = 1 ] && cxxflags+=(-fsanitize=address,undefined -fno-sanitize-recover=all)
size=3000
passed=0; failed=0
ok() { echo "PASS $1"; passed=$((passed + 1)); }
ko() { echo "FAIL $1: $2"; failed=$((failed + 1)); }

{ echo "From Coq Require Import Extraction NArith ZArith List Bool."
  sed -n '/BEGIN library directives/,/END library directives/p' extracted/Extract.v; } > "$work/Prelude.v"

for src in "$here"/${ONLY:-*}.v; do
  t=$(basename "$src" .v)
  d=$work/$t; mkdir -p "$d/json"
  cp "$src" "$d/$t.v"
  (cd "$d" && coqc -q -noglob -R . Tests "$t.v") > "$d/coqc.log" 2>&1 || { ko "$t" "coqc: $(head -3 "$d/coqc.log")"; continue; }
  { echo "Require Import Tests.$t."; cat "$work/Prelude.v"; echo "Extraction Language JSON."
    echo "Separate Extraction $t.run."; } > "$d/json/J.v"
  (cd "$d/json" && coqc -q -noglob -R .. Tests J.v) > "$d/json.log" 2>&1 || { ko "$t" "JSON extraction: $(head -3 "$d/json.log")"; continue; }
  (cd "$d/json" && cat $(ls *.json | LC_ALL=C sort)) > "$d/extraction.json"
  mkdir -p "$d/gen"
  fields=()
  grep -qx '(\* BEGIN record fields \*)' "$src" && fields=(--fields "$d/$t.v")
  if [[ $t == reject_* ]]; then
    expect=$(sed -n 's/^(\* expect: \(.*\) \*)$/\1/p' "$src")
    if "$printer" --module "Tests.$t" "${fields[@]}" --out "$d/gen" "$d/extraction.json" 2> "$d/printer.err"; then
      ko "$t" "the printer accepted it"
    elif grep -qF -- "$expect" "$d/printer.err"; then ok "$t"
    else ko "$t" "expected '$expect', got: $(cat "$d/printer.err")"; fi
    continue
  fi
  "$printer" --module "Tests.$t" "${fields[@]}" --out "$d/gen" "$d/extraction.json" 2> "$d/printer.err" || { ko "$t" "printer: $(cat "$d/printer.err")"; continue; }
  missing=$(sed -n 's/^(\* expect-cpp: \(.*\) \*)$/\1/p' "$src" | while IFS= read -r text; do
              grep -qF -- "$text" "$d/gen/$t.hpp" || echo "$text"; done)
  [ -z "$missing" ] || { ko "$t" "the printed header lacks: $missing"; continue; }
  cat > "$d/main.cpp" <<CPP
#include <cstdio>
#include <cstdlib>
#include <string>
#include "$t.hpp"
int main(int argc, char** argv) {
    std::size_t n = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 0;
    std::string in(n, '\\0');
    for (std::size_t i = 0; i < n; ++i) in[i] = static_cast<char>((i * 7 + 3) % 256);
    hexproof::rt::list<hexproof::rt::N> r = hexproof::$t::run(hexproof::rt::bytes_of(in));
    while (r.tag() == hexproof::rt::list<hexproof::rt::N>::tag_t::cons) {
        hexproof::rt::list<hexproof::rt::N>::cons_t c = r.as_cons();
        std::printf("%llu ", static_cast<unsigned long long>(c.f0.v));
        r = c.f1;
    }
    std::printf("\\n");
}
CPP
  g++ "${cxxflags[@]}" -I"$d/gen" "$d/main.cpp" -o "$d/cpp" 2> "$d/gxx.log" || { ko "$t" "g++: $(head -20 "$d/gxx.log")"; continue; }
  { echo "From Coq Require Import Extraction."; echo "Require Import Tests.$t."; echo "Extraction Language OCaml."; echo "Extraction \"${t}_ml.ml\" $t.run."; } > "$d/O.v"
  (cd "$d" && coqc -q -noglob -R . Tests O.v) > "$d/ocaml.log" 2>&1 || { ko "$t" "OCaml extraction: $(head -3 "$d/ocaml.log")"; continue; }
  M=$(echo "${t}_ml" | sed 's/^./\U&/')
  cat > "$d/drv.ml" <<ML
let rec pos n = if n = 1 then $M.XH else if n land 1 = 0 then $M.XO (pos (n lsr 1)) else $M.XI (pos (n lsr 1))
let n_of n = if n = 0 then $M.N0 else $M.Npos (pos n)
let rec int_of_pos = function $M.XH -> 1 | $M.XO p -> 2 * int_of_pos p | $M.XI p -> 2 * int_of_pos p + 1
let int_of = function $M.N0 -> 0 | $M.Npos p -> int_of_pos p
let () =
  let n = int_of_string Sys.argv.(1) in
  let input = List.fold_left (fun l x -> $M.Cons (x, l)) $M.Nil
      (List.rev (List.init n (fun i -> n_of ((i * 7 + 3) mod 256)))) in
  let rec out = function $M.Nil -> () | $M.Cons (x, l) -> Printf.printf "%d " (int_of x); out l in
  out ($M.run input);
  print_string "\n"
ML
  (cd "$d" && ocamlfind ocamlopt -package str "${t}_ml.mli" "${t}_ml.ml" drv.ml -o ml) > "$d/ocamlopt.log" 2>&1 \
    || { ko "$t" "ocamlopt: $(head -5 "$d/ocamlopt.log")"; continue; }
  "$d/cpp" $size > "$d/cpp.out" 2> "$d/cpp.err" || { ko "$t" "C++ run failed: $(head -3 "$d/cpp.err")"; continue; }
  "$d/ml" $size > "$d/ml.out" 2>&1 || { ko "$t" "OCaml run failed"; continue; }
  cmp -s "$d/cpp.out" "$d/ml.out" || { ko "$t" "C++ and OCaml differ: $(diff "$d/cpp.out" "$d/ml.out" | head -4 | cut -c1-160)"; continue; }
  # (Not under the sanitizers: there it takes minutes, and stack depth is the optimised build's question.)
  if [ "$t" = loops ] && [ "${SANITIZE:-0}" != 1 ]; then
    "$d/cpp" 10000000 > "$d/big.out" 2> "$d/big.err" || { ko "$t" "C++ on 10^7 elements failed: $(head -3 "$d/big.err")"; continue; }
  fi
  ok "$t ($(wc -w < "$d/cpp.out") numbers agree)"
done
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
