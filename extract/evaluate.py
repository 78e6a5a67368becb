"""Score extraction records against gold annotations (``newsgraph evaluate``).

A gold file (YAML, one article) says what a careful analyst reads out of an
article: the actors, the CAMEO-coded events, the relations, plus what is also
acceptable and what is plainly wrong. ``tests/gold/*.yaml`` are examples; the
rules are those of the shared ``score_extraction.py`` and the printed lines are
the same, so figures from either tool can be compared; three rules the shared
scorer lacks (keys naming a CAMEO actor code, a spec's ``cameo_code``, traps) only
change figures where a gold file uses them.

A gold file holds:
  article             path (paired with a record by file name, else by title), title,
                      source, optionally published (resolves "on Monday")
  actors              {names: [...], kind, country}: must be found (recall), kind included
  acceptable_actors   right but not required: they do not count against precision
  forbidden_actors    {name | name_contains, kind}: errors a reader notices at once
  events              {id, what, roots: ["19"], source: [keys], target: [keys], modality,
                      negated, date} or {id, what, alternatives: [spec, ...]}
  acceptable_events   specs that are right but not required
  relations           {what, types: [HOLDS_ROLE], source: [keys], target: [keys]}
  acceptable_relations

Matching rules
  key ~ actor   a three-letter upper-case key ("RUS") matches an actor whose
                ``country`` (or ``id``) is that code; any other key matches an
                actor whose name or alias is the same text, ignoring case,
                punctuation, a leading "the" and the possessive 's; a key of six
                or more capitals ("KENCOP", "SYRKUR") also matches an actor whose
                ``cameo_code`` starts with it.
  event ~ spec  the event's CAMEO root is one of the spec's ``roots``, one of its
                sources matches a key of the spec's ``source`` and, where the
                spec names a ``target``, one of its targets matches a key of it.
  recall        a gold event is found when every key of its ``source`` is
                covered by some matching event; ``alternatives`` are tried in turn.
  precision     an extracted event is right when it matches any gold spec or
                ``acceptable_events`` spec on at least one source key.
  modality/date checked on found gold events that state them (``negated``
                counts with modality).
  actors        recall over ``actors`` (name and kind must match); precision over
                extracted actors of the four kinds against ``actors`` and
                ``acceptable_actors``. A spec's ``cameo_code`` counts like a name:
                an actor with that very code fits it ("KENCOP": the Kenyan police,
                whatever the text calls them).
  traps         an article with no gold event has event recall 1, and precision 1
                when nothing (or only acceptable events) was extracted, so its F1
                says whether the extractor kept quiet; the report adds a line
                counting the events extracted from such articles.
  relations     recall over ``relations``; precision over all extracted
                relations against ``relations`` and ``acceptable_relations``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from newsgraph.extract.errors import InputError
from newsgraph.extract.record import ACTOR_KINDS, ArticleRecord

_COUNTRY_CODE = re.compile(r"[A-Z]{3}")
_CAMEO_KEY = re.compile(r"[A-Z]{6,}")  # "KENCOP": a country and a sector, as CAMEO codes an actor


# --- figures -------------------------------------------------------------------------


@dataclass
class Scores:
    """Counts for one article or a total; the ratios are derived from them."""

    events: tuple[int, int, int, int] = (0, 0, 0, 0)  # found, gold, right, extracted
    actors: tuple[int, int, int, int] = (0, 0, 0, 0)
    relations: tuple[int, int, int, int] = (0, 0, 0, 0)
    modality: tuple[int, int] = (0, 0)  # right, checked (negation included)
    date: tuple[int, int] = (0, 0)
    forbidden: list[str] = field(default_factory=list)

    @property
    def event_recall(self) -> float:
        if self.events[1] == 0:  # a trap: nothing to find, nothing missed
            return 1.0
        return _ratio(self.events[0], self.events[1])

    @property
    def event_precision(self) -> float:
        if self.events[1] == 0 and self.events[3] == 0:  # a trap left alone
            return 1.0
        return _ratio(self.events[2], self.events[3])

    @property
    def event_f1(self) -> float:
        return _f1(self.event_precision, self.event_recall)

    @property
    def actor_recall(self) -> float:
        return _ratio(self.actors[0], self.actors[1])

    @property
    def actor_precision(self) -> float:
        return _ratio(self.actors[2], self.actors[3])

    @property
    def actor_f1(self) -> float:
        return _f1(self.actor_precision, self.actor_recall)

    @property
    def relation_recall(self) -> float:
        return _ratio(self.relations[0], self.relations[1])

    @property
    def relation_precision(self) -> float:
        return _ratio(self.relations[2], self.relations[3])

    def __add__(self, other: Scores) -> Scores:
        return Scores(
            events=_add(self.events, other.events),
            actors=_add(self.actors, other.actors),
            relations=_add(self.relations, other.relations),
            modality=_add(self.modality, other.modality),
            date=_add(self.date, other.date),
            forbidden=self.forbidden + other.forbidden,
        )


@dataclass
class Report(Scores):
    """The totals over all gold files, the figures per article and the printed text."""

    per_article: dict[str, Scores] = field(default_factory=dict)
    unpaired: list[str] = field(default_factory=list)  # gold files no record was found for
    text: str = ""


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _f1(precision: float, recall: float) -> float:
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def _add(a: tuple[int, ...], b: tuple[int, ...]) -> Any:
    return tuple(x + y for x, y in zip(a, b, strict=True))


# --- matching ------------------------------------------------------------------------


def norm(text: Any) -> str:
    """Compare names loosely: case, punctuation, a leading "the" and possessive 's do not count."""
    text = unicodedata.normalize("NFKC", str(text)).replace("\u2019", "'").lower()
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^\w\s]", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


