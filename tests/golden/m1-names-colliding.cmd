# found by: issue 15 (hash flooding): three 24-byte macro names whose hashes were equal under the fast M1's unkeyed hash of before 2026-12 (bench/gen_names.cpp --set old-fast-m1 --seed 5), defined as 0A, 0B, 0C and used third, first, second: "\n0C 0A 0B\n"; mescc-tools 1.4.0 writes the same bytes
# expected: the answer of upstream 1.7.0
# mescc-tools 1.4.0 agrees
M1 -f m1-names-colliding.M1 --architecture amd64 --little-endian
