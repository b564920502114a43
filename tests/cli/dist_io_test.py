#!/usr/bin/env python3
"""`liaison project` and `liaison scores` (issue 20): the files around liaison-dist.

project: the Matrix Market file is read by SciPy (an independent reader) and its graph compared
with the network read straight from the native JSON by NetworkX (undirected; weights are the
number of parallel edges, exactly); the directed and filtered projections agree with
`liaison rank` on the same flags (vertex and edge counts, degrees); the files are replaced
atomically and bad -o values are refused.

scores: a results file made here from NetworkX's PageRank and components of that graph is shown
in the order of its column, stored through the store (one transaction, values back exactly,
components as integers), and bad files are refused with file:line:column, the database left as
it was.
"""
import argparse
import fcntl
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import networkx as nx
import scipy.io

ARGS = None


def liaison(*args, cwd=None):
    r = subprocess.run([ARGS.liaison, *args], cwd=cwd, capture_output=True, text=True, timeout=120)
    return r.returncode, r.stdout, r.stderr


def native(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)["graph"]


def read_mtx(path):
    """The header lines, and the SciPy matrix."""
    with open(path, encoding="utf-8") as f:
        header = []
        for line in f:
            if not line.startswith("%"):
                break
            header.append(line.rstrip("\n"))
    return header, scipy.io.mmread(path)


