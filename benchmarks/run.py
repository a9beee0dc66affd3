#!/usr/bin/env python3
"""Drives relmap-bench and benchmarks/reference.py on the same generated data and
prints a Markdown table per benchmark with the ratio to each reference. Medians of
several runs; the spread is shown as min..max."""
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.environ.get("RELMAP_BENCH", os.path.join(ROOT, ".build", "release", "relmap-bench"))
# The relmap CLI beside it, unless benchmarks/run names another (a debug build for --smoke).
RELMAP = os.environ.get("RELMAP", os.path.join(os.path.dirname(BENCH), "relmap"))
SMOKE = "--smoke" in sys.argv
WORK = tempfile.mkdtemp(prefix="relmap-bench-")


def run_json(cmd):
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=ROOT).stdout
    return json.loads(out.strip().splitlines()[-1])


def ms(seconds):
    if seconds < 1e-3:
        return f"{seconds * 1e6:.0f} µs"
    if seconds < 1:
        return f"{seconds * 1000:.1f} ms"
    return f"{seconds:.2f} s" if seconds < 10 else f"{seconds:.1f} s"


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


def graph():
    sizes = [(1000, 5000)] if SMOKE else [(1000, 5000), (10_000, 100_000), (100_000, 1_000_000)]
    print("\n### Articulation points, bridges and strongest paths\n")
    print("The graphs the product builds from a generated account: the reach graph of single-thread risks "
          "(`ReachGraph`: team node, members, people; live contacts and the ties a carrier passes reach along) "
          "and the plan's introduction graph (arcs weighted by strength; Dijkstra on −log strength from the whole team). "
          "\"Build\" is making the graph from the same list of pairs or arcs: relmap `UndirectedGraph` / `WeightedDigraph`; "
          "igraph `Graph(edges).simplify()` / a directed `Graph` with weights plus one extra node joined to the team by "
          "0-weight arcs (igraph has no multi-source Dijkstra); NetworkX `Graph` / `DiGraph` with parallel arcs merged to the strongest. "
          "The searches time only the call on a built graph: `articulationPoints()` / `articulation_points()`, `bridges()`, "
          "`strongestPaths(from:)` / igraph `distances(..., algorithm=\"dijkstra\")` / NetworkX `multi_source_dijkstra` "
          "(which also builds every path). Every result was checked equal before timing: the same articulation points "
          "and bridges, and strengths within 1e-9 of exp(−distance).\n")
    print("| people / ties | graph | algorithm | relmap | spread | igraph | NetworkX | vs igraph | vs NetworkX |")
    print("|---|---|---|---|---|---|---|---|---|")

    def ratio(ref, ours):
        x = max(ref, ours) / min(ref, ours)
        return f"{x:.1f}×" if x < 10 else f"{x:.0f}×"

    def versus(ref, ours):
        return f"{ratio(ref, ours)} faster" if ref >= ours else f"{ratio(ref, ours)} slower"

    notes = []
    for people, ties in sizes:
        where = os.path.join(WORK, f"graph-{people}")
        repeats = "3" if SMOKE else "5"
        ours = run_json([BENCH, "graph", "--people", str(people), "--ties", str(ties), "--out", where, "--repeats", repeats])
        ref = run_json([sys.executable, "benchmarks/reference.py", "graph", where, "3" if people >= 100_000 else repeats])
        agree = all(ref[f"{lib}_{what}_agree"] for lib in ("igraph", "networkx") for what in ("articulation", "bridges", "strength"))
        assert agree, "results disagree"
        rows = [(f"reach: {ours['nodes']:,} nodes, {ours['edges']:,} edges", "build", "build"),
                ("", "articulation points", "articulation"),
                ("", "bridges", "bridges"),
                (f"introduction: {ours['arc_nodes']:,} nodes, {ours['arcs']:,} arcs", "build", "digraph"),
                ("", "strongest paths (Dijkstra)", "dijkstra")]
        for i, (label, name, key) in enumerate(rows):
            mine, ig, nx = ours[f"{key}_median"], ref[f"igraph_{key}_median"], ref[f"networkx_{key}_median"]
            size = f"{people:,} / {ties:,}" if i == 0 else ""
            print(f"| {size} | {label} | {name} | {ms(mine)} | {spread(ours[f'{key}_seconds'])} | {ms(ig)} | {ms(nx)} "
                  f"| {versus(ig, mine)} | {versus(nx, mine)} |")
        for label, keys in (("reach graph, build + both searches", ("build", "articulation", "bridges")),
                            ("introduction graph, build + search", ("digraph", "dijkstra"))):
            mine = sum(ours[f"{k}_median"] for k in keys)
            ig = sum(ref[f"igraph_{k}_median"] for k in keys)
            nx = sum(ref[f"networkx_{k}_median"] for k in keys)
            print(f"| | {label} | sum of medians | {ms(mine)} | | {ms(ig)} | {ms(nx)} | {versus(ig, mine)} | {versus(nx, mine)} |")
        notes.append(f"{people:,} people: {ours['articulation_points']:,} articulation points and {ours['bridges']:,} bridges, "
                     f"the same in igraph and NetworkX; {ours['reached']:,} of {ours['arc_nodes']:,} nodes reached, strengths "
                     f"within {ref['igraph_max_strength_diff']:.1e} (igraph) and {ref['networkx_max_strength_diff']:.1e} (NetworkX)")
    print("\nAgreement, checked before timing:\n")
    for note in notes:
        print(f"- {note}")


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
    threads = run_json([BENCH, "pipeline", "--dir", d, "--accounts", str(accounts), "--repeats", repeats, "--threads"])
    ref = run_json([sys.executable, "benchmarks/reference.py", "pipeline", d, "1"])
    print(f"\n### Whole pipeline over {accounts:,} accounts × 40 people ({one['bytes'] / 1e6:.0f} MB of YAML)\n")
    print("relmap: load + validate (every rule) + influence + reach + coverage + gaps + visit plan per account. "
          "Python: PyYAML C loader + the influence model with NetworkX (less work).\n")
    print("| | time | spread | peak memory | vs Python |")
    print("|---|---|---|---|---|")
    print(f"| relmap, 1 process | {ms(one['median'])} | {spread(one['seconds'])} | {one['peak_rss'] / 2**20:.0f} MiB | {ref['median'] / one['median']:.1f}× faster |")
    print(f"| relmap, 2 worker processes | {ms(two['median'])} | {spread(two['seconds'])} | {two['peak_rss'] / 2**20:.0f} MiB each | {ref['median'] / two['median']:.1f}× faster |")
    print(f"| relmap, 1 process on every core (`ParallelMap`, as the CLI loads and scores a folder) | {ms(threads['median'])} | {spread(threads['seconds'])} | {threads['peak_rss'] / 2**20:.0f} MiB | {ref['median'] / threads['median']:.1f}× faster |")
    print(f"| Python (PyYAML C + NetworkX) | {ms(ref['median'])} | | {ref['peak_rss'] / 2**20:.0f} MiB | 1× |")


