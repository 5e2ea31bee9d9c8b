# expected: worked out by hand from docs/contract.md; upstream rejects the input
# upstream-undefined: never given to upstream (it loops or reads stale memory here)
hex2 --architecture x86 --little-endian --base-address 0x10000 -f undef-nul-in-base-name.hex2
