#!/usr/bin/env bash
# tests/golden/run.sh ENGINE [BIN_DIR]: every golden case of tests/golden/ (README.md there says
# the format) on one engine:
#   spec          the Coq specification extracted to OCaml (tests/spec, built by dune in _build;
#                 `make test` builds it), which prints Coq's error record;
#   reference     our drop-ins BIN_DIR/hex2 and BIN_DIR/M1 with --engine=reference;
#   fast          the same with --engine=fast;
#   mescc-tools   the installed mescc-tools 1.4.0 (/usr/bin; $MESCC_HEX2, $MESCC_M1), on the
#                 cases marked "# mescc-tools 1.4.0 agrees" only: the same bytes, or a rejection.
# A case passes when the engine writes exactly NAME.expect (exit 0), or fails (exit 1) with the
# error of NAME.error: its first line for the spec, its second (the last line of standard error)
# for the drop-ins. A case whose command says --strict is run by the drop-ins with --strict (the
# diagnostics of NAME.strict, exit 1 and no output; when NAME.strict is empty, no diagnostic and
# the answer above) and with --strict=warn instead (the same diagnostics as warnings, and the
# answer above); the specification and mescc-tools run it without --strict. Prints a line per
# failure, then "N passed, N failed"; exits 1 on a failure, 2 on a usage error, 77 (ctest:
# skipped) when the engine is not there.
set -u
here=$(cd "$(dirname "$0")" && pwd)
engine=${1:-}
bin=${2:-}
ml=$here/../../_build/default/tests
case $engine in
  spec) hex2=("$ml/spec/spec_main.exe" hex2); m1=("$ml/spec/spec_main.exe" M1)
        ulimit -s unlimited 2>/dev/null || ulimit -s 1000000 ;;  # the spec recurses per token
  reference | fast)
        [ -n "$bin" ] || { echo "usage: $0 $engine BIN_DIR" >&2; exit 2; }
        bin=$(cd "$bin" && pwd)
        hex2=("$bin/hex2" --engine="$engine"); m1=("$bin/M1" --engine="$engine") ;;
  mescc-tools) hex2=("${MESCC_HEX2:-/usr/bin/hex2}"); m1=("${MESCC_M1:-/usr/bin/M1}") ;;
  *) echo "usage: $0 spec|reference|fast|mescc-tools [BIN_DIR]" >&2; exit 2 ;;
esac
for tool in "${hex2[0]}" "${m1[0]}"; do
  [ -x "$tool" ] || { echo "SKIP: $tool is missing"; exit 77; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/golden.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$here" || exit 2
passed=0 failed=0
fail() { failed=$((failed + 1)); echo "FAIL $name ($engine): $*"; }

# place ARGS...: where NAME.error's first line says the error is (input F of the command line,
# byte offset O), as its second line must show it: "INPUT:LINE:COLUMN: error:", or "error:" for
# an error with no place. The two lines are written by hand; this keeps them telling one story.
place() {
  local record kind file offset inputs=() next=no word
  record=$(sed -n 1p "$name.error")
  kind=${record%% *}
  file=$(sed -n 's/.* file=\([0-9]*\) .*/\1/p' <<<"$record")
  offset=$(sed -n 's/.* offset=\([0-9]*\) .*/\1/p' <<<"$record")
  [ "$kind" = empty_input ] && { echo "error:"; return; }
  for word in "$@"; do
    [ $next = yes ] && inputs+=("$word")
    next=no; [ "$word" = -f ] && next=yes
  done
  head -c "$offset" "${inputs[$file]}" | od -An -v -tu1 |
    awk -v name="${inputs[$file]}" '{ for (i = 1; i <= NF; i++) { n++; if ($i == 10) { lines++; last = n } } }
      END { printf "%s:%d:%d: error:\n", name, lines + 1, n - last + 1 }'
}

# judge STATUS ARGS...: the run just made (exit STATUS, $work/out, $work/stderr) gave what
# NAME.expect or NAME.error says; prints why not (the place check of NAME.error aside).
judge() {
  local status=$1 where want got; shift
  if [ -f "$name.expect" ]; then
    if [ "$status" != 0 ]; then
      echo "exit $status, expected the bytes of $name.expect: $(tail -n 1 "$work/stderr")"
    elif ! cmp -s "$work/out" "$name.expect"; then
      echo "output differs from $name.expect ($(cmp "$work/out" "$name.expect" 2>&1 | head -n 1))"
    fi
  elif [ -f "$name.error" ]; then
    where=$(place "$@")
    if [ "$(sed -n 2p "$name.error" | cut -c1-${#where})" != "$where" ]; then
      echo "$name.error: its second line does not begin with '$where', where its first line puts the error"
      return
    fi
    case $engine in
      spec) want="error $(sed -n 1p "$name.error")"; got=$(grep '^error ' "$work/stderr" | head -n 1) ;;
      reference | fast) want=$(sed -n 2p "$name.error"); got=$(tail -n 1 "$work/stderr") ;;
      mescc-tools) want=; got= ;;
    esac
    if [ "$status" = 0 ]; then
      echo "accepted, expected the error of $name.error"
    elif [ "$engine" != mescc-tools ] && [ "$status" != 1 ]; then
      echo "exit $status, expected 1: $(tail -n 1 "$work/stderr")"
    elif [ "$got" != "$want" ]; then
      echo "error '$got', expected '$want'"
    elif [ -e "$work/out" ] && [ "$engine" != mescc-tools ]; then
      echo "an output file was written though the run failed"
    fi
  else
    echo "no $name.expect or $name.error"
  fi
}