def render():
    """One 30-person diagram as SVG three ways on the same DOT, the sample folder, and memory."""
    repeats, renders, cli_renders = ("5", "200", "50") if SMOKE else ("30", "10000", "1000")
    relmap = RELMAP
    r = run_json([BENCH, "render", "--relmap", relmap, "--repeats", repeats, "--renders", renders,
                  "--cli-renders", cli_renders, "--out", os.path.join(WORK, "render")])
    base = r["in_process_median"]
    print(f"\n### Rendering {r['account']} ({r['dot_bytes'] / 1e3:.0f} kB of DOT) to SVG, median of {repeats}\n")
    print("| | time | spread | vs in process |")
    print("|---|---|---|---|")
    rows = [("relmap in process (`Graphviz.render`)", "in_process"),
            ("relmap's child-process worker (`relmap render --graphviz-worker`, what the CLI does)", "worker"),
            ("spawning `dot -Tsvg`, DOT on stdin", "dot_program"),
            ("spawning `dot -Tsvg` on a one-node graph (starting `dot`, no diagram)", "dot_start"),
            ("`relmap render FILE -o x.svg` (load, check, analyse, DOT, worker, write)", "cli_one")]
    for label, key in rows:
        ratio = "1×" if key == "in_process" else f"{r[key + '_median'] / base:.1f}× slower"
        print(f"| {label} | {ms(r[key + '_median'])} | {spread(r[key])} | {ratio} |")
    print(f"\nIn process vs spawning `dot`: {r['dot_program_median'] / base:.1f}× faster "
          f"(target 5×); vs relmap's worker: {r['worker_median'] / base:.1f}× faster. "
          f"Starting `dot` is {ms(r['dot_start_median'])} of its {ms(r['dot_program_median'])}; the rest, "
          f"{ms(r['dot_program_median'] - r['dot_start_median'])}, is `dot` drawing this diagram from a cold start, "
          f"which a warm process does in {ms(base)}. 5× would need the in-process render at {ms(r['dot_program_median'] / 5)} or less.\n")
    print(f"| whole folder ({r['folder_files']} accounts) | time |")
    print("|---|---|")
    print(f"| in process: load, analyse, DOT, SVG | {ms(r['folder_in_process_median'])} |")
    print(f"| `relmap render graphs -o DIR --format svg` | {ms(r['folder_cli_median'])} |")
    grow = r["rss_after"] - r["rss_before"]
    print(f"\n| memory | figure |")
    print("|---|---|")
    print(f"| in process, {r['renders']:,} renders ({r['soak_seconds']:.0f} s) | {r['rss_before'] / 2**20:.1f} MiB -> "
          f"{r['rss_after'] / 2**20:.1f} MiB, +{grow / r['renders'] / 1e3:.1f} kB per render (Graphviz 2.42's dot leak) |")
    print(f"| `relmap render` parent, {r['cli_renders']:,} diagrams by child processes ({r['cli_seconds']:.0f} s, "
          f"exit {r['cli_status']}) | {r['cli_rss_first'] / 2**20:.1f} MiB at the first diagram -> "
          f"{r['cli_rss_last'] / 2**20:.1f} MiB at the last, peak {r['cli_rss_peak'] / 2**20:.1f} MiB |")


