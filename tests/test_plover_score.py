"""The PLOVER scorer (newsgraph.extract.plover_score) on records written out by hand; the real extractor on
the dev half is in tests/test_accuracy.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.extract import plover_score as plover

DEV = Path(__file__).resolve().parent / "data" / "plover" / "PLOVER_GSR_dev.json"


@pytest.mark.parametrize(
    ("cameo", "expected"),
    [
        ("1122", {"DISAPPROVE"}),  # ACCUSE is DISAPPROVE in the records' 2016 names
        ("090", {"INVESTIGATE"}),  # ... but CAMEO 09x is INVESTIGATE
        ("0214", {"DEMAND"}),  # appeals (02) are DEMAND, though PLOVER's table drops them
        ("100", {"DEMAND"}),  # REQUEST is DEMAND
        ("010", set()),  # statements have no category
        ("190", {"ASSAULT", "FIGHT"}),
        ("08", {"CONCEDE", "RETREAT"}),  # PLOVER's table heads 08 with both
        ("087", {"RETREAT"}),
        ("176", {"COERCE"}),  # no row of its own: its longest prefix's
        ("", set()),
        (None, set()),
    ],
)
def test_categories(cameo, expected):
    assert plover.categories(cameo) == expected


def test_record_name_and_gold_records():
    assert plover.record_name("PLOVER-GSR01/AGREE 0001") == "PLOVER-GSR01_AGREE_0001"
    golds = list(plover.gold_records(DEV))
    assert len(golds) == 157  # the DOCUMENT record is no example
    assert all(g["event"] != "DOCUMENT" and g["text"] for _, g in golds)


ACTORS = {
    "SDN": {"id": "SDN", "name": "Sudan", "aliases": [], "mentions": []},
    "person:omar-al-bashir": {"id": "person:omar-al-bashir", "name": "Omar al-Bashir", "country": "SDN"},
    "org:un": {"id": "org:un", "name": "United Nations", "aliases": ["UN"], "mentions": [{"text": "U.N."}]},
}


def test_fits_by_code_country_and_text():
    assert plover.fits([], ["org:un"], ACTORS)  # no gold actor: anything fits
    assert plover.fits([{"code": "SDNGOV"}], ["SDN"], ACTORS)  # the id's first three letters
    assert plover.fits([{"code": "SDN"}], ["person:omar-al-bashir"], ACTORS)  # the actor's country
    assert plover.fits([{"code": "IGO", "actorText": "U.N."}], ["org:un"], ACTORS)  # a mention
    assert plover.fits([{"code": "IGO", "actorText": "the United Nations"}], ["org:un"], ACTORS)  # held
    assert not plover.fits([{"code": "IGO", "actorText": "NATO"}], ["org:un", "SDN"], ACTORS)
    assert not plover.fits([{"code": "SDN"}], [], ACTORS)


def gold(event: str, source: str, target: str | None) -> dict:
    return {
        "event": event,
        "text": "A sentence.",
        "source": [{"code": source}],
        "target": [{"code": target}] if target else [],
    }


def test_score_counts_three_levels_and_precision():
    golds = [
        ("a", gold("REJECT", "SDN", "IGO")),  # category and source, not the target
        ("b", gold("DEMAND", "SDN", None)),  # no target needed: found in full
        ("c", gold("ASSAULT", "IGO", "SDN")),  # wrong category
        ("d", gold("AGREE", "SDN", None)),  # no record at all
    ]
    event = {"cameo": "120", "source": ["SDN"], "target": ["person:omar-al-bashir"]}
    records = {
        "a": {"actors": list(ACTORS.values()), "events": [event]},
        "b": {
            "actors": list(ACTORS.values()),
            "events": [{"cameo": "0214", "source": ["person:omar-al-bashir"]}],
        },
        "c": {"actors": list(ACTORS.values()), "events": [{"cameo": "111", "source": ["org:un"]}]},
    }
    report = plover.score(golds, records)
    assert (report.records, report.category, report.source, report.full) == (4, 2, 2, 1)
    assert (report.right, report.extracted) == (2, 3)
    assert report.per_category == {"REJECT": [0, 1], "DEMAND": [1, 1], "ASSAULT": [0, 1], "AGREE": [0, 1]}
    assert len(report.misses) == 3 and report.misses[0].startswith("a: gold REJECT ['SDN']->['IGO']")
    assert report.line().startswith(
        "PLOVER GSR: 4 records | category R 0.50 | +source R 0.50 | +target R 0.25"
    )


def test_split_and_score_commands(tmp_path: Path, capsys):
    assert plover.main(["split", str(DEV), str(tmp_path / "in")]) == 0
    files = sorted((tmp_path / "in").glob("*.txt"))
    assert len(files) == 156  # two records share the id COERCE-0004: the later one's file stays
    name = files[0].stem
    text = files[0].read_text(encoding="utf-8").strip()
    wanted = next(g for n, g in plover.gold_records(DEV) if n == name)
    assert text == wanted["text"].strip()
    records = tmp_path / "records.jsonl"
    records.write_text(json.dumps({"article": {"path": str(files[0])}, "actors": [], "events": []}) + "\n")
    capsys.readouterr()
    assert plover.main(["score", str(DEV), str(records), "-v"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1].startswith("PLOVER GSR: 157 records | category R 0.00")
    assert any(line.startswith(f"{name}: gold ") for line in out)
    assert plover.main([]) == 2
