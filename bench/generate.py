#!/usr/bin/python3
"""Generates the benchmark workloads of bench/ (issue 9) into a data folder (default bench/data).

Every workload is seeded, so the same command gives the same graphs on every machine. Nothing
generated is committed. Each graph is written as:
  NAME.edges       a plain edge list, one "u v" pair per line, vertices 0..n-1, each edge once
  NAME.json        liaison's native format (docs/format.md), the same graph with properties
  NAME.meta.json   sizes, parameters and seed (read by the drivers)
  NAME.nodelink.json  (K18, K14) NetworkX's node-link JSON, the same properties as NAME.json
plus, for LFR, NAME.communities (the planted community of each vertex), and for the query graph
Kuzu-ready CSVs (QUERY.<table>.csv) and the random start nodes and pairs the queries use.

Workloads:
  K18, K14  Kronecker graphs with Graph500 parameters (A=0.57, B=C=0.19, D=0.05), edge factor
            16, undirected: R-MAT edges, vertex labels randomly permuted, self-loops dropped,
            duplicates merged (as the GAP benchmark suite's generator).
  LFR       NetworkX LFR_benchmark_graph (parameters in LFR_PARAMS).
  SEED      the seed network of graphs/ (its underlying undirected simple graph).
  QUERY     a property graph of 200,000 nodes (Person, Organization, Event) and 2,000,000
            edges (KNOWS, MEMBER_OF, ATTENDED), each edge with a date.
  STORE<N>  the QUERY graph's generator scaled to N edges (STORE2M, STORE20M, STORE2K; nodes are
            a tenth of the edges), written only as Neo4j CSV (STORE<N>/nodes.csv, edges.csv) for
            the store benchmark (store_bench.py), which liaison and Kuzu both import.

Usage: generate.py [--out DIR] [--only SEED,K14,K18,LFR,QUERY,STORE2M] [--force]
"""
import argparse
import json
import os
import sys
import time

import numpy as np

KRONECKER = {"A": 0.57, "B": 0.19, "C": 0.19, "edge_factor": 16}
LFR_PARAMS = {
    "n": 100_000,
    "tau1": 3.0,  # degree distribution exponent
    "tau2": 1.5,  # community size distribution exponent
    "mu": 0.1,  # fraction of each vertex's edges leaving its community
    "average_degree": 10,
    "max_degree": 50,
    "min_community": 20,
    "max_community": 100,
    "seed": 42,
}
QUERY_PARAMS = {
    "persons": 120_000,
    "organizations": 50_000,
    "events": 30_000,
    "knows": 1_000_000,
    "member_of": 500_000,
    "attended": 500_000,
    "starts": 200,  # random start nodes for the 1-hop and 2-hop counts
    "pairs": 50,  # random pairs for shortest paths
    "seed": 7,
}
SEEDS = {"K18": 18, "K14": 14}


def log(msg):
    print(f"generate: {msg}", file=sys.stderr, flush=True)


def kronecker_edges(scale, edge_factor, rng):
    """Graph500 R-MAT: each of edge_factor * 2^scale edges picks a quadrant per bit level."""
    a, b, c = KRONECKER["A"], KRONECKER["B"], KRONECKER["C"]
    m = edge_factor << scale
    ab = a + b
    c_norm = c / (1.0 - ab)
    a_norm = a / ab
    u = np.zeros(m, dtype=np.int64)
    v = np.zeros(m, dtype=np.int64)
    for level in range(scale):
        u_bit = rng.random(m) > ab
        v_bit = rng.random(m) > np.where(u_bit, c_norm, a_norm)
        u |= u_bit.astype(np.int64) << level
        v |= v_bit.astype(np.int64) << level
    perm = rng.permutation(1 << scale)
    u, v = perm[u], perm[v]
    keep = u != v
    u, v = u[keep], v[keep]
    lo, hi = np.minimum(u, v), np.maximum(u, v)
    key = np.unique(lo * (1 << scale) + hi)
    edges = np.stack([key >> scale, key & ((1 << scale) - 1)], axis=1)
    return edges[rng.permutation(len(edges))]  # unsorted, as a crawl would give them


