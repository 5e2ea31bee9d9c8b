# found by: oracle against mescc-tools 1.4.0 (m1-range-check: 1.4.0 truncates)
# expected: the answer of upstream 1.7.0
M1 -f m1-range-three-bytes.M1 --architecture x86 --little-endian
