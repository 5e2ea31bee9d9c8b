# expected: the output of upstream M1 1.7.0
# mescc-tools 1.4.0 agrees
M1 -A x86 -O -f padding-octal.M1
