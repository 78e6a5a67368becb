"""The graph as files: GraphML, GEXF, JSON node-link, a neo4j-admin CSV folder, a Cypher script, HTML.

GraphML and GEXF hold only scalar attributes, so the file writers convert, and :func:`read_graphml`
and :func:`read_gexf` convert back exactly:

* a list (``aliases``) is written as JSON text (``["Moscow", "Kremlin"]``); the readers decode the
  schema's list properties, and (GraphML only: GEXF has no graph attributes) any other attribute that
  the graph attribute ``newsgraph_lists`` names (``edge:extra``);
* characters XML 1.0 cannot hold (C0 controls other than tab and newlines, such as the form feeds of
  pasted PDF text) are written as U+FFFD, so the file is always well-formed;
* ``None`` is left out (an absent attribute is null); the readers restore every schema property as None;
* the node's schema label (``Actor``, ``Event`` ...) is written as ``neo4j_label`` and ``label`` holds
  readable text (name, title, event type), which Gephi shows on the canvas;
* GEXF only: ``type``, ``start`` and ``end`` mean something to GEXF itself (edge direction, time
  spells), so edges carry them as ``rel_type``, ``span_start`` and ``span_end``, and the relationship
  type is the edge label;
* edge ids are made unique (GraphML, Gephi want that); the readers rebuild the keys from type and role.

The CSV folder follows ``neo4j-admin database import full`` header conventions: one ``nodes_<Label>.csv``
per node label and one ``rels_<TYPE>.csv`` per relationship type, each with its header on the first
line, ``id:ID(<Label>)`` id spaces, ``:LABEL`` (``Actor;State``), typed columns (``goldstein:float``)
and ``;``-separated arrays (``aliases:string[]``). Fields may contain newlines, so import with
``--multiline-fields=true``.
"""

from __future__ import annotations

import csv
import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from newsgraph.extract.errors import InputError, NewsgraphError
from newsgraph.graph.schema import (
    EDGE_ENDS,
    EDGE_PROPERTIES,
    NODE_PROPERTIES,
    constraint_statements,
    edge_key,
    extra_label,
)

FORMATS: tuple[str, ...] = ("graphml", "gexf", "json", "csv", "cypher", "html")
FILE_NAMES: dict[str, str] = {
    "graphml": "graph.graphml",
    "gexf": "graph.gexf",
    "json": "graph.json",
    "csv": "csv",
    "cypher": "graph.cypher",
    "html": "graph.html",
}
ARRAY_DELIMITER = ";"  # neo4j-admin's default --array-delimiter
LISTS_ATTR = "newsgraph_lists"
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
GEXF_EDGE_RENAMES = {"type": "rel_type", "start": "span_start", "end": "span_end"}
SCHEMA_LISTS = {
    f"node:{k}" for props in NODE_PROPERTIES.values() for k, t in props.items() if t.endswith("[]")
}


def export_graph(graph: nx.MultiDiGraph, fmt: str, path: str | Path) -> Path:
    """Write ``graph`` as ``fmt`` to ``path`` (a folder for ``csv``); returns the path written."""
    path = Path(path)
    writer = _WRITERS.get(fmt)
    if writer is None:
        raise InputError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")
    if fmt != "csv":
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        writer(graph, path)
    except OSError as exc:
        raise NewsgraphError(f"{path}: cannot write {fmt} ({exc.strerror or exc})") from exc
    return path


def html_available() -> bool:
    try:
        from newsgraph.graph.html import write_html  # noqa: F401
    except ImportError:
        return False
    return True