def import_export():
    """`relmap import salesforce` on a generated 50,000-contact, 200,000-task export, under /usr/bin/time -v."""
    contacts, tasks, runs = (2_000, 8_000, 1) if SMOKE else (50_000, 200_000, 3)
    d = os.path.join(tempfile.gettempdir(), f"relmap-bench-export-{contacts}x{tasks}")
    gen = run_json([BENCH, "import-export", "--dir", d, "--contacts", str(contacts), "--tasks", str(tasks)])
    relmap = RELMAP
    out = os.path.join(WORK, "import.yaml")
    walls, cpus, rss = [], [], []
    for _ in range(runs):
        r = subprocess.run(["/usr/bin/time", "-v", relmap, "import", "salesforce", d, "-o", out, "--force", "--as-of", "2023-06-30"],
                           capture_output=True, text=True, cwd=ROOT)
        if r.returncode != 0:
            sys.exit(f"benchmarks: relmap import failed:\n{r.stderr}")
        field = lambda name: next(l.split(": ", 1)[1] for l in r.stderr.splitlines() if l.strip().startswith(name))
        m, sec = field("Elapsed (wall clock)").rsplit(":", 1)
        walls.append(float(m.split(":")[-1]) * 60 + float(sec))
        cpus.append(float(field("User time")) + float(field("System time")))
        rss.append(int(field("Maximum resident set size")) * 1024)
    print(f"\n### Import of a Salesforce export: {contacts:,} contacts (72 columns, Windows-1252), {tasks:,} tasks "
          f"({gen['bytes'] / 1e6:.0f} MB), median of {runs}\n")
    print("| wall time | CPU time (user + system) | max RSS | load average at the end |")
    print("|---|---|---|---|")
    print(f"| {median(walls):.1f} s | {median(cpus):.1f} s | {median(rss) / 2**20:.0f} MiB | {os.getloadavg()[0]:.1f} |")