def write_edge_list(path, edges):
    with open(path, "w") as f:
        # One big join is several times faster than np.savetxt.
        chunk = 1 << 20
        for i in range(0, len(edges), chunk):
            part = edges[i : i + chunk]
            f.write("\n".join(f"{a} {b}" for a, b in part.tolist()))
            f.write("\n")


def dates_for(rng, count):
    """Random days between 2000-01-01 and 2024-12-31 as ISO strings."""
    base = np.datetime64("2000-01-01")
    days = rng.integers(0, 9131, size=count)
    return np.datetime_as_string(base + days.astype("timedelta64[D]"), unit="D")


def write_native(path, graph_id, nodes, edges, relations):
    """Writes liaison's native JSON: nodes is a list of (id, label, name), edges a list of
    JSON edge texts already formatted (one per line)."""
    with open(path, "w") as f:
        rel = ",".join(f'"{r}":{{"symmetric":{str(s).lower()}}}' for r, s in relations.items())
        f.write('{"graph":{"id":"%s","directed":true,' % graph_id)
        f.write('"metadata":{"liaison":{"profile":1,"relations":{%s}}},\n"nodes":{\n' % rel)
        f.write(
            ",\n".join(
                f'"{i}":{{"metadata":{{"labels":["{lab}"],"names":{{"en":"{name}"}}}}}}'
                for i, lab, name in nodes
            )
        )
        f.write("\n},\n\"edges\":[\n")
        first = True
        for block in edges:
            if not block:
                continue
            if not first:
                f.write(",\n")
            f.write(",\n".join(block))
            first = False
        f.write("\n]}}\n")


def kronecker(name, scale, out):
    rng = np.random.default_rng(SEEDS[name])
    t = time.time()
    edges = kronecker_edges(scale, KRONECKER["edge_factor"], rng)
    n = 1 << scale
    log(f"{name}: {n} nodes, {len(edges)} edges ({time.time() - t:.1f} s)")
    write_edge_list(os.path.join(out, f"{name}.edges"), edges)
    # Native JSON: every edge an undirected LINKED tie with a weight and a date.
    weights = np.round(rng.random(len(edges)) * 9.0 + 1.0, 3)
    dates = dates_for(rng, len(edges))
    nodes = [(f"v{i}", "Vertex", f"v{i}") for i in range(n)]
    blocks = []
    chunk = 1 << 20
    for i in range(0, len(edges), chunk):
        blocks.append(
            [
                f'{{"source":"v{a}","target":"v{b}","relation":"LINKED","metadata":'
                f'{{"date":"{d}","properties":{{"weight":{w!r}}}}}}}'
                for (a, b), w, d in zip(
                    edges[i : i + chunk].tolist(),
                    weights[i : i + chunk].tolist(),
                    dates[i : i + chunk].tolist(),
                )
            ]
        )
    write_native(os.path.join(out, f"{name}.json"), name.lower(), nodes, blocks, {"LINKED": True})
    # NetworkX's node-link JSON of the same graph and properties, for its reader's timing.
    with open(os.path.join(out, f"{name}.nodelink.json"), "w") as f:
        f.write('{"directed": false, "multigraph": false, "graph": {}, "nodes": [')
        f.write(",".join(f'{{"id": {i}}}' for i in range(n)))
        f.write('], "links": [')
        for i in range(0, len(edges), chunk):
            if i:
                f.write(",")
            f.write(
                ",".join(
                    f'{{"source": {a}, "target": {b}, "weight": {w!r}, "date": "{d}"}}'
                    for (a, b), w, d in zip(
                        edges[i : i + chunk].tolist(),
                        weights[i : i + chunk].tolist(),
                        dates[i : i + chunk].tolist(),
                    )
                )
            )
        f.write("]}\n")
    meta = {"name": name, "nodes": n, "edges": int(len(edges)), "scale": scale,
            "kronecker": KRONECKER, "seed": SEEDS[name], "directed": False}
    with open(os.path.join(out, f"{name}.meta.json"), "w") as f:
        json.dump(meta, f, indent=1)
    log(f"{name}: written ({time.time() - t:.1f} s)")


