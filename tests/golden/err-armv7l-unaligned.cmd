# expected: worked out by hand from docs/contract.md; upstream rejects the input
# mescc-tools 1.4.0 agrees
hex2 --architecture armv7l --little-endian --base-address 0x10000 -f err-armv7l-unaligned.hex2
