"""Full-text and semantic search over the project's own articles, against the real test server.

The recall figures of the README come from here: ``pytest tests/test_search.py -s -k recall`` prints
recall at 5 over ``tests/data/search_questions.yaml`` for each mode (``NEWSGRAPH_EMBEDDER=torch``
scores the PyTorch backend where it is installed).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.extract.errors import EXIT_USAGE, NewsgraphError
from newsgraph.extract.inputs import RecordSource
from newsgraph.graph.neo4j import server
from newsgraph.graph.neo4j.loader import load_records
from newsgraph.graph.neo4j.search import lucene_text, search_events, semantic_search

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = yaml.safe_load((ROOT / "tests" / "data" / "search_questions.yaml").read_text(encoding="utf-8"))
INDEXES = {"newsgraph_report_text", "newsgraph_actor_names", "newsgraph_event_embedding"}


@pytest.fixture(scope="module")
def corpus(neo4j_driver, neo4j_settings):
    """The test server holding every article of tests/articles and seeds/."""
    server.clear_database(neo4j_driver)
    load_records(RecordSource([str(ROOT / "tests" / "articles"), str(ROOT / "seeds")]), neo4j_settings)
    return neo4j_settings


@pytest.fixture(scope="module")
def answers(corpus, neo4j_driver) -> dict[str, set[str]]:
    """Each question's answer: the events reported by its sentence of its article (an event several
    articles report is one Event, shown with whichever report matched best)."""
    found = {}
    for question in QUESTIONS:
        records, _, _ = neo4j_driver.execute_query(
            "MATCH (e:Event)-[r:REPORTED_IN]->(a:Article) "
            "WHERE r.sentence CONTAINS $evidence AND coalesce(a.url, a.path) ENDS WITH $article "
            "RETURN DISTINCT e.id AS id",
            {"evidence": question["evidence"], "article": question["article"]},
        )
        found[question["question"]] = {r["id"] for r in records}
    return found


def recall_at_5(search, answers: dict[str, set[str]]) -> tuple[float, list[str]]:
    misses = [
        q["question"]
        for q in QUESTIONS
        if not answers[q["question"]] & {r["event_id"] for r in search(q["question"])}
    ]
    return 1 - len(misses) / len(QUESTIONS), misses


def test_every_question_has_an_answer_in_the_graph(answers):
    assert [q for q, events in answers.items() if not events] == []


def test_the_questions_are_many_and_each_names_a_real_sentence():
    assert len(QUESTIONS) >= 20
    for question in QUESTIONS:
        path = (
            next(ROOT.glob(f"*/{question['article']}"), None) or ROOT / "tests/articles" / question["article"]
        )
        assert question["evidence"] in path.read_text(encoding="utf-8"), question


def test_the_loader_creates_the_search_indexes(corpus, neo4j_driver):
    records, _, _ = neo4j_driver.execute_query(
        "SHOW INDEXES YIELD name, type, state RETURN name, type, state"
    )
    found = {r["name"]: (r["type"], r["state"]) for r in records}
    assert {name: found.get(name) for name in INDEXES} == {
        "newsgraph_report_text": ("FULLTEXT", "ONLINE"),
        "newsgraph_actor_names": ("FULLTEXT", "ONLINE"),
        "newsgraph_event_embedding": ("VECTOR", "ONLINE"),
    }


def test_full_text_search_returns_events_with_actors_date_score_and_evidence(corpus):
    rows = search_events("tanker seized near Hormuz", corpus, limit=5)
    top = rows[0]
    assert top["event"] == "seize_or_damage_property" and "tanker" in top["evidence"]
    assert top["source"] == ["United States"] and top["location"].endswith("000_1b2a53b241cc35b5.txt")
    assert "date" in top and top["score"] > 0 and top["event_id"].startswith("evt:")
    assert top["evidence"] == corpus_text(top)[top["start"] : top["end"]], "the span indexes the article"
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)
    assert len(search_events("tanker", corpus, limit=2)) == 2
    stemmed = search_events("sanction", corpus, limit=10)  # "sanction" finds "sanctions", "imposed sanctions"
    assert any("sanctions" in r["evidence"] for r in stemmed)
    assert search_events("zyxwvut", corpus) == []


def corpus_text(row: dict) -> str:
    return Path(row["location"]).read_text(encoding="utf-8")


def test_lucene_syntax_in_user_text_is_escaped():
    assert lucene_text('Tanker AND "seized" (x:y) -a +b ~c* d? e^2 f/g [h] {i} j||k l&&m \\ !n') == (
        'tanker and \\"seized\\" \\(x\\:y\\) \\-a \\+b \\~c\\* d\\? e\\^2 f\\/g \\[h\\] \\{i\\} '
        "j\\|\\|k l\\&\\&m \\\\ \\!n"
    )
    with pytest.raises(NewsgraphError) as error:
        lucene_text(" -- !! ")
    assert error.value.exit_code == EXIT_USAGE


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40))
def test_any_text_searches_without_a_query_error(corpus, text):
    try:
        rows = search_events(text, corpus, limit=3)
    except NewsgraphError as exc:  # only "no words to look for", never a Lucene parse error
        assert exc.exit_code == EXIT_USAGE and "no words" in str(exc)
        return
    assert isinstance(rows, list) and len(rows) <= 3


def test_recall_at_5_full_text(corpus, answers):
    recall, misses = recall_at_5(lambda q: search_events(q, corpus, limit=5), answers)
    print(f"\nfull-text search: recall at 5 = {recall:.2f} over {len(QUESTIONS)} questions; missed: {misses}")
    assert recall >= 0.75


def test_recall_at_5_semantic(corpus, answers):
    needs_semantic_extra()
    from newsgraph.graph.neo4j.embedder import load_embedder

    embedder = load_embedder()
    recall, misses = recall_at_5(lambda q: semantic_search(q, corpus, limit=5, embedder=embedder), answers)
    print(
        f"\nsemantic search ({embedder.name}): recall at 5 = {recall:.2f} over {len(QUESTIONS)} questions; "
        f"missed: {misses}"
    )
    assert recall >= 0.75


def test_similar_events_named_query_finds_neighbours_by_meaning(corpus):
    needs_semantic_extra()
    from newsgraph.graph.neo4j.query import run_query

    told: list[int] = []
    semantic_search("warships", corpus, limit=1, on_embed=told.append)  # stores every embedding once
    assert semantic_search("warships", corpus, limit=1, on_embed=told.append) and len(told) <= 1
    seed = search_events("seizing a Russian oil tanker", corpus, limit=1)[0]
    columns, rows = run_query("similar_events", {"event": seed["event_id"], "limit": 5}, corpus)
    found = [dict(zip(columns, row, strict=True)) for row in rows]
    assert len(found) == 5 and seed["event_id"] not in [r["event_id"] for r in found]
    assert [r["score"] for r in found] == sorted((r["score"] for r in found), reverse=True)
    assert all(0 < r["score"] <= 1 for r in found)


def test_cli_search_prints_a_table_or_json(corpus):
    from click.testing import CliRunner

    from newsgraph.graph.cli import main

    login = ["--uri", corpus.uri, "--user", corpus.user, "--password", corpus.password]
    wide = {"COLUMNS": "400"}  # rich folds cells to the terminal width
    table = CliRunner().invoke(main, ["search", "water cannon Philippine boat", "-n", "3", *login], env=wide)
    assert table.exit_code == 0, table.output
    assert "water cannon" in table.output and "009_water_cannon_second_thomas_shoal.txt" in table.output
    result = CliRunner().invoke(main, ["search", "water cannon", "--format", "json", "-n", "2", *login])
    rows = json.loads(result.output)
    assert len(rows) == 2 and {"score", "event", "source", "target", "date", "evidence"} <= set(rows[0])
    empty = CliRunner().invoke(main, ["search", "?!", *login])
    assert empty.exit_code == EXIT_USAGE and "no words to look for" in empty.output


def test_cli_semantic_search_or_how_to_install_it(corpus, monkeypatch):
    from click.testing import CliRunner

    from newsgraph.graph.cli import main
    from newsgraph.graph.neo4j import embedder

    login = ["--uri", corpus.uri, "--user", corpus.user, "--password", corpus.password]
    if _installed("onnxruntime"):
        found = CliRunner().invoke(main, ["search", "--semantic", "troops sent to Ukraine", *login])
        assert found.exit_code == 0 and "Ukraine" in found.output, found.output

    def missing() -> None:
        raise ImportError("No module named 'onnxruntime'")

    monkeypatch.setattr(embedder, "BACKENDS", {"onnx": missing, "torch": missing})
    result = CliRunner().invoke(main, ["search", "--semantic", "troops", *login])
    assert result.exit_code == EXIT_USAGE
    assert result.output.strip() == (
        "newsgraph: error: semantic search needs the optional extra: pip install 'newsgraph[semantic]'"
    )


def needs_semantic_extra() -> None:
    """Skip without the extra, except under `make test` (which installs it): there its absence fails."""
    if _installed("onnxruntime"):
        return
    if os.environ.get("NEWSGRAPH_TEST_SEMANTIC") == "1":
        pytest.fail("NEWSGRAPH_TEST_SEMANTIC=1 but the semantic extra is not installed")
    pytest.skip("the semantic extra is not installed")


def _installed(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None
