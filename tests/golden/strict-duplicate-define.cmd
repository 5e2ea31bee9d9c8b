# expected: worked out by hand from ../shared/SEMANTICS.md and docs/strict.md (the quirk uses: spec/M1Strict.v); the last DEFINE wins; each DEFINE line leaves a line end
# mescc-tools 1.4.0 agrees
M1 --architecture amd64 --little-endian --strict -f strict-duplicate-define.M1
