#!/usr/bin/env python3
"""liaison-dist's kernels at 1, 2 and 4 ranks against the single-machine ones (issue 20).

Graphs: the seed network's projection (written by `liaison project`), seeded random graphs with
several components, isolated vertices, a self-loop and parallel edges (undirected, directed and
weighted by edge count, written here as Matrix Market and as a liaison network), and a path.
PageRank, betweenness (exact and sampled), degree and core numbers are compared with
`liaison rank` on the same network; components and BFS levels, which `rank` does not print, with
NetworkX. Exact equality for components, BFS, degree and cores; 1e-9 absolute for PageRank and
betweenness. Bad input must stop every rank with one message naming the file and line.

usage: kernels_test.py --liaison BIN --dist BIN --source DIR
"""
import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

import networkx as nx

RANKS = (1, 2, 4)
TOLERANCE = 1e-9
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what)


def mpirun(args, np, timeout=120):
    cmd = ["mpirun", "--oversubscribe", "--allow-run-as-root", "-np", str(np),
           "--mca", "btl", "self,vader,tcp", "--mca", "btl_tcp_if_include", "lo"] + args
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    header = lines[0].split("\t")
    rows = {}
    for line in lines[1:]:
        cells = line.split("\t")
        rows[cells[0]] = [float(c) for c in cells[1:]]
    return header, rows


def write_network(path, ids, edges, directed):
    """A liaison network (native JSON): vertices `ids`, edges (u, v) by index, type LINK."""
    graph = {
        "graph": {
            "id": "dist-test",
            "label": "liaison-dist test graph",
            "directed": True,
            "metadata": {"liaison": {"profile": 1, "documents": {}, "relations": {
                "LINK": {"symmetric": not directed}}}},
            "nodes": {i: {"metadata": {"labels": ["Person"]}} for i in ids},
            "edges": [{"source": ids[u], "relation": "LINK", "target": ids[v]} for u, v in edges],
        }
    }
    with open(path, "w", encoding="utf-8") as f:
        json.dump(graph, f)


def write_mtx(path, ids, edges, directed, weighted):
    """The Matrix Market form of the projection liaison makes: parallel edges merged (counted
    when weighted), each undirected edge once."""
    merged = {}
    for u, v in edges:
        key = (u, v) if directed else (max(u, v), min(u, v))
        merged[key] = merged.get(key, 0) + 1
    kind = ("real" if weighted else "pattern") + (" general" if directed else " symmetric")
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"%%MatrixMarket matrix coordinate {kind}\n% written by kernels_test.py\n")
        f.write(f"{len(ids)} {len(ids)} {len(merged)}\n")
        for (u, v), count in sorted(merged.items()):
            f.write(f"{u + 1} {v + 1}" + (f" {count}" if weighted else "") + "\n")
    with open(path + ".ids", "w", encoding="utf-8") as f:
        f.write("".join(i + "\n" for i in ids))


def random_graph(seed, directed):
    """Three random blobs, a pair, isolated vertices, a self-loop and a few parallel edges."""
    rng = random.Random(seed)
    n = 90
    ids = [f"v{i:03d}" for i in range(n)]
    edges = []
    blobs = [range(0, 40), range(40, 70), range(70, 82)]
    for blob in blobs:
        members = list(blob)
        for k in range(1, len(members)):  # a random tree keeps each blob connected
            edges.append((members[k], rng.choice(members[:k])))
        for _ in range(len(members)):
            u, v = rng.choice(members), rng.choice(members)
            if u != v:
                edges.append((u, v))
    edges.append((82, 83))
    edges.append((5, 5))
    edges += edges[3:9]  # parallel edges
    return ids, edges  # 84..89 isolated


def nx_graph(ids, edges, directed):
    g = nx.DiGraph() if directed else nx.Graph()
    g.add_nodes_from(range(len(ids)))
    g.add_edges_from(edges)
    return g


def expected_components(g, n):
    """liaison's numbering: by size, largest first, then by smallest vertex."""
    comps = nx.weakly_connected_components(g) if g.is_directed() else nx.connected_components(g)
    comps = sorted((sorted(c) for c in comps), key=lambda c: (-len(c), c[0]))
    label = [0] * n
    for k, c in enumerate(comps):
        for v in c:
            label[v] = k
    return label


