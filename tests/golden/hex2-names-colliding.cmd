# found by: issue 15 (hash flooding): three 24-byte labels whose hashes were equal under the fast hex2's unkeyed hash of before 2026-12 (bench/gen_names.cpp --set old-fast-hex2 --seed 5); labels at 0, 1 and 2, then &third &first &second; mescc-tools 1.4.0 writes the same bytes
# expected: the answer of upstream 1.7.0
# mescc-tools 1.4.0 agrees
hex2 -f hex2-names-colliding.hex2 --architecture knight-native --big-endian
