#!/usr/bin/env bash
# Installs every Debian 12 package liaison needs to build, test and render.
# Idempotent: packages already present are left alone. Run as root.
set -euo pipefail

build_pkgs=(
    build-essential cmake ninja-build pkg-config git
    libboost-graph-dev rapidjson-dev libgraphviz-dev graphviz
    doctest-dev libcli11-dev libfmt-dev libicu-dev libxml2-dev libreadline-dev zlib1g-dev libre2-dev
    fonts-noto-core fonts-noto-ui-core fonts-dejavu-core clang-format
    # liaison-dist (tools/liaison-dist, docs/scale.md): CombBLAS over Open MPI.
    libcombblas-dev libopenmpi-dev openmpi-bin
)
# Peers used by the differential tests and fixture generators.
test_pkgs=(python3 python3-networkx python3-igraph python3-scipy python3-numpy)
# Headless browser for the HTML viewer's end-to-end test (tests/render/browser_test.py).
test_pkgs+=(chromium)
# libFuzzer targets (tests/fuzz, docs/store.md): clang and its runtime.
test_pkgs+=(clang-14 libclang-rt-14-dev)
# The install test renders the generated man page with man(1) (tests/cli/install_test.sh).
test_pkgs+=(man-db)
# The API reference of the public headers (the docs target, test package/api_docs).
test_pkgs+=(doxygen)
# Debian packages of liaison (debian/, scripts/debian-package.sh).
deb_pkgs=(debhelper dpkg-dev fakeroot)

# Peers of the benchmark (bench/run.sh); Kuzu comes from npm into bench/node_modules, so npm is
# needed (Debian's, unless a Node.js with its own npm is already there).
bench_pkgs=(python3-graph-tool)
command -v npm >/dev/null 2>&1 || bench_pkgs+=(nodejs npm)

want=("${build_pkgs[@]}")
for arg in "$@"; do
    case "$arg" in
        --test) want+=("${test_pkgs[@]}") ;;
        --deb) want+=("${deb_pkgs[@]}") ;;
        --bench) want+=("${test_pkgs[@]}" "${bench_pkgs[@]}") ;;
    esac
done

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
