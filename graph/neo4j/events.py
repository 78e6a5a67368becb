"""The event merge in Neo4j: derive again the events of the identity keys a batch touches.

Inside the batch's write transaction (after ``lock_events`` has serialised writers): read every
stored report of the keys the batch's new and removed reports have (``key_reports``), cluster them
with the new ones by the same rule as the networkx builder (:func:`newsgraph.graph.merge.merge_reports`),
and write only the difference: events no report is of any more are deleted, events whose reports
changed are written again (properties, actors, places, claimants), reports that moved get their
REPORTED_IN on their new event. One read and a few UNWIND writes per batch, whatever its size.
Links between events (CONDITIONAL_ON, RESPONDS_TO) are derived after the batches (``loader.py``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from newsgraph.graph.merge import EventRows, merge_reports
from newsgraph.graph.neo4j.rows import clean
from newsgraph.graph.neo4j.statements import Writer
from newsgraph.graph.schema import REPORT_PROPERTIES, NodeRow, ReportRow, extra_label

ACTOR_LINKS = ("TARGETS", "INVOLVES", "ATTRIBUTED_TO")  # event -> actor, written again with an event
KNOWN_REPORTS = 200_000  # reports a load keeps of the keys it wrote (KnownKeys), about 1 KB each


@dataclass
class Removed:
    """Reports taken off the graph before a newer reading of their article is written."""

    keys: set[str] = field(default_factory=set)
    reports: dict[str, str] = field(default_factory=dict)  # report id -> the event it was of
    actors: set[str] = field(default_factory=set)

    def add(self, rows: list[dict[str, Any]]) -> None:
        for row in rows:
            self.keys.add(row["key"])
            self.reports[row["report"]] = row["event"]
            self.actors.update(row["actors"])


@dataclass
class KnownKeys:
    """The reports of each identity key as this load's last transaction left them: ``key_reports`` is
    not asked again for them while no other load wrote in between (the batch finds on the load lock
    the token our last batch left: ``lock_events``). Bounded: past ``KNOWN_REPORTS`` reports it
    starts afresh."""

    token: str | None = None
    reports: dict[str, list[tuple[ReportRow, str]]] = field(default_factory=dict)  # key -> (report, event)

    def valid(self, previous: Any) -> dict[str, list[tuple[ReportRow, str]]]:
        """The keys known when the lock held ``previous`` (none if another load wrote since)."""
        return self.reports if self.token is not None and previous == self.token else {}

    def update(self, previous: Any, token: str, keys: dict[str, list[tuple[ReportRow, str]]]) -> None:
        """After a commit that found ``previous`` and left ``token``: the keys it wrote are known."""
        if not self.valid(previous) or sum(map(len, self.reports.values())) > KNOWN_REPORTS:
            self.reports = {}
        self.reports.update(keys)
        self.token = token


@dataclass
class Written:
    actors: set[str]  # actors whose INTERACTS_WITH summaries may have changed
    lost: set[str]  # events kept that lost reports: their CONDITIONAL_ON, RESPONDS_TO may be stale
    keys: dict[str, list[tuple[ReportRow, str]]]  # every report of the keys written, with its event
    created: set[str] = field(default_factory=set)  # events new to the database
    rewritten: set[str] = field(default_factory=set)  # stored events written again or deleted


def stored_report(row: dict[str, Any]) -> ReportRow:
    """A report as ``key_reports`` returns it, with the schema's properties (lists never null)."""
    stored = row["report"]
    props = {k: stored.get(k, [] if t.endswith("[]") else None) for k, t in REPORT_PROPERTIES.items()}
    return ReportRow(row["article"], row["published"], row["outlet"], props)


