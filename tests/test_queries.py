"""Every named query against the test server holding the fixture graph, plus the registry's checks."""

from __future__ import annotations

import json

import pytest
from fixtures_records import HOSTILE, fixture_records

from newsgraph.extract.errors import EXIT_NEO4J, EXIT_USAGE, NewsgraphError
from newsgraph.graph.neo4j import server
from newsgraph.graph.neo4j.loader import load_records
from newsgraph.graph.neo4j.query import run_query
from newsgraph.queries import QueryParam, bind_params, get_query, list_queries, parse_header


@pytest.fixture(scope="module")
def loaded(neo4j_driver, neo4j_settings):
    server.clear_database(neo4j_driver)
    load_records(fixture_records(), neo4j_settings)
    return neo4j_settings


def rows(settings, name: str, **params) -> list[dict]:
    columns, values = run_query(name, params, settings)
    return [dict(zip(columns, row, strict=True)) for row in values]


def test_registry_lists_every_file():
    names = [q.name for q in list_queries()]
    assert names == sorted(names) and len(names) >= 9
    for query in list_queries():
        assert query.answers and query.text.startswith("// name: " + query.name)
    assert str(get_query("dyad_balance").params[1]) == "min_events (int, default 1)"


def test_who_acted_against_whom(loaded):
    found = rows(loaded, "who_acted_against_whom")
    assert len(found) == 13  # every SOURCE_OF x TARGETS pair, the negated statement included
    assert (found[0]["source"], found[0]["event"], found[0]["target"]) == ("Russia", "fight", "Ukraine")
    fights = rows(loaded, "who_acted_against_whom", cameo_root="19")
    assert [(r["source"], r["target"], r["date"]) for r in fights] == [("Russia", "Ukraine", "2022-02")]
    assert len(rows(loaded, "who_acted_against_whom", cameo_root="3")) == 3  # "3" means root 03
    assert len(rows(loaded, "who_acted_against_whom", limit="2")) == 2


def test_events_between_either_direction_by_alias(loaded):
    found = rows(loaded, "events_between", actor="washington", other="MOSCOW")
    assert [(r["source"], r["event"], r["target"]) for r in found] == [
        ("United States", "seize_or_damage_property", "Russia"),
        ("United States", "arrest_or_detain", "Russia"),
    ]
    involved = rows(loaded, "events_between", actor="Russia", other="Kyiv")
    assert {(r["event"], r["as"]) for r in involved} == {("fight", "target"), ("reject", "about")}


def test_actor_timeline(loaded):
    found = rows(loaded, "actor_timeline", actor="rus")
    assert [(r["date"], r["event"], r["role"]) for r in found] == [
        ("2022-02", "fight", "source"),
        ("2026-01-07", "reject", "source"),
        ("2026-01-08", "seize_or_damage_property", "target"),
        (None, "arrest_or_detain", "target"),
    ]
    assert found[1]["targets"] and set(found[1]["targets"]) == {"United Kingdom", "France"}


def test_dyad_balance(loaded):
    found = rows(loaded, "dyad_balance")
    assert len(found) == 11
    assert found[0] == {
        "source": "United States",
        "target": "Russia",
        "events": 2,
        "cooperation": 0,
        "conflict": 2,
        "goldstein": -7.1,
    }
    ukraine = rows(loaded, "dyad_balance", actor="Ukraine")
    assert {r["source"] for r in ukraine} == {
        "Russia",
        "France",
        "United Kingdom",
        "Coalition of the Willing",
    }
    assert rows(loaded, "dyad_balance", min_events="2") == found[:1]


def test_shortest_path(loaded):
    found = rows(loaded, "shortest_path", actor="Maria Zakharova", other="Russia")
    assert found[0]["hops"] == 2
    assert found[0]["path"] == ["Maria Zakharova", "Russian Foreign Ministry", "Russia"]
    assert found[0]["relationships"] == ["HOLDS_ROLE", "PART_OF"]
    assert rows(loaded, "shortest_path", actor="Russia", other="moscow") == []  # one actor: no path


def test_affiliations(loaded):
    found = rows(loaded, "affiliations")
    assert {(r["who"], r["relation"], r["title"], r["of"]) for r in found} == {
        ("Emmanuel Macron", "HOLDS_ROLE", "president", "France"),
        ("Maria Zakharova", "HOLDS_ROLE", "spokesperson", "Russian Foreign Ministry"),
        ("Russian Foreign Ministry", "PART_OF", None, "Russia"),
        ("United Kingdom", "MEMBER_OF", None, "Coalition of the Willing"),
        ("France", "MEMBER_OF", None, "Coalition of the Willing"),
    }
    macron = rows(loaded, "affiliations", actor="macron")
    assert macron[0]["evidence"] == "French president Emmanuel Macron"
    assert macron[0]["article"] == "Coalition pledges troops"


def test_conditional_pledges(loaded):
    found = rows(loaded, "conditional_pledges")
    pledge = next(r for r in found if r["event"] == "intend_military_protection")
    assert set(pledge["sources"]) == {"United Kingdom", "France"}
    assert pledge["conditions"] == ["declare_ceasefire"] and pledge["targets"] == ["Ukraine"]
    assert {r["event"] for r in found} == {"intend_military_protection", "threaten_military_force"}
    threats = rows(loaded, "conditional_pledges", actor="the ministry")
    assert [r["event"] for r in threats] == ["threaten_military_force"]


