#!/usr/bin/python3
"""Reference values for liaison's network-analysis tests, computed by NetworkX and igraph.

Writes one JSON file per graph into tests/data/analysis/: the graph as an edge list over
vertices 0..n-1 and, under "reference", what the peers compute for it. The C++ tests
(tests/analysis/) read these files, so they need no Python.

    /usr/bin/python3 scripts/peers/make_analysis_fixtures.py             # rewrite the fixtures
    /usr/bin/python3 scripts/peers/make_analysis_fixtures.py --check DIR # compare with DIR

--check regenerates into a temporary folder and compares every number with the committed
fixtures (relative tolerance 1e-9); it exits 77 (CTest's skip code) when NetworkX or igraph
is missing. Use Debian's interpreter (/usr/bin/python3) with python3-networkx (2.8) and
python3-igraph (0.10).
"""

import argparse
import json
import math
import os
import random
import sys
import tempfile
import warnings

warnings.simplefilter("ignore", FutureWarning)  # NetworkX 2.8 announcing 3.0 changes

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DEFAULT_OUT = os.path.join(ROOT, "tests", "data", "analysis")
DEFAULT_SEED = os.path.join(ROOT, "graphs", "morocco-interpol.json")
SKIP = 77
TOL = 1e-13  # power iterations run to this tolerance, so results are exact to ~1e-12
BUILTIN_SYMMETRIC = {"MET_WITH", "SIGNED_MOU"}
SEEDS = 100  # runs of each randomized community method

try:
    import networkx as nx
    import igraph
    import numpy as np
except ImportError as e:  # pragma: no cover - depends on the machine
    print(f"make_analysis_fixtures: skipped, peer package missing ({e})")
    sys.exit(SKIP)


# ---- graphs -------------------------------------------------------------------------------


def from_nx(name, g, about, weighted):
    """A fixture graph from a NetworkX graph: vertices in g's node order."""
    nodes = list(g.nodes())
    index = {v: i for i, v in enumerate(nodes)}
    edges = []
    for u, v, d in g.edges(data=True):
        edges.append([index[u], index[v], d.get("weight", 1) if weighted else 1])
    return {"name": name, "about": about, "directed": g.is_directed(), "weighted": weighted,
            "nodes": [str(v) for v in nodes], "edges": edges}


def disconnected():
    g = nx.Graph()
    f = nx.florentine_families_graph()
    g.add_edges_from(f.edges())
    g.add_edges_from([("p1", "p2"), ("p2", "p3"), ("p3", "p4")])
    g.add_edges_from([("t1", "t2"), ("t2", "t3"), ("t3", "t1")])
    g.add_nodes_from(["i1", "i2", "i3"])
    return g


def random_weighted(seed, n, m, directed, top):
    rng = random.Random(seed)
    g = nx.gnm_random_graph(n, m, seed=seed, directed=directed)
    for u, v in g.edges():
        g[u][v]["weight"] = rng.randint(1, top)
    return g


def with_loops():
    g = nx.Graph()
    g.add_weighted_edges_from([(0, 1, 2), (1, 2, 1), (2, 0, 3), (2, 3, 1), (3, 4, 2), (4, 5, 1),
                               (5, 3, 1), (5, 6, 4), (6, 7, 1), (1, 1, 2), (3, 3, 1), (7, 7, 5)])
    return g


