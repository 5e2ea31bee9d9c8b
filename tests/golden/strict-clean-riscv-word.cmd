# expected: worked out by hand from ../shared/SEMANTICS.md and docs/strict.md (the quirk uses: spec/Hex2Strict.v); strict-clean: one file, so the word's bits (0x13 0x05, little endian) land in its own bytes
# mescc-tools 1.4.0 agrees
hex2 --architecture riscv64 --little-endian --base-address 0x10000 --strict -f strict-clean-riscv-word.hex2
