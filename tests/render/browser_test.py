#!/usr/bin/python3
"""End-to-end test of `liaison render --format html` in headless Chromium.

Renders a network to HTML, opens it, types a name into the search box, clicks a meeting edge,
checks the details panel quotes its source, and saves a screenshot. Chromium is driven over the
DevTools protocol through --remote-debugging-pipe (no extra Python packages). Exits 77 (ctest's
"skipped") when chromium is not installed.
"""
import argparse
import base64
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time

SKIP = 77
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--remote-debugging-pipe",
         "--window-size=1400,900", "--hide-scrollbars"]


class DevTools:
    """The DevTools protocol over a pipe: JSON messages separated by NUL bytes."""

    def __init__(self, chromium, profile):
        to_browser_r, self.to_browser = os.pipe()
        self.from_browser, from_browser_w = os.pipe()
        # Chromium reads commands on fd 3 and writes replies on fd 4. os.pipe's descriptors are
        # close-on-exec; the dup2 copies are inherited, and close_fds=False keeps them open.
        def fds():
            r, w = os.dup(to_browser_r), os.dup(from_browser_w)  # out of 3 and 4's way
            os.dup2(r, 3)
            os.dup2(w, 4)
        self.proc = subprocess.Popen(
            [chromium] + FLAGS + [f"--user-data-dir={profile}", "about:blank"],
            close_fds=False, preexec_fn=fds,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []
        self.session = None

    def send(self, method, params=None, session=True, timeout=30):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            msg["sessionId"] = self.session
        os.write(self.to_browser, json.dumps(msg).encode() + b"\0")
        while True:
            reply = self.read(timeout)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def read(self, timeout):
        deadline = time.time() + timeout
        while b"\0" not in self.buffer:
            left = deadline - time.time()
            if left <= 0 or not select.select([self.from_browser], [], [], left)[0]:
                raise TimeoutError("no reply from chromium")
            chunk = os.read(self.from_browser, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def wait_event(self, method, timeout=30):
        deadline = time.time() + timeout
        while True:
            for i, e in enumerate(self.events):
                if e.get("method") == method:
                    return self.events.pop(i)
            self.events.append(self.read(max(0.1, deadline - time.time())))

    def evaluate(self, expression):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def click(self, x, y):
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent",
                      {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1})

    def close(self):
        try:
            self.send("Browser.close", session=False, timeout=5)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--liaison", required=True)
    ap.add_argument("--graph", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
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
            targets = dt.send("Target.getTargets")["targetInfos"]
            page = next(t for t in targets if t["type"] == "page")
            dt.session = dt.send("Target.attachToTarget",
                                 {"targetId": page["targetId"], "flatten": True})["sessionId"]
            dt.send("Page.enable")
            dt.send("Page.navigate", {"url": "file://" + os.path.abspath(html)})
            dt.wait_event("Page.loadEventFired")
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
