"""The cross-article merge corpus (tests/merge): articles readable, gold consistent, scorer right.

The merge itself (issue 12) is scored with this corpus; here only the corpus, its gold and the
scorer are checked, against the project's reader and parser and against hand-counted figures.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
import sys
from collections import Counter
from pathlib import Path

import pycountry
import pytest
import yaml

from newsgraph.extract.readers import read_article
from newsgraph.extract.record import Article, ArticleRecord, Event, Evidence, write_jsonl

MERGE = Path(__file__).parent / "merge"
ARTICLES = MERGE / "articles"
GOLD_PATH = MERGE / "gold.yaml"

_spec = importlib.util.spec_from_file_location("merge_score", MERGE / "score.py")
assert _spec is not None and _spec.loader is not None
merge_score = importlib.util.module_from_spec(_spec)
sys.modules["merge_score"] = merge_score  # dataclasses look their module up while it loads
_spec.loader.exec_module(merge_score)

# Counted by hand from gold.yaml (see the README's table): 22 events, 60 reports, 71 pairs of
# reports of one event, 15 near-miss pairs. A change to the gold must change these on purpose.
EVENTS, REPORTS, SAME_PAIRS, NEAR_MISSES = 22, 60, 71, 15
ALL_PAIRS = REPORTS * (REPORTS - 1) // 2  # 1770


@pytest.fixture(scope="module")
def raw_gold() -> dict:
    return yaml.safe_load(GOLD_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def gold():
    return merge_score.load_gold(GOLD_PATH)


@pytest.fixture(scope="module")
def articles() -> dict[str, Article]:
    read = {}
    for path in sorted(ARTICLES.iterdir()):
        warnings: list[str] = []
        read[path.name] = read_article(path, on_warn=warnings.append)
        assert not warnings, warnings
    return read


def perfect(gold, cluster=lambda report: report.event):
    """Extracted reports that are the gold itself, clustered by ``cluster``."""
    return [(r.article, r.evidence, cluster(r), r.roots[0] + "0") for r in gold.reports]


# --- the articles ------------------------------------------------------------------------------


def test_every_article_reads_with_outlet_headline_date_and_url(articles):
    assert len(articles) >= 20
    for name, article in articles.items():
        assert name.endswith(".md")
        assert article.title and article.source and article.url, name
        assert article.url.startswith("https://") and ".example" in article.url, name  # reserved domain
        assert re.fullmatch(r"2026-\d\d-\d\d", article.published or ""), name
        assert article.text.strip() and "---" not in article.text and "title:" not in article.text, name
        assert len(article.text.split("\n")) >= 4, f"{name}: too short to carry background sentences"


def test_urls_are_unique_and_outlets_are_several(articles):
    assert len({a.url for a in articles.values()}) == len(articles)
    assert len({a.source for a in articles.values()}) >= 10


# --- the gold ----------------------------------------------------------------------------------


def test_gold_counts(gold, raw_gold):
    assert len(gold.events) == EVENTS
    assert len(gold.reports) == REPORTS
    assert gold.same_pairs() == SAME_PAIRS
    assert len(gold.must_not_merge) == NEAR_MISSES
    assert sum(1 for e in raw_gold["events"] if e["kind"] == "story") >= 8


def test_every_event_is_well_formed(raw_gold):
    ids = [e["id"] for e in raw_gold["events"]]
    assert len(ids) == len(set(ids))
    for event in raw_gold["events"]:
        where = event["id"]
        assert event["kind"] in ("story", "background"), where
        assert event["what"].strip(), where
        assert re.fullmatch(r"(0[1-9]|1\d|20)", event["root"]), where
        for root in event.get("acceptable_roots") or []:
            assert re.fullmatch(r"(0[1-9]|1\d|20)", root) and root != event["root"], where
        if "cameo" in event:
            assert event["cameo"].startswith(event["root"]), where
        assert re.fullmatch(r"2026-\d\d(-\d\d)?", event["date"]), where
        assert event["source"] and event["target"], where
        for actor in [*event["source"], *event["target"]]:
            if re.fullmatch(r"[A-Z]{3}", actor):
                assert pycountry.countries.get(alpha_3=actor) is not None, f"{where}: {actor}"
            else:
                assert re.search(r"\([A-Z]{3}\)$", actor), f"{where}: non-state actors name their country"
        assert event["reports"], where


def test_every_evidence_occurs_once_in_its_article(gold, articles):
    for report in gold.reports:
        text = articles[report.article].text
        assert text.count(report.evidence) == 1, (report.article, report.evidence)
        assert "\n" not in report.evidence


def test_one_report_per_event_and_article(gold):
    counts = Counter((r.event, r.article) for r in gold.reports)
    assert max(counts.values()) == 1, [k for k, n in counts.items() if n > 1]


def test_stories_have_two_to_four_lead_reports_from_different_outlets(raw_gold, articles):
    for event in raw_gold["events"]:
        lead = [r for r in event["reports"] if not r.get("in_passing")]
        if event["kind"] == "story":
            outlets = [articles[r["article"]].source for r in lead]
            assert 2 <= len(lead) <= 4, event["id"]
            assert len(set(outlets)) == len(outlets), event["id"]
            published = sorted(dt.date.fromisoformat(articles[r["article"]].published) for r in lead)
            assert (published[-1] - published[0]).days <= 3, f"{event['id']}: reported over 1-4 days"
        else:
            assert not any(r.get("in_passing") for r in event["reports"]), event["id"]


def test_report_dates_agree_with_the_event_and_the_publication(raw_gold, articles):
    for event in raw_gold["events"]:
        for report in event["reports"]:
            published = articles[report["article"]].published
            if "stated_date" in report:
                assert report.get("date_text"), report
                assert report["stated_date"] == event["date"], (event["id"], report["article"])
            if event.get("modality") != "planned":
                assert event["date"] <= published, (event["id"], report["article"])  # reported after


def test_some_reports_are_dated_some_attributed_one_denied(gold, raw_gold):
    reports = [r for e in raw_gold["events"] for r in e["reports"]]
    assert sum("date_text" in r for r in reports) >= 10
    assert sum("date_text" not in r for r in reports) >= 10  # dated by publication only
    assert sum("attributed_to" in r for r in reports) >= 10
    assert sum(bool(r.get("negated")) for r in reports) >= 1


def test_near_misses_name_two_different_existing_events(raw_gold, gold):
    seen = set()
    for entry in raw_gold["must_not_merge"]:
        a, b = entry["pair"]
        assert a in gold.events and b in gold.events and a != b, entry
        assert entry["reason"].strip(), entry
        assert frozenset((a, b)) not in seen, entry
        seen.add(frozenset((a, b)))


def test_every_evidence_lies_in_one_sentence_as_the_pipeline_splits_it(gold, articles):
    """A gold evidence cut by a sentence boundary could never be matched by any extraction."""
    from newsgraph.extract.pipeline import _segments, load_nlp

    nlp = load_nlp()
    for name, article in articles.items():
        sentences: list[tuple[int, int]] = []
        offset = 0
        for piece in _segments(article.text):
            doc = nlp(piece, disable=["newsgraph_events"])
            sentences += [(offset + s.start_char, offset + s.end_char) for s in doc.sents]
            offset += len(piece)
        assert offset == len(article.text)
        for report in (r for r in gold.reports if r.article == name):
            start = article.text.index(report.evidence)
            end = start + len(report.evidence)
            assert any(s <= start and end <= e for s, e in sentences), (name, report.evidence)


# --- the scorer --------------------------------------------------------------------------------


def test_gold_scores_perfectly(gold):
    result = merge_score.score(perfect(gold), gold)
    assert (result.precision, result.recall, result.coverage, result.mapped_recall) == (1.0, 1.0, 1.0, 1.0)
    assert result.true_positives == SAME_PAIRS and result.false_positives == 0
    assert result.near_misses_merged == [] and result.root_mismatches == 0


def test_everything_merged(gold):
    result = merge_score.score(perfect(gold, lambda r: "one"), gold)
    assert result.true_positives == SAME_PAIRS
    assert result.false_positives == ALL_PAIRS - SAME_PAIRS == 1699
    assert result.precision == pytest.approx(71 / 1770)
    assert result.recall == 1.0
    assert len(result.near_misses_merged) == NEAR_MISSES


def test_nothing_merged(gold):
    result = merge_score.score(perfect(gold, lambda r: f"{r.article}|{r.evidence}"), gold)
    assert result.true_positives == result.false_positives == 0
    assert result.false_negatives == SAME_PAIRS
    assert result.precision == 1.0  # nothing claimed, nothing wrong
    assert result.recall == 0.0 and result.f1 == 0.0


def test_two_strikes_on_sumy_merged(gold):
    sumy = {"sumy_market_strike", "sumy_apartment_strike"}
    result = merge_score.score(perfect(gold, lambda r: "sumy" if r.event in sumy else r.event), gold)
    assert result.false_positives == 5 * 2  # five reports of the market strike, two of the other
    assert result.precision == pytest.approx(71 / 81)
    assert result.recall == 1.0
    assert result.near_misses_merged == [("sumy_market_strike", "sumy_apartment_strike")]


def test_poland_story_split_into_lead_and_passing_mentions(gold, raw_gold):
    poland = next(e for e in raw_gold["events"] if e["id"] == "poland_expels_russian_diplomats")
    passing = {r["article"] for r in poland["reports"] if r.get("in_passing")}

    def cluster(report):
        if report.event == poland["id"] and report.article in passing:
            return "poland (in passing)"
        return report.event

    result = merge_score.score(perfect(gold, cluster), gold)
    assert result.false_negatives == 3 * 3  # six reports, three and three apart
    assert result.recall == pytest.approx(62 / 71) and result.precision == 1.0


def test_unmapped_reports_lose_their_pairs(gold):
    first = "01_gulf_maritime_review_iran_seizes_tanker.md"  # the tanker, the threat, the cargo
    kept = [x for x in perfect(gold) if x[0] != first]
    result = merge_score.score(kept, gold)
    assert result.mapped == REPORTS - 3 and result.coverage == pytest.approx(57 / 60)
    assert result.false_negatives == 2 + 1 + 2
    assert result.recall == pytest.approx(66 / 71)
    assert result.mapped_recall == 1.0 and result.precision == 1.0


# --- the mapping rules, on a gold small enough to count ----------------------------------------

SMALL = {
    "events": [
        {
            "id": "seize",
            "root": "17",
            "reports": [
                {"article": "a.md", "evidence": "seized the tanker"},
                {"article": "b.md", "evidence": "the seizure"},
            ],
        },
        {
            "id": "threat",
            "root": "13",
            "reports": [
                {"article": "a.md", "evidence": "threatened to seize ships"},
                {"article": "c.md", "evidence": "warned"},
            ],
        },
        {
            "id": "truce",
            "root": "08",
            "acceptable_roots": ["05"],
            "reports": [
                {"article": "c.md", "evidence": "signed a truce"},
                {"article": "b.md", "evidence": "the truce"},
            ],
        },
    ],
    "must_not_merge": [{"pair": ["seize", "threat"], "reason": "threat and act"}],
}
A_THREAT = "On Sunday a commander threatened to seize ships, and on Tuesday they seized the tanker."


def test_the_root_picks_among_reports_of_one_sentence():
    gold = merge_score.parse_gold(SMALL)
    extracted = [
        ("x/a.md", A_THREAT, "E1", "1384"),  # the threat, as the extractor coded it
        ("x/a.md", A_THREAT, "E2", "171"),  # the seizure, from the same sentence
        ("b.md", "Athens protested over the seizure.", "E2", "171"),
    ]
    result = merge_score.score(extracted, gold)
    assert result.mapping == {0: 1, 1: 2, 2: 0}
    assert result.true_positives == 1 and result.false_positives == 0
    assert result.root_mismatches == 0


def test_one_extracted_report_stands_for_one_gold_report():
    gold = merge_score.parse_gold(SMALL)
    extracted = [("a.md", A_THREAT, "E1", "130"), ("b.md", "Athens protested over the seizure.", "E1", "171")]
    result = merge_score.score(extracted, gold)
    # the threat takes the sentence's only report (its root); the seizure in a.md stays unmapped
    assert result.mapping == {2: 0, 1: 1}
    assert result.true_positives == 0 and result.false_negatives == 3
    assert result.false_positives == 1  # threat (a.md) and seizure (b.md) merged into E1
    assert result.near_misses_merged == [("seize", "threat")]
    assert result.precision == 0.0


def test_another_root_maps_when_nothing_better_is_there():
    gold = merge_score.parse_gold(SMALL)
    extracted = [
        ("c.md", "Both sides signed a truce on Monday.", "T", "057"),  # acceptable root
        ("b.md", "Shelling stopped once the truce began.", "T", "190"),  # another root
        ("c.md", "The envoy warned them.", "W", None),  # no code given
    ]
    result = merge_score.score(extracted, gold)
    assert result.mapping == {4: 0, 5: 1, 3: 2}
    assert result.root_mismatches == 2
    assert result.true_positives == 1 and result.recall == pytest.approx(1 / 3)


def test_evidence_elsewhere_or_in_another_article_does_not_map():
    gold = merge_score.parse_gold(SMALL)
    extracted = [("b.md", "They seized the tanker.", "E", "171"), ("a.md", "They boarded it.", "E", "171")]
    result = merge_score.score(extracted, gold)
    assert result.mapping == {}
    assert result.coverage == 0.0 and result.recall == 0.0 and result.precision == 1.0


def test_articles_by_id_and_evidence_by_span():
    gold = merge_score.parse_gold(SMALL)
    text = "Intro.\nThe navy seized the tanker.\n"
    start = text.index("The navy")
    extracted = [
        ("sha256:abc", (start, len(text) - 1), "E", "171"),
        ("b.md", "Athens protested over the seizure.", "E", "171"),
    ]
    result = merge_score.score(extracted, gold, article_names={"sha256:abc": "a.md"}, texts={"a.md": text})
    assert result.mapping == {0: 0, 1: 1} and result.true_positives == 1
    with pytest.raises(ValueError, match="span"):
        merge_score.score(extracted, gold, article_names={"sha256:abc": "a.md"})


def test_command_line_reads_extraction_records(tmp_path, capsys, gold):
    """`score.py RECORDS --merged MAP` scores newsgraph extract output; no map: nothing merged."""
    records = []
    for n, report in enumerate(gold.reports):
        event = Event(
            id=f"evt:{n}",
            type="t",
            cameo=report.roots[0] + "0",
            goldstein=0.0,
            quad_class=1,
            evidence=Evidence(0, 0, 1, f"Lead. {report.evidence} and more"),
        )
        path = f"tests/merge/articles/{report.article}"
        records.append(ArticleRecord(article=Article(id=f"sha256:{n}", path=path), events=[event]))
    write_jsonl(records, tmp_path / "records.jsonl")
    merged = {f"evt:{n}": report.event for n, report in enumerate(gold.reports)}
    (tmp_path / "merged.json").write_text(json.dumps(merged), encoding="utf-8")

    assert merge_score.main([str(tmp_path / "records.jsonl"), "--merged", str(tmp_path / "merged.json")]) == 0
    out = capsys.readouterr().out
    assert "merge precision 1.000 (71 of 71" in out and "merge recall    1.000" in out
    merge_score.main([str(tmp_path / "records.jsonl")])
    out = capsys.readouterr().out
    assert "merge recall    0.000 (0 of 71" in out and "coverage        1.000 (60 of 60" in out


def test_readme_states_the_counts():
    readme = (MERGE / "README.md").read_text(encoding="utf-8")
    for figure in (f"{EVENTS} events", f"{REPORTS} reports", f"{SAME_PAIRS} same-event pairs"):
        assert figure in readme
