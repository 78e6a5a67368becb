// Events new to the database (events.py: no stored event of the batch's identity keys has their id, and
// the load lock keeps other loads out), created with their relationships: no MERGE lookup, and no link
// of theirs to delete. Their second label (the CAMEO quad class, schema.QUAD_LABELS) comes from the
// schema, never from data, as in write_events.cypher. Rows: {props (id included), labels, reports,
// sources, actors, places}; `reports` are {dst: article, props} of REPORTED_IN (the report's own
// properties: evidence, code, modality, negation, attribution ...), `sources` {dst: actor, props} of
// (Actor)-[:SOURCE_OF]->(Event), `actors` {type, dst, props} of TARGETS, INVOLVES {role} and
// ATTRIBUTED_TO (the type one of events.ACTOR_LINKS, never from data), `places` {dst, props} of AT.
// An event's links are unique (merge.actor_links), so CREATE makes each once.
UNWIND $rows AS row
CREATE (e:$(row.labels))
SET e = row.props
WITH e, row
CALL (e, row) {
  UNWIND row.reports AS link
  MATCH (art:Article {id: link.dst})
  CREATE (e)-[r:REPORTED_IN]->(art)
  SET r = link.props
}
CALL (e, row) {
  UNWIND row.sources AS link
  MATCH (a:Actor {id: link.dst})
  CREATE (a)-[r:SOURCE_OF]->(e)
  SET r = link.props
}
CALL (e, row) {
  UNWIND row.actors AS link
  MATCH (a:Actor {id: link.dst})
  CREATE (e)-[r:$(link.type)]->(a)
  SET r = link.props
}
CALL (e, row) {
  UNWIND row.places AS link
  MATCH (p:Place {id: link.dst})
  CREATE (e)-[r:AT]->(p)
  SET r = link.props
}
