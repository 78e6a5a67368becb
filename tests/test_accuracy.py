"""Extraction accuracy: the real extractor over the seed and tests/articles, scored against tests/gold.

The minimum figures live in one table, MINIMUM, so raising a bar is a one-line change. The gold
files are checked for consistency first (every key names an actor the file describes), since a
misspelt key would make an event impossible to find and quietly lower every figure.

The gold files fall in three groups (tests/gold/README.md): the seed (000), "ours" (001-011, the
first articles we wrote) and "new" (012 on, written before the extractor first ran on them).
TOTAL is the seed and ours, as it always was; OURS and NEW_TOTAL are printed and checked beside
it. The traps (TRAPS) have no gold event, so their event F1 is 0 by definition: what is checked
for them is how many events the extractor makes of them (TRAP_MAXIMUM).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from newsgraph.extract.evaluate import Report, norm, score_records, total_line

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "tests" / "gold"
GOLD_PATHS = sorted(GOLD_DIR.glob("*.yaml"))

# Minimum figures per article and in total: event F1, actor F1, relation recall.
# Each sits 0.03 under the figure measured when it was set (the comment), so a regression fails CI.
MINIMUM: dict[str, tuple[float, float, float]] = {
    #                                       event F1  actor F1  relation R
    "000_1b2a53b241cc35b5": (0.94, 0.95, 0.97),  # measured 0.97 0.98 1.00
    "001_eu_sanctions_iran_drones": (0.91, 0.94, 0.97),  # measured 0.94 0.97 1.00
    "002_poland_closes_russian_consulate": (0.82, 0.97, 0.80),  # measured 0.85 1.00 0.83
    "003_us_uk_strike_houthis": (0.91, 0.97, 0.97),  # measured 0.94 1.00 1.00
    "004_australian_writer_detained_beijing": (0.93, 0.97, 0.97),  # measured 0.96 1.00 1.00
    "005_asean_summit_kuala_lumpur": (0.66, 0.97, 0.97),  # measured 0.69 1.00 1.00
    "006_un_aid_convoy_darfur": (0.87, 0.97, 0.97),  # measured 0.90 1.00 1.00
    "007_tbilisi_election_protest": (0.72, 0.97, 0.97),  # measured 0.75 1.00 1.00
    "008_drc_m23_doha_ceasefire": (0.97, 0.97, 0.72),  # measured 1.00 1.00 0.75
    "009_water_cannon_second_thomas_shoal": (0.84, 0.97, 0.97),  # measured 0.87 1.00 1.00
    "010_uk_blames_china_cyberattack": (0.78, 0.94, 0.63),  # measured 0.81 0.97 0.67
    "011_iran_warns_after_israeli_strikes": (0.88, 0.97, 0.97),  # measured 0.91 1.00 1.00
    "TOTAL": (0.85, 0.96, 0.90),  # measured 0.88 0.99 0.93
    "OURS": (0.84, 0.96, 0.90),  # measured 0.87 0.99 0.93
    # The new articles (first-run figures in tests/gold/FIRST_RUN.md): event F1 minimums under the
    # figures after Extraction II (events and actors); actor and relation minimums after the actor rules.
    # A trap scores event F1 1.00 when every event extracted from it is acceptable (evaluate's traps).
    "012_nairobi_fuel_tax_protest": (0.93, 0.97, 0.97),  # measured 0.96 1.00 1.00
    "013_mozambique_insurgents_macomia": (0.97, 0.97, 0.97),  # measured 1.00 1.00 1.00
    "014_gabon_court_rejects_election_challenge": (0.77, 0.97, 0.97),  # measured 0.80 1.00 1.00
    "015_rohingya_camps_floods_aid": (0.71, 0.97, 0.97),  # measured 0.74 1.00 1.00
    "016_us_sanctions_chinese_refiners_export_ban": (0.73, 0.97, 0.80),  # measured 0.76 1.00 0.83
    "017_netherlands_blames_gru_port_cyberattack": (0.89, 0.95, 0.63),  # measured 0.92 0.98 0.67
    "018_togo_coup_ecowas_suspends": (0.87, 0.97, 0.97),  # measured 0.90 1.00 1.00
    "019_colombia_eln_frees_soldiers": (0.79, 0.97, 0.97),  # measured 0.82 1.00 1.00
    "020_india_pakistan_ceasefire_violations": (0.84, 0.97, 0.97),  # measured 0.87 1.00 1.00
    "021_turkey_beat_georgia_football": (0.97, 0.97, 0.00),  # measured 1.00 1.00 0.00 (trap)
    "022_nordhavn_shipping_profit_takeover": (0.97, 0.97, 0.00),  # measured 1.00 1.00 0.00 (trap)
    "023_morocco_handball_algeria_withdraws": (0.00, 0.97, 0.97),  # measured 0.00 1.00 1.00
    "024_turkish_drone_strike_kurdish_journalists": (0.86, 0.97, 0.97),  # measured 0.89 1.00 1.00
    "025_tunisia_judges_strike_arrests": (0.81, 0.97, 0.97),  # measured 0.84 1.00 1.00
    "NEW_TOTAL": (0.83, 0.97, 0.86),  # measured 0.86 1.00 0.89
}

# Articles with no political event (a football report, quarterly results): at most this many
# extracted events, the count of the first run (tests/gold/FIRST_RUN.md).
TRAP_MAXIMUM: dict[str, int] = {
    "021_turkey_beat_georgia_football": 1,  # first run: 2 (fired Turkey ahead; praised his players); now 0
    "022_nordhavn_shipping_profit_takeover": 3,  # first run: 4, one acceptable (the takeover); now 2
}
TRAPS = set(TRAP_MAXIMUM)

# The groups of gold files (module docstring): file stems by their number.
SEED = {p.stem for p in GOLD_PATHS if int(p.stem[:3]) == 0}
OURS = {p.stem for p in GOLD_PATHS if 1 <= int(p.stem[:3]) <= 11}
NEW = {p.stem for p in GOLD_PATHS if int(p.stem[:3]) >= 12}
GROUPS: dict[str, set[str]] = {"OURS": OURS, "NEW_TOTAL": NEW, "TOTAL": SEED | OURS}

RELATION_TYPES = {"HOLDS_ROLE", "PART_OF", "MEMBER_OF"}
KINDS = {"state", "person", "organization", "group"}
MODALITIES = {"asserted", "planned", "conditional", "hypothetical", "reported"}


def load_gold(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def as_list(value: Any) -> list[Any]:
    return [] if value is None else value if isinstance(value, list) else [value]


# --- the data set itself --------------------------------------------------------------------


def test_every_gold_file_has_a_row_of_minimums():
    assert {p.stem for p in GOLD_PATHS} | set(GROUPS) == set(MINIMUM)
    assert len(GOLD_PATHS) >= 11  # the seed and at least ten articles of our own
    assert len(SEED) == 1 and len(OURS) == 11 and len(NEW) >= 12
    assert TRAPS <= NEW


@pytest.mark.parametrize("gold_path", GOLD_PATHS, ids=lambda p: p.stem)
def test_article_layout(gold_path: Path):
    """Outlet, headline, then one paragraph per line; the gold's title and source are the article's."""
    gold = load_gold(gold_path)
    lines = (ROOT / gold["article"]["path"]).read_text(encoding="utf-8").splitlines()
    assert lines[0] == gold["article"]["source"]
    assert lines[1] == gold["article"]["title"]
    body = [line for line in lines[2:] if line.strip()]
    sentences = sum(len(re.findall(r"[.!?][\"”’]?(?:\s|$)", line)) for line in body)
    assert 8 <= sentences <= 20, f"{sentences} sentences"


def perfect_record(gold: dict[str, Any]) -> dict[str, Any]:
    """The record a flawless extractor would give: every gold key must resolve to a described actor."""
    specs = gold["actors"] + (gold.get("acceptable_actors") or [])
    actors = []
    for number, spec in enumerate(specs):
        kind = as_list(spec.get("kind"))[0] if spec.get("kind") else "group"
        names = spec["names"]
        actors.append(
            {
                "id": f"a{number}",
                "name": names[0],
                "kind": kind,
                "country": spec.get("country"),
                "aliases": names[1:],
            }
        )

    def resolve(key: str) -> str:
        if re.fullmatch(r"[A-Z]{3}", key):
            hits = [a for a in actors if a["country"] == key]
            hits.sort(key=lambda a: a["kind"] != "state")
        else:
            hits = [a for a in actors if norm(key) in {norm(n) for n in [a["name"], *a["aliases"]]}]
        assert hits, f"key {key!r} names no actor in the gold file"
        return hits[0]["id"]

    events, relations = [], []
    for gold_event in gold["events"] + (gold.get("acceptable_events") or []):
        for spec in gold_event.get("alternatives") or [gold_event]:
            targets = [resolve(k) for k in as_list(spec.get("target"))]
            for key in as_list(spec.get("source")):
                events.append(
                    {
                        "id": f"e{len(events)}",
                        "type": "x",
                        "cameo": spec["roots"][0] + "0",
                        "source": [resolve(key)],
                        "target": targets[:1],
                        "modality": as_list(gold_event.get("modality") or "asserted")[0],
                        "negated": bool(gold_event.get("negated")),
                        "date": gold_event.get("date"),
                    }
                )
    for spec in gold["relations"] + (gold.get("acceptable_relations") or []):
        for source in as_list(spec["source"]):
            for target in as_list(spec["target"]):
                relations.append(
                    {"type": spec["types"][0], "source": resolve(source), "target": resolve(target)}
                )
    return {
        "article": {"path": gold["article"]["path"]},
        "actors": actors,
        "events": events,
        "relations": relations,
    }


@pytest.mark.parametrize("gold_path", GOLD_PATHS, ids=lambda p: p.stem)
def test_gold_is_consistent(gold_path: Path):
    """Well-formed fields, and a flawless record scores 1.0 on everything with no forbidden actor."""
    gold = load_gold(gold_path)
    for spec in gold["actors"] + (gold.get("acceptable_actors") or []):
        assert set(as_list(spec.get("kind"))) <= KINDS, spec
    ids = [e["id"] for e in gold["events"]]
    assert len(ids) == len(set(ids))
    for event in gold["events"] + (gold.get("acceptable_events") or []):
        assert set(as_list(event.get("modality"))) <= MODALITIES, event
        for spec in event.get("alternatives") or [event]:
            assert spec.get("source") and spec.get("roots"), event
            assert all(isinstance(r, str) and re.fullmatch(r"0[1-9]|1[0-9]|20", r) for r in spec["roots"]), (
                spec
            )
    for spec in gold["relations"] + (gold.get("acceptable_relations") or []):
        assert set(spec["types"]) <= RELATION_TYPES, spec
    if gold["article"].get("published"):
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(gold["article"]["published"]))

    # Only a trap has no gold event; everything else the perfect record finds and gets right.
    assert bool(gold["events"]) != (gold_path.stem in TRAPS)
    report = score_records([perfect_record(gold)], [gold])
    assert report.unpaired == []
    if gold["events"]:
        assert report.event_recall == report.event_precision == 1.0, report.text
    else:  # a trap: no event to find, and the acceptable ones (if any) are right
        assert report.events[2] == report.events[3], report.text
    assert report.actor_recall == report.actor_precision == 1.0, report.text
    if gold["relations"]:
        assert report.relation_recall == report.relation_precision == 1.0, report.text
    else:
        assert report.relations[2] == report.relations[3], report.text
    assert report.modality[0] == report.modality[1] and report.date[0] == report.date[1], report.text
    assert report.forbidden == []


# --- the real extractor ---------------------------------------------------------------------


def group_line(label: str, report: Report) -> str:
    """A group's total, in the words of the TOTAL line."""
    return label + total_line(report).removeprefix("TOTAL")


