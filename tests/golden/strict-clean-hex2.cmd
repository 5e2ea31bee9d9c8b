# expected: worked out by hand from ../shared/SEMANTICS.md and docs/strict.md (the quirk uses: spec/Hex2Strict.v); strict-clean: %end>start is 2 - 0, !start (after it 7) is -7
# mescc-tools 1.4.0 agrees
hex2 --architecture knight-native --strict -f strict-clean-hex2.hex2
