"""The HTML view's map: event places as points on a world outline, all inlined (no tiles, no network).

The outline is Natural Earth's 1:110m countries (public domain) as the npm package ``world-atlas``
ships it in TopoJSON, decoded in the page by ``topojson-client``; ``make setup`` installs both into
``static/map/node_modules`` (``static/map/package.json`` pins them). Without them the page still
draws its points, on a blank sea, and says how to get the outline.
"""

from __future__ import annotations

import json
from collections import Counter
from importlib import resources
from typing import Any

import networkx as nx

from newsgraph.graph.schema import QUAD_LABELS

MODULES = resources.files("newsgraph.graph.exports") / "static" / "map" / "node_modules"
WORLD = MODULES / "world-atlas" / "countries-110m.json"
TOPOJSON = MODULES / "topojson-client" / "dist" / "topojson-client.min.js"
MISSING = "World outline not installed: run `make setup` (npm installs world-atlas and topojson-client)."


def map_available() -> bool:
    """Whether the outline and its decoder are installed (``make setup``)."""
    return WORLD.is_file() and TOPOJSON.is_file()


def world_outline() -> Any:
    """The TopoJSON countries (Natural Earth 1:110m), or None when not installed."""
    return json.loads(WORLD.read_text(encoding="utf-8")) if map_available() else None


def topojson_script() -> str:
    return TOPOJSON.read_text(encoding="utf-8") if map_available() else ""


def map_points(graph: nx.MultiDiGraph, events: set[str], colors: dict[str, str], fallback: str) -> list[dict]:
    """One point per place with coordinates where shown events happened: its events, sized by their
    number and coloured by their commonest quad class (ties: the more conflictual)."""
    points: dict[str, dict[str, Any]] = {}
    for u, v, d in graph.edges(data=True):
        if d.get("type") != "AT" or u not in events:
            continue
        place = graph.nodes[v]
        if place.get("latitude") is None or place.get("longitude") is None:
            continue
        point = points.setdefault(v, {
            "id": v, "name": place.get("name") or v, "country": place.get("country"),
            "lat": place["latitude"], "lon": place["longitude"], "events": [],
        })  # fmt: skip
        if u not in point["events"]:
            point["events"].append(u)
    for point in points.values():
        quads = Counter(graph.nodes[e].get("quad_class") for e in point["events"])
        quad = max(quads, key=lambda q: (quads[q], q or 0))
        point["quad"] = quad
        point["color"] = colors.get(QUAD_LABELS.get(quad, ""), fallback)
    return sorted(points.values(), key=lambda p: (-len(p["events"]), p["name"]))
