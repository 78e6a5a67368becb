"""One event, many reports (issue 12): the identity rule, its score on tests/merge, and the merged
graph in networkx and in Neo4j (load orders, two loads at once, re-extraction, reloads).

The rule is docs/design.md's "Event identity"; the corpus and scorer are tests/merge (README).
"""

from __future__ import annotations

import importlib.util
import os
import random
import subprocess
import sys
import time
from collections import Counter
from dataclasses import replace
from itertools import permutations
from pathlib import Path

import pytest
import yaml
from fixtures_records import expected_counts, fixture_records
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.extract.record import ArticleRecord, Involvement, write_jsonl
from newsgraph.graph.build import build_graph
from newsgraph.graph.identity import Report, cluster_reports, identity_key
from newsgraph.graph.neo4j import server
from newsgraph.graph.neo4j.loader import graph_counts, load_records
from newsgraph.graph.schema import current_articles

MERGE = Path(__file__).parent / "merge"
NEWSGRAPH = Path(sys.executable).with_name("newsgraph")

_spec = importlib.util.spec_from_file_location("merge_score_x12", MERGE / "score.py")
assert _spec is not None and _spec.loader is not None
merge_score = importlib.util.module_from_spec(_spec)
sys.modules["merge_score_x12"] = merge_score
_spec.loader.exec_module(merge_score)


def report(
    rid: str, code: str = "190", date: str | None = None, published: str = "2026-04-10", **kw
) -> Report:
    key = kw.pop("key", "19|RUS")
    return Report(rid, key, code, kw.pop("targets", ()), date, kw.pop("place", None), published, **kw)


def clusters(*reports: Report) -> set[frozenset[str]]:
    event_of = cluster_reports(reports)
    groups: dict[str, set[str]] = {}
    for rid, event in event_of.items():
        groups.setdefault(event, set()).add(rid)
    return {frozenset(g) for g in groups.values()}


# --- the rule ------------------------------------------------------------------------------------


def test_two_strikes_on_one_city_on_different_days_stay_apart():
    found = clusters(report("a", date="2026-04-09"), report("b", date="2026-04-11", place="place:sumy"))
    assert found == {frozenset("a"), frozenset("b")}


def test_an_undated_report_joins_the_one_dated_event_of_its_news_day():
    found = clusters(
        report("a", date="2026-04-09"),
        report("b", published="2026-04-10"),
        report("c", published="2026-04-11"),
    )
    # b is of its publication day or the day before: the strike of the 9th; c, two days on, is not
    assert found == {frozenset("ab"), frozenset("c")}


def test_an_undated_report_that_fits_two_events_stays_apart():
    found = clusters(report("a", date="2026-04-09"), report("b", date="2026-04-10"), report("c"))
    assert found == {frozenset("a"), frozenset("b"), frozenset("c")}


def test_date_words_the_resolver_could_not_place_do_not_date_a_report_by_its_publication():
    found = clusters(report("a", date="2026-04-09"), report("b", date_text="at the weekend"))
    assert found == {frozenset("a"), frozenset("b")}


def test_date_words_of_the_news_day_and_the_weekend_date_a_report_by_its_publication():
    # "in the afternoon", "on the same day", "hours later": the publication day or the day before
    for words in ("in the afternoon", "On the same day", "hours later"):
        found = clusters(report("a", date="2026-04-09"), report("b", published="2026-04-10", date_text=words))
        assert found == {frozenset("ab")}, words
    late = report("b", published="2026-04-12", date_text="in the afternoon")
    assert clusters(report("a", date="2026-04-09"), late) == {frozenset("a"), frozenset("b")}
    # "at the weekend" in Wednesday's paper: the Saturday or Sunday before, not the Monday
    sunday, monday = report("a", date="2026-03-08"), report("m", date="2026-03-09", key="19|UKR")
    weekend = report("b", published="2026-03-11", date_text="at the weekend")
    assert clusters(sunday, weekend) == {frozenset("ab")}
    assert clusters(monday, replace(weekend, key="19|UKR")) == {frozenset("m"), frozenset("b")}
    # words about the future never date a report by its publication
    coming = report("b", published="2026-03-09", date_text="next weekend")
    assert clusters(sunday, coming) == {frozenset("a"), frozenset("b")}


def test_last_week_resolves_to_its_month_or_to_nothing():
    from newsgraph.extract.dates import resolve_date

    assert resolve_date("last week", "2026-04-21") == "2026-04"  # 13-19 April
    assert resolve_date("last week", "2026-05-04") is None  # 27 April - 3 May: no one month holds it


