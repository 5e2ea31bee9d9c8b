# expected: worked out by hand from docs/contract.md; upstream rejects the input
# upstream-undefined: never given to upstream (it loops or reads stale memory here)
hex2 --architecture knight-native -f undef-nul-in-name.hex2 -f undef-nul-in-name.2.hex2
