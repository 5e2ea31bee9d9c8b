# found by: issue 15: an error echoed its whole subject; docs/contract.md (Errors): the first 80 bytes, then how many more; 1.7.0 rejects the undefined label
# expected: the answer of upstream 1.7.0
hex2 -f hex2-long-undefined-label.hex2 --architecture x86 --little-endian --base-address 0x1000
