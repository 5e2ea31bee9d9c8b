# expected: worked out by hand from docs/contract.md and docs/strict.md; upstream rejects the input (the label is a\r); --strict reports the quirk instead
# mescc-tools 1.4.0 agrees
hex2 --architecture knight-native --strict -f strict-cr-in-token-undefined.hex2