def book():
    """The CLI over a varied book (SyntheticBook): check, analyze, gaps and plan as whole
    processes on both cores and on one, against libyaml's event parse of the same files and
    the Python pipeline; ends with the table of docs/performance.md's "A varied book" targets."""
    import resource
    import shutil
    accounts, repeats, py_repeats = (100, 1, 1) if SMOKE else (2000, 5, 3)
    d = os.path.join(tempfile.gettempdir(), f"relmap-bench-varied-{accounts}")
    size = run_json([BENCH, "folder", "--dir", d, "--accounts", str(accounts), "--varied"])
    events = os.path.join(WORK, "yaml-events")
    subprocess.run(["cc", "-O2", "-o", events, os.path.join(ROOT, "benchmarks", "yaml-events.c"), "-lyaml"], check=True)
    taskset = shutil.which("taskset")

    def timed(cmd, one_core=False):
        """(wall, cpu) of one whole process, its output thrown away."""
        if one_core:
            cmd = [taskset, "-c", "0"] + cmd
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if r.returncode not in (0, 1):
            sys.exit(f"benchmarks: {' '.join(cmd)} exited {r.returncode}:\n{r.stderr.decode()[-2000:]}")
        return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)

    def series(cmd, one_core=False):
        if not SMOKE:
            timed(cmd, one_core)  # warm-up: the page cache and the binary
        runs = [timed(cmd, one_core) for _ in range(repeats)]
        return [w for w, _ in runs], [c for _, c in runs]

    libyaml_wall, libyaml_cpu = series([events, d])
    commands = [("check", ["check", d]), ("analyze --format json", ["analyze", d, "--format", "json"]),
                ("analyze --format csv", ["analyze", d, "--format", "csv"]), ("gaps", ["gaps", d]), ("plan", ["plan", d])]
    rows = {}
    for name, args in commands:
        two_wall, two_cpu = series([RELMAP] + args)
        one_wall, _ = series([RELMAP] + args, one_core=True)
        rows[name] = (two_wall, two_cpu, one_wall)
    ref = run_json([sys.executable, "benchmarks/reference.py", "pipeline", d, str(py_repeats)])
    python = ref["median"]
    print(f"\n### A varied book: {size['files']:,} accounts, {size['people']:,} people, {size['ties']:,} ties "
          f"({size['bytes'] / 1e6:.1f} MB of YAML), load average {os.getloadavg()[0]:.1f}\n")
    print(f"Whole processes, output thrown away, median of {repeats} after a warm-up (min..max); "
          "one core is `taskset -c 0`. Python: PyYAML's C loader + NetworkX pagerank per file "
          f"(benchmarks/reference.py pipeline, in-process time, median of {py_repeats}).\n")
    print("| command | wall, 2 cores | CPU | wall, 1 core | 2 cores vs 1 | vs Python |")
    print("|---|---|---|---|---|---|")
    print(f"| libyaml event parse (C, 1 core) | {ms(median(libyaml_wall))} ({spread(libyaml_wall)}) | {ms(median(libyaml_cpu))} | | | |")
    for name, (two_wall, two_cpu, one_wall) in rows.items():
        print(f"| `relmap {name}` | {ms(median(two_wall))} ({spread(two_wall)}) | {ms(median(two_cpu))} "
              f"| {ms(median(one_wall))} ({spread(one_wall)}) | {median(one_wall) / median(two_wall):.2f}× "
              f"| {python / median(two_wall):.1f}× faster |")
    print(f"| Python (PyYAML C + NetworkX) | {ms(python)} ({spread(ref['seconds'])}) | | | | 1× |")
    json_ratio = python / median(rows["analyze --format json"][0])
    check_cpu = median(rows["check"][1]) / median(libyaml_cpu)
    print("\n| target | figure | met? |")
    print("|---|---|---|")
    print(f"| `analyze --format json` at least 10× Python | {json_ratio:.1f}× | {'yes' if json_ratio >= 10 else 'no'} |")
    print(f"| `check` CPU within 2× of libyaml's event parse | {check_cpu:.2f}× | {'yes' if check_cpu <= 2 else 'no'} |")
    for name in ("check", "analyze --format json", "gaps", "plan"):
        two_wall, _, one_wall = rows[name]
        x = median(one_wall) / median(two_wall)
        print(f"| `{name}`: 2 cores at least 1.8× one core | {x:.2f}× | {'yes' if x >= 1.8 else 'no'} |")