def lfr(out):
    import networkx as nx

    t = time.time()
    p = LFR_PARAMS
    g = nx.LFR_benchmark_graph(
        p["n"], p["tau1"], p["tau2"], p["mu"], average_degree=p["average_degree"],
        max_degree=p["max_degree"], min_community=p["min_community"],
        max_community=p["max_community"], seed=p["seed"],
    )
    g.remove_edges_from(list(nx.selfloop_edges(g)))
    # Planted communities: each vertex's "community" attribute is the set it belongs to.
    label = {}
    for v in sorted(g.nodes()):
        comm = min(g.nodes[v]["community"])  # a frozenset's smallest member names it
        label.setdefault(comm, len(label))
    membership = [label[min(g.nodes[v]["community"])] for v in range(p["n"])]
    edges = np.array(sorted((min(a, b), max(a, b)) for a, b in g.edges()), dtype=np.int64)
    log(f"LFR: {p['n']} nodes, {len(edges)} edges, {len(label)} communities "
        f"({time.time() - t:.1f} s)")
    write_edge_list(os.path.join(out, "LFR.edges"), edges)
    with open(os.path.join(out, "LFR.communities"), "w") as f:
        f.write("\n".join(map(str, membership)) + "\n")
    nodes = [(f"v{i}", "Vertex", f"v{i}") for i in range(p["n"])]
    block = [f'{{"source":"v{a}","target":"v{b}","relation":"LINKED"}}' for a, b in edges.tolist()]
    write_native(os.path.join(out, "LFR.json"), "lfr", nodes, [block], {"LINKED": True})
    meta = {"name": "LFR", "nodes": p["n"], "edges": int(len(edges)), "lfr": p,
            "communities": len(label), "directed": False}
    with open(os.path.join(out, "LFR.meta.json"), "w") as f:
        json.dump(meta, f, indent=1)


