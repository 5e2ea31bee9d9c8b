# expected: the output of upstream hex2 1.7.0
# mescc-tools 1.4.0 agrees
hex2 --architecture armv7l --little-endian --base-address 0x10000 -f armv7l-displacements.hex2
