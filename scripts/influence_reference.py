#!/usr/bin/env python3
"""Reference values for relmap's influence scores, computed with NetworkX.

relmap's influence model (docs/scoring.md, "Influence") is a personalized PageRank.
This script builds the same weighted graph independently from the account files,
runs networkx.pagerank on it, and writes what relmap must reproduce:

  Tests/RelMapCoreTests/Fixtures/influence-reference.json

It reads every sample in graphs/ and a set of generated accounts, which it writes
first to Tests/RelMapCoreTests/Fixtures/generated/ (seeded, so the same every run).
The Swift test InfluenceReferenceTests loads the same files through relmap's own
loader and compares every score with a tolerance of 1e-9.

Run from the repository root:  python3 scripts/influence_reference.py
"""
import json
import math
import os
import random
import sys

import networkx as nx
import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "Tests", "RelMapCoreTests", "Fixtures")
GENERATED = os.path.join(FIXTURES, "generated")

# The model's parameters, as docs/scoring.md gives them.
DAMPING = 0.85
REPORTS_TO_WEIGHT = 0.3
DEFAULT_JUDGMENT = 3
ROLE_ORDER = ["decision-maker", "economic-buyer", "technical-buyer", "user-buyer",
              "influencer", "coach", "gatekeeper"]
ROLE_WEIGHT = {"decision-maker": 3.0, "economic-buyer": 2.5, "technical-buyer": 2.0,
               "user-buyer": 1.5, "influencer": 1.5, "coach": 1.2, "gatekeeper": 1.2}


def effective_levels(people):
    """A person's level as written, else one below their manager's, else 1."""
    by_id = {p["id"]: p for p in people}
    memo = {}

    def level(pid, seen=()):
        if pid in memo:
            return memo[pid]
        p = by_id[pid]
        if p.get("level") is not None:
            result = p["level"]
        else:
            boss = p.get("reports_to")
            if boss is None or boss == pid or boss not in by_id or boss in seen:
                result = 1
            else:
                result = level(boss, seen + (pid,)) + 1
        memo[pid] = result
        return result

    return {p["id"]: level(p["id"]) for p in people}


def own_weights(people):
    levels = effective_levels(people)
    weights = {}
    for p in people:
        roles = p.get("roles") or []
        if isinstance(roles, str):
            roles = [roles]
        main = min(roles, key=ROLE_ORDER.index) if roles else None
        judgment = p.get("influence") or DEFAULT_JUDGMENT
        weights[p["id"]] = (judgment / 3) * ROLE_WEIGHT.get(main, 1.0) / math.sqrt(levels[p["id"]])
    return weights


def influence_graph(doc):
    """Edge j -> i means i shares in j's score: i influences j, or i reports to j.
    Parallel ties add up (someone who both reports to and influences a manager)."""
    g = nx.DiGraph()
    people = doc.get("people") or []
    ids = [p["id"] for p in people]
    g.add_nodes_from(ids)

    def add(j, i, w):
        if g.has_edge(j, i):
            g[j][i]["weight"] += w
        else:
            g.add_edge(j, i, weight=w)

    for p in people:
        boss = p.get("reports_to")
        if boss is not None and boss != p["id"] and boss in g:
            add(boss, p["id"], REPORTS_TO_WEIGHT)
    for r in doc.get("relations") or []:
        if r["type"] == "influences" and r["from"] != r["to"]:
            add(r["to"], r["from"], float(r.get("strength", 1.0)))
    return g


def reference(doc):
    people = doc.get("people") or []
    weights = own_weights(people)
    g = influence_graph(doc)
    pr = nx.pagerank(g, alpha=DAMPING, personalization=weights, weight="weight",
                     tol=1e-15, max_iter=100000)
    top = max(pr.values())
    return {
        "pagerank": {k: pr[k] for k in sorted(pr)},
        "influence": {k: 100 * pr[k] / top for k in sorted(pr)},
    }


def generate(seed, n):
    """A random account of n people: a reporting tree (some levels written, some not),
    influence ties (some parallel to reporting lines), allies, rivals, judgments."""
    rnd = random.Random(seed)
    people = []
    for i in range(n):
        p = {"id": f"p{i}", "name": f"Person {i}", "department": f"D{rnd.randrange(4)}",
             "stance": rnd.choice(["champion", "supporter", "neutral", "skeptic", "blocker", "unknown"])}
        if i > 0 and rnd.random() < 0.9:
            p["reports_to"] = f"p{rnd.randrange(i)}"
        if rnd.random() < 0.7:
            p["influence"] = rnd.randint(1, 5)
        if rnd.random() < 0.8:
            p["roles"] = rnd.sample(ROLE_ORDER, rnd.randint(1, 2))
        people.append(p)
    levels = effective_levels(people)
    for p in people:
        if rnd.random() < 0.3:
            p["level"] = levels[p["id"]]
    relations, seen = [], set()
    for _ in range(rnd.randint(n // 2, 2 * n)):
        a, b = rnd.randrange(n), rnd.randrange(n)
        if a == b:
            continue
        kind = rnd.choice(["influences", "influences", "ally", "rival"])
        key = (kind, a, b) if kind == "influences" else (kind, min(a, b), max(a, b))
        if key in seen:
            continue
        seen.add(key)
        rel = {"from": f"p{a}", "to": f"p{b}", "type": kind}
        if kind == "influences" or rnd.random() < 0.5:
            rel["strength"] = round(rnd.uniform(0.05, 1.0), 3)
        relations.append(rel)
    return {
        "relmap": 1,
        "account": {"id": f"gen-{seed}", "name": f"Generated {seed}", "as_of": "2026-11-01"},
        "team": [{"id": "am", "name": "Account Manager"}],
        "people": people,
        "relations": relations,
        "contacts": [{"member": "am", "person": "p0", "strength": "medium", "last": "2026-10-01"}],
    }


def main():
    os.makedirs(GENERATED, exist_ok=True)
    docs = {}
    graphs = os.path.join(ROOT, "graphs")
    for name in sorted(os.listdir(graphs)):
        if name.endswith((".yaml", ".yml", ".json")):
            with open(os.path.join(graphs, name), encoding="utf-8") as f:
                docs["graphs/" + name] = yaml.safe_load(f)
    for seed, n in [(1, 5), (2, 12), (3, 30), (4, 60), (5, 120), (6, 250), (7, 40), (8, 1)]:
        doc = generate(seed, n)
        path = os.path.join(GENERATED, f"gen-{seed}.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(f"# Generated by scripts/influence_reference.py (seed {seed}, {n} people). Do not edit.\n")
            yaml.safe_dump(doc, f, allow_unicode=True, sort_keys=False, default_flow_style=None, width=200)
        docs[f"generated/gen-{seed}.yaml"] = doc
    out = {
        "about": "networkx.pagerank with personalization = own weights; see scripts/influence_reference.py",
        "networkx": nx.__version__,
        "tolerance": 1e-9,
        "accounts": {name: reference(doc) for name, doc in docs.items()},
    }
    with open(os.path.join(FIXTURES, "influence-reference.json"), "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")
    print(f"influence reference: {len(docs)} accounts, networkx {nx.__version__}", file=sys.stderr)


if __name__ == "__main__":
    main()
