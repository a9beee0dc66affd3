#!/usr/bin/env python3
"""Python references for relmap's benchmarks, run by benchmarks/run on the same data
relmap-bench wrote. Each subcommand checks agreement with relmap's results before it
times anything, then prints one JSON line.

  influence DIR   networkx.pagerank and igraph personalized_pagerank on DIR/edges.tsv
  yaml DIR N      PyYAML's C loader (CSafeLoader) on the first N files of DIR
  pipeline DIR    every file of DIR: PyYAML C loader + relmap's influence model with
                  NetworkX (scripts/influence_reference.py) — less work than relmap's
                  pipeline, which also validates every rule and computes reach
"""
import json
import statistics
import sys
import time


def timed(fn, repeats):
    fn()  # warm-up, as relmap-bench does
    out = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def read_tsv(path, conv):
    with open(path) as f:
        return [conv(line.rstrip("\n").split("\t")) for line in f if line.strip()]


def influence(folder, repeats, tol):
    import networkx as nx
    edges = read_tsv(f"{folder}/edges.tsv", lambda r: (int(r[0]), int(r[1]), float(r[2])))
    p = dict(read_tsv(f"{folder}/personalization.tsv", lambda r: (int(r[0]), float(r[1]))))
    ours = dict(read_tsv(f"{folder}/relmap.tsv", lambda r: (int(r[0]), float(r[1]))))
    n = len(p)
    g = nx.DiGraph()
    g.add_nodes_from(range(n))
    g.add_weighted_edges_from(edges)
    results = {"bench": "influence-reference", "people": n, "edges": len(edges)}

    nx_scores = nx.pagerank(g, alpha=0.85, personalization=p, weight="weight", tol=tol, max_iter=10000)
    results["networkx_max_diff"] = max(abs(nx_scores[i] - ours[i]) for i in range(n))
    nx_times = timed(lambda: nx.pagerank(g, alpha=0.85, personalization=p, weight="weight", tol=tol, max_iter=10000),
                     max(1, repeats // 2) if n >= 50000 else repeats)
    results["networkx_seconds"] = nx_times
    results["networkx_median"] = statistics.median(nx_times)

    try:
        import igraph as ig
    except ImportError:
        results["igraph"] = "not installed"
    else:
        h = ig.Graph(n=n, edges=[(a, b) for a, b, _ in edges], directed=True)
        h.es["weight"] = [w for _, _, w in edges]
        reset = [p[i] for i in range(n)]
        call = lambda: h.personalized_pagerank(directed=True, damping=0.85, reset=reset, weights="weight")
        ig_scores = call()
        results["igraph_max_diff"] = max(abs(ig_scores[i] - ours[i]) for i in range(n))
        ig_times = timed(call, repeats)
        results["igraph_seconds"] = ig_times
        results["igraph_median"] = statistics.median(ig_times)
    print(json.dumps(results, sort_keys=True))


def yaml_load(folder, count, repeats):
    import glob
    import yaml
    files = sorted(glob.glob(f"{folder}/*.yaml"))[:count]
    data = [open(f, "rb").read() for f in files]
    times = timed(lambda: [yaml.load(d, Loader=yaml.CSafeLoader) for d in data], repeats)
    size = sum(map(len, data))
    print(json.dumps({"bench": "yaml-reference", "files": len(files), "bytes": size, "seconds": times,
                      "median": statistics.median(times), "mb_per_s": size / statistics.median(times) / 1e6}, sort_keys=True))


def pipeline(folder, repeats):
    import glob
    import os
    import resource
    import yaml
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "scripts"))
    from influence_reference import reference
    files = sorted(glob.glob(f"{folder}/*.yaml"))

    def work():
        people = 0
        for f in files:
            with open(f, "rb") as fh:
                doc = yaml.load(fh, Loader=yaml.CSafeLoader)
            people += len(reference(doc)["influence"])
        return people

    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        people = work()
        times.append(time.perf_counter() - t)
    print(json.dumps({"bench": "pipeline-reference", "files": len(files), "people": people, "seconds": times,
                      "median": statistics.median(times),
                      "peak_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}, sort_keys=True))


def main():
    what = sys.argv[1]
    if what == "yaml":
        yaml_load(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]) if len(sys.argv) > 4 else 5)
    elif what == "pipeline":
        pipeline(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    elif what == "influence":
        influence(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 5, float(sys.argv[4]) if len(sys.argv) > 4 else 1e-12)
    else:
        sys.exit(f"unknown benchmark {what}")


if __name__ == "__main__":
    main()
