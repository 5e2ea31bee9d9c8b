# expected: worked out by hand from docs/contract.md
M1 -A x86 -f err-negative-padding.M1
