# expected: the output of mescc-tools 1.4.0 (Debian), where 1.4.0 = 1.7.0
# a focused program on which mescc-tools 1.4.0 and 1.7.0 agree (tests/golden/README.md)
# mescc-tools 1.4.0 agrees
M1 --architecture aarch64 --little-endian -f m1-labels.M1
