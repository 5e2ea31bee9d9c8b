flags: -A riscv64