def write_all(graph: nx.MultiDiGraph, out_dir: str | Path) -> dict[str, Path]:
    """Every format into ``out_dir`` under its usual name (HTML when that exporter is installed)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    formats = [f for f in FORMATS if f != "html" or html_available()]
    return {fmt: export_graph(graph, fmt, out_dir / FILE_NAMES[fmt]) for fmt in formats}


# --- GraphML and GEXF --------------------------------------------------------------------------------


def display_label(data: dict[str, Any]) -> str:
    """What a viewer prints on a node: the actor or place name, the article title, the event type."""
    for key in ("name", "title", "type", "id"):
        if data.get(key):
            return str(data[key])
    return ""


def _scalar_graph(graph: nx.MultiDiGraph, gexf: bool) -> nx.MultiDiGraph:
    """A copy holding only scalars, as the module docstring describes."""
    lists: set[str] = set()

    def scalars(data: dict[str, Any], domain: str) -> dict[str, Any]:
        out = {}
        for key, value in data.items():
            if value is None:
                continue
            if isinstance(value, (list, tuple)):
                lists.add(f"{domain}:{key}")
                value = json.dumps(list(value), ensure_ascii=False)
            elif isinstance(value, str):
                value = _XML_ILLEGAL.sub("\ufffd", value)
            out[key] = value
        return out

    flat = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        attrs = scalars(data, "node")
        attrs["neo4j_label"] = attrs.pop("label", "")
        attrs["label"] = _XML_ILLEGAL.sub("\ufffd", display_label(data))
        flat.add_node(node, **attrs)
    for number, (u, v, data) in enumerate(graph.edges(data=True)):
        attrs = scalars(data, "edge")
        if gexf:
            attrs = {GEXF_EDGE_RENAMES.get(k, k): val for k, val in attrs.items()}
            attrs["label"] = data.get("type", "")
        flat.add_edge(u, v, key=f"e{number}", **attrs)
    flat.graph[LISTS_ATTR] = json.dumps(sorted(lists))
    return flat


def _write_graphml(graph: nx.MultiDiGraph, path: Path) -> None:
    nx.write_graphml(_scalar_graph(graph, gexf=False), path, encoding="utf-8", prettyprint=True)


def _write_gexf(graph: nx.MultiDiGraph, path: Path) -> None:
    flat = _scalar_graph(graph, gexf=True)
    # GEXF's own edge ids are generated; drop our e<n> keys so networkx writes them as plain ids
    plain = nx.MultiDiGraph(**flat.graph)
    plain.add_nodes_from(flat.nodes(data=True))
    plain.add_edges_from((u, v, d) for u, v, d in flat.edges(data=True))
    nx.write_gexf(plain, path, encoding="utf-8", prettyprint=True)


def read_graphml(path: str | Path) -> nx.MultiDiGraph:
    """Read a GraphML file written by :func:`export_graph` back into the graph it came from."""
    flat = nx.read_graphml(path, force_multigraph=True, edge_key_type=str)
    return _restore(flat, gexf=False)


def read_gexf(path: str | Path) -> nx.MultiDiGraph:
    """Read a GEXF file written by :func:`export_graph` back into the graph it came from."""
    flat = nx.read_gexf(path)
    if not flat.is_multigraph():
        flat = nx.MultiDiGraph(flat)
    return _restore(flat, gexf=True)


def _restore(flat: nx.MultiDiGraph, gexf: bool) -> nx.MultiDiGraph:
    # GEXF keeps no graph attributes, so the schema's own list properties are always decoded
    lists = set(json.loads(flat.graph.get(LISTS_ATTR, "[]"))) | SCHEMA_LISTS
    graph = nx.MultiDiGraph()
    for node, data in flat.nodes(data=True):
        data = dict(data)
        data.pop("label", None)
        label = data.pop("neo4j_label", None)
        attrs = {k: None for k in NODE_PROPERTIES.get(label, {})}
        attrs.update(_decode(data, "node", lists))
        attrs["id"] = str(node)  # GEXF keeps the id only as the node's own id
        graph.add_node(str(node), label=label, **attrs)
    renames = {new: old for old, new in GEXF_EDGE_RENAMES.items()} if gexf else {}
    for u, v, data in flat.edges(data=True):
        dropped = ("id", "label", "networkx_key") if gexf else ("id",)  # the file's own edge bookkeeping
        data = {renames.get(k, k): val for k, val in data.items() if k not in dropped}
        rel = data["type"]
        attrs = {k: None for k in EDGE_PROPERTIES.get(rel, {})}
        attrs.update(_decode(data, "edge", lists))
        graph.add_edge(str(u), str(v), key=edge_key(rel, attrs.get("role")), **attrs)
    return graph


def _decode(data: dict[str, Any], domain: str, lists: set[str]) -> dict[str, Any]:
    return {k: json.loads(v) if f"{domain}:{k}" in lists else v for k, v in data.items()}


# --- JSON node-link ----------------------------------------------------------------------------------


def _write_json(graph: nx.MultiDiGraph, path: Path) -> None:
    data = nx.node_link_data(graph, edges="edges")
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def read_json(path: str | Path) -> nx.MultiDiGraph:
    """Read a node-link file back; a node's ``id`` is both its key and (restored here) its property."""
    graph = nx.node_link_graph(json.loads(Path(path).read_text(encoding="utf-8")), edges="edges")
    for node, data in graph.nodes(data=True):
        data["id"] = node
    return graph


