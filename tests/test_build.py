"""records -> networkx: node merging, edge types and keys, evidence, INTERACTS_WITH, analytics."""

from __future__ import annotations

from collections import Counter

from fixtures_records import EXPECTED_ACTOR_KINDS, EXPECTED_NODES, HOSTILE, fixture_records

from newsgraph.graph.analysis import (
    actor_centrality,
    actor_timeline,
    dyad_summary,
    find_actor,
    most_active_actors,
    summarize,
)
from newsgraph.graph.build import build_graph


def _graph():
    return build_graph(fixture_records())


def test_node_counts_and_kinds():
    graph = _graph()
    labels = Counter(label for _, label in graph.nodes(data="label"))
    assert dict(labels) == EXPECTED_NODES
    kinds = Counter(d["kind"] for _, d in graph.nodes(data=True) if d["label"] == "Actor")
    assert dict(kinds) == EXPECTED_ACTOR_KINDS


def test_actor_merged_across_articles():
    rus = _graph().nodes["RUS"]
    assert rus["aliases"] == ["Moscow", "Russian", "Kremlin"]  # union, first-seen order
    assert rus["cameo_code"] == "RUS"  # second article's None does not erase it
    ukr = _graph().nodes["UKR"]
    assert ukr["country"] == "UKR" and ukr["aliases"] == ["Kyiv", "Ukrainian"]


def test_building_twice_from_repeated_input_adds_nothing():
    once = _graph()
    twice = build_graph(fixture_records() + fixture_records())
    assert once.number_of_nodes() == twice.number_of_nodes()
    assert sorted(once.edges(keys=True)) == sorted(twice.edges(keys=True))
    assert twice.edges["sha256:bbb2", "org:russian-foreign-ministry", "MENTIONS"]["count"] == 2  # not 4


def test_edge_types_keys_and_properties():
    graph = _graph()
    assert graph.has_edge("GBR", "evt:aaa1:0", "SOURCE_OF")
    assert graph.has_edge("evt:aaa1:0", "UKR", "TARGETS")
    assert graph.edges["evt:aaa1:2", "UKR", "INVOLVES:beneficiary"] == {
        "type": "INVOLVES",
        "role": "beneficiary",
    }
    assert graph.has_edge("evt:aaa1:0", "evt:aaa1:1", "CONDITIONAL_ON")
    assert graph.has_edge("evt:bbb2:0", "evt:aaa1:0", "RESPONDS_TO")  # across articles
    assert graph.has_edge("evt:bbb2:1", "org:reuters", "ATTRIBUTED_TO")
    assert graph.has_edge("evt:ccc3:0", "place:north-atlantic", "AT")
    assert graph.nodes["place:north-atlantic"]["name"] == "North Atlantic"
    assert graph.has_edge("evt:aaa1:0", "place:paris", "AT")
    # one REPORTED_IN per report, keyed by the report's id (issue 12: an event has many reports)
    reported = graph.edges["evt:bbb2:2", "sha256:bbb2", "REPORTED_IN:evt:bbb2:2"]
    assert reported["sentence_index"] == 2 and reported["end"] > reported["start"]
    assert (
        graph.nodes["evt:bbb2:2"]["sentence"] == "The ministry called the statements militarist declarations."
    )
    assert graph.edges["sha256:bbb2", "org:russian-foreign-ministry", "MENTIONS"]["count"] == 2
    assert graph.nodes["evt:aaa1:0"]["cameo_root"] == "03"


def test_relations_keep_evidence():
    graph = _graph()
    role = graph.edges["person:maria-zakharova", "org:russian-foreign-ministry", "HOLDS_ROLE"]
    assert role["title"] == "spokesperson" and role["article"] == "sha256:bbb2"
    assert role["sentence"] == "Foreign ministry spokesperson Maria Zakharova"
    member = graph.edges["GBR", "group:coalition-of-the-willing", "MEMBER_OF"]
    assert member["article"] == "sha256:aaa1" and member["sentence"] is None


def test_interactions_per_ordered_pair():
    graph = _graph()
    usa_rus = graph.edges["USA", "RUS", "INTERACTS_WITH"]
    assert usa_rus == {
        "type": "INTERACTS_WITH",
        "events": 2,
        "cooperation": 0,
        "conflict": 2,
        "goldstein": -7.1,
    }
    assert not graph.has_edge("RUS", "USA")
    # the negated statement does not count as an interaction
    assert not graph.has_edge("person:hostile", "USA")
    assert graph.edges["GBR", "UKR", "INTERACTS_WITH"]["cooperation"] == 1


def test_analytics():
    graph = _graph()
    assert most_active_actors(graph, 2) == [("UKR", "Ukraine", 6), ("RUS", "Russia", 4)]
    assert find_actor(graph, "moscow") == "RUS" and find_actor(graph, "nobody") is None
    assert find_actor(graph, HOSTILE.upper()) == "person:hostile"
    timeline = actor_timeline(graph, "Kremlin")
    assert [(r["date"], r["type"], r["role"]) for r in timeline] == [
        ("2022-02", "fight", "source"),
        ("2026-01-07", "reject", "source"),
        ("2026-01-08", "seize_or_damage_property", "target"),
        (None, "arrest_or_detain", "target"),
    ]
    dyads = dyad_summary(graph)
    assert dyads[0]["source_id"] == "USA" and dyads[0]["events"] == 2
    assert dict(actor_centrality(graph, 2)) == {"RUS": 0.5, "UKR": 0.5}


def test_summary_lines():
    text = summarize(_graph(), fixture_records())
    assert text.splitlines()[0].startswith(
        "3 articles (3 records), 12 actors (5 states, 3 people, 2 organizations, 2 groups)"
    )
    assert "19 fight 1" in text and "HOLDS_ROLE 2, PART_OF 1, MEMBER_OF 2" in text
    assert "dyads: 11 (3 with cooperation, 8 with conflict)" in text


def test_unknown_references_skipped_with_one_warning(caplog):
    records = fixture_records()
    records[0].events[0].target.append("nobody")
    records[0].events[1].responds_to.append("evt:missing")
    with caplog.at_level("WARNING", logger="newsgraph.graph.build"):
        graph = build_graph(records)
    assert "nobody" not in graph and "evt:missing" not in graph
    assert [r.getMessage() for r in caplog.records] == [
        "2 references to ids no record defines were skipped"
        " (first: sha256:aaa1: TARGETS evt:aaa1:0 -> nobody)"
    ]