# run ARGS...: the case's tool on ARGS, -o $work/out; sets status.
run() {
  rm -f "$work/out"
  timeout 300 "${tool_run[@]}" "$@" -o "$work/out" >"$work/stdout" 2>"$work/stderr"
  status=$?
}

# strict_lines KIND: the strict-mode lines of $work/stderr, as NAME.strict writes them, with
# KIND (error or warning) read as "error".
strict_lines() {
  grep -E "(^|: )$1: strict: " "$work/stderr" | sed "s/\(^\|: \)$1: strict: /\1error: strict: /"
}

# diagnostics_match KIND: each strict line of KIND begins with the line of NAME.strict in its
# place, and there are as many; prints why not.
diagnostics_match() {
  local got want i
  mapfile -t got < <(strict_lines "$1")
  mapfile -t want < "$name.strict"
  if [ ${#got[@]} != ${#want[@]} ]; then
    echo "--strict${2:-}: ${#got[@]} diagnostics, expected ${#want[@]}: $(printf '%s | ' "${got[@]}")"
    return
  fi
  for i in "${!want[@]}"; do
    if [ "${got[$i]:0:${#want[$i]}}" != "${want[$i]}" ]; then
      echo "--strict${2:-}: diagnostic '${got[$i]}', expected '${want[$i]}...'"
      return
    fi
  done
}

for cmd in *.cmd; do
  name=${cmd%.cmd}
  if [ "$engine" = mescc-tools ] && ! grep -qx '# mescc-tools 1.4.0 agrees' "$cmd"; then continue; fi
  read -r tool args < <(grep -v '^#' "$cmd")
  case $tool in
    hex2) tool_run=("${hex2[@]}") ;;
    M1) tool_run=("${m1[@]}") ;;
    *) fail "$cmd names no tool (hex2 or M1)"; continue ;;
  esac
  # shellcheck disable=SC2206 # the arguments are words
  words=($args)
  plain=() strict=no
  for word in "${words[@]}"; do
    if [ "$word" = --strict ]; then strict=yes; else plain+=("$word"); fi
  done
  if [ $strict = yes ] && [ ! -f "$name.strict" ]; then
    fail "$cmd says --strict, and there is no $name.strict"; continue
  fi
  why=
  if [ $strict = no ] || [ "$engine" = spec ] || [ "$engine" = mescc-tools ]; then
    # The compat meaning: without --strict (the specification and mescc-tools have none).
    run "${plain[@]}"; why=$(judge $status "${plain[@]}")
  elif [ -s "$name.strict" ]; then
    # Quirks used: --strict reports each, exits 1 and writes nothing; --strict=warn reports
    # them as warnings and gives the compat answer.
    run "${words[@]}"
    if [ $status != 1 ]; then why="--strict: exit $status, expected 1"
    elif [ -e "$work/out" ]; then why="--strict: an output file was written"
    else why=$(diagnostics_match error); fi
    if [ -z "$why" ]; then
      run "${plain[@]}" --strict=warn
      why=$(diagnostics_match warning =warn)
      [ -n "$why" ] || why=$(judge $status "${plain[@]}")
      [ -z "$why" ] || why="--strict=warn: $why"
    fi
  else
    # Strict-clean: --strict says nothing and gives the compat answer.
    run "${words[@]}"
    if [ -n "$(strict_lines error)$(strict_lines warning)" ]; then
      why="--strict: strict-clean, but: $(strict_lines error | head -n 1)"
    else
      why=$(judge $status "${words[@]}")
    fi
  fi
  if [ -n "$why" ]; then fail "$why"; else passed=$((passed + 1)); fi
done
echo "$engine: $passed passed, $failed failed"
[ $failed = 0 ]
