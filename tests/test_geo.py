"""Places with coordinates: the offline gazetteer (extract/places.py), the gold of event places, Neo4j
points and the spatial query."""

from __future__ import annotations

import copy
import csv
import dataclasses
import math
from pathlib import Path

import pytest
from fixtures_records import fixture_records
from geo_records import located_records

from newsgraph.extract.pipeline import Extractor
from newsgraph.extract.places import (
    ENTRY_TABLE,
    CityIndex,
    GeoEntry,
    article_countries,
    fold,
    geo,
    locate_places,
    own_places,
)
from newsgraph.graph.neo4j.loader import load_records
from newsgraph.graph.neo4j.query import run_query

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold" / "places.tsv"
ARTICLE_DIRS = (ROOT / "tests" / "articles", ROOT / "seeds", ROOT / "tests" / "merge" / "articles")
RADIUS_KM = 50


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


def test_project_places_come_first_with_their_aliases():
    entry, rule = geo().resolve("the Strait of Hormuz")
    assert rule == "places.tsv" and entry.feature_class == "strait" and entry.country is None
    assert km(entry.latitude, entry.longitude, 26.57, 56.25) < 1
    assert geo().resolve("Donbass")[0].name == "Donbas" and geo().resolve("Gaza")[0].name == "Gaza Strip"
    assert all(-90 <= e.latitude <= 90 and -180 <= e.longitude <= 180 for e in own_places().values())


def test_ambiguous_names_choose_by_the_articles_countries_then_population():
    in_gaza, rule = geo().resolve("Rafah", ["ISR", "PSE"])
    assert in_gaza.country == "PSE" and rule == "in PSE, best known"
    in_egypt, _ = geo().resolve("Rafah", ["EGY"])
    assert (
        in_egypt.country == "EGY"
        and km(in_gaza.latitude, in_gaza.longitude, in_egypt.latitude, in_egypt.longitude) > 1
    )
    valladolid, rule = geo().resolve("Valladolid", ["TUR"])  # no Turkish one: the most populous
    assert valladolid.country == "ESP" and rule == "best known"
    assert geo().resolve("Washington", ["USA"])[0].admin1 == "US.DC"
    paris, rule = geo().resolve("Paris", ["USA"])  # Paris, Texas is known far less widely
    assert paris.country == "FRA" and rule == "best known"
    assert geo().resolve("Qamishli")[0].country == "SYR"  # GeoNames' "Al Qamishli"


def test_countries_and_cities_named_like_their_country():
    ukraine, rule = geo().resolve("Ukraine")
    assert rule == "country" and ukraine.feature_id == "690791" and ukraine.latitude is None
    lux, rule = geo().resolve("Luxembourg")
    assert rule == "country's city of its name" and lux.feature_class == "city"
    assert geo().resolve("Nowhereville Xq") is None


def test_the_city_index_is_built_once_into_the_cache_and_in_memory_where_none_can_be_written(
    tmp_path, monkeypatch
):
    monkeypatch.setenv("NEWSGRAPH_CACHE", str(tmp_path / "cache"))
    built = CityIndex.open()  # the first process builds the file
    files = list((tmp_path / "cache").glob("geonames-*.sqlite"))
    assert built.path is not None and files == [built.path]
    opened = CityIndex.open()  # a later one opens it
    assert opened.path == built.path and list((tmp_path / "cache").iterdir()) == files
    (tmp_path / "blocked").write_text("a file where the cache folder should be")
    monkeypatch.setenv("NEWSGRAPH_CACHE", str(tmp_path / "blocked"))
    memory = CityIndex.open()
    assert memory.path is None
    for index in (built, opened, memory):
        assert [c.country for c in index.named("rafah")] == [c.country for c in geo().cities.named("rafah")]
        assert {c.country for c in index.named("rafah")} >= {"EGY", "PSE"}
        assert index.named("qamishli")[0].name == "Al Qāmishlī"  # by its name without the article
        assert index.named("bombay", alternate=True)[0].country == "IND" and not index.named("bombay")
        assert index.countries()["UKR"].feature_id == "690791"
    columns = ENTRY_TABLE.split("(", 1)[1].rstrip(")").split(", ")
    assert columns[1:] == [
        f.name for f in dataclasses.fields(GeoEntry)
    ]  # rows are read as GeoEntry(*row[1:])


