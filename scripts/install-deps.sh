#!/usr/bin/env bash
# Installs every Debian 12 package liaison needs to build, test and render.
# Idempotent: packages already present are left alone. Run as root.
set -euo pipefail

build_pkgs=(
    build-essential cmake ninja-build pkg-config git
    libboost-graph-dev rapidjson-dev libgraphviz-dev graphviz
    doctest-dev libcli11-dev libfmt-dev libicu-dev
    fonts-noto-core fonts-noto-ui-core clang-format
)
# Peers used by the differential tests and fixture generators.
test_pkgs=(python3 python3-networkx python3-igraph python3-scipy python3-numpy)

want=("${build_pkgs[@]}")
if [[ "${1:-}" == "--test" ]]; then
    want+=("${test_pkgs[@]}")
fi

missing=()
for p in "${want[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
    echo "install-deps: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "install-deps: all packages present"
