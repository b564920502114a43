"""Turns the benchmark's result lines into the tables of docs/performance.md (used by run.py).

A ratio is peer seconds / liaison seconds for the same kernel, graph and thread count, taken per
rep and then the median (issue 9: "medians of ratios from one run each"); above 1 liaison is
faster. Where a side has no value for a rep, the ratio of the medians is used.
"""
import os
import statistics
from collections import defaultdict

BEGIN = "<!-- results:begin (bench/run.py writes this part) -->"
END = "<!-- results:end -->"

# Issue 9's reference figures on a K18 of the same parameters (seconds; medians of 3).
GAP = {  # kernel: (1 thread, 2 threads)
    ("K18", "load_edges"): (0.54, None),
    ("K18", "bfs"): (0.010, 0.006),
    ("K18", "cc"): (0.015, 0.008),
    ("K18", "pagerank"): (0.197, 0.114),
    ("K14", "betweenness"): (34.0, None),
}
ISSUE_PEERS = {  # kernel: graph-tool 1t, 2t, igraph, NetworkX
    ("K18", "load_edges"): (1.56, 1.45, 3.49, 19.7),
    ("K18", "bfs"): (0.073, 0.061, 0.186, 6.27),
    ("K18", "cc"): (0.101, 0.098, 0.165, 2.43),
    ("K18", "pagerank"): (1.07, 0.458, None, 18.6),
    ("K14", "betweenness"): (101, 55.8, 44.1, 2700),
}
KERNEL_ROWS = [("K18", k) for k in ("load_edges", "bfs", "cc", "pagerank", "kcore",
                                    "clustering", "triangles")]
KERNEL_ROWS += [("K14", "betweenness"), ("K14", "closeness")]
KERNEL_ROWS += [("SEED", k) for k in ("load_edges", "bfs", "pagerank", "betweenness",
                                      "louvain")]


class Results:
    def __init__(self, records):
        self.by = defaultdict(dict)  # (tool, threads, graph, kernel) -> {rep: record}
        self.errors = []
        for rec in records:
            if "error" in rec or "missing" in rec or "skipped" in rec:
                self.errors.append(rec)
            key = (rec.get("tool"), int(rec.get("threads", 1)), rec.get("graph"),
                   rec.get("kernel"))
            self.by[key][rec.get("rep", 0)] = rec

    def recs(self, tool, threads, graph, kernel):
        return self.by.get((tool, threads, graph, kernel), {})

    def values(self, tool, threads, graph, kernel, field="seconds"):
        return {rep: r[field] for rep, r in self.recs(tool, threads, graph, kernel).items()
                if isinstance(r.get(field), (int, float))}

    def median(self, tool, threads, graph, kernel, field="seconds"):
        v = list(self.values(tool, threads, graph, kernel, field).values())
        return statistics.median(v) if v else None

    def spread(self, tool, threads, graph, kernel):
        v = list(self.values(tool, threads, graph, kernel).values())
        return (min(v), max(v)) if len(v) > 1 else None

    def note(self, tool, threads, graph, kernel):
        for r in self.recs(tool, threads, graph, kernel).values():
            for k in ("missing", "skipped", "error"):
                if k in r:
                    return f"{k}: {r[k]}"
        return None

    def ratio(self, peer, liaison, field="seconds"):
        """Median over reps of peer / liaison; peer and liaison are (tool, threads, graph,
        kernel) keys."""
        p, l_ = self.values(*peer, field=field), self.values(*liaison, field=field)
        per_rep = [p[r] / l_[r] for r in p if r in l_ and l_[r] > 0]
        if per_rep:
            return statistics.median(per_rep)
        mp, ml = self.median(*peer, field=field), self.median(*liaison, field=field)
        return mp / ml if mp is not None and ml else None


def fmt_s(x):
    if x is None:
        return "—"
    if x >= 100:
        return f"{x:.0f}"
    if x >= 1:
        return f"{x:.2f}"
    if x >= 0.01:
        return f"{x:.3f}"
    return f"{x:.2g}"


def fmt_r(x):
    return "—" if x is None else f"{x:.2f}×"


def verdict(ok):
    return "holds" if ok else "**fails**"


