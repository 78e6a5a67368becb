"""Write extraction records into Neo4j: batched, parameterised, idempotent.

Every statement is a ``graph/neo4j/cypher/*.cypher`` file run with ``$rows`` parameters (``rows.py``
says what each receives); labels and relationship types are fixed in those files (one MERGE file
per actor kind). One managed write
transaction writes one batch of whole articles, so an article is never half-written; the driver
retries transient errors inside ``execute_write`` and :func:`_with_backoff` retries a lost
connection a few more times. After the load, ``INTERACTS_WITH`` is recomputed for every actor the
load touched. The merge rules match :func:`newsgraph.graph.build.build_graph`, so Neo4j and the
networkx graph of the same input agree node for node and relationship for relationship; one
difference: an event reference to an article of a *later* batch is skipped by the loader.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

import neo4j

from newsgraph.extract.errors import Neo4jError
from newsgraph.extract.record import ArticleRecord
from newsgraph.graph.neo4j import DEFAULT_BATCH_SIZE
from newsgraph.graph.neo4j.connection import Settings, neo4j_errors, open_driver
from newsgraph.graph.neo4j.rows import batch_statements
from newsgraph.graph.neo4j.search import create_search_indexes
from newsgraph.graph.neo4j.statements import statement
from newsgraph.graph.schema import constraint_statements

INTERACTION_CHUNK = 500  # actor ids per INTERACTS_WITH recomputation
RETRIES = 3  # on top of the driver's own retries, for a connection lost between attempts
BACKOFF_SECONDS = 1.0  # doubled after each retry: 1, 2, 4 s


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
            create_search_indexes(driver, settings.database)
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


def graph_counts(settings: Settings) -> dict[str, int]:
    """Nodes per label and relationships per type in the database (``node:Actor``, ``rel:TARGETS`` ...)."""
    driver = open_driver(settings)
    try:
        with neo4j_errors(settings):
            records = driver.execute_query(statement("count_graph"), database_=settings.database).records
    finally:
        driver.close()
    return {f"{'node' if r['kind'] == 'node' else 'rel'}:{r['name']}": r["total"] for r in records}
