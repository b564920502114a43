#!/usr/bin/env bash
# The whole benchmark in one command (bench/README.md): installs the peers, builds liaison in
# Release with the benchmark driver, generates the workloads, runs everything interleaved and
# writes the table into docs/performance.md. Extra arguments go to bench/run.py
# (e.g. --reps 1 --only K18,LFR).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
build="${LIAISON_BENCH_BUILD:-$root/build-bench}"
start=$SECONDS

"$root/scripts/install-deps.sh" --bench
if [[ ! -f "$here/node_modules/kuzu/kuzujs.node" ]]; then
    echo "bench: installing kuzu from npm into bench/node_modules"
    npm install --prefix "$here" --no-save --no-package-lock --no-audit --no-fund kuzu@0.11.3 \
        >/dev/null
fi

# Release, without -Werror: GCC 12 at -O3 raises false -Wrestrict/-Wstringop warnings in
# library code that the debug build (warnings as errors) does not see.
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DLIAISON_BUILD_BENCH=ON \
    -DLIAISON_BUILD_TESTS=OFF -DLIAISON_WARNINGS_AS_ERRORS=OFF >/dev/null
ninja -C "$build" liaison_bench
echo "bench: built in $((SECONDS - start)) s"

/usr/bin/python3 "$here/generate.py"
echo "bench: data ready after $((SECONDS - start)) s"

/usr/bin/python3 "$here/run.py" --liaison-bench "$build/bench/liaison_bench" "$@"
echo "bench: finished in $(((SECONDS - start) / 60)) minutes"