def slurp(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def read_ids(path):
    return slurp(path).split("\n")[:-1]


def rank_rows(db, *flags):
    """liaison rank's full table (id → row) and its header line, for the same flags."""
    code, out, err = liaison("rank", db, "--top", "0", "--format", "json", *flags)
    assert code == 0, err
    rows = {r["id"]: r for r in json.loads(out)}
    code, table, err = liaison("rank", db, "--top", "1", *flags)
    assert code == 0, err
    return rows, table.splitlines()[0]


class Project(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="liaison_dist_io_")
        self.db = os.path.join(self.dir, "g.json")
        shutil.copy(os.path.join(ARGS.source, "graphs", "morocco-interpol.json"), self.db)
        self.graph = native(self.db)

    def tearDown(self):
        shutil.rmtree(self.dir)

    def multigraph(self):
        g = nx.MultiGraph()
        g.add_nodes_from(self.graph["nodes"])
        for e in self.graph["edges"]:
            g.add_edge(e["source"], e["target"])
        return g

    def test_undirected_pattern_matches_networkx(self):
        out = os.path.join(self.dir, "g.mtx")
        code, text, err = liaison("project", self.db, "-o", out)
        self.assertEqual(code, 0, err)
        self.assertIn("pattern symmetric", text)
        header, m = read_mtx(out)
        self.assertEqual(header[0], "%%MatrixMarket matrix coordinate pattern symmetric")
        self.assertTrue(any("g.mtx.ids" in h for h in header), header)
        ids = read_ids(out + ".ids")
        want = nx.Graph(self.multigraph())
        self.assertEqual(sorted(ids), sorted(want.nodes))
        self.assertEqual(m.shape, (len(ids), len(ids)))
        got = nx.Graph()
        got.add_nodes_from(ids)
        m = m.tocoo()
        got.add_edges_from((ids[i], ids[j]) for i, j in zip(m.row, m.col))
        self.assertEqual({frozenset(e) for e in got.edges}, {frozenset(e) for e in want.edges})
        # Each edge once, in the lower triangle (SciPy mirrors it when reading).
        with open(out, encoding="utf-8") as f:
            lines = [l.split() for l in f if not l.startswith("%")]
        self.assertEqual(int(lines[0][2]), want.number_of_edges())
        self.assertEqual(len(lines) - 1, want.number_of_edges())
        self.assertTrue(all(int(r) >= int(c) for r, c in lines[1:]))

    def test_weighted_counts_parallel_edges(self):
        out = os.path.join(self.dir, "w.mtx")
        code, _, err = liaison("project", self.db, "--weighted", "-o", out)
        self.assertEqual(code, 0, err)
        header, m = read_mtx(out)
        self.assertEqual(header[0], "%%MatrixMarket matrix coordinate real symmetric")
        ids = read_ids(out + ".ids")
        mg = self.multigraph()
        m = m.tocoo()
        seen = 0
        for i, j, w in zip(m.row, m.col, m.data):
            if i < j:
                continue
            seen += 1
            self.assertEqual(w, mg.number_of_edges(ids[i], ids[j]), (ids[i], ids[j]))
        self.assertEqual(seen, nx.Graph(mg).number_of_edges())
        # --weight count is the same projection.
        code, _, err = liaison("project", self.db, "--weight", "count", "-o",
                               os.path.join(self.dir, "c.mtx"))
        self.assertEqual(code, 0, err)
        with open(out, encoding="utf-8") as a, open(os.path.join(self.dir, "c.mtx"),
                                                    encoding="utf-8") as b:
            strip = lambda f: [l for l in f if not l.startswith("% vertices")]
            self.assertEqual(strip(a), strip(b))

    def test_directed_and_filtered_agree_with_rank(self):
        cases = [
            ["--directed"],
            ["--types", "MET_WITH,DISCUSSED"],
            ["--from", "2025", "--to", "2025-12"],
            ["--labels", "Person,Organization", "--directed"],
        ]
        for flags in cases:
            with self.subTest(flags=flags):
                out = os.path.join(self.dir, "f.mtx")
                code, text, err = liaison("project", self.db, *flags, "-o", out, "--format",
                                          "json")
                self.assertEqual(code, 0, err)
                summary = json.loads(text)
                directed = "--directed" in flags
                rank_flags = [f if f != "--directed" else "--direction=directed" for f in flags]
                rows, title = rank_rows(self.db, "--by", "degree", "--mode", "out", *rank_flags)
                # "… (N nodes, M edges in the projection)"
                counts = title.rsplit("(", 1)[1].split()
                self.assertEqual(summary["vertices"], int(counts[0]))
                self.assertEqual(summary["edges"], int(counts[2]))
                self.assertEqual(summary["symmetry"], "general" if directed else "symmetric")
                header, m = read_mtx(out)
                self.assertIn("general" if directed else "symmetric", header[0])
                ids = read_ids(out + ".ids")
                self.assertEqual(len(ids), summary["vertices"])
                self.assertEqual(sorted(ids), sorted(rows))
                m = m.tocsr()
                m.data[:] = 1  # pattern entries, counted as neighbours
                degree = m.sum(axis=1).A1
                for v, name in enumerate(ids):
                    self.assertEqual(degree[v], rows[name]["degree"], name)

    def test_atomic_replace_and_refusals(self):
        out = os.path.join(self.dir, "g.mtx")
        with open(out, "w", encoding="utf-8") as f:
            f.write("old\n")
        os.chmod(out, 0o640)
        self.assertEqual(liaison("project", self.db, "-o", out)[0], 0)
        self.assertEqual(os.stat(out).st_mode & 0o777, 0o640)
        self.assertTrue(slurp(out).startswith("%%MatrixMarket"))
        self.assertEqual(sorted(os.listdir(self.dir)), ["g.json", "g.mtx", "g.mtx.ids"])
        code, _, err = liaison("project", self.db, "-o", "-")
        self.assertEqual(code, 2)
        self.assertIn("name a .mtx file", err)
        code, _, err = liaison("project", self.db, "-o", os.path.join(self.dir, "g.txt"))
        self.assertEqual(code, 2)
        self.assertIn("NAME.mtx", err)
        # A bad flag value fails before anything is written; the old pair stays.
        before = slurp(out)
        code, _, err = liaison("project", self.db, "--types", "NO_SUCH_TYPE", "-o", out)
        self.assertEqual(code, 1)
        self.assertIn("NO_SUCH_TYPE", err)
        self.assertEqual(slurp(out), before)
        self.assertEqual(sorted(os.listdir(self.dir)), ["g.json", "g.mtx", "g.mtx.ids"])


class Scores(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="liaison_dist_io_")
        self.db = os.path.join(self.dir, "g.json")
        shutil.copy(os.path.join(ARGS.source, "graphs", "morocco-interpol.json"), self.db)
        mtx = os.path.join(self.dir, "g.mtx")
        code, _, err = liaison("project", self.db, "-o", mtx)
        assert code == 0, err
        self.ids = read_ids(mtx + ".ids")
        g = nx.from_scipy_sparse_array(scipy.io.mmread(mtx).tocsr())
        g = nx.relabel_nodes(g, dict(enumerate(self.ids)))
        self.pagerank = nx.pagerank(g, alpha=0.85, tol=1e-12)
        self.component = {}
        for c, members in enumerate(sorted(nx.connected_components(g), key=min)):
            for v in members:
                self.component[v] = c
        self.results = self.write("r.tsv", self.rows())

    def tearDown(self):
        shutil.rmtree(self.dir)

    def rows(self):
        lines = ["id\tpagerank\tcomponents"]
        for v in self.ids:
            lines.append(f"{v}\t{self.pagerank[v]:.17g}\t{self.component[v]}")
        return lines

    def write(self, name, lines, end="\n"):
        path = os.path.join(self.dir, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + end)
        return path

    def test_printed_like_rank(self):
        code, out, err = liaison("scores", self.db, self.results, "--by", "pagerank", "--top", "0",
                                 "--format", "json")
        self.assertEqual(code, 0, err)
        rows = json.loads(out)
        want = sorted(self.ids, key=lambda v: (-self.pagerank[v], v))
        self.assertEqual([r["id"] for r in rows], want)
        self.assertEqual([r["rank"] for r in rows], list(range(1, len(want) + 1)))
        for r in rows:
            self.assertEqual(r["pagerank"], self.pagerank[r["id"]])  # 17 digits: exact
            self.assertEqual(r["components"], self.component[r["id"]])
            self.assertIn("en", r["name"])
        code, out, err = liaison("scores", self.db, self.results, "--top", "3")
        self.assertEqual(code, 0, err)
        self.assertIn("by pagerank", out.splitlines()[0])
        self.assertEqual(len([l for l in out.splitlines() if l[:1].isdigit()]), 3)
        code, out, err = liaison("scores", self.db, self.results, "--columns", "components",
                                 "--format", "csv", "--top", "2")
        self.assertEqual(code, 0, err)
        self.assertEqual(out.splitlines()[0], "rank,id,name,components")

    def test_write_stores_in_one_transaction(self):
        code, _, err = liaison("scores", self.db, self.results, "--write", "--no-compact")
        self.assertEqual(code, 0, err)
        self.assertIn("dist_pagerank, dist_components", err)
        self.assertTrue(os.path.exists(self.db + ".journal"))
        with open(self.db + ".journal", encoding="utf-8") as f:
            commits = [l for l in f if '"commit"' in l]
        self.assertLessEqual(len(commits), 1)
        self.assertEqual(liaison("compact", self.db)[0], 0)
        nodes = native(self.db)["nodes"]
        for v in self.ids:
            props = nodes[v]["metadata"]["properties"]
            self.assertEqual(props["dist_pagerank"], self.pagerank[v], v)
            self.assertIsInstance(props["dist_components"], int)
            self.assertEqual(props["dist_components"], self.component[v])
        # Again with another prefix, and a non-finite value that removes an earlier value.
        lines = self.rows()
        first = self.ids[0]
        lines[1] = f"{first}\tnan\t0"
        path = self.write("r2.tsv", lines)
        code, _, err = liaison("scores", self.db, path, "--write", "--columns", "pagerank")
        self.assertEqual(code, 0, err)
        props = native(self.db)["nodes"][first]["metadata"]["properties"]
        self.assertNotIn("dist_pagerank", props)
        code, _, err = liaison("scores", self.db, self.results, "--write", "--prefix", "mpi_")
        self.assertEqual(code, 0, err)
        props = native(self.db)["nodes"][first]["metadata"]["properties"]
        self.assertEqual(props["mpi_pagerank"], self.pagerank[first])

    def test_write_waits_for_the_writer_lock(self):
        with open(self.db, "rb") as f:
            before = f.read()
        with open(self.db + ".lock", "a") as lock:  # held as another writer holds it
            fcntl.flock(lock, fcntl.LOCK_EX)
            code, _, err = liaison("scores", self.db, self.results, "--write")
            self.assertEqual(code, 1, err)
            self.assertIn("--wait SECONDS", err)
            with open(self.db, "rb") as f:
                self.assertEqual(f.read(), before)
        code, _, err = liaison("scores", self.db, self.results, "--write", "--wait", "10")
        self.assertEqual(code, 0, err)

    def test_bad_files_name_line_and_column(self):
        with open(self.db, "rb") as f:
            before = f.read()
        rows = self.rows()
        cases = [
            ("empty.tsv", [], "empty.tsv:1:1: the file is empty"),
            ("header.tsv", ["vertex\tpagerank"] + rows[1:], "header.tsv:1:1: expected a header"),
            ("nocols.tsv", ["id"] + [v for v in self.ids], "nocols.tsv:1:3: expected at least"),
            ("dupcol.tsv", ["id\tpagerank\tpagerank"], "dupcol.tsv:1:13: column 'pagerank' appears twice"),
            ("unknown.tsv", rows[:3] + ["nobody-at-all\t0.5\t1"] + rows[3:],
             "unknown.tsv:4:1: node 'nobody-at-all' is not in"),
            ("number.tsv", rows[:2] + [f"{self.ids[1]}\t0.5x\t1"],
             f"number.tsv:3:{len(self.ids[1]) + 2}: expected a number for pagerank, found '0.5x'"),
            ("short.tsv", rows[:2] + [f"{self.ids[1]}\t0.5"],
             f"short.tsv:3:{len(self.ids[1]) + 5}: expected 3 fields"),
            ("long.tsv", rows[:2] + [f"{self.ids[1]}\t0.5\t1\t2"],
             f"long.tsv:3:{len(self.ids[1]) + 8}: expected 3 fields"),
            ("twice.tsv", rows + [rows[2]], f"twice.tsv:{len(rows) + 1}:1: node '{self.ids[1]}' again (first on line 3)"),
            ("blank.tsv", rows[:2] + [""] + rows[2:], "blank.tsv:3:1: expected `id<TAB>value…`"),
        ]
        for name, lines, message in cases:
            with self.subTest(name=name):
                path = self.write(name, lines, end="\n" if lines else "")
                code, _, err = liaison("scores", self.db, path, "--write")
                self.assertEqual(code, 1, err)
                self.assertIn(message, err)
                with open(self.db, "rb") as f:
                    self.assertEqual(f.read(), before)
                self.assertFalse(os.path.exists(self.db + ".journal"))
        code, _, err = liaison("scores", self.db, self.results, "--by", "betweenness")
        self.assertEqual(code, 1)
        self.assertIn("--by betweenness: ", err)
        self.assertIn("has no such column (it has pagerank, components)", err)


def main():
    global ARGS
    ap = argparse.ArgumentParser()
    ap.add_argument("--liaison", required=True)
    ap.add_argument("--source", required=True)
    ARGS, rest = ap.parse_known_args()
    unittest.main(argv=[sys.argv[0], *rest], verbosity=2)


if __name__ == "__main__":
    main()
