#!/usr/bin/env python3
"""The installed package as a user of it sees it (issue 19 items 2 and 3).

`cmake --install` into a temporary prefix; the installed tree holds the CLI, the headers of
include/liaison only, libliaison.so (versioned SONAME) and libliaison.a, the CMake package and
liaison.pc. examples/ is then configured as a separate CMake project against that prefix,
built with the shared library and again with the static one, and run on the seed network; one
example is also built by hand with `pkg-config --cflags --libs liaison` (and --static). Outputs
are checked against the CLI (query) and NetworkX (betweenness, tolerance 1e-6).
"""
import argparse
import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what)
    return ok


def run(cmd, **kw):
    """Runs a command; returns its stdout, or None (a failure) when it exits non-zero."""
    p = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if p.returncode != 0:
        check(False, f"{' '.join(cmd)} exited {p.returncode}:\n{p.stdout[-3000:]}{p.stderr[-3000:]}")
        return None
    return p.stdout


def installed_tree(prefix, source):
    files = {os.path.relpath(os.path.join(d, f), prefix)
             for d, _, fs in os.walk(prefix) for f in fs}
    for f in ["bin/liaison", "share/man/man1/liaison.1", "lib/libliaison.a",
              "lib/cmake/liaison/liaisonConfig.cmake",
              "lib/cmake/liaison/liaisonConfigVersion.cmake",
              "lib/cmake/liaison/liaisonTargets.cmake", "lib/pkgconfig/liaison.pc",
              "include/liaison/liaison.hpp", "include/liaison/query/query.hpp"]:
        check(f in files, f"{f} not installed")
    headers = sorted(f for f in files if f.startswith("include/"))
    public = sorted("include/" + os.path.relpath(os.path.join(d, f), os.path.join(source, "include"))
                    for d, _, fs in os.walk(os.path.join(source, "include", "liaison")) for f in fs)
    check(headers == public, "installed headers differ from include/liaison: "
          f"extra {sorted(set(headers) - set(public))}, missing {sorted(set(public) - set(headers))}")
    libs = sorted(f for f in files if re.match(r"lib/libliaison\.so", f))
    real = [f for f in libs if not os.path.islink(os.path.join(prefix, f))]
    check(len(real) == 1 and re.fullmatch(r"lib/libliaison\.so\.\d+\.\d+\.\d+", real[0] or ""),
          f"expected one libliaison.so.X.Y.Z, found {libs}")
    if real:
        dyn = run(["objdump", "-p", os.path.join(prefix, real[0])]) or ""
        soname = re.search(r"SONAME\s+(\S+)", dyn)
        check(soname and re.fullmatch(r"libliaison\.so\.\d+\.\d+", soname.group(1)),
              f"SONAME of {real[0]}: {soname.group(1) if soname else 'none'}")
        if soname:
            check(f"lib/{soname.group(1)}" in files, f"no link lib/{soname.group(1)}")
        check("lib/libliaison.so" in files, "no lib/libliaison.so link for the linker")
    # Nothing of the build tree leaks into the exported interface.
    for name in ["liaisonTargets.cmake", "liaisonConfig.cmake"]:
        text = open(os.path.join(prefix, "lib/cmake/liaison", name), encoding="utf-8").read()
        check(source not in text, f"{name} names the source directory")
        for dirs in re.findall(r'INTERFACE_INCLUDE_DIRECTORIES "([^"]*)"', text):
            check(dirs == "${_IMPORT_PREFIX}/include",
                  f"{name}: include directories {dirs}, expected the prefix's include/ only")
    pc = open(os.path.join(prefix, "lib/pkgconfig/liaison.pc"), encoding="utf-8").read()
    check(source not in pc, "liaison.pc names the source directory")


def expected_betweenness(graph_file):
    """Betweenness of the actors' projection (persons, agencies, organisations, every relation
    type, undirected, unweighted), by NetworkX, normalized."""
    import networkx as nx
    g = json.load(open(graph_file, encoding="utf-8"))["graph"]
    keep = {"Person", "Agency", "Organization"}
    h = nx.Graph()
    h.add_nodes_from(k for k, v in g["nodes"].items() if keep & set(v["metadata"].get("labels", [])))
    for e in g["edges"]:
        if e["source"] in h and e["target"] in h:
            h.add_edge(e["source"], e["target"])
    return nx.betweenness_centrality(h, normalized=True)


