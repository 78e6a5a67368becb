"""Score extraction records against PLOVER gold-standard records (``tests/data/plover/``).

The records are one-sentence examples from the CAMEO manual (Open Event Data Alliance, CC BY-SA
4.0), each with one event category in PLOVER 0.5 names, its source actors and, for most, its
target actors. The rules are those of the shared ``score_plover.py``, so figures from either tool
can be compared:

- an extracted event's CAMEO code becomes PLOVER categories through ``data/vendor/cameo_plover.tsv``
  (its own row, else its longest prefix), with the 2016 names the records use: REQUEST is DEMAND,
  ACCUSE is DISAPPROVE (CAMEO 09x: INVESTIGATE), ASSAULT is ASSAULT or FIGHT; CAMEO 02 (appeal)
  is DEMAND, 01 has none; the root 08 heads both CONCEDE and RETREAT in PLOVER's table;
- a record's gold is found at three levels: the category alone; the category and a source actor;
  the category, a source and a target actor (a record without a target needs none);
- an actor fits a gold actor when its id or ``country`` is the gold code's first three letters, or
  its name, an alias or a mention is the gold ``actorText`` (or holds it, or is held by it, for
  names of more than three letters);
- precision: the share of extracted events whose category is the record's.

``python -m newsgraph.extract.plover_score split GOLD.json DIR`` writes one ``.txt`` per record (named by
the record's id, as ``newsgraph extract`` then names the records; two records of the dev half
share an id, so both are scored against the later one's file, as the shared tool does); ``... score GOLD.json
RECORDS.jsonl [-v]`` prints the figures (``-v``: each miss, then recall per category).
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.extract.dictionaries import Plover

RENAME = {"REQUEST": {"DEMAND"}, "ACCUSE": {"DISAPPROVE"}, "ASSAULT": {"ASSAULT", "FIGHT"}}
ROOT_CATEGORIES = {"02": {"DEMAND"}, "08": {"CONCEDE", "RETREAT"}}  # rows the converted table lacks


def categories(cameo: str | None, table: Plover | None = None) -> set[str]:
    """The PLOVER 0.5 categories of a CAMEO code ("1122" -> {"DISAPPROVE"}); empty for 01 or none."""
    code = str(cameo or "")
    if code.startswith("09"):
        return {"INVESTIGATE"}
    if code in ROOT_CATEGORIES or (len(code) > 2 and code[:2] == "02"):
        return set(ROOT_CATEGORIES[code[:2]])
    row = (table or Plover.load()).lookup(code) if len(code) >= 2 else None
    if row is None or row.plover is None:
        return set()
    return set(RENAME.get(row.plover, {row.plover}))


def record_name(record_id: str) -> str:
    """The file stem a record's sentence is written to ("PLOVER-GSR01-AGREE-0001")."""
    return re.sub(r"[^\w.-]", "_", record_id)


