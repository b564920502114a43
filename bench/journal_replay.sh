#!/bin/bash
# Journal replay (issue 16): every command on a .liaison database replays FILE.journal, which
# grows to max(4 MiB, base/64) before it is folded. This builds a STORE database by import,
# grows its journal with single-edge add_edge records (the first written by `liaison add-edge
# --no-compact`, the rest framed as that command frames them, which takes seconds instead of
# thousands of processes) to each size, and times whole commands at each size.
#   bench/journal_replay.sh [EDGES=200K] [SIZES_KIB="1024 2048 4096"] [WORK=bench/data/journal]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
liaison=${LIAISON:-$here/../build/tools/liaison/liaison}
edges=${1:-200K}
sizes=${2:-1024 2048 4096}
work=${3:-$here/data/journal}
name=STORE$edges
mkdir -p "$work"
[ -f "$work/$name.meta.json" ] || /usr/bin/python3 "$here/generate.py" --out "$work" --only "$name"
db=$work/$name.liaison
rm -f "$db" "$db.journal"
"$liaison" import "$work/$name/nodes.csv" "$work/$name/edges.csv" -o "$db" >/dev/null
"$liaison" add-edge "$db" p1 KNOWS p2 --no-source --date 2024-05-01 --no-compact >/dev/null
# Wall seconds of one whole process; "FAILED" (and its stderr) when it does not succeed.
secs() {
    if /usr/bin/time -f %e -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt"; then
        cat "$work/time.txt"
    else
        cat "$work/stderr.txt" >&2
        echo FAILED
    fi
}
persons=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["store"]["persons"])' "$work/$name.meta.json")
for kib in $sizes; do
    /usr/bin/python3 - "$db.journal" "$((kib * 1024))" "$persons" <<'PY'
import re, sys, zlib
path, target, persons = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
data = open(path, "rb").read()
last = data.rstrip(b"\n").split(b"\n")[-1]
payload = last.split(b" ", 3)[3]
out = bytearray()
i = len(data)
while len(data) + len(out) < target:
    # Endpoints vary so the records name many nodes, as a stream of real commits would.
    p = re.sub(rb'"source":"p\d+"', b'"source":"p%d"' % (i % persons), payload)
    p = re.sub(rb'"target":"p\d+"', b'"target":"p%d"' % ((i * 7919) % persons), p)
    out += b"LJ1 %d %08x %s\n" % (len(p), zlib.crc32(p), p)
    i += 1
open(path, "ab").write(out)
PY
    bytes=$(stat -c %s "$db.journal")
    records=$(grep -c '^LJ1 ' "$db.journal")
    "$liaison" stats "$db" >/dev/null  # warm the page cache
    echo "journal $bytes bytes, $records records:" \
        "stats $(secs "$liaison" stats "$db") s," \
        "count $(secs "$liaison" query "$db" "MATCH (n) RETURN count(n)") s," \
        "add-edge $(secs "$liaison" add-edge "$db" p3 KNOWS p4 --no-source --no-compact) s"
done
