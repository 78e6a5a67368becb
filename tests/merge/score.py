"""Pairwise merge precision and recall of extracted reports against ``tests/merge/gold.yaml``.

The rules are written down in ``tests/merge/README.md``; in short:

1. Each gold report is mapped to at most one extracted report: one from the same article whose
   evidence sentence contains the gold evidence substring. Among several, one whose CAMEO root is
   the gold root comes first, then one with an acceptable root, then any other; an extracted
   report stands for at most one gold report (greedy, best rank first, then gold order, then
   extraction order).
2. Over every pair of gold reports: both mapped, same gold event, same merged event -> true
   positive; both mapped, different gold events, same merged event -> false positive; same gold
   event but not merged, or either report unmapped -> false negative.
3. precision = TP / (TP + FP), 1.0 when nothing was merged (no claim, no error);
   recall = TP / all same-event pairs (unmapped reports lose their pairs);
   coverage = mapped gold reports / gold reports, and ``mapped_recall`` = TP / same-event pairs
   with both ends mapped, so extraction misses and merge misses can be told apart.

``score`` is pure (no files read); ``load_gold`` and the command line read files. Run it on the
output of ``newsgraph extract``::

    .venv/bin/newsgraph extract tests/merge/articles -o /tmp/merge.jsonl
    .venv/bin/python tests/merge/score.py /tmp/merge.jsonl [--merged ids.json]

``--merged`` is a JSON object {record event id: merged event id}; without it every extracted
event is its own merged event (what newsgraph did before issue 12). ``--merge`` builds newsgraph's
graph from the records (``newsgraph.graph.build``: the merge rule of issue 12) and scores its
events. ``--oracle`` scores the merge rule alone, on the gold's own reports (the gold's code, acting
and acted-on states, the date its words resolve to with newsgraph's date resolver, its article's
publication date): what the rule does when the extraction is right.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path, PurePath
from typing import Any, NamedTuple

import yaml

GOLD = Path(__file__).with_name("gold.yaml")
ARTICLES = Path(__file__).with_name("articles")


# --- gold -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldReport:
    event: str
    article: str  # file name in tests/merge/articles
    evidence: str  # exact substring of the reporting sentence
    roots: tuple[str, ...]  # the event's CAMEO root first, then its acceptable roots


@dataclass(frozen=True)
class Gold:
    events: dict[str, dict[str, Any]]  # id -> the event as written in gold.yaml
    reports: tuple[GoldReport, ...]
    must_not_merge: tuple[tuple[str, str], ...]

    def same_pairs(self) -> int:
        """How many pairs of gold reports are reports of one event."""
        return sum(1 for a, b in combinations(self.reports, 2) if a.event == b.event)


def parse_gold(data: Mapping[str, Any]) -> Gold:
    """The gold of a parsed gold.yaml (pure: the tests build small golds with it)."""
    events: dict[str, dict[str, Any]] = {}
    reports: list[GoldReport] = []
    for event in data.get("events") or []:
        events[event["id"]] = event
        roots = (str(event["root"]), *(str(r) for r in event.get("acceptable_roots") or []))
        for report in event.get("reports") or []:
            reports.append(GoldReport(event["id"], report["article"], report["evidence"], roots))
    pairs = tuple(tuple(entry["pair"]) for entry in data.get("must_not_merge") or [])
    return Gold(events, tuple(reports), pairs)  # type: ignore[arg-type]


def load_gold(path: str | Path = GOLD) -> Gold:
    return parse_gold(yaml.safe_load(Path(path).read_text(encoding="utf-8")))


# --- extracted reports ------------------------------------------------------------------------


class Extracted(NamedTuple):
    """One extracted report, as the scorer needs it."""

    article: str  # the article's path or file name, or its id when ``article_names`` maps it
    evidence: str | tuple[int, int]  # the evidence sentence, or its (start, end) in the article text
    event: str  # the merged event it belongs to: reports with the same id were merged
    cameo: str | None = None  # its CAMEO code, to choose among reports of one sentence


# --- the score ----------------------------------------------------------------------------------


@dataclass
class MergeScore:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    same_pairs: int = 0  # gold pairs of reports of one event
    mapped_same_pairs: int = 0  # of those, pairs whose two reports are both mapped
    reports: int = 0  # gold reports
    mapped: int = 0  # gold reports mapped to an extracted report
    root_mismatches: int = 0  # mapped with a CAMEO root outside the gold's roots
    near_misses_merged: list[tuple[str, str]] = field(default_factory=list)
    mapping: dict[int, int] = field(default_factory=dict)  # gold report index -> extracted index

    @property
    def precision(self) -> float:
        claimed = self.true_positives + self.false_positives
        return self.true_positives / claimed if claimed else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.same_pairs if self.same_pairs else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def coverage(self) -> float:
        return self.mapped / self.reports if self.reports else 1.0

    @property
    def mapped_recall(self) -> float:
        return self.true_positives / self.mapped_same_pairs if self.mapped_same_pairs else 1.0

    def lines(self) -> list[str]:
        near = ", ".join(f"{a}+{b}" for a, b in self.near_misses_merged) or "none"
        return [
            f"merge precision {self.precision:.3f} ({self.true_positives} of "
            f"{self.true_positives + self.false_positives} merged pairs right)",
            f"merge recall    {self.recall:.3f} ({self.true_positives} of {self.same_pairs} "
            f"same-event pairs)",
            f"coverage        {self.coverage:.3f} ({self.mapped} of {self.reports} gold reports mapped, "
            f"{self.root_mismatches} with another CAMEO root)",
            f"mapped recall   {self.mapped_recall:.3f} ({self.true_positives} of {self.mapped_same_pairs} "
            f"same-event pairs with both reports mapped)",
            f"near-misses merged: {len(self.near_misses_merged)} ({near})",
        ]


def score(
    extracted: Iterable[Sequence[Any]],
    gold: Gold,
    article_names: Mapping[str, str] | None = None,
    texts: Mapping[str, str] | None = None,
) -> MergeScore:
    """Pairwise merge precision and recall of ``extracted`` against ``gold``.

    ``extracted``: (article, evidence, merged event id[, cameo]) tuples or :class:`Extracted`.
    ``article_names``: article id (or any key) -> gold file name, for reports keyed by id.
    ``texts``: gold file name -> article text, needed only when evidence is a (start, end) span.
    """
    items = [Extracted(*item) for item in extracted]
    names = article_names or {}
    keyed = [(_article_name(item.article, names), item) for item in items]
    sentences = [_sentence(name, item.evidence, texts) for name, item in keyed]

    candidates: list[tuple[int, int, int]] = []  # (rank, gold index, extracted index)
    for g, report in enumerate(gold.reports):
        for x, (name, item) in enumerate(keyed):
            if name == report.article and report.evidence in sentences[x]:
                candidates.append((_rank(item.cameo, report.roots), g, x))
    result = MergeScore(reports=len(gold.reports))
    used: set[int] = set()
    for rank, g, x in sorted(candidates):
        if g in result.mapping or x in used:
            continue
        result.mapping[g] = x
        used.add(x)
        result.root_mismatches += rank == 2
    result.mapped = len(result.mapping)

    def merged_id(g: int) -> str | None:
        x = result.mapping.get(g)
        return None if x is None else items[x].event

    for g1, g2 in combinations(range(len(gold.reports)), 2):
        same = gold.reports[g1].event == gold.reports[g2].event
        m1, m2 = merged_id(g1), merged_id(g2)
        both = m1 is not None and m2 is not None
        merged = both and m1 == m2
        result.same_pairs += same
        result.mapped_same_pairs += same and both
        if same and merged:
            result.true_positives += 1
        elif same:
            result.false_negatives += 1
        elif merged:
            result.false_positives += 1

    for a, b in gold.must_not_merge:
        ids_a = {merged_id(g) for g, r in enumerate(gold.reports) if r.event == a} - {None}
        ids_b = {merged_id(g) for g, r in enumerate(gold.reports) if r.event == b} - {None}
        if ids_a & ids_b:
            result.near_misses_merged.append((a, b))
    return result


def _article_name(article: str, names: Mapping[str, str]) -> str:
    return names.get(article) or PurePath(article).name


def _sentence(name: str, evidence: str | tuple[int, int], texts: Mapping[str, str] | None) -> str:
    if isinstance(evidence, str):
        return evidence
    if texts is None or name not in texts:
        raise ValueError(f"{name}: evidence given as a span, but no article text to read it from")
    start, end = evidence
    return texts[name][start:end]


def _rank(cameo: str | None, roots: tuple[str, ...]) -> int:
    root = (cameo or "")[:2]
    if root == roots[0]:
        return 0
    return 1 if root in roots[1:] else 2


# --- command line ------------------------------------------------------------------------------


def records_to_reports(path: str | Path, merged: Mapping[str, str] | None = None) -> list[Extracted]:
    """The events of ``newsgraph extract`` output as reports; ``merged``: event id -> merged id."""
    from newsgraph.extract.record import read_jsonl

    reports = []
    for record in read_jsonl(path):
        for event in record.events:
            if event.evidence is None:
                continue
            article = record.article.path or record.article.id
            event_id = (merged or {}).get(event.id, event.id)
            reports.append(Extracted(article, event.evidence.text, event_id, event.cameo))
    return reports


def graph_reports(path: str | Path) -> list[Extracted]:
    """The reports of the graph newsgraph builds from ``newsgraph extract`` output: one per
    REPORTED_IN relationship, its event the merged Event it belongs to."""
    from newsgraph.extract.record import read_jsonl
    from newsgraph.graph.build import build_graph

    graph = build_graph(read_jsonl(path))
    reports = []
    for event, article, data in graph.edges(data=True):
        if data["type"] == "REPORTED_IN" and data.get("sentence"):
            name = graph.nodes[article].get("path") or article
            reports.append(Extracted(name, data["sentence"], event, data.get("cameo")))
    return reports


def oracle_reports(gold_data: Mapping[str, Any], articles: Path = ARTICLES) -> list[Extracted]:
    """The gold's own reports, merged by newsgraph's identity rule (``newsgraph.graph.identity``)."""
    from newsgraph.extract.dates import resolve_date
    from newsgraph.extract.readers import read_article
    from newsgraph.graph.identity import Report, cluster_reports, identity_key

    published: dict[str, str | None] = {}
    reports: list[tuple[Report, str, str]] = []
    for event in gold_data["events"]:
        code = str(event.get("cameo") or event["root"] + "0")
        key, targets = identity_key(code, event["source"], event["target"])
        for number, report in enumerate(event["reports"]):
            name = report["article"]
            if name not in published:
                published[name] = read_article(articles / name).published
            words = report.get("date_text")
            date = report.get("stated_date") or (resolve_date(words, published[name]) if words else None)
            identity = Report(
                f"{event['id']}#{number}", key, code, targets, date, None, published[name], words
            )
            reports.append((identity, name, report["evidence"]))
    event_of = cluster_reports(r for r, _, _ in reports)
    return [Extracted(name, evidence, event_of[r.id], r.code) for r, name, evidence in reports]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Pairwise merge precision and recall on tests/merge.")
    parser.add_argument("records", nargs="?", help="JSON Lines from `newsgraph extract tests/merge/articles`")
    parser.add_argument("--merged", help="JSON object {event id: merged event id}")
    parser.add_argument("--merge", action="store_true", help="score the events of newsgraph's merged graph")
    parser.add_argument(
        "--oracle", action="store_true", help="score the merge rule on the gold's own reports"
    )
    parser.add_argument("--gold", default=str(GOLD))
    args = parser.parse_args(argv)
    gold = load_gold(args.gold)
    if args.oracle:
        reports = oracle_reports(yaml.safe_load(Path(args.gold).read_text(encoding="utf-8")))
    elif args.records is None:
        parser.error("give RECORDS, or --oracle")
    elif args.merge:
        reports = graph_reports(args.records)
    else:
        merged = json.loads(Path(args.merged).read_text(encoding="utf-8")) if args.merged else None
        reports = records_to_reports(args.records, merged)
    print("\n".join(score(reports, gold).lines()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
