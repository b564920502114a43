#!/usr/bin/env bash
# The whole test suite on a fresh Debian 12 machine: install what is missing (test peers too),
# build with warnings as errors, run every test with ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --test
bash scripts/build.sh -DLIAISON_BUILD_TESTS=ON
ctest --test-dir build --output-on-failure -j "$(nproc)" --timeout 600
