#!/usr/bin/python3
"""The STORE benchmark (issue 16, docs/storage-engine.md §13): liaison's binary store, its JSON
store and Kuzu on the same rows, every operation a fresh process timed whole.

  store_bench.py [--kuzu] [--sizes 2M,20M] [--reps 3] [--data DIR] [--json-max 20M]
  store_bench.py --smoke            # 2,000 edges in a temporary folder, seconds; checks answers

For each size N (edges), generate.py's STORE<N> workload (Neo4j CSV: nodes.csv with id:ID, name,
:LABEL; edges.csv with :START_ID, :END_ID, :TYPE, date:date) is imported by each tool, then:
open + count (cold: every database file fsynced and dropped from the page cache with
posix_fadvise(DONTNEED) first; warm: after an untimed run), point lookup by id and by name,
1-hop and 2-hop counts from a fixed person, a single-edge commit (liaison add-edge --no-compact /
Kuzu CREATE, left in its WAL) and compaction (liaison compact / Kuzu CHECKPOINT). Each process
is timed whole: wall, CPU and peak RSS from wait4's rusage (as /usr/bin/time -v reports them).
Tools run interleaved, median of --reps; the load average is recorded. Every answer is compared
across the tools (and the edge counts with the generated ones): a disagreement fails the run.
Raw results go to DIR/store-results.jsonl; the tables (medians, Kuzu/binary and JSON/binary
ratios, above 1: the binary store is faster) are printed as Markdown.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TOOLS = ("binary", "json", "kuzu")
OPS = ("startup", "import", "count_cold", "count_warm", "lookup_id", "lookup_name", "hop1", "hop2",
       "commit", "compact")
TITLES = {
    "startup": "process start, no database",
    "import": "import CSV → database",
    "count_cold": "open + count nodes, cold",
    "count_warm": "open + count nodes, warm",
    "lookup_id": "point lookup by id",
    "lookup_name": "point lookup by name",
    "hop1": "1-hop count",
    "hop2": "2-hop count (distinct)",
    "commit": "commit one edge",
    "compact": "compaction",
}
# The same questions in both languages; liaison's answers come back as [{"value": …}].
CYPHER = {
    "count": "MATCH (n) RETURN count(n) AS value",
    "edges": "MATCH ()-[r]->() RETURN count(r) AS value",
    "lookup_id": "MATCH (n {{id: '{0}'}}) RETURN n.name AS value",
    "lookup_name": "MATCH (n {{name: '{0}'}}) RETURN n.id AS value",
    "hop1": "MATCH (a {{id: '{0}'}})-[]-(b) RETURN count(*) AS value",
    "hop2": "MATCH (a {{id: '{0}'}})-[]-()-[]-(c) WHERE c <> a RETURN count(DISTINCT c) AS value",
}


class Failure(Exception):
    pass


def size_edges(text):
    scale = {"K": 1_000, "M": 1_000_000}.get(text[-1:].upper())
    if not scale or not text[:-1].isdigit():
        raise argparse.ArgumentTypeError(f"'{text}': expected a number and K or M, as 2M")
    return int(text[:-1]) * scale


def timed(cmd, env, timeout):
    """Runs cmd as a fresh process; returns (wall s, CPU s, peak RSS bytes, stdout)."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err, env=env)
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        out = proc.stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        proc.stdout.close()
        if proc.returncode != 0:
            err.seek(0)
            what = "timed out" if wall >= timeout else f"exit {proc.returncode}"
            raise Failure(f"{' '.join(cmd)}: {what}\n{err.read().decode(errors='replace')[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024, out.decode()


def drop_cache(paths):
    """Evicts the files from the page cache (no root needed): dirty pages are written first,
    since DONTNEED leaves those in memory."""
    for p in paths:
        if os.path.isfile(p):
            fd = os.open(p, os.O_RDONLY)
            try:
                os.fsync(fd)
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


class Tool:
    """One store under test: the command of each operation and its database files."""

    def __init__(self, name, db, args, env):
        self.name, self.db, self.args, self.env = name, db, args, env

    def files(self):
        extra = (".wal",) if self.name == "kuzu" else (".journal", ".lock")
        return [self.db] + [self.db + e for e in extra]

    def remove(self):
        for p in self.files():
            if os.path.isdir(p):
                shutil.rmtree(p)
            elif os.path.exists(p):
                os.remove(p)

    def command(self, op, w, rep):
        person, commit = w["starts"][0], w["commits"][rep % len(w["commits"])]
        day = f"2025-01-{rep % 28 + 1:02d}"
        arg = {"lookup_id": person, "lookup_name": f"Person {person[1:]}", "hop1": person,
               "hop2": person}.get(op)
        q = "count" if op.startswith("count") else op
        if self.name == "kuzu":
            base = ["node", os.path.join(HERE, "kuzu_bench.cjs"), "--store"]
            if op == "import":
                return base + ["import", self.db, w["nodes_csv"], w["edges_csv"]]
            if op == "startup":
                return base + ["startup"]
            if op == "commit":
                return base + ["create", self.db, commit[0], commit[1], day]
            if op == "compact":
                return base + ["checkpoint", self.db]
            return base + [q, self.db] + ([arg] if arg else [])
        liaison = self.args.liaison
        if op == "startup":
            return [liaison, "--version"]
        if op == "import":
            return [liaison, "import", w["nodes_csv"], w["edges_csv"], "-o", self.db]
        if op == "commit":
            return [liaison, "add-edge", self.db, commit[0], "KNOWS", commit[1], "--date", day,
                    "--no-source", "--no-compact"]
        if op == "compact":
            return [liaison, "compact", self.db]
        # No time or memory budget: the default 2 GiB is a guard for people, not for 20M edges.
        return [liaison, "query", self.db, CYPHER[q].format(arg), "--format", "json", "--timeout",
                "0", "--max-memory", "0"]

    def answer(self, op, out):
        """The value a query printed (None for import, commit and compaction)."""
        if op in ("startup", "import", "commit", "compact"):
            return None
        if self.name == "kuzu":
            return json.loads(out.strip().splitlines()[-1])["value"]
        rows = json.loads(out)
        return rows[0]["value"] if rows else None


class Bench:
    def __init__(self, args):
        self.args = args
        self.results = open(args.results, "a")
        self.errors = []

    def record(self, size, tool, op, rep, wall, cpu, rss, value):
        row = {"size": size, "tool": tool, "op": op, "rep": rep, "wall": wall, "cpu": cpu,
               "rss": rss, "value": value, "load": os.getloadavg()[0], "time": time.time()}
        self.results.write(json.dumps(row) + "\n")
        self.results.flush()
        return row

    def run_size(self, label, edges):
        a = self.args
        name = f"STORE{label}"
        meta_path = os.path.join(a.data, f"{name}.meta.json")
        if not os.path.exists(meta_path):
            subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), "--out", a.data,
                            "--only", name], check=True)
        with open(meta_path) as f:
            w = json.load(f)
        w["nodes_csv"] = os.path.join(a.data, name, "nodes.csv")
        w["edges_csv"] = os.path.join(a.data, name, "edges.csv")
        env = dict(os.environ)
        if a.kuzu_modules:
            env["NODE_PATH"] = a.kuzu_modules
        names = [t for t in a.tools if not (t == "json" and a.json_max and edges > a.json_max)]
        suffix = {"binary": ".liaison", "json": ".json", "kuzu": ".kuzu"}
        tools = [Tool(t, os.path.join(a.data, f"{name}-db{suffix[t]}"), a, env) for t in names]
        rows, answers, dead = [], {}, {}
        load_before = os.getloadavg()
        print(f"store_bench: {name}: {w['nodes']:,} nodes, {w['edges']:,} edges; tools "
              f"{', '.join(names)}; load {load_before[0]:.2f}", file=sys.stderr, flush=True)

        def run(tool, op, rep, timed_run=True):
            if tool.name in dead:
                return
            try:
                if op == "count_cold":
                    drop_cache(tool.files())
                cmd = tool.command(op, w, rep)
                if op == "import":
                    tool.remove()
                wall, cpu, rss, out = timed(cmd, tool.env, a.timeout)
                value = tool.answer(op, out)
            except (Failure, ValueError, KeyError, IndexError) as e:
                dead[tool.name] = f"{op}: {e}"
                self.errors.append(f"{name} {tool.name} {op}: {e}")
                print(f"store_bench: {tool.name} failed at {op}: {e}", file=sys.stderr)
                return
            if timed_run:
                rows.append(self.record(label, tool.name, op, rep, wall, cpu, rss, value))
                print(f"  {tool.name:6} {op:11} {wall:8.3f} s  {rss / 1e6:8.0f} MB  "
                      f"{value if value is not None else ''}", file=sys.stderr, flush=True)
            answers.setdefault(op, {})[tool.name] = value

        def rounds(op, warm_up=False):
            if warm_up:
                for tool in tools:
                    run(tool, op, 0, timed_run=False)
            for rep in range(a.reps):
                # Rotate the order so that no tool always runs right after another's writes.
                order = tools[rep % len(tools):] + tools[:rep % len(tools)]
                for tool in order:
                    run(tool, op, rep)

        def check(op, expected=None):
            got = {t: v for t, v in answers.get(op, {}).items() if t not in dead}
            values = set(json.dumps(v) for v in got.values())
            if expected is not None:
                values.add(json.dumps(expected))
            if len(values) > 1:
                self.errors.append(f"{name} {op}: answers differ: {got}"
                                   + (f", expected {expected}" if expected is not None else ""))

        rounds("startup", warm_up=True)
        rounds("import")
        for tool in tools:
            run(tool, "edges", 0, timed_run=False)
        check("edges", w["edges"])
        sizes = {t.name: os.path.getsize(t.db) for t in tools if os.path.isfile(t.db)}
        rounds("count_cold")
        check("count_cold", w["nodes"])
        for op in ("count_warm", "lookup_id", "lookup_name", "hop1", "hop2"):
            rounds(op, warm_up=True)
            check(op, w["nodes"] if op == "count_warm" else None)
        for rep in range(a.reps):
            for tool in tools:  # each commit is then folded in, so every rep starts compacted
                run(tool, "commit", rep)
                run(tool, "compact", rep)
        for tool in tools:
            run(tool, "edges", 0, timed_run=False)
        check("edges", w["edges"] + a.reps)
        load_after = os.getloadavg()
        for tool, why in dead.items():
            print(f"store_bench: {name}: {tool} stopped ({why.splitlines()[0]})", file=sys.stderr)
        return {"label": label, "meta": w, "rows": rows, "sizes": sizes, "dead": dead,
                "load": (load_before, load_after), "tools": names}

    def close(self):
        self.results.close()


