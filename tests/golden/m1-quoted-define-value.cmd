# found by: oracle against mescc-tools 1.4.0 (quoted-define-value: 1.4.0 rejects MOV as invalid other)
# expected: the answer of upstream 1.7.0
M1 -f m1-quoted-define-value.M1 --architecture x86 --little-endian
