#!/usr/bin/env python3
"""Runs every command of the README's ```sh blocks, as written, and fails when one exits non-zero.

The commands run in a temporary copy of what they read (graphs/, and articles/ filled with the
test articles of tests/data/extract), beside a shared/ whose seeds/ is the seed articles, with
`liaison` on PATH as this build's binary. A block whose first line is `# not tested: WHY` is
skipped (the README says so beside its blocks): installing packages, or needing a terminal.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

SKIP = re.compile(r"^#\s*not tested:\s*(.*)$")


def blocks(readme):
    """The ```sh blocks of the README, each as (line number, [lines])."""
    out, current, start = [], None, 0
    for number, line in enumerate(readme.splitlines(), 1):
        if current is None and line.strip() == "```sh":
            current, start = [], number + 1
        elif current is not None and line.strip() == "```":
            out.append((start, current))
            current = None
        elif current is not None:
            current.append(line)
    return out


def commands(lines, start):
    """Commands of a block with their line numbers, backslash continuations joined."""
    out, pending, first = [], "", start
    for offset, line in enumerate(lines):
        if not pending:
            first = start + offset
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1] + " "
            continue
        text = (pending + line).strip()
        pending = ""
        if text and not text.startswith("#"):
            out.append((first, text))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--liaison", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--seeds", required=True)
    args = ap.parse_args()
    readme = open(os.path.join(args.source, "README.md"), encoding="utf-8").read()
    found = blocks(readme)
    if not found:
        print("README.md has no ```sh block")
        return 1
    work = tempfile.mkdtemp(prefix="liaison_readme_")
    try:
        repo = os.path.join(work, "repo")
        shutil.copytree(os.path.join(args.source, "graphs"), os.path.join(repo, "graphs"))
        shutil.copytree(os.path.join(args.source, "tests", "data", "extract", "articles"),
                        os.path.join(repo, "articles"))
        os.makedirs(os.path.join(work, "shared"))
        os.symlink(os.path.abspath(args.seeds), os.path.join(work, "shared", "seeds"))
        bin_dir = os.path.join(work, "bin")
        os.makedirs(bin_dir)
        os.symlink(os.path.abspath(args.liaison), os.path.join(bin_dir, "liaison"))
        env = dict(os.environ, PATH=bin_dir + os.pathsep + os.environ.get("PATH", ""))
        passed = failed = skipped = 0
        for start, lines in found:
            first = next((l for l in lines if l.strip()), "")
            why = SKIP.match(first.strip())
            if why:
                print(f"README.md:{start}: block skipped ({why.group(1)})")
                skipped += 1
                continue
            for line, command in commands(lines, start):
                r = subprocess.run(["bash", "-c", command], cwd=repo, env=env,
                                   stdin=subprocess.DEVNULL, capture_output=True, text=True,
                                   timeout=300)
                if r.returncode == 0:
                    passed += 1
                    continue
                failed += 1
                print(f"README.md:{line}: exit {r.returncode}: {command}")
                print((r.stdout + r.stderr)[-2000:])
        print(f"{passed} passed, {failed} failed, {skipped} skipped")
        return 1 if failed else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
