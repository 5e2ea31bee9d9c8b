# expected: the output of upstream hex2 1.7.0
# mescc-tools 1.4.0 agrees
hex2 --architecture amd64 --little-endian --base-address 0x400000 -f base-relative.hex2
