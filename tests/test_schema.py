"""The graph schema, declared once: every row the record mapping makes carries exactly its properties."""

from __future__ import annotations

from fixtures_records import fixture_records

from newsgraph.extract.record import ACTOR_KINDS, RELATION_TYPES
from newsgraph.graph.build import build_graph
from newsgraph.graph.merge import merge_reports
from newsgraph.graph.schema import (
    EDGE_ENDS,
    EDGE_PROPERTIES,
    KIND_LABELS,
    NODE_PROPERTIES,
    REL_TYPES,
    REPORT_PROPERTIES,
    RecordRows,
    cameo_root_names,
    constraint_statements,
    record_rows,
)


def test_rows_carry_the_schema_properties_in_schema_order():
    rows = [record_rows(record) for record in fixture_records()]
    # events are derived from every record's reports (issue 12), then written like the record's rows
    events = merge_reports(report for r in rows for report in r.reports)
    rows.append(RecordRows(events.nodes, events.relationships))
    for report in (x for r in rows for x in r.reports):
        assert list(report.properties) == list(REPORT_PROPERTIES), report
    labels = {n.id: n.label for r in rows for n in r.nodes}
    for node in (n for r in rows for n in r.nodes):
        assert list(node.properties) == list(NODE_PROPERTIES[node.label]), node
    for rel in (x for r in rows for x in r.relationships):
        schema = list(EDGE_PROPERTIES[rel.type])
        assert list(rel.properties)[: len(schema)] == schema, rel  # relations may add their own after
        if rel.type not in RELATION_TYPES:
            assert list(rel.properties) == schema, rel
        start, end = EDGE_ENDS[rel.type]
        assert labels.get(rel.start, start) == start and labels.get(rel.end, end) == end, rel
    assert {x.type for r in rows for x in r.relationships} == set(REL_TYPES) - {"INTERACTS_WITH"}


def test_every_relationship_in_the_networkx_graph_is_a_schema_type_between_its_labels():
    graph = build_graph(fixture_records())
    for u, v, data in graph.edges(data=True):
        assert (graph.nodes[u]["label"], graph.nodes[v]["label"]) == EDGE_ENDS[data["type"]]


def test_names_come_from_the_record_model_and_the_ontology():
    assert list(KIND_LABELS) == [str(getattr(k, "value", k)) for k in ACTOR_KINDS]
    assert KIND_LABELS["organization"] == "Organization"
    roots = cameo_root_names()
    assert len(roots) == 20 and roots["01"] == "make public statement"
    assert roots["20"] == "use unconventional mass violence" and roots["15"] == "exhibit force posture"
    assert len(constraint_statements()) == len(NODE_PROPERTIES) + len(KIND_LABELS)
