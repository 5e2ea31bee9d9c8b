# expected: the output of upstream M1 1.7.0
M1 -A riscv64 -f riscv.M1
