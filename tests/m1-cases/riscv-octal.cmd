flags: -A riscv64 -O
