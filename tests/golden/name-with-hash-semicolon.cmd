# expected: the output of upstream hex2 1.7.0
# mescc-tools 1.4.0 agrees
hex2 --architecture knight-native -f name-with-hash-semicolon.hex2
