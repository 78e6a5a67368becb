"""The Cypher statements of the neo4j room, one per ``cypher/<name>.cypher`` file (parameters only)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

import neo4j

from newsgraph.graph.schema import split_statements

COUNTERS = ("nodes_created", "nodes_deleted", "relationships_created", "relationships_deleted",
            "properties_set", "labels_added")  # fmt: skip


# The name of the constraint or index a CREATE ... IF NOT EXISTS statement makes.
_SCHEMA_NAME = re.compile(r"\s*CREATE\s+(?:\w+\s+)?(?:CONSTRAINT|INDEX)\s+(\w+)\s+IF\s+NOT\s+EXISTS\b", re.I)

# IF NOT EXISTS does not cover two loads creating the same constraint or index at once: the other won.
_ALREADY_THERE = {
    "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists",
    "Neo.ClientError.Schema.IndexAlreadyExists",
    "Neo.ClientError.Schema.ConstraintAlreadyExists",
}


def create_schema(driver: neo4j.Driver, database: str | None, statements: Iterable[str]) -> None:
    """Run CREATE ... IF NOT EXISTS statements; another process creating the same one at once is fine.

    A constraint or index already there (by name) is not asked for again: each such statement is a
    schema transaction of its own, and a load into a database that has them all spent a third of a
    second on them (two SHOW statements instead). Other statements always run."""
    existing = schema_names(driver, database)
    for text in statements:
        named = _SCHEMA_NAME.match(text)
        if named and named.group(1) in existing:
            continue
        try:
            driver.execute_query(text, database_=database)
        except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError) as exc:
            error = server_error(exc)
            if error is None or error.code not in _ALREADY_THERE:
                raise


def server_error(exc: BaseException) -> neo4j.exceptions.Neo4jError | None:
    """The server's error behind a failure of the driver: the failure itself or one it was raised from.

    A transaction that touches a failed result again raises the driver's ResultFailedError from the
    server's error instead of that error; the driver does so itself when its rollback after a failed
    statement finds the connection not reset (a CI run met it with threads sharing one driver). The
    server's code is what says whether to go on."""
    cause: BaseException | None = exc
    seen: set[int] = set()
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, neo4j.exceptions.Neo4jError):
            return cause
        seen.add(id(cause))
        cause = cause.__cause__
    return None


def schema_names(driver: neo4j.Driver, database: str | None) -> set[str]:
    """The names of the database's constraints and indexes."""
    names = set()
    for name in ("show_constraints", "show_indexes"):
        names |= {r["name"] for r in driver.execute_query(statement(name), database_=database).records}
    return names


@cache
def statement(name: str) -> str:
    """The one statement in ``graph/neo4j/cypher/<name>.cypher``, comments dropped."""
    path = resources.files("newsgraph.graph.neo4j").joinpath(f"cypher/{name}.cypher")
    (only,) = split_statements(path.read_text(encoding="utf-8"))
    return only


class Writer:
    """Runs statement files in one transaction and adds up what they changed (``counters``).

    ``run`` waits for a statement's rows; ``send`` waits only until the server has accepted the
    statement (the driver reads the answer to RUN, which comes once the statement is planned), not
    for it to run: the server runs the statements of a transaction one after another in any case,
    and while it runs one the client packs the next one's parameters (a first load's client time is
    mostly that packing). A statement sent is counted, and any error of it raised, when
    ``counters`` is read or a later ``run`` returns."""

    def __init__(self, tx: neo4j.ManagedTransaction):
        self.tx = tx
        self._counters: Counter = Counter()
        self._sent: list[neo4j.Result] = []

    def run(self, name: str, **params: Any) -> list[dict[str, Any]]:
        """Run ``cypher/<name>.cypher`` with ``params``; its rows as dicts."""
        result = self.tx.run(statement(name), params)
        rows = [record.data() for record in result]
        self._count(result)
        return rows

    def send(self, name: str, **params: Any) -> None:
        """Run ``cypher/<name>.cypher`` with ``params`` without waiting for it to finish."""
        self._sent.append(self.tx.run(statement(name), params))

    @property
    def counters(self) -> Counter:
        """What every statement run or sent so far changed (waits for the ones sent)."""
        for result in self._sent:
            self._count(result)
        self._sent.clear()
        return self._counters

    def _count(self, result: neo4j.Result) -> None:
        counters = result.consume().counters
        self._counters.update({key: getattr(counters, key) for key in COUNTERS})
