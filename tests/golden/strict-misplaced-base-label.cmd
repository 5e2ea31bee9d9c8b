# expected: worked out by hand from ../shared/SEMANTICS.md and docs/strict.md (the quirk uses: spec/Hex2Strict.v); the > ends the label x and 11 are digits
# mescc-tools 1.4.0 agrees
hex2 --architecture knight-native --strict -f strict-misplaced-base-label.hex2
