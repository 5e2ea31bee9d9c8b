# expected: worked out by hand from ../shared/SEMANTICS.md and docs/strict.md (the quirk uses: spec/Hex2Strict.v); the 4 waiting at the end of the first file is dropped (the seeds would make 48)
# mescc-tools 1.4.0 agrees
hex2 --architecture knight-native --strict -f strict-nibble-across-files.hex2 -f strict-nibble-across-files.2.hex2
