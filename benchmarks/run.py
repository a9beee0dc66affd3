#!/usr/bin/env python3
"""Drives relmap-bench and benchmarks/reference.py on the same generated data and
prints a Markdown table per benchmark with the ratio to each reference. Medians of
several runs; the spread is shown as min..max."""
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, ".build", "release", "relmap-bench")
SMOKE = "--smoke" in sys.argv
WORK = tempfile.mkdtemp(prefix="relmap-bench-")


def run_json(cmd):
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=ROOT).stdout
    return json.loads(out.strip().splitlines()[-1])


def ms(seconds):
    if seconds < 1e-3:
        return f"{seconds * 1e6:.0f} µs"
    return f"{seconds * 1000:.1f} ms" if seconds < 10 else f"{seconds:.1f} s"


def spread(xs):
    return f"{ms(min(xs))}..{ms(max(xs))}"


def influence():
    sizes = [(1000, 5000)] if SMOKE else [(1000, 5000), (10_000, 100_000), (100_000, 1_000_000)]
    mem = run_json([BENCH, "memcopy", "--repeats", "3" if SMOKE else "7"])
    bandwidth = mem["gb_per_s"] * 1e9
    print(f"\n### Influence (personalized PageRank), convergence: L1 change < people × 1e-12\n")
    print(f"Memory copy bandwidth (256 MiB, prefaulted): {mem['gb_per_s']:.1f} GB/s\n")
    print("| people / ties | relmap | spread | igraph | NetworkX | vs igraph | vs NetworkX | max diff | iterations | per iteration | bandwidth bound | ratio to bound |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for people, ties in sizes:
        folder = os.path.join(WORK, f"influence-{people}")
        repeats = "3" if SMOKE else "7"
        ours = run_json([BENCH, "influence", "--people", str(people), "--ties", str(ties), "--out", folder, "--repeats", repeats])
        ref = run_json([sys.executable, "benchmarks/reference.py", "influence", folder, "3" if people >= 100_000 else repeats])
        diff = max(ref["networkx_max_diff"], ref.get("igraph_max_diff", 0))
        assert diff <= 1e-9, f"results disagree by {diff}"
        per_iter = ours["iterate_median"] / ours["iterations"]
        bound = ours["bytes_per_iteration"] / bandwidth
        print(f"| {people:,} / {ties:,} | {ms(ours['median'])} | {spread(ours['seconds'])} | {ms(ref['igraph_median'])} | {ms(ref['networkx_median'])} "
              f"| {ref['igraph_median'] / ours['median']:.1f}× faster | {ref['networkx_median'] / ours['median']:.0f}× faster | {diff:.1e} "
              f"| {ours['iterations']} | {ms(per_iter)} | {ms(bound)} | {per_iter / bound:.2f} |")


def folder(accounts, people):
    return os.path.join(tempfile.gettempdir(), f"relmap-bench-folder-{accounts}x{people}")


def yaml_load():
    accounts, files = (200, 200) if SMOKE else (10_000, 1000)
    d = folder(accounts, 40)
    repeats = "3" if SMOKE else "5"
    ours = run_json([BENCH, "yaml", "--dir", d, "--accounts", str(accounts), "--files", str(files), "--repeats", repeats])
    ref = run_json([sys.executable, "benchmarks/reference.py", "yaml", d, str(files), repeats])
    print(f"\n### YAML loading, {files} generated 40-person accounts ({ours['bytes'] / 1e6:.1f} MB)\n")
    print("| | relmap (parse + validate + model) | PyYAML C loader (parse only) | ratio |")
    print("|---|---|---|---|")
    print(f"| MB/s | {ours['mb_per_s']:.1f} | {ref['mb_per_s']:.1f} | {ours['mb_per_s'] / ref['mb_per_s']:.1f}× |")
    print(f"| per file | {ms(ours['median'] / files)} | {ms(ref['median'] / files)} | |")


def pipeline():
    accounts = 200 if SMOKE else 10_000
    d = folder(accounts, 40)
    repeats = "1"
    one = run_json([BENCH, "pipeline", "--dir", d, "--accounts", str(accounts), "--repeats", repeats])
    two = run_json([BENCH, "pipeline", "--dir", d, "--accounts", str(accounts), "--repeats", repeats, "--workers", "2"])
    ref = run_json([sys.executable, "benchmarks/reference.py", "pipeline", d, "1"])
    print(f"\n### Whole pipeline over {accounts:,} accounts × 40 people ({one['bytes'] / 1e6:.0f} MB of YAML)\n")
    print("relmap: load + validate (every rule) + influence + reach + coverage per account. "
          "Python: PyYAML C loader + the influence model with NetworkX (less work).\n")
    print("| | time | spread | peak memory | vs Python |")
    print("|---|---|---|---|---|")
    print(f"| relmap, 1 process | {ms(one['median'])} | {spread(one['seconds'])} | {one['peak_rss'] / 2**20:.0f} MiB | {ref['median'] / one['median']:.1f}× faster |")
    print(f"| relmap, 2 worker processes | {ms(two['median'])} | {spread(two['seconds'])} | {two['peak_rss'] / 2**20:.0f} MiB each | {ref['median'] / two['median']:.1f}× faster |")
    print(f"| Python (PyYAML C + NetworkX) | {ms(ref['median'])} | | {ref['peak_rss'] / 2**20:.0f} MiB | 1× |")


def main():
    print(f"relmap benchmarks{' (smoke sizes)' if SMOKE else ''}; machine: {os.cpu_count()} cores")
    influence()
    yaml_load()
    pipeline()


if __name__ == "__main__":
    main()
