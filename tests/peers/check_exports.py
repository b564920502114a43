#!/usr/bin/python3
"""Peer check: liaison's GraphML, GEXF and node-link exports load in NetworkX and igraph with the
same node and edge counts and attributes as the network they came from.

Usage: check_exports.py LIAISON_BINARY NETWORK.json
Exit codes: 0 pass, 1 a check failed, 77 skipped (NetworkX missing).
"""
import json
import os
import subprocess
import sys
import tempfile

SKIP = 77
failures = []


def check(what, ok, detail=""):
    print(("ok   " if ok else "FAIL ") + what + ("" if ok else f": {detail}"))
    if not ok:
        failures.append(what)


def export(liaison, network, out):
    subprocess.run([liaison, "export", network, "-o", out], check=True, stdout=subprocess.DEVNULL)


def expected_of(network):
    with open(network, encoding="utf-8") as f:
        g = json.load(f)["graph"]
    nodes = g["nodes"]
    person = next(i for i, n in sorted(nodes.items()) if "Person" in n["metadata"]["labels"])
    dated = next(e for e in g["edges"] if "date" in e.get("metadata", {}))
    return {
        "nodes": len(nodes),
        "edges": len(g["edges"]),
        "person": person,
        "person_names": nodes[person]["metadata"]["names"],
        "types": sorted({e["relation"] for e in g["edges"]}),
        "dated_edge": (dated["source"], dated["target"], dated["relation"], dated["metadata"]["date"]),
    }


def check_networkx_graph(nx_graph, exp, fmt):
    check(f"networkx {fmt}: {exp['nodes']} nodes", nx_graph.number_of_nodes() == exp["nodes"],
          nx_graph.number_of_nodes())
    check(f"networkx {fmt}: {exp['edges']} edges", nx_graph.number_of_edges() == exp["edges"],
          nx_graph.number_of_edges())
    data = nx_graph.nodes[exp["person"]]
    for script in ("ar", "en"):
        if script in exp["person_names"]:
            check(f"networkx {fmt}: name_{script} of {exp['person']}",
                  data.get(f"name_{script}") == exp["person_names"][script], data.get(f"name_{script}"))
    check(f"networkx {fmt}: labels of {exp['person']}", "Person" in json.loads(data["labels"]), data.get("labels"))
    types = sorted({d["type"] for _, _, d in nx_graph.edges(data=True)})
    check(f"networkx {fmt}: edge types", types == exp["types"], types)
    s, t, rel, date = exp["dated_edge"]
    found = any(d.get("type") == rel and d.get("date") == date for d in nx_graph.get_edge_data(s, t).values())
    check(f"networkx {fmt}: dated edge {s} -{rel}-> {t} on {date}", found)
    sources = [d["sources"] for _, _, d in nx_graph.edges(data=True) if "sources" in d]
    check(f"networkx {fmt}: sources are JSON", all(isinstance(json.loads(x), list) for x in sources))


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    liaison, network = sys.argv[1], sys.argv[2]
    try:
        import networkx as nx
    except ImportError:
        print("SKIP: NetworkX is not installed (Debian: python3-networkx)")
        return SKIP
    try:
        import igraph
    except ImportError:
        igraph = None
        print("note: python-igraph is not installed (Debian: python3-igraph); igraph checks skipped")

    exp = expected_of(network)
    with tempfile.TemporaryDirectory() as d:
        paths = {ext: os.path.join(d, "net." + ext) for ext in ("graphml", "gexf", "nodelink.json")}
        for p in paths.values():
            export(liaison, network, p)

        g = nx.read_graphml(paths["graphml"])
        check("networkx graphml: a multigraph", g.is_multigraph() and g.is_directed())
        check_networkx_graph(g, exp, "graphml")

        # NetworkX 2.8 knows GEXF 1.1 and 1.2; 1.3 differs in namespace only for what it reads.
        gexf = nx.readwrite.gexf.GEXF
        if "1.3" not in gexf.versions:
            v = dict(gexf.versions["1.2draft"])
            v.update({"NS_GEXF": "http://gexf.net/1.3", "NS_VIZ": "http://gexf.net/1.3/viz",
                      "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
                      "VERSION": "1.3"})
            gexf.versions["1.3"] = v
        x = nx.read_gexf(paths["gexf"], version="1.3")
        check_networkx_graph(x, exp, "gexf")
        timed = [n for n, a in x.nodes(data=True) if "start" in a]
        check("networkx gexf: nodes carry timeline start/end", len(timed) > 0)
        check("networkx gexf: node label is the display name",
              x.nodes[exp["person"]]["label"].startswith(exp["person_names"].get("en", "")))

        with open(paths["nodelink.json"], encoding="utf-8") as f:
            n = nx.node_link_graph(json.load(f))
        check(f"networkx node-link: {exp['nodes']} nodes, {exp['edges']} edges",
              (n.number_of_nodes(), n.number_of_edges()) == (exp["nodes"], exp["edges"]))

        if igraph is not None:
            ig = igraph.Graph.Read_GraphML(paths["graphml"])
            check(f"igraph graphml: {exp['nodes']} nodes", ig.vcount() == exp["nodes"], ig.vcount())
            check(f"igraph graphml: {exp['edges']} edges", ig.ecount() == exp["edges"], ig.ecount())
            v = ig.vs.find(id=exp["person"])
            check("igraph graphml: names", v["name_en"] == exp["person_names"].get("en", v["name_en"]))
            check("igraph graphml: edge types", sorted(set(ig.es["type"])) == exp["types"])
            # igraph has no GEXF reader: load what NetworkX read from the GEXF file.
            ix = igraph.Graph.from_networkx(x)
            check("igraph (via NetworkX) gexf: counts",
                  (ix.vcount(), ix.ecount()) == (exp["nodes"], exp["edges"]), (ix.vcount(), ix.ecount()))

    print(f"{len(failures)} failure(s)" if failures else "all peer checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
