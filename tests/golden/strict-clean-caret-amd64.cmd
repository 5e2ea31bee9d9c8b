# expected: worked out by hand from ../shared/SEMANTICS.md and docs/strict.md (the quirk uses: spec/Hex2Strict.v); strict-clean: amd64 never reads ^, so &a consuming it is no use
# mescc-tools 1.4.0 agrees
hex2 --architecture amd64 --little-endian --base-address 0x1000 --strict -f strict-clean-caret-amd64.hex2
