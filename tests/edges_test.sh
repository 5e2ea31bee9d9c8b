#!/bin/bash
# The edges of the drop-ins, tried as an attacker would: output files (setuid bits, symbolic and
# hard links, /dev/stdout, other users' and read-only files, long names), signals, a full file
# system, `ulimit -f` and `ulimit -v`, inputs that never end, and the input and output limits.
# Each promise is docs/contract.md's ("Output files", "Limits"); each is checked for hex2 and M1,
# both engines, and `hexproof hex2|M1`. Runs as root (as CI does); what another user sees is run
# as nobody with setpriv. Expected bytes are computed by hand (as in cli_test.sh).
set -u
bin=$(cd "$1" && pwd)
src=$(cd "$(dirname "$0")/.." && pwd)
HEX2=$bin/hex2; M1=$bin/M1; HEXPROOF=$bin/hexproof; WITHOUT=$bin/without_tmpfile
work=$(mktemp -d); chmod 755 "$work"; trap 'rm -rf "$work"' EXIT; cd "$work"
ulimit -c 0  # the signals whose default action dumps core must not leave a core file
pass=0; fail=0
ok()   { pass=$((pass+1)); }
bad()  { fail=$((fail+1)); echo "FAIL: $*"; }
skip() { echo "SKIP: $*"; }
check() { local name=$1; shift; if "$@"; then ok; else bad "$name"; fi; }
NOBODY=(setpriv --reuid=65534 --regid=65534 --clear-groups)
root=false; [ "$(id -u)" = 0 ] && root=true
sanitized=false; ldd "$M1" 2>/dev/null | grep -q libasan && sanitized=true

# The programs: hex2 "01 02" is the bytes 01 02; M1 (x86) "DEFINE nop 90 / nop "hi"" is a
# newline (the DEFINE line) then "90 68 69 00 " and a newline.
printf '01 02\n' > in.hex2; printf '\001\002' > want.hex2
printf 'DEFINE nop 90\nnop "hi"\n' > in.M1; printf '\n90 68 69 00 \n' > want.M1
chmod 644 in.hex2 in.M1

