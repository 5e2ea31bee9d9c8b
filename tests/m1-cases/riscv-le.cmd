flags: -A riscv32 --little-endian
