"""Summaries and plain analytics over a built graph (functions over a networkx graph, networkx style).

``summarize`` is the few lines ``newsgraph build`` prints; the others answer an analyst's first
questions without a database: who is most active, an actor's timeline, dyads, centrality.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

import networkx as nx

from newsgraph.extract.record import RELATION_TYPES, ArticleRecord
from newsgraph.graph.schema import KIND_LABELS, cameo_root_names

# Plurals of actor kinds in the summary; a kind not listed takes an "s".
PLURALS = {"person": "people"}


def plural(kind: str, count: int) -> str:
    return kind if count == 1 else PLURALS.get(kind, f"{kind}s")


def nodes_by_label(graph: nx.MultiDiGraph, label: str) -> list[str]:
    return [n for n, lab in graph.nodes(data="label") if lab == label]


def summarize(graph: nx.MultiDiGraph, records: Iterable[ArticleRecord]) -> str:
    """A few lines for the CLI: articles, actors by kind, events (each once, however many reports) by
    CAMEO root, relations, dyads."""
    records = list(records)
    actors = Counter(graph.nodes[n].get("kind") for n in nodes_by_label(graph, "Actor"))
    roots = Counter(graph.nodes[n]["cameo_root"] for n in nodes_by_label(graph, "Event"))
    rels = Counter(t for _, _, t in graph.edges(data="type") if t in RELATION_TYPES)
    reports = sum(1 for _, _, t in graph.edges(data="type") if t == "REPORTED_IN")
    dyads = dyad_summary(graph)
    kinds = ", ".join(f"{actors[k]} {plural(k, actors[k])}" for k in KIND_LABELS if actors[k])
    root_names = cameo_root_names()
    articles, places = len(nodes_by_label(graph, "Article")), len(nodes_by_label(graph, "Place"))
    events, actor_count = sum(roots.values()), sum(actors.values())
    lines = [
        f"{articles} {plural('article', articles)} ({len(records)} {plural('record', len(records))}), "
        f"{actor_count} {plural('actor', actor_count)} ({kinds or 'none'}), "
        f"{events} {plural('event', events)} ({reports} {plural('report', reports)}), "
        f"{places} {plural('place', places)}",
        "events by CAMEO root: "
        + (", ".join(f"{r} {root_names.get(r, '?')} {n}" for r, n in sorted(roots.items())) or "none"),
        "relations: " + (", ".join(f"{t} {rels[t]}" for t in RELATION_TYPES if rels[t]) or "none"),
        f"dyads: {len(dyads)} ({sum(d['cooperation'] > 0 for d in dyads)} with cooperation, "
        f"{sum(d['conflict'] > 0 for d in dyads)} with conflict)",
    ]
    top = most_active_actors(graph, 5)
    if top:
        lines.append("most active: " + ", ".join(f"{name} {n}" for _, name, n in top))
    return "\n".join(lines)


def find_actor(graph: nx.MultiDiGraph, name: str) -> str | None:
    """The id of the actor whose id, name or alias is ``name`` (case-insensitive), or None."""
    wanted = name.casefold()
    for node in nodes_by_label(graph, "Actor"):
        data = graph.nodes[node]
        if wanted in {
            node.casefold(),
            (data.get("name") or "").casefold(),
            *(a.casefold() for a in data.get("aliases") or []),
        }:
            return node
    return None


def actor_events(graph: nx.MultiDiGraph, actor: str) -> list[tuple[str, str]]:
    """(event id, role) pairs for an actor: role is ``source``, ``target`` or the INVOLVES role."""
    found = [(v, "source") for _, v, t in graph.out_edges(actor, data="type") if t == "SOURCE_OF"]
    for u, _, data in graph.in_edges(actor, data=True):
        if data["type"] == "TARGETS":
            found.append((u, "target"))
        elif data["type"] == "INVOLVES":
            found.append((u, data.get("role") or "involved"))
    return found


def most_active_actors(graph: nx.MultiDiGraph, top: int = 10) -> list[tuple[str, str, int]]:
    """(id, name, distinct events) for the actors in the most events, most first, ties by name."""
    counts = [
        (a, graph.nodes[a].get("name") or a, len({e for e, _ in actor_events(graph, a)}))
        for a in nodes_by_label(graph, "Actor")
    ]
    counts = [c for c in counts if c[2]]
    return sorted(counts, key=lambda c: (-c[2], c[1]))[:top]


def dyad_summary(graph: nx.MultiDiGraph, min_events: int = 1) -> list[dict[str, Any]]:
    """INTERACTS_WITH as rows (source, target names, counts, mean Goldstein), most events first."""
    rows = [
        {
            "source": graph.nodes[u].get("name"),
            "target": graph.nodes[v].get("name"),
            "source_id": u,
            "target_id": v,
            **{k: d[k] for k in ("events", "cooperation", "conflict", "goldstein")},
        }
        for u, v, d in graph.edges(data=True)
        if d["type"] == "INTERACTS_WITH" and d["events"] >= min_events
    ]
    return sorted(rows, key=lambda r: (-r["events"], r["goldstein"], r["source"], r["target"]))


def actor_timeline(graph: nx.MultiDiGraph, actor: str) -> list[dict[str, Any]]:
    """The events an actor (id, name or alias) takes part in, by date (undated last, by publication)."""
    actor_id = actor if graph.nodes.get(actor, {}).get("label") == "Actor" else find_actor(graph, actor)
    if actor_id is None:
        return []
    rows = []
    for event, role in actor_events(graph, actor_id):
        data = graph.nodes[event]
        article = next((v for _, v, t in graph.out_edges(event, data="type") if t == "REPORTED_IN"), None)
        rows.append(
            {
                "date": data.get("date"),
                "event": event,
                "type": data["type"],
                "cameo": data["cameo"],
                "role": role,
                "modality": data["modality"],
                "negated": data["negated"],
                "goldstein": data["goldstein"],
                "sentence": data.get("sentence"),
                "article": article,
                "published": graph.nodes[article].get("published") if article else None,
            }
        )
    return sorted(rows, key=lambda r: (r["date"] is None, r["date"] or "", r["published"] or "", r["event"]))


def actor_centrality(graph: nx.MultiDiGraph, top: int = 10) -> list[tuple[str, float]]:
    """Degree centrality of actors in the INTERACTS_WITH network (both directions), highest first."""
    dyads = nx.Graph()
    dyads.add_edges_from((u, v) for u, v, t in graph.edges(data="type") if t == "INTERACTS_WITH")
    ranked = sorted(nx.degree_centrality(dyads).items(), key=lambda kv: (-kv[1], kv[0]))
    return ranked[:top]
