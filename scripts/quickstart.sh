#!/usr/bin/env bash
# The main job on a fresh Debian 12 machine: install what is missing, build, validate the shipped
# networks in graphs/, render the seed network to out/ and print its summary.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
liaison=build/tools/liaison/liaison
seeds=../shared/seeds
docs=()
[ -d "$seeds" ] && docs=(--documents "$seeds" --require-sources)
# Every network in graphs/ (the schema lives there too, and is not a network).
mapfile -t networks < <(find graphs -maxdepth 1 -name '*.json' ! -name '*.schema.json' | sort)
"$liaison" validate "${networks[@]}" "${docs[@]}"
mkdir -p out
"$liaison" render graphs/morocco-interpol.json -o out/morocco-interpol.svg -o out/morocco-interpol.png
"$liaison" stats graphs/morocco-interpol.json
