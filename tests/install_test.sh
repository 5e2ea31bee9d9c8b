#!/bin/bash
# install_test.sh BUILD_DIR: `cmake --install` (what `make install` runs) into a scratch DESTDIR
# puts exactly the tools, links, pages and docs where docs/install.md says, the installed tools
# run, an install over a foreign hex2 stops instead of overwriting it, and scripts/uninstall.sh
# removes everything it installed and nothing else.
set -euo pipefail
cd "$(dirname "$0")/.."
build=$(cd "${1:?usage: install_test.sh BUILD_DIR}" && pwd)
scratch=$(mktemp -d)
# cmake --install writes install_manifest.txt (and we install_links.txt) into the build folder:
# those of a real `make install` from the same build are put back afterwards.
mkdir "$scratch/saved"
for f in install_manifest.txt install_links.txt; do
  [ -e "$build/$f" ] && mv "$build/$f" "$scratch/saved/"
done
restore() {
  rm -f "$build/install_manifest.txt" "$build/install_links.txt"
  mv "$scratch"/saved/* "$build/" 2>/dev/null || true
  rm -rf "$scratch"
}
trap restore EXIT
fail=0
bad() { echo "FAIL: $*" >&2; fail=1; }
prefix=/opt/hexproof-test
root=$scratch/root

# Under a umask that would hide them, the folders made are still readable by all.
(umask 077 && DESTDIR=$root cmake --install "$build" --prefix "$prefix" >"$scratch/log") || { cat "$scratch/log"; exit 1; }
p=$root$prefix
for f in bin/hexproof bin/hexproof-hex2 bin/hexproof-M1 share/man/man1/hexproof.1 \
  share/man/man1/hexproof-hex2.1 share/man/man1/hexproof-M1.1 share/doc/hexproof/README.md \
  share/doc/hexproof/contract.md; do
  [ -f "$p/$f" ] && [ ! -L "$p/$f" ] || bad "$f not installed as a file"
done
for l in bin/hex2:hexproof-hex2 bin/M1:hexproof-M1 share/man/man1/hex2.1:hexproof-hex2.1 \
  share/man/man1/M1.1:hexproof-M1.1; do
  [ "$(readlink "$p/${l%%:*}" || true)" = "${l#*:}" ] || bad "${l%%:*} is not a link to ${l#*:}"
done
for f in bin/hexproof bin/hexproof-hex2 bin/hexproof-M1; do
  mode=$(stat -c %a "$p/$f")
  [ "$mode" = 755 ] || bad "$f has mode $mode, not 755"
done
for d in bin share/man/man1 share/doc/hexproof; do
  mode=$(stat -c %a "$p/$d")
  [ "$mode" = 755 ] || bad "folder $d has mode $mode, not 755"
done
for f in share/man/man1/hexproof.1 share/doc/hexproof/README.md; do
  mode=$(stat -c %a "$p/$f")
  [ "$mode" = 644 ] || bad "$f has mode $mode, not 644"
done
# Nothing outside the prefix.
outside=$(cd "$root" && find . -mindepth 1 \( -type f -o -type l \) | grep -v "^\.$prefix/" || true)
[ -z "$outside" ] || bad "installed outside $prefix: $outside"

[ "$("$p/bin/hex2" -V 2>&1)" = "hex2 1.7.0" ] || bad "installed hex2 -V"
[ "$("$p/bin/hexproof-M1" -V 2>&1)" = "M1 1.7.0" ] || bad "installed hexproof-M1 -V"
# Hand-computed: the bytes 01 and 02, then the label at address 2 and a 1-byte relative
# reference to it, whose field starts at 2 and ends at 3: 2 - 3 = -1 = FF.
printf '01 02\n:here\n!here\n' >"$scratch/p.hex2"
"$p/bin/hex2" -f "$scratch/p.hex2" -o "$scratch/p" --non-executable
[ "$(od -An -tx1 "$scratch/p" | tr -d ' \n')" = 0102ff ] || bad "installed hex2 output"

# A second install replaces its own links; a foreign file under a link's name stops it.
DESTDIR=$root cmake --install "$build" --prefix "$prefix" >"$scratch/log" 2>&1 || bad "reinstall failed"
rm "$p/bin/M1" && echo foreign >"$p/bin/M1"
if DESTDIR=$root cmake --install "$build" --prefix "$prefix" >"$scratch/log" 2>&1; then
  bad "install over a foreign M1 succeeded"
fi
tr -s '\n ' '  ' <"$scratch/log" | grep -q "exists and is not hexproof's link to hexproof-M1" || bad "no message about the foreign M1"
[ "$(cat "$p/bin/M1")" = foreign ] || bad "the foreign M1 was overwritten"

# Uninstall removes every installed file and link, leaves the foreign M1 (and says so), and
# touches nothing else.
touch "$root/unrelated"
if DESTDIR=$root scripts/uninstall.sh "$build" >"$scratch/log" 2>&1; then bad "uninstall did not report the foreign M1"; fi
grep -q "bin/M1 is not hexproof's link" "$scratch/log" || bad "uninstall did not name the foreign M1"
left=$(cd "$root" && find . -mindepth 1 \( -type f -o -type l \) | sort | tr '\n' ' ')
[ "$left" = "./opt/hexproof-test/bin/M1 ./unrelated " ] || bad "after uninstall: $left"
[ ! -e "$p/share/doc/hexproof" ] || bad "share/doc/hexproof left behind"

[ $fail = 0 ] && echo "install_test: install, links, refusal over a foreign file, uninstall all as stated"
exit $fail