def liaison_rank(liaison, network, measure, extra):
    out = subprocess.run([liaison, "rank", network, "--by", measure, "--top", "0",
                          "--format", "json"] + extra, capture_output=True, text=True, check=True)
    return {row["id"]: row[measure] for row in json.loads(out.stdout)}


def compare(name, got, want, exact):
    bad = [k for k in want if k not in got or
           (got[k] != want[k] if exact else abs(got[k] - want[k]) > TOLERANCE)]
    check(not bad, f"{name}: {len(bad)} vertices differ, e.g. " +
          ", ".join(f"{k}: {got.get(k)} vs {want[k]}" for k in bad[:3]))


def run_case(args, work, name, mtx, network, ids, g, rank_flags, source, weighted):
    """All kernels of one graph at every rank count."""
    n = len(ids)
    idx = {i: k for k, i in enumerate(ids)}
    want = {"pagerank": liaison_rank(args.liaison, network, "pagerank", rank_flags),
            "degree": liaison_rank(args.liaison, network, "degree", rank_flags),
            "kcore": liaison_rank(args.liaison, network, "core", rank_flags)}
    comps = expected_components(g, n)
    want["components"] = {i: comps[idx[i]] for i in ids}
    levels = nx.single_source_shortest_path_length(g, idx[source])
    want["bfs"] = {i: levels.get(idx[i], -1) for i in ids}
    algos = ["pagerank", "components", "bfs", "degree", "kcore"]
    if not weighted:
        want["betweenness"] = liaison_rank(args.liaison, network, "betweenness", rank_flags)
        algos.append("betweenness")
    for np in RANKS:
        out = os.path.join(work, f"{name}-{np}.tsv")
        r = mpirun([args.dist] + algos + ["--input", mtx, "--source", source, "-o", out], np)
        check(r.returncode == 0, f"{name} at {np} ranks: exit {r.returncode}: {r.stderr[-2000:]}")
        if r.returncode != 0:
            continue
        header, rows = read_tsv(out)
        check(header == ["id"] + algos, f"{name} at {np} ranks: header {header}")
        check(list(rows) == ids, f"{name} at {np} ranks: rows not in vertex order")
        for k, algo in enumerate(algos):
            got = {i: v[k] for i, v in rows.items()}
            exact = algo not in ("pagerank", "betweenness")
            compare(f"{name} {algo} at {np} ranks", got, want[algo], exact)
    print(f"{name}: {n} vertices, {', '.join(algos)} at {RANKS} ranks")


def run_sampled(args, work, mtx, network, rank_flags):
    """A sample names the same sources at any rank count, and as liaison rank --samples."""
    want = liaison_rank(args.liaison, network, "betweenness",
                        rank_flags + ["--samples", "25", "--seed", "7"])
    for np in RANKS:
        out = os.path.join(work, f"sampled-{np}.tsv")
        r = mpirun([args.dist, "betweenness", "--samples", "25", "--seed", "7", "--input", mtx,
                    "-o", out], np)
        check(r.returncode == 0, f"sampled betweenness at {np} ranks: {r.stderr[-2000:]}")
        if r.returncode == 0:
            _, rows = read_tsv(out)
            compare(f"sampled betweenness at {np} ranks", {i: v[0] for i, v in rows.items()},
                    want, False)
    print("sampled betweenness: 25 sources, seed 7")


