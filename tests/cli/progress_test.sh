#!/bin/bash
# Progress bars (issue 17 item 9): drawn on a terminal, never in piped output.
# Usage: progress_test.sh LIAISON_BINARY SOURCE_DIR
set -u
liaison=$1
src=$2
net=$src/graphs/morocco-interpol.json
article=$(ls "$src"/tests/data/extract/articles/*.txt | head -1)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0

commands=(
    "export $net -o $dir/a.gexf"
    "import $net -o $dir/b.json"
    "render $net -o $dir/c.svg"
    "extract $article -o $dir/d.json"
    "rank $net --by pagerank"
    "communities $net"
    "report $net $net --out-dir $dir/reports"
)
# A bar line looks like "export [####----] 1/3 …"; the escape clearing it starts with \r.
bar='\[[#-]{24}\] [0-9]+/[0-9]+'

for c in "${commands[@]}"; do
    # Both streams piped: no progress text at all.
    out=$($liaison $c 2>&1 | cat)
    if grep -Eq "$bar" <<<"$out" || [[ $out == *$'\r'* ]]; then
        echo "FAIL: progress text in piped output of: liaison $c"
        fail=1
    fi
done

# On a terminal (script(1) runs the command on a pseudo-terminal) the bar is drawn.
if command -v script >/dev/null; then
    for c in "export $net -o $dir/e.gexf" "rank $net --by pagerank"; do
        out=$(TERM=xterm script -qec "$liaison $c" /dev/null </dev/null)
        if ! grep -Eq "$bar" <<<"$out"; then
            echo "FAIL: no progress bar on a terminal for: liaison $c"
            fail=1
        fi
    done
    # TERM=dumb: a terminal that cannot redraw a line gets none.
    out=$(TERM=dumb script -qec "$liaison export $net -o $dir/f.gexf" /dev/null </dev/null)
    if grep -Eq "$bar" <<<"$out"; then
        echo "FAIL: progress bar drawn with TERM=dumb"
        fail=1
    fi
else
    echo "note: script(1) missing; the terminal half is skipped"
fi

[[ $fail == 0 ]] && echo "progress: all checks passed"
exit $fail
