# expected: worked out by hand from ../shared/SEMANTICS.md and docs/strict.md (the quirk uses: spec/Hex2Strict.v); the end of the first file ends the label a (at 1); !a at 2 is 1 - 3
# mescc-tools 1.4.0 agrees
hex2 --architecture knight-native --strict -f strict-text-across-files-name.hex2 -f strict-text-across-files-name.2.hex2
