"""The self-contained HTML view of a graph: one file, every script and style inlined, no network access.

The page draws actors and events (the nodes an analyst reads) with sigma.js on WebGL; articles are
shown as the provenance of each event rather than as nodes. Positions are computed here with igraph's
Fruchterman-Reingold layout (C code, a fraction of a second for thousands of nodes), so the browser
renders a finished picture and never freezes on a layout. Colours come from the Neo4j Browser style
(``graph/style.grass``), so both views look alike.
"""

from __future__ import annotations

import html
import importlib.util
import json
import math
import re
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from newsgraph.extract.errors import NewsgraphError
from newsgraph.graph.exports.html_map import (
    MISSING,
    map_available,
    map_points,
    topojson_script,
    world_outline,
)
from newsgraph.graph.exports.registry import register
from newsgraph.graph.schema import KIND_LABELS, QUAD_CLASSES, kind_label

STATIC = resources.files("newsgraph.graph.exports") / "static"
# One style for both views: the Neo4j Browser style (GraSS) colours this page too.
STYLE = resources.files("newsgraph.graph") / "style.grass"
# Vendored libraries first (the page's script uses their globals), then the page's own code.
SCRIPTS = ("graphology.umd.min.js", "sigma.min.js", "view.js", "view_map.js")

# Relationships drawn as edges; the others (MENTIONS, REPORTED_IN, AT, INTERACTS_WITH) become details.
DRAWN = {
    "SOURCE_OF": "#4E79A7",
    "TARGETS": "#E15759",
    "INVOLVES": "#BAB0AC",
    "ATTRIBUTED_TO": "#D4A6C8",
    "CONDITIONAL_ON": "#9C755F",
    "RESPONDS_TO": "#9C755F",
    "HOLDS_ROLE": "#F1CE63",
    "PART_OF": "#8CD17D",
    "MEMBER_OF": "#D7B5A6",
}
FALLBACK_COLOR = "#A5ABB6"
# The event properties the page shows.
EVENT_FIELDS = (
    "type", "cameo", "quad_class", "goldstein", "modality", "negated", "date", "date_text", "sentence",
    "confidence", "mentions", "sources", "first_reported", "last_reported",
)  # fmt: skip
# What the page shows of each report of an event (its REPORTED_IN): the article's own words and stance.
REPORT_FIELDS = ("sentence", "modality", "negated", "date", "date_text")
LAYOUT_SCALE = 1000.0


def style_colors(grass: str | None = None) -> dict[str, str]:
    """Node colours by label from a GraSS style sheet (``node.State { color: #4E79A7; }``)."""
    text = grass if grass is not None else STYLE.read_text(encoding="utf-8")
    colors = {}
    for label, body in re.findall(r"node\.(\w+)\s*\{([^}]*)\}", text):
        match = re.search(r"(?:^|[;\s])color:\s*(#[0-9A-Fa-f]{3,8})", body)
        if match:
            colors[label] = match.group(1)
    return colors


def html_available() -> bool:
    """Whether this install can write the view: its layout needs igraph (a dependency, but compiled)."""
    return importlib.util.find_spec("igraph") is not None


@register("html", "graph.html", "one self-contained HTML page to explore the graph offline", html_available)
def _write_view(graph: nx.MultiDiGraph, path: Path) -> None:
    write_html(graph, path)


