#!/usr/bin/python3
"""End-to-end test of `liaison review --html` in headless Chromium.

Writes the review page of a hand-made candidates file, opens it, checks that every quote is
highlighted in its article and that the Arabic runs right to left, clicks Accept on one fact and
Reject on another, edits a date, downloads the decisions, and applies them with `liaison review
--apply`. Drives Chromium as tests/render/browser_test.py does; exits 77 (skipped) without it.
"""
import argparse
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "render"))
from browser_test import SKIP, DevTools  # noqa: E402

# Window coordinates of the centre of an element, scrolled into view first.
CENTRE = r"""
((selector) => {
  const e = document.querySelector(selector);
  e.scrollIntoView({block: 'center'});
  const r = e.getBoundingClientRect();
  return {x: r.left + r.width / 2, y: r.top + r.height / 2};
})"""

# Whether the first paragraph of the article reads right to left: its first character stands to
# the right of its last one.
RTL = r"""
(() => {
  const p = document.querySelector('article p');
  const text = p.firstChild;
  const range = document.createRange();
  range.setStart(text, 0);
  range.setEnd(text, 1);
  const first = range.getBoundingClientRect();
  const last = p.lastChild.nodeType === 3 ? p.lastChild : p.lastChild.firstChild;
  range.setStart(last, last.length - 1);
  range.setEnd(last, last.length);
  const end = range.getBoundingClientRect();
  return {direction: getComputedStyle(p).direction, first: first.left, last: end.left,
          top: first.top, lastTop: end.top};
})()"""


def click(dt, selector):
    point = dt.evaluate(CENTRE + "(" + json.dumps(selector) + ")")
    dt.click(point["x"], point["y"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--liaison", required=True)
    ap.add_argument("--data", required=True, help="folder of the candidates file and article")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        print("extract/review_browser: SKIPPED, chromium is not installed")
        return SKIP
    os.makedirs(args.out, exist_ok=True)
    work = tempfile.mkdtemp(prefix="liaison-review-page-")
    try:
        for name in ("r01-rabat-finland.candidates.json", "r01-rabat-finland.txt"):
            shutil.copy(os.path.join(args.data, name), work)
        candidates = os.path.join(work, "r01-rabat-finland.candidates.json")
        html = os.path.join(args.out, "review.html")
        subprocess.run([args.liaison, "review", candidates, "--html", html], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        downloads = os.path.join(work, "downloads")
        os.makedirs(downloads)
        with tempfile.TemporaryDirectory() as profile:
            dt = DevTools(chromium, profile)
            try:
                decisions = drive(dt, html, downloads, args.out)
            finally:
                dt.close()
        ids = {d["id"]: d for d in decisions["decisions"]}
        assert ids["c1"]["review"] == "accepted", decisions
        assert ids["c4"]["review"] == "rejected", decisions
        assert ids["c3"] == {"id": "c3", "review": "pending", "date": "2025-11"}, decisions
        # Accepting c1 accepted its two ends as well.
        assert ids["bd-alltyf-hmwshy"]["review"] == "accepted", decisions
        assert ids["finnish-police-commissioner"]["review"] == "accepted", decisions

        path = os.path.join(downloads, "decisions.json")
        subprocess.run([args.liaison, "review", candidates, "--apply", path], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        listing = json.loads(subprocess.run(
            [args.liaison, "review", candidates, "--list", "--format", "json"], check=True,
            capture_output=True, text=True).stdout)
        state = {row["id"]: row for row in listing}
        assert state["c1"]["review"] == "accepted", state["c1"]
        assert state["c4"]["review"] == "rejected", state["c4"]
        assert state["c3"]["date"] == "2025-11", state["c3"]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"extract/review_browser: ok (highlights, right to left, accept/reject/edit, "
          f"download, --apply; screenshot {args.out}/review.png)")
    return 0


def drive(dt, html, downloads, out):
    targets = dt.send("Target.getTargets", session=False)["targetInfos"]
    page = next(t for t in targets if t["type"] == "page")
    dt.session = dt.send("Target.attachToTarget",
                         {"targetId": page["targetId"], "flatten": True}, session=False)["sessionId"]
    dt.send("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads},
            session=False)
    dt.send("Page.enable")
    dt.send("Page.navigate", {"url": "file://" + os.path.abspath(html)})
    dt.wait_event("Page.loadEventFired")
    assert dt.evaluate("typeof window.liaisonReview") == "object", "review page did not start"

    # Every quote is highlighted, and each highlight is the quote's own words.
    facts = dt.evaluate("window.liaisonReview.data.facts.length")
    marked = dt.evaluate("new Set([].concat(...Array.from(document.querySelectorAll('mark'))"
                         ".map((m) => m.dataset.facts.split(' ')))).size")
    assert marked == facts, f"{marked} of {facts} facts highlighted"
    c4 = dt.evaluate("Array.from(document.querySelectorAll('mark'))"
                     ".filter((m) => m.dataset.facts.split(' ').includes('c4'))"
                     ".map((m) => m.textContent).join('')")
    assert c4 == "توقع الشرطة الفنلندية والمديرية العامة للأمن الوطني مذكرة تفاهم", c4

    # Arabic is laid out right to left: the paragraph's first letter is at its right.
    rtl = dt.evaluate(RTL)
    assert rtl["direction"] == "rtl", rtl
    assert rtl["first"] > rtl["last"] or rtl["lastTop"] > rtl["top"], rtl

    click(dt, "#fact-c1 button.accept")
    click(dt, "#fact-c4 button.reject")
    click(dt, "#fact-c3 button.edit-toggle")
    dt.evaluate("(() => { const i = document.querySelector('#fact-c3 input[name=date]');"
                " i.value = '2025-11'; i.dispatchEvent(new Event('change')); })()")
    state = dt.evaluate("document.querySelector('#fact-c1 .fact-state').textContent")
    assert state == "accepted", state
    assert dt.evaluate("document.querySelector('mark.accepted') !== null"), "no accepted highlight"

    shot = base64.b64decode(dt.send("Page.captureScreenshot", {"format": "png"})["data"])
    with open(os.path.join(out, "review.png"), "wb") as f:
        f.write(shot)

    click(dt, "#download")
    path = os.path.join(downloads, "decisions.json")
    deadline = time.time() + 20
    while not os.path.exists(path) and time.time() < deadline:
        time.sleep(0.1)
    assert os.path.exists(path), "the decisions were not downloaded"
    time.sleep(0.2)
    with open(path, encoding="utf-8") as f:
        return json.load(f)


if __name__ == "__main__":
    sys.exit(main())
