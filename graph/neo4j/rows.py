"""What each loader statement receives: one batch of records as ``$rows`` parameters per statement file.

Rows come from :func:`newsgraph.graph.schema.record_rows`. A batch writes its nodes and record
relationships in four statements, whatever the kinds and types in it: ``merge_actors`` (the extra
label of each kind from the schema's ``KIND_LABELS``, never from data), ``merge_places``,
``merge_articles`` (each article with its ``MENTIONS``) and ``link_relations`` (the actor relations,
their type one of the schema's relation types, checked by ``record_rows``). One statement per label
instead of one per kind and type: on a first load every statement is planned once after the schema
is created, and five actor files and three relation files cost a first load of 1,000 articles
0.3-0.4 CPU s of planning more than the four. Neo4j stores no nulls, so properties without a value are
left out of the rows. Events are not here: they are derived from the reports of every article
(``events.py``).
"""

from __future__ import annotations

from typing import Any

from newsgraph.graph.schema import KIND_LABELS, NodeRow, RecordRows, RelRow, kind_name, unique

ACTOR_ROW = ("id", "name", "kind", "country", "cameo_code", "aliases")  # what merge_actors reads


def clean(props: dict[str, Any]) -> dict[str, Any]:
    """Neo4j stores no nulls: ``SET += {k: null}`` would only remove k."""
    return {k: v for k, v in props.items() if v is not None}


def batch_rows(batch: list[RecordRows]) -> list[tuple[str, dict[str, Any]]]:
    """The (statement name, parameters) list that writes a batch's actors, places, articles with their
    mentions, and relations: nodes first, then relationships between them.

    An actor seen again in the batch is one row, merged by the MERGE statement's own rules (first
    non-null value, aliases as a union); so is a place (the first sighting's properties).
    """
    actors: dict[str, dict[str, Any]] = {}
    places: dict[str, dict[str, Any]] = {}
    articles: dict[str, dict[str, Any]] = {}
    relations: list[dict[str, Any]] = []
    for record in batch:
        for node in record.nodes:
            if node.label == "Actor":
                _merge_actor(actors, node.properties)
            elif node.label == "Place":
                places.setdefault(node.id, {"id": node.id, "props": _node_props(node)})
            else:
                articles[node.id] = {"id": node.id, "props": clean(node.properties), "mentions": []}
        for rel in record.relationships:
            if rel.type == "MENTIONS":
                articles[rel.start]["mentions"].append({"dst": rel.end, "count": rel.properties["count"]})
            else:
                relations.append({"type": rel.type, **link_row(rel)})
    order = (
        ("merge_actors", list(actors.values())), ("merge_places", list(places.values())),
        ("merge_articles", list(articles.values())), ("link_relations", relations),
    )  # fmt: skip
    return [(name, {"rows": rows}) for name, rows in order if rows]


def link_row(rel: RelRow) -> dict[str, Any]:
    """The row a ``link_<type>`` statement reads."""
    return {"src": rel.start, "dst": rel.end, "props": clean(rel.properties)}


def _node_props(node: NodeRow) -> dict[str, Any]:
    return clean({k: v for k, v in node.properties.items() if k != "id"})


def _merge_actor(actors: dict[str, dict[str, Any]], props: dict[str, Any]) -> None:
    """One row per actor per batch (the same state in 100 articles is one MERGE), labelled by its
    first kind."""
    row = actors.get(props["id"])
    if row is None:
        row = actors[props["id"]] = {k: props[k] for k in ACTOR_ROW}
        label = KIND_LABELS.get(kind_name(props["kind"]))
        row["labels"] = [label] if label else []
        return
    # the rules of the MERGE statement: first non-null value, aliases as a union
    row["country"] = row["country"] or props["country"]
    row["cameo_code"] = row["cameo_code"] or props["cameo_code"]
    row["aliases"] = unique([*row["aliases"], *props["aliases"]])
