#!/usr/bin/python3
"""End-to-end test of `liaison render -o FILE.html` in headless Chromium.

Renders a network to HTML, opens it, types a name into the search box, clicks a meeting edge,
checks the details panel quotes its source, and saves a screenshot. Chromium is driven over the
DevTools protocol through --remote-debugging-pipe (no extra Python packages). Exits 77 (ctest's
"skipped") when chromium is not installed.
"""
import argparse
import base64
import os
import subprocess
import sys
import tempfile

from devtools import SKIP, DevTools, find_chromium

# Finds a point on a MET_WITH edge that is not covered by anything else, in window coordinates.
FIND_MEETING = r"""
(() => {
  const d = window.liaisonViewer.data;
  for (const e of d.edges) {
    if (e.type !== 'MET_WITH') continue;
    const tie = e.ties.find((t) => t.sources.length);
    if (!tie) continue;
    const g = document.getElementById(e.element);
    const path = g && g.querySelector('path');
    if (!path) continue;
    const len = path.getTotalLength(), m = path.getScreenCTM();
    for (let k = 1; k < 20; k++) {
      const p = path.getPointAtLength(len * k / 20);
      const x = p.x * m.a + p.y * m.c + m.e, y = p.x * m.b + p.y * m.d + m.f;
      const hit = document.elementFromPoint(x, y);
      if (hit && hit.closest('g.edge') === g)
        return {x: x, y: y, element: e.element, quote: tie.sources[0].quote};
    }
  }
  return null;
})()
"""

# Where the single search match ended up, relative to the canvas.
FOCUSED = r"""
(() => {
  const v = window.liaisonViewer, n = v.data.nodes.find((x) => /Hammouchi/.test(x.en));
  const r = document.getElementById(n.element).getBoundingClientRect();
  const c = document.getElementById('canvas').getBoundingClientRect();
  const x = (r.left + r.right) / 2, y = (r.top + r.bottom) / 2;
  return {zoomed: v.view().w < v.home.w * 0.9,
          centred: Math.abs(x - (c.left + c.right) / 2) < c.width / 4 &&
                   Math.abs(y - (c.top + c.bottom) / 2) < c.height / 4};
})()
"""

# Drags the latest-date slider to the earliest date and counts the lines left.
SLIDERS = r"""
(() => {
  const from = document.getElementById('filter-from'), to = document.getElementById('filter-to');
  const days = (d) => Math.floor(Date.parse(d.length === 4 ? d + '-01-01' : d.length === 7 ? d + '-01' : d) / 864e5);
  const v = window.liaisonViewer.data;
  const firsts = v.nodes.map((n) => n.first).concat(v.edges.flatMap((e) => e.ties.map((t) => t.first)))
    .filter(Boolean).map(days);
  const first = new Date(Math.min(...firsts) * 864e5).toISOString().slice(0, 10);
  const shown = () => document.querySelectorAll('g.edge:not(.hidden)').length;
  const all = shown(), label = document.getElementById('filter-dates').textContent;
  to.value = from.min; to.dispatchEvent(new Event('input'));
  const narrowed = shown();
  return {types: [from.type, to.type], first: first, label: label, all: all, narrowed: narrowed,
          crossed: +from.value > +to.value};
})()
"""
RESET_SLIDERS = r"""
(() => {
  const from = document.getElementById('filter-from'), to = document.getElementById('filter-to');
  from.value = from.min; to.value = to.max; to.dispatchEvent(new Event('input'));
})()
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--liaison", required=True)
    ap.add_argument("--graph", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    chromium = find_chromium()
    if not chromium:
        print("render/browser: SKIPPED, chromium is not installed "
              "(scripts/install-deps.sh --test installs it)")
        return SKIP
    os.makedirs(args.out, exist_ok=True)
    html = os.path.join(args.out, "viewer.html")
    subprocess.run([args.liaison, "render", args.graph, "-o", html], check=True,
                   stdout=subprocess.DEVNULL)

    with tempfile.TemporaryDirectory() as profile:
        dt = DevTools(chromium, profile)
        try:
            dt.attach()
            dt.load(html)
            assert dt.evaluate("typeof window.liaisonViewer") == "object", "viewer did not start"

            # Search by an Arabic name: the entity is found and its details shown.
            dt.evaluate("document.getElementById('search').focus()")
            dt.send("Input.insertText", {"text": "حموشي"})
            found = dt.evaluate("document.getElementById('results').textContent")
            assert "Abdellatif Hammouchi" in found, f"search found: {found!r}"
            shown = dt.evaluate("document.getElementById('details').textContent")
            assert "عبد اللطيف حموشي" in shown, f"details after search: {shown!r}"
            hits = dt.evaluate("document.querySelectorAll('g.node.hit').length")
            assert hits >= 1, "no node highlighted"
            # A single match pans and zooms to the node: zoomed in, the node in the canvas's
            # middle half.
            placed = dt.evaluate(FOCUSED)
            assert placed["zoomed"], f"a single match did not zoom: {placed!r}"
            assert placed["centred"], f"a single match is not in view: {placed!r}"

            # The time filter is two sliders over the data's dates.
            slider = dt.evaluate(SLIDERS)
            assert slider["types"] == ["range", "range"], f"time filter: {slider!r}"
            assert slider["label"].startswith(slider["first"]), f"slider range: {slider!r}"
            assert slider["narrowed"] < slider["all"], f"moving a slider hid nothing: {slider!r}"
            assert slider["crossed"] is False, f"the handles crossed: {slider!r}"
            dt.evaluate(RESET_SLIDERS)

            # Click a meeting edge and read its quote in the details panel.
            target = dt.evaluate(FIND_MEETING)
            assert target, "no clickable MET_WITH edge in the drawing"
            dt.click(target["x"], target["y"])
            shown = dt.evaluate("document.getElementById('details').textContent")
            assert target["quote"] in shown, f"quote missing after click: {shown[:300]!r}"
            assert "met with" in shown

            shot = base64.b64decode(dt.send("Page.captureScreenshot", {"format": "png"})["data"])
            with open(os.path.join(args.out, "viewer.png"), "wb") as f:
                f.write(shot)
            assert shot[:8] == b"\x89PNG\r\n\x1a\n" and len(shot) > 20000, "screenshot is empty"
        finally:
            dt.close()
    print(f"render/browser: ok (search, edge click, quote; screenshot {args.out}/viewer.png)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
