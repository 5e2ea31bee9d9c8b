# found by: issue 15: a subject's bytes reached the terminal raw (an escape sequence clearing the screen, a bell); docs/contract.md (Errors): shown as \xNN; 1.7.0 rejects the atom (invalid other)
# expected: the answer of upstream 1.7.0
M1 -f m1-control-bytes-in-subject.M1 --architecture amd64 --little-endian
