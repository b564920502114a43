#!/usr/bin/python3
"""liaison-dist against liaison's single-machine kernels (issue 20; docs/scale.md, "Benchmark").

Run by hand, never in CI. For each graph it times PageRank (exactly 20 iterations on both sides)
and connected components with liaison_bench (one process, one thread) and with
`mpirun -np R liaison-dist` for each rank count R, each run its own process that loads the graph
itself; kernel seconds exclude the load (liaison-dist's --timings, liaison_bench's own lines).
Peak resident memory is read per process (/usr/bin/time) and given per edge.

Graphs: K18 from bench/generate.py (exported with `liaison project`, timed too), and larger
Kronecker graphs (K19, K20, …: same generator and parameters, seed = scale) written straight to
an edge list and a Matrix Market file here, since their native JSON would take longer to write
and load than the kernels run.

Usage:
  bench/dist_bench.py --liaison build/tools/liaison/liaison \
      --dist build/tools/liaison-dist/liaison-dist --liaison-bench PATH/liaison_bench \
      [--graphs K18,K20] [--ranks 1,2,4] [--reps 1] [--timeout 900]
liaison_bench is built with -DLIAISON_BUILD_BENCH=ON (bench/README.md). Results go to
bench/data/dist_results.jsonl (one JSON object a line) and a Markdown table on stdout.
"""
import argparse
import json
import math
import os
import re
import statistics
import subprocess
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import generate  # noqa: E402  (the Kronecker generator of the other benchmarks)

KERNELS = {"pagerank": "pagerank", "components": "cc"}  # liaison-dist name → liaison_bench name
MPI_ENV = {"OMPI_ALLOW_RUN_AS_ROOT": "1", "OMPI_ALLOW_RUN_AS_ROOT_CONFIRM": "1"}


def log(msg):
    print(f"dist_bench: {msg}", file=sys.stderr, flush=True)


def run(cmd, timeout, env=None):
    t = time.time()
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                           env={**os.environ, **(env or {})})
    except subprocess.TimeoutExpired:
        return None, time.time() - t
    if r.returncode != 0:
        log(f"failed ({r.returncode}): {' '.join(cmd)}\n{r.stderr[-2000:]}")
        return None, time.time() - t
    return r, time.time() - t


def write_large(data, name, scale):
    """A Kronecker graph beyond generate.py's: edge list (liaison_bench) and Matrix Market."""
    edges_path = os.path.join(data, f"{name}.edges")
    mtx = os.path.join(data, f"{name}.mtx")
    if os.path.exists(mtx) and os.path.exists(edges_path):
        return
    rng = np.random.default_rng(scale)
    edges = generate.kronecker_edges(scale, generate.KRONECKER["edge_factor"], rng)
    n = 1 << scale
    log(f"{name}: {n} vertices, {len(edges)} edges")
    generate.write_edge_list(edges_path, edges)
    with open(mtx + ".ids", "w") as f:
        f.write("".join(f"v{i}\n" for i in range(n)))
    with open(mtx, "w") as f:
        f.write("%%MatrixMarket matrix coordinate pattern symmetric\n")
        f.write(f"% {name}: Kronecker scale {scale}, edge factor 16, seed {scale}\n")
        f.write(f"{n} {n} {len(edges)}\n")
        # Row >= column: the larger end first (edges hold lo < hi).
        chunk = 1 << 20
        for i in range(0, len(edges), chunk):
            part = edges[i:i + chunk] + 1
            f.write("".join(f"{b} {a}\n" for a, b in part.tolist()))


def prepare(args, name):
    """The graph's Matrix Market file, its edge count, and the export's seconds (K18)."""
    data = args.data
    if name in generate.SEEDS:
        if not os.path.exists(os.path.join(data, f"{name}.json")):
            subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), "--out", data,
                            "--only", name], check=True)
        mtx = os.path.join(data, f"{name}.mtx")
        r, seconds = run([args.liaison, "project", os.path.join(data, f"{name}.json"), "-o", mtx,
                          "--format", "json"], args.timeout)
        if r is None:
            sys.exit(f"dist_bench: liaison project {name} failed")
        edges = json.loads(r.stdout)["edges"]
        record(args, {"graph": name, "tool": "liaison project", "seconds": seconds,
                      "edges": edges})
        return mtx, edges
    write_large(data, name, int(name[1:]))
    with open(os.path.join(data, f"{name}.mtx")) as f:
        for line in f:
            if not line.startswith("%"):
                return os.path.join(data, f"{name}.mtx"), int(line.split()[2])
    sys.exit(f"dist_bench: {name}.mtx has no size line")


def record(args, row):
    with open(os.path.join(args.data, "dist_results.jsonl"), "a") as f:
        f.write(json.dumps(row) + "\n")


