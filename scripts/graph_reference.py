#!/usr/bin/env python3
"""Reference values for relmap's graph algorithms, computed with NetworkX.

relmap owns three graph algorithms (Sources/RelMapCore/Graph): articulation points and
bridges of an undirected graph (single-thread risk, docs/gaps.md) and strongest paths
in a directed graph whose arcs carry strengths in (0, 1] (introduction routes,
docs/plan.md). This script computes what they must return with NetworkX:

  articulation points  networkx.articulation_points
  bridges              networkx.bridges
  strongest paths      networkx.multi_source_dijkstra_path_length on -log(strength)

on two kinds of input, and writes Tests/RelMapCoreTests/Fixtures/graph-reference.json:

* accounts: every sample in graphs/ and generated accounts, which it writes first to
  Tests/RelMapCoreTests/Fixtures/graph-generated/accounts/. For each it builds, from the
  YAML alone and independently of relmap, the reach graph (team node, members, people;
  contacts that still count and ties a carrier passes reach along) and the introduction
  graph (member -> person at the contact's current strength, carrier -> person at
  carryFactor x tie strength), so the test checks relmap's graph construction as well.
* plain graphs: hundreds of generated undirected and directed graphs of many shapes
  (random, trees, paths, cycles, stars, complete graphs, barbells, several components,
  repeated edges and self-loops), written to graph-generated/plain/graphs.json.

Seeded: the same files every run. Run from the repository root:
    python3 scripts/graph_reference.py
The Swift tests GraphAlgorithmReferenceTests load the same files and compare.
"""
import datetime
import json
import math
import os
import random
import sys

import networkx as nx
import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "Tests", "RelMapCoreTests", "Fixtures")
GENERATED = os.path.join(FIXTURES, "graph-generated")

# The model's parameters, as docs/scoring.md gives them.
HALF_LIFE_DAYS = 90.0
CARRY_FACTOR = 0.5
IMPLIED_STRENGTH = 0.3
WORDS = {"weak": 0.3, "medium": 0.6, "strong": 0.9}
STANCES = ["champion", "supporter", "neutral", "skeptic", "blocker", "unknown"]
ROLES = ["decision-maker", "economic-buyer", "technical-buyer", "user-buyer", "influencer", "coach", "gatekeeper"]


def day(value):
    if value is None:
        return None
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value))


def is_carrier(person):
    """Champions and supporters, and coaches who are not against us (Reach.isCarrier)."""
    stance = person.get("stance", "unknown")
    roles = person.get("roles") or []
    if isinstance(roles, str):
        roles = [roles]
    return stance in ("champion", "supporter") or ("coach" in roles and stance not in ("skeptic", "blocker"))


def current_contacts(doc):
    """(member, person) -> current strength, as docs/scoring.md "Reach" defines it."""
    as_of = day(doc["account"]["as_of"])
    members = {m["id"] for m in doc.get("team") or []}
    people = {p["id"] for p in doc.get("people") or []}
    latest = {}
    for it in doc.get("interactions") or []:
        d = day(it["date"])
        for p in it.get("people") or []:
            key = (it["member"], p)
            if key not in latest or latest[key] < d:
                latest[key] = d

    def fade(last):
        if last is None:
            return 0.5
        return 0.5 ** (max(0, (as_of - last).days) / HALF_LIFE_DAYS)

    result = {}
    for c in doc.get("contacts") or []:
        key = (c["member"], c["person"])
        raw = c.get("strength", "medium")
        value = WORDS[raw] if isinstance(raw, str) else float(raw)
        dates = [d for d in (day(c.get("last")), latest.get(key)) if d is not None]
        result[key] = value * fade(max(dates) if dates else None)
    for key, d in latest.items():
        if key not in result and key[0] in members and key[1] in people:
            result[key] = IMPLIED_STRENGTH * fade(d)
    return result


