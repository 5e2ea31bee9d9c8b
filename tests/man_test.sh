#!/bin/bash
# man_test.sh BUILD_DIR: the manual pages (BUILD_DIR/man, written by man/page.sh from each tool's
# --help) pass `groff -man -ww -z` and `mandoc -T lint -W warning` without a word, and the help
# they are made from names every option the drop-ins' command-line parser knows
# (spec/CommandLine.v: opt_* spellings; hex2's own ones only in hex2's).
set -euo pipefail
cd "$(dirname "$0")/.."
build=$(cd "${1:?usage: man_test.sh BUILD_DIR}" && pwd)
fail=0
bad() { echo "FAIL: $*" >&2; fail=1; }

for page in hexproof hexproof-hex2 hexproof-M1; do
  file=$build/man/$page.1
  [ -s "$file" ] || { bad "$file missing"; continue; }
  warnings=$(groff -man -ww -z "$file" 2>&1)
  [ -z "$warnings" ] || bad "groff on $page.1: $warnings"
  mandoc -T lint -W warning "$file" >&2 || bad "mandoc -T lint on $page.1"
  grep -q '^\.SH "EXIT STATUS"' "$file" || bad "$page.1 has no EXIT STATUS"
done

# The spellings the parser compares with: long ones as ascii_bytes "--...", short ones as the
# letter of opt_X : N. Those guarded by `hex2 &&` exist in hex2 only.
spec=spec/CommandLine.v
longs=$(grep -o 'ascii_bytes "--[a-z-]*=\{0,1\}"' "$spec" | sed 's/.*"\(.*\)"/\1/')
shorts=$(grep -o 'N_of_ascii "[A-Za-z]"' "$spec" | sed 's/.*"\(.\)"/-\1/')
[ -n "$longs" ] && [ -n "$shorts" ] || bad "no option spellings found in $spec"
hex2_only_names=$(grep -o 'hex2 && [^ ]* [a-z]* opt_[A-Za-z_]*' "$spec" | sed 's/.*opt_//')
spelling_of() { # the spelling of opt_NAME
  grep -o "Definition opt_$1 : [^.]*" "$spec" | grep -o '"[^"]*"' | tr -d '"' | sed 's/^\(.\)$/-\1/'
}
hex2_only=$(for n in $hex2_only_names; do spelling_of "$n"; done)
[ -n "$hex2_only" ] || bad "no hex2-only options found in $spec"

names() { # HELP names OPTION (as a word; --engine= followed by its value)
  if [[ $2 == *= ]]; then grep -q -E -- "(^|[^-a-zA-Z])$2" <<<"$1"
  else grep -q -E -- "(^|[^-a-zA-Z])$2([^-a-zA-Z]|\$)" <<<"$1"; fi
}
for tool in hex2 M1; do
  help=$("$build/bin/$tool" --help 2>&1)
  for o in $longs $shorts; do
    if [ "$tool" = M1 ] && grep -qx -- "$o" <<<"$hex2_only"; then
      names "$help" "$o" && bad "M1 --help names $o, which M1 does not take"
      continue
    fi
    names "$help" "$o" || bad "$tool --help does not name $o"
  done
done

[ $fail = 0 ] && echo "man_test: 3 pages lint clean; hex2 and M1 --help name every option of $spec"
exit $fail
