#!/bin/bash
# page.sh PROGRAM NAME VERSION INCLUDE OUTPUT: the manual page NAME(1), written by help2man from
# PROGRAM's own --help (so the page and the help cannot drift) and the prose sections in INCLUDE.
# For hexproof the oracle's options come from `hexproof oracle --help` the same way.
set -euo pipefail
program=$1 name=$2 version=$3 include=$4 output=$5
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# help2man names the page after the program it runs: run PROGRAM under the installed name.
ln -s "$program" "$scratch/$name"
includes=(--include "$include")
if [ "$name" = hexproof ]; then
  {
    echo '[ORACLE]'
    echo 'The options of \fBhexproof oracle\fR, as \fBhexproof oracle \-\-help\fR prints them:'
    echo '.PP'
    echo '.nf'
    "$program" oracle --help 2>&1 | sed -e 's/\\/\\e/g' -e "s/^[.']/\\\\\\&&/" -e 's/-/\\-/g'
    echo '.fi'
  } >"$scratch/oracle.h2m"
  includes+=(--include "$scratch/oracle.h2m")
fi
help2man --no-info --no-discard-stderr --version-string="$version" "${includes[@]}" \
  --output "$scratch/page" "$scratch/$name"
# help2man dates the page "Month Year", which mandoc cannot parse: the ISO date of the build
# (SOURCE_DATE_EPOCH when set, as in a package build, so the page is reproducible).
day=$(date -u -d "@${SOURCE_DATE_EPOCH:-$(date +%s)}" +%Y-%m-%d)
sed -e "2s/^\(\.TH [^ ]* \"1\"\) \"[^\"]*\"/\1 \"$day\"/" "$scratch/page" >"$output"
