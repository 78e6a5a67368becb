"""Finding events by words: the full-text and vector indexes, and the two searches over them.

``create_search_indexes`` runs ``cypher/search_indexes.cypher`` (the loader calls it right after the
constraints). :func:`search_events` runs the named query ``search_events`` (``queries/``: the same
file Browser users run) with the user's text escaped for Lucene; :func:`semantic_search` (the
``semantic`` extra) first embeds the events that have no embedding yet, then asks the vector index
for the nearest to the text's embedding. Both return one dict per event: score, event, cameo, date,
source and target names, evidence sentence, article, outlet, location (URL or file), span, event id.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from importlib import resources
from typing import Any

import neo4j

from newsgraph.extract.errors import EXIT_USAGE, Neo4jError, NewsgraphError
from newsgraph.graph.neo4j.connection import Settings, neo4j_errors, open_driver
from newsgraph.graph.neo4j.statements import create_schema, server_error, statement
from newsgraph.graph.schema import split_statements
from newsgraph.queries import bind_params, get_query

EMBED_PAGE = 256  # events embedded and written per transaction
# Every character Lucene's classic query parser treats as syntax (backslash first).
_LUCENE_SPECIAL = re.compile(r'([\\+\-!():^\[\]"{}~*?|&/])')
_NO_INDEX = re.compile(r"no such (fulltext|vector) (schema )?index", re.IGNORECASE)


def search_index_statements() -> list[str]:
    """The CREATE ... INDEX statements of ``cypher/search_indexes.cypher``."""
    text = (
        resources.files("newsgraph.graph.neo4j").joinpath("cypher/search_indexes.cypher").read_text("utf-8")
    )
    return split_statements(text)


def create_search_indexes(driver: neo4j.Driver, database: str | None) -> None:
    """Create the full-text and vector indexes if missing, and wait until they are online."""
    create_schema(driver, database, search_index_statements())
    driver.execute_query(statement("await_indexes"), database_=database)


def lucene_text(text: str) -> str:
    """Plain words as a Lucene query that matches any of them: operators escaped, AND/OR/NOT lowered."""
    words = " ".join(text.split()).lower()  # lowercase: "AND" is an operator, "and" a (stop) word
    if not re.search(r"\w", words):
        raise NewsgraphError("search text has no words to look for", EXIT_USAGE)
    return _LUCENE_SPECIAL.sub(r"\\\1", words)


def search_events(text: str, settings: Settings, limit: int = 10) -> list[dict[str, Any]]:
    """Events matching the words of ``text`` in the full-text indexes, best first."""
    query = get_query("search_events")
    params = bind_params(query, {"text": lucene_text(text), "limit": limit})
    return _read(settings, lambda driver: _rows(driver, settings, query.text, params))


def semantic_search(
    text: str,
    settings: Settings,
    limit: int = 10,
    embedder: Any = None,
    on_embed: Callable[[int], None] | None = None,
) -> list[dict[str, Any]]:
    """Events whose evidence sentence is nearest in meaning to ``text`` (embeds new events first)."""
    from newsgraph.graph.neo4j.embedder import load_embedder

    if not text.strip():
        raise NewsgraphError("search text is empty", EXIT_USAGE)
    embedder = embedder or load_embedder()

    def run(driver: neo4j.Driver) -> list[dict[str, Any]]:
        embedded = embed_missing(driver, settings, embedder)
        if on_embed and embedded:
            on_embed(embedded)
        params = {"vector": embedder.embed([text])[0], "limit": limit}
        return _rows(driver, settings, statement("semantic_search"), params)

    return _read(settings, run)


def embed_missing(driver: neo4j.Driver, settings: Settings, embedder: Any) -> int:
    """Give every event with a sentence and no embedding one; returns how many were embedded."""
    done = 0
    while True:
        records = driver.execute_query(
            statement("events_to_embed"), {"limit": EMBED_PAGE}, database_=settings.database
        ).records
        if not records:
            return done
        vectors = embedder.embed([r["sentence"] for r in records])
        rows = [{"id": r["id"], "vector": v} for r, v in zip(records, vectors, strict=True)]
        driver.execute_query(statement("set_embeddings"), {"rows": rows}, database_=settings.database)
        done += len(rows)


def _read(settings: Settings, work: Callable[[neo4j.Driver], list[dict[str, Any]]]) -> list[dict[str, Any]]:
    driver = open_driver(settings)
    try:
        with neo4j_errors(settings):
            try:
                return work(driver)
            except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError) as exc:
                error = server_error(exc)
                if error is not None and _NO_INDEX.search(error.message or ""):
                    raise Neo4jError(
                        f"Neo4j at {settings.uri} has no search indexes yet: `newsgraph load` creates them "
                        "(loading records again is harmless)"
                    ) from exc
                raise
    finally:
        driver.close()


def _rows(
    driver: neo4j.Driver, settings: Settings, query: str, params: dict[str, Any]
) -> list[dict[str, Any]]:
    result = driver.execute_query(query, params, database_=settings.database)
    return [record.data() for record in result.records]
