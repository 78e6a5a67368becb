// (Event)-[:REPORTED_IN]->(Article): one per report, its properties the report's own (evidence,
// code, modality, negation, attribution ...). Rows: {src, dst, props}.
UNWIND $rows AS row
MATCH (e:Event {id: row.src})
MATCH (art:Article {id: row.dst})
CREATE (e)-[r:REPORTED_IN]->(art)
SET r = row.props