def test_a_month_joins_the_one_day_in_it():
    assert clusters(report("a", date="2026-04-09"), report("b", date="2026-04")) == {frozenset("ab")}
    assert clusters(report("a", date="2026-04-09"), report("b", date="2026-05")) == {
        frozenset("a"),
        frozenset("b"),
    }


def test_a_general_code_joins_the_one_finer_code_and_finer_codes_stay_apart():
    day = "2026-06-13"
    found = clusters(
        report("a", "175", day, key="17|SRB"),
        report("b", "173", day, key="17|SRB"),
        report("c", "170", day, key="17|SRB"),
    )
    assert found == {frozenset("a"), frozenset("b"), frozenset("c")}  # dispersal, detentions, and "coerced"
    assert clusters(report("a", "195", "2026-04-09"), report("b", "190", "2026-04-09")) == {frozenset("ab")}


def test_places_that_conflict_split_and_a_report_without_a_place_joins_the_one_with():
    day = "2026-04-09"
    found = clusters(report("a", date=day, place="place:sumy"), report("b", date=day, place="place:kharkiv"))
    assert found == {frozenset("a"), frozenset("b")}
    assert clusters(report("a", date=day, place="place:sumy"), report("b", date=day)) == {frozenset("ab")}


def test_a_threat_and_the_act_it_threatens_have_different_keys():
    threat, act = identity_key("138", ["IRN"], ["GRC"]), identity_key("171", ["IRN"], ["GRC"])
    assert threat[0] == "13|IRN" and act[0] == "17|IRN" and threat[1] == act[1] == ("GRC",)


def test_the_seed_tanker_seizure_and_crew_capture_stay_apart():
    # the seed article: the US seizes a Russian tanker (171) and captures its crew (173), same day
    day = "2026-01-07"
    seizure = report("seize", "171", day, key="17|USA", targets=("RUS",))
    capture = report("capture", "173", day, key="17|USA", targets=("RUS",))
    assert clusters(seizure, capture) == {frozenset({"seize"}), frozenset({"capture"})}


def test_joint_acts_have_no_direction_and_tit_for_tat_has_two():
    assert (
        identity_key("040", ["USA"], ["CHN"]) == identity_key("043", ["CHN"], ["USA"]) == ("04|CHN+USA", ())
    )
    assert identity_key("161", ["POL"], ["RUS"]) != identity_key("161", ["RUS"], ["POL"])
    assert identity_key("0871", ["THA", "KHM"], ["KHM", "THA"]) == ("08|KHM+THA", ())


_codes = st.sampled_from(["19", "190", "195", "1952", "192", "173"])
_days = st.sampled_from([None, "2026-04-08", "2026-04-09", "2026-04-10", "2026-04"])
_reports = st.lists(
    st.builds(
        lambda n, key, code, targets, date, place, pub, words: Report(
            f"r{n}", key, code, targets, date, place, pub, None if date else words
        ),
        st.integers(0, 10**6),
        st.sampled_from(["19|RUS", "16|POL"]),
        _codes,
        st.sampled_from([(), ("UKR",), ("POL",)]),
        _days,
        st.sampled_from([None, "place:sumy", "place:kyiv"]),
        st.sampled_from(["2026-04-09", "2026-04-10", "2026-04-11", "2026-04-13"]),
        st.sampled_from([None, None, "the weekend"]),
    ),
    max_size=14,
    unique_by=lambda r: r.id,
)


@settings(max_examples=300, deadline=None)
@given(_reports, st.randoms(use_true_random=False))
def test_the_events_are_a_function_of_the_set_of_reports(reports, rng):
    event_of = cluster_reports(reports)
    shuffled = list(reports)
    rng.shuffle(shuffled)
    assert cluster_reports(shuffled) == event_of
    for rid, event in event_of.items():  # an event is named by its smallest report id
        assert event == min(r for r, e in event_of.items() if e == event) and event <= rid


# --- the score on tests/merge ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def extractor():
    from newsgraph.extract.pipeline import Extractor

    return Extractor()


@pytest.fixture(scope="module")
def corpus_records(extractor) -> list[ArticleRecord]:
    from newsgraph.extract.readers import read_article

    return [extractor.extract(read_article(path)) for path in sorted((MERGE / "articles").glob("*.md"))]