def seed_projection(path, mode):
    """liaison's projection of the seed network, rebuilt here from the file: all nodes (in id
    order), all edges; 'undirected', 'directed' (symmetric relations both ways), or 'fold'
    (countries, people, ... linked by attending the same Event, weighted by shared events)."""
    with open(path, encoding="utf-8") as f:
        graph = json.load(f)["graph"]
    symmetric = set(BUILTIN_SYMMETRIC)
    for name, rel in graph["metadata"]["liaison"].get("relations", {}).items():
        if rel.get("symmetric"):
            symmetric.add(name)
    nodes = sorted(graph["nodes"])
    labels = {k: v["metadata"]["labels"] for k, v in graph["nodes"].items()}
    if mode == "fold":
        keep = [v for v in nodes if "Event" not in labels[v]]
        index = {v: i for i, v in enumerate(keep)}
        members = {}
        for e in graph["edges"]:
            if e["relation"] != "ATTENDED":
                continue
            for via, other in ((e["target"], e["source"]), (e["source"], e["target"])):
                if "Event" in labels[via] and other in index:
                    members.setdefault(via, set()).add(other)
        weight = {}
        for via in sorted(members):
            group = sorted(members[via], key=lambda v: index[v])
            for i, a in enumerate(group):
                for b in group[i + 1:]:
                    key = (index[a], index[b])
                    weight[key] = weight.get(key, 0) + 1
        edges = [[u, v, w] for (u, v), w in sorted(weight.items())]
        return {"name": "seed_fold", "directed": False, "weighted": True, "nodes": keep,
                "edges": edges, "projection": {"fold_via": "Event", "edge_types": ["ATTENDED"],
                                               "weight": "count"},
                "about": "seed network: co-attendance of events (ATTENDED folded through Event)"}
    index = {v: i for i, v in enumerate(nodes)}
    directed = mode == "directed"
    pairs = set()
    for e in graph["edges"]:
        s, t = index[e["source"]], index[e["target"]]
        if directed:
            pairs.add((s, t))
            if e["relation"] in symmetric:
                pairs.add((t, s))
        else:
            pairs.add((min(s, t), max(s, t)))
    return {"name": "seed_directed" if directed else "seed", "directed": directed,
            "weighted": False, "nodes": nodes, "edges": [[u, v, 1] for u, v in sorted(pairs)],
            "projection": {"direction": mode},
            "about": f"seed network graphs/morocco-interpol.json, {mode} projection"}


def all_graphs(seed_path):
    graphs = [
        from_nx("karate", nx.karate_club_graph(), "Zachary's karate club (weighted as in "
                "NetworkX 2.8)", True),
        from_nx("lesmis", nx.les_miserables_graph(), "Les Miserables co-appearances", True),
        from_nx("florentine", nx.florentine_families_graph(), "Florentine families", False),
        from_nx("weighted", random_weighted(3, 40, 100, False, 4),
                "random G(40, 100), integer weights 1..4 (many equal-length paths)", True),
        from_nx("directed", random_weighted(7, 40, 130, True, 5),
                "random directed G(40, 130), integer weights 1..5", True),
        from_nx("disconnected", disconnected(), "Florentine families + a path + a triangle + "
                "3 isolated vertices", False),
        from_nx("loops", with_loops(), "small weighted graph with self-loops", True),
    ]
    if seed_path and os.path.exists(seed_path):
        for mode in ("undirected", "directed", "fold"):
            graphs.append(seed_projection(seed_path, mode))
    else:
        print(f"make_analysis_fixtures: no seed network at {seed_path}; seed fixtures skipped")
    return graphs


# ---- references ---------------------------------------------------------------------------


def build(fx, weighted=True):
    g = nx.DiGraph() if fx["directed"] else nx.Graph()
    g.add_nodes_from(range(len(fx["nodes"])))
    for u, v, w in fx["edges"]:
        if weighted:
            g.add_edge(u, v, weight=w)
        else:
            g.add_edge(u, v)
    return g


def vec(d, n):
    return [None if d.get(i) is None or math.isinf(d[i]) else float(d[i]) for i in range(n)]


def partition_list(parts):
    return sorted(sorted(int(v) for v in p) for p in parts)


def to_igraph(fx):
    """The underlying undirected graph, reciprocal arcs summed, as liaison's symmetrized()."""
    weight = {}
    for u, v, w in fx["edges"]:
        key = (min(u, v), max(u, v))
        weight[key] = weight.get(key, 0) + w
    g = igraph.Graph(n=len(fx["nodes"]), edges=list(weight), directed=False)
    g.es["weight"] = list(weight.values())
    return g


