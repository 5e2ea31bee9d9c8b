# expected: the output of mescc-tools 1.4.0 (Debian), where 1.4.0 = 1.7.0
# a focused program on which mescc-tools 1.4.0 and 1.7.0 agree (tests/golden/README.md)
# mescc-tools 1.4.0 agrees
hex2 --architecture ppc64le --little-endian --base-address 0x1000 -f hex2-caret-ppc64le-little.hex2
