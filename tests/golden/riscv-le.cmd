# expected: the output of upstream M1 1.7.0
M1 -A riscv32 --little-endian -f riscv-le.M1
