# found by: oracle against mescc-tools 1.4.0 (knight-prefixes: 1.4.0 leaves @-01 as text); 1.7.0 reads -01 as decimal -1
# expected: the answer of upstream 1.7.0
M1 -f m1-knight-negative-octal.M1 --architecture knight-native --big-endian
