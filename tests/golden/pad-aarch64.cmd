# expected: the output of upstream hex2 1.7.0
# mescc-tools 1.4.0 agrees
hex2 --architecture aarch64 --little-endian --base-address 0x1000 -f pad-aarch64.hex2
