# expected: worked out by hand from docs/contract.md; upstream rejects the input
# mescc-tools 1.4.0 agrees
hex2 --architecture x86 --little-endian --base-address 0x80000000 -f err-dollar-high-address.hex2
