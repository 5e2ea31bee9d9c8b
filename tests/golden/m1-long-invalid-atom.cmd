# found by: issue 15: an error echoed its whole subject (a 5 MB atom made a 5 MB line); docs/contract.md (Errors): the first 80 bytes, then how many more; 1.7.0 rejects the atom (invalid other)
# expected: the answer of upstream 1.7.0
M1 -f m1-long-invalid-atom.M1 --architecture amd64 --little-endian