class _Extracted:
    """One extraction record, indexed for matching against gold keys."""

    def __init__(self, data: dict[str, Any]):
        # Keyed by id, as the record's actor ids are unique; a repeated id counts once.
        self.actors: dict[Any, dict[str, Any]] = {a.get("id"): a for a in data.get("actors") or []}
        self.events: list[dict[str, Any]] = list(data.get("events") or [])
        self.relations: list[dict[str, Any]] = list(data.get("relations") or [])

    def names(self, actor: dict[str, Any]) -> set[str]:
        return {norm(n) for n in [actor.get("name", ""), *_as_list(actor.get("aliases"))] if n}

    def name_of(self, actor_id: Any) -> Any:
        return self.actors.get(actor_id, {}).get("name", actor_id)

    def key_matches(self, key: Any, actor_id: Any) -> bool:
        actor = self.actors.get(actor_id)
        if actor is None:
            return False
        if _COUNTRY_CODE.fullmatch(str(key)):
            return actor.get("country") == key or actor.get("id") == key
        if _CAMEO_KEY.fullmatch(str(key)) and str(actor.get("cameo_code") or "").startswith(str(key)):
            return True
        return norm(key) in self.names(actor)

    def any_match(self, keys: Iterable[Any], actor_ids: Iterable[Any]) -> bool:
        ids = list(actor_ids)
        return any(self.key_matches(k, a) for k in keys for a in ids)

    def event_fits(self, event: dict[str, Any], spec: dict[str, Any], source_key: Any = None) -> bool:
        """Does the event match the spec (on one source key when given, else on any)?"""
        root = str(event.get("cameo") or "")[:2]
        if root not in [str(r) for r in _as_list(spec.get("roots"))]:
            return False
        keys = [source_key] if source_key else _as_list(spec.get("source"))
        if keys and not self.any_match(keys, _as_list(event.get("source"))):
            return False
        targets = _as_list(spec.get("target"))
        return not targets or self.any_match(targets, _as_list(event.get("target")))

    def fits_on_some_source(self, event: dict[str, Any], spec: dict[str, Any]) -> bool:
        return any(self.event_fits(event, spec, key) for key in _as_list(spec.get("source")) or [None])

    def covering(self, gold_event: dict[str, Any]) -> list[dict[str, Any]] | None:
        """The extracted events that cover a gold event (every source key), or None when missed."""
        for spec in _specs_of(gold_event):
            hits: list[dict[str, Any]] = []
            for key in _as_list(spec.get("source")) or [None]:
                matching = [e for e in self.events if self.event_fits(e, spec, key)]
                if not matching:
                    break
                hits += matching
            else:
                return hits
        return None

    def actor_fits(self, actor: dict[str, Any], spec: dict[str, Any], need_kind: bool) -> bool:
        if need_kind and spec.get("kind") and actor.get("kind") not in _as_list(spec["kind"]):
            return False
        # A country both sides state must agree; one side silent is no conflict.
        if spec.get("country") and actor.get("country") and actor["country"] != spec["country"]:
            return False
        if spec.get("cameo_code") and actor.get("cameo_code") == spec["cameo_code"]:
            return True
        return bool(self.names(actor) & {norm(n) for n in _as_list(spec.get("names"))})

    def relation_fits(self, relation: dict[str, Any], spec: dict[str, Any]) -> bool:
        if relation.get("type") not in _as_list(spec.get("types")):
            return False
        return self.any_match(_as_list(spec.get("source")), [relation.get("source")]) and self.any_match(
            _as_list(spec.get("target")), [relation.get("target")]
        )