def median(rows, tool, op, key):
    values = [r[key] for r in rows if r["tool"] == tool and r["op"] == op]
    return statistics.median(values) if values else None


def report(result, reps):
    rows, edges, tools = result["rows"], result["meta"]["edges"], result["tools"]
    b = lambda op, key: median(rows, "binary", op, key)
    out = [f"#### {result['label']} edges ({result['meta']['nodes']:,} nodes, {edges:,} edges); "
           f"median of {reps}; load average {result['load'][0][0]:.2f} before, "
           f"{result['load'][1][0]:.2f} after", ""]
    head = ["operation"] + [f"{t} wall s" for t in tools]
    head += [f"{t}/binary" for t in ("json", "kuzu") if t in tools and "binary" in tools]
    head += [f"{t} CPU s" for t in tools] + [f"{t} peak RSS MB (B/edge)" for t in tools]
    out.append("| " + " | ".join(head) + " |")
    out.append("|" + "---|" * len(head))
    for op in OPS:
        cells = [TITLES[op]]
        walls = {t: median(rows, t, op, "wall") for t in tools}
        cells += [f"{walls[t]:.3f}" if walls[t] is not None else "—" for t in tools]
        for t in ("json", "kuzu"):
            if t in tools and "binary" in tools:
                ok = walls[t] is not None and walls["binary"]
                cells.append(f"{walls[t] / walls['binary']:.2f}" if ok else "—")
        for t in tools:
            v = median(rows, t, op, "cpu")
            cells.append(f"{v:.3f}" if v is not None else "—")
        for t in tools:
            v = median(rows, t, op, "rss")
            cells.append(f"{v / 1e6:,.0f} ({v / edges:,.0f})" if v is not None else "—")
        out.append("| " + " | ".join(cells) + " |")
    if result["sizes"]:
        out.append("")
        out.append("Database size after import: " + ", ".join(
            f"{t} {s / 1e6:,.1f} MB ({s / edges:.0f} B/edge)" for t, s in result["sizes"].items()))
    for tool, why in result["dead"].items():
        out.append(f"\n{tool} stopped at {why.splitlines()[0]}")
    if "binary" in tools and b("import", "wall"):
        bars = [("open + count cold ≤ 0.5 s", b("count_cold", "wall"), 0.5, "s"),
                ("open + count warm ≤ 0.1 s", b("count_warm", "wall"), 0.1, "s"),
                ("commit one edge ≤ 0.25 s", b("commit", "wall"), 0.25, "s")]
        rss = b("count_warm", "rss")
        out.append("")
        for text, v, bar, unit in bars:
            if v is not None:
                out.append(f"- {text}: {v:.3f} {unit}, {'holds' if v <= bar else 'does not hold'}")
        if rss is not None:
            out.append(f"- count's peak RSS < 100 B/edge: {rss / edges:.0f} B/edge, "
                       f"{'holds' if rss / edges < 100 else 'does not hold'}")
        k = median(rows, "kuzu", "import", "wall")
        if k is not None:
            ratio = k / b("import", "wall")
            out.append(f"- import Kuzu/binary ≥ 1.0: {ratio:.2f}, "
                       f"{'holds' if ratio >= 1.0 else 'does not hold'}")
    return "\n".join(out)


