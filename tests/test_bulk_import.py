"""The bulk path: ``newsgraph export --format csv`` output fed to ``neo4j-admin database import full``.

A generated corpus (thousands of actors and events, with commas, quotes and line breaks in
its text) is exported as CSV and imported into a scratch Neo4j instance of its own (own
folder, own ports); every label's node count and every type's relationship count in Neo4j
must equal the networkx graph's.
"""

from __future__ import annotations

import importlib.util
import time
from collections import Counter
from pathlib import Path

import pytest

from newsgraph.graph.build import build_graph
from newsgraph.graph.exports import export_graph
from newsgraph.graph.neo4j.bulk_import import admin_import
from newsgraph.graph.neo4j.server import Instance, free_port
from newsgraph.graph.schema import extra_label

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[1]
COUNT_GRAPH = (ROOT / "graph" / "neo4j" / "cypher" / "count_graph.cypher").read_text(encoding="utf-8")
EVENT_BY_ID = (ROOT / "bench" / "cypher" / "event_by_id.cypher").read_text(encoding="utf-8")


def _synthetic():
    spec = importlib.util.spec_from_file_location("bench_synthetic", ROOT / "bench" / "synthetic.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus_graph():
    records = _synthetic().synthetic_records(articles=600, actors=2400, events_per_article=6)
    return build_graph(records)


@pytest.fixture
def scratch_instance(tmp_path):
    instance = Instance(tmp_path / "neo4j", bolt_port=free_port(), http_port=free_port())
    yield instance
    instance.stop()


def _expected(graph) -> tuple[Counter, Counter]:
    labels: Counter = Counter()
    for _, data in graph.nodes(data=True):
        labels[data["label"]] += 1
        if extra_label(data):  # an actor's kind (State ...), an event's quad class (VerbalConflict ...)
            labels[extra_label(data)] += 1
    types = Counter(data["type"] for _, _, data in graph.edges(data=True))
    return labels, types


def test_csv_export_imports_with_neo4j_admin_and_counts_match(corpus_graph, scratch_instance, tmp_path):
    import neo4j

    csv_dir = export_graph(corpus_graph, "csv", tmp_path / "csv")
    assert corpus_graph.number_of_nodes() > 5000 and corpus_graph.number_of_edges() > 20000

    started = time.perf_counter()
    result = admin_import(csv_dir, scratch_instance, extra_args=["--multiline-fields=true"], start=False)
    seconds = time.perf_counter() - started
    scratch_instance.start()

    assert (result.nodes, result.relationships) == (
        corpus_graph.number_of_nodes(),
        corpus_graph.number_of_edges(),
    )
    settings = scratch_instance.settings()
    with neo4j.GraphDatabase.driver(settings.uri, auth=(settings.user, settings.password)) as driver:
        rows, _, _ = driver.execute_query(COUNT_GRAPH, database_=settings.database)
        sample, _, _ = driver.execute_query(
            EVENT_BY_ID,
            id=next(n for n, d in corpus_graph.nodes(data=True) if d["label"] == "Event"),
            database_=settings.database,
        )
    found_labels = Counter({r["name"]: r["total"] for r in rows if r["kind"] == "node"})
    found_types = Counter({r["name"]: r["total"] for r in rows if r["kind"] == "relationship"})
    labels, types = _expected(corpus_graph)
    assert found_labels == labels
    assert found_types == types
    first_event = next(d for _, d in corpus_graph.nodes(data=True) if d["label"] == "Event")
    assert sample[0]["sentence"] == first_event["sentence"]  # quotes, commas, line breaks survive
    assert sample[0]["goldstein"] == first_event["goldstein"]

    total = result.nodes + result.relationships
    print(f"\nneo4j-admin import: {result.nodes} nodes + {result.relationships} relationships "
          f"in {seconds:.1f} s = {total / seconds:,.0f} entities/s (JVM start included)")  # fmt: skip
