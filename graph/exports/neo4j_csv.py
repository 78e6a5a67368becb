"""A folder of CSV files for ``neo4j-admin database import full``, headers from the schema.

One ``nodes_<Label>.csv`` per node label and one ``rels_<TYPE>.csv`` per relationship type, each
with its header on the first line: ``id:ID(<Label>)`` id spaces, ``:LABEL`` (``Actor;State``),
typed columns (``goldstein:float``) and ``;``-separated arrays (``aliases:string[]``). Fields may
contain newlines, so import with ``--multiline-fields=true``.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from newsgraph.extract.errors import NewsgraphError
from newsgraph.graph.exports.csv_readme import write_readme
from newsgraph.graph.exports.registry import register
from newsgraph.graph.schema import (
    EDGE_ENDS,
    EDGE_PROPERTIES,
    NODE_PROPERTIES,
    POINT_PROPERTIES,
    PointProperty,
    extra_label,
)

ARRAY_DELIMITER = ";"  # neo4j-admin's default --array-delimiter


@register("csv", "csv", "a folder of CSV files for neo4j-admin database import full")
def write_csv(graph: nx.MultiDiGraph, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for stale in [*folder.glob("nodes_*.csv"), *folder.glob("rels_*.csv")]:
        stale.unlink()  # a format's files from an earlier, larger graph would be imported too
    _write_nodes(graph, folder)
    _write_relationships(graph, folder)
    write_readme(folder)  # what each file is and the exact import command


def _write_nodes(graph: nx.MultiDiGraph, folder: Path) -> None:
    by_label: dict[str, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for node, data in graph.nodes(data=True):
        by_label[data["label"]].append((node, data))
    for label, nodes in by_label.items():
        columns = {k: t for k, t in NODE_PROPERTIES[label].items() if k != "id"}
        header = [f"id:ID({label})", ":LABEL"] + [_typed(k, t) for k, t in columns.items()]
        point = POINT_PROPERTIES.get(label)
        header += [f"{point.name}:point{{crs:WGS-84}}"] if point else []
        rows = []
        for node, data in nodes:
            labels = ";".join(x for x in (label, extra_label(data)) if x)
            row = [node, labels] + [_cell(data.get(k), t) for k, t in columns.items()]
            rows.append(row + [_point(data, point)] if point else row)
        _write_rows(folder / f"nodes_{label}.csv", header, rows)


def _write_relationships(graph: nx.MultiDiGraph, folder: Path) -> None:
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


def _point(data: dict[str, Any], point: PointProperty) -> str | None:
    """neo4j-admin's point literal, ``{latitude:51.5,longitude:-0.12}``; empty without coordinates."""
    lat, lon = data.get(point.latitude), data.get(point.longitude)
    return None if lat is None or lon is None else f"{{latitude:{float(lat)!r},longitude:{float(lon)!r}}}"


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
