#!/usr/bin/env python3
"""Times `relmap serve` against its targets (issue 20): the account page of a 40-person
account under 100 ms, an edit (validate, write, re-analyse) under 50 ms, the portfolio
of 1,000 accounts under 1 s, all server time.

Generates ACCOUNTS 40-person accounts (relmap-bench, seeded), copies them to a scratch
folder, starts `relmap serve` on it and sends requests one at a time over one kept-alive
connection. Server time is the server's own `Server-Timing: app;dur=` header (request head
in to response out); client time is what this script waited, loopback included. Prints
medians and 90th percentiles (nearest rank).

    python3 benchmarks/serve.py --relmap .build/release/relmap --bench .build/release/relmap-bench [--accounts 1000] [--repeats 30]
"""
import argparse
import http.client
import math
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse


def p90(xs):
    s = sorted(xs)
    return s[max(0, math.ceil(0.9 * len(s)) - 1)]


class Client:
    def __init__(self, host, port):
        self.host, self.port = host, port
        self.conn = http.client.HTTPConnection(host, port, timeout=120)
        self.cookie = None

    def request(self, method, path, fields=None):
        headers = {}
        if self.cookie:
            headers["Cookie"] = self.cookie
        body = None
        if fields is not None:
            body = urllib.parse.urlencode(fields)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"http://{self.host}:{self.port}"
        start = time.perf_counter()
        self.conn.request(method, path, body=body, headers=headers)
        response = self.conn.getresponse()
        data = response.read().decode("utf-8", "replace")
        client = time.perf_counter() - start
        cookie = response.getheader("Set-Cookie")
        if cookie and cookie.startswith("relmap_session="):
            self.cookie = cookie.split(";")[0]
        timing = re.search(r"app;dur=([0-9.]+)", response.getheader("Server-Timing") or "")
        if not timing:
            sys.exit(f"benchmarks/serve: {method} {path}: no Server-Timing header")
        return response.status, data, float(timing.group(1)) / 1000, client


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--relmap", required=True)
    parser.add_argument("--bench", required=True)
    parser.add_argument("--accounts", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=30)
    args = parser.parse_args()
    generated = os.path.join(tempfile.gettempdir(), f"relmap-bench-serve-{args.accounts}x40")
    subprocess.run([args.bench, "yaml", "--dir", generated, "--accounts", str(args.accounts), "--files", "1",
                    "--people", "40", "--repeats", "1"], check=True, capture_output=True)
    work = tempfile.mkdtemp(prefix="relmap-bench-serve-")
    folder = os.path.join(work, "accounts")
    shutil.copytree(generated, folder, ignore=shutil.ignore_patterns(".*"))
    server = subprocess.Popen([args.relmap, "serve", folder, "--port", "0"], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    try:
        url = urllib.parse.urlparse(server.stdout.readline().split()[2])
        rows = measure(Client(url.hostname, url.port), args.repeats, folder)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
        shutil.rmtree(work, ignore_errors=True)
    print(f"\n### relmap serve: {args.accounts:,} generated accounts × 40 people, one request at a time, "
          f"{args.repeats} repeats\n")
    print("Server time: the `Server-Timing` header (request head in, response out). Client: what the "
          "benchmark waited, over loopback with a kept-alive connection.\n")
    print("| request | runs | server median | server p90 | client median | client p90 | target |")
    print("|---|---|---|---|---|---|---|")
    for label, server_times, client_times, target in rows:
        if server_times is None:
            print(f"| {label} | {len(client_times)} | | | {ms(statistics.median(client_times))} | {ms(p90(client_times))} | {target} |")
            continue
        print(f"| {label} | {len(server_times)} | {ms(statistics.median(server_times))} | {ms(p90(server_times))} "
              f"| {ms(statistics.median(client_times))} | {ms(p90(client_times))} | {target} |")
    if server.returncode != 0:
        sys.exit(f"benchmarks/serve: relmap serve exited {server.returncode} on SIGTERM")


def ms(seconds):
    return f"{seconds * 1000:.1f} ms"


def measure(client, repeats, folder):
    account, file = "synthetic-1", "acc-00000.yaml"
    page = f"/{account}.html"
    rows = []

    def timed(method, path, fields=None, expect=200):
        status, data, server, wall = client.request(method, path, fields)
        if status != expect:
            sys.exit(f"benchmarks/serve: {method} {path} answered {status}, expected {expect}:\n{data[:2000]}")
        return data, server, wall

    _, s, c = timed("GET", "/")
    rows.append(("portfolio, first request (loads every file)", [s], [c], ""))
    warm = [timed("GET", "/")[1:] for _ in range(max(3, repeats // 3))]
    rows.append(("portfolio, files unchanged", [s for s, _ in warm], [c for _, c in warm], "< 1 s"))
    html, s, c = timed("GET", page)
    rows.append(("account page, first view (draws the diagram)", [s], [c], ""))
    warm = [timed("GET", page)[1:] for _ in range(repeats)]
    rows.append(("account page, diagram drawn", [s for s, _ in warm], [c for _, c in warm], "< 100 ms"))

    # Each round: an edit, the page the browser is sent back to (its diagram still being
    # drawn), the portfolio with that one account changed, and how long the new diagram took.
    edits, after, portfolio, ready = [], [], [], []
    stances = ["champion", "supporter", "neutral", "skeptic"]
    person = re.search(r'name="person" value="([^"]+)"', html).group(1)
    for i in range(repeats):
        csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', html).group(1)
        digest = re.search(r'name="hash" value="([0-9a-f]+)"', html).group(1)
        note = f"bench {i}"
        start = time.perf_counter()
        _, s, c = timed("POST", f"/{account}/set", [("csrf", csrf), ("hash", digest), ("person", person),
                                                     ("stance", stances[i % 4]), ("notes", note)], expect=303)
        edits.append((s, c))
        html, s, c = timed("GET", page)
        after.append((s, c))
        new = re.search(r'name="hash" value="([0-9a-f]+)"', html).group(1)
        if new == digest or note not in open(os.path.join(folder, file), encoding="utf-8").read():
            sys.exit("benchmarks/serve: the edit is not in the file or the page")
        while True:
            status, _, _, _ = client.request("GET", f"/{account}/diagram?hash={new}")
            if status == 200:
                break
            if status != 202 or time.perf_counter() - start > 60:
                sys.exit(f"benchmarks/serve: the new diagram was not drawn ({status})")
            time.sleep(0.005)
        ready.append(time.perf_counter() - start)
        if i < max(3, repeats // 3):
            portfolio.append(timed("GET", "/")[1:])
    rows.append(("edit: set a stance and notes (validate, write, re-analyse; 303)",
                 [s for s, _ in edits], [c for _, c in edits], "< 50 ms"))
    rows.append(("account page right after an edit (previous diagram shown)",
                 [s for s, _ in after], [c for _, c in after], "< 100 ms"))
    rows.append(("new diagram drawn (polled), counted from sending the edit", None, ready, ""))
    rows.append(("portfolio, one account changed since the last request",
                 [s for s, _ in portfolio], [c for _, c in portfolio], "< 1 s"))
    return rows


if __name__ == "__main__":
    main()
