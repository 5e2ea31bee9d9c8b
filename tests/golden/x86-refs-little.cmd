# expected: the output of upstream hex2 1.7.0
# mescc-tools 1.4.0 agrees
hex2 --architecture x86 --little-endian --base-address 0x1000 -f x86-refs-little.hex2