def check_examples(bin_dir, args, env, label):
    graph = os.path.join(args.source, "graphs", "morocco-interpol.json")
    work = tempfile.mkdtemp(prefix="liaison_examples_run_")
    db = os.path.join(work, "net.json")
    shutil.copy(graph, db)
    # query_database: the same rows as the CLI's query.
    out = run([os.path.join(bin_dir, "query_database"), db, "Hammouchi"], env=env)
    query = ("MATCH (p:Person)-[:MET_WITH]-(x:Person) WHERE liaison.named(p, $name) "
             "RETURN DISTINCT x.name AS met ORDER BY met")
    cli = run([args.liaison, "query", db, query, "--param", "name=Hammouchi", "--format", "csv"])
    if out is not None and cli is not None:
        got = out.splitlines()
        want = [row[0] for row in list(csv.reader(io.StringIO(cli)))[1:]]
        if check(len(got) >= 5 and got == want,
                 f"{label} query_database printed {got}, the CLI {want}"):
            print(f"{label}: query_database printed the CLI's {len(got)} rows")
    # rank_projection: the five highest scores, as NetworkX computes them.
    out = run([os.path.join(bin_dir, "rank_projection"), graph], env=env)
    if out is not None:
        lines = [l.split("\t") for l in out.splitlines()]
        try:
            expected = expected_betweenness(graph)
        except ImportError:
            expected = None
            print("note: python3-networkx missing, betweenness not compared")
        check(len(lines) == 5 and all(len(l) == 3 for l in lines),
              f"{label} rank_projection printed {out!r}")
        if expected and len(lines) == 5:
            top = sorted(expected.values(), reverse=True)[:5]
            same = [check(abs(float(score) - want) < 1e-6
                          and abs(expected.get(node, -1) - want) < 1e-6,
                          f"{label} rank_projection: {node} {score}, NetworkX "
                          f"{expected.get(node)} (rank score {want})")
                    for (score, node, _), want in zip(lines, top)]
            if all(same):
                print(f"{label}: rank_projection's top 5 are NetworkX's (within 1e-6)")
    # render_view: an SVG file and a sentence of what it shows.
    svg = os.path.join(work, "ego.svg")
    out = run([os.path.join(bin_dir, "render_view"), graph, "Hammouchi", svg], env=env)
    if out is not None:
        check("ego network" in out, f"{label} render_view printed {out!r}")
        text = open(svg, encoding="utf-8").read() if os.path.exists(svg) else ""
        if check("<svg" in text and "Hammouchi" in text,
                 f"{label} render_view wrote no SVG of the ego"):
            print(f"{label}: render_view wrote {len(text)} bytes of SVG")
    shutil.rmtree(work, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--liaison", required=True)
    args = ap.parse_args()
    args.source = os.path.realpath(args.source)
    top = tempfile.mkdtemp(prefix="liaison_package_")
    try:
        prefix = os.path.join(top, "prefix")
        if run(["cmake", "--install", args.build, "--prefix", prefix]) is None:
            return 1
        installed_tree(prefix, args.source)
        env = dict(os.environ, LC_ALL="C.UTF-8")
        # The examples as a separate project: the shared library, then the static one.
        for label, static in [("shared", "OFF"), ("static", "ON")]:
            build = os.path.join(top, "examples-" + label)
            ok = run(["cmake", "-S", os.path.join(args.source, "examples"), "-B", build,
                      "-G", "Ninja", f"-DCMAKE_PREFIX_PATH={prefix}",
                      f"-DLIAISON_EXAMPLES_STATIC={static}"]) is not None
            ok = ok and run(["cmake", "--build", build, "-j2"]) is not None
            if not ok:
                continue
            deps = run(["ldd", os.path.join(build, "rank_projection")]) or ""
            check(("libliaison.so" in deps) == (static == "OFF"),
                  f"{label} examples: libliaison.so {'not ' if static == 'OFF' else ''}linked")
            check_examples(build, args, env, label)
        # pkg-config by hand: shared, then libliaison.a with --static's private dependencies.
        pc_env = dict(env, PKG_CONFIG_PATH=os.path.join(prefix, "lib", "pkgconfig"))
        flags = run(["pkg-config", "--cflags", "--libs", "liaison"], env=pc_env)
        static_libs = run(["pkg-config", "--static", "--libs", "liaison"], env=pc_env)
        if flags is not None and static_libs is not None:
            check(f"-I{prefix}/include" in os.path.normpath(flags) or
                  os.path.join(prefix, "include") in [os.path.normpath(f[2:]) for f in
                                                      flags.split() if f.startswith("-I")],
                  f"pkg-config --cflags: {flags}")
            source = os.path.join(args.source, "examples", "rank_projection.cpp")
            obj = os.path.join(top, "rank_projection.o")
            cflags = run(["pkg-config", "--cflags", "liaison"], env=pc_env) or ""
            if run(["g++", "-std=c++20", "-c", source, "-o", obj] + cflags.split()) is not None:
                for label, libs in [("pkg-config", flags.split()),
                                    ("pkg-config --static",
                                     [("-l:libliaison.a" if f == "-lliaison" else f)
                                      for f in static_libs.split()])]:
                    exe = os.path.join(top, label.replace(" ", "_").replace("-", "_"))
                    linked = run(["g++", obj, "-o", exe] + libs) is not None
                    if linked:
                        deps = run(["ldd", exe]) or ""
                        check(("libliaison.so" in deps) == ("static" not in label),
                              f"{label}: libliaison.so linked or not as asked:\n{deps}")
                        run_env = dict(env, LD_LIBRARY_PATH=os.path.join(prefix, "lib"))
                        check_rank_only(exe, args, run_env, label)
    finally:
        shutil.rmtree(top, ignore_errors=True)
    print(f"install: {len(failures)} failures")
    return 1 if failures else 0


def check_rank_only(exe, args, env, label):
    graph = os.path.join(args.source, "graphs", "morocco-interpol.json")
    out = run([exe, graph], env=env)
    if out is not None and check(len(out.splitlines()) == 5,
                                 f"{label} rank_projection printed {out!r}"):
        print(f"{label}: rank_projection built by hand ran")


if __name__ == "__main__":
    sys.exit(main())
