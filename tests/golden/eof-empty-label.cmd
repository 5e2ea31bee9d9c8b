# expected: the output of upstream hex2 1.7.0
# mescc-tools 1.4.0 agrees
hex2 --architecture knight-native -f eof-empty-label.hex2 -f eof-empty-label.2.hex2
