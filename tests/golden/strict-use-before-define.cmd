# expected: worked out by hand from ../shared/SEMANTICS.md and docs/strict.md (the quirk uses: spec/M1Strict.v); both a are expanded (the DEFINE's own name is no use)
# mescc-tools 1.4.0 agrees
M1 --architecture amd64 --little-endian --strict -f strict-use-before-define.M1
