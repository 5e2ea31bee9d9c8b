# expected: worked out by hand from ../shared/SEMANTICS.md and docs/strict.md (the quirk uses: spec/Hex2Strict.v); strict-clean: each file ends a line with no digit waiting; %a (after it 0x100A) is -10
# mescc-tools 1.4.0 agrees
hex2 --architecture amd64 --little-endian --base-address 0x1000 --strict -f strict-clean-multi-file.hex2 -f strict-clean-multi-file.2.hex2
