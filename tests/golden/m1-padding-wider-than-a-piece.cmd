# found by: issue 15 (paddings written a piece at a time): 0x20001 = 131073 zero bytes, 8 binary digits each, then " :x" and the newline; the hash is Python's hashlib.sha256(b'0' * (131073 * 8) + b' :x\n'), and mescc-tools 1.4.0 writes the same bytes
# expected: the answer of upstream 1.7.0
# mescc-tools 1.4.0 agrees
M1 -f m1-padding-wider-than-a-piece.M1 --architecture amd64 --little-endian --binary
