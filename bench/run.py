#!/usr/bin/python3
"""Runs the benchmark of issue 9 (bench/README.md): liaison and its peers, interleaved, on the
generated workloads, then prints the table of seconds and ratios and writes it into
docs/performance.md (between the results markers; the hand-written analysis stays).

  run.py [--reps 3] [--heavy-reps 1] [--quick] [--only K18,K14,LFR,SEED,QUERY,STREAM]

Every measurement is one process (so memory after load is clean); rep r of every tool runs
before rep r+1 of any, and the tools' order rotates between reps, so a noisy minute hurts all
of them alike. Ratios are peer / liaison (above 1: liaison is faster), as medians of the
per-rep ratios.
"""
import argparse
import json
import os
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ beside the sources
from report import write_report  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PY = "/usr/bin/python3"

K18_KERNELS = ["load_edges", "bfs", "cc", "pagerank", "kcore", "clustering", "triangles"]
K14_KERNELS = ["load_edges", "betweenness", "closeness"]
LFR_KERNELS = ["load_edges", "louvain", "leiden"]
SEED_KERNELS = ["load_edges", "bfs", "cc", "pagerank", "betweenness", "closeness", "kcore",
                "clustering", "louvain", "leiden"]
NX_K18 = ["load_edges", "load_nodelink", "bfs", "cc", "pagerank", "kcore", "clustering",
          "triangles"]


def log(msg):
    print(f"bench: {msg}", file=sys.stderr, flush=True)


class Runner:
    def __init__(self, args):
        self.args = args
        self.results = []
        self.out = open(os.path.join(args.data, args.results), "w")

    def run(self, cmd, rep, timeout, label):
        t = time.time()
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
            lines, err = proc.stdout.splitlines(), proc.stderr.strip()
            if proc.returncode != 0:
                self.record({"tool": label, "kernel": "process", "rep": rep,
                             "error": f"exit {proc.returncode}: {err[-300:]}"})
        except subprocess.TimeoutExpired as e:
            out = e.stdout.decode() if isinstance(e.stdout, bytes) else (e.stdout or "")
            lines = out.splitlines()
            self.record({"tool": label, "kernel": "process", "rep": rep,
                         "error": f"timeout after {timeout} s"})
        for line in lines:
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                continue
            rec["rep"] = rep
            self.record(rec)
        log(f"rep {rep} {label}: {time.time() - t:.1f} s")

    def record(self, rec):
        self.results.append(rec)
        self.out.write(json.dumps(rec) + "\n")
        self.out.flush()

    def liaison(self, graph, threads, kernels, rep, extra=()):
        cmd = [self.args.liaison_bench, "--data", self.args.data, "--graph", graph,
               "--threads", str(threads), "--kernels", ",".join(kernels), *extra]
        self.run(cmd, rep, self.args.timeout, f"liaison {graph} {threads}t")

    def peer(self, tool, graph, threads, kernels, rep, extra=()):
        cmd = [PY, os.path.join(HERE, "peers.py"), "--tool", tool, "--data", self.args.data,
               "--graph", graph, "--threads", str(threads), "--kernels", ",".join(kernels),
               *extra]
        self.run(cmd, rep, self.args.timeout, f"{tool} {graph} {threads}t")

    def kuzu(self, rep):
        cmd = ["node", os.path.join(HERE, "kuzu_bench.cjs"), self.args.data, "1"]
        self.run(cmd, rep, self.args.timeout, "kuzu QUERY")


def rotate(items, k):
    k %= len(items)
    return items[k:] + items[:k]


