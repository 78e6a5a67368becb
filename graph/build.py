"""Extraction records to one networkx MultiDiGraph, written from the schema's rows (``schema.py``).

Node ids are the record ids, so the same actor seen in several articles is one node: its aliases are
the union in order of appearance, and the first non-null ``country``/``cameo_code`` wins (the Neo4j
loader applies the same rules, so both graphs agree). Events are merged across articles: one Event
per real-world event, with one REPORTED_IN per report (``identity.py`` decides, ``merge.py`` derives
the event). Edge keys are the relationship type (plus its identity property: the role for
``INVOLVES``, the report for ``REPORTED_IN``), so adding the same fact twice never makes a second edge.

``INTERACTS_WITH`` is derived: one edge per ordered (source, target) actor pair over every event
that is not negated, with ``events``, ``cooperation`` (quad classes 1-2), ``conflict`` (3-4) and
``goldstein`` (the mean Goldstein weight, rounded to 3 places). Summaries and analytics over the
graph are in ``analysis.py``.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

import networkx as nx

from newsgraph.extract.record import ArticleRecord
from newsgraph.graph.merge import merge_reports
from newsgraph.graph.schema import (
    CONFLICT_QUADS,
    COOPERATION_QUADS,
    GOLDSTEIN_PLACES,
    NodeRow,
    RelRow,
    current_articles,
    edge_key,
    record_rows,
    unique,
)

log = logging.getLogger(__name__)
# Properties of a node seen again that merge rather than keep the first sighting (as the loader's MERGE).
FIRST_NON_NULL = ("country", "cameo_code")


def build_graph(records: Iterable[ArticleRecord]) -> nx.MultiDiGraph:
    """Merge records into one graph: nodes first over all records, then events, then edges, then
    INTERACTS_WITH.

    Nodes come first so that a reference to an actor of a later article still resolves; references
    to ids no record defines are skipped (logged), never invented. Of records of one article (the
    same id, url or file path) the last one is kept, as the loader's replacement does
    (:func:`newsgraph.graph.schema.current_articles`).
    """
    rows = [record_rows(record) for record in current_articles(records)]
    graph = nx.MultiDiGraph()
    for record in rows:
        for node in record.nodes:
            add_node(graph, node)
    events = merge_reports(report for record in rows for report in record.reports)
    for node in events.nodes:
        add_node(graph, node)
    skipped: list[str] = []
    for record in rows:
        add_edges(graph, record.relationships, lambda _, art=record.nodes[0].id: art, skipped)
        skipped.extend(record.problems)
    # an event's relationship that cannot be added is named by the article of the event's first report
    add_edges(graph, events.relationships, lambda rel: events.article_of[_event_end(rel)], skipped)
    skipped.extend(events.problems)
    if skipped:  # one line, not one per reference: a large input can hold thousands
        log.warning(
            "%d references to ids no record defines were skipped (first: %s)", len(skipped), skipped[0]
        )
    add_interactions(graph)
    return graph


def add_node(graph: nx.MultiDiGraph, row: NodeRow) -> None:
    """Add a node, or merge it into the one with its id: aliases unite, first non-null values stay."""
    if row.id not in graph:
        graph.add_node(row.id, label=row.label, **row.properties)
        return
    if row.label != "Actor":  # articles and places keep their first sighting
        return
    node = graph.nodes[row.id]
    node["aliases"] = unique([*node["aliases"], *row.properties["aliases"]])
    for key in FIRST_NON_NULL:
        if node.get(key) is None:
            node[key] = row.properties[key]


def _event_end(rel: RelRow) -> str:
    return rel.end if rel.type == "SOURCE_OF" else rel.start


def add_edges(
    graph: nx.MultiDiGraph, relationships: list[RelRow], where: Callable[[RelRow], str], skipped: list[str]
) -> None:
    """Add relationships; the first sighting of an edge wins, as ON CREATE SET in the loader.
    ``where(rel)`` names the article of a relationship that cannot be added (an id no record defines)."""
    for rel in relationships:
        if rel.start not in graph or rel.end not in graph:
            skipped.append(f"{where(rel)}: {rel.type} {rel.start} -> {rel.end}")
            continue
        key = edge_key(rel.type, rel.properties)
        if not graph.has_edge(rel.start, rel.end, key):
            graph.add_edge(rel.start, rel.end, key=key, type=rel.type, **rel.properties)


def add_interactions(graph: nx.MultiDiGraph) -> None:
    """(Re)derive INTERACTS_WITH per ordered actor pair from SOURCE_OF/TARGETS of non-negated events."""
    stale = [(u, v, k) for u, v, k, t in graph.edges(keys=True, data="type") if t == "INTERACTS_WITH"]
    graph.remove_edges_from(stale)
    pairs: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for event_id, data in graph.nodes(data=True):
        if data.get("label") != "Event" or data.get("negated"):
            continue
        sources = [u for u, _, t in graph.in_edges(event_id, data="type") if t == "SOURCE_OF"]
        targets = [v for _, v, t in graph.out_edges(event_id, data="type") if t == "TARGETS"]
        for s in sources:
            for t in targets:
                if s != t:
                    pairs[(s, t)].append(data)
    for (s, t), events in pairs.items():
        graph.add_edge(
            s,
            t,
            key="INTERACTS_WITH",
            type="INTERACTS_WITH",
            events=len(events),
            cooperation=sum(e["quad_class"] in COOPERATION_QUADS for e in events),
            conflict=sum(e["quad_class"] in CONFLICT_QUADS for e in events),
            goldstein=round(sum(e["goldstein"] for e in events) / len(events), GOLDSTEIN_PLACES),
        )