def _specs_of(gold_event: dict[str, Any]) -> list[dict[str, Any]]:
    return gold_event.get("alternatives") or [gold_event]


def _is_forbidden(actor: dict[str, Any], rule: dict[str, Any]) -> bool:
    name, kind = str(actor.get("name", "")), actor.get("kind")
    if "kind" in rule and rule["kind"] != kind:
        return False
    if "name" in rule and norm(rule["name"]) != norm(name):
        return False
    if "name_contains" in rule:
        # Gold files write the typographic apostrophe; a straight one in the name counts the same.
        needle = rule["name_contains"]
        if needle not in name.replace("'", "\u2019") and needle not in name:
            return False
    return True


def _forbidden_hits(actors: list[dict[str, Any]], rules: list[dict[str, Any]]) -> list[str]:
    return [
        f"{actor.get('name', '')} ({actor.get('kind')})"
        for actor in actors
        if any(_is_forbidden(actor, rule) for rule in rules)
    ]


# --- scoring one article ---------------------------------------------------------------


def score_article(record: dict[str, Any], gold: dict[str, Any]) -> tuple[Scores, list[str]]:
    """Score one record against its gold; also the miss lines ``-v`` prints."""
    rec = _Extracted(record)
    gold_events = gold.get("events") or []
    missed, modality, date = _event_details(rec, gold_events)
    every_spec = [s for g in gold_events for s in _specs_of(g)] + (gold.get("acceptable_events") or [])
    right = [e for e in rec.events if any(rec.fits_on_some_source(e, s) for s in every_spec)]
    wrong = [e for e in rec.events if e not in right]

    extracted = [a for a in rec.actors.values() if a.get("kind") in ACTOR_KINDS]
    gold_actors = gold.get("actors") or []
    actors_missed = [g for g in gold_actors if not any(rec.actor_fits(a, g, True) for a in extracted)]
    actor_specs = gold_actors + (gold.get("acceptable_actors") or [])
    actors_right = [a for a in extracted if any(rec.actor_fits(a, s, False) for s in actor_specs)]
    actors_wrong = [a for a in extracted if a not in actors_right]

    gold_relations = gold.get("relations") or []
    relations_missed = [g for g in gold_relations if not any(rec.relation_fits(r, g) for r in rec.relations)]
    relation_specs = gold_relations + (gold.get("acceptable_relations") or [])
    relations_right = [r for r in rec.relations if any(rec.relation_fits(r, s) for s in relation_specs)]

    misses = _miss_lines(rec, missed, wrong, actors_missed, actors_wrong, relations_missed)
    scores = Scores(
        events=(len(gold_events) - len(missed), len(gold_events), len(right), len(rec.events)),
        actors=(len(gold_actors) - len(actors_missed), len(gold_actors), len(actors_right), len(extracted)),
        relations=(
            len(gold_relations) - len(relations_missed),
            len(gold_relations),
            len(relations_right),
            len(rec.relations),
        ),
        modality=modality,
        date=date,
        forbidden=_forbidden_hits(extracted, gold.get("forbidden_actors") or []),
    )
    return scores, misses