def test_locate_places_fills_the_record_and_keeps_a_given_country():
    record = copy.deepcopy(fixture_records()[0])
    record.places = [{"id": "place:sumy", "name": "Sumy", "country": None},
                     {"id": "place:x", "name": "Nowhereville Xq", "country": "FRA"}]  # fmt: skip
    locate_places(record)
    sumy, unknown = record.places
    assert sumy["country"] == "UKR" and sumy["feature_class"] == "city" and sumy["feature_id"] == "692194"
    assert km(sumy["latitude"], sumy["longitude"], 50.91, 34.80) < 5
    assert unknown["country"] == "FRA" and unknown["latitude"] is None and unknown["geo_rule"] is None
    assert article_countries(record)[0] in {"GBR", "FRA", "UKR"}


def _gold() -> list[dict[str, str]]:
    lines = [line for line in GOLD.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def _article_path(name: str) -> Path:
    return next(d / name for d in ARTICLE_DIRS if (d / name).exists())


@pytest.mark.slow
def test_event_places_of_the_test_articles_within_50_km():
    gold = _gold()
    extractor = Extractor()
    records = {
        name: extractor.extract_path(_article_path(name))
        for name in dict.fromkeys(g["article"] for g in gold)
    }
    near = found_near = 0
    misses = []
    for row in gold:
        record = records[row["article"]]
        named = [p for p in record.places if fold(p.get("name") or "") == fold(row["place"])]
        own = [named[0]["country"]] if named and named[0].get("country") else []
        hit = geo().resolve(row["place"], own + article_countries(record))
        lat, lon = float(row["latitude"]), float(row["longitude"])
        close = (
            hit is not None
            and hit[0].latitude is not None
            and km(hit[0].latitude, hit[0].longitude, lat, lon) <= RADIUS_KM
        )
        near += close
        located = [p for p in named if p.get("latitude") is not None]
        found_near += any(km(p["latitude"], p["longitude"], lat, lon) <= RADIUS_KM for p in located)
        if not close:
            where = f"{hit[0].name}, {hit[0].country}" if hit else "not found"
            misses.append(f"{row['place']} ({row['article'][:24]}): {where}")
    share = near / len(gold)
    print(f"\nevent places within {RADIUS_KM} km: {near}/{len(gold)} = {share:.2f}")
    print(f"found as places by the extractor and within {RADIUS_KM} km: {found_near}/{len(gold)}")
    print("misses: " + "; ".join(misses))
    assert share >= 0.9


@pytest.fixture
def located_graph(neo4j_clean, neo4j_settings):
    """The fixture records with located places, and Sumy, a place of no event."""
    load_records(located_records(("Sumy",)), neo4j_settings)
    return neo4j_settings


def test_places_get_a_neo4j_point_and_events_near_finds_them(located_graph, neo4j_driver):
    with neo4j_driver.session() as session:
        points = {
            r["id"]: r["loc"] for r in session.run("MATCH (p:Place) RETURN p.id AS id, p.location AS loc")
        }
    paris = points["place:paris"]
    assert paris.srid == 4326 and abs(paris.latitude - 48.86) < 0.1 and abs(paris.longitude - 2.35) < 0.1
    assert points["place:north-atlantic"] is not None and points["place:sumy"] is not None
    columns, rows = run_query("events_near", {"place": "paris", "km": "50"}, located_graph)
    found = [dict(zip(columns, r, strict=True)) for r in rows]
    assert found and {r["place"] for r in found} == {"Paris"} and all(r["km"] < 1 for r in found)
    wide = run_query("events_near", {"latitude": "48.86", "longitude": "2.35", "km": "3500"}, located_graph)[
        1
    ]
    assert len(wide) > len(found)  # the North Atlantic events are within 3,500 km of Paris, not 50
    assert run_query("events_near", {"place": "Sumy", "km": "100"}, located_graph)[1] == []


def test_the_cypher_script_and_the_csv_files_carry_the_point(neo4j_clean, neo4j_driver, tmp_path):
    from newsgraph.graph.build import build_graph
    from newsgraph.graph.exports import export_graph, read_cypher

    graph = build_graph(located_records())
    with neo4j_driver.session() as session:
        for statement in read_cypher(export_graph(graph, "cypher", tmp_path / "g.cypher")):
            session.run(statement).consume()
        query = "MATCH (p:Place) RETURN p.id AS id, p.location AS loc"
        found = {r["id"]: r["loc"] for r in session.run(query)}
    assert abs(found["place:paris"].latitude - graph.nodes["place:paris"]["latitude"]) < 1e-9
    with open(export_graph(graph, "csv", tmp_path / "csv") / "nodes_Place.csv", encoding="utf-8") as f:
        rows = {r["id:ID(Place)"]: r for r in csv.DictReader(f)}
    paris = graph.nodes["place:paris"]
    expected = f"{{latitude:{paris['latitude']!r},longitude:{paris['longitude']!r}}}"
    assert rows["place:paris"]["location:point{crs:WGS-84}"] == expected  # neo4j-admin's point literal
