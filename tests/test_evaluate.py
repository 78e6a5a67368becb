"""Scoring against gold: hand-counted figures, agreement with the shared scorer, the CLI."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from newsgraph.extract.errors import InputError
from newsgraph.extract.evaluate import evaluate_files, norm, score_records
from newsgraph.graph.cli import main

ROOT = Path(__file__).resolve().parents[1]
SCORER_OUTPUT = ROOT / "tests" / "data" / "scorer"


def actor(id_: str, name: str, kind: str, country: str | None = None, aliases: list[str] | None = None):
    return {"id": id_, "name": name, "kind": kind, "country": country, "aliases": aliases or []}


def event(cameo: str, source: list[str], target: list[str] | None = None, **extra: Any) -> dict[str, Any]:
    return {
        "id": f"evt:{cameo}:{'-'.join(source)}",
        "type": f"code_{cameo}",
        "cameo": cameo,
        "goldstein": 0.0,
        "quad_class": 1,
        "source": source,
        "target": target or [],
        "modality": extra.get("modality", "asserted"),
        "negated": extra.get("negated", False),
        "date": extra.get("date"),
        "evidence": {"sentence_index": 0, "start": 0, "end": 10, "text": extra.get("text", "some sentence")},
    }


def relation(type_: str, source: str, target: str) -> dict[str, Any]:
    return {"type": type_, "source": source, "target": target, "properties": {}}


# --- synthetic pairs -------------------------------------------------------------------------
# Pair A: one article with every rule in play; the figures in test_hand_counted_figures are
# counted by hand from it.

RECORD_A = {
    "article": {"id": "sha256:a", "title": "Alpha Headline", "source": "Wire", "path": "in/001_alpha.txt"},
    "actors": [
        actor("RUS", "Russia", "state", "RUS", ["Moscow"]),
        actor("UKR", "Ukraine", "state", "UKR"),
        actor("GBR", "United Kingdom", "state", "GBR", ["Britain"]),
        actor("FRA", "France", "state", "FRA"),
        actor("org:mfa", "The Russian Foreign Ministry", "organization", "RUS", ["the ministry"]),
        actor("person:zakharova", "Maria Zakharova", "person", "RUS"),
        actor("person:kyiv", "Kyiv", "person", None),  # forbidden: a city read as a person
        actor("org:putins-fleet", "Putin's fleet", "organization", "RUS"),  # forbidden: possessive kept
        actor("place:paris", "Paris", "place", "FRA"),  # not one of the four kinds: not scored
    ],
    "events": [
        event("0311", ["GBR"], ["UKR"], modality="conditional"),  # E1 for GBR, right modality
        event("036", ["FRA"], ["UKR"], modality="asserted"),  # E1 for FRA
        event("120", ["org:mfa"], [], negated=False),  # E2 (RUS via country), negation wrong
        event("190", ["RUS"], ["UKR"], date="2022-02-24"),  # E3, date inside 2022-02
        event("173", ["RUS"], ["GBR"]),  # E4 second alternative
        event("042", ["RUS"], []),  # acceptable event
        event("141", ["UKR"], ["RUS"]),  # wrong: nothing in gold
    ],
    "relations": [
        relation("HOLDS_ROLE", "person:zakharova", "org:mfa"),  # gold
        relation("PART_OF", "org:mfa", "RUS"),  # acceptable
        relation("MEMBER_OF", "UKR", "RUS"),  # wrong
    ],
}

GOLD_A = {
    "article": {"path": "tests/articles/001_alpha.txt", "title": "Alpha Headline", "source": "Wire"},
    "actors": [
        {"names": ["Russia"], "kind": "state", "country": "RUS"},
        {"names": ["Ukraine"], "kind": "state", "country": "UKR"},
        {"names": ["UK", "Britain"], "kind": "state", "country": "GBR"},
        {"names": ["Russian foreign ministry"], "kind": "organization", "country": "RUS"},
        {"names": ["Maria Zakharova"], "kind": "organization", "country": "RUS"},  # kind differs: missed
        {"names": ["Reuters"], "kind": "organization"},  # absent: missed
    ],
    "acceptable_actors": [{"names": ["France"], "kind": "state"}],
    "forbidden_actors": [{"name": "Kyiv", "kind": "person"}, {"name_contains": "\u2019s"}],
    "events": [
        {
            "id": "E1",
            "what": "UK and France pledge troops",
            "roots": ["03"],
            "source": ["GBR", "FRA"],
            "target": ["UKR"],
            "modality": ["conditional", "planned"],
        },
        {"id": "E2", "what": "Russia did not accept", "roots": ["12"], "source": ["RUS"], "negated": True},
        {
            "id": "E3",
            "what": "invasion",
            "roots": ["19", "18"],
            "source": ["Russia"],
            "target": ["UKR"],
            "date": "2022-02",
            "negated": False,
        },
        {
            "id": "E4",
            "what": "Russia detains Britons",
            "alternatives": [
                {"roots": ["11"], "source": ["RUS"], "target": ["GBR"]},
                {"roots": ["17"], "source": ["RUS"], "target": ["United Kingdom"]},
            ],
        },
        {"id": "E5", "what": "France sends aid", "roots": ["07"], "source": ["FRA"], "target": ["UKR"]},
        {"id": "E6", "what": "Britain and Russia meet", "roots": ["04"], "source": ["GBR", "RUS"]},
    ],
    "acceptable_events": [{"what": "a visit", "roots": ["04"], "source": ["RUS"]}],
    "relations": [
        {
            "what": "Zakharova speaks for the ministry",
            "types": ["HOLDS_ROLE"],
            "source": ["Maria Zakharova"],
            "target": ["Russian foreign ministry"],
        },
        {
            "what": "the ministry is part of Russia",
            "types": ["PART_OF"],
            "source": ["Reuters"],
            "target": ["Russia"],
        },
    ],
    "acceptable_relations": [
        {"types": ["PART_OF"], "source": ["Russian Foreign Ministry"], "target": ["RUS"]}
    ],
}

# Pair B: paired by title (the path differs), empty events, a straight apostrophe against a
# typographic forbidden rule.
RECORD_B = {
    "article": {"id": "sha256:b", "title": "The Beta: Story!", "path": "elsewhere/other.txt"},
    "actors": [actor("group:the-wests-allies", "the West's allies", "group")],
    "events": [],
    "relations": [],
}
GOLD_B = {
    "article": {"path": "tests/articles/002_beta.txt", "title": "beta story"},
    "actors": [{"names": ["West's allies"], "kind": "group"}],
    "forbidden_actors": [{"name_contains": "\u2019s"}],
    "events": [{"id": "E1", "roots": ["01"], "source": ["West"]}],
}

# Pair C: a gold file no record is paired with: its items count as missed.
GOLD_C = {
    "article": {"path": "tests/articles/003_gamma.txt", "title": "Gamma"},
    "actors": [{"names": ["China"], "kind": "state", "country": "CHN"}],
    "events": [{"id": "E1", "roots": ["05"], "source": ["CHN"]}],
    "relations": [{"types": ["PART_OF"], "source": ["x"], "target": ["y"]}],
}

PAIRS = [([RECORD_A], [GOLD_A]), ([RECORD_A, RECORD_B], [GOLD_A, GOLD_B, GOLD_C]), ([RECORD_B], [GOLD_B])]
PAIR_IDS = ["one", "three-with-unpaired", "title-only"]


def test_hand_counted_figures():
    report = score_records([RECORD_A], [GOLD_A])
    a = report.per_article["001_alpha"]
    # E1 (both sources covered), E2, E3, E4 (second alternative) found; E5, E6 missed.
    assert a.events == (4, 6, 6, 7)
    assert a.event_recall == pytest.approx(4 / 6)
    assert a.event_precision == pytest.approx(6 / 7)
    assert a.event_f1 == pytest.approx(2 * (4 / 6) * (6 / 7) / (4 / 6 + 6 / 7))
    # E1 modality right, E2 negation wrong, E3 negation right; E3 date right.
    assert a.modality == (2, 3)
    assert a.date == (1, 1)
    # Russia, Ukraine, UK, ministry found; Zakharova (wrong kind) and Reuters missed.
    # Of 8 extracted actors (the place is not counted) 6 match gold or acceptable.
    assert a.actors == (4, 6, 6, 8)
    assert sorted(a.forbidden) == ["Kyiv (person)", "Putin's fleet (organization)"]
    assert a.relations == (1, 2, 2, 3)
    assert a.relation_recall == 0.5
    assert a.relation_precision == pytest.approx(2 / 3)
    assert report.event_f1 == a.event_f1 and report.actor_f1 == a.actor_f1
    assert report.text.splitlines()[-1].startswith("TOTAL events F1 0.75 (R 0.67 P 0.86)")


def test_unpaired_gold_counts_as_missed_and_pairing_by_title():
    report = score_records([RECORD_A, RECORD_B], [GOLD_A, GOLD_B, GOLD_C])
    assert report.unpaired == ["003_gamma"]
    assert report.per_article["002_beta"].actors == (1, 1, 1, 1)
    assert report.per_article["002_beta"].forbidden == ["the West's allies (group)"]
    assert report.per_article["003_gamma"].events == (0, 1, 0, 0)
    assert report.events == (4, 8, 6, 7)
    assert "003_gamma: no record for this article" in report.text
    assert report.text.endswith("forbidden 3 | unpaired 1")


def test_verbose_lists_misses():
    text = score_records([RECORD_A], [GOLD_A], verbose=True).text
    assert "  missed event E5: France sends aid" in text
    assert "  unmatched event 141 code_141: ['Ukraine'] -> ['Russia'] | some sentence" in text
    assert "  missed actor: Reuters (organization)" in text
    assert "  unexpected actor: Kyiv (person)" in text
    assert "missed" not in score_records([RECORD_A], [GOLD_A]).text


def test_article_records_are_accepted():
    from newsgraph.extract.record import ArticleRecord

    record = ArticleRecord.from_dict(RECORD_A)
    assert score_records([record], [GOLD_A]).text == score_records([RECORD_A], [GOLD_A]).text


@pytest.mark.parametrize(
    "given, expected",
    [
        ("The Kremlin", "kremlin"),
        ("Russia\u2019s  Foreign-Ministry", "russia foreign ministry"),
        ("U.S.", "u s"),
    ],
)
def test_norm(given, expected):
    assert norm(given) == expected


def write_pair(tmp_path: Path, records: list[dict], golds: list[dict]) -> tuple[Path, list[Path]]:
    records_path = tmp_path / "records.jsonl"
    records_path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    gold_paths = []
    for gold in golds:
        path = tmp_path / f"{Path(gold['article']['path']).stem}.yaml"
        path.write_text(yaml.safe_dump(gold, allow_unicode=True), encoding="utf-8")
        gold_paths.append(path)
    return records_path, gold_paths


def test_evaluate_files_reads_jsonl_and_yaml(tmp_path):
    records_path, gold_paths = write_pair(tmp_path, [RECORD_A, RECORD_B], [GOLD_A, GOLD_B])
    report = evaluate_files(records_path, gold_paths)
    assert list(report.per_article) == ["001_alpha", "002_beta"]
    assert report.text == score_records([RECORD_A, RECORD_B], [GOLD_A, GOLD_B]).text


def test_unreadable_inputs_are_input_errors(tmp_path):
    records_path, gold_paths = write_pair(tmp_path, [RECORD_A], [GOLD_A])
    bad_yaml = tmp_path / "bad.yaml"
    bad_yaml.write_text("events: [\n", encoding="utf-8")
    with pytest.raises(InputError, match="not valid YAML"):
        evaluate_files(records_path, [bad_yaml])
    bad_json = tmp_path / "bad.jsonl"
    bad_json.write_text('{"article": {}}\n{oops\n', encoding="utf-8")
    with pytest.raises(InputError, match="bad JSON at line 2"):
        evaluate_files(bad_json, gold_paths)


@pytest.mark.parametrize("pair_id", PAIR_IDS)
@pytest.mark.parametrize("verbose", [False, True], ids=["plain", "verbose"])
def test_agrees_with_the_shared_scorer(tmp_path, pair_id, verbose):
    """The field's scorer printed these reports for the same pairs (recorded by
    tests/data/scorer/make_expected.py where ../shared exists): ours prints the same, on any clone."""
    records, golds = PAIRS[PAIR_IDS.index(pair_id)]
    records_path, gold_paths = write_pair(tmp_path, records, golds)
    expected = SCORER_OUTPUT / f"{pair_id}-{'verbose' if verbose else 'plain'}.txt"
    ours = evaluate_files(records_path, gold_paths, verbose=verbose)
    assert ours.text == expected.read_text(encoding="utf-8").rstrip("\n")


def test_no_test_needs_files_outside_the_repository():
    """A user's clone has no ../shared: a test that read it would skip (or fail) there."""
    outside = re.compile(r"""/\s*["']shared["']|["']\.\./shared""")
    tests = Path(__file__).parent.glob("*.py")
    assert [p.name for p in tests if outside.search(p.read_text(encoding="utf-8"))] == []