def _event_details(
    rec: _Extracted, gold_events: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], tuple[int, int], tuple[int, int]]:
    """Gold events no extracted event covers; (right, asked) modality and negation; (right, asked) dates."""
    missed = []
    modality = [0, 0]
    negation = [0, 0]
    date = [0, 0]
    for g in gold_events:
        hits = rec.covering(g)
        if hits is None:
            missed.append(g)
            continue
        if "modality" in g:
            allowed = _as_list(g["modality"])
            modality[0] += any(e.get("modality") in allowed for e in hits)
            modality[1] += 1
        if "negated" in g:
            negation[0] += any(bool(e.get("negated")) == bool(g["negated"]) for e in hits)
            negation[1] += 1
        if "date" in g:
            # A partial gold date ("2022-02") accepts any finer date within it.
            date[0] += any(str(e.get("date") or "").startswith(str(g["date"])) for e in hits)
            date[1] += 1
    return missed, (modality[0] + negation[0], modality[1] + negation[1]), (date[0], date[1])


def _miss_lines(
    rec: _Extracted,
    missed: list[dict[str, Any]],
    wrong: list[dict[str, Any]],
    actors_missed: list[dict[str, Any]],
    actors_wrong: list[dict[str, Any]],
    relations_missed: list[dict[str, Any]],
) -> list[str]:
    """What ``-v`` prints: one line per miss or unexpected find."""
    misses: list[str] = []
    for g in missed:
        misses.append(f"  missed event {g.get('id', '')}: {g.get('what', '')}")
    for e in wrong:
        sources = [rec.name_of(i) for i in _as_list(e.get("source"))]
        targets = [rec.name_of(i) for i in _as_list(e.get("target"))]
        evidence = str((e.get("evidence") or {}).get("text", ""))[:90]
        kind = f"{e.get('cameo')} {e.get('type')}"
        misses.append(f"  unmatched event {kind}: {sources} -> {targets} | {evidence}")
    for g in actors_missed:
        misses.append(f"  missed actor: {g['names'][0]} ({g.get('kind')})")
    for a in actors_wrong:
        misses.append(f"  unexpected actor: {a.get('name')} ({a.get('kind')})")
    for g in relations_missed:
        misses.append(f"  missed relation: {g.get('what', g)}")
    return misses


def pair(records: Sequence[dict[str, Any]], gold: dict[str, Any]) -> dict[str, Any] | None:
    """The record a gold file describes: same file name of ``article.path``, else same title."""
    article = gold.get("article") or {}
    want = Path(str(article.get("path", ""))).name
    if want:
        for record in records:
            if Path(str((record.get("article") or {}).get("path", ""))).name == want:
                return record
    if article.get("title"):
        for record in records:
            if norm((record.get("article") or {}).get("title", "")) == norm(article["title"]):
                return record
    return None


# --- reports -------------------------------------------------------------------------


def article_line(label: str, s: Scores) -> str:
    line = (
        f"{label}: events R {s.events[0]}/{s.events[1]} P {s.events[2]}/{s.events[3]} "
        f"F1 {s.event_f1:.2f} | actors R {s.actors[0]}/{s.actors[1]} "
        f"P {s.actors[2]}/{s.actors[3]} F1 {s.actor_f1:.2f} | relations R "
        f"{s.relations[0]}/{s.relations[1]} P {s.relations[2]}/{s.relations[3]} | "
        f"modality {s.modality[0]}/{s.modality[1]} date {s.date[0]}/{s.date[1]}"
    )
    return line + (f" | forbidden: {', '.join(s.forbidden)}" if s.forbidden else "")


def total_line(r: Report) -> str:
    return (
        f"TOTAL events F1 {r.event_f1:.2f} (R {r.event_recall:.2f} P {r.event_precision:.2f}) | "
        f"actors F1 {r.actor_f1:.2f} (R {r.actor_recall:.2f} P {r.actor_precision:.2f}) | "
        f"relations R {r.relation_recall:.2f} P {r.relation_precision:.2f} | "
        f"modality {r.modality[0]}/{r.modality[1]} | date {r.date[0]}/{r.date[1]} | "
        f"forbidden {len(r.forbidden)} | unpaired {len(r.unpaired)}"
    )