def find_kuzu(args):
    """The node_modules folder holding kuzu: --kuzu-modules, else where bench/run.sh installs
    it (bench/node_modules), else where the peers/kuzu test does (BUILD/peer-cache)."""
    candidates = [args.kuzu_modules] if args.kuzu_modules else [
        os.path.join(HERE, "node_modules"),
        os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(args.liaison))),
                     "peer-cache", "node_modules")]
    for c in candidates:
        if c and os.path.isfile(os.path.join(c, "kuzu", "package.json")) and shutil.which("node"):
            return os.path.abspath(c)
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=os.path.join(HERE, "data"),
                    help="folder of the workloads and databases (default bench/data)")
    ap.add_argument("--liaison", default=os.path.join(ROOT, "build/tools/liaison/liaison"))
    ap.add_argument("--sizes", default="2M", help="edge counts, comma-separated (2M,20M)")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--kuzu", action="store_true", help="include Kuzu (npm package kuzu)")
    ap.add_argument("--kuzu-modules", help="node_modules folder holding kuzu")
    ap.add_argument("--tools", help="a subset of binary,json,kuzu (default binary,json, "
                    "and kuzu with --kuzu)")
    ap.add_argument("--json-max", type=size_edges,
                    help="skip the JSON store above this many edges (e.g. 2M)")
    ap.add_argument("--timeout", type=float, default=3600, help="seconds per process")
    ap.add_argument("--results", help="raw results (default DATA/store-results.jsonl)")
    ap.add_argument("--smoke", action="store_true",
                    help="2,000 edges in a temporary folder, one rep, Kuzu when installed")
    a = ap.parse_args()
    if not os.access(a.liaison, os.X_OK):
        sys.exit(f"store_bench: {a.liaison}: no liaison binary there (--liaison PATH)")
    chosen = a.tools.split(",") if a.tools else None
    if chosen and not set(chosen) <= set(TOOLS):
        sys.exit(f"store_bench: --tools {a.tools}: expected some of {','.join(TOOLS)}")
    a.kuzu = a.kuzu or bool(chosen and "kuzu" in chosen)
    a.tools = ["binary", "json"]
    temp = None
    if a.smoke:
        temp = tempfile.mkdtemp(prefix="liaison-store-bench-")
        a.data, a.sizes, a.reps = temp, "2K", 1
    kuzu = find_kuzu(a)
    if a.kuzu and not kuzu:
        sys.exit("store_bench: --kuzu: no kuzu package found (bench/run.sh installs it into "
                 "bench/node_modules; or pass --kuzu-modules DIR)")
    if kuzu and (a.kuzu or a.smoke):
        a.tools.append("kuzu")
        a.kuzu_modules = kuzu
    elif a.smoke:
        print("store_bench: Kuzu not installed, smoke run without it", file=sys.stderr)
    if chosen:
        a.tools = [t for t in a.tools if t in chosen]
    os.makedirs(a.data, exist_ok=True)
    a.results = a.results or os.path.join(a.data, "store-results.jsonl")
    bench = Bench(a)
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    print(f"{time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC, {os.cpu_count()} cores, "
          f"{mem:.0f} GiB: store_bench.py {' '.join(sys.argv[1:])}\n")
    try:
        sizes = [(s.strip(), size_edges(s.strip())) for s in a.sizes.split(",")]
        for label, edges in sizes:
            result = bench.run_size(label, edges)
            print(report(result, a.reps))
            print()
    finally:
        bench.close()
        if temp:
            shutil.rmtree(temp)
    if a.kuzu_modules:
        with open(os.path.join(a.kuzu_modules, "kuzu", "package.json")) as f:
            print(f"Kuzu {json.load(f)['version']} (npm), node {subprocess.run(['node', '--version'], capture_output=True, text=True).stdout.strip()}")
    if bench.errors:
        print("FAIL:\n" + "\n".join(bench.errors))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
