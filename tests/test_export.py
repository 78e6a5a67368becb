"""Every export read back by its real consumer: networkx readers, json, neo4j-admin, the Neo4j driver."""

from __future__ import annotations

import csv
import json

import networkx as nx
import pytest
from fixtures_records import HOSTILE, HOSTILE_TITLE, expected_counts, fixture_records

from newsgraph.extract.errors import InputError, NewsgraphError
from newsgraph.graph.build import build_graph
from newsgraph.graph.exports import (
    cypher_literal,
    cypher_string,
    export_graph,
    html_available,
    read_cypher,
    read_gexf,
    read_graphml,
    read_json,
    write_all,
)
from newsgraph.graph.neo4j import bulk_import, server
from newsgraph.graph.neo4j.loader import graph_counts, load_records


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    return build_graph(fixture_records())


def _same(a: nx.MultiDiGraph, b: nx.MultiDiGraph) -> None:
    assert dict(a.nodes(data=True)) == dict(b.nodes(data=True))
    assert sorted(a.edges(keys=True, data=True)) == sorted(b.edges(keys=True, data=True))


@pytest.mark.parametrize("fmt, reader", [("graphml", read_graphml), ("gexf", read_gexf), ("json", read_json)])
def test_file_formats_round_trip_exactly(graph, tmp_path, fmt, reader):
    path = export_graph(graph, fmt, tmp_path / f"g.{fmt}")
    back = reader(path)
    _same(graph, back)
    assert back.nodes["RUS"]["aliases"] == ["Moscow", "Russian", "Kremlin"]  # a list again
    assert back.nodes["evt:aaa1:1"]["date"] is None  # null again
    assert back.nodes["sha256:ccc3"]["title"] == HOSTILE_TITLE


def test_graphml_and_gexf_are_plain_for_other_tools(graph, tmp_path):
    """What Gephi and other readers see without our readers: scalars, readable labels, unique edge ids."""
    for fmt in ("graphml", "gexf"):
        path = export_graph(graph, fmt, tmp_path / f"g.{fmt}")
        raw = nx.read_graphml(path, force_multigraph=True) if fmt == "graphml" else nx.read_gexf(path)
        assert raw.nodes["RUS"]["label"] == "Russia" and raw.nodes["RUS"]["neo4j_label"] == "Actor"
        assert json.loads(raw.nodes["RUS"]["aliases"]) == ["Moscow", "Russian", "Kremlin"]
        assert "country" not in raw.nodes["group:coalition-of-the-willing"]
        assert raw.number_of_edges() == graph.number_of_edges()
    gexf = nx.read_gexf(tmp_path / "g.gexf")
    reported = gexf.edges["evt:bbb2:2", "sha256:bbb2", 0]
    assert reported["label"] == "REPORTED_IN" and reported["span_start"] > 0  # not a GEXF time spell


def test_json_is_node_link(graph, tmp_path):
    data = json.loads(export_graph(graph, "json", tmp_path / "g.json").read_text(encoding="utf-8"))
    assert len(data["nodes"]) == 27 and len(data["edges"]) == graph.number_of_edges()
    edge = next(e for e in data["edges"] if e["key"] == "INVOLVES:beneficiary")
    assert (edge["source"], edge["target"], edge["role"]) == ("evt:aaa1:2", "UKR", "beneficiary")


