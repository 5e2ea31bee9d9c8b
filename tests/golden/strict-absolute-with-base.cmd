# expected: worked out by hand from ../shared/SEMANTICS.md and docs/strict.md (the quirk uses: spec/Hex2Strict.v); & and $ ignore the base: &a is 0, $b is 1, big endian
# mescc-tools 1.4.0 agrees
hex2 --architecture knight-native --strict -f strict-absolute-with-base.hex2
