# found by: oracle against mescc-tools 1.4.0 (hex2-dollar-unsigned: 1.4.0 accepts -16 as signed)
# expected: the answer of upstream 1.7.0
hex2 -f hex2-dollar-negative-address.hex2 --architecture knight-native --big-endian --base-address 0xFFFFFFF0
