"""Write extraction records into Neo4j: batched, parameterised, idempotent, merged across articles.

Every statement is a ``graph/neo4j/cypher/*.cypher`` file run with parameters (``rows.py`` says
what the article, actor and place statements receive, ``events.py`` derives the events); labels and
relationship types are fixed in those files (one MERGE file per actor kind). One managed write
transaction writes one batch of whole articles, so an article is never half-written; it first takes
the load lock (``lock_events``), so two loads at once take turns per batch and their events are those
of one load of both. The driver retries transient errors inside ``execute_write`` and
:func:`_with_backoff` retries a lost connection a few more times.

An article already in the database is skipped when it is unchanged (same id, same extractor
version); a newer reading of it (another extractor version, or another text under the same url or
path) replaces its reports and mentions, and the events of those reports are derived again.
After the load (or an interrupted one), ``INTERACTS_WITH`` is recomputed for every actor whose
events changed. The merge rules match :func:`newsgraph.graph.build.build_graph`, so Neo4j and the
networkx graph of the same input agree node for node and relationship for relationship.
"""

from __future__ import annotations

import signal
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

import neo4j

from newsgraph.extract.errors import Neo4jError
from newsgraph.extract.record import ArticleRecord
from newsgraph.graph.neo4j import DEFAULT_BATCH_SIZE
from newsgraph.graph.neo4j.connection import Settings, neo4j_errors, open_driver
from newsgraph.graph.neo4j.events import KnownKeys, Removed, write_events
from newsgraph.graph.neo4j.rows import batch_rows
from newsgraph.graph.neo4j.search import search_index_statements
from newsgraph.graph.neo4j.statements import Writer, create_schema, server_error, statement
from newsgraph.graph.schema import (
    RecordRows,
    ReportRow,
    article_slot,
    constraint_statements,
    current_articles,
    record_rows,
)

# The loader's own constraint and indexes after the schema's constraints (constraints.cypher); the
# search indexes (search_indexes.cypher) and the lock node follow them, the lock node made before
# any batch, so that no batch counts it among the nodes it created.
LOADER_SCHEMA = (
    "lock_constraint",
    "index_event_identity",
    "index_report",
    "index_article_url",
    "index_article_path",
)
AFTER_SCHEMA = ("await_indexes", "create_lock")
INTERACTION_CHUNK = 500  # actor ids per INTERACTS_WITH recomputation
RETRIES = 3  # on top of the driver's own retries, for a connection lost between attempts
BACKOFF_SECONDS = 1.0  # doubled after each retry: 1, 2, 4 s


@dataclass
class LoadStats:
    articles: int = 0  # articles read, including unchanged ones
    unchanged: int = 0  # already in the database as they are: skipped
    replaced: int = 0  # a newer reading of an article in the database: its reports replaced
    batches: int = 0
    nodes_created: int = 0
    nodes_deleted: int = 0
    relationships_created: int = 0
    relationships_deleted: int = 0
    properties_set: int = 0
    labels_added: int = 0
    interactions: int = 0  # INTERACTS_WITH relationships written by the recomputation
    seconds: float = 0.0
    touched_actors: set[str] = field(default_factory=set, repr=False)
    lost_reports: set[str] = field(default_factory=set, repr=False)  # events kept that lost reports
    # Events this load created, and whether it wrote again or deleted any it did not create: only
    # then can an INTERACTS_WITH or event link from before the load have lost its support.
    created_events: set[str] = field(default_factory=set, repr=False)
    changed_earlier: bool = False

    def add(self, counters: Counter) -> None:
        for name in ("nodes_created", "nodes_deleted", "relationships_created", "relationships_deleted",
                     "properties_set", "labels_added"):  # fmt: skip
            setattr(self, name, getattr(self, name) + counters[name])

    def __str__(self) -> str:
        kept = [
            f"{n} {what}" for n, what in ((self.unchanged, "unchanged"), (self.replaced, "replaced")) if n
        ]
        extra = f" ({', '.join(kept)})" if kept else ""
        return (
            f"{plural(self.articles, 'article')}{extra} in "
            f"{plural(self.batches, 'transaction')}: {self.nodes_created} nodes and "
            f"{self.relationships_created} relationships created, {self.properties_set} properties set, "
            f"{plural(self.interactions, 'dyad')} updated ({self.seconds:.1f} s)"
        )


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