def query_graph(out):
    """A property graph for the query benchmark: persons know persons, are members of
    organizations and attend events; every edge has a date. Degrees are skewed (Zipf-like
    endpoint choice) so that 2-hop neighbourhoods vary in size as in real networks."""
    p = QUERY_PARAMS
    rng = np.random.default_rng(p["seed"])
    t = time.time()

    def skewed(count, size):
        # Endpoints drawn with weight 1 / (rank + 10): a heavy tail without giant hubs.
        w = 1.0 / (np.arange(size) + 10.0)
        w /= w.sum()
        return rng.permutation(size)[rng.choice(size, size=count, p=w)]

    def pairs(count, n_from, n_to, same):
        src = rng.integers(0, n_from, size=count)
        dst = skewed(count, n_to)
        if same:  # no self-loops
            bad = src == dst
            dst[bad] = (dst[bad] + 1) % n_to
        return src, dst

    kinds = [("Person", "p", p["persons"]), ("Organization", "o", p["organizations"]),
             ("Event", "e", p["events"])]
    rels = [("KNOWS", "p", "p", p["knows"]), ("MEMBER_OF", "p", "o", p["member_of"]),
            ("ATTENDED", "p", "e", p["attended"])]
    sizes = {prefix: count for _, prefix, count in kinds}
    nodes = []
    for label, prefix, count in kinds:
        with open(os.path.join(out, f"QUERY.{label}.csv"), "w") as f:
            f.write("id,name\n")
            f.write("".join(f"{prefix}{i},{label} {i}\n" for i in range(count)))
        nodes.extend((f"{prefix}{i}", label, f"{label} {i}") for i in range(count))
    blocks = []
    edge_rows = []
    for rel, a, b, count in rels:
        src, dst = pairs(count, sizes[a], sizes[b], a == b)
        dates = dates_for(rng, count)
        rows = list(zip(src.tolist(), dst.tolist(), dates.tolist()))
        with open(os.path.join(out, f"QUERY.{rel}.csv"), "w") as f:
            f.write("from,to,date\n")
            f.write("".join(f"{a}{s},{b}{d},{day}\n" for s, d, day in rows))
        blocks.append(
            [f'{{"source":"{a}{s}","target":"{b}{d}","relation":"{rel}",'
             f'"metadata":{{"date":"{day}"}}}}' for s, d, day in rows]
        )
        edge_rows.append((rel, a, b, src, dst))
    write_native(os.path.join(out, "QUERY.json"), "query", nodes, blocks,
                 {"KNOWS": False, "MEMBER_OF": False, "ATTENDED": False})
    # The edge list of the whole graph (undirected view) for the shortest-path check.
    offset = {"p": 0, "o": p["persons"], "e": p["persons"] + p["organizations"]}
    allpairs = np.concatenate(
        [np.stack([s + offset[a], d + offset[b]], axis=1) for _, a, b, s, d in edge_rows])
    write_edge_list(os.path.join(out, "QUERY.edges"), allpairs)
    starts = [f"p{i}" for i in rng.integers(0, p["persons"], size=p["starts"]).tolist()]
    ends = rng.integers(0, p["persons"], size=(p["pairs"], 2)).tolist()
    workload = {"starts": starts, "pairs": [[f"p{a}", f"p{b}"] for a, b in ends]}
    with open(os.path.join(out, "QUERY.workload.json"), "w") as f:
        json.dump(workload, f)
    meta = {"name": "QUERY", "nodes": len(nodes), "edges": int(len(allpairs)), "query": p}
    with open(os.path.join(out, "QUERY.meta.json"), "w") as f:
        json.dump(meta, f, indent=1)
    log(f"QUERY: {len(nodes)} nodes, {len(allpairs)} edges ({time.time() - t:.1f} s)")


def store_size(name):
    """STORE2M -> 2,000,000 edges (K and M suffixes)."""
    text = name[len("STORE"):]
    scale = {"K": 1_000, "M": 1_000_000}.get(text[-1:].upper())
    if not scale or not text[:-1].isdigit():
        sys.exit(f"generate: {name}: expected STORE followed by a number and K or M (STORE2M)")
    return int(text[:-1]) * scale


