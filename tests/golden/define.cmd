# expected: the output of upstream M1 1.7.0
M1 -A x86 -f define.M1
