"""Run a named query (``newsgraph.queries``) read-only against a Neo4j server, rows as plain Python."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import neo4j

from newsgraph.graph.neo4j.connection import Settings, neo4j_errors, open_driver
from newsgraph.queries import bind_params, get_query


def run_query(
    name: str, params: Mapping[str, Any] | None, settings: Settings
) -> tuple[list[str], list[list[Any]]]:
    """Run a named query read-only against the server of ``settings``; returns (columns, rows)."""
    query = get_query(name)
    bound = bind_params(query, params)
    driver = open_driver(settings)
    try:
        with neo4j_errors(settings):
            result = driver.execute_query(
                query.text, bound, database_=settings.database, routing_=neo4j.RoutingControl.READ
            )
    finally:
        driver.close()
    return list(result.keys), [[_plain(v) for v in record.values()] for record in result.records]


def _plain(value: Any) -> Any:
    """Driver values as plain Python (nodes and relationships as property dicts)."""
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if hasattr(value, "items") and hasattr(value, "element_id"):  # a Node or Relationship
        return dict(value.items())
    if hasattr(value, "iso_format"):  # neo4j.time types
        return value.iso_format()
    return value
