# expected: worked out by hand from ../shared/SEMANTICS.md and docs/strict.md (the quirk uses: spec/Hex2Strict.v); hex2 goes on with amd64 after the unknown name, a quirk of the command line
# mescc-tools 1.4.0 agrees
hex2 --architecture amd64 --architecture bogus --little-endian --base-address 0x1000 --strict -f strict-unknown-architecture.hex2
