# expected: worked out by hand from ../shared/SEMANTICS.md and docs/strict.md (the quirk uses: spec/M1Strict.v); :a\r and %a\r pass through with their carriage returns
# mescc-tools 1.4.0 agrees
M1 --architecture amd64 --little-endian --strict -f strict-cr-in-token-m1.M1
