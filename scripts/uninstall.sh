#!/bin/bash
# uninstall.sh BUILD_DIR: removes what `make install` installed from BUILD_DIR: the files cmake
# listed in install_manifest.txt and the links listed in install_links.txt, below $DESTDIR when
# set (give the DESTDIR of the install), then the docs folder when empty. A listed link is removed only while it is still
# the link we made; anything else under its name is left and named.
set -euo pipefail
build=${1:?usage: uninstall.sh BUILD_DIR}
manifest=$build/install_manifest.txt links=$build/install_links.txt
if [ ! -f "$manifest" ]; then
  echo "uninstall: $manifest not found: nothing was installed from this build" >&2
  exit 1
fi
status=0
if [ -f "$links" ]; then
  while IFS=' ' read -r target path; do
    path=${DESTDIR:-}$path
    if [ -L "$path" ] && [ "$(readlink -- "$path")" = "$target" ]; then
      rm -f -- "$path" && echo "uninstall: removed $path"
    elif [ -e "$path" ] || [ -L "$path" ]; then
      echo "uninstall: $path is not hexproof's link to $target: left alone" >&2
      status=1
    fi
  done < <(sort -u "$links")
fi
while IFS= read -r path || [ -n "$path" ]; do
  [ -n "$path" ] || continue
  path=${DESTDIR:-}$path
  if [ -f "$path" ] && [ ! -L "$path" ]; then
    rm -f -- "$path" && echo "uninstall: removed $path"
  elif [ -e "$path" ] || [ -L "$path" ]; then
    echo "uninstall: $path is no longer a file: left alone" >&2
    status=1
  fi
  dir=$(dirname -- "$path")
  if [ "$(basename -- "$dir")" = hexproof ] && [ "$(basename -- "$(dirname -- "$dir")")" = doc ]; then
    rmdir -- "$dir" 2>/dev/null || true
  fi
done <"$manifest"
[ $status = 0 ] && rm -f -- "$manifest" "$links"
exit $status
