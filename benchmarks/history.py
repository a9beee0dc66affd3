#!/usr/bin/env python3
"""Times `relmap history` on a git repository built here: one account of PEOPLE people
committed COMMITS times (stances move, contacts are renewed, people join and leave, and
one commit in fifty is a broken file that history must skip). Prints the median of
several runs with min..max, and the report's cost of the trend chart.

    benchmarks/history [--commits 200] [--people 40] [--runs 7]
"""
import argparse
import os
import random
import shutil
import statistics
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RELMAP = os.environ.get("RELMAP", os.path.join(ROOT, ".build", "release", "relmap"))
STANCES = ["champion", "supporter", "neutral", "skeptic", "blocker", "unknown"]
DEPARTMENTS = ["总经办", "设备部", "财务部", "采购部", "生产部", "技术中心"]
ROLES = ["decision-maker", "economic-buyer", "technical-buyer", "user-buyer", "influencer", "coach", "gatekeeper"]


def account(people, stances, contacts, day):
    """The account file's text: a reporting tree, a few influence ties, and contacts."""
    lines = ["relmap: 1", "account:", "  id: bench-history", "  name: 历史基准集团", "  tier: strategic",
             f"  as_of: {day}", "team:",
             "  - {id: wang, name: 王磊, role: account manager}",
             "  - {id: chen, name: 陈思远, role: solution engineer}", "people:"]
    for i in people:
        boss = "" if i == people[0] else f", reports_to: p{people[(people.index(i) - 1) // 3]}"
        role = ROLES[i % len(ROLES)]
        lines.append(f"  - {{id: p{i}, name: 员工{i}, title: 经理, department: {DEPARTMENTS[i % len(DEPARTMENTS)]}, "
                     f"roles: [{role}], stance: {stances[i]}, influence: {1 + i % 5}{boss}}}")
    lines.append("relations:")
    for a, b in zip(people[2::4], people[1::4]):
        lines.append(f"  - {{from: p{a}, to: p{b}, type: influences, strength: 0.6}}")
    lines.append("contacts:")
    for i, last in sorted(contacts.items()):
        if i in people:
            member = "wang" if i % 2 else "chen"
            lines.append(f"  - {{member: {member}, person: p{i}, strength: medium, last: {last}}}")
    return "\n".join(lines) + "\n"


def build(folder, commits, size):
    """Writes the history with one `git fast-import`: fixed authors and dates, so the
    repository is the same on every run."""
    rng = random.Random(19)
    people = list(range(size))
    next_id = size
    stances = {i: rng.choice(STANCES) for i in people}
    contacts = {i: "2026-01-05" for i in people[::3]}
    stream = []
    start = 1767225600  # 2026-01-01T00:00:00Z
    for n in range(commits):
        when = start + n * 36 * 3600
        day = time.strftime("%Y-%m-%d", time.gmtime(when))
        kind = n % 10
        if kind == 7 and len(people) > size - 5:
            people.remove(rng.choice(people[1:]))
            subject = "someone left"
        elif kind == 8:
            people.append(next_id)
            stances[next_id] = "unknown"
            next_id += 1
            subject = "new person"
        elif kind in (1, 4):
            contacts[rng.choice(people)] = day
            subject = f"visit on {day}"
        else:
            p = rng.choice(people)
            stances[p] = rng.choice(STANCES)
            subject = f"stance of p{p}"
        text = account(people, stances, contacts, day)
        if n % 50 == 25:
            text += "people: [\n"  # a broken save, committed by mistake
            subject = "broken save"
        data = text.encode()
        stream.append(f"commit refs/heads/main\nauthor 王磊 <wang@example.com> {when} +0800\n"
                      f"committer 王磊 <wang@example.com> {when} +0800\ndata {len(subject.encode())}\n{subject}\n"
                      f"M 100644 inline accounts/bench.yaml\ndata {len(data)}\n")
        stream.append(data)
        stream.append(b"\n")
    subprocess.run(["git", "init", "-q", "-b", "main", folder], check=True)
    blob = b"".join(s if isinstance(s, bytes) else s.encode() for s in stream)
    subprocess.run(["git", "-C", folder, "fast-import", "--quiet"], input=blob, check=True)
    subprocess.run(["git", "-C", folder, "checkout", "-q", "main"], check=True)


def timed(cmd, cwd):
    t = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--commits", type=int, default=200)
    parser.add_argument("--people", type=int, default=40)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="relmap-history-bench-")
    try:
        build(folder, args.commits, args.people)
        versions = subprocess.run(["git", "-C", folder, "rev-list", "--count", "main"], capture_output=True, text=True).stdout.strip()
        print(f"repository: {versions} commits of one account of {args.people} people (± 5), {folder}")
        for fmt in ["table", "json"]:
            cmd = [RELMAP, "history", "accounts/bench.yaml", "--format", fmt]
            timed(cmd, folder)  # warm the page cache and git's pack
            xs = [timed(cmd, folder) for _ in range(args.runs)]
            print(f"relmap history --format {fmt}: median {statistics.median(xs) * 1000:.0f} ms "
                  f"(min {min(xs) * 1000:.0f}, max {max(xs) * 1000:.0f}, {args.runs} runs)")
        out = os.path.join(folder, "out")
        for extra in [[], ["--no-history"]]:
            cmd = [RELMAP, "report", "accounts", "-o", out] + extra
            timed(cmd, folder)
            xs = [timed(cmd, folder) for _ in range(max(3, args.runs // 2))]
            print(f"relmap report (1 account{', no chart' if extra else ', chart of the last 30 versions'}): "
                  f"median {statistics.median(xs) * 1000:.0f} ms (min {min(xs) * 1000:.0f}, max {max(xs) * 1000:.0f})")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