def igraph_communities(fx, weighted):
    """Modularity igraph's Louvain and Leiden reach over seeds 0..SEEDS-1: mean and best.
    Single runs of randomized methods vary by several percent, so the tests compare the
    distribution (liaison's mean and best over as many seeds), not one run."""
    g = to_igraph(fx)
    w = "weight" if weighted else None
    out = {}
    for res in (1.0, 0.5):
        found = {"louvain": [], "leiden": []}
        for seed in range(SEEDS):
            random.seed(seed)  # python-igraph draws from Python's random module
            found["louvain"].append(g.community_multilevel(weights=w, resolution=res).membership)
            random.seed(seed)
            found["leiden"].append(g.community_leiden(
                objective_function="modularity", weights=w, resolution_parameter=res,
                n_iterations=-1).membership)
        out[str(res)] = {}
        for method, memberships in found.items():
            # python-igraph 0.10.2's Graph.modularity drops `resolution`; the C binding keeps it.
            q = [igraph.GraphBase.modularity(g, m, w, res) for m in memberships]
            out[str(res)][method] = {"mean": sum(q) / len(q), "best": max(q)}
    return out


def katz_alpha(g):
    if g.number_of_edges() == 0:
        return 0.1
    a = nx.to_numpy_array(g, weight=None)
    lam = max(abs(x) for x in np.linalg.eigvals(a))
    return 0.1 if lam < 1e-9 else round(0.5 / lam, 6)


def references(fx):
    n = len(fx["nodes"])
    g = build(fx, weighted=True)
    gu = build(fx, weighted=False)
    und = g.to_undirected() if fx["directed"] else g
    loopless = nx.Graph(und)
    loopless.remove_edges_from(nx.selfloop_edges(loopless))
    r = {}
    variants = [("", gu, None)] + ([("_weighted", g, "weight")] if fx["weighted"] else [])
    for suffix, h, w in variants:
        r["degree" + suffix] = vec(dict(h.degree(weight=w)), n)
        if fx["directed"]:
            r["in_degree" + suffix] = vec(dict(h.in_degree(weight=w)), n)
            r["out_degree" + suffix] = vec(dict(h.out_degree(weight=w)), n)
        r["betweenness" + suffix] = vec(nx.betweenness_centrality(h, weight=w), n)
        r["closeness" + suffix] = vec(nx.closeness_centrality(h, distance=w), n)
        r["harmonic" + suffix] = vec(nx.harmonic_centrality(h, distance=w), n)
        r["eigenvector" + suffix] = vec(nx.eigenvector_centrality(
            h, weight=w, tol=TOL, max_iter=100000), n)
        r["pagerank" + suffix] = vec(nx.pagerank(h, weight=w, tol=TOL, max_iter=100000), n)
        r["clustering" + suffix] = vec(nx.clustering(h, weight=w), n)
        r["sssp" + suffix] = vec(dict(nx.single_source_dijkstra_path_length(h, 0, weight=w)
                                      if w else nx.single_source_shortest_path_length(h, 0)), n)
        t = n - 1
        try:
            paths = sorted(nx.all_shortest_paths(h, 0, t, weight=w))
        except nx.NetworkXNoPath:
            paths = []
        r["all_shortest_paths" + suffix] = paths
    r["degree_centrality"] = vec(nx.degree_centrality(gu), n)
    r["betweenness_raw"] = vec(nx.betweenness_centrality(gu, normalized=False), n)
    r["betweenness_endpoints"] = vec(nx.betweenness_centrality(gu, endpoints=True), n)
    r["closeness_plain"] = vec(nx.closeness_centrality(gu, wf_improved=False), n)
    pers = {0: 1.0, 1: 2.0, 2: 3.0} if n >= 3 else {0: 1.0}
    r["pagerank_personalization"] = [pers.get(i, 0.0) for i in range(n)]
    r["pagerank_personalized"] = vec(nx.pagerank(gu, personalization=pers, tol=TOL,
                                                 max_iter=100000), n)
    r["katz_alpha"] = katz_alpha(gu)
    r["katz"] = vec(nx.katz_centrality_numpy(gu, alpha=r["katz_alpha"], beta=1.0), n)
    r["average_clustering"] = nx.average_clustering(gu)
    r["transitivity"] = nx.transitivity(nx.Graph(und))
    cores = gu.copy()  # NetworkX refuses self-loops; liaison ignores them
    cores.remove_edges_from(list(nx.selfloop_edges(cores)))
    r["core_number"] = vec(nx.core_number(cores), n)
    r["articulation_points"] = sorted(nx.articulation_points(loopless))
    r["bridges"] = sorted(sorted(e) for e in nx.bridges(loopless))
    r["weak_components"] = partition_list(nx.weakly_connected_components(g) if fx["directed"]
                                          else nx.connected_components(g))
    r["strong_components"] = partition_list(nx.strongly_connected_components(g)
                                            if fx["directed"] else nx.connected_components(g))
    r["density"] = nx.density(gu)
    connected = n > 0 and (nx.is_strongly_connected(gu) if fx["directed"]
                           else nx.is_connected(gu))
    r["diameter"] = nx.diameter(gu) if connected else None
    if fx["weighted"]:
        lengths = dict(nx.all_pairs_dijkstra_path_length(g))
        r["diameter_weighted"] = (max(max(d.values()) for d in lengths.values())
                                  if connected else None)
    r["ego_out"] = sorted(nx.ego_graph(gu, 0, radius=2).nodes())
    r["ego_both"] = sorted(nx.ego_graph(gu, 0, radius=2, undirected=True).nodes())
    # Modularity of a fixed partition (greedy modularity on the undirected graph).
    parts = nx.community.greedy_modularity_communities(nx.Graph(und))
    membership = [0] * n
    for c, p in enumerate(parts):
        for v in p:
            membership[v] = c
    r["partition"] = membership
    r["modularity"] = nx.community.modularity(gu, parts)
    r["modularity_resolution_0.5"] = nx.community.modularity(gu, parts, resolution=0.5)
    if fx["weighted"]:
        r["modularity_weighted"] = nx.community.modularity(g, parts, weight="weight")
    r["igraph"] = {"unweighted": igraph_communities(fx, False)}
    if fx["weighted"]:
        r["igraph"]["weighted"] = igraph_communities(fx, True)
    return r


