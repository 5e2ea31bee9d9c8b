# expected: worked out by hand from docs/contract.md
M1 -f err-knight-bare.M1
