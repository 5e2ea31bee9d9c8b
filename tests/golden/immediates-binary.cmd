# expected: the output of upstream M1 1.7.0
M1 -A ppc64le -b -f immediates-binary.M1
