"""PLOVER beside CAMEO: every code of cameo.tsv against the vendor table, and the `plover` property in
the record, graph.json, the CSV files and Neo4j."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from fixtures_records import fixture_records

from newsgraph.extract.ontology import Ontology
from newsgraph.extract.plover import plover_of
from newsgraph.extract.record import Article
from newsgraph.graph.build import build_graph
from newsgraph.graph.exports import export_graph
from newsgraph.graph.neo4j.loader import load_records
from newsgraph.graph.neo4j.query import run_query

TABLE = Path(__file__).resolve().parent.parent / "extract" / "data" / "vendor" / "cameo_plover.tsv"


def _table() -> dict[str, dict[str, str]]:
    """The converted vendor table read as plain TSV, independently of extract/dictionaries.py."""
    lines = [line for line in TABLE.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return {row["cameo"]: row for row in csv.DictReader(lines, delimiter="\t")}


def _expected(code: str, table: dict[str, dict[str, str]]) -> tuple[str | None, str | None, tuple[str, ...]]:
    """The table's row for a code (its own, else its longest prefix), 02x read as its mirror 10x."""
    if code.startswith("01"):
        return None, None, ()
    lookup = "10" + code[2:] if code.startswith("02") else code
    row = next(table[lookup[:n]] for n in range(len(lookup), 1, -1) if lookup[:n] in table)

    def value(x: str) -> str | None:
        return None if x == "-" else x

    return (
        value(row["plover"]),
        value(row["mode"]),
        tuple(() if row["context"] == "-" else row["context"].split("|")),
    )


def test_every_cameo_code_has_its_plover_category_from_the_table():
    table = _table()
    codes = [c.code for c in Ontology.load()]
    assert len(codes) > 300
    for code in codes:
        coding = plover_of(code)
        assert (coding.category, coding.mode, coding.context) == _expected(code, table), code
        assert (coding.category is None) == code.startswith("01"), code  # only statements have none
    assert plover_of("0211") == ("REQUEST", "assist", ("economic",))  # appeal = demand (1011) in PLOVER
    assert plover_of("026").mode == "meet" and plover_of("190").category == "ASSAULT"
    assert plover_of("173") == ("COERCE", "arrest", ("legal",)) and plover_of(None).category is None


@pytest.mark.slow
def test_extracted_events_carry_plover_in_the_record():
    from newsgraph.extract.pipeline import Extractor

    text = "Iranian forces seized a Greek tanker on Tuesday.\n\nGreece urged Iran to release the crew."
    record = Extractor().extract(Article(id="sha256:plover", text=text, published="2026-03-11"))
    assert record.events
    for event in record.events:
        coding = plover_of(event.cameo)
        assert (event.plover, event.plover_mode, event.plover_context) == (
            coding[0],
            coding[1],
            list(coding[2]),
        )
    assert "plover" in record.to_dict()["events"][0]
    assert {e.plover for e in record.events} >= {"COERCE"}


def test_graph_json_and_csv_carry_plover(tmp_path):
    graph = build_graph(fixture_records())
    data = json.loads(export_graph(graph, "json", tmp_path / "g.json").read_text(encoding="utf-8"))
    events = [n for n in data["nodes"] if n["label"] == "Event"]
    assert events and all(n["plover"] == plover_of(n["cameo"]).category for n in events)
    assert {n["plover"] for n in events} >= {"COERCE", "ASSAULT", None}  # 010 (a statement) has none
    folder = export_graph(graph, "csv", tmp_path / "csv")
    with open(folder / "nodes_Event.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert "plover" in rows[0] and "plover_context:string[]" in rows[0]
    by_id = {r["id:ID(Event)"]: r for r in rows}
    for n in events:
        assert by_id[n["id"]]["plover"] == (n["plover"] or "")
        assert by_id[n["id"]]["plover_context:string[]"] == ";".join(n["plover_context"])


def test_neo4j_events_carry_plover(neo4j_clean, neo4j_settings, neo4j_driver):
    load_records(fixture_records(), neo4j_settings)
    graph = build_graph(fixture_records())
    query = "MATCH (e:Event) RETURN e.id AS id, e.plover AS p, e.plover_mode AS m, e.plover_context AS c"
    with neo4j_driver.session() as session:
        stored = {r["id"]: (r["p"], r["m"], r["c"] or []) for r in session.run(query)}
    expected = {
        n: (d["plover"], d["plover_mode"], d["plover_context"] or [])
        for n, d in graph.nodes(data=True)
        if d["label"] == "Event"
    }
    assert stored == expected and any(p == "ASSAULT" for p, _, _ in stored.values())
    columns, rows = run_query("who_acted_against_whom", {"plover": "assault"}, neo4j_settings)
    found = [dict(zip(columns, r, strict=True)) for r in rows]
    assert found and {r["plover"] for r in found} == {"ASSAULT"}
    everything = run_query("who_acted_against_whom", {}, neo4j_settings)[1]
    assert len(everything) > len(found)
