"""Neo4j write benchmarks: ``load_records`` against a plain ``UNWIND $rows CREATE`` of the same graph,
and ``neo4j-admin database import full`` of the CSV export.

The baseline writes exactly the nodes and relationships that ``build_graph`` makes of the records
(the graph the loader ends with, ``INTERACTS_WITH`` included), in transactions of ``BATCH_ROWS``
rows, with CREATE only: no MERGE, no constraints, relationship ends found by element id. It is
what the server itself can write, the ceiling the loader is measured against.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from newsgraph.extract.record import ArticleRecord
from newsgraph.graph.build import build_graph
from newsgraph.graph.neo4j.connection import Settings
from newsgraph.graph.schema import extra_label

CYPHER = Path(__file__).resolve().parent / "cypher"
BATCH_ROWS = 1000


@contextmanager
def scratch_server(folder: Path) -> Iterator[tuple[Settings, int | None]]:
    """A Neo4j of the bench's own in ``folder`` (ports away from the tests'): its settings and pid."""
    from newsgraph.graph.neo4j.server import Instance, free_port

    instance = Instance(folder, free_port(28687), free_port(28474), heap=("1g", "1g"), pagecache="512m")
    try:
        instance.start(timeout=300)
        yield instance.settings(), instance.pid()
    finally:
        instance.stop()


def cypher(name: str) -> str:
    return (CYPHER / f"{name}.cypher").read_text(encoding="utf-8")


@dataclass
class Timing:
    seconds: float
    events: int
    relationships: int
    cpu: float = 0.0  # CPU seconds of the server and of this client together (see Clock)
    client_cpu: float = 0.0  # of this client alone

    @property
    def rate(self) -> float:
        """Events plus relationships written per second."""
        return (self.events + self.relationships) / self.seconds if self.seconds else 0.0


class Clock:
    """Wall-clock time and CPU seconds of the Neo4j server process plus this Python process: the
    work a load takes, which a busy machine stretches in wall-clock time far more than in CPU time."""

    def __init__(self, server_pid: int | None):
        import psutil

        self.server = psutil.Process(server_pid) if server_pid else None

    def _server_cpu(self) -> float:
        if self.server is None:
            return 0.0
        times = self.server.cpu_times()
        return times.user + times.system

    def __enter__(self) -> Clock:
        self.started, self.own, self.other = time.perf_counter(), time.process_time(), self._server_cpu()
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.perf_counter() - self.started
        self.client_cpu = time.process_time() - self.own
        self.cpu = self.client_cpu + self._server_cpu() - self.other


def _driver(settings: Settings):
    import neo4j

    return neo4j.GraphDatabase.driver(settings.uri, auth=(settings.user, settings.password))


def counts(driver: Any, settings: Settings) -> tuple[int, int]:
    result = driver.execute_query(cypher("count_events_relationships"), database_=settings.database)
    record = result.records[0]
    return int(record["events"]), int(record["relationships"])


def empty(driver: Any, settings: Settings) -> None:
    from newsgraph.graph.neo4j.server import clear_database

    clear_database(driver, settings.database)


def time_loader(
    records: list[ArticleRecord], settings: Settings, clear: bool, server_pid: int | None = None,
    **options: Any,
) -> Timing:
    """One ``load_records`` run (into an emptied database when ``clear``); what the database holds after."""
    from newsgraph.graph.neo4j.loader import load_records

    with _driver(settings) as driver:
        if clear:
            empty(driver, settings)
        with Clock(server_pid) as clock:
            load_records(records, settings, **options)
        return Timing(clock.seconds, *counts(driver, settings), cpu=clock.cpu, client_cpu=clock.client_cpu)


def _chunks(rows: list[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def graph_rows(graph: nx.MultiDiGraph) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Node rows {labels, props} and relationship rows {src, dst, type, props} (ends as node ids)."""
    nodes = []
    for _, data in graph.nodes(data=True):
        labels = [data["label"]] + ([extra_label(data)] if extra_label(data) else [])
        props = {k: v for k, v in data.items() if k != "label" and v is not None and v != []}
        nodes.append({"labels": [x for x in labels if x], "props": props})
    rels = []
    for u, v, data in graph.edges(data=True):
        props = {k: x for k, x in data.items() if k != "type" and x is not None}
        rels.append({"src": u, "dst": v, "type": data["type"], "props": props})
    return nodes, rels


def time_plain_create(
    records: list[ArticleRecord], settings: Settings, server_pid: int | None = None
) -> Timing:
    """The same graph written with plain UNWIND ... CREATE into an emptied database."""
    nodes, rels = graph_rows(build_graph(records))  # prepared before the clock starts

    def create_nodes(tx, rows):
        return {r["id"]: r["element_id"] for r in tx.run(cypher("create_nodes"), rows=rows)}

    def create_rels(tx, rows):
        tx.run(cypher("create_relationships"), rows=rows).consume()

    with _driver(settings) as driver:
        empty(driver, settings)
        clock = Clock(server_pid).__enter__()
        element: dict[str, str] = {}
        with driver.session(database=settings.database) as session:
            by_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
            for row in nodes:
                by_label[row["labels"][0]].append(row)
            for rows in by_label.values():
                for chunk in _chunks(rows, BATCH_ROWS):
                    element.update(session.execute_write(create_nodes, chunk))
            linked = [{**r, "src": element[r["src"]], "dst": element[r["dst"]]} for r in rels]
            for chunk in _chunks(linked, BATCH_ROWS):
                session.execute_write(create_rels, chunk)
        clock.__exit__()
        return Timing(clock.seconds, *counts(driver, settings), cpu=clock.cpu, client_cpu=clock.client_cpu)


def time_admin_import(records: list[ArticleRecord], instance: Any, folder: Path) -> tuple[float, int, int]:
    """Export the records' graph as CSV and bulk-import it (the instance must be stopped).

    Returns (seconds of ``neo4j-admin database import full``, nodes, relationships).
    """
    from newsgraph.graph.exports import export_graph
    from newsgraph.graph.neo4j.bulk_import import admin_import

    csv_dir = export_graph(build_graph(records), "csv", folder)
    started = time.perf_counter()
    result = admin_import(csv_dir, instance, extra_args=["--multiline-fields=true"], start=False)
    return time.perf_counter() - started, result.nodes, result.relationships
