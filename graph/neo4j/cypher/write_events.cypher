// Events derived from their reports: every property set again, the actors, places and claimants
// they had dropped (written again from the union of their reports, link_* statements), and one
// fixed label for the CAMEO quad class, so Neo4j Browser's style (GraSS styles by label) can
// colour cooperation and conflict apart. Rows: {id, props}.
UNWIND $rows AS row
MERGE (e:Event {id: row.id})
SET e = row.props, e.id = row.id
REMOVE e:VerbalCooperation:MaterialCooperation:VerbalConflict:MaterialConflict
FOREACH (_ IN CASE row.props.quad_class WHEN 1 THEN [1] ELSE [] END | SET e:VerbalCooperation)
FOREACH (_ IN CASE row.props.quad_class WHEN 2 THEN [1] ELSE [] END | SET e:MaterialCooperation)
FOREACH (_ IN CASE row.props.quad_class WHEN 3 THEN [1] ELSE [] END | SET e:VerbalConflict)
FOREACH (_ IN CASE row.props.quad_class WHEN 4 THEN [1] ELSE [] END | SET e:MaterialConflict)
WITH e
CALL (e) {
  MATCH (e)-[r:TARGETS|INVOLVES|AT|ATTRIBUTED_TO]->()
  DELETE r
}
CALL (e) {
  MATCH ()-[r:SOURCE_OF]->(e)
  DELETE r
}
