"""``newsgraph build`` as a library function: articles (or records) -> records -> graph -> files (-> Neo4j).

The straight line a newcomer follows: :class:`~newsgraph.extract.inputs.RecordSource` reads and
extracts, ``records.jsonl`` keeps the records, :func:`~newsgraph.graph.build.build_graph` makes the
graph, :func:`~newsgraph.graph.exports.write_all` writes every registered export, and with a Neo4j
URI :func:`~newsgraph.graph.neo4j.loader.load_records` loads the same records.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from newsgraph.extract.record import ArticleRecord
from newsgraph.graph.analysis import summarize
from newsgraph.graph.build import build_graph
from newsgraph.graph.exports import write_all

DEFAULT_SEEDS = Path("seeds")
RECORDS_FILE = "records.jsonl"
# Wraps the records as they are extracted (a progress bar): (records, how many articles) -> records.
Progress = Callable[[Iterable[ArticleRecord], "int | None"], Iterable[ArticleRecord]]


@dataclass
class BuildResult:
    records: list[ArticleRecord]
    graph: nx.MultiDiGraph
    written: dict[str, Path]  # export format -> the file (or folder) written
    summary: str  # the lines `newsgraph build` prints
    skipped: list[str] = field(default_factory=list)  # inputs skipped, each with its reason
    load: Any = None  # the Neo4j LoadStats when a URI was given


def build(
    paths: Sequence[str | Path] = (),
    out_dir: str | Path = "out",
    *,
    model: str | None = None,
    published: str | None = None,
    neo4j_uri: str | None = None,
    on_skip: Callable[[str], None] | None = None,
    progress: Progress | None = None,
) -> BuildResult:
    """Extract ``paths`` (default ``seeds/``), build the graph, write ``records.jsonl`` and every export.

    Inputs that cannot be read are skipped (``on_skip`` hears each) and named in the result; with
    ``neo4j_uri`` the records are also loaded into that server.
    """
    from newsgraph.extract.inputs import RecordSource

    inputs = tuple(str(p) for p in paths) or (str(DEFAULT_SEEDS),)
    source = RecordSource(inputs, model=model, published=published, on_skip=on_skip)
    extracted: Iterable[ArticleRecord] = source
    if progress:
        extracted = progress(source, source.article_count())
    records = list(extracted)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with open(out / RECORDS_FILE, "w", encoding="utf-8") as jsonl:
        for record in records:
            jsonl.write(record.to_json() + "\n")
    graph = build_graph(records)
    written = write_all(graph, out)
    stats = None
    if neo4j_uri:
        from newsgraph.graph.neo4j.connection import settings_from
        from newsgraph.graph.neo4j.loader import load_records

        stats = load_records(records, settings_from(uri=neo4j_uri))
    return BuildResult(records, graph, written, summarize(graph, records), source.skipped, stats)
