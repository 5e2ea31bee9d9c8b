# expected: worked out by hand from ../shared/SEMANTICS.md and docs/strict.md (the quirk uses: spec/M1Strict.v); strict-clean
# mescc-tools 1.4.0 agrees
M1 --architecture amd64 --little-endian --strict -f strict-clean-m1.M1
