# found by: m1-property: 4294967296 wraps to 0, so without a leading 0 it is not a number and stays label text
# expected: the answer of upstream 1.7.0
M1 -f m1-wraps-to-zero-is-text.M1 --architecture aarch64 --little-endian