class LoadInterrupted(KeyboardInterrupt):
    """Ctrl-C stopped a load between two transactions; ``stats`` says what was committed."""

    def __init__(self, stats: LoadStats):
        super().__init__(f"{stats.articles} articles committed")
        self.stats = stats


class Interrupts:
    """Ctrl-C during a load: while the driver is talking to the server (a transaction, the summaries)
    it only asks the load to stop, so the transaction commits and the connection stays clean (raised
    in the middle of a driver call, KeyboardInterrupt left half a message on the wire: "Unexpected
    struct tag" and exit 3); anywhere else (reading, extracting) it stops the load at once."""

    def __init__(self) -> None:
        self.requested = False
        self._talking = False
        self._previous: Any = None

    def __enter__(self) -> Interrupts:
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)

    def _handle(self, signum: int, frame: Any) -> None:
        # Noted first, and never raised inside a finaliser (the driver's Workspace.__del__): Python
        # prints such an exception as a traceback and drops it; the load stops after this batch.
        self.requested = True
        in_finaliser = frame is not None and frame.f_code.co_name == "__del__"
        if not self._talking and not in_finaliser:
            raise KeyboardInterrupt

    @contextmanager
    def deferred(self) -> Iterator[None]:
        """A section Ctrl-C does not cut short."""
        outer, self._talking = self._talking, True
        try:
            yield
        finally:
            self._talking = outer


def schema_statements() -> tuple[str, ...]:
    """The constraints and indexes a load creates before its first write (the search indexes too),
    then the wait for them and the lock node."""
    return (
        *constraint_statements(), *map(statement, LOADER_SCHEMA), *search_index_statements(),
        *map(statement, AFTER_SCHEMA),
    )  # fmt: skip


