// Events and their provenance: the article and the evidence span they were read from.
// Each event also gets one fixed label for its CAMEO quad class, so Neo4j Browser's style
// (GraSS styles by label) can colour cooperation and conflict apart.
UNWIND $rows AS row
MATCH (art:Article {id: row.article})
MERGE (e:Event {id: row.id})
ON CREATE SET e += row.props
FOREACH (_ IN CASE row.props.quad_class WHEN 1 THEN [1] ELSE [] END | SET e:VerbalCooperation)
FOREACH (_ IN CASE row.props.quad_class WHEN 2 THEN [1] ELSE [] END | SET e:MaterialCooperation)
FOREACH (_ IN CASE row.props.quad_class WHEN 3 THEN [1] ELSE [] END | SET e:VerbalConflict)
FOREACH (_ IN CASE row.props.quad_class WHEN 4 THEN [1] ELSE [] END | SET e:MaterialConflict)
MERGE (e)-[r:REPORTED_IN]->(art)
ON CREATE SET r += row.evidence
