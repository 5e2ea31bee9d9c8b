# expected: the output of upstream M1 1.7.0
# mescc-tools 1.4.0 agrees
M1 -A x86 -f multi.M1 -f multi.2.M1 -f multi.3.M1 -f multi.4.M1
