#!/bin/bash
# The line docs/trusted-base.md draws between the trusted CLI glue and its safety plumbing: the
# plumbing (where the scratch file lives, names, modes, signal cleanup) may not change the bytes
# of any file. Every write, cut, copy or allocation of file contents is OutputBytes's
# (runtime/cli/output_bytes.cpp); the plumbing only opens, links, renames, removes and chmods. This
# test fails when a plumbing file calls anything that writes file contents, or opens a file
# truncating it (a message to standard error excepted). usage: tests/trust_boundary_test.sh REPOSITORY
set -u
root=$1
plumbing=(runtime/cli/output_file.cpp runtime/cli/output_file.hpp runtime/cli/cleanup.cpp runtime/cli/cleanup.hpp)
calls='write|pwrite|writev|pwritev|ftruncate|truncate|fallocate|posix_fallocate|copy_file_range|sendfile|splice|mmap|fwrite|fputs|fprintf|ofstream'
fail=0
for f in "${plumbing[@]}"; do
  [ -f "$root/$f" ] || { echo "FAIL: $f is missing"; fail=1; continue; }
  # Code only: comments are dropped before looking.
  hits=$(sed 's://.*$::' "$root/$f" | grep -nE "(^|[^A-Za-z0-9_])(::)?($calls)[[:space:]]*\(|O_TRUNC" |
    grep -v 'STDERR_FILENO')
  if [ -n "$hits" ]; then
    echo "FAIL: $f changes file contents itself:"; echo "$hits"; fail=1
  fi
done
# And the trusted side really is where the plumbing's bytes go: OutputFile hands every content
# operation to its OutputBytes.
grep -q 'bytes_\.copy_to' "$root/runtime/cli/output_file.cpp" && grep -q 'bytes_\.finish' "$root/runtime/cli/output_file.cpp" ||
  { echo "FAIL: output_file.cpp no longer copies and cuts through OutputBytes"; fail=1; }
[ $fail = 0 ] && echo "trust boundary: the plumbing writes no file contents"
exit $fail
