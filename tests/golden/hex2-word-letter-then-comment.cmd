# found by: fuzz/hex2-differential (fast engine gave 01, reference and upstream 1.7.0 give 12): a non-digit letter followed by a comment inside a RISC-V `.` word; shrunk by hexproof oracle
# expected: the answer of upstream 1.7.0
hex2 -f hex2-word-letter-then-comment.hex2 --architecture riscv32 --little-endian --base-address 0x1000
