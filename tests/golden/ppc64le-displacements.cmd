# expected: the output of upstream hex2 1.7.0
# mescc-tools 1.4.0 agrees
hex2 --architecture ppc64le --little-endian --base-address 0x10000000 -f ppc64le-displacements.hex2
