#!/usr/bin/env python3
"""NetworkX reference values for src/analytics/metrics.

Two modes:

  python3 bench/networkx_reference.py
      (re)writes test/fixtures/graphs/{kite,karate,florentine,directed}.json: each graph's nodes and
      ties, and NetworkX's value of every metric the TypeScript library implements, plus brokerage
      counts by a direct enumeration of the R sna::brokerage definition.

  python3 bench/networkx_reference.py --bench GRAPH.json [--out RESULT.json] [--sources K] [--full]
                                      [--skip-betweenness]
      times NetworkX on a graph written by bench/analytics.ts and writes timings and values as JSON.
      Betweenness and closeness are O(n·m) in pure Python (~9 min for betweenness at 10k/50k), so by
      default they run on K sampled sources (betweenness: nx's k pivots with seed 0; closeness: the
      first K nodes) and the full time is extrapolated (x n/K); --full runs them completely.

Needs networkx (and scipy, which nx.pagerank requires): pip install networkx scipy.
Values are computed with tight tolerances (tol=1e-13) where NetworkX iterates, so the fixtures hold
the exact fixed points; the values NetworkX returns at its default tolerance are kept beside them.
"""
import argparse
import json
import math
import os
import random
import sys
import time

import networkx as nx

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "fixtures", "graphs")
TIGHT = dict(max_iter=100000, tol=1e-13)


