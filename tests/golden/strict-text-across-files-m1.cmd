# expected: worked out by hand from ../shared/SEMANTICS.md and docs/strict.md (the quirk uses: spec/M1Strict.v); each file ends without a line end: in a comment, then in the word !3
# mescc-tools 1.4.0 agrees
M1 --architecture amd64 --little-endian --strict -f strict-text-across-files-m1.M1 -f strict-text-across-files-m1.2.M1