def load_records(
    records: Iterable[ArticleRecord],
    settings: Settings,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Callable[[int], None] | None = None,
) -> LoadStats:
    """Write ``records`` into the Neo4j of ``settings``; ``progress(n)`` is told of each batch of n articles.

    Constraints and indexes first, then one write transaction per batch of ``batch_size`` whole articles, then
    ``INTERACTS_WITH`` for the actors whose events changed. Loading the same records again changes
    no count. Ctrl-C commits the open transaction, updates the summaries for what was committed and
    raises :class:`LoadInterrupted`.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    stats = LoadStats()
    started = time.monotonic()
    with Interrupts() as interrupts:
        with interrupts.deferred():
            driver = open_driver(settings)
        try:
            with neo4j_errors(settings):
                with interrupts.deferred():
                    create_schema(driver, settings.database, schema_statements())
                stopped = _load_batches(driver, settings, records, batch_size, stats, progress, interrupts)
                with interrupts.deferred():
                    lost = sorted(stats.lost_reports)
                    stats.add(_with_backoff(lambda: _write_links(driver, settings, lost)).counters)
                    stats.interactions, created = update_interactions(
                        driver, settings, sorted(stats.touched_actors), prune=stats.changed_earlier
                    )
                stats.relationships_created += created
        finally:
            with interrupts.deferred():
                driver.close()
    stats.seconds = time.monotonic() - started
    if stopped or interrupts.requested:
        raise LoadInterrupted(stats)
    return stats


def _load_batches(
    driver: neo4j.Driver,
    settings: Settings,
    records: Iterable[ArticleRecord],
    batch_size: int,
    stats: LoadStats,
    progress: Callable[[int], None] | None,
    interrupts: Interrupts,
) -> bool:
    """Write every batch; True when Ctrl-C stopped the load (after the open transaction committed)."""
    known = KnownKeys()
    try:
        for batch in _batches(records, batch_size):
            rows = [record_rows(record) for record in batch]
            with interrupts.deferred():
                result = _with_backoff(lambda b=batch, r=rows: _write(driver, settings, b, r, known))
            if known.token is None or result.previous != known.token:
                stats.created_events.clear()  # another load wrote since our last batch: it may have read them
            known.update(result.previous, result.token, result.keys)  # committed
            stats.add(result.counters)
            stats.articles += len(batch)
            stats.unchanged += result.unchanged
            stats.replaced += result.replaced
            stats.batches += 1
            stats.touched_actors |= result.actors
            # an event this load created has no link or summary from before it to prune
            stats.lost_reports |= result.lost - stats.created_events
            stats.changed_earlier |= bool(result.rewritten - stats.created_events)
            stats.created_events |= result.created
            if progress:
                progress(len(batch))
            if interrupts.requested:
                return True
    except KeyboardInterrupt:  # while reading or extracting the next batch: no transaction was open
        return True
    return False


def _batches(records: Iterable[ArticleRecord], size: int) -> Iterator[list[ArticleRecord]]:
    """Batches of records, each reading of an article once; of several readings of one article in a
    batch the last is kept (:func:`current_articles`), as the networkx builder does."""
    seen: set[tuple[str, str | None]] = set()
    fresh = (r for r in records if not ((v := (r.article.id, r.article.extractor)) in seen or seen.add(v)))
    while batch := list(islice(fresh, size)):
        yield current_articles(batch)


@dataclass
class BatchResult:
    counters: Counter
    actors: set[str]  # actors whose INTERACTS_WITH summaries may have changed
    unchanged: int = 0
    replaced: int = 0
    lost: set[str] = field(default_factory=set)  # events kept that lost reports
    previous: Any = None  # the token the batch found on the load lock
    token: str = ""  # the token it left there
    keys: dict[str, list[tuple[ReportRow, str]]] = field(default_factory=dict)  # what it wrote of them
    created: set[str] = field(default_factory=set)  # events it created
    rewritten: set[str] = field(default_factory=set)  # stored events it wrote again or deleted


def _write(
    driver: neo4j.Driver,
    settings: Settings,
    batch: list[ArticleRecord],
    rows: list[RecordRows],
    known: KnownKeys,
) -> BatchResult:
    with driver.session(database=settings.database) as session:
        return session.execute_write(_write_batch, batch, rows, known)


def _write_batch(
    tx: neo4j.ManagedTransaction, batch: list[ArticleRecord], rows: list[RecordRows], known: KnownKeys
) -> BatchResult:
    """One batch in one transaction: take the load lock, see which articles are new, unchanged or a
    newer reading (whose reports and mentions go first), write articles, actors, places, mentions and
    relations, then merge the new reports into the events of their keys."""
    writer = Writer(tx)
    token = uuid.uuid4().hex
    (lock,) = writer.run("lock_events", token=token)
    versions = {
        row["id"]: row for row in writer.run("article_versions", rows=[_version_row(r) for r in batch])
    }
    fresh: list[RecordRows] = []
    clear: set[str] = set()  # articles whose reports go: a newer reading of them is in the batch
    gone: set[str] = set()  # articles replaced by a reading under another id
    unchanged = 0
    for record, record_rows_ in zip(batch, rows, strict=True):
        found = versions[record.article.id]
        if found["present"] and found["extractor"] == record.article.extractor:
            unchanged += 1
            continue
        if found["present"]:
            clear.add(record.article.id)
        gone.update(found["replaced"])
        fresh.append(record_rows_)
    removed = Removed()
    if clear or gone:
        removed.add(writer.run("remove_reports", ids=sorted(clear | gone)))
        writer.send("delete_articles", ids=sorted(gone))
    for name, params in batch_rows(fresh):
        writer.send(name, **params)
    new = [report for r in fresh for report in r.reports]
    written = write_events(writer, new, removed, known.valid(lock["previous"]))
    return BatchResult(
        writer.counters, written.actors, unchanged, replaced=len(clear) + len(gone), lost=written.lost,
        previous=lock["previous"], token=token, keys=written.keys, created=written.created,
        rewritten=written.rewritten,
    )  # fmt: skip


def _write_links(driver: neo4j.Driver, settings: Settings, lost: list[str]) -> BatchResult:
    """CONDITIONAL_ON and RESPONDS_TO derived again from the reports, under the load lock. Only a
    link of an event that lost reports in this load can have lost its support (an event made anew has
    none, a deleted one took its links along, and one this load created had no link before this
    transaction while no other load wrote in between), so only those are checked, and none when no
    event lost any: a first load into an empty database."""

    def derive(tx: neo4j.ManagedTransaction) -> BatchResult:
        writer = Writer(tx)
        writer.run("lock_events", token=True)
        writer.send("derive_event_links")
        if lost:
            writer.send("prune_event_links", ids=lost)
        return BatchResult(writer.counters, set())

    with driver.session(database=settings.database) as session:
        return session.execute_write(derive)


def _version_row(record: ArticleRecord) -> dict[str, Any]:
    """What ``article_versions`` looks an article's earlier readings up by."""
    art = record.article
    slot = article_slot(art) or ""
    return {"id": art.id, "url": art.url, "path": art.path if slot.startswith("path:") else None}