@pytest.fixture(scope="module")
def scored() -> tuple[list[dict[str, Any]], list[dict[str, Any]], Report, dict[str, Report]]:
    """Records of every gold article from the real extractor (spaCy), their report over all gold
    files, and one report per group of MINIMUM ("TOTAL" is the seed and ours)."""
    from newsgraph.extract.pipeline import Extractor  # the extractor loads spaCy: only when needed

    extractor = Extractor()
    golds = [load_gold(p) for p in GOLD_PATHS]
    records = [
        extractor.extract_path(ROOT / g["article"]["path"], published=g["article"].get("published")).to_dict()
        for g in golds
    ]
    # The gold names the article by its path from the project root, whatever the working directory.
    for record, gold in zip(records, golds, strict=True):
        record["article"]["path"] = gold["article"]["path"]
    stems = [p.stem for p in GOLD_PATHS]
    report = score_records(records, golds, verbose=True, labels=stems)
    groups = {}
    for name, members in GROUPS.items():
        chosen = [(stem, gold) for stem, gold in zip(stems, golds, strict=True) if stem in members]
        groups[name] = score_records(records, [g for _, g in chosen], labels=[stem for stem, _ in chosen])
    # Shown with pytest -s or on failure: the misses per article, then the totals.
    print("\n".join(report.text.splitlines()[:-1]))
    for stem in sorted(TRAPS):
        print(f"{stem}: trap, {report.per_article[stem].events[3]} events extracted (none are gold)")
    for name in ("OURS", "NEW_TOTAL"):
        print(group_line(name, groups[name]))
    print(group_line("ALL", report))
    print(total_line(groups["TOTAL"]))
    return records, golds, report, groups


