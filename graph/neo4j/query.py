"""Run a named query (``newsgraph.queries``) read-only against a Neo4j server, rows as plain Python."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import Any

import neo4j

from newsgraph.extract.errors import EXIT_USAGE, NewsgraphError
from newsgraph.graph.neo4j.connection import Settings, neo4j_errors, open_driver
from newsgraph.graph.neo4j.statements import statement
from newsgraph.queries import QueryInfo, bind_params, get_query


def run_query(
    name: str, params: Mapping[str, Any] | None, settings: Settings, *, check_actors: bool = True
) -> tuple[list[str], list[list[Any]]]:
    """Run a named query read-only against the server of ``settings``; returns (columns, rows).

    With ``check_actors``, an ``actor`` parameter that names no actor of the database is an error
    (exit code 2) naming the closest names, rather than an empty answer.
    """
    query = get_query(name)
    bound = bind_params(query, params)
    driver = open_driver(settings)
    try:
        with neo4j_errors(settings):
            if check_actors:
                _check_actors(driver, query, bound, settings.database)
            result = driver.execute_query(
                query.text, bound, database_=settings.database, routing_=neo4j.RoutingControl.READ
            )
    finally:
        driver.close()
    return list(result.keys), [[plain_value(v) for v in record.values()] for record in result.records]


def _check_actors(driver: neo4j.Driver, query: QueryInfo, bound: dict[str, Any], database: str | None):
    for param in query.params:
        value = bound.get(param.name)
        if param.type != "actor" or value is None:
            continue
        records, _, _ = driver.execute_query(
            statement("actor_matches"), actor=value, database_=database, routing_=neo4j.RoutingControl.READ
        )
        if records[0]["found"]:
            continue
        records, _, _ = driver.execute_query(
            statement("actor_names"), database_=database, routing_=neo4j.RoutingControl.READ
        )
        raise NewsgraphError(_no_match(param.name, value, records), exit_code=EXIT_USAGE)


def _no_match(param: str, value: str, records: list[Any]) -> str:
    """"no actor matches 'Narnia'" with the closest names and aliases (case-insensitive)."""
    names: dict[str, str] = {}
    for record in records:
        for name in [record["name"], *record["aliases"]]:
            if name:
                names.setdefault(name.lower(), name)
    if not names:
        return f"no actor matches {value!r} ({param}): the database holds no actors yet (`newsgraph load`)"
    close = difflib.get_close_matches(value.lower(), list(names), n=5, cutoff=0.6)
    hint = f"; close: {', '.join(names[c] for c in close)}" if close else ""
    return f"no actor matches {value!r} ({param}: a name, alias or id{hint})"


def plain_value(value: Any) -> Any:
    """Driver values as plain Python (nodes and relationships as property dicts)."""
    if isinstance(value, list):
        return [plain_value(v) for v in value]
    if isinstance(value, dict):
        return {k: plain_value(v) for k, v in value.items()}
    if hasattr(value, "items") and hasattr(value, "element_id"):  # a Node or Relationship
        return dict(value.items())
    if hasattr(value, "iso_format"):  # neo4j.time types
        return value.iso_format()
    return value