def kernel_table(res, field, lines):
    head = ("| graph | kernel | liaison 1t | liaison 2t | graph-tool 1t | graph-tool 2t | igraph "
            "| NetworkX | GAP ref 1t | gt1/l1 | gt2/l2 | igraph/l1 | nx/l1 | l1/GAP |")
    lines += [head, "|" + "---|" * 14]
    for graph, k in KERNEL_ROWS:
        l1 = ("liaison", 1, graph, k)
        l2 = ("liaison", 2, graph, k)
        g1, g2 = ("graph-tool", 1, graph, k), ("graph-tool", 2, graph, k)
        ig, nx = ("igraph", 1, graph, k), ("networkx", 1, graph, k)
        med = {key: res.median(*key, field=field) for key in (l1, l2, g1, g2, ig, nx)}
        if all(v is None for v in med.values()):
            continue
        gap = GAP.get((graph, k), (None, None))[0]

        def cell(key):
            v = med[key]
            if v is None:
                n = res.note(*key)
                return "n/a" if n is None else ("skipped" if n.startswith("skipped") else "—")
            s = res.spread(*key) if field == "seconds" else None
            return fmt_s(v) + (f" ({fmt_s(s[0])}–{fmt_s(s[1])})" if s and key[1] == 2 else "")

        l1m = med[l1]
        lines.append(
            f"| {graph} | {k} | {cell(l1)} | {cell(l2)} | {cell(g1)} | {cell(g2)} | {cell(ig)} "
            f"| {cell(nx)} | {fmt_s(gap)} | {fmt_r(res.ratio(g1, l1, field))} "
            f"| {fmt_r(res.ratio(g2, l2, field))} | {fmt_r(res.ratio(ig, l1, field))} "
            f"| {fmt_r(res.ratio(nx, l1, field))} "
            f"| {fmt_r(l1m / gap if l1m and gap else None)} |")


