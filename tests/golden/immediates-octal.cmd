# expected: the output of upstream M1 1.7.0
M1 -A armv7l --little-endian -O -f immediates-octal.M1
