"""Write extraction records into Neo4j: batched, parameterised, idempotent (DESIGN.md section 6).

Every statement is a ``graph/cypher/*.cypher`` file run with ``$rows`` parameters; labels and
relationship types are fixed in those files (one MERGE file per actor kind). One managed write
transaction writes one batch of whole articles, so an article is never half-written; the driver
retries transient errors inside ``execute_write`` and :func:`_with_backoff` retries a lost
connection a few more times. After the load, ``INTERACTS_WITH`` is recomputed for every actor the
load touched. The merge rules match :func:`newsgraph.graph.build.build_graph`, so Neo4j and the
networkx graph of the same input agree node for node and relationship for relationship; one
difference: an event reference to an article of a *later* batch is skipped by the loader.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from itertools import islice
from typing import Any

import neo4j

from newsgraph.extract.errors import Neo4jError
from newsgraph.extract.record import ArticleRecord
from newsgraph.graph.connection import Settings, neo4j_errors, open_driver
from newsgraph.graph.schema import (
    KIND_LABELS,
    REL_TYPES,
    NodeRow,
    constraint_statements,
    kind_name,
    record_rows,
    split_statements,
    unique,
)

# Articles per transaction. Measured on a warm server: 25, 100 and 400 load alike (110-130 small
# articles/s); the size mainly bounds how much one transaction holds in memory.
DEFAULT_BATCH_SIZE = 100
INTERACTION_CHUNK = 500  # actor ids per INTERACTS_WITH recomputation
RETRIES = 3  # on top of the driver's own retries, for a connection lost between attempts
BACKOFF_SECONDS = 1.0  # doubled after each retry: 1, 2, 4 s
ACTOR_ROW = ("id", "name", "kind", "country", "cameo_code", "aliases")  # what merge_actors_* reads


@dataclass
class LoadStats:
    articles: int = 0
    batches: int = 0
    nodes_created: int = 0
    relationships_created: int = 0
    properties_set: int = 0
    labels_added: int = 0
    interactions: int = 0  # INTERACTS_WITH relationships written by the recomputation
    seconds: float = 0.0
    touched_actors: set[str] = field(default_factory=set, repr=False)

    def add(self, counters: Counter) -> None:
        self.nodes_created += counters["nodes_created"]
        self.relationships_created += counters["relationships_created"]
        self.properties_set += counters["properties_set"]
        self.labels_added += counters["labels_added"]

    def __str__(self) -> str:
        return (
            f"{self.articles} articles in {self.batches} transactions: {self.nodes_created} nodes and "
            f"{self.relationships_created} relationships created, {self.properties_set} properties set, "
            f"{self.interactions} dyads updated ({self.seconds:.1f} s)"
        )


@cache
def statement(name: str) -> str:
    """The one statement in ``graph/cypher/<name>.cypher``, comments dropped."""
    text = resources.files("newsgraph.graph").joinpath(f"cypher/{name}.cypher").read_text(encoding="utf-8")
    (only,) = split_statements(text)
    return only


def load_records(
    records: Iterable[ArticleRecord],
    settings: Settings,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Callable[[int], None] | None = None,
) -> LoadStats:
    """Write ``records`` into the Neo4j of ``settings``; ``progress(n)`` is told of each batch of n articles.

    Constraints first, then one write transaction per batch of ``batch_size`` whole articles, then
    ``INTERACTS_WITH`` for the actors touched. Loading the same records again changes no count.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    stats = LoadStats()
    started = time.monotonic()
    driver = open_driver(settings)
    try:
        with neo4j_errors(settings):
            for constraint in constraint_statements():
                driver.execute_query(constraint, database_=settings.database)
            seen: set[str] = set()
            for batch in _batches(records, batch_size, seen):
                plan = batch_statements(batch)
                counters = _with_backoff(lambda p=plan: _write(driver, settings, p))
                stats.add(counters)
                stats.articles += len(batch)
                stats.batches += 1
                stats.touched_actors.update(a.id for r in batch for a in r.actors)
                if progress:
                    progress(len(batch))
            stats.interactions, created = update_interactions(driver, settings, sorted(stats.touched_actors))
            stats.relationships_created += created
    finally:
        driver.close()
    stats.seconds = time.monotonic() - started
    return stats


def _batches(records: Iterable[ArticleRecord], size: int, seen: set[str]) -> Iterator[list[ArticleRecord]]:
    """Batches of records, each article id once (the same article read twice is one article)."""
    fresh = (r for r in records if not (r.article.id in seen or seen.add(r.article.id)))
    while batch := list(islice(fresh, size)):
        yield batch


def _write(driver: neo4j.Driver, settings: Settings, plan: list[tuple[str, dict[str, Any]]]) -> Counter:
    with driver.session(database=settings.database) as session:
        return session.execute_write(_run_all, plan)


