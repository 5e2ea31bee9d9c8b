# expected: worked out by hand from ../shared/SEMANTICS.md and docs/strict.md (the quirk uses: spec/Hex2Strict.v); &a consumes the ^, so %a (field at 0x1008, after it 0x100C) is plain: 0x1000 - 0x100C - 8 = -20
# mescc-tools 1.4.0 agrees
hex2 --architecture aarch64 --little-endian --base-address 0x1000 --strict -f strict-align-on-absolute-aarch64.hex2