def generate(out_dir, seed_path):
    os.makedirs(out_dir, exist_ok=True)
    names = []
    for fx in all_graphs(seed_path):
        fx["reference"] = references(fx)
        fx["peers"] = {"networkx": nx.__version__, "igraph": igraph.__version__}
        path = os.path.join(out_dir, fx["name"] + ".json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(fx, f, sort_keys=True, indent=1, ensure_ascii=False)
            f.write("\n")
        names.append(fx["name"])
    return names


# ---- checking -----------------------------------------------------------------------------


def differences(a, b, where=""):
    if isinstance(a, dict) and isinstance(b, dict):
        out = []
        for k in sorted(set(a) | set(b)):
            if k == "peers":
                continue
            if k not in a or k not in b:
                out.append(f"{where}/{k}: present on one side only")
            else:
                out += differences(a[k], b[k], f"{where}/{k}")
        return out
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return [f"{where}: length {len(a)} != {len(b)}"]
        out = []
        for i, (x, y) in enumerate(zip(a, b)):
            out += differences(x, y, f"{where}[{i}]")
        return out
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and \
            not isinstance(a, bool) and not isinstance(b, bool):
        if math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12):
            return []
    elif a == b:
        return []
    return [f"{where}: {a!r} != {b!r}"]


def check(committed, seed_path):
    with tempfile.TemporaryDirectory() as tmp:
        names = generate(tmp, seed_path)
        problems = []
        for name in names:
            mine = os.path.join(committed, name + ".json")
            if not os.path.exists(mine):
                problems.append(f"{name}.json: not committed")
                continue
            with open(mine, encoding="utf-8") as f, \
                    open(os.path.join(tmp, name + ".json"), encoding="utf-8") as g:
                problems += [f"{name}.json{d}" for d in differences(json.load(f), json.load(g))]
    for p in problems[:50]:
        print(p)
    if problems:
        print(f"make_analysis_fixtures: {len(problems)} differences; rerun the script to update")
        return 1
    print(f"make_analysis_fixtures: {len(names)} fixtures match the peers")
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=DEFAULT_OUT, help="where to write the fixtures")
    ap.add_argument("--seed-graph", default=DEFAULT_SEED, help="the seed network file")
    ap.add_argument("--check", metavar="DIR", help="compare DIR's fixtures with fresh ones")
    args = ap.parse_args()
    if args.check:
        return check(args.check, args.seed_graph)
    names = generate(args.out, args.seed_graph)
    print(f"make_analysis_fixtures: wrote {len(names)} fixtures to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
