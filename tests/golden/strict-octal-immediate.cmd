# expected: worked out by hand from ../shared/SEMANTICS.md and docs/strict.md (the quirk uses: spec/M1Strict.v); 300 is 454 in octal, then the next 9 bits 000 (little endian: low group first); !1 is one byte
# mescc-tools 1.4.0 agrees
M1 --architecture amd64 --little-endian --octal --strict -f strict-octal-immediate.M1