def scaling():
    """Two cores against one (`taskset -c 0`) for the folder commands of issue 21's target, runs
    interleaved so both face the same load from whatever else the machine does. RELMAP_BASELINE
    names a second binary (an older build) timed in the same rounds; BOOK_DIR an existing folder
    (else the varied book of `book`)."""
    import shutil
    accounts, repeats = (100, 1) if SMOKE else (2000, int(os.environ.get("REPEATS", "5")))
    d = os.environ.get("BOOK_DIR")
    if not d:
        d = os.path.join(tempfile.gettempdir(), f"relmap-bench-varied-{accounts}")
        run_json([BENCH, "folder", "--dir", d, "--accounts", str(accounts), "--varied"])
    binaries = [("this build", RELMAP)]
    if os.environ.get("RELMAP_BASELINE"):
        binaries.append(("baseline", os.environ["RELMAP_BASELINE"]))
    taskset = shutil.which("taskset")
    commands = [("check", ["check", d]), ("analyze --format json", ["analyze", d, "--format", "json"]),
                ("analyze --format csv", ["analyze", d, "--format", "csv"]), ("gaps", ["gaps", d]), ("plan", ["plan", d])]

    def wall(cmd):
        start = time.perf_counter()
        r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
        if r.returncode not in (0, 1):
            sys.exit(f"benchmarks: {' '.join(cmd)} exited {r.returncode}")
        return time.perf_counter() - start

    load_before = os.getloadavg()[0]
    times = {(b, c, n): [] for b, _ in binaries for c, _ in commands for n in (1, 2)}
    for name, args in commands:
        for _, binary in binaries:
            wall([binary] + args)  # warm-up: the page cache and the binary
        for _ in range(repeats):
            for label, binary in binaries:
                times[(label, name, 2)].append(wall([binary] + args))
                times[(label, name, 1)].append(wall([taskset, "-c", "0", binary] + args))
    print(f"\n### Two cores vs one on {d}: median of {repeats} interleaved runs each, "
          f"load average {load_before:.1f} at the start, {os.getloadavg()[0]:.1f} at the end\n")
    print("| command | binary | wall, 2 cores | wall, 1 core | 1 core / 2 cores |")
    print("|---|---|---|---|---|")
    for name, _ in commands:
        for label, _ in binaries:
            two, one = times[(label, name, 2)], times[(label, name, 1)]
            print(f"| `{name}` | {label} | {ms(median(two))} ({spread(two)}) | {ms(median(one))} ({spread(one)}) "
                  f"| {median(one) / median(two):.2f}× |")


def median(xs):
    s = sorted(xs)
    return s[len(s) // 2] if len(s) % 2 else (s[len(s) // 2 - 1] + s[len(s) // 2]) / 2


BENCHMARKS = {"influence": influence, "graph": graph, "yaml": yaml_load, "pipeline": pipeline, "render": render}
BENCHMARKS["import"] = import_export
BENCHMARKS["book"] = book
BENCHMARKS["scaling"] = scaling


def serve():
    """`relmap serve` against issue 20's targets: benchmarks/serve.py on generated accounts."""
    accounts, repeats = ("20", "3") if SMOKE else ("1000", "30")
    sys.stdout.flush()
    subprocess.run([sys.executable, "benchmarks/serve.py", "--relmap", RELMAP, "--bench", BENCH,
                    "--accounts", accounts, "--repeats", repeats], check=True, cwd=ROOT)


BENCHMARKS["serve"] = serve


def main():
    # Names after the options pick benchmarks (benchmarks/run pipeline render); none runs all.
    chosen = [a for a in sys.argv[1:] if not a.startswith("--")] or list(BENCHMARKS)
    unknown = [name for name in chosen if name not in BENCHMARKS]
    if unknown:
        sys.exit(f"benchmarks: unknown benchmark {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}")
    print(f"relmap benchmarks{' (smoke sizes)' if SMOKE else ''}; machine: {os.cpu_count()} cores")
    for name in chosen:
        BENCHMARKS[name]()


if __name__ == "__main__":
    main()