def test_the_rule_on_the_gold_reports_is_precise_and_finds_most_pairs(capsys):
    gold = merge_score.load_gold()
    raw = yaml.safe_load((MERGE / "gold.yaml").read_text(encoding="utf-8"))
    result = merge_score.score(merge_score.oracle_reports(raw), gold)
    with capsys.disabled():
        print("\nmerge rule on the gold's own reports:\n  " + "\n  ".join(result.lines()))
    assert result.precision >= 0.95 and result.near_misses_merged == []
    assert result.recall >= 0.80  # 65 of 71 at the time of writing; what is missed is said in README


def test_the_merged_graph_of_the_extracted_corpus_is_precise(corpus_records, tmp_path, capsys):
    path = tmp_path / "merge.jsonl"
    write_jsonl(corpus_records, path)
    result = merge_score.score(merge_score.graph_reports(path), merge_score.load_gold())
    with capsys.disabled():
        print("\nmerged graph of the extracted corpus:\n  " + "\n  ".join(result.lines()))
    # 11 of 11 merged pairs right, no near miss merged. Earlier in issue 10 it was 11 of 13: article
    # 06's own expulsion ("declared two Russian diplomats persona non grata", misparsed as a clause)
    # was missed, so Moscow's reply there was aimed at Poland's expulsion, told only as background
    # ("a day after Poland expelled"), and joined Russia's reply to Poland. Now the bare clause is read
    # (senses.small_clauses, targets.small_clause_subject) and a reply answers the foreground act
    # first (scope.foreground). The rule on correctly coded reports is the oracle test's.
    assert result.precision >= 0.95 and result.near_misses_merged == []
    # merge-only recall is bounded by the extraction: 11 of 22 same-root pairs at the time of writing
    assert result.mapped_recall >= 0.30 and result.true_positives >= 10


def test_networkx_graph_keeps_both_levels(corpus_records):
    graph = build_graph(corpus_records)
    events = {n: d for n, d in graph.nodes(data=True) if d["label"] == "Event"}
    reports = [(u, d) for u, _, d in graph.edges(data=True) if d["type"] == "REPORTED_IN"]
    assert len(reports) == sum(len(r.events) for r in corpus_records)  # no report lost
    assert len(events) < len(reports)  # some merged
    per_event = Counter(u for u, _ in reports)
    for event, data in events.items():
        assert data["mentions"] == per_event[event]
        arts = {v for u, v, d in graph.out_edges(event, data=True) if d["type"] == "REPORTED_IN"}
        assert data["articles"] == len(arts) and 1 <= data["sources"] <= data["articles"]
        assert data["first_reported"] <= data["last_reported"]
    # the market strike in Sumy: Russia's denial and two reports of the strike, one event
    market = next(e for e, d in events.items() if d["mentions"] >= 3 and d["cameo_root"] == "19")
    stances = {(d["negated"], d["modality"]) for u, d in reports if u == market}
    assert len(stances) >= 2


def test_build_is_the_same_in_any_order(corpus_records):
    def shape(graph):
        return sorted((n, d.get("mentions")) for n, d in graph.nodes(data=True)), sorted(
            graph.edges(keys=True)
        )

    reference = shape(build_graph(corpus_records))
    rng = random.Random(12)
    for _ in range(3):
        order = list(corpus_records)
        rng.shuffle(order)
        assert shape(build_graph(order)) == reference


# --- Neo4j ------------------------------------------------------------------------------------------


def event_mentions(driver) -> dict[str, int]:
    rows = driver.execute_query("MATCH (e:Event) RETURN e.id AS id, e.mentions AS mentions").records
    return {r["id"]: r["mentions"] for r in rows}


def nx_mentions(graph) -> dict[str, int]:
    return {n: d["mentions"] for n, d in graph.nodes(data=True) if d["label"] == "Event"}


def test_load_orders_and_one_at_a_time_give_the_graph_of_one_load(
    corpus_records, neo4j_clean, neo4j_settings
):
    graph = build_graph(corpus_records)
    expected = expected_counts(graph)
    orders = [list(corpus_records), list(reversed(corpus_records))]
    shuffled = list(corpus_records)
    random.Random(3).shuffle(shuffled)
    orders.append(shuffled)
    for order, batch_size in zip(orders, (100, 1, 3), strict=True):
        server.clear_database(neo4j_clean)
        load_records(order, neo4j_settings, batch_size=batch_size)
        assert graph_counts(neo4j_settings) == expected, batch_size
        assert event_mentions(neo4j_clean) == nx_mentions(graph)
        assert neo4j_edges(neo4j_clean) == nx_edges(graph), batch_size


