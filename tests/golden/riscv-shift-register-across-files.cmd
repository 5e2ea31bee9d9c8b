# expected: the output of upstream hex2 1.7.0
# mescc-tools 1.4.0 agrees
hex2 --architecture riscv64 --little-endian --base-address 0x10000 -f riscv-shift-register-across-files.hex2 -f riscv-shift-register-across-files.2.hex2