def _with_backoff(write: Callable[[], BatchResult]) -> BatchResult:
    """Retry a batch whose connection was lost after the driver gave up; bounded, doubling waits."""
    for attempt in range(RETRIES + 1):
        try:
            return write()
        except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError) as exc:
            lost = isinstance(exc, neo4j.exceptions.SessionExpired)
            if not (lost or isinstance(server_error(exc), neo4j.exceptions.TransientError)):
                raise
            if attempt == RETRIES:
                raise Neo4jError(f"Neo4j kept failing after {RETRIES} retries: {exc}") from exc
            time.sleep(BACKOFF_SECONDS * 2**attempt)
    raise AssertionError("unreachable")


def update_interactions(
    driver: neo4j.Driver, settings: Settings, actor_ids: list[str], prune: bool = True
) -> tuple[int, int]:
    """Recompute INTERACTS_WITH for every ordered pair touching ``actor_ids``: (pairs written, created).

    Summaries no event supports any more (their events were merged or replaced) are dropped first,
    unless ``prune`` is false: a load that wrote again or deleted no event it did not create itself
    (a first load into an empty database) can have taken no support from a summary, as summaries
    are written only after its batches."""
    written = created = 0
    for start in range(0, len(actor_ids), INTERACTION_CHUNK):
        chunk = actor_ids[start : start + INTERACTION_CHUNK]
        with driver.session(database=settings.database) as session:
            counters = session.execute_write(_write_interactions, chunk, prune)
        written += counters["properties_set"] // 4  # four properties per pair written
        created += counters["relationships_created"]
    return written, created


def _write_interactions(tx: neo4j.ManagedTransaction, actor_ids: list[str], prune: bool) -> Counter:
    """One chunk of summaries, under the load lock like every write of a load: a load whose batches
    run meanwhile finds its token gone from the lock, and no longer counts the events it created as
    ones no summary was read from (``changed_earlier``). The counters are the summaries' own."""
    Writer(tx).run("lock_events", token=True)
    if prune:
        Writer(tx).run("prune_interactions", ids=actor_ids)
    summaries = Writer(tx)
    summaries.run("interactions", ids=actor_ids)
    return summaries.counters


def graph_counts(settings: Settings) -> dict[str, int]:
    """Nodes per label and relationships per type in the database (``node:Actor``, ``rel:TARGETS`` ...)."""
    driver = open_driver(settings)
    try:
        with neo4j_errors(settings):
            records = driver.execute_query(statement("count_graph"), database_=settings.database).records
    finally:
        driver.close()
    return {f"{'node' if r['kind'] == 'node' else 'rel'}:{r['name']}": r["total"] for r in records}
