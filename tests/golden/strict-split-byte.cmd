# expected: worked out by hand from ../shared/SEMANTICS.md and docs/strict.md (the quirk uses: spec/Hex2Strict.v); each byte of other text met while a digit waits is a use (the space, the tab and the #), the comment itself is not
# mescc-tools 1.4.0 agrees
hex2 --architecture knight-native --strict -f strict-split-byte.hex2
