# found by: oracle against mescc-tools 1.4.0 (hex2-dollar-unsigned: 1.4.0 rejects 32768)
# expected: the answer of upstream 1.7.0
hex2 -f hex2-dollar-32768.hex2 --architecture x86 --little-endian --base-address 0x8000
