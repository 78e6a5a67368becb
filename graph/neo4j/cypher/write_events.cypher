// Events of the database whose reports changed, derived again from their reports (events.py): every
// property set again, one fixed label for the CAMEO quad class (so Neo4j Browser's style, GraSS styles
// by label, can colour cooperation and conflict apart; `labels` comes from the schema, never from
// data), the actors, places and claimants they had dropped and written again from the union of their
// reports, and REPORTED_IN of the reports new to them. Rows as in create_events.cypher.
UNWIND $rows AS row
MERGE (e:Event {id: row.props.id})
SET e = row.props
REMOVE e:VerbalCooperation:MaterialCooperation:VerbalConflict:MaterialConflict
SET e:$(row.labels)
WITH e, row
CALL (e) {
  MATCH (e)-[r:TARGETS|INVOLVES|AT|ATTRIBUTED_TO]->()
  DELETE r
}
CALL (e) {
  MATCH ()-[r:SOURCE_OF]->(e)
  DELETE r
}
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
