"""Reports to Events: one Event node per real-world event, derived from the reports of it.

:func:`newsgraph.graph.identity.cluster_reports` decides which reports are one event; this module
makes that event's node and relationships from its reports, the same way for the networkx builder
(all reports at once) and the Neo4j loader (the reports of the keys a batch touches):

* properties: the most specific CAMEO code of its reports (and its type, Goldstein weight and quad
  class), the strongest modality any report gives (:data:`MODALITY_STRENGTH`), ``negated`` only when
  every report denies it, the day (or month) its reports date it, the sentence and trigger of its
  first report, the highest confidence; ``mentions`` (reports), ``articles``, ``sources`` (distinct
  outlets; an article without one counts as its own), ``first_reported`` and ``last_reported``
  (publication dates);
* relationships: one ``REPORTED_IN`` per report (the report's own evidence, modality, negation,
  attribution ...), and the union over its reports of who acts (``SOURCE_OF``), on whom
  (``TARGETS``), who else (``INVOLVES``), where (``AT``), who claims it (``ATTRIBUTED_TO``), and the
  events its reports are conditional on or respond to (``CONDITIONAL_ON``, ``RESPONDS_TO``, to
  the merged events of those reports; never to itself).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from newsgraph.graph.identity import cluster_reports, general_code
from newsgraph.graph.schema import NODE_PROPERTIES, NodeRow, RelRow, ReportRow, plover_properties, unique

# The modality of an event is the strongest any report gives it: an act one outlet asserts happened.
MODALITY_STRENGTH = ("asserted", "reported", "planned", "conditional", "hypothetical")
EVENT_LINKS = (("conditional_on", "CONDITIONAL_ON"), ("responds_to", "RESPONDS_TO"))


@dataclass
class EventRows:
    """Event nodes and their relationships (REPORTED_IN first), and each report's event."""

    nodes: list[NodeRow] = field(default_factory=list)
    relationships: list[RelRow] = field(default_factory=list)
    event_of: dict[str, str] = field(default_factory=dict)  # report id -> event id
    article_of: dict[str, str] = field(default_factory=dict)  # event id -> the article of its first report
    problems: list[str] = field(default_factory=list)  # links to reports no record holds


def report_order(report: ReportRow) -> tuple:
    """Reports of one event in reading order: earliest publication, then article, then position."""
    p = report.properties
    return report.published or "9999", report.article, p.get("start") or 0, report.id


def merge_reports(reports: Iterable[ReportRow]) -> EventRows:
    """Every event of ``reports``: the identity rule's clusters, each made into an Event."""
    reports = list(reports)
    event_of = cluster_reports(r.identity() for r in reports)
    members: dict[str, list[ReportRow]] = defaultdict(list)
    for report in reports:
        members[event_of[report.id]].append(report)
    out = EventRows(event_of=event_of)
    for event_id in sorted(members):
        node, links = event_rows(event_id, members[event_id], event_of)
        out.nodes.append(node)
        out.relationships += links
        out.article_of[event_id] = min(members[event_id], key=report_order).article
        out.problems += [
            f"{out.article_of[event_id]}: {rel_type} {event_id} -> {x}"
            for name, rel_type in EVENT_LINKS
            for r in members[event_id]
            for x in r.properties.get(name) or []
            if x not in event_of
        ]
    return out


def event_rows(
    event_id: str, members: list[ReportRow], event_of: Mapping[str, str]
) -> tuple[NodeRow, list[RelRow]]:
    """One event's node and relationships from its reports; links resolve through ``event_of``."""
    members = sorted(members, key=report_order)
    links = [RelRow("REPORTED_IN", event_id, r.article, dict(r.properties)) for r in members]
    links += actor_links(event_id, members)
    links += event_links(event_id, members, event_of)
    return NodeRow("Event", event_properties(event_id, members)), links


def event_properties(event_id: str, members: list[ReportRow]) -> dict[str, Any]:
    """The Event's properties (schema order) from its reports, ``members`` in :func:`report_order`."""
    lead = members[0]
    reports = [r.properties for r in members]
    # the most specific code, with the type and weights of the first report that gives it
    coded = min(reports, key=lambda p: (-len(general_code(p["cameo"])), p["cameo"]))
    dated = [p for p in reports if p.get("date")]
    best = max(dated, key=lambda p: len(p["date"]), default=None)  # the day before a month
    published = [r.published for r in members if r.published]
    values = {
        "id": event_id,
        "identity_key": lead.properties["identity_key"],
        "type": coded["event_type"],
        "cameo": coded["cameo"],
        "cameo_root": coded["cameo"][:2],
        "goldstein": coded["goldstein"],
        "quad_class": coded["quad_class"],
        "modality": min((p["modality"] for p in reports), key=_strength),
        "negated": all(p.get("negated") for p in reports),
        "date": best["date"] if best else None,
        "date_text": best.get("date_text") if best else None,
        "sentence": lead.properties.get("sentence"),
        "confidence": max(float(p.get("confidence") or 0.0) for p in reports),
        "trigger": lead.properties.get("trigger"),
        **plover_properties(coded["cameo"]),
        "mentions": len(members),
        "articles": len({r.article for r in members}),
        "sources": len({r.outlet or r.article for r in members}),
        "first_reported": min(published, default=None),
        "last_reported": max(published, default=None),
    }
    return {name: values.get(name) for name in NODE_PROPERTIES["Event"]}


def _strength(modality: str) -> int:
    return MODALITY_STRENGTH.index(modality) if modality in MODALITY_STRENGTH else len(MODALITY_STRENGTH)


def actor_links(event_id: str, members: list[ReportRow]) -> list[RelRow]:
    """Who acts, on whom, who else, where and who claims it: the union over the event's reports."""

    def union(name: str) -> list[str]:
        return unique(x for r in members for x in r.properties.get(name) or [])

    links = [RelRow("SOURCE_OF", actor, event_id) for actor in union("source_actors")]
    links += [RelRow("TARGETS", event_id, actor) for actor in union("target_actors")]
    for item in union("involves"):
        role, _, actor = item.partition(":")
        links.append(RelRow("INVOLVES", event_id, actor, {"role": role}))
    places = unique(r.properties["place"] for r in members if r.properties.get("place"))
    links += [RelRow("AT", event_id, place) for place in places]
    links += [RelRow("ATTRIBUTED_TO", event_id, actor) for actor in union("attributed_to")]
    return links


def event_links(event_id: str, members: list[ReportRow], event_of: Mapping[str, str]) -> list[RelRow]:
    """CONDITIONAL_ON and RESPONDS_TO to the events of the reports its reports name (never itself)."""
    links = []
    for name, rel_type in EVENT_LINKS:
        others = unique(event_of[x] for r in members for x in r.properties.get(name) or [] if x in event_of)
        links += [RelRow(rel_type, event_id, other) for other in others if other != event_id]
    return links