def test_loading_a_corpus_in_halves_in_any_order_gives_the_graph_of_one_load(neo4j_clean, neo4j_settings):
    records = fixture_records()
    expected = expected_counts(build_graph(records))
    for order in permutations(records):
        server.clear_database(neo4j_clean)
        for record in order:
            load_records([record], neo4j_settings)
        assert graph_counts(neo4j_settings) == expected


def test_two_loads_at_once_give_the_graph_of_one_load(corpus_records, neo4j_clean, neo4j_settings, tmp_path):
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    write_jsonl(corpus_records[::2] + corpus_records[10:14], first)  # some articles in both
    write_jsonl(corpus_records[1::2], second)
    env = dict(os.environ, NEO4J_PASSWORD=neo4j_settings.password)
    args = ["--uri", neo4j_settings.uri, "--user", neo4j_settings.user, "--batch-size", "1"]
    loads = [
        subprocess.Popen([str(NEWSGRAPH), "load", str(p), *args], env=env, stderr=subprocess.PIPE, text=True)
        for p in (first, second)
    ]
    for load in loads:
        _, err = load.communicate(timeout=600)
        assert load.returncode == 0, err
    graph = build_graph(corpus_records)
    assert graph_counts(neo4j_settings) == expected_counts(graph)
    assert event_mentions(neo4j_clean) == nx_mentions(graph)
    lost = neo4j_clean.execute_query("MATCH ()-[r:REPORTED_IN]->() RETURN count(r) AS n").records[0]["n"]
    assert lost == sum(len(r.events) for r in corpus_records)


def _newer(record: ArticleRecord, drop: int = 0) -> ArticleRecord:
    """The record as a newer extractor reads it: another version, and one event fewer."""
    return replace(
        record,
        article=replace(record.article, extractor="newer"),
        events=[e for i, e in enumerate(record.events) if i != drop],
    )


def test_a_newer_extraction_replaces_the_article_and_leaves_nothing_of_the_old(
    corpus_records, neo4j_clean, neo4j_settings
):
    load_records(corpus_records, neo4j_settings)
    newer = [_newer(r) if i % 5 == 0 else r for i, r in enumerate(corpus_records)]
    stats = load_records(newer, neo4j_settings)
    assert stats.replaced == len(range(0, len(corpus_records), 5))
    assert stats.unchanged == len(corpus_records) - stats.replaced
    graph = build_graph(newer)
    assert graph_counts(neo4j_settings) == expected_counts(graph)  # as a fresh load of the newer records
    assert event_mentions(neo4j_clean) == nx_mentions(graph)
    assert neo4j_edges(neo4j_clean) == nx_edges(graph)  # every link, not only their number
    dropped = {r.events[0].id for r in corpus_records[::5] if r.events}  # _newer drops each one's first
    assert dropped
    left = neo4j_clean.execute_query(
        "MATCH ()-[r:REPORTED_IN]->() WHERE r.report IN $ids RETURN count(r) AS n", ids=sorted(dropped)
    ).records[0]["n"]
    assert left == 0
    versions = neo4j_clean.execute_query("MATCH (a:Article) RETURN a.extractor AS v").records
    assert Counter(r["v"] for r in versions)["newer"] == stats.replaced
    again = load_records(newer, neo4j_settings)  # unchanged input: nothing changes
    assert graph_counts(neo4j_settings) == expected_counts(graph)
    assert (again.nodes_created, again.relationships_created, again.unchanged) == (0, 0, len(newer))


def test_a_changed_text_under_the_same_url_replaces_the_article(corpus_records, neo4j_clean, neo4j_settings):
    load_records(corpus_records, neo4j_settings)
    first = corpus_records[0]
    edited = replace(
        _newer(first, drop=1), article=replace(first.article, id="sha256:edited", extractor=None)
    )
    records = [edited, *corpus_records[1:]]
    load_records([edited], neo4j_settings)
    assert current_articles([*corpus_records, edited]) == [*corpus_records[1:], edited]
    assert graph_counts(neo4j_settings) == expected_counts(build_graph(records))
    ids = {r["id"] for r in neo4j_clean.execute_query("MATCH (a:Article) RETURN a.id AS id").records}
    assert first.article.id not in ids and "sha256:edited" in ids


# --- a newer reading of one of an event's articles ---------------------------------------------------


def neo4j_edges(driver) -> Counter:
    rows = driver.execute_query(
        "MATCH (a)-[r]->(b) WHERE a.id IS NOT NULL RETURN type(r) AS t, a.id AS a, b.id AS b"
    ).records
    return Counter((r["t"], r["a"], r["b"]) for r in rows)


def nx_edges(graph) -> Counter:
    return Counter((d["type"], u, v) for u, v, d in graph.edges(data=True))