def test_most_active(loaded):
    found = rows(loaded, "most_active", limit="3")
    assert [(r["actor"], r["events"]) for r in found] == [("Ukraine", 6), ("Russia", 4), ("France", 3)]
    people = rows(loaded, "most_active", kind="Person")
    assert [(r["actor"], r["as_source"], r["as_target"]) for r in people] == [(HOSTILE, 1, 1)]


def test_evidence(loaded):
    found = rows(loaded, "evidence", event="evt:bbb2:1")
    assert len(found) == 1
    assert found[0]["sentence"].startswith("Foreign ministry spokesperson Maria Zakharova said")
    assert (found[0]["outlet"], found[0]["attributed_to"]) == ("Wire", ["Reuters"])
    hostile = rows(loaded, "evidence", actor=HOSTILE.lower())
    assert {r["event_id"] for r in hostile} == {"evt:ccc3:1", "evt:ccc3:3"}


def test_parameter_errors():
    with pytest.raises(NewsgraphError, match="unknown query 'nope'") as caught:
        get_query("nope")
    assert caught.value.exit_code == EXIT_USAGE
    query = get_query("dyad_balance")
    with pytest.raises(NewsgraphError, match="'many' is not an int"):
        bind_params(query, {"limit": "many"})
    with pytest.raises(NewsgraphError, match="has no parameter 'colour'"):
        bind_params(query, {"colour": "red"})
    with pytest.raises(NewsgraphError, match="needs --param other="):
        bind_params(get_query("events_between"), {"actor": "Russia"})
    assert bind_params(query, {"limit": " 7 "}) == {"actor": None, "min_events": 1, "limit": 7}


def test_header_parsing():
    text = "// name: x\n// answers: y\n// params: a (actor), b (bool, true), c (float, null)\nRETURN 1"
    assert parse_header(text, "x.cypher") == (
        "x",
        "y",
        (
            QueryParam("a", "actor"),
            QueryParam("b", "bool", True, False),
            QueryParam("c", "float", None, False),
        ),
    )
    with pytest.raises(ValueError, match="unknown type 'date'"):
        parse_header("// name: x\n// answers: y\n// params: d (date)\n", "x.cypher")


def _cli(*args: str):
    from click.testing import CliRunner

    from newsgraph.graph.cli import main

    return CliRunner(env={"COLUMNS": "400"}).invoke(main, list(args))  # wide: no folded table cells


def _conn(settings) -> list[str]:
    return ["--uri", settings.uri, "--user", settings.user, "--password", settings.password]


def test_cli_query_formats(loaded):
    result = _cli(
        "query", "dyad_balance", "-p", "actor=usa", "-p", "min_events=2", "--format", "json", *_conn(loaded)
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == [
        {
            "source": "United States",
            "target": "Russia",
            "events": 2,
            "cooperation": 0,
            "conflict": 2,
            "goldstein": -7.1,
        }
    ]
    result = _cli("query", "affiliations", "--param", "actor=Zakharova", "-f", "csv", *_conn(loaded))
    assert result.output.splitlines() == [
        "who,relation,title,of,evidence,article",
        "Maria Zakharova,HOLDS_ROLE,spokesperson,Russian Foreign Ministry,"
        "Foreign ministry spokesperson Maria Zakharova,Moscow rejects coalition plan",
    ]
    result = _cli("query", "most_active", "-p", "kind=person", *_conn(loaded))
    assert result.exit_code == 0 and "most_active: 1 row " in result.output and HOSTILE in result.output


def test_cli_errors_are_one_line_with_exit_codes(loaded):
    wrong = [*_conn(loaded)]
    wrong[-1] = "not-the-password"
    cases = [
        (("query", "nope", *_conn(loaded)), EXIT_USAGE, "unknown query 'nope'"),
        (("query", "most_active", "-p", "limit=lots", *_conn(loaded)), EXIT_USAGE, "'lots' is not an int"),
        (("query", "most_active", "-p", "limit", *_conn(loaded)), EXIT_USAGE, "write it as NAME=VALUE"),
        (("query", "most_active", *wrong), EXIT_NEO4J, "refused the credentials"),
        (
            ("query", "most_active", *_conn(loaded), "--database", "nosuch"),
            EXIT_NEO4J,
            "'nosuch' does not exist",
        ),
        (
            ("query", "most_active", "--uri", f"bolt://127.0.0.1:{server.free_port()}"),
            EXIT_NEO4J,
            "cannot reach Neo4j",
        ),
    ]
    for args, code, message in cases:
        result = _cli(*args)
        assert result.exit_code == code, result.output
        assert (
            message in result.output and result.output.count("\n") == 1 and "Traceback" not in result.output
        )


def test_cli_queries_lists_names_and_params():
    result = _cli("queries")
    assert result.exit_code == 0
    assert "events_between\n    All events between two actors" in result.output
    assert "params: actor (actor), other (actor)" in result.output
