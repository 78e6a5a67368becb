"""GEXF (Gephi, ``networkx.read_gexf``): scalars only, edge attributes GEXF reserves renamed (``flat.py``)."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from newsgraph.graph.exports.flat import restore, scalar_graph
from newsgraph.graph.exports.registry import register


@register("gexf", "graph.gexf", "GEXF for Gephi and networkx.read_gexf")
def write_gexf(graph: nx.MultiDiGraph, path: Path) -> None:
    flat = scalar_graph(graph, gexf=True)
    # GEXF's own edge ids are generated; drop our e<n> keys so networkx writes them as plain ids
    plain = nx.MultiDiGraph(**flat.graph)
    plain.add_nodes_from(flat.nodes(data=True))
    plain.add_edges_from((u, v, d) for u, v, d in flat.edges(data=True))
    nx.write_gexf(plain, path, encoding="utf-8", prettyprint=True)


def read_gexf(path: str | Path) -> nx.MultiDiGraph:
    """Read a GEXF file written by :func:`write_gexf` back into the graph it came from."""
    flat = nx.read_gexf(path)
    if not flat.is_multigraph():
        flat = nx.MultiDiGraph(flat)
    return restore(flat, gexf=True)
