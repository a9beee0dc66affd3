#!/usr/bin/env python3
"""A bounded load test of `relmap serve` on loopback.

Makes ACCOUNTS account files (copies of the samples under new ids) in a temporary
folder, starts `relmap serve` on it, and runs CLIENTS concurrent clients for SECONDS:
each loops over: open a random account page (read), and every EDIT_EVERY-th time log a
visit with a unique note (edit). Stops by itself; then counts the notes in the files
and checks every edit the server confirmed (303) is there, and that nothing got a 5xx.

    python3 scripts/serve_load_test.py --relmap .build/release/relmap [--clients 50] [--seconds 30]
"""
import argparse
import http.client
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def make_folder(count):
    folder = tempfile.mkdtemp(prefix="relmap-load-")
    samples = sorted(f for f in os.listdir(os.path.join(ROOT, "graphs")) if f.endswith(".yaml"))
    ids = []
    for i in range(count):
        name = samples[i % len(samples)]
        text = open(os.path.join(ROOT, "graphs", name), encoding="utf-8").read()
        old = re.search(r"^  id: (\S+)$", text, re.M).group(1)
        new = f"{old}-{i}"
        text = text.replace(f"  id: {old}\n", f"  id: {new}\n", 1)
        open(os.path.join(folder, f"{new}.yaml"), "w", encoding="utf-8").write(text)
        member = re.search(r"^  - \{id: ([^,]+),", text[text.index("team:"):], re.M).group(1)
        person = re.search(r"^  - (?:\{)?id: ([^,\n]+)", text[text.index("people:"):], re.M).group(1)
        ids.append((new, member, person))
    return folder, ids


class Client(threading.Thread):
    def __init__(self, n, host, port, ids, deadline, edit_every, results):
        super().__init__(daemon=True)
        self.n, self.host, self.port, self.ids = n, host, port, ids
        self.deadline, self.edit_every, self.results = deadline, edit_every, results
        self.cookie = None

    def request(self, method, path, body=None):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
        headers = {"Host": f"{self.host}:{self.port}"}
        if self.cookie:
            headers["Cookie"] = self.cookie
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"http://{self.host}:{self.port}"
        start = time.perf_counter()
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        data = response.read().decode("utf-8", "replace")
        elapsed = time.perf_counter() - start
        cookie = response.getheader("Set-Cookie")
        if cookie and cookie.startswith("relmap_session="):
            self.cookie = cookie.split(";")[0]
        conn.close()
        return response.status, data, elapsed

    def run(self):
        rng = random.Random(self.n)
        i = 0
        while time.monotonic() < self.deadline:
            account, member, person = rng.choice(self.ids)
            status, html, t = self.request("GET", f"/{account}.html")
            self.results.append(("read", status, t))
            i += 1
            if i % self.edit_every or status != 200:
                continue
            csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', html).group(1)
            digest = re.search(r'name="hash" value="([0-9a-f]+)"', html).group(1)
            note = f"load-{self.n}-{i}x"
            body = urllib.parse.urlencode([("csrf", csrf), ("hash", digest), ("member", member), ("people", person),
                                           ("kind", "call"), ("date", "2026-11-20"), ("note", note)])
            status, _, t = self.request("POST", f"/{account}/log", body)
            self.results.append(("edit", status, t, account, note))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--relmap", required=True)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--accounts", type=int, default=20)
    parser.add_argument("--edit-every", type=int, default=4)
    args = parser.parse_args()
    if not (1 <= args.clients <= 200 and 0 < args.seconds <= 120):
        sys.exit("serve_load_test: at most 200 clients for at most 120 s")
    folder, ids = make_folder(args.accounts)
    server = subprocess.Popen([args.relmap, "serve", folder, "--port", "0"], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True)
    try:
        url = server.stdout.readline().split()[2]
        parsed = urllib.parse.urlparse(url)
        results = []
        deadline = time.monotonic() + args.seconds
        clients = [Client(n, parsed.hostname, parsed.port, ids, deadline, args.edit_every, results) for n in range(args.clients)]
        for c in clients:
            c.start()
        for c in clients:
            c.join(args.seconds + 60)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    on_disk = 0
    missing = 0
    texts = {a: open(os.path.join(folder, f"{a}.yaml"), encoding="utf-8").read() for a, _, _ in ids}
    saved = [r for r in results if r[0] == "edit" and r[1] == 303]
    for _, _, _, account, note in saved:
        if f"note: {note}" in texts[account]:
            on_disk += 1
        else:
            missing += 1
    def summary(kind):
        times = sorted(r[2] * 1000 for r in results if r[0] == kind)
        if not times:
            return f"{kind}: none"
        p = lambda q: times[min(len(times) - 1, int(q * len(times)))]
        return f"{kind}: {len(times)} requests, p50 {p(0.5):.1f} ms, p99 {p(0.99):.1f} ms"
    statuses = {}
    for r in results:
        statuses[(r[0], r[1])] = statuses.get((r[0], r[1]), 0) + 1
    errors = sum(v for (k, s), v in statuses.items() if s >= 500)
    print(f"clients {args.clients}, {args.seconds:.0f} s, {args.accounts} accounts")
    print(summary("read"))
    print(summary("edit"))
    print("statuses: " + ", ".join(f"{k} {s}: {v}" for (k, s), v in sorted(statuses.items())))
    print(f"edits confirmed (303): {len(saved)}; found in the files: {on_disk}; missing: {missing}; 5xx: {errors}")
    print(f"server exit after SIGTERM: {server.returncode}")
    shutil.rmtree(folder, ignore_errors=True)
    sys.exit(0 if missing == 0 and errors == 0 and server.returncode == 0 else 1)


if __name__ == "__main__":
    main()
