# found by: oracle against mescc-tools 1.4.0 (m1-range-check: 1.4.0 truncates 65537 to 0001)
# expected: the answer of upstream 1.7.0
M1 -f m1-knight-bare-above-65536.M1 --architecture knight-native --big-endian
