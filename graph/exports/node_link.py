"""JSON node-link (``networkx.node_link_graph``, D3): lists and nulls as JSON has them."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from newsgraph.graph.exports.registry import register


@register("json", "graph.json", "JSON node-link for networkx.node_link_graph and D3")
def write_json(graph: nx.MultiDiGraph, path: Path) -> None:
    data = nx.node_link_data(graph, edges="edges")
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def read_json(path: str | Path) -> nx.MultiDiGraph:
    """Read a node-link file back; a node's ``id`` is both its key and (restored here) its property."""
    graph = nx.node_link_graph(json.loads(Path(path).read_text(encoding="utf-8")), edges="edges")
    for node, data in graph.nodes(data=True):
        data["id"] = node
    return graph
