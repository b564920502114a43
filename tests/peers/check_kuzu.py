#!/usr/bin/python3
"""Peer check: liaison's CSV export loads in Kuzu (npm package `kuzu`) with COPY FROM.

Usage: check_kuzu.py LIAISON_BINARY NETWORK.json CACHE_DIR
Installs `kuzu` with npm into CACHE_DIR (once), exports the network as CSV and loads it with
kuzu_load.js. Exit codes: 0 pass, 1 fail, 77 skipped (no node/npm, or kuzu cannot be installed).
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
KUZU_VERSION = "0.11.3"


def main():
    if len(sys.argv) != 4:
        print(__doc__)
        return 2
    liaison, network, cache = sys.argv[1:]
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        print("SKIP: node and npm are needed for the Kuzu check")
        return SKIP
    os.makedirs(cache, exist_ok=True)
    if not os.path.isdir(os.path.join(cache, "node_modules", "kuzu")):
        r = subprocess.run([npm, "install", "--no-audit", "--no-fund", "--prefix", cache,
                            f"kuzu@{KUZU_VERSION}"], capture_output=True, text=True, timeout=900)
        if r.returncode != 0:
            print("SKIP: could not install kuzu with npm:\n" + r.stderr[-2000:])
            return SKIP
    with open(network, encoding="utf-8") as f:
        g = json.load(f)["graph"]
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "csv")
        subprocess.run([liaison, "export", network, "-o", out, "--output-format", "csv"],
                       check=True, stdout=subprocess.DEVNULL)
        env = dict(os.environ, NODE_PATH=os.path.join(cache, "node_modules"))
        script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "kuzu_load.js")
        r = subprocess.run([node, script, out, str(len(g["nodes"])), str(len(g["edges"]))],
                           env=env, capture_output=True, text=True, timeout=300)
        print(r.stdout + r.stderr)
        return 0 if r.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
