"""A Cypher script (``cypher-shell -f``, Neo4j Browser): the uniqueness constraints, then one idempotent
MERGE statement per node and relationship, every value an escaped literal and every label and
relationship type from the schema. The one place where data becomes Cypher source text, so every
value goes through :func:`cypher_string` / :func:`cypher_literal` (tested against the server).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import networkx as nx

from newsgraph.extract.errors import NewsgraphError
from newsgraph.graph.exports.registry import register
from newsgraph.graph.schema import (
    EDGE_ENDS,
    NODE_PROPERTIES,
    POINT_PROPERTIES,
    REL_TYPES,
    constraint_statements,
    extra_label,
)


def cypher_string(text: str) -> str:
    """A Cypher string literal for any text: quotes, backslashes and control characters escaped."""
    out = []
    for char in text:
        if char in "\\'\"":
            out.append("\\" + char)
        elif char == "\n":
            out.append("\\n")
        elif char == "\r":
            out.append("\\r")
        elif char == "\t":
            out.append("\\t")
        elif ord(char) < 0x20 or char in "\u2028\u2029\x7f":
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return "'" + "".join(out) + "'"


def cypher_name(name: str) -> str:
    """A property key as a Cypher symbolic name, backtick-quoted (backticks doubled) unless plain."""
    if name.isidentifier() and name.isascii():
        return name
    return "`" + name.replace("`", "``") + "`"


def cypher_literal(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise NewsgraphError(f"cypher export: {value!r} is not a number Neo4j can store")
        return repr(value)
    if isinstance(value, str):
        return cypher_string(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{cypher_name(str(k))}: {cypher_literal(v)}" for k, v in value.items()) + "}"
    return cypher_string(str(value))


def point_clause(label: str, props: dict[str, Any]) -> str:
    """``, n.location = point({...})`` for a label with a point property and both coordinates."""
    point = POINT_PROPERTIES.get(label)
    if point is None or props.get(point.latitude) is None or props.get(point.longitude) is None:
        return ""
    coords = {"latitude": float(props[point.latitude]), "longitude": float(props[point.longitude])}
    return f", n.{cypher_name(point.name)} = point({cypher_literal(coords)})"


def cypher_statements(graph: nx.MultiDiGraph) -> list[str]:
    """Idempotent MERGE statements for every node and edge: literals escaped, labels from the schema."""
    statements = list(constraint_statements())
    for node, data in graph.nodes(data=True):
        label = data["label"]
        props = {k: data.get(k) for k in NODE_PROPERTIES[label] if k != "id" and data.get(k) is not None}
        extra = extra_label(data)
        set_label = f" SET n:{extra}" if extra else ""
        statements.append(
            f"MERGE (n:{label} {{id: {cypher_string(node)}}}){set_label} SET n += {cypher_literal(props)}"
            + point_clause(label, props)
        )
    for u, v, data in graph.edges(data=True):
        rel = data["type"]
        start, end = EDGE_ENDS[rel]
        # the identity property (INVOLVES' role, REPORTED_IN's report) tells relationships of one pair apart
        identity = REL_TYPES[rel].identity
        props = {k: val for k, val in data.items() if k not in ("type", identity) and val is not None}
        merge_props = f" {{{identity}: {cypher_string(data[identity])}}}" if identity else ""
        statements.append(
            f"MATCH (a:{start} {{id: {cypher_string(u)}}}) MATCH (b:{end} {{id: {cypher_string(v)}}}) "
            f"MERGE (a)-[r:{rel}{merge_props}]->(b) SET r += {cypher_literal(props)}"
        )
    return statements


@register("cypher", "graph.cypher", "a Cypher script of idempotent MERGE statements for cypher-shell -f")
def write_cypher(graph: nx.MultiDiGraph, path: Path) -> None:
    header = (
        f"// newsgraph export: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} relationships.\n"
        "// One statement per line; run with `cypher-shell -f graph.cypher` or paste into Neo4j Browser.\n"
    )
    path.write_text(header + "".join(s + ";\n" for s in cypher_statements(graph)), encoding="utf-8")


def read_cypher(path: str | Path) -> list[str]:
    """Statements of a script from :func:`write_cypher`: one per line, as literals hold no newline."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [line.rstrip().removesuffix(";") for line in lines if line.strip() and not line.startswith("//")]
