"""POLECAT-style records: one JSON object per Event (JSON Lines), coded in PLOVER, with the fields
POLECAT's public codebook names (snake_case), documented field by field in the README ("POLECAT
records"). Every acting actor and every recipient is listed; ``actor_*``/``recipient_*`` are the
first of each, as in POLECAT's one-dyad rows."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from newsgraph.graph.exports.event_view import EventView, event_views, sector
from newsgraph.graph.exports.registry import register


def party(actor: dict[str, Any]) -> dict[str, Any]:
    return {"id": actor["id"], "name": actor.get("name"), "country": actor.get("country"),
            "sector": sector(actor), "kind": actor.get("kind")}  # fmt: skip


def side(prefix: str, actors: list[dict[str, Any]]) -> dict[str, Any]:
    first = party(actors[0]) if actors else {}
    return {
        f"{prefix}_name": first.get("name"),
        f"{prefix}_country": first.get("country"),
        f"{prefix}_sector": first.get("sector"),
        f"{prefix}_id": first.get("id"),
        f"{prefix}s": [party(a) for a in actors],
    }


def location(place: dict[str, Any] | None) -> dict[str, Any]:
    place = place or {}
    return {
        "placename": place.get("name"),
        "country": place.get("country"),
        "latitude": place.get("latitude"),
        "longitude": place.get("longitude"),
        "geonames_id": place.get("feature_id"),
        "feature_type": place.get("feature_class"),
    }


def polecat_record(view: EventView) -> dict[str, Any]:
    e, art = view.event, view.article
    return {
        "event_id": view.id,
        "event_date": e.get("date"),  # as the graph has it: a day, a month ("2022-02") or null
        "event_type": e.get("plover"),
        "event_mode": e.get("plover_mode"),
        "event_context": list(e.get("plover_context") or []),
        "cameo": e.get("cameo"),
        "quad_code": e.get("quad_class"),
        "goldstein": e.get("goldstein"),
        "modality": e.get("modality"),
        "negated": e.get("negated"),
        **side("actor", view.sources),
        **side("recipient", view.targets),
        **location(view.place),
        "story_id": art.get("id"),
        "headline": art.get("title"),
        "source": art.get("source"),
        "url": art.get("url"),
        "publication_date": art.get("published"),
        "sentence": view.report.get("sentence") or e.get("sentence"),
        "num_mentions": e.get("mentions"),
    }


@register("polecat", "events.polecat.jsonl", "POLECAT-style PLOVER event records (JSON Lines)")
def write_polecat(graph: nx.MultiDiGraph, path: Path) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for view in event_views(graph):
            out.write(json.dumps(polecat_record(view), ensure_ascii=False) + "\n")


def read_polecat(path: str | Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
