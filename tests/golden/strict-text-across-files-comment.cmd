# expected: worked out by hand from ../shared/SEMANTICS.md and docs/strict.md (the quirk uses: spec/Hex2Strict.v); the end of the first file ends its comment (hex2-0 would read on into 22)
# mescc-tools 1.4.0 agrees
hex2 --architecture knight-native --strict -f strict-text-across-files-comment.hex2 -f strict-text-across-files-comment.2.hex2
