# expected: worked out by hand from ../shared/SEMANTICS.md and docs/strict.md (the quirk uses: spec/Hex2Strict.v); the word's bits (0x13 first, little endian) go into the second file's bytes
# mescc-tools 1.4.0 agrees
hex2 --architecture riscv64 --little-endian --base-address 0x10000 --strict -f strict-register-across-files.hex2 -f strict-register-across-files.2.hex2