def write_report(records, info, doc_path, clock="seconds"):
    """clock: "seconds" (wall) or "cpu" for the load, community and query-load verdicts; use
    cpu when the machine was busy (the kernel tables show both)."""
    res = Results(records)
    lines = [BEGIN, ""]
    v = info.get("versions", {})
    lines.append(
        f"Machine: {info.get('cpu', '?')}, {info.get('cores', '?')} cores; load average "
        f"{info.get('load_before', 0):.1f} before and {info.get('load_after', 0):.1f} after the "
        f"run ({info.get('minutes', 0):.0f} minutes). Versions: graph-tool {v.get('graph-tool')}, "
        f"igraph {v.get('igraph')}, NetworkX {v.get('networkx')}, Kuzu {v.get('kuzu')}, "
        f"g++ {v.get('g++')}, Python {v.get('python')}.")
    stream = [res.median("liaison", t, "K14", "stream_triad", "gb_per_s") for t in (1, 2)]
    lines.append(f"STREAM triad (liaison_bench): {fmt_s(stream[0])} GB/s on 1 thread, "
                 f"{fmt_s(stream[1])} GB/s on 2.")
    lines.append("")
    lines.append("### Kernels: wall-clock seconds (medians; 2-thread spread in brackets) and "
                 "ratios peer/liaison (above 1: liaison faster)")
    lines.append("")
    kernel_table(res, "seconds", lines)
    lines.append("")
    lines.append("### The same on CPU seconds (robust to other processes on the machine; for 2 "
                 "threads this sums both threads, so only the 1-thread columns compare)")
    lines.append("")
    kernel_table(res, "cpu", lines)
    lines.append("")

    # Throughput against memory bandwidth.
    m18 = None
    for r in res.recs("liaison", 1, "K18", "load_edges").values():
        m18 = r.get("edges")
    if m18:
        lines.append("### Throughput (K18, 1 thread)")
        lines.append("")
        lines.append("| kernel | seconds | edges/s (undirected m / t) | index bytes/s "
                     "(4 B per CSR entry read) | share of STREAM |")
        lines.append("|---|---|---|---|---|")
        for k, passes in (("bfs", 1), ("pagerank", 20)):
            t = res.median("liaison", 1, "K18", k)
            if not t:
                continue
            eps = passes * m18 / t
            bps = passes * 2 * m18 * 4 / t
            share = bps / (stream[0] * 1e9) if stream[0] else None
            lines.append(f"| {k} | {fmt_s(t)} | {eps / 1e6:.0f} M | {bps / 1e9:.2f} GB/s "
                         f"| {'—' if share is None else f'{share:.0%}'} |")
        lines.append("")

    # Memory after load.
    lines.append("### Memory after loading K18 (MiB above the fresh process)")
    lines.append("")
    lines.append("| liaison (CSR) | graph-tool | igraph | NetworkX | issue's reference "
                 "(GAP / gt / igraph / nx) |")
    lines.append("|---|---|---|---|---|")
    mem = [res.median("liaison", 1, "K18", "load_edges", "mem_mib")]
    mem += [res.median(t, 1, "K18", "memory", "mem_mib") for t in ("graph-tool", "igraph",
                                                                    "networkx")]
    lines.append("| " + " | ".join(fmt_s(x) for x in mem) + " | 40 / 180 / 150 / 1,130 |")
    lines.append("")

    # Scaling.
    lines.append("### Parallel scaling (bar 2: 2 threads ≥ 1.7× faster than 1)")
    lines.append("")
    lines.append("| kernel | liaison 1t/2t | graph-tool 1t/2t | verdict |")
    lines.append("|---|---|---|---|")
    for graph, k in (("K14", "betweenness"), ("K18", "pagerank")):
        s = res.ratio(("liaison", 2, graph, k), ("liaison", 1, graph, k))
        sg = res.ratio(("graph-tool", 2, graph, k), ("graph-tool", 1, graph, k))
        s = 1 / s if s else None
        sg = 1 / sg if sg else None
        lines.append(f"| {k} ({graph}) | {fmt_r(s)} | {fmt_r(sg)} "
                     f"| {verdict(s is not None and s >= 1.7)} |")
    lines.append("")

    # Communities.
    lines.append(f"### Communities on LFR (bar 3; {'CPU' if clock == 'cpu' else 'wall'} seconds)")
    lines.append("")
    lines.append("Means over the seeds of each run (liaison and igraph run the same seeds; "
                 "NetworkX one), then the median over runs.")
    lines.append("")
    lines.append("| method | tool | seconds per run | modularity | NMI vs planted | communities "
                 "| seeds per run |")
    lines.append("|---|---|---|---|---|---|---|")
    for k, peer in (("louvain", "igraph"), ("leiden", "igraph"), ("louvain", "networkx")):
        for tool in ("liaison", peer):
            if tool == "liaison" and peer == "networkx":
                continue
            vals = [res.median(tool, 1, "LFR", k, f) for f in (clock, "modularity", "nmi",
                                                               "communities", "seeds")]
            note = res.note(tool, 1, "LFR", k)
            if all(x is None for x in vals):
                lines.append(f"| {k} | {tool} | {note or '—'} | | | | |")
                continue
            lines.append(f"| {k} | {tool} | {fmt_s(vals[0])} | "
                         + " | ".join("—" if x is None else f"{x:.4f}" for x in vals[1:3])
                         + f" | {'—' if vals[3] is None else f'{vals[3]:.0f}'}"
                         + f" | {1 if vals[4] is None else int(vals[4])} |")
    lines.append("")

    # Load and projection.
    lines.append(f"### Load and projection (bar 4; {'CPU' if clock == 'cpu' else 'wall'} seconds)")
    lines.append("")
    lj = res.median("liaison", 1, "K18", "load_json", clock)
    pj = res.median("liaison", 1, "K18", "projection", clock)
    igl = res.median("igraph", 1, "K18", "load_edges", clock)
    nxl = res.median("networkx", 1, "K18", "load_nodelink", clock)
    le = res.median("liaison", 1, "K18", "load_edges", clock)
    rec = next(iter(res.recs("liaison", 1, "K18", "projection").values()), {})
    jrec = next(iter(res.recs("liaison", 1, "K18", "load_json").values()), {})
    csr = (rec.get("csr_bytes"), rec.get("csr_plain_bytes"))
    lines.append("| measure | value | bar | verdict |")
    lines.append("|---|---|---|---|")
    if lj and igl:
        lines.append(f"| native JSON load of K18 | {fmt_s(lj)} s | ≤ igraph's edge-list read "
                     f"({fmt_s(igl)} s) | {verdict(lj <= igl)} ({igl / lj:.2f}×) |")
    if lj and nxl:
        lines.append(f"| vs NetworkX node-link reader | {fmt_s(nxl)} s | ≥ 10× | "
                     f"{verdict(nxl / lj >= 10)} ({nxl / lj:.1f}×) |")
    if pj is not None:
        lines.append(f"| CSR projection of K18 | {fmt_s(pj)} s | < 1 s | {verdict(pj < 1)} |")
    if jrec.get("bytes_per_edge"):
        lines.append(f"| property graph memory per edge | {jrec['bytes_per_edge']:.0f} B "
                     f"({fmt_s(jrec.get('mem_mib'))} MiB) | stated | — |")
    if rec.get("peak_mib"):
        lines.append(f"| peak memory per edge (load + projection) | "
                     f"{rec['peak_mib'] * 1048576 / rec.get('edges', 1):.0f} B | stated | — |")
    if csr[0] and csr[1]:
        lines.append(f"| CSR size / plain 32-bit CSR | {csr[0] / csr[1]:.2f} | ≤ 1.3 "
                     f"| {verdict(csr[0] / csr[1] <= 1.3)} |")
    if le:
        lines.append(f"| edge list read + CSR build (liaison) | {fmt_s(le)} s | GAP 0.54 s "
                     f"| {fmt_r(le / 0.54)} of GAP |")
    lines.append("")

    # Queries.
    lines.append("### Queries on the 200k/2M property graph (bar 5; seconds per query)")
    lines.append("")
    lines.append("| query | liaison median | liaison p90 | Kuzu median | Kuzu p90 | ratio of "
                 "medians Kuzu/liaison | same answers |")
    lines.append("|---|---|---|---|---|---|---|")
    forms = ("query_load", "q_1hop", "q_2hop", "q_2hop_where", "q_2hop_reversed", "q_2hop_with",
             "q_2hop_directed", "q_2hop_directed_where", "q_shortest", "q_allshortest")
    for k in forms:
        lm, km = res.median("liaison", 1, "QUERY", k), res.median("kuzu", 1, "QUERY", k)
        lp, kp = res.median("liaison", 1, "QUERY", k, "p90"), res.median("kuzu", 1, "QUERY", k,
                                                                          "p90")
        lc = res.median("liaison", 1, "QUERY", k, "checksum")
        kc = res.median("kuzu", 1, "QUERY", k, "checksum")
        note = res.note("liaison", 1, "QUERY", k)
        same = "—" if lc is None or kc is None else ("yes" if lc == kc else f"no ({lc:.0f} vs "
                                                                           f"{kc:.0f})")
        lcell = fmt_s(lm) if lm is not None else (note or "—")[:80]
        lines.append(f"| {k} | {lcell} | {fmt_s(lp)} | {fmt_s(km)} | {fmt_s(kp)} "
                     f"| {fmt_r(km / lm if km and lm else None)} | {same} |")
    two = [res.median("liaison", 1, "QUERY", k) for k in forms[2:6]]  # the undirected forms
    two = [x for x in two if x]
    if len(two) == 4:
        lines.append("")
        lines.append(f"2-hop forms: slowest / fastest median = {max(two) / min(two):.2f} "
                     "(the bar wants about 1).")
    lines.append("")

    if res.errors:
        lines.append("### Missing, skipped and failed measurements")
        lines.append("")
        seen = set()
        for e in res.errors:
            what = e.get("missing") or e.get("skipped") or e.get("error")
            key = (e.get("tool"), e.get("graph"), e.get("kernel"), what)
            if key in seen:
                continue
            seen.add(key)
            kind = "missing" if "missing" in e else ("skipped" if "skipped" in e else "error")
            lines.append(f"- {e.get('tool')} {e.get('graph', '')} {e.get('kernel')}: {kind}: "
                         f"{str(what)[:200]}")
        lines.append("")
    lines.append(END)
    block = "\n".join(lines)

    if os.path.exists(doc_path):
        with open(doc_path) as f:
            doc = f.read()
    else:
        doc = "# Performance\n\n" + BEGIN + "\n" + END + "\n"
    if BEGIN in doc and END in doc:
        doc = doc[: doc.index(BEGIN)] + block + doc[doc.index(END) + len(END):]
    else:
        doc = doc.rstrip() + "\n\n" + block + "\n"
    with open(doc_path, "w") as f:
        f.write(doc)
    return block
