"""The Neo4j loader and connection settings against the real test server."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest
from fixtures_records import (
    HOSTILE,
    HOSTILE_TITLE,
    coalition_article,
    expected_counts,
    fixture_records,
    tanker_article,
)

from newsgraph.extract.errors import EXIT_NEO4J, Neo4jError
from newsgraph.graph.build import build_graph
from newsgraph.graph.neo4j import server
from newsgraph.graph.neo4j.connection import Settings, open_driver, settings_from
from newsgraph.graph.neo4j.loader import graph_counts, load_records


def _one(driver, query: str, **params):
    records, _, _ = driver.execute_query(query, params)
    return records[0][0] if records else None


def test_load_matches_the_networkx_graph(neo4j_clean, neo4j_settings):
    stats = load_records(fixture_records(), neo4j_settings)
    expected = expected_counts(build_graph(fixture_records()))
    assert graph_counts(neo4j_settings) == expected
    assert stats.articles == 3 and stats.batches == 1
    assert stats.nodes_created == 27 and stats.relationships_created == sum(
        n for k, n in expected.items() if k.startswith("rel:")
    )
    assert stats.interactions == expected["rel:INTERACTS_WITH"]


def test_loading_twice_changes_no_count(neo4j_clean, neo4j_settings):
    load_records(fixture_records(), neo4j_settings)
    first = graph_counts(neo4j_settings)
    again = load_records(fixture_records(), neo4j_settings, batch_size=1)
    assert graph_counts(neo4j_settings) == first
    assert again.nodes_created == 0 and again.relationships_created == 0 and again.batches == 3


def test_properties_merged_and_hostile_strings_verbatim(neo4j_clean, neo4j_settings):
    load_records(fixture_records(), neo4j_settings, batch_size=2)
    driver = neo4j_clean
    rus = _one(driver, "MATCH (a:Actor {id: 'RUS'}) RETURN a")
    assert rus["aliases"] == ["Moscow", "Russian", "Kremlin"] and rus["cameo_code"] == "RUS"
    assert set(rus.labels) == {"Actor", "State"}
    assert _one(driver, "MATCH (a:Person {id: 'person:hostile'}) RETURN a.name") == HOSTILE
    assert _one(driver, "MATCH (a:Article {id: 'sha256:ccc3'}) RETURN a.title") == HOSTILE_TITLE
    involves = "MATCH ()-[r:INVOLVES {role: 'beneficiary'}]->(:Actor {id: 'UKR'}) RETURN count(r)"
    assert _one(driver, involves) == 1
    span = _one(driver, "MATCH (:Event {id: 'evt:bbb2:2'})-[r:REPORTED_IN]->(:Article) RETURN r")
    sentence = "The ministry called the statements militarist declarations."
    assert (span["sentence_index"], span["end"] - span["start"]) == (2, len(sentence))
    dyad = _one(driver, "MATCH (:Actor {id: 'USA'})-[r:INTERACTS_WITH]->(:Actor {id: 'RUS'}) RETURN r")
    assert dict(dyad) == {"events": 2, "cooperation": 0, "conflict": 2, "goldstein": -7.1}
    role = _one(driver, "MATCH (:Person)-[r:HOLDS_ROLE]->(:Organization) RETURN r")
    assert role["title"] == "spokesperson" and role["article"] == "sha256:bbb2"


def test_an_article_is_never_half_written(neo4j_clean, neo4j_settings):
    load_records([], neo4j_settings)  # constraints only
    # A State node that is not an Actor makes adding the State label to actor GBR break the State
    # uniqueness constraint, in the middle of the coalition article's transaction.
    neo4j_clean.execute_query("CREATE (:State {id: 'GBR'})")
    with pytest.raises(Neo4jError, match="already exists"):
        load_records([tanker_article(), coalition_article()], neo4j_settings, batch_size=1)
    articles = {r[0] for r in neo4j_clean.execute_query("MATCH (a:Article) RETURN a.id").records}
    assert articles == {"sha256:ccc3"}
    assert _one(neo4j_clean, "MATCH (e:Event) WHERE e.id STARTS WITH 'evt:aaa1' RETURN count(e)") == 0


def test_routing_uri_and_database_passed_through(neo4j_clean, neo4j_settings):
    routed = replace(neo4j_settings, uri=neo4j_settings.uri.replace("bolt://", "neo4j://"), database="neo4j")
    assert routed.uri.startswith("neo4j://")
    stats = load_records(fixture_records()[:1], routed)
    assert stats.articles == 1 and graph_counts(neo4j_settings)["node:Article"] == 1


def test_connection_errors_are_one_line(neo4j_settings):
    cases = [
        (replace(neo4j_settings, password="wrong"), "refused the credentials of user"),
        (
            replace(neo4j_settings, uri=f"bolt://127.0.0.1:{server.free_port()}"),
            "cannot reach Neo4j at bolt://",
        ),
        (replace(neo4j_settings, database="nosuchdb"), "database 'nosuchdb' does not exist"),
        (replace(neo4j_settings, uri="http://127.0.0.1:1"), "is not a Neo4j URI"),
    ]
    for settings, message in cases:
        with pytest.raises(Neo4jError, match=message) as caught:
            open_driver(settings)
        assert "\n" not in str(caught.value) and caught.value.exit_code == EXIT_NEO4J


def test_settings_precedence(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSGRAPH_HOME", str(tmp_path))  # no local server set up there
    for var in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
        monkeypatch.delenv(var, raising=False)
    with pytest.raises(Neo4jError, match="newsgraph neo4j start"):
        settings_from()
    monkeypatch.setenv("NEO4J_URI", "bolt://env:7687")
    monkeypatch.setenv("NEO4J_PASSWORD", "envpass")
    monkeypatch.setenv("NEO4J_DATABASE", "envdb")
    assert settings_from() == Settings("bolt://env:7687", "neo4j", "envpass", "envdb")
    explicit = settings_from(uri="neo4j://x:1", user="me", password="pw", database="db")
    assert explicit == Settings("neo4j://x:1", "me", "pw", "db")
    assert "pw" not in repr(explicit)


def test_cli_load_record_files(neo4j_clean, neo4j_settings, tmp_path):
    from click.testing import CliRunner

    from newsgraph.extract.record import write_jsonl
    from newsgraph.graph.cli import main

    write_jsonl(fixture_records(), tmp_path / "records.jsonl")
    args = [
        "load",
        str(tmp_path / "records.jsonl"),
        "--uri",
        neo4j_settings.uri,
        "--user",
        neo4j_settings.user,
        "--password",
        neo4j_settings.password,
        "--batch-size",
        "2",
    ]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert f"loaded into {neo4j_settings.uri}: 3 articles in 2 transactions: 27 nodes" in result.output
    assert graph_counts(neo4j_settings) == expected_counts(build_graph(fixture_records()))
    wrong = CliRunner().invoke(main, [*args[:-4], "--password", "nope"])
    assert wrong.exit_code == EXIT_NEO4J and "refused the credentials" in wrong.output


def test_backoff_retries_a_lost_session_a_bounded_number_of_times(monkeypatch):
    import neo4j

    from newsgraph.graph.neo4j import loader

    monkeypatch.setattr(loader, "BACKOFF_SECONDS", 0.01)
    calls = []

    def flaky() -> Counter:
        calls.append(1)
        if len(calls) < 3:
            raise neo4j.exceptions.SessionExpired("connection lost")
        return Counter(nodes_created=1)

    assert loader._with_backoff(flaky) == Counter(nodes_created=1) and len(calls) == 3

    def dead() -> Counter:
        calls.append(1)
        raise neo4j.exceptions.SessionExpired("connection lost")

    calls.clear()
    with pytest.raises(Neo4jError, match="kept failing after 3 retries"):
        loader._with_backoff(dead)
    assert len(calls) == 1 + loader.RETRIES


def test_progress_is_told_of_each_batch(neo4j_clean, neo4j_settings):
    told: list[int] = []
    stats = load_records(fixture_records(), neo4j_settings, batch_size=2, progress=told.append)
    assert told == [2, 1] and stats.batches == 2


def test_batch_size_means_articles_per_transaction_with_one_default():
    """`--batch-size` of `newsgraph load`: its default, the loader's and the README's are one constant."""
    import inspect
    from pathlib import Path

    from click.testing import CliRunner

    from newsgraph.graph.cli import main
    from newsgraph.graph.neo4j import DEFAULT_BATCH_SIZE

    assert inspect.signature(load_records).parameters["batch_size"].default == DEFAULT_BATCH_SIZE
    help_text = " ".join(CliRunner().invoke(main, ["load", "--help"]).output.split())
    option = "--batch-size INTEGER RANGE Articles per write transaction."
    assert f"{option} [default: {DEFAULT_BATCH_SIZE};" in help_text
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    said = f"(`--batch-size`: articles per transaction, default {DEFAULT_BATCH_SIZE})"
    assert said in " ".join(readme.split())


def test_statements_sent_without_waiting_are_counted_and_their_errors_raised(neo4j_clean, neo4j_settings):
    import neo4j

    from newsgraph.graph.neo4j.statements import Writer

    load_records([], neo4j_settings)  # constraints only

    def places(tx, rows):
        writer = Writer(tx)
        writer.send("merge_places", rows=rows)
        writer.send("merge_places", rows=[{"id": "place:b", "props": {"name": "B"}}])
        return writer.counters

    good = [{"id": "place:a", "props": {"name": "A", "latitude": 1.0, "longitude": 2.0}}]
    with neo4j_clean.session(database=neo4j_settings.database) as session:
        assert session.execute_write(places, good)["nodes_created"] == 2
        with pytest.raises(neo4j.exceptions.ClientError):  # a map is no property value
            session.execute_write(places, [{"id": "place:c", "props": {"name": {"not": "a value"}}}])
    stored = {r[0] for r in neo4j_clean.execute_query("MATCH (p:Place) RETURN p.id").records}
    assert stored == {"place:a", "place:b"}  # the failed transaction wrote nothing
