# expected: worked out by hand from ../shared/SEMANTICS.md and docs/strict.md (the quirk uses: spec/Hex2Strict.v); a#b is 0 and s;t is 1: %s;t (after it 10) is -9
# mescc-tools 1.4.0 agrees
hex2 --architecture knight-native --strict -f strict-comment-char-in-token-hex2.hex2
