"""The extraction record: the one model every room of newsgraph speaks.

An :class:`ArticleRecord` is what the extractor makes of one article and what the
graph builder, the exporters and the Neo4j loader read. Its JSON form is the
contract of docs/design.md section 3 (one object per line in ``newsgraph extract``
output); ``to_dict``/``from_dict`` round-trip it losslessly.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from enum import Enum
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Literal


class ActorKind(str, Enum):
    """What an actor is. Members compare equal to their plain strings, and records store the plain
    string (``Actor.kind``), so the JSON is unchanged: ``actor.kind == ActorKind.STATE``."""

    STATE = "state"
    PERSON = "person"
    ORGANIZATION = "organization"
    GROUP = "group"

    # plain-string behaviour on every Python the project supports (3.10 to 3.12 differ)
    __hash__ = str.__hash__

    def __str__(self) -> str:
        return self.value

    def __format__(self, spec: str) -> str:
        return format(self.value, spec)


Modality = Literal["asserted", "planned", "conditional", "hypothetical", "reported"]

ACTOR_KINDS: tuple[str, ...] = tuple(kind.value for kind in ActorKind)
ID_PREFIXES = {  # actor ids are "prefix:slug" (states without an ISO3 code too)
    ActorKind.STATE: "state",
    ActorKind.PERSON: "person",
    ActorKind.ORGANIZATION: "org",
    ActorKind.GROUP: "group",
}
MODALITIES: tuple[str, ...] = ("asserted", "planned", "conditional", "hypothetical", "reported")
RELATION_TYPES: tuple[str, ...] = ("HOLDS_ROLE", "PART_OF", "MEMBER_OF")


@dataclass
class Article:
    id: str
    title: str | None = None
    source: str | None = None
    published: str | None = None
    url: str | None = None
    path: str | None = None
    extractor: str | None = None  # the extractor that made the record (extract/version.py)
    text: str = ""  # the article text as read; offsets index it. Not written to JSON unless asked.


@dataclass
class Mention:
    start: int
    end: int
    text: str


@dataclass
class Actor:
    id: str
    name: str
    kind: str
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    cameo_code: str | None = None
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Evidence:
    sentence_index: int
    start: int
    end: int
    text: str


@dataclass
class Involvement:
    actor: str
    role: str


@dataclass
class Event:
    id: str
    type: str
    cameo: str
    goldstein: float
    quad_class: int
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    involves: list[Involvement] = field(default_factory=list)
    modality: str = "asserted"
    negated: bool = False
    date: str | None = None
    date_text: str | None = None
    place: str | None = None
    attributed_to: list[str] = field(default_factory=list)
    conditional_on: list[str] = field(default_factory=list)
    responds_to: list[str] = field(default_factory=list)
    evidence: Evidence | None = None
    confidence: float = 0.5
    trigger: str | None = None  # the word that coded the event ("seizing", "invasion")
    condition: str | None = None  # the if-clause of a conditional event, as written
    # PLOVER beside CAMEO (extract/plover.py): category, mode and contexts of ``cameo``
    plover: str | None = None
    plover_mode: str | None = None
    plover_context: list[str] = field(default_factory=list)

    @property
    def cameo_root(self) -> str:
        return self.cameo[:2]


@dataclass
class Relation:
    type: str
    source: str
    target: str
    properties: dict[str, Any] = field(default_factory=dict)
    evidence: Evidence | None = None


@dataclass
class ArticleRecord:
    article: Article
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def actor(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    # --- JSON -----------------------------------------------------------------

    def to_dict(self, with_text: bool = False) -> dict[str, Any]:
        data = plain(self)  # asdict's deep copies cost a third of writing a record
        if not with_text:
            data["article"].pop("text", None)
        return data

    def to_json(self, with_text: bool = False) -> str:
        """The record's JSON line: the same text as ``json.dumps(self.to_dict(with_text))``, written
        by the json encoder straight from the objects (no plain copy of the record made first)."""
        article = vars(self.article)
        if not with_text:
            article = {k: v for k, v in article.items() if k != "text"}
        return json.dumps({**vars(self), "article": article}, default=_fields, ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ArticleRecord:
        return cls(
            article=_build(Article, data["article"]),
            actors=[
                _build(Actor, a, mentions=[_build(Mention, m) for m in a.get("mentions") or []])
                for a in data.get("actors") or []
            ],
            events=[
                _build(
                    Event,
                    e,
                    involves=[_build(Involvement, i) for i in e.get("involves") or []],
                    evidence=_build(Evidence, e["evidence"]) if e.get("evidence") else None,
                )
                for e in data.get("events") or []
            ],
            relations=[
                _build(Relation, r, evidence=_build(Evidence, r["evidence"]) if r.get("evidence") else None)
                for r in data.get("relations") or []
            ],
            places=list(data.get("places") or []),
            warnings=list(data.get("warnings") or []),
        )

    @classmethod
    def from_json(cls, line: str) -> ArticleRecord:
        return cls.from_dict(json.loads(line))


_LEAVES = frozenset({str, int, float, bool, type(None)})  # JSON leaves by exact type: one set lookup


def plain(value: Any) -> Any:
    """A record object as plain JSON data; like ``dataclasses.asdict`` without its deep copies."""
    kind = type(value)
    if kind in _LEAVES:  # most values are leaves: answer them first, without a call per field
        return value
    if kind is list:
        return [v if type(v) in _LEAVES else plain(v) for v in value]
    if kind is dict:
        return {k: v if type(v) in _LEAVES else plain(v) for k, v in value.items()}
    if value is None or isinstance(value, str | int | float):  # subclasses (ActorKind) stay as they are
        return value
    if hasattr(value, "__dataclass_fields__"):
        return {k: v if type(v) in _LEAVES else plain(v) for k, v in vars(value).items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def _fields(value: Any) -> dict[str, Any]:
    """The json encoder's hook in ``to_json``: a record object is its fields, as ``plain`` has it."""
    if hasattr(value, "__dataclass_fields__"):
        return vars(value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


@lru_cache(maxsize=8192)  # the rules make the ids of an article's names again and again
def slug(text: str) -> str:
    """A stable, readable id part: "Maria Zakharova" -> "maria-zakharova"."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def actor_id(kind: str, name: str, iso3: str | None = None) -> str:
    """Deterministic actor ids: a state is its ISO 3166 alpha-3 code, others ``kind:slug``."""
    if kind == ActorKind.STATE and iso3:
        return iso3
    prefix = ID_PREFIXES.get(kind)  # a plain string finds its ActorKind key (same hash, equal)
    return f"{prefix or ID_PREFIXES[ActorKind(kind)]}:{slug(name)}"  # ActorKind(kind): ValueError if unknown


@cache
def _field_names(kind: type) -> frozenset[str]:
    return frozenset(f.name for f in fields(kind))  # once per class: a record builds thousands of objects


def _build(kind: type, data: dict[str, Any], **nested: Any) -> Any:
    """Build a dataclass from a dict, ignoring keys the class does not know."""
    names = _field_names(kind)
    if data.keys() <= names:  # the usual case: nothing to leave out
        return kind(**{**data, **nested})
    values = {k: v for k, v in data.items() if k in names}
    values.update(nested)
    return kind(**values)


def write_jsonl(records: Iterable[ArticleRecord], path: str | Path) -> int:
    """Write records as JSON Lines, one per article, as they come; returns how many."""
    count = 0
    with open(path, "w", encoding="utf-8") as out:
        for record in records:
            out.write(record.to_json() + "\n")
            count += 1
    return count


def read_jsonl(path: str | Path) -> Iterator[ArticleRecord]:
    """Read records written by :func:`write_jsonl` (or ``newsgraph extract``)."""
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                yield ArticleRecord.from_json(line)
            except (ValueError, KeyError, TypeError) as exc:
                raise ValueError(f"{path}:{number}: not an extraction record ({exc})") from exc
