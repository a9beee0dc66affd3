#!/usr/bin/env python3
"""Python references for relmap's benchmarks, run by benchmarks/run on the same data
relmap-bench wrote. Each subcommand checks agreement with relmap's results before it
times anything, then prints one JSON line.

  influence DIR   networkx.pagerank and igraph personalized_pagerank on DIR/edges.tsv
  yaml DIR N      PyYAML's C loader (CSafeLoader) on the first N files of DIR
  pipeline DIR    every file of DIR: PyYAML C loader + relmap's influence model with
                  NetworkX (scripts/influence_reference.py) — less work than relmap's
                  pipeline, which also validates every rule and computes reach
  graph DIR       articulation points, bridges and multi-source Dijkstra (-log strength)
                  with NetworkX and igraph on DIR/pairs.tsv and DIR/arcs.tsv
"""
import json
import statistics
import sys
import time


def timed(fn, repeats, warm_up=True):
    if warm_up:
        fn()  # as relmap-bench does
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


def graph(folder, repeats):
    """Articulation points, bridges and multi-source Dijkstra (weights -log strength) with
    NetworkX and igraph on the graphs relmap-bench wrote. Every result is checked against
    relmap's before anything is timed; the run used for the check is the warm-up."""
    import math
    import networkx as nx
    import igraph as ig
    sizes = dict(read_tsv(f"{folder}/sizes.tsv", lambda r: (r[0], int(r[1]))))
    pairs = read_tsv(f"{folder}/pairs.tsv", lambda r: (int(r[0]), int(r[1])))
    arcs = read_tsv(f"{folder}/arcs.tsv", lambda r: (int(r[0]), int(r[1]), float(r[2])))
    sources = [r[0] for r in read_tsv(f"{folder}/sources.tsv", lambda r: (int(r[0]),))]
    ours_cut = {r[0] for r in read_tsv(f"{folder}/relmap-articulation.tsv", lambda r: (int(r[0]),))}
    ours_bridges = set(read_tsv(f"{folder}/relmap-bridges.tsv", lambda r: (int(r[0]), int(r[1]))))
    ours_strength = [r[0] for r in read_tsv(f"{folder}/relmap-strength.tsv", lambda r: (float(r[0]),))]
    n, m = sizes["nodes"], sizes["arc_nodes"]
    results = {"bench": "graph-reference", "nodes": n, "pairs": len(pairs), "arc_nodes": m, "arcs": len(arcs)}

    def times(fn, count):
        return timed(fn, count, warm_up=False)

    def record(name, xs):
        results[f"{name}_seconds"] = xs
        results[f"{name}_median"] = statistics.median(xs)

    def check(name, ok, detail):
        results[f"{name}_agree"] = ok
        if not ok:
            print(json.dumps(results, sort_keys=True))
            sys.exit(f"{name}: {detail}")

    def strength_diff(distance):
        return max(abs(math.exp(-distance(v)) - ours_strength[v]) for v in range(m))

    # NetworkX's DiGraph keeps one arc per pair, so parallel arcs are merged here to the
    # strongest, which is the one any shortest path takes.
    weight = {}
    for a, b, s in arcs:
        w = -math.log(s)
        if w < weight.get((a, b), math.inf):
            weight[(a, b)] = w
    nx_repeats = max(1, repeats // 2) if n >= 50000 else repeats

    def nx_graph():
        g = nx.Graph()
        g.add_nodes_from(range(n))
        g.add_edges_from(pairs)
        return g

    def nx_digraph():
        d = nx.DiGraph()
        d.add_nodes_from(range(m))
        d.add_weighted_edges_from((a, b, w) for (a, b), w in weight.items())
        return d

    g, d = nx_graph(), nx_digraph()
    check("networkx_articulation", set(nx.articulation_points(g)) == ours_cut, "articulation points differ")
    check("networkx_bridges", {(min(e), max(e)) for e in nx.bridges(g)} == ours_bridges, "bridges differ")
    dist, _ = nx.multi_source_dijkstra(d, sources, weight="weight")
    results["networkx_max_strength_diff"] = strength_diff(lambda v: dist.get(v, math.inf))
    check("networkx_strength", results["networkx_max_strength_diff"] <= 1e-9, "strengths differ")
    record("networkx_build", times(nx_graph, nx_repeats))
    record("networkx_digraph", times(nx_digraph, nx_repeats))
    record("networkx_articulation", times(lambda: list(nx.articulation_points(g)), nx_repeats))
    record("networkx_bridges", times(lambda: list(nx.bridges(g)), nx_repeats))
    record("networkx_dijkstra", times(lambda: nx.multi_source_dijkstra(d, sources, weight="weight"), nx_repeats))

    # igraph keeps parallel edges, which are never bridges there: simplify() merges them,
    # as relmap and NetworkX do, and counts as building the graph.
    def ig_graph():
        h = ig.Graph(n=n, edges=pairs)
        h.simplify(multiple=True, loops=True)
        return h

    # igraph has no multi-source Dijkstra: one extra node with a 0-weight arc to each
    # source makes it a single search, as cheap as igraph can do it.
    def ig_digraph():
        h = ig.Graph(n=m + 1, edges=[(a, b) for a, b, _ in arcs] + [(m, s) for s in sources], directed=True)
        h.es["weight"] = [-math.log(s) for _, _, s in arcs] + [0.0] * len(sources)
        return h

    def ig_dijkstra(h):
        return h.distances(source=[m], weights="weight", mode="out", algorithm="dijkstra")[0]

    h, hd = ig_graph(), ig_digraph()
    edge_list = h.get_edgelist()
    check("igraph_articulation", set(h.articulation_points()) == ours_cut, "articulation points differ")
    check("igraph_bridges", {(min(edge_list[e]), max(edge_list[e])) for e in h.bridges()} == ours_bridges, "bridges differ")
    row = ig_dijkstra(hd)
    results["igraph_max_strength_diff"] = strength_diff(lambda v: row[v])
    check("igraph_strength", results["igraph_max_strength_diff"] <= 1e-9, "strengths differ")
    record("igraph_build", times(ig_graph, repeats))
    record("igraph_digraph", times(ig_digraph, repeats))
    record("igraph_articulation", times(h.articulation_points, repeats))
    record("igraph_bridges", times(h.bridges, repeats))
    record("igraph_dijkstra", times(lambda: ig_dijkstra(hd), repeats))
    print(json.dumps(results, sort_keys=True))


def main():
    what = sys.argv[1]
    if what == "yaml":
        yaml_load(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]) if len(sys.argv) > 4 else 5)
    elif what == "pipeline":
        pipeline(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    elif what == "influence":
        influence(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 5, float(sys.argv[4]) if len(sys.argv) > 4 else 1e-12)
    elif what == "graph":
        graph(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 5)
    else:
        sys.exit(f"unknown benchmark {what}")


if __name__ == "__main__":
    main()
