"""Graphs of scalars for GraphML and GEXF, which hold no lists and no nulls, and back again exactly.

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
* edge ids are made unique (GraphML, Gephi want that); the readers rebuild the keys from the type and
  its identity property (INVOLVES' role, REPORTED_IN's report).
"""

from __future__ import annotations

import json
import re
from typing import Any

import networkx as nx

from newsgraph.graph.schema import EDGE_PROPERTIES, NODE_PROPERTIES, edge_key

LISTS_ATTR = "newsgraph_lists"
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
GEXF_EDGE_RENAMES = {"type": "rel_type", "start": "span_start", "end": "span_end"}
SCHEMA_LISTS = {
    f"node:{k}" for props in NODE_PROPERTIES.values() for k, t in props.items() if t.endswith("[]")
} | {f"edge:{k}" for props in EDGE_PROPERTIES.values() for k, t in props.items() if t.endswith("[]")}


def display_label(data: dict[str, Any]) -> str:
    """What a viewer prints on a node: the actor or place name, the article title, the event type."""
    for key in ("name", "title", "type", "id"):
        if data.get(key):
            return str(data[key])
    return ""


def scalar_graph(graph: nx.MultiDiGraph, gexf: bool) -> nx.MultiDiGraph:
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


def restore(flat: nx.MultiDiGraph, gexf: bool) -> nx.MultiDiGraph:
    """The graph :func:`scalar_graph` was made from: lists decoded, schema properties back as None."""
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
        graph.add_edge(str(u), str(v), key=edge_key(rel, attrs), **attrs)
    return graph


def _decode(data: dict[str, Any], domain: str, lists: set[str]) -> dict[str, Any]:
    return {k: json.loads(v) if f"{domain}:{k}" in lists else v for k, v in data.items()}
