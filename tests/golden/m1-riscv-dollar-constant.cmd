# found by: oracle against mescc-tools 1.4.0 (riscv-dollar-constant: 1.4.0 leaves $0x8001 as text)
# expected: the answer of upstream 1.7.0
M1 -f m1-riscv-dollar-constant.M1 --architecture riscv32 --little-endian
