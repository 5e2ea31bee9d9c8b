#!/bin/bash
# Installs the Debian packages hexproof needs when any is missing (fresh Debian 12, as root).
# Called by the Makefile before every build; does nothing when all are present.
set -eu
packages=(
  cmake g++ make clang clang-format libclang-rt-14-dev
  libboost-dev libgtest-dev googletest librapidcheck-dev
  coq ocaml-dune ocaml-nox ocaml-findlib libyojson-ocaml-dev
  mescc-tools time qemu-user
)
missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "install-deps: installing ${missing[*]}" >&2
if [ "$(id -u)" != 0 ]; then
  echo "install-deps: need root to install: apt-get install ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
