# expected: worked out by hand from docs/contract.md; upstream rejects the input
# mescc-tools 1.4.0 agrees
hex2 --architecture knight-native -f err-bang-range.hex2
