#!/usr/bin/python3
"""Peer check: liaison's exports open, unpatched, in Debian's NetworkX and igraph with the same
nodes, edges and degrees as the network they came from; symmetric relations are undirected edges
of a mixed GraphML/GEXF graph; the CSV folder has the header neo4j-admin import expects.

Usage: check_exports.py LIAISON_BINARY NETWORK.json
Exit codes: 0 pass, 1 a check failed, 77 skipped (NetworkX missing).
"""
import collections
import csv
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SKIP = 77
BUILTIN_SYMMETRIC = {"MET_WITH", "SIGNED_MOU"}  # lib/model/relations.cpp
# neo4j-admin import's header types (an array of any of them ends in []).
NEO4J_TYPES = {"int", "long", "float", "double", "boolean", "byte", "short", "char", "string",
               "point", "date", "localtime", "time", "localdatetime", "datetime", "duration"}
failures = []


def check(what, ok, detail=""):
    print(("ok   " if ok else "FAIL ") + what + ("" if ok else f": {detail}"))
    if not ok:
        failures.append(what)


def export(liaison, network, out, *options):
    subprocess.run([liaison, "export", network, "-o", out, *options], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def expected_of(network):
    with open(network, encoding="utf-8") as f:
        g = json.load(f)["graph"]
    nodes = g["nodes"]
    declared = g.get("metadata", {}).get("liaison", {}).get("relations", {})
    symmetric = BUILTIN_SYMMETRIC | {t for t, d in declared.items() if d.get("symmetric")}
    degree = collections.Counter({n: 0 for n in nodes})
    for e in g["edges"]:  # every edge end counts, a self-loop twice (as NetworkX and igraph count)
        degree[e["source"]] += 1
        degree[e["target"]] += 1
    person = next(i for i, n in sorted(nodes.items()) if "Person" in n["metadata"]["labels"])
    dated = next(e for e in g["edges"] if "date" in e.get("metadata", {}))
    return {
        "nodes": len(nodes),
        "edges": len(g["edges"]),
        "symmetric": sum(e["relation"] in symmetric for e in g["edges"]),
        "degree": dict(degree),
        "person": person,
        "person_names": nodes[person]["metadata"]["names"],
        "types": sorted({e["relation"] for e in g["edges"]}),
        "dated_edge": (dated["source"], dated["target"], dated["relation"], dated["metadata"]["date"]),
        "timed_nodes": sum(any(k in n["metadata"] for k in ("date", "start", "end"))
                           for n in nodes.values()),
    }


def check_counts(tool, n_nodes, n_edges, degree, exp):
    check(f"{tool}: {exp['nodes']} nodes, {exp['edges']} edges",
          (n_nodes, n_edges) == (exp["nodes"], exp["edges"]), (n_nodes, n_edges))
    wrong = {n: (d, exp["degree"].get(n)) for n, d in degree.items() if exp["degree"].get(n) != d}
    check(f"{tool}: every node's degree", not wrong and len(degree) == exp["nodes"],
          dict(list(wrong.items())[:5]))


def check_networkx_graph(nx_graph, exp, fmt):
    check_counts(f"networkx {fmt}", nx_graph.number_of_nodes(), nx_graph.number_of_edges(),
                 dict(nx_graph.degree()), exp)
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
    marked = sum(bool(d.get("symmetric")) for _, _, d in nx_graph.edges(data=True))
    check(f"networkx {fmt}: {exp['symmetric']} edges say symmetric", marked == exp["symmetric"], marked)


def check_mixed_xml(path, exp, fmt):
    """The mixed graph as written: undirected marks on exactly the symmetric edges."""
    root = ET.parse(path).getroot()
    ns = root.tag[:root.tag.index("}") + 1]
    graph = root.find(f"{ns}graph")
    edges = graph.iter(f"{ns}edge")
    if fmt == "graphml":
        default, marked = graph.get("edgedefault"), sum(e.get("directed") == "false" for e in edges)
    else:
        default, marked = graph.get("defaultedgetype"), sum(e.get("type") == "undirected" for e in edges)
    check(f"{fmt}: directed by default, {exp['symmetric']} symmetric edges undirected",
          (default, marked) == ("directed", exp["symmetric"]), (default, marked))
    return root, ns


def check_gexf_file(path, exp):
    root, ns = check_mixed_xml(path, exp, "gexf")
    check("gexf: version 1.2 by default",
          (ns, root.get("version")) == ("{http://www.gexf.net/1.2draft}", "1.2"), (ns, root.get("version")))
    viz = "{http://www.gexf.net/1.2draft/viz}"
    nodes = list(root.iter(f"{ns}node"))
    styled = [n for n in nodes if all(n.find(f"{viz}{k}") is not None for k in ("color", "size", "position"))]
    check("gexf: every node has viz colour, size and position", len(styled) == exp["nodes"], len(styled))
    places = {(p.get("x"), p.get("y")) for n in nodes for p in n.iter(f"{viz}position")}
    check("gexf: positions come from a layout (all distinct)", len(places) == exp["nodes"], len(places))
    spelled = [n for n in nodes if n.find(f"{ns}spells/{ns}spell") is not None]
    check("gexf: dated nodes carry a spell", len(spelled) == exp["timed_nodes"], len(spelled))


def check_neo4j_csv(folder, exp):
    """neo4j-admin database import full --nodes=nodes.csv --relationships=edges.csv."""
    def read(name):
        with open(os.path.join(folder, name), encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        return rows[0], rows[1:]

    def typed_ok(column):
        if ":" not in column or column.startswith(":"):
            return True
        kind = column.rsplit(":", 1)[1]
        return kind in ("ID", "START_ID", "END_ID") or kind.removesuffix("[]") in NEO4J_TYPES

    nodes_head, nodes = read("nodes.csv")
    edges_head, edges = read("edges.csv")
    ids = [c for c in nodes_head if c == ":ID" or c.endswith(":ID")]
    check("neo4j csv: nodes.csv has one :ID and a :LABEL column",
          len(ids) == 1 and ":LABEL" in nodes_head, nodes_head[:3])
    check("neo4j csv: edges.csv has :START_ID, :END_ID and :TYPE",
          all(c in edges_head for c in (":START_ID", ":END_ID", ":TYPE")), edges_head[:4])
    bad = [c for c in nodes_head + edges_head if not typed_ok(c)]
    check("neo4j csv: every column type is one neo4j-admin knows", not bad, bad)
    check("neo4j csv: row counts", (len(nodes), len(edges)) == (exp["nodes"], exp["edges"]),
          (len(nodes), len(edges)))
    known = {row[nodes_head.index(ids[0])] for row in nodes}
    s, t = edges_head.index(":START_ID"), edges_head.index(":END_ID")
    dangling = [r for r in edges if r[s] not in known or r[t] not in known]
    check("neo4j csv: every relationship's ends are node ids", not dangling, dangling[:3])
    labels = nodes_head.index(":LABEL")
    check("neo4j csv: every node has a label", all(r[labels].split(";")[0] for r in nodes))



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
        paths = {ext: os.path.join(d, "net." + ext)
                 for ext in ("graphml", "gexf", "nodelink.json", "cyjs", "directed.graphml", "directed.gexf")}
        for ext, p in paths.items():
            export(liaison, network, p, *(["--directed-only"] if ext.startswith("directed") else []))
        export(liaison, network, os.path.join(d, "neo4j"), "--output-format", "csv")

        # The default files: mixed graphs, as Gephi, igraph and yEd read them.
        check_mixed_xml(paths["graphml"], exp, "graphml")
        check_gexf_file(paths["gexf"], exp)

        # NetworkX reads neither mixed GraphML nor mixed GEXF: the --directed-only files.
        g = nx.read_graphml(paths["directed.graphml"])
        check("networkx graphml: a directed multigraph", g.is_multigraph() and g.is_directed())
        check_networkx_graph(g, exp, "graphml")

        x = nx.read_gexf(paths["directed.gexf"])
        check_networkx_graph(x, exp, "gexf 1.2")
        viz = x.nodes[exp["person"]].get("viz", {})
        check("networkx gexf: viz colour, size and position",
              {"color", "size", "position"} <= set(viz), viz)
        timed = [n for n, a in x.nodes(data=True) if a.get("spells")]
        check("networkx gexf: dated nodes carry spells", len(timed) == exp["timed_nodes"], len(timed))
        check("networkx gexf: node label is the display name",
              x.nodes[exp["person"]]["label"].startswith(exp["person_names"].get("en", "")))

        with open(paths["nodelink.json"], encoding="utf-8") as f:
            n = nx.node_link_graph(json.load(f))
        check_counts("networkx node-link", n.number_of_nodes(), n.number_of_edges(), dict(n.degree()), exp)

        with open(paths["cyjs"], encoding="utf-8") as f:
            c = nx.cytoscape_graph(json.load(f))
        check_counts("networkx cytoscape", c.number_of_nodes(), c.number_of_edges(), dict(c.degree()), exp)
        check("networkx cytoscape: name is the display name",
              c.nodes[exp["person"]]["name"].startswith(exp["person_names"].get("en", "")))

        if igraph is not None:
            ig = igraph.Graph.Read_GraphML(paths["graphml"])  # the mixed file
            check_counts("igraph graphml", ig.vcount(), ig.ecount(),
                         dict(zip(ig.vs["id"], ig.degree())), exp)
            v = ig.vs.find(id=exp["person"])
            check("igraph graphml: names", v["name_en"] == exp["person_names"].get("en", v["name_en"]))
            check("igraph graphml: edge types", sorted(set(ig.es["type"])) == exp["types"])
            # igraph has no GEXF reader: load what NetworkX read from the GEXF file.
            ix = igraph.Graph.from_networkx(x)
            check_counts("igraph (via NetworkX) gexf", ix.vcount(), ix.ecount(),
                         dict(zip(ix.vs["_nx_name"], ix.degree())), exp)

        check_neo4j_csv(os.path.join(d, "neo4j"), exp)

    print(f"{len(failures)} failure(s)" if failures else "all peer checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
