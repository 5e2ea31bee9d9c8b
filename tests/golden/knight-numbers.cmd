# expected: the output of upstream M1 1.7.0
M1 -A knight-native -f knight-numbers.M1
