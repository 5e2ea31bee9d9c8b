#!/bin/bash
# deb.sh OUTDIR [JOBS]: builds the Debian packages (debian/) with dpkg-buildpackage from a copy of
# the tree's tracked files in OUTDIR/src, so nothing is written in the tree or beside it; the
# .deb files land in OUTDIR. The package build compiles the tools only (debian/rules says why).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: deb.sh OUTDIR [JOBS]}
jobs=${2:-$(nproc)}
mkdir -p "$out"
out=$(cd "$out" && pwd)
rm -rf "$out/src" "$out"/*.deb "$out"/*.buildinfo "$out"/*.changes
mkdir "$out/src"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  # The files git tracks or would (not ignored ones), as they are in the work tree.
  git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf - | tar -xf - -C "$out/src"
else
  tar --exclude='./build*' --exclude=./_build --exclude=./.git -cf - . | tar -xf - -C "$out/src"
fi
(
  cd "$out/src"
  # Only the tools are built; nocheck: the package build runs no tests (make test does).
  DEB_BUILD_OPTIONS="nocheck parallel=$jobs" dpkg-buildpackage -us -uc -b >"$out/build.log" 2>&1
) || { tail -30 "$out/build.log" >&2; echo "deb: dpkg-buildpackage failed (log: $out/build.log)" >&2; exit 1; }
rm -rf "$out/src"
ls "$out"/*.deb