def trap_line(traps: Sequence[Scores]) -> str:
    """The figure of the articles without gold events: how many events were made of them."""
    extracted = sum(s.events[3] for s in traps)
    right = sum(s.events[2] for s in traps)
    count = f"{len(traps)} articles without gold events"
    return f"traps: {count}, {extracted} events extracted ({right} acceptable)"


def _gold_label(gold: dict[str, Any], index: int) -> str:
    article = gold.get("article") or {}
    if article.get("path"):
        return Path(str(article["path"])).stem
    return str(article.get("title") or f"gold {index + 1}")


def score_records(
    records: Sequence[dict[str, Any] | ArticleRecord],
    golds: Sequence[dict[str, Any]],
    verbose: bool = False,
    labels: Sequence[str] | None = None,
) -> Report:
    """Score records (dicts or ArticleRecords) against gold dicts, one block per gold article.

    ``labels`` name the articles in the report (default: the stem of the gold's article path).
    """
    dicts = [r.to_dict() if isinstance(r, ArticleRecord) else r for r in records]
    per_article: dict[str, Scores] = {}
    unpaired: list[str] = []
    lines: list[str] = []
    for index, gold in enumerate(golds):
        label = labels[index] if labels else _gold_label(gold, index)
        record = pair(dicts, gold)
        if record is None:
            # A missing record still counts: its gold items are all missed.
            scores = Scores(
                events=(0, len(gold.get("events") or []), 0, 0),
                actors=(0, len(gold.get("actors") or []), 0, 0),
                relations=(0, len(gold.get("relations") or []), 0, 0),
            )
            unpaired.append(label)
            lines.append(f"{label}: no record for this article")
        else:
            scores, misses = score_article(record, gold)
            if verbose:
                lines += misses
            lines.append(article_line(label, scores))
        per_article[label] = scores
    total = sum(per_article.values(), Scores())
    report = Report(**vars(total), per_article=per_article, unpaired=unpaired)
    traps = [s for label, s in per_article.items() if s.events[1] == 0 and label not in unpaired]
    if traps:  # only gold files without events print it, so other reports match the shared scorer's
        lines.append(trap_line(traps))
    lines.append(total_line(report))
    report.text = "\n".join(lines)
    return report


def read_records(path: str | Path) -> list[dict[str, Any]]:
    """Records from JSON Lines (``newsgraph extract``), a JSON array, or one JSON object."""
    try:
        raw = Path(path).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read records ({exc})") from exc
    if not raw:
        return []
    # A whole document (array, or one pretty-printed object) or else one object per line.
    whole = raw[0] == "[" or (raw[0] == "{" and "\n{" not in raw)
    chunks = (
        [(1, raw)] if whole else [(n, line) for n, line in enumerate(raw.splitlines(), 1) if line.strip()]
    )
    data: list[Any] = []
    for number, chunk in chunks:
        try:
            parsed = json.loads(chunk)
        except json.JSONDecodeError as exc:
            line = exc.lineno if whole else number
            raise InputError(f"{path}: not extraction records (bad JSON at line {line})") from exc
        data += parsed if whole and isinstance(parsed, list) else [parsed]
    if not all(isinstance(r, dict) for r in data):
        raise InputError(f"{path}: not extraction records (expected JSON objects)")
    return data


def read_gold(path: str | Path) -> dict[str, Any]:
    """One gold annotation file (YAML)."""
    try:
        gold = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read gold file ({exc})") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise InputError(f"{path}: not valid YAML{where}") from exc
    if not isinstance(gold, dict):
        raise InputError(f"{path}: a gold file is a YAML mapping (article, actors, events, ...)")
    return gold


def evaluate_files(
    records_path: str | Path, gold_paths: Iterable[str | Path], verbose: bool = False
) -> Report:
    """Score a records file against gold files; articles are named by the gold file names."""
    paths = [Path(p) for p in gold_paths]
    golds = [read_gold(p) for p in paths]
    return score_records(read_records(records_path), golds, verbose=verbose, labels=[p.stem for p in paths])
