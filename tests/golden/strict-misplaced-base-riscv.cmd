# expected: worked out by hand from ../shared/SEMANTICS.md and docs/strict.md (the quirk uses: spec/Hex2Strict.v); RISC-V !p takes no base: the > ends it, q is skipped text, and no byte follows for its bits
# mescc-tools 1.4.0 agrees
hex2 --architecture riscv64 --little-endian --base-address 0x10000 --strict -f strict-misplaced-base-riscv.hex2