def plan(args, r):
    """The runs of rep r, as callables; the order rotates with r."""
    only = set(args.only.split(","))
    steps = []
    r_ = args.runner

    def graph_runs(graph, kernels, tools, nx_kernels=None, extra=()):
        runs = []
        for tool, threads in tools:
            if tool == "liaison":
                runs.append(lambda t=threads: r_.liaison(graph, t, kernels, r, extra))
            elif tool == "networkx":
                if r < args.nx_reps:
                    runs.append(lambda: r_.peer("networkx", graph, 1, nx_kernels or kernels, r))
            else:
                runs.append(lambda tool=tool, t=threads: r_.peer(tool, graph, t, kernels, r,
                                                                 extra))
        return rotate(runs, r)

    all_tools = [("liaison", 1), ("liaison", 2), ("graph-tool", 1), ("graph-tool", 2),
                 ("igraph", 1), ("networkx", 1)]
    if "STREAM" in only:
        steps.append(lambda: r_.liaison("K14", 1, ["stream"], r))
        steps.append(lambda: r_.liaison("K14", 2, ["stream"], r))
    if "SEED" in only:
        steps += graph_runs("SEED", SEED_KERNELS, all_tools)
    if "K18" in only:
        steps += graph_runs("K18", K18_KERNELS, all_tools, NX_K18)
        steps.append(lambda: r_.liaison("K18", 1, ["load_json"], r))
    if "K14" in only and r < args.heavy_reps:
        steps += graph_runs("K14", K14_KERNELS, all_tools)
    if "LFR" in only:
        # Each rep runs its own seeds (rep 0: 1..S, rep 1: S+1..2S, ...) in liaison and igraph.
        seeds = ["--seed", str(r * args.seeds + 1), "--seeds", str(args.seeds)]
        steps += graph_runs("LFR", LFR_KERNELS,
                            [("liaison", 1), ("liaison", 2), ("igraph", 1), ("networkx", 1)],
                            ["load_edges", "louvain"], seeds)
    if "QUERY" in only and r < args.query_reps:
        q = [lambda: r_.liaison("QUERY", 1, ["query"], r, ["--mem-limit-gib", "8"]),
             lambda: r_.kuzu(r)]
        steps += rotate(q, r)
    return steps


def machine_info():
    info = {}
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    info["cpu"] = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    info["cores"] = os.cpu_count()
    info["load_before"] = os.getloadavg()[0]

    def version(cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True, timeout=60).stdout.strip()
        except (OSError, subprocess.TimeoutExpired):
            return "?"

    info["versions"] = {
        "graph-tool": version([PY, "-c", "import graph_tool; print(graph_tool.__version__)"]),
        "igraph": version([PY, "-c", "import igraph; print(igraph.__version__)"]),
        "networkx": version([PY, "-c", "import networkx; print(networkx.__version__)"]),
        "kuzu": version(["node", "-e", f"console.log(require('{HERE}/node_modules/kuzu').VERSION)"]),
        "g++": version(["g++", "-dumpfullversion"]),
        "python": version([PY, "-c", "import sys; print(sys.version.split()[0])"]),
    }
    return info


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=os.path.join(HERE, "data"))
    ap.add_argument("--liaison-bench", default=os.path.join(ROOT, "build-bench", "bench",
                                                             "liaison_bench"))
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--heavy-reps", type=int, default=1,
                    help="reps of exact betweenness and closeness on K14 (minutes each)")
    ap.add_argument("--nx-reps", type=int, default=1, help="reps of NetworkX (slow)")
    ap.add_argument("--query-reps", type=int, default=1)
    ap.add_argument("--seeds", type=int, default=4,
                    help="seeds per rep of Louvain and Leiden on LFR (means are compared)")
    ap.add_argument("--only", default="STREAM,SEED,K18,K14,LFR,QUERY")
    ap.add_argument("--timeout", type=int, default=900, help="seconds per process")
    ap.add_argument("--results", default="results.jsonl",
                    help="file under DATA for the raw results (several runs can be merged "
                         "with --report-only --merge)")
    ap.add_argument("--report-only", action="store_true",
                    help="rebuild the table from the results file(s) without measuring")
    ap.add_argument("--merge", default="",
                    help="with --report-only: more result files under DATA, comma separated")
    ap.add_argument("--clock", choices=["seconds", "cpu"], default="seconds",
                    help="time used for the load and community verdicts: wall (default) or "
                         "CPU seconds (when the machine is busy)")
    ap.add_argument("--doc", default=os.path.join(ROOT, "docs", "performance.md"))
    args = ap.parse_args()

    info = machine_info()
    if args.report_only:
        results = []
        for name in [args.results] + [m for m in args.merge.split(",") if m]:
            with open(os.path.join(args.data, name)) as f:
                results += [json.loads(line) for line in f if line.strip()]
        info_path = os.path.join(args.data, args.results + ".machine.json")
        if os.path.exists(info_path):
            with open(info_path) as f:
                info = json.load(f)
    else:
        args.runner = Runner(args)
        start = time.time()
        for r in range(args.reps):
            for step in plan(args, r):
                step()
        info["minutes"] = (time.time() - start) / 60
        info["load_after"] = os.getloadavg()[0]
        with open(os.path.join(args.data, args.results + ".machine.json"), "w") as f:
            json.dump(info, f, indent=1)
        results = args.runner.results
    text = write_report(results, info, args.doc, args.clock)
    print(text)


if __name__ == "__main__":
    main()