def run_errors(args, work):
    """Bad input: non-zero exit on every rank, no hang, one message naming file and line."""
    def expect_error(label, content, needle, ids=None, extra=(), algorithm="degree"):
        path = os.path.join(work, f"bad-{label}.mtx")
        with open(path, "w", encoding="utf-8") as f:
            f.write(content)
        if ids is not None:
            with open(path + ".ids", "w", encoding="utf-8") as f:
                f.write(ids)
        for np in (1, 4):
            r = mpirun([args.dist, algorithm, "--input", path, "-o",
                        os.path.join(work, "bad.tsv")] + list(extra), np, timeout=60)
            check(r.returncode != 0, f"error {label} at {np} ranks: exit 0")
            lines = [x for x in r.stderr.splitlines() if x.startswith("liaison-dist:")]
            check(len(lines) == 1 and needle in lines[0],
                  f"error {label} at {np} ranks: expected one line with {needle!r}, got {lines}")
            check(not os.path.exists(os.path.join(work, "bad.tsv")),
                  f"error {label} at {np} ranks: a results file was left")

    head = "%%MatrixMarket matrix coordinate pattern symmetric\n"
    body = "".join(f"{k + 2} {k + 1}\n" for k in range(40))
    expect_error("empty", "", "bad-empty.mtx:1:1")
    r = mpirun([args.dist, "degree", "--input", os.path.join(work, "absent.mtx"), "-o",
                os.path.join(work, "x.tsv")], 4, timeout=60)
    check(r.returncode != 0 and "absent.mtx: cannot open" in r.stderr,
          f"missing file: {r.returncode} {r.stderr[-500:]}")
    expect_error("banner", "%%MatrixMarket matrix array real general\n3 3\n", ":1:")
    expect_error("size", head + "4 5 1\n1 2\n", ":2:")
    lines = body.splitlines(keepends=True)
    lines[29] = "30 x\n"  # file line 32
    expect_error("entry", head + "41 41 40\n" + "".join(lines), "bad-entry.mtx:32:4")
    lines = body.splitlines(keepends=True)
    lines[35] = "36 99\n"  # file line 38: past the 41 vertices
    expect_error("range", head + "41 41 40\n" + "".join(lines), "bad-range.mtx:38:4")
    expect_error("count", head + "41 41 45\n" + body, "announces 45 entries")
    expect_error("ids", head + "41 41 40\n" + body, "2 ids for 41 vertices", ids="a\nb\n")
    expect_error("source", head + "41 41 40\n" + body, "--source", extra=["--source", "999"],
                 algorithm="bfs")
    print("errors: reported once, every rank stops")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--liaison", required=True)
    parser.add_argument("--dist", required=True)
    parser.add_argument("--source", required=True)
    args = parser.parse_args()
    os.environ.setdefault("OMPI_ALLOW_RUN_AS_ROOT", "1")
    os.environ.setdefault("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1")
    os.environ.setdefault("OMPI_MCA_rmaps_base_oversubscribe", "1")
    # Sanitizer builds: Open MPI's own allocations are not leaks of ours.
    os.environ["ASAN_OPTIONS"] = os.environ.get("ASAN_OPTIONS", "") + ":detect_leaks=0"
    work = tempfile.mkdtemp(prefix="liaison_dist_kernels_")
    try:
        # The seed network, projected by liaison itself.
        network = os.path.join(work, "seed.json")
        shutil.copy(os.path.join(args.source, "graphs", "morocco-interpol.json"), network)
        mtx = os.path.join(work, "seed.mtx")
        subprocess.run([args.liaison, "project", network, "-o", mtx], check=True,
                       capture_output=True)
        with open(mtx + ".ids", encoding="utf-8") as f:
            ids = f.read().splitlines()
        edges = []
        with open(mtx, encoding="utf-8") as f:
            lines = [x for x in f.read().splitlines() if x and not x.startswith("%")]
        for line in lines[1:]:
            u, v = line.split()[:2]
            edges.append((int(u) - 1, int(v) - 1))
        run_case(args, work, "seed", mtx, network, ids, nx_graph(ids, edges, False), [],
                 "abdellatif-hammouchi", False)

        for name, directed, weighted in (("random", False, False), ("directed", True, False),
                                         ("weighted", False, True)):
            ids, edges = random_graph(20, directed)
            network = os.path.join(work, f"{name}.json")
            mtx = os.path.join(work, f"{name}.mtx")
            write_network(network, ids, edges, directed)
            write_mtx(mtx, ids, edges, directed, weighted)
            flags = (["--direction", "directed"] if directed else []) + \
                    (["--weight", "count"] if weighted else [])
            run_case(args, work, name, mtx, network, ids, nx_graph(ids, edges, directed), flags,
                     "v003", weighted)
            if name == "random":
                run_sampled(args, work, mtx, network, flags)

        ids = [f"p{i:02d}" for i in range(30)]
        edges = [(i, i + 1) for i in range(29)]
        network, mtx = os.path.join(work, "path.json"), os.path.join(work, "path.mtx")
        write_network(network, ids, edges, False)
        write_mtx(mtx, ids, edges, False, False)
        run_case(args, work, "path", mtx, network, ids, nx_graph(ids, edges, False), [], "p00",
                 False)

        run_errors(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        print(f"{len(failures)} failures")
        return 1
    print("all liaison-dist kernels agree")
    return 0


if __name__ == "__main__":
    sys.exit(main())
