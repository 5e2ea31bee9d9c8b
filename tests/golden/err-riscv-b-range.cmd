# expected: worked out by hand from docs/contract.md; upstream rejects the input
# mescc-tools 1.4.0 agrees
hex2 --architecture riscv32 --little-endian --base-address 0x10000 -f err-riscv-b-range.hex2 -f err-riscv-b-range.2.hex2