def carry_ties(doc):
    """(carrier, person, strength) for each tie a carrier passes reach along."""
    people = {p["id"]: p for p in doc.get("people") or []}
    ties = []
    for r in doc.get("relations") or []:
        a, b, kind = r["from"], r["to"], r["type"]
        if a == b or a not in people or b not in people:
            continue
        s = float(r.get("strength", 1.0))
        if kind == "influences" and is_carrier(people[a]):
            ties.append((a, b, s))
        elif kind == "ally":
            if is_carrier(people[a]):
                ties.append((a, b, s))
            if is_carrier(people[b]):
                ties.append((b, a, s))
    return ties


def account_reference(doc):
    team = [m["id"] for m in doc.get("team") or []]
    people = [p["id"] for p in doc.get("people") or []]
    contacts = current_contacts(doc)
    ties = carry_ties(doc)

    reach = nx.Graph()
    reach.add_node("team")
    reach.add_nodes_from(f"member:{m}" for m in team)
    reach.add_nodes_from(f"person:{p}" for p in people)
    reach.add_edges_from(("team", f"member:{m}") for m in team)
    reach.add_edges_from((f"member:{m}", f"person:{p}") for (m, p), s in contacts.items() if s > 0)
    reach.add_edges_from((f"person:{a}", f"person:{b}") for a, b, _ in ties)

    intro = nx.DiGraph()
    intro.add_nodes_from(f"member:{m}" for m in team)
    intro.add_nodes_from(f"person:{p}" for p in people)

    def arc(u, v, s):
        w = -math.log(s)
        if not intro.has_edge(u, v) or intro[u][v]["weight"] > w:
            intro.add_edge(u, v, weight=w)

    for (m, p), s in contacts.items():
        if s > 0:
            arc(f"member:{m}", f"person:{p}", s)
    for a, b, s in ties:
        arc(f"person:{a}", f"person:{b}", CARRY_FACTOR * s)

    def strengths(sources):
        if not sources:
            return {}
        dist = nx.multi_source_dijkstra_path_length(intro, set(sources), weight="weight")
        return {k: math.exp(-d) for k, d in sorted(dist.items()) if k.startswith("person:")}

    strongest = {"team": strengths([f"member:{m}" for m in team])}
    for m in team:
        strongest[f"member:{m}"] = strengths([f"member:{m}"])
    return {
        "nodes": reach.number_of_nodes(),
        "edges": reach.number_of_edges(),
        "arcs": intro.number_of_edges(),
        "articulation_points": sorted(nx.articulation_points(reach)),
        "bridges": sorted(sorted(e) for e in nx.bridges(reach)),
        "strongest": strongest,
    }


def generate_account(seed):
    """A small account whose reach graph has cut vertices and bridges: few members, few
    contacts, sparse ties, every stance, some coaches, dated and undated contacts,
    numeric strengths, and a visit log that implies some contacts."""
    rnd = random.Random(seed)
    n = rnd.choice([1, 2, 3, 5, 8, 12, 20, 30, 45, 60, 80])
    as_of = datetime.date(2026, 11, 1)
    team = [{"id": f"m{i}", "name": f"Member {i}"} for i in range(rnd.randint(1, 4))]
    people = []
    for i in range(n):
        p = {"id": f"p{i}", "name": f"Person {i}", "department": f"D{rnd.randrange(3)}",
             "stance": rnd.choice(STANCES)}
        if rnd.random() < 0.5:
            p["roles"] = rnd.sample(ROLES, rnd.randint(1, 2))
        if i > 0 and rnd.random() < 0.8:
            p["reports_to"] = f"p{rnd.randrange(i)}"
        people.append(p)
    relations, seen = [], set()
    for _ in range(rnd.randint(0, max(1, int(n * rnd.uniform(0.5, 1.6))))):
        a, b = rnd.randrange(n), rnd.randrange(n)
        if a == b:
            continue
        kind = rnd.choice(["influences", "influences", "ally", "rival"])
        key = (kind, a, b) if kind == "influences" else (kind, min(a, b), max(a, b))
        if key in seen:
            continue
        seen.add(key)
        rel = {"from": f"p{a}", "to": f"p{b}", "type": kind}
        if rnd.random() < 0.7:
            rel["strength"] = rnd.choice([1.0, round(rnd.uniform(0.05, 1.0), 3)])
        relations.append(rel)
    contacts, pairs = [], set()
    for i in range(n):
        if rnd.random() < 0.3:
            for m in rnd.sample(team, rnd.randint(1, min(2, len(team)))):
                pairs.add((m["id"], f"p{i}"))
                c = {"member": m["id"], "person": f"p{i}"}
                r = rnd.random()
                if r < 0.6:
                    c["strength"] = rnd.choice(["weak", "medium", "strong"])
                elif r < 0.9:
                    c["strength"] = round(rnd.uniform(0.05, 1.0), 3)
                if rnd.random() < 0.9:
                    c["last"] = (as_of - datetime.timedelta(days=rnd.randint(0, 400))).isoformat()
                contacts.append(c)
    interactions = []
    for _ in range(rnd.randint(0, 3)):
        if n == 0:
            break
        m = rnd.choice(team)["id"]
        who = sorted({f"p{rnd.randrange(n)}" for _ in range(rnd.randint(1, 3))})
        when = (as_of - datetime.timedelta(days=rnd.randint(0, 300))).isoformat()
        interactions.append({"date": when, "member": m, "people": who})
    doc = {
        "relmap": 1,
        "account": {"id": f"gen-acc-{seed}", "name": f"Generated account {seed}", "as_of": as_of.isoformat()},
        "team": team,
        "people": people,
        "relations": relations,
        "contacts": contacts,
    }
    if interactions:
        doc["interactions"] = interactions
    return doc