def _run_all(tx: neo4j.ManagedTransaction, plan: list[tuple[str, dict[str, Any]]]) -> Counter:
    totals: Counter = Counter()
    for query, params in plan:
        counters = tx.run(query, params).consume().counters
        totals.update(
            nodes_created=counters.nodes_created,
            relationships_created=counters.relationships_created,
            properties_set=counters.properties_set,
            labels_added=counters.labels_added,
        )
    return totals


def _with_backoff(write: Callable[[], Counter]) -> Counter:
    """Retry a batch whose connection was lost after the driver gave up; bounded, doubling waits."""
    for attempt in range(RETRIES + 1):
        try:
            return write()
        except (neo4j.exceptions.SessionExpired, neo4j.exceptions.TransientError) as exc:
            if attempt == RETRIES:
                raise Neo4jError(f"Neo4j kept failing after {RETRIES} retries: {exc}") from exc
            time.sleep(BACKOFF_SECONDS * 2**attempt)
    raise AssertionError("unreachable")


def update_interactions(driver: neo4j.Driver, settings: Settings, actor_ids: list[str]) -> tuple[int, int]:
    """Recompute INTERACTS_WITH for every ordered pair touching ``actor_ids``: (pairs written, created)."""
    written = created = 0
    for start in range(0, len(actor_ids), INTERACTION_CHUNK):
        chunk = actor_ids[start : start + INTERACTION_CHUNK]
        summary = driver.execute_query(
            statement("interactions"), {"ids": chunk}, database_=settings.database
        ).summary
        written += summary.counters.properties_set // 4  # four properties per pair written
        created += summary.counters.relationships_created
    return written, created


# --- rows: what each statement file receives ---------------------------------------------------------


def _clean(props: dict[str, Any]) -> dict[str, Any]:
    """Neo4j stores no nulls: ``SET += {k: null}`` would only remove k."""
    return {k: v for k, v in props.items() if v is not None}


def batch_statements(batch: list[ArticleRecord]) -> list[tuple[str, dict[str, Any]]]:
    """The (statement, parameters) list that writes one batch: nodes first, then relationships.

    Rows come from :func:`newsgraph.graph.schema.record_rows`; each node label and relationship type
    has its statement file (``merge_<label>s``, ``link_<type>``), actors one per kind so that the
    extra label comes from the schema. An actor seen again in the batch is one row, merged by the
    MERGE statement's own rules (first non-null value, aliases as a union).
    """
    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    actors: dict[str, dict[str, Any]] = {}
    for record in batch:
        record_plan = record_rows(record)
        reported = [r for r in record_plan.relationships if r.type == "REPORTED_IN"]
        events = iter(reported)
        for node in record_plan.nodes:
            if node.label == "Actor":
                _merge_actor(actors, rows, node.properties)
            elif node.label == "Event":  # with its provenance: one REPORTED_IN per event, in order
                link = next(events)
                evidence = _clean(link.properties)
                rows["merge_events"].append(
                    {"id": node.id, "article": link.end, "props": _node_props(node), "evidence": evidence}
                )
            else:
                rows[f"merge_{node.label.lower()}s"].append({"id": node.id, "props": _node_props(node)})
        for rel in record_plan.relationships:
            if rel.type != "REPORTED_IN":
                rows[f"link_{rel.type.lower()}"].append(
                    {"src": rel.start, "dst": rel.end, "props": _clean(rel.properties)}
                )
    actor_files = [name for name in rows if name.startswith("merge_actors_")]
    order = ["merge_articles", *actor_files, "merge_places", "merge_events"]
    order += [f"link_{t.lower()}" for t in REL_TYPES]
    return [(statement(name), {"rows": rows[name]}) for name in order if rows.get(name)]


def _node_props(node: NodeRow) -> dict[str, Any]:
    return _clean({k: v for k, v in node.properties.items() if k != "id"})


def _merge_actor(actors: dict[str, dict[str, Any]], rows: dict[str, list], props: dict[str, Any]) -> None:
    """One row per actor per batch (the same state in 100 articles is one MERGE), in its first kind's file."""
    row = actors.get(props["id"])
    if row is None:
        row = actors[props["id"]] = {k: props[k] for k in ACTOR_ROW}
        kind = kind_name(props["kind"])
        rows[f"merge_actors_{kind if kind in KIND_LABELS else 'other'}"].append(row)
        return
    # the rules of the MERGE statement: first non-null value, aliases as a union
    row["country"] = row["country"] or props["country"]
    row["cameo_code"] = row["cameo_code"] or props["cameo_code"]
    row["aliases"] = unique([*row["aliases"], *props["aliases"]])


def graph_counts(settings: Settings) -> dict[str, int]:
    """Nodes per label and relationships per type in the database (``node:Actor``, ``rel:TARGETS`` ...)."""
    driver = open_driver(settings)
    try:
        with neo4j_errors(settings):
            records = driver.execute_query(statement("count_graph"), database_=settings.database).records
    finally:
        driver.close()
    return {f"{'node' if r['kind'] == 'node' else 'rel'}:{r['name']}": r["total"] for r in records}
