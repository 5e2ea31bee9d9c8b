# expected: worked out by hand from ../shared/SEMANTICS.md and docs/strict.md (the quirk uses: spec/M1Strict.v); each is accepted and masked to its field, little endian
M1 --architecture amd64 --little-endian --strict -f strict-off-by-one-range.M1