def test_csv_headers_and_cells(graph, tmp_path):
    folder = export_graph(graph, "csv", tmp_path / "csv")
    names = sorted(p.name for p in folder.glob("*.csv"))
    assert (folder / "README.md").exists()  # what each file is and the import command (issue 15)
    assert names[:4] == ["nodes_Actor.csv", "nodes_Article.csv", "nodes_Event.csv", "nodes_Place.csv"]
    assert len(names) == 4 + 13  # one file per relationship type present
    with open(folder / "nodes_Actor.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["id:ID(Actor)", ":LABEL", "name", "kind", "country", "aliases:string[]", "cameo_code"]
    rus = next(r for r in rows if r[0] == "RUS")
    assert rus[1] == "Actor;State" and rus[5] == "Moscow;Russian;Kremlin"
    with open(folder / "rels_INTERACTS_WITH.csv", encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert header == [
        ":START_ID(Actor)",
        ":END_ID(Actor)",
        ":TYPE",
        "events:int",
        "cooperation:int",
        "conflict:int",
        "goldstein:float",
    ]


def test_csv_refuses_an_alias_holding_the_array_delimiter(tmp_path):
    records = fixture_records()
    records[0].actors[0].aliases.append("U;K")
    with pytest.raises(NewsgraphError, match="array delimiter"):
        export_graph(build_graph(records), "csv", tmp_path / "csv")


@pytest.mark.parametrize(
    "text, literal",
    [
        ("plain", "'plain'"),
        ("O'Brien", "'O\\'Brien'"),
        ('say "hi"', "'say \\\"hi\\\"'"),
        ("back\\slash", "'back\\\\slash'"),
        ("two\nlines\r\t", "'two\\nlines\\r\\t'"),
        ("bell\x07", "'bell\\u0007'"),
        ("`tick`", "'`tick`'"),
    ],
)
def test_cypher_string_escaping(text, literal):
    assert cypher_string(text) == literal


def test_cypher_literals():
    assert (
        cypher_literal({"a b": [1, 2.5, None, True], "x`y": "z"})
        == "{`a b`: [1, 2.5, null, true], `x``y`: 'z'}"
    )
    with pytest.raises(NewsgraphError):
        cypher_literal(float("nan"))


def test_cypher_script_one_statement_per_line(graph, tmp_path):
    statements = read_cypher(export_graph(graph, "cypher", tmp_path / "g.cypher"))
    assert len(statements) == 8 + graph.number_of_nodes() + graph.number_of_edges()
    assert all("\n" not in s for s in statements)
    hostile = next(s for s in statements if "person:hostile'}) SET" in s)
    assert "DETACH DELETE n //" in hostile and cypher_string(HOSTILE) in hostile


def test_write_all_names(graph, tmp_path):
    written = write_all(graph, tmp_path / "out")
    assert html_available()  # graph/exports/html.py is part of the package: write_all must include it
    assert written.pop("html").name == "graph.html"
    assert {k: v.name for k, v in written.items()} == {
        "graphml": "graph.graphml",
        "gexf": "graph.gexf",
        "json": "graph.json",
        "csv": "csv",
        "cypher": "graph.cypher",
        "gdelt": "events.gdelt.tsv",
        "polecat": "events.polecat.jsonl",
    }
    assert all(path.exists() for path in written.values())


def test_unknown_format(graph, tmp_path):
    with pytest.raises(InputError, match="unknown export format 'dot'"):
        export_graph(graph, "dot", tmp_path / "g.dot")


def _node(driver, label_id: str, node_id: str):
    records, _, _ = driver.execute_query(f"MATCH (n:{label_id} {{id: $id}}) RETURN n", id=node_id)
    return records[0]["n"]


def test_cypher_script_through_the_driver_equals_the_loader(graph, neo4j_clean, neo4j_settings, tmp_path):
    statements = read_cypher(export_graph(graph, "cypher", tmp_path / "g.cypher"))
    for _ in range(2):  # twice: the script is idempotent like the loader
        for statement in statements:
            neo4j_clean.execute_query(statement)
    from_script = graph_counts(neo4j_settings)
    assert from_script == expected_counts(graph)
    assert _node(neo4j_clean, "Person", "person:hostile")["name"] == HOSTILE
    assert _node(neo4j_clean, "Article", "sha256:ccc3")["title"] == HOSTILE_TITLE
    server.clear_database(neo4j_clean)
    load_records(fixture_records(), neo4j_settings)
    assert graph_counts(neo4j_settings) == from_script


@pytest.mark.slow
def test_csv_through_neo4j_admin_import(graph, tmp_path):
    folder = export_graph(graph, "csv", tmp_path / "csv")
    scratch = server.Instance(tmp_path / "scratch", server.free_port(), server.free_port())
    try:
        result = bulk_import.admin_import(
            folder, scratch, extra_args=["--multiline-fields=true"], timeout=180
        )
        assert (result.nodes, result.relationships) == (27, graph.number_of_edges())
        settings = scratch.settings()
        assert graph_counts(settings) == expected_counts(graph)
        import neo4j

        with neo4j.GraphDatabase.driver(settings.uri, auth=(settings.user, settings.password)) as driver:
            rus = _node(driver, "State", "RUS")
            assert rus["aliases"] == ["Moscow", "Russian", "Kremlin"] and set(rus.labels) == {
                "Actor",
                "State",
            }
            assert _node(driver, "Person", "person:hostile")["name"] == HOSTILE
            assert _node(driver, "Article", "sha256:ccc3")["title"] == HOSTILE_TITLE
            event = _node(driver, "Event", "evt:aaa1:0")
            assert (event["cameo"], event["goldstein"], event["negated"], event["quad_class"]) == (
                "0334",
                5.2,
                False,
                1,
            )
            assert "date" not in _node(driver, "Event", "evt:aaa1:1")  # null: no property
            records, _, _ = driver.execute_query(
                "MATCH (:Actor {id: 'USA'})-[r:INTERACTS_WITH]->(:Actor {id: 'RUS'}) RETURN r.goldstein AS g"
            )
            assert records[0]["g"] == -7.1
    finally:
        scratch.stop()
