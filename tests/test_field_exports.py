"""The field's event tables, read back as their users read them: GDELT 2.0's 61 columns (pandas with
the codebook's column list) and POLECAT-style JSON records, every value checked against the graph."""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from click.testing import CliRunner
from geo_records import located_records

from newsgraph.graph.build import build_graph
from newsgraph.graph.cli import main
from newsgraph.graph.exports import export_graph, read_polecat
from newsgraph.graph.exports.gdelt import COLUMNS, fips_codes, global_event_id

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    return build_graph(located_records())


def read_gdelt(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, sep="\t", header=None, names=list(COLUMNS), dtype=str, keep_default_na=False,
                       quoting=csv.QUOTE_NONE)  # fmt: skip


def ends(graph: nx.MultiDiGraph, event: str, rel: str) -> list[str]:
    """The actors or places of an event by relationship type, in the graph's order."""
    if rel == "SOURCE_OF":
        return [u for u, _, d in graph.in_edges(event, data=True) if d["type"] == rel]
    return [v for _, v, d in graph.out_edges(event, data=True) if d["type"] == rel]


def events(graph: nx.MultiDiGraph) -> dict[str, dict]:
    return {n: d for n, d in graph.nodes(data=True) if d["label"] == "Event"}


def test_gdelt_has_61_columns_and_every_value_matches_the_graph(graph, tmp_path):
    path = export_graph(graph, "gdelt", tmp_path / "e.tsv")
    assert len(COLUMNS) == 61 and COLUMNS[0] == "GLOBALEVENTID" and COLUMNS[-1] == "SOURCEURL"
    assert all(line.count("\t") == 60 for line in path.read_text(encoding="utf-8").splitlines())
    table = read_gdelt(path)
    by_gid = {global_event_id(n): (n, d) for n, d in events(graph).items()}
    assert len(table) == len(by_gid) == 10
    located = 0
    for row in table.to_dict("records"):
        event, data = by_gid[int(row["GLOBALEVENTID"])]
        assert (row["EventCode"], row["EventRootCode"]) == (data["cameo"], data["cameo_root"])
        assert row["EventBaseCode"] == (data["cameo"] + "0")[:3]  # a root alone ("12") is GDELT's "120"
        assert (int(row["QuadClass"]), float(row["GoldsteinScale"])) == (
            data["quad_class"],
            data["goldstein"],
        )
        assert (int(row["NumMentions"]), int(row["NumArticles"])) == (data["mentions"], data["articles"])
        day = data["date"] if len(data["date"] or "") == 10 else data["first_reported"] or ""
        assert row["SQLDATE"] == day.replace("-", "") and row["Year"] == day[:4]
        for side, rel in (("Actor1", "SOURCE_OF"), ("Actor2", "TARGETS")):
            actors = ends(graph, event, rel)
            actor = graph.nodes[actors[0]] if actors else {}
            assert row[f"{side}Name"] == (actor.get("name") or "")
            assert row[f"{side}CountryCode"] == (actor.get("country") or "")
        places = ends(graph, event, "AT")
        place = graph.nodes[places[0]] if places else {}
        if place.get("latitude") is not None:
            located += 1
            assert (float(row["ActionGeo_Lat"]), float(row["ActionGeo_Long"])) == (
                place["latitude"],
                place["longitude"],
            )
            assert row["ActionGeo_FeatureID"] == place["feature_id"]
            assert row["ActionGeo_CountryCode"] == fips_codes().get(place["country"] or "", "")
        else:
            assert row["ActionGeo_Lat"] == "" and row["ActionGeo_Type"] == ""
        assert row["AvgTone"] == "" and row["Actor1Geo_Lat"] == ""  # what newsgraph does not know stays empty
    assert located >= 3
    paris = table[table["ActionGeo_FullName"].str.startswith("Paris")].iloc[0]
    assert (paris["ActionGeo_Type"], paris["ActionGeo_CountryCode"]) == ("4", "FR")
    assert paris["ActionGeo_ADM1Code"].startswith("FR") and paris["ActionGeo_FeatureID"] == "2988507"


def test_polecat_records_match_the_graph(graph, tmp_path):
    records = read_polecat(export_graph(graph, "polecat", tmp_path / "e.jsonl"))
    nodes = events(graph)
    assert sorted(r["event_id"] for r in records) == sorted(nodes)
    for record in records:
        event, data = record["event_id"], nodes[record["event_id"]]
        assert (record["event_type"], record["event_mode"]) == (data["plover"], data["plover_mode"])
        assert record["event_context"] == data["plover_context"] and record["cameo"] == data["cameo"]
        assert [a["id"] for a in record["actors"]] == ends(graph, event, "SOURCE_OF")
        assert [a["id"] for a in record["recipients"]] == ends(graph, event, "TARGETS")
        if record["actors"]:
            assert record["actor_name"] == graph.nodes[record["actor_id"]]["name"]
        places = ends(graph, event, "AT")
        place = graph.nodes[places[0]] if places else {}
        assert (record["latitude"], record["longitude"]) == (place.get("latitude"), place.get("longitude"))
        assert record["placename"] == place.get("name")
        articles = ends(graph, event, "REPORTED_IN")
        assert (
            record["story_id"] in articles and record["headline"] == graph.nodes[record["story_id"]]["title"]
        )
        assert record["sentence"] and record["num_mentions"] == data["mentions"]
    fight = next(r for r in records if r["cameo"] == "190")
    assert (fight["event_type"], fight["actor_country"], fight["event_date"]) == ("ASSAULT", "RUS", "2022-02")


@pytest.mark.slow
def test_cli_exports_the_seed_as_gdelt_with_a_header(tmp_path):
    out = tmp_path / "e.tsv"
    result = CliRunner().invoke(main, ["export", str(SEEDS), "--format", "gdelt", "--header", "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == list(COLUMNS) and len(lines) > 5
    assert all(len(line.split("\t")) == 61 for line in lines)
    table = read_gdelt(out).iloc[1:]
    assert set(table["EventRootCode"]) <= {f"{n:02d}" for n in range(1, 21)}
    assert (table["SOURCEURL"] != "").all() and (table["NumMentions"].astype(int) >= 1).all()
    bad = CliRunner().invoke(
        main, ["export", str(SEEDS), "--format", "json", "--header", "-o", str(tmp_path / "g")]
    )
    assert bad.exit_code != 0 and "takes no --header" in bad.output