# --- neo4j-admin CSV ---------------------------------------------------------------------------------


def _write_csv(graph: nx.MultiDiGraph, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for stale in [*folder.glob("nodes_*.csv"), *folder.glob("rels_*.csv")]:
        stale.unlink()  # a format's files from an earlier, larger graph would be imported too
    by_label: dict[str, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for node, data in graph.nodes(data=True):
        by_label[data["label"]].append((node, data))
    for label, nodes in by_label.items():
        columns = NODE_PROPERTIES[label]
        header = [f"id:ID({label})", ":LABEL"] + [_typed(k, t) for k, t in columns.items() if k != "id"]
        rows = []
        for node, data in nodes:
            labels = ";".join(x for x in (label, extra_label(data)) if x)
            rows.append([node, labels] + [_cell(data.get(k), t) for k, t in columns.items() if k != "id"])
        _write_rows(folder / f"nodes_{label}.csv", header, rows)
    by_type: dict[str, list[tuple[str, str, dict[str, Any]]]] = defaultdict(list)
    for u, v, data in graph.edges(data=True):
        by_type[data["type"]].append((u, v, data))
    for rel, edges in by_type.items():
        start, end = EDGE_ENDS[rel]
        columns = dict(EDGE_PROPERTIES[rel])
        for _, _, data in edges:  # relation properties beyond the schema, as strings
            columns.update({k: "string" for k in data if k not in columns and k != "type"})
        header = [f":START_ID({start})", f":END_ID({end})", ":TYPE"] + [
            _typed(k, t) for k, t in columns.items()
        ]
        rows = [[u, v, rel] + [_cell(d.get(k), t) for k, t in columns.items()] for u, v, d in edges]
        _write_rows(folder / f"rels_{rel}.csv", header, rows)


def _typed(name: str, kind: str) -> str:
    return name if kind == "string" else f"{name}:{kind}"


def _cell(value: Any, kind: str) -> str | None:
    if value is None:
        return None  # an empty, unquoted field: neo4j-admin sets no property
    if kind == "string[]":
        bad = [item for item in value if ARRAY_DELIMITER in item]
        if bad:
            raise NewsgraphError(
                f"csv export: list item {bad[0]!r} contains the array delimiter {ARRAY_DELIMITER!r}"
            )
        return ARRAY_DELIMITER.join(value) if value else None
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "float":
        return repr(float(value))
    return str(value)


def _write_rows(path: Path, header: list[str], rows: Iterable[list[str | None]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


# --- Cypher script -----------------------------------------------------------------------------------


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
        )
    for u, v, data in graph.edges(data=True):
        rel = data["type"]
        start, end = EDGE_ENDS[rel]
        props = {k: val for k, val in data.items() if k not in ("type", "role") and val is not None}
        merge_props = f" {{role: {cypher_string(data['role'])}}}" if rel == "INVOLVES" else ""
        statements.append(
            f"MATCH (a:{start} {{id: {cypher_string(u)}}}) MATCH (b:{end} {{id: {cypher_string(v)}}}) "
            f"MERGE (a)-[r:{rel}{merge_props}]->(b) SET r += {cypher_literal(props)}"
        )
    return statements


def _write_cypher(graph: nx.MultiDiGraph, path: Path) -> None:
    header = (
        f"// newsgraph export: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} relationships.\n"
        "// One statement per line; run with `cypher-shell -f graph.cypher` or paste into Neo4j Browser.\n"
    )
    path.write_text(header + "".join(s + ";\n" for s in cypher_statements(graph)), encoding="utf-8")


def read_cypher(path: str | Path) -> list[str]:
    """Statements of a script from :func:`export_graph`: one per line, as literals hold no newline."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [line.rstrip().removesuffix(";") for line in lines if line.strip() and not line.startswith("//")]


# --- HTML --------------------------------------------------------------------------------------------


def _write_html(graph: nx.MultiDiGraph, path: Path) -> None:
    try:
        from newsgraph.graph.html import write_html
    except ImportError as exc:
        raise NewsgraphError(f"html export is not available in this install ({exc})") from exc
    write_html(graph, path)


_WRITERS = {
    "graphml": _write_graphml,
    "gexf": _write_gexf,
    "json": _write_json,
    "csv": _write_csv,
    "cypher": _write_cypher,
    "html": _write_html,
}
