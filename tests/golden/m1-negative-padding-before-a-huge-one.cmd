# found by: issue 15: the fast engine built the padding of <99999999999 (1215752191 zero bytes after the 32-bit wrap, 2.4 GB of digits) before it reported the negative padding met first; 1.7.0 rejects the program (negative null padding)
# expected: the answer of upstream 1.7.0
M1 -f m1-negative-padding-before-a-huge-one.M1 --architecture amd64 --little-endian
