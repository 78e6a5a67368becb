"""What each loader statement receives: one batch of records as ``$rows`` parameters per statement file.

Rows come from :func:`newsgraph.graph.schema.record_rows`; each node label and relationship type
has its statement file (``merge_<label>s``, ``link_<type>``), actors one per kind so that the
extra label comes from the schema, never from data. Neo4j stores no nulls, so properties without
a value are left out of the rows. Events are not here: they are derived from the reports of every
article (``events.py``).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from newsgraph.graph.schema import KIND_LABELS, REL_TYPES, NodeRow, RecordRows, RelRow, kind_name, unique

ACTOR_ROW = ("id", "name", "kind", "country", "cameo_code", "aliases")  # what merge_actors_* reads


def clean(props: dict[str, Any]) -> dict[str, Any]:
    """Neo4j stores no nulls: ``SET += {k: null}`` would only remove k."""
    return {k: v for k, v in props.items() if v is not None}


def batch_rows(batch: list[RecordRows]) -> list[tuple[str, dict[str, Any]]]:
    """The (statement name, parameters) list that writes a batch's articles, actors, places, mentions
    and relations: nodes first, then relationships.

    An actor seen again in the batch is one row, merged by the MERGE statement's own rules (first
    non-null value, aliases as a union).
    """
    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    actors: dict[str, dict[str, Any]] = {}
    for record in batch:
        for node in record.nodes:
            if node.label == "Actor":
                _merge_actor(actors, rows, node.properties)
            else:
                rows[f"merge_{node.label.lower()}s"].append({"id": node.id, "props": _node_props(node)})
        for rel in record.relationships:
            rows[f"link_{rel.type.lower()}"].append(link_row(rel))
    actor_files = [name for name in rows if name.startswith("merge_actors_")]
    order = ["merge_articles", *actor_files, "merge_places"]
    order += [f"link_{t.lower()}" for t in REL_TYPES]
    return [(name, {"rows": rows[name]}) for name in order if rows.get(name)]


def link_row(rel: RelRow) -> dict[str, Any]:
    """The row a ``link_<type>`` statement reads."""
    return {"src": rel.start, "dst": rel.end, "props": clean(rel.properties)}


def _node_props(node: NodeRow) -> dict[str, Any]:
    return clean({k: v for k, v in node.properties.items() if k != "id"})


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
