"""The graph schema, declared once, and the one mapping from an extraction record to graph rows.

Every writer reads this module: the networkx builder (``build.py``), the exports (GraphML/GEXF
attributes, CSV headers, the Cypher script, the HTML view) and the Neo4j loader's parameter rows.
In the spirit of neo4j-graphrag's ``KGWriter``, which writes one typed graph model (nodes with a
label and properties, relationships with a type, two ends and properties) to Neo4j: here
:func:`record_rows` turns one :class:`ArticleRecord` into such :class:`NodeRow` and :class:`RelRow`
lists, and each writer only decides how to store them.

Property types are neo4j-admin's (``string``, ``int``, ``float``, ``boolean``, ``string[]``); the
order of properties is the order of attributes on networkx nodes and of columns in the CSV files.
Labels and relationship types never come from data: actor kinds and quad classes map to the fixed
extra labels below. CAMEO root names are read from the ontology (``extract/data/cameo.tsv``).
The uniqueness constraints of every label are in ``constraints.cypher`` beside this module.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from newsgraph.extract.ontology import Ontology
from newsgraph.extract.plover import plover_of
from newsgraph.extract.record import ACTOR_KINDS, RELATION_TYPES, ArticleRecord, Evidence, slug
from newsgraph.graph.identity import Report, identity_key, state_level


@dataclass(frozen=True)
class NodeType:
    """A node label and its properties (name -> neo4j-admin type), ``id`` first."""

    label: str
    properties: dict[str, str]


@dataclass(frozen=True)
class RelType:
    """A relationship type: its start and end labels and its properties (name -> type)."""

    type: str
    start: str
    end: str
    properties: dict[str, str] = field(default_factory=dict)
    identity: str | None = None  # a property that tells two relationships between the same nodes apart


# Relations (HOLDS_ROLE, PART_OF, MEMBER_OF) keep the evidence of the article that made them.
_RELATION_EVIDENCE = {
    "article": "string",
    "sentence": "string",
    "sentence_index": "int",
    "start": "int",
    "end": "int",
}

# One report of an event: what one article says of it, kept on its REPORTED_IN relationship. The
# record event's own id (``report``), evidence, code, modality, negation, date and place, and its
# actors and links by id (``source_actors`` ... ``responds_to``), so the Event can be derived again from its
# reports; ``identity_key`` and ``identity_targets`` are what identity.py compares.
REPORT_PROPERTIES: dict[str, str] = {
    "report": "string",
    "sentence_index": "int",
    "start": "int",
    "end": "int",
    "sentence": "string",
    "event_type": "string",  # the report's own type, code and weights (`type` names the relationship)
    "cameo": "string",
    "goldstein": "float",
    "quad_class": "int",
    "modality": "string",
    "negated": "boolean",
    "date": "string",
    "date_text": "string",
    "place": "string",
    "confidence": "float",
    "trigger": "string",
    "source_actors": "string[]",  # who acts (SOURCE_OF)
    "target_actors": "string[]",  # who is acted on (TARGETS)
    "involves": "string[]",  # "role:actor id"
    "attributed_to": "string[]",
    "conditional_on": "string[]",  # report ids of the same article
    "responds_to": "string[]",
    "identity_key": "string",
    "identity_targets": "string[]",
}

NODE_TYPES: dict[str, NodeType] = {
    t.label: t
    for t in (
        NodeType(
            "Actor",
            {
                "id": "string",
                "name": "string",
                "kind": "string",
                "country": "string",
                "aliases": "string[]",
                "cameo_code": "string",
            },
        ),
        NodeType(
            "Event",
            {
                "id": "string",
                "identity_key": "string",  # the key its reports share (identity.py)
                "type": "string",
                "cameo": "string",
                "cameo_root": "string",
                "goldstein": "float",
                "quad_class": "int",
                "modality": "string",
                "negated": "boolean",
                "date": "string",
                "date_text": "string",
                "sentence": "string",
                "confidence": "float",
                "trigger": "string",
                # PLOVER beside CAMEO (extract/plover.py): category, mode, contexts of `cameo`
                "plover": "string",
                "plover_mode": "string",
                "plover_context": "string[]",
                # GDELT's NumMentions, NumArticles, NumSources (distinct outlets), and when it was reported
                "mentions": "int",
                "articles": "int",
                "sources": "int",
                "first_reported": "string",
                "last_reported": "string",
            },
        ),
        NodeType(
            "Article",
            {
                "id": "string",
                "title": "string",
                "source": "string",
                "published": "string",
                "url": "string",
                "path": "string",
                "extractor": "string",
            },
        ),
        # Coordinates from the offline gazetteer (extract/places.py); Neo4j adds a `location` point.
        NodeType(
            "Place",
            {
                "id": "string",
                "name": "string",
                "country": "string",
                "admin1": "string",
                "latitude": "float",
                "longitude": "float",
                "feature_id": "string",
                "feature_class": "string",
            },
        ),
    )
}
REL_TYPES: dict[str, RelType] = {
    t.type: t
    for t in (
        RelType("SOURCE_OF", "Actor", "Event"),
        RelType("TARGETS", "Event", "Actor"),
        RelType("INVOLVES", "Event", "Actor", {"role": "string"}, identity="role"),
        RelType("AT", "Event", "Place"),
        RelType("REPORTED_IN", "Event", "Article", REPORT_PROPERTIES, identity="report"),
        RelType("ATTRIBUTED_TO", "Event", "Actor"),
        RelType("CONDITIONAL_ON", "Event", "Event"),
        RelType("RESPONDS_TO", "Event", "Event"),
        RelType("HOLDS_ROLE", "Actor", "Actor", {"title": "string", **_RELATION_EVIDENCE}),
        RelType("PART_OF", "Actor", "Actor", dict(_RELATION_EVIDENCE)),
        RelType("MEMBER_OF", "Actor", "Actor", dict(_RELATION_EVIDENCE)),
        RelType("MENTIONS", "Article", "Actor", {"count": "int"}),
        # Derived, never read from a record: one per ordered actor pair over non-negated events.
        RelType(
            "INTERACTS_WITH",
            "Actor",
            "Actor",
            {"events": "int", "cooperation": "int", "conflict": "int", "goldstein": "float"},
        ),
    )
}
DERIVED_TYPES: tuple[str, ...] = ("INTERACTS_WITH",)


@dataclass(frozen=True)
class PointProperty:
    """A Neo4j ``point`` (WGS-84) a label derives from two of its float properties. Only Neo4j holds
    it (the loader, the CSV import files, the Cypher script): file formats keep the two numbers."""

    name: str
    latitude: str
    longitude: str


POINT_PROPERTIES: dict[str, PointProperty] = {"Place": PointProperty("location", "latitude", "longitude")}
# The Neo4j loader's one bookkeeping node (graph/neo4j/cypher/lock_events.cypher): not part of the
# graph, never exported, left out of counts.
LOCK_LABEL = "LoadLock"
NODE_LABELS: tuple[str, ...] = tuple(NODE_TYPES)
# Views the exporters use: properties and types per label or type, and each type's end labels.
NODE_PROPERTIES: dict[str, dict[str, str]] = {label: t.properties for label, t in NODE_TYPES.items()}
EDGE_PROPERTIES: dict[str, dict[str, str]] = {name: t.properties for name, t in REL_TYPES.items()}
EDGE_ENDS: dict[str, tuple[str, str]] = {name: (t.start, t.end) for name, t in REL_TYPES.items()}


def kind_name(kind: Any) -> str:
    """An actor kind as text, whether the record model gives plain strings or enum members."""
    return str(getattr(kind, "value", kind))


# The extra label of an actor by kind (State ...), from the record model's list of kinds.
KIND_LABELS: dict[str, str] = {kind_name(k): kind_name(k).capitalize() for k in ACTOR_KINDS}
# One fixed label per CAMEO quad class on events (so Neo4j Browser's style can colour them), with
# GDELT's reading of each class.
QUAD_CLASSES: dict[int, tuple[str, str]] = {
    1: ("VerbalCooperation", "verbal cooperation"),
    2: ("MaterialCooperation", "material cooperation"),
    3: ("VerbalConflict", "verbal conflict"),
    4: ("MaterialConflict", "material conflict"),
}
QUAD_LABELS: dict[int, str] = {quad: label for quad, (label, _) in QUAD_CLASSES.items()}
COOPERATION_QUADS = (1, 2)
CONFLICT_QUADS = (3, 4)
GOLDSTEIN_PLACES = 3  # INTERACTS_WITH's mean Goldstein is rounded to this many places


def kind_label(kind: Any) -> str | None:
    return KIND_LABELS.get(kind_name(kind or ""))


def extra_label(data: dict[str, Any]) -> str | None:
    """The second label of a node: its kind for an actor (State ...), its quad class for an event."""
    if data.get("label") == "Actor":
        return kind_label(data.get("kind"))
    if data.get("label") == "Event":
        return QUAD_LABELS.get(data.get("quad_class"))
    return None


def edge_key(rel_type: str, properties: dict[str, Any] | None = None) -> str:
    """The multigraph key of an edge: its type, plus its identity property (INVOLVES' role, a report id)."""
    rel = REL_TYPES.get(rel_type)
    value = (properties or {}).get(rel.identity) if rel and rel.identity else None
    return f"{rel_type}:{value}" if value else rel_type


@cache
def cameo_root_names() -> dict[str, str]:
    """The 20 CAMEO roots by code, named as in cameo.tsv without "(root)": {"01": "make public statement"}."""
    names = {}
    for code in Ontology.load():
        if len(code.code) == 2:
            text = code.description.removesuffix("(root)").strip()
            names[code.code] = text[:1].lower() + text[1:]
    return names


@cache
def constraint_statements() -> tuple[str, ...]:
    """The uniqueness constraint of every label's id (``constraints.cypher``), one statement each."""
    text = resources.files("newsgraph.graph").joinpath("constraints.cypher").read_text(encoding="utf-8")
    return tuple(split_statements(text))


def split_statements(text: str) -> list[str]:
    """Statements of a .cypher file: ``;``-terminated, ``//`` comment lines dropped (no ``;`` in literals)."""
    code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    return [s.strip() for s in code.split(";") if s.strip()]


# --- one record as rows ------------------------------------------------------------------------------


@dataclass(slots=True)
class NodeRow:
    """One node: its label and every schema property (``None`` where the record has no value)."""

    label: str
    properties: dict[str, Any]

    @property
    def id(self) -> str:
        return self.properties["id"]


@dataclass(slots=True)
class RelRow:
    """One relationship between two node ids; ``properties`` holds the schema's, then any extra ones."""

    type: str
    start: str
    end: str
    properties: dict[str, Any] = field(default_factory=dict)  # INVOLVES: its role, part of its identity


@dataclass(slots=True)
class ReportRow:
    """One report: an event as one article tells it (its REPORTED_IN properties, in schema order),
    with what the Event derived from its reports needs of the article (``merge.py``)."""

    article: str  # article id
    published: str | None
    outlet: str | None  # the article's source (the outlet)
    properties: dict[str, Any]

    @property
    def id(self) -> str:
        return self.properties["report"]

    def identity(self) -> Report:
        """What the identity rule reads of this report."""
        p = self.properties
        targets = tuple(p.get("identity_targets") or ())
        return Report(p["report"], p["identity_key"], p["cameo"], targets, p.get("date"), p.get("place"),
                      self.published, p.get("date_text"))  # fmt: skip


@dataclass
class RecordRows:
    """What one record adds to the graph: nodes (article, actors, places), relationships between
    them, and its events as reports (``merge.py`` turns the reports of all records into Events).

    ``problems`` names what the schema cannot hold (a relation type it lacks); the row is left out.
    """

    nodes: list[NodeRow] = field(default_factory=list)
    relationships: list[RelRow] = field(default_factory=list)
    reports: list[ReportRow] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def record_rows(record: ArticleRecord) -> RecordRows:
    """The nodes, relationships and reports of one record, in the order every writer adds them."""
    rows = RecordRows()
    art = record.article
    # Article and Actor properties are the record's fields of the same names, in schema order.
    rows.nodes.append(NodeRow("Article", {k: getattr(art, k, None) for k in NODE_PROPERTIES["Article"]}))
    for actor in record.actors:
        props = {k: getattr(actor, k) for k in NODE_PROPERTIES["Actor"]}
        props["aliases"] = unique(actor.aliases)
        if actor.kind is not None:  # plain text in every writer, whatever type the record model uses
            props["kind"] = kind_name(actor.kind)
        rows.nodes.append(NodeRow("Actor", props))
    rows.nodes += [NodeRow("Place", place) for place in record_places(record)]
    mentions: Counter[str] = Counter()
    for actor in record.actors:
        mentions[actor.id] += max(len(actor.mentions), 1)
    rows.relationships += [RelRow("MENTIONS", art.id, a, {"count": n}) for a, n in mentions.items()]
    countries = {actor.id: actor.country for actor in record.actors}
    rows.reports += [ReportRow(art.id, art.published, art.source, report_properties(record, event, countries))
                     for event in record.events]  # fmt: skip
    for rel in record.relations:
        if rel.type not in RELATION_TYPES:
            rows.problems.append(f"{art.id}: relation type {rel.type!r} is not in the schema")
            continue
        extra = {k: v for k, v in rel.properties.items() if k not in ("type", "role")}
        evidence = relation_evidence(rel.evidence, art.id)
        props = {**dict.fromkeys(EDGE_PROPERTIES[rel.type]), **extra, **evidence}
        rows.relationships.append(RelRow(rel.type, rel.source, rel.target, props))
    return rows


def report_properties(record: ArticleRecord, event: Any, countries: dict[str, str | None]) -> dict[str, Any]:
    """A record event as the properties of its REPORTED_IN relationship (numbers as their schema types)."""
    sources = [state_level(a, countries) for a in event.source]
    key, key_targets = identity_key(event.cameo, sources, [state_level(a, countries) for a in event.target])
    ev = event.evidence
    values = {
        "report": event.id,
        "sentence_index": ev.sentence_index if ev else None,
        "start": ev.start if ev else None,
        "end": ev.end if ev else None,
        "sentence": ev.text if ev else None,
        "event_type": event.type,
        "goldstein": float(event.goldstein),
        "quad_class": int(event.quad_class),
        "negated": bool(event.negated),
        "place": event_place_id(record, event.place) if event.place else None,
        "confidence": float(event.confidence),
        "involves": unique(f"{i.role}:{i.actor}" for i in event.involves),
        "identity_key": key,
        "identity_targets": list(key_targets),
    }
    for name in ("cameo", "modality", "date", "date_text", "trigger"):
        values[name] = getattr(event, name)
    for name in ("attributed_to", "conditional_on", "responds_to"):
        values[name] = unique(getattr(event, name))
    values["source_actors"], values["target_actors"] = unique(event.source), unique(event.target)
    return {name: values[name] for name in REPORT_PROPERTIES}


# Files that hold many articles: their articles share the file's path, so only their url names them.
MANY_ARTICLE_SUFFIXES = (".json", ".jsonl", ".ndjson")


def article_slot(article: Any) -> str | None:
    """What names an article across versions of its text: its url, else the path of a one-article file.

    A record whose slot is already in the graph under another id (the text changed) or with another
    extractor version is a newer reading of that article, and replaces it.
    """
    if article.url:
        return f"url:{article.url}"
    path = article.path
    return f"path:{path}" if path and not path.lower().endswith(MANY_ARTICLE_SUFFIXES) else None


def current_articles(records: Iterable[ArticleRecord]) -> list[ArticleRecord]:
    """One record per article, in first-seen order: a record of an article id seen before with the same
    extractor is dropped (the same article read twice); one with another extractor, or another id
    under the same url or path (:func:`article_slot`), replaces the earlier record."""
    kept: dict[str, ArticleRecord] = {}  # article id -> record, in first-seen order
    slots: dict[str, str] = {}  # slot -> article id
    for record in records:
        art = record.article
        earlier = kept.get(art.id)
        if earlier is not None and earlier.article.extractor == art.extractor:
            continue
        slot = article_slot(art)
        replaced = slots.get(slot) if slot else None
        if replaced is not None and replaced != art.id:
            del kept[replaced]
        kept[art.id] = record
        if slot:
            slots[slot] = art.id
    return list(kept.values())


def place_id(name: str) -> str:
    return f"place:{slug(name)}"


def record_places(record: ArticleRecord) -> list[dict[str, Any]]:
    """Declared places, plus a Place for every event place given only as a name (as Place properties)."""
    declared = [{k: p.get(k) for k in NODE_PROPERTIES["Place"]} for p in record.places if p.get("id")]
    known = {p["id"] for p in declared}
    for event in record.events:
        if event.place and event.place not in known:
            declared.append({**dict.fromkeys(NODE_PROPERTIES["Place"]), "id": place_id(event.place),
                             "name": event.place})  # fmt: skip
            known.add(event.place)
    return declared


def plover_properties(cameo: str | None) -> dict[str, Any]:
    """An event's PLOVER properties, from its CAMEO code (``extract/plover.py`` decides 01 and 02)."""
    coding = plover_of(cameo)
    return {"plover": coding.category, "plover_mode": coding.mode, "plover_context": list(coding.context)}


def event_place_id(record: ArticleRecord, place: str) -> str:
    """An event place is a declared place id, or else a name that :func:`record_places` made one of."""
    return place if any(p.get("id") == place for p in record.places) else place_id(place)


def relation_evidence(evidence: Evidence | None, article_id: str) -> dict[str, Any]:
    """The evidence a relation edge keeps: its article, and the sentence and span when known."""
    return {
        "article": article_id,
        "sentence": evidence.text if evidence else None,
        "sentence_index": evidence.sentence_index if evidence else None,
        "start": evidence.start if evidence else None,
        "end": evidence.end if evidence else None,
    }


def unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