@pytest.mark.slow
@pytest.mark.parametrize("name", [p.stem for p in GOLD_PATHS])
def test_article_accuracy(scored, name: str):
    _, _, report, _ = scored
    assert name not in report.unpaired, f"no record for {name}"
    figures = report.per_article[name]
    event_f1, actor_f1, relation_recall = MINIMUM[name]
    line = next(x for x in report.text.splitlines() if x.startswith(f"{name}:"))
    assert figures.event_f1 >= event_f1, line
    assert figures.actor_f1 >= actor_f1, line
    assert figures.relation_recall >= relation_recall, line
    assert figures.forbidden == [], line


@pytest.mark.slow
@pytest.mark.parametrize("group", list(GROUPS))
def test_total_accuracy(scored, group: str):
    """TOTAL (the seed and ours, as before), OURS and NEW_TOTAL each meet their minimums."""
    _, _, _, groups = scored
    report = groups[group]
    event_f1, actor_f1, relation_recall = MINIMUM[group]
    total = group_line(group, report)
    assert report.unpaired == []
    assert report.event_f1 >= event_f1, total
    assert report.actor_f1 >= actor_f1, total
    assert report.relation_recall >= relation_recall, total
    assert report.forbidden == [], total


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(TRAPS))
def test_traps_give_few_events(scored, name: str):
    """A football report or quarterly results: no more extracted events than at the first run."""
    _, _, report, _ = scored
    extracted = report.per_article[name].events[3]
    assert extracted <= TRAP_MAXIMUM[name], f"{name}: {extracted} events extracted, none are gold"