def store_graph(out, name):
    """The QUERY graph scaled to the requested edge count, as Neo4j CSV (id:ID/:LABEL nodes,
    :START_ID/:END_ID/:TYPE edges with a date:date column): the same rows go to liaison's
    import and to Kuzu's COPY FROM. Written in chunks so 20M edges never sit in one string."""
    edges = store_size(name)
    k = edges / 2_000_000
    p = {key: max(1, round(QUERY_PARAMS[key] * k)) for key in
         ("persons", "organizations", "events", "knows", "member_of", "attended")}
    rng = np.random.default_rng(QUERY_PARAMS["seed"])
    t = time.time()
    folder = os.path.join(out, name)
    os.makedirs(folder, exist_ok=True)

    def skewed(count, size):
        w = 1.0 / (np.arange(size) + 10.0)  # as QUERY: a heavy tail without giant hubs
        w /= w.sum()
        return rng.permutation(size)[rng.choice(size, size=count, p=w)]

    kinds = [("Person", "p", p["persons"]), ("Organization", "o", p["organizations"]),
             ("Event", "e", p["events"])]
    sizes = {prefix: count for _, prefix, count in kinds}
    chunk = 1 << 20
    with open(os.path.join(folder, "nodes.csv"), "w") as f:
        f.write("id:ID,name,:LABEL\n")
        for label, prefix, count in kinds:
            for lo in range(0, count, chunk):
                f.write("".join(f"{prefix}{i},{label} {i},{label}\n"
                                for i in range(lo, min(count, lo + chunk))))
    rels = [("KNOWS", "p", "p", p["knows"]), ("MEMBER_OF", "p", "o", p["member_of"]),
            ("ATTENDED", "p", "e", p["attended"])]
    total = 0
    with open(os.path.join(folder, "edges.csv"), "w") as f:
        f.write(":START_ID,:END_ID,:TYPE,date:date\n")
        for rel, a, b, count in rels:
            src = rng.integers(0, sizes[a], size=count)
            dst = skewed(count, sizes[b])
            if a == b:  # no self-loops
                bad = src == dst
                dst[bad] = (dst[bad] + 1) % sizes[b]
            dates = dates_for(rng, count)
            for lo in range(0, count, chunk):
                hi = min(count, lo + chunk)
                f.write("".join(f"{a}{s},{b}{d},{rel},{day}\n" for s, d, day in
                                zip(src[lo:hi].tolist(), dst[lo:hi].tolist(),
                                    dates[lo:hi].tolist())))
            total += count
    nodes = sum(sizes.values())
    # Start nodes for lookups and 1-/2-hop questions, and pairs for single-edge commits.
    people = rng.integers(0, p["persons"], size=8).tolist()
    meta = {"name": name, "nodes": nodes, "edges": total, "store": p,
            "starts": [f"p{i}" for i in people[:4]],
            "commits": [[f"p{people[4 + i]}", f"p{people[(5 + i) % 8]}"] for i in range(4)]}
    with open(os.path.join(out, f"{name}.meta.json"), "w") as f:
        json.dump(meta, f, indent=1)
    log(f"{name}: {nodes} nodes, {total} edges ({time.time() - t:.1f} s)")


def seed(out):
    """The seed network (graphs/ beside bench/): its native file as is, and its underlying
    undirected simple graph as an edge list over node ids in sorted order."""
    import shutil

    src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "graphs",
                       "morocco-interpol.json")
    with open(src) as f:
        g = json.load(f)["graph"]
    ids = sorted(g["nodes"])
    index = {x: i for i, x in enumerate(ids)}
    pairs = sorted({(min(index[e["source"]], index[e["target"]]),
                     max(index[e["source"]], index[e["target"]]))
                    for e in g.get("edges", []) if e["source"] != e["target"]})
    write_edge_list(os.path.join(out, "SEED.edges"), np.array(pairs, dtype=np.int64))
    shutil.copyfile(src, os.path.join(out, "SEED.json"))
    meta = {"name": "SEED", "nodes": len(ids), "edges": len(pairs), "source": "graphs/"}
    with open(os.path.join(out, "SEED.meta.json"), "w") as f:
        json.dump(meta, f, indent=1)
    log(f"SEED: {len(ids)} nodes, {len(pairs)} edges")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=os.path.join(here, "data"))
    ap.add_argument("--only", default="SEED,K14,K18,LFR,QUERY")
    ap.add_argument("--force", action="store_true", help="regenerate even when present")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for name in args.only.split(","):
        if not args.force and os.path.exists(os.path.join(args.out, f"{name}.meta.json")):
            log(f"{name}: present, kept (--force regenerates)")
            continue
        if name in ("K18", "K14"):
            kronecker(name, int(name[1:]), args.out)
        elif name == "LFR":
            lfr(args.out)
        elif name == "QUERY":
            query_graph(args.out)
        elif name == "SEED":
            seed(args.out)
        elif name.startswith("STORE"):
            store_graph(args.out, name)
        else:
            sys.exit(f"generate: unknown workload {name}")


if __name__ == "__main__":
    main()
