# expected: the output of mescc-tools 1.4.0 (Debian), where 1.4.0 = 1.7.0
# a focused program on which mescc-tools 1.4.0 and 1.7.0 agree (tests/golden/README.md)
# mescc-tools 1.4.0 agrees
hex2 --architecture amd64 --little-endian --base-address 0x1000 -f hex2-multi-file.hex2 -f hex2-multi-file.2.hex2 -f hex2-multi-file.3.hex2
