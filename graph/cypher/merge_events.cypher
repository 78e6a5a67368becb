// Events and their provenance: the article and the evidence span they were read from.
UNWIND $rows AS row
MATCH (art:Article {id: row.article})
MERGE (e:Event {id: row.id})
ON CREATE SET e += row.props
MERGE (e)-[r:REPORTED_IN]->(art)
ON CREATE SET r += row.evidence
