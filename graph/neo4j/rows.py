"""What each loader statement receives: one batch of records as ``$rows`` parameters per statement file.

Rows come from :func:`newsgraph.graph.schema.record_rows`; each node label and relationship type
has its statement file (``merge_<label>s``, ``link_<type>``), actors one per kind so that the
extra label comes from the schema, never from data. Neo4j stores no nulls, so properties without
a value are left out of the rows.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from newsgraph.extract.record import ArticleRecord
from newsgraph.graph.neo4j.statements import statement
from newsgraph.graph.schema import KIND_LABELS, REL_TYPES, NodeRow, kind_name, record_rows, unique

ACTOR_ROW = ("id", "name", "kind", "country", "cameo_code", "aliases")  # what merge_actors_* reads


def _clean(props: dict[str, Any]) -> dict[str, Any]:
    """Neo4j stores no nulls: ``SET += {k: null}`` would only remove k."""
    return {k: v for k, v in props.items() if v is not None}


def batch_statements(batch: list[ArticleRecord]) -> list[tuple[str, dict[str, Any]]]:
    """The (statement, parameters) list that writes one batch: nodes first, then relationships.

    An actor seen again in the batch is one row, merged by the MERGE statement's own rules (first
    non-null value, aliases as a union); an event carries its article and evidence span, which
    ``merge_events`` writes as its REPORTED_IN relationship.
    """
    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    actors: dict[str, dict[str, Any]] = {}
    for record in batch:
        record_plan = record_rows(record)
        reported = [r for r in record_plan.relationships if r.type == "REPORTED_IN"]
        events = iter(reported)
        for node in record_plan.nodes:
            if node.label == "Actor":
                _merge_actor(actors, rows, node.properties)
            elif node.label == "Event":  # with its provenance: one REPORTED_IN per event, in order
                link = next(events)
                evidence = _clean(link.properties)
                rows["merge_events"].append(
                    {"id": node.id, "article": link.end, "props": _node_props(node), "evidence": evidence}
                )
            else:
                rows[f"merge_{node.label.lower()}s"].append({"id": node.id, "props": _node_props(node)})
        for rel in record_plan.relationships:
            if rel.type != "REPORTED_IN":
                rows[f"link_{rel.type.lower()}"].append(
                    {"src": rel.start, "dst": rel.end, "props": _clean(rel.properties)}
                )
    actor_files = [name for name in rows if name.startswith("merge_actors_")]
    order = ["merge_articles", *actor_files, "merge_places", "merge_events"]
    order += [f"link_{t.lower()}" for t in REL_TYPES]
    return [(statement(name), {"rows": rows[name]}) for name in order if rows.get(name)]


def _node_props(node: NodeRow) -> dict[str, Any]:
    return _clean({k: v for k, v in node.properties.items() if k != "id"})


def _merge_actor(actors: dict[str, dict[str, Any]], rows: dict[str, list], props: dict[str, Any]) -> None:
    """One row per actor per batch (the same state in 100 articles is one MERGE), in its first kind's file."""
    row = actors.get(props["id"])
    if row is None:
        row = actors[props["id"]] = {k: props[k] for k in ACTOR_ROW}
        kind = kind_name(props["kind"])
        rows[f"merge_actors_{kind if kind in KIND_LABELS else 'other'}"].append(row)
        return
    # the rules of the MERGE statement: first non-null value, aliases as a union
    row["country"] = row["country"] or props["country"]
    row["cameo_code"] = row["cameo_code"] or props["cameo_code"]
    row["aliases"] = unique([*row["aliases"], *props["aliases"]])
