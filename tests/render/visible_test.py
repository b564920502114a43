#!/usr/bin/python3
"""What a person sees of a drawing, in headless Chromium: the whole drawing must be inside the
visible area of the standalone SVG, of the HTML viewer (first view, and after Fit) and of a
report's inline figure.

The check takes the drawing's far corner (the right edge of the node farthest right, the bottom
edge of the lowest node) and requires it inside the area the browser shows: the SVG's viewport,
and in the viewer the canvas. A drawing whose SVG scales its content past its viewBox (Graphviz's
SVG writer does at any dpi but 72) fails all four. Saves screenshots beside the outputs. Exits 77
(ctest's "skipped") when chromium is not installed.
"""
import argparse
import base64
import json
import os
import subprocess
import sys
import tempfile

from devtools import SKIP, DevTools, find_chromium

# The far corner of the nodes and the visible area, in window coordinates. `area` names the
# element that clips the drawing besides the SVG's own viewport (the viewer's canvas).
MEASURE = r"""
((svgSelector, areaSelector) => {
  const svg = document.querySelector(svgSelector);
  const rect = (e) => { const r = e.getBoundingClientRect();
                        return {left: r.left, top: r.top, right: r.right, bottom: r.bottom}; };
  let area = rect(svg);
  if (areaSelector) {
    const c = rect(document.querySelector(areaSelector));
    area = {left: Math.max(area.left, c.left), top: Math.max(area.top, c.top),
            right: Math.min(area.right, c.right), bottom: Math.min(area.bottom, c.bottom)};
  }
  const corner = {x: -Infinity, y: -Infinity, rightmost: '', lowest: ''};
  svg.querySelectorAll('g.node').forEach((n) => {
    const r = n.getBoundingClientRect();
    if (r.right > corner.x) { corner.x = r.right; corner.rightmost = n.id; }
    if (r.bottom > corner.y) { corner.y = r.bottom; corner.lowest = n.id; }
  });
  return {area: area, corner: corner, drawing: rect(svg.querySelector('g.graph')),
          nodes: svg.querySelectorAll('g.node').length};
})
"""

TOLERANCE = 1.5  # CSS pixels of rounding


def measure(dt, svg_selector, area_selector=None):
    m = dt.evaluate(f"{MEASURE}({json.dumps(svg_selector)}, {json.dumps(area_selector)})")
    assert m and m["nodes"] > 0, f"no nodes in {svg_selector}"
    return m


def inside(m):
    a, c = m["area"], m["corner"]
    return c["x"] <= a["right"] + TOLERANCE and c["y"] <= a["bottom"] + TOLERANCE


def describe(what, m):
    a, c = m["area"], m["corner"]
    return (f"{what}: far corner ({c['x']:.0f}, {c['y']:.0f}) of {c['rightmost']} and "
            f"{c['lowest']}, visible area right {a['right']:.0f}, bottom {a['bottom']:.0f}")


def check_visible(what, m):
    assert inside(m), describe(what, m) + ": the drawing is cropped"
    print(describe(what, m))


def fills_viewport(m):
    """The drawing (its background) covers its viewport: it is neither cropped nor shrunk."""
    d, a = m["drawing"], m["area"]
    return all(abs(d[k] - a[k]) <= 2 * TOLERANCE for k in ("left", "top", "right", "bottom"))


def screenshot(dt, path, clip=None):
    params = {"format": "png"}
    if clip:
        params.update({"clip": clip, "captureBeyondViewport": True})
    shot = base64.b64decode(dt.send("Page.captureScreenshot", params)["data"])
    with open(path, "wb") as f:
        f.write(shot)


def click_button(dt, element_id):
    box = dt.evaluate(f"(() => {{ const r = document.getElementById('{element_id}')"
                      ".getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()")
    dt.click(box[0], box[1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--liaison", required=True)
    ap.add_argument("--graph", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    chromium = find_chromium()
    if not chromium:
        print("render/visible: SKIPPED, chromium is not installed "
              "(scripts/install-deps.sh --test installs it)")
        return SKIP
    os.makedirs(args.out, exist_ok=True)

    def out(name):
        return os.path.join(args.out, name)

    subprocess.run([args.liaison, "render", args.graph, "-o", out("drawing.svg"),
                    "-o", out("viewer.html")], check=True, stdout=subprocess.DEVNULL)
    spec = {"title": "Visible figure", "inputs": [os.path.abspath(args.graph)],
            "sections": [{"type": "diagram", "title": "The whole network"}]}
    with open(out("figure.spec.json"), "w", encoding="utf-8") as f:
        json.dump(spec, f)
    subprocess.run([args.liaison, "report", "--spec", out("figure.spec.json"),
                    "-o", out("report.html")], check=True, stdout=subprocess.DEVNULL)

    with tempfile.TemporaryDirectory() as profile:
        dt = DevTools(chromium, profile)
        try:
            dt.attach()

            # The SVG file opened on its own: the browser sizes it by its width and height.
            dt.load(out("drawing.svg"))
            m = measure(dt, "svg")
            check_visible("standalone SVG", m)
            assert fills_viewport(m), f"standalone SVG: drawing {m['drawing']} vs {m['area']}"
            a = m["area"]
            screenshot(dt, out("drawing.png"), {"x": 0, "y": 0, "width": a["right"],
                                               "height": a["bottom"], "scale": 0.5})

            # The viewer: its first view and Fit show the whole drawing, filling the canvas.
            dt.load(out("viewer.html"))
            assert dt.evaluate("typeof window.liaisonViewer") == "object", "viewer did not start"
            m = measure(dt, "#canvas > svg", "#canvas")
            check_visible("viewer, first view", m)
            screenshot(dt, out("viewer.png"))
            for _ in range(3):
                click_button(dt, "zoom-in")
            m = measure(dt, "#canvas > svg", "#canvas")
            assert not inside(m), describe("viewer, zoomed in", m) + ": the check cannot fail"
            click_button(dt, "zoom-fit")
            m = measure(dt, "#canvas > svg", "#canvas")
            check_visible("viewer, after Fit", m)
            d, a = m["drawing"], m["area"]
            fill = max((d["right"] - d["left"]) / (a["right"] - a["left"]),
                       (d["bottom"] - d["top"]) / (a["bottom"] - a["top"]))
            assert fill > 0.95, f"viewer, after Fit: the drawing fills {fill:.0%} of the canvas"

            # A report's inline figure, scaled to the page's width.
            dt.load(out("report.html"))
            m = measure(dt, "figure svg")
            check_visible("report figure", m)
            assert fills_viewport(m), f"report figure: drawing {m['drawing']} vs {m['area']}"
            a = m["area"]
            screenshot(dt, out("report-figure.png"), {
                "x": a["left"], "y": a["top"] + dt.evaluate("window.scrollY"),
                "width": a["right"] - a["left"], "height": a["bottom"] - a["top"], "scale": 1})
        finally:
            dt.close()
    print(f"render/visible: ok (screenshots in {args.out})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