def write_html(graph: nx.MultiDiGraph, path: str | Path, title: str = "newsgraph") -> Path:
    """Write the interactive view of ``graph`` to ``path`` (one self-contained file); returns the path."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render_html(graph, title), encoding="utf-8")
    except OSError as exc:
        raise NewsgraphError(f"{path}: cannot write the HTML view ({exc.strerror or exc})") from exc
    return path


def render_html(graph: nx.MultiDiGraph, title: str = "newsgraph") -> str:
    """The HTML text of the view (what :func:`write_html` writes)."""
    data = view_data(graph)
    template = (STATIC / "view.html").read_text(encoding="utf-8")
    parts = {
        "TITLE": html.escape(title),
        "STYLE": _inline((STATIC / "view.css").read_text(encoding="utf-8"), "style"),
        "DATA": _json_for_html(data),
        "WORLD": _json_for_html(world_outline()),
        # topojson-client (UMD, global `topojson`) before the page's scripts that use it
        "SCRIPTS": "\n".join(
            f"<script>\n{_inline(text, 'script')}\n</script>"
            for text in [topojson_script(), *(_script(name) for name in SCRIPTS)]
            if text
        ),
    }
    # One pass, so placeholder-like text inside the data is never substituted again.
    return re.sub(r"\{\{(\w+)\}\}", lambda m: parts[m.group(1)], template)


def view_data(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """What the page needs: actors and events with positions, sizes and colours, edges, articles."""
    colors = style_colors()
    actors = [n for n, lab in graph.nodes(data="label") if lab == "Actor"]
    events = [n for n, lab in graph.nodes(data="label") if lab == "Event"]
    shown = set(actors) | set(events)
    edges = [
        (u, v, t, d.get("role"))
        for u, v, d in graph.edges(data=True)
        if (t := d.get("type")) in DRAWN and u in shown and v in shown
    ]
    degree: Counter[str] = Counter()
    for u, v, _, _ in edges:
        degree[u] += 1
        degree[v] += 1
    view = _View(graph, colors, degree, layout([*actors, *events], [(u, v) for u, v, _, _ in edges]))
    articles, reported, places = _provenance(graph, shown)
    event_rows = [view.event(node, places.get(node, []), reported.get(node, [])) for node in events]
    type_counts = Counter(e["type"] for e in event_rows)
    return {
        "actors": [view.actor(node) for node in actors],
        "events": event_rows,
        "edges": [list(e) for e in edges],
        "articles": articles,
        "eventTypes": sorted(type_counts.items()),
        "places": map_points(graph, set(events), colors, FALLBACK_COLOR),
        "mapNote": None if map_available() else MISSING,
        "quadNames": {q: name for q, (_, name) in QUAD_CLASSES.items()},
        "edgeColors": DRAWN,
        "legend": {
            "actors": [[label, colors.get(label, FALLBACK_COLOR)] for label in KIND_LABELS.values()],
            "events": [
                [f"{q} {name}", colors.get(lab, FALLBACK_COLOR)] for q, (lab, name) in QUAD_CLASSES.items()
            ],
        },
    }


def _provenance(
    graph: nx.MultiDiGraph, shown: set[str]
) -> tuple[dict[str, dict[str, Any]], dict[str, list[dict[str, Any]]], dict[str, list[str]]]:
    """Articles (details only), the reports of each shown event (article and what it says), and its
    place names."""
    articles: dict[str, dict[str, Any]] = {}
    reported: dict[str, list[dict[str, Any]]] = {}
    places: dict[str, list[str]] = {}
    for u, v, d in graph.edges(data=True):
        if d["type"] == "REPORTED_IN" and u in shown:
            art = graph.nodes[v]
            articles[v] = {k: art.get(k) for k in ("title", "source", "published", "url", "path")}
            reported.setdefault(u, []).append({"article": v, **{k: d.get(k) for k in REPORT_FIELDS}})
        elif d["type"] == "AT" and u in shown:
            places.setdefault(u, []).append(graph.nodes[v].get("name") or v)
    for reports in reported.values():  # by publication, as the event's first report leads
        reports.sort(key=lambda r: (articles[r["article"]].get("published") or "", r["article"]))
    return articles, reported, places


class _View:
    """Rows of the page's actors and events: their properties, position, size and colour."""

    def __init__(
        self,
        graph: nx.MultiDiGraph,
        colors: dict[str, str],
        degree: Counter[str],
        positions: dict[str, tuple[float, float]],
    ):
        self.graph, self.colors, self.degree, self.positions = graph, colors, degree, positions

    def placed(self, node: str, size: float, label: str | None) -> dict[str, Any]:
        x, y = self.positions[node]
        return {"x": x, "y": y, "size": round(size, 2), "color": self.colors.get(label, FALLBACK_COLOR)}

    def actor(self, node: str) -> dict[str, Any]:
        d = self.graph.nodes[node]
        return {
            "id": node,
            "name": d.get("name") or node,
            "kind": d.get("kind"),
            "country": d.get("country"),
            "aliases": list(d.get("aliases") or []),
            "cameo_code": d.get("cameo_code"),
            **self.placed(node, 5 + 2.2 * math.sqrt(self.degree[node]), kind_label(d.get("kind")) or "Actor"),
        }

    def event(self, node: str, places: list[str], reports: list[dict[str, Any]]) -> dict[str, Any]:
        d = self.graph.nodes[node]
        label = QUAD_CLASSES.get(d.get("quad_class"), ("Event",))[0]
        mentions = d.get("mentions") or max(len(reports), 1)
        return {
            "id": node,
            **{k: d.get(k) for k in EVENT_FIELDS},
            "mentions": mentions,
            "place": ", ".join(places) or None,
            "articles": list(dict.fromkeys(r["article"] for r in reports)),
            "reports": reports,
            # an event many articles report is drawn larger
            **self.placed(node, 3 + 1.2 * math.sqrt(self.degree[node]) + math.log2(mentions), label),
        }


def layout(nodes: list[str], edges: list[tuple[str, str]]) -> dict[str, tuple[float, float]]:
    """Deterministic 2-D positions, scaled to [-1000, 1000]: igraph's Fruchterman-Reingold (C code).

    igraph starts from random positions and moves nodes at random, drawing from a process-wide
    generator: a seeded one makes the picture the same on every run (diffable exports, stable
    screenshots). Its own start, spread over a square of side sqrt(n), keeps the grid variant fast
    (about 0.5 s for 3,000 nodes; a start squeezed into a unit circle took 20 times longer).
    """
    import random

    import igraph

    if not nodes:
        return {}
    index = {n: i for i, n in enumerate(nodes)}
    g = igraph.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in edges], directed=False)
    igraph.set_random_number_generator(random.Random(0))
    try:
        coords = g.layout_fruchterman_reingold(niter=500, grid="auto").coords
    finally:
        igraph.set_random_number_generator(random)
    xs = [c[0] for c in coords]
    ys = [c[1] for c in coords]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    half = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9) / 2
    return {
        n: (round((x - cx) / half * LAYOUT_SCALE, 2), round((y - cy) / half * LAYOUT_SCALE, 2))
        for n, (x, y) in zip(nodes, coords, strict=True)
    }


def _script(name: str) -> str:
    text = (STATIC / name).read_text(encoding="utf-8")
    # A source-map comment would make developer tools fetch a file that is not shipped.
    return re.sub(r"^//# sourceMappingURL=.*$", "", text, flags=re.MULTILINE)


def _inline(text: str, tag: str) -> str:
    """Text safe inside <script> or <style>: a closing tag in it would end the element early."""
    return re.sub(rf"</({tag})", r"<\\/\1", text, flags=re.IGNORECASE)


def _json_for_html(data: Any) -> str:
    """JSON that cannot close its <script> element or start a comment, whatever the article text says."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