def _seizure_article(letter: str, **event: object) -> ArticleRecord:
    """One article reporting the US seizure of a tanker on 8 January: one report, of the id given."""
    from newsgraph.extract.record import Actor, Article, Event

    return ArticleRecord(
        article=Article(id=f"sha256:{letter * 4}", source=f"Outlet {letter}", published="2026-01-08",
                        url=f"https://example.org/{letter}", text="The US seized a tanker."),  # fmt: skip
        actors=[
            Actor("USA", "United States", "state", "USA"),
            Actor("RUS", "Russia", "state", "RUS"),
            Actor("UKR", "Ukraine", "state", "UKR"),
        ],
        events=[Event(**{"id": f"evt:{letter}", "type": "seize_or_damage_property", "cameo": "171",
                         "goldstein": -9.2, "quad_class": 4, "source": ["USA"], "date": "2026-01-08",
                         **event})],  # fmt: skip
        places=[{"id": "place:north-atlantic", "name": "North Atlantic", "country": None}],
    )


@pytest.mark.parametrize("newer_event", [None, {"target": ["UKR"]}], ids=["dropped", "recoded"])
def test_an_event_that_keeps_its_id_loses_what_only_the_replaced_report_gave_it(
    newer_event, neo4j_clean, neo4j_settings
):
    # One event of two reports: evt:a (the smaller id, so the event's) and evt:b, which alone names a
    # target, a place and a participant. A newer reading of article b drops its report, or codes it
    # with another target: the event keeps its id and must lose what only the old report gave it.
    a = _seizure_article("a")
    b = _seizure_article("b", target=["RUS"], place="place:north-atlantic")
    b.events[0].involves = [Involvement("UKR", "about")]
    load_records([a, b], neo4j_settings)
    assert len(nx_mentions(build_graph([a, b]))) == 1  # one event
    newer = replace(b, article=replace(b.article, extractor="newer"))
    recoded = [] if newer_event is None else [replace(b.events[0], involves=[], place=None, **newer_event)]
    newer.events = recoded
    load_records([newer], neo4j_settings, batch_size=1)
    graph = build_graph([a, newer])
    assert neo4j_edges(neo4j_clean) == nx_edges(graph)
    assert event_mentions(neo4j_clean) == nx_mentions(graph)


def test_two_versions_of_a_story_loaded_apart_keep_every_report(extractor, neo4j_clean, neo4j_settings):
    # An updated story under another url: the same outlet line, headline and lead, another ending.
    # Report ids once hashed the text's first 64 characters, so both versions' reports of the lead
    # had one id and a load in two transactions kept one of them (networkx kept both).
    from newsgraph.extract.readers import article_id
    from newsgraph.extract.record import Article

    head = "Test Wire\nPoland expels Russian diplomats\nPoland expelled three Russian diplomats on Thursday."
    versions = []
    for n, text in enumerate([head + "\n", head + " Russia said it would respond in kind.\n"]):
        article = Article(article_id(text), url=f"https://example.org/{n}", published="2026-04-17", text=text)
        versions.append(extractor.extract(article))
    assert all(v.events for v in versions)
    load_records(versions, neo4j_settings, batch_size=1)
    graph = build_graph(versions)
    assert neo4j_edges(neo4j_clean) == nx_edges(graph)
    reports = neo4j_clean.execute_query("MATCH ()-[r:REPORTED_IN]->() RETURN count(r) AS n").records[0]["n"]
    assert reports == sum(len(v.events) for v in versions)


def test_a_batch_waiting_for_the_load_lock_sees_the_token_of_the_load_before_it(neo4j_clean):
    # The load lock's token tells a load whether another wrote since its last batch (KnownKeys).
    # Read before the lock was held, a transaction waiting for another's commit saw the token from
    # before that commit, trusted its stale reports and left an extra ATTRIBUTED_TO (two loads at once).
    import threading

    from newsgraph.graph.neo4j.statements import statement

    neo4j_clean.execute_query(statement("create_lock"))
    holding, seen = threading.Event(), []

    def first(tx):
        tx.run(statement("lock_events"), token="first").consume()
        holding.set()
        time.sleep(1.0)  # the second transaction waits for the lock meanwhile

    def second(tx):
        seen.append(tx.run(statement("lock_events"), token="second").single()["previous"])

    with neo4j_clean.session() as a, neo4j_clean.session() as b:
        thread = threading.Thread(target=lambda: a.execute_write(first))
        thread.start()
        holding.wait(10)
        b.execute_write(second)
        thread.join()
    assert seen == ["first"]