def gold_records(path: str | Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """(file stem, record) of every record with a sentence and an event (not the DOCUMENT one)."""
    for record in json.loads(Path(path).read_text(encoding="utf-8")):
        if record.get("text") and record.get("event") and record["event"] != "DOCUMENT":
            yield record_name(record["id"]), record


def fits(gold_actors: Any, actor_ids: Iterable[str], actors: dict[str, dict[str, Any]]) -> bool:
    """Does one of the extracted actors fit one of the gold actors (always, when none is given)?"""
    golds = [g for g in gold_actors or [] if isinstance(g, dict)]
    if not golds:
        return True
    ids = list(actor_ids)
    for gold in golds:
        code = str(gold.get("code", ""))[:3]
        text = str(gold.get("actorText", "")).lower().strip()
        for actor_id in ids:
            actor = actors.get(actor_id, {})
            names = {str(actor.get("name", "")).lower()} | {str(a).lower() for a in actor.get("aliases", [])}
            names |= {str(m.get("text", "")).lower() for m in actor.get("mentions", [])}
            if code and (str(actor_id)[:3] == code or actor.get("country") == code):
                return True
            if text and (text in names or any(text in n or n in text for n in names if len(n) > 3)):
                return True
    return False


@dataclass
class PloverReport:
    """Counts over the records, and the lines ``-v`` prints."""

    records: int = 0
    category: int = 0  # records whose category some event has
    source: int = 0  # ... with a fitting source
    full: int = 0  # ... and a fitting target
    extracted: int = 0
    right: int = 0  # extracted events of the record's category
    per_category: dict[str, list[int]] = field(default_factory=dict)  # category -> [full, records]
    misses: list[str] = field(default_factory=list)

    def recall(self, level: str = "full") -> float:
        return getattr(self, level) / self.records if self.records else 0.0

    @property
    def precision(self) -> float:
        return self.right / self.extracted if self.extracted else 0.0

    def line(self) -> str:
        p, r = self.precision, self.recall()
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return (
            f"PLOVER GSR: {self.records} records | category R {self.recall('category'):.2f} | "
            f"+source R {self.recall('source'):.2f} | +target R {r:.2f} ({self.full}/{self.records}) | "
            f"category P {p:.2f} ({self.right}/{self.extracted}) | F1 {f1:.2f}"
        )


def score(golds: Iterable[tuple[str, dict[str, Any]]], records: dict[str, dict[str, Any]]) -> PloverReport:
    """Score records (by file stem) against gold records (``gold_records``); a missing record has no event."""
    table = Plover.load()
    report = PloverReport()
    for name, gold in golds:
        record = records.get(name, {"actors": [], "events": []})
        actors = {a.get("id"): a for a in record.get("actors", [])}
        events = record.get("events", [])
        want = gold["event"]
        same = [e for e in events if want in categories(e.get("cameo"), table)]
        with_source = [e for e in same if fits(gold.get("source"), e.get("source", []), actors)]
        full = any(fits(gold.get("target"), e.get("target", []), actors) for e in with_source)
        report.records += 1
        report.extracted += len(events)
        report.right += len(same)
        report.category += bool(same)
        report.source += bool(with_source)
        report.full += full
        report.per_category.setdefault(want, [0, 0])
        report.per_category[want][0] += full
        report.per_category[want][1] += 1
        if not full:
            report.misses.append(miss_line(name, gold, events, table))
    return report


def miss_line(name: str, gold: dict[str, Any], events: list[dict[str, Any]], table: Plover) -> str:
    got = [
        (e.get("cameo"), sorted(categories(e.get("cameo"), table)), e.get("source"), e.get("target"))
        for e in events
    ]
    source = [g.get("code") for g in gold.get("source") or [] if isinstance(g, dict)]
    target = [g.get("code") for g in gold.get("target") or [] if isinstance(g, dict)]
    return f"{name}: gold {gold['event']} {source}->{target} got {got}\n   {gold['text'][:150]}"


def read_records(path: str | Path) -> dict[str, dict[str, Any]]:
    """Extraction records of a JSON Lines file by the stem of their article's path."""
    found = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            found[Path(str(record.get("article", {}).get("path", ""))).stem] = record
    return found


def main(argv: list[str]) -> int:
    if len(argv) >= 3 and argv[0] == "split":
        out = Path(argv[2])
        out.mkdir(parents=True, exist_ok=True)
        golds = list(gold_records(argv[1]))
        for name, gold in golds:
            (out / f"{name}.txt").write_text(gold["text"].strip() + "\n", encoding="utf-8")
        print(f"{len(golds)} records written to {out}")
        return 0
    if len(argv) >= 3 and argv[0] == "score":
        report = score(gold_records(argv[1]), read_records(argv[2]))
        if "-v" in argv:
            print("\n".join(report.misses))
            for category, (found, total) in sorted(report.per_category.items()):
                print(f"  {category:12s} {found}/{total}")
        print(report.line())
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