def generate_undirected(rnd, index):
    """One undirected graph of a shape chosen by index, with repeated edges and
    self-loops mixed in (relmap merges the one and drops the other, as a NetworkX Graph
    does)."""
    shape = ["random", "sparse", "tree", "path", "cycle", "star", "complete", "barbell", "components",
             "cactus", "empty"][index % 11]
    n = rnd.choice([1, 2, 3, 4, 6, 10, 17, 30, 60, 120, 250])
    edges = []
    if shape == "random":
        edges = [(rnd.randrange(n), rnd.randrange(n)) for _ in range(rnd.randint(0, 2 * n))]
    elif shape == "sparse":
        edges = [(rnd.randrange(n), rnd.randrange(n)) for _ in range(rnd.randint(0, n))]
    elif shape == "tree":
        edges = [(i, rnd.randrange(i)) for i in range(1, n)]
    elif shape == "path":
        edges = [(i, i + 1) for i in range(n - 1)]
    elif shape == "cycle":
        edges = [(i, (i + 1) % n) for i in range(n)]
    elif shape == "star":
        edges = [(0, i) for i in range(1, n)]
    elif shape == "complete":
        n = min(n, 12)
        edges = [(i, j) for i in range(n) for j in range(i + 1, n)]
    elif shape == "barbell":
        k = max(1, n // 3)
        edges = [(i, j) for i in range(k) for j in range(i + 1, k)]
        edges += [(k + i, k + j) for i in range(k) for j in range(i + 1, k)]
        edges += [(k - 1 + i, k + i) for i in range(max(0, n - 2 * k) + 1) if k + i < n]
    elif shape == "components":
        parts = rnd.randint(2, 5)
        for _ in range(3 * n):
            c = rnd.randrange(parts)
            members = [v for v in range(n) if v % parts == c]
            if len(members) > 1:
                edges.append((rnd.choice(members), rnd.choice(members)))
    elif shape == "cactus":
        v = 1
        while v < n:
            size = rnd.randint(1, 4)
            anchor = rnd.randrange(v)
            ring = [anchor] + list(range(v, min(n, v + size)))
            edges += [(ring[i], ring[(i + 1) % len(ring)]) for i in range(len(ring))] if len(ring) > 2 else [(ring[0], ring[1])]
            v += size
    edges += [rnd.choice(edges) for _ in range(rnd.randint(0, 3))] if edges else []
    edges += [(v, v) for v in rnd.sample(range(n), min(n, rnd.randint(0, 2)))]
    return {"name": f"u{index:03d}-{shape}", "kind": "undirected", "n": n, "edges": [list(e) for e in edges]}


def generate_directed(rnd, index):
    """One directed graph with strengths in (0, 1] (some exactly 1, some parallel arcs)
    and a few sources."""
    n = rnd.choice([1, 2, 5, 10, 25, 50, 100, 150])
    arcs = []
    for _ in range(rnd.randint(0, 3 * n)):
        s = rnd.choice([1.0, 0.5, round(rnd.uniform(0.01, 1.0), 4), rnd.uniform(0.01, 1.0)])
        arcs.append([rnd.randrange(n), rnd.randrange(n), s])
    sources = sorted(rnd.sample(range(n), rnd.randint(1, min(n, 3))))
    return {"name": f"d{index:03d}", "kind": "directed", "n": n, "arcs": arcs, "sources": sources}


def undirected_reference(g):
    G = nx.Graph()
    G.add_nodes_from(range(g["n"]))
    G.add_edges_from(map(tuple, g["edges"]))
    G.remove_edges_from(list(nx.selfloop_edges(G)))
    return {"articulation_points": sorted(nx.articulation_points(G)),
            "bridges": sorted(sorted(e) for e in nx.bridges(G)),
            "edges": G.number_of_edges()}


def directed_reference(g):
    D = nx.DiGraph()
    D.add_nodes_from(range(g["n"]))
    for u, v, s in g["arcs"]:
        w = -math.log(s)
        if not D.has_edge(u, v) or D[u][v]["weight"] > w:
            D.add_edge(u, v, weight=w)
    dist = nx.multi_source_dijkstra_path_length(D, set(g["sources"]), weight="weight")
    return {"strength": [math.exp(-dist[v]) if v in dist else 0.0 for v in range(g["n"])]}


def main():
    os.makedirs(os.path.join(GENERATED, "accounts"), exist_ok=True)
    os.makedirs(os.path.join(GENERATED, "plain"), exist_ok=True)
    docs = {}
    graphs = os.path.join(ROOT, "graphs")
    for name in sorted(os.listdir(graphs)):
        if name.endswith((".yaml", ".yml", ".json")):
            with open(os.path.join(graphs, name), encoding="utf-8") as f:
                docs["graphs/" + name] = yaml.safe_load(f)
    for seed in range(1, 81):
        doc = generate_account(seed)
        path = os.path.join(GENERATED, "accounts", f"acc-{seed:03d}.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(f"# Generated by scripts/graph_reference.py (seed {seed}). Do not edit.\n")
            yaml.safe_dump(doc, f, allow_unicode=True, sort_keys=False, default_flow_style=None, width=200)
        docs[f"graph-generated/accounts/acc-{seed:03d}.yaml"] = doc

    rnd = random.Random(20261101)
    plain = [generate_undirected(rnd, i) for i in range(220)] + [generate_directed(rnd, i) for i in range(200)]
    with open(os.path.join(GENERATED, "plain", "graphs.json"), "w", encoding="utf-8") as f:
        json.dump({"about": "generated by scripts/graph_reference.py; do not edit", "graphs": plain}, f)
        f.write("\n")

    accounts = {name: account_reference(doc) for name, doc in docs.items()}
    references = {g["name"]: undirected_reference(g) if g["kind"] == "undirected" else directed_reference(g)
                  for g in plain}
    out = {
        "about": "networkx articulation_points, bridges and multi_source_dijkstra on -log(strength); "
                 "see scripts/graph_reference.py",
        "networkx": nx.__version__,
        "tolerance": 1e-9,
        "accounts": accounts,
        "graphs": references,
    }
    with open(os.path.join(FIXTURES, "graph-reference.json"), "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")
    nodes = sum(a["nodes"] for a in accounts.values()) + sum(g["n"] for g in plain)
    print(f"graph reference: {len(accounts)} accounts and {len(plain)} plain graphs, {nodes} nodes, "
          f"networkx {nx.__version__}", file=sys.stderr)


if __name__ == "__main__":
    main()
