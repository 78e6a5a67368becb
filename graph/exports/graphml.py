"""GraphML (Gephi, yEd, Cytoscape, ``networkx.read_graphml``): scalars only, as ``flat.py`` describes."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from newsgraph.graph.exports.flat import restore, scalar_graph
from newsgraph.graph.exports.registry import register


@register("graphml", "graph.graphml", "GraphML for Gephi, yEd, Cytoscape and networkx.read_graphml")
def write_graphml(graph: nx.MultiDiGraph, path: Path) -> None:
    nx.write_graphml(scalar_graph(graph, gexf=False), path, encoding="utf-8", prettyprint=True)


def read_graphml(path: str | Path) -> nx.MultiDiGraph:
    """Read a GraphML file written by :func:`write_graphml` back into the graph it came from."""
    flat = nx.read_graphml(path, force_multigraph=True, edge_key_type=str)
    return restore(flat, gexf=False)
