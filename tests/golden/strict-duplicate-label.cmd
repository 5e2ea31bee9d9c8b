# expected: worked out by hand from ../shared/SEMANTICS.md and docs/strict.md (the quirk uses: spec/Hex2Strict.v); the last :a (ip 1) wins: !a at 2 is 1 - 3
# mescc-tools 1.4.0 agrees
hex2 --architecture knight-native --strict -f strict-duplicate-label.hex2
