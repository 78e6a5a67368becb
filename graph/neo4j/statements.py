"""The Cypher statements of the neo4j room, one per ``cypher/<name>.cypher`` file (parameters only)."""

from __future__ import annotations

from functools import cache
from importlib import resources

from newsgraph.graph.schema import split_statements


@cache
def statement(name: str) -> str:
    """The one statement in ``graph/neo4j/cypher/<name>.cypher``, comments dropped."""
    path = resources.files("newsgraph.graph.neo4j").joinpath(f"cypher/{name}.cypher")
    (only,) = split_statements(path.read_text(encoding="utf-8"))
    return only