@pytest.mark.slow
def test_evaluate_command(scored, tmp_path: Path):
    """`newsgraph evaluate` prints the same TOTAL line and exits 1 when a minimum cannot be met."""
    from newsgraph.graph.cli import main

    records, _, report, _ = scored
    records_path = tmp_path / "records.jsonl"
    records_path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    args = ["evaluate", str(records_path), *map(str, GOLD_PATHS)]

    ok = CliRunner().invoke(main, args)
    assert ok.exit_code == 0, ok.output
    assert total_line(report) in ok.output.splitlines()

    short = CliRunner().invoke(main, [*args, "--min-event-f1", "1.01"])
    assert short.exit_code == 1
    assert any(line.startswith("TOTAL events F1") for line in short.output.splitlines())


# --- PLOVER gold-standard records, development half -----------------------------------------

PLOVER_DEV = ROOT / "tests" / "data" / "plover" / "PLOVER_GSR_dev.json"
# Minimum recall at the three levels and category precision (newsgraph.extract.plover_score), each 0.03
# under the figure measured when it was set (the comment).
PLOVER_MINIMUM: dict[str, float] = {
    "category": 0.70,  # measured 0.73 (0.52 before Extraction II)
    "source": 0.69,  # measured 0.72 (0.49)
    "full": 0.58,  # measured 0.61, 96/157 (0.27, 42/157): category + source + target
    "precision": 0.73,  # measured 0.76, 126/165 (0.59)
}


@pytest.mark.slow
def test_plover_dev_accuracy(tmp_path: Path):
    """The 157 sentences of the PLOVER dev half, each an article as `newsgraph extract` reads it."""
    from newsgraph.extract import plover_score as plover
    from newsgraph.extract.pipeline import Extractor
    from newsgraph.extract.readers import read_article

    golds = list(plover.gold_records(PLOVER_DEV))
    assert len(golds) == 157
    assert plover.main(["split", str(PLOVER_DEV), str(tmp_path)]) == 0
    articles = [read_article(tmp_path / f"{name}.txt") for name, _ in golds]
    records = {
        name: record.to_dict()
        for (name, _), record in zip(golds, Extractor().extract_many(articles), strict=True)
    }
    report = plover.score(golds, records)
    print("\n" + report.line())
    for level, minimum in PLOVER_MINIMUM.items():
        figure = report.precision if level == "precision" else report.recall(level)
        assert figure >= minimum, f"{level}: {report.line()}"
