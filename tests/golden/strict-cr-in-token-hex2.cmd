# expected: worked out by hand from ../shared/SEMANTICS.md and docs/strict.md (the quirk uses: spec/Hex2Strict.v); the label and the reference are both a\r (at 0)
# mescc-tools 1.4.0 agrees
hex2 --architecture knight-native --strict -f strict-cr-in-token-hex2.hex2
