#!/bin/bash
# deb_test.sh DEBDIR: the packages scripts/deb.sh built in DEBDIR hold what debian/ says (the
# tools, pages and docs in hexproof; the hex2 and M1 links and the conflict with mescc-tools in
# hexproof-drop-in), and the tools they install, unpacked into a scratch root, run: hex2 -V,
# M1 -V, a hand-computed link, and an oracle run of the installed M1 and hex2 against hexproof's
# own reference.
set -euo pipefail
cd "$(dirname "$0")/.."
debs=$(cd "${1:?usage: deb_test.sh DEBDIR}" && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# Run as root, the oracle runs the unpacked tools as uid 65534, who must be able to reach them.
chmod 755 "$scratch"
fail=0
bad() { echo "FAIL: $*" >&2; fail=1; }
main_deb=$(ls "$debs"/hexproof_*.deb)
drop_in_deb=$(ls "$debs"/hexproof-drop-in_*.deb)

listing() { dpkg-deb -c "$1" | awk '{ print $1 " " $6 ($7 == "->" ? " -> " $8 : "") }'; }
listing "$main_deb" >"$scratch/main.txt"
listing "$drop_in_deb" >"$scratch/drop-in.txt"
for f in usr/bin/hexproof usr/bin/hexproof-hex2 usr/bin/hexproof-M1; do
  grep -qx -- "-rwxr-xr-x ./$f" "$scratch/main.txt" || bad "hexproof: no executable $f"
done
for f in man/man1/hexproof.1.gz man/man1/hexproof-hex2.1.gz man/man1/hexproof-M1.1.gz \
  doc/hexproof/README.md.gz doc/hexproof/copyright; do
  grep -qx -- "-rw-r--r-- ./usr/share/$f" "$scratch/main.txt" || bad "hexproof: no $f"
done
grep -q -E '\./usr/bin/(hex2|M1)( |$)' "$scratch/main.txt" && bad "hexproof installs hex2 or M1 itself"
for l in bin/hex2:hexproof-hex2 bin/M1:hexproof-M1 share/man/man1/hex2.1.gz:hexproof-hex2.1.gz \
  share/man/man1/M1.1.gz:hexproof-M1.1.gz; do
  grep -qx -- "lrwxrwxrwx ./usr/${l%%:*} -> ${l#*:}" "$scratch/drop-in.txt" || bad "hexproof-drop-in: no link ${l%%:*}"
done
[ "$(dpkg-deb -f "$drop_in_deb" Conflicts)" = mescc-tools ] || bad "hexproof-drop-in does not conflict with mescc-tools"
dpkg-deb -f "$drop_in_deb" Depends | grep -q '^hexproof (' || bad "hexproof-drop-in does not depend on hexproof"
dpkg-deb -f "$main_deb" Depends | grep -q 'libc6' || bad "hexproof does not declare libc6"
# Nothing setuid or writable by others, no file outside /usr.
cat "$scratch/main.txt" "$scratch/drop-in.txt" >"$scratch/both.txt"
odd=$(awk '$1 ~ /^[-d]..[sS]|^[-d].....[sS]|^-.......w/' "$scratch/both.txt")
[ -z "$odd" ] || bad "setuid, setgid or world-writable: $odd"
outside=$(awk '{ print $2 }' "$scratch/both.txt" | grep -v -E '^\./(usr/.*)?$' || true)
[ -z "$outside" ] || bad "outside /usr: $outside"

root=$scratch/root
dpkg-deb -x "$main_deb" "$root"
dpkg-deb -x "$drop_in_deb" "$root"
bin=$root/usr/bin
[ "$("$bin/hex2" -V 2>&1)" = "hex2 1.7.0" ] || bad "installed hex2 -V"
[ "$("$bin/M1" -V 2>&1)" = "M1 1.7.0" ] || bad "installed M1 -V"
# Hand-computed: 01 02, the label at 2, a 1-byte relative reference from 2 to 3: 2 - 3 = FF.
printf '01 02\n:here\n!here\n' >"$scratch/p.hex2"
"$bin/hexproof-hex2" -f "$scratch/p.hex2" -o "$scratch/p" --non-executable
[ "$(od -An -tx1 "$scratch/p" | tr -d ' \n')" = 0102ff ] || bad "installed hexproof-hex2 output"
for page in hexproof hexproof-hex2 hexproof-M1; do
  warnings=$(zcat "$root/usr/share/man/man1/$page.1.gz" | groff -man -ww -z 2>&1)
  [ -z "$warnings" ] || bad "installed $page.1: $warnings"
done
# The installed tools under the installed oracle: they must conform to its reference.
if ! "$bin/hexproof" oracle --hex2 "$bin/hex2" --m1 "$bin/M1" --generate 3 --seed 7 >"$scratch/oracle.txt" 2>&1; then
  cat "$scratch/oracle.txt" >&2
  bad "the installed tools do not conform under the installed oracle"
fi

[ $fail = 0 ] && echo "deb_test: $(basename "$main_deb") and $(basename "$drop_in_deb") hold and run what debian/ says"
exit $fail
