"""What the field's event tables (GDELT, POLECAT) read of one Event in the graph: its actors on each
side, its place, its first report and that report's article. Shared by ``gdelt.py`` and
``polecat.py``; reads node and edge attributes by the schema's names only."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

LEAD_SENTENCES = 2  # a report in the first two sentences (the headline and the lead) is a "root" event


@dataclass
class EventView:
    id: str
    event: dict[str, Any]
    sources: list[dict[str, Any]] = field(default_factory=list)  # Actor nodes, in the graph's order
    targets: list[dict[str, Any]] = field(default_factory=list)
    place: dict[str, Any] | None = None  # the first AT place
    report: dict[str, Any] = field(default_factory=dict)  # the first REPORTED_IN's properties
    article: dict[str, Any] = field(default_factory=dict)  # that report's Article node
    in_lead: bool = False  # some report of it is in an article's headline or first sentence

    @property
    def day(self) -> str | None:
        """The event's day (ISO), else the day it was first reported; None when neither is known."""
        date = self.event.get("date") or ""
        if len(date) == 10:
            return date
        return self.event.get("first_reported") or self.article.get("published") or None


def node(graph: nx.MultiDiGraph, key: str) -> dict[str, Any]:
    return {"id": key, **graph.nodes[key]}


def event_views(graph: nx.MultiDiGraph) -> Iterator[EventView]:
    """Every Event of the graph, sorted by id, with what the tables read of it."""
    for key in sorted(n for n, d in graph.nodes(data=True) if d.get("label") == "Event"):
        view = EventView(key, node(graph, key))
        view.sources = [
            node(graph, u) for u, _, d in graph.in_edges(key, data=True) if d["type"] == "SOURCE_OF"
        ]
        reports = []
        for _, v, d in graph.out_edges(key, data=True):
            if d["type"] == "TARGETS":
                view.targets.append(node(graph, v))
            elif d["type"] == "AT" and view.place is None:
                view.place = node(graph, v)
            elif d["type"] == "REPORTED_IN":
                reports.append((node(graph, v), d))
        if reports:
            first = min(
                reports, key=lambda r: (r[0].get("published") or "9999", r[0]["id"], r[1].get("start") or 0)
            )
            view.article, view.report = first
            view.in_lead = any((d.get("sentence_index") or 0) < LEAD_SENTENCES for _, d in reports)
        yield view


def _reading_order(report: tuple[dict[str, Any], dict[str, Any]]) -> tuple:
    article, props = report
    return article.get("published") or "9999", article["id"], props.get("start") or 0


def sector(actor: dict[str, Any] | None) -> str | None:
    """The CAMEO sector of an actor code after its country ("RUSGOV" -> "GOV"), else None."""
    code = (actor or {}).get("cameo_code") or ""
    country = (actor or {}).get("country") or ""
    return code[len(country) :][:3] or None if country and code.startswith(country) else None


def actor_code(actor: dict[str, Any] | None) -> str | None:
    """The CAMEO actor code: the actor's own, else a state's ISO3 (CAMEO's country codes)."""
    if not actor:
        return None
    return actor.get("cameo_code") or (actor["id"] if actor.get("kind") == "state" else None)
