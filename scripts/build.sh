#!/usr/bin/env bash
# Configures and builds liaison in build/ (Release with debug info, warnings as errors).
# Extra arguments go to CMake's configure step.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLIAISON_WARNINGS_AS_ERRORS=ON "$@" >/dev/null
cmake --build build -j "$(nproc)"