# Every tool: kind (hex2 or M1), then the command. Outputs of hex2 are executable by default.
tools=(
  "hex2|$HEX2 --engine=reference" "hex2|$HEX2 --engine=fast"
  "hex2|$HEXPROOF hex2 --engine=reference" "hex2|$HEXPROOF hex2 --engine=fast"
  "M1|$M1 -A x86 --engine=reference" "M1|$M1 -A x86 --engine=fast"
  "M1|$HEXPROOF M1 -A x86 --engine=reference" "M1|$HEXPROOF M1 -A x86 --engine=fast"
)
# for_each_tool FUNCTION: calls FUNCTION with $kind, $tool (a command line) and $label set, in a
# fresh directory $d.
case_number=0
for_each_tool() {
  local entry
  for entry in "${tools[@]}"; do
    kind=${entry%%|*}; tool=${entry#*|}; label="${1#case_} [$tool]"
    case_number=$((case_number+1)); d=$work/c$case_number; mkdir "$d"; chmod 755 "$d"
    "$1"
  done
}
# The names in a directory, on one line.
names() { ls -A "$1" | tr '\n' ' ' | sed 's/ $//'; }
mode() { stat -c %a "$1"; }
owner() { stat -c %U:%G "$1"; }
inode() { stat -c %i "$1"; }

# ---- Output files -----------------------------------------------------------------------------

# A new file: upstream's modes (0750 for hex2 executables, 0666 minus the umask otherwise).
case_new_file() {
  (umask 022; $tool -f in.$kind -o "$d/out") 2>/dev/null
  check "$label: content" cmp -s "$d/out" want.$kind
  local want=750; [ "$kind" = M1 ] && want=644
  check "$label: mode $(mode "$d/out"), expected $want" test "$(mode "$d/out")" = $want
  check "$label: leftovers $(names "$d")" test "$(names "$d")" = out
  if [ "$kind" = hex2 ]; then
    (umask 027; $tool --non-executable -f in.hex2 -o "$d/plain") 2>/dev/null
    check "$label: --non-executable mode $(mode "$d/plain")" test "$(mode "$d/plain")" = 640
  fi
}
for_each_tool case_new_file

# Another user's files written by root: a setuid one (04777) and a private one (0600) keep their
# owner, inode and permission bits, without setuid (hex2's executable output: 0750 as upstream).
case_other_users_files() {
  printf 'old' > "$d/victim"; printf 'old' > "$d/private"
  chown nobody:nogroup "$d/victim" "$d/private"; chmod 04777 "$d/victim"; chmod 0600 "$d/private"
  local before_victim before_private; before_victim=$(inode "$d/victim"); before_private=$(inode "$d/private")
  local plain=""; [ "$kind" = hex2 ] && plain=--non-executable
  $tool $plain -f in.$kind -o "$d/victim" 2>/dev/null; $tool $plain -f in.$kind -o "$d/private" 2>/dev/null
  check "$label: setuid victim content" cmp -s "$d/victim" want.$kind
  check "$label: setuid victim mode $(mode "$d/victim") $(owner "$d/victim")" \
    test "$(mode "$d/victim") $(owner "$d/victim") $(inode "$d/victim")" = "777 nobody:nogroup $before_victim"
  check "$label: private file $(mode "$d/private") $(owner "$d/private")" \
    test "$(mode "$d/private") $(owner "$d/private") $(inode "$d/private")" = "600 nobody:nogroup $before_private"
  if [ "$kind" = hex2 ]; then
    chmod 04777 "$d/victim"; $tool -f in.hex2 -o "$d/victim" 2>/dev/null
    check "$label: executable over setuid victim $(mode "$d/victim") $(owner "$d/victim")" \
      test "$(mode "$d/victim") $(owner "$d/victim")" = "750 nobody:nogroup"
  fi
  check "$label: leftovers $(names "$d")" test "$(names "$d")" = "private victim"
}
if $root; then for_each_tool case_other_users_files; else skip "other users' files need root"; fi

# The runner's own setuid and setgid file is replaced by one without those bits.
case_own_setuid_file() {
  printf 'old' > "$d/own"; chmod 06755 "$d/own"
  $tool -f in.$kind -o "$d/own" 2>/dev/null
  local want=755; [ "$kind" = hex2 ] && want=750
  check "$label: content" cmp -s "$d/own" want.$kind
  check "$label: mode $(mode "$d/own"), expected $want" test "$(mode "$d/own")" = $want
}
for_each_tool case_own_setuid_file

# A symbolic link is written through (it stays a link; its target gets the bytes), a link to
# nothing creates its target, and a hard-linked file is written in place (both names see it).
case_links() {
  printf 'old contents' > "$d/real"; chmod 600 "$d/real"; ln -s real "$d/link"; ln -s made "$d/dangling"
  printf 'old contents' > "$d/h1"; ln "$d/h1" "$d/h2"; local before; before=$(inode "$d/h1")
  $tool -f in.$kind -o "$d/link" 2>/dev/null
  $tool -f in.$kind -o "$d/dangling" 2>/dev/null
  $tool -f in.$kind -o "$d/h1" 2>/dev/null
  check "$label: link kept" test -L "$d/link" -a -L "$d/dangling"
  check "$label: target written" cmp -s "$d/real" want.$kind
  check "$label: dangling link's target made" cmp -s "$d/made" want.$kind
  local want=600; [ "$kind" = hex2 ] && want=750
  check "$label: target mode $(mode "$d/real")" test "$(mode "$d/real")" = $want
  check "$label: other hard link sees the output" cmp -s "$d/h2" want.$kind
  check "$label: hard link kept" test "$(inode "$d/h1") $(stat -c %h "$d/h1")" = "$before 2"
  check "$label: leftovers $(names "$d")" test "$(names "$d")" = "dangling h1 h2 link made real"
}
for_each_tool case_links

# A user's own read-only file is refused, before any work (the missing input is never reached),
# and left as it was: upstream's fopen refuses it too.
case_read_only() {
  chown nobody:nogroup "$d"
  "${NOBODY[@]}" sh -c "printf old > '$d/ro' && chmod 444 '$d/ro'"
  "${NOBODY[@]}" $tool -o "$d/ro" -f missing.$kind > "$d.out" 2> "$d.err"; local rc=$?
  check "$label: exit $rc" test $rc = 1
  check "$label: message $(cat "$d.err")" grep -q "The file: $d/ro can not be opened! (Permission denied)" "$d.err"
  check "$label: refused before reading inputs" bash -c "! grep -q missing '$d.err'"
  check "$label: unchanged" test "$(cat "$d/ro")" = old
  check "$label: leftovers $(names "$d")" test "$(names "$d")" = ro
}
if $root; then for_each_tool case_read_only; else skip "read-only file as nobody needs root"; fi

# /dev/stdout and /proc/self/fd/1 are written through, as root and as nobody, when standard
# output is a file or a pipe. As root this runs in a private mount namespace with a /dev of its
# own, so that a tool that replaced /dev/stdout (as the first versions did) cannot harm the host.
case_stdout_paths() {
  chown nobody:nogroup "$d"
  $tool -f in.$kind -o /proc/self/fd/1 > "$d/f1" 2>/dev/null
  check "$label: root -o /proc/self/fd/1 > file" cmp -s "$d/f1" want.$kind
  $tool -f in.$kind -o /dev/stdout 2>/dev/null | cat > "$d/f2"
  check "$label: root -o /dev/stdout | cat" cmp -s "$d/f2" want.$kind
  "${NOBODY[@]}" sh -c "$tool -f in.$kind -o /dev/stdout > '$d/f3'" 2>/dev/null
  check "$label: nobody -o /dev/stdout > file" cmp -s "$d/f3" want.$kind
  "${NOBODY[@]}" sh -c "$tool -f in.$kind -o /proc/self/fd/1 > '$d/f4'" 2>/dev/null
  check "$label: nobody -o /proc/self/fd/1 > file" cmp -s "$d/f4" want.$kind
  "${NOBODY[@]}" sh -c "$tool -f in.$kind -o /dev/stdout | cat > '$d/f5'" 2>/dev/null
  check "$label: nobody -o /dev/stdout | cat" cmp -s "$d/f5" want.$kind
  if [ -n "$private_dev" ]; then
    unshare -m bash -c "mount --make-rprivate / && mount -t tmpfs tmpfs /dev && ln -s /proc/self/fd/1 /dev/stdout &&
      mknod -m 666 /dev/null c 1 3 && $tool -f in.$kind -o /dev/stdout > '$d/f6' 2>/dev/null && test -L /dev/stdout" ||
      bad "$label: root -o /dev/stdout in a private /dev"
    check "$label: root -o /dev/stdout > file" cmp -s "$d/f6" want.$kind
  fi
  check "$label: leftovers $(names "$d")" test "$(names "$d")" = "f1 f2 f3 f4 f5${private_dev:+ f6}"
}
private_dev=x
unshare -m true 2>/dev/null || { private_dev=; skip "root -o /dev/stdout > file: no private mount namespace (unshare -m fails)"; }
if $root; then for_each_tool case_stdout_paths; else skip "nobody's runs need root to switch user"; fi

# Names of NAME_MAX (255) bytes, new and replaced, also where the file system has no unnamed
# files (the temporary's name is cut to fit); 256 bytes is the system's error.
case_long_names() {
  local longest; longest=$(printf 'n%.0s' $(seq 255))
  $tool -f in.$kind -o "$d/$longest" 2>/dev/null; $tool -f in.$kind -o "$d/$longest" 2>/dev/null
  check "$label: 255-byte name" cmp -s "$d/$longest" want.$kind
  rm -f "$d/$longest"
  "$WITHOUT" --no-tmpfile $tool -f in.$kind -o "$d/$longest" 2>/dev/null
  "$WITHOUT" --no-tmpfile $tool -f in.$kind -o "$d/$longest" 2>/dev/null
  check "$label: 255-byte name without O_TMPFILE" cmp -s "$d/$longest" want.$kind
  "$WITHOUT" --no-link $tool -f in.$kind -o "$d/new" 2>/dev/null
  "$WITHOUT" --no-link $tool -f in.$kind -o "$d/new" 2>/dev/null
  check "$label: without linkat" cmp -s "$d/new" want.$kind
  $tool -f in.$kind -o "$d/${longest}n" > /dev/null 2> "$d.err"; local rc=$?
  check "$label: 256 bytes: exit $rc" test $rc = 1
  check "$label: 256 bytes: $(cat "$d.err")" grep -q 'File name too long' "$d.err"
  check "$label: leftovers $(names "$d")" test "$(names "$d")" = "new $longest"
}
for_each_tool case_long_names

# ---- Signals ----------------------------------------------------------------------------------

# A large program: the M1 input of the benchmark, and hex2's input made from it.
"$bin/hexproof_bench_gen" --arch amd64 --size 8000000 --m1 big.M1 --elf big-elf.hex2 > /dev/null
"$M1" --engine=fast -A amd64 --little-endian -f big.M1 -o big.hex2
big_tools=(
  "$M1 -A amd64 --little-endian --engine=reference -f big.M1" "$M1 -A amd64 --little-endian --engine=fast -f big.M1"
  "$HEXPROOF M1 -A amd64 --little-endian --engine=reference -f big.M1"
  "$HEXPROOF M1 -A amd64 --little-endian --engine=fast -f big.M1"
  "$HEX2 -A amd64 --little-endian -B 0x400000 --engine=reference -f big-elf.hex2 -f big.hex2"
  "$HEX2 -A amd64 --little-endian -B 0x400000 --engine=fast -f big-elf.hex2 -f big.hex2"
  "$HEXPROOF hex2 -A amd64 --little-endian -B 0x400000 --engine=reference -f big-elf.hex2 -f big.hex2"
  "$HEXPROOF hex2 -A amd64 --little-endian -B 0x400000 --engine=fast -f big-elf.hex2 -f big.hex2"
)

# stop_and_signal SIGNAL PREFIX COMMAND...: runs the command (signals at their default action)
# writing over $d/out, stops it once its scratch file exists (a *.tmp-* name beside the output,
# or an unnamed file it holds open), sends SIGNAL, lets it go on, and sets $status. Returns 1
# when the run ended before it could be stopped.
stop_and_signal() {
  local signal=$1 prefix=$2; shift 2
  env --default-signal $prefix "$@" -o "$d/out" 2>/dev/null & local pid=$!
  local tries=0
  until compgen -G "$d/out.tmp-*" > /dev/null || ls -l /proc/$pid/fd 2>/dev/null | grep -q '(deleted)'; do
    tries=$((tries+1))
    if [ $tries -gt 20000 ] || ! kill -0 $pid 2>/dev/null; then wait $pid 2>/dev/null; return 1; fi
  done
  kill -STOP $pid; kill -$signal $pid; kill -CONT $pid
  wait $pid 2>/dev/null; status=$?
  return 0
}
signal_number() { kill -l "$1"; }

# Named temporaries (no O_TMPFILE): every catchable signal removes it, and the process dies of it.
d=$work/signals; mkdir "$d"
for signal in INT TERM HUP QUIT PIPE XCPU XFSZ; do
  for entry in "${big_tools[@]:0:1}" "${big_tools[@]:4:1}"; do
    printf old > "$d/out"
    caught=false
    for attempt in 1 2 3; do stop_and_signal $signal "$WITHOUT --no-tmpfile" $entry && { caught=true; break; }; done
    if ! $caught; then bad "SIG$signal [$entry]: the run ended before it could be stopped"; continue; fi
    check "SIG$signal [$entry]: status $status" test $status = $((128 + $(signal_number $signal)))
    check "SIG$signal [$entry]: output unchanged" test "$(cat "$d/out")" = old
    check "SIG$signal [$entry]: leftovers $(names "$d")" test "$(names "$d")" = out
  done
done
# Unnamed scratch files: nothing is left even by SIGKILL, for every tool.
for signal in KILL TERM; do
  for entry in "${big_tools[@]}"; do
    rm -f "$d/out"
    caught=false
    for attempt in 1 2 3; do stop_and_signal $signal "" $entry && { caught=true; break; }; done
    if ! $caught; then bad "SIG$signal [$entry]: the run ended before it could be stopped"; continue; fi
    check "SIG$signal [$entry]: status $status" test $status = $((128 + $(signal_number $signal)))
    check "SIG$signal [$entry]: leftovers $(names "$d")" test "$(names "$d")" = ""
  done
done

# ---- Failing writes: the file size limit, a full file system -------------------------------

# Outputs of more than 100 KiB: M1 pads 60000 zero bytes (two digits each, 120 kB); hex2 reads
# 300 kB of "AA" pairs into 150 kB of output (the input lives outside the small file system below).
printf '<60000\n' > pad.M1
head -c 300000 /dev/zero | tr '\0' 'A' > aa.hex2
big_output() { if [ "$kind" = hex2 ]; then echo aa.hex2; else echo pad.M1; fi; }

# ulimit -f: a clear error (EFBIG), exit 1, the old file kept, nothing left.
case_file_size_limit() {
  printf old > "$d/out"
  (ulimit -f 100; $tool -f "$(big_output)" -o "$d/out" 2> "$d.err"); local rc=$?
  check "$label: exit $rc" test $rc = 1
  check "$label: message $(cat "$d.err")" grep -q "The file: $d/out can not be written: File too large" "$d.err"
  check "$label: unchanged" test "$(cat "$d/out")" = old
  (ulimit -f 100; $tool -f "$(big_output)" -o "$d/new" 2>/dev/null)
  (ulimit -f 100; $tool -f "$(big_output)" > "$d/stdout" 2> "$d.err"); rc=$?
  check "$label: stdout exit $rc" test $rc = 1
  check "$label: stdout message $(cat "$d.err")" grep -q "cannot write standard output: File too large" "$d.err"
  check "$label: leftovers $(names "$d")" test "$(names "$d")" = "out stdout"
}
for_each_tool case_file_size_limit

# A full file system (a 64 KiB tmpfs in a private mount namespace; small, so that the outputs
# that fill it are cheap under the sanitizers): a clear error, exit 1, an old file (the runner's,
# or another user's written in place) kept, nothing left.
case_full_file_system() {
  unshare -m bash -c "mount --make-rprivate / && mount -t tmpfs -o size=64k tmpfs '$d' &&
    printf old > '$d/mine' && printf old > '$d/theirs' && chown nobody:nogroup '$d/theirs' &&
    { $tool -f $(big_output) -o '$d/new' 2> '$d.err1'; echo \$? > '$d.rc1'
      $tool -f $(big_output) -o '$d/mine' 2> '$d.err2'; echo \$? > '$d.rc2'
      $tool -f $(big_output) -o '$d/theirs' 2> '$d.err3'; echo \$? > '$d.rc3'
      echo \"\$(cat '$d/mine') \$(cat '$d/theirs') \$(ls -A '$d' | tr '\n' ' ')\" > '$d.after'; }"
  check "$label: exits $(cat "$d.rc1" "$d.rc2" "$d.rc3" | tr '\n' ' ')" test "$(cat "$d.rc1" "$d.rc2" "$d.rc3" | tr -d '\n')" = 111
  check "$label: message $(cat "$d.err1")" grep -q "No space left on device" "$d.err1"
  check "$label: message $(cat "$d.err3")" grep -q "No space left on device" "$d.err3"
  check "$label: after: $(cat "$d.after")" test "$(cat "$d.after")" = "old old mine theirs "
}
if $root && [ -n "$private_dev" ]; then for_each_tool case_full_file_system
else skip "full file system: needs root and a private mount namespace (unshare -m) to mount a small tmpfs"; fi

# ---- Memory and inputs ------------------------------------------------------------------------

# Out of memory (ulimit -v below what the large program needs): a clear error, exit 1, the old
# output kept, nothing left, on the main thread and the fast engines' second threads alike.
case_out_of_memory() {
  local entry
  for entry in "${big_tools[@]}"; do
    printf old > "$d/out"
    (ulimit -v 16000; $entry -o "$d/out" 2> "$d.err"); local rc=$?
    check "out of memory [$entry]: exit $rc" test $rc = 1
    check "out of memory [$entry]: $(head -c 300 "$d.err")" grep -q ': error: out of memory' "$d.err"
    check "out of memory [$entry]: unchanged" test "$(cat "$d/out")" = old
    check "out of memory [$entry]: leftovers $(names "$d")" test "$(names "$d")" = out
  done
}
d=$work/memory; mkdir "$d"
if $sanitized; then skip "ulimit -v: AddressSanitizer reserves more address space than any such limit"
else case_out_of_memory; fi

# Inputs that never end (/dev/zero, a FIFO that keeps writing) and inputs too large together
# (sparse files): refused once the limit is passed, in bounded time, exit 1, nothing written.
# The limit is read from the Coq constant the bounds theorems assume (Hex2Bounds.v, M1Bounds.v).
limit=$(sed -n 's/^Definition max_input_bytes : N := \([0-9]*\)\.$/\1/p' "$src/spec/CommandLine.v")
check "max_input_bytes read from spec/CommandLine.v: '$limit'" test -n "$limit"
case_endless_inputs() {
  timeout 120 $tool -f /dev/zero -o "$d/out" 2> "$d.err"; local rc=$?
  check "$label: /dev/zero exit $rc" test $rc = 1
  check "$label: /dev/zero: $(cat "$d.err")" test "$(cat "$d.err")" = "/dev/zero: error: input is larger than the limit of $limit bytes"
  mkfifo "$d/fifo"; yes 2>/dev/null > "$d/fifo" & local writer=$!
  timeout 120 $tool -f in.$kind -f "$d/fifo" -o "$d/out" 2> "$d.err"; rc=$?
  kill $writer 2>/dev/null; wait $writer 2>/dev/null
  check "$label: endless FIFO exit $rc" test $rc = 1
  check "$label: endless FIFO: $(cat "$d.err")" test "$(cat "$d.err")" = \
    "$d/fifo: error: input is larger than the limit of $limit bytes (counting the inputs before it)"
  truncate -s 150M "$d/a"; truncate -s 150M "$d/b"; truncate -s 257M "$d/c"
  $tool -f "$d/a" -f "$d/b" -o "$d/out" 2> "$d.err"; rc=$?
  check "$label: two inputs too large together: $rc $(cat "$d.err")" test "$rc $(cat "$d.err")" = \
    "1 $d/b: error: input is larger than the limit of $limit bytes (counting the inputs before it)"
  $tool -f "$d/c" -o "$d/out" 2> "$d.err"; rc=$?
  check "$label: one input too large: $rc $(cat "$d.err")" test "$rc $(cat "$d.err")" = \
    "1 $d/c: error: input is larger than the limit of $limit bytes"
  check "$label: leftovers $(names "$d")" test "$(names "$d")" = "a b c fifo"
}
# The inputs are read before any engine runs, so each way of reading them (hex2 after the
# options, M1 as it meets them, through hexproof) is tried once, with either engine.
tools_all=("${tools[@]}"); tools=("${tools_all[0]}" "${tools_all[3]}" "${tools_all[5]}" "${tools_all[6]}")
for_each_tool case_endless_inputs
tools=("${tools_all[@]}")
# Exactly the limit is accepted (2^28 NUL bytes: hex2 skips them and writes nothing).
d=$work/at-limit; mkdir "$d"; truncate -s $limit "$d/zeros"
"$HEX2" --engine=fast -f "$d/zeros" -o "$d/out"; rc=$?
check "input of exactly the limit: exit $rc" test "$rc $(stat -c %s "$d/out")" = "0 0"
rm -f "$d/zeros"

# The output limit (--max-output-bytes): an output of exactly the limit is written, one byte more
# is refused (to a file: nothing left; to standard output: exit 1), and the engines agree.
# `<1000` prints 2000 zero digits and a newline: 2001 bytes; hex2's input makes 2 bytes.
printf '<1000\n' > pad1000.M1
case_output_limit() {
  local input=pad1000.M1 size=2001
  [ "$kind" = hex2 ] && { input=in.hex2; size=2; }
  $tool --max-output-bytes=$size -f $input -o "$d/exact" 2>/dev/null
  check "$label: exactly the limit" test "$(stat -c %s "$d/exact" 2>/dev/null)" = $size
  $tool --max-output-bytes=$((size - 1)) -f $input -o "$d/over" 2> "$d.err"; local rc=$?
  check "$label: over the limit: exit $rc" test $rc = 1
  check "$label: over the limit: $(cat "$d.err")" test "$(cat "$d.err")" = \
    "$kind: error: The file: $d/over can not be written: the output is larger than the limit of $((size - 1)) bytes (--max-output-bytes=N changes it)"
  $tool --max-output-bytes=$((size - 1)) -f $input > /dev/null 2> "$d.err"; rc=$?
  check "$label: stdout over the limit: $rc $(cat "$d.err")" test "$rc $(cat "$d.err")" = \
    "1 $kind: error: cannot write standard output: the output is larger than the limit of $((size - 1)) bytes (--max-output-bytes=N changes it)"
  $tool --max-output-bytes=lots -f $input > /dev/null 2> "$d.err"; rc=$?
  check "$label: bad limit: $rc $(cat "$d.err")" test "$rc $(cat "$d.err")" = "1 $kind: error: --max-output-bytes takes a number of bytes"
  check "$label: leftovers $(names "$d")" test "$(names "$d")" = exact
}
for_each_tool case_output_limit

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
