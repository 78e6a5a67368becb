"""Cypher typed or read from a file, run against a server: ``newsgraph neo4j cypher``.

What ``cypher-shell -f`` does for the scripts users meet here (``graph.cypher``, a query file), with
the driver newsgraph already has: the text is cut into statements at the ``;`` that end them (never
inside a string, a quoted name or a comment) and each runs in its own auto-commit transaction, so
``CALL { ... } IN TRANSACTIONS`` works as well as a plain ``MERGE``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import neo4j

from newsgraph.extract.errors import EXIT_USAGE, NewsgraphError
from newsgraph.graph.neo4j.query import plain_value
from newsgraph.graph.neo4j.statements import server_error

# Summary counters worth a word, in the order they are reported.
COUNTERS = (
    "nodes_created", "nodes_deleted", "relationships_created", "relationships_deleted", "properties_set",
    "labels_added", "labels_removed", "indexes_added", "indexes_removed", "constraints_added",
    "constraints_removed",
)  # fmt: skip


SINGULAR = {
    "nodes": "node", "relationships": "relationship", "properties": "property", "labels": "label",
    "indexes": "index", "constraints": "constraint",
}  # fmt: skip


@dataclass(frozen=True)
class Statement:
    line: int  # where it starts in its file (1-based)
    text: str


@dataclass
class Outcome:
    """What one statement returned: its columns and rows (none for a pure write), and its counters."""

    columns: list[str]
    rows: list[list[Any]]
    counters: Counter = field(default_factory=Counter)


def split_script(text: str) -> list[Statement]:
    """The statements of a Cypher script, each with the line it starts on; comments stay inside."""
    statements: list[Statement] = []
    start = 0
    for index, char, in_code in _scan(text):
        if char == ";" and in_code:
            _add(statements, text, start, index)
            start = index + 1
    _add(statements, text, start, len(text))
    return statements


def _add(statements: list[Statement], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    first = next((i for i, char, in_code in _scan(chunk) if in_code and not char.isspace()), None)
    if first is None:
        return  # only blanks and comments
    statements.append(Statement(text.count("\n", 0, start + first) + 1, chunk.strip()))


def _scan(text: str) -> Iterator[tuple[int, str, bool]]:
    """Each character with whether it is code (outside strings, quoted names and comments)."""
    quote: str | None = None  # ', " or ` while inside one
    comment: str | None = None  # "//" or "/*"
    i = 0
    while i < len(text):
        char, pair = text[i], text[i : i + 2]
        if comment == "//":
            comment = None if char == "\n" else comment
            yield i, char, False
        elif comment == "/*":
            yield i, char, False
            if pair == "*/":
                i += 1
                yield i, text[i], False
                comment = None
        elif quote:
            if char == "\\" and quote != "`":
                yield i, char, False
                i += 1
                if i < len(text):
                    yield i, text[i], False
            else:
                quote = None if char == quote else quote
                yield i, char, False
        elif pair in ("//", "/*"):
            comment = pair
            yield i, char, False
        elif char in "'\"`":
            quote = char
            yield i, char, False
        else:
            yield i, char, True
        i += 1


def run_statement(session: neo4j.Session, statement: Statement) -> Outcome:
    """Run one statement in its own transaction; a mistake in it is an error naming its line (exit 2)."""
    try:
        result = session.run(statement.text)
        records = list(result)
        summary = result.consume()
    except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError) as exc:
        error = server_error(exc)
        if error is not None and (error.code or "").startswith("Neo.ClientError.Statement."):
            message = (error.message or str(error)).splitlines()[0]
            raise NewsgraphError(
                f"statement at line {statement.line}: {message}", exit_code=EXIT_USAGE
            ) from exc
        raise
    counters = Counter({name: getattr(summary.counters, name) for name in COUNTERS})
    return Outcome(list(result.keys()), [[plain_value(v) for v in r.values()] for r in records], counters)


def describe_counters(counters: Counter) -> str:
    """``3 nodes created, 5 properties set`` (nothing changed: ``no changes``)."""
    parts = []
    for name in COUNTERS:
        if counters[name]:
            what, _, done = name.partition("_")
            noun = what if counters[name] != 1 else SINGULAR[what]
            parts.append(f"{counters[name]:,} {noun} {done}")
    return ", ".join(parts) or "no changes"
