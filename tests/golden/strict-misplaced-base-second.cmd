# expected: worked out by hand from ../shared/SEMANTICS.md and docs/strict.md (the quirk uses: spec/Hex2Strict.v); the second > ends the base b, x is skipped text; %a>b is a - b = -1, big endian
# mescc-tools 1.4.0 agrees
hex2 --architecture knight-native --strict -f strict-misplaced-base-second.hex2
