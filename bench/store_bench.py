#!/usr/bin/python3
"""The two stores side by side (issue 16, docs/storage-engine.md): the same network imported into
a JSON database (NAME.json) and a binary one (NAME.liaison), then opened and counted
(`MATCH (n) RETURN count(n)`), each a fresh process timed whole (wall, CPU, peak RSS from
wait4's rusage, as `/usr/bin/time -v` reports them).

  store_bench.py [--data DIR] [--liaison PATH] [--reps 5]

DIR must hold QUERY.json (200,000 nodes, 2,000,000 dated edges); it is generated with
bench/generate.py --only QUERY when missing. The databases are written into DIR. Warm runs
only: the page cache holds the files (cold runs need root to drop it).
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def timed(cmd):
    """Runs cmd; returns (wall s, cpu s, peak RSS bytes)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"store_bench: {' '.join(cmd)} failed:\n{err}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=os.path.join(HERE, "data"))
    ap.add_argument("--liaison", default=os.path.join(ROOT, "build/tools/liaison/liaison"))
    ap.add_argument("--reps", type=int, default=5)
    a = ap.parse_args()
    source = os.path.join(a.data, "QUERY.json")
    if not os.path.exists(source):
        subprocess.run(["/usr/bin/python3", os.path.join(HERE, "generate.py"), "--out", a.data,
                        "--only", "QUERY"], check=True)
    edges = None
    with open(os.path.join(a.data, "QUERY.meta.json")) as f:
        import json
        edges = json.load(f)["edges"]
    dbs = {"json": os.path.join(a.data, "store-bench.json"),
           "binary": os.path.join(a.data, "store-bench.liaison")}
    rows = []
    for store, db in dbs.items():
        for leftover in (db, db + ".journal"):
            if os.path.exists(leftover):
                os.remove(leftover)
        wall, cpu, rss = timed([a.liaison, "import", source, "-o", db])
        rows.append((f"import QUERY.json -> {store}", wall, cpu, rss))
    counts = {store: [] for store in dbs}
    for _ in range(a.reps):  # interleaved, so a noisy moment hurts both stores alike
        for store, db in dbs.items():
            counts[store].append(
                timed([a.liaison, "query", db, "MATCH (n) RETURN count(n)", "--format", "json"]))
    for store in dbs:
        runs = counts[store]
        rows.append((f"open + count ({store}, median of {a.reps})",
                     statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs),
                     statistics.median(r[2] for r in runs)))
    print(f"{edges:,} edges; file sizes: " + ", ".join(
        f"{store} {os.path.getsize(db) / 1e6:.1f} MB ({os.path.getsize(db) / edges:.0f} B/edge)"
        for store, db in dbs.items()))
    print(f"| operation | wall s | CPU s | peak RSS MB | RSS bytes/edge |")
    print(f"|---|---|---|---|---|")
    for name, wall, cpu, rss in rows:
        print(f"| {name} | {wall:.2f} | {cpu:.2f} | {rss / 1e6:.0f} | {rss / edges:.0f} |")
    j, b = (statistics.median(r[0] for r in counts[s]) for s in ("json", "binary"))
    print(f"open + count: JSON / binary = {j / b:.2f}")


if __name__ == "__main__":
    main()
