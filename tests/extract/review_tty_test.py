#!/usr/bin/python3
"""`liaison review` on a real pseudo-terminal, without flags: it detects the terminal, shows the
first pending fact with its quote highlighted in its sentence, takes keys, and saves.
"""
import argparse
import json
import os
import pty
import select
import shutil
import subprocess
import sys
import tempfile
import time

HIGHLIGHT = "\x1b[1;7m"


def read_until(fd, marker, timeout=10):
    out = b""
    deadline = time.time() + timeout
    while marker.encode() not in out:
        left = deadline - time.time()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            raise AssertionError(f"waited for {marker!r}, got {out.decode(errors='replace')!r}")
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the other side closed
            break
        if not chunk:
            break
        out += chunk
    return out.decode()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--liaison", required=True)
    ap.add_argument("--data", required=True)
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="liaison-review-tty-")
    try:
        for name in ("r01-rabat-finland.candidates.json", "r01-rabat-finland.txt"):
            shutil.copy(os.path.join(args.data, name), work)
        candidates = os.path.join(work, "r01-rabat-finland.candidates.json")
        leader, follower = pty.openpty()
        proc = subprocess.Popen([args.liaison, "review", candidates], stdin=follower,
                                stdout=follower, stderr=follower, close_fds=True)
        os.close(follower)
        try:
            prompt = "[q]uit > "
            first = read_until(leader, prompt)
            assert "[1/6] c1  RECEIVED" in first, first
            assert HIGHLIGHT + "استقبل المدير العام" in first, first
            os.write(leader, b"r\n")
            second = read_until(leader, prompt)
            assert "[2/6] c2  HEADS" in second, second
            os.write(leader, b"b\n")
            again = read_until(leader, prompt)
            assert "[1/6] c1  RECEIVED" in again and "(rejected)" in again, again
            os.write(leader, b"a\n")
            read_until(leader, prompt)
            os.write(leader, b"q\n")
            tail = read_until(leader, "rejected")
            assert "5 pending, 1 accepted, 0 rejected" in tail, tail
            assert proc.wait(timeout=10) == 0
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            os.close(leader)
        listing = json.loads(subprocess.run(
            [args.liaison, "review", candidates, "--list", "--format", "json"], check=True,
            capture_output=True, text=True).stdout)
        state = {row["id"]: row["review"] for row in listing}
        assert state["c1"] == "accepted" and state["c2"] == "pending", state
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("extract/review_tty: ok (terminal detected, highlight, reject, back, accept, quit)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
