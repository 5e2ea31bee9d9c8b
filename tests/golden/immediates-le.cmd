# expected: the output of upstream M1 1.7.0
M1 -A amd64 --little-endian -f immediates-le.M1