def test_cli_prints_report_and_exits_1_below_minimum(tmp_path):
    records_path, gold_paths = write_pair(tmp_path, [RECORD_A], [GOLD_A])
    args = ["evaluate", str(records_path), *map(str, gold_paths)]
    ok = CliRunner().invoke(main, [*args, "--min-event-f1", "0.7", "--min-actor-f1", "0.5"])
    assert ok.exit_code == 0, ok.output
    assert "TOTAL events F1 0.75" in ok.output
    short = CliRunner().invoke(main, [*args, "--min-actor-f1", "0.9"])
    assert short.exit_code == 1
    impossible = CliRunner().invoke(main, [*args, "--min-event-f1", "1.01"])
    assert impossible.exit_code == 1
    assert impossible.output.splitlines()[-1].startswith("TOTAL events F1 0.75")


def test_cli_missing_gold_is_a_usage_error(tmp_path):
    records_path, _ = write_pair(tmp_path, [RECORD_A], [GOLD_A])
    result = CliRunner().invoke(main, ["evaluate", str(records_path), str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2
    assert "nope.yaml: no such file" in result.output
    assert "Traceback" not in result.output


# --- rules the shared scorer lacks: CAMEO actor-code keys, a spec's cameo_code, traps ------------


SECTOR_RECORD = {
    "article": {"id": "sha256:s", "title": "Sector", "path": "in/040_sector.txt"},
    "actors": [
        actor("KEN", "Kenya", "state", "KEN"),
        {**actor("org:ken-police", "Kenyan Police", "organization", "KEN"), "cameo_code": "KENCOP"},
        {
            **actor("group:ken-protesters", "Kenyan protesters", "group", "KEN", ["marchers"]),
            "cameo_code": "KENOPP",
        },
        {
            **actor("group:syr-kur-journalists", "Kurdish reporters", "group", "SYR"),
            "cameo_code": "SYRKURMED",
        },
    ],
    "events": [
        event("173", ["org:ken-police"], ["group:ken-protesters"]),  # E1
        event("141", ["group:ken-protesters"], []),  # E2
        event("111", ["group:syr-kur-journalists"], ["KEN"]),  # E3: SYRKUR is a prefix of its code
    ],
    "relations": [],
}
SECTOR_GOLD = {
    "article": {"path": "tests/articles/040_sector.txt", "title": "Sector"},
    "actors": [
        # found by its code: none of these names is the extracted actor's
        {
            "names": ["riot police", "police officers"],
            "kind": ["group", "organization"],
            "country": "KEN",
            "cameo_code": "KENCOP",
        },
        # a code of another sector does not fit, and the names do not either
        {
            "names": ["Kenyan students"],
            "kind": ["group", "organization"],
            "country": "KEN",
            "cameo_code": "KENEDU",
        },
    ],
    "acceptable_actors": [{"names": ["Kenya"], "kind": "state"}, {"names": ["x"], "cameo_code": "SYRKURMED"}],
    "events": [
        {"id": "E1", "roots": ["17"], "source": ["KENCOP"], "target": ["KENOPP"]},
        {"id": "E2", "roots": ["14"], "source": ["KENCOP"]},  # the police did not protest: missed
        {"id": "E3", "roots": ["11"], "source": ["SYRKUR"]},
    ],
}


def test_cameo_code_keys_and_specs():
    """A key of six capitals matches an actor's cameo_code by prefix; a spec's cameo_code fits an
    actor of that very code; a three-letter key is still a country."""
    report = score_records([SECTOR_RECORD], [SECTOR_GOLD], verbose=True)
    s = report.per_article["040_sector"]
    assert s.events == (2, 3, 2, 3)  # E1, E3 found; the protest (141) matches no spec
    assert s.actors == (1, 2, 3, 4)  # police by code; students missed; protesters unexpected
    assert "  missed actor: Kenyan students (['group', 'organization'])" in report.text
    assert "  unexpected actor: Kenyan protesters (group)" in report.text
    # the name still counts: a six-capital key that is an actor's name ("ECOWAS")
    named = {
        **SECTOR_RECORD,
        "actors": [actor("org:ecowas", "ECOWAS", "organization")],
        "events": [event("111", ["org:ecowas"])],
    }
    gold = {**SECTOR_GOLD, "actors": [], "events": [{"id": "E1", "roots": ["11"], "source": ["ECOWAS"]}]}
    assert score_records([named], [gold]).per_article["040_sector"].events == (1, 1, 1, 1)


def test_traps_score_on_what_was_extracted():
    """An article without gold events: F1 1 when the extractor made none, 0 when it made only wrong
    ones; acceptable events count as right; the report counts the events made of traps."""
    trap_gold = {
        "article": {"path": "tests/articles/041_trap.txt", "title": "Trap"},
        "actors": [],
        "events": [],
        "acceptable_events": [{"roots": ["06"], "source": ["KEN"]}],
    }
    quiet = {
        "article": {"path": "in/041_trap.txt"},
        "actors": [actor("KEN", "Kenya", "state", "KEN")],
        "events": [],
        "relations": [],
    }
    noisy = {**quiet, "events": [event("190", ["KEN"]), event("061", ["KEN"])]}
    calm = score_records([quiet], [trap_gold])
    assert calm.per_article["041_trap"].event_f1 == 1.0
    assert "traps: 1 articles without gold events, 0 events extracted (0 acceptable)" in calm.text
    loud = score_records([noisy], [trap_gold])
    trap = loud.per_article["041_trap"]
    assert (trap.event_recall, trap.event_precision) == (1.0, 0.5)
    assert trap.event_f1 == pytest.approx(2 / 3)
    assert "traps: 1 articles without gold events, 2 events extracted (1 acceptable)" in loud.text
    # beside an ordinary article, totals are sums of counts as before
    both = score_records([RECORD_A, noisy], [GOLD_A, trap_gold])
    assert both.events == (4, 6, 7, 9)
    assert both.text.splitlines()[-1].startswith("TOTAL")


def gold_record(gold: dict[str, Any], keep_every: int) -> dict[str, Any]:
    """A record built from a real gold file, imperfect on purpose: one actor per spec named by its
    first name (the first of each kind dropped), every ``keep_every``-th event kept on its first
    source key, and one event no gold names."""
    actors, seen_kinds = [], set()
    for number, spec in enumerate((gold.get("actors") or []) + (gold.get("acceptable_actors") or [])):
        kinds = spec.get("kind") or ["group"]
        kind = kinds[0] if isinstance(kinds, list) else kinds
        if kind not in seen_kinds:
            seen_kinds.add(kind)
            continue
        actors.append(actor(f"a{number}", spec["names"][0], kind, spec.get("country"), spec["names"][1:]))
    by_key = {}
    for a in actors:
        for key in [a["country"], a["name"], *a["aliases"]]:
            by_key.setdefault(key, a["id"])
    events = []
    for number, gold_event in enumerate(gold["events"]):
        spec = (gold_event.get("alternatives") or [gold_event])[0]
        source = by_key.get(spec["source"][0])
        if number % keep_every == 0 and source:
            events.append(event(spec["roots"][0] + "0", [source]))
    events.append(event("200", [actors[0]["id"]] if actors else []))
    path = gold["article"]["path"]
    return {
        "article": {"id": f"sha256:{path}", "path": path},
        "actors": actors,
        "events": events,
        "relations": [],
    }


def write_old_gold_pair(folder: Path, keep_every: int) -> tuple[Path, list[Path]]:
    """The seed's and our eleven articles' gold files (none uses the new rules) with an imperfect
    record of each, for comparing the two scorers."""
    gold_paths = sorted((ROOT / "tests" / "gold").glob("0[01]*.yaml"))[:12]
    assert [p.stem[:3] for p in gold_paths] == [f"{n:03d}" for n in range(12)]
    records = [gold_record(yaml.safe_load(p.read_text(encoding="utf-8")), keep_every) for p in gold_paths]
    records_path = folder / "records.jsonl"
    records_path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return records_path, gold_paths


@pytest.mark.parametrize("keep_every", [1, 2])
def test_agrees_with_shared_scorer_on_the_old_gold_files(tmp_path, keep_every):
    """On the old gold files the field's scorer printed these reports (recorded by
    tests/data/scorer/make_expected.py where ../shared exists): ours prints the same."""
    records_path, gold_paths = write_old_gold_pair(tmp_path, keep_every)
    ours = evaluate_files(records_path, gold_paths, verbose=True)
    expected = (SCORER_OUTPUT / f"old-gold-keep-{keep_every}-verbose.txt").read_text(encoding="utf-8")
    assert ours.text == expected.rstrip("\n")
    assert 0 < ours.event_recall < 1 and 0 < ours.actor_recall < 1
