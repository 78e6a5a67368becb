"""Extraction records to one networkx MultiDiGraph (DESIGN.md section 3), plus plain analytics over it.

Node ids are the record ids, so the same actor seen in several articles is one node: its aliases are
the union in order of appearance, and the first non-null ``country``/``cameo_code`` wins (the Neo4j
loader applies the same rules, so both graphs agree). Edge keys are the relationship type (plus the
role for ``INVOLVES``), so adding the same fact twice never makes a second edge.

``INTERACTS_WITH`` is derived: one edge per ordered (source, target) actor pair over every event
that is not negated, with ``events``, ``cooperation`` (quad classes 1-2), ``conflict`` (3-4) and
``goldstein`` (the mean Goldstein weight, rounded to 3 places).
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

import networkx as nx

from newsgraph.extract.record import RELATION_TYPES, ArticleRecord, Evidence, slug

log = logging.getLogger(__name__)

NODE_LABELS: tuple[str, ...] = ("Actor", "Event", "Article", "Place")
KIND_LABELS: dict[str, str] = {
    "state": "State",
    "person": "Person",
    "organization": "Organization",
    "group": "Group",
}
# The 20 CAMEO root categories, for readable summaries.
CAMEO_ROOTS: dict[str, str] = {
    "01": "make public statement",
    "02": "appeal",
    "03": "express intent to cooperate",
    "04": "consult",
    "05": "engage in diplomatic cooperation",
    "06": "engage in material cooperation",
    "07": "provide aid",
    "08": "yield",
    "09": "investigate",
    "10": "demand",
    "11": "disapprove",
    "12": "reject",
    "13": "threaten",
    "14": "protest",
    "15": "exhibit force posture",
    "16": "reduce relations",
    "17": "coerce",
    "18": "assault",
    "19": "fight",
    "20": "use unconventional mass violence",
}
# The fixed schema (DESIGN.md section 3): property names and neo4j-admin types per node label and
# relationship type, and each relationship type's end labels. Exporters read these; relation
# properties beyond them (from ``Relation.properties``) are written as strings.
NODE_PROPERTIES: dict[str, dict[str, str]] = {
    "Actor": {
        "id": "string",
        "name": "string",
        "kind": "string",
        "country": "string",
        "aliases": "string[]",
        "cameo_code": "string",
    },
    "Event": {
        "id": "string",
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
    },
    "Article": {
        "id": "string",
        "title": "string",
        "source": "string",
        "published": "string",
        "url": "string",
        "path": "string",
    },
    "Place": {"id": "string", "name": "string", "country": "string"},
}
_RELATION_PROPERTIES = {
    "article": "string",
    "sentence": "string",
    "sentence_index": "int",
    "start": "int",
    "end": "int",
}
EDGE_PROPERTIES: dict[str, dict[str, str]] = {
    "SOURCE_OF": {},
    "TARGETS": {},
    "INVOLVES": {"role": "string"},
    "AT": {},
    "REPORTED_IN": {"sentence_index": "int", "start": "int", "end": "int"},
    "ATTRIBUTED_TO": {},
    "CONDITIONAL_ON": {},
    "RESPONDS_TO": {},
    "HOLDS_ROLE": {"title": "string", **_RELATION_PROPERTIES},
    "PART_OF": _RELATION_PROPERTIES,
    "MEMBER_OF": _RELATION_PROPERTIES,
    "MENTIONS": {"count": "int"},
    "INTERACTS_WITH": {"events": "int", "cooperation": "int", "conflict": "int", "goldstein": "float"},
}
EDGE_ENDS: dict[str, tuple[str, str]] = {
    "SOURCE_OF": ("Actor", "Event"),
    "TARGETS": ("Event", "Actor"),
    "INVOLVES": ("Event", "Actor"),
    "AT": ("Event", "Place"),
    "REPORTED_IN": ("Event", "Article"),
    "ATTRIBUTED_TO": ("Event", "Actor"),
    "CONDITIONAL_ON": ("Event", "Event"),
    "RESPONDS_TO": ("Event", "Event"),
    "HOLDS_ROLE": ("Actor", "Actor"),
    "PART_OF": ("Actor", "Actor"),
    "MEMBER_OF": ("Actor", "Actor"),
    "MENTIONS": ("Article", "Actor"),
    "INTERACTS_WITH": ("Actor", "Actor"),
}
COOPERATION_QUADS = (1, 2)
CONFLICT_QUADS = (3, 4)
GOLDSTEIN_PLACES = 3


def edge_key(rel_type: str, role: str | None = None) -> str:
    """The multigraph key of an edge: its type, plus the role for INVOLVES."""
    return f"{rel_type}:{role}" if role else rel_type


def place_id(name: str) -> str:
    return f"place:{slug(name)}"


def kind_label(kind: str | None) -> str | None:
    return KIND_LABELS.get(kind or "")


# One fixed label per CAMEO quad class on events, so Neo4j Browser's style can colour them.
QUAD_LABELS = {1: "VerbalCooperation", 2: "MaterialCooperation", 3: "VerbalConflict", 4: "MaterialConflict"}


def extra_label(data: dict[str, Any]) -> str | None:
    """The second label of a node: its kind for an actor (State ...), its quad class for an event."""
    if data.get("label") == "Actor":
        return kind_label(data.get("kind"))
    if data.get("label") == "Event":
        return QUAD_LABELS.get(data.get("quad_class"))
    return None


def build_graph(records: Iterable[ArticleRecord]) -> nx.MultiDiGraph:
    """Merge records into one graph: nodes first over all records, then edges, then INTERACTS_WITH.

    Nodes come first so that a reference to an event or actor of a later article still resolves;
    references to ids no record defines are skipped (logged), never invented. A record whose article
    id was seen before is skipped, as the loader does.
    """
    records = unique_articles(records)
    graph = nx.MultiDiGraph()
    for record in records:
        _add_nodes(graph, record)
    skipped: list[str] = []
    for record in records:
        _add_edges(graph, record, skipped)
    if skipped:  # one line, not one per reference: a large input can hold thousands
        log.warning(
            "%d references to ids no record defines were skipped (first: %s)", len(skipped), skipped[0]
        )
    add_interactions(graph)
    return graph


def unique_articles(records: Iterable[ArticleRecord]) -> list[ArticleRecord]:
    """Records with an article id seen before dropped: the same article read twice is one article."""
    seen: set[str] = set()
    kept = []
    for record in records:
        if record.article.id not in seen:
            seen.add(record.article.id)
            kept.append(record)
    return kept


def _add_nodes(graph: nx.MultiDiGraph, record: ArticleRecord) -> None:
    art = record.article
    if art.id not in graph:
        graph.add_node(
            art.id,
            label="Article",
            id=art.id,
            title=art.title,
            source=art.source,
            published=art.published,
            url=art.url,
            path=art.path,
        )
    for actor in record.actors:
        node = graph.nodes.get(actor.id)
        if node is None:
            graph.add_node(
                actor.id,
                label="Actor",
                id=actor.id,
                name=actor.name,
                kind=actor.kind,
                country=actor.country,
                aliases=unique(actor.aliases),
                cameo_code=actor.cameo_code,
            )
            continue
        node["aliases"] = unique([*node["aliases"], *actor.aliases])
        for key in ("country", "cameo_code"):
            if node.get(key) is None:
                node[key] = getattr(actor, key)
    for place in record_places(record):
        if place["id"] not in graph:
            graph.add_node(
                place["id"],
                label="Place",
                id=place["id"],
                name=place.get("name"),
                country=place.get("country"),
            )
    for event in record.events:
        if event.id in graph:
            continue
        graph.add_node(
            event.id,
            label="Event",
            id=event.id,
            type=event.type,
            cameo=event.cameo,
            cameo_root=event.cameo_root,
            goldstein=float(event.goldstein),
            quad_class=int(event.quad_class),
            modality=event.modality,
            negated=bool(event.negated),
            date=event.date,
            date_text=event.date_text,
            sentence=event.evidence.text if event.evidence else None,
            confidence=float(event.confidence),
            trigger=event.trigger,
        )


def record_places(record: ArticleRecord) -> list[dict[str, Any]]:
    """Declared places, plus a Place for every event place given only as a name."""
    declared = [p for p in record.places if p.get("id")]
    known = {p["id"] for p in declared}
    for event in record.events:
        if event.place and event.place not in known:
            declared.append({"id": place_id(event.place), "name": event.place, "country": None})
            known.add(event.place)
    return declared


def event_place_id(record: ArticleRecord, place: str) -> str:
    """An event place is a declared place id, or else a name that :func:`record_places` made one of."""
    return place if any(p.get("id") == place for p in record.places) else place_id(place)


def _add_edges(graph: nx.MultiDiGraph, record: ArticleRecord, skipped: list[str]) -> None:
    art_id = record.article.id

    def link(u: str, v: str, rel: str, role: str | None = None, **props: Any) -> None:
        if u not in graph or v not in graph:
            skipped.append(f"{art_id}: {rel} {u} -> {v}")
            return
        key = edge_key(rel, role)
        if not graph.has_edge(u, v, key):  # first sighting wins, as ON CREATE SET in the loader
            graph.add_edge(u, v, key=key, type=rel, **({"role": role} if role else {}), **props)

    for actor in record.actors:
        count = max(len(actor.mentions), 1)
        if graph.has_edge(art_id, actor.id, "MENTIONS"):
            graph.edges[art_id, actor.id, "MENTIONS"]["count"] += count
        else:
            link(art_id, actor.id, "MENTIONS", count=count)
    for event in record.events:
        for actor in unique(event.source):
            link(actor, event.id, "SOURCE_OF")
        for actor in unique(event.target):
            link(event.id, actor, "TARGETS")
        for inv in event.involves:
            link(event.id, inv.actor, "INVOLVES", inv.role)
        if event.place:
            link(event.id, event_place_id(record, event.place), "AT")
        ev = event.evidence
        link(
            event.id,
            art_id,
            "REPORTED_IN",
            sentence_index=ev.sentence_index if ev else None,
            start=ev.start if ev else None,
            end=ev.end if ev else None,
        )
        for actor in unique(event.attributed_to):
            link(event.id, actor, "ATTRIBUTED_TO")
        for other in unique(event.conditional_on):
            link(event.id, other, "CONDITIONAL_ON")
        for other in unique(event.responds_to):
            link(event.id, other, "RESPONDS_TO")
    for rel in record.relations:
        if rel.type not in RELATION_TYPES:
            skipped.append(f"{art_id}: relation type {rel.type!r} is not in the schema")
            continue
        props = {k: v for k, v in rel.properties.items() if k not in ("type", "role")}
        schema = {k: None for k in EDGE_PROPERTIES[rel.type]}
        link(
            rel.source, rel.target, rel.type, **{**schema, **props, **relation_evidence(rel.evidence, art_id)}
        )


def relation_evidence(evidence: Evidence | None, article_id: str) -> dict[str, Any]:
    """The evidence a relation edge keeps: its article, and the sentence and span when known."""
    return {
        "article": article_id,
        "sentence": evidence.text if evidence else None,
        "sentence_index": evidence.sentence_index if evidence else None,
        "start": evidence.start if evidence else None,
        "end": evidence.end if evidence else None,
    }


def add_interactions(graph: nx.MultiDiGraph) -> None:
    """(Re)derive INTERACTS_WITH per ordered actor pair from SOURCE_OF/TARGETS of non-negated events."""
    stale = [(u, v, k) for u, v, k, t in graph.edges(keys=True, data="type") if t == "INTERACTS_WITH"]
    graph.remove_edges_from(stale)
    pairs: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for event_id, data in graph.nodes(data=True):
        if data.get("label") != "Event" or data.get("negated"):
            continue
        sources = [u for u, _, t in graph.in_edges(event_id, data="type") if t == "SOURCE_OF"]
        targets = [v for _, v, t in graph.out_edges(event_id, data="type") if t == "TARGETS"]
        for s in sources:
            for t in targets:
                if s != t:
                    pairs[(s, t)].append(data)
    for (s, t), events in pairs.items():
        graph.add_edge(
            s,
            t,
            key="INTERACTS_WITH",
            type="INTERACTS_WITH",
            events=len(events),
            cooperation=sum(e["quad_class"] in COOPERATION_QUADS for e in events),
            conflict=sum(e["quad_class"] in CONFLICT_QUADS for e in events),
            goldstein=round(sum(e["goldstein"] for e in events) / len(events), GOLDSTEIN_PLACES),
        )


def unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


# --- summaries and analytics (functions over a graph, networkx style) -------------------------------


def nodes_by_label(graph: nx.MultiDiGraph, label: str) -> list[str]:
    return [n for n, lab in graph.nodes(data="label") if lab == label]


def summarize(graph: nx.MultiDiGraph, records: Iterable[ArticleRecord]) -> str:
    """A few lines for the CLI: articles, actors by kind, events by CAMEO root, relations, dyads."""
    records = list(records)
    actors = Counter(graph.nodes[n].get("kind") for n in nodes_by_label(graph, "Actor"))
    roots = Counter(graph.nodes[n]["cameo_root"] for n in nodes_by_label(graph, "Event"))
    rels = Counter(t for _, _, t in graph.edges(data="type") if t in RELATION_TYPES)
    dyads = dyad_summary(graph)
    plurals = {"state": "states", "person": "people", "organization": "organizations", "group": "groups"}
    kinds = ", ".join(f"{actors[k]} {plurals[k] if actors[k] > 1 else k}" for k in KIND_LABELS if actors[k])
    lines = [
        f"{len(nodes_by_label(graph, 'Article'))} articles ({len(records)} records), "
        f"{sum(actors.values())} actors ({kinds or 'none'}), {sum(roots.values())} events, "
        f"{len(nodes_by_label(graph, 'Place'))} places",
        "events by CAMEO root: "
        + (", ".join(f"{r} {CAMEO_ROOTS.get(r, '?')} {n}" for r, n in sorted(roots.items())) or "none"),
        "relations: " + (", ".join(f"{t} {rels[t]}" for t in RELATION_TYPES if rels[t]) or "none"),
        f"dyads: {len(dyads)} ({sum(d['cooperation'] > 0 for d in dyads)} with cooperation, "
        f"{sum(d['conflict'] > 0 for d in dyads)} with conflict)",
    ]
    top = most_active_actors(graph, 5)
    if top:
        lines.append("most active: " + ", ".join(f"{name} {n}" for _, name, n in top))
    return "\n".join(lines)


def find_actor(graph: nx.MultiDiGraph, name: str) -> str | None:
    """The id of the actor whose id, name or alias is ``name`` (case-insensitive), or None."""
    wanted = name.casefold()
    for node in nodes_by_label(graph, "Actor"):
        data = graph.nodes[node]
        if wanted in {
            node.casefold(),
            (data.get("name") or "").casefold(),
            *(a.casefold() for a in data.get("aliases") or []),
        }:
            return node
    return None


def actor_events(graph: nx.MultiDiGraph, actor: str) -> list[tuple[str, str]]:
    """(event id, role) pairs for an actor: role is ``source``, ``target`` or the INVOLVES role."""
    found = [(v, "source") for _, v, t in graph.out_edges(actor, data="type") if t == "SOURCE_OF"]
    for u, _, data in graph.in_edges(actor, data=True):
        if data["type"] == "TARGETS":
            found.append((u, "target"))
        elif data["type"] == "INVOLVES":
            found.append((u, data.get("role") or "involved"))
    return found


def most_active_actors(graph: nx.MultiDiGraph, top: int = 10) -> list[tuple[str, str, int]]:
    """(id, name, distinct events) for the actors in the most events, most first, ties by name."""
    counts = [
        (a, graph.nodes[a].get("name") or a, len({e for e, _ in actor_events(graph, a)}))
        for a in nodes_by_label(graph, "Actor")
    ]
    counts = [c for c in counts if c[2]]
    return sorted(counts, key=lambda c: (-c[2], c[1]))[:top]


def dyad_summary(graph: nx.MultiDiGraph, min_events: int = 1) -> list[dict[str, Any]]:
    """INTERACTS_WITH as rows (source, target names, counts, mean Goldstein), most events first."""
    rows = [
        {
            "source": graph.nodes[u].get("name"),
            "target": graph.nodes[v].get("name"),
            "source_id": u,
            "target_id": v,
            **{k: d[k] for k in ("events", "cooperation", "conflict", "goldstein")},
        }
        for u, v, d in graph.edges(data=True)
        if d["type"] == "INTERACTS_WITH" and d["events"] >= min_events
    ]
    return sorted(rows, key=lambda r: (-r["events"], r["goldstein"], r["source"], r["target"]))


def actor_timeline(graph: nx.MultiDiGraph, actor: str) -> list[dict[str, Any]]:
    """The events an actor (id, name or alias) takes part in, by date (undated last, by publication)."""
    actor_id = actor if graph.nodes.get(actor, {}).get("label") == "Actor" else find_actor(graph, actor)
    if actor_id is None:
        return []
    rows = []
    for event, role in actor_events(graph, actor_id):
        data = graph.nodes[event]
        article = next((v for _, v, t in graph.out_edges(event, data="type") if t == "REPORTED_IN"), None)
        rows.append(
            {
                "date": data.get("date"),
                "event": event,
                "type": data["type"],
                "cameo": data["cameo"],
                "role": role,
                "modality": data["modality"],
                "negated": data["negated"],
                "goldstein": data["goldstein"],
                "sentence": data.get("sentence"),
                "article": article,
                "published": graph.nodes[article].get("published") if article else None,
            }
        )
    return sorted(rows, key=lambda r: (r["date"] is None, r["date"] or "", r["published"] or "", r["event"]))


def actor_centrality(graph: nx.MultiDiGraph, top: int = 10) -> list[tuple[str, float]]:
    """Degree centrality of actors in the INTERACTS_WITH network (both directions), highest first."""
    dyads = nx.Graph()
    dyads.add_edges_from((u, v) for u, v, t in graph.edges(data="type") if t == "INTERACTS_WITH")
    ranked = sorted(nx.degree_centrality(dyads).items(), key=lambda kv: (-kv[1], kv[0]))
    return ranked[:top]