def write_events(
    writer: Writer, new: list[ReportRow], removed: Removed, known: dict[str, list[tuple[ReportRow, str]]]
) -> Written:
    """Merge ``new`` reports into the stored events of their keys (and of ``removed`` ones' keys),
    read from the database unless ``known`` (:class:`KnownKeys`) holds them."""
    keys = {r.properties["identity_key"] for r in new} | removed.keys
    cached = {key: known[key] for key in keys if key in known}
    rows = writer.run("key_reports", keys=sorted(keys - cached.keys())) if keys - cached.keys() else []
    events = {row["event"] for row in rows} | {event for pairs in cached.values() for _, event in pairs}
    rows = [row for row in rows if row["report"] is not None]
    stored = [stored_report(row) for row in rows]
    before = {report.id: row["event"] for report, row in zip(stored, rows, strict=True)}
    for report, event in (pair for pairs in cached.values() for pair in pairs):
        if report.id not in removed.reports:  # removed ones are off the graph already
            stored.append(report)
            before[report.id] = event
    merged = merge_reports([*stored, *new])
    after = merged.event_of
    # An event that only lost reports to the removal keeps its id when the smallest of its reports
    # stays: its membership is compared with what it had before the removal, or it would keep the
    # removed reports' actors and places. The events of new reports are written again in any case: a
    # newer reading of the same text brings back reports under the same ids, perhaps with other actors.
    changed, dropped = _difference({**removed.reports, **before}, after, events)
    changed |= {after[r.id] for r in new}
    moved = {r for r, e in after.items() if before.get(r) != e}
    if dropped:
        writer.send("delete_events", ids=sorted(dropped))
    stale = [
        {"event": before[r], "report": r} for r in sorted(moved) if r in before and before[r] not in dropped
    ]
    if stale:
        writer.send("unlink_reports", rows=stale)
    _write_changed(writer, merged, changed, before, events)
    dyads = ("source_actors", "target_actors")  # what INTERACTS_WITH reads
    actors = {a for r in [*stored, *new] for name in dyads for a in r.properties[name]} | removed.actors
    lost = ({row["event"] for row in stale} | set(removed.reports.values())) - dropped
    state: dict[str, list[tuple[ReportRow, str]]] = {key: [] for key in keys}
    for report in [*stored, *new]:
        state[report.properties["identity_key"]].append((report, after[report.id]))
    return Written(actors, lost, state, created=changed - events, rewritten=(changed & events) | dropped)


def _difference(before: dict[str, str], after: dict[str, str], stored: set[str]) -> tuple[set[str], set[str]]:
    """Events whose reports changed (or that are new), and stored events no report is of any more."""
    members_before: dict[str, set[str]] = defaultdict(set)
    members_after: dict[str, set[str]] = defaultdict(set)
    for report, event in before.items():
        members_before[event].add(report)
    for report, event in after.items():
        members_after[event].add(report)
    changed = {e for e, m in members_after.items() if members_before.get(e) != m}
    return changed, stored - set(members_after)


def _write_changed(
    writer: Writer, merged: EventRows, changed: set[str], before: dict[str, str], stored: set[str]
) -> None:
    """Changed events, each one row with everything written of it: properties and labels, REPORTED_IN
    of the reports new to it, actors and places. Events no stored event of their keys is (``stored``)
    are created rather than merged. Two statements in all (``write_events``, ``create_events``), not
    one per relationship type: each is planned once per schema, and a first load plans them all."""
    rows = {node.id: _event_row(node) for node in merged.nodes if node.id in changed}
    for rel in merged.relationships:
        event = rel.end if rel.type == "SOURCE_OF" else rel.start
        if event not in rows:
            continue
        if rel.type == "REPORTED_IN" and before.get(rel.properties["report"]) == event:
            continue  # the report was of this event already
        if rel.type == "REPORTED_IN":
            rows[event]["reports"].append({"dst": rel.end, "props": clean(rel.properties)})
        elif rel.type == "SOURCE_OF":
            rows[event]["sources"].append({"dst": rel.start, "props": clean(rel.properties)})
        elif rel.type == "AT":
            rows[event]["places"].append({"dst": rel.end, "props": clean(rel.properties)})
        elif rel.type in ACTOR_LINKS:
            rows[event]["actors"].append({"type": rel.type, "dst": rel.end, "props": clean(rel.properties)})
    kept = [row for event, row in rows.items() if event in stored]
    new = [row for event, row in rows.items() if event not in stored]
    if kept:
        writer.send("write_events", rows=kept)
    if new:
        writer.send("create_events", rows=new)


def _event_row(node: NodeRow) -> dict[str, Any]:
    """An event's row: its properties (id included), its labels (Event and the schema's quad-class
    label), and the relationships written with it."""
    labels = ["Event", extra_label({"label": "Event", **node.properties})]
    return {
        "props": clean(node.properties), "labels": [x for x in labels if x],
        "reports": [], "sources": [], "actors": [], "places": [],
    }  # fmt: skip
