#!/usr/bin/env python3
"""The public headers (include/liaison) as an installed package sees them.

Checks that each header includes only standard headers and other public headers (never lib/'s
internal ones or a dependency's), that its namespaces are liaison or liaison::AREA (no detail
namespaces in the installed tree), and that the umbrella liaison/liaison.hpp reaches every
header. That each header compiles alone is the build's job (target liaison_header_check).
"""
import argparse
import os
import re
import subprocess
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
NAMESPACE = re.compile(r"^\s*namespace\s+([A-Za-z_][\w:]*)\s*\{")
STRINGS = re.compile(r'"(\\.|[^"\\])*"|\'(\\.|[^\'\\])*\'')


def code(line):
    """A line without its comment and literals, for counting braces."""
    return STRINGS.sub("", line).split("//")[0]


AREAS = {"analysis", "query", "render", "report", "extract", "store"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--include", required=True)
    ap.add_argument("--compiler", required=True)
    args = ap.parse_args()
    root = os.path.join(args.include, "liaison")
    headers = sorted(os.path.relpath(os.path.join(d, f), args.include)
                     for d, _, files in os.walk(root) for f in files)
    failures = []
    for header in headers:
        if not header.endswith(".hpp"):
            failures.append(f"{header}: not a .hpp file in the installed tree")
            continue
        path = os.path.join(args.include, header)
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
        if not lines or lines[0].strip() != "#pragma once":
            failures.append(f"{header}:1: expected #pragma once as the first line")
        stack, depth, braces = [], [], 0  # open namespaces, the brace depth each opened at
        for number, line in enumerate(lines, 1):
            m = INCLUDE.match(line)
            if m:
                kind, name = m.groups()
                if kind == '"' and not (name.startswith("liaison/")
                                        and os.path.isfile(os.path.join(args.include, name))):
                    failures.append(f"{header}:{number}: includes \"{name}\", not a public header")
                if kind == "<" and ("/" in name or "." in name):
                    failures.append(f"{header}:{number}: includes <{name}>, not a standard "
                                    "header (a dependency's types must not reach the API)")
            m = NAMESPACE.match(line)
            if m:
                # The namespace as opened inside the enclosing ones.
                full = "::".join(stack + [m.group(1)]).split("::")
                if (full[0] != "liaison" or (len(full) > 1 and full[1] not in AREAS)
                        or "detail" in full or "internal" in full):
                    failures.append(f"{header}:{number}: namespace {'::'.join(full)}: expected "
                                    f"liaison or liaison::AREA ({', '.join(sorted(AREAS))})")
                stack.append(m.group(1))
                depth.append(braces)
            braces += code(line).count("{") - code(line).count("}")
            while depth and braces <= depth[-1]:
                stack.pop()
                depth.pop()
    # Every header is reachable from the umbrella.
    deps = subprocess.run([args.compiler, "-std=c++20", "-I", args.include, "-MM", "-x", "c++",
                           os.path.join(root, "liaison.hpp")],
                          capture_output=True, text=True)
    if deps.returncode != 0:
        failures.append("liaison/liaison.hpp does not preprocess:\n" + deps.stderr)
    else:
        reached = {os.path.relpath(os.path.realpath(p), os.path.realpath(args.include))
                   for p in deps.stdout.replace("\\\n", " ").split()[1:]}
        for header in headers:
            if header not in reached:
                failures.append(f"{header}: not included by liaison/liaison.hpp (add it to its "
                                "area header)")
    for f in failures:
        print("FAIL:", f)
    print(f"headers: {len(headers)} public headers, {len(failures)} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
