# found by: fuzz/hex2-differential (fast engine gave cc, reference and upstream 1.7.0 give 09): a comment inside a RISC-V `.` word, then non-digit bytes (0xA1, NUL NUL) between the digits of its last byte
# expected: the answer of upstream 1.7.0
hex2 -f hex2-word-comment-then-junk.hex2 --architecture riscv32 --little-endian --base-address 0x1000
