#!/usr/bin/env bash
# tests/generator_stable_test.sh BIN_DIR: checks program_gen's "1.4.0 = 1.7.0" flag against the
# installed mescc-tools 1.4.0: the oracle, generating only programs that carry the flag, must find
# no divergence (1.4.0 differs from 1.7.0 only on the constructs the flag excludes). Skips (77)
# when mescc-tools is not installed.
set -u
bin=$1
for tool in /usr/bin/M1 /usr/bin/hex2; do
	[ -x "$tool" ] || { echo "SKIPPED: $tool not installed (apt-get install mescc-tools)"; exit 77; }
done
"$bin/hexproof" oracle --hex2 /usr/bin/hex2 --m1 /usr/bin/M1 --generate "${GENERATE:-40}" --seed "${SEED:-3}" \
	--stable-only --shrink-seconds 10
