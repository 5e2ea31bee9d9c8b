# expected: worked out by hand from ../shared/SEMANTICS.md and docs/strict.md (the quirk uses: spec/M1Strict.v); a#b is one name, :s;t passes through
# mescc-tools 1.4.0 agrees
M1 --architecture amd64 --little-endian --strict -f strict-comment-char-in-token-m1.M1
