# found by: generator check (m1-property): `0-10` is octal -8 but `-010` is decimal -10
# expected: the answer of upstream 1.7.0
M1 -f m1-octal-minus.M1 --architecture x86 --little-endian
