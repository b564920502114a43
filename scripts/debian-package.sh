#!/usr/bin/env bash
# Builds the Debian packages of debian/ (liaison, libliaison0.1, libliaison-dev) with
# dpkg-buildpackage from a copy of the sources, checks what each holds, then builds and runs an
# example against the unpacked development package with pkg-config. Run by hand: it is a second
# full build (about 20 minutes on 2 cores), too long for CI.
# Usage: scripts/debian-package.sh [OUT_DIR]   (OUT_DIR keeps the .deb files)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-}
bash scripts/install-deps.sh --deb
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The tracked files and new ones not ignored: what a clean clone of this tree would hold.
mkdir "$work/liaison"
git ls-files -z --cached --others --exclude-standard |
    while IFS= read -r -d '' f; do [[ -e $f ]] && printf '%s\0' "$f"; done |
    tar --null -T - -cf - | tar -xf - -C "$work/liaison"
(cd "$work/liaison" && dpkg-buildpackage -us -uc -b -j"$(nproc)" > "$work/build.log" 2>&1) || {
    tail -n 60 "$work/build.log"
    echo "FAIL: dpkg-buildpackage"
    exit 1
}
arch=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
failures=0
expect() {  # expect PACKAGE PATH...: each path is in the package
    local deb
    deb=$(ls "$work/$1"_*.deb)
    local listing
    listing=$(dpkg-deb -c "$deb" | awk '{print $6}')
    shift
    for p in "$@"; do
        grep -qx "\./$p" <<< "$listing" || { echo "FAIL: $(basename "$deb") lacks $p"; failures=$((failures + 1)); }
    done
}
expect liaison usr/bin/liaison usr/share/man/man1/liaison.1.gz \
    usr/share/bash-completion/completions/liaison
expect libliaison0.1 "usr/lib/$arch/libliaison.so.0.1" "usr/lib/$arch/libliaison.so.0.1.0"
expect libliaison-dev usr/include/liaison/liaison.hpp "usr/lib/$arch/libliaison.a" \
    "usr/lib/$arch/libliaison.so" "usr/lib/$arch/cmake/liaison/liaisonConfig.cmake" \
    "usr/lib/$arch/pkgconfig/liaison.pc"
dpkg-deb -f "$(ls "$work"/liaison_*.deb)" Depends | grep -q libc6 ||
    { echo "FAIL: liaison has no shared-library dependencies"; failures=$((failures + 1)); }
# The unpacked library and headers serve a program built with pkg-config (liaison.pc is
# relocatable), which runs on the seed network.
root=$work/root
for deb in "$work"/libliaison0.1_*.deb "$work"/libliaison-dev_*.deb; do dpkg-deb -x "$deb" "$root"; done
export PKG_CONFIG_PATH=$root/usr/lib/$arch/pkgconfig
# shellcheck disable=SC2046
g++ -std=c++20 examples/rank_projection.cpp -o "$work/rank_projection" \
    $(pkg-config --cflags --libs liaison) || { echo "FAIL: example does not build"; exit 1; }
lines=$(LD_LIBRARY_PATH=$root/usr/lib/$arch "$work/rank_projection" graphs/morocco-interpol.json | wc -l)
[[ $lines == 5 ]] || { echo "FAIL: rank_projection printed $lines lines"; failures=$((failures + 1)); }
if [[ -n $out ]]; then
    mkdir -p "$out"
    cp "$work"/*.deb "$out"/
fi
[[ $failures == 0 ]] && echo "debian-package: $(cd "$work" && ls ./*.deb | xargs -n1 basename | tr '\n' ' ')ok"
exit $((failures > 0))