def single(args, name, kernel, edges):
    r, _ = run(["/usr/bin/time", "-f", "peak_kib %M", args.liaison_bench, "--data", args.data,
                "--graph", name, "--threads", "1", "--kernels", KERNELS[kernel]], args.timeout)
    if r is None:
        return None
    seconds = None
    for line in r.stdout.splitlines():
        row = json.loads(line)
        if row.get("kernel") == KERNELS[kernel]:
            seconds = row["seconds"]
    peak = int(re.search(r"peak_kib (\d+)", r.stderr).group(1)) * 1024
    return {"seconds": seconds, "peak_bytes": peak, "bytes_per_edge": peak / edges}


def distributed(args, mtx, kernel, ranks, edges):
    cmd = ["mpirun", "-np", str(ranks), "--oversubscribe", "--bind-to", "none",
           "/usr/bin/time", "-f", "peak_kib %M", args.dist, kernel, "--input", mtx,
           "-o", os.path.join(args.data, "dist_out.tsv"), "--timings"]
    if kernel == "pagerank":  # exactly 20 rounds, as liaison_bench
        cmd += ["--tolerance", "1e-300", "--max-iterations", "20"]
    r, wall = run(cmd, args.timeout, MPI_ENV)
    if r is None:
        return {"timeout_or_error": True, "wall": wall}
    times = dict(re.findall(r"liaison-dist: time (\w+) ([0-9.]+) s", r.stderr))
    peaks = [int(k) * 1024 for k in re.findall(r"peak_kib (\d+)", r.stderr)]
    computing = int(math.isqrt(ranks)) ** 2  # CombBLAS's square grid; the rest wait
    return {"seconds": float(times[kernel]), "load": float(times.get("load", "nan")),
            "wall": wall, "peak_bytes_max": max(peaks), "peak_bytes_sum": sum(peaks),
            "computing_ranks": computing,
            # What one computing rank holds per edge of its share of the matrix.
            "bytes_per_edge_per_rank": max(peaks) / (edges / computing)}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--liaison", required=True)
    ap.add_argument("--dist", required=True)
    ap.add_argument("--liaison-bench", required=True)
    ap.add_argument("--data", default=os.path.join(HERE, "data"))
    ap.add_argument("--graphs", default="K18,K20")
    ap.add_argument("--ranks", default="1,2,4")
    ap.add_argument("--kernels", default="pagerank,components")
    ap.add_argument("--reps", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=900)
    args = ap.parse_args()
    os.makedirs(args.data, exist_ok=True)
    rows = []
    for name in args.graphs.split(","):
        mtx, edges = prepare(args, name)
        for kernel in args.kernels.split(","):
            base = [single(args, name, kernel, edges) for _ in range(args.reps)]
            base = [b for b in base if b and b["seconds"] is not None]
            s1 = statistics.median(b["seconds"] for b in base) if base else math.nan
            rec = {"graph": name, "kernel": kernel, "tool": "liaison", "edges": edges,
                   "seconds": s1, "runs": base}
            record(args, rec)
            rows.append(rec)
            log(f"{name} {kernel} liaison: {s1:.3f} s")
            for ranks in map(int, args.ranks.split(",")):
                runs = [distributed(args, mtx, kernel, ranks, edges) for _ in range(args.reps)]
                ok = [r for r in runs if "seconds" in r]
                sd = statistics.median(r["seconds"] for r in ok) if ok else math.nan
                rec = {"graph": name, "kernel": kernel, "tool": "liaison-dist", "ranks": ranks,
                       "edges": edges, "seconds": sd, "ratio": s1 / sd if ok else math.nan,
                       "runs": runs, "load_avg": os.getloadavg()[0]}
                record(args, rec)
                rows.append(rec)
                log(f"{name} {kernel} liaison-dist -np {ranks}: {sd:.3f} s")
    print("| graph | kernel | liaison s | ranks | liaison-dist s | ratio | peak MiB/rank | "
          "bytes/edge/rank |")
    print("|---|---|---|---|---|---|---|---|")
    single_rows = {(r["graph"], r["kernel"]): r for r in rows if r["tool"] == "liaison"}
    for r in rows:
        if r["tool"] != "liaison-dist":
            continue
        ok = [x for x in r["runs"] if "seconds" in x]
        base = single_rows[(r["graph"], r["kernel"])]
        peak = max(x["peak_bytes_max"] for x in ok) / 2**20 if ok else math.nan
        per_edge = max(x["bytes_per_edge_per_rank"] for x in ok) if ok else math.nan
        dist = f"{r['seconds']:.3f}" if ok else "timeout/error"
        print(f"| {r['graph']} | {r['kernel']} | {base['seconds']:.3f} | {r['ranks']} | {dist} | "
              f"{r['ratio']:.2f} | {peak:.0f} | {per_edge:.0f} |")


if __name__ == "__main__":
    main()