def clean(value):
    """JSON cannot hold NaN: undefined values are written as null."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {str(k): clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean(v) for v in value]
    return value


def simple_graph(nodes, edges, directed=False, weighted=False):
    """The analysed graph as the TypeScript library defines it: merged ties, no self-loops, weights summed."""
    G = nx.DiGraph() if directed else nx.Graph()
    G.add_nodes_from(nodes)
    for e in edges:
        u, v = e["source"], e["target"]
        if u == v:
            continue
        w = e.get("weight")
        w = 1 if w is None else w
        if G.has_edge(u, v):
            if weighted:
                G[u][v]["weight"] += w
        else:
            G.add_edge(u, v, **({"weight": w} if weighted else {}))
    return G


def degree_centralization(G):
    """Freeman: sum(max - d_i) / ((n-1)(n-2)) on raw degrees (no NetworkX function for it)."""
    n = len(G)
    degrees = [d for _, d in G.degree()]
    return sum(max(degrees) - d for d in degrees) / ((n - 1) * (n - 2))


def brokerage_by_enumeration(G, group):
    """R sna::brokerage raw counts, straight from the definition: every ordered triple (a, v, b) of
    distinct nodes with a->v, v->b and no a->b is one two-path brokered by v. Undirected G: a tie is
    both arcs."""
    D = G.to_directed() if not G.is_directed() else G
    roles = {v: dict(coordinator=0, itinerant=0, representative=0, gatekeeper=0, liaison=0) for v in D}
    for a in D:
        for v in D:
            for b in D:
                if a == v or v == b or a == b:
                    continue
                if not (D.has_edge(a, v) and D.has_edge(v, b)) or D.has_edge(a, b):
                    continue
                ga, gv, gb = group[a], group[v], group[b]
                if ga == gv == gb:
                    role = "coordinator"  # w_I
                elif ga == gb:
                    role = "itinerant"  # w_O: a, b together, v outside
                elif gv == ga:
                    role = "representative"  # b_IO: v with a, b outside
                elif gv == gb:
                    role = "gatekeeper"  # b_OI: v with b, a outside
                else:
                    role = "liaison"  # b_O
                roles[v][role] += 1
    for r in roles.values():
        r["total"] = sum(r.values())
    return roles


def ei_index(G, group):
    external = internal = 0
    for u, v in G.edges():
        if group[u] == group[v]:
            internal += 1
        else:
            external += 1
    return (external - internal) / (external + internal)


def blau(labels):
    labels = list(labels)
    counts = {}
    for label in labels:
        counts[label] = counts.get(label, 0) + 1
    return 1 - sum((c / len(labels)) ** 2 for c in counts.values())


def partition_of(group):
    communities = {}
    for node, label in group.items():
        communities.setdefault(label, set()).add(node)
    return list(communities.values())


def effective_size(G, weight):
    """Burt's effective size by NetworkX's per-node formula, with NetworkX's own helpers.

    Not nx.effective_size(G) itself: with scipy installed its all-nodes sparse path divides by the
    wrong row maxima on weighted or directed graphs (networkx/networkx PR #8906), and its per-node
    path (nodes=...) calls a digraph's sinks isolates because it only looks at successors
    (networkx/networkx issue #2661). Checked below against that per-node path wherever it answers.
    """
    from networkx.algorithms.structuralholes import normalized_mutual_weight as nmw

    values = {}
    for v in G:
        alters = set(nx.all_neighbors(G, v)) - {v}
        if not alters:
            values[v] = float("nan")
            continue
        values[v] = sum(
            1 - sum(nmw(G, v, q, weight=weight) * nmw(G, u, q, norm=max, weight=weight) for q in alters)
            for u in alters
        )
    per_node = nx.effective_size(G, nodes=list(G), weight=weight)
    for v in G:
        assert math.isnan(per_node[v]) or abs(per_node[v] - values[v]) < 1e-12, (v, per_node[v], values[v])
    return values


def metrics(G, weighted=False):
    w = "weight" if weighted else None
    out = {
        "betweenness": nx.betweenness_centrality(G, weight=w),
        "betweenness_raw": nx.betweenness_centrality(G, weight=w, normalized=False),
        "closeness": nx.closeness_centrality(G, distance=w),
        "pagerank": nx.pagerank(G, weight=w, **TIGHT),
        "pagerank_nx_default_tol": nx.pagerank(G, weight=w),
        "constraint": nx.constraint(G, weight=w),
        "effective_size": effective_size(G, w),
    }
    sparse_path = nx.effective_size(G, weight=w)
    if any(abs(sparse_path[v] - out["effective_size"][v]) > 1e-9 for v in G if not math.isnan(sparse_path[v])):
        out["effective_size_nx_sparse_path"] = sparse_path
    try:
        out["eigenvector"] = nx.eigenvector_centrality(G, weight=w, **TIGHT)
        out["eigenvector_nx_default_tol"] = nx.eigenvector_centrality(G, weight=w)
    except nx.PowerIterationFailedConvergence:
        pass
    if not weighted:
        out["degree"] = nx.degree_centrality(G)
        out["density"] = nx.density(G)
        out["components"] = [sorted(c, key=list(G).index) for c in
                             sorted(nx.connected_components(G.to_undirected()), key=lambda c: (-len(c), min(map(list(G).index, c))))]
        if not G.is_directed() and len(G) >= 3:
            out["degree_centralization"] = degree_centralization(G)
    return out


def fixture(name, description, G, edges, extra=None):
    data = {
        "name": name,
        "description": description,
        "networkx": nx.__version__,
        "directed": G.is_directed(),
        "nodes": [str(v) for v in G.nodes()],
        "edges": edges,
        "metrics": metrics(G),
    }
    data.update(extra or {})
    path = os.path.join(FIXTURES, f"{name}.json")
    with open(path, "w") as f:
        json.dump(clean(data), f, indent=1)
        f.write("\n")
    print(f"wrote {os.path.relpath(path)}")


def sampled(G, k, seed):
    return {"k": k, "seed": seed, "values": nx.betweenness_centrality(G, k=k, seed=seed)}


def relabel(G):
    return nx.relabel_nodes(G, {v: str(v) for v in G})


def write_fixtures():
    os.makedirs(FIXTURES, exist_ok=True)

    kite = relabel(nx.krackhardt_kite_graph())
    names = ["Andre", "Beverly", "Carol", "Diane", "Ed", "Fernando", "Garth", "Heather", "Ike", "Jane"]
    fixture("kite", "Krackhardt's kite (nx.krackhardt_kite_graph), nodes 0..9 = Andre..Jane", kite,
            [{"source": u, "target": v} for u, v in kite.edges()],
            {"labels": dict(zip(map(str, range(10)), names))})

    karate_raw = relabel(nx.karate_club_graph())
    edges = [{"source": u, "target": v, "weight": d["weight"]} for u, v, d in karate_raw.edges(data=True)]
    karate = simple_graph(list(karate_raw), edges)
    karate_w = simple_graph(list(karate_raw), edges, weighted=True)
    club = {v: karate_raw.nodes[v]["club"] for v in karate_raw}
    fixture("karate", "Zachary's karate club (nx.karate_club_graph); weight = interaction count", karate, edges, {
        "weighted": {
            **{k: v for k, v in metrics(karate_w, weighted=True).items()},
            "modularity_club": nx.community.modularity(karate_w, partition_of(club), weight="weight"),
        },
        "sampled_betweenness": sampled(karate, 10, 1),
        "partition": {
            "attribute": "club",
            "groups": club,
            "modularity": nx.community.modularity(karate, partition_of(club), weight=None),
            "modularity_resolution_0_5": nx.community.modularity(karate, partition_of(club), weight=None, resolution=0.5),
            "ei_index": ei_index(karate, club),
            "blau": blau(club.values()),
            "brokerage": brokerage_by_enumeration(karate, club),
        },
    })

    florentine = nx.florentine_families_graph()
    fixture("florentine", "Padgett's Florentine families, marriage ties (nx.florentine_families_graph: 15 families, Pucci left out)",
            florentine, [{"source": u, "target": v} for u, v in florentine.edges()],
            {"sampled_betweenness": sampled(florentine, 5, 42)})

    # A small digraph with repeated arcs, a reciprocated pair, a self-loop and an isolate, in 3 groups.
    rng = random.Random(2024)
    base = nx.gnp_random_graph(24, 0.12, seed=7, directed=True)
    nodes = [f"n{v}" for v in base] + ["isolate"]
    arcs = [{"source": f"n{u}", "target": f"n{v}", "weight": rng.choice([1, 2, 3])} for u, v in base.edges()]
    arcs += [dict(arcs[0]), dict(arcs[3]), {"source": "n5", "target": "n5", "weight": 9}]
    arcs += [{"source": arcs[1]["target"], "target": arcs[1]["source"], "weight": 1}]
    group = {v: rng.choice(["city", "region", "state"]) for v in nodes}
    D = simple_graph(nodes, arcs, directed=True)
    Dw = simple_graph(nodes, arcs, directed=True, weighted=True)
    fixture("directed", "gnp(24, 0.12, seed=7) digraph plus repeats, a self-loop and an isolate; analysed as a simple digraph", D, arcs, {
        "weighted": metrics(Dw, weighted=True),
        "sampled_betweenness": sampled(D, 8, 3),
        "partition": {
            "attribute": "group",
            "groups": group,
            "modularity": nx.community.modularity(D, partition_of(group), weight=None),
            "ei_index": ei_index(D, group),
            "blau": blau(group.values()),
            "brokerage": brokerage_by_enumeration(D, group),
            "brokerage_undirected": brokerage_by_enumeration(simple_graph(nodes, arcs), group),
        },
    })


def bench(path, out, sources, full, skip_betweenness):
    with open(path) as f:
        data = json.load(f)
    G = simple_graph(data["nodes"], data["edges"])
    n = len(G)
    timings, values, notes = {}, {}, {}

    def timed(name, fn, scale=1.0):
        start = time.perf_counter()
        result = fn()
        timings[name] = (time.perf_counter() - start) * scale
        return result

    values["degree"] = timed("degree", lambda: nx.degree_centrality(G))
    values["density"] = timed("density", lambda: nx.density(G))
    timed("components", lambda: list(nx.connected_components(G)))
    if full or sources >= n:
        values["closeness"] = timed("closeness", lambda: nx.closeness_centrality(G))
        if not skip_betweenness:
            values["betweenness"] = timed("betweenness", lambda: nx.betweenness_centrality(G))
    else:
        some = list(G)[:sources]
        values["closeness_subset"] = timed("closeness", lambda: {v: nx.closeness_centrality(G, u=v) for v in some}, n / sources)
        notes["closeness"] = f"timed on {sources} nodes, x{n / sources:g}"
        if not skip_betweenness:
            values["betweenness_sampled"] = {"k": sources, "seed": 0, "values": timed(
                "betweenness", lambda: nx.betweenness_centrality(G, k=sources, seed=0), n / sources)}
            notes["betweenness"] = f"timed with k={sources} pivots, x{n / sources:g}"
    values["eigenvector"] = timed("eigenvector", lambda: nx.eigenvector_centrality(G))
    values["pagerank"] = timed("pagerank", lambda: nx.pagerank(G))
    values["constraint"] = timed("constraint", lambda: nx.constraint(G))
    values["effective_size"] = timed("effective_size", lambda: nx.effective_size(G))
    communities = timed("louvain", lambda: nx.community.louvain_communities(G, seed=1))
    values["louvain_modularity"] = nx.community.modularity(G, communities)
    result = clean({"networkx": nx.__version__, "n": n, "m": G.number_of_edges(), "timings": timings, "notes": notes, "values": values})
    if out:
        with open(out, "w") as f:
            json.dump(result, f)
    else:
        json.dump(result, sys.stdout)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bench", metavar="GRAPH.json")
    parser.add_argument("--out", metavar="RESULT.json")
    parser.add_argument("--sources", type=int, default=500)
    parser.add_argument("--full", action="store_true")
    parser.add_argument("--skip-betweenness", action="store_true")
    args = parser.parse_args()
    if args.bench:
        bench(args.bench, args.out, args.sources, args.full, args.skip_betweenness)
    else:
        write_fixtures()
