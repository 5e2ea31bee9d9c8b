--architecture x86 --little-endian --base-address 0x10000
# upstream-undefined
