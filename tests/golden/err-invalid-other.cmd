# expected: worked out by hand from docs/contract.md
# mescc-tools 1.4.0 agrees
M1 -A x86 -f err-invalid-other.M1
