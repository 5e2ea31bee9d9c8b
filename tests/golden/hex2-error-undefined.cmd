# expected: worked out by hand from docs/contract.md; mescc-tools 1.4.0 rejects the program
# a focused program on which mescc-tools 1.4.0 and 1.7.0 agree (tests/golden/README.md)
# mescc-tools 1.4.0 agrees
hex2 --architecture x86 --little-endian --base-address 0x1000 -f hex2-error-undefined.hex2
