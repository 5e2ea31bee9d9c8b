# expected: the output of upstream hex2 1.7.0
# mescc-tools 1.4.0 agrees
hex2 --architecture x86 --little-endian --base-address 0x100 -f labels-global-across-files.hex2 -f labels-global-across-files.2.hex2
